//! Kind `collocation`: a common two-word phrase with one word changed, so that the
//! pair is rare (`real estata`, `Supreme Courtroom`, `stock interchange`), a closed
//! compound split in two (`chair man`), or a phrase run together (`nuclearweapon`).
//!
//! The phrase file (`data/collocations-en.tsv`, from WordNet and a bigram count list)
//! holds the common phrases with their counts, the words a thesaurus offers for each
//! phrase word, the variants that are common English anyway (never reported), and
//! the closed compounds. The text is read once: each pair of neighbouring words is
//! looked up by the word that stayed, and the other is compared with the phrase's.
//!
//! A changed word is, by priority, *related* (a thesaurus synonym, as a spinner puts;
//! off by default), a *misspelling* (one edit, not another ending; a non-word, a much
//! rarer word, or any word beside one bound to the phrase), or *longer* (a word added
//! to a name's: `Courtroom`). Case must fit the phrase: a phrase of names
//! (`Supreme Court`) is matched only when capitalised, a lowercase phrase in lowercase
//! or in a headline's capitals. After a name (`Reuters`, `NASA`, not a month or a
//! weekday), a lowercase first word short of its last letter is *clipped*: `AFP new
//! agency` for `news agency`, where a bare adjective cannot follow the name.
//!
//! A misspelling that is itself a word may be the writer's word: `oven door` in a
//! kitchen article, `hard tire` in a cycling one. With `vectors`, such a word that fits
//! the article's topic clearly better than the phrase's word does (static word
//! vectors, the cosine of each with the article's weighted mean) is left alone.

use crate::hash::{FastMap, FastSet};
use std::borrow::Cow;
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use super::cohesion::semantic::WordVectors;
use super::meta::Units;
use super::near;
use super::wordlists::{self, WordFreq};
use super::{
    CheckContext, Checker, Data, DataStore, Kind, LoadError, RuleInput, RuleMeta, build_each,
};
use crate::diagnostic::Diagnostic;
use crate::text::{Document, lowercase};

#[derive(Debug)]
pub struct CollocationKind;

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Config {
    /// The phrase file (`data/collocations-en.tsv`).
    phrases: Spanned<String>,
    /// `word<TAB>zipf`: a run-together phrase is not a listed word.
    words: Spanned<String>,
    /// Only phrases at least this common (their count in the file).
    #[serde(default)]
    min_count: u64,
    /// Phrase words shorter than this have no misspellings or longer forms.
    #[serde(default = "default_min_near")]
    min_near: usize,
    /// A misspelling that is a listed word is reported only when the phrase's word is
    /// this much more frequent (zipf): `rage` for `rate`, not `contact` for `contract`.
    #[serde(default = "default_rare_gap")]
    rare_gap: f32,
    /// ...or when the word that stayed is this bound to the phrase (`cool mine`):
    /// the phrase's share of the common pairs with that word in its place.
    #[serde(default = "default_min_bound")]
    min_bound: f32,
    /// Which changes to report.
    #[serde(default = "default_changes")]
    changes: Vec<Change>,
    /// Word vectors (`data/vectors-en.bin`) for the topic test of misspellings that
    /// are words; without them there is none.
    #[serde(default)]
    vectors: Option<Spanned<String>>,
    /// Such a misspelling is the writer's word when its cosine with the article
    /// exceeds the phrase word's by this much...
    #[serde(default = "default_topic_margin")]
    topic_margin: f64,
    /// ...and is at least this.
    #[serde(default = "default_topic_fit")]
    topic_fit: f64,
}

fn default_topic_margin() -> f64 {
    0.15
}

fn default_topic_fit() -> f64 {
    0.25
}

fn default_rare_gap() -> f32 {
    1.2
}

fn default_min_bound() -> f32 {
    0.5
}

fn default_min_near() -> usize {
    4
}

/// All but `related`: one thesaurus synonym swapped into a common phrase is far more
/// often a writer's own wording (`grocery shop`, `minimum salary`) than a spinner's.
fn default_changes() -> Vec<Change> {
    vec![
        Change::Misspelling,
        Change::Longer,
        Change::Split,
        Change::Joined,
        Change::Clipped,
    ]
}

/// How the text differs from the phrase, in order of priority.
#[derive(Deserialize, Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
enum Change {
    Related,
    Misspelling,
    Longer,
    Split,
    Joined,
    /// The first word short of its last letter, right after a name (`AFP new
    /// agency`): after a name, the shorter word cannot be what it is elsewhere.
    Clipped,
}

impl Change {
    fn reason(self) -> &'static str {
        match self {
            Change::Related => "a word swapped for a synonym",
            Change::Misspelling => "a misspelt word",
            Change::Longer => "a longer word in place of the phrase's",
            Change::Split => "a compound split in two",
            Change::Joined => "two words run together",
            Change::Clipped => "a word short of its last letter, after a name",
        }
    }
}

/// A string of the phrase file: borrowed from the embedded file, owned from a user's.
type Key = std::borrow::Cow<'static, str>;

/// The parsed phrase file.
#[derive(Debug, Default)]
struct Collocations {
    /// Each phrase as usually written, its lowercase words, and its count.
    shown: Vec<Key>,
    words: Vec<[Key; 2]>,
    count: Vec<u64>,
    /// Whether the phrase is a name, each word capitalised (`Supreme Court`).
    name: Vec<bool>,
    /// Per word, the phrase's share of the common pairs with that word in its place:
    /// how bound the word is to its partner (`Kong` of `Hong Kong`: 1).
    bound: Vec<[f32; 2]>,
    /// Phrases by their first and by their second lowercase word.
    by_first: FastMap<Key, Vec<usize>>,
    by_second: FastMap<Key, Vec<usize>>,
    /// Lowercase `a b` of every phrase and every known variant: never reported.
    exact: FastSet<Key>,
    /// A phrase word -> the words a thesaurus puts for it, sorted.
    related: FastMap<Key, Vec<Key>>,
    /// `a b` -> the closed compound `ab`.
    compounds: FastMap<Key, Key>,
}

impl Collocations {
    fn parse(text: &str) -> Result<Collocations, String> {
        let keys = crate::rules::builtin::Keys::of(text);
        let mut c = Collocations::default();
        c.exact.reserve(wordlists::line_count(text));
        for (n, line) in wordlists::data_lines(text) {
            let mut cols = line.split('\t');
            let kind = cols.next().unwrap_or("");
            let cols: Vec<&str> = cols.collect();
            match (kind, cols.as_slice()) {
                ("phrase", [shown, count, first, second]) => {
                    let count: u64 = count
                        .parse()
                        .map_err(|_| format!("line {n}: `{count}` is not a count"))?;
                    let share = |s: &str| {
                        s.parse::<f32>()
                            .map_err(|_| format!("line {n}: `{s}` is not a share"))
                    };
                    c.bound.push([share(first)?, share(second)?]);
                    let Some((a, b)) = shown.split_once(' ') else {
                        return Err(format!("line {n}: a phrase is two words"));
                    };
                    let (a, b) = (keys.lowercase_key(a), keys.lowercase_key(b));
                    let p = c.shown.len();
                    c.by_first.entry(a.clone()).or_default().push(p);
                    c.by_second.entry(b.clone()).or_default().push(p);
                    c.exact.insert(keys.lowercase_key(shown));
                    c.words.push([a, b]);
                    c.name
                        .push(shown.split(' ').all(|w| w.starts_with(char::is_uppercase)));
                    c.shown.push(keys.key(shown));
                    c.count.push(count);
                }
                ("related", [word, subs]) => {
                    let mut subs: Vec<Key> = subs.split(',').map(|s| keys.key(s)).collect();
                    subs.sort_unstable();
                    c.related.insert(keys.key(word), subs);
                }
                ("known", [pair]) => {
                    c.exact.insert(keys.lowercase_key(pair));
                }
                ("compound", [word, split]) => {
                    c.compounds
                        .insert(keys.lowercase_key(split), keys.key(word));
                }
                _ => {
                    return Err(format!(
                        "line {n}: expected `phrase`, `related`, `known` or `compound` and its columns"
                    ));
                }
            }
        }
        Ok(c)
    }

    fn is_related(&self, word: &str, to: &str) -> bool {
        self.related
            .get(to)
            .is_some_and(|subs| subs.binary_search_by(|s| (**s).cmp(word)).is_ok())
    }
}

#[derive(Debug)]
struct CollocationRule {
    meta: RuleMeta,
    config: Config,
    phrases: Data<Collocations>,
    freq: Data<WordFreq>,
    vectors: Option<Data<WordVectors>>,
}

#[derive(Debug)]
struct CollocationChecker {
    rules: Vec<CollocationRule>,
}

impl Kind for CollocationKind {
    fn name(&self) -> &'static str {
        "collocation"
    }

    fn doc(&self) -> &'static str {
        "Common two-word phrases with one word changed into a rare pair (`phrases = \"data/collocations-en.tsv\"`): a misspelt word (`real estata`), a longer word (`Supreme Courtroom`), a synonym swapped in (`stock interchange`, off by default); a closed compound split in two (`chair man`) or a phrase run together (`nuclearweapon`). Variants the file lists as common English are never reported. `words` names the frequency list, `min-count` the least count of a phrase, `min-near` the shortest phrase word compared by spelling, `rare-gap` and `min-bound` when a misspelling that is a word counts, `changes` which of `related`, `misspelling`, `longer`, `split`, `joined`, `clipped` (a first word short of its last letter after a name: `AFP new agency`) to report; with `vectors` (word vectors, `data/vectors-en.bin`) a misspelling that is a word is left alone when it fits the article's topic better than the phrase's word by `topic-margin` (cosine, default 0.15) and fits it at least `topic-fit` (default 0.25). The message may use `{reason}`."
    }

    fn build(
        &self,
        inputs: Vec<RuleInput<'_>>,
        data: &DataStore,
    ) -> Result<Box<dyn Checker>, Vec<LoadError>> {
        let rules = build_each(&inputs, |input| {
            let config: Config = input.config_for(&["match", "suggestion", "reason"])?;
            Ok(CollocationRule {
                meta: input.meta.clone(),
                phrases: data.load(input, &config.phrases, Collocations::parse)?,
                freq: data.load(input, &config.words, WordFreq::parse)?,
                vectors: config
                    .vectors
                    .as_ref()
                    .map(|v| data.load_bytes(input, v, WordVectors::parse))
                    .transpose()?,
                config,
            })
        })?;
        Ok(Box::new(CollocationChecker { rules }))
    }
}

impl Checker for CollocationChecker {
    fn check(&self, doc: &Document, cx: &CheckContext<'_>, out: &mut Vec<Diagnostic>) {
        for rule in &self.rules {
            if cx.enabled(&rule.meta) {
                rule.check(doc, out);
            }
        }
    }
}

/// How a word is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Lower,
    /// A capital, then lowercase letters.
    Capitalised,
    /// In capitals, mixed, or not only letters: never compared.
    Other,
}

fn shape(word: &str) -> Shape {
    let mut chars = word.chars();
    match chars.next() {
        Some(c) if c.is_ascii_lowercase() && chars.all(|c| c.is_ascii_lowercase()) => Shape::Lower,
        Some(c) if c.is_ascii_uppercase() && chars.all(|c| c.is_ascii_lowercase()) => {
            Shape::Capitalised
        }
        _ => Shape::Other,
    }
}

/// A finding before it is reported.
struct Hit {
    span: Range<usize>,
    suggestion: String,
    change: Change,
    /// For a misspelling that is a listed word: it and the phrase's word, lowercase.
    words: Option<WordPair>,
}

/// A word of the text and the phrase's word it stands for, lowercase.
type WordPair = (String, String);

impl CollocationRule {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let mut hits = Vec::new();
        self.find(doc, &mut hits);
        self.drop_topical_words(doc, &mut hits);
        // A split or joined compound or a word one letter off may be the house
        // spelling; a longer or swapped word is not excused (a spinner swaps every
        // occurrence alike).
        let hits = near::house_spellings_dropped(doc.text(), hits, |h| {
            matches!(
                h.change,
                Change::Split | Change::Joined | Change::Misspelling
            )
            .then(|| (h.span.clone(), h.suggestion.as_str()))
        });
        for hit in hits {
            self.report(doc, hit, out);
        }
    }

    fn find(&self, doc: &Document, hits: &mut Vec<Hit>) {
        let text = doc.text();
        for sentence in doc.sentences() {
            let ranges = doc.words_of(sentence);
            let words: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
            let shapes: Vec<Shape> = words.iter().map(|w| shape(w)).collect();
            let lower: Vec<Cow<str>> = words.iter().map(|w| ascii_lowercase(w)).collect();
            // Per neighbouring pair: a phrase or a known variant. Read once, with one
            // key buffer, for the pair itself and for its neighbours' pairs.
            let mut key = String::new();
            let known: Vec<bool> = (1..words.len())
                .map(|j| {
                    self.phrases
                        .exact
                        .contains(pair_key(&mut key, &lower, j - 1))
                })
                .collect();
            // Word `i` or `i + 1` makes a phrase with its other neighbour (`Street car`
            // of `Market Street car park`): then the pair is no unit.
            let in_other_phrase =
                |i: usize| (i > 0 && known[i - 1]) || known.get(i + 1).copied().unwrap_or(false);
            let mut i = 0;
            while i < words.len() {
                let pair = (i + 1 < words.len()
                    && text[ranges[i].end..ranges[i + 1].start] == *" "
                    && !known[i]
                    && !in_other_phrase(i))
                .then(|| {
                    let key = pair_key(&mut key, &lower, i);
                    let after_name = i > 1
                        && text[ranges[i - 1].end..ranges[i].start] == *" "
                        && names_a_party(words[i - 1], &lower[i - 1]);
                    self.pair_hit(
                        key,
                        &lower[i],
                        &lower[i + 1],
                        [shapes[i], shapes[i + 1]],
                        i == 0,
                        after_name,
                    )
                })
                .flatten();
                if let Some((suggestion, change, words)) = pair {
                    let span = ranges[i].start..ranges[i + 1].end;
                    hits.push(Hit {
                        span,
                        suggestion,
                        change,
                        words,
                    });
                    i += 2;
                    continue;
                }
                if let Some(suggestion) = self.joined(&lower[i], shapes[i], i == 0) {
                    hits.push(Hit {
                        span: ranges[i].clone(),
                        suggestion,
                        change: Change::Joined,
                        words: None,
                    });
                }
                i += 1;
            }
        }
    }

    fn wants(&self, change: Change) -> bool {
        self.config.changes.contains(&change)
    }

    /// The phrase (as the text would write it) and the change, when the two words
    /// `a b` (`key`: `a b`, neither a phrase nor a known variant) are a common phrase
    /// with one word changed or a compound split in two; for a misspelling that is a
    /// listed word, also it and the phrase's word.
    fn pair_hit(
        &self,
        key: &str,
        a: &str,
        b: &str,
        shapes: [Shape; 2],
        first: bool,
        after_name: bool,
    ) -> Option<(String, Change, Option<WordPair>)> {
        if shapes.contains(&Shape::Other) {
            return None;
        }
        let c = &*self.phrases;
        if let Some(compound) = c.compounds.get(key) {
            let lower_pair = shapes[1] == Shape::Lower && (shapes[0] == Shape::Lower || first);
            if self.wants(Change::Split) && lower_pair {
                let mut s = compound.to_string();
                if shapes[0] == Shape::Capitalised {
                    s = capitalise(&s);
                }
                return Some((s, Change::Split, None));
            }
        }
        let mut best: Option<(Change, usize, usize)> = None;
        let related = self.wants(Change::Related);
        for (kept, changed, pos, index) in [(a, b, 1, &c.by_first), (b, a, 0, &c.by_second)] {
            for &p in index.get(kept).into_iter().flatten() {
                // Every change but a synonym keeps the phrase word's first letter
                // (a misspelling, a longer word, a clipped one): most phrases of a
                // common word are out at once.
                if !related && changed.as_bytes().first() != c.words[p][pos].as_bytes().first() {
                    continue;
                }
                if c.count[p] < self.config.min_count || !case_fits(&c.shown[p], shapes, first) {
                    continue;
                }
                let name = c.name[p];
                let bound = c.bound[p][1 - pos] >= self.config.min_bound;
                // Only the first word is clipped after a name, and only a lowercase
                // one (`Google Unveils New Service` is a headline's capitals).
                let clipped = after_name && pos == 0 && shapes[0] == Shape::Lower;
                if let Some(change) = self.change(changed, &c.words[p][pos], name, bound, clipped) {
                    // the likeliest change, then the commonest phrase
                    let rank = |ch: Change, q: usize| (ch, std::cmp::Reverse(c.count[q]));
                    if best.is_none_or(|(ch, q, _)| rank(change, p) < rank(ch, q)) {
                        best = Some((change, p, pos));
                    }
                }
            }
        }
        let (change, p, pos) = best?;
        let written = if pos == 0 { a } else { b };
        let words = (change == Change::Misspelling && self.freq.zipf(written).is_some())
            .then(|| (written.to_owned(), c.words[p][pos].to_string()));
        let shown = &c.shown[p];
        // A lowercase phrase written in a headline's capitals is suggested so.
        let suggestion = if shapes == [Shape::Capitalised; 2]
            && shown.chars().next().is_some_and(char::is_lowercase)
        {
            shown
                .split(' ')
                .map(capitalise)
                .collect::<Vec<_>>()
                .join(" ")
        } else if first && shapes[0] == Shape::Capitalised {
            capitalise(shown)
        } else {
            shown.to_string()
        };
        Some((suggestion, change, words))
    }

    /// Drops the misspellings that are words fitting the article's topic clearly
    /// better than the phrase's word (`oven door` among ovens, hobs and baking).
    fn drop_topical_words(&self, doc: &Document, hits: &mut Vec<Hit>) {
        let Some(vectors) = &self.vectors else {
            return;
        };
        if hits.iter().all(|h| h.words.is_none()) {
            return;
        }
        // The words compared are left out of the topic they are compared with.
        let compared: FastSet<&str> = hits
            .iter()
            .filter_map(|h| h.words.as_ref())
            .flat_map(|(a, b)| [a.as_str(), b.as_str()])
            .collect();
        let topic = self.topic(doc, vectors, &compared);
        let fit = |w: &str| vectors.lookup(w).map(|i| vectors.cosine_with(i, &topic));
        hits.retain(|h| {
            let Some((written, want)) = &h.words else {
                return true;
            };
            match (fit(written), fit(want)) {
                (Some(x), Some(y)) => {
                    !(x >= self.config.topic_fit && x - y >= self.config.topic_margin)
                }
                _ => true,
            }
        });
    }

    /// The article's topic: the sum of its words' vectors, each weighted by how rare
    /// the word is (`ZIPF_CEILING` less its Zipf frequency; unlisted words as rare as
    /// `UNLISTED_ZIPF`), function words, the commonest words and `skip` left out.
    fn topic(&self, doc: &Document, vectors: &WordVectors, skip: &FastSet<&str>) -> Vec<f32> {
        const ZIPF_CEILING: f32 = 7.0;
        const COMMONEST: f32 = 6.0;
        const UNLISTED_ZIPF: f32 = 3.0;
        let mut sum = vec![0.0f32; vectors.dims()];
        for range in doc.words() {
            let word = lowercase(&doc.text()[range.clone()]);
            let zipf = self.freq.zipf(&word).unwrap_or(UNLISTED_ZIPF);
            if zipf >= COMMONEST || skip.contains(word.as_ref()) {
                continue;
            }
            if let Some(i) = vectors.lookup(&word) {
                vectors.add_to(&mut sum, i, ZIPF_CEILING - zipf);
            }
        }
        sum
    }

    /// How `word` (lowercase) stands for the phrase's `want`, if it is a change the
    /// rule reports. `name`: the phrase is a name, each word capitalised (`Supreme Court`);
    /// `bound`: the other word is bound to the phrase (`Kong` of `Hong Kong`).
    /// `after_name`: `word` is the phrase's first word and follows a name
    /// (`AFP new agency`).
    fn change(
        &self,
        word: &str,
        want: &str,
        name: bool,
        bound: bool,
        after_name: bool,
    ) -> Option<Change> {
        if word == want {
            return None;
        }
        if self.wants(Change::Clipped)
            && after_name
            && want.len() >= 4
            && want.strip_suffix(|c: char| c.is_ascii_lowercase()) == Some(word)
        {
            return Some(Change::Clipped);
        }
        if self.wants(Change::Related) && bound && self.phrases.is_related(word, want) {
            return Some(Change::Related);
        }
        let n = want.len();
        if n < self.config.min_near || word.len() < self.config.min_near {
            return None;
        }
        // A plural or another ending (`finale`, `creamy`, `styled`) is a word of its own.
        if word.starts_with(want) && word.len() <= n + 2 || want.starts_with(word) {
            return None;
        }
        if self.wants(Change::Misspelling)
            && word.as_bytes()[0] == want.as_bytes()[0]
            && near::edit_distance(word, want) == 1
            && (bound || self.rarer(word, want))
        {
            return Some(Change::Misspelling);
        }
        // A word added to a name's word (`Court` + `room`); a derivation of a common
        // word (`marketplace`, `storyline`, `programmes`) is ordinary English.
        // Not a closed form of a phrase of its own (`healthcare` of `health care`, in
        // `mental healthcare`).
        let added = word.strip_prefix(want).unwrap_or("");
        if self.wants(Change::Longer)
            && (name || bound)
            && added.len() >= 3
            && self.freq.zipf(added).is_some_and(|z| z >= 3.5)
            && !self
                .phrases
                .exact
                .contains(format!("{want} {added}").as_str())
        {
            return Some(Change::Longer);
        }
        None
    }

    /// Whether `word` is no listed word, or one much rarer than `want`.
    fn rarer(&self, word: &str, want: &str) -> bool {
        match self.freq.zipf(word) {
            None => true,
            Some(z) => self.freq.zipf(want).unwrap_or(0.0) - z >= self.config.rare_gap,
        }
    }

    /// The phrase a word not in the word list is two words of, run together
    /// (`stockmarket`).
    fn joined(&self, word: &str, shape: Shape, first: bool) -> Option<String> {
        if !self.wants(Change::Joined)
            || word.len() < 7
            || !(shape == Shape::Lower || (first && shape == Shape::Capitalised))
            || self.freq.zipf(word).is_some()
            || self.phrases.exact.contains(word)
        {
            return None;
        }
        let c = &*self.phrases;
        (3..=word.len() - 3).find_map(|k| {
            let (a, b) = word.split_at(k);
            let p = *c.by_first.get(a)?.iter().find(|&&p| c.words[p][1] == b)?;
            let shown = &c.shown[p];
            (c.count[p] >= self.config.min_count && shown.chars().all(|ch| !ch.is_uppercase()))
                .then(|| {
                    if shape == Shape::Capitalised {
                        capitalise(shown)
                    } else {
                        shown.to_string()
                    }
                })
        })
    }

    fn report(&self, doc: &Document, hit: Hit, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        let unit = Units::new(doc)
            .containing(self.meta.scope, &hit.span)
            .unwrap_or(hit.span.clone());
        if self.meta.excused(&text[hit.span.clone()], &text[unit]) {
            return;
        }
        let reason = hit.change.reason();
        out.push(
            self.meta
                .diagnostic(doc, hit.span, Some(hit.suggestion), |v| {
                    (v == "reason").then_some(Cow::Borrowed(reason))
                }),
        );
    }
}

/// Whether `word` (`lower`, lowercase) names a person or an organisation when it is
/// not a sentence's first word: capitalised (`Reuters`) or an acronym (`AFP`), and
/// neither a month nor a weekday (`On Monday new rules...`).
fn names_a_party(word: &str, lower: &str) -> bool {
    let acronym = word.len() >= 2 && word.bytes().all(|b| b.is_ascii_uppercase());
    (shape(word) == Shape::Capitalised || acronym) && !crate::text::calendar::is_calendar(lower)
}

/// Whether words of `shapes` may stand for the phrase as `shown`: a capitalised
/// word of the phrase (`Supreme Court`) is capitalised in the text; a lowercase one
/// is lowercase, or both words are capitalised (a headline), or it opens the sentence.
fn case_fits(shown: &str, shapes: [Shape; 2], first: bool) -> bool {
    let headline = shapes == [Shape::Capitalised; 2];
    shown.split(' ').zip(shapes).enumerate().all(|(k, (w, s))| {
        if crate::text::starts_upper(w) {
            s == Shape::Capitalised
        } else {
            s == Shape::Lower || headline || (k == 0 && first)
        }
    })
}

/// `lower[i] lower[i + 1]` in `buf`.
/// `word` with ASCII capitals lowered, borrowed when it has none (most words).
fn ascii_lowercase(word: &str) -> Cow<'_, str> {
    if word.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(word.to_ascii_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

fn pair_key<'b>(buf: &'b mut String, lower: &[Cow<str>], i: usize) -> &'b str {
    buf.clear();
    buf.push_str(&lower[i]);
    buf.push(' ');
    buf.push_str(&lower[i + 1]);
    buf
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use crate::rules::{LoadOptions, Origin, RuleSet, RuleSources};
    use crate::text::Document;

    /// The built-in phrase file with default settings: (flagged text, suggestion).
    fn flagged(text: &str) -> Vec<(String, String)> {
        flagged_with(text, "")
    }

    fn flagged_with(text: &str, settings: &str) -> Vec<(String, String)> {
        let mut sources = RuleSources::new();
        sources.add_text(
            "test.toml",
            format!("[[rule]]\nid = \"mangled.t\"\nkind = \"collocation\"\ncategory = \"mangled\"\nmessage = \"{{match}} {{reason}}\"\nphrases = \"data/collocations-en.tsv\"\nwords = \"data/wordfreq-en.tsv\"\nmin-count = 6400000\n{settings}"),
            Origin::File("no-such-dir/test.toml".into()),
        );
        let rules = RuleSet::load(&sources, &LoadOptions::default()).unwrap();
        let doc = Document::from_text(text);
        crate::engine::check_text(&rules, text)
            .iter()
            .map(|d| {
                (
                    doc.slice(&d.span).to_owned(),
                    d.suggestion.clone().unwrap_or_default(),
                )
            })
            .collect()
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn a_changed_word_of_a_common_phrase() {
        assert_eq!(
            flagged("The Supreme Courtroom ruled on Monday."),
            pairs(&[("Supreme Courtroom", "Supreme Court")])
        );
        // not a word at all, or a word the other is bound to (`Kong` of `Hong Kong`)
        assert_eq!(
            flagged("Prices on the real estata market rose."),
            pairs(&[("real estata", "real estate")])
        );
        assert_eq!(
            flagged("He moved to Hong Kang last year."),
            pairs(&[("Hong Kang", "Hong Kong")])
        );
    }

    #[test]
    fn a_word_clipped_after_a_name() {
        for (text, found) in [
            (
                "Officials confirmed it to the Kyodo new agency on Sunday.",
                ("new agency", "news agency"),
            ),
            (
                "Speaking at a NASA new conference, she said the launch would slip.",
                ("new conference", "news conference"),
            ),
        ] {
            assert_eq!(flagged(text), pairs(&[found]), "{text}");
        }
        for silent in [
            "The council said a new agency would be created.",
            "Kyodo new agency staff were hired.",
            "Rules changed on Monday new conference rules took effect.",
            "Acme Unveils New Service Plans",
            "Officials confirmed it to Kyodo's new agency.",
        ] {
            assert_eq!(flagged(silent), pairs(&[]), "{silent}");
        }
    }

    #[test]
    fn a_word_swapped_for_a_synonym_only_on_request() {
        // `New` is bound to `York`; `Virgin` is a WordNet synonym of `new`
        let text = "She flew to Virgin York on Monday.";
        assert_eq!(flagged(text), pairs(&[]));
        assert_eq!(
            flagged_with(text, "changes = [\"related\"]\n"),
            pairs(&[("Virgin York", "New York")])
        );
    }

    #[test]
    fn compounds_split_or_joined() {
        assert_eq!(
            flagged("The chair man of the board resigned."),
            pairs(&[("chair man", "chairman")])
        );
        assert_eq!(
            flagged("He was a news paper editor."),
            pairs(&[("news paper", "newspaper")])
        );
        assert_eq!(
            flagged("They found a nuclearweapon."),
            pairs(&[("nuclearweapon", "nuclear weapon")])
        );
    }

    #[test]
    fn common_english_is_silent() {
        for text in [
            "Shares fell on the stock market today. A stock marketplace opened.",
            "He took a grocery shop job at the fiscal year end.",
            "Drivers park in the Market Street car park; the street car park is full.",
            "The report ranks access to mental healthcare in every state.",
            "The police officials and the police officer met.",
            "The Supreme Court and the supreme courts of the states.",
            "Interest rates rose. The chairman spoke about health care and the web site.",
            "A stock market is a market.",
        ] {
            assert_eq!(flagged(text), pairs(&[]), "{text}");
        }
    }

    #[test]
    fn a_misspelling_that_fits_the_topic_is_the_writers_word() {
        let vectors = "vectors = \"data/vectors-en.bin\"\n";
        let kitchen = "Preheat the oven and grease a baking tin. Keep the oven door shut while the bread bakes, then cool the loaf on a rack before slicing.";
        assert_eq!(
            flagged(kitchen),
            pairs(&[("oven door", "open door")]),
            "without vectors the rule reads spelling alone"
        );
        assert_eq!(flagged_with(kitchen, vectors), pairs(&[]));
        // A word that does not fit the article is still a misspelling.
        let markets = "Investors poured big monkey into bank shares as the stock index rose, and traders expect interest rates to fall before the end of the quarter.";
        assert_eq!(
            flagged_with(markets, vectors),
            pairs(&[("big monkey", "big money")])
        );
    }

    #[test]
    fn case_must_fit_the_phrase() {
        // `Supreme Court` is a name: the lowercase pair is not near it.
        assert_eq!(flagged("The supreme courtroom ruled."), pairs(&[]));
        // Capitals and odd case are never compared.
        assert_eq!(flagged("THE STOCK MARKETPLACE FELL."), pairs(&[]));
    }
}
