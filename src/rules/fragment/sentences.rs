//! Checks on single sentences: verbless sentences, dangling appositives, sentences
//! fused without a space, and quotations that nothing attributes.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::lexicon::Lexicon;
use super::page::{Ending, Page};
use super::verbs::{finite_verb, is_appositive, normalise};
use crate::text::{Sentence, calendar};

const OPENING_QUOTES: &[char] = &['“', '"', '‘', '\'', '«', '„'];
const CLOSING_QUOTES: &[char] = &['”', '"', '’', '\'', '»', '“'];
const DOUBLE_QUOTES: &[char] = &['“', '”', '"', '«', '»', '„'];

/// What a verbless sentence looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Verbless {
    /// `Gen Qassem Soleimani, commander of the elite Quds forces.`
    Appositive,
    /// Any other sentence without a finite verb (`No casualties.`).
    Plain,
}

/// Whether sentence `s` of paragraph `k` is a verbless sentence of running text.
///
/// Only sentences of terminated, non-list paragraphs after the first are read, that
/// end in `.` or `!`, start with a capital letter (not a quotation mark or a digit),
/// have a lowercase word (a run of capitalised words is a name or a title), do not
/// start with an ALL-CAPS dateline (`FORT HALLORAN, N.C.`), and have at least
/// `min_words` words and at most `max_words`.
pub(super) fn verbless(
    page: &Page<'_>,
    lex: &Lexicon,
    (min_words, max_words): (usize, usize),
    k: usize,
    s: &Sentence,
) -> Option<Verbless> {
    let p = &page.paras[k];
    if k == 0 || p.ending != Ending::Terminal || page.in_list(k) {
        return None;
    }
    let text = page.doc.slice(&s.range);
    let words: Vec<&str> = page
        .doc
        .words_of(s)
        .iter()
        .map(|w| page.doc.slice(w))
        .collect();
    let dateline = words
        .first()
        .is_some_and(|w| w.chars().count() >= 3 && w.chars().all(|c| !c.is_lowercase()));
    let has_lowercase = words
        .iter()
        .any(|w| w.chars().next().is_some_and(char::is_lowercase));
    let shaped = crate::text::starts_upper(text)
        && !dateline
        && has_lowercase
        && text.ends_with(['.', '!'])
        && !text.contains(OPENING_QUOTES)
        && !text.contains(['(', ')', ':', '|'])
        && (min_words..=max_words).contains(&words.len());
    if !shaped || finite_verb(lex, page.doc.text(), page.doc.words_of(s)).is_some() {
        return None;
    }
    Some(if is_appositive(lex, text) {
        Verbless::Appositive
    } else {
        Verbless::Plain
    })
}

static FUSED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:[a-z]{2,}|[A-Z][a-z]{3,}|[A-Z]{2,})[.!?][”\x22’)]?[A-Z][a-z]+\b")
        .expect("valid regex")
});

/// Abbreviations written with a full stop before a capitalised word (`Mrs.Smith`),
/// besides the months' (`Sept.`, [`calendar::MONTH_ABBREVIATIONS`]).
const ABBREVIATIONS: &[&str] = &[
    "mrs", "mme", "mlle", "messrs", "gen", "col", "capt", "cmdr", "sgt", "gov", "sen", "rep",
    "rev", "prof", "hon", "supt", "insp", "det", "cpl", "pte", "adm", "brig", "maj", "lieut",
    "vol", "no", "nos", "fig", "ave", "blvd", "rd", "mt", "ft", "jr", "sr", "inc", "ltd", "corp",
    "co",
];

/// Two sentences run together with no space: `said.The`, `Singapore.Markets`,
/// `ERT.Turkey`. Spans are byte ranges of the paragraph's text; tokens with `/`, `@` or
/// `www` (URLs, handles), abbreviations (`Mrs.Smith`) and short capitalised brand names
/// (`One.Tel`) are skipped.
pub(super) fn fused(para: &str) -> Vec<Range<usize>> {
    FUSED
        .find_iter(para)
        .filter(|m| {
            // The token starts after the last space before the match, which may be
            // wider than one byte (U+2005).
            let start = para[..m.start()]
                .char_indices()
                .rev()
                .find(|&(_, c)| c.is_whitespace())
                .map_or(0, |(i, c)| i + c.len_utf8());
            let end = para[m.end()..]
                .find(char::is_whitespace)
                .map_or(para.len(), |i| m.end() + i);
            let token = &para[start..end];
            let before = para[m.start()..]
                .split(['.', '!', '?'])
                .next()
                .unwrap_or("")
                .to_lowercase();
            !token.contains(['/', '@'])
                && !token.contains("www")
                && !ABBREVIATIONS.contains(&before.as_str())
                && !calendar::MONTH_ABBREVIATIONS.contains(&before.as_str())
        })
        .map(|m| m.range())
        .collect()
}

/// Whether a `fused` match reads as a dotted name when the text writes it so more
/// than once: a full stop after a capitalised word or a word of up to three letters
/// (`Rocket.Chat`, `String.Index`, `os.Create`). A word of prose before the full stop
/// (`tights.Whitney`), or `?` or `!`, stays a slip however often it recurs.
pub(super) fn dotted_name(token: &str) -> bool {
    let Some((left, _)) = token.split_once('.') else {
        return false;
    };
    crate::text::starts_upper(left) || left.chars().count() <= 3
}

/// A quotation that nothing attributes: paragraph `k` opens with a complete quotation
/// in double marks, ends with terminal punctuation, and no word of it is a reporting verb (`said`, `told`, ...), and either
/// - the paragraph is nothing but quotations (one or several) and the paragraph
///   before has no quotation and does not introduce one with `:` (a quote
///   continuing the previous speaker is the convention), or
/// - the next sentence starts with a capitalised name rather than a pronoun: a
///   subject whose predicate does not belong to the quotation.
pub(super) fn unattributed_quote(page: &Page<'_>, lex: &Lexicon, k: usize) -> bool {
    let sentences = page.doc.sentences_of(k);
    let Some(first) = sentences.first() else {
        return false;
    };
    let opening = page.text(k).starts_with(['“', '"', '«', '„']);
    if k == 0
        || !opening
        || page.paras[k].ending != Ending::Terminal
        || !is_quotation(page.doc.slice(&first.range))
    {
        return false;
    }
    let attributed = page.doc.paragraph_words(k).iter().any(|w| {
        let lower = normalise(page.doc.slice(w));
        lower == "according" || lex.verb(&lower).is_some_and(|f| f.speech)
    });
    if attributed {
        return false;
    }
    let quotations_only = sentences
        .iter()
        .all(|s| is_quotation(page.doc.slice(&s.range)));
    match sentences.get(1) {
        _ if quotations_only => {
            let prev = page.text(k - 1);
            !prev.contains(DOUBLE_QUOTES) && !prev.trim_end().ends_with(':')
        }
        None => false,
        Some(next) => {
            let words = page.doc.words_of(next);
            let starts_with_name = words.first().is_some_and(|w| {
                let w = page.doc.slice(w);
                crate::text::starts_upper(w) && lex.closed(&normalise(w)).is_none()
            });
            starts_with_name && sentences.len() == 2
        }
    }
}

/// A sentence that is one quotation: it opens with a quotation mark and nothing but
/// punctuation follows the last closing mark.
fn is_quotation(sentence: &str) -> bool {
    let Some(body) = sentence.strip_prefix(OPENING_QUOTES) else {
        return false;
    };
    body.rfind(CLOSING_QUOTES)
        .is_some_and(|i| !body[i..].chars().any(char::is_alphanumeric))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fused_sentences_after_a_wide_space_do_not_split_a_character() {
        // U+2005 (three bytes) before the token: the token starts after all of it.
        let para = "The council met.\u{2005}It said.The plan";
        assert_eq!(fused(para).len(), 1);
        assert_eq!(fused("x\u{2005}a.end.Next sentence").len(), 1);
    }

    #[test]
    fn fused_sentences() {
        let p = "Officials said.The vote was close. See www.example.com/said.The and a U.S.The.";
        let got: Vec<&str> = fused(p).into_iter().map(|r| &p[r]).collect();
        assert_eq!(got, ["said.The"]);
        let p = "He spoke in Singapore.Markets fell. Aid went to NATO.Turkey said no. Mrs.Smith came. One.Tel went bust.";
        let got: Vec<&str> = fused(p).into_iter().map(|r| &p[r]).collect();
        assert_eq!(got, ["Singapore.Markets", "NATO.Turkey"]);
        assert!(fused("He left at 5 p.m. The end. It was Ph.D work.").is_empty());
    }

    #[test]
    fn dotted_names_are_told_from_slips() {
        for name in ["Rocket.Chat", "String.Index", "os.Create", "NATO.Turkey"] {
            assert!(dotted_name(name), "{name}");
        }
        for slip in ["said.The", "tights.Whitney", "implications?Major"] {
            assert!(!dotted_name(slip), "{slip}");
        }
    }

    #[test]
    fn quotations() {
        assert!(is_quotation("\"Our policy has not changed\"."));
        assert!(is_quotation("“We will leave.”"));
        assert!(!is_quotation("“We will leave,” he said."));
    }

    fn unattributed(text: &str) -> Vec<String> {
        super::super::page::flagged_paragraphs(text, unattributed_quote)
    }

    #[test]
    fn unattributed_quotations() {
        let lone = "Title\n\nTroops are anxious about being targeted.\n\n\"Our policy has not changed\".\n\nThe minister denied it.";
        assert_eq!(unattributed(lone).len(), 1);
        let continued = "Title\n\n“No decision was made,” Esper said.\n\n“We are trying to figure it out.”\n\nMore text here.";
        assert!(unattributed(continued).is_empty());
        let fused = "Title\n\nText here.\n\n\"The bridge will reopen in May\". Mayor Ana Ortiz toured the site with engineers.";
        assert_eq!(unattributed(fused).len(), 1);
        let attributed = "Title\n\nText here.\n\n“We will leave.” Ortiz said the move was planned.";
        assert!(unattributed(attributed).is_empty());
        let posted =
            "Title\n\nText here.\n\n“Happy new year!” Nadia captioned a video of the party.";
        assert!(unattributed(posted).is_empty());
        // Two quotations and nothing else: no one said either.
        let two = "Title\n\nThe ferry will stop at night.\n\n“We will miss it.” “It was the last way home after ten.”\n\nThe council meets again in June.";
        assert_eq!(unattributed(two).len(), 1);
        let introduced = "Title\n\nResidents told the council:\n\n“We will miss it.” “It was the last way home after ten.”\n\nMore text here.";
        assert!(unattributed(introduced).is_empty());
    }
}
