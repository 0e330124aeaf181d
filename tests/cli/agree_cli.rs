//! `taliq agree` as a user reads it (issue #25): no figure is printed as `-0.000`.

use std::fs;

use crate::support::{stdout, taliq};
use taliq::format::{Form, write_corpus};
use taliq::model::{CharRange, Corpus, Document, Span};

/// A long article (1,800 words, with harakat) in which one annotator marked one name and
/// the other another: agreement a hair below chance, alpha -0.0003.
fn two_annotators_one_name_each(dir: &std::path::Path) {
    let sentence = "قالَ المتحدثُ باسم الكرملين إنّ روسيا مستعدةٌ للحوار مع أوكرانيا في إسطنبول ";
    let text = sentence.repeat(150);
    for (name, word) in [("a", 3), ("b", 700)] {
        let start: usize = text
            .split(' ')
            .take(word)
            .map(|w| w.chars().count() + 1)
            .sum();
        let len = text.split(' ').nth(word).expect("a word").chars().count();
        let mut doc = Document::new("article", text.clone());
        let range = CharRange::new(start, start + len).expect("ordered");
        doc.add_span(Span::new(range, "PER"))
            .expect("on word edges");
        let mut corpus = Corpus::with_default_labels();
        corpus.documents.push(doc);
        fs::write(
            dir.join(format!("{name}.json")),
            write_corpus(&corpus, Form::Json),
        )
        .expect("written");
    }
}

#[test]
fn agree_prints_a_value_that_rounds_to_zero_as_0_000_not_minus() {
    let dir = tempfile::tempdir().unwrap();
    two_annotators_one_name_each(dir.path());
    // The figure really is negative: the JSON keeps it exactly.
    let out = taliq(&["agree", "a.json", "b.json", "--json"], dir.path());
    assert!(out.status.success());
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let alpha = report["overall"]["krippendorff_alpha"].as_f64().unwrap();
    assert!((-0.0005..0.0).contains(&alpha), "{alpha}");

    let out = taliq(&["agree", "a.json", "b.json"], dir.path());
    assert!(out.status.success());
    let table = stdout(&out);
    assert!(!table.contains("-0.000"), "{table}");
    let overall = table
        .lines()
        .find(|l| l.starts_with("overall"))
        .expect("an overall row");
    let figures: Vec<&str> = overall.split_whitespace().collect();
    // label, spans, P, R, F1, partial F1, Cohen, Fleiss, alpha, unitizing alpha.
    assert_eq!(figures[8], "0.000", "{overall}");
    assert_eq!(
        figures[6], "-0.001",
        "a figure below -0.0005 keeps its sign"
    );
    assert!(
        table.contains("alpha 0.000"),
        "the documents' list too: {table}"
    );
}
