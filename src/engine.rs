//! Checking one document against a rule set: no I/O, never fails.

use crate::corpus::CorpusStats;
use crate::diagnostic::Diagnostic;
use crate::rules::{CheckContext, RuleSet};
use crate::text::Document;

/// Runs every enabled rule on `doc`. Diagnostics come sorted by position then rule id,
/// without duplicates, so output is identical across runs.
pub fn check(rules: &RuleSet, doc: &Document, corpus: &CorpusStats) -> Vec<Diagnostic> {
    let cx = CheckContext {
        corpus,
        selection: rules.selection(),
    };
    let mut out = Vec::new();
    for checker in rules.checkers() {
        checker.check(doc, &cx, &mut out);
    }
    out.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    out.dedup();
    out
}

/// Checks one text with the built-in rules; for tests, examples and embedding.
pub fn check_text(rules: &RuleSet, text: &str) -> Vec<Diagnostic> {
    check(rules, &Document::from_text(text), &CorpusStats::default())
}
