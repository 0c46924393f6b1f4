//! The corpus report: findings aggregated file by file into bounded statistics
//! ([`ReportStats`]), rendered as one self-contained HTML page ([`render_html`]).
//!
//! Aggregation takes one `(path, text, diagnostics)` at a time, so any source of
//! articles (a walked folder, a JSONL corpus) can feed it; its memory and the page's
//! size stay bounded however many files and findings there are.

mod excerpt;
mod html;
mod stats;
mod svg;

pub use excerpt::Excerpt;
pub use html::{ReportInfo, render_html};
pub use stats::{FileSummary, FolderStats, Limits, ReportStats, RuleStats, SHARE_BINS};
