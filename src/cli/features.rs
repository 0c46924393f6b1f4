//! `scrapelint features` (hidden): the classifier's per-line features as JSON lines,
//! for `scripts/train/fit_classifier.py`. The same code computes them at check time.

use std::io::Write;
use std::path::PathBuf;

use serde_json::json;

use scrapelint::corpus::CorpusStats;
use scrapelint::rules::classifier::{builtin_stopwords, features};
use scrapelint::rules::{RuleSet, Selection};
use scrapelint::text::{Document, Source};

use super::walk::{self, Input};
use super::{Exit, Stdout, report_error};

pub(crate) fn run(paths: &[PathBuf], mut rules: RuleSet, out: &mut Stdout) -> Exit {
    let ignore: Vec<String> = rules
        .rules()
        .iter()
        .filter(|r| r.kind == "classifier")
        .map(|r| r.id.to_string())
        .collect();
    if let Err(e) = rules.select(Selection {
        select: vec![],
        ignore,
    }) {
        return report_error(&e);
    }
    let include = walk::globset(&["*.txt".to_owned()], "include").expect("static glob");
    let (inputs, errors) = walk::collect(
        paths,
        &include,
        &globset::GlobSet::empty(),
        std::path::Path::new("."),
    );
    if let Some(e) = errors.first() {
        return report_error(e);
    }
    let mut docs = Vec::new();
    for input in &inputs {
        let Input::File(path) = input else {
            return report_error("`features` reads files, not stdin");
        };
        match std::fs::read(path) {
            Ok(bytes) => docs.push((
                path.display().to_string(),
                Document::new(Source::decode(&bytes)),
            )),
            Err(e) => return report_error(&format!("{}: {e}", path.display())),
        }
    }
    let needs = rules.corpus_needs().union(scrapelint::corpus::CorpusNeeds {
        line_counts: true,
        ..Default::default()
    });
    let mut corpus = CorpusStats::default();
    for (_, doc) in &docs {
        corpus.observe(doc, needs);
    }
    let stopwords = builtin_stopwords();
    let header = json!({ "feature_names": features::FEATURES });
    let mut write = || -> std::io::Result<()> {
        writeln!(out, "{header}")?;
        for (path, doc) in &docs {
            let prior = scrapelint::check(&rules, doc, &corpus);
            for line in features::extract(doc, &prior, &corpus, &stopwords) {
                let record = json!({ "path": path, "line": line.line + 1, "values": line.values });
                writeln!(out, "{record}")?;
            }
        }
        out.flush()
    };
    match write() {
        Ok(()) => Exit::Clean,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Exit::Clean,
        Err(e) => report_error(&format!("cannot write output: {e}")),
    }
}
