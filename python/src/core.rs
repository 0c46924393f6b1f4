//! Stand-in for `scrapelint::api` (being written on another branch): the same names and
//! signatures over the engine, so the bindings compile before it lands.

use std::path::PathBuf;
use std::sync::Arc;

use scrapelint::Diagnostic;
use scrapelint::corpus::CorpusStats;
use scrapelint::fix::{self, FixMode};
use scrapelint::rules::{LoadError, LoadOptions, Origin, RuleSet, RuleSources, Selection};
use scrapelint::text::{Document, Source};

/// Where the rules come from and which of them run.
#[derive(Debug, Clone, Default)]
pub struct LinterOptions {
    pub rule_files: Vec<PathBuf>,
    pub rule_texts: Vec<String>,
    pub no_default_rules: bool,
    pub select: Vec<String>,
    pub ignore: Vec<String>,
}

/// Loaded rules plus optional corpus statistics.
#[derive(Debug, Clone)]
pub struct Linter {
    options: LinterOptions,
    rules: Arc<RuleSet>,
    stats: Arc<CorpusStats>,
}

/// A text with its fixes applied.
#[derive(Debug, Clone)]
pub struct Cleaned {
    pub text: String,
    pub diagnostics: Vec<Diagnostic>,
    pub fixed: usize,
}

const MAX_FIX_PASSES: usize = 4;

impl Linter {
    pub fn new(options: LinterOptions) -> Result<Linter, LoadError> {
        let mut sources = if options.no_default_rules {
            RuleSources::new()
        } else {
            RuleSources::builtin()
        };
        for path in &options.rule_files {
            sources.add_path(path)?;
        }
        for (i, text) in options.rule_texts.iter().enumerate() {
            sources.add_text(
                format!("<rules {i}>"),
                text.clone(),
                Origin::Builtin("inline"),
            );
        }
        let mut rules = RuleSet::load(&sources, &LoadOptions::default()).map_err(|errors| {
            LoadError::general(
                errors
                    .iter()
                    .map(|e| e.message.clone())
                    .collect::<Vec<_>>()
                    .join("; "),
            )
        })?;
        rules
            .select(Selection {
                select: options.select.clone(),
                ignore: options.ignore.clone(),
            })
            .map_err(LoadError::general)?;
        Ok(Linter {
            options,
            rules: Arc::new(rules),
            stats: Arc::new(CorpusStats::default()),
        })
    }

    pub fn options(&self) -> &LinterOptions {
        &self.options
    }

    pub fn check(&self, text: &str) -> Vec<Diagnostic> {
        scrapelint::check(&self.rules, &Document::from_text(text), &self.stats)
    }

    pub fn clean(&self, text: &str, unsafe_fixes: bool) -> Cleaned {
        let mode = if unsafe_fixes {
            FixMode::SafeAndUnsafe
        } else {
            FixMode::Safe
        };
        let mut bytes = text.as_bytes().to_vec();
        let mut fixed = 0;
        for pass in 0.. {
            let doc = Document::new(Source::decode(&bytes));
            let diagnostics = scrapelint::check(&self.rules, &doc, &self.stats);
            match fix::apply(&doc, &bytes, &diagnostics, mode).filter(|_| pass < MAX_FIX_PASSES) {
                Some(f) => {
                    fixed += f.applied;
                    bytes = f.bytes;
                }
                None => {
                    return Cleaned {
                        text: doc.text().to_owned(),
                        diagnostics,
                        fixed,
                    };
                }
            }
        }
        unreachable!()
    }

    pub fn observe<'a>(&self, texts: impl IntoIterator<Item = (&'a str, &'a str)>) -> CorpusStats {
        let needs = self.rules.corpus_needs();
        let mut stats = CorpusStats::default();
        for (_, text) in texts {
            stats.observe(&Document::from_text(text), needs);
        }
        stats
    }

    pub fn with_stats(&self, stats: CorpusStats) -> Linter {
        Linter {
            stats: Arc::new(stats),
            ..self.clone()
        }
    }

    pub fn needs_stats(&self) -> bool {
        self.rules.corpus_needs().any()
    }
}

/// Appends the serialised statistics to `out`.
pub fn write_stats(_stats: &CorpusStats, _out: &mut Vec<u8>) -> Result<(), String> {
    Err("statistics cannot be serialised yet".into())
}

/// Reads statistics written by [`write_stats`].
pub fn read_stats(_data: &[u8]) -> Result<CorpusStats, String> {
    Err("statistics cannot be serialised yet".into())
}
