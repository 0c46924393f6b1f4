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
    assert!(s.found("boilerplate", "must") >= 6, "{}", s.report());
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
    assert!(s.recall("boilerplate", "must") >= 0.14, "{}", s.report());
}

/// Paragraph-level precision and recall of off-topic diagnostics on a spliced set, of
/// at least severity `min`, checked as one run (as `scrapelint check DIR` does) and one
/// file at a time (no statistics from the other files, whose twins of the inserted
/// paragraphs must not give them away).
fn spliced(set: &str, min: Severity) -> [common::score::SpliceScore; 2] {
    let rules = RuleSet::builtin().unwrap();
    let dir = common::root().join("fixtures").join(set);
    let run = splices(&rules, &dir, min, false);
    let alone = splices(&rules, &dir, min, true);
    eprintln!(
        "== {set}, {min} and above, one run\n{}== {set}, {min} and above, one file at a time\n{}",
        run.report(),
        alone.report()
    );
    [run, alone]
}

/// Cross-topic splices: warnings are all right, and with the info rule most are found.
#[test]
fn spliced_cross_topic() {
    for s in spliced("spliced", Severity::Warning) {
        assert!(s.recall() >= 0.55, "{}", s.report());
        assert!(s.precision() >= 0.95, "{}", s.report());
    }
    for s in spliced("spliced", Severity::Info) {
        assert!(s.recall() >= 0.7, "{}", s.report());
        assert!(s.precision() >= 0.8, "{}", s.report());
    }
}

/// Same-register splices share the host's vocabulary; lexical signals alone find few.
#[test]
fn spliced_same_register() {
    for s in spliced("spliced-same", Severity::Warning) {
        assert!(s.recall() >= 0.02, "{}", s.report());
        assert!(s.precision() >= 0.9, "{}", s.report());
    }
    for s in spliced("spliced-same", Severity::Info) {
        assert!(s.recall() >= 0.05, "{}", s.report());
        assert!(s.precision() >= 0.3, "{}", s.report());
    }
}
