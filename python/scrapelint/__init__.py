"""scrapelint: a content-quality linter for scraped news articles.

Finds what a scraper kept by mistake (boilerplate, off-topic insertions, mangled text,
fragments) with the same rules as the ``scrapelint`` command line::

    import scrapelint

    for d in scrapelint.check(text):
        print(d.line, d.column, d.rule, d.message)

    cleaned, remaining = scrapelint.clean(text)

A :class:`Linter` loads its rules once; use it for many texts, pickle it to ship it to
the workers of a pipeline engine, and run the cross-file rules over a corpus in two
passes with :meth:`Linter.observe` and :meth:`Linter.with_stats`. The steps for
datatrove are in :mod:`scrapelint.datatrove`.
"""

from __future__ import annotations

import functools
import os
from typing import Iterable, List, Tuple, Union

from ._drop_if import DropIf
from ._scrapelint import Diagnostic, Fix, Linter, Record, RuleError, Stats, __version__

__all__ = [
    "Diagnostic",
    "DropIf",
    "Fix",
    "Linter",
    "Record",
    "RuleError",
    "Stats",
    "__version__",
    "check",
    "clean",
]

RulePaths = Union[None, str, "os.PathLike[str]", Iterable[Union[str, "os.PathLike[str]"]]]


def _rules_key(rules: RulePaths) -> Tuple[str, ...]:
    if rules is None:
        return ()
    if isinstance(rules, (str, os.PathLike)):
        return (os.fspath(rules),)
    return tuple(os.fspath(r) for r in rules)


@functools.lru_cache(maxsize=8)
def _linter(rules: Tuple[str, ...]) -> Linter:
    return Linter(list(rules))


def check(text: str, rules: RulePaths = None) -> List[Diagnostic]:
    """Checks one text with the built-in rules (plus those of the TOML files ``rules``).

    The rules are loaded on the first call and kept for the next ones with the same
    ``rules``. Raises :class:`RuleError` when a rule file is missing or invalid.
    """
    return _linter(_rules_key(rules)).check(text)


def clean(
    text: str, rules: RulePaths = None, *, unsafe_fixes: bool = False
) -> Tuple[str, List[Diagnostic]]:
    """Applies the safe fixes (and the unsafe ones with ``unsafe_fixes=True``) to ``text``.

    Returns the cleaned text and the diagnostics that remain in it (their positions
    refer to the cleaned text).
    """
    return _linter(_rules_key(rules)).clean(text, unsafe_fixes=unsafe_fixes)

