//! The required literals of the built-in patterns, worked out ahead of time.
//!
//! Working out a pattern's literals means parsing it, and with Unicode classes a parse
//! costs up to a millisecond: for the 207 built-in patterns, an eighth of a one-file
//! check's CPU. `literal_cache.tsv` holds them, keyed by a hash of the pattern as compiled
//! (defines expanded) and its case flag, so a run reads them instead. A pattern not in
//! the table (a user's, or a built-in one changed since) is parsed as before: the table
//! can be stale but never wrong. `tests/literal_cache.rs` checks that it matches the
//! built-in rules; `UPDATE_LITERALS=1 cargo test --test literal_cache` writes it anew.

use std::sync::OnceLock;

const TABLE: &str = include_str!("literal_cache.tsv");

/// The key of a pattern: FNV-1a (stable across builds and platforms) of its case flag
/// and text.
pub(crate) fn key(pattern: &str, case_insensitive: bool) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in std::iter::once(&u8::from(case_insensitive)).chain(pattern.as_bytes()) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The literals the table holds for a pattern: `Some(literals)` when it lists the
/// pattern with literals, `None` when it does not list it or lists it without any
/// (such a pattern is parsed anyway, for its prefilter form).
pub(crate) fn lookup(pattern: &str, case_insensitive: bool) -> Option<Vec<Vec<u8>>> {
    let rows = rows();
    let key = key(pattern, case_insensitive);
    let at = rows.binary_search_by_key(&key, |r| r.0).ok()?;
    decode(rows[at].1)
}

fn rows() -> &'static [(u64, &'static str)] {
    static ROWS: OnceLock<Vec<(u64, &'static str)>> = OnceLock::new();
    ROWS.get_or_init(|| {
        let mut rows: Vec<(u64, &'static str)> = TABLE
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .filter_map(|l| {
                let (key, literals) = l.split_once('\t')?;
                Some((u64::from_str_radix(key, 16).ok()?, literals))
            })
            .collect();
        rows.sort_unstable_by_key(|r| r.0);
        rows
    })
}

/// `6c6f,2074` -> the literals `lo` and ` t`; `-` -> none.
fn decode(field: &str) -> Option<Vec<Vec<u8>>> {
    if field == "-" {
        return None;
    }
    field
        .split(',')
        .map(|hex| {
            (0..hex.len())
                .step_by(2)
                .map(|i| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok())
                .collect::<Option<Vec<u8>>>()
        })
        .collect()
}

fn encode(literals: Option<&[Vec<u8>]>) -> String {
    match literals {
        None => "-".to_owned(),
        Some(lits) => lits
            .iter()
            .map(|l| l.iter().map(|b| format!("{b:02x}")).collect::<String>())
            .collect::<Vec<_>>()
            .join(","),
    }
}

/// The table as it is embedded.
#[doc(hidden)]
pub fn stored_table() -> &'static str {
    TABLE
}

/// The table the built-in rules call for now (`tests/literal_cache.rs` compares it with
/// [`stored_table`] and writes it to `src/rules/literal_cache.tsv` when asked). Loads
/// the built-in rules, recording every pattern they make: run it where nothing else
/// builds rules at the same time.
#[doc(hidden)]
pub fn current_table() -> String {
    let patterns = super::lazy_regex::trusted_patterns_of(|| {
        let _rules = crate::RuleSet::builtin().expect("the built-in rules load");
    });
    let mut table = std::collections::BTreeMap::new();
    for (pattern, ci) in patterns {
        let literals = super::lazy_regex::unloaded_literals(&pattern, ci);
        table.insert(key(&pattern, ci), encode(literals.as_deref()));
    }
    let mut text = String::from(
        "# The required literals of the built-in patterns (src/rules/literal_cache.rs):\n\
         # FNV-1a key of the case flag and pattern, then hex literals or `-`.\n\
         # Generated: UPDATE_LITERALS=1 cargo test --test literal_cache\n",
    );
    for (key, literals) in &table {
        text.push_str(&format!("{key:016x}\t{literals}\n"));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_round_trip_and_keys_tell_the_case_flag_apart() {
        let lits = vec![b"lo".to_vec(), b" t".to_vec()];
        assert_eq!(encode(Some(&lits)), "6c6f,2074");
        assert_eq!(decode("6c6f,2074"), Some(lits));
        assert_eq!(decode("-"), None);
        assert_ne!(key("a", true), key("a", false));
    }
}
