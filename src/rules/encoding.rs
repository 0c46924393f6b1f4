//! Kind `encoding`: problems in the bytes of the file itself.
//!
//! `check = "invalid-utf8"` reports every run of bytes that is not UTF-8 (they were
//! replaced by U+FFFD for the other rules); `check = "control-characters"` reports
//! C0/C1 control characters other than tab and line ends, which scrapers leave from
//! binary junk or bad conversions.

use serde::Deserialize;

use super::{CheckContext, Checker, DataStore, Kind, LoadError, RuleInput, RuleMeta, build_each};
use crate::diagnostic::Diagnostic;
use crate::text::Document;

#[derive(Debug)]
pub struct EncodingKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum Check {
    InvalidUtf8,
    ControlCharacters,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Config {
    check: Check,
}

#[derive(Debug)]
struct EncodingChecker {
    rules: Vec<(RuleMeta, Check)>,
}

impl Kind for EncodingKind {
    fn name(&self) -> &'static str {
        "encoding"
    }

    fn doc(&self) -> &'static str {
        "Reports bytes that are not UTF-8 (`check = \"invalid-utf8\"`) or stray control characters (`check = \"control-characters\"`). Invalid bytes are replaced by U+FFFD for every other rule, so the rest of the file is still checked."
    }

    fn build(
        &self,
        rules: Vec<RuleInput<'_>>,
        _data: &DataStore,
    ) -> Result<Box<dyn Checker>, Vec<LoadError>> {
        let rules = build_each(&rules, |rule| {
            let c: Config = rule.config_for(&["match", "bytes"])?;
            Ok((rule.meta.clone(), c.check))
        })?;
        Ok(Box::new(EncodingChecker { rules }))
    }
}

fn is_stray_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

impl Checker for EncodingChecker {
    fn check(&self, doc: &Document, cx: &CheckContext<'_>, out: &mut Vec<Diagnostic>) {
        for (rule, check) in &self.rules {
            if !cx.enabled(rule) {
                continue;
            }
            match check {
                Check::InvalidUtf8 => {
                    for bad in doc.source().invalid_bytes() {
                        let r = &bad.original_range;
                        let bytes = format!("{} byte(s) at offset {}", r.len(), r.start);
                        out.push(rule.diagnostic(doc, bad.text_range.clone(), None, |v| {
                            (v == "bytes").then(|| bytes.clone().into())
                        }));
                    }
                }
                Check::ControlCharacters => {
                    for (i, c) in doc
                        .text()
                        .char_indices()
                        .filter(|(_, c)| is_stray_control(*c))
                    {
                        let code = format!("U+{:04X}", c as u32);
                        out.push(rule.diagnostic(doc, i..i + c.len_utf8(), None, |v| {
                            (v == "bytes").then(|| code.clone().into())
                        }));
                    }
                }
            }
        }
    }
}
