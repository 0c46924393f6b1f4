//! The command line, one behaviour per test: flags, formats, exit codes, error paths.

mod common;

use common::{CLEAN_ARTICLE, assert_valid, fixture, root, scrapelint, scrapelint_in, tmp_with};
use predicates::prelude::*;
use predicates::str::contains;

fn seeds() -> std::path::PathBuf {
    fixture("seeds")
}

fn json_of(out: &[u8]) -> serde_json::Value {
    serde_json::from_slice(out).expect("stdout is JSON")
}

// ---- exit codes -------------------------------------------------------------------

#[test]
fn seeds_have_findings_exit_1() {
    scrapelint().arg("check").arg(seeds()).assert().code(1);
}

#[test]
fn clean_folder_exits_0() {
    // Two different stories: one story twice is duplicated content (an info finding).
    let other = CLEAN_ARTICLE.replace("library", "museum");
    let dir = tmp_with(&[
        ("a.txt", CLEAN_ARTICLE.as_bytes()),
        ("sub/b.txt", other.as_bytes()),
    ]);
    scrapelint_in(dir.path())
        .args(["check", "--isolated", "."])
        .assert()
        .code(0)
        .stdout(contains("No problems found in 2 file(s)."));
}

#[test]
fn fail_on_controls_the_exit_code() {
    let file = fixture("output/sample.txt");
    scrapelint()
        .args(["check", "--fail-on", "never"])
        .arg(&file)
        .assert()
        .code(0);
    scrapelint()
        .args(["check", "--fail-on", "error"])
        .arg(&file)
        .assert()
        .code(1);
    // Only a warning-level rule selected: below `error`, at `warning`.
    scrapelint()
        .args([
            "check",
            "--select",
            "boilerplate.agency-credit",
            "--fail-on",
            "error",
        ])
        .arg(&file)
        .assert()
        .code(0);
    scrapelint()
        .args([
            "check",
            "--select",
            "boilerplate.agency-credit",
            "--fail-on",
            "warning",
        ])
        .arg(&file)
        .assert()
        .code(1);
}

#[test]
fn missing_path_exits_2_after_reporting_the_rest() {
    scrapelint()
        .args(["check", "--format", "short", "no/such/dir"])
        .arg(fixture("output/sample.txt"))
        .assert()
        .code(2)
        .stderr(contains("no/such/dir: no such file or directory"))
        .stdout(contains("boilerplate.comment-prompt"));
    // The human summary does not read as if every file had been checked.
    scrapelint()
        .args(["check", "no/such/dir"])
        .arg(fixture("output/sample.txt"))
        .assert()
        .code(2)
        .stdout(contains("in 1 file (0 clean). 1 could not be read"));
}

#[test]
fn usage_error_exits_2() {
    scrapelint()
        .args(["check", "--format", "xml"])
        .assert()
        .code(2)
        .stderr(contains("xml"));
    scrapelint().arg("frobnicate").assert().code(2);
}

#[test]
fn help_has_examples() {
    scrapelint()
        .args(["check", "--help"])
        .assert()
        .code(0)
        .stdout(
            contains("Examples:")
                .and(contains("--stdin-filename"))
                .and(contains("Exit status")),
        );
}

// ---- rule and config errors ---------------------------------------------------------

#[test]
fn broken_rule_file_exits_2_pointing_at_the_toml_line() {
    let dir = tmp_with(&[(
        "bad.toml",
        b"[[rule]]\nid = \"custom.bad\"\nkind = \"pattern\"\ncategory = \"boilerplate\"\nmessage = \"x\"\npattern = 'date (\\d+'\n",
    )]);
    scrapelint_in(dir.path())
        .args(["check", "--isolated", "--rules", "bad.toml"])
        .arg(fixture("output/sample.txt"))
        .assert()
        .code(2)
        .stdout(predicate::str::is_empty())
        .stderr(
            contains("invalid regular expression")
                .and(contains("bad.toml:6:11"))
                .and(contains("6 │ pattern = 'date (\\d+'")),
        );
}

#[test]
fn rule_file_errors_are_all_reported() {
    let toml = "[[rule]]\nid = \"custom.one\"\nkind = \"phrase\"\ncategory = \"boilerplate\"\nmessage = \"x\"\nphrasez = [\"a\"]\n\n[[rule]]\nid = \"custom.two\"\nkind = \"phrasy\"\ncategory = \"boilerplate\"\nmessage = \"x\"\n\n[[rule]]\nid = \"Bad Id\"\nkind = \"phrase\"\ncategory = \"boilerplate\"\nmessage = \"x\"\nphrases = [\"a\"]\n";
    let dir = tmp_with(&[("r.toml", toml.as_bytes())]);
    scrapelint_in(dir.path())
        .args(["rules", "--isolated", "--rules", "r.toml"])
        .assert()
        .code(2)
        .stderr(
            contains("unknown field `phrasez`")
                .and(contains("r.toml:6:1"))
                .and(contains("unknown rule kind `phrasy`"))
                .and(contains("valid kinds: "))
                .and(contains("invalid rule id `Bad Id`"))
                .and(contains("3 error(s) in rule files")),
        );
}

#[test]
fn toml_syntax_error_points_at_the_line() {
    let dir = tmp_with(&[("r.toml", b"[[rule]]\nid = \"custom.x\"\nkind = \n")]);
    scrapelint_in(dir.path())
        .args(["rules", "--isolated", "--rules", "r.toml"])
        .assert()
        .code(2)
        .stderr(contains("r.toml:3:"));
}

#[test]
fn duplicate_rule_id_shows_both_definitions() {
    let dir = tmp_with(&[(
        "dup.toml",
        b"[[rule]]\nid = \"boilerplate.comment-prompt\"\nkind = \"phrase\"\ncategory = \"boilerplate\"\nmessage = \"x\"\nphrases = [\"a\"]\n",
    )]);
    scrapelint_in(dir.path())
        .args(["rules", "--isolated", "--rules", "dup.toml"])
        .assert()
        .code(2)
        .stderr(
            contains("duplicate rule id `boilerplate.comment-prompt`")
                .and(contains("first defined here")),
        );
}

#[test]
fn unknown_config_key_exits_2_with_the_line() {
    let dir = tmp_with(&[
        (
            "scrapelint.toml",
            b"select = [\"boilerplate\"]\nfail_on = \"error\"\n",
        ),
        ("a.txt", CLEAN_ARTICLE.as_bytes()),
    ]);
    scrapelint_in(dir.path())
        .args(["check", "."])
        .assert()
        .code(2)
        .stderr(contains("unknown field `fail_on`").and(contains("scrapelint.toml:2:1")));
}

#[test]
fn unknown_selector_is_an_error() {
    scrapelint()
        .args(["check", "--select", "boilerplat"])
        .arg(fixture("output/sample.txt"))
        .assert()
        .code(2)
        .stderr(contains("`boilerplat` matches no rule"));
}

// ---- formats ------------------------------------------------------------------------

#[test]
fn json_output_validates_and_is_sorted() {
    let out = scrapelint()
        .args(["check", "--format", "json"])
        .arg(seeds())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v = json_of(&out.stdout);
    assert_valid(&v, None);
    let diags = v["diagnostics"].as_array().unwrap();
    assert!(!diags.is_empty());
    let keys: Vec<(String, u64, u64)> = diags
        .iter()
        .map(|d| {
            (
                d["path"].as_str().unwrap().to_owned(),
                d["byte_range"]["start"].as_u64().unwrap(),
                d["byte_range"]["end"].as_u64().unwrap(),
            )
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    assert_eq!(
        v["summary"]["diagnostics"].as_u64().unwrap() as usize,
        diags.len()
    );
    // Identical across runs.
    let again = scrapelint()
        .args(["check", "--format", "json"])
        .arg(seeds())
        .output()
        .unwrap();
    assert_eq!(out.stdout, again.stdout);
}

#[test]
fn jsonl_lines_validate() {
    let out = scrapelint()
        .args(["check", "--format", "jsonl"])
        .arg(seeds())
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.lines().count() > 3);
    for line in text.lines() {
        assert_valid(&serde_json::from_str(line).unwrap(), Some("diagnostic"));
    }
}

#[test]
fn short_format_is_path_line_col() {
    scrapelint_in(&fixture("output"))
        .args(["check", "--isolated", "--format", "short", "sample.txt"])
        .assert()
        .code(1)
        .stdout(contains("sample.txt:1:2: error[boilerplate.metadata-header] scraper metadata 'date 2021-05-02' left in the text\n"));
}

#[test]
fn github_format_emits_workflow_commands() {
    scrapelint_in(&fixture("output"))
        .args(["check", "--isolated", "--format", "github", "sample.txt"])
        .assert()
        .code(1)
        .stdout(contains("::error file=sample.txt,line=1,col=2,endLine=1,endColumn=17,title=boilerplate.metadata-header::"));
}

#[test]
fn color_always_adds_ansi_and_never_does_not() {
    let file = fixture("output/sample.txt");
    scrapelint()
        .args(["check", "--color", "always"])
        .arg(&file)
        .assert()
        .stdout(contains("\x1b["));
    scrapelint()
        .args(["check", "--color", "never"])
        .arg(&file)
        .assert()
        .stdout(contains("\x1b[").not());
}

#[test]
fn quiet_drops_the_summary_and_statistics_counts_rules() {
    let file = fixture("output/sample.txt");
    scrapelint()
        .args(["check", "--quiet"])
        .arg(&file)
        .assert()
        .stdout(contains("Found").not());
    scrapelint()
        .args(["check", "--statistics", "--format", "short"])
        .arg(&file)
        .assert()
        .stdout(predicate::str::is_match(r"(?m)^rule\s+count\s+files\s+severity$").unwrap())
        .stdout(
            predicate::str::is_match(r"(?m)^boilerplate\.comment-prompt\s+2\s+1\s+error$").unwrap(),
        );
}

// ---- inputs -------------------------------------------------------------------------

#[test]
fn stdin_uses_stdin_filename() {
    let text = std::fs::read(fixture("output/sample.txt")).unwrap();
    scrapelint()
        .args([
            "check",
            "--format",
            "short",
            "--stdin-filename",
            "feed/article.txt",
            "-",
        ])
        .write_stdin(text)
        .assert()
        .code(1)
        .stdout(contains(
            "feed/article.txt:1:2: error[boilerplate.metadata-header]",
        ));
}

#[test]
fn select_and_ignore_filter_rules() {
    let file = fixture("output/sample.txt");
    let only = scrapelint()
        .args([
            "check",
            "--format",
            "short",
            "--select",
            "boilerplate.comment-prompt",
        ])
        .arg(&file)
        .output()
        .unwrap();
    let text = String::from_utf8(only.stdout).unwrap();
    assert_eq!(text.lines().count(), 2, "{text}");
    assert!(
        text.lines()
            .all(|l| l.contains("boilerplate.comment-prompt"))
    );
    let ignored = scrapelint()
        .args([
            "check",
            "--format",
            "short",
            "--ignore",
            "boilerplate.comment-prompt,boilerplate.metadata-header",
        ])
        .arg(&file)
        .output()
        .unwrap();
    let text = String::from_utf8(ignored.stdout).unwrap();
    assert!(
        !text.contains("comment-prompt")
            && !text.contains("metadata-header")
            && text.contains("agency-credit"),
        "{text}"
    );
}

#[test]
fn invalid_utf8_is_reported_and_the_rest_still_checked() {
    let dir = tmp_with(&[(
        "a.txt",
        b"Title\n\nCaf\xe9 owners protest.\n\nLeave a Reply\n",
    )]);
    let out = scrapelint_in(dir.path())
        .args(["check", "--isolated", "--format", "json", "a.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v = json_of(&out.stdout);
    let rules: Vec<&str> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap())
        .collect();
    assert!(
        rules.contains(&"encoding.invalid-utf8") && rules.contains(&"boilerplate.comment-prompt"),
        "{rules:?}"
    );
    let bad = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "encoding.invalid-utf8")
        .unwrap();
    assert_eq!(bad["byte_range"]["start"], 10);
    assert_eq!(bad["byte_range"]["end"], 11);
}

#[test]
fn binary_and_utf16_files_are_refused_with_a_reason() {
    let dir = tmp_with(&[
        ("bin.txt", b"abc\0def"),
        ("u16.txt", b"\xff\xfeh\0i\0"),
        ("ok.txt", CLEAN_ARTICLE.as_bytes()),
    ]);
    scrapelint_in(dir.path())
        .args(["check", "--isolated", "."])
        .assert()
        .code(2)
        .stderr(
            contains("bin.txt: binary file (NUL byte at offset 3); skipped")
                .and(contains("u16.txt: looks like UTF-16")),
        )
        .stdout(contains("No problems found in 1 file(s)."));
}

#[test]
fn empty_file_is_clean() {
    let dir = tmp_with(&[("empty.txt", b"")]);
    scrapelint_in(dir.path())
        .args(["check", "--isolated", "empty.txt"])
        .assert()
        .code(0);
}

#[test]
fn crlf_and_bom_give_the_same_positions_as_lf() {
    let lf = std::fs::read_to_string(fixture("output/sample.txt")).unwrap();
    let crlf = format!("\u{feff}{}", lf.replace('\n', "\r\n"));
    let dir = tmp_with(&[("lf.txt", lf.as_bytes()), ("crlf.txt", crlf.as_bytes())]);
    let out = scrapelint_in(dir.path())
        .args(["check", "--isolated", "--format", "json", "."])
        .output()
        .unwrap();
    let v = json_of(&out.stdout);
    let positions = |name: &str| -> Vec<String> {
        v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["path"] == name)
            .map(|d| format!("{} {}", d["rule"], d["range"]))
            .collect()
    };
    assert!(!positions("lf.txt").is_empty());
    assert_eq!(positions("lf.txt"), positions("crlf.txt"));
}

#[test]
fn directories_honour_gitignore_include_and_exclude() {
    let bad = std::fs::read(fixture("output/sample.txt")).unwrap();
    let dir = tmp_with(&[
        (
            "scrapelint.toml",
            b"exclude = [\"drafts\"]\ninclude = [\"*.txt\", \"*.text\"]\n",
        ),
        (".gitignore", b"ignored/\n"),
        ("a.text", &bad),
        ("ignored/b.txt", &bad),
        ("drafts/c.txt", &bad),
        ("notes.md", &bad),
    ]);
    let out = scrapelint_in(dir.path())
        .args(["check", "--format", "json", "."])
        .output()
        .unwrap();
    let v = json_of(&out.stdout);
    let mut paths: Vec<&str> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    paths.dedup();
    assert_eq!(paths, ["a.text"]);
}

#[test]
fn config_is_discovered_upward_with_per_file_ignores_and_severity() {
    let bad = std::fs::read(fixture("output/sample.txt")).unwrap();
    let dir = tmp_with(&[
        (
            ".scrapelint.toml",
            b"fail-on = \"error\"\n[severity]\n\"boilerplate.metadata-header\" = \"info\"\n[per-file-ignores]\n\"legacy/*.txt\" = [\"boilerplate.comment-prompt\"]\n",
        ),
        ("sub/legacy/a.txt", &bad),
    ]);
    let out = scrapelint_in(&dir.path().join("sub"))
        .args(["check", "--format", "json", "legacy"])
        .output()
        .unwrap();
    let v = json_of(&out.stdout);
    let diags = v["diagnostics"].as_array().unwrap();
    assert!(
        diags
            .iter()
            .all(|d| d["rule"] != "boilerplate.comment-prompt"),
        "{diags:?}"
    );
    let meta = diags
        .iter()
        .find(|d| d["rule"] == "boilerplate.metadata-header")
        .unwrap();
    assert_eq!(meta["severity"], "info");
    // Only info and a warning remain, below fail-on = error.
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn user_rules_add_to_or_replace_the_builtin_ones() {
    let dir = tmp_with(&[
        ("mine.toml", b"[[rule]]\nid = \"house.tip-line\"\nkind = \"phrase\"\ncategory = \"boilerplate\"\nseverity = \"error\"\nanchor = \"start\"\nmessage = \"tip line '{match}'\"\nphrases = [\"send us your tips\"]\nexplain = \"Bad: Send us your tips. Good: nothing.\"\n"),
        ("a.txt", b"Title\n\nSend us your tips at the desk.\n\nLeave a Reply\n"),
    ]);
    let with = scrapelint_in(dir.path())
        .args([
            "check",
            "--isolated",
            "--format",
            "short",
            "--rules",
            "mine.toml",
            "a.txt",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(with.stdout).unwrap();
    assert!(
        text.contains("house.tip-line") && text.contains("comment-prompt"),
        "{text}"
    );
    let alone = scrapelint_in(dir.path())
        .args([
            "check",
            "--isolated",
            "--format",
            "short",
            "--no-default-rules",
            "--rules",
            "mine.toml",
            "a.txt",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(alone.stdout).unwrap();
    assert!(
        text.contains("house.tip-line") && !text.contains("comment-prompt"),
        "{text}"
    );
}

// ---- fixes --------------------------------------------------------------------------

#[test]
fn fix_writes_atomically_and_converges() {
    let original = "\u{feff}date 2021-05-02 The airline resumed flights.\r\n\r\nLeave a Reply\r\n\r\nIt was the first flight since March.\r\n";
    let dir = tmp_with(&[("a.txt", original.as_bytes())]);
    scrapelint_in(dir.path())
        .args(["check", "--isolated", "--fix", "a.txt"])
        .assert()
        .stdout(contains("Fixed"));
    let fixed = std::fs::read_to_string(dir.path().join("a.txt")).unwrap();
    assert_eq!(
        fixed,
        "\u{feff}The airline resumed flights.\r\n\r\nIt was the first flight since March.\r\n"
    );
    // Nothing fixable remains, and a second run changes nothing.
    scrapelint_in(dir.path())
        .args(["check", "--isolated", "--fix", "a.txt"])
        .assert()
        .code(0);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.txt")).unwrap(),
        fixed
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary file left behind"
    );
}

#[test]
fn fix_keeps_invalid_bytes_it_does_not_touch() {
    let dir = tmp_with(&[(
        "a.txt",
        b"Caf\xe9 reopens\n\nLeave a Reply\n\nThe owner is happy.\n",
    )]);
    scrapelint_in(dir.path())
        .args(["check", "--isolated", "--fix", "a.txt"])
        .assert()
        .code(1);
    assert_eq!(
        std::fs::read(dir.path().join("a.txt")).unwrap(),
        b"Caf\xe9 reopens\n\nThe owner is happy.\n"
    );
}

#[test]
fn diff_shows_fixes_without_writing() {
    let dir = tmp_with(&[("a.txt", b"Title\n\nLeave a Reply\n\nBody text here.\n")]);
    scrapelint_in(dir.path())
        .args(["check", "--isolated", "--diff", "a.txt"])
        .assert()
        .stdout(contains("--- a/a.txt").and(contains("-Leave a Reply")));
    assert_eq!(
        std::fs::read(dir.path().join("a.txt")).unwrap(),
        b"Title\n\nLeave a Reply\n\nBody text here.\n"
    );
}

#[test]
fn fix_on_stdin_prints_the_fixed_text() {
    scrapelint()
        .args(["check", "--fix", "-"])
        .write_stdin("Title\n\nLeave a Reply\n\nBody text here.\n")
        .assert()
        .stdout("Title\n\nBody text here.\n");
}

// ---- rules and explain --------------------------------------------------------------

#[test]
fn rules_lists_every_rule_in_table_and_json() {
    scrapelint()
        .arg("rules")
        .assert()
        .code(0)
        .stdout(contains("boilerplate.comment-prompt").and(contains("encoding.invalid-utf8")));
    let out = scrapelint()
        .args(["rules", "--format", "json"])
        .output()
        .unwrap();
    let v = json_of(&out.stdout);
    let rows = v.as_array().unwrap();
    assert!(rows.len() >= 8);
    assert!(
        rows.iter()
            .all(|r| r["id"].is_string() && r["category"].is_string() && r["summary"].is_string())
    );
}

#[test]
fn explain_works_for_every_builtin_rule() {
    let out = scrapelint()
        .args(["rules", "--format", "json"])
        .output()
        .unwrap();
    for row in json_of(&out.stdout).as_array().unwrap() {
        let id = row["id"].as_str().unwrap();
        // The header names the scope as rule files write it.
        let scope = format!("scope {})", row["scope"].as_str().unwrap());
        scrapelint().args(["explain", id]).assert().code(0).stdout(
            contains(id)
                .and(contains(scope))
                .and(contains("Bad"))
                .and(contains("Good")),
        );
    }
}

#[test]
fn explain_unknown_rule_suggests_close_ids() {
    scrapelint()
        .args(["explain", "boilerplate.comment-promt"])
        .assert()
        .code(2)
        .stderr(contains("did you mean boilerplate.comment-prompt"));
    scrapelint()
        .args(["explain", "--kind", "phrase"])
        .assert()
        .code(0)
        .stdout(contains("Aho-Corasick"));
}

#[test]
fn readme_commands_name_real_paths() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    assert!(readme.contains("cargo run --release -- check examples/"));
    assert!(root().join("examples").is_dir());
    // The README's test command is the one CI runs.
    let ci = std::fs::read_to_string(root().join(".ci/run")).unwrap();
    assert!(readme.contains("cargo test --all-targets --locked"));
    assert!(
        ci.lines()
            .any(|l| l.trim() == "cargo test --all-targets --locked")
    );
}

#[test]
fn explicit_config_flag_is_used_and_a_missing_one_is_an_error() {
    let bad = std::fs::read(fixture("output/sample.txt")).unwrap();
    let dir = tmp_with(&[
        (
            "conf/strict.toml",
            b"select = [\"boilerplate.agency-credit\"]\n",
        ),
        ("a.txt", &bad),
    ]);
    let out = scrapelint_in(dir.path())
        .args([
            "check",
            "--config",
            "conf/strict.toml",
            "--format",
            "short",
            "a.txt",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        !text.is_empty()
            && text
                .lines()
                .all(|l| l.contains("boilerplate.agency-credit")),
        "{text}"
    );
    scrapelint_in(dir.path())
        .args(["check", "--config", "nope.toml", "a.txt"])
        .assert()
        .code(2)
        .stderr(contains("cannot read config file nope.toml"));
}

#[test]
fn unsafe_fixes_only_with_the_flag() {
    // The section label's fix is unsafe: `--fix` leaves it, `--unsafe-fixes` removes it.
    let text = std::fs::read_to_string(fixture("rules/fragment.section-label/fires.txt")).unwrap();
    let dir = tmp_with(&[("a.txt", text.as_bytes())]);
    scrapelint_in(dir.path())
        .args([
            "check",
            "--isolated",
            "--select",
            "fragment.section-label",
            "--fix",
            "a.txt",
        ])
        .assert()
        .code(1);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.txt")).unwrap(),
        text
    );
    scrapelint_in(dir.path())
        .args([
            "check",
            "--isolated",
            "--select",
            "fragment.section-label",
            "--fix",
            "--unsafe-fixes",
            "a.txt",
        ])
        .assert()
        .code(0);
    let fixed = std::fs::read_to_string(dir.path().join("a.txt")).unwrap();
    assert!(
        fixed.len() < text.len() && !fixed.contains("\nBusiness\n"),
        "{fixed}"
    );
}

#[test]
fn threads_flag_gives_the_same_output() {
    let one = scrapelint()
        .args(["check", "--format", "json", "--threads", "1"])
        .arg(seeds())
        .output()
        .unwrap();
    let two = scrapelint()
        .args(["check", "--format", "json", "--threads", "2"])
        .arg(seeds())
        .output()
        .unwrap();
    assert_eq!(one.status.code(), Some(1));
    assert_eq!(one.stdout, two.stdout);
}

#[test]
fn sarif_format_from_the_command_line() {
    let out = scrapelint()
        .args(["check", "--format", "sarif"])
        .arg(fixture("output/sample.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v = json_of(&out.stdout);
    assert_eq!(v["version"], "2.1.0");
    assert!(!v["runs"][0]["results"].as_array().unwrap().is_empty());
}

// ---- features (hidden, for scripts/train) ------------------------------------------

#[test]
fn features_print_layout_and_hashed_features_per_line() {
    let dir = tmp_with(&[(
        "a.txt",
        b"Title here\nSubscribe to our newsletter\nThe council voted on Monday to extend the tram line.\n",
    )]);
    let out = scrapelint()
        .arg("features")
        .arg(dir.path())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    let rows: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let names = rows[0]["feature_names"].as_array().unwrap().len();
    assert_eq!(rows.len(), 4, "{text}");
    for row in &rows[1..] {
        assert_eq!(row["values"].as_array().unwrap().len(), names);
        let buckets: Vec<u64> = row["hashed"]
            .as_array()
            .unwrap()
            .iter()
            .map(|pair| pair[0].as_u64().unwrap())
            .collect();
        assert!(!buckets.is_empty());
        assert!(buckets.windows(2).all(|w| w[0] < w[1]));
        assert!(buckets.iter().all(|b| *b < 1 << 18));
    }
}
