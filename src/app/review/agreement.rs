//! The agreement window: figures per label and pair, the per-label bars and the label
//! confusion heat map.

use crate::app::state::context::PanelContext;
use crate::app::state::dialogs::Dialog;
use crate::app::widgets::{keep_clear_of_scroll_bar, scrolling_list, section};
use crate::review::Report;
use egui::Color32;
use egui_plot::{AxisHints, Bar, BarChart, GridMark, Heatmap, Legend, Plot};

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
const BAR_CHART_HEIGHT: f32 = 170.0;
const HEAT_MAP_HEIGHT: f32 = 220.0;
/// The accessible name of the heat map (`egui_plot` gives a plot none).
pub const HEAT_MAP_NAME: &str = "label confusion heat map";

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
    egui::Window::new("Agreement")
        .open(&mut open)
        .default_pos(egui::pos2(screen.left() + 24.0, top))
        .default_width(560.0)
        .default_height((screen.bottom() - top - 40.0).clamp(200.0, 760.0))
        .show(ctx, |ui| {
            scrolling_list("agreement").show(ui, |ui| {
                keep_clear_of_scroll_bar(ui);
                agreement_figures(ui, report, pair);
                crate::app::review::links_panel::link_figures(ui, engine, report);
            });
        });
    cx.state.dialogs.set(Dialog::Agreement, open);
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
    section(ui, "Per label (mean over annotator pairs)", |ui| {
        bar_chart(ui, report);
    });
    ui.separator();
    section(
        ui,
        "Label confusion: overlapping spans labelled differently",
        |ui| confusion(ui, report, pair),
    );
}

/// Which pair the heat map counts, and the heat map.
fn confusion(ui: &mut egui::Ui, report: &Report, pair: &mut Option<usize>) {
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
        .height(BAR_CHART_HEIGHT)
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
    shown
        .response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, HEAT_MAP_NAME));
}
