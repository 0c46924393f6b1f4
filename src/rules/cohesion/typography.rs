//! A paragraph typed by another hand: quotation marks, apostrophes or dashes in a style
//! the rest of the article never uses.
//!
//! A writer, or a site's publishing software, keeps to one style: curly apostrophes
//! (`don’t`) or straight ones (`don't`), curly double quotes or straight ones, em dashes
//! or spaced en dashes or spaced hyphens. A paragraph pasted in from another page
//! brings that page's style. The style alone proves nothing (an article may quote a
//! post as it was typed), so it is evidence beside the cohesion model's probability.

/// A mark that comes in more than one style.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Mark {
    CurlyApostrophe,
    StraightApostrophe,
    CurlyQuote,
    StraightQuote,
    EmDash,
    SpacedEnDash,
    SpacedHyphen,
}

const MARKS: usize = 7;

/// Styles of one mark: a text that uses one of them never uses the other.
const RIVALS: [(Mark, Mark); 5] = [
    (Mark::CurlyApostrophe, Mark::StraightApostrophe),
    (Mark::CurlyQuote, Mark::StraightQuote),
    (Mark::EmDash, Mark::SpacedEnDash),
    (Mark::EmDash, Mark::SpacedHyphen),
    (Mark::SpacedEnDash, Mark::SpacedHyphen),
];

/// Times the rest of the article must use a style before another one is foreign to it.
const MIN_REST: u32 = 3;

impl Mark {
    /// How the style is written, for messages.
    pub(super) fn shown(self) -> &'static str {
        match self {
            Mark::CurlyApostrophe => "curly apostrophes (’)",
            Mark::StraightApostrophe => "straight apostrophes (')",
            Mark::CurlyQuote => "curly quotation marks (“ ”)",
            Mark::StraightQuote => "straight quotation marks (\")",
            Mark::EmDash => "em dashes (—)",
            Mark::SpacedEnDash => "spaced en dashes ( – )",
            Mark::SpacedHyphen => "spaced hyphens ( - )",
        }
    }
}

/// How often a text uses each style.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Styles([u32; MARKS]);

impl Styles {
    pub(super) fn of(text: &str) -> Styles {
        let mut n = [0u32; MARKS];
        let mut chars = text.chars().peekable();
        let mut before = '\n';
        while let Some(c) = chars.next() {
            let after = chars.peek().copied().unwrap_or('\n');
            let mark = match c {
                '\'' if before.is_alphanumeric() && after.is_alphanumeric() => {
                    Some(Mark::StraightApostrophe)
                }
                '’' if before.is_alphanumeric() && after.is_alphanumeric() => {
                    Some(Mark::CurlyApostrophe)
                }
                '"' => Some(Mark::StraightQuote),
                '“' | '”' => Some(Mark::CurlyQuote),
                '—' => Some(Mark::EmDash),
                '–' if before == ' ' && after == ' ' => Some(Mark::SpacedEnDash),
                '-' if before == ' ' && after == ' ' => Some(Mark::SpacedHyphen),
                _ => None,
            };
            if let Some(m) = mark {
                n[m as usize] += 1;
            }
            before = c;
        }
        Styles(n)
    }

    fn count(&self, m: Mark) -> u32 {
        self.0[m as usize]
    }

    /// These counts less `part`'s (a part of the text these were counted on).
    pub(super) fn without(&self, part: &Styles) -> Styles {
        let mut n = self.0;
        for (a, b) in n.iter_mut().zip(part.0) {
            *a = a.saturating_sub(b);
        }
        Styles(n)
    }

    /// A style this text uses that `rest` never does, while `rest` uses a rival style
    /// at least [`MIN_REST`] times and this text does not: (this text's style, the
    /// rest's).
    pub(super) fn foreign_to(&self, rest: &Styles) -> Option<(Mark, Mark)> {
        RIVALS
            .iter()
            .flat_map(|&(a, b)| [(a, b), (b, a)])
            .find(|&(mine, theirs)| {
                self.count(mine) > 0
                    && self.count(theirs) == 0
                    && rest.count(mine) == 0
                    && rest.count(theirs) >= MIN_REST
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn foreign(para: &str, rest: &str) -> Option<(Mark, Mark)> {
        Styles::of(para).foreign_to(&Styles::of(rest))
    }

    #[test]
    fn a_style_the_rest_never_uses_is_foreign() {
        let rest = "It’s late. They’re gone. We’ll see. “Yes,” she said.";
        assert_eq!(
            foreign("Don't worry, it's fine.", rest),
            Some((Mark::StraightApostrophe, Mark::CurlyApostrophe))
        );
        // the same style, or both styles in the paragraph, or too little of the rest
        assert_eq!(foreign("Don’t worry, it’s fine.", rest), None);
        assert_eq!(foreign("Don't worry, it’s fine.", rest), None);
        assert_eq!(foreign("Don't worry.", "It’s late. They’re gone."), None);
        // quotation marks and apostrophes at a word's edge are not apostrophes
        assert_eq!(foreign("The 'best' one.", rest), None);
        assert_eq!(
            foreign(
                "A pause - then more.",
                "One — two. Three — four. Five — six."
            ),
            Some((Mark::SpacedHyphen, Mark::EmDash))
        );
        // a bullet at a line's start is no dash
        assert_eq!(
            foreign("- first item", "One — two. Three — four. Five — six."),
            None
        );
    }

    #[test]
    fn counts_of_a_part_come_off_the_whole() {
        let whole = Styles::of("It’s “here”. Don't.");
        let part = Styles::of("Don't.");
        assert_eq!(whole.without(&part), Styles::of("It’s “here”. "));
    }
}
