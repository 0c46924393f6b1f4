//! The VS Code extension (`editors/vscode/`) packages to a `.vsix`: a zip holding the
//! manifest, the client code and its runtime dependency.
//!
//! Needs Node 20+ and npm (`.ci/install-editors.sh`) and the npm registry. Without
//! node or npm the test prints "skipped: ..." and passes, unless `CI` is set.

mod common;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use common::{root, wait_or_kill};

const TIMEOUT: Duration = Duration::from_secs(600);

/// Whether `tool --version` runs.
fn has(tool: &str) -> bool {
    Command::new(tool)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// The file names in a zip archive, read from its central directory.
fn zip_names(zip: &[u8]) -> Vec<String> {
    let u16_at = |i: usize| usize::from(u16::from_le_bytes([zip[i], zip[i + 1]]));
    let u32_at = |i: usize| u32::from_le_bytes(zip[i..i + 4].try_into().unwrap()) as usize;
    let end = (0..=zip.len().saturating_sub(22))
        .rev()
        .find(|&i| zip[i..i + 4] == *b"PK\x05\x06")
        .expect("no end of central directory: not a zip");
    let (count, mut at) = (u16_at(end + 10), u32_at(end + 16));
    let mut names = Vec::with_capacity(count);
    for _ in 0..count {
        assert_eq!(
            &zip[at..at + 4],
            b"PK\x01\x02",
            "bad central directory entry"
        );
        let (name, extra, comment) = (u16_at(at + 28), u16_at(at + 30), u16_at(at + 32));
        names.push(String::from_utf8_lossy(&zip[at + 46..at + 46 + name]).into_owned());
        at += 46 + name + extra + comment;
    }
    names
}

#[test]
#[allow(clippy::print_stderr)] // the skip message
fn vscode_extension_packages_to_a_vsix() {
    if !has("node") || !has("npm") {
        assert!(
            std::env::var_os("CI").is_none(),
            "node or npm not installed but CI is set: run .ci/install-editors.sh"
        );
        eprintln!("skipped: node or npm not installed (needed to package the VS Code extension)");
        return;
    }
    let dir = root().join("editors/vscode");
    let vsix = dir.join("scrapelint.vsix");
    let _ = std::fs::remove_file(&vsix);
    let log = tempfile::NamedTempFile::new().unwrap();
    let mut child = Command::new("bash")
        .arg(dir.join("package.sh"))
        .stdin(Stdio::null())
        .stdout(log.reopen().unwrap())
        .stderr(log.reopen().unwrap())
        .spawn()
        .unwrap();
    let status = wait_or_kill(&mut child, TIMEOUT, "package.sh");
    let printed = std::fs::read_to_string(log.path()).unwrap_or_default();
    assert!(status.success(), "package.sh failed:\n{printed}");

    let bytes = std::fs::read(&vsix).expect("package.sh wrote scrapelint.vsix");
    assert_eq!(&bytes[..4], b"PK\x03\x04", "not a zip");
    let names = zip_names(&bytes);
    for needed in [
        "extension/package.json",
        "extension/extension.js",
        "extension/node_modules/vscode-languageclient/package.json",
        "extension.vsixmanifest",
    ] {
        assert!(
            names.iter().any(|n| n == needed),
            "{needed} missing from {names:?}"
        );
    }
    // Build tools stay out of the package.
    assert!(
        !names
            .iter()
            .any(|n| n.contains("@vscode/vsce") || n.ends_with(".vsix"))
    );
}

/// The client starts `scrapelint server` with the settings and restarts on a change,
/// checked against stand-ins for the VS Code API (`editors/vscode/test/activate.js`).
#[test]
#[allow(clippy::print_stderr)] // the skip message
fn vscode_extension_starts_the_server_with_its_settings() {
    if !has("node") {
        assert!(
            std::env::var_os("CI").is_none(),
            "node not installed but CI is set: run .ci/install-editors.sh"
        );
        eprintln!("skipped: node not installed (needed to test the VS Code extension)");
        return;
    }
    let out = Command::new("node")
        .arg(root().join("editors/vscode/test/activate.js"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The manifest's settings and activation match what docs/editors.md documents.
#[test]
fn vscode_manifest_declares_settings_and_languages() {
    let path = root().join("editors/vscode/package.json");
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let props = &manifest["contributes"]["configuration"]["properties"];
    assert_eq!(props["scrapelint.path"]["default"], "scrapelint");
    assert_eq!(props["scrapelint.args"]["type"], "array");
    let events = manifest["activationEvents"].to_string();
    assert!(events.contains("onLanguage:plaintext") && events.contains("onLanguage:markdown"));
    let main = manifest["main"].as_str().unwrap();
    assert!(Path::new(&root().join("editors/vscode").join(main)).is_file());
    assert!(manifest["dependencies"]["vscode-languageclient"].is_string());
}
