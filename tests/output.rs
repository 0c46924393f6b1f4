//! Snapshots of every output format on one sample article: what users see.

use codespan_reporting::term::termcolor::NoColor;
use scrapelint::output::{EmitOptions, FileReport, Format, Summary, emitter};
use scrapelint::text::{Document, Source};
use scrapelint::{RuleSet, check};

fn render(format: Format) -> String {
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/output/sample.txt"
    ))
    .unwrap();
    let doc = Document::new(Source::decode(&bytes));
    let rules = RuleSet::builtin().unwrap();
    let diagnostics = check(&rules, &doc, &Default::default());
    let report = FileReport {
        path: "fixtures/output/sample.txt",
        doc: &doc,
        diagnostics: &diagnostics,
    };
    let mut summary = Summary::default();
    summary.add(&report);
    let mut out = NoColor::new(Vec::new());
    let mut e = emitter(
        format,
        EmitOptions {
            statistics: true,
            quiet: false,
        },
        rules.rules(),
    );
    e.file(&mut out, &report).unwrap();
    e.finish(&mut out, &summary).unwrap();
    String::from_utf8(out.into_inner()).unwrap()
}

#[test]
fn human() {
    insta::assert_snapshot!(render(Format::Human));
}

#[test]
fn short() {
    insta::assert_snapshot!(render(Format::Short));
}

#[test]
fn json() {
    insta::assert_snapshot!(render(Format::Json));
}

#[test]
fn jsonl() {
    insta::assert_snapshot!(render(Format::Jsonl));
}

#[test]
fn sarif_validates_against_the_official_schema() {
    let out: serde_json::Value = serde_json::from_str(&render(Format::Sarif)).unwrap();
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/fixtures/schemas/sarif-schema-2.1.0.json"
        ))
        .unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&out)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    let results = out["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 4);
    assert_eq!(
        results[0]["locations"][0]["physicalLocation"]["region"]["startLine"],
        1
    );
}

#[test]
fn github() {
    insta::assert_snapshot!(render(Format::Github));
}
