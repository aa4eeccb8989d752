#!/usr/bin/env python3
"""The opinion-group steps of Sources/AtelierCore/OpinionGroups in numpy, for the benchmark only:
the same matrix, filter, power iteration (same stopping rule), projection, k-means seeding and
stopping, silhouette choice, tallies, representative statistics and consensus.

    opinion_groups_numpy.py VOTES.csv     prints "<milliseconds> <k> <group sizes>" (reading excluded)
"""
from __future__ import annotations

import csv
import sys
import time

import numpy as np


def read(path: str):
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [r["participant"] for r in rows], [r["contribution"] for r in rows], [int(r["vote"]) for r in rows]


def kmeans(points, weights, k, iterations, tolerance):
    _, first = np.unique(points, axis=0, return_index=True)
    centres = points[np.sort(first)[:k]]
    for _ in range(max(1, iterations)):
        assign = ((points[:, None, :] - centres[None, :, :]) ** 2).sum(2).argmin(1)
        totals = np.bincount(assign, weights, len(centres))
        members = np.bincount(assign, minlength=len(centres))
        sums = np.stack([np.bincount(assign, weights * points[:, d], len(centres)) for d in (0, 1)], 1)
        keep = members > 0
        means = np.where(totals[:, None] > 0, sums / np.maximum(totals, 1e-300)[:, None], centres)[keep]
        moved = np.sqrt(((means - centres[keep]) ** 2).sum(1)).max()
        dropped = not keep.all()
        centres = means
        if not dropped and moved < tolerance:
            break
    assign = ((points[:, None, :] - centres[None, :, :]) ** 2).sum(2).argmin(1)
    return centres, assign, np.bincount(assign, weights, len(centres))


def silhouette(points, assign, k):
    distances = np.sqrt(((points[:, None, :] - points[None, :, :]) ** 2).sum(2))
    sizes = np.bincount(assign, minlength=k)
    sums = np.stack([distances[:, assign == c].sum(1) for c in range(k)], 1)
    own = sizes[assign]
    a = sums[np.arange(len(points)), assign] / np.maximum(own - 1, 1)
    other = np.where(np.arange(k)[None, :] == assign[:, None], np.inf, sums / np.maximum(sizes, 1)[None, :])
    b = other.min(1)
    s = np.where((own > 1) & (np.maximum(a, b) > 0), (b - a) / np.maximum(np.maximum(a, b), 1e-300), 0)
    return s.mean()


def opinion_groups(participants, contributions, votes, moderated=frozenset(), seed=0):
    rows = {p: i for i, p in enumerate(dict.fromkeys(participants))}
    columns = {c: j for j, c in enumerate(dict.fromkeys(contributions))}
    n, m = len(rows), len(columns)
    P = np.fromiter((rows[p] for p in participants), np.int64, len(participants))
    C = np.fromiter((columns[c] for c in contributions), np.int64, len(contributions))
    M = np.full((n, m), np.nan)
    M[P, C] = votes  # repeated pairs: the last assignment wins
    cast = (~np.isnan(M)).sum(1)
    moderated_columns = np.array([c in moderated for c in columns])
    M[:, moderated_columns] = 0
    answered = ~np.isnan(M)
    counts = answered.sum(0)
    means = np.where(counts > 0, np.nansum(M, 0) / np.maximum(counts, 1), 0)
    X = np.where(answered, M - means, 0)
    rng = np.random.default_rng(seed)
    components = []
    for _ in range(2):
        v = rng.uniform(-1, 1, m)
        for c in components:
            v -= (v @ c) * c
        v /= np.linalg.norm(v)
        for _ in range(100):
            w = X.T @ (X @ v)
            for c in components:
                w -= (w @ c) * c
            w /= np.linalg.norm(w)
            moved = np.abs(w - v).max()
            v = w
            if moved < 1e-12:
                break
        if v[np.abs(v).argmax()] < 0:
            v = -v
        components.append(v)
    positions = (X @ np.stack(components, 1)) * np.sqrt(m / answered.sum(1))[:, None]
    counted = cast >= min(7, m)
    if counted.sum() < 15:
        order = sorted(np.flatnonzero(~counted), key=lambda r: (-cast[r], r))
        counted[order[: 15 - counted.sum()]] = True
    points = positions[counted]
    base, base_of, base_sizes = kmeans(points, np.ones(len(points)), 100, 100, 0.01)
    best = None
    for k in range(2, min(5, 2 + len(base) // 12) + 1):
        centres, assign, _ = kmeans(base, base_sizes, k, 20, 0)
        if len(centres) < k:
            continue
        score = silhouette(base, assign, k)
        if best is None or score > best[0]:
            best = (score, assign, k)
    group = best[1][base_of]
    k = best[2]
    shown = ~moderated_columns
    member = [np.flatnonzero(counted)[group == g] for g in range(k)]
    agree = np.stack([(M[rows_] == 1).sum(0) for rows_ in member])[:, shown]
    disagree = np.stack([(M[rows_] == -1).sum(0) for rows_ in member])[:, shown]
    votes_ = np.stack([(~np.isnan(M[rows_])).sum(0) for rows_ in member])[:, shown]
    consensus = np.argsort(-np.prod((agree + 1) / (votes_ + 2), 0), kind="stable")
    for successes in (agree, disagree):
        rest_s, rest_n = successes.sum(0) - successes, votes_.sum(0) - votes_
        share = (successes + 1) / (votes_ + 2)
        share_test = 2 * np.sqrt(votes_ + 1) * ((successes + 1) / (votes_ + 1) - 0.5)
        ratio = share / ((rest_s + 1) / (rest_n + 2))
        s1, n1, s2, n2 = successes + 1, votes_ + 1, rest_s + 1, rest_n + 1
        pooled = (s1 + s2) / (n1 + n2)
        with np.errstate(divide="ignore", invalid="ignore"):
            ratio_test = np.where(pooled < 1, (s1 / n1 - s2 / n2) / np.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2)), 0)
        _ = ratio * ratio_test * share * share_test
    return k, [len(r) for r in member], consensus


def main() -> None:
    participants, contributions, votes = read(sys.argv[1])
    start = time.perf_counter()
    k, sizes, _ = opinion_groups(participants, contributions, votes)
    print(f"{(time.perf_counter() - start) * 1000:.2f} {k} {sizes}")


if __name__ == "__main__":
    main()
