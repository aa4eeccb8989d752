"""Read-your-writes across nodes, for `make topology-test`: a voter votes through node A, then
at once lists the workshop through node B, which reads lists from the standby. Sending back the
`Atelier-Last-Write` of the vote's reply, the list must show that vote every time; without it,
the list may show the vote before (how often is printed, not checked). Prints JSON with the
share of node B's reads its standby served, from its /metrics.

    python read_your_writes.py CONFIG.json [ROUNDS]
"""
import json
import sys
import urllib.request


def call(method, url, token, body=None, headers=None):
    request = urllib.request.Request(url, method=method, data=json.dumps(body).encode() if body is not None else None)
    request.add_header("Authorization", f"Bearer {token}")
    if body is not None:
        request.add_header("Content-Type", "application/json")
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, response.headers, json.loads(response.read() or b"null")


def standby_counters(base):
    with urllib.request.urlopen(f"{base}/metrics", timeout=10) as response:
        text = response.read().decode()
    counters = {}
    for line in text.splitlines():
        for name in ("atelier_db_standby_reads_total", "atelier_db_standby_redirected_reads_total"):
            if line.startswith(name + " ") or line.startswith(name + "{"):
                counters[name] = float(line.rsplit(" ", 1)[1])
    return counters.get("atelier_db_standby_reads_total", 0), counters.get("atelier_db_standby_redirected_reads_total", 0)


def main():
    config = json.load(open(sys.argv[1]))
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    token = open(config["tokens"]).read().split()[0].split("|")[2]
    a, b = config["node_a"], config["node_b"]
    congress = call("GET", f"{a}/api/v1/congresses/agen-2026", token)[2]
    workshop = next(w["id"] for w in congress["workshops"] if w["status"] == "open")
    status, _, posted = call("POST", f"{a}/api/v1/workshops/{workshop}/contributions", token, {"body": "Lire ses propres votes"})
    assert status == 201, status
    contribution = posted["id"]
    listing = f"{b}/api/v1/workshops/{workshop}/contributions?sort=recent&limit=5"
    served_before, redirected_before = standby_counters(b)
    missed_with, stale_without = 0, 0
    for n in range(rounds):
        value = ("agree", "disagree")[n % 2]
        status, headers, _ = call("PUT", f"{a}/api/v1/contributions/{contribution}/vote", token, {"value": value})
        assert status == 200, status
        position = headers.get("Atelier-Last-Write")
        # Odd rounds read without the position first: how stale a standby read can be right after a write.
        if n % 2:
            items = call("GET", listing, token)[2]["items"]
            stale_without += next((i.get("myVote") for i in items if i["id"] == contribution), None) != value
        items = call("GET", listing, token, headers={"Atelier-Last-Write": position} if position else {})[2]["items"]
        missed_with += next((i.get("myVote") for i in items if i["id"] == contribution), None) != value
    served_after, redirected_after = standby_counters(b)
    served, redirected = served_after - served_before, redirected_after - redirected_before
    print(json.dumps({
        "rounds": rounds, "position_returned": position is not None, "missed_own_vote_with_position": missed_with,
        "stale_reads_without_position": stale_without, "reads_without_position": rounds // 2,
        "standby_reads": served, "primary_reads": redirected,
        "standby_share": round(served / (served + redirected), 3) if served + redirected else None,
    }))


if __name__ == "__main__":
    main()
