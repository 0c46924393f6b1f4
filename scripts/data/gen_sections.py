"""sections-en.txt: names of the sections of news sites' navigation.

Scraped articles keep the section label the page showed above the headline
("World", "Politics", "Sport"). Google News organises its English edition in
topics and sections, and the GNews client (gnews 0.8.3, MIT) ships their
names in gnews/utils/constants.py: TOPICS (World, Nation, Business,
Technology, Entertainment, Sports, Science, Health) and the keys of SECTIONS
(Politics, Economy, Football, Travel, ...). The module is read with `ast`,
not imported, so none of the client's network code runs.

Names are lowercased. A name joining two words with '-' ('ARTS-DESIGN')
gives each word and both joined by ' & '. A plural name ('SPORTS', 'MOVIES')
also gives its singular when the singular is a word of wordfreq-en.tsv
('sport', 'movie'); names in -ics, -ss and -us are left alone.
"""

from __future__ import annotations

import ast

from common import package_dir, require, source_line, write_records

GNEWS = "0.8.3"


def _constants() -> tuple[list[str], list[str]]:
    path = package_dir("gnews") / "utils" / "constants.py"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: dict[str, ast.expr] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            if isinstance(target, ast.Name) and target.id in ("TOPICS", "SECTIONS"):
                found[target.id] = node.value
    if set(found) != {"TOPICS", "SECTIONS"}:
        raise SystemExit("gnews constants.py lacks TOPICS or SECTIONS")
    topics = ast.literal_eval(found["TOPICS"])
    sections = list(ast.literal_eval(found["SECTIONS"]).keys())
    return topics, sections


def names(common_words: set[str]) -> list[str]:
    topics, sections = _constants()
    out: set[str] = set()
    for raw in topics + sections:
        name = raw.strip().lower()
        parts = name.split("-")
        if len(parts) > 1:
            out.update(parts)
            name = " & ".join(parts)
        out.add(name)
    for name in list(out):
        if (
            " " not in name
            and name.endswith("s")
            and not name.endswith(("ics", "ss", "us"))
        ):
            singular = name[:-3] + "y" if name.endswith("ies") else name[:-1]
            if singular in common_words:
                out.add(singular)
    return sorted(out)


def build(common_words: set[str]) -> int:
    version = require("gnews", GNEWS)
    return write_records(
        "sections-en.txt",
        "section names of news sites' navigation (Google News topics and sections)",
        [source_line("gnews", version, "gnews/utils/constants.py: TOPICS, SECTIONS keys")],
        [
            "lowercase, sorted; 'arts-design' gives 'arts', 'design' and 'arts & design';",
            "plurals also give their singular when it is a word of wordfreq-en.tsv",
        ],
        "name",
        names(common_words),
    )
