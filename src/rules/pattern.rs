//! Kind `pattern`: regular expressions.
//!
//! One ASCII-case-insensitive Aho-Corasick scan of the document finds the required
//! literals of every pattern (see `literals.rs`); a pattern's own regex runs only on
//! the units holding one of its literals. The few patterns without a useful literal are
//! prefiltered per unit by one small `RegexSet` per scope. Both are built on first use,
//! so listing or explaining rules builds no automaton. Patterns are
//! case-insensitive unless `case-sensitive = true`, and run on each unit of the rule's
//! scope separately, so `^` and `$` are the unit's start and end. A group named `flag`
//! narrows the underlined text to that group (so `^\s*(?P<flag>date \d{4}-\d\d-\d\d)`
//! flags only the date stamp fused before a sentence). `defines` names sub-patterns
//! that patterns splice in with `(?&name)`, so a date grammar is written once.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::sync::{Arc, Mutex};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::{RegexSet, RegexSetBuilder};
use serde::Deserialize;
use toml::Spanned;

use super::lazy_regex::{Alphabet, Captures};
use super::meta::{Flag, Units};
use super::{
    CheckContext, Checker, DataStore, Kind, LazyRegex, LoadError, Origin, RuleInput, RuleMeta,
    Scope, Selection, Template, compile_rule_regex,
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
    /// A regex that every match of the patterns contains a match of: a unit without
    /// one is not searched with them.
    #[serde(default)]
    requires: Option<Spanned<String>>,
}

#[derive(Debug)]
struct PatternRule {
    meta: RuleMeta,
    regexes: Vec<LazyRegex>,
    flag: Flag,
    suggestion: Option<Template>,
    /// See `Config::requires`.
    requires: Option<LazyRegex>,
}

/// The patterns of the rules of one scope.
#[derive(Debug)]
struct ScopeMembers {
    scope: Scope,
    /// `(rule, regex)` for each pattern, in rule order.
    members: Vec<(usize, usize)>,
}

#[derive(Debug)]
struct PatternChecker {
    rules: Vec<PatternRule>,
    scopes: Vec<ScopeMembers>,
    /// Built on the first check for the run's selection (a run of a few `--select`ed
    /// rules works out only their literals), rebuilt if the selection changes.
    prefilter: Mutex<Option<(Selection, Arc<Prefilter>)>>,
}

/// Which patterns can match in which units, built on the first check.
#[derive(Debug)]
struct Prefilter {
    /// Every required literal of every pattern, deduplicated.
    literals: AhoCorasick,
    /// For each literal: the `(scope, member)` patterns that require it.
    owners: Vec<Vec<(usize, usize)>>,
    /// Per scope: the members without a required literal.
    rest: Vec<Rest>,
}

/// How the members of a scope without a required literal are prefiltered.
#[derive(Debug)]
enum Rest {
    None,
    /// A set of their prefilter patterns, and the member each set pattern stands for.
    Set(RegexSet, Vec<usize>),
    /// The set could not be built (too large): run them on every unit.
    Always(Vec<usize>),
}

/// The lazy DFA cache ceiling of a `Rest` set: the sets are small now that most
/// patterns go through the literal scan, so a few MiB hold their states.
const REST_DFA_LIMIT: usize = 8 << 20;

/// Placeholders a regex can fill: its numbered and named groups.
pub(crate) fn capture_vars(re: &LazyRegex) -> Vec<String> {
    re.capture_vars().to_vec()
}

/// The span a match flags: the `flag` group if the regex has one, else the whole match.
pub(crate) fn flagged_span(caps: &Captures<'_>, base: usize) -> Range<usize> {
    let m = caps
        .name("flag")
        .unwrap_or_else(|| caps.get(0).expect("group 0 always matches"));
    base + m.start..base + m.end
}

/// Looks up `{1}` or `{name}` in captures.
pub(crate) fn capture_lookup<'a>(caps: &Captures<'a>, var: &str) -> Option<Cow<'a, str>> {
    let m = match var.parse::<usize>() {
        Ok(i) => caps.get(i),
        Err(_) => caps.name(var),
    };
    Some(Cow::Borrowed(m.map_or("", |m| caps.text(m))))
}

impl Kind for PatternKind {
    fn name(&self) -> &'static str {
        "pattern"
    }

    fn doc(&self) -> &'static str {
        "Regular expressions (Rust `regex` syntax), run on each unit of the rule's scope. Keys: `pattern` or `patterns`, `case-sensitive` (default false), `flag` (match | unit), `suggestion` (may use `{1}` or `{name}` captures), `defines` (a table of named sub-patterns that patterns use as `(?&name)`), `requires` (a regex every match contains a match of; units without one are skipped). A group named `flag` narrows what is underlined. One Aho-Corasick scan for the literals every match must contain decides where each regex runs."
    }

    fn build(
        &self,
        inputs: Vec<RuleInput<'_>>,
        _data: &DataStore,
    ) -> Result<Box<dyn Checker>, Vec<LoadError>> {
        let mut errors = Vec::new();
        let mut rules = Vec::new();
        let mut by_scope: HashMap<Scope, Vec<(usize, usize)>> = HashMap::new();
        for input in inputs {
            match build_rule(&input) {
                Ok(rule) => {
                    let entry = by_scope.entry(rule.meta.scope).or_default();
                    entry.extend((0..rule.regexes.len()).map(|i| (rules.len(), i)));
                    rules.push(rule);
                }
                Err(e) => errors.push(e),
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let mut scopes: Vec<ScopeMembers> = by_scope
            .into_iter()
            .map(|(scope, members)| ScopeMembers { scope, members })
            .collect();
        scopes.sort_by_key(|s| s.scope as u8);
        Ok(Box::new(PatternChecker {
            rules,
            scopes,
            prefilter: Mutex::new(None),
        }))
    }
}

impl Prefilter {
    /// The prefilter of the members of `scopes` whose rule `selection` allows.
    fn build(rules: &[PatternRule], scopes: &[ScopeMembers], selection: &Selection) -> Prefilter {
        let selected = |&(r, _): &(usize, usize)| selection.allows(&rules[r].meta);
        LazyRegex::derive_all(
            scopes
                .iter()
                .flat_map(|s| s.members.iter().filter(|m| selected(m)))
                .map(|&(r, i)| &rules[r].regexes[i]),
        );
        let mut index: HashMap<&[u8], usize> = HashMap::new();
        let mut owners: Vec<Vec<(usize, usize)>> = Vec::new();
        let mut rest = Vec::new();
        for (si, scope) in scopes.iter().enumerate() {
            let mut unfiltered = Vec::new();
            for (mi, &(r, i)) in scope.members.iter().enumerate() {
                if !selected(&(r, i)) {
                    continue;
                }
                let Some(lits) = rules[r].regexes[i].required_literals() else {
                    unfiltered.push(mi);
                    continue;
                };
                for lit in lits {
                    let next = owners.len();
                    let at = *index.entry(lit.as_slice()).or_insert(next);
                    if at == next {
                        owners.push(Vec::new());
                    }
                    owners[at].push((si, mi));
                }
            }
            rest.push(Self::rest_set(rules, scope, unfiltered));
        }
        let mut patterns: Vec<&[u8]> = vec![&[]; owners.len()];
        for (lit, at) in index {
            patterns[at] = lit;
        }
        let literals = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .expect("a few thousand short literals fit an Aho-Corasick automaton");
        Prefilter {
            literals,
            owners,
            rest,
        }
    }

    fn rest_set(rules: &[PatternRule], scope: &ScopeMembers, unfiltered: Vec<usize>) -> Rest {
        if unfiltered.is_empty() {
            return Rest::None;
        }
        let sources: Vec<String> = unfiltered
            .iter()
            .map(|&mi| {
                let (r, i) = scope.members[mi];
                rules[r].regexes[i].set_source()
            })
            .collect();
        match RegexSetBuilder::new(&sources)
            .size_limit(1 << 26)
            .dfa_size_limit(REST_DFA_LIMIT)
            .build()
        {
            Ok(set) => Rest::Set(set, unfiltered),
            Err(_) => Rest::Always(unfiltered),
        }
    }

    /// Per scope, the `(start, end, member)` literal hits in `text`, by start; `None`
    /// when the text has a character that folds to an ASCII letter, which an ASCII
    /// case-insensitive scan would miss.
    fn hits(&self, text: &str, scopes: usize) -> Option<Vec<Vec<(usize, usize, usize)>>> {
        if super::literals::folds_to_ascii(text) {
            return None;
        }
        let mut hits = vec![Vec::new(); scopes];
        for m in self.literals.find_overlapping_iter(text) {
            for &(si, mi) in &self.owners[m.pattern().as_usize()] {
                hits[si].push((m.start(), m.end(), mi));
            }
        }
        for h in &mut hits {
            h.sort_unstable();
        }
        Some(hits)
    }
}

fn build_rule(input: &RuleInput<'_>) -> Result<PatternRule, LoadError> {
    let config: Config = input.config()?;
    let mut specs = config.patterns.clone();
    specs.extend(config.pattern.clone());
    if specs.is_empty() {
        return Err(input.error(
            input.span.clone(),
            "a pattern rule needs `pattern` or `patterns`",
        ));
    }
    let compile = |spec: &Spanned<String>| {
        let expanded = expand_defines(spec.get_ref(), &config.defines)
            .map_err(|e| input.error(spec.span(), e))?;
        compile_rule_regex(
            input,
            &Spanned::new(spec.span(), expanded),
            !config.case_sensitive,
        )
    };
    let regexes = specs.iter().map(compile).collect::<Result<Vec<_>, _>>()?;
    let requires = config.requires.as_ref().map(compile).transpose()?;
    // Every pattern must offer the captures the message uses (checked for the built-in
    // rules by every test run, and not at a release build's start: it would parse
    // every pattern).
    let check = cfg!(debug_assertions) || !matches!(input.meta.origin, Origin::Builtin(_));
    let common: Vec<String> = match check {
        true => capture_vars(&regexes[0])
            .into_iter()
            .filter(|v| regexes.iter().all(|r| capture_vars(r).contains(v)))
            .collect(),
        false => Vec::new(),
    };
    let mut allowed: Vec<&str> = vec!["match", "suggestion"];
    allowed.extend(common.iter().map(String::as_str));
    if check {
        input
            .meta
            .message
            .check_vars(&allowed)
            .map_err(|e| input.error(input.span.clone(), e))?;
    }
    let suggestion = match &config.suggestion {
        Some(s) => {
            let t = Template::parse(s.get_ref()).map_err(|e| input.error(s.span(), e))?;
            if check {
                t.check_vars(&allowed[..])
                    .map_err(|e| input.error(s.span(), e))?;
            }
            Some(t)
        }
        None => None,
    };
    Ok(PatternRule {
        meta: input.meta.clone(),
        regexes,
        flag: config.flag,
        suggestion,
        requires,
    })
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

impl PatternChecker {
    fn prefilter(&self, selection: &Selection) -> Arc<Prefilter> {
        let mut slot = self.prefilter.lock().unwrap_or_else(|e| e.into_inner());
        match &*slot {
            Some((built_for, prefilter)) if built_for == selection => prefilter.clone(),
            _ => {
                let prefilter = Arc::new(Prefilter::build(&self.rules, &self.scopes, selection));
                *slot = Some((selection.clone(), prefilter.clone()));
                prefilter
            }
        }
    }
}

impl Checker for PatternChecker {
    fn check(&self, doc: &Document, cx: &CheckContext<'_>, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        let units = Units::new(doc);
        if !self.rules.iter().any(|r| cx.enabled(&r.meta)) {
            return;
        }
        let prefilter = self.prefilter(cx.selection);
        let hits = prefilter.hits(text, self.scopes.len());
        let alphabet = Alphabet::of(text);
        if let Some(hits) = &hits {
            // Build the automata this document calls for at once, in parallel.
            LazyRegex::compile_all(
                self.scopes.iter().zip(hits).flat_map(|(scope, h)| {
                    h.iter()
                        .map(|&(_, _, mi)| scope.members[mi])
                        .filter(|&(r, _)| cx.enabled(&self.rules[r].meta))
                        .map(|(r, i)| &self.rules[r].regexes[i])
                }),
                alphabet,
            );
        }
        for (si, scope) in self.scopes.iter().enumerate() {
            if !scope
                .members
                .iter()
                .any(|(r, _)| cx.enabled(&self.rules[*r].meta))
            {
                continue;
            }
            let mut candidate = vec![false; scope.members.len()];
            for unit in units.of(scope.scope) {
                let unit_text = &text[unit.clone()];
                candidate.fill(false);
                match &hits {
                    Some(hits) => {
                        let h = &hits[si];
                        let from = h.partition_point(|&(start, _, _)| start < unit.start);
                        for &(_, end, mi) in h[from..].iter().take_while(|x| x.0 < unit.end) {
                            if end <= unit.end {
                                candidate[mi] = true;
                            }
                        }
                    }
                    None => candidate.fill(true),
                }
                match &prefilter.rest[si] {
                    Rest::None => {}
                    Rest::Set(set, members) => {
                        for m in set.matches(unit_text).iter() {
                            candidate[members[m]] = true;
                        }
                    }
                    Rest::Always(members) => members.iter().for_each(|&m| candidate[m] = true),
                }
                if candidate.contains(&true) {
                    let unit = UnitText {
                        range: unit.clone(),
                        alphabet: alphabet.of_part(unit_text),
                    };
                    self.check_unit(doc, cx, scope, &candidate, &unit, out);
                }
            }
        }
    }
}

/// A unit of a scope, and the alphabet of its text.
struct UnitText {
    range: Range<usize>,
    alphabet: Alphabet,
}

impl PatternChecker {
    /// Runs the candidate patterns' own regexes on one unit.
    fn check_unit(
        &self,
        doc: &Document,
        cx: &CheckContext<'_>,
        scope: &ScopeMembers,
        candidate: &[bool],
        unit: &UnitText,
        out: &mut Vec<Diagnostic>,
    ) {
        let text = doc.text();
        let unit_text = &text[unit.range.clone()];
        let mut seen = Vec::new();
        // Whether the unit holds the last rule's `requires` (members are in rule order).
        let mut required: Option<(usize, bool)> = None;
        for (mi, &(r, i)) in scope.members.iter().enumerate() {
            if !candidate[mi] {
                continue;
            }
            let rule = &self.rules[r];
            if !cx.enabled(&rule.meta) {
                continue;
            }
            if let Some(gate) = &rule.requires {
                let holds = match required {
                    Some((at, holds)) if at == r => holds,
                    _ => gate.is_match_in(unit_text, unit.alphabet),
                };
                required = Some((r, holds));
                if !holds {
                    continue;
                }
            }
            for caps in rule.regexes[i].captures_iter_in(unit_text, unit.alphabet) {
                let span = match rule.flag {
                    Flag::Match => flagged_span(&caps, unit.range.start),
                    Flag::Unit => unit.range.clone(),
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
        let caps = re.captures_iter(" date 2020 The").next().unwrap();
        assert_eq!(flagged_span(&caps, 10), 11..20);
        assert_eq!(capture_vars(&re), ["1", "flag"]);
    }

    /// Every built-in rule's `requires`, and its patterns, with defines spliced in.
    fn gated_rules() -> Vec<(String, LazyRegex, Vec<LazyRegex>)> {
        let mut out = Vec::new();
        for (_, text) in crate::rules::builtin::RULE_FILES {
            let file: toml::Table = text.parse().unwrap();
            let rules = file.get("rule").and_then(|r| r.as_array());
            for rule in rules.into_iter().flatten() {
                let Ok(config) = rule.clone().try_into::<RuleToml>() else {
                    continue;
                };
                let Some(requires) = config.requires else {
                    continue;
                };
                let compile = |p: &str| {
                    let p = expand_defines(p, &config.defines).unwrap();
                    LazyRegex::new(&p, !config.case_sensitive).unwrap()
                };
                let patterns = config.patterns.iter().chain(&config.pattern);
                out.push((
                    config.id,
                    compile(&requires),
                    patterns.map(|p| compile(p)).collect(),
                ));
            }
        }
        out
    }

    #[derive(Deserialize)]
    #[serde(rename_all = "kebab-case")]
    struct RuleToml {
        id: String,
        #[serde(default)]
        pattern: Option<String>,
        #[serde(default)]
        patterns: Vec<String>,
        #[serde(default)]
        case_sensitive: bool,
        #[serde(default)]
        defines: BTreeMap<String, String>,
        #[serde(default)]
        requires: Option<String>,
    }

    #[test]
    fn every_match_on_the_fixtures_holds_its_rules_requires() {
        let gated = gated_rules();
        assert!(
            gated
                .iter()
                .any(|(id, _, _)| id == "boilerplate.caption-before-credit")
        );
        let mut matched = 0;
        for (_, text) in crate::fixtures::texts() {
            let units = std::iter::once(text.as_str()).chain(text.split("\n\n"));
            for unit in units.chain(text.lines()) {
                for (id, requires, patterns) in &gated {
                    for caps in patterns.iter().flat_map(|p| p.captures_iter(unit)) {
                        let span = caps.get(0).unwrap();
                        let found = &unit[span];
                        assert!(requires.is_match(found), "{id}: {found:?}");
                        matched += 1;
                    }
                }
            }
        }
        assert!(matched >= 3, "only {matched} matches of gated patterns");
    }

    #[test]
    fn a_unit_without_the_required_text_is_not_searched() {
        let rule = r#"
[[rule]]
id = "test.sold-out"
kind = "pattern"
category = "boilerplate"
severity = "warning"
scope = "line"
pattern = '(?P<flag>sold out)'
requires = '(?&stock)'
message = "m"
[rule.defines]
stock = 'sold out:|in stock'
"#;
        let mut sources = crate::rules::RuleSources::new();
        sources.add_text(
            "test.toml",
            rule,
            crate::rules::Origin::File("test.toml".into()),
        );
        let mut rules = crate::RuleSet::load(&sources, &Default::default()).unwrap();
        rules.select(Selection::default()).unwrap();
        let out = crate::engine::check_text(&rules, "Sold out: red\nThe show sold out.\n");
        // the first line holds `sold out:`; the second matches but is not searched
        let spans: Vec<(usize, usize)> = out.iter().map(|d| (d.span.start, d.span.end)).collect();
        assert_eq!(spans, [(0, 8)]);
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
