//! The word knowledge the fragment checks share: verb forms, closed-class words,
//! stopwords and section names, parsed once per run from `rules/data/`.

use std::borrow::Cow;

use crate::hash::FastMap;
use crate::rules::Data;

use toml::Spanned;

use crate::rules::wordlists::{self, NameShares, WordSet, data_lines, parse_word_set};
use crate::rules::{DataStore, LoadError, RuleInput};

pub(super) const VERBS: &str = "data/verbs-en.tsv";
pub(super) const FUNCTION_WORDS: &str = "data/function-words-en.tsv";
pub(super) const STOPWORDS: &str = "data/stopwords-en.txt";
pub(super) const SECTIONS: &str = "data/sections-en.txt";
pub(super) const NAMES: &str = "data/names-en.tsv";
pub(super) const FINAL_WORDS: &str = "data/final-words-en.tsv";

include!("speech_lemmas.rs");

/// What the lexicon knows about a verb form.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Form {
    /// Tagged VBD, VBZ, VBP or MD for some lemma.
    pub finite: bool,
    /// Its most frequent tag is not a verb tag (`plans` NNS, `forces` NNS).
    pub noun_first: bool,
    /// Also a base form (VB), so `to <form>` is an infinitive.
    pub base: bool,
    /// A form of a reporting verb (`said`, `tells`).
    pub speech: bool,
}

impl Form {
    /// The form as the bits `build.rs` lays the built-in table out with (`FINITE`,
    /// `NOUN_FIRST`, `BASE`, `SPEECH`: 1, 2, 4, 8).
    fn from_bits(bits: u8) -> Form {
        Form {
            finite: bits & 1 != 0,
            noun_first: bits & 2 != 0,
            base: bits & 4 != 0,
            speech: bits & 8 != 0,
        }
    }
}

/// The class of a closed-class word, from its Penn tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Closed {
    /// DT, PDT: `the`, `all`.
    Determiner,
    /// IN, TO: `of`, `that`, `to`.
    Preposition,
    /// PRP, WP, EX: `he`, `who`, `there`.
    Pronoun,
    /// PRP$, WP$: `its`, `whose`.
    Possessive,
    /// CC, WDT: `and`, `which`.
    Other,
}

#[derive(Debug, Default)]
pub(super) struct Lexicon {
    verbs: Data<Verbs>,
    closed: Data<FastMap<String, Closed>>,
    stopwords: Data<WordSet>,
    sections: Data<WordSet>,
    names: Data<NameShares>,
    finals: Data<FastMap<Cow<'static, str>, Finals>>,
}

/// How often a word was seen in running text, and how often it ended a sentence or
/// clause there (before `.`, `!`, `?`, `:` or `;`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Finals {
    pub seen: u32,
    pub last: u32,
}

impl Lexicon {
    /// Loads the four data files for `rule` (cached by the store across kinds).
    pub(super) fn load(data: &DataStore, rule: &RuleInput<'_>) -> Result<Lexicon, LoadError> {
        let name = |n: &str| Spanned::new(rule.span.clone(), n.to_owned());
        Ok(Lexicon {
            verbs: data.load(rule, &name(VERBS), parse_verbs)?,
            closed: data.load(rule, &name(FUNCTION_WORDS), parse_function_words)?,
            stopwords: data.load(rule, &name(STOPWORDS), parse_word_set)?,
            sections: data.load(rule, &name(SECTIONS), parse_word_set)?,
            names: data.load(rule, &name(NAMES), NameShares::parse)?,
            finals: data.load(rule, &name(FINAL_WORDS), parse_finals)?,
        })
    }

    /// A lexicon from data file texts, for unit tests.
    #[cfg(test)]
    pub(super) fn from_texts(verbs: &str, function_words: &str, stopwords: &str) -> Lexicon {
        Lexicon {
            verbs: Data::from_value(parse_verbs(verbs).unwrap()),
            closed: Data::from_value(parse_function_words(function_words).unwrap()),
            stopwords: Data::from_value(parse_word_set(stopwords).unwrap()),
            sections: Data::default(),
            names: Data::default(),
            finals: Data::default(),
        }
    }

    /// The built-in data files, for unit tests.
    #[cfg(test)]
    pub(super) fn builtin() -> Lexicon {
        let file = |n: &str| crate::rules::builtin::data_file(n).unwrap();
        let mut lex = Lexicon::from_texts(file(VERBS), file(FUNCTION_WORDS), file(STOPWORDS));
        lex.sections = Data::from_value(parse_word_set(file(SECTIONS)).unwrap());
        lex.names = Data::from_value(NameShares::parse(file(NAMES)).unwrap());
        lex.finals = Data::from_value(parse_finals(file(FINAL_WORDS)).unwrap());
        lex
    }

    /// Shares per 100,000 people of a lowercase name as a given name and as a surname
    /// (1990 US Census lists).
    pub(super) fn name_shares(&self, lower: &str) -> (u32, u32) {
        (self.names.given(lower), self.names.surname(lower))
    }

    /// How often a lowercase word (`'` for `’`) ends a sentence in article text, when
    /// it is among the words of `data/final-words-en.tsv`.
    pub(super) fn finals(&self, lower: &str) -> Option<Finals> {
        self.finals.get(lower).copied()
    }

    pub(super) fn verb(&self, lower: &str) -> Option<Form> {
        match &*self.verbs {
            Verbs::Builtin(table) => table.get(lower).map(|&bits| Form::from_bits(bits)),
            Verbs::Parsed(map) => map.get(lower).copied(),
        }
    }

    pub(super) fn closed(&self, lower: &str) -> Option<Closed> {
        self.closed.get(lower).copied()
    }

    pub(super) fn is_stopword(&self, lower: &str) -> bool {
        self.stopwords.contains(lower)
    }

    pub(super) fn is_section(&self, lower: &str) -> bool {
        self.sections.contains(lower)
    }
}

fn records(text: &str) -> impl Iterator<Item = &str> {
    data_lines(text).map(|(_, l)| l.trim_end())
}

/// The verb forms: the built-in table as `build.rs` laid it out (read in place), or a
/// user's file as parsed.
#[derive(Debug)]
enum Verbs {
    Builtin(&'static crate::rules::builtin::StaticTable<u8>),
    Parsed(FastMap<Cow<'static, str>, Form>),
}

impl Default for Verbs {
    fn default() -> Self {
        Verbs::Parsed(FastMap::default())
    }
}

/// `form<TAB>lemma<TAB>tag<TAB>primary tag` records; a form's flags gather over its
/// records, except `noun_first`, which its last record gives (build.rs reads the file
/// the same way).
fn parse_verbs(text: &str) -> Result<Verbs, String> {
    if let Some(table) =
        crate::rules::builtin::word_table(text, &crate::rules::builtin::VERBS_TABLE)
    {
        return Ok(Verbs::Builtin(table));
    }
    let mut out: FastMap<Cow<'static, str>, Form> =
        FastMap::with_capacity_and_hasher(wordlists::line_count(text), Default::default());
    let keys = crate::rules::builtin::Keys::of(text);
    for (i, line) in records(text).enumerate() {
        let mut cols = line.split('\t');
        let (Some(form), Some(lemma), Some(tag), Some(primary), None) = (
            cols.next(),
            cols.next(),
            cols.next(),
            cols.next(),
            cols.next(),
        ) else {
            return Err(format!(
                "record {}: expected 4 columns, got {line:?}",
                i + 1
            ));
        };
        let entry = match out.get_mut(form) {
            Some(entry) => entry,
            None => out.entry(keys.key(form)).or_default(),
        };
        entry.finite |= matches!(tag, "VBD" | "VBZ" | "VBP" | "MD");
        entry.base |= tag == "VB";
        entry.noun_first = primary != "-" && !primary.starts_with("VB") && primary != "MD";
        entry.speech |= SPEECH_LEMMAS.contains(&lemma) && tag != "VBG";
    }
    Ok(Verbs::Parsed(out))
}

fn parse_function_words(text: &str) -> Result<FastMap<String, Closed>, String> {
    let mut out = FastMap::default();
    for (i, line) in records(text).enumerate() {
        let Some((word, tag)) = line.split_once('\t') else {
            return Err(format!(
                "record {}: expected word<TAB>tag, got {line:?}",
                i + 1
            ));
        };
        let class = match tag {
            "DT" | "PDT" => Closed::Determiner,
            "IN" | "TO" => Closed::Preposition,
            "PRP" | "WP" | "EX" => Closed::Pronoun,
            "PRP$" | "WP$" => Closed::Possessive,
            _ => Closed::Other,
        };
        out.insert(word.to_owned(), class);
    }
    Ok(out)
}

fn parse_finals(text: &str) -> Result<FastMap<Cow<'static, str>, Finals>, String> {
    let mut out =
        FastMap::with_capacity_and_hasher(wordlists::line_count(text), Default::default());
    let keys = crate::rules::builtin::Keys::of(text);
    for (i, line) in records(text).enumerate() {
        let mut cols = line.split('\t');
        let (Some(word), Some(seen), Some(last), None) =
            (cols.next(), cols.next(), cols.next(), cols.next())
        else {
            return Err(format!(
                "record {}: expected 3 columns, got {line:?}",
                i + 1
            ));
        };
        let number = |s: &str| {
            s.parse::<u32>()
                .map_err(|e| format!("record {}: {s:?}: {e}", i + 1))
        };
        let (seen, last) = (number(seen)?, number(last)?);
        if last > seen {
            return Err(format!("record {}: more final than seen: {line:?}", i + 1));
        }
        out.insert(keys.key(word), Finals { seen, last });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The verb table `build.rs` laid out gives every form what the parser reads from
    /// a copy of the same file (a user's file).
    #[test]
    fn the_verb_table_laid_out_at_build_time_is_the_parsed_one() {
        let text = crate::rules::builtin::data_file(VERBS).unwrap();
        let copy = text.to_owned();
        let (Ok(Verbs::Builtin(built)), Ok(Verbs::Parsed(parsed))) =
            (parse_verbs(text), parse_verbs(&copy))
        else {
            panic!("the embedded file is laid out, a copy is parsed");
        };
        assert_eq!(built.len(), parsed.len());
        for (form, want) in &parsed {
            assert_eq!(
                built.get(form).map(|&b| Form::from_bits(b)),
                Some(*want),
                "{form}"
            );
        }
        let said = Form::from_bits(*built.get("said").unwrap());
        assert!(said.finite && said.speech && !said.base);
        assert!(built.get("zzzqx").is_none());
    }

    #[test]
    fn verb_forms_carry_their_tags() {
        let lex = Lexicon::builtin();
        let said = lex.verb("said").unwrap();
        assert!(said.finite && !said.noun_first && said.speech);
        let forces = lex.verb("forces").unwrap();
        assert!(forces.finite && forces.noun_first);
        assert!(lex.verb("leave").unwrap().base);
        assert!(lex.verb("commander").is_none());
    }

    #[test]
    fn closed_classes() {
        let lex = Lexicon::builtin();
        assert_eq!(lex.closed("the"), Some(Closed::Determiner));
        assert_eq!(lex.closed("of"), Some(Closed::Preposition));
        assert_eq!(lex.closed("they"), Some(Closed::Pronoun));
        assert_eq!(lex.closed("its"), Some(Closed::Possessive));
        assert!(lex.is_stopword("and"));
        assert!(lex.is_section("politics") && lex.is_section("sport"));
    }

    #[test]
    fn malformed_records_are_errors() {
        assert!(parse_verbs("# header\nsaid\tsay\n").is_err());
        assert!(parse_function_words("the DT\n").is_err());
    }
}
