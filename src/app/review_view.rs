//! The review mode's panels: the candidate list, the start-a-review window and the
//! agreement pictures.

use super::bidi_field::BidiField;
use std::path::PathBuf;

use egui::Color32;
use egui_plot::{AxisHints, Bar, BarChart, GridMark, Heatmap, Legend, Plot};

use super::TaliqApp;
use super::document_view::{
    ButtonLook, engine_button, engine_label, text_line, width_beside_scroll_bar,
};
use crate::review::Report;
use crate::review::session::{Decision, ReviewSession};

/// How one agreement figure is read from a label's figures.
type Measure = fn(&crate::review::Figures) -> Option<f64>;

/// `value` as a whole number, if it is one (axis marks sit on whole or half numbers).
fn whole(value: f64) -> Option<usize> {
    let rounded = value.round();
    ((value - rounded).abs() < 1e-6 && rounded >= 0.0)
        .then(|| usize::try_from(rounded as i64).ok())
        .flatten()
}

/// The "start a review" window's fields.
#[derive(Debug, Default)]
pub struct ReviewOpener {
    /// Whether the window is shown.
    pub open: bool,
    /// The annotators' corpus files, in tier order.
    pub files: Vec<PathBuf>,
    /// A path being typed to add to the files.
    pub typed: String,
    /// Where the gold corpus is (or will be) written.
    pub gold: String,
}

/// The window that starts a review: annotators' files and the gold file.
pub fn opener(ctx: &egui::Context, app: &mut TaliqApp) {
    let mut open = app.review_opener.open;
    let mut start = false;
    egui::Window::new("Start a review")
        .open(&mut open)
        .collapsible(false)
        .show(ctx, |ui| {
            let opener = &mut app.review_opener;
            let engine = &mut app.engine;
            ui.label("Annotators' corpus files (one per annotator, same documents):");
            let mut remove = None;
            for (i, file) in opener.files.iter().enumerate() {
                ui.horizontal(|ui| {
                    ui.label(format!("{}. {}", i + 1, file.display()));
                    if ui.small_button("remove").clicked() {
                        remove = Some(i);
                    }
                });
            }
            if let Some(i) = remove {
                opener.files.remove(i);
            }
            ui.horizontal(|ui| {
                if ui.button("add files…").clicked()
                    && let Some(paths) = rfd::FileDialog::new()
                        .add_filter("taliq corpus", &["json", "jsonl"])
                        .pick_files()
                {
                    opener.files.extend(paths);
                }
                let caption = ui.label("or annotator file:");
                BidiField::new(&mut opener.typed, egui::Id::unique("taliq-review-typed"))
                    .hint("annotator.json")
                    .desired_width(220.0)
                    .show(ui, engine)
                    .labelled_by(caption.id);
                if ui.button("add").clicked() && !opener.typed.trim().is_empty() {
                    opener.files.push(PathBuf::from(opener.typed.trim()));
                    opener.typed.clear();
                }
            });
            ui.horizontal(|ui| {
                let caption = ui.label("Gold file:");
                BidiField::new(&mut opener.gold, egui::Id::unique("taliq-review-gold"))
                    .hint("gold.json (created if missing)")
                    .desired_width(260.0)
                    .show(ui, engine)
                    .labelled_by(caption.id);
                if ui.button("choose…").clicked()
                    && let Some(path) = rfd::FileDialog::new()
                        .add_filter("taliq corpus", &["json", "jsonl"])
                        .set_file_name("gold.json")
                        .save_file()
                {
                    opener.gold = path.display().to_string();
                }
            });
            let ready = opener.files.len() >= 2 && !opener.gold.trim().is_empty();
            start = ui
                .add_enabled(ready, egui::Button::new("start review"))
                .clicked();
        });
    app.review_opener.open = open;
    if start {
        let files = app.review_opener.files.clone();
        let gold = PathBuf::from(app.review_opener.gold.trim());
        match app.state.open_review(&files, &gold) {
            Ok(()) => {
                app.review_opener.open = false;
                app.remember_file();
            }
            Err(e) => app.state.say(e),
        }
    }
}

/// The right-hand panel in review mode: progress, commands, the annotators' tiers and every
/// candidate of the open document with its decision.
pub fn panel(ui: &mut egui::Ui, app: &mut TaliqApp) {
    let state = &mut app.state;
    if state.review.is_none() {
        return;
    }
    ui.heading("Review");
    let (reviewed, total) = ReviewSession::progress(&state.corpus);
    ui.add(
        egui::ProgressBar::new(if total == 0 {
            0.0
        } else {
            reviewed as f32 / total as f32
        })
        .text(format!("{reviewed} of {total} documents reviewed")),
    );
    if let Some(index) = group_picker(ui, &mut app.engine, state) {
        state.switch_review_group(index);
    }
    let Some(review) = state.review.as_ref() else {
        return;
    };
    let doc = state.selected;
    let candidates = review.session.candidates(doc);
    let Some(gold) = state.corpus.documents.get(doc) else {
        return;
    };
    let decisions = review.session.decisions(doc, gold);
    let pending = decisions
        .iter()
        .filter(|d| **d == Decision::Pending)
        .count();
    ui.label(format!(
        "this document: {pending} of {} candidates pending, {} gold spans, {}",
        candidates.len(),
        gold.spans().len(),
        gold.status.as_str()
    ));
    let mut accept_all = false;
    let mut mark = false;
    let mut charts = false;
    let mut close = false;
    ui.horizontal_wrapped(|ui| {
        accept_all = ui.button("accept all agreed (Ctrl+Shift+A)").clicked();
        mark = ui.button("mark reviewed (Ctrl+Enter)").clicked();
        charts = ui.button("agreement charts").clicked();
        close = ui.button("close review").clicked();
    });
    tiers(ui, &mut app.engine, review);
    ui.separator();
    super::review_links_view::document_label_choices(ui, app);
    super::review_links_view::relation_candidates(ui, app);
    let state = &mut app.state;
    let Some(review) = state.review.as_ref() else {
        return;
    };
    let Some(gold) = state.corpus.documents.get(state.selected) else {
        return;
    };
    let decisions = review.session.decisions(state.selected, gold);
    // A candidate picked since the last frame (by a key, or in the text) is scrolled to,
    // unless its row was on screen.
    let scroll_to = review
        .picked
        .filter(|i| review.picked != review.listed_pick && !review.list_rows.contains(i));
    let RowAction {
        pick,
        accept,
        reject,
        rows,
    } = candidate_list(ui, &mut app.engine, state, &decisions, scroll_to);
    if let Some(review) = state.review.as_mut() {
        review.list_rows = rows;
        // A row clicked is in sight already: the list stays where it is.
        review.listed_pick = pick.or(accept).or(reject).or(review.picked);
    }
    let target = pick.or(accept).or(reject);
    if let Some(i) = target {
        state.pick_candidate(i);
        if let Some(view) = app.document_view.as_mut() {
            let start = state.review_candidates()[i].range.start();
            view.reveal_offset(&mut app.engine.font_system, start);
        }
    }
    if accept.is_some() {
        state.accept_picked();
    } else if reject.is_some() {
        state.reject_picked();
    }
    if accept_all {
        state.accept_all_agreed();
    }
    if mark {
        state.mark_reviewed();
    }
    if let Some(review) = state.review.as_mut()
        && charts
    {
        review.show_agreement = !review.show_agreement;
    }
    if close {
        state.close_review();
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
    engine: &mut super::document_view::TextEngine,
    state: &super::AppState,
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
    let mut area = egui::ScrollArea::vertical();
    if let Some(i) = scroll_to {
        // Keep a picked candidate in sight, two rows below the top of the list.
        let row = ROW_HEIGHT + ui.spacing().item_spacing.y;
        area = area.vertical_scroll_offset(row * i.saturating_sub(2) as f32);
    }
    let mut shown = 0..0;
    area.show_rows(ui, ROW_HEIGHT, candidates.len(), |ui, rows| {
        shown = rows.clone();
        for i in rows {
            let c = &candidates[i];
            let decision = decisions[i];
            let [r, g, b] = corpus.label(&c.label).map_or([128; 3], |l| l.color.0);
            ui.horizontal(|ui| {
                let look = ButtonLook {
                    selected: review.picked == Some(i),
                    text: Some(Color32::from_rgb(r, g, b)),
                    ..ButtonLook::default()
                };
                let tag = engine_button(ui, engine, &format!("{}. {}", group_of[i], c.label), look);
                if tag.clicked() {
                    pick = Some(i);
                }
                let (word, color) =
                    super::review_links_view::decision_word(ui, decision, conflict[i]);
                ui.colored_label(color, word);
                engine_label(ui, engine, &c.annotators.join(", "));
                if decision != Decision::Accepted && ui.small_button("accept").clicked() {
                    accept = Some(i);
                }
                if decision != Decision::Rejected && ui.small_button("reject").clicked() {
                    reject = Some(i);
                }
            });
            let width = width_beside_scroll_bar(ui);
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
    engine: &mut crate::app::document_view::TextEngine,
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
    ui.label("Groups (documents finished by the same annotators):");
    for (i, group) in project.groups.iter().enumerate() {
        let done = group
            .documents
            .iter()
            .filter(|id| reviewed.contains(id.as_str()))
            .count();
        let text = super::review_state::group_text(group, done);
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
    engine: &mut crate::app::document_view::TextEngine,
    review: &crate::app::Review,
) {
    ui.label("Tiers, lowest first:");
    ui.horizontal_wrapped(|ui| {
        for (k, name) in review.session.names().iter().enumerate() {
            ui.label(format!("{}.", k + 1));
            let tier = engine_label(ui, engine, name);
            if let Some(file) = review.files.get(k) {
                tier.on_hover_text(file.display().to_string());
            }
        }
    });
}

/// The agreement pictures: per-label figures as grouped bars, the label confusion as a heat map.
pub fn agreement_window(ctx: &egui::Context, app: &mut TaliqApp) {
    let Some(review) = app.state.review.as_mut() else {
        return;
    };
    let mut open = review.show_agreement;
    let report = review.session.report();
    let pair = &mut review.heat_map_pair;
    let engine = &mut app.engine;
    egui::Window::new("Agreement")
        .open(&mut open)
        .default_width(560.0)
        .show(ctx, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                agreement_figures(ui, report, pair);
                super::review_links_view::link_figures(ui, engine, report);
            });
        });
    review.show_agreement = open;
}

/// The agreement window's contents: overall figures, bars per label, the confusion heat map.
fn agreement_figures(ui: &mut egui::Ui, report: &Report, pair: &mut Option<usize>) {
    let o = &report.overall;
    ui.label(format!(
                "{} annotators, {} documents, {} tokens. Overall: exact F1 {}, partial F1 {}, Cohen's κ {}, Krippendorff's α {}, α_U {}",
                report.annotators.len(),
                report.documents,
                report.tokens,
                figure(o.exact.f1),
                figure(o.partial.f1),
                figure(o.cohen_kappa),
                figure(o.krippendorff_alpha),
                figure(o.unitizing_alpha),
            ));
    ui.strong("Per label (mean over annotator pairs)");
    bar_chart(ui, report);
    ui.separator();
    ui.strong("Label confusion: overlapping spans labelled differently");
    let pair_name = |p: Option<usize>| match p {
        None => "every pair".to_owned(),
        Some(p) => {
            let pr = &report.pairs[p];
            format!(
                "{} (rows) against {} (columns)",
                report.annotators[pr.reference], report.annotators[pr.other]
            )
        }
    };
    egui::ComboBox::from_label("pair")
        .selected_text(pair_name(*pair))
        .show_ui(ui, |ui| {
            ui.selectable_value(pair, None, pair_name(None));
            for p in 0..report.pairs.len() {
                ui.selectable_value(pair, Some(p), pair_name(Some(p)));
            }
        });
    heat_map(ui, report, *pair);
}

/// A figure to two decimals, or a dash when it is undefined.
fn figure(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_owned(), |v| format!("{v:.2}"))
}

/// One bar group per label (and overall): exact F1, partial F1, Cohen's κ, Krippendorff's α, unitizing α.
fn bar_chart(ui: &mut egui::Ui, report: &Report) {
    let rows: Vec<&crate::review::Figures> = report
        .per_label
        .iter()
        .chain(std::iter::once(&report.overall))
        .collect();
    let names: Vec<String> = rows.iter().map(|f| f.label.clone()).collect();
    let measures: [(&str, Measure, Color32); 5] = [
        (
            "exact F1",
            |f| f.exact.f1,
            Color32::from_rgb(0x1f, 0x77, 0xb4),
        ),
        (
            "partial F1",
            |f| f.partial.f1,
            Color32::from_rgb(0xff, 0x7f, 0x0e),
        ),
        (
            "Cohen's κ",
            |f| f.cohen_kappa,
            Color32::from_rgb(0x2c, 0xa0, 0x2c),
        ),
        (
            "Krippendorff's α",
            |f| f.krippendorff_alpha,
            Color32::from_rgb(0x94, 0x67, 0xbd),
        ),
        (
            "α_U",
            |f| f.unitizing_alpha,
            Color32::from_rgb(0x8c, 0x56, 0x4b),
        ),
    ];
    let width = 0.8 / measures.len() as f64;
    let label_names = names.clone();
    Plot::new("agreement-bars")
        .height(220.0)
        .legend(Legend::default())
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .include_y(0.0)
        .include_y(1.0)
        // Room on the right for the legend, so that it hides no bar.
        .include_x(-0.6)
        .include_x(rows.len() as f64 + 1.2)
        .x_grid_spacer(move |_| {
            (0..label_names.len())
                .map(|i| GridMark {
                    value: i as f64,
                    step_size: 1.0,
                })
                .collect()
        })
        .x_axis_formatter(move |mark, _| {
            whole(mark.value)
                .and_then(|i| names.get(i).cloned())
                .unwrap_or_default()
        })
        .show(ui, |plot| {
            for (m, (name, measure, color)) in measures.iter().enumerate() {
                let offset = (m as f64 - (measures.len() - 1) as f64 / 2.0) * width;
                let bars = rows
                    .iter()
                    .enumerate()
                    .filter_map(|(i, f)| {
                        measure(f).map(|v| {
                            Bar::new(i as f64 + offset, v)
                                .width(width)
                                .fill(*color)
                                .name(format!("{} {name}", f.label))
                        })
                    })
                    .collect();
                plot.bar_chart(BarChart::new(*name, bars).color(*color));
            }
        });
}

/// The confusion matrix as a heat map: first label of the pair down the side, second along the top.
fn heat_map(ui: &mut egui::Ui, report: &Report, pair: Option<usize>) {
    let matrix = report.confusion_matrix(pair);
    let (first, second) = match pair.and_then(|p| report.pairs.get(p)) {
        Some(p) => (
            report.annotators[p.reference].clone(),
            report.annotators[p.other].clone(),
        ),
        None => (
            "first of each pair".to_owned(),
            "second of each pair".to_owned(),
        ),
    };
    let n = report.labels.len();
    if n == 0 {
        return;
    }
    // egui_plot puts row 0 at the bottom: give it the rows last to first so the first label is on top.
    let values: Vec<f64> = matrix.iter().rev().flatten().map(|&c| c as f64).collect();
    let max = values.iter().copied().fold(1.0, f64::max);
    let columns = report.labels.clone();
    let rows = report.labels.clone();
    let spacer = move |_: egui_plot::GridInput| -> Vec<GridMark> {
        (0..n)
            .map(|i| GridMark {
                value: i as f64 + 0.5,
                step_size: 1.0,
            })
            .collect()
    };
    let name_at = |names: &[String], value: f64, reversed: bool| {
        whole(value - 0.5)
            .and_then(|i| {
                let i = if reversed {
                    names.len().checked_sub(i + 1)?
                } else {
                    i
                };
                names.get(i).cloned()
            })
            .unwrap_or_default()
    };
    Plot::new("agreement-heat-map")
        .height(240.0)
        .data_aspect(1.0)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .show_grid(false)
        .x_grid_spacer(spacer)
        .y_grid_spacer(spacer)
        // Cells are narrower than egui_plot's default spacing for x labels: allow them closer.
        .custom_x_axes(vec![
            AxisHints::new_x()
                .formatter(move |mark, _| name_at(&columns, mark.value, false))
                .label(second)
                .label_spacing(16.0..=24.0),
        ])
        .y_axis_label(first)
        .y_axis_formatter(move |mark, _| name_at(&rows, mark.value, true))
        .show(ui, |plot| {
            plot.add(
                Heatmap::new(values, n)
                    .range(0.0, max)
                    .palette(&[
                        Color32::from_rgb(0xf7, 0xf7, 0xf7),
                        Color32::from_rgb(0xfd, 0xae, 0x61),
                        Color32::from_rgb(0xd7, 0x30, 0x27),
                    ])
                    .formatter(Box::new(|v| format!("{v:.0}")))
                    .name("spans"),
            );
        });
}
