#!/usr/bin/env bash
# `make fuzz`: the long hostile-input runs, one step each; any step failing fails the whole.
#   FUZZ_SECONDS      libFuzzer, per target (60)
#   API_FUZZ_SECONDS  schemathesis against the API, shared by the roles (1200; `make test` runs 160)
set -euo pipefail

cd "$(dirname "$0")/.."
bash deploy/fuzz-libfuzzer.sh
bash deploy/test.sh bash deploy/fuzz-api.sh "${API_FUZZ_SECONDS:-1200}"
