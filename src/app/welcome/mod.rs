//! The welcome screen: what a window with nothing open shows in place of a document —
//! started from the applications menu with no file and no earlier corpus to reopen, or
//! after a file failed to open. It offers the four ways in: open a corpus, import text
//! files, open a team project's folder, or try the bundled sample.

use crate::app::state::context::PanelContext;
use crate::app::state::file_request::FilePurpose;
use crate::app::widgets::engine_label;
use crate::app::{AppState, Source};

/// The ways in, as the welcome screen's buttons name them (tests click them by name).
pub const OPEN_CORPUS: &str = "Open a corpus…";
/// Import `.txt` files as a new corpus.
pub const IMPORT_TEXT: &str = "Import text files…";
/// Open a team project's folder.
pub const OPEN_PROJECT: &str = "Open a project folder…";
/// The bundled sample article.
pub const TRY_SAMPLE: &str = "Try the sample";

/// Whether the window has nothing open, so the welcome stands where the document would:
/// no file, no imported text, no sample, no review, no project.
pub fn is_shown(state: &AppState) -> bool {
    matches!(state.source, Source::Untitled)
        && state.corpus.documents.is_empty()
        && state.project.is_none()
        && state.review.is_none()
}

impl AppState {
    /// Opens the bundled sample in place of the empty window.
    ///
    /// # Errors
    /// When there are unsaved changes, or the bundled sample is broken (a bug).
    pub fn open_sample(&mut self) -> Result<(), String> {
        if self.history.is_dirty() {
            return Err("there are unsaved changes: save them (Ctrl+S) first".to_owned());
        }
        let sample = Self::sample().map_err(|e| format!("the bundled sample is broken: {e:?}"))?;
        let next = self.successor(sample.corpus, Source::BundledSample);
        self.replace_session(next);
        self.say("the bundled sample: save it under a name of your own to keep your work");
        Ok(())
    }
}

/// Draws the welcome in the central panel; its buttons ask for a file as the File menu does
/// (the frame then opens the system's dialog or taliq's chooser).
pub fn show(ui: &mut egui::Ui, ctx: &mut PanelContext<'_>) {
    ui.vertical_centered(|ui| {
        ui.add_space((ui.available_height() * 0.2).max(8.0));
        ui.heading("Welcome to taliq");
        engine_label(ui, ctx.engine, "تعليق");
        ui.add_space(8.0);
        ui.label("Annotate Arabic text: select spans, label them, review, export.");
        ui.add_space(16.0);
        let width = 260.0;
        let button = |ui: &mut egui::Ui, text: &str, hint: &str| {
            ui.add_sized([width, 32.0], egui::Button::new(text))
                .on_hover_text(hint)
                .clicked()
        };
        if button(
            ui,
            OPEN_CORPUS,
            "a taliq corpus (.json, .jsonl), or .txt files to import",
        ) {
            ctx.state.ask_for_file(FilePurpose::OpenCorpus);
        }
        if button(
            ui,
            IMPORT_TEXT,
            "one document per .txt file (UTF-8, UTF-16, windows-1256, ISO-8859-6)",
        ) {
            ctx.state.ask_for_file(FilePurpose::ImportText);
        }
        if button(
            ui,
            OPEN_PROJECT,
            "a team's project folder (made with `taliq project init`)",
        ) {
            ctx.state.ask_for_file(FilePurpose::OpenProject);
        }
        if button(
            ui,
            TRY_SAMPLE,
            "a news article with its spans, to try taliq on",
        ) && let Err(e) = ctx.state.open_sample()
        {
            ctx.state.say(e);
        }
        ui.add_space(16.0);
        ui.weak("Next time taliq opens the last corpus you worked on.");
    });
}
