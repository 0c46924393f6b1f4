//! What checking produces: diagnostics with a category, a severity and an optional fix.

use std::fmt;
use std::ops::Range;
use std::str::FromStr;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

/// How serious a finding is. Ordered: `Info < Warning < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub const ALL: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Severity {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Severity::ALL
            .into_iter()
            .find(|v| v.as_str() == s)
            .ok_or_else(|| format!("unknown severity `{s}` (expected error, warning or info)"))
    }
}

/// What kind of problem a diagnostic reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Category {
    /// Text the scraper kept from the page around the article.
    Boilerplate,
    /// Text from another story spliced into this one.
    OffTopic,
    /// Article text damaged by spinning, translation or typos.
    Mangled,
    /// Broken sentence or paragraph shape.
    Fragment,
    /// The bytes of the file themselves.
    Encoding,
    /// Article text that other files of the run also carry (reprints, updates).
    Duplicate,
}

impl Category {
    pub const ALL: [Category; 6] = [
        Category::Boilerplate,
        Category::OffTopic,
        Category::Mangled,
        Category::Fragment,
        Category::Encoding,
        Category::Duplicate,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Category::Boilerplate => "boilerplate",
            Category::OffTopic => "off-topic",
            Category::Mangled => "mangled",
            Category::Fragment => "fragment",
            Category::Encoding => "encoding",
            Category::Duplicate => "duplicate",
        }
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether a fix may be applied without a human looking at it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Applicability {
    /// Applied by `--fix`.
    #[default]
    Safe,
    /// Applied only with `--unsafe-fixes`: it may remove article text.
    Unsafe,
}

/// One replacement of a byte range of the decoded text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub range: Range<usize>,
    pub replacement: String,
    pub applicability: Applicability,
}

/// One finding in one document. Spans are byte ranges into the decoded text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub rule: Arc<str>,
    pub category: Category,
    pub severity: Severity,
    pub message: String,
    pub span: Range<usize>,
    /// What the flagged text should read, when there is one answer.
    pub suggestion: Option<String>,
    pub fix: Option<Fix>,
}

impl Diagnostic {
    /// Sort key: position, then rule id, so output is identical across runs.
    pub fn sort_key(&self) -> (usize, usize, &str) {
        (self.span.start, self.span.end, &self.rule)
    }
}
