//! Numbers in the digits in force where egui would draw them itself: a slider's or a
//! setting's value, typed and shown by the text engine, and the charts' (`egui_plot`)
//! axis ticks and values on hover.
//!
//! egui shapes a run of Arabic-Indic digits as right-to-left text (its shaper takes the
//! direction from the script, with no bidi): "١٫٨" would come out as "٨٫١". A value that
//! can be typed is therefore drawn by the engine ([`number_field`]); a chart's numbers,
//! which `egui_plot` draws and nobody types, are handed to egui with their digit runs
//! reversed ([`for_egui`]), so that they come out in order.

use std::ops::RangeInclusive;

use egui_plot::{Bar, BarChart, GridMark, HoverPosition};

use super::TextEngine;
use super::bidi_field::{BidiField, focus_and_select_all};
use crate::app::i18n;

/// A number's field, drawn and typed through the text engine: `value` with `decimals`
/// decimals in the digits in force, `width` wide, named `name`; what is typed is read in
/// either digits. Returns the field's response and the value typed, kept in `range`, in the
/// frame it was typed.
pub fn number_field(
    ui: &mut egui::Ui,
    engine: &mut TextEngine,
    name: &str,
    value: f64,
    (range, decimals): (RangeInclusive<f64>, usize),
    width: f32,
) -> (egui::Response, Option<f64>) {
    let id = ui.make_persistent_id(("taliq-number-field", name));
    let typed_key = id.with("typed");
    let shown = i18n::decimal(value, decimals);
    let focused = ui.ctx().memory(|m| m.has_focus(id));
    // While it is typed into, the field keeps what was typed (perhaps not a number yet).
    let mut text = if focused {
        ui.data(|d| d.get_temp::<String>(typed_key))
            .unwrap_or_else(|| shown.clone())
    } else {
        shown
    };
    let response = BidiField::new(&mut text, id)
        .hint(name)
        .desired_width(width)
        .show(ui, engine);
    if response.clicked() && !focused {
        // A click selects the number: what is typed replaces it.
        focus_and_select_all(ui.ctx(), id, &text);
    }
    let typed = if response.changed() {
        i18n::parse_number(&text).map(|n| n.clamp(*range.start(), *range.end()))
    } else {
        None
    };
    if ui.ctx().memory(|m| m.has_focus(id)) {
        ui.data_mut(|d| d.insert_temp(typed_key, text));
    } else {
        ui.data_mut(|d| d.remove_temp::<String>(typed_key));
    }
    (response, typed)
}

/// A slider with its value beside it in a [`number_field`] named `name`: dragged, or
/// typed in either digits; the slider's response (to be named by its caption).
pub fn slider(
    ui: &mut egui::Ui,
    engine: &mut TextEngine,
    name: &str,
    value: &mut f32,
    (range, decimals): (RangeInclusive<f32>, usize),
) -> egui::Response {
    ui.horizontal(|ui| {
        let slider = ui.add(egui::Slider::new(value, range.clone()).show_value(false));
        let range = f64::from(*range.start())..=f64::from(*range.end());
        let width = VALUE_WIDTH;
        let (_, typed) = number_field(
            ui,
            engine,
            name,
            f64::from(*value),
            (range, decimals),
            width,
        );
        if let Some(typed) = typed {
            *value = typed as f32;
        }
        slider
    })
    .inner
}

/// How wide a slider's value field is.
const VALUE_WIDTH: f32 = 52.0;

/// `text` as egui must be given it to show it in order: each run of Arabic-Indic digits
/// (with their decimal separator) reversed, since egui shapes such a run right to left.
pub fn for_egui(text: &str) -> String {
    let is_arabic_number = |c: char| ('\u{0660}'..='\u{066C}').contains(&c);
    let mut out = String::with_capacity(text.len());
    let mut run: Vec<char> = Vec::new();
    for c in text.chars() {
        if is_arabic_number(c) {
            run.push(c);
        } else {
            out.extend(run.drain(..).rev());
            out.push(c);
        }
    }
    out.extend(run.drain(..).rev());
    out
}

/// `n` with `decimals` decimals in the digits in force, as egui must be given it (a
/// chart's number: a heat map's count).
pub fn chart_number(n: f64, decimals: usize) -> String {
    for_egui(&i18n::decimal(n, decimals))
}

/// The most decimals a tick is written with.
const MAX_TICK_DECIMALS: u8 = 6;

/// What a bar chart shows on hovering a bar, from the bar and its chart.
pub type BarFormatter = Box<dyn Fn(&Bar, &BarChart) -> String>;

/// An axis tick's number in the digits in force, with as many decimals as the step between
/// ticks needs (as `egui_plot` writes it: 0.2 steps give one, whole steps none). An axis
/// formatter: `Plot::x_axis_formatter(numbers::tick)`.
pub fn tick(mark: GridMark, _range: &RangeInclusive<f64>) -> String {
    let wanted = -mark.step_size.log10().round();
    // As many as wanted, from none (a step of one or more, or no step) to the most.
    let decimals = (0..=MAX_TICK_DECIMALS)
        .take_while(|&d| f64::from(d) <= wanted)
        .last()
        .unwrap_or(0);
    chart_number(mark.value, usize::from(decimals))
}

/// What hovering a bar shows: its name, then its value with `decimals` decimals in the
/// digits in force. A bar chart's element formatter.
pub fn bar_value(decimals: usize) -> BarFormatter {
    Box::new(move |bar, _| format!("{}\n{}", bar.name, chart_number(bar.value, decimals)))
}

/// What hovering a point of a curve shows: its x (a count) and its y (a score with two
/// decimals), in the digits in force; nothing away from the points. A plot's label
/// formatter.
pub fn point_value(y_name: &'static str) -> impl Fn(&HoverPosition<'_>) -> Option<String> {
    move |position| match position {
        HoverPosition::NearDataPoint { position, .. } => Some(format!(
            "{}\n{y_name} {}",
            chart_number(position.x, 0),
            chart_number(position.y, 2)
        )),
        HoverPosition::Elsewhere { .. } => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::i18n::{Digits, Language, set_locale};

    #[test]
    fn arabic_indic_numbers_are_handed_to_egui_reversed_and_nothing_else_is() {
        assert_eq!(for_egui("١٢"), "٢١");
        assert_eq!(for_egui("PER κ\n٠٫٨١"), "PER κ\n١٨٫٠");
        assert_eq!(for_egui("٨ · ١٠"), "٨ · ٠١");
        assert_eq!(for_egui("0.81 PER"), "0.81 PER");
        assert_eq!(for_egui(""), "");
    }

    #[test]
    fn ticks_and_hover_values_follow_the_digits_in_force() {
        let mark = |value, step_size| GridMark { value, step_size };
        // In Arabic-Indic digits, as egui must be given them ("٠٫٤" reversed).
        set_locale(Language::Arabic, Digits::ArabicIndic);
        assert_eq!(tick(mark(0.4, 0.2), &(0.0..=1.0)), for_egui("٠٫٤"));
        assert_eq!(tick(mark(12.0, 4.0), &(0.0..=16.0)), for_egui("١٢"));
        let bar = Bar::new(1.0, 0.8123).name("PER κ");
        let chart = BarChart::new("κ", vec![bar.clone()]);
        assert_eq!(bar_value(2)(&bar, &chart), for_egui("PER κ\n٠٫٨١"));
        let near = HoverPosition::NearDataPoint {
            plot_name: "F1",
            position: egui_plot::PlotPoint::new(12.0, 0.6251),
            index: 1,
        };
        let shown = point_value("F1")(&near);
        assert_eq!(shown, Some(for_egui("١٢\nF1 ٠٫٦٣")));
        let away = HoverPosition::Elsewhere {
            position: egui_plot::PlotPoint::new(8.0, 0.6251),
        };
        assert_eq!(point_value("F1")(&away), None);
        set_locale(Language::Arabic, Digits::Western);
        assert_eq!(tick(mark(0.4, 0.2), &(0.0..=1.0)), "0.4");
        assert_eq!(bar_value(0)(&bar, &chart), "PER κ\n1");
        set_locale(Language::English, Digits::Western);
        assert_eq!(tick(mark(0.25, 0.01), &(0.0..=1.0)), "0.25");
        assert_eq!(tick(mark(2000.0, 1000.0), &(0.0..=4000.0)), "2000");
    }
}
