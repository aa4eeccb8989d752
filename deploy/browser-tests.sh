#!/usr/bin/env bash
# The browser tests (Tests/Browser): Playwright from .venv-browser/ drives Debian's Chromium
# against a real `atelier serve`. Run through deploy/test.sh, which provides DATABASE_URL;
# `make deps-test` installs what they need. Screenshots go to screenshots/.
#
#   bash deploy/test.sh bash deploy/browser-tests.sh [PYTEST ARGS...]
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x .venv-browser/bin/pytest ] || [ ! -x /usr/bin/chromium ]; then
  echo "browser-tests: run 'make deps-test' first (Chromium and .venv-browser/ are missing)" >&2
  exit 1
fi
# The debug build of this checkout (up to date: after `swift test` this only checks), unless told otherwise.
if [ -z "${ATELIER_BIN:-}" ]; then
  swift build --product atelier --explicit-target-dependency-import-check error
  export ATELIER_BIN=$PWD/.build/debug/atelier
fi
exec .venv-browser/bin/pytest -q Tests/Browser "$@"
