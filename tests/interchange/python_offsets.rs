//! Spans placed with Python string indices on the sample article (see
//! `tests/fixtures/make_python_offsets.py`) agree with taliq's code-point offsets.

use taliq::format::{Form, write_corpus};
use taliq::model::CharRange;

const FIXTURE: &str = "tests/fixtures/python_offsets.json";

#[test]
fn every_python_span_loads_and_covers_its_text() {
    let corpus = taliq::format::load(FIXTURE).expect("the Python fixture is a valid corpus");
    let doc = corpus.document("000_f13009966aefca6f").unwrap();
    let article = std::fs::read_to_string("assets/sample/000_f13009966aefca6f.txt").unwrap();
    assert_eq!(
        doc.text(),
        article,
        "the text is the article exactly as in the file"
    );
    assert_eq!(doc.char_len(), 5914);
    assert_eq!(doc.spans().len(), 35);

    // Loading already checked text[start:end] == span.text for all 35; spot-check the hard kinds.
    let at = |start, end| doc.slice(CharRange::new(start, end).unwrap());
    assert_eq!(at(178, 183), "موسكو", "after the proclitic lam of لموسكو");
    assert_eq!(at(645, 654), "لأوكرانيا");
    assert_eq!(
        at(646, 654),
        "أوكرانيا",
        "starts between lam and alef of a lam-alef"
    );
    assert_eq!(at(419, 427), "أوكرانيا", "after the conjunction waw");
    assert_eq!(at(870, 879), "التّوقعات", "with a shadda inside");
    assert_eq!(at(4717, 4723), "مراراً", "ending on a tanween");
    assert_eq!(at(3675, 3690), "21 أيلول/سبتمبر", "digits inside Arabic");
    assert!(
        doc.check_range(CharRange::new(4717, 4722).unwrap())
            .is_err(),
        "4722 cuts the tanween"
    );
}

#[test]
fn resaving_the_python_fixture_is_byte_identical() {
    let text = std::fs::read_to_string(FIXTURE).unwrap();
    let corpus = taliq::format::parse_corpus(text.as_bytes(), Form::Json).unwrap();
    assert_eq!(write_corpus(&corpus, Form::Json), text);
}

#[test]
fn bundled_sample_is_valid_and_stable() {
    let text = std::fs::read_to_string("assets/sample/sample.json").unwrap();
    let corpus = taliq::format::parse_corpus(text.as_bytes(), Form::Json).unwrap();
    assert_eq!(corpus.labels.len(), 5);
    assert_eq!(corpus.documents.len(), 1);
    assert_eq!(write_corpus(&corpus, Form::Json), text);
}
