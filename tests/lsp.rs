//! The language server, driven over stdio like an editor would.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

use serde_json::{Value, json};

fn send(stdin: &mut impl Write, msg: &Value) {
    let body = msg.to_string();
    write!(stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
    stdin.flush().unwrap();
}

fn recv(out: &mut BufReader<ChildStdout>) -> Value {
    let mut len = 0;
    loop {
        let mut header = String::new();
        out.read_line(&mut header).unwrap();
        let header = header.trim();
        if header.is_empty() {
            break;
        }
        if let Some(v) = header.strip_prefix("Content-Length: ") {
            len = v.parse().unwrap();
        }
    }
    let mut body = vec![0; len];
    out.read_exact(&mut body).unwrap();
    serde_json::from_slice(&body).unwrap()
}

/// Reads messages until one satisfies `want` (the server may interleave others).
fn recv_until(out: &mut BufReader<ChildStdout>, want: impl Fn(&Value) -> bool) -> Value {
    loop {
        let m = recv(out);
        if want(&m) {
            return m;
        }
    }
}

/// Starts `scrapelint server --isolated ARGS` in `dir` and completes the handshake.
fn start(dir: &Path, args: &[&str]) -> (Child, ChildStdin, BufReader<ChildStdout>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_scrapelint"))
        .args(["server", "--isolated"])
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    send(
        &mut stdin,
        &json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}),
    );
    let init = recv_until(&mut out, |m| m["id"] == 1);
    assert_eq!(init["result"]["serverInfo"]["name"], "scrapelint");
    send(
        &mut stdin,
        &json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}),
    );
    (child, stdin, out)
}

#[test]
fn publishes_diagnostics_with_utf16_ranges_and_offers_fixes() {
    let dir = tempfile::tempdir().unwrap();
    let (mut child, mut stdin, mut out) = start(dir.path(), &[]);

    // "😀" is two UTF-16 code units: the agency credit starts at UTF-16 column 20 of line 2 (0-based).
    let text = "Headline\n\n😀 The vote passed. — AFP\n\nLeave a Reply\n";
    let uri = "file:///tmp/article.txt";
    send(
        &mut stdin,
        &json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
        "textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}}}),
    );
    let published = recv_until(&mut out, |m| {
        m["method"] == "textDocument/publishDiagnostics"
    });
    let diags = published["params"]["diagnostics"].as_array().unwrap();
    let credit = diags
        .iter()
        .find(|d| d["code"] == "boilerplate.agency-credit")
        .expect("agency credit flagged");
    assert_eq!(
        credit["range"]["start"],
        json!({"line": 2, "character": 20})
    );
    assert_eq!(credit["range"]["end"], json!({"line": 2, "character": 25}));
    assert_eq!(credit["source"], "scrapelint");
    let prompt = diags
        .iter()
        .find(|d| d["code"] == "boilerplate.comment-prompt")
        .expect("comment prompt flagged");
    assert_eq!(prompt["severity"], 1);

    send(
        &mut stdin,
        &json!({"jsonrpc": "2.0", "id": 2, "method": "textDocument/codeAction", "params": {
        "textDocument": {"uri": uri},
        "range": {"start": {"line": 4, "character": 0}, "end": {"line": 4, "character": 0}},
        "context": {"diagnostics": []}}}),
    );
    let actions = recv_until(&mut out, |m| m["id"] == 2);
    let action = &actions["result"][0];
    assert_eq!(action["kind"], "quickfix");
    let edit = &action["edit"]["changes"][uri][0];
    assert_eq!(edit["newText"], "");
    assert_eq!(edit["range"]["start"], json!({"line": 4, "character": 0}));

    // Editing the text away clears the diagnostics.
    send(
        &mut stdin,
        &json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
        "textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": "Headline\n\nThe vote passed.\n"}]}}),
    );
    let cleared = recv_until(&mut out, |m| {
        m["method"] == "textDocument/publishDiagnostics"
    });
    assert_eq!(cleared["params"]["diagnostics"], json!([]));

    send(
        &mut stdin,
        &json!({"jsonrpc": "2.0", "id": 3, "method": "shutdown", "params": null}),
    );
    recv_until(&mut out, |m| m["id"] == 3);
    send(
        &mut stdin,
        &json!({"jsonrpc": "2.0", "method": "exit", "params": null}),
    );
    assert!(child.wait().unwrap().success());
}

#[test]
fn baselined_findings_are_published_as_hints() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("article.txt");
    std::fs::write(&article, "Headline\n\nThe vote passed. — AFP\n").unwrap();
    let status = Command::new(env!("CARGO_BIN_EXE_scrapelint"))
        .args([
            "check",
            "--isolated",
            "--write-baseline",
            "baseline.json",
            "article.txt",
        ])
        .current_dir(dir.path())
        .status()
        .unwrap();
    assert!(status.success());
    let (mut child, mut stdin, mut out) = start(dir.path(), &["--baseline", "baseline.json"]);
    // The editor's text: the baselined credit moved down a paragraph, and a new problem.
    let text = "Headline\n\nThe count ended late.\n\nThe vote passed. — AFP\n\nLeave a Reply\n";
    let uri = format!("file://{}", article.display());
    send(
        &mut stdin,
        &json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
        "textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}}}),
    );
    let published = recv_until(&mut out, |m| {
        m["method"] == "textDocument/publishDiagnostics"
    });
    let diags = published["params"]["diagnostics"].as_array().unwrap();
    let severity_of = |code: &str| {
        diags
            .iter()
            .find(|d| d["code"] == code)
            .unwrap_or_else(|| panic!("{code} published: {diags:?}"))["severity"]
            .clone()
    };
    assert_eq!(severity_of("boilerplate.agency-credit"), 4, "a hint");
    assert_eq!(severity_of("boilerplate.comment-prompt"), 1, "an error");
    drop(stdin);
    let _ = child.wait();
}
