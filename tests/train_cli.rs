//! `taliq train` and `taliq evaluate` on corpora generated from Arabic news sentences.

#![allow(
    clippy::unwrap_used,
    reason = "fixture helpers fail the test that calls them"
)]

use std::fs;
use std::path::Path;

mod support;
use support::{stderr, stdout, taliq};

/// Writes a training corpus (seen names) and a gold corpus (names never seen) into `dir`.
fn fixtures(dir: &Path) {
    let train = taliq::synth::ner_corpus(30, 8, false, 11);
    let gold = taliq::synth::ner_corpus(8, 8, true, 12);
    for (name, corpus) in [("train.json", train), ("gold.json", gold)] {
        let json = taliq::format::write_corpus(&corpus, taliq::format::Form::Json);
        fs::write(dir.join(name), json).unwrap();
    }
}

#[test]
fn train_then_evaluate_on_unseen_names() {
    let dir = tempfile::tempdir().unwrap();
    fixtures(dir.path());
    let out = taliq(
        &[
            "train",
            "train.json",
            "--out",
            "model.bin",
            "--iterations",
            "60",
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("L-BFGS iterations in") && text.contains("wrote model.bin"),
        "{text}"
    );
    let bytes = fs::read(dir.path().join("model.bin")).unwrap();
    assert!(bytes.starts_with(br#"{"format":"taliq-tagger","version":1"#));

    let out = taliq(
        &["evaluate", "gold.json", "--model", "model.bin"],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let table = stdout(&out);
    for row in ["PER", "LOC", "ORG", "micro", "macro"] {
        assert!(
            table.lines().any(|l| l.starts_with(row)),
            "{row} missing:\n{table}"
        );
    }

    let out = taliq(
        &["evaluate", "gold.json", "--model", "model.bin", "--json"],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let f1 = json["micro"]["f1"].as_f64().unwrap();
    assert!(f1 > 0.4, "micro F1 on unseen names {f1}");
    let per = &json["labels"]["PER"]["counts"];
    assert!(per["true_positives"].as_u64().unwrap() > 0, "{json}");
    // Evaluating the training corpus itself is near perfect.
    let out = taliq(
        &["evaluate", "train.json", "--model", "model.bin", "--json"],
        dir.path(),
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(json["micro"]["f1"].as_f64().unwrap() > 0.95, "{json}");
}

#[test]
fn folds_print_per_label_figures_for_each_fold() {
    let dir = tempfile::tempdir().unwrap();
    fixtures(dir.path());
    let out = taliq(
        &["train", "train.json", "--folds", "3", "--iterations", "40"],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert_eq!(
        text.lines().filter(|l| l.starts_with("fold ")).count(),
        3,
        "{text}"
    );
    assert!(text.contains("3-fold cross-validation"), "{text}");
    let micro = text.lines().find(|l| l.starts_with("micro")).unwrap();
    let f1: f64 = micro.split_whitespace().nth(3).unwrap().parse().unwrap();
    assert!(f1 > 0.8, "{text}");
    assert!(text.contains("cross-validation took"), "{text}");
    assert!(!dir.path().join("model.bin").exists());
}

#[test]
fn bad_model_files_and_label_mismatches_are_located_errors() {
    let dir = tempfile::tempdir().unwrap();
    fixtures(dir.path());
    fs::write(dir.path().join("junk.bin"), "not a model\n\u{0}\u{1}").unwrap();
    let out = taliq(
        &["evaluate", "gold.json", "--model", "junk.bin"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("junk.bin: header") && err.contains("not a taliq tagger model"),
        "{err}"
    );

    let out = taliq(
        &["evaluate", "gold.json", "--model", "missing.bin"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("missing.bin"), "{}", stderr(&out));

    // A model trained on PERSON refuses a corpus that calls it PER.
    let corpus = taliq::synth::ner_corpus(10, 6, false, 13);
    let json = taliq::format::write_corpus(&corpus, taliq::format::Form::Json)
        .replace("\"PER\"", "\"PERSON\"");
    fs::write(dir.path().join("person.json"), json).unwrap();
    let out = taliq(
        &[
            "train",
            "person.json",
            "--out",
            "person.bin",
            "--iterations",
            "20",
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let out = taliq(
        &["evaluate", "gold.json", "--model", "person.bin"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("gold.json") && err.contains("PERSON"), "{err}");

    let out = taliq(&["train", "gold.json"], dir.path());
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
}

#[test]
fn conll_files_train_directly_and_gazetteers_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let conll = "قال\tO\nالرئيس\tO\nمحمد\tB-PER\nعباس\tI-PER\nفي\tO\nرام\tB-LOC\nالله\tI-LOC\n.\tO\n\n\
                 زار\tO\nبوتين\tB-PER\nأنقرة\tB-LOC\n.\tO\n";
    fs::write(dir.path().join("tiny.conll"), conll).unwrap();
    fs::write(
        dir.path().join("places.tsv"),
        "LOC\tرام الله\nPER\tمحمد عباس\n",
    )
    .unwrap();
    let out = taliq(
        &[
            "train",
            "tiny.conll",
            "--out",
            "m.bin",
            "--gazetteer",
            "places.tsv",
            "--iterations",
            "30",
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("trained on 4 spans"),
        "{}",
        stdout(&out)
    );
    fs::write(dir.path().join("bad.tsv"), "LOC رام الله\n").unwrap();
    let out = taliq(
        &[
            "train",
            "tiny.conll",
            "--out",
            "m2.bin",
            "--gazetteer",
            "bad.tsv",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("bad.tsv:1: expected LABEL<TAB>name"),
        "{}",
        stderr(&out)
    );
}
