//! The search bar (Ctrl+F): the query, its matching rules, and labelling every match.
//!
//! Keyboard flow: Ctrl+F puts the caret in the field with its text selected, Enter and
//! Shift+Enter select the next and previous match, Alt with a label's key labels every match
//! with that label (one undo step), Escape closes the bar from anywhere.

use crate::app::input::keymap::{Action, alt_label_key, pressed};

use crate::app::AppState;
use crate::app::widgets::TextEngine;
use crate::app::widgets::bidi_field::{self, BidiField};

/// The find field's id (for focus).
pub fn field_id() -> egui::Id {
    egui::Id::unique("taliq-find-field")
}

/// Draws the bar over `state.search`; the field is drawn by the text engine (bidi).
pub fn show(ui: &mut egui::Ui, state: &mut AppState, engine: &mut TextEngine) {
    let label = alt_label_key(ui, &state.corpus.labels, &mut state.search.swallow);
    if let Some(label) = label {
        let query = state.search.query.clone();
        let options = state.search.options;
        if state.label_all_matches(&query, &label, options) == 0 {
            state.say(format!("no unlabelled match to label {label}"));
        }
    }
    let next = pressed(ui, Action::NextMatch);
    let previous = pressed(ui, Action::PreviousMatch);
    ui.horizontal_wrapped(|ui| {
        let caption = ui.label("Find:");
        let field = BidiField::new(&mut state.search.query, field_id())
            .hint("word to find")
            .desired_width(220.0)
            .show(ui, engine)
            .labelled_by(caption.id);
        if std::mem::take(&mut state.search.focus_field) {
            bidi_field::focus_and_select_all(ui.ctx(), field_id(), &state.search.query);
        }
        if field.has_focus() && (next || previous) {
            state.select_next_match(next);
        }
        let mut changed = field.changed();
        changed |= ui
            .checkbox(&mut state.search.options.fold_letters, "أ=ا ى=ي ة=ه")
            .changed();
        changed |= ui
            .checkbox(&mut state.search.options.inside_words, "inside words")
            .changed();
        if changed {
            state.refresh_search();
        }
        changed |= ui
            .checkbox(&mut state.search.whole_corpus, "all documents")
            .changed();
        if changed {
            state.refresh_search();
        }
        ui.label(format!("{} matches", state.search.matches.len()));
        let labels: Vec<String> = state.corpus.labels.iter().map(|l| l.name.clone()).collect();
        for label in labels {
            if ui.button(format!("label all {label}")).clicked() {
                let query = state.search.query.clone();
                let options = state.search.options;
                state.label_all_matches(&query, &label, options);
            }
        }
        ui.label("Alt+key labels all");
        // Escape closes the bar wherever focus is (the window's keys close it too when no
        // field has focus).
        if ui.button("close").clicked() || pressed(ui, Action::CloseFind) {
            state.close_search();
        }
    });
    if state.search.whole_corpus && !state.search.documents.is_empty() {
        let mut open = None;
        ui.horizontal_wrapped(|ui| {
            let total: usize = state.search.documents.iter().map(|(_, n)| n).sum();
            ui.label(format!(
                "{total} in {} documents:",
                state.search.documents.len()
            ));
            for &(index, n) in &state.search.documents {
                let id = &state.corpus.documents[index].id;
                if ui
                    .selectable_label(index == state.selected, format!("{id} ({n})"))
                    .clicked()
                {
                    open = Some(index);
                }
            }
        });
        if let Some(index) = open {
            state.open_document(index);
        }
    }
}
