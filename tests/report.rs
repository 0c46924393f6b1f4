//! `scrapelint report`: the HTML page is written, has every section, escapes the
//! articles' text and stays bounded on a large corpus.

mod common;

use common::{fixture, scrapelint_in, tmp_with};
use predicates::str::contains;
use tempfile::TempDir;

/// An article with a share-buttons block (boilerplate) and a comment prompt.
const DIRTY: &str = "Council approves new cycle lanes\n\n\
The council approved four new cycle lanes on Tuesday after a long debate.\n\n\
Share this:\nClick to share on Facebook (Opens in new window)\nShare on X\n\n\
Leave a comment below and tell us what you think.\n";

fn page_of(dir: &TempDir, extra: &[&str]) -> String {
    let out = dir.path().join("report.html");
    scrapelint_in(dir.path())
        .args(["report", "--isolated", "."])
        .args(extra)
        .arg("-o")
        .arg(&out)
        .assert()
        .code(0);
    std::fs::read_to_string(out).unwrap()
}

#[test]
fn page_has_every_section_and_exits_0_despite_findings() {
    let dir = tmp_with(&[
        ("site-a/1.txt", DIRTY.as_bytes()),
        ("site-b/2.txt", DIRTY.as_bytes()),
    ]);
    let page = page_of(&dir, &[]);
    for id in [
        "totals",
        "families",
        "rules",
        "boilerplate",
        "folders",
        "worst",
        "examples",
    ] {
        assert!(page.contains(&format!("<section id=\"{id}\">")), "no #{id}");
    }
    assert!(
        page.matches("<svg").count() >= 3,
        "family, rule and share charts"
    );
    assert!(page.contains("<mark>Share this:"));
    assert!(page.contains("site-a") && page.contains("site-b"));
    assert!(page.contains("rule-boilerplate.share-buttons"));
    // The explanation is what `scrapelint explain` prints.
    let explain = scrapelint_in(dir.path())
        .args(["explain", "--isolated", "boilerplate.share-buttons"])
        .output()
        .unwrap();
    let first_line = String::from_utf8(explain.stdout).unwrap();
    let first_line = first_line.lines().next().unwrap();
    assert!(
        page.contains(first_line),
        "explain text missing: {first_line}"
    );
    // Self-contained: nothing is fetched.
    assert!(!page.contains("src=") && !page.contains("<link") && !page.contains("@import"));
    assert!(!page.contains("<script"));
}

#[test]
fn article_markup_is_escaped() {
    let evil =
        format!("{DIRTY}\nPhoto: <script>alert('x')</script> <img src=x onerror=alert(1)>\n");
    let dir = tmp_with(&[("<b>site</b>/evil.txt", evil.as_bytes())]);
    let page = page_of(&dir, &[]);
    assert!(!page.contains("<script"), "script tag leaked");
    assert!(!page.contains("<img") && !page.contains("<b>"));
    assert!(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    assert!(page.contains("&lt;b&gt;site&lt;/b&gt;"));
}

#[test]
fn select_limits_the_rules_like_check() {
    let dir = tmp_with(&[("a.txt", DIRTY.as_bytes())]);
    let page = page_of(&dir, &["--select", "boilerplate.share-buttons"]);
    assert!(page.contains("rule-boilerplate.share-buttons"));
    assert!(!page.contains("rule-boilerplate.comment-prompt"));
    assert!(
        page.contains(" 1 rules "),
        "the header counts the rules that ran"
    );
}

#[test]
fn stays_bounded_on_many_files() {
    // 800 files in 40 folders (5 MB), each with long flagged lines: the page keeps
    // samples, so it is a fraction of the corpus whatever its size.
    let long = "Share this article with your friends and family ".repeat(60);
    let files: Vec<(String, String)> = (0..800)
        .map(|i| {
            let text = format!("{DIRTY}\n{long}\nLeave a comment {i}\n{long}\n");
            (format!("site-{:02}/{i:04}.txt", i % 40), text)
        })
        .collect();
    let refs: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_bytes()))
        .collect();
    let dir = tmp_with(&refs);
    let page = page_of(&dir, &["--select", "boilerplate"]);
    let corpus: usize = files.iter().map(|f| f.1.len()).sum();
    assert!(
        page.len() * 10 < corpus,
        "page {} bytes, corpus {corpus}",
        page.len()
    );
    assert!(page.contains("<div class=\"num\">800</div>"));
    assert_eq!(
        page.matches("<tr class=\"excerpts\">").count(),
        20,
        "worst files kept"
    );
}

#[test]
fn dash_writes_stdout() {
    let dir = tmp_with(&[("a.txt", DIRTY.as_bytes())]);
    scrapelint_in(dir.path())
        .args(["report", "--isolated", "a.txt", "-o", "-"])
        .assert()
        .code(0)
        .stdout(contains("<!DOCTYPE html>"))
        .stdout(contains("</html>"));
}

#[test]
fn errors_exit_2_with_a_message() {
    let dir = tmp_with(&[("a.txt", DIRTY.as_bytes())]);
    scrapelint_in(dir.path())
        .args(["report", "--isolated", "a.txt", "-o", "no-such-dir/r.html"])
        .assert()
        .code(2)
        .stderr(contains("no-such-dir/r.html: cannot write the report"));
    scrapelint_in(dir.path())
        .args(["report", "--isolated", "missing", "-o", "r.html"])
        .assert()
        .code(2)
        .stderr(contains("missing: no such file or directory"));
    scrapelint_in(dir.path())
        .args(["report", "--isolated", "."])
        .assert()
        .code(2)
        .stderr(contains("--output"));
    scrapelint_in(dir.path())
        .args([
            "report",
            "--isolated",
            "--select",
            "nonsense.rule",
            ".",
            "-o",
            "-",
        ])
        .assert()
        .code(2);
}

#[test]
fn fixtures_folder_report_names_its_inputs() {
    let docs = fixture("generalisation/docs");
    let out = tempfile::tempdir().unwrap();
    let html = out.path().join("r.html");
    scrapelint_in(out.path())
        .args(["report", "--isolated", "--title", "Generalisation set"])
        .arg(&docs)
        .arg("-o")
        .arg(&html)
        .assert()
        .code(0);
    let page = std::fs::read_to_string(html).unwrap();
    assert!(page.contains("<title>Generalisation set</title>"));
    assert!(page.contains(&docs.display().to_string()));
}
