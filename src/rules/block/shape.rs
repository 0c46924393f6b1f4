//! What a widget line looks like, and how lines group into blocks: the method of kind
//! `block`, kept apart from the rule plumbing so it can be tested on plain strings.

use crate::rules::LazyRegex;

mod line;

pub(super) use line::Line;
use line::LineKind;
use serde::Deserialize;
use toml::Spanned;

/// The kind-specific keys of a `block` rule.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct Config {
    /// Regexes a heading line must match as a whole. Empty: no heading needed.
    #[serde(default)]
    pub(super) triggers: Vec<Spanned<String>>,
    /// Words a headline (or heading) line may have at most.
    #[serde(default = "default_max_words")]
    max_words: usize,
    /// Headlines a block needs (besides its heading).
    #[serde(default)]
    min_lines: usize,
    /// Separator lines (`-`, `___`, `|`) a block needs between its lines: teaser
    /// cards come divided; an article's own list rarely does.
    #[serde(default)]
    min_separators: usize,
    /// ...and may have at most (a rule for runs without cards leaves them to one for
    /// cards).
    #[serde(default = "default_max_separators")]
    max_separators: usize,
    /// Headlines a block takes at most; the rest is left to the next block.
    #[serde(default = "default_max_lines")]
    max_lines: usize,
    /// Blank lines allowed between two lines of a block.
    #[serde(default = "default_max_blank")]
    max_blank: usize,
    /// A line of this many words or more that ends like a sentence is prose.
    #[serde(default = "default_prose_min_words")]
    prose_min_words: usize,
    #[serde(default)]
    case: Case,
    /// Whether a bulleted or numbered line can be a headline (lists in articles have
    /// bullets; scraped menus rarely do).
    #[serde(default = "yes")]
    bullets: bool,
    #[serde(default)]
    position: Position,
    /// A heading opens a block that runs to the end of the page (a comment section),
    /// whatever its lines look like, if `min-markers` of them match `markers`.
    #[serde(default)]
    until_end: bool,
    /// Regexes matched case-insensitively against whole lines (`Reply`, `2 days ago`).
    #[serde(default)]
    pub(super) markers: Vec<Spanned<String>>,
    #[serde(default)]
    min_markers: usize,
    /// Non-blank lines after the heading within which the first marker must come: a
    /// comment thread starts at once, a counter at the top of the article does not.
    #[serde(default = "default_marker_within")]
    marker_within: usize,
    /// Regexes matched case-insensitively against whole lines: a line matching one is
    /// neither a heading nor a marker (`She says:` leads in a quotation; no commenter
    /// is called `She`).
    #[serde(default)]
    pub(super) exclude: Vec<Spanned<String>>,
}

fn default_marker_within() -> usize {
    usize::MAX
}

fn default_max_separators() -> usize {
    usize::MAX
}

fn default_max_words() -> usize {
    20
}
fn default_max_lines() -> usize {
    40
}
fn default_max_blank() -> usize {
    1
}
fn default_prose_min_words() -> usize {
    8
}
fn yes() -> bool {
    true
}

/// How a headline line must be capitalised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
enum Case {
    Any,
    /// The first letter is a capital (or the line starts with a digit).
    #[default]
    Capitalised,
    /// Every word of four letters or more starts with a capital.
    Title,
}

/// Where an untriggered run must stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
enum Position {
    #[default]
    Anywhere,
    /// No prose follows the run: a list tacked on after the article.
    End,
    /// Anywhere, but a run inside the article ([`between_paragraphs`]) is reported as
    /// `info`: between an article's paragraphs a list or a table is likelier than a menu.
    Edge,
}

/// What one line is, for one rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum LineClass {
    Blank,
    Trigger,
    Headline,
    /// Only punctuation: `-`, `|`, `___` between widget items.
    Separator,
    /// Under `case = "title"`, a number without words (`(62)`, `15:23`, `5`): a count
    /// or a gallery counter inside a menu, kept in its run but not one of its items.
    Figure,
    /// Ends like a sentence and is long enough to be article text.
    Prose,
    /// Article text announcing a list (`The ties will be played on Saturday:`): as
    /// long as prose, ending with `:`. The short lines after it are its list.
    Intro,
    Other,
}

/// A block found in a text, in 0-based line numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Block {
    pub(super) first: usize,
    pub(super) last: usize,
    /// Headline lines in the block (not counting headings and separators).
    pub(super) headlines: usize,
    /// Separator lines between its first and last line.
    pub(super) separators: usize,
    /// Under `position = "edge"`: it sits inside the article (see [`between_paragraphs`]).
    pub(super) inner: bool,
}

/// One rule's trigger and thresholds: classifies lines and groups them into blocks.
#[derive(Debug)]
pub(super) struct Segmenter {
    trigger: Option<LazyRegex>,
    markers: Option<LazyRegex>,
    exclude: Option<LazyRegex>,
    config: Config,
}

const BULLETS: &[char] = &[
    '-', '–', '—', '•', '*', '·', '▪', '►', '●', '◦', '>', '»', '›', '|', '#', '+',
];
const CLOSERS: &[char] = &['"', '\'', '”', '’', ')', ']', '|', '»', '›'];

impl Segmenter {
    /// Checks the thresholds and joins the triggers into one whole-line regex.
    pub(super) fn new(config: Config) -> Result<Segmenter, String> {
        if config.triggers.is_empty() && config.min_lines < 2 && !config.until_end {
            return Err("a block rule without `triggers` needs `min-lines` of 2 or more".into());
        }
        if config.max_words == 0 || config.max_lines < config.min_lines {
            return Err("`max-words` must be positive and `max-lines` at least `min-lines`".into());
        }
        if config.until_end {
            let markers_set = (config.min_markers > 0) != config.markers.is_empty();
            if config.triggers.is_empty() && (config.markers.is_empty() || config.min_markers < 2) {
                return Err(
                    "`until-end` without `triggers` needs `markers` with `min-markers` of 2 \
                     or more (the run opens at a marker that another follows)"
                        .into(),
                );
            }
            if !markers_set {
                return Err(
                    "`until-end` needs `markers` with `min-markers` of 1 or more, or neither \
                     (a heading that needs no marker)"
                        .into(),
                );
            }
        }
        let trigger = whole_line(&config.triggers)?;
        let markers = whole_line(&config.markers)?;
        let exclude = whole_line(&config.exclude)?;
        Ok(Segmenter {
            trigger,
            markers,
            exclude,
            config,
        })
    }

    /// The class of one line (see [`Segmenter::classify_line`]).
    #[cfg(test)]
    pub(super) fn classify(&self, line: &str) -> LineClass {
        self.classify_line(&Line::of(line, self.word_limit()))
    }

    /// The count of words past which this rule's word bounds all decide alike.
    pub(super) fn word_limit(&self) -> usize {
        self.config.max_words.max(self.config.prose_min_words) + 1
    }

    /// The class of a line read with a word limit of at least [`Segmenter::word_limit`].
    pub(super) fn classify_line(&self, line: &Line<'_>) -> LineClass {
        match line.kind {
            LineKind::Blank => return LineClass::Blank,
            LineKind::Separator => return LineClass::Separator,
            LineKind::Text => {}
        }
        let body = line.body;
        // Only compared with the two bounds: a count past both decides the same.
        let words = line.words.min(self.word_limit());
        if self.config.case == Case::Title && !line.alphabetic() {
            return LineClass::Figure;
        }
        if let Some(re) = &self.trigger {
            let (core, open_ending) = line.heading();
            if words <= self.config.max_words
                && open_ending == Ending::Open
                && re.is_match(core)
                && !self.excluded(core)
            {
                return LineClass::Trigger;
            }
        }
        let ending = line.ending;
        let bullet_ok = self.config.bullets || body.len() == line.trimmed.len();
        if words <= self.config.max_words
            && !line.quoted_whole()
            && ending == Ending::Open
            && bullet_ok
            && !line.several_sentences()
            && line.capitalised(self.config.case)
        {
            return LineClass::Headline;
        }
        if words >= self.config.prose_min_words && ending == Ending::Sentence {
            LineClass::Prose
        } else if words >= self.config.prose_min_words && body.trim_end().ends_with(':') {
            LineClass::Intro
        } else {
            LineClass::Other
        }
    }

    /// Whether `line` matches one of the rule's `exclude` patterns.
    fn excluded(&self, line: &str) -> bool {
        self.exclude.as_ref().is_some_and(|re| re.is_match(line))
    }

    /// With `until-end`: the block from the first heading to the last line of the
    /// page, when enough of its lines are markers; otherwise [`segment`](Self::segment).
    pub(super) fn blocks(&self, classes: &[LineClass], lines: &[&str]) -> Vec<Block> {
        if !self.config.until_end {
            return self.segment(classes);
        }
        let Some(last) = classes.iter().rposition(|c| *c != LineClass::Blank) else {
            return Vec::new();
        };
        if self.trigger.is_none() {
            return self.marked_run(classes, lines, last);
        }
        let Some(opening) = classes[..last]
            .iter()
            .position(|c| *c == LineClass::Trigger)
        else {
            return Vec::new();
        };
        let body = |first: usize| (first + 1..=last).filter(|&j| classes[j] != LineClass::Blank);
        let Some(markers) = &self.markers else {
            // A heading that says what follows it (`3 thoughts on “Title”`) needs no mark.
            return vec![Block {
                first: opening,
                last,
                headlines: body(opening).count(),
                separators: 0,
                inner: false,
            }];
        };
        // Each line after the first heading is matched once; `after[j]` counts the
        // marker lines from `j` to the end.
        let marked: Vec<bool> = (0..=last)
            .map(|j| {
                let line = strip_bullet(lines[j].trim());
                j > opening && markers.is_match(line) && !self.excluded(line)
            })
            .collect();
        let mut after = vec![0usize; last + 2];
        for j in (0..=last).rev() {
            after[j] = after[j + 1] + usize::from(marked[j]);
        }
        for first in (opening..last).filter(|&i| classes[i] == LineClass::Trigger) {
            let soon = body(first)
                .take(self.config.marker_within)
                .any(|j| marked[j]);
            if soon && after[first + 1] >= self.config.min_markers {
                return vec![Block {
                    first,
                    last,
                    headlines: body(first).count(),
                    separators: 0,
                    inner: false,
                }];
            }
        }
        Vec::new()
    }

    /// With `until-end` and no heading: the run from the first marker line that another
    /// follows within `marker-within` non-blank lines, with `min-markers` from it on,
    /// to the last line of the page (reader comments kept without their heading, each
    /// in the readers' own voice: `Great post, thanks for sharing!`).
    fn marked_run(&self, classes: &[LineClass], lines: &[&str], last: usize) -> Vec<Block> {
        let Some(markers) = &self.markers else {
            return Vec::new();
        };
        let marked: Vec<usize> = (0..=last)
            .filter(|&j| classes[j] != LineClass::Blank)
            .filter(|&j| {
                let line = strip_bullet(lines[j].trim());
                markers.is_match(line) && !self.excluded(line)
            })
            .collect();
        let non_blank = |from: usize, to: usize| {
            (from + 1..=to)
                .filter(|&j| classes[j] != LineClass::Blank)
                .count()
        };
        for (k, &first) in marked.iter().enumerate() {
            let followed = marked
                .get(k + 1)
                .is_some_and(|&next| non_blank(first, next) <= self.config.marker_within);
            if followed && marked.len() - k >= self.config.min_markers {
                return vec![Block {
                    first,
                    last,
                    headlines: non_blank(first, last),
                    separators: 0,
                    inner: false,
                }];
            }
        }
        Vec::new()
    }

    /// Groups classified lines into blocks.
    pub(super) fn segment(&self, classes: &[LineClass]) -> Vec<Block> {
        let opener = if self.trigger.is_some() {
            LineClass::Trigger
        } else {
            LineClass::Headline
        };
        let mut blocks = Vec::new();
        let mut i = 0;
        while i < classes.len() {
            if classes[i] != opener {
                i += 1;
                continue;
            }
            let block = self.extend(classes, i);
            i = block.last + 1;
            // A run of short lines that the article's own text announces is its list.
            let announced = opener == LineClass::Headline
                && classes[..block.first]
                    .iter()
                    .rev()
                    .find(|c| **c != LineClass::Blank)
                    == Some(&LineClass::Intro);
            if !announced
                && block.headlines >= self.config.min_lines
                && (self.config.min_separators..=self.config.max_separators)
                    .contains(&block.separators)
                && self.placed(classes, &block)
            {
                let mut block = block;
                block.inner = self.config.position == Position::Edge
                    && between_paragraphs(&classes[..block.first], &classes[block.last + 1..]);
                blocks.push(block);
            }
        }
        blocks
    }

    /// The block opened at line `start`: every headline that follows it.
    fn extend(&self, classes: &[LineClass], start: usize) -> Block {
        let mut block = Block {
            first: start,
            last: start,
            headlines: usize::from(classes[start] == LineClass::Headline),
            separators: 0,
            inner: false,
        };
        // Separators seen since the block's last line: they count once a line follows.
        let mut pending = 0;
        let mut blanks = 0;
        for (j, class) in classes.iter().enumerate().skip(start + 1) {
            match class {
                LineClass::Blank => {
                    blanks += 1;
                    if blanks > self.config.max_blank {
                        break;
                    }
                    continue;
                }
                LineClass::Separator => pending += 1,
                // Stacked headings are one widget; a heading after headlines is the
                // next widget, reported on its own, and so is each inline link
                // (`max-lines = 0`).
                LineClass::Trigger if block.headlines == 0 && self.config.max_lines > 0 => {
                    block.last = j
                }
                LineClass::Trigger => break,
                LineClass::Figure => {
                    block.last = j;
                    block.separators += std::mem::take(&mut pending);
                }
                LineClass::Headline => {
                    let subheading = blanks > 0 && next_line(classes, j) == Some(LineClass::Prose);
                    if block.headlines >= self.config.max_lines || subheading {
                        break;
                    }
                    block.headlines += 1;
                    block.last = j;
                    block.separators += std::mem::take(&mut pending);
                }
                // A teaser's one-line summary between its headline and the next
                // separator belongs to the widget.
                LineClass::Prose | LineClass::Other
                    if blanks == 0
                        && block.last + 1 == j
                        && classes[block.last] == LineClass::Headline
                        && next_line(classes, j) == Some(LineClass::Separator) =>
                {
                    block.last = j;
                }
                LineClass::Prose | LineClass::Intro | LineClass::Other => break,
            }
            blanks = 0;
        }
        block
    }

    fn placed(&self, classes: &[LineClass], block: &Block) -> bool {
        match self.config.position {
            Position::Anywhere => true,
            Position::End => !classes[block.last + 1..].contains(&LineClass::Prose),
            Position::Edge => true,
        }
    }
}

/// Whether `body` is capitalised as `case` asks of a headline.
fn capitalised_as(case: Case, body: &str) -> bool {
    match case {
        Case::Any => true,
        // Caseless scripts give no headline signal, so they do not pass.
        Case::Capitalised => body
            .chars()
            .find(|c| c.is_alphanumeric())
            .is_some_and(|c| c.is_uppercase() || c.is_numeric()),
        // A score (`1-3`) makes a results line, not a menu item; a measure or a
        // price (`1.21 kg`, `From €1,099`, `8-speed`) makes a table's cell.
        // So does code (`<Target Name="x">`, `a = b;`) and a phrase with a comma
        // (`Atlanta, United States`, `March 16, 2026`): an event listing's line.
        Case::Title => {
            !body.contains([',', '=', '<', '>', '{', '}', ';', '`'])
                && !body.split_whitespace().any(is_quantity)
                && body.split_whitespace().all(|w| {
                    let mut letters = w.chars().skip_while(|c| !c.is_alphanumeric());
                    let first = letters.next();
                    let score = w.chars().any(|c| c.is_ascii_digit())
                        && w.contains(['-', '\u{2013}'])
                        && w.chars()
                            .all(|c| c.is_ascii_digit() || c == '-' || c == '\u{2013}');
                    !score
                        && (w.chars().filter(|c| c.is_alphabetic()).count() < 4
                            || first.is_some_and(|c| c.is_uppercase() || c.is_numeric()))
                })
        }
    }
}

/// A word giving a measure or a price: a decimal (`1.21`, `1,099`), a currency sign
/// before or after a digit (`€1,099`, `20$`), or a number run into a lowercase unit
/// (`8-speed`, `12mm`).
fn is_quantity(word: &str) -> bool {
    let chars: Vec<char> = word.chars().collect();
    chars.iter().enumerate().any(|(i, &c)| {
        let prev = i.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(i + 1).copied();
        let digit_before = prev.is_some_and(|p| p.is_ascii_digit());
        let digit_after = next.is_some_and(|n| n.is_ascii_digit());
        match c {
            '.' | ',' => digit_before && digit_after,
            _ if is_currency(c) => digit_before || digit_after,
            _ if c.is_lowercase() => {
                digit_before || (prev == Some('-') && i >= 2 && chars[i - 2].is_ascii_digit())
            }
            _ => false,
        }
    })
}

fn is_currency(c: char) -> bool {
    matches!(c, '$' | '€' | '£' | '¥' | '₹' | '₩' | '₽' | '₺' | '¢')
}

/// One case-insensitive regex matching a whole line against any of `patterns`.
fn whole_line(patterns: &[Spanned<String>]) -> Result<Option<LazyRegex>, String> {
    if patterns.is_empty() {
        return Ok(None);
    }
    let body: Vec<String> = patterns
        .iter()
        .map(|t| format!("(?:{})", t.get_ref()))
        .collect();
    // Each pattern was checked on its own at load (`compile_rule_regex`).
    LazyRegex::trusted(&format!("^(?:{})$", body.join("|")), true).map(Some)
}

/// The class of the next non-blank line after `j`.
fn next_line(classes: &[LineClass], j: usize) -> Option<LineClass> {
    classes[j + 1..]
        .iter()
        .copied()
        .find(|c| *c != LineClass::Blank)
}

/// Whether a sentence ends inside the line (`Help! I don't know.`): headlines are
/// one phrase. A full stop counts only after a lowercase word, not after `U.S.`.
fn several_sentences(body: &str) -> bool {
    let chars: Vec<char> = body.chars().collect();
    chars.windows(3).enumerate().any(|(i, w)| {
        let end = match w[0] {
            '?' | '!' => true,
            '.' => {
                chars[..i]
                    .iter()
                    .rev()
                    .take_while(|c| c.is_alphabetic())
                    .filter(|c| c.is_lowercase())
                    .count()
                    >= 3
            }
            _ => false,
        };
        end && w[1] == ' ' && w[2].is_uppercase()
    })
}

/// Whether the line is one quotation or quoted title from end to end (`“Wild Rose”`):
/// article text, never a menu entry or a teaser.
fn quoted_whole(body: &str) -> bool {
    let mut chars = body.chars();
    let (Some(first), Some(last)) = (chars.next(), chars.next_back()) else {
        return false;
    };
    let pair = matches!(
        (first, last),
        ('“', '”') | ('"', '"') | ('‘', '’') | ('«', '»') | ('„', '“')
    );
    pair && !chars.as_str().contains(['“', '”', '"'])
}

/// The inside of a line wholly in one pair of brackets (`[Read more: Title]`,
/// `(Related: Title)`), else the line.
fn unbracketed(line: &str) -> &str {
    let inner = line
        .strip_prefix('[')
        .and_then(|s| s.strip_suffix(']'))
        .or_else(|| line.strip_prefix('(').and_then(|s| s.strip_suffix(')')));
    match inner {
        Some(inner) if !inner.contains(['[', ']', '(', ')']) => inner.trim(),
        _ => line,
    }
}

/// The line without a leading bullet or list number.
fn strip_bullet(line: &str) -> &str {
    let s = line.trim_start_matches(|c: char| c.is_whitespace() || BULLETS.contains(&c));
    let digits = s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let rest = &s[digits..];
    if (1..=2).contains(&digits) && (rest.starts_with(". ") || rest.starts_with(") ")) {
        rest[1..].trim_start()
    } else {
        s
    }
}

/// The words of `s` (with a letter or digit), counted up to `limit`: every line of a
/// document is classified for each block rule, and prose lines run long.
fn word_count_upto(s: &str, limit: usize) -> usize {
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .take(limit)
        .count()
}

/// How a line ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ending {
    /// `.`, `!` or `?`: a sentence.
    Sentence,
    /// `,`, `;` or `:`: text continues.
    Continued,
    /// No punctuation, or `?`/`!`/`…` that headlines use too.
    Open,
}

fn sentence_ending(body: &str) -> Ending {
    let s = body.trim_end_matches(|c: char| c.is_whitespace() || CLOSERS.contains(&c));
    if s.ends_with("...") || s.ends_with('…') {
        return Ending::Open;
    }
    match s.chars().next_back() {
        Some('.') if !ends_with_initialism(s) => Ending::Sentence,
        Some(',' | ';' | ':') => Ending::Continued,
        _ => Ending::Open,
    }
}

/// `U.S.` or `U.K.` at the end of a headline is not a full stop.
fn ends_with_initialism(s: &str) -> bool {
    let last = s.rsplit(char::is_whitespace).next().unwrap_or(s);
    let letters = last.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && last.chars().all(|c| c.is_uppercase() || c == '.')
        && last.matches('.').count() == letters
}

/// Whether a run sits inside the article: right between two paragraphs (prose within
/// [`NEAR`] non-blank lines on each side), or with paragraphs of the article on both
/// sides (at least [`PARAGRAPHS`] prose lines before it and after it). A site's menu
/// is set among other menus and link lists, with one blurb of prose, if any, in the
/// footer.
fn between_paragraphs(before: &[LineClass], after: &[LineClass]) -> bool {
    let prose = |classes: &[LineClass]| classes.iter().filter(|c| **c == LineClass::Prose).count();
    (prose_near(before.iter().rev()) && prose_near(after.iter()))
        || (prose(before) >= PARAGRAPHS && prose(after) >= PARAGRAPHS)
}

/// Whether a prose line comes within [`NEAR`] non-blank lines of `outward`.
fn prose_near<'a>(outward: impl Iterator<Item = &'a LineClass>) -> bool {
    outward
        .filter(|c| **c != LineClass::Blank)
        .take(NEAR)
        .any(|c| *c == LineClass::Prose)
}

const NEAR: usize = 3;
const PARAGRAPHS: usize = 2;

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(toml: &str) -> Segmenter {
        Segmenter::new(toml::from_str(toml).unwrap()).unwrap()
    }

    /// Each of these configurations is refused.
    fn rejected(configs: &[&str]) {
        for bad in configs {
            assert!(
                Segmenter::new(toml::from_str(bad).unwrap()).is_err(),
                "{bad}"
            );
        }
    }

    fn related() -> Segmenter {
        seg(r#"triggers = ['related articles', 'read more: .+', 'you may also like']"#)
    }

    fn found(seg: &Segmenter, text: &str) -> Vec<(usize, usize, usize)> {
        let classes: Vec<LineClass> = text.split('\n').map(|l| seg.classify(l)).collect();
        seg.segment(&classes)
            .into_iter()
            .map(|b| (b.first + 1, b.last + 1, b.headlines))
            .collect()
    }

    #[test]
    fn heading_and_headlines_are_one_block() {
        let text = "Body of the story ends here.\n\nRelated Articles\n\nMayor opens new bridge\nTeam wins cup after 40 years, coach says\nWhy bread costs more\n\nLeave a comment:";
        assert_eq!(found(&related(), text), [(3, 7, 3)]);
    }

    #[test]
    fn block_stops_at_prose() {
        let text = "You may also like:\nMayor opens new bridge\nThe council said on Monday that the works would take two years.\nAnother Headline Here";
        assert_eq!(found(&related(), text), [(1, 2, 1)]);
    }

    #[test]
    fn lone_heading_and_inline_read_more() {
        let text = "Prose sentence one here.\n\nRead more: Budget passes after all-night sitting\n\nThe vote followed a long debate in which eleven members spoke against it.";
        assert_eq!(found(&related(), text), [(3, 3, 0)]);
    }

    #[test]
    fn subheading_followed_by_prose_is_not_taken() {
        let text = "Related articles\nFirst headline\n\nWhat happens next\nThe committee will meet again in March to decide on the final wording of the plan.";
        assert_eq!(found(&related(), text), [(1, 2, 1)]);
    }

    #[test]
    fn separators_and_bullets_stay_inside() {
        let text = "Related Articles\n-\n• Storm closes schools\n-\n2. Rail fares rise again in the U.S.\n-\n\nThe minister said the scheme had already been approved by the cabinet last year.";
        assert_eq!(found(&related(), text), [(1, 5, 2)]);
    }

    #[test]
    fn each_widget_is_its_own_block() {
        let text = "Related Articles\nYou may also like\nStorm closes schools\n\nRead more: Rail fares rise again\nBus Drivers Strike";
        assert_eq!(found(&related(), text), [(1, 3, 1), (5, 6, 1)]);
    }

    #[test]
    fn too_many_blank_lines_end_the_block() {
        let text = "Related Articles\nStorm closes schools\n\n\n\nRail fares rise again";
        assert_eq!(found(&related(), text), [(1, 2, 1)]);
    }

    #[test]
    fn a_trigger_in_brackets_is_one() {
        let s = seg(r#"triggers = ['read more: .+', 'related: .+']"#);
        assert_eq!(
            s.classify("[Read more: A Guide to Small Business Accounting]"),
            LineClass::Trigger
        );
        assert_eq!(
            s.classify("(Related: Council votes on budget)"),
            LineClass::Trigger
        );
        assert_ne!(s.classify("[Read more: one] and [two]"), LineClass::Trigger);
        assert_eq!(unbracketed("[a (b)]"), "[a (b)]");
    }

    #[test]
    fn heading_in_a_sentence_is_not_a_trigger() {
        let text =
            "Readers said they would like related articles to be linked.\nStorm closes schools";
        assert!(found(&related(), text).is_empty());
        assert_eq!(related().classify("Related articles."), LineClass::Other);
    }

    #[test]
    fn min_lines_and_max_lines() {
        let strict = seg("triggers = ['trending now']\nmin-lines = 2\nmax-lines = 2");
        assert!(found(&strict, "Trending now\nOne headline only").is_empty());
        assert_eq!(
            found(
                &strict,
                "Trending now\nFirst Story\nSecond Story\nThird Story"
            ),
            [(1, 3, 2)]
        );
    }

    #[test]
    fn untriggered_runs_need_min_lines_and_case() {
        let menu = seg("min-lines = 4\nmax-words = 3\ncase = 'title'");
        let text = "Home\nPolitics\nBusiness\nLife in Town\nSport\n\nThe story starts here with a sentence.";
        assert_eq!(found(&menu, text), [(1, 5, 5)]);
        assert!(found(&menu, "apples\npears\nplums\nfigs\ndates").is_empty());
        assert!(found(&menu, "Home\nPolitics\nBusiness").is_empty());
    }

    #[test]
    fn counts_stay_in_a_menu_but_tables_code_and_listings_are_no_menu() {
        let menu = seg("min-lines = 4\nmax-words = 4\ncase = 'title'");
        // A category menu with post counts: the counts ride along, uncounted.
        let counted = "Diaspora\n(62)\nEvents\n(56)\nHoroscope\n(66)\nSports\n(1379)\n";
        assert_eq!(found(&menu, counted), [(1, 8, 4)]);
        // A column of scores under two names is a table.
        assert!(found(&menu, "Harvel\n22\n21\n23\n18\nStrandvik\n19\n17\n24\n19").is_empty());
        // A specification table: measures and prices break every run.
        let specs = "Up to 110 km\nWeight\n24.6 kg\nGears\n8-speed\nPrice\n£1,849\nColour\nBlack";
        assert!(found(&menu, specs).is_empty());
        // Markup and an event listing (`City, Country`, `Month D, YYYY`).
        let code = "<Project>\n<PropertyGroup>\n<ItemGroup>\n</Project>";
        assert!(found(&menu, code).is_empty());
        let events = "March 16, 2026\nFABCON\nAtlanta, United States\nMarch 17, 2026\nSecureWorld\nCharlotte, United States";
        assert!(found(&menu, events).is_empty());
    }

    #[test]
    fn position_edge_marks_runs_between_prose_as_inner() {
        let menu = seg("min-lines = 4\nmax-words = 4\ncase = 'title'\nposition = 'edge'");
        let inner = |text: &str| -> Vec<bool> {
            let classes: Vec<LineClass> = text.split('\n').map(|l| menu.classify(l)).collect();
            menu.segment(&classes)
                .into_iter()
                .map(|b| b.inner)
                .collect()
        };
        let prose = "The council voted on the plan on Monday after a long debate.";
        let run = "Home\nPolitics\nBusiness\nSport";
        assert_eq!(inner(&format!("{run}\n\n{prose}")), [false]);
        assert_eq!(inner(&format!("{prose}\n\n{run}")), [false]);
        assert_eq!(inner(&format!("{prose}\n\n{run}\n\n{prose}")), [true]);
        // A site's menu among other link lists, the article far above it and one blurb
        // of prose in the footer below: not inside the article.
        let links = "Contact Us\nCareers\nAdvertise\nTerms of Use";
        let footer = format!(
            "{prose}\n{prose}\n\n{links}\n\nAbout, More Links\n\n{run}\n\n{links}\n\n{prose}"
        );
        assert_eq!(inner(&footer), [false, false]);
        // Paragraphs of the article on both sides, if not right beside it: inside.
        let list = format!(
            "{prose}\n{prose}\n\n{run}\n\nAbout, More Links\n\nOne, two\n\nThree, four\n\n{prose}\n{prose}"
        );
        assert_eq!(inner(&list), [true]);
    }

    #[test]
    fn quantities_are_measures_and_prices() {
        for w in ["1.21", "€1,099", "$20", "20$", "8-speed", "12mm", "4.6K"] {
            assert!(is_quantity(w), "{w}");
        }
        for w in ["2026", "(62)", "COVID-19", "F1", "Home", "5G", "1-3"] {
            assert!(!is_quantity(w), "{w}");
        }
    }

    #[test]
    fn a_list_the_article_announces_is_not_a_menu() {
        let menu = seg("min-lines = 4\nmax-words = 4");
        let listed = "The ties will be played on the last weekend of January:\nCity v United\nAthletic v Rovers\nTown v Wanderers\nCounty v Albion\n";
        assert!(found(&menu, listed).is_empty());
        // A short label ending in `:` does not announce anything.
        let menu_after_label =
            "Sections:\nCity v United\nAthletic v Rovers\nTown v Wanderers\nCounty v Albion\n";
        assert_eq!(found(&menu, menu_after_label), [(2, 5, 4)]);
    }

    #[test]
    fn a_quoted_line_is_no_headline() {
        let r = related();
        assert_eq!(r.classify("“Wild Rose”"), LineClass::Other);
        assert_eq!(r.classify("\"Gone Girl\""), LineClass::Other);
        assert_eq!(
            r.classify("“We got her!”: rescue caught on video"),
            LineClass::Headline
        );
    }

    #[test]
    fn a_comment_section_runs_to_the_end_of_the_page() {
        let seg = seg(
            "triggers = ['\\d+ comments']\nuntil-end = true\nmarkers = ['reply', '\\d+ days ago']\nmin-markers = 2\nmarker-within = 3",
        );
        let blocks = |text: &str| -> Vec<(usize, usize)> {
            let lines: Vec<&str> = text.lines().collect();
            let classes: Vec<LineClass> = lines.iter().map(|l| seg.classify(l)).collect();
            seg.blocks(&classes, &lines)
                .iter()
                .map(|b| (b.first + 1, b.last + 1))
                .collect()
        };
        let thread = "Title\nThe story ends here with a sentence of prose.\n3 comments\nMike\n2 days ago\nWhat a waste of money, we need roads.\nReply\n";
        assert_eq!(blocks(thread), [(3, 7)]);
        // One marker is not a thread; a counter followed by the article is not either.
        assert!(blocks("Title\n3 comments\nMike\nWhat a waste.\nReply\n").is_empty());
        let counter = "Title\n3 comments\nThe story starts here.\nIt goes on.\nAnd on.\nAnd on.\nReply\n2 days ago\n";
        assert!(blocks(counter).is_empty());
    }

    #[test]
    fn a_heading_that_names_the_post_needs_no_marker() {
        let seg = seg(
            "triggers = ['(?:there are )?\\d+ comments to \".+\"\\.?']\nuntil-end = true\nmax-words = 30",
        );
        let lines = [
            "Title",
            "The story ends here with a sentence of prose.",
            "There are 2 comments to \"Title\".",
            "Congratulations, what a story.",
            "Thank you!",
        ];
        let classes: Vec<LineClass> = lines.iter().map(|l| seg.classify(l)).collect();
        assert_eq!(
            classes[2],
            LineClass::Trigger,
            "a quoted title and a full stop"
        );
        let blocks = seg.blocks(&classes, &lines);
        assert_eq!(
            blocks.iter().map(|b| (b.first, b.last)).collect::<Vec<_>>(),
            [(2, 4)]
        );
        // Markers need `min-markers`, and `min-markers` needs markers.
        rejected(&[
            "triggers = ['x']\nuntil-end = true\nmarkers = ['reply']",
            "triggers = ['x']\nuntil-end = true\nmin-markers = 2",
        ]);
    }

    #[test]
    fn without_a_heading_two_markers_close_together_open_the_run() {
        let seg = seg(
            "until-end = true\nmarkers = ['.*great post.*', '.*thanks for sharing.*']\nmin-markers = 2\nmarker-within = 3",
        );
        let blocks = |text: &str| -> Vec<(usize, usize, usize)> {
            let lines: Vec<&str> = text.lines().collect();
            let classes: Vec<LineClass> = lines.iter().map(|l| seg.classify(l)).collect();
            seg.blocks(&classes, &lines)
                .iter()
                .map(|b| (b.first + 1, b.last + 1, b.headlines))
                .collect()
        };
        let thread = "Title\nThe story ends here with a sentence of prose.\nGreat post, it helped me.\n\nI agree with every word.\nThanks for sharing this.\nMe too.\n";
        assert_eq!(blocks(thread), [(3, 7, 3)]);
        // One marker is not a thread, nor are two far apart: the first one is skipped.
        assert!(blocks("Title\nGreat post.\nThe story goes on.\n").is_empty());
        let apart = "Title\nGreat post.\nOne.\nTwo.\nThree.\nFour.\nThanks for sharing.\n";
        assert!(blocks(apart).is_empty());
        let later =
            "Title\nGreat post.\nOne.\nTwo.\nThree.\nFour.\nThanks for sharing.\nGreat post!\n";
        assert_eq!(blocks(later), [(7, 8, 1)]);
        // Without a heading, the run needs markers, two of them at least.
        rejected(&[
            "until-end = true",
            "until-end = true\nmarkers = ['reply']\nmin-markers = 1",
        ]);
    }

    #[test]
    fn cards_need_separators_between_them() {
        let cards = seg("min-lines = 3\nmin-separators = 2");
        let divided = "Coach sacked\n-\nDraw made\n-\nStriker signs\n";
        assert_eq!(found(&cards, divided), [(1, 5, 3)]);
        let undivided = "Coach sacked\nDraw made\nStriker signs\n-\n";
        assert!(
            found(&cards, undivided).is_empty(),
            "a trailing separator divides nothing"
        );
        // A rule for plain runs leaves the divided ones to the rule for cards.
        let plain = seg("min-lines = 3\nmax-separators = 1");
        assert!(found(&plain, divided).is_empty());
        assert_eq!(found(&plain, undivided), [(1, 3, 3)]);
    }

    #[test]
    fn position_end_keeps_only_trailing_runs() {
        let end = seg("min-lines = 3\nposition = 'end'");
        let mid = "Alpha Beta\nGamma Delta\nEpsilon Zeta\nThe story goes on with this sentence of prose here.";
        assert!(found(&end, mid).is_empty());
        let tail = "The story ends with this sentence of prose here.\nAlpha Beta\nGamma Delta\nEpsilon Zeta\n";
        assert_eq!(found(&end, tail), [(2, 4, 3)]);
    }

    #[test]
    fn a_teaser_summary_before_a_separator_stays_inside() {
        let text = "Related Articles\n-\nStorm closes schools\nThe council said roads were flooded in three places overnight.\n-\nRail fares rise again\n\nThe minister said the scheme had already been approved by the cabinet last year.";
        assert_eq!(found(&related(), text), [(1, 6, 2)]);
    }

    #[test]
    fn several_sentences_or_bullets_are_not_headlines() {
        let r = related();
        assert_eq!(
            r.classify("Do you make jam? I do not know! Help"),
            LineClass::Other
        );
        assert_eq!(
            r.classify("Troops leave the U.S. Army base"),
            LineClass::Headline
        );
        let no_bullets = seg("min-lines = 2\nbullets = false");
        assert_eq!(no_bullets.classify("- Spain (Group F)"), LineClass::Other);
        assert_eq!(
            no_bullets.classify("무단전재 및 재배포금지"),
            LineClass::Other
        );
    }

    #[test]
    fn endings() {
        assert_eq!(sentence_ending("Who will replace him?"), Ending::Open);
        assert_eq!(sentence_ending("Cup final (VIDEO)"), Ending::Open);
        assert_eq!(sentence_ending("He said so."), Ending::Sentence);
        assert_eq!(sentence_ending("“We won.”"), Ending::Sentence);
        assert_eq!(sentence_ending("Troops leave the U.S."), Ending::Open);
        assert_eq!(sentence_ending("Leave a comment:"), Ending::Continued);
        assert_eq!(sentence_ending("Minister quits after row..."), Ending::Open);
    }

    #[test]
    fn rejects_untriggered_rule_without_min_lines() {
        assert!(Segmenter::new(toml::from_str("max-words = 3").unwrap()).is_err());
    }
}
