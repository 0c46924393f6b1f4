//! `examples/`, the README's first command: every family shows once, the clean article
//! stays silent, and the human output fits on a screen or two.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::scrapelint;

#[test]
fn every_family_appears_and_the_clean_article_is_silent() {
    let out = scrapelint()
        .args(["check", "--isolated", "--format", "json", "examples/"])
        .assert()
        .code(1);
    let report: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let mut families: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for d in report["diagnostics"].as_array().unwrap() {
        families
            .entry(d["path"].as_str().unwrap().to_owned())
            .or_default()
            .insert(d["category"].as_str().unwrap().to_owned());
    }
    let found: BTreeSet<&str> = families.values().flatten().map(String::as_str).collect();
    assert_eq!(
        found,
        BTreeSet::from([
            "boilerplate",
            "encoding",
            "fragment",
            "mangled",
            "off-topic"
        ]),
        "{families:?}"
    );
    assert!(
        !families.contains_key("examples/clean-bridge.txt"),
        "the clean article has findings: {families:?}"
    );
    // Each article shows the family it is named for.
    for (file, family) in [
        ("council-budget", "boilerplate"),
        ("flood-spliced", "off-topic"),
        ("ferry-shares", "mangled"),
        ("school-fragments", "fragment"),
        ("festival-encoding", "encoding"),
    ] {
        let path = format!("examples/{file}.txt");
        assert!(
            families.get(&path).is_some_and(|f| f.contains(family)),
            "{path}: no {family} finding in {families:?}"
        );
    }
}

#[test]
fn the_human_output_fits_on_a_screen_or_two() {
    let out = scrapelint()
        .args(["check", "--isolated", "--color", "never", "examples/"])
        .assert()
        .code(1);
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let lines = stdout.lines().count();
    assert!(lines <= 120, "{lines} lines:\n{stdout}");
    let last = stdout.lines().last().unwrap();
    assert!(
        last.starts_with("boilerplate ") && last.contains(" in 6 files (1 clean)."),
        "{last}"
    );
    assert!(
        stdout.contains("examples/council-budget.txt — "),
        "{stdout}"
    );
}
