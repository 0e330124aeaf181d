//! Interface lines naming Arabic things (issue #25 item 6), read in the order their glyphs
//! stand on screen: the text engine lays each line out as the window draws it.

use cosmic_text::FontSystem;
use taliq::text::fonts;
use taliq::text::isolates::{interface_line, isolate_path};
use taliq::text::layout::{LayoutConfig, TextLayout};

/// `text` laid out as the window draws an interface line (its font, one line).
fn laid_out(text: &str) -> (FontSystem, TextLayout) {
    let mut fonts = fonts::font_system(false);
    let config = LayoutConfig::new(16.0, 100_000.0).with_family(fonts::UI_FAMILY);
    let mut layout = TextLayout::new(text, config);
    layout.lay_out_all(&mut fonts);
    (fonts, layout)
}

/// The screen extent (left, right) of the first occurrence of `part` in the laid-out line.
fn extent(layout: &TextLayout, part: &str) -> (f32, f32) {
    let text = layout.text();
    let byte = text
        .find(part)
        .unwrap_or_else(|| panic!("{part:?} in {text:?}"));
    let start = text[..byte].chars().count();
    let end = start + part.chars().count();
    let line = &layout.laid_out(0).expect("laid out").lines[0];
    line.graphemes
        .iter()
        .filter(|b| start <= b.chars.start() && b.chars.end() <= end && b.x1 > b.x0)
        .fold((f32::MAX, f32::MIN), |(l, r), b| (l.min(b.x0), r.max(b.x1)))
}

/// Asserts that `parts` stand on screen from left to right in the order given, none overlapping.
fn assert_left_to_right(text: &str, parts: &[&str]) {
    let (_, layout) = laid_out(text);
    let extents: Vec<(f32, f32)> = parts.iter().map(|p| extent(&layout, p)).collect();
    for (i, pair) in extents.windows(2).enumerate() {
        assert!(
            pair[0].1 <= pair[1].0 + 0.5,
            "{:?} ({:?}) should stand left of {:?} ({:?}) in {text:?}",
            parts[i],
            pair[0],
            parts[i + 1],
            pair[1]
        );
    }
}

#[test]
fn a_relation_between_two_arabic_spans_reads_source_arrow_target() {
    let line = interface_line(&taliq::app::widgets::relation_line(
        "سيرغي ناريشكين",
        "التّوقعات",
    ));
    assert_left_to_right(&line, &["سيرغي ناريشكين", "→", "التّوقعات"]);
    // Each name still reads right to left inside: its first word on its right.
    assert_left_to_right(&line, &["ناريشكين", "سيرغي"]);
}

#[test]
fn a_figure_after_an_arabic_name_and_a_colon_stays_after_them() {
    // The sync report, as the library writes it: "committed: سارة: 0 done".
    let line = interface_line("committed: سارة: 0 done, 1 in progress");
    assert_left_to_right(&line, &["committed", "سارة", ": 0", "done"]);
}

#[test]
fn a_list_of_arabic_and_english_names_keeps_its_order() {
    let line = interface_line("amal, omar, سارة, ليلى");
    assert_left_to_right(&line, &["amal", "omar", "سارة", "ليلى"]);
    let values = interface_line(&format!(
        "topic: {}, {}",
        taliq::app::widgets::embedded("سياسة"),
        taliq::app::widgets::embedded("اقتصاد")
    ));
    assert_left_to_right(&values, &["topic", "سياسة", "اقتصاد"]);
}

#[test]
fn a_path_with_arabic_folders_keeps_its_folders_in_order() {
    let line = interface_line(&isolate_path("/tmp/أخبار اليوم/خبر عاجل.json"));
    assert_left_to_right(&line, &["tmp", "أخبار اليوم", "خبر عاجل", "json"]);
    assert_left_to_right(&line, &["اليوم", "أخبار"]);
}

#[test]
fn the_isolates_draw_nothing() {
    let plain = "amal, omar";
    let (_, bare) = laid_out(plain);
    let (_, marked) = laid_out(&interface_line(&format!(
        "{}, {}",
        taliq::app::widgets::embedded("amal"),
        taliq::app::widgets::embedded("omar")
    )));
    let width = |layout: &TextLayout| {
        let (l, r) = layout.laid_out(0).expect("laid out").lines[0]
            .extent()
            .expect("glyphs");
        r - l
    };
    assert!(
        (width(&bare) - width(&marked)).abs() < 0.5,
        "no visible mark"
    );
}

/// The font family of each glyph drawing a code point of `part`, laid out with `config`.
fn families(text: &str, part: &str, config: LayoutConfig) -> Vec<String> {
    let mut fonts = fonts::font_system(false);
    let mut layout = TextLayout::new(text, config);
    layout.lay_out_all(&mut fonts);
    let byte = text.find(part).expect("the part is in the text");
    let range = byte..byte + part.len();
    let glyphs: Vec<_> = layout.laid_out(0).expect("laid out").lines[0]
        .glyphs
        .iter()
        .filter(|g| range.contains(&g.start))
        .map(|g| g.font_id)
        .collect();
    glyphs
        .into_iter()
        .map(|id| {
            fonts.db().face(id).expect("a loaded face").families[0]
                .0
                .clone()
        })
        .collect()
}

#[test]
fn latin_in_fields_and_guidelines_is_in_the_interfaces_sans_font() {
    // Issue #25 item 12: the Arabic font's Latin letters are a serif.
    let text = "Omar wrote: قال الكرملين";
    for config in [
        taliq::app::widgets::bidi_field::line_config(16.0),
        taliq::app::widgets::text_line::prose_config(16.0, 600.0),
    ] {
        let latin = families(text, "Omar", config);
        assert!(!latin.is_empty());
        assert!(latin.iter().all(|f| f == fonts::UI_FAMILY), "{latin:?}");
        let arabic = families(text, "الكرملين", config);
        assert!(
            arabic.iter().all(|f| f == fonts::ARABIC_FAMILY),
            "{arabic:?}"
        );
    }
}

#[test]
fn a_path_in_an_arabic_sentence_keeps_its_folders_and_extension_in_order() {
    let path = taliq::text::isolates::path_unit("/tmp/shots/مكسور.json");
    // As Fluent puts it into an Arabic message, isolated again, in a right-to-left line.
    let line = format!("\u{200F}\u{2068}{path}\u{2069} ليس مدوَّنة صالحة (٣ مشكلات):");
    for width in [100_000.0, 560.0] {
        let mut fonts = fonts::font_system(false);
        let config = LayoutConfig::new(16.0, width).with_family(fonts::UI_FAMILY);
        let mut layout = TextLayout::new(&line, config);
        layout.lay_out_all(&mut fonts);
        let order = |parts: &[&str]| {
            let extents: Vec<(f32, f32)> = parts.iter().map(|p| extent(&layout, p)).collect();
            extents.windows(2).all(|pair| pair[0].1 <= pair[1].0 + 0.5)
        };
        assert!(order(&["tmp", "shots", "مكسور", "json"]), "path at {width}");
        // Where the window paints them: the glyphs' own positions, in the same order.
        let text = layout.text().to_owned();
        let line = &layout.laid_out(0).unwrap().lines[0];
        let glyph_x = |part: &str| {
            let start = text.find(part).unwrap();
            let end = start + part.len();
            line.glyphs
                .iter()
                .filter(|g| start <= g.start && g.end <= end)
                .map(|g| g.x)
                .fold(f32::MAX, f32::min)
        };
        let xs: Vec<f32> = ["صالحة", "tmp", "shots", "مكسور", "json"]
            .iter()
            .map(|p| glyph_x(p))
            .collect();
        assert!(
            xs.windows(2).all(|w| w[0] < w[1]),
            "glyphs at {width}: {xs:?}"
        );
        assert!(order(&["صالحة", "tmp"]), "sentence at {width}");
    }
}
