#!/usr/bin/env python3
"""Measure truncated paragraphs and orphan bylines on real article bodies.

For every document of the develop sites (or, once, the sealed sites) of
../shared/train/recall and ../shared/train-multi/recall (the split of
scripts/train/split.json), the article body is its lines labelled clean, in
order, one paragraph per line. Each article gets one corruption, drawn with a
seed (two runs give the same files):

- `truncated`: a paragraph of running text (the third or later, 15 words or
  more, ending on `.`, `!` or `?`) is cut at a word boundary between 40% and
  90% of its words, as a scraper's length limit or a lost link cuts it; the
  cut is never right after a word that ends a sentence;
- `appositive`: a sentence that names someone with a description beside the
  reporting verb (`..., said Jane Roe, the director of the fund.`, `Jane Roe,
  the director of the fund, said ...`) loses all but the name and the
  description (`Jane Roe, the director of the fund.`), as a spinner or a
  scraper that cuts the clause around an appositive leaves it; articles
  without such a sentence get one of the other two;
- `byline`: a name line is added after the last paragraph, as scrapers leave
  an author credit at the end of the body: `Name Surname`, `By Name Surname`,
  `- Name Surname` or `Name Surname, Staff Writer`, the name drawn from the
  1990 US Census lists (the `names` package's data as rules/data/names-en.tsv
  holds it: a given name and a surname that are common, so not words of the
  article).

Writes OUT/untouched/*.txt, OUT/corrupted/*.txt and OUT/key.jsonl, runs
`BINARY check --format json` on each folder and prints, per kind, recall (a
finding of the kind's rule on the corrupted line: `fragment.truncated-paragraph`,
`fragment.orphan-byline`, `fragment.dangling-appositive`; any warning on the
line is also counted), the precision of those rules on the corrupted files,
and the share of untouched non-empty lines they flag.

usage (from the repo root):
    python3 scripts/eval/corrupt_fragments.py [--part develop|sealed] [--out DIR]
        [--binary target/release/scrapelint] [--seed 1] [--list]

RULE: `--part sealed` is for one final measurement; it prints figures only.
"""
from __future__ import annotations

import random
import re
import sys
from collections import defaultdict
from pathlib import Path

from corruption import bodies, change_one_line, check, data_words, parse_args, write_key
from corruption import untouched_flags

RULES = {"truncated": "fragment.truncated-paragraph", "byline": "fragment.orphan-byline",
         "appositive": "fragment.dangling-appositive"}
NAME = r"(?:[A-Z][a-z'\u2019-]+ ){1,3}[A-Z][a-z'\u2019-]+"
DESCRIPTION = r"(?:a|an|the|[a-z]+ (?:of|at|for|with|in))\b[^.!?\"\u201d,;]{4,100}"
# `..., said Jane Roe, the director of the fund.` and `Jane Roe, the director of the
# fund, said ...`: the sentence around the appositive, to be cut down to it
AFTER_VERB = re.compile(rf"(?:^|(?<=[.!?] ))[^.!?]*?,? (?:said|says|according to|told reporters|wrote) "
                        rf"({NAME}), ({DESCRIPTION})\.(?= |$)")
BEFORE_VERB = re.compile(rf"(?:^|(?<=[.!?] ))({NAME}), ({DESCRIPTION}), (?:said|says|told|added|wrote)\b"
                         r"[^.!?]*[.!?](?= |$)")
SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*$")
ABBREVIATION = re.compile(r"^(?:[A-Z][a-z]{0,3}\.|[A-Z]\.)+$")  # `Mr.`, `U.S.`, `Jan.`
FORMS = ["{name}", "By {name}", "- {name}", "{name}, Staff Writer"]


def names(kind: int, least: int) -> list[str]:
    """Capitalised names of names-en.tsv with a share of at least `least` per
    100,000 as a given name (kind 1) or a surname (kind 2)."""
    return sorted(n.capitalize() for n, cols in data_words("names-en.tsv").items()
                  if int(cols[kind]) >= least and n.isalpha())


def truncation(line: str, rng: random.Random) -> str | None:
    words = line.split(" ")
    if len(words) < 15 or not SENTENCE_END.search(line):
        return None
    cuts = [i for i in range(int(len(words) * 0.4), int(len(words) * 0.9) + 1)
            if not SENTENCE_END.search(words[i - 1]) or ABBREVIATION.match(words[i - 1])]
    cuts = [i for i in cuts if not re.search(r"[.!?:;]$", words[i - 1])]
    if not cuts:
        return None
    return " ".join(words[: rng.choice(cuts)]).rstrip(",;:-\u2013\u2014 ")


def build(out: Path, part: str, seed: int) -> list[dict]:
    given, surnames = names(1, 20), names(2, 20)
    rng = random.Random(seed)
    key = []
    for name, text in bodies(out, part):
        lines = text.rstrip("\n").split("\n")
        if len(lines) < 4:
            continue
        kind = rng.choice(["truncated", "byline"])
        appositives = [(i, m) for i in range(2, len(lines))
                       for rx in (AFTER_VERB, BEFORE_VERB) for m in rx.finditer(lines[i])]
        if appositives:
            kind = "appositive"
            at, m = rng.choice(appositives)
            shown = f"{m.group(1)}, {m.group(2)}."
            lines[at] = lines[at][: m.start()] + shown + lines[at][m.end():]
        elif kind == "truncated":
            at = change_one_line(lines, 2, lambda line: truncation(line, rng), rng)
            if at is None:
                continue
            shown = lines[at]
        else:
            full = f"{rng.choice(given)} {rng.choice(surnames)}"
            shown = rng.choice(FORMS).format(name=full)
            lines.append(shown)
            at = len(lines) - 1
        (out / "corrupted" / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
        key.append({"file": name, "line": at + 1, "kind": kind, "text": shown})
    write_key(out, key)
    return key


def main() -> int:
    args = parse_args(__doc__, "corrupt-fragments")
    out, show = args.out, args.show
    key = build(out, args.part, args.seed)
    by_file = {k["file"]: k for k in key}

    found = check(args.binary, out / "corrupted")
    hits, any_hits = set(), set()
    per_rule = defaultdict(lambda: [0, 0])  # rule -> [on the corrupted line, all]
    for d in found:
        name = Path(d["path"]).name
        k = by_file.get(name)
        line = d["range"]["start"]["line"]
        on = k is not None and line <= k["line"] <= d["range"]["end"]["line"]
        if on and d["severity"] != "info":
            any_hits.add(name)
        if d["rule"] in RULES.values():
            per_rule[d["rule"]][1] += 1
            if on and RULES[k["kind"]] == d["rule"]:
                per_rule[d["rule"]][0] += 1
                hits.add(name)
            if show:
                print(("TP " if on else "FP ") + f"{name}:{line} {d['rule']} {d['message']}")
    if show:
        for k in key:
            if k["file"] not in hits:
                print(f"miss {k['kind']} {k['file']}:{k['line']} {k['text'][-80:]!r}")

    lines, flagged, _ = untouched_flags(
        args.binary, out, lambda d: d["rule"] in RULES.values(), show)

    print(f"part {args.part}: {len(list((out / 'untouched').iterdir()))} articles, "
          f"{len(key)} corrupted")
    for kind, rule in RULES.items():
        ks = [k for k in key if k["kind"] == kind]
        got = sum(1 for k in ks if k["file"] in hits)
        anyw = sum(1 for k in ks if k["file"] in any_hits)
        tp, total = per_rule[rule]
        print(f"{kind:9} recall {got / len(ks) if ks else 0:.3f} ({got}/{len(ks)}), "
              f"any warning on the line {anyw}/{len(ks)}; {rule} precision "
              f"{tp / total if total else 1.0:.3f} ({tp}/{total}); untouched lines flagged "
              f"{len(flagged[rule]) / lines:.4f} ({len(flagged[rule])}/{lines})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
