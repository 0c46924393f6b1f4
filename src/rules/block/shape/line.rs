//! What every block rule reads of a line, worked out once per line and document: the
//! checker classifies each line for each of its rules, and the bullet, the word count
//! and the ending are the same for all of them.

use std::cell::OnceCell;

use super::{
    Case, Ending, capitalised_as, quoted_whole, sentence_ending, several_sentences, strip_bullet,
    unbracketed, word_count_upto,
};

/// One line as the block rules see it. The facts only some rules ask for (a heading's
/// core, the capitals of a title) are worked out on first use.
#[derive(Debug)]
pub(in crate::rules::block) struct Line<'a> {
    pub(super) kind: LineKind,
    /// The line without the whitespace around it.
    pub(super) trimmed: &'a str,
    /// Without its leading bullet or list number.
    pub(super) body: &'a str,
    /// The words of `body`, counted up to the largest limit of the rules that read it.
    pub(super) words: usize,
    pub(super) ending: Ending,
    alphabetic: OnceCell<bool>,
    quoted_whole: OnceCell<bool>,
    several_sentences: OnceCell<bool>,
    /// By [`Case`]: whether the body is capitalised as it asks.
    capitalised: [OnceCell<bool>; 3],
    /// The heading's core, without brackets and closing marks, and how it ends once a
    /// quoted title's full stop is set aside.
    heading: OnceCell<(&'a str, Ending)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::rules::block) enum LineKind {
    Blank,
    /// No letter or digit.
    Separator,
    Text,
}

impl<'a> Line<'a> {
    /// `word_limit`: the largest [`super::Segmenter::word_limit`] of the rules that will
    /// read the line; each reads the count up to its own.
    pub(in crate::rules::block) fn of(line: &'a str, word_limit: usize) -> Self {
        let trimmed = line.trim();
        let kind = if trimmed.is_empty() {
            LineKind::Blank
        } else if !trimmed.chars().any(char::is_alphanumeric) {
            LineKind::Separator
        } else {
            LineKind::Text
        };
        let (body, words, ending) = match kind {
            LineKind::Text => {
                let body = strip_bullet(trimmed);
                (
                    body,
                    word_count_upto(body, word_limit),
                    sentence_ending(body),
                )
            }
            _ => ("", 0, Ending::Open),
        };
        Line {
            kind,
            trimmed,
            body,
            words,
            ending,
            alphabetic: OnceCell::new(),
            quoted_whole: OnceCell::new(),
            several_sentences: OnceCell::new(),
            capitalised: Default::default(),
            heading: OnceCell::new(),
        }
    }

    pub(super) fn alphabetic(&self) -> bool {
        *self
            .alphabetic
            .get_or_init(|| self.body.chars().any(char::is_alphabetic))
    }

    pub(super) fn quoted_whole(&self) -> bool {
        *self.quoted_whole.get_or_init(|| quoted_whole(self.body))
    }

    pub(super) fn several_sentences(&self) -> bool {
        *self
            .several_sentences
            .get_or_init(|| several_sentences(self.body))
    }

    pub(super) fn capitalised(&self, case: Case) -> bool {
        let slot = match case {
            Case::Any => 0,
            Case::Capitalised => 1,
            Case::Title => 2,
        };
        *self.capitalised[slot].get_or_init(|| capitalised_as(case, self.body))
    }

    /// The core a trigger is matched against, and how it ends.
    pub(super) fn heading(&self) -> (&'a str, Ending) {
        *self.heading.get_or_init(|| {
            let core = unbracketed(self.body)
                .trim_end_matches(|c: char| c.is_whitespace() || ":|»›>".contains(c));
            // A heading may close on a quoted title and a full stop (`There are 16
            // comments to "Title".`).
            let open_core = core
                .strip_suffix('.')
                .filter(|c| c.ends_with(['"', '”', '’', '\'', '»']))
                .unwrap_or(core);
            (core, sentence_ending(open_core))
        })
    }
}
