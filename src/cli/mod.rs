//! The command line: argument parsing and the headless subcommands.
//!
//! Each subcommand is a thin caller of the library; output goes to stdout, errors to stderr.
#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    reason = "the CLI's job is printing"
)]

mod adjudicate;
mod agree;
mod evaluate;
mod export;
mod generate;
mod import;
mod import_suggestions;
mod progress;
mod project;
mod render;
mod save_loop;
mod shape;
mod stats;
mod suggest;
mod train;
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
                  With no subcommand, opens the annotator on FILE (a corpus) or imports the .txt \
                  files and folders given as File → Import text files does; with none, opens the \
                  last corpus opened, else a welcome screen (open, import, project, or the sample).",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// A corpus file to open in the annotator, a project folder, or .txt files and
    /// folders of them to import (default: the last corpus, else a welcome screen).
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
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
    /// Export a corpus for other tools (jsonl, conll, hf, brat, label-studio, doccano).
    Export(ExportArgs),
    /// Measure agreement between annotators' corpora of the same documents (matched by id).
    Agree {
        /// Two or more corpus files (.json or .jsonl), one per annotator.
        #[arg(required = true, num_args = 2..)]
        files: Vec<PathBuf>,
        /// Print every figure as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Open the review window: every annotator's spans over the same documents, adjudicated
    /// into a gold corpus whose spans record which annotators had them.
    Review {
        /// Two or more corpus files (.json or .jsonl), one per annotator.
        #[arg(required = true, num_args = 2..)]
        files: Vec<PathBuf>,
        /// The gold corpus file: opened to go on with a review, created if missing.
        #[arg(long)]
        gold: PathBuf,
    },
    /// Accept every span all annotators agree on into the gold file (created if missing),
    /// without a window; the disagreements are left for `taliq review`.
    Adjudicate {
        /// Two or more corpus files (.json or .jsonl), one per annotator.
        #[arg(required = true, num_args = 2..)]
        files: Vec<PathBuf>,
        /// The gold corpus file: updated if it exists, created if missing.
        #[arg(long)]
        gold: PathBuf,
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
        /// Encoding of txt files: utf-8, utf-16le, utf-16be, windows-1256 (cp1256) or
        /// iso-8859-6. Without it a byte-order mark decides, else UTF-8.
        #[arg(long, value_name = "NAME", value_parser = crate::interchange::plain_text::encoding::TextEncoding::from_label)]
        encoding: Option<crate::interchange::plain_text::encoding::TextEncoding>,
    },
    /// Write a copy of a corpus with suggestions from the matcher (learned from the corpus's
    /// spans and the gazetteers given) in each document, or with --as-spans as spans.
    Suggest(SuggestArgs),
    /// Write a copy of a corpus with another tool's predictions (Label Studio `predictions`
    /// or JSONL) as suggestions; every bad span is listed and nothing is written.
    ImportSuggestions(ImportSuggestionsArgs),
    /// Shape text as one run and print its glyphs, like HarfBuzz's hb-shape.
    Shape(ShapeArgs),
    /// Draw a document with its spans highlighted to a PNG (no window or GPU needed).
    Render {
        /// Corpus file (.json or .jsonl).
        file: PathBuf,
        /// Id of the document to draw (default: the first).
        #[arg(long)]
        doc: Option<String>,
        /// Page width in pixels.
        #[arg(long, default_value_t = 900)]
        width: u32,
        /// Font size in pixels.
        #[arg(long, default_value_t = 22.0)]
        font_size: f32,
        /// PNG file to write.
        #[arg(long)]
        out: PathBuf,
    },
    /// Train a suggestion tagger (a CRF) on every span of the given corpora; with --folds,
    /// also cross-validate over K folds of contiguous documents and print the figures.
    Train(train::TrainArgs),
    /// A team's project folder on git: who annotates which document, progress, agreement.
    #[command(subcommand)]
    Project(project::ProjectCommand),
    /// Score a tagger model against a gold corpus: exact-match P/R/F1 per label, micro and
    /// macro (start, end and label must all match, as conlleval).
    Evaluate {
        /// Gold corpus file (.json, .jsonl, or CoNLL .conll).
        gold: PathBuf,
        /// Model file made by `taliq train`.
        #[arg(long)]
        model: PathBuf,
        /// Print the figures as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Write the manual pages or a shell's completions, made from these very options (for
    /// packagers, or to install them by hand).
    #[command(subcommand)]
    Generate(generate::GenerateCommand),
    /// Test hook: opens FILE as the window does and repeats an edit, an autosave and a save
    /// through the window's own code, so a test can kill it mid-write (tests/kill9.rs).
    #[command(hide = true)]
    SaveLoop {
        /// Corpus file to open and save.
        file: PathBuf,
        /// How many edit-autosave-save rounds (0: until killed).
        #[arg(long, default_value_t = 0)]
        rounds: u64,
    },
}

/// Options of `taliq export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// Corpus file (.json or .jsonl).
    pub file: PathBuf,
    /// Output format.
    #[arg(long, value_enum)]
    pub format: crate::interchange::Format,
    /// File or folder to write (a folder with --split, and for brat); see docs/formats.md.
    #[arg(long)]
    pub out: PathBuf,
    /// Offset unit of the jsonl export, written on every line.
    #[arg(long, value_enum, default_value = "codepoint")]
    pub offset_unit: crate::interchange::OffsetUnit,
    /// Tag scheme of conll and hf.
    #[arg(long, value_enum, default_value = "iob2")]
    pub scheme: crate::interchange::Scheme,
    /// What conll and hf do with a span edge inside a token.
    #[arg(long, value_enum, default_value = "split")]
    pub align: crate::interchange::Align,
    /// Export only documents with these statuses, e.g. done,reviewed.
    #[arg(long, value_delimiter = ',')]
    pub status: Vec<crate::model::Status>,
    /// Export only this annotator's spans, and only documents where they made one.
    #[arg(long)]
    pub annotator: Option<String>,
    /// Split into train/dev/test by percentages, e.g. 80/10/10 (or train/test, 90/10).
    #[arg(long)]
    pub split: Option<crate::interchange::Split>,
    /// Seed of the split's shuffle; the same seed gives the same split.
    #[arg(long, default_value_t = 0)]
    pub seed: u64,
    /// Overwrite output files that exist.
    #[arg(long)]
    pub force: bool,
}

/// Options of `taliq suggest`.
#[derive(Debug, clap::Args)]
pub struct SuggestArgs {
    /// Corpus file (.json or .jsonl): its spans teach the matcher, its documents get suggestions.
    pub corpus: PathBuf,
    /// Corpus file to write (.json or .jsonl).
    #[arg(long)]
    pub out: PathBuf,
    /// Leave out suggestions scoring below this (0 to 1).
    #[arg(long, default_value_t = 0.0)]
    pub min_score: f32,
    /// Write the suggestions as spans that record their source (pre-annotation).
    #[arg(long)]
    pub as_spans: bool,
    /// Gazetteer files (UTF-8, one LABEL<TAB>name per line) the matcher learns too.
    #[arg(long, value_name = "FILE")]
    pub gazetteer: Vec<PathBuf>,
    /// A tagger model (from `taliq train`) that suggests besides the matcher.
    #[arg(long, value_name = "MODEL")]
    pub model: Option<PathBuf>,
    /// Leave the matcher out: only the model suggests (needs --model).
    #[arg(long, requires = "model")]
    pub no_matcher: bool,
    /// Overwrite OUT if it exists (the old file is kept as OUT.bak).
    #[arg(long)]
    pub force: bool,
}

/// Options of `taliq import-suggestions`.
#[derive(Debug, clap::Args)]
pub struct ImportSuggestionsArgs {
    /// Corpus file (.json or .jsonl) whose documents the predictions are for (matched by id).
    pub corpus: PathBuf,
    /// Predictions file: Label Studio tasks (JSON) or JSONL `{"id", "spans": [{"start", "end", "label", "score"}]}`.
    pub predictions: PathBuf,
    /// Corpus file to write (.json or .jsonl).
    #[arg(long)]
    pub out: PathBuf,
    /// Format of the predictions (default: jsonl for .jsonl files, else ls).
    #[arg(long, value_enum)]
    pub format: Option<crate::suggest::external::PredictionFormat>,
    /// Unit of the predictions' offsets; utf16 (JavaScript tools) is converted to code points.
    #[arg(long, value_enum, default_value = "codepoint")]
    pub offset_unit: crate::interchange::OffsetUnit,
    /// The `source` the suggestions record, e.g. the model's name.
    #[arg(long, default_value = "external")]
    pub source: String,
    /// Overwrite OUT if it exists (the old file is kept as OUT.bak).
    #[arg(long)]
    pub force: bool,
}

/// Options of `taliq shape`.
#[derive(Debug, clap::Args)]
pub struct ShapeArgs {
    /// The text to shape as one run.
    pub text: String,
    /// Font file to shape with (default: the bundled Noto Naskh Arabic).
    #[arg(long)]
    pub font: Option<PathBuf>,
    /// Run direction (default: that of the first strong character).
    #[arg(long, value_enum)]
    pub direction: Option<crate::text::shape::Direction>,
    /// ISO 15924 script tag, e.g. Arab (default: guessed from the text).
    #[arg(long)]
    pub script: Option<String>,
    /// BCP 47 language tag, e.g. ar (default: none).
    #[arg(long)]
    pub language: Option<String>,
    /// Print JSON like `hb-shape --output-format=json` (fields g, cl, ax, dx, dy).
    #[arg(long)]
    pub json: bool,
}

/// Input formats `taliq import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImportFormat {
    /// Plain text, one document per file, id from the file stem (UTF-8, UTF-16 with a
    /// byte-order mark, or the `--encoding` given).
    Txt,
    /// JSONL with `id`, `text`, `spans` and `offset_unit`, as `taliq export --format jsonl` writes.
    Jsonl,
    /// CoNLL `TOKEN … TAG` lines (IOB1, IOB2 or BIOES); text rebuilt from the tokens.
    Conll,
    /// brat `.ann` files with their `.txt` beside them.
    Brat,
    /// Label Studio task JSON.
    LabelStudio,
    /// doccano sequence-labelling JSONL (UTF-16 offsets).
    Doccano,
}

/// Runs a headless subcommand and returns the process exit code.
pub fn run(command: Command) -> ExitCode {
    match command {
        Command::Validate { files, json } => validate::run(&files, json),
        Command::Stats { file, json } => stats::run(&file, json),
        Command::Export(args) => export::run(&args),
        Command::Agree { files, json } => agree::run(&files, json),
        Command::Review { files, gold } => crate::app::run_review(&files, &gold),
        Command::Adjudicate { files, gold } => adjudicate::run(&files, &gold),
        Command::Import {
            format,
            paths,
            out,
            force,
            encoding,
        } => import::run(format, &paths, &out, force, encoding),
        Command::Suggest(args) => suggest::run(&args),
        Command::ImportSuggestions(args) => import_suggestions::run(&args),
        Command::Shape(args) => shape::run(&args),
        Command::Render {
            file,
            doc,
            width,
            font_size,
            out,
        } => render::run(&file, doc.as_deref(), width, font_size, &out),
        Command::Train(args) => train::run(&args),
        Command::Evaluate { gold, model, json } => evaluate::run(&gold, &model, json),
        Command::SaveLoop { file, rounds } => save_loop::run(&file, rounds),
        Command::Project(command) => project::run(command),
        Command::Generate(command) => generate::run(&command),
    }
}

/// Prints an error with its causes and returns exit code 1.
/// Refuses, before any work, to write over `out` when it exists and `--force` was not given.
fn refuse_to_overwrite(out: &std::path::Path, force: bool) -> Option<ExitCode> {
    (out.exists() && !force).then(|| {
        fail(&crate::format::SaveError::Exists {
            path: out.to_path_buf(),
        })
    })
}

/// "1 document", "2 documents": a count with its noun in the right number.
fn count(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}

fn fail(error: &dyn std::fmt::Display) -> ExitCode {
    eprintln!("taliq: {error}");
    ExitCode::FAILURE
}
