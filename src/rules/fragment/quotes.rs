//! Quotation marks and brackets that do not pair up within a paragraph.
//!
//! Each mark is read by its *flanking*, as Markdown reads emphasis: a mark with
//! a space (or the paragraph start, or an opening bracket or dash) before it and a
//! letter after it opens; one with a letter or punctuation before it and a space (or
//! punctuation, or the end) after it closes. So `definitive.“ wrote` is an opening
//! mark in the place of a closing one, and `reporters. ” . . . [It was]` a closing mark
//! that opens a quotation (a later `”` closes it). A straight `"` takes the role its
//! flanking gives it, or the one the count needs when it gives none. `’’` and `‘‘` are
//! read as one double mark; `"` after a digit is an inch mark unless a straight
//! quotation is open (`"founded in 1962".`), and a guillemet with spaces on both sides
//! or doubled (`Read More »»`) is a link arrow.
//!
//! Single quotes share their marks with apostrophes (`don’t`, `Iran’s`, `the ’90s`,
//! `rock ’n’ roll`), so only an opening `‘` or `'` is tracked: any later `’` or `'`
//! after a non-space closes it, and a `’` with nothing open is an apostrophe.
//!
//! A quotation left open at the end of a paragraph is the convention for a quote that
//! runs on when the next paragraph starts with an opening mark; it is not reported then.
//! Nor is one that the very next paragraph closes before it opens anything, a quotation
//! the page (or the extractor) split in two: that closing mark pairs with it.

use std::ops::Range;

use super::page::goes_on;
use crate::text::opens_quotation;

/// Which marks a rule checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(super) enum Marks {
    /// `" “ ” „ « »`
    Double,
    /// `' ‘ ’`
    Single,
    /// `( ) [ ] { }`
    Brackets,
}

/// A mark that does not pair, as a byte range in the paragraph and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Unpaired {
    pub at: Range<usize>,
    pub what: String,
}

const OPENING_CONTEXT: &[char] = &[
    '(', '[', '{', '—', '–', '-', '/', '“', '‘', '"', '\'', '«', '„',
];
const CLOSING_CONTEXT: &[char] = &[
    '.', ',', ';', ':', '!', '?', ')', ']', '}', '—', '–', '-', '…', '”', '’', '"', '\'', '»',
];
/// Words written with a leading apostrophe: `'em`, `'til`, `'n'`.
const ELISIONS: &[&str] = &[
    "em", "til", "tis", "twas", "cause", "cos", "n", "round", "bout", "nuff", "ere",
];

/// The paragraphs right before and right after the one checked.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Around<'a> {
    pub before: Option<&'a str>,
    pub after: Option<&'a str>,
}

/// Marks of `marks` in `para` that do not pair; `next` is the next paragraph, whose
/// opening quote lets a quotation run on, and `around` the paragraphs beside it, between
/// which a double quotation may be split.
pub(super) fn unpaired(
    marks: Marks,
    para: &str,
    next: Option<&str>,
    around: Around<'_>,
) -> Vec<Unpaired> {
    // Most paragraphs have none of the marks: nothing to pair (`’’` and `''` count
    // as double marks).
    let read: &[char] = match marks {
        Marks::Double => &['"', '“', '”', '„', '«', '»', '‘', '’', '\''],
        Marks::Single => &['\'', '‘', '’'],
        Marks::Brackets => &['(', ')', '[', ']', '{', '}'],
    };
    if !para.contains(read) {
        return Vec::new();
    }
    let chars = marks_of(para);
    match marks {
        Marks::Double => double(para, &chars, next, around),
        Marks::Single => single(para, &chars, next),
        Marks::Brackets => brackets(para, &chars, next),
    }
}

/// The characters of `para` a check reads. Mojibake of curly punctuation read as
/// Windows-1252 (`â€”` for `—`, `â€™` for `’`) ends in a quotation mark that quotes
/// nothing; `encoding.mojibake` reports it.
fn marks_of(para: &str) -> Vec<(usize, char)> {
    // Nearly every paragraph is free of it: then no character follows it.
    if !para.contains("â€") {
        return para.char_indices().collect();
    }
    para.char_indices()
        .filter(|&(i, _)| !para[..i].ends_with("â€"))
        .collect()
}

#[derive(Debug, Clone, Copy)]
struct Flank {
    left: bool,
    right: bool,
}

/// Flanking of the mark made of `chars[first..=last]`.
fn flank(chars: &[(usize, char)], first: usize, last: usize) -> Flank {
    let before = first.checked_sub(1).map(|i| chars[i].1);
    let after = chars.get(last + 1).map(|c| c.1);
    Flank {
        left: after.is_some_and(|c| !c.is_whitespace())
            && before.is_none_or(|c| c.is_whitespace() || OPENING_CONTEXT.contains(&c)),
        right: before.is_some_and(|c| !c.is_whitespace())
            && after.is_none_or(|c| c.is_whitespace() || CLOSING_CONTEXT.contains(&c)),
    }
}

fn span(para: &str, chars: &[(usize, char)], first: usize, last: usize) -> Range<usize> {
    let end = chars.get(last + 1).map_or(para.len(), |c| c.0);
    chars[first].0..end
}

fn runs_on(next: Option<&str>) -> bool {
    next.is_some_and(opens_quotation)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    Either,
}

fn double(
    para: &str,
    chars: &[(usize, char)],
    next: Option<&str>,
    around: Around<'_>,
) -> Vec<Unpaired> {
    // A quotation the paragraph before left open, closed here before anything opens.
    // The cheap test on this paragraph first: most paragraphs open before they close,
    // and then the one before is not scanned again.
    let carried = closes_first(chars) && around.before.is_some_and(leaves_open);
    let (out, open) = scan(para, chars, carried);
    let open: Vec<Range<usize>> = open.into_iter().map(|(at, _)| at).collect();
    let goes_on = !open.is_empty()
        && (runs_on(next) || around.after.is_some_and(|a| closes_first(&marks_of(a))));
    finish(para, out, open, goes_on, "quotation")
}

/// Whether a paragraph ends with a double quotation open.
fn leaves_open(para: &str) -> bool {
    !scan(para, &marks_of(para), false).1.is_empty()
}

/// Whether the first double quotation mark of `chars` closes one (as its shape reads).
fn closes_first(chars: &[(usize, char)]) -> bool {
    let mut k = 0;
    while k < chars.len() {
        let (mark, last) = double_mark(chars, k);
        match mark {
            Some('”') => return !(k > 0 && chars[k - 1].1.is_ascii_digit()),
            Some('“' | '„' | '«' | '»') => return false,
            // a straight mark after a digit is an inch mark
            Some(_) if k > 0 && chars[k - 1].1.is_ascii_digit() => return false,
            Some(_) => {
                let f = flank(chars, k, last);
                return f.right && !f.left;
            }
            None => k = last + 1,
        }
    }
    false
}

/// The problems of a paragraph's double quotation marks, and the quotations still open
/// at its end (where, and with which mark). `carried`: a quotation of the paragraph
/// before is open at its start.
type Scan = (Vec<Unpaired>, Vec<(Range<usize>, char)>);

fn scan(para: &str, chars: &[(usize, char)], carried: bool) -> Scan {
    let reversed_guillemets = (0..chars.len())
        .find(|&k| matches!(chars[k].1, '«' | '»') && !is_arrow(chars, k))
        .is_some_and(|k| chars[k].1 == '»' && flank(chars, k, k).left);
    // Open quotations: where, and with which mark.
    let mut open: Vec<(Range<usize>, char)> = Vec::new();
    if carried {
        open.push((0..0, '“'));
    }
    let mut out = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        let (mark, last) = double_mark(chars, k);
        let Some(mark) = mark else {
            k += 1;
            continue;
        };
        let at = span(para, chars, k, last);
        let f = flank(chars, k, last);
        let arrow = matches!(mark, '«' | '»') && is_arrow(chars, k);
        let role = match mark {
            _ if arrow => {
                k = last + 1;
                continue; // `Read More »»`, `« Back`: a link arrow
            }
            '“' | '„' => Role::Open,
            // 9” wheels: an inch mark where no quotation is open.
            '”' if k > 0 && chars[k - 1].1.is_ascii_digit() && open.is_empty() => {
                k = last + 1;
                continue;
            }
            '”' => Role::Close,
            '«' if !reversed_guillemets => Role::Open,
            '»' if reversed_guillemets => Role::Open,
            '«' | '»' => Role::Close,
            // 15.6" screen; but with a straight quotation open, `... in 1962".` closes it.
            _ if k > 0 && chars[k - 1].1.is_ascii_digit() && !open.iter().any(|o| o.1 == '"') => {
                k = last + 1;
                continue;
            }
            _ if f.left && !f.right => Role::Open,
            _ if f.right && !f.left => Role::Close,
            _ => Role::Either,
        };
        let mark_text = &para[at.clone()];
        match role {
            // German quotes open with `„` and close with `“`.
            Role::Open if mark == '“' && open.last().is_some_and(|o| o.1 == '„') && f.right => {
                open.pop();
            }
            Role::Open if mark == '“' && f.right && !f.left && !open.is_empty() => {
                open.pop();
                out.push(Unpaired {
                    at,
                    what: format!("the quotation is closed with an opening mark `{mark_text}`"),
                });
            }
            Role::Open => open.push((at, mark)),
            Role::Either if open.is_empty() => open.push((at, mark)),
            Role::Close | Role::Either => {
                if open.pop().is_some() {
                    // paired
                } else if closed_later(chars, last + 1, reversed_guillemets) {
                    open.push((at.clone(), mark));
                    out.push(Unpaired {
                        at,
                        what: format!("the quotation is opened with a closing mark `{mark_text}`"),
                    });
                } else {
                    out.push(Unpaired {
                        at,
                        what: format!("the closing mark `{mark_text}` closes no quotation"),
                    });
                }
            }
        }
        k = last + 1;
    }
    open.retain(|(at, _)| !at.is_empty());
    (out, open)
}

/// Adds the quotations still `open` at the paragraph's end (unless the quotation goes
/// on in the next paragraph) and sorts the problems by position.
fn finish(
    para: &str,
    mut out: Vec<Unpaired>,
    open: Vec<Range<usize>>,
    goes_on: bool,
    what: &str,
) -> Vec<Unpaired> {
    if !goes_on {
        out.extend(open.into_iter().map(|at| Unpaired {
            what: format!(
                "the {what} opened with `{}` is never closed",
                &para[at.clone()]
            ),
            at,
        }));
    }
    out.sort_by_key(|u| u.at.start);
    out
}

/// A guillemet used as a link arrow: doubled, or with spaces (or nothing) on both sides.
fn is_arrow(chars: &[(usize, char)], k: usize) -> bool {
    let c = chars[k].1;
    let f = flank(chars, k, k);
    f.left == f.right
        || chars.get(k + 1).is_some_and(|n| n.1 == c)
        || k.checked_sub(1).is_some_and(|p| chars[p].1 == c)
}

/// The double mark starting at `chars[k]`, if any, and the index of its last char:
/// `’’` and `‘‘` stand for `”` and `“`.
fn double_mark(chars: &[(usize, char)], k: usize) -> (Option<char>, usize) {
    let c = chars[k].1;
    let next = chars.get(k + 1).map(|c| c.1);
    match (c, next) {
        ('’', Some('’')) => (Some('”'), k + 1),
        ('‘', Some('‘')) => (Some('“'), k + 1),
        ('\'', Some('\'')) => (Some('"'), k + 1),
        ('“' | '”' | '"' | '„' | '«' | '»', _) => (Some(c), k),
        _ => (None, k),
    }
}

/// Whether a closing mark comes after `from` before any opening one.
fn closed_later(chars: &[(usize, char)], from: usize, reversed_guillemets: bool) -> bool {
    let mut k = from;
    while k < chars.len() {
        let (mark, last) = double_mark(chars, k);
        match mark {
            Some('“' | '„') => return false,
            Some('”') => return true,
            Some('«') => return reversed_guillemets,
            Some('»') => return !reversed_guillemets,
            Some(_) => {
                let f = flank(chars, k, last);
                if f.right && !f.left {
                    return true;
                }
                if f.left && !f.right {
                    return false;
                }
            }
            None => {}
        }
        k = last + 1;
    }
    false
}

fn single(para: &str, chars: &[(usize, char)], next: Option<&str>) -> Vec<Unpaired> {
    let mut open: Vec<Range<usize>> = Vec::new();
    let mut out = Vec::new();
    for (k, &(_, c)) in chars.iter().enumerate() {
        if !matches!(c, '‘' | '’' | '\'') || is_double_pair(chars, k) {
            continue;
        }
        let f = flank(chars, k, k);
        let after_space = k == 0 || chars[k - 1].1.is_whitespace();
        let opens = f.left && !f.right && c != '’' && !elided(para, chars, k);
        if opens {
            open.push(span(para, chars, k, k));
        } else if c == '‘' && f.right && !f.left && !open.is_empty() {
            open.pop();
            out.push(Unpaired {
                at: span(para, chars, k, k),
                what: "the single quotation is closed with an opening mark `‘`".to_owned(),
            });
        } else if c != '‘' && !after_space {
            open.pop();
        }
    }
    finish(para, out, open, runs_on(next), "single quotation")
}

/// A single mark that is half of `’’`, `‘‘` or `''` (read as a double mark).
fn is_double_pair(chars: &[(usize, char)], k: usize) -> bool {
    let c = chars[k].1;
    chars.get(k + 1).is_some_and(|n| n.1 == c) || k.checked_sub(1).is_some_and(|p| chars[p].1 == c)
}

/// `‘90s`, `'em`, `’n’`: an apostrophe that starts a word, not a quotation.
fn elided(para: &str, chars: &[(usize, char)], k: usize) -> bool {
    let rest = chars.get(k + 1).map_or("", |c| &para[c.0..]);
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        return true;
    }
    let word: String = rest
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase();
    ELISIONS.contains(&word.as_str())
}

/// Which of `( [ {` a bracket is, and whether it opens.
fn bracket(c: char) -> Option<(usize, bool)> {
    match c {
        '(' => Some((0, true)),
        '[' => Some((1, true)),
        '{' => Some((2, true)),
        ')' => Some((0, false)),
        ']' => Some((1, false)),
        '}' => Some((2, false)),
        _ => None,
    }
}

/// Pairs brackets within `para`. A paragraph the page split in two (an extractor drops
/// an inline code span or link: `(both of type` / `) it describes ...`, `(if it ends
/// with .md` / `, that means ...)`) leaves a bracket open in one and closes it in the
/// next, which goes on mid-sentence: neither is reported. `next` is the paragraph
/// right after `para`.
fn brackets(para: &str, chars: &[(usize, char)], next: Option<&str>) -> Vec<Unpaired> {
    let mut open: [Vec<usize>; 3] = Default::default();
    let mut out = Vec::new();
    let continued = goes_on(para);
    for (k, &(_, c)) in chars.iter().enumerate() {
        let Some((slot, opening)) = bracket(c) else {
            continue;
        };
        if opening {
            open[slot].push(k);
        } else if open[slot].pop().is_none() && !enumerator_or_smiley(chars, k) && !continued {
            out.push(Unpaired {
                at: span(para, chars, k, k),
                what: format!("`{c}` closes no bracket"),
            });
        }
    }
    if next.is_some_and(goes_on) {
        open = Default::default();
    }
    for k in open.into_iter().flatten() {
        out.push(Unpaired {
            at: span(para, chars, k, k),
            what: format!("`{}` is never closed", chars[k].1),
        });
    }
    out.sort_by_key(|u| u.at.start);
    out
}

/// `1)`, `a)`, `iv)` as list markers, and `:)`.
fn enumerator_or_smiley(chars: &[(usize, char)], k: usize) -> bool {
    let before: Vec<char> = chars[..k]
        .iter()
        .rev()
        .map(|c| c.1)
        .take_while(|c| !c.is_whitespace())
        .collect();
    matches!(before.first(), Some(':' | ';' | '='))
        || (!before.is_empty() && before.len() <= 3 && before.iter().all(|c| c.is_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(marks: Marks, para: &str, next: Option<&str>) -> Vec<String> {
        unpaired(marks, para, next, Around::default())
            .into_iter()
            .map(|u| format!("{}@{}", u.what, &para[u.at]))
            .collect()
    }

    fn clean(marks: Marks, para: &str) {
        assert_eq!(problems(marks, para, None), Vec::<String>::new(), "{para}");
    }

    #[test]
    fn mojibake_of_curly_punctuation_is_no_quotation() {
        clean(Marks::Double, "statisticsâ€”they represent a fun");
        clean(Marks::Single, "GegoSoftâ€™s expert team");
        clean(Marks::Double, "He said â€œyesâ€\u{9d} and â€œno.");
    }

    #[test]
    fn a_curly_mark_after_a_digit_is_an_inch_mark_unless_a_quotation_is_open() {
        clean(Marks::Double, "Wheel size: 9” pneumatic tires");
        clean(Marks::Double, "The 12.9” panel shipped in December.");
        clean(Marks::Double, "He called it “a 9”.");
        assert_eq!(
            problems(Marks::Double, "He said the wheel was 9” wide.”", None),
            ["the closing mark `”` closes no quotation@”"]
        );
    }

    #[test]
    fn balanced_quotes_are_clean() {
        for p in [
            "“We respect your decision,” the letter said.",
            "\"They said it's a draft\", Abdul Mahdi said.",
            "He said: “It was just that feeling of ‘this is the song.’”",
            "It was “a mistake.” It was “a draft.”",
            "“It was an attempt to mislead voters,’’ Moy said.",
            "A 15.6\" screen and a \"futuristic\" design.",
            "The sign reads \"Bread & Cakes - since 1962\".",
            "Profits rose \"by 5 percent in 2019\", the company said.",
            "«Когда вся ваша жизнь» – сказала она.",
            "Unter dem Motto „Take C.A.R.E“ startet die Messe.",
            "Sonia Gandhi gives nod to alliance: Reports - Read More »»",
        ] {
            clean(Marks::Double, p);
        }
    }

    #[test]
    fn closed_with_an_opening_mark() {
        let p = "“Though the letter doesn’t bear a signature, it seems pretty definitive.“ wrote Liz Sly.";
        let got = problems(Marks::Double, p, None);
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].starts_with("the quotation is closed with an opening mark"));
    }

    #[test]
    fn opened_with_a_closing_mark() {
        let p = "“That letter is a draft,” Milley told reporters. ” . . . [It was] poorly worded.”";
        let got = problems(Marks::Double, p, None);
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].starts_with("the quotation is opened with a closing mark"));
    }

    #[test]
    fn never_closed_unless_the_next_paragraph_runs_on() {
        let p = "He warned: “They are already there in the garrison.";
        assert_eq!(problems(Marks::Double, p, Some("Other text.")).len(), 1);
        assert!(problems(Marks::Double, p, Some("“And they will stay.”")).is_empty());
        assert_eq!(problems(Marks::Double, "Done.” He left.", None).len(), 1);
    }

    #[test]
    fn a_quotation_split_between_two_paragraphs_pairs_up() {
        let first =
            "A graduate shared: \"I started with zero tech background and now I'm confident.";
        let second = "The projects made all the difference.\" What's better is the price.";
        let split = |before, para, after| {
            unpaired(Marks::Double, para, after, Around { before, after })
                .into_iter()
                .map(|u| u.what)
                .collect::<Vec<_>>()
        };
        assert!(split(None, first, Some(second)).is_empty());
        assert!(split(Some(first), second, None).is_empty());
        // Not when the next paragraph opens a quotation of its own first, nor a closing
        // mark after a paragraph that left nothing open.
        let own = "She said: “We will look again.” Then she left.";
        assert_eq!(split(None, first, Some(own)).len(), 1);
        assert_eq!(split(Some("Nothing is open here."), second, None).len(), 1);
    }

    #[test]
    fn apostrophes_are_not_single_quotes() {
        for p in [
            "Iran’s call, the ’90s and rock ’n’ roll don’t matter.",
            "The soldiers’ families and the U.S.' role.",
            "Move ‘Out of Iraq’ Deemed Mistaken",
            "'Meth. We're On It.': South Dakota spends $449K",
            "It was ‘the song that we didn’t know’ they said.",
        ] {
            clean(Marks::Single, p);
        }
        assert_eq!(
            problems(
                Marks::Single,
                "known as the ‘black death - which affects",
                None
            )
            .len(),
            1
        );
        assert_eq!(
            problems(
                Marks::Single,
                "the theme ‘The Medium is the Message‘, the famous",
                None
            )
            .len(),
            1
        );
    }

    #[test]
    fn brackets_pair_up() {
        clean(
            Marks::Brackets,
            "Iraq, January 21, 2017. (Khalid al Mousily/Reuters)",
        );
        clean(Marks::Brackets, "1) first; 2) second :)");
        assert_eq!(
            problems(Marks::Brackets, "the figure (in dollars was high", None).len(),
            1
        );
        assert_eq!(
            problems(Marks::Brackets, "The figure in dollars) was high", None).len(),
            1
        );
        clean(Marks::Brackets, "you know where to find us. =)");
    }

    #[test]
    fn a_bracket_split_across_two_paragraphs_pairs_up() {
        let first = "Both arguments (both of type";
        let second = ") are read once, and the result is returned.";
        assert!(problems(Marks::Brackets, first, Some(second)).is_empty());
        clean(Marks::Brackets, second);
        // Not closed in the next paragraph either: unpaired.
        assert_eq!(
            problems(Marks::Brackets, first, Some("The result is returned.")).len(),
            1
        );
        let first = "Any file here (if its name ends with .md";
        let second = ", that means it is read as Markdown).";
        assert!(problems(Marks::Brackets, first, Some(second)).is_empty());
        clean(Marks::Brackets, second);
        // A closer later in a paragraph that starts a sentence closes nothing.
        assert_eq!(
            problems(Marks::Brackets, "The result ) is returned.", None).len(),
            1
        );
    }
}
