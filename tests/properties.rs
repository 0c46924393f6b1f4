//! Properties that must hold for any input, checked on generated documents: the
//! built-in rules never panic, every span and fix points at real character boundaries
//! of the text, positions agree with byte offsets, and fixing never loses a byte
//! outside the flagged spans.
//!
//! Inputs are built from pieces that make rules fire (boilerplate phrases, quotes,
//! titles, dates, fused sentences) mixed with what breaks naive code: CR, CRLF, a BOM,
//! invalid UTF-8, multibyte and astral characters, long runs without a break.

use std::sync::OnceLock;

use proptest::prelude::*;
use scrapelint::corpus::CorpusStats;
use scrapelint::fix::{self, FixMode};
use scrapelint::text::{Document, Source};
use scrapelint::{RuleSet, check};

fn rules() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(|| RuleSet::builtin().expect("built-in rules load"))
}

const PIECES: &[&[u8]] = &[
    b"The council approved the plan on Tuesday. ",
    b"\"We will not stop,\" she said. ",
    "\u{201C}It was a mistake.\u{201C} ".as_bytes(),
    "\u{2018}quoted\u{2019} and \u{AB}guillemets\u{BB} ".as_bytes(),
    b"Brigade General John Smith, commander of the forces.",
    b"Brig. Gen. Ana Ruiz and Lieutenant Colonel Lee ",
    b"date 2020-01-06 ",
    b"Leave a Comment",
    b"Your email address will not be published. Required fields are marked *",
    b"Articles You May Like",
    b"Related Articles\nCouncil approves new cycle lanes\nHospital fees to rise",
    b"Originally published as Budget passes",
    b"ADVERTISEMENT",
    b"(Photo: Jane Doe/Getty Images)",
    b"Reporting by Ann Lee; Editing by Tom Ray",
    b"US",
    b"By Staff Reporter",
    b"end.Next sentence",
    b"Meghan Markle and Prince Harry spent Christmas in Canada.",
    "Gr\u{FC}\u{DF}e aus K\u{F6}ln, \u{65E5}\u{672C}\u{8A9E}, emoji \u{1F600} ".as_bytes(),
    "e\u{301}\u{200B}\u{FEFF}".as_bytes(),
    b"\n",
    b"\n\n",
    b"\r\n",
    b"\r",
    b"\t  ",
    b"\xEF\xBB\xBF",
    b"\xFF\xFE",
    b"\xC3",
    b"\xE2\x80",
    b"\x00",
    b"- ",
    b"1. ",
    b"|",
    b"...",
    b":",
];

fn document_bytes() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        4 => prop::sample::select(PIECES).prop_map(<[u8]>::to_vec),
        1 => prop::collection::vec(any::<u8>(), 0..12),
        1 => "[a-zA-Z ,.]{0,40}".prop_map(String::into_bytes),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|parts| parts.concat())
}

/// Whether `needle` segments appear in `haystack` in order, without overlapping.
fn in_order(haystack: &[u8], segments: &[&[u8]]) -> bool {
    let mut at = 0;
    for s in segments {
        if s.is_empty() {
            continue;
        }
        match haystack[at..].windows(s.len()).position(|w| w == *s) {
            Some(i) => at += i + s.len(),
            None => return false,
        }
    }
    true
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 192, ..ProptestConfig::default() })]

    #[test]
    fn spans_fixes_and_positions_are_consistent(bytes in document_bytes()) {
        let doc = Document::new(Source::decode(&bytes));
        let text = doc.text();
        let diagnostics = check(rules(), &doc, &CorpusStats::default());
        for d in &diagnostics {
            let s = &d.span;
            prop_assert!(s.start <= s.end && s.end <= text.len(), "{} span {s:?} out of the text", d.rule);
            prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end), "{} span {s:?} splits a character", d.rule);
            let (a, b) = (doc.line_col(s.start), doc.line_col(s.end));
            prop_assert!((a.line, a.column) <= (b.line, b.column), "{}: start after end", d.rule);
            prop_assert!(a.line >= 1 && a.column >= 1);
            if let Some(f) = &d.fix {
                let r = &f.range;
                prop_assert!(r.start <= r.end && r.end <= text.len(), "{} fix {r:?} out of the text", d.rule);
                prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end), "{} fix {r:?} splits a character", d.rule);
            }
        }
    }

    #[test]
    fn fixing_keeps_every_byte_outside_the_fixed_spans(bytes in document_bytes()) {
        let doc = Document::new(Source::decode(&bytes));
        let diagnostics = check(rules(), &doc, &CorpusStats::default());
        let Some(fixed) = fix::apply(&doc, &bytes, &diagnostics, FixMode::SafeAndUnsafe) else {
            return Ok(());
        };
        // The original bytes outside every fix range, in order, must all survive.
        let mut ranges: Vec<_> = diagnostics
            .iter()
            .filter_map(|d| d.fix.as_ref())
            .map(|f| doc.source().original_range(&f.range))
            .collect();
        ranges.sort_by_key(|r| (r.start, r.end));
        let mut kept: Vec<&[u8]> = Vec::new();
        let mut at = 0;
        for r in &ranges {
            prop_assert!(r.end <= bytes.len(), "fix {r:?} beyond the original bytes");
            if r.start > at {
                kept.push(&bytes[at..r.start]);
            }
            at = at.max(r.end);
        }
        kept.push(&bytes[at..]);
        prop_assert!(in_order(&fixed.bytes, &kept), "text outside the fixes was lost");
        if std::str::from_utf8(&bytes).is_ok() {
            prop_assert!(std::str::from_utf8(&fixed.bytes).is_ok(), "fixing valid UTF-8 broke it");
        }
        // The fixed text is checked again without trouble.
        let again = Document::new(Source::decode(&fixed.bytes));
        check(rules(), &again, &CorpusStats::default());
    }

    #[test]
    fn utf16_positions_round_trip(bytes in document_bytes()) {
        let doc = Document::new(Source::decode(&bytes));
        let text = doc.text();
        let index = doc.line_index();
        for (offset, _) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
            let (line, col) = index.utf16_position(text, offset);
            // An offset inside a line terminator comes back as the end of the line's
            // content, as editors clamp a column past the end of a line.
            let content_end = index.line_range(index.line_of(offset)).end;
            prop_assert_eq!(index.offset_of_utf16(text, line, col), offset.min(content_end));
        }
    }
}
