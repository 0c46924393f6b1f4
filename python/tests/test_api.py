"""The package's API: check, clean, Linter options, diagnostics and errors."""

from __future__ import annotations

import pytest

import scrapelint

ARTICLE = """Council approves new cycle lanes

The council approved four new cycle lanes on Tuesday after a six-month consultation.

ADVERTISEMENT

Work will start in the spring, said the transport officer, Ms Émilie Durand.

Leave a Comment
"""


def rules_of(diagnostics):
    return [d.rule for d in diagnostics]


def test_check_finds_boilerplate_with_json_fields_as_attributes():
    found = scrapelint.check(ARTICLE)
    ad = next(d for d in found if d.rule == "boilerplate.ad-label")
    assert (ad.category, ad.severity) == ("boilerplate", "error")
    assert (ad.line, ad.column, ad.end_line, ad.end_column) == (5, 1, 5, 14)
    assert ad.text == "ADVERTISEMENT" == ARTICLE[ad.start : ad.end]
    assert ad.message
    assert ad.fix is not None and ad.fix.replacement == "" and ad.fix.applicability == "safe"
    as_dict = ad.to_dict()
    assert as_dict["rule"] == "boilerplate.ad-label"
    assert as_dict["range"] == {"start": {"line": 5, "column": 1}, "end": {"line": 5, "column": 14}}
    assert as_dict["byte_range"] == {"start": ad.byte_start, "end": ad.byte_end}
    assert "path" not in as_dict


def test_offsets_are_characters_and_bytes_are_utf8():
    text = "Émilie Durand était là.\n\nADVERTISEMENT\n"
    (ad,) = [d for d in scrapelint.check(text) if d.rule == "boilerplate.ad-label"]
    assert text[ad.start : ad.end] == "ADVERTISEMENT"
    assert text.encode()[ad.byte_start : ad.byte_end] == b"ADVERTISEMENT"
    assert ad.byte_start - ad.start == 3  # É, é and à take two bytes each


def test_clean_removes_safe_fixes_and_reports_what_remains():
    cleaned, remaining = scrapelint.clean(ARTICLE)
    assert "ADVERTISEMENT" not in cleaned and "Leave a Comment" not in cleaned
    assert "The council approved four new cycle lanes" in cleaned
    assert all(d.fix is None or d.fix.applicability != "safe" for d in remaining)
    for d in remaining:
        assert cleaned[d.start : d.end] == d.text


def test_linter_select_and_ignore():
    only_ads = scrapelint.Linter(select="boilerplate.ad-label")
    assert set(rules_of(only_ads.check(ARTICLE))) == {"boilerplate.ad-label"}
    no_ads = scrapelint.Linter(ignore=["boilerplate.ad-label"])
    assert "boilerplate.ad-label" not in rules_of(no_ads.check(ARTICLE))
    assert "boilerplate.ad-label" in rules_of(scrapelint.Linter().check(ARTICLE))


CUSTOM = """
[[rule]]
id = "house.cycle"
kind = "phrase"
category = "mangled"
severity = "warning"
message = "house style: say bike lane"
phrases = ["cycle lanes"]
explain = "Bad: cycle lanes. Good: bike lanes."
"""


def test_rule_files_and_texts_without_default_rules(tmp_path):
    path = tmp_path / "house.toml"
    path.write_text(CUSTOM)
    for linter in (
        scrapelint.Linter(rules=path, no_default_rules=True),
        scrapelint.Linter(rule_texts=[CUSTOM], no_default_rules=True),
    ):
        assert set(rules_of(linter.check(ARTICLE))) == {"house.cycle"}
    found = scrapelint.check(ARTICLE, rules=[str(path)])
    assert {"house.cycle", "boilerplate.ad-label"} <= set(rules_of(found))


def test_bad_rules_and_arguments_raise_clear_errors(tmp_path):
    with pytest.raises(scrapelint.RuleError, match="missing field `category`"):
        scrapelint.Linter(rule_texts=['[[rule]]\nid = "x.y"\nkind = "phrase"\n'])
    with pytest.raises(scrapelint.RuleError, match="matches no rule"):
        scrapelint.Linter(select="no-such-rule")
    with pytest.raises(scrapelint.RuleError, match="missing.toml"):
        scrapelint.Linter(rules=tmp_path / "missing.toml")
    with pytest.raises(scrapelint.RuleError, match="unknown rule kind `nope`"):
        scrapelint.Linter(rule_texts=[CUSTOM.replace('"phrase"', '"nope"')])
    with pytest.raises(TypeError):
        scrapelint.Linter().check(b"bytes are not text")
    with pytest.raises(TypeError, match="one str"):
        scrapelint.Linter().check_many("a single string")
    assert issubclass(scrapelint.RuleError, ValueError)


def test_check_many_equals_check_each():
    linter = scrapelint.Linter()
    texts = [ARTICLE, "", "Just one clean sentence here.\n", ARTICLE.replace("\n", "\r\n")]
    assert linter.check_many(iter(texts)) == [linter.check(t) for t in texts]


def test_drop_if_expressions():
    drop = scrapelint.DropIf("boilerplate_share > 0.5 or off_topic > 0")
    assert drop.matches({"boilerplate_share": 0.6, "off_topic": 0})
    assert not drop.matches({"boilerplate_share": 0.1, "off_topic": 0})
    with pytest.raises(ValueError, match="not a field"):
        scrapelint.DropIf("__import__('os').system('true')")
    with pytest.raises(KeyError, match="unknown field"):
        drop.matches({"score": 1.0})


def test_records_summarise_like_scrapelint_clean():
    linter = scrapelint.Linter()
    checked = linter.check_record(ARTICLE)
    assert checked.text == ARTICLE and checked.fixed == []
    assert checked.summary["boilerplate"] >= 2
    assert "boilerplate.ad-label" in checked.summary["rules"]
    cleaned = linter.clean_record(ARTICLE)
    assert cleaned.text == scrapelint.clean(ARTICLE)[0]
    assert cleaned.summary["fixed"] == len(cleaned.fixed) >= 2
    assert 0 < cleaned.summary["boilerplate_share"] < 0.5
    assert cleaned.summary["bytes_before"] == len(ARTICLE.encode())


def test_a_bom_is_skipped_like_the_command_line_does():
    text = "\ufeffStorm hits coast\n\nADVERTISEMENT\n"
    (ad,) = [d for d in scrapelint.check(text) if d.rule == "boilerplate.ad-label"]
    assert (ad.line, ad.column) == (3, 1)
    assert text[ad.start : ad.end] == "ADVERTISEMENT"
    assert text.encode()[ad.byte_start : ad.byte_end] == b"ADVERTISEMENT"
