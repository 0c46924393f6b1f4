//! `scrapelint check`: read, check, fix and report every input, in input order.

use std::io::Write;
use std::path::{Path, PathBuf};

use globset::GlobSet;

use scrapelint::baseline::Entry;
use scrapelint::corpus::{CorpusStats, Observation, StatsCapacity};
use scrapelint::fix::{self, FixMode};
use scrapelint::output::{self, EmitOptions, FileReport, Format, Summary};
use scrapelint::rules::{RuleSet, selector_matches};
use scrapelint::text::{Document, Source};
use scrapelint::{Diagnostic, Severity};

use super::args::{CheckArgs, CorpusArgs, FailOn, SelectionArgs};
use super::baseline::Mode as BaselineMode;
use super::config::LoadedConfig;
use super::progress::{self, Progress};
use super::records::Fields;
use super::units::{InputKind, Spec, Unit, Units};
use super::walk;
use super::{Exit, Stdout, report_error};

/// Input up to this size is a short run: see [`scrapelint::rules::set_short_run`].
const SHORT_RUN_BYTES: u64 = 1 << 20;

/// Everything a worker needs to check one unit.
pub(crate) struct Job<'a> {
    rules: &'a RuleSet,
    corpus: &'a CorpusStats,
    per_file_ignores: Vec<(GlobSet, Vec<String>)>,
    root: &'a Path,
    fix: Option<FixMode>,
    diff: bool,
    baseline: &'a BaselineMode,
}

/// What checking one unit produced.
pub(crate) struct Outcome {
    pub(crate) display: String,
    pub(crate) doc: Option<Document>,
    pub(crate) diagnostics: Vec<Diagnostic>,
    pub(crate) error: Option<String>,
    fixed: usize,
    /// New content, when fixes changed the input.
    new_bytes: Option<Vec<u8>>,
    original: Vec<u8>,
    path: Option<PathBuf>,
    /// The unit's baseline key, when a baseline is in use.
    key: Option<String>,
    baselined: usize,
    /// Recorded entries (`--write-baseline`) or stale ones (`--baseline`).
    entries: Vec<Entry>,
}

impl Outcome {
    fn failed(error: String) -> Self {
        Outcome {
            display: String::new(),
            doc: None,
            diagnostics: Vec::new(),
            error: Some(error),
            fixed: 0,
            new_bytes: None,
            original: Vec::new(),
            path: None,
            key: None,
            baselined: 0,
            entries: Vec::new(),
        }
    }
}

pub(crate) fn run(
    args: CheckArgs,
    config: LoadedConfig,
    mut rules: RuleSet,
    out: &mut Stdout,
) -> Exit {
    let c = &config.config;
    let format = args.format.or(c.format).unwrap_or_default();
    let fail_on = args.fail_on.or(c.fail_on).unwrap_or(FailOn::Warning);
    if args.fix && args.corpus.input == InputKind::Jsonl {
        return report_error(
            "--fix does not rewrite JSONL files; use `scrapelint clean --input jsonl IN -o OUT`",
        );
    }
    let baseline = match BaselineMode::new(&args, &config) {
        Ok(b) => b,
        Err(e) => return report_error(&e),
    };
    let Plan {
        units,
        walk_errors,
        per_file_ignores,
    } = match plan(
        &args.paths,
        &args.selection,
        &args.corpus,
        args.stdin_filename.as_deref(),
        &config,
        &mut rules,
    ) {
        Ok(p) => p,
        Err(exit) => return exit,
    };
    let mut io_errors = walk_errors.len();
    let machine = !matches!(format, Format::Human | Format::Short) || args.diff;
    let progress = Progress::new(
        progress::wanted(args.quiet, machine) && units.known_len().is_none_or(|n| n > 1),
        units.total_bytes,
        units.unit_name(),
    );
    let corpus = first_pass(
        &rules,
        &units,
        corpus_capacity(&args.corpus, &config),
        &progress,
        args.quiet,
    );
    // A few kilobytes in all: regexes skip the lazy DFA, whose build costs more than
    // the search it speeds up.
    scrapelint::rules::set_short_run(
        units.kind() == InputKind::Text && units.total_bytes <= SHORT_RUN_BYTES,
    );
    // Fewer documents than threads: let the checkers of each share the threads.
    rules.set_parallel_checkers(
        units
            .known_len()
            .is_some_and(|n| n < rayon::current_num_threads()),
    );
    let job = Job {
        rules: &rules,
        corpus: &corpus,
        per_file_ignores,
        root: &config.root,
        fix: (args.fix || args.diff).then_some(if args.unsafe_fixes {
            FixMode::SafeAndUnsafe
        } else {
            FixMode::Safe
        }),
        diff: args.diff,
        baseline: &baseline,
    };
    let mut entries = Vec::new();
    let mut checked = std::collections::BTreeSet::new();
    let options = EmitOptions {
        statistics: args.statistics,
        quiet: args.quiet,
    };
    let run_rules: Vec<_> = rules.enabled().cloned().collect();
    let mut emitter = output::emitter(format, options, &run_rules);
    let mut summary = Summary {
        // Paths that do not exist or cannot be listed count as unread files.
        unreadable: walk_errors.len(),
        ..Summary::default()
    };
    progress.phase("checking");
    let mut write = |o: Outcome| -> Result<(), std::io::Error> {
        if let Some(e) = &o.error {
            io_errors += 1;
            summary.unreadable += 1;
            progress.suspend(|| report_error(e));
            return Ok(());
        }
        let Some(doc) = &o.doc else { return Ok(()) };
        let report = FileReport {
            path: &o.display,
            doc,
            diagnostics: &o.diagnostics,
        };
        summary.add(&report);
        summary.fixed += o.fixed;
        summary.baselined += o.baselined;
        entries.extend(o.entries.iter().cloned());
        checked.extend(o.key.clone());
        progress.suspend(|| {
            if job.diff {
                write_diff(out, &o)
            } else if args.fix && o.path.is_none() {
                // Fixing stdin: the fixed text is the output.
                out.write_all(o.new_bytes.as_deref().unwrap_or(&o.original))
            } else {
                match write_fix(&o) {
                    Ok(()) => emitter.file(out, &report),
                    Err(e) => {
                        io_errors += 1;
                        report_error(&e);
                        Ok(())
                    }
                }
            }?;
            out.flush()
        })
    };
    let done = units.for_each(&progress, |u| job.check(&units, u), &mut write);
    progress.finish();
    if let Err(e) = done {
        return stdout_failed(&e);
    }
    let finish = if job.diff || (args.fix && units.only_stdin()) {
        Ok(())
    } else {
        emitter.finish(out, &summary)
    };
    if let Err(e) = finish.and_then(|()| out.flush()) {
        return stdout_failed(&e);
    }
    // The process ends next: leave the rule set's tables and the corpus statistics
    // (tens of MB in many small allocations) to the OS instead of freeing them one by
    // one, which costs a one-file check a tenth of its time.
    std::mem::forget(rules);
    std::mem::forget(corpus);
    if let Err(e) = baseline.finish(entries, &checked, args.quiet) {
        return report_error(&e);
    }
    if io_errors > 0 {
        return Exit::Error;
    }
    let threshold = match fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Info => Some(Severity::Info),
        FailOn::Never => None,
    };
    match (threshold, summary.max_severity()) {
        (Some(t), Some(max)) if max >= t => Exit::Findings,
        _ => Exit::Clean,
    }
}

/// The units of a run and what checking them needs; shared by `check` and `report`.
pub(crate) struct Plan {
    pub(crate) units: Units,
    /// Paths that do not exist or cannot be listed (already reported on stderr).
    pub(crate) walk_errors: Vec<String>,
    pub(crate) per_file_ignores: Vec<(GlobSet, Vec<String>)>,
}

/// Applies the rule selection (flags over config) and collects
/// the units of `paths` (default `.`): files walked with the config's include/exclude,
/// or JSONL records. Errors are reported on stderr.
pub(crate) fn plan(
    paths: &[PathBuf],
    selected: &SelectionArgs,
    corpus: &CorpusArgs,
    stdin_filename: Option<&str>,
    config: &LoadedConfig,
    rules: &mut RuleSet,
) -> Result<Plan, Exit> {
    let c = &config.config;
    rules
        .select(c.selection(&selected.select, &selected.ignore))
        .map_err(|e| report_error(&e))?;
    let (include, exclude) = c.globs().map_err(|e| report_error(&e))?;
    let mut per_file_ignores = Vec::new();
    for (glob, ids) in &c.per_file_ignores {
        let set = walk::globset(std::slice::from_ref(glob), "per-file-ignores")
            .map_err(|e| report_error(&e))?;
        per_file_ignores.push((set, ids.clone()));
    }
    let paths = if paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        paths.to_vec()
    };
    let spec = Spec {
        kind: corpus.input,
        paths: &paths,
        include: &include,
        exclude: &exclude,
        root: &config.root,
        fields: Fields {
            text: corpus.text_field.clone(),
            id: corpus.id_field.clone(),
        },
        stdin_name: stdin_filename.unwrap_or("-").to_owned(),
    };
    let (units, walk_errors) = Units::collect(spec).map_err(|e| report_error(&e))?;
    for e in &walk_errors {
        report_error(e);
    }
    Ok(Plan {
        units,
        walk_errors,
        per_file_ignores,
    })
}

/// The memory the cross-file statistics may take: the flag, else the config's key.
pub(crate) fn corpus_capacity(corpus: &CorpusArgs, config: &LoadedConfig) -> StatsCapacity {
    config.config.capacity(corpus.corpus_memory)
}

#[allow(clippy::print_stderr)]
fn note(message: &str) {
    eprintln!("scrapelint: note: {message}");
}

/// A closed pipe (`scrapelint check | head`) is not an error worth a message.
fn stdout_failed(e: &std::io::Error) -> Exit {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        return Exit::Clean;
    }
    report_error(&format!("cannot write output: {e}"))
}

impl<'a> Job<'a> {
    /// A job that only checks: no fixes, no diff, no baseline.
    pub(crate) fn check_only(
        rules: &'a RuleSet,
        corpus: &'a CorpusStats,
        per_file_ignores: Vec<(GlobSet, Vec<String>)>,
        root: &'a Path,
    ) -> Self {
        Job {
            rules,
            corpus,
            per_file_ignores,
            root,
            fix: None,
            diff: false,
            baseline: &BaselineMode::Off,
        }
    }

    pub(crate) fn check(&self, units: &Units, unit: Result<Unit, String>) -> Outcome {
        let loaded = match unit.and_then(|u| units.load(&u)) {
            Ok(l) => l,
            Err(e) => return Outcome::failed(e),
        };
        let key = self.baseline.key(loaded.path.as_deref(), &loaded.display);
        // Baselined findings are not fixed (as ruff leaves `# noqa` lines alone): the
        // fixer only sees the new ones, and the last pass's split is kept.
        let last = std::sync::Mutex::new(None);
        let done = fix::converge(&loaded.bytes, self.fix, |doc| {
            let split =
                self.baseline
                    .split(key.as_deref(), doc, self.diagnostics(&loaded.display, doc));
            let new = split.new.clone();
            *last.lock().unwrap_or_else(|e| e.into_inner()) = Some(split);
            new
        });
        let mut split = last
            .into_inner()
            .unwrap_or_else(|e| e.into_inner())
            .unwrap_or_default();
        let recorded = self.baseline.record(key.as_deref(), &done.doc, &mut split);
        Outcome {
            new_bytes: (done.bytes != loaded.bytes).then_some(done.bytes),
            display: loaded.display,
            doc: Some(done.doc),
            diagnostics: split.new,
            error: None,
            fixed: done.applied,
            original: loaded.bytes,
            path: loaded.path,
            key,
            baselined: split.baselined.len(),
            // Record mode has no stale entries; filter mode records nothing.
            entries: if recorded.is_empty() {
                split.stale
            } else {
                recorded
            },
        }
    }

    fn diagnostics(&self, display: &str, doc: &Document) -> Vec<Diagnostic> {
        let mut diags = scrapelint::check_named(self.rules, doc, self.corpus, Some(display));
        let path = Path::new(display);
        for (set, ids) in &self.per_file_ignores {
            if walk::matches(set, path, self.root) {
                diags.retain(|d| !ids.iter().any(|id| selector_matches(id, &d.rule)));
            }
        }
        diags
    }
}

fn write_fix(o: &Outcome) -> Result<(), String> {
    match (&o.path, &o.new_bytes) {
        (Some(path), Some(bytes)) => fix::write_atomically(path, bytes)
            .map_err(|e| format!("{}: cannot write fixes: {e}", path.display())),
        _ => Ok(()),
    }
}

fn write_diff(out: &mut Stdout, o: &Outcome) -> std::io::Result<()> {
    let Some(new) = &o.new_bytes else {
        return Ok(());
    };
    let old = String::from_utf8_lossy(&o.original);
    let new = String::from_utf8_lossy(new);
    let diff = similar::TextDiff::from_lines(old.as_ref(), new.as_ref());
    write!(
        out,
        "{}",
        diff.unified_diff()
            .context_radius(2)
            .header(&format!("a/{}", o.display), &format!("b/{}", o.display))
    )
}

/// Gathers the corpus statistics the rules ask for, streaming the inputs once; a run
/// of fewer than two documents has none (each document is its own corpus).
pub(crate) fn first_pass(
    rules: &RuleSet,
    units: &Units,
    capacity: StatsCapacity,
    progress: &Progress,
    quiet: bool,
) -> CorpusStats {
    let needs = rules.corpus_needs();
    if !needs.any() || units.known_len().is_some_and(|n| n < 2) {
        return CorpusStats::default();
    }
    progress.phase("statistics");
    let mut stats = CorpusStats::with_capacity(capacity);
    let observe = |u: Result<Unit, String>| {
        let loaded = u.and_then(|u| units.load(&u)).ok()?;
        let doc = Document::new(Source::decode(&loaded.bytes));
        Some((loaded.display, Observation::of(&doc, needs)))
    };
    let _ = units.for_each(progress, observe, |o| {
        if let Some((id, observation)) = o {
            stats.add(observation, &id);
        }
        Ok::<(), ()>(())
    });
    units.counter.reset();
    let (lines, terms, names) = stats.evicted();
    if lines + terms + names > 0 && !quiet {
        progress.suspend(|| {
            note(&format!(
                "the corpus statistics outgrew --corpus-memory {} MB ({lines} lines, {terms} \
                 words, {names} name forms left out); rare counts may be low (docs/corpus.md)",
                capacity.mb
            ))
        });
    }
    // Text runs decide by the number of files (as before); a JSONL run by its records.
    if units.known_len().is_none() && stats.documents() < 2 {
        return CorpusStats::default();
    }
    stats
}
