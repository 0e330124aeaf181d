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

/// Documents as news agencies name them: long ids (Latin, and Arabic with digits), in
/// progress, with spans, titled in Arabic or mixed text.
fn long_ids(dir: &std::path::Path) -> std::path::PathBuf {
    let documents: Vec<serde_json::Value> = (0..6)
        .map(|i| {
            let id = if i % 2 == 0 {
                format!("reuters_2024-05-12_moscow_ankara_talks_{i:04}")
            } else {
                format!("خبر_وكالة_الأنباء_موسكو_أنقرة_{i}")
            };
            let text = "وصلَ الوفدُ الروسيُّ إلى أنقرةَ صباحَ الأحدِ (Reuters, 12 May 2024) بعد محادثاتٍ طويلةٍ في موسكو";
            serde_json::json!({
                "id": id,
                "text": text,
                "status": "in_progress",
                "meta": {"title": format!("محادثات موسكو وأنقرة: الجولة {i} من المفاوضات (AFP/Reuters)")},
                "spans": [
                    {"start": 25, "end": 31, "label": "LOC"},
                    {"start": 91, "end": 96, "label": "LOC"}
                ]
            })
        })
        .collect();
    let corpus = serde_json::json!({
        "format": "taliq-corpus",
        "version": 1,
        "labels": [{"name": "LOC", "color": "#3cb44b", "key": "1"}],
        "documents": documents,
    });
    let path = dir.join("long_ids.json");
    std::fs::write(&path, corpus.to_string()).unwrap();
    path
}

/// The x range of the document list's panel: from the window's edge to its resize handle
/// (the leftmost "Resize panel" in English; in Arabic the list is at the right, its
/// handle the rightmost).
fn list_panel(harness: &Harness<'_, TaliqApp>, width: f32) -> (f32, f32) {
    let handles: Vec<f32> = harness
        .query_all_by_label("Resize panel")
        .map(|node| node.rect().center().x)
        .collect();
    if taliq::app::i18n::is_rtl() {
        (handles.iter().copied().fold(0.0, f32::max), width)
    } else {
        (0.0, handles.iter().copied().fold(f32::INFINITY, f32::min))
    }
}

/// The widgets of the document list (the panel holding its heading) that cross its edges.
fn outside_the_list(harness: &Harness<'_, TaliqApp>, width: f32) -> Vec<String> {
    use egui::accesskit::Role;
    let (left, right) = list_panel(harness, width);
    let heading = taliq::app::i18n::text("annotate-documents-heading", &[]);
    let heading = harness.get_by_label(&heading);
    let pane = std::iter::successors(heading.parent(), NodeT::parent)
        .find(|node| node.accesskit_node().role() == Role::Pane)
        .unwrap();
    let mut outside = Vec::new();
    let mut checked = 0;
    for node in pane.children_recursive() {
        let access = node.accesskit_node();
        if !matches!(access.role(), Role::Button | Role::Label) || access.bounding_box().is_none() {
            continue;
        }
        checked += 1;
        let rect = node.rect();
        if rect.min.x < left - 0.5 || rect.max.x > right + 0.5 {
            outside.push(format!(
                "{:?} {:?} at {:?} crosses the list ({left}..{right})",
                access.role(),
                access.label().unwrap_or_default(),
                rect.x_range()
            ));
        }
    }
    assert!(checked >= 8, "only {checked} widgets in the list");
    outside
}

/// Drags the document list's resize handle to `x`.
fn drag_list_edge(harness: &mut Harness<'_, TaliqApp>, x: f32) {
    let (left, right) = list_panel(harness, SIZE.0);
    let edge = if taliq::app::i18n::is_rtl() {
        left
    } else {
        right
    };
    let y = SIZE.1 / 2.0;
    support::drag(harness, egui::pos2(edge, y), egui::pos2(x, y));
    harness.run();
}

/// The window on the corpus at `path`, started in `language` (its first frame too: a new
/// panel takes its width from what its first frame holds).
fn window_in(
    path: &std::path::Path,
    language: taliq::app::i18n::Language,
) -> Harness<'static, TaliqApp> {
    let mut state = AppState::open(path).unwrap();
    state.set_language(language);
    let mut harness = support::window(state, SIZE.0, SIZE.1);
    harness.run();
    harness
}

/// Nothing of the list crosses its edges, and it keeps the width it is given: at its
/// default width, then made narrower and narrower (the status filter wraps before a
/// choice would cross its edge; long ids are cut with "…").
fn assert_fits(harness: &mut Harness<'_, TaliqApp>, what: &str) {
    let (left, right) = list_panel(harness, SIZE.0);
    assert!(right - left < 260.0, "{what}: the list is {left}..{right}");
    let outside = outside_the_list(harness, SIZE.0);
    assert!(outside.is_empty(), "{what}:\n{}", outside.join("\n"));
    for width in [200.0, 170.0, 150.0] {
        let edge = if taliq::app::i18n::is_rtl() {
            SIZE.0 - width
        } else {
            width
        };
        drag_list_edge(harness, edge);
        let (left, right) = list_panel(harness, SIZE.0);
        assert!(
            right - left < width + 20.0,
            "{what}: the list is {left}..{right}, not {width} wide"
        );
        let outside = outside_the_list(harness, SIZE.0);
        assert!(
            outside.is_empty(),
            "{what}, {width} wide:\n{}",
            outside.join("\n")
        );
    }
}

#[test]
fn every_row_and_the_status_filter_fit_the_document_list_in_both_languages() {
    use taliq::app::i18n::{Digits, Language};
    let dir = tempfile::tempdir().unwrap();
    let sample = std::path::Path::new("assets/sample/sample.json");
    let long = long_ids(dir.path());
    for language in Language::ALL {
        let mut harness = window_in(sample, language);
        assert_fits(&mut harness, &format!("the sample in {language:?}"));
        // What the narrowed row has no room for (its span count) shows on its id's hover
        // (the status bar counts them too).
        let count = taliq::app::i18n::text("count-spans", &[("count", 12.into())]);
        let count = taliq::text::isolates::without_ordering_marks(&count);
        assert_eq!(
            harness.query_all_by_label(&count).count(),
            1,
            "{language:?}"
        );
        let id = harness.get_by_label("000_f13009966aefca6f").rect().center();
        harness.hover_at(id);
        harness.run();
        let hovered = harness.query_all_by_label(&count).count();
        assert_eq!(hovered, 2, "{language:?}: {count} on hover");
        let mut harness = window_in(&long, language);
        assert_fits(&mut harness, &format!("long ids in {language:?}"));
        // The rows are still found by their whole ids, the cut ones too.
        harness.get_by_label("reuters_2024-05-12_moscow_ankara_talks_0000");
        harness.get_by_label("خبر_وكالة_الأنباء_موسكو_أنقرة_1");
        // The filter still filters.
        let done = taliq::app::i18n::text("annotate-status-done", &[]);
        harness.get_by_label(&done).click();
        harness.run();
        assert!(
            harness
                .query_by_label("خبر_وكالة_الأنباء_موسكو_أنقرة_1")
                .is_none()
        );
    }
    taliq::app::i18n::set_locale(Language::English, Digits::Western);
}
