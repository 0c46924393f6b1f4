//! Regexes checked at load, compiled on first use.
//!
//! Compiling every built-in pattern up front cost more than checking a file: a one-file
//! run would spend most of its time building automata for rules that never match. The
//! syntax is still checked at load (so a bad pattern is a load error pointing at the
//! TOML line), and capture names are read from the parse, but the automaton is built
//! the first time a rule needs it. The required literals are extracted at load too, so a
//! literal scan decides where a regex can match and most rules' own regexes are never
//! compiled on a clean file.

use std::ops::Deref;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder};
use regex::{Regex, RegexBuilder};
use regex_syntax::hir::{Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind, Look};

/// Generous: a pattern that parses must also compile.
const SIZE_LIMIT: usize = 1 << 26;

/// Cheap to clone: clones share one compiled automaton.
#[derive(Debug, Clone)]
pub struct LazyRegex(std::sync::Arc<Inner>);

#[derive(Debug)]
struct Inner {
    /// The pattern for a prefilter `RegexSet`: case folding inlined, word boundaries
    /// dropped (see [`LazyRegex::set_source`]).
    prefilter: String,
    pattern: String,
    case_insensitive: bool,
    /// Placeholder names the regex can fill: `1`, `2`, ... and named groups.
    vars: Vec<String>,
    /// One of these occurs in every match (see `literals`), if any is worth a scan.
    literals: Option<Vec<Vec<u8>>>,
    /// The literals as one automaton, built on the first [`LazyRegex::may_match`].
    literal_scan: OnceLock<Option<AhoCorasick>>,
    compiled: OnceLock<Regex>,
}

impl LazyRegex {
    /// Checks the syntax now; the error text is the parser's.
    pub fn new(pattern: &str, case_insensitive: bool) -> Result<Self, String> {
        let hir = regex_syntax::ParserBuilder::new()
            .case_insensitive(case_insensitive)
            .build()
            .parse(pattern)
            .map_err(|e| e.to_string())?;
        let mut names = Vec::new();
        capture_names(&hir, &mut names);
        let prefilter = without_word_boundaries(&hir).to_string();
        let literals = super::literals::required(&hir);
        let mut vars: Vec<String> = (1..=names.len()).map(|i| i.to_string()).collect();
        vars.extend(names.into_iter().flatten());
        Ok(LazyRegex(std::sync::Arc::new(Inner {
            prefilter,
            pattern: pattern.to_owned(),
            case_insensitive,
            vars,
            literals,
            literal_scan: OnceLock::new(),
            compiled: OnceLock::new(),
        })))
    }

    pub fn regex(&self) -> &Regex {
        let inner = &self.0;
        inner.compiled.get_or_init(|| {
            RegexBuilder::new(&inner.pattern)
                .case_insensitive(inner.case_insensitive)
                .size_limit(SIZE_LIMIT)
                .build()
                .expect("syntax checked at load; size limit generous")
        })
    }

    /// The pattern as written, without the case flag.
    pub fn as_str(&self) -> &str {
        &self.0.pattern
    }

    /// A pattern matching at least wherever this one does, for a prefilter `RegexSet`.
    ///
    /// Word boundaries (`\b`, `\B`) are dropped: Unicode word boundaries make the
    /// lazy DFA give up on any non-ASCII text (a curly quote will do), leaving the
    /// set to the PikeVM, which is orders of magnitude slower over a whole corpus.
    /// Without them the set stays on the DFA; dropping an assertion can only widen
    /// the matches, and the rule's own regex then checks the few candidate units.
    pub fn set_source(&self) -> String {
        self.0.prefilter.clone()
    }

    /// Lowercase strings one of which every match contains, for an ASCII
    /// case-insensitive prefilter; `None` when the regex has no useful one.
    pub fn required_literals(&self) -> Option<&[Vec<u8>]> {
        self.0.literals.as_deref()
    }

    /// False when `haystack` holds none of the required literals, so no part of it can
    /// match: a cheap test before running the regex unit by unit.
    pub fn may_match(&self, haystack: &str) -> bool {
        let scan = self.0.literal_scan.get_or_init(|| {
            let literals = self.0.literals.as_ref()?;
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .build(literals)
                .ok()
        });
        match scan {
            None => true,
            Some(ac) => ac.is_match(haystack) || haystack.contains(super::literals::FOLDS_TO_ASCII),
        }
    }

    pub fn capture_vars(&self) -> &[String] {
        &self.0.vars
    }
}

impl Deref for LazyRegex {
    type Target = Regex;

    fn deref(&self) -> &Regex {
        self.regex()
    }
}

/// Classes with more ranges than this are widened for the prefilter (below).
const MAX_EXACT_RANGES: usize = 8;

/// A pattern matching wherever `hir` does, cheaper for a prefilter set: word-boundary
/// assertions become the empty match, and large Unicode classes (`\w`, `\s`, `\W`:
/// hundreds of ranges, thousands of UTF-8 automaton states each) keep their ASCII part
/// and admit every non-ASCII character. Both only widen the matches.
fn without_word_boundaries(hir: &Hir) -> Hir {
    match hir.kind() {
        HirKind::Look(look) if is_word_boundary(*look) => Hir::empty(),
        HirKind::Class(Class::Unicode(class)) if class.ranges().len() > MAX_EXACT_RANGES => {
            let mut wide: Vec<ClassUnicodeRange> = class
                .ranges()
                .iter()
                .filter(|r| r.start() < '\u{80}')
                .map(|r| ClassUnicodeRange::new(r.start(), r.end().min('\u{7F}')))
                .collect();
            wide.push(ClassUnicodeRange::new('\u{80}', char::MAX));
            Hir::class(Class::Unicode(ClassUnicode::new(wide)))
        }
        HirKind::Capture(c) => Hir::capture(regex_syntax::hir::Capture {
            index: c.index,
            name: c.name.clone(),
            sub: Box::new(without_word_boundaries(&c.sub)),
        }),
        HirKind::Concat(hs) => Hir::concat(hs.iter().map(without_word_boundaries).collect()),
        HirKind::Alternation(hs) => {
            Hir::alternation(hs.iter().map(without_word_boundaries).collect())
        }
        HirKind::Repetition(r) => Hir::repetition(regex_syntax::hir::Repetition {
            min: r.min,
            max: r.max,
            greedy: r.greedy,
            sub: Box::new(without_word_boundaries(&r.sub)),
        }),
        _ => hir.clone(),
    }
}

fn is_word_boundary(look: Look) -> bool {
    !matches!(
        look,
        Look::Start | Look::End | Look::StartLF | Look::EndLF | Look::StartCRLF | Look::EndCRLF
    )
}

/// Capture groups in group-index order: `None` for unnamed ones.
fn capture_names(hir: &Hir, out: &mut Vec<Option<String>>) {
    match hir.kind() {
        HirKind::Capture(c) => {
            out.push(c.name.as_deref().map(str::to_owned));
            capture_names(&c.sub, out);
        }
        HirKind::Concat(hs) | HirKind::Alternation(hs) => {
            hs.iter().for_each(|h| capture_names(h, out))
        }
        HirKind::Repetition(r) => capture_names(&r.sub, out),
        HirKind::Empty | HirKind::Literal(_) | HirKind::Class(_) | HirKind::Look(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vars_match_the_compiled_regex() {
        let lazy = LazyRegex::new(r"(a)(?P<flag>b(c))(?:d)", true).unwrap();
        let re = lazy.regex();
        let mut expected: Vec<String> = (1..re.captures_len()).map(|i| i.to_string()).collect();
        expected.extend(re.capture_names().flatten().map(str::to_owned));
        assert_eq!(lazy.capture_vars(), expected);
        assert!(lazy.is_match("ABCD"));
    }

    #[test]
    fn prefilter_drops_word_boundaries_and_keeps_case_folding() {
        let lazy = LazyRegex::new(r"\bleave a (?P<x>reply)\b", true).unwrap();
        let set = regex::Regex::new(&lazy.set_source()).unwrap();
        assert!(set.is_match("LEAVE A REPLY"));
        assert!(
            set.is_match("caféleave a replyé"),
            "boundaries dropped: a superset"
        );
        assert!(!lazy.is_match("caféleave a replyé"));
        assert!(!set.is_match("leave a comment"));
    }

    #[test]
    fn prefilter_widens_large_classes_to_a_superset() {
        let lazy = LazyRegex::new(r"^\W*date\s+\w+", true).unwrap();
        let pre = regex::Regex::new(&lazy.set_source()).unwrap();
        for text in ["• DATE  2020", "date\u{2003}été", "«date ξ"] {
            assert!(lazy.is_match(text), "{text}");
            assert!(pre.is_match(text), "{text}");
        }
        assert!(!pre.is_match("x date 2020"), "the ASCII part stays exact");
    }

    #[test]
    fn syntax_errors_are_reported_without_compiling() {
        assert!(
            LazyRegex::new("date (\\d+", false)
                .unwrap_err()
                .contains("unclosed group")
        );
    }
}
