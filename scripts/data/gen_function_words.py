"""function-words-en.tsv: English closed-class words with their Penn tag.

The fragment rules tell a verb from a noun that looks like one ("the plans",
"of the elite forces" vs "the trust plans to") by the word before it, so
they need to know determiners, prepositions, pronouns and conjunctions.
Brill's lexicon as shipped by TextBlob gives every word's most frequent
Penn tag; a word is listed when that tag is a closed class (CC DT EX IN PDT
PRP PRP$ TO WDT WP WP$) and the word is among the words of wordfreq-en.tsv.
A few Twitter spellings from the lexicon's CMU additions ('dat', 'cuz') come
along; they are harmless. Modals are in verbs-en.tsv.
"""

from __future__ import annotations

from common import require, source_line, write_records
from gen_verbs import TEXTBLOB, _brill_lexicon

CLOSED = {"CC", "DT", "EX", "IN", "PDT", "PRP", "PRP$", "TO", "WDT", "WP", "WP$"}


def build(common_words: set[str]) -> int:
    tb = require("textblob", TEXTBLOB)
    brill = _brill_lexicon()
    rows = sorted(
        f"{w}\t{t}"
        for w, t in brill.items()
        if t in CLOSED and w in common_words and w.isalpha() and w == w.lower()
    )
    return write_records(
        "function-words-en.tsv",
        "English closed-class words (determiners, prepositions, pronouns, conjunctions)",
        [
            source_line("textblob", tb, "textblob/en/en-lexicon.txt, most frequent tag"),
            "selection: lowercase alphabetic words of wordfreq-en.tsv (wordfreq 3.1.1 top 50,000)",
        ],
        [
            "tag: the word's most frequent Penn tag in Brill's lexicon, one of",
            "CC DT EX IN PDT PRP PRP$ TO WDT WP WP$ ('that' is IN, 'her' PRP$)",
        ],
        "word<TAB>tag",
        rows,
    )
