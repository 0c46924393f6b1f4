//! Kind `block`: a widget heading and the run of headline-like lines under it.
//!
//! Related-links, "most read" and sponsored widgets reach scraped text as a heading
//! ("Articles You May Like") over a list of headlines. Each line alone looks like a
//! subheading, so they are judged together: the heading (a *trigger*) opens a block,
//! the block takes every following headline-like line (blank lines between them
//! allowed), and the whole block is ONE diagnostic, deleted as one. Without triggers a
//! rule flags runs of headline-like lines, such as navigation menus. The method lives
//! in [`shape`]; this module turns its blocks into diagnostics.

use std::borrow::Cow;
use std::ops::Range;

use super::{CheckContext, Checker, DataStore, Kind, LoadError, RuleInput, RuleMeta};
use crate::diagnostic::{Diagnostic, Severity};
use crate::text::Document;
use crate::text::segment::trim_range;

mod shape;

use shape::{Block, Config, Line, LineClass, Segmenter};

#[derive(Debug)]
pub struct BlockKind;

#[derive(Debug)]
struct BlockRule {
    meta: RuleMeta,
    segmenter: Segmenter,
}

#[derive(Debug)]
struct BlockChecker {
    rules: Vec<BlockRule>,
}

const VARS: &[&str] = &["match", "heading", "headlines", "lines"];

impl Kind for BlockKind {
    fn name(&self) -> &'static str {
        "block"
    }

    fn doc(&self) -> &'static str {
        "A heading line opens a block that takes the headline-like lines after it; the block is ONE diagnostic from the heading to its last headline. `triggers`: regexes matched case-insensitively against the whole heading line (a bullet before it, `:` `|` `»` after it and one pair of brackets around it ignored). A headline is one phrase of at most `max-words` words (default 20) that does not end like a sentence (`.` `,` `;` `:` end it; `?`, `!`, `…` and a final `U.S.` do not), has no sentence break inside, is not one quotation from end to end, and is capitalised as `case` asks (any | capitalised, the default | title); `bullets = false` refuses bulleted or numbered lines. Separator lines (`-`, `|`, `___`) and a teaser's one-line summary between its headline and the next separator stay inside; at most `max-blank` blank lines (default 1) may separate two lines. The block ends at the first other line or after `max-lines` headlines (default 40; 0 makes the heading the whole block, for inline `Read more: <headline>` links); a headline after a blank line whose next line is prose (`prose-min-words` words or more ending like a sentence, default 8) is the article's own subheading and ends it. Blocks with fewer than `min-lines` headlines, or fewer than `min-separators` (default 0) or more than `max-separators` (default no limit) separator lines between their lines, are dropped. Without `triggers`, a run of at least `min-lines` headlines is a block, unless it follows a line of `prose-min-words` words or more ending with `:` (the article announcing its own list); `position = \"end\"` keeps only runs with no prose after them, and `position = \"edge\"` reports a run inside the article (prose within three lines on each side, or two prose lines or more above it and below it) as info. With `until-end = true` a heading opens a block that runs to the last line of the page whatever its lines are (a comment section), kept when at least `min-markers` of its lines match `markers` (whole-line regexes such as `Reply` or `2 days ago`) and the first of them comes within `marker-within` non-blank lines of the heading; without `markers` and `min-markers` the heading alone opens it (`3 thoughts on “Title”`); with `until-end` and no `triggers`, the first marker that another follows within `marker-within` non-blank lines opens it (`min-markers` of 2 or more: reader comments told by their voice). A line matching one of `exclude` (whole-line regexes) is neither a heading nor a marker. A heading may end on a quoted title and a full stop. Messages may use `{heading}` (the first line), `{headlines}` and `{lines}` (counts with their noun: `3 lines`)."
    }

    fn build(
        &self,
        inputs: Vec<RuleInput<'_>>,
        _data: &DataStore,
    ) -> Result<Box<dyn Checker>, Vec<LoadError>> {
        let rules = super::build_each(&inputs, build_rule)?;
        Ok(Box::new(BlockChecker { rules }))
    }
}

fn build_rule(input: &RuleInput<'_>) -> Result<BlockRule, LoadError> {
    let config: Config = input.config_for(VARS)?;
    for t in config
        .triggers
        .iter()
        .chain(&config.markers)
        .chain(&config.exclude)
    {
        super::compile_rule_regex(input, t, true)?;
    }
    let segmenter = Segmenter::new(config).map_err(|e| input.error(input.span.clone(), e))?;
    Ok(BlockRule {
        meta: input.meta.clone(),
        segmenter,
    })
}

impl Checker for BlockChecker {
    fn check(&self, doc: &Document, cx: &CheckContext<'_>, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        let lines: Vec<&str> = doc.line_index().lines().map(|r| &text[r]).collect();
        let rules: Vec<&BlockRule> = self.rules.iter().filter(|r| cx.enabled(&r.meta)).collect();
        // Each line's bullet, words and ending once, for every rule.
        let word_limit = rules.iter().map(|r| r.segmenter.word_limit()).max();
        let shapes: Vec<Line<'_>> = match word_limit {
            Some(limit) => lines.iter().map(|l| Line::of(l, limit)).collect(),
            None => Vec::new(),
        };
        for rule in rules {
            let classes: Vec<LineClass> = shapes
                .iter()
                .map(|l| rule.segmenter.classify_line(l))
                .collect();
            for block in rule.segmenter.blocks(&classes, &lines) {
                let span = content_span(doc, &block);
                let matched = doc.slice(&span);
                if rule.meta.excused(matched, matched) {
                    continue;
                }
                let heading = lines[block.first].trim();
                let vars = |v: &str| -> Option<Cow<'_, str>> {
                    match v {
                        "heading" => Some(Cow::Borrowed(heading)),
                        "headlines" => Some(Cow::Owned(counted(block.headlines, "headline"))),
                        "lines" => Some(Cow::Owned(counted(block.last - block.first + 1, "line"))),
                        _ => None,
                    }
                };
                let mut d = rule.meta.diagnostic(doc, span, None, vars);
                if block.inner {
                    d.severity = d.severity.min(Severity::Info);
                }
                out.push(d);
            }
        }
    }
}

/// `1 line`, `3 lines`: counts read as phrases in messages.
fn counted(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// From the first non-space byte of the block's first line to the last of its last.
fn content_span(doc: &Document, block: &Block) -> Range<usize> {
    let text = doc.text();
    let index = doc.line_index();
    let start = trim_range(text, index.line_range(block.first)).start;
    let end = trim_range(text, index.line_range(block.last)).end;
    start..end.max(start)
}
