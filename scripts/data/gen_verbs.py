"""verbs-en.tsv: every inflected form of the common English verbs.

Rows are form, lemma, Penn tag (VB VBD VBG VBN VBP VBZ, MD for modals) and
the form's most likely Penn tag in Brill's lexicon. The consumer asks "does
this sentence have a finite verb?"; a form such as 'report', 'plans' or
'attacks' is a verb form but more often a noun, which the last column shows.

Sources, all offline inside their wheels:
  lemminflect  verb lemmas and their inflections (SPECIALIST Lexicon based),
               auxiliaries and clitics from its lemma table;
  wordfreq     which lemmas are common enough to list, and which negative
               contractions ("isn't", "won't") occur;
  textblob     en-lexicon.txt, Brill's lexicon (Brown + WSJ + Twitter POS):
               each word's most frequent tag.
"""

from __future__ import annotations

import gzip

from common import package_dir, require, source_line, write_records

LEMMINFLECT = "0.2.3"
TEXTBLOB = "0.20.1"
TAGS = ("VB", "VBD", "VBG", "VBN", "VBP", "VBZ")
# Penn Treebank's MD class (Santorini 1990, "Part-of-speech tagging
# guidelines for the Penn Treebank", section on MD): the closed set of
# modal forms, with the lemma lemminflect's AUX table gives each.
MODALS = ("can", "could", "may", "might", "must", "ought", "shall", "should", "will", "would")
# Clitic forms as tokenizers split them ("he's" -> "he" "'s"): the full form
# each stands for. "'s" and "'d" have two readings.
CLITICS = {"'m": ("am",), "'re": ("are",), "'ve": ("have",), "'ll": ("will",),
           "'s": ("is", "has"), "'d": ("would", "had")}
# Negative contractions whose stem is not the full form ('ca' + "n't").
IRREGULAR_NEG = {"won't": "will", "shan't": "shall", "can't": "can", "ain't": "am"}


def _verb_lemmas() -> list[str]:
    """Lemmas that lemminflect's inflection table lists as verbs."""
    path = package_dir("lemminflect") / "resources" / "infl_lu.csv.gz"
    lemmas = set()
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split(",")
            if len(parts) > 1 and parts[1] == "verb" and parts[0] == parts[0].lower():
                lemmas.add(parts[0])
    return sorted(lemmas)


def _brill_lexicon() -> dict[str, str]:
    path = package_dir("textblob") / "en" / "en-lexicon.txt"
    lexicon = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith(";;;"):
            continue
        parts = line.split()
        if len(parts) == 2:
            lexicon[parts[0]] = parts[1]
    return lexicon


def rows(common_words: set[str]) -> list[tuple[str, str, str]]:
    import lemminflect

    def inflections(lemma: str) -> dict[str, tuple[str, ...]]:
        forms = {}
        for tag in TAGS:
            got = lemminflect.getInflection(lemma, tag, inflect_oov=False)
            if got:
                forms[tag] = tuple(f.lower() for f in got if " " not in f)
        return forms

    # Auxiliary lemmas (be, have, do, need, dare, and the modals), read from
    # lemminflect's AUX lemma table for the common words; lemminflect keeps
    # be/have/do out of its verb table.
    aux = set()
    for form in common_words | set(MODALS):
        aux.update(lemminflect.getAllLemmas(form, "AUX").get("AUX", ()))

    out: set[tuple[str, str, str]] = set()
    for form in MODALS:
        for lemma in lemminflect.getAllLemmas(form, "AUX").get("AUX", ()):
            out.add((form, lemma, "MD"))
    modal_lemmas = {lemma for _, lemma, _ in out}

    # Ordinary verbs and non-modal auxiliaries: keep a lemma when it or one
    # of its forms is a common word.
    for lemma in sorted(set(_verb_lemmas()) | aux):
        if lemma in modal_lemmas:
            continue
        forms = inflections(lemma)
        if "VBD" not in forms:
            # lemminflect lists 'dare' as an auxiliary with no past form;
            # its own rule-based inflector fills the regular forms.
            for tag, fs in lemminflect.getAllInflectionsOOV(lemma, "VERB").items():
                forms.setdefault(tag, tuple(f.lower() for f in fs))
        every = {lemma, *(f for fs in forms.values() for f in fs)}
        if not every & common_words:
            continue
        for tag, fs in forms.items():
            out.update((f, lemma, tag) for f in fs)

    by_form: dict[str, set[tuple[str, str]]] = {}
    for form, lemma, tag in out:
        by_form.setdefault(form, set()).add((lemma, tag))

    # Clitics and negative contractions are finite: they take the lemma and
    # tags of the full form they stand for, less the participles.
    derived: dict[str, tuple[str, ...]] = dict(CLITICS)
    for word in common_words:
        if word in IRREGULAR_NEG:
            derived[word] = (IRREGULAR_NEG[word],)
        elif word.endswith("n't") and word[:-3] in by_form:
            derived[word] = (word[:-3],)
        elif word.endswith("not") and word[:-3] in MODALS:
            derived[word] = (word[:-3],)
    for word, fulls in derived.items():
        for full in fulls:
            for lemma, tag in by_form.get(full, ()):
                if tag not in ("VBN", "VBG"):
                    out.add((word, lemma, tag))
    return sorted(out)


def build(common_words: set[str]) -> int:
    li = require("lemminflect", LEMMINFLECT)
    tb = require("textblob", TEXTBLOB)
    brill = _brill_lexicon()
    table = rows(common_words)
    lines = [f"{f}\t{l}\t{t}\t{brill.get(f, '-')}" for f, l, t in table]
    forms = {f for f, _, _ in table}
    lemmas = {l for _, l, _ in table}
    noun_first = {f for f in forms if brill.get(f, "-") != "-"
                  and not brill[f].startswith(("VB", "MD"))}
    return write_records(
        "verbs-en.tsv",
        f"{len(forms)} inflected forms of {len(lemmas)} English verb lemmas with Penn tags",
        [
            source_line("lemminflect", li, "resources/infl_lu.csv.gz and its AUX lemma table"),
            source_line("textblob", tb, "textblob/en/en-lexicon.txt, 4th column"),
            "selection: a lemma is listed when it, or one of its forms, is among the words of "
            "wordfreq-en.tsv (wordfreq 3.1.1 top 50,000)",
        ],
        [
            "tag: Penn tag of the form for that lemma; a form has one row per (lemma, tag),",
            "e.g. 'said' VBD and VBN, 'put' VB VBD VBN VBP; base forms are both VB (infinitive,",
            "imperative: not finite) and VBP (present, finite). Modals (can could may might must",
            "ought shall should will would) are MD only. Clitics ('s 're 'm 've 'll 'd) and",
            "negative contractions (isn't, won't, cannot) carry the lemma and tags of the full form.",
            "primary_tag: the form's most frequent Penn tag in Brill's lexicon as shipped by",
            "TextBlob (trained on Brown + WSJ), '-' when the lexicon lacks the form. It is a",
            "majority label, not a share: a form whose primary_tag is not VB*/MD is used more",
            f"often as a noun/adjective/other ({len(noun_first)} forms here, e.g. report NN,",
            "plans NNS, attacks NNS, forces NNS), so it is weak evidence of a finite verb.",
            "order: form, lemma, tag",
        ],
        "form<TAB>lemma<TAB>tag<TAB>primary_tag",
        lines,
    )
