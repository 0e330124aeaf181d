//! The search bar (Ctrl+F): the query, its matching rules, and labelling every match.

use egui::Key;

use super::AppState;

/// Draws the bar over `state.search`.
pub fn show(ui: &mut egui::Ui, state: &mut AppState) {
    ui.horizontal(|ui| {
        let caption = ui.label("Find:");
        let field = ui
            .add(
                egui::TextEdit::singleline(&mut state.search.query)
                    .hint_text("word to find")
                    .desired_width(220.0),
            )
            .labelled_by(caption.id);
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
        if ui.button("close").clicked()
            || ui.input(|i| i.key_pressed(Key::Escape)) && field.has_focus()
        {
            state.search.open = false;
            state.search.matches.clear();
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
