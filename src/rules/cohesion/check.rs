//! Running cohesion rules on a document: which paragraphs are judged, when one is
//! flagged, and the diagnostic that says why.

use std::ops::Range;

use super::analysis::{Analysis, Features};
use super::combiner::{self, Place};
use super::typography::Styles;
use super::voice::{self, Voice};
use super::{CohesionRule, Decision, Model};
use crate::corpus::CorpusNeeds;
use crate::diagnostic::Diagnostic;
use crate::hash::FastSet;
use crate::rules::{CheckContext, Checker, UnitFeatures, UnitRow};
use crate::text::Document;

/// The reason given for a lone headline ([`CohesionRule::lone_headline`]).
const LONE_HEADLINE: &str = "a lone headline with no word or name in common with the article";

/// Characters that end a line of prose, not a headline.
const CLOSING: [char; 11] = [
    '.', '!', '?', ':', ';', ',', '"', '\u{201D}', '\u{2019}', '\u{2026}', ')',
];

/// Names listed in a message at most; the count says how many there are.
const LISTED_NAMES: usize = 5;

#[derive(Debug)]
pub(super) struct CohesionChecker {
    pub(super) rules: Vec<CohesionRule>,
}

/// A paragraph the rule judges, measured against the rest of its document.
struct Candidate {
    p: usize,
    headline: Option<usize>,
    features: Features,
    /// The combiner's inputs ([`combiner::FEATURES`]).
    values: Vec<f32>,
}

/// Where each paragraph of a document came from, when another file of the run
/// carries it (with at most the headline or paragraph next to it) and no other
/// paragraph of this document comes from that file: one story's paragraph inside
/// another. Two versions of one story share many paragraphs, so theirs are left alone.
/// The line table names the first two files that carried a line, so the other file is
/// known whichever came first; when it is not (its name did not fit in the table), the
/// paragraph gets no source.
pub(super) struct Provenance {
    sources: Vec<Option<String>>,
    /// Per paragraph, whether it is prose of [`SHARED_PROSE_WORDS`] (empty when no
    /// paragraph is carried).
    prose: Vec<bool>,
}

/// The least probability for a paragraph another file carries, in an article shorter
/// than `min-document-words`.
const SHORT_SOURCED: f32 = 0.5;

/// Shared lines of fewer words (a headline, a dateline) do not make two files versions
/// of one story.
const SHARED_PROSE_WORDS: usize = 12;

/// The most files that can carry a paragraph taken from one story into another: its
/// source and the host, each perhaps with a second version in the run. A paragraph of
/// more files is the site's template.
const MAX_CARRIERS: u32 = 4;

/// The most paragraphs in a row that another file carries and that can still be one
/// insertion (a headline, a paragraph or two); more in a row is a shared story.
const MAX_SPLICED_RUN: usize = 3;

/// Per carried paragraph, the run of consecutive paragraphs carried by the same other
/// file that it belongs to.
fn source_runs(others: &[Option<(&str, Option<u8>)>]) -> Vec<Option<std::ops::Range<usize>>> {
    let source = |p: usize| others[p].map(|(s, _)| s);
    let mut runs = vec![None; others.len()];
    let mut p = 0;
    while p < others.len() {
        let Some(here) = source(p) else {
            p += 1;
            continue;
        };
        let end = (p..others.len())
            .find(|&q| source(q) != Some(here))
            .unwrap_or(others.len());
        for slot in &mut runs[p..end] {
            *slot = Some(p..end);
        }
        p = end;
    }
    runs
}

/// Whether a paragraph fitting this document `here` and another file `there`
/// ([`crate::corpus::fits`]) belongs to the other one; with no word to judge by, it
/// may.
fn at_home_there(here: u8, there: u8) -> bool {
    use crate::corpus::NO_FIT;
    here == NO_FIT || there == NO_FIT || there > here
}

impl Provenance {
    fn of(doc: &Document, cx: &CheckContext<'_>) -> Provenance {
        let paragraphs = doc.paragraphs();
        let mut sources: Vec<Option<String>> = vec![None; paragraphs.len()];
        if cx.corpus.documents() < 2 {
            return Provenance {
                sources,
                prose: Vec::new(),
            };
        }
        // Per carried paragraph: the other file carrying it ("" when it is not known)
        // and how well the paragraph fits that file (none when too many files carry
        // it: a line of many files is the site's template, not one story's).
        let others: Vec<Option<(&str, Option<u8>)>> = paragraphs
            .iter()
            .map(|p| {
                let text = doc.slice(&p.range);
                let files = cx.corpus.files_with_line(text);
                (files >= 2).then(|| {
                    match cx.corpus.other_file_with_line(text, cx.name.unwrap_or("")) {
                        Some((file, there)) => (file, (files <= MAX_CARRIERS).then_some(there)),
                        None => ("", None),
                    }
                })
            })
            .collect();
        if others.iter().all(Option::is_none) {
            return Provenance {
                sources,
                prose: Vec::new(),
            };
        }
        // Runs of paragraphs carried by one other file: a spliced paragraph with the
        // headline it brought along. Each is judged apart from the rest of its run.
        let runs = source_runs(&others);
        let blocks: Vec<_> = paragraphs
            .iter()
            .zip(&runs)
            .map(|(p, run)| {
                let block = match run {
                    Some(run) => {
                        paragraphs[run.start].range.start..paragraphs[run.end - 1].range.end
                    }
                    None => p.range.clone(),
                };
                (p.range.clone(), block)
            })
            .collect();
        let fits = crate::corpus::fits_apart(doc, &blocks);
        // Whether each paragraph is long enough to count against the others.
        let prose: Vec<bool> = paragraphs
            .iter()
            .map(|p| doc.slice(&p.range).split_whitespace().count() >= SHARED_PROSE_WORDS)
            .collect();
        let title_source = others.first().copied().flatten().map(|(s, _)| s);
        for (p, other) in others.iter().enumerate() {
            let (Some((source, there)), Some(run)) = (other, &runs[p]) else {
                continue;
            };
            // Unnamed, it may be this file's own paragraph that the other one took.
            let home = there.is_some_and(|there| at_home_there(fits[p], there));
            if !home || run.len() > MAX_SPLICED_RUN {
                continue;
            }
            // The other file carries this document's title too: it took the title
            // and this paragraph from here.
            if p > 0 && !source.is_empty() && title_source == Some(*source) {
                continue;
            }
            // Two versions of one story share paragraphs apart from this run.
            let elsewhere = others.iter().enumerate().any(|(q, o)| {
                !run.contains(&q)
                    && prose[q]
                    && o.is_some_and(|(s, _)| source.is_empty() || s == *source)
            });
            if !elsewhere {
                sources[p] = Some((*source).to_owned());
            }
        }
        Provenance { sources, prose }
    }

    /// Whether some paragraph came from another file.
    fn any(&self) -> bool {
        self.sources.iter().any(Option::is_some)
    }

    /// The other file paragraph `p` came from, if any.
    fn source(&self, p: usize) -> Option<&str> {
        self.sources.get(p).and_then(|s| s.as_deref())
    }

    /// Whether paragraph `p` came from another file and is prose of
    /// [`SHARED_PROSE_WORDS`].
    fn sourced_prose(&self, p: usize) -> bool {
        self.source(p).is_some() && self.prose.get(p).copied().unwrap_or(false)
    }
}

/// Why the combiner flagged a paragraph: the probability and the top reasons.
struct Verdict {
    probability: f32,
    reasons: String,
}

impl Checker for CohesionChecker {
    fn check(&self, doc: &Document, cx: &CheckContext<'_>, out: &mut Vec<Diagnostic>) {
        let mut analyses: Vec<(&Model, Analysis)> = Vec::new();
        // Paragraphs already reported by an earlier rule (a warning rule listed before
        // an info rule), so a paragraph gets one diagnostic.
        let mut flagged: FastSet<usize> = FastSet::default();
        let provenance = Provenance::of(doc, cx);
        for rule in self.rules.iter().filter(|r| cx.enabled(&r.meta)) {
            let i = match analyses.iter().position(|(m, _)| m.same(&rule.model)) {
                Some(i) => i,
                None => {
                    let m = &rule.model;
                    let analysis = Analysis::new(doc, &m.lexicon, &m.vectors, cx.corpus, m.params);
                    analyses.push((m, analysis));
                    analyses.len() - 1
                }
            };
            rule.check(doc, &analyses[i].1, &provenance, &mut flagged, out);
        }
    }

    fn corpus_needs(&self) -> CorpusNeeds {
        CorpusNeeds {
            term_counts: true,
            line_counts: self.rules.iter().any(|r| r.thresholds.shared.is_some()),
            ..CorpusNeeds::default()
        }
    }

    /// The combiner's inputs for every paragraph the first enabled rule with a model
    /// would judge, before its guards (`scripts/train/fit_offtopic.py` applies them).
    fn unit_features(&self, doc: &Document, cx: &CheckContext<'_>) -> Option<UnitFeatures> {
        let rule = self
            .rules
            .iter()
            .filter(|r| cx.enabled(&r.meta))
            .find(|r| matches!(r.thresholds.decision, Decision::Learned { .. }))?;
        let m = &rule.model;
        let analysis = Analysis::new(doc, &m.lexicon, &m.vectors, cx.corpus, m.params);
        let rows = rule
            .candidates(doc, &analysis, |_| false)
            .into_iter()
            .map(|c| {
                let start = c.headline.unwrap_or(c.p);
                let paragraphs = doc.paragraphs();
                UnitRow {
                    lines: paragraphs[start].lines.start..paragraphs[c.p].lines.end,
                    values: c.values,
                    info: vec![
                        ("content_words", c.features.content_words as f64),
                        ("quoted", c.features.quoted),
                        ("document_words", doc.words().len() as f64),
                        ("headline", f64::from(u8::from(c.headline.is_some()))),
                    ],
                }
            })
            .collect();
        Some(UnitFeatures {
            names: combiner::FEATURES,
            rows,
        })
    }
}

impl CohesionRule {
    fn check(
        &self,
        doc: &Document,
        analysis: &Analysis,
        provenance: &Provenance,
        flagged: &mut FastSet<usize>,
        out: &mut Vec<Diagnostic>,
    ) {
        let t = &self.thresholds;
        // A short article is too little text to judge cohesion by, but not to see that
        // another file of the run carries one of its paragraphs.
        let short = doc.words().len() < t.min_document_words;
        if short && !(t.shared.is_some() && provenance.any()) {
            return;
        }
        let sourced_at = |p: usize| t.shared.is_some() && provenance.source(p).is_some();
        // The document's typing, read only when a paragraph is likely enough to need it.
        let styles: std::cell::OnceCell<Styles> = std::cell::OnceCell::new();
        // Its first- and second-person words per paragraph, and in all, likewise.
        let voices: std::cell::OnceCell<(Vec<Voice>, Voice)> = std::cell::OnceCell::new();
        for c in self.candidates(doc, analysis, sourced_at) {
            let p = c.p;
            let sourced = sourced_at(p);
            let prose = sourced && provenance.sourced_prose(p);
            if flagged.contains(&p) || (short && !sourced) || !self.guards_pass(&c, sourced, prose)
            {
                continue;
            }
            let verdict = match &t.decision {
                Decision::Limits { .. } => {
                    if !self.isolated(&c.features, c.headline.is_some()) {
                        continue;
                    }
                    None
                }
                Decision::Learned { model, threshold } => {
                    let (probability, reasons) = combiner::judge(model, &c.values);
                    let threshold = match t.short {
                        Some((words, short)) if doc.words().len() < words => short.max(*threshold),
                        _ => *threshold,
                    };
                    let source = provenance.source(p).filter(|_| t.shared.is_some());
                    let threshold = match (source, t.shared) {
                        // In a short article the other file's copy is no proof alone
                        // (a short version of a story shares most of itself): the
                        // paragraph must also read as foreign, more likely than not.
                        (Some(_), Some(shared)) if short => {
                            shared.max(SHORT_SOURCED).min(threshold)
                        }
                        (Some(_), Some(shared)) => shared.min(threshold),
                        _ => threshold,
                    };
                    // Typed in a style the rest never uses: another hand typed it.
                    let foreign = t
                        .typography
                        .filter(|typed| probability >= typed.min(threshold))
                        .and_then(|_| {
                            let whole = styles.get_or_init(|| Styles::of(doc.text()));
                            let own = Styles::of(doc.slice(&doc.paragraphs()[p].range));
                            own.foreign_to(&whole.without(&own))
                        });
                    // ...but not in a short article, where any paragraph is a larger
                    // share of the text and a quoted post stands out more.
                    let long = t.short.is_none_or(|(words, _)| doc.words().len() >= words);
                    let threshold = match (foreign, t.typography) {
                        (Some(_), Some(typed)) if long && !short => typed.min(threshold),
                        _ => threshold,
                    };
                    // Written in a person the rest never speaks in: another writer
                    // wrote it. Likewise only in a long article: in a short one the
                    // rest is too little text for its silence to mean much.
                    let voiced = t
                        .voice
                        .map(|v| v.min(threshold))
                        .filter(|&v| long && !short && probability >= v);
                    let person = voiced.and_then(|_| {
                        let (each, all) = voices.get_or_init(|| {
                            let each: Vec<Voice> = doc
                                .paragraphs()
                                .iter()
                                .map(|para| voice::voice(doc.slice(&para.range)))
                                .collect();
                            let all = each.iter().fold(Voice::default(), |a, v| a.add(*v));
                            (each, all)
                        });
                        each[p].foreign_to(all.without(each[p]))
                    });
                    let threshold = match (person, voiced) {
                        (Some(_), Some(voiced)) => voiced,
                        _ => threshold,
                    };
                    let reasons = if probability >= threshold {
                        let reasons = describe_reasons(&reasons);
                        let reasons = match foreign {
                            Some((own, rest)) => format!(
                                "{reasons}; typed with {} where the article has {}",
                                own.shown(),
                                rest.shown()
                            ),
                            None => reasons,
                        };
                        let reasons = match person {
                            Some(person) => format!(
                                "{reasons}; written in {person}, which the rest of the article never uses outside quotations"
                            ),
                            None => reasons,
                        };
                        match source {
                            Some(file) => format!("{reasons}; the paragraph is also in {file}"),
                            None => reasons,
                        }
                    } else if t.lone_headlines && self.lone_headline(doc, &c) {
                        LONE_HEADLINE.to_owned()
                    } else {
                        continue;
                    };
                    Some(Verdict {
                        probability,
                        reasons,
                    })
                }
            };
            flagged.insert(p);
            let start = c
                .headline
                .or_else(|| self.headline_before_blank(doc, analysis, p))
                .unwrap_or(p);
            flagged.insert(start);
            let span = doc.paragraphs()[start].range.start..doc.paragraphs()[p].range.end;
            out.push(self.diagnostic(doc, span, &c.features, c.headline.is_some(), verdict));
        }
    }

    /// The paragraphs this rule judges, measured: every paragraph after the title and
    /// before the closing one (the last with `min-content-words`, which often zooms
    /// out to the wider picture), and any later one that another file of the run
    /// carries (`sourced`: its words are not the only evidence), except headline-like
    /// lines, which are judged with the paragraph below them. Linear in the document.
    fn candidates(
        &self,
        doc: &Document,
        analysis: &Analysis,
        sourced: impl Fn(usize) -> bool,
    ) -> Vec<Candidate> {
        let t = &self.thresholds;
        let n = doc.paragraphs().len();
        let Some(closing) = (0..n).rfind(|&p| analysis.content_words(p) >= t.min_content_words)
        else {
            return Vec::new();
        };
        // Paragraph 0 is the title.
        let measured: Vec<(usize, Option<usize>, Features)> = (1..n)
            .filter(|&p| (p < closing || sourced(p)) && !self.is_headline(doc, analysis, p))
            .map(|p| {
                let headline = self.headline_above(doc, analysis, p);
                (
                    p,
                    headline,
                    analysis.features(doc, p, headline.unwrap_or(p)..p + 1),
                )
            })
            .collect();
        let median_lexical = combiner::median(measured.iter().map(|m| m.2.rest.cosine).collect());
        let median_semantic = combiner::median(measured.iter().map(|m| m.2.semantic).collect());
        let lowest_lexical = combiner::two_smallest(measured.iter().map(|m| m.2.rest.cosine));
        let lowest_evidence =
            combiner::two_smallest(measured.iter().map(|m| combiner::evidence_per_word(&m.2)));
        let lowest_semantic = combiner::two_smallest(measured.iter().map(|m| m.2.semantic));
        measured
            .into_iter()
            .enumerate()
            .map(|(i, (p, headline, features))| {
                let place = Place {
                    document_words: analysis.words(),
                    headline: headline.is_some(),
                    median_lexical,
                    median_semantic,
                    others_lexical: combiner::smallest_other(
                        lowest_lexical,
                        i,
                        features.rest.cosine,
                    ),
                    others_evidence: combiner::smallest_other(
                        lowest_evidence,
                        i,
                        combiner::evidence_per_word(&features),
                    ),
                    others_semantic: combiner::smallest_other(
                        lowest_semantic,
                        i,
                        features.semantic,
                    ),
                };
                Candidate {
                    values: combiner::values(&features, &place),
                    p,
                    headline,
                    features,
                }
            })
            .collect()
    }

    /// The hand-set guards every decision keeps: enough content words, and a mostly
    /// quoted paragraph only with a headline above it. A paragraph that comes from
    /// another file of the run (`sourced`) needs half the content words and may be
    /// quoted, if it is prose of [`SHARED_PROSE_WORDS`] (`prose`): its own words are
    /// weak evidence when few or quoted (a quotation speaks in general words), but the
    /// file it was taken from is not.
    fn guards_pass(&self, c: &Candidate, sourced: bool, prose: bool) -> bool {
        let t = &self.thresholds;
        if sourced {
            return prose && 2 * c.features.content_words >= t.min_content_words;
        }
        c.features.content_words >= t.min_content_words
            && (c.features.quoted <= t.max_quoted_share || c.headline.is_some())
    }

    /// Whether the measured paragraph does not belong: lexically isolated, and either
    /// introducing its own names or, naming no one, isolated beyond doubt.
    fn isolated(&self, f: &Features, headline: bool) -> bool {
        let t = &self.thresholds;
        let Decision::Limits {
            max_similarity,
            max_evidence,
            max_evidence_unnamed,
        } = t.decision
        else {
            return false;
        };
        let bonus = if headline { t.headline_bonus } else { 0.0 };
        if f.rest.cosine > max_similarity
            || f.neighbours > t.max_neighbour_similarity
            || f.depth < t.min_depth
        {
            return false;
        }
        if f.names == 0 {
            return f.evidence <= max_evidence_unnamed + bonus;
        }
        let novel = f.novel_names.len();
        f.evidence <= max_evidence + bonus
            && novel >= t.min_novel_names
            && novel as f64 >= t.min_novel_share * f.names as f64
    }

    /// The shape of a headline, not of prose: paragraph `p` (not the title) is one line
    /// of at most `headline-max-words` words with no closing punctuation.
    fn headline_shaped(&self, doc: &Document, p: usize) -> bool {
        let para = &doc.paragraphs()[p];
        p >= 1
            && para.lines.len() == 1
            && doc.paragraph_words(p).len() <= self.thresholds.headline_max_words
            && !doc.slice(&para.range).ends_with(CLOSING)
    }

    /// A headline-shaped line with `headline-min-content-words` content words and
    /// `blank` blank lines between it and the next paragraph.
    fn headline_over(&self, doc: &Document, analysis: &Analysis, p: usize, blank: usize) -> bool {
        doc.paragraphs().get(p + 1).is_some_and(|below| {
            below.lines.start == doc.paragraphs()[p].lines.end + blank
                && self.headline_shaped(doc, p)
                && analysis.content_words(p) >= self.thresholds.headline_min_content_words
        })
    }

    /// A headline-like line standing right above the next paragraph (no blank line
    /// between): judged with that paragraph, never alone.
    fn is_headline(&self, doc: &Document, analysis: &Analysis, p: usize) -> bool {
        self.headline_over(doc, analysis, p, 0)
    }

    /// A headline standing alone between blank lines that has nothing in common with
    /// the article: a single line with no closing punctuation, at most
    /// `headline-max-words` words, no content word the rest of the article uses and no
    /// name it mentions, after and before a paragraph of prose (not inside a list of
    /// such lines).
    fn lone_headline(&self, doc: &Document, c: &Candidate) -> bool {
        let t = &self.thresholds;
        let paragraphs = doc.paragraphs();
        let prose = |q: usize| {
            paragraphs.get(q).is_some_and(|o| {
                doc.paragraph_words(q).len() > t.headline_max_words
                    || doc
                        .slice(&o.range)
                        .ends_with(['.', '!', '?', '"', '\u{201D}'])
            })
        };
        c.headline.is_none()
            && self.headline_shaped(doc, c.p)
            && c.features.rest.shared == 0
            && c.features.novel_names.len() == c.features.names
            && prose(c.p - 1)
            && prose(c.p + 1)
    }

    /// For a flagged paragraph: the headline-like line before it with one blank line
    /// between, when it heads the paragraph as [`Self::headline_above`] asks. It joins
    /// the diagnostic's span, not the measurement (a subheading of the story stands so
    /// too, and would weigh for every paragraph below one).
    fn headline_before_blank(
        &self,
        doc: &Document,
        analysis: &Analysis,
        p: usize,
    ) -> Option<usize> {
        let h = p.checked_sub(1)?;
        (self.headline_over(doc, analysis, h, 1) && self.heads(doc, analysis, h, p)).then_some(h)
    }

    /// Whether line `h` reads as the headline of paragraph `p` (see
    /// [`Self::headline_above`]).
    fn heads(&self, doc: &Document, analysis: &Analysis, h: usize, p: usize) -> bool {
        let f = analysis.features(doc, h, h..p + 1);
        let heads_p = analysis.shares_name(h, p)
            || analysis.similarity(h, p) > f.rest.cosine
            || analysis.semantic_similarity(h, p) > f.semantic;
        let novel = f.novel_names.len() as f64;
        heads_p && novel >= self.thresholds.min_novel_share * f.names as f64
    }

    /// The headline-like line right above `p` when it heads `p`: it shares a name with
    /// `p` or is closer to `p` than to the rest of the document (in words or in
    /// meaning: `Pop star announces engagement` over `The singer ... a diamond ring`),
    /// and its names are new to the rest (a subheading of the story names the story's
    /// people).
    fn headline_above(&self, doc: &Document, analysis: &Analysis, p: usize) -> Option<usize> {
        let h = p.checked_sub(1)?;
        (self.is_headline(doc, analysis, h) && self.heads(doc, analysis, h, p)).then_some(h)
    }

    fn diagnostic(
        &self,
        doc: &Document,
        span: Range<usize>,
        f: &Features,
        headline: bool,
        verdict: Option<Verdict>,
    ) -> Diagnostic {
        let entities = describe_names(f);
        let headline = if headline {
            "; the line above it reads as its headline"
        } else {
            ""
        };
        let value = |v: &str| -> Option<String> {
            Some(match v {
                "shared" => f.rest.shared.to_string(),
                "words" => f.content_words.to_string(),
                "similarity" => format!("{:.2}", f.rest.cosine),
                "evidence" => format!("{:.1}", f.evidence),
                "entities" => entities.clone(),
                "neighbours" => format!("{:.2}", f.neighbours),
                "depth" => format!("{:.2}", f.depth),
                "headline" => headline.to_owned(),
                "semantic" => format!("{:.2}", f.semantic),
                "probability" => verdict
                    .as_ref()
                    .map_or_else(String::new, |v| format!("{:.2}", v.probability)),
                "reasons" => verdict
                    .as_ref()
                    .map_or_else(String::new, |v| v.reasons.clone()),
                _ => return None,
            })
        };
        self.meta
            .diagnostic(doc, span, None, |v| value(v).map(Into::into))
    }
}

/// "introduces 4 names found nowhere else (Meghan, Markle, Harry, Archie)".
fn describe_names(f: &Features) -> String {
    let novel = &f.novel_names;
    match (f.names, novel.len()) {
        (0, _) => "names no one".to_owned(),
        (_, 0) => "introduces no new names".to_owned(),
        (_, n) => {
            let mut list = novel[..n.min(LISTED_NAMES)].join(", ");
            if n > LISTED_NAMES {
                list.push_str(", ...");
            }
            let noun = if n == 1 { "name" } else { "names" };
            format!("introduces {n} {noun} found nowhere else ({list})")
        }
    }
}

/// The two or three kinds of evidence that pushed the combiner's probability up most,
/// in words: "few words shared with the article, new names, unrelated in meaning".
fn describe_reasons(contributions: &[(&'static str, f32)]) -> String {
    let mut out: Vec<&str> = Vec::new();
    for &(feature, _) in contributions {
        let reason = match feature {
            "lex_cosine" | "lex_relative" | "evidence" | "evidence_per_word" | "shared_share" => {
                "few words shared with the article"
            }
            "ln_novel_names" | "novel_share" => "names found nowhere else",
            "ln_novel_bare" => "people named as if already introduced",
            "no_names" => "names no one",
            "lex_gap" | "evidence_gap" | "sem_gap" => "more isolated than any other paragraph",
            "neighbours" | "depth" => "unlike the paragraphs around it",
            "bridge" | "sem_bridge" => "parts two paragraphs that belong together",
            "headline" => "a headline of its own",
            f if f.starts_with("sem_") => "unrelated in meaning",
            "ln_names" => "few names",
            "quoted" => "little of it quoted",
            _ => "enough text to judge",
        };
        if !out.contains(&reason) {
            out.push(reason);
        }
        if out.len() == 3 {
            break;
        }
    }
    out.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RuleSet;
    use crate::text::Document;

    /// The off-topic warnings of the built-in rules on `docs` checked in one run:
    /// (document, first line).
    fn warnings(docs: &[&str]) -> Vec<(usize, usize)> {
        let rules = RuleSet::builtin().unwrap();
        let docs: Vec<Document> = docs.iter().map(|t| Document::from_text(t)).collect();
        let out = crate::engine::check_corpus(&rules, &docs);
        let mut found = Vec::new();
        for (i, ds) in out.iter().enumerate() {
            for d in ds.iter().filter(|d| &*d.rule == "off-topic.insertion") {
                found.push((i, docs[i].line_col(d.span.start).line));
            }
        }
        found
    }

    const DONOR: &str = "Orchard growers count losses after late frost\n\nApple and pear growers in the valley said on Tuesday that a late frost in April destroyed much of the blossom in their orchards, and that this year's harvest would be the smallest in a decade.\n\nThe growers' association said frost fans and sprinklers had saved some trees, but that smaller farms without them had lost nearly all of their early blossom to the cold nights.\n\nCider makers, who buy most of the valley's apples, warned that the price of fruit for pressing would rise sharply, and that several small cideries might not open their presses at all this autumn.\n\nThe association has asked the regional government for emergency grants to cover the cost of replanting damaged trees and of buying frost protection before next spring.\n\nGrowers said insurance rarely covers frost damage to blossom, because policies pay out only for fruit lost after it has set on the branch.\n\nAgronomists at the university said warmer winters make trees flower earlier, which leaves the blossom exposed to frosts that used to arrive before the buds opened.\n\nThe association will meet ministers next week to discuss the grants and a longer term plan for protecting orchards across the region.";

    #[test]
    fn a_short_article_with_another_files_paragraph() {
        let spliced = DONOR.split("\n\n").nth(3).unwrap();
        let host = format!(
            "Bus lane on ring road opens next month\n\nA new bus lane on the city's ring road will open to buses and taxis next month, the transport department said on Friday.\n\nThe lane runs for three kilometres between the station roundabout and the hospital, and drivers caught using it will be fined.\n\n{spliced}\n\nThe department expects journey times for the three busiest bus routes to fall by about five minutes at peak hours.\n\nCyclists will also be allowed to use the lane, which is marked in red paint and signposted at every junction."
        );
        assert!(
            Document::from_text(&host).words().len() < 250,
            "a short article"
        );
        // In the run with the article it came from, the paragraph is flagged there and
        // only there; alone, the short article is not judged.
        assert_eq!(warnings(&[&host, DONOR]), [(0, 7)]);
        assert!(warnings(&[&host]).is_empty());
    }

    /// A bus-lane article of more than `min-document-words`, with `{spliced}` inserted
    /// after its fourth paragraph, or at its end with `{last}`.
    fn long_host(spliced: &str, last: &str) -> String {
        format!(
            "Bus lane on ring road opens next month\n\nA new bus lane on the city's ring road will open to buses and taxis next month, the transport department said on Friday.\n\nThe lane runs for three kilometres between the station roundabout and the hospital, and drivers caught using it will be fined.\n\nThe department expects journey times for the three busiest bus routes to fall by about five minutes at peak hours, when traffic on the ring road is heaviest.\n\nCyclists will also be allowed to use the lane, which is marked in red paint and signposted at every junction along the ring road.\n\n{spliced}\n\nCameras at six junctions will record drivers who enter the lane, and the first offence will cost a driver a fine of sixty euros.\n\nBus operators said the lane would help them keep to their timetables, which have slipped as traffic on the ring road has grown in recent years.\n\nResidents near the hospital asked the department to keep the lane open to ambulances and to delivery vans that serve the wards at night.\n\nThe department said ambulances on call may use the lane at any time, and that it would review the rules for delivery vans after six months.\n\nThe lane is the first of four the city plans to open on its main roads by the end of next year, at a cost of twelve million euros.{last}"
        )
    }

    #[test]
    fn another_files_paragraph_is_judged_at_the_end_and_with_few_content_words() {
        // The donor's closing paragraph as the host's last: the closing paragraph is
        // not judged by its words alone, but the file it came from is evidence.
        let closing = DONOR.split("\n\n").last().unwrap();
        let host = long_host("", &format!("\n\n{closing}"));
        let last_line = host.lines().count();
        assert!(Document::from_text(&host).words().len() >= 250);
        assert_eq!(warnings(&[&host, DONOR]), [(0, last_line)]);
        assert!(warnings(&[&host]).is_empty());
        // A paragraph of few content words (fewer than `min-content-words`) is judged
        // when the file it came from is in the run.
        let few =
            "Growers said the frost was the worst they could remember, and that it may come again.";
        let donor = DONOR.replace(
            "The association will meet",
            &format!("{few}\n\nThe association will meet"),
        );
        let host = long_host(few, "");
        assert_eq!(warnings(&[&host, &donor]), [(0, 11)]);
        assert!(warnings(&[&host]).is_empty());
    }

    #[test]
    fn a_paragraph_typed_in_another_style_needs_less_evidence() {
        // The bus-lane article, long enough to be judged in full, with curly
        // apostrophes; a paragraph of a tram strike (probability about 0.36, under
        // `threshold`) is flagged when typed with straight ones.
        let more = "\n\nThe city’s transport committee approved the plan in March after a public consultation in which most of the six hundred replies backed the lane, though shop owners near the station said it’s going to cost them passing trade.\n\nThe department said it would publish figures on bus journey times every quarter, so that residents could judge whether the lane had worked, and that it’s ready to change the hours if the evening traffic gets worse.\n\nWork on the second lane, on the avenue that links the university with the old town, is due to start in the autumn and to take about five months.\n\nThe department’s engineers said the avenue is narrower than the ring road, so the second lane will run only in the morning towards the old town and in the evening towards the university.\n\nA third lane, on the bridge road, is still being designed, and the city will consult residents and bus passengers on it early next year before any work begins on the bridge.";
        let tram = "Tram drivers in the harbour district said they'd strike next week over rosters, and the operator's managers said services would be cut to one tram an hour.";
        let host = |paragraph: &str| long_host(paragraph, more).replace("city's", "city’s");
        assert!(Document::from_text(&host(tram)).words().len() >= 400);
        assert_eq!(warnings(&[&host(tram)]), [(0, 11)]);
        assert!(warnings(&[&host(&tram.replace('\'', "’"))]).is_empty());
    }

    #[test]
    fn runs_group_consecutive_paragraphs_of_one_other_file() {
        let others = [
            None,
            Some(("a.txt", Some(3))),
            Some(("a.txt", Some(3))),
            Some(("b.txt", None)),
            None,
            Some(("a.txt", Some(1))),
        ];
        assert_eq!(
            source_runs(&others),
            vec![None, Some(1..3), Some(1..3), Some(3..4), None, Some(5..6)]
        );
    }
}
