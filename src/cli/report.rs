//! `scrapelint report`: check a corpus like `check` does and write the HTML report.

use std::io::Write;
use std::path::Path;
use std::sync::Arc;

use scrapelint::report::{Limits, ReportInfo, ReportStats, render_html};
use scrapelint::rules::{RuleMeta, RuleSet};

use super::args::ReportArgs;
use super::check::{self, Job, Outcome, Plan};
use super::config::LoadedConfig;
use super::progress::{self, Progress};
use super::{Exit, report_error};

pub(crate) fn run(args: ReportArgs, config: LoadedConfig, mut rules: RuleSet) -> Exit {
    let plan = check::plan(
        &args.paths,
        &args.selection,
        &args.corpus,
        None,
        &config,
        &mut rules,
    );
    let Ok(Plan {
        units,
        walk_errors,
        per_file_ignores,
    }) = plan
    else {
        return Exit::Error;
    };
    let mut stats = ReportStats::new(Limits::default());
    for e in &walk_errors {
        stats.add_unreadable(e);
    }
    let progress = Progress::new(
        progress::wanted(false, args.output.as_os_str() == "-"),
        units.total_bytes,
        units.unit_name(),
    );
    let corpus = check::first_pass(
        &rules,
        &units,
        check::corpus_capacity(&args.corpus, &config),
        &progress,
        false,
    );
    let job = Job::check_only(&rules, &corpus, per_file_ignores, &config.root);
    progress.phase("checking");
    let _ = units.for_each(
        &progress,
        |u| job.check(&units, u),
        |o: Outcome| {
            if let Some(e) = &o.error {
                progress.suspend(|| report_error(e));
                stats.add_unreadable(e);
            } else if let Some(doc) = &o.doc {
                stats.add(&o.display, doc.text(), &o.diagnostics);
            }
            Ok::<(), ()>(())
        },
    );
    progress.finish();
    let run_rules: Vec<Arc<RuleMeta>> = rules.enabled().cloned().collect();
    let named: Vec<String> = if args.paths.is_empty() {
        vec![".".to_owned()]
    } else {
        args.paths.iter().map(|p| p.display().to_string()).collect()
    };
    let info = ReportInfo {
        title: &args.title,
        inputs: &named,
        rules: &run_rules,
    };
    let mut page = Vec::new();
    if let Err(e) = render_html(&stats, &info, &mut page) {
        return report_error(&format!("cannot render the report: {e}"));
    }
    if let Err(e) = write_page(&args.output, &page) {
        return report_error(&e);
    }
    if stats.unreadable > 0 {
        Exit::Error
    } else {
        Exit::Clean
    }
}

/// Writes `page` to standard output for `-`, else atomically (a temporary file in
/// the same folder, renamed over the target).
fn write_page(path: &Path, page: &[u8]) -> Result<(), String> {
    if path.as_os_str() == "-" {
        let mut out = std::io::stdout().lock();
        return match out.write_all(page).and_then(|()| out.flush()) {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                Err(format!("cannot write output: {e}"))
            }
            _ => Ok(()),
        };
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let fail = |e: std::io::Error| format!("{}: cannot write the report: {e}", path.display());
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(fail)?;
    tmp.write_all(page).map_err(fail)?;
    // Temporary files are private (0600); a report is meant to be shared.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))
            .map_err(fail)?;
    }
    tmp.persist(path).map_err(|e| fail(e.error))?;
    Ok(())
}
