//! `scrapelint clean`: write the corpus back with its fixes applied, a `scrapelint`
//! summary per record, and the records `--drop-if` matches set aside.
//!
//! Outputs are written to a temporary file beside the destination and renamed into
//! place when complete, so a failed run leaves no half-written corpus; inputs are
//! never written.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use indexmap::IndexMap;
use serde::Serialize;
use serde_json::value::RawValue;

use scrapelint::api::{Cleaned, clean_bytes};
use scrapelint::corpus::CorpusStats;
use scrapelint::filter::Expr;
use scrapelint::rules::RuleSet;
use scrapelint::summary::RecordSummary;

use super::args::CleanArgs;
use super::check::first_pass;
use super::config::LoadedConfig;
use super::progress::{self, Progress};
use super::records::Fields;
use super::units::{InputKind, Loaded, Spec, Unit, Units};
use super::{Exit, report_error};

/// The `scrapelint` field of an output record.
#[derive(Serialize)]
struct Annotation<'a> {
    #[serde(flatten)]
    summary: &'a RecordSummary,
    /// Why the record was dropped (rejects only).
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<&'a str>,
}

/// What cleaning one unit produced.
struct Outcome {
    loaded: Loaded,
    bytes: Vec<u8>,
    cleaned: Cleaned,
    dropped: Option<String>,
}

/// Counts for the closing line.
#[derive(Default)]
struct Tally {
    kept: usize,
    dropped: usize,
    fixes: usize,
    errors: usize,
}

impl Tally {
    /// The outcome, or `None` after reporting and counting its error.
    fn take(&mut self, outcome: Result<Outcome, String>, progress: &Progress) -> Option<Outcome> {
        outcome
            .map_err(|e| {
                self.errors += 1;
                progress.suspend(|| report_error(&e));
            })
            .ok()
    }
}

pub(crate) fn run(args: CleanArgs, config: LoadedConfig, mut rules: RuleSet) -> Exit {
    let c = &config.config;
    let selection = c.selection(&args.select, &args.ignore);
    if let Err(e) = rules.select(selection) {
        return report_error(&e);
    }
    let drop_if = match args.drop_if.as_deref().map(Expr::parse).transpose() {
        Ok(e) => e,
        Err(e) => return report_error(&e.to_string()),
    };
    let (include, exclude) = match c.globs() {
        Ok(x) => x,
        Err(e) => return report_error(&e),
    };
    let spec = Spec {
        kind: args.corpus.input,
        paths: &args.paths,
        include: &include,
        exclude: &exclude,
        root: &config.root,
        fields: Fields {
            text: args.corpus.text_field.clone(),
            id: args.corpus.id_field.clone(),
        },
        stdin_name: "-".into(),
    };
    let (units, walk_errors) = match Units::collect(spec) {
        Ok(x) => x,
        Err(e) => return report_error(&e),
    };
    for e in &walk_errors {
        report_error(e);
    }
    let to_stdout = args.output.as_os_str() == "-";
    let unit_name = match units.kind() {
        InputKind::Text => "files",
        InputKind::Jsonl => "records",
    };
    let progress = Progress::new(
        progress::wanted(args.quiet, to_stdout),
        units.total_bytes,
        unit_name,
    );
    let capacity = c.capacity(args.corpus.corpus_memory);
    let stats = first_pass(&rules, &units, capacity, &progress, args.quiet);
    progress.phase("cleaning");
    let job = Job {
        rules: &rules,
        stats: &stats,
        units: &units,
        unsafe_fixes: args.unsafe_fixes,
        drop_if: drop_if.as_ref(),
    };
    let result = match units.kind() {
        InputKind::Jsonl => clean_jsonl(&job, &args, &progress),
        InputKind::Text => clean_texts(&job, &args, &progress),
    };
    progress.finish();
    match result {
        Ok(mut tally) => {
            tally.errors += walk_errors.len();
            if !args.quiet {
                eprint_tally(&tally, unit_name);
            }
            if tally.errors > 0 {
                Exit::Error
            } else {
                Exit::Clean
            }
        }
        Err(e) => report_error(&e),
    }
}

#[allow(clippy::print_stderr)]
fn eprint_tally(t: &Tally, unit: &str) {
    eprintln!(
        "scrapelint: {} {unit} written, {} dropped, {} fixes applied, {} unreadable",
        t.kept, t.dropped, t.fixes, t.errors
    );
}

struct Job<'a> {
    rules: &'a RuleSet,
    stats: &'a CorpusStats,
    units: &'a Units,
    unsafe_fixes: bool,
    drop_if: Option<&'a Expr>,
}

impl Job<'_> {
    fn clean(&self, unit: Result<Unit, String>) -> Result<Outcome, String> {
        let loaded = self.units.load(&unit?)?;
        let (bytes, cleaned) =
            clean_bytes(self.rules, self.stats, &loaded.bytes, self.unsafe_fixes);
        let dropped = self.drop_if.and_then(|e| e.matches(&cleaned.record));
        Ok(Outcome {
            loaded,
            bytes,
            cleaned,
            dropped,
        })
    }
}

/// A file being written: a temporary file beside `dest`, renamed over it by `commit`;
/// or standard output.
struct Output {
    dest: Option<PathBuf>,
    tmp: Option<tempfile::NamedTempFile>,
    writer: Box<dyn Write>,
}

/// Compressing writers finish their stream when dropped through this.
struct Finishing<W: Write>(Option<W>, fn(W) -> std::io::Result<()>);

impl<W: Write> Write for Finishing<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.as_mut().map_or(Ok(0), |w| w.write(buf))
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self.0.take() {
            Some(w) => (self.1)(w),
            None => Ok(()),
        }
    }
}

impl Output {
    /// Opens `dest` for writing (`-` is stdout), compressing for `.gz` and `.zst`.
    fn create(dest: &Path) -> Result<Output, String> {
        if dest.as_os_str() == "-" {
            return Ok(Output {
                dest: None,
                tmp: None,
                writer: Box::new(BufWriter::new(std::io::stdout().lock())),
            });
        }
        let dir = match dest.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        let tmp = tempfile::Builder::new()
            .prefix(".scrapelint-")
            .suffix(".tmp")
            .tempfile_in(dir)
            .map_err(|e| format!("{}: cannot create: {e}", dest.display()))?;
        let file = BufWriter::new(
            tmp.reopen()
                .map_err(|e| format!("{}: cannot create: {e}", dest.display()))?,
        );
        let name = dest.to_string_lossy();
        let writer: Box<dyn Write> = if name.ends_with(".gz") {
            let enc = flate2::write::GzEncoder::new(file, flate2::Compression::default());
            Box::new(Finishing(Some(enc), |e| e.finish()?.flush()))
        } else if name.ends_with(".zst") {
            let enc = zstd::stream::write::Encoder::new(file, 3)
                .map_err(|e| format!("{}: cannot start zstd: {e}", dest.display()))?;
            Box::new(Finishing(Some(enc), |e| e.finish()?.flush()))
        } else {
            Box::new(file)
        };
        Ok(Output {
            dest: Some(dest.to_owned()),
            tmp: Some(tmp),
            writer,
        })
    }

    fn write_record(&mut self, record: &IndexMap<String, Box<RawValue>>) -> Result<(), String> {
        serde_json::to_writer(&mut self.writer, record)
            .map_err(|e| e.to_string())
            .and_then(|()| self.writer.write_all(b"\n").map_err(|e| e.to_string()))
            .map_err(|e| format!("{}: cannot write: {e}", self.name()))
    }

    fn name(&self) -> String {
        self.dest
            .as_ref()
            .map_or_else(|| "standard output".into(), |d| d.display().to_string())
    }

    /// Flushes and renames the temporary file into place.
    fn commit(mut self) -> Result<(), String> {
        let name = self.name();
        self.writer
            .flush()
            .map_err(|e| format!("{name}: cannot write: {e}"))?;
        drop(self.writer);
        if let (Some(tmp), Some(dest)) = (self.tmp, &self.dest) {
            tmp.as_file()
                .sync_all()
                .map_err(|e| format!("{name}: cannot write: {e}"))?;
            tmp.persist(dest)
                .map_err(|e| format!("{name}: cannot write: {}", e.error))?;
        }
        Ok(())
    }
}

/// Rebuilds a record with the cleaned text and its annotation, other fields untouched.
fn annotated(
    record: &IndexMap<String, Box<RawValue>>,
    text_field: &str,
    text: &str,
    annotation: &Annotation<'_>,
) -> Result<IndexMap<String, Box<RawValue>>, String> {
    let raw = |v: String| RawValue::from_string(v).map_err(|e| e.to_string());
    let mut out = record.clone();
    let text = serde_json::to_string(text).map_err(|e| e.to_string())?;
    out.insert(text_field.to_owned(), raw(text)?);
    let note = serde_json::to_string(annotation).map_err(|e| e.to_string())?;
    out.insert("scrapelint".to_owned(), raw(note)?);
    Ok(out)
}

fn clean_jsonl(job: &Job<'_>, args: &CleanArgs, progress: &Progress) -> Result<Tally, String> {
    let mut output = Output::create(&args.output)?;
    let mut rejects = args.rejects.as_deref().map(Output::create).transpose()?;
    let mut tally = Tally::default();
    let text_field = &args.corpus.text_field;
    job.units.for_each(
        progress,
        |u| job.clean(u),
        |outcome| {
            let Some(o) = tally.take(outcome, progress) else {
                return Ok(());
            };
            let Some(record) = o.loaded.record.as_ref().map(|r| &r.fields) else {
                return Ok(());
            };
            let annotation = Annotation {
                summary: &o.cleaned.record,
                reason: o.dropped.as_deref(),
            };
            if o.dropped.is_some() {
                tally.dropped += 1;
                // Rejects keep the text as it came, for review.
                let text = String::from_utf8_lossy(&o.loaded.bytes);
                if let Some(r) = rejects.as_mut() {
                    r.write_record(&annotated(record, text_field, &text, &annotation)?)?;
                }
                return Ok(());
            }
            tally.kept += 1;
            tally.fixes += o.cleaned.fixed.len();
            output.write_record(&annotated(
                record,
                text_field,
                &o.cleaned.text,
                &annotation,
            )?)
        },
    )?;
    output.commit()?;
    if let Some(r) = rejects {
        r.commit()?;
    }
    Ok(tally)
}

/// Where a text file goes under an output directory: its path below the directory
/// argument it was found under, or its file name.
fn relative(path: &Path, roots: &[PathBuf]) -> PathBuf {
    roots
        .iter()
        .filter(|r| r.is_dir())
        .find_map(|r| path.strip_prefix(r).ok())
        .map(Path::to_owned)
        .or_else(|| path.file_name().map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from("stdin.txt"))
}

fn write_copy(dir: &Path, rel: &Path, source: Option<&Path>, bytes: &[u8]) -> Result<(), String> {
    let dest = dir.join(rel);
    if let (Some(src), Ok(existing)) = (source, std::fs::canonicalize(&dest)) {
        if std::fs::canonicalize(src).is_ok_and(|s| s == existing) {
            return Err(format!(
                "{}: the output would overwrite the input; choose another -o directory",
                dest.display()
            ));
        }
    }
    let parent = dest.parent().unwrap_or(dir);
    std::fs::create_dir_all(parent)
        .map_err(|e| format!("{}: cannot create: {e}", parent.display()))?;
    let mut out = Output::create(&dest)?;
    out.writer
        .write_all(bytes)
        .map_err(|e| format!("{}: cannot write: {e}", dest.display()))?;
    out.commit()
}

fn clean_texts(job: &Job<'_>, args: &CleanArgs, progress: &Progress) -> Result<Tally, String> {
    let to_stdout = args.output.as_os_str() == "-";
    if to_stdout && !job.units.only_stdin() {
        return Err(
            "-o - (standard output) is for one input read from standard input; \
             give a directory for text files"
                .into(),
        );
    }
    let mut tally = Tally::default();
    job.units.for_each(
        progress,
        |u| job.clean(u),
        |outcome| {
            let Some(o) = tally.take(outcome, progress) else {
                return Ok(());
            };
            let path = o.loaded.path.as_deref();
            let rel = path.map_or_else(|| PathBuf::from("stdin.txt"), |p| relative(p, &args.paths));
            if o.dropped.is_some() {
                tally.dropped += 1;
                if let Some(dir) = &args.rejects {
                    write_copy(dir, &rel, path, &o.loaded.bytes)?;
                }
                return Ok(());
            }
            tally.kept += 1;
            tally.fixes += o.cleaned.fixed.len();
            if to_stdout {
                let mut out = std::io::stdout().lock();
                return out
                    .write_all(&o.bytes)
                    .and_then(|()| out.flush())
                    .map_err(|e| format!("cannot write output: {e}"));
            }
            write_copy(&args.output, &rel, path, &o.bytes)
        },
    )?;
    Ok(tally)
}
