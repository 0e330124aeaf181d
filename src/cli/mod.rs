//! The command line: argument parsing and the headless subcommands.
//!
//! Each subcommand is a thin caller of the library; output goes to stdout, errors to stderr.
#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    reason = "the CLI's job is printing"
)]

mod import;
mod stats;
mod validate;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// Command-line arguments of the `taliq` binary.
#[derive(Debug, Parser)]
#[command(
    name = "taliq",
    version,
    about = "Annotate Arabic text: exact code-point spans, right-to-left done right",
    long_about = "Annotate Arabic text: exact code-point spans, right-to-left done right.\n\n\
                  With no subcommand, opens the annotator on FILE (a corpus) or on the bundled sample.",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// Corpus file to open in the annotator (default: the bundled sample).
    pub file: Option<PathBuf>,
    /// Headless work on corpus files.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The headless subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check corpus files and report every problem (exit 0 valid, 1 invalid, 2 usage error).
    Validate {
        /// Corpus files (.json or .jsonl).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Print one JSON object per problem instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Count documents by status and spans by label and by annotator.
    Stats {
        /// Corpus file (.json or .jsonl).
        file: PathBuf,
        /// Print the counts as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Build a corpus from files in another format.
    Import {
        /// Format of the input files.
        #[arg(long, value_enum)]
        format: ImportFormat,
        /// Input files, or folders whose files of that format are all imported.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Corpus file to write (.json or .jsonl).
        #[arg(long)]
        out: PathBuf,
        /// Overwrite OUT if it exists (the old file is kept as OUT.bak).
        #[arg(long)]
        force: bool,
    },
}

/// Input formats `taliq import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImportFormat {
    /// UTF-8 plain text, one document per file, id from the file stem.
    Txt,
}

/// Runs a headless subcommand and returns the process exit code.
pub fn run(command: Command) -> ExitCode {
    match command {
        Command::Validate { files, json } => validate::run(&files, json),
        Command::Stats { file, json } => stats::run(&file, json),
        Command::Import {
            format: ImportFormat::Txt,
            paths,
            out,
            force,
        } => import::run_txt(&paths, &out, force),
    }
}

/// Prints an error with its causes and returns exit code 1.
fn fail(error: &dyn std::fmt::Display) -> ExitCode {
    eprintln!("taliq: {error}");
    ExitCode::FAILURE
}
