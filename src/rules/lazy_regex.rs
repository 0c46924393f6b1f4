//! Regexes checked at load, compiled on first use.
//!
//! Compiling every built-in pattern up front cost more than checking a file: a one-file
//! run would spend most of its time building automata for rules that never match. The
//! syntax is still checked at load (so a bad pattern is a load error pointing at the
//! TOML line), and capture names are read from the parse, but the automaton is built
//! the first time a rule needs it. The required literals are extracted at load too, so a
//! literal scan decides where a regex can match and most rules' own regexes are never
//! compiled on a clean file.
//!
//! Each regex has two automata, each built on first use: one for any text, and one
//! for text whose characters all lie in the [`NARROW`] alphabet (Latin letters,
//! punctuation, symbols, emoji: nearly every English article), with every Unicode
//! class cut down to that alphabet. Both find the same matches and groups on such
//! text; the narrow one builds several times faster and is a fraction of the size.

use std::ops::Range;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, OnceLock};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder};
use rayon::prelude::*;
use regex_automata::meta::{self, Regex};
use regex_syntax::hir::{Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind, Look};

/// Generous: a pattern that parses must also compile.
const SIZE_LIMIT: usize = 1 << 26;

/// The lazy DFA's cache per regex and thread (the crate's default is 2 MiB): a rule
/// regex runs on a line or a sentence at a time, and a run of thousands of files
/// ends with every rule's cache grown.
const DFA_CACHE: usize = 1 << 18;

/// The most a lazy DFA's cache may be given when its automaton needs more than
/// [`DFA_CACHE`]; a regex that needs more than this searches without one.
const DFA_CACHE_MAX: usize = 1 << 22;

/// The cache a regex's lazy DFA needs: [`DFA_CACHE`], or, for a large automaton whose
/// minimum is above it (a line of up to 300 characters before a word: thousands of NFA
/// states), the next doubling that fits it, twice over for the reverse automaton. The
/// regex crate silently drops a lazy DFA whose cache is below its minimum and searches
/// the whole text with the PikeVM, a hundred times slower on a document.
fn dfa_cache_for(hir: &Hir) -> usize {
    use regex_automata::hybrid::dfa::DFA;
    use regex_automata::nfa::thompson;
    let nfa = thompson::Compiler::new()
        // With its groups, as the regex's own forward automaton is built.
        .configure(thompson::Config::new().nfa_size_limit(Some(SIZE_LIMIT)))
        .build_from_hir(hir);
    let Ok(nfa) = nfa else {
        return DFA_CACHE;
    };
    let fits = |capacity: usize| {
        DFA::builder()
            .configure(
                DFA::config()
                    .starts_for_each_pattern(true)
                    .unicode_word_boundary(true)
                    .cache_capacity(capacity),
            )
            .build_from_nfa(nfa.clone())
            .is_ok()
    };
    if fits(DFA_CACHE) {
        return DFA_CACHE;
    }
    let mut capacity = DFA_CACHE * 2;
    while capacity < DFA_CACHE_MAX && !fits(capacity) {
        capacity *= 2;
    }
    (capacity * 2).min(DFA_CACHE_MAX)
}

/// Whether regexes compiled from now on get the lazy DFA (see [`set_short_run`]).
static LAZY_DFA: AtomicBool = AtomicBool::new(true);

/// Tells the regexes compiled from now on how much text they will search. A lazy DFA
/// searches fastest, but it needs a reverse automaton besides the forward one, which
/// doubles the cost of compiling: on a run of a few kilobytes (one file, a pre-commit
/// hook) that build is most of the run, while the NFA engines search such text in
/// microseconds. Long runs (a directory, a corpus, a language server session) keep it.
/// Matches are the same either way.
pub fn set_short_run(short: bool) {
    LAZY_DFA.store(!short, Ordering::Relaxed);
}

/// The groups of one match, with the text they index.
#[derive(Debug)]
pub struct Captures<'h> {
    haystack: &'h str,
    caps: regex_automata::util::captures::Captures,
}

impl<'h> Captures<'h> {
    /// The span of group `index` (0: the whole match), if it took part.
    pub fn get(&self, index: usize) -> Option<Range<usize>> {
        self.caps.get_group(index).map(|s| s.range())
    }

    /// The span of the group called `name`, if it took part.
    pub fn name(&self, name: &str) -> Option<Range<usize>> {
        self.caps.get_group_by_name(name).map(|s| s.range())
    }

    /// The text of `span` (a span of these captures).
    pub fn text(&self, span: Range<usize>) -> &'h str {
        &self.haystack[span]
    }
}

/// Cheap to clone: clones share one compiled automaton.
#[derive(Debug, Clone)]
pub struct LazyRegex(std::sync::Arc<Inner>);

#[derive(Debug)]
struct Inner {
    pattern: String,
    case_insensitive: bool,
    /// Placeholder names the regex can fill: `1`, `2`, ... and named groups (read from
    /// the syntax tree on first use for a trusted pattern).
    vars: OnceLock<Vec<String>>,
    /// The parse made at load, if one was (kept for [`Inner::derived`]).
    parsed: Mutex<Option<Hir>>,
    /// What the prefilters need, worked out on first use.
    derived: OnceLock<Derived>,
    /// The literals as one automaton, built on the first [`LazyRegex::may_match`].
    literal_scan: OnceLock<Option<AhoCorasick>>,
    /// The automaton for any text.
    compiled: OnceLock<Regex>,
    /// The automaton for text of the [`NARROW`] alphabet (see [`narrowed`]).
    narrow: OnceLock<Regex>,
    /// The regex without its Unicode word boundaries, asked first by
    /// [`LazyRegex::is_match`] on non-ASCII text (see [`LazyRegex::gate`]).
    gate: OnceLock<Option<Regex>>,
}

/// The prefilter forms of a pattern.
#[derive(Debug)]
struct Derived {
    /// The pattern for a prefilter `RegexSet` (case folding inlined, word boundaries
    /// dropped; see [`LazyRegex::set_source`]), made here only for a pattern without
    /// literals, the one kind a prefilter set needs it for.
    prefilter: Option<String>,
    /// One of these occurs in every match (see `literals`), if any is worth a scan.
    literals: Option<Vec<Vec<u8>>>,
}

fn parse(pattern: &str, case_insensitive: bool) -> Result<Hir, String> {
    regex_syntax::ParserBuilder::new()
        .case_insensitive(case_insensitive)
        .build()
        .parse(pattern)
        .map_err(|e| e.to_string())
}

impl LazyRegex {
    /// Checks the syntax now; the error text is the parser's.
    pub fn new(pattern: &str, case_insensitive: bool) -> Result<Self, String> {
        let hir = parse(pattern, case_insensitive)?;
        let mut names = Vec::new();
        capture_names(&hir, &mut names);
        Ok(Self::with(
            pattern,
            case_insensitive,
            OnceLock::from(vars_of(names)),
            Some(hir),
        ))
    }

    /// A pattern of the built-in rules, which every test run checks in full (debug
    /// builds take [`LazyRegex::new`]'s path). Release builds parse nothing here and
    /// leave it all to first use: `scrapelint rules` or a run of a few rules pays
    /// nothing for the others' patterns.
    pub fn trusted(pattern: &str, case_insensitive: bool) -> Result<Self, String> {
        if RECORDING.load(Ordering::Relaxed) {
            TRUSTED
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push((pattern.to_owned(), case_insensitive));
        }
        if cfg!(debug_assertions) {
            return Self::new(pattern, case_insensitive);
        }
        Ok(Self::with(pattern, case_insensitive, OnceLock::new(), None))
    }

    fn with(
        pattern: &str,
        case_insensitive: bool,
        vars: OnceLock<Vec<String>>,
        parsed: Option<Hir>,
    ) -> Self {
        LazyRegex(std::sync::Arc::new(Inner {
            pattern: pattern.to_owned(),
            case_insensitive,
            vars,
            parsed: Mutex::new(parsed),
            derived: OnceLock::new(),
            literal_scan: OnceLock::new(),
            compiled: OnceLock::new(),
            narrow: OnceLock::new(),
            gate: OnceLock::new(),
        }))
    }

    fn derived(&self) -> &Derived {
        let inner = &self.0;
        inner.derived.get_or_init(|| {
            let loaded = inner.parsed.lock().expect("parse slot poisoned").take();
            let (literals, hir) = match loaded {
                Some(hir) => (super::literals::required(&hir), Some(hir)),
                None => {
                    match super::literal_cache::lookup(&inner.pattern, inner.case_insensitive) {
                        Some(literals) => (Some(literals), None),
                        None => unloaded(&inner.pattern, inner.case_insensitive),
                    }
                }
            };
            let prefilter = match (&literals, hir) {
                (None, Some(hir)) => Some(without_word_boundaries(&hir).to_string()),
                _ => None,
            };
            Derived {
                prefilter,
                literals,
            }
        })
    }

    /// Builds the automata of those of `regexes` not built yet for a text of the
    /// alphabet `text` (see [`LazyRegex::regex_for`]), side by side on the thread pool: the first document of
    /// a run calls for dozens, each costing milliseconds, and one thread building them
    /// all is most of a one-file check. A document outside the narrow alphabet gets
    /// the full automata here; those of its lines that are narrow build theirs on
    /// first use.
    pub fn compile_all<'a>(regexes: impl IntoIterator<Item = &'a LazyRegex>, text: Alphabet) {
        let narrow = text.narrow;
        let mut pending: Vec<&LazyRegex> = regexes
            .into_iter()
            .filter(|r| r.slot(narrow).get().is_none())
            .collect();
        pending.sort_unstable_by_key(|r| std::sync::Arc::as_ptr(&r.0));
        pending.dedup_by_key(|r| std::sync::Arc::as_ptr(&r.0));
        let build = |r: &&LazyRegex| {
            r.compiled(narrow);
        };
        if pending.len() > 1 {
            pending.par_iter().for_each(build);
        } else if let Some(r) = pending.first() {
            build(r);
        }
    }

    /// Works out the literals (and prefilter forms) of `regexes` side by side.
    pub fn derive_all<'a>(regexes: impl IntoIterator<Item = &'a LazyRegex>) {
        let all: Vec<&LazyRegex> = regexes.into_iter().collect();
        all.par_iter().for_each(|r| {
            r.derived();
        });
    }

    fn slot(&self, narrow: bool) -> &OnceLock<Regex> {
        if narrow {
            &self.0.narrow
        } else {
            &self.0.compiled
        }
    }

    fn compiled(&self, narrow: bool) -> &Regex {
        self.slot(narrow).get_or_init(|| self.build(narrow))
    }

    /// The automaton to search `haystack` with: the narrow one when every character of
    /// it is in the [`NARROW`] alphabet, on which both find the same matches.
    #[cfg(test)]
    fn regex_for(&self, haystack: &str) -> &Regex {
        self.compiled(is_narrow(haystack))
    }

    fn build(&self, narrow: bool) -> Regex {
        let inner = &self.0;
        let hir = parse(&inner.pattern, inner.case_insensitive)
            .expect("syntax checked at load; size limit generous");
        let hir = if narrow { narrowed(&hir) } else { hir };
        let lazy_dfa = LAZY_DFA.load(Ordering::Relaxed);
        Regex::builder()
            .configure(
                meta::Config::new()
                    .nfa_size_limit(Some(SIZE_LIMIT))
                    .hybrid(lazy_dfa)
                    .hybrid_cache_capacity(if lazy_dfa {
                        dfa_cache_for(&hir)
                    } else {
                        DFA_CACHE
                    })
                    // No backtracker: its cache keeps a bitmap of text x states per
                    // regex and thread (up to 256 KiB, 30 MiB over the rules on a long
                    // run), and building it costs more on a one-file run than it
                    // saves: the groups are read on the match alone, or on one line,
                    // where the PikeVM is quick.
                    .backtrack(false),
            )
            .build_from_hir(&hir)
            .expect("syntax checked at load; size limit generous")
    }

    /// Whether the regex matches somewhere in `haystack`.
    pub fn is_match(&self, haystack: &str) -> bool {
        self.is_match_in(haystack, Alphabet::of(haystack))
    }

    /// [`LazyRegex::is_match`] of a text whose [`Alphabet`] the caller knows.
    pub fn is_match_in(&self, haystack: &str, alphabet: Alphabet) -> bool {
        debug_assert_eq!(alphabet.narrow, is_narrow(haystack));
        if !haystack.is_ascii() && self.gate().is_some_and(|gate| !gate.is_match(haystack)) {
            return false;
        }
        self.compiled(alphabet.narrow).is_match(haystack)
    }

    /// On a long run, for a regex with Unicode word boundaries: the regex without them
    /// (see [`without_word_boundaries`]), which matches wherever it does. The lazy DFA
    /// gives up on a Unicode word boundary in non-ASCII text (a curly quote will do)
    /// and the PikeVM searches the whole text, thousands of instructions a byte for a
    /// whole-line regex with a leading `.*` (a block rule's markers); the gate stays on
    /// the lazy DFA, and only a text it matches goes to the regex itself.
    fn gate(&self) -> Option<&Regex> {
        self.0
            .gate
            .get_or_init(|| {
                if !LAZY_DFA.load(Ordering::Relaxed) {
                    return None;
                }
                let inner = &self.0;
                let hir = parse(&inner.pattern, inner.case_insensitive)
                    .expect("syntax checked at load; size limit generous");
                if !hir.properties().look_set().contains_word_unicode() {
                    return None;
                }
                let gate = without_word_boundaries(&hir);
                let built = Regex::builder()
                    .configure(
                        meta::Config::new()
                            .nfa_size_limit(Some(SIZE_LIMIT))
                            .hybrid_cache_capacity(dfa_cache_for(&gate))
                            .which_captures(regex_automata::nfa::thompson::WhichCaptures::None)
                            .backtrack(false),
                    )
                    .build_from_hir(&gate)
                    .expect("syntax checked at load; size limit generous");
                Some(built)
            })
            .as_ref()
    }

    /// Every non-overlapping match of `haystack`, leftmost first, with its groups.
    pub fn captures_iter<'h>(&self, haystack: &'h str) -> impl Iterator<Item = Captures<'h>> {
        self.captures_iter_in(haystack, Alphabet::of(haystack))
    }

    /// [`LazyRegex::captures_iter`] of a text whose [`Alphabet`] the caller knows: the
    /// pattern checker runs dozens of regexes on each unit of a document.
    pub fn captures_iter_in<'h>(
        &self,
        haystack: &'h str,
        alphabet: Alphabet,
    ) -> impl Iterator<Item = Captures<'h>> {
        debug_assert_eq!(alphabet.narrow, is_narrow(haystack));
        self.compiled(alphabet.narrow)
            .captures_iter(haystack)
            .map(move |caps| Captures { haystack, caps })
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
        match &self.derived().prefilter {
            Some(source) => source.clone(),
            None => {
                let hir = parse(&self.0.pattern, self.0.case_insensitive)
                    .expect("a derived pattern parsed before");
                without_word_boundaries(&hir).to_string()
            }
        }
    }

    /// Lowercase strings one of which every match contains, for an ASCII
    /// case-insensitive prefilter; `None` when the regex has no useful one.
    pub fn required_literals(&self) -> Option<&[Vec<u8>]> {
        self.derived().literals.as_deref()
    }

    /// False when `haystack` holds none of the required literals, so no part of it can
    /// match: a cheap test before running the regex unit by unit.
    pub fn may_match(&self, haystack: &str) -> bool {
        let scan = self.0.literal_scan.get_or_init(|| {
            let literals = self.derived().literals.as_ref()?;
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .build(literals)
                .ok()
        });
        match scan {
            None => true,
            Some(ac) => ac.is_match(haystack) || super::literals::folds_to_ascii(haystack),
        }
    }

    pub fn capture_vars(&self) -> &[String] {
        self.0.vars.get_or_init(|| {
            let ast = regex_syntax::ast::parse::Parser::new()
                .parse(&self.0.pattern)
                .expect("built-in patterns are checked by every test run");
            let names = regex_syntax::ast::visit(&ast, AstCaptures::default())
                .unwrap_or_else(|e: std::convert::Infallible| match e {});
            vars_of(names)
        })
    }
}

/// The literals of a pattern not parsed at load, and its parse when one was needed:
/// the literals read without case folding when they are all ASCII, else those of the
/// full parse.
fn unloaded(pattern: &str, case_insensitive: bool) -> (Option<Vec<Vec<u8>>>, Option<Hir>) {
    match ascii_literals(pattern, case_insensitive) {
        Some(literals) => (Some(literals), None),
        None => {
            let hir = parse(pattern, case_insensitive)
                .expect("built-in patterns are checked by every test run");
            (super::literals::required(&hir), Some(hir))
        }
    }
}

/// [`unloaded`]'s literals, for the table of `literal_cache`.
pub(super) fn unloaded_literals(pattern: &str, case_insensitive: bool) -> Option<Vec<Vec<u8>>> {
    unloaded(pattern, case_insensitive).0
}

/// Whether [`LazyRegex::trusted`] records its patterns (for `literal_cache`'s table).
static RECORDING: AtomicBool = AtomicBool::new(false);
static TRUSTED: Mutex<Vec<(String, bool)>> = Mutex::new(Vec::new());

/// Every pattern [`LazyRegex::trusted`] is given while `f` runs, sorted and deduplicated.
/// Patterns made by other threads of the process meanwhile are recorded too: call it
/// where nothing else builds rules (a test binary of its own).
pub(super) fn trusted_patterns_of(f: impl FnOnce()) -> Vec<(String, bool)> {
    RECORDING.store(true, Ordering::SeqCst);
    f();
    RECORDING.store(false, Ordering::SeqCst);
    let mut all = std::mem::take(&mut *TRUSTED.lock().unwrap_or_else(|e| e.into_inner()));
    all.sort_unstable();
    all.dedup();
    all
}

/// The required literals of a case-insensitive pattern read without case folding, when
/// they are all ASCII: the literal scan is ASCII-case-insensitive (and steps aside for
/// the non-ASCII characters that fold to ASCII letters), so it finds every unit the
/// folded parse's literals would, and translating Unicode classes with case folding is
/// most of the cost of a parse. `None` when a literal has another character, whose case
/// variants only the folded parse spells out, or when the pattern has no literal.
fn ascii_literals(pattern: &str, case_insensitive: bool) -> Option<Vec<Vec<u8>>> {
    if !case_insensitive {
        return None;
    }
    // Without Unicode where the pattern allows it: `\w`, `\s` and `\d` are then small
    // ASCII classes instead of hundreds of ranges. That parse fails on a non-ASCII
    // character or a Unicode class.
    let hir = regex_syntax::ParserBuilder::new()
        .unicode(false)
        .utf8(false)
        .build()
        .parse(pattern)
        .or_else(|_| parse(pattern, false))
        .expect("built-in patterns are checked by every test run");
    super::literals::required(&hir).filter(|lits| lits.iter().all(|l| l.is_ascii()))
}

/// Placeholder names of capture groups in group-index order (`None` for unnamed ones):
/// `1`, `2`, ... and then the names.
fn vars_of(names: Vec<Option<String>>) -> Vec<String> {
    let mut vars: Vec<String> = (1..=names.len()).map(|i| i.to_string()).collect();
    vars.extend(names.into_iter().flatten());
    vars
}

/// Classes with more ranges than this are widened for the prefilter (below).
const MAX_EXACT_RANGES: usize = 8;

/// `hir` rebuilt with each leaf (a class, a literal, a look-around, the empty match)
/// replaced by `leaf`'s result; groups, repetitions and their order are kept.
fn map_leaves(hir: &Hir, leaf: &impl Fn(&Hir) -> Hir) -> Hir {
    match hir.kind() {
        HirKind::Capture(c) => Hir::capture(regex_syntax::hir::Capture {
            index: c.index,
            name: c.name.clone(),
            sub: Box::new(map_leaves(&c.sub, leaf)),
        }),
        HirKind::Concat(hs) => Hir::concat(hs.iter().map(|h| map_leaves(h, leaf)).collect()),
        HirKind::Alternation(hs) => {
            Hir::alternation(hs.iter().map(|h| map_leaves(h, leaf)).collect())
        }
        HirKind::Repetition(r) => Hir::repetition(regex_syntax::hir::Repetition {
            min: r.min,
            max: r.max,
            greedy: r.greedy,
            sub: Box::new(map_leaves(&r.sub, leaf)),
        }),
        HirKind::Empty | HirKind::Literal(_) | HirKind::Class(_) | HirKind::Look(_) => leaf(hir),
    }
}

/// A pattern matching wherever `hir` does, cheaper for a prefilter set: word-boundary
/// assertions become the empty match, and large Unicode classes (`\w`, `\s`, `\W`:
/// hundreds of ranges, thousands of UTF-8 automaton states each) keep their ASCII part
/// and admit every non-ASCII character. Both only widen the matches.
fn without_word_boundaries(hir: &Hir) -> Hir {
    map_leaves(hir, &|leaf| match leaf.kind() {
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
        _ => leaf.clone(),
    })
}

/// The alphabet of nearly all English text: Latin letters with their accents
/// (U+0000-U+024F), general punctuation, currency, letterlike symbols, arrows and other
/// symbols (U+2000-U+2BFF), variation selectors and emoji. A Unicode class such as `\w`
/// or `[^|\s]`, case folded, is hundreds of ranges and thousands of UTF-8 automaton
/// states; cut down to this alphabet it is a few, and the automaton builds several
/// times faster.
const NARROW: [(char, char); 4] = [
    ('\0', '\u{24F}'),
    ('\u{2000}', '\u{2BFF}'),
    ('\u{FE00}', '\u{FE0F}'),
    ('\u{1F000}', '\u{1FAFF}'),
];

/// Whether a text's characters all lie in the [`NARROW`] alphabet, which decides the
/// automaton it is searched with. Worked out once per document, and per unit only
/// when the document's is not narrow: any part of a narrow text is narrow.
#[derive(Debug, Clone, Copy)]
pub struct Alphabet {
    narrow: bool,
}

impl Alphabet {
    pub fn of(text: &str) -> Self {
        Alphabet {
            narrow: is_narrow(text),
        }
    }

    /// The alphabet of `part`, a part of the text this is the alphabet of.
    pub fn of_part(self, part: &str) -> Self {
        if self.narrow { self } else { Self::of(part) }
    }
}

/// Whether every character of `text` is in the [`NARROW`] alphabet.
fn is_narrow(text: &str) -> bool {
    text.is_ascii()
        || text
            .chars()
            .all(|c| NARROW.iter().any(|&(lo, hi)| lo <= c && c <= hi))
}

/// `hir` with every class cut down to the [`NARROW`] alphabet. On a text of that
/// alphabet it finds exactly the matches (and groups) of `hir`: a match only ever
/// consumes characters of the text, and a word boundary looks at characters of the
/// text, so the characters cut away could never have taken part.
fn narrowed(hir: &Hir) -> Hir {
    map_leaves(hir, &|leaf| match leaf.kind() {
        HirKind::Class(Class::Unicode(class)) => {
            let mut class = class.clone();
            class.intersect(&ClassUnicode::new(
                NARROW
                    .iter()
                    .map(|&(lo, hi)| ClassUnicodeRange::new(lo, hi)),
            ));
            Hir::class(Class::Unicode(class))
        }
        _ => leaf.clone(),
    })
}

fn is_word_boundary(look: Look) -> bool {
    !matches!(
        look,
        Look::Start | Look::End | Look::StartLF | Look::EndLF | Look::StartCRLF | Look::EndCRLF
    )
}

/// Capture groups of a syntax tree in group-index order: `None` for unnamed ones.
#[derive(Default)]
struct AstCaptures(Vec<(u32, Option<String>)>);

impl regex_syntax::ast::Visitor for AstCaptures {
    type Output = Vec<Option<String>>;
    type Err = std::convert::Infallible;

    fn finish(mut self) -> Result<Self::Output, Self::Err> {
        self.0.sort_by_key(|(i, _)| *i);
        Ok(self.0.into_iter().map(|(_, n)| n).collect())
    }

    fn visit_pre(&mut self, ast: &regex_syntax::ast::Ast) -> Result<(), Self::Err> {
        use regex_syntax::ast::{Ast, GroupKind};
        if let Ast::Group(g) = ast {
            match &g.kind {
                GroupKind::CaptureIndex(i) => self.0.push((*i, None)),
                GroupKind::CaptureName { name, .. } => {
                    self.0.push((name.index, Some(name.name.clone())))
                }
                GroupKind::NonCapturing(_) => {}
            }
        }
        Ok(())
    }
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
        let names: Vec<Option<&str>> = lazy
            .regex_for("ABCD")
            .group_info()
            .pattern_names(regex_automata::PatternID::ZERO)
            .collect();
        let mut expected: Vec<String> = (1..names.len()).map(|i| i.to_string()).collect();
        expected.extend(names.into_iter().flatten().map(str::to_owned));
        assert_eq!(lazy.capture_vars(), expected);
        assert!(lazy.is_match("ABCD"));
    }

    #[test]
    fn the_same_matches_with_and_without_the_lazy_dfa() {
        let pattern = r"\b(?P<flag>leave a (?:reply|comment))\b|(\d+) comments?";
        let text = "Leave a Reply · 12 comments · caféleave a comment · LEAVE A COMMENT";
        let spans = |short: bool| {
            set_short_run(short);
            let lazy = LazyRegex::new(pattern, true).unwrap();
            let found: Vec<_> = lazy
                .captures_iter(text)
                .map(|c| (c.get(0), c.name("flag"), c.get(2)))
                .collect();
            set_short_run(false);
            found
        };
        let long = spans(false);
        assert_eq!(long.len(), 3);
        assert_eq!(long, spans(true));
    }

    #[test]
    fn a_large_automaton_gets_the_lazy_dfa_cache_it_needs() {
        let cache_for = |p: &str| dfa_cache_for(&parse(p, true).unwrap());
        assert_eq!(cache_for(r"\bread more\b"), DFA_CACHE);
        let large = r"(?m)^[A-Z][^\n.!?]{0,600}?\bpictured\b[^\n.!?]{0,600}\n(?:photo|credit):";
        let capacity = cache_for(large);
        assert!(
            capacity > DFA_CACHE && capacity <= DFA_CACHE_MAX,
            "{capacity}"
        );
        let built = regex_automata::hybrid::dfa::DFA::builder()
            .configure(
                regex_automata::hybrid::dfa::DFA::config()
                    .starts_for_each_pattern(true)
                    .unicode_word_boundary(true)
                    .cache_capacity(DFA_CACHE),
            )
            .build(large);
        assert!(built.is_err(), "the default cache is too small for it");
    }

    /// Every string of the built-in rule files that parses as a pattern.
    fn builtin_patterns() -> Vec<String> {
        fn walk(v: &toml::Value, out: &mut Vec<String>) {
            match v {
                toml::Value::String(s) if parse(s, true).is_ok() => out.push(s.clone()),
                toml::Value::Array(a) => a.iter().for_each(|v| walk(v, out)),
                toml::Value::Table(t) => t.values().for_each(|v| walk(v, out)),
                _ => {}
            }
        }
        let mut out = Vec::new();
        for (_, text) in crate::rules::builtin::RULE_FILES {
            walk(&text.parse::<toml::Table>().unwrap().into(), &mut out);
        }
        out
    }

    /// Every line of the rules' fixtures, which their patterns are written to match.
    fn fixture_lines() -> Vec<String> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/rules");
        let mut lines = Vec::new();
        for rule in std::fs::read_dir(dir).unwrap() {
            for file in std::fs::read_dir(rule.unwrap().path()).unwrap() {
                let text = std::fs::read_to_string(file.unwrap().path()).unwrap_or_default();
                lines.extend(text.lines().map(str::to_owned));
            }
        }
        lines
    }

    #[test]
    fn the_narrow_automaton_finds_every_match_and_group_of_the_full_one() {
        let mut lines: Vec<String> = fixture_lines()
            .into_iter()
            .filter(|l| is_narrow(l))
            .collect();
        lines.extend(
            [
                "Café Société — “quoted” … 5 € 👍",
                "ſtate KELVIN µ 2 × 3",
                "— BY Zoë Ørsted |",
            ]
            .map(str::to_owned),
        );
        assert!(lines.iter().all(|l| is_narrow(l)));
        let (mut compared, mut matched) = (0, 0);
        for p in builtin_patterns() {
            let lazy = LazyRegex::new(&p, true).unwrap();
            let (full, narrow) = (lazy.build(false), lazy.build(true));
            let groups = |re: &Regex, line: &str| -> Vec<Vec<Option<Range<usize>>>> {
                re.captures_iter(line)
                    .map(|c| {
                        (0..c.group_len())
                            .map(|g| c.get_group(g).map(|s| s.range()))
                            .collect()
                    })
                    .collect()
            };
            for line in &lines {
                let found = groups(&full, line);
                matched += usize::from(!found.is_empty());
                assert_eq!(found, groups(&narrow, line), "{p} on {line:?}");
                compared += 1;
            }
        }
        assert!(matched > 500, "only {matched} matching lines of {compared}");
    }

    #[test]
    fn the_gate_keeps_every_match_on_non_ascii_text() {
        let mut lines: Vec<String> = fixture_lines()
            .into_iter()
            .filter(|l| !l.is_ascii())
            .collect();
        lines.extend(
            [
                "Great post, “Dana”! Thanks for sharing.",
                "caféleave a replyé",
                "Hi Zoë, great article — thanks for sharing",
            ]
            .map(str::to_owned),
        );
        let (mut gated, mut matched) = (0, 0);
        for p in builtin_patterns() {
            let lazy = LazyRegex::new(&p, true).unwrap();
            if lazy.gate().is_none() {
                continue;
            }
            gated += 1;
            let full = lazy.build(false);
            for line in &lines {
                let expected = full.is_match(line);
                matched += usize::from(expected);
                assert_eq!(lazy.is_match(line), expected, "{p} on {line:?}");
            }
        }
        assert!(gated > 50, "only {gated} gated patterns");
        assert!(matched > 50, "only {matched} matching lines");
    }

    #[test]
    fn text_outside_the_narrow_alphabet_gets_the_full_automaton() {
        let word = LazyRegex::new(r"^\w+ (\w+)$", true).unwrap();
        assert!(is_narrow("café noir") && !is_narrow("café чёрный"));
        for text in ["café noir", "café чёрный", "Δέλτα 東京"] {
            assert!(word.is_match(text), "{text}");
        }
        let groups: Vec<_> = word
            .captures_iter("кофе чёрный")
            .map(|c| c.get(1))
            .collect();
        assert_eq!(groups, [Some(9..21)]);
    }

    #[test]
    fn literals_read_without_case_folding_find_every_match() {
        let lines = fixture_lines();
        let (mut read, mut matched) = (0, 0);
        for p in builtin_patterns() {
            let Some(literals) = ascii_literals(&p, true) else {
                continue;
            };
            read += 1;
            let scan = AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .build(&literals)
                .unwrap();
            let re = regex::RegexBuilder::new(&p)
                .case_insensitive(true)
                .build()
                .unwrap();
            for line in lines.iter().filter(|l| re.is_match(l)) {
                matched += 1;
                assert!(
                    scan.is_match(line),
                    "{p}: no literal of {literals:?} in {line:?}"
                );
            }
        }
        assert!(read > 200, "only {read} patterns read");
        assert!(matched > 500, "only {matched} matching lines");
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
    fn capture_names_from_the_syntax_tree_match_the_full_parse() {
        for p in [r"(a)(?P<flag>b(c))(?:d)", r"x(?<n>y)?(z|(w))", "plain"] {
            let ast = regex_syntax::ast::parse::Parser::new().parse(p).unwrap();
            let from_ast = regex_syntax::ast::visit(&ast, AstCaptures::default()).unwrap();
            let mut from_hir = Vec::new();
            capture_names(&parse(p, true).unwrap(), &mut from_hir);
            assert_eq!(from_ast, from_hir, "{p}");
        }
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
