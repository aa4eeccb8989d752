#!/usr/bin/env bash
# The API against its own contract, by schemathesis (PyPI, in .venv-fuzz/, installed by
# `deploy/install-deps.sh --test`): the served /openapi.json, called as each role of the demo
# congress (attendee, lead, admin, display), with the examples, coverage, fuzzing and stateful
# phases. Checks: no answer >= 500, every answer's status documented for its operation, its
# content type and body as the document says. Run by `make test` after `swift test`, within
# deploy/test.sh, which provides DATABASE_URL:
#
#   bash deploy/test.sh bash deploy/fuzz-api.sh [SECONDS]      (default: $API_FUZZ_SECONDS or 160, shared by the roles)
#
# `make fuzz` runs it longer. Left out: the event stream (an answer that never ends), the
# caller's erasure (it would end the role's access mid-run; it has tests of its own) and
# negative data rejection (the server reads more leniently than the document's schemas in a
# few documented places, such as unknown query parameters, which it ignores).
# One worker: schemathesis's threads trip CPython 3.11's "AST constructor recursion depth
# mismatch" while describing their strategies, an error of the tool's, not of the server's.
# Prints the figures of each role's run and exits non-zero if any check failed; each role's whole
# report stays in .build/fuzz-api/ (ROLE.log, ROLE.xml), with the server's log.
set -euo pipefail

cd "$(dirname "$0")/.."
seconds=${1:-${API_FUZZ_SECONDS:-160}}
[ -n "${DATABASE_URL:-}" ] || { echo "DATABASE_URL is not set: run it through deploy/test.sh" >&2; exit 2; }
[ -x .venv-fuzz/bin/schemathesis ] || { echo "no .venv-fuzz/: run deploy/install-deps.sh --test" >&2; exit 2; }
swift build --product atelier --explicit-target-dependency-import-check error >/dev/null
binary=.build/debug/atelier

tmp=$(mktemp -d)
logs=.build/fuzz-api
rm -rf "$logs" && mkdir -p "$logs"
server=
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT

"$binary" migrate >/dev/null
"$binary" demo --no-embeddings >/dev/null 2>&1
sql() { psql "$DATABASE_URL" -Atc "$1"; }
workshop_slug=$(sql "SELECT slug FROM workshop ORDER BY position LIMIT 1")
add() { "$binary" participants add --congress agen-2026 --name "Fuzz $1" --role "$1" "${@:2}" 2>/dev/null; }
declare -A tokens=(
  [attendee]=$(add attendee) [lead]=$(add lead --workshop "$workshop_slug") [admin]=$(add admin) [display]=$(add display)
)

# Real ids for the path parameters, so that requests reach the rules behind the 404s; the
# first workshop is the one the lead leads.
workshop=$(sql "SELECT id FROM workshop WHERE slug = '$workshop_slug'")
contribution=$(sql "SELECT id FROM contribution WHERE workshop_id = '$workshop' ORDER BY created_at LIMIT 1")
token=$(printf '%s' "${tokens[lead]}")
port=$((20000 + RANDOM % 9000))
# Thousands of cases per role in minutes: without this, most writes would meet the rate limits.
ATELIER_RATE_LIMITS=off "$binary" serve --no-embeddings --port "$port" >"$logs/serve.log" 2>&1 &
server=$!
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.2; done
proposal=$(curl -fs -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d "{\"title\":\"Proposition du fuzz\",\"sources\":[\"$contribution\"]}" \
  "http://127.0.0.1:$port/api/v1/workshops/$workshop/proposals" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')

cat >"$tmp/schemathesis.toml" <<EOF
[parameters]
"path.congress" = "agen-2026"
"path.workshop" = "$workshop"
"path.contribution" = "$contribution"
"path.proposal" = "$proposal"
EOF

each=$((seconds / 4))
failed=0
echo "fuzz-api: schemathesis $(.venv-fuzz/bin/schemathesis --version | awk '{print $NF}'), ${each} s per role against 127.0.0.1:$port"
for role in attendee lead admin display; do
  status=0
  .venv-fuzz/bin/schemathesis --config-file "$tmp/schemathesis.toml" run "http://127.0.0.1:$port/openapi.json" \
    --header "Authorization: Bearer ${tokens[$role]}" --max-time "$each" --seed 2026 --workers 1 \
    --phases examples,coverage,fuzzing,stateful --exclude-path-regex '/events$|/me/erasure$' \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,response_headers_conformance \
    --generation-database none --request-timeout 30 --no-color \
    --report junit --report-junit-path "$logs/$role.xml" >"$logs/$role.log" 2>&1 || status=$?
  figures=$(python3 - "$logs/$role.xml" <<'PY'
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
tests = sum(int(s.get("tests", 0)) for s in suites)
failures = sum(int(s.get("failures", 0)) + int(s.get("errors", 0)) for s in suites)
print(f"{tests} operations tested, {failures} failing")
PY
)
  cases=$(grep -Eo '[0-9,]+ (test cases|generated)' "$logs/$role.log" | tail -1 || true)
  echo "fuzz-api: $role: $figures; $cases; exit $status"
  if [ "$status" -ne 0 ]; then
    failed=1
    grep -E -A12 '^_+ .* _+$|Failed|failed' "$logs/$role.log" | head -60
  fi
done
if [ "$failed" -ne 0 ]; then
  echo "fuzz-api: FAILED (the server's log: $(grep -c 'unexpected error' "$logs/serve.log" || true) unexpected errors)"
  grep 'unexpected error' "$logs/serve.log" | head -20 || true
  exit 1
fi
echo "fuzz-api: all roles passed"
