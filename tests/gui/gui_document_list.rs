//! The document list (issue #25 item 10): a document without a title shows its first words,
//! drawn by the text engine; the list follows the open document when keys change it; a
//! newly opened file's list starts at the top, not where the last file's was scrolled.

#![allow(
    clippy::unwrap_used,
    reason = "fixture helpers fail the test that calls them"
)]

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use taliq::app::{AppState, TaliqApp};

use crate::support;

const SIZE: (f32, f32) = (1000.0, 680.0);

/// `n` documents `doc000`, `doc001`…, every third with a `meta.title`, the others not.
fn corpus_file(dir: &std::path::Path, name: &str, n: usize) -> std::path::PathBuf {
    let documents: Vec<serde_json::Value> = (0..n)
        .map(|i| {
            let text = format!(
                "الخبرُ رقم {i}: وصل الوفدُ إلى موسكو (Reuters) ثم عاد إلى أنقرة صباح الأحد 12 أيار"
            );
            let mut doc = serde_json::json!({"id": format!("doc{i:03}"), "text": text});
            if i % 3 == 0 {
                doc["meta"] = serde_json::json!({"title": format!("عنوان المقال {i}")});
            }
            doc
        })
        .collect();
    let corpus = serde_json::json!({
        "format": "taliq-corpus",
        "version": 1,
        "labels": [{"name": "PER", "color": "#e6194b", "key": "1"}],
        "documents": documents,
    });
    let path = dir.join(name);
    std::fs::write(&path, corpus.to_string()).unwrap();
    path
}

fn window(path: &std::path::Path) -> Harness<'static, TaliqApp> {
    let mut harness = support::window(AppState::open(path).unwrap(), SIZE.0, SIZE.1);
    harness.run();
    harness
}

/// Where the list's row of `id` is, if it is built (only the rows in view are).
fn row(harness: &Harness<'_, TaliqApp>, id: &str) -> Option<egui::Rect> {
    harness.query_by_label(id).map(|node| node.rect())
}

/// Whether the row of `id` is whole between the list's top and the status bar.
fn in_sight(harness: &Harness<'_, TaliqApp>, id: &str) -> bool {
    // The status bar's "document 41 of 200".
    let state = &harness.state().state;
    let status = format!(
        "document {} of {}",
        state.selected + 1,
        state.corpus.documents.len()
    );
    let status = harness.get_by_label(&status).rect();
    let top = harness.get_by_label("reviewed").rect().max.y;
    row(harness, id).is_some_and(|r| r.min.y >= top && r.max.y <= status.min.y)
}

#[test]
fn a_document_without_a_title_shows_its_first_words_drawn_by_the_engine() {
    let dir = tempfile::tempdir().unwrap();
    let harness = window(&corpus_file(dir.path(), "news.json", 5));
    // doc000 has a title; doc001 has none: its first twelve words stand for it.
    harness.get_by_label("عنوان المقال 0");
    let first_words = "الخبرُ رقم 1: وصل الوفدُ إلى موسكو (Reuters) ثم عاد إلى أنقرة";
    let line = harness.get_by_label(first_words);
    assert_eq!(
        line.accesskit_node().author_id(),
        Some(taliq::app::widgets::ENGINE_TEXT)
    );
    assert!(line.rect().min.y > row(&harness, "doc001").unwrap().max.y - 1.0);
}

#[test]
fn the_list_follows_page_down_and_page_up() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = window(&corpus_file(dir.path(), "news.json", 200));
    assert!(in_sight(&harness, "doc000"));
    for _ in 0..40 {
        harness.key_press(Key::PageDown);
        harness.run();
    }
    assert_eq!(harness.state().state.selected, 40);
    assert!(
        in_sight(&harness, "doc040"),
        "{:?}",
        row(&harness, "doc040")
    );
    for _ in 0..30 {
        harness.key_press(Key::PageUp);
        harness.run();
    }
    assert!(
        in_sight(&harness, "doc010"),
        "{:?}",
        row(&harness, "doc010")
    );
    // One step at a time while it stays in sight: the list does not jump.
    let before = row(&harness, "doc010").unwrap();
    harness.key_press(Key::PageDown);
    harness.run();
    assert!(in_sight(&harness, "doc011"));
    assert_eq!(row(&harness, "doc010"), Some(before));
}

#[test]
fn a_newly_opened_file_starts_at_the_top_of_its_list() {
    let dir = tempfile::tempdir().unwrap();
    let first = corpus_file(dir.path(), "first.json", 200);
    let second = corpus_file(dir.path(), "second.json", 150);
    let mut harness = window(&first);
    // Scroll the list far down with the wheel, over the list.
    let over_list = row(&harness, "doc000").unwrap().center();
    harness.hover_at(over_list);
    for _ in 0..30 {
        harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -400.0),
            modifiers: egui::Modifiers::NONE,
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
        });
        harness.run();
    }
    assert!(row(&harness, "doc000").is_none(), "the list did not scroll");
    harness
        .state_mut()
        .state
        .open_paths(std::slice::from_ref(&second))
        .unwrap();
    harness.run();
    harness.run();
    assert_eq!(harness.state().state.corpus.documents.len(), 150);
    assert!(
        in_sight(&harness, "doc000"),
        "{:?}",
        row(&harness, "doc000")
    );
}
