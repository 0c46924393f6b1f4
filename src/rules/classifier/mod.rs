//! Kind `classifier`: a fitted line classifier for leftovers no phrase list names.
//!
//! Every non-empty line gets the features of [`features::FEATURES`] (shape,
//! position, the hits of earlier boilerplate rules, repetition across the run's files,
//! words shared with the rest of the article, the same facts of its neighbours). A
//! logistic model fitted offline by `scripts/train/fit_classifier.py` turns them into a
//! probability; a second stage adds the neighbours' probabilities, because boilerplate
//! comes in runs. Lines at or above `threshold` are flagged, naming the features that
//! weighed most. Lines another boilerplate rule already flags are left to that rule, and
//! the title line is never flagged.

pub mod features;
pub mod hashed;
pub mod model;
pub mod smoothing;

use crate::rules::Data;
use std::borrow::Cow;

use serde::Deserialize;
use toml::Spanned;

use super::wordlists::{WordSet, parse_word_set};
use super::{CheckContext, Checker, DataStore, Kind, LoadError, RuleInput, RuleMeta, build_each};
use crate::corpus::CorpusNeeds;
use crate::diagnostic::{Diagnostic, Severity};
use crate::text::code::looks_like_code;
use crate::text::{Document, Language};
use features::{FEATURES, Facts, LineFeatures};
use model::Model;

#[derive(Debug)]
pub struct ClassifierKind;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Config {
    /// The fitted model (JSON), relative to the rule file or built in.
    model: Spanned<String>,
    #[serde(default = "default_stopwords")]
    stopwords: Spanned<String>,
    /// Probability at or above which a line is flagged with the rule's severity.
    threshold: f32,
    /// Probability at or above which a line is flagged as `info`.
    #[serde(default)]
    info_threshold: Option<f32>,
    /// Documents with fewer non-empty lines are not judged: the features place each
    /// line relative to the page around it, and a few lines are no page.
    #[serde(default = "five")]
    min_lines: usize,
}

fn five() -> usize {
    5
}

fn default_stopwords() -> Spanned<String> {
    Spanned::new(0..0, "data/stopwords-en.txt".to_owned())
}

#[derive(Debug)]
struct ClassifierRule {
    meta: RuleMeta,
    model: Data<Model>,
    stopwords: Data<WordSet>,
    threshold: f32,
    info_threshold: f32,
    min_lines: usize,
}

#[derive(Debug)]
struct ClassifierChecker {
    rules: Vec<ClassifierRule>,
}

/// The built-in stopword list, for feature export outside a rule.
pub fn builtin_stopwords() -> WordSet {
    super::builtin::data_file("data/stopwords-en.txt")
        .and_then(|t| parse_word_set(t).ok())
        .unwrap_or_default()
}

impl Kind for ClassifierKind {
    fn name(&self) -> &'static str {
        "classifier"
    }

    fn doc(&self) -> &'static str {
        "A fitted logistic line classifier. Keys: `model` (JSON written by scripts/train/fit_classifier.py), `threshold` (probability for the rule's severity), `info-threshold` (optional, lower probability reported as info), `min-lines` (documents with fewer non-empty lines are not judged, default 5), `stopwords` (word list). Message placeholders: {probability}, {reasons}. Features: line shape (length, punctuation, capitals, digits, symbols, stopword share), position relative to the article body, hits of earlier boilerplate rules nearby, repetition across the run's files, content words shared with the rest of the article, and the same facts of neighbouring lines; a second stage adds the neighbours' probabilities."
    }

    fn build(
        &self,
        inputs: Vec<RuleInput<'_>>,
        data: &DataStore,
    ) -> Result<Box<dyn Checker>, Vec<LoadError>> {
        let rules = build_each(&inputs, |input| build_rule(input, data))?;
        Ok(Box::new(ClassifierChecker { rules }))
    }
}

fn build_rule(input: &RuleInput<'_>, data: &DataStore) -> Result<ClassifierRule, LoadError> {
    let config: Config = input.config_for(&["match", "probability", "reasons"])?;
    let model = data.load(input, &config.model, |t| Model::parse(t, FEATURES))?;
    let stopwords = data.load(input, &config.stopwords, parse_word_set)?;
    let in_unit = |v: f32| (0.0..=1.0).contains(&v);
    if !in_unit(config.threshold)
        || config
            .info_threshold
            .is_some_and(|t| !in_unit(t) || t > config.threshold)
    {
        return Err(input.error(
            input.span.clone(),
            "thresholds are probabilities: 0 <= info-threshold <= threshold <= 1",
        ));
    }
    Ok(ClassifierRule {
        meta: input.meta.clone(),
        model,
        stopwords,
        threshold: config.threshold,
        info_threshold: config.info_threshold.unwrap_or(config.threshold),
        min_lines: config.min_lines,
    })
}

/// Words the strongest reasons, e.g. "words typical of boilerplate ('subscribe',
/// 'newsletter'), short line (3 words), among other boilerplate lines".
fn reasons(model: &Model, line: &LineFeatures, text: &str, p_window: f32) -> String {
    let contributions = model.stage1.contributions(&line.values);
    let mut ranked: Vec<(f32, String)> = contributions
        .iter()
        .enumerate()
        .filter(|(_, c)| **c > 0.0)
        .filter_map(|(i, c)| Some((*c, reason(FEATURES[i], line.values[i], &line.facts)?)))
        .collect();
    let own = model.hashed_logit(&hashed::features(text, None, None));
    let context = model.hashed_logit(&line.hashed) - own;
    if own > 0.0 {
        ranked.push((own, wording(model, text)));
    }
    if context > 0.0 {
        ranked.push((context, "next to lines worded like boilerplate".into()));
    }
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut out: Vec<String> = Vec::new();
    if p_window > 0.5 {
        out.push("among other boilerplate lines".into());
    }
    for (_, r) in ranked {
        if !out.contains(&r) {
            out.push(r);
        }
        if out.len() == 3 {
            break;
        }
    }
    if out.is_empty() {
        "its overall shape".into()
    } else {
        out.join(", ")
    }
}

/// "words typical of boilerplate ('subscribe', 'newsletter')": the line's words that
/// weigh most towards boilerplate.
fn wording(model: &Model, text: &str) -> String {
    let mut words: Vec<(f32, String)> = hashed::words(text)
        .into_iter()
        .map(|w| {
            (
                model.bucket_weight(hashed::bucket(hashed::Group::Word, &w)),
                w,
            )
        })
        .filter(|(weight, w)| *weight > 0.0 && w.chars().any(char::is_alphabetic))
        .collect();
    words.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    words.dedup_by(|a, b| a.1 == b.1);
    let named: Vec<String> = words
        .iter()
        .take(2)
        .map(|(_, w)| format!("'{w}'"))
        .collect();
    if named.is_empty() {
        "wording typical of boilerplate".into()
    } else {
        format!("words typical of boilerplate ({})", named.join(", "))
    }
}

fn reason(name: &str, value: f32, f: &Facts) -> Option<String> {
    Some(match name {
        "words" | "chars" if f.words < 8 => format!(
            "short line ({} word{})",
            f.words,
            if f.words == 1 { "" } else { "s" }
        ),
        "terminal" | "prose" if value == 0.0 => "no sentence punctuation".into(),
        "stopword_share" => "few function words".into(),
        "cap_share" | "headline_like" => "headline-like capitalisation".into(),
        "caps_share" => "words in capitals".into(),
        "digit_share" | "date_like" => "a date, time or number".into(),
        "symbol_share" | "separator" => "menu-like separators".into(),
        "link" => "a link, address or handle".into(),
        "before_body" => "before the article text".into(),
        "after_body" => "after the end of the article text".into(),
        "position" | "edge" => "at the edge of the page".into(),
        "bp_near" | "bp_region" | "bp_rule" => "next to other boilerplate".into(),
        "repeated" | "repeated_share" if f.files_with_line > 1 => {
            format!("repeated in {} files", f.files_with_line)
        }
        "cohesion" | "no_content" if f.content_words == 0 => "no content words".into(),
        "cohesion" | "no_content" => format!(
            "shares {} of {} content words with the article",
            f.shared_content_words, f.content_words
        ),
        "prev_words" | "next_words" | "prev_prose" | "next_prose" | "prev_headline"
        | "next_headline" => "between short lines".into(),
        "body_share" => "little prose on the page".into(),
        "punct_only" => "punctuation only".into(),
        "run_len" => "in a run of lines that are not sentences".into(),
        "tail_run" => "in the trailing run of non-sentences".into(),
        _ => return None,
    })
}

impl ClassifierRule {
    fn check(
        &self,
        doc: &Document,
        cx: &CheckContext<'_>,
        prior: &[Diagnostic],
    ) -> Vec<Diagnostic> {
        // Read through the `Data` handle once: the test runs on every n-gram.
        let model: &Model = &self.model;
        let weighed = |bucket| model.weighs(bucket);
        let lines = features::extract(doc, prior, cx.corpus, cx.lines, &self.stopwords, &weighed);
        if lines.len() < self.min_lines {
            return Vec::new();
        }
        let rows: Vec<Vec<f32>> = lines.iter().map(|l| l.values.clone()).collect();
        let hashed: Vec<Vec<(u32, f32)>> = lines.iter().map(|l| l.hashed.clone()).collect();
        let p = self.model.predict(&rows, &hashed);
        let bp_rule = FEATURES
            .iter()
            .position(|n| *n == "bp_rule")
            .expect("bp_rule is a feature");
        let english = reads_english(doc);
        let mut out = Vec::new();
        let title = doc.title_line();
        for (i, line) in lines.iter().enumerate() {
            // The title is the article's (the training labels leave it out, so the
            // model knows nothing of it); title tags have rules of their own. A line
            // of program code (`}`, `mu.Lock()`) is no sentence, nor page furniture.
            if p[i] < self.info_threshold
                || line.values[bp_rule] > 0.0
                || Some(line.line) == title
                || covered(prior, &line.range)
                || hard_wrapped(doc, line.line)
                || leads_in_a_quotation(doc, line.line)
                || looks_like_code(doc.slice(&line.range))
            {
                continue;
            }
            let lo = i.saturating_sub(1);
            let hi = (i + 2).min(p.len());
            let window = (lo..hi)
                .filter(|j| *j != i)
                .map(|j| p[j])
                .fold(0.0f32, f32::max);
            let why = reasons(&self.model, line, doc.slice(&line.range), window);
            let probability = format!("{:.2}", p[i]);
            let mut d = self
                .meta
                .diagnostic(doc, line.range.clone(), None, |v| match v {
                    "probability" => Some(Cow::Owned(probability.clone())),
                    "reasons" => Some(Cow::Owned(why.clone())),
                    _ => None,
                });
            let text = doc.slice(&line.range);
            let sentence_at =
                |j: usize| sentence_like(doc.slice(&lines[j].range), &self.stopwords, english);
            // A divider between two sentences (`* * *`) is a section break of the
            // article; `boilerplate.separator-line` reports dividers as such.
            let section_break = !text.chars().any(char::is_alphanumeric)
                && i > 0
                && i + 1 < lines.len()
                && sentence_at(i - 1)
                && sentence_at(i + 1);
            if p[i] < self.threshold
                || section_break
                || (sentence_like(text, &self.stopwords, english)
                    && !worded_like_boilerplate(&self.model, text))
            {
                d.severity = Severity::Info;
            }
            out.push(d);
        }
        out
    }
}

/// Words a line needs before it can read as a sentence of the article.
const SENTENCE_MIN_WORDS: usize = 6;

/// Whether the article is English, or of no language that could be told: then its
/// sentences have English function words. The model's words were learnt on English
/// pages; on another language it reads the shape and place of lines.
fn reads_english(doc: &Document) -> bool {
    doc.language().is_none_or(|l| l == Language::Eng)
}

/// Whether a line reads as a sentence: several words, a capital first letter (in a
/// script that has capitals), sentence punctuation at the end and, in English, a fair
/// share of function words. Such a line is warned about only when its own words point
/// to boilerplate (`Your email address will not be published.`); a sentence that is
/// flagged for its surroundings or for occurring in several files (article text reused
/// across pages) is reported as `info` at most. The model cannot read the words of
/// another language, so there a sentence is never warned about.
fn sentence_like(text: &str, stopwords: &WordSet, english: bool) -> bool {
    let words = hashed::words(text);
    let closers = ['"', '\'', '\u{201D}', '\u{2019}', ')'];
    let stops = words
        .iter()
        .filter(|w| stopwords.contains(w.as_str()))
        .count();
    let opens = |c: char| c.is_uppercase() || (!english && !c.is_lowercase());
    words.len() >= SENTENCE_MIN_WORDS
        && text.chars().find(|c| c.is_alphabetic()).is_some_and(opens)
        && text
            .trim_end_matches(closers)
            .ends_with(['.', '!', '?', '\u{3002}', '\u{FF01}', '\u{FF1F}'])
        && (stops * 5 >= words.len() || !english)
}

/// Logit the line's own words must add before a sentence is warned about: odds of
/// about 3 to 1 from its wording alone. Boilerplate sentences (`Sign up for our daily
/// newsletter`, `We use cookies ...`, `Save my name, email, and website ...`) score 1.2
/// to 4 with the shipped model, article sentences below 0.6.
const OWN_WORDING_MARGIN: f32 = 1.0;

/// Whether the line's own words and characters (not its neighbours, position or
/// repetition) weigh clearly towards boilerplate.
fn worded_like_boilerplate(model: &Model, text: &str) -> bool {
    model.hashed_logit(&hashed::features(text, None, None)) > OWN_WORDING_MARGIN
}

/// Words each of two lines needs before their joint can count as a sentence cut by a
/// line break.
const WRAPPED_MIN_WORDS: usize = 4;

/// Whether line `i` (0-based) is part of a sentence that a hard line break cut in two:
/// a line of several words that does not end a sentence, followed by one that goes on
/// with a lowercase word (`... on social media,` / `show the actress ...`). Prose
/// wrapped at a fixed width is article text however short its lines are; the model,
/// which sees one line at a time, takes such lines for teasers. Labels (`updated:
/// 3:26 pm`), links, bylines (`by Jane Doe`) and short lowercase lines (`next post`)
/// do not go on with a sentence. The rule leaves such lines alone.
pub fn hard_wrapped(doc: &Document, i: usize) -> bool {
    const CLOSERS: [char; 5] = ['"', '\'', '”', '’', ')'];
    let index = doc.line_index();
    let text = |l: usize| doc.slice(&index.line_range(l)).trim();
    let ends_open = |s: &str| {
        s.split_whitespace().count() >= WRAPPED_MIN_WORDS
            && !s
                .trim_end_matches(CLOSERS)
                .ends_with(['.', '!', '?', ':', '…', '|'])
    };
    let goes_on = |s: &str| {
        let ends_sentence = s.trim_end_matches(CLOSERS).ends_with(['.', '!', '?']);
        let first = s.split_whitespace().next().unwrap_or("");
        let first = first.trim_end_matches([',', ';']);
        (s.split_whitespace().count() >= WRAPPED_MIN_WORDS || ends_sentence)
            && first.chars().next().is_some_and(char::is_lowercase)
            && first
                .chars()
                .all(|c| c.is_alphabetic() || "-'’".contains(c))
            && first != "by"
    };
    let line = text(i);
    (i + 1 < index.len() && ends_open(line) && goes_on(text(i + 1)))
        || (i > 0 && goes_on(line) && ends_open(text(i - 1)))
}

/// Whether line `i` (0-based) leads in the quotation on the next non-blank line: a
/// few words ending with `:` (`Haddad says:`, `In a statement, the board said:`),
/// then a line that opens with a quotation mark. The quotation is the article's and
/// so is its lead-in; a comment list's `Jane says:` is followed by the comment itself.
fn leads_in_a_quotation(doc: &Document, i: usize) -> bool {
    const MAX_WORDS: usize = 10;
    let index = doc.line_index();
    let line = doc.slice(&index.line_range(i)).trim();
    line.ends_with(':')
        && line.split_whitespace().count() <= MAX_WORDS
        && (i + 1..index.len())
            .map(|j| doc.slice(&index.line_range(j)).trim())
            .find(|next| !next.is_empty())
            .is_some_and(crate::text::opens_quotation)
}

/// Whether an earlier diagnostic already spans the whole line (a section label, say):
/// one finding per line is enough.
fn covered(prior: &[Diagnostic], line: &std::ops::Range<usize>) -> bool {
    prior
        .iter()
        .any(|d| d.span.start <= line.start && d.span.end >= line.end)
}

impl Checker for ClassifierChecker {
    /// The other boilerplate rules' hits are features of the model.
    fn reads_prior(&self) -> bool {
        true
    }

    fn check(&self, doc: &Document, cx: &CheckContext<'_>, out: &mut Vec<Diagnostic>) {
        for rule in &self.rules {
            if cx.enabled(&rule.meta) {
                let found = rule.check(doc, cx, out);
                out.extend(found);
            }
        }
    }

    fn corpus_needs(&self) -> CorpusNeeds {
        CorpusNeeds {
            line_counts: true,
            ..CorpusNeeds::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_are_told_from_other_lines() {
        let stop = builtin_stopwords();
        let sentence = |t: &str| sentence_like(t, &stop, true);
        assert!(sentence(
            "The council approved four new cycle lanes on Tuesday."
        ));
        assert!(sentence("Your email address will not be published."));
        assert!(!sentence("Dock workers vote on new contract"));
        assert!(!sentence("Read more."));
        assert!(!sentence("* * *"));
    }

    #[test]
    fn a_sentence_of_another_language_needs_no_english_words() {
        let stop = builtin_stopwords();
        let german = "Die Stadt trägt den größten Teil der Kosten des Umbaus.";
        assert!(!sentence_like(german, &stop, true));
        assert!(sentence_like(german, &stop, false));
        // a script without capitals, and its full stop
        assert!(sentence_like(
            "시작은 엘제이의 일방적인 사진 공개로부터 비롯됐다 그건 이 사안을.",
            &stop,
            false
        ));
        // a heading is no sentence in any language
        assert!(!sentence_like("Kosten und Förderung", &stop, false));
        assert!(!sentence_like(
            "die Stadt trägt den größten Teil der Kosten.",
            &stop,
            false
        ));
    }

    #[test]
    fn the_shipped_model_reads_boilerplate_wording() {
        let text = super::super::builtin::data_file("data/line-classifier.json").unwrap();
        let model = Model::parse(text, FEATURES).unwrap();
        for bp in [
            "Your email address will not be published.",
            "Sign up for our daily newsletter to get the latest news.",
            "We use cookies to give you the best experience on our website.",
        ] {
            assert!(worded_like_boilerplate(&model, bp), "{bp}");
        }
        for prose in [
            "The council approved four new cycle lanes on Tuesday.",
            "Crews will stay in the area through the week.",
            "Work will start in June and finish before the end of the year.",
        ] {
            assert!(!worded_like_boilerplate(&model, prose), "{prose}");
        }
    }

    #[test]
    fn lines_of_a_sentence_cut_by_line_breaks_are_wrapped() {
        let doc = Document::from_text(
            "Photos\nwhich were released online and are making the rounds,\nshow the actress looking stunning on Tuesday\nmorning in new photos.\n\nMore from Sport\nCouncil approves new cycle lanes\nthe end\nnext post\nNov 20 2019, 11:06am ist\nupdated: Nov 20 2019, 15:24pm ist\nHiking the Boulder Flat Irons\nby Regan September 15, 2014\n",
        );
        let wrapped: Vec<usize> = (0..13).filter(|&i| hard_wrapped(&doc, i)).collect();
        // `Photos` is too short to run on; `the end` and `next post` are
        // too short to go on with a sentence; a label (`updated:`) or a byline does not.
        assert_eq!(wrapped, vec![1, 2, 3]);
    }

    #[test]
    fn a_lead_in_before_a_quotation_is_told_from_a_comment_header() {
        let doc = Document::from_text(
            "Haddad says:\n\n“We need the posts to be permanent.”\nJane says:\nGreat post, thanks!\nUpdated:\n\"Quoted\" headline\nA long line of eleven words that ends with a colon here:\n\"No.\"\n",
        );
        let lead_ins: Vec<usize> = (0..9).filter(|&i| leads_in_a_quotation(&doc, i)).collect();
        // a blank line may come between; a comment header is followed by its comment;
        // the line must be short; a label before a quoted line reads as a lead-in too
        assert_eq!(lead_ins, vec![0, 5]);
    }
}
