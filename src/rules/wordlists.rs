//! The word lists rules read from `rules/data/`: frequencies and plain word sets.
//!
//! One parser and one type per format, so the `DataStore` (which caches by file and
//! type) parses each list once per run however many kinds read it.

use std::borrow::Cow;

use crate::hash::{FastMap, FastSet};

/// A set of lowercase words (stopwords, section names, ...).
pub(crate) type WordSet = FastSet<Box<str>>;

/// Word frequencies from a `word<TAB>zipf` file (`data/wordfreq-en.tsv`), parsed once
/// per run for every kind that reads the file.
#[derive(Debug, Default)]
pub(crate) struct WordFreq {
    zipf: FastMap<Cow<'static, str>, f32>,
    /// The stems of this very file worked out by `build.rs`, when it is the built-in one.
    stems: Option<&'static [(&'static str, f64)]>,
}

impl WordFreq {
    pub(crate) fn parse(text: &str) -> Result<WordFreq, String> {
        let mut zipf = FastMap::with_capacity_and_hasher(line_count(text), Default::default());
        let keys = crate::rules::builtin::Keys::of(text);
        for (n, line) in data_lines(text) {
            let mut cols = line.split('\t');
            let (Some(word), Some(z)) = (cols.next(), cols.next()) else {
                return Err(format!("line {n}: expected `word<TAB>zipf`"));
            };
            let z: f32 = z
                .trim()
                .parse()
                .map_err(|_| format!("line {n}: `{z}` is not a number"))?;
            zipf.insert(keys.lowercase_key(word), z);
        }
        if zipf.is_empty() {
            return Err("no words".into());
        }
        Ok(WordFreq {
            zipf,
            stems: crate::rules::builtin::stem_table(text),
        })
    }

    /// The zipf frequency of a lowercase word, if listed.
    pub(crate) fn zipf(&self, word: &str) -> Option<f32> {
        self.zipf.get(word).copied()
    }

    /// Every listed word and its zipf, in no particular order.
    pub(crate) fn entries(&self) -> impl Iterator<Item = (&str, f32)> {
        self.zipf.iter().map(|(w, &z)| (&**w, z))
    }

    /// Each stem of the built-in list and its words' summed probability, sorted by
    /// stem (made at build time); `None` for any other list.
    pub(crate) fn builtin_stems(&self) -> Option<&'static [(&'static str, f64)]> {
        self.stems
    }
}

/// One word per line (`data/stopwords-en.txt`), lowercased.
pub(crate) fn parse_word_set(text: &str) -> Result<WordSet, String> {
    Ok(data_lines(text)
        .map(|(_, l)| l.trim().to_lowercase().into_boxed_str())
        .collect())
}

/// How many lines `text` has at most: the capacity a table of its records needs.
pub(crate) fn line_count(text: &str) -> usize {
    text.bytes().filter(|&b| b == b'\n').count() + 1
}

/// Non-empty, non-comment lines of a data file, with 1-based line numbers.
pub(crate) fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l))
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
}

/// How common a word is as a given name and as a surname, from a
/// `name<TAB>given<TAB>surname` file of shares per 100,000 people
/// (`data/names-en.tsv`).
#[derive(Debug, Default)]
pub(crate) struct NameShares(FastMap<Cow<'static, str>, (u32, u32)>);

impl NameShares {
    pub(crate) fn parse(text: &str) -> Result<NameShares, String> {
        let mut map = FastMap::with_capacity_and_hasher(line_count(text), Default::default());
        let keys = crate::rules::builtin::Keys::of(text);
        for (n, line) in data_lines(text) {
            let mut cols = line.split('\t');
            let (Some(name), Some(given), Some(surname), None) =
                (cols.next(), cols.next(), cols.next(), cols.next())
            else {
                return Err(format!("line {n}: expected `name<TAB>given<TAB>surname`"));
            };
            let number = |s: &str| {
                s.trim()
                    .parse::<u32>()
                    .map_err(|_| format!("line {n}: `{s}` is not a whole number"))
            };
            map.insert(keys.lowercase_key(name), (number(given)?, number(surname)?));
        }
        Ok(NameShares(map))
    }

    /// The share of a lowercase name as a given name (per 100,000), 0 if unlisted.
    pub(crate) fn given(&self, name: &str) -> u32 {
        self.0.get(name).map_or(0, |s| s.0)
    }

    /// The share of a lowercase name as a surname (per 100,000), 0 if unlisted.
    pub(crate) fn surname(&self, name: &str) -> u32 {
        self.0.get(name).map_or(0, |s| s.1)
    }

    /// The larger of its shares as a given name and as a surname.
    pub(crate) fn share(&self, name: &str) -> u32 {
        self.0.get(name).map_or(0, |s| s.0.max(s.1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_shares_read_both_columns() {
        let names = NameShares::parse("# comment\nann\t364\t0\nsmith\t0\t1006\n").unwrap();
        assert_eq!(names.given("ann"), 364);
        assert_eq!(names.share("smith"), 1006);
        assert_eq!(names.given("smith"), 0);
        assert_eq!(names.share("merkle"), 0);
        assert!(NameShares::parse("ann\t364\n").is_err());
        assert!(NameShares::parse("ann\tx\t0\n").is_err());
    }
}
