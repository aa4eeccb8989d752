#!/usr/bin/env bash
# Responsiveness under CPU load, run by deploy/bench.sh once the demo is loaded and the server is
# up: the demo's first workshop topped up to 300 published contributions, then GET /health timed
# while four clusterings of it run at once (bench/health_under_clustering.py).
#
#   deploy/bench-health.sh HTTP_PORT ADMIN_TOKEN [SECONDS]      (DATABASE_URL set)
set -euo pipefail
cd "$(dirname "$0")/.."

base=http://127.0.0.1:$1
auth="Authorization: Bearer $2"
workshop=$(psql -qAt "$DATABASE_URL" -c "SELECT id FROM workshop ORDER BY position, slug LIMIT 1")
published=$(psql -qAt "$DATABASE_URL" -c "SELECT count(*) FROM contribution WHERE workshop_id = '$workshop' AND status = 'published'")
# The other workshops' texts, each posted up to twice: a room's repetitions, real French words.
psql -qAt "$DATABASE_URL" -c "
  SELECT json_strip_nulls(json_build_object('title', c.title, 'body', c.body))
  FROM contribution c, generate_series(1, 2) AS copy
  WHERE c.workshop_id <> '$workshop' AND c.status = 'published'
  ORDER BY copy, c.id LIMIT greatest(0, 300 - $published)" |
  while IFS= read -r contribution; do
    curl -sf -H "$auth" -H "Content-Type: application/json" -d "$contribution" "$base/api/v1/workshops/$workshop/contributions" >/dev/null
  done
echo "health under clustering: $(psql -qAt "$DATABASE_URL" -c "
  SELECT count(*) FROM contribution WHERE workshop_id = '$workshop' AND status = 'published'") contributions in the workshop"
python3 bench/health_under_clustering.py --url "$base" --token "$2" --workshop "$workshop" --seconds "${3:-15}"
