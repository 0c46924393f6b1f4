//! scrapelint: a content-quality linter for scraped news articles.
//!
//! The library does no printing and never exits the process: [`text`] builds the
//! document model, [`rules`] loads TOML rules into checkers, [`engine`] runs them,
//! [`fix`] applies their fixes, [`baseline`] sets accepted findings aside and [`output`]
//! renders diagnostics in each format.

pub mod api;
pub mod baseline;
pub mod corpus;
pub mod diagnostic;
pub mod engine;
pub mod filter;
pub mod fix;
pub mod hash;
pub mod output;
pub mod report;
pub mod rules;
pub mod summary;
pub mod text;

#[cfg(test)]
mod fixtures;

pub use api::{Cleaned, Linter, LinterOptions, diagnostic_json, diagnostics_json};
pub use corpus::{CorpusError, CorpusStats, StatsCapacity};
pub use diagnostic::{Applicability, Category, Diagnostic, Fix, Severity};
pub use engine::{check, check_corpus, check_corpus_named, check_named, check_text};
pub use rules::{LoadError, LoadOptions, RuleSet, RuleSources};
pub use summary::RecordSummary;
pub use text::Document;
