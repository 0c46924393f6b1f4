"""PySpark: a local[2] session checks a JSONL corpus with mapInPandas, the linter
pickled to the executors, in two passes (observe per partition, merge on the driver,
broadcast, check), and finds what the command line finds on the same texts as files."""

from __future__ import annotations

import json
import os
import shutil
import sys

import pytest

pytest.importorskip("pyspark", reason="pyspark not installed")
pd = pytest.importorskip("pandas", reason="pandas not installed")

from pyspark.sql import SparkSession  # noqa: E402

import scrapelint  # noqa: E402

from conftest import cli_findings, write_corpus  # noqa: E402


@pytest.fixture(scope="module")
def spark():
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        message = "skipped: java not installed (.ci/install-python.sh installs it)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("scrapelint-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.memory", "1g")
        .getOrCreate()
    )
    yield session
    session.stop()


def test_two_pass_check_in_spark_matches_the_command_line(spark, corpus, cli, tmp_path):
    write_corpus(tmp_path / "files", corpus)
    expected = cli_findings(cli, tmp_path / "files")
    jsonl = tmp_path / "corpus.jsonl"
    with open(jsonl, "w", encoding="utf-8") as f:
        for rid, text in corpus.items():
            f.write(json.dumps({"id": rid, "text": text}) + "\n")

    df = spark.read.json(str(jsonl)).repartition(2)
    linter = scrapelint.Linter()  # pickled into the closures below

    def observe(batches):
        stats = scrapelint.Stats()
        for batch in batches:
            stats = stats + linter.observe(batch["text"])
        yield pd.DataFrame({"stats": [stats.to_bytes()]})

    parts = df.mapInPandas(observe, "stats binary").collect()
    assert len(parts) == 2
    merged = sum(scrapelint.Stats.from_bytes(bytes(r["stats"])) for r in parts)
    assert merged.documents == len(corpus)
    checker = spark.sparkContext.broadcast(linter.with_stats(merged))

    def check(batches):
        lint = checker.value
        for batch in batches:
            findings = [json.dumps([d.to_dict() for d in ds]) for ds in lint.check_many(batch["text"])]
            yield pd.DataFrame({"id": batch["id"], "findings": findings})

    rows = df.mapInPandas(check, "id string, findings string").collect()
    got = {r["id"]: json.loads(r["findings"]) for r in rows}
    assert got == expected
    assert any(
        d["rule"] == "mangled.name-variant-across-files" for ds in got.values() for d in ds
    ), "the cross-file rule fires only with the merged statistics"
