#!/usr/bin/env python3
"""Boilerplate figures of a scrapelint build on one part of the split training sets.

    RULE: `--part sealed` is run ONCE, at the end, after every choice is made; its
    figures are reported, never tuned on. Work on `--part develop` (the default).

usage (from the repo root):
    python3 scripts/train/evaluate.py [--binary target/release/scrapelint] [--part develop|sealed]
    python3 scripts/train/evaluate.py --cv target/split/cv    # after fit_classifier.py --cv-dir target/split/cv

For each of train/naive, train/recall, train-multi/naive and train-multi/recall it
materialises the part (scripts/train/split.py), runs `scrapelint check --format json`
once, and scores the diagnostics with ../shared/tools/score-lines twice: all of them
(any level), and warnings and errors only (what a user sees by default; `info` is the
lower-confidence band). It prints boilerplate precision and recall at both levels and
the share of clean lines that get a boilerplate warning or error, and any warning or
error, as a Markdown table.
"""
import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import split  # noqa: E402

SETS = ("train-naive", "train-recall", "multi-naive", "multi-recall")
SCORE_LINES = split.SHARED / "tools" / "score-lines"


def summary(binary, set_dir, diag_json):
    out = subprocess.run(
        [sys.executable, str(SCORE_LINES), binary, str(set_dir), "--json", str(diag_json)],
        capture_output=True, text=True, check=True,
    ).stdout
    last = out.strip().splitlines()[-1]
    return dict(re.findall(r"(\w+)=(\S+)", last))


def check(binary, docs, extra=()):
    run = subprocess.run([binary, "check", "--isolated", *extra, "--format", "json", str(docs)],
                         capture_output=True, text=True)
    try:
        return json.loads(run.stdout)
    except json.JSONDecodeError:
        sys.exit(f"error: {binary} check {docs} failed: {run.stderr.strip()[-500:]}")


def cross_validated(binary, name, set_dir, cv):
    """Each develop page checked by the fold model that saw none of its site."""
    folds = json.loads((cv / "folds.json").read_text(encoding="utf-8"))[name]
    report = {"diagnostics": []}
    for k, files in sorted(folds.items()):
        docs = set_dir.parent / f"cv-{k}" / "docs"
        if docs.exists():
            shutil.rmtree(docs)
        docs.mkdir(parents=True)
        for f in files:
            split.link_or_copy(set_dir / "docs" / f, docs / f)
        rules = ["--rules", str(cv / f"fold-{k}.toml"), "--ignore", "boilerplate.line-classifier"]
        report["diagnostics"] += check(binary, docs, rules)["diagnostics"]
    return report


def evaluate(binary, name, part, cv):
    set_dir = split.materialise(name, part, split.ROOT / "target" / "split")
    if cv:
        report = cross_validated(binary, name, set_dir, cv)
    else:
        report = check(binary, set_dir / "docs")
    warnings = dict(report, diagnostics=[d for d in report["diagnostics"] if d.get("severity") in ("warning", "error")])
    with tempfile.TemporaryDirectory() as tmp:
        anyp, warnp = Path(tmp) / "any.json", Path(tmp) / "warn.json"
        anyp.write_text(json.dumps(report), encoding="utf-8")
        warnp.write_text(json.dumps(warnings), encoding="utf-8")
        a = summary(binary, set_dir, anyp)
        w = summary(binary, set_dir, warnp)
    return {
        "warn_P": w["bp_P"], "warn_R": w["bp_R"],
        "any_P": a["bp_P"], "any_R": a["bp_R"],
        "clean_warned": w["clean_fp_rate"],
        "clean_bp_warned": dict(kv.split(":") for kv in w["clean_fp_by_cat"].split(",") if ":" in kv).get("boilerplate", "0.000"),
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", default="target/release/scrapelint")
    ap.add_argument("--part", choices=split.PARTS, default="develop")
    ap.add_argument("--cv", type=Path, help="folder written by fit_classifier.py --cv-dir: score each develop "
                    "page with the fold model that did not see its site")
    a = ap.parse_args()
    if a.cv and a.part != "develop":
        sys.exit("error: --cv is for the develop part")
    label = "develop, site-grouped CV" if a.cv else a.part
    print(f"| set ({label}) | warning P | warning R | any-level P | any-level R | clean lines with a boilerplate warning | with any warning |")
    print("|---|---|---|---|---|---|---|")
    for name in SETS:
        r = evaluate(a.binary, name, a.part, a.cv)
        print(f"| {name} | {r['warn_P']} | {r['warn_R']} | {r['any_P']} | {r['any_R']} | {r['clean_bp_warned']} | {r['clean_warned']} |")


if __name__ == "__main__":
    main()
