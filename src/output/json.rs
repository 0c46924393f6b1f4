//! `--format json` (one document) and `--format jsonl` (one diagnostic per line).

use std::io;

use codespan_reporting::term::termcolor::WriteColor;
use serde::Serialize;

use super::{Emitter, FileReport, JsonDiagnostic, Summary};

/// Version of the JSON report layout; bumped on any incompatible change.
pub(crate) const JSON_VERSION: u32 = 1;

#[derive(Debug, Default)]
pub(crate) struct JsonEmitter {
    diagnostics: Vec<JsonDiagnostic>,
}

#[derive(Serialize)]
struct Report<'a> {
    version: u32,
    summary: &'a Summary,
    diagnostics: &'a [JsonDiagnostic],
}

impl Emitter for JsonEmitter {
    fn file(&mut self, _out: &mut dyn WriteColor, report: &FileReport<'_>) -> io::Result<()> {
        self.diagnostics.extend(
            report
                .diagnostics
                .iter()
                .map(|d| JsonDiagnostic::new(report, d)),
        );
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn WriteColor, summary: &Summary) -> io::Result<()> {
        let report = Report {
            version: JSON_VERSION,
            summary,
            diagnostics: &self.diagnostics,
        };
        serde_json::to_writer_pretty(&mut *out, &report)?;
        writeln!(out)
    }
}

#[derive(Debug)]
pub(crate) struct JsonlEmitter;

impl Emitter for JsonlEmitter {
    fn file(&mut self, out: &mut dyn WriteColor, report: &FileReport<'_>) -> io::Result<()> {
        for d in report.diagnostics {
            serde_json::to_writer(&mut *out, &JsonDiagnostic::new(report, d))?;
            writeln!(out)?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn WriteColor, _summary: &Summary) -> io::Result<()> {
        out.flush()
    }
}
