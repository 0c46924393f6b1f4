//! Kind `substitution`: a table of wrong -> right, yielding a suggestion and a fix.
//!
//! Literal keys of every substitution rule share one Aho-Corasick automaton (longest
//! match wins, word boundaries required). With `regex = true` the keys are regular
//! expressions, and a group named `flag` limits what is replaced, so context can be
//! required without being rewritten (`'\b[A-Z]\w+ (?P<flag>new agency)'`). The
//! suggestion takes the case of the matched text (`New agency` -> `News agency`).
//!
//! With `swap-file` the table is a data file of fixed phrases and the synonyms a
//! spinner puts for their words (`table.rs`): a run of words that is a phrase with one
//! or more words replaced is flagged, with the phrase as suggestion. Such rules can
//! ask for capitalisation and for a name after or a possessive before the match, as
//! titles stand (`Attorney Common Whitfield`, `Malaysia's Top Minister`).

mod live;
mod table;

use crate::rules::Data;
use crate::text::capitalised;
use crate::text::names::without_possessive;
use std::collections::BTreeMap;
use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::Deserialize;
use toml::Spanned;

use self::table::{Found, SwapTable, Token};
use super::meta::{Origin, Units};
use super::pattern::flagged_span;
use super::phrase::on_word_boundaries;
use super::wordlists::{self, WordSet};
use super::{
    CheckContext, Checker, DataStore, FixAction, FixSpec, Kind, LazyRegex, LoadError, RuleInput,
    RuleMeta, compile_rule_regex,
};
use crate::diagnostic::{Applicability, Category, Diagnostic};
use crate::text::Document;

#[derive(Debug)]
pub struct SubstitutionKind;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Config {
    #[serde(default)]
    swap: BTreeMap<Spanned<String>, String>,
    #[serde(default)]
    regex: bool,
    #[serde(default)]
    case_sensitive: bool,
    /// A data file of phrases and their words' synonyms (`data/spun-en.tsv`).
    swap_file: Option<Spanned<String>>,
    /// Which rows of the file (its `kind` column) the rule uses.
    swap_kinds: Option<Spanned<Vec<String>>>,
    #[serde(default)]
    case: Case,
    /// Where the match must stand; any one of these will do (none: anywhere).
    #[serde(default)]
    context: Vec<Context>,
    #[serde(default)]
    swapped: Swapped,
    #[serde(default = "default_max_swaps")]
    max_swaps: usize,
    /// Content words of the phrase that must stay as they are (`Attorney` of `Attorney
    /// Common`): `Head of Government` keeps none of `Chief of State`.
    #[serde(default)]
    min_kept: usize,
    /// Words that never start a name (for `context = ["name-after"]`).
    stopwords: Option<Spanned<String>>,
}

fn default_max_swaps() -> usize {
    2
}

/// How a match from `swap-file` must be written.
#[derive(Deserialize, Debug, Clone, Copy, Default, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
enum Case {
    #[default]
    Any,
    /// Each word the phrase capitalises is capitalised (not in capitals).
    Capitalised,
    /// No capital letter, but on the first word of a sentence.
    Lower,
}

/// Where a match from `swap-file` stands.
#[derive(Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
enum Context {
    /// Directly before a capitalised word that is not a stopword (a name).
    NameAfter,
    /// Directly after a possessive (`Malaysia's`).
    PossessiveBefore,
}

/// How many of the phrase's words a match from `swap-file` replaces.
#[derive(Deserialize, Debug, Clone, Copy, Default, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
enum Swapped {
    /// One or more.
    #[default]
    Any,
    /// Every word the spinner may replace, two at least (`metropolis corridor`).
    All,
    /// Some but not all (`metropolis hall`).
    Some,
}

/// A rule's use of a swap file.
#[derive(Debug)]
struct FileSwaps {
    table: Data<SwapTable>,
    kinds: Vec<String>,
    case: Case,
    context: Vec<Context>,
    swapped: Swapped,
    max_swaps: usize,
    min_kept: usize,
    stopwords: Option<Data<WordSet>>,
}

#[derive(Debug)]
struct SubRule {
    meta: RuleMeta,
    /// For `regex = true`: each key's regex and its replacement.
    regexes: Vec<(LazyRegex, String)>,
    file: Option<FileSwaps>,
}

#[derive(Debug)]
struct SubstitutionChecker {
    rules: Vec<SubRule>,
    automaton: Option<AhoCorasick>,
    /// `(rule, replacement)` per automaton pattern.
    literal: Vec<(usize, String)>,
    /// The literal scan for the rules' regexes, in rule order, built on first use.
    live: std::sync::OnceLock<live::LiveRegexes>,
}

impl Kind for SubstitutionKind {
    fn name(&self) -> &'static str {
        "substitution"
    }

    fn doc(&self) -> &'static str {
        "A table `swap = { \"wrong\" = \"right\" }`: each wrong phrase (case-insensitive, on word boundaries) is flagged with the right one as suggestion and fix. `regex = true` makes the keys regular expressions; a group named `flag` limits the replaced text. Without a `fix` key, the rule fixes by replacing (safe). Or `swap-file = \"data/spun-en.tsv\"`: a data file of fixed phrases (`original<TAB>kind<TAB>word=synonym,synonym|...<TAB>exceptions`); a run of words that is a phrase of the `swap-kinds` rows with 1 to `max-swaps` (2) words replaced by their synonyms is flagged, the phrase as suggestion. `swapped = \"all\"` or `\"some\"` asks that every replaceable word (two at least), or not every one, be replaced; `min-kept = N` that N words stay as they are; `case = \"capitalised\"` that the words the phrase capitalises be capitalised, `case = \"lower\"` no capital; `context = [\"name-after\", \"possessive-before\"]` a name directly after or a possessive directly before the match (either will do; `stopwords` names words that are no name). A match overlapping another `mangled` finding is not reported again."
    }

    fn build(
        &self,
        inputs: Vec<RuleInput<'_>>,
        data: &DataStore,
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
            let file = match file_swaps(&input, &config, data) {
                Ok(f) => f,
                Err(e) => {
                    errors.push(e);
                    continue;
                }
            };
            if config.swap.is_empty() && file.is_none() {
                errors.push(input.error(
                    input.id_span.clone(),
                    "a substitution rule needs `swap` or `swap-file`",
                ));
                continue;
            }
            let mut meta = input.meta.clone();
            meta.fix.get_or_insert(FixSpec {
                action: FixAction::Replace,
                replacement: None,
                applicability: Applicability::Safe,
            });
            let mut regexes = Vec::new();
            for (wrong, right) in &config.swap {
                if config.regex {
                    match compile_rule_regex(&input, wrong, !config.case_sensitive) {
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
            rules.push(SubRule {
                meta,
                regexes,
                file,
            });
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
            live: std::sync::OnceLock::new(),
        }))
    }
}

/// The swap file of a rule, checked against its other keys.
fn file_swaps(
    input: &RuleInput<'_>,
    config: &Config,
    data: &DataStore,
) -> Result<Option<FileSwaps>, LoadError> {
    let Some(name) = &config.swap_file else {
        let set = config.swap_kinds.is_some()
            || config.case != Case::Any
            || !config.context.is_empty()
            || config.swapped != Swapped::Any
            || config.min_kept != 0
            || config.stopwords.is_some();
        return if set {
            Err(input.error(
                input.id_span.clone(),
                "`swap-kinds`, `case`, `context`, `swapped`, `min-kept` and `stopwords` need `swap-file`",
            ))
        } else {
            Ok(None)
        };
    };
    if config.regex {
        return Err(input.error(
            name.span(),
            "`swap-file` cannot be used with `regex = true`",
        ));
    }
    if config.max_swaps == 0 {
        return Err(input.error(input.id_span.clone(), "`max-swaps` must be at least 1"));
    }
    let table = data.load(input, name, SwapTable::parse)?;
    let Some(kinds) = config
        .swap_kinds
        .as_ref()
        .filter(|k| !k.get_ref().is_empty())
    else {
        return Err(input.error(
            name.span(),
            "`swap-file` needs `swap-kinds`: which rows to use",
        ));
    };
    // Checking a kind parses the table: done for users' rules, and for the built-in
    // ones by every test run (debug builds), not by each release start-up.
    let check_kinds = cfg!(debug_assertions) || !matches!(input.meta.origin, Origin::Builtin(_));
    if let Some(k) = kinds
        .get_ref()
        .iter()
        .find(|k| check_kinds && !table.has_kind(k))
    {
        return Err(input.error(
            kinds.span(),
            format!("no row of kind `{k}` in {}", name.get_ref()),
        ));
    }
    let stopwords = match &config.stopwords {
        Some(s) => Some(data.load(input, s, wordlists::parse_word_set)?),
        None => None,
    };
    Ok(Some(FileSwaps {
        table,
        kinds: kinds.get_ref().clone(),
        case: config.case,
        context: config.context.clone(),
        swapped: config.swapped,
        max_swaps: config.max_swaps,
        min_kept: config.min_kept,
        stopwords,
    }))
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

impl SubstitutionChecker {
    /// Rule `r`'s phrases from its swap file, sentence by sentence; `tokenised` holds
    /// each sentence's words as the file's table reads them ([`tokenise`]).
    fn check_file(
        &self,
        doc: &Document,
        units: &Units<'_>,
        r: usize,
        file: &FileSwaps,
        tokenised: &[Vec<Token>],
        out: &mut Vec<Diagnostic>,
    ) {
        let text = doc.text();
        for (sentence, tokens) in doc.sentences().iter().zip(tokenised) {
            let ranges = doc.words_of(sentence);
            let mut i = 0;
            while i < tokens.len() {
                let best = file
                    .table
                    .find_at(tokens, i, file.max_swaps)
                    .into_iter()
                    .filter(|f| file.accepts(f, text, ranges))
                    .min_by_key(|f| (std::cmp::Reverse(f.tokens.len()), f.swaps));
                let Some(found) = best else {
                    i += 1;
                    continue;
                };
                i = found.tokens.end;
                let span = ranges[found.tokens.start].start..ranges[found.tokens.end - 1].end;
                let reported = out.iter().any(|d| {
                    d.category == Category::Mangled
                        && d.span.start < span.end
                        && span.start < d.span.end
                });
                if !reported {
                    let original = file.table.original(&found);
                    let right = if found.plural {
                        table::pluralise(original)
                    } else {
                        original.to_owned()
                    };
                    self.emit(doc, units, r, span, &right, out);
                }
            }
        }
    }
}

/// Each sentence's words as `table` reads them: lowercased, without a possessive,
/// with their singulars and whether a space or hyphen joins them to the next.
fn tokenise(doc: &Document, table: &SwapTable) -> Vec<Vec<Token>> {
    let text = doc.text();
    doc.sentences()
        .iter()
        .map(|sentence| {
            let ranges = doc.words_of(sentence);
            ranges
                .iter()
                .enumerate()
                .map(|(i, w)| {
                    let joined = ranges
                        .get(i + 1)
                        .is_some_and(|next| joined(&text[w.end..next.start]));
                    table.token(without_possessive(&text[w.clone()]), joined)
                })
                .collect()
        })
        .collect()
}

/// Whether the match is one word said twice (`wink wink`, `bye bye`): a writer's
/// emphasis, which no spinner makes out of a two-word phrase.
fn reduplicated(found: &Found, text: &str, ranges: &[Range<usize>]) -> bool {
    let mut words = found.tokens.clone().map(|t| &text[ranges[t].clone()]);
    let first = words.next();
    found.tokens.len() >= 2 && first.is_some_and(|f| words.all(|w| w.eq_ignore_ascii_case(f)))
}

impl FileSwaps {
    /// Whether a found phrase meets the rule's kinds, swaps, case and context.
    fn accepts(&self, found: &Found, text: &str, ranges: &[Range<usize>]) -> bool {
        let kind_ok = self.kinds.iter().any(|k| k == self.table.kind(found));
        let swaps_ok = match self.swapped {
            Swapped::Any => true,
            Swapped::All => found.swaps >= 2 && found.swaps == self.table.replaceable(found),
            Swapped::Some => found.swaps < self.table.replaceable(found),
        };
        let kept_ok = found.kept >= self.min_kept;
        kind_ok
            && swaps_ok
            && kept_ok
            && !reduplicated(found, text, ranges)
            && self.case_ok(found, text, ranges)
            && self.context_ok(found, text, ranges)
    }

    fn case_ok(&self, found: &Found, text: &str, ranges: &[Range<usize>]) -> bool {
        match self.case {
            Case::Any => true,
            // A sentence's first word is capitalised anyway: no sign of a name there
            // (`Former General Motors chief ...`).
            Case::Capitalised => {
                found
                    .word_starts
                    .iter()
                    .zip(self.table.capital(found))
                    .all(|(&t, &cap)| !cap || capitalised(&text[ranges[t].clone()]))
                    && (found.tokens.start > 0 || self.table.kept_first(found))
            }
            Case::Lower => found
                .tokens
                .clone()
                .all(|t| t == 0 || !text[ranges[t].clone()].chars().any(char::is_uppercase)),
        }
    }

    fn context_ok(&self, found: &Found, text: &str, ranges: &[Range<usize>]) -> bool {
        if self.context.is_empty() {
            return true;
        }
        let (start, end) = (found.tokens.start, found.tokens.end);
        self.context.iter().any(|c| match c {
            Context::NameAfter => ranges.get(end).is_some_and(|next| {
                let word = &text[next.clone()];
                let lower = word.to_lowercase();
                text[ranges[end - 1].end..next.start] == *" "
                    && capitalised(word)
                    && !self.table.is_phrase_word(without_possessive(&lower))
                    && !self
                        .stopwords
                        .as_ref()
                        .is_some_and(|s| s.contains(lower.as_str()))
            }),
            Context::PossessiveBefore => {
                start > 0 && {
                    let prev = &text[ranges[start - 1].clone()];
                    text[ranges[start - 1].end..ranges[start].start] == *" "
                        && without_possessive(prev).len() < prev.len()
                }
            }
        })
    }
}

/// Only a space or a hyphen between two words: one phrase.
fn joined(gap: &str) -> bool {
    !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '-' || c == '\u{2010}')
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
        // Rules that share a swap file read the document's words through it once.
        let mut tokenised: Vec<(&SwapTable, Vec<Vec<Token>>)> = Vec::new();
        // Which regexes the text's literals allow, from one scan on the first rule
        // that asks; `first` numbers each rule's first regex in the scan.
        let live_in_text = std::cell::OnceCell::new();
        let mut first = 0;
        for (r, rule) in self.rules.iter().enumerate() {
            let numbered = first;
            first += rule.regexes.len();
            if let Some(file) = &rule.file {
                if cx.enabled(&rule.meta) {
                    let table: &SwapTable = &file.table;
                    let at = match tokenised.iter().position(|(t, _)| std::ptr::eq(*t, table)) {
                        Some(at) => at,
                        None => {
                            tokenised.push((table, tokenise(doc, table)));
                            tokenised.len() - 1
                        }
                    };
                    self.check_file(doc, &units, r, file, &tokenised[at].1, out);
                }
            }
            if rule.regexes.is_empty() || !cx.enabled(&rule.meta) {
                continue;
            }
            let allowed: &Vec<bool> = live_in_text.get_or_init(|| {
                let scan = self.live.get_or_init(|| {
                    live::LiveRegexes::new(
                        self.rules.iter().flat_map(|r| &r.regexes).map(|(re, _)| re),
                    )
                });
                scan.of(text)
            });
            let live: Vec<_> = rule
                .regexes
                .iter()
                .zip(&allowed[numbered..])
                .filter(|(_, allowed)| **allowed)
                .map(|(regex, _)| regex)
                .collect();
            if live.is_empty() {
                continue;
            }
            for unit in units.of(rule.meta.scope) {
                for (re, right) in &live {
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
    use crate::rules::{LoadOptions, Origin, RuleSet, RuleSources};

    const HEAD: &str = "[[rule]]\nid = \"mangled.t\"\nkind = \"substitution\"\ncategory = \"mangled\"\nmessage = \"{match} / {suggestion}\"\n";

    fn load(path: &str, rule: &str) -> Result<RuleSet, Vec<LoadError>> {
        let mut sources = RuleSources::new();
        sources.add_text(path, format!("{HEAD}{rule}"), Origin::File(path.into()));
        RuleSet::load(&sources, &LoadOptions::default())
    }

    /// What a rule over the built-in `data/spun-en.tsv` flags, with its suggestion.
    fn flagged(rule: &str, text: &str) -> Vec<(String, String)> {
        let rules = load("no-such-dir/test.toml", rule).unwrap();
        let doc = Document::from_text(text);
        crate::engine::check_text(&rules, text)
            .iter()
            .map(|d| {
                (
                    doc.slice(&d.span).to_owned(),
                    d.suggestion.clone().unwrap_or_default(),
                )
            })
            .collect()
    }

    fn errors(rule: &str) -> String {
        let errs = load("no-such-dir/test.toml", rule).unwrap_err();
        errs.iter()
            .map(|e| format!("{} {}", e.message, e.notes.join(" ")))
            .collect::<Vec<_>>()
            .join("\n")
    }

    const TITLES: &str = "swap-file = \"data/spun-en.tsv\"\nswap-kinds = [\"title\"]\nmin-kept = 1\ncase = \"capitalised\"\ncontext = [\"name-after\", \"possessive-before\"]\nstopwords = \"data/stopwords-en.txt\"\n";

    #[test]
    fn spun_titles_before_a_name_or_after_a_possessive() {
        assert_eq!(
            flagged(
                TITLES,
                "A spokesman for Attorney Common Dana Whitcombe said so."
            ),
            [("Attorney Common".to_owned(), "Attorney General".to_owned())]
        );
        assert_eq!(
            flagged(TITLES, "Then Canada's Top Minister spoke."),
            [("Top Minister".to_owned(), "Prime Minister".to_owned())]
        );
        // no name after, no possessive before, or not capitalised
        assert!(flagged(TITLES, "The Top Minister award went to her.").is_empty());
        assert!(flagged(TITLES, "A spokesman for attorney common Whitcombe said so.").is_empty());
        // the sentence's first word is capitalised anyway
        assert!(flagged(TITLES, "Former General Motors chief Mary Barra spoke.").is_empty());
        // a title in its own right, and the title itself
        assert!(
            flagged(
                TITLES,
                "Scotland's First Minister met Major General Ann Lee."
            )
            .is_empty()
        );
    }

    #[test]
    fn collocations_with_every_word_swapped() {
        let rule = "swap-file = \"data/spun-en.tsv\"\nswap-kinds = [\"phrase\"]\ncase = \"lower\"\nswapped = \"all\"\n";
        assert_eq!(
            flagged(
                rule,
                "Residents packed metropolis corridor for the hearing."
            ),
            [("metropolis corridor".to_owned(), "city hall".to_owned())]
        );
        assert_eq!(
            flagged(rule, "Metropolis corridors were full."),
            [("Metropolis corridors".to_owned(), "City halls".to_owned())]
        );
        assert!(flagged(rule, "Residents packed metropolis hall for the hearing.").is_empty());
        assert!(flagged(rule, "The new Metropolis Corridor bus route opens.").is_empty());
        // One word said twice is emphasis, though `wink` is listed for both words of
        // `second moment`.
        assert!(flagged(rule, "It was, wink wink, a quiet deal.").is_empty());
    }

    #[test]
    fn swap_file_keys_are_checked() {
        assert!(
            errors("swap-kinds = [\"title\"]\nswap = { a = \"b\" }\n").contains("need `swap-file`")
        );
        assert!(errors("").contains("needs `swap` or `swap-file`"));
        assert!(errors("swap-file = \"data/spun-en.tsv\"\n").contains("needs `swap-kinds`"));
        assert!(
            errors("swap-file = \"data/spun-en.tsv\"\nswap-kinds = [\"ranks\"]\n")
                .contains("no row of kind `ranks`")
        );
        assert!(
            errors("swap-file = \"data/spun-en.tsv\"\nswap-kinds = [\"title\"]\nregex = true\n")
                .contains("cannot be used with `regex = true`")
        );
    }

    #[test]
    fn a_bad_swap_file_is_a_load_error_naming_the_line() {
        let dir = std::env::temp_dir().join(format!("scrapelint-swap-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("swaps.tsv"),
            "# header\ncity hall\tphrase\ttown=borough\n",
        )
        .unwrap();
        let path = dir.join("rules.toml").display().to_string();
        let errs = load(
            &path,
            "swap-file = \"swaps.tsv\"\nswap-kinds = [\"phrase\"]\n",
        )
        .unwrap_err();
        std::fs::remove_dir_all(&dir).unwrap();
        let text = format!("{} {}", errs[0].message, errs[0].notes.join(" "));
        assert!(
            text.contains("cannot parse data file `swaps.tsv`"),
            "{text}"
        );
        assert!(text.contains("line 2: synonyms for `town`"), "{text}");
    }

    #[test]
    fn case_follows_the_match() {
        assert_eq!(match_case("new agency", "news agency"), "news agency");
        assert_eq!(match_case("New agency", "news agency"), "News agency");
        assert_eq!(match_case("NEW AGENCY", "news agency"), "NEWS AGENCY");
    }
}
