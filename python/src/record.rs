//! `scrapelint.Record`: one text with what was found and fixed in it, and the summary
//! `scrapelint clean` writes in a record's `scrapelint` field.

use pyo3::prelude::*;
use scrapelint::{Cleaned, Diagnostic, RecordSummary};

use crate::diagnostic::{PyDiagnostic, convert};

/// A checked or cleaned text (`Linter.check_record`, `Linter.clean_record`).
#[pyclass(frozen, module = "scrapelint", name = "Record")]
#[derive(Debug)]
pub(crate) struct PyRecord {
    /// The text: the cleaned one after `clean_record`.
    #[pyo3(get)]
    text: String,
    /// The findings in `text`.
    #[pyo3(get)]
    diagnostics: Vec<PyDiagnostic>,
    /// The findings whose fix was applied (positions in the text before cleaning).
    #[pyo3(get)]
    fixed: Vec<PyDiagnostic>,
    summary: RecordSummary,
}

impl PyRecord {
    /// A text checked without fixing.
    pub(crate) fn checked(text: String, diagnostics: &[Diagnostic]) -> Self {
        let body = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
        let summary = RecordSummary::new(body, &[], diagnostics, body);
        PyRecord {
            diagnostics: convert(&text, diagnostics),
            fixed: Vec::new(),
            summary,
            text,
        }
    }

    /// A text cleaned by `Linter::clean`; `before` is the text given.
    pub(crate) fn cleaned(before: &str, cleaned: Cleaned) -> Self {
        PyRecord {
            diagnostics: convert(&cleaned.text, &cleaned.diagnostics),
            fixed: convert(before, &cleaned.fixed),
            summary: cleaned.record,
            text: cleaned.text,
        }
    }

    pub(crate) fn into_text_and_diagnostics(self) -> (String, Vec<PyDiagnostic>) {
        (self.text, self.diagnostics)
    }
}

#[pymethods]
impl PyRecord {
    /// Counts per category and severity, `rules` fired, `boilerplate_share`,
    /// `flagged_share`, `score`, `bytes_before`, `bytes_after`: the names
    /// `--drop-if` expressions use.
    #[getter]
    fn summary<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::pyjson::to_python(py, &crate::pyjson::value(&self.summary)?)
    }

    fn __repr__(&self) -> String {
        format!(
            "Record(diagnostics={}, fixed={}, score={:.3})",
            self.diagnostics.len(),
            self.fixed.len(),
            self.summary.score
        )
    }
}
