#!/usr/bin/env python3
"""Time and peak memory of `atelier opinion-groups` against the numpy version of the same steps
(bench/opinion_groups_numpy.py, one BLAS thread), on planted rooms: 270 × 250 (the congress),
2 000 × 500 and 20 000 × 1 000. Reading the file is excluded from both times (the command's
--timing, the numpy script's own clock); memory is each process's peak RSS, reading included.

Each room has 4 opinion groups of unequal sizes whose stances lie on a circle; each participant
votes on a share of the contributions (`density`), 10 % of the votes are passes.
"""
from __future__ import annotations

import argparse
import csv
import math
import os
import random
import re
import subprocess
import sys
import tempfile

ROOMS = [(270, 250, 0.3), (2000, 500, 0.2), (20000, 1000, 0.05)]


def planted(participants: int, contributions: int, density: float, path: str, seed: int = 13) -> None:
    rng = random.Random(seed)
    stances = [2 * math.pi * g / 4 for g in range(4)]
    shares = [0.4, 0.3, 0.2, 0.1]
    angles = [2 * math.pi * rng.random() for _ in range(contributions)]
    votes = []
    for p in range(participants):
        g = rng.choices(range(4), shares)[0]
        for c in rng.sample(range(contributions), max(1, round(density * contributions))):
            if rng.random() < 0.1:
                value = 0
            else:
                value = 1 if rng.random() < 0.5 + 0.4 * math.cos(stances[g] - angles[c]) else -1
            votes.append((f"p{p}", f"c{c}", value))
    rng.shuffle(votes)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["participant", "contribution", "vote"])
        writer.writerows(votes)


def peak(command: list[str]) -> tuple[str, str, int]:
    """stdout, stderr and the peak RSS in MiB, through /usr/bin/time."""
    done = subprocess.run(["/usr/bin/time", "-f", "RSS %M", *command], capture_output=True, text=True, check=True)
    rss = int(re.search(r"RSS (\d+)", done.stderr).group(1))
    return done.stdout, done.stderr, rss // 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/release/atelier")
    parser.add_argument("--rounds", type=int, default=3, help="runs of each side per room; the best time is kept")
    args = parser.parse_args()
    here = os.path.dirname(os.path.abspath(__file__))
    print(f"{'room':>14} {'votes':>9} | {'Swift ms':>9} {'MiB':>5} | {'numpy ms':>9} {'MiB':>5} | {'speed-up':>8} | groups (Swift / numpy)")
    with tempfile.TemporaryDirectory() as folder:
        for participants, contributions, density in ROOMS:
            path = os.path.join(folder, f"room-{participants}.csv")
            planted(participants, contributions, density, path)
            swift_times, numpy_times = [], []
            for _ in range(args.rounds):
                out, err, swift_rss = peak([args.binary, "opinion-groups", "--votes", path, "--format", "json", "--timing"])
                matrix, groups = re.search(r"matrix ([\d.]+) ms, groups ([\d.]+) ms", err).groups()
                swift_times.append(float(matrix) + float(groups))
                swift_groups = [len(g["participants"]) for g in __import__("json").loads(out)["groups"]]
                out, _, numpy_rss = peak([sys.executable, os.path.join(here, "opinion_groups_numpy.py"), path])
                numpy_times.append(float(out.split()[0]))
                numpy_groups = out.split(None, 2)[2].strip()
            votes = sum(1 for _ in open(path)) - 1
            swift, numpy_ = min(swift_times), min(numpy_times)
            print(
                f"{participants:>6} × {contributions:<5} {votes:>9} | {swift:>9.1f} {swift_rss:>5} | {numpy_:>9.1f} {numpy_rss:>5} | "
                f"{numpy_ / swift:>7.1f}× | {swift_groups} / {numpy_groups}"
            )


if __name__ == "__main__":
    main()
