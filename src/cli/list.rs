//! `scrapelint rules` and `scrapelint explain`.

use std::io::Write;

use serde::Serialize;

use scrapelint::rules::{RuleSet, registry};

use super::args::ListFormat;
use super::{Exit, Stdout, report_error};

#[derive(Serialize)]
struct RuleRow<'a> {
    id: &'a str,
    kind: &'a str,
    category: scrapelint::Category,
    severity: scrapelint::Severity,
    scope: String,
    enabled: bool,
    fixable: bool,
    summary: String,
}

pub(crate) fn rules(rules: &RuleSet, format: ListFormat, out: &mut Stdout) -> Exit {
    let rows: Vec<RuleRow<'_>> = rules
        .rules()
        .iter()
        .map(|r| RuleRow {
            id: &r.id,
            kind: &r.kind,
            category: r.category,
            severity: r.severity,
            scope: r.scope.as_str().to_owned(),
            enabled: r.enabled,
            fixable: r.fix.is_some() || r.kind == "substitution",
            summary: r.summary(),
        })
        .collect();
    let written = match format {
        ListFormat::Json => serde_json::to_writer_pretty(&mut *out, &rows)
            .map_err(std::io::Error::from)
            .and_then(|()| writeln!(out)),
        ListFormat::Table => {
            let w = rows.iter().map(|r| r.id.len()).max().unwrap_or(0);
            rows.iter().try_for_each(|r| {
                let off = if r.enabled { "" } else { " (off by default)" };
                writeln!(
                    out,
                    "{:<w$}  {:<11}  {:<7}  {}{off}",
                    r.id,
                    r.category.as_str(),
                    r.severity.as_str(),
                    r.summary
                )
            })
        }
    };
    match written.and_then(|()| out.flush()) {
        Ok(()) => Exit::Clean,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Exit::Clean,
        Err(e) => report_error(&format!("cannot write output: {e}")),
    }
}

pub(crate) fn explain(
    rules: &RuleSet,
    rule: Option<&str>,
    kind: Option<&str>,
    out: &mut Stdout,
) -> Exit {
    let text = if let Some(kind) = kind {
        match registry::find(kind) {
            Some(k) => format!("kind `{}`\n\n{}\n", k.name(), k.doc()),
            None => {
                let names: Vec<_> = registry::KINDS.iter().map(|k| k.name()).collect();
                return report_error(&format!(
                    "unknown kind `{kind}`; kinds: {}",
                    names.join(", ")
                ));
            }
        }
    } else {
        let id = rule.unwrap_or_default();
        let Some(r) = rules.get(id) else {
            let mut close: Vec<(usize, &str)> = rules
                .rules()
                .iter()
                .map(|r| (strsim::levenshtein(&r.id, id), &*r.id))
                .filter(|(d, r)| *d <= 2 + id.len() / 8 || (id.len() > 2 && r.starts_with(id)))
                .collect();
            close.sort();
            let close: Vec<&str> = close.into_iter().take(3).map(|(_, r)| r).collect();
            let hint = if close.is_empty() {
                String::new()
            } else {
                format!("; did you mean {}?", close.join(", "))
            };
            return report_error(&format!("no rule `{id}`{hint} (see `scrapelint rules`)"));
        };
        r.explain_text()
    };
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Exit::Clean,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Exit::Clean,
        Err(e) => report_error(&format!("cannot write output: {e}")),
    }
}
