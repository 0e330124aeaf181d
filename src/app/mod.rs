//! The desktop window (eframe): the app and its frame loop. State lives in [`state`],
//! each feature in its folder, the frame's layout in [`shell`], keys and menus in
//! [`input`]; `docs/architecture.md` maps them.

pub mod annotate;
pub mod crash;
pub mod document_view;
pub mod file_chooser;
pub mod i18n;
pub mod input;
pub mod labels;
mod launch;
pub mod project;
pub mod relations;
pub mod review;
mod settings;
pub mod shell;
pub mod state;
pub mod suggest;
pub mod welcome;
pub mod widgets;

pub use launch::{
    install_fallback_font, run, run_project_review, run_review, start_state, window_icon,
};
pub use review::Review;
pub use shell::window::{Panels, Quit, TaliqApp};
pub use state::access::FileAccess;
pub use state::{AppState, SAMPLE_CORPUS, Source};

impl TaliqApp {
    /// Closes every open dialog, as Escape does; whether one was open.
    pub fn close_dialogs(&mut self) -> bool {
        self.state.close_dialogs()
    }

    /// An app on `state`, drawing with `font_system` (bundled fonts; plus system fonts outside tests).
    pub fn new(state: AppState, font_system: cosmic_text::FontSystem) -> Self {
        Self {
            state,
            engine: document_view::TextEngine::new(font_system),
            document_view: None,
            files: file_chooser::FileChoosing::default(),
            title: String::new(),
            name_field: String::new(),
            recent: Vec::new(),
            export: shell::export_dialog::ExportDialog::default(),
            debug_crash: None,
            crash_saved: false,
            quit: Quit::default(),
            reading: shell::reading::ReadingOptions::default(),
            reading_window: shell::reading::ReadingWindow::default(),
            frame_log: None,
            panels: Panels::default(),
        }
    }

    /// What a feature's panels are given: the state, the text engine, the document's view.
    pub fn panel_context(&mut self) -> state::context::PanelContext<'_> {
        state::context::PanelContext {
            state: &mut self.state,
            engine: &mut self.engine,
            view: &mut self.document_view,
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
        if let Err(payload) = crash::guarded(|| self.frame(ui)) {
            self.crash_saved = true;
            crash::report(&crash::save_after_crash(&mut self.state));
            std::panic::resume_unwind(payload);
        }
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
            Some(true) if self.state.source.path().is_none() && !self.state.is_read_only() => {
                // The bundled sample or imported text has no file: Save As, then quit again.
                self.state
                    .ask_for_file(state::file_request::FilePurpose::SaveCorpusAs);
                self.state.say(i18n::tr!("state-not-quitting-yet"));
                return;
            }
            Some(true) => match self.state.save() {
                Ok(()) => self.quit.confirmed = true,
                Err(e) => {
                    self.state.say(i18n::tr!(
                        "state-not-saved-not-quitting",
                        error = i18n::Worded::worded(&e)
                    ));
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
        i18n::set_locale(self.state.prefs.language, self.state.prefs.digits);
        self.state.poll_training();
        self.state.refresh_suggestions();
        let ctx = ui.ctx().clone();
        if ctx.input(|i| i.viewport().close_requested()) && !self.request_quit() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
        }
        let source = self.state.source.path();
        input::dispatch::keyboard(ui, self);
        if let Some(command) = shell::show(ui, self) {
            input::dispatch::run(&ctx, self, command);
        }
        file_chooser::show(&ctx, &mut self.state, &mut self.files, &mut self.engine);
        if let Some(purpose) = self.state.file_request.take() {
            file_chooser::ask(&mut self.state, &mut self.files, purpose);
        }
        let title = self.state.window_title();
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
        // A corpus opened from anywhere (menus, recent files, a file chooser, a review)
        // joins the recent files.
        if self.state.source.path() != source {
            self.remember_file();
        }
        if self.quit.asking {
            shell::dialogs::quit_dialog(&ctx, self);
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
                    state::access::LOCK_CHECK_SECONDS,
                ));
        }
        if self.state.history.is_dirty() {
            // egui only runs frames on input: wake up to autosave an idle session too.
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_secs_f64(
                    state::recovery::AUTOSAVE_SECONDS,
                ));
        }
    }
}

impl eframe::App for TaliqApp {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        self.show(ui);
        if let (Some((path, times)), Some(seconds)) = (&mut self.frame_log, frame.info().cpu_usage)
        {
            times.push(seconds);
            if times.len() % 50 == 0 {
                launch::write_frame_log(path, times);
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
            launch::write_frame_log(path, times);
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
