//! The desktop window (eframe). State lives in [`AppState`], drawing in [`view`].
//!
//! The window lists the corpus's documents and shows the selected one through the text
//! engine ([`document_view`]); selecting and labelling come with the annotator.

mod access;
mod banners;
pub mod bidi_field;
pub mod commands;
pub mod crash;
mod dialogs;
pub mod document_view;
pub mod export_dialog;
pub mod glyph_atlas;
pub mod label_drafts;
mod label_editor;
mod links_panel;
pub mod links_state;
mod panels;
pub mod project;
pub mod project_overview;
pub mod reading;
pub mod recovery;
mod review_links;
mod review_links_view;
mod review_state;
pub mod review_view;
pub mod search_bar;
mod state;
pub mod suggest;
pub mod view;

use std::path::Path;
use std::process::ExitCode;

pub use access::FileAccess;
pub use review_state::Review;
pub use state::{AppState, Source};

/// Where the annotator's name is remembered between runs (eframe storage).
const USER_KEY: &str = "taliq.annotator";
/// Where the recent files are remembered between runs (eframe storage).
const RECENT_KEY: &str = "taliq.recent";

/// The bundled sample corpus: the seed news article with the default labels.
pub const SAMPLE_CORPUS: &str = include_str!("../../assets/sample/sample.json");

/// Where quitting stands (window close or Ctrl+Q).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Quit {
    /// The question asked on quitting with unsaved changes (save / discard / cancel) is shown.
    pub asking: bool,
    /// Quitting was decided: the next close request goes through.
    pub confirmed: bool,
    /// The window should close at the end of this frame.
    pub closing: bool,
}

/// The eframe application: the state, the text engine it draws with, and the open view.
#[derive(Debug)]
pub struct TaliqApp {
    /// Everything the window shows and edits.
    pub state: AppState,
    /// Fonts and glyph atlas.
    pub engine: document_view::TextEngine,
    /// The view of the selected document.
    pub document_view: Option<document_view::DocumentView>,
    /// Whether the shortcut overlay (F1) is shown.
    pub show_help: bool,
    /// Whether Help → About is shown.
    pub show_about: bool,
    /// The typed path of the file row (open / save as without a dialog).
    pub path_field: String,
    /// The annotator's name as it is being typed.
    pub name_field: String,
    /// The picked span's note while it is edited.
    pub note_field: links_panel::NoteField,
    /// Corpus files opened lately, newest first (remembered between runs).
    pub recent: Vec<std::path::PathBuf>,
    /// File → Export….
    pub export: export_dialog::ExportDialog,
    /// The window that starts a review.
    pub review_opener: review_view::ReviewOpener,
    /// A crash on request (tests of [`crash`]; `TALIQ_DEBUG_CRASH`).
    pub debug_crash: Option<crash::DebugCrash>,
    /// Set once a panic's unsaved work was written, so it is not written twice.
    crash_saved: bool,
    /// Where quitting stands.
    pub quit: Quit,
    /// Harakat, font, size, spacing (remembered between runs).
    pub reading: reading::ReadingOptions,
    /// View → Reading options….
    pub reading_window: reading::ReadingWindow,
    /// Where to write each frame's time on exit (`TALIQ_FRAME_LOG`), and the times so far.
    frame_log: Option<(std::path::PathBuf, Vec<f32>)>,
    /// The team project the window is open on (`taliq DIR`), if any.
    pub project: Option<project::ProjectMode>,
    /// The annotator chosen in each project folder opened before (folder → name).
    pub remembered_projects: std::collections::BTreeMap<String, String>,
    /// Which side panels are shown (View menu; remembered between runs).
    pub panels: Panels,
}

/// Which side panels the window shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Panels {
    /// The document list, on the left.
    pub documents: bool,
    /// Spans and suggestions (or the review), on the right.
    pub side: bool,
}

impl Default for Panels {
    fn default() -> Self {
        Self {
            documents: true,
            side: true,
        }
    }
}

/// The settings key of [`Panels`].
const PANELS_KEY: &str = "taliq-panels";

impl TaliqApp {
    /// Closes every open dialog (Export, Labels, Reading options, Start a review, Agreement,
    /// Shortcuts, About, Guidelines, Project overview) as Escape does; whether one was open. The label editor's drafts are
    /// dropped, as its cancel button does.
    pub fn close_dialogs(&mut self) -> bool {
        let agreement = self
            .state
            .review
            .as_mut()
            .is_some_and(|review| std::mem::take(&mut review.show_agreement));
        let guidelines = self
            .project
            .as_mut()
            .is_some_and(|mode| std::mem::take(&mut mode.show_guidelines));
        let overview = self
            .project
            .as_mut()
            .is_some_and(|mode| std::mem::take(&mut mode.show_overview));
        let closed = [
            guidelines,
            overview,
            std::mem::take(&mut self.export.open),
            std::mem::take(&mut self.review_opener.open),
            std::mem::take(&mut self.reading_window.open),
            std::mem::take(&mut self.show_help),
            std::mem::take(&mut self.show_about),
            self.state.label_drafts.take().is_some() | self.state.link_drafts.take().is_some(),
            agreement,
        ];
        closed.contains(&true)
    }

    /// An app on `state`, drawing with `font_system` (bundled fonts; plus system fonts outside tests).
    pub fn new(state: AppState, font_system: cosmic_text::FontSystem) -> Self {
        Self {
            state,
            engine: document_view::TextEngine::new(font_system),
            document_view: None,
            show_help: false,
            show_about: false,
            path_field: String::new(),
            name_field: String::new(),
            note_field: links_panel::NoteField::default(),
            recent: Vec::new(),
            export: export_dialog::ExportDialog::default(),
            review_opener: review_view::ReviewOpener::default(),
            debug_crash: None,
            crash_saved: false,
            quit: Quit::default(),
            reading: reading::ReadingOptions::default(),
            reading_window: reading::ReadingWindow::default(),
            frame_log: None,
            project: None,
            remembered_projects: std::collections::BTreeMap::new(),
            panels: Panels::default(),
        }
    }

    /// Puts the open corpus's file at the top of the recent files (at most ten).
    pub fn remember_file(&mut self) {
        if let Some(path) = self.state.source.path() {
            let path = std::fs::canonicalize(&path).unwrap_or(path);
            self.recent.retain(|p| *p != path);
            self.recent.insert(0, path);
            self.recent.truncate(10);
        }
    }

    /// Draws one frame of the whole window, and autosaves when it is time. A panic in the
    /// frame writes the unsaved work to the recovery file first ([`crash`]).
    pub fn show(&mut self, ui: &mut egui::Ui) {
        crash::guarded(self, |app| app.frame(ui));
    }

    /// Quits (window close, Ctrl+Q): at once when everything is saved, else after asking
    /// save / discard / cancel. Returns whether the window may close now.
    pub fn request_quit(&mut self) -> bool {
        if self.quit.confirmed || !self.state.history.is_dirty() || self.state.is_read_only() {
            self.quit.closing = true;
            return true;
        }
        self.quit.asking = true;
        false
    }

    /// The answer to the quit question: `Some(true)` saves then quits, `Some(false)`
    /// discards then quits, `None` cancels.
    pub fn answer_quit(&mut self, save: Option<bool>) {
        self.quit.asking = false;
        match save {
            Some(true) => match self.state.save() {
                Ok(()) => self.quit.confirmed = true,
                Err(e) => {
                    // The bundled sample or untitled work has no file: say so, stay open.
                    self.state.say(format!("not saved, not quitting: {e}"));
                    return;
                }
            },
            Some(false) => {
                self.state.discard_changes();
                self.quit.confirmed = true;
            }
            None => return,
        }
        self.quit.closing = true;
    }

    fn frame(&mut self, ui: &mut egui::Ui) {
        assert!(
            self.debug_crash != Some(crash::DebugCrash::Frame) || !self.state.history.is_dirty(),
            "TALIQ_DEBUG_CRASH=frame: a bug in the window, on request"
        );
        self.export.debug_crash = self.debug_crash == Some(crash::DebugCrash::Export);
        self.state.poll_training();
        self.state.refresh_suggestions();
        let ctx = ui.ctx().clone();
        if ctx.input(|i| i.viewport().close_requested()) && !self.request_quit() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
        }
        view::show(ui, self);
        if self.quit.asking {
            dialogs::quit_dialog(&ctx, self);
        }
        if std::mem::take(&mut self.quit.closing) {
            self.quit.confirmed = true;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        let now = ui.input(|i| i.time);
        self.state.autosave(now, false);
        self.state.watch_lock(now);
        if self.state.is_read_only() {
            // Look again soon even if nobody touches the window: the holder may close it.
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_secs_f64(
                    access::LOCK_CHECK_SECONDS,
                ));
        }
        if self.state.history.is_dirty() {
            // egui only runs frames on input: wake up to autosave an idle session too.
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_secs_f64(
                    recovery::AUTOSAVE_SECONDS,
                ));
        }
    }
}

impl TaliqApp {
    /// Writes what is remembered between runs: the annotator's name, the recent files, the
    /// reading options.
    pub fn save_settings(&self, storage: &mut dyn eframe::Storage) {
        if let Some(user) = &self.state.prefs.user {
            storage.set_string(USER_KEY, user.clone());
        }
        let recent: Vec<String> = self
            .recent
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        if let Ok(json) = serde_json::to_string(&recent) {
            storage.set_string(RECENT_KEY, json);
        }
        if let Ok(json) = serde_json::to_string(&self.reading) {
            storage.set_string(reading::READING_KEY, json);
        }
        if let Ok(json) = serde_json::to_string(&self.panels) {
            storage.set_string(PANELS_KEY, json);
        }
        let mut chosen = remembered_annotators(storage);
        for (dir, name) in &self.remembered_projects {
            chosen.insert(dir.clone(), name.clone().into());
        }
        if !chosen.is_empty() {
            storage.set_string(
                project::PROJECT_ANNOTATORS_KEY,
                serde_json::Value::Object(chosen).to_string(),
            );
        }
    }

    /// Takes back what [`Self::save_settings`] wrote in an earlier run.
    pub fn load_settings(&mut self, storage: &dyn eframe::Storage) {
        if let Some(user) = storage.get_string(USER_KEY) {
            self.state.prefs.user = Some(user);
        }
        if let Some(recent) = storage.get_string(RECENT_KEY) {
            let paths: Vec<String> = serde_json::from_str(&recent).unwrap_or_default();
            self.recent = paths.into_iter().map(std::path::PathBuf::from).collect();
        }
        if let Some(json) = storage.get_string(reading::READING_KEY) {
            self.reading = reading::ReadingOptions::from_json(&json);
        }
        if let Some(panels) = storage
            .get_string(PANELS_KEY)
            .and_then(|json| serde_json::from_str(&json).ok())
        {
            self.panels = panels;
        }
        // The project's annotator chosen last time opens at once (until then, `user` is
        // whatever name this machine used last).
        for (dir, name) in remembered_annotators(storage) {
            if let Some(name) = name.as_str() {
                self.remembered_projects.insert(dir, name.to_owned());
            }
        }
        let remembered = self
            .project
            .as_ref()
            .and_then(|mode| {
                self.remembered_projects
                    .get(&mode.dir.display().to_string())
            })
            .cloned();
        if let Some(name) = remembered
            && let Err(e) = self.join_project(&name)
        {
            self.state.say(e);
        }
    }
}

/// Which annotator was chosen in each project folder, as saved by [`TaliqApp::save_settings`].
fn remembered_annotators(
    storage: &dyn eframe::Storage,
) -> serde_json::Map<String, serde_json::Value> {
    storage
        .get_string(project::PROJECT_ANNOTATORS_KEY)
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default()
}

impl eframe::App for TaliqApp {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        self.show(ui);
        if let (Some((path, times)), Some(seconds)) = (&mut self.frame_log, frame.info().cpu_usage)
        {
            times.push(seconds);
            if times.len() % 50 == 0 {
                write_frame_log(path, times);
            }
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.save_settings(storage);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.state.autosave(f64::MAX, true);
        self.state.release_file();
        if let Some((path, times)) = &self.frame_log {
            write_frame_log(path, times);
        }
    }
}

impl Drop for TaliqApp {
    fn drop(&mut self) {
        // A panic outside a guarded frame (in eframe, or while painting) unwinds through
        // here: the last chance to keep the work.
        if std::thread::panicking() && !self.crash_saved {
            crash::report(&crash::save_after_crash(&mut self.state));
        }
    }
}

/// Where taliq keeps data of its own (`$XDG_DATA_HOME/taliq`, else `~/.local/share/taliq`).
fn data_home() -> Option<std::path::PathBuf> {
    let base = std::env::var_os("XDG_DATA_HOME")
        .map(std::path::PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME").map(|home| std::path::Path::new(&home).join(".local/share"))
        })?;
    Some(base.join("taliq"))
}

/// Writes frame times (UI, tessellation, painting and buffer swap; seconds), one per line.
fn write_frame_log(path: &Path, times: &[f32]) {
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

/// Opens the window on `path`, or on the bundled sample, and runs until it is closed.
pub fn run(path: Option<&Path>) -> ExitCode {
    if let Some(dir) = path.filter(|p| project::is_project(p)) {
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
    match start_state(path, data_home()) {
        Ok(state) => launch(state, None),
        Err(e) => {
            report_start_error(&e);
            ExitCode::FAILURE
        }
    }
}

/// The state the window starts with on `path` (a corpus file), or on the bundled sample,
/// keeping the recovery file of work without a file in `home`; unsaved work of an
/// earlier session is offered back. A file that cannot be opened leaves an empty window
/// that lists its problems.
///
/// # Errors
/// Only when the bundled sample is broken.
pub fn start_state(
    path: Option<&Path>,
    home: Option<std::path::PathBuf>,
) -> Result<AppState, String> {
    let mut state = match path {
        Some(path) => match AppState::open(path) {
            Ok(state) => state,
            Err(e) => {
                // Started from a file manager nobody reads stderr: the window shows the
                // problems (on an empty corpus), and the terminal gets them too.
                report_start_error(&e);
                let mut state = AppState::new(crate::model::Corpus::default(), Source::Untitled);
                state.problems = Some(e.to_string());
                state
            }
        },
        None => AppState::sample().map_err(|e| format!("the bundled sample is broken: {e:?}"))?,
    };
    state.prefs.untitled_home = home;
    if state.source.path().is_none() {
        state.look_for_recovery();
    }
    Ok(state)
}

/// Opens the window in review mode on the annotators' corpora and the gold file (created if
/// missing), and runs until it is closed.
pub fn run_review(annotators: &[std::path::PathBuf], gold: &Path) -> ExitCode {
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
    let mut app = TaliqApp::new(state, crate::text::fonts::font_system(true));
    app.project = project;
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
        if let Some(storage) = cc.storage {
            app.load_settings(storage);
        }
        app.remember_file();
        app.frame_log = std::env::var_os("TALIQ_FRAME_LOG").map(|p| (p.into(), Vec::new()));
        app.debug_crash = crash::DebugCrash::from_env();
        Ok(Box::new(app))
    };
    match eframe::run_native("taliq", options, Box::new(start)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            report_start_error(&e);
            ExitCode::FAILURE
        }
    }
}
