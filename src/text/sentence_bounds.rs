//! Unicode sentence bounds (UAX #29) as `unicode-segmentation` finds them, without its
//! binary search over all of Unicode for each character.
//!
//! The crate's state machine is followed rule for rule; only the character categories
//! come from a table of Latin-1 and the typographic quotes and dashes (copied from the
//! crate's own table), which covers nearly every line of an English article, and a
//! run of letters where no rule can break is stepped over at once. A text with any
//! other character is left to the crate. The tests hold the breaks to the crate's on
//! random text over the table and on every line of the fixtures.

/// A character's sentence-break category (the crate's `SentenceCat`, less the ones no
/// character of [`category`]'s table has).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
enum Cat {
    ATerm,
    Any,
    CR,
    Close,
    Format,
    LF,
    Lower,
    Numeric,
    SContinue,
    STerm,
    Sep,
    Sp,
    Upper,
    /// Not in the table: the text goes to the crate.
    Unknown,
}

/// The categories of U+0000 to U+00FF.
const LATIN1: [Cat; 256] = {
    let mut t = [Cat::Any; 256];
    let mut c = 0;
    while c < 256 {
        t[c] = match c as u8 {
            b'\t' | 0x0B | 0x0C | b' ' | 0xA0 => Cat::Sp,
            b'\n' => Cat::LF,
            b'\r' => Cat::CR,
            0x85 => Cat::Sep,
            b'!' | b'?' => Cat::STerm,
            b'.' => Cat::ATerm,
            b'"' | b'\'' | b'(' | b')' | b'[' | b']' | b'{' | b'}' | 0xAB | 0xBB => Cat::Close,
            b',' | b'-' | b':' | b';' => Cat::SContinue,
            b'0'..=b'9' => Cat::Numeric,
            b'A'..=b'Z' | 0xC0..=0xD6 | 0xD8..=0xDE => Cat::Upper,
            b'a'..=b'z' | 0xAA | 0xB5 | 0xBA | 0xDF..=0xF6 | 0xF8..=0xFF => Cat::Lower,
            0xAD => Cat::Format,
            _ => Cat::Any,
        };
        c += 1;
    }
    t
};

#[inline]
fn category(c: char) -> Cat {
    match c as u32 {
        n @ 0..=0xFF => LATIN1[n as usize],
        0x2013..=0x2014 => Cat::SContinue,
        0x2018..=0x201F => Cat::Close,
        _ => Cat::Unknown,
    }
}

/// What the state machine remembers of a character (runs of `Close` and of `Sp` are
/// one part each).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
enum Part {
    Sot,
    Other,
    CR,
    LF,
    Sep,
    ATerm,
    UpperLower,
    ClosePlus,
    SpPlus,
    STerm,
}

/// The last four parts, the latest last.
type State = [Part; 4];

#[inline]
fn advance(parts: State, cat: Cat) -> State {
    match (parts[3], cat) {
        (Part::ClosePlus, Cat::Close) | (Part::SpPlus, Cat::Sp) => parts,
        _ => [
            parts[1],
            parts[2],
            parts[3],
            match cat {
                Cat::CR => Part::CR,
                Cat::LF => Part::LF,
                Cat::Sep => Part::Sep,
                Cat::ATerm => Part::ATerm,
                Cat::Upper | Cat::Lower => Part::UpperLower,
                Cat::Close => Part::ClosePlus,
                Cat::Sp => Part::SpPlus,
                Cat::STerm => Part::STerm,
                _ => Part::Other,
            },
        ],
    }
}

/// Index of the part before a trailing `Sp*` and then `Close*`.
fn before_close_sp(parts: &State) -> usize {
    let mut idx = if parts[3] == Part::SpPlus { 2 } else { 3 };
    if parts[idx] == Part::ClosePlus {
        idx -= 1;
    }
    idx
}

/// Whether the state ends in no terminator (`SATerm Close* Sp*`), paragraph separator
/// or text start: then no rule breaks before the next character, whatever it is.
#[inline]
fn quiet(parts: &State) -> bool {
    let plain = |p: Part| matches!(p, Part::UpperLower | Part::Other);
    plain(parts[3]) || (parts[3] == Part::SpPlus && plain(parts[2]))
}

/// SB8: `ATerm Close* Sp* × (¬(OLetter | Upper | Lower | ParaSep | SATerm))* Lower`.
fn sb8(parts: &State, ahead: &str) -> bool {
    if parts[before_close_sp(parts)] != Part::ATerm {
        return false;
    }
    for c in ahead.chars() {
        match category(c) {
            Cat::Lower => return true,
            Cat::Upper | Cat::Sep | Cat::CR | Cat::LF | Cat::STerm | Cat::ATerm => return false,
            _ => {}
        }
    }
    false
}

/// `SATerm Close* Sp*` (SB8a, SB10).
fn sb8a(parts: &State) -> bool {
    matches!(parts[before_close_sp(parts)], Part::STerm | Part::ATerm)
}

/// `SATerm Close*` (SB9).
fn sb9(parts: &State) -> bool {
    let idx = if parts[3] == Part::ClosePlus { 2 } else { 3 };
    matches!(parts[idx], Part::STerm | Part::ATerm)
}

/// `SATerm Close* Sp* ParaSep?` (SB11).
fn sb11(parts: &State) -> bool {
    let mut idx = match parts[3] {
        Part::Sep | Part::CR | Part::LF => 2,
        _ => 3,
    };
    if parts[idx] == Part::SpPlus {
        idx -= 1;
    }
    if parts[idx] == Part::ClosePlus {
        idx -= 1;
    }
    matches!(parts[idx], Part::STerm | Part::ATerm)
}

/// The byte offsets of `text`'s sentence breaks, its start and end included (none for an
/// empty text), or `None` when a character is outside the table.
pub(super) fn breaks(text: &str) -> Option<Vec<usize>> {
    if !text.is_ascii() && text.chars().any(|c| category(c) == Cat::Unknown) {
        return None;
    }
    let mut out = Vec::new();
    let mut state = [Part::Sot; 4];
    let bytes = text.as_bytes();
    let mut next = 0;
    while let Some(&b) = bytes.get(next) {
        // No rule breaks inside a run of letters that starts in a quiet state, and
        // the state remembers four parts at most.
        if b.is_ascii_alphabetic() && quiet(&state) {
            let run = bytes[next..]
                .iter()
                .take_while(|b| b.is_ascii_alphabetic())
                .count();
            for _ in 0..run.min(4) {
                state = advance(state, Cat::Lower);
            }
            next += run;
            continue;
        }
        let at = next;
        let c = text[at..].chars().next().expect("in the text");
        next += c.len_utf8();
        let before = state;
        let cat = category(c);
        if quiet(&before) {
            // No rule breaks here; SB5 keeps the state over a format character.
            if cat != Cat::Format {
                state = advance(state, cat);
            }
            continue;
        }
        state = advance(state, cat);
        let split = match cat {
            // SB1, SB3, SB4.
            _ if before[3] == Part::Sot => true,
            Cat::LF if before[3] == Part::CR => false,
            _ if matches!(before[3], Part::Sep | Part::CR | Part::LF) => true,
            // SB5.
            Cat::Format => {
                state = before;
                false
            }
            // SB6, SB7.
            Cat::Numeric if before[3] == Part::ATerm => false,
            Cat::Upper if before[2] == Part::UpperLower && before[3] == Part::ATerm => false,
            _ if sb8(&before, &text[at..]) => false,
            Cat::SContinue | Cat::STerm | Cat::ATerm if sb8a(&before) => false,
            Cat::Close | Cat::Sp | Cat::Sep | Cat::CR | Cat::LF if sb9(&before) => false,
            Cat::Sp | Cat::Sep | Cat::CR | Cat::LF if sb8a(&before) => false,
            _ => sb11(&before),
        };
        if split {
            out.push(at);
        }
    }
    if state[3] != Part::Sot {
        out.push(text.len());
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use unicode_segmentation::UnicodeSegmentation;

    fn by_the_crate(text: &str) -> Vec<usize> {
        let mut out: Vec<usize> = text
            .split_sentence_bound_indices()
            .map(|(i, _)| i)
            .collect();
        if !text.is_empty() {
            out.push(text.len());
        }
        out
    }

    /// Every character of the table, and the ones sentence bounds turn on most.
    fn alphabet() -> Vec<char> {
        let mut chars: Vec<char> = (0u32..=0xFF).filter_map(char::from_u32).collect();
        chars.extend(['\u{2013}', '\u{2014}']);
        chars.extend((0x2018..=0x201F).filter_map(char::from_u32));
        for _ in 0..8 {
            chars.extend("..!?  aAbZ1\"'\u{201D}\u{2019}),;\n\r\t".chars());
        }
        chars
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        #[test]
        fn the_same_breaks_as_the_crate(
            picks in proptest::collection::vec(0usize..1000, 0..40),
        ) {
            let chars = alphabet();
            let text: String = picks.iter().map(|&i| chars[i % chars.len()]).collect();
            prop_assert_eq!(breaks(&text), Some(by_the_crate(&text)), "{:?}", text);
        }
    }

    #[test]
    fn the_same_breaks_on_the_fixture_articles() {
        let mut compared = 0;
        for (_, text) in crate::fixtures::texts() {
            for line in text.lines() {
                if let Some(found) = breaks(line) {
                    assert_eq!(found, by_the_crate(line), "{line:?}");
                    compared += 1;
                }
            }
            if let Some(found) = breaks(&text) {
                assert_eq!(found, by_the_crate(&text));
            }
        }
        assert!(compared > 1000, "{compared}");
    }

    #[test]
    fn other_characters_are_left_to_the_crate() {
        assert_eq!(breaks("Le 1er mai… Il pleut."), None);
        assert_eq!(breaks("Zagreb’s Ćiro said. He left."), None);
        assert_eq!(breaks(""), Some(vec![]));
    }
}
