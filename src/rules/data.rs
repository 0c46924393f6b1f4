//! Data files rules read (word lists, lexicons), loaded once per run and shared.

use std::any::{Any, TypeId};
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
    cache: Mutex<HashMap<(String, TypeId), Arc<dyn Any + Send + Sync>>>,
}

impl DataStore {
    /// Reads the data file `name` for `rule` and parses it with `parse`, once per run.
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
        let (key, text) = self.read(rule, name)?;
        let cache_key = (key, TypeId::of::<T>());
        if let Some(hit) = self
            .cache
            .lock()
            .expect("data cache poisoned")
            .get(&cache_key)
        {
            return Ok(hit.clone().downcast::<T>().expect("cache keyed by type"));
        }
        let parsed = Arc::new(parse(&text).map_err(|e| {
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

    fn read(
        &self,
        rule: &RuleInput<'_>,
        name: &Spanned<String>,
    ) -> Result<(String, String), LoadError> {
        let builtin = || super::builtin::data_file(name.get_ref());
        let missing = || {
            rule.error(
                name.span(),
                format!("data file `{}` not found", name.get_ref()),
            )
            .with_label("no such file")
        };
        match &rule.meta.origin {
            Origin::Builtin(_) => builtin()
                .map(|t| (format!("<builtin>/{}", name.get_ref()), t.to_owned()))
                .ok_or_else(missing),
            Origin::File(path) => {
                let candidate: PathBuf = path.parent().unwrap_or(path).join(name.get_ref());
                if candidate.is_file() {
                    let text = std::fs::read_to_string(&candidate).map_err(|e| {
                        rule.error(
                            name.span(),
                            format!("cannot read data file {}: {e}", candidate.display()),
                        )
                    })?;
                    Ok((candidate.display().to_string(), text))
                } else {
                    builtin()
                        .map(|t| (format!("<builtin>/{}", name.get_ref()), t.to_owned()))
                        .ok_or_else(missing)
                }
            }
        }
    }
}
