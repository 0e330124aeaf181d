//! The window, driven headless with `egui_kittest`.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use taliq::app::{AppState, view};

const SAMPLE_ID: &str = "000_f13009966aefca6f";

fn harness() -> Harness<'static, AppState> {
    let state = AppState::sample().expect("the bundled sample is valid");
    Harness::new_ui_state(view::show, state)
}

#[test]
fn sample_document_is_listed_with_its_counts() {
    let harness = harness();
    harness.get_by_label(SAMPLE_ID);
    let doc = &harness.state().corpus.documents[0];
    harness.get_by_label(&doc.spans().len().to_string());
    harness.get_by_label("5914");
    harness.get_by_label_contains("document 1 of 1");
}

#[test]
fn status_filter_hides_documents_of_other_statuses() {
    let mut harness = harness();
    let status = harness.state().corpus.documents[0].status;
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
