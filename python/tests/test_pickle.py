"""Pickling: a linter travels as its options (and statistics) and is rebuilt."""

from __future__ import annotations

import pickle

import pytest

import scrapelint

from test_api import ARTICLE, CUSTOM


def test_linter_round_trips_with_its_options(tmp_path):
    path = tmp_path / "house.toml"
    path.write_text(CUSTOM)
    linter = scrapelint.Linter(rules=[path], select=["house", "boilerplate.ad-label"])
    back = pickle.loads(pickle.dumps(linter))
    assert back is not linter
    assert back.check(ARTICLE) == linter.check(ARTICLE)
    assert {d.rule for d in back.check(ARTICLE)} == {"house.cycle", "boilerplate.ad-label"}
    assert repr(back) == repr(linter)


def test_pickle_holds_options_not_compiled_rules():
    # Options only: a few hundred bytes, however many rules there are.
    assert len(pickle.dumps(scrapelint.Linter())) < 1000


def test_stats_round_trip_as_bytes(corpus):
    linter = scrapelint.Linter()
    stats = linter.observe(corpus.values())
    data = stats.to_bytes()
    assert isinstance(data, bytes)
    back = scrapelint.Stats.from_bytes(data)
    assert back.documents == stats.documents == len(corpus)
    unpickled = pickle.loads(pickle.dumps(stats))
    for s in (back, unpickled):
        assert s.documents == len(corpus)
        checker, reference = linter.with_stats(s), linter.with_stats(stats)
        assert [checker.check(t) for t in corpus.values()] == [
            reference.check(t) for t in corpus.values()
        ]
    with pytest.raises(ValueError, match="scrapelint statistics"):
        scrapelint.Stats.from_bytes(b"not statistics")


def test_linter_with_stats_keeps_them_through_pickle(corpus):
    linter = scrapelint.Linter()
    two_pass = linter.with_stats(linter.observe(corpus.values()))
    back = pickle.loads(pickle.dumps(two_pass))
    assert back.stats is not None and back.stats.documents == len(corpus)
    for text in corpus.values():
        assert back.check(text) == two_pass.check(text)
