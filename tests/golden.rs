//! Golden output: the JSON findings on the shared seeds and on `fixtures/` must not
//! change unless a commit means them to. Speed work must leave these files untouched;
//! a detection change regenerates them on purpose, in its own commit, with
//! `UPDATE_GOLDEN=1 cargo test --test golden`.

mod common;

use std::path::Path;

use common::{root, scrapelint_in};

/// Runs `scrapelint check --format json` on `target` from `dir` (so paths in the output
/// are relative and the same on every machine) and compares with `tests/golden/<name>`.
fn assert_golden(dir: &Path, target: &str, name: &str) {
    let out = scrapelint_in(dir)
        .args([
            "check",
            "--isolated",
            "--format",
            "json",
            "--fail-on",
            "never",
            target,
        ])
        .output()
        .expect("scrapelint runs");
    assert!(
        out.status.success(),
        "scrapelint check {target} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let actual = String::from_utf8(out.stdout).expect("JSON output is UTF-8");
    let golden = root().join("tests/golden").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(golden.parent().unwrap()).unwrap();
        std::fs::write(&golden, &actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&golden).unwrap_or_else(|e| {
        panic!(
            "cannot read {}: {e}\ncreate it with `UPDATE_GOLDEN=1 cargo test --test golden`",
            golden.display()
        )
    });
    if expected != actual {
        let diff = similar::TextDiff::from_lines(&expected, &actual);
        panic!(
            "the findings on {target} differ from tests/golden/{name}:\n\n{}\n\
             If this change of findings is intended, update the golden file in its own \
             commit with `UPDATE_GOLDEN=1 cargo test --test golden` and review the diff.",
            diff.unified_diff()
                .context_radius(3)
                .header(&format!("tests/golden/{name}"), "actual")
        );
    }
}

#[test]
fn findings_on_the_fixtures_are_unchanged() {
    assert_golden(root(), "fixtures", "fixtures.json");
}

#[test]
#[allow(clippy::print_stderr)]
fn findings_on_the_shared_seeds_are_unchanged() {
    let shared = root().join("../shared");
    if !shared.join("seeds").is_dir() {
        eprintln!(
            "skipped: ../shared/seeds not found (the shared seeds sit beside the repository)"
        );
        return;
    }
    assert_golden(&shared, "seeds", "seeds.json");
}
