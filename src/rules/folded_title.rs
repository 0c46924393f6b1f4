//! Kind `folded-title`: a title folded into itself, `chief of the military chief of
//! staff`, `director of the museum director`.
//!
//! A title of the lexicon that stands alone (`Chief`, `Director`) is followed by `of`,
//! a function word (`the`, `its`) and, a few words on, an entry of the lexicon that
//! starts with the same title (`Chief of Staff`, `Director`). One person is not the
//! chief of a chief: machine translation and spinning fold titles this way
//! (`Chairman of the Joint Chiefs of Staff` became `chief of the military chief of
//! staff`). Not flagged: a possessive (`director of the museum director's office`),
//! a title that goes on into a longer name (`general of the General Staff`), a
//! lexicon entry that has this shape itself (`General of the Army`), and words split
//! by punctuation (`president of the company, president Jane Doe`).

use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use super::lexicon::{Lexicon, joined};
use super::wordlists::{self, WordSet};
use super::{
    CheckContext, Checker, Data, DataStore, Kind, LoadError, RuleInput, RuleMeta, build_each,
};
use crate::diagnostic::Diagnostic;
use crate::text::Document;
use crate::text::names::without_possessive;

#[derive(Debug)]
pub struct FoldedTitleKind;

#[derive(Deserialize, Debug, Clone)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Config {
    /// TSV: entry, then optionally comma-separated abbreviations.
    lexicon: Spanned<String>,
    /// One word per line: what may stand between `of` and the rest (`the`, `its`),
    /// and after the folded title (`said` does not, `and` does).
    stopwords: Spanned<String>,
    /// At most this many words between `of the` and the repeated title.
    #[serde(default = "default_max_between")]
    max_between: usize,
}

fn default_max_between() -> usize {
    3
}

#[derive(Debug)]
struct FoldedTitleRule {
    meta: RuleMeta,
    config: Config,
    lexicon: Data<Lexicon>,
    stopwords: Data<WordSet>,
}

#[derive(Debug)]
struct FoldedTitleChecker {
    rules: Vec<FoldedTitleRule>,
}

impl Kind for FoldedTitleKind {
    fn name(&self) -> &'static str {
        "folded-title"
    }

    fn doc(&self) -> &'static str {
        "A title folded into itself (`chief of the military chief of staff`): a one-word entry of the lexicon (`lexicon = \"data/titles-en.tsv\"`), `of`, a stopword, and within `max-between` words an entry starting with the same word, not possessive and not going on into a longer name. `stopwords` names the stopword list. The message may use `{title}`."
    }

    fn build(
        &self,
        inputs: Vec<RuleInput<'_>>,
        data: &DataStore,
    ) -> Result<Box<dyn Checker>, Vec<LoadError>> {
        let rules = build_each(&inputs, |input| build_rule(input, data))?;
        Ok(Box::new(FoldedTitleChecker { rules }))
    }
}

fn build_rule(input: &RuleInput<'_>, data: &DataStore) -> Result<FoldedTitleRule, LoadError> {
    let config: Config = input.config_for(&["match", "title"])?;
    Ok(FoldedTitleRule {
        meta: input.meta.clone(),
        lexicon: data.load(input, &config.lexicon, Lexicon::parse)?,
        stopwords: data.load(input, &config.stopwords, wordlists::parse_word_set)?,
        config,
    })
}

impl Checker for FoldedTitleChecker {
    fn check(&self, doc: &Document, cx: &CheckContext<'_>, out: &mut Vec<Diagnostic>) {
        for rule in &self.rules {
            if cx.enabled(&rule.meta) {
                rule.check(doc, out);
            }
        }
    }
}

impl FoldedTitleRule {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        for sentence in doc.sentences() {
            let ranges = doc.words_of(sentence);
            // Most sentences have no `of` at all: nothing to lowercase for them.
            if !ranges
                .iter()
                .any(|r| text[r.clone()].eq_ignore_ascii_case("of"))
            {
                continue;
            }
            let (lower, possessive): (Vec<String>, Vec<bool>) = ranges
                .iter()
                .map(|r| {
                    let cased = text[r.clone()].to_lowercase();
                    let bare = without_possessive(&cased);
                    (bare.to_owned(), bare.len() != cased.len())
                })
                .unzip();
            let mut i = 0;
            while i < lower.len() {
                match self.folded_at(text, ranges, &lower, &possessive, i) {
                    Some(end) => {
                        let span = ranges[i].start..ranges[end - 1].end;
                        let title = &text[ranges[i].clone()];
                        out.push(self.meta.diagnostic(doc, span, None, |v| match v {
                            "title" => Some(title.to_lowercase().into()),
                            _ => None,
                        }));
                        i = end;
                    }
                    None => i += 1,
                }
            }
        }
    }

    /// The end (a word index) of a folded title starting at word `i`.
    fn folded_at(
        &self,
        text: &str,
        ranges: &[Range<usize>],
        lower: &[String],
        possessive: &[bool],
        i: usize,
    ) -> Option<usize> {
        let joined = |k: usize| joined(text, ranges, k);
        let lex = &self.lexicon;
        let title = lower[i].as_str();
        if !lex.is_single_entry(title)
            || lower.get(i + 1).map(String::as_str) != Some("of")
            || !self.stopwords.contains(lower.get(i + 2)?.as_str())
            || !joined(i)
            || !joined(i + 1)
            || lex.entry_len_at(lower, i, joined) > 2
        {
            return None;
        }
        let last = (i + 3 + self.config.max_between).min(lower.len() - 1);
        for j in i + 3..=last {
            if !joined(j - 1) {
                return None;
            }
            if lower[j] != title {
                continue;
            }
            let end = j + lex.entry_len_at(lower, j, joined).max(1);
            let goes_on = end < lower.len()
                && joined(end - 1)
                && !self.stopwords.contains(lower[end].as_str());
            return (!possessive[end - 1] && !goes_on).then_some(end);
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::{LoadOptions, Origin, RuleSet, RuleSources};

    const RULE: &str = r#"[[rule]]
id = "mangled.t"
kind = "folded-title"
category = "mangled"
lexicon = "data/titles-en.tsv"
stopwords = "data/stopwords-en.txt"
message = "{match} / {title}"
"#;

    fn flagged(text: &str) -> Vec<String> {
        let mut sources = RuleSources::new();
        sources.add_text("t.toml", RULE, Origin::Builtin("t.toml"));
        let rules = RuleSet::load(&sources, &LoadOptions::default()).unwrap();
        crate::engine::check_text(&rules, text)
            .iter()
            .map(|d| d.message.clone())
            .collect()
    }

    #[test]
    fn a_title_folded_into_itself() {
        for (text, want) in [
            (
                "Ann Lee, chief of the military chief of staff, said so.",
                "chief of the military chief of staff / chief",
            ),
            (
                "said Bo Ek, director of the national museum director, on Monday.",
                "director of the national museum director / director",
            ),
            (
                "The commander of the navy commander and his aides left.",
                "commander of the navy commander / commander",
            ),
        ] {
            assert_eq!(flagged(text), [want], "{text}");
        }
    }

    #[test]
    fn titles_that_are_no_fold() {
        for text in [
            "Ann Lee, chief of staff of the president, said so.",
            "He was a general of the General Staff until 1990.",
            "She met the director of the museum director's office.",
            "The president of the company, president Jane Doe, spoke.",
            "He served as General of the Army under two presidents.",
            "The chief of the tribal chiefs arrived.",
            "The director of the film was there.",
        ] {
            assert_eq!(flagged(text), Vec::<String>::new(), "{text}");
        }
    }
}
