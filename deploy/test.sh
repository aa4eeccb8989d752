#!/usr/bin/env bash
# Runs a command (default: swift test) against a throwaway PostgreSQL cluster,
# and removes that cluster afterwards whatever happens to the command.
#
#   deploy/test.sh [--] [CMD ARGS...]
#
# The command sees DATABASE_URL, ATELIER_TEST_DATABASE_URL and ATELIER_TEST_PGDIR;
# its exit code is ours.
set -euo pipefail

cd "$(dirname "$0")/.."
[ "${1:-}" = -- ] && shift
[ $# -gt 0 ] || set -- swift test

# Nothing listening on 127.0.0.1:PORT means the connect is refused at once.
# Below Linux's ephemeral range (32768 and up), so no client socket of the tests takes the port
# between this check and PostgreSQL's bind; spread out so parallel runs rarely collide.
free_port() {
  local p=$((20000 + RANDOM % 9000))
  while (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; do p=$((p + 1)); done
  echo "$p"
}

mkdir -p .pg-test
tmp=$(mktemp -d "$PWD/.pg-test/run.XXXXXX")
cleanup() {
  local rc=$?
  bash deploy/pg-cluster.sh stop "$tmp" >/dev/null || true
  rm -rf "$tmp" "$tmp.start"
  rmdir .pg-test 2>/dev/null || true
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Another program may still bind the port first: try another, a few times.
for attempt in 1 2 3 4 5; do
  port=$(free_port)
  PG_FAST=1 bash deploy/pg-cluster.sh start "$tmp" "$port" >/dev/null 2>"$tmp.start" && break
  [ "$attempt" = 5 ] && { cat "$tmp.start" >&2; exit 1; }
done
rm -f "$tmp.start"
DATABASE_URL=$(bash deploy/pg-cluster.sh url "$tmp")
# ATELIER_TEST_PGDIR lets a test restart the server: deploy/pg-cluster.sh restart "$ATELIER_TEST_PGDIR".
export DATABASE_URL ATELIER_TEST_DATABASE_URL=$DATABASE_URL ATELIER_TEST_PGDIR=$tmp
echo "test.sh: PostgreSQL at $DATABASE_URL (removed afterwards)"

"$@"
