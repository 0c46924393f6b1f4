//! The HTML report in a real browser: headless Chromium renders it (a screenshot that
//! is not blank), its DOM holds the charts and tables, and no console message appears
//! (the page has no script and loads nothing, so any message is a fault).
//!
//! Needs Debian's `chromium` (`.ci/install-browser.sh`). Without it the tests print
//! "skipped: chromium not installed" and pass, unless `CI` is set.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use common::{fixture, scrapelint_in, wait_or_kill};

const TIMEOUT: Duration = Duration::from_secs(90);

/// The browser, or `None` (after saying so) when the test should be skipped.
#[allow(clippy::print_stderr)] // the skip message
fn chromium() -> Option<PathBuf> {
    let found = std::iter::once(PathBuf::from("/usr/bin/chromium"))
        .chain(
            std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())
                .map(|d| d.join("chromium")),
        )
        .find(|p| p.is_file());
    if found.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "chromium not installed but CI is set: run .ci/install-browser.sh"
        );
        eprintln!("skipped: chromium not installed (apt-get install chromium)");
    }
    found
}

/// What Chromium printed.
struct Printed {
    stdout: String,
    stderr: String,
}

/// Runs headless Chromium on `page` with `extra` flags, in a fresh profile. Output goes
/// to files: a pipe nobody reads while we wait would fill up and stall the browser.
fn run_chromium(browser: &Path, page: &Path, extra: &[String]) -> Printed {
    let profile = tempfile::tempdir().unwrap();
    let (out_path, err_path) = (profile.path().join("stdout"), profile.path().join("stderr"));
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(extra)
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out_path).unwrap())
        .stderr(std::fs::File::create(&err_path).unwrap())
        .spawn()
        .expect("chromium starts");
    let status = wait_or_kill(&mut child, TIMEOUT, "chromium");
    let read = |p: &Path| String::from_utf8_lossy(&std::fs::read(p).unwrap()).into_owned();
    let printed = Printed {
        stdout: read(&out_path),
        stderr: read(&err_path),
    };
    assert!(status.success(), "chromium failed: {}", printed.stderr);
    printed
}

/// Console messages and uncaught errors in Chromium's log.
fn console_messages(stderr: &str) -> Vec<String> {
    stderr
        .lines()
        .filter(|l| l.contains(":CONSOLE") || l.contains("CONSOLE(") || l.contains("Uncaught"))
        .map(str::to_owned)
        .collect()
}

/// A report of the generalisation fixtures, written into `dir`.
fn report(dir: &Path) -> PathBuf {
    let html = dir.join("report.html");
    scrapelint_in(dir)
        .args(["report", "--isolated"])
        .arg(fixture("generalisation/docs"))
        .arg("-o")
        .arg(&html)
        .assert()
        .code(0);
    html
}

#[test]
fn report_renders_with_charts_tables_and_no_console_error() {
    let Some(browser) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let html = report(dir.path());

    let png = dir.path().join("shot.png");
    let shot = run_chromium(
        &browser,
        &html,
        &[
            format!("--screenshot={}", png.display()),
            "--window-size=1280,2000".into(),
        ],
    );
    let bytes = std::fs::read(&png).expect("a screenshot was written");
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "not a PNG");
    let size = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    assert_eq!((size(16), size(20)), (1280, 2000), "IHDR width, height");
    // A blank 1280×2000 page compresses to about 8 KB; text and charts to far more.
    assert!(
        bytes.len() > 50_000,
        "screenshot looks blank ({} bytes)",
        bytes.len()
    );

    let dom = run_chromium(&browser, &html, &["--dump-dom".into()]);
    let dom_text = &dom.stdout;
    assert!(
        dom_text.matches("<svg").count() >= 3,
        "charts missing from the DOM"
    );
    assert!(
        dom_text.matches("<rect").count() >= 10,
        "chart bars missing"
    );
    assert!(
        dom_text.matches("<table").count() >= 3,
        "tables missing from the DOM"
    );
    assert!(dom_text.contains("<mark>"), "no highlighted span");
    for out in [&shot, &dom] {
        let messages = console_messages(&out.stderr);
        assert!(messages.is_empty(), "console messages: {messages:#?}");
    }
}

/// The console check above can fail: a page that throws is caught.
#[test]
fn console_errors_are_detected() {
    let Some(browser) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("bad.html");
    std::fs::write(
        &page,
        "<!DOCTYPE html><p>x</p><script>throw new Error('boom')</script>",
    )
    .unwrap();
    let out = run_chromium(&browser, &page, &["--dump-dom".into()]);
    let messages = console_messages(&out.stderr);
    assert!(
        messages.iter().any(|m| m.contains("Uncaught Error: boom")),
        "{messages:#?}"
    );
}
