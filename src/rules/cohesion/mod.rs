//! Kind `cohesion`: paragraphs that do not belong to the story around them.
//!
//! Each paragraph is measured against the rest of its document (see [`analysis`]):
//! lexical cohesion (TF-IDF cosine over content-word stems with the document minus the
//! paragraph), entity novelty (its capitalised names found nowhere else) and neighbour
//! similarity (the TextTiling depth of the dip it sits in). A paragraph that is
//! lexically isolated and brings its own names is flagged; a headline-like line right
//! above it joins the diagnostic.

mod analysis;
mod lexicon;
mod names;
mod tiling;
mod vectors;

use std::collections::HashSet;
use std::ops::Range;
use std::sync::Arc;

use serde::Deserialize;
use toml::Spanned;

use self::analysis::{Analysis, Features};
use self::lexicon::{EnglishStemmer, Frequencies, Lexicon};
use super::{CheckContext, Checker, DataStore, Kind, LoadError, RuleInput, RuleMeta};
use crate::corpus::CorpusNeeds;
use crate::diagnostic::Diagnostic;
use crate::text::Document;

#[derive(Debug)]
pub struct CohesionKind;

fn default_data(name: &str) -> Spanned<String> {
    Spanned::new(0..0, format!("data/{name}"))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Config {
    #[serde(default = "frequencies_file")]
    frequencies: Spanned<String>,
    #[serde(default = "stopwords_file")]
    stopwords: Spanned<String>,
    #[serde(default = "titles_file")]
    titles: Spanned<String>,
    /// Paragraphs with fewer distinct content words are not judged.
    min_content_words: usize,
    /// Paragraphs with more distinct content words are left to other rules.
    #[serde(default)]
    max_content_words: Option<usize>,
    /// Flag only at or below this cosine with the rest of the document.
    max_similarity: f64,
    /// Flag only when at most this share of the paragraph's weight recurs elsewhere.
    max_shared_weight: f64,
    /// Flag only when at least this many names are found nowhere else.
    min_novel_names: usize,
    /// ... and they are at least this share of the paragraph's names.
    min_novel_share: f64,
    /// Flag only when the neighbour-similarity dip is at least this deep.
    #[serde(default)]
    min_depth: f64,
    /// Paragraphs on each side that make up a paragraph's neighbourhood.
    #[serde(default = "default_window")]
    window: usize,
    /// A line above the paragraph joins it when it is a headline: at most this many
    /// words, no closing punctuation, no blank line between.
    #[serde(default = "default_headline_words")]
    headline_max_words: usize,
    /// Weight, in documents, of the background frequencies against the run's own.
    #[serde(default = "default_corpus_prior")]
    corpus_prior: f64,
    /// A capitalised sentence-initial word at least this common (zipf) is not a name.
    #[serde(default = "default_common_zipf")]
    common_zipf: f32,
}

fn frequencies_file() -> Spanned<String> {
    default_data("wordfreq-en.tsv")
}
fn stopwords_file() -> Spanned<String> {
    default_data("stopwords-en.txt")
}
fn titles_file() -> Spanned<String> {
    default_data("titles-en.tsv")
}
fn default_window() -> usize {
    2
}
fn default_headline_words() -> usize {
    20
}
fn default_corpus_prior() -> f64 {
    50.0
}
fn default_common_zipf() -> f32 {
    3.0
}

#[derive(Debug)]
struct Thresholds {
    min_content_words: usize,
    max_content_words: Option<usize>,
    max_similarity: f64,
    max_shared_weight: f64,
    min_novel_names: usize,
    min_novel_share: f64,
    min_depth: f64,
    headline_max_words: usize,
}

/// What the per-document analysis depends on; rules with equal models share one.
#[derive(Debug)]
struct Model {
    lexicon: Arc<Lexicon>,
    window: usize,
    corpus_prior: f64,
    common_zipf: f32,
}

impl Model {
    fn same(&self, other: &Model) -> bool {
        Arc::ptr_eq(&self.lexicon, &other.lexicon)
            && self.window == other.window
            && self.corpus_prior == other.corpus_prior
            && self.common_zipf == other.common_zipf
    }
}

#[derive(Debug)]
struct CohesionRule {
    meta: RuleMeta,
    model: Model,
    thresholds: Thresholds,
}

#[derive(Debug)]
struct CohesionChecker {
    rules: Vec<CohesionRule>,
}

const VARS: &[&str] = &[
    "match",
    "shared",
    "words",
    "similarity",
    "novel",
    "names",
    "depth",
];

impl Kind for CohesionKind {
    fn name(&self) -> &'static str {
        "cohesion"
    }

    fn doc(&self) -> &'static str {
        "Paragraphs that do not belong to their document. Each paragraph is compared with the rest of the document: TF-IDF cosine over content-word stems (IDF from the background frequency list, refined by the run's document frequencies), the share of its capitalised names found nowhere else, and the TextTiling depth of its dip in similarity with its neighbours. A paragraph is flagged when it is lexically isolated and introduces its own names; a headline-like line right above it joins the diagnostic. The title and the closing paragraph are never judged."
    }

    fn build(
        &self,
        inputs: Vec<RuleInput<'_>>,
        data: &DataStore,
    ) -> Result<Box<dyn Checker>, Vec<LoadError>> {
        let mut errors = Vec::new();
        let mut rules = Vec::new();
        let mut lexicons: Vec<Arc<Lexicon>> = Vec::new();
        for input in inputs {
            match build_rule(&input, data, &mut lexicons) {
                Ok((model, thresholds)) => rules.push(CohesionRule {
                    meta: input.meta,
                    model,
                    thresholds,
                }),
                Err(e) => errors.push(e),
            }
        }
        if errors.is_empty() {
            Ok(Box::new(CohesionChecker { rules }))
        } else {
            Err(errors)
        }
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
    let frequencies = data.load(input, &c.frequencies, Frequencies::parse)?;
    let stopwords = data.load(input, &c.stopwords, lexicon::parse_word_set)?;
    let titles = data.load(input, &c.titles, lexicon::parse_title_words)?;
    let lexicon = match lexicons.iter().find(|l| {
        Arc::ptr_eq(&l.frequencies, &frequencies)
            && Arc::ptr_eq(&l.stopwords, &stopwords)
            && Arc::ptr_eq(&l.titles, &titles)
    }) {
        Some(l) => l.clone(),
        None => {
            let l = Arc::new(Lexicon {
                frequencies,
                stopwords,
                titles,
                stemmer: EnglishStemmer::default(),
            });
            lexicons.push(l.clone());
            l
        }
    };
    let model = Model {
        lexicon,
        window: c.window.max(1),
        corpus_prior: c.corpus_prior.max(1.0),
        common_zipf: c.common_zipf,
    };
    let thresholds = Thresholds {
        min_content_words: c.min_content_words,
        max_content_words: c.max_content_words,
        max_similarity: c.max_similarity,
        max_shared_weight: c.max_shared_weight,
        min_novel_names: c.min_novel_names,
        min_novel_share: c.min_novel_share,
        min_depth: c.min_depth,
        headline_max_words: c.headline_max_words,
    };
    Ok((model, thresholds))
}

impl Checker for CohesionChecker {
    fn check(&self, doc: &Document, cx: &CheckContext<'_>, out: &mut Vec<Diagnostic>) {
        let mut analyses: Vec<(&Model, Analysis)> = Vec::new();
        let mut flagged: HashSet<usize> = HashSet::new();
        for rule in &self.rules {
            if !cx.enabled(&rule.meta) {
                continue;
            }
            let i = match analyses.iter().position(|(m, _)| m.same(&rule.model)) {
                Some(i) => i,
                None => {
                    let m = &rule.model;
                    let a = Analysis::new(
                        doc,
                        &m.lexicon,
                        cx.corpus,
                        m.corpus_prior,
                        m.common_zipf,
                        m.window,
                    );
                    analyses.push((m, a));
                    analyses.len() - 1
                }
            };
            rule.check(doc, &analyses[i].1, &mut flagged, out);
        }
    }

    fn corpus_needs(&self) -> CorpusNeeds {
        CorpusNeeds {
            term_counts: true,
            ..CorpusNeeds::default()
        }
    }
}

impl CohesionRule {
    /// Flags paragraphs not yet flagged by an earlier cohesion rule.
    fn check(
        &self,
        doc: &Document,
        analysis: &Analysis,
        flagged: &mut HashSet<usize>,
        out: &mut Vec<Diagnostic>,
    ) {
        let t = &self.thresholds;
        let n = doc.paragraphs().len();
        let Some(closing) =
            (0..n).rfind(|&p| analysis.content_words(p) >= t.min_content_words.max(1))
        else {
            return;
        };
        let dump = std::env::var_os("SCRAPELINT_COHESION_DUMP").is_some();
        for p in 1..closing {
            if flagged.contains(&p) {
                continue;
            }
            let headline = self.headline_above(doc, analysis, p);
            let excluded = headline.unwrap_or(p)..p + 1;
            let f = analysis.features(doc, p, excluded);
            if dump {
                let hf = headline.map(|h| analysis.features(doc, h, h..p + 1));
                dump_features(doc, p, headline, &f, hf.as_ref());
            }
            if !self.isolated(&f) {
                continue;
            }
            flagged.insert(p);
            let start = headline.map_or(p, |h| h);
            let span = doc.paragraphs()[start].range.start..doc.paragraphs()[p].range.end;
            out.push(self.diagnostic(doc, span, &f));
        }
    }

    fn isolated(&self, f: &Features) -> bool {
        let t = &self.thresholds;
        let novel = f.novel_names.len();
        f.content_words >= t.min_content_words
            && t.max_content_words.is_none_or(|m| f.content_words <= m)
            && f.rest.cosine <= t.max_similarity
            && f.rest.shared_weight <= t.max_shared_weight
            && novel >= t.min_novel_names
            && (f.names == 0 || novel as f64 >= t.min_novel_share * f.names as f64)
            && f.depth >= t.min_depth
    }

    /// The paragraph right above `p` when it reads as a headline of its own: one
    /// short line, no closing punctuation, no blank line between, and not the title.
    fn headline_above(&self, doc: &Document, analysis: &Analysis, p: usize) -> Option<usize> {
        let h = p.checked_sub(1).filter(|&h| h >= 1)?;
        let (above, below) = (&doc.paragraphs()[h], &doc.paragraphs()[p]);
        let text = doc.slice(&above.range);
        let words = doc.paragraph_words(h).len();
        let headline = above.lines.len() == 1
            && above.lines.end == below.lines.start
            && (2..=self.thresholds.headline_max_words).contains(&words)
            && !text.ends_with(['.', '!', '?', ':', ';', ',', '"', '\u{201D}', '\u{2026}']);
        let _ = analysis;
        headline.then_some(h)
    }

    fn diagnostic(&self, doc: &Document, span: Range<usize>, f: &Features) -> Diagnostic {
        let shared = f.rest.shared.to_string();
        let words = f.content_words.to_string();
        let similarity = format!("{:.2}", f.rest.cosine);
        let novel = f.novel_names.len().to_string();
        let names = f.novel_names.join(", ");
        let depth = format!("{:.2}", f.depth);
        self.meta.diagnostic(doc, span, None, |v| {
            let s = match v {
                "shared" => &shared,
                "words" => &words,
                "similarity" => &similarity,
                "novel" => &novel,
                "names" => &names,
                "depth" => &depth,
                _ => return None,
            };
            Some(s.clone().into())
        })
    }
}

#[allow(clippy::print_stderr)]
fn dump_features(
    doc: &Document,
    p: usize,
    headline: Option<usize>,
    f: &Features,
    hf: Option<&Features>,
) {
    let line = doc.paragraphs()[p].lines.start + 1;
    eprintln!(
        "FEAT\t{}\t{line}\t{}\t{}\t{}\t{:.4}\t{:.4}\t{}\t{}\t{:.4}\t{:.4}\t{}\t{}\t{:.3}\t{:.3}\t{:.2}",
        doc.text().len(),
        headline.map_or(0, |h| doc.paragraphs()[h].lines.start + 1),
        doc.paragraph_words(p).len(),
        f.content_words,
        f.rest.cosine,
        f.rest.shared_weight,
        f.names,
        f.novel_names.len(),
        f.neighbours,
        f.depth,
        f.rest.shared,
        f.novel_names.join("|"),
        f.evidence,
        f.expected_shared,
        f.quoted,
    );
    if let Some(h) = hf {
        eprintln!(
            "HEAD\t{}\t{line}\t{:.4}\t{}\t{}\t{}",
            doc.text().len(),
            h.rest.cosine,
            h.content_words,
            h.names,
            h.novel_names.len()
        );
    }
    eprintln!("SHARED\t{line}\t{}", f.debug);
}
