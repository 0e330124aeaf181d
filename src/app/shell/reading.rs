//! Reading options (View → Reading options…, remembered between runs): harakat shown or
//! hidden, the font (the bundled Noto Naskh Arabic or any installed font that draws Arabic),
//! text size, line spacing, the light or dark theme, and the digits numbers are written in
//! (Arabic-Indic or Western).
//!
//! Hiding harakat changes only what is drawn: the text, its offsets, its clusters and every
//! selection stay those of the text with its marks.

use crate::app::TaliqApp;
use crate::app::document_view::Look;
use crate::app::i18n::{self, Digits, tr};
use crate::app::state::dialogs::Dialog;
use crate::app::widgets::interface::{self, EngineText, mirrored};
use crate::app::widgets::{TextEngine, numbers};
use crate::text::fonts::{ARABIC_FAMILY, arabic_families, family_name};
use crate::text::layout::LINE_SPACING;

/// Where the options are remembered (eframe storage).
pub const READING_KEY: &str = "taliq-reading";

/// The document's text size when nothing else is chosen, in points.
pub const FONT_SIZE: f32 = 22.0;

/// The smallest and largest text sizes.
pub const FONT_SIZES: std::ops::RangeInclusive<f32> = 10.0..=72.0;

/// The tightest and loosest line spacings (times the font size).
pub const LINE_SPACINGS: std::ops::RangeInclusive<f32> = 1.2..=3.0;

/// How the annotator likes to read.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct ReadingOptions {
    /// Whether harakat and other Arabic marks are drawn.
    pub show_harakat: bool,
    /// The font family of the document text.
    pub family: String,
    /// The document's text size in points (Ctrl +/− change it too).
    pub font_size: f32,
    /// Line height as a multiple of the text size.
    pub line_spacing: f32,
}

impl Default for ReadingOptions {
    fn default() -> Self {
        Self {
            show_harakat: true,
            family: ARABIC_FAMILY.to_owned(),
            font_size: FONT_SIZE,
            line_spacing: LINE_SPACING,
        }
    }
}

impl ReadingOptions {
    /// The options as the document view draws with them (sizes kept in their ranges).
    pub fn look(&self) -> Look {
        Look {
            family: family_name(&self.family),
            line_spacing: self
                .line_spacing
                .clamp(*LINE_SPACINGS.start(), *LINE_SPACINGS.end()),
            show_harakat: self.show_harakat,
        }
    }

    /// The text size kept in its range.
    pub fn font_size(&self) -> f32 {
        if self.font_size.is_finite() {
            self.font_size.clamp(*FONT_SIZES.start(), *FONT_SIZES.end())
        } else {
            FONT_SIZE
        }
    }

    /// Options read back from their JSON; anything missing or unreadable is the default.
    pub fn from_json(json: &str) -> Self {
        serde_json::from_str(json).unwrap_or_default()
    }
}

/// The reading options window's width.
const WINDOW_WIDTH: f32 = 440.0;

/// The reading options window's own state.
#[derive(Debug, Default)]
pub struct ReadingWindow {
    /// The fonts that draw Arabic, listed once when the window first opens.
    families: Option<Vec<String>>,
}

/// Draws the reading options window when it is open.
pub fn show(ctx: &egui::Context, app: &mut TaliqApp) {
    let mut open = true;
    let families = app
        .reading_window
        .families
        .get_or_insert_with(|| arabic_families(app.engine.font_system.db()));
    let options = &mut app.reading;
    let digits = &mut app.state.prefs.digits;
    let engine = &mut app.engine;
    interface::window("reading-options")
        .collapsible(false)
        .resizable(false)
        .pivot(egui::Align2::CENTER_TOP)
        .default_pos(egui::pos2(ctx.content_rect().center().x, 90.0))
        .show(ctx, |ui| {
            // A width of its own: the window sizes itself to what it holds, and lines
            // aligned to the right need a right edge.
            ui.set_width(WINDOW_WIDTH);
            mirrored(ui, |ui| {
                interface::title_bar(ui, engine, &tr!("reading-title"), &mut open);
                // The grid lays out in a left-aligned column of its own (egui's grid measures
                // its cells badly in a right-aligned one); its columns are reversed in Arabic.
                ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                    egui::Grid::new("reading-options")
                        .num_columns(2)
                        .show(ui, |ui| {
                            option_rows(ui, engine, options, families, digits);
                        });
                });
                if interface::button(ui, engine, &tr!("reading-defaults")).clicked() {
                    *options = ReadingOptions::default();
                }
            });
        });
    app.state.dialogs.set(Dialog::ReadingOptions, open);
}

/// The grid's rows: each option's caption and its control, the caption on the right in a
/// right-to-left interface (a grid does not mirror itself).
fn option_rows(
    ui: &mut egui::Ui,
    engine: &mut TextEngine,
    options: &mut ReadingOptions,
    families: &[String],
    digits: &mut Digits,
) {
    interface::grid_row(ui, engine, &tr!("reading-harakat"), false, |ui, engine| {
        interface::checkbox(
            ui,
            engine,
            &mut options.show_harakat,
            &tr!("reading-show-harakat"),
        )
    });
    interface::grid_row(ui, engine, &tr!("reading-font"), true, |ui, engine| {
        let current = EngineText::body(ui, engine, &options.family);
        let mut chosen = None;
        let button = interface::menu_button(ui, current, |ui| {
            for family in families {
                if interface::selectable(ui, engine, *family == options.family, family).clicked() {
                    chosen = Some(family.clone());
                    ui.close();
                }
            }
        });
        if let Some(family) = chosen {
            options.family = family;
        }
        // A drop-down list, named by its caption, whatever font it shows.
        button.widget_info(|| {
            egui::WidgetInfo::labeled(egui::accesskit::Role::ComboBox, true, tr!("reading-font"))
        });
        button
    });
    // The units are in the captions; the values are typed and shown by the engine, in
    // the digits in force (egui would draw Arabic-Indic digits backwards).
    let caption = tr!("reading-text-size");
    interface::grid_row(ui, engine, &caption, true, |ui, engine| {
        let size = (FONT_SIZES, 0);
        numbers::slider(ui, engine, &caption, &mut options.font_size, size)
    });
    let caption = tr!("reading-line-spacing");
    interface::grid_row(ui, engine, &caption, true, |ui, engine| {
        let spacing = (LINE_SPACINGS, 1);
        numbers::slider(ui, engine, &caption, &mut options.line_spacing, spacing)
    });
    interface::grid_row(ui, engine, &tr!("reading-theme"), true, |ui, engine| {
        let ctx = ui.ctx().clone();
        let mut theme = ctx.theme();
        let choices = [
            (egui::Theme::Light, tr!("reading-theme-light")),
            (egui::Theme::Dark, tr!("reading-theme-dark")),
        ];
        let response = choice_row(ui, engine, &mut theme, choices);
        if theme != ctx.theme() {
            ctx.set_theme(theme);
        }
        response
    });
    interface::grid_row(ui, engine, &tr!("reading-digits"), true, |ui, engine| {
        let choices = [
            (Digits::ArabicIndic, tr!("reading-digits-arabic-indic")),
            (Digits::Western, tr!("reading-digits-western")),
        ];
        choice_row(ui, engine, digits, choices)
    });
}

/// A row of radio buttons, the first choice at the leading edge (the right one in Arabic:
/// a grid's cell runs left to right, so the row is drawn from its end).
fn choice_row<T: PartialEq + Copy, const N: usize>(
    ui: &mut egui::Ui,
    engine: &mut TextEngine,
    current: &mut T,
    mut choices: [(T, String); N],
) -> egui::Response {
    if i18n::is_rtl() {
        choices.reverse();
    }
    ui.horizontal(|ui| {
        for (value, text) in choices {
            interface::radio_value(ui, engine, current, value, &text);
        }
    })
    .response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_come_back_from_their_json_and_bad_values_fall_back() {
        let options = ReadingOptions {
            show_harakat: false,
            family: "Amiri".to_owned(),
            font_size: 30.0,
            line_spacing: 2.2,
        };
        let json = serde_json::to_string(&options).unwrap();
        assert_eq!(ReadingOptions::from_json(&json), options);
        assert_eq!(
            ReadingOptions::from_json("not json"),
            ReadingOptions::default()
        );
        // An older file without some field keeps the rest.
        let partial = ReadingOptions::from_json(r#"{"show_harakat": false}"#);
        assert!(!partial.show_harakat);
        assert!((partial.font_size - FONT_SIZE).abs() < f32::EPSILON);
        let wild = ReadingOptions {
            font_size: 1e9,
            line_spacing: -3.0,
            ..ReadingOptions::default()
        };
        assert!((wild.font_size() - FONT_SIZES.end()).abs() < f32::EPSILON);
        assert!((wild.look().line_spacing - LINE_SPACINGS.start()).abs() < f32::EPSILON);
    }
}
