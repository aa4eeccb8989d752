#!/usr/bin/env bash
# A private PostgreSQL cluster in one folder, for development and tests only.
# It trusts every local connection, which is acceptable because it listens on
# 127.0.0.1 and on a socket inside DIR, never on the network.
#
#   pg-cluster.sh start DIR PORT | stop DIR | restart DIR | crash DIR | status DIR | url DIR [PORT]
#
# crash stops the server at once (-m immediate), as a power cut would: the next start recovers from the WAL.
#
# PG_FAST=1 trades durability for speed (fsync off): for throwaway test clusters.
set -euo pipefail

die() { echo "pg-cluster: $*" >&2; exit 1; }
usage() { die "usage: $0 start DIR PORT | stop DIR | restart DIR | crash DIR | status DIR | url DIR [PORT]"; }

[ $# -ge 2 ] || usage
cmd=$1 dir=$2 port=${3:-}
is_root=false
[ "$(id -u)" -eq 0 ] && is_root=true

bindir=$(pg_config --bindir 2>/dev/null) || die "pg_config not found: run deploy/install-deps.sh"
[ -x "$bindir/pg_ctl" ] || die "no PostgreSQL server in $bindir: run deploy/install-deps.sh"

# initdb and postgres refuse to run as root, so root hands them to the postgres user.
as_pg() {
  if $is_root; then runuser -u postgres -- "$@"; else "$@"; fi
}

valid_port() {
  case $1 in '' | *[!0-9]*) return 1 ;; esac
  [ "$1" -ge 1 ] && [ "$1" -le 65535 ]
}

saved_port() {
  [ -n "$port" ] && { echo "$port"; return; }
  [ -f "$dir/port" ] || die "no port given and none recorded in $dir/port"
  cat "$dir/port"
}

running() {
  [ -f "$dir/data/PG_VERSION" ] && as_pg "$bindir/pg_ctl" -D "$dir/data" status >/dev/null 2>&1
}

fail_with_log() {
  echo "pg-cluster: $1; last lines of $dir/postgres.log:" >&2
  tail -n 25 "$dir/postgres.log" >&2 2>/dev/null || true
  exit 1
}

# The server is told DIR's paths, so they must not depend on anyone's working directory.
case $dir in /*) ;; *) dir=$PWD/$dir ;; esac
# A postgres-owned child must not inherit a working directory it cannot enter.
cd /

start() {
  valid_port "$port" || usage
  if running; then
    echo "pg-cluster: already running in $dir (port $(cat "$dir/port" 2>/dev/null || echo '?'))"
    return
  fi
  # Unix socket paths are limited to 107 bytes.
  local sock="$dir/socket/.s.PGSQL.$port"
  [ ${#sock} -le 107 ] || die "socket path too long (${#sock} > 107 bytes): $sock; use a shorter DIR"

  mkdir -p "$dir/socket"
  if $is_root; then
    chown -R postgres:postgres "$dir"
    as_pg test -w "$dir" -a -x "$dir" ||
      die "user postgres cannot reach $dir: a parent directory is not traversable (chmod o+x it, or use a DIR under /tmp)"
  fi

  if [ ! -f "$dir/data/PG_VERSION" ]; then
    local loc=--no-locale sync=""
    locale -a 2>/dev/null | grep -qix 'c\.utf-\?8' && loc=--locale=C.UTF-8
    [ "${PG_FAST:-0}" = 1 ] && sync=--no-sync
    as_pg "$bindir/initdb" -D "$dir/data" --auth=trust --username=atelier \
      --encoding=UTF8 "$loc" $sync >"$dir/initdb.log" 2>&1 ||
      { cat "$dir/initdb.log" >&2; die "initdb failed in $dir/data"; }
    echo "include_if_exists = 'atelier.conf'" | as_pg tee -a "$dir/data/postgresql.conf" >/dev/null
  fi

  # Rewritten on every start so a new PORT or PG_FAST takes effect.
  {
    echo "# Written by deploy/pg-cluster.sh on each start; edits are lost."
    echo "listen_addresses = '127.0.0.1'"
    echo "port = $port"
    echo "unix_socket_directories = '$dir/socket'"
    echo "max_connections = 200"
    if [ "${PG_FAST:-0}" = 1 ]; then
      echo "fsync = off"
      echo "synchronous_commit = off"
      echo "full_page_writes = off"
    fi
  } | as_pg tee "$dir/data/atelier.conf" >/dev/null
  echo "$port" >"$dir/port"

  as_pg "$bindir/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 start >/dev/null ||
    fail_with_log "PostgreSQL did not start on port $port"

  local psql=("$bindir/psql" -X -q -h "$dir/socket" -p "$port" -U atelier)
  if [ -z "$("${psql[@]}" -d postgres -tAc "select 1 from pg_database where datname = 'atelier'")" ]; then
    "$bindir/createdb" -h "$dir/socket" -p "$port" -U atelier atelier
  fi
  echo "pg-cluster: running in $dir on port $port"
}

stop() {
  if ! running; then
    echo "pg-cluster: not running in $dir"
    return
  fi
  as_pg "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || fail_with_log "could not stop PostgreSQL"
  echo "pg-cluster: stopped $dir"
}

restart() {
  [ -f "$dir/data/PG_VERSION" ] || die "no cluster in $dir"
  as_pg "$bindir/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -m fast -w -t 60 restart >/dev/null ||
    fail_with_log "PostgreSQL did not restart"
  echo "pg-cluster: restarted $dir"
}

crash() {
  running || die "not running in $dir"
  as_pg "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null || fail_with_log "could not stop PostgreSQL at once"
  echo "pg-cluster: stopped $dir at once (-m immediate)"
}

status() {
  if running; then
    echo "pg-cluster: running in $dir on port $(cat "$dir/port" 2>/dev/null)"
  else
    echo "pg-cluster: not running in $dir"
    exit 3 # same code as pg_ctl status
  fi
}

url() {
  local p
  p=$(saved_port)
  valid_port "$p" || die "bad port '$p'"
  echo "postgres://atelier@127.0.0.1:$p/atelier"
}

case $cmd in
  start | stop | restart | crash | status | url) "$cmd" ;;
  *) usage ;;
esac
