//! Kind `consistency`: one name spelled two ways (`Katarzyna Wójcik` / `Katarzina
//! Wojcik`, `Adel Salam-Qureshi` / `Abdel Salam Qureshi`); the minority spelling is flagged
//! and the message names the other.
//!
//! Names are runs of capitalised words ([`crate::text::names`]) less the titles before
//! them (`Prime Minister`), a leading stopword, and a common word opening a sentence.
//! Two names are spellings of one when they have as many words (particles such as `al`
//! and `van` aside) and every pair of words is the same, a listed transliteration
//! (`same`), or a few edits apart; hyphens and case never count. Pairs that are two
//! names, not one, are kept apart: a gendered or plural ending (`Kowalski`/`Kowalska`),
//! or two common spellings of their own (`John`/`Joan`). A surname alone is compared
//! with stricter limits, or, after a full name of the article, against its words
//! ([`parts`]). With `across-files = true` the rule compares the names of a
//! document with those of every file of the run (`Checker::corpus_needs`).

use crate::hash::{FastMap, FastSet};
use crate::rules::Data;
use std::borrow::Cow;
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use super::meta::Units;
use super::near;
use super::wordlists::{self, NameShares, WordFreq};
use super::{CheckContext, Checker, DataStore, Kind, LoadError, RuleInput, RuleMeta, build_each};
use crate::corpus::CorpusNeeds;
use crate::diagnostic::Diagnostic;
use crate::text::Document;
use crate::text::names::{self, NameRun};

mod parts;

#[derive(Debug)]
pub struct ConsistencyKind;

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Config {
    /// `word<TAB>zipf` frequencies.
    words: Spanned<String>,
    stopwords: Spanned<String>,
    /// A lexicon of titles (first column) stripped from the front of names.
    titles: Spanned<String>,
    /// Compare with the names of the other files of the run, not this document's.
    #[serde(default)]
    across_files: bool,
    /// Shorter words must be the same (or listed in `same`).
    #[serde(default = "defaults::min_length")]
    min_length: usize,
    #[serde(default = "defaults::letters_per_edit")]
    letters_per_edit: usize,
    #[serde(default = "defaults::max_edits")]
    max_edits: usize,
    /// Two spellings that are both at least this frequent are two names (`John`/`Joan`).
    #[serde(default = "defaults::distinct_zipf")]
    distinct_zipf: f32,
    /// A surname alone is compared only from this length, one edit, and when neither
    /// spelling is a listed word (0: never).
    #[serde(default = "defaults::single_min_length")]
    single_min_length: usize,
    /// A word this frequent opening a sentence is not read as part of a name.
    #[serde(default = "defaults::sentence_start_zipf")]
    sentence_start_zipf: f32,
    /// Groups of spellings that are one name (transliterations: `["al", "el"]`).
    #[serde(default)]
    same: Vec<Vec<String>>,
    /// When above 0: the two spellings must share a word rarer than this zipf (`Qureshi`
    /// in `Abdel Salam Qureshi` / `Adel Salam-Qureshi`, not `Steve` in `Steve Castro` /
    /// `Steve Castor`), for comparisons where little else says the names are one.
    #[serde(default)]
    shared_word_zipf: f32,
    /// `name<TAB>given<TAB>surname` shares per 100,000 people: a lone word this common
    /// as a name (`name-share`) is a name of its own, not a variant.
    #[serde(default)]
    names: Option<Spanned<String>>,
    #[serde(default = "defaults::name_share")]
    name_share: u32,
    /// From this length a lone word used after a full name is compared with the words
    /// of that name: one edit apart, 1.5 from eight letters, 2 from ten, slips of a
    /// vowel or a key counting half (0: never).
    #[serde(default)]
    part_min_length: usize,
    /// A lone word at least this frequent in English is a word of its own there.
    #[serde(default = "defaults::part_max_zipf")]
    part_max_zipf: f32,
    /// Documents where fewer words are stopwords are not English (German capitalises
    /// every noun, Russian inflects names) and are not checked.
    #[serde(default = "defaults::min_stopword_share")]
    min_stopword_share: f32,
}

mod defaults {
    pub(super) fn min_length() -> usize {
        4
    }
    pub(super) fn letters_per_edit() -> usize {
        5
    }
    pub(super) fn max_edits() -> usize {
        2
    }
    pub(super) fn distinct_zipf() -> f32 {
        3.5
    }
    pub(super) fn single_min_length() -> usize {
        6
    }
    pub(super) fn sentence_start_zipf() -> f32 {
        4.0
    }
    pub(super) fn min_stopword_share() -> f32 {
        0.2
    }
    pub(super) fn name_share() -> u32 {
        5
    }
    pub(super) fn part_max_zipf() -> f32 {
        3.0
    }
}

#[derive(Debug)]
struct ConsistencyRule {
    meta: RuleMeta,
    config: Config,
    freq: Data<WordFreq>,
    stopwords: Data<wordlists::WordSet>,
    titles: Data<TitleWords>,
    names: Data<NameShares>,
    /// Folded spelling -> group id, from `same`.
    same: FastMap<String, usize>,
}

#[derive(Debug)]
struct ConsistencyChecker {
    rules: Vec<ConsistencyRule>,
}

/// Lowercase words of titles and their abbreviations (`prime`, `minister`, `gen`).
#[derive(Debug)]
struct TitleWords(FastSet<String>);

impl TitleWords {
    fn parse(text: &str) -> Result<TitleWords, String> {
        let mut set = FastSet::default();
        for (_, line) in wordlists::data_lines(text) {
            let mut cols = line.split('\t');
            let fields = [cols.next().unwrap_or(""), cols.next().unwrap_or("")];
            for field in fields {
                set.extend(names::form_words(field).iter().map(|w| w.to_lowercase()));
            }
        }
        Ok(TitleWords(set))
    }
}

impl Kind for ConsistencyKind {
    fn name(&self) -> &'static str {
        "consistency"
    }

    fn doc(&self) -> &'static str {
        "One name spelled two ways: within a document, or (`across-files = true`) across the files of a run. Names are runs of capitalised words less leading titles; two are one name when they have as many words and each pair is equal, listed in `same`, or within `max-edits` (one edit per `letters-per-edit` letters; hyphens, case and diacritics aside). Gendered and plural endings, and a spelling that is a common word or name itself, or the plural of one (`distinct-zipf`), are two names. Within a document, a lone capitalised word a typo or two from a word of a full name the article gives (`Merkle` after `Angela Merkel`; a transposition counts one edit, a vowel or keyboard-neighbour swap half) is a variant too, unless it is a name or word of its own: used in full in the article, a frequent given name or surname of `names` (a `name<TAB>given share<TAB>surname share` list), or a common word. The minority spelling is flagged; the message may use `{other}` and `{uses}`."
    }

    fn build(
        &self,
        inputs: Vec<RuleInput<'_>>,
        data: &DataStore,
    ) -> Result<Box<dyn Checker>, Vec<LoadError>> {
        let rules = build_each(&inputs, |input| build_rule(input, data))?;
        Ok(Box::new(ConsistencyChecker { rules }))
    }
}

fn build_rule(input: &RuleInput<'_>, data: &DataStore) -> Result<ConsistencyRule, LoadError> {
    let config: Config = input.config_for(&["match", "suggestion", "other", "uses"])?;
    let mut same = FastMap::default();
    for (g, group) in config.same.iter().enumerate() {
        for spelling in group {
            same.insert(names::fold(spelling), g);
        }
    }
    Ok(ConsistencyRule {
        meta: input.meta.clone(),
        freq: data.load(input, &config.words, WordFreq::parse)?,
        stopwords: data.load(input, &config.stopwords, wordlists::parse_word_set)?,
        titles: data.load(input, &config.titles, TitleWords::parse)?,
        names: match &config.names {
            Some(file) => data.load(input, file, NameShares::parse)?,
            None => Data::default(),
        },
        same,
        config,
    })
}

impl Checker for ConsistencyChecker {
    fn check(&self, doc: &Document, cx: &CheckContext<'_>, out: &mut Vec<Diagnostic>) {
        // Rules reading one stopword list count the document's stopwords once.
        let mut counted: Vec<(&wordlists::WordSet, usize)> = Vec::new();
        // The document's name runs, found once for every rule that reads them.
        let mut runs: Option<Vec<NameRun>> = None;
        for rule in &self.rules {
            if !cx.enabled(&rule.meta) {
                continue;
            }
            let list: &wordlists::WordSet = &rule.stopwords;
            let stop = match counted.iter().find(|(l, _)| std::ptr::eq(*l, list)) {
                Some(&(_, stop)) => stop,
                None => {
                    let stop = rule.stopword_count(doc);
                    counted.push((list, stop));
                    stop
                }
            };
            if !rule.english(doc, stop) {
                continue;
            }
            let runs = runs.get_or_insert_with(|| names::name_runs(doc));
            let spellings = rule.spellings(doc, runs);
            if rule.config.across_files {
                rule.check_corpus(doc, &spellings, cx, out);
            } else {
                rule.check_document(doc, &spellings, out);
            }
        }
    }

    fn corpus_needs(&self) -> CorpusNeeds {
        CorpusNeeds {
            names: self.rules.iter().any(|r| r.config.across_files),
            ..CorpusNeeds::default()
        }
    }
}

/// One spelling of a name and where the document uses it.
#[derive(Debug, Clone)]
struct Spelling {
    /// Folded words, particles left out: what is compared.
    folded: Vec<String>,
    /// Lowercase words with their diacritics: what tells two spellings apart.
    key: String,
    /// As first written (possessive dropped).
    display: String,
    /// Mentions, in order.
    spans: Vec<Range<usize>>,
}

impl Spelling {
    fn accents(&self) -> usize {
        self.display.chars().filter(|c| !c.is_ascii()).count()
    }

    /// The words of the display that match `folded`, particles left out.
    fn display_words(&self) -> Vec<&str> {
        self.display
            .split([' ', '-', '\u{2010}'])
            .filter(|w| !w.is_empty() && !names::is_particle(&w.to_lowercase()))
            .collect()
    }
}

impl ConsistencyRule {
    /// The words of `doc` on the rule's stopword list.
    fn stopword_count(&self, doc: &Document) -> usize {
        let text = doc.text();
        doc.words()
            .iter()
            .filter(|w| {
                self.stopwords
                    .contains(crate::text::lowercase(&text[(*w).clone()]).as_ref())
            })
            .count()
    }

    /// Whether enough of the words (`stop` of them: [`Self::stopword_count`]) are
    /// (English) stopwords.
    fn english(&self, doc: &Document, stop: usize) -> bool {
        stop as f32 >= self.config.min_stopword_share * doc.words().len() as f32
    }

    /// The distinct spellings of names in `doc`, in order of first use, from its name
    /// runs ([`names::name_runs`]).
    fn spellings(&self, doc: &Document, runs: &[NameRun]) -> Vec<Spelling> {
        let text = doc.text();
        let mid_sentence: FastSet<&str> = runs
            .iter()
            .flat_map(|r| {
                let skip = usize::from(r.sentence_start);
                r.words[skip..].iter().map(|w| &text[w.clone()])
            })
            .collect();
        let mut out: Vec<Spelling> = Vec::new();
        for run in runs {
            let Some(words) = self.name_part(doc, run, &mid_sentence) else {
                continue;
            };
            let span = words[0].start..words[words.len() - 1].end;
            let raw: Vec<&str> = words.iter().map(|w| &text[w.clone()]).collect();
            let Some(mut s) = self.spelling(&raw) else {
                continue;
            };
            match out.iter_mut().find(|o| o.key == s.key) {
                Some(o) => o.spans.push(span),
                None => {
                    s.display = names::without_possessive(&text[span.clone()]).to_owned();
                    s.spans.push(span);
                    out.push(s);
                }
            }
        }
        out
    }

    /// The words of a run that make the name: titles, stopwords and a common word
    /// opening the sentence (unless a frequent given name before another name) dropped
    /// from the front.
    fn name_part<'r>(
        &self,
        doc: &Document,
        run: &'r NameRun,
        mid_sentence: &FastSet<&str>,
    ) -> Option<&'r [Range<usize>]> {
        let text = doc.text();
        let words: Vec<&str> = run.words.iter().map(|w| &text[w.clone()]).collect();
        let mut start = 0;
        if run.sentence_start {
            let lower = words[0].to_lowercase();
            let common = self
                .freq
                .zipf(&lower)
                .is_some_and(|z| z >= self.config.sentence_start_zipf);
            // A frequent given name before another name is the name's (`Angela Merkel`).
            let given = words.len() >= 2 && self.names.given(&lower) >= self.config.name_share;
            if self.stopwords.contains(lower.as_str())
                || (common && !given && !mid_sentence.contains(words[0]))
            {
                start = 1;
            }
        }
        let start = start.max(self.after_titles(&words)?);
        (start < words.len()).then(|| &run.words[start..])
    }

    /// Where the name starts after leading stopwords and titles; `None` when nothing
    /// but titles is left (`Prime Minister`, `Islamic State`).
    fn after_titles(&self, words: &[&str]) -> Option<usize> {
        let lower: Vec<String> = words
            .iter()
            .map(|w| names::without_possessive(w).to_lowercase())
            .collect();
        let mut start = lower
            .iter()
            .take_while(|w| self.stopwords.contains(w.as_str()))
            .count();
        if let Some(last) = lower.iter().rposition(|w| self.titles.0.contains(w)) {
            start = start.max(last + 1);
        }
        (start < words.len()).then_some(start)
    }

    fn spelling(&self, words: &[&str]) -> Option<Spelling> {
        let kept: Vec<&str> = words
            .iter()
            .copied()
            .filter(|w| !names::is_particle(&w.to_lowercase()))
            .collect();
        if kept.is_empty() {
            return None;
        }
        Some(Spelling {
            folded: kept.iter().map(|w| names::fold(w)).collect(),
            key: kept
                .iter()
                .map(|w| names::without_possessive(w).to_lowercase())
                .collect::<Vec<_>>()
                .join(" "),
            display: words.join(" "),
            spans: Vec::new(),
        })
    }

    /// Whether two spellings are evidently one name written two ways. Two that differ
    /// only in diacritics (`Stålenhag`, `Stalenhag`) are one name in two conventions, as
    /// feeds and keyboards without the marks write it, not a misspelling.
    fn one_name(&self, a: &Spelling, b: &Spelling) -> bool {
        if a.key == b.key || a.folded.len() != b.folded.len() || a.folded == b.folded {
            return false;
        }
        if a.folded.len() == 1 {
            return self.one_surname(&a.folded[0], &b.folded[0]);
        }
        let shared_rare = self.config.shared_word_zipf <= 0.0
            || a.folded
                .iter()
                .zip(&b.folded)
                .any(|(x, y)| x == y && !self.common(x, self.config.shared_word_zipf));
        shared_rare
            && a.folded
                .iter()
                .zip(&b.folded)
                .all(|(x, y)| self.one_word(x, y))
    }

    /// Two folded words that may be spellings of one: equal, listed together, or near.
    fn one_word(&self, a: &str, b: &str) -> bool {
        if a == b {
            return true;
        }
        if let (Some(x), Some(y)) = (self.same.get(a), self.same.get(b)) {
            return x == y;
        }
        let c = &self.config;
        let longest = a.chars().count().max(b.chars().count());
        if a.chars().count().min(b.chars().count()) < c.min_length
            || near::differ_by_ending(a, b)
            || self.common(a, c.distinct_zipf)
            || self.common(b, c.distinct_zipf)
        {
            return false;
        }
        near::edit_distance(a, b) <= near::allowed_edits(longest, c.letters_per_edit, c.max_edits)
    }

    /// A surname alone: long, one edit, and neither spelling a word of its own (nor the
    /// plural of one).
    fn one_surname(&self, a: &str, b: &str) -> bool {
        self.surname_pair(a, b) && !near::differ_by_ending(a, b)
    }

    /// The length, frequency and distance tests of [`Self::one_surname`], endings aside.
    fn surname_pair(&self, a: &str, b: &str) -> bool {
        let min = self.config.single_min_length;
        let (la, lb) = (a.chars().count(), b.chars().count());
        // One edit changes the length by one character at most: the cheap test first.
        min > 0
            && la.min(lb) >= min
            && la.abs_diff(lb) <= 1
            && self.zipf_or_singular(a).is_none()
            && self.zipf_or_singular(b).is_none()
            && near::edit_distance(a, b) == 1
    }

    /// Whether `single`, a surname alone, is a near spelling of the last word of `full`.
    /// After a full name, a final `o` written `a` (or back) is a typo of that surname
    /// (`Alvaro Medrano` ... `Medrana`): surnames ending so do not change with gender;
    /// the endings that do (`Kowalski`/`Kowalska`, `Sokolov`/`Sokolova`) stay two names.
    fn surname_of(&self, single: &Spelling, full: &Spelling) -> bool {
        let (Some(a), true) = (single.folded.first(), single.folded.len() == 1) else {
            return false;
        };
        let Some(b) = full.folded.last().filter(|_| full.folded.len() >= 2) else {
            return false;
        };
        self.one_surname(a, b) || (self.surname_pair(a, b) && o_for_a(a, b))
    }

    /// Mentions ending in the same word as `s` (`Solvang`, `Ingrid Solvang`).
    fn surname_support(&self, s: &Spelling, all: &[Spelling]) -> usize {
        let last = s.folded.last();
        all.iter()
            .filter(|o| o.folded.last() == last)
            .map(|o| o.spans.len())
            .sum()
    }

    /// Whether `word`, or the singular of a plural `word` (`minimalists`), is a word of
    /// at least `zipf`: a capitalised common noun, not a name.
    fn common(&self, word: &str, zipf: f32) -> bool {
        self.zipf_or_singular(word).is_some_and(|z| z >= zipf)
    }

    /// The frequency of `word`, else of its singular when it reads as a plural.
    fn zipf_or_singular(&self, word: &str) -> Option<f32> {
        self.freq.zipf(word).or_else(|| {
            near::singular(word)
                .filter(|s| s.chars().count() >= 4)
                .and_then(|s| self.freq.zipf(s))
        })
    }

    /// Mentions that back `s`: its own, and shorter ones that end like it but not like
    /// `rival` (`Salam-Qureshi` backs `Adel Salam-Qureshi`).
    fn support(&self, s: &Spelling, rival: &Spelling, all: &[Spelling]) -> usize {
        let ends = |long: &Spelling, short: &Spelling| {
            short.folded.len() < long.folded.len() && long.folded.ends_with(&short.folded)
        };
        s.spans.len()
            + all
                .iter()
                .filter(|o| ends(s, o) && !ends(rival, o))
                .map(|o| o.spans.len())
                .sum::<usize>()
    }

    fn check_document(&self, doc: &Document, spellings: &[Spelling], out: &mut Vec<Diagnostic>) {
        // For each spelling flagged, the spelling to put instead and its support.
        let mut flagged: FastMap<usize, (String, usize)> = FastMap::default();
        let in_full: FastSet<&str> = spellings
            .iter()
            .filter(|s| s.folded.len() >= 2)
            .flat_map(|s| s.folded.iter().map(String::as_str))
            .collect();
        for (i, a) in spellings.iter().enumerate() {
            for (j, b) in spellings.iter().enumerate().skip(i + 1) {
                if let Some((single, other, support)) =
                    self.part_pair((i, a), (j, b), spellings, &in_full)
                {
                    let best = flagged.entry(single).or_insert((other.clone(), support));
                    if support > best.1 {
                        *best = (other, support);
                    }
                    continue;
                }
                let one_name = self.one_name(a, b);
                let (sa, sb) = if one_name && a.folded.len() == 1 {
                    // Two surnames alone: full names ending in them back them too.
                    (
                        self.surname_support(a, spellings),
                        self.surname_support(b, spellings),
                    )
                } else if one_name {
                    (self.support(a, b, spellings), self.support(b, a, spellings))
                } else if self.surname_of(a, b) || self.surname_of(b, a) {
                    (
                        self.surname_support(a, spellings),
                        self.surname_support(b, spellings),
                    )
                } else {
                    continue;
                };
                // A single word used several times both ways is two names (`Kilkee` and
                // `Kilkeel`, two towns), not a typo repeated.
                let single = a.folded.len() == 1 || b.folded.len() == 1;
                if single && sa.min(sb) >= 2 && sa.min(sb) * 3 > sa.max(sb) {
                    continue;
                }
                // Ties go to the spelling with diacritics, then to the full name, then
                // to the first used.
                let minority = match sa
                    .cmp(&sb)
                    .then(a.accents().cmp(&b.accents()))
                    .then(a.folded.len().cmp(&b.folded.len()))
                {
                    std::cmp::Ordering::Less => i,
                    _ => j,
                };
                let (rival, support) = if minority == i { (j, sb) } else { (i, sa) };
                let other = suggestion(&spellings[minority], &spellings[rival]).to_owned();
                let best = flagged.entry(minority).or_insert((other.clone(), support));
                if support > best.1 {
                    *best = (other, support);
                }
            }
        }
        let mut flagged: Vec<_> = flagged.into_iter().collect();
        flagged.sort_unstable();
        for (minority, (other, support)) in flagged {
            let uses = format!("used {}", times(support));
            for span in &spellings[minority].spans {
                // A quotation may spell a name its own way (an official transcript).
                if !in_quotation(doc, span.start) {
                    self.report(doc, span.clone(), &other, &uses, out);
                }
            }
        }
    }

    /// A lone word respelling a word of a full name ([`parts`]) that fewer mentions use
    /// than that word: the lone word's index, the word to put instead, and the
    /// mentions of that word.
    fn part_pair(
        &self,
        (i, a): (usize, &Spelling),
        (j, b): (usize, &Spelling),
        all: &[Spelling],
        in_full: &FastSet<&str>,
    ) -> Option<(usize, String, usize)> {
        let (single, full, full_index) = if a.folded.len() == 1 {
            (i, b, j)
        } else {
            (j, a, i)
        };
        let lone = &all[single];
        let variant = self.part_variant(lone, full, in_full)?;
        let word = &full.folded[variant.part];
        let support: usize = all
            .iter()
            .filter(|o| o.folded.contains(word))
            .map(|o| o.spans.len())
            .sum();
        // Used several times, and not far less than the full name's word or more than
        // an edit from it, it is a name of its own (`Kilkee`/`Kilkeel`, `Mizusawa`/
        // `Mizuhara`), as in `check_document`.
        let uses = lone.spans.len();
        if uses >= 2 && (uses * 3 > support || variant.edits > 1.0) {
            return None;
        }
        let display = all[full_index].display_words();
        let other = display
            .get(variant.part)
            .map(|w| names::without_possessive(w));
        Some((single, other?.to_owned(), support))
    }

    fn check_corpus(
        &self,
        doc: &Document,
        spellings: &[Spelling],
        cx: &CheckContext<'_>,
        out: &mut Vec<Diagnostic>,
    ) {
        let forms = cx.corpus.names();
        for s in spellings.iter().filter(|s| s.folded.len() >= 2) {
            let words: Vec<&str> = s.display.split([' ', '-']).collect();
            // Files per spelling of the candidates, by key.
            let mut files: FastMap<String, (Spelling, u32)> = FastMap::default();
            for (form, n) in forms.near(&words) {
                let raw = names::form_words(form);
                let Some(start) = self.after_titles(&raw) else {
                    continue;
                };
                let Some(mut other) = self.spelling(&raw[start..]) else {
                    continue;
                };
                let from = raw[start].as_ptr() as usize - form.as_ptr() as usize;
                other.display = names::without_possessive(&form[from..]).to_owned();
                files.entry(other.key.clone()).or_insert((other, 0)).1 += n;
            }
            let own = files.get(&s.key).map_or(0, |(_, n)| *n);
            let in_doc: FastSet<&str> = spellings.iter().map(|o| o.key.as_str()).collect();
            let rival = files
                .values()
                .filter(|(o, _)| !in_doc.contains(o.key.as_str()) && self.one_name(s, o))
                .filter(|(o, n)| own < *n || (own == *n && wins_tie(o, s)))
                .max_by_key(|(o, n)| (*n, o.key.clone()));
            if let Some((other, n)) = rival {
                let uses = format!("in {} of the files checked", n);
                self.report(doc, s.spans[0].clone(), &other.display, &uses, out);
            }
        }
    }

    fn report(
        &self,
        doc: &Document,
        span: Range<usize>,
        other: &str,
        uses: &str,
        out: &mut Vec<Diagnostic>,
    ) {
        let text = doc.text();
        let span = span.start..span.start + names::without_possessive(&text[span.clone()]).len();
        let unit = Units::new(doc)
            .containing(self.meta.scope, &span)
            .unwrap_or(span.clone());
        if self.meta.excused(&text[span.clone()], &text[unit]) {
            return;
        }
        out.push(
            self.meta
                .diagnostic(doc, span, Some(other.to_owned()), |v| match v {
                    "other" => Some(Cow::Owned(other.to_owned())),
                    "uses" => Some(Cow::Owned(uses.to_owned())),
                    _ => None,
                }),
        );
    }
}

/// What to write instead of `flagged`: the rival's words that match its own (a surname
/// alone is replaced by the surname, not by the full name).
fn suggestion<'s>(flagged: &Spelling, rival: &'s Spelling) -> &'s str {
    let words = flagged.folded.len();
    if words == 1 && rival.folded.len() > 1 {
        let display = rival.display.as_str();
        return display.rsplit_once(' ').map_or(display, |(_, last)| last);
    }
    &rival.display
}

/// Which of two spellings used by as many files stands: the one with more diacritics
/// and hyphens (copies drop them far more often than they add them), then the one of
/// more words, then the first by its key; never both, so a tie flags one of them.
fn wins_tie(a: &Spelling, b: &Spelling) -> bool {
    let marks = |s: &Spelling| s.accents() + s.display.matches(['-', '\u{2010}']).count();
    (marks(a), a.folded.len(), std::cmp::Reverse(&a.key))
        > (marks(b), b.folded.len(), std::cmp::Reverse(&b.key))
}

/// Whether two folded words differ only by a final `o` against `a`.
fn o_for_a(a: &str, b: &str) -> bool {
    let (Some(x), Some(y)) = (a.strip_suffix(['o', 'a']), b.strip_suffix(['o', 'a'])) else {
        return false;
    };
    x == y && a != b
}

/// Whether `offset` lies inside a quotation of its paragraph.
fn in_quotation(doc: &Document, offset: usize) -> bool {
    let Some(p) = doc.paragraph_at(offset) else {
        return false;
    };
    let start = doc.paragraphs()[p].range.start;
    doc.text()[start..offset]
        .chars()
        .fold(false, |open, c| match c {
            '\u{201C}' => true,
            '\u{201D}' => false,
            '"' => !open,
            _ => open,
        })
}

fn times(n: usize) -> String {
    match n {
        1 => "once".to_owned(),
        2 => "twice".to_owned(),
        n => format!("{n} times"),
    }
}

#[cfg(test)]
mod tests {
    use crate::corpus::CorpusStats;
    use crate::rules::{LoadOptions, Origin, RuleSet, RuleSources};
    use crate::text::Document;

    fn rules(across: bool) -> RuleSet {
        let mut sources = RuleSources::new();
        sources.add_text(
            "test.toml",
            format!(
                "[[rule]]\nid = \"mangled.t\"\nkind = \"consistency\"\ncategory = \"mangled\"\nmessage = \"{{match}} / {{other}}\"\nwords = \"data/wordfreq-en.tsv\"\nstopwords = \"data/stopwords-en.txt\"\ntitles = \"data/titles-en.tsv\"\nnames = \"data/names-en.tsv\"\npart-min-length = 5\nacross-files = {across}\nsame = [[\"al\", \"el\"]]\n"
            ),
            Origin::File("no-such-dir/test.toml".into()),
        );
        RuleSet::load(&sources, &LoadOptions::default()).unwrap()
    }

    fn flagged(text: &str) -> Vec<String> {
        let doc = Document::from_text(text);
        let stop = [
            "the", "to", "and", "at", "it", "was", "that", "they", "of", "on", "then", "there",
            "were", "i", "he", "she", "for", "by", "in", "all", "so", "after", "no", "too",
        ];
        let words = doc.words();
        let share = words
            .iter()
            .filter(|w| stop.contains(&crate::text::lowercase(doc.slice(w)).as_ref()))
            .count();
        assert!(
            share * 5 >= words.len(),
            "test text too short of stopwords to be checked"
        );
        crate::engine::check(&rules(false), &doc, &CorpusStats::default())
            .iter()
            .map(|d| d.message.clone())
            .collect()
    }

    #[test]
    fn the_minority_spelling_is_flagged() {
        assert_eq!(
            flagged(
                "Katarzyna Wójcik won it in the end. Later on, Katarzyna Wójcik spoke to us. Then Katarzina Wojcik left for the airport."
            ),
            ["Katarzina Wojcik / Katarzyna Wójcik"]
        );
        assert_eq!(
            flagged(
                "It was won by Anastasiya Hrynchuk. Then Hrynchuk said that it was hard. After that, Anastasia Grynchuk left."
            ),
            ["Anastasia Grynchuk / Anastasiya Hrynchuk"]
        );
    }

    #[test]
    fn different_people_are_not_variants() {
        assert!(flagged("Mark Esper met Mark Milley at the base. John Smith and Jane Smith were there too, and they said it was over.").is_empty());
        assert!(flagged("Anna Kowalska and Piotr Kowalski were there; then Olga Sokolova met Ivan Sokolov at the door of the hall.").is_empty());
        assert!(flagged("Joan Harper and John Harper were both at the meeting, and they said that it was over.").is_empty());
    }

    #[test]
    fn a_capitalised_plural_of_a_word_is_no_variant_of_a_name() {
        assert!(
            flagged(
                "Shira Gill is the author of Minimalista and other books about tidy homes. \
                 Minimalists keep their rooms clear of clutter all of the time, she said."
            )
            .is_empty()
        );
    }

    #[test]
    fn quotations_may_spell_names_their_own_way() {
        assert!(flagged("Volodymyr Zelensky spoke to them. Then Zelensky left. \"I met Zelenskyy at the time,\" he said.").is_empty());
    }

    #[test]
    fn hyphens_and_case_are_not_variants() {
        assert!(
            flagged("Adel Salam-Qureshi spoke to them. After that, Salam Qureshi said it was so.")
                .is_empty()
        );
    }

    #[test]
    fn ties_go_to_diacritics_and_full_names() {
        assert_eq!(
            flagged(
                "The head, Gráinne Mulvihill, spoke to them. Later on, Grainne Mulvihil said she was glad."
            ),
            ["Grainne Mulvihil / Gráinne Mulvihill"]
        );
        assert_eq!(
            flagged(
                "It was said by Ingrid Solvang at the time. Comets fade. Solvaag said that it was so."
            ),
            ["Solvaag / Solvang"]
        );
    }

    #[test]
    fn diacritics_alone_do_not_make_a_variant() {
        assert!(
            flagged(
                "The painter Simon Stålenhag was at the show and he said that it was the last one. \
             Then Simon Stalenhag said he was done with it."
            )
            .is_empty()
        );
        let zoe = |later: &str| {
            flagged(&format!(
                "Her friend, Zoë Ferreira, was there too and she said it was fine. \
                 Then {later} left at ten, and so did all of them."
            ))
        };
        assert!(zoe("Zoe Ferreira").is_empty());
        // A letter changed beside the marks still is one.
        assert_eq!(zoe("Zoe Fereira"), ["Zoe Fereira / Zoë Ferreira"]);
    }

    #[test]
    fn a_surname_alone_is_backed_by_the_full_name() {
        // `Mulcahy` twice (once in the full name), `Mulcahey` once: the latter is flagged,
        // and replaced by the surname, not by the full name.
        assert_eq!(
            flagged(
                "It was Declan Mulcahy at the door. Then Mulcahey said it was so. After that, the judge said that Mulcahy was to go."
            ),
            ["Mulcahey / Mulcahy"]
        );
    }

    #[test]
    fn single_words_used_often_both_ways_are_two_names() {
        assert!(flagged("They drove from Kilkee to Kilkeel. Then Kilkee was quiet and Kilkeel was busy, and they said Kilkee was best.").is_empty());
    }

    #[test]
    fn a_final_o_written_a_after_the_full_name_is_a_typo() {
        assert_eq!(
            flagged(
                "Alvaro Medrano scored it at the end. Then Medrano said it was so. After that, Medrana was off to the bench."
            ),
            ["Medrana / Medrano"]
        );
        // Gendered endings stay two people.
        assert!(
            flagged(
                "It was Piotr Kowalski at the door. Then Kowalska said it was so, and they left."
            )
            .is_empty()
        );
    }

    #[test]
    fn a_surname_respelt_after_the_full_name_is_flagged() {
        assert_eq!(
            flagged("Angela Merkel spoke to them at the time. Then Merkle said that it was over."),
            ["Merkle / Merkel"]
        );
        assert_eq!(
            flagged("It was won by Rafael Nadal in the end. After that, Nadel said he was glad."),
            ["Nadel / Nadal"]
        );
        // A swap and a doubled last letter; the possessive is left out of the span.
        assert_eq!(
            flagged("It was Shannon Morrison at the door. Then Morrisno's car was on the road."),
            ["Morrisno / Morrison"]
        );
        assert_eq!(
            flagged("It was Tom Patton at the pool. Then Pattonn was in the lead, and he won."),
            ["Pattonn / Patton"]
        );
    }

    #[test]
    fn a_lone_word_that_is_a_name_or_word_of_its_own_is_not_a_variant() {
        // A frequent given name of its own: another person.
        assert!(
            flagged("It was Ann Smith at the door. Then Anne said that it was over.").is_empty()
        );
        // A place that is an English word.
        assert!(
            flagged("It was Sam Parris at the door. Then Paris was on the phone to them.")
                .is_empty()
        );
        // Possessives and plurals.
        assert!(
            flagged("Angela Merkel spoke to them. Then Merkel's aide and the Merkels left.")
                .is_empty()
        );
        // Used in full elsewhere in the article.
        assert!(
            flagged(
                "Angela Merkel spoke to them, and so did Otto Merkle. Then Merkle said it was over."
            )
            .is_empty()
        );
        // Before the full name: not a later mention of it.
        assert!(
            flagged("Merkle said it was over. Then Angela Merkel spoke to them at the time.")
                .is_empty()
        );
        // A handle or a run-together word, not a respelling.
        assert!(
            flagged("It was Joe Walsh at the door. Then Jwalsh and EWWalsh said it was over.")
                .is_empty()
        );
        // A title-case heading is not a person.
        assert!(flagged("The book Minimalists Use These Rules is out. Then Minimalista was on sale, and it was over.").is_empty());
        // Used twice, more than an edit apart: a name of its own.
        assert!(flagged("It was Ippei Mizuhara at the door. Then Mizusawa was on the phone, and Mizusawa was quiet, and Mizuhara left.").is_empty());
    }

    #[test]
    fn a_tie_across_files_flags_one_spelling() {
        let docs = [
            Document::from_text("The PM Adel Salam Qureshi spoke to them on the phone."),
            Document::from_text("Later, Abdel Salam Qureshi said no to all of it."),
        ];
        let out = crate::engine::check_corpus(&rules(true), &docs);
        let flagged: Vec<&str> = out.iter().flatten().map(|d| d.message.as_str()).collect();
        assert_eq!(flagged, ["Adel Salam Qureshi / Abdel Salam Qureshi"]);
        // A hyphen, like diacritics, wins the tie.
        let docs = [
            Document::from_text("The PM Adel Salam-Qureshi spoke to them on the phone."),
            Document::from_text("Later, Abdel Salam Qureshi said no to all of it."),
        ];
        let out = crate::engine::check_corpus(&rules(true), &docs);
        let flagged: Vec<&str> = out.iter().flatten().map(|d| d.message.as_str()).collect();
        assert_eq!(flagged, ["Abdel Salam Qureshi / Adel Salam-Qureshi"]);
    }

    #[test]
    fn across_files_compares_with_the_run() {
        let docs = [
            Document::from_text(
                "Iraqi Prime Minister Abdel Salam Qureshi spoke to them on the phone.",
            ),
            Document::from_text(
                "Iraqi PM Adel Salam-Qureshi spoke to them. Then Adel Salam-Qureshi left.",
            ),
            Document::from_text("Later, Adel Salam-Qureshi said no to all of it."),
        ];
        let out = crate::engine::check_corpus(&rules(true), &docs);
        let messages: Vec<&str> = out[0].iter().map(|d| d.message.as_str()).collect();
        assert_eq!(messages, ["Abdel Salam Qureshi / Adel Salam-Qureshi"]);
        assert!(out[1].is_empty() && out[2].is_empty());
    }
}
