#!/usr/bin/env python3
"""Build the off-topic splice evaluation sets from the clean article pool.

usage: scripts/make_spliced.py [--check]

Reads fixtures/corpus/articles.tsv and fixtures/corpus/articles/*.txt and
writes two sets:

  fixtures/spliced/       cross-topic: the donor paragraph comes from an
                          article of a DIFFERENT section
  fixtures/spliced-same/  same-register: the donor paragraph comes from the
                          other article of the same register pair (same
                          section, same kind of story, different story)

Each set gets docs/*.txt, expected.toml (seed annotation format),
splices.jsonl, manifest.tsv and README.md. Output is deterministic: fixed
seeds, sorted inputs, no clocks. The script builds every set twice in memory
and refuses to write if the two builds differ, then checks that the line
numbers it reports point at the inserted text.

--check   build, verify and compare with the files on disk; write nothing.
          Exits 1 if anything on disk differs.

Python 3.11+ (tomllib is used for the self-check), standard library only.
"""
import hashlib
import json
import os
import random
import re
import shutil
import sys
import tomllib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "fixtures", "corpus")
SECTIONS = ["world", "politics", "business", "sport", "science",
            "health", "tech", "local", "culture"]

# (set name, output dir, seed, donor mode)
SETS = [
    ("spliced", os.path.join(ROOT, "fixtures", "spliced"), "scrapelint-spliced-v1", "cross"),
    ("spliced-same", os.path.join(ROOT, "fixtures", "spliced-same"), "scrapelint-spliced-same-v1", "same"),
]

MIN_DONOR_WORDS = 12
HEADLINE_SHARE = 3          # one splice in HEADLINE_SHARE carries the donor headline
LENGTH_CLASSES = ["short", "medium", "long"]

QUOTES_OPEN = "\"\u201c"
QUOTES_CLOSE = "\"\u201d"
ABBREVIATIONS = {"dr", "mr", "mrs", "ms", "st", "no", "gen", "lt", "col", "sgt",
                 "jr", "sr", "prof", "u.s", "a.m", "p.m", "vs", "inc", "co", "ltd",
                 "mt", "ft", "rep", "sen", "gov", "capt", "cmdr", "e.g", "i.e"}


# ------------------------------------------------------------------ corpus
def load_corpus():
    """Return the article list from articles.tsv, each with its paragraphs."""
    tsv = os.path.join(CORPUS, "articles.tsv")
    with open(tsv, encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f if line.strip()]
    header, rows = rows[0], rows[1:]
    if header[:3] != ["file", "section", "topic"]:
        raise SystemExit(f"{tsv}: unexpected header {header}")
    col = {name: i for i, name in enumerate(header)}
    articles = []
    for row in rows:
        name, section = row[col["file"]], row[col["section"]]
        register = row[col["register"]] if "register" in col else section
        if section not in SECTIONS:
            raise SystemExit(f"{name}: unknown section {section}")
        path = os.path.join(CORPUS, "articles", name)
        with open(path, encoding="utf-8", newline="") as f:
            text = f.read()
        headline, paragraphs = parse_article(name, text)
        articles.append({"file": name, "section": section, "register": register,
                         "topic": row[col["topic"]], "text": text,
                         "headline": headline, "paragraphs": paragraphs})
    on_disk = sorted(n for n in os.listdir(os.path.join(CORPUS, "articles")) if n.endswith(".txt"))
    listed = sorted(a["file"] for a in articles)
    if on_disk != listed:
        raise SystemExit(f"articles.tsv and articles/ disagree: "
                         f"{sorted(set(on_disk) ^ set(listed))}")
    articles.sort(key=lambda a: a["file"])
    return articles


def parse_article(name, text):
    """Headline on line 1, then paragraphs separated by exactly one blank line."""
    if "\r" in text or not text.endswith("\n") or text.endswith("\n\n"):
        raise SystemExit(f"{name}: must use \\n line ends and end with exactly one newline")
    lines = text[:-1].split("\n")
    if len(lines) < 3 or lines[1] != "" or any(l != "" for l in lines[1::2]):
        raise SystemExit(f"{name}: expected headline, blank line, then paragraphs with one blank line between")
    if any(not l.strip() or l != l.strip() for l in lines[0::2]):
        raise SystemExit(f"{name}: empty line or stray whitespace where text was expected")
    return lines[0], lines[2::2]


def count_sentences(paragraph):
    tokens = paragraph.split()
    count = 0
    for i, tok in enumerate(tokens):
        core = tok.rstrip(QUOTES_CLOSE + "\u2019')")
        if not core or core[-1] not in ".!?":
            continue
        stem = core[:-1].lstrip(QUOTES_OPEN + "\u2018(").lower()
        if stem in ABBREVIATIONS or re.fullmatch(r"[a-z]", stem):
            continue
        nxt = tokens[i + 1].lstrip(QUOTES_OPEN + "\u2018(") if i + 1 < len(tokens) else ""
        if i + 1 == len(tokens) or (nxt[:1].isupper() or nxt[:1].isdigit()):
            count += 1
    return max(count, 1)


def is_pure_quote(paragraph):
    """A quotation paragraph: it opens with a quotation mark and, quotes aside,
    holds no more than a bare attribution ('Ozkan said.'). Such paragraphs are
    never used as donor text."""
    p = paragraph.strip()
    if p[:1] not in QUOTES_OPEN:
        return False
    outside = re.sub(r"\"[^\"]*\"|\u201c[^\u201d]*\u201d", " ", p)
    return len(outside.split()) < 6


def length_class(paragraph):
    words = len(paragraph.split())
    sentences = count_sentences(paragraph)
    if sentences == 1 and words <= 30:
        return "short"
    if words >= 50 or sentences >= 3:
        return "long"
    return "medium"


def donor_candidates(article):
    """Paragraph indexes (0-based) usable as donor text, with their class."""
    out = []
    for j, p in enumerate(article["paragraphs"]):
        if len(p.split()) < MIN_DONOR_WORDS or is_pure_quote(p):
            continue
        out.append((j, length_class(p)))
    return out


# ------------------------------------------------------------------ build
def doc_name(set_name, host):
    return hashlib.sha256(f"{set_name}:{host}".encode()).hexdigest()[:16] + ".txt"


def render(headline, blocks):
    return headline + "\n\n" + "\n\n".join(blocks) + "\n"


def build_set(set_name, seed, mode, articles):
    rng = random.Random(seed)
    by_file = {a["file"]: a for a in articles}
    pairs = {}
    for a in articles:
        pairs.setdefault((a["section"], a["register"]), []).append(a["file"])
    for key, members in pairs.items():
        if len(members) < 2:
            raise SystemExit(f"register {key} has fewer than two articles")

    # one host per register group is spliced, the rest stay untouched, so each
    # section is split evenly and no article is both a spliced host and a clean doc
    spliced_hosts, untouched = [], []
    for key in sorted(pairs):
        members = sorted(pairs[key])
        host = rng.choice(members)
        spliced_hosts.append(host)
        untouched.extend(m for m in members if m != host)

    n = len(spliced_hosts)
    order = list(range(n))
    rng.shuffle(order)
    with_headline = set(order[: round(n / HEADLINE_SHARE)])
    targets = [LENGTH_CLASSES[i % 3] for i in range(n)]
    rng.shuffle(targets)

    donor_use = {a["file"]: 0 for a in articles}
    used_paragraphs = set()
    splices = []
    docs = {}
    for i, host_file in enumerate(spliced_hosts):
        host = by_file[host_file]
        target = targets[i]
        if mode == "cross":
            pool = [a for a in articles if a["section"] != host["section"]
                    and any(c == target for _, c in donor_candidates(a))]
            low = min(donor_use[a["file"]] for a in pool)
            donor = rng.choice([a for a in pool if donor_use[a["file"]] == low])
        else:
            group = sorted(pairs[(host["section"], host["register"])])
            donor = by_file[rng.choice([m for m in group if m != host_file])]
        donor_use[donor["file"]] += 1

        cands = [(j, c) for j, c in donor_candidates(donor)
                 if (donor["file"], j) not in used_paragraphs]
        for want in [target] + [c for c in ("medium", "short", "long") if c != target]:
            pick = [j for j, c in cands if c == want]
            if pick:
                break
        if not pick:
            raise SystemExit(f"{donor['file']}: no usable donor paragraph left")
        j = rng.choice(pick)
        if i in with_headline and 0 in pick and rng.random() < 0.5:
            j = 0           # headline + lede, like a related-story teaser
        used_paragraphs.add((donor["file"], j))
        donor_para = donor["paragraphs"][j]

        paras = host["paragraphs"]
        # insert after host paragraph k (1-based): both neighbours are middle
        # paragraphs, never paragraph 1 or 2 and never the last one
        k = rng.randint(3, len(paras) - 2)
        headline_too = i in with_headline
        block = (donor["headline"] + "\n" + donor_para) if headline_too else donor_para
        blocks = paras[:k] + [block] + paras[k:]
        name = doc_name(set_name, host_file)
        docs[name] = render(host["headline"], blocks)
        first = 2 * k + 3          # headline, blank, then paragraph p on line 2p+1
        lines = [first, first + 1] if headline_too else [first]
        splices.append({
            "file": name,
            "host": host_file,
            "donor": donor["file"],
            "lines": lines,
            "headline_line": first if headline_too else None,
            "paragraph_line": lines[-1],
            "with_headline": headline_too,
            "host_section": host["section"],
            "donor_section": donor["section"],
            "after_host_paragraph": k,
            "host_paragraphs": len(paras),
            "donor_paragraph": j + 1,
            "donor_words": len(donor_para.split()),
            "length": length_class(donor_para),
        })
    clean_docs = []
    for host_file in untouched:
        name = doc_name(set_name, host_file)
        docs[name] = by_file[host_file]["text"]
        clean_docs.append({"file": name, "host": host_file})
    if len(docs) != len(spliced_hosts) + len(untouched):
        raise SystemExit("document name collision")
    return {"docs": docs, "splices": sorted(splices, key=lambda s: s["file"]),
            "untouched": sorted(clean_docs, key=lambda d: d["file"]),
            "by_file": by_file, "mode": mode, "seed": seed}


# ------------------------------------------------------------------ outputs
def toml_str(s):
    return json.dumps(s, ensure_ascii=False)


def expected_toml(set_name, built):
    by_file = built["by_file"]
    mode = built["mode"]
    out = [
        f"# Off-topic insertions in fixtures/{set_name}/docs, generated by",
        "# scripts/make_spliced.py - do not edit by hand; rerun the script.",
        "#",
        ("# Cross-topic set: each spliced article carries ONE paragraph from an article"
         if mode == "cross" else
         "# Same-register set: each spliced article carries ONE paragraph from another"),
        ("# of a different section, sometimes with that article's headline on the line"
         if mode == "cross" else
         "# story of the same section and register, sometimes with its headline on the line"),
        "# above it. The other articles are untouched.",
        "#",
        "# [[finding]]: the inserted headline and paragraph lines, category off-topic.",
        "# [[clean]]: every other non-empty line of every document except line 1 (the",
        "# headline, left unscored as in the seeds). A warning or error on one of them",
        "# is a false positive.",
        "",
    ]
    kind = "an unrelated" if mode == "cross" else "another"
    for s in built["splices"]:
        donor = by_file[s["donor"]]
        out.append(f"# {'-' * 62} {s['file']}")
        if s["with_headline"]:
            out += ["[[finding]]",
                    f"file = {toml_str(s['file'])}",
                    f"line = {s['headline_line']}",
                    'category = "off-topic"',
                    'level = "must"',
                    "note = " + toml_str(f"headline of {kind} {donor['section']} story "
                                         f"({donor['file']}) inserted into a {s['host_section']} story"),
                    ""]
        out += ["[[finding]]",
                f"file = {toml_str(s['file'])}",
                f"line = {s['paragraph_line']}",
                'category = "off-topic"',
                'level = "must"',
                "note = " + toml_str(f"{s['length']} paragraph ({s['donor_words']} words) from {kind} "
                                     f"{donor['section']} story ({donor['file']}) inserted into a "
                                     f"{s['host_section']} story ({s['host']})"),
                ""]
    out.append(f"# {'-' * 60} clean lines")
    inserted = {s["file"]: set(s["lines"]) for s in built["splices"]}
    for name in sorted(built["docs"]):
        lines = built["docs"][name][:-1].split("\n")
        clean = [i for i, l in enumerate(lines, 1)
                 if i != 1 and l.strip() and i not in inserted.get(name, ())]
        out += ["[[clean]]",
                f"file = {toml_str(name)}",
                "lines = [" + ", ".join(map(str, clean)) + "]",
                ""]
    return "\n".join(out)


def splices_jsonl(built):
    return "".join(json.dumps(s, ensure_ascii=False) + "\n" for s in built["splices"])


def manifest_tsv(built):
    rows = [(s["file"], "spliced", s["host"], s["donor"]) for s in built["splices"]]
    rows += [(d["file"], "untouched", d["host"], "") for d in built["untouched"]]
    rows.sort()
    return "file\tkind\thost\tdonor\n" + "".join("\t".join(r) + "\n" for r in rows)


def readme(set_name, built):
    sp = built["splices"]
    n_head = sum(s["with_headline"] for s in sp)
    lengths = {c: sum(s["length"] == c for s in sp) for c in LENGTH_CLASSES}
    cross = built["mode"] == "cross"
    donor_rule = ("an article of a **different section** (cross-topic)" if cross else
                  "the other article of the **same register pair**: same section, same kind of "
                  "story (two match reports, two central-bank decisions, two wildfires...), "
                  "different story, so word overlap alone cannot tell the intruder")
    return f"""# fixtures/{set_name}: off-topic insertions, {'cross-topic' if cross else 'same-register'}

Generated by `python3 scripts/make_spliced.py` from the clean article pool in
`fixtures/corpus/` (see `fixtures/corpus/articles.tsv`). Do not edit by hand:
change the pool or the script and rerun it. The output is deterministic (seed
`{built['seed']}`); `python3 scripts/make_spliced.py --check` verifies that the
files on disk are what the script produces.

## What is in it

- `docs/`: {len(built['docs'])} articles, {len(sp)} spliced and {len(built['untouched'])} untouched.
  File names are hashes, so they do not reveal which is which.
- `expected.toml`: the annotations in the seeds' format. Each spliced article
  has a `[[finding]]` (`category = "off-topic"`, `level = "must"`) for the
  inserted paragraph's line and, when present, one for the inserted headline
  line. `[[clean]]` lists every other non-empty line of every document
  (spliced and untouched) except line 1, the headline.
- `splices.jsonl`: one object per spliced file: `file`, `host`, `donor`,
  `lines` (inserted line numbers), `headline_line`, `paragraph_line`,
  `with_headline`, sections, the host paragraph the insertion follows, the
  donor paragraph number, its word count and length class.
- `manifest.tsv`: every document with its kind, host article and donor.

## How it was built

The pool pairs articles by register (column `register` in
`articles.tsv`). For each pair one article is picked at random as the host of
a splice and the other stays untouched, so every section contributes equally
and no host appears both spliced and clean.

A spliced article is its host with ONE paragraph from {donor_rule}.
The paragraph goes between two middle paragraphs of the host: after host
paragraph k with 3 <= k <= (paragraphs - 2), so never next to the first two
paragraphs and never after the last one. It is separated by a blank line on
each side like every other paragraph. In {n_head} of {len(sp)} splices the donor's
headline sits on the line directly above the donor paragraph, with no blank line
between them (as in seed 003, lines 19-20).

Donor paragraphs are never quote-only paragraphs and never shorter than
{MIN_DONOR_WORDS} words. Their lengths are spread over three classes: short
(one sentence, at most 30 words): {lengths['short']}; medium: {lengths['medium']};
long (50+ words or 3+ sentences): {lengths['long']}. A donor paragraph is used once per set.

Documents are meant to be linted one at a time. The donor articles are also in
the pool, so a donor paragraph can appear verbatim in another document of the
set{' (in this set, always in the untouched partner article)' if not cross else ''}; a rule that compares files with each other would be
cheating on this set, and on real input there is no such twin.

## How to score it

From the repository root, after `cargo build --release`:

    ../shared/tools/score-seeds target/release/scrapelint fixtures/{set_name}/docs fixtures/{set_name}/expected.toml

`score-seeds` exits 0 when every `must` finding is reported and no clean line
carries a warning or an error. A finding counts as found when a diagnostic of
category `off-topic` covers its line, so one diagnostic spanning the headline
and paragraph lines covers both.
"""


# ------------------------------------------------------------------ checks
def verify(set_name, built):
    """Check that every reported line points at the inserted text and that the
    rest of each document is its host, line for line."""
    by_file = built["by_file"]
    inserted_lines = 0
    for s in built["splices"]:
        lines = built["docs"][s["file"]][:-1].split("\n")
        host, donor = by_file[s["host"]], by_file[s["donor"]]
        para = donor["paragraphs"][s["donor_paragraph"] - 1]
        assert lines[s["paragraph_line"] - 1] == para, s
        if s["with_headline"]:
            assert lines[s["headline_line"] - 1] == donor["headline"], s
            assert s["paragraph_line"] == s["headline_line"] + 1, s
        first, last = min(s["lines"]), max(s["lines"])
        assert lines[first - 2] == "" and lines[last] == "", f"{s['file']}: no blank line around insert"
        rest = lines[: first - 2] + lines[last:]
        assert "\n".join(rest) + "\n" == host["text"], f"{s['file']}: host text altered"
        assert host["section"] != donor["section"] if built["mode"] == "cross" else (
            host["section"] == donor["section"] and host["file"] != donor["file"]), s
        k = s["after_host_paragraph"]
        assert 3 <= k <= len(host["paragraphs"]) - 2, s
        assert len(para.split()) >= MIN_DONOR_WORDS and not is_pure_quote(para), s
        inserted_lines += len(s["lines"])
    for d in built["untouched"]:
        assert built["docs"][d["file"]] == by_file[d["host"]]["text"]
    hosts = [s["host"] for s in built["splices"]]
    assert len(set(hosts)) == len(hosts)
    assert not set(hosts) & {d["host"] for d in built["untouched"]}

    exp = tomllib.loads(expected_toml(set_name, built))
    findings = {(f["file"], f["line"]) for f in exp["finding"]}
    assert len(findings) == inserted_lines == len(exp["finding"])
    for f in exp["finding"]:
        assert f["category"] == "off-topic" and f["level"] == "must"
    clean_files = set()
    for c in exp["clean"]:
        clean_files.add(c["file"])
        lines = built["docs"][c["file"]][:-1].split("\n")
        want = [i for i, l in enumerate(lines, 1)
                if i != 1 and l.strip() and (c["file"], i) not in findings]
        assert c["lines"] == want, c["file"]
    assert clean_files == set(built["docs"])


def outputs(set_name, outdir, built):
    files = {os.path.join(outdir, "docs", n): t for n, t in built["docs"].items()}
    files[os.path.join(outdir, "expected.toml")] = expected_toml(set_name, built)
    files[os.path.join(outdir, "splices.jsonl")] = splices_jsonl(built)
    files[os.path.join(outdir, "manifest.tsv")] = manifest_tsv(built)
    files[os.path.join(outdir, "README.md")] = readme(set_name, built)
    return {p: t.encode("utf-8") for p, t in files.items()}


def main():
    check_only = "--check" in sys.argv[1:]
    articles = load_corpus()
    differ = 0
    for set_name, outdir, seed, mode in SETS:
        first = build_set(set_name, seed, mode, articles)
        second = build_set(set_name, seed, mode, articles)
        a, b = outputs(set_name, outdir, first), outputs(set_name, outdir, second)
        if a != b:
            raise SystemExit(f"{set_name}: two builds differ - the script is not deterministic")
        verify(set_name, first)
        if check_only:
            present = set()
            docs_dir = os.path.join(outdir, "docs")
            if os.path.isdir(docs_dir):
                present = {os.path.join(docs_dir, n) for n in os.listdir(docs_dir)}
            stale = present - set(a)
            for path, data in sorted(a.items()):
                try:
                    with open(path, "rb") as f:
                        same = f.read() == data
                except FileNotFoundError:
                    same = False
                if not same:
                    print(f"differs: {os.path.relpath(path, ROOT)}")
                    differ += 1
            for path in sorted(stale):
                print(f"stale: {os.path.relpath(path, ROOT)}")
                differ += 1
        else:
            if os.path.isdir(os.path.join(outdir, "docs")):
                shutil.rmtree(os.path.join(outdir, "docs"))
            os.makedirs(os.path.join(outdir, "docs"))
            for path, data in sorted(a.items()):
                with open(path, "wb") as f:
                    f.write(data)
        sp = first["splices"]
        print(f"{set_name}: {len(sp)} spliced ({sum(s['with_headline'] for s in sp)} with headline), "
              f"{len(first['untouched'])} untouched; lengths "
              + ", ".join(f"{c} {sum(s['length'] == c for s in sp)}" for c in LENGTH_CLASSES)
              + ("; verified" if not check_only else ""))
    if check_only and differ:
        print(f"{differ} file(s) differ from what the script produces")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
