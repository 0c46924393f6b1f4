//! How close two words are: edit distance, shared prefixes, inflection; and which near
//! misses are the writer's own spelling. Shared by the `lexicon`, `collocation` and
//! `consistency` kinds.

use crate::hash::FastMap;
use std::ops::Range;

/// Optimal string alignment distance over characters (a swap of two neighbours is one
/// edit: `Cheif` -> `Chief`).
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    strsim::osa_distance(a, b)
}

/// Like [`edit_distance`], but a vowel put for another vowel or a letter for its
/// neighbour on a QWERTY keyboard costs half an edit: the slips a typist makes most
/// (`Merkle`/`Merkel` is one edit, `Bideh`/`Biden` half of one). Over lowercase letters.
pub(crate) fn typo_distance(a: &str, b: &str) -> f32 {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // Optimal string alignment, in half edits so the sums stay exact.
    let mut d = vec![vec![0u32; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = 2 * i as u32;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = 2 * j as u32;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let sub = if a[i - 1] == b[j - 1] {
                0
            } else if slip(a[i - 1], b[j - 1]) {
                1
            } else {
                2
            };
            let mut best = (d[i - 1][j] + 2)
                .min(d[i][j - 1] + 2)
                .min(d[i - 1][j - 1] + sub);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 2);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()] as f32 / 2.0
}

/// Two letters a typist mixes up: two vowels, or neighbours on a QWERTY keyboard.
fn slip(x: char, y: char) -> bool {
    const ROWS: [&str; 3] = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];
    let vowel = |c: char| "aeiou".contains(c);
    if vowel(x) && vowel(y) {
        return true;
    }
    let at = |c: char| {
        ROWS.iter()
            .enumerate()
            .find_map(|(r, row)| row.find(c).map(|i| (r as i32, i as i32)))
    };
    let (Some((rx, cx)), Some((ry, cy))) = (at(x), at(y)) else {
        return false;
    };
    // Each row sits about half a key right of the one above: (r, c) touches
    // (r - 1, c) and (r - 1, c + 1), (r + 1, c - 1) and (r + 1, c).
    match ry - rx {
        0 => (cx - cy).abs() == 1,
        -1 => cy == cx || cy == cx + 1,
        1 => cy == cx || cy == cx - 1,
        _ => false,
    }
}

/// The edits a word of `letters` letters may carry and still count as near:
/// `letters / letters_per_edit`, at most `max`.
pub(crate) fn allowed_edits(letters: usize, letters_per_edit: usize, max: usize) -> usize {
    (letters / letters_per_edit.max(1)).min(max)
}

/// Letters two words share at their start.
pub(crate) fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

/// Whether `long` is `short` with an English plural ending (`generals`, `attorneys`).
pub(crate) fn is_plural_of(long: &str, short: &str) -> bool {
    long.strip_prefix(short)
        .is_some_and(|rest| rest == "s" || rest == "es")
}

/// `word` less a plural `s` when it reads as a plural: three letters or more before
/// it and not `ss` (`projects` -> `project`; not `press`, not `bus`).
pub(crate) fn singular(word: &str) -> Option<&str> {
    word.strip_suffix('s')
        .filter(|stem| stem.chars().count() >= 3 && !stem.ends_with('s'))
}

/// Whether two spellings differ only by a grammatical ending, as related but
/// different names do: a plural, or a gendered form (`Kowalski`/`Kowalska`,
/// `Sokolov`/`Sokolova`, `Paul`/`Paula`, `Louis`/`Louise`, `Mario`/`Maria`), or a
/// name and its form in another language (`Milan`/`Milano`), or a place and its people
/// (`Kenya`/`Kenyan`, `Iraq`/`Iraqi`), or a word and its agent or verb form
/// (`Flatline`/`Flatliner`, `Hoff`/`Hoffer`, `Google`/`Googled`).
pub(crate) fn differ_by_ending(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if is_plural_of(long, short) {
        return true;
    }
    if let Some(rest) = long.strip_prefix(short) {
        // `Iraqi`, `Israelis`, `Kenyan`, `Kenyans`, `Sudanese`, `Bosnian`
        return matches!(
            rest,
            "a" | "e"
                | "o"
                | "i"
                | "n"
                | "an"
                | "is"
                | "ns"
                | "ans"
                | "ese"
                | "ian"
                | "ians"
                | "r"
                | "er"
                | "rs"
                | "ers"
                | "d"
                | "ed"
        );
    }
    // A doctrine and its follower: `Marxism`/`Marxist`, `Objectivism`/`Objectivist`.
    let stem = |w: &'static str| long.strip_suffix(w);
    for (x, y) in [
        ("ism", "ist"),
        ("ist", "ism"),
        ("isms", "ists"),
        ("ists", "isms"),
    ] {
        if stem(x).is_some() && stem(x) == short.strip_suffix(y) {
            return true;
        }
    }
    if long.ends_with("skaya") && short.ends_with("sky") {
        return long[..long.len() - 5] == short[..short.len() - 3];
    }
    // The same stem with a different final vowel.
    let (mut x, mut y) = (a.chars(), b.chars());
    let (Some(ea), Some(eb)) = (x.next_back(), y.next_back()) else {
        return false;
    };
    let vowel = |c: char| "aeiouy".contains(c);
    ea != eb && vowel(ea) && vowel(eb) && x.as_str() == y.as_str()
}

/// `items` less the near misses that are the writer's own spelling: a form flagged
/// more than once in `text` (`fiber glass` four times, a product called `Siter`) while
/// the suggested one is never written. A typo is a one-off; a house spelling or a name
/// is consistent. `near` gives an item's span and suggestion when it may be such a
/// spelling; other items are kept.
pub(crate) fn house_spellings_dropped<T>(
    text: &str,
    items: Vec<T>,
    near: impl Fn(&T) -> Option<(Range<usize>, &str)>,
) -> Vec<T> {
    let form = |span: Range<usize>| text[span].to_lowercase();
    let mut uses: FastMap<String, usize> = FastMap::default();
    for (span, _) in items.iter().filter_map(&near) {
        *uses.entry(form(span)).or_default() += 1;
    }
    if uses.values().all(|&n| n < 2) {
        return items;
    }
    let lower = text.to_lowercase();
    items
        .into_iter()
        .filter(|item| {
            near(item).is_none_or(|(span, suggestion)| {
                uses[&form(span)] < 2 || lower.contains(&suggestion.to_lowercase())
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plural_s_comes_off_only_where_the_word_reads_as_a_plural() {
        assert_eq!(singular("projects"), Some("project"));
        assert_eq!(singular("Minimalists"), Some("Minimalist"));
        for word in ["press", "bus", "is", "word"] {
            assert_eq!(singular(word), None, "{word}");
        }
    }

    #[test]
    fn a_spelling_used_twice_without_the_suggestion_is_the_writers_own() {
        let text = "fiber glass hulls; fiber glass decks; a chair man";
        let items = vec![
            (0..11, "fiberglass"),
            (19..30, "fiberglass"),
            (40..49, "chairman"),
        ];
        let kept =
            house_spellings_dropped(text, items.clone(), |(span, s)| Some((span.clone(), *s)));
        assert_eq!(kept, [(40..49, "chairman")]);
        // Once the suggested form is written too, the variant is an inconsistency.
        let mixed = format!("{text}; fiberglass");
        assert_eq!(
            house_spellings_dropped(&mixed, items.clone(), |(span, s)| Some((span.clone(), *s)))
                .len(),
            3
        );
        // Items the caller does not offer are kept.
        assert_eq!(house_spellings_dropped(text, items, |_| None).len(), 3);
    }

    #[test]
    fn distance_counts_a_swap_as_one_edit() {
        assert_eq!(edit_distance("cheif", "chief"), 1);
        assert_eq!(edit_distance("brigade", "brigadier"), 2);
        assert_eq!(edit_distance("generel", "general"), 1);
    }

    #[test]
    fn typo_distance_weighs_slips_less() {
        assert_eq!(typo_distance("merkle", "merkel"), 1.0);
        assert_eq!(typo_distance("bideh", "biden"), 0.5);
        assert_eq!(typo_distance("nadel", "nadal"), 0.5);
        assert_eq!(typo_distance("coopper", "cooper"), 1.0);
        assert_eq!(typo_distance("milner", "milley"), 2.0);
        assert_eq!(typo_distance("smith", "smith"), 0.0);
        assert!(slip('s', 'w') && slip('h', 'n') && slip('b', 'h') && !slip('q', 'p'));
    }

    #[test]
    fn allowed_edits_grow_with_length() {
        assert_eq!(allowed_edits(3, 4, 2), 0);
        assert_eq!(allowed_edits(5, 4, 2), 1);
        assert_eq!(allowed_edits(9, 4, 2), 2);
        assert_eq!(allowed_edits(20, 4, 2), 2);
    }

    #[test]
    fn plural_and_gendered_endings() {
        assert!(is_plural_of("generals", "general"));
        assert!(is_plural_of("attorneys", "attorney"));
        assert!(!is_plural_of("generally", "general"));
        assert!(differ_by_ending("kowalski", "kowalska"));
        assert!(differ_by_ending("sokolova", "sokolov"));
        assert!(differ_by_ending("paul", "paula"));
        assert!(differ_by_ending("mario", "maria"));
        assert!(differ_by_ending("dostoevsky", "dostoevskaya"));
        assert!(differ_by_ending("milan", "milano"));
        assert!(differ_by_ending("kenya", "kenyan"));
        assert!(differ_by_ending("iraqi", "iraq"));
        assert!(differ_by_ending("azerbaijanis", "azerbaijan"));
        assert!(differ_by_ending("marxist", "marxism"));
        assert!(differ_by_ending("objectivism", "objectivist"));
        assert!(differ_by_ending("flatliner", "flatline"));
        assert!(differ_by_ending("hoff", "hoffer"));
        assert!(differ_by_ending("googled", "google"));
        assert!(!differ_by_ending("mirela", "mirella"));
        assert!(!differ_by_ending("anastasia", "anastasiya"));
        assert!(!differ_by_ending("solvang", "solvaag"));
    }
}
