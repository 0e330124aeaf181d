//! Review of relations and document labels in the window (issue #14): the annotators'
//! relations listed and drawn dashed until decided, accepted and rejected by the same keys
//! as spans; document-label choices accepted or rejected; the gold file records who made
//! what and what was left out.

#![allow(
    clippy::unwrap_used,
    reason = "fixture helpers fail the test that calls them"
)]

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use taliq::app::{AppState, TaliqApp};
use taliq::format::{Form, parse_corpus};
use taliq::model::{Corpus, Relation};

use crate::support;

/// Spans of the relations fixture: بوتينُ, أردوغانَ, أنقرة, Reuters, موسكو.
const SPANS: usize = 5;

/// An annotator's copy of the relations fixture: every span with an id `prefix<n>` (each
/// annotator numbers their own), `relations` as (type, from span, to span), and labels.
fn annotator(
    name: &str,
    prefix: &str,
    relations: &[(&str, usize, usize)],
    labels: &[(&str, &str)],
) -> Corpus {
    let fixture = std::fs::read_to_string("tests/fixtures/relations.json").unwrap();
    let mut corpus = parse_corpus(fixture.as_bytes(), Form::Json).unwrap();
    corpus.annotator = Some(name.to_owned());
    let doc = &mut corpus.documents[0];
    for i in 0..SPANS {
        doc.set_span_id(i, Some(format!("{prefix}{}", i + 1)));
    }
    for (k, (kind, from, to)) in relations.iter().enumerate() {
        let id = |i: &usize| format!("{prefix}{}", i + 1);
        doc.add_relation(Relation::new(
            &format!("R{}", k + 1),
            kind,
            &id(from),
            &id(to),
        ))
        .unwrap();
    }
    doc.labels = labels
        .iter()
        .map(|(l, v)| ((*l).to_owned(), vec![(*v).to_owned()]))
        .collect();
    corpus
}

/// The review window (1000×700) of amal and omar: both made met بوتينُ→أردوغانَ and
/// `based_in` Reuters→موسكو; omar also related بوتينُ→أنقرة, amal related أنقرة→موسكو. Topic:
/// politics (amal), economy (omar); country TR (both).
fn review(dir: &std::path::Path) -> Harness<'static, TaliqApp> {
    let both = [("met", 0, 1), ("based_in", 3, 4)];
    let amal = annotator(
        "amal",
        "T",
        &[both[0], both[1], ("related", 2, 4)],
        &[("topic", "politics"), ("country", "TR")],
    );
    let omar = annotator(
        "omar",
        "S",
        &[both[0], both[1], ("related", 0, 2)],
        &[("topic", "economy"), ("country", "TR")],
    );
    let mut files = Vec::new();
    for (name, corpus) in [("amal", amal), ("omar", omar)] {
        let path = dir.join(format!("{name}.json"));
        std::fs::write(&path, taliq::format::write_corpus(&corpus, Form::Json)).unwrap();
        files.push(path);
    }
    let mut state = AppState::new(Corpus::default(), taliq::app::Source::Untitled);
    state.open_review(&files, &dir.join("gold.json")).unwrap();
    let mut harness = support::window(state, 1000.0, 700.0);
    harness.run();
    harness
}

/// Gold's relations as (type, from text, to text, annotators).
fn gold_relations(corpus: &Corpus) -> Vec<(String, String, String, serde_json::Value)> {
    let doc = &corpus.documents[0];
    let text = |id: &str| {
        doc.span_text(&doc.spans()[doc.span_by_id(id).unwrap()])
            .to_owned()
    };
    doc.relations()
        .iter()
        .map(|r| {
            (
                r.label.clone(),
                text(&r.from),
                text(&r.to),
                r.extra.get("annotators").cloned().unwrap_or_default(),
            )
        })
        .collect()
}

/// The dashed lines drawn: a relation candidate's arc is one.
fn dashes(harness: &Harness<'_, TaliqApp>) -> usize {
    harness
        .output()
        .shapes
        .iter()
        .filter(|c| matches!(&c.shape, egui::Shape::LineSegment { .. }))
        .count()
}

#[test]
fn relation_candidates_are_decided_by_keyboard_and_saved_with_provenance() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = review(dir.path());
    // Every relation is a candidate, listed by its spans' texts and drawn dashed.
    harness.get_by_label_contains("Relations: 4 of 4 pending");
    harness.get_by_label("بوتينُ → أنقرة");
    let pending_dashes = dashes(&harness);
    assert!(pending_dashes > 0, "candidates are drawn dashed");

    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::A);
    harness.run();
    harness.get_by_label_contains("5 agreed spans, 2 relations and 1 document label accepted");
    harness.get_by_label_contains("Relations: 2 of 4 pending");
    assert!(
        dashes(&harness) < pending_dashes,
        "accepted ones are drawn solid"
    );

    // Down goes past the decided spans to the first pending relation: omar's.
    harness.key_press(Key::ArrowDown);
    harness.run();
    let picked = harness.state().state.picked_relation_candidate().unwrap();
    assert_eq!(
        (picked.label.as_str(), picked.annotators.as_slice()),
        ("related", &["omar".to_owned()][..])
    );
    harness.key_press(Key::Delete);
    harness.run();
    // Rejected, and amal's is picked next: Enter accepts it.
    let picked = harness.state().state.picked_relation_candidate().unwrap();
    assert_eq!(picked.annotators, ["amal"]);
    harness.key_press(Key::Enter);
    harness.run();
    harness.get_by_label_contains("Relations: 0 of 4 pending");

    // Marking reviewed rejects the topic choices left pending, once confirmed (a second
    // Ctrl+Enter); Ctrl+S writes the gold.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    harness.run();
    harness.get_by_label("Mark this document reviewed?");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    let gold = parse_corpus(
        &std::fs::read(dir.path().join("gold.json")).unwrap(),
        Form::Json,
    )
    .unwrap();
    assert_eq!(
        gold_relations(&gold),
        [
            (
                "met".into(),
                "بوتينُ".into(),
                "أردوغانَ".into(),
                serde_json::json!(["amal", "omar"])
            ),
            (
                "based_in".into(),
                "Reuters".into(),
                "موسكو".into(),
                serde_json::json!(["amal", "omar"])
            ),
            (
                "related".into(),
                "أنقرة".into(),
                "موسكو".into(),
                serde_json::json!(["amal"])
            ),
        ]
    );
    let doc = &gold.documents[0];
    assert_eq!(doc.status, taliq::model::Status::Reviewed);
    assert_eq!(
        doc.extra["rejected_relations"][0]["annotators"],
        serde_json::json!(["omar"])
    );
    assert_eq!(doc.extra["rejected_labels"].as_array().unwrap().len(), 2);
    assert_eq!(
        doc.extra["label_annotators"],
        serde_json::json!({"country": ["amal", "omar"]})
    );
}

#[test]
fn a_candidates_tag_in_the_text_picks_it_and_undo_takes_its_acceptance_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = review(dir.path());
    // omar's related, on its dashed arc over the text (not its row in the panel).
    let side = harness.get_by_label("Tiers, lowest first:").rect().min.x;
    let tags: Vec<egui::Rect> = harness
        .get_all_by_label("related")
        .filter(|n| n.rect().max.x < side)
        .map(|n| n.rect())
        .collect();
    assert_eq!(tags.len(), 2, "both related candidates drawn over the text");
    harness
        .get_all_by_label("related")
        .find(|n| n.rect().max.x < side)
        .unwrap()
        .click();
    harness.run();
    let picked = harness.state().state.picked_relation_candidate().unwrap();
    assert_eq!(picked.label, "related");
    // Its first span is selected, as a picked span candidate's is.
    let selection = harness.state().state.selection.range();
    assert_eq!(selection, picked.from.range);
    harness.key_press(Key::Enter);
    harness.run();
    // Accepting a relation brings its spans into gold with it.
    let gold = &harness.state().state.corpus;
    assert_eq!(gold.documents[0].relations().len(), 1);
    assert_eq!(gold.documents[0].spans().len(), 2);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    let gold = &harness.state().state.corpus;
    assert!(gold.documents[0].relations().is_empty());
    assert!(gold.documents[0].spans().is_empty(), "one undo step");
}

#[test]
fn document_label_choices_are_accepted_and_rejected_and_saved() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = review(dir.path());
    let state = &harness.state().state;
    // Gold takes the annotators' declarations, so their choices can go into it.
    assert_eq!(state.corpus.document_labels.len(), 2);
    assert_eq!(state.corpus.relation_labels.len(), 3);
    harness.get_by_label("topic: economy");
    // A click on a choice puts it in gold and rejects the label's other pending choice.
    harness.get_by_label("topic: politics").click();
    harness.run();
    assert_eq!(
        harness.state().state.corpus.documents[0].labels,
        [("topic".to_owned(), vec!["politics".to_owned()])]
    );
    assert_eq!(harness.get_all_by_label("rejected").count(), 1);
    // country TR is agreed: its reject button leaves it out.
    let rejects: Vec<egui::Rect> = harness
        .get_all_by_label("reject")
        .map(|n| n.rect())
        .collect();
    let country = harness.get_by_label("country: TR").rect();
    // Its row's reject: beside it, or the first after it when the row wraps.
    let beside = rejects
        .iter()
        .filter(|r| r.center().y > country.center().y - 4.0)
        .min_by(|a, b| a.center().y.total_cmp(&b.center().y))
        .copied()
        .unwrap();
    harness
        .get_all_by_label("reject")
        .find(|n| n.rect() == beside)
        .unwrap()
        // Its row is the last of the sections above the candidates, which scroll: half of
        // it is under the candidates' heading at this window's height.
        .click_accesskit();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    let saved = parse_corpus(
        &std::fs::read(dir.path().join("gold.json")).unwrap(),
        Form::Json,
    )
    .unwrap();
    let doc = &saved.documents[0];
    assert_eq!(
        doc.labels,
        [("topic".to_owned(), vec!["politics".to_owned()])]
    );
    assert_eq!(
        doc.extra["label_annotators"],
        serde_json::json!({"topic": ["amal"]})
    );
    assert_eq!(
        doc.extra["rejected_labels"],
        serde_json::json!([
            {"label": "country", "values": ["TR"], "annotators": ["amal", "omar"]},
            {"label": "topic", "values": ["economy"], "annotators": ["omar"]},
        ])
    );
}

#[test]
fn in_review_a_gold_relations_tag_picks_its_candidate_and_delete_rejects_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = review(dir.path());
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::A);
    harness.run();
    let side = harness.get_by_label("Tiers, lowest first:").rect().min.x;
    harness
        .get_all_by_label("met")
        .find(|n| n.rect().max.x < side)
        .unwrap()
        .click();
    harness.run();
    let picked = harness.state().state.picked_relation_candidate().unwrap();
    assert_eq!(picked.label, "met");
    harness.key_press(Key::Delete);
    harness.run();
    let state = &harness.state().state;
    let labels: Vec<&str> = state.corpus.documents[0]
        .relations()
        .iter()
        .map(|r| r.label.as_str())
        .collect();
    assert_eq!(labels, ["based_in"], "met taken out of gold");
    let decisions = state
        .review
        .as_ref()
        .unwrap()
        .session
        .relation_decisions(0, &state.corpus.documents[0]);
    assert_eq!(decisions[0], taliq::review::session::Decision::Rejected);
}

#[test]
fn the_agreement_window_gives_relation_f1_and_document_label_agreement() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = review(dir.path());
    harness.get_by_label("agreement charts").click();
    harness.run();
    // Of three relations each, two agree (met, based_in): P = R = F1 = 2/3.
    harness.get_by_label(
        "Relations, exact endpoints (both spans and the type): F1 0.67, precision 0.67, recall 0.67",
    );
    harness.get_by_label("omar against amal: 2 matched of 3 and 3, F1 0.67");
    // One document: both gave country TR, the topics differ.
    harness.get_by_label_contains("country: Cohen's κ");
    harness.get_by_label_contains("topic: Cohen's κ");
}
