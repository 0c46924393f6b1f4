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

/// Checks several documents as one run: the corpus statistics that rules ask for are
/// gathered over all of them first (as `scrapelint check` does with several files).
pub fn check_corpus(rules: &RuleSet, docs: &[Document]) -> Vec<Vec<Diagnostic>> {
    let needs = rules.corpus_needs();
    let mut corpus = CorpusStats::default();
    if needs.any() && docs.len() > 1 {
        for doc in docs {
            corpus.observe(doc, needs);
        }
    }
    docs.iter().map(|d| check(rules, d, &corpus)).collect()
}
