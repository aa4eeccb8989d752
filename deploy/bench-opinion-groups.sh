#!/usr/bin/env bash
# Opinion groups: `atelier opinion-groups` against the numpy version of the same steps, one BLAS
# thread, in the same run (bench/opinion_groups_speed.py); numpy goes into .venv-bench/.
#
#   deploy/bench-opinion-groups.sh [BINARY] [--rounds N]
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${1:-.build/release/atelier}
[ $# -gt 0 ] && shift
bash deploy/bench-venv.sh numpy
OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 exec .venv-bench/bin/python bench/opinion_groups_speed.py --binary "$bin" "$@"
