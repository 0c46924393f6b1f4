#!/usr/bin/env python3
"""Off-topic detection when the donor of a splice is another file of the same run.

usage: scripts/eval_provenance.py [--binary target/release/scrapelint] SET...

For each spliced set (fixtures/spliced, fixtures/spliced-same: docs/, splices.jsonl,
donors from fixtures/corpus/articles), builds one run in a temporary folder: the
spliced articles, plus the donor articles (as `donors/<name>`), leaving out every
article that is the host of a splice (a host's original beside its spliced copy
would be two versions of one story). Runs `scrapelint check --format json` on it and
reports, at warning level:
  recall     spliced paragraphs (whose donor is in the run) flagged off-topic;
  precision  off-topic warnings on any file of the run that cover a spliced paragraph;
  named      flagged splices whose message names the donor file.
Standard library only.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "fixtures", "corpus", "articles")


def run(binary, set_dir):
    splices = [json.loads(l) for l in open(os.path.join(set_dir, "splices.jsonl")) if l.strip()]
    hosts = {s["host"] for s in splices}
    donors = sorted({s["donor"] for s in splices} - hosts)
    tmp = tempfile.mkdtemp(prefix="provenance-")
    try:
        os.makedirs(os.path.join(tmp, "donors"))
        os.makedirs(os.path.join(tmp, "spliced"))
        for d in donors:
            shutil.copy(os.path.join(CORPUS, d), os.path.join(tmp, "donors", d))
        for s in splices:
            shutil.copy(os.path.join(set_dir, "docs", s["file"]), os.path.join(tmp, "spliced", s["file"]))
        out = subprocess.run([binary, "check", "--isolated", "--format", "json", "."],
                             cwd=tmp, capture_output=True, text=True)
        if out.returncode not in (0, 1):
            sys.exit(out.stderr)
        diags = [d for d in json.loads(out.stdout)["diagnostics"]
                 if d["category"] == "off-topic" and d["severity"] in ("warning", "error")]
    finally:
        shutil.rmtree(tmp)
    evaluable = [s for s in splices if s["donor"] in donors]

    def covers(d, s):
        return (d["path"] == f"spliced/{s['file']}"
                and d["range"]["start"]["line"] <= s["paragraph_line"] <= d["range"]["end"]["line"])

    found = [s for s in evaluable if any(covers(d, s) for d in diags)]
    named = [s for s in found
             if any(covers(d, s) and f"donors/{s['donor']}" in d["message"] for d in diags)]
    correct = [d for d in diags if any(covers(d, s) for s in splices)]
    false = [d for d in diags if d not in correct]
    n = max(len(evaluable), 1)
    p = len(correct) / max(len(diags), 1)
    print(f"{os.path.relpath(set_dir, ROOT)}: {len(evaluable)} splices with the donor in the run, "
          f"{len(donors)} donor files")
    print(f"  recall {len(found)}/{len(evaluable)} = {len(found) / n:.2f}, "
          f"precision {len(correct)}/{len(diags)} = {p:.2f}, donor named {len(named)}/{len(found)}")
    for d in false:
        print(f"  FP {d['path']}:{d['range']['start']['line']} {d['rule']}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=os.path.join(ROOT, "target", "release", "scrapelint"))
    ap.add_argument("sets", nargs="+")
    args = ap.parse_args()
    for s in args.sets:
        run(os.path.abspath(args.binary), os.path.abspath(s))


if __name__ == "__main__":
    main()
