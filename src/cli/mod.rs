//! The binary's side: arguments, config, file walking and the subcommands.
//! Everything that prints or exits lives here, none of it in the library.

mod args;
mod baseline;
mod check;
mod clean;
mod config;
mod features;
mod list;
mod progress;
mod records;
mod report;
mod server;
mod units;
mod walk;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use codespan_reporting::term::termcolor::{BufferedStandardStream, ColorChoice, StandardStream};

use scrapelint::output::{Format, render_load_errors};
use scrapelint::rules::{LoadError, LoadOptions, Origin, RuleSet, RuleSources};

use args::{Cli, ColorChoice as ColorArg, Command, RuleSourceArgs};
use config::{ConfigError, LoadedConfig};

pub(crate) type Stdout = BufferedStandardStream;

/// The process exit status: 0 clean, 1 findings, 2 usage/config/IO error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Exit {
    Clean,
    Findings,
    Error,
}

impl From<Exit> for ExitCode {
    fn from(e: Exit) -> Self {
        match e {
            Exit::Clean => ExitCode::SUCCESS,
            Exit::Findings => ExitCode::from(1),
            Exit::Error => ExitCode::from(2),
        }
    }
}

pub(crate) fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            // --help and --version print to stdout and succeed; real usage errors exit 2.
            let _ = e.print();
            return if e.use_stderr() {
                Exit::Error
            } else {
                Exit::Clean
            }
            .into();
        }
    };
    run(cli).into()
}

fn run(cli: Cli) -> Exit {
    let threads = match &cli.command {
        Command::Check(a) => a.threads,
        Command::Report(a) => a.threads,
        Command::Clean(a) => a.threads,
        _ => None,
    };
    if let Some(n) = threads {
        // Before anything touches the pool: loading the rules builds on it, and a
        // global pool cannot be resized once it exists.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global();
    }
    match cli.command {
        Command::Check(args) => {
            let (config, rules) = match setup(&args.sources) {
                Ok(x) => x,
                Err(exit) => return exit,
            };
            let format = args.format.or(config.config.format).unwrap_or_default();
            let mut out = stdout(args.color, format);
            check::run(args, config, rules, &mut out)
        }
        Command::Report(args) => match setup(&args.sources) {
            Ok((config, rules)) => report::run(args, config, rules),
            Err(exit) => exit,
        },
        Command::Clean(args) => match setup(&args.sources) {
            Ok((config, rules)) => clean::run(args, config, rules),
            Err(exit) => exit,
        },
        Command::Rules(args) => match setup(&args.sources) {
            Ok((_, rules)) => list::rules(
                &rules,
                args.format,
                &mut stdout(ColorArg::Never, Format::Short),
            ),
            Err(exit) => exit,
        },
        Command::Server(args) => match setup(&args.sources) {
            Ok((config, mut rules)) => {
                let selection = scrapelint::rules::Selection {
                    select: config.config.select.clone(),
                    ignore: config.config.ignore.clone(),
                };
                if let Err(e) = rules.select(selection) {
                    return report_error(&e);
                }
                let baseline = match args.baseline.or_else(|| config.baseline_path()) {
                    Some(path) => match scrapelint::baseline::Baseline::load(&path) {
                        Ok(b) => Some(b),
                        Err(e) => return report_error(&e.to_string()),
                    },
                    None => None,
                };
                // One warm rule set answers every request: parse its data up front.
                if let Err(e) = rules.parse_data() {
                    return report_error(&e.join("; "));
                }
                server::run(rules, baseline)
            }
            Err(exit) => exit,
        },
        Command::Features(args) => match setup(&args.sources) {
            Ok((_, rules)) => {
                let out = &mut stdout(ColorArg::Never, Format::Short);
                if args.paragraphs {
                    features::run_paragraphs(&args.paths, &rules, out)
                } else {
                    features::run(&args.paths, rules, out)
                }
            }
            Err(exit) => exit,
        },
        Command::Explain(args) => match setup(&args.sources) {
            Ok((_, rules)) => list::explain(
                &rules,
                args.rule.as_deref(),
                args.kind.as_deref(),
                &mut stdout(ColorArg::Never, Format::Short),
            ),
            Err(exit) => exit,
        },
    }
}

fn stdout(color: ColorArg, format: Format) -> Stdout {
    let plain = !matches!(format, Format::Human);
    let choice = match color {
        _ if plain => ColorChoice::Never,
        ColorArg::Always => ColorChoice::Always,
        ColorArg::Never => ColorChoice::Never,
        ColorArg::Auto if std::io::stdout().is_terminal() => ColorChoice::Auto,
        ColorArg::Auto => ColorChoice::Never,
    };
    BufferedStandardStream::stdout(choice)
}

pub(crate) fn stderr() -> StandardStream {
    let choice = if std::io::stderr().is_terminal() {
        ColorChoice::Auto
    } else {
        ColorChoice::Never
    };
    StandardStream::stderr(choice)
}

/// Prints `error: message` on stderr; returns the exit status for errors.
pub(crate) fn report_error(message: &str) -> Exit {
    let mut err = stderr();
    let _ = writeln!(err, "scrapelint: error: {message}");
    Exit::Error
}

/// Loads the config and the rules it and the flags name; errors are printed.
fn setup(src: &RuleSourceArgs) -> Result<(LoadedConfig, RuleSet), Exit> {
    let config =
        config::load(src.config.as_deref(), src.isolated).map_err(|e| render_config_error(&e))?;
    let mut sources = if src.no_default_rules || config.config.no_default_rules {
        RuleSources::new()
    } else {
        RuleSources::builtin()
    };
    let mut errors = Vec::new();
    for path in config.rule_paths().iter().chain(&src.rules) {
        if let Err(e) = sources.add_path(path) {
            errors.push(e);
        }
    }
    let options = LoadOptions {
        severity: config
            .config
            .severity
            .iter()
            .map(|(k, v)| (k.clone(), *v))
            .collect(),
    };
    let loaded = if errors.is_empty() {
        RuleSet::load(&sources, &options)
    } else {
        Err(errors)
    };
    match loaded {
        Ok(rules) => Ok((config, rules)),
        Err(errors) => {
            let _ = render_load_errors(&mut stderr(), &sources, &errors);
            let n = errors.len();
            report_error(&format!("{n} error(s) in rule files; nothing was checked"));
            Err(Exit::Error)
        }
    }
}

fn render_config_error(e: &ConfigError) -> Exit {
    let mut sources = RuleSources::new();
    let file = sources.add_text(
        e.path.display().to_string(),
        e.text.clone(),
        Origin::File(e.path.clone()),
    );
    let err = match &e.span {
        Some(span) => LoadError::at(
            file,
            span.clone(),
            format!("invalid config file: {}", e.message),
        ),
        None => LoadError::general(e.message.clone()),
    };
    let _ = render_load_errors(&mut stderr(), &sources, &[err]);
    Exit::Error
}
