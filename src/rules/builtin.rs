//! The rule and data files embedded from `rules/` at build time (see `build.rs`).

include!(concat!(env!("OUT_DIR"), "/builtin_rules.rs"));

/// The embedded data file at `name` (a path under `rules/`, e.g. `data/vectors-en.bin`).
pub(crate) fn data_bytes(name: &str) -> Option<&'static [u8]> {
    let name = name.trim_start_matches("./");
    DATA_FILES.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
}

/// `bytes` as the embedded data file it is (the very bytes, not a copy), if it is one:
/// a parser may then borrow from it for the life of the process.
pub(crate) fn embedded(bytes: &[u8]) -> Option<&'static [u8]> {
    DATA_FILES
        .iter()
        .map(|(_, t)| *t)
        .find(|t| std::ptr::eq(*t, bytes))
}

/// Keys of a table parsed from a data file: borrowed from the file when it is an
/// embedded one (no allocation per record, nothing copied), owned for a user's file.
pub(crate) struct Keys<'a> {
    text: &'a str,
    file: Option<&'static str>,
}

impl<'a> Keys<'a> {
    pub(crate) fn of(text: &'a str) -> Keys<'a> {
        let file = embedded(text.as_bytes()).and_then(|b| std::str::from_utf8(b).ok());
        Keys { text, file }
    }

    /// `part` (a slice of the text) as a key.
    pub(crate) fn key(&self, part: &'a str) -> std::borrow::Cow<'static, str> {
        match self.file {
            Some(file) => {
                let at = part.as_ptr() as usize - self.text.as_ptr() as usize;
                debug_assert!(at + part.len() <= self.text.len(), "a part of the text");
                std::borrow::Cow::Borrowed(&file[at..at + part.len()])
            }
            None => std::borrow::Cow::Owned(part.to_owned()),
        }
    }

    /// `part` lowercased as a key: borrowed when it is lowercase already.
    pub(crate) fn lowercase_key(&self, part: &'a str) -> std::borrow::Cow<'static, str> {
        match crate::text::lowercase(part) {
            std::borrow::Cow::Borrowed(_) => self.key(part),
            std::borrow::Cow::Owned(lower) => std::borrow::Cow::Owned(lower),
        }
    }
}

/// The embedded text data file at `name` (e.g. `data/stopwords-en.txt`).
pub(crate) fn data_file(name: &str) -> Option<&'static str> {
    data_bytes(name).and_then(|b| std::str::from_utf8(b).ok())
}

/// The stem table precomputed for `text` when it is the embedded file `build.rs`
/// stemmed (the very bytes, not a user's file of the same name).
pub(crate) fn stem_table(text: &str) -> Option<&'static StaticTable<f64>> {
    word_table(text, &STEM_TABLE)
}

/// Whether `bytes` are the embedded data file `name` itself (not a copy): what
/// `build.rs` worked out from that file then holds for them.
fn is_embedded(name: &str, bytes: &[u8]) -> bool {
    data_bytes(name).is_some_and(|embedded| std::ptr::eq(bytes, embedded))
}

/// A table of words `build.rs` laid out from an embedded data file, read in place: the
/// words in the slots of a perfect hash (phf) as one string, each slot the end offset
/// of its word and its value.
#[derive(Debug)]
pub(crate) struct StaticTable<V: 'static> {
    file: &'static str,
    key: phf_shared::HashKey,
    disps: &'static [(u32, u32)],
    words: &'static str,
    slots: &'static [(u32, V)],
}

impl<V> StaticTable<V> {
    fn word(&self, i: usize) -> &'static str {
        let start = i.checked_sub(1).map_or(0, |j| self.slots[j].0 as usize);
        &self.words[start..self.slots[i].0 as usize]
    }

    /// The value of `word`, if listed.
    pub(crate) fn get(&self, word: &str) -> Option<&'static V> {
        let hashes = phf_shared::hash(word, &self.key);
        let i = phf_shared::get_index(&hashes, self.disps, self.slots.len()) as usize;
        (self.word(i) == word).then(|| &self.slots[i].1)
    }

    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.slots.len()
    }

    /// Every word and its value, in slot order.
    pub(crate) fn entries(&self) -> impl Iterator<Item = (&'static str, &'static V)> + '_ {
        (0..self.slots.len()).map(|i| (self.word(i), &self.slots[i].1))
    }
}

/// The table `build.rs` laid out for `text` when it is that table's embedded file (the
/// very bytes, not a user's file of the same name).
pub(crate) fn word_table<V>(
    text: &str,
    table: &'static StaticTable<V>,
) -> Option<&'static StaticTable<V>> {
    is_embedded(table.file, text.as_bytes()).then_some(table)
}

/// The unit scales of the word vectors precomputed for `bytes` when it is the
/// embedded file `build.rs` read (the very bytes, not a user's copy), which the build
/// has also checked for zero vectors and word order.
pub(crate) fn vector_scales(bytes: &[u8]) -> Option<&'static [f32]> {
    let (name, scales) = VECTOR_SCALES;
    is_embedded(name, bytes).then_some(scales)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    #[test]
    fn keys_borrow_from_the_embedded_file_only() {
        let text = data_file("data/stopwords-en.txt").unwrap();
        let word = text
            .lines()
            .find(|l| !l.starts_with('#') && !l.is_empty())
            .unwrap();
        let keys = Keys::of(text);
        assert!(matches!(keys.key(word), Cow::Borrowed(w) if w == word));
        let copy = text.to_owned();
        let copied = copy.lines().find(|l| *l == word).unwrap();
        assert!(matches!(Keys::of(&copy).key(copied), Cow::Owned(w) if w == word));
        assert!(matches!(Keys::of(text).lowercase_key("The"), Cow::Owned(w) if w == "the"));
    }
}
