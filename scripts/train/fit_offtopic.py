#!/usr/bin/env python3
"""Fit scrapelint's off-topic combiner on splices of real articles.

usage (from the repo root):
    python3 -m venv .venv-train && .venv-train/bin/pip install -r scripts/train/requirements.txt
    cargo build --release
    .venv-train/bin/python scripts/train/fit_offtopic.py [--train ../shared/train] \\
        [--out rules/data/offtopic-model.json] [--lexical-out rules/data/offtopic-model-lexical.json]

1. Training splices. Hosts and donors are the real articles of `TRAIN/recall/docs`
   (pages of 42 news sites; never fixtures/corpus, whose articles make the test sets).
   Non-English pages are left out. Each host gets CROSS splices (donor: a random
   article of another site) and SAME splices (donor: the articles of other sites most
   similar to the host by TF-IDF cosine, so that word overlap is hard, but under
   SAME_STORY, above which two articles report one story), one donor paragraph each,
   a third of them
   with the donor's headline line above it, half of the documents with blank lines
   between paragraphs; the untouched host is kept as well. Donor paragraphs are
   clean-labelled lines of at least 12 words that are not a bare quote; the
   paragraph goes after the host's 3rd to next-to-last clean line. Seeded, so two
   runs write the same files (into a temporary directory, deleted afterwards).
2. Features come from `scrapelint features --paragraphs` (the same Rust code the
   rule runs, each file measured alone). A row is positive when it is the spliced
   paragraph, negative when it is a host line labelled clean; boilerplate and
   unlabelled lines are left out.
3. A logistic regression on standardised features (the format of
   classifier::model::Layer), cross-validated with GroupKFold by the host's site,
   so no article of a held-out site (as host or as the page a row comes from) is
   seen in fitting. C is picked by held-out log-loss. Each rule's threshold is the
   lowest probability whose held-out precision, on a mix of one spliced document
   (cross-topic or same-register, as many of each) per untouched one (the fixture
   sets' mix), reaches the rule's target (warning 0.95, info 0.85), the warning rule
   also flagging no clean paragraph of an untouched article, plus a margin of
   CLEAN_MARGIN (0.05). The figures are printed and stored in the model
   file. The same is done without the five semantic features (weights 0) for the
   lexical-only model.

When the combiner's inputs change (FEATURES in src/rules/cohesion/combiner.rs), the
shipped models no longer load, and neither does the `features` command that this
script needs: `--placeholder` first writes zero-weight models over the new inputs
(read from that source file), then `cargo build --release` and fit as usual.

The rule guards (min-content-words, min-document-words, max-quoted-share) are read
from rules/off-topic.toml and applied as the rule applies them.
"""
import argparse
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlparse

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score
from sklearn.model_selection import GroupKFold


sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from make_spliced import is_pure_quote  # noqa: E402  the fixture sets' rule for donors

SEED = "scrapelint-offtopic-train-v1"
CROSS_PER_HOST = 5
SAME_PER_HOST = 5
MIN_DONOR_WORDS = 12
# Above this TF-IDF cosine two articles report the same story (the impeachment
# hearings, the Hong Kong protests, Stadia reviews from two sites): a paragraph of one
# belongs in the other, so it is no same-register donor.
SAME_STORY = 0.2
# An article is English when at least this share of its words are common English
# function words; the others (Korean, German, Portuguese, Russian pages) are left out.
MIN_ENGLISH = 0.2
ENGLISH = set("the a an and or but of to in on at for with by from as is was are were be been has have had it its this that he she they we i you not".split())
SEMANTIC_PREFIX = "sem_"
# Per rule: held-out precision to reach (one spliced document per untouched one), and
# the share of clean paragraphs of untouched articles it may flag. A warning on an
# article line costs more than a miss: the warning rule may flag none.
TARGETS = {"off-topic.insertion": (0.95, 0.0), "off-topic.possible-insertion": (0.85, 1.0)}
# Added to a threshold that must flag no clean paragraph: "none" is measured on only
# 57 articles (about 900 paragraphs), so the threshold keeps a margin above the
# highest-scoring held-out clean paragraph.
CLEAN_MARGIN = 0.05
CS = [0.01, 0.03, 0.1, 0.3, 1.0, 3.0]


# ------------------------------------------------------------------ articles
def load_split_articles(sets):
    """The develop pages of line-labelled sets of the split (scripts/train/split.json,
    laid out by split.py under target/split), each page's site from the split."""
    split = json.loads((Path(__file__).parent / "split.json").read_text())
    out = []
    for name in sets:
        folder = Path(__file__).resolve().parents[2] / "target" / "split" / name / "develop"
        if not (folder / "labels.jsonl").exists():
            sys.exit(f"{folder} is missing: run python3 scripts/train/split.py {name} develop")
        sites = split["sets"][name]["sites"]
        for a in load_articles(folder, direct=True):
            a["site"] = sites.get(a["file"], a["site"])
            a["file"] = f"{name}--{a['file']}"
            out.append(a)
    return out


def load_articles(root, direct=False):
    d = Path(root) if direct else Path(root) / "recall"
    labels = defaultdict(dict)
    for line in open(d / "labels.jsonl", encoding="utf-8"):
        o = json.loads(line)
        labels[o["file"]][o["line"]] = o["label"]
    site = {}
    for line in open(d / "meta.jsonl", encoding="utf-8"):
        o = json.loads(line)
        if "url" in o:
            site[o["file"]] = urlparse(o["url"]).netloc.removeprefix("www.")
    articles = []
    for path in sorted((d / "docs").glob("*.txt")):
        lines = path.read_text(encoding="utf-8").split("\n")
        while lines and not lines[-1].strip():
            lines.pop()
        lab = labels[path.name]
        clean = [i for i in range(1, len(lines)) if lab.get(i + 1) == "clean" and lines[i].strip()]
        articles.append({
            "file": path.name,
            "site": site.get(path.name, path.name),
            "lines": lines,
            "labels": lab,
            "clean": clean,
            "text": " ".join(lines[i] for i in clean),
        })
    return [a for a in articles if english_share(a["text"]) >= MIN_ENGLISH]


def english_share(text):
    words = re.findall(r"\w+", text.lower())
    return sum(w in ENGLISH for w in words) / max(1, len(words))


def donor_paragraphs(a):
    return [i for i in a["clean"] if len(a["lines"][i].split()) >= MIN_DONOR_WORDS and not is_pure_quote(a["lines"][i])]


# ------------------------------------------------------------------ splices
def build_docs(articles, out_dir):
    """Writes the training documents; returns per file its host, kind and row labels."""
    rng = random.Random(SEED)
    tfidf = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=1).fit_transform([a["text"] for a in articles])
    sim = (tfidf @ tfidf.T).toarray()
    docs = {}
    used = set()
    for h, host in enumerate(articles):
        clean = host["clean"]
        others = [j for j, a in enumerate(articles) if a["site"] != host["site"] and donor_paragraphs(a)]
        plans = []
        if len(clean) >= 6:
            cross = rng.sample(others, CROSS_PER_HOST)
            same = sorted((j for j in others if sim[h, j] < SAME_STORY), key=lambda j: -sim[h, j])[:SAME_PER_HOST]
            plans = [("cross", j) for j in cross] + [("same", j) for j in same]
        plans.append(("clean", None))
        for n, (kind, j) in enumerate(plans):
            lines = list(host["lines"])
            # Host line (0-based) of each output line, or a tag for inserted lines.
            origin = list(range(len(lines)))
            if j is not None:
                donor = articles[j]
                cands = [i for i in donor_paragraphs(donor) if (j, i) not in used] or donor_paragraphs(donor)
                para = rng.choice(cands)
                used.add((j, para))
                after = rng.choice(clean[2:-1])  # after the 3rd .. next-to-last clean line
                block = [donor["lines"][para]]
                tags = ["spliced"]
                if rng.random() < 1 / 3:
                    block.insert(0, donor["lines"][0])
                    tags.insert(0, "donor-headline")
                lines[after + 1:after + 1] = block
                origin[after + 1:after + 1] = tags
            blank = rng.random() < 0.5
            out, out_origin = [], []
            for k, (line, o) in enumerate(zip(lines, origin)):
                if blank and k > 0 and not (o == "spliced" and origin[k - 1] == "donor-headline"):
                    out.append("")
                    out_origin.append(None)
                out.append(line)
                out_origin.append(o)
            name = f"{Path(host['file']).stem}__{kind}{n}.txt"
            (out_dir / name).write_text("\n".join(out) + "\n", encoding="utf-8")
            row_label = {}
            for k, o in enumerate(out_origin):
                if o == "spliced":
                    row_label[k + 1] = 1
                elif isinstance(o, int) and host["labels"].get(o + 1) == "clean":
                    row_label[k + 1] = 0
            docs[name] = {"host": host["file"], "site": host["site"], "kind": kind, "labels": row_label}
    return docs


def features(binary, directory):
    out = subprocess.run([binary, "features", "--paragraphs", str(directory)], capture_output=True, text=True, check=True)
    rows = [json.loads(l) for l in out.stdout.splitlines()]
    return rows[0]["feature_names"], rows[1:]


# ------------------------------------------------------------------ model
class Scaled:
    """Logistic regression on standardised inputs (the format of
    classifier::model::Layer), exported over a subset of the feature names."""

    def __init__(self, C):
        self.C = C

    def fit(self, X, y):
        self.mean = X.mean(axis=0)
        self.scale = X.std(axis=0)
        self.scale[self.scale == 0] = 1.0
        self.lr = LogisticRegression(C=self.C, max_iter=5000, random_state=0)
        self.lr.fit((X - self.mean) / self.scale, y)
        return self

    def export(self, names):
        return {
            "features": names,
            "mean": [round(float(v), 6) for v in self.mean],
            "scale": [round(float(v), 6) for v in self.scale],
            "weights": [round(float(v), 6) for v in self.lr.coef_[0]],
            "bias": round(float(self.lr.intercept_[0]), 6),
        }

    def proba(self, X):
        return self.lr.predict_proba((X - self.mean) / self.scale)[:, 1]

    def export_columns(self, names, columns):
        """All of `names`, the ones not in `columns` at weight 0."""
        fitted = self.export(columns)
        layer = {"features": names, "mean": [], "scale": [], "weights": [], "bias": fitted["bias"]}
        for n in names:
            k = columns.index(n) if n in columns else None
            layer["mean"].append(fitted["mean"][k] if k is not None else 0.0)
            layer["scale"].append(fitted["scale"][k] if k is not None else 1.0)
            layer["weights"].append(fitted["weights"][k] if k is not None else 0.0)
        return layer


def rule_guards(toml_path):
    rules = tomllib.loads(Path(toml_path).read_text(encoding="utf-8"))["rule"]
    return {r["id"]: {
        "min_content_words": r.get("min-content-words", 1),
        "min_document_words": r.get("min-document-words", 0),
        "max_quoted_share": r.get("max-quoted-share", 1.0),
    } for r in rules}


def passes(info, g):
    return (info["content_words"] >= g["min_content_words"]
            and info["document_words"] >= g["min_document_words"]
            and (info["quoted"] <= g["max_quoted_share"] or info["headline"] > 0))


def held_out(X, y, groups, C):
    p = np.zeros(len(y))
    for tr, te in GroupKFold(n_splits=5).split(X, y, groups):
        p[te] = Scaled(C).fit(X[tr], y[tr]).proba(X[te])
    return p


def log_loss(p, y):
    p = np.clip(p, 1e-9, 1 - 1e-9)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def figures(p, t, data, mask):
    """Held-out figures at threshold t over the rows in `mask` (a rule's guards).

    Per kind of splice: recall (spliced paragraphs flagged), false alarms per
    spliced and per untouched document, and the precision of a set with one
    spliced document per untouched one (the fixture sets' mix). A spliced
    paragraph the guards leave out counts as missed."""
    out = {}
    flagged = (p >= t) & mask
    untouched = [n for n, d in data["docs"].items() if d["kind"] == "clean"]
    fp_clean = sum(int(flagged[data["by_doc"][n]].sum()) for n in untouched) / len(untouched)
    clean_rows = sum(len(data["by_doc"][n]) for n in untouched)
    for kind in ("cross", "same"):
        names = [n for n, d in data["docs"].items() if d["kind"] == kind]
        tp = fp = 0
        for n in names:
            rows = data["by_doc"][n]
            tp += int((flagged[rows] & (data["y"][rows] == 1)).sum())
            fp += int((flagged[rows] & (data["y"][rows] == 0)).sum())
        recall = tp / len(names)
        fp_per_doc = fp / len(names)
        flags = recall + fp_per_doc + fp_clean
        out[kind] = {
            "recall": round(recall, 4),
            "precision_1to1": round(recall / flags, 4) if flags else None,
            "false_per_spliced_doc": round(fp_per_doc, 4),
        }
    # Both kinds of splice, as many spliced documents as untouched ones.
    recall = (out["cross"]["recall"] + out["same"]["recall"]) / 2
    fp = (out["cross"]["false_per_spliced_doc"] + out["same"]["false_per_spliced_doc"]) / 2
    flags = recall + fp + fp_clean
    out["pooled"] = {"recall": round(recall, 4), "precision_1to1": round(recall / flags, 4) if flags else None}
    out["untouched"] = {"false_per_doc": round(fp_clean, 4),
                        "clean_paragraphs_flagged": round(fp_clean * len(untouched) / max(1, clean_rows), 4)}
    return out


def pick_threshold(p, data, mask, target):
    precision, clean = target
    for t in np.round(np.arange(0.05, 0.991, 0.01), 2):
        f = figures(p, t, data, mask)
        if (f["pooled"]["precision_1to1"] or 0) >= precision and f["untouched"]["clean_paragraphs_flagged"] <= clean:
            if clean == 0:
                t = round(min(0.99, t + CLEAN_MARGIN), 2)
                f = figures(p, t, data, mask)
            return float(t), f
    return 0.99, figures(p, 0.99, data, mask)


def fit_variant(label, names, columns, data, guards, out_path):
    cols = [names.index(c) for c in columns]
    X, y, groups = data["X"][:, cols], data["y"], data["groups"]
    fit_mask = data["masks"]["off-topic.possible-insertion"]
    print(f"\n=== {label}: {len(columns)} features, fitted on {int(fit_mask.sum())} rows ({int(y[fit_mask].sum())} spliced)")
    losses = {}
    for C in CS:
        p = np.zeros(len(y))
        p[fit_mask] = held_out(X[fit_mask], y[fit_mask], groups[fit_mask], C)
        losses[C] = log_loss(p[fit_mask], y[fit_mask])
    C = min(losses, key=losses.get)
    print("held-out log-loss by C: " + ", ".join(f"{c}: {l:.4f}" for c, l in losses.items()) + f"  -> C = {C}")
    p = np.zeros(len(y))
    p[fit_mask] = held_out(X[fit_mask], y[fit_mask], groups[fit_mask], C)
    kinds = np.array([data["docs"][n]["kind"] for n in data["row_doc"]])
    ap = {}
    for kind in ("all", "cross", "same"):
        sel = fit_mask & ((kinds == kind) | (y == 0) | (kind == "all"))
        ap[kind] = round(float(average_precision_score(y[sel], p[sel])), 4)
    print(f"held-out average precision: all {ap['all']:.3f}, cross-topic {ap['cross']:.3f}, same-register {ap['same']:.3f}")
    validation = {"method": "GroupKFold(5) by host site over training splices of recall/ articles", "C": C,
                  "average_precision": ap, "rules": {}}
    for rule, target in TARGETS.items():
        mask = data["masks"][rule] & fit_mask
        t, f = pick_threshold(p, data, mask, target)
        print(f"{rule}: threshold {t:.2f} (held-out precision at least {target[0]} with 1 spliced : 1 untouched, clean paragraphs flagged at most {target[1]})")
        for kind in ("cross", "same", "pooled"):
            k = f[kind]
            extra = f"  false alarms per spliced doc {k['false_per_spliced_doc']:.3f}" if kind != "pooled" else ""
            print(f"  {kind:6}  recall {k['recall']:.3f}  precision {k['precision_1to1']:.3f}{extra}")
        print(f"  untouched: false alarms per doc {f['untouched']['false_per_doc']:.3f}, clean paragraphs flagged {f['untouched']['clean_paragraphs_flagged']:.4f}")
        curve = {f"{u:.2f}": figures(p, u, data, mask) for u in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)}
        for u, c in curve.items():
            print(f"    t={u}  pooled recall {c['pooled']['recall']:.3f} precision {c['pooled']['precision_1to1']:.3f}"
                  f"  (cross {c['cross']['recall']:.3f}/{c['cross']['precision_1to1']:.3f}, same {c['same']['recall']:.3f}/{c['same']['precision_1to1']:.3f}),"
                  f" clean paragraphs flagged {c['untouched']['clean_paragraphs_flagged']:.4f}")
        validation["rules"][rule] = {"threshold": t, "target_precision": target[0], "max_clean_flagged": target[1], "held_out": f, "curve": curve}
    model = Scaled(C).fit(X[fit_mask], y[fit_mask])
    weights = dict(zip(columns, model.lr.coef_[0]))
    print("weights (standardised): " + ", ".join(f"{n} {w:+.2f}" for n, w in sorted(weights.items(), key=lambda kv: -abs(kv[1]))))
    doc = {"version": 1, "stage1": model.export_columns(names, columns), "validation": validation}
    Path(out_path).write_text(json.dumps(doc, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {out_path}")
    return {rule: v["threshold"] for rule, v in validation["rules"].items()}


def write_placeholders(paths):
    source = Path(__file__).resolve().parents[2] / "src/rules/cohesion/combiner.rs"
    block = re.search(r"pub\(crate\) const FEATURES: &\[&str\] = &\[(.*?)\];", source.read_text(encoding="utf-8"), re.S)
    names = re.findall(r'"([a-z_0-9]+)"', block.group(1))
    layer = {"features": names, "mean": [0.0] * len(names), "scale": [1.0] * len(names),
             "weights": [0.0] * len(names), "bias": -10.0}
    for path in paths:
        Path(path).write_text(json.dumps({"version": 1, "stage1": layer, "validation": {"placeholder": True}}, indent=1) + "\n", encoding="utf-8")
        print(f"wrote placeholder {path} ({len(names)} inputs); now cargo build --release and fit")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", default="target/release/scrapelint")
    ap.add_argument("--train", default="../shared/train")
    ap.add_argument("--sets", nargs="+",
                    help="an experiment: fit on the develop pages of these split sets "
                    "(train-recall multi-recall) instead of --train (docs/evaluation.md)")
    ap.add_argument("--rules", default="rules/off-topic.toml")
    ap.add_argument("--out", default="rules/data/offtopic-model.json")
    ap.add_argument("--lexical-out", default="rules/data/offtopic-model-lexical.json")
    ap.add_argument("--keep", help="write the training documents here and keep them")
    ap.add_argument("--placeholder", action="store_true",
                    help="only write zero-weight models over the inputs listed in combiner.rs, so a build loads")
    a = ap.parse_args()
    if a.placeholder:
        return write_placeholders([a.out, a.lexical_out])

    articles = load_split_articles(a.sets) if a.sets else load_articles(a.train)
    tmp = Path(a.keep) if a.keep else Path(tempfile.mkdtemp(prefix="offtopic-train-"))
    tmp.mkdir(parents=True, exist_ok=True)
    try:
        docs = build_docs(articles, tmp)
        names, rows = features(a.binary, tmp)
    finally:
        if not a.keep:
            shutil.rmtree(tmp)
    guards = rule_guards(a.rules)
    X, y, groups, infos, by_doc, row_doc = [], [], [], [], defaultdict(list), []
    for r in rows:
        name = Path(r["path"]).name
        d = docs[name]
        label = d["labels"].get(r["lines"][1])
        if label is None:
            continue
        by_doc[name].append(len(y))
        row_doc.append(name)
        X.append(r["values"])
        y.append(label)
        groups.append(d["site"])
        infos.append(r["info"])
    data = {
        "docs": docs,
        "X": np.array(X, dtype=np.float64),
        "y": np.array(y),
        "groups": np.array(groups),
        "by_doc": {n: np.array(v, dtype=np.int64) for n, v in by_doc.items()},
        "row_doc": row_doc,
        "masks": {rule: np.array([passes(i, g) for i in infos]) for rule, g in guards.items()},
    }
    for n in docs:
        data["by_doc"].setdefault(n, np.array([], dtype=np.int64))
    kinds = defaultdict(int)
    for d in docs.values():
        kinds[d["kind"]] += 1
    print(f"{len(articles)} articles from {len(set(a['site'] for a in articles))} sites; "
          f"{kinds['cross']} cross-topic and {kinds['same']} same-register splices, {kinds['clean']} untouched; "
          f"{len(y)} labelled paragraphs, {int(data['y'].sum())} spliced")
    full = fit_variant("with semantic features", names, names, data, guards, a.out)
    lexical = fit_variant("lexical only (no semantic features)", names, [n for n in names if not n.startswith(SEMANTIC_PREFIX)], data, guards, a.lexical_out)
    print("\nthresholds to put in rules/off-topic.toml: " + json.dumps(full))
    print("lexical-only thresholds (for the comparison): " + json.dumps(lexical))


if __name__ == "__main__":
    sys.exit(main())
