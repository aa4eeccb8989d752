#!/usr/bin/env bash
# Clustering quality: `atelier cluster` with automatic k against scikit-learn baselines given
# the true k, on the labelled sets of ../shared/data (whole files and workshop-sized subsets).
# Prints a Markdown table and writes bench-out/quality.json. Options go to bench/quality.py:
#
#   deploy/bench-quality.sh [--subsets N] [--seed S] [--timeout SECONDS]
#
# Python packages go into .venv-bench/ (created on first use). PYTHON=python3.12 picks the
# interpreter that creates it (3.11 or later).
set -euo pipefail
cd "$(dirname "$0")/.."

data=../shared/data
if [ ! -f "$data/sib200_fra_Latn.csv" ] || [ ! -f "$data/paris_bp_laureats_titles.csv" ]; then
  echo "bench-quality: the labelled data sets are not in $data (they exist only on the development machine); nothing to measure."
  exit 0
fi

venv=.venv-bench
if [ ! -x "$venv/bin/python" ]; then
  python=${PYTHON:-python3}
  command -v "$python" >/dev/null || { echo "bench-quality: $python not found (Python 3.11 or later is needed)" >&2; exit 1; }
  "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || {
    echo "bench-quality: $("$python" --version 2>&1) is too old; Python 3.11 or later is needed (PYTHON=python3.11 $0)" >&2
    exit 1
  }
  echo "bench-quality: creating $venv" >&2
  "$python" -m venv "$venv" || {
    rm -rf "$venv"
    echo "bench-quality: could not create a virtualenv (on Debian/Ubuntu: apt-get install python3-venv)" >&2
    exit 1
  }
fi
if ! "$venv/bin/python" -c 'import numpy, scipy, sklearn' 2>/dev/null; then
  echo "bench-quality: installing scikit-learn, numpy, scipy into $venv" >&2
  "$venv/bin/python" -m pip install -q scikit-learn numpy scipy
fi

swift build -c release --product atelier >&2
exec "$venv/bin/python" bench/quality.py --binary .build/release/atelier "$@"
