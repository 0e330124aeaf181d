//! Starting the window: on a corpus file, the last corpus or the welcome screen, a review
//! or a team project.

use crate::app::i18n::tr;
use std::path::Path;
use std::process::ExitCode;

use super::{AppState, Source, TaliqApp, crash, project};

/// The name eframe keeps the window's settings under, and taliq its own data beside them.
const APP_ID: &str = "taliq";
/// The file in [`data_home`] where eframe keeps the window's settings.
const SETTINGS_FILE: &str = "app.ron";

/// Where taliq keeps data of its own (the recovery file of work without a file): the folder
/// eframe keeps the settings in, by each system's convention — `$XDG_DATA_HOME/taliq` or
/// `~/.local/share/taliq` on Linux, `~/Library/Application Support/taliq` on macOS,
/// `%APPDATA%\taliq\data` on Windows.
fn data_home() -> Option<std::path::PathBuf> {
    eframe::storage_dir(APP_ID)
}

/// Writes frame times (UI, tessellation, painting and buffer swap; seconds), one per line.
pub(crate) fn write_frame_log(path: &Path, times: &[f32]) {
    let lines = times
        .iter()
        .map(f32::to_string)
        .collect::<Vec<_>>()
        .join("\n");
    let _ = crate::format::write_atomic(path, lines.as_bytes(), false);
}

/// Gives egui's own widgets the bundled Arabic font as a fallback, so that single Arabic
/// words in tooltips and buttons show letters at all (longer Arabic goes through the text engine).
pub fn install_fallback_font(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        "noto-naskh-arabic".to_owned(),
        std::sync::Arc::new(egui::FontData::from_static(
            crate::text::fonts::NOTO_NASKH_ARABIC,
        )),
    );
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .push("noto-naskh-arabic".to_owned());
    }
    ctx.set_fonts(fonts);
}

#[allow(
    clippy::print_stderr,
    reason = "start-up errors go to the terminal that started us"
)]
fn report_start_error(message: &dyn std::fmt::Display) {
    eprintln!("taliq: {message}");
}

/// What the state says while it is made (a stale lock taken over, a review opened, a file
/// that does not open) comes before eframe hands the window its settings: it takes
/// `TALIQ_LANG`'s language, else the remembered one (read from eframe's settings file
/// here), else the system's.
fn speak_before_the_window() {
    let remembered = data_home()
        .and_then(|dir| std::fs::read_to_string(dir.join(SETTINGS_FILE)).ok())
        .and_then(|text| super::settings::remembered_interface(&text));
    let (language, digits) =
        super::settings::starting_interface(remembered, crate::app::i18n::locale::environment);
    crate::app::i18n::set_locale(language, digits);
}

/// Opens the window on `paths` (see [`start_state`]; one project folder opens the project),
/// else on the last corpus, else on the welcome screen, and runs until it is closed.
pub fn run(paths: &[std::path::PathBuf]) -> ExitCode {
    speak_before_the_window();
    if let [dir] = paths
        && project::is_project(dir)
    {
        return match project::ProjectMode::open(dir) {
            Ok(mode) => {
                let mut state = AppState::new(crate::model::Corpus::default(), Source::Untitled);
                state.prefs.untitled_home = data_home();
                launch(state, Some(mode))
            }
            Err(e) => {
                report_start_error(&e);
                ExitCode::FAILURE
            }
        };
    }
    launch(start_state(paths, data_home()), None)
}

/// The state the window starts with on `paths`: one corpus file opened; .txt files and
/// folders of them imported, as File → Import text files does; none, nothing open (the
/// welcome screen; [`TaliqApp::reopen_last_corpus`] then opens the last corpus, once the
/// remembered files are known). The recovery file of work without a file is kept in
/// `home`, and unsaved work of an earlier session is offered back when nothing is asked
/// for. A file that cannot be opened or imported leaves a window that lists its problems.
pub fn start_state(paths: &[std::path::PathBuf], home: Option<std::path::PathBuf>) -> AppState {
    let text_files = !paths.is_empty()
        && paths
            .iter()
            .all(|p| p.is_dir() || p.extension().is_some_and(|e| e.eq_ignore_ascii_case("txt")));
    let mut state = match paths {
        [] => AppState::new(crate::model::Corpus::default(), Source::Untitled),
        _ if text_files => {
            let mut state = AppState::new(
                crate::model::Corpus::with_default_labels(),
                Source::Untitled,
            );
            state.prefs.untitled_home.clone_from(&home);
            if let Err(first) = state.open_paths(paths) {
                // The window lists every problem (open_paths keeps them); the terminal gets
                // the first.
                report_start_error(&first);
            }
            state
        }
        [path] => match AppState::open(path) {
            Ok(state) => state,
            Err(e) => {
                // Started from a file manager nobody reads stderr: the window shows the
                // problems (on an empty corpus), and the terminal gets them too.
                report_start_error(&e);
                let mut state = AppState::new(crate::model::Corpus::default(), Source::Untitled);
                state.problems = Some(e.into());
                state
            }
        },
        _ => {
            // The terminal keeps English (the command line's language); the window says it in
            // the window's.
            report_start_error(&"open one corpus file, or any number of .txt files and folders");
            let mut state = AppState::new(crate::model::Corpus::default(), Source::Untitled);
            state.problems = Some(tr!("dialogs-open-one-corpus-or-folders").into());
            state
        }
    };
    state.prefs.untitled_home = home;
    if !text_files && state.source.path().is_none() {
        state.look_for_recovery();
    }
    state
}

impl TaliqApp {
    /// Started with no file (from the applications menu, or `taliq` alone): opens the most
    /// recent corpus that still exists, so work goes on where it stopped. Nothing is opened
    /// when the window already shows something, or unsaved work without a file is offered
    /// back (taking it back comes first); a recent file that is gone is said in the status
    /// line, and one that no longer opens lists its problems. Otherwise the welcome stays.
    pub fn reopen_last_corpus(&mut self) {
        if !super::welcome::is_shown(&self.state)
            || self.state.recovery.is_some()
            || self.state.problems.is_some()
        {
            return;
        }
        let Some(last) = self.recent.first().cloned() else {
            return;
        };
        if !last.is_file() {
            self.state.say(tr!(
                "dialogs-last-corpus-gone",
                path = crate::text::isolates::path_unit(&last.display().to_string())
            ));
            return;
        }
        if let Err(e) = self.state.open_paths(&[last]) {
            self.state.say(e);
        }
    }
}

/// Opens the window in review mode on the annotators' corpora and the gold file (created if
/// missing), and runs until it is closed.
pub fn run_review(annotators: &[std::path::PathBuf], gold: &Path) -> ExitCode {
    speak_before_the_window();
    let mut state = AppState::new(crate::model::Corpus::default(), Source::Untitled);
    if let Err(e) = state.open_review(annotators, gold) {
        report_start_error(&e);
        return ExitCode::FAILURE;
    }
    state.prefs.untitled_home = data_home();
    launch(state, None)
}

/// Opens the window in review mode on the team project in `dir` (see
/// [`AppState::open_project_review`]), and runs until it is closed.
pub fn run_project_review(dir: &Path) -> ExitCode {
    speak_before_the_window();
    let mut state = AppState::new(crate::model::Corpus::default(), Source::Untitled);
    if let Err(e) = state.open_project_review(dir) {
        report_start_error(&e);
        return ExitCode::FAILURE;
    }
    state.prefs.untitled_home = data_home();
    launch(state, None)
}

/// The window's icon (the desktop entry's, drawn at 128 px): what the task bar and the
/// window switcher show.
pub fn window_icon() -> egui::IconData {
    const ICON: &[u8] = include_bytes!("../../assets/desktop/taliq-128.png");
    crate::text::raster::Canvas::decode_png(ICON).map_or_else(
        |_| egui::IconData::default(),
        |canvas| egui::IconData {
            rgba: canvas.pixels,
            width: canvas.width,
            height: canvas.height,
        },
    )
}

/// Runs the window on `state` (and the project, if any) until it is closed.
fn launch(state: AppState, project: Option<project::ProjectMode>) -> ExitCode {
    crash::install_panic_hook();
    let started_without_file = super::welcome::is_shown(&state) && project.is_none();
    let mut app = TaliqApp::new(state, crate::text::fonts::font_system(true));
    app.state.project = project;
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("taliq — تعليق")
            .with_inner_size([1000.0, 700.0])
            .with_icon(window_icon()),
        ..Default::default()
    };
    let start = |cc: &eframe::CreationContext<'_>| -> Result<Box<dyn eframe::App>, _> {
        install_fallback_font(&cc.egui_ctx);
        let mut app = app;
        let remembered = cc.storage.is_some_and(|storage| app.load_settings(storage));
        app.choose_language(remembered, crate::app::i18n::locale::environment);
        if started_without_file {
            app.reopen_last_corpus();
        }
        app.remember_file();
        app.frame_log = std::env::var_os("TALIQ_FRAME_LOG").map(|p| (p.into(), Vec::new()));
        app.debug_crash = crash::DebugCrash::from_env();
        app.files.dialogs = crate::app::file_chooser::FileDialogs::from_environment();
        Ok(Box::new(app))
    };
    match eframe::run_native(APP_ID, options, Box::new(start)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            report_start_error(&e);
            ExitCode::FAILURE
        }
    }
}
