//! The rule engine's vocabulary: rule kinds, checkers, and the loaded rule set.
//!
//! A *kind* (phrase, pattern, substitution, ...) is one module implementing [`Kind`],
//! listed once in [`registry::KINDS`]. Loading groups the rules of each kind and hands
//! them to the kind at once, so a kind can compile all its rules into one automaton.

pub(crate) mod builtin;
mod data;
mod lazy_regex;
#[doc(hidden)]
pub mod literal_cache;
mod literals;
mod load;
mod meta;
mod near;
pub mod registry;
mod selection;
mod template;
mod wordlists;

pub mod block;
pub mod classifier;
pub mod cohesion;
pub mod collocation;
pub mod consistency;
pub mod duplicate;
pub mod encoding;
pub mod folded_title;
pub mod fragment;
pub mod lexicon;
pub mod pattern;
pub mod phrase;
pub mod repeated;
pub mod substitution;

use std::collections::HashMap;

use rayon::prelude::*;
use std::fmt::Debug;
use std::sync::Arc;

pub use data::{Data, DataStore};
pub use lazy_regex::{LazyRegex, set_short_run};
pub use load::{
    FileId, LoadError, RuleFile, RuleInput, RuleSources, compile_regex, compile_rule_regex,
};
pub use meta::{FixAction, FixSpec, Flag, Origin, RuleMeta, Scope, Units, unit_containing};
pub use selection::{Selection, longest_prefix, matches as selector_matches};
pub use template::Template;

use crate::corpus::{CorpusNeeds, CorpusStats};
use crate::diagnostic::{Diagnostic, Severity};
use crate::text::{Document, Language};

/// A kind of rule: validates the kind-specific keys of its rules and builds one checker.
pub trait Kind: Sync {
    /// The value of `kind = "..."` in rule files.
    fn name(&self) -> &'static str;
    /// One paragraph on the method, shown by `scrapelint explain --kind NAME`.
    fn doc(&self) -> &'static str;
    /// Builds the checker for all rules of this kind, or reports every invalid rule.
    fn build(
        &self,
        rules: Vec<RuleInput<'_>>,
        data: &DataStore,
    ) -> Result<Box<dyn Checker>, Vec<LoadError>>;
}

/// Builds each rule with `build`, collecting every error rather than stopping at the
/// first, so a rule file's mistakes are reported together.
pub fn build_each<T>(
    inputs: &[RuleInput<'_>],
    build: impl Fn(&RuleInput<'_>) -> Result<T, LoadError>,
) -> Result<Vec<T>, Vec<LoadError>> {
    let (mut built, mut errors) = (Vec::new(), Vec::new());
    for input in inputs {
        match build(input) {
            Ok(rule) => built.push(rule),
            Err(e) => errors.push(e),
        }
    }
    if errors.is_empty() {
        Ok(built)
    } else {
        Err(errors)
    }
}

/// Checks documents for all rules of one kind.
pub trait Checker: Send + Sync + Debug {
    /// Appends diagnostics for `doc`; `out` already holds those of checkers that ran
    /// earlier (kinds run in registry order), which later kinds may read.
    fn check(&self, doc: &Document, cx: &CheckContext<'_>, out: &mut Vec<Diagnostic>);

    /// Whether [`Checker::check`] reads what `out` already holds. Such a checker runs
    /// after the others when a document's checkers run side by side
    /// ([`RuleSet::set_parallel_checkers`]), and still sees exactly the diagnostics of
    /// the kinds before it.
    fn reads_prior(&self) -> bool {
        false
    }

    /// Whether `rule`, one of this checker's, judges the article's own sentences (a
    /// truncated paragraph, a verbless sentence), so that its findings on a line that
    /// boilerplate takes whole say nothing the boilerplate finding does not.
    fn judges_sentences(&self, _rule: &str) -> bool {
        false
    }

    /// Statistics this checker needs from a first pass over every document of the run.
    fn corpus_needs(&self) -> CorpusNeeds {
        CorpusNeeds::default()
    }

    /// The inputs of a learned rule for each unit it judges, for fitting the rule
    /// offline (the hidden `scrapelint features --paragraphs`); `None` for kinds
    /// without one.
    fn unit_features(&self, _doc: &Document, _cx: &CheckContext<'_>) -> Option<UnitFeatures> {
        None
    }
}

/// Feature rows of a learned rule (see [`Checker::unit_features`]).
#[derive(Debug, Clone)]
pub struct UnitFeatures {
    pub names: &'static [&'static str],
    pub rows: Vec<UnitRow>,
}

/// One judged unit: the 0-based lines it covers, its feature values in the order of
/// [`UnitFeatures::names`], and raw facts the fitting script applies guards with.
#[derive(Debug, Clone)]
pub struct UnitRow {
    pub lines: std::ops::Range<usize>,
    pub values: Vec<f32>,
    pub info: Vec<(&'static str, f64)>,
}

/// What a checker may consult besides the document.
#[derive(Debug, Clone, Copy)]
pub struct CheckContext<'a> {
    pub corpus: &'a CorpusStats,
    pub selection: &'a Selection,
    /// The document's language, when it could be told.
    pub language: Option<Language>,
    /// The document's name in the run (path or record id), when it has one.
    pub name: Option<&'a str>,
    /// The document's lines keyed for the run's statistics, on first use.
    pub lines: &'a crate::corpus::LineKeys,
}

impl CheckContext<'_> {
    /// Whether the rule is selected for this run and written for the document's
    /// language; checkers skip disabled rules' work.
    pub fn enabled(&self, rule: &RuleMeta) -> bool {
        self.selection.allows(rule) && rule.speaks(self.language)
    }
}

/// Severity overrides and other load-time adjustments from config and flags.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// `(rule id or prefix, severity)`: the longest matching prefix wins.
    pub severity: Vec<(String, Severity)>,
}

/// Every loaded rule and the checkers that implement them.
#[derive(Debug)]
pub struct RuleSet {
    rules: Vec<Arc<RuleMeta>>,
    checkers: Vec<Box<dyn Checker>>,
    selection: Selection,
    /// The data files the rules read, parsed on first use.
    data: DataStore,
    /// Run a document's checkers on the thread pool (see [`RuleSet::set_parallel_checkers`]).
    parallel_checkers: bool,
}

impl RuleSet {
    /// Parses and builds every rule of `sources`, collecting all errors.
    pub fn load(sources: &RuleSources, options: &LoadOptions) -> Result<RuleSet, Vec<LoadError>> {
        let mut errors = Vec::new();
        let mut inputs = load::parse_rules(sources, &mut errors);
        check_duplicates(&inputs, &mut errors);
        for input in &mut inputs {
            if let Some(sev) = selection::longest_prefix(&options.severity, &input.meta.id) {
                input.meta.severity = sev;
            }
        }
        let mut by_kind: HashMap<&'static str, Vec<RuleInput<'_>>> = HashMap::new();
        for input in inputs {
            match registry::find(&input.meta.kind) {
                Some(kind) => by_kind.entry(kind.name()).or_default().push(input),
                None => errors.push(unknown_kind(&input)),
            }
        }
        let data = DataStore::default();
        let mut rules = Vec::new();
        let mut jobs = Vec::new();
        for kind in registry::KINDS {
            if let Some(inputs) = by_kind.remove(kind.name()) {
                rules.extend(inputs.iter().map(|i| Arc::new(i.meta.clone())));
                jobs.push((*kind, inputs));
            }
        }
        // Kinds compile their automata independently: build them in parallel, keeping
        // registry order for the checkers.
        let built: Vec<_> = jobs
            .into_par_iter()
            .map(|(kind, inputs)| kind.build(inputs, &data))
            .collect();
        let mut checkers = Vec::new();
        for result in built {
            match result {
                Ok(c) => checkers.push(c),
                Err(e) => errors.extend(e),
            }
        }
        if !errors.is_empty() {
            errors.sort_by_key(|e| (e.file, e.span.as_ref().map(|s| s.start)));
            return Err(errors);
        }
        rules.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(RuleSet {
            rules,
            checkers,
            selection: Selection::default(),
            data,
            parallel_checkers: false,
        })
    }

    /// Parses every data file the rules read now rather than on first use, for a
    /// long-running process that should answer its first request as fast as the rest.
    pub fn parse_data(&self) -> Result<(), Vec<String>> {
        self.data.parse_all()
    }

    /// The built-in rules only.
    pub fn builtin() -> Result<RuleSet, Vec<LoadError>> {
        Self::load(&RuleSources::builtin(), &LoadOptions::default())
    }

    /// Every rule, sorted by id, whether selected or not.
    pub fn rules(&self) -> &[Arc<RuleMeta>] {
        &self.rules
    }

    pub fn get(&self, id: &str) -> Option<&Arc<RuleMeta>> {
        self.rules.iter().find(|r| &*r.id == id)
    }

    pub fn checkers(&self) -> &[Box<dyn Checker>] {
        &self.checkers
    }

    /// Runs the checkers of one document side by side on the thread pool. For a run
    /// of a file or two, where the documents alone cannot keep the threads busy: most
    /// of such a run is each checker's first use (parsing its data, compiling the
    /// regexes its literals call for), which then overlaps. Findings are the same.
    pub fn set_parallel_checkers(&mut self, on: bool) {
        self.parallel_checkers = on;
    }

    pub fn parallel_checkers(&self) -> bool {
        self.parallel_checkers
    }

    pub fn selection(&self) -> &Selection {
        &self.selection
    }

    /// Restricts the run to `selection`; an entry matching no rule is an error.
    pub fn select(&mut self, selection: Selection) -> Result<(), String> {
        selection.validate(&self.rules)?;
        self.selection = selection;
        Ok(())
    }

    /// The rules that will run.
    pub fn enabled(&self) -> impl Iterator<Item = &Arc<RuleMeta>> {
        self.rules.iter().filter(|r| self.selection.allows(r))
    }

    /// What the first pass over the corpus must gather for the enabled checkers.
    pub fn corpus_needs(&self) -> CorpusNeeds {
        self.checkers
            .iter()
            .fold(CorpusNeeds::default(), |acc, c| acc.union(c.corpus_needs()))
    }
}

fn check_duplicates(inputs: &[RuleInput], errors: &mut Vec<LoadError>) {
    let mut seen: HashMap<&str, &RuleInput> = HashMap::new();
    for input in inputs {
        if let Some(first) = seen.insert(&input.meta.id, input) {
            let err = LoadError::at(input.file, input.id_span.clone(), format!("duplicate rule id `{}`", input.meta.id))
                .with_label("defined again here")
                .with_secondary(first.file, first.id_span.clone(), "first defined here")
                .with_note("rule ids must be unique across all rule files; use --no-default-rules or pick another id");
            errors.push(err);
        }
    }
}

fn unknown_kind(input: &RuleInput<'_>) -> LoadError {
    input
        .error(
            input.kind_span.clone(),
            format!("unknown rule kind `{}`", input.meta.kind),
        )
        .with_label("not a known kind")
        .with_note(format!(
            "valid kinds: {}",
            registry::KINDS
                .iter()
                .map(|k| k.name())
                .collect::<Vec<_>>()
                .join(", ")
        ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_data_file_parses() {
        let rules = RuleSet::builtin().unwrap();
        assert_eq!(rules.parse_data(), Ok(()));
        assert!(
            format!("{:?}", rules.data).contains("<builtin>/data/wordfreq-en.tsv"),
            "the built-in rules read the data files"
        );
    }
}
