//! The embedding API: load rules once into a [`Linter`], then check, clean and gather
//! corpus statistics for texts, from any thread (the Python package is built on it).

use std::path::PathBuf;
use std::sync::Arc;

use codespan_reporting::term::termcolor::NoColor;
use serde::{Deserialize, Serialize};

use crate::corpus::{CorpusStats, StatsCapacity};
use crate::diagnostic::Diagnostic;
use crate::fix::{self, FixMode};
use crate::output::{FileReport, JsonDiagnostic, render_load_errors};
use crate::rules::{LoadError, LoadOptions, Origin, RuleSet, RuleSources, Selection};
use crate::summary::RecordSummary;
use crate::text::{Document, Source};

/// What a [`Linter`] loads; it is all a linter needs to be rebuilt elsewhere, so a
/// linter is shipped to another process as its options (see [`Linter::options`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LinterOptions {
    /// Rule files (or directories of them) added to the rules.
    pub rule_files: Vec<PathBuf>,
    /// Rule files given as TOML text.
    pub rule_texts: Vec<String>,
    /// Leave out the built-in rules.
    pub no_default_rules: bool,
    /// Only these rules: ids or prefixes (`boilerplate`, `mangled.rank`); empty for all.
    pub select: Vec<String>,
    /// Skip these rules: ids or prefixes.
    pub ignore: Vec<String>,
    /// Memory for the corpus statistics [`Linter::observe`] gathers, in MB (default
    /// [`StatsCapacity::DEFAULT_MB`]); linters that merge statistics must agree on it.
    pub corpus_memory_mb: Option<usize>,
}

/// Rules loaded once, plus the corpus statistics that cross-file rules consult.
/// Cheap to clone and share between threads.
#[derive(Debug, Clone)]
pub struct Linter {
    loaded: Arc<Loaded>,
    stats: Arc<CorpusStats>,
}

#[derive(Debug)]
struct Loaded {
    options: LinterOptions,
    rules: RuleSet,
}

/// A text with its fixes applied.
#[derive(Debug, Clone)]
pub struct Cleaned {
    /// The cleaned text.
    pub text: String,
    /// What remains on the cleaned text (spans into `text`).
    pub diagnostics: Vec<Diagnostic>,
    /// What was removed or replaced (spans into the text given to [`Linter::clean`]).
    pub fixed: Vec<Diagnostic>,
    /// Counts and scores for the record, the `scrapelint` field of a cleaned record.
    pub record: RecordSummary,
}

impl Linter {
    /// Loads the rules `options` name. Every error in the rule files is reported in
    /// the one error's message, rendered with file names and lines.
    pub fn new(options: LinterOptions) -> Result<Linter, LoadError> {
        let mut sources = if options.no_default_rules {
            RuleSources::new()
        } else {
            RuleSources::builtin()
        };
        let mut errors = Vec::new();
        for path in &options.rule_files {
            if let Err(e) = sources.add_path(path) {
                errors.push(e);
            }
        }
        for (i, text) in options.rule_texts.iter().enumerate() {
            let name = format!("<rule text {}>", i + 1);
            sources.add_text(name.clone(), text.clone(), Origin::File(name.into()));
        }
        let loaded = if errors.is_empty() {
            RuleSet::load(&sources, &LoadOptions::default())
        } else {
            Err(errors)
        };
        let mut rules = loaded.map_err(|errors| one_error(&sources, &errors))?;
        rules
            .select(Selection {
                select: options.select.clone(),
                ignore: options.ignore.clone(),
            })
            .map_err(LoadError::general)?;
        Ok(Linter {
            loaded: Arc::new(Loaded { options, rules }),
            stats: Arc::new(CorpusStats::default()),
        })
    }

    /// The options this linter was built from.
    pub fn options(&self) -> &LinterOptions {
        &self.loaded.options
    }

    /// The loaded rules.
    pub fn rules(&self) -> &RuleSet {
        &self.loaded.rules
    }

    /// The corpus statistics [`Linter::check`] consults (empty unless given).
    pub fn stats(&self) -> &CorpusStats {
        &self.stats
    }

    /// Checks one text; spans are byte ranges into `text`, sorted by position.
    pub fn check(&self, text: &str) -> Vec<Diagnostic> {
        let doc = Document::new(Source::decode(text.as_bytes()));
        crate::engine::check(&self.loaded.rules, &doc, &self.stats)
    }

    /// Applies the safe fixes (and the unsafe ones with `unsafe_fixes`) and checks
    /// again, until nothing more applies, as `scrapelint check --fix` does.
    pub fn clean(&self, text: &str, unsafe_fixes: bool) -> Cleaned {
        clean(&self.loaded.rules, &self.stats, text, unsafe_fixes)
    }

    /// Gathers what this linter's cross-file rules need from `(id, text)` pairs. The
    /// result of disjoint sets of texts can be combined with [`CorpusStats::merge`].
    pub fn observe<'a>(&self, texts: impl IntoIterator<Item = (&'a str, &'a str)>) -> CorpusStats {
        let needs = self.loaded.rules.corpus_needs();
        let mut stats = CorpusStats::with_capacity(self.capacity());
        for (id, text) in texts {
            let doc = Document::new(Source::decode(text.as_bytes()));
            stats.observe_from(&doc, needs, id);
        }
        stats
    }

    /// The same rules with `stats` for the cross-file rules; the rules are shared.
    pub fn with_stats(&self, stats: CorpusStats) -> Linter {
        Linter {
            loaded: Arc::clone(&self.loaded),
            stats: Arc::new(stats),
        }
    }

    /// Whether an enabled rule reads corpus statistics (without them, cross-file rules
    /// see each text alone).
    pub fn needs_stats(&self) -> bool {
        self.loaded.rules.corpus_needs().any()
    }

    /// The size of the statistics tables [`Linter::observe`] makes.
    pub fn capacity(&self) -> StatsCapacity {
        self.loaded
            .options
            .corpus_memory_mb
            .map_or_else(StatsCapacity::default, StatsCapacity::from_mb)
    }
}

/// [`Linter::clean`] for a rule set and statistics held elsewhere (the CLI's).
pub fn clean(rules: &RuleSet, stats: &CorpusStats, text: &str, unsafe_fixes: bool) -> Cleaned {
    clean_bytes(rules, stats, text.as_bytes(), unsafe_fixes).1
}

/// [`clean`] for a file's bytes: also returns the cleaned bytes, which keep a BOM, line
/// ends and invalid bytes as they were (the cleaned text has them decoded).
pub fn clean_bytes(
    rules: &RuleSet,
    stats: &CorpusStats,
    bytes: &[u8],
    unsafe_fixes: bool,
) -> (Vec<u8>, Cleaned) {
    let mode = if unsafe_fixes {
        FixMode::SafeAndUnsafe
    } else {
        FixMode::Safe
    };
    let done = fix::converge(bytes, Some(mode), |doc| {
        crate::engine::check(rules, doc, stats)
    });
    let before = Source::decode(bytes);
    // Spans of fixed diagnostics are input bytes; map them to the decoded text (exact
    // unless the input had invalid bytes before them).
    let skip = if before.had_bom() { 3 } else { 0 };
    let shift = |r: &mut std::ops::Range<usize>| {
        let end = before.text().len();
        *r = r.start.saturating_sub(skip).min(end)..r.end.saturating_sub(skip).min(end);
    };
    let fixed: Vec<Diagnostic> = done
        .fixed
        .into_iter()
        .map(|mut d| {
            shift(&mut d.span);
            if let Some(f) = d.fix.as_mut() {
                shift(&mut f.range);
            }
            d
        })
        .collect();
    let record = RecordSummary::new(before.text(), &fixed, &done.diagnostics, done.doc.text());
    let cleaned = Cleaned {
        text: done.doc.text().to_owned(),
        diagnostics: done.diagnostics,
        fixed,
        record,
    };
    (done.bytes, cleaned)
}

/// One diagnostic as the `json` output format prints it (`path`, `rule`, `range` with
/// 1-based lines and columns, `byte_range`, `snippet`, ...); `text` is the text it was
/// found in and `path` what to report as its file (a record id, say).
pub fn diagnostic_json(path: &str, text: &str, diagnostic: &Diagnostic) -> serde_json::Value {
    diagnostics_json(path, text, std::slice::from_ref(diagnostic))
        .pop()
        .unwrap_or_default()
}

/// [`diagnostic_json`] for several diagnostics of one text, building its line index once.
pub fn diagnostics_json(
    path: &str,
    text: &str,
    diagnostics: &[Diagnostic],
) -> Vec<serde_json::Value> {
    let doc = Document::new(Source::decode(text.as_bytes()));
    let report = FileReport {
        path,
        doc: &doc,
        diagnostics,
    };
    diagnostics
        .iter()
        .map(|d| serde_json::to_value(JsonDiagnostic::new(&report, d)).unwrap_or_default())
        .collect()
}

/// Folds every rule-file error into one, its message rendered as the CLI prints it.
fn one_error(sources: &RuleSources, errors: &[LoadError]) -> LoadError {
    if let [only] = errors {
        if only.file.is_none() {
            return only.clone();
        }
    }
    let mut out = NoColor::new(Vec::new());
    let rendered = match render_load_errors(&mut out, sources, errors) {
        Ok(()) => String::from_utf8_lossy(&out.into_inner()).into_owned(),
        Err(_) => errors
            .iter()
            .map(|e| e.message.clone())
            .collect::<Vec<_>>()
            .join("\n"),
    };
    let mut e = LoadError::general(format!(
        "{} error(s) in rule files:\n{}",
        errors.len(),
        rendered.trim_end()
    ));
    e.notes = errors.iter().map(|e| e.message.clone()).collect();
    e
}

#[cfg(test)]
mod tests {
    use super::*;

    fn linter() -> Linter {
        Linter::new(LinterOptions::default()).unwrap()
    }

    #[test]
    fn linter_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Linter>();
    }

    #[test]
    fn check_and_clean_agree_with_the_engine() {
        let text = "Storm hits coast\n\nThe storm hit the coast on Monday.\n\nLeave a Comment\n";
        let l = linter();
        let found = l.check(text);
        assert!(found.iter().any(|d| d.rule.starts_with("boilerplate")));
        let cleaned = l.clean(text, false);
        assert!(!cleaned.text.contains("Leave a Comment"));
        assert!(cleaned.text.contains("The storm hit the coast on Monday."));
        assert!(!cleaned.fixed.is_empty());
        for d in &cleaned.fixed {
            assert!(text.get(d.span.clone()).is_some(), "span in the input");
        }
        assert!(cleaned.diagnostics.iter().all(|d| d.fix.is_none()
            || d.fix.as_ref().unwrap().applicability != crate::Applicability::Safe));
        assert_eq!(cleaned.record.fixed, cleaned.fixed.len());
    }

    #[test]
    fn bad_rules_and_selectors_are_errors_not_panics() {
        let e = Linter::new(LinterOptions {
            rule_texts: vec!["[[rule]]\nid = \"x.y\"\nkind = \"nope\"\n".into()],
            ..LinterOptions::default()
        })
        .unwrap_err();
        assert!(e.message.contains("<rule text 1>:1:1"), "{}", e.message);
        assert!(
            e.message.contains("missing field `category`"),
            "{}",
            e.message
        );
        let e = Linter::new(LinterOptions {
            select: vec!["no-such-rule".into()],
            ..LinterOptions::default()
        })
        .unwrap_err();
        assert!(e.message.contains("no-such-rule"), "{}", e.message);
    }

    #[test]
    fn options_round_trip_through_json() {
        let options = LinterOptions {
            select: vec!["boilerplate".into()],
            corpus_memory_mb: Some(8),
            ..LinterOptions::default()
        };
        let json = serde_json::to_string(&options).unwrap();
        let back: LinterOptions = serde_json::from_str(&json).unwrap();
        assert_eq!(back, options);
        assert_eq!(
            Linter::new(back).unwrap().capacity(),
            StatsCapacity::from_mb(8)
        );
    }

    #[test]
    fn diagnostics_serialise_like_the_json_format() {
        let text = "Title\n\nBody text here.\n\nLeave a Comment\n";
        let l = linter();
        let d = l.check(text);
        let v = diagnostic_json("rec-1", text, &d[0]);
        assert_eq!(v["path"], "rec-1");
        assert_eq!(v["rule"], &*d[0].rule);
        assert!(v["range"]["start"]["line"].as_u64().unwrap() >= 1);
    }
}
