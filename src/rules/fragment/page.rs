//! The shape of each paragraph of a document, worked out once for all fragment checks:
//! how it ends, whether it is a list item, how long it is, and whether the document is
//! English at all (the lexicon-based checks say nothing about other languages).

use std::ops::Range;

use super::lexicon::Lexicon;
use crate::text::code::looks_like_code;
use crate::text::{Document, opens_quotation};

/// Characters that open a list item when followed by a space.
const BULLETS: &[char] = &[
    '-', '–', '—', '•', '·', '*', '▪', '●', '◦', '‣', '►', '■', '→',
];
/// Closing quotes and brackets, looked through when reading how a paragraph ends.
const CLOSERS: &[char] = &['"', '\'', '”', '’', '»', ')', ']'];

/// Words a paragraph needs for its words to count toward the page's stopword share.
const RUNNING_TEXT_WORDS: usize = 8;

/// How a paragraph ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Ending {
    /// `.`, `!`, `?`, `…`, `:` or `;`, possibly inside closing quotes.
    Terminal,
    /// A closing bracket, as credits and captions end: `(Photo: AP)`.
    Bracket,
    /// A letter, digit or comma: the text stops mid-sentence, or it is a heading.
    Open,
    /// Anything else (a dash, a symbol).
    Other,
}

#[derive(Debug, Clone)]
pub(super) struct Para {
    pub range: Range<usize>,
    pub ending: Ending,
    /// Starts with a bullet or an enumerator (`•`, `-`, `1.`, `a)`).
    pub bullet: bool,
    /// Word tokens in the paragraph.
    pub words: usize,
    /// Number of lines it covers.
    pub lines: usize,
    /// Program code or markup (most of its lines: [`crate::text::code`]), which the
    /// checks of sentence shape pass by.
    pub code: bool,
}

impl Para {
    /// Reads like running text: a terminated paragraph of a few words at least.
    pub(super) fn is_body(&self) -> bool {
        self.ending == Ending::Terminal && self.words >= 8 && !self.bullet && !self.code
    }
}

/// The paragraphs of a document with their shapes.
#[derive(Debug)]
pub(super) struct Page<'d> {
    pub doc: &'d Document,
    pub paras: Vec<Para>,
    /// Share of word tokens that are English stopwords.
    pub stopword_share: f64,
}

impl<'d> Page<'d> {
    pub(super) fn new(doc: &'d Document, lex: &Lexicon) -> Self {
        let text = doc.text();
        let paras: Vec<Para> = doc
            .paragraphs()
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let s = &text[p.range.clone()];
                Para {
                    range: p.range.clone(),
                    ending: ending(s),
                    bullet: starts_with_bullet(s),
                    words: doc.paragraph_words(i).len(),
                    lines: p.lines.len(),
                    code: s.lines().filter(|l| looks_like_code(l)).count() * 2 > s.lines().count(),
                }
            })
            .collect();
        // Counted over running text: lists, tables and code hold few stopwords in any
        // language, and a page full of them is still English.
        let running: Vec<&[Range<usize>]> = (0..paras.len())
            .filter(|&i| paras[i].words >= RUNNING_TEXT_WORDS && !paras[i].code)
            .map(|i| doc.paragraph_words(i))
            .collect();
        let words = if running.is_empty() {
            vec![doc.words()]
        } else {
            running
        };
        let (mut all, mut stop) = (0usize, 0usize);
        for w in words.into_iter().flatten() {
            all += 1;
            stop += usize::from(lex.is_stopword(&crate::text::lowercase(doc.slice(w))));
        }
        let stopword_share = if all == 0 {
            0.0
        } else {
            stop as f64 / all as f64
        };
        Page {
            doc,
            paras,
            stopword_share,
        }
    }

    pub(super) fn text(&self, i: usize) -> &'d str {
        &self.doc.text()[self.paras[i].range.clone()]
    }

    /// The next paragraph of text after `i`, passing over up to two lines that do not
    /// end a sentence (a `SEE MORE: ...` link, a heading) that the scraper left between
    /// two paragraphs of one quotation, unless the very next one opens a quotation
    /// (whatever its end: `“...” –– Amber Elise, owner of ...`).
    pub(super) fn next_text(&self, i: usize) -> Option<&'d str> {
        (i + 1..self.paras.len())
            .take(3)
            .enumerate()
            .find(|&(n, j)| {
                self.paras[j].ending == Ending::Terminal
                    || (n == 0 && opens_quotation(self.text(j)))
            })
            .map(|(_, j)| self.text(j))
    }

    /// The paragraph right after `i`, whatever it is.
    pub(super) fn following(&self, i: usize) -> Option<&'d str> {
        (i + 1 < self.paras.len()).then(|| self.text(i + 1))
    }

    /// Whether paragraph `i` belongs to a list: it has a bullet, or it follows a line
    /// ending in `:` or a list item.
    pub(super) fn in_list(&self, i: usize) -> bool {
        let p = &self.paras[i];
        p.bullet
            || i.checked_sub(1)
                .is_some_and(|j| self.paras[j].bullet || self.text(j).trim_end().ends_with(':'))
    }
}

/// Whether `text` goes on with a sentence begun in the paragraph before: it starts in
/// lowercase, with punctuation that does not open a sentence (`, that means ...`, `)
/// are read`, `?`), or with a hyphen and a lowercase word (`-blocks that ...`).
pub(super) fn goes_on(text: &str) -> bool {
    let mut chars = text.trim_start().chars();
    let (first, second) = (chars.next(), chars.next());
    first.is_some_and(|c| {
        c.is_lowercase() || matches!(c, ',' | ';' | ':' | '.' | '?' | '!' | ')' | ']' | '}')
    }) || (first == Some('-') && second.is_some_and(char::is_lowercase))
}

/// How `s` ends, looking through closing quotes and brackets.
pub(super) fn ending(s: &str) -> Ending {
    let trimmed = s.trim_end();
    let core = trimmed.trim_end_matches(CLOSERS);
    let closed_bracket = trimmed[core.len()..].contains([')', ']']);
    match core.chars().next_back() {
        _ if closed_bracket => Ending::Bracket,
        Some('.' | '!' | '?' | '…' | ':' | ';') => Ending::Terminal,
        Some(c) if c.is_alphanumeric() || c == ',' => Ending::Open,
        _ => Ending::Other,
    }
}

/// The paragraphs of `text` for which `check` holds, for the checks' unit tests.
#[cfg(test)]
pub(super) fn flagged_paragraphs(
    text: &str,
    check: impl Fn(&Page<'_>, &Lexicon, usize) -> bool,
) -> Vec<String> {
    let lex = Lexicon::builtin();
    let doc = Document::from_text(text);
    let page = Page::new(&doc, &lex);
    (0..page.paras.len())
        .filter(|&k| check(&page, &lex, k))
        .map(|k| page.text(k).to_owned())
        .collect()
}

/// `• item`, `- item`, `1. item`, `2) item`, `a) item`.
pub(super) fn starts_with_bullet(s: &str) -> bool {
    let s = s.trim_start();
    let mut chars = s.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if BULLETS.contains(&first) {
        return chars.next().is_some_and(char::is_whitespace);
    }
    let marker: String = s.chars().take_while(|c| c.is_alphanumeric()).collect();
    let rest = &s[marker.len()..];
    let enumerator = (!marker.is_empty() && marker.chars().all(|c| c.is_ascii_digit()))
        || (marker.len() == 1 && marker.chars().all(|c| c.is_ascii_lowercase()));
    enumerator && marker.len() <= 3 && (rest.starts_with(". ") || rest.starts_with(") "))
}

/// Strips a leading bullet or enumerator and the space after it.
pub(super) fn strip_bullet(s: &str) -> (&str, bool) {
    let t = s.trim_start();
    if !starts_with_bullet(t) {
        return (t, false);
    }
    let cut = t.find(char::is_whitespace).unwrap_or(t.len());
    (t[cut..].trim_start(), true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_paragraphs_are_marked_and_are_no_running_text() {
        let lex = Lexicon::builtin();
        let doc = Document::from_text(
            "How to copy a file\n\nOpen the source first; check the error every time.\n\nfunc CopyFile(dst, src string) error {\nsrc, err := os.Open(src)\nint count = items.size() + offset + total + more;\n}",
        );
        let page = Page::new(&doc, &lex);
        let code: Vec<bool> = page.paras.iter().map(|p| p.code).collect();
        assert_eq!(
            code,
            [false, false, true],
            "the code block is one paragraph"
        );
        let doc = Document::from_text(
            "Counting items\nAdd the offset to the size of the list, as below.\nint count = items.size() + offset + total + more;",
        );
        let page = Page::new(&doc, &lex);
        assert!(page.paras[2].code);
        assert!(!page.paras[2].is_body(), "a statement is not running text");
    }

    #[test]
    fn the_stopword_share_is_read_from_running_text_not_lists() {
        let lex = Lexicon::builtin();
        let list = "- Migration costs\n- Bandwidth overage charges\n- Backup storage fees\n- Support subscription tiers\n- Professional services\n".repeat(6);
        let text = format!(
            "Costs\n\n{list}\nTest any provider through a trial before you commit to it for the long term."
        );
        let doc = Document::from_text(&text);
        let page = Page::new(&doc, &lex);
        assert!(page.stopword_share >= 0.2, "{}", page.stopword_share);
        let doc = Document::from_text(&list);
        let page = Page::new(&doc, &lex);
        assert!(
            page.stopword_share < 0.2,
            "without running text, every word counts"
        );
    }

    #[test]
    fn a_paragraph_goes_on_or_opens_a_quotation() {
        for t in [
            ", that means it is read.",
            ") are read once.",
            "?",
            "-blocks that nest",
            "and then",
        ] {
            assert!(goes_on(t), "{t}");
        }
        for t in [
            "The council met.",
            "- A list item",
            "“We left.”",
            "(Photo: AP)",
        ] {
            assert!(!goes_on(t), "{t}");
        }
        assert!(opens_quotation("“It was worth it.” –– Ana Ruiz") && opens_quotation("'Yes'"));
        assert!(!opens_quotation("He said “yes”."));
    }

    #[test]
    fn a_quotation_runs_on_into_the_next_paragraph_whatever_its_end() {
        let lex = Lexicon::builtin();
        let doc = Document::from_text(
            "“It was hard.\n“It was worth it.” –– Ana Ruiz, owner of a shop in Leeds\nA heading",
        );
        let page = Page::new(&doc, &lex);
        assert_eq!(page.next_text(0), Some(page.text(1)));
        assert_eq!(
            page.next_text(1),
            None,
            "a heading is passed over, not taken"
        );
    }

    #[test]
    fn endings() {
        assert_eq!(ending("He left."), Ending::Terminal);
        assert_eq!(ending("“We left.”"), Ending::Terminal);
        assert_eq!(ending("against Islamic State"), Ending::Open);
        assert_eq!(ending("the plan,"), Ending::Open);
        assert_eq!(
            ending("near Mosul. (Khalid al Mousily/Reuters)"),
            Ending::Bracket
        );
        assert_eq!(ending("Gaza –"), Ending::Other);
    }

    #[test]
    fn bullets_and_enumerators() {
        for s in [
            "• Sonia",
            "- item",
            "1. first",
            "12) twelfth",
            "a) one",
            "  – dash",
        ] {
            assert!(starts_with_bullet(s), "{s}");
        }
        for s in ["-5 degrees", "2020. It", "I. M. Pei", "Ahead of", "•"] {
            assert!(!starts_with_bullet(s), "{s}");
        }
        assert_eq!(strip_bullet("  • Sonia Alvarado"), ("Sonia Alvarado", true));
        assert_eq!(strip_bullet("Sonia"), ("Sonia", false));
    }
}
