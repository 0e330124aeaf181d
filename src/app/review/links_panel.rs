//! The review panel's parts for what links spans and labels documents: the annotators'
//! relation candidates (picked, accepted and rejected as span candidates are) and their
//! document-label choices, each with who made it and what the reviewer decided.

use egui::Color32;

use crate::app::document_view::relation_color;
use crate::app::i18n::tr;
use crate::app::state::context::PanelContext;
use crate::app::widgets::interface;
use crate::app::widgets::{
    ButtonLook, TextEngine, embedded, engine_button, engine_label, keep_clear_of_scroll_bar,
    relation_label, scrolling_list,
};
use crate::review::session::{Decision, LabelChoice, ReviewSession};

/// How tall the relation list may grow before it scrolls: the span candidates below it
/// keep the rest of the panel.
const RELATION_LIST_HEIGHT: f32 = 150.0;
/// Height of a relation's rows in the list: its decision row, then its two texts.
const RELATION_ROW_HEIGHT: f32 = 46.0;

/// The word and colour that say what became of a candidate.
pub(crate) fn decision_word(
    ui: &egui::Ui,
    decision: Decision,
    conflict: bool,
) -> (String, Color32) {
    match decision {
        Decision::Pending if conflict => (
            tr!("review-decision-conflict"),
            Color32::from_rgb(0xd3, 0x2f, 0x2f),
        ),
        Decision::Pending => (tr!("review-decision-agreed"), ui.visuals().text_color()),
        Decision::Accepted => (
            tr!("review-decision-accepted"),
            Color32::from_rgb(0x2e, 0x7d, 0x32),
        ),
        Decision::Rejected => (
            tr!("review-decision-rejected"),
            ui.visuals().weak_text_color(),
        ),
    }
}

/// What a click on a row asked for.
enum RowClick {
    Pick,
    Accept,
    Reject,
}

/// One decision row: a tag (engine-drawn, it may be Arabic), the decision, who made it,
/// accept and reject buttons; returns what was clicked.
fn decision_row(
    ui: &mut egui::Ui,
    engine: &mut TextEngine,
    tag: &str,
    look: ButtonLook,
    decision: Decision,
    conflict: bool,
    annotators: &[String],
) -> Option<RowClick> {
    let mut click = None;
    ui.horizontal_wrapped(|ui| {
        if engine_button(ui, engine, tag, look).clicked() {
            click = Some(RowClick::Pick);
        }
        let (word, color) = decision_word(ui, decision, conflict);
        interface::colored_label(ui, engine, &word, color);
        let names: Vec<String> = annotators.iter().map(|a| embedded(a)).collect();
        engine_label(ui, engine, &names.join(", "));
        // The two buttons wrap together.
        ui.horizontal(|ui| {
            if decision != Decision::Accepted
                && interface::small_button(ui, engine, &tr!("review-accept")).clicked()
            {
                click = Some(RowClick::Accept);
            }
            if decision != Decision::Rejected
                && interface::small_button(ui, engine, &tr!("review-reject")).clicked()
            {
                click = Some(RowClick::Reject);
            }
        });
    });
    click
}

/// The annotators' relations in the open document, one row each ("met" in its colour,
/// then "بوتينُ → أردوغانَ" on a line of its own); a click picks, accepts or rejects one.
pub(crate) fn relation_candidates(ui: &mut egui::Ui, cx: &mut PanelContext<'_>) {
    let state = &*cx.state;
    let Some((review, gold)) = state.review_and_gold() else {
        return;
    };
    let candidates = review.session.relation_candidates(state.selected);
    if candidates.is_empty() {
        return;
    }
    let decisions = review.session.relation_decisions(state.selected, gold);
    let everyone = review.session.names().len();
    let pending = decisions
        .iter()
        .filter(|d| **d == Decision::Pending)
        .count();
    interface::label(
        ui,
        cx.engine,
        &tr!(
            "review-relations-pending",
            pending = pending,
            total = candidates.len()
        ),
    );
    let mut clicked = None;
    // Only the rows on screen are built: a long article may have thousands of relations.
    scrolling_list("relation candidates")
        .max_height(RELATION_LIST_HEIGHT)
        .show_rows(ui, RELATION_ROW_HEIGHT, candidates.len(), |ui, rows| {
            keep_clear_of_scroll_bar(ui);
            for i in rows {
                let (c, decision) = (&candidates[i], &decisions[i]);
                let color = relation_color(&state.corpus.relation_labels, &c.label);
                let look = ButtonLook {
                    selected: state.pick.as_relation_candidate() == Some(i),
                    text: Some(color),
                    ..ButtonLook::default()
                };
                let conflict = c.annotators.len() < everyone;
                let row = decision_row(
                    ui,
                    cx.engine,
                    &c.label,
                    look,
                    *decision,
                    conflict,
                    &c.annotators,
                );
                let ends = relation_label(
                    ui,
                    cx.engine,
                    gold.slice(c.from.range),
                    gold.slice(c.to.range),
                );
                if let Some(row) = row {
                    clicked = Some((i, row));
                } else if ends.clicked() {
                    clicked = Some((i, RowClick::Pick));
                }
            }
        });
    ui.separator();
    let Some((i, click)) = clicked else {
        return;
    };
    let state = &mut *cx.state;
    state.pick_relation_candidate(i);
    if let Some(view) = cx.view.as_mut()
        && let Some(c) = state.review_relation_candidates().get(i)
    {
        view.reveal_offset(&mut cx.engine.font_system, c.from.range.start());
    }
    match click {
        RowClick::Pick => {}
        RowClick::Accept => state.accept_picked(),
        RowClick::Reject => state.reject_picked(),
    }
}

/// The annotators' document labels of the open document: one row per distinct choice with
/// who made it and what became of it; accept puts it into gold (the label's other pending
/// choices are rejected), reject leaves it out.
pub(crate) fn document_label_choices(ui: &mut egui::Ui, cx: &mut PanelContext<'_>) {
    let state = &*cx.state;
    let Some((review, gold)) = state.review_and_gold() else {
        return;
    };
    let choices = review.session.document_label_candidates(state.selected);
    if choices.is_empty() {
        return;
    }
    let everyone = review.session.names().len();
    let mut clicked: Option<(String, LabelChoice, RowClick)> = None;
    interface::label(ui, cx.engine, &tr!("review-document-labels"));
    for (label, options) in &choices {
        for choice in options {
            let decision = ReviewSession::label_decision(gold, label, choice);
            let look = ButtonLook {
                selected: decision == Decision::Accepted,
                ..ButtonLook::default()
            };
            let values: Vec<String> = choice.values.iter().map(|v| embedded(v)).collect();
            let tag = format!("{label}: {}", values.join(", "));
            let conflict = options.len() > 1 || choice.annotators.len() < everyone;
            if let Some(click) = decision_row(
                ui,
                cx.engine,
                &tag,
                look,
                decision,
                conflict,
                &choice.annotators,
            ) {
                clicked = Some((label.clone(), choice.clone(), click));
            }
        }
    }
    ui.separator();
    match clicked {
        Some((label, choice, RowClick::Pick | RowClick::Accept)) => {
            cx.state.accept_label_choice(&label, &choice);
        }
        Some((label, choice, RowClick::Reject)) => cx.state.reject_label_choice(&label, &choice),
        None => {}
    }
}

/// A figure to two decimals in the digits in force, or a dash when it is undefined.
pub(crate) fn figure(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_owned(), |v| crate::app::i18n::decimal(v, 2))
}

/// The agreement window's part on relations (exact-endpoint F1, overall and per pair) and
/// document labels (Cohen's κ and Krippendorff's α per label); nothing when the annotators
/// made neither.
pub(crate) fn link_figures(
    ui: &mut egui::Ui,
    engine: &mut TextEngine,
    report: &crate::review::Report,
) {
    let links = &report.links;
    if links.relations.is_none() && links.document_labels.is_empty() {
        return;
    }
    ui.separator();
    interface::heading(ui, engine, &tr!("review-links-heading"));
    if let Some(all) = &links.relations {
        interface::label(
            ui,
            engine,
            &tr!(
                "review-relations-figures",
                f1 = figure(all.f1),
                precision = figure(all.precision),
                recall = figure(all.recall)
            ),
        );
        for pair in &links.relation_pairs {
            let (a, b) = (
                &report.annotators[pair.reference],
                &report.annotators[pair.other],
            );
            // Names may be Arabic: the engine draws the line.
            let line = tr!(
                "review-relations-pair",
                other = embedded(b),
                reference = embedded(a),
                matched = pair.matched,
                reference_count = pair.reference_relations,
                other_count = pair.other_relations,
                f1 = figure(pair.figures.f1)
            );
            engine_label(ui, engine, &line);
        }
    }
    for label in &links.document_labels {
        let line = tr!(
            "review-document-label-figures",
            label = embedded(&label.name),
            kappa = figure(label.cohen_kappa),
            alpha = figure(label.krippendorff_alpha),
            documents = label.documents
        );
        engine_label(ui, engine, &line);
    }
}
