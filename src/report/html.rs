//! The report as one self-contained HTML page: inline CSS, SVG charts, no script.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io;
use std::sync::Arc;

use crate::diagnostic::Category;
use crate::rules::RuleMeta;

use super::svg::{self, Bar, Widths};
use super::{Excerpt, ReportStats, SHARE_BINS};

/// Rows in the per-rule chart and the folder table (the rule table lists every rule).
const TOP_RULES: usize = 15;
const TOP_FOLDERS: usize = 15;

const CSS: &str = include_str!("report.css");

/// What the page says about the run besides the statistics.
#[derive(Debug, Clone)]
pub struct ReportInfo<'a> {
    pub title: &'a str,
    /// The inputs as the user named them.
    pub inputs: &'a [String],
    /// The rules that ran (their summaries and explanations are shown).
    pub rules: &'a [Arc<RuleMeta>],
}

/// Writes the page for `stats`.
pub fn render_html(
    stats: &ReportStats,
    info: &ReportInfo<'_>,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    let rules: HashMap<&str, &RuleMeta> = info.rules.iter().map(|r| (&*r.id, &**r)).collect();
    let mut page = String::with_capacity(64 * 1024);
    let title = escape(info.title);
    let _ = write!(
        page,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}</title><style>{CSS}</style></head><body><main>\
         <header><h1>{title}</h1><p class=\"sub\">scrapelint {} · {} rules · {}</p></header>",
        env!("CARGO_PKG_VERSION"),
        info.rules.len(),
        escape(&info.inputs.join(", ")),
    );
    totals(&mut page, stats);
    page.push_str("<div class=\"pair\">");
    families(&mut page, stats);
    share_histogram(&mut page, stats);
    page.push_str("</div>");
    rule_section(&mut page, stats, &rules);
    folders(&mut page, stats);
    worst_files(&mut page, stats);
    examples(&mut page, stats, &rules);
    unreadable(&mut page, stats);
    page.push_str("</main></body></html>\n");
    out.write_all(page.as_bytes())
}

/// Escapes text for HTML element content and quoted attribute values.
pub(super) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn color(category: Option<Category>) -> &'static str {
    match category {
        Some(Category::Boilerplate) => "#4e79a7",
        Some(Category::OffTopic) => "#f28e2b",
        Some(Category::Mangled) => "#e15759",
        Some(Category::Fragment) => "#59a14f",
        Some(Category::Encoding) => "#b07aa1",
        Some(Category::Duplicate) => "#9c755f",
        _ => "#888",
    }
}

fn percent(x: f64) -> String {
    format!("{:.1} %", x * 100.0)
}

fn section(page: &mut String, id: &str, heading: &str, note: &str) {
    let _ = write!(
        page,
        "<section id=\"{id}\"><h2>{}</h2><p class=\"note\">{}</p>",
        escape(heading),
        escape(note)
    );
}

fn totals(page: &mut String, s: &ReportStats) {
    section(page, "totals", "Totals", "");
    page.push_str("<div class=\"cards\">");
    let mut cards = vec![
        ("Files", s.files.to_string()),
        ("Findings", s.findings.to_string()),
        ("Files with a finding", s.files_with_findings.to_string()),
        (
            "Share of files with a finding",
            percent(s.share_with_findings()),
        ),
    ];
    if s.unreadable > 0 {
        cards.push(("Unreadable inputs", s.unreadable.to_string()));
    }
    for (label, value) in cards {
        let _ = write!(
            page,
            "<div class=\"card\"><div class=\"num\">{}</div><div class=\"what\">{}</div></div>",
            escape(&value),
            escape(label)
        );
    }
    page.push_str("</div></section>");
}

fn families(page: &mut String, s: &ReportStats) {
    section(page, "families", "Findings per family", "");
    let bars: Vec<Bar> = Category::ALL
        .iter()
        .map(|&c| Bar {
            label: c.as_str().to_owned(),
            value: s.by_category.get(&c).copied().unwrap_or(0),
            color: color(Some(c)),
        })
        .collect();
    let widths = Widths {
        label: 110,
        bar: 290,
    };
    page.push_str(&svg::bar_chart("Findings per family", &bars, widths));
    page.push_str("</section>");
}

fn rules_by_count(s: &ReportStats) -> Vec<(&str, &super::RuleStats)> {
    let mut v: Vec<_> = s.rules.iter().map(|(k, r)| (&**k, r)).collect();
    v.sort_by(|a, b| b.1.findings.cmp(&a.1.findings).then(a.0.cmp(b.0)));
    v
}

fn rule_section(page: &mut String, s: &ReportStats, rules: &HashMap<&str, &RuleMeta>) {
    let ranked = rules_by_count(s);
    let note = if ranked.len() > TOP_RULES {
        format!(
            "The {TOP_RULES} most frequent of {} rules that fired.",
            ranked.len()
        )
    } else {
        String::new()
    };
    section(page, "rules", "Findings per rule", &note);
    let bars: Vec<Bar> = ranked
        .iter()
        .take(TOP_RULES)
        .map(|(id, r)| Bar {
            label: (*id).to_owned(),
            value: r.findings,
            color: color(r.category),
        })
        .collect();
    let widths = Widths {
        label: 300,
        bar: 560,
    };
    page.push_str(&svg::bar_chart("Findings per rule", &bars, widths));
    let _ = write!(
        page,
        "<details><summary>All {} rules that fired</summary>",
        ranked.len()
    );
    page.push_str(
        "<table><thead><tr><th>Rule</th><th>Family</th><th class=\"n\">Findings</th>\
         <th class=\"n\">Files</th><th>What it flags</th></tr></thead><tbody>",
    );
    for (id, r) in &ranked {
        let summary = rules.get(id).map(|m| m.summary()).unwrap_or_default();
        let family = r.category.map(Category::as_str).unwrap_or("");
        let _ = write!(
            page,
            "<tr><td><a href=\"#rule-{id}\"><code>{id}</code></a></td><td>{family}</td>\
             <td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td></tr>",
            r.findings,
            r.files,
            escape(&summary),
            id = escape(id),
        );
    }
    page.push_str("</tbody></table></details></section>");
}

fn share_label(bin: usize) -> String {
    if bin == 0 {
        "0".to_owned()
    } else {
        format!("≤{}", bin * 10)
    }
}

fn share_histogram(page: &mut String, s: &ReportStats) {
    section(
        page,
        "boilerplate",
        "Boilerplate share per file",
        "Files by the share of their non-blank lines in boilerplate findings.",
    );
    let bins: Vec<(String, usize)> = (0..SHARE_BINS)
        .map(|i| (share_label(i), s.boilerplate_share[i]))
        .collect();
    page.push_str(&svg::histogram(
        "Files by boilerplate share",
        &bins,
        "% of non-blank lines (bins up to)",
        color(Some(Category::Boilerplate)),
    ));
    page.push_str("</section>");
}

fn folders(page: &mut String, s: &ReportStats) {
    let ranked = s.folders_by_problem_rate();
    let note = format!(
        "Folders (sites) by the share of their files with a finding, ranked by the low end \
         of its 95 % interval so that small folders do not lead on chance; {} of {} shown.",
        ranked.len().min(TOP_FOLDERS),
        ranked.len()
    );
    section(page, "folders", "Top folders by problem rate", &note);
    page.push_str(
        "<table><thead><tr><th>Folder</th><th class=\"n\">Files</th>\
         <th class=\"n\">With a finding</th><th>Problem rate</th><th class=\"n\">Findings</th>\
         </tr></thead><tbody>",
    );
    for (name, f) in ranked.iter().take(TOP_FOLDERS) {
        let rate = f.problem_rate();
        let _ = write!(
            page,
            "<tr><td><code>{}</code></td><td class=\"n\">{}</td><td class=\"n\">{}</td>\
             <td><span class=\"meter\"><span style=\"width:{:.0}%\"></span></span> {}</td>\
             <td class=\"n\">{}</td></tr>",
            escape(name),
            f.files,
            f.files_with_findings,
            rate * 100.0,
            percent(rate),
            f.findings
        );
    }
    page.push_str("</tbody></table></section>");
}

/// One finding; in a file's list (`in_file`) it is placed by line and rule, in a
/// rule's list by path and line.
fn excerpt(page: &mut String, e: &Excerpt, in_file: bool) {
    let place = if in_file {
        format!("line {} · <code>{}</code>", e.line, escape(&e.rule))
    } else {
        format!("<code>{}:{}</code>", escape(&e.path), e.line)
    };
    let _ = write!(
        page,
        "<div class=\"excerpt {sev}\"><div class=\"where\">{place}\
         <span class=\"sev\">{sev}</span></div><pre>{}<mark>{}</mark>{}</pre>\
         <div class=\"msg\">{}</div></div>",
        escape(&e.before),
        escape(&e.marked),
        escape(&e.after),
        escape(&e.message),
        sev = e.severity.as_str(),
    );
}

fn worst_files(page: &mut String, s: &ReportStats) {
    let worst = s.worst_files();
    section(
        page,
        "worst",
        "Worst files",
        "The files with the most findings, with their first findings.",
    );
    page.push_str(
        "<table class=\"worst\"><thead><tr><th>File</th><th class=\"n\">Findings</th>\
         <th class=\"n\">Boilerplate share</th></tr></thead><tbody>",
    );
    for f in &worst {
        let _ = write!(
            page,
            "<tr><td><code>{}</code></td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>\
             <tr class=\"excerpts\"><td colspan=\"3\">",
            escape(&f.path),
            f.findings,
            percent(f.boilerplate_share)
        );
        for e in &f.excerpts {
            excerpt(page, e, true);
        }
        page.push_str("</td></tr>");
    }
    page.push_str("</tbody></table></section>");
}

fn examples(page: &mut String, s: &ReportStats, rules: &HashMap<&str, &RuleMeta>) {
    section(
        page,
        "examples",
        "Examples per rule",
        "A few findings of each rule, the flagged text highlighted, and what the rule means.",
    );
    for (id, r) in rules_by_count(s) {
        let meta = rules.get(id);
        let _ = write!(
            page,
            "<article class=\"rule\" id=\"rule-{id}\"><h3><span class=\"dot\" style=\"background:{}\"></span>\
             <code>{id}</code> <span class=\"count\">{} findings in {} files</span></h3><p>{}</p>",
            color(r.category),
            r.findings,
            r.files,
            escape(&meta.map(|m| m.summary()).unwrap_or_default()),
            id = escape(id),
        );
        for e in r.examples() {
            excerpt(page, e, false);
        }
        if let Some(m) = meta {
            let _ = write!(
                page,
                "<details><summary>Explanation (<code>scrapelint explain {}</code>)</summary>\
                 <pre class=\"explain\">{}</pre></details>",
                escape(id),
                escape(&m.explain_text())
            );
        }
        page.push_str("</article>");
    }
    page.push_str("</section>");
}

fn unreadable(page: &mut String, s: &ReportStats) {
    if s.unreadable == 0 {
        return;
    }
    section(page, "unreadable", "Unreadable inputs", "");
    page.push_str("<ul>");
    for r in &s.unreadable_reasons {
        let _ = write!(page, "<li>{}</li>", escape(r));
    }
    let more = s.unreadable - s.unreadable_reasons.len();
    if more > 0 {
        let _ = write!(page, "<li>… and {more} more</li>");
    }
    page.push_str("</ul></section>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Diagnostic, Severity};
    use crate::report::Limits;

    #[test]
    fn escapes_markup_everywhere() {
        assert_eq!(
            escape(r#"<a href="x">&'"#),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
        let mut s = ReportStats::new(Limits::default());
        let text = "<script>alert(1)</script>\nok\n";
        let d = Diagnostic {
            rule: "r.<b>".into(),
            category: Category::Boilerplate,
            severity: Severity::Warning,
            message: "bad <i>".into(),
            span: 0..8,
            suggestion: None,
            fix: None,
        };
        s.add("<dir>/a.txt", text, &[d]);
        let mut out = Vec::new();
        let info = ReportInfo {
            title: "<t>",
            inputs: &["<in>".into()],
            rules: &[],
        };
        render_html(&s, &info, &mut out).unwrap();
        let page = String::from_utf8(out).unwrap();
        for raw in ["<script>", "<b>", "<i>", "<dir>", "<t>", "<in>"] {
            assert!(!page.contains(raw), "{raw} not escaped");
        }
        assert!(page.contains("<mark>&lt;script&gt;</mark>alert(1)&lt;/script&gt;"));
    }
}
