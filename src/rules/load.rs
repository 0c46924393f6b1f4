//! Reading rule files: TOML with spans, so every error points at the offending line.

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Deserialize;
use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use super::lazy_regex::LazyRegex;
use super::meta::{FixSpec, Origin, RuleMeta, Scope};
use super::template::Template;
use crate::diagnostic::{Category, Severity};
use crate::text::Language;

/// Index of a file in [`RuleSources`].
pub type FileId = usize;

/// A rule-loading error with the place in the rule file it is about.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{message}")]
pub struct LoadError {
    pub file: Option<FileId>,
    pub span: Option<Range<usize>>,
    pub message: String,
    /// The text under the span's label.
    pub label: Option<String>,
    pub notes: Vec<String>,
    /// Other places the error refers to (a first definition, say).
    pub secondary: Vec<(FileId, Range<usize>, String)>,
}

impl LoadError {
    pub fn at(file: FileId, span: Range<usize>, message: impl Into<String>) -> Self {
        LoadError {
            file: Some(file),
            span: Some(span),
            message: message.into(),
            label: None,
            notes: Vec::new(),
            secondary: Vec::new(),
        }
    }

    pub fn general(message: impl Into<String>) -> Self {
        LoadError {
            file: None,
            span: None,
            message: message.into(),
            label: None,
            notes: Vec::new(),
            secondary: Vec::new(),
        }
    }

    pub fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    pub fn with_secondary(
        mut self,
        file: FileId,
        span: Range<usize>,
        label: impl Into<String>,
    ) -> Self {
        self.secondary.push((file, span, label.into()));
        self
    }

    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    fn from_toml(file: FileId, err: &toml::de::Error, fallback: Range<usize>) -> Self {
        let message = err.message().trim().to_owned();
        let span = err.span().unwrap_or(fallback);
        LoadError::at(file, span, message)
    }
}

/// One rule file's text and where it came from.
#[derive(Debug, Clone)]
pub struct RuleFile {
    pub name: String,
    pub text: String,
    pub origin: Origin,
}

/// Every rule file of a run, kept so errors can quote them.
#[derive(Debug, Clone, Default)]
pub struct RuleSources {
    files: Vec<RuleFile>,
}

impl RuleSources {
    pub fn new() -> Self {
        Self::default()
    }

    /// The rule files embedded in the binary.
    pub fn builtin() -> Self {
        let mut s = Self::new();
        for (name, text) in super::builtin::RULE_FILES {
            s.files.push(RuleFile {
                name: format!("<builtin>/rules/{name}"),
                text: (*text).to_owned(),
                origin: Origin::Builtin(name),
            });
        }
        s
    }

    pub fn add_text(
        &mut self,
        name: impl Into<String>,
        text: impl Into<String>,
        origin: Origin,
    ) -> FileId {
        self.files.push(RuleFile {
            name: name.into(),
            text: text.into(),
            origin,
        });
        self.files.len() - 1
    }

    /// Adds a rule file, or every `*.toml` file of a directory (sorted, not recursive).
    pub fn add_path(&mut self, path: &Path) -> Result<(), LoadError> {
        let io = |e: std::io::Error| {
            LoadError::general(format!("cannot read rule file {}: {e}", path.display()))
        };
        if path.is_dir() {
            let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
                .map_err(io)?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "toml") && p.is_file())
                .collect();
            entries.sort();
            if entries.is_empty() {
                return Err(LoadError::general(format!(
                    "rule directory {} holds no .toml files",
                    path.display()
                )));
            }
            return entries.iter().try_for_each(|p| self.add_path(p));
        }
        let bytes = std::fs::read(path).map_err(io)?;
        let text = String::from_utf8(bytes).map_err(|e| {
            LoadError::general(format!(
                "rule file {} is not valid UTF-8 (invalid byte at offset {})",
                path.display(),
                e.utf8_error().valid_up_to()
            ))
        })?;
        let text = text
            .strip_prefix('\u{FEFF}')
            .map(str::to_owned)
            .unwrap_or(text);
        self.add_text(
            path.display().to_string(),
            text,
            Origin::File(path.to_owned()),
        );
        Ok(())
    }

    pub fn files(&self) -> &[RuleFile] {
        &self.files
    }

    pub fn get(&self, id: FileId) -> &RuleFile {
        &self.files[id]
    }
}

/// Keys every rule may have; the rest belong to its kind.
const COMMON_KEYS: &[&str] = &[
    "id",
    "kind",
    "category",
    "severity",
    "scope",
    "message",
    "summary",
    "fix",
    "explain",
    "exceptions",
    "unless",
    "enabled",
    "languages",
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CommonFields {
    id: Spanned<String>,
    kind: Spanned<String>,
    category: Category,
    #[serde(default = "default_severity")]
    severity: Severity,
    #[serde(default)]
    scope: Scope,
    message: Spanned<String>,
    #[serde(default)]
    summary: Option<String>,
    #[serde(default)]
    fix: Option<FixSpec>,
    #[serde(default)]
    explain: Option<String>,
    #[serde(default)]
    exceptions: Vec<Spanned<String>>,
    #[serde(default)]
    unless: Vec<Spanned<String>>,
    #[serde(default = "yes")]
    enabled: bool,
    #[serde(default)]
    languages: Option<Spanned<Vec<String>>>,
}

fn default_severity() -> Severity {
    Severity::Warning
}

fn yes() -> bool {
    true
}

/// One parsed rule, its common part checked, its kind-specific part still raw.
#[derive(Debug)]
pub struct RuleInput<'a> {
    pub meta: RuleMeta,
    pub file: FileId,
    /// The span of the whole `[[rule]]` table.
    pub span: Range<usize>,
    pub kind_span: Range<usize>,
    pub id_span: Range<usize>,
    config: Spanned<DeValue<'a>>,
}

impl RuleInput<'_> {
    /// Deserialises the kind-specific keys into the kind's config struct.
    ///
    /// Use `#[serde(deny_unknown_fields)]` on `T`: a misspelt key is then an error
    /// pointing at the key.
    pub fn config<T: DeserializeOwned>(&self) -> Result<T, LoadError> {
        T::deserialize(ValueDeserializer::from(self.config.clone())).map_err(|e| {
            let mut err = LoadError::from_toml(self.file, &e, self.span.clone());
            if err.message.contains("unknown field") {
                err = err.with_note(format!(
                    "keys every rule takes: {}; the other keys belong to kind `{}`",
                    COMMON_KEYS.join(", "),
                    self.meta.kind
                ));
            }
            err
        })
    }

    /// [`RuleInput::config`], after checking that the message only uses placeholders
    /// the kind fills (`vars`).
    pub fn config_for<T: DeserializeOwned>(&self, vars: &[&str]) -> Result<T, LoadError> {
        self.meta
            .message
            .check_vars(vars)
            .map_err(|e| self.error(self.span.clone(), e))?;
        self.config()
    }

    /// An error about this rule at `span` (a span from a `Spanned` config field).
    pub fn error(&self, span: Range<usize>, message: impl Into<String>) -> LoadError {
        LoadError::at(self.file, span, message)
    }
}

/// Splits rule files into [`RuleInput`]s, checking everything that is not kind-specific.
pub(crate) fn parse_rules<'a>(
    sources: &'a RuleSources,
    errors: &mut Vec<LoadError>,
) -> Vec<RuleInput<'a>> {
    let mut out = Vec::new();
    for (file, rf) in sources.files().iter().enumerate() {
        let table = match DeTable::parse(&rf.text) {
            Ok(t) => t,
            Err(e) => {
                errors.push(LoadError::from_toml(file, &e, 0..0));
                continue;
            }
        };
        let (span, mut table) = (table.span(), table.into_inner());
        let file_languages = match table.remove("languages") {
            Some(value) => match file_languages(file, value) {
                Ok(langs) => langs,
                Err(e) => {
                    errors.push(e);
                    continue;
                }
            },
            None => None,
        };
        for (key, value) in table {
            if key.get_ref() != "rule" {
                errors.push(
                    LoadError::at(
                        file,
                        key.span(),
                        format!("unknown top-level key `{}`", key.get_ref()),
                    )
                    .with_label("not a rule file key")
                    .with_note(
                        "a rule file is a list of `[[rule]]` tables, optionally after a \
                         `languages = [...]` default for them",
                    ),
                );
                continue;
            }
            let value_span = value.span();
            let DeValue::Array(items) = value.into_inner() else {
                errors.push(LoadError::at(
                    file,
                    value_span,
                    "`rule` must be an array of tables: write `[[rule]]`",
                ));
                continue;
            };
            for item in items.iter() {
                match parse_rule(file, &rf.origin, file_languages.as_ref(), item.clone()) {
                    Ok(input) => out.push(input),
                    Err(e) => errors.push(e),
                }
            }
        }
        if rf.text.trim().is_empty() {
            errors.push(
                LoadError::at(file, span, "rule file is empty")
                    .with_note("a rule file is a list of `[[rule]]` tables"),
            );
        }
    }
    out
}

/// The file-wide `languages = [...]` default of a rule file.
fn file_languages(
    file: FileId,
    value: Spanned<DeValue<'_>>,
) -> Result<Option<Arc<[Language]>>, LoadError> {
    let span = value.span();
    let codes = Vec::<String>::deserialize(ValueDeserializer::from(value))
        .map_err(|e| LoadError::from_toml(file, &e, span.clone()))?;
    languages(file, &Spanned::new(span, codes))
}

/// Parses a `languages` list of ISO 639-3 codes; `["any"]` means every language.
fn languages(
    file: FileId,
    codes: &Spanned<Vec<String>>,
) -> Result<Option<Arc<[Language]>>, LoadError> {
    if codes.get_ref().iter().any(|c| c == "any") {
        return Ok(None);
    }
    let mut out = Vec::new();
    for code in codes.get_ref() {
        match crate::text::language::from_code(code) {
            Some(lang) => out.push(lang),
            None => {
                return Err(LoadError::at(
                    file,
                    codes.span(),
                    format!("unknown language code `{code}`"),
                )
                .with_label("expected ISO 639-3 codes")
                .with_note("write three-letter ISO 639-3 codes such as \"eng\", \"fra\", \"deu\", or [\"any\"]"));
            }
        }
    }
    if out.is_empty() {
        return Err(LoadError::at(file, codes.span(), "`languages` is empty")
            .with_note("name at least one language, or write [\"any\"]"));
    }
    Ok(Some(out.into()))
}

fn parse_rule<'a>(
    file: FileId,
    origin: &Origin,
    file_languages: Option<&Arc<[Language]>>,
    item: Spanned<DeValue<'a>>,
) -> Result<RuleInput<'a>, LoadError> {
    let span = item.span();
    let DeValue::Table(table) = item.into_inner() else {
        return Err(LoadError::at(
            file,
            span,
            "each `rule` entry must be a table",
        ));
    };
    let (mut common, mut kind_keys) = (DeTable::new(), DeTable::new());
    for (k, v) in table {
        if COMMON_KEYS.contains(&k.get_ref().as_ref()) {
            common.insert(k, v);
        } else {
            kind_keys.insert(k, v);
        }
    }
    let fields = CommonFields::deserialize(ValueDeserializer::from(Spanned::new(
        span.clone(),
        DeValue::Table(common),
    )))
    .map_err(|e| LoadError::from_toml(file, &e, span.clone()))?;
    check_id(file, &fields.id)?;
    let message = Template::parse(fields.message.get_ref())
        .map_err(|e| LoadError::at(file, fields.message.span(), e))?;
    if let Some(fix) = &fields.fix
        && fix.replacement.is_some()
        && fix.action != super::meta::FixAction::Replace
    {
        return Err(LoadError::at(
            file,
            span,
            "`fix.replacement` only goes with `action = \"replace\"`",
        ));
    }
    let meta = RuleMeta {
        id: Arc::from(fields.id.get_ref().as_str()),
        kind: fields.kind.get_ref().clone(),
        category: fields.category,
        severity: fields.severity,
        scope: fields.scope,
        message,
        summary: fields.summary,
        fix: fields.fix,
        explain: fields.explain,
        exceptions: compile_alternation(file, origin, &fields.exceptions, true)?,
        unless: compile_alternation(file, origin, &fields.unless, false)?,
        enabled: fields.enabled,
        languages: match &fields.languages {
            Some(codes) => languages(file, codes)?,
            None => file_languages.cloned(),
        },
        origin: origin.clone(),
    };
    Ok(RuleInput {
        meta,
        file,
        kind_span: fields.kind.span(),
        id_span: fields.id.span(),
        config: Spanned::new(span.clone(), DeValue::Table(kind_keys)),
        span,
    })
}

fn check_id(file: FileId, id: &Spanned<String>) -> Result<(), LoadError> {
    let ok = id.get_ref().split_once('.').is_some_and(|(family, name)| {
        let part = |s: &str| {
            !s.is_empty()
                && s.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.')
        };
        part(family) && part(name) && !name.starts_with('.') && !name.ends_with('.')
    });
    if ok {
        Ok(())
    } else {
        Err(LoadError::at(
            file,
            id.span(),
            format!("invalid rule id `{}`", id.get_ref()),
        )
        .with_label("expected `family.name`")
        .with_note("ids are lowercase `family.name`, e.g. `boilerplate.comment-prompt`"))
    }
}

/// Joins regexes into one case-insensitive alternation, optionally anchored to the
/// whole text; errors point at the offending string. Built-in ones are checked by the
/// tests and taken as [`LazyRegex::trusted`].
fn compile_alternation(
    file: FileId,
    origin: &Origin,
    items: &[Spanned<String>],
    whole: bool,
) -> Result<Option<LazyRegex>, LoadError> {
    if items.is_empty() {
        return Ok(None);
    }
    let builtin = matches!(origin, Origin::Builtin(_));
    if !builtin || cfg!(debug_assertions) {
        for item in items {
            compile_regex(file, item, true)?;
        }
    }
    let body = items
        .iter()
        .map(|s| format!("(?:{})", s.get_ref()))
        .collect::<Vec<_>>()
        .join("|");
    let pattern = if whole { format!("^(?:{body})$") } else { body };
    let re = match builtin {
        true => LazyRegex::trusted(&pattern, true),
        false => LazyRegex::new(&pattern, true),
    };
    re.map(Some).map_err(LoadError::general)
}

/// Checks one regex (compiled on first use), pointing at it on error.
pub fn compile_regex(
    file: FileId,
    pattern: &Spanned<String>,
    case_insensitive: bool,
) -> Result<LazyRegex, LoadError> {
    LazyRegex::new(pattern.get_ref(), case_insensitive).map_err(|e| regex_error(file, pattern, e))
}

/// Like [`compile_regex`] for a pattern of `input`'s rule: a built-in rule's pattern,
/// which the tests check, takes the cheaper [`LazyRegex::trusted`].
pub fn compile_rule_regex(
    input: &RuleInput<'_>,
    pattern: &Spanned<String>,
    case_insensitive: bool,
) -> Result<LazyRegex, LoadError> {
    let re = match input.meta.origin {
        Origin::Builtin(_) => LazyRegex::trusted(pattern.get_ref(), case_insensitive),
        Origin::File(_) => LazyRegex::new(pattern.get_ref(), case_insensitive),
    };
    re.map_err(|e| regex_error(input.file, pattern, e))
}

fn regex_error(file: FileId, pattern: &Spanned<String>, e: String) -> LoadError {
    LoadError::at(file, pattern.span(), "invalid regular expression")
        .with_label("this pattern does not compile")
        .with_note(e)
}
