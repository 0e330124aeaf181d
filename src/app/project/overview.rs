//! View → Project overview: the curator's picture of a team project — bars of each
//! annotator's progress and a matrix of documents × annotators coloured by state — read from
//! the project's files as saved (see [`crate::project::status`]).

use crate::app::i18n::{self, tr};
use crate::app::state::dialogs::Dialog;
use egui::{Color32, Sense, Vec2};
use egui_plot::{Bar, BarChart, GridMark, Plot};

use crate::app::state::context::PanelContext;
use crate::app::widgets::interface::{self, mirrored};
use crate::app::widgets::{
    TextEngine, embedded, engine_label, engine_message, numbers, text_tooltip,
};
use crate::project::ProjectStatus;
use crate::project::status::{DocumentStatus, WorkState};

/// The colour of a matrix cell and a bar for an annotator's state of a document.
pub fn state_color(state: WorkState) -> Color32 {
    match state {
        WorkState::New => Color32::from_rgb(0xb0, 0xb0, 0xb0),
        WorkState::InProgress => Color32::from_rgb(0xf0, 0xa0, 0x20),
        WorkState::Done => Color32::from_rgb(0x2e, 0x9d, 0x4f),
    }
}

/// The colour of the gold column for a document reviewed into gold.
pub const REVIEWED_COLOR: Color32 = Color32::from_rgb(0x8e, 0x5c, 0xd6);
/// The colour of the gold column for a document ready for review.
pub const READY_COLOR: Color32 = Color32::from_rgb(0x3b, 0x7d, 0xd8);

/// What a state is called in cells' accessible names and tooltips, in the language in force.
pub fn state_name(state: WorkState) -> String {
    match state {
        WorkState::New => tr!("project-state-new"),
        WorkState::InProgress => tr!("project-state-in-progress"),
        WorkState::Done => tr!("project-state-done"),
    }
}

/// Side of a matrix cell, in points.
const CELL: f32 = 16.0;
/// Height of a matrix row.
const ROW: f32 = 20.0;
/// Width of the document-id column.
const ID_WIDTH: f32 = 150.0;

/// The overview window, when shown.
pub fn overview_window(ctx: &egui::Context, cx: &mut PanelContext<'_>) {
    if !cx.state.dialogs.is_open(Dialog::ProjectOverview) {
        return;
    }
    let Some(mode) = cx.state.project.as_mut() else {
        return;
    };
    let mut open = true;
    let mut refresh = false;
    let engine = &mut *cx.engine;
    let top_centre = egui::pos2(ctx.content_rect().center().x, 90.0);
    // From below the tool rows to above the status bar.
    let max_height = (ctx.content_rect().height() - 180.0).max(200.0);
    interface::window("project-overview")
        .pivot(egui::Align2::CENTER_TOP)
        .default_pos(top_centre)
        .default_width(620.0)
        .default_height(max_height)
        .max_height(max_height)
        .show(ctx, |ui| {
            mirrored(ui, |ui| {
                interface::title_bar(ui, engine, &tr!("project-overview-title"), &mut open);
            });
            mirrored(ui, |ui| {
                if let Some(state) = &mode.sync_state {
                    let line = super::sync_text::state_text(state, std::time::SystemTime::now());
                    engine_label(ui, engine, &tr!("project-sync-state", state = line));
                }
                if let Some(report) = &mode.last_report {
                    let line = tr!("project-last-sync", report = report.replace('\n', "; "));
                    engine_message(ui, engine, &line);
                }
                refresh = interface::button(ui, engine, &tr!("project-refresh")).clicked();
                match &mode.status {
                    Some(Ok(status)) => overview(ui, engine, status),
                    Some(Err(e)) => {
                        let line = tr!("project-unreadable", error = e.as_str());
                        engine_message(ui, engine, &line);
                    }
                    None => {}
                }
            });
        });
    if refresh || (open && mode.status.is_none()) {
        mode.refresh_status();
    }
    cx.state.dialogs.set(Dialog::ProjectOverview, open);
}

/// The figures, the bars and the matrix of one status.
fn overview(ui: &mut egui::Ui, engine: &mut TextEngine, status: &ProjectStatus) {
    let f1 = status
        .overall_f1
        .map_or_else(|| "-".to_owned(), |f| i18n::decimal(f, 3));
    engine_message(
        ui,
        engine,
        &tr!(
            "project-summary",
            name = embedded(&status.name),
            documents = status.documents,
            finished = status.finished,
            ready = status.ready_for_review,
            reviewed = status.gold.reviewed,
            f1 = f1
        ),
    );
    ui.separator();
    // The colours' legend first: it is the bars' legend too (egui_plot's has no bidi).
    legend(ui, engine);
    progress_bars(ui, engine, status);
    ui.separator();
    matrix(ui, engine, status);
}

/// Per annotator, a bar of done, in progress and new documents stacked; numbered, the
/// names below (the engine draws them: plot axes cannot show Arabic).
fn progress_bars(ui: &mut egui::Ui, engine: &mut TextEngine, status: &ProjectStatus) {
    let n = status.annotators.len();
    let series = |state: WorkState,
                  count: fn(&crate::project::status::AnnotatorStatus) -> usize| {
        let bars = status
            .annotators
            .iter()
            .enumerate()
            .map(|(i, a)| {
                Bar::new((i + 1) as f64, count(a) as f64)
                    .width(0.6)
                    .fill(state_color(state))
                    .name(numbers::chart_number((i + 1) as f64, 0))
            })
            .collect();
        // Its name is egui's only (no legend is shown): the colours' legend names it.
        BarChart::new(format!("{state:?}"), bars)
            .color(state_color(state))
            .element_formatter(numbers::bar_value(0))
    };
    let done = series(WorkState::Done, |a| a.done);
    let in_progress = series(WorkState::InProgress, |a| a.in_progress).stack_on(&[&done]);
    let new = series(WorkState::New, |a| a.new).stack_on(&[&done, &in_progress]);
    Plot::new("project-progress")
        .height(140.0)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .include_y(0.0)
        .include_x(0.4)
        .include_x(n as f64 + 0.6)
        .x_grid_spacer(move |_| {
            (1..=n)
                .map(|i| GridMark {
                    value: i as f64,
                    step_size: 1.0,
                })
                .collect()
        })
        .x_axis_formatter(numbers::tick)
        .y_axis_formatter(numbers::tick)
        .show(ui, |plot| {
            plot.bar_chart(done);
            plot.bar_chart(in_progress);
            plot.bar_chart(new);
        });
    ui.horizontal_wrapped(|ui| {
        for (i, a) in status.annotators.iter().enumerate() {
            let line = tr!(
                "project-annotator-bar",
                number = i + 1,
                name = embedded(&a.name),
                done = a.done,
                assigned = a.assigned
            );
            engine_label(ui, engine, &line);
        }
    });
}

/// What the matrix's colours mean.
fn legend(ui: &mut egui::Ui, engine: &mut TextEngine) {
    ui.horizontal_wrapped(|ui| {
        for (color, name) in [
            (state_color(WorkState::New), state_name(WorkState::New)),
            (
                state_color(WorkState::InProgress),
                state_name(WorkState::InProgress),
            ),
            (state_color(WorkState::Done), state_name(WorkState::Done)),
            (READY_COLOR, tr!("project-ready-for-review")),
            (REVIEWED_COLOR, tr!("project-reviewed-in-gold")),
        ] {
            // The swatch and its name stay together when the row wraps.
            ui.horizontal(|ui| {
                let (rect, _) = ui.allocate_exact_size(Vec2::splat(12.0), Sense::hover());
                ui.painter().rect_filled(rect, 2.0, color);
                interface::label(ui, engine, &name);
            });
        }
    });
}

/// Documents down, annotators across (numbered as under the bars), gold last; only the
/// rows on screen are drawn.
fn matrix(ui: &mut egui::Ui, engine: &mut TextEngine, status: &ProjectStatus) {
    let n = status.annotators.len();
    ui.horizontal(|ui| {
        let (id_rect, _) = ui.allocate_exact_size(Vec2::new(ID_WIDTH, ROW), Sense::hover());
        let caption = tr!("project-document");
        ui.put(id_rect, |ui: &mut egui::Ui| {
            interface::label(ui, engine, &caption)
        });
        for i in 0..n {
            let (rect, _) = ui.allocate_exact_size(Vec2::new(CELL, ROW), Sense::hover());
            let number = tr!("project-annotator-number", number = i + 1);
            ui.put(rect, |ui: &mut egui::Ui| {
                interface::label(ui, engine, &number)
            });
        }
        interface::label(ui, engine, &tr!("project-gold"));
    });
    egui::ScrollArea::vertical()
        .id_salt("project-matrix")
        .auto_shrink([false, true])
        // The rows that fit above the window's bottom (at least a few), the rest scrolled.
        .max_height(ui.available_height().max(120.0))
        .min_scrolled_height(120.0)
        .show_rows(ui, ROW, status.per_document.len(), |ui, rows| {
            for doc in &status.per_document[rows] {
                matrix_row(ui, engine, status, doc);
            }
        });
}

/// One document's row: its id, a cell per annotator (empty where it is not assigned), and
/// the gold cell.
fn matrix_row(
    ui: &mut egui::Ui,
    engine: &mut TextEngine,
    status: &ProjectStatus,
    doc: &DocumentStatus,
) {
    ui.horizontal(|ui| {
        ui.set_height(ROW);
        let (id_rect, _) = ui.allocate_exact_size(Vec2::new(ID_WIDTH, ROW), Sense::hover());
        ui.put(id_rect, |ui: &mut egui::Ui| {
            engine_label(ui, engine, &doc.id)
        });
        for annotator in &status.annotators {
            let state = doc
                .annotators
                .iter()
                .find(|(name, _)| *name == annotator.name)
                .map(|(_, s)| *s);
            let (document, person) = (embedded(&doc.id), embedded(&annotator.name));
            let what = state.map_or_else(|| tr!("project-not-assigned"), state_name);
            let name = tr!(
                "project-cell",
                document = document,
                annotator = person,
                state = what
            );
            cell(ui, engine, state.map(state_color), &name);
        }
        let (color, what) = if doc.reviewed {
            (Some(REVIEWED_COLOR), tr!("project-reviewed-in-gold"))
        } else if doc.ready_for_review {
            (Some(READY_COLOR), tr!("project-ready-for-review"))
        } else {
            (None, tr!("project-not-finished"))
        };
        let name = tr!(
            "project-gold-cell",
            document = embedded(&doc.id),
            state = what
        );
        cell(ui, engine, color, &name);
    });
}

/// A cell filled with `color` (outlined only without one), named `name` for screen readers
/// and its tooltip.
fn cell(ui: &mut egui::Ui, engine: &mut TextEngine, color: Option<Color32>, name: &str) {
    let (rect, response) = ui.allocate_exact_size(Vec2::splat(CELL), Sense::hover());
    let rect = rect.shrink(1.0);
    match color {
        Some(color) => {
            ui.painter().rect_filled(rect, 2.0, color);
        }
        None => {
            ui.painter().rect_stroke(
                rect,
                2.0,
                egui::Stroke::new(1.0, ui.visuals().weak_text_color()),
                egui::StrokeKind::Inside,
            );
        }
    }
    // The accessible name without the marks that only order the drawn line.
    let label = crate::text::isolates::without_ordering_marks(name);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Cell, true, label.clone()));
    text_tooltip(
        response,
        engine,
        &crate::text::isolates::interface_line(name),
    );
}
