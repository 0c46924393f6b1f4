#!/usr/bin/env python3
"""Does a spliced paragraph differ in style from its host? (An experiment; see docs/evaluation.md.)

On the files `corrupt_splices.py` wrote, counts the spliced paragraphs and the
untouched paragraphs (15 words or more) that clash with the rest of their article
in one of three ways:

- `typing`: a style of apostrophe, double quotation mark or dash the rest never
  uses, while the rest uses a rival style at least MIN_REST times (what
  `typography-threshold` of off-topic.insertion reads; src/rules/cohesion/typography.rs);
- `spelling`: `-ise`/`-ize` verbs, `colour`/`color` nouns, `per cent`/`percent`/`%`
  or day-month/month-day dates of one kind where the rest has only the other;
- `person`: two or more first- or second-person pronouns outside quotation marks in
  a paragraph of an article of 300 words or more that has none (what
  `voice-threshold` reads, in articles of 400 words or more;
  src/rules/cohesion/voice.rs).

A clash in many splices and few untouched paragraphs is evidence worth weighing.
Prints a table; writes nothing.

usage (from the repo root):
    python3 scripts/eval/corrupt_splices.py       # writes target/corrupt-splices
    python3 scripts/eval/probe_splice_styles.py [--dir target/corrupt-splices/develop]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from corruption import ROOT

MIN_REST = 3
MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
STYLES = {
    "typing": ({
        "curly apostrophe": r"\w’\w", "straight apostrophe": r"\w'\w",
        "curly quotes": r"[“”]", "straight quotes": r'"',
        "em dash": r"—", "spaced en dash": r" – ", "spaced hyphen": r"(?<= )-(?= )",
    }, [("curly apostrophe", "straight apostrophe"), ("curly quotes", "straight quotes"),
        ("em dash", "spaced en dash"), ("em dash", "spaced hyphen"),
        ("spaced en dash", "spaced hyphen")]),
    "spelling": ({
        "per cent": r"\bper cent\b", "percent": r"\bpercent\b", "%": r"\d%",
        "day month": rf"\b\d{{1,2}} {MONTH}\b", "month day": rf"\b{MONTH} \d{{1,2}}\b",
        "-ise": r"\b(?:organis|recognis|realis|apologis|criticis|emphasis|prioritis|minimis|utilis)(?:e|ed|es|ing)\b",
        "-ize": r"\b(?:organiz|recogniz|realiz|apologiz|criticiz|emphasiz|prioritiz|minimiz|utiliz)(?:e|ed|es|ing)\b",
        "colour": r"\b(?:colour|favour|honour|labour|neighbour|behaviour|centre|theatre)s?\b",
        "color": r"\b(?:color|favor|honor|labor|neighbor|behavior|center|theater)s?\b",
    }, [("per cent", "percent"), ("per cent", "%"), ("percent", "%"), ("day month", "month day"),
        ("-ise", "-ize"), ("colour", "color")]),
}
PERSON = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|my|me|we|our|us|you|your|you're|you’re)\b")
QUOTED = re.compile(r'[“"][^”"]*[”"]')


def counts(patterns: dict, text: str) -> dict:
    return {k: len(re.findall(p, text)) for k, p in patterns.items()}


def clashes(kind: str, paragraph: str, rest: str) -> bool:
    if kind == "person":
        mine = len(PERSON.findall(QUOTED.sub("", paragraph)))
        return mine >= 2 and not PERSON.search(QUOTED.sub("", rest)) and len(rest.split()) >= 300
    patterns, rivals = STYLES[kind]
    a, b = counts(patterns, paragraph), counts(patterns, rest)
    return any(a[x] > 0 and a[y] == 0 and b[x] == 0 and b[y] >= MIN_REST
               for p, q in rivals for x, y in ((p, q), (q, p)))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dir", type=Path, default=ROOT / "target" / "corrupt-splices" / "develop")
    a = ap.parse_args()
    if not (a.dir / "key.jsonl").exists():
        sys.exit(f"{a.dir / 'key.jsonl'} is missing: run scripts/eval/corrupt_splices.py first")
    key = [json.loads(line) for line in (a.dir / "key.jsonl").read_text().splitlines()]
    spliced = []
    for k in key:
        lines = (a.dir / "corrupted" / k["file"]).read_text(encoding="utf-8").split("\n")
        i = k["line"] - 1
        spliced.append((lines[i], "\n".join(lines[:i] + lines[i + 1:])))
    untouched = []
    for f in sorted((a.dir / "untouched").iterdir()):
        lines = f.read_text(encoding="utf-8").split("\n")
        untouched += [(p, "\n".join(lines[:i] + lines[i + 1:]))
                      for i, p in enumerate(lines) if len(p.split()) >= 15]
    print("| clash | spliced paragraphs | untouched paragraphs (15+ words) |")
    print("|---|---:|---:|")
    for kind in ("typing", "spelling", "person"):
        s = sum(clashes(kind, p, r) for p, r in spliced)
        u = sum(clashes(kind, p, r) for p, r in untouched)
        print(f"| {kind} | {s} of {len(spliced)} | {u} of {len(untouched)} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
