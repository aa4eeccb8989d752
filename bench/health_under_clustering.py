#!/usr/bin/env python3
"""Latency of GET /health while clusterings run at once: does CPU work in requests hold up the
others? Each clustering client posts POST /api/v1/workshops/{id}/clusterings again as soon as
the previous one answers; a probe asks /health every 20 ms meanwhile, over one kept-alive
connection, and the latencies it measured are reported (nothing is asserted). The clients are
processes of their own, so the probe never waits for Python's lock behind them.
"""
from __future__ import annotations

import argparse
import http.client
import multiprocessing
import statistics
import time
from urllib.parse import urlsplit


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def probe(host: str, port: int, until: float, pause: float) -> list[float]:
    connection = http.client.HTTPConnection(host, port, timeout=30)
    latencies = []
    while time.monotonic() < until:
        started = time.perf_counter()
        connection.request("GET", "/health")
        response = connection.getresponse()
        response.read()
        latencies.append((time.perf_counter() - started) * 1000)
        if response.status != 200:
            raise SystemExit(f"/health answered {response.status}")
        time.sleep(pause)
    return latencies


def cluster(host: str, port: int, path: str, token: str, stop, results) -> None:
    connection = http.client.HTTPConnection(host, port, timeout=120)
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    answers = []
    while not stop.is_set():
        started = time.perf_counter()
        connection.request("POST", path, body=b"{}", headers=headers)
        response = connection.getresponse()
        response.read()
        answers.append((response.status, (time.perf_counter() - started) * 1000))
    results.put(answers)


def summary(name: str, latencies: list[float]) -> str:
    return (f"{name}: {len(latencies)} requests, p50 {statistics.median(latencies):.2f} ms, "
            f"p95 {percentile(latencies, 0.95):.2f} ms, p99 {percentile(latencies, 0.99):.2f} ms, max {max(latencies):.2f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", required=True, help="http://127.0.0.1:PORT")
    parser.add_argument("--token", required=True, help="a lead's or an admin's token")
    parser.add_argument("--workshop", required=True)
    parser.add_argument("--clusterings", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=15)
    arguments = parser.parse_args()
    address = urlsplit(arguments.url)
    host, port = address.hostname, address.port

    idle = probe(host, port, time.monotonic() + 3, 0.02)
    print(summary("  /health, nothing else running", idle))

    stop = multiprocessing.Event()
    results = multiprocessing.Queue()
    path = f"/api/v1/workshops/{arguments.workshop}/clusterings"
    clients = [multiprocessing.Process(target=cluster, args=(host, port, path, arguments.token, stop, results))
               for _ in range(arguments.clusterings)]
    for client in clients:
        client.start()
    time.sleep(0.5)  # every client has its first clustering under way
    busy = probe(host, port, time.monotonic() + arguments.seconds, 0.02)
    stop.set()
    answers = [answer for _ in clients for answer in results.get()]
    for client in clients:
        client.join()
    statuses = [status for status, _ in answers]
    durations = [duration for _, duration in answers]
    print(summary(f"  /health, {arguments.clusterings} clusterings at once", busy))
    answered = {status: statuses.count(status) for status in sorted(set(statuses))}
    print(f"  clusterings: {len(statuses)} answered {answered}, median {statistics.median(durations):.0f} ms each")


if __name__ == "__main__":
    main()
