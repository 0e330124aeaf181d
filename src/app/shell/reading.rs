//! Reading options (View → Reading options…, remembered between runs): harakat shown or
//! hidden, the font (the bundled Noto Naskh Arabic or any installed font that draws Arabic),
//! text size, line spacing and the light or dark theme.
//!
//! Hiding harakat changes only what is drawn: the text, its offsets, its clusters and every
//! selection stay those of the text with its marks.

use crate::app::TaliqApp;
use crate::app::document_view::Look;
use crate::app::state::dialogs::Dialog;
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
    egui::Window::new("Reading options")
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .pivot(egui::Align2::CENTER_TOP)
        .default_pos(egui::pos2(ctx.content_rect().center().x, 90.0))
        .show(ctx, |ui| {
            egui::Grid::new("reading-options")
                .num_columns(2)
                .show(ui, |ui| {
                    ui.label("harakat");
                    ui.checkbox(&mut options.show_harakat, "show harakat and marks");
                    ui.end_row();
                    let caption = ui.label("font");
                    egui::ComboBox::from_id_salt("reading-font")
                        .selected_text(options.family.as_str())
                        .width(220.0)
                        .show_ui(ui, |ui| {
                            for family in families.iter() {
                                ui.selectable_value(&mut options.family, family.clone(), family);
                            }
                        })
                        .response
                        .labelled_by(caption.id);
                    ui.end_row();
                    let caption = ui.label("text size");
                    ui.add(egui::Slider::new(&mut options.font_size, FONT_SIZES).suffix(" pt"))
                        .labelled_by(caption.id);
                    ui.end_row();
                    let caption = ui.label("line spacing");
                    ui.add(
                        egui::Slider::new(&mut options.line_spacing, LINE_SPACINGS)
                            .fixed_decimals(1)
                            .suffix("×"),
                    )
                    .labelled_by(caption.id);
                    ui.end_row();
                    ui.label("theme");
                    ui.horizontal(|ui| {
                        let mut theme = ctx.theme();
                        ui.radio_value(&mut theme, egui::Theme::Light, "light");
                        ui.radio_value(&mut theme, egui::Theme::Dark, "dark");
                        if theme != ctx.theme() {
                            ctx.set_theme(theme);
                        }
                    });
                    ui.end_row();
                });
            if ui.button("defaults").clicked() {
                *options = ReadingOptions::default();
            }
        });
    app.state.dialogs.set(Dialog::ReadingOptions, open);
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
