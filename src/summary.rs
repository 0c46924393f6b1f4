//! Per-record counts and scores: the `scrapelint` field `scrapelint clean` adds to each
//! record, and the names `--drop-if` expressions may use.

use std::collections::BTreeSet;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Category, Diagnostic, Severity};

/// What was found in one record and what cleaning did to it. Counts cover every
/// finding, fixed or not.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RecordSummary {
    /// Findings in all (`fixed + remaining`).
    pub diagnostics: usize,
    /// Findings whose fix was applied.
    pub fixed: usize,
    /// Findings left in the cleaned text.
    pub remaining: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub boilerplate: usize,
    pub off_topic: usize,
    pub mangled: usize,
    pub fragment: usize,
    pub encoding: usize,
    /// Ids of the rules that fired, sorted.
    pub rules: Vec<String>,
    /// Share of the text's bytes inside a boilerplate finding, in [0, 1].
    pub boilerplate_share: f64,
    /// Share of the text's bytes inside any finding, in [0, 1].
    pub flagged_share: f64,
    /// `1 - flagged_share`: 1 for a text with no finding, 0 for an empty one.
    pub score: f64,
    /// Length of the text before and after cleaning, in bytes.
    pub bytes_before: usize,
    pub bytes_after: usize,
}

/// The numeric fields of [`RecordSummary`], by the names expressions use.
pub const FIELDS: &[&str] = &[
    "diagnostics",
    "fixed",
    "remaining",
    "errors",
    "warnings",
    "infos",
    "boilerplate",
    "off_topic",
    "mangled",
    "fragment",
    "encoding",
    "boilerplate_share",
    "flagged_share",
    "score",
    "bytes_before",
    "bytes_after",
];

impl RecordSummary {
    /// Summarises a record: `fixed` are spans of `before`, `remaining` spans of `after`.
    pub fn new(before: &str, fixed: &[Diagnostic], remaining: &[Diagnostic], after: &str) -> Self {
        let mut s = RecordSummary {
            fixed: fixed.len(),
            remaining: remaining.len(),
            diagnostics: fixed.len() + remaining.len(),
            bytes_before: before.len(),
            bytes_after: after.len(),
            ..RecordSummary::default()
        };
        let mut rules = BTreeSet::new();
        for d in fixed.iter().chain(remaining) {
            match d.severity {
                Severity::Error => s.errors += 1,
                Severity::Warning => s.warnings += 1,
                _ => s.infos += 1,
            }
            *s.category_count(d.category) += 1;
            rules.insert(d.rule.to_string());
        }
        s.rules = rules.into_iter().collect();
        if !before.is_empty() {
            let share = |pick: &dyn Fn(&Diagnostic) -> bool| {
                let covered = covered(fixed.iter().filter(|d| pick(d)))
                    + covered(remaining.iter().filter(|d| pick(d)));
                (covered as f64 / before.len() as f64).min(1.0)
            };
            s.boilerplate_share = share(&|d| d.category == Category::Boilerplate);
            s.flagged_share = share(&|_| true);
            s.score = 1.0 - s.flagged_share;
        }
        s
    }

    fn category_count(&mut self, c: Category) -> &mut usize {
        match c {
            Category::Boilerplate => &mut self.boilerplate,
            Category::OffTopic => &mut self.off_topic,
            Category::Mangled => &mut self.mangled,
            Category::Fragment => &mut self.fragment,
            _ => &mut self.encoding,
        }
    }

    /// The value of a numeric field named in [`FIELDS`].
    pub fn field(&self, name: &str) -> Option<f64> {
        Some(match name {
            "diagnostics" => self.diagnostics as f64,
            "fixed" => self.fixed as f64,
            "remaining" => self.remaining as f64,
            "errors" => self.errors as f64,
            "warnings" => self.warnings as f64,
            "infos" => self.infos as f64,
            "boilerplate" => self.boilerplate as f64,
            "off_topic" => self.off_topic as f64,
            "mangled" => self.mangled as f64,
            "fragment" => self.fragment as f64,
            "encoding" => self.encoding as f64,
            "boilerplate_share" => self.boilerplate_share,
            "flagged_share" => self.flagged_share,
            "score" => self.score,
            "bytes_before" => self.bytes_before as f64,
            "bytes_after" => self.bytes_after as f64,
            _ => return None,
        })
    }
}

/// Bytes inside the union of the diagnostics' spans.
fn covered<'a>(diagnostics: impl Iterator<Item = &'a Diagnostic>) -> usize {
    let mut spans: Vec<Range<usize>> = diagnostics.map(|d| d.span.clone()).collect();
    spans.sort_by_key(|r| (r.start, r.end));
    let (mut total, mut end) = (0, 0);
    for r in spans {
        let start = r.start.max(end);
        if r.end > start {
            total += r.end - start;
            end = r.end;
        }
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diag(category: Category, span: Range<usize>) -> Diagnostic {
        Diagnostic {
            rule: format!("{category}.x").into(),
            category,
            severity: Severity::Warning,
            message: String::new(),
            span,
            suggestion: None,
            fix: None,
        }
    }

    #[test]
    fn shares_count_overlapping_spans_once() {
        let before = "0123456789";
        let fixed = [
            diag(Category::Boilerplate, 0..4),
            diag(Category::Boilerplate, 2..6),
        ];
        let remaining = [diag(Category::Mangled, 0..2)];
        let s = RecordSummary::new(before, &fixed, &remaining, "6789");
        assert_eq!((s.diagnostics, s.fixed, s.remaining), (3, 2, 1));
        assert_eq!((s.boilerplate, s.mangled, s.warnings), (2, 1, 3));
        assert!((s.boilerplate_share - 0.6).abs() < 1e-9);
        assert!((s.flagged_share - 0.8).abs() < 1e-9);
        assert!((s.score - 0.2).abs() < 1e-9);
        assert_eq!(s.rules, ["boilerplate.x", "mangled.x"]);
    }

    #[test]
    fn every_field_name_has_a_value() {
        let s = RecordSummary::new("", &[], &[], "");
        for f in FIELDS {
            assert!(s.field(f).is_some(), "{f}");
        }
        assert_eq!(s.field("nope"), None);
        assert_eq!(s.score, 0.0);
    }
}
