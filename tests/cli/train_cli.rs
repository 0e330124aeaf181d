//! `taliq train` and `taliq evaluate` on corpora generated from Arabic news sentences.

#![allow(
    clippy::unwrap_used,
    reason = "fixture helpers fail the test that calls them"
)]

use std::fs;
use std::path::Path;

use crate::support;
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
    let err = stderr(&out);
    assert!(
        err.contains("taliq: training   0 %: features")
            && err.contains("taliq: training 100 %: done"),
        "{err}"
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

/// The gold corpus's texts without their spans, for `taliq suggest` to fill.
fn unlabelled_gold(dir: &Path) -> taliq::model::Corpus {
    let gold = taliq::format::load(dir.join("gold.json")).unwrap();
    let mut plain = taliq::model::Corpus::with_default_labels();
    for doc in &gold.documents {
        plain
            .documents
            .push(taliq::model::Document::new(doc.id.clone(), doc.text()));
    }
    let json = taliq::format::write_corpus(&plain, taliq::format::Form::Json);
    fs::write(dir.join("plain.json"), json).unwrap();
    gold
}

#[test]
fn suggest_with_a_model_proposes_unseen_names_and_as_spans_validates() {
    let dir = tempfile::tempdir().unwrap();
    fixtures(dir.path());
    let gold = unlabelled_gold(dir.path());
    let out = taliq(
        &[
            "train",
            "train.json",
            "--out",
            "m.bin",
            "--iterations",
            "60",
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let out = taliq(
        &[
            "suggest",
            "plain.json",
            "--model",
            "m.bin",
            "--out",
            "s.json",
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("tagger: 3 labels"),
        "{}",
        stderr(&out)
    );
    let suggested = taliq::format::load(dir.path().join("s.json")).unwrap();
    let (mut right, mut all) = (0, 0);
    for (doc, gold) in suggested.documents.iter().zip(&gold.documents) {
        for s in doc.suggestions() {
            // The plain corpus has no spans: the matcher learned nothing, the tagger proposes.
            assert_eq!(s.source, "tagger");
            assert!((0.0..=1.0).contains(&s.score));
            all += 1;
            right += usize::from(gold.find_span(s.range, &s.label).is_some());
        }
    }
    assert!(
        all > 0 && right * 2 > all,
        "{right} of {all} suggestions are gold spans"
    );

    let out = taliq(
        &[
            "suggest",
            "plain.json",
            "--model",
            "m.bin",
            "--no-matcher",
            "--as-spans",
            "--min-score",
            "0.5",
            "--out",
            "pre.json",
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let out = taliq(&["validate", "pre.json"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let pre = taliq::format::load(dir.path().join("pre.json")).unwrap();
    let spans: Vec<_> = pre
        .documents
        .iter()
        .flat_map(taliq::model::Document::spans)
        .collect();
    assert!(!spans.is_empty());
    assert!(
        spans.iter().all(|s| s.source.as_deref() == Some("tagger")),
        "pre-annotated spans say where they came from"
    );

    // A corpus without the model's labels is refused, naming the model file.
    let renamed = fs::read_to_string(dir.path().join("plain.json"))
        .unwrap()
        .replace("\"ORG\"", "\"ORGANISATION\"");
    fs::write(dir.path().join("org.json"), renamed).unwrap();
    let out = taliq(
        &["suggest", "org.json", "--model", "m.bin", "--out", "o.json"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("m.bin") && err.contains("ORG"), "{err}");
    assert!(!dir.path().join("o.json").exists());
    let out = taliq(
        &["suggest", "plain.json", "--no-matcher", "--out", "x.json"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2), "--no-matcher needs --model");
}

#[test]
fn folds_say_how_they_were_made_and_print_each_folds_f1() {
    let dir = tempfile::tempdir().unwrap();
    fixtures(dir.path());
    let out = taliq(
        &["train", "train.json", "--folds", "3", "--iterations", "40"],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    // 30 documents of 8 sentences: three runs of 10 whole documents.
    assert!(
        text.contains("cross-validation on 3 folds of contiguous documents\n"),
        "{text}"
    );
    let folds: Vec<&str> = text.lines().filter(|l| l.starts_with("fold ")).collect();
    assert_eq!(folds.len(), 3, "{text}");
    let mut sum = 0.0;
    for (i, line) in folds.iter().enumerate() {
        let head = format!("fold {}: 10 documents, 80 sentences: micro F1 ", i + 1);
        let f1: f64 = line
            .strip_prefix(&head)
            .unwrap_or_else(|| panic!("{line:?} does not start {head:?}"))
            .parse()
            .unwrap();
        assert!(f1 > 0.8, "{text}");
        sum += f1;
        // Each fold's F1 is said on stderr as soon as it is scored, the same figure.
        let said = format!("taliq: fold {}/3 scored: micro F1 {f1:.4}", i + 1);
        assert!(stderr(&out).lines().any(|l| l == said), "{said} missing");
    }
    assert!(text.contains("3-fold cross-validation"), "{text}");
    let micro = text.lines().find(|l| l.starts_with("micro")).unwrap();
    let f1: f64 = micro.split_whitespace().nth(3).unwrap().parse().unwrap();
    assert!(f1 > 0.8, "{text}");
    let mean: f64 = text
        .lines()
        .find_map(|l| l.strip_prefix("mean of the folds' micro F1: "))
        .unwrap()
        .parse()
        .unwrap();
    assert!((mean - sum / 3.0).abs() < 1e-4, "{text}");
    assert!(text.contains("cross-validation took"), "{text}");
    assert!(!dir.path().join("model.bin").exists());
    // Not a terminal: progress comes as plain lines on stderr, one per stage, fold or tenth.
    let err = stderr(&out);
    assert!(!err.contains('\r'), "{err}");
    for fold in ["fold 1/3: features", "fold 3/3: training, iteration"] {
        assert!(
            err.lines()
                .any(|l| l.starts_with("taliq: cross-validating") && l.contains(fold)),
            "{fold} missing:\n{err}"
        );
    }
    assert!(err.lines().count() < 60, "{err}");
}

#[test]
fn second_stage_flags_write_a_model_with_or_without_it() {
    let dir = tempfile::tempdir().unwrap();
    fixtures(dir.path());
    for (flag, with) in [("--second-stage", true), ("--no-second-stage", false)] {
        let out = taliq(
            &[
                "train",
                "train.json",
                "--out",
                "model.bin",
                "--iterations",
                "30",
                "--jackknife-iterations",
                "15",
                "--second-stage-iterations",
                "15",
                flag,
            ],
            dir.path(),
        );
        assert!(out.status.success(), "{}", stderr(&out));
        let bytes = std::fs::read(dir.path().join("model.bin")).unwrap();
        let header = &bytes[..bytes.iter().position(|&b| b == b'\n').unwrap()];
        let header = String::from_utf8_lossy(header);
        assert_eq!(header.contains("\"second_stage\""), with, "{flag}");
        if with {
            assert!(
                stderr(&out).contains("second stage"),
                "no second-stage progress:\n{}",
                stderr(&out)
            );
        }
    }
}

#[test]
fn folds_of_a_conll_file_without_document_markers_are_sentence_blocks() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = taliq::synth::ner_corpus(12, 8, false, 14);
    let (conll, _) = taliq::interchange::conll::export(
        &corpus.documents,
        &taliq::interchange::Options::default(),
    );
    // With `-DOCSTART-` lines each document stays whole in its fold ...
    fs::write(dir.path().join("marked.conll"), &conll).unwrap();
    let plain = conll.replace("-DOCSTART- O\n", "");
    assert_ne!(plain, conll);
    // ... without them the file is one long document, cut into blocks of sentences.
    fs::write(dir.path().join("plain.conll"), plain).unwrap();
    for (file, scheme) in [
        ("marked.conll", "3 folds of contiguous documents\n"),
        (
            "plain.conll",
            "3 folds of contiguous sentence blocks (1 document)\n",
        ),
    ] {
        let out = taliq(
            &["train", file, "--folds", "3", "--iterations", "20"],
            dir.path(),
        );
        assert!(out.status.success(), "{}", stderr(&out));
        let text = stdout(&out);
        assert!(text.contains(scheme), "{file}: {text}");
        assert_eq!(
            text.lines().filter(|l| l.starts_with("fold ")).count(),
            3,
            "{text}"
        );
    }
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
    assert!(stdout(&out).contains(" 1 document;"), "{}", stdout(&out));
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

/// The header of a model file: the JSON line before its binary part.
fn model_header(path: &Path) -> serde_json::Value {
    let bytes = fs::read(path).unwrap();
    let line = bytes.split(|&b| b == b'\n').next().unwrap();
    serde_json::from_slice(line).unwrap()
}

#[test]
fn unlabelled_text_teaches_word_clusters_which_are_cached_by_the_text() {
    let dir = tempfile::tempdir().unwrap();
    fixtures(dir.path());
    // Unlabelled articles: a folder of .txt files, and a corpus whose spans are ignored.
    let unseen = taliq::synth::ner_corpus(20, 8, true, 21);
    fs::create_dir(dir.path().join("articles")).unwrap();
    for (i, doc) in unseen.documents.iter().take(10).enumerate() {
        fs::write(dir.path().join(format!("articles/{i}.txt")), doc.text()).unwrap();
    }
    let mut rest = unseen.clone();
    rest.documents.drain(..10);
    let json = taliq::format::write_corpus(&rest, taliq::format::Form::Json);
    fs::write(dir.path().join("more.json"), json).unwrap();
    let train = |dir: &Path| {
        let out = taliq(
            &[
                "train",
                "train.json",
                "--unlabelled",
                "articles",
                "more.json",
                "--out",
                "model.bin",
                "--iterations",
                "30",
            ],
            dir,
        );
        assert!(out.status.success(), "{}", stderr(&out));
        stderr(&out)
    };
    let err = train(dir.path());
    // 30 training documents and 20 unlabelled ones.
    assert!(err.contains("words of 50 texts in"), "{err}");
    assert!(err.contains("cached them in model.bin.clusters"), "{err}");
    assert!(dir.path().join("model.bin.clusters").exists());
    // A name only the unlabelled text holds has a cluster in the model.
    let header = model_header(&dir.path().join("model.bin"));
    let classes = &header["clusters"]["classes"];
    let train_text: String = taliq::format::load(dir.path().join("train.json"))
        .unwrap()
        .documents
        .iter()
        .map(|d| d.text().to_owned())
        .collect();
    let only_unlabelled = unseen.documents[0]
        .spans()
        .iter()
        .map(|s| unseen.documents[0].slice(s.range).to_owned())
        .find(|name| !name.contains(' ') && !train_text.contains(name.as_str()))
        .expect("an unseen one-word name");
    let folded = taliq::annotate::search::fold_word(&only_unlabelled);
    assert!(
        classes[&folded]
            .as_array()
            .is_some_and(|c| c.len() == taliq::suggest::tagger::clusters::LEVELS.len()),
        "{folded} has no cluster path"
    );

    // The same text again: the clusters come from the cache, and give the same model.
    let first = fs::read(dir.path().join("model.bin")).unwrap();
    let err = train(dir.path());
    assert!(err.contains("from the cache model.bin.clusters"), "{err}");
    assert_eq!(fs::read(dir.path().join("model.bin")).unwrap(), first);
    // Other text: learned again.
    fs::write(dir.path().join("articles/0.txt"), "نص آخر تماما.").unwrap();
    let err = train(dir.path());
    assert!(err.contains("learned from"), "{err}");
}
