//! The `scrapelint._scrapelint` native module: the Python package's bindings to the
//! linter (see `python/scrapelint/__init__.py` for the public face).

mod diagnostic;
mod linter;
mod pyjson;
mod record;
mod stats;

use pyo3::prelude::*;

#[pymodule]
fn _scrapelint(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<linter::PyLinter>()?;
    m.add_class::<stats::PyStats>()?;
    m.add_class::<diagnostic::PyDiagnostic>()?;
    m.add_class::<diagnostic::PyFix>()?;
    m.add_class::<record::PyRecord>()?;
    m.add_function(wrap_pyfunction!(linter::_restore_linter, m)?)?;
    m.add("RuleError", m.py().get_type::<linter::RuleError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
