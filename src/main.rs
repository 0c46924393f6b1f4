//! The `scrapelint` binary: a thin layer from arguments to the library and back.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
