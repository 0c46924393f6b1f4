//! Runs of capitalised words (`Prime Minister Adel Salam-Qureshi`, `Youssef el-Amrani`):
//! the raw material of name checks, found without any word list so the corpus pass and
//! the rules see the same runs.

use std::ops::Range;

use super::Document;

/// Lowercase particles that belong inside a name (`van der Berg`, `el-Amrani`).
const PARTICLES: &[&str] = &[
    "al", "el", "ul", "bin", "ibn", "abu", "ben", "bint", "van", "von", "der", "den", "de", "da",
    "di", "du", "del", "della", "dos", "das", "le", "la", "ter", "ten", "y", "zu",
];

/// One run of capitalised words inside a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameRun {
    /// The words, in order (byte ranges into the document).
    pub words: Vec<Range<usize>>,
    /// Whether the run opens its sentence, where any word is capitalised.
    pub sentence_start: bool,
}

impl NameRun {
    pub fn range(&self) -> Range<usize> {
        self.words[0].start..self.words[self.words.len() - 1].end
    }
}

/// Whether a lowercase word is a name particle.
pub fn is_particle(lower: &str) -> bool {
    PARTICLES.contains(&lower)
}

/// Capitalised like a name: a capital first letter and some lowercase (not `NATO`).
fn capitalised(word: &str) -> bool {
    super::capitalised(word) && word.chars().all(|c| c.is_alphabetic() || is_apostrophe(c))
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Every run of capitalised words (with particles between them) in `doc`, joined by a
/// single space or a hyphen.
pub fn name_runs(doc: &Document) -> Vec<NameRun> {
    let text = doc.text();
    let mut runs = Vec::new();
    for sentence in doc.sentences() {
        let words = doc.words_of(sentence);
        let mut i = 0;
        while i < words.len() {
            if !capitalised(&text[words[i].clone()]) {
                i += 1;
                continue;
            }
            let mut run = vec![words[i].clone()];
            let mut j = i + 1;
            while j < words.len() && joined(text, &words[j - 1], &words[j]) {
                let w = &text[words[j].clone()];
                if capitalised(w) {
                    run.push(words[j].clone());
                    j += 1;
                } else if let Some(end) = particles_then_name(text, words, j) {
                    run.extend(words[j..=end].iter().cloned());
                    j = end + 1;
                } else {
                    break;
                }
            }
            runs.push(NameRun {
                words: run,
                sentence_start: i == 0,
            });
            i = j;
        }
    }
    runs
}

/// If particles start at `j` and a capitalised word follows them (`van der Berg`), the
/// index of that word.
fn particles_then_name(text: &str, words: &[Range<usize>], j: usize) -> Option<usize> {
    let mut k = j;
    while k < words.len() && is_particle(&text[words[k].clone()]) {
        k += 1;
        if k == words.len() || !joined(text, &words[k - 1], &words[k]) {
            return None;
        }
    }
    (k > j && capitalised(&text[words[k].clone()])).then_some(k)
}

/// A single space or a hyphen between two words, and nothing else.
fn joined(text: &str, a: &Range<usize>, b: &Range<usize>) -> bool {
    matches!(&text[a.end..b.start], " " | "-" | "\u{2010}")
}

/// The words of a name form stored as text (`Adel Salam-Qureshi` -> `Adel`, `Salam`, `Qureshi`).
pub fn form_words(form: &str) -> Vec<&str> {
    super::segment::words(form, &(0..form.len()))
        .into_iter()
        .map(|r| &form[r])
        .collect()
}

/// Keys under which a name is filed: for each of its last two words, the position from
/// the end, the first two letters and the length (folded). Two spellings of one name
/// share a key unless both last words differ in their first letters.
pub fn block_keys(words: &[&str]) -> Vec<String> {
    key_parts(words)
        .map(|(pos, prefix, len)| format!("{pos}:{prefix}:{len}"))
        .collect()
}

/// The keys to look up for `words`: [`block_keys`] with lengths up to two letters off.
pub fn lookup_keys(words: &[&str]) -> Vec<String> {
    key_parts(words)
        .flat_map(|(pos, prefix, len)| {
            (len.saturating_sub(2)..=len + 2).map(move |l| format!("{pos}:{prefix}:{l}"))
        })
        .collect()
}

fn key_parts<'a>(words: &'a [&str]) -> impl Iterator<Item = (usize, String, usize)> + 'a {
    words.iter().rev().take(2).enumerate().map(|(pos, w)| {
        let f = fold(w);
        (pos, f.chars().take(2).collect(), f.chars().count())
    })
}

/// Lowercase, without diacritics or a possessive: `Wójcik's` -> `wojcik`, `Zoë` -> `zoe`.
pub fn fold(word: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let word = without_possessive(word);
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(word.len());
    for c in word.nfd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        match c {
            'ł' | 'Ł' => out.push('l'),
            'ø' | 'Ø' => out.push('o'),
            'đ' | 'Đ' | 'ð' | 'Ð' => out.push('d'),
            'ß' => out.push_str("ss"),
            'æ' | 'Æ' => out.push_str("ae"),
            'œ' | 'Œ' => out.push_str("oe"),
            'þ' | 'Þ' => out.push_str("th"),
            'ı' => out.push('i'),
            c if is_apostrophe(c) => out.push('\''),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// `Qureshi` for `Qureshi's` or `Qureshi’s`.
pub fn without_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("\u{2019}s"))
        .unwrap_or(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runs(text: &str) -> Vec<String> {
        let doc = Document::from_text(text);
        name_runs(&doc)
            .iter()
            .map(|r| doc.slice(&r.range()).to_owned())
            .collect()
    }

    #[test]
    fn runs_join_spaces_hyphens_and_particles() {
        assert_eq!(
            runs("Iraqi PM Adel Salam-Qureshi met Youssef el-Amrani and Jan van der Berg."),
            [
                "Iraqi",
                "Adel Salam-Qureshi",
                "Youssef el-Amrani",
                "Jan van der Berg"
            ]
        );
        assert_eq!(
            runs("He met Mark Esper, Mark Milley."),
            ["He", "Mark Esper", "Mark Milley"]
        );
    }

    #[test]
    fn folding_drops_case_diacritics_and_possessives() {
        assert_eq!(fold("Wójcik"), "wojcik");
        assert_eq!(fold("Zoë"), "zoe");
        assert_eq!(fold("Łódź"), "lodz");
        assert_eq!(fold("Gráinne"), "grainne");
        assert_eq!(fold("Qureshi’s"), "qureshi");
        assert_eq!(fold("O’Brien"), "o'brien");
        assert_eq!(fold("McDonald's"), "mcdonald");
    }
}
