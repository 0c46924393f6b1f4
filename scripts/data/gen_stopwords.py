"""stopwords-en.txt: a standard English stopword list, one word per line.

stop-words 2018.7.23 ships the classic 174-word English list (the ranks.nl
default list, with negative contractions). Later releases of the package
merged it into a 1,300-word list that drops content words such as 'able',
'above' or 'announce', which would hide real vocabulary from a cohesion
score; scikit-learn's list has 'bill', 'fire' and 'system', which are news
words. Hence the pinned older release.
"""

from __future__ import annotations

from common import require, source_line, write_records

VERSION = "2018.7.23"


def build() -> int:
    version = require("stop-words", VERSION)
    from stop_words import get_stop_words

    words = sorted({w.strip().lower() for w in get_stop_words("english") if w.strip()})
    return write_records(
        "stopwords-en.txt",
        "a standard English stopword list (the classic 174-word ranks.nl list)",
        [source_line("stop-words", version, "stop_words/stop-words/english.txt")],
        ["lowercase, sorted; contractions such as \"aren't\" are kept as one word"],
        "word",
        words,
    )
