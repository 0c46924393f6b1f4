//! Kind `cohesion`: paragraphs that do not belong to the story around them.
//!
//! Each paragraph is measured against the rest of its document ([`analysis`]): lexical
//! cohesion (TF-IDF cosine over content-word stems, and the recurrence evidence of
//! [`evidence`]), entity novelty (its capitalised names found nowhere else, see
//! [`names`]) and neighbour similarity (the TextTiling depth of [`tiling`]). A
//! paragraph that is lexically isolated and brings its own names is flagged; a
//! headline-like line right above it joins the diagnostic ([`check`]).

mod analysis;
mod check;
mod combiner;
mod evidence;
mod lexicon;
mod names;
pub(crate) mod semantic;
mod tiling;
mod typography;
mod vectors;
mod voice;

use crate::rules::Data;
use std::cell::RefCell;
use std::sync::Arc;

use serde::Deserialize;
use toml::Spanned;

use self::analysis::Params;
use self::lexicon::{EnglishStemmer, Frequencies, Lexicon, StemCache};
use self::semantic::WordVectors;
use super::classifier::model::Model as Logistic;
use super::wordlists::WordFreq;
use super::{Checker, DataStore, Kind, LoadError, RuleInput, RuleMeta, build_each};

#[derive(Debug)]
pub struct CohesionKind;

/// The kind-specific keys; see `docs/rules.md` for what each means.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Config {
    #[serde(default = "frequencies_file")]
    frequencies: Spanned<String>,
    #[serde(default = "stopwords_file")]
    stopwords: Spanned<String>,
    #[serde(default = "titles_file")]
    titles: Spanned<String>,
    #[serde(default = "vectors_file")]
    vectors: Spanned<String>,
    /// A fitted combiner (JSON, `scripts/train/fit_offtopic.py`); without one, the
    /// hand-set limits below decide.
    #[serde(default)]
    model: Option<Spanned<String>>,
    /// The combiner's probability at or above which a paragraph is flagged.
    #[serde(default)]
    threshold: Option<Spanned<f32>>,
    min_content_words: usize,
    #[serde(default)]
    min_document_words: usize,
    /// Documents shorter than this (words) need `short-threshold` instead of
    /// `threshold`: less text, less evidence.
    #[serde(default)]
    short_document_words: usize,
    #[serde(default)]
    short_threshold: Option<f32>,
    /// A paragraph that another file of the run carries, alone of this article's
    /// paragraphs, needs only this probability: the other file is where it came from.
    #[serde(default)]
    shared_threshold: Option<f32>,
    /// A paragraph typed in a style the rest of the article never uses (straight
    /// apostrophes among curly ones) needs only this probability: another hand typed it.
    #[serde(default)]
    typography_threshold: Option<f32>,
    /// A paragraph with first- or second-person words outside quotation marks, in an
    /// article whose other paragraphs have none, needs only this probability: another
    /// writer wrote it.
    #[serde(default)]
    voice_threshold: Option<f32>,
    #[serde(default)]
    max_similarity: Option<f64>,
    #[serde(default)]
    max_evidence: Option<f64>,
    #[serde(default)]
    max_evidence_unnamed: Option<f64>,
    #[serde(default = "one")]
    min_novel_names: usize,
    #[serde(default = "one_f")]
    min_novel_share: f64,
    #[serde(default = "one_f")]
    max_quoted_share: f64,
    #[serde(default = "one_f")]
    max_neighbour_similarity: f64,
    #[serde(default)]
    min_depth: f64,
    #[serde(default = "default_headline_words")]
    headline_max_words: usize,
    #[serde(default = "default_headline_content")]
    headline_min_content_words: usize,
    #[serde(default)]
    headline_bonus: f64,
    /// Also flag a lone headline-shaped line that shares no word and no name with the
    /// article, whatever the model says (the model was fitted on paragraphs).
    #[serde(default)]
    lone_headlines: bool,
    #[serde(default = "default_window")]
    window: usize,
    #[serde(default = "default_corpus_prior")]
    corpus_prior: f64,
    #[serde(default = "default_common_zipf")]
    common_zipf: f32,
    #[serde(default = "default_recurrence")]
    recurrence: f64,
    #[serde(default)]
    recurrence_words: f64,
    #[serde(default = "default_common_name_zipf")]
    common_name_zipf: f32,
}

fn data_file(name: &str) -> Spanned<String> {
    Spanned::new(0..0, format!("data/{name}"))
}
fn frequencies_file() -> Spanned<String> {
    data_file("wordfreq-en.tsv")
}
fn stopwords_file() -> Spanned<String> {
    data_file("stopwords-en.txt")
}
fn titles_file() -> Spanned<String> {
    data_file("titles-en.tsv")
}
fn vectors_file() -> Spanned<String> {
    data_file("vectors-en.bin")
}
fn one() -> usize {
    1
}
fn one_f() -> f64 {
    1.0
}
fn default_headline_words() -> usize {
    20
}
fn default_headline_content() -> usize {
    3
}
fn default_window() -> usize {
    2
}
fn default_corpus_prior() -> f64 {
    50.0
}
fn default_common_zipf() -> f32 {
    3.0
}
fn default_recurrence() -> f64 {
    0.3
}
fn default_common_name_zipf() -> f32 {
    9.0
}

/// When a measured paragraph is flagged.
#[derive(Debug, Clone, PartialEq)]
struct Thresholds {
    min_content_words: usize,
    min_document_words: usize,
    /// (words, threshold): a stricter threshold below that length.
    short: Option<(usize, f32)>,
    /// The threshold of a paragraph found in one other file of the run.
    shared: Option<f32>,
    /// The threshold of a paragraph typed in another style than the rest.
    typography: Option<f32>,
    /// The threshold of a paragraph written in another person than the rest.
    voice: Option<f32>,
    decision: Decision,
    min_novel_names: usize,
    min_novel_share: f64,
    max_quoted_share: f64,
    max_neighbour_similarity: f64,
    min_depth: f64,
    headline_max_words: usize,
    headline_min_content_words: usize,
    headline_bonus: f64,
    lone_headlines: bool,
}

/// What flags a measured paragraph that passed the guards.
#[derive(Debug, Clone)]
enum Decision {
    /// Hand-set limits on the lexical and entity measures.
    Limits {
        max_similarity: f64,
        max_evidence: f64,
        max_evidence_unnamed: f64,
    },
    /// A fitted logistic combiner of all the measures, and its probability threshold.
    Learned {
        model: Data<Logistic>,
        threshold: f32,
    },
}

impl PartialEq for Decision {
    fn eq(&self, other: &Decision) -> bool {
        match (self, other) {
            (
                Decision::Learned {
                    model: a,
                    threshold: s,
                },
                Decision::Learned {
                    model: b,
                    threshold: t,
                },
            ) => Data::ptr_eq(a, b) && s == t,
            (
                Decision::Limits {
                    max_similarity: a,
                    max_evidence: b,
                    max_evidence_unnamed: c,
                },
                Decision::Limits {
                    max_similarity: x,
                    max_evidence: y,
                    max_evidence_unnamed: z,
                },
            ) => (a, b, c) == (x, y, z),
            _ => false,
        }
    }
}

/// What the per-document analysis depends on; rules with equal models share one.
#[derive(Debug)]
struct Model {
    lexicon: Arc<Lexicon>,
    vectors: Data<WordVectors>,
    params: Params,
}

impl Model {
    fn same(&self, other: &Model) -> bool {
        Arc::ptr_eq(&self.lexicon, &other.lexicon)
            && Data::ptr_eq(&self.vectors, &other.vectors)
            && self.params == other.params
    }
}

#[derive(Debug)]
struct CohesionRule {
    meta: RuleMeta,
    model: Model,
    thresholds: Thresholds,
}

/// Placeholders a cohesion rule's message may use.
const VARS: &[&str] = &[
    "match",
    "shared",
    "words",
    "similarity",
    "evidence",
    "entities",
    "neighbours",
    "depth",
    "headline",
    "semantic",
    "probability",
    "reasons",
];

impl Kind for CohesionKind {
    fn name(&self) -> &'static str {
        "cohesion"
    }

    fn doc(&self) -> &'static str {
        "Paragraphs that do not belong to their document, such as a paragraph spliced in from another story. Each paragraph is compared with the rest of the document (the document minus the paragraph and a headline above it): the TF-IDF cosine over content-word stems (IDF from the background frequency list, refined by the run's document frequencies), the recurrence evidence (a log-likelihood ratio, in nats, that its words recur in the rest as words of the same story do), the semantic cosine of its IDF-weighted sum of static word vectors (`vectors`, data/vectors-en.bin) with the rest's, its capitalised names found nowhere else, and its neighbours (cosine, TextTiling depth, bridge). With `model` and `threshold`, a fitted logistic combiner (scripts/train/fit_offtopic.py) of all these measures decides; without, the hand-set limits `max-similarity`, `max-evidence` and `max-evidence-unnamed` with the name and neighbour limits. A headline-like line right above a flagged paragraph joins the diagnostic. The title, the closing paragraph and paragraphs under `min-content-words` are never judged; paragraphs over `max-quoted-share` in quotation marks only when a headline sits above them. Cost is linear in the document: each paragraph is compared with the document total minus itself and with its neighbours."
    }

    fn build(
        &self,
        inputs: Vec<RuleInput<'_>>,
        data: &DataStore,
    ) -> Result<Box<dyn Checker>, Vec<LoadError>> {
        // Rules naming the same data files share one lexicon.
        let lexicons: RefCell<Vec<Arc<Lexicon>>> = RefCell::default();
        let rules = build_each(&inputs, |input| {
            let (model, thresholds) = build_rule(input, data, &mut lexicons.borrow_mut())?;
            Ok(CohesionRule {
                meta: input.meta.clone(),
                model,
                thresholds,
            })
        })?;
        Ok(Box::new(check::CohesionChecker { rules }))
    }
}

fn build_rule(
    input: &RuleInput<'_>,
    data: &DataStore,
    lexicons: &mut Vec<Arc<Lexicon>>,
) -> Result<(Model, Thresholds), LoadError> {
    let c: Config = input.config()?;
    input
        .meta
        .message
        .check_vars(VARS)
        .map_err(|e| input.error(input.span.clone(), e))?;
    let words = data.load(input, &c.frequencies, WordFreq::parse)?;
    let stopwords = data.load(input, &c.stopwords, lexicon::parse_normalized_word_set)?;
    let titles = data.load(input, &c.titles, lexicon::parse_title_words)?;
    let vectors = data.load_bytes(input, &c.vectors, WordVectors::parse)?;
    let decision = decision(input, data, &c)?;
    let shared = lexicons.iter().find(|l| {
        l.frequencies.same_list(&words)
            && Data::ptr_eq(&l.stopwords, &stopwords)
            && Data::ptr_eq(&l.titles, &titles)
    });
    let lexicon = match shared {
        Some(l) => l.clone(),
        None => {
            let l = Arc::new(Lexicon {
                frequencies: Frequencies::new(words),
                stopwords,
                titles,
                stemmer: EnglishStemmer::default(),
                stems: StemCache::default(),
            });
            lexicons.push(l.clone());
            l
        }
    };
    let model = Model {
        lexicon,
        vectors,
        params: Params {
            corpus_prior: c.corpus_prior.max(1.0),
            common_zipf: c.common_zipf,
            window: c.window.max(1),
            recurrence: c.recurrence.clamp(0.01, 0.99),
            common_name_zipf: c.common_name_zipf,
            recurrence_words: c.recurrence_words.max(0.0),
        },
    };
    let thresholds = Thresholds {
        min_content_words: c.min_content_words.max(1),
        min_document_words: c.min_document_words,
        short: c
            .short_threshold
            .map(|t| (c.short_document_words, t.clamp(0.0, 1.0))),
        shared: c.shared_threshold.map(|t| t.clamp(0.0, 1.0)),
        typography: c.typography_threshold.map(|t| t.clamp(0.0, 1.0)),
        voice: c.voice_threshold.map(|t| t.clamp(0.0, 1.0)),
        decision,
        min_novel_names: c.min_novel_names,
        min_novel_share: c.min_novel_share,
        max_quoted_share: c.max_quoted_share,
        max_neighbour_similarity: c.max_neighbour_similarity,
        min_depth: c.min_depth,
        headline_max_words: c.headline_max_words,
        headline_min_content_words: c.headline_min_content_words,
        headline_bonus: c.headline_bonus,
        lone_headlines: c.lone_headlines,
    };
    Ok((model, thresholds))
}

/// A `model` with its `threshold`, or all three hand-set limits.
fn decision(input: &RuleInput<'_>, data: &DataStore, c: &Config) -> Result<Decision, LoadError> {
    if let Some(name) = &c.model {
        let model = data.load(input, name, combiner::parse)?;
        let Some(threshold) = &c.threshold else {
            return Err(input.error(
                name.span(),
                "a rule with a `model` needs a `threshold` (the probability that flags a paragraph)",
            ));
        };
        if !(0.0..=1.0).contains(threshold.get_ref()) {
            return Err(input.error(
                threshold.span(),
                "`threshold` is a probability, from 0 to 1",
            ));
        }
        return Ok(Decision::Learned {
            model,
            threshold: *threshold.get_ref(),
        });
    }
    match (c.max_similarity, c.max_evidence, c.max_evidence_unnamed) {
        (Some(max_similarity), Some(max_evidence), Some(max_evidence_unnamed)) => {
            Ok(Decision::Limits {
                max_similarity,
                max_evidence,
                max_evidence_unnamed,
            })
        }
        _ => Err(input.error(
            input.span.clone(),
            "a cohesion rule needs either `model` and `threshold`, or `max-similarity`, `max-evidence` and `max-evidence-unnamed`",
        )),
    }
}
