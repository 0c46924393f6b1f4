"""Shared fixtures: a small corpus from the repository's fixtures and the command line
to compare with (``SCRAPELINT_BIN``, set by ``tests/python.rs``, else ``target/``)."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Dict, List

import pytest

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "fixtures"

# A record that is mostly boilerplate, so `boilerplate_share > 0.5` drops it.
MOSTLY_BOILERPLATE = """Storm closes schools

Schools closed on Monday.

Leave a Comment
Share this article on Facebook
Share this article on Twitter
Sign up for our newsletter to get the latest news delivered to your inbox every morning
Click here to subscribe to our newsletter
ADVERTISEMENT
"""


def _corpus() -> Dict[str, str]:
    texts: Dict[str, str] = {}
    sets = {
        "repeated": FIXTURES / "rules/boilerplate.repeated-line/fires",
        "names": FIXTURES / "rules/mangled.name-variant-across-files/fires",
    }
    for prefix, folder in sets.items():
        for f in sorted(folder.glob("*.txt")):
            texts[f"{prefix}-{f.stem}"] = f.read_text(encoding="utf-8")
    for f in sorted((FIXTURES / "corpus/articles").glob("business-0[12]*.txt")):
        texts[f.stem] = f.read_text(encoding="utf-8")
    texts["mostly-boilerplate"] = MOSTLY_BOILERPLATE
    return texts


@pytest.fixture(scope="session")
def corpus() -> Dict[str, str]:
    """Record id -> text; cross-file rules fire on it only when it is checked whole."""
    return _corpus()


@pytest.fixture(scope="session")
def cli() -> Path:
    """The scrapelint binary; skipped when there is none (a failure under CI)."""
    given = os.environ.get("SCRAPELINT_BIN")
    candidates = [Path(given)] if given else [
        REPO / "target/release/scrapelint",
        REPO / "target/debug/scrapelint",
    ]
    for c in candidates:
        if c.is_file():
            return c
    message = f"scrapelint binary not found (tried {', '.join(map(str, candidates))})"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def write_corpus(folder: Path, texts: Dict[str, str]) -> None:
    """One `<id>.txt` file per record, written byte for byte."""
    folder.mkdir(parents=True, exist_ok=True)
    for rid, text in texts.items():
        (folder / f"{rid}.txt").write_bytes(text.encode("utf-8"))


def cli_findings(cli: Path, folder: Path, *args: str) -> Dict[str, List[dict]]:
    """`scrapelint check --format json` on every file of `folder`: record id ->
    diagnostics (the JSON objects without `path`)."""
    proc = subprocess.run(
        [str(cli), "check", "--isolated", "--format", "json", "--fail-on", "never", *args, "."],
        cwd=folder,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    found: Dict[str, List[dict]] = {p.stem: [] for p in folder.glob("*.txt")}
    for d in json.loads(proc.stdout)["diagnostics"]:
        found[Path(d.pop("path")).stem].append(d)
    return found
