//! `scrapelint.Linter`: rules loaded once, checked without the GIL, picklable so it can
//! be shipped to the workers of a pipeline engine.

use std::path::PathBuf;

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyString, PyTuple};
use rayon::prelude::*;
use scrapelint::{CorpusStats, Linter, LinterOptions, LoadError};

use crate::diagnostic::{PyDiagnostic, convert};
use crate::record::PyRecord;
use crate::stats::PyStats;

pyo3::create_exception!(
    _scrapelint,
    RuleError,
    pyo3::exceptions::PyValueError,
    "A rule file cannot be read or is invalid, or a selector names no rule."
);

/// Texts observed per task when `observe` runs in parallel.
const OBSERVE_CHUNK: usize = 64;

/// Loaded rules (and, after `with_stats`, corpus statistics).
#[pyclass(frozen, module = "scrapelint", name = "Linter")]
#[derive(Debug)]
pub(crate) struct PyLinter {
    inner: Linter,
    /// What `with_stats` was given, kept to pickle it (the engine holds its own copy).
    stats: Option<PyStats>,
}

#[pymethods]
impl PyLinter {
    #[new]
    #[pyo3(signature = (rules=None, *, select=None, ignore=None, no_default_rules=false, rule_texts=None, corpus_memory_mb=None))]
    fn new(
        py: Python<'_>,
        rules: Option<&Bound<'_, PyAny>>,
        select: Option<&Bound<'_, PyAny>>,
        ignore: Option<&Bound<'_, PyAny>>,
        no_default_rules: bool,
        rule_texts: Option<&Bound<'_, PyAny>>,
        corpus_memory_mb: Option<usize>,
    ) -> PyResult<Self> {
        let options = LinterOptions {
            rule_files: one_or_many::<PathBuf>(rules, "rules")?,
            rule_texts: one_or_many::<String>(rule_texts, "rule_texts")?,
            no_default_rules,
            select: selectors(select, "select")?,
            ignore: selectors(ignore, "ignore")?,
            corpus_memory_mb,
        };
        build(py, options, None)
    }

    /// Whether an enabled rule uses corpus statistics (`observe` / `with_stats`).
    #[getter]
    fn needs_stats(&self) -> bool {
        self.inner.needs_stats()
    }

    /// The statistics given to `with_stats`, if any.
    #[getter]
    fn stats(&self) -> Option<PyStats> {
        self.stats.clone()
    }

    /// The diagnostics of one text, sorted by position.
    fn check(&self, py: Python<'_>, text: String) -> Vec<PyDiagnostic> {
        py.detach(|| convert(&text, &self.inner.check(&text)))
    }

    /// The text with the safe fixes applied (and the unsafe ones with
    /// `unsafe_fixes=True`), and the diagnostics that remain in it.
    #[pyo3(signature = (text, *, unsafe_fixes=false))]
    fn clean(
        &self,
        py: Python<'_>,
        text: String,
        unsafe_fixes: bool,
    ) -> (String, Vec<PyDiagnostic>) {
        self.clean_record(py, text, unsafe_fixes)
            .into_text_and_diagnostics()
    }

    /// `check` with the record summary (`Record.summary`) that `--drop-if` reads.
    fn check_record(&self, py: Python<'_>, text: String) -> PyRecord {
        py.detach(|| {
            let found = self.inner.check(&text);
            PyRecord::checked(text, &found)
        })
    }

    /// `clean` with what was fixed and the record summary `scrapelint clean` writes.
    #[pyo3(signature = (text, *, unsafe_fixes=false))]
    fn clean_record(&self, py: Python<'_>, text: String, unsafe_fixes: bool) -> PyRecord {
        py.detach(|| PyRecord::cleaned(&text, self.inner.clean(&text, unsafe_fixes)))
    }

    /// The diagnostics of each text, checked in parallel without the GIL.
    fn check_many(
        &self,
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
    ) -> PyResult<Vec<Vec<PyDiagnostic>>> {
        let texts = strings(texts, "texts")?;
        Ok(py.detach(|| {
            texts
                .par_iter()
                .map(|t| convert(t, &self.inner.check(t)))
                .collect()
        }))
    }

    /// First pass of a two-pass run: statistics over `texts` for the cross-file rules.
    /// Statistics of disjoint sets of texts merge (`Stats.merge`, `+`, `sum`).
    fn observe(&self, py: Python<'_>, texts: &Bound<'_, PyAny>) -> PyResult<PyStats> {
        let texts = strings(texts, "texts")?;
        let stats = py.detach(|| {
            texts
                .par_chunks(OBSERVE_CHUNK)
                .map(|chunk| self.inner.observe(chunk.iter().map(|t| ("", t.as_str()))))
                .reduce(
                    || CorpusStats::with_capacity(self.inner.capacity()),
                    CorpusStats::merge,
                )
        });
        Ok(PyStats::new(stats))
    }

    /// A linter with the same rules that checks against `stats` (the merged first pass
    /// over the whole corpus), as the command line does with several files.
    fn with_stats(&self, py: Python<'_>, stats: PyRef<'_, PyStats>) -> PyLinter {
        let stats = stats.clone();
        py.detach(|| PyLinter {
            inner: self.inner.with_stats((*stats.inner).clone()),
            stats: Some(stats),
        })
    }

    /// Pickles the options (and statistics), not the compiled rules: unpickling loads
    /// the rules again, so rule files must be readable where the linter is unpickled.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let options = serde_json::to_string(self.inner.options())
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
        let state = (options, self.stats.clone()).into_pyobject(py)?;
        let restore = py
            .import("scrapelint._scrapelint")?
            .getattr("_restore_linter")?;
        PyTuple::new(py, [restore, state.into_any()])
    }

    fn __repr__(&self) -> String {
        let o = self.inner.options();
        let mut args = Vec::new();
        if !o.rule_files.is_empty() {
            args.push(format!("rules={:?}", o.rule_files));
        }
        if !o.rule_texts.is_empty() {
            args.push(format!("rule_texts=<{} texts>", o.rule_texts.len()));
        }
        if !o.select.is_empty() {
            args.push(format!("select={:?}", o.select));
        }
        if !o.ignore.is_empty() {
            args.push(format!("ignore={:?}", o.ignore));
        }
        if o.no_default_rules {
            args.push("no_default_rules=True".into());
        }
        if let Some(s) = &self.stats {
            args.push(format!("stats=Stats(documents={})", s.inner.documents()));
        }
        format!("Linter({})", args.join(", "))
    }
}

/// Rebuilds a pickled linter from its options (JSON) and statistics.
#[pyfunction]
pub(crate) fn _restore_linter(
    py: Python<'_>,
    options: &str,
    stats: Option<PyStats>,
) -> PyResult<PyLinter> {
    let options: LinterOptions = serde_json::from_str(options)
        .map_err(|e| PyValueError::new_err(format!("invalid pickled Linter options: {e}")))?;
    build(py, options, stats)
}

fn build(py: Python<'_>, options: LinterOptions, stats: Option<PyStats>) -> PyResult<PyLinter> {
    let inner = py
        .detach(|| {
            let linter = Linter::new(options)?;
            Ok(match &stats {
                Some(s) => linter.with_stats((*s.inner).clone()),
                None => linter,
            })
        })
        .map_err(|e: LoadError| RuleError::new_err(e.message))?;
    Ok(PyLinter { inner, stats })
}

/// A single value or an iterable of them (`rules="a.toml"` or `rules=["a.toml", ...]`).
fn one_or_many<'py, T>(value: Option<&Bound<'py, PyAny>>, name: &str) -> PyResult<Vec<T>>
where
    T: for<'a> FromPyObject<'a, 'py>,
{
    let Some(value) = value.filter(|v| !v.is_none()) else {
        return Ok(Vec::new());
    };
    if let Ok(one) = value.extract::<T>() {
        return Ok(vec![one]);
    }
    let iter = value.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "{name}: expected a value or an iterable of them, got {}",
            type_name(value)
        ))
    })?;
    iter.map(|item| {
        let item = item?;
        item.extract::<T>().map_err(|_| {
            PyTypeError::new_err(format!(
                "{name}: unexpected item of type {}",
                type_name(&item)
            ))
        })
    })
    .collect()
}

/// Rule selectors: a string (comma-separated, as on the command line) or an iterable.
fn selectors(value: Option<&Bound<'_, PyAny>>, name: &str) -> PyResult<Vec<String>> {
    Ok(one_or_many::<String>(value, name)?
        .iter()
        .flat_map(|s| s.split(','))
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect())
}

/// Texts from any iterable of `str` (a list, a generator, a pandas Series...).
fn strings(value: &Bound<'_, PyAny>, name: &str) -> PyResult<Vec<String>> {
    if value.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(format!(
            "{name}: expected an iterable of str, got one str (use check() for one text)"
        )));
    }
    value
        .try_iter()?
        .map(|item| {
            let item = item?;
            item.extract::<String>().map_err(|_| {
                PyTypeError::new_err(format!(
                    "{name}: expected str items, got {}",
                    type_name(&item)
                ))
            })
        })
        .collect()
}

fn type_name(value: &Bound<'_, PyAny>) -> String {
    value
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".into())
}
