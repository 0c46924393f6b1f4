//! scrapelint: a content-quality linter for scraped news articles.
//!
//! The library does no printing and never exits the process: [`text`] builds the
//! document model, [`rules`] loads TOML rules into checkers, [`engine`] runs them,
//! [`fix`] applies their fixes and [`output`] renders diagnostics in each format.

pub mod corpus;
pub mod diagnostic;
pub mod engine;
pub mod fix;
pub mod hash;
pub mod output;
pub mod rules;
pub mod text;

pub use diagnostic::{Applicability, Category, Diagnostic, Fix, Severity};
pub use engine::{check, check_corpus, check_text};
pub use rules::{LoadError, LoadOptions, RuleSet, RuleSources};
pub use text::Document;
