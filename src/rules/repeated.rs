//! Kind `repeated`: boilerplate learned from the corpus itself.
//!
//! A site's template repeats on every page it serves ("Sign up for the Morning Brief",
//! "© Valley Courier"), in wordings no built-in list knows. When a run checks many
//! files, a line that recurs in a large share of them is the template, not the news.
//! Counting happens in the first pass ([`crate::corpus`], hashed and normalised lines,
//! so memory stays bounded); this checker only looks the counts up.

use std::borrow::Cow;
use std::ops::Range;

use serde::Deserialize;

use super::{CheckContext, Checker, DataStore, Kind, LoadError, RuleInput, RuleMeta};
use crate::corpus::CorpusNeeds;
use crate::diagnostic::{Category, Diagnostic, Severity};
use crate::text::Document;

#[derive(Debug)]
pub struct RepeatedKind;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Config {
    /// Files that must carry the line (at least).
    #[serde(default = "default_min_files")]
    min_files: u32,
    /// Share of the run's files that must carry it, 0.0-1.0.
    #[serde(default = "default_min_share")]
    min_share: f64,
    /// From this share on, the diagnostic is at least a warning.
    #[serde(default = "default_warning_share")]
    warning_share: f64,
    /// Normalised lines shorter than this say too little to count ("1", "___").
    #[serde(default = "default_min_chars")]
    min_chars: usize,
    #[serde(default = "default_min_words")]
    min_words: usize,
    /// Longer lines are article text repeated by syndication, not template.
    #[serde(default = "default_max_words")]
    max_words: usize,
}

fn default_min_files() -> u32 {
    3
}
fn default_min_share() -> f64 {
    0.05
}
fn default_warning_share() -> f64 {
    0.5
}
fn default_min_chars() -> usize {
    8
}
fn default_min_words() -> usize {
    2
}
fn default_max_words() -> usize {
    60
}

#[derive(Debug)]
struct RepeatedRule {
    meta: RuleMeta,
    config: Config,
}

#[derive(Debug)]
struct RepeatedChecker {
    rules: Vec<RepeatedRule>,
}

const VARS: &[&str] = &["match", "files", "total", "share"];

impl Kind for RepeatedKind {
    fn name(&self) -> &'static str {
        "repeated"
    }

    fn doc(&self) -> &'static str {
        "Boilerplate learned from the run: when several files are checked together, a line that (normalised: case, digits and spacing folded) appears in at least `min-files` files (default 3) and at least `min-share` of them (default 0.05) is flagged; from `warning-share` (default 0.5) it is at least a warning. Lines of fewer than `min-chars` characters or `min-words` words, or more than `max-words`, are ignored, as are lines an earlier rule already flagged as boilerplate. Never fires when one file is checked. Messages may use `{files}`, `{total}` and `{share}` (a percentage)."
    }

    fn build(
        &self,
        inputs: Vec<RuleInput<'_>>,
        _data: &DataStore,
    ) -> Result<Box<dyn Checker>, Vec<LoadError>> {
        let rules = super::build_each(&inputs, build_rule)?;
        Ok(Box::new(RepeatedChecker { rules }))
    }
}

fn build_rule(input: &RuleInput<'_>) -> Result<RepeatedRule, LoadError> {
    let config: Config = input.config_for(VARS)?;
    let share_ok = |s: f64| (0.0..=1.0).contains(&s);
    if config.min_files < 2 || !share_ok(config.min_share) || !share_ok(config.warning_share) {
        return Err(input.error(
            input.span.clone(),
            "`min-files` must be at least 2 and the shares between 0.0 and 1.0",
        ));
    }
    Ok(RepeatedRule {
        meta: input.meta.clone(),
        config,
    })
}

impl RepeatedRule {
    /// Whether a line is specific enough for its repetition to mean template.
    fn countable(&self, normal: &str) -> bool {
        let words = normal
            .split(' ')
            .filter(|w| w.chars().any(char::is_alphabetic))
            .count();
        normal.chars().count() >= self.config.min_chars
            && (self.config.min_words..=self.config.max_words).contains(&words)
    }

    /// The severity for a line carried by `share` of the files, if it is flagged.
    fn severity(&self, files: u32, share: f64) -> Option<Severity> {
        if files < self.config.min_files || share < self.config.min_share {
            return None;
        }
        Some(if share >= self.config.warning_share {
            self.meta.severity.max(Severity::Warning)
        } else {
            self.meta.severity
        })
    }
}

impl Checker for RepeatedChecker {
    fn check(&self, doc: &Document, cx: &CheckContext<'_>, out: &mut Vec<Diagnostic>) {
        let total = cx.corpus.documents();
        if total < 2 {
            return;
        }
        let flagged: Vec<Range<usize>> = out
            .iter()
            .filter(|d| d.category == Category::Boilerplate)
            .map(|d| d.span.clone())
            .collect();
        let mut found = Vec::new();
        for rule in self.rules.iter().filter(|r| cx.enabled(&r.meta)) {
            for (_, span) in doc.nonblank_lines() {
                let line = doc.slice(&span);
                let key = cx.lines.of(doc, &span);
                if !rule.countable(&key.normal)
                    || flagged
                        .iter()
                        .any(|f| f.start < span.end && span.start < f.end)
                    || rule.meta.excused(line, line)
                {
                    continue;
                }
                let files = cx.corpus.files_with_key(&key);
                let share = f64::from(files) / f64::from(total);
                let Some(severity) = rule.severity(files, share) else {
                    continue;
                };
                let vars = |v: &str| -> Option<Cow<'_, str>> {
                    match v {
                        "files" => Some(Cow::Owned(files.to_string())),
                        "total" => Some(Cow::Owned(total.to_string())),
                        "share" => Some(Cow::Owned(format!("{:.0}%", share * 100.0))),
                        _ => None,
                    }
                };
                let mut d = rule.meta.diagnostic(doc, span, None, vars);
                d.severity = severity;
                found.push(d);
            }
        }
        out.extend(found);
    }

    fn corpus_needs(&self) -> CorpusNeeds {
        CorpusNeeds {
            line_counts: true,
            ..CorpusNeeds::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::CorpusStats;
    use crate::rules::{RuleSet, RuleSources, Selection};

    const RULE: &str = r#"
[[rule]]
id = "boilerplate.repeated-line"
kind = "repeated"
category = "boilerplate"
severity = "info"
min-files = 3
min-share = 0.5
warning-share = 0.9
message = "in {files} of {total} files ({share})"
"#;

    fn run(texts: &[&str]) -> Vec<Vec<Diagnostic>> {
        let mut sources = RuleSources::new();
        sources.add_text(
            "test.toml",
            RULE,
            crate::rules::Origin::File("test.toml".into()),
        );
        let mut rules = RuleSet::load(&sources, &Default::default()).unwrap();
        rules.select(Selection::default()).unwrap();
        let docs: Vec<Document> = texts.iter().map(|t| Document::from_text(t)).collect();
        crate::engine::check_corpus(&rules, &docs)
    }

    #[test]
    fn a_line_in_most_files_is_flagged_with_counts() {
        let out = run(&[
            "Story one.\nSign up for the Morning Brief",
            "Story two.\nSign up for the morning brief",
            "Story three.\nSign up for the Morning Brief",
            "Story four is different.",
        ]);
        assert_eq!(out[0].len(), 1);
        assert_eq!(out[0][0].message, "in 3 of 4 files (75%)");
        assert_eq!(out[0][0].severity, Severity::Info);
        assert!(out[3].is_empty());
    }

    #[test]
    fn a_line_in_nearly_every_file_is_a_warning() {
        let out = run(&[
            "A\nRead the Valley Courier",
            "B\nRead the Valley Courier",
            "C\nRead the Valley Courier",
        ]);
        assert_eq!(out[0][0].severity, Severity::Warning);
    }

    #[test]
    fn silent_on_one_file_and_on_short_lines() {
        assert!(
            run(&["Sign up for the Morning Brief\nSign up for the Morning Brief"])[0].is_empty()
        );
        assert!(
            run(&["___\nx", "___\ny", "___\nz"])
                .iter()
                .all(Vec::is_empty)
        );
        assert_eq!(CorpusStats::default().documents(), 0);
    }
}
