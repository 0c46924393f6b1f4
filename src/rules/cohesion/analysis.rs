//! One document read for cohesion: per paragraph its content-word stems (a sparse
//! vector), its words and its names, plus the weights and the document total.
//!
//! Everything here is linear in the document's length: each paragraph is compared with
//! the document total minus itself, and with its few neighbours.

use std::collections::HashMap;
use std::ops::Range;

use super::lexicon::{Lexicon, normalize};
use super::names::{NameToken, names_in};
use super::tiling;
use super::vectors::{RestOverlap, SparseVec, Total, Weights};
use crate::corpus::CorpusStats;
use crate::text::Document;

/// The length, in words, of the article the background document frequency imagines.
const BACKGROUND_ARTICLE_WORDS: f64 = 500.0;
const BETA: f64 = 0.3;

/// What is measured about one paragraph, against the rest of its document.
#[derive(Debug, Clone, Default)]
pub(crate) struct Features {
    /// Distinct content-word stems.
    pub(crate) content_words: usize,
    pub(crate) rest: RestOverlap,
    /// Distinct name tokens.
    pub(crate) names: usize,
    /// Distinct names found nowhere else in the document, as first written.
    pub(crate) novel_names: Vec<String>,
    /// Cosine with the paragraphs around it.
    pub(crate) neighbours: f64,
    /// TextTiling depth of the dip in neighbour similarity at this paragraph.
    pub(crate) depth: f64,
    /// Log-likelihood ratio, in nats, that the paragraph's words recur in the rest as
    /// they would in a paragraph of this story rather than of a random one.
    pub(crate) evidence: f64,
    /// How many of its content words a random paragraph would share with the rest.
    pub(crate) expected_shared: f64,
    /// Share of its words inside quotation marks.
    pub(crate) quoted: f64,
    pub(crate) debug: String,
}

#[derive(Debug, Default)]
struct ParagraphTerms {
    terms: SparseVec,
    /// Sorted distinct ids of its normalised words.
    words: Vec<u32>,
    names: Vec<(u32, NameToken)>,
}

/// The document as cohesion sees it.
#[derive(Debug)]
pub(crate) struct Analysis {
    paragraphs: Vec<ParagraphTerms>,
    weights: Weights,
    total: Total,
    /// Per word id, how many paragraphs use it.
    word_paragraphs: Vec<u32>,
    /// Per paragraph, cosine with its neighbours (see [`tiling`]).
    neighbours: Vec<f64>,
    /// Word tokens per paragraph, and in all.
    paragraph_words: Vec<usize>,
    words: usize,
    window: usize,
    stem_names: Vec<String>,
}

#[derive(Default)]
struct Interner {
    ids: HashMap<String, u32>,
}

impl Interner {
    fn id(&mut self, s: String) -> u32 {
        let next = self.ids.len() as u32;
        *self.ids.entry(s).or_insert(next)
    }
}

impl Analysis {
    pub(crate) fn new(
        doc: &Document,
        lexicon: &Lexicon,
        corpus: &CorpusStats,
        corpus_prior: f64,
        common_zipf: f32,
        window: usize,
    ) -> Analysis {
        let mut words = Interner::default();
        let mut stems = Interner::default();
        // Per stem: background probability and the largest corpus df of its forms.
        let mut stem_info: Vec<(f64, u32)> = Vec::new();
        let mut paragraphs = Vec::with_capacity(doc.paragraphs().len());
        for p in 0..doc.paragraphs().len() {
            let names: Vec<(u32, NameToken)> = names_in(doc, p, lexicon, common_zipf)
                .into_iter()
                .map(|n| (words.id(n.lower.clone()), n))
                .collect();
            let mut terms = Vec::new();
            let mut word_ids = Vec::new();
            for r in doc.paragraph_words(p) {
                let raw = doc.slice(r);
                let lower = normalize(raw);
                word_ids.push(words.id(lower.clone()));
                // Names are judged by entity novelty; as terms they would make every
                // paragraph that quotes someone new look lexically isolated.
                let is_name = names.iter().any(|(_, n)| n.range.start == r.start);
                if is_name || !lexicon.is_content_word(&lower) {
                    continue;
                }
                let stem = lexicon.stem(&lower);
                let id = stems.id(stem.clone());
                if id as usize == stem_info.len() {
                    stem_info.push((lexicon.stem_probability(&stem), 0));
                }
                let df = corpus.files_with_term(&raw.to_lowercase());
                stem_info[id as usize].1 = stem_info[id as usize].1.max(df);
                terms.push(id);
            }
            word_ids.sort_unstable();
            word_ids.dedup();
            paragraphs.push(ParagraphTerms {
                terms: SparseVec::from_terms(terms),
                words: word_ids,
                names,
            });
        }
        let weights = idf(&stem_info, corpus.documents(), corpus_prior);
        let mut word_paragraphs = vec![0u32; words.ids.len()];
        for p in &paragraphs {
            for &w in &p.words {
                word_paragraphs[w as usize] += 1;
            }
        }
        let vectors: Vec<&SparseVec> = paragraphs.iter().map(|p| &p.terms).collect();
        let total = Total::new(vectors.iter().copied(), &weights);
        let neighbours = tiling::neighbour_similarity(&vectors, &weights, window);
        let paragraph_words: Vec<usize> = (0..doc.paragraphs().len())
            .map(|p| doc.paragraph_words(p).len())
            .collect();
        let mut stem_names = vec![String::new(); stems.ids.len()];
        for (k, v) in stems.ids {
            stem_names[v as usize] = k;
        }
        Analysis {
            stem_names,
            words: paragraph_words.iter().sum(),
            paragraph_words,
            window,
            paragraphs,
            weights,
            total,
            word_paragraphs,
            neighbours,
        }
    }

    /// Measures paragraph `p` against the document without `p` and without the
    /// paragraphs in `excluded` (a headline above it).
    pub(crate) fn features(&self, doc: &Document, p: usize, excluded: Range<usize>) -> Features {
        let para = &self.paragraphs[p];
        let others: Vec<&SparseVec> = excluded
            .clone()
            .filter(|&q| q != p)
            .map(|q| &self.paragraphs[q].terms)
            .collect();
        let removed = SparseVec::sum(std::iter::once(&para.terms).chain(others.iter().copied()));
        let rest = self
            .total
            .rest_overlap(&para.terms, &removed, &self.weights);
        let elsewhere = |word: u32| {
            let here = std::iter::once(p)
                .chain(excluded.clone().filter(|&q| q != p))
                .filter(|&q| self.paragraphs[q].words.binary_search(&word).is_ok())
                .count() as u32;
            self.word_paragraphs[word as usize] > here
        };
        let mut seen: Vec<u32> = Vec::new();
        let mut novel_names = Vec::new();
        for (id, name) in &para.names {
            if seen.contains(id) {
                continue;
            }
            seen.push(*id);
            if !elsewhere(*id) {
                novel_names.push(doc.slice(&name.range).to_owned());
            }
        }
        let rest_words = self.words.saturating_sub(
            std::iter::once(p)
                .chain(excluded.clone().filter(|&q| q != p))
                .map(|q| self.paragraph_words[q])
                .sum(),
        ) as f64;
        let (mut evidence, mut expected_shared) = (0.0, 0.0);
        let mut debug = String::new();
        for &(id, n) in para.terms.entries() {
            let in_doc = (-f64::from(self.weights.idf[id as usize])).exp();
            let q = (1.0 - (1.0 - in_doc).powf(rest_words / BACKGROUND_ARTICLE_WORDS))
                .clamp(1e-9, 1.0 - 1e-9);
            expected_shared += q;
            let left = self.total.count(id) - removed.get(id);
            let _ = n;
            if left > 0.0 {
                debug.push_str(&format!(
                    "{}:{:.1}:{} ",
                    self.stem_names[id as usize], self.weights.idf[id as usize], left
                ));
            }
            evidence += if left > 0.0 {
                ((BETA + (1.0 - BETA) * q) / q).ln()
            } else {
                (1.0 - BETA).ln()
            };
        }
        let around: Vec<&SparseVec> =
            tiling::window(self.paragraphs.len(), p, self.window, &excluded)
                .map(|q| &self.paragraphs[q].terms)
                .collect();
        let neighbours = self
            .weights
            .cosine(&para.terms, &SparseVec::sum(around.iter().copied()));
        Features {
            debug,
            evidence,
            expected_shared,
            content_words: para.terms.len(),
            rest,
            names: seen.len(),
            novel_names,
            neighbours,
            depth: tiling::depth_at(&self.neighbours, p, neighbours, 2),
            quoted: quoted_share(doc, p),
        }
    }

    /// Distinct content-word stems of paragraph `p`.
    pub(crate) fn content_words(&self, p: usize) -> usize {
        self.paragraphs[p].terms.len()
    }

    /// Cosine between two paragraphs.
    pub(crate) fn similarity(&self, a: usize, b: usize) -> f64 {
        self.weights
            .cosine(&self.paragraphs[a].terms, &self.paragraphs[b].terms)
    }
}

/// `idf = ln((N + m) / (df + m q))`: the run's document frequency `df` out of `N`
/// documents, smoothed towards `q`, the chance that an article of
/// [`BACKGROUND_ARTICLE_WORDS`] words contains the stem given its background
/// probability, with the weight of `m` documents. With no run statistics,
/// `idf = -ln q`.
fn idf(stems: &[(f64, u32)], documents: u32, prior: f64) -> Weights {
    let n = f64::from(documents);
    Weights {
        idf: stems
            .iter()
            .map(|&(p, df)| {
                let q = -(-BACKGROUND_ARTICLE_WORDS * p).exp_m1();
                let q = q.clamp(1e-9, 1.0);
                let df = if documents == 0 { 0.0 } else { f64::from(df) };
                ((n + prior) / (df + prior * q)).ln().max(0.0) as f32
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn idf_without_a_run_is_background_only() {
        let w = idf(&[(1e-3, 0), (1e-7, 0)], 0, 20.0);
        let q = |p: f64| 1.0 - (-500.0 * p).exp();
        assert!((f64::from(w.idf[0]) + q(1e-3).ln()).abs() < 1e-5);
        assert!(w.idf[1] > w.idf[0]);
    }

    #[test]
    fn run_document_frequency_lowers_idf_of_terms_every_file_uses() {
        let alone = idf(&[(1e-6, 0)], 0, 20.0).idf[0];
        let everywhere = idf(&[(1e-6, 200)], 200, 20.0).idf[0];
        let once = idf(&[(1e-6, 1)], 200, 20.0).idf[0];
        assert!(everywhere < 0.2, "{everywhere}");
        assert!(once > everywhere && alone > everywhere);
    }
}

/// Share of the word tokens of paragraph `p` that stand inside quotation marks,
/// straight or curly.
fn quoted_share(doc: &Document, p: usize) -> f64 {
    let words = doc.paragraph_words(p);
    if words.is_empty() {
        return 0.0;
    }
    let range = &doc.paragraphs()[p].range;
    let text = doc.text();
    let mut inside = false;
    let mut next = 0;
    let mut quoted = 0;
    for (i, c) in text[range.clone()].char_indices() {
        let at = range.start + i;
        while next < words.len() && words[next].start < at {
            quoted += usize::from(inside);
            next += 1;
        }
        match c {
            '"' => inside = !inside,
            '\u{201C}' => inside = true,
            '\u{201D}' => inside = false,
            _ => {}
        }
    }
    quoted += if inside { words.len() - next } else { 0 };
    quoted as f64 / words.len() as f64
}
