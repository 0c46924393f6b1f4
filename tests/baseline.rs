//! `check --write-baseline / --baseline / --prune-baseline` on a copy of the seeds.

mod common;

use std::path::{Path, PathBuf};

use common::{fixture, scrapelint_in};
use predicates::prelude::*;
use predicates::str::contains;
use tempfile::TempDir;

const CREDITED: &str = "000_b444c7544b0fd91e.txt";

/// The seeds' articles in `corpus/` of a temporary directory.
fn seeds_copy() -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    for entry in std::fs::read_dir(fixture("seeds")).unwrap() {
        let p = entry.unwrap().path();
        if p.extension().is_some_and(|e| e == "txt") {
            std::fs::copy(&p, corpus.join(p.file_name().unwrap())).unwrap();
        }
    }
    dir
}

fn article(dir: &TempDir, name: &str) -> PathBuf {
    dir.path().join("corpus").join(name)
}

fn edit(path: &Path, f: impl FnOnce(String) -> String) {
    let text = std::fs::read_to_string(path).unwrap();
    std::fs::write(path, f(text)).unwrap();
}

fn check(dir: &TempDir, extra: &[&str]) -> assert_cmd::assert::Assert {
    scrapelint_in(dir.path())
        .args(["check", "--isolated", "--format", "short", "corpus"])
        .args(extra)
        .assert()
}

fn write_baseline(dir: &TempDir) -> serde_json::Value {
    check(dir, &["--write-baseline", "baseline.json"])
        .code(0)
        .stdout("")
        .stderr(contains("finding(s) to baseline baseline.json"));
    serde_json::from_str(&std::fs::read_to_string(dir.path().join("baseline.json")).unwrap())
        .unwrap()
}

#[test]
fn a_baseline_of_the_seeds_makes_the_next_run_pass() {
    let dir = seeds_copy();
    check(&dir, &[]).code(1);
    let file = write_baseline(&dir);
    assert_eq!(file["version"], 1);
    let entries = file["entries"].as_array().unwrap();
    assert!(entries.len() > 10, "{file}");
    let keys: Vec<(String, String, String)> = entries
        .iter()
        .map(|e| {
            let s = |k: &str| e[k].as_str().unwrap().to_owned();
            (s("path"), s("rule"), s("hash"))
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted, "entries are sorted");
    assert!(
        keys[0].0.starts_with("corpus/"),
        "paths relative to the file"
    );
    check(&dir, &["--baseline", "baseline.json"])
        .code(0)
        .stdout("")
        .stderr("");
}

#[test]
fn a_new_problem_fails_and_is_the_only_one_printed() {
    let dir = seeds_copy();
    write_baseline(&dir);
    edit(&article(&dir, CREDITED), |t| t + "\nLeave a Reply\n");
    let out = check(&dir, &["--baseline", "baseline.json"]).code(1);
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 1, "{stdout}");
    assert!(lines[0].contains("boilerplate.comment-prompt"), "{stdout}");
    assert!(
        lines[0].starts_with(&format!("corpus/{CREDITED}:")),
        "{stdout}"
    );
}

#[test]
fn findings_stay_baselined_when_lines_move() {
    let dir = seeds_copy();
    write_baseline(&dir);
    edit(&article(&dir, CREDITED), |t| {
        let (title, rest) = t.split_once("\n\n").unwrap();
        format!(
            "{title}\n\nThe letter was sent to Iraqi officials on Monday, US officials said.\n\n{rest}"
        )
    });
    check(&dir, &["--baseline", "baseline.json"])
        .code(0)
        .stdout("")
        .stderr("");
}

#[test]
fn fixed_problems_are_listed_as_stale_and_pruned() {
    let dir = seeds_copy();
    write_baseline(&dir);
    edit(&article(&dir, CREDITED), |t| t.replace(" – Reuters", ""));
    check(&dir, &["--baseline", "baseline.json"])
        .code(0)
        .stderr(contains(
            "1 baseline entries no longer occur; run with --prune-baseline to remove them",
        ))
        .stderr(contains(format!(
            "corpus/{CREDITED}  boilerplate.agency-credit  \"– Reuters\""
        )));
    let before = std::fs::read_to_string(dir.path().join("baseline.json")).unwrap();
    check(&dir, &["--baseline", "baseline.json", "--prune-baseline"])
        .code(0)
        .stderr(contains("removed 1 entries"));
    let after = std::fs::read_to_string(dir.path().join("baseline.json")).unwrap();
    assert_eq!(before.lines().count() - after.lines().count(), 6, "{after}");
    assert!(!after.contains("agency-credit"));
    check(&dir, &["--baseline", "baseline.json"])
        .code(0)
        .stderr("");
}

#[test]
fn entries_of_deleted_files_are_stale() {
    let dir = seeds_copy();
    write_baseline(&dir);
    std::fs::remove_file(article(&dir, CREDITED)).unwrap();
    // Other files' cross-file findings change too; only the deleted file is asserted.
    check(&dir, &["--baseline", "baseline.json", "--fail-on", "never"]).stderr(contains(format!(
        "corpus/{CREDITED}  boilerplate.agency-credit"
    )));
}

#[test]
fn a_missing_or_malformed_baseline_is_an_error() {
    let dir = seeds_copy();
    check(&dir, &["--baseline", "nope.json"])
        .code(2)
        .stderr(contains("cannot read baseline nope.json"));
    for (name, text, error) in [
        (
            "bad.json",
            "{\"version\": 1, \"entries\": 3}",
            "bad.json is not a valid scrapelint baseline",
        ),
        (
            "old.json",
            "{\"version\": 0, \"entries\": []}",
            "baseline version 0 is not supported",
        ),
    ] {
        std::fs::write(dir.path().join(name), text).unwrap();
        check(&dir, &["--baseline", name])
            .code(2)
            .stderr(contains(error));
    }
    check(&dir, &["--prune-baseline"])
        .code(2)
        .stderr(contains("--prune-baseline needs a baseline"));
}

#[test]
fn baselined_findings_are_left_out_of_every_format() {
    let dir = seeds_copy();
    write_baseline(&dir);
    edit(&article(&dir, CREDITED), |t| t + "\nLeave a Reply\n");
    for format in ["json", "jsonl", "sarif", "github", "human"] {
        let out = scrapelint_in(dir.path())
            .args(["check", "--isolated", "--baseline", "baseline.json"])
            .args(["--format", format, "--color", "never", "corpus"])
            .assert()
            .code(1);
        let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
        assert!(stdout.contains("comment-prompt"), "{format}: {stdout}");
        if format == "sarif" {
            // The rule list names every rule; the results are what was found.
            let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
            assert_eq!(v["runs"][0]["results"].as_array().unwrap().len(), 1);
        } else {
            assert!(!stdout.contains("agency-credit"), "{format}: {stdout}");
        }
        if format == "json" {
            let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
            common::assert_valid(&v, None);
            assert_eq!(v["summary"]["diagnostics"], 1);
            assert!(v["summary"]["baselined"].as_u64().unwrap() > 10);
        }
        if format == "human" {
            assert!(stdout.contains("in the baseline not shown"), "{stdout}");
        }
    }
}

#[test]
fn fix_leaves_baselined_findings_alone() {
    let dir = seeds_copy();
    write_baseline(&dir);
    edit(&article(&dir, CREDITED), |t| t + "\nLeave a Reply\n");
    check(&dir, &["--baseline", "baseline.json", "--fix"]).code(0);
    let text = std::fs::read_to_string(article(&dir, CREDITED)).unwrap();
    assert!(!text.contains("Leave a Reply"), "the new finding is fixed");
    assert!(text.contains(" – Reuters"), "the baselined one is not");
}

#[test]
fn the_config_names_the_baseline() {
    let dir = seeds_copy();
    write_baseline(&dir);
    std::fs::write(
        dir.path().join("scrapelint.toml"),
        "baseline = \"baseline.json\"\n",
    )
    .unwrap();
    scrapelint_in(dir.path())
        .args(["check", "--format", "short", "corpus"])
        .assert()
        .code(0)
        .stdout("");
    scrapelint_in(dir.path())
        .args(["check", "--isolated", "--format", "short", "corpus"])
        .assert()
        .code(1)
        .stdout(predicate::str::is_empty().not());
}
