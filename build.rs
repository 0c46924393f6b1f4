//! Embeds every file under `rules/` in the binary, so adding a rule file or a data file
//! needs no code change and the binary works with nothing beside it.

use std::fmt::Write;
use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut rules = Vec::new();
    let mut data = Vec::new();
    collect(&root, &root, &mut rules, &mut data);
    rules.sort();
    data.sort();
    let mut out = String::new();
    let entry = |out: &mut String, (name, path): &(String, String)| {
        writeln!(out, "    ({name:?}, include_str!({path:?})),").unwrap();
    };
    let bytes_entry = |out: &mut String, (name, path): &(String, String)| {
        writeln!(out, "    ({name:?}, include_bytes!({path:?})),").unwrap();
    };
    out.push_str("/// `(name, text)` of every built-in rule file, by path under `rules/`.\npub(crate) static RULE_FILES: &[(&str, &str)] = &[\n");
    rules.iter().for_each(|e| entry(&mut out, e));
    out.push_str("];\n\n/// `(name, text)` of every data file rules may read, by path under `rules/`.\npub(crate) static DATA_FILES: &[(&str, &[u8])] = &[\n");
    data.iter().for_each(|e| bytes_entry(&mut out, e));
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("builtin_rules.rs");
    std::fs::write(dest, out).unwrap();
}

fn collect(
    root: &Path,
    dir: &Path,
    rules: &mut Vec<(String, String)>,
    data: &mut Vec<(String, String)>,
) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        println!("cargo:rerun-if-changed={}", path.display());
        if path.is_dir() {
            collect(root, &path, rules, data);
            continue;
        }
        let name = path
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let item = (name.clone(), path.display().to_string());
        if name.ends_with(".toml") && !name.contains('/') {
            rules.push(item);
        } else if !name.ends_with(".md") {
            data.push(item);
        }
    }
}
