#!/usr/bin/env python3
"""Measure quotations that lost their attribution, on real article bodies.

For every document of the develop sites (or, once, the sealed sites) of
../shared/train/recall and ../shared/train-multi/recall (the split of
scripts/train/split.json), the article body is its lines labelled clean, in
order, one paragraph per line. An article with a paragraph (the second or
later) that opens with a quotation attributed right after it (`"We will
leave," Jane Roe said.`, `"We will leave," said Roe.`, `"We will leave," she
told reporters.`) gets that attribution removed, the quotation closed with a
full stop (`"We will leave."`), as a spinner or a scraper that drops the clause
after a quotation leaves it; what follows the attribution in the paragraph
stays. One paragraph per article, drawn with a seed (two runs give the same
files); articles without such a paragraph are left out of the corrupted set.

With `--keep-name`, only attributions by a named person with a plain reporting verb
(`"We will leave," Jane Roe said.`, `"We will leave," said Jane Roe, the director of
the fund.`) are used, and only the verb goes: the name and what stands beside it
stay as a sentence of their own (`"We will leave." Jane Roe, the director of the
fund.`), as when a spinner drops `said`. Its files go to their own folder.

Recall: a `fragment.unattributed-quote` finding (it is `info`) on the corrupted
line; precision: of that rule's findings on the corrupted files; untouched: the
share of non-empty untouched lines it flags. The rule is not told which
attributions were removed: it reads a paragraph that opens with a complete
quotation, holds no reporting verb, and either is the quotation alone (after a
paragraph with none) or goes on with one sentence whose subject is a name.

usage (from the repo root):
    python3 scripts/eval/corrupt_quotes.py [--part develop|sealed] [--out DIR]
        [--binary target/release/scrapelint] [--seed 1] [--list] [--keep-name]

RULE: `--part sealed` is for one final measurement; it prints figures only.
"""
from __future__ import annotations

import random
import re
import sys
from pathlib import Path

from corruption import bodies, change_one_line, check, hits_on, parse_args, untouched_flags
from corruption import write_key

RULE = "fragment.unattributed-quote"
VERBS = r"(?:said|says|told reporters|told [A-Z][\w.]+(?: [A-Z][\w.]+)*|added|explained|wrote)"
SUBJECT = r"(?:(?:[A-Z][\w.'\u2019-]+ ){0,3}[A-Z][\w.'\u2019-]+|he|she|they|it|we|I)"
# `"Quote," Name said.` / `"Quote," said Name.` / `"Quote," she told reporters.`, with
# an optional appositive or time after the name, up to the end of that sentence
ATTRIBUTED = re.compile(
    r'^(?P<open>[\u201c"])(?P<quote>[^\u201c\u201d"]{20,400}?),(?P<close>[\u201d"]) '
    rf"(?:{SUBJECT} {VERBS}|{VERBS} {SUBJECT})(?:,? [^.!?\u201c\u201d\"]{{0,80}})?\."
    r"(?P<rest>(?: .*)?)$"
)

# `"Quote," Jane Roe said.` / `"Quote," said Jane Roe, the director of the fund.`: a
# named speaker and a plain reporting verb, for `--keep-name`
NAME = r"(?:[A-Z][\w.'\u2019-]+ ){0,3}[A-Z][\w.'\u2019-]+"
PLAIN = r"(?:said|says|added|explained|wrote)"
NAMED = re.compile(
    r'^(?P<open>[\u201c"])(?P<quote>[^\u201c\u201d"]{20,400}?),(?P<close>[\u201d"]) '
    rf"(?:(?P<name1>{NAME}) {PLAIN}|{PLAIN} (?P<name2>{NAME}))"
    r"(?P<tail>,? [^.!?\u201c\u201d\"]{0,80})?\."
    r"(?P<rest>(?: .*)?)$"
)


def corrupt(line: str, keep_name: bool) -> str | None:
    """The line without its attribution (or, with `keep_name`, without its verb), or
    None when it has no attribution of that kind."""
    if keep_name:
        m = NAMED.match(line)
        if m is None:
            return None
        name = m["name1"] or m["name2"]
        return f"{m['open']}{m['quote']}.{m['close']} {name}{m['tail'] or ''}.{m['rest']}"
    m = ATTRIBUTED.match(line)
    return None if m is None else f"{m['open']}{m['quote']}.{m['close']}{m['rest']}"


def build(out: Path, part: str, seed: int, keep_name: bool = False) -> list[dict]:
    rng = random.Random(seed)
    key = []
    for name, text in bodies(out, part):
        lines = text.rstrip("\n").split("\n")
        at = change_one_line(lines, 1, lambda line: corrupt(line, keep_name), rng)
        if at is None:
            continue
        (out / "corrupted" / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
        key.append({"file": name, "line": at + 1, "text": lines[at]})
    write_key(out, key)
    return key


def main() -> int:
    args = parse_args(__doc__, "corrupt-quotes",
                      ("--keep-name", "drop only the reporting verb of a named speaker"))
    out, show = args.out, args.show
    key = build(out, args.part, args.seed, args.variant)
    found = check(args.binary, out / "corrupted")
    hits, kept = hits_on(
        found, key, lambda d: d["rule"] == RULE,
        lambda d, k: d["range"]["start"]["line"] <= k["line"] <= d["range"]["end"]["line"],
        show)
    if show:
        for k in key:
            if k["file"] not in hits:
                print(f"miss {k['file']}:{k['line']} {k['text'][:120]!r}")
    lines, flagged, _ = untouched_flags(args.binary, out, lambda d: d["rule"] == RULE, show)
    n = len(key)
    print(f"part {args.part}: {len(list((out / 'untouched').iterdir()))} articles, {n} corrupted")
    print(f"unattributed recall {len(hits) / n if n else 0:.3f} ({len(hits)}/{n}); "
          f"{RULE} precision {len(hits) / kept if kept else 1.0:.3f} ({len(hits)}/{kept}); "
          f"untouched lines flagged {len(flagged[RULE]) / lines:.4f} "
          f"({len(flagged[RULE])}/{lines})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
