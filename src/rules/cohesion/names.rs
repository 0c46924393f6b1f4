//! Capitalised names in a paragraph, told apart from capitals that are not names.
//!
//! A capitalised word is a name unless it is a stopword, a title (`President`, `Gen`),
//! a month or weekday, or a common word standing first in a sentence or quote
//! (`Patients waited ...`). A sentence-initial word stays a name when the next word is
//! also capitalised (`Meghan Markle and ...`) or when it is rare in English.

use std::ops::Range;

use super::lexicon::normalize;
use crate::hash::FastSet;
use crate::text::Document;

/// Characters after which a capital says nothing: a quote, a colon, a dash or bullet
/// opens a new sentence-like unit.
const OPENERS: &[char] = &[
    '"', '\u{201C}', '\u{2018}', '\'', '(', '[', ':', '\u{2014}', '\u{2013}', '-', '\u{2022}', '*',
];

/// Whether the word is the letters of a designation such as `CH-47`, `F-35` or
/// `COVID-19` (a hyphen and a digit right after it): a model or a code, which a
/// paragraph may well introduce without leaving its story. (A word with a digit in it,
/// `A320`, is not capitalised in the sense of [`is_capitalised`].)
fn is_code(after: &str) -> bool {
    after
        .strip_prefix(['-', '\u{2010}', '\u{2011}'])
        .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
}

/// What deciding "name or not" needs to know about words.
pub(crate) trait WordInfo {
    fn is_stopword(&self, lower: &str) -> bool;
    fn is_title(&self, lower: &str) -> bool;
    fn zipf(&self, lower: &str) -> f32;
}

/// A name token: its normalised form and where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NameToken {
    pub(crate) lower: String,
    pub(crate) range: Range<usize>,
    /// False for a common word standing first in a sentence: a name only if the
    /// document also capitalises it elsewhere (see [`resolve`]).
    pub(crate) certain: bool,
}

/// The name tokens of paragraph `p`, in order (repeats kept), some still uncertain.
pub(crate) fn names_in(
    doc: &Document,
    p: usize,
    info: &impl WordInfo,
    common_zipf: f32,
) -> Vec<NameToken> {
    let text = doc.text();
    let mut out = Vec::new();
    for sentence in doc.sentences_of(p) {
        let words = doc.words_of(sentence);
        for (i, w) in words.iter().enumerate() {
            let word = &text[w.clone()];
            if !is_capitalised(word) || is_code(&text[w.end..]) {
                continue;
            }
            let lower = normalize(word);
            if lower.chars().count() < 2
                || info.is_stopword(&lower)
                || info.is_title(&lower)
                || is_calendar(&lower)
            {
                continue;
            }
            let gap_before = match i {
                0 => &text[sentence.range.start..w.start],
                _ => &text[words[i - 1].end..w.start],
            };
            let initial = i == 0 || opens_unit(gap_before);
            let next_capitalised = words.get(i + 1).is_some_and(|n| {
                text[w.end..n.start].trim().is_empty() && is_capitalised(&text[n.clone()])
            });
            let certain = !initial || next_capitalised || info.zipf(&lower) < common_zipf;
            out.push(NameToken {
                lower,
                range: w.clone(),
                certain,
            });
        }
    }
    out
}

/// Keeps an uncertain name (`Ortiz will ...`, `Patients waited ...`) only when the
/// document capitalises the same word where it must be a name.
pub(crate) fn resolve(paragraphs: &mut [Vec<NameToken>]) {
    let certain: FastSet<String> = paragraphs
        .iter()
        .flatten()
        .filter(|n| n.certain)
        .map(|n| n.lower.clone())
        .collect();
    for names in paragraphs {
        names.retain(|n| n.certain || certain.contains(&n.lower));
    }
}

/// Whether the text between two words ends with an opening quote, colon, dash or
/// bullet. A straight quote right after punctuation closes a quote (`," Obi said`).
fn opens_unit(gap: &str) -> bool {
    let gap = gap.trim();
    if !gap.ends_with(OPENERS) {
        return false;
    }
    let mut chars = gap.chars().rev();
    let last = chars.next();
    let straight = matches!(last, Some('"' | '\''));
    !straight || chars.next().is_none_or(char::is_whitespace)
}

/// A month or weekday name or abbreviation, lowercase (`sundays` too): capitalised,
/// but it names no one in the story.
pub(crate) fn is_calendar(lower: &str) -> bool {
    crate::text::calendar::is_calendar(lower)
}

/// Starts with an uppercase letter and has no digit.
fn is_capitalised(word: &str) -> bool {
    crate::text::starts_upper(word) && !word.chars().any(|c| c.is_numeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Info;

    impl WordInfo for Info {
        fn is_stopword(&self, lower: &str) -> bool {
            ["the", "a", "and", "he", "we", "it", "they"].contains(&lower)
        }
        fn is_title(&self, lower: &str) -> bool {
            ["prince", "gen", "minister"].contains(&lower)
        }
        fn zipf(&self, lower: &str) -> f32 {
            match lower {
                "patients" | "ambulance" | "meghan" => 4.5,
                _ => 2.0,
            }
        }
    }

    fn names(text: &str) -> Vec<String> {
        let doc = Document::from_text(text);
        let mut all: Vec<Vec<NameToken>> = (0..doc.paragraphs().len())
            .map(|p| names_in(&doc, p, &Info, 3.5))
            .collect();
        resolve(&mut all);
        all.into_iter().flatten().map(|n| n.lower).collect()
    }

    #[test]
    fn titles_calendar_and_stopwords_are_not_names() {
        assert_eq!(
            names("The envoy met Prince Harry on Monday in March."),
            ["harry"]
        );
        assert_eq!(names("It opens on Sundays."), Vec::<String>::new());
    }

    #[test]
    fn designations_are_not_names() {
        assert_eq!(
            names("The troops left on CH-47 Chinook helicopters and F\u{2011}35 jets."),
            ["chinook"]
        );
    }

    #[test]
    fn common_sentence_initial_words_are_not_names() {
        assert_eq!(
            names("Patients waited. Ambulance crews queued."),
            Vec::<String>::new()
        );
        assert_eq!(names("Zorbek said it rained."), ["zorbek"]);
    }

    #[test]
    fn initial_word_followed_by_a_capital_is_a_name() {
        assert_eq!(
            names("Meghan Markle's friend shares a card."),
            ["meghan", "markle"]
        );
        assert_eq!(
            names("He said: \"Patients come first.\""),
            Vec::<String>::new()
        );
    }

    #[test]
    fn common_initial_word_is_a_name_when_capitalised_elsewhere() {
        assert_eq!(
            names("Meghan spoke.\nThey met Meghan there."),
            ["meghan", "meghan"]
        );
        assert_eq!(
            names("Meghan spoke.\nThey met there."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_word_after_a_closing_straight_quote_is_not_initial() {
        assert!(opens_unit(" \""));
        assert!(opens_unit(": "));
        assert!(!opens_unit(",\" "));
        assert_eq!(names("\"We won,\" Meghan said."), ["meghan"]);
    }
}
