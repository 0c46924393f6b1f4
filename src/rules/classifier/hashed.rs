//! Hashed word and character n-grams of a line, so the classifier reads what a line
//! says and not only its shape.
//!
//! Each n-gram is hashed (32-bit FNV-1a of a group tag and the n-gram's UTF-8 bytes)
//! into one of [`BUCKETS`] buckets. `scrapelint features` prints the bucket indices,
//! so the fitting script never re-implements tokenisation: what is fitted is what the
//! rule computes. Within a group every n-gram weighs `1 / sqrt(n)` for a line of `n`
//! n-grams of that group, so a long line does not outweigh a short one by length alone.

/// Number of hash buckets (2^18).
pub const BUCKETS: u32 = 1 << 18;

/// Characters of a line that char n-grams are taken from; longer lines are cut here
/// (their opening says enough, and it bounds the work per line).
const MAX_CHARS: usize = 1000;

/// Kinds of n-gram, each hashed with its own tag so that the word `more` and the
/// character gram `more` are different features.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    /// Words of the line.
    Word,
    /// Pairs of adjacent words, with `^` and `$` marking the line's ends.
    Bigram,
    /// Character 3-, 4- and 5-grams of the line.
    Chars,
    /// Words of the line before.
    PrevWord,
    /// Words of the line after.
    NextWord,
}

impl Group {
    fn tag(self) -> &'static [u8] {
        match self {
            Group::Word => b"w:",
            Group::Bigram => b"b:",
            Group::Chars => b"c:",
            Group::PrevWord => b"p:",
            Group::NextWord => b"n:",
        }
    }
}

/// 32-bit FNV-1a: small, stable across Rust versions (unlike `DefaultHasher`), and
/// easy to check against its published test vectors.
struct Fnv1a(u32);

impl Fnv1a {
    fn new() -> Self {
        Fnv1a(0x811c_9dc5)
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u32::from(*b);
            self.0 = self.0.wrapping_mul(0x0100_0193);
        }
    }
}

#[cfg(test)]
fn fnv1a(bytes: &[u8]) -> u32 {
    let mut h = Fnv1a::new();
    h.write(bytes);
    h.0
}

/// The bucket of an n-gram: FNV-1a of the group's tag then the n-gram's bytes.
pub fn bucket(group: Group, text: &str) -> u32 {
    let mut h = Fnv1a::new();
    h.write(group.tag());
    h.write(text.as_bytes());
    h.0 % BUCKETS
}

/// Lowercase, ASCII digits as `0` (a date or a count is a shape, not a word): the form
/// a line's words and character n-grams are read from.
pub fn normalise(text: &str) -> String {
    if text.is_ascii() {
        let bytes = text
            .bytes()
            .map(|b| match b {
                b'0'..=b'9' => b'0',
                b => b.to_ascii_lowercase(),
            })
            .collect();
        return String::from_utf8(bytes).expect("ASCII");
    }
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            '0'..='9' => '0',
            '\u{2019}' => '\'',
            c => c,
        })
        .collect()
}

/// The line's words, lowercased, digits as `0`.
pub fn words(text: &str) -> Vec<String> {
    words_of_normal(&normalise(text))
}

/// [`words`] of a line [`normalise`]d already.
pub fn words_of_normal(normal: &str) -> Vec<String> {
    normal
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
        .map(|w| w.trim_matches(['\'', '-']))
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .map(str::to_owned)
        .collect()
}

/// The `(bucket, value)` pairs of one group's n-grams, in order, the buckets `keep`
/// refuses left out.
fn group_features(
    group: Group,
    grams: &[String],
    keep: &impl Fn(u32) -> bool,
    out: &mut Vec<(u32, f32)>,
) {
    if grams.is_empty() {
        return;
    }
    let value = 1.0 / (grams.len() as f32).sqrt();
    out.extend(
        grams
            .iter()
            .map(|g| bucket(group, g))
            .filter(|&b| keep(b))
            .map(|b| (b, value)),
    );
}

/// Pairs of adjacent words, the line's ends marked `^` and `$` (`^ subscribe`, ...,
/// `free $`), hashed as `first second` is without building the string.
fn bigram_features(words: &[String], keep: &impl Fn(u32) -> bool, out: &mut Vec<(u32, f32)>) {
    if words.is_empty() {
        return;
    }
    let value = 1.0 / ((words.len() + 1) as f32).sqrt();
    let mut tagged = Fnv1a::new();
    tagged.write(Group::Bigram.tag());
    let padded = std::iter::once("^")
        .chain(words.iter().map(String::as_str))
        .chain(std::iter::once("$"));
    let mut before = "";
    for (i, word) in padded.enumerate() {
        if i > 0 {
            let mut h = Fnv1a(tagged.0);
            h.write(before.as_bytes());
            h.write(b" ");
            h.write(word.as_bytes());
            let b = h.0 % BUCKETS;
            if keep(b) {
                out.push((b, value));
            }
        }
        before = word;
    }
}

/// A normalised line, whitespace squeezed to single spaces and a space at each end.
fn padded(normal: &str) -> String {
    let mut out = String::with_capacity(normal.len() + 2);
    out.push(' ');
    let mut push = |word: &str| {
        out.push_str(word);
        out.push(' ');
    };
    if normal.is_ascii() {
        // `split_whitespace` byte by byte: these are the ASCII white space characters.
        normal
            .as_bytes()
            .split(|b| matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' '))
            .filter(|w| !w.is_empty())
            .for_each(|w| push(std::str::from_utf8(w).expect("ASCII")));
    } else {
        normal.split_whitespace().for_each(push);
    }
    if out.len() == 1 {
        out.push(' ');
    }
    out
}

/// Character 3- to 5-grams of the line (whitespace squeezed, padded with a space at
/// each end), hashed as they are read: the 4- and 5-gram at a position go on from the
/// hash of the 3-gram there. All 3-grams come first, then 4-grams, then 5-grams, the
/// buckets `keep` refuses left out.
fn char_features(normal: &str, keep: &impl Fn(u32) -> bool, out: &mut Vec<(u32, f32)>) {
    let padded = padded(normal);
    // Byte offsets of the first MAX_CHARS characters and of the end of the last.
    let mut bounds: Vec<usize> = if padded.is_ascii() {
        (0..padded.len().min(MAX_CHARS + 1)).collect()
    } else {
        padded
            .char_indices()
            .map(|(i, _)| i)
            .take(MAX_CHARS + 1)
            .collect()
    };
    if bounds.len() <= MAX_CHARS {
        bounds.push(padded.len());
    }
    let chars = bounds.len() - 1;
    let per_n = [3, 4, 5].map(|n| chars.saturating_sub(n - 1));
    let count: usize = per_n.iter().sum();
    if count == 0 {
        return;
    }
    let value = 1.0 / (count as f32).sqrt();
    let mut grams = [Vec::new(), Vec::new(), Vec::new()];
    let bytes = padded.as_bytes();
    let mut tagged = Fnv1a::new();
    tagged.write(Group::Chars.tag());
    let mut add = |n: usize, h: &Fnv1a| {
        let b = h.0 % BUCKETS;
        if keep(b) {
            grams[n].push((b, value));
        }
    };
    for i in 0..per_n[0] {
        let mut h = Fnv1a(tagged.0);
        h.write(&bytes[bounds[i]..bounds[i + 3]]);
        add(0, &h);
        if i < per_n[1] {
            h.write(&bytes[bounds[i + 3]..bounds[i + 4]]);
            add(1, &h);
        }
        if i < per_n[2] {
            h.write(&bytes[bounds[i + 4]..bounds[i + 5]]);
            add(2, &h);
        }
    }
    grams.iter().for_each(|g| out.extend_from_slice(g));
}

/// The hashed features of a line given its neighbours' text: its words, word pairs
/// and character n-grams, and the words of the lines before and after.
pub fn features(line: &str, prev: Option<&str>, next: Option<&str>) -> Vec<(u32, f32)> {
    let (prev, next) = (prev.map(words), next.map(words));
    let normal = normalise(line);
    features_of_words(
        &normal,
        &words_of_normal(&normal),
        prev.as_deref(),
        next.as_deref(),
        &|_| true,
    )
}

/// [`features`] of a line [`normalise`]d already, whose words (and its neighbours')
/// are split already: a document normalises and splits each line once and reads it
/// three times, as a line and as the neighbour of two. Only buckets for which `keep` holds are returned: dropping the
/// ones a model gives no weight before sorting leaves the others' sums as they were.
pub fn features_of_words(
    normal: &str,
    own: &[String],
    prev: Option<&[String]>,
    next: Option<&[String]>,
    keep: &impl Fn(u32) -> bool,
) -> Vec<(u32, f32)> {
    let mut out = Vec::new();
    group_features(Group::Word, own, keep, &mut out);
    bigram_features(own, keep, &mut out);
    char_features(normal, keep, &mut out);
    if let Some(p) = prev {
        group_features(Group::PrevWord, p, keep, &mut out);
    }
    if let Some(n) = next {
        group_features(Group::NextWord, n, keep, &mut out);
    }
    out.sort_by_key(|(b, _)| *b);
    out.dedup_by(|later, kept| {
        let same = later.0 == kept.0;
        if same {
            kept.1 += later.1;
        }
        same
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bigrams_hash_as_their_joined_text() {
        let words: Vec<String> = ["read", "more", "here"].map(String::from).into();
        let mut got = Vec::new();
        bigram_features(&words, &|_| true, &mut got);
        let want: Vec<(u32, f32)> = ["^ read", "read more", "more here", "here $"]
            .iter()
            .map(|g| (bucket(Group::Bigram, g), 0.5))
            .collect();
        assert_eq!(got, want);
        let mut none = Vec::new();
        bigram_features(&[], &|_| true, &mut none);
        assert!(none.is_empty());
    }

    #[test]
    fn fnv1a_matches_the_published_test_vectors() {
        assert_eq!(fnv1a(b""), 0x811c_9dc5);
        assert_eq!(fnv1a(b"a"), 0xe40c_292c);
        assert_eq!(fnv1a(b"foobar"), 0xbf9c_f968);
        assert_eq!(bucket(Group::Word, "a"), fnv1a(b"w:a") % BUCKETS);
    }

    #[test]
    fn words_are_lowercased_with_digits_folded() {
        assert_eq!(
            words("Subscribe to our NEWSLETTER — it's free, 24/7!"),
            [
                "subscribe",
                "to",
                "our",
                "newsletter",
                "it's",
                "free",
                "00",
                "0"
            ]
        );
    }

    /// Char n-grams hashed one by one from their characters, as first written.
    fn char_features_one_by_one(text: &str) -> Vec<(u32, f32)> {
        let squeezed = normalise(text)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let chars: Vec<char> = format!(" {squeezed} ").chars().take(MAX_CHARS).collect();
        let count: usize = (3..=5).map(|n| chars.len().saturating_sub(n - 1)).sum();
        let value = 1.0 / (count as f32).sqrt();
        let mut out = Vec::new();
        for n in 3..=5 {
            for w in chars.windows(n) {
                let gram: String = w.iter().collect();
                out.push((bucket(Group::Chars, &gram), value));
            }
        }
        out
    }

    #[test]
    fn char_grams_hashed_as_they_are_read_match_hashing_each_gram() {
        let long = "Größe – naïve café ".repeat(80);
        for text in [
            "",
            "a",
            "ab",
            "abc",
            "Read  more\t»",
            "l’été 2024",
            long.as_str(),
        ] {
            let mut incremental = Vec::new();
            char_features(&normalise(text), &|_| true, &mut incremental);
            assert_eq!(incremental, char_features_one_by_one(text), "{text:?}");
        }
    }

    #[test]
    fn features_are_sorted_unique_and_weighted_by_group_size() {
        let f = features("Read more", None, Some("Sign up"));
        assert!(f.windows(2).all(|w| w[0].0 < w[1].0));
        let read = bucket(Group::Word, "read");
        let v = f.iter().find(|(b, _)| *b == read).map(|(_, v)| *v);
        assert_eq!(v, Some(1.0 / 2f32.sqrt()));
        assert!(f.iter().any(|(b, _)| *b == bucket(Group::NextWord, "sign")));
        assert!(f.iter().any(|(b, _)| *b == bucket(Group::Bigram, "more $")));
        assert!(f.iter().any(|(b, _)| *b == bucket(Group::Chars, " read")));
    }
}
