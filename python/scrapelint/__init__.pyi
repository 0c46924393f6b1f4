"""Type stubs for scrapelint (the native module's classes and the package functions)."""

import os
from typing import Any, Dict, Iterable, List, Literal, Mapping, Optional, Tuple, Union

__version__: str

_Path = Union[str, "os.PathLike[str]"]
_Paths = Union[None, _Path, Iterable[_Path]]
_Selectors = Union[None, str, Iterable[str]]
Category = Literal["boilerplate", "off-topic", "mangled", "fragment", "encoding", "duplicate"]
Severity = Literal["error", "warning", "info"]

class RuleError(ValueError):
    """A rule file cannot be read or is invalid, or a selector names no rule."""

class Fix:
    """A replacement proposed by a rule."""

    @property
    def replacement(self) -> str: ...
    @property
    def start(self) -> int:
        """Character offset into the checked string."""
    @property
    def end(self) -> int: ...
    @property
    def byte_start(self) -> int:
        """UTF-8 byte offset (the JSON output's `byte_range`)."""
    @property
    def byte_end(self) -> int: ...
    @property
    def applicability(self) -> Literal["safe", "unsafe"]: ...

class Diagnostic:
    """One finding, with the fields of `scrapelint check --format json`."""

    @property
    def rule(self) -> str: ...
    @property
    def category(self) -> Category: ...
    @property
    def severity(self) -> Severity: ...
    @property
    def message(self) -> str: ...
    @property
    def line(self) -> int:
        """1-based line of the first flagged character."""
    @property
    def column(self) -> int:
        """1-based column, in characters."""
    @property
    def end_line(self) -> int: ...
    @property
    def end_column(self) -> int:
        """1-based column of the end (exclusive)."""
    @property
    def start(self) -> int:
        """Character offset into the checked string: `text[d.start:d.end] == d.text`."""
    @property
    def end(self) -> int: ...
    @property
    def byte_start(self) -> int:
        """UTF-8 byte offset (the JSON output's `byte_range`)."""
    @property
    def byte_end(self) -> int: ...
    @property
    def text(self) -> str:
        """The flagged text (the JSON output's `snippet`)."""
    @property
    def suggestion(self) -> Optional[str]: ...
    @property
    def fix(self) -> Optional[Fix]: ...
    def to_dict(self) -> Dict[str, Any]:
        """The diagnostic as `--format json` prints it, without `path`."""

class Record:
    """A checked or cleaned text with its record summary."""

    @property
    def text(self) -> str: ...
    @property
    def diagnostics(self) -> List[Diagnostic]:
        """The findings in `text`."""
    @property
    def fixed(self) -> List[Diagnostic]:
        """The findings whose fix was applied (positions in the text before cleaning)."""
    @property
    def summary(self) -> Dict[str, Any]:
        """The `scrapelint` field of `scrapelint clean`: counts, `rules`, shares, `score`."""

class Stats:
    """Corpus statistics from `Linter.observe`; mergeable and picklable."""

    def __init__(self) -> None:
        """Empty statistics (the neutral element of `merge`)."""
    @property
    def documents(self) -> int: ...
    def merge(self, other: Stats) -> Stats:
        """The statistics of both (disjoint) sets of texts."""
    def __add__(self, other: Stats) -> Stats: ...
    def __radd__(self, other: Union[int, Stats]) -> Stats: ...
    def to_bytes(self) -> bytes: ...
    @staticmethod
    def from_bytes(data: bytes) -> Stats:
        """Reads `to_bytes` output of the same scrapelint version; ValueError otherwise."""

class Linter:
    """Rules loaded once; picklable (as its options and statistics)."""

    def __init__(
        self,
        rules: _Paths = None,
        *,
        select: _Selectors = None,
        ignore: _Selectors = None,
        no_default_rules: bool = False,
        rule_texts: Union[None, str, Iterable[str]] = None,
        corpus_memory_mb: Optional[int] = None,
    ) -> None: ...
    @property
    def needs_stats(self) -> bool:
        """Whether an enabled rule uses corpus statistics."""
    @property
    def stats(self) -> Optional[Stats]: ...
    def check(self, text: str) -> List[Diagnostic]: ...
    def clean(self, text: str, *, unsafe_fixes: bool = False) -> Tuple[str, List[Diagnostic]]: ...
    def check_record(self, text: str) -> Record: ...
    def clean_record(self, text: str, *, unsafe_fixes: bool = False) -> Record: ...
    def check_many(self, texts: Iterable[str]) -> List[List[Diagnostic]]:
        """Checks the texts in parallel, without the GIL."""
    def observe(self, texts: Iterable[str]) -> Stats:
        """First pass of a two-pass run."""
    def with_stats(self, stats: Stats) -> Linter:
        """The same rules, checking against `stats`."""

class DropIf:
    """A `--drop-if` expression over a record summary."""

    expression: str
    def __init__(self, expression: str) -> None: ...
    def names(self) -> set[str]: ...
    def matches(self, summary: Mapping[str, Any]) -> bool: ...

def check(text: str, rules: _Paths = None) -> List[Diagnostic]:
    """Checks one text with the built-in rules (plus those of `rules`)."""

def clean(
    text: str, rules: _Paths = None, *, unsafe_fixes: bool = False
) -> Tuple[str, List[Diagnostic]]:
    """Applies the safe fixes; returns the cleaned text and what remains in it."""
