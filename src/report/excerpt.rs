//! A flagged span with a little of its line around it, cut to a readable length.

use std::ops::Range;
use std::sync::Arc;

use crate::diagnostic::{Diagnostic, Severity};

/// Characters of context kept on each side of the span.
const CONTEXT: usize = 80;
/// Characters of the span itself kept (long block findings are cut in the middle).
const MARKED: usize = 240;

/// One finding as the report shows it: `before`, the flagged `marked` text, `after`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excerpt {
    pub path: String,
    /// 1-based line of the span's start.
    pub line: usize,
    pub rule: Arc<str>,
    pub severity: Severity,
    pub message: String,
    pub before: String,
    pub marked: String,
    pub after: String,
}

impl Excerpt {
    /// Builds the excerpt of `d` in `text`; spans outside the text are clamped.
    pub fn new(path: &str, text: &str, d: &Diagnostic) -> Self {
        let span = clamp(text, &d.span);
        let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[span.end..]
            .find('\n')
            .map_or(text.len(), |i| span.end + i);
        let line = text[..span.start].matches('\n').count() + 1;
        Excerpt {
            path: path.to_owned(),
            line,
            rule: d.rule.clone(),
            severity: d.severity,
            message: d.message.clone(),
            before: tail(&text[line_start..span.start], CONTEXT),
            marked: middle_cut(&text[span.clone()], MARKED),
            after: head(&text[span.end..line_end], CONTEXT),
        }
    }
}

/// The span moved inside `text` and onto character boundaries.
fn clamp(text: &str, span: &Range<usize>) -> Range<usize> {
    let floor = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let start = floor(span.start);
    start..floor(span.end).max(start)
}

/// The last `n` characters of `s`, with `…` when cut.
fn tail(s: &str, n: usize) -> String {
    let count = s.chars().count();
    if count <= n {
        return s.to_owned();
    }
    let skip: String = s.chars().skip(count - n).collect();
    format!("…{skip}")
}

/// The first `n` characters of `s`, with `…` when cut.
fn head(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        return s.to_owned();
    }
    let kept: String = s.chars().take(n).collect();
    format!("{kept}…")
}

/// `s` with its middle replaced by ` … ` when longer than `n` characters.
fn middle_cut(s: &str, n: usize) -> String {
    let count = s.chars().count();
    if count <= n {
        return s.to_owned();
    }
    let front: String = s.chars().take(n / 2).collect();
    let back: String = s.chars().skip(count - n / 2).collect();
    format!("{front} … {back}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Category;

    fn diag(span: Range<usize>) -> Diagnostic {
        Diagnostic {
            rule: "r.x".into(),
            category: Category::Boilerplate,
            severity: Severity::Warning,
            message: "m".into(),
            span,
            suggestion: None,
            fix: None,
        }
    }

    #[test]
    fn keeps_the_line_around_the_span() {
        let text = "Title\n\nShare this on Facebook now.\nNext";
        let e = Excerpt::new("a.txt", text, &diag(13..27));
        assert_eq!(e.line, 3);
        assert_eq!(
            (e.before.as_str(), e.marked.as_str()),
            ("Share ", "this on Facebo")
        );
        assert_eq!(e.after, "ok now.");
    }

    #[test]
    fn cuts_long_context_and_spans_on_char_boundaries() {
        let text = format!("{}é{}", "a".repeat(300), "b".repeat(600));
        // 301 is inside the two-byte é: clamped down to its start.
        let e = Excerpt::new("a.txt", &text, &diag(301..text.len() + 5));
        assert!(e.before.starts_with('…') && e.before.chars().count() == CONTEXT + 1);
        assert!(e.marked.starts_with('é') && e.marked.contains(" … "));
        assert!(e.marked.chars().count() <= MARKED + 3);
        assert_eq!(e.after, "");
    }
}
