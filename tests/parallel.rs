//! Running a document's checkers side by side (what a one-file run and the language
//! server do) finds exactly what running them one after another finds, including the
//! line classifier, which reads the other rules' findings.

use std::path::Path;

use scrapelint::{CorpusStats, Document, RuleSet, check};

fn documents() -> Vec<(String, Document)> {
    let mut out = Vec::new();
    for dir in [
        "fixtures/holdout-5/docs",
        "fixtures/holdout-4/docs",
        // the sets where the line classifier still has lines of its own when every
        // other rule runs (it leaves the lines they flag to them)
        "fixtures/holdout/docs",
        "fixtures/holdout-3/docs",
        "examples",
    ] {
        let mut paths: Vec<_> = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        paths.sort();
        for p in paths {
            let text = std::fs::read_to_string(&p).unwrap();
            out.push((p.display().to_string(), Document::from_text(&text)));
        }
    }
    out
}

#[test]
fn checkers_side_by_side_find_what_they_find_one_after_another() {
    let mut serial = RuleSet::builtin().unwrap();
    serial.set_parallel_checkers(false);
    let mut parallel = RuleSet::builtin().unwrap();
    parallel.set_parallel_checkers(true);
    let corpus = CorpusStats::default();
    let docs = documents();
    assert!(docs.len() > 20, "{} documents", docs.len());
    let mut classifier_hits = 0;
    for (name, doc) in &docs {
        let one_by_one = check(&serial, doc, &corpus);
        let side_by_side = check(&parallel, doc, &corpus);
        assert_eq!(one_by_one, side_by_side, "{name}");
        classifier_hits += one_by_one
            .iter()
            .filter(|d| &*d.rule == "boilerplate.line-classifier")
            .count();
    }
    // The rule that reads the other findings did fire, so the comparison covers it.
    assert!(classifier_hits > 0);
}
