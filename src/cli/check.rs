//! `scrapelint check`: read, check, fix and report every input, in path order.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use globset::GlobSet;
use rayon::prelude::*;

use scrapelint::baseline::Entry;
use scrapelint::corpus::CorpusStats;
use scrapelint::fix::{self, FixMode};
use scrapelint::output::{self, EmitOptions, FileReport, Summary};
use scrapelint::rules::{RuleSet, Selection, selector_matches};
use scrapelint::text::{Document, Source};
use scrapelint::{Diagnostic, Severity};

use super::args::{CheckArgs, FailOn};
use super::baseline::Mode as BaselineMode;
use super::config::LoadedConfig;
use super::walk::{self, Input};
use super::{Exit, Stdout, report_error};

/// Files are checked in parallel in chunks of this many, then reported in order: output
/// streams and memory stays bounded however large the corpus.
const CHUNK: usize = 128;
/// Fixes can enable others (a removed line exposes a block edge); stop after this many.
const MAX_FIX_PASSES: usize = 4;

/// Everything a worker needs to check one file.
struct Job<'a> {
    rules: &'a RuleSet,
    corpus: &'a CorpusStats,
    per_file_ignores: Vec<(GlobSet, Vec<String>)>,
    root: &'a Path,
    fix: Option<FixMode>,
    diff: bool,
    stdin_name: String,
    baseline: &'a BaselineMode,
}

/// What checking one input produced.
struct Outcome {
    display: String,
    doc: Option<Document>,
    diagnostics: Vec<Diagnostic>,
    error: Option<String>,
    fixed: usize,
    /// New content, when fixes changed the input.
    new_bytes: Option<Vec<u8>>,
    original: Vec<u8>,
    path: Option<PathBuf>,
    /// The file's baseline key, when a baseline is in use.
    key: Option<String>,
    baselined: usize,
    /// Recorded entries (`--write-baseline`) or stale ones (`--baseline`).
    entries: Vec<Entry>,
}

pub(crate) fn run(
    args: CheckArgs,
    config: LoadedConfig,
    mut rules: RuleSet,
    out: &mut Stdout,
) -> Exit {
    let c = &config.config;
    let mut selection = Selection {
        select: if args.select.is_empty() {
            c.select.clone()
        } else {
            args.select.clone()
        },
        ignore: c.ignore.clone(),
    };
    selection.ignore.extend(args.ignore.iter().cloned());
    if let Err(e) = rules.select(selection) {
        return report_error(&e);
    }
    let format = args.format.or(c.format).unwrap_or_default();
    let fail_on = args.fail_on.or(c.fail_on).unwrap_or(FailOn::Warning);
    let include = c
        .include
        .clone()
        .unwrap_or_else(|| vec!["*.txt".to_owned()]);
    let (include, exclude) = match (
        walk::globset(&include, "include"),
        walk::globset(&c.exclude, "exclude"),
    ) {
        (Ok(i), Ok(e)) => (i, e),
        (Err(e), _) | (_, Err(e)) => return report_error(&e),
    };
    let mut per_file_ignores = Vec::new();
    for (glob, ids) in &c.per_file_ignores {
        match walk::globset(std::slice::from_ref(glob), "per-file-ignores") {
            Ok(set) => per_file_ignores.push((set, ids.clone())),
            Err(e) => return report_error(&e),
        }
    }
    if let Some(n) = args.threads {
        // Only fails if a pool exists already; the default pool is then used.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global();
    }
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let (inputs, walk_errors) = walk::collect(&paths, &include, &exclude, &config.root);
    let mut io_errors = walk_errors.len();
    for e in &walk_errors {
        report_error(e);
    }
    if inputs.iter().filter(|i| **i == Input::Stdin).count() > 1 {
        return report_error("`-` (standard input) given more than once");
    }
    let stdin = match read_stdin_if_needed(&inputs) {
        Ok(s) => s,
        Err(e) => return report_error(&e),
    };

    let baseline = match BaselineMode::new(&args, &config) {
        Ok(b) => b,
        Err(e) => return report_error(&e),
    };
    let corpus = first_pass(&rules, &inputs, &stdin);
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
        stdin_name: args
            .stdin_filename
            .clone()
            .unwrap_or_else(|| "-".to_owned()),
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
    let progress = !args.quiet && std::io::stderr().is_terminal() && inputs.len() > CHUNK;
    let mut done = 0;
    for chunk in inputs.chunks(CHUNK) {
        let outcomes: Vec<Outcome> = chunk.par_iter().map(|i| job.check(i, &stdin)).collect();
        for o in outcomes {
            if let Some(e) = &o.error {
                io_errors += 1;
                summary.unreadable += 1;
                report_error(e);
                continue;
            }
            let Some(doc) = &o.doc else { continue };
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
            let written = if job.diff {
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
            };
            if let Err(e) = written {
                return stdout_failed(&e);
            }
        }
        done += chunk.len();
        if progress {
            eprint_progress(done, inputs.len());
        }
        if let Err(e) = out.flush() {
            return stdout_failed(&e);
        }
    }
    if progress {
        eprint_progress_clear();
    }
    let finish = if job.diff || (args.fix && inputs == [Input::Stdin]) {
        Ok(())
    } else {
        emitter.finish(out, &summary)
    };
    if let Err(e) = finish.and_then(|()| out.flush()) {
        return stdout_failed(&e);
    }
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

/// A closed pipe (`scrapelint check | head`) is not an error worth a message.
fn stdout_failed(e: &std::io::Error) -> Exit {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        return Exit::Clean;
    }
    report_error(&format!("cannot write output: {e}"))
}

#[allow(clippy::print_stderr)]
fn eprint_progress(done: usize, total: usize) {
    eprint!("\rscrapelint: checked {done}/{total} files");
}

#[allow(clippy::print_stderr)]
fn eprint_progress_clear() {
    eprint!("\r\x1b[2K");
}

fn read_stdin_if_needed(inputs: &[Input]) -> Result<Vec<u8>, String> {
    let mut buf = Vec::new();
    if inputs.contains(&Input::Stdin) {
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
    }
    Ok(buf)
}

/// Gathers corpus statistics when a rule needs them and there is more than one file.
fn first_pass(rules: &RuleSet, inputs: &[Input], stdin: &[u8]) -> CorpusStats {
    let needs = rules.corpus_needs();
    if !needs.any() || inputs.len() < 2 {
        return CorpusStats::default();
    }
    inputs
        .par_iter()
        .filter_map(|i| read_input(i, stdin).ok())
        .fold(CorpusStats::default, |mut stats, bytes| {
            stats.observe(&Document::new(Source::decode(&bytes)), needs);
            stats
        })
        .reduce(CorpusStats::default, CorpusStats::merge)
}

/// Reads an input, refusing binary files with a reason.
fn read_input(input: &Input, stdin: &[u8]) -> Result<Vec<u8>, String> {
    let (bytes, name) = match input {
        Input::Stdin => (stdin.to_vec(), "-".to_owned()),
        Input::File(p) => (
            std::fs::read(p).map_err(|e| format!("{}: cannot read: {e}", p.display()))?,
            p.display().to_string(),
        ),
    };
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(format!(
            "{name}: looks like UTF-16 text; convert it to UTF-8 (skipped)"
        ));
    }
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(format!(
            "{name}: binary file (NUL byte at offset {at}); skipped"
        ));
    }
    Ok(bytes)
}

impl Job<'_> {
    fn check(&self, input: &Input, stdin: &[u8]) -> Outcome {
        let (display, path) = match input {
            Input::Stdin => (self.stdin_name.clone(), None),
            Input::File(p) => (display_path(p), Some(p.clone())),
        };
        let mut outcome = Outcome {
            display,
            doc: None,
            diagnostics: Vec::new(),
            error: None,
            fixed: 0,
            new_bytes: None,
            original: Vec::new(),
            key: None,
            baselined: 0,
            entries: Vec::new(),
            path,
        };
        outcome.key = self.baseline.key(outcome.path.as_deref(), &outcome.display);
        let key = outcome.key.as_deref();
        let original = match read_input(input, stdin) {
            Ok(b) => b,
            Err(e) => {
                outcome.error = Some(e);
                return outcome;
            }
        };
        let mut bytes = original.clone();
        let mut passes = 0;
        let (doc, mut split) = loop {
            let doc = Document::new(Source::decode(&bytes));
            // Baselined findings are not fixed (as ruff leaves `# noqa` lines alone).
            let split = self
                .baseline
                .split(key, &doc, self.diagnostics(&outcome.display, &doc));
            let fixed = match self.fix {
                Some(mode) if passes < MAX_FIX_PASSES => fix::apply(&doc, &bytes, &split.new, mode),
                _ => None,
            };
            match fixed {
                Some(f) => {
                    outcome.fixed += f.applied;
                    passes += 1;
                    bytes = f.bytes;
                }
                None => break (doc, split),
            }
        };
        let recorded = self.baseline.record(key, &doc, &mut split);
        if bytes != original {
            outcome.new_bytes = Some(bytes);
        }
        outcome.original = original;
        outcome.doc = Some(doc);
        outcome.baselined = split.baselined.len();
        // Record mode has no stale entries; filter mode records nothing.
        outcome.entries = if recorded.is_empty() {
            split.stale
        } else {
            recorded
        };
        outcome.diagnostics = split.new;
        outcome
    }

    fn diagnostics(&self, display: &str, doc: &Document) -> Vec<Diagnostic> {
        let mut diags = scrapelint::check(self.rules, doc, self.corpus);
        let path = Path::new(display);
        for (set, ids) in &self.per_file_ignores {
            if walk::matches(set, path, self.root) {
                diags.retain(|d| !ids.iter().any(|id| selector_matches(id, &d.rule)));
            }
        }
        diags
    }
}

/// Paths as the user typed them, without a leading `./`.
fn display_path(p: &Path) -> String {
    let s = p.display().to_string();
    s.strip_prefix("./").map(str::to_owned).unwrap_or(s)
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
