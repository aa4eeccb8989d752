#!/usr/bin/env bash
# The commands for people's data, through the binary, against an empty database:
#
#   bash deploy/test.sh bash deploy/check-personal-data-cli.sh [BINARY]     (default: .build/debug/atelier)
#
# participants data writes the participant's document; participants erase erases once, then
# says there was nothing left to do; congress purge-personal-data leaves no name and no token,
# and the briefing's figures as they were. Unknown congresses and participants exit non-zero
# with a message. Exits non-zero if any check fails.
set -euo pipefail

cd "$(dirname "$0")/.."
binary=${1:-.build/debug/atelier}
[ -n "${DATABASE_URL:-}" ] || { echo "DATABASE_URL is not set: run it through deploy/test.sh" >&2; exit 2; }
subcommand=participants
# shellcheck source=deploy/cli-checks.sh
source deploy/cli-checks.sh

"$binary" migrate >/dev/null
"$binary" demo >/dev/null 2>&1
read -r someone name < <(psql "$DATABASE_URL" -AtF ' ' -c \
  "SELECT p.id, p.display_name FROM participant p JOIN vote v ON v.participant_id = p.id WHERE p.named ORDER BY p.id LIMIT 1")

run data --congress agen-2026 --participant "$someone"
python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); assert d["format"] == "atelier-personal-data" and d["votes"], d.keys()' "$tmp/out" \
  && grep -qF "$name" "$tmp/out" && pass "data: their document, with their votes" || fail "data: $(head -c 300 "$tmp/err")"
bad "data for an unknown participant" "no participant" data --congress agen-2026 --participant 00000000-0000-0000-0000-000000000000
bad "data in an unknown congress" "no congress" data --congress nulle-part --participant "$someone"
bad "erase without a choice for the contributions" "contributions" erase --congress agen-2026 --participant "$someone"

run erase --congress agen-2026 --participant "$someone" --contributions anonymous
[ "$(cat "$tmp/out")" = "Erased." ] && pass "erase" || fail "erase: $(cat "$tmp/out" "$tmp/err")"
run erase --congress agen-2026 --participant "$someone" --contributions withdrawn
[ "$(cat "$tmp/rc")" = 0 ] && grep -q "Already erased" "$tmp/out" && pass "erase again changes nothing" || fail "erase again"
run data --congress agen-2026 --participant "$someone"
python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); assert d["participant"]["erasedAt"] and not d["votes"]' "$tmp/out" \
  && ! grep -qF "$name" "$tmp/out" && pass "data after the erasure: no name, no votes" || fail "data after the erasure"

"$binary" export --congress agen-2026 --format json --status all --output "$tmp/before.json" 2>/dev/null
subcommand=congress
run purge-personal-data --congress agen-2026
grep -q "^Purged: " "$tmp/out" && pass "purge: $(cat "$tmp/out")" || fail "purge: $(cat "$tmp/err")"
bad "purge of an unknown congress" "no congress" purge-personal-data --congress nulle-part
"$binary" export --congress agen-2026 --format json --status all --output "$tmp/after.json" 2>/dev/null
python3 -c 'import json, sys; a, b = (json.load(open(f))["figures"] for f in sys.argv[1:]); assert a == b, (a, b)' "$tmp/before.json" "$tmp/after.json" \
  && pass "the briefing's figures are unchanged" || fail "figures changed by the purge"
left=$(psql "$DATABASE_URL" -Atc "SELECT (SELECT count(*) FROM participant WHERE display_name <> 'anonyme' OR external_ref IS NOT NULL OR named)
  + (SELECT count(*) FROM access_token) + (SELECT count(*) FROM badge_code) + (SELECT count(*) FROM page_session)")
[ "$left" = 0 ] && pass "no name, reference, token, code or session left" || fail "$left personal rows left after the purge"

verdict
