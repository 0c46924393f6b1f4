//! Test support: the text files of `fixtures/`, for tests that hold a shortcut of the
//! hot path (a literal test before a regex) to the regex on every fixture.

use std::path::PathBuf;

/// Every UTF-8 file under `fixtures/`, sorted by path, with its text.
pub(crate) fn texts() -> Vec<(PathBuf, String)> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures");
    let mut files: Vec<(PathBuf, String)> = ignore::WalkBuilder::new(root)
        .standard_filters(false)
        .build()
        .map(|entry| entry.expect("fixtures/ is readable"))
        .filter(|entry| entry.file_type().is_some_and(|t| t.is_file()))
        .filter_map(|entry| {
            let text = std::fs::read_to_string(entry.path()).ok()?;
            Some((entry.into_path(), text))
        })
        .collect();
    files.sort();
    files
}
