//! Baselines: accept the findings a corpus has today so that only new ones fail a run.
//!
//! An entry is keyed by rule id, path (relative to the baseline file's directory) and a
//! hash of the flagged text together with the text of the lines it sits on, never the
//! line number: inserting a paragraph elsewhere in the file keeps its entries valid,
//! while editing the flagged line itself makes the finding new again. Entries form a
//! multiset, so the same finding twice in a file needs two entries.
//!
//! The file is pretty-printed JSON with a `version`, entries sorted, so it diffs well.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::hash::Hasher;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::diagnostic::Diagnostic;
use crate::text::Document;

/// Version of the baseline file layout; bumped on any incompatible change.
pub const BASELINE_VERSION: u32 = 1;
/// How much of the flagged text an entry shows (for people reading the file).
const TEXT_CHARS: usize = 60;

/// Why a baseline file could not be used.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BaselineError {
    #[error("cannot read baseline {}: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{} is not a valid scrapelint baseline: {message}", path.display())]
    Malformed { path: PathBuf, message: String },
    #[error(
        "{}: baseline version {found} is not supported (this scrapelint reads version {BASELINE_VERSION}); write it again with --write-baseline",
        path.display()
    )]
    Version { path: PathBuf, found: u32 },
    #[error("cannot write baseline {}: {source}", path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// One accepted finding.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// Relative to the baseline file's directory, `/`-separated.
    pub path: String,
    pub rule: String,
    /// FNV-1a 64 of the flagged text and its lines, in hex.
    pub hash: String,
    /// The start of the flagged text, for whoever reads the file; not part of the key.
    pub text: String,
}

impl Entry {
    /// The entry that accepts `d`, found in `doc` at baseline path `path`.
    pub fn new(path: &str, doc: &Document, d: &Diagnostic) -> Self {
        let flagged = doc.slice(&d.span);
        let idx = doc.line_index();
        let first = idx.line_of(d.span.start);
        let last = idx.line_of(d.span.end.saturating_sub(1).max(d.span.start));
        let lines = &doc.text()[idx.line_range(first).start..idx.line_range(last).end];
        let mut h = fnv::FnvHasher::default();
        h.write(flagged.as_bytes());
        h.write(&[0]);
        // Line ends and trailing spaces do not change what the line says.
        for line in lines.lines() {
            h.write(line.trim_end().as_bytes());
            h.write(b"\n");
        }
        let mut text: String = flagged
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .chars()
            .take(TEXT_CHARS + 1)
            .collect();
        if text.chars().count() > TEXT_CHARS {
            text = text.chars().take(TEXT_CHARS).collect::<String>() + "…";
        }
        Entry {
            path: path.to_owned(),
            rule: d.rule.to_string(),
            hash: format!("{:016x}", h.finish()),
            text,
        }
    }

    fn key(&self) -> (String, String) {
        (self.rule.clone(), self.hash.clone())
    }
}

/// The file as written.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BaselineFile {
    version: u32,
    entries: Vec<Entry>,
}

/// A file's diagnostics divided by a baseline.
#[derive(Debug, Default)]
pub struct Split {
    /// Not in the baseline: these count.
    pub new: Vec<Diagnostic>,
    /// Accepted by the baseline.
    pub baselined: Vec<Diagnostic>,
    /// Entries of this file that matched nothing.
    pub stale: Vec<Entry>,
}

/// A loaded (or new, empty) baseline.
#[derive(Debug, Clone)]
pub struct Baseline {
    path: PathBuf,
    /// The canonical directory entry paths are relative to.
    dir: PathBuf,
    by_path: BTreeMap<String, Vec<Entry>>,
}

impl Baseline {
    /// An empty baseline to be written at `path` (its directory must exist).
    pub fn empty(path: &Path) -> Result<Self, BaselineError> {
        let parent = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let dir = std::fs::canonicalize(parent).map_err(|source| BaselineError::Write {
            path: path.to_owned(),
            source,
        })?;
        Ok(Baseline {
            path: path.to_owned(),
            dir,
            by_path: BTreeMap::new(),
        })
    }

    /// Reads a baseline; a missing, unreadable or malformed file is an error.
    pub fn load(path: &Path) -> Result<Self, BaselineError> {
        let text = std::fs::read_to_string(path).map_err(|source| BaselineError::Read {
            path: path.to_owned(),
            source,
        })?;
        let mut baseline = Self::empty(path).map_err(|e| match e {
            BaselineError::Write { path, source } => BaselineError::Read { path, source },
            other => other,
        })?;
        baseline.by_path = parse(path, &text)?;
        Ok(baseline)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The key of `file` (as the walker found it): relative to the baseline's directory
    /// when it lies below it, else its absolute path. Names that are not files (stdin's
    /// `--stdin-filename`) are kept as given.
    pub fn key(&self, file: &Path) -> String {
        let Ok(abs) = std::fs::canonicalize(file) else {
            return slash(file);
        };
        match abs.strip_prefix(&self.dir) {
            Ok(rel) => slash(rel),
            Err(_) => slash(&abs),
        }
    }

    /// Divides `diagnostics` of the file keyed `key` into new and baselined ones.
    pub fn split(&self, key: &str, doc: &Document, diagnostics: Vec<Diagnostic>) -> Split {
        let Some(entries) = self.by_path.get(key) else {
            return Split {
                new: diagnostics,
                ..Split::default()
            };
        };
        let mut left: HashMap<(String, String), Vec<&Entry>> = HashMap::new();
        for e in entries {
            left.entry(e.key()).or_default().push(e);
        }
        let mut split = Split::default();
        for d in diagnostics {
            match left
                .get_mut(&Entry::new(key, doc, &d).key())
                .and_then(Vec::pop)
            {
                Some(_) => split.baselined.push(d),
                None => split.new.push(d),
            }
        }
        split.stale = left.into_values().flatten().cloned().collect();
        split.stale.sort();
        split
    }

    /// Entries of files that were not checked in this run and no longer exist.
    pub fn vanished(&self, checked: &BTreeSet<String>) -> Vec<Entry> {
        self.by_path
            .iter()
            .filter(|(path, _)| !checked.contains(*path) && !self.dir.join(path).exists())
            .flat_map(|(_, entries)| entries.iter().cloned())
            .collect()
    }

    /// Every entry, sorted.
    pub fn entries(&self) -> impl Iterator<Item = &Entry> {
        self.by_path.values().flatten()
    }

    /// Writes `entries` (sorted here) to the baseline's path, atomically.
    pub fn write(&self, mut entries: Vec<Entry>) -> Result<(), BaselineError> {
        entries.sort();
        let file = BaselineFile {
            version: BASELINE_VERSION,
            entries,
        };
        let mut bytes = serde_json::to_vec_pretty(&file).expect("entries serialise");
        bytes.push(b'\n');
        let fail = |source| BaselineError::Write {
            path: self.path.clone(),
            source,
        };
        if self.path.exists() {
            return crate::fix::write_atomically(&self.path, &bytes).map_err(fail);
        }
        let mut tmp = tempfile::Builder::new()
            .prefix(".scrapelint-")
            .suffix(".tmp")
            .tempfile_in(&self.dir)
            .map_err(fail)?;
        tmp.write_all(&bytes).map_err(fail)?;
        tmp.persist(&self.path).map_err(|e| fail(e.error))?;
        Ok(())
    }

    /// Every entry except `remove` (a multiset difference), for `--prune-baseline`.
    pub fn without(&self, remove: &[Entry]) -> Vec<Entry> {
        let mut drop: HashMap<&Entry, usize> = HashMap::new();
        for e in remove {
            *drop.entry(e).or_default() += 1;
        }
        self.entries()
            .filter(|e| match drop.get_mut(e) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    false
                }
                _ => true,
            })
            .cloned()
            .collect()
    }
}

fn parse(path: &Path, text: &str) -> Result<BTreeMap<String, Vec<Entry>>, BaselineError> {
    // The version is read first so an old or future layout gets the right message.
    #[derive(Deserialize)]
    struct Versioned {
        version: u32,
    }
    let malformed = |e: serde_json::Error| BaselineError::Malformed {
        path: path.to_owned(),
        message: e.to_string(),
    };
    let Versioned { version } = serde_json::from_str(text).map_err(malformed)?;
    if version != BASELINE_VERSION {
        return Err(BaselineError::Version {
            path: path.to_owned(),
            found: version,
        });
    }
    let file: BaselineFile = serde_json::from_str(text).map_err(malformed)?;
    let mut by_path: BTreeMap<String, Vec<Entry>> = BTreeMap::new();
    for e in file.entries {
        by_path.entry(e.path.clone()).or_default().push(e);
    }
    Ok(by_path)
}

fn slash(p: &Path) -> String {
    let s = p.to_string_lossy();
    if std::path::MAIN_SEPARATOR == '/' {
        s.into_owned()
    } else {
        s.replace(std::path::MAIN_SEPARATOR, "/")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn diag(rule: &str, span: std::ops::Range<usize>) -> Diagnostic {
        Diagnostic {
            rule: Arc::from(rule),
            category: crate::Category::Boilerplate,
            severity: crate::Severity::Warning,
            message: String::new(),
            span,
            suggestion: None,
            fix: None,
        }
    }

    fn baseline_of(entries: Vec<Entry>) -> Baseline {
        let mut by_path: BTreeMap<String, Vec<Entry>> = BTreeMap::new();
        for e in entries {
            by_path.entry(e.path.clone()).or_default().push(e);
        }
        Baseline {
            path: PathBuf::from("b.json"),
            dir: PathBuf::from("."),
            by_path,
        }
    }

    #[test]
    fn an_entry_survives_lines_inserted_above_but_not_an_edit_of_its_line() {
        let before = Document::from_text("Title\n\nLeave a Reply\n");
        let after = Document::from_text("Title\n\nNew paragraph.\n\nLeave a Reply\n");
        let edited = Document::from_text("Title\n\nLeave a Reply now\n");
        let e = Entry::new("a.txt", &before, &diag("r.x", 7..20));
        assert_eq!(e, Entry::new("a.txt", &after, &diag("r.x", 23..36)));
        assert_ne!(
            e.hash,
            Entry::new("a.txt", &edited, &diag("r.x", 7..20)).hash
        );
    }

    #[test]
    fn entries_match_as_a_multiset_and_leftovers_are_stale() {
        let doc = Document::from_text("Leave a Reply\nLeave a Reply\n");
        let one = Entry::new("a.txt", &doc, &diag("r.x", 0..13));
        let gone = Entry {
            hash: "0".repeat(16),
            ..one.clone()
        };
        let b = baseline_of(vec![one, gone.clone()]);
        let split = b.split("a.txt", &doc, vec![diag("r.x", 0..13), diag("r.x", 14..27)]);
        assert_eq!((split.new.len(), split.baselined.len()), (1, 1));
        assert_eq!(split.stale, vec![gone.clone()]);
        assert_eq!(b.without(&[gone]).len(), 1);
    }

    #[test]
    fn malformed_and_future_files_are_errors() {
        let p = Path::new("b.json");
        assert!(matches!(
            parse(p, "{\"version\": 1, \"entries\": [{\"path\": 3}]}"),
            Err(BaselineError::Malformed { .. })
        ));
        assert!(matches!(
            parse(p, "{\"version\": 9, \"entries\": []}"),
            Err(BaselineError::Version { found: 9, .. })
        ));
        assert!(
            parse(p, "{\"version\": 1, \"entries\": []}")
                .unwrap()
                .is_empty()
        );
    }
}
