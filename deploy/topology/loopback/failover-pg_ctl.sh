# The topology test's failover without Patroni (TOPOLOGY_FAILOVER=pg_ctl, or patroni/etcd
# missing): the standby made by pg_basebackup, promoted by `pg_ctl promote` and then pointed at by
# the same callback Patroni runs. What it proves is the nodes' and pgbouncer's side of a failover,
# not the deciding. Sourced by deploy/topology-test.sh, which defines tmp, bindir, the ports, as_pg.

# The primary, then the standby cloned from it, streaming synchronously.
start_databases() {
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
  start_pg primary
  psql -X -q "postgresql://atelier@127.0.0.1:$primary_port/postgres" -c "CREATE DATABASE atelier"
  as_pg "$bindir/pg_basebackup" -h 127.0.0.1 -p "$primary_port" -U atelier -D "$tmp/standby" -R -X stream -c fast
  sed -i "s/^port = .*/port = $standby_port/; s/^cluster_name = .*/cluster_name = 'standby'/" "$tmp/standby/postgresql.conf"
  start_pg standby
  # Synchronous from now on: a commit is acknowledged once the standby has it. Set on the
  # primary only, so that the promoted standby, alone, does not wait for a peer it lacks.
  psql -X -q "$primary_url" -c "ALTER SYSTEM SET synchronous_standby_names = 'standby'" -c "SELECT pg_reload_conf()" >/dev/null
}
start_pg() { as_pg "$bindir/pg_ctl" -D "$tmp/$1" -l "$tmp/$1.log" -w -t 60 start >/dev/null || { tail -20 "$tmp/$1.log"; die "$1 did not start"; }; }

# What the driver runs mid-load: the primary and its processes SIGKILLed (a machine gone), the
# standby promoted, pgbouncer pointed at it by Patroni's callback.
write_failover_script() {
  cat >"$tmp/failover.sh" <<SCRIPT
set -e
postmaster=\$(head -1 "$tmp/primary/postmaster.pid")
children=\$(ps -o pid= --ppid "\$postmaster")
kill -9 "\$postmaster" \$children || true
echo killed
as_pg() { if [ "\$(id -u)" = 0 ]; then runuser -u postgres -- "\$@"; else "\$@"; fi; }
as_pg "$bindir/pg_ctl" -D "$tmp/standby" -w -t 30 promote >/dev/null
rm -f "$tmp/primary/postmaster.pid"
PGBOUNCER_INI=$tmp/pgbouncer.ini PGBOUNCER_ADMIN_URL=postgresql://atelier@127.0.0.1:$bouncer_port/pgbouncer \\
  PRIMARY_HOST=127.0.0.1 PRIMARY_PORT=$standby_port bash "$root/deploy/topology/patroni-on-role-change.sh" on_role_change primary atelier
SCRIPT
}

failover_description="the primary SIGKILLed, \`pg_ctl promote\` on the standby, then the callback"
# The promotion is the script's: it is timed from the kill to the callback's end.
failover_limit_s=10
failover_report() { :; }
# Nothing runs beside the postmasters, which the test's cleanup stops.
stop_failover_manager() { :; }
