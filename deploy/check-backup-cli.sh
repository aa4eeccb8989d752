#!/usr/bin/env bash
# A backup restored into a fresh cluster gives back the same congress, byte for byte:
#
#   bash deploy/test.sh bash deploy/check-backup-cli.sh [BINARY]     (default: .build/debug/atelier)
#
# Loads the demo, erases one participant (so the anonymous voter's row is in the backup too),
# exports every format and the congress dump, backs up with deploy/backup.sh, starts a second
# throwaway cluster, restores there and exports again: every file must be identical. A restore
# into a database that is not empty is refused and changes nothing. Exits non-zero if a check fails.
set -euo pipefail

cd "$(dirname "$0")/.."
binary=${1:-.build/debug/atelier}
[ -n "${DATABASE_URL:-}" ] || { echo "DATABASE_URL is not set: run it through deploy/test.sh" >&2; exit 2; }
subcommand=export
# shellcheck source=deploy/cli-checks.sh
source deploy/cli-checks.sh

# The second cluster lives under /tmp, where the postgres user can reach it.
second=$(mktemp -d /tmp/atelier-restore.XXXXXX)
trap 'bash deploy/pg-cluster.sh stop "$second" >/dev/null || true; rm -rf "$tmp" "$second"' EXIT

"$binary" migrate >/dev/null
"$binary" demo >/dev/null 2>&1
someone=$(psql "$DATABASE_URL" -Atc "SELECT author_id FROM contribution ORDER BY created_at, id LIMIT 1")
"$binary" participants erase --congress agen-2026 --participant "$someone" --contributions anonymous >/dev/null

formats="odt docx html md csv json congress-json"
export_all() { # PREFIX
  for format in $formats; do
    "$binary" export --congress agen-2026 --format "$format" --status all --output "$tmp/$1.$format" 2>/dev/null || true
  done
}
export_all before
bash deploy/backup.sh dump "$tmp/atelier.backup" 2>/dev/null && pass "backup written" || fail "backup"

for attempt in 1 2 3 4 5; do
  port=$((20000 + RANDOM % 9000))
  PG_FAST=1 bash deploy/pg-cluster.sh start "$second" "$port" >/dev/null 2>&1 && break
  [ "$attempt" = 5 ] && { echo "no second cluster could start" >&2; exit 1; }
done
restored_url=$(bash deploy/pg-cluster.sh url "$second")
if DATABASE_URL=$restored_url bash deploy/backup.sh restore "$tmp/atelier.backup" 2>/dev/null; then pass "restored into a fresh cluster"; else fail "restore"; fi
DATABASE_URL=$restored_url export_all after
for format in $formats; do
  if [ -s "$tmp/before.$format" ] && cmp -s "$tmp/before.$format" "$tmp/after.$format"; then
    pass "$format: identical bytes after the restore"
  else
    fail "$format differs after the restore"
  fi
done
erased_rows="SELECT count(*) FROM participant WHERE erased_at IS NOT NULL OR anonymous_voter"
erased=$(psql "$restored_url" -Atc "$erased_rows")
expected=$(psql "$DATABASE_URL" -Atc "$erased_rows")
[ "$erased" = "$expected" ] && [ "$erased" -ge 2 ] && pass "the erasure is restored as it was" || fail "erased rows after the restore: $erased, not $expected"
# Migrations know they were applied: migrate has nothing to do.
DATABASE_URL=$restored_url "$binary" migrate >/dev/null 2>&1 && pass "migrate after a restore" || fail "migrate after a restore"

rc=0
DATABASE_URL=$restored_url bash deploy/backup.sh restore "$tmp/atelier.backup" 2>"$tmp/err" || rc=$?
DATABASE_URL=$restored_url "$binary" export --congress agen-2026 --format congress-json --output "$tmp/again.congress-json" 2>/dev/null || true
if [ "$rc" -ne 0 ] && grep -q "empty" "$tmp/err" && cmp -s "$tmp/before.congress-json" "$tmp/again.congress-json"; then
  pass "a restore into a database with tables is refused"
else
  fail "restore over a database: exit $rc"
fi

verdict
