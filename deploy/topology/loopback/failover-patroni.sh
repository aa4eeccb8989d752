# The topology test's failover by Patroni (TOPOLOGY_FAILOVER=patroni, the default when patroni and
# etcd are installed): one etcd and two Patronis on loopback, configured by the shipped
# ../patroni.yml patched by ./patroni.yml; Patroni bootstraps the primary, clones the standby and
# promotes it, and runs ../patroni-on-role-change.sh, which points pgbouncer at it. Nothing here
# promotes anything. TOPOLOGY_KILL says what the failover kills:
#   postgres  the primary's postmaster and its backends (a crash, the OOM killer): its Patroni,
#             alive, hands the leader key over at once (primary_start_timeout 0);
#   machine   that, and its Patroni: nobody hands the key over, it must expire (ttl).
# Sourced by deploy/topology-test.sh, which defines tmp, bindir, root, base, the ports, as_pg, die.
ttl=$(sed -n 's/^ *ttl: *\([0-9]*\).*/\1/p' deploy/topology/patroni.yml)

# COMMAND... in the background, as postgres when root, its output in $tmp/NAME.log and its own
# pid (not runuser's) in $tmp/NAME.pid.
start_as_pg() { # NAME COMMAND...
  local name=$1
  shift
  as_pg bash -c 'echo $$ >"$0"; exec "$@"' "$tmp/$name.pid" "$@" >"$tmp/$name.log" 2>&1 &
  wait_until 10 "$name" "did not start" test -s "$tmp/$name.pid"
}
# Until COMMAND succeeds; past SECONDS, the end of NAME's log and MESSAGE.
wait_until() { # SECONDS NAME MESSAGE COMMAND...
  local deadline=$((SECONDS + $1)) name=$2 message=$3
  shift 3
  until "$@" >/dev/null 2>&1; do
    [ "$SECONDS" -lt "$deadline" ] || { tail -n 20 "$tmp/$name.log" >&2; die "$name $message"; }
    sleep 0.2
  done
}

start_patroni() { # NAME DATA_DIR PG_PORT REST_PORT
  local config=$tmp/patroni-$1
  mkdir -p "$config"
  NODE_NAME=$1 NODE_ADDRESS=127.0.0.1 NETWORK=127.0.0.1/32 ETCD_HOSTS=127.0.0.1:$etcd_port \
    REPLICATOR_PASSWORD=$patroni_password SUPERUSER_PASSWORD=$patroni_password \
    deploy/topology/fill-template.sh deploy/topology/patroni.yml >"$config/1-atelier.yml"
  NODE_NAME=$1 DATA_DIR=$2 PG_PORT=$3 RESTAPI_PORT=$4 BIN_DIR=$bindir RUN_DIR=$tmp \
    CALLBACK=$root/deploy/topology/patroni-on-role-change.sh \
    deploy/topology/fill-template.sh deploy/topology/loopback/patroni.yml >"$config/2-loopback.yml"
  # The callback's values, as /etc/atelier/db-node.env gives them on a real machine.
  start_as_pg "patroni-$1" env PGBOUNCER_INI="$tmp/pgbouncer.ini" PRIMARY_HOST=127.0.0.1 PRIMARY_PORT="$3" \
    PGBOUNCER_ADMIN_URL="postgresql://atelier@127.0.0.1:$bouncer_port/pgbouncer" patroni "$config"
}

start_databases() {
  etcd_port=$((base + 6)) etcd_peer_port=$((base + 7))
  primary_rest_port=$((base + 8)) standby_rest_port=$((base + 9))
  # Unused with trust on loopback, but Patroni sets them; made now, never written in the repository.
  patroni_password=$(openssl rand -hex 16)
  start_as_pg etcd etcd --name topology --data-dir "$tmp/etcd" --enable-v2=false \
    --listen-client-urls "http://127.0.0.1:$etcd_port" --advertise-client-urls "http://127.0.0.1:$etcd_port" \
    --listen-peer-urls "http://127.0.0.1:$etcd_peer_port" --initial-advertise-peer-urls "http://127.0.0.1:$etcd_peer_port" \
    --initial-cluster "topology=http://127.0.0.1:$etcd_peer_port" --initial-cluster-token atelier-topology
  wait_until 30 etcd "did not start" curl -sf "http://127.0.0.1:$etcd_port/health"
  # db1 first, so that it is the one that bootstraps (initdb) and leads; db2 then clones it.
  start_patroni db1 "$tmp/primary" "$primary_port" "$primary_rest_port"
  wait_until 120 patroni-db1 "did not make db1 the primary" \
    curl -sf "http://127.0.0.1:$primary_rest_port/primary"
  psql -X -q "postgresql://atelier@127.0.0.1:$primary_port/postgres" -c "CREATE DATABASE atelier"
  start_patroni db2 "$tmp/standby" "$standby_port" "$standby_rest_port"
  # /sync answers 200 once Patroni has named db2 the synchronous standby, in etcd and on db1.
  wait_until 120 patroni-db2 "did not make db2 the synchronous standby" \
    curl -sf "http://127.0.0.1:$standby_rest_port/sync"
}

# What the driver runs mid-load: the kill, then only a wait until Patroni has promoted the standby
# and its callback has pointed pgbouncer at it, so that the driver times Patroni's own promotion.
write_failover_script() {
  local also=
  [ "$kill_scope" = machine ] && also="\$(cat \"$tmp/patroni-db1.pid\")"
  cat >"$tmp/failover.sh" <<SCRIPT
set -e
postmaster=\$(head -1 "$tmp/primary/postmaster.pid")
children=\$(ps -o pid= --ppid "\$postmaster")
# Stamped like Patroni's log lines (local time), to be read beside them.
stamp() { echo "\$(date '+%Y-%m-%d %H:%M:%S,%3N') \$1" >>"$tmp/failover-times.log"; }
stamp "KILL: $kill_scope"
kill -9 $also "\$postmaster" \$children || true
echo killed
for _ in \$(seq 1200); do
  if curl -sf -o /dev/null "http://127.0.0.1:$standby_rest_port/primary" && grep -q "port=$standby_port dbname" "$tmp/pgbouncer.ini"; then
    stamp "DONE: db2 is the primary for Patroni, and pgbouncer points at it"
    exit 0
  fi
  sleep 0.05
done
echo "failover: Patroni did not promote the standby within 60 s" >&2
exit 1
SCRIPT
}

if [ "${kill_scope:-postgres}" = machine ]; then
  failover_description="the primary's Patroni and PostgreSQL SIGKILLed (a machine lost), Patroni promoting the standby once the leader key expires (ttl $ttl s)"
  # The key outlives its holder by up to ttl; the nodes then need what they need after a crash.
  failover_limit_s=$((ttl + 10))
else
  failover_description="the primary's PostgreSQL SIGKILLed, its Patroni alive, Patroni promoting the standby"
  failover_limit_s=10
fi

# What each Patroni said of the failover, with its own clock.
failover_report() {
  grep -hE "Failing over|promoted self|acquired session lock|running pg_rewind from db[0-9]$|starting as a secondary| (KILL|DONE):" \
    "$tmp/failover-times.log" "$tmp/patroni-db1.log" "$tmp/patroni-db2.log" 2>/dev/null | sort | sed 's/^/  /' | head -12
}

# Patroni first (it stops its PostgreSQL), then etcd; the test's cleanup stops any postmaster left.
# Each runuser ends with its command.
stop_failover_manager() {
  local name pid
  for name in patroni-db1 patroni-db2 etcd; do
    pid=$(cat "$tmp/$name.pid" 2>/dev/null) || continue
    kill "$pid" 2>/dev/null || continue
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
  done
}
