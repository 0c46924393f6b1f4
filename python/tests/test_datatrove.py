"""A real datatrove pipeline: JsonlReader -> ScrapelintCleaner -> ScrapelintFilter ->
JsonlWriter, run by LocalPipelineExecutor in two worker processes (so the steps and
their linters are pickled), checked against the command line record by record."""

from __future__ import annotations

import gzip
import json
import subprocess
from pathlib import Path
from typing import Dict, List

import pytest

pytest.importorskip("datatrove", reason="datatrove not installed")

from datatrove.executor import LocalPipelineExecutor  # noqa: E402
from datatrove.pipeline.readers import JsonlReader  # noqa: E402
from datatrove.pipeline.writers import JsonlWriter  # noqa: E402

import scrapelint  # noqa: E402
from scrapelint.datatrove import ScrapelintCleaner, ScrapelintFilter  # noqa: E402

DROP_IF = "boilerplate_share > 0.5"


def read_jsonl(folder: Path) -> Dict[str, dict]:
    records = {}
    for f in sorted(folder.rglob("*.jsonl*")):
        opener = gzip.open if f.suffix == ".gz" else open
        with opener(f, "rt", encoding="utf-8") as fh:
            for line in fh:
                r = json.loads(line)
                records[r["id"]] = r
    return records


def cli_stdin(cli: Path, text: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(cli), "check", "--isolated", "--fail-on", "never", *args, "-"],
        input=text.encode("utf-8"),
        capture_output=True,
    )


def cli_fixed(cli: Path, text: str) -> str:
    proc = cli_stdin(cli, text, "--fix")
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.decode("utf-8")


def cli_json(cli: Path, text: str) -> List[dict]:
    proc = cli_stdin(cli, text, "--format", "json")
    assert proc.returncode == 0, proc.stderr
    found = json.loads(proc.stdout)["diagnostics"]
    for d in found:
        d.pop("path")
    return found


def test_pipeline_cleans_filters_and_matches_the_command_line(corpus, cli, tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    ids = sorted(corpus)
    for n, part in enumerate([ids[::2], ids[1::2]]):  # one input file per task
        with open(raw / f"part-{n}.jsonl", "w", encoding="utf-8") as f:
            for rid in part:
                f.write(json.dumps({"id": rid, "text": corpus[rid], "url": f"https://example.org/{rid}"}) + "\n")

    linter = scrapelint.Linter()
    LocalPipelineExecutor(
        pipeline=[
            JsonlReader(str(raw)),
            ScrapelintCleaner(linter, findings=True),
            ScrapelintFilter(
                DROP_IF,
                linter=linter,
                exclusion_writer=JsonlWriter(str(tmp_path / "rejects"), compression=None),
            ),
            JsonlWriter(str(tmp_path / "clean"), compression=None),
        ],
        tasks=2,
        workers=2,
        logging_dir=str(tmp_path / "logs"),
    ).run()

    kept = read_jsonl(tmp_path / "clean")
    rejected = read_jsonl(tmp_path / "rejects")
    assert set(kept) | set(rejected) == set(corpus)
    assert set(rejected) == {"mostly-boilerplate"}
    reject = rejected["mostly-boilerplate"]
    assert reject["metadata"]["filter_reason"] == DROP_IF
    assert reject["metadata"]["scrapelint"]["boilerplate_share"] > 0.5

    for rid, record in kept.items():
        meta = record["metadata"]["scrapelint"]
        assert meta["boilerplate_share"] <= 0.5
        assert record["metadata"]["url"] == f"https://example.org/{rid}"
        # The text is what `scrapelint check --fix` makes of the article ...
        assert record["text"] == cli_fixed(cli, corpus[rid]), rid
        # ... and the findings left are the command line's on the cleaned text.
        assert meta["findings"] == cli_json(cli, record["text"]), rid
        assert meta["remaining"] == len(meta["findings"])
    fixed = sum(r["metadata"]["scrapelint"]["fixed"] for r in kept.values())
    assert fixed > 0, "the corpus has boilerplate to remove"


def test_filter_checks_documents_the_cleaner_did_not_see():
    from datatrove.data import Document

    step = ScrapelintFilter("errors > 0")
    doc = Document(text="Storm hits coast\n\nIt rained.\n\nADVERTISEMENT\n", id="x")
    keep = step.filter(doc)
    assert keep == (False, "errors > 0")
    assert "boilerplate.ad-label" in doc.metadata["scrapelint"]["rules"]
    assert any(f["rule"] == "boilerplate.ad-label" for f in doc.metadata["scrapelint"]["findings"])
    clean = Document(text="Storm hits coast\n\nIt rained all day on Monday.\n", id="y")
    assert step.filter(clean) is True
    with pytest.raises(ValueError):
        ScrapelintFilter("errors >")
