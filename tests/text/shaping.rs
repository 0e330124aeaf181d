//! Shaping equals HarfBuzz's: glyph ids, clusters, advances and offsets for every case of
//! `tests/fixtures/shaping.json` (made with uharfbuzz by `make_shaping_fixtures.py`).

use taliq::text::fonts;
use taliq::text::shape::{Direction, RunProperties, ShapedGlyph, arabic_font, shape_run};

#[derive(serde::Deserialize)]
struct Fixture {
    upem: u16,
    cases: Vec<Case>,
}

#[derive(serde::Deserialize)]
struct Case {
    name: String,
    text: String,
    direction: Direction,
    script: String,
    language: String,
    glyphs: Vec<ShapedGlyph>,
}

fn fixture() -> Fixture {
    let text = std::fs::read_to_string("tests/fixtures/shaping.json").expect("fixture present");
    serde_json::from_str(&text).expect("fixture parses")
}

#[test]
fn every_case_matches_harfbuzz() {
    let fixture = fixture();
    assert!(fixture.cases.len() >= 30);
    let mut font_system = fonts::font_system(false);
    let font = arabic_font(&mut font_system).expect("bundled Arabic font");
    let mut failures = Vec::new();
    for case in &fixture.cases {
        let properties = RunProperties {
            direction: Some(case.direction),
            script: Some(case.script.clone()),
            language: Some(case.language.clone()),
        };
        let glyphs = shape_run(&font, &case.text, &properties).unwrap();
        if glyphs != case.glyphs {
            let first = glyphs.iter().zip(&case.glyphs).position(|(a, b)| a != b);
            failures.push(format!(
                "{}: {} glyphs vs HarfBuzz's {}, first difference at {first:?}",
                case.name,
                glyphs.len(),
                case.glyphs.len()
            ));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
    let upem = font_upem(&font);
    assert_eq!(upem, fixture.upem);
}

fn font_upem(font: &cosmic_text::Font) -> u16 {
    ttf_parser::Face::parse(font.data(), 0)
        .expect("the bundled font parses")
        .units_per_em()
}

#[test]
fn fixtures_cover_what_the_issue_names() {
    let fixture = fixture();
    let has = |needle: &str| fixture.cases.iter().any(|c| c.text.contains(needle));
    for needle in [
        "بِسْمِ",
        "لا",
        "لأ",
        "لإ",
        "لآ",
        "ـ",
        "پ",
        "چ",
        "ژ",
        "گ",
        "Reuters",
        "21",
        "«",
        "“",
    ] {
        assert!(has(needle), "no case contains {needle}");
    }
    // Marks attach by GPOS: in the basmala some glyphs have zero advance and a non-zero offset.
    let basmala = fixture.cases.iter().find(|c| c.name == "basmala").unwrap();
    assert!(
        basmala
            .glyphs
            .iter()
            .any(|g| g.x_advance == 0 && (g.x_offset != 0 || g.y_offset != 0))
    );
}

/// Per cluster: the glyph ids (sorted) and the total advance in font units.
type Clusters = std::collections::BTreeMap<usize, (Vec<u32>, i32)>;

fn clusters_of(glyphs: impl Iterator<Item = (usize, u32, i32)>) -> Clusters {
    let mut clusters = Clusters::new();
    for (cluster, glyph, advance) in glyphs {
        let entry = clusters.entry(cluster).or_default();
        entry.0.push(glyph);
        entry.0.sort_unstable();
        entry.1 += advance;
    }
    clusters
}

#[test]
fn layout_shapes_right_to_left_cases_as_harfbuzz_does() {
    use taliq::text::layout::{LayoutConfig, TextLayout};
    use unicode_bidi::BidiClass::{AL, BN, NSM, ON, R, WS};
    let fixture = fixture();
    let mut font_system = fonts::font_system(false);
    let mut compared = 0;
    for case in &fixture.cases {
        // Cases whose characters all resolve to one RTL run: the layout's bidi splits the others.
        let one_rtl_run = case.direction == Direction::Rtl
            && case
                .text
                .chars()
                .all(|c| matches!(unicode_bidi::bidi_class(c), AL | R | NSM | WS | BN | ON));
        if !one_rtl_run {
            continue;
        }
        // At a font size equal to units per em, advances in pixels are font units.
        let size = f32::from(fixture.upem);
        let mut layout = TextLayout::new(&case.text, LayoutConfig::new(size, 1.0e7));
        layout.lay_out_all(&mut font_system);
        let lines = &layout.laid_out(0).unwrap().lines;
        assert_eq!(lines.len(), 1, "{}", case.name);
        let text = &case.text;
        let ours = clusters_of(lines[0].glyphs.iter().map(|g| {
            (
                text[..g.start].chars().count(),
                u32::from(g.glyph_id),
                g.w.round() as i32,
            )
        }));
        let theirs = clusters_of(
            case.glyphs
                .iter()
                .map(|g| (g.cluster, g.glyph_id, g.x_advance)),
        );
        assert_eq!(ours, theirs, "{}", case.name);
        compared += 1;
    }
    assert!(compared >= 15, "only {compared} cases compared");
}
