//! `scrapelint.Diagnostic` and `scrapelint.Fix`: one finding, with the fields of the
//! command line's JSON output as attributes and offsets usable on the Python string.

use pyo3::prelude::*;
use scrapelint::Diagnostic;
use scrapelint::output::{JsonDiagnostic, JsonFix, Position, Span};
use scrapelint::text::LineIndex;

/// A replacement proposed by a rule.
#[pyclass(frozen, eq, module = "scrapelint", name = "Fix")]
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PyFix {
    /// The text the flagged range is replaced with ("" deletes it).
    #[pyo3(get)]
    replacement: String,
    /// Character offsets into the checked string: `text[start:end]` is replaced.
    #[pyo3(get)]
    start: usize,
    #[pyo3(get)]
    end: usize,
    /// UTF-8 byte offsets, as in the JSON output's `byte_range`.
    #[pyo3(get)]
    byte_start: usize,
    #[pyo3(get)]
    byte_end: usize,
    /// "safe" or "unsafe" (applied by `clean` only with `unsafe_fixes=True`).
    #[pyo3(get)]
    applicability: String,
}

/// One finding in one text.
#[pyclass(frozen, eq, module = "scrapelint", name = "Diagnostic")]
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PyDiagnostic {
    json: JsonDiagnostic,
    start: usize,
    end: usize,
    fix: Option<PyFix>,
}

#[pymethods]
impl PyDiagnostic {
    /// The rule id, such as `boilerplate.share-prompt`.
    #[getter]
    fn rule(&self) -> &str {
        &self.json.rule
    }
    /// boilerplate, off-topic, mangled, fragment or encoding.
    #[getter]
    fn category(&self) -> &'static str {
        self.json.category.as_str()
    }
    /// error, warning or info.
    #[getter]
    fn severity(&self) -> &'static str {
        self.json.severity.as_str()
    }
    #[getter]
    fn message(&self) -> &str {
        &self.json.message
    }
    /// 1-based line of the first flagged character.
    #[getter]
    fn line(&self) -> usize {
        self.json.range.start.line
    }
    /// 1-based column (in characters) of the first flagged character.
    #[getter]
    fn column(&self) -> usize {
        self.json.range.start.column
    }
    /// 1-based line of the end (exclusive) position.
    #[getter]
    fn end_line(&self) -> usize {
        self.json.range.end.line
    }
    #[getter]
    fn end_column(&self) -> usize {
        self.json.range.end.column
    }
    /// Character offset into the checked string: `text[d.start:d.end] == d.text`.
    #[getter]
    fn start(&self) -> usize {
        self.start
    }
    #[getter]
    fn end(&self) -> usize {
        self.end
    }
    /// UTF-8 byte offsets, as in the JSON output's `byte_range`.
    #[getter]
    fn byte_start(&self) -> usize {
        self.json.byte_range.start
    }
    #[getter]
    fn byte_end(&self) -> usize {
        self.json.byte_range.end
    }
    /// The flagged text (the JSON output's `snippet`).
    #[getter]
    fn text(&self) -> &str {
        &self.json.snippet
    }
    /// What the flagged text should read, when the rule knows.
    #[getter]
    fn suggestion(&self) -> Option<&str> {
        self.json.suggestion.as_deref()
    }
    #[getter]
    fn fix(&self) -> Option<PyFix> {
        self.fix.clone()
    }

    /// The diagnostic as the command line's `--format json` prints it (without `path`).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let mut value = crate::pyjson::value(&self.json)?;
        if let Some(map) = value.as_object_mut() {
            map.remove("path");
        }
        crate::pyjson::to_python(py, &value)
    }

    fn __repr__(&self) -> String {
        format!(
            "Diagnostic({}:{}: {}[{}] {:?})",
            self.json.range.start.line,
            self.json.range.start.column,
            self.json.severity,
            self.json.rule,
            self.json.message
        )
    }
}

/// Turns byte offsets into line/column and character offsets for one text.
///
/// The engine drops a leading BOM (U+FEFF) and reports spans into the text after it;
/// like the command line, byte ranges count it and lines and columns do not. Character
/// offsets count it too, so they index the string the caller gave.
#[derive(Debug)]
pub(crate) struct Positions<'a> {
    /// The text after the BOM.
    text: &'a str,
    bom: bool,
    index: LineIndex,
    /// Characters before each line's start.
    line_chars: Vec<usize>,
}

impl<'a> Positions<'a> {
    pub(crate) fn new(given: &'a str) -> Self {
        let text = given.strip_prefix('\u{FEFF}').unwrap_or(given);
        let index = LineIndex::new(text);
        let (mut at, mut chars) = (0, 0);
        let line_chars = index
            .lines()
            .map(|r| {
                chars += text[at..r.start].chars().count();
                at = r.start;
                chars
            })
            .collect();
        Positions {
            text,
            bom: text.len() != given.len(),
            index,
            line_chars,
        }
    }

    fn position(&self, offset: usize) -> Position {
        let lc = self.index.line_col(self.text, offset);
        Position {
            line: lc.line,
            column: lc.column,
        }
    }

    fn char_offset(&self, offset: usize) -> usize {
        let line = self.index.line_of(offset);
        let start = self.index.line_range(line).start.min(offset);
        usize::from(self.bom) + self.line_chars[line] + self.text[start..offset].chars().count()
    }

    /// A byte offset into the given string (after the BOM's three bytes).
    fn byte_offset(&self, offset: usize) -> usize {
        offset + if self.bom { '\u{FEFF}'.len_utf8() } else { 0 }
    }

    fn byte_span(&self, range: &std::ops::Range<usize>) -> Span<usize> {
        Span {
            start: self.byte_offset(range.start),
            end: self.byte_offset(range.end),
        }
    }

    /// The Python form of a diagnostic found in this text.
    pub(crate) fn diagnostic(&self, d: &Diagnostic) -> PyDiagnostic {
        let span = &d.span;
        let json_fix = d.fix.as_ref().map(|f| JsonFix {
            replacement: f.replacement.clone(),
            byte_range: self.byte_span(&f.range),
            applicability: f.applicability,
        });
        let fix = d.fix.as_ref().map(|f| PyFix {
            replacement: f.replacement.clone(),
            start: self.char_offset(f.range.start),
            end: self.char_offset(f.range.end),
            byte_start: self.byte_offset(f.range.start),
            byte_end: self.byte_offset(f.range.end),
            applicability: serde_json::to_value(f.applicability)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default(),
        });
        PyDiagnostic {
            json: JsonDiagnostic {
                path: String::new(),
                rule: d.rule.to_string(),
                category: d.category,
                severity: d.severity,
                message: d.message.clone(),
                range: Span {
                    start: self.position(span.start),
                    end: self.position(span.end),
                },
                byte_range: self.byte_span(span),
                snippet: self.text[span.clone()].to_owned(),
                suggestion: d.suggestion.clone(),
                fix: json_fix,
            },
            start: self.char_offset(span.start),
            end: self.char_offset(span.end),
            fix,
        }
    }
}

/// The Python forms of the diagnostics found in `text` (the string the caller gave).
pub(crate) fn convert(text: &str, diagnostics: &[Diagnostic]) -> Vec<PyDiagnostic> {
    if diagnostics.is_empty() {
        return Vec::new();
    }
    let positions = Positions::new(text);
    diagnostics
        .iter()
        .map(|d| positions.diagnostic(d))
        .collect()
}
