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

/// A 2,000-character paragraph: the excerpt keeps the span and some context, cut with
/// `…`, and the reported line and column are those of the whole file.
#[test]
fn human_cuts_long_lines_around_the_span() {
    use scrapelint::{Category, Diagnostic, Severity};
    let sentence = "The harbour board said the new crane would be delivered in the spring. ";
    let mut paragraph = sentence.repeat(14);
    let flagged_at = paragraph.len();
    paragraph.push_str("Shares fell on the inventory market on Tuesday. ");
    paragraph.push_str(&sentence.repeat(14));
    let text = format!("Harbour buys a new crane\n\n{}\n", paragraph.trim_end());
    assert!(paragraph.len() > 2000);
    let doc = Document::from_text(&text);
    let start = 26 + flagged_at + "Shares fell on the ".len();
    let diag = |rule: &str, span: std::ops::Range<usize>| Diagnostic {
        rule: rule.into(),
        category: Category::Mangled,
        severity: Severity::Warning,
        message: "example".to_owned(),
        span,
        suggestion: None,
        fix: None,
    };
    let diagnostics = vec![
        diag(
            "mangled.spun-phrase",
            start..start + "inventory market".len(),
        ),
        diag("off-topic.insertion", 26..text.len() - 1),
    ];
    let report = FileReport {
        path: "long.txt",
        doc: &doc,
        diagnostics: &diagnostics,
    };
    let mut out = NoColor::new(Vec::new());
    let options = EmitOptions {
        statistics: false,
        quiet: true,
    };
    emitter(Format::Human, options, &[])
        .file(&mut out, &report)
        .unwrap();
    let rendered = String::from_utf8(out.into_inner()).unwrap();
    // ASCII text: the column is the byte offset in the line, plus one.
    let column = flagged_at + "Shares fell on the ".len() + 1;
    assert!(
        rendered.contains(&format!("long.txt:3:{column}")),
        "{rendered}"
    );
    assert!(
        rendered.lines().all(|l| l.chars().count() < 130),
        "{rendered}"
    );
    insta::assert_snapshot!(rendered);
}
