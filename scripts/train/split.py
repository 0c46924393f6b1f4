#!/usr/bin/env python3
"""Fixed develop/sealed split of the line-labelled training pages, by site.

    RULE: the sealed part is for ONE final measurement. Never read, print, inspect,
    fit or tune anything on sealed documents or on their scores: no rule, word list,
    threshold, feature or model choice may depend on them. Only `materialise` touches
    them (to build the folder the final score reads), and it prints counts, not text.

usage (from the repo root):
    python3 scripts/train/split.py assign          # writes scripts/train/split.json
    python3 scripts/train/split.py materialise SET PART [--out target/split]
        # SET: train-naive, train-recall, train-offtopic, multi-naive, multi-recall
        # PART: develop or sealed; makes OUT/SET/PART/{docs/*.txt (hard links), labels.jsonl, meta.jsonl}
    ../shared/tools/score-lines target/release/scrapelint target/split/train-recall/develop

A document's site is the domain of its page URL (meta.jsonl, without `www.`) for
../shared/train and the `site` of ../shared/train-multi/sites.jsonl. A site is sealed
when the first 8 hex digits of sha256("scrapelint-split-v1:" + site) read as a number
modulo 100 are below 30 (about 30% of the sites). The rule depends on the site name
alone, so a site lands in the same part in every set.
"""
import argparse
import hashlib
import json
import os
import shutil
import sys
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
SPLIT = Path(__file__).resolve().parent / "split.json"
SALT = "scrapelint-split-v1:"
SEALED_PERCENT = 30

# set name -> (folder, how sites are found)
SETS = {
    "train-naive": (SHARED / "train" / "naive", "meta"),
    "train-recall": (SHARED / "train" / "recall", "meta"),
    "train-offtopic": (SHARED / "train" / "offtopic", "meta"),
    "multi-naive": (SHARED / "train-multi" / "naive", "sites"),
    "multi-recall": (SHARED / "train-multi" / "recall", "sites"),
}
PARTS = ("develop", "sealed")


def normalise(site):
    site = site.strip().lower()
    return site.removeprefix("www.")


def part_of(site):
    digest = hashlib.sha256((SALT + normalise(site)).encode("utf-8")).hexdigest()
    return "sealed" if int(digest[:8], 16) % 100 < SEALED_PERCENT else "develop"


def sites_of(name):
    """File name -> site for every document of a set (reads URLs only, no text)."""
    folder, how = SETS[name]
    files = sorted(p.name for p in (folder / "docs").glob("*.txt"))
    site = {}
    if how == "meta":
        for line in open(folder / "meta.jsonl", encoding="utf-8"):
            o = json.loads(line)
            if "url" in o and o["file"] not in site:
                site[o["file"]] = normalise(urlparse(o["url"]).netloc)
    else:
        set_key = name.split("-", 1)[1]
        for line in open(SHARED / "train-multi" / "sites.jsonl", encoding="utf-8"):
            o = json.loads(line)
            if o["set"] == set_key:
                site[o["file"]] = normalise(o["site"])
    missing = [f for f in files if f not in site]
    if missing:
        sys.exit(f"error: {name}: no site for {len(missing)} documents, e.g. {missing[0]}")
    return {f: site[f] for f in files}


def assign():
    out = {
        "rule": f"sealed when int(sha256('{SALT}' + site)[:8], 16) % 100 < {SEALED_PERCENT}",
        "sets": {},
    }
    for name in SETS:
        by_file = sites_of(name)
        out["sets"][name] = {
            part: sorted(f for f, s in by_file.items() if part_of(s) == part) for part in PARTS
        }
        out["sets"][name]["sites"] = {f: by_file[f] for f in sorted(by_file)}
    SPLIT.write_text(json.dumps(out, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    for name, parts in out["sets"].items():
        sites = {p: {parts["sites"][f] for f in parts[p]} for p in PARTS}
        print(f"{name:15s} develop {len(parts['develop']):4d} docs / {len(sites['develop']):4d} sites"
              f"   sealed {len(parts['sealed']):4d} docs / {len(sites['sealed']):4d} sites")
    print(f"wrote {SPLIT.relative_to(ROOT)}")


def load_split():
    if not SPLIT.exists():
        sys.exit(f"error: {SPLIT} is missing; run `split.py assign` first")
    return json.loads(SPLIT.read_text(encoding="utf-8"))


def files_of(name, part):
    """The documents of one set's part, as recorded in split.json."""
    split = load_split()
    if name not in split["sets"]:
        sys.exit(f"error: unknown set {name!r}; sets: {', '.join(SETS)}")
    if part not in PARTS:
        sys.exit(f"error: unknown part {part!r}; parts: {', '.join(PARTS)}")
    return split["sets"][name][part]


def link_or_copy(src, dst):
    # Not a symlink: `scrapelint check` walks like ripgrep and skips symlinked files.
    try:
        os.link(src, dst)
    except OSError:
        shutil.copyfile(src, dst)


def filter_jsonl(src, dst, keep):
    with open(src, encoding="utf-8") as f, open(dst, "w", encoding="utf-8") as g:
        for line in f:
            if line.strip() and json.loads(line)["file"] in keep:
                g.write(line)


def materialise(name, part, out_root):
    files = files_of(name, part)
    folder, _ = SETS[name]
    dest = Path(out_root) / name / part
    docs = dest / "docs"
    if docs.exists():
        for p in docs.iterdir():
            p.unlink()
    docs.mkdir(parents=True, exist_ok=True)
    for f in files:
        link_or_copy((folder / "docs" / f).resolve(), docs / f)
    keep = set(files)
    for jsonl in ("labels.jsonl", "meta.jsonl"):
        if (folder / jsonl).exists():
            filter_jsonl(folder / jsonl, dest / jsonl, keep)
    print(f"{dest}: {len(files)} documents")
    return dest


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("assign", help="write scripts/train/split.json")
    m = sub.add_parser("materialise", help="make a folder of one set's part for score-lines")
    m.add_argument("set", choices=sorted(SETS))
    m.add_argument("part", choices=PARTS)
    m.add_argument("--out", default=str(ROOT / "target" / "split"))
    a = ap.parse_args()
    if a.cmd == "assign":
        assign()
    else:
        materialise(a.set, a.part, a.out)


if __name__ == "__main__":
    main()
