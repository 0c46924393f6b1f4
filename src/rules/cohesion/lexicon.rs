//! The word knowledge cohesion needs: which words carry content, how common each stem
//! is in English, and which capitalised words are titles rather than names.
//!
//! Built once per run from the data files (`wordfreq-en.tsv`, `stopwords-en.txt`,
//! `titles-en.tsv`) and shared by every cohesion rule that names the same files.

use crate::hash::{FastMap, FastSet};
use crate::rules::Data;
use crate::rules::builtin::StaticTable;
use crate::rules::wordlists::WordFreq;
use std::fmt;
use std::sync::{Mutex, OnceLock};

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
    pub(crate) frequencies: Frequencies,
    pub(crate) stopwords: Data<FastSet<Box<str>>>,
    pub(crate) titles: Data<FastSet<Box<str>>>,
    pub(crate) stemmer: EnglishStemmer,
    /// Words already stemmed in this run, with their stem's probability: a corpus
    /// repeats its vocabulary, and stemming is most of what a new word costs.
    pub(crate) stems: StemCache,
}

/// A bounded memo of [`Lexicon::stem_with_probability`], shared by the threads.
#[derive(Debug, Default)]
pub(crate) struct StemCache(Mutex<FastMap<Box<str>, StemOf>>);

/// A word's stem and the stem's probability.
type StemOf = (Box<str>, f64);

/// Words the stem cache holds before it starts over (about 5 MiB at most).
const STEM_CACHE_WORDS: usize = 50_000;

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

    /// The stem of a normalised word and its probability, remembered across documents.
    pub(crate) fn stem_with_probability(&self, lower: &str) -> (String, f64) {
        let lock = || self.stems.0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((stem, p)) = lock().get(lower) {
            return (stem.to_string(), *p);
        }
        let stem = self.stem(lower);
        let p = self.stem_probability(&stem);
        let mut cache = lock();
        if cache.len() >= STEM_CACHE_WORDS {
            cache.clear();
        }
        cache.insert(lower.into(), (stem.as_str().into(), p));
        (stem, p)
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

/// Word frequencies as cohesion reads them: a word's zipf with possessives folded
/// (`women's` counts for `women` when it is the commoner form), and each stem's summed
/// probability. Read from the run's one parse of the list ([`WordFreq`]).
#[derive(Debug)]
pub(crate) struct Frequencies {
    words: Data<WordFreq>,
    folded: OnceLock<Folded>,
}

/// What cohesion derives from the list on first use.
#[derive(Debug)]
struct Folded {
    /// Words whose commonest listed form is a folded one (`it's`, `world's`): the
    /// zipf of that form, where it beats the word's own.
    zipf: FastMap<Box<str>, f32>,
    stems: Stems,
}

#[derive(Debug)]
enum Stems {
    /// The built-in list's, made at build time.
    Builtin(&'static StaticTable<f64>),
    Summed(FastMap<Box<str>, f64>),
}

impl Frequencies {
    pub(crate) fn new(words: Data<WordFreq>) -> Frequencies {
        Frequencies {
            words,
            folded: OnceLock::new(),
        }
    }

    /// Whether two of these read the same parsed list.
    pub(crate) fn same_list(&self, other: &Data<WordFreq>) -> bool {
        Data::ptr_eq(&self.words, other)
    }

    fn folded(&self) -> &Folded {
        self.folded.get_or_init(|| {
            let mut zipf: FastMap<Box<str>, f32> = FastMap::default();
            for (word, z) in self.words.entries() {
                let n = normalize(word);
                if n != word {
                    let current = zipf.get(n.as_str()).copied().or(self.words.zipf(&n));
                    if current.is_none_or(|c| z > c) {
                        zipf.insert(n.into_boxed_str(), z);
                    }
                }
            }
            let stems = match self.words.builtin_stems() {
                Some(table) => Stems::Builtin(table),
                None => Stems::Summed(sum_stems(&self.words, &EnglishStemmer::default())),
            };
            Folded { zipf, stems }
        })
    }

    /// Zipf of a lowercase word with possessives dropped ([`normalize`]d);
    /// [`UNLISTED_ZIPF`] when not listed (or not normalised).
    pub(crate) fn zipf(&self, word: &str) -> f32 {
        let maybe_unnormalised =
            word.ends_with(['\'', '\u{2019}']) || word.ends_with("'s") || !word.is_ascii();
        if maybe_unnormalised && normalize(word) != word {
            return UNLISTED_ZIPF;
        }
        let folded = self.folded().zipf.get(word).copied();
        folded.or(self.words.zipf(word)).unwrap_or(UNLISTED_ZIPF)
    }

    /// Probability that a running word of English text has this stem.
    pub(crate) fn stem_probability(&self, stem: &str) -> f64 {
        let p = match &self.folded().stems {
            Stems::Builtin(table) => table.get(stem).copied(),
            Stems::Summed(map) => map.get(stem).copied(),
        };
        p.unwrap_or_else(|| zipf_probability(UNLISTED_ZIPF))
    }
}

/// Each stem's summed probability over the list's words (possessives folded), added
/// in word order so a run gives the same sums every time.
fn sum_stems(words: &WordFreq, stemmer: &EnglishStemmer) -> FastMap<Box<str>, f64> {
    let mut entries: Vec<(&str, f32)> = words.entries().collect();
    entries.sort_unstable_by(|a, b| a.0.cmp(b.0));
    let mut sums: FastMap<Box<str>, f64> = FastMap::default();
    for (word, z) in entries {
        *sums
            .entry(stemmer.stem(&normalize(word)).into())
            .or_default() += zipf_probability(z);
    }
    sums
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

    fn frequencies(text: &str) -> Frequencies {
        Frequencies::new(Data::from_value(WordFreq::parse(text).unwrap()))
    }

    #[test]
    fn remembered_stems_are_the_stems_and_the_memo_stays_bounded() {
        let lexicon = Lexicon {
            frequencies: frequencies("vote\t5.0\nvoters\t4.0\n"),
            stopwords: Data::from_value(FastSet::default()),
            titles: Data::from_value(FastSet::default()),
            stemmer: EnglishStemmer::default(),
            stems: StemCache::default(),
        };
        let fresh = |w: &str| {
            let stem = lexicon.stem(w);
            let p = lexicon.stem_probability(&stem);
            (stem, p)
        };
        for word in ["voters", "voting", "voters", "zzzq"] {
            assert_eq!(lexicon.stem_with_probability(word), fresh(word));
        }
        for i in 0..STEM_CACHE_WORDS + 10 {
            lexicon.stem_with_probability(&format!("word{i}"));
        }
        let held = lexicon.stems.0.lock().unwrap().len();
        assert!(held <= STEM_CACHE_WORDS, "{held} words held");
    }

    #[test]
    fn the_stem_table_made_at_build_time_is_the_one_summed_at_run_time() {
        let text = crate::rules::builtin::data_file("data/wordfreq-en.tsv").unwrap();
        let table = crate::rules::builtin::stem_table(text).expect("the embedded file");
        let words = WordFreq::parse(text).unwrap();
        assert!(
            words
                .builtin_stems()
                .is_some_and(|t| std::ptr::eq(t, table))
        );
        let summed = sum_stems(&words, &EnglishStemmer::default());
        assert_eq!(table.len(), summed.len());
        for (stem, &p) in table.entries() {
            let q = summed[stem];
            assert!((p - q).abs() <= p * 1e-12, "{stem}: {p} vs {q}");
        }
        // A copy of the same text is a user's file: summed at run time.
        let copy = text.to_owned();
        assert!(WordFreq::parse(&copy).unwrap().builtin_stems().is_none());
        let (built, user) = (frequencies(text), frequencies(&copy));
        for stem in ["govern", "vote", "zzzq"] {
            let (p, q) = (built.stem_probability(stem), user.stem_probability(stem));
            assert!((p - q).abs() <= p * 1e-12, "{stem}");
        }
    }

    /// The zipf of every word as the list's first line folding to it gives it (the
    /// list is in descending zipf), as cohesion read it before it shared the parse.
    #[test]
    fn folded_zipf_is_the_first_form_of_the_list() {
        let text = crate::rules::builtin::data_file("data/wordfreq-en.tsv").unwrap();
        let mut first: FastMap<String, f32> = FastMap::default();
        for line in text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            let (word, z) = line.split_once('\t').unwrap();
            first
                .entry(normalize(word))
                .or_insert(z.trim().parse().unwrap());
        }
        let f = frequencies(text);
        for (word, z) in &first {
            assert_eq!(f.zipf(word), *z, "{word}");
        }
        assert_eq!(f.zipf("it's"), UNLISTED_ZIPF, "not a normalised word");
        assert_eq!(f.zipf("zzzq"), UNLISTED_ZIPF);
    }

    #[test]
    fn stem_probability_sums_the_forms() {
        let f = frequencies("# c\nvote\t5.0\nvotes\t5.0\nvoted\t4.0\nnation's\t4.5\n");
        let p = f.stem_probability("vote");
        let expected = 2.0 * zipf_probability(5.0) + zipf_probability(4.0);
        assert!((p - expected).abs() < 1e-15, "{p} vs {expected}");
        assert!(f.stem_probability("zzzq") < zipf_probability(2.5));
        assert_eq!(f.zipf("votes"), 5.0);
        assert_eq!(f.zipf("nation"), 4.5, "the possessive counts for the word");
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
