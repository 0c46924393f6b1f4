#!/usr/bin/env python3
"""Paragraph-level off-topic precision and recall of a build on spliced sets.

usage (from the repo root, after `cargo build --release`):
    python3 scripts/train/eval_offtopic.py fixtures/spliced fixtures/spliced-same ../shared/train/offtopic
    python3 scripts/train/eval_offtopic.py --model rules/data/offtopic-model-lexical.json \\
        --thresholds 0.76,0.76 fixtures/spliced-same

A set is a directory with `docs/` and `splices.jsonl` (fixtures: `paragraph_line`;
../shared/train/offtopic: `line`). A spliced paragraph is found when an off-topic
diagnostic of at least the given severity covers its line; precision is the share
of off-topic diagnostics that cover a spliced paragraph (one diagnostic per flagged
paragraph, its headline included). Each set is scored checked as one run and one
file at a time, as tests/sets.rs does.

`--curve` also runs the rules with both thresholds at 0.01 and prints, per set
(checked as one run), recall and precision at each probability a diagnostic's
message reports: the best any threshold could do. Only the learned rules' guards
apply then (the info rule's, as it sees the most paragraphs).

`--model` (with `--thresholds WARNING,INFO`) runs the built-in off-topic rules with
another model file: the rule file is copied beside it into a temporary directory,
with `--no-default-rules`, so no rebuild is needed. Standard library only.
"""
import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

SEVERITY = {"info": 0, "warning": 1, "error": 2}


def splices(set_dir):
    out = {}
    for line in open(Path(set_dir) / "splices.jsonl", encoding="utf-8"):
        if line.strip():
            o = json.loads(line)
            out[o["file"]] = o.get("paragraph_line", o.get("line"))
    return out


def check(binary, args, paths):
    r = subprocess.run([binary, "check", "--format", "json", *args, *map(str, paths)], capture_output=True, text=True)
    if r.returncode not in (0, 1):
        raise SystemExit(f"{binary} failed: {r.stderr}")
    return json.loads(r.stdout)["diagnostics"]


def diagnostics(binary, args, docs, alone):
    if not alone:
        return check(binary, args, [docs])
    files = sorted(docs.glob("*.txt"))
    with ThreadPoolExecutor(max_workers=2) as pool:
        parts = pool.map(lambda f: check(binary, args, [f]), files)
    return [d for part in parts for d in part]


def score(diags, spliced, minimum):
    found, flagged, correct = set(), 0, 0
    for d in diags:
        if d["category"] != "off-topic" or SEVERITY[d["severity"]] < SEVERITY[minimum]:
            continue
        name = Path(d["path"]).name
        lo, hi = d["range"]["start"]["line"], d["range"]["end"]["line"]
        flagged += 1
        line = spliced.get(name)
        if line is not None and lo <= line <= hi:
            correct += 1
            found.add(name)
    return len(found), len(spliced), correct, flagged


def curve(set_dir, spliced, diags):
    """Recall and precision at every probability threshold (one run)."""
    scored = []
    for d in diags:
        m = re.search(r"probability (\d\.\d+)", d["message"])
        if d["category"] != "off-topic" or not m:
            continue
        name = Path(d["path"]).name
        lo, hi = d["range"]["start"]["line"], d["range"]["end"]["line"]
        line = spliced.get(name)
        scored.append((float(m.group(1)), line is not None and lo <= line <= hi, name))
    best = None
    for t in sorted({p for p, _, _ in scored}, reverse=True):
        hits = [(c, n) for p, c, n in scored if p >= t]
        found = len({n for c, n in hits if c})
        correct = sum(c for c, _ in hits)
        r, pr = found / len(spliced), correct / len(hits)
        print(f"{set_dir:32} t={t:.2f}  recall {found}/{len(spliced)} = {r:.3f}  precision {correct}/{len(hits)} = {pr:.3f}")
        if pr >= 0.85 and (best is None or r > best[1]):
            best = (t, r, pr)
    if best:
        print(f"{set_dir}: highest recall at precision >= 0.85: {best[1]:.3f} (t = {best[0]:.2f}, precision {best[2]:.3f})")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sets", nargs="+")
    ap.add_argument("--binary", default="target/release/scrapelint")
    ap.add_argument("--model")
    ap.add_argument("--thresholds", help="WARNING,INFO thresholds for --model")
    ap.add_argument("--rules", default="rules/off-topic.toml")
    ap.add_argument("--curve", action="store_true")
    a = ap.parse_args()
    args, tmp = [], None
    if a.curve and not a.thresholds:
        a.thresholds = "0.01,0.01"
        a.model = a.model or "rules/data/offtopic-model.json"
    if a.model:
        tmp = Path(tempfile.mkdtemp(prefix="offtopic-eval-"))
        (tmp / "data").mkdir()
        shutil.copy(a.model, tmp / "data" / "offtopic-model.json")
        text = Path(a.rules).read_text(encoding="utf-8")
        if a.thresholds:
            values = iter(a.thresholds.split(","))
            text = re.sub(r"^threshold = .*$", lambda m: f"threshold = {next(values)}", text, flags=re.M)
        (tmp / "off-topic.toml").write_text(text, encoding="utf-8")
        args = ["--isolated", "--no-default-rules", "--rules", str(tmp / "off-topic.toml")]
    try:
        for s in a.sets:
            spliced = splices(s)
            if a.curve:
                curve(s, spliced, diagnostics(a.binary, args, Path(s) / "docs", False))
                continue
            for alone in (False, True):
                diags = diagnostics(a.binary, args, Path(s) / "docs", alone)
                how = "one file at a time" if alone else "one run"
                for minimum in ("warning", "info"):
                    found, total, correct, flagged = score(diags, spliced, minimum)
                    p = correct / flagged if flagged else 1.0
                    print(f"{s:32} {how:18} {minimum:>7}+  recall {found}/{total} = {found / total:.3f}  precision {correct}/{flagged} = {p:.3f}")
    finally:
        if tmp:
            shutil.rmtree(tmp)


if __name__ == "__main__":
    sys.exit(main())
