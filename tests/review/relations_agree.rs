//! Agreement on relations and document labels (issue #14), on hand-computed fixtures:
//! relation F1 with exact endpoints, Cohen's kappa and Krippendorff's alpha per document
//! label, through the library and `taliq agree`.

#![allow(
    clippy::unwrap_used,
    reason = "fixture helpers fail the test that calls them"
)]

use taliq::format::{Form, parse_corpus, write_corpus};
use taliq::model::{CharRange, Corpus, Document, DocumentLabel, Relation, RelationLabel, Span};

use crate::support;
use support::{stdout, taliq};

const TEXT: &str = "التقى بوتينُ أردوغانَ في أنقرة";

/// An annotator's corpus of four documents with the same text: PER بوتينُ, PER أردوغانَ,
/// LOC أنقرة; `relations[d]` the relations of document `d` as (type, from span, to span);
/// `topics[d]` its topic.
fn annotator(relations: &[&[(&str, usize, usize)]], topics: &[&str]) -> Corpus {
    let mut corpus = Corpus::with_default_labels();
    corpus.relation_labels = vec![
        RelationLabel::new("met", taliq::model::Color(taliq::model::PALETTE[4])),
        RelationLabel::new("in", taliq::model::Color(taliq::model::PALETTE[5])),
    ];
    corpus.document_labels = vec![DocumentLabel::new("topic", &["politics", "economy"], false)];
    for (d, topic) in topics.iter().enumerate() {
        let mut doc = Document::new(format!("d{d}"), TEXT);
        for (i, (a, b, label)) in [(6, 12, "PER"), (13, 21, "PER"), (25, 30, "LOC")]
            .into_iter()
            .enumerate()
        {
            let mut span = Span::new(CharRange::new(a, b).unwrap(), label);
            span.id = Some(format!("T{}", i + 1));
            doc.add_span(span).unwrap();
        }
        for (k, (kind, from, to)) in relations[d].iter().enumerate() {
            doc.add_relation(Relation::new(
                &format!("R{k}"),
                kind,
                &format!("T{}", from + 1),
                &format!("T{}", to + 1),
            ))
            .unwrap();
        }
        doc.labels = vec![("topic".to_owned(), vec![(*topic).to_owned()])];
        corpus.documents.push(doc);
    }
    corpus
}

#[test]
fn relation_f1_and_document_label_kappa_and_alpha_match_the_hand_computed_figures() {
    // A: met 1→2 in d0, in 2→3 in d1. B: met 1→2 in d0 (same), met 2→3 in d1 (other type).
    // Topics: A politics, politics, economy, economy; B politics, economy, economy, economy.
    let a = annotator(
        &[&[("met", 0, 1)], &[("in", 1, 2)], &[], &[]],
        &["politics", "politics", "economy", "economy"],
    );
    let b = annotator(
        &[&[("met", 0, 1)], &[("met", 1, 2)], &[], &[]],
        &["politics", "economy", "economy", "economy"],
    );
    let report = taliq::review::agree(&[a.clone(), b.clone()], &["a".into(), "b".into()]).unwrap();
    let links = &report.links;
    // One of two relations each agrees: P = R = F1 = 1/2.
    let all = links.relations.as_ref().unwrap();
    assert_eq!(
        (all.precision, all.recall, all.f1),
        (Some(0.5), Some(0.5), Some(0.5))
    );
    assert_eq!(links.relation_pairs[0].matched, 1);
    // Topic: confusion [[1, 1], [0, 2]] (politics, economy): p_o = 3/4, p_e = 1/2 · 1/4 +
    // 1/2 · 3/4 = 1/2, kappa = (3/4 − 1/2) / (1 − 1/2) = 1/2. Alpha: n_politics = 3,
    // n_economy = 5, n = 8, coincidences on the diagonal 6: 1 − 7 · 2 / (64 − 9 − 25) = 8/15.
    let topic = &links.document_labels[0];
    assert_eq!((topic.name.as_str(), topic.documents), ("topic", 4));
    assert!(
        (topic.cohen_kappa.unwrap() - 0.5).abs() < 1e-12,
        "{topic:?}"
    );
    assert!(
        (topic.krippendorff_alpha.unwrap() - 8.0 / 15.0).abs() < 1e-12,
        "{topic:?}"
    );

    // The same figures from the command line, and in its JSON.
    let dir = tempfile::tempdir().unwrap();
    for (name, corpus) in [("a.json", &a), ("b.json", &b)] {
        std::fs::write(dir.path().join(name), write_corpus(corpus, Form::Json)).unwrap();
        parse_corpus(write_corpus(corpus, Form::Json).as_bytes(), Form::Json).unwrap();
    }
    let out = taliq(&["agree", "a.json", "b.json"], dir.path());
    let text = stdout(&out);
    assert!(
        text.contains("relations (exact endpoints and type): P 0.500  R 0.500  F1 0.500"),
        "{text}"
    );
    assert!(text.contains("document label topic: Cohen's kappa 0.500 (mean over pairs), Krippendorff's alpha 0.533 on 4 documents"), "{text}");
    let out = taliq(&["agree", "a.json", "b.json", "--json"], dir.path());
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["links"]["relations"]["f1"], 0.5);
}

#[test]
fn corpora_without_relations_or_document_labels_report_none() {
    let plain = |topics: usize| {
        let mut c = annotator(&vec![&[][..]; topics], &vec!["politics"; topics]);
        c.document_labels.clear();
        for d in &mut c.documents {
            d.labels.clear();
        }
        c
    };
    let report = taliq::review::agree(&[plain(2), plain(2)], &["a".into(), "b".into()]).unwrap();
    assert_eq!(report.links, taliq::review::links::LinkAgreement::default());
}
