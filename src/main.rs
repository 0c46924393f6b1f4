//! The `scrapelint` binary: a thin layer from arguments to the library and back.

mod cli;

/// jemalloc: the checks allocate many small strings per word, which the system
/// allocator serves more slowly (docs/performance.md, "tenth round").
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> std::process::ExitCode {
    cli::main()
}
