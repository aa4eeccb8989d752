#!/usr/bin/env bash
# Checks the `atelier cluster` contract of issue 3 against a built binary; builds nothing.
#
#   deploy/check-cluster-cli.sh [BINARY]     (default: .build/debug/atelier)
#
# On the shared data sets (ATELIER_DATA, default ../shared/data): the JSON parses, has the
# contract's shape, and places every input id exactly once (members or outliers), with
# --clusters auto and a fixed N. On bad input (missing column, empty file, not UTF-8, missing
# file, duplicate id): a non-zero exit, a message on stderr, nothing on stdout.
# Exits non-zero if any check fails.
set -euo pipefail

cd "$(dirname "$0")/.."
binary=${1:-.build/debug/atelier}
data=${ATELIER_DATA:-../shared/data}
subcommand=cluster
# shellcheck source=deploy/cli-checks.sh
source deploy/cli-checks.sh

# The JSON has the contract's shape and every id of the CSV column appears exactly once.
check_output() { # CSV ID_COLUMN
  python3 - "$1" "$2" "$tmp/out" <<'EOF'
import csv, json, sys
from collections import Counter

path, id_column, output = sys.argv[1:]
with open(path, encoding="utf-8-sig", newline="") as f:
    header = f.readline()
    f.seek(0)
    # The binary's rule: `;` when the header has `;` and no `,` (French Excel).
    delimiter = ";" if ";" in header and "," not in header else ","
    ids = [row[id_column] for row in csv.DictReader(f, delimiter=delimiter)]
text = open(output, encoding="utf-8").read()
if text.count("\n") != 1 or not text.endswith("\n"):
    sys.exit("stdout is not exactly one line")
result = json.loads(text)
if not isinstance(result, dict) or set(result) != {"clusters", "outliers", "duplicates"}:
    sys.exit(f"top-level keys: {sorted(result) if isinstance(result, dict) else type(result).__name__}")
def strings(value):
    return isinstance(value, list) and all(isinstance(v, str) for v in value)
for cluster in result["clusters"]:
    if set(cluster) != {"label", "keywords", "members", "representatives"}:
        sys.exit(f"cluster keys: {sorted(cluster)}")
    if not isinstance(cluster["label"], str) or not all(strings(cluster[k]) for k in ("keywords", "members", "representatives")):
        sys.exit("a cluster field has the wrong type")
    if not set(cluster["representatives"]) <= set(cluster["members"]):
        sys.exit("a representative is not a member of its cluster")
if not strings(result["outliers"]):
    sys.exit("outliers is not a list of ids")
if not all(strings(pair) and len(pair) == 2 for pair in result["duplicates"]):
    sys.exit("duplicates is not a list of id pairs")
placed = Counter(id for c in result["clusters"] for id in c["members"]) + Counter(result["outliers"])
expected = Counter(ids)
if placed != expected:
    missing = list((expected - placed).elements())[:5]
    extra = list((placed - expected).elements())[:5]
    sys.exit(f"ids not placed exactly once: missing {missing}, extra or repeated {extra}")
if not all(set(pair) <= set(expected) for pair in result["duplicates"]):
    sys.exit("a duplicate pair names an unknown id")
print(f"{len(ids)} ids, {len(result['clusters'])} clusters, {len(result['outliers'])} outliers, {len(result['duplicates'])} duplicate pairs")
EOF
}

good() { # NAME CSV ID_COLUMN TEXT_COLUMN [OPTIONS...]
  local name=$1 csv=$2 id=$3 text=$4
  shift 4
  run --input "$csv" --id-column "$id" --text-column "$text" "$@"
  if [ "$(cat "$tmp/rc")" != 0 ]; then
    fail "$name: exit $(cat "$tmp/rc"): $(head -c 300 "$tmp/err")"
  elif summary=$(check_output "$csv" "$id" 2>&1); then
    pass "$name: $summary"
  else
    fail "$name: $summary"
  fi
}

# The shared sets, which have unique ids of their own.
paris=$data/paris_bp_laureats_titles.csv
sib=$data/sib200_fra_Latn.csv
for file in "$paris" "$sib"; do [ -r "$file" ] || { echo "missing data file $file (set ATELIER_DATA)" >&2; exit 2; }; done
good "paris titles, auto" "$paris" project_id title
good "paris titles, 11 clusters" "$paris" project_id title --clusters 11
good "sib200, auto" "$sib" index_id text
good "sib200, 7 clusters" "$sib" index_id text --clusters 7

# A workshop-sized file written by Python: `;` separators, a BOM, CRLF, multi-line quoted texts,
# a blank text and a one-word text, which must still appear (likely as outliers).
python3 - "$sib" "$tmp/small.csv" <<'EOF'
import csv, sys
with open(sys.argv[1], encoding="utf-8", newline="") as f:
    rows = list(csv.DictReader(f))[:40]
with open(sys.argv[2], "w", encoding="utf-8-sig", newline="") as f:
    writer = csv.writer(f, delimiter=";")
    writer.writerow(["n°", "contribution"])
    for i, row in enumerate(rows):
        text = row["text"].replace(". ", ".\n", 1) if i % 3 == 0 else row["text"]
        writer.writerow([f"c-{i}", text])
    writer.writerow(["c-blank", "   "])
    writer.writerow(["c-word", "Vélo"])
EOF
good "40 texts, ';' + BOM + multi-line + blank text" "$tmp/small.csv" "n°" contribution
run --input "$tmp/small.csv" --id-column "n°" --text-column contribution --format text
if [ "$(cat "$tmp/rc")" = 0 ] && [ -s "$tmp/out" ]; then pass "text format: exit 0, $(wc -l <"$tmp/out") lines"; else
  fail "text format: exit $(cat "$tmp/rc"), $(head -c 300 "$tmp/err")"
fi

# Bad input.
bad "missing id column" "no column" --input "$paris" --id-column id --text-column title
bad "missing text column" "no column" --input "$paris" --id-column project_id --text-column texte
: >"$tmp/empty.csv"
bad "empty file" "empty" --input "$tmp/empty.csv" --id-column id --text-column text
printf 'id,text\n' >"$tmp/header-only.csv"
bad "header without rows" "no rows" --input "$tmp/header-only.csv" --id-column id --text-column text
printf 'id,text\n1,caf\xe9 cr\xe8me\n' >"$tmp/latin1.csv"
bad "not UTF-8 (Latin-1)" "UTF-8" --input "$tmp/latin1.csv" --id-column id --text-column text
bad "missing file" "no such file" --input "$tmp/nowhere.csv" --id-column id --text-column text
printf 'id,text\n1,un\n2,deux\n1,trois\n' >"$tmp/duplicate.csv"
bad "duplicate id" '"1"' --input "$tmp/duplicate.csv" --id-column id --text-column text
printf 'id,text\n1,un\n,deux\n' >"$tmp/empty-id.csv"
bad "empty id" "empty" --input "$tmp/empty-id.csv" --id-column id --text-column text
printf 'id,text\n1,"jamais fermé\n' >"$tmp/unterminated.csv"
bad "unterminated quote" "line 2" --input "$tmp/unterminated.csv" --id-column id --text-column text
bad "--clusters 0" "clusters" --input "$paris" --id-column project_id --text-column title --clusters 0

verdict
