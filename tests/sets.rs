//! Detection quality on the fixture sets, scored like `../shared/tools/score-seeds`.
//!
//! Each set asserts floors: the share of `must` findings found per category, and no
//! warning or error on a line annotated clean. The floors only go up.

#![allow(clippy::print_stderr)] // the scores are printed for `cargo test -- --nocapture`

mod common;

use common::score::score;
use scrapelint::RuleSet;

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
