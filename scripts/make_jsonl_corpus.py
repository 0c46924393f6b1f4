#!/usr/bin/env python3
"""Writes a deterministic JSONL corpus of distinct articles, for memory measurements.

usage: python3 scripts/make_jsonl_corpus.py N OUT.jsonl [--seed 1]

Each record is a fixture article (seeds, generalisation set, article pool) with a
made-up place name, person name and word worked into every paragraph, so distinct
lines, words and name forms grow with N the way they do in a real crawl (where copies
of one article would not). Records are {"id": "art-000001", "url": ..., "text": ...}.
"""
import argparse
import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SYLLABLES = "ka lo mi ra ven tor sal bri den gal hu ne sto vik ar el um qua zel fen dor".split()


def sources():
    out = []
    for pattern in ("fixtures/seeds/*.txt", "fixtures/generalisation/docs/*.txt", "fixtures/corpus/articles/*.txt"):
        out += sorted(ROOT.glob(pattern))
    return [p.read_text(encoding="utf-8", errors="replace") for p in out]


def word(rng, n=3):
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, n)))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    pool = sources()
    with open(a.out, "w", encoding="utf-8") as f:
        for i in range(a.n):
            base = pool[i % len(pool)]
            place = word(rng).capitalize()
            person = f"{word(rng).capitalize()} {word(rng, 4).capitalize()}"
            paragraphs = base.split("\n\n")
            for j, p in enumerate(paragraphs):
                if len(p) > 80 and "\n" not in p.strip():
                    paragraphs[j] = f"{p.rstrip()} In {place}, {person} described the {word(rng)} as {word(rng)}."
            text = "\n\n".join(paragraphs)
            rec = {"id": f"art-{i:06d}", "url": f"https://example.org/{i}", "text": text}
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
