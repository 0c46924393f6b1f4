#!/usr/bin/env python3
"""Measure off-topic warnings on paragraphs spliced into real article bodies.

For every document of the develop sites (or, once, the sealed sites) of
../shared/train-multi/recall (the split of scripts/train/split.json), the
article body is its lines labelled clean, in order. Each body with at least
six paragraphs gets one paragraph of another body spliced in after its third
paragraph or later: a donor paragraph of 25 to 120 words, ending on `.`, `!`
or `?`, from an article of another site (so of another story), drawn with a
seed (two runs give the same files).

Two runs of `BINARY check --format json`:
- `alone`: each spliced body on its own: the article's own cohesion must tell;
- `with donors`: the spliced bodies and the donor articles in one run: the
  paragraph is also in another file of the run, which the rule may name.

Recall: an `off-topic.*` warning or error (not info) on the spliced line.
Precision: of the off-topic warnings and errors on the spliced files. Also
the share of untouched non-empty lines with an off-topic warning (bodies run
alone, as they are).

usage (from the repo root):
    python3 scripts/eval/corrupt_splices.py [--part develop|sealed] [--out DIR]
        [--binary target/release/scrapelint] [--seed 1] [--list]

RULE: `--part sealed` is for one final measurement; it prints figures only.
"""
from __future__ import annotations

import json
import random
import re
import shutil
import sys
from pathlib import Path

from corruption import ROOT, check, clean_bodies, parse_args, untouched_flags, write_key

SET = "multi-recall"
SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*$")


def build(out: Path, part: str, seed: int) -> list[dict]:
    split = json.loads((ROOT / "scripts" / "train" / "split.json").read_text())
    files = sorted(split["sets"][SET][part])
    bodies = clean_bodies(SET, files)
    sites = split["sets"][SET]["sites"]  # page -> site
    shutil.rmtree(out, ignore_errors=True)
    for folder in ("untouched", "corrupted", "together/donors"):
        (out / folder).mkdir(parents=True)
    rng = random.Random(seed)
    donors = []
    for name, text in bodies.items():
        for i, line in enumerate(text.split("\n")):
            if 25 <= len(line.split()) <= 120 and SENTENCE_END.search(line):
                donors.append((name, i, line))
    key = []
    for name, text in sorted(bodies.items()):
        (out / "untouched" / name).write_text(text, encoding="utf-8")
        lines = text.rstrip("\n").split("\n")
        if len(lines) < 6:
            continue
        host_site = sites.get(name.split("--", 1)[1], name)
        for _ in range(50):
            donor, _, paragraph = rng.choice(donors)
            if donor != name and sites.get(donor.split("--", 1)[1], donor) != host_site:
                break
        else:
            continue
        at = rng.randrange(3, len(lines))
        lines.insert(at, paragraph)
        (out / "corrupted" / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
        (out / "together" / "donors" / donor).write_text(bodies[donor], encoding="utf-8")
        key.append({"file": name, "line": at + 1, "donor": donor})
    shutil.copytree(out / "corrupted", out / "together" / "corrupted")
    write_key(out, key)
    return key


def score(found: list[dict], key: list[dict], show: bool, label: str) -> str:
    by_file = {k["file"]: k for k in key}
    hits, warned, named = set(), 0, 0
    for d in found:
        name = Path(d["path"]).name
        if d["category"] != "off-topic" or d["severity"] == "info" or name not in by_file:
            continue
        warned += 1
        k = by_file[name]
        on = d["range"]["start"]["line"] <= k["line"] <= d["range"]["end"]["line"]
        if on:
            hits.add(name)
            named += k["donor"] in d["message"]
        if show:
            print(("TP " if on else "FP ") + f"{label} {name}:{d['range']['start']['line']} "
                  f"{d['message'][:160]}")
    if show:
        for k in key:
            if k["file"] not in hits:
                print(f"MISS {label} {k['file']}:{k['line']} (donor {k['donor']})")
    n = len(key)
    return (f"{label:12} recall {len(hits) / n if n else 0:.3f} ({len(hits)}/{n}), "
            f"precision {len(hits) / warned if warned else 1.0:.3f} ({len(hits)}/{warned}), "
            f"donor named {named}")


def main() -> int:
    args = parse_args(__doc__, "corrupt-splices")
    out, show = args.out, args.show
    key = build(out, args.part, args.seed)
    # each spliced file on its own: its donor (itself a host here) must not be in the run
    alone = [d for f in sorted((out / "corrupted").iterdir()) for d in check(args.binary, f)]
    together = check(args.binary, out / "together")  # the spliced files and their donors
    together = [d for d in together if "/corrupted/" in d["path"]]
    lines, flagged, _ = untouched_flags(
        args.binary, out, lambda d: d["category"] == "off-topic" and d["severity"] != "info",
        show)
    flagged_lines = set().union(*flagged.values())
    print(f"part {args.part}: {len(list((out / 'untouched').iterdir()))} articles, "
          f"{len(key)} with a spliced paragraph")
    print(score(alone, key, show, "alone"))
    print(score(together, key, show, "with donors"))
    print(f"untouched lines with an off-topic warning {len(flagged_lines) / lines:.4f} "
          f"({len(flagged_lines)}/{lines})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
