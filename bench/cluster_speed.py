#!/usr/bin/env python3
"""Time and peak memory of `atelier cluster` on 250, 10 000 and 100 000 contributions, on words
alone and with sentence embeddings.

The contributions are made from the sentences of the shared French data sets (1 to 3
sentences each, seeded), so their vocabulary and length are those of real participation.
"""
from __future__ import annotations

import argparse
import csv
import glob
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time


def sentences(data_dir: str) -> list[str]:
    found: list[str] = []
    columns = {"text", "title", "body"}
    for path in sorted(glob.glob(os.path.join(data_dir, "*.csv"))):
        with open(path, encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                for column in columns & row.keys():
                    for sentence in re.split(r"(?<=[.!?])\s+", row[column] or ""):
                        if len(sentence.split()) >= 3:
                            found.append(sentence.strip())
    return found


def corpus(pool: list[str], size: int, seed: int) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    return [(f"c{i}", " ".join(rng.choice(pool) for _ in range(rng.randint(1, 3)))) for i in range(size)]


def run(binary: str, rows: list[tuple[str, str]], words_alone: bool) -> tuple[float, int, int]:
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False, encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "text"])
        writer.writerows(rows)
        path = handle.name
    try:
        # Each size runs in its own child, so the peak resident size read afterwards is that child's.
        script = (
            "import resource, subprocess, sys, time, json\n"
            "t = time.perf_counter()\n"
            "out = subprocess.run(sys.argv[1:], check=True, capture_output=True).stdout\n"
            "elapsed = time.perf_counter() - t\n"
            "clusters = len(json.loads(out)['clusters'])\n"
            "print(elapsed, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, clusters)\n"
        )
        command = [binary, "cluster", "--input", path, "--id-column", "id", "--text-column", "text", "--format", "json"]
        if words_alone:
            command.append("--no-embeddings")
        output = subprocess.run([sys.executable, "-c", script, *command], check=True, capture_output=True, text=True).stdout
        elapsed, peak, clusters = output.split()
        return float(elapsed), int(peak), int(clusters)
    finally:
        os.unlink(path)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--binary", default=".build/release/atelier")
    parser.add_argument("--data-dir", default=os.path.join("..", "shared", "data"))
    parser.add_argument("--sizes", default="250,10000,100000")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--vectors", choices=("both", "words", "embeddings"), default="both",
                        help="words alone is what a size of 10^6 can afford to run here")
    args = parser.parse_args()
    if not os.path.isdir(args.data_dir):
        print(f"bench: no data at {args.data_dir}; the clustering speed bench needs ../shared/data", file=sys.stderr)
        return 0
    pool = sentences(args.data_dir)
    print(f"{len(pool)} sentences from {args.data_dir}\n")
    print("| vectors | contributions | seconds | µs per contribution | peak memory (MiB) | clusters |")
    print("|---|---|---|---|---|---|")
    # With the model, the time includes loading it and embedding every text, as in `atelier cluster`.
    kinds = [(True, "words alone"), (False, "sentence embeddings")]
    kinds = [k for k in kinds if args.vectors == "both" or (args.vectors == "words") == k[0]]
    for words_alone, name in kinds:
        for size in [int(s) for s in args.sizes.split(",")]:
            elapsed, peak_kib, clusters = run(args.binary, corpus(pool, size, args.seed), words_alone)
            figures = f"{size:,} | {elapsed:.2f} | {elapsed / size * 1e6:.0f} | {peak_kib / 1024:.0f} | {clusters}".replace(",", " ")
            print(f"| {name} | {figures} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
