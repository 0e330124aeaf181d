//! The search bar (Ctrl+F): the query, its matching rules, labelling every match, and with
//! "all documents" the corpus-wide counts and a scrolling list of the documents that match.
//!
//! Keyboard flow: Ctrl+F puts the caret in the field with its text selected, Enter and
//! Shift+Enter select the next and previous match, Alt with a label's key labels every match
//! with that label (one undo step), Escape closes the bar from anywhere.

use crate::app::input::keymap::{Action, alt_label_key, pressed};

use super::state::Search;
use crate::annotate::search::find_all;
use crate::app::AppState;
use crate::app::i18n::{self, tr};
use crate::app::widgets::bidi_field::{self, BidiField};
use crate::app::widgets::{
    ButtonLook, TextEngine, engine_button, interface, keep_clear_of_scroll_bar, scrolling_list,
    text_line, text_tooltip,
};

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
            state.say(tr!("annotate-no-unlabelled-match", label = label));
        }
    }
    let next = pressed(ui, Action::NextMatch);
    let previous = pressed(ui, Action::PreviousMatch);
    ui.horizontal_wrapped(|ui| {
        let caption = interface::label(ui, engine, &tr!("annotate-find-caption"));
        let hint = tr!("annotate-find-hint");
        let field = BidiField::new(&mut state.search.query, field_id())
            .hint(&hint)
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
        changed |= interface::checkbox(
            ui,
            engine,
            &mut state.search.options.fold_letters,
            &tr!("annotate-fold-letters"),
        )
        .changed();
        changed |= interface::checkbox(
            ui,
            engine,
            &mut state.search.options.inside_words,
            &tr!("annotate-inside-words"),
        )
        .changed();
        if changed {
            state.refresh_search();
        }
        changed |= interface::checkbox(
            ui,
            engine,
            &mut state.search.whole_corpus,
            &tr!("annotate-all-documents"),
        )
        .changed();
        if changed {
            state.refresh_search();
        }
        interface::label(ui, engine, &counter(&state.search));
        let labels: Vec<String> = state.corpus.labels.iter().map(|l| l.name.clone()).collect();
        for label in labels {
            let button = interface::button(ui, engine, &tr!("annotate-label-all", label = &label));
            if text_tooltip(button, engine, &tr!("annotate-label-all-tooltip")).clicked() {
                let query = state.search.query.clone();
                let options = state.search.options;
                state.label_all_matches(&query, &label, options);
            }
        }
        // Whole, not wrapped: a wrapped label spans the row it starts on.
        whole_label(ui, engine, &tr!("annotate-alt-key-hint"));
        // Escape closes the bar wherever focus is (the window's keys close it too when no
        // field has focus).
        if interface::button(ui, engine, &tr!("annotate-close-find")).clicked()
            || pressed(ui, Action::CloseFind)
        {
            state.close_search();
        }
    });
    if state.search.whole_corpus && !state.search.documents.is_empty() {
        results(ui, state, engine);
    }
}

/// How many matches: in the open document, or with "all documents" in how many documents
/// of the corpus, and how many here.
fn counter(search: &Search) -> String {
    let here = search.matches.len();
    if !search.whole_corpus {
        return matches(here);
    }
    let total = search.documents.iter().map(|(_, n)| n).sum();
    let documents = search.documents.len();
    tr!(
        "annotate-find-counter-corpus",
        documents = tr!(
            "annotate-count-documents",
            count = documents,
            shown = grouped(documents)
        ),
        matches = matches(total),
        here = here,
    )
}

/// "12,345 matches": `n` with its thousands grouped and the noun that fits it.
fn matches(n: usize) -> String {
    tr!("annotate-count-matches", count = n, shown = grouped(n))
}

/// A label of one line that is never wrapped: a row that has no room for it goes on to the
/// next row whole.
fn whole_label(ui: &mut egui::Ui, engine: &mut TextEngine, text: &str) -> egui::Response {
    let text = interface::EngineText::body(ui, engine, text);
    let (rect, response) = ui.allocate_exact_size(text.size(), egui::Sense::hover());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, text.name()));
    ui.ctx().accesskit_node_builder(response.id, |node| {
        node.set_author_id(crate::app::widgets::ENGINE_TEXT);
    });
    if ui.is_rect_visible(rect) {
        text.paint(ui.painter(), rect, ui.visuals().text_color());
    }
    response
}

/// `n` in the digits in force with its thousands grouped: "12,345", or "١٢٬٣٤٥" with
/// Arabic-Indic digits (whose thousands separator is U+066C).
#[allow(
    clippy::cast_precision_loss,
    reason = "counts of matches and documents are far below 2^52"
)]
fn grouped(n: usize) -> String {
    let digits: Vec<char> = i18n::number(n as f64).chars().collect();
    let separator = if digits.first().is_some_and(char::is_ascii_digit) {
        ','
    } else {
        '\u{066C}'
    };
    let mut out = String::with_capacity(digits.len() * 3);
    for (i, digit) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(*digit);
    }
    out
}

/// Height of a row of the corpus-wide results.
const RESULT_ROW_HEIGHT: f32 = 24.0;
/// The most the result list takes of the window's height, and at most.
const RESULTS_SHARE: f32 = 0.22;
const RESULTS_MAX_HEIGHT: f32 = 160.0;
/// Code points of context shown on each side of a document's first match.
const CONTEXT: usize = 30;

/// With "all documents", a row per document holding matches: its id, how many, its first
/// match in context; a click opens it at that match. Only the rows in view are built (a
/// big corpus has thousands) and the list scrolls in a few rows' height, so the bar never
/// pushes the document out of the window.
fn results(ui: &mut egui::Ui, state: &mut AppState, engine: &mut TextEngine) {
    let search = &state.search;
    let rows_height =
        (RESULT_ROW_HEIGHT + ui.spacing().item_spacing.y) * search.documents.len() as f32;
    let height = (ui.ctx().content_rect().height() * RESULTS_SHARE)
        .min(RESULTS_MAX_HEIGHT)
        .min(rows_height);
    let text_color = ui.visuals().text_color();
    let mut open = None;
    // A bar above the document has no height to spare of its own: the list asks for its
    // rows' height, up to its share of the window.
    let list = scrolling_list("find results")
        .min_scrolled_height(height)
        .max_height(height);
    list.show_rows(ui, RESULT_ROW_HEIGHT, search.documents.len(), |ui, rows| {
        keep_clear_of_scroll_bar(ui);
        for &(index, n) in &search.documents[rows] {
            let Some(doc) = state.corpus.documents.get(index) else {
                continue;
            };
            ui.horizontal(|ui| {
                let look = ButtonLook {
                    selected: index == state.selected,
                    ..ButtonLook::default()
                };
                if engine_button(ui, engine, &doc.id, look).clicked() {
                    open = Some(index);
                }
                interface::label(ui, engine, &matches(n));
                let context = first_match_in_context(doc.text(), search);
                let width = ui.available_width();
                if text_line(ui, engine, &context, 14.0, width, text_color).clicked() {
                    open = Some(index);
                }
            });
        }
    });
    if let Some(index) = open {
        state.open_document_at_first_match(index);
    }
}

/// The first match of the search in `text` with up to [`CONTEXT`] code points on each side.
fn first_match_in_context(text: &str, search: &Search) -> String {
    let Some(first) = find_all(text, &search.query, search.options)
        .first()
        .copied()
    else {
        return String::new();
    };
    let from = first.start().saturating_sub(CONTEXT);
    let to = first.end() + CONTEXT;
    text.chars().skip(from).take(to - from).collect()
}
