#!/usr/bin/env python3
"""Corpus benchmark: how fast scrapelint checks a large folder, and its peak memory.

usage: python3 scripts/bench_corpus.py [--files 20000] [--binary target/release/scrapelint] [--jobs N]

Builds a synthetic corpus by copying the repository's fixture articles (seeds, the
generalisation set and the article pool) under distinct names into a temporary folder,
then times `scrapelint check --format jsonl --fail-on never` on it (best of --runs)
and reports files/s, MB/s and the peak resident memory of the check process. The
cross-file rules are on, so this includes the first pass over the corpus.
"""
import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def sources():
    out = []
    for pattern in ("fixtures/seeds/*.txt", "fixtures/generalisation/docs/*.txt", "fixtures/corpus/articles/*.txt"):
        out += sorted(ROOT.glob(pattern))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", type=int, default=20000)
    ap.add_argument("--binary", default=str(ROOT / "target/release/scrapelint"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=0, help="threads (0: one per core)")
    a = ap.parse_args()
    src = sources()
    if not src:
        sys.exit("no fixture articles found")
    tmp = Path(tempfile.mkdtemp(prefix="scrapelint-bench-"))
    try:
        total = 0
        for i in range(a.files):
            s = src[i % len(src)]
            d = tmp / f"{i // 1000:03d}"
            d.mkdir(exist_ok=True)
            dst = d / f"{i:06d}-{s.name}"
            shutil.copyfile(s, dst)
            total += dst.stat().st_size
        cmd = [a.binary, "check", "--isolated", "--format", "jsonl", "--fail-on", "never", str(tmp)]
        if a.jobs:
            cmd += ["--threads", str(a.jobs)]
        best = None
        for _ in range(a.runs):
            t0 = time.perf_counter()
            r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            dt = time.perf_counter() - t0
            if r.returncode not in (0, 1):
                sys.exit(f"check failed ({r.returncode}): {r.stderr.decode()[-500:]}")
            best = dt if best is None else min(best, dt)
            diags = r.stdout.count(b"\n")
        rss_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"files: {a.files}  size: {total / 1e6:.1f} MB  diagnostics: {diags}")
        print(f"best of {a.runs}: {best:.2f} s  ->  {a.files / best:,.0f} files/s, {total / 1e6 / best:.1f} MB/s")
        print(f"peak RSS of the check process: {rss_mib:.0f} MiB  (cores: {os.cpu_count()})")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
