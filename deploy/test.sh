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
free_port() {
  local p=$((55432 + RANDOM % 2000)) # spread out so parallel runs rarely collide
  while (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; do p=$((p + 1)); done
  echo "$p"
}

mkdir -p .pg-test
tmp=$(mktemp -d "$PWD/.pg-test/run.XXXXXX")
cleanup() {
  local rc=$?
  bash deploy/pg-cluster.sh stop "$tmp" >/dev/null || true
  rm -rf "$tmp"
  rmdir .pg-test 2>/dev/null || true
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port=$(free_port)
PG_FAST=1 bash deploy/pg-cluster.sh start "$tmp" "$port" >/dev/null
DATABASE_URL=$(bash deploy/pg-cluster.sh url "$tmp")
# ATELIER_TEST_PGDIR lets a test restart the server: deploy/pg-cluster.sh restart "$ATELIER_TEST_PGDIR".
export DATABASE_URL ATELIER_TEST_DATABASE_URL=$DATABASE_URL ATELIER_TEST_PGDIR=$tmp
echo "test.sh: PostgreSQL at $DATABASE_URL (removed afterwards)"

"$@"
