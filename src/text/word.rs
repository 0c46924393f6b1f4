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

/// The word opens on a capital letter (`Paris`, `NATO`, `Éire`).
pub fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Capitalised as a word in a title or a name is: a capital, then some lowercase
/// (`Common`, `McDonald`; not `common` or `NATO`).
pub fn capitalised(word: &str) -> bool {
    starts_upper(word) && word.chars().any(char::is_lowercase)
}

/// Marks that open a quotation: `“`, `"`, `‘`, `'`, `«`, `„`.
pub const OPENING_QUOTES: &[char] = &['“', '"', '‘', '\'', '«', '„'];

/// Whether `text` starts (after spaces) with an opening quotation mark.
pub fn opens_quotation(text: &str) -> bool {
    text.trim_start().starts_with(OPENING_QUOTES)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitals_are_read_from_the_first_letter() {
        assert!(starts_upper("NATO") && starts_upper("Éire") && !starts_upper("eBay"));
        assert!(capitalised("McDonald") && capitalised("Éire"));
        assert!(!capitalised("NATO") && !capitalised("common") && !capitalised(""));
    }

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
