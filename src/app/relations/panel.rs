//! The side panel's sections for what links spans and labels whole documents: the open
//! document's document labels (radio buttons or checkboxes), the picked span's note, and
//! the document's relations (pick, relabel, delete). Names, values, notes and span texts
//! may be Arabic: the text engine draws them.

use crate::annotate::pick::Pick;
use crate::app::document_view::ViewEvents;
use crate::app::document_view::relation_color;
use crate::app::i18n::tr;
use crate::app::input::keymap::{Action, pressed};
use crate::app::state::context::PanelContext;
use crate::app::state::pick::PickAction;
use crate::app::widgets::bidi_field::BidiField;
use crate::app::widgets::section::titled_section;
use crate::app::widgets::{
    ButtonLook, engine_button, engine_label, interface, keep_clear_of_scroll_bar, relation_label,
    scrolling_list,
};

/// Draws the sections that apply, each folding (its body after its heading: the heading
/// borrows the engine, the body the whole context): document labels when the corpus declares
/// some, the picked span's note, relations when the corpus declares relation types.
pub(crate) fn show(ui: &mut egui::Ui, cx: &mut PanelContext<'_>) {
    if !cx.state.corpus.document_labels.is_empty() {
        let title = tr!("relations-section-document-labels");
        if titled_section(ui, cx.engine, "Document labels", &title, |_| ()).is_some() {
            document_labels(ui, cx);
        }
        ui.separator();
    }
    if cx.state.pick.as_span().is_some() {
        let title = tr!("relations-section-note");
        if titled_section(ui, cx.engine, "Note on the picked span", &title, |_| ()).is_some() {
            span_note(ui, cx);
        }
        ui.separator();
    }
    if !cx.state.corpus.relation_labels.is_empty() {
        let title = tr!("relations-section-relations");
        if titled_section(ui, cx.engine, "Relations", &title, |_| ()).is_some() {
            relations(ui, cx);
        }
        ui.separator();
    }
}

/// One row a document label: its values as toggles, one at most unless it is `multiple`.
fn document_labels(ui: &mut egui::Ui, cx: &mut PanelContext<'_>) {
    let state = &*cx.state;
    let Some(doc) = state.corpus.documents.get(state.selected) else {
        return;
    };
    let mut chosen: Option<(String, Vec<String>)> = None;
    for label in &state.corpus.document_labels {
        let current: Vec<String> = doc
            .labels
            .iter()
            .find(|(n, _)| *n == label.name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default();
        ui.horizontal_wrapped(|ui| {
            engine_label(ui, cx.engine, &label.name);
            for value in &label.values {
                let on = current.contains(value);
                let look = ButtonLook {
                    selected: on,
                    ..ButtonLook::default()
                };
                let button = engine_button(ui, cx.engine, value, look);
                if button.clicked() {
                    let values = match (label.multiple, on) {
                        (true, true) => current.iter().filter(|v| *v != value).cloned().collect(),
                        (true, false) => {
                            let mut more = current.clone();
                            more.push(value.clone());
                            more
                        }
                        (false, true) => Vec::new(),
                        (false, false) => vec![value.clone()],
                    };
                    chosen = Some((label.name.clone(), values));
                }
            }
        });
    }
    if let Some((name, values)) = chosen {
        cx.state.set_document_label(&name, values);
    }
}

/// The picked span's note: a right-to-left capable field, saved with Enter or the button.
fn span_note(ui: &mut egui::Ui, cx: &mut PanelContext<'_>) {
    let picked = cx.state.pick.as_span().map(|(r, l)| (r, l.to_owned()));
    let note = picked.as_ref().and_then(|(range, label)| {
        let doc = cx.state.corpus.documents.get(cx.state.selected)?;
        let i = doc.find_span(*range, label)?;
        Some(doc.spans()[i].note.clone().unwrap_or_default())
    });
    let Some(note) = note else {
        return;
    };
    if cx.state.note_field.span != picked {
        cx.state.note_field.span = picked;
        cx.state.note_field.text.clone_from(&note);
    }
    let width = ui.available_width().min(320.0);
    let hint = tr!("relations-note-hint");
    let field = BidiField::new(
        &mut cx.state.note_field.text,
        egui::Id::unique("taliq-span-note"),
    )
    .hint(&hint)
    .desired_width(width)
    .show(ui, cx.engine);
    let entered = field.has_focus() && pressed(ui, Action::Submit);
    let changed = cx.state.note_field.text.trim() != note.trim();
    let save =
        interface::button_enabled(ui, cx.engine, changed, &tr!("relations-save-note")).clicked();
    if (save || entered) && changed {
        let text = cx.state.note_field.text.clone();
        cx.state.set_span_note(&text);
    }
}

/// How tall the relation list may grow before it scrolls.
const RELATION_LIST_HEIGHT: f32 = 160.0;

/// The document's relations, one a row: its type, then "from → to" by the spans' texts;
/// a click picks one, whose type can then be changed or which can be deleted.
fn relations(ui: &mut egui::Ui, cx: &mut PanelContext<'_>) {
    let state = &*cx.state;
    let Some(doc) = state.corpus.documents.get(state.selected) else {
        return;
    };
    if doc.relations().is_empty() {
        interface::label(ui, cx.engine, &tr!("relations-none"));
    }
    let ids = doc.span_ids();
    let text_of = |id: &str| {
        ids.get(id)
            .map_or_else(String::new, |&i| doc.span_text(&doc.spans()[i]).to_owned())
    };
    let mut pick = None;
    // Only the rows on screen are built: a long article may have thousands of relations.
    let row_height = ui.spacing().interact_size.y + ui.spacing().item_spacing.y;
    scrolling_list("relations")
        .max_height(RELATION_LIST_HEIGHT)
        .show_rows(ui, row_height, doc.relations().len(), |ui, rows| {
            keep_clear_of_scroll_bar(ui);
            for relation in &doc.relations()[rows] {
                let color = relation_color(&state.corpus.relation_labels, &relation.label);
                let picked = state.pick.as_relation() == Some(relation.id.as_str());
                ui.horizontal(|ui| {
                    let look = ButtonLook {
                        selected: picked,
                        text: Some(color),
                        ..ButtonLook::default()
                    };
                    let tag = engine_button(ui, cx.engine, &relation.label, look);
                    let ends = relation_label(
                        ui,
                        cx.engine,
                        &text_of(&relation.from),
                        &text_of(&relation.to),
                    );
                    if tag.clicked() || ends.clicked() {
                        pick = Some(relation.id.clone());
                    }
                });
            }
        });
    let kinds: Vec<String> = state
        .corpus
        .relation_labels
        .iter()
        .map(|r| r.name.clone())
        .collect();
    if let Some(id) = pick {
        cx.state.pick = Pick::Relation(id);
    }
    let Some(id) = cx.state.pick.as_relation().map(str::to_owned) else {
        return;
    };
    let mut relabel = None;
    let mut delete = false;
    ui.horizontal_wrapped(|ui| {
        interface::label(ui, cx.engine, &tr!("relations-picked", id = &id));
        // Type names may be Arabic: the engine draws them.
        for kind in &kinds {
            if engine_button(ui, cx.engine, kind, ButtonLook::default()).clicked() {
                relabel = Some(kind.clone());
            }
        }
        delete = interface::button(ui, cx.engine, &tr!("relations-delete")).clicked();
    });
    if let Some(kind) = relabel
        && !cx.state.relabel_relation(&id, &kind)
    {
        cx.state
            .say(tr!("relations-cannot-relabel", id = &id, kind = &kind));
    }
    if delete {
        cx.state.act_on_pick(PickAction::Remove);
    }
}

/// While a relation is being made, a click on another span links it.
pub(crate) fn finish_on_click(cx: &mut PanelContext<'_>, events: ViewEvents) {
    let state = &mut *cx.state;
    let (Some(draft), Some(target)) = (state.pick.as_draft(), events.clicked_span) else {
        return;
    };
    if target != draft.from {
        state.finish_relation(Some(target));
    }
}

/// An Alt+drag let go on another span links the two by the first relation type that
/// allows their labels (its tag then changes it); none allowing them is said.
pub(crate) fn finish_drag(cx: &mut PanelContext<'_>, events: ViewEvents) {
    let state = &mut *cx.state;
    let Some((from, to)) = events.linked else {
        return;
    };
    let Some(doc) = state.corpus.documents.get(state.selected) else {
        return;
    };
    let (a, b) = (&doc.spans()[from].label, &doc.spans()[to].label);
    let kind = state
        .corpus
        .relation_labels
        .iter()
        .find(|r| r.allows(a, b))
        .map(|r| r.name.clone());
    match kind {
        Some(kind) => {
            if let Some(id) = state.add_relation(&kind, from, to) {
                state.pick = Pick::Relation(id.clone());
                state.say(tr!("relations-added-by-drag", kind = &kind, id = &id));
            }
        }
        None => state.say(tr!("relations-no-type", from = a, to = b)),
    }
}
