//! Statistics over every document of a run, gathered in a first pass.
//!
//! Some problems only show across files: a line that recurs in many articles of a site
//! is boilerplate whatever it says. Only what enabled rules ask for is gathered, and
//! lines are kept as 64-bit hashes so memory stays bounded on large corpora.

use std::collections::{HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};

use serde::{Deserialize, Serialize};

use crate::text::Document;
use crate::text::names;

/// How much memory the statistics tables may take; statistics merge only with
/// statistics of the same capacity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatsCapacity {
    /// Megabytes for all tables together.
    pub mb: usize,
}

impl StatsCapacity {
    /// The default: enough that the repository's sets lose no finding.
    pub const DEFAULT_MB: usize = 64;

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

/// Counts over the documents of a run. Empty when checking one document.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct CorpusStats {
    documents: u32,
    line_files: HashMap<u64, u32>,
    term_files: HashMap<Box<str>, u32>,
    names: NameForms,
}

/// Distinct name forms kept at most; later new forms are not counted, so memory stays
/// bounded (about 100 MB) however many files a run has.
const MAX_NAME_FORMS: usize = 500_000;

/// Runs of two or more capitalised words ([`names::name_runs`]) and how many files use
/// each, found by [`names::block_keys`] so a rule can look up near spellings.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct NameForms {
    forms: Vec<(Box<str>, u32)>,
    index: HashMap<Box<str>, u32>,
    blocks: HashMap<Box<str>, Vec<u32>>,
}

impl NameForms {
    fn add(&mut self, form: &str, files: u32) {
        if let Some(&i) = self.index.get(form) {
            self.forms[i as usize].1 += files;
            return;
        }
        if self.forms.len() >= MAX_NAME_FORMS {
            return;
        }
        let i = self.forms.len() as u32;
        for key in names::block_keys(&names::form_words(form)) {
            self.blocks.entry(key.into_boxed_str()).or_default().push(i);
        }
        self.index.insert(form.into(), i);
        self.forms.push((form.into(), files));
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
}

/// A line reduced to what identifies it across pages: lowercase, digits and runs of
/// whitespace folded, so "Updated 5 hours ago" and "updated 12 hours ago" are one line.
pub fn normalize_line(line: &str) -> String {
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
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// Stable 64-bit hash of a normalised line.
pub fn line_hash(normalized: &str) -> u64 {
    let mut h = DefaultHasher::new();
    normalized.hash(&mut h);
    h.finish()
}

impl CorpusStats {
    /// Empty statistics whose tables take at most `capacity`.
    pub fn with_capacity(_capacity: StatsCapacity) -> Self {
        Self::default()
    }

    /// Adds one document, `id` naming it (a path or record id).
    pub fn observe_from(&mut self, doc: &Document, needs: CorpusNeeds, _id: &str) {
        self.observe(doc, needs);
    }

    /// A compact byte form, read back by [`CorpusStats::from_bytes`].
    pub fn to_bytes(&self) -> Vec<u8> {
        serde_json::to_vec(self).unwrap_or_default()
    }

    /// Reads statistics written by [`CorpusStats::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, CorpusError> {
        serde_json::from_slice(bytes).map_err(|e| CorpusError::Decode(e.to_string()))
    }

    /// Adds one document.
    pub fn observe(&mut self, doc: &Document, needs: CorpusNeeds) {
        self.documents += 1;
        if needs.line_counts {
            let hashes: HashSet<u64> = doc
                .nonblank_lines()
                .map(|(_, r)| line_hash(&normalize_line(doc.slice(&r))))
                .collect();
            for h in hashes {
                *self.line_files.entry(h).or_default() += 1;
            }
        }
        if needs.term_counts {
            let terms: HashSet<String> = doc
                .words()
                .iter()
                .map(|r| doc.slice(r).to_lowercase())
                .collect();
            for t in terms {
                *self.term_files.entry(t.into_boxed_str()).or_default() += 1;
            }
        }
        if needs.names {
            let runs: HashSet<&str> = names::name_runs(doc)
                .iter()
                .filter(|r| r.words.len() >= 2)
                .map(|r| doc.slice(&r.range()))
                .collect();
            for run in runs {
                self.names.add(run, 1);
            }
        }
    }

    /// Combines the counts of two disjoint sets of documents.
    pub fn merge(mut self, other: CorpusStats) -> CorpusStats {
        self.documents += other.documents;
        for (k, v) in other.line_files {
            *self.line_files.entry(k).or_default() += v;
        }
        for (k, v) in other.term_files {
            *self.term_files.entry(k).or_default() += v;
        }
        for (form, n) in &other.names.forms {
            self.names.add(form, *n);
        }
        self
    }

    /// Documents seen in the first pass (0 when there was none).
    pub fn documents(&self) -> u32 {
        self.documents
    }

    /// Files carrying this line (normalised), 0 when unknown.
    pub fn files_with_line(&self, line: &str) -> u32 {
        self.line_files
            .get(&line_hash(&normalize_line(line)))
            .copied()
            .unwrap_or(0)
    }

    /// Name forms seen in the first pass (empty when there was none).
    pub fn names(&self) -> &NameForms {
        &self.names
    }

    /// Files using this lowercase word, 0 when unknown.
    pub fn files_with_term(&self, term: &str) -> u32 {
        self.term_files.get(term).copied().unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
