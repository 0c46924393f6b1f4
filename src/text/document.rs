//! The analysed form of one article, built once and read by every rule.

use std::ops::Range;
use std::sync::OnceLock;

use super::segment::{self, Layout, Paragraph};
use super::{LineCol, LineIndex, Source, language, language::Language};

/// A sentence and where it sits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub range: Range<usize>,
    /// Index into [`Document::paragraphs`].
    pub paragraph: usize,
    /// Indices into [`Document::words`].
    pub words: Range<usize>,
}

/// One article: decoded text, its line index and its segmentation.
///
/// Every span is a byte range into [`Document::text`]; [`Document::source`] maps it back
/// to the bytes of the file.
#[derive(Debug, Clone)]
pub struct Document {
    source: Source,
    index: LineIndex,
    layout: Layout,
    paragraphs: Vec<Paragraph>,
    /// Per paragraph, the indices of its sentences.
    paragraph_sentences: Vec<Range<usize>>,
    sentences: Vec<Sentence>,
    words: Vec<Range<usize>>,
    title: Option<usize>,
    /// Worked out on first use: the statistics pass never asks for it.
    language: OnceLock<Option<Language>>,
}

impl Document {
    pub fn new(source: Source) -> Self {
        let text = source.text();
        let index = LineIndex::new(text);
        let (layout, paragraphs) = segment::paragraphs(text, &index);
        let mut sentences = Vec::new();
        let mut words = Vec::new();
        let mut paragraph_sentences = Vec::with_capacity(paragraphs.len());
        for (p, paragraph) in paragraphs.iter().enumerate() {
            let first = sentences.len();
            for range in segment::sentences(text, &paragraph.range) {
                let w0 = words.len();
                words.extend(segment::words(text, &range));
                sentences.push(Sentence {
                    range,
                    paragraph: p,
                    words: w0..words.len(),
                });
            }
            paragraph_sentences.push(first..sentences.len());
        }
        let title = index.lines().position(|r| !text[r].trim().is_empty());
        Document {
            source,
            index,
            layout,
            paragraphs,
            paragraph_sentences,
            sentences,
            words,
            title,
            language: OnceLock::new(),
        }
    }

    /// Convenience for tests and stdin: a document from a string.
    pub fn from_text(text: &str) -> Self {
        Self::new(Source::from_text(text))
    }

    /// The article's language when it could be told reliably.
    pub fn language(&self) -> Option<Language> {
        *self
            .language
            .get_or_init(|| language::detect(self.source.text()))
    }

    pub fn text(&self) -> &str {
        self.source.text()
    }

    pub fn source(&self) -> &Source {
        &self.source
    }

    pub fn line_index(&self) -> &LineIndex {
        &self.index
    }

    pub fn layout(&self) -> Layout {
        self.layout
    }

    pub fn paragraphs(&self) -> &[Paragraph] {
        &self.paragraphs
    }

    pub fn sentences(&self) -> &[Sentence] {
        &self.sentences
    }

    /// Sentences of one paragraph.
    pub fn sentences_of(&self, paragraph: usize) -> &[Sentence] {
        &self.sentences[self.paragraph_sentences[paragraph].clone()]
    }

    /// All word tokens, in order.
    pub fn words(&self) -> &[Range<usize>] {
        &self.words
    }

    /// Word tokens of a sentence.
    pub fn words_of(&self, sentence: &Sentence) -> &[Range<usize>] {
        &self.words[sentence.words.clone()]
    }

    /// Word tokens of a paragraph.
    pub fn paragraph_words(&self, paragraph: usize) -> &[Range<usize>] {
        let s = &self.paragraph_sentences[paragraph];
        match (self.sentences.get(s.start), s.end.checked_sub(1)) {
            (Some(first), Some(last)) if s.start < s.end => {
                &self.words[first.words.start..self.sentences[last].words.end]
            }
            _ => &[],
        }
    }

    /// 0-based line of the title (the first non-empty line), if any.
    pub fn title_line(&self) -> Option<usize> {
        self.title
    }

    /// Content ranges of non-empty lines, trimmed, with their 0-based line numbers.
    pub fn nonblank_lines(&self) -> impl Iterator<Item = (usize, Range<usize>)> + '_ {
        self.index.lines().enumerate().filter_map(|(i, r)| {
            let r = segment::trim_range(self.text(), r);
            (!r.is_empty()).then_some((i, r))
        })
    }

    /// Index of the paragraph containing `offset`, if any.
    pub fn paragraph_at(&self, offset: usize) -> Option<usize> {
        let i = self
            .paragraphs
            .partition_point(|p| p.range.start <= offset)
            .checked_sub(1)?;
        (offset <= self.paragraphs[i].range.end).then_some(i)
    }

    pub fn line_col(&self, offset: usize) -> LineCol {
        self.index.line_col(self.text(), offset)
    }

    pub fn slice(&self, range: &Range<usize>) -> &str {
        &self.text()[range.clone()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_document_segments_like_lf() {
        let lf = Document::from_text("Title\n\nOne. Two.\n\nThree.\n");
        let crlf = Document::from_text("Title\r\n\r\nOne. Two.\r\n\r\nThree.\r\n");
        assert_eq!(lf.paragraphs().len(), crlf.paragraphs().len());
        assert_eq!(lf.sentences().len(), 4);
        assert_eq!(crlf.sentences().len(), 4);
        assert_eq!(crlf.slice(&crlf.sentences()[2].range), "Two.");
        assert_eq!(crlf.line_col(crlf.sentences()[3].range.start).line, 5);
    }

    #[test]
    fn title_is_first_nonblank_line() {
        let doc = Document::from_text("\n  \nHeadline here\nBody.");
        assert_eq!(doc.title_line(), Some(2));
    }

    #[test]
    fn invalid_utf8_is_still_segmented() {
        let doc = Document::new(Source::decode(b"Bad \xFF byte. Next sentence.\n"));
        assert_eq!(doc.sentences().len(), 2);
        assert_eq!(doc.source().invalid_bytes().len(), 1);
    }

    #[test]
    fn paragraph_words_and_lookup() {
        let doc = Document::from_text("Alpha beta.\n\nGamma delta epsilon.");
        assert_eq!(doc.paragraph_words(1).len(), 3);
        let gamma = doc.text().find("Gamma").unwrap();
        assert_eq!(doc.paragraph_at(gamma), Some(1));
        assert_eq!(doc.paragraph_at(12), None);
    }

    #[test]
    fn empty_document_has_no_paragraphs() {
        let doc = Document::from_text("");
        assert!(doc.paragraphs().is_empty());
        assert_eq!(doc.title_line(), None);
    }
}
