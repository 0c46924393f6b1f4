//! The text model: decoding, lines, paragraphs, sentences and words.
//!
//! Built once per file; rules read from it and never re-split the text.

pub mod calendar;
pub mod code;
mod document;
pub mod language;
mod line_index;
pub mod names;
pub mod segment;
mod sentence_bounds;
mod source;
mod word;

pub use document::{Document, Sentence};
pub use language::Language;
pub use line_index::{LineCol, LineIndex};
pub use segment::{Layout, Paragraph};
pub use source::{InvalidBytes, Source};
pub use word::{OPENING_QUOTES, capitalised, lowercase, opens_quotation, starts_upper};
