//! Author boxes: the writer's name on a line of its own and, under it, a paragraph
//! that introduces that person by their work (`Jane Roe` / `Jane Roe is a freelance
//! writer based in Leeds ...`).
//!
//! Read from the page's shape, not from wordings: the bio opens with the name of the
//! line above it (in full or its first word) and a verb (`is`, `was`, `has`,
//! `writes`, ...), and names a role (the rule's `roles`: `writer`, `editor`,
//! `founder`, `experience`, ...). A page with more than [`MAX_BOXES`] pairs of a name
//! line and a paragraph opening with that name and such a verb (a role or not) is a
//! list of profiles or products (`Jane Roe` / `Jane Roe is one of the campaign's
//! managers`, `Acme Review` / `Acme is known for ...`), whose pairs are the article.

use super::lexicon::Lexicon;
use super::lines::name_word;
use super::page::Page;
use crate::text::names::is_particle;

/// More name-and-bio pairs than this on one page are sections of the article.
const MAX_BOXES: usize = 2;

/// Verbs a bio puts after the person's name.
const BIO_VERBS: &[&str] = &[
    "is",
    "was",
    "has",
    "writes",
    "wrote",
    "covers",
    "joined",
    "lives",
    "brings",
    "holds",
    "serves",
    "leads",
    "heads",
    "runs",
    "began",
    "started",
    "comes",
    "works",
    "worked",
    "specializes",
    "specialises",
    "teaches",
    "reports",
];

/// How many of the bio's first words are searched for a role.
const ROLE_WINDOW: usize = 40;

/// For each paragraph of the page: which part of an author box it is, if any
/// (`the writer's name`, `the writer's bio`). `roles` are lowercase.
pub(super) fn author_boxes(
    page: &Page<'_>,
    lex: &Lexicon,
    roles: &[String],
    max_names: usize,
) -> Vec<Option<&'static str>> {
    // pairs of a name line and a paragraph about that name, and whether that paragraph
    // names a role
    let mut pairs = Vec::new();
    for k in 1..page.paras.len().saturating_sub(1) {
        let (name, bio) = (&page.paras[k], &page.paras[k + 1]);
        if name.lines != 1 || name.bullet || name.code || bio.bullet || bio.code || bio.words < 8 {
            continue;
        }
        let Some(words) = name_line(lex, page.text(k), roles, max_names) else {
            continue;
        };
        if let Some(role) = introduces(page.text(k + 1), &words, roles) {
            pairs.push((k, role));
        }
    }
    let mut flagged = vec![None; page.paras.len()];
    if pairs.len() <= MAX_BOXES {
        for (k, _) in pairs.into_iter().filter(|&(_, role)| role) {
            flagged[k] = Some("the writer's name");
            flagged[k + 1] = Some("the writer's bio");
        }
    }
    flagged
}

/// The name words of a line that is only a person's name: `Jane Roe`, `About Jane
/// Roe`, `Jane Roe Writer` (a trailing role word), two to `max_names` name words.
fn name_line<'a>(
    lex: &Lexicon,
    line: &'a str,
    roles: &[String],
    max_names: usize,
) -> Option<Vec<&'a str>> {
    let line = line.trim();
    let line = line.strip_prefix("About ").unwrap_or(line);
    let mut words: Vec<&str> = line.split_whitespace().collect();
    if words.len() > 2
        && words
            .last()
            .is_some_and(|w| roles.iter().any(|r| r.eq_ignore_ascii_case(w)))
    {
        words.pop();
    }
    let first = words.first()?;
    let named = (2..=max_names).contains(&words.len())
        && !is_particle(first)
        && words.iter().all(|w| name_word(lex, w));
    named.then_some(words)
}

/// Whether `text` opens with the name (in full, or its first word) and a bio verb: if
/// so, whether it names a role among its first words.
fn introduces(text: &str, name: &[&str], roles: &[String]) -> Option<bool> {
    let words: Vec<&str> = text
        .split_whitespace()
        .take(name.len() + 1 + ROLE_WINDOW)
        .collect();
    let after = if words.starts_with(name) {
        name.len()
    } else if words.first() == name.first() {
        1
    } else {
        return None;
    };
    let verb = words.get(after)?;
    BIO_VERBS.contains(&verb.to_lowercase().as_str()).then(|| {
        words[after + 1..].iter().any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
            roles.iter().any(|r| r.eq_ignore_ascii_case(w))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::super::page::flagged_paragraphs as flagged;
    use super::*;

    fn roles() -> Vec<String> {
        ["writer", "editor", "founder", "experience"]
            .map(String::from)
            .to_vec()
    }

    fn boxes(text: &str) -> Vec<String> {
        flagged(text, |page, lex, k| {
            author_boxes(page, lex, &roles(), 4)[k].is_some()
        })
    }

    const BODY: &str = "The council voted on Tuesday to close the old bridge to cars for a month.\n\nRepairs will start in June and should finish before the school holidays.\n\n";

    #[test]
    fn a_name_over_its_bio_is_an_author_box() {
        let text = format!(
            "Bridge to close\n\n{BODY}Mara Quill\n\nMara Quill is a freelance writer who has covered transport in the north for ten years.\n"
        );
        assert_eq!(
            boxes(&text),
            [
                "Mara Quill",
                "Mara Quill is a freelance writer who has covered transport in the north for ten years."
            ]
        );
        let text = format!(
            "Bridge to close\n\n{BODY}About Mara Quill\n\nMara is the founder of a small press and writes about rivers and bridges.\n"
        );
        assert_eq!(
            boxes(&text),
            [
                "About Mara Quill",
                "Mara is the founder of a small press and writes about rivers and bridges."
            ]
        );
    }

    #[test]
    fn a_bio_needs_the_name_above_a_verb_and_a_role() {
        // another person
        let text = format!(
            "Bridge to close\n\n{BODY}Mara Quill\n\nTomas Reyes is a freelance writer who has covered transport in the north for ten years.\n"
        );
        assert!(boxes(&text).is_empty());
        // no role
        let text = format!(
            "Bridge to close\n\n{BODY}Mara Quill\n\nMara Quill is the owner of the cafe by the bridge, and she expects fewer customers.\n"
        );
        assert!(boxes(&text).is_empty());
    }

    #[test]
    fn a_list_of_profiles_is_the_article() {
        let mut text = String::from("Three people to watch\n\n");
        for name in ["Mara Quill", "Tomas Reyes", "Ida Brandt"] {
            text.push_str(&format!(
                "{name}\n\n{name} is a writer whose first novel comes out in the spring, with a tour to follow.\n\n"
            ));
        }
        assert!(boxes(&text).is_empty());
    }
}
