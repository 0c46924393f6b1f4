//! `--format human`: diagnostics grouped under a header per file, source excerpts with
//! the flagged text underlined (rendered by codespan-reporting), and a summary per
//! family. Also renders rule-file errors the same way.

use std::io;

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label, Severity as CsSeverity};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::termcolor::{ColorSpec, WriteColor};
use codespan_reporting::term::{self, Config};

use super::excerpt::Excerpt;
use super::{EmitOptions, Emitter, FileReport, Summary, write_statistics};
use crate::diagnostic::{Applicability, Category, Diagnostic, Severity};
use crate::rules::{LoadError, RuleSources};

#[derive(Debug)]
pub struct HumanEmitter {
    options: EmitOptions,
    config: Config,
}

impl HumanEmitter {
    pub fn new(options: EmitOptions) -> Self {
        HumanEmitter {
            options,
            config: Config::default(),
        }
    }
}

fn severity(s: Severity) -> CsSeverity {
    match s {
        Severity::Error => CsSeverity::Error,
        Severity::Warning => CsSeverity::Warning,
        _ => CsSeverity::Note,
    }
}

/// codespan counts only `\n` as a line end; a lone `\r` becomes `\n` (same length,
/// so spans stay valid) to keep its line numbers equal to ours.
fn display_text(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('\r') {
        return text.into();
    }
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        if c == '\r' && bytes.get(i + 1) != Some(&b'\n') {
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out.into()
}

fn to_io(e: codespan_reporting::files::Error) -> io::Error {
    match e {
        codespan_reporting::files::Error::Io(e) => e,
        other => io::Error::other(other.to_string()),
    }
}

impl Emitter for HumanEmitter {
    fn file(&mut self, out: &mut dyn WriteColor, report: &FileReport<'_>) -> io::Result<()> {
        if report.diagnostics.is_empty() {
            return Ok(());
        }
        write_file_header(out, report)?;
        let text = display_text(report.doc.text());
        for d in report.diagnostics {
            let excerpt = Excerpt::new(report.path, &text, &d.span);
            let mut label = Label::primary((), excerpt.map(&d.span));
            if let Some(s) = &d.suggestion {
                label = label.with_message(format!("did you mean `{s}`?"));
            }
            let cs = CsDiagnostic::new(severity(d.severity))
                .with_code(d.rule.to_string())
                .with_message(&d.message)
                .with_labels(vec![label])
                .with_notes(notes(d));
            term::emit_to_write_style(out, &self.config, &excerpt, &cs).map_err(to_io)?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn WriteColor, summary: &Summary) -> io::Result<()> {
        if self.options.statistics {
            write_statistics(out, summary)?;
        }
        if self.options.quiet {
            return Ok(());
        }
        if summary.fixed > 0 {
            writeln!(out, "Fixed {}.", plural(summary.fixed, "problem"))?;
        }
        let mut tail = match summary.unreadable {
            0 => String::new(),
            n => format!(" {n} could not be read (see the errors above)."),
        };
        if summary.baselined > 0 {
            tail.push_str(&format!(
                " {} in the baseline not shown.",
                plural(summary.baselined, "finding")
            ));
        }
        if summary.diagnostics == 0 {
            return writeln!(out, "No problems found in {} file(s).{tail}", summary.files);
        }
        write_families(out, summary)?;
        let clean = summary.files - summary.files_with_diagnostics;
        writeln!(
            out,
            " — {} ({}) in {} ({clean} clean).{tail}",
            plural(summary.diagnostics, "problem"),
            severities(summary),
            plural(summary.files, "file"),
        )
    }
}

/// `path — N problems`, above a file's diagnostics.
fn write_file_header(out: &mut dyn WriteColor, report: &FileReport<'_>) -> io::Result<()> {
    out.set_color(ColorSpec::new().set_bold(true).set_underline(true))?;
    write!(out, "{}", report.path)?;
    out.reset()?;
    writeln!(out, " — {}", plural(report.diagnostics.len(), "problem"))?;
    writeln!(out)
}

fn notes(d: &Diagnostic) -> Vec<String> {
    if let Some(s) = &d.suggestion {
        return vec![format!("help: replace with `{s}`")];
    }
    match &d.fix {
        Some(f) if f.replacement.is_empty() => vec![match f.applicability {
            Applicability::Safe => "help: remove this text (`--fix` can)".to_owned(),
            _ => "help: remove this text (`--fix --unsafe-fixes` can; check first)".to_owned(),
        }],
        _ => Vec::new(),
    }
}

/// `boilerplate 12 · mangled 3 · …`: the families found, in their fixed order.
fn write_families(out: &mut dyn WriteColor, summary: &Summary) -> io::Result<()> {
    let mut first = true;
    for category in Category::ALL {
        let Some(n) = summary.by_category.get(&category).filter(|n| **n > 0) else {
            continue;
        };
        if !first {
            write!(out, " · ")?;
        }
        first = false;
        out.set_color(ColorSpec::new().set_bold(true))?;
        write!(out, "{category}")?;
        out.reset()?;
        write!(out, " {n}")?;
    }
    Ok(())
}

fn severities(summary: &Summary) -> String {
    let mut parts = Vec::new();
    if summary.errors > 0 {
        parts.push(plural(summary.errors, "error"));
    }
    if summary.warnings > 0 {
        parts.push(plural(summary.warnings, "warning"));
    }
    if summary.infos > 0 {
        parts.push(format!("{} info", summary.infos));
    }
    parts.join(", ")
}

fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// Renders rule-loading errors against the rule files they point into.
pub fn render_load_errors(
    out: &mut dyn WriteColor,
    sources: &RuleSources,
    errors: &[LoadError],
) -> io::Result<()> {
    let mut files = SimpleFiles::new();
    for f in sources.files() {
        files.add(f.name.clone(), f.text.clone());
    }
    let config = Config::default();
    for e in errors {
        let mut labels = Vec::new();
        if let (Some(file), Some(span)) = (e.file, &e.span) {
            let mut label = Label::primary(file, span.clone());
            if let Some(l) = &e.label {
                label = label.with_message(l);
            }
            labels.push(label);
        }
        for (file, span, msg) in &e.secondary {
            labels.push(Label::secondary(*file, span.clone()).with_message(msg));
        }
        let mut message = e.message.clone();
        if labels.is_empty()
            && let Some(file) = e.file
        {
            message = format!("{}: {message}", sources.get(file).name);
        }
        let cs = CsDiagnostic::error()
            .with_message(message)
            .with_labels(labels)
            .with_notes(e.notes.clone());
        term::emit_to_write_style(out, &config, &files, &cs).map_err(to_io)?;
    }
    Ok(())
}
