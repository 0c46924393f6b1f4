//! Checks on whole paragraphs: truncated paragraphs, lone section labels and orphan
//! bylines. Each returns the indices of the paragraphs to flag.

use super::lexicon::Lexicon;
use super::page::{Ending, Page, goes_on, strip_bullet};
use super::verbs::{finite_verb, normalise};
use crate::hash::FastSet;
use crate::text::starts_upper;
use rust_stemmers::{Algorithm, Stemmer};

/// A paragraph whose last sentence stops without terminal punctuation.
///
/// Not flagged: the first two paragraphs (title and standfirst), list items, lines
/// ending in a bracket (credits, captions), headings (Title Case, ALL CAPS, or fewer
/// than `min_words` words), `Label: headline` lines, lines ending in a URL or handle,
/// a short credit after a finished sentence (`... missions. – Reuters`), and runs of
/// unterminated paragraphs (a block of headlines or a text written without full stops).
/// Returns, per paragraph of the page, whether it is cut.
pub(super) fn truncated(page: &Page<'_>, lex: &Lexicon, min_words: usize) -> Vec<bool> {
    let cuts: Vec<Option<Cut>> = (0..page.paras.len())
        .map(|k| cut_at(page, lex, min_words, k))
        .collect();
    // A page that leaves off the full stop of two paragraphs or more (before a link,
    // say) writes so: only a paragraph that shows its cut is cut there.
    let page_style = cuts.iter().filter(|c| c.is_some()).count() >= 2;
    cuts.into_iter()
        .map(|c| c == Some(Cut::Shown) || (c == Some(Cut::Plain) && !page_style))
        .collect()
}

/// How a paragraph without terminal punctuation reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cut {
    /// Its last words show the cut (see [`truncated`]'s rules).
    Shown,
    /// It only lacks the full stop.
    Plain,
}

fn cut_at(page: &Page<'_>, lex: &Lexicon, min_words: usize, k: usize) -> Option<Cut> {
    let p = &page.paras[k];
    if k < 2 || p.ending != Ending::Open {
        return None;
    }
    let text = page.text(k);
    // A short paragraph or a list item may be a heading or a phrase, unless it stops
    // on a word that cannot end one (`... had been inspected by the`).
    let dangling = p.words >= MIN_DANGLING_WORDS
        && ((ends_on_word_in(text, DANGLING) && !leads_into_list(text))
            || ends_on_plural_possessive(text));
    // It stops on a word that rarely ends a statement, or opens a clause after a comma.
    let open_end = ends_on_word_in(text, RARELY_FINAL)
        || ends_on_comma_word(text, lex)
        || ends_on_modal_adverb(text)
        || ends_on_stranded_in(text, lex)
        || ends_on_final_shy_word(text, lex);
    // A paragraph of a finished sentence and more is running text: no list line or
    // headline even after a list item or beside an unterminated line.
    let running = p.words >= min_words && !p.bullet && finishes_a_sentence(text);
    let after_label = k
        .checked_sub(1)
        .is_some_and(|j| page.text(j).trim_end().ends_with(':'));
    let listed = page.in_list(k) && (!running || after_label);
    // A line after a `Label:` line that is no bullet, has a finite verb and is not
    // followed by another unterminated line (the next item) is a sentence the label
    // leads into (`... like the lines of this dock:` / `Converging lines are a
    // particularly effective way of creating depth in`), not a list line.
    let sentence_after_label = || {
        after_label
            && !p.bullet
            && page
                .paras
                .get(k + 1)
                .is_none_or(|q| q.ending != Ending::Open)
            && finite_verb(lex, page.doc.text(), page.doc.paragraph_words(k)).is_some()
    };
    let short_cut = p.words >= MIN_SHORT_CUT_WORDS
        && open_end
        && (!listed || running || sentence_after_label());
    if (p.words < min_words || listed) && !dangling && !short_cut {
        return None;
    }
    // Beside another unterminated paragraph it may be one of a block of headlines or
    // list lines, unless it shows the cut: it stops on a word that cannot end one, or
    // (being long) on one that rarely ends a statement, or on the first words of a new
    // sentence (`... are paramount. If you`).
    let cut = dangling || open_end || stub_sentence(text, lex);
    // A short clause whose words the next paragraph takes up is its heading
    // (`Pilates is the most-booked workout for the second year in a row` / `... Pilates
    // was the most-booked workout ... its second year in a row`): a cut paragraph's
    // next one starts a new thought.
    if !cut
        && p.words <= HEADING_MAX_WORDS
        && page
            .following(k)
            .is_some_and(|next| echoes(lex, text, next))
    {
        return None;
    }
    // Running text beside a heading is not one of a block, unless a byline follows: a
    // teaser's headline and standfirst (`... than expected. Here's what to look for` /
    // `By Thai Vong`).
    let open = |j: usize| page.paras.get(j).is_some_and(|q| q.ending == Ending::Open);
    let long_open = |j: usize| open(j) && page.paras[j].words >= min_words;
    let teaser = || {
        page.following(k)
            .is_some_and(|next| starts_by_line(next) || name_line(lex, next))
    };
    let block = if running && !teaser() {
        long_open(k - 1) || long_open(k + 1)
    } else {
        open(k - 1) || open(k + 1)
    };
    if !cut && block {
        return None;
    }
    let lowercase_content = page
        .doc
        .paragraph_words(k)
        .iter()
        .map(|w| page.doc.slice(w))
        .filter(|w| w.chars().count() > 3 && w.chars().next().is_some_and(char::is_lowercase))
        .filter(|w| lex.closed(&normalise(w)).is_none())
        .count();
    if lowercase_content < 2 || (text.contains(": ") && !cut && !running) {
        return None;
    }
    let last_token = text.split_whitespace().next_back().unwrap_or("");
    if ["://", "www.", "@", ".com", "/"]
        .iter()
        .any(|m| last_token.contains(m))
        || code_like(last_token)
        || text.contains(CODE_SYMBOLS)
    {
        return None;
    }
    // The sentence runs on in the next paragraph (`... with a justhtml` / `style API
    // to parse ...`, `... a series of if` / `-blocks that ...`, `... difference
    // between` / `?`), or leads into a formula or code there: split, not cut.
    let continues = page
        .following(k)
        .is_some_and(|next| goes_on(next) || next.contains(CODE_SYMBOLS));
    let cut_here = (cut || !has_credit_tail(text))
        && !has_attribution_tail(text)
        && !continues
        && !wrapped_at_width(page, k);
    cut_here.then_some(if cut { Cut::Shown } else { Cut::Plain })
}

/// Words a heading has at most.
const HEADING_MAX_WORDS: usize = 16;

/// Whether `next` takes up most of the content words of `line` (at least three, and
/// three in four of them, compared by English stem).
fn echoes(lex: &Lexicon, line: &str, next: &str) -> bool {
    let stemmer = Stemmer::create(Algorithm::English);
    let content = |t: &'_ str| -> Vec<String> {
        t.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}'))
            .filter(|w| w.chars().count() > 3)
            .map(normalise)
            .filter(|w| lex.closed(w).is_none())
            .map(|w| stemmer.stem(&w).into_owned())
            .collect()
    };
    let own = content(line);
    let theirs: FastSet<String> = content(next).into_iter().collect();
    let echoed = own.iter().filter(|w| theirs.contains(*w)).count();
    echoed >= 3 && echoed * 4 >= own.len() * 3
}

/// Whether a line opens `By Name` (a byline, maybe with more after it).
fn starts_by_line(line: &str) -> bool {
    let mut words = line.split_whitespace();
    words.next().is_some_and(|w| w.eq_ignore_ascii_case("by"))
        && words.next().is_some_and(starts_upper)
}

/// Share per 100,000 people of a common given name.
const COMMON_GIVEN: u32 = 10;

/// Whether a line is a person's name alone: two or three capitalised words, the
/// first a common given name (`Michael Yuan`).
fn name_line(lex: &Lexicon, line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    (2..=3).contains(&words.len())
        && words
            .iter()
            .all(|w| starts_upper(w) && w.chars().all(char::is_alphabetic))
        && lex.name_shares(&normalise(words[0])).0 >= COMMON_GIVEN
}

/// Whether `text` holds a finished sentence of a few words followed by more text: a
/// `.`, `!` or `?` after at least three words, then a space and a capital.
fn finishes_a_sentence(text: &str) -> bool {
    text.match_indices(['.', '!', '?']).any(|(i, _)| {
        let after = &text[i + 1..];
        after.starts_with(' ')
            && after.trim_start().starts_with(char::is_uppercase)
            && text[..i].split_whitespace().count() >= 3
            && !text[..i].ends_with(|c: char| c.is_ascii_digit() || c.is_uppercase())
    })
}

/// Widest line, in characters, that text hard-wrapped at a fixed width is taken to have.
const MAX_WRAP_WIDTH: usize = 120;

/// Whether paragraph `k` is a line of text hard-wrapped at a fixed width: the lines
/// around it are no wider than [`MAX_WRAP_WIDTH`], two of them also break mid-sentence
/// near that width, it fills most of the widest of them, and the next line's first
/// word would not have fitted after it. Such a line ends
/// where the width ran out, not where the sentence was cut (`... of which we are aware
/// is a` / `Japanese book, ...`).
fn wrapped_at_width(page: &Page<'_>, k: usize) -> bool {
    let Some(next) = page.following(k) else {
        return false;
    };
    let window = k.saturating_sub(2)..(k + 3).min(page.paras.len());
    let lens: Vec<(usize, usize)> = window.map(|j| (j, page.text(j).chars().count())).collect();
    let width = lens.iter().map(|&(_, n)| n).max().unwrap_or(0);
    let here = page.text(k).chars().count();
    let first_word = next
        .split_whitespace()
        .next()
        .map_or(0, |w| w.chars().count());
    // Wrapped text breaks most of its lines mid-sentence, near the width.
    let broken_nearby = lens
        .iter()
        .filter(|&&(j, n)| j != k && page.paras[j].ending != Ending::Terminal && n * 4 >= width * 3)
        .count();
    page.paras[k].lines == 1
        && width <= MAX_WRAP_WIDTH
        && broken_nearby >= 2
        && here * 4 >= width * 3
        && here + 1 + first_word > width
}

/// Characters of code and formulas, not of prose.
const CODE_SYMBOLS: [char; 9] = ['→', '∈', '⊆', '∧', '=', '{', '}', '<', '>'];

/// A quotation, then a dash and who said it (`... for my family.” — Cabrera`, `... me.-
/// Adele`), or a quoted blurb that ends in its closing mark (`... for a bargain”`).
fn has_attribution_tail(text: &str) -> bool {
    let trimmed = text.trim_end();
    if trimmed.ends_with(['”', '"']) {
        return true;
    }
    // The last dash after a space or a sentence's end, not a hyphen (`Co-Founder`).
    let Some(dash) = trimmed.char_indices().rev().find_map(|(i, c)| {
        let spaced = trimmed[..i]
            .chars()
            .next_back()
            .is_some_and(|b| b.is_whitespace() || matches!(b, '.' | '!' | '?' | '”' | '"' | '’'));
        (matches!(c, '-' | '–' | '—') && spaced).then_some(i)
    }) else {
        return false;
    };
    let before = trimmed[..dash]
        .trim_end()
        .trim_end_matches(['-', '–', '—'])
        .trim_end();
    let after = trimmed[dash..]
        .trim_start_matches(['-', '–', '—'])
        .trim_start();
    // After a closing quote the name may be in lowercase (`... Love it." —sidna s.`).
    let quoted = before.ends_with(['”', '"']);
    before.ends_with(['.', '!', '?', '”', '"', '’'])
        && (after.starts_with(char::is_uppercase)
            || (quoted && after.starts_with(char::is_alphabetic)))
        && after.split_whitespace().count() <= 10
}

/// A last word that is code, a file name, an acronym or a number rather than prose
/// (`VPTERNLOG`, `NuGet.config`, `(or`, `cycle.4`, `2026`): text before stripped code
/// or a table, not a cut sentence.
fn code_like(token: &str) -> bool {
    let token = token.trim_end_matches(['"', '\'', '”', '’', ')', ']']);
    let mut chars = token.chars();
    let first = chars.next();
    token.contains(|c: char| !(c.is_alphabetic() || matches!(c, '\'' | '’' | '-')))
        || chars.any(char::is_uppercase)
        || first.is_none()
}

/// Words a paragraph needs before its last word alone can show that it was cut.
const MIN_DANGLING_WORDS: usize = 5;

/// A shorter paragraph than the rule's `min-words`, not a list item, that stops on a
/// word that rarely ends a statement or on one word after a comma, is cut from this
/// many words: headings that end on a preposition are shorter (`What to look for`).
const MIN_SHORT_CUT_WORDS: usize = 8;

/// The paragraph's last two whitespace-separated tokens (`""` where there are fewer).
fn last_two(text: &str) -> (&str, &str) {
    let mut words = text.split_whitespace().rev();
    let last = words.next().unwrap_or("");
    (words.next().unwrap_or(""), last)
}

/// Whether a token is a word in lowercase ASCII letters alone (no punctuation).
fn lowercase_word(w: &str) -> bool {
    !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase())
}

/// Whether the paragraph stops on one word after a comma that opens a clause: a
/// function word or an `-ing` form (`..., which`, `..., she said, adding`). Not a
/// participle that ends a recipe line (`..., chopped`).
fn ends_on_comma_word(text: &str, lex: &Lexicon) -> bool {
    let (before, last) = last_two(text);
    before.ends_with(',')
        && lowercase_word(last)
        && (lex.closed(last).is_some() || (last.len() > 5 && last.ends_with("ing")))
}

/// Whether the paragraph stops on a modal or auxiliary and an adverb, both in lowercase
/// (`... the crash would never`, `... it does not`): the verb they lead to is missing.
/// A heading in Title Case (`When It Does Not`) is written in capitals.
fn ends_on_modal_adverb(text: &str) -> bool {
    let (before, last) = last_two(text);
    MODALS.contains(&before) && STANDING_ADVERBS.contains(&last)
}

/// Modals and auxiliaries that need a verb after them.
const MODALS: &[&str] = &[
    "would", "could", "should", "will", "can", "must", "might", "may", "shall", "does", "did", "do",
];

/// Adverbs that stand between a modal and its verb (`would never go`, `can also be`).
const STANDING_ADVERBS: &[&str] = &[
    "never", "not", "also", "always", "still", "just", "only", "even", "really", "usually",
    "often", "probably", "likely", "easily", "soon", "rarely", "ever",
];

/// Whether the paragraph stops on `in` after a noun (`... creating depth in`, `...
/// corrupted files in`): not a particle of a verb (`log in`, `plug it in`) nor a unit
/// after a number (`13.6 in`).
fn ends_on_stranded_in(text: &str, lex: &Lexicon) -> bool {
    let (before, last) = last_two(text);
    last == "in"
        && before.len() > 2
        && lowercase_word(before)
        && lex.verb(before).is_none()
        && lex.closed(before).is_none()
}

/// Times a word must have been seen in article text before its share of sentence
/// ends says anything.
const MIN_FINALS_SEEN: u32 = 30;

/// Largest share of a word's occurrences that may end a sentence (counting one more
/// end than seen, so that a word seen 30 times and never last still needs 50 sightings)
/// for it to show a cut: article text ends about one word in twenty.
const MAX_FINAL_SHARE: f64 = 0.02;

/// Whether the paragraph stops on a lowercase word that article text seldom ends a
/// sentence or clause on (`data/final-words-en.tsv`): seen at least
/// [`MIN_FINALS_SEEN`] times, at most [`MAX_FINAL_SHARE`] of them last (`... dining
/// rooms usually`, `... the same`, `... the users body weight to automatically`). Open
/// words only: function words are the hand lists' business.
fn ends_on_final_shy_word(text: &str, lex: &Lexicon) -> bool {
    let last = text.split_whitespace().next_back().unwrap_or("");
    if !last.starts_with(|c: char| c.is_lowercase())
        || !last
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-'))
    {
        return false;
    }
    let lower = crate::text::lowercase(last);
    let key = if lower.contains('’') {
        std::borrow::Cow::Owned(lower.replace('’', "'"))
    } else {
        lower
    };
    // Function words (`for some`, `look like`) and a negation (`... when it is not`)
    // end elliptic sentences: the hand lists above say which of them show a cut.
    if lex.closed(&key).is_some() || key == "not" {
        return false;
    }
    lex.finals(&key).is_some_and(|f| {
        f.seen >= MIN_FINALS_SEEN && f64::from(f.last + 1) <= MAX_FINAL_SHARE * f64::from(f.seen)
    })
}

/// Whether the paragraph stops on a plural possessive (`... decreased participants’`,
/// `... the players'`): it needs the noun it possesses. Not a quotation closed with a
/// single mark, which the paragraph would open (`‘...`, ` '...`).
fn ends_on_plural_possessive(text: &str) -> bool {
    let last = text.split_whitespace().next_back().unwrap_or("");
    let Some(word) = last.strip_suffix(['’', '\'']) else {
        return false;
    };
    word.len() > 3
        && word.ends_with('s')
        && word.chars().all(|c| c.is_ascii_lowercase())
        && !text.contains('‘')
        && !text.contains(" '")
}

/// Words that never end an English sentence or heading: articles, possessive
/// determiners (not `her`, which is also an object), coordinating conjunctions and
/// prepositions that are not also adverbial particles (`in`, `on`, `up` are).
const DANGLING: &[&str] = &[
    "the",
    "a",
    "an",
    "my",
    "your",
    "his",
    "its",
    "our",
    "their",
    "whose",
    "and",
    "or",
    "but",
    "nor",
    "of",
    "than",
    "between",
    "among",
    "amid",
    "during",
    "including",
    "despite",
    "via",
    "towards",
    "toward",
    "upon",
    "whether",
];

/// A paragraph or list item ending `..., or` / `...; and`: one of a list of
/// alternatives or the lead into the next item, not a cut.
fn leads_into_list(text: &str) -> bool {
    let (before, last) = last_two(text);
    matches!(crate::text::lowercase(last).as_ref(), "and" | "or" | "nor")
        && before.ends_with([',', ';'])
}

/// Words that seldom end a statement (`to`, `with`, `if`): prepositions that end
/// questions and short headings (`What to look out for`) but rarely a long paragraph
/// without a full stop, subordinating conjunctions and demonstratives.
const RARELY_FINAL: &[&str] = &[
    "to", "for", "with", "from", "by", "at", "about", "into", "onto", "if", "because", "while",
    "although", "though", "unless", "since", "these", "those", "such", "very", "every", "each",
    "both", "either", "neither", "is", "are", "was", "were", "will", "would", "can", "could",
    "should",
];

/// Whether the paragraph's last word is one of `words`.
fn ends_on_word_in(text: &str, words: &[&str]) -> bool {
    let last = text
        .split_whitespace()
        .next_back()
        .unwrap_or("")
        .trim_end_matches(|c: char| !c.is_alphanumeric());
    !last.is_empty() && words.contains(&crate::text::lowercase(last).as_ref())
}

/// Words after the paragraph's last full stop, question or exclamation mark that
/// make a new sentence cut at its start: one to three, the first capitalised.
const MAX_STUB_WORDS: usize = 4;

/// Whether the paragraph ends on the first words of a sentence after a finished one
/// (`... per day. This equals`, `... the moon. But`, `... was paid. So no`, `... the
/// faults. This diagnostic tool saves`, `... he says. “I was forced`, read without the
/// opening quotation mark): up to four words opening on a function word,
/// or a capital and then lowercase words only. Not a credit (`... – Reuters`, a capital
/// alone or in Title Case) nor a numbered heading run into the text (`...
/// responsibly.3. Liver protection`).
fn stub_sentence(text: &str, lex: &Lexicon) -> bool {
    let text = text.trim_end();
    let Some(end) = text.rfind(['.', '!', '?']) else {
        return false;
    };
    let (before, after) = (&text[..end], &text[end + 1..]);
    let mut words: Vec<&str> = after.split_whitespace().collect();
    // A quotation may open the new sentence (`... tells Popular Mechanics. “I was
    // forced`): its words are read without the opening mark.
    if let Some(w) = words.first_mut() {
        *w = w.trim_start_matches(['“', '"']);
    }
    let Some(first) = words.first() else {
        return false;
    };
    // A capital and lowercase words after a full stop, unless a command opens them: a
    // button's label (`Accept and close`, `Read more`) or a reply to a question
    // (`Already a subscriber? Log in`) is the page's, not a sentence cut short.
    let first_lower = normalise(first);
    let imperative = lex
        .verb(&first_lower)
        .is_some_and(|f| f.base && !f.noun_first);
    let opens_clause = lex.closed(&first_lower).is_some()
        || (words.len() >= 2
            && text[end..].starts_with('.')
            && !imperative
            && words[1..].iter().all(|w| w.starts_with(char::is_lowercase)));
    after.starts_with(' ')
        && !before.ends_with(|c: char| c.is_ascii_digit())
        && words.len() <= MAX_STUB_WORDS
        && first.starts_with(char::is_uppercase)
        && before.split_whitespace().count() >= MAX_STUB_WORDS * 2
        && words.iter().all(|w| {
            w.chars()
                .all(|c| c.is_alphabetic() || c == '’' || c == '\'')
        })
        && opens_clause
}

/// `... foreign missions. – Reuters`: a finished sentence, then at most three words, or
/// a credit in Title Case (`... on Thursday. Photo by Meg Oliphant/Getty Images`).
fn has_credit_tail(text: &str) -> bool {
    let stop = text.char_indices().rev().find(|&(i, c)| {
        matches!(c, '.' | '!' | '?' | '…')
            && text[i + c.len_utf8()..].starts_with(char::is_whitespace)
    });
    stop.is_some_and(|(i, c)| {
        let words: Vec<&str> = text[i + c.len_utf8()..]
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .collect();
        words.len() <= 3
            || (words.len() <= MAX_CREDIT_WORDS
                && words.iter().all(|w| {
                    w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                        || w.chars().count() <= 3
                }))
    })
}

/// Longest credit in Title Case after a paragraph's last sentence.
const MAX_CREDIT_WORDS: usize = 8;

/// A lone line of one or two capitalised words, no punctuation, that is a section
/// label: either it is a known section name next to running text, or it stands
/// between the title and the first paragraph of running text (within the first
/// `max_lead` paragraphs). Returns which of the two.
/// The settings of `section-label`: label length, how far before the lede a label may
/// stand, and the labels of media boxes (lowercase).
pub(super) struct LabelRule<'a> {
    pub max_words: usize,
    pub max_lead: usize,
    pub labels: &'a [String],
}

pub(super) fn section_label(
    page: &Page<'_>,
    lex: &Lexicon,
    rule: &LabelRule<'_>,
    k: usize,
) -> Option<&'static str> {
    let (max_words, max_lead) = (rule.max_words, rule.max_lead);
    let p = &page.paras[k];
    if k + 1 >= page.paras.len() || p.lines != 1 || p.bullet {
        return None;
    }
    let text = page.text(k);
    if k == 0 {
        // The page's first line a section name over the headline (`Music` / `Singer
        // ends tour early`): the kicker of the section the article was filed under.
        let kicker = page.paras.len() >= 4
            && label_shaped(text, max_words)
            && lex.is_section(&section_key(text))
            && !page.paras[1].is_body()
            && page.paras[1].lines == 1;
        return kicker.then_some("a section name above the headline");
    }
    let bare = text.trim().trim_end_matches(':').trim_end().to_lowercase();
    if rule.labels.contains(&bare) {
        // A box label between two paragraphs of prose: what it labelled is gone.
        return (page.paras[k - 1].is_body() && page.paras[k + 1].is_body())
            .then_some("a media or box label whose content is gone");
    }
    if !label_shaped(text, max_words) {
        return None;
    }
    let before_lede = k <= max_lead
        && (1..k).all(|j| !page.paras[j].is_body() && page.paras[j].words <= max_words + 1)
        && page.paras[k + 1].words >= 5;
    // Between two paragraphs of prose a section name may be the article's own
    // subheading (`Travel` in a storm story, among `What to expect` and `Schools`): it is
    // a label near the top, next to other page furniture, or as the body's only
    // heading-like line (`Chess` in a chess report).
    let (prev_body, next_body) = (page.paras[k - 1].is_body(), page.paras[k + 1].is_body());
    let only_heading = || {
        !page.paras.iter().enumerate().any(|(j, o)| {
            j != k
                && j > 0
                && j + 1 < page.paras.len()
                && o.lines == 1
                && !o.bullet
                && o.words <= 6
                && o.ending != Ending::Terminal
                && page.paras[j + 1].is_body()
        })
    };
    let known = lex.is_section(&section_key(text))
        && (prev_body || next_body)
        && (k <= max_lead || !(prev_body && next_body) || only_heading());
    if known {
        Some("a section name of news navigation")
    } else if before_lede {
        Some("a label between the title and the lede")
    } else if k > max_lead && prev_body && next_body && only_heading() {
        // `Chess` or `Lachlan Pieterse` alone mid-article: one subheading is no
        // structure; articles with subheadings have several.
        Some("a lone label between two paragraphs")
    } else {
        None
    }
}

/// One to `max_words` capitalised words (or `&`) with no full stop: the shape of a label.
fn label_shaped(text: &str, max_words: usize) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= max_words
        && words.iter().all(|w| {
            *w == "&"
                || (starts_upper(w)
                    && w.chars()
                        .all(|c| c.is_alphabetic() || matches!(c, '.' | '-')))
        })
        && !text.ends_with('.')
}

/// A label as the section list spells it: lowercase, `and` as `&`.
fn section_key(text: &str) -> String {
    text.trim().to_lowercase().replace(" and ", " & ")
}

/// A short line of one to `max_names` capitalised name words, with an optional bullet
/// or `By`, and no verb: at the end of the article, or (with a bullet or `By`) between
/// two paragraphs of running text.
pub(super) fn orphan_byline(page: &Page<'_>, lex: &Lexicon, max_names: usize, k: usize) -> bool {
    let p = &page.paras[k];
    let last = k + 1 == page.paras.len();
    if k < 2 || p.lines != 1 {
        return false;
    }
    let (rest, bullet) = strip_bullet(page.text(k));
    // `3. Amazon Lex`: a numbered item is a list heading, not a credit.
    if bullet && page.text(k).trim_start().starts_with(char::is_alphanumeric) {
        return false;
    }
    let (rest, by) = match rest.split_once(char::is_whitespace) {
        Some((first, tail)) if first.eq_ignore_ascii_case("by") => (tail.trim_start(), true),
        _ => (rest, false),
    };
    // `Tom Ellery, Local Democracy Reporter`, `Rebecca Tane | Rural affairs reporter`:
    // the name with its role counts as a `By` line.
    let (rest, by) = match with_role(rest) {
        Some(name) => (name, true),
        None => (rest, by),
    };
    let names: Vec<&str> = rest.split_whitespace().collect();
    let min = if bullet || by { 1 } else { 2 };
    if names.len() < min
        || names.len() > max_names
        || !(names
            .iter()
            .enumerate()
            .all(|(i, w)| name_word(lex, w) || census_name(lex, &names, i))
            || (by && house_byline(&names)))
    {
        return false;
    }
    if !names
        .first()
        .zip(names.last())
        .is_some_and(|(f, l)| starts_upper(f) && starts_upper(l))
    {
        return false;
    }
    let after_text = page.paras[k - 1].is_body();
    if last {
        // At the end, a finished sentence of any length will do (`Thanks for reading!`,
        // `- Ensures productivity away from the office.`); a `By` line or a name with
        // its role may follow anything but a title it would credit (`The Road` / `By
        // Cormac McCarthy` closing a list of books).
        let prev = &page.paras[k - 1];
        let title_before = prev.ending == Ending::Open && prev.words <= 6 && !prev.bullet;
        return after_text || prev.ending == Ending::Terminal || (by && !title_before);
    }
    let listed = page.text(k - 1).trim_end().ends_with(':')
        || page.paras[k - 1].bullet
        || page.paras[k + 1].bullet;
    (bullet || by) && after_text && page.paras[k + 1].is_body() && !listed
}

/// The name part of `Name Name, Some Role` (`|`, `,`, `-` or a dash between), when the
/// role is at most five words ending in a journalist's role.
fn with_role(line: &str) -> Option<&str> {
    let (name, role) = line
        .split_once([',', '|', '\u{2013}', '\u{2014}'])
        .or_else(|| line.split_once(" - "))?;
    let role: Vec<&str> = role.split_whitespace().collect();
    let last = role.last()?.to_lowercase();
    (role.len() <= 5 && ROLES.contains(&last.as_str()) && name.split_whitespace().count() >= 2)
        .then(|| name.trim())
}

/// The last word of a journalist's role.
const ROLES: &[&str] = &[
    "correspondent",
    "correspondents",
    "staff",
    "reporter",
    "reporters",
    "writer",
    "writers",
    "team",
    "desk",
    "bureau",
    "editor",
    "critic",
    "reviewer",
    "columnist",
    "photographer",
    "contributor",
];

/// The words after `By` of a paper's house byline: `Our Cricket Correspondent`, `Our
/// Amsterdam Staff`, `A Staff Reporter`.
fn house_byline(words: &[&str]) -> bool {
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    words.len() >= 2
        && ["our", "a"].contains(&first.to_lowercase().as_str())
        && ROLES.contains(&last.to_lowercase().as_str())
        && words
            .iter()
            .all(|w| starts_upper(w) && w.chars().all(char::is_alphabetic))
}

/// Whether word `i` of a name line, a verb or other word [`name_word`] refuses, is a
/// name in its place by the census lists: a common given name followed by a common
/// surname (`Jimmy Singleton`, `Will Hanson`), or such a surname after a common given
/// name (`Luther Pierce`, `Helena Waters`).
fn census_name(lex: &Lexicon, names: &[&str], i: usize) -> bool {
    /// Share per 100,000 people: surnames at least this common.
    const SURNAME: u32 = 5;
    let capitalised = |w: &str| starts_upper(w) && w.chars().all(char::is_alphabetic);
    // the surname that makes it a name: the next word for the given name, else itself
    let Some(surname) = names.get(i.max(1)) else {
        return false;
    };
    capitalised(names[0])
        && capitalised(surname)
        && lex.name_shares(&normalise(names[0])).0 >= COMMON_GIVEN
        && lex.name_shares(&normalise(surname)).1 >= SURNAME
}

/// A word of a personal name: capitalised (`Sonia`, `O’Neill`, `J.`, `Abdul-Mahdi`) or
/// a particle (`de`, `al`), and not a function word, a verb or a section name.
pub(super) fn name_word(lex: &Lexicon, w: &str) -> bool {
    if crate::text::names::is_particle(w) {
        return true;
    }
    let lower = normalise(w);
    let shape = starts_upper(w)
        && w.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '\u{2019}'))
        && (!w.ends_with('.') || w.chars().count() == 2);
    shape
        && lex.closed(&lower).is_none()
        && !lex.is_stopword(&lower)
        && !lex.verb(&lower).is_some_and(|f| f.finite && !f.noun_first)
        && !lex.is_section(&lower)
}

#[cfg(test)]
mod tests {
    use super::super::page::flagged_paragraphs as flagged;
    use super::*;

    /// The paragraphs of `text` the truncation check flags (`min-words` 12).
    fn cut(text: &str) -> Vec<String> {
        flagged(text, |p, l, k| truncated(p, l, 12)[k])
    }

    const BODY: &str =
        "The council met on Monday and agreed to keep the library open for another year.";

    /// A page of running text with `middle` (paragraphs) between two of its paragraphs.
    fn amid(middle: &str) -> String {
        format!("Headline\n\n{BODY}\n\n{middle}\n\n{BODY}\n")
    }

    #[test]
    fn a_clause_the_next_paragraph_takes_up_is_a_heading() {
        let heading = "Ferry ridership rose for the third year in a row across the harbour";
        let echoed = format!(
            "Headline\n\n{BODY}\n\n{heading}\n\nRidership on the harbour ferries rose again last year, the third year in a row, the operator said.\n\n{BODY}\n"
        );
        assert!(cut(&echoed).is_empty(), "{:?}", cut(&echoed));
        // the same line before a paragraph on something else stops short
        let other = format!(
            "Headline\n\n{BODY}\n\n{heading}\n\nThe mayor also announced a new budget for the parks department.\n\n{BODY}\n"
        );
        assert_eq!(cut(&other), [heading]);
    }

    #[test]
    fn truncated_paragraph() {
        let text = format!(
            "Headline here\n\n{BODY}\n\nIt was signed by the commanding general of the task force, the coalition against the group\n\n{BODY}\n"
        );
        let got = cut(&text);
        assert_eq!(got.len(), 1, "{got:?}");
        let heading = amid("What Happens Next For The Library And Its Many Loyal Readers");
        assert!(cut(&heading).is_empty());
        let credit = format!(
            "Headline\n\n{BODY}\n\n{BODY} The council will vote again next spring on it… – Reuters\n\n{BODY}\n"
        );
        assert!(cut(&credit).is_empty());
        let short = format!(
            "Headline\n\n{BODY}\n\nThe barrier had been inspected by the\n\n{BODY}\n\nWhat the council will do next\n\n{BODY}\n"
        );
        assert_eq!(cut(&short), ["The barrier had been inspected by the"]);
    }

    #[test]
    fn a_cut_shows_beside_unterminated_lines_but_a_list_lead_in_does_not() {
        // Beside a heading without a full stop: excused, unless the paragraph shows the
        // cut by its last words.
        let plain = amid(
            "What Comes Next\n\nThe library will stay open on weekdays while the repairs to the roof go on over the summer",
        );
        assert!(cut(&plain).is_empty());
        for ending in [
            "the repairs to the roof go on over the",
            "the repairs to the roof go on because",
            "the repairs go on. Even if",
        ] {
            let text = amid(&format!(
                "What Comes Next\n\nThe library will stay open on weekdays while {ending}"
            ));
            assert_eq!(cut(&text).len(), 1, "{ending}");
        }
        // A list item: cut on `the`, not when it closes with `, or`.
        let items = amid(
            "You qualify if:\n\n- you have lived in the district for a year, or\n- you work at one of the schools of the",
        );
        assert_eq!(cut(&items), ["- you work at one of the schools of the"]);
        // The sentence ends in the next paragraph (`?` after stripped code).
        let split = amid(
            "So what is the real difference between the two methods of checking a string for\n\n?Why do we need both",
        );
        assert!(cut(&split).is_empty());
    }

    #[test]
    fn a_clause_opened_after_a_comma_a_modal_without_its_verb_or_a_preposition_shows_the_cut() {
        let with = |para: &str| amid(&format!("What Comes Next\n\n{para}"));
        for para in [
            "The largest jump was in ice skating, which",
            "The mayor backed the plan on Monday, she said, adding",
            "Read our full review to find out more about",
            "One example of the change: the new rules are already reshaping how councils plan for",
            "Fuzzing finds real bugs in the parser. The select fragment crash would never",
            "Converging lines are a particularly effective way of creating depth in",
        ] {
            assert_eq!(cut(&with(para)), [para], "{para}");
        }
        for para in [
            "Two pounds of fresh tomatoes from the market, chopped",
            "What you need to know about",
            "Price: about ten dollars a month for the basic plan",
            "Why Small Towns Will Thrive and Why Big Cities Will Not",
            "Members of the club can enter the building whenever they want to log in",
            "The folding table measures 44 x 19 x 11 in",
        ] {
            assert!(cut(&with(para)).is_empty(), "{para}");
        }
    }

    #[test]
    fn running_text_beside_a_heading_or_after_a_list_is_read_as_text() {
        // A finished sentence, then one cut on a noun: under a heading, and after a
        // list item, it is running text.
        let para = "The library will stay open on weekdays. Readers who want the archive can book a room at the town hall";
        let heading = amid(&format!("What Comes Next\n\n{para}"));
        assert_eq!(cut(&heading), [para]);
        let after_item = amid(&format!("- the reading room\n\n{para}"));
        assert_eq!(cut(&after_item), [para]);
        // One sentence without its full stop under a heading may be a headline of a
        // block; a teaser's headline and standfirst come with a byline; a label line
        // leads into what follows.
        let one = "The library will stay open on weekdays while the repairs to the roof go on over the summer";
        assert!(cut(&amid(&format!("What Comes Next\n\n{one}"))).is_empty());
        for after in ["By Jane Roe", "Michael Brown"] {
            let teaser = amid(&format!("Opinion\n\n{para}\n\n{after}"));
            assert!(cut(&teaser).is_empty(), "{after}");
        }
        let labelled = amid(&format!("STAT Plus:\n\n{para}"));
        assert!(cut(&labelled).is_empty());
        // ... unless the running text stops on a word that rarely ends one.
        let open = "The library will stay open on weekdays. The trash room keeps things for";
        let labelled = amid(&format!("Specifically:\n\n{open}"));
        assert_eq!(cut(&labelled), [open]);
    }

    #[test]
    fn credits_and_attributions_after_the_last_sentence_are_no_cut() {
        for para in [
            "The president welcomed the new signing to the club on Thursday. Photo by Meg Oliphant/Getty Images",
            "“Its strength is in revealing patterns that would otherwise take weeks to uncover.” - Bolman, Co-Founder and CEO of Brightest",
            "\"I bought two of these and they have held up through a whole winter. Love it.\" —sidna saavedra",
        ] {
            let text = amid(para);
            assert!(cut(&text).is_empty(), "{para}");
        }
    }

    #[test]
    fn a_page_that_leaves_off_full_stops_is_cut_only_where_it_shows() {
        let plain = "The library will stay open on weekdays while the repairs to the roof go on over the summer";
        let other = "Readers can still borrow books from the mobile library that parks outside the town hall";
        let one = amid(plain);
        assert_eq!(cut(&one), [plain]);
        let two = format!("Headline\n\n{BODY}\n\n{plain}\n\n{BODY}\n\n{other}\n\n{BODY}\n");
        assert!(cut(&two).is_empty(), "the page's style, not a cut");
        let shown =
            format!("{two}\nThe council said it would publish the costs of the\n\n{BODY}\n");
        assert_eq!(
            cut(&shown),
            ["The council said it would publish the costs of the"]
        );
    }

    const LABELS: LabelRule<'static> = LabelRule {
        max_words: 2,
        max_lead: 3,
        labels: &[],
    };

    #[test]
    fn media_labels_between_paragraphs() {
        let labels = ["photo gallery".to_owned(), "key points".to_owned()];
        let rule = LabelRule {
            labels: &labels,
            ..LABELS
        };
        let lone = format!("Headline\n\n{BODY}\n\nPhoto gallery\n\n{BODY}\n\n{BODY}\n");
        assert_eq!(
            flagged(&lone, |p, l, k| section_label(p, l, &rule, k).is_some()),
            ["Photo gallery"]
        );
        // A label heading its own list is the article's.
        let list = amid("Key points:\n\n- Rates held\n\n- Jobs up");
        assert!(flagged(&list, |p, l, k| section_label(p, l, &rule, k).is_some()).is_empty());
    }

    #[test]
    fn a_section_name_above_the_headline_is_a_kicker() {
        let kicker = format!("Politics\n\nCouncil delays vote on bridge\n\n{BODY}\n\n{BODY}\n");
        assert_eq!(
            flagged(&kicker, |p, l, k| section_label(p, l, &LABELS, k).is_some()),
            ["Politics"]
        );
        // a title that is no section name, or a section name over running text
        let title = format!("Bridge Tolls\n\nCouncil delays vote\n\n{BODY}\n\n{BODY}\n");
        let over_text = format!("Politics\n\n{BODY}\n\n{BODY}\n\n{BODY}\n");
        for text in [title, over_text] {
            assert!(flagged(&text, |p, l, k| section_label(p, l, &LABELS, k).is_some()).is_empty());
        }
    }

    #[test]
    fn section_labels() {
        let lead = format!(
            "Headline about the letter\n\nUS\nA soldier walks next to a wall near Mosul. (Photo/Reuters)\n\n{BODY}\n"
        );
        assert_eq!(
            flagged(&lead, |p, l, k| section_label(p, l, &LABELS, k).is_some()),
            ["US"]
        );
        let near_top =
            format!("Headline\n\n{BODY}\n\nPolitics\n\n{BODY}\n\nWhat happens next\n\n{BODY}\n");
        assert_eq!(
            flagged(&near_top, |p, l, k| section_label(p, l, &LABELS, k)
                .is_some()),
            ["Politics"]
        );
        let furniture =
            format!("Headline\n\n{BODY}\n\n{BODY}\n\n{BODY}\n\nPolitics\n\nShare this\n\n{BODY}\n");
        assert_eq!(
            flagged(&furniture, |p, l, k| section_label(p, l, &LABELS, k)
                .is_some()),
            ["Politics"]
        );
        let subheadings = format!(
            "Headline\n\n{BODY}\n\n{BODY}\n\n{BODY}\n\nTravel\n\n{BODY}\n\nWhat happens next\n\n{BODY}\n"
        );
        assert!(
            flagged(&subheadings, |p, l, k| section_label(p, l, &LABELS, k)
                .is_some())
            .is_empty()
        );
        let lone = format!("Headline\n\n{BODY}\n\n{BODY}\n\n{BODY}\n\nChess\n\n{BODY}\n");
        assert_eq!(
            flagged(&lone, |p, l, k| section_label(p, l, &LABELS, k).is_some()),
            ["Chess"]
        );
        let only = format!("Headline\n\n{BODY}\n\n{BODY}\n\n{BODY}\n\nTravel\n\n{BODY}\n");
        assert_eq!(
            flagged(&only, |p, l, k| section_label(p, l, &LABELS, k).is_some()),
            ["Travel"]
        );
        let heading = amid("Hostage swap");
        assert!(
            flagged(&heading, |p, l, k| section_label(p, l, &LABELS, k)
                .is_some())
            .is_empty()
        );
    }

    #[test]
    fn orphan_bylines() {
        let end = format!("Headline\n\n{BODY}\n\n{BODY}\n\n  • Sonia Alvarado");
        assert_eq!(
            flagged(&end, |p, l, k| orphan_byline(p, l, 4, k)),
            ["• Sonia Alvarado"]
        );
        let by = format!("Headline\n\n{BODY}\n\nBy Kwame Mensah\n\n{BODY}\n\n{BODY}");
        assert_eq!(
            flagged(&by, |p, l, k| orphan_byline(p, l, 4, k)),
            ["By Kwame Mensah"]
        );
        let role = format!("Headline\n\n{BODY}\n\nTom Ellery, Local Democracy Reporter\n\n{BODY}");
        assert_eq!(
            flagged(&role, |p, l, k| orphan_byline(p, l, 4, k)),
            ["Tom Ellery, Local Democracy Reporter"]
        );
        // At the end, a `By` line or a name with its role after a list or a label;
        // not after a title it credits.
        let after_list = format!(
            "Headline\n\n{BODY}\n\n- Short configurations\n\n- Take one, leave one\n\nBarbara Reid, Staff Writer"
        );
        assert_eq!(
            flagged(&after_list, |p, l, k| orphan_byline(p, l, 4, k)),
            ["Barbara Reid, Staff Writer"]
        );
        let books = format!("Headline\n\n{BODY}\n\n- Gilead\n\nThe Road\n\nBy Cormac McCarthy");
        assert!(flagged(&books, |p, l, k| orphan_byline(p, l, 4, k)).is_empty());
        let house = format!("Headline\n\n{BODY}\n\nBy Our Cricket Correspondent\n\n{BODY}");
        assert_eq!(
            flagged(&house, |p, l, k| orphan_byline(p, l, 4, k)),
            ["By Our Cricket Correspondent"]
        );
        let list = format!(
            "Headline\n\n{BODY}\n\nThe nominees are:\n\n• Sonia Alvarado\n\n• Kwame Mensah\n\n{BODY}"
        );
        assert!(flagged(&list, |p, l, k| orphan_byline(p, l, 4, k)).is_empty());
        let heading = format!("Headline\n\n{BODY}\n\nWhat Happens Next\n\n{BODY}");
        assert!(flagged(&heading, |p, l, k| orphan_byline(p, l, 4, k)).is_empty());
        // A numbered list heading names a product, not an author.
        let numbered =
            format!("Headline\n\n{BODY}\n\n{BODY}\n\n3. Amazon Lex\n\n{BODY}\n\n4. Atlas VPN");
        assert!(flagged(&numbered, |p, l, k| orphan_byline(p, l, 4, k)).is_empty());
        // A surname that is also a verb, after a census given name; after a short
        // closing sentence.
        let verb = format!("Headline\n\n{BODY}\n\nThanks for reading!\n\nLuther Pierce");
        assert_eq!(
            flagged(&verb, |p, l, k| orphan_byline(p, l, 4, k)),
            ["Luther Pierce"]
        );
        let phrase = format!("Headline\n\n{BODY}\n\n{BODY}\n\nStay Tuned");
        assert!(flagged(&phrase, |p, l, k| orphan_byline(p, l, 4, k)).is_empty());
        // A given name that is also a verb or a modal, before a census surname.
        for name in ["By Jimmy Singleton", "Will Hanson"] {
            let end = format!("Headline\n\n{BODY}\n\n{BODY}\n\n{name}");
            assert_eq!(flagged(&end, |p, l, k| orphan_byline(p, l, 4, k)), [name]);
        }
        let modal = format!("Headline\n\n{BODY}\n\n{BODY}\n\nWill Continue");
        assert!(flagged(&modal, |p, l, k| orphan_byline(p, l, 4, k)).is_empty());
    }

    #[test]
    fn split_quoted_or_code_paragraphs_are_not_cut() {
        let check = |middle: &str| {
            let text = amid(middle);
            cut(&text)
        };
        // runs on in the next paragraph
        assert!(check("The plan was drawn up by the council's own planning staff together with a\n\nlocal firm of architects, who agreed.").is_empty());
        // a quotation and who said it
        assert!(check("“It gave me the flexibility I now have and need for my family and my small firm.” — Cabrera").is_empty());
        assert!(check("It is the best small package we have tried for the money and the space it takes “a real bargain”").is_empty());
        // code, file names and acronyms
        assert!(
            check(
                "To check it quickly you can merge the three loads at three offsets via VPTERNLOG"
            )
            .is_empty()
        );
        assert!(
            check(
                "If you use the package manager you should define the settings in a NuGet.config"
            )
            .is_empty()
        );
        // still a cut sentence
        assert_eq!(
            check("The council will decide next spring whether the old library building should be sold to").len(),
            1
        );
    }

    #[test]
    fn a_new_sentence_cut_after_its_first_words_is_a_stub() {
        let lex = Lexicon::builtin();
        let before = "The tester reads grounds, reversed polarity and other common faults.";
        for stub in ["This diagnostic tool saves", "But", "So no", "It was"] {
            assert!(stub_sentence(&format!("{before} {stub}"), &lex), "{stub}");
        }
        // A credit, a heading in Title Case, a numbered heading run in: no stub.
        for tail in ["Reuters", "Key Takeaways", "Photo Credit Getty"] {
            assert!(!stub_sentence(&format!("{before} {tail}"), &lex), "{tail}");
        }
        let numbered = "Drink it in moderation and responsibly.3. Liver protection";
        assert!(!stub_sentence(numbered, &lex));
        // A button's label or a prompt after a question.
        assert!(!stub_sentence(&format!("{before} Accept and close"), &lex));
        assert!(!stub_sentence(&format!("{before} Read more"), &lex));
        let prompt =
            "Subscribe for full access to every story we publish. Already a subscriber? Log in";
        assert!(!stub_sentence(prompt, &lex));
        // A quotation opening the new sentence is read through; a closed one is no stub.
        assert!(stub_sentence(&format!("{before} “I was forced"), &lex));
        assert!(stub_sentence(&format!("{before} \"It was"), &lex));
        assert!(!stub_sentence(&format!("{before} “Read more”"), &lex));
    }

    #[test]
    fn a_last_word_that_seldom_ends_a_sentence_shows_the_cut() {
        let lex = Lexicon::builtin();
        let shy = |t: &str| ends_on_final_shy_word(t, &lex);
        assert!(shy("Living rooms, family rooms, and dining rooms usually"));
        assert!(shy("Most of the new rules apply to several"));
        // Words that end sentences often enough, words too rare to judge, function
        // words and a negation (elliptic endings), and capitalised words (names).
        for clean in [
            "Start your free training with this calculator",
            "Them out in the table below",
            "It was a good or bad thing for some",
            "And it is appropriate when it is not",
            "What does the project look like",
            "A grant from the foundation of Tomas Varga",
            "The crew used a quadrupedal",
        ] {
            assert!(!shy(clean), "{clean}");
        }
        // Short and beside a heading, the last word still shows the cut.
        let page = amid(
            "Living Room And Common Areas\n\nLiving rooms, family rooms, and dining rooms usually",
        );
        assert_eq!(
            cut(&page),
            ["Living rooms, family rooms, and dining rooms usually"]
        );
        // Beside a heading a paragraph that only lacks its full stop stays unflagged.
        let plain =
            amid("What Comes Next\n\nThe longer opening hours will be a good thing for some");
        assert!(cut(&plain).is_empty());
    }

    #[test]
    fn a_plural_possessive_needs_its_noun() {
        assert!(ends_on_plural_possessive(
            "They found that the programme significantly decreased participants’"
        ));
        assert!(ends_on_plural_possessive(
            "It was paid for out of the players'"
        ));
        // A quotation in single marks, a name, a short word: no possessive.
        assert!(!ends_on_plural_possessive(
            "The crowd sang ‘Hey Jude’ and ‘Two Sisters’"
        ));
        assert!(!ends_on_plural_possessive("He called them the 'old boys'"));
        assert!(!ends_on_plural_possessive("It was bought by the Williams’"));
        let list = amid(
            "The reviews found:\n\n- A 2018 review of 37 studies found that the programme decreased participants’\n\n- Another found no effect at all.",
        );
        assert_eq!(
            cut(&list),
            ["- A 2018 review of 37 studies found that the programme decreased participants’"]
        );
    }

    #[test]
    fn a_sentence_after_a_label_line_is_no_list_item() {
        let sentence = amid(
            "They start in the foreground, like the lines of this dock:\n\nConverging lines are an effective way of creating depth in",
        );
        assert_eq!(
            cut(&sentence),
            ["Converging lines are an effective way of creating depth in"]
        );
        // Unbulleted list lines after a label, each unterminated: items, not cut.
        let items = amid(
            "Make training effective by:\n\nCreating real-world scenarios your team can relate to\n\nRunning simulated phishing tests to keep everyone alert",
        );
        assert!(cut(&items).is_empty());
        // A line without a finite verb after a label is a list line.
        let phrase =
            amid("More examples:\n\nExamples of depth from the old photographs of the harbour in");
        assert!(cut(&phrase).is_empty());
    }

    #[test]
    fn lines_wrapped_at_a_fixed_width_are_not_cut() {
        let wrapped = "Notes on folding\n\nThe first published account of the folding puzzle that we know of is a\nJapanese book of puzzles and games, printed in 1721 and sold in Kyoto.\nIt asks the reader to fold a sheet of paper and cut out a crest in one\ngo, and it gives the answer only for the simplest of the three crests.\nLater collections reprinted the puzzle and added harder crests to it.";
        assert!(cut(wrapped).is_empty());
        // The same line between long paragraphs is cut.
        let lone = format!(
            "Notes on folding\n\n{BODY}\n\nThe first published account of the folding puzzle that we know of is a\n\n{BODY}\n"
        );
        assert_eq!(cut(&lone).len(), 1);
    }
}
