//! Checking one document against a rule set: no I/O, never fails.

use crate::corpus::CorpusStats;
use crate::diagnostic::{Category, Diagnostic};
use crate::rules::{CheckContext, RuleSet};
use crate::text::Document;
use rayon::prelude::*;

/// Runs every enabled rule on `doc`. Diagnostics come sorted by position then rule id,
/// without duplicates, so output is identical across runs. A finding inside a
/// multi-line block of boilerplate that is at least as severe (a divider line inside a
/// related-links list) is dropped: the block goes anyway. So is the finding of a rule
/// that judges the article's sentences on a line that boilerplate at least as severe
/// takes whole (a syndication footer is no truncated paragraph of the article).
pub fn check(rules: &RuleSet, doc: &Document, corpus: &CorpusStats) -> Vec<Diagnostic> {
    check_named(rules, doc, corpus, None)
}

/// [`check`] for a document that has a name in the run (its path or record id, as
/// given to the corpus statistics), so that cross-file rules can tell its own lines
/// from another file's.
pub fn check_named(
    rules: &RuleSet,
    doc: &Document,
    corpus: &CorpusStats,
    name: Option<&str>,
) -> Vec<Diagnostic> {
    let lines = crate::corpus::LineKeys::default();
    let cx = CheckContext {
        corpus,
        selection: rules.selection(),
        language: doc.language(),
        name,
        lines: &lines,
    };
    let mut out = Vec::new();
    if rules.parallel_checkers() {
        let checkers = rules.checkers();
        let mut each: Vec<Vec<Diagnostic>> = checkers
            .par_iter()
            .map(|checker| {
                let mut found = Vec::new();
                if !checker.reads_prior() {
                    checker.check(doc, &cx, &mut found);
                }
                found
            })
            .collect();
        // A checker that reads the earlier kinds' findings gets exactly those, as
        // when the checkers run one after another.
        for (i, checker) in checkers.iter().enumerate() {
            if checker.reads_prior() {
                let mut prior: Vec<Diagnostic> = each[..i].iter().flatten().cloned().collect();
                let before = prior.len();
                checker.check(doc, &cx, &mut prior);
                each[i] = prior.split_off(before);
            }
        }
        out.extend(each.into_iter().flatten());
    } else {
        for checker in rules.checkers() {
            checker.check(doc, &cx, &mut out);
        }
    }
    out.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    out.dedup();
    let judges_sentences =
        |d: &Diagnostic| rules.checkers().iter().any(|c| c.judges_sentences(&d.rule));
    drop_nested(doc, out, judges_sentences)
}

/// Removes diagnostics lying inside a boilerplate diagnostic that spans whole lines
/// and is of at least their severity: anything inside a block of more than one line
/// (of a higher severity when both span the same lines: two rules that agree on a
/// block are both kept, unless one of them is the weaker reading of it), and, inside
/// a single whole line, the findings of rules that judge the article's own sentences
/// (the line is not one of them).
fn drop_nested(
    doc: &Document,
    diagnostics: Vec<Diagnostic>,
    judges_sentences: impl Fn(&Diagnostic) -> bool,
) -> Vec<Diagnostic> {
    let idx = doc.line_index();
    // Whether the finding takes its lines whole, and whether it spans more than one.
    let whole_lines = |d: &Diagnostic| {
        let first = idx.line_range(idx.line_of(d.span.start));
        let last = idx.line_range(idx.line_of(d.span.end.saturating_sub(1).max(d.span.start)));
        let whole = doc.text()[first.start..d.span.start].trim().is_empty()
            && doc.text()[d.span.end.min(last.end)..last.end]
                .trim()
                .is_empty();
        whole.then_some(first != last)
    };
    let blocks: Vec<(&Diagnostic, bool)> = diagnostics
        .iter()
        .filter(|d| d.category == Category::Boilerplate)
        .filter_map(|d| Some((d, whole_lines(d)?)))
        .collect();
    let inside = |d: &Diagnostic| {
        blocks.iter().any(|&(b, several)| {
            !std::ptr::eq(b, d)
                && b.span.start <= d.span.start
                && d.span.end <= b.span.end
                && if b.span == d.span && several {
                    b.severity > d.severity
                } else {
                    b.severity >= d.severity
                }
                // asked last: it looks the rule up among the checkers
                && (several || judges_sentences(d))
        })
    };
    let keep: Vec<bool> = diagnostics.iter().map(|d| !inside(d)).collect();
    diagnostics
        .into_iter()
        .zip(keep)
        .filter_map(|(d, k)| k.then_some(d))
        .collect()
}

/// Checks one text with the built-in rules; for tests, examples and embedding.
pub fn check_text(rules: &RuleSet, text: &str) -> Vec<Diagnostic> {
    check(rules, &Document::from_text(text), &CorpusStats::default())
}

/// Checks several documents as one run: the corpus statistics that rules ask for are
/// gathered over all of them first (as `scrapelint check` does with several files).
pub fn check_corpus(rules: &RuleSet, docs: &[Document]) -> Vec<Vec<Diagnostic>> {
    let names: Vec<String> = (1..=docs.len()).map(|i| format!("document {i}")).collect();
    let named: Vec<(&str, &Document)> = names.iter().map(String::as_str).zip(docs).collect();
    check_corpus_named(rules, &named)
}

/// [`check_corpus`] with each document's name, which cross-file findings cite.
pub fn check_corpus_named(rules: &RuleSet, docs: &[(&str, &Document)]) -> Vec<Vec<Diagnostic>> {
    let needs = rules.corpus_needs();
    let mut corpus = CorpusStats::default();
    if needs.any() && docs.len() > 1 {
        for (name, doc) in docs {
            corpus.observe_from(doc, needs, name);
        }
    }
    docs.iter()
        .map(|(name, d)| check_named(rules, d, &corpus, Some(name)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;

    fn diag(
        rule: &str,
        category: Category,
        severity: Severity,
        span: std::ops::Range<usize>,
    ) -> Diagnostic {
        Diagnostic {
            rule: rule.into(),
            category,
            severity,
            message: String::new(),
            span,
            suggestion: None,
            fix: None,
        }
    }

    /// In these tests, rules named `f.*` judge sentences.
    fn sentence_rule(d: &Diagnostic) -> bool {
        d.rule.starts_with("f.")
    }

    #[test]
    fn findings_inside_a_boilerplate_block_are_dropped_unless_more_severe() {
        let doc = Document::from_text("Body.\n\nMore stories\n-\nA headline\n");
        let block = diag("b.block", Category::Boilerplate, Severity::Warning, 7..32);
        let divider = diag("b.sep", Category::Boilerplate, Severity::Info, 20..21);
        let severe = diag("e.bad", Category::Encoding, Severity::Error, 22..23);
        let outside = diag("f.x", Category::Fragment, Severity::Info, 0..5);
        let kept = drop_nested(
            &doc,
            vec![outside.clone(), block.clone(), divider, severe.clone()],
            sentence_rule,
        );
        assert_eq!(kept, vec![outside, block, severe]);
    }

    #[test]
    fn of_two_findings_on_one_block_the_weaker_goes() {
        let doc = Document::from_text("Body.\n\nA headline\n-\nAnother one\n");
        let cards = diag("b.cards", Category::Boilerplate, Severity::Warning, 7..32);
        let list = diag("b.list", Category::Boilerplate, Severity::Info, 7..32);
        let nav = diag("b.nav", Category::Boilerplate, Severity::Warning, 7..32);
        let kept = drop_nested(&doc, vec![cards.clone(), list, nav.clone()], sentence_rule);
        assert_eq!(kept, vec![cards, nav]);
    }

    #[test]
    fn a_fragment_finding_on_a_boilerplate_line_goes_unless_more_severe() {
        let doc = Document::from_text("Body text here.\nWritten byJane Roe\n");
        let byline = diag("b.byline", Category::Boilerplate, Severity::Warning, 16..34);
        let clipped = diag("f.trunc", Category::Fragment, Severity::Warning, 16..34);
        let mangled = diag("m.x", Category::Mangled, Severity::Warning, 26..34);
        let kept = drop_nested(
            &doc,
            vec![byline.clone(), clipped, mangled.clone()],
            sentence_rule,
        );
        assert_eq!(kept, vec![byline.clone(), mangled]);
        let quiet = diag("b.byline", Category::Boilerplate, Severity::Info, 16..34);
        let loud = diag("f.trunc", Category::Fragment, Severity::Warning, 16..34);
        assert_eq!(
            drop_nested(&doc, vec![quiet.clone(), loud.clone()], sentence_rule),
            vec![quiet, loud]
        );
        // a check whose subject is the lone line itself keeps its finding
        let orphan = diag("o.byline", Category::Fragment, Severity::Warning, 16..34);
        assert_eq!(
            drop_nested(&doc, vec![byline.clone(), orphan.clone()], sentence_rule),
            vec![byline.clone(), orphan]
        );
        // two boilerplate rules on one line are both kept
        let other = diag("b.other", Category::Boilerplate, Severity::Info, 16..34);
        assert_eq!(
            drop_nested(&doc, vec![byline.clone(), other.clone()], sentence_rule),
            vec![byline, other]
        );
    }

    #[test]
    fn a_partial_line_match_is_no_block() {
        let doc = Document::from_text("It ended. - Reuters and more\n");
        let credit = diag("b.credit", Category::Boilerplate, Severity::Warning, 10..19);
        let inner = diag("m.x", Category::Mangled, Severity::Info, 12..19);
        assert_eq!(
            drop_nested(&doc, vec![credit.clone(), inner.clone()], sentence_rule).len(),
            2
        );
    }
}
