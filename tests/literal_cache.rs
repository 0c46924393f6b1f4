//! The table of the built-in patterns' literals (`src/rules/literal_cache.tsv`) is the
//! one the built-in rules call for. A test binary of its own: the table is read off
//! the patterns the rules make while they load, so nothing else may build rules then.

#[test]
fn literal_cache_matches_the_built_in_rules() {
    let current = scrapelint::rules::literal_cache::current_table();
    assert!(
        current.lines().filter(|l| !l.starts_with('#')).count() > 100,
        "the built-in rules make more than 100 patterns"
    );
    if std::env::var_os("UPDATE_LITERALS").is_some() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/rules/literal_cache.tsv");
        std::fs::write(path, &current).unwrap();
        return;
    }
    assert!(
        scrapelint::rules::literal_cache::stored_table() == current,
        "src/rules/literal_cache.tsv is stale: run UPDATE_LITERALS=1 cargo test --test literal_cache"
    );
}
