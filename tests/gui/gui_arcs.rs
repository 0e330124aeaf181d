//! Relation arcs and line spacing (issue #25 item 7): the first relation doubled the line
//! spacing of the whole document, and an arc from line to line ran off the column.

#![allow(
    clippy::unwrap_used,
    reason = "fixture helpers fail the test that calls them"
)]

use egui_kittest::Harness;
use taliq::app::{AppState, Source, TaliqApp};
use taliq::format::{Form, parse_corpus};
use taliq::model::CharRange;

use crate::support;

const SENTENCE: &str = "قال الكرملين إن المحادثات التي جرت في العاصمة التركية أنقرة كانت مفيدة، ";

/// A document of three paragraphs: the first, wrapped over several lines, has a relation
/// from its first word to its last (from line to line); the others have none.
fn window() -> (Harness<'static, TaliqApp>, CharRange, CharRange) {
    let first = format!("{}بوتين", SENTENCE.repeat(4));
    let text = format!("{first}\n{}\n{}", SENTENCE.repeat(3), SENTENCE.repeat(3));
    let words = first.chars().count();
    let from = CharRange::new(0, 3).unwrap();
    let to = CharRange::new(words - 5, words).unwrap();
    let json = serde_json::json!({
        "format": "taliq-corpus", "version": 1,
        "labels": [{"name": "PER", "color": "#e6194b", "key": "1"}],
        "relation_labels": [{"name": "met", "color": "#911eb4", "key": "m"}],
        "documents": [{"id": "d1", "text": text,
            "spans": [
                {"start": from.start(), "end": from.end(), "label": "PER", "id": "T1"},
                {"start": to.start(), "end": to.end(), "label": "PER", "id": "T2"}
            ],
            "relations": [{"id": "R1", "label": "met", "from": "T1", "to": "T2"}]
        }]
    });
    let corpus = parse_corpus(json.to_string().as_bytes(), Form::Json).unwrap();
    let mut harness = support::window(AppState::new(corpus, Source::Untitled), 1000.0, 680.0);
    harness.run();
    harness.run();
    (harness, from, to)
}

#[test]
fn lines_without_arcs_keep_the_readers_spacing() {
    let (mut harness, _, to) = window();
    let app = harness.state_mut();
    let fs = &mut app.engine.font_system;
    let view = app.document_view.as_mut().unwrap();
    let layout = view.layout_mut();
    let config = layout.config();
    let expected = (config.font_size * taliq::text::layout::LINE_SPACING).round();
    assert!(
        (config.line_height - expected).abs() < 0.5,
        "line height {} for {} at the reader's spacing",
        config.line_height,
        expected
    );
    // The paragraphs without arcs: every line one line height below the one before.
    for p in [1, 2] {
        let lines = layout.paragraph(fs, p).lines.clone();
        assert!(lines.len() > 1);
        for pair in lines.windows(2) {
            assert!((pair[1].top - pair[0].top - config.line_height).abs() < 0.01);
            assert!(pair[1].room == 0.0);
        }
    }
    // The first paragraph: its first line and the target's have room; a line between
    // without arcs has none.
    let lines = layout.paragraph(fs, 0).lines.clone();
    let target = lines
        .iter()
        .position(|l| l.chars.start() <= to.start() && to.start() < l.chars.end())
        .unwrap();
    assert!(target >= 2, "the relation crosses lines");
    assert!(lines[0].room > 0.0 && lines[target].room > 0.0);
    assert!(lines[1..target].iter().all(|l| l.room == 0.0));
}

#[test]
fn an_arc_from_line_to_line_stays_inside_the_column() {
    let (mut harness, from, _) = window();
    let column = {
        let app = harness.state_mut();
        let fs = &mut app.engine.font_system;
        let view = app.document_view.as_mut().unwrap();
        let screen = view.screen_rects(fs, from)[0];
        let layout = view.layout_mut();
        let local = layout.range_rects(fs, from)[0];
        let left = screen.min.x - local.x0;
        (left, left + layout.config().width)
    };
    let curves: Vec<[egui::Pos2; 4]> = harness
        .output()
        .shapes
        .iter()
        .filter_map(|clipped| match &clipped.shape {
            egui::Shape::CubicBezier(c) => Some(c.points),
            _ => None,
        })
        .collect();
    assert_eq!(curves.len(), 2, "two halves of the arc from line to line");
    for points in curves {
        for p in points {
            assert!(
                column.0 - 0.5 <= p.x && p.x <= column.1 + 0.5,
                "{p:?} outside the column {column:?}"
            );
        }
    }
}
