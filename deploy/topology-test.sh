#!/usr/bin/env bash
# `make topology-test`: the whole topology of deploy/topology/ on loopback, then its checks.
#
#   PostgreSQL primary ──streaming, synchronous──▶ standby (pg_basebackup)
#        ▲   ▲ LISTEN and migrations, multi-host URL (target_session_attrs=read-write)
#   pgbouncer (transaction pooling) ◀── node A, node B (release build) ◀── nginx (TLS)
#
# Checks: node B's event stream carries node A's writes in order; the primary SIGKILLed during
# a load, the standby promoted (`pg_ctl promote`, then the same callback Patroni would run,
# which points pgbouncer at it: Patroni itself needs etcd and ttl ≥ 20 s, see
# deploy/topology/README.md), both nodes write again within 10 s without a restart; no
# acknowledged vote or contribution lost; every stream resumes without a gap. Prints votes/s
# through the whole stack against pgbench on the same vote transaction and primary, the
# failover time and the replica lag under load. Everything it starts is stopped, whatever happens.
#
#   deploy/topology-test.sh            TOPOLOGY_SECONDS (15), TOPOLOGY_CONNECTIONS (32),
#                                      TOPOLOGY_OPENLOOP=1 (open-loop runs: where votes queue),
#                                      TOPOLOGY_STREAMS=N (N event streams on one node)
#   deploy/topology-test.sh --keep     leaves nothing running either, but keeps the folder
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
seconds=${TOPOLOGY_SECONDS:-15}
connections=${TOPOLOGY_CONNECTIONS:-32}
voters=${TOPOLOGY_VOTERS:-2000}

die() { echo "topology-test: $*" >&2; exit 1; }
for tool in nginx pgbouncer openssl pgbench perl; do
  command -v "$tool" >/dev/null || die "$tool is missing (apt-get install -y nginx-light pgbouncer openssl postgresql-contrib perl)"
done
bindir=$(pg_config --bindir)
bin=${TOPOLOGY_BINARY:-$root/.build/release/atelier}
[ -x "$bin" ] || die "no release build: make build"
bash deploy/bench-venv.sh aiohttp >/dev/null
python=$root/.venv-bench/bin/python

as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# Thousands of event streams are as many sockets, in the driver and in the node.
ulimit -n 65536 2>/dev/null || true
tmp=$(mktemp -d /tmp/atelier-topology.XXXXXX)
chmod 755 "$tmp"
[ "$(id -u)" = 0 ] && chown postgres "$tmp"
pids=()
cleanup() {
  set +e
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null; done
  [ -f "$tmp/nginx.pid" ] && kill "$(cat "$tmp/nginx.pid")" 2>/dev/null
  [ -f "$tmp/pgbouncer.pid" ] && kill "$(cat "$tmp/pgbouncer.pid")" 2>/dev/null
  for node in primary standby; do
    [ -f "$tmp/$node/postmaster.pid" ] && as_pg "$bindir/pg_ctl" -D "$tmp/$node" -m immediate -w stop >/dev/null 2>&1
  done
  if [ "${1:-}" != keep ]; then rm -rf "$tmp"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

base=$((20000 + RANDOM % 20000))
primary_port=$base standby_port=$((base + 1)) bouncer_port=$((base + 2))
node_a_port=$((base + 3)) node_b_port=$((base + 4)) nginx_port=$((base + 5))
echo "topology-test: in $tmp, ports $base-$((base + 5))"

# PostgreSQL: the primary, then the standby cloned from it, streaming synchronously.
as_pg "$bindir/initdb" -D "$tmp/primary" --auth=trust --username=atelier --encoding=UTF8 --locale=C.UTF-8 >"$tmp/initdb.log" 2>&1 ||
  { cat "$tmp/initdb.log"; die "initdb failed"; }
cat >>"$tmp/primary/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $primary_port
unix_socket_directories = '$tmp'
max_connections = 200
wal_level = replica
max_wal_senders = 10
hot_standby = on
cluster_name = 'primary'
CONF
start_pg() { as_pg "$bindir/pg_ctl" -D "$tmp/$1" -l "$tmp/$1.log" -w -t 60 start >/dev/null || { tail -20 "$tmp/$1.log"; die "$1 did not start"; }; }
start_pg primary
primary_url="postgresql://atelier@127.0.0.1:$primary_port/atelier"
standby_url="postgresql://atelier@127.0.0.1:$standby_port/atelier"
psql -X -q "postgresql://atelier@127.0.0.1:$primary_port/postgres" -c "CREATE DATABASE atelier"
as_pg "$bindir/pg_basebackup" -h 127.0.0.1 -p "$primary_port" -U atelier -D "$tmp/standby" -R -X stream -c fast
sed -i "s/^port = .*/port = $standby_port/; s/^cluster_name = .*/cluster_name = 'standby'/" "$tmp/standby/postgresql.conf"
start_pg standby
# Synchronous from now on: a commit is acknowledged once the standby has it. Set on the
# primary only, so that the promoted standby, alone, does not wait for a peer it lacks.
psql -X -q "$primary_url" -c "ALTER SYSTEM SET synchronous_standby_names = 'standby'" -c "SELECT pg_reload_conf()" >/dev/null
for _ in $(seq 50); do
  [ "$(psql -X -qAt "$primary_url" -c "SELECT sync_state FROM pg_stat_replication")" = sync ] && break
  sleep 0.2
done
[ "$(psql -X -qAt "$primary_url" -c "SELECT sync_state FROM pg_stat_replication")" = sync ] || die "the standby is not synchronous"

# pgbouncer, in transaction pooling, from the same template as a real deployment.
export RUN_DIR=$tmp SOCKET_DIR=$tmp LISTEN_ADDR=127.0.0.1 LISTEN_PORT=$bouncer_port PRIMARY_HOST=127.0.0.1
export PRIMARY_PORT=$primary_port SERVER_POOL_SIZE=24 AUTH_TYPE=trust AUTH_FILE=$tmp/userlist.txt ADMIN_USER=atelier
echo '"atelier" ""' >"$tmp/userlist.txt"
deploy/topology/fill-template.sh deploy/topology/pgbouncer.ini >"$tmp/pgbouncer.ini"
chown -R postgres "$tmp"
as_pg pgbouncer -d "$tmp/pgbouncer.ini" || die "pgbouncer did not start"
bouncer_url="postgresql://atelier@127.0.0.1:$bouncer_port/atelier"
session_url="postgresql://atelier@127.0.0.1:$primary_port,127.0.0.1:$standby_port/atelier?target_session_attrs=read-write"

# The schema and the demo congress, then voters with known tokens.
export ATELIER_SESSION_DATABASE_URL=$session_url ATELIER_DB_TRANSACTION_POOLING=1 DATABASE_URL=$bouncer_url
"$bin" migrate >/dev/null
"$bin" demo --no-embeddings >/dev/null 2>&1 || "$bin" demo >/dev/null
psql -X -q -v count="$voters" -f deploy/topology/loopback/voters.sql "$primary_url" >/dev/null
psql -X -qAt "$primary_url" -c "SELECT n, id, token FROM topology_voter ORDER BY n" >"$tmp/tokens"

# Reads from the standby (issue 15): lists and exports on the standby, the primary when it is
# gone (prefer-standby), a participant's own writes read back through the position they carry.
export ATELIER_READ_DATABASE_URL="postgresql://atelier@127.0.0.1:$standby_port,127.0.0.1:$primary_port/atelier?target_session_attrs=prefer-standby"

# Two nodes, sharing nothing but the database.
for node in a b; do
  port=node_${node}_port
  ATELIER_RATE_LIMITS=off ATELIER_DB_POOL_SIZE=16 LOG_LEVEL=warning "$bin" serve --host 127.0.0.1 --port "${!port}" --behind-proxy --no-embeddings \
    >"$tmp/node-$node.log" 2>&1 &
  pids+=($!)
done
for node in a b; do
  port=node_${node}_port
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:${!port}/health" >/dev/null && break; sleep 0.2; done
  curl -sf "http://127.0.0.1:${!port}/health" >/dev/null || { tail "$tmp/node-$node.log"; die "node $node did not start"; }
done

# nginx with a certificate made now, for 127.0.0.1.
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 \
  -keyout "$tmp/tls.key" -out "$tmp/tls.crt" 2>/dev/null
export SERVER_NAME=127.0.0.1 LISTEN=127.0.0.1:$nginx_port CERTIFICATE=$tmp/tls.crt CERTIFICATE_KEY=$tmp/tls.key
export UPSTREAM_SERVERS="server 127.0.0.1:$node_a_port max_fails=2 fail_timeout=5s; server 127.0.0.1:$node_b_port max_fails=2 fail_timeout=5s;"
# The load comes from a few hundred voters: a participant's own limit is not what is measured.
export RATE_PER_PARTICIPANT=1000 BURST=1000 SIGNIN_RATE=30
deploy/topology/fill-template.sh deploy/topology/nginx-atelier.conf >"$tmp/nginx-atelier.conf"
deploy/topology/fill-template.sh deploy/topology/loopback/nginx-main.conf >"$tmp/nginx.conf"
nginx -p "$tmp" -c "$tmp/nginx.conf" || die "nginx did not start"
curl -sf --cacert "$tmp/tls.crt" "https://127.0.0.1:$nginx_port/health" >/dev/null || die "no answer through nginx"

# The failover the driver triggers mid-load: the primary and its processes SIGKILLed (a machine
# gone), the standby promoted, pgbouncer pointed at it by Patroni's callback.
cat >"$tmp/failover.sh" <<SCRIPT
set -e
postmaster=\$(head -1 "$tmp/primary/postmaster.pid")
children=\$(ps -o pid= --ppid "\$postmaster")
kill -9 "\$postmaster" \$children || true
as_pg() { if [ "\$(id -u)" = 0 ]; then runuser -u postgres -- "\$@"; else "\$@"; fi; }
as_pg "$bindir/pg_ctl" -D "$tmp/standby" -w -t 30 promote >/dev/null
rm -f "$tmp/primary/postmaster.pid"
PGBOUNCER_INI=$tmp/pgbouncer.ini PGBOUNCER_ADMIN_URL=postgresql://atelier@127.0.0.1:$bouncer_port/pgbouncer \
  PRIMARY_HOST=127.0.0.1 PRIMARY_PORT=$standby_port bash "$root/deploy/topology/patroni-on-role-change.sh" on_role_change primary atelier
SCRIPT

cat >"$tmp/driver.json" <<JSON
{"node_a": "http://127.0.0.1:$node_a_port", "node_b": "http://127.0.0.1:$node_b_port",
 "nginx": "https://127.0.0.1:$nginx_port", "certificate": "$tmp/tls.crt", "tokens": "$tmp/tokens",
 "primary_url": "$primary_url", "standby_url": "$standby_url", "failover_command": "$tmp/failover.sh",
 "seconds": $seconds, "connections": $connections, "before_kill": 4, "after_kill": 12}
JSON
driver() { "$python" bench/topology_driver.py "$@" --config "$tmp/driver.json"; }

failures=0
check() { # NAME CONDITION(python over the JSON on stdin)
  if "$python" -c "import json,sys; r=json.load(open('$tmp/$1.json')); sys.exit(0 if ($2) else 1)"; then echo "  ok    $3"
  else echo "  FAIL  $3"; failures=$((failures + 1)); fi
}

echo "topology-test: node B's stream during writes through node A"
driver order >"$tmp/order.json"; cat "$tmp/order.json"
check order "r['order_ok']" "node B's stream carries node A's contributions and votes, in order"

# Read-your-writes across nodes: a vote through node A, the list at once through node B.
echo "topology-test: a vote through node A read back through node B, which reads lists from the standby"
"$python" deploy/topology/loopback/read_your_writes.py "$tmp/driver.json" 100 >"$tmp/read-your-writes.json"; cat "$tmp/read-your-writes.json"
check read-your-writes "r['position_returned'] and r['missed_own_vote_with_position'] == 0 and r['standby_reads'] > 0" \
  "a voter reads their own vote through the other node at once, and the standby serves reads"

echo "topology-test: votes through nginx (TLS) and both nodes, ${seconds}s, $connections connections"
driver throughput >"$tmp/throughput.json"; cat "$tmp/throughput.json"

echo "topology-test: pgbench, the same vote transaction, the same primary, $connections clients"
contributions=$(psql -X -qAt "$primary_url" -c "SELECT count(*) FROM topology_contribution")
pgbench -n -c "$connections" -j 2 -T "$seconds" -M prepared -D voters=$((voters / 2)) -D contributions="$contributions" \
  -f deploy/topology/loopback/vote.pgbench "$primary_url" >"$tmp/pgbench.txt" 2>&1 || { cat "$tmp/pgbench.txt"; die "pgbench failed"; }
pgbench_tps=$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' "$tmp/pgbench.txt")
grep -E '^(latency average|tps)' "$tmp/pgbench.txt"

# Where votes queue (TOPOLOGY_OPENLOOP=1): a fixed rate whatever the answers, at most 64, 256 or
# 1 024 votes in flight, at half the capacity pgbench found and at 1.5 times it.
if [ "${TOPOLOGY_OPENLOOP:-0}" = 1 ]; then
  # The same pgbench without the tally events (their triggers off for the run, on again after):
  # what the per-vote advisory lock and pg_notify cost the commit path.
  psql -X -q "$primary_url" -c "ALTER TABLE vote DISABLE TRIGGER vote_inserted_event, DISABLE TRIGGER vote_updated_event"
  pgbench -n -c "$connections" -j 2 -T "$seconds" -M prepared -D voters=$((voters / 2)) -D contributions="$contributions" \
    -f deploy/topology/loopback/vote.pgbench "$primary_url" >"$tmp/pgbench-silent.txt" 2>&1 || { cat "$tmp/pgbench-silent.txt"; die "pgbench failed"; }
  psql -X -q "$primary_url" -c "ALTER TABLE vote ENABLE TRIGGER vote_inserted_event, ENABLE TRIGGER vote_updated_event"
  echo "topology-test: pgbench without tally events: $(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' "$tmp/pgbench-silent.txt") transactions/s (with them: $pgbench_tps)"
  for share in 0.5 1.5; do
    for in_flight in 64 256 1024; do
      rate=$("$python" -c "print(max(1, round($pgbench_tps * $share)))")
      echo "topology-test: open loop, $rate votes/s (${share} × pgbench), at most $in_flight in flight"
      driver openloop --set rate="$rate" --set in_flight="$in_flight" --set seconds=10
    done
  done
fi

# Event-stream clients on one node (TOPOLOGY_STREAMS=N): its memory per stream, and how long one
# vote's event takes to reach them all.
if [ "${TOPOLOGY_STREAMS:-0}" -gt 0 ]; then
  echo "topology-test: $TOPOLOGY_STREAMS event streams on node A, one vote through node B"
  driver streams --set clients="$TOPOLOGY_STREAMS" --set node_a_pid="${pids[0]}"
fi

echo "topology-test: failover under load (primary SIGKILLed after 4 s)"
driver failover >"$tmp/failover.json"; cat "$tmp/failover.json"
check failover "r['writes_again_after_s'].get('A', 99) <= 10 and r['writes_again_after_s'].get('B', 99) <= 10" "both nodes write again within 10 s, without a restart"
check failover "r['lost_votes'] == 0 and r['lost_contributions'] == 0 and r['acked_votes'] > 0" "no acknowledged vote or contribution lost"
check failover "not r['streams_with_gaps']" "every event stream resumed without a gap"
for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null || { echo "  FAIL  a node exited"; failures=$((failures + 1)); }; done
echo "topology-test: resident memory of the nodes after the load: $(for pid in "${pids[@]}"; do echo "$(($(ps -o rss= -p "$pid") / 1024)) MiB"; done | paste -sd ' ')"

"$python" - "$tmp" "$pgbench_tps" <<'PY'
import json, sys
tmp, pgbench = sys.argv[1], float(sys.argv[2])
t = json.load(open(f"{tmp}/throughput.json")); f = json.load(open(f"{tmp}/failover.json"))
print("topology-test: figures")
print(f"  votes/s through nginx + 2 nodes + pgbouncer: {t['http_votes_per_s']} (p50 {t['http_p50_ms']} ms, p99 {t['http_p99_ms']} ms)")
print(f"  pgbench, same transaction, same primary:      {pgbench:.1f}  -> {100 * t['http_votes_per_s'] / pgbench:.0f} %")
print(f"  replica lag under that load: max {t['replica_lag_max_ms']} ms / {t['replica_lag_max_bytes']:.0f} bytes, mean {t['replica_lag_mean_ms']} ms")
print(f"  failover: promote {f['promote_command_s']} s; writes again after {f['writes_again_after_s']} s")
PY
if [ "${1:-}" = --keep ]; then trap 'cleanup keep' EXIT; echo "topology-test: kept $tmp"; fi
[ "$failures" = 0 ] || die "$failures check(s) failed"
echo "topology-test: all checks passed"
