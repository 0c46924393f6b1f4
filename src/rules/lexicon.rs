//! Kind `lexicon`: capitalised phrases that nearly match a lexicon entry but are not one
//! (`Brigade General`, `Leutenant Colonel`, `Prime Minster`, `Major Generals Smith`).
//!
//! Each word of a candidate is compared with the word of the entry in its place:
//! - *exact*: the same word;
//! - *typo*: within a few edits, and either not a listed word (`Generel`) or a listed
//!   word much rarer than the entry's (`Minster` for `Minister`): needs no context;
//! - *variant*: a common word sharing a long prefix (`Brigade` for `Brigadier`): counts
//!   only when a capitalised name follows directly, as titles stand before names;
//! - *plural*: the entry's word with a plural ending (`Generals`): counts only before
//!   ONE name (`Major Generals Smith`), not before a list or without a name.
//!
//! A multi-word entry needs at least one exact content word, so ordinary phrases are
//! never near it by chance; a one-word entry matches only typos that are not words.
//! Abbreviations listed in the lexicon (`Brig.`, `Lt.`) and exact entries never match.
//! The candidate is found from its exact words through an index, so the text is read
//! once.

use crate::hash::{FastMap, FastSet};
use crate::rules::Data;
use crate::text::names::without_possessive;
use std::borrow::Cow;
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use super::meta::Units;
use super::near;
use super::wordlists::{self, WordFreq};
use super::{CheckContext, Checker, DataStore, Kind, LoadError, RuleInput, RuleMeta, build_each};
use crate::diagnostic::Diagnostic;
use crate::text::Document;
use crate::text::segment;

#[derive(Debug)]
pub struct LexiconKind;

#[derive(Deserialize, Debug, Clone)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Config {
    /// TSV: entry, then optionally comma-separated abbreviations.
    lexicon: Spanned<String>,
    /// `word<TAB>zipf` frequencies telling words from typos.
    words: Spanned<String>,
    /// One word per line; never read as a name.
    stopwords: Spanned<String>,
    /// At most this many edits per word...
    #[serde(default = "defaults::max_edits")]
    max_edits: usize,
    /// ...and one per this many letters of the entry's word.
    #[serde(default = "defaults::letters_per_edit")]
    letters_per_edit: usize,
    /// Shorter words must match exactly.
    #[serde(default = "defaults::min_length")]
    min_length: usize,
    /// A variant word shares at least this many first letters with the entry's.
    #[serde(default = "defaults::min_prefix")]
    min_prefix: usize,
    /// A word at least this frequent (zipf) is a real word, not a typo...
    #[serde(default = "defaults::word_zipf")]
    word_zipf: f32,
    /// ...unless the entry's word is this much more frequent (`Minster`/`Minister`).
    #[serde(default = "defaults::rare_gap")]
    rare_gap: f32,
    /// Words of a multi-word entry that may differ; the rest must be exact.
    #[serde(default = "defaults::max_near_words")]
    max_near_words: usize,
    /// One-word entries: the shortest entry word a typo is sought for (0: never).
    #[serde(default = "defaults::single_min_length")]
    single_min_length: usize,
}

mod defaults {
    pub(super) fn max_edits() -> usize {
        2
    }
    pub(super) fn letters_per_edit() -> usize {
        4
    }
    pub(super) fn min_length() -> usize {
        4
    }
    pub(super) fn min_prefix() -> usize {
        5
    }
    pub(super) fn word_zipf() -> f32 {
        2.5
    }
    pub(super) fn rare_gap() -> f32 {
        1.5
    }
    pub(super) fn max_near_words() -> usize {
        1
    }
    pub(super) fn single_min_length() -> usize {
        6
    }
}

/// Entries of a lexicon file, indexed by their lowercase words.
#[derive(Debug)]
pub(super) struct Lexicon {
    /// Display form of each entry.
    titles: Vec<String>,
    /// Lowercase words of each entry.
    words: Vec<Vec<String>>,
    /// Per entry word: whether the entry writes it in lowercase (`of`, `the`).
    lowercase: Vec<Vec<bool>>,
    /// Lowercase word -> (entry, position) for every word of every entry.
    index: FastMap<String, Vec<(usize, usize)>>,
    /// Entries as lowercase word sequences joined by spaces.
    exact: FastSet<String>,
    /// Lowercase words of abbreviations (`brig`, `gen`, `lt`).
    abbreviations: FastSet<String>,
    /// Entries of one word.
    singles: Vec<usize>,
    /// Per entry, its domain (`military`, `civil`; the third column), if any.
    domain: Vec<Option<Box<str>>>,
    /// Lowercase words of the entries of one domain only: `colonel`, `airman`
    /// (military), `governor` (civil); not `general`, `sergeant` or `chief`.
    domain_words: FastMap<String, Box<str>>,
}

impl Lexicon {
    pub(super) fn parse(text: &str) -> Result<Lexicon, String> {
        let mut lex = Lexicon {
            titles: Vec::new(),
            words: Vec::new(),
            lowercase: Vec::new(),
            index: FastMap::default(),
            exact: FastSet::default(),
            abbreviations: FastSet::default(),
            singles: Vec::new(),
            domain: Vec::new(),
            domain_words: FastMap::default(),
        };
        // word -> the domains of the entries it is a word of
        let mut domains_of: FastMap<String, Vec<Option<Box<str>>>> = FastMap::default();
        for (n, line) in wordlists::data_lines(text) {
            let mut cols = line.split('\t');
            let title = cols.next().unwrap_or("").trim();
            let words = lower_words(title);
            if words.is_empty() {
                return Err(format!("line {n}: empty entry"));
            }
            for abbr in cols.next().unwrap_or("").split(',') {
                lex.abbreviations.extend(lower_words(abbr));
            }
            let domain = cols
                .next()
                .map(str::trim)
                .filter(|d| !d.is_empty())
                .map(Box::from);
            for w in &words {
                domains_of
                    .entry(w.clone())
                    .or_default()
                    .push(domain.clone());
            }
            lex.domain.push(domain);
            let e = lex.titles.len();
            if words.len() == 1 {
                lex.singles.push(e);
            }
            for (p, w) in words.iter().enumerate() {
                lex.index.entry(w.clone()).or_default().push((e, p));
            }
            lex.exact.insert(words.join(" "));
            lex.titles.push(title.to_owned());
            lex.lowercase.push(
                segment::words(title, &(0..title.len()))
                    .into_iter()
                    .map(|r| title[r].chars().next().is_some_and(char::is_lowercase))
                    .collect(),
            );
            lex.words.push(words);
        }
        for (word, domains) in domains_of {
            if let Some(Some(d)) = domains.first()
                && domains.iter().all(|x| x.as_ref() == Some(d))
            {
                lex.domain_words.insert(word, d.clone());
            }
        }
        Ok(lex)
    }

    /// The domain of the titles `lower` is a word of, when they have one and the same.
    fn domain_of_word(&self, lower: &str) -> Option<&str> {
        self.domain_words.get(lower).map(|d| &**d)
    }

    /// Whether a lowercase word belongs to some entry (`general`, `staff`).
    fn has_word(&self, word: &str) -> bool {
        self.index.contains_key(word)
    }

    /// Whether a lowercase word is an entry by itself (`chief`, `director`).
    pub(super) fn is_single_entry(&self, word: &str) -> bool {
        self.index
            .get(word)
            .is_some_and(|at| at.iter().any(|&(e, p)| p == 0 && self.words[e].len() == 1))
    }

    /// The number of words of the longest entry that `lower[i..]` starts with, its
    /// words `joined` into one phrase (`chief of staff`: 3); 0 when none does.
    pub(super) fn entry_len_at(
        &self,
        lower: &[String],
        i: usize,
        joined: impl Fn(usize) -> bool,
    ) -> usize {
        let Some(at) = self.index.get(&lower[i]) else {
            return 0;
        };
        at.iter()
            .filter(|&&(_, p)| p == 0)
            .map(|&(e, _)| &self.words[e])
            .filter(|ws| {
                lower
                    .get(i..i + ws.len())
                    .is_some_and(|got| got == ws.as_slice() && (i..i + ws.len() - 1).all(&joined))
            })
            .map(Vec::len)
            .max()
            .unwrap_or(0)
    }
}

/// Only spaces or a hyphen between words `i` and `i + 1` of `ranges` (into `text`):
/// one phrase. False for the last word.
pub(super) fn joined(text: &str, ranges: &[Range<usize>], i: usize) -> bool {
    let Some(next) = ranges.get(i + 1) else {
        return false;
    };
    let gap = &text[ranges[i].end..next.start];
    !gap.is_empty()
        && !gap.contains('\n')
        && gap.chars().all(|c| c == ' ' || c == '-' || c == '\u{2010}')
}

fn lower_words(s: &str) -> Vec<String> {
    segment::words(s, &(0..s.len()))
        .into_iter()
        .map(|r| s[r].to_lowercase())
        .collect()
}

/// How a word of the text relates to the entry's word in its place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Near {
    Exact,
    Typo,
    Variant,
    Plural,
}

impl Near {
    fn reason(self) -> &'static str {
        match self {
            Near::Exact => "exact",
            Near::Typo => "a misspelling",
            Near::Variant => "a related word where the title belongs",
            Near::Plural => "a plural title before one name",
        }
    }
}

#[derive(Debug)]
struct LexiconRule {
    meta: RuleMeta,
    config: Config,
    lexicon: Data<Lexicon>,
    freq: Data<WordFreq>,
    stopwords: Data<wordlists::WordSet>,
}

#[derive(Debug)]
struct LexiconChecker {
    rules: Vec<LexiconRule>,
}

impl Kind for LexiconKind {
    fn name(&self) -> &'static str {
        "lexicon"
    }

    fn doc(&self) -> &'static str {
        "Near misses of a lexicon's entries (`lexicon = \"data/titles-en.tsv\"`): a capitalised phrase whose words match an entry's except for a typo (`Generel`, `Minster`), a related word directly before a name (`Brigade General Smith`), or a plural before one name (`Major Generals Smith`). Needs an exact word of a multi-word entry; one-word entries match only non-word typos. Thresholds: `max-edits`, `letters-per-edit`, `min-length`, `min-prefix`, `word-zipf`, `rare-gap`, `max-near-words`, `single-min-length`; `words` and `stopwords` name the frequency list and stopword list. The message may use `{title}` and `{reason}`."
    }

    fn build(
        &self,
        inputs: Vec<RuleInput<'_>>,
        data: &DataStore,
    ) -> Result<Box<dyn Checker>, Vec<LoadError>> {
        let rules = build_each(&inputs, |input| build_rule(input, data))?;
        Ok(Box::new(LexiconChecker { rules }))
    }
}

fn build_rule(input: &RuleInput<'_>, data: &DataStore) -> Result<LexiconRule, LoadError> {
    let config: Config = input.config_for(&["match", "suggestion", "title", "reason"])?;
    Ok(LexiconRule {
        meta: input.meta.clone(),
        lexicon: data.load(input, &config.lexicon, Lexicon::parse)?,
        freq: data.load(input, &config.words, WordFreq::parse)?,
        stopwords: data.load(input, &config.stopwords, wordlists::parse_word_set)?,
        config,
    })
}

impl Checker for LexiconChecker {
    fn check(&self, doc: &Document, cx: &CheckContext<'_>, out: &mut Vec<Diagnostic>) {
        for rule in &self.rules {
            if cx.enabled(&rule.meta) {
                rule.check(doc, out);
            }
        }
    }
}

/// One near miss: the words it covers (indices into the sentence's words) and why.
#[derive(Debug, Clone)]
struct Hit {
    words: Range<usize>,
    entry: usize,
    near: Near,
    edits: usize,
}

/// The words of one sentence, as the matcher sees them.
struct Words<'a> {
    text: &'a str,
    ranges: &'a [Range<usize>],
    lower: Vec<String>,
}

impl Words<'_> {
    fn get(&self, i: usize) -> &str {
        &self.text[self.ranges[i].clone()]
    }

    /// Only spaces or a hyphen between words `i` and `i + 1`: one phrase.
    fn joined(&self, i: usize) -> bool {
        joined(self.text, self.ranges, i)
    }

    /// Capitalised as a title is, not in capitals (`Brigade`, not `BRIGADE`).
    fn capitalised(&self, i: usize) -> bool {
        let w = self.get(i);
        crate::text::capitalised(w)
    }

    /// A capital after a small letter (`MasTec`, `PayPal`): a coined name, not a word.
    fn camel_case(&self, i: usize) -> bool {
        let w = self.get(i);
        w.chars()
            .zip(w.chars().skip(1))
            .any(|(a, b)| a.is_lowercase() && b.is_uppercase())
    }
}

impl LexiconRule {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let mut found = Vec::new();
        self.find(doc, &mut found);
        // A one-word near miss used again and again (`Siter`, `MasTec`) is a name of
        // the article's; a mangled title of several words is not excused.
        let text = doc.text();
        out.extend(near::house_spellings_dropped(
            text,
            found,
            |d: &Diagnostic| {
                let one_word = !text[d.span.clone()].contains(char::is_whitespace);
                one_word
                    .then(|| Some((d.span.clone(), d.suggestion.as_deref()?)))
                    .flatten()
            },
        ));
    }

    fn find(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        let mut domains = None;
        for sentence in doc.sentences() {
            let ranges = doc.words_of(sentence);
            let words = Words {
                text,
                ranges,
                lower: ranges
                    .iter()
                    .map(|r| without_possessive(&text[r.clone()].to_lowercase()).to_owned())
                    .collect(),
            };
            let mut hits = self.multi_word_hits(&words);
            hits.extend(self.single_word_hits(doc, &words, &mut domains));
            for hit in select(hits) {
                self.report(doc, &words, &hit, out);
            }
        }
    }

    fn multi_word_hits(&self, w: &Words<'_>) -> Vec<Hit> {
        let mut hits = Vec::new();
        let mut tried = FastSet::default();
        for (i, word) in w.lower.iter().enumerate() {
            // A hit needs an exact content word, so start from those only.
            if !w.capitalised(i) || self.stopwords.contains(word.as_str()) {
                continue;
            }
            let Some(places) = self.lexicon.index.get(word) else {
                continue;
            };
            for &(entry, pos) in places {
                let len = self.lexicon.words[entry].len();
                if len < 2 || pos > i || i - pos + len > w.lower.len() {
                    continue;
                }
                let start = i - pos;
                if tried.insert((entry, start)) {
                    hits.extend(self.match_entry(w, entry, start));
                }
            }
        }
        hits
    }

    /// Compares the words at `start..` with `entry`; a hit if near but not exact.
    fn match_entry(&self, w: &Words<'_>, entry: usize, start: usize) -> Option<Hit> {
        let want = &self.lexicon.words[entry];
        let span = start..start + want.len();
        if span.clone().skip(1).any(|i| !w.joined(i - 1)) {
            return None;
        }
        let mut worst = Near::Exact;
        let (mut near_words, mut edits, mut exact_content) = (0, 0, 0);
        let mut near_at = 0;
        for (k, i) in span.clone().enumerate() {
            if !self.lexicon.lowercase[entry][k] && !w.capitalised(i) {
                return None;
            }
            let near = self.classify(&w.lower[i], &want[k])?;
            if near == Near::Exact {
                if !self.stopwords.contains(want[k].as_str()) {
                    exact_content += 1;
                }
                continue;
            }
            near_words += 1;
            near_at = k;
            edits += near::edit_distance(&w.lower[i], &want[k]);
            worst = worst.max(near);
        }
        if worst == Near::Exact || exact_content == 0 || near_words > self.config.max_near_words {
            return None;
        }
        let key = w.lower[span.clone()].join(" ");
        if self.lexicon.exact.contains(&key) {
            return None;
        }
        let ok = match worst {
            Near::Typo => true,
            // A variant of the head word itself needs more to go on (`Air Vice Marshall`).
            Near::Variant => {
                (near_at + 1 < want.len() || exact_content >= 2) && self.name_follows(w, span.end)
            }
            Near::Plural => self.single_name_follows(w, span.end),
            Near::Exact => false,
        };
        ok.then_some(Hit {
            words: span,
            entry,
            near: worst,
            edits,
        })
    }

    /// A capitalised word that is not a known word or title, one edit from a one-word
    /// entry (`Govenor`, `Brigadeer`), and not used as a name elsewhere in the text.
    /// When the entry has a domain, the text must write a title of that domain
    /// elsewhere (`Governor`, `Senator` for a civil one; `Colonel` for a military one):
    /// one letter from `Airman`, `Aiman` in a business report is a given name.
    fn single_word_hits<'s>(
        &'s self,
        doc: &Document,
        w: &Words<'_>,
        domains: &mut Option<FastSet<&'s str>>,
    ) -> Vec<Hit> {
        let c = &self.config;
        if c.single_min_length == 0 {
            return Vec::new();
        }
        let mut hits = Vec::new();
        for (i, word) in w.lower.iter().enumerate() {
            if !w.capitalised(i)
                || w.camel_case(i)
                || word.chars().count() + 1 < c.single_min_length
                || self.is_word(word)
                || self.lexicon.has_word(word)
                || self.lexicon.abbreviations.contains(word)
                || (i > 0 && w.text[w.ranges[i - 1].end..w.ranges[i].start] == *"-")
                || (i + 1 < w.lower.len() && w.text[w.ranges[i].end..w.ranges[i + 1].start] == *"-")
            {
                continue;
            }
            let letters = word.chars().count();
            let best = self.lexicon.singles.iter().copied().find(|&e| {
                let title = &self.lexicon.words[e][0];
                let n = title.chars().count();
                n >= c.single_min_length
                    && n.abs_diff(letters) <= 1
                    && one_of_first_two_letters_equal(word, title)
                    && !near::is_plural_of(word, title)
                    && near::edit_distance(word, title) == 1
            });
            if let Some(entry) = best {
                let in_its_world = self.lexicon.domain[entry].as_deref().is_none_or(|d| {
                    domains
                        .get_or_insert_with(|| self.domains_in(doc))
                        .contains(d)
                });
                if in_its_world && !self.used_as_name(doc, w.get(i)) && !in_byline(doc, w, i) {
                    hits.push(Hit {
                        words: i..i + 1,
                        entry,
                        near: Near::Typo,
                        edits: 1,
                    });
                }
            }
        }
        hits
    }

    fn classify(&self, word: &str, want: &str) -> Option<Near> {
        let c = &self.config;
        if word == want {
            return Some(Near::Exact);
        }
        let letters = want.chars().count();
        if letters < c.min_length
            || word.chars().count() < c.min_length
            || self.lexicon.abbreviations.contains(word)
        {
            return None;
        }
        if near::is_plural_of(word, want) {
            return Some(Near::Plural);
        }
        if near::edit_distance(word, want)
            > near::allowed_edits(letters, c.letters_per_edit, c.max_edits)
        {
            return None;
        }
        let Some(zipf) = self.freq.zipf(word).filter(|z| *z >= c.word_zipf) else {
            return Some(Near::Typo);
        };
        if self.freq.zipf(want).unwrap_or(0.0) - zipf >= c.rare_gap {
            Some(Near::Typo)
        } else if near::common_prefix(word, want) >= c.min_prefix {
            Some(Near::Variant)
        } else {
            None
        }
    }

    /// The domains of the titles the text writes: capitalised words of one domain's
    /// titles (`Colonel`, `Navy`, `Governor`), not stopwords nor words this common
    /// (`Force`, `First`, `Class` are words of military titles too).
    fn domains_in(&self, doc: &Document) -> FastSet<&str> {
        const COMMON: f32 = 5.0;
        let text = doc.text();
        doc.words()
            .iter()
            .map(|r| &text[r.clone()])
            .filter(|w| crate::text::starts_upper(w))
            .filter_map(|w| {
                let lower = w.to_lowercase();
                let lower = without_possessive(&lower);
                if self.stopwords.contains(lower)
                    || self.freq.zipf(lower).is_some_and(|z| z >= COMMON)
                {
                    return None;
                }
                self.lexicon.domain_of_word(lower)
            })
            .collect()
    }

    fn is_word(&self, lower: &str) -> bool {
        self.freq
            .zipf(lower)
            .is_some_and(|z| z >= self.config.word_zipf)
    }

    /// Whether word `i` starts a name: capitalised, joined by a space, not a stopword,
    /// a title word or an abbreviation.
    fn name_follows(&self, w: &Words<'_>, i: usize) -> bool {
        i < w.lower.len()
            && w.text[w.ranges[i - 1].end..w.ranges[i].start] == *" "
            && w.capitalised(i)
            && !self.stopwords.contains(w.lower[i].as_str())
            && !self.lexicon.has_word(&w.lower[i])
            && !self.lexicon.abbreviations.contains(&w.lower[i])
    }

    /// A name follows and is not the first of a list (`Smith and Jones`, `Smith, Jones`).
    fn single_name_follows(&self, w: &Words<'_>, i: usize) -> bool {
        if !self.name_follows(w, i) {
            return false;
        }
        let mut end = i;
        while end + 1 < w.lower.len() && w.joined(end) && w.capitalised(end + 1) {
            end += 1;
        }
        let Some(next) = w.lower.get(end + 1) else {
            return true;
        };
        let gap = w.text[w.ranges[end].end..w.ranges[end + 1].start].trim();
        let listed = (gap.is_empty() && (next == "and" || next == "or"))
            || gap == "&"
            || (gap == "," && w.capitalised(end + 1));
        !listed
    }

    fn report(&self, doc: &Document, w: &Words<'_>, hit: &Hit, out: &mut Vec<Diagnostic>) {
        let span = w.ranges[hit.words.start].start..w.ranges[hit.words.end - 1].end;
        let text = doc.text();
        let unit = Units::new(doc)
            .containing(self.meta.scope, &span)
            .unwrap_or(span.clone());
        if self.meta.excused(&text[span.clone()], &text[unit]) {
            return;
        }
        let title = self.lexicon.titles[hit.entry].clone();
        let reason = hit.near.reason();
        out.push(
            self.meta
                .diagnostic(doc, span, Some(title.clone()), |v| match v {
                    "title" => Some(Cow::Owned(title.clone())),
                    "reason" => Some(Cow::Borrowed(reason)),
                    _ => None,
                }),
        );
    }
}

impl LexiconRule {
    /// Whether `word` stands in the text as a surname: right after a capitalised word
    /// that is not a stopword or a title (`Tom Govenor`), here or elsewhere.
    fn used_as_name(&self, doc: &Document, word: &str) -> bool {
        let text = doc.text();
        doc.words().windows(2).any(|pair| {
            let (prev, r) = (&pair[0], &pair[1]);
            let before = &text[prev.clone()];
            &text[r.clone()] == word
                && text[prev.end..r.start] == *" "
                && crate::text::starts_upper(before)
                && !self
                    .stopwords
                    .contains(crate::text::lowercase(before).as_ref())
                && !self.lexicon.has_word(&crate::text::lowercase(before))
        })
    }
}

/// One edit leaves the first or the second letter in place: a cheap filter before the
/// edit distance.
fn one_of_first_two_letters_equal(a: &str, b: &str) -> bool {
    let (mut x, mut y) = (a.chars(), b.chars());
    x.next() == y.next() || x.next() == y.next()
}

/// Whether word `i` follows a `By` that opens its line: a byline names an author.
fn in_byline(doc: &Document, w: &Words<'_>, i: usize) -> bool {
    i > 0 && w.lower[i - 1] == "by" && {
        let line = doc.line_col(w.ranges[i - 1].start).line;
        let start = doc.line_index().line_range(line - 1).start;
        doc.text()[start..w.ranges[i - 1].start].trim().is_empty()
    }
}

/// The hits to report: per overlapping group, the longest, then the fewest edits.
fn select(mut hits: Vec<Hit>) -> Vec<Hit> {
    hits.sort_by_key(|h| {
        (
            std::cmp::Reverse(h.words.len()),
            h.near,
            h.edits,
            h.words.start,
        )
    });
    let mut kept: Vec<Hit> = Vec::new();
    for h in hits {
        if kept
            .iter()
            .all(|k| h.words.end <= k.words.start || k.words.end <= h.words.start)
        {
            kept.push(h);
        }
    }
    kept.sort_by_key(|h| h.words.start);
    kept
}

#[cfg(test)]
mod tests {
    use crate::rules::{LoadOptions, Origin, RuleSet, RuleSources};
    use crate::text::Document;

    /// The built-in data with default thresholds.
    fn flagged(text: &str) -> Vec<String> {
        let mut sources = RuleSources::new();
        sources.add_text(
            "test.toml",
            "[[rule]]\nid = \"mangled.t\"\nkind = \"lexicon\"\ncategory = \"mangled\"\nmessage = \"{match}\"\nlexicon = \"data/titles-en.tsv\"\nwords = \"data/wordfreq-en.tsv\"\nstopwords = \"data/stopwords-en.txt\"\n",
            Origin::File("no-such-dir/test.toml".into()),
        );
        let rules = RuleSet::load(&sources, &LoadOptions::default()).unwrap();
        let doc = Document::from_text(text);
        crate::engine::check_text(&rules, text)
            .iter()
            .map(|d| doc.slice(&d.span).to_owned())
            .collect()
    }

    #[test]
    fn typos_need_no_context() {
        assert_eq!(flagged("The Prime Minster said no."), ["Prime Minster"]);
        assert_eq!(
            flagged("The Secretary of Stat will go."),
            ["Secretary of Stat"]
        );
        assert_eq!(
            flagged("The Govenor has spoken, and Senator Lee agreed."),
            ["Govenor"]
        );
        assert_eq!(
            flagged("Leutenant Colonel Ann Lee said."),
            ["Leutenant Colonel"]
        );
    }

    #[test]
    fn variants_need_a_name_after() {
        assert_eq!(
            flagged("It was signed by Brigade General Harriet Okonkwo."),
            ["Brigade General"]
        );
        assert!(flagged("The Brigade General Staff met.").is_empty());
        assert!(flagged("The Brigade, in general, agreed.").is_empty());
        assert!(flagged("The Marine Brigade and General Motors.").is_empty());
    }

    #[test]
    fn plurals_only_before_one_name() {
        assert_eq!(
            flagged("Watched by Major Generals Tobiah Rennick, the deputy."),
            ["Major Generals"]
        );
        assert!(flagged("Major Generals Smith and Jones spoke.").is_empty());
        assert!(flagged("Two Major Generals spoke.").is_empty());
    }

    #[test]
    fn correct_titles_and_abbreviations_are_silent() {
        assert!(flagged("Brigadier General Ann Lee and Brig. Gen. Ann Lee.").is_empty());
        assert!(flagged("The Prime Minister met the Governor. Lt. Col. Ray came.").is_empty());
        assert!(flagged("The General Assembly met in general session.").is_empty());
        assert!(flagged("The Prime Minister’s office and the prime minister's aide.").is_empty());
    }

    #[test]
    fn a_one_word_near_miss_needs_a_title_of_its_world() {
        // `Airman` is military: a business report with no military title is no place
        // for it, and `Aiman` is a given name there.
        let business = "Aiman Ezzat, chief executive of the group, spoke at the results.";
        assert!(flagged(business).is_empty());
        let military = "Aiman Ezzat and Colonel Ray Cole of the wing spoke at the base.";
        assert_eq!(flagged(military), ["Aiman"]);
        assert!(flagged("The Govenor has spoken.").is_empty());
    }

    #[test]
    fn a_surname_elsewhere_is_not_a_typo() {
        assert!(flagged("Tom Govenor spoke. Later the Govenor left.").is_empty());
    }
}
