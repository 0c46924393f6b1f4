//! Data files rules read (word lists, lexicons, vectors), loaded once per run and shared.
//!
//! A built-in data file is parsed the first time a rule reads it, not at load: `rules`,
//! `explain` and a run of a few `--select`ed rules never pay for the others' data. A
//! user's data file is parsed at load, so its errors point at the rule file.

use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::fmt;
use std::ops::Deref;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

use toml::Spanned;

use super::{LoadError, Origin, RuleInput};

/// Resolves and caches data files. A built-in rule reads the embedded copy; a user's
/// rule reads the path relative to its rule file, falling back to the embedded file of
/// that name, so user rules can reuse `data/wordfreq-en.tsv` and friends.
#[derive(Debug, Default)]
pub struct DataStore {
    /// Keyed by file, result type and parser: two kinds may parse one file differently.
    cache: Mutex<HashMap<CacheKey, Arc<dyn Loaded>>>,
}

/// A cached [`LazyData`] of any type.
trait Loaded: Send + Sync + fmt::Debug {
    fn into_any(self: Arc<Self>) -> Arc<dyn Any + Send + Sync>;
    /// Parses the file now if it is not parsed yet.
    fn parse_now(&self) -> Result<(), String>;
}

impl<T: Send + Sync + 'static> Loaded for LazyData<T> {
    fn into_any(self: Arc<Self>) -> Arc<dyn Any + Send + Sync> {
        self
    }

    fn parse_now(&self) -> Result<(), String> {
        self.get().map(|_| ())
    }
}

impl<T> LazyData<T> {
    /// Inlined: rules read some tables once per word.
    #[inline]
    fn get(&self) -> Result<&T, String> {
        match self.value.get() {
            Some(v) => Ok(v),
            None => self.parse(),
        }
    }

    #[cold]
    fn parse(&self) -> Result<&T, String> {
        let (bytes, parse) = self
            .source
            .as_ref()
            .expect("a data file without a parser was parsed at load");
        let value = parse(bytes).map_err(|e| format!("{}: {e}", self.name))?;
        Ok(self.value.get_or_init(|| value))
    }
}

/// A data file's parsed value, shared by every rule that reads the file with the same
/// parser; it dereferences to the value, parsing an embedded file on first use.
pub struct Data<T: 'static>(Arc<LazyData<T>>);

/// The parser of an embedded file, kept until its first use.
type Parser<T> = Box<dyn Fn(&'static [u8]) -> Result<T, String> + Send + Sync>;

struct LazyData<T: 'static> {
    name: String,
    source: Option<(&'static [u8], Parser<T>)>,
    value: OnceLock<T>,
}

impl<T> Data<T> {
    /// Whether two handles share one parsed file.
    pub fn ptr_eq(a: &Data<T>, b: &Data<T>) -> bool {
        Arc::ptr_eq(&a.0, &b.0)
    }

    /// A value built in memory rather than read from a file (tests, embedders).
    pub fn from_value(value: T) -> Data<T> {
        Data::parsed(String::from("<in memory>"), value)
    }

    fn parsed(name: String, value: T) -> Data<T> {
        Data(Arc::new(LazyData {
            name,
            source: None,
            value: OnceLock::from(value),
        }))
    }
}

/// An empty value, for tests and rules that read no file.
impl<T: Default> Default for Data<T> {
    fn default() -> Self {
        Data::parsed(String::from("<empty>"), T::default())
    }
}

impl<T> Clone for Data<T> {
    fn clone(&self) -> Self {
        Data(self.0.clone())
    }
}

impl<T> Deref for Data<T> {
    type Target = T;

    #[inline]
    fn deref(&self) -> &T {
        // Embedded files are part of the binary and parsed by the tests
        // (`every_builtin_data_file_parses`): failing here is a build defect.
        self.0
            .get()
            .unwrap_or_else(|e| panic!("built-in data file is broken: {e}"))
    }
}

impl<T> fmt::Debug for Data<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl<T> fmt::Debug for LazyData<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let state = if self.value.get().is_some() {
            "parsed"
        } else {
            "not parsed yet"
        };
        write!(f, "Data({}, {state})", self.name)
    }
}

/// Resolved file name, type of the parsed value, and the parser's type name.
type CacheKey = (String, TypeId, &'static str);

/// Where a data file name leads.
enum Resolved {
    Builtin(&'static [u8]),
    File(PathBuf),
}

impl DataStore {
    /// Reads the text data file `name` for `rule` and parses it with `parse`, once per run.
    pub fn load<T, F>(
        &self,
        rule: &RuleInput<'_>,
        name: &Spanned<String>,
        parse: F,
    ) -> Result<Data<T>, LoadError>
    where
        T: Any + Send + Sync,
        F: Fn(&str) -> Result<T, String> + Send + Sync + 'static,
    {
        let parser = std::any::type_name::<F>();
        self.load_keyed(rule, name, parser, move |bytes: &[u8]| {
            let text = std::str::from_utf8(bytes).map_err(|e| format!("not UTF-8: {e}"))?;
            parse(text)
        })
    }

    /// Like [`DataStore::load`] for binary data files.
    pub fn load_bytes<T, F>(
        &self,
        rule: &RuleInput<'_>,
        name: &Spanned<String>,
        parse: F,
    ) -> Result<Data<T>, LoadError>
    where
        T: Any + Send + Sync,
        F: Fn(&[u8]) -> Result<T, String> + Send + Sync + 'static,
    {
        self.load_keyed(rule, name, std::any::type_name::<F>(), parse)
    }

    fn load_keyed<T, F>(
        &self,
        rule: &RuleInput<'_>,
        name: &Spanned<String>,
        parser: &'static str,
        parse: F,
    ) -> Result<Data<T>, LoadError>
    where
        T: Any + Send + Sync,
        F: Fn(&[u8]) -> Result<T, String> + Send + Sync + 'static,
    {
        let (key, resolved) = self.resolve(rule, name)?;
        let cache_key = (key.clone(), TypeId::of::<T>(), parser);
        if let Some(hit) = self
            .cache
            .lock()
            .expect("data cache poisoned")
            .get(&cache_key)
        {
            let inner = hit.clone().into_any().downcast::<LazyData<T>>();
            return Ok(Data(inner.expect("cache keyed by type")));
        }
        let data = match resolved {
            Resolved::Builtin(bytes) => Data(Arc::new(LazyData {
                name: key,
                source: Some((bytes, Box::new(parse))),
                value: OnceLock::new(),
            })),
            Resolved::File(path) => {
                let bytes = std::fs::read(&path).map_err(|e| {
                    rule.error(
                        name.span(),
                        format!("cannot read data file {}: {e}", path.display()),
                    )
                })?;
                let value = parse(&bytes).map_err(|e| {
                    rule.error(
                        name.span(),
                        format!("cannot parse data file `{}`", name.get_ref()),
                    )
                    .with_note(e)
                })?;
                Data::parsed(key, value)
            }
        };
        self.cache
            .lock()
            .expect("data cache poisoned")
            .insert(cache_key, data.0.clone());
        Ok(data)
    }

    /// Parses every file read so far that is not parsed yet (a long-running server
    /// warms up this way); the errors name the files.
    pub fn parse_all(&self) -> Result<(), Vec<String>> {
        let loaded: Vec<Arc<dyn Loaded>> = self
            .cache
            .lock()
            .expect("data cache poisoned")
            .values()
            .cloned()
            .collect();
        let errors: Vec<String> = loaded.iter().filter_map(|d| d.parse_now().err()).collect();
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    fn resolve(
        &self,
        rule: &RuleInput<'_>,
        name: &Spanned<String>,
    ) -> Result<(String, Resolved), LoadError> {
        let builtin = || {
            super::builtin::data_bytes(name.get_ref()).map(|b| {
                (
                    format!("<builtin>/{}", name.get_ref()),
                    Resolved::Builtin(b),
                )
            })
        };
        let missing = || {
            rule.error(
                name.span(),
                format!("data file `{}` not found", name.get_ref()),
            )
            .with_label("no such file")
        };
        match &rule.meta.origin {
            Origin::Builtin(_) => builtin().ok_or_else(missing),
            Origin::File(path) => {
                let candidate: PathBuf = path.parent().unwrap_or(path).join(name.get_ref());
                if candidate.is_file() {
                    Ok((candidate.display().to_string(), Resolved::File(candidate)))
                } else {
                    builtin().ok_or_else(missing)
                }
            }
        }
    }
}
