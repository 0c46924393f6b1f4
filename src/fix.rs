//! Applying fixes: choosing the bytes to remove, merging edits, writing atomically.
//!
//! Edits are computed on the decoded text and applied to the original bytes through
//! [`Source`](crate::text::Source)'s offset map, so a BOM, CRLF line ends and even
//! invalid bytes elsewhere in the file survive a fix untouched.

use std::io::Write;
use std::ops::Range;
use std::path::Path;

use crate::diagnostic::{Applicability, Diagnostic};
use crate::text::Document;

/// The bytes to delete to remove `span` cleanly.
///
/// When the span is all there is on its lines, the lines go with their terminators (and
/// one neighbouring blank line, so paragraphs stay separated by exactly one). Otherwise
/// the span goes with the spaces on one side, so no double space is left behind.
pub fn deletion_range(doc: &Document, span: &Range<usize>) -> Range<usize> {
    let text = doc.text();
    let idx = doc.line_index();
    let (first, last) = (
        idx.line_of(span.start),
        idx.line_of(span.end.saturating_sub(1).max(span.start)),
    );
    let line_start = idx.line_range(first).start;
    let line_end = idx.line_range(last).end;
    let before = &text[line_start..span.start];
    let after = &text[span.end.min(line_end)..line_end];
    if before.trim().is_empty() && after.trim().is_empty() {
        return line_deletion_range(doc, span);
    }
    let is_space = |c: char| c == ' ' || c == '\t';
    let trailing = after.len() - after.trim_start_matches(is_space).len();
    if trailing > 0 && !after.trim().is_empty() {
        return span.start..span.end + trailing;
    }
    let leading = before.len() - before.trim_end_matches(is_space).len();
    span.start - leading..span.end + trailing
}

/// Every line `span` touches, with terminators, plus one blank line after them when
/// they sit between two blank lines (or at the top of the text).
pub fn line_deletion_range(doc: &Document, span: &Range<usize>) -> Range<usize> {
    let text = doc.text();
    let idx = doc.line_index();
    let first = idx.line_of(span.start);
    let last = idx.line_of(span.end.saturating_sub(1).max(span.start));
    let start = idx.line_range_with_terminator(first).start;
    let mut end = idx.line_range_with_terminator(last).end;
    let blank = |line: usize| line < idx.len() && text[idx.line_range(line)].trim().is_empty();
    let blank_before = first == 0 || blank(first - 1);
    if blank_before && blank(last + 1) {
        end = idx.line_range_with_terminator(last + 1).end;
    }
    start..end
}

/// Which fixes to apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FixMode {
    Safe,
    SafeAndUnsafe,
}

impl FixMode {
    fn allows(self, a: Applicability) -> bool {
        match self {
            FixMode::Safe => a == Applicability::Safe,
            FixMode::SafeAndUnsafe => true,
        }
    }
}

/// The result of applying fixes to one document.
#[derive(Debug, Clone)]
pub struct Fixed {
    /// The new file content, in the original encoding layout (BOM and line ends kept).
    pub bytes: Vec<u8>,
    /// How many diagnostics were fixed.
    pub applied: usize,
    /// Indices (into the diagnostics given) of those whose fix is in `bytes`, including
    /// duplicates of an applied edit.
    pub fixed: Vec<usize>,
    /// The edits made, in order: the original byte range and the replacement's length.
    pub edits: Vec<(Range<usize>, usize)>,
}

/// Applies the fixes of `diagnostics` allowed by `mode`, skipping any that overlaps an
/// earlier one; returns `None` when nothing applies. `original` is the file's bytes.
pub fn apply(
    doc: &Document,
    original: &[u8],
    diagnostics: &[Diagnostic],
    mode: FixMode,
) -> Option<Fixed> {
    let mut edits: Vec<(Range<usize>, &str, usize)> = diagnostics
        .iter()
        .enumerate()
        .filter_map(|(i, d)| d.fix.as_ref().map(|f| (i, f)))
        .filter(|(_, f)| mode.allows(f.applicability))
        .map(|(i, f)| {
            (
                doc.source().original_range(&f.range),
                f.replacement.as_str(),
                i,
            )
        })
        .collect();
    edits.sort_by_key(|(r, _, i)| (r.start, r.end, *i));
    let mut kept: Vec<(Range<usize>, &str)> = Vec::with_capacity(edits.len());
    let mut fixed = Vec::new();
    for (range, replacement, i) in edits {
        match kept.last() {
            Some((last, rep)) if last == &range && *rep == replacement => fixed.push(i),
            Some((last, _)) if range.start < last.end => continue,
            _ => {
                kept.push((range, replacement));
                fixed.push(i);
            }
        }
    }
    if kept.is_empty() {
        return None;
    }
    fixed.sort_unstable();
    let mut bytes = Vec::with_capacity(original.len());
    let mut at = 0;
    for (range, replacement) in &kept {
        bytes.extend_from_slice(&original[at..range.start]);
        bytes.extend_from_slice(replacement.as_bytes());
        at = range.end;
    }
    bytes.extend_from_slice(&original[at..]);
    Some(Fixed {
        bytes,
        applied: kept.len(),
        fixed,
        edits: kept.iter().map(|(r, rep)| (r.clone(), rep.len())).collect(),
    })
}

/// Fixes can enable others (a removed line exposes a block edge); stop after this many.
pub const MAX_FIX_PASSES: usize = 4;

/// A document checked and fixed until no allowed fix applies (or [`MAX_FIX_PASSES`]).
#[derive(Debug)]
pub struct Converged {
    /// The final content (equal to the input when nothing was fixed).
    pub bytes: Vec<u8>,
    /// The final document and what remains on it.
    pub doc: Document,
    pub diagnostics: Vec<Diagnostic>,
    /// The diagnostics whose fixes were applied, with their spans and fix ranges as
    /// byte ranges of the *input*, whichever pass found them.
    pub fixed: Vec<Diagnostic>,
    /// How many edits were applied over all passes.
    pub applied: usize,
}

/// Checks `input` with `check`, applies the fixes `mode` allows, and repeats on the
/// result, as `scrapelint check --fix` does; `mode` `None` only checks.
pub fn converge(
    input: &[u8],
    mode: Option<FixMode>,
    check: impl Fn(&Document) -> Vec<Diagnostic>,
) -> Converged {
    let mut bytes = input.to_vec();
    let mut passes: Vec<Vec<(Range<usize>, usize)>> = Vec::new();
    let mut fixed = Vec::new();
    let mut applied = 0;
    loop {
        let doc = Document::new(crate::text::Source::decode(&bytes));
        let diagnostics = check(&doc);
        let result = match mode {
            Some(mode) if passes.len() < MAX_FIX_PASSES => apply(&doc, &bytes, &diagnostics, mode),
            _ => None,
        };
        let Some(result) = result else {
            return Converged {
                bytes,
                doc,
                diagnostics,
                fixed,
                applied,
            };
        };
        applied += result.applied;
        let to_input = |r: &Range<usize>| {
            let r = doc.source().original_range(r);
            let (mut start, mut end) = (r.start, r.end);
            for edits in passes.iter().rev() {
                start = offset_before(edits, start, false);
                end = offset_before(edits, end, true);
            }
            start..end.max(start)
        };
        for &i in &result.fixed {
            let mut d = diagnostics[i].clone();
            d.span = to_input(&d.span);
            if let Some(f) = d.fix.as_mut() {
                f.range = to_input(&f.range);
            }
            fixed.push(d);
        }
        passes.push(result.edits);
        bytes = result.bytes;
    }
}

/// Maps an offset of the text after `edits` back to the text before them; an offset
/// inside a replacement goes to the start (or with `end`, the end) of what it replaced.
fn offset_before(edits: &[(Range<usize>, usize)], offset: usize, end: bool) -> usize {
    let mut shift: isize = 0;
    for (range, len) in edits {
        let new_start = (range.start as isize + shift) as usize;
        // At the edge of a deletion, a start belongs after it and an end before it.
        if offset < new_start || (offset == new_start && (end || *len > 0)) {
            break;
        }
        if offset < new_start + len {
            return if end { range.end } else { range.start };
        }
        shift += *len as isize - range.len() as isize;
    }
    (offset as isize - shift) as usize
}

/// Replaces `path`'s content with `bytes` atomically: a temporary file in the same
/// directory, flushed to disk and renamed over the original, keeping its permissions.
/// A crash leaves either the old file or the new one, never a half-written file.
///
/// A symbolic link is followed (the file it points to is replaced, the link stays), and
/// a read-only file is refused rather than replaced behind the user's back.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let target = std::fs::canonicalize(path)?;
    let path = target.as_path();
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let permissions = std::fs::metadata(path)?.permissions();
    if permissions.readonly() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::PermissionDenied,
            "the file is read-only; left unchanged",
        ));
    }
    let mut tmp = tempfile::Builder::new()
        .prefix(".scrapelint-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.as_file().set_permissions(permissions)?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Category, Fix, Severity};
    use crate::text::Source;

    fn delete(doc: &Document, needle: &str) -> String {
        let start = doc.text().find(needle).unwrap();
        let r = deletion_range(doc, &(start..start + needle.len()));
        let mut s = doc.text().to_owned();
        s.replace_range(r, "");
        s
    }

    #[test]
    fn deleting_a_whole_line_removes_it_and_one_blank() {
        let doc = Document::from_text("Title\n\nLeave a Comment\n\nBody.\n");
        assert_eq!(delete(&doc, "Leave a Comment"), "Title\n\nBody.\n");
    }

    #[test]
    fn deleting_a_fused_prefix_keeps_the_sentence() {
        let doc = Document::from_text(" date 2020-01-06 The letter said.\n");
        assert_eq!(delete(&doc, "date 2020-01-06"), " The letter said.\n");
    }

    #[test]
    fn deleting_a_suffix_takes_the_space_before() {
        let doc = Document::from_text("It ended. – Reuters\n");
        assert_eq!(delete(&doc, "– Reuters"), "It ended.\n");
    }

    fn diag(range: Range<usize>, replacement: &str) -> Diagnostic {
        Diagnostic {
            rule: "t.x".into(),
            category: Category::Mangled,
            severity: Severity::Warning,
            message: String::new(),
            span: range.clone(),
            suggestion: None,
            fix: Some(Fix {
                range,
                replacement: replacement.into(),
                applicability: Applicability::Safe,
            }),
        }
    }

    #[test]
    fn apply_maps_through_bom_and_skips_overlaps() {
        let original = b"\xEF\xBB\xBFab cd\r\n";
        let doc = Document::new(Source::decode(original));
        let fixed = apply(
            &doc,
            original,
            &[diag(0..2, "AB"), diag(1..4, "zz"), diag(3..5, "CD")],
            FixMode::Safe,
        )
        .unwrap();
        assert_eq!(fixed.bytes, b"\xEF\xBB\xBFAB CD\r\n");
        assert_eq!(fixed.applied, 2);
    }

    #[test]
    fn offsets_map_back_through_edits() {
        // "abcdef" -> replace 1..3 ("bc") by "XYZ" -> "aXYZdef"
        let edits = [(1..3, 3)];
        assert_eq!(offset_before(&edits, 0, false), 0);
        assert_eq!(offset_before(&edits, 1, false), 1);
        assert_eq!(offset_before(&edits, 2, false), 1);
        assert_eq!(offset_before(&edits, 2, true), 3);
        assert_eq!(offset_before(&edits, 4, false), 3);
        assert_eq!(offset_before(&edits, 7, true), 6);
        // a deletion: "abcdef" -> delete 2..4 -> "abef"
        assert_eq!(offset_before(&[(2..4, 0)], 2, false), 4);
        assert_eq!(offset_before(&[(2..4, 0)], 2, true), 2);
    }

    #[test]
    fn converge_reports_fixed_spans_in_the_input() {
        // Each pass fixes the first "aa" (a stand-in for fixes that expose others).
        let out = converge(b"xaaay", Some(FixMode::Safe), |doc| {
            doc.text()
                .find("aa")
                .map(|i| vec![diag(i..i + 2, "")])
                .unwrap_or_default()
        });
        assert_eq!(out.bytes, b"xay");
        assert_eq!(out.applied, 1);
        let spans: Vec<_> = out
            .fixed
            .iter()
            .map(|d| (d.span.start, d.span.end))
            .collect();
        assert_eq!(spans, vec![(1, 3)]);
        let out = converge(b"xaaaay", Some(FixMode::Safe), |doc| {
            doc.text()
                .find("aa")
                .map(|i| vec![diag(i..i + 2, "")])
                .unwrap_or_default()
        });
        assert_eq!(out.bytes, b"xy");
        let spans: Vec<_> = out
            .fixed
            .iter()
            .map(|d| (d.span.start, d.span.end))
            .collect();
        assert_eq!(spans, vec![(1, 3), (3, 5)]);
    }

    #[test]
    fn unsafe_fixes_need_the_mode() {
        let doc = Document::from_text("ab");
        let mut d = diag(0..1, "");
        d.fix.as_mut().unwrap().applicability = Applicability::Unsafe;
        assert!(apply(&doc, b"ab", std::slice::from_ref(&d), FixMode::Safe).is_none());
        assert_eq!(
            apply(&doc, b"ab", &[d], FixMode::SafeAndUnsafe)
                .unwrap()
                .bytes,
            b"b"
        );
    }

    #[cfg(unix)]
    #[test]
    fn atomic_write_follows_symlinks_and_refuses_read_only_files() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.txt");
        let link = dir.path().join("link.txt");
        std::fs::write(&real, "old").unwrap();
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write_atomically(&link, b"new").unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read(&real).unwrap(), b"new");

        let mut perms = std::fs::metadata(&real).unwrap().permissions();
        perms.set_readonly(true);
        std::fs::set_permissions(&real, perms).unwrap();
        let err = write_atomically(&real, b"newer").unwrap_err();
        assert_eq!(err.kind(), std::io::ErrorKind::PermissionDenied);
        assert_eq!(std::fs::read(&real).unwrap(), b"new");
    }

    #[test]
    fn atomic_write_replaces_content() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "old").unwrap();
        write_atomically(&path, b"new").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
