//! Decoding raw bytes into analysable text without losing track of the original bytes.
//!
//! Rules work on a `&str`, but diagnostics and fixes must point at the bytes on disk.
//! A UTF-8 BOM is skipped and invalid sequences are replaced by U+FFFD; [`Source`]
//! keeps enough anchors to map any offset of the decoded text back to the file.

use std::ops::Range;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A stretch of the input that was not valid UTF-8.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidBytes {
    /// Where the replacement character stands in the decoded text.
    pub text_range: Range<usize>,
    /// The offending bytes in the original input.
    pub original_range: Range<usize>,
}

/// Decoded text plus the map back to original byte offsets.
#[derive(Debug, Clone)]
pub struct Source {
    text: String,
    bom: bool,
    invalid: Vec<InvalidBytes>,
}

impl Source {
    /// Decodes `bytes`, skipping a UTF-8 BOM and replacing invalid sequences.
    pub fn decode(bytes: &[u8]) -> Self {
        let bom = bytes.starts_with(BOM);
        let body = if bom { &bytes[BOM.len()..] } else { bytes };
        let base = if bom { BOM.len() } else { 0 };
        let mut text = String::with_capacity(body.len());
        let mut invalid = Vec::new();
        for chunk in body.utf8_chunks() {
            text.push_str(chunk.valid());
            let bad = chunk.invalid();
            if !bad.is_empty() {
                // `utf8_chunks` borrows from `body`, so the pointer difference is the offset.
                let at = bad.as_ptr() as usize - body.as_ptr() as usize;
                let start = text.len();
                text.push(char::REPLACEMENT_CHARACTER);
                invalid.push(InvalidBytes {
                    text_range: start..text.len(),
                    original_range: base + at..base + at + bad.len(),
                });
            }
        }
        Source { text, bom, invalid }
    }

    /// Wraps text that is already valid UTF-8 (stdin after decoding, tests).
    pub fn from_text(text: impl Into<String>) -> Self {
        Self::decode(text.into().as_bytes())
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn had_bom(&self) -> bool {
        self.bom
    }

    pub fn invalid_bytes(&self) -> &[InvalidBytes] {
        &self.invalid
    }

    /// True when the decoded text is byte-for-byte the input (no BOM, no replacement).
    pub fn is_verbatim(&self) -> bool {
        !self.bom && self.invalid.is_empty()
    }

    /// Maps an offset in the decoded text to the offset in the original bytes.
    ///
    /// An offset inside a replacement character maps to the start of the invalid bytes.
    pub fn original_offset(&self, offset: usize) -> usize {
        let mut shift = if self.bom { BOM.len() as isize } else { 0 };
        for bad in &self.invalid {
            if offset < bad.text_range.end {
                if offset > bad.text_range.start {
                    return bad.original_range.start;
                }
                break;
            }
            shift += bad.original_range.len() as isize - bad.text_range.len() as isize;
        }
        (offset as isize + shift) as usize
    }

    pub fn original_range(&self, range: &Range<usize>) -> Range<usize> {
        self.original_offset(range.start)..self.original_offset(range.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_is_skipped_and_offsets_shift() {
        let s = Source::decode(b"\xEF\xBB\xBFabc");
        assert_eq!(s.text(), "abc");
        assert!(s.had_bom());
        assert_eq!(s.original_offset(0), 3);
        assert_eq!(s.original_offset(3), 6);
    }

    #[test]
    fn invalid_bytes_are_replaced_and_mapped() {
        let s = Source::decode(b"ab\xFF\xFEcd");
        // Each maximal invalid prefix becomes one U+FFFD.
        assert_eq!(s.text(), "ab\u{FFFD}\u{FFFD}cd");
        assert_eq!(s.invalid_bytes().len(), 2);
        assert_eq!(s.invalid_bytes()[0].original_range, 2..3);
        assert_eq!(s.invalid_bytes()[1].original_range, 3..4);
        // "c" is at decoded 8, original 4.
        assert_eq!(s.original_offset(8), 4);
        assert_eq!(s.original_offset(2), 2);
        assert_eq!(s.original_offset(5), 3);
        assert_eq!(s.original_range(&(8..10)), 4..6);
    }

    #[test]
    fn valid_text_is_verbatim() {
        let s = Source::decode("héllo".as_bytes());
        assert!(s.is_verbatim());
        assert_eq!(s.original_offset(3), 3);
    }
}
