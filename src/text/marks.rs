//! Which shaped glyphs draw harakat, so that a view can leave them out (reading without
//! harakat) while the text, its clusters and its layout stay exactly as they are.
//!
//! A letter's cluster holds its harakat and, in fonts such as Noto Naskh Arabic, its dots
//! too, all as glyphs without advance: neither the cluster nor the advance tells a fatha
//! from a dot. So each font family is probed once: every haraka (and shadda with a vowel) is
//! shaped on letters in initial, medial and final form, and the glyphs that appear only
//! with the harakat are theirs. A haraka drawn by a contextual form the probe did not meet
//! is simply still drawn.

use std::collections::{HashMap, HashSet};

use cosmic_text::{FontSystem, LayoutGlyph};

use super::layout::{LayoutConfig, TextLayout};
use super::words::is_haraka;

/// Letters the probe puts harakat on (in three positions each).
const BASES: &str = "ـابتثجحخدذرزسشصضطظعغفقكلمنهويىةأإآؤئء";

/// The harakat probed alone.
const HARAKAT: &str = "\u{064B}\u{064C}\u{064D}\u{064E}\u{064F}\u{0650}\u{0651}\u{0652}\u{0653}\u{0654}\u{0655}\u{0656}\u{0670}";

/// Vowels probed after a shadda (fonts often draw the pair as one glyph).
const AFTER_SHADDA: &str = "\u{064B}\u{064C}\u{064D}\u{064E}\u{064F}\u{0650}";

/// The glyphs of harakat, per font family, found by probing.
#[derive(Debug, Default)]
pub struct HarakaGlyphs {
    by_family: HashMap<&'static str, HashSet<(cosmic_text::fontdb::ID, u16)>>,
}

impl HarakaGlyphs {
    /// Whether `glyph`, laid out in `family`, draws a haraka. `cluster` is the text of its
    /// cluster: a glyph of a cluster without harakat never does.
    pub fn draws_haraka(
        &mut self,
        font_system: &mut FontSystem,
        family: &'static str,
        glyph: &LayoutGlyph,
        cluster: &str,
    ) -> bool {
        // Harakat have no advance of their own.
        if glyph.w > 0.0 || !cluster.chars().any(is_haraka) {
            return false;
        }
        self.by_family
            .entry(family)
            .or_insert_with(|| probe(font_system, family))
            .contains(&(glyph.font_id, glyph.glyph_id))
    }
}

/// The glyphs that shaping the probe text with harakat gives and without them does not.
fn probe(
    font_system: &mut FontSystem,
    family: &'static str,
) -> HashSet<(cosmic_text::fontdb::ID, u16)> {
    let mut bare = String::new();
    let mut marked = String::new();
    for base in BASES.chars() {
        bare.extend([base, base, base, ' ']);
        let marks = HARAKAT
            .chars()
            .map(|h| vec![h])
            .chain(AFTER_SHADDA.chars().map(|v| vec!['\u{0651}', v]));
        for mark in marks {
            for _ in 0..3 {
                marked.push(base);
                marked.extend(&mark);
            }
            marked.push(' ');
        }
    }
    let without = glyphs(font_system, family, &bare);
    glyphs(font_system, family, &marked)
        .difference(&without)
        .copied()
        .collect()
}

fn glyphs(
    font_system: &mut FontSystem,
    family: &'static str,
    text: &str,
) -> HashSet<(cosmic_text::fontdb::ID, u16)> {
    let config = LayoutConfig::new(16.0, 1.0e9).with_family(family);
    let mut layout = TextLayout::new(text, config);
    layout
        .paragraph(font_system, 0)
        .lines
        .iter()
        .flat_map(|line| line.glyphs.iter().map(|g| (g.font_id, g.glyph_id)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fonts::{ARABIC_FAMILY, font_system};

    /// Each glyph of `text` laid out in the bundled font, with whether it draws a haraka.
    fn classified(text: &str) -> Vec<bool> {
        let mut fs = font_system(false);
        let mut marks = HarakaGlyphs::default();
        let mut layout = TextLayout::new(text, LayoutConfig::new(16.0, 1.0e9));
        let line = layout.paragraph(&mut fs, 0).lines[0].clone();
        line.glyphs
            .iter()
            .map(|g| marks.draws_haraka(&mut fs, ARABIC_FAMILY, g, &text[g.start..g.end]))
            .collect()
    }

    #[test]
    fn harakat_are_found_and_dots_are_not() {
        // بَيْتِهِ: four harakat; the dots of beh, yeh and teh are glyphs without advance too.
        let marks = classified("بَيْتِهِ");
        assert_eq!(marks.iter().filter(|&&m| m).count(), 4, "{marks:?}");
        assert_eq!(marks.len(), 11);
        assert!(classified("بيته").iter().all(|&m| !m));
        // Shadda with a vowel, tanwin, superscript alef.
        let count = |t: &str| classified(t).iter().filter(|&&m| m).count();
        assert!(count("مُحَمَّدٌ") >= 4);
        assert_eq!(count("هٰذا"), 1);
    }
}
