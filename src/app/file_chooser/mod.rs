//! Asking the person for a file: the system's dialog when there is one, else taliq's own
//! chooser drawn in the window (Arabic names through the text engine), and the answer handed
//! to what asked ([`FilePurpose`]). A dialog always comes: when the system's fails, the
//! status line says so and taliq's opens instead.
//!
//! A frame's request ([`crate::app::AppState::ask_for_file`]) is answered by [`ask`] at the
//! end of the frame; the chooser's window is drawn by [`show`].

pub mod state;
pub mod system;
pub mod window;

use std::path::{Path, PathBuf};

use crate::app::AppState;
use crate::app::state::file_request::FilePurpose;
use crate::app::widgets::TextEngine;
pub use state::{Chooser, Step};
pub use system::FileDialogs;

/// The window's file choosing: which dialog it uses, taliq's chooser while open, and the
/// folder the last file was chosen in (the next chooser starts there).
#[derive(Debug, Default)]
pub struct FileChoosing {
    /// The system's dialog or taliq's.
    pub dialogs: FileDialogs,
    /// taliq's own chooser, while it is open.
    pub chooser: Option<Chooser>,
    /// Where the last file was chosen.
    pub last_folder: Option<PathBuf>,
}

/// Answers a request for `purpose`: the system's dialog when there is one (a cancel does
/// nothing; a failure is said, and taliq's chooser opens instead), else taliq's chooser.
pub fn ask(state: &mut AppState, files: &mut FileChoosing, purpose: FilePurpose) {
    let folder = start_folder(state, files);
    if files.dialogs.use_system() {
        match system::pick(purpose, &folder) {
            Ok(Some(paths)) => {
                chosen(state, files, purpose, paths);
                return;
            }
            Ok(None) => return,
            Err(e) => {
                // Not again this session: the next request opens taliq's at once.
                files.dialogs = FileDialogs::Builtin;
                state.say(crate::app::i18n::tr!(
                    "file-chooser-system-failed",
                    detail = e
                ));
            }
        }
    }
    let mut chooser = Chooser::new(purpose, &folder);
    // Save As on a corpus with a file offers its name (a copy beside it is one edit away).
    if purpose == FilePurpose::SaveCorpusAs
        && let Some(name) = state.source.path().as_deref().and_then(Path::file_name)
    {
        chooser.typed = name.to_string_lossy().into_owned();
    }
    files.chooser = Some(chooser);
}

/// Draws taliq's chooser while it is open, and hands a choice to what asked for it.
pub fn show(
    ctx: &egui::Context,
    state: &mut AppState,
    files: &mut FileChoosing,
    engine: &mut TextEngine,
) {
    let Some(chooser) = files.chooser.as_mut() else {
        return;
    };
    match window::show(ctx, chooser, engine) {
        window::Outcome::Open => {}
        window::Outcome::Cancelled => files.chooser = None,
        window::Outcome::Chosen(paths) => {
            let purpose = chooser.purpose;
            files.chooser = None;
            chosen(state, files, purpose, paths);
        }
    }
}

/// Where a chooser starts: where the last file was chosen, else the open corpus's folder,
/// the working folder, the home folder.
fn start_folder(state: &AppState, files: &FileChoosing) -> PathBuf {
    files
        .last_folder
        .clone()
        .or_else(|| {
            state
                .source
                .path()
                .and_then(|p| p.parent().map(Path::to_path_buf))
        })
        .filter(|p| p.is_dir())
        .or_else(|| std::env::current_dir().ok())
        .or_else(std::env::home_dir)
        // The root of the current drive on Windows.
        .unwrap_or_else(|| PathBuf::from("/"))
}

/// Hands `paths`, chosen for `purpose`, to it; what fails is said in the status line.
fn chosen(
    state: &mut AppState,
    files: &mut FileChoosing,
    purpose: FilePurpose,
    paths: Vec<PathBuf>,
) {
    let Some(first) = paths.first().cloned() else {
        return;
    };
    // The folder the choice was made in (a project folder's too: its parent).
    files.last_folder = first.parent().map(Path::to_path_buf);
    let done = match purpose {
        FilePurpose::OpenCorpus | FilePurpose::ImportText => state.open_paths(&paths),
        FilePurpose::SaveCorpusAs => state
            .save_as(&first, true)
            .map_err(|e| crate::app::i18n::Worded::worded(&e)),
        FilePurpose::OpenProject => state.open_project(&first),
        FilePurpose::LoadModel => state.load_model(&first),
        FilePurpose::SaveModel => state.save_model(&first),
        FilePurpose::AddGazetteer => state.add_gazetteer(&first),
        FilePurpose::ReviewFiles => {
            state.review_opener.files.extend(paths);
            Ok(())
        }
        FilePurpose::ReviewGold => {
            state.review_opener.gold = first.display().to_string();
            Ok(())
        }
    };
    if let Err(e) = done {
        state.say(e);
    }
}
