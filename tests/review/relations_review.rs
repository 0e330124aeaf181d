//! Review of relations and document labels (issue #14): the annotators' relations and
//! document-label choices are candidates, accepted into gold with who made them or listed
//! as rejected, kept through the file and a reopened review.

#![allow(
    clippy::unwrap_used,
    reason = "fixture helpers fail the test that calls them"
)]

use taliq::annotate::history::{Change, Edit};
use taliq::format::{Form, parse_corpus, write_corpus};
use taliq::model::{
    CharRange, Color, Corpus, Document, DocumentLabel, PALETTE, Relation, RelationLabel, Span,
};
use taliq::review::session::{
    Decision, LABEL_PROVENANCE, REJECTED_LABELS, REJECTED_RELATIONS, RelationCandidate,
    ReviewSession,
};

/// بوتينُ [6, 12), أردوغانَ [13, 21), أنقرة [25, 30).
const TEXT: &str = "التقى بوتينُ أردوغانَ في أنقرة";
const SPANS: [(usize, usize, &str); 3] = [(6, 12, "PER"), (13, 21, "PER"), (25, 30, "LOC")];

/// An annotator's corpus of one document: the three spans with ids `prefix1..3` (each
/// annotator numbers their own), `relations` as (type, from span, to span), and a topic.
fn annotator(name: &str, prefix: &str, relations: &[(&str, usize, usize)], topic: &str) -> Corpus {
    let mut corpus = Corpus::with_default_labels();
    corpus.annotator = Some(name.to_owned());
    corpus.relation_labels = vec![
        RelationLabel::new("met", Color(PALETTE[4])),
        RelationLabel::new("in", Color(PALETTE[5])),
    ];
    corpus.document_labels = vec![DocumentLabel::new("topic", &["politics", "economy"], false)];
    let mut doc = Document::new("d", TEXT);
    for (i, (a, b, label)) in SPANS.into_iter().enumerate() {
        let mut span = Span::new(CharRange::new(a, b).unwrap(), label);
        span.id = Some(format!("{prefix}{}", i + 1));
        doc.add_span(span).unwrap();
    }
    for (k, (kind, from, to)) in relations.iter().enumerate() {
        let id = |i: &usize| format!("{prefix}{}", i + 1);
        doc.add_relation(Relation::new(&format!("R{k}"), kind, &id(from), &id(to)))
            .unwrap();
    }
    doc.labels = vec![("topic".to_owned(), vec![topic.to_owned()])];
    corpus.documents.push(doc);
    corpus
}

/// amal: met بوتينُ→أردوغانَ, in أردوغانَ→أنقرة, politics. omar (other ids): the same met,
/// in بوتينُ→أنقرة, economy.
fn session(omar_topic: &str) -> (ReviewSession, Corpus) {
    let amal = annotator("amal", "T", &[("met", 0, 1), ("in", 1, 2)], "politics");
    let omar = annotator("omar", "S", &[("met", 0, 1), ("in", 0, 2)], omar_topic);
    let mut session =
        ReviewSession::new(vec![("amal".into(), amal), ("omar".into(), omar)]).unwrap();
    let mut gold = session.blank_gold();
    session.attach_gold(&mut gold).unwrap();
    (session, gold)
}

fn apply(gold: &mut Corpus, edits: Vec<Edit>) -> Change {
    let change = Change { document: 0, edits };
    change.apply(gold).unwrap();
    change
}

/// Gold's relations as (type, from text, to text, provenance).
fn gold_relations(gold: &Corpus) -> Vec<(String, String, String, serde_json::Value)> {
    let doc = &gold.documents[0];
    let text = |id: &str| {
        doc.slice(doc.spans()[doc.span_by_id(id).unwrap()].range)
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

fn candidate(session: &ReviewSession, label: &str, from: usize, to: usize) -> RelationCandidate {
    session
        .relation_candidates(0)
        .iter()
        .find(|c| c.label == label && c.from.range.start() == from && c.to.range.start() == to)
        .cloned()
        .unwrap()
}

#[test]
fn relations_are_candidates_by_what_they_link_not_by_ids() {
    let (session, gold) = session("economy");
    let listed: Vec<(String, usize, usize, Vec<String>)> = session
        .relation_candidates(0)
        .iter()
        .map(|c| {
            (
                c.label.clone(),
                c.from.range.start(),
                c.to.range.start(),
                c.annotators.clone(),
            )
        })
        .collect();
    assert_eq!(
        listed,
        [
            ("met".into(), 6, 13, vec!["amal".into(), "omar".into()]),
            ("in".into(), 6, 25, vec!["omar".into()]),
            ("in".into(), 13, 25, vec!["amal".into()]),
        ]
    );
    assert!(
        session
            .relation_decisions(0, &gold.documents[0])
            .iter()
            .all(|d| *d == Decision::Pending)
    );
    // Three spans, three relations, two topic choices.
    assert_eq!(session.pending(0, &gold.documents[0]), 8);
}

#[test]
fn accepting_all_agreed_takes_the_agreed_relation_with_its_spans_and_the_agreed_label() {
    let (session, mut gold) = session("politics");
    let agreed = session.accept_all_agreed(0, &gold.documents[0]);
    assert_eq!(
        agreed.counts.describe(),
        "3 agreed spans, 1 relation and 1 document label accepted"
    );
    apply(&mut gold, agreed.edits);
    assert_eq!(
        gold_relations(&gold),
        [(
            "met".into(),
            "بوتينُ".into(),
            "أردوغانَ".into(),
            serde_json::json!(["amal", "omar"])
        )]
    );
    let doc = &gold.documents[0];
    assert_eq!(
        doc.labels,
        [("topic".to_owned(), vec!["politics".to_owned()])]
    );
    // Only the relation's spans got ids.
    let ids: Vec<Option<&str>> = doc.spans().iter().map(|s| s.id.as_deref()).collect();
    assert_eq!(ids, [Some("T1"), Some("T2"), None]);
    // Pressing it again adds nothing; the two one-annotator relations stay to decide.
    assert!(
        session
            .accept_all_agreed(0, &gold.documents[0])
            .counts
            .is_empty()
    );
    assert_eq!(session.pending(0, &gold.documents[0]), 2);
}

#[test]
fn accepting_a_relation_brings_its_rejected_span_back_and_rejecting_lists_it() {
    let (session, mut gold) = session("economy");
    // The reviewer first leaves أنقرة out, then accepts amal's relation to it.
    let loc = session.candidates(0)[2].clone();
    let edits = session.reject(0, &gold.documents[0], &loc);
    apply(&mut gold, edits);
    let amal_in = candidate(&session, "in", 13, 25);
    let edits = session.accept_relation(0, &gold.documents[0], &amal_in);
    apply(&mut gold, edits);
    assert_eq!(
        gold_relations(&gold),
        [(
            "in".into(),
            "أردوغانَ".into(),
            "أنقرة".into(),
            serde_json::json!(["amal"])
        )]
    );
    let doc = &gold.documents[0];
    assert_eq!(session.decision(doc, &loc), Decision::Accepted);
    assert!(
        !doc.extra.contains_key(taliq::review::session::REJECTED),
        "the span's rejection is taken back"
    );
    // omar's relation is rejected: listed with who made it.
    let omar_in = candidate(&session, "in", 6, 25);
    let edits = session.reject_relation(0, doc, &omar_in);
    apply(&mut gold, edits);
    assert_eq!(
        gold.documents[0].extra[REJECTED_RELATIONS],
        serde_json::json!([{
            "label": "in",
            "from": {"start": 6, "end": 12, "label": "PER"},
            "to": {"start": 25, "end": 30, "label": "LOC"},
            "annotators": ["omar"],
        }])
    );
    let decisions = session.relation_decisions(0, &gold.documents[0]);
    assert_eq!(
        decisions,
        [Decision::Pending, Decision::Rejected, Decision::Accepted]
    );
    // Rejecting the accepted one takes it out of gold; its spans stay.
    let edits = session.reject_relation(0, &gold.documents[0], &amal_in);
    apply(&mut gold, edits);
    assert!(gold.documents[0].relations().is_empty());
    assert_eq!(gold.documents[0].spans().len(), 2);
}

#[test]
fn rejecting_a_span_takes_its_relations_with_it_in_one_undoable_step() {
    let (session, mut gold) = session("politics");
    let edits = session.accept_all_agreed(0, &gold.documents[0]).edits;
    apply(&mut gold, edits);
    let putin = session.candidates(0)[0].clone();
    let before = gold.documents[0].clone();
    let edits = session.reject(0, &gold.documents[0], &putin);
    let change = apply(&mut gold, edits);
    let doc = &gold.documents[0];
    assert!(doc.relations().is_empty());
    assert_eq!(doc.spans().len(), 2);
    assert_eq!(
        session.relation_decisions(0, doc)[0],
        Decision::Rejected,
        "the agreed met goes with its span"
    );
    change.inverse().apply(&mut gold).unwrap();
    assert_eq!(gold.documents[0], before);
}

#[test]
fn editing_a_span_keeps_the_relations_that_use_it() {
    let (session, mut gold) = session("politics");
    let edits = session.accept_all_agreed(0, &gold.documents[0]).edits;
    apply(&mut gold, edits);
    // The reviewer makes بوتينُ an ORG (a span replaced by another, as a boundary edit is).
    let putin = session.candidates(0)[0].clone();
    let edits = session.replace(0, &gold.documents[0], &putin, putin.range, "ORG");
    apply(&mut gold, edits);
    assert_eq!(
        gold_relations(&gold)
            .into_iter()
            .map(|(l, a, b, _)| (l, a, b))
            .collect::<Vec<_>>(),
        [("met".into(), "بوتينُ".into(), "أردوغانَ".into())]
    );
    let doc = &gold.documents[0];
    let from = doc.span_by_id(&doc.relations()[0].from).unwrap();
    assert_eq!(doc.spans()[from].label, "ORG");
    // The saved provenance says the edited relation is nobody's exactly.
    let mut saved = gold.clone();
    session.stamp(&mut saved);
    assert_eq!(gold_relations(&saved)[0].3, serde_json::json!([]));
}

#[test]
fn document_label_choices_are_accepted_with_provenance_and_the_others_rejected() {
    let (session, mut gold) = session("economy");
    let choices = session.document_label_candidates(0);
    let (name, options) = &choices[0];
    assert_eq!(name, "topic");
    let politics = &options[0];
    let edits = session.accept_label_choice(0, &gold.documents[0], name, politics);
    apply(&mut gold, edits);
    let doc = &gold.documents[0];
    assert_eq!(
        doc.labels,
        [("topic".to_owned(), vec!["politics".to_owned()])]
    );
    assert_eq!(
        ReviewSession::label_decision(doc, name, &options[1]),
        Decision::Rejected
    );
    assert_eq!(
        doc.extra[REJECTED_LABELS],
        serde_json::json!([{"label": "topic", "values": ["economy"], "annotators": ["omar"]}])
    );
    let mut saved = gold.clone();
    session.stamp(&mut saved);
    assert_eq!(
        saved.documents[0].extra[LABEL_PROVENANCE],
        serde_json::json!({"topic": ["amal"]})
    );
    // Changing one's mind: omar's economy replaces it, amal's politics becomes the rejected one.
    let edits = session.accept_label_choice(0, &gold.documents[0], name, &options[1]);
    apply(&mut gold, edits);
    let doc = &gold.documents[0];
    assert_eq!(doc.labels[0].1, ["economy"]);
    assert_eq!(
        ReviewSession::label_decision(doc, name, &options[0]),
        Decision::Pending,
        "accepting another choice rejects only pending ones"
    );
    let edits = session.reject_label_choice(0, doc, name, &options[1]);
    apply(&mut gold, edits);
    assert!(gold.documents[0].labels.is_empty());
}

#[test]
fn decisions_survive_the_file_and_marking_reviewed_rejects_what_is_left() {
    let (session, mut gold) = session("economy");
    let edits = session.accept_all_agreed(0, &gold.documents[0]).edits;
    apply(&mut gold, edits);
    let omar_in = candidate(&session, "in", 6, 25);
    let edits = session.accept_relation(0, &gold.documents[0], &omar_in);
    apply(&mut gold, edits);
    let (edits, n) = session.reject_pending(0, &gold.documents[0]);
    // amal's relation and both topic choices.
    assert_eq!(n, 3);
    apply(&mut gold, edits);
    assert_eq!(session.pending(0, &gold.documents[0]), 0);
    session.stamp(&mut gold);
    let json = write_corpus(&gold, Form::Json);
    let mut back = parse_corpus(json.as_bytes(), Form::Json).unwrap();
    let (mut fresh, _) = self::session("economy");
    fresh.attach_gold(&mut back).unwrap();
    let doc = &back.documents[0];
    assert_eq!(
        fresh.relation_decisions(0, doc),
        [Decision::Accepted, Decision::Accepted, Decision::Rejected]
    );
    assert_eq!(fresh.pending(0, doc), 0);
    assert_eq!(
        gold_relations(&back)
            .into_iter()
            .map(|(l, _, _, who)| (l, who))
            .collect::<Vec<_>>(),
        [
            ("met".into(), serde_json::json!(["amal", "omar"])),
            ("in".into(), serde_json::json!(["omar"]))
        ]
    );
}

#[test]
fn a_review_without_relations_or_document_labels_writes_none_of_their_fields() {
    let plain = |name: &str| {
        let mut c = annotator(name, "T", &[], "politics");
        c.documents[0].labels.clear();
        c
    };
    let mut session = ReviewSession::new(vec![
        ("amal".into(), plain("amal")),
        ("omar".into(), plain("omar")),
    ])
    .unwrap();
    let mut gold = session.blank_gold();
    session.attach_gold(&mut gold).unwrap();
    let edits = session.accept_all_agreed(0, &gold.documents[0]).edits;
    apply(&mut gold, edits);
    let (edits, n) = session.reject_pending(0, &gold.documents[0]);
    assert_eq!(n, 0);
    assert!(edits.is_empty());
    session.stamp(&mut gold);
    let json = write_corpus(&gold, Form::Json);
    for field in [
        REJECTED_RELATIONS,
        REJECTED_LABELS,
        LABEL_PROVENANCE,
        "\"relations\"",
    ] {
        assert!(!json.contains(field), "{field} written: {json}");
    }
}
