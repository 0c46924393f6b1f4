//! The language an article is written in, so that rules written for one language
//! stay quiet on articles in another (an English phrase list judging a French page).

use std::sync::LazyLock;

use crate::hash::FastSet;

pub use whatlang::Lang as Language;

/// Only this much of the text is read: the language of a page shows in its first
/// paragraphs, and detection stays constant-time on huge files. On the 1,672 pages of
/// the line-labelled sets and the fixtures, 2 KB gives the language 4 KB gives on all
/// but two, which it calls unsure (`None`) instead of English, and half the time.
const SAMPLE_BYTES: usize = 2048;
/// Below this many letters the guess is not worth acting on.
const MIN_LETTERS: usize = 120;

/// The article's language, when the detector is sure of it; `None` for short or
/// mixed texts, on which every rule runs.
pub fn detect(text: &str) -> Option<Language> {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    if sample.chars().filter(|c| c.is_alphabetic()).count() < MIN_LETTERS {
        return None;
    }
    if plainly_english(sample) {
        return Some(Language::Eng);
    }
    whatlang::detect(sample)
        .filter(whatlang::Info::is_reliable)
        .map(|info| info.lang())
}

/// The built-in English stopword list (`data/stopwords-en.txt`), read on first use.
static STOPWORDS: LazyLock<FastSet<Box<str>>> =
    LazyLock::new(crate::rules::classifier::builtin_stopwords);

/// A sample that is English beyond doubt, read without the detector: its letters are
/// ASCII (98% or more), it has 30 words or more, and 30% of them are English stopwords.
/// On the 1,672 pages of the line-labelled sets and the fixtures, 1,505 pass, and the
/// detector calls every one of them English or unsure.
fn plainly_english(sample: &str) -> bool {
    let (mut letters, mut ascii) = (0usize, 0usize);
    for c in sample.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        ascii += usize::from(c.is_ascii());
    }
    if ascii * 100 < letters * 98 {
        return false;
    }
    let (mut words, mut stopwords) = (0usize, 0usize);
    let mut lower = String::new();
    for word in sample
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        words += 1;
        lower.clear();
        lower.extend(word.chars().map(|c| c.to_ascii_lowercase()));
        stopwords += usize::from(STOPWORDS.contains(lower.as_str()));
    }
    words >= 30 && stopwords * 10 >= words * 3
}

/// Parses an ISO 639-3 code as rule files write it (`eng`, `fra`, `deu`).
pub fn from_code(code: &str) -> Option<Language> {
    Language::from_code(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_and_french_prose_are_told_apart() {
        let en = "The council voted on Tuesday to close the old library on Mill Street, \
                  saying the building needs repairs it cannot afford. Residents who spoke \
                  at the meeting asked for the branch to stay open until a new one is built.";
        let fr = "Le conseil municipal a voté mardi la fermeture de l'ancienne bibliothèque \
                  de la rue du Moulin, estimant que le bâtiment a besoin de travaux qu'il ne \
                  peut pas financer. Les habitants ont demandé que la succursale reste ouverte.";
        assert_eq!(detect(en), Some(Language::Eng));
        assert_eq!(detect(fr), Some(Language::Fra));
    }

    #[test]
    fn plain_english_is_read_without_the_detector_and_other_languages_are_not() {
        let en = "The council voted on Tuesday to close the old library on Mill Street, \
                  saying that the building needs repairs it cannot afford. Residents who spoke \
                  at the meeting asked for the branch to stay open until a new one is built \
                  and for the books to be moved to the school.";
        assert!(plainly_english(en));
        let fr = "Le conseil municipal a voté mardi la fermeture de l'ancienne bibliothèque \
                  de la rue du Moulin, estimant que le bâtiment a besoin de travaux qu'il ne \
                  peut pas financer. Les habitants ont demandé que la succursale reste ouverte \
                  et que les livres soient déplacés à l'école.";
        assert!(!plainly_english(fr));
        let de = "Der Stadtrat hat am Dienstag beschlossen, die alte Bibliothek in der \
                  Mühlenstraße zu schließen, weil das Gebäude Reparaturen braucht, die er sich \
                  nicht leisten kann. Anwohner baten darum, die Zweigstelle offen zu halten.";
        assert!(!plainly_english(de));
        // A list of names and headings has too few stopwords to decide on.
        assert!(!plainly_english(
            &"Home News Sport Business Culture Weather ".repeat(8)
        ));
    }

    #[test]
    fn short_text_has_no_language() {
        assert_eq!(detect("Home | News | Sport"), None);
        assert_eq!(detect(""), None);
    }

    #[test]
    fn sampling_stops_on_a_char_boundary() {
        let text = "é".repeat(SAMPLE_BYTES);
        // Must not panic on the cut; the language itself does not matter.
        let _ = detect(&format!("a{text}"));
    }

    #[test]
    fn codes_are_iso_639_3() {
        assert_eq!(from_code("eng"), Some(Language::Eng));
        assert_eq!(from_code("en"), None);
    }
}
