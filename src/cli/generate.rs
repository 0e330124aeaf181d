//! `taliq generate`: the manual pages and the shell completions, made from the argument
//! definitions themselves, so they can never fall behind them (the Debian package and the
//! release archives are built with them; see `packaging/`).

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::CommandFactory as _;

/// What `taliq generate` writes.
#[derive(Debug, clap::Subcommand)]
pub enum GenerateCommand {
    /// The manual pages: taliq.1 and a taliq-SUBCOMMAND.1 for every subcommand.
    Man {
        /// Folder to write the pages into (created if missing); without it, taliq.1 alone
        /// is printed.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
    /// The completions of a shell (bash, zsh, fish, powershell, elvish).
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
        /// Folder to write the file into (created if missing; named as the shell expects:
        /// taliq.bash, _taliq, taliq.fish, _taliq.ps1, taliq.elv); without it, printed.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
}

pub(super) fn run(command: &GenerateCommand) -> ExitCode {
    let result = match command {
        GenerateCommand::Man { out: Some(dir) } => man_pages(dir).map(|files| {
            for file in files {
                println!("{}", file.display());
            }
        }),
        GenerateCommand::Man { out: None } => {
            let mut page = Vec::new();
            clap_mangen::Man::new(super::Cli::command())
                .render(&mut page)
                .and_then(|()| std::io::stdout().write_all(&page))
                .map_err(|e| format!("cannot write the manual page: {e}"))
        }
        GenerateCommand::Completions {
            shell,
            out: Some(dir),
        } => completions(*shell, dir).map(|file| println!("{}", file.display())),
        GenerateCommand::Completions { shell, out: None } => {
            clap_complete::generate(
                *shell,
                &mut super::Cli::command(),
                "taliq",
                &mut std::io::stdout(),
            );
            Ok(())
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => super::fail(&e),
    }
}

/// Writes `taliq.1` and a page for every visible subcommand (`taliq-project-init.1`, …)
/// into `dir`; returns the files written.
///
/// # Errors
/// When the folder cannot be made or a page cannot be written, naming the path.
fn man_pages(dir: &Path) -> Result<Vec<PathBuf>, String> {
    make_folder(dir)?;
    let mut written = Vec::new();
    let mut command = super::Cli::command().disable_help_subcommand(true);
    command.build();
    write_pages(&command, dir, &mut written)?;
    Ok(written)
}

fn write_pages(
    command: &clap::Command,
    dir: &Path,
    written: &mut Vec<PathBuf>,
) -> Result<(), String> {
    let man = clap_mangen::Man::new(command.clone());
    let path = dir.join(man.get_filename());
    let mut page = Vec::new();
    man.render(&mut page)
        .and_then(|()| std::fs::write(&path, page))
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    written.push(path);
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        write_pages(sub, dir, written)?;
    }
    Ok(())
}

/// Writes the completions of `shell` into `dir`, under the name that shell looks for;
/// returns the file written.
///
/// # Errors
/// When the folder cannot be made or the file cannot be written, naming the path.
fn completions(shell: clap_complete::Shell, dir: &Path) -> Result<PathBuf, String> {
    make_folder(dir)?;
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut super::Cli::command(), "taliq", &mut script);
    let path = dir.join(clap_complete::Generator::file_name(&shell, "taliq"));
    std::fs::write(&path, script).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(path)
}

fn make_folder(dir: &Path) -> Result<(), String> {
    std::fs::create_dir_all(dir)
        .map_err(|e| format!("cannot make the folder {}: {e}", dir.display()))
}
