//! Per-line features for the line classifier, computed from the text model.
//!
//! One list, [`FEATURES`], names every feature; the fitting script reads the same
//! names from `scrapelint features` and the model file must list them in this order,
//! so the Rust side and the fitted weights cannot drift apart silently.

use std::borrow::Cow;
use std::ops::Range;

use crate::corpus::{CorpusStats, LineKeys};
use crate::diagnostic::{Category, Diagnostic};
use crate::hash::{FastMap, FastSet};
use crate::rules::wordlists::WordSet;
use crate::text::{Document, calendar, lowercase};

use super::hashed;

/// Feature names, in vector order.
pub const FEATURES: &[&str] = &[
    "words",
    "chars",
    "terminal",
    "colon_end",
    "stopword_share",
    "cap_share",
    "caps_share",
    "digit_share",
    "symbol_share",
    "separator",
    "link",
    "date_like",
    "headline_like",
    "prose",
    "position",
    "edge",
    "before_body",
    "after_body",
    "body_share",
    "bp_rule",
    "bp_near",
    "bp_region",
    "repeated",
    "repeated_share",
    "cohesion",
    "no_content",
    "prev_words",
    "next_words",
    "prev_prose",
    "next_prose",
    "prev_headline",
    "next_headline",
    "punct_only",
    "run_len",
    "tail_run",
];

/// Features of one non-empty line.
#[derive(Debug, Clone)]
pub struct LineFeatures {
    /// 0-based line number.
    pub line: usize,
    /// Trimmed content range.
    pub range: Range<usize>,
    pub values: Vec<f32>,
    /// Hashed n-grams of the line and its neighbours' words ([`hashed::features`]).
    pub hashed: Vec<(u32, f32)>,
    /// Raw facts used to word the diagnostic's reasons.
    pub facts: Facts,
}

/// Raw, human-meaningful numbers behind some features.
#[derive(Debug, Clone, Copy, Default)]
pub struct Facts {
    pub words: usize,
    pub files_with_line: u32,
    pub content_words: usize,
    pub shared_content_words: usize,
}

/// Shape facts of one line, before context.
#[derive(Debug, Clone, Default)]
struct Shape<'a> {
    words: usize,
    chars: usize,
    terminal: bool,
    colon_end: bool,
    stopword_share: f32,
    cap_share: f32,
    caps_share: f32,
    digit_share: f32,
    symbol_share: f32,
    separator: bool,
    link: bool,
    date_like: bool,
    headline_like: bool,
    prose: bool,
    /// Lowercase content words, borrowed from the line when it writes them so.
    content: Vec<Cow<'a, str>>,
}

/// The shape of one line. `english`: the article is English (or of no language that
/// could be told), so a sentence of prose also has English function words; in another
/// language the stopword list says nothing, and a long line ending a sentence is prose.
fn shape<'a>(text: &'a str, stopwords: &WordSet, english: bool) -> Shape<'a> {
    let trimmed = text.trim_end_matches(['"', '\'', '\u{201D}', '\u{2019}', ')', ']', ' ']);
    let tokens: Vec<&str> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}' || c == '-'))
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect();
    let words = tokens.len();
    let n = words.max(1) as f32;
    let lower: Vec<Cow<'a, str>> = tokens.iter().map(|w| lowercase(w)).collect();
    let stop = lower
        .iter()
        .filter(|w| stopwords.contains(w.as_ref()))
        .count();
    let cap = tokens
        .iter()
        .filter(|w| crate::text::starts_upper(w))
        .count();
    let caps = tokens
        .iter()
        .filter(|w| {
            w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !w.chars().any(char::is_lowercase)
        })
        .count();
    let chars = text.chars().count();
    let nc = chars.max(1) as f32;
    let digits = text.chars().filter(char::is_ascii_digit).count();
    let symbols = text
        .chars()
        .filter(|c| !c.is_alphanumeric() && !c.is_whitespace())
        .count();
    let terminal = trimmed.ends_with(['.', '!', '?', '\u{2026}']);
    let lowered = text.to_lowercase();
    let link = lowered.contains("http")
        || lowered.contains("www.")
        || lowered.contains(".com")
        || lowered.contains('@');
    let separator = text.contains('|')
        || text.contains('\u{203A}')
        || text.contains('\u{00BB}')
        || text.contains(" \u{00B7} ");
    let date_like = (digits >= 4 && lower.iter().any(|w| calendar::is_month(w)))
        || lower.iter().any(|w| {
            w.len() == 10
                && w.chars().filter(|c| *c == '-').count() == 2
                && w.chars().next().is_some_and(|c| c.is_ascii_digit())
        })
        || lowered.contains(" ago")
        || (digits >= 3
            && (lowered.contains(" am")
                || lowered.contains(" pm")
                || lowered.contains("a.m.")
                || lowered.contains("p.m.")));
    let stopword_share = stop as f32 / n;
    let cap_share = cap as f32 / n;
    let content: Vec<Cow<'a, str>> = lower
        .into_iter()
        .filter(|w| {
            w.chars().count() >= 3
                && !stopwords.contains(w.as_ref())
                && w.chars().any(char::is_alphabetic)
        })
        .collect();
    Shape {
        words,
        chars,
        terminal,
        colon_end: trimmed.ends_with(':'),
        stopword_share,
        cap_share,
        caps_share: caps as f32 / n,
        digit_share: digits as f32 / nc,
        symbol_share: symbols as f32 / nc,
        separator,
        link,
        date_like,
        headline_like: words > 0 && words <= 14 && !terminal && cap_share >= 0.5,
        prose: words >= 10 && terminal && (stopword_share >= 0.2 || !english),
        content,
    }
}

fn flag(b: bool) -> f32 {
    if b { 1.0 } else { 0.0 }
}

fn ln1p(n: usize) -> f32 {
    (n as f32).ln_1p()
}

/// Computes the features of every non-empty line of `doc`. `prior` are the diagnostics
/// of rules that ran before the classifier; `corpus` the run's statistics. Only the
/// hashed buckets for which `keep` holds are kept (a model reads only the buckets it
/// weighs; the fitting script reads all of them).
pub fn extract(
    doc: &Document,
    prior: &[Diagnostic],
    corpus: &CorpusStats,
    keys: &LineKeys,
    stopwords: &WordSet,
    keep: &impl Fn(u32) -> bool,
) -> Vec<LineFeatures> {
    let lines: Vec<(usize, Range<usize>)> = doc.nonblank_lines().collect();
    let english = super::reads_english(doc);
    let shapes: Vec<Shape> = lines
        .iter()
        .map(|(_, r)| shape(doc.slice(r), stopwords, english))
        .collect();
    let n = lines.len();
    let first_prose = shapes.iter().position(|s| s.prose);
    let last_prose = shapes.iter().rposition(|s| s.prose);
    let prose_words: usize = shapes.iter().filter(|s| s.prose).map(|s| s.words).sum();
    let all_words: usize = shapes.iter().map(|s| s.words).sum::<usize>().max(1);

    // Lines (0-based, among non-empty lines) covered by a boilerplate diagnostic.
    let idx = doc.line_index();
    let line_pos: FastMap<usize, usize> = lines
        .iter()
        .enumerate()
        .map(|(i, (l, _))| (*l, i))
        .collect();
    let mut bp = vec![false; n];
    for d in prior.iter().filter(|d| d.category == Category::Boilerplate) {
        let (a, b) = (
            idx.line_of(d.span.start),
            idx.line_of(d.span.end.saturating_sub(1).max(d.span.start)),
        );
        for l in a..=b {
            if let Some(&i) = line_pos.get(&l) {
                bp[i] = true;
            }
        }
    }
    let bp_distance = distances(&bp);
    // A trailing region: below some boilerplate line with no prose line in between.
    let mut bp_region = vec![false; n];
    let mut open = false;
    for i in 0..n {
        if bp[i] {
            open = true;
        } else if shapes[i].prose {
            open = false;
        }
        bp_region[i] = open;
    }

    // Content words per line, to tell how much a line shares with the rest.
    let mut doc_counts: FastMap<&str, usize> = FastMap::default();
    for s in &shapes {
        for w in s.content.iter().collect::<FastSet<_>>() {
            *doc_counts.entry(w.as_ref()).or_default() += 1;
        }
    }
    let docs = corpus.documents();
    // Runs of consecutive non-prose lines: related-story lists, menus, comment threads.
    let mut run_len = vec![0usize; n];
    let mut tail_run = vec![false; n];
    let mut start = 0;
    let ends = shapes
        .iter()
        .enumerate()
        .filter(|(_, s)| s.prose)
        .map(|(i, _)| i)
        .chain([n]);
    for end in ends {
        run_len[start..end].fill(end - start);
        tail_run[start..end].fill(end == n);
        start = end + 1;
    }

    let normal: Vec<String> = lines
        .iter()
        .map(|(_, r)| hashed::normalise(doc.slice(r)))
        .collect();
    let line_words: Vec<Vec<String>> = normal.iter().map(|n| hashed::words_of_normal(n)).collect();
    let mut out = Vec::with_capacity(n);
    for (i, ((line, range), s)) in lines.iter().zip(&shapes).enumerate() {
        let unique: FastSet<&str> = s.content.iter().map(|w| w.as_ref()).collect();
        let shared = unique
            .iter()
            .filter(|w| doc_counts.get(*w).copied().unwrap_or(0) > 1)
            .count();
        let cohesion = if unique.is_empty() {
            0.0
        } else {
            shared as f32 / unique.len() as f32
        };
        let files = if docs >= 3 {
            corpus.files_with_key(&keys.of(doc, range))
        } else {
            0
        };
        let others = files.saturating_sub(1);
        let position = if n > 1 {
            i as f32 / (n - 1) as f32
        } else {
            0.0
        };
        let prev = i.checked_sub(1).map(|j| &shapes[j]);
        let next = shapes.get(i + 1);
        let values = vec![
            ln1p(s.words),
            ln1p(s.chars),
            flag(s.terminal),
            flag(s.colon_end),
            s.stopword_share,
            s.cap_share,
            s.caps_share,
            s.digit_share,
            s.symbol_share,
            flag(s.separator),
            flag(s.link),
            flag(s.date_like),
            flag(s.headline_like),
            flag(s.prose),
            position,
            position.min(1.0 - position),
            flag(first_prose.is_none_or(|f| i < f)),
            flag(last_prose.is_none_or(|l| i > l)),
            prose_words as f32 / all_words as f32,
            flag(bp[i]),
            bp_distance[i].map_or(0.0, |d| (-(d as f32) / 2.0).exp()),
            flag(bp_region[i]),
            ln1p(others as usize),
            if docs >= 3 {
                others as f32 / (docs - 1) as f32
            } else {
                0.0
            },
            cohesion,
            flag(unique.is_empty()),
            prev.map_or(0.0, |p| ln1p(p.words)),
            next.map_or(0.0, |p| ln1p(p.words)),
            flag(prev.is_some_and(|p| p.prose)),
            flag(next.is_some_and(|p| p.prose)),
            flag(prev.is_some_and(|p| p.headline_like)),
            flag(next.is_some_and(|p| p.headline_like)),
            flag(s.words == 0),
            ln1p(run_len[i]),
            flag(tail_run[i] && run_len[i] > 0),
        ];
        debug_assert_eq!(values.len(), FEATURES.len());
        let hashed = hashed::features_of_words(
            &normal[i],
            &line_words[i],
            i.checked_sub(1).map(|j| line_words[j].as_slice()),
            line_words.get(i + 1).map(Vec::as_slice),
            keep,
        );
        out.push(LineFeatures {
            line: *line,
            range: range.clone(),
            values,
            hashed,
            facts: Facts {
                words: s.words,
                files_with_line: files,
                content_words: unique.len(),
                shared_content_words: shared,
            },
        });
    }
    out
}

/// For each position, the distance to the nearest `true` other than itself.
fn distances(marks: &[bool]) -> Vec<Option<usize>> {
    let n = marks.len();
    let mut out = vec![None; n];
    let mut last: Option<usize> = None;
    for i in 0..n {
        out[i] = last.map(|l| i - l);
        if marks[i] {
            last = Some(i);
        }
    }
    last = None;
    for i in (0..n).rev() {
        if let Some(l) = last {
            let d = l - i;
            out[i] = Some(out[i].map_or(d, |x: usize| x.min(d)));
        }
        if marks[i] {
            last = Some(i);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stop() -> WordSet {
        [
            "the", "a", "of", "to", "and", "in", "on", "was", "it", "for",
        ]
        .iter()
        .map(|s| (*s).into())
        .collect()
    }

    #[test]
    fn shapes_tell_prose_from_headlines() {
        let p = shape(
            "The council voted on Monday to extend the tram line to the airport by 2026.",
            &stop(),
            true,
        );
        assert!(p.prose && p.terminal && !p.headline_like);
        let h = shape(
            "Networks Omit Latest Border Figures At El Paso",
            &stop(),
            true,
        );
        assert!(h.headline_like && !h.prose);
        assert!(shape("Posted 5 hours ago", &stop(), true).date_like);
        assert!(shape("Home | News | Sport", &stop(), true).separator);
    }

    #[test]
    fn prose_in_another_language_needs_no_english_function_words() {
        let german = "Der Umbau hat rund 4,8 Millionen Euro gekostet, etwas mehr als geplant.";
        assert!(!shape(german, &stop(), true).prose);
        assert!(shape(german, &stop(), false).prose);
        // a long line that ends no sentence is prose in no language
        let menu =
            "Startseite Nachrichten Region Sport Kultur Wirtschaft Reisen Wetter Anmelden Suche";
        assert!(!shape(menu, &stop(), false).prose);
    }

    #[test]
    fn distances_to_marks() {
        let d = distances(&[false, true, false, false, true]);
        assert_eq!(d, [Some(1), Some(3), Some(1), Some(1), Some(3)]);
    }

    #[test]
    fn vector_has_every_feature() {
        let doc = Document::from_text(
            "Title here\nThe council voted on Monday to extend the tram line to the airport by 2026.\nShare this\n",
        );
        let f = extract(
            &doc,
            &[],
            &CorpusStats::default(),
            &Default::default(),
            &stop(),
            &|_| true,
        );
        assert_eq!(f.len(), 3);
        assert!(f.iter().all(|l| l.values.len() == FEATURES.len()));
        let share = hashed::bucket(hashed::Group::Word, "share");
        assert!(f[2].hashed.iter().any(|(b, _)| *b == share));
        let next_share = hashed::bucket(hashed::Group::NextWord, "share");
        assert!(f[1].hashed.iter().any(|(b, _)| *b == next_share));
        let after = FEATURES.iter().position(|n| *n == "after_body").unwrap();
        assert_eq!(f[2].values[after], 1.0);
        assert_eq!(f[1].values[after], 0.0);
    }
}
