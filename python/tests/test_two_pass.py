"""Two passes (observe, merge, with_stats) give the command line's cross-file findings."""

from __future__ import annotations

import scrapelint

from conftest import cli_findings, write_corpus


def test_stats_merge_is_the_stats_of_the_union(corpus):
    linter = scrapelint.Linter()
    texts = list(corpus.values())
    whole = linter.observe(texts)
    parts = [linter.observe(texts[i::3]) for i in range(3)]
    merged = parts[0].merge(parts[1]).merge(parts[2])
    assert (parts[0] + parts[1] + parts[2]).documents == merged.documents == whole.documents
    assert sum(parts).documents == len(texts)
    checker = linter.with_stats(merged)
    reference = linter.with_stats(whole)
    for t in texts:
        assert checker.check(t) == reference.check(t)


def test_two_pass_matches_the_command_line(corpus, cli, tmp_path):
    write_corpus(tmp_path, corpus)
    expected = cli_findings(cli, tmp_path)
    linter = scrapelint.Linter()
    assert linter.needs_stats
    ids = list(corpus)
    halves = [ids[::2], ids[1::2]]  # two "workers"
    stats = sum(linter.observe(corpus[i] for i in half) for half in halves)
    checker = linter.with_stats(stats)
    got = {rid: [d.to_dict() for d in checker.check(corpus[rid])] for rid in ids}
    assert got == expected
    # The cross-file rule fires only with the statistics.
    cross = "mangled.name-variant-across-files"
    assert any(d["rule"] == cross for ds in expected.values() for d in ds)
    alone = {rid: [d.rule for d in linter.check(corpus[rid])] for rid in ids}
    assert not any(cross in rules for rules in alone.values())
