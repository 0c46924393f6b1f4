//! Every built-in rule: documented, fires on its fixture, silent on its clean fixture.
//!
//! Fixtures live in `fixtures/rules/<rule-id>/`: `fires.txt` (or a `fires/` folder of
//! files checked as one run, for rules that look across files) must give at least one
//! diagnostic of the rule, `silent.txt` (or `silent/`) none. The human rendering of the
//! rule's diagnostics on its fires fixture is an insta snapshot: what users see.

use std::path::{Path, PathBuf};

use codespan_reporting::term::termcolor::NoColor;
use scrapelint::output::{EmitOptions, FileReport, Format, emitter};
use scrapelint::rules::{RuleSet, Selection};
use scrapelint::text::{Document, Source};
use scrapelint::{Diagnostic, check_corpus_named};

fn fixture_dir(id: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/rules")
        .join(id)
}

/// The documents of `fires` / `silent`: the `.txt` file, or every file of the folder.
fn documents(dir: &Path, name: &str) -> Option<Vec<(String, Document)>> {
    let file = dir.join(format!("{name}.txt"));
    let folder = dir.join(name);
    let paths: Vec<PathBuf> = if file.is_file() {
        vec![file]
    } else if folder.is_dir() {
        let mut v: Vec<PathBuf> = std::fs::read_dir(&folder)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        v.sort();
        v
    } else {
        return None;
    };
    Some(
        paths
            .into_iter()
            .map(|p| {
                let rel = p
                    .strip_prefix(env!("CARGO_MANIFEST_DIR"))
                    .unwrap()
                    .display()
                    .to_string();
                (
                    rel,
                    Document::new(Source::decode(&std::fs::read(&p).unwrap())),
                )
            })
            .collect(),
    )
}

fn only(rules: &mut RuleSet, id: &str) {
    rules
        .select(Selection {
            select: vec![id.to_owned()],
            ignore: vec![],
        })
        .unwrap();
}

fn run(rules: &RuleSet, docs: &[(String, Document)], id: &str) -> Vec<Vec<Diagnostic>> {
    let named: Vec<(&str, &Document)> = docs.iter().map(|(n, d)| (n.as_str(), d)).collect();
    check_corpus_named(rules, &named)
        .into_iter()
        .map(|ds| ds.into_iter().filter(|d| &*d.rule == id).collect())
        .collect()
}

fn render(docs: &[(String, Document)], diags: &[Vec<Diagnostic>]) -> String {
    let mut out = NoColor::new(Vec::new());
    let mut e = emitter(
        Format::Human,
        EmitOptions {
            statistics: false,
            quiet: true,
        },
        &[],
    );
    for ((path, doc), ds) in docs.iter().zip(diags) {
        e.file(
            &mut out,
            &FileReport {
                path,
                doc,
                diagnostics: ds,
            },
        )
        .unwrap();
    }
    String::from_utf8(out.into_inner()).unwrap()
}

#[test]
fn every_builtin_rule_is_documented_and_has_fixtures() {
    let rules = RuleSet::builtin().expect("built-in rules load");
    let mut problems = Vec::new();
    for rule in rules.rules() {
        let id = &*rule.id;
        match &rule.explain {
            None => problems.push(format!("{id}: no `explain`")),
            Some(e) if !(e.contains("Bad") && e.contains("Good")) => {
                problems.push(format!("{id}: `explain` lacks a Bad and a Good example"))
            }
            _ => {}
        }
        let dir = fixture_dir(id);
        for name in ["fires", "silent"] {
            if documents(&dir, name).is_none() {
                problems.push(format!(
                    "{id}: missing fixtures/rules/{id}/{name}.txt (or {name}/)"
                ));
            }
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn every_builtin_rule_fires_and_stays_silent() {
    // One rule set, re-selected per rule: building it compiles every regex.
    let mut rules = RuleSet::builtin().expect("built-in rules load");
    let ids: Vec<String> = rules.rules().iter().map(|r| r.id.to_string()).collect();
    let mut failures = Vec::new();
    for id in &ids {
        let dir = fixture_dir(id);
        only(&mut rules, id);
        if let Some(docs) = documents(&dir, "fires") {
            let diags = run(&rules, &docs, id);
            if diags.iter().all(Vec::is_empty) {
                failures.push(format!("{id}: did not fire on its fires fixture"));
            } else {
                insta::with_settings!({ snapshot_suffix => id.clone(), prepend_module_to_snapshot => false }, {
                    insta::assert_snapshot!("rule", render(&docs, &diags));
                });
            }
        }
        if let Some(docs) = documents(&dir, "silent") {
            let diags = run(&rules, &docs, id);
            let rendered = render(&docs, &diags);
            if !rendered.is_empty() {
                failures.push(format!("{id}: fired on its silent fixture:\n{rendered}"));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
