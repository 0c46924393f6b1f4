//! Charts drawn as inline SVG, so the report needs no script and no network.

use std::fmt::Write;

use super::html::escape;

/// One bar: a label, its value, and its colour (any CSS colour).
#[derive(Debug, Clone)]
pub(super) struct Bar {
    pub(super) label: String,
    pub(super) value: usize,
    pub(super) color: &'static str,
}

const ROW: usize = 24;
const VALUE_WIDTH: usize = 60;

/// Widths of a bar chart's label column and of its longest bar, in pixels.
#[derive(Debug, Clone, Copy)]
pub(super) struct Widths {
    pub(super) label: usize,
    pub(super) bar: usize,
}

/// A horizontal bar chart, one row per bar, longest bar scaled to the full width.
pub(super) fn bar_chart(title: &str, bars: &[Bar], widths: Widths) -> String {
    let Widths {
        label: label_width,
        bar: bar_width,
    } = widths;
    let max = bars.iter().map(|b| b.value).max().unwrap_or(0).max(1);
    let width = label_width + bar_width + VALUE_WIDTH;
    let height = ROW * bars.len().max(1) + 8;
    let mut s = format!(
        r#"<svg class="chart" role="img" width="{width}" height="{height}" viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg"><title>{}</title>"#,
        escape(title)
    );
    for (i, b) in bars.iter().enumerate() {
        let y = i * ROW + 4;
        let w = (b.value * bar_width).div_ceil(max);
        let label_x = label_width - 10;
        let text_y = y + ROW / 2 + 4;
        let value_x = label_width + w + 6;
        let _ = write!(
            s,
            r#"<text x="{label_x}" y="{text_y}" text-anchor="end" class="label">{label}</text><rect x="{label_width}" y="{}" width="{w}" height="{}" rx="3" fill="{color}"><title>{label}: {value}</title></rect><text x="{value_x}" y="{text_y}" class="value">{value}</text>"#,
            y + 3,
            ROW - 6,
            label = escape(&b.label),
            color = b.color,
            value = b.value,
        );
    }
    s.push_str("</svg>");
    s
}

/// A vertical histogram: one column per bin, labelled underneath, `axis` below that.
pub(super) fn histogram(title: &str, bins: &[(String, usize)], axis: &str, color: &str) -> String {
    const COL: usize = 40;
    const PLOT: usize = 200;
    const TOP: usize = 20;
    let max = bins.iter().map(|b| b.1).max().unwrap_or(0).max(1);
    let width = COL * bins.len().max(1) + 20;
    let height = TOP + PLOT + 48;
    let mut s = format!(
        r#"<svg class="chart" role="img" width="{width}" height="{height}" viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg"><title>{}</title>"#,
        escape(title)
    );
    let base = TOP + PLOT;
    let _ = write!(
        s,
        r##"<line x1="10" y1="{base}" x2="{}" y2="{base}" stroke="#999"/>"##,
        width - 10
    );
    for (i, (label, n)) in bins.iter().enumerate() {
        let h = (n * PLOT).div_ceil(max);
        let x = 10 + i * COL;
        let mid = x + COL / 2;
        let _ = write!(
            s,
            r#"<rect x="{}" y="{}" width="{}" height="{h}" rx="2" fill="{color}"><title>{label}: {n} files</title></rect><text x="{mid}" y="{}" text-anchor="middle" class="value">{n}</text><text x="{mid}" y="{}" text-anchor="middle" class="label">{label}</text>"#,
            x + 4,
            base - h,
            COL - 8,
            base - h - 5,
            base + 18,
            label = escape(label),
        );
    }
    let _ = write!(
        s,
        r#"<text x="{}" y="{}" text-anchor="middle" class="value">{}</text>"#,
        width / 2,
        height - 4,
        escape(axis)
    );
    s.push_str("</svg>");
    s
}
