//! Find over all documents of a big corpus (issue #25 item 4): the counts are the corpus's,
//! the matching documents are a scrolling list built only where it is in view, the window
//! keeps its shape, and a click on a result opens that document at its first match.

#![allow(
    clippy::unwrap_used,
    reason = "fixture helpers fail the test that calls them"
)]

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use taliq::app::{AppState, TaliqApp};

use crate::gui_layout::{assert_fits, window};

/// The word searched for.
const WORD: &str = "موسكو";

/// `n` short articles; every tenth mentions no WORD, the others mention it one to three
/// times (with harakat and Latin around it). Returns the corpus and, per document, how many
/// times it mentions WORD.
fn big_corpus(n: usize) -> (AppState, Vec<usize>) {
    let mut corpus = taliq::model::Corpus::with_default_labels();
    let mut mentions = Vec::with_capacity(n);
    for i in 0..n {
        let times = if i % 10 == 0 { 0 } else { i % 3 + 1 };
        let mut text = format!("الخبرُ رقم {i}: وصل الوفدُ (Reuters) ");
        for _ in 0..times {
            text.push_str("إلى موسكو ثمّ عاد، ");
        }
        text.push_str("وقال المتحدث إن المحادثات مستمرة.");
        corpus.documents.push(taliq::model::Document::new(
            format!("doc{i:04}"),
            text.as_str(),
        ));
        mentions.push(times);
    }
    (
        AppState::new(corpus, taliq::app::Source::Untitled),
        mentions,
    )
}

/// Opens the find bar, types WORD and ticks "all documents".
fn find_everywhere(harness: &mut Harness<'_, TaliqApp>) {
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    for c in WORD.chars() {
        harness.event(egui::Event::Text(c.to_string()));
    }
    harness.run();
    harness.get_by_label("all documents").click();
    harness.run();
    harness.run();
}

/// The node named `name` highest in the window: the result row's, above the document list.
fn topmost<'a>(harness: &'a Harness<'_, TaliqApp>, name: &'a str) -> egui_kittest::Node<'a> {
    harness
        .query_all_by_label(name)
        .min_by(|a, b| a.rect().min.y.total_cmp(&b.rect().min.y))
        .unwrap_or_else(|| panic!("nothing named {name:?}"))
}

#[test]
fn find_in_all_of_5000_documents_counts_the_corpus_and_keeps_the_window_in_shape() {
    for size in [(1000.0, 680.0), (1920.0, 1080.0)] {
        let (state, mentions) = big_corpus(5000);
        let mut harness = window(state, size);
        find_everywhere(&mut harness);
        let documents = mentions.iter().filter(|&&m| m > 0).count();
        let total: usize = mentions.iter().sum();
        assert_eq!((documents, total), (4500, 9000));
        // The first document mentions it nowhere: none here.
        harness.get_by_label("4,500 documents, 9,000 matches (0 here)");
        assert_fits(&harness, size, "find over 5,000 documents");
        // Only the rows in view are built.
        let rows = harness.query_all_by_label_contains(" match").count();
        assert!((2..40).contains(&rows), "{rows} result rows built");
        // The status bar is still at the bottom of the window.
        let status = harness.get_by_label("document 1 of 5000").rect();
        assert!(status.max.y <= size.1, "status bar at {status:?}");
    }
}

#[test]
fn a_click_on_a_result_opens_its_document_at_the_first_match() {
    let (state, mentions) = big_corpus(5000);
    let mut harness = window(state, (1000.0, 680.0));
    find_everywhere(&mut harness);
    // The third result is doc0003 (doc0000 has none): it mentions WORD once.
    assert_eq!(mentions[3], 1);
    topmost(&harness, "doc0003").click();
    harness.run();
    harness.run();
    let state = &harness.state().state;
    assert_eq!(state.selected, 3);
    let text = state.corpus.documents[3].text();
    let start = text.find(WORD).map(|b| text[..b].chars().count()).unwrap();
    let picked = state.selection.range();
    assert_eq!(
        (picked.start(), picked.end()),
        (start, start + WORD.chars().count())
    );
    assert_eq!(state.search.matches.len(), 1);
    harness.get_by_label("4,500 documents, 9,000 matches (1 here)");
    // The result row now shows as the open one, and a click on a row's text opens it too.
    let row = topmost(&harness, "doc0005").rect();
    let context = harness
        .query_all_by_label_contains(WORD)
        .find(|node| (node.rect().min.y - row.min.y).abs() < 1.0 && node.rect().min.x > row.max.x)
        .unwrap();
    context.click();
    harness.run();
    assert_eq!(harness.state().state.selected, 5);
    assert_eq!(harness.state().state.search.matches.len(), 3);
}
