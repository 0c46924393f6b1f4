//! Turning path arguments into the list of files to check.
//!
//! Directories are walked with the `ignore` crate (honouring .gitignore, .ignore and
//! hidden files like ripgrep does), keeping files whose name matches `include` and
//! whose path does not match `exclude`. Files named explicitly are always checked.

use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};

/// One thing to check.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Input {
    File(PathBuf),
    Stdin,
}

/// Compiles globs; a bad glob is a usage error naming it.
pub(crate) fn globset(globs: &[String], what: &str) -> Result<GlobSet, String> {
    let mut b = GlobSetBuilder::new();
    for g in globs {
        b.add(Glob::new(g).map_err(|e| format!("invalid {what} glob `{g}`: {e}"))?);
    }
    b.build().map_err(|e| format!("invalid {what} globs: {e}"))
}

/// Matches `path` against `set` as given, relative to `root`, and by file name.
pub(crate) fn matches(set: &GlobSet, path: &Path, root: &Path) -> bool {
    if set.is_empty() {
        return false;
    }
    let rel = path
        .strip_prefix(root)
        .ok()
        .or_else(|| path.strip_prefix("./").ok());
    set.is_match(path)
        || rel.is_some_and(|r| set.is_match(r))
        || path.file_name().is_some_and(|n| set.is_match(n))
}

/// Paths as the user typed them, without a leading `./`.
pub(crate) fn display_path(p: &Path) -> String {
    let s = p.display().to_string();
    s.strip_prefix("./").map(str::to_owned).unwrap_or(s)
}

/// The files to check, in a stable order, and an error per path that does not exist.
pub(crate) fn collect(
    paths: &[PathBuf],
    include: &GlobSet,
    exclude: &GlobSet,
    root: &Path,
) -> (Vec<Input>, Vec<String>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            files.push(Input::Stdin);
            continue;
        }
        if !path.exists() {
            errors.push(format!("{}: no such file or directory", path.display()));
            continue;
        }
        if !path.is_dir() {
            files.push(Input::File(path.clone()));
            continue;
        }
        let walker = ignore::WalkBuilder::new(path)
            .require_git(false)
            .sort_by_file_path(|a, b| a.cmp(b))
            .filter_entry({
                let exclude = exclude.clone();
                let root = root.to_owned();
                move |e| !matches(&exclude, e.path(), &root)
            })
            .build();
        for entry in walker {
            match entry {
                Ok(e) if e.file_type().is_some_and(|t| t.is_file()) => {
                    let p = e.into_path();
                    if p.file_name().is_some_and(|n| include.is_match(n)) {
                        files.push(Input::File(p));
                    }
                }
                Ok(_) => {}
                Err(e) => errors.push(e.to_string()),
            }
        }
    }
    let mut seen = std::collections::HashSet::new();
    files.retain(|f| seen.insert(f.clone()));
    (files, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_sorted_with_include_and_exclude() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir_all(d.join("sub")).unwrap();
        std::fs::create_dir_all(d.join("drafts")).unwrap();
        for f in ["b.txt", "a.txt", "sub/c.txt", "notes.md", "drafts/x.txt"] {
            std::fs::write(d.join(f), "x").unwrap();
        }
        std::fs::write(d.join(".gitignore"), "sub/\n").unwrap();
        let include = globset(&["*.txt".into()], "include").unwrap();
        let exclude = globset(&["drafts".into()], "exclude").unwrap();
        let (files, errors) = collect(&[d.to_owned(), d.join("missing")], &include, &exclude, d);
        let names: Vec<_> = files
            .iter()
            .map(|f| match f {
                Input::File(p) => p.strip_prefix(d).unwrap().display().to_string(),
                Input::Stdin => "-".into(),
            })
            .collect();
        assert_eq!(names, ["a.txt", "b.txt"]);
        assert_eq!(errors.len(), 1);
        assert!(errors[0].contains("missing"));
    }
}
