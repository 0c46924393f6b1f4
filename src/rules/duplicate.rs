//! Kind `duplicate`: paragraphs of prose that another file of the run also carries.
//!
//! A long paragraph found in two files is not page furniture (that is short and
//! repeats on most pages: kind `repeated`). Either one story reprints another
//! (syndication, an updated version), or a paragraph of one story was spliced into
//! another; the off-topic rules (kind `cohesion`, with `shared-threshold`) run first
//! and take the splices, naming the file. What is left here is duplicated content,
//! reported so a corpus can be deduplicated and never called boilerplate. The
//! first-pass line table gives, for each line, how many files carry it and the first.

use std::borrow::Cow;
use std::ops::Range;

use serde::Deserialize;

use super::{CheckContext, Checker, DataStore, Kind, LoadError, RuleInput, RuleMeta};
use crate::corpus::CorpusNeeds;
use crate::diagnostic::{Category, Diagnostic};
use crate::text::Document;

#[derive(Debug)]
pub struct DuplicateKind;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Config {
    /// Lines of fewer words are not prose enough to call duplicated content.
    #[serde(default = "default_min_words")]
    min_words: usize,
}

fn default_min_words() -> usize {
    20
}

#[derive(Debug)]
struct DuplicateRule {
    meta: RuleMeta,
    config: Config,
}

#[derive(Debug)]
struct DuplicateChecker {
    rules: Vec<DuplicateRule>,
}

const VARS: &[&str] = &["match", "other", "files"];

impl Kind for DuplicateKind {
    fn name(&self) -> &'static str {
        "duplicate"
    }

    fn doc(&self) -> &'static str {
        "Paragraphs of prose (at least `min-words` words, default 20) that another file of the run also carries, found through the first pass's line table (case, digits and spacing folded). Lines an earlier rule flagged as boilerplate or off-topic are skipped (the off-topic rules take paragraphs spliced in from another file); nothing fires when one file is checked. Messages may use `{other}` (the first other file carrying the line, or how many files do) and `{files}`."
    }

    fn build(
        &self,
        inputs: Vec<RuleInput<'_>>,
        _data: &DataStore,
    ) -> Result<Box<dyn Checker>, Vec<LoadError>> {
        let rules = super::build_each(&inputs, |input| {
            Ok(DuplicateRule {
                meta: input.meta.clone(),
                config: input.config_for(VARS)?,
            })
        })?;
        Ok(Box::new(DuplicateChecker { rules }))
    }
}

impl Checker for DuplicateChecker {
    fn check(&self, doc: &Document, cx: &CheckContext<'_>, out: &mut Vec<Diagnostic>) {
        if cx.corpus.documents() < 2 {
            return;
        }
        let taken: Vec<Range<usize>> = out
            .iter()
            .filter(|d| matches!(d.category, Category::Boilerplate | Category::OffTopic))
            .map(|d| d.span.clone())
            .collect();
        let mut found = Vec::new();
        for rule in self.rules.iter().filter(|r| cx.enabled(&r.meta)) {
            for (_, span) in doc.nonblank_lines() {
                let line = doc.slice(&span);
                if line.split_whitespace().count() < rule.config.min_words
                    || taken
                        .iter()
                        .any(|f| f.start < span.end && span.start < f.end)
                    || rule.meta.excused(line, line)
                {
                    continue;
                }
                let key = cx.lines.of(doc, &span);
                let files = cx.corpus.files_with_key(&key);
                if files < 2 {
                    continue;
                }
                let other = match cx.corpus.other_file_with_key(&key, cx.name.unwrap_or("")) {
                    Some((file, _)) => file.to_owned(),
                    _ if files == 2 => "one other file".to_owned(),
                    _ => format!("{} other files", files - 1),
                };
                let vars = |v: &str| -> Option<Cow<'_, str>> {
                    match v {
                        "other" => Some(Cow::Owned(other.clone())),
                        "files" => Some(Cow::Owned(files.to_string())),
                        _ => None,
                    }
                };
                found.push(rule.meta.diagnostic(doc, span, None, vars));
            }
        }
        out.extend(found);
    }

    fn corpus_needs(&self) -> CorpusNeeds {
        CorpusNeeds {
            line_counts: true,
            ..CorpusNeeds::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::check_corpus_named;
    use crate::rules::{Origin, RuleSet, RuleSources, Selection};
    use crate::text::Document;

    const RULES: &str = r#"
[[rule]]
id = "duplicate.paragraph"
kind = "duplicate"
category = "duplicate"
severity = "info"
message = "reprinted: also in {other}"
"#;

    const BUS: &str = "The city council voted on Tuesday to extend the night bus service across the river districts, after months of complaints from shift workers and hospital staff about the lack of transport after midnight.";

    fn run(docs: &[(&str, String)]) -> Vec<Vec<String>> {
        let mut sources = RuleSources::new();
        sources.add_text("t.toml", RULES, Origin::File("t.toml".into()));
        let mut rules = RuleSet::load(&sources, &Default::default()).unwrap();
        rules.select(Selection::default()).unwrap();
        let parsed: Vec<Document> = docs.iter().map(|(_, t)| Document::from_text(t)).collect();
        let named: Vec<(&str, &Document)> = docs.iter().map(|(n, _)| *n).zip(&parsed).collect();
        check_corpus_named(&rules, &named)
            .into_iter()
            .map(|ds| ds.into_iter().map(|d| d.message).collect())
            .collect()
    }

    fn story(extra: &str) -> String {
        format!("Night buses to run across the river\n\n{BUS}\n\n{extra}\n")
    }

    #[test]
    fn a_reprinted_paragraph_names_another_file_that_carries_it() {
        let out = run(&[
            ("a.txt", story("The service starts in May.")),
            ("b.txt", story("Update: the service starts in June.")),
            ("c.txt", story("Tickets are free in the first week.")),
        ]);
        // Each names one of the first two carriers that is not itself, whatever the order.
        assert_eq!(out[0], vec!["reprinted: also in b.txt".to_owned()]);
        assert_eq!(out[1], vec!["reprinted: also in a.txt".to_owned()]);
        assert_eq!(out[2], vec!["reprinted: also in a.txt".to_owned()]);
    }

    #[test]
    fn silent_on_one_file_and_on_short_lines() {
        assert!(run(&[("a.txt", story(""))])[0].is_empty());
        let short = "Read more about the night buses and the council.";
        let out = run(&[
            ("a.txt", format!("One\n\n{short}\n")),
            ("b.txt", format!("Two\n\n{short}\n")),
        ]);
        assert!(out.iter().all(Vec::is_empty), "{out:?}");
    }
}
