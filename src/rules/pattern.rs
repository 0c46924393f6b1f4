//! Kind `pattern`: regular expressions.
//!
//! All patterns of a scope are prefiltered by one `RegexSet` per unit; only the rules
//! whose patterns matched run their own regex for spans and captures. Patterns are
//! case-insensitive unless `case-sensitive = true`, and run on each unit of the rule's
//! scope separately, so `^` and `$` are the unit's start and end. A group named `flag`
//! narrows the underlined text to that group (so `^\s*(?P<flag>date \d{4}-\d\d-\d\d)`
//! flags only the date stamp fused before a sentence). `defines` names sub-patterns
//! that patterns splice in with `(?&name)`, so a date grammar is written once.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use rayon::prelude::*;
use regex::{Captures, RegexSet, RegexSetBuilder};
use serde::Deserialize;
use toml::Spanned;

use super::meta::{Flag, Units};
use super::{
    CheckContext, Checker, DataStore, Kind, LazyRegex, LoadError, RuleInput, RuleMeta, Scope,
    Template, compile_regex,
};
use crate::diagnostic::Diagnostic;
use crate::text::Document;

#[derive(Debug)]
pub struct PatternKind;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Config {
    #[serde(default)]
    pattern: Option<Spanned<String>>,
    #[serde(default)]
    patterns: Vec<Spanned<String>>,
    #[serde(default)]
    case_sensitive: bool,
    #[serde(default)]
    flag: Flag,
    /// What the flagged text should read; may use `{1}`, `{name}` captures.
    #[serde(default)]
    suggestion: Option<Spanned<String>>,
    /// Named sub-patterns, spliced into patterns (and other defines) as `(?&name)`.
    #[serde(default)]
    defines: BTreeMap<String, String>,
}

#[derive(Debug)]
struct PatternRule {
    meta: RuleMeta,
    regexes: Vec<LazyRegex>,
    flag: Flag,
    suggestion: Option<Template>,
}

#[derive(Debug)]
struct ScopeSet {
    scope: Scope,
    set: RegexSet,
    /// `(rule, regex)` for each pattern of the set.
    members: Vec<(usize, usize)>,
}

#[derive(Debug)]
struct PatternChecker {
    rules: Vec<PatternRule>,
    sets: Vec<ScopeSet>,
}

/// Placeholders a regex can fill: its numbered and named groups.
pub(crate) fn capture_vars(re: &LazyRegex) -> Vec<String> {
    re.capture_vars().to_vec()
}

/// The span a match flags: the `flag` group if the regex has one, else the whole match.
pub(crate) fn flagged_span(caps: &Captures<'_>, base: usize) -> Range<usize> {
    let m = caps
        .name("flag")
        .unwrap_or_else(|| caps.get(0).expect("group 0 always matches"));
    base + m.start()..base + m.end()
}

/// Looks up `{1}` or `{name}` in captures.
pub(crate) fn capture_lookup<'a>(caps: &Captures<'a>, var: &str) -> Option<Cow<'a, str>> {
    let m = match var.parse::<usize>() {
        Ok(i) => caps.get(i),
        Err(_) => caps.name(var),
    };
    Some(Cow::Borrowed(m.map_or("", |m| m.as_str())))
}

impl Kind for PatternKind {
    fn name(&self) -> &'static str {
        "pattern"
    }

    fn doc(&self) -> &'static str {
        "Regular expressions (Rust `regex` syntax), run on each unit of the rule's scope. Keys: `pattern` or `patterns`, `case-sensitive` (default false), `flag` (match | unit), `suggestion` (may use `{1}` or `{name}` captures), `defines` (a table of named sub-patterns that patterns use as `(?&name)`). A group named `flag` narrows what is underlined. All patterns are prefiltered by one RegexSet per scope."
    }

    fn build(
        &self,
        inputs: Vec<RuleInput<'_>>,
        _data: &DataStore,
    ) -> Result<Box<dyn Checker>, Vec<LoadError>> {
        let mut errors = Vec::new();
        let mut rules = Vec::new();
        // Per scope: the pattern sources and the (rule, regex) each belongs to.
        type Members = (Vec<String>, Vec<(usize, usize)>);
        let mut sources: HashMap<Scope, Members> = HashMap::new();
        for input in inputs {
            match build_rule(&input) {
                Ok((rule, srcs)) => {
                    let entry = sources.entry(rule.meta.scope).or_default();
                    for (i, s) in srcs.into_iter().enumerate() {
                        entry.0.push(s);
                        entry.1.push((rules.len(), i));
                    }
                    rules.push(rule);
                }
                Err(e) => errors.push(e),
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        // One automaton per scope; they are independent, so build them in parallel.
        let mut sets = sources
            .into_par_iter()
            .map(|(scope, (patterns, members))| {
                let set = RegexSetBuilder::new(&patterns)
                    .size_limit(1 << 26)
                    // A ceiling, not an allocation: the lazy DFA's cache grows as
                    // states are built. Below it the cache is cleared and, when that
                    // happens too often, the search falls back to the much slower
                    // PikeVM. Measured on 2,000 fixture articles with this session's
                    // rules: 32 MiB 4.8 s, 64 MiB 3.6 s, 128 MiB 3.3 s, at the same
                    // peak memory (278 MiB); 20,000 articles peak at 276 MiB.
                    .dfa_size_limit(1 << 27)
                    .build()
                    .map_err(|e| {
                        vec![LoadError::general(format!(
                            "cannot build the pattern set: {e}"
                        ))]
                    })?;
                Ok(ScopeSet {
                    scope,
                    set,
                    members,
                })
            })
            .collect::<Result<Vec<_>, Vec<LoadError>>>()?;
        sets.sort_by_key(|s| s.scope as u8);
        Ok(Box::new(PatternChecker { rules, sets }))
    }
}

fn build_rule(input: &RuleInput<'_>) -> Result<(PatternRule, Vec<String>), LoadError> {
    let config: Config = input.config()?;
    let mut specs = config.patterns.clone();
    specs.extend(config.pattern.clone());
    if specs.is_empty() {
        return Err(input.error(
            input.span.clone(),
            "a pattern rule needs `pattern` or `patterns`",
        ));
    }
    let mut regexes = Vec::new();
    let mut sources = Vec::new();
    for spec in &specs {
        let expanded = expand_defines(spec.get_ref(), &config.defines)
            .map_err(|e| input.error(spec.span(), e))?;
        let spec = Spanned::new(spec.span(), expanded);
        let re = compile_regex(input.file, &spec, !config.case_sensitive)?;
        sources.push(re.set_source());
        regexes.push(re);
    }
    // Every pattern must offer the captures the message uses.
    let common: Vec<String> = capture_vars(&regexes[0])
        .into_iter()
        .filter(|v| regexes.iter().all(|r| capture_vars(r).contains(v)))
        .collect();
    let mut allowed: Vec<&str> = vec!["match", "suggestion"];
    allowed.extend(common.iter().map(String::as_str));
    input
        .meta
        .message
        .check_vars(&allowed)
        .map_err(|e| input.error(input.span.clone(), e))?;
    let suggestion = match &config.suggestion {
        Some(s) => {
            let t = Template::parse(s.get_ref()).map_err(|e| input.error(s.span(), e))?;
            t.check_vars(&allowed[..])
                .map_err(|e| input.error(s.span(), e))?;
            Some(t)
        }
        None => None,
    };
    Ok((
        PatternRule {
            meta: input.meta.clone(),
            regexes,
            flag: config.flag,
            suggestion,
        },
        sources,
    ))
}

/// Replaces each `(?&name)` by `(?:define)`, recursively; an unknown name or a cycle
/// is an error.
fn expand_defines(pattern: &str, defines: &BTreeMap<String, String>) -> Result<String, String> {
    expand(pattern, defines, 0)
}

fn expand(
    pattern: &str,
    defines: &BTreeMap<String, String>,
    depth: usize,
) -> Result<String, String> {
    if depth > defines.len() {
        return Err("`defines` refer to each other in a cycle".into());
    }
    let mut out = String::with_capacity(pattern.len());
    let mut rest = pattern;
    while let Some(at) = rest.find("(?&") {
        let end = rest[at..].find(')').ok_or("unclosed `(?&name)`")? + at;
        let name = &rest[at + 3..end];
        let body = defines
            .get(name)
            .ok_or_else(|| format!("unknown define `{name}` in `(?&{name})`"))?;
        out.push_str(&rest[..at]);
        out.push_str("(?:");
        out.push_str(&expand(body, defines, depth + 1)?);
        out.push(')');
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

impl Checker for PatternChecker {
    fn check(&self, doc: &Document, cx: &CheckContext<'_>, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        let units = Units::new(doc);
        for set in &self.sets {
            if !set
                .members
                .iter()
                .any(|(r, _)| cx.enabled(&self.rules[*r].meta))
            {
                continue;
            }
            for unit in units.of(set.scope) {
                let unit_text = &text[unit.clone()];
                let mut seen = Vec::new();
                for m in set.set.matches(unit_text).iter() {
                    let (r, i) = set.members[m];
                    let rule = &self.rules[r];
                    if !cx.enabled(&rule.meta) {
                        continue;
                    }
                    for caps in rule.regexes[i].captures_iter(unit_text) {
                        let span = match rule.flag {
                            Flag::Match => flagged_span(&caps, unit.start),
                            Flag::Unit => unit.clone(),
                        };
                        if span.is_empty() || seen.contains(&(r, span.clone())) {
                            continue;
                        }
                        if rule.meta.excused(&text[span.clone()], unit_text) {
                            continue;
                        }
                        seen.push((r, span.clone()));
                        out.push(rule.diagnostic(doc, span, &caps));
                    }
                }
            }
        }
    }
}

impl PatternRule {
    fn diagnostic(&self, doc: &Document, span: Range<usize>, caps: &Captures<'_>) -> Diagnostic {
        let suggestion = self
            .suggestion
            .as_ref()
            .map(|t| t.render(|v| capture_lookup(caps, v)));
        self.meta.diagnostic(doc, span, suggestion, |v| {
            capture_lookup(caps, v).map(|c| Cow::Owned(c.into_owned()))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_group_narrows_span() {
        let re = LazyRegex::new(r"^\s*(?P<flag>date \d{4})\b", true).unwrap();
        let caps = re.captures(" date 2020 The").unwrap();
        assert_eq!(flagged_span(&caps, 10), 11..20);
        assert_eq!(capture_vars(&re), ["1", "flag"]);
    }

    #[test]
    fn defines_expand_recursively() {
        let defs: BTreeMap<String, String> = [
            ("day".to_owned(), r"\d{1,2}".to_owned()),
            ("date".to_owned(), "(?&day) (?&day)".to_owned()),
        ]
        .into();
        assert_eq!(
            expand_defines("^(?&date)$", &defs).unwrap(),
            r"^(?:(?:\d{1,2}) (?:\d{1,2}))$"
        );
        assert!(expand_defines("(?&nope)", &defs).is_err());
        let cycle: BTreeMap<String, String> = [("a".to_owned(), "(?&a)".to_owned())].into();
        assert!(expand_defines("(?&a)", &cycle).is_err());
    }
}
