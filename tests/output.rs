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
fn github() {
    insta::assert_snapshot!(render(Format::Github));
}
