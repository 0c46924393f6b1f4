#!/usr/bin/env python3
"""Side-by-side benchmark: scrapelint against a ripgrep phrase scan on the same files.

usage: python3 scripts/bench_corpus.py [--files 10000] [--binary target/release/scrapelint]
                                       [--jobs N] [--runs 3] [--one-file-runs 20] [--dir DIR]

1. Generates a deterministic corpus of news-like articles (--files, default 10,000,
   about 4 KB each): headline and paragraphs from an order-2 word Markov chain over the
   repository's clean article pool, with lines of the scraped fixture articles (which
   carry boilerplate, captions, fragments) mixed in, so rules fire as on real scrapes.
   The same --seed and --files give the same bytes on every machine.
2. Writes every literal phrase of the default rules (phrase rules' `phrases`, block
   rules' `markers` and `triggers`) to a pattern file.
3. Runs, on the same files and thread count (best of --runs):
   - `scrapelint check --isolated --format jsonl --fail-on never --threads N DIR`
     (every default rule, the cross-file ones included);
   - `rg -F -i -f PHRASES --threads N DIR` (output is read, not sent to /dev/null,
     which ripgrep would short-circuit);
   and a one-file check of each on a 4 KB article (median of --one-file-runs), and
   `scrapelint rules` (start-up alone).
4. Prints wall time, MB/s, files/s, peak RSS of each process and the ratios.

Needs ripgrep (`apt-get install ripgrep`) and, for exact peak RSS, GNU time
(`apt-get install time`). Build first: `cargo build --release`.
"""
import argparse
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORD = re.compile(r"\S+")


def read_lines(patterns):
    out = []
    for pattern in patterns:
        for p in sorted(ROOT.glob(pattern)):
            out += [l for l in p.read_text(encoding="utf-8", errors="replace").splitlines()]
    return out


class Markov:
    """Order-2 word chain over paragraphs; sentences end on a word ending in . ! or ?."""

    def __init__(self, paragraphs):
        self.next = {}
        self.starts = []
        for para in paragraphs:
            words = WORD.findall(para)
            if len(words) < 3:
                continue
            self.starts.append((words[0], words[1]))
            for a, b, c in zip(words, words[1:], words[2:]):
                self.next.setdefault((a, b), []).append(c)

    def sentence_run(self, rng, min_words):
        a, b = rng.choice(self.starts)
        words = [a, b]
        while True:
            options = self.next.get((a, b))
            if not options:
                break
            c = rng.choice(options)
            words.append(c)
            a, b = b, c
            if len(words) >= min_words and c[-1] in ".!?\u201d\"":
                break
            if len(words) > 4 * min_words:
                break
        return " ".join(words)


def generate(dest: Path, files: int, seed: int) -> int:
    """Writes the corpus to dest; returns its size in bytes."""
    clean = [l for l in read_lines(["fixtures/corpus/articles/*.txt"]) if l.strip()]
    scraped = [
        l
        for l in read_lines(["fixtures/seeds/*.txt", "fixtures/generalisation/docs/*.txt",
                             "fixtures/holdout*/docs/*.txt"])
        if l.strip()
    ]
    if not clean or not scraped:
        sys.exit("no fixture articles found")
    chain = Markov(clean)
    headlines = [
        p.read_text(encoding="utf-8").splitlines()[0]
        for p in sorted(ROOT.glob("fixtures/corpus/articles/*.txt"))
    ]
    rng = random.Random(seed)
    total = 0
    for i in range(files):
        lines = [rng.choice(headlines), ""]
        for _ in range(rng.randint(7, 13)):
            if rng.random() < 0.15:
                lines.append(rng.choice(scraped))
            else:
                runs = rng.randint(1, 3)
                lines.append(" ".join(chain.sentence_run(rng, rng.randint(20, 40)) for _ in range(runs)))
            lines.append("")
        text = "\n".join(lines[:-1]) + "\n"
        d = dest / f"{i // 1000:03d}"
        d.mkdir(parents=True, exist_ok=True)
        p = d / f"{i:06d}.txt"
        p.write_text(text, encoding="utf-8")
        total += p.stat().st_size
    return total


def phrases() -> list[str]:
    out = set()
    for f in sorted(ROOT.glob("rules/*.toml")):
        for rule in tomllib.loads(f.read_text(encoding="utf-8")).get("rule", []):
            if rule.get("kind") == "phrase":
                out.update(rule.get("phrases", []))
            elif rule.get("kind") == "block":
                out.update(x for k in ("markers", "triggers") for x in rule.get(k, [])
                           if isinstance(x, str))
    return sorted(p for p in out if p.strip())


# A child's peak RSS counts the pages it shared with this (large) Python process
# before exec, so the command runs under GNU time, a small process that forks it and
# reports its own peak.
GNU_TIME = "/usr/bin/time"


def run(cmd, ok=(0, 1)):
    """Wall and CPU (user + system) seconds, peak RSS (MiB) and output lines of one run.
    Stdout goes to a file that is read afterwards."""
    with tempfile.TemporaryFile() as out, tempfile.NamedTemporaryFile("r") as peak:
        timed = [GNU_TIME, "-f", "%M", "-o", peak.name, *cmd] if os.path.exists(GNU_TIME) else cmd
        t0 = time.perf_counter()
        p = subprocess.Popen(timed, stdout=out, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(p.pid, 0)
        dt = time.perf_counter() - t0
        code = os.waitstatus_to_exitcode(status)
        if code not in ok:
            sys.exit(f"{cmd[0]} failed ({code}): {p.stderr.read().decode()[-500:]}")
        out.seek(0)
        lines = out.read().count(b"\n")
        reported = peak.read().split()
        rss = int(reported[-1]) / 1024 if timed is not cmd and reported else usage.ru_maxrss / 1024
    return dt, usage.ru_utime + usage.ru_stime, rss, lines


def best(cmd, runs):
    """Fastest of `runs` by CPU time (wall, cpu, rss, lines), with the largest peak RSS."""
    results = [run(cmd) for _ in range(runs)]
    wall, cpu, _, lines = min(results, key=lambda r: r[1])
    return wall, cpu, max(r[2] for r in results), lines


def median(cmd, runs):
    results = [run(cmd) for _ in range(runs)]
    return (statistics.median(r[0] for r in results), statistics.median(r[1] for r in results),
            max(r[2] for r in results), results[0][3])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--binary", default=str(ROOT / "target/release/scrapelint"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--one-file-runs", type=int, default=20)
    ap.add_argument("--jobs", type=int, default=os.cpu_count(), help="threads for both tools")
    ap.add_argument("--dir", help="keep the corpus here (reused when it exists)")
    ap.add_argument("--skip-corpus", action="store_true", help="only the one-file and start-up rows")
    a = ap.parse_args()
    if not shutil.which("rg"):
        sys.exit("ripgrep not installed (apt-get install ripgrep)")
    tmp = Path(a.dir) if a.dir else Path(tempfile.mkdtemp(prefix="scrapelint-bench-"))
    try:
        marker = tmp / f".generated-{a.files}-{a.seed}"
        if marker.exists():
            size = sum(p.stat().st_size for p in tmp.rglob("*.txt"))
        else:
            shutil.rmtree(tmp, ignore_errors=True)
            tmp.mkdir(parents=True)
            size = generate(tmp, a.files, a.seed)
            marker.touch()
        pats = tmp / "phrases.list"
        pats.write_text("\n".join(phrases()) + "\n", encoding="utf-8")
        one = tmp / "000" / "000000.txt"
        sl = [a.binary, "check", "--isolated", "--fail-on", "never"]
        rg = ["rg", "-F", "-i", "-f", str(pats), "--no-ignore", "--no-messages"]
        print(f"corpus: {a.files} files, {size / 1e6:.1f} MB, {len(phrases())} phrases, "
              f"{a.jobs} threads, cores: {os.cpu_count()}")
        print("MB/s and files/s are per CPU second (user + system): on a shared machine wall\n"
              "time measures the neighbours; on an idle one, wall is about CPU / threads.")
        print(f"{'':28} {'wall s':>8} {'CPU s':>8} {'MB/s':>8} {'files/s':>9} {'RSS MiB':>8} "
              f"{'x rg CPU':>9}")

        def row(name, r, n, mb, base=None):
            wall, cpu, rss, _ = r
            ratio = f"{cpu / base[1]:9.1f}" if base else ""
            cpu_ = max(cpu, 1e-6)
            print(f"{name:28} {wall:8.3f} {cpu:8.3f} {mb / cpu_:8.1f} {n / cpu_:9.0f} {rss:8.0f} "
                  f"{ratio:>9}")

        if not a.skip_corpus:
            rgc = best(rg + ["--threads", str(a.jobs), str(tmp)], a.runs)
            slc = best(sl + ["--format", "jsonl", "--threads", str(a.jobs), str(tmp)], a.runs)
            row("rg phrase scan, corpus", rgc, a.files, size / 1e6)
            row("scrapelint check, corpus", slc, a.files, size / 1e6, rgc)
            print(f"{'':28} ({rgc[3]} rg lines, {slc[3]} diagnostics)")
        one_mb = one.stat().st_size / 1e6
        rg1 = median(rg + [str(one)], a.one_file_runs)
        sl1 = median(sl + [str(one)], a.one_file_runs)
        rules = median([a.binary, "rules"], a.one_file_runs)
        row(f"rg, one file ({one.stat().st_size} B)", rg1, 1, one_mb)
        row("scrapelint check, one file", sl1, 1, one_mb, rg1)
        print(f"{'scrapelint rules':28} {rules[0]:8.3f} {rules[1]:8.3f} {'':8} {'':9} {rules[2]:8.0f}")
    finally:
        if not a.dir:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
