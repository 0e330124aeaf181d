//! The review session's decisions on span candidates, tried on a small Arabic document.

use super::*;
use crate::annotate::history::Change;
use crate::model::Span;

const TEXT: &str = "قال “الكرملين” إن بوتين زار أنقرة";

fn corpus(annotator: &str, spans: &[(usize, usize, &str)]) -> Corpus {
    let mut d = Document::new("d", TEXT);
    for &(a, b, label) in spans {
        d.add_span(Span::new(CharRange::new(a, b).unwrap(), label))
            .unwrap();
    }
    Corpus {
        annotator: Some(annotator.to_owned()),
        documents: vec![d],
        ..Corpus::with_default_labels()
    }
}

fn session() -> (ReviewSession, Corpus) {
    let mut session = ReviewSession::new(vec![
        (
            "amal".into(),
            corpus("amal", &[(5, 13, "ORG"), (18, 23, "PER"), (28, 33, "LOC")]),
        ),
        (
            "omar".into(),
            corpus("omar", &[(5, 13, "ORG"), (18, 23, "PER")]),
        ),
        (
            "sara".into(),
            corpus("sara", &[(4, 14, "ORG"), (5, 13, "ORG"), (18, 23, "ORG")]),
        ),
    ])
    .unwrap();
    let mut gold = session.blank_gold();
    assert!(
        !session.attach_gold(&mut gold).unwrap(),
        "blank gold has every label"
    );
    (session, gold)
}

fn apply(gold: &mut Corpus, edits: Vec<Edit>) {
    Change { document: 0, edits }.apply(gold).unwrap();
}

fn spans(gold: &Corpus) -> Vec<(usize, usize, String, serde_json::Value)> {
    gold.documents[0]
        .spans()
        .iter()
        .map(|s| {
            (
                s.range.start(),
                s.range.end(),
                s.label.clone(),
                s.extra["annotators"].clone(),
            )
        })
        .collect()
}

#[test]
fn groups_gather_overlapping_candidates_and_mark_conflicts() {
    let (session, gold) = session();
    let c = session.candidates(0);
    let listed: Vec<(usize, usize, &str)> = c
        .iter()
        .map(|c| (c.range.start(), c.range.end(), c.label.as_str()))
        .collect();
    assert_eq!(
        listed,
        [
            (4, 14, "ORG"),
            (5, 13, "ORG"),
            (18, 23, "ORG"),
            (18, 23, "PER"),
            (28, 33, "LOC")
        ]
    );
    let groups = session.groups(0);
    assert_eq!(groups, [0..2, 2..4, 4..5]);
    // Quotes or not: a boundary conflict; ORG or PER: a label conflict; LOC: only amal.
    assert!(groups.iter().all(|g| session.is_conflict(0, g.clone())));
    assert_eq!(session.pending(0, &gold.documents[0]), 5);
    assert_eq!(gold.documents[0].status, Status::New);
}

#[test]
fn accept_all_agreed_then_resolving_conflicts_gives_gold_with_provenance() {
    let (session, mut gold) = session();
    let edits = session.accept_all_agreed(0, &gold.documents[0]).edits;
    apply(&mut gold, edits);
    assert_eq!(
        spans(&gold),
        [(
            5,
            13,
            "ORG".into(),
            serde_json::json!(["amal", "omar", "sara"])
        )]
    );
    // Pressing it again adds nothing.
    assert!(
        session
            .accept_all_agreed(0, &gold.documents[0])
            .edits
            .is_empty()
    );

    let candidates = session.candidates(0).to_vec();
    let quoted = &candidates[0];
    let per = &candidates[3];
    let edits = session.reject(0, &gold.documents[0], quoted);
    assert!(
        matches!(edits.as_slice(), [Edit::SetField { .. }]),
        "a pending candidate is not in the gold: rejecting it only lists it"
    );
    apply(&mut gold, edits);
    let edits = session.accept(0, &gold.documents[0], per);
    apply(&mut gold, edits);
    assert_eq!(
        session.decision(&gold.documents[0], quoted),
        Decision::Rejected
    );
    assert_eq!(
        session.decision(&gold.documents[0], per),
        Decision::Accepted
    );
    // Taking PER settles the label conflict: sara's ORG on the same word is rejected.
    assert_eq!(
        session.decision(&gold.documents[0], &candidates[2]),
        Decision::Rejected
    );
    // amal's أنقرة is edited to start at the hamza: the reviewer's span has no author.
    let edits = session.replace(
        0,
        &gold.documents[0],
        &candidates[4],
        CharRange::new(29, 33).unwrap(),
        "LOC",
    );
    apply(&mut gold, edits);
    assert_eq!(
        spans(&gold),
        [
            (
                5,
                13,
                "ORG".into(),
                serde_json::json!(["amal", "omar", "sara"])
            ),
            (18, 23, "PER".into(), serde_json::json!(["amal", "omar"])),
            (29, 33, "LOC".into(), serde_json::json!([])),
        ]
    );
    assert_eq!(
        session.decision(&gold.documents[0], &candidates[4]),
        Decision::Rejected
    );
    assert_eq!(session.pending(0, &gold.documents[0]), 0);
}

#[test]
fn accepting_leaves_nested_spans_of_other_labels_pending() {
    // An ORG around a LOC: not alternatives to each other, both may be gold.
    let text = "السفارة الأميركية في موسكو";
    let doc = |spans: &[(usize, usize, &str)]| {
        let mut d = Document::new("d", text);
        for &(a, b, l) in spans {
            d.add_span(Span::new(CharRange::new(a, b).unwrap(), l))
                .unwrap();
        }
        Corpus {
            documents: vec![d],
            ..Corpus::with_default_labels()
        }
    };
    let mut session = ReviewSession::new(vec![
        ("a".into(), doc(&[(0, 26, "ORG"), (21, 26, "LOC")])),
        ("b".into(), doc(&[(0, 26, "ORG"), (8, 26, "ORG")])),
    ])
    .unwrap();
    let mut gold = session.blank_gold();
    session.attach_gold(&mut gold).unwrap();
    let candidates = session.candidates(0).to_vec();
    let edits = session.accept(0, &gold.documents[0], &candidates[0]);
    apply(&mut gold, edits);
    let decisions: Vec<Decision> = candidates
        .iter()
        .map(|c| session.decision(&gold.documents[0], c))
        .collect();
    // b's shorter ORG is a boundary alternative; a's LOC inside is not.
    assert_eq!(
        decisions,
        [Decision::Accepted, Decision::Rejected, Decision::Pending]
    );
}

#[test]
fn rejecting_an_accepted_candidate_takes_it_out_and_accepting_brings_it_back() {
    let (session, mut gold) = session();
    let candidates = session.candidates(0).to_vec();
    let edits = session.accept(0, &gold.documents[0], &candidates[2]);
    apply(&mut gold, edits);
    let edits = session.reject(0, &gold.documents[0], &candidates[2]);
    assert_eq!(edits.len(), 2, "out of the gold, into the rejections");
    apply(&mut gold, edits);
    assert!(gold.documents[0].spans().is_empty());
    // Accept all agreed leaves a rejected candidate alone, even an agreed one.
    let edits = session.reject(0, &gold.documents[0], &candidates[1]);
    apply(&mut gold, edits);
    assert!(
        session
            .accept_all_agreed(0, &gold.documents[0])
            .edits
            .is_empty()
    );
    let edits = session.accept(0, &gold.documents[0], &candidates[1]);
    apply(&mut gold, edits);
    assert_eq!(spans(&gold).len(), 1);
}

#[test]
fn stamping_follows_a_relabel() {
    let (session, mut gold) = session();
    let candidates = session.candidates(0).to_vec();
    let edits = session.accept(0, &gold.documents[0], &candidates[3]);
    apply(&mut gold, edits);
    // The reviewer relabels amal and omar's PER as sara's ORG.
    apply(
        &mut gold,
        vec![Edit::Relabel {
            range: CharRange::new(18, 23).unwrap(),
            from: "PER".into(),
            to: "ORG".into(),
        }],
    );
    session.stamp(&mut gold);
    assert_eq!(
        spans(&gold),
        [(18, 23, "ORG".into(), serde_json::json!(["sara"]))]
    );
}

#[test]
fn rejections_are_saved_with_the_gold_and_read_back() {
    let (session, mut gold) = session();
    let candidates = session.candidates(0).to_vec();
    let edits = session.accept(0, &gold.documents[0], &candidates[3]);
    apply(&mut gold, edits);
    let edits = session.reject(0, &gold.documents[0], &candidates[4]);
    apply(&mut gold, edits);
    assert_eq!(
        gold.documents[0].extra[REJECTED],
        serde_json::json!([
            {"start": 18, "end": 23, "label": "ORG", "annotators": ["sara"]},
            {"start": 28, "end": 33, "label": "LOC", "annotators": ["amal"]},
        ])
    );
    // Through the file format and into a new session, as when a review is reopened.
    let json = crate::format::write_corpus(&gold, crate::format::Form::Json);
    let mut back = crate::format::parse_corpus(json.as_bytes(), crate::format::Form::Json).unwrap();
    let (mut fresh, _) = self::session();
    fresh.attach_gold(&mut back).unwrap();
    let decisions: Vec<Decision> = candidates
        .iter()
        .map(|c| fresh.decision(&back.documents[0], c))
        .collect();
    assert_eq!(
        decisions,
        [
            Decision::Pending,
            Decision::Pending,
            Decision::Rejected,
            Decision::Accepted,
            Decision::Rejected
        ]
    );
    // Taking a rejection back removes it from the list too.
    let edits = fresh.accept(0, &back.documents[0], &candidates[4]);
    apply(&mut back, edits);
    assert_eq!(
        back.documents[0].extra[REJECTED].as_array().unwrap().len(),
        1
    );
}

#[test]
fn undoing_an_accept_brings_back_the_alternatives_it_rejected() {
    let (session, mut gold) = session();
    let candidates = session.candidates(0).to_vec();
    let before = session.decisions(0, &gold.documents[0]);
    let change = Change {
        document: 0,
        edits: session.accept(0, &gold.documents[0], &candidates[3]),
    };
    change.apply(&mut gold).unwrap();
    assert_eq!(
        session.decision(&gold.documents[0], &candidates[2]),
        Decision::Rejected
    );
    change.inverse().apply(&mut gold).unwrap();
    assert_eq!(session.decisions(0, &gold.documents[0]), before);
    assert!(!gold.documents[0].extra.contains_key(REJECTED));
    // Marking the document reviewed rejects the rest, in one undoable step too.
    let (edits, n) = session.reject_pending(0, &gold.documents[0]);
    assert_eq!(n, 5);
    apply(&mut gold, edits);
    assert_eq!(session.pending(0, &gold.documents[0]), 0);
}

#[test]
fn a_text_that_differs_names_the_annotators_and_the_offset() {
    let mut other = corpus("omar", &[]);
    other.documents[0] = Document::new("d", TEXT.replace('“', "«"));
    let err = ReviewSession::new(vec![
        ("amal".into(), corpus("amal", &[])),
        ("omar".into(), other),
    ])
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "document \"d\" has a different text for omar than for amal: first difference at code point 4"
    );
}

#[test]
fn a_gold_file_with_another_text_is_refused() {
    let (mut session, _) = session();
    let mut gold = corpus("rev", &[]);
    gold.documents[0] = Document::new("d", format!("{TEXT}."));
    assert_eq!(
        session.attach_gold(&mut gold).unwrap_err(),
        ReviewError::GoldTextDiffers {
            id: "d".into(),
            offset: TEXT.chars().count()
        }
    );
}

#[test]
fn names_come_from_the_corpora_and_stay_unique() {
    let a = corpus("amal", &[]);
    let b = corpus("amal", &[]);
    let mut c = corpus("x", &[]);
    c.annotator = None;
    let p = |s: &'static str| std::path::Path::new(s);
    let names = annotator_names(&[
        (p("team/amal-1.json"), &a),
        (p("team/amal-2.json"), &b),
        (p("team/omar.json"), &c),
    ]);
    assert_eq!(names, ["amal (amal-1)", "amal (amal-2)", "omar"]);
}
