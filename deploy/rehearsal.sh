#!/usr/bin/env bash
# The congress day rehearsed with faults (make rehearsal): a release build, a throwaway PostgreSQL
# cluster (fsync on, as in production), two Atelier processes on it, and the load driver in
# rehearsal/ (Python, aiohttp in .venv-rehearsal/), which plays the room, injects the faults,
# checks the database against every acknowledged write and prints the report. Processes and the
# cluster are removed whatever happens. Extra arguments go to the driver (rehearsal/main.py --help).
#
#   deploy/rehearsal.sh [--votes N] [--voting-seconds S] …
set -euo pipefail
cd "$(dirname "$0")/.."

swift build -c release --product atelier --explicit-target-dependency-import-check error >/dev/null
bin=$PWD/.build/release/atelier

venv=.venv-rehearsal
if [ ! -x "$venv/bin/python" ]; then
  "${PYTHON:-python3}" -m venv "$venv" || { rm -rf "$venv"; echo "rehearsal: could not create $venv (apt-get install python3-venv)" >&2; exit 1; }
fi
"$venv/bin/python" -c 'import aiohttp' 2>/dev/null || "$venv/bin/python" -m pip install -q -r rehearsal/requirements.txt
# The checks themselves first: each must catch a database that lost or repeated something.
(cd rehearsal && "../$venv/bin/python" -m unittest -q test_checks 2>&1 | tail -n 1)

mkdir -p .pg-test
tmp=$(mktemp -d "$PWD/.pg-test/rehearsal.XXXXXX")
cleanup() {
  local rc=$?
  for pidfile in "$tmp"/run/server-*.pid; do
    [ -f "$pidfile" ] && kill -9 "$(cat "$pidfile")" 2>/dev/null || true
  done
  bash deploy/pg-cluster.sh stop "$tmp" >/dev/null 2>&1 || true
  if [ "$rc" -ne 0 ] && [ -d "$tmp/run" ]; then
    mkdir -p rehearsal-out && cp "$tmp"/run/*.log rehearsal-out/ 2>/dev/null || true
    echo "rehearsal: the servers' logs are in rehearsal-out/" >&2
  fi
  rm -rf "$tmp"
  rmdir .pg-test 2>/dev/null || true
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Below Linux's ephemeral range, spread out so parallel runs rarely collide.
free_port() {
  local p=$((20000 + RANDOM % 9000))
  while (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || (exec 3<>"/dev/tcp/127.0.0.1/$((p + 1))") 2>/dev/null ||
    (exec 3<>"/dev/tcp/127.0.0.1/$((p + 2))") 2>/dev/null; do p=$((p + 3)); done
  echo "$p"
}
port=$(free_port)
PG_FAST=0 bash deploy/pg-cluster.sh start "$tmp" "$port" >/dev/null
export PG_FAST=0 DATABASE_URL; DATABASE_URL=$(bash deploy/pg-cluster.sh url "$tmp")
"$bin" migrate >/dev/null

mkdir -p "$tmp/run" rehearsal-out
"$venv/bin/python" rehearsal/main.py --binary "$bin" --pg-dir "$tmp" --pg-port "$port" \
  --ports $((port + 1)) $((port + 2)) --folder "$tmp/run" --report rehearsal-out/report.txt "$@"
