"""What the corruption measurements share: the article bodies of the develop or sealed
sites, the data files, running the binary, the command line and the key file.

Each `corrupt_*.py` script corrupts real article bodies in one way, runs the release
binary on the corrupted and on the untouched copies, and prints recall, precision and
the share of untouched lines flagged.
"""
from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
SETS = {
    "train-recall": SHARED / "train" / "recall",
    "multi-recall": SHARED / "train-multi" / "recall",
}


def data_words(name: str, column: int = 0) -> dict[str, list[str]]:
    out = {}
    for line in (ROOT / "rules" / "data" / name).read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        out[cols[0]] = cols
    return out


def clean_bodies(set_name: str, files: list[str]) -> dict[str, str]:
    folder = SETS[set_name]
    clean = defaultdict(set)
    for line in (folder / "labels.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if rec["label"] == "clean":
            clean[rec["file"]].add(rec["line"])
    out = {}
    for f in files:
        lines = (folder / "docs" / f).read_text(encoding="utf-8").split("\n")
        body = [line for n, line in enumerate(lines, 1) if n in clean[f]]
        if body:
            out[f"{set_name}--{f}"] = "\n".join(body) + "\n"
    return out


def check(binary: str, folder: Path) -> list[dict]:
    run = subprocess.run([binary, "check", "--format", "json", str(folder)],
                         capture_output=True, text=True)
    if run.returncode not in (0, 1):
        sys.exit(f"{binary} failed: {run.stderr}")
    return json.loads(run.stdout)["diagnostics"]



def bodies(out: Path, part: str):
    """Empties OUT, makes OUT/untouched and OUT/corrupted, and yields (name, body) of
    every article of `part` of both sets, in order, each written to OUT/untouched."""
    import shutil

    split = json.loads((ROOT / "scripts" / "train" / "split.json").read_text())
    shutil.rmtree(out, ignore_errors=True)
    (out / "untouched").mkdir(parents=True)
    (out / "corrupted").mkdir()
    for set_name in SETS:
        found = clean_bodies(set_name, sorted(split["sets"][set_name][part]))
        for name, text in sorted(found.items()):
            (out / "untouched" / name).write_text(text, encoding="utf-8")
            yield name, text


def hits_on(found: list[dict], key: list[dict], keep, on, show: bool) -> tuple[set, int]:
    """(files whose corruption a kept finding covers, kept findings) on the corrupted
    files: `keep(d)` picks the findings, `on(d, k)` says whether one covers key entry
    `k`; with `show`, each finding is printed as TP or FP."""
    by_file = {k["file"]: k for k in key}
    hits, kept = set(), 0
    for d in found:
        if not keep(d):
            continue
        kept += 1
        name = Path(d["path"]).name
        k = by_file.get(name)
        ok = k is not None and on(d, k)
        if ok:
            hits.add(name)
        if show:
            print(("TP " if ok else "FP ") + f"{name}:{d['range']['start']['line']} "
                  f"{d['rule']} {d['message']}")
    return hits, kept


def parse_args(doc: str, out: str, variant: tuple[str, str] | None = None) -> argparse.Namespace:
    """The common command line: `--part`, `--out` (default target/OUT), `--binary`,
    `--seed`, `--list`; `out` is the folder for the part, `show` whether to list.
    `variant` is a script's `(flag, help)` for a second kind of corruption: when the
    flag is given, `args.variant` is true and the default folder is target/OUT-FLAG."""
    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    if variant is not None:
        ap.add_argument(variant[0], dest="variant", action="store_true", help=variant[1])
    ap.add_argument("--part", choices=["develop", "sealed"], default="develop")
    ap.add_argument("--out", type=Path)
    ap.add_argument("--binary", default=str(ROOT / "target" / "release" / "scrapelint"))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--list", action="store_true", help="print each finding (develop only)")
    args = ap.parse_args()
    args.variant = getattr(args, "variant", False)
    if args.out is None:
        args.out = ROOT / "target" / (f"{out}-{variant[0].lstrip('-')}" if args.variant else out)
    args.out = args.out / args.part
    args.show = args.list and args.part == "develop"
    return args


def change_one_line(lines: list[str], first: int, change, rng: random.Random) -> int | None:
    """Changes one line of `lines[first:]` that `change(line)` turns into another (None:
    it cannot), drawn with `rng`, in place; its index, or None when none can change."""
    options = [(i, new) for i in range(first, len(lines))
               if (new := change(lines[i])) is not None]
    if not options:
        return None
    at, new = rng.choice(options)
    lines[at] = new
    return at


def write_key(out: Path, key: list[dict]) -> None:
    with open(out / "key.jsonl", "w", encoding="utf-8") as f:
        for k in key:
            f.write(json.dumps(k) + "\n")


def untouched_flags(binary: str, out: Path, keep, show: bool) -> tuple[int, dict, dict]:
    """Runs `binary` on OUT/untouched: (non-empty lines, flagged lines per rule, findings
    per rule) for the findings `keep(d)` accepts."""
    lines = sum(sum(1 for x in f.read_text(encoding="utf-8").split("\n") if x.strip())
                for f in (out / "untouched").iterdir())
    flagged, per_rule = defaultdict(set), defaultdict(int)
    for d in check(binary, out / "untouched"):
        if keep(d):
            flagged[d["rule"]].add((d["path"], d["range"]["start"]["line"]))
            per_rule[d["rule"]] += 1
            if show:
                print(f"untouched {Path(d['path']).name}:{d['range']['start']['line']} "
                      f"{d['rule']} {d['message']}")
    return lines, flagged, per_rule
