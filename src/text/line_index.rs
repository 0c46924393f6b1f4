//! Offsets to line and column, for display and for editors.
//!
//! LF, CRLF and a lone CR all end a line. Columns count Unicode scalar values, which is
//! what terminals and most editors show; UTF-16 columns are available for LSP clients.

use std::ops::Range;

/// A 1-based line and 1-based column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

/// The start of every line of a text, and where its content ends.
#[derive(Debug, Clone)]
pub struct LineIndex {
    /// Byte range of each line's content, terminator excluded.
    lines: Vec<Range<usize>>,
    len: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut lines = Vec::new();
        let mut start = 0;
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => {
                    lines.push(start..i);
                    start = i + 1;
                }
                b'\r' => {
                    lines.push(start..i);
                    if bytes.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    start = i + 1;
                }
                _ => {}
            }
            i += 1;
        }
        // A final line without terminator; an empty text still has one (empty) line.
        if start < bytes.len() || lines.is_empty() {
            lines.push(start..bytes.len());
        }
        LineIndex {
            lines,
            len: text.len(),
        }
    }

    /// Number of lines (a trailing terminator does not open a new line).
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Content range of a 0-based line, without its terminator.
    pub fn line_range(&self, line: usize) -> Range<usize> {
        self.lines[line].clone()
    }

    /// Range of a 0-based line including its terminator (for deleting whole lines).
    pub fn line_range_with_terminator(&self, line: usize) -> Range<usize> {
        let start = self.lines[line].start;
        let end = self.lines.get(line + 1).map_or(self.len, |next| next.start);
        start..end
    }

    pub fn lines(&self) -> impl Iterator<Item = Range<usize>> + '_ {
        self.lines.iter().cloned()
    }

    /// 0-based line containing `offset`. Offsets on a terminator belong to its line.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.lines.binary_search_by(|r| r.start.cmp(&offset)) {
            Ok(i) => i,
            Err(0) => 0,
            Err(i) => i - 1,
        }
    }

    /// 1-based line and column (in chars) of a byte offset into `text`.
    pub fn line_col(&self, text: &str, offset: usize) -> LineCol {
        let line = self.line_of(offset);
        let start = self.lines[line].start;
        let offset = clamp_to_char_boundary(text, offset.max(start));
        LineCol {
            line: line + 1,
            column: text[start..offset].chars().count() + 1,
        }
    }

    /// 0-based line and 0-based UTF-16 column, the Language Server Protocol's positions.
    pub fn utf16_position(&self, text: &str, offset: usize) -> (u32, u32) {
        let line = self.line_of(offset);
        let start = self.lines[line].start;
        let offset = clamp_to_char_boundary(text, offset.max(start));
        let col: usize = text[start..offset].chars().map(char::len_utf16).sum();
        (line as u32, col as u32)
    }

    /// Byte offset of a 0-based line and 0-based UTF-16 column (inverse of `utf16_position`).
    pub fn offset_of_utf16(&self, text: &str, line: u32, col: u32) -> usize {
        let Some(range) = self.lines.get(line as usize) else {
            return text.len();
        };
        let mut units = 0u32;
        for (i, c) in text[range.clone()].char_indices() {
            if units >= col {
                return range.start + i;
            }
            units += c.len_utf16() as u32;
        }
        range.end
    }
}

fn clamp_to_char_boundary(text: &str, mut offset: usize) -> usize {
    offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lf_crlf_and_cr_all_end_lines() {
        let text = "a\nb\r\nc\rd";
        let idx = LineIndex::new(text);
        assert_eq!(idx.len(), 4);
        assert_eq!(idx.line_range(1), 2..3);
        assert_eq!(idx.line_range(2), 5..6);
        assert_eq!(idx.line_range_with_terminator(1), 2..5);
        assert_eq!(idx.line_col(text, 7), LineCol { line: 4, column: 1 });
    }

    #[test]
    fn trailing_newline_does_not_add_a_line() {
        assert_eq!(LineIndex::new("a\n").len(), 1);
        assert_eq!(LineIndex::new("a\n\n").len(), 2);
        assert_eq!(LineIndex::new("").len(), 1);
    }

    #[test]
    fn columns_count_chars_not_bytes() {
        let text = "é“x”\nz";
        let idx = LineIndex::new(text);
        let x = text.find('x').unwrap();
        assert_eq!(idx.line_col(text, x), LineCol { line: 1, column: 3 });
        assert_eq!(idx.utf16_position(text, x), (0, 2));
        let emoji = "😀x";
        let idx = LineIndex::new(emoji);
        assert_eq!(idx.line_col(emoji, 4).column, 2);
        assert_eq!(idx.utf16_position(emoji, 4), (0, 2));
        assert_eq!(idx.offset_of_utf16(emoji, 0, 2), 4);
    }

    #[test]
    fn end_of_text_maps_to_last_line() {
        let text = "ab\ncd";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 5), LineCol { line: 2, column: 3 });
    }
}
