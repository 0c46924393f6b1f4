//! `--format short`: `path:line:col: severity[rule] message`, the shape vim's
//! quickfix list and most editors parse.

use std::io;

use codespan_reporting::term::termcolor::WriteColor;

use super::{EmitOptions, Emitter, FileReport, Summary, write_statistics};

#[derive(Debug)]
pub(crate) struct ShortEmitter {
    options: EmitOptions,
}

impl ShortEmitter {
    pub(crate) fn new(options: EmitOptions) -> Self {
        ShortEmitter { options }
    }
}

impl Emitter for ShortEmitter {
    fn file(&mut self, out: &mut dyn WriteColor, report: &FileReport<'_>) -> io::Result<()> {
        for d in report.diagnostics {
            let lc = report.doc.line_col(d.span.start);
            write!(
                out,
                "{}:{}:{}: {}[{}] {}",
                report.path, lc.line, lc.column, d.severity, d.rule, d.message
            )?;
            if let Some(s) = &d.suggestion {
                write!(out, " (suggestion: {s})")?;
            }
            writeln!(out)?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn WriteColor, summary: &Summary) -> io::Result<()> {
        if self.options.statistics {
            write_statistics(out, summary)?;
        }
        Ok(())
    }
}
