#!/usr/bin/env python3
"""How far would a full sentence encoder go on spliced sets? (An experiment, not shipped.)

The shipped off-topic rules read static word vectors distilled from
all-MiniLM-L6-v2 (rules/data/vectors-en.bin). This script asks whether running
the whole model at check time, on whole paragraphs, would reach issue 6's
same-register goal (precision 0.85 at recall 0.80). It embeds every paragraph
of at least 8 words (line 1, the headline, excluded) with the numpy forward
pass of scripts/data/vectors/distill_vectors.py (the same pinned weights, first
256 word pieces) and scores each paragraph by how little it resembles its
article:

  rest      cosine to the mean of the article's other paragraphs
  headline  cosine to the article's headline
  top3      mean of its three highest cosines to the other paragraphs

each used as is (pooled over the set) and standardised within its article
(z-score, so a paragraph is compared with its own article's spread). It prints
the ROC AUC, the highest recall at precision >= 0.85, and how often the spliced
paragraph is the article's least similar one.

usage (from the repository root; the vectors venv of scripts/data/README.md):
    .venv-vectors/bin/python scripts/train/encoder_upper_bound.py fixtures/spliced-same fixtures/spliced

About 25 s per 76-article set on two cores. Prints figures; writes nothing.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import sys

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts" / "data" / "vectors"))
import distill_vectors as dv  # noqa: E402  (pinned weights, numpy MiniLM)

MIN_WORDS = 8
MAX_PIECES = 256
SIGNALS = ("rest", "headline", "top3")


def embed(model: dv.MiniLM, texts: list[str]) -> np.ndarray:
    rows = []
    for text in texts:
        ids = model.tok.encode(text).ids[:MAX_PIECES]
        rows.append(model.forward(np.array([ids], dtype=np.int64))[0])
    return np.array(rows)


def spliced_lines(set_dir: pathlib.Path) -> dict[str, int]:
    out = {}
    for line in (set_dir / "splices.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            o = json.loads(line)
            out[o["file"]] = o.get("paragraph_line", o.get("line"))
    return out


def article_scores(model: dv.MiniLM, path: pathlib.Path) -> list[tuple[int, dict[str, float]]]:
    """(line number, similarity per signal) for each paragraph of the article."""
    lines = path.read_text(encoding="utf-8").split("\n")
    idx = [i for i, line in enumerate(lines) if i > 0 and len(line.split()) >= MIN_WORDS]
    if len(idx) < 3:
        return []
    vec = embed(model, [lines[0]] + [lines[i] for i in idx])
    head, paras = vec[0], vec[1:]
    out = []
    for k, i in enumerate(idx):
        others = np.delete(paras, k, axis=0)
        centre = others.mean(0)
        centre /= np.linalg.norm(centre)
        sims = np.sort(others @ paras[k])
        out.append(
            (
                i + 1,
                {
                    "rest": float(paras[k] @ centre),
                    "headline": float(paras[k] @ head),
                    "top3": float(sims[-3:].mean()),
                },
            )
        )
    return out


def summary(y: np.ndarray, score: np.ndarray) -> tuple[float, float]:
    """(ROC AUC, highest recall at precision >= 0.85); higher score = more off-topic."""
    order = np.argsort(-score, kind="stable")
    tp = np.cumsum(y[order])
    precision = tp / np.arange(1, len(order) + 1)
    recall = tp / y.sum()
    best = max((r for p, r in zip(precision, recall) if p >= 0.85), default=0.0)
    pos, neg = score[y], score[~y]
    auc = float((pos[:, None] > neg[None, :]).mean() + 0.5 * (pos[:, None] == neg[None, :]).mean())
    return auc, float(best)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("sets", nargs="+", type=pathlib.Path)
    a = ap.parse_args()
    model = dv.MiniLM(dv.model_dir())
    for set_dir in a.sets:
        spliced = spliced_lines(set_dir)
        rows = []  # (is spliced, article, signal values)
        for path in sorted((set_dir / "docs").glob("*.txt")):
            for line, sims in article_scores(model, path):
                rows.append((spliced.get(path.name) == line, path.name, sims))
        y = np.array([r[0] for r in rows])
        print(f"{set_dir}: {int(y.sum())} spliced paragraphs among {len(rows)}")
        for signal in SIGNALS:
            raw = -np.array([r[2][signal] for r in rows])
            by_article: dict[str, list[float]] = {}
            for r in rows:
                by_article.setdefault(r[1], []).append(r[2][signal])
            z = np.array(
                [(np.mean(by_article[r[1]]) - r[2][signal]) / (np.std(by_article[r[1]]) + 1e-9) for r in rows]
            )
            lowest = sum(1 for r in rows if r[0] and r[2][signal] == min(by_article[r[1]]))
            auc, best = summary(y, raw)
            zauc, zbest = summary(y, z)
            print(
                f"  {signal:8} AUC {auc:.3f}  recall@P>=0.85 {best:.2f}   "
                f"within-article z: AUC {zauc:.3f}  recall@P>=0.85 {zbest:.2f}   "
                f"spliced is the article's least similar in {lowest}/{int(y.sum())}"
            )


if __name__ == "__main__":
    main()
