//! Statistics over every document of a run, gathered in a first pass.
//!
//! Some problems only show across files: a line that recurs in many articles of a site
//! is boilerplate whatever it says. Only what enabled rules ask for is gathered, and
//! lines are kept as 64-bit hashes so memory stays bounded on large corpora.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::ops::Range;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::hash::{FastMap, FastSet};
use crate::text::Document;
use crate::text::names;

mod counter;

pub use counter::{HashedCounter, NO_TAG, SLOT_BYTES, WAYS};

/// How much memory the statistics tables may take; statistics merge only with
/// statistics of the same capacity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatsCapacity {
    /// Megabytes for all tables together.
    pub mb: usize,
}

impl StatsCapacity {
    /// The default: enough that the repository's sets and a generated corpus of 10,000
    /// articles lose no finding (50,000 lose 17 of 357,000; docs/corpus.md).
    pub const DEFAULT_MB: usize = 32;

    pub fn from_mb(mb: usize) -> Self {
        StatsCapacity { mb: mb.max(1) }
    }
}

impl Default for StatsCapacity {
    fn default() -> Self {
        Self::from_mb(Self::DEFAULT_MB)
    }
}

/// Statistics that cannot be read back or combined.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CorpusError {
    #[error("invalid corpus statistics: {0}")]
    Decode(String),
}

/// What a first pass must gather.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CorpusNeeds {
    /// How many files carry each normalised line.
    pub line_counts: bool,
    /// How many files use each lowercase word.
    pub term_counts: bool,
    /// How many files use each run of capitalised words (names).
    pub names: bool,
}

impl CorpusNeeds {
    pub fn union(self, other: CorpusNeeds) -> CorpusNeeds {
        CorpusNeeds {
            line_counts: self.line_counts || other.line_counts,
            term_counts: self.term_counts || other.term_counts,
            names: self.names || other.names,
        }
    }

    pub fn any(self) -> bool {
        self.line_counts || self.term_counts || self.names
    }
}

/// Counts over the documents of a run, in tables of a fixed size (see
/// [`StatsCapacity`]). Empty when checking one document.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct CorpusStats {
    documents: u32,
    capacity: Option<StatsCapacity>,
    /// Files per normalised line hash, tagged with the first file (into `sources`).
    line_files: HashedCounter,
    /// Files per lowercase word (hashed).
    term_files: HashedCounter,
    names: NameForms,
    sources: Sources,
}

/// Bits of a line entry's tag that index its file in [`Sources`]; the rest hold the
/// line's fit in that file.
const SOURCE_BITS: u32 = 24;
const SOURCE_MASK: u32 = (1 << SOURCE_BITS) - 1;

/// A line entry's tag: the carrying file's index and the line's fit in it.
fn carrier_tag(source: u32, fit: u8) -> u32 {
    if source >= SOURCE_MASK {
        return NO_TAG;
    }
    (u32::from(fit.min(NO_FIT)) << SOURCE_BITS) | source
}

/// The file index (`SOURCE_MASK` or more: none) and fit of a line entry's tag.
fn carrier(tag: u32) -> (u32, u8) {
    (tag & SOURCE_MASK, (tag >> SOURCE_BITS) as u8)
}

/// Document ids that line entries point to, up to a byte budget.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct Sources {
    ids: Vec<Box<str>>,
    bytes: usize,
    budget: usize,
}

impl Sources {
    /// The index of `id`, appended if the budget allows.
    fn push(&mut self, id: &str) -> u32 {
        let cost = id.len() + std::mem::size_of::<Box<str>>();
        if id.is_empty()
            || self.bytes + cost > self.budget
            || self.ids.len() >= SOURCE_MASK as usize
        {
            return NO_TAG;
        }
        self.bytes += cost;
        self.ids.push(id.into());
        (self.ids.len() - 1) as u32
    }

    fn get(&self, tag: u32) -> Option<&str> {
        self.ids.get(tag as usize).map(|s| &**s)
    }
}

/// Bytes a name form costs on average: the string, its index entry and its block
/// keys (measured on the repository's sets).
const NAME_FORM_BYTES: usize = 256;

/// Runs of two or more capitalised words ([`names::name_runs`]) and how many files use
/// each, found by [`names::block_keys`] so a rule can look up near spellings.
///
/// At most `max_forms` forms are kept: when full, the less frequent half is dropped
/// (keeping the order of the rest), so the frequent forms stay and their counts are
/// exact; a dropped form seen again starts over, so counts never exceed the truth.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(from = "StoredForms", into = "StoredForms")]
pub struct NameForms {
    forms: Vec<(Box<str>, u32)>,
    index: HashMap<Box<str>, u32>,
    blocks: HashMap<Box<str>, Vec<u32>>,
    max_forms: usize,
    evicted: u64,
}

#[derive(Serialize, Deserialize)]
struct StoredForms {
    max_forms: usize,
    evicted: u64,
    forms: Vec<(Box<str>, u32)>,
}

impl From<NameForms> for StoredForms {
    fn from(n: NameForms) -> Self {
        StoredForms {
            max_forms: n.max_forms,
            evicted: n.evicted,
            forms: n.forms,
        }
    }
}

impl From<StoredForms> for NameForms {
    fn from(s: StoredForms) -> Self {
        let mut n = NameForms::with_max(s.max_forms);
        n.evicted = s.evicted;
        for (form, count) in s.forms {
            n.add(&form, count);
        }
        n
    }
}

impl NameForms {
    fn with_max(max_forms: usize) -> Self {
        NameForms {
            max_forms,
            ..NameForms::default()
        }
    }

    fn add(&mut self, form: &str, files: u32) {
        if let Some(&i) = self.index.get(form) {
            self.forms[i as usize].1 += files;
            return;
        }
        if self.max_forms == 0 {
            return;
        }
        if self.forms.len() >= self.max_forms {
            self.drop_rare_half();
        }
        self.insert(form.into(), files);
    }

    fn insert(&mut self, form: Box<str>, files: u32) {
        let i = self.forms.len() as u32;
        for key in names::block_keys(&names::form_words(&form)) {
            self.blocks.entry(key.into_boxed_str()).or_default().push(i);
        }
        self.index.insert(form.clone(), i);
        self.forms.push((form, files));
    }

    /// Keeps the more frequent half of the forms (earlier ones on ties), in order.
    fn drop_rare_half(&mut self) {
        let mut order: Vec<usize> = (0..self.forms.len()).collect();
        order.sort_by_key(|&i| (std::cmp::Reverse(self.forms[i].1), i));
        let mut keep = vec![false; self.forms.len()];
        for &i in order.iter().take(self.max_forms / 2) {
            keep[i] = true;
        }
        let forms = std::mem::take(&mut self.forms);
        self.index.clear();
        self.blocks.clear();
        for ((form, n), keep) in forms.into_iter().zip(keep) {
            if keep {
                self.insert(form, n);
            } else {
                self.evicted += 1;
            }
        }
    }

    /// Forms sharing a block key with `words` (a name's words), with their file counts.
    pub fn near(&self, words: &[&str]) -> Vec<(&str, u32)> {
        let mut ids: Vec<u32> = names::lookup_keys(words)
            .iter()
            .filter_map(|k| self.blocks.get(k.as_str()))
            .flatten()
            .copied()
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids.into_iter()
            .map(|i| {
                let (form, n) = &self.forms[i as usize];
                (&**form, *n)
            })
            .collect()
    }

    /// Forms dropped to stay within the bound (0: every count is exact).
    pub fn evicted(&self) -> u64 {
        self.evicted
    }
}

/// What one document adds to the statistics: its distinct line hashes, lowercase words
/// and name runs. Made on worker threads; adding it to the tables is cheap.
#[derive(Debug, Clone, Default)]
pub struct Observation {
    /// Line hashes and how well each line fits the document ([`fits`]).
    lines: Vec<(u64, u8)>,
    terms: Vec<String>,
    names: Vec<String>,
}

impl Observation {
    pub fn of(doc: &Document, needs: CorpusNeeds) -> Self {
        let mut o = Observation::default();
        if needs.line_counts {
            let spans: Vec<Range<usize>> = doc.nonblank_lines().map(|(_, r)| r).collect();
            let fits = fits(doc, &spans);
            let mut seen = FastSet::default();
            o.lines = spans
                .iter()
                .zip(fits)
                .map(|(r, fit)| (line_hash(&normalize_line(doc.slice(r))), fit))
                .filter(|(h, _)| seen.insert(*h))
                .collect();
            o.lines.sort_unstable();
        }
        if needs.term_counts {
            let terms: FastSet<std::borrow::Cow<'_, str>> = doc
                .words()
                .iter()
                .map(|r| crate::text::lowercase(doc.slice(r)))
                .collect();
            o.terms = terms
                .into_iter()
                .map(std::borrow::Cow::into_owned)
                .collect();
            o.terms.sort_unstable();
        }
        if needs.names {
            let runs: FastSet<&str> = names::name_runs(doc)
                .iter()
                .filter(|r| r.words.len() >= 2)
                .map(|r| doc.slice(&r.range()))
                .collect();
            o.names = runs.into_iter().map(str::to_owned).collect();
            o.names.sort_unstable();
        }
        o
    }
}

/// The fit that means "no word to judge by".
pub const NO_FIT: u8 = 254;

/// How well each span (a line or paragraph) belongs to its document, in words: the
/// share, from 0 to 253, of the span's distinct words of four or more letters that
/// the document uses outside the span too ([`NO_FIT`] when it has none). A paragraph
/// carried by two files is at home in the one where it fits better: its words recur
/// there.
pub fn fits(doc: &Document, spans: &[Range<usize>]) -> Vec<u8> {
    let blocks: Vec<(Range<usize>, Range<usize>)> =
        spans.iter().map(|s| (s.clone(), s.clone())).collect();
    fits_apart(doc, &blocks)
}

/// [`fits`] of each `(span, block)`, where only words outside `block` (which holds
/// `span`) count as recurring: a paragraph spliced in with its own headline is judged
/// without the headline it brought along.
pub fn fits_apart(doc: &Document, blocks: &[(Range<usize>, Range<usize>)]) -> Vec<u8> {
    // A capital on a sentence's first word says nothing of a name.
    let mut opening = vec![false; doc.words().len()];
    for s in doc.sentences() {
        if let Some(first) = opening.get_mut(s.words.start) {
            *first = true;
        }
    }
    // Each distinct lowercase word once, by id.
    let mut ids: FastMap<std::borrow::Cow<'_, str>, u32> = FastMap::default();
    let mut total: Vec<u32> = Vec::new();
    let words: Vec<(usize, u32, bool)> = doc
        .words()
        .iter()
        .zip(opening)
        .map(|(r, opens)| (r.start, doc.slice(r), opens))
        .filter(|(_, w, _)| letters(w) >= 4)
        .map(|(start, w, opens)| {
            let name = !opens && w.starts_with(char::is_uppercase);
            let next = ids.len() as u32;
            let id = *ids.entry(crate::text::lowercase(w)).or_insert(next);
            if id == next {
                total.push(0);
            }
            total[id as usize] += 1;
            (start, id, name)
        })
        .collect();
    blocks
        .iter()
        .map(|(span, block)| {
            let inside = counts_in(&words, span);
            if inside.is_empty() {
                return NO_FIT;
            }
            let held = (block != span).then(|| counts_in(&words, block));
            let (mut recurring, mut all) = (0, 0);
            for &(id, n, name) in &inside {
                let weight = if name { NAME_WEIGHT } else { 1 };
                all += weight;
                let held_n = held.as_ref().map_or(n, |b| {
                    let at = b.binary_search_by_key(&id, |e| e.0);
                    b[at.expect("the block holds the span")].1
                });
                if total[id as usize] > held_n {
                    recurring += weight;
                }
            }
            (recurring * usize::from(NO_FIT - 1) / all) as u8
        })
        .collect()
}

/// Letters in a word.
fn letters(word: &str) -> usize {
    if word.is_ascii() {
        word.bytes().filter(u8::is_ascii_alphabetic).count()
    } else {
        word.chars().filter(|c| c.is_alphabetic()).count()
    }
}

/// Per distinct word id of `range` (`words` are `(start, id, name)` in text order):
/// how often it occurs there, and whether it is written as a name somewhere inside;
/// sorted by id.
fn counts_in(words: &[(usize, u32, bool)], range: &Range<usize>) -> Vec<(u32, u32, bool)> {
    let from = words.partition_point(|(start, _, _)| *start < range.start);
    let to = words.partition_point(|(start, _, _)| *start < range.end);
    let mut ids: Vec<(u32, bool)> = words[from..to]
        .iter()
        .map(|&(_, id, name)| (id, name))
        .collect();
    ids.sort_unstable();
    let mut out: Vec<(u32, u32, bool)> = Vec::with_capacity(ids.len());
    for (id, name) in ids {
        match out.last_mut() {
            Some(last) if last.0 == id => {
                last.1 += 1;
                last.2 |= name;
            }
            _ => out.push((id, 1, name)),
        }
    }
    out
}

/// How much more a name (a capitalised word inside a sentence) tells of where a
/// paragraph belongs than another word: two stories of one kind share their
/// vocabulary (`innings`, `budget`), not their people and places.
const NAME_WEIGHT: usize = 4;

/// A line reduced to what identifies it across pages: lowercase, digits and runs of
/// whitespace folded, so "Updated 5 hours ago" and "updated 12 hours ago" are one line.
pub fn normalize_line(line: &str) -> String {
    // Every line passes here several times (the statistics, the line model, the
    // repeated and duplicate checks); most are ASCII, which needs no char decoding.
    if line.is_ascii() {
        return normalize_ascii_line(line.as_bytes());
    }
    normalize_any_line(line)
}

/// [`normalize_line`] of an ASCII line, byte by byte.
fn normalize_ascii_line(line: &[u8]) -> String {
    let mut out = Vec::with_capacity(line.len());
    let mut space = false;
    // `char::is_whitespace` on ASCII: tab, line feed, vertical tab, form feed, carriage
    // return and space.
    // Blanks at either end add nothing (a space is written only between words), so
    // the line needs no trimming first.
    let blank = |b: u8| matches!(b, b'\t'..=b'\r' | b' ');
    for &b in line {
        if blank(b) {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(b' ');
        }
        space = false;
        if b.is_ascii_digit() {
            if out.last() != Some(&b'#') {
                out.push(b'#');
            }
        } else {
            out.push(b.to_ascii_lowercase());
        }
    }
    String::from_utf8(out).expect("ASCII in, ASCII out")
}

/// [`normalize_line`] of any line.
fn normalize_any_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut space = false;
    for c in line.trim().chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        if c.is_numeric() {
            if !out.ends_with('#') {
                out.push('#');
            }
        } else if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// Every non-blank line of one document normalised and hashed, on first use: the line
/// classifier and the repeated and duplicate lines each looked every line up in the
/// run's statistics, and normalised it again for each look-up.
#[derive(Debug, Default)]
pub struct LineKeys {
    /// The document they were made for (its address), and its lines' keys in order.
    made: OnceLock<(usize, Vec<LineKey>)>,
}

/// A line's [`normalize_line`] form and its [`line_hash`].
#[derive(Debug, Clone)]
pub struct LineKey {
    span: Range<usize>,
    pub normal: String,
    hash: u64,
}

impl LineKey {
    fn of(doc: &Document, span: &Range<usize>) -> Self {
        let normal = normalize_line(doc.slice(span));
        LineKey {
            span: span.clone(),
            hash: line_hash(&normal),
            normal,
        }
    }
}

impl LineKeys {
    /// The key of `span`, a span of [`Document::nonblank_lines`]: from the table made
    /// for `doc` on first use (any other span, or another document, is keyed afresh).
    pub fn of<'k>(&'k self, doc: &Document, span: &Range<usize>) -> Cow<'k, LineKey> {
        let id = std::ptr::from_ref(doc) as usize;
        let (made_for, keys) = self.made.get_or_init(|| {
            let keys = doc
                .nonblank_lines()
                .map(|(_, span)| LineKey::of(doc, &span))
                .collect();
            (id, keys)
        });
        if *made_for == id {
            if let Ok(i) = keys.binary_search_by_key(&span.start, |k| k.span.start) {
                if keys[i].span == *span {
                    return Cow::Borrowed(&keys[i]);
                }
            }
        }
        Cow::Owned(LineKey::of(doc, span))
    }
}

/// Stable 64-bit hash of a normalised line.
pub fn line_hash(normalized: &str) -> u64 {
    let mut h = DefaultHasher::new();
    normalized.hash(&mut h);
    h.finish()
}

impl CorpusStats {
    /// Empty statistics whose tables take at most `capacity` (allocated on first use).
    pub fn with_capacity(capacity: StatsCapacity) -> Self {
        let bytes = capacity.mb << 20;
        CorpusStats {
            documents: 0,
            capacity: Some(capacity),
            line_files: HashedCounter::with_bytes(bytes / 8 * 3),
            term_files: HashedCounter::with_bytes(bytes / 8 * 2),
            names: NameForms::with_max(bytes / 8 * 2 / NAME_FORM_BYTES),
            sources: Sources {
                budget: bytes / 8,
                ..Sources::default()
            },
        }
    }

    /// The capacity these statistics were made with (the default for empty ones).
    pub fn capacity(&self) -> StatsCapacity {
        self.capacity.unwrap_or_default()
    }

    /// Adds one document, `id` naming it (a path or record id).
    pub fn observe_from(&mut self, doc: &Document, needs: CorpusNeeds, id: &str) {
        self.add(Observation::of(doc, needs), id);
    }

    /// Adds one document.
    pub fn observe(&mut self, doc: &Document, needs: CorpusNeeds) {
        self.observe_from(doc, needs, "");
    }

    /// Tables are sized when first used, so `default()` statistics still count.
    fn ensure_tables(&mut self) {
        if self.capacity.is_none() {
            let documents = self.documents;
            *self = CorpusStats::with_capacity(StatsCapacity::default());
            self.documents = documents;
        }
    }

    /// Adds what one document contributes, `id` naming it (its index is kept with the
    /// lines it is the first to carry).
    pub fn add(&mut self, observation: Observation, id: &str) {
        self.ensure_tables();
        self.documents += 1;
        let mut source = None;
        for (h, fit) in observation.lines {
            // The first two files of a line are named, with how well the line fits
            // each (a file can then name the other whichever came first); later ones
            // only count.
            let named = self.line_files.get(h).0 == 0 || self.line_files.tags(h)[1] == NO_TAG;
            let tag = if named {
                carrier_tag(*source.get_or_insert_with(|| self.sources.push(id)), fit)
            } else {
                NO_TAG
            };
            self.line_files.add(h, 1, tag);
        }
        for t in observation.terms {
            self.term_files.add(line_hash(&t), 1, NO_TAG);
        }
        for run in &observation.names {
            self.names.add(run, 1);
        }
    }

    /// A compact byte form (the occupied entries only), read back by
    /// [`CorpusStats::from_bytes`].
    pub fn to_bytes(&self) -> Vec<u8> {
        serde_json::to_vec(self).unwrap_or_default()
    }

    /// Reads statistics written by [`CorpusStats::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, CorpusError> {
        serde_json::from_slice(bytes).map_err(|e| CorpusError::Decode(e.to_string()))
    }

    /// Combines the counts of two disjoint sets of documents (`self` first: its
    /// documents stay the first carriers of their lines).
    pub fn merge(mut self, other: CorpusStats) -> CorpusStats {
        if other.documents == 0 {
            return self;
        }
        if self.documents == 0 {
            return other;
        }
        self.documents += other.documents;
        let remap: Vec<u32> = other
            .sources
            .ids
            .iter()
            .map(|id| self.sources.push(id))
            .collect();
        self.line_files.merge(&other.line_files, |t| {
            let (source, fit) = carrier(t);
            carrier_tag(remap.get(source as usize).copied().unwrap_or(NO_TAG), fit)
        });
        self.term_files.merge(&other.term_files, |t| t);
        for (form, n) in &other.names.forms {
            self.names.add(form, *n);
        }
        self.names.evicted += other.names.evicted;
        self
    }

    /// Documents seen in the first pass (0 when there was none).
    pub fn documents(&self) -> u32 {
        self.documents
    }

    /// Files carrying this line (normalised), 0 when unknown.
    pub fn files_with_line(&self, line: &str) -> u32 {
        self.line_files.get(line_hash(&normalize_line(line))).0
    }

    /// [`CorpusStats::files_with_line`] of a keyed line.
    pub fn files_with_key(&self, key: &LineKey) -> u32 {
        self.line_files.get(key.hash).0
    }

    /// A document other than `me` carrying this line (normalised), with how well the
    /// line fits it ([`fits`]): the first one seen, or the second when `me` was the
    /// first; `None` when no other id was kept.
    pub fn other_file_with_line(&self, line: &str, me: &str) -> Option<(&str, u8)> {
        self.other_file_with_hash(line_hash(&normalize_line(line)), me)
    }

    /// [`CorpusStats::other_file_with_line`] of a keyed line.
    pub fn other_file_with_key(&self, key: &LineKey, me: &str) -> Option<(&str, u8)> {
        self.other_file_with_hash(key.hash, me)
    }

    fn other_file_with_hash(&self, hash: u64, me: &str) -> Option<(&str, u8)> {
        self.line_files
            .tags(hash)
            .into_iter()
            .filter_map(|tag| {
                let (source, fit) = carrier(tag);
                Some((self.sources.get(source)?, fit))
            })
            .find(|(id, _)| *id != me)
    }

    /// Name forms seen in the first pass (empty when there was none).
    pub fn names(&self) -> &NameForms {
        &self.names
    }

    /// Files using this lowercase word, 0 when unknown.
    pub fn files_with_term(&self, term: &str) -> u32 {
        self.term_files.get(line_hash(term)).0
    }

    /// Entries dropped to stay within the capacity, per table (lines, terms, names):
    /// all 0 means every count is exact.
    pub fn evicted(&self) -> (u64, u64, u64) {
        (
            self.line_files.evicted(),
            self.term_files.evicted(),
            self.names.evicted(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keyed_lines_look_up_as_the_lines_themselves() {
        let doc = Document::from_text(
            "Title\n\n  Updated 5 hours ago  \nCaf\u{e9} \u{201c}x\u{201d}\t12\n",
        );
        let other = Document::from_text("Updated 5 hours ago\n");
        let keys = LineKeys::default();
        for d in [&doc, &other, &doc] {
            for (_, span) in d.nonblank_lines() {
                let key = keys.of(d, &span);
                assert_eq!(key.normal, normalize_line(d.slice(&span)));
                assert_eq!(key.hash, line_hash(&key.normal));
            }
        }
        assert!(matches!(keys.of(&doc, &(0..5)), Cow::Borrowed(_)));
        assert!(matches!(keys.of(&other, &(0..19)), Cow::Owned(_)));
    }

    #[test]
    fn normalisation_folds_case_digits_and_space() {
        assert_eq!(
            normalize_line("  Updated 5 hours   ago "),
            "updated # hours ago"
        );
        assert_eq!(
            normalize_line("UPDATED 12 hours ago"),
            "updated # hours ago"
        );
    }

    #[test]
    fn ascii_lines_normalise_as_by_the_general_path() {
        let mut lines: Vec<String> = [
            "",
            " \t\x0b\x0c\r ",
            "\x0bLead\x0b and\x0ctrail\x0b",
            "#5 and 12#3, 4 5",
            "Page 1 of 20 | NEXT >>",
        ]
        .map(str::to_owned)
        .to_vec();
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/corpus/articles");
        for file in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(file.unwrap().path()).unwrap();
            lines.extend(text.lines().filter(|l| l.is_ascii()).map(str::to_owned));
        }
        assert!(lines.len() > 1000, "{} lines", lines.len());
        for line in &lines {
            assert_eq!(
                normalize_ascii_line(line.as_bytes()),
                normalize_any_line(line),
                "{line:?}"
            );
        }
        assert_eq!(normalize_line("\x0bA  1\x0c2 b\t"), "a # # b");
    }

    #[test]
    fn a_spliced_paragraph_is_judged_without_the_headline_it_brought() {
        let doc = Document::from_text(
            "Harbour pilots strike over staffing\n\
             Harbour pilots walked out on Monday over boat staffing.\n\
             Glacier retreat speeds up in the Alps\n\
             Researchers measured glacier retreat across forty valleys.\n",
        );
        let lines: Vec<_> = doc.nonblank_lines().map(|(_, r)| r).collect();
        let alone = fits(&doc, &lines[3..4])[0];
        let apart = fits_apart(&doc, &[(lines[3].clone(), lines[2].start..lines[3].end)])[0];
        assert!(alone > 0, "its headline repeats `glacier` and `retreat`");
        assert_eq!(
            apart, 0,
            "nothing outside the headline and paragraph repeats them"
        );
    }

    #[test]
    fn names_weigh_more_in_a_fit() {
        // `Perera` recurs, `innings` does not: the name outweighs the word.
        let doc = Document::from_text(
            "Later that day Perera batted through the innings.\nThe crowd cheered Perera.\n",
        );
        let lines: Vec<_> = doc.nonblank_lines().map(|(_, r)| r).collect();
        let fit = fits(&doc, &lines[..1])[0];
        // later, that, batted, through, innings: 1 each; Perera: NAME_WEIGHT.
        let expected = NAME_WEIGHT * usize::from(NO_FIT - 1) / (NAME_WEIGHT + 5);
        assert_eq!(usize::from(fit), expected);
    }

    #[test]
    fn a_line_fits_where_its_words_recur() {
        let doc = Document::from_text(
            "The harbour pilots voted to strike over pilot boat staffing.\n\
             Harbour pilots guide container ships through the narrow channel.\n\
             Tennis champion lifts trophy in Melbourne.\n\
             a b c\n",
        );
        let spans: Vec<_> = doc.nonblank_lines().map(|(_, r)| r).collect();
        let fits = fits(&doc, &spans);
        assert!(fits[0] > 0 && fits[1] > 0, "{fits:?}");
        assert_eq!(fits[2], 0, "no word of the tennis line recurs");
        assert_eq!(fits[3], NO_FIT, "no word to judge by");
        assert!(fits.iter().all(|&f| f <= NO_FIT));
    }

    #[test]
    fn counts_files_not_occurrences() {
        let needs = CorpusNeeds {
            line_counts: true,
            term_counts: true,
            names: true,
        };
        let mut a = CorpusStats::default();
        a.observe(&Document::from_text("Share this\nShare this\nBody"), needs);
        let mut b = CorpusStats::default();
        b.observe(&Document::from_text("share THIS\nOther"), needs);
        let all = a.merge(b);
        assert_eq!(all.documents(), 2);
        assert_eq!(all.files_with_line("Share this"), 2);
        assert_eq!(all.files_with_line("Body"), 1);
        assert_eq!(all.files_with_term("share"), 2);
    }

    #[test]
    fn lines_remember_their_first_two_files_in_one_table_across_merges_and_bytes() {
        let needs = CorpusNeeds {
            line_counts: true,
            ..CorpusNeeds::default()
        };
        let capacity = StatsCapacity::from_mb(1);
        let mut a = CorpusStats::with_capacity(capacity);
        a.observe_from(&Document::from_text("Share this\nBody a"), needs, "a.txt");
        let mut b = CorpusStats::with_capacity(capacity);
        b.observe_from(&Document::from_text("Share this\nBody b"), needs, "b.txt");
        let all = CorpusStats::from_bytes(&a.merge(b).to_bytes()).unwrap();
        assert_eq!(all.files_with_line("share this"), 2);
        let other = |line, me| all.other_file_with_line(line, me).map(|(file, _)| file);
        assert_eq!(other("Body b", "a.txt"), Some("b.txt"));
        assert_eq!(other("Nowhere", "a.txt"), None);
        assert_eq!(other("Share this", "a.txt"), Some("b.txt"));
        assert_eq!(other("Share this", "b.txt"), Some("a.txt"));
        assert_eq!(other("Body b", "b.txt"), None);
        assert_eq!(
            all.other_file_with_line("Share this", "b.txt"),
            Some(("a.txt", 0))
        );
        assert_eq!(all.evicted(), (0, 0, 0));
        assert!(CorpusStats::from_bytes(b"{").is_err());
        // One table, the files observed in turn: the third is counted, not named.
        let mut one = CorpusStats::with_capacity(capacity);
        for (id, text) in [
            ("a", "Share this\nA"),
            ("b", "Share this\nShare widely"),
            ("c", "Share this"),
        ] {
            one.observe_from(&Document::from_text(text), needs, id);
        }
        assert_eq!(one.files_with_line("Share this"), 3);
        let other = |line, me| one.other_file_with_line(line, me).map(|(file, _)| file);
        assert_eq!(other("Share this", "a"), Some("b"));
        assert_eq!(other("Share this", "b"), Some("a"));
        assert_eq!(other("Share this", "c"), Some("a"));
        // Half the words of the line recur in b, none in a.
        assert_eq!(
            one.other_file_with_line("Share this", "a"),
            Some(("b", (NO_FIT - 1) / 2))
        );
        assert_eq!(one.other_file_with_line("Share this", "b"), Some(("a", 0)));
    }

    #[test]
    fn memory_is_bounded_and_frequent_entries_survive() {
        let needs = CorpusNeeds {
            line_counts: true,
            term_counts: true,
            names: true,
        };
        let mut stats = CorpusStats::with_capacity(StatsCapacity::from_mb(1));
        for i in 0..3000 {
            let text = format!(
                "Share this story\nLine {i} of word{i} said Alpha Beta{i} and Carla Mendes.\n"
            );
            stats.observe_from(&Document::from_text(&text), needs, &format!("doc-{i}"));
        }
        let (lines, terms, names) = stats.evicted();
        assert!(
            lines > 0 || terms > 0 || names > 0,
            "1 MB is too small for this"
        );
        assert_eq!(stats.files_with_line("Share this story"), 3000);
        assert_eq!(stats.files_with_term("share"), 3000);
        let near = stats.names().near(&["Carla", "Mendes"]);
        assert!(near.contains(&("Carla Mendes", 3000)), "{near:?}");
        assert!(stats.names().forms.len() <= stats.names().max_forms);
        assert!(stats.sources.bytes <= stats.sources.budget);
    }

    #[test]
    fn name_forms_are_found_by_near_spellings() {
        let needs = CorpusNeeds {
            names: true,
            ..CorpusNeeds::default()
        };
        let mut a = CorpusStats::default();
        a.observe(
            &Document::from_text("It was Adel Salam-Qureshi. Then Adel Salam-Qureshi left."),
            needs,
        );
        let mut b = CorpusStats::default();
        b.observe(&Document::from_text("Adel Salam-Qureshi spoke."), needs);
        let all = a.merge(b);
        let mut near = all.names().near(&["Abdel", "Salam", "Qureshi"]);
        near.sort_unstable();
        // Runs are raw: the rule drops `Then`, a stopword opening a sentence.
        assert_eq!(
            near,
            [("Adel Salam-Qureshi", 2), ("Then Adel Salam-Qureshi", 1)]
        );
    }
}
