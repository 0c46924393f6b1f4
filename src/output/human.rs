//! `--format human`: source excerpts with the flagged text underlined, rendered by
//! codespan-reporting. Also renders rule-file errors the same way.

use std::io;

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label, Severity as CsSeverity};
use codespan_reporting::files::{SimpleFile, SimpleFiles};
use codespan_reporting::term::termcolor::WriteColor;
use codespan_reporting::term::{self, Config};

use super::{EmitOptions, Emitter, FileReport, Summary, write_statistics};
use crate::diagnostic::{Applicability, Severity};
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
        let file = SimpleFile::new(report.path, display_text(report.doc.text()));
        for d in report.diagnostics {
            let mut label = Label::primary((), d.span.clone());
            if let Some(s) = &d.suggestion {
                label = label.with_message(format!("did you mean `{s}`?"));
            }
            let mut notes = Vec::new();
            if let Some(s) = &d.suggestion {
                notes.push(format!("help: replace with `{s}`"));
            } else if let Some(f) = &d.fix
                && f.replacement.is_empty()
            {
                notes.push(match f.applicability {
                    Applicability::Safe => "help: remove this text (`--fix` can)".to_owned(),
                    _ => "help: remove this text (`--fix --unsafe-fixes` can; check first)"
                        .to_owned(),
                });
            }
            let cs = CsDiagnostic::new(severity(d.severity))
                .with_code(d.rule.to_string())
                .with_message(&d.message)
                .with_labels(vec![label])
                .with_notes(notes);
            term::emit_to_write_style(out, &self.config, &file, &cs).map_err(to_io)?;
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
            writeln!(out, "Fixed {} problem(s).", summary.fixed)?;
        }
        let mut unread = match summary.unreadable {
            0 => String::new(),
            n => format!(" {n} could not be read (see the errors above)."),
        };
        if summary.baselined > 0 {
            unread.push_str(&format!(
                " {} finding(s) in the baseline not shown.",
                summary.baselined
            ));
        }
        if summary.diagnostics == 0 {
            writeln!(
                out,
                "No problems found in {} file(s).{unread}",
                summary.files
            )
        } else {
            writeln!(
                out,
                "Found {} problem(s) ({} error(s), {} warning(s), {} info) in {} of {} file(s).{unread}",
                summary.diagnostics,
                summary.errors,
                summary.warnings,
                summary.infos,
                summary.files_with_diagnostics,
                summary.files
            )
        }
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
