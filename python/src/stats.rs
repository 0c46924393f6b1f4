//! `scrapelint.Stats`: corpus statistics from a first pass, mergeable across workers
//! and picklable, so an engine can gather them in one map-reduce and check in a second.

use std::sync::Arc;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyTuple};
use scrapelint::corpus::CorpusStats;

/// Bytes that open every serialised `Stats`; the version is the package's, because the
/// line hashes are only comparable between identical builds.
const MAGIC: &str = concat!("scrapelint-stats/", env!("CARGO_PKG_VERSION"), "\n");

/// Statistics over a set of texts (`Linter.observe`). Combine the statistics of
/// disjoint sets with `a.merge(b)`, `a + b` or `sum([...])`.
#[pyclass(frozen, from_py_object, module = "scrapelint", name = "Stats")]
#[derive(Debug, Clone, Default)]
pub(crate) struct PyStats {
    pub(crate) inner: Arc<CorpusStats>,
}

impl PyStats {
    pub(crate) fn new(stats: CorpusStats) -> Self {
        PyStats {
            inner: Arc::new(stats),
        }
    }

    fn merged(&self, other: &PyStats) -> PyStats {
        PyStats::new((*self.inner).clone().merge((*other.inner).clone()))
    }
}

#[pymethods]
impl PyStats {
    /// Empty statistics (the neutral element of `merge`).
    #[new]
    fn empty() -> Self {
        PyStats::default()
    }

    /// How many texts were observed.
    #[getter]
    fn documents(&self) -> u32 {
        self.inner.documents()
    }

    /// The statistics of both sets of texts (which must be disjoint).
    fn merge(&self, py: Python<'_>, other: PyRef<'_, PyStats>) -> PyStats {
        let other = other.clone();
        py.detach(|| self.merged(&other))
    }

    fn __add__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        match other.cast::<PyStats>() {
            Ok(o) => Ok(self
                .merge(py, o.borrow())
                .into_pyobject(py)?
                .into_any()
                .unbind()),
            Err(_) => Ok(py.NotImplemented()),
        }
    }

    /// `sum(stats_list)` starts from 0.
    fn __radd__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        if other.extract::<i64>().is_ok_and(|n| n == 0) {
            return Ok(self.clone().into_pyobject(py)?.into_any().unbind());
        }
        self.__add__(py, other)
    }

    /// A byte string that `Stats.from_bytes` reads back (same scrapelint version only).
    fn to_bytes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
        let inner = self.inner.clone();
        let bytes = py
            .detach(move || encode(&inner))
            .map_err(PyValueError::new_err)?;
        Ok(PyBytes::new(py, &bytes))
    }

    /// Reads statistics written by `to_bytes`.
    #[staticmethod]
    fn from_bytes(py: Python<'_>, data: Vec<u8>) -> PyResult<PyStats> {
        py.detach(move || decode(&data))
            .map(PyStats::new)
            .map_err(PyValueError::new_err)
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let from_bytes = py.get_type::<PyStats>().getattr("from_bytes")?;
        let bytes = self.to_bytes(py)?;
        PyTuple::new(py, [from_bytes, PyTuple::new(py, [bytes])?.into_any()])
    }

    fn __repr__(&self) -> String {
        format!("Stats(documents={})", self.inner.documents())
    }
}

fn encode(stats: &CorpusStats) -> Result<Vec<u8>, String> {
    let mut bytes = MAGIC.as_bytes().to_vec();
    bytes.extend(stats.to_bytes());
    Ok(bytes)
}

fn decode(data: &[u8]) -> Result<CorpusStats, String> {
    let body = data.strip_prefix(MAGIC.as_bytes()).ok_or_else(|| {
        let head = String::from_utf8_lossy(&data[..data.len().min(40)]);
        format!(
            "not scrapelint statistics from this version (expected {:?}, found {head:?})",
            MAGIC.trim_end()
        )
    })?;
    CorpusStats::from_bytes(body).map_err(|e| e.to_string())
}
