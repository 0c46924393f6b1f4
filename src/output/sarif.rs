//! `--format sarif`: SARIF 2.1.0, for code-scanning dashboards (GitHub, GitLab, IDEs).
//! Tests validate the output against the official schema.

use std::io;
use std::sync::Arc;

use codespan_reporting::term::termcolor::WriteColor;
use serde_json::{Value, json};

use super::{Emitter, FileReport, Summary};
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::RuleMeta;

#[derive(Debug)]
pub(crate) struct SarifEmitter {
    rules: Vec<Arc<RuleMeta>>,
    results: Vec<Value>,
}

impl SarifEmitter {
    pub(crate) fn new(rules: Vec<Arc<RuleMeta>>) -> Self {
        SarifEmitter {
            rules,
            results: Vec::new(),
        }
    }
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        _ => "note",
    }
}

/// A relative URI reference for a path: forward slashes, reserved bytes escaped.
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.replace('\\', "/").bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

impl SarifEmitter {
    fn result(&self, report: &FileReport<'_>, d: &Diagnostic) -> Value {
        let doc = report.doc;
        let (start, end) = (doc.line_col(d.span.start), doc.line_col(d.span.end));
        let bytes = doc.source().original_range(&d.span);
        let location = json!({ "uri": uri(report.path) });
        let mut result = json!({
            "ruleId": &*d.rule,
            "level": level(d.severity),
            "message": { "text": &d.message },
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": location,
                    "region": {
                        "startLine": start.line,
                        "startColumn": start.column,
                        "endLine": end.line,
                        "endColumn": end.column,
                        "byteOffset": bytes.start,
                        "byteLength": bytes.len(),
                        "snippet": { "text": doc.slice(&d.span) },
                    }
                }
            }],
        });
        if let Some(i) = self.rules.iter().position(|r| r.id == d.rule) {
            result["ruleIndex"] = json!(i);
        }
        if let Some(f) = &d.fix {
            let r = doc.source().original_range(&f.range);
            let description = match &d.suggestion {
                Some(s) => format!("Replace with '{s}'"),
                None if f.replacement.is_empty() => "Remove the text".to_owned(),
                None => format!("Replace with '{}'", f.replacement),
            };
            result["fixes"] = json!([{
                "description": { "text": description },
                "artifactChanges": [{
                    "artifactLocation": { "uri": uri(report.path) },
                    "replacements": [{
                        "deletedRegion": { "byteOffset": r.start, "byteLength": r.len() },
                        "insertedContent": { "text": &f.replacement },
                    }]
                }]
            }]);
        }
        result
    }
}

impl Emitter for SarifEmitter {
    fn file(&mut self, _out: &mut dyn WriteColor, report: &FileReport<'_>) -> io::Result<()> {
        for d in report.diagnostics {
            let r = self.result(report, d);
            self.results.push(r);
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn WriteColor, _summary: &Summary) -> io::Result<()> {
        let rules: Vec<Value> = self
            .rules
            .iter()
            .map(|r| {
                let mut rule = json!({
                    "id": &*r.id,
                    "shortDescription": { "text": r.summary() },
                    "defaultConfiguration": { "level": level(r.severity), "enabled": r.enabled },
                    "properties": { "category": r.category.as_str(), "kind": &r.kind },
                });
                if let Some(e) = &r.explain {
                    rule["help"] = json!({ "text": e.trim() });
                }
                rule
            })
            .collect();
        let log = json!({
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [{
                "tool": {
                    "driver": {
                        "name": "scrapelint",
                        "version": env!("CARGO_PKG_VERSION"),
                        "informationUri": "https://github.com/scrapelint/scrapelint",
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": self.results,
            }]
        });
        serde_json::to_writer_pretty(&mut *out, &log)?;
        writeln!(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_escape_reserved_bytes() {
        assert_eq!(uri("a dir/b é.txt"), "a%20dir/b%20%C3%A9.txt");
        assert_eq!(uri(r"a\b.txt"), "a/b.txt");
    }
}
