//! A paragraph written in another voice: the first or second person (`I`, `we`, `our`,
//! `you`) in an article that otherwise never speaks so.
//!
//! A news report speaks in the third person; the first person it prints stands inside
//! quotation marks, in the mouths of the people it quotes. A paragraph taken from a
//! column, a blog or a how-to brings its writer's `I` and `we` or its reader's `you`
//! out of quotation marks. An article written so throughout (a column, a how-to) uses
//! those words in the rest too, so its paragraphs do not clash; and a statement printed
//! without quotation marks is one paragraph's first person, so this alone proves
//! nothing: it is evidence beside the cohesion model's probability.

/// First- and second-person words, as written in running text (lower case, or
/// capitalised at a sentence's start); `I` and its contractions are always capitalised.
/// Not `mine` (a coal mine) or `US` (the country).
const PRONOUNS: [&str; 13] = [
    "me",
    "my",
    "myself",
    "we",
    "our",
    "ours",
    "ourselves",
    "us",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
];

/// How many of [`PRONOUNS`], from the first, are first-person words.
const FIRST_PERSON: usize = 8;

/// Endings of a contracted pronoun (`I'm`, `we've`, `you'll`): a pronoun still.
const CONTRACTIONS: [&str; 5] = ["m", "ve", "d", "ll", "re"];

/// Pronouns a paragraph must have outside quotation marks to speak in another voice.
const MIN_OWN: u32 = 2;

/// First- and second-person words of a text outside quotation marks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Voice {
    pub(super) first: u32,
    pub(super) second: u32,
}

impl Voice {
    fn count(&mut self, word: &str, after_name: bool) {
        match person(word, after_name) {
            Some(true) => self.first += 1,
            Some(false) => self.second += 1,
            None => {}
        }
    }

    fn total(self) -> u32 {
        self.first + self.second
    }

    /// These counts plus `other`'s.
    pub(super) fn add(self, other: Voice) -> Voice {
        Voice {
            first: self.first + other.first,
            second: self.second + other.second,
        }
    }

    /// Whether a paragraph of these counts speaks in a voice the rest (`rest`: the
    /// article's counts less the paragraph's) never uses: [`MIN_OWN`] first- or
    /// second-person words where the rest has none. The person it speaks in, for
    /// messages.
    pub(super) fn foreign_to(self, rest: Voice) -> Option<&'static str> {
        let person = if self.first >= self.second {
            "the first person"
        } else {
            "the second person"
        };
        (self.total() >= MIN_OWN && rest.total() == 0).then_some(person)
    }

    /// These counts less `part`'s.
    pub(super) fn without(self, part: Voice) -> Voice {
        Voice {
            first: self.first.saturating_sub(part.first),
            second: self.second.saturating_sub(part.second),
        }
    }
}

/// Whether `word` (letters, with an apostrophe at most) is a first- or second-person
/// word as running text writes it, and which: `Some(true)` for the first person;
/// `after_name`: the word before it is a capitalised word inside a sentence, which
/// makes a lone `I` a numeral (World War I, Elizabeth I).
fn person(word: &str, after_name: bool) -> Option<bool> {
    let (base, ending) = match word.split_once(['\'', '\u{2019}']) {
        Some((base, ending)) if CONTRACTIONS.contains(&ending) => (base, Some(ending)),
        Some(_) => return None,
        None => (word, None),
    };
    if base == "I" {
        return (ending.is_some() || !after_name).then_some(true);
    }
    let mut chars = base.chars();
    let first = chars.next()?;
    // `me`, `Me`, but not `ME` or `US`
    if chars.any(|c| !c.is_lowercase()) || !first.is_alphabetic() {
        return None;
    }
    let lower = base.to_lowercase();
    let at = PRONOUNS.iter().position(|p| *p == lower)?;
    Some(at < FIRST_PERSON)
}

/// First- and second-person words of `text` (one paragraph) outside quotation marks:
/// double quotes, straight or curly, and single curly quotes (`‘…’`). A quotation left
/// open runs to the paragraph's end (a quotation over several paragraphs opens each
/// and closes only the last), and one closed before any opens ran from its start.
pub(super) fn voice(text: &str) -> Voice {
    // A paragraph that closes a curly quotation before it opens one continues the
    // quotation of the paragraph before.
    let mut double =
        text.chars().find(|c| matches!(c, '\u{201C}' | '\u{201D}')) == Some('\u{201D}');
    let mut single = false;
    let mut count = Voice::default();
    let mut word = String::new();
    // the word before the current one was capitalised, and not a sentence's first
    let mut after_name = false;
    let mut sentence_start = true;
    let mut before = ' ';
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let after = chars.peek().copied().unwrap_or(' ');
        let apostrophe =
            matches!(c, '\'' | '\u{2019}') && before.is_alphabetic() && after.is_alphabetic();
        if c.is_alphabetic() || apostrophe {
            word.push(c);
            before = c;
            continue;
        }
        if !word.is_empty() {
            if !double && !single {
                count.count(&word, after_name);
            }
            after_name = !sentence_start && word.starts_with(char::is_uppercase);
            sentence_start = false;
            word.clear();
        }
        match c {
            '"' => double = !double,
            '\u{201C}' => double = true,
            '\u{201D}' => double = false,
            '\u{2018}' => single = true,
            '\u{2019}' => single = false,
            '.' | '!' | '?' | ':' => sentence_start = true,
            _ => {}
        }
        if !c.is_whitespace() {
            after_name = false;
        }
        before = c;
    }
    if !double && !single {
        count.count(&word, after_name);
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(text: &str) -> u32 {
        voice(text).total()
    }

    #[test]
    fn counts_first_and_second_person_words() {
        assert_eq!(n("I think we should go, and you agree."), 3);
        assert_eq!(n("My view: our town, your call, let me see."), 4);
        assert_eq!(n("We’ve said it: I’m sure you’ll come."), 3);
        assert_eq!(n("The council met on Tuesday."), 0);
        // not the country, not a mine, not a possessive, not a numeral
        assert_eq!(n("US troops left the mine in World War I."), 0);
        assert_eq!(n("The US and ME were named; Queen Elizabeth I died."), 0);
        // a sentence's first word is no name: the `I` after it is a pronoun
        assert_eq!(n("Then I left. Yesterday I came back."), 2);
    }

    #[test]
    fn quoted_words_do_not_count() {
        assert_eq!(n("\"We will stay,\" she said."), 0);
        assert_eq!(n("“We will stay,” she said, “and you can’t stop us.”"), 0);
        assert_eq!(n("‘We will stay,’ she said."), 0);
        assert_eq!(n("“We will stay,” she said. We agree with her."), 1);
        // a quotation left open runs to the end of the paragraph
        assert_eq!(n("He said: “We are leaving, and you know why"), 0);
        // ...and one closed before it opens, from its start
        assert_eq!(
            n("and we will not stop,” she said. “Not until you hear us.”"),
            0
        );
        // an apostrophe inside a word does not close a single quotation
        assert_eq!(n("‘We don’t know where you are,’ he said. We do."), 1);
    }

    #[test]
    fn a_voice_the_rest_never_uses_is_foreign() {
        let rest = voice("The council met. “We will build it,” the mayor said.");
        assert_eq!(
            voice("Before you go, check your tyres.").foreign_to(rest),
            Some("the second person")
        );
        assert_eq!(
            voice("I think my town deserves better, and you?").foreign_to(rest),
            Some("the first person")
        );
        // one word is not a voice; a rest that speaks so too is no clash
        assert_eq!(voice("Check your tyres.").foreign_to(rest), None);
        let column = voice("I went back. We talked.");
        assert_eq!(
            voice("Before you go, check your tyres.").foreign_to(column),
            None
        );
        // the article's counts less the paragraph's
        let para = voice("You and I.");
        let all = para.add(voice("The council met."));
        assert_eq!(para.foreign_to(all.without(para)), Some("the first person"));
    }
}
