//! `check --baseline / --write-baseline / --prune-baseline`: choosing the baseline of a
//! run and reporting, pruning or writing it once every file has been checked.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::Path;

use scrapelint::Diagnostic;
use scrapelint::baseline::{Baseline, Entry, Split};
use scrapelint::text::Document;

use super::args::CheckArgs;
use super::config::LoadedConfig;
use super::stderr;

/// What this run does with a baseline.
#[derive(Debug)]
pub(crate) enum Mode {
    Off,
    /// Set aside the findings the baseline accepts.
    Filter {
        baseline: Baseline,
        prune: bool,
    },
    /// Record every finding as the new baseline.
    Record(Baseline),
}

impl Mode {
    pub(crate) fn new(args: &CheckArgs, config: &LoadedConfig) -> Result<Self, String> {
        if let Some(path) = &args.write_baseline {
            return Ok(Mode::Record(
                Baseline::empty(path).map_err(|e| e.to_string())?,
            ));
        }
        let path = args.baseline.clone().or_else(|| config.baseline_path());
        match path {
            Some(path) => Ok(Mode::Filter {
                baseline: Baseline::load(&path).map_err(|e| e.to_string())?,
                prune: args.prune_baseline,
            }),
            None if args.prune_baseline => Err(
                "--prune-baseline needs a baseline: --baseline FILE or `baseline` in scrapelint.toml"
                    .to_owned(),
            ),
            None => Ok(Mode::Off),
        }
    }

    fn baseline(&self) -> Option<&Baseline> {
        match self {
            Mode::Off => None,
            Mode::Filter { baseline, .. } | Mode::Record(baseline) => Some(baseline),
        }
    }

    /// The key of a checked file (`name` for stdin), when a baseline is in use.
    pub(crate) fn key(&self, path: Option<&Path>, name: &str) -> Option<String> {
        let baseline = self.baseline()?;
        Some(path.map_or_else(|| name.to_owned(), |p| baseline.key(p)))
    }

    /// Divides a file's diagnostics. In record mode nothing is set aside yet, so that
    /// `--fix` still applies; [`Mode::record`] takes what is left.
    pub(crate) fn split(&self, key: Option<&str>, doc: &Document, diags: Vec<Diagnostic>) -> Split {
        match (self, key) {
            (Mode::Filter { baseline, .. }, Some(key)) => baseline.split(key, doc, diags),
            _ => Split {
                new: diags,
                ..Split::default()
            },
        }
    }

    /// In record mode, moves every remaining diagnostic into the baseline: returns
    /// their entries.
    pub(crate) fn record(
        &self,
        key: Option<&str>,
        doc: &Document,
        split: &mut Split,
    ) -> Vec<Entry> {
        match (self, key) {
            (Mode::Record(_), Some(key)) => {
                let entries = split.new.iter().map(|d| Entry::new(key, doc, d)).collect();
                split.baselined.append(&mut split.new);
                entries
            }
            _ => Vec::new(),
        }
    }

    /// After the run: writes a recorded baseline, or reports (and with `--prune-baseline`
    /// removes) the entries that no longer occur. `entries` are the recorded or the stale
    /// entries of the checked files, `checked` their keys.
    pub(crate) fn finish(
        &self,
        entries: Vec<Entry>,
        checked: &BTreeSet<String>,
        quiet: bool,
    ) -> Result<(), String> {
        let mut err = stderr();
        match self {
            Mode::Off => Ok(()),
            Mode::Record(baseline) => {
                let n = entries.len();
                baseline.write(entries).map_err(|e| e.to_string())?;
                if !quiet {
                    let _ = writeln!(
                        err,
                        "scrapelint: wrote {n} finding(s) to baseline {}",
                        baseline.path().display()
                    );
                }
                Ok(())
            }
            Mode::Filter { baseline, prune } => {
                let mut stale = entries;
                stale.extend(baseline.vanished(checked));
                stale.sort();
                if stale.is_empty() {
                    return Ok(());
                }
                if *prune {
                    baseline
                        .write(baseline.without(&stale))
                        .map_err(|e| e.to_string())?;
                    if !quiet {
                        let _ = writeln!(
                            err,
                            "scrapelint: removed {} entries that no longer occur from baseline {}",
                            stale.len(),
                            baseline.path().display()
                        );
                    }
                } else if !quiet {
                    let _ = writeln!(
                        err,
                        "scrapelint: {} baseline entries no longer occur; run with --prune-baseline to remove them:",
                        stale.len()
                    );
                    for e in &stale {
                        let _ = writeln!(err, "  {}  {}  \"{}\"", e.path, e.rule, e.text);
                    }
                }
                Ok(())
            }
        }
    }
}
