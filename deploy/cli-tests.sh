#!/usr/bin/env bash
# The command line's contracts, through the binary (run by `make test` after `swift test`, within
# deploy/test.sh, which provides DATABASE_URL): the export and import round trip, registration and
# badges, the opinion groups, people's data (download, erasure, purge), and a backup restored into
# a second cluster. deploy/check-cluster-cli.sh is left to `make bench-quality`'s kind of run: it
# embeds whole data sets, minutes in a debug build.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product atelier --explicit-target-dependency-import-check error >/dev/null
for check in export participants opinion-groups personal-data backup; do
  echo "== deploy/check-$check-cli.sh"
  bash "deploy/check-$check-cli.sh"
done
