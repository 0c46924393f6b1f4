//! Checks on single sentences: verbless sentences, dangling appositives, sentences
//! fused without a space, and quotations that nothing attributes.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::lexicon::Lexicon;
use super::page::{Ending, Page};
use super::verbs::{finite_verb, is_appositive, normalise};
use crate::text::{Sentence, calendar};

use crate::text::OPENING_QUOTES;
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
    // The cheap tests first: most sentences are longer than a fragment.
    if !(min_words..=max_words).contains(&page.doc.words_of(s).len())
        || !text.ends_with(['.', '!'])
        || !crate::text::starts_upper(text)
    {
        return None;
    }
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
    let shaped = !dateline
        && has_lowercase
        && !text.contains(OPENING_QUOTES)
        && !text.contains(['(', ')', ':', '|']);
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
    if !has_seam(para) {
        return Vec::new();
    }
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

/// Whether `para` has a sentence end followed directly by a capital (`d.T`, `d.”T`):
/// every [`FUSED`] match holds one, and most paragraphs have none. The regex's
/// Unicode word boundaries make it search any non-ASCII paragraph with the slow NFA
/// engine, so this scan saves most of its time.
fn has_seam(para: &str) -> bool {
    para.match_indices(['.', '!', '?']).any(|(at, _)| {
        let rest = &para[at + 1..];
        let rest = rest.strip_prefix(['”', '"', '’', ')']).unwrap_or(rest);
        rest.starts_with(|c: char| c.is_ascii_uppercase())
    })
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
/// in double marks (one sentence or several), ends with terminal punctuation, no word
/// outside its quotations is a reporting verb (`said`, `told`, ...), and either
/// - the paragraph is nothing but quotations (one or several), the paragraph before
///   is a finished sentence that neither quotes, nor introduces a quotation with `:`,
///   nor reports someone's words (a quote continuing the previous speaker is the
///   convention; one under a heading is a pull quote), and the paragraph after does
///   not name the speaker ([`names_a_speaker`]), or
/// - the sentence after the first quotation starts with a capitalised name rather
///   than a pronoun, and ends the paragraph (a subject whose predicate does not belong
///   to the quotation), or has no verb of its own and only quotations follow it
///   (`"..." Roe, the fund's director. "..."`): the speaker whose verb was lost.
pub(super) fn unattributed_quote(page: &Page<'_>, lex: &Lexicon, k: usize) -> bool {
    let sentences = page.doc.sentences_of(k);
    let opening = page.text(k).starts_with(['“', '"', '«', '„']);
    if k == 0 || !opening || page.paras[k].ending != Ending::Terminal {
        return false;
    }
    let Some(first_end) = quotation_end(page, sentences, 0) else {
        return false;
    };
    // The sentences that are not part of a quotation, in order.
    let mut plain = Vec::new();
    let mut i = first_end + 1;
    while i < sentences.len() {
        match quotation_end(page, sentences, i) {
            Some(end) => i = end + 1,
            None => {
                plain.push(i);
                i += 1;
            }
        }
    }
    if reports_speech(page, lex, k) {
        return false;
    }
    match plain.first() {
        None => {
            // A quotation under a heading or label (`Key quote`, `Common objections`)
            // is a pull quote or an example, and one over a line that names its
            // speaker (`Jane Roe, CEO of ...`, `— Jane Roe`) is attributed below.
            // And one after a paragraph that reports someone's words (`Roe said she
            // would appeal.`) goes on with that speaker, as the press writes it.
            let prev = page.text(k - 1);
            !prev.contains(DOUBLE_QUOTES)
                && !prev.trim_end().ends_with(':')
                && page.paras[k - 1].ending == Ending::Terminal
                && !reports_speech(page, lex, k - 1)
                && (k + 1 >= page.paras.len() || !names_a_speaker(page, lex, k + 1))
        }
        Some(&next) if next == first_end + 1 && plain.len() == 1 => {
            let words = page.doc.words_of(&sentences[next]);
            let starts_with_name = words.first().is_some_and(|w| {
                let w = page.doc.slice(w);
                crate::text::starts_upper(w) && lex.closed(&normalise(w)).is_none()
            });
            starts_with_name
                && (next + 1 == sentences.len()
                    || finite_verb(lex, page.doc.text(), words).is_none())
        }
        Some(_) => false,
    }
}

/// Paragraph `k` has a reporting verb (`said`, `told`, ...) or `according` outside
/// its quotation marks; a capitalised word is a name's (`United States`), not a verb.
fn reports_speech(page: &Page<'_>, lex: &Lexicon, k: usize) -> bool {
    let quoted = quoted_spans(page.doc.text(), page.doc.paragraphs()[k].range.clone());
    page.doc.paragraph_words(k).iter().any(|w| {
        let word = page.doc.slice(w);
        let inside = quoted.iter().any(|q| q.start <= w.start && w.end <= q.end);
        let lower = normalise(word);
        !inside
            && !crate::text::starts_upper(word)
            && (lower == "according" || lex.verb(&lower).is_some_and(|f| f.speech))
    })
}

/// Paragraph `k` credits a quotation above it: it opens with a dash (`— Jane Roe`),
/// or with a name of up to four capitalised words that is the whole line or stands
/// before its role (`Jane Roe, CEO of Walmart`, `Jane Roe (earnings call)`).
fn names_a_speaker(page: &Page<'_>, lex: &Lexicon, k: usize) -> bool {
    let text = page.text(k);
    if text.starts_with(['—', '–', '-', '~', '―']) {
        return true;
    }
    let head = text
        .split_once([',', '('])
        .map_or(text.trim_end_matches(['.', ' ']), |(head, _)| head);
    let head: Vec<&str> = head.split_whitespace().collect();
    (1..=4).contains(&head.len())
        && head
            .iter()
            .all(|w| crate::text::capitalised(w) || crate::text::names::is_particle(w))
        && lex.closed(&normalise(head[0])).is_none()
}

/// The byte ranges of `text[range]` inside double quotation marks: `“` `«` `„` open,
/// `”` `»` close, a straight `"` does either in turn. An unclosed quotation runs to
/// the end.
fn quoted_spans(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in text[range.clone()].char_indices() {
        let at = range.start + i;
        match (c, open) {
            ('“' | '«' | '„', None) | ('"', None) => open = Some(at),
            ('”' | '»' | '"', Some(start)) => {
                spans.push(start..at + c.len_utf8());
                open = None;
            }
            _ => {}
        }
    }
    if let Some(start) = open {
        spans.push(start..range.end);
    }
    spans
}

/// The last sentence of the quotation that opens sentence `i` of a paragraph: the
/// sentence itself when it is one quotation, or the sentence that closes a quotation
/// in double marks running over several, none of which has another double mark.
fn quotation_end(page: &Page<'_>, sentences: &[Sentence], i: usize) -> Option<usize> {
    let first = page.doc.slice(&sentences.get(i)?.range);
    if is_quotation(first) {
        return Some(i);
    }
    let body = first.strip_prefix(['“', '"', '«', '„'])?;
    if body.contains(DOUBLE_QUOTES) {
        return None;
    }
    for (j, s) in sentences.iter().enumerate().skip(i + 1) {
        let text = page.doc.slice(&s.range);
        let Some(at) = text.find(DOUBLE_QUOTES) else {
            continue;
        };
        let closes = text[at..].starts_with(['”', '"', '»', '“'])
            && !text[at..]
                .chars()
                .skip(1)
                .any(|c| c.is_alphanumeric() || DOUBLE_QUOTES.contains(&c));
        return closes.then_some(j);
    }
    None
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
    fn every_fused_match_holds_a_seam() {
        let seams = [
            "said.The",
            "said.”The",
            "said.\"The",
            "it?’Yes",
            "Stop!Now",
            "word.)And",
        ];
        for p in seams {
            assert!(has_seam(p) && FUSED.is_match(p), "{p}");
        }
        for p in [
            "said. The",
            "said.the",
            "said.”the",
            "said.””The",
            "5 p.m. The",
        ] {
            assert!(!has_seam(p) && !FUSED.is_match(p), "{p}");
        }
        let mut matched = 0;
        for (_, text) in crate::fixtures::texts() {
            for line in text.lines().filter(|l| FUSED.is_match(l)) {
                assert!(has_seam(line), "{line}");
                matched += 1;
            }
        }
        assert!(matched > 10, "only {matched} lines with a fused sentence");
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

    #[test]
    fn a_speaker_who_lost_the_verb_between_quotations() {
        // A quotation of two sentences, the speaker without a verb, another quotation.
        let between = "Title\n\nThe ferry will stop at night.\n\n“We will miss it. It was the last way home.” Ana Ortiz, a nurse at the clinic. “Now I take a taxi.”\n\nThe council meets in June.";
        assert_eq!(unattributed(between).len(), 1);
        // A verb inside the quotation attributes nothing.
        let inside = "Title\n\nThe ferry will stop at night.\n\n“I told them it was the last way home.” Ana Ortiz in a letter to the council.\n\nThe council meets in June.";
        assert_eq!(unattributed(inside).len(), 1);
        // The verb between two quotations of one sentence attributes both.
        let adding = "Title\n\nSales fell.\n\n“People are cautious,” dealer Tom Reyes said, adding, “this year is weaker.”\n\nMore text here.";
        assert!(unattributed(adding).is_empty());
        // With a verb of its own, the sentence after the quotation is no lost speaker.
        let narrated = "Title\n\nThe ferry will stop at night.\n\n“We will miss it.” Ana Ortiz took the last boat home. “Now I take a taxi.”\n\nMore text here.";
        assert!(unattributed(narrated).is_empty());
    }

    #[test]
    fn pull_quotes_and_quotes_that_go_on_with_a_speaker() {
        // Under a label, over the line that names the speaker.
        let labelled = "Title\n\nThe market grew.\n\nKey quote\n\n“We made progress this year. We expect more.”\n\nMore text here.";
        assert!(unattributed(labelled).is_empty());
        let credited = "Title\n\nThe market grew.\n\n“We made progress this year. We expect more.”\n\nJane Roe, CEO of the company (earnings call, May 2)";
        assert!(unattributed(credited).is_empty());
        let dashed = "Title\n\nThe market grew.\n\n“We made progress this year.”\n\n— Jane Roe\n\nMore text here.";
        assert!(unattributed(dashed).is_empty());
        // After a paragraph that reports someone's words, the quotation is theirs.
        let reported = "Title\n\nMr Reyes said he would go to court.\n\n“It is now four years later and nothing has happened.”\n\nMore text here.";
        assert!(unattributed(reported).is_empty());
        // A name is not a reporting verb: `States` in `United States`.
        let named = "Title\n\nThe United States embassy in Lima will reopen next month.\n\n“The visa queue will be short.”\n\nMore text here.";
        assert_eq!(unattributed(named).len(), 1);
    }
}
