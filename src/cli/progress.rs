//! The progress bar on stderr for long runs: units done, MB/s and ETA (indicatif).
//!
//! Shown only when stderr is a terminal, `--quiet` is off and the output is not
//! machine output written to that same terminal.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// A bar over the bytes of the input, or nothing.
#[derive(Debug)]
pub(crate) struct Progress {
    bar: Option<ProgressBar>,
    unit: &'static str,
}

/// Whether a run should show a bar: `machine_stdout` is true when stdout carries
/// JSON, SARIF, records or the like.
pub(crate) fn wanted(quiet: bool, machine_stdout: bool) -> bool {
    !quiet
        && std::io::stderr().is_terminal()
        && !(machine_stdout && std::io::stdout().is_terminal())
}

impl Progress {
    /// A bar for `total_bytes` of input counting `unit`s (files, records); hidden
    /// unless `show`.
    pub(crate) fn new(show: bool, total_bytes: u64, unit: &'static str) -> Self {
        let bar = show.then(|| {
            let bar = ProgressBar::with_draw_target(
                Some(total_bytes),
                ProgressDrawTarget::stderr_with_hz(4),
            );
            let style = ProgressStyle::with_template(
                "{prefix} [{elapsed_precise}] {wide_bar} {msg} {binary_bytes}/{binary_total_bytes} {binary_bytes_per_sec} ETA {eta}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar());
            bar.set_style(style);
            bar.enable_steady_tick(Duration::from_millis(250));
            bar
        });
        Progress { bar, unit }
    }

    /// Names the phase (the statistics pass, the check).
    pub(crate) fn phase(&self, name: &'static str) {
        if let Some(bar) = &self.bar {
            bar.set_prefix(name);
            bar.set_message("");
            bar.reset();
        }
    }

    /// `bytes` of input read so far, `units` done.
    pub(crate) fn update(&self, bytes: u64, units: usize) {
        if let Some(bar) = &self.bar {
            bar.set_position(bytes);
            bar.set_message(format!("{units} {}", self.unit));
        }
    }

    /// Runs `f` (which writes to the terminal) with the bar hidden.
    pub(crate) fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        match &self.bar {
            Some(bar) => bar.suspend(f),
            None => f(),
        }
    }

    pub(crate) fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
