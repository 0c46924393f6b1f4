//! A lone word respelling a part of a full name the article gives (`Angela Merkel` ...
//! `Merkle said`): the loosest comparison of the `consistency` kind, so it asks the
//! most of the lone word before it calls it a variant.

use crate::hash::FastSet;

use super::super::near;
use super::{ConsistencyRule, Spelling};

/// A lone word found to respell a part of a full name.
pub(super) struct PartVariant {
    /// Which word of the full name (index into its folded words).
    pub(super) part: usize,
    /// How far the lone word is from it ([`near::typo_distance`]).
    pub(super) edits: f32,
}

impl ConsistencyRule {
    /// Whether `single`, a name of one word used after the full name `full`, respells
    /// one of its words. `in_full` holds every word of the document's names of two
    /// words or more.
    ///
    /// The lone word must be unknown as a name of its own: not a word of any full name
    /// of the article, not a frequent given name or surname (`names`, `name-share`:
    /// `Anne` after `Ann Smith` is another person), not an English word of its own
    /// (`part-max-zipf`: `Paris` after `Sam Parris`), nor written like a handle or a
    /// run-together word (`EWErickson`, `AnnalisaB`); and `full` must read as a person
    /// ([`Self::person`]).
    pub(super) fn part_variant(
        &self,
        single: &Spelling,
        full: &Spelling,
        in_full: &FastSet<&str>,
    ) -> Option<PartVariant> {
        let c = &self.config;
        if c.part_min_length == 0 || single.folded.len() != 1 || full.folded.len() < 2 {
            return None;
        }
        if single.spans.first()?.start < full.spans.first()?.start {
            return None;
        }
        let word = single.folded[0].as_str();
        if word.chars().count() < c.part_min_length
            || !plainly_capitalised(&single.display)
            || in_full.contains(word)
            || self.own_name(word)
            || !self.person(full)
        {
            return None;
        }
        full.folded.iter().enumerate().find_map(|(part, p)| {
            self.respells(word, p)
                .map(|edits| PartVariant { part, edits })
        })
    }

    /// A word that is a name or a word in its own right.
    fn own_name(&self, word: &str) -> bool {
        let c = &self.config;
        self.names.share(word) >= c.name_share || self.common(word, c.part_max_zipf)
    }

    /// A full name that reads as a person's: at most four words, no stopword among them
    /// (not a title-case heading such as `Minimalists Use These`), opening with a listed
    /// given name, or with a word that is no English word (`Volodymyr`) and then no
    /// common one (`sentence-start-zipf`: not `Remarketing Feed`).
    fn person(&self, full: &Spelling) -> bool {
        let first = full.folded[0].as_str();
        let common = |w: &String| self.common(w, self.config.sentence_start_zipf);
        full.folded.len() <= 4
            && !full
                .folded
                .iter()
                .any(|w| self.stopwords.contains(w.as_str()))
            && (self.names.given(first) > 0
                || (self.freq.zipf(first).is_none() && !full.folded[1..].iter().any(common)))
    }

    /// How far `word` is from `part` when it is a typo of it: within one edit (one and a
    /// half from eight letters, two from ten), slips of a vowel or a key counting half; not a grammatical ending
    /// apart (`Kowalska`, `Merkels`; a doubled last letter is no ending: `Pattonn`), nor a
    /// transliteration listed in `same`.
    ///
    /// The first letter must be the same: people seldom get a name's first letter wrong,
    /// and a handle or a run-together word differs there (`Jwalsh`/`Walsh`).
    fn respells(&self, word: &str, part: &str) -> Option<f32> {
        if word == part
            || part.chars().count() < self.config.part_min_length
            || word.chars().next() != part.chars().next()
        {
            return None;
        }
        if let (Some(x), Some(y)) = (self.same.get(word), self.same.get(part)) {
            if x == y {
                return None;
            }
        }
        if near::differ_by_ending(word, part) && !doubled_last(word, part) {
            return None;
        }
        let allowed = match word.chars().count().max(part.chars().count()) {
            ..8 => 1.0,
            8..10 => 1.5,
            _ => 2.0,
        };
        let edits = near::typo_distance(word, part);
        (edits <= allowed).then_some(edits)
    }
}

/// Written as a name: never two capitals running nor one at the end (`EWErickson`,
/// `AnnalisaB`); `McDonald` and `O'Brien` pass.
fn plainly_capitalised(display: &str) -> bool {
    let chars: Vec<char> = display.chars().collect();
    chars
        .windows(2)
        .all(|w| !(w[0].is_uppercase() && w[1].is_uppercase()))
        && !chars
            .last()
            .is_some_and(|c| c.is_uppercase() && chars.len() > 1)
}

/// Whether one word is the other with its last letter written twice (`pattonn`).
fn doubled_last(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() < b.len() { (a, b) } else { (b, a) };
    long.strip_prefix(short)
        .is_some_and(|rest| rest.chars().count() == 1 && short.ends_with(rest))
}
