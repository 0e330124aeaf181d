//! The search bar (Ctrl+F): the query, its matching rules, and labelling every match.
//!
//! Keyboard flow: Ctrl+F puts the caret in the field with its text selected, Enter and
//! Shift+Enter select the next and previous match, Alt with a label's key labels every match
//! with that label (one undo step), Escape closes the bar from anywhere.

use egui::{Key, Modifiers};

use crate::app::AppState;
use crate::app::widgets::TextEngine;
use crate::app::widgets::bidi_field::{self, BidiField};

/// The find field's id (for focus).
pub fn field_id() -> egui::Id {
    egui::Id::unique("taliq-find-field")
}

/// The label whose key was pressed with Alt, if any. The key's typed text may come in the
/// same frame or the next: it is kept out of the field in both (`swallow`).
fn alt_label(ui: &egui::Ui, state: &mut AppState) -> Option<String> {
    let pending = state.search.swallow.take();
    let keys: Vec<(Key, char, String)> = state
        .corpus
        .labels
        .iter()
        .filter_map(|l| {
            let c = l.key?;
            Some((Key::from_name(&c.to_string())?, c, l.name.clone()))
        })
        .collect();
    let found = ui.input_mut(|i| {
        let found = keys
            .iter()
            .find(|(key, _, _)| i.consume_key(Modifiers::ALT, *key))
            .map(|(_, c, name)| (*c, name.clone()));
        let typed: Vec<char> = pending.into_iter().chain(found.as_ref().map(|f| f.0)).collect();
        i.events.retain(|e| {
            !matches!(e, egui::Event::Text(t) if t.chars().count() == 1 && t.chars().all(|c| typed.contains(&c)))
        });
        found
    });
    let (c, name) = found?;
    state.search.swallow = Some(c);
    Some(name)
}

/// Draws the bar over `state.search`; the field is drawn by the text engine (bidi).
pub fn show(ui: &mut egui::Ui, state: &mut AppState, engine: &mut TextEngine) {
    if let Some(label) = alt_label(ui, state) {
        let query = state.search.query.clone();
        let options = state.search.options;
        if state.label_all_matches(&query, &label, options) == 0 {
            state.say(format!("no unlabelled match to label {label}"));
        }
    }
    let enter = ui.input(|i| i.key_pressed(Key::Enter));
    let shift = ui.input(|i| i.modifiers.shift);
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
        if field.has_focus() && enter {
            state.select_next_match(!shift);
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
        if ui.button("close").clicked() || ui.input(|i| i.key_pressed(Key::Escape)) {
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
