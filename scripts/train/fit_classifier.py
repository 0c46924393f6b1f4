#!/usr/bin/env python3
"""Fit scrapelint's line classifier (boilerplate.line-classifier) on develop sites.

    RULE: only the *develop* part of scripts/train/split.json is read here. Sealed
    sites are for one final measurement (scripts/train/evaluate.py --part sealed); no
    feature, weight, smoothing parameter or threshold may be chosen by looking at them.

usage (from the repo root):
    python3 -m venv .venv-train && .venv-train/bin/pip install -r scripts/train/requirements.txt
    cargo build --release
    .venv-train/bin/python scripts/train/fit_classifier.py [--out rules/data/line-classifier.json]

Features come from `scrapelint features` (the same Rust code the rule runs): the 35
layout features and the hashed word, word-pair and character n-grams of the line
and the words of its neighbours (`src/rules/classifier/hashed.rs`; Python never
re-tokenises). One logistic regression over both (layout features standardised;
L1, which keeps a few thousand non-zero weights and fits in a minute; `--penalty l2`
takes ten times longer), fitted on the develop pages of train/{naive,recall} and
train-multi/{naive,recall}. A two-state hidden Markov pass (smoothing.rs, the same
recursion as `posteriors` below) turns line probabilities into region-aware ones.

Validation is by site: GroupKFold(5) over develop sites, so every develop page is
predicted by a model that saw none of its site. The smoothing parameters and both
thresholds are chosen on those out-of-fold predictions, precision first:
the warning threshold is the lowest at which the classifier's own flags (lines no
earlier rule flags), pooled over the four sets, are right 9 times in 10 and flag at
most 0.5% of the clean lines of any set; the info threshold the lowest at which they
are right 3 times in 4 and flag at most 2%.
The output is the same byte for byte for the same features (fixed folds, solver
seed, rounding and key order).
"""
import argparse
import itertools
import json
import pickle
import subprocess
import sys
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

sys.path.insert(0, str(Path(__file__).resolve().parent))
import split  # noqa: E402

SETS = ("train-naive", "train-recall", "multi-naive", "multi-recall")
BUCKETS = 1 << 18
SEED = 0
MIN_LINES = 5
FOLDS = 5
WARN_PRECISION = 0.90
WARN_CLEAN_SHARE = 0.005
INFO_PRECISION = 0.75
INFO_CLEAN_SHARE = 0.02
THRESHOLDS = [round(t, 2) for t in np.arange(0.30, 0.97, 0.02)] + [0.97, 0.98, 0.99]


def load_set(binary, name, cache):
    """Develop documents of one set: dense features, hashed features, labels."""
    folder = split.materialise(name, "develop", split.ROOT / "target" / "split")
    cached = folder / "features.pickle"
    if cache and cached.exists():
        return pickle.loads(cached.read_bytes())
    sites = json.loads(split.SPLIT.read_text(encoding="utf-8"))["sets"][name]["sites"]
    labels = {}
    for line in open(folder / "labels.jsonl", encoding="utf-8"):
        o = json.loads(line)
        if o["label"] in ("clean", "boilerplate"):
            labels[(o["file"], o["line"])] = int(o["label"] == "boilerplate")
    proc = subprocess.Popen([binary, "features", str(folder / "docs")], stdout=subprocess.PIPE, text=True)
    names = json.loads(proc.stdout.readline())["feature_names"]
    docs = {}
    for raw in proc.stdout:
        r = json.loads(raw)
        h = np.array(r["hashed"], dtype=np.float64).reshape(-1, 2)
        docs.setdefault(Path(r["path"]).name, []).append(
            (r["line"], np.array(r["values"]), h[:, 0].astype(np.int64), h[:, 1], bool(r.get("wrapped", False))))
    if proc.wait() != 0:
        sys.exit(f"error: {binary} features failed")
    result = []
    for f in sorted(docs):
        rows = docs[f]
        X = np.array([r[1] for r in rows], dtype=np.float64)
        indptr = np.cumsum([0] + [len(r[2]) for r in rows])
        H = sparse.csr_matrix((np.concatenate([r[3] for r in rows]), np.concatenate([r[2] for r in rows]), indptr),
                              shape=(len(rows), BUCKETS))
        y = np.array([labels.get((f, r[0]), -1) for r in rows], dtype=np.int64)
        wrapped = np.array([r[4] for r in rows], dtype=bool)
        result.append({"set": name, "file": f, "site": sites[f], "X": X, "H": H, "y": y, "wrapped": wrapped})
    cached.write_bytes(pickle.dumps((names, result)))
    return names, result


class LineModel:
    """Logistic regression over standardised layout features and hashed n-grams."""

    def __init__(self, C, recall_weight=1.0, penalty="l1", layout_only=False):
        self.C = C
        self.layout_only = layout_only
        self.penalty = penalty
        self.recall_weight = recall_weight

    def design(self, X, H):
        if self.layout_only:
            # the words' columns stay, empty, so the export keeps its layout
            H = sparse.csr_matrix(H.shape)
        return sparse.hstack([sparse.csr_matrix((X - self.mean) / self.scale), H]).tocsr()

    def fit(self, docs):
        X = np.concatenate([d["X"][d["y"] >= 0] for d in docs])
        H = sparse.vstack([d["H"][d["y"] >= 0] for d in docs])
        y = np.concatenate([d["y"][d["y"] >= 0] for d in docs])
        # Extractor output (`recall`) has few leftovers among many article lines; its
        # pages weigh more so the model does not learn the whole-container share.
        w = np.concatenate([np.full(int((d["y"] >= 0).sum()), self.recall_weight if d["set"].endswith("recall") else 1.0)
                            for d in docs])
        self.mean = X.mean(axis=0)
        self.scale = X.std(axis=0)
        self.scale[self.scale == 0] = 1.0
        self.prior = float(y.mean())
        self.lr = LogisticRegression(C=self.C, penalty=self.penalty, solver="liblinear", max_iter=2000, random_state=SEED)
        self.lr.fit(self.design(X, H), y, sample_weight=w)
        return self

    def proba(self, d):
        return 1.0 / (1.0 + np.exp(-self.lr.decision_function(self.design(d["X"], d["H"]))))

    def export(self, names):
        coef = self.lr.coef_[0]
        dense = coef[: len(names)]
        hashed = np.round(coef[len(names):], 4)
        nz = np.flatnonzero(hashed)
        return {
            "stage1": {
                "features": names,
                "mean": [round(float(v), 6) for v in self.mean],
                "scale": [round(float(v), 6) for v in self.scale],
                "weights": [round(float(v), 6) for v in dense],
                "bias": round(float(self.lr.intercept_[0]), 6),
            },
            "hashed": {
                "buckets": BUCKETS,
                "indices": [int(i) for i in nz],
                "weights": [float(hashed[i]) for i in nz],
            },
        }


def posteriors(p, hmm):
    """Forward-backward of src/rules/classifier/smoothing.rs, line for line."""
    if hmm is None or len(p) == 0:
        return p
    sb, sa, prior, temp = hmm["stay_boilerplate"], hmm["stay_article"], hmm["prior"], hmm["temperature"]
    p = np.clip(p, 1e-6, 1 - 1e-6)
    like = np.column_stack([((1 - p) / (1 - prior)) ** temp, (p / prior) ** temp])
    T = np.array([[sa, 1 - sa], [1 - sb, sb]])
    n = len(p)
    alpha = np.zeros((n, 2))
    a = np.array([1 - prior, prior]) * like[0]
    alpha[0] = a / a.sum()
    for i in range(1, n):
        a = (alpha[i - 1] @ T) * like[i]
        alpha[i] = a / a.sum()
    beta = np.ones((n, 2))
    for i in range(n - 2, -1, -1):
        b = T @ (like[i + 1] * beta[i + 1])
        beta[i] = b / b.sum()
    g = alpha * beta
    return g[:, 1] / g.sum(axis=1)


def flags(d, p, t, bp_rule):
    """(flagged by the classifier, flagged by an earlier rule) as the rule decides."""
    earlier = d["X"][:, bp_rule] > 0
    judged = len(d["y"]) >= MIN_LINES
    own = (p >= t) & judged & ~d["wrapped"] & ~earlier
    return own, earlier


def metrics(docs, probs, t, bp_rule):
    out = {}
    for name in SETS:
        c = dict(tp=0, fp=0, fn=0, own_tp=0, own_fp=0, clean=0)
        for d, p in zip(docs, probs):
            if d["set"] != name:
                continue
            own, earlier = flags(d, p, t, bp_rule)
            flagged = own | earlier
            y = d["y"]
            c["tp"] += int(((y == 1) & flagged).sum())
            c["fp"] += int(((y == 0) & flagged).sum())
            c["fn"] += int(((y == 1) & ~flagged).sum())
            c["own_tp"] += int(((y == 1) & own).sum())
            c["own_fp"] += int(((y == 0) & own).sum())
            c["clean"] += int((y == 0).sum())
        ratio = lambda a, b: round(a / b, 4) if b else None
        out[name] = {
            "precision": ratio(c["tp"], c["tp"] + c["fp"]),
            "recall": ratio(c["tp"], c["tp"] + c["fn"]),
            "own_precision": ratio(c["own_tp"], c["own_tp"] + c["own_fp"]),
            "own_clean_flagged": ratio(c["own_fp"], c["clean"]),
            "own_flags": c["own_tp"] + c["own_fp"],
        }
    return out


def log_loss(docs, probs):
    total, n = 0.0, 0
    for d, p in zip(docs, probs):
        m = d["y"] >= 0
        q = np.clip(p[m], 1e-6, 1 - 1e-6)
        y = d["y"][m]
        total -= float((y * np.log(q) + (1 - y) * np.log(1 - q)).sum())
        n += int(m.sum())
    return total / max(1, n)


def choose_smoothing(docs, oof, prior):
    best = (log_loss(docs, oof), None)
    print(f"smoothing: none  log-loss {best[0]:.4f}")
    for sb, sa, temp in itertools.product([0.5, 0.6, 0.7, 0.85, 0.93], [0.6, 0.75, 0.85, 0.93, 0.97], [0.3, 0.4, 0.5, 0.75, 1.0]):
        hmm = {"stay_boilerplate": sb, "stay_article": sa, "prior": round(prior, 4), "temperature": temp}
        loss = log_loss(docs, [posteriors(p, hmm) for p in oof])
        if loss < best[0] - 1e-9:
            best = (loss, hmm)
    print(f"smoothing chosen: {best[1]}  log-loss {best[0]:.4f}")
    return best[1]


def own_pooled(m):
    """The classifier's own flags over all sets: precision, and the worst set's share
    of clean lines flagged."""
    tp = sum(round((m[s]["own_precision"] or 0) * m[s]["own_flags"]) for s in SETS)
    n = sum(m[s]["own_flags"] for s in SETS)
    return (tp / n if n else 1.0), max(m[s]["own_clean_flagged"] or 0 for s in SETS)


def choose_thresholds(docs, probs, bp_rule):
    table = {t: metrics(docs, probs, t, bp_rule) for t in THRESHOLDS}

    def lowest(precision, clean_share):
        ok = [t for t, m in table.items() if own_pooled(m)[0] >= precision and own_pooled(m)[1] <= clean_share]
        return min(ok, default=THRESHOLDS[-1])

    warn = lowest(WARN_PRECISION, WARN_CLEAN_SHARE)
    info = lowest(INFO_PRECISION, INFO_CLEAN_SHARE)
    return table, warn, min(info, warn)


def model_json(m, names, hmm, validation):
    exported = m.export(names)
    model = {"version": 2, "stage1": exported["stage1"], "hashed": exported["hashed"], "validation": validation}
    if hmm is not None:
        model["smoothing"] = dict(hmm, prior=round(m.prior, 4))
    return json.dumps(model, sort_keys=True, separators=(",", ":")) + "\n", len(exported["hashed"]["indices"])


CV_RULE = """[[rule]]
id = "cv.line-classifier"
kind = "classifier"
category = "boilerplate"
severity = "warning"
scope = "line"
model = "{model}"
threshold = {warn}
info-threshold = {info}
message = "cross-validation fold {fold} (p = {{probability}}): {{reasons}}"
summary = "the line classifier of one cross-validation fold"
explain = \"\"\"
The line classifier fitted without the sites of this fold's pages.

Bad:   `Subscribe to our newsletter`
Good:  `The council voted on Monday.`
\"\"\"
"""


def write_cv(root, docs, fold_of, fold_models, names, hmm, warn, info):
    """Fold models, rule files and held-out page lists, for evaluate.py --cv."""
    root.mkdir(parents=True, exist_ok=True)
    folds = {}
    for k, m in enumerate(fold_models):
        text, _ = model_json(m, names, hmm, {"fold": k})
        (root / f"fold-{k}.json").write_text(text, encoding="utf-8")
        rule = CV_RULE.format(model=f"fold-{k}.json", warn=warn, info=info, fold=k)
        (root / f"fold-{k}.toml").write_text(rule, encoding="utf-8")
    for i, d in enumerate(docs):
        folds.setdefault(d["set"], {}).setdefault(str(fold_of[i]), []).append(d["file"])
    (root / "folds.json").write_text(json.dumps(folds, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote fold models and rules to {root}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", default="target/release/scrapelint")
    ap.add_argument("--out", default="rules/data/line-classifier.json")
    ap.add_argument("--C", type=float, default=1.0)
    ap.add_argument("--penalty", choices=("l1", "l2"), default="l1")
    ap.add_argument("--layout-only", action="store_true",
                    help="fit without the hashed words (the model for articles in other languages)")
    ap.add_argument("--recall-weight", type=float, default=1.0, help="weight of lines of the recall sets")
    ap.add_argument("--oof", help="write the out-of-fold probabilities here (pickle), for reading develop errors")
    ap.add_argument("--cv-dir", help="also write each fold's model, rule file and held-out pages here, "
                    "for `evaluate.py --cv DIR` (site-grouped figures of the real binary)")
    ap.add_argument("--cache", action="store_true",
                    help="reuse target/split/SET/develop/features.pickle (after a rebuild of the binary, leave it off)")
    a = ap.parse_args()

    docs, names = [], None
    for s in SETS:
        names, ds = load_set(a.binary, s, a.cache)
        docs += ds
    bp_rule = names.index("bp_rule")
    sites = [d["site"] for d in docs]
    labelled = sum(int((d["y"] >= 0).sum()) for d in docs)
    print(f"develop: {len(docs)} pages from {len(set(sites))} sites, {labelled} labelled lines")

    oof = [None] * len(docs)
    fold_models, fold_of = [], {}
    for k, (tr, te) in enumerate(GroupKFold(n_splits=FOLDS).split(np.zeros(len(docs)), groups=sites)):
        m = LineModel(a.C, a.recall_weight, a.penalty, a.layout_only).fit([docs[i] for i in tr])
        fold_models.append(m)
        for i in te:
            oof[i] = m.proba(docs[i])
            fold_of[i] = k
        print(f"fold {k + 1}/{FOLDS} done")
    priors = [m.prior for m in fold_models]
    if a.oof:
        Path(a.oof).write_bytes(pickle.dumps([(d["set"], d["file"], p) for d, p in zip(docs, oof)]))
    hmm = choose_smoothing(docs, oof, float(np.mean(priors)))
    smoothed = [posteriors(p, hmm) for p in oof]
    table, warn, info = choose_thresholds(docs, smoothed, bp_rule)

    print("\nsite-grouped out-of-fold figures on develop (flagged = earlier boilerplate rule OR p >= t)")
    print(f"{'t':>5}  " + "  ".join(f"{s:>22}" for s in SETS))
    for t in THRESHOLDS:
        m = table[t]
        print(f"{t:5.2f}  " + "  ".join(
            f"P {m[s]['precision'] or 0:.3f} R {m[s]['recall'] or 0:.3f} own {m[s]['own_precision'] or 0:.2f}/{m[s]['own_clean_flagged'] or 0:.3f}"
            for s in SETS) + "  pooled own P {:.3f}".format(own_pooled(m)[0]))
    print(f"\nchosen: warning threshold {warn}, info threshold {info}")

    if a.cv_dir:
        write_cv(Path(a.cv_dir), docs, fold_of, fold_models, names, hmm, warn, info)
    final = LineModel(a.C, a.recall_weight, a.penalty, a.layout_only).fit(docs)
    validation = {
        "method": f"GroupKFold({FOLDS}) by site over the develop pages of {', '.join(SETS)}; "
                  f"{a.penalty.upper()} logistic regression, C={a.C}, recall-set lines weighted {a.recall_weight}",
        "warning_threshold": warn,
        "info_threshold": info,
        "at_warning": table[warn],
        "at_info": table[info],
    }
    text, nonzero = model_json(final, names, hmm, validation)
    Path(a.out).write_text(text, encoding="utf-8")
    print(f"wrote {a.out}: {len(text) / 1e6:.2f} MB, {nonzero} non-zero hashed weights")


if __name__ == "__main__":
    sys.exit(main())
