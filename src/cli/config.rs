//! The config file (`scrapelint.toml`): found upward from the working directory,
//! mirroring the command-line flags.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use globset::GlobSet;
use scrapelint::Severity;
use scrapelint::corpus::StatsCapacity;
use scrapelint::output::Format;
use scrapelint::rules::Selection;

use super::args::FailOn;
use super::walk;

pub(crate) const CONFIG_NAMES: &[&str] = &["scrapelint.toml", ".scrapelint.toml"];

/// What a config file may say. Paths are relative to the file's directory.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct Config {
    /// Extra rule files or directories.
    #[serde(default)]
    pub(crate) rules: Vec<PathBuf>,
    #[serde(default)]
    pub(crate) no_default_rules: bool,
    #[serde(default)]
    pub(crate) select: Vec<String>,
    #[serde(default)]
    pub(crate) ignore: Vec<String>,
    #[serde(default)]
    pub(crate) fail_on: Option<FailOn>,
    #[serde(default)]
    pub(crate) format: Option<Format>,
    /// Globs of files and directories to skip when walking.
    #[serde(default)]
    pub(crate) exclude: Vec<String>,
    /// Globs of file names to check when walking directories (default `*.txt`).
    #[serde(default)]
    pub(crate) include: Option<Vec<String>>,
    /// Severity overrides by rule id or prefix.
    #[serde(default)]
    pub(crate) severity: BTreeMap<String, Severity>,
    /// A baseline file (`check --baseline`, `server --baseline`).
    #[serde(default)]
    pub(crate) baseline: Option<PathBuf>,
    /// Rules to skip in files matching a glob.
    #[serde(default)]
    pub(crate) per_file_ignores: BTreeMap<String, Vec<String>>,
    /// Memory for the cross-file statistics, in MB.
    #[serde(default)]
    pub(crate) corpus_memory: Option<usize>,
}

impl Config {
    /// The rules to run: `select` from the flags replaces the config's; `ignore` adds.
    pub(crate) fn selection(&self, select: &[String], ignore: &[String]) -> Selection {
        Selection {
            select: if select.is_empty() {
                self.select.clone()
            } else {
                select.to_vec()
            },
            ignore: self.ignore.iter().chain(ignore).cloned().collect(),
        }
    }

    /// The `include` (default `*.txt`) and `exclude` globs, compiled.
    pub(crate) fn globs(&self) -> Result<(GlobSet, GlobSet), String> {
        let include = self
            .include
            .clone()
            .unwrap_or_else(|| vec!["*.txt".to_owned()]);
        Ok((
            walk::globset(&include, "include")?,
            walk::globset(&self.exclude, "exclude")?,
        ))
    }

    /// The corpus statistics' size: the flag, else the config, else the default.
    pub(crate) fn capacity(&self, flag: Option<usize>) -> StatsCapacity {
        flag.or(self.corpus_memory)
            .map_or_else(StatsCapacity::default, StatsCapacity::from_mb)
    }
}

/// A config file and where it was found.
#[derive(Debug, Default)]
pub(crate) struct LoadedConfig {
    pub(crate) config: Config,
    /// Directory that relative paths and globs are resolved against.
    pub(crate) root: PathBuf,
}

/// A config file that could not be read or parsed; `span` points into `text`.
#[derive(Debug)]
pub(crate) struct ConfigError {
    pub(crate) path: PathBuf,
    pub(crate) text: String,
    pub(crate) span: Option<std::ops::Range<usize>>,
    pub(crate) message: String,
}

/// The nearest config file at or above `start`.
pub(crate) fn discover(start: &Path) -> Option<PathBuf> {
    start.ancestors().find_map(|dir| {
        CONFIG_NAMES
            .iter()
            .map(|n| dir.join(n))
            .find(|p| p.is_file())
    })
}

pub(crate) fn load(explicit: Option<&Path>, isolated: bool) -> Result<LoadedConfig, ConfigError> {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let path = match explicit {
        Some(p) => Some(p.to_owned()),
        None if isolated => None,
        None => discover(&cwd),
    };
    let Some(path) = path else {
        return Ok(LoadedConfig {
            root: cwd,
            ..LoadedConfig::default()
        });
    };
    let fail = |message: String, text: String, span| ConfigError {
        path: path.clone(),
        text,
        span,
        message,
    };
    let text = std::fs::read_to_string(&path).map_err(|e| {
        fail(
            format!("cannot read config file {}: {e}", path.display()),
            String::new(),
            None,
        )
    })?;
    let config: Config =
        toml::from_str(&text).map_err(|e| fail(e.message().to_owned(), text.clone(), e.span()))?;
    let root = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| cwd.clone(), Path::to_owned);
    Ok(LoadedConfig { config, root })
}

impl LoadedConfig {
    /// The config's baseline file, resolved against the config's directory.
    pub(crate) fn baseline_path(&self) -> Option<PathBuf> {
        self.config.baseline.as_ref().map(|p| self.root.join(p))
    }

    /// Config rule paths, resolved against the config's directory.
    pub(crate) fn rule_paths(&self) -> Vec<PathBuf> {
        self.config
            .rules
            .iter()
            .map(|p| self.root.join(p))
            .collect()
    }
}
