//! The `taliq` binary: parses arguments, then opens the annotator or runs a subcommand.

use std::process::ExitCode;

use clap::Parser;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = taliq::cli::Cli::parse();
    match cli.command {
        Some(command) => taliq::cli::run(command),
        None => taliq::app::run(&cli.files),
    }
}
