//! The window, driven headless with `egui_kittest`.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use taliq::app::{AppState, TaliqApp};
use taliq::text::fonts;

const SAMPLE_ID: &str = "000_f13009966aefca6f";

fn harness() -> Harness<'static, TaliqApp> {
    let state = AppState::sample().expect("the bundled sample is valid");
    let app = TaliqApp::new(state, fonts::font_system(false));
    Harness::builder()
        .with_size(egui::vec2(1100.0, 800.0))
        .build_ui_state(|ui, app: &mut TaliqApp| app.show(ui), app)
}

#[test]
fn sample_document_is_listed_with_its_counts() {
    let mut harness = harness();
    harness.run();
    harness.get_by_label(SAMPLE_ID);
    let spans = harness.state().state.corpus.documents[0].spans().len();
    harness.get_by_label(&spans.to_string());
    harness.get_by_label_contains("document 1 of 1");
    harness.get_by_label_contains(&format!("{spans} spans"));
}

#[test]
fn status_filter_hides_documents_of_other_statuses() {
    let mut harness = harness();
    let status = harness.state().state.corpus.documents[0].status;
    let other = taliq::model::Status::ALL
        .into_iter()
        .find(|s| *s != status)
        .unwrap();
    harness.get_by_label(other.as_str()).click();
    harness.run();
    assert!(harness.query_by_label(SAMPLE_ID).is_none());
    harness.get_by_label("all").click();
    harness.run();
    harness.get_by_label(SAMPLE_ID);
}

#[test]
fn document_view_paints_only_what_is_visible() {
    let mut harness = harness();
    harness.run();
    let app = harness.state();
    let view = app
        .document_view
        .as_ref()
        .expect("the selected document is shown");
    let stats = view.last_frame;
    // The window shows the first few paragraphs, not the whole article.
    let total = view_paragraph_count(app);
    assert!(
        stats.paragraphs > 0 && stats.paragraphs < total,
        "{stats:?} of {total}"
    );
    assert!(stats.glyphs > 200, "{stats:?}");
    // The first paragraph holds the ORG span on الكرملين: at least one highlight is drawn.
    assert!(stats.highlights >= 1, "{stats:?}");
    assert!(!app.engine.atlas.is_empty());
}

fn view_paragraph_count(app: &TaliqApp) -> usize {
    app.state.corpus.documents[0].text().split('\n').count()
}

#[test]
fn scrolling_a_long_article_lays_out_only_what_is_shown() {
    let sample = AppState::sample().unwrap();
    let long_text = sample.corpus.documents[0].text().repeat(40);
    let mut corpus = taliq::model::Corpus::with_default_labels();
    corpus
        .documents
        .push(taliq::model::Document::new("long", long_text));
    let state = AppState::new(corpus, taliq::app::Source::BundledSample);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1100.0, 800.0))
        .build_ui_state(
            |ui, app: &mut TaliqApp| app.show(ui),
            TaliqApp::new(state, fonts::font_system(false)),
        );
    harness.run();
    let view = harness.state_mut().document_view.as_mut().unwrap();
    let middle = view.text_height() / 2.0;
    view.scroll_to(middle);
    harness.run();
    let view = harness.state_mut().document_view.as_mut().unwrap();
    let frame = view.last_frame;
    let layout = view.layout_mut();
    let total = layout.paragraphs().len();
    let laid = (0..total).filter(|&p| layout.laid_out(p).is_some()).count();
    assert!(frame.glyphs > 200, "{frame:?}");
    assert!(laid < total / 10, "{laid} of {total} paragraphs laid out");
    // What is painted comes from the middle of the article, not its top.
    let first_laid_after_top = (frame.paragraphs..total).find(|&p| layout.laid_out(p).is_some());
    assert!(
        first_laid_after_top.is_some_and(|p| p > total / 4),
        "{first_laid_after_top:?} of {total}"
    );
}

#[test]
fn zooming_lays_out_again_only_what_is_shown() {
    let mut harness = harness();
    harness.run();
    let before = harness.state().document_view.as_ref().unwrap().last_frame;
    let view = harness.state_mut().document_view.as_mut().unwrap();
    view.font_size = 33.0;
    harness.run();
    let view = harness.state_mut().document_view.as_mut().unwrap();
    let after = view.last_frame;
    let layout = view.layout_mut();
    assert!((layout.config().font_size - 33.0).abs() < f32::EPSILON);
    let total = layout.paragraphs().len();
    let laid = (0..total).filter(|&p| layout.laid_out(p).is_some()).count();
    assert!(
        laid < total,
        "only the visible part is laid out again: {laid} of {total}"
    );
    // Bigger letters: fewer glyphs fit in the window.
    assert!(after.glyphs < before.glyphs, "{before:?} -> {after:?}");
}
