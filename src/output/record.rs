//! The serialisable form of a diagnostic, shared by the JSON formats and the LSP.
//! `docs/json-schema.json` describes it; a test keeps the two in step.

use serde::Serialize;

use super::FileReport;
use crate::diagnostic::{Applicability, Category, Diagnostic, Severity};

/// 1-based line and column (columns count Unicode scalar values).
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
pub struct Span<T> {
    pub start: T,
    pub end: T,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct JsonFix {
    pub replacement: String,
    /// Byte offsets into the file as it is on disk.
    pub byte_range: Span<usize>,
    pub applicability: Applicability,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct JsonDiagnostic {
    pub path: String,
    pub rule: String,
    pub category: Category,
    pub severity: Severity,
    pub message: String,
    /// End exclusive.
    pub range: Span<Position>,
    /// Byte offsets into the file as it is on disk, end exclusive.
    pub byte_range: Span<usize>,
    pub snippet: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<JsonFix>,
}

impl JsonDiagnostic {
    pub fn new(report: &FileReport<'_>, d: &Diagnostic) -> Self {
        let doc = report.doc;
        let pos = |offset| {
            let lc = doc.line_col(offset);
            Position {
                line: lc.line,
                column: lc.column,
            }
        };
        let bytes = |r: &std::ops::Range<usize>| {
            let o = doc.source().original_range(r);
            Span {
                start: o.start,
                end: o.end,
            }
        };
        JsonDiagnostic {
            path: report.path.to_owned(),
            rule: d.rule.to_string(),
            category: d.category,
            severity: d.severity,
            message: d.message.clone(),
            range: Span {
                start: pos(d.span.start),
                end: pos(d.span.end),
            },
            byte_range: bytes(&d.span),
            snippet: doc.slice(&d.span).to_owned(),
            suggestion: d.suggestion.clone(),
            fix: d.fix.as_ref().map(|f| JsonFix {
                replacement: f.replacement.clone(),
                byte_range: bytes(&f.range),
                applicability: f.applicability,
            }),
        }
    }
}
