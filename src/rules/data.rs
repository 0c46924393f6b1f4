//! Data files rules read (word lists, lexicons, vectors), loaded once per run and shared.

use std::any::{Any, TypeId};
use std::borrow::Cow;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use toml::Spanned;

use super::{LoadError, Origin, RuleInput};

/// Resolves and caches data files. A built-in rule reads the embedded copy; a user's
/// rule reads the path relative to its rule file, falling back to the embedded file of
/// that name, so user rules can reuse `data/wordfreq-en.tsv` and friends.
#[derive(Debug, Default)]
pub struct DataStore {
    /// Keyed by file, result type and parser: two kinds may parse one file differently.
    cache: Mutex<HashMap<CacheKey, Arc<dyn Any + Send + Sync>>>,
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
    ) -> Result<Arc<T>, LoadError>
    where
        T: Any + Send + Sync,
        F: FnOnce(&str) -> Result<T, String>,
    {
        let parser = std::any::type_name::<F>();
        self.load_keyed(rule, name, parser, |bytes| {
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
    ) -> Result<Arc<T>, LoadError>
    where
        T: Any + Send + Sync,
        F: FnOnce(&[u8]) -> Result<T, String>,
    {
        self.load_keyed(rule, name, std::any::type_name::<F>(), parse)
    }

    fn load_keyed<T, F>(
        &self,
        rule: &RuleInput<'_>,
        name: &Spanned<String>,
        parser: &'static str,
        parse: F,
    ) -> Result<Arc<T>, LoadError>
    where
        T: Any + Send + Sync,
        F: FnOnce(&[u8]) -> Result<T, String>,
    {
        let (key, resolved) = self.resolve(rule, name)?;
        let cache_key = (key, TypeId::of::<T>(), parser);
        if let Some(hit) = self
            .cache
            .lock()
            .expect("data cache poisoned")
            .get(&cache_key)
        {
            return Ok(hit.clone().downcast::<T>().expect("cache keyed by type"));
        }
        let bytes: Cow<'static, [u8]> = match resolved {
            Resolved::Builtin(b) => Cow::Borrowed(b),
            Resolved::File(path) => Cow::Owned(std::fs::read(&path).map_err(|e| {
                rule.error(
                    name.span(),
                    format!("cannot read data file {}: {e}", path.display()),
                )
            })?),
        };
        let parsed = Arc::new(parse(&bytes).map_err(|e| {
            rule.error(
                name.span(),
                format!("cannot parse data file `{}`", name.get_ref()),
            )
            .with_note(e)
        })?);
        self.cache
            .lock()
            .expect("data cache poisoned")
            .insert(cache_key, parsed.clone());
        Ok(parsed)
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
