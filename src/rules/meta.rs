//! What every rule has, whatever its kind: id, category, severity, message, scope, fix.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::Arc;

use serde::Deserialize;

use super::lazy_regex::LazyRegex;
use super::template::Template;
use crate::diagnostic::{Applicability, Category, Diagnostic, Fix, Severity};
use crate::fix;
use crate::text::{Document, Language};

/// The stretch of text a rule looks at one piece at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Scope {
    /// The first non-empty line.
    Title,
    /// Each line, without its terminator.
    #[default]
    Line,
    /// Each paragraph.
    Paragraph,
    /// Each sentence.
    Sentence,
    /// The whole text.
    Document,
}

impl Scope {
    /// The name rule files use for it: `line`, `paragraph`.
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Title => "title",
            Scope::Line => "line",
            Scope::Paragraph => "paragraph",
            Scope::Sentence => "sentence",
            Scope::Document => "document",
        }
    }

    /// The trimmed byte ranges of the units of this scope in `doc`.
    pub fn units(self, doc: &Document) -> Vec<Range<usize>> {
        match self {
            Scope::Title => doc
                .title_line()
                .map(|l| {
                    crate::text::segment::trim_range(doc.text(), doc.line_index().line_range(l))
                })
                .into_iter()
                .collect(),
            Scope::Line => doc.nonblank_lines().map(|(_, r)| r).collect(),
            Scope::Paragraph => doc.paragraphs().iter().map(|p| p.range.clone()).collect(),
            Scope::Sentence => doc.sentences().iter().map(|s| s.range.clone()).collect(),
            Scope::Document => std::iter::once(0..doc.text().len()).collect(),
        }
    }
}

/// What a rule's fix does with the flagged text.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct FixSpec {
    pub action: FixAction,
    /// The text to put in place of the match, for `action = "replace"`.
    #[serde(default)]
    pub replacement: Option<String>,
    #[serde(default)]
    pub applicability: Applicability,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FixAction {
    /// Remove the flagged text (and the whole line when nothing else is left on it).
    DeleteMatch,
    /// Remove every line the flagged text touches.
    DeleteLine,
    /// Put `replacement` (or the rule's suggestion) in place of the flagged text.
    Replace,
}

/// Where a rule was defined.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// Embedded in the binary; the name is the path under `rules/`.
    Builtin(&'static str),
    /// A user's rule file.
    File(std::path::PathBuf),
}

/// The kind-independent part of a rule, shared by all its diagnostics.
#[derive(Debug, Clone)]
pub struct RuleMeta {
    pub id: Arc<str>,
    pub kind: String,
    pub category: Category,
    pub severity: Severity,
    pub scope: Scope,
    pub message: Template,
    pub summary: Option<String>,
    pub fix: Option<FixSpec>,
    pub explain: Option<String>,
    /// Matched text equal to one of these (case-insensitively) is not flagged.
    pub exceptions: Option<LazyRegex>,
    /// A unit in which this matches is not flagged.
    pub unless: Option<LazyRegex>,
    pub enabled: bool,
    /// The languages the rule is written for; `None` runs on every article.
    pub languages: Option<Arc<[Language]>>,
    pub origin: Origin,
}

impl RuleMeta {
    /// One line for `scrapelint rules`.
    pub fn summary(&self) -> String {
        self.summary
            .clone()
            .unwrap_or_else(|| self.message.summary())
    }

    /// Whether the rule applies to an article in `language` (an article whose
    /// language could not be told gets every rule).
    pub fn speaks(&self, language: Option<Language>) -> bool {
        match (&self.languages, language) {
            (Some(ours), Some(lang)) => ours.contains(&lang),
            _ => true,
        }
    }

    /// The documentation `scrapelint explain` prints (the HTML report shows it too).
    pub fn explain_text(&self) -> String {
        let mut t = format!(
            "{} ({} rule, category {}, severity {}, scope {})\n\n{}\n",
            self.id,
            self.kind,
            self.category,
            self.severity,
            self.scope.as_str(),
            self.summary()
        );
        match &self.explain {
            Some(e) => t.push_str(&format!("\n{}\n", e.trim_end())),
            None => t.push_str("\n(This rule has no `explain` text.)\n"),
        }
        if !self.enabled {
            t.push_str("\nThis rule is off by default; enable it with `--select ");
            t.push_str(&self.id);
            t.push_str("`.\n");
        }
        t
    }

    /// Whether a match is excused by the rule's `exceptions` or `unless`.
    pub fn excused(&self, matched: &str, unit: &str) -> bool {
        self.exceptions
            .as_ref()
            .is_some_and(|r| r.is_match(matched))
            || self.unless.as_ref().is_some_and(|r| r.is_match(unit))
    }

    /// Builds a diagnostic for `span`, rendering the message with `{match}`,
    /// `{suggestion}` and whatever `vars` supplies, and the fix the rule asks for.
    pub fn diagnostic<'a>(
        &self,
        doc: &'a Document,
        span: Range<usize>,
        suggestion: Option<String>,
        vars: impl Fn(&str) -> Option<Cow<'a, str>>,
    ) -> Diagnostic {
        let matched = doc.slice(&span);
        let message = self.message.render(|v| match v {
            "match" => Some(Cow::Borrowed(matched.trim())),
            "suggestion" => suggestion.as_deref().map(|s| Cow::Owned(s.to_owned())),
            other => vars(other),
        });
        let fix = self.fix.as_ref().and_then(|spec| {
            let (range, replacement) = match spec.action {
                FixAction::DeleteMatch => (fix::deletion_range(doc, &span), String::new()),
                FixAction::DeleteLine => (fix::line_deletion_range(doc, &span), String::new()),
                FixAction::Replace => (
                    span.clone(),
                    spec.replacement.clone().or_else(|| suggestion.clone())?,
                ),
            };
            Some(Fix {
                range,
                replacement,
                applicability: spec.applicability,
            })
        });
        Diagnostic {
            rule: self.id.clone(),
            category: self.category,
            severity: self.severity,
            message,
            span,
            suggestion,
            fix,
        }
    }
}

/// The unit (from [`Scope::units`], sorted and disjoint) that contains `span`, if any.
pub fn unit_containing(units: &[Range<usize>], span: &Range<usize>) -> Option<Range<usize>> {
    let i = units
        .partition_point(|u| u.start <= span.start)
        .checked_sub(1)?;
    let unit = &units[i];
    (span.end <= unit.end).then(|| unit.clone())
}

/// Which text a match-based rule underlines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Flag {
    /// The matched text (or the regex group named `flag`).
    #[default]
    Match,
    /// The whole scope unit the match is in (the line, the sentence, ...).
    Unit,
}

/// Scope units of one document, computed on first use and shared by a checker's rules.
#[derive(Debug)]
pub struct Units<'d> {
    doc: &'d Document,
    cache: [std::cell::OnceCell<Vec<Range<usize>>>; 5],
}

impl<'d> Units<'d> {
    pub fn new(doc: &'d Document) -> Self {
        Units {
            doc,
            cache: Default::default(),
        }
    }

    pub fn of(&self, scope: Scope) -> &[Range<usize>] {
        let slot = match scope {
            Scope::Title => 0,
            Scope::Line => 1,
            Scope::Paragraph => 2,
            Scope::Sentence => 3,
            Scope::Document => 4,
        };
        self.cache[slot].get_or_init(|| scope.units(self.doc))
    }

    /// The unit of `scope` containing `span`.
    pub fn containing(&self, scope: Scope, span: &Range<usize>) -> Option<Range<usize>> {
        unit_containing(self.of(scope), span)
    }
}
