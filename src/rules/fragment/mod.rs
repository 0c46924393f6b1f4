//! Kind `fragment`: broken sentence and paragraph shape, one `check` per problem.
//!
//! One kind with a `check = "..."` predicate (as `encoding` has) rather than a kind per
//! problem, because every check reads the same things: the shape of each paragraph
//! (how it ends, list item or not, running text or not: [`page`]) and the same word
//! knowledge (verb forms, function words, stopwords, section names: [`lexicon`]). Both
//! are built once per document and shared by all fragment rules. Each check's method
//! is documented where it is implemented:
//!
//! | check | module | flags |
//! |---|---|---|
//! | `verbless`, `appositive` | [`sentences`], [`verbs`] | sentences with no finite verb |
//! | `truncated` | [`lines`] | paragraphs that stop mid-sentence |
//! | `quotes` | [`quotes`] | unpaired or reversed quotation marks and brackets |
//! | `section-label` | [`lines`] | a lone navigation label (`World`, `US`) |
//! | `orphan-byline` | [`lines`] | a lone name line (`• Sonia Alvarado`) |
//! | `author-box` | [`author_box`] | a name line over the person's bio |
//! | `fused` | [`sentences`] | `said.The` |
//! | `unattributed-quote` | [`sentences`] | a quotation nothing attributes |
//!
//! The checks read English only: a document whose share of English stopwords is below
//! `min-stopword-share` (default 0.2; English prose has 0.4 to 0.5) is skipped. The
//! share is read from its paragraphs of running text (eight words or more, not code),
//! since lists and tables hold few stopwords in any language.

mod author_box;
mod lexicon;
mod lines;
mod page;
mod quotes;
mod sentences;
mod verbs;

use std::borrow::Cow;
use std::ops::Range;

use serde::Deserialize;

use self::lexicon::Lexicon;
use self::page::Page;
use self::quotes::Marks;
use self::sentences::Verbless;
use super::{CheckContext, Checker, DataStore, Kind, LoadError, RuleInput, RuleMeta};
use crate::diagnostic::Diagnostic;
use crate::text::Document;

#[derive(Debug)]
pub struct FragmentKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum Check {
    Verbless,
    Appositive,
    Truncated,
    Quotes,
    SectionLabel,
    OrphanByline,
    AuthorBox,
    Fused,
    UnattributedQuote,
}

impl Check {
    /// The optional keys this check reads, besides `min-stopword-share`.
    fn keys(self) -> &'static [&'static str] {
        match self {
            Check::Verbless | Check::Appositive => &["min-words", "max-words"],
            Check::Truncated => &["min-words"],
            Check::Quotes => &["marks"],
            Check::SectionLabel => &["max-words", "max-lead", "labels"],
            Check::OrphanByline => &["max-words"],
            Check::AuthorBox => &["max-words", "roles"],
            Check::Fused | Check::UnattributedQuote => &[],
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Config {
    check: Check,
    #[serde(default)]
    min_words: Option<usize>,
    #[serde(default)]
    max_words: Option<usize>,
    #[serde(default)]
    max_lead: Option<usize>,
    #[serde(default)]
    marks: Option<Marks>,
    /// `section-label`: labels of media and boxes (`Video`, `Photo gallery`) that are
    /// lone labels wherever they stand between two paragraphs of running text.
    #[serde(default)]
    labels: Option<Vec<String>>,
    /// `author-box`: words of a role that a bio names (`writer`, `founder`).
    #[serde(default)]
    roles: Option<Vec<String>>,
    #[serde(default)]
    min_stopword_share: Option<f64>,
}

impl Config {
    fn given(&self) -> Vec<&'static str> {
        [
            ("min-words", self.min_words.is_some()),
            ("max-words", self.max_words.is_some()),
            ("max-lead", self.max_lead.is_some()),
            ("marks", self.marks.is_some()),
            ("labels", self.labels.is_some()),
            ("roles", self.roles.is_some()),
        ]
        .into_iter()
        .filter_map(|(k, given)| given.then_some(k))
        .collect()
    }
}

#[derive(Debug)]
struct FragmentRule {
    meta: RuleMeta,
    check: Check,
    min_words: usize,
    max_words: usize,
    max_lead: usize,
    marks: Marks,
    /// Lowercase.
    labels: Vec<String>,
    /// Lowercase.
    roles: Vec<String>,
    min_stopword_share: f64,
}

#[derive(Debug)]
struct FragmentChecker {
    rules: Vec<FragmentRule>,
    lex: Lexicon,
}

impl Kind for FragmentKind {
    fn name(&self) -> &'static str {
        "fragment"
    }

    fn doc(&self) -> &'static str {
        "Broken sentence and paragraph shape, read from the document's paragraphs and sentences with an English verb lexicon (`data/verbs-en.tsv`), function words, stopwords and section names. `check` picks the problem: `verbless` (a sentence with no finite verb; verbs are VBD/VBZ/VBP/MD forms, a noun-first form such as `forces` only after a possible subject, unknown `-ed` words by suffix), `appositive` (a verbless `Name, noun phrase.` sentence), `truncated` (a paragraph of running text that ends without terminal punctuation; headings, titles, list items, captions, credits and blocks of unpunctuated lines excepted), `quotes` with `marks = double | single | brackets` (marks that do not pair, read by flanking like Markdown emphasis: an opening mark that closes, a closing mark that opens, a quotation never closed unless the next paragraph runs it on), `section-label` (a lone one- or two-word capitalised line before the lede, or one that is a known section name), `orphan-byline` (a lone line of capitalised name words with an optional bullet or `By`, at the end or between paragraphs), `author-box` (a line of a person's name over a paragraph that opens with that name and a verb and names one of the rule's `roles`; not on a page with more than two such pairs, a list of profiles), `fused` (`said.The`), `unattributed-quote` (a quotation no reporting verb attributes: a paragraph of quotations only, or one quotation followed by an unrelated subject). Paragraphs of program code or markup (`fn main() {`, `os.Open(path)`, `<Tag a=\"x\">`) are passed by. Thresholds: `min-words`, `max-words`, `max-lead` (per check), `min-stopword-share` (default 0.2: documents whose running text has fewer English stopwords are skipped). Messages may use `{match}` and `{detail}`."
    }

    fn build(
        &self,
        inputs: Vec<RuleInput<'_>>,
        data: &DataStore,
    ) -> Result<Box<dyn Checker>, Vec<LoadError>> {
        let mut errors = Vec::new();
        let mut rules = Vec::new();
        let mut lex = None;
        for input in &inputs {
            match build_rule(input) {
                Ok(rule) => rules.push(rule),
                Err(e) => errors.push(e),
            }
            if lex.is_none() {
                match Lexicon::load(data, input) {
                    Ok(l) => lex = Some(l),
                    Err(e) => errors.push(e),
                }
            }
        }
        match (errors.is_empty(), lex) {
            (true, Some(lex)) => Ok(Box::new(FragmentChecker { rules, lex })),
            (true, None) => Ok(Box::new(FragmentChecker {
                rules,
                lex: Lexicon::default(),
            })),
            _ => Err(errors),
        }
    }
}

fn build_rule(input: &RuleInput<'_>) -> Result<FragmentRule, LoadError> {
    let config: Config = input.config_for(&["match", "suggestion", "detail"])?;
    let allowed = config.check.keys();
    if let Some(key) = config.given().into_iter().find(|k| !allowed.contains(k)) {
        return Err(input
            .error(
                input.span.clone(),
                format!("`{key}` does not apply to this check"),
            )
            .with_note(format!(
                "keys of this check: {}",
                if allowed.is_empty() {
                    "none besides `min-stopword-share`".to_owned()
                } else {
                    allowed.join(", ")
                }
            )));
    }
    if config.check == Check::Quotes && config.marks.is_none() {
        return Err(input.error(
            input.span.clone(),
            "`check = \"quotes\"` needs `marks = \"double\" | \"single\" | \"brackets\"`",
        ));
    }
    let (min_words, max_words) = match config.check {
        Check::Verbless => (3, 40),
        Check::Appositive => (4, 25),
        Check::Truncated => (12, usize::MAX),
        Check::SectionLabel => (1, 2),
        Check::OrphanByline | Check::AuthorBox => (1, 4),
        _ => (0, usize::MAX),
    };
    Ok(FragmentRule {
        meta: input.meta.clone(),
        check: config.check,
        min_words: config.min_words.unwrap_or(min_words),
        max_words: config.max_words.unwrap_or(max_words),
        max_lead: config.max_lead.unwrap_or(3),
        marks: config.marks.unwrap_or(Marks::Double),
        labels: config
            .labels
            .iter()
            .flatten()
            .map(|l| l.to_lowercase())
            .collect(),
        roles: config
            .roles
            .iter()
            .flatten()
            .map(|l| l.to_lowercase())
            .collect(),
        min_stopword_share: config.min_stopword_share.unwrap_or(0.2),
    })
}

impl FragmentRule {
    fn label_rule(&self) -> lines::LabelRule<'_> {
        lines::LabelRule {
            max_words: self.max_words,
            max_lead: self.max_lead,
            labels: &self.labels,
        }
    }
}

/// One finding before it becomes a diagnostic.
struct Hit {
    span: Range<usize>,
    detail: String,
    suggestion: Option<String>,
}

impl Hit {
    fn new(span: Range<usize>, detail: impl Into<String>) -> Self {
        Hit {
            span,
            detail: detail.into(),
            suggestion: None,
        }
    }
}

impl FragmentRule {
    fn hits(&self, page: &Page<'_>, lex: &Lexicon) -> Vec<Hit> {
        let doc = page.doc;
        let mut hits = Vec::new();
        // Worked out for the whole page at once, on the first paragraph that asks.
        let mut truncated: Option<Vec<bool>> = None;
        let mut boxes: Option<Vec<Option<&str>>> = None;
        for k in 0..page.paras.len() {
            let range = page.paras[k].range.clone();
            if page.paras[k].code {
                continue; // program code: brackets, quotes and dots follow its own rules
            }
            match self.check {
                Check::Verbless | Check::Appositive => {
                    let want = if self.check == Check::Appositive {
                        Verbless::Appositive
                    } else {
                        Verbless::Plain
                    };
                    for s in doc.sentences_of(k) {
                        let words = (self.min_words, self.max_words);
                        if sentences::verbless(page, lex, words, k, s) == Some(want) {
                            hits.push(Hit::new(s.range.clone(), "no finite verb"));
                        }
                    }
                }
                Check::Truncated => {
                    let cut = truncated
                        .get_or_insert_with(|| lines::truncated(page, lex, self.min_words));
                    if cut[k] {
                        let last = doc
                            .sentences_of(k)
                            .last()
                            .map_or(range, |s| s.range.clone());
                        let words: Vec<&str> = doc.slice(&last).split_whitespace().collect();
                        let tail = words[words.len().saturating_sub(6)..].join(" ");
                        hits.push(Hit::new(last, format!("…{tail}")));
                    }
                }
                Check::Quotes => {
                    let next = if self.marks == Marks::Brackets {
                        page.following(k)
                    } else {
                        page.next_text(k)
                    };
                    let around = quotes::Around {
                        before: k.checked_sub(1).map(|j| page.text(j)),
                        after: page.following(k),
                    };
                    for u in quotes::unpaired(self.marks, page.text(k), next, around) {
                        let at = range.start + u.at.start..range.start + u.at.end;
                        hits.push(Hit::new(at, u.what));
                    }
                }
                Check::SectionLabel => {
                    if let Some(why) = lines::section_label(page, lex, &self.label_rule(), k) {
                        hits.push(Hit::new(range, why));
                    }
                }
                Check::OrphanByline => {
                    if lines::orphan_byline(page, lex, self.max_words, k) {
                        hits.push(Hit::new(range, "name line"));
                    }
                }
                Check::AuthorBox => {
                    let boxes = boxes.get_or_insert_with(|| {
                        author_box::author_boxes(page, lex, &self.roles, self.max_words)
                    });
                    if let Some(part) = boxes[k] {
                        hits.push(Hit::new(range, part));
                    }
                }
                Check::Fused => {
                    for m in sentences::fused(page.text(k)) {
                        let text = &page.text(k)[m.clone()];
                        if sentences::dotted_name(text) && doc.text().matches(text).nth(1).is_some()
                        {
                            continue; // written so twice: a name (`Rocket.Chat`), not a slip
                        }
                        let cut = text
                            .find(|c: char| c.is_uppercase())
                            .expect("the pattern ends in a capitalised word");
                        let mut hit = Hit::new(
                            range.start + m.start..range.start + m.end,
                            "no space after the full stop",
                        );
                        hit.suggestion = Some(format!("{} {}", &text[..cut], &text[cut..]));
                        hits.push(hit);
                    }
                }
                Check::UnattributedQuote => {
                    if sentences::unattributed_quote(page, lex, k) {
                        hits.push(Hit::new(range, "no speaker"));
                    }
                }
            }
        }
        hits
    }
}

impl Checker for FragmentChecker {
    fn check(&self, doc: &Document, cx: &CheckContext<'_>, out: &mut Vec<Diagnostic>) {
        let enabled: Vec<&FragmentRule> =
            self.rules.iter().filter(|r| cx.enabled(&r.meta)).collect();
        if enabled.is_empty() {
            return;
        }
        let page = Page::new(doc, &self.lex);
        for rule in enabled {
            if page.stopword_share < rule.min_stopword_share {
                continue;
            }
            for hit in rule.hits(&page, &self.lex) {
                let detail = hit.detail;
                out.push(rule.meta.diagnostic(doc, hit.span, hit.suggestion, |v| {
                    (v == "detail").then(|| Cow::Owned(detail.clone()))
                }));
            }
        }
    }

    /// The checks of sentences and paragraphs; not the ones whose subject is a lone
    /// line of the page (a section label, an orphan byline, an author box).
    fn judges_sentences(&self, rule: &str) -> bool {
        self.rules.iter().any(|r| {
            &*r.meta.id == rule
                && !matches!(
                    r.check,
                    Check::SectionLabel | Check::OrphanByline | Check::AuthorBox
                )
        })
    }
}
