#!/usr/bin/env python3
"""Measure `mangled.name-variant` on surnames respelt in real article bodies.

For every document of the develop sites (or, once, the sealed sites) of
../shared/train/recall and ../shared/train-multi/recall (the split of
scripts/train/split.json), the article body is its lines labelled clean, in
order. An article qualifies when it names a person in full (a run of two or
three capitalised words mid-sentence whose first word is a given name of
rules/data/names-en.tsv and whose last word has five letters or more) and
later mentions the surname alone (not next to another capitalised word). One
such later mention per article is respelt with one edit, or two for one
article in five: a swap of two neighbouring letters, a vowel for another, a
doubled or a dropped letter, or a keyboard neighbour; the first letter is
kept, and a respelling that is a word of rules/data/wordfreq-en.tsv (a
real-word error no name rule can see) or a word of the article is drawn again.
The choice is seeded: two runs give the same files.

Writes OUT/untouched/*.txt (every body), OUT/corrupted/*.txt (the respelt
ones) and OUT/key.jsonl, runs `BINARY check --format json` on each folder,
and prints: recall (a corruption is found when a `mangled.name-variant`
finding covers the respelt word), the precision of `mangled.name-variant` on
the corrupted files, and the share of untouched non-empty lines flagged by any
`mangled.*` rule.

usage (from the repo root):
    python3 scripts/eval/corrupt_names.py [--part develop|sealed] [--out DIR]
        [--binary target/release/scrapelint] [--seed 1] [--list]

RULE: `--part sealed` is for one final measurement; it prints figures only.
"""
from __future__ import annotations

import random
import re
import sys
from pathlib import Path

from corruption import bodies, check, data_words, hits_on, parse_args, write_key
from corruption import untouched_flags
VOWELS = "aeiou"
KEYBOARD = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]
NAME = r"[A-Z][a-z]+(?:['\u2019][A-Z][a-z]+)?"
FULL = re.compile(rf"(?<=[a-z,;:()\"'\u201c\u2018] )({NAME})(?: ({NAME}))?(?: ({NAME}))\b")


def neighbours(c: str) -> list[str]:
    out = []
    for r, row in enumerate(KEYBOARD):
        i = row.find(c)
        if i < 0:
            continue
        out += [row[j] for j in (i - 1, i + 1) if 0 <= j < len(row)]
        # each row sits half a key right of the one above
        for other, cols in ((r - 1, (i, i + 1)), (r + 1, (i - 1, i))):
            if 0 <= other < len(KEYBOARD):
                out += [KEYBOARD[other][j] for j in cols if 0 <= j < len(KEYBOARD[other])]
    return out


def one_edit(word: str, rng: random.Random) -> tuple[str, str]:
    """`word` with one edit past its first letter, and the kind of edit."""
    head, body = word[0], word[1:]
    kinds = ["swap", "vowel", "double", "drop", "keyboard"]
    rng.shuffle(kinds)
    for kind in kinds:
        idx = list(range(len(body)))
        rng.shuffle(idx)
        for i in idx:
            c = body[i]
            if kind == "swap" and i + 1 < len(body) and body[i] != body[i + 1]:
                return head + body[:i] + body[i + 1] + body[i] + body[i + 2 :], kind
            if kind == "vowel" and c in VOWELS:
                v = rng.choice([x for x in VOWELS if x != c])
                return head + body[:i] + v + body[i + 1 :], kind
            if kind == "double" and c not in VOWELS and (i + 1 == len(body) or body[i + 1] != c):
                return head + body[: i + 1] + c + body[i + 1 :], kind
            if kind == "drop" and len(body) > 3:
                return head + body[:i] + body[i + 1 :], kind
            if kind == "keyboard" and c.isalpha():
                n = neighbours(c)
                if n:
                    return head + body[:i] + rng.choice(n) + body[i + 1 :], kind
    return word, "none"


def candidates(text: str, given: set[str]) -> list[tuple[str, int]]:
    """(surname, offset of a later lone mention) for people named in full."""
    out = []
    seen = set()
    for m in FULL.finditer(text):
        first, last = m.group(1), m.group(3)
        if first.lower() not in given or len(last) < 5 or last in seen:
            continue
        if re.search(rf"\b{last.lower()}\b", text):  # a common word too
            continue
        seen.add(last)
        lone = re.compile(rf"(?<![A-Za-z]){last}(?![a-z])(?! [A-Z])(?!-[A-Z])")
        out += [
            (last, x.start())
            for x in lone.finditer(text, m.end())
            if not re.search(r"[A-Z][a-z]+[ -]$", text[max(0, x.start() - 40) : x.start()])
        ]
    return out


def build(out: Path, part: str, seed: int) -> list[dict]:
    given = {n for n, cols in data_words("names-en.tsv").items() if int(cols[1]) > 0}
    words = set(data_words("wordfreq-en.tsv"))
    rng = random.Random(seed)
    key = []
    for name, text in bodies(out, part):
        found = candidates(text, given)
        if not found:
            continue
        surname, at = rng.choice(found)
        article_words = set(re.findall(r"[A-Za-z]+", text.lower()))
        for _ in range(20):
            edits = 2 if rng.random() < 0.2 else 1
            new, kinds = surname, []
            for _ in range(edits):
                new, kind = one_edit(new, rng)
                kinds.append(kind)
            low = new.lower()
            if new != surname and low not in words and low not in article_words:
                break
        else:
            continue
        corrupted = text[:at] + new + text[at + len(surname) :]
        (out / "corrupted" / name).write_text(corrupted, encoding="utf-8")
        line = corrupted.count("\n", 0, at) + 1
        key.append({"file": name, "line": line, "start": len(corrupted[:at].encode()),
                    "original": surname, "respelt": new, "edits": kinds})
    write_key(out, key)
    return key


def main() -> int:
    args = parse_args(__doc__, "corrupt-names")
    out, show = args.out, args.show
    key = build(out, args.part, args.seed)

    hits, variant = hits_on(
        check(args.binary, out / "corrupted"), key,
        lambda d: d["rule"] == "mangled.name-variant",
        lambda d, k: d["byte_range"]["start"] <= k["start"] < d["byte_range"]["end"], show)
    if show:
        for k in key:
            if k["file"] not in hits:
                print(f"miss {k['file']}:{k['line']} {k['respelt']} for {k['original']} {k['edits']}")

    lines, by_rule, per_rule = untouched_flags(
        args.binary, out, lambda d: d["category"] == "mangled", show)
    flagged = set().union(*by_rule.values())

    recall = len(hits) / len(key) if key else 0.0
    precision = len(hits) / variant if variant else 1.0
    print(f"part {args.part}: {len(list((out / 'untouched').iterdir()))} articles, "
          f"{len(key)} with a respelt surname")
    print(f"name-variant recall    {recall:.3f} ({len(hits)}/{len(key)})")
    print(f"name-variant precision {precision:.3f} ({len(hits)}/{variant}) on the corrupted files")
    print(f"untouched lines flagged mangled {len(flagged) / lines:.4f} ({len(flagged)}/{lines}) "
          + ", ".join(f"{r} {n}" for r, n in sorted(per_rule.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
