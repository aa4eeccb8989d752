#!/usr/bin/env bash
# Benchmarks of the release build: clustering time and memory, opinion groups against numpy
# (deploy/bench-opinion-groups.sh), sentence-encoder speed against
# the numpy reference (deploy/bench-encoder.sh), then HTTP against a throwaway PostgreSQL
# cluster: requests per second and latencies of voting, of listing contributions in JSON and of
# the workshop page showing the same contributions in HTML, the time to export the briefing in
# every format (deploy/bench-export.sh), and the latency of /health while four clusterings run at
# once (deploy/bench-health.sh); last, the vote path through nginx, two nodes, pgbouncer and a
# synchronous standby against pgbench (deploy/topology-test.sh --bench).
#
#   deploy/bench.sh [SECONDS] [CONNECTIONS]
set -euo pipefail
cd "$(dirname "$0")/.."

duration=${1:-15}
connections=${2:-32}
# wrk, and for the topology bench nginx, pgbouncer and pgbench (postgresql-contrib).
for need in wrk:wrk nginx:nginx-light pgbouncer:pgbouncer pgbench:postgresql-contrib; do
  command -v "${need%%:*}" >/dev/null || [ -x "/usr/sbin/${need%%:*}" ] || {
    if [ "$(id -u)" = 0 ]; then apt-get install -y -q "${need#*:}" >/dev/null
    else echo "bench: install ${need#*:} (sudo apt-get install ${need#*:})" >&2; exit 1; fi
  }
done
swift build -c release --product atelier >/dev/null
bin=.build/release/atelier
# The encoder's AVX code must stay inside its two kernel modules (see Package.swift).
bash deploy/check-instruction-sets.sh "$bin"

# Clustering: time and memory by size, from the shared data sets when they are there.
python3 bench/cluster_speed.py --binary "$bin"
echo

# Opinion groups: time and memory by room size, against numpy in the same run.
bash deploy/bench-opinion-groups.sh "$bin" || echo "bench: the opinion-groups comparison could not run (see above)"
echo

# Sentence encoder: sentences per second against the numpy reference, same texts, one thread each.
bash deploy/fetch-model.sh
bash deploy/bench-encoder.sh "$bin" || echo "bench: the encoder comparison could not run (see above)"
echo

mkdir -p .pg-test
tmp=$(mktemp -d "$PWD/.pg-test/bench.XXXXXX")
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  bash deploy/pg-cluster.sh stop "$tmp" >/dev/null || true
  rm -rf "$tmp"
  rmdir .pg-test 2>/dev/null || true
}
trap cleanup EXIT

port=$((56000 + RANDOM % 1000))
PG_FAST=${PG_FAST:-0} bash deploy/pg-cluster.sh start "$tmp" "$port" >/dev/null
export DATABASE_URL; DATABASE_URL=$(bash deploy/pg-cluster.sh url "$tmp")
$bin migrate >/dev/null
admin_token=$($bin demo | sed -n 's/^Admin access token (shown once): //p')

# Fifty attendees vote, as in the room; their tokens and the targets go to files wrk reads.
export BENCH_TOKENS=$tmp/tokens BENCH_CONTRIBUTIONS=$tmp/contributions BENCH_WORKSHOPS=$tmp/workshops
for i in $(seq 1 50); do
  $bin participants add --congress agen-2026 --name "Votant $i" --role attendee 2>/dev/null
done >"$BENCH_TOKENS"
psql -qAt "$DATABASE_URL" -c "SELECT id FROM contribution WHERE status = 'published'" >"$BENCH_CONTRIBUTIONS"
psql -qAt "$DATABASE_URL" -c "SELECT id FROM workshop" >"$BENCH_WORKSHOPS"

http=$((port + 1000))
# Throughput is measured, not the rate limits: 50 tokens voting flat out would meet them.
ATELIER_RATE_LIMITS=off ATELIER_DB_POOL_SIZE=${ATELIER_DB_POOL_SIZE:-8} LOG_LEVEL=error $bin serve --port "$http" &
server=$!
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$http/health" >/dev/null && break; sleep 0.1; done

# The same attendees signed in to the pages (their access token is a code /entrer takes).
export BENCH_COOKIES=$tmp/cookies
while read -r token; do
  curl -s -o /dev/null -D - -H "Origin: http://127.0.0.1:$http" --data-urlencode "code=$token" "http://127.0.0.1:$http/entrer" |
    sed -n 's/^[Ss]et-[Cc]ookie: atelier_session=\([^;]*\).*/\1/p'
done <"$BENCH_TOKENS" >"$BENCH_COOKIES"

echo "atelier bench: ${duration}s per run, $connections connections, 2 wrk threads, pool ${ATELIER_DB_POOL_SIZE:-8}, $(nproc) cores"
# list (JSON) and page (HTML) read the same 20 contributions: the page's cost over the API's.
for script in vote list page; do
  wrk -t2 -c"$connections" -d"${duration}s" --latency -s "bench/$script.lua" "http://127.0.0.1:$http" \
    | grep -E "Requests/sec|^(vote|list|page):"
done
votes=$(psql -qAt "$DATABASE_URL" -c "SELECT count(*) FROM vote")
echo "votes stored afterwards: $votes (tallies checked: $(psql -qAt "$DATABASE_URL" -c "
  SELECT count(*) = 0 FROM contribution c
  WHERE c.agree_count <> (SELECT count(*) FROM vote v WHERE v.contribution_id = c.id AND v.value = 'agree')
     OR c.disagree_count <> (SELECT count(*) FROM vote v WHERE v.contribution_id = c.id AND v.value = 'disagree')
     OR c.pass_count <> (SELECT count(*) FROM vote v WHERE v.contribution_id = c.id AND v.value = 'pass')"))"

# Exports of the briefing: a 250-contribution congress, every format.
echo
bash deploy/bench-export.sh "$bin" "$http" "$admin_token"

# Responsiveness: /health while four clusterings of a 300-contribution workshop run at once.
echo
bash deploy/bench-health.sh "$http" "$admin_token" "$duration"

# The vote path beyond one machine (docs/capacity.md): votes through nginx (TLS), two nodes,
# pgbouncer and a primary with a synchronous standby, against pgbench on the same transaction and
# primary in the same run, then an open loop at half that capacity.
echo
bash deploy/topology-test.sh --bench || echo "bench: the topology bench failed (see above)"
