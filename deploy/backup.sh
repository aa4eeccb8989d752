#!/usr/bin/env bash
# Backs up the database of $DATABASE_URL, and restores such a backup into an empty database.
#
#   deploy/backup.sh dump FILE       every congress, every table: pg_dump's custom format (compressed)
#   deploy/backup.sh restore FILE    into the database of $DATABASE_URL, which must hold no table yet
#
# A dump is consistent (one snapshot) and taken while Atelier serves. It holds everything,
# personal data included: keep it where the database is kept, and delete the old ones once a
# congress's personal data has been purged (atelier congress purge-personal-data), or the purge
# lives on in them. A restore is one transaction: all of it or nothing. The restored database
# needs no `atelier migrate`: the migrations' own bookkeeping is in the dump.
# deploy/check-backup-cli.sh restores into a second cluster and compares every export byte for byte.
set -euo pipefail

die() { echo "backup: $*" >&2; exit 1; }
[ $# -eq 2 ] || die "usage: $0 dump FILE | restore FILE"
[ -n "${DATABASE_URL:-}" ] || die "DATABASE_URL is not set"
cmd=$1 file=$2
# The tools of the server's own version: an older pg_dump refuses a newer server.
bindir=$(pg_config --bindir 2>/dev/null) || die "pg_config not found: run deploy/install-deps.sh"

case $cmd in
  dump)
    # Written aside and moved into place, so FILE is never a half-written backup.
    "$bindir/pg_dump" --format=custom --no-owner --no-privileges --file="$file.partial" "$DATABASE_URL" ||
      { rm -f "$file.partial"; die "pg_dump failed: nothing written"; }
    mv "$file.partial" "$file"
    echo "backup: wrote $file ($(wc -c <"$file") bytes)" >&2
    ;;
  restore)
    [ -r "$file" ] || die "no backup at $file"
    tables=$("$bindir/psql" -X -Atc "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'" "$DATABASE_URL")
    [ "$tables" = 0 ] || die "the database already holds $tables table(s): restore into an empty one"
    "$bindir/pg_restore" --no-owner --no-privileges --exit-on-error --single-transaction --dbname="$DATABASE_URL" "$file" ||
      die "pg_restore failed: nothing restored"
    echo "backup: restored $file" >&2
    ;;
  *) die "usage: $0 dump FILE | restore FILE" ;;
esac
