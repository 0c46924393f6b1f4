//! The rule and data files embedded from `rules/` at build time (see `build.rs`).

include!(concat!(env!("OUT_DIR"), "/builtin_rules.rs"));

/// The embedded data file at `name` (a path under `rules/`, e.g. `data/vectors-en.bin`).
pub(crate) fn data_bytes(name: &str) -> Option<&'static [u8]> {
    let name = name.trim_start_matches("./");
    DATA_FILES.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
}

/// `bytes` as the embedded data file it is (the very bytes, not a copy), if it is one:
/// a parser may then borrow from it for the life of the process.
pub(crate) fn embedded(bytes: &[u8]) -> Option<&'static [u8]> {
    DATA_FILES
        .iter()
        .map(|(_, t)| *t)
        .find(|t| std::ptr::eq(*t, bytes))
}

/// The embedded text data file at `name` (e.g. `data/stopwords-en.txt`).
pub(crate) fn data_file(name: &str) -> Option<&'static str> {
    data_bytes(name).and_then(|b| std::str::from_utf8(b).ok())
}

/// The stem table precomputed for `text` when it is the embedded file `build.rs`
/// stemmed (the very bytes, not a user's file of the same name).
pub(crate) fn stem_table(text: &str) -> Option<&'static [(&'static str, f64)]> {
    let (name, table) = STEM_TABLE;
    let embedded = data_bytes(name)?;
    std::ptr::eq(text.as_bytes(), embedded).then_some(table)
}
