"""wordfreq-en.tsv: the most frequent English words with their Zipf frequency.

Zipf is log10 of occurrences per billion words (wordfreq's scale: 7 is 'the',
3 is about once per million). The consumer uses it as background document
frequency for TF-IDF and to tell ordinary words from names and typos.
"""

from __future__ import annotations

import re
import unicodedata

from common import require, source_line, write_records

VERSION = "3.1.1"
TARGET = 50_000
# Letters (any case, accents allowed) joined by apostrophes, hyphens or dots
# as wordfreq's tokenizer leaves them ("don't", "u.s"); no digits, no emoji.
TOKEN = re.compile(r"^[^\W\d_]+(?:['\-.][^\W\d_]+)*$")


def _latin(word: str) -> bool:
    return all(
        not ch.isalpha() or "LATIN" in unicodedata.name(ch, "") for ch in word
    )


def words() -> list[tuple[str, float]]:
    """The TARGET most frequent Latin-script words, as (word, zipf)."""
    import wordfreq

    kept: list[tuple[str, float]] = []
    for word in wordfreq.top_n_list("en", TARGET * 2, wordlist="best"):
        if word != word.lower() or not TOKEN.match(word) or not _latin(word):
            continue
        kept.append((word, wordfreq.zipf_frequency(word, "en", wordlist="best")))
        if len(kept) == TARGET:
            break
    return kept


def build() -> int:
    version = require("wordfreq", VERSION)
    rows = sorted(words(), key=lambda wz: (-wz[1], wz[0]))
    return write_records(
        "wordfreq-en.tsv",
        f"the {TARGET} most frequent English words and their Zipf frequency",
        [source_line("wordfreq", version, "wordlist 'best' for 'en'")],
        [
            "zipf = log10(frequency per billion words), rounded to 2 decimals by wordfreq",
            "words are lowercase as wordfreq gives them; apostrophes, hyphens and dots kept;",
            "tokens with digits, emoji or non-Latin letters are left out",
            "order: zipf descending, then word",
        ],
        "word<TAB>zipf",
        [f"{w}\t{z:.2f}" for w, z in rows],
    )
