//! What a run reads, as one stream: text files (or stdin) or the records of JSONL
//! files, handed to workers in bounded parallel chunks and consumed in input order.

use std::io::Read;
use std::path::PathBuf;

use clap::ValueEnum;
use globset::GlobSet;
use rayon::prelude::*;

use super::progress::Progress;
use super::records::{self, Fields, Lines, RawRecord, ReadCounter, Record};
use super::walk::{self, Input};

/// Units are worked on in parallel in chunks of this many, then consumed in order:
/// output streams and memory stays bounded however large the corpus.
pub(crate) const CHUNK: usize = 128;

/// How to read the inputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub(crate) enum InputKind {
    /// Each file is one article.
    #[default]
    Text,
    /// Each line of each file is one JSON record holding an article (plain, .gz, .zst).
    Jsonl,
}

/// One thing to check: a text file (or stdin), or one record.
#[derive(Debug)]
pub(crate) enum Unit {
    Text(Input),
    Record(RawRecord),
}

/// A unit's content, ready to check.
#[derive(Debug)]
pub(crate) struct Loaded {
    /// The name to report: a path as typed, or a record's id.
    pub(crate) display: String,
    /// The file to write fixes to (text files only).
    pub(crate) path: Option<PathBuf>,
    pub(crate) bytes: Vec<u8>,
    /// The record's other fields (records only); its text field is in `bytes`.
    pub(crate) record: Option<Record>,
}

/// The inputs of a run.
#[derive(Debug)]
pub(crate) struct Units {
    kind: InputKind,
    texts: Vec<Input>,
    jsonl: Vec<(PathBuf, String)>,
    stdin: Vec<u8>,
    /// Standard input copied to a file, so JSONL can be read twice (statistics, check).
    _spool: Option<tempfile::NamedTempFile>,
    fields: Fields,
    stdin_name: String,
    /// Bytes of input read so far, for progress.
    pub(crate) counter: ReadCounter,
    /// Bytes of input in all (0 for stdin).
    pub(crate) total_bytes: u64,
}

/// Where and how to find the inputs.
#[derive(Debug)]
pub(crate) struct Spec<'a> {
    pub(crate) kind: InputKind,
    pub(crate) paths: &'a [PathBuf],
    pub(crate) include: &'a GlobSet,
    pub(crate) exclude: &'a GlobSet,
    pub(crate) root: &'a std::path::Path,
    pub(crate) fields: Fields,
    pub(crate) stdin_name: String,
}

impl Units {
    /// Walks the paths; returns the units and an error per path that could not be read.
    pub(crate) fn collect(spec: Spec<'_>) -> Result<(Units, Vec<String>), String> {
        let jsonl_globs;
        let include = match spec.kind {
            InputKind::Text => spec.include,
            InputKind::Jsonl => {
                let globs: Vec<String> =
                    records::JSONL_GLOBS.iter().map(|g| g.to_string()).collect();
                jsonl_globs = walk::globset(&globs, "include")?;
                &jsonl_globs
            }
        };
        let (inputs, errors) = walk::collect(spec.paths, include, spec.exclude, spec.root);
        if inputs.iter().filter(|i| **i == Input::Stdin).count() > 1 {
            return Err("`-` (standard input) given more than once".into());
        }
        let total_bytes = inputs
            .iter()
            .map(|i| match i {
                Input::File(p) => std::fs::metadata(p).map_or(0, |m| m.len()),
                Input::Stdin => 0,
            })
            .sum();
        let mut units = Units {
            kind: spec.kind,
            texts: Vec::new(),
            jsonl: Vec::new(),
            stdin: Vec::new(),
            _spool: None,
            fields: spec.fields,
            stdin_name: spec.stdin_name,
            counter: ReadCounter::default(),
            total_bytes,
        };
        match spec.kind {
            InputKind::Text => {
                if inputs.contains(&Input::Stdin) {
                    std::io::stdin()
                        .read_to_end(&mut units.stdin)
                        .map_err(|e| format!("cannot read standard input: {e}"))?;
                }
                units.texts = inputs;
            }
            InputKind::Jsonl => {
                for input in inputs {
                    match input {
                        Input::File(p) => {
                            let name = walk::display_path(&p);
                            units.jsonl.push((p, name));
                        }
                        Input::Stdin => {
                            let spool = spool_stdin()?;
                            units.jsonl.push((spool.path().to_owned(), "-".into()));
                            units._spool = Some(spool);
                        }
                    }
                }
            }
        }
        Ok((units, errors))
    }

    pub(crate) fn kind(&self) -> InputKind {
        self.kind
    }

    /// How many units there are, when known before reading (text files).
    pub(crate) fn known_len(&self) -> Option<usize> {
        match self.kind {
            InputKind::Text => Some(self.texts.len()),
            InputKind::Jsonl => None,
        }
    }

    /// Whether the only input is standard input.
    pub(crate) fn only_stdin(&self) -> bool {
        self.texts == [Input::Stdin]
    }

    /// The units in input order; each call reads the inputs anew.
    pub(crate) fn stream(&self) -> Box<dyn Iterator<Item = Result<Unit, String>> + '_> {
        match self.kind {
            InputKind::Text => Box::new(self.texts.iter().cloned().map(|i| Ok(Unit::Text(i)))),
            InputKind::Jsonl => Box::new(
                Lines::new(self.jsonl.clone(), self.counter.clone()).map(|r| r.map(Unit::Record)),
            ),
        }
    }

    /// Reads a unit's content: a file's bytes, or a record's text and fields.
    pub(crate) fn load(&self, unit: &Unit) -> Result<Loaded, String> {
        match unit {
            Unit::Text(input) => {
                let bytes = read_input(input, &self.stdin)?;
                self.counter.add(bytes.len() as u64);
                let (display, path) = match input {
                    Input::Stdin => (self.stdin_name.clone(), None),
                    Input::File(p) => (walk::display_path(p), Some(p.clone())),
                };
                Ok(Loaded {
                    display,
                    path,
                    bytes,
                    record: None,
                })
            }
            Unit::Record(raw) => {
                let mut record = raw.parse(&self.fields)?;
                let text = std::mem::take(&mut record.text);
                Ok(Loaded {
                    display: record.id.clone(),
                    path: None,
                    bytes: text.into_bytes(),
                    record: Some(record),
                })
            }
        }
    }

    /// Runs `work` on every unit, in parallel chunks of [`CHUNK`], and hands each
    /// result to `sink` in input order; stops at the first error `sink` returns.
    pub(crate) fn for_each<T: Send, E>(
        &self,
        progress: &Progress,
        work: impl Fn(Result<Unit, String>) -> T + Sync,
        mut sink: impl FnMut(T) -> Result<(), E>,
    ) -> Result<(), E> {
        let mut stream = self.stream();
        let mut done = 0;
        loop {
            let chunk: Vec<Result<Unit, String>> = stream.by_ref().take(CHUNK).collect();
            if chunk.is_empty() {
                return Ok(());
            }
            done += chunk.len();
            let results: Vec<T> = chunk.into_par_iter().map(&work).collect();
            for r in results {
                sink(r)?;
            }
            progress.update(self.counter.get(), done);
        }
    }
}

fn spool_stdin() -> Result<tempfile::NamedTempFile, String> {
    let mut spool =
        tempfile::NamedTempFile::new().map_err(|e| format!("cannot buffer standard input: {e}"))?;
    std::io::copy(&mut std::io::stdin().lock(), spool.as_file_mut())
        .map_err(|e| format!("cannot read standard input: {e}"))?;
    Ok(spool)
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
