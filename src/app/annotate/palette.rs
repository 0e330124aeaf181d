//! The label palette under the menus: a button per label, and how selections snap.

use crate::app::widgets::{ButtonLook, engine_button, text_tooltip};
use egui::Color32;

use crate::app::AppState;
use crate::app::i18n::tr;
use crate::app::widgets::TextEngine;
use crate::app::widgets::interface;

pub(crate) fn label_palette(ui: &mut egui::Ui, state: &mut AppState, engine: &mut TextEngine) {
    ui.horizontal_wrapped(|ui| {
        let labels = state.corpus.labels.clone();
        for label in &labels {
            let [r, g, b] = label.color.0;
            let key = label.key.map(|k| format!("{k} ")).unwrap_or_default();
            let look = ButtonLook {
                fill: Some(Color32::from_rgb(r, g, b)),
                text: Some(Color32::WHITE),
                ..ButtonLook::default()
            };
            let mut response = engine_button(ui, engine, &format!("{key}{}", label.name), look);
            if let Some(description) = &label.description {
                // Descriptions are often Arabic: drawn by the text engine.
                response = text_tooltip(response, engine, description);
            }
            if response.clicked() {
                state.apply_label(&label.name);
            }
        }
        if interface::button(ui, engine, &tr!("annotate-edit-labels")).clicked() {
            state.edit_labels();
        }
        ui.separator();
        interface::checkbox(
            ui,
            engine,
            &mut state.prefs.snap.words,
            &tr!("annotate-snap-words"),
        );
        interface::checkbox(
            ui,
            engine,
            &mut state.prefs.snap.trim,
            &tr!("annotate-trim-punctuation"),
        );
        ui.separator();
        // Words, not the theme switch's emoji icons: not every font has them.
        let dark = ui.visuals().dark_mode;
        let theme = if dark {
            tr!("annotate-light-theme")
        } else {
            tr!("annotate-dark-theme")
        };
        if interface::button(ui, engine, &theme).clicked() {
            ui.ctx().set_theme(if dark {
                egui::Theme::Light
            } else {
                egui::Theme::Dark
            });
        }
        interface::label(ui, engine, &tr!("annotate-shortcuts-hint"));
    });
}
