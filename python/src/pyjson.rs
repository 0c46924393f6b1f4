//! Serialisable Rust values (diagnostics, record summaries) as Python dicts, through
//! the same JSON the command line prints.

use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use serde::Serialize;

/// `value` as a JSON value; serialising these plain structs cannot fail in practice.
pub(crate) fn value(value: &impl Serialize) -> PyResult<serde_json::Value> {
    serde_json::to_value(value).map_err(|e| PyRuntimeError::new_err(e.to_string()))
}

/// A JSON value as the Python object `json.loads` makes of it.
pub(crate) fn to_python<'py>(
    py: Python<'py>,
    value: &serde_json::Value,
) -> PyResult<Bound<'py, PyAny>> {
    py.import("json")?
        .call_method1("loads", (value.to_string(),))
}
