#!/usr/bin/env python3
"""Consistency check of an annotated set: SET_DIR/expected.toml against SET_DIR/docs.

usage: python3 scripts/check_expected.py fixtures/holdout [fixtures/holdout-2 ...]

The format is the seeds' (../shared/seeds/expected.toml): `[[finding]]` tables with
`file`, `line`, `category`, `level` and `note`; `[[clean]]` tables with `file` and
`line` or `lines`. Checked, per set:
  * every finding and clean line points at a non-empty line of a file in docs/;
  * categories and levels are known; no line is both a finding and clean, or carries
    two findings of one category;
  * clean articles (`c_*` files) carry no finding and list every non-empty line but
    line 1 as clean; with --complete (the holdout sets) every article does.
Prints the counts; exits 1 on any error. Standard library only (Python 3.11+).
"""
import argparse
import sys
import tomllib
from collections import Counter
from pathlib import Path

CATEGORIES = {"boilerplate", "off-topic", "mangled", "fragment", "encoding"}
LEVELS = {"must", "should"}


def check(set_dir: Path, complete: bool) -> list[str]:
    data = tomllib.loads((set_dir / "expected.toml").read_text(encoding="utf-8"))
    texts = {p.name: p.read_text(encoding="utf-8").split("\n") for p in sorted((set_dir / "docs").glob("*.txt"))}
    errors, seen = [], Counter()

    def point(where: str, name: str, line: int, key: str) -> None:
        lines = texts.get(name)
        if lines is None:
            errors.append(f"{where}: no file docs/{name}")
        elif not 1 <= line <= len(lines) or not lines[line - 1].strip():
            errors.append(f"{where}: {name}:{line} is not a non-empty line")
        seen[(name, line, key)] += 1

    counts = Counter()
    for i, f in enumerate(data.get("finding", [])):
        where = f"finding {i + 1}"
        if f.get("category") not in CATEGORIES or f.get("level") not in LEVELS:
            errors.append(f"{where}: category {f.get('category')!r} or level {f.get('level')!r} unknown")
        if f["file"].startswith("c_"):
            errors.append(f"{where}: a clean article ({f['file']}) has a finding")
        point(where, f["file"], f["line"], f.get("category", ""))
        counts[(f.get("category"), f.get("level"))] += 1
    clean = 0
    for i, c in enumerate(data.get("clean", [])):
        for line in c.get("lines", [c["line"]] if "line" in c else []):
            point(f"clean {i + 1}", c["file"], line, "clean")
            clean += 1
    # A line may carry findings of several categories, but each once, and no finding
    # if it is clean.
    errors += [f"{n}:{l} is listed {k} times as {key}" for (n, l, key), k in seen.items() if k > 1]
    keys: dict[tuple[str, int], set[str]] = {}
    for n, l, key in seen:
        keys.setdefault((n, l), set()).add(key)
    errors += [f"{n}:{l} is both clean and a finding" for (n, l), ks in keys.items() if "clean" in ks and len(ks) > 1]
    for name, lines in texts.items():
        if complete or name.startswith("c_"):
            for n, text in enumerate(lines[1:], start=2):
                if text.strip() and (name, n) not in keys:
                    errors.append(f"{name}:{n} is neither a finding nor clean")
    print(f"{set_dir}: {len(texts)} docs, {sum(counts.values())} findings, {clean} clean lines")
    for (category, level), n in sorted(counts.items()):
        print(f"  {category:12} {level:6} {n}")
    return errors


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("sets", nargs="+", type=Path)
    ap.add_argument("--complete", action="store_true", help="every non-empty line but line 1 is annotated")
    a = ap.parse_args()
    errors = [e for s in a.sets for e in check(s, a.complete)]
    for e in errors:
        print("error:", e, file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
