//! Rendering diagnostics: one module per format, all behind [`Emitter`].
//!
//! Emitters receive files in path order and a summary at the end; streaming formats
//! (human, short, jsonl, github) write as files arrive, whole-document formats (json,
//! sarif) buffer until [`Emitter::finish`].

mod excerpt;
mod github;
mod human;
mod json;
mod record;
mod sarif;
mod short;

use std::collections::BTreeMap;
use std::io;
use std::sync::Arc;

use codespan_reporting::term::termcolor::WriteColor;
use serde::{Deserialize, Serialize};

pub use human::{HumanEmitter, render_load_errors};
pub use record::{JsonDiagnostic, JsonFix, Position, Span};

use crate::diagnostic::{Category, Diagnostic, Severity};
use crate::rules::RuleMeta;
use crate::text::Document;

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Format {
    /// Source excerpts with the flagged text underlined (codespan-style).
    #[default]
    Human,
    /// One line per diagnostic: `path:line:col: severity[rule] message`.
    Short,
    /// One JSON document with a summary and every diagnostic.
    Json,
    /// One JSON object per diagnostic per line, streamed.
    Jsonl,
    /// GitHub Actions workflow commands (annotations on pull requests).
    Github,
    /// SARIF 2.1.0, for code-scanning dashboards.
    Sarif,
}

/// One checked file and its diagnostics.
#[derive(Debug, Clone, Copy)]
pub struct FileReport<'a> {
    /// The path as the user should see it.
    pub path: &'a str,
    pub doc: &'a Document,
    pub diagnostics: &'a [Diagnostic],
}

/// Counts over the whole run.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    pub files: usize,
    pub files_with_diagnostics: usize,
    pub diagnostics: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Files that could not be read or decoded.
    pub unreadable: usize,
    pub fixed: usize,
    pub by_category: BTreeMap<Category, usize>,
    pub by_rule: BTreeMap<String, usize>,
    /// Findings a baseline accepted: not emitted and not counted above.
    #[serde(skip_serializing_if = "is_zero")]
    pub baselined: usize,
    /// Per rule: the files it fired in and its highest severity (for `--statistics`).
    #[serde(skip)]
    pub rule_files: BTreeMap<String, (usize, Severity)>,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl Summary {
    pub fn add(&mut self, report: &FileReport<'_>) {
        self.files += 1;
        if !report.diagnostics.is_empty() {
            self.files_with_diagnostics += 1;
        }
        for d in report.diagnostics {
            self.diagnostics += 1;
            match d.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
            *self.by_category.entry(d.category).or_default() += 1;
            *self.by_rule.entry(d.rule.to_string()).or_default() += 1;
        }
        let mut seen = std::collections::BTreeSet::new();
        for d in report.diagnostics {
            let (files, severity) = self
                .rule_files
                .entry(d.rule.to_string())
                .or_insert((0, d.severity));
            if seen.insert(&*d.rule) {
                *files += 1;
            }
            *severity = (*severity).max(d.severity);
        }
    }

    /// The highest severity seen, if any.
    pub fn max_severity(&self) -> Option<Severity> {
        if self.errors > 0 {
            Some(Severity::Error)
        } else if self.warnings > 0 {
            Some(Severity::Warning)
        } else if self.infos > 0 {
            Some(Severity::Info)
        } else {
            None
        }
    }
}

/// Options shared by the emitters.
#[derive(Debug, Clone, Copy, Default)]
pub struct EmitOptions {
    /// Print a count per rule after the diagnostics.
    pub statistics: bool,
    /// Print nothing but diagnostics (no summary line).
    pub quiet: bool,
}

/// A printer for one format.
pub trait Emitter {
    fn file(&mut self, out: &mut dyn WriteColor, report: &FileReport<'_>) -> io::Result<()>;
    fn finish(&mut self, out: &mut dyn WriteColor, summary: &Summary) -> io::Result<()>;
}

/// The emitter for `format`; `rules` are the rules of the run (SARIF lists them).
pub fn emitter(format: Format, options: EmitOptions, rules: &[Arc<RuleMeta>]) -> Box<dyn Emitter> {
    match format {
        Format::Human => Box::new(HumanEmitter::new(options)),
        Format::Short => Box::new(short::ShortEmitter::new(options)),
        Format::Json => Box::new(json::JsonEmitter::default()),
        Format::Jsonl => Box::new(json::JsonlEmitter),
        Format::Github => Box::new(github::GithubEmitter),
        Format::Sarif => Box::new(sarif::SarifEmitter::new(rules.to_vec())),
    }
}

/// Per-rule counts as a table (for `--statistics`): rule, count, files, severity,
/// most frequent first.
pub(crate) fn write_statistics(out: &mut dyn WriteColor, summary: &Summary) -> io::Result<()> {
    let mut rows: Vec<(&String, &usize)> = summary.by_rule.iter().collect();
    if rows.is_empty() {
        return Ok(());
    }
    rows.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let width = rows.iter().map(|(r, _)| r.len()).max().unwrap_or(0).max(4);
    writeln!(
        out,
        "{:<width$}  {:>6}  {:>6}  severity",
        "rule", "count", "files"
    )?;
    for (rule, n) in rows {
        let (files, severity) = summary
            .rule_files
            .get(rule)
            .map_or((0, String::new()), |(f, s)| (*f, s.to_string()));
        writeln!(out, "{rule:<width$}  {n:>6}  {files:>6}  {severity}")?;
    }
    writeln!(out)
}
