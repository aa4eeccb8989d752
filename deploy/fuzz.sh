#!/usr/bin/env bash
# `make fuzz`: the long hostile-input runs, one step each; any step failing fails the whole.
# Each step is a script of its own, so another (schemathesis's longer run against the API) is
# one more line here.
set -euo pipefail

cd "$(dirname "$0")/.."
bash deploy/fuzz-libfuzzer.sh
