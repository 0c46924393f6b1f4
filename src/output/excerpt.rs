//! Cutting very long lines around a diagnostic's span for the human output, so a
//! 2,000-character paragraph shows as about one screen line, while the reported line
//! and column stay those of the whole file.
//!
//! codespan-reporting renders the lines a label touches in full. [`Excerpt`] hands it a
//! copy of the text whose long touched lines keep only [`CONTEXT`] characters around
//! each end of the span (the rest becomes `…`), and reports locations through the
//! uncut text.

use std::borrow::Cow;
use std::ops::Range;

use codespan_reporting::files::{Error, Files, Location, SimpleFile};

/// Lines longer than this many characters are cut.
const MAX_LINE: usize = 160;
/// Characters kept on each side of the span's start and of its end.
const CONTEXT: usize = 50;
/// A cut moves up to this many characters inwards to fall between words.
const SNAP: usize = 15;
const ELLIPSIS: &str = "…";

/// A kept piece of the original text: where it starts in the cut text and in the
/// original, and its length in bytes.
#[derive(Debug, Clone, Copy)]
struct Piece {
    cut: usize,
    original: usize,
    len: usize,
}

/// One diagnostic's view of a file: the text with long lines cut around `span`.
#[derive(Debug)]
pub(crate) struct Excerpt<'a> {
    full: SimpleFile<&'a str, &'a str>,
    cut: SimpleFile<&'a str, Cow<'a, str>>,
    pieces: Vec<Piece>,
}

impl<'a> Excerpt<'a> {
    pub(crate) fn new(name: &'a str, text: &'a str, span: &Range<usize>) -> Self {
        let full = SimpleFile::new(name, text);
        let keep = kept_ranges(&full, text, span);
        if keep.len() == 1 {
            return Excerpt {
                full,
                cut: SimpleFile::new(name, Cow::Borrowed(text)),
                pieces: vec![Piece {
                    cut: 0,
                    original: 0,
                    len: text.len(),
                }],
            };
        }
        let mut cut = String::with_capacity(text.len().min(4096));
        let mut pieces = Vec::with_capacity(keep.len());
        let mut last_end = 0;
        for r in keep {
            if r.start > last_end {
                cut.push_str(ELLIPSIS);
            }
            pieces.push(Piece {
                cut: cut.len(),
                original: r.start,
                len: r.len(),
            });
            cut.push_str(&text[r.clone()]);
            last_end = r.end;
        }
        Excerpt {
            full,
            cut: SimpleFile::new(name, Cow::Owned(cut)),
            pieces,
        }
    }

    /// `range` of the original text in the cut text (both ends lie in kept pieces).
    pub(crate) fn map(&self, range: &Range<usize>) -> Range<usize> {
        self.to_cut(range.start)..self.to_cut(range.end)
    }

    fn to_cut(&self, original: usize) -> usize {
        let i = self
            .pieces
            .partition_point(|p| p.original <= original)
            .saturating_sub(1);
        let p = self.pieces[i];
        p.cut + (original - p.original).min(p.len)
    }

    fn to_original(&self, cut: usize) -> usize {
        let i = self
            .pieces
            .partition_point(|p| p.cut <= cut)
            .saturating_sub(1);
        let p = self.pieces[i];
        p.original + (cut - p.cut).min(p.len)
    }
}

/// The byte ranges of `text` to keep, in order: everything, except that each line the
/// span touches that is longer than [`MAX_LINE`] keeps only windows around the span's
/// ends on it (the line's own ends, where the span runs past them).
fn kept_ranges(
    file: &SimpleFile<&str, &str>,
    text: &str,
    span: &Range<usize>,
) -> Vec<Range<usize>> {
    let (Ok(first), Ok(last)) = (
        file.line_index((), span.start),
        file.line_index((), span.end),
    ) else {
        return std::iter::once(0..text.len()).collect();
    };
    let mut keep = Vec::new();
    let mut from = 0;
    for line in first..=last {
        let Ok(range) = file.line_range((), line) else {
            break;
        };
        let content =
            range.start..range.start + text[range.clone()].trim_end_matches(['\n', '\r']).len();
        if text[content.clone()].chars().count() <= MAX_LINE {
            continue;
        }
        // The span's ends on this line, or the line's own ends where the span goes on.
        let points = [span.start.max(content.start), span.end.min(content.end)];
        let windows = points.map(|p| {
            let start = back(text, content.start, p, CONTEXT);
            let end = forward(text, p, content.end, CONTEXT);
            snap(text, start..end, p, &content)
        });
        keep.push(from..content.start);
        keep.extend(windows);
        from = content.end;
    }
    keep.push(from..text.len());
    merge(keep)
}

/// Moves the ends of `window` (around `p`, within the line `content`) inwards to the
/// nearest space, when one is close, so words are not cut in half; the space stays, so
/// `…` stands apart from the words.
fn snap(text: &str, window: Range<usize>, p: usize, content: &Range<usize>) -> Range<usize> {
    let mut start = window.start;
    if start > content.start {
        let near = forward(text, start, p, SNAP);
        if let Some(i) = text[start..near].find(' ') {
            start += i;
        }
    }
    let mut end = window.end;
    if end < content.end {
        let near = back(text, p, end, SNAP);
        if let Some(i) = text[near..end].rfind(' ') {
            end = near + i + 1;
        }
    }
    start..end
}

/// Sorted, non-empty ranges with touching or overlapping ones joined.
fn merge(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.retain(|r| !r.is_empty());
    ranges.sort_by_key(|r| r.start);
    let mut out: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match out.last_mut() {
            Some(prev) if r.start <= prev.end => prev.end = prev.end.max(r.end),
            _ => out.push(r),
        }
    }
    if out.is_empty() {
        out.push(0..0);
    }
    out
}

/// The offset `n` characters before `at`, not before `floor`.
fn back(text: &str, floor: usize, at: usize, n: usize) -> usize {
    text[floor..at]
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(floor, |(i, _)| floor + i)
}

/// The offset `n` characters after `at`, not after `ceiling`.
fn forward(text: &str, at: usize, ceiling: usize, n: usize) -> usize {
    text[at..ceiling]
        .char_indices()
        .nth(n)
        .map_or(ceiling, |(i, _)| at + i)
}

impl<'b> Files<'b> for Excerpt<'_> {
    type FileId = ();
    type Name = &'b str;
    type Source = &'b str;

    fn name(&'b self, (): ()) -> Result<&'b str, Error> {
        Ok(self.cut.name())
    }

    fn source(&'b self, (): ()) -> Result<&'b str, Error> {
        Ok(self.cut.source().as_ref())
    }

    fn line_index(&'b self, (): (), byte_index: usize) -> Result<usize, Error> {
        self.cut.line_index((), byte_index)
    }

    fn line_range(&'b self, (): (), line_index: usize) -> Result<Range<usize>, Error> {
        self.cut.line_range((), line_index)
    }

    fn location(&'b self, (): (), byte_index: usize) -> Result<Location, Error> {
        self.full.location((), self.to_original(byte_index))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_lines_are_left_whole() {
        let text = "Title\n\nA short line with a problem.\n";
        let e = Excerpt::new("a.txt", text, &(9..14));
        assert_eq!(e.source(()).unwrap(), text);
        assert_eq!(e.map(&(9..14)), 9..14);
    }

    #[test]
    fn a_long_line_keeps_the_span_and_its_context_and_true_columns() {
        let line = format!("{}FLAGGED{}", "a".repeat(1000), "b".repeat(1000));
        let text = format!("Title\n\n{line}\nEnd\n");
        let start = 7 + 1000;
        let e = Excerpt::new("a.txt", &text, &(start..start + 7));
        let cut = e.source(()).unwrap();
        let expected = format!(
            "Title\n\n…{}FLAGGED{}…\nEnd\n",
            "a".repeat(CONTEXT),
            "b".repeat(CONTEXT)
        );
        assert_eq!(cut, expected);
        let r = e.map(&(start..start + 7));
        assert_eq!(&cut[r.clone()], "FLAGGED");
        let loc = e.location((), r.start).unwrap();
        assert_eq!((loc.line_number, loc.column_number), (3, 1001));
    }

    #[test]
    fn cuts_fall_between_words() {
        let text = format!("{}flagged{}\n", "word ".repeat(100), " more".repeat(100));
        let start = 500;
        let e = Excerpt::new("a.txt", &text, &(start..start + 7));
        let cut = e.source(()).unwrap();
        assert!(cut.starts_with("… word word"), "{cut}");
        assert!(cut.ends_with("more more …\n"), "{cut}");
        assert_eq!(&cut[e.map(&(start..start + 7))], "flagged");
    }

    #[test]
    fn a_long_span_keeps_its_head_and_tail() {
        let line = "é".repeat(500);
        let text = format!("{line}\n");
        let e = Excerpt::new("a.txt", &text, &(0..line.len()));
        let cut = e.source(()).unwrap();
        assert_eq!(
            cut,
            format!("{}…{}\n", "é".repeat(CONTEXT), "é".repeat(CONTEXT))
        );
        assert_eq!(e.map(&(0..line.len())), 0..cut.len() - 1);
        let loc = e.location((), cut.len() - 1).unwrap();
        assert_eq!(loc.column_number, 501);
    }
}
