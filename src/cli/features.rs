//! `scrapelint features` (hidden): the classifier's per-line features as JSON lines,
//! for `scripts/train/fit_classifier.py`; with `--paragraphs`, the off-topic
//! combiner's per-paragraph features, for `scripts/train/fit_offtopic.py`. The same
//! code computes them at check time.

use std::io::Write;
use std::path::PathBuf;

use serde_json::json;

use scrapelint::corpus::{CorpusStats, LineKeys};
use scrapelint::rules::classifier::{builtin_stopwords, features, hard_wrapped};
use scrapelint::rules::{CheckContext, RuleSet, Selection};
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
    let docs = match read_docs(paths) {
        Ok(docs) => docs,
        Err(exit) => return exit,
    };
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
            for line in features::extract(
                doc,
                &prior,
                &corpus,
                &Default::default(),
                &stopwords,
                &|_| true,
            ) {
                let record = json!({
                    "path": path,
                    "line": line.line + 1,
                    "values": line.values,
                    "hashed": line.hashed,
                    // The rule never flags these lines (see `hard_wrapped`).
                    "wrapped": hard_wrapped(doc, line.line),
                });
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

fn read_docs(paths: &[PathBuf]) -> Result<Vec<(String, Document)>, Exit> {
    let include = walk::globset(&["*.txt".to_owned()], "include").expect("static glob");
    let (inputs, errors) = walk::collect(
        paths,
        &include,
        &globset::GlobSet::empty(),
        std::path::Path::new("."),
    );
    if let Some(e) = errors.first() {
        return Err(report_error(e));
    }
    let mut docs = Vec::new();
    for input in &inputs {
        let Input::File(path) = input else {
            return Err(report_error("`features` reads files, not stdin"));
        };
        match std::fs::read(path) {
            Ok(bytes) => docs.push((
                path.display().to_string(),
                Document::new(Source::decode(&bytes)),
            )),
            Err(e) => return Err(report_error(&format!("{}: {e}", path.display()))),
        }
    }
    Ok(docs)
}

/// One JSON line per paragraph a learned rule judges: `path`, `lines` (1-based first
/// and last), `values`, and the raw facts in `info`. Each file is measured alone, as
/// `check` measures a single file, so that copies of one host article in a training
/// set do not lower each other's IDF.
pub(crate) fn run_paragraphs(paths: &[PathBuf], rules: &RuleSet, out: &mut Stdout) -> Exit {
    let docs = match read_docs(paths) {
        Ok(docs) => docs,
        Err(exit) => return exit,
    };
    let corpus = CorpusStats::default();
    let lines = LineKeys::default();
    let cx = CheckContext {
        corpus: &corpus,
        selection: rules.selection(),
        // Features are exported for every document, whatever its language.
        language: None,
        name: None,
        lines: &lines,
    };
    let mut names: Option<&[&str]> = None;
    let mut write = || -> std::io::Result<Result<(), String>> {
        for (path, doc) in &docs {
            let Some(table) = rules
                .checkers()
                .iter()
                .find_map(|c| c.unit_features(doc, &cx))
            else {
                return Ok(Err("no enabled rule has a learned paragraph model".into()));
            };
            if names.is_none() {
                names = Some(table.names);
                writeln!(out, "{}", json!({ "feature_names": table.names }))?;
            }
            for row in table.rows {
                let info: serde_json::Map<String, serde_json::Value> = row
                    .info
                    .iter()
                    .map(|(k, v)| ((*k).to_owned(), json!(v)))
                    .collect();
                let record = json!({
                    "path": path,
                    "lines": [row.lines.start + 1, row.lines.end],
                    "values": row.values,
                    "info": info,
                });
                writeln!(out, "{record}")?;
            }
        }
        out.flush()?;
        Ok(Ok(()))
    };
    match write() {
        Ok(Ok(())) => Exit::Clean,
        Ok(Err(e)) => report_error(&e),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Exit::Clean,
        Err(e) => report_error(&format!("cannot write output: {e}")),
    }
}
