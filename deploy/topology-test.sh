#!/usr/bin/env bash
# `make topology-test`: the whole topology of deploy/topology/ on loopback, then its checks.
#
#   etcd ◀── Patroni db1, db2 (the shipped patroni.yml, patched for loopback by loopback/patroni.yml)
#   PostgreSQL primary ──streaming, synchronous──▶ standby (made by Patroni's pg_basebackup)
#        ▲   ▲ LISTEN and migrations, multi-host URL (target_session_attrs=read-write)
#   pgbouncer (transaction pooling) ◀── node A, node B (release build) ◀── nginx (TLS)
#
# Checks: node B's event stream carries node A's writes in order; the primary's PostgreSQL
# SIGKILLed with its backends during a load, Patroni (alive beside it) hands the leader key over,
# the standby's Patroni promotes it and its on_role_change callback points pgbouncer at it, and
# both nodes write again within 10 s without a restart; no acknowledged vote or contribution lost;
# every stream resumes without a gap. Prints votes/s through the whole stack against pgbench on the
# same vote transaction and primary, the failover time (kill to both nodes writing) and Patroni's
# own (kill to the standby promoted and pgbouncer repointed), and the replica lag under load.
# Everything it starts, etcd and both Patronis included, is stopped, whatever happens.
#
#   deploy/topology-test.sh            TOPOLOGY_SECONDS (15), TOPOLOGY_CONNECTIONS (32),
#                                      TOPOLOGY_OPENLOOP=1 (open-loop runs: where votes queue),
#                                      TOPOLOGY_STREAMS=N (N event streams on one node)
#     TOPOLOGY_KILL=machine            the primary's Patroni SIGKILLed with its PostgreSQL: a whole
#                                      machine lost; the leader key must expire (ttl 20 s), so the
#                                      check allows ttl + 10 s (20 to 21 s measured)
#     TOPOLOGY_FAILOVER=pg_ctl         no Patroni: the standby made by pg_basebackup, promoted by
#                                      `pg_ctl promote` and the same callback (the default when
#                                      patroni or etcd is not installed)
#   deploy/topology-test.sh --bench    the figures of `make bench` only: throughput, pgbench, open loop
#   deploy/topology-test.sh --keep     leaves nothing running either, but keeps the folder
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
seconds=${TOPOLOGY_SECONDS:-15}
connections=${TOPOLOGY_CONNECTIONS:-32}
voters=${TOPOLOGY_VOTERS:-2000}
# --bench (make bench): the throughput, pgbench and the open loop at half capacity, in one run,
# against the issue's targets; no failover.
mode=test
[ "${1:-}" = --bench ] && mode=bench

die() { echo "topology-test: $*" >&2; exit 1; }
for tool in nginx pgbouncer openssl pgbench perl; do
  command -v "$tool" >/dev/null || die "$tool is missing (apt-get install -y nginx-light pgbouncer openssl postgresql-contrib perl)"
done
bindir=$(pg_config --bindir)
# Who promotes the standby: Patroni when it can run here, else `pg_ctl promote` (which proves the
# nodes' side of a failover, not the deciding). What the failover kills: see failover-patroni.sh.
failover=${TOPOLOGY_FAILOVER:-}
if [ -z "$failover" ]; then
  if command -v patroni >/dev/null && command -v etcd >/dev/null; then failover=patroni; else
    failover=pg_ctl
    echo "topology-test: patroni or etcd is missing (apt-get install -y patroni etcd-server): the standby will be promoted by pg_ctl, not by Patroni" >&2
  fi
fi
kill_scope=${TOPOLOGY_KILL:-postgres}
case "$failover/$kill_scope" in
  patroni/postgres | patroni/machine | pg_ctl/postgres) ;;
  *) die "TOPOLOGY_FAILOVER is patroni or pg_ctl; TOPOLOGY_KILL is postgres or, with Patroni, machine" ;;
esac
if [ "$failover" = patroni ]; then
  for tool in patroni etcd curl; do command -v "$tool" >/dev/null || die "$tool is missing (apt-get install -y patroni etcd-server curl)"; done
fi
. "deploy/topology/loopback/failover-$failover.sh"
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
  stop_failover_manager
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

# PostgreSQL: a primary and its synchronous standby, started the failover mode's way.
primary_url="postgresql://atelier@127.0.0.1:$primary_port/atelier"
standby_url="postgresql://atelier@127.0.0.1:$standby_port/atelier"
echo "topology-test: failover by $failover"
start_databases
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

# The failover the driver triggers mid-load, the failover mode's way.
write_failover_script

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
# CPU time of each part, before and after: what a vote costs each, which the other work on the
# machine does not change, unlike the rates. The driver counts its own.
cpu_roots() {
  printf '{"nodes": [%s], "nginx": [%s], "pgbouncer": [%s], "primary": [%s], "standby": [%s]}' \
    "${pids[0]}, ${pids[1]}" "$(cat "$tmp/nginx.pid")" "$(cat "$tmp/pgbouncer.pid")" \
    "$(head -1 "$tmp/primary/postmaster.pid")" "$(head -1 "$tmp/standby/postmaster.pid")"
}
"$python" bench/cpu_by_part.py snapshot "$tmp/cpu-before.json" "$(cpu_roots)"
driver throughput >"$tmp/throughput.json"
"$python" bench/cpu_by_part.py snapshot "$tmp/cpu-after.json" "$(cpu_roots)"
cat "$tmp/throughput.json"
votes=$("$python" -c "import json; print(sum(json.load(open('$tmp/throughput.json'))['http_statuses'].values()))")
"$python" bench/cpu_by_part.py per-vote "$tmp/cpu-before.json" "$tmp/cpu-after.json" "$votes" >"$tmp/cpu-per-vote.json"
echo "  CPU per vote (ms): $(cat "$tmp/cpu-per-vote.json"), driver $("$python" -c "import json; print(round(1000 * json.load(open('$tmp/throughput.json'))['driver_cpu_s'] / $votes, 3))")"

# pgbench on the same transaction: straight to the primary with prepared statements (what the
# primary can do: the reference), and through pgbouncer with statements planned each time, as
# transaction pooling makes the nodes send them (ATELIER_DB_TRANSACTION_POOLING=1).
contributions=$(psql -X -qAt "$primary_url" -c "SELECT count(*) FROM topology_contribution")
run_pgbench() { # NAME URL PROTOCOL
  echo "topology-test: pgbench ($1), the same vote transaction, the same primary, $connections clients"
  "$python" bench/cpu_by_part.py snapshot "$tmp/cpu-before.json" "$(cpu_roots)"
  pgbench -n -c "$connections" -j 2 -T "$seconds" -M "$3" -D voters=$((voters / 2)) -D contributions="$contributions" \
    -f deploy/topology/loopback/vote.pgbench "$2" >"$tmp/pgbench-$1.txt" 2>&1 || { cat "$tmp/pgbench-$1.txt"; die "pgbench failed"; }
  "$python" bench/cpu_by_part.py snapshot "$tmp/cpu-after.json" "$(cpu_roots)"
  grep -E '^(latency average|tps)' "$tmp/pgbench-$1.txt"
  local transactions
  transactions=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$tmp/pgbench-$1.txt")
  "$python" bench/cpu_by_part.py per-vote "$tmp/cpu-before.json" "$tmp/cpu-after.json" "$transactions" >"$tmp/cpu-per-pgbench-$1.json"
  echo "  CPU per transaction (ms): $(cat "$tmp/cpu-per-pgbench-$1.json")"
}
run_pgbench direct "$primary_url" prepared
run_pgbench pooled "$bouncer_url" extended
pgbench_tps=$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' "$tmp/pgbench-direct.txt")

# Where votes queue (TOPOLOGY_OPENLOOP=1, and always with --bench): a fixed rate whatever the
# answers, at most 64, 256 or 1 024 votes in flight, at half the capacity pgbench found (the
# target: p99 within 20 ms) and, unless benchmarking, at 1.5 times it.
openloop_shares=""
[ "${TOPOLOGY_OPENLOOP:-0}" = 1 ] && openloop_shares="0.5 1.5"
[ "$mode" = bench ] && openloop_shares="0.5"
for share in $openloop_shares; do
  for in_flight in 64 256 1024; do
    rate=$("$python" -c "print(max(1, round($pgbench_tps * $share)))")
    echo "topology-test: open loop, $rate votes/s (${share} × pgbench), at most $in_flight in flight"
    driver openloop --set rate="$rate" --set in_flight="$in_flight" --set seconds=10 | tee "$tmp/openloop-$share-$in_flight.json"
  done
done
# And at half of what the whole stack carried in the closed loop: its own queue, below its limit.
if [ "$mode" = bench ]; then
  http_rate=$("$python" -c "import json; print(max(1, round(json.load(open('$tmp/throughput.json'))['http_votes_per_s'] / 2)))")
  for in_flight in 64 1024; do
    echo "topology-test: open loop, $http_rate votes/s (0.5 × the HTTP closed loop), at most $in_flight in flight"
    driver openloop --set rate="$http_rate" --set in_flight="$in_flight" --set seconds=10 | tee "$tmp/openloop-http-$in_flight.json"
  done
  echo "topology-test: open loop, $http_rate votes/s, straight to node A (no nginx, no TLS): their share of the latency"
  driver openloop --set rate="$http_rate" --set in_flight=64 --set seconds=10 --set direct=1 | tee "$tmp/openloop-direct.json"
fi

# Event-stream clients on one node (TOPOLOGY_STREAMS=N): its memory per stream, and how long one
# vote's event takes to reach them all.
if [ "${TOPOLOGY_STREAMS:-0}" -gt 0 ]; then
  echo "topology-test: $TOPOLOGY_STREAMS event streams on node A, one vote through node B"
  driver streams --set clients="$TOPOLOGY_STREAMS" --set node_a_pid="${pids[0]}"
fi

if [ "$mode" = bench ]; then
  "$python" - "$tmp" "$pgbench_tps" <<'PY'
import glob, json, re, sys
tmp, pgbench = sys.argv[1], float(sys.argv[2])
t = json.load(open(f"{tmp}/throughput.json"))
pooled = float(re.search(r"^tps = ([0-9.]+)", open(f"{tmp}/pgbench-pooled.txt").read(), re.M).group(1))
share = 100 * t["http_votes_per_s"] / pgbench
print("topology bench: the vote path through nginx (TLS), two nodes, pgbouncer and a synchronous standby")
print(f"  HTTP {t['http_votes_per_s']} votes/s (p50 {t['http_p50_ms']} ms, p99 {t['http_p99_ms']} ms) against pgbench straight to the primary, "
      f"prepared, {pgbench:.1f}: {share:.0f} % (target 80 %: {'met' if share >= 80 else 'NOT met'}); "
      f"against pgbench through pgbouncer, planned each time, {pooled:.1f}: {100 * t['http_votes_per_s'] / pooled:.0f} %")
def openloops(pattern):
    return sorted((json.load(open(p)) for p in glob.glob(f"{tmp}/{pattern}")), key=lambda o: o["in_flight"])
for label, pattern in (("0.5 × pgbench", "openloop-0.5-*.json"), ("0.5 × HTTP", "openloop-http-*.json"),
                       ("0.5 × HTTP, straight to node A", "openloop-direct.json")):
    for o in openloops(pattern):
        ok = o["p99_ms"] is not None and o["p99_ms"] <= 20 and set(o["statuses"]) <= {"200", "204"}
        print(f"  open loop {o['rate']} votes/s ({label}), at most {o['in_flight']} in flight: p50 {o['p50_ms']} ms, p95 {o.get('p95_ms')} ms, p99 {o['p99_ms']} ms "
              f"(20 ms: {'met' if ok else 'NOT met'}), answers {o['statuses']}, driver late for {o['driver_late']} of {o['sent']}")
print(f"  replica lag under the closed loop: mean {t['replica_lag_mean_ms']} ms, max {t['replica_lag_max_ms']} ms")
cpu = json.load(open(f"{tmp}/cpu-per-vote.json"))
votes = sum(t["http_statuses"].values())
cpu["driver"] = round(1000 * t["driver_cpu_s"] / votes, 3)
print("  CPU per vote over HTTP (ms): " + ", ".join(f"{part} {ms}" for part, ms in cpu.items()) + f"; total {sum(cpu.values()):.2f}")
for name in ("direct", "pooled"):
    print(f"  CPU per pgbench transaction, {name} (ms): " + ", ".join(f"{part} {ms}" for part, ms in json.load(open(f"{tmp}/cpu-per-pgbench-{name}.json")).items() if ms))
PY
  exit 0
fi

echo "topology-test: failover under load after 4 s: $failover_description"
driver failover >"$tmp/failover.json"; cat "$tmp/failover.json"
failover_report
check failover "r['writes_again_after_s'].get('A', 999) <= $failover_limit_s and r['writes_again_after_s'].get('B', 999) <= $failover_limit_s" \
  "both nodes write again within $failover_limit_s s, without a restart"
check failover "r['lost_votes'] == 0 and r['lost_contributions'] == 0 and r['acked_votes'] > 0" "no acknowledged vote or contribution lost"
check failover "not r['streams_with_gaps']" "every event stream resumed without a gap"
for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null || { echo "  FAIL  a node exited"; failures=$((failures + 1)); }; done
echo "topology-test: resident memory of the nodes after the load: $(for pid in "${pids[@]}"; do echo "$(($(ps -o rss= -p "$pid") / 1024)) MiB"; done | paste -sd ' ')"

"$python" - "$tmp" "$pgbench_tps" "$failover" <<'PY'
import json, sys
tmp, pgbench, failover = sys.argv[1], float(sys.argv[2]), sys.argv[3]
t = json.load(open(f"{tmp}/throughput.json")); f = json.load(open(f"{tmp}/failover.json"))
print("topology-test: figures")
print(f"  votes/s through nginx + 2 nodes + pgbouncer: {t['http_votes_per_s']} (p50 {t['http_p50_ms']} ms, p99 {t['http_p99_ms']} ms)")
print(f"  pgbench, same transaction, same primary:      {pgbench:.1f}  -> {100 * t['http_votes_per_s'] / pgbench:.0f} %")
print(f"  replica lag under that load: max {t['replica_lag_max_ms']} ms / {t['replica_lag_max_bytes']:.0f} bytes, mean {t['replica_lag_mean_ms']} ms")
promoted = "Patroni promoted the standby (and pointed pgbouncer at it)" if failover == "patroni" else "pg_ctl promote and the callback took"
both = max(f['writes_again_after_s'].values(), default=None)
print(f"  failover ({failover}): {promoted} {f['promote_command_s']} s after the kill; both nodes writing {both} s after it {f['writes_again_after_s']}")
PY
if [ "${1:-}" = --keep ]; then trap 'cleanup keep' EXIT; echo "topology-test: kept $tmp"; fi
[ "$failures" = 0 ] || die "$failures check(s) failed"
echo "topology-test: all checks passed"
