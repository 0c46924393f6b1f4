//! The word lists rules read from `rules/data/`: frequencies and plain word sets.
//!
//! One parser and one type per format, so the `DataStore` (which caches by file and
//! type) parses each list once per run however many kinds read it.

use crate::hash::{FastMap, FastSet};

/// A set of lowercase words (stopwords, section names, ...).
pub(crate) type WordSet = FastSet<Box<str>>;

/// Word frequencies from a `word<TAB>zipf` file (`data/wordfreq-en.tsv`).
#[derive(Debug, Default)]
pub(crate) struct WordFreq(FastMap<Box<str>, f32>);

impl WordFreq {
    pub(crate) fn parse(text: &str) -> Result<WordFreq, String> {
        let mut map = FastMap::default();
        for (n, line) in data_lines(text) {
            let mut cols = line.split('\t');
            let (Some(word), Some(zipf)) = (cols.next(), cols.next()) else {
                return Err(format!("line {n}: expected `word<TAB>zipf`"));
            };
            let zipf: f32 = zipf
                .trim()
                .parse()
                .map_err(|_| format!("line {n}: `{zipf}` is not a number"))?;
            map.insert(word.to_lowercase().into_boxed_str(), zipf);
        }
        Ok(WordFreq(map))
    }

    /// The zipf frequency of a lowercase word, if listed.
    pub(crate) fn zipf(&self, word: &str) -> Option<f32> {
        self.0.get(word).copied()
    }
}

/// One word per line (`data/stopwords-en.txt`), lowercased.
pub(crate) fn parse_word_set(text: &str) -> Result<WordSet, String> {
    Ok(data_lines(text)
        .map(|(_, l)| l.trim().to_lowercase().into_boxed_str())
        .collect())
}

/// Non-empty, non-comment lines of a data file, with 1-based line numbers.
pub(crate) fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l))
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
}
