//! Numbers in the digits in force where egui would draw them itself: a slider's or a
//! setting's value, typed and shown by the text engine.
//!
//! egui shapes a run of Arabic-Indic digits as right-to-left text (its shaper takes the
//! direction from the script, with no bidi): "١٫٨" would come out as "٨٫١". A value that
//! can be typed is therefore drawn by the engine ([`number_field`]).

use std::ops::RangeInclusive;

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
