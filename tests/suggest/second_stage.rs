//! The tagger's second stage in model files: files with it round trip, files without it
//! (written before it existed) still load and tag.

use std::path::Path;
use std::sync::atomic::AtomicBool;

use taliq::model::Document;
use taliq::suggest::tagger::{Resources, Tagger, TrainOptions, train};
use taliq::synth::ner_corpus;

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/tagger")
        .join(name)
}

fn trained(second_stage: bool) -> Tagger {
    let corpus = ner_corpus(12, 8, false, 17);
    let docs: Vec<&Document> = corpus.documents.iter().collect();
    let options = TrainOptions {
        max_iterations: 40,
        jackknife_iterations: 20,
        second_stage_iterations: 20,
        second_stage,
        ..TrainOptions::default()
    };
    train(
        &docs,
        &Resources::default(),
        &options,
        &|_| {},
        &AtomicBool::new(false),
    )
    .expect("spans to learn from")
}

fn header(bytes: &[u8]) -> String {
    let end = bytes
        .iter()
        .position(|&b| b == b'\n')
        .expect("a header line");
    String::from_utf8(bytes[..end].to_vec()).expect("a UTF-8 header")
}

#[test]
fn a_model_file_written_before_the_second_stage_still_loads_and_tags() {
    // Written by taliq before the second stage existed (`taliq train old.conll`).
    let path = fixture("old-model.taliq-tagger");
    let bytes = std::fs::read(&path).unwrap();
    assert!(!header(&bytes).contains("second_stage"));
    let model = Tagger::load(&path).unwrap();
    assert!(!model.has_second_stage());
    let found = model.tag(&Document::new("x", "قال بوتين إن موسكو مستعدة."));
    let labels: Vec<&str> = found.iter().map(|p| p.label.as_str()).collect();
    assert_eq!(labels, ["PER", "LOC"], "{found:?}");
    // Written again, it is the same file: the format without a second stage is unchanged.
    assert!(
        model.to_bytes() == bytes,
        "an old model file was rewritten differently"
    );
}

#[test]
fn a_model_file_round_trips_with_and_without_a_second_stage() {
    let test = ner_corpus(5, 8, true, 18);
    let docs: Vec<&Document> = test.documents.iter().collect();
    let dir = tempfile::tempdir().unwrap();
    for second_stage in [false, true] {
        let tagger = trained(second_stage);
        assert_eq!(tagger.has_second_stage(), second_stage);
        let path = dir
            .path()
            .join(format!("model-{second_stage}.taliq-tagger"));
        tagger.save(&path).unwrap();
        let bytes = std::fs::read(&path).unwrap();
        assert_eq!(header(&bytes).contains("\"second_stage\""), second_stage);
        let loaded = Tagger::load(&path).unwrap();
        assert_eq!(loaded.has_second_stage(), second_stage);
        assert_eq!(tagger.tag_many(&docs), loaded.tag_many(&docs));
        assert_eq!(tagger.uncertainty(&docs), loaded.uncertainty(&docs));
        assert!(loaded.to_bytes() == bytes, "saved again, the file changed");
    }
}

#[test]
fn a_second_stage_cut_short_or_missing_is_refused_with_its_place() {
    let bytes = trained(true).to_bytes();
    let path = Path::new("m.bin");
    let err = Tagger::from_bytes(path, &bytes[..bytes.len() - 5])
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("m.bin: byte ") && err.contains("second-stage features"),
        "{err}"
    );
    // The header promises a second stage the file does not hold, or counts that overflow.
    let first_only = trained(false).to_bytes();
    let end = first_only.iter().position(|&b| b == b'\n').unwrap();
    let with_header = |edit: &dyn Fn(&mut serde_json::Value)| {
        let mut value: serde_json::Value = serde_json::from_slice(&first_only[..end]).unwrap();
        edit(&mut value);
        let mut bytes = serde_json::to_vec(&value).unwrap();
        bytes.extend_from_slice(&first_only[end..]);
        bytes
    };
    let lying = with_header(&|v| v["second_stage"] = serde_json::json!({"features": 3}));
    let err = Tagger::from_bytes(path, &lying).unwrap_err().to_string();
    assert!(err.contains("cut short"), "{err}");
    for (field, count) in [("features", u64::MAX), ("second_stage", u64::MAX)] {
        let huge = with_header(&|v| {
            if field == "features" {
                v["features"] = count.into();
            } else {
                v["second_stage"] = serde_json::json!({ "features": count });
            }
        });
        let err = Tagger::from_bytes(path, &huge).unwrap_err().to_string();
        assert!(err.contains("too many"), "{field}: {err}");
    }
}
