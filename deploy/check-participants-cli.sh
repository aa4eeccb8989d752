#!/usr/bin/env bash
# Checks `atelier participants import` and `participants badges` against a built binary and an
# empty database; builds nothing:
#
#   bash deploy/test.sh bash deploy/check-participants-cli.sh [BINARY]     (default: .build/debug/atelier)
#
# Loads the demo, then: a registration file is imported with a summary on standard output, the same
# file again adds no one, a file with bad lines exits non-zero with every bad line on standard error
# and adds no one; the badge sheet is written with one card per participant without a code, then none,
# and not at all for an unknown congress; a display access is issued. Exits non-zero if any check fails.
set -euo pipefail

cd "$(dirname "$0")/.."
binary=${1:-.build/debug/atelier}
[ -n "${DATABASE_URL:-}" ] || { echo "DATABASE_URL is not set: run it through deploy/test.sh" >&2; exit 2; }
subcommand=participants
# shellcheck source=deploy/cli-checks.sh
source deploy/cli-checks.sh
registered() { psql "$DATABASE_URL" -Atc "SELECT count(*) FROM participant"; }

"$binary" migrate >/dev/null
"$binary" demo >/dev/null 2>&1
before=$(registered)

printf '\xef\xbb\xbfNom;Collectivit\xc3\xa9;R\xc3\xb4le;Ateliers;Courriel\r\nJeanne Martin;Ville de N\xc3\xa9rac (47);participant\xc2\xb7e;;j@example.fr\r\nPaul Durand;Agen (47);animateur\xc2\xb7rice;pilotage|risques-cyber;p@example.fr\r\n' >"$tmp/good.csv"
out=$("$binary" participants import --congress agen-2026 "$tmp/good.csv")
[[ $out == *"2 added, 0 updated, 0 already registered."* && $out == *'Columns ignored: "Courriel".'* ]] \
  && [ "$(registered)" -eq $((before + 2)) ] && pass "a registration file is imported" || fail "import: $out"
out=$("$binary" participants import --congress agen-2026 "$tmp/good.csv")
[[ $out == *"0 added, 0 updated, 2 already registered."* ]] && [ "$(registered)" -eq $((before + 2)) ] \
  && pass "the same file again adds no one" || fail "import again: $out"

printf 'name,role,workshops\n,attendee,\nLuc Roy,chef,jardinage\n' >"$tmp/bad.csv"
rc=0
"$binary" participants import --congress agen-2026 "$tmp/bad.csv" >"$tmp/out" 2>"$tmp/err" || rc=$?
if [ "$rc" -ne 0 ] && grep -q 'line 2: the name is missing' "$tmp/err" && grep -q 'line 3: unknown role "chef"' "$tmp/err" \
  && grep -q 'line 3: unknown workshop "jardinage"' "$tmp/err" && [ "$(registered)" -eq $((before + 2)) ]; then
  pass "a file with bad lines exits $rc, names each line and adds no one"
else
  fail "bad file: exit $rc, $(cat "$tmp/err")"
fi

"$binary" participants badges --congress agen-2026 --base-url https://atelier.example.fr --output "$tmp/badges.html" 2>/dev/null
cards=$(grep -c 'class="badge-card"' "$tmp/badges.html" || true)
without=$(psql "$DATABASE_URL" -Atc "SELECT count(*) FROM participant p WHERE role <> 'display' AND NOT EXISTS (SELECT 1 FROM badge_code b WHERE b.participant_id = p.id)")
[ "$without" -eq 0 ] && [ "$cards" -gt 0 ] && grep -q '<style>' "$tmp/badges.html" && grep -q 'https://atelier.example.fr/entrer/' "$tmp/badges.html" \
  && pass "the badge sheet: $cards cards in one file" || fail "badge sheet: $cards cards, $without without a code"
"$binary" participants badges --congress agen-2026 --base-url https://atelier.example.fr --output "$tmp/again.html" 2>/dev/null
[ "$(grep -c 'class="badge-card"' "$tmp/again.html" || true)" -eq 0 ] && pass "printing again issues no code to those who have one" \
  || fail "second sheet has cards"
rc=0
"$binary" participants badges --congress nulle-part --base-url https://atelier.example.fr --output "$tmp/none.html" 2>/dev/null || rc=$?
[ "$rc" -ne 0 ] && [ ! -e "$tmp/none.html" ] && pass "an unknown congress writes no sheet" || fail "unknown congress: exit $rc"

displays() { psql "$DATABASE_URL" -Atc "SELECT count(*) FROM participant WHERE role = 'display'"; }
screens=$(displays)
token=$("$binary" participants add --congress agen-2026 --name "Écran de la salle B" --role display 2>/dev/null)
[[ $token == atl_* ]] && [ "$(displays)" -eq $((screens + 1)) ] \
  && pass "a display access is issued" || fail "display access: $token"

verdict
