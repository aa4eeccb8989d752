#!/usr/bin/env bash
# Checks the `atelier export` contract of issue 6 against a built binary and an empty database;
# builds nothing:
#
#   bash deploy/test.sh bash deploy/check-export-cli.sh [BINARY]     (default: .build/debug/atelier)
#
# Loads the demo, then: every format twice gives identical bytes, csv is a zip of the four files,
# json parses; a missing congress or workshop, a bad format and --raw-votes without csv exit
# non-zero with a message and write no file. Then the congress-json round trip: imported into a
# second database of the same server, the congress exports the same bytes in every format, and
# importing it again, or importing a briefing, is refused. Exits non-zero if any check fails.
set -euo pipefail

cd "$(dirname "$0")/.."
binary=${1:-.build/debug/atelier}
[ -n "${DATABASE_URL:-}" ] || { echo "DATABASE_URL is not set: run it through deploy/test.sh" >&2; exit 2; }
subcommand=export
# shellcheck source=deploy/cli-checks.sh
source deploy/cli-checks.sh

"$binary" migrate >/dev/null
"$binary" demo >/dev/null 2>&1

for format in odt docx html md csv json; do
  "$binary" export --congress agen-2026 --format "$format" --status all --output "$tmp/first.$format" 2>/dev/null
  "$binary" export --congress agen-2026 --format "$format" --status all --output "$tmp/second.$format" 2>/dev/null
  if cmp -s "$tmp/first.$format" "$tmp/second.$format"; then pass "$format: identical bytes twice"; else fail "$format differs between runs"; fi
done
python3 -c 'import json, sys; b = json.load(open(sys.argv[1])); assert b["figures"]["contributions"] > 0' "$tmp/first.json" \
  && pass "json parses" || fail "json does not parse"
python3 -c 'import sys, zipfile; names = zipfile.ZipFile(sys.argv[1]).namelist(); assert names == ["contributions.csv", "votes.csv", "proposals.csv", "proposal_sources.csv"], names' \
  "$tmp/first.csv" && pass "csv is a zip of the four files" || fail "csv zip"
"$binary" export --congress agen-2026 --workshop pilotage --format csv --raw-votes --output "$tmp/raw.zip" 2>/dev/null \
  && python3 -c 'import sys, zipfile; assert zipfile.ZipFile(sys.argv[1]).read("votes.csv").decode("utf-8-sig").startswith("contribution_id;voter;")' "$tmp/raw.zip" \
  && pass "raw votes" || fail "raw votes"

# Each refusal: a non-zero exit, a message on standard error, no file.
refuse() {
  local name=$1
  shift
  local rc=0
  "$binary" export "$@" --output "$tmp/refused" 2>"$tmp/err" >/dev/null || rc=$?
  if [ "$rc" -ne 0 ] && [ -s "$tmp/err" ] && [ ! -e "$tmp/refused" ]; then pass "refuses $name"; else fail "$name: exit $rc, no message or a file written"; fi
}
refuse "an unknown congress" --congress nulle-part --format md
refuse "an unknown workshop" --congress agen-2026 --workshop nulle-part --format md
refuse "an unknown format" --congress agen-2026 --format pdf
refuse "an unknown status" --congress agen-2026 --format md --status draft
refuse "raw votes without csv" --congress agen-2026 --format md --raw-votes

# The round trip: congress-json into a fresh database, then every format again from there.
"$binary" export --congress agen-2026 --format congress-json --output "$tmp/first.congress-json" 2>/dev/null
copy_url="${DATABASE_URL%/*}/atelier_import_check"
PGOPTIONS="-c client_min_messages=warning" psql "$DATABASE_URL" -qc "DROP DATABASE IF EXISTS atelier_import_check" >/dev/null
psql "$DATABASE_URL" -qc "CREATE DATABASE atelier_import_check" >/dev/null
DATABASE_URL=$copy_url "$binary" migrate >/dev/null
if DATABASE_URL=$copy_url "$binary" import --input "$tmp/first.congress-json" 2>/dev/null; then pass "import"; else fail "import"; fi
for format in odt docx html md csv json congress-json; do
  DATABASE_URL=$copy_url "$binary" export --congress agen-2026 --format "$format" --status all --output "$tmp/imported.$format" 2>/dev/null || true
  if cmp -s "$tmp/first.$format" "$tmp/imported.$format"; then pass "$format: identical bytes after import"; else fail "$format differs after import"; fi
done
# Refused imports: a non-zero exit, a message, and the database as it was.
refuse_import() {
  local name=$1 file=$2 rc=0
  DATABASE_URL=$copy_url "$binary" import --input "$file" 2>"$tmp/err" >/dev/null || rc=$?
  DATABASE_URL=$copy_url "$binary" export --congress agen-2026 --format congress-json --output "$tmp/after-refusal" 2>/dev/null || true
  if [ "$rc" -ne 0 ] && [ -s "$tmp/err" ] && cmp -s "$tmp/first.congress-json" "$tmp/after-refusal"; then
    pass "import refuses $name"
  else
    fail "import of $name: exit $rc, no message or the database changed"
  fi
}
refuse_import "a congress already there" "$tmp/first.congress-json"
refuse_import "a briefing" "$tmp/first.json"
refuse_import "a file that is not there" "$tmp/nothing.json"
psql "$DATABASE_URL" -qc "DROP DATABASE atelier_import_check" >/dev/null

verdict
