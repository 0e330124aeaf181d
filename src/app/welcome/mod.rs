//! The welcome screen: what a window with nothing open shows in place of a document —
//! started from the applications menu with no file and no earlier corpus to reopen, or
//! after a file failed to open. It offers the four ways in: open a corpus, import text
//! files, open a team project's folder, or try the bundled sample.

use crate::app::i18n::{msg_id, text, tr};
use crate::app::state::context::PanelContext;
use crate::app::state::file_request::FilePurpose;
use crate::app::widgets::interface;
use crate::app::widgets::{TextEngine, engine_label, text_tooltip};
use crate::app::{AppState, Source};

/// The ways in: the ids of the welcome screen's buttons' names (tests click them by name).
pub const OPEN_CORPUS: &str = msg_id!("welcome-open-corpus");
/// Import `.txt` files as a new corpus.
pub const IMPORT_TEXT: &str = msg_id!("welcome-import-text");
/// Open a team project's folder.
pub const OPEN_PROJECT: &str = msg_id!("welcome-open-project");
/// The bundled sample article.
pub const TRY_SAMPLE: &str = msg_id!("welcome-try-sample");

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
            return Err(tr!("welcome-unsaved-first"));
        }
        let sample = Self::sample().map_err(|diagnostics| {
            // A bug of the build: the first problem, described by its code, with its place.
            let first = diagnostics.first().map_or_else(String::new, |d| {
                crate::app::i18n::errors::diagnostics::problem_line("sample.json", d)
            });
            tr!("welcome-sample-broken", error = first)
        })?;
        let next = self.successor(sample.corpus, Source::BundledSample);
        self.replace_session(next);
        self.say(tr!("welcome-sample-opened"));
        Ok(())
    }
}

/// Draws the welcome in the central panel; its buttons ask for a file as the File menu does
/// (the frame then opens the system's dialog or taliq's chooser).
pub fn show(ui: &mut egui::Ui, ctx: &mut PanelContext<'_>) {
    ui.vertical_centered(|ui| {
        ui.add_space((ui.available_height() * 0.2).max(8.0));
        interface::heading(ui, ctx.engine, &tr!("welcome-title"));
        engine_label(ui, ctx.engine, "تعليق");
        ui.add_space(8.0);
        interface::label(ui, ctx.engine, &tr!("welcome-what"));
        ui.add_space(16.0);
        let ways = [
            (OPEN_CORPUS, tr!("welcome-open-corpus-hint")),
            (IMPORT_TEXT, tr!("welcome-import-text-hint")),
            (OPEN_PROJECT, tr!("welcome-open-project-hint")),
            (TRY_SAMPLE, tr!("welcome-try-sample-hint")),
        ];
        for (way, hint) in ways {
            if !way_in_button(ui, ctx.engine, &text(way, &[]), &hint) {
                continue;
            }
            match way {
                OPEN_CORPUS => ctx.state.ask_for_file(FilePurpose::OpenCorpus),
                IMPORT_TEXT => ctx.state.ask_for_file(FilePurpose::ImportText),
                OPEN_PROJECT => ctx.state.ask_for_file(FilePurpose::OpenProject),
                _ => {
                    if let Err(e) = ctx.state.open_sample() {
                        ctx.state.say(e);
                    }
                }
            }
        }
        ui.add_space(16.0);
        interface::weak_label(ui, ctx.engine, &tr!("welcome-next-time"));
    });
}

/// A way in: a wide button with its name drawn by the engine, and what it takes on hover.
fn way_in_button(ui: &mut egui::Ui, engine: &mut TextEngine, name: &str, hint: &str) -> bool {
    let text = interface::EngineText::body(ui, engine, name);
    let accessible = text.name().to_owned();
    let response = ui.add_sized([260.0, 32.0], egui::Button::new(text.atom()));
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &accessible));
    ui.ctx().accesskit_node_builder(response.id, |node| {
        node.set_author_id(crate::app::widgets::ENGINE_TEXT);
    });
    text_tooltip(response, engine, hint).clicked()
}
