"""Load and checks of `make topology-test` (deploy/topology-test.sh): votes and contributions
through nginx and two Atelier nodes, event streams followed with Last-Event-ID, a failover in
the middle, then what the database kept. Prints one JSON object of figures and findings.

    topology_driver.py order|throughput|failover|openloop --config FILE.json

The config names the nodes, nginx, the certificate, the voters' tokens, psql URLs and, for
failover, the command that kills the primary and promotes the standby.
"""

import argparse
import asyncio
import gc
import json
import random
import ssl
import statistics
import subprocess
import sys
import time
import uuid

import aiohttp


def load_config(path):
    with open(path) as f:
        config = json.load(f)
    with open(config["tokens"]) as f:
        config["voters"] = [line.split("|") for line in f.read().split()]  # n|id|token
    return config


def psql(url, sql, stdin=None):
    done = subprocess.run(["psql", "-X", "-qAt", "-v", "ON_ERROR_STOP=1", url, "-c", sql] if stdin is None
                          else ["psql", "-X", "-qAt", "-v", "ON_ERROR_STOP=1", url],
                          input=stdin if stdin is not None else None, capture_output=True, text=True, check=True)
    return [line.split("|") for line in done.stdout.splitlines() if line]


def auth(token):
    return {"Authorization": f"Bearer {token}"}


class Stream:
    """One workshop's event stream, reconnected with Last-Event-ID whenever it ends."""

    def __init__(self, session, base, workshop, token, after, ssl_context):
        self.session, self.base, self.workshop, self.token = session, base, workshop, token
        self.last = after
        self.events = []  # (id, kind, payload)
        self.reconnections = -1
        self.ssl = ssl_context
        self.ready = asyncio.Event()

    async def run(self, stop):
        while not stop.is_set():
            self.reconnections += 1
            try:
                headers = auth(self.token) | {"Accept": "text/event-stream", "Last-Event-ID": str(self.last)}
                async with self.session.get(f"{self.base}/api/v1/workshops/{self.workshop}/events", headers=headers,
                                            ssl=self.ssl, timeout=aiohttp.ClientTimeout(total=None, sock_read=30)) as response:
                    if response.status != 200:
                        await asyncio.sleep(0.2)
                        continue
                    event = {}
                    async for raw in response.content:
                        line = raw.decode().rstrip("\n")
                        if line == "":
                            if "id" in event and event.get("event") not in ("ready", None):
                                if event["event"] == "reset":
                                    raise RuntimeError("stream reset: events were pruned")
                                self.events.append((int(event["id"]), event["event"], json.loads(event.get("data", "{}"))))
                            if "id" in event:
                                self.last = int(event["id"])
                            if event.get("event") == "ready":
                                self.ready.set()
                            event = {}
                        elif not line.startswith(":"):
                            field, _, value = line.partition(": ")
                            event[field] = value
                        if stop.is_set():
                            return
            except (aiohttp.ClientError, asyncio.TimeoutError, ConnectionError):
                await asyncio.sleep(0.2)


async def vote(session, base, token, contribution, value, ssl_context):
    async with session.put(f"{base}/api/v1/contributions/{contribution}/vote", json={"value": value},
                           headers=auth(token), ssl=ssl_context) as response:
        await response.read()
        return response.status


async def post(session, base, token, workshop, body, ssl_context):
    async with session.post(f"{base}/api/v1/workshops/{workshop}/contributions", json={"body": body},
                            headers=auth(token) | {"Idempotency-Key": str(uuid.uuid4())}, ssl=ssl_context) as response:
        reply = await response.json(content_type=None)
        return response.status, reply.get("id")


def tls(config):
    return ssl.create_default_context(cafile=config["certificate"])


def workshops_and_contributions(config):
    rows = psql(config["primary_url"], "SELECT c.workshop_id, c.id FROM topology_contribution t JOIN contribution c ON c.id = t.id ORDER BY t.n")
    by_workshop = {}
    for workshop, contribution in rows:
        by_workshop.setdefault(workshop, []).append(contribution)
    return by_workshop


async def order(config):
    """Writes through node A, one at a time, while node B's stream listens: B must carry A's
    contributions in the order A made them, and after each voted contribution's creation a tally
    whose counts are A's last votes. Tallies are emitted in rounds (sql/016_coalesced_tallies.sql),
    so a tally may come after a later creation, and the votes between two rounds give one."""
    by_workshop = workshops_and_contributions(config)
    workshop = sorted(by_workshop)[0]
    author, voter = config["voters"][0][2], config["voters"][1][2]
    after = int(psql(config["primary_url"], f"SELECT coalesce(max(id), 0) FROM workshop_event WHERE workshop_id = '{workshop}'")[0][0])
    stop = asyncio.Event()
    async with aiohttp.ClientSession() as session:
        stream = Stream(session, config["node_b"], workshop, voter, after, None)
        task = asyncio.create_task(stream.run(stop))
        await asyncio.wait_for(stream.ready.wait(), 10)
        mine, final = [], {}
        for i in range(5):
            status, created = await post(session, config["node_a"], author, workshop, f"Contribution d'ordre {i} écrite par le nœud A", None)
            assert status == 201, status
            mine.append(created)
            for value in ("agree", "disagree"):
                assert await vote(session, config["node_a"], voter, mine[i - 1 if i else 0], value, None) in (200, 204)
                final[mine[i - 1 if i else 0]] = {"agree": 0, "disagree": 1, "pass": 0}

        def seen():
            return [(kind, payload.get("contribution"), payload.get("votes")) for _, kind, payload in stream.events
                    if payload.get("contribution") in mine]

        def last_tallies():
            return {c: votes for kind, c, votes in seen() if kind == "contribution.tallied"}

        deadline = time.monotonic() + 10
        while last_tallies() != final and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        stop.set()
        task.cancel()
    ids = [event_id for event_id, _, _ in stream.events]
    events = seen()
    created = [c for kind, c, _ in events if kind == "contribution.created"]
    position = {c: i for i, (kind, c, _) in enumerate(events) if kind == "contribution.created"}
    tallied_after_creation = all(
        any(kind == "contribution.tallied" and c == contribution for kind, c, _ in events[position[contribution] + 1:])
        for contribution in final if contribution in position)
    return {"order_expected": len(mine) + len(final), "order_received": len(events),
            "order_ok": created == mine and tallied_after_creation and last_tallies() == final
            and ids == sorted(ids) and len(set(ids)) == len(ids)}


async def closed_loop(config, targets, seconds, connections, voters, ssl_context):
    """As many votes as `connections` voters in a loop can cast: the capacity."""
    contributions = [c for cs in workshops_and_contributions(config).values() for c in cs]
    latencies, statuses = [], {}
    end = time.monotonic() + seconds
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(connector=connector) as session:
        async def worker(k):
            rng = random.Random(k)
            while time.monotonic() < end:
                _, _, token = rng.choice(voters)
                started = time.monotonic()
                try:
                    status = await vote(session, targets[k % len(targets)], token, rng.choice(contributions),
                                        rng.choice(("agree", "disagree", "pass")), ssl_context)
                except aiohttp.ClientError:
                    status = "error"
                statuses[status] = statuses.get(status, 0) + 1
                if status in (200, 204):
                    latencies.append(time.monotonic() - started)
        await asyncio.gather(*(worker(k) for k in range(connections)))
    return latencies, statuses


def percentile(values, p):
    if not values:
        return None
    values = sorted(values)
    return values[min(len(values) - 1, int(p / 100 * len(values)))]


async def sample_lag(config, stop, samples):
    while not stop.is_set():
        try:
            rows = psql(config["primary_url"], "SELECT coalesce(max(pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)), 0), "
                        "coalesce(max(extract(epoch FROM replay_lag)) * 1000, 0) FROM pg_stat_replication")
            samples.append((float(rows[0][0]), float(rows[0][1])))
        except subprocess.CalledProcessError:
            pass
        await asyncio.sleep(0.5)


async def sample_waits(config, stop, waits):
    """What the primary's busy sessions wait for, sampled: where votes queue in PostgreSQL."""
    while not stop.is_set():
        try:
            for kind, event, count in psql(config["primary_url"], "SELECT coalesce(wait_event_type, 'CPU'), coalesce(wait_event, 'running'), "
                                           "count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' AND state <> 'idle' "
                                           "AND pid <> pg_backend_pid() GROUP BY 1, 2"):
                waits[f"{kind}:{event}"] = waits.get(f"{kind}:{event}", 0) + int(count)
            waits["samples"] = waits.get("samples", 0) + 1
        except subprocess.CalledProcessError:
            pass
        await asyncio.sleep(0.2)


async def throughput(config):
    seconds, connections = config["seconds"], config["connections"]
    stop, lag = asyncio.Event(), []
    sampler = asyncio.create_task(sample_lag(config, stop, lag))
    latencies, statuses = await closed_loop(config, [config["nginx"]], seconds, connections, config["voters"][: len(config["voters"]) // 2], tls(config))
    stop.set()
    await sampler
    return {"http_votes_per_s": round(len(latencies) / seconds, 1), "http_statuses": {str(k): v for k, v in statuses.items()},
            "http_p50_ms": round(percentile(latencies, 50) * 1000, 2), "http_p99_ms": round(percentile(latencies, 99) * 1000, 2),
            "replica_lag_max_bytes": max((b for b, _ in lag), default=0), "replica_lag_max_ms": round(max((m for _, m in lag), default=0), 2),
            "replica_lag_mean_ms": round(statistics.mean(m for _, m in lag), 2) if lag else 0}


async def openloop(config):
    """Votes at a fixed rate whatever the answers, each latency counted from when the vote was
    due (no coordinated omission), with at most `voters` votes in flight: the queue shows."""
    contributions = [c for cs in workshops_and_contributions(config).values() for c in cs]
    rate, seconds, voters = config["rate"], config["seconds"], config["in_flight"]
    # The collector's pauses would be counted as the stack's latency: none while measuring.
    gc.collect()
    gc.disable()
    tokens = config["voters"][: len(config["voters"]) // 2]
    latencies, statuses, late = [], {}, 0
    slots = asyncio.Semaphore(voters)
    # `direct`: straight to node A, past nginx and TLS, to tell their share of the latency.
    target, context = (config["node_a"], None) if config.get("direct") else (config["nginx"], tls(config))
    stop, waits = asyncio.Event(), {}
    sampler = asyncio.create_task(sample_waits(config, stop, waits))
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as session:
        start = time.monotonic()
        tasks = []
        async def one(due, rng):
            nonlocal late
            async with slots:
                try:
                    status = await vote(session, target, rng.choice(tokens)[2], rng.choice(contributions), rng.choice(("agree", "disagree", "pass")), context)
                except aiohttp.ClientError:
                    status = "error"
            statuses[status] = statuses.get(status, 0) + 1
            if status in (200, 204):
                latencies.append(time.monotonic() - due)
        rng = random.Random(7)
        for i in range(int(rate * seconds)):
            due = start + i / rate
            delay = due - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            elif delay < -0.05:
                late += 1
            tasks.append(asyncio.create_task(one(due, rng)))
        await asyncio.gather(*tasks)
    stop.set()
    gc.enable()
    await sampler
    samples = max(1, waits.pop("samples", 1))
    return {"rate": rate, "in_flight": voters, "sent": len(tasks), "statuses": {str(k): v for k, v in statuses.items()},
            "p50_ms": round(percentile(latencies, 50) * 1000, 2) if latencies else None,
            "p95_ms": round(percentile(latencies, 95) * 1000, 2) if latencies else None,
            "p99_ms": round(percentile(latencies, 99) * 1000, 2) if latencies else None,
            "driver_late": late, "primary_sessions_by_wait": {k: round(v / samples, 2) for k, v in sorted(waits.items(), key=lambda kv: -kv[1])[:8]}}


async def failover(config):
    """Votes on fresh pairs and new contributions, half through each node, streams on every
    workshop (half on each node); the primary is killed mid-load and the standby promoted."""
    by_workshop = workshops_and_contributions(config)
    pairs = [(v, c) for v in config["voters"][len(config["voters"]) // 2:] for c in [c for cs in by_workshop.values() for c in cs]]
    random.Random(3).shuffle(pairs)
    nodes = [config["node_a"], config["node_b"]]
    positions = dict(psql(config["primary_url"], "SELECT workshop_id, coalesce(max(id), 0) FROM workshop_event GROUP BY workshop_id"))
    acked_votes, acked_posts = [], []
    first_after = {}
    errors = {}
    stop_streams, stop_load = asyncio.Event(), asyncio.Event()
    killed_at = None
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as session:
        streams = [Stream(session, nodes[i % 2], w, config["voters"][0][2], int(positions.get(w, 0)), None)
                   for i, w in enumerate(sorted(by_workshop))]
        stream_tasks = [asyncio.create_task(s.run(stop_streams)) for s in streams]
        await asyncio.wait_for(asyncio.gather(*(s.ready.wait() for s in streams)), 10)
        next_pair = iter(pairs)

        async def worker(k):
            node = nodes[k % 2]
            rng = random.Random(100 + k)
            n = 0
            while not stop_load.is_set():
                n += 1
                started = time.monotonic()
                try:
                    if n % 10 == 0:
                        workshop = rng.choice(sorted(by_workshop))
                        status, created = await post(session, node, config["voters"][0][2], workshop, f"Pendant la bascule {k}-{n}", None)
                        ok = status == 201
                        if ok:
                            acked_posts.append(created)
                    else:
                        (voter, contribution) = next(next_pair)
                        value = rng.choice(("agree", "disagree", "pass"))
                        status = await vote(session, node, voter[2], contribution, value, None)
                        ok = status in (200, 204)
                        if ok:
                            acked_votes.append((voter[1], contribution, value))
                except (aiohttp.ClientError, asyncio.TimeoutError) as error:
                    status, ok = type(error).__name__, False
                if not ok:
                    errors[str(status)] = errors.get(str(status), 0) + 1
                    await asyncio.sleep(0.05)
                elif killed_at is not None and started > killed_at and node not in first_after:
                    first_after[node] = time.monotonic() - killed_at

        workers = [asyncio.create_task(worker(k)) for k in range(config["connections"])]
        await asyncio.sleep(config["before_kill"])
        # Timed from the kill itself, which the script announces: a vote that starts while bash is
        # still starting and commits on the old primary is not a write after the failover.
        process = await asyncio.create_subprocess_exec("bash", config["failover_command"], stdout=asyncio.subprocess.PIPE)
        await process.stdout.readline()
        killed_at = time.monotonic()
        await process.communicate()
        promoted_after = time.monotonic() - killed_at
        await asyncio.sleep(config["after_kill"])
        stop_load.set()
        await asyncio.gather(*workers)
        await asyncio.sleep(2)  # the last commits' events reach the streams
        stop_streams.set()
        for task in stream_tasks:
            task.cancel()
    # What the new primary kept.
    url = config["standby_url"]
    copy = "CREATE TEMP TABLE acked (participant uuid, contribution uuid, value text);\nCOPY acked FROM STDIN;\n" + \
        "".join(f"{p}\t{c}\t{v}\n" for p, c, v in acked_votes) + "\\.\n" + \
        "SELECT count(*) FROM acked a LEFT JOIN vote v ON v.participant_id = a.participant AND v.contribution_id = a.contribution " \
        "WHERE v.value IS DISTINCT FROM a.value;\n"
    lost_votes = int(psql(url, None, stdin=copy)[0][0])
    lost_posts = 0
    if acked_posts:
        ids = ",".join(f"'{i}'" for i in acked_posts)
        lost_posts = len(acked_posts) - int(psql(url, f"SELECT count(*) FROM contribution WHERE id IN ({ids})")[0][0])
    gaps = {}
    for stream in streams:
        # Every event after the stream's start, except that a tally may be skipped when a later
        # tally of the same contribution was given: it carries absolute counts (sql/007).
        expected = psql(url, f"SELECT id, kind, coalesce(payload->>'contribution', '') FROM workshop_event WHERE workshop_id = '{stream.workshop}' "
                             f"AND audience = 'participants' AND id > {int(positions.get(stream.workshop, 0))} ORDER BY id")
        received = [event_id for event_id, _, _ in stream.events]
        last_tally = {}
        for event_id, kind, payload in stream.events:
            if kind == "contribution.tallied":
                last_tally[payload["contribution"]] = event_id
        given = set(received)
        missing = [(int(i), k, c) for i, k, c in expected
                   if int(i) not in given and not (k == "contribution.tallied" and last_tally.get(c, 0) > int(i))]
        unknown = given - {int(i) for i, _, _ in expected}
        if missing or unknown or received != sorted(given):
            gaps[stream.workshop] = {"missing": missing[:5], "unknown": sorted(unknown)[:5], "in_order": received == sorted(given)}
    return {"acked_votes": len(acked_votes), "acked_contributions": len(acked_posts), "lost_votes": lost_votes,
            "lost_contributions": lost_posts, "promote_command_s": round(promoted_after, 2),
            "writes_again_after_s": {("A" if n == nodes[0] else "B"): round(t, 2) for n, t in first_after.items()},
            "errors_during_failover": errors, "streams": len(streams),
            "stream_events": sum(len(s.events) for s in streams), "stream_reconnections": sum(s.reconnections for s in streams),
            "streams_with_gaps": gaps}


def resident_mib(pid):
    with open(f"/proc/{pid}/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmRSS:")) / 1024


async def streams(config):
    """`clients` event streams on node A, each with a voter's token; then one vote through node B:
    the node's memory per stream, and how long the event takes to reach them all."""
    clients, pid = config["clients"], config["node_a_pid"]
    by_workshop = workshops_and_contributions(config)
    workshop = sorted(by_workshop)[0]
    before = resident_mib(pid)
    stop = asyncio.Event()
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as session:
        now = int(psql(config["primary_url"], f"SELECT coalesce(max(id), 0) FROM workshop_event WHERE workshop_id = '{workshop}'")[0][0])
        opened = [Stream(session, config["node_a"], workshop, voter[2], now, None) for voter in config["voters"][:clients]]
        tasks = [asyncio.create_task(s.run(stop)) for s in opened]
        await asyncio.wait_for(asyncio.gather(*(s.ready.wait() for s in opened)), 120)
        await asyncio.sleep(1)
        during = resident_mib(pid)
        contribution = by_workshop[workshop][0]
        sent = time.monotonic()
        assert await vote(session, config["node_b"], config["voters"][-1][2], contribution, random.choice(("agree", "disagree")), None) == 200
        arrivals = []
        waiting = set(range(len(opened)))
        deadline = time.monotonic() + 60
        while waiting and time.monotonic() < deadline:
            for i in list(waiting):
                if any(p.get("contribution") == contribution for _, _, p in opened[i].events):
                    arrivals.append(time.monotonic() - sent)
                    waiting.discard(i)
            await asyncio.sleep(0.005)
        stop.set()
        for task in tasks:
            task.cancel()
    return {"streams": clients, "node_rss_before_mib": round(before, 1), "node_rss_with_streams_mib": round(during, 1),
            "kib_per_stream": round((during - before) * 1024 / clients, 1), "reached": len(arrivals),
            "event_to_all_p50_ms": round(percentile(arrivals, 50) * 1000, 1) if arrivals else None,
            "event_to_all_max_ms": round(max(arrivals) * 1000, 1) if arrivals else None}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("phase", choices=["order", "throughput", "failover", "openloop", "streams"])
    parser.add_argument("--config", required=True)
    parser.add_argument("--set", action="append", default=[], help="KEY=VALUE (numbers) over the config")
    args = parser.parse_args()
    config = load_config(args.config)
    for item in args.set:
        key, _, value = item.partition("=")
        config[key] = float(value) if "." in value else int(value)
    started = time.process_time()
    result = asyncio.run({"order": order, "throughput": throughput, "failover": failover, "openloop": openloop, "streams": streams}[args.phase](config))
    # The driver's own CPU: on one machine it takes its share of the cores it measures.
    result["driver_cpu_s"] = round(time.process_time() - started, 2)
    print(json.dumps(result))


if __name__ == "__main__":
    sys.exit(main())
