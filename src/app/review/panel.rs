//! The review mode's panels: the candidate list, the start-a-review window and the
//! agreement pictures.

use crate::app::state::dialogs::Dialog;
use egui::Color32;

use crate::app::i18n::tr;
use crate::app::state::context::PanelContext;
use crate::app::widgets::interface;
use crate::app::widgets::{
    ButtonLook, engine_button, engine_label, is_section_open, keep_clear_of_scroll_bar,
    scrolling_list, section_heading, text_line, text_tooltip,
};
use crate::review::session::{Decision, ReviewSession};

/// The span candidates' section (its id; its title is a message).
const CANDIDATES: &str = "Span candidates";
/// The least height the open candidate list keeps below the rest of the panel, and the
/// least share of the panel.
const CANDIDATE_LIST_MIN_HEIGHT: f32 = 200.0;
const CANDIDATE_LIST_MIN_SHARE: f32 = 0.4;

/// What a button of the review panel asked for.
#[derive(Clone, Copy)]
enum ReviewCommand {
    AcceptAllAgreed,
    MarkReviewed,
    Charts,
    Close,
}

/// The right-hand panel in review mode: progress, commands, the annotators' tiers, their
/// document labels and relations, and every span candidate of the open document with its
/// decision. What is above the span candidates scrolls in what their list leaves it, so
/// the list stays in reach.
pub fn panel(ui: &mut egui::Ui, cx: &mut PanelContext<'_>) {
    let Some(review) = cx.state.review.as_ref() else {
        return;
    };
    interface::heading(ui, cx.engine, &tr!("review-heading"));
    let (reviewed, total) = ReviewSession::progress(&cx.state.corpus);
    let fraction = if total == 0 {
        0.0
    } else {
        reviewed as f32 / total as f32
    };
    // egui's progress bar writes its text without bidi: the engine writes it on the bar.
    let bar = ui.add(egui::ProgressBar::new(fraction));
    let progress = tr!("review-progress", reviewed = reviewed, total = total);
    let text = interface::EngineText::body(ui, cx.engine, &progress);
    let name = text.name().to_owned();
    text.paint(
        ui.painter(),
        bar.rect.shrink2(egui::vec2(6.0, 0.0)),
        ui.visuals().strong_text_color(),
    );
    bar.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ProgressIndicator, true, &name));
    let count = review.session.candidates(cx.state.selected).len();
    let height = ui.available_height();
    let above = if is_section_open(ui.ctx(), CANDIDATES) {
        let wanted = (ROW_HEIGHT + ui.spacing().item_spacing.y) * (count as f32 + 1.0);
        let kept = (height * CANDIDATE_LIST_MIN_SHARE)
            .max(CANDIDATE_LIST_MIN_HEIGHT)
            .min(wanted);
        (height - kept).max(0.0)
    } else {
        height
    };
    let mut command = None;
    scrolling_list("review sections")
        .max_height(above)
        .show(ui, |ui| {
            keep_clear_of_scroll_bar(ui);
            command = overview(ui, cx);
            crate::app::review::links_panel::document_label_choices(ui, cx);
            crate::app::review::links_panel::relation_candidates(ui, cx);
        });
    ui.separator();
    if section_heading(ui, cx.engine, CANDIDATES, &tr!("review-span-candidates")) {
        candidates(ui, cx);
    }
    let state = &mut *cx.state;
    match command {
        Some(ReviewCommand::AcceptAllAgreed) => state.accept_all_agreed(),
        Some(ReviewCommand::MarkReviewed) => state.mark_reviewed(),
        Some(ReviewCommand::Charts) => {
            state.dialogs.toggle(Dialog::Agreement);
        }
        Some(ReviewCommand::Close) => state.close_review(),
        None => {}
    }
}

/// The review's groups (in a project), the open document's counts, the commands and the
/// tiers; returns the command clicked.
fn overview(ui: &mut egui::Ui, cx: &mut PanelContext<'_>) -> Option<ReviewCommand> {
    let state = &mut *cx.state;
    if let Some(index) = group_picker(ui, cx.engine, state) {
        state.switch_review_group(index);
    }
    let review = state.review.as_ref()?;
    let doc = state.selected;
    let candidates = review.session.candidates(doc);
    let gold = state.corpus.documents.get(doc)?;
    let decisions = review.session.decisions(doc, gold);
    let pending = decisions
        .iter()
        .filter(|d| **d == Decision::Pending)
        .count();
    let status = match gold.status {
        crate::model::Status::New => tr!("review-status-new"),
        crate::model::Status::InProgress => tr!("review-status-in-progress"),
        crate::model::Status::Done => tr!("review-status-done"),
        crate::model::Status::Reviewed => tr!("review-status-reviewed"),
    };
    interface::label(
        ui,
        cx.engine,
        &tr!(
            "review-this-document",
            pending = pending,
            candidates = candidates.len(),
            spans = gold.spans().len(),
            status = status
        ),
    );
    let mut command = None;
    ui.horizontal_wrapped(|ui| {
        for (text, what) in [
            (
                tr!("review-accept-all-agreed"),
                ReviewCommand::AcceptAllAgreed,
            ),
            (tr!("review-mark-reviewed"), ReviewCommand::MarkReviewed),
            (tr!("review-agreement-charts"), ReviewCommand::Charts),
            (tr!("review-close"), ReviewCommand::Close),
        ] {
            if interface::button(ui, cx.engine, &text).clicked() {
                command = Some(what);
            }
        }
    });
    tiers(ui, cx.engine, review);
    ui.separator();
    command
}

/// The span candidates' list and what a click in it does: pick (the view scrolls to it),
/// accept or reject.
fn candidates(ui: &mut egui::Ui, cx: &mut PanelContext<'_>) {
    let state = &mut *cx.state;
    let Some(review) = state.review.as_ref() else {
        return;
    };
    let Some(gold) = state.corpus.documents.get(state.selected) else {
        return;
    };
    let decisions = review.session.decisions(state.selected, gold);
    // A candidate picked since the last frame (by a key, or in the text) is scrolled to,
    // unless its row was on screen.
    let picked = state.pick.as_candidate();
    let scroll_to =
        picked.filter(|i| picked != review.listed_pick && !review.list_rows.contains(i));
    let RowAction {
        pick,
        accept,
        reject,
        rows,
    } = candidate_list(ui, cx.engine, state, &decisions, scroll_to);
    if let Some(review) = state.review.as_mut() {
        review.list_rows = rows;
        // A row clicked is in sight already: the list stays where it is.
        review.listed_pick = pick.or(accept).or(reject).or(picked);
    }
    let target = pick.or(accept).or(reject);
    if let Some(i) = target {
        state.pick_candidate(i);
        if let Some(view) = cx.view.as_mut() {
            let start = state.review_candidates()[i].range.start();
            view.reveal_offset(&mut cx.engine.font_system, start);
        }
    }
    if accept.is_some() {
        state.accept_picked();
    } else if reject.is_some() {
        state.reject_picked();
    }
}

/// Height of a row of the candidate list: its buttons, then its text.
const ROW_HEIGHT: f32 = 50.0;

/// What a click in the candidate list asked for (candidate indices).
#[derive(Default)]
struct RowAction {
    pick: Option<usize>,
    accept: Option<usize>,
    reject: Option<usize>,
    /// The rows shown.
    rows: std::ops::Range<usize>,
}

/// Every candidate of the open document: group number and label, decision, annotators,
/// accept and reject buttons, and its text drawn by the text engine.
fn candidate_list(
    ui: &mut egui::Ui,
    engine: &mut crate::app::widgets::TextEngine,
    state: &crate::app::AppState,
    decisions: &[Decision],
    scroll_to: Option<usize>,
) -> RowAction {
    let Some(review) = state.review.as_ref() else {
        return RowAction::default();
    };
    let doc = state.selected;
    let candidates = review.session.candidates(doc);
    let Some(gold) = state.corpus.documents.get(doc) else {
        return RowAction::default();
    };
    let groups = review.session.groups(doc);
    let mut group_of = vec![0; candidates.len()];
    let mut conflict = vec![false; candidates.len()];
    for (g, range) in groups.iter().enumerate() {
        let is_conflict = review.session.is_conflict(doc, range.clone());
        for i in range.clone() {
            group_of[i] = g + 1;
            conflict[i] = is_conflict;
        }
    }
    let mut pick = None;
    let mut accept = None;
    let mut reject = None;
    let text_color = ui.visuals().strong_text_color();
    let corpus = &state.corpus;
    let mut area = scrolling_list("candidates");
    if let Some(i) = scroll_to {
        // Keep a picked candidate in sight, two rows below the top of the list.
        let row = ROW_HEIGHT + ui.spacing().item_spacing.y;
        area = area.vertical_scroll_offset(row * i.saturating_sub(2) as f32);
    }
    let mut shown = 0..0;
    area.show_rows(ui, ROW_HEIGHT, candidates.len(), |ui, rows| {
        keep_clear_of_scroll_bar(ui);
        shown = rows.clone();
        for i in rows {
            let c = &candidates[i];
            let decision = decisions[i];
            let [r, g, b] = corpus.label(&c.label).map_or([128; 3], |l| l.color.0);
            ui.horizontal(|ui| {
                let look = ButtonLook {
                    selected: state.pick.as_candidate() == Some(i),
                    text: Some(Color32::from_rgb(r, g, b)),
                    ..ButtonLook::default()
                };
                let tag = engine_button(
                    ui,
                    engine,
                    &tr!(
                        "review-candidate-tag",
                        group = group_of[i],
                        label = c.label.as_str()
                    ),
                    look,
                );
                if tag.clicked() {
                    pick = Some(i);
                }
                let (word, color) =
                    crate::app::review::links_panel::decision_word(ui, decision, conflict[i]);
                interface::colored_label(ui, engine, &word, color);
                engine_label(ui, engine, &c.annotators.join(", "));
                if decision != Decision::Accepted
                    && crate::app::widgets::interface::small_button(
                        ui,
                        engine,
                        &tr!("review-accept"),
                    )
                    .clicked()
                {
                    accept = Some(i);
                }
                if decision != Decision::Rejected
                    && crate::app::widgets::interface::small_button(
                        ui,
                        engine,
                        &tr!("review-reject"),
                    )
                    .clicked()
                {
                    reject = Some(i);
                }
            });
            let width = ui.available_width();
            if text_line(ui, engine, gold.slice(c.range), 16.0, width, text_color).clicked() {
                pick = Some(i);
            }
        }
    });
    RowAction {
        pick,
        accept,
        reject,
        rows: shown,
    }
}

/// In a project's review, one row a group of annotators (their names may be Arabic, so
/// the engine draws them) with its progress; returns the group clicked, if another.
fn group_picker(
    ui: &mut egui::Ui,
    engine: &mut crate::app::widgets::TextEngine,
    state: &crate::app::AppState,
) -> Option<usize> {
    let project = state.review.as_ref()?.project.as_ref()?;
    let reviewed: std::collections::HashSet<&str> = state
        .corpus
        .documents
        .iter()
        .filter(|d| d.status == crate::model::Status::Reviewed)
        .map(|d| d.id.as_str())
        .collect();
    let mut chosen = None;
    interface::label(ui, engine, &tr!("review-groups"));
    for (i, group) in project.groups.iter().enumerate() {
        let done = group
            .documents
            .iter()
            .filter(|id| reviewed.contains(id.as_str()))
            .count();
        let text = crate::app::review::group_text(group, done);
        let look = ButtonLook {
            selected: i == project.current,
            ..ButtonLook::default()
        };
        if engine_button(ui, engine, &text, look).clicked() && i != project.current {
            chosen = Some(i);
        }
    }
    ui.separator();
    chosen
}

/// The annotators in tier order, each one's file on hover.
fn tiers(
    ui: &mut egui::Ui,
    engine: &mut crate::app::widgets::TextEngine,
    review: &crate::app::Review,
) {
    interface::label(ui, engine, &tr!("review-tiers"));
    ui.horizontal_wrapped(|ui| {
        for (k, name) in review.session.names().iter().enumerate() {
            interface::label(ui, engine, &tr!("review-tier-number", number = k + 1));
            let tier = engine_label(ui, engine, name);
            if let Some(file) = review.files.get(k) {
                let path = crate::text::isolates::path_unit(&file.display().to_string());
                text_tooltip(tier, engine, &path);
            }
        }
    });
}
