//! `scrapelint server`: a Language Server over stdio, so editors show diagnostics as
//! you type and offer the rules' fixes as quick fixes.
//!
//! Documents are synced in full; every change is re-checked (one article checks in
//! well under a millisecond). Positions are UTF-16 code units, the protocol default.
//! Rules and config come from the working directory the editor starts the server in,
//! exactly as `scrapelint check` would find them. With a baseline, the findings it
//! accepts are published as hints, so they stay visible but out of the problem count.

use std::collections::HashMap;

use lsp_server::{Connection, Message, Notification, Request, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidCloseTextDocument, DidOpenTextDocument, Notification as _,
    PublishDiagnostics,
};
use lsp_types::request::{CodeActionRequest, Request as _};
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams,
    CodeActionProviderCapability, Diagnostic as LspDiagnostic, DiagnosticSeverity,
    DidChangeTextDocumentParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams,
    NumberOrString, Position, PublishDiagnosticsParams, Range, ServerCapabilities,
    TextDocumentSyncCapability, TextDocumentSyncKind, TextEdit, Uri, WorkspaceEdit,
};

use scrapelint::baseline::Baseline;
use scrapelint::corpus::CorpusStats;
use scrapelint::rules::RuleSet;
use scrapelint::text::Document;
use scrapelint::{Diagnostic, Severity};

use super::{Exit, report_error};

type BoxError = Box<dyn std::error::Error + Send + Sync>;

pub(crate) fn run(mut rules: RuleSet, baseline: Option<Baseline>) -> Exit {
    // One document per request: its checkers share the threads.
    rules.set_parallel_checkers(true);
    match serve(&rules, baseline.as_ref()) {
        Ok(()) => Exit::Clean,
        Err(e) => report_error(&format!("language server: {e}")),
    }
}

fn serve(rules: &RuleSet, baseline: Option<&Baseline>) -> Result<(), BoxError> {
    let (connection, io) = Connection::stdio();
    let capabilities = ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Kind(TextDocumentSyncKind::FULL)),
        code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
        ..ServerCapabilities::default()
    };
    let (id, _params) = connection.initialize_start()?;
    connection.initialize_finish(
        id,
        serde_json::json!({
            "capabilities": capabilities,
            "serverInfo": { "name": "scrapelint", "version": env!("CARGO_PKG_VERSION") },
        }),
    )?;
    // Keyed by the URI's text: `Uri` caches parts internally, so it makes a poor key.
    let mut docs: HashMap<String, Document> = HashMap::new();
    for message in &connection.receiver {
        match message {
            Message::Request(req) => {
                if connection.handle_shutdown(&req)? {
                    break;
                }
                let response = handle_request(rules, &docs, req);
                connection.sender.send(Message::Response(response))?;
            }
            Message::Notification(note) => {
                if let Some(publish) = handle_notification(rules, baseline, &mut docs, note)? {
                    connection.sender.send(Message::Notification(publish))?;
                }
            }
            Message::Response(_) => {}
        }
    }
    drop(connection);
    io.join()?;
    Ok(())
}

fn handle_notification(
    rules: &RuleSet,
    baseline: Option<&Baseline>,
    docs: &mut HashMap<String, Document>,
    note: Notification,
) -> Result<Option<Notification>, BoxError> {
    let uri = match note.method.as_str() {
        DidOpenTextDocument::METHOD => {
            let p: DidOpenTextDocumentParams = serde_json::from_value(note.params)?;
            docs.insert(
                p.text_document.uri.as_str().to_owned(),
                Document::from_text(&p.text_document.text),
            );
            p.text_document.uri
        }
        DidChangeTextDocument::METHOD => {
            let p: DidChangeTextDocumentParams = serde_json::from_value(note.params)?;
            // Full sync: the last change holds the whole text.
            if let Some(change) = p.content_changes.into_iter().last() {
                docs.insert(
                    p.text_document.uri.as_str().to_owned(),
                    Document::from_text(&change.text),
                );
            }
            p.text_document.uri
        }
        DidCloseTextDocument::METHOD => {
            let p: DidCloseTextDocumentParams = serde_json::from_value(note.params)?;
            docs.remove(p.text_document.uri.as_str());
            return Ok(Some(publish(p.text_document.uri, Vec::new())));
        }
        _ => return Ok(None),
    };
    let diagnostics = match docs.get(uri.as_str()) {
        Some(doc) => publishable(rules, baseline, &uri, doc),
        None => Vec::new(),
    };
    Ok(Some(publish(uri, diagnostics)))
}

/// The document's diagnostics; those the baseline accepts become hints.
fn publishable(
    rules: &RuleSet,
    baseline: Option<&Baseline>,
    uri: &Uri,
    doc: &Document,
) -> Vec<LspDiagnostic> {
    let diagnostics = check(rules, doc);
    let (Some(baseline), Some(path)) = (baseline, file_path(uri)) else {
        return diagnostics.iter().map(|d| to_lsp(doc, d)).collect();
    };
    let split = baseline.split(&baseline.key(&path), doc, diagnostics);
    let hints = split.baselined.iter().map(|d| LspDiagnostic {
        severity: Some(DiagnosticSeverity::HINT),
        message: format!("{} (accepted by the baseline)", to_lsp(doc, d).message),
        ..to_lsp(doc, d)
    });
    let mut out: Vec<LspDiagnostic> = split.new.iter().map(|d| to_lsp(doc, d)).collect();
    out.extend(hints);
    out
}

/// The local path of a `file:` URI.
fn file_path(uri: &Uri) -> Option<std::path::PathBuf> {
    if uri.scheme().map(|s| s.as_str()) != Some("file") {
        return None;
    }
    let path = uri.path().as_estr().decode().into_string().ok()?;
    Some(std::path::PathBuf::from(path.into_owned()))
}

fn publish(uri: Uri, diagnostics: Vec<LspDiagnostic>) -> Notification {
    Notification::new(
        PublishDiagnostics::METHOD.to_owned(),
        PublishDiagnosticsParams {
            uri,
            diagnostics,
            version: None,
        },
    )
}

fn check(rules: &RuleSet, doc: &Document) -> Vec<Diagnostic> {
    scrapelint::check(rules, doc, &CorpusStats::default())
}

fn range(doc: &Document, span: &std::ops::Range<usize>) -> Range {
    let pos = |offset| {
        let (line, character) = doc.line_index().utf16_position(doc.text(), offset);
        Position { line, character }
    };
    Range {
        start: pos(span.start),
        end: pos(span.end),
    }
}

fn to_lsp(doc: &Document, d: &Diagnostic) -> LspDiagnostic {
    let mut message = d.message.clone();
    if let Some(s) = &d.suggestion {
        message.push_str(&format!(" (suggestion: {s})"));
    }
    LspDiagnostic {
        range: range(doc, &d.span),
        severity: Some(match d.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
            _ => DiagnosticSeverity::INFORMATION,
        }),
        code: Some(NumberOrString::String(d.rule.to_string())),
        source: Some("scrapelint".to_owned()),
        message,
        ..LspDiagnostic::default()
    }
}

fn handle_request(rules: &RuleSet, docs: &HashMap<String, Document>, req: Request) -> Response {
    if req.method != CodeActionRequest::METHOD {
        return Response::new_err(
            req.id,
            lsp_server::ErrorCode::MethodNotFound as i32,
            format!("unsupported request {}", req.method),
        );
    }
    let params: CodeActionParams = match serde_json::from_value(req.params) {
        Ok(p) => p,
        Err(e) => {
            return Response::new_err(
                req.id,
                lsp_server::ErrorCode::InvalidParams as i32,
                e.to_string(),
            );
        }
    };
    let actions = docs
        .get(params.text_document.uri.as_str())
        .map_or_else(Vec::new, |doc| {
            code_actions(rules, doc, &params.text_document.uri, params.range)
        });
    Response::new_ok(req.id, actions)
}

/// Quick fixes for the fixable diagnostics that touch `wanted`.
fn code_actions(
    rules: &RuleSet,
    doc: &Document,
    uri: &Uri,
    wanted: Range,
) -> Vec<CodeActionOrCommand> {
    check(rules, doc)
        .iter()
        .filter_map(|d| {
            let fix = d.fix.as_ref()?;
            let r = range(doc, &d.span);
            if r.end < wanted.start || r.start > wanted.end {
                return None;
            }
            let title = match &d.suggestion {
                Some(s) => format!("Replace with '{s}' ({})", d.rule),
                None if fix.replacement.is_empty() => format!("Remove it ({})", d.rule),
                None => format!("Replace with '{}' ({})", fix.replacement, d.rule),
            };
            let edit = TextEdit {
                range: range(doc, &fix.range),
                new_text: fix.replacement.clone(),
            };
            Some(CodeActionOrCommand::CodeAction(CodeAction {
                title,
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![to_lsp(doc, d)]),
                edit: Some(WorkspaceEdit {
                    changes: Some(HashMap::from([(uri.clone(), vec![edit])])),
                    ..WorkspaceEdit::default()
                }),
                is_preferred: Some(fix.applicability == scrapelint::Applicability::Safe),
                ..CodeAction::default()
            }))
        })
        .collect()
}
