#!/usr/bin/env bash
# Patroni's on_role_change callback (`ACTION ROLE CLUSTER`), for a pgbouncer that reaches the
# primary by its address rather than by a virtual address that follows the leader (vip-manager):
# when this machine becomes the primary, the pgbouncer of PGBOUNCER_INI is pointed at it and
# reloaded; clients keep their connections, and their next transaction reaches the new primary.
# `make topology-test` runs it after `pg_ctl promote`, with the loopback values in the environment.
set -euo pipefail
role=${2:-}
[ "$role" = primary ] || [ "$role" = master ] || exit 0
if [ -z "${PGBOUNCER_INI:-}" ] && [ -f /etc/atelier/db-node.env ]; then . /etc/atelier/db-node.env; fi
: "${PGBOUNCER_INI:?}" "${PGBOUNCER_ADMIN_URL:?}" "${PRIMARY_HOST:?}" "${PRIMARY_PORT:?}"
sed -i "s/^atelier = .*/atelier = host=$PRIMARY_HOST port=$PRIMARY_PORT dbname=atelier/" "$PGBOUNCER_INI"
psql -X -q "$PGBOUNCER_ADMIN_URL" -c RELOAD
