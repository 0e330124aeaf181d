//! Shaping one run of text as HarfBuzz does (`hb-shape`), for `taliq shape` and for tests.
//!
//! The layout shapes through cosmic-text, which uses the same shaper (harfrust, a port of
//! HarfBuzz); this module exposes a single run's glyphs in font units with code-point
//! clusters so they can be compared with HarfBuzz's own output.

use std::str::FromStr;

use cosmic_text::{Font, FontSystem};

use crate::model::textindex::byte_to_char;

/// Direction of a run of text.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Left to right (Latin, digits).
    Ltr,
    /// Right to left (Arabic, Hebrew).
    Rtl,
}

impl Direction {
    /// The direction of the first strong character (bidi class L, R or AL), as the
    /// Unicode Bidirectional Algorithm picks a paragraph's direction; LTR when there is none.
    pub fn of_first_strong(text: &str) -> Self {
        use unicode_bidi::BidiClass::{AL, L, R};
        for c in text.chars() {
            match unicode_bidi::bidi_class(c) {
                L => return Self::Ltr,
                R | AL => return Self::Rtl,
                _ => {}
            }
        }
        Self::Ltr
    }
}

/// One glyph of a shaped run, in the fields and units of `hb-shape --output-format=json`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ShapedGlyph {
    /// Glyph id in the font.
    #[serde(rename = "g")]
    pub glyph_id: u32,
    /// Code-point offset into the text of the cluster the glyph belongs to.
    #[serde(rename = "cl")]
    pub cluster: usize,
    /// Horizontal advance in font units.
    #[serde(rename = "ax")]
    pub x_advance: i32,
    /// Horizontal offset in font units (GPOS mark placement, kerning).
    #[serde(rename = "dx")]
    pub x_offset: i32,
    /// Vertical offset in font units.
    #[serde(rename = "dy")]
    pub y_offset: i32,
}

/// How to shape a run: its direction and, when not guessed, its script and language.
#[derive(Debug, Clone, Default)]
pub struct RunProperties {
    /// Direction; by default the first strong character's.
    pub direction: Option<Direction>,
    /// ISO 15924 script tag such as `Arab`; by default guessed from the text.
    pub script: Option<String>,
    /// BCP 47 language tag such as `ar`; by default none.
    pub language: Option<String>,
}

/// Why a run could not be shaped.
#[derive(Debug, thiserror::Error)]
pub enum ShapeError {
    /// The script tag is not a known ISO 15924 tag.
    #[error("unknown script tag {0:?}")]
    Script(String),
    /// The language tag could not be parsed.
    #[error("invalid language tag {0:?}")]
    Language(String),
}

/// Shapes `text` as a single run with `font`, the way `hb-shape` does: glyphs in visual
/// order, clusters as code-point offsets, all numbers in font units.
///
/// # Errors
/// When the script or language tag in `properties` is invalid.
pub fn shape_run(
    font: &Font,
    text: &str,
    properties: &RunProperties,
) -> Result<Vec<ShapedGlyph>, ShapeError> {
    let mut buffer = harfrust::UnicodeBuffer::new();
    buffer.push_str(text);
    let direction = properties
        .direction
        .unwrap_or_else(|| Direction::of_first_strong(text));
    buffer.set_direction(match direction {
        Direction::Ltr => harfrust::Direction::LeftToRight,
        Direction::Rtl => harfrust::Direction::RightToLeft,
    });
    if let Some(tag) = &properties.script {
        let script =
            harfrust::Script::from_str(tag).map_err(|_| ShapeError::Script(tag.clone()))?;
        buffer.set_script(script);
    }
    if let Some(tag) = &properties.language {
        let language =
            harfrust::Language::from_str(tag).map_err(|_| ShapeError::Language(tag.clone()))?;
        buffer.set_language(language);
    }
    buffer.guess_segment_properties();
    let output = font.shaper().shape(buffer, &[]);
    let glyphs = output
        .glyph_infos()
        .iter()
        .zip(output.glyph_positions())
        .map(|(info, pos)| ShapedGlyph {
            glyph_id: info.glyph_id,
            cluster: byte_to_char(text, info.cluster as usize),
            x_advance: pos.x_advance,
            x_offset: pos.x_offset,
            y_offset: pos.y_offset,
        })
        .collect();
    Ok(glyphs)
}

/// The bundled Arabic font from a font system that holds it.
pub fn arabic_font(font_system: &mut FontSystem) -> Option<std::sync::Arc<Font>> {
    let id = font_system
        .db()
        .faces()
        .find(|face| {
            face.families
                .iter()
                .any(|(name, _)| name == super::fonts::ARABIC_FAMILY)
        })
        .map(|face| face.id)?;
    font_system.get_font(id, fontdb::Weight::NORMAL)
}

/// The first face of a font system (the one a `--font FILE` system holds).
pub fn first_font(font_system: &mut FontSystem) -> Option<std::sync::Arc<Font>> {
    let id = font_system.db().faces().next().map(|face| face.id)?;
    font_system.get_font(id, fontdb::Weight::NORMAL)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_strong_character_sets_the_direction() {
        assert_eq!(
            Direction::of_first_strong("«2022» قال Reuters"),
            Direction::Rtl
        );
        assert_eq!(Direction::of_first_strong("21 Reuters قال"), Direction::Ltr);
        assert_eq!(Direction::of_first_strong("2022 «»"), Direction::Ltr);
    }

    #[test]
    fn clusters_are_code_points_in_visual_order() {
        let mut fonts = super::super::fonts::font_system(false);
        let font = arabic_font(&mut fonts).unwrap();
        let glyphs = shape_run(&font, "لأوكرانيا", &RunProperties::default()).unwrap();
        // RTL output runs from the last cluster to the first. The font draws some letters
        // as a base plus separate dot or hamza glyphs sharing the cluster, and lam and alef
        // as two glyphs, so the entity boundary after the lam has a cluster of its own.
        let mut clusters: Vec<usize> = glyphs.iter().map(|g| g.cluster).collect();
        assert!(clusters.windows(2).all(|w| w[0] >= w[1]), "{clusters:?}");
        clusters.dedup();
        assert_eq!(clusters, [8, 7, 6, 5, 4, 3, 2, 1, 0]);
        assert!(glyphs.iter().all(|g| g.glyph_id != 0));
    }
}
