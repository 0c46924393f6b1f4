//! Kind `substitution`: a table of wrong -> right, yielding a suggestion and a fix.
//!
//! Literal keys of every substitution rule share one Aho-Corasick automaton (longest
//! match wins, word boundaries required). With `regex = true` the keys are regular
//! expressions, and a group named `flag` limits what is replaced, so context can be
//! required without being rewritten (`'\b[A-Z]\w+ (?P<flag>new agency)'`). The
//! suggestion takes the case of the matched text (`New agency` -> `News agency`).

use std::collections::BTreeMap;
use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::Deserialize;
use toml::Spanned;

use super::meta::Units;
use super::pattern::flagged_span;
use super::phrase::on_word_boundaries;
use super::{
    CheckContext, Checker, DataStore, FixAction, FixSpec, Kind, LazyRegex, LoadError, RuleInput,
    RuleMeta, compile_regex,
};
use crate::diagnostic::{Applicability, Diagnostic};
use crate::text::Document;

#[derive(Debug)]
pub struct SubstitutionKind;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Config {
    swap: BTreeMap<Spanned<String>, String>,
    #[serde(default)]
    regex: bool,
    #[serde(default)]
    case_sensitive: bool,
}

#[derive(Debug)]
struct SubRule {
    meta: RuleMeta,
    /// For `regex = true`: each key's regex and its replacement.
    regexes: Vec<(LazyRegex, String)>,
}

#[derive(Debug)]
struct SubstitutionChecker {
    rules: Vec<SubRule>,
    automaton: Option<AhoCorasick>,
    /// `(rule, replacement)` per automaton pattern.
    literal: Vec<(usize, String)>,
}

impl Kind for SubstitutionKind {
    fn name(&self) -> &'static str {
        "substitution"
    }

    fn doc(&self) -> &'static str {
        "A table `swap = { \"wrong\" = \"right\" }`: each wrong phrase (case-insensitive, on word boundaries) is flagged with the right one as suggestion and fix. `regex = true` makes the keys regular expressions; a group named `flag` limits the replaced text. Without a `fix` key, the rule fixes by replacing (safe)."
    }

    fn build(
        &self,
        inputs: Vec<RuleInput<'_>>,
        _data: &DataStore,
    ) -> Result<Box<dyn Checker>, Vec<LoadError>> {
        let mut errors = Vec::new();
        let mut rules = Vec::new();
        let mut patterns = Vec::new();
        let mut literal = Vec::new();
        for input in inputs {
            let config: Config = match input.config_for(&["match", "suggestion"]) {
                Ok(c) => c,
                Err(e) => {
                    errors.push(e);
                    continue;
                }
            };
            let mut meta = input.meta.clone();
            meta.fix.get_or_insert(FixSpec {
                action: FixAction::Replace,
                replacement: None,
                applicability: Applicability::Safe,
            });
            let mut regexes = Vec::new();
            for (wrong, right) in &config.swap {
                if config.regex {
                    match compile_regex(input.file, wrong, !config.case_sensitive) {
                        Ok(re) => regexes.push((re, right.clone())),
                        Err(e) => errors.push(e),
                    }
                } else if wrong.get_ref().trim().is_empty() {
                    errors.push(input.error(wrong.span(), "empty key in `swap`"));
                } else {
                    patterns.push(wrong.get_ref().trim().to_owned());
                    literal.push((rules.len(), right.clone()));
                }
            }
            rules.push(SubRule { meta, regexes });
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let automaton = if patterns.is_empty() {
            None
        } else {
            Some(
                AhoCorasickBuilder::new()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(&patterns)
                    .map_err(|e| {
                        vec![LoadError::general(format!(
                            "cannot build substitution automaton: {e}"
                        ))]
                    })?,
            )
        };
        Ok(Box::new(SubstitutionChecker {
            rules,
            automaton,
            literal,
        }))
    }
}

/// `right` in the case of `matched`: all caps stays all caps, a capital stays capital.
pub fn match_case(matched: &str, right: &str) -> String {
    let letters: Vec<char> = matched.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
        return right.to_uppercase();
    }
    let mut chars = right.chars();
    match (matched.chars().next(), chars.next()) {
        (Some(m), Some(first)) if m.is_uppercase() => first.to_uppercase().chain(chars).collect(),
        _ => right.to_owned(),
    }
}

impl SubstitutionChecker {
    fn emit(
        &self,
        doc: &Document,
        units: &Units<'_>,
        r: usize,
        span: Range<usize>,
        right: &str,
        out: &mut Vec<Diagnostic>,
    ) {
        let rule = &self.rules[r];
        let text = doc.text();
        let Some(unit) = units.containing(rule.meta.scope, &span) else {
            return;
        };
        if rule.meta.excused(&text[span.clone()], &text[unit]) {
            return;
        }
        let suggestion = match_case(&text[span.clone()], right);
        out.push(rule.meta.diagnostic(doc, span, Some(suggestion), |_| None));
    }
}

impl Checker for SubstitutionChecker {
    fn check(&self, doc: &Document, cx: &CheckContext<'_>, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        let units = Units::new(doc);
        if let Some(ac) = &self.automaton {
            for m in ac.find_iter(text) {
                let (r, right) = &self.literal[m.pattern().as_usize()];
                if cx.enabled(&self.rules[*r].meta) && on_word_boundaries(text, &m.range()) {
                    self.emit(doc, &units, *r, m.range(), right, out);
                }
            }
        }
        for (r, rule) in self.rules.iter().enumerate() {
            if rule.regexes.is_empty() || !cx.enabled(&rule.meta) {
                continue;
            }
            for unit in units.of(rule.meta.scope) {
                for (re, right) in &rule.regexes {
                    for caps in re.captures_iter(&text[unit.clone()]) {
                        self.emit(doc, &units, r, flagged_span(&caps, unit.start), right, out);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_follows_the_match() {
        assert_eq!(match_case("new agency", "news agency"), "news agency");
        assert_eq!(match_case("New agency", "news agency"), "News agency");
        assert_eq!(match_case("NEW AGENCY", "news agency"), "NEWS AGENCY");
    }
}
