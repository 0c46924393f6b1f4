//! Scoring a fixture set against a seeds-format `expected.toml`, as
//! `../shared/tools/score-seeds` does: a finding is found when a diagnostic of its
//! category covers its line; a warning or error covering a clean line is a false positive.
//! Beside that any-level figure (an `info` hit counts toward recall, never against
//! precision) it keeps the warning-level one: what the default `--fail-on warning`
//! gate counts.

use std::collections::BTreeMap;
use std::path::Path;

use scrapelint::text::{Document, Source};
use scrapelint::{Category, Diagnostic, RuleSet, Severity, check_corpus};
use serde::Deserialize;

#[derive(Deserialize)]
struct Expected {
    #[serde(default)]
    finding: Vec<Finding>,
    #[serde(default)]
    clean: Vec<Clean>,
}

#[derive(Deserialize, Clone)]
pub(crate) struct Finding {
    pub(crate) file: String,
    pub(crate) line: usize,
    pub(crate) category: String,
    pub(crate) level: String,
    pub(crate) note: String,
}

#[derive(Deserialize)]
struct Clean {
    file: String,
    lines: Vec<usize>,
}

/// Found / total per (category, level), the misses, and clean-line false positives.
#[derive(Default)]
pub(crate) struct Score {
    pub(crate) counts: BTreeMap<(String, String), (usize, usize)>,
    /// Findings covered by a diagnostic of their category of at least warning severity.
    pub(crate) warned: BTreeMap<(String, String), usize>,
    pub(crate) misses: Vec<Finding>,
    pub(crate) false_positives: Vec<String>,
}

impl Score {
    pub(crate) fn recall(&self, category: &str, level: &str) -> f64 {
        match self.counts.get(&(category.to_owned(), level.to_owned())) {
            Some((found, total)) if *total > 0 => *found as f64 / *total as f64,
            _ => 1.0,
        }
    }

    pub(crate) fn found(&self, category: &str, level: &str) -> usize {
        self.counts
            .get(&(category.to_owned(), level.to_owned()))
            .map_or(0, |c| c.0)
    }

    /// Findings of this category and level found by a warning or an error.
    pub(crate) fn found_warning(&self, category: &str, level: &str) -> usize {
        self.warned
            .get(&(category.to_owned(), level.to_owned()))
            .copied()
            .unwrap_or(0)
    }

    pub(crate) fn report(&self) -> String {
        let mut s = String::from("category     level  any-level  warning+\n");
        for ((cat, level), (found, total)) in &self.counts {
            let warned = self.found_warning(cat, level);
            s.push_str(&format!(
                "{cat:12} {level:6} {:>9}  {:>8}\n",
                format!("{found}/{total}"),
                format!("{warned}/{total}")
            ));
        }
        for m in &self.misses {
            s.push_str(&format!(
                "miss {} {}:{} {} {}\n",
                m.level, m.file, m.line, m.category, m.note
            ));
        }
        for fp in &self.false_positives {
            s.push_str(&format!("FP   {fp}\n"));
        }
        s
    }
}

/// (file name, first line, last line, diagnostic) of every diagnostic of the set,
/// checked as one run or, with `one_at_a_time`, each file alone.
fn diagnostics(
    rules: &RuleSet,
    docs_dir: &Path,
    one_at_a_time: bool,
) -> Vec<(String, usize, usize, Diagnostic)> {
    let mut paths: Vec<_> = std::fs::read_dir(docs_dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let docs: Vec<Document> = paths
        .iter()
        .map(|p| Document::new(Source::decode(&std::fs::read(p).unwrap())))
        .collect();
    let results: Vec<Vec<Diagnostic>> = if one_at_a_time {
        docs.iter()
            .flat_map(|d| check_corpus(rules, std::slice::from_ref(d)))
            .collect()
    } else {
        check_corpus(rules, &docs)
    };
    let mut out = Vec::new();
    for ((path, doc), diags) in paths.iter().zip(&docs).zip(results) {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        for d in diags {
            let (lo, hi) = (
                doc.line_col(d.span.start).line,
                doc.line_col(d.span.end).line,
            );
            out.push((name.clone(), lo, hi, d));
        }
    }
    out
}

pub(crate) fn score(rules: &RuleSet, docs_dir: &Path, expected: &Path) -> Score {
    let expected: Expected = toml::from_str(&std::fs::read_to_string(expected).unwrap()).unwrap();
    let diags = diagnostics(rules, docs_dir, false);
    let covers = |file: &str, line: usize| -> Vec<&Diagnostic> {
        diags
            .iter()
            .filter(|(f, lo, hi, _)| f == file && *lo <= line && line <= *hi)
            .map(|(.., d)| d)
            .collect()
    };
    let mut score = Score::default();
    for f in &expected.finding {
        let of_category: Vec<&Diagnostic> = covers(&f.file, f.line)
            .into_iter()
            .filter(|d| d.category.as_str() == f.category)
            .collect();
        let key = (f.category.clone(), f.level.clone());
        let entry = score.counts.entry(key.clone()).or_default();
        entry.1 += 1;
        if of_category.is_empty() {
            score.misses.push(f.clone());
        } else {
            entry.0 += 1;
        }
        let warned = score.warned.entry(key).or_default();
        if of_category.iter().any(|d| d.severity >= Severity::Warning) {
            *warned += 1;
        }
    }
    for c in &expected.clean {
        for &line in &c.lines {
            for d in covers(&c.file, line)
                .into_iter()
                .filter(|d| d.severity >= Severity::Warning)
            {
                score
                    .false_positives
                    .push(format!("{}:{} {} {}", c.file, line, d.rule, d.message));
            }
        }
    }
    score
}

#[allow(dead_code)]
pub(crate) fn category(name: &str) -> Category {
    Category::ALL
        .into_iter()
        .find(|c| c.as_str() == name)
        .unwrap()
}

/// Paragraph-level detection of splices: how many of a spliced set's inserted
/// paragraphs an off-topic diagnostic covers, out of how many diagnostics.
#[derive(Debug, Default)]
pub(crate) struct SpliceScore {
    /// Inserted paragraphs covered by a diagnostic.
    pub(crate) found: usize,
    /// Inserted paragraphs in the set.
    pub(crate) spliced: usize,
    /// Off-topic diagnostics, each one flagged paragraph (with its headline, if any).
    pub(crate) flagged: usize,
    /// Of those, the ones covering an inserted paragraph.
    pub(crate) correct: usize,
    pub(crate) false_positives: Vec<String>,
}

impl SpliceScore {
    pub(crate) fn recall(&self) -> f64 {
        self.found as f64 / self.spliced.max(1) as f64
    }

    pub(crate) fn precision(&self) -> f64 {
        if self.flagged == 0 {
            1.0
        } else {
            self.correct as f64 / self.flagged as f64
        }
    }

    pub(crate) fn report(&self) -> String {
        let mut s = format!(
            "recall {}/{} = {:.3}, precision {}/{} = {:.3}\n",
            self.found,
            self.spliced,
            self.recall(),
            self.correct,
            self.flagged,
            self.precision()
        );
        for fp in &self.false_positives {
            s.push_str(&format!("FP   {fp}\n"));
        }
        s
    }
}

#[derive(Deserialize)]
struct Splice {
    file: String,
    paragraph_line: usize,
}

/// Scores off-topic diagnostics of at least `min` severity on a spliced set
/// (`docs/` + `splices.jsonl`). With `one_at_a_time`, each file is checked alone, with
/// no statistics from the others.
pub(crate) fn splices(
    rules: &RuleSet,
    set: &Path,
    min: Severity,
    one_at_a_time: bool,
) -> SpliceScore {
    let splices: Vec<Splice> = std::fs::read_to_string(set.join("splices.jsonl"))
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let diags = diagnostics(rules, &set.join("docs"), one_at_a_time);
    let mut score = SpliceScore {
        spliced: splices.len(),
        ..SpliceScore::default()
    };
    let inserted = |file: &str| splices.iter().find(|s| s.file == file);
    for (file, lo, hi, d) in &diags {
        if d.category != Category::OffTopic || d.severity < min {
            continue;
        }
        score.flagged += 1;
        match inserted(file) {
            Some(s) if *lo <= s.paragraph_line && s.paragraph_line <= *hi => score.correct += 1,
            _ => score
                .false_positives
                .push(format!("{file}:{lo}-{hi} {} {}", d.rule, d.message)),
        }
    }
    score.found = splices
        .iter()
        .filter(|s| {
            diags.iter().any(|(f, lo, hi, d)| {
                f == &s.file
                    && d.category == Category::OffTopic
                    && d.severity >= min
                    && *lo <= s.paragraph_line
                    && s.paragraph_line <= *hi
            })
        })
        .count();
    score
}
