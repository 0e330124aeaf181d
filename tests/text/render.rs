//! Rendering without a window: the sample article against a reference image, and spans
//! tinted where the layout says they are.
#![allow(
    clippy::cast_sign_loss,
    reason = "pixel coordinates on the page are positive"
)]

use taliq::annotate::highlights::span_highlights;
use taliq::annotate::render::{MARGIN, render_document};
use taliq::text::fonts;
use taliq::text::layout::{LayoutConfig, TextLayout};
use taliq::text::raster::Canvas;

const REFERENCE: &str = "tests/reference/sample-700.png";

fn sample() -> taliq::model::Corpus {
    taliq::format::load("assets/sample/sample.json").expect("the sample loads")
}

fn render_sample() -> Canvas {
    let corpus = sample();
    let mut font_system = fonts::font_system(false);
    render_document(
        &corpus.documents[0],
        &corpus.labels,
        700,
        20.0,
        &mut font_system,
    )
}

#[test]
fn sample_article_matches_the_reference_image() {
    let canvas = render_sample();
    let png = canvas.encode_png().unwrap();
    let new_path = std::path::Path::new(REFERENCE).with_extension("new.png");
    let Ok(reference) = std::fs::read(REFERENCE) else {
        std::fs::write(&new_path, &png).unwrap();
        panic!(
            "no reference image: look at {} and move it to {REFERENCE}",
            new_path.display()
        );
    };
    let reference = Canvas::decode_png(&reference).unwrap();
    let ours = Canvas::decode_png(&png).unwrap();
    assert_eq!(
        (ours.width, ours.height),
        (reference.width, reference.height),
        "page size changed"
    );
    let differing = ours
        .pixels
        .chunks(4)
        .zip(reference.pixels.chunks(4))
        .filter(|(a, b)| a.iter().zip(b.iter()).any(|(x, y)| x.abs_diff(*y) > 48))
        .count();
    let total = (ours.width * ours.height) as usize;
    if differing * 1000 > total {
        std::fs::write(&new_path, &png).unwrap();
        panic!(
            "{differing} of {total} pixels differ from {REFERENCE}; see {}",
            new_path.display()
        );
    }
}

#[test]
fn every_span_is_tinted_in_its_label_colour() {
    let corpus = sample();
    let doc = &corpus.documents[0];
    let canvas = render_sample();
    let mut font_system = fonts::font_system(false);
    let mut layout = TextLayout::new(doc.text(), LayoutConfig::new(20.0, 700.0 - 2.0 * MARGIN));
    layout.lay_out_all(&mut font_system);
    let highlights = span_highlights(doc, &corpus.labels, &mut layout, &mut font_system, None);
    assert!(highlights.len() >= doc.spans().len());
    for span in 0..doc.spans().len() {
        let h = highlights.iter().find(|h| h.span == span).unwrap();
        // The tint of a top-level span over white paper: label colour at 70/255 (nested spans tint twice).
        let tint: Vec<u8> = h
            .color
            .iter()
            .map(|&c| ((u32::from(c) * 70 + 255 * 185 + 127) / 255) as u8)
            .collect();
        // A row near the top of the tint: Arabic letters join along the baseline, so the
        // middle of a line is mostly ink, but only tall letters reach this high.
        let (x, _) = h.rect.center();
        let y = h.rect.y0 + (h.rect.y1 - h.rect.y0) * 0.16;
        let row = (y + MARGIN) as u32;
        let tinted = (h.rect.x0 as u32..h.rect.x1 as u32)
            .filter(|&px| {
                let i = 4 * (row * canvas.width + px + MARGIN as u32) as usize;
                h.tier > 0 || canvas.pixels[i..i + 3] == tint[..]
            })
            .count();
        assert!(
            tinted > 0,
            "span {span} ({}) is not tinted around ({x}, {y})",
            doc.spans()[span].label
        );
    }
}
