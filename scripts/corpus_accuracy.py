#!/usr/bin/env python3
"""Compares the findings of two scrapelint builds (or settings) on sets of articles.

usage: python3 scripts/corpus_accuracy.py BASE_BINARY NEW_BINARY DIR... [--new-args "--corpus-memory 1"]

Each DIR is checked as one corpus (so the cross-file statistics cover it) by both
binaries with `--format json`; a finding is (rule, path, line, column, message), the
message carrying the cross-file figures. Prints, per DIR, the findings of each and how
many differ. Used to measure what the bounded corpus tables lose (docs/corpus.md).
"""
import argparse
import json
import shlex
import subprocess
import sys


def findings(binary, directory, extra):
    cmd = [binary, "check", "--isolated", "--format", "json", "--fail-on", "never", *extra, directory]
    out = subprocess.run(cmd, capture_output=True, check=False)
    if out.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)} failed: {out.stderr.decode()}")
    report = json.loads(out.stdout)
    return {
        (d["rule"], d["path"], d["range"]["start"]["line"], d["range"]["start"]["column"], d["message"])
        for d in report["diagnostics"]
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("base")
    ap.add_argument("new")
    ap.add_argument("dirs", nargs="+")
    ap.add_argument("--new-args", default="")
    a = ap.parse_args()
    extra = shlex.split(a.new_args)
    total = 0
    print("| set | base findings | new findings | differing |")
    print("|---|---:|---:|---:|")
    for d in a.dirs:
        base = findings(a.base, d, [])
        new = findings(a.new, d, extra)
        diff = len(base ^ new)
        total += diff
        print(f"| {d} | {len(base)} | {len(new)} | {diff} |")
        for f in sorted(base - new)[:3]:
            print(f"  - only base: {f}", file=sys.stderr)
        for f in sorted(new - base)[:3]:
            print(f"  + only new: {f}", file=sys.stderr)
    print(f"\ndiffering findings in all: {total}")


if __name__ == "__main__":
    main()
