//! The word knowledge cohesion needs: which words carry content, how common each stem
//! is in English, and which capitalised words are titles rather than names.
//!
//! Built once per run from the data files (`wordfreq-en.tsv`, `stopwords-en.txt`,
//! `titles-en.tsv`) and shared by every cohesion rule that names the same files.

use crate::hash::{FastMap, FastSet};
use crate::rules::Data;
use std::fmt;

use rust_stemmers::{Algorithm, Stemmer};

/// Zipf given to words the frequency list does not have: rarer than its rarest word.
const UNLISTED_ZIPF: f32 = 2.0;

/// Snowball's English stemmer (Porter 2), which has no `Debug` of its own.
pub(crate) struct EnglishStemmer(Stemmer);

impl fmt::Debug for EnglishStemmer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("EnglishStemmer")
    }
}

impl Default for EnglishStemmer {
    fn default() -> Self {
        EnglishStemmer(Stemmer::create(Algorithm::English))
    }
}

impl EnglishStemmer {
    pub(crate) fn stem(&self, word: &str) -> String {
        self.0.stem(word).into_owned()
    }
}

/// Stopwords, titles, frequencies and the stemmer, as one rule's data files give them.
#[derive(Debug)]
pub(crate) struct Lexicon {
    pub(crate) frequencies: Data<Frequencies>,
    pub(crate) stopwords: Data<FastSet<Box<str>>>,
    pub(crate) titles: Data<FastSet<Box<str>>>,
    pub(crate) stemmer: EnglishStemmer,
}

impl Lexicon {
    /// A normalised word that carries content: letters, three or more, not a stopword.
    pub(crate) fn is_content_word(&self, lower: &str) -> bool {
        lower.chars().count() >= 3
            && lower
                .chars()
                .all(|c| c.is_alphabetic() || c == '\'' || c == '-' || c == '.')
            && !self.stopwords.contains(lower)
            && !super::names::is_calendar(lower)
    }

    pub(crate) fn stem(&self, lower: &str) -> String {
        self.stemmer.stem(lower)
    }

    pub(crate) fn stem_probability(&self, stem: &str) -> f64 {
        self.frequencies.stem_probability(stem)
    }
}

impl super::names::WordInfo for Lexicon {
    fn is_stopword(&self, lower: &str) -> bool {
        self.stopwords.contains(lower)
    }

    fn is_title(&self, lower: &str) -> bool {
        self.titles.contains(lower)
    }

    fn zipf(&self, lower: &str) -> f32 {
        self.frequencies.zipf(lower)
    }
}

/// Word frequencies: each listed word's zipf, and each stem's summed probability.
#[derive(Debug, Default)]
pub(crate) struct Frequencies {
    zipf: FastMap<Box<str>, f32>,
    stem_probability: FastMap<Box<str>, f64>,
}

impl Frequencies {
    /// Parses `word<TAB>zipf` lines (`#` comments skipped).
    ///
    /// The stems of the built-in list were worked out at build time; any other list
    /// is stemmed here.
    pub(crate) fn parse(text: &str) -> Result<Frequencies, String> {
        match crate::rules::builtin::stem_table(text) {
            Some(table) => {
                let mut out = Self::parse_words(text, None)?;
                out.stem_probability = table.iter().map(|&(s, p)| (s.into(), p)).collect();
                Ok(out)
            }
            None => Self::parse_words(text, Some(&EnglishStemmer::default())),
        }
    }

    /// The zipf of each word, and with a stemmer each stem's summed probability.
    fn parse_words(text: &str, stemmer: Option<&EnglishStemmer>) -> Result<Frequencies, String> {
        let mut out = Frequencies::default();
        for (n, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let (word, zipf) = line
                .split_once('\t')
                .ok_or_else(|| format!("line {}: expected `word<TAB>zipf`", n + 1))?;
            let zipf: f32 = zipf
                .trim()
                .parse()
                .map_err(|e| format!("line {}: bad zipf `{zipf}`: {e}", n + 1))?;
            let word = normalize(word);
            if let Some(stemmer) = stemmer {
                *out.stem_probability
                    .entry(stemmer.stem(&word).into())
                    .or_default() += zipf_probability(zipf);
            }
            out.zipf.entry(word.into()).or_insert(zipf);
        }
        if out.zipf.is_empty() {
            return Err("no words".into());
        }
        Ok(out)
    }

    /// Zipf of a lowercase word; [`UNLISTED_ZIPF`] when not listed.
    pub(crate) fn zipf(&self, word: &str) -> f32 {
        self.zipf.get(word).copied().unwrap_or(UNLISTED_ZIPF)
    }

    /// Probability that a running word of English text has this stem.
    pub(crate) fn stem_probability(&self, stem: &str) -> f64 {
        self.stem_probability
            .get(stem)
            .copied()
            .unwrap_or_else(|| zipf_probability(UNLISTED_ZIPF))
    }
}

/// Zipf is log10 of the frequency per billion words.
pub(crate) fn zipf_probability(zipf: f32) -> f64 {
    10f64.powf(f64::from(zipf) - 9.0)
}

/// One word per line (`#` comments skipped), normalised like the words it is matched
/// against (lowercase, curly apostrophes straight, possessive `'s` dropped).
pub(crate) fn parse_normalized_word_set(text: &str) -> Result<FastSet<Box<str>>, String> {
    let set: FastSet<Box<str>> = text
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| normalize(l.trim()))
        .filter(|w| !w.is_empty())
        .map(String::into_boxed_str)
        .collect();
    if set.is_empty() {
        Err("no words".into())
    } else {
        Ok(set)
    }
}

/// The lowercase words of every title and its abbreviations (`President`, `Gen`,
/// `Minister`), from `title<TAB>abbreviations<TAB>domain` lines.
pub(crate) fn parse_title_words(text: &str) -> Result<FastSet<Box<str>>, String> {
    let mut set = FastSet::default();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let mut cols = line.split('\t');
        let title = cols.next().unwrap_or("");
        let abbreviations = cols.next().unwrap_or("");
        for word in title
            .split([' ', '-'])
            .chain(abbreviations.split([',', ' ']))
            .map(|w| normalize(w.trim().trim_end_matches('.')))
            .filter(|w| !w.is_empty() && !w.contains('.'))
        {
            set.insert(word.into_boxed_str());
        }
    }
    if set.is_empty() {
        Err("no titles".into())
    } else {
        Ok(set)
    }
}

/// Lowercase, curly apostrophes straightened, a possessive `'s` or `'` dropped.
pub(crate) fn normalize(word: &str) -> String {
    let mut w = if word
        .bytes()
        .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
    {
        word.to_lowercase().replace('\u{2019}', "'")
    } else {
        word.to_owned()
    };
    if w.ends_with("'s") {
        w.truncate(w.len() - 2);
    } else if w.ends_with('\'') {
        w.pop();
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_drops_possessives_and_case() {
        assert_eq!(normalize("Meghan’s"), "meghan");
        assert_eq!(normalize("Troops'"), "troops");
        assert_eq!(normalize("don't"), "don't");
    }

    #[test]
    fn the_stem_table_made_at_build_time_is_the_one_parse_computes() {
        let text = crate::rules::builtin::data_file("data/wordfreq-en.tsv").unwrap();
        let table = crate::rules::builtin::stem_table(text).expect("the embedded file");
        let computed = Frequencies::parse_words(text, Some(&EnglishStemmer::default())).unwrap();
        assert_eq!(table.len(), computed.stem_probability.len());
        for &(stem, p) in table {
            assert_eq!(computed.stem_probability.get(stem), Some(&p), "{stem}");
        }
        // A copy of the same text is a user's file: stemmed at parse, same result.
        let copy = text.to_owned();
        assert!(crate::rules::builtin::stem_table(&copy).is_none());
        let parsed = Frequencies::parse(text).unwrap();
        let from_copy = Frequencies::parse(&copy).unwrap();
        assert_eq!(parsed.stem_probability, from_copy.stem_probability);
        assert_eq!(parsed.zipf, from_copy.zipf);
    }

    #[test]
    fn stem_probability_sums_the_forms() {
        let f = Frequencies::parse("# c\nvote\t5.0\nvotes\t5.0\nvoted\t4.0\n").unwrap();
        let p = f.stem_probability("vote");
        let expected = 2.0 * zipf_probability(5.0) + zipf_probability(4.0);
        assert!((p - expected).abs() < 1e-15, "{p} vs {expected}");
        assert!(f.stem_probability("zzzq") < zipf_probability(2.5));
        assert_eq!(f.zipf("votes"), 5.0);
    }

    #[test]
    fn title_words_include_parts_and_abbreviations() {
        let t = parse_title_words(
            "# c\nBrigadier General\tBrig. Gen., BG\tmilitary\nPrince\t\troyal\n",
        )
        .unwrap();
        for w in ["brigadier", "general", "brig", "gen", "bg", "prince"] {
            assert!(t.contains(w), "{w}");
        }
    }
}
