//! `taliq project`: a team's project folder on git (init, add, sync, review, adjudicate,
//! status).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::project::{self, AddReport, Sources};

/// What `taliq project` does.
#[derive(Debug, clap::Subcommand)]
pub enum ProjectCommand {
    /// Make a project folder (a git repository) from corpora or .txt files: each document
    /// goes to K annotators, loads balanced within one document, reproducible by the seed.
    Init {
        /// The project folder (created if missing).
        dir: PathBuf,
        /// Corpus files (.json, .jsonl) or .txt files and folders of them.
        #[arg(long, required = true, num_args = 1..)]
        from: Vec<PathBuf>,
        /// The annotators, comma-separated (each gets annotations/NAME.json).
        #[arg(long, required = true, value_delimiter = ',')]
        annotators: Vec<String>,
        /// How many annotators each document goes to.
        #[arg(long, default_value_t = 2)]
        overlap: usize,
        /// Seed of the assignment's tie-breaks.
        #[arg(long, default_value_t = 0)]
        seed: u64,
        /// The project's name (default: the folder's name).
        #[arg(long)]
        name: Option<String>,
    },
    /// Add documents (assigned as at init; started work is never moved) or an annotator
    /// (who gets only documents added from then on).
    Add {
        /// The project folder.
        dir: PathBuf,
        /// Corpus files or .txt files and folders of them.
        #[arg(long, num_args = 1.., required_unless_present = "annotator", conflicts_with = "annotator")]
        from: Vec<PathBuf>,
        /// A new annotator's name.
        #[arg(long)]
        annotator: Option<String>,
    },
    /// Commit NAME's own file, fetch, merge, push: offline or on a failed push the commit
    /// stays local; a file changed on two machines keeps both versions.
    Sync {
        /// The project folder (a clone).
        dir: PathBuf,
        /// Whose work this clone holds.
        #[arg(long = "as", value_name = "NAME")]
        annotator: String,
        /// The git remote to sync with.
        #[arg(long, default_value = "origin")]
        remote: String,
    },
    /// Open the review window on the documents finished by all their annotators, one group
    /// of annotators at a time, into gold.json.
    Review {
        /// The project folder.
        dir: PathBuf,
    },
    /// Accept the spans all of a document's annotators agree on into gold.json, for every
    /// document finished by all its annotators; disagreements are left for a reviewer.
    Adjudicate {
        /// The project folder.
        dir: PathBuf,
    },
    /// Per annotator: assigned, new, in progress, done; agreement on finished documents;
    /// what is ready for review; what gold holds.
    Status {
        /// The project folder.
        dir: PathBuf,
        /// Print everything, per document too, as JSON.
        #[arg(long)]
        json: bool,
    },
}

pub(super) fn run(command: ProjectCommand) -> ExitCode {
    match command {
        ProjectCommand::Init {
            dir,
            from,
            annotators,
            overlap,
            seed,
            name,
        } => {
            let name = name.unwrap_or_else(|| folder_name(&dir));
            let result = Sources::read(&from).and_then(|sources| {
                project::init(&dir, &name, sources, &annotators, overlap, seed)
            });
            match result {
                Ok((_, report)) => {
                    print_report(&report, "init", &dir);
                    ExitCode::SUCCESS
                }
                Err(e) => super::fail(&e),
            }
        }
        ProjectCommand::Add {
            dir,
            from,
            annotator: Some(annotator),
        } if from.is_empty() => match project::add_annotator(&dir, &annotator) {
            Ok(_) => {
                eprintln!(
                    "taliq: {annotator} joined {}; they receive documents added from now on",
                    dir.display()
                );
                ExitCode::SUCCESS
            }
            Err(e) => super::fail(&e),
        },
        ProjectCommand::Add { dir, from, .. } => {
            match Sources::read(&from).and_then(|sources| project::add_documents(&dir, sources)) {
                Ok(report) => {
                    print_report(&report, "add", &dir);
                    ExitCode::SUCCESS
                }
                Err(e) => super::fail(&e),
            }
        }
        ProjectCommand::Sync {
            dir,
            annotator,
            remote,
        } => match project::sync(&dir, &annotator, &remote) {
            Ok(report) => {
                eprintln!("taliq: {}", report.describe().replace('\n', "\ntaliq: "));
                ExitCode::SUCCESS
            }
            Err(e) => super::fail(&e),
        },
        ProjectCommand::Review { dir } => crate::app::run_project_review(&dir),
        ProjectCommand::Adjudicate { dir } => match project::adjudicate(&dir) {
            Ok(done) => {
                println!(
                    "{}: {} in {} documents; {} candidates left to review; {} documents in gold",
                    dir.join(project::GOLD_FILE).display(),
                    done.accepted.describe(),
                    done.documents,
                    done.pending,
                    done.in_gold
                );
                ExitCode::SUCCESS
            }
            Err(e) => super::fail(&e),
        },
        ProjectCommand::Status { dir, json } => match project::status(&dir) {
            Ok(status) if json => {
                match serde_json::to_string_pretty(&status) {
                    Ok(text) => println!("{text}"),
                    Err(e) => return super::fail(&e),
                }
                ExitCode::SUCCESS
            }
            Ok(status) => {
                print!("{}", status.to_text());
                ExitCode::SUCCESS
            }
            Err(e) => super::fail(&e),
        },
    }
}

fn folder_name(dir: &Path) -> String {
    std::path::absolute(dir)
        .ok()
        .and_then(|d| d.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| "project".to_owned())
}

fn print_report(report: &AddReport, what: &str, dir: &Path) {
    let shares: Vec<String> = report
        .per_annotator
        .iter()
        .map(|(name, n)| format!("{name} {n}"))
        .collect();
    eprintln!(
        "taliq: project {what}: {} document{} in {} ({}); committed",
        report.documents,
        if report.documents == 1 { "" } else { "s" },
        dir.display(),
        shares.join(", ")
    );
}
