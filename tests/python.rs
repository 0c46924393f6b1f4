//! The Python package's tests (`python/tests`, pytest): the bindings, datatrove and
//! Spark, run with the virtualenv `.ci/install-python.sh` makes.
//!
//! The interpreter is `SCRAPELINT_PYTHON` (default `.venv-ci/bin/python`). Without it
//! the test passes with a "skipped" note, unless `CI` is set: there it must exist.

use std::path::PathBuf;
use std::process::Command;

fn python() -> Option<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let python = std::env::var_os("SCRAPELINT_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join(".venv-ci/bin/python"));
    python.exists().then_some(python)
}

#[test]
#[allow(clippy::print_stderr)] // the skip note
fn python_package_tests_pass() {
    let Some(python) = python() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI is set but the Python test environment is missing: run .ci/install-python.sh"
        );
        eprintln!(
            "skipped: Python test environment not installed (run .ci/install-python.sh, \
             or set SCRAPELINT_PYTHON)"
        );
        return;
    };
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let out = Command::new(&python)
        .args([
            "-m",
            "pytest",
            "python/tests",
            "-q",
            "-p",
            "no:cacheprovider",
        ])
        .current_dir(&root)
        .env("SCRAPELINT_BIN", env!("CARGO_BIN_EXE_scrapelint"))
        .output()
        .expect("run pytest");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "pytest failed ({}):\n{stdout}\n{stderr}",
        out.status
    );
    // In CI every tool is installed, so nothing may be skipped.
    assert!(
        std::env::var_os("CI").is_none() || !stdout.contains(" skipped"),
        "a Python test was skipped in CI:\n{stdout}"
    );
}
