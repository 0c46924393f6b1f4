//! Running cohesion rules on a document: which paragraphs are judged, when one is
//! flagged, and the diagnostic that says why.

use std::collections::HashSet;
use std::ops::Range;

use super::analysis::{Analysis, Features};
use super::{CohesionRule, Model};
use crate::corpus::CorpusNeeds;
use crate::diagnostic::Diagnostic;
use crate::rules::{CheckContext, Checker};
use crate::text::Document;

/// Names listed in a message at most; the count says how many there are.
const LISTED_NAMES: usize = 5;

#[derive(Debug)]
pub(super) struct CohesionChecker {
    pub(super) rules: Vec<CohesionRule>,
}

impl Checker for CohesionChecker {
    fn check(&self, doc: &Document, cx: &CheckContext<'_>, out: &mut Vec<Diagnostic>) {
        let mut analyses: Vec<(&Model, Analysis)> = Vec::new();
        // Paragraphs already reported by an earlier rule (a warning rule listed before
        // an info rule), so a paragraph gets one diagnostic.
        let mut flagged: HashSet<usize> = HashSet::new();
        for rule in self.rules.iter().filter(|r| cx.enabled(&r.meta)) {
            let i = match analyses.iter().position(|(m, _)| m.same(&rule.model)) {
                Some(i) => i,
                None => {
                    let m = &rule.model;
                    analyses.push((m, Analysis::new(doc, &m.lexicon, cx.corpus, m.params)));
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
    fn check(
        &self,
        doc: &Document,
        analysis: &Analysis,
        flagged: &mut HashSet<usize>,
        out: &mut Vec<Diagnostic>,
    ) {
        let t = &self.thresholds;
        if doc.words().len() < t.min_document_words {
            return;
        }
        let n = doc.paragraphs().len();
        // The closing paragraph often zooms out to the wider picture: never judged.
        let Some(closing) = (0..n).rfind(|&p| analysis.content_words(p) >= t.min_content_words)
        else {
            return;
        };
        // Paragraph 0 is the title.
        for p in 1..closing {
            if flagged.contains(&p) || self.is_headline(doc, analysis, p) {
                continue;
            }
            let headline = self.headline_above(doc, analysis, p);
            let f = analysis.features(doc, p, headline.unwrap_or(p)..p + 1);
            if !self.isolated(&f, headline.is_some()) {
                continue;
            }
            flagged.insert(p);
            let start = headline.unwrap_or(p);
            flagged.insert(start);
            let span = doc.paragraphs()[start].range.start..doc.paragraphs()[p].range.end;
            out.push(self.diagnostic(doc, span, &f, headline.is_some()));
        }
    }

    /// Whether the measured paragraph does not belong: lexically isolated, and either
    /// introducing its own names or, naming no one, isolated beyond doubt.
    fn isolated(&self, f: &Features, headline: bool) -> bool {
        let t = &self.thresholds;
        let bonus = if headline { t.headline_bonus } else { 0.0 };
        if f.content_words < t.min_content_words
            || (f.quoted > t.max_quoted_share && !headline)
            || f.rest.cosine > t.max_similarity
            || f.neighbours > t.max_neighbour_similarity
            || f.depth < t.min_depth
        {
            return false;
        }
        if f.names == 0 {
            return f.evidence <= t.max_evidence_unnamed + bonus;
        }
        let novel = f.novel_names.len();
        f.evidence <= t.max_evidence + bonus
            && novel >= t.min_novel_names
            && novel as f64 >= t.min_novel_share * f.names as f64
    }

    /// A short line with no closing punctuation standing right above the next
    /// paragraph (no blank line between): the shape of a headline, not of prose.
    fn is_headline(&self, doc: &Document, analysis: &Analysis, p: usize) -> bool {
        let Some(below) = doc.paragraphs().get(p + 1) else {
            return false;
        };
        let above = &doc.paragraphs()[p];
        let words = doc.paragraph_words(p).len();
        p >= 1
            && above.lines.len() == 1
            && above.lines.end == below.lines.start
            && words <= self.thresholds.headline_max_words
            && analysis.content_words(p) >= self.thresholds.headline_min_content_words
            && !doc.slice(&above.range).ends_with([
                '.', '!', '?', ':', ';', ',', '"', '\u{201D}', '\u{2019}', '\u{2026}', ')',
            ])
    }

    /// The headline-like line right above `p` when it heads `p`: it shares a name with
    /// `p` or is closer to `p` than to the rest of the document, and its names are new
    /// to the rest (a subheading of the story names the story's people).
    fn headline_above(&self, doc: &Document, analysis: &Analysis, p: usize) -> Option<usize> {
        let h = p.checked_sub(1)?;
        if !self.is_headline(doc, analysis, h) {
            return None;
        }
        let f = analysis.features(doc, h, h..p + 1);
        let heads_p = analysis.shares_name(h, p) || analysis.similarity(h, p) > f.rest.cosine;
        let novel = f.novel_names.len() as f64;
        (heads_p && novel >= self.thresholds.min_novel_share * f.names as f64).then_some(h)
    }

    fn diagnostic(
        &self,
        doc: &Document,
        span: Range<usize>,
        f: &Features,
        headline: bool,
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
