#!/usr/bin/env bash
# Checks the `atelier opinion-groups` contract of issue 13 against a built binary; builds nothing.
#
#   deploy/check-opinion-groups-cli.sh [BINARY]     (default: .build/debug/atelier)
#
# On the Pol.is conversations of ATELIER_DATA (default ../shared/data)/polis, turned into the
# contract's votes file (participant,contribution,vote in cast order) and moderated file: the JSON
# parses, has the contract's shape, places each grouped participant in exactly one group, never
# shows a moderated-out contribution, and agrees with Pol.is's own groups (ARI printed). Its small
# cases need no data: the last vote of a pair counts, and bad input (missing column, a vote of 2,
# empty file, missing file, empty id) exits non-zero with a message on stderr and nothing on stdout.
# Exits non-zero if any check fails.
set -euo pipefail

cd "$(dirname "$0")/.."
binary=${1:-.build/debug/atelier}
data=${ATELIER_DATA:-../shared/data}
subcommand=opinion-groups
# shellcheck source=deploy/cli-checks.sh
source deploy/cli-checks.sh

# The JSON's shape, checked against the votes file (and Pol.is's groups when given).
check_output() { # VOTES MODERATED [PARTICIPANTS_VOTES]
  python3 - "$tmp/out" "$@" <<'PY'
import csv, json, sys
from collections import Counter
from math import comb

output, votes_path, moderated_path = sys.argv[1:4]
polis = sys.argv[4] if len(sys.argv) > 4 else None
with open(votes_path, encoding="utf-8", newline="") as f:
    rows = list(csv.DictReader(f))
participants = {r["participant"] for r in rows}
contributions = {r["contribution"] for r in rows}
with open(moderated_path, encoding="utf-8", newline="") as f:
    moderated = {r["contribution"] for r in csv.DictReader(f)}
text = open(output, encoding="utf-8").read()
if text.count("\n") != 1 or not text.endswith("\n"):
    sys.exit("stdout is not exactly one line")
result = json.loads(text)
for key in ("groups", "consensus", "representative", "k", "silhouettes", "statements", "positions", "room"):
    if key not in result:
        sys.exit(f"no key {key}")
groups = result["groups"]
if result["k"] != len(groups) or not 1 <= len(groups) <= 5:
    sys.exit(f"k {result['k']} for {len(groups)} groups")
for g in groups:
    if not isinstance(g["id"], str) or g["size"] != len(g["participants"]):
        sys.exit(f"group {g['id']}: id not a string or size wrong")
    if not all(isinstance(p, str) for p in g["participants"]):
        sys.exit("a participant id is not a string")
if set(result["representative"]) != {g["id"] for g in groups}:
    sys.exit("representative is not keyed by the group ids")
placed = Counter(p for g in groups for p in g["participants"])
if any(n > 1 for n in placed.values()) or not set(placed) <= participants:
    sys.exit("a participant is in two groups, or unknown")
if result["room"]["grouped"] != len(placed):
    sys.exit("room.grouped differs from the participants in groups")
shown = set(result["consensus"]) | {c for ids in result["representative"].values() for c in ids}
if shown & moderated:
    sys.exit(f"moderated-out contributions shown: {sorted(shown & moderated)[:5]}")
if not shown <= contributions:
    sys.exit("an unknown contribution is shown")
if sorted(result["consensus"]) != sorted(contributions - moderated):
    sys.exit("consensus does not rank every contribution not moderated out, once")
if set(result["positions"]) != participants:
    sys.exit("positions are not one per participant")
summary = f"{len(participants)} participants, {len(placed)} grouped in {len(groups)} groups {[g['size'] for g in groups]}"
if polis:
    with open(polis, encoding="utf-8", newline="") as f:
        theirs = {r["participant"]: r["group-id"] for r in csv.DictReader(f) if r["group-id"]}
    ours = {p: g["id"] for g in groups for p in g["participants"]}
    both = sorted(set(ours) & set(theirs))
    table = Counter((ours[p], theirs[p]) for p in both)
    a, b = Counter(ours[p] for p in both), Counter(theirs[p] for p in both)
    index = sum(comb(n, 2) for n in table.values())
    rows_, cols_ = sum(comb(n, 2) for n in a.values()), sum(comb(n, 2) for n in b.values())
    expected = rows_ * cols_ / comb(len(both), 2)
    ari = (index - expected) / ((rows_ + cols_) / 2 - expected)
    summary += f", ARI {ari:.3f} against Pol.is on {len(both)}"
    if ari < 0.8:
        sys.exit(summary + ": below 0.8")
print(summary)
PY
}

# The Pol.is exports, as the contract's files: votes sorted by timestamp (file order on ties).
for conversation in vtaiwan.uberx scoop-hivemind.biodiversity; do
  folder=$data/polis/$conversation
  if [ ! -r "$folder/votes.csv" ]; then
    echo "skipped: $folder is not there (set ATELIER_DATA)"
    continue
  fi
  python3 - "$folder" "$tmp/$conversation" <<'PY'
import csv, sys
folder, out = sys.argv[1:]
with open(f"{folder}/votes.csv", encoding="utf-8", newline="") as f:
    rows = list(csv.DictReader(f))
rows = [r for _, r in sorted(enumerate(rows), key=lambda x: (int(x[1]["timestamp"]), x[0]))]
with open(f"{out}-votes.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f)
    w.writerow(["participant", "contribution", "vote"])
    w.writerows([r["voter-id"], r["comment-id"], r["vote"]] for r in rows)
with open(f"{folder}/comments.csv", encoding="utf-8", newline="") as f:
    moderated = [r["comment-id"] for r in csv.DictReader(f) if r["moderated"] == "-1"]
with open(f"{out}-moderated.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f)
    w.writerow(["contribution"])
    w.writerows([c] for c in moderated)
PY
  run --votes "$tmp/$conversation-votes.csv" --moderated "$tmp/$conversation-moderated.csv" --format json
  if [ "$(cat "$tmp/rc")" != 0 ]; then
    fail "$conversation: exit $(cat "$tmp/rc"): $(head -c 300 "$tmp/err")"
  elif summary=$(check_output "$tmp/$conversation-votes.csv" "$tmp/$conversation-moderated.csv" "$folder/participants-votes.csv" 2>&1); then
    pass "$conversation: $summary"
  else
    fail "$conversation: $summary"
  fi
done

# A small room: two camps of 10 on 8 contributions, one vote changed afterwards (the last counts).
python3 - "$tmp/small-votes.csv" "$tmp/small-moderated.csv" <<'PY'
import csv, sys
with open(sys.argv[1], "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f)
    w.writerow(["participant", "contribution", "vote"])
    for p in range(20):
        for c in range(8):
            w.writerow([f"élu-{p}", f"c/{c}", 1 if (p < 10) == (c < 4) else -1])
    w.writerow(["élu-0", "c/0", 0])
with open(sys.argv[2], "w", encoding="utf-8", newline="") as f:
    f.write("contribution\nc/7\n")
PY
run --votes "$tmp/small-votes.csv" --moderated "$tmp/small-moderated.csv" --format json
if [ "$(cat "$tmp/rc")" != 0 ]; then
  fail "small room: exit $(cat "$tmp/rc"): $(head -c 300 "$tmp/err")"
elif summary=$(check_output "$tmp/small-votes.csv" "$tmp/small-moderated.csv" 2>&1); then
  if python3 -c "
import json, sys
r = json.load(open('$tmp/out'))
s = {x['contribution']: x for x in r['statements']}
passes = sum(g['pass'] for g in s['c/0']['groups'])
sys.exit(0 if passes == 1 and r['k'] == 2 else f'passes on c/0: {passes}, k {r[\"k\"]}')
"; then pass "small room: $summary, the last vote counts"; else fail "small room: the last vote does not count"; fi
else
  fail "small room: $summary"
fi

# Bad input.
printf 'participant,contribution\n1,2\n' >"$tmp/no-vote.csv"
bad "missing vote column" "no column" --votes "$tmp/no-vote.csv" --format json
printf 'participant,contribution,vote\n1,2,2\n' >"$tmp/two.csv"
bad "a vote of 2" "not 1, -1 or 0" --votes "$tmp/two.csv" --format json
printf 'participant,contribution,vote\n1,2,agree\n' >"$tmp/word.csv"
bad "a vote in words" "not 1, -1 or 0" --votes "$tmp/word.csv" --format json
: >"$tmp/empty.csv"
bad "empty file" "empty" --votes "$tmp/empty.csv" --format json
printf 'participant,contribution,vote\n' >"$tmp/header-only.csv"
bad "header without rows" "no rows" --votes "$tmp/header-only.csv" --format json
printf 'participant,contribution,vote\n,2,1\n' >"$tmp/empty-id.csv"
bad "empty participant" "empty participant" --votes "$tmp/empty-id.csv" --format json
bad "missing file" "no such file" --votes "$tmp/nowhere.csv" --format json
printf 'id\n3\n' >"$tmp/bad-moderated.csv"
bad "moderated file without its column" "no column" --votes "$tmp/small-votes.csv" --moderated "$tmp/bad-moderated.csv" --format json
bad "--format text" "format" --votes "$tmp/small-votes.csv" --format text

verdict
