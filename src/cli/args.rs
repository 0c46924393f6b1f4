//! Command-line arguments (clap derive). Every flag's doc here is its `--help` text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use scrapelint::output::Format;

use super::units::InputKind;

const CHECK_EXAMPLES: &str = "\
Examples:
  scrapelint check articles/                  check every .txt file under articles/
  scrapelint check --format short a.txt       one line per problem (for editors)
  scrapelint check --select boilerplate .     only the boilerplate rules
  scrapelint check --ignore mangled.spun .    everything but one rule
  scrapelint check --rules my-rules.toml .    add your own rules to the built-in ones
  scrapelint check --fix articles/            remove what can safely be removed
  scrapelint check --write-baseline baseline.json articles/   accept today's findings
  scrapelint check --baseline baseline.json articles/         fail only on new ones
  cat a.txt | scrapelint check - --stdin-filename a.txt

Exit status: 0 no problem at or above --fail-on, 1 problems found, 2 usage,
configuration or I/O error.";

const REPORT_EXAMPLES: &str = "\
Examples:
  scrapelint report articles/ -o report.html     one page for the whole corpus
  scrapelint report --select boilerplate . -o -  only the boilerplate rules, to stdout

The page needs no network: styles and charts are inline. Exit status: 0 when the
report was written (whatever it found), 2 on a usage, configuration or I/O error.";

const CLEAN_EXAMPLES: &str = "\
Examples:
  scrapelint clean --input jsonl crawl.jsonl.zst -o clean.jsonl.zst
  scrapelint clean --input jsonl shards/ -o clean.jsonl --rejects rejects.jsonl \\
      --drop-if 'boilerplate_share > 0.5 or off_topic > 0'
  cat crawl.jsonl | scrapelint clean --input jsonl - -o -
  scrapelint clean articles/ -o cleaned/ --rejects rejected/ --drop-if 'score < 0.5'

--drop-if fields: diagnostics, fixed, remaining, errors, warnings, infos, boilerplate,
off_topic, mangled, fragment, encoding, boilerplate_share, flagged_share, score,
bytes_before, bytes_after; operators > >= < <= == !=, and, or, not, parentheses.
See docs/corpus.md.

Exit status: 0 written, 2 usage, configuration or I/O error (bad records included).";

const ABOUT: &str = "A content-quality linter for scraped news articles.

Flags leftover boilerplate (scraper metadata, related-link blocks, comment forms,
captions, syndication footers), off-topic insertions, mangled text and sentence
fragments, with exact line and column spans.";

#[derive(Debug, Parser)]
#[command(
    name = "scrapelint",
    version,
    about = ABOUT,
    propagate_version = true,
    after_help = "Examples:\n  scrapelint check articles/                 lint every article under articles/\n  scrapelint check --fix articles/           remove what can safely be removed\n  scrapelint check --format json . > report.json\n  scrapelint rules                           list the built-in rules\n  scrapelint explain boilerplate.comment-prompt\n\nRun `scrapelint <COMMAND> --help` for a command's options."
)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Check articles: files, directories (walked, honouring .gitignore) or - for stdin.
    #[command(after_help = CHECK_EXAMPLES)]
    Check(CheckArgs),
    /// Write a corpus back with its fixes applied and a `scrapelint` summary per record;
    /// records matching --drop-if go to a rejects file instead.
    #[command(after_help = CLEAN_EXAMPLES)]
    Clean(CleanArgs),
    /// List every rule: id, category, severity and summary.
    #[command(
        after_help = "Examples:\n  scrapelint rules\n  scrapelint rules --format json\n  scrapelint rules --rules my-rules.toml"
    )]
    Rules(RulesArgs),
    /// Print a rule's documentation, with a bad and a good example.
    #[command(
        after_help = "Examples:\n  scrapelint explain boilerplate.comment-prompt\n  scrapelint explain --kind phrase"
    )]
    Explain(ExplainArgs),
    /// Write a corpus report: one self-contained HTML page with totals, charts, the
    /// worst files and examples of each rule.
    #[command(after_help = REPORT_EXAMPLES)]
    Report(ReportArgs),
    /// Run the language server on stdin/stdout (for editors).
    #[command(
        after_help = "Point your editor's LSP client at `scrapelint server` for plain-text files;\nit finds scrapelint.toml from the directory it is started in."
    )]
    Server(ServerArgs),
    /// Print the line classifier's (or with --paragraphs the off-topic combiner's)
    /// features as JSON lines, for fitting the models.
    #[command(hide = true)]
    Features(FeaturesArgs),
}

#[derive(Debug, Args)]
pub(crate) struct ServerArgs {
    /// Show findings in this baseline file as hints (default: the config's `baseline`).
    #[arg(long, value_name = "FILE")]
    pub(crate) baseline: Option<PathBuf>,
    #[command(flatten)]
    pub(crate) sources: RuleSourceArgs,
}

#[derive(Debug, Args)]
pub(crate) struct FeaturesArgs {
    /// Files or directories of articles.
    #[arg(required = true)]
    pub(crate) paths: Vec<PathBuf>,
    /// Print the off-topic combiner's per-paragraph features instead, each file
    /// measured alone (no statistics from the other files).
    #[arg(long)]
    pub(crate) paragraphs: bool,
    #[command(flatten)]
    pub(crate) sources: RuleSourceArgs,
}

/// Where rules come from; shared by every subcommand.
#[derive(Debug, Args, Clone, Default)]
pub(crate) struct RuleSourceArgs {
    /// Config file (default: scrapelint.toml or .scrapelint.toml, searched upward from the
    /// working directory).
    #[arg(long, value_name = "FILE")]
    pub(crate) config: Option<PathBuf>,
    /// Ignore any config file.
    #[arg(long, conflicts_with = "config")]
    pub(crate) isolated: bool,
    /// Add rules from a TOML file or a directory of them (repeatable).
    #[arg(long = "rules", value_name = "PATH")]
    pub(crate) rules: Vec<PathBuf>,
    /// Do not load the built-in rules.
    #[arg(long)]
    pub(crate) no_default_rules: bool,
}

/// Which of the loaded rules run; shared by `check` and `report`.
#[derive(Debug, Args, Clone, Default)]
pub(crate) struct SelectionArgs {
    /// Only run these rules: ids or prefixes such as `boilerplate` or `mangled.rank`
    /// (comma-separated or repeated; replaces the config's `select`).
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    pub(crate) select: Vec<String>,
    /// Skip these rules: ids or prefixes (comma-separated or repeated; added to the
    /// config's `ignore`).
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    pub(crate) ignore: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub(crate) enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

#[derive(Debug, Args)]
pub(crate) struct CheckArgs {
    /// Files or directories to check; `-` reads standard input. Default: `.`
    #[arg(value_name = "PATH")]
    pub(crate) paths: Vec<PathBuf>,
    #[command(flatten)]
    pub(crate) sources: RuleSourceArgs,
    /// Output format.
    #[arg(long, value_enum)]
    pub(crate) format: Option<Format>,
    #[command(flatten)]
    pub(crate) selection: SelectionArgs,
    /// Exit 1 when a problem of at least this severity is found [default: warning].
    #[arg(long, value_enum)]
    pub(crate) fail_on: Option<FailOn>,
    /// Print diagnostics only: no summary line, no progress.
    #[arg(long, short)]
    pub(crate) quiet: bool,
    /// Print the number of problems per rule.
    #[arg(long)]
    pub(crate) statistics: bool,
    /// When to use colours in human output.
    #[arg(long, value_enum, default_value_t)]
    pub(crate) color: ColorChoice,
    /// The file name to report (and match per-file ignores against) for `-`.
    #[arg(long, value_name = "NAME")]
    pub(crate) stdin_filename: Option<String>,
    /// Apply safe fixes in place (atomically); report what remains.
    #[arg(long)]
    pub(crate) fix: bool,
    /// With --fix or --diff, also apply fixes that may remove article text.
    #[arg(long)]
    pub(crate) unsafe_fixes: bool,
    /// Print the fixes as a unified diff instead of writing them.
    #[arg(long, conflicts_with = "fix")]
    pub(crate) diff: bool,
    /// Count and show only findings that are not in this baseline file (default: the
    /// config's `baseline`). See docs/baseline.md.
    #[arg(long, value_name = "FILE")]
    pub(crate) baseline: Option<PathBuf>,
    /// Record every current finding in FILE as the new baseline (after --fix, if
    /// given); nothing is reported and the exit status is 0.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["baseline", "prune_baseline", "diff"])]
    pub(crate) write_baseline: Option<PathBuf>,
    /// Rewrite the baseline without the entries that no longer occur.
    #[arg(long)]
    pub(crate) prune_baseline: bool,
    /// Number of threads (default: one per core).
    #[arg(long, short = 'j', value_name = "N")]
    pub(crate) threads: Option<usize>,
    #[command(flatten)]
    pub(crate) corpus: CorpusArgs,
}

#[derive(Debug, Args)]
pub(crate) struct ReportArgs {
    /// Files or directories of articles; `-` reads standard input. Default: `.`
    #[arg(value_name = "PATH")]
    pub(crate) paths: Vec<PathBuf>,
    /// Where to write the page (replaced atomically); `-` writes standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub(crate) output: PathBuf,
    /// The page's title.
    #[arg(long, default_value = "scrapelint report")]
    pub(crate) title: String,
    #[command(flatten)]
    pub(crate) sources: RuleSourceArgs,
    #[command(flatten)]
    pub(crate) selection: SelectionArgs,
    /// Number of threads (default: one per core).
    #[arg(long, short = 'j', value_name = "N")]
    pub(crate) threads: Option<usize>,
    #[command(flatten)]
    pub(crate) corpus: CorpusArgs,
}

/// How to read the inputs and how much memory the cross-file statistics may take.
#[derive(Debug, Args, Clone)]
pub(crate) struct CorpusArgs {
    /// How to read the inputs: text files, or JSONL records (plain, .gz or .zst; a
    /// directory means every *.jsonl, *.jsonl.gz and *.jsonl.zst under it).
    #[arg(long, value_enum, default_value_t)]
    pub(crate) input: InputKind,
    /// With --input jsonl: the field holding the article text.
    #[arg(long, value_name = "FIELD", default_value = "text")]
    pub(crate) text_field: String,
    /// With --input jsonl: the field naming the record in reports (records without
    /// one are named `FILE:LINE`).
    #[arg(long, value_name = "FIELD", default_value = "id")]
    pub(crate) id_field: String,
    /// Memory for the cross-file statistics, in MB [default: 32]; config key
    /// `corpus-memory`.
    #[arg(long, value_name = "MB")]
    pub(crate) corpus_memory: Option<usize>,
}

#[derive(Debug, Args)]
pub(crate) struct CleanArgs {
    /// Inputs: JSONL files or directories with --input jsonl, else text files or
    /// directories; `-` reads standard input.
    #[arg(value_name = "PATH", required = true)]
    pub(crate) paths: Vec<PathBuf>,
    /// Where to write: a JSONL file (compressed when it ends in .gz or .zst) or `-` for
    /// standard output; for text input, a directory that receives cleaned copies.
    #[arg(long, short, value_name = "PATH")]
    pub(crate) output: PathBuf,
    /// Where dropped records go (a JSONL file, or a directory for text input), each
    /// as it came in with `scrapelint.reason`; without it they are left out.
    #[arg(long, value_name = "PATH")]
    pub(crate) rejects: Option<PathBuf>,
    /// Drop records for which this holds, e.g. `boilerplate_share > 0.5 or off_topic > 0`.
    #[arg(long, value_name = "EXPR")]
    pub(crate) drop_if: Option<String>,
    /// Also apply fixes that may remove article text.
    #[arg(long)]
    pub(crate) unsafe_fixes: bool,
    /// Only run these rules: ids or prefixes (comma-separated or repeated).
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    pub(crate) select: Vec<String>,
    /// Skip these rules: ids or prefixes (comma-separated or repeated).
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    pub(crate) ignore: Vec<String>,
    /// No progress bar and no closing count.
    #[arg(long, short)]
    pub(crate) quiet: bool,
    /// Number of threads (default: one per core).
    #[arg(long, short = 'j', value_name = "N")]
    pub(crate) threads: Option<usize>,
    #[command(flatten)]
    pub(crate) corpus: CorpusArgs,
    #[command(flatten)]
    pub(crate) sources: RuleSourceArgs,
}

#[derive(Debug, Args)]
pub(crate) struct RulesArgs {
    #[command(flatten)]
    pub(crate) sources: RuleSourceArgs,
    /// Output format: a table, or JSON.
    #[arg(long, value_enum, default_value_t)]
    pub(crate) format: ListFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub(crate) enum ListFormat {
    #[default]
    Table,
    Json,
}

#[derive(Debug, Args)]
pub(crate) struct ExplainArgs {
    /// A rule id, e.g. `boilerplate.comment-prompt`.
    #[arg(required_unless_present = "kind")]
    pub(crate) rule: Option<String>,
    /// Explain a rule kind (phrase, pattern, ...) instead of a rule.
    #[arg(long, value_name = "KIND", conflicts_with = "rule")]
    pub(crate) kind: Option<String>,
    #[command(flatten)]
    pub(crate) sources: RuleSourceArgs,
}
