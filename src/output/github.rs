//! `--format github`: workflow commands that GitHub Actions turns into annotations.

use std::io;

use codespan_reporting::term::termcolor::WriteColor;

use super::{Emitter, FileReport, Summary};
use crate::diagnostic::Severity;

#[derive(Debug)]
pub(crate) struct GithubEmitter;

/// Escapes a value per the workflow-command rules.
fn escape(s: &str, property: bool) -> String {
    let mut out = s
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A");
    if property {
        out = out.replace(':', "%3A").replace(',', "%2C");
    }
    out
}

impl Emitter for GithubEmitter {
    fn file(&mut self, out: &mut dyn WriteColor, report: &FileReport<'_>) -> io::Result<()> {
        for d in report.diagnostics {
            let start = report.doc.line_col(d.span.start);
            let end = report.doc.line_col(d.span.end);
            let level = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                _ => "notice",
            };
            writeln!(
                out,
                "::{level} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                escape(report.path, true),
                start.line,
                start.column,
                end.line,
                end.column,
                escape(&d.rule, true),
                escape(&d.message, false)
            )?;
        }
        Ok(())
    }

    fn finish(&mut self, _out: &mut dyn WriteColor, _summary: &Summary) -> io::Result<()> {
        Ok(())
    }
}
