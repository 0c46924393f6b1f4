//! Required literals of a regex: strings at least one of which occurs in every match,
//! so one Aho-Corasick scan of a document tells which regexes can match where.
//!
//! Literals are lowercase ASCII-folded byte strings meant for an ASCII-case-insensitive
//! search. A case-insensitive `k` or `s` also matches the Kelvin sign (U+212A) and the
//! long s (U+017F); [`folds_to_ascii`] tells a caller to skip the prefilter on the rare
//! text that has one.

use regex_syntax::hir::{Class, Hir, HirKind};

/// Non-ASCII characters that Unicode simple case folding maps to ASCII letters.
const FOLDS_TO_ASCII: &[char] = &['\u{212A}', '\u{17F}'];

/// Whether `text` has a character of [`FOLDS_TO_ASCII`]: a substring search for each
/// (after a vectorised ASCII test), not a walk over every character.
pub(crate) fn folds_to_ascii(text: &str) -> bool {
    !text.is_ascii()
        && FOLDS_TO_ASCII
            .iter()
            .any(|c| text.contains(c.encode_utf8(&mut [0; 4]) as &str))
}

/// The ASCII letter each of [`FOLDS_TO_ASCII`] folds to.
const FOLDED: &[(char, char)] = &[('\u{212A}', 'k'), ('\u{17F}', 's')];

/// More alternatives than this make the scan slower than the regex it spares.
const MAX_LITERALS: usize = 64;
/// Classes of at most this many characters stand for each of them.
const MAX_CLASS_CHARS: usize = 8;

/// A set of literals, one of which every match of `hir` contains; `None` when there is
/// no useful one (the regex must then run on every unit). Even one character (`:` in a
/// time, `(` before a credit) spares a lazy DFA the lines that lack it.
pub(crate) fn required(hir: &Hir) -> Option<Vec<Vec<u8>>> {
    required_set(hir).filter(|set| {
        !set.is_empty() && set.len() <= MAX_LITERALS && set.iter().all(|l| !l.is_empty())
    })
}

fn required_set(hir: &Hir) -> Option<Vec<Vec<u8>>> {
    match hir.kind() {
        HirKind::Literal(lit) => Some(vec![lit.0.to_ascii_lowercase()]),
        HirKind::Class(class) => match folded_char(hir) {
            Some(b) => Some(vec![vec![b]]),
            None => class_chars(class),
        },
        HirKind::Capture(c) => required_set(&c.sub),
        HirKind::Repetition(r) if r.min >= 1 => required_set(&r.sub),
        HirKind::Alternation(branches) => {
            let mut all = Vec::new();
            for b in branches {
                all.extend(required_set(b)?);
            }
            all.sort();
            all.dedup();
            Some(all)
        }
        HirKind::Concat(parts) => best(concat_candidates(parts)),
        _ => None,
    }
}

/// Each run of adjacent literal pieces is one required literal; any other part offers
/// its own required set.
fn concat_candidates(parts: &[Hir]) -> Vec<Vec<Vec<u8>>> {
    let mut candidates = Vec::new();
    let mut run: Vec<u8> = Vec::new();
    for part in parts {
        match literal_piece(part) {
            Some(bytes) => run.extend(bytes),
            None => {
                if !run.is_empty() {
                    candidates.push(vec![std::mem::take(&mut run)]);
                }
                if let Some(set) = required_set(part) {
                    candidates.push(set);
                }
            }
        }
    }
    if !run.is_empty() {
        candidates.push(vec![run]);
    }
    candidates
}

/// The set whose shortest literal is longest (fewest literals on a tie).
fn best(candidates: Vec<Vec<Vec<u8>>>) -> Option<Vec<Vec<u8>>> {
    candidates
        .into_iter()
        .filter(|s| !s.is_empty())
        .max_by_key(|s| {
            let shortest = s.iter().map(Vec::len).min().unwrap_or(0);
            (shortest.min(8), std::cmp::Reverse(s.len()), shortest)
        })
}

/// Each character of a small class, UTF-8 encoded (ASCII lowercased).
fn class_chars(class: &Class) -> Option<Vec<Vec<u8>>> {
    let mut out: Vec<Vec<u8>> = Vec::new();
    let mut push = |c: char| {
        let mut buf = [0; 4];
        out.push(c.encode_utf8(&mut buf).as_bytes().to_ascii_lowercase());
    };
    let mut n = 0;
    match class {
        Class::Unicode(c) => {
            for r in c.ranges() {
                n += (r.end() as usize) - (r.start() as usize) + 1;
                if n > MAX_CLASS_CHARS {
                    return None;
                }
                (r.start()..=r.end()).for_each(&mut push);
            }
        }
        Class::Bytes(c) => {
            for r in c.ranges() {
                if !r.end().is_ascii() {
                    return None;
                }
                n += usize::from(r.end() - r.start()) + 1;
                if n > MAX_CLASS_CHARS {
                    return None;
                }
                (r.start()..=r.end()).map(char::from).for_each(&mut push);
            }
        }
    }
    out.sort();
    out.dedup();
    Some(out)
}

/// A literal or a one-letter class as lowercase bytes.
fn literal_piece(hir: &Hir) -> Option<Vec<u8>> {
    match hir.kind() {
        HirKind::Literal(lit) => Some(lit.0.to_ascii_lowercase()),
        HirKind::Class(_) => folded_char(hir).map(|b| vec![b]),
        _ => None,
    }
}

/// The lowercase ASCII byte a class stands for when it is one character or one ASCII
/// letter in both cases (with the non-ASCII characters that fold to it).
fn folded_char(hir: &Hir) -> Option<u8> {
    let HirKind::Class(class) = hir.kind() else {
        return None;
    };
    let mut chars: Vec<char> = Vec::new();
    match class {
        Class::Unicode(c) => {
            for r in c.ranges() {
                if (r.end() as u32 - r.start() as u32) > 3 || chars.len() > 4 {
                    return None;
                }
                chars.extend(r.start()..=r.end());
            }
        }
        Class::Bytes(c) => {
            for r in c.ranges() {
                if r.end() - r.start() > 3 || chars.len() > 4 {
                    return None;
                }
                chars.extend((r.start()..=r.end()).map(char::from));
            }
        }
    }
    let (ascii, other): (Vec<char>, Vec<char>) = chars.iter().partition(|c| c.is_ascii());
    let first = *ascii.first()?;
    let lower = first.to_ascii_lowercase();
    let same_letter = ascii.iter().all(|c| c.to_ascii_lowercase() == lower)
        && other.iter().all(|c| FOLDED.contains(&(*c, lower)));
    let one_char = chars.len() == 1;
    (one_char || same_letter).then_some(lower as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_characters_that_fold_to_ascii_are_found_anywhere() {
        assert!(!folds_to_ascii("Plain ASCII text, 5 km away."));
        assert!(!folds_to_ascii("Café société, 5 km, Straße"));
        assert!(folds_to_ascii(
            "A temperature of 300 \u{212A} was measured."
        ));
        assert!(folds_to_ascii("é…\u{17F}"));
    }

    fn lits(pattern: &str, ci: bool) -> Option<Vec<String>> {
        let hir = regex_syntax::ParserBuilder::new()
            .case_insensitive(ci)
            .build()
            .parse(pattern)
            .unwrap();
        required(&hir).map(|s| {
            s.into_iter()
                .map(|l| String::from_utf8(l).unwrap())
                .collect()
        })
    }

    #[test]
    fn case_insensitive_letters_join_into_one_literal() {
        assert_eq!(lits(r"\bleave a reply\b", true).unwrap(), ["leave a reply"]);
        assert_eq!(lits(r"(?i)Click Here", false).unwrap(), ["click here"]);
    }

    #[test]
    fn alternations_give_every_branch() {
        assert_eq!(
            lits(r"^\W*(?:read more|see also)\b", true).unwrap(),
            ["read more", "see also"]
        );
    }

    #[test]
    fn the_longest_required_piece_wins() {
        assert_eq!(
            lits(r"^\s*date\s+\d{4}-\d\d-\d\d published", true).unwrap(),
            [" published"]
        );
    }

    #[test]
    fn optional_pieces_and_large_classes_give_none() {
        assert_eq!(lits(r"(?:foo)?\d+", true), None);
        assert_eq!(lits(r"\w+\d", true), None);
        assert_eq!(lits(r"(?:abc|\d)", true), None);
    }

    #[test]
    fn small_classes_give_each_character() {
        assert_eq!(lits(r"\w+[.!?]\s*\d", true).unwrap(), ["!", ".", "?"]);
        assert_eq!(lits(r"^\d{1,2}:\d{2}$", true).unwrap(), [":"]);
        assert_eq!(
            lits("\u{00C3}[\u{00A0}-\u{00BF}]", true).unwrap(),
            ["\u{00C3}", "\u{00E3}"]
        );
    }

    #[test]
    fn every_literal_occurs_in_the_matches() {
        for (pattern, text) in [
            (
                r"share (?:on|via) (?P<net>facebook|twitter)",
                "SHARE VIA Twitter",
            ),
            (
                r"[Ss]ign up for our newsletter",
                "sign up for our newsletter",
            ),
            (r"(?:photo|image):\s*\w+", "Photo:  AP"),
        ] {
            let set = lits(pattern, true).unwrap();
            let lower = text.to_ascii_lowercase();
            assert!(set.iter().any(|l| lower.contains(l.as_str())), "{pattern}");
        }
    }

    #[test]
    fn kelvin_and_long_s_fold_to_ascii_letters() {
        assert_eq!(lits("kiss", true).unwrap(), ["kiss"]);
        assert!(
            regex::RegexBuilder::new("kiss")
                .case_insensitive(true)
                .build()
                .unwrap()
                .is_match("\u{212A}i\u{17F}s")
        );
    }
}
