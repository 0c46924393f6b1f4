//! Corpus statistics for the report, gathered one file at a time in bounded memory:
//! counts are exact, examples and worst files are bounded samples.

use std::cmp::{Ordering, Reverse};
use std::collections::{BTreeMap, BinaryHeap, HashMap};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::ops::Range;
use std::sync::Arc;

use crate::diagnostic::{Category, Diagnostic};

use super::Excerpt;

/// Histogram bins of per-file boilerplate share: bin 0 is "none", bin `i` (1..=10)
/// holds shares in `((i-1)/10, i/10]`.
pub const SHARE_BINS: usize = 11;

/// Folder name for files with no parent folder (and for JSONL ids).
const ROOT_FOLDER: &str = ".";
/// Name that collects every folder past [`Limits::folders`].
const OTHER_FOLDERS: &str = "(other folders)";

/// How much of the corpus the report keeps; everything else is only counted.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Example findings kept per rule (from distinct files, sampled by hash).
    pub examples_per_rule: usize,
    /// Files kept in the "worst files" table.
    pub worst_files: usize,
    /// Excerpts kept for each worst file.
    pub excerpts_per_file: usize,
    /// Folders tracked separately; later new folders are pooled.
    pub folders: usize,
    /// Unreadable inputs whose reason is kept.
    pub unreadable: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            examples_per_rule: 3,
            worst_files: 20,
            excerpts_per_file: 3,
            folders: 10_000,
            unreadable: 20,
        }
    }
}

/// Counts and samples for one rule.
#[derive(Debug, Clone, Default)]
pub struct RuleStats {
    pub category: Option<Category>,
    pub findings: usize,
    pub files: usize,
    /// One finding each from the files whose hash (with the rule id) is smallest: a
    /// sample spread over the whole corpus that does not depend on the files' order.
    samples: Vec<(u64, Excerpt)>,
}

impl RuleStats {
    /// The sampled findings, in path order.
    pub fn examples(&self) -> Vec<&Excerpt> {
        let mut v: Vec<&Excerpt> = self.samples.iter().map(|(_, e)| e).collect();
        v.sort_by(|a, b| (&a.path, a.line).cmp(&(&b.path, b.line)));
        v
    }

    /// Keeps the finding `d` of file `path` if its key is among the `k` smallest.
    fn offer(&mut self, k: usize, path: &str, text: &str, d: &Diagnostic) {
        let mut h = DefaultHasher::new();
        (&*d.rule, path).hash(&mut h);
        let key = h.finish();
        if self.samples.len() < k {
            self.samples.push((key, Excerpt::new(path, text, d)));
            return;
        }
        let largest = self.samples.iter().enumerate().max_by_key(|(_, s)| s.0);
        if let Some((i, _)) = largest.filter(|(_, s)| key < s.0) {
            self.samples[i] = (key, Excerpt::new(path, text, d));
        }
    }
}

/// Counts for one folder (a site, in a corpus laid out by site).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FolderStats {
    pub files: usize,
    pub files_with_findings: usize,
    pub findings: usize,
}

impl FolderStats {
    /// Share of the folder's files with at least one finding.
    pub fn problem_rate(&self) -> f64 {
        ratio(self.files_with_findings, self.files)
    }

    /// The lower end of the problem rate's 95 % Wilson interval: what folders are
    /// ranked by, so that 2 bad files of 2 do not outrank 390 of 400.
    pub fn problem_rate_lower_bound(&self) -> f64 {
        if self.files == 0 {
            return 0.0;
        }
        const Z2: f64 = 1.96 * 1.96;
        let (n, p) = (self.files as f64, self.problem_rate());
        let spread = (p * (1.0 - p) / n + Z2 / (4.0 * n * n)).sqrt();
        (p + Z2 / (2.0 * n) - 1.96 * spread) / (1.0 + Z2 / n)
    }
}

/// One of the worst files: its counts and a few excerpts.
#[derive(Debug, Clone)]
pub struct FileSummary {
    pub path: String,
    pub findings: usize,
    /// Share of the file's non-blank lines inside boilerplate findings (0 to 1).
    pub boilerplate_share: f64,
    pub excerpts: Vec<Excerpt>,
}

impl FileSummary {
    /// More findings first, then more boilerplate, then path order.
    fn rank(&self, other: &Self) -> Ordering {
        self.findings
            .cmp(&other.findings)
            .then(self.boilerplate_share.total_cmp(&other.boilerplate_share))
            .then_with(|| other.path.cmp(&self.path))
    }
}

/// Heap entry ordered by [`FileSummary::rank`].
#[derive(Debug)]
struct Ranked(FileSummary);

impl PartialEq for Ranked {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Ranked {}
impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Ranked {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.rank(&other.0)
    }
}

/// Everything the report shows, fed one file at a time with [`ReportStats::add`].
#[derive(Debug, Default)]
pub struct ReportStats {
    limits: Limits,
    pub files: usize,
    pub files_with_findings: usize,
    pub findings: usize,
    pub by_category: BTreeMap<Category, usize>,
    pub rules: BTreeMap<Arc<str>, RuleStats>,
    /// Files per boilerplate-share bin (see [`SHARE_BINS`]).
    pub boilerplate_share: [usize; SHARE_BINS],
    pub folders: HashMap<String, FolderStats>,
    /// Inputs that could not be read, and the first few reasons.
    pub unreadable: usize,
    pub unreadable_reasons: Vec<String>,
    /// A min-heap of the worst files seen so far.
    worst: BinaryHeap<Reverse<Ranked>>,
}

impl ReportStats {
    pub fn new(limits: Limits) -> Self {
        ReportStats {
            limits,
            ..ReportStats::default()
        }
    }

    /// Adds one checked file: `text` is the text the `diagnostics`' spans point into.
    pub fn add(&mut self, path: &str, text: &str, diagnostics: &[Diagnostic]) {
        self.files += 1;
        self.findings += diagnostics.len();
        if !diagnostics.is_empty() {
            self.files_with_findings += 1;
        }
        let share = boilerplate_share(text, diagnostics);
        self.boilerplate_share[share_bin(share)] += 1;
        self.add_to_folder(path, diagnostics.len());
        self.add_to_rules(path, text, diagnostics);
        if !diagnostics.is_empty() {
            self.offer_worst(path, text, diagnostics, share);
        }
    }

    /// Counts an input that could not be read or decoded.
    pub fn add_unreadable(&mut self, reason: &str) {
        self.unreadable += 1;
        if self.unreadable_reasons.len() < self.limits.unreadable {
            self.unreadable_reasons.push(reason.to_owned());
        }
    }

    /// Share of files with at least one finding.
    pub fn share_with_findings(&self) -> f64 {
        ratio(self.files_with_findings, self.files)
    }

    /// The worst files, worst first.
    pub fn worst_files(&self) -> Vec<&FileSummary> {
        let mut v: Vec<&FileSummary> = self.worst.iter().map(|r| &r.0.0).collect();
        v.sort_by(|a, b| b.rank(a));
        v
    }

    /// Folders by problem rate (its lower bound, then files with findings, then name),
    /// highest first.
    pub fn folders_by_problem_rate(&self) -> Vec<(&str, &FolderStats)> {
        let mut v: Vec<(&str, &FolderStats)> =
            self.folders.iter().map(|(k, s)| (k.as_str(), s)).collect();
        v.sort_by(|a, b| {
            b.1.problem_rate_lower_bound()
                .total_cmp(&a.1.problem_rate_lower_bound())
                .then(b.1.files_with_findings.cmp(&a.1.files_with_findings))
                .then(a.0.cmp(b.0))
        });
        v
    }

    fn add_to_folder(&mut self, path: &str, findings: usize) {
        let folder = match path.rfind(['/', '\\']) {
            Some(i) if i > 0 => &path[..i],
            _ => ROOT_FOLDER,
        };
        let key = if self.folders.contains_key(folder) || self.folders.len() < self.limits.folders {
            folder
        } else {
            OTHER_FOLDERS
        };
        let f = self.folders.entry(key.to_owned()).or_default();
        f.files += 1;
        f.findings += findings;
        if findings > 0 {
            f.files_with_findings += 1;
        }
    }

    fn add_to_rules(&mut self, path: &str, text: &str, diagnostics: &[Diagnostic]) {
        let mut seen: Vec<&str> = Vec::new();
        for d in diagnostics {
            *self.by_category.entry(d.category).or_default() += 1;
            let r = self.rules.entry(d.rule.clone()).or_default();
            r.category = Some(d.category);
            r.findings += 1;
            if seen.contains(&&*d.rule) {
                continue;
            }
            seen.push(&d.rule);
            r.files += 1;
            r.offer(self.limits.examples_per_rule, path, text, d);
        }
    }

    fn offer_worst(&mut self, path: &str, text: &str, diagnostics: &[Diagnostic], share: f64) {
        let mut candidate = FileSummary {
            path: path.to_owned(),
            findings: diagnostics.len(),
            boilerplate_share: share,
            excerpts: Vec::new(),
        };
        if self.worst.len() >= self.limits.worst_files {
            match self.worst.peek() {
                Some(Reverse(least)) if candidate.rank(&least.0) == Ordering::Greater => {
                    self.worst.pop();
                }
                _ => return,
            }
        }
        if self.limits.worst_files == 0 {
            return;
        }
        // Excerpts are made only for files that enter the heap.
        candidate.excerpts = diagnostics
            .iter()
            .take(self.limits.excerpts_per_file)
            .map(|d| Excerpt::new(path, text, d))
            .collect();
        self.worst.push(Reverse(Ranked(candidate)));
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// The histogram bin of a share in `[0, 1]`.
fn share_bin(share: f64) -> usize {
    if share <= 0.0 {
        0
    } else {
        ((share * 10.0).ceil() as usize).clamp(1, SHARE_BINS - 1)
    }
}

/// Share of the non-blank lines of `text` that a boilerplate finding touches.
fn boilerplate_share(text: &str, diagnostics: &[Diagnostic]) -> f64 {
    let spans: Vec<&Range<usize>> = diagnostics
        .iter()
        .filter(|d| d.category == Category::Boilerplate)
        .map(|d| &d.span)
        .collect();
    let (mut lines, mut covered, mut start) = (0usize, 0usize, 0usize);
    for line in text.split_inclusive('\n') {
        let range = start..start + line.len();
        start = range.end;
        if line.trim().is_empty() {
            continue;
        }
        lines += 1;
        let end = range.start + line.trim_end().len();
        if spans
            .iter()
            .any(|s| s.start < end && range.start < s.end.max(s.start + 1))
        {
            covered += 1;
        }
    }
    ratio(covered, lines)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;

    fn diag(rule: &str, category: Category, span: Range<usize>) -> Diagnostic {
        Diagnostic {
            rule: rule.into(),
            category,
            severity: Severity::Warning,
            message: format!("{rule} here"),
            span,
            suggestion: None,
            fix: None,
        }
    }

    const TEXT: &str = "Headline\n\nBody one.\nShare this\nBody two.\n";

    #[test]
    fn counts_files_findings_families_and_rules() {
        let mut s = ReportStats::new(Limits::default());
        let share = diag("boilerplate.share", Category::Boilerplate, 20..30);
        let frag = diag("fragment.x", Category::Fragment, 10..19);
        s.add("site-a/1.txt", TEXT, &[share.clone(), frag, share.clone()]);
        s.add("site-a/2.txt", TEXT, &[]);
        s.add("site-b/3.txt", TEXT, &[share]);
        assert_eq!((s.files, s.files_with_findings, s.findings), (3, 2, 4));
        assert_eq!(s.by_category[&Category::Boilerplate], 3);
        assert_eq!(s.by_category[&Category::Fragment], 1);
        let r = &s.rules["boilerplate.share"];
        assert_eq!((r.findings, r.files, r.examples().len()), (3, 2, 2));
        assert_eq!(r.examples()[0].marked, "Share this");
        assert_eq!(r.examples()[0].path, "site-a/1.txt", "path order");
        assert!((s.share_with_findings() - 2.0 / 3.0).abs() < 1e-9);
        let folders = s.folders_by_problem_rate();
        assert_eq!(folders[0].0, "site-b");
        assert_eq!(
            folders[1],
            (
                "site-a",
                &FolderStats {
                    files: 2,
                    files_with_findings: 1,
                    findings: 3
                }
            )
        );
    }

    #[test]
    fn boilerplate_share_is_binned_per_file() {
        let mut s = ReportStats::new(Limits::default());
        // One of four non-blank lines: 25 % → bin 3 (20-30 %).
        s.add("a.txt", TEXT, &[diag("b", Category::Boilerplate, 20..30)]);
        // Fragments do not count as boilerplate.
        s.add("b.txt", TEXT, &[diag("f", Category::Fragment, 0..8)]);
        // Every line: 100 % → last bin.
        s.add(
            "c.txt",
            TEXT,
            &[diag("b", Category::Boilerplate, 0..TEXT.len())],
        );
        s.add("d.txt", "", &[]);
        let mut expected = [0; SHARE_BINS];
        expected[0] = 2;
        expected[3] = 1;
        expected[10] = 1;
        assert_eq!(s.boilerplate_share, expected);
    }

    #[test]
    fn samples_and_worst_files_stay_bounded() {
        let limits = Limits {
            examples_per_rule: 2,
            worst_files: 3,
            excerpts_per_file: 1,
            folders: 2,
            unreadable: 1,
        };
        let mut s = ReportStats::new(limits);
        for i in 0..50 {
            let diags: Vec<_> = (0..i % 7)
                .map(|_| diag("r", Category::Mangled, 0..4))
                .collect();
            s.add(&format!("f{i:02}/{i:02}.txt"), TEXT, &diags);
            s.add_unreadable("bad");
        }
        assert_eq!(s.rules["r"].examples().len(), 2);
        assert_eq!(s.unreadable, 50);
        assert_eq!(s.unreadable_reasons.len(), 1);
        assert_eq!(s.folders.len(), 3, "two folders and the pool");
        assert_eq!(s.folders[OTHER_FOLDERS].files, 48);
        let worst: Vec<_> = s
            .worst_files()
            .iter()
            .map(|f| (f.path.clone(), f.findings))
            .collect();
        // Six findings: files 6, 13, 20, ...; ties go to the earlier path.
        assert_eq!(
            worst,
            [
                ("f06/06.txt".into(), 6),
                ("f13/13.txt".into(), 6),
                ("f20/20.txt".into(), 6)
            ]
        );
        assert!(s.worst_files().iter().all(|f| f.excerpts.len() == 1));
    }

    #[test]
    fn examples_are_a_sample_that_ignores_file_order() {
        let limits = Limits {
            examples_per_rule: 3,
            ..Limits::default()
        };
        let paths: Vec<String> = (0..40).map(|i| format!("site-{}/{i}.txt", i % 8)).collect();
        let sample = |order: &mut dyn Iterator<Item = &String>| {
            let mut s = ReportStats::new(limits);
            for p in order {
                s.add(p, TEXT, &[diag("r", Category::Mangled, 0..8)]);
            }
            let e = s.rules["r"].examples();
            e.iter().map(|e| e.path.clone()).collect::<Vec<_>>()
        };
        let forward = sample(&mut paths.iter());
        assert_eq!(forward.len(), 3);
        assert_eq!(forward, sample(&mut paths.iter().rev()));
        assert_ne!(forward, paths[..3], "not simply the first files");
    }

    #[test]
    fn small_folders_do_not_outrank_large_ones_on_rate_alone() {
        let folder = |files, bad| FolderStats {
            files,
            files_with_findings: bad,
            findings: bad,
        };
        let (tiny, large) = (folder(2, 2), folder(400, 390));
        assert!(tiny.problem_rate() > large.problem_rate());
        assert!(tiny.problem_rate_lower_bound() < large.problem_rate_lower_bound());
        // 95 % Wilson bound of 1 in 1: 0.2065.
        assert!((folder(1, 1).problem_rate_lower_bound() - 0.2065).abs() < 1e-3);
        assert_eq!(folder(0, 0).problem_rate_lower_bound(), 0.0);
        assert!(folder(10, 0).problem_rate_lower_bound().abs() < 1e-12);
    }
}
