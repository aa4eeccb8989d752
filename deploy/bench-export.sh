#!/usr/bin/env bash
# Export benchmark, run by deploy/bench.sh once the demo is loaded and the server is up: the demo
# congress topped up to 250 published contributions, each workshop's clusters adopted as
# proposals, then the briefing exported in every format through the real path (PostgreSQL,
# one REPEATABLE READ snapshot, then the writers), by `atelier export` and over HTTP.
# Reports the best of 3 runs per format and checks that the runs gave identical bytes.
#
#   deploy/bench-export.sh BINARY HTTP_PORT ADMIN_TOKEN      (DATABASE_URL set)
set -euo pipefail
cd "$(dirname "$0")/.."

bin=$1
api=http://127.0.0.1:$2/api/v1
auth="Authorization: Bearer $3"
json="Content-Type: application/json"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The demo has about 248 contributions; the rest come from the admin, in the first workshop.
published=$(psql -qAt "$DATABASE_URL" -c "SELECT count(*) FROM contribution WHERE status = 'published'")
first=$(psql -qAt "$DATABASE_URL" -c "SELECT id FROM workshop ORDER BY position, slug LIMIT 1")
for i in $(seq $((published + 1)) 250); do
  curl -sf -H "$auth" -H "$json" -d "{\"body\":\"Contribution $i : mutualiser les outils numériques entre communes\"}" \
    "$api/workshops/$first/contributions" >/dev/null
done

# Every cluster of each workshop's latest run becomes a proposal (no list of clusters: all of them).
for workshop in $(psql -qAt "$DATABASE_URL" -c "SELECT id FROM workshop"); do
  curl -sf -H "$auth" "$api/workshops/$workshop/clusterings/latest" \
    | python3 -c 'import json, sys; print(json.dumps({"clusteringId": json.load(sys.stdin)["id"]}))' \
    >"$tmp/adopt.json"
  curl -sf -H "$auth" -H "$json" -d @"$tmp/adopt.json" "$api/workshops/$workshop/proposals/adoptions" >/dev/null
done
echo "export bench: $(psql -qAt "$DATABASE_URL" -c "
  SELECT count(*) FILTER (WHERE status = 'published') || ' contributions, '
         || (SELECT count(*) FROM vote) || ' votes, '
         || (SELECT count(*) FROM proposal WHERE deleted_at IS NULL) || ' proposals'
  FROM contribution"); best of 3 runs, --status all"

# Milliseconds an HTTP download takes, wall clock, as curl measures it.
http_ms() {
  curl -sf -H "$auth" -o "$2" -w '%{time_total}' "$api/congresses/agen-2026/export?format=$1&status=all" | awk '{ printf "%.1f", $1 * 1000 }'
}
# Milliseconds `atelier export` spends exporting (its --timing: process start excluded).
cli_ms() {
  "$bin" export --congress agen-2026 --format "$1" --status all --timing --output "$2" 2>&1 >/dev/null \
    | sed -n 's/^atelier export: .* in \([0-9.]*\) ms$/\1/p'
}
min() { printf '%s\n' "$@" | sort -g | head -1; }

total_cli=0
total_http=0
for format in odt docx html md csv json; do
  cli=()
  http=()
  for run in 1 2 3; do
    cli+=("$(cli_ms "$format" "$tmp/cli-$run.$format")")
    http+=("$(http_ms "$format" "$tmp/http-$run.$format")")
  done
  for run in 2 3; do cmp -s "$tmp/cli-1.$format" "$tmp/cli-$run.$format" || { echo "FAIL: $format differs between runs" >&2; exit 1; }; done
  for run in 1 2 3; do cmp -s "$tmp/cli-1.$format" "$tmp/http-$run.$format" || { echo "FAIL: $format differs over HTTP" >&2; exit 1; }; done
  best_cli=$(min "${cli[@]}")
  best_http=$(min "${http[@]}")
  printf '  %-5s %7d bytes   atelier export %6.1f ms   HTTP %6.1f ms\n' "$format" "$(stat -c %s "$tmp/cli-1.$format")" "$best_cli" "$best_http"
  total_cli=$(awk -v a="$total_cli" -v b="$best_cli" 'BEGIN { print a + b }')
  total_http=$(awk -v a="$total_http" -v b="$best_http" 'BEGIN { print a + b }')
done
echo "  all six formats: atelier export ${total_cli} ms (first query to last byte, connecting included), HTTP ${total_http} ms (request to last byte); identical bytes every run"
