//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Child, ExitStatus};
use std::time::{Duration, Instant};

use assert_cmd::Command;

pub(crate) mod score;

pub(crate) fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

pub(crate) fn fixture(rel: &str) -> PathBuf {
    root().join("fixtures").join(rel)
}

/// The binary, run in `dir`, isolated from any config file above it.
pub(crate) fn scrapelint_in(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("scrapelint").unwrap();
    cmd.current_dir(dir).env_remove("NO_COLOR");
    cmd
}

pub(crate) fn scrapelint() -> Command {
    scrapelint_in(root())
}

/// Validates `value` against docs/json-schema.json, or against one of its `$defs`.
pub(crate) fn assert_valid(value: &serde_json::Value, def: Option<&str>) {
    let mut schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("docs/json-schema.json")).unwrap(),
    )
    .unwrap();
    if let Some(def) = def {
        let defs = schema["$defs"].clone();
        schema = serde_json::json!({ "$ref": format!("#/$defs/{def}"), "$defs": defs });
    }
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "JSON does not match docs/json-schema.json:\n{}",
        errors.join("\n")
    );
}

pub(crate) const CLEAN_ARTICLE: &str = "Town opens new library wing\n\nThe town opened a new wing of its library on Saturday, adding 4,000 books and a reading room for children.\n\nThe mayor said the wing cost 1.2 million dollars and was paid for by a state grant.\n";

/// A temporary folder holding `files` (relative path, content); folders are created.
pub(crate) fn tmp_with(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, content) in files {
        let p = dir.path().join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, content).unwrap();
    }
    dir
}

/// Waits for `child`, killing it and failing the test after `timeout`.
pub(crate) fn wait_or_kill(child: &mut Child, timeout: Duration, what: &str) -> ExitStatus {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        if start.elapsed() > timeout {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{what} did not finish in {timeout:?}");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}
