//! Detection quality on the fixture sets, scored like `../shared/tools/score-seeds`.
//!
//! Each set asserts floors: the share of `must` findings found per category, and no
//! warning or error on a line annotated clean. The floors only go up.

#![allow(clippy::print_stderr)] // the scores are printed for `cargo test -- --nocapture`

mod common;

use common::score::{score, splices};
use scrapelint::{RuleSet, Severity};

fn run(set: &str, docs: &str) -> common::score::Score {
    let root = common::root().join("fixtures").join(set);
    let rules = RuleSet::builtin().unwrap();
    let s = score(&rules, &root.join(docs), &root.join("expected.toml"));
    eprintln!("== {set}\n{}", s.report());
    s
}

#[test]
fn seeds() {
    let s = run("seeds", "");
    assert!(
        s.false_positives.is_empty(),
        "warnings on clean seed lines:\n{}",
        s.report()
    );
    assert!(s.found("boilerplate", "must") >= 10, "{}", s.report());
    assert!(s.found("boilerplate", "should") >= 3, "{}", s.report());
    assert!(s.recall("fragment", "must") >= 1.0, "{}", s.report());
    assert!(s.found("fragment", "should") >= 4, "{}", s.report());
    assert!(s.found("mangled", "must") >= 2, "{}", s.report());
    assert!(s.found("mangled", "should") >= 5, "{}", s.report());
    assert!(s.found("off-topic", "must") >= 2, "{}", s.report());
}

#[test]
fn generalisation() {
    let s = run("generalisation", "docs");
    assert!(
        s.false_positives.is_empty(),
        "warnings on clean lines:\n{}",
        s.report()
    );
    assert!(s.recall("boilerplate", "must") >= 0.95, "{}", s.report());
    assert!(s.recall("boilerplate", "should") >= 0.8, "{}", s.report());
    assert!(s.recall("mangled", "must") >= 1.0, "{}", s.report());
    assert!(s.recall("mangled", "should") >= 0.9, "{}", s.report());
}

/// Paragraph-level precision and recall of off-topic diagnostics on a spliced set, of
/// at least severity `min`, asserted to reach the floors both when the set is checked
/// as one run (as `scrapelint check DIR` does) and one file at a time (no statistics
/// from the other files, whose twins of the inserted paragraphs must not give them
/// away).
fn spliced(set: &str, min: Severity, recall: f64, precision: f64) {
    let rules = RuleSet::builtin().unwrap();
    let dir = common::root().join("fixtures").join(set);
    for one_at_a_time in [false, true] {
        let s = splices(&rules, &dir, min, one_at_a_time);
        let how = if one_at_a_time {
            "one file at a time"
        } else {
            "one run"
        };
        eprintln!("== {set}, {min} and above, {how}\n{}", s.report());
        assert!(s.recall() >= recall, "{set}, {how}: {}", s.report());
        assert!(s.precision() >= precision, "{set}, {how}: {}", s.report());
    }
}

/// Cross-topic splices: warnings are all right, and with the info rule most are found.
#[test]
fn spliced_cross_topic() {
    spliced("spliced", Severity::Warning, 0.6, 0.9);
    spliced("spliced", Severity::Info, 0.7, 0.8);
}

/// Same-register splices share the host's vocabulary; lexical signals alone find few.
#[test]
fn spliced_same_register() {
    spliced("spliced-same", Severity::Warning, 0.05, 0.5);
    spliced("spliced-same", Severity::Info, 0.05, 0.3);
}
