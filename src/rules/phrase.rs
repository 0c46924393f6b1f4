//! Kind `phrase`: literal phrases, case-insensitive, on word boundaries.
//!
//! The phrases of every phrase rule compile into ONE Aho-Corasick automaton, so the
//! text is scanned once however many rules and phrases there are. A match counts when
//! it starts and ends on word boundaries, lies inside one unit of the rule's scope, and
//! satisfies the rule's `anchor`: `start` (only punctuation or bullets before it in the
//! unit), `end` (only punctuation after it), `whole` (both), or `none`.

use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::Deserialize;
use toml::Spanned;

use super::meta::{Flag, Units};
use super::{CheckContext, Checker, DataStore, Kind, LoadError, RuleInput, RuleMeta};
use crate::diagnostic::Diagnostic;
use crate::text::Document;

#[derive(Debug)]
pub struct PhraseKind;

/// Where in its unit a phrase must stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Anchor {
    #[default]
    None,
    Start,
    End,
    Whole,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Config {
    phrases: Vec<Spanned<String>>,
    #[serde(default)]
    anchor: Anchor,
    #[serde(default)]
    flag: Option<Flag>,
    /// Only units of at most this many words are flagged.
    #[serde(default)]
    max_words: Option<usize>,
}

#[derive(Debug)]
struct PhraseRule {
    meta: RuleMeta,
    anchor: Anchor,
    flag: Flag,
    max_words: Option<usize>,
}

#[derive(Debug)]
struct PhraseChecker {
    automaton: AhoCorasick,
    /// Rule index of each automaton pattern.
    owner: Vec<usize>,
    rules: Vec<PhraseRule>,
}

impl Kind for PhraseKind {
    fn name(&self) -> &'static str {
        "phrase"
    }

    fn doc(&self) -> &'static str {
        "Literal phrases, matched case-insensitively on word boundaries. Keys: `phrases` (list), `anchor` (none | start | end | whole: where in the scope unit the phrase must stand; punctuation and bullets around it do not count), `flag` (match | unit: what to underline; default unit for anchor = whole), `max-words` (only flag units this short). All phrase rules share one Aho-Corasick automaton."
    }

    fn build(
        &self,
        inputs: Vec<RuleInput<'_>>,
        _data: &DataStore,
    ) -> Result<Box<dyn Checker>, Vec<LoadError>> {
        let mut errors = Vec::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut owner = Vec::new();
        let mut rules = Vec::new();
        for input in inputs {
            let config: Config = match input.config_for(&["match"]) {
                Ok(c) => c,
                Err(e) => {
                    errors.push(e);
                    continue;
                }
            };
            if config.phrases.is_empty() {
                errors.push(input.error(input.span.clone(), "`phrases` is empty"));
                continue;
            }
            for phrase in &config.phrases {
                let p = phrase.get_ref().trim();
                if p.is_empty() {
                    errors.push(input.error(phrase.span(), "empty phrase"));
                    continue;
                }
                for variant in apostrophe_variants(p) {
                    patterns.push(variant);
                    owner.push(rules.len());
                }
            }
            let flag = config.flag.unwrap_or(if config.anchor == Anchor::Whole {
                Flag::Unit
            } else {
                Flag::Match
            });
            rules.push(PhraseRule {
                meta: input.meta,
                anchor: config.anchor,
                flag,
                max_words: config.max_words,
            });
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .map_err(|e| {
                vec![LoadError::general(format!(
                    "cannot build phrase automaton: {e}"
                ))]
            })?;
        Ok(Box::new(PhraseChecker {
            automaton,
            owner,
            rules,
        }))
    }
}

/// Scraped text mixes straight and curly apostrophes; match both.
fn apostrophe_variants(p: &str) -> Vec<String> {
    let mut v = vec![p.to_owned()];
    if p.contains('\'') {
        v.push(p.replace('\'', "\u{2019}"));
    } else if p.contains('\u{2019}') {
        v.push(p.replace('\u{2019}', "'"));
    }
    v
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Whether `span` starts and ends on word boundaries of `text`.
pub(crate) fn on_word_boundaries(text: &str, span: &Range<usize>) -> bool {
    let m = &text[span.clone()];
    let starts_word = m.chars().next().is_some_and(is_word_char);
    let ends_word = m.chars().next_back().is_some_and(is_word_char);
    let before_ok = !starts_word
        || !text[..span.start]
            .chars()
            .next_back()
            .is_some_and(is_word_char);
    let after_ok = !ends_word || !text[span.end..].chars().next().is_some_and(is_word_char);
    before_ok && after_ok
}

fn only_decoration(s: &str) -> bool {
    s.chars().all(|c| !c.is_alphanumeric())
}

impl PhraseRule {
    fn accepts(&self, text: &str, unit: &Range<usize>, span: &Range<usize>) -> bool {
        let before = only_decoration(&text[unit.start..span.start]);
        let after = only_decoration(&text[span.end..unit.end]);
        let anchored = match self.anchor {
            Anchor::None => true,
            Anchor::Start => before,
            Anchor::End => after,
            Anchor::Whole => before && after,
        };
        anchored
            && self.max_words.is_none_or(|n| {
                text[unit.clone()]
                    .split_whitespace()
                    .filter(|w| !only_decoration(w))
                    .count()
                    <= n
            })
            && !self.meta.excused(&text[span.clone()], &text[unit.clone()])
    }
}

impl Checker for PhraseChecker {
    fn check(&self, doc: &Document, cx: &CheckContext<'_>, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        let units = Units::new(doc);
        // (rule, span) candidates; several phrases of one rule may overlap.
        let mut hits: Vec<(usize, Range<usize>)> = Vec::new();
        for m in self.automaton.find_overlapping_iter(text) {
            let r = self.owner[m.pattern().as_usize()];
            let rule = &self.rules[r];
            let span = m.range();
            if !cx.enabled(&rule.meta) || !on_word_boundaries(text, &span) {
                continue;
            }
            let Some(unit) = units.containing(rule.meta.scope, &span) else {
                continue;
            };
            if !rule.accepts(text, &unit, &span) {
                continue;
            }
            hits.push((r, if rule.flag == Flag::Unit { unit } else { span }));
        }
        // Per rule, keep the longest of overlapping matches.
        hits.sort_by(|(ra, a), (rb, b)| {
            ra.cmp(rb)
                .then(a.start.cmp(&b.start))
                .then(b.end.cmp(&a.end))
        });
        let mut last: Option<(usize, Range<usize>)> = None;
        for (r, span) in hits {
            if let Some((lr, ls)) = &last
                && *lr == r
                && span.start < ls.end
            {
                continue;
            }
            out.push(
                self.rules[r]
                    .meta
                    .diagnostic(doc, span.clone(), None, |_| None),
            );
            last = Some((r, span));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries() {
        let t = "leave a commentary; leave a comment.";
        assert!(!on_word_boundaries(t, &(0..15)));
        assert!(on_word_boundaries(t, &(20..35)));
    }

    #[test]
    fn apostrophes() {
        assert_eq!(apostrophe_variants("don't miss").len(), 2);
        assert_eq!(apostrophe_variants("x").len(), 1);
    }
}
