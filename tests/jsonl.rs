//! `--input jsonl` and `scrapelint clean`: records give the same findings as the files
//! they were made from, compressed or not, and cleaning loses nothing but fixed spans.

mod common;

use std::collections::BTreeSet;
use std::io::Write;
use std::path::Path;

use common::{fixture, scrapelint_in};
use predicates::str::contains;

/// (rule, path, line, column, message) of every diagnostic of a `--format json`
/// report; messages carry the cross-file figures (probabilities, counts).
fn findings(stdout: &[u8]) -> BTreeSet<(String, String, u64, u64, String)> {
    let report: serde_json::Value = serde_json::from_slice(stdout).expect("JSON report");
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_owned(),
                d["path"].as_str().unwrap().to_owned(),
                d["range"]["start"]["line"].as_u64().unwrap(),
                d["range"]["start"]["column"].as_u64().unwrap(),
                d["message"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// The generalisation set as JSONL: one record per file, ids the file names, with an
/// extra field before and after the text.
fn docs_as_jsonl() -> Vec<u8> {
    let dir = fixture("generalisation/docs");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    let mut out = Vec::new();
    for name in names {
        let text = std::fs::read_to_string(dir.join(&name)).unwrap();
        let record = serde_json::json!({ "url": format!("https://example.org/{name}"), "id": name, "text": text, "n": 1 });
        serde_json::to_writer(&mut out, &record).unwrap();
        out.push(b'\n');
    }
    out
}

fn check_json(dir: &Path, args: &[&str], stdin: Option<Vec<u8>>) -> Vec<u8> {
    let mut cmd = scrapelint_in(dir);
    cmd.args(["check", "--isolated", "--format", "json"])
        .args(args);
    if let Some(s) = stdin {
        cmd.write_stdin(s);
    }
    let out = cmd.output().unwrap();
    assert!(
        out.status.code() == Some(1) || out.status.code() == Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

#[test]
fn jsonl_gives_the_same_findings_as_the_directory_in_every_container() {
    let docs = fixture("generalisation/docs");
    let expected = findings(&check_json(&docs, &["."], None));
    assert!(expected.len() > 20, "the set has findings");
    // The corpus statistics matter on this set: a file checked alone reads otherwise.
    let one = "c_003_bishop_installed.txt";
    let alone = findings(&check_json(&docs, &[one], None));
    let in_set: BTreeSet<_> = expected.iter().filter(|f| f.1 == one).cloned().collect();
    assert!(!alone.is_empty());
    assert_ne!(
        alone, in_set,
        "cross-file statistics change {one}'s findings"
    );

    let body = docs_as_jsonl();
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("docs.jsonl"), &body).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(&body).unwrap();
    std::fs::write(tmp.path().join("docs.jsonl.gz"), gz.finish().unwrap()).unwrap();
    std::fs::write(
        tmp.path().join("docs.jsonl.zst"),
        zstd::encode_all(&body[..], 3).unwrap(),
    )
    .unwrap();
    for file in ["docs.jsonl", "docs.jsonl.gz", "docs.jsonl.zst"] {
        let got = findings(&check_json(tmp.path(), &["--input", "jsonl", file], None));
        assert_eq!(got, expected, "{file}");
    }
    let got = findings(&check_json(
        tmp.path(),
        &["--input", "jsonl", "-"],
        Some(body.clone()),
    ));
    assert_eq!(got, expected, "stdin");

    // A directory of shards: each file's records, in file order.
    let shards = tmp.path().join("shards");
    std::fs::create_dir(&shards).unwrap();
    let lines: Vec<&[u8]> = body.split_inclusive(|&b| b == b'\n').collect();
    let (a, b) = lines.split_at(lines.len() / 2);
    std::fs::write(shards.join("a.jsonl"), a.concat()).unwrap();
    std::fs::write(
        shards.join("b.jsonl.zst"),
        zstd::encode_all(&b.concat()[..], 3).unwrap(),
    )
    .unwrap();
    std::fs::write(shards.join("notes.txt"), "not a shard").unwrap();
    let got = findings(&check_json(
        tmp.path(),
        &["--input", "jsonl", "shards"],
        None,
    ));
    assert_eq!(got, expected, "directory of shards");
}

#[test]
fn a_bad_record_is_reported_with_file_and_line_and_the_rest_is_checked() {
    let tmp = tempfile::tempdir().unwrap();
    let body = concat!(
        "{\"id\":\"a\",\"text\":\"Title\\n\\nBody text.\\n\\nLeave a Comment\\n\"}\n",
        "{not json\n",
        "{\"id\":\"c\",\"body\":\"no text field\"}\n",
        "{\"text\":\"Title\\n\\nLeave a Comment\\n\\nMore body.\\n\"}\n",
    );
    std::fs::write(tmp.path().join("c.jsonl"), body).unwrap();
    let out = scrapelint_in(tmp.path())
        .args([
            "check",
            "--isolated",
            "--format",
            "short",
            "--input",
            "jsonl",
            "c.jsonl",
        ])
        .assert()
        .code(2)
        .stderr(contains("c.jsonl:2: bad record: invalid JSON"))
        .stderr(contains("c.jsonl:3: bad record: no `text` field"))
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("a:5:1:"), "{out}");
    assert!(
        out.contains("c.jsonl:4:3:1:"),
        "records without id are FILE:LINE: {out}"
    );
}

#[test]
fn text_and_id_fields_can_be_renamed() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        tmp.path().join("r.jsonl"),
        "{\"key\":\"doc-1\",\"content\":\"Title\\n\\nBody text.\\n\\nLeave a Comment\\n\"}\n",
    )
    .unwrap();
    scrapelint_in(tmp.path())
        .args([
            "check",
            "--isolated",
            "--format",
            "short",
            "--input",
            "jsonl",
        ])
        .args(["--text-field", "content", "--id-field", "key", "r.jsonl"])
        .assert()
        .code(1)
        .stdout(contains("doc-1:5:1:"));
}

#[test]
fn fix_refuses_jsonl() {
    scrapelint_in(&fixture("generalisation"))
        .args(["check", "--isolated", "--input", "jsonl", "--fix", "."])
        .assert()
        .code(2)
        .stderr(contains("scrapelint clean"));
}

// ---- clean --------------------------------------------------------------------------

type Fields = indexmap::IndexMap<String, Box<serde_json::value::RawValue>>;

fn parse_lines(bytes: &[u8]) -> Vec<Fields> {
    bytes
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| serde_json::from_slice(l).expect("a JSON record"))
        .collect()
}

fn text_of(record: &Fields) -> String {
    serde_json::from_str(record["text"].get()).unwrap()
}

/// Every stretch of `before` outside `removed` (byte ranges) appears in `after`, in order.
fn nothing_lost_outside(before: &str, removed: &[std::ops::Range<usize>], after: &str) {
    let mut ranges = removed.to_vec();
    ranges.sort_by_key(|r| r.start);
    let (mut at, mut cursor) = (0, 0);
    let mut keep = |piece: &str| {
        let found = after[cursor..]
            .find(piece)
            .unwrap_or_else(|| panic!("lost {piece:?}\nbefore: {before:?}\nafter: {after:?}"));
        cursor += found + piece.len();
    };
    for r in ranges {
        if r.start > at {
            keep(&before[at..r.start]);
        }
        at = at.max(r.end);
    }
    keep(&before[at..]);
}

#[test]
fn clean_keeps_fields_and_loses_nothing_but_the_fixed_spans() {
    let body = docs_as_jsonl();
    let input = parse_lines(&body);
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("in.jsonl"), &body).unwrap();
    scrapelint_in(tmp.path())
        .args([
            "clean",
            "--isolated",
            "--input",
            "jsonl",
            "in.jsonl",
            "-o",
            "out.jsonl",
        ])
        .assert()
        .code(0)
        .stderr(contains(format!(
            "{} records written, 0 dropped",
            input.len()
        )));
    let output = parse_lines(&std::fs::read(tmp.path().join("out.jsonl")).unwrap());
    assert_eq!(input.len(), output.len());

    // The library, given the same corpus statistics, cleans each text the same way.
    let linter = scrapelint::Linter::new(scrapelint::LinterOptions::default()).unwrap();
    let texts: Vec<(String, String)> = input
        .iter()
        .map(|r| (serde_json::from_str(r["id"].get()).unwrap(), text_of(r)))
        .collect();
    let stats = linter.observe(texts.iter().map(|(i, t)| (i.as_str(), t.as_str())));
    let linter = linter.with_stats(stats);
    let mut fixed_any = 0;
    for (before, after) in input.iter().zip(&output) {
        let keys: Vec<&String> = after.keys().collect();
        let mut expected: Vec<&String> = before.keys().collect();
        let scrapelint_key = "scrapelint".to_owned();
        expected.push(&scrapelint_key);
        assert_eq!(keys, expected, "field order is kept");
        for (k, v) in before {
            if k != "text" {
                assert_eq!(v.get(), after[k].get(), "field {k} is untouched");
            }
        }
        let (old, new) = (text_of(before), text_of(after));
        let cleaned = linter.clean(&old, false);
        assert_eq!(new, cleaned.text);
        let removed: Vec<_> = cleaned
            .fixed
            .iter()
            .map(|d| d.fix.as_ref().unwrap().range.clone())
            .collect();
        nothing_lost_outside(&old, &removed, &new);
        let note: serde_json::Value = serde_json::from_str(after["scrapelint"].get()).unwrap();
        assert_eq!(note["fixed"], cleaned.fixed.len());
        assert_eq!(note["remaining"], cleaned.diagnostics.len());
        if old != new {
            fixed_any += 1;
        }
    }
    assert!(fixed_any > 10, "most of the set has something to fix");
}

#[test]
fn drop_if_sends_records_to_rejects_with_the_reason() {
    let body = docs_as_jsonl();
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("in.jsonl"), &body).unwrap();
    scrapelint_in(tmp.path())
        .args([
            "clean",
            "--isolated",
            "--input",
            "jsonl",
            "in.jsonl",
            "-o",
            "out.jsonl.zst",
        ])
        .args(["--rejects", "rejects.jsonl", "--drop-if"])
        .arg("boilerplate_share > 0.1 or (off_topic > 0 and not mangled)")
        .assert()
        .code(0);
    let out =
        zstd::decode_all(&std::fs::read(tmp.path().join("out.jsonl.zst")).unwrap()[..]).unwrap();
    let kept = parse_lines(&out);
    let rejected = parse_lines(&std::fs::read(tmp.path().join("rejects.jsonl")).unwrap());
    assert!(!kept.is_empty() && !rejected.is_empty());
    assert_eq!(kept.len() + rejected.len(), parse_lines(&body).len());
    let originals: std::collections::HashMap<String, String> = parse_lines(&body)
        .iter()
        .map(|r| (r["id"].get().to_owned(), text_of(r)))
        .collect();
    for r in &rejected {
        let note: serde_json::Value = serde_json::from_str(r["scrapelint"].get()).unwrap();
        let reason = note["reason"].as_str().unwrap();
        let share = note["boilerplate_share"].as_f64().unwrap();
        let off_topic = note["off_topic"].as_u64().unwrap();
        assert!(
            (share > 0.1 && reason.starts_with("boilerplate_share > 0.1"))
                || (off_topic > 0 && reason.starts_with("off_topic > 0 ")),
            "{note}"
        );
        assert_eq!(
            text_of(r),
            originals[r["id"].get()],
            "rejects keep the text"
        );
    }
    for r in &kept {
        let note: serde_json::Value = serde_json::from_str(r["scrapelint"].get()).unwrap();
        assert!(note.get("reason").is_none());
        assert!(note["boilerplate_share"].as_f64().unwrap() <= 0.1);
    }
}

#[test]
fn an_unknown_drop_if_field_fails_before_anything_is_written() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("in.jsonl"), "{\"text\":\"x\"}\n").unwrap();
    scrapelint_in(tmp.path())
        .args([
            "clean",
            "--isolated",
            "--input",
            "jsonl",
            "in.jsonl",
            "-o",
            "out.jsonl",
        ])
        .args(["--drop-if", "offtopic > 0"])
        .assert()
        .code(2)
        .stderr(contains("unknown field `offtopic`"))
        .stderr(contains("valid fields: diagnostics, fixed"));
    assert!(!tmp.path().join("out.jsonl").exists());
}

#[test]
fn clean_streams_stdin_to_stdout() {
    let tmp = tempfile::tempdir().unwrap();
    let out = scrapelint_in(tmp.path())
        .args([
            "clean",
            "--isolated",
            "--quiet",
            "--input",
            "jsonl",
            "-",
            "-o",
            "-",
        ])
        .write_stdin("{\"id\":1,\"text\":\"Title\\n\\nBody text here.\\n\\nLeave a Comment\\n\"}\n")
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let records = parse_lines(&out);
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["id"].get(), "1");
    let text = text_of(&records[0]);
    assert!(text.starts_with("Title\n\nBody text here.\n"), "{text:?}");
    assert!(!text.contains("Leave a Comment"), "{text:?}");
}

#[test]
fn clean_copies_a_text_directory_and_never_touches_it() {
    let docs = fixture("generalisation/docs");
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("src");
    std::fs::create_dir_all(src.join("sub")).unwrap();
    let names = [
        "p_001_harlow_vale_manager_sacked.txt",
        "c_003_bishop_installed.txt",
    ];
    for n in names {
        std::fs::copy(docs.join(n), src.join("sub").join(n)).unwrap();
    }
    let before: Vec<Vec<u8>> = names
        .iter()
        .map(|n| std::fs::read(src.join("sub").join(n)).unwrap())
        .collect();
    scrapelint_in(tmp.path())
        .args([
            "clean",
            "--isolated",
            "src",
            "-o",
            "out",
            "--rejects",
            "rej",
        ])
        .args(["--drop-if", "boilerplate_share > 0.2"])
        .assert()
        .code(0);
    for (n, b) in names.iter().zip(&before) {
        assert_eq!(
            &std::fs::read(src.join("sub").join(n)).unwrap(),
            b,
            "input untouched"
        );
    }
    let cleaned =
        std::fs::read_to_string(tmp.path().join("out/sub/c_003_bishop_installed.txt")).unwrap();
    assert!(!cleaned.is_empty());
    // The first file is mostly boilerplate: it goes to the rejects as it was.
    let rejected = tmp
        .path()
        .join("rej/sub/p_001_harlow_vale_manager_sacked.txt");
    let out = tmp
        .path()
        .join("out/sub/p_001_harlow_vale_manager_sacked.txt");
    assert!(rejected.exists() != out.exists());
    if rejected.exists() {
        assert_eq!(std::fs::read(rejected).unwrap(), before[0]);
    }
    scrapelint_in(tmp.path())
        .args(["clean", "--isolated", "src", "-o", "src"])
        .assert()
        .code(2)
        .stderr(contains("would overwrite the input"));
}
