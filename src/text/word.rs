//! Helpers on single words that several rules share: one definition of each.

use std::borrow::Cow;

/// `word` in lowercase, as `str::to_lowercase` gives it, without allocating when it is
/// lowercase already; ASCII words take a byte-wise fast path.
pub fn lowercase(word: &str) -> Cow<'_, str> {
    if word.is_ascii() {
        if word.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(word.to_ascii_lowercase())
        } else {
            Cow::Borrowed(word)
        }
    } else if word
        .chars()
        .any(|c| !c.is_lowercase() && c.to_lowercase().ne([c]))
    {
        Cow::Owned(word.to_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercase_agrees_with_the_standard_library() {
        for w in [
            "plain",
            "Title",
            "ALL",
            "café",
            "CAFÉ",
            "ΟΔΟΣ",
            "straße",
            "İstanbul",
            "ǅ",
            "x1-Y",
        ] {
            assert_eq!(lowercase(w), w.to_lowercase(), "{w}");
        }
        assert!(matches!(lowercase("plain"), Cow::Borrowed(_)));
        assert!(matches!(lowercase("café"), Cow::Borrowed(_)));
    }
}
