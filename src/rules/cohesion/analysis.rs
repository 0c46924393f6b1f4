//! One document read for cohesion: per paragraph its content-word stems (a sparse
//! vector), its words and its names, plus the weights and the document total.
//!
//! Everything here is linear in the document's length: each paragraph is compared with
//! the document total minus itself (and minus a headline above it), and with its few
//! neighbours.

use crate::hash::{FastMap, FastSet};
use std::cell::RefCell;
use std::ops::Range;

use super::evidence;
use super::lexicon::{Lexicon, normalize};
use super::names::WordInfo;
use super::names::{self, NameToken, names_in};
use super::semantic::{self, WordVectors};
use super::tiling;
use super::vectors::{RestOverlap, SparseVec, Total, Weights};
use crate::corpus::CorpusStats;
use crate::text::Document;

/// The parameters of the document model (not the flagging thresholds).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Params {
    /// Weight, in documents, of the background frequencies against the run's own.
    pub(crate) corpus_prior: f64,
    /// A capitalised sentence-initial word at least this common (zipf) is not a name.
    pub(crate) common_zipf: f32,
    /// Paragraphs on each side that make up a paragraph's neighbourhood.
    pub(crate) window: usize,
    /// How likely a content word of a paragraph is to recur elsewhere in its own story,
    /// beyond chance.
    pub(crate) recurrence: f64,
    /// The length of the rest, in words, at which a story word recurs with about 63% of
    /// `recurrence`; a short article leaves a word little room to recur.
    pub(crate) recurrence_words: f64,
    /// Names at least this common (zipf of the lowercase word) do not count for novelty.
    pub(crate) common_name_zipf: f32,
}

/// What is measured about one paragraph, against the rest of its document.
#[derive(Debug, Clone, Default)]
pub(crate) struct Features {
    /// Distinct content-word stems.
    pub(crate) content_words: usize,
    pub(crate) rest: RestOverlap,
    /// Log-likelihood ratio, in nats, that its words recur in the rest as they would in
    /// a paragraph of this story rather than of any story (see [`evidence`]).
    pub(crate) evidence: f64,
    /// Distinct name tokens.
    pub(crate) names: usize,
    /// Distinct names found nowhere else in the document, as first written.
    pub(crate) novel_names: Vec<String>,
    /// Of those, the ones never written next to another name (`Vogel said`, not
    /// `Peter Vogel`): people a story introduced earlier, in another article.
    pub(crate) novel_bare: usize,
    /// Cosine with the paragraphs around it.
    pub(crate) neighbours: f64,
    /// TextTiling depth of the dip in neighbour similarity at this paragraph.
    pub(crate) depth: f64,
    /// Share of its words inside quotation marks.
    pub(crate) quoted: f64,
    /// Cosine of its IDF-weighted mean word vector with the rest's (see [`semantic`]).
    pub(crate) semantic: f64,
    /// The same with the paragraphs around it.
    pub(crate) semantic_neighbours: f64,
    /// TextTiling depth of the dip in semantic neighbour similarity.
    pub(crate) semantic_depth: f64,
    /// Share of its content words that have a word vector.
    pub(crate) semantic_coverage: f64,
    /// IDF-weighted mean cosine of its words' vectors with the rest's meaning.
    pub(crate) semantic_words: f64,
    /// How much more alike the paragraphs right before and after it (its headline
    /// left out) are to each other than either is to it, lexically and in meaning:
    /// an insertion parts two paragraphs that were written to follow each other.
    pub(crate) bridge: f64,
    pub(crate) semantic_bridge: f64,
    /// IDF-weighted share of its words whose vector is related to the rest's meaning
    /// (cosine at least [`RELATED_WORD`]).
    pub(crate) semantic_related: f64,
}

/// The cosine with the rest's meaning at which a word counts as related to it.
pub(crate) const RELATED_WORD: f64 = 0.3;

/// A name token with the id of its normalised word.
#[derive(Debug)]
struct Name {
    id: u32,
    token: NameToken,
    /// So common a word (`Europe`, `Paul`) that finding it elsewhere, or not, says little.
    common: bool,
}

#[derive(Debug, Default)]
struct ParagraphTerms {
    terms: SparseVec,
    /// Sorted distinct ids of its normalised words.
    words: Vec<u32>,
    names: Vec<Name>,
    word_count: usize,
    /// IDF-weighted sum of its content words' unit vectors.
    meaning: Vec<f32>,
    /// Its content words' vectors with their weights.
    word_vectors: Vec<(usize, f32)>,
    /// Content-word tokens, and those with a vector.
    content_tokens: usize,
    with_vector: usize,
}

/// The document as cohesion sees it.
#[derive(Debug)]
pub(crate) struct Analysis<'a> {
    paragraphs: Vec<ParagraphTerms>,
    weights: Weights,
    total: Total,
    /// Per word id, how many paragraphs use it.
    word_paragraphs: Vec<u32>,
    /// Per paragraph, cosine with its neighbours (see [`tiling`]).
    neighbours: Vec<f64>,
    /// The sum of the paragraphs' meaning vectors.
    meaning: Vec<f32>,
    /// Per paragraph, semantic cosine with its neighbours.
    semantic_neighbours: Vec<f64>,
    vectors: &'a WordVectors,
    words: usize,
    params: Params,
    /// What [`Analysis::features`] measured, by paragraph and the paragraphs left out
    /// with it: the rules that share an analysis measure the same paragraphs.
    measured: RefCell<FastMap<(usize, Range<usize>), Features>>,
}

/// What [`Analysis::new`] works out once per word form of a document: its id, its
/// normalised form, and, once it is first read as a term (not as part of a name),
/// its stem id, word vectors and run document frequency, or `None` for a function
/// word.
struct Seen {
    word: u32,
    lower: String,
    content: Option<Option<(u32, Vec<usize>, u32)>>,
}

#[derive(Default)]
struct Interner {
    ids: FastMap<String, u32>,
}

impl Interner {
    /// The id of `s`, allocating only for a string not seen before in the document.
    fn id(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.ids.get(s) {
            return id;
        }
        let next = self.ids.len() as u32;
        self.ids.insert(s.to_owned(), next);
        next
    }
}

impl<'a> Analysis<'a> {
    pub(crate) fn new(
        doc: &Document,
        lexicon: &Lexicon,
        vectors: &'a WordVectors,
        corpus: &CorpusStats,
        params: Params,
    ) -> Analysis<'a> {
        let mut words = Interner::default();
        let mut stems = Interner::default();
        // Per stem: background probability and the largest run df of its forms.
        let mut stem_info: Vec<(f64, u32)> = Vec::new();
        let mut paragraphs = Vec::with_capacity(doc.paragraphs().len());
        // Per paragraph, (word-vector index, stem id, share) of its content tokens.
        let mut vector_terms: Vec<Vec<(usize, u32, f32)>> = Vec::new();
        // Per distinct word form of the document, what its first use worked out.
        let mut memo: FastMap<&str, Seen> = FastMap::default();
        let mut all_names: Vec<Vec<NameToken>> = (0..doc.paragraphs().len())
            .map(|p| names_in(doc, p, lexicon, params.common_zipf))
            .collect();
        names::resolve(&mut all_names);
        for (p, names) in all_names.into_iter().enumerate() {
            let names: Vec<Name> = names
                .into_iter()
                .map(|n| Name {
                    id: words.id(&n.lower),
                    common: lexicon.zipf(&n.lower) >= params.common_name_zipf,
                    token: n,
                })
                .collect();
            let mut terms = Vec::new();
            let mut word_ids = Vec::new();
            let mut in_vectors = Vec::new();
            let mut with_vector = 0;
            let paragraph_words = doc.paragraph_words(p);
            let name_starts: FastSet<usize> = names.iter().map(|n| n.token.range.start).collect();
            for r in paragraph_words {
                let raw = doc.slice(r);
                let seen = memo.entry(raw).or_insert_with(|| {
                    let lower = normalize(raw);
                    Seen {
                        word: words.id(&lower),
                        lower,
                        content: None,
                    }
                });
                word_ids.push(seen.word);
                // Names are judged by entity novelty; as terms they would make every
                // paragraph that quotes someone new look lexically isolated.
                if name_starts.contains(&r.start) {
                    continue;
                }
                let content = seen.content.get_or_insert_with(|| {
                    if !lexicon.is_content_word(&seen.lower) {
                        return None;
                    }
                    let (stem, probability) = lexicon.stem_with_probability(&seen.lower);
                    let id = stems.id(&stem);
                    if id as usize == stem_info.len() {
                        stem_info.push((probability, 0));
                    }
                    let df = corpus.files_with_term(&crate::text::lowercase(raw));
                    Some((id, word_vectors(vectors, &seen.lower), df))
                });
                let Some((id, found, df)) = content else {
                    continue;
                };
                let id = *id;
                with_vector += usize::from(!found.is_empty());
                let share = 1.0 / found.len().max(1) as f32;
                in_vectors.extend(found.iter().map(|&v| (v, id, share)));
                stem_info[id as usize].1 = stem_info[id as usize].1.max(*df);
                terms.push(id);
            }
            word_ids.sort_unstable();
            word_ids.dedup();
            vector_terms.push(in_vectors);
            paragraphs.push(ParagraphTerms {
                content_tokens: terms.len(),
                with_vector,
                terms: SparseVec::from_terms(terms),
                words: word_ids,
                names,
                word_count: paragraph_words.len(),
                meaning: Vec::new(),
                word_vectors: Vec::new(),
            });
        }
        let weights = Weights {
            idf: stem_info
                .iter()
                .map(|&(p, df)| evidence::idf(p, df, corpus.documents(), params.corpus_prior))
                .collect(),
        };
        let dims = vectors.dims();
        let mut meaning = vec![0.0f32; dims];
        for (p, found) in paragraphs.iter_mut().zip(&vector_terms) {
            p.meaning = vec![0.0f32; dims];
            for &(v, stem, share) in found {
                let weight = weights.idf[stem as usize] * share;
                vectors.add_to(&mut p.meaning, v, weight);
                p.word_vectors.push((v, weight));
            }
            meaning
                .iter_mut()
                .zip(&p.meaning)
                .for_each(|(m, x)| *m += x);
        }
        let meanings: Vec<&[f32]> = paragraphs.iter().map(|p| p.meaning.as_slice()).collect();
        let semantic_neighbours = tiling::dense_neighbour_similarity(&meanings, params.window);
        let mut word_paragraphs = vec![0u32; words.ids.len()];
        for p in &paragraphs {
            for &w in &p.words {
                word_paragraphs[w as usize] += 1;
            }
        }
        let term_vectors: Vec<&SparseVec> = paragraphs.iter().map(|p| &p.terms).collect();
        let total = Total::new(term_vectors.iter().copied(), &weights);
        let neighbours = tiling::neighbour_similarity(&term_vectors, &weights, params.window);
        Analysis {
            words: paragraphs.iter().map(|p| p.word_count).sum(),
            paragraphs,
            weights,
            total,
            word_paragraphs,
            neighbours,
            meaning,
            semantic_neighbours,
            vectors,
            params,
            measured: RefCell::default(),
        }
    }

    /// Measures paragraph `p` against the document without `p` and without the
    /// paragraphs in `excluded` (a headline above it).
    pub(crate) fn features(&self, doc: &Document, p: usize, excluded: Range<usize>) -> Features {
        let key = (p, excluded);
        if let Some(f) = self.measured.borrow().get(&key) {
            return f.clone();
        }
        let f = self.measure(doc, p, key.1.clone());
        self.measured.borrow_mut().insert(key, f.clone());
        f
    }

    fn measure(&self, doc: &Document, p: usize, excluded: Range<usize>) -> Features {
        let para = &self.paragraphs[p];
        let left_out: Vec<usize> = std::iter::once(p)
            .chain(excluded.clone().filter(|&q| q != p))
            .collect();
        let removed = SparseVec::sum(left_out.iter().map(|&q| &self.paragraphs[q].terms));
        let rest_words = self.words.saturating_sub(
            left_out
                .iter()
                .map(|&q| self.paragraphs[q].word_count)
                .sum(),
        ) as f64;
        let recurrence = evidence::recurrence_in(
            self.params.recurrence,
            self.params.recurrence_words,
            rest_words,
        );
        let evidence = para
            .terms
            .entries()
            .iter()
            .map(|&(id, _)| {
                let recurs = self.total.count(id) > removed.get(id);
                let chance = evidence::chance_in(self.weights.idf[id as usize], rest_words);
                evidence::word_evidence(recurs, chance, recurrence)
            })
            .sum();
        let around = SparseVec::sum(
            tiling::window(self.paragraphs.len(), p, self.params.window, &excluded)
                .map(|q| &self.paragraphs[q].terms),
        );
        let neighbours = self.weights.cosine(&para.terms, &around);
        let (names, novel_names, novel_bare) = self.novel_names(doc, p, &left_out);
        let dims = self.meaning.len();
        let mut removed_meaning = vec![0.0f32; dims];
        for &q in &left_out {
            let m = &self.paragraphs[q].meaning;
            removed_meaning.iter_mut().zip(m).for_each(|(r, x)| *r += x);
        }
        let mut around_meaning = vec![0.0f32; dims];
        for q in tiling::window(self.paragraphs.len(), p, self.params.window, &excluded) {
            let m = &self.paragraphs[q].meaning;
            around_meaning.iter_mut().zip(m).for_each(|(r, x)| *r += x);
        }
        let semantic_neighbours = semantic::cosine(&para.meaning, &around_meaning);
        let rest_meaning: Vec<f32> = self
            .meaning
            .iter()
            .zip(&removed_meaning)
            .map(|(t, r)| t - r)
            .collect();
        let (semantic_words, semantic_related) =
            self.word_relatedness(&para.word_vectors, &rest_meaning);
        let (bridge, semantic_bridge) = match (
            excluded.start.min(p).checked_sub(1),
            Some(p + 1).filter(|&q| q < self.paragraphs.len()),
        ) {
            (Some(before), Some(after)) => {
                let meaning = |q: usize| self.paragraphs[q].meaning.as_slice();
                let lexical = self.similarity(before, after)
                    - self.similarity(before, p).max(self.similarity(p, after));
                let semantic = semantic::cosine(meaning(before), meaning(after))
                    - semantic::cosine(meaning(before), meaning(p))
                        .max(semantic::cosine(meaning(p), meaning(after)));
                (lexical, semantic)
            }
            _ => (0.0, 0.0),
        };
        Features {
            content_words: para.terms.len(),
            rest: self
                .total
                .rest_overlap(&para.terms, &removed, &self.weights),
            evidence,
            names,
            novel_names,
            novel_bare,
            neighbours,
            depth: tiling::depth_at(&self.neighbours, p, neighbours, self.params.window),
            quoted: quoted_share(doc, p),
            semantic: semantic::cosine(&para.meaning, &rest_meaning),
            semantic_neighbours,
            semantic_depth: tiling::depth_at(
                &self.semantic_neighbours,
                p,
                semantic_neighbours,
                self.params.window,
            ),
            semantic_coverage: para.with_vector as f64 / para.content_tokens.max(1) as f64,
            semantic_words,
            semantic_related,
            bridge,
            semantic_bridge,
        }
    }

    /// The weighted mean cosine of `words` with `rest`, and the weighted share of them
    /// at least [`RELATED_WORD`] (both 0 without words).
    fn word_relatedness(&self, words: &[(usize, f32)], rest: &[f32]) -> (f64, f64) {
        let (mut sum, mut related, mut total) = (0.0, 0.0, 0.0);
        let norm = semantic::norm(rest);
        for &(v, weight) in words {
            let c = self.vectors.cosine_with_norm(v, rest, norm);
            let w = f64::from(weight);
            sum += w * c;
            related += if c >= RELATED_WORD { w } else { 0.0 };
            total += w;
        }
        if total > 0.0 {
            (sum / total, related / total)
        } else {
            (0.0, 0.0)
        }
    }

    /// Distinct names of `p` (common ones left out), and those used by no paragraph
    /// outside `left_out`.
    fn novel_names(
        &self,
        doc: &Document,
        p: usize,
        left_out: &[usize],
    ) -> (usize, Vec<String>, usize) {
        let names = &self.paragraphs[p].names;
        // Whether the name token at `i` stands next to another (only spaces between).
        let joined = |i: usize| {
            let next_to = |a: &Name, b: &Name| {
                doc.slice(&(a.token.range.end..b.token.range.start))
                    .trim()
                    .is_empty()
            };
            (i > 0 && next_to(&names[i - 1], &names[i]))
                || names.get(i + 1).is_some_and(|n| next_to(&names[i], n))
        };
        let mut seen: Vec<u32> = Vec::new();
        let mut novel = Vec::new();
        let mut bare = 0;
        for name in names.iter().filter(|n| !n.common) {
            if seen.contains(&name.id) {
                continue;
            }
            seen.push(name.id);
            let here = left_out
                .iter()
                .filter(|&&q| self.paragraphs[q].words.binary_search(&name.id).is_ok())
                .count() as u32;
            if self.word_paragraphs[name.id as usize] <= here {
                novel.push(doc.slice(&name.token.range).to_owned());
                let always_alone = (0..names.len())
                    .filter(|&i| names[i].id == name.id)
                    .all(|i| !joined(i));
                bare += usize::from(always_alone);
            }
        }
        (seen.len(), novel, bare)
    }

    /// Cosine between two paragraphs.
    pub(crate) fn similarity(&self, a: usize, b: usize) -> f64 {
        let (a, b) = (&self.paragraphs[a].terms, &self.paragraphs[b].terms);
        self.weights.cosine(a, b)
    }

    /// Cosine between two paragraphs' meaning vectors.
    pub(crate) fn semantic_similarity(&self, a: usize, b: usize) -> f64 {
        semantic::cosine(&self.paragraphs[a].meaning, &self.paragraphs[b].meaning)
    }

    /// Whether two paragraphs have a name in common.
    pub(crate) fn shares_name(&self, a: usize, b: usize) -> bool {
        let b = &self.paragraphs[b].names;
        self.paragraphs[a]
            .names
            .iter()
            .any(|n| b.iter().any(|m| m.id == n.id))
    }

    /// Words in the document.
    pub(crate) fn words(&self) -> usize {
        self.words
    }

    /// Distinct content-word stems of paragraph `p`.
    pub(crate) fn content_words(&self, p: usize) -> usize {
        self.paragraphs[p].terms.len()
    }
}

/// The word vectors of a lowercase content word: its own, or for a hyphenated
/// compound without one (`all-night`), those of its parts.
fn word_vectors(vectors: &WordVectors, lower: &str) -> Vec<usize> {
    if let Some(v) = vectors.lookup(lower) {
        return vec![v];
    }
    if lower.contains('-') {
        return lower
            .split('-')
            .filter(|part| part.chars().count() >= 3)
            .filter_map(|part| vectors.lookup(part))
            .collect();
    }
    Vec::new()
}

/// Share of the word tokens of paragraph `p` that stand inside quotation marks,
/// straight or curly.
fn quoted_share(doc: &Document, p: usize) -> f64 {
    let words = doc.paragraph_words(p);
    if words.is_empty() {
        return 0.0;
    }
    let range = &doc.paragraphs()[p].range;
    let mut inside = false;
    let mut next = 0;
    let mut quoted = 0;
    for (i, c) in doc.slice(range).char_indices() {
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
    if inside {
        quoted += words.len() - next;
    }
    quoted as f64 / words.len() as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_share_counts_words_inside_quotes() {
        let doc = Document::from_text("\u{201C}We will stay,\u{201D} she said.");
        assert!((quoted_share(&doc, 0) - 0.6).abs() < 1e-9);
        let doc = Document::from_text("No quotes at all here.");
        assert_eq!(quoted_share(&doc, 0), 0.0);
        let doc = Document::from_text("He said \"we are leaving now and");
        assert!((quoted_share(&doc, 0) - 5.0 / 7.0).abs() < 1e-9);
    }
}
