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

/// Paragraph-level precision and recall of off-topic warnings on a spliced set, checked
/// as one run (as `scrapelint check DIR` does) and one file at a time (no statistics
/// from the other files, whose twins of the inserted paragraphs could give them away).
fn spliced(set: &str) -> [common::score::SpliceScore; 2] {
    let rules = RuleSet::builtin().unwrap();
    let dir = common::root().join("fixtures").join(set);
    let run = splices(&rules, &dir, Severity::Warning, false);
    let alone = splices(&rules, &dir, Severity::Warning, true);
    let info = splices(&rules, &dir, Severity::Info, false);
    eprintln!(
        "== {set} (warnings, one run)\n{}== {set} (warnings, one file at a time)\n{}== {set} (with info, one run)\n{}",
        run.report(),
        alone.report(),
        info.report()
    );
    [run, alone]
}

#[test]
fn spliced_cross_topic() {
    for s in spliced("spliced") {
        assert!(s.recall() >= 0.7, "{}", s.report());
        assert!(s.precision() >= 0.9, "{}", s.report());
    }
}

/// Same-register splices share the host's vocabulary; lexical signals alone find few.
#[test]
fn spliced_same_register() {
    for s in spliced("spliced-same") {
        assert!(s.recall() >= 0.05, "{}", s.report());
        assert!(s.precision() >= 0.5, "{}", s.report());
    }
}
