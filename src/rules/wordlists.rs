//! The word lists rules read from `rules/data/`: frequencies and plain word sets.
//!
//! One parser and one type per format, so the `DataStore` (which caches by file and
//! type) parses each list once per run however many kinds read it.

use std::borrow::Cow;

use crate::hash::{FastMap, FastSet};
use crate::rules::builtin;

/// A set of lowercase words (stopwords, section names, ...).
pub(crate) type WordSet = FastSet<Box<str>>;

/// Values by lowercase word: for a built-in file the perfect-hash table `build.rs` laid
/// out, read in place (nothing parsed or allocated at run time); for a user's file the
/// map its parser filled.
#[derive(Debug)]
pub(crate) enum WordTable<V: 'static> {
    Builtin(&'static builtin::StaticTable<V>),
    Parsed(FastMap<Cow<'static, str>, V>),
}

impl<V> Default for WordTable<V> {
    fn default() -> Self {
        WordTable::Parsed(FastMap::default())
    }
}

impl<V: Copy> WordTable<V> {
    /// The value of a lowercase word, if listed.
    pub(crate) fn get(&self, word: &str) -> Option<V> {
        match self {
            WordTable::Builtin(map) => map.get(word).copied(),
            WordTable::Parsed(map) => map.get(word).copied(),
        }
    }

    /// Every word and its value, in no particular order.
    pub(crate) fn entries(&self) -> Box<dyn Iterator<Item = (&str, V)> + '_> {
        match self {
            WordTable::Builtin(map) => Box::new(map.entries().map(|(w, &v)| (w, v))),
            WordTable::Parsed(map) => Box::new(map.iter().map(|(w, &v)| (&**w, v))),
        }
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        match self {
            WordTable::Builtin(map) => map.len(),
            WordTable::Parsed(map) => map.len(),
        }
    }
}

/// Word frequencies from a `word<TAB>zipf` file (`data/wordfreq-en.tsv`), parsed once
/// per run for every kind that reads the file.
#[derive(Debug, Default)]
pub(crate) struct WordFreq {
    zipf: WordTable<f32>,
    /// The stems of this very file worked out by `build.rs`, when it is the built-in one.
    stems: Option<&'static builtin::StaticTable<f64>>,
}

impl WordFreq {
    pub(crate) fn parse(text: &str) -> Result<WordFreq, String> {
        let stems = crate::rules::builtin::stem_table(text);
        if let Some(table) = builtin::word_table(text, &builtin::WORDFREQ_TABLE) {
            return Ok(WordFreq {
                zipf: WordTable::Builtin(table),
                stems,
            });
        }
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
            zipf: WordTable::Parsed(zipf),
            stems,
        })
    }

    /// The zipf frequency of a lowercase word, if listed.
    pub(crate) fn zipf(&self, word: &str) -> Option<f32> {
        self.zipf.get(word)
    }

    /// Every listed word and its zipf, in no particular order.
    pub(crate) fn entries(&self) -> impl Iterator<Item = (&str, f32)> {
        self.zipf.entries()
    }

    /// Each stem of the built-in list and its words' summed probability, sorted by
    /// stem (made at build time); `None` for any other list.
    pub(crate) fn builtin_stems(&self) -> Option<&'static builtin::StaticTable<f64>> {
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
pub(crate) struct NameShares(WordTable<(u32, u32)>);

impl NameShares {
    pub(crate) fn parse(text: &str) -> Result<NameShares, String> {
        if let Some(table) = builtin::word_table(text, &builtin::NAMES_TABLE) {
            return Ok(NameShares(WordTable::Builtin(table)));
        }
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
        Ok(NameShares(WordTable::Parsed(map)))
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

    /// The tables `build.rs` laid out hold what the parsers read from a copy of the
    /// same file (a user's file): every word, every value.
    #[test]
    fn the_tables_laid_out_at_build_time_are_the_parsed_ones() {
        fn same<V: Copy + PartialEq + std::fmt::Debug>(
            built: &WordTable<V>,
            parsed: &WordTable<V>,
        ) {
            assert!(matches!(built, WordTable::Builtin(_)));
            assert!(matches!(parsed, WordTable::Parsed(_)));
            assert_eq!(built.len(), parsed.len());
            for (word, v) in parsed.entries() {
                assert_eq!(built.get(word), Some(v), "{word}");
            }
        }
        // A copy of the embedded text is a user's file: parsed.
        let text = builtin::data_file("data/wordfreq-en.tsv").unwrap();
        let copy = text.to_owned();
        let (built, parsed) = (
            WordFreq::parse(text).unwrap(),
            WordFreq::parse(&copy).unwrap(),
        );
        same(&built.zipf, &parsed.zipf);
        assert_eq!(built.zipf("the"), parsed.zipf("the"));
        assert_eq!(built.zipf("zzzqx"), None);
        let text = builtin::data_file("data/names-en.tsv").unwrap();
        let copy = text.to_owned();
        let (built, parsed) = (
            NameShares::parse(text).unwrap(),
            NameShares::parse(&copy).unwrap(),
        );
        same(&built.0, &parsed.0);
        assert!(built.given("mary") > 0 && built.surname("smith") > 0);
    }

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
