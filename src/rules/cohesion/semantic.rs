//! Static word vectors and the semantic cohesion built on them.
//!
//! `data/vectors-en.bin` holds 30,000 lowercase English words with a 128-dimensional
//! int8 vector each, distilled from the sentence-embedding model all-MiniLM-L6-v2 by
//! `scripts/data/vectors/distill_vectors.py` (layout in `scripts/data/README.md`).
//! A paragraph's meaning is the IDF-weighted sum of its content words' unit vectors;
//! its semantic cohesion is the cosine between that sum and the sum of the rest of the
//! document (the document's sum minus the paragraph's, so linear in the document).

use std::borrow::Cow;
use std::cmp::Ordering;

/// `SLVEC1\0\0`.
const MAGIC: &[u8; 8] = b"SLVEC1\0\0";
const HEADER: usize = 16;

/// Word vectors as the data file gives them, each scaled to unit length on load.
/// The embedded file is read in place; a user's file is copied.
#[derive(Debug)]
pub(crate) struct WordVectors {
    dims: usize,
    /// The file: per word, a stored scale and `dims` quantised components.
    bytes: Cow<'static, [u8]>,
    /// Per word, the factor that makes its quantised vector unit length (made at
    /// build time for the embedded file).
    scale: Cow<'static, [f32]>,
    /// The words, `\n`-separated, sorted by byte order.
    words: Cow<'static, str>,
    /// Per word, its start in `words`; one more entry for the end.
    starts: Vec<u32>,
}

impl WordVectors {
    /// Parses and validates the binary file: magic, sizes, sorted unique words.
    pub(crate) fn parse(bytes: &[u8]) -> Result<WordVectors, String> {
        if bytes.len() < HEADER || &bytes[..8] != MAGIC {
            return Err("not a word-vector file (expected the magic `SLVEC1`)".into());
        }
        let u32_at = |at: usize| u32::from_le_bytes(bytes[at..at + 4].try_into().expect("4"));
        let (n, dims) = (u32_at(8) as usize, u32_at(12) as usize);
        if n == 0 || dims == 0 || dims > 4096 {
            return Err(format!(
                "implausible header: {n} words of {dims} dimensions"
            ));
        }
        let record = 4 + dims;
        let table_end = n
            .checked_mul(record)
            .and_then(|t| t.checked_add(HEADER))
            .filter(|&end| end <= bytes.len())
            .ok_or_else(|| {
                format!(
                    "truncated: {n} words of {dims} dimensions need more than {} bytes",
                    bytes.len()
                )
            })?;
        let not_utf8 = |e: std::str::Utf8Error| format!("word list is not UTF-8: {e}");
        let (file, words) = match crate::rules::builtin::embedded(bytes) {
            Some(file) => (
                Cow::Borrowed(file),
                Cow::Borrowed(std::str::from_utf8(&file[table_end..]).map_err(not_utf8)?),
            ),
            None => (
                Cow::Owned(bytes.to_vec()),
                Cow::Owned(
                    std::str::from_utf8(&bytes[table_end..])
                        .map_err(not_utf8)?
                        .to_owned(),
                ),
            ),
        };
        let mut starts = Vec::with_capacity(n + 1);
        starts.push(0u32);
        for (i, b) in words.bytes().enumerate() {
            if b == b'\n' {
                starts.push(i as u32 + 1);
            }
        }
        starts.push(words.len() as u32 + 1);
        if starts.len() != n + 1 {
            return Err(format!(
                "header says {n} words, the word list has {}",
                starts.len() - 1
            ));
        }
        // The embedded file was checked and scaled when the binary was built.
        if let Some(scale) = crate::rules::builtin::vector_scales(bytes) {
            return Ok(WordVectors {
                dims,
                bytes: file,
                scale: Cow::Borrowed(scale),
                words,
                starts,
            });
        }
        let mut scale = Vec::with_capacity(n);
        for i in 0..n {
            let at = HEADER + i * record;
            let stored = f32::from_le_bytes(bytes[at..at + 4].try_into().expect("4"));
            let q = &bytes[at + 4..at + record];
            let norm = q
                .iter()
                .map(|&b| f32::from(b as i8).powi(2))
                .sum::<f32>()
                .sqrt();
            if !stored.is_finite() || stored <= 0.0 || norm == 0.0 {
                return Err(format!("word {i}: zero or invalid vector"));
            }
            scale.push(1.0 / norm);
        }
        let vectors = WordVectors {
            dims,
            bytes: file,
            scale: Cow::Owned(scale),
            words,
            starts,
        };
        for i in 1..n {
            if vectors.word(i - 1) >= vectors.word(i) {
                return Err(format!(
                    "words not sorted and unique at {i}: `{}` then `{}`",
                    vectors.word(i - 1),
                    vectors.word(i)
                ));
            }
        }
        Ok(vectors)
    }

    pub(crate) fn dims(&self) -> usize {
        self.dims
    }

    fn len(&self) -> usize {
        self.scale.len()
    }

    /// The quantised components of word `i`.
    fn quantised(&self, i: usize) -> impl Iterator<Item = i8> + '_ {
        let at = HEADER + i * (4 + self.dims) + 4;
        self.bytes[at..at + self.dims].iter().map(|&b| b as i8)
    }

    fn word(&self, i: usize) -> &str {
        &self.words[self.starts[i] as usize..self.starts[i + 1] as usize - 1]
    }

    fn find(&self, word: &str) -> Option<usize> {
        let (mut lo, mut hi) = (0, self.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            match self.word(mid).cmp(word) {
                Ordering::Less => lo = mid + 1,
                Ordering::Greater => hi = mid,
                Ordering::Equal => return Some(mid),
            }
        }
        None
    }

    /// The index of a lowercase word: the word itself (without a possessive `'s`),
    /// else the first listed form of simple suffix stripping (`rebels` → `rebel`,
    /// `ceasefires` → `ceasefire`, `rallied` → `rally`, `stalling` → `stall`,
    /// `rebelling` → `rebel`).
    pub(crate) fn lookup(&self, lower: &str) -> Option<usize> {
        let word = lower
            .strip_suffix("'s")
            .or_else(|| lower.strip_suffix("\u{2019}s"))
            .unwrap_or(lower);
        if let Some(i) = self.find(word) {
            return Some(i);
        }
        const SUFFIXES: &[(&str, &str)] = &[
            ("ies", "y"),
            ("ied", "y"),
            ("es", ""),
            ("s", ""),
            ("ed", ""),
            ("ed", "e"),
            ("ing", ""),
            ("ing", "e"),
            ("ly", ""),
        ];
        SUFFIXES.iter().find_map(|(suffix, with)| {
            let base = word.strip_suffix(suffix)?;
            if base.chars().count() < 3 {
                return None;
            }
            self.find(&format!("{base}{with}")).or_else(|| {
                // A doubled final consonant: `stopped`, `rebelling`.
                let mut chars = base.chars().rev();
                let doubled = with.is_empty()
                    && matches!(*suffix, "ed" | "ing")
                    && chars.next() == chars.next();
                doubled
                    .then(|| self.find(&base[..base.len() - base.chars().last()?.len_utf8()]))
                    .flatten()
            })
        })
    }

    /// Adds `weight` times the unit vector of word `i` to `sum`.
    pub(crate) fn add_to(&self, sum: &mut [f32], i: usize, weight: f32) {
        let w = weight * self.scale[i];
        for (s, c) in sum.iter_mut().zip(self.quantised(i)) {
            *s += w * f32::from(c);
        }
    }
}

impl WordVectors {
    /// Cosine of word `i`'s vector with `v` (0 when `v` is zero).
    pub(crate) fn cosine_with(&self, i: usize, v: &[f32]) -> f64 {
        self.cosine_with_norm(i, v, norm(v))
    }

    /// [`WordVectors::cosine_with`] given `v`'s [`norm`]: many words are compared with
    /// one vector.
    pub(crate) fn cosine_with_norm(&self, i: usize, v: &[f32], norm: f64) -> f64 {
        let mut dot = 0.0f64;
        for (c, &x) in self.quantised(i).zip(v) {
            dot += f64::from(c) * f64::from(x);
        }
        if norm > 0.0 {
            dot * f64::from(self.scale[i]) / norm
        } else {
            0.0
        }
    }
}

/// The length of `v`, summed in order in `f64`.
pub(crate) fn norm(v: &[f32]) -> f64 {
    v.iter()
        .fold(0.0f64, |n, &x| n + f64::from(x) * f64::from(x))
        .sqrt()
}

/// Cosine of two dense vectors; 0 when either is zero.
pub(crate) fn cosine(a: &[f32], b: &[f32]) -> f64 {
    let (mut dot, mut aa, mut bb) = (0.0f64, 0.0f64, 0.0f64);
    for (&x, &y) in a.iter().zip(b) {
        let (x, y) = (f64::from(x), f64::from(y));
        dot += x * y;
        aa += x * x;
        bb += y * y;
    }
    if aa > 0.0 && bb > 0.0 {
        dot / (aa * bb).sqrt()
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file of `words` (sorted) with the given quantised vectors and scales.
    fn file(words: &[&str], vectors: &[&[i8]], dims: u32) -> Vec<u8> {
        let mut b = MAGIC.to_vec();
        b.extend((words.len() as u32).to_le_bytes());
        b.extend(dims.to_le_bytes());
        for v in vectors {
            b.extend(0.01f32.to_le_bytes());
            b.extend(v.iter().map(|&x| x as u8));
        }
        b.extend(words.join("\n").as_bytes());
        b
    }

    fn small() -> WordVectors {
        WordVectors::parse(&file(
            &["army", "rally", "rebel", "troop"],
            &[&[100, 0, 0], &[0, 50, 0], &[0, 0, -20], &[90, 10, 0]],
            3,
        ))
        .unwrap()
    }

    #[test]
    fn parses_and_finds_words() {
        let v = small();
        assert_eq!(v.dims(), 3);
        assert_eq!(v.lookup("army"), Some(0));
        assert_eq!(v.lookup("troop"), Some(3));
        assert_eq!(v.lookup("zebra"), None);
        assert_eq!(v.lookup("aardvark"), None);
    }

    #[test]
    fn lookup_strips_possessives_and_suffixes() {
        let v = small();
        assert_eq!(v.lookup("army's"), Some(0));
        assert_eq!(v.lookup("army\u{2019}s"), Some(0));
        assert_eq!(v.lookup("rebels"), Some(2));
        assert_eq!(v.lookup("troops"), Some(3));
        assert_eq!(v.lookup("rallied"), Some(1));
        assert_eq!(v.lookup("rallies"), Some(1));
        assert_eq!(v.lookup("rebelling"), Some(2));
    }

    #[test]
    fn vectors_are_unit_length() {
        let v = small();
        for i in 0..4 {
            let mut s = vec![0.0f32; 3];
            v.add_to(&mut s, i, 1.0);
            let norm = s.iter().map(|x| x * x).sum::<f32>().sqrt();
            assert!((norm - 1.0).abs() < 1e-6, "{i}: {norm}");
        }
        let mut s = vec![0.0f32; 3];
        v.add_to(&mut s, 2, 2.0);
        assert!((s[2] + 2.0).abs() < 1e-6);
    }

    #[test]
    fn the_built_in_scales_are_those_parse_computes() {
        let bytes = crate::rules::builtin::data_bytes("data/vectors-en.bin").unwrap();
        let built = WordVectors::parse(bytes).unwrap();
        assert!(
            matches!(built.scale, Cow::Borrowed(_)),
            "read from the build"
        );
        let owned: Vec<u8> = bytes.to_vec();
        let copy = WordVectors::parse(owned.as_slice()).unwrap();
        assert!(
            matches!(copy.scale, Cow::Owned(_)),
            "a user's copy is scaled on load"
        );
        assert_eq!(built.scale.len(), copy.scale.len());
        assert!(
            built
                .scale
                .iter()
                .zip(copy.scale.iter())
                .all(|(a, b)| a == b)
        );
        assert_eq!(built.lookup("troops"), copy.lookup("troops"));
    }

    #[test]
    fn bad_files_are_errors() {
        let good = file(&["a", "b"], &[&[1, 0], &[0, 1]], 2);
        assert!(WordVectors::parse(&good).is_ok());
        assert!(
            WordVectors::parse(b"SLVEC2\0\0")
                .unwrap_err()
                .contains("magic")
        );
        assert!(
            WordVectors::parse(&good[..20])
                .unwrap_err()
                .contains("truncated")
        );
        let unsorted = file(&["b", "a"], &[&[1, 0], &[0, 1]], 2);
        assert!(
            WordVectors::parse(&unsorted)
                .unwrap_err()
                .contains("sorted")
        );
        let missing = file(&["a"], &[&[1, 0], &[0, 1]], 2);
        assert!(
            WordVectors::parse(&missing)
                .unwrap_err()
                .contains("word list")
        );
        let zero = file(&["a", "b"], &[&[0, 0], &[0, 1]], 2);
        assert!(WordVectors::parse(&zero).unwrap_err().contains("zero"));
    }

    #[test]
    fn cosine_maths() {
        assert!((cosine(&[1.0, 0.0], &[2.0, 0.0]) - 1.0).abs() < 1e-12);
        assert_eq!(cosine(&[1.0, 0.0], &[0.0, 3.0]), 0.0);
        assert!((cosine(&[1.0, 1.0], &[1.0, 0.0]) - 0.5f64.sqrt()).abs() < 1e-7);
        assert_eq!(cosine(&[0.0, 0.0], &[1.0, 0.0]), 0.0);
        // A word's cosine with a dense vector.
        let v = small();
        assert!((v.cosine_with(0, &[2.0, 0.0, 0.0]) - 1.0).abs() < 1e-6);
        assert!((v.cosine_with(2, &[0.0, 0.0, 5.0]) + 1.0).abs() < 1e-6);
        assert_eq!(v.cosine_with(1, &[0.0, 0.0, 0.0]), 0.0);
    }

    #[test]
    fn the_shipped_file_parses_and_relates_words() {
        let bytes = crate::rules::builtin::data_bytes("data/vectors-en.bin").unwrap();
        let v = WordVectors::parse(bytes).unwrap();
        assert_eq!((v.len(), v.dims()), (30_000, 128));
        let vec_of = |w: &str| {
            let mut s = vec![0.0f32; v.dims()];
            v.add_to(&mut s, v.lookup(w).unwrap(), 1.0);
            s
        };
        let army = vec_of("army");
        assert!(cosine(&army, &vec_of("soldiers")) > cosine(&army, &vec_of("banana")));
    }
}
