//! Does a sentence have a finite verb? And is it a dangling appositive ("Name, noun
//! phrase.")?
//!
//! A word is a finite verb when `verbs-en.tsv` tags it VBD, VBZ, VBP or MD, with three
//! corrections:
//! - a capitalised word inside the sentence is a name (`Will`, `Rose`), not a verb;
//! - a base form after `to` is an infinitive (`plans to leave`);
//! - a form used mostly as a noun (`forces`, `plans`, `ends`) is a verb only when a
//!   subject can stand before it: a subject pronoun (`it plans`), or a noun phrase that
//!   is not the object of a preposition or a verb (`the trust plans`, but not `of the
//!   elite Quds forces`), nor in a phrase after a comma when `of` follows (`Greta Lee,
//!   the breakout star of the film`).
//!   Determiners and prepositions come from `function-words-en.tsv`.
//!
//! Contractions with `'s 're 've 'm 'll 'd n't` after a pronoun are finite, and a
//! lowercase word the lexicon does not know that ends in `-ed`, `-izes`, `-ises` or
//! `-ifies` is taken for a verb (suffix morphology), so unknown words err on the side
//! of "has a verb".

use std::ops::Range;

use super::lexicon::{Closed, Lexicon};
use crate::text::starts_upper;

/// Lowercase, with curly apostrophes made straight.
pub(super) fn normalise(word: &str) -> String {
    word.to_lowercase().replace('\u{2019}', "'")
}

/// The index of the first finite verb among the word tokens `ranges` of a sentence
/// of `text`.
pub(super) fn finite_verb(lex: &Lexicon, text: &str, ranges: &[Range<usize>]) -> Option<usize> {
    let words: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
    let lower: Vec<String> = words.iter().map(|w| normalise(w)).collect();
    let between = |i: usize| &text[ranges[i - 1].end..ranges[i].start];
    let comma_before: Vec<bool> = (0..ranges.len())
        .map(|i| i > 0 && between(i).contains([',', ';']))
        .collect();
    // `London-based`, `Hau-yip`: a word joined by a hyphen to a capitalised one is part
    // of a name or of a compound made from one, never a finite verb (unlike `co-founded`
    // or `re-opened`).
    let hyphen_before: Vec<bool> = (0..ranges.len())
        .map(|i| {
            i > 0
                && matches!(between(i), "-" | "\u{2010}" | "\u{2011}")
                && starts_upper(words[i - 1])
        })
        .collect();
    let sentence = Sentence {
        words: &words,
        lower: &lower,
        comma_before: &comma_before,
        hyphen_before: &hyphen_before,
    };
    (0..words.len()).find(|&i| sentence.is_finite_at(lex, i))
}

/// A sentence's words, lowercased, and where commas stand between them.
struct Sentence<'a> {
    words: &'a [&'a str],
    lower: &'a [String],
    comma_before: &'a [bool],
    hyphen_before: &'a [bool],
}

impl Sentence<'_> {
    fn is_finite_at(&self, lex: &Lexicon, i: usize) -> bool {
        let (words, lower) = (self.words, self.lower);
        let word = lower[i].as_str();
        if i > 0 && (starts_upper(words[i]) || self.hyphen_before[i]) {
            return false;
        }
        if let Some(form) = lex.verb(word) {
            // An imperative: `Click here to subscribe.`, `Be cautious about ...`, and
            // `be` after an opening phrase (`During the dinner, be sure to ...`).
            if form.base && (i == 0 || (word == "be" && self.comma_before[i])) {
                return true;
            }
            if !form.finite {
                return false;
            }
            let prev = i.checked_sub(1).map(|j| lower[j].as_str());
            if form.base && prev == Some("to") {
                return false;
            }
            return !form.noun_first || self.noun_first_form_is_verb(lex, i);
        }
        if let Some((base, clitic)) = word.rsplit_once('\'') {
            return match clitic {
                "re" | "ve" | "m" | "ll" | "d" => true,
                "t" => base.ends_with('n'),
                "s" => {
                    lex.closed(base).is_some_and(|c| c == Closed::Pronoun)
                        || matches!(base, "that" | "here" | "where" | "how" | "what" | "who")
                }
                _ => false,
            };
        }
        !starts_upper(words[i])
            && word.chars().count() >= 5
            && word.chars().all(char::is_alphabetic)
            && ["ed", "izes", "ises", "ifies"]
                .iter()
                .any(|suffix| word.ends_with(suffix))
    }

    /// A noun-first form (`forces`) is a verb when a subject can precede it.
    fn noun_first_form_is_verb(&self, lex: &Lexicon, i: usize) -> bool {
        let lower = self.lower;
        let Some(prev) = i.checked_sub(1).map(|j| lower[j].as_str()) else {
            return false; // sentence-initial: `Plans for ...`
        };
        if self.comma_before[i] {
            return false; // `Dr Helen Ashcombe, head of the centre`
        }
        match lex.closed(prev) {
            Some(Closed::Pronoun) => return SUBJECT_PRONOUNS.contains(&prev),
            Some(Closed::Other) if matches!(prev, "which" | "that") => return true,
            Some(_) => return false,
            None => {}
        }
        if prev.ends_with("'s") || prev.chars().any(|c| c.is_ascii_digit()) {
            return false; // `the country's forces`, `two ends`
        }
        // Walk back over the content words of the noun phrase before it.
        let mut j = i - 1;
        while j > 0
            && !self.comma_before[j]
            && lex.closed(&lower[j - 1]).is_none()
            && !is_plain_verb(lex, &lower[j - 1])
        {
            j -= 1;
        }
        if self.comma_before[j] {
            return true; // the phrase starts a clause: `In Kelby, the trust plans`
        }

        let Some(before) = j.checked_sub(1) else {
            return true; // the phrase starts the sentence: its subject
        };
        match lex.closed(&lower[before]) {
            Some(Closed::Pronoun) => SUBJECT_PRONOUNS.contains(&lower[before].as_str()),
            Some(Closed::Determiner | Closed::Possessive) => {
                // `Greta Lee, the breakout star of the film`: after a comma and before
                // `of`, the phrase describes a name; a verb takes no `of`.
                if self.comma_before[before] && lower.get(i + 1).is_some_and(|n| n == "of") {
                    return false;
                }
                // `Hogan Gidley, the deputy press secretary`, `Steve Cinderby, a senior
                // research fellow`: after a name and a comma, a noun-first form before
                // another noun (a lowercase word that is neither a function word nor a
                // verb form) modifies it.
                if self.comma_before[before]
                    && self.after_a_name(lex, before)
                    && self.words.get(i + 1).is_some_and(|n| {
                        let next = &lower[i + 1];
                        !starts_upper(n)
                            && next.chars().all(char::is_alphabetic)
                            && lex.closed(next).is_none()
                            && lex.verb(next).is_none()
                    })
                {
                    return false;
                }
                // `the elite forces`: a subject, unless a preposition governs the phrase.
                !before.checked_sub(1).is_some_and(|k| {
                    lex.closed(&lower[k]) == Some(Closed::Preposition)
                        || is_plain_verb(lex, &lower[k])
                })
            }
            Some(Closed::Other) => true, // `and`, `but`: a new clause may start
            _ => false,                  // a preposition or a verb governs the phrase
        }
    }
}

impl Sentence<'_> {
    /// Whether the words before the comma at `at` are all capitalised, two to six of
    /// them from the sentence's start: a name that the phrase after the comma describes.
    /// `In Kelby, the trust plans ...` opens on a preposition: no name.
    fn after_a_name(&self, lex: &Lexicon, at: usize) -> bool {
        names_someone(lex, &self.words[..at])
    }
}

/// Pronouns that can be the subject of a verb (`them plans` is not English).
const SUBJECT_PRONOUNS: &[&str] = &["i", "you", "he", "she", "it", "we", "they", "who", "there"];

/// A verb form that is mostly used as a verb (`killed`, `said`).
fn is_plain_verb(lex: &Lexicon, lower: &str) -> bool {
    lex.verb(lower).is_some_and(|f| !f.noun_first)
}

/// Whether `words` can be a name: 2 to 6 capitalised words (particles such as `al` or
/// `bin` allowed inside), the first no function word or stopword (`In Kelby` is no
/// name).
fn names_someone(lex: &Lexicon, words: &[&str]) -> bool {
    let first_ok = words.first().is_some_and(|w| {
        starts_upper(w) && lex.closed(&normalise(w)).is_none() && !lex.is_stopword(&normalise(w))
    });
    first_ok
        && (2..=6).contains(&words.len())
        && words.iter().enumerate().all(|(i, w)| {
            starts_upper(w) || (i > 0 && i + 1 < words.len() && crate::text::names::is_particle(w))
        })
}

/// `Name, noun phrase` with no verb: the head before the first comma is 2 to 6
/// capitalised words (particles such as `al` or `bin` allowed inside), and the tail
/// after it starts in lowercase and has at most one more comma.
pub(super) fn is_appositive(lex: &Lexicon, sentence: &str) -> bool {
    let Some((head, tail)) = sentence.split_once(',') else {
        return false;
    };
    let tail = tail.trim_start();
    let head_words: Vec<&str> = head.split_whitespace().collect();
    // `Big Technology, by Alex Kantrowitz.`: a title and its author's credit
    names_someone(lex, &head_words)
        && !tail.starts_with("by ")
        && tail.chars().next().is_some_and(char::is_lowercase)
        && tail.split_whitespace().count() >= 2
        && tail.matches(',').count() <= 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has_verb(s: &str) -> bool {
        let lex = Lexicon::builtin();
        let words = crate::text::segment::words(s, &(0..s.len()));
        finite_verb(&lex, s, &words).is_some()
    }

    #[test]
    fn finite_verbs_are_found() {
        for s in [
            "The exercise ends on March 22.",
            "The trust plans to replant six hectares.",
            "The victory moves Drummond to eighth.",
            "This year’s competition features 21 films.",
            "Castleford drop to eighth.",
            "It’s a draft.",
            "They’ve gone.",
            "Officials livestreamed the hearing.",
            "He also plans to start an anthology.",
            "I also use a tool for the to-do list.",
            "Click here to subscribe.",
            "Be cautious about an offer that sounds too good.",
            "During the dinner, be sure to have your notes ready.",
            "He was killed by a drone.",
            "In Kelby, the trust plans major cuts.",
            "She co-founded the firm in 2010.",
        ] {
            assert!(has_verb(s), "{s}");
        }
    }

    #[test]
    fn verbless_sentences_are_found() {
        for s in [
            "Gen Qassem Soleimani, commander of the elite Quds forces.",
            "No casualties.",
            "A statement from the country's forces.",
            "Plans for a new bridge.",
            "President Will Rose, the new leader.",
            "Dr Helen Ashcombe, head of the regional centre.",
            "Greta Lee, the breakout star of the film.",
            "Mary Okafor, the deputy press secretary.",
            "Tom Lind, a senior research fellow at the institute.",
            "Ana Ruiz, a Leeds-based counselling psychologist.",
            "Cheung Tsz-yip, the commander of the district.",
        ] {
            assert!(!has_verb(s), "{s}");
        }
    }

    #[test]
    fn appositives() {
        let lex = Lexicon::builtin();
        assert!(is_appositive(
            &lex,
            "Gen Qassem Soleimani, commander of the elite Quds forces."
        ));
        assert!(is_appositive(
            &lex,
            "Abu Bakr al Baghdadi, the group's leader."
        ));
        assert!(!is_appositive(&lex, "In the end, a draw."));
        assert!(!is_appositive(&lex, "Ok, now for a little fun."));
        assert!(!is_appositive(&lex, "Paris, London and Rome."));
        assert!(!is_appositive(&lex, "The minister, who resigned."));
    }
}
