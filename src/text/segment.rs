//! Splitting text into paragraphs, sentences and words.
//!
//! Sentence bounds come from Unicode's algorithm (UAX #29), which breaks after every
//! period followed by a capital; news text is full of abbreviations before names
//! ("Brig. Gen. Ruth Adebayo", "U.S. Marine Corps"), so breaks after them are undone.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use super::{LineIndex, sentence_bounds};

/// Abbreviations that are followed by a name or number, never end a sentence in news.
/// Compared case-sensitively without the final period.
const NON_TERMINAL_ABBREVIATIONS: &[&str] = &[
    // Titles and ranks.
    "Adm", "Amb", "Brig", "Capt", "Cdr", "Cmdr", "Col", "Comdr", "Cpl", "Cpt", "Det", "Dr", "Fr",
    "Gen", "Gov", "Hon", "Insp", "Lt", "Maj", "Messrs", "Mr", "Mrs", "Ms", "Msgr", "Pres", "Prof",
    "Pte", "Pvt", "Rep", "Reps", "Rev", "Rt", "Sen", "Sens", "Sgt", "Sr", "Jr", "Supt", "Ald",
    "Cllr", "Atty", "Asst", "Assoc", "Ens", "Spc", "Sfc", "Sgts", "Lieut", "Cmdt",
    // Places and addresses.
    "St", "Ste", "Mt", "Ft", "Ave", "Blvd", "Rd", // Dates and numbers.
    "Jan", "Feb", "Apr", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "No", "Nos", "Vol", "Fig",
    "vs", "v", "approx", "ca", "cf", "Ref",
];

/// Dotted initialisms ("U.S.") end sentences too; they are kept together with the next
/// word only when that word cannot plausibly start a new sentence.
const SENTENCE_STARTERS: &[&str] = &[
    "A",
    "After",
    "Also",
    "An",
    "And",
    "As",
    "At",
    "But",
    "By",
    "For",
    "He",
    "Her",
    "His",
    "However",
    "I",
    "If",
    "In",
    "It",
    "Its",
    "Meanwhile",
    "No",
    "On",
    "Our",
    "She",
    "So",
    "That",
    "The",
    "Their",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "To",
    "We",
    "What",
    "When",
    "While",
    "Yet",
    "You",
];

/// A paragraph: a run of lines that belong together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// Byte range from the first to the last non-blank character.
    pub range: Range<usize>,
    /// 0-based lines it covers, end exclusive.
    pub lines: Range<usize>,
}

/// How a text lays out its paragraphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Every non-empty line is a paragraph (the usual shape of scraped text).
    LinePerParagraph,
    /// Hard-wrapped prose: blocks separated by blank lines are paragraphs.
    Wrapped,
}

/// Finds paragraphs: every non-empty line, unless the text is hard-wrapped prose, in
/// which case blank-line separated blocks.
pub fn paragraphs(text: &str, index: &LineIndex) -> (Layout, Vec<Paragraph>) {
    let blocks = blocks(text, index);
    let layout = detect_layout(text, index, &blocks);
    let paragraphs = match layout {
        Layout::Wrapped => blocks,
        Layout::LinePerParagraph => blocks
            .iter()
            .flat_map(|b| b.lines.clone())
            .filter_map(|line| trimmed_paragraph(text, index, line..line + 1))
            .collect(),
    };
    (layout, paragraphs)
}

fn blocks(text: &str, index: &LineIndex) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for line in 0..=index.len() {
        let blank = line == index.len() || text[index.line_range(line)].trim().is_empty();
        match (blank, start) {
            (false, None) => start = Some(line),
            (true, Some(s)) => {
                out.extend(trimmed_paragraph(text, index, s..line));
                start = None;
            }
            _ => {}
        }
    }
    out
}

fn trimmed_paragraph(text: &str, index: &LineIndex, lines: Range<usize>) -> Option<Paragraph> {
    let start = index.line_range(lines.start).start;
    let end = index.line_range(lines.end - 1).end;
    let range = trim_range(text, start..end);
    (!range.is_empty()).then_some(Paragraph { range, lines })
}

/// A text is hard-wrapped when most lines that continue into a next line of the same
/// block break mid-sentence: no closing punctuation, or the next line starts in lowercase.
/// Wrapped prose also starts many of its lines in lowercase; a block of headlines (a
/// related-links list: long lines, no full stops, every line capitalised) does not.
fn detect_layout(text: &str, index: &LineIndex, blocks: &[Paragraph]) -> Layout {
    let (mut continued, mut mid_sentence, mut lower) = (0usize, 0usize, 0usize);
    for block in blocks {
        for line in block.lines.start..block.lines.end.saturating_sub(1) {
            let this = text[index.line_range(line)].trim_end();
            let next = text[index.line_range(line + 1)].trim_start();
            continued += 1;
            let open_end = !this.ends_with(['.', '!', '?', ':', '"', '\u{201D}', '\'', ')']);
            let lower_next = next.chars().next().is_some_and(char::is_lowercase);
            lower += usize::from(lower_next);
            if lower_next || (open_end && this.chars().count() >= 30) {
                mid_sentence += 1;
            }
        }
    }
    if continued >= 3 && mid_sentence * 3 >= continued * 2 && lower * 4 >= continued {
        Layout::Wrapped
    } else {
        Layout::LinePerParagraph
    }
}

/// Sentences of a paragraph as trimmed byte ranges into `text`.
pub fn sentences(text: &str, paragraph: &Range<usize>) -> Vec<Range<usize>> {
    let slice = &text[paragraph.clone()];
    // Without a terminator or a line break, Unicode's rules find no break inside an
    // ASCII text: one sentence, without running the segmenter (most lines of a page).
    if slice.is_ascii() && !slice.contains(['.', '!', '?', '\r', '\n']) {
        let range = trim_range(text, paragraph.clone());
        return if range.is_empty() {
            Vec::new()
        } else {
            vec![range]
        };
    }
    segmented(text, paragraph)
}

/// [`sentences`] by Unicode's sentence boundaries, corrected for abbreviations.
fn segmented(text: &str, paragraph: &Range<usize>) -> Vec<Range<usize>> {
    let slice = &text[paragraph.clone()];
    match sentence_bounds::breaks(slice) {
        Some(breaks) => glued(text, paragraph.start, breaks.windows(2).map(|w| w[0]..w[1])),
        None => glued(
            text,
            paragraph.start,
            slice
                .split_sentence_bound_indices()
                .map(|(i, s)| i..i + s.len()),
        ),
    }
}

/// The trimmed, non-empty pieces (ranges relative to `base`), each glued to the next
/// when it ends with an abbreviation before a name.
fn glued(text: &str, base: usize, pieces: impl Iterator<Item = Range<usize>>) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut glue_next = false;
    for piece in pieces {
        let range = trim_range(text, base + piece.start..base + piece.end);
        if range.is_empty() {
            continue;
        }
        match out.last_mut() {
            Some(last) if glue_next => last.end = range.end,
            _ => out.push(range.clone()),
        }
        let current = out.last().expect("just pushed").clone();
        glue_next = ends_with_abbreviation(&text[current], text[range.end..].trim_start());
    }
    out
}

fn ends_with_abbreviation(sentence: &str, rest: &str) -> bool {
    let Some(body) = sentence.strip_suffix('.') else {
        return false;
    };
    let last = body
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '\u{201C}')
        .next()
        .unwrap_or("");
    let next = rest
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    if next.is_empty() {
        return false;
    }
    if NON_TERMINAL_ABBREVIATIONS.contains(&last) {
        return true;
    }
    let is_initial = last.len() == 1 && last.chars().all(|c| c.is_ascii_uppercase());
    let is_dotted = last.len() >= 3
        && last.contains('.')
        && last
            .split('.')
            .all(|p| p.len() == 1 && p.chars().all(char::is_alphabetic));
    (is_initial || is_dotted)
        && crate::text::starts_upper(next)
        && !SENTENCE_STARTERS.contains(&next)
}

/// Word tokens (runs with at least one letter or digit) inside `range`.
pub fn words(text: &str, range: &Range<usize>) -> Vec<Range<usize>> {
    text[range.clone()]
        .unicode_word_indices()
        .map(|(i, w)| range.start + i..range.start + i + w.len())
        .collect()
}

/// Shrinks a range so it starts and ends on non-whitespace.
pub fn trim_range(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.start + slice.trim_end().len();
    start..end.max(start)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The shortcut for lines without a terminator gives what the segmenter gives.
        #[test]
        fn unterminated_ascii_is_one_sentence_as_the_segmenter_finds(
            line in "[ a-zA-Z0-9,;:'\"()\\-\t]{0,80}",
            pad in 0usize..3,
        ) {
            let text = format!("{}{line}", " ".repeat(pad));
            let whole = 0..text.len();
            prop_assert_eq!(sentences(&text, &whole), segmented(&text, &whole));
        }
    }

    fn sentence_texts(text: &str) -> Vec<&str> {
        sentences(text, &(0..text.len()))
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn abbreviations_before_names_do_not_split() {
        let s = sentence_texts(
            "It was signed by U.S. Marine Corps Brig. Gen. Ruth H. Adebayo III, the commander. He left.",
        );
        assert_eq!(s.len(), 2, "{s:?}");
        assert!(s[0].ends_with("commander."));
    }

    #[test]
    fn initialism_at_end_of_sentence_still_splits() {
        let s = sentence_texts("Troops returned to the U.S. The move was expected.");
        assert_eq!(s, ["Troops returned to the U.S.", "The move was expected."]);
    }

    #[test]
    fn quotes_end_sentences() {
        let s = sentence_texts("“We will leave.” Letter specified. Then nothing.");
        assert_eq!(s.len(), 3, "{s:?}");
    }

    #[test]
    fn line_per_paragraph_layout() {
        let text = "Title\nFirst paragraph here.\nSecond one.\n\nThird.";
        let idx = LineIndex::new(text);
        let (layout, p) = paragraphs(text, &idx);
        assert_eq!(layout, Layout::LinePerParagraph);
        assert_eq!(p.len(), 4);
        assert_eq!(&text[p[2].range.clone()], "Second one.");
        assert_eq!(p[3].lines, 4..5);
    }

    #[test]
    fn wrapped_layout_joins_lines() {
        let text = "The committee met on Monday to discuss the\nbudget, and it agreed that the plan\nwould go ahead next year after all.\n\nA second paragraph that is also\nwrapped across two lines of text.\n";
        let idx = LineIndex::new(text);
        let (layout, p) = paragraphs(text, &idx);
        assert_eq!(layout, Layout::Wrapped);
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].lines, 0..3);
    }

    #[test]
    fn a_block_of_headlines_is_not_wrapped_prose() {
        let text = "Title of the story\n\nUS\nA soldier walks next to a wall, January 21. (Photo/Reuters)\n\nThe story.\n\nArticles You May Like\n\nUN newsletter told activists how to protest on Tax Day\nTexas boy admits to shooting man in 2022, police say\nNetworks omit latest overrun of the border at El Paso\nMigrants say city plan to provide housing is ‘insufficient’\nSenator endorses the idea of a new president for Harvard\n";
        let idx = LineIndex::new(text);
        let (layout, p) = paragraphs(text, &idx);
        assert_eq!(layout, Layout::LinePerParagraph);
        assert_eq!(&text[p[1].range.clone()], "US");
    }

    #[test]
    fn words_skip_punctuation() {
        let text = "Abdul-Mahdi, 5,000 troops!";
        let w: Vec<_> = words(text, &(0..text.len()))
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(w, ["Abdul", "Mahdi", "5,000", "troops"]);
    }
}
