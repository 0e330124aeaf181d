//! Relations and document labels in a team project (issue #14 with #12): the project file
//! declares the relation types and document labels of the corpus it was made from, every
//! annotator's file gets them, and `project adjudicate` takes the agreed relations and
//! labels into a gold file that declares them too.

#![allow(
    clippy::unwrap_used,
    reason = "fixture helpers fail the test that calls them"
)]

use std::path::Path;

use taliq::format::{Form, load, write_corpus};
use taliq::model::{CharRange, Relation, Span, Status};
use taliq::project::{self, ProjectConfig, Sources, annotation_path};

const FIXTURE: &str = "tests/fixtures/relations.json";

/// `annotator` marks بوتينُ and أردوغانَ (PER, with their own ids), links them by `kind`,
/// gives the topic, and finishes the document.
fn annotate(proj: &Path, annotator: &str, kind: &str, topic: &str) {
    let path = annotation_path(proj, annotator);
    let mut corpus = load(&path).unwrap();
    let doc = &mut corpus.documents[0];
    for (id, (a, b)) in [(6, 12), (13, 21)].into_iter().enumerate() {
        let mut span = Span::new(CharRange::new(a, b).unwrap(), "PER");
        span.id = Some(format!("{annotator}{id}"));
        doc.add_span(span).unwrap();
    }
    doc.add_relation(Relation::new(
        "R1",
        kind,
        &format!("{annotator}0"),
        &format!("{annotator}1"),
    ))
    .unwrap();
    doc.labels = vec![("topic".to_owned(), vec![topic.to_owned()])];
    doc.status = Status::Done;
    std::fs::write(&path, write_corpus(&corpus, Form::Json)).unwrap();
}

#[test]
fn a_project_declares_relations_and_document_labels_and_adjudicates_them() {
    let dir = tempfile::tempdir().unwrap();
    let proj = dir.path().join("proj");
    let sources = Sources::read(&[FIXTURE.into()]).unwrap();
    let annotators = ["amal".to_owned(), "omar".to_owned()];
    let (config, _) = project::init(&proj, "news", sources, &annotators, 2, 0).unwrap();
    let names = |c: &ProjectConfig| -> (Vec<String>, Vec<String>) {
        (
            c.relation_labels.iter().map(|r| r.name.clone()).collect(),
            c.document_labels.iter().map(|d| d.name.clone()).collect(),
        )
    };
    let expected = (
        vec![
            "met".to_owned(),
            "based_in".to_owned(),
            "related".to_owned(),
        ],
        vec!["topic".to_owned(), "country".to_owned()],
    );
    assert_eq!(names(&config), expected);
    // Written in the project file, read back with their constraints.
    let back = ProjectConfig::load(&proj).unwrap();
    assert_eq!(back, config);
    assert_eq!(back.relation_labels[1].from, ["ORG"]);
    // Every annotator's file declares them, so relations can be made at once.
    for name in &annotators {
        let corpus = load(annotation_path(&proj, name)).unwrap();
        assert_eq!(corpus.relation_labels, config.relation_labels);
        assert_eq!(corpus.document_labels, config.document_labels);
    }

    annotate(&proj, "amal", "met", "politics");
    annotate(&proj, "omar", "met", "economy");
    let report = project::adjudicate(&proj).unwrap();
    assert_eq!(
        report.accepted.describe(),
        "2 agreed spans and 1 relation accepted"
    );
    // The topics differ: two choices left to the reviewer.
    assert_eq!(report.pending, 2);
    let gold = load(proj.join(project::GOLD_FILE)).unwrap();
    assert_eq!(gold.relation_labels, config.relation_labels);
    let doc = &gold.documents[0];
    assert_eq!(doc.relations().len(), 1);
    assert_eq!(
        doc.relations()[0].extra["annotators"],
        serde_json::json!(["amal", "omar"])
    );
}

#[test]
fn a_project_file_without_relations_is_written_as_before_and_a_bad_type_is_located() {
    let dir = tempfile::tempdir().unwrap();
    let proj = dir.path().join("proj");
    let txt = dir.path().join("a.txt");
    std::fs::write(&txt, "قال الكرملين إن بوتين زار أنقرة").unwrap();
    let sources = Sources::read(&[txt]).unwrap();
    let (config, _) = project::init(&proj, "plain", sources, &["amal".to_owned()], 1, 0).unwrap();
    let json = std::fs::read_to_string(ProjectConfig::path(&proj)).unwrap();
    assert!(!json.contains("relation_labels") && !json.contains("document_labels"));
    assert!(config.relation_labels.is_empty());

    // A relation type between labels the project does not have: the field is named.
    let mut value: serde_json::Value = serde_json::from_str(&json).unwrap();
    value["relation_labels"] =
        serde_json::json!([{"name": "met", "color": "#911eb4", "from": ["PERSON"]}]);
    std::fs::write(ProjectConfig::path(&proj), value.to_string()).unwrap();
    let err = ProjectConfig::load(&proj).unwrap_err().to_string();
    assert!(
        err.contains("taliq-project.json") && err.contains("relation_labels[0].from"),
        "{err}"
    );
}
