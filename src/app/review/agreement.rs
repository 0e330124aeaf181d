//! The agreement window: figures per label and pair, the per-label bars and the label
//! confusion heat map.

use crate::app::i18n::{self, tr};
use crate::app::review::links_panel::figure;
use crate::app::state::context::PanelContext;
use crate::app::state::dialogs::Dialog;
use crate::app::widgets::interface::{self, EngineText, mirrored};
use crate::app::widgets::{
    TextEngine, keep_clear_of_scroll_bar, numbers, scrolling_list, section_heading,
};
use crate::review::Report;
use egui::Color32;
use egui_plot::{Bar, BarChart, GridMark, Heatmap, Plot};

/// How one agreement figure is read from a label's figures.
type Measure = fn(&crate::review::Figures) -> Option<f64>;

/// `value` as a whole number, if it is one (axis marks sit on whole or half numbers).
fn whole(value: f64) -> Option<usize> {
    let rounded = value.round();
    ((value - rounded).abs() < 1e-6 && rounded >= 0.0)
        .then(|| usize::try_from(rounded as i64).ok())
        .flatten()
}

/// How far below the window's top the agreement window opens: under the menu and tool rows.
const WINDOW_TOP: f32 = 90.0;
/// Heights of the bar chart and of the heat map.
const BAR_CHART_HEIGHT: f32 = 130.0;
const HEAT_MAP_HEIGHT: f32 = 180.0;
/// The id of the heat map's accessible name (`egui_plot` gives a plot none).
pub const HEAT_MAP_NAME: &str = crate::app::i18n::msg_id!("review-heat-map-name");

/// The agreement pictures: per-label figures as grouped bars, the label confusion as a heat map.
pub fn agreement_window(ctx: &egui::Context, cx: &mut PanelContext<'_>) {
    let Some(review) = cx.state.review.as_mut() else {
        return;
    };
    let mut open = true;
    let report = review.session.report();
    let pair = &mut review.heat_map_pair;
    let engine = &mut *cx.engine;
    // Below the menu and tool rows, as tall as the window leaves: the charts and the heat
    // map show whole at the default window size, and the window scrolls when smaller.
    let screen = ctx.content_rect();
    let top = screen.top() + WINDOW_TOP;
    interface::window("agreement")
        .default_pos(egui::pos2(screen.left() + 24.0, top))
        .default_width(560.0)
        .default_height((screen.bottom() - top - 40.0).clamp(200.0, 760.0))
        .show(ctx, |ui| {
            mirrored(ui, |ui| {
                interface::title_bar(ui, engine, &tr!("review-agreement-title"), &mut open);
            });
            scrolling_list("agreement").show(ui, |ui| {
                keep_clear_of_scroll_bar(ui);
                mirrored(ui, |ui| {
                    agreement_figures(ui, engine, report, pair);
                    crate::app::review::links_panel::link_figures(ui, engine, report);
                });
            });
        });
    cx.state.dialogs.set(Dialog::Agreement, open);
}

/// The agreement window's contents: overall figures, bars per label, the confusion heat map.
fn agreement_figures(
    ui: &mut egui::Ui,
    engine: &mut TextEngine,
    report: &Report,
    pair: &mut Option<usize>,
) {
    let o = &report.overall;
    let summary = tr!(
        "review-agreement-summary",
        annotators = report.annotators.len(),
        documents = report.documents,
        tokens = report.tokens,
        exact = figure(o.exact.f1),
        partial = figure(o.partial.f1),
        kappa = figure(o.cohen_kappa),
        alpha = figure(o.krippendorff_alpha),
        unitizing = figure(o.unitizing_alpha)
    );
    // A long line: wrapped by the engine at the window's width.
    crate::app::widgets::engine_message(ui, engine, &summary);
    let name = "Per label (mean over annotator pairs)";
    if section_heading(ui, engine, name, &tr!("review-per-label")) {
        bar_chart(ui, engine, report);
    }
    ui.separator();
    let name = "Label confusion: overlapping spans labelled differently";
    if section_heading(ui, engine, name, &tr!("review-confusion")) {
        confusion_pair(ui, engine, report, pair);
        heat_map(ui, engine, report, *pair);
    }
}

/// Which pair the heat map counts: a drop-down list of every pair (names may be Arabic: the
/// engine draws them).
fn confusion_pair(
    ui: &mut egui::Ui,
    engine: &mut TextEngine,
    report: &Report,
    pair: &mut Option<usize>,
) {
    let pair_name = |p: Option<usize>| match p {
        None => tr!("review-every-pair"),
        Some(p) => {
            let pr = &report.pairs[p];
            tr!(
                "review-pair-name",
                rows = crate::app::widgets::embedded(&report.annotators[pr.reference]),
                columns = crate::app::widgets::embedded(&report.annotators[pr.other])
            )
        }
    };
    ui.horizontal(|ui| {
        let caption = interface::label(ui, engine, &tr!("review-pair"));
        let current = EngineText::body(ui, engine, &pair_name(*pair));
        let button = interface::menu_button(ui, current, |ui| {
            for p in std::iter::once(None).chain((0..report.pairs.len()).map(Some)) {
                if interface::selectable_value(ui, engine, pair, p, &pair_name(p)).clicked() {
                    ui.close();
                }
            }
        });
        button.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::ComboBox, true, pair_name(*pair))
        });
        button.labelled_by(caption.id);
    });
}

/// One bar group per label (and overall): exact F1, partial F1, Cohen's κ, Krippendorff's α,
/// unitizing α; their legend above it, drawn by the engine (`egui_plot`'s own legend has
/// no bidi).
fn bar_chart(ui: &mut egui::Ui, engine: &mut TextEngine, report: &Report) {
    let rows: Vec<&crate::review::Figures> = report
        .per_label
        .iter()
        .chain(std::iter::once(&report.overall))
        .collect();
    let names: Vec<String> = rows.iter().map(|f| f.label.clone()).collect();
    // Each measure's name in the legend, its symbol on a bar's hover (egui text: Latin).
    let measures: [(String, &str, Measure, Color32); 5] = [
        (
            tr!("review-measure-exact-f1"),
            "F1 (exact)",
            |f| f.exact.f1,
            Color32::from_rgb(0x1f, 0x77, 0xb4),
        ),
        (
            tr!("review-measure-partial-f1"),
            "F1 (partial)",
            |f| f.partial.f1,
            Color32::from_rgb(0xff, 0x7f, 0x0e),
        ),
        (
            tr!("review-measure-cohen-kappa"),
            "κ",
            |f| f.cohen_kappa,
            Color32::from_rgb(0x2c, 0xa0, 0x2c),
        ),
        (
            tr!("review-measure-krippendorff-alpha"),
            "α",
            |f| f.krippendorff_alpha,
            Color32::from_rgb(0x94, 0x67, 0xbd),
        ),
        (
            tr!("review-measure-unitizing-alpha"),
            "α_U",
            |f| f.unitizing_alpha,
            Color32::from_rgb(0x8c, 0x56, 0x4b),
        ),
    ];
    ui.horizontal_wrapped(|ui| {
        for (name, _, _, color) in &measures {
            ui.horizontal(|ui| {
                let (swatch, _) =
                    ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
                ui.painter().rect_filled(swatch, 2.0, *color);
                interface::label(ui, engine, name);
            });
        }
    });
    let width = 0.8 / measures.len() as f64;
    let label_names = names.clone();
    Plot::new("agreement-bars")
        .height(BAR_CHART_HEIGHT)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .include_y(0.0)
        .include_y(1.0)
        .include_x(-0.6)
        .include_x(rows.len() as f64 - 0.4)
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
        .y_axis_formatter(numbers::tick)
        .show(ui, |plot| {
            for (m, (_, symbol, measure, color)) in measures.iter().enumerate() {
                let offset = (m as f64 - (measures.len() - 1) as f64 / 2.0) * width;
                let bars = rows
                    .iter()
                    .enumerate()
                    .filter_map(|(i, f)| {
                        measure(f).map(|v| {
                            Bar::new(i as f64 + offset, v)
                                .width(width)
                                .fill(*color)
                                .name(format!("{} {symbol}", f.label))
                        })
                    })
                    .collect();
                let chart = BarChart::new(*symbol, bars)
                    .color(*color)
                    .element_formatter(numbers::bar_value(2));
                plot.bar_chart(chart);
            }
        });
}

/// The confusion matrix as a heat map: first label of the pair down the side, second along the top.
fn heat_map(ui: &mut egui::Ui, engine: &mut TextEngine, report: &Report, pair: Option<usize>) {
    let matrix = report.confusion_matrix(pair);
    let (first, second) = match pair.and_then(|p| report.pairs.get(p)) {
        Some(p) => (
            report.annotators[p.reference].clone(),
            report.annotators[p.other].clone(),
        ),
        None => (tr!("review-first-of-pair"), tr!("review-second-of-pair")),
    };
    let n = report.labels.len();
    if n == 0 {
        return;
    }
    // The axes' names through the engine (annotators' names may be Arabic, and the
    // interface may be): egui_plot's axis labels have no bidi.
    interface::label(
        ui,
        engine,
        &tr!(
            "review-heat-map-axes",
            rows = crate::app::widgets::embedded(&first),
            columns = crate::app::widgets::embedded(&second)
        ),
    );
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
    let shown = Plot::new("agreement-heat-map")
        .height(HEAT_MAP_HEIGHT)
        .data_aspect(1.0)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .show_grid(false)
        .x_grid_spacer(spacer)
        .y_grid_spacer(spacer)
        // Cells are narrower than egui_plot's default spacing for x labels: allow them closer.
        .custom_x_axes(vec![
            egui_plot::AxisHints::new_x()
                .formatter(move |mark, _| name_at(&columns, mark.value, false))
                .label_spacing(16.0..=24.0),
        ])
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
                    .formatter(Box::new(|v| numbers::chart_number(v, 0))),
            );
        });
    shown.response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Image, true, i18n::text(HEAT_MAP_NAME, &[]))
    });
}
