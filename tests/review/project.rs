//! Team projects (issue #12): `taliq project init / add / status` on real folders with real
//! git, through the binary and the library.

#![allow(
    clippy::unwrap_used,
    reason = "fixture helpers fail the test that calls them"
)]

use std::collections::HashMap;
use std::fs;
use std::path::Path;

use serde_json::Value;
use taliq::format::{Form, load, write_corpus};
use taliq::model::{CharRange, Corpus, Span, Status};
use taliq::project::{self, ProjectConfig, Sources, annotation_path};

use crate::support;
use support::{git, stderr, stdout, taliq};

/// A corpus of `n` generated articles written to `dir/name`, with spans (which a project
/// drops: annotators start from nothing).
fn source(dir: &Path, name: &str, n: usize, seed: u64) -> std::path::PathBuf {
    let mut corpus = taliq::synth::corpus(n, 300, 4, seed);
    for (i, doc) in corpus.documents.iter_mut().enumerate() {
        doc.id = format!("{name}-{i:04}");
    }
    let path = dir.join(format!("{name}.json"));
    fs::write(&path, write_corpus(&corpus, Form::Json)).unwrap();
    path
}

fn git_log(dir: &Path) -> Vec<String> {
    git(dir, &["log", "--format=%s"])
        .lines()
        .map(str::to_owned)
        .collect()
}

#[test]
fn init_assigns_every_document_to_k_annotators_and_commits_ordinary_corpora() {
    let dir = tempfile::tempdir().unwrap();
    let news = source(dir.path(), "news", 100, 1);
    fs::write(dir.path().join("extra.txt"), "خبر عاجل من القاهرة\nسطر ثان").unwrap();
    let out = taliq(
        &[
            "project",
            "init",
            "proj",
            "--from",
            "news.json",
            "extra.txt",
            "--annotators",
            "amal,omar,سارة",
            "--overlap",
            "2",
            "--seed",
            "7",
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("101 documents"), "{}", stderr(&out));
    let proj = dir.path().join("proj");
    let config = ProjectConfig::load(&proj).unwrap();
    assert_eq!(config.assignment.len(), 101);
    assert_eq!(config.annotators, ["amal", "omar", "سارة"]);
    let mut loads: HashMap<&str, usize> = HashMap::new();
    for (_, who) in &config.assignment {
        assert_eq!(who.len(), 2);
        assert_ne!(who[0], who[1]);
        for name in who {
            *loads.entry(name).or_default() += 1;
        }
    }
    let (min, max) = (loads.values().min().unwrap(), loads.values().max().unwrap());
    assert!(max - min <= 1, "{loads:?}");
    assert_eq!(loads.values().sum::<usize>(), 202);

    // Every file is an ordinary corpus: the source without spans, each annotator's share.
    let documents = load(proj.join("documents.json")).unwrap();
    assert_eq!(documents.documents.len(), 101);
    assert!(documents.documents.iter().all(|d| d.spans().is_empty()));
    assert_eq!(
        documents.documents[100].text(),
        "خبر عاجل من القاهرة\nسطر ثان"
    );
    let original = load(&news).unwrap();
    assert_eq!(documents.labels, original.labels);
    for name in &config.annotators {
        let corpus = load(annotation_path(&proj, name)).unwrap();
        assert_eq!(corpus.annotator.as_deref(), Some(name.as_str()));
        let ids: Vec<&str> = corpus.documents.iter().map(|d| d.id.as_str()).collect();
        let assigned: Vec<&str> = config.documents_of(name).collect();
        assert_eq!(ids, assigned, "{name}");
        assert!(corpus.documents.iter().all(|d| d.status == Status::New));
    }
    assert!(
        fs::read_to_string(proj.join("guidelines.md"))
            .unwrap()
            .contains("**PER**: شخص")
    );
    assert_eq!(git_log(&proj).len(), 1);
    let status = git(&proj, &["status", "--porcelain"]);
    assert!(status.is_empty(), "everything committed");

    // The same files and seed make the same project; another seed another assignment.
    for (seed, same) in [("7", true), ("8", false)] {
        let again = taliq(
            &[
                "project",
                "init",
                &format!("again-{seed}"),
                "--name",
                "proj",
                "--from",
                "news.json",
                "extra.txt",
                "--annotators",
                "amal,omar,سارة",
                "--seed",
                seed,
            ],
            dir.path(),
        );
        assert!(again.status.success(), "{}", stderr(&again));
        let other = ProjectConfig::load(&dir.path().join(format!("again-{seed}"))).unwrap();
        assert_eq!(other == config, same, "seed {seed}");
    }
}

#[test]
fn init_and_add_refuse_what_does_not_fit_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    source(dir.path(), "a", 5, 1);
    let mut twice = taliq::synth::corpus(2, 200, 1, 2);
    twice.documents[0].id = "a-0001".to_owned();
    fs::write(dir.path().join("b.json"), write_corpus(&twice, Form::Json)).unwrap();
    let cases: [(&[&str], &str); 4] = [
        (
            &["--from", "a.json", "b.json", "--annotators", "x,y"],
            "\"a-0001\" is in",
        ),
        (
            &["--from", "a.json", "--annotators", "x,../y"],
            "cannot name an annotator",
        ),
        (&["--from", "a.json", "--annotators", "x,x"], "given twice"),
        (
            &["--from", "missing.json", "--annotators", "x"],
            "missing.json",
        ),
    ];
    for (args, expected) in cases {
        let mut all = vec!["project", "init", "p"];
        all.extend_from_slice(args);
        let out = taliq(&all, dir.path());
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(
            stderr(&out).contains(expected),
            "{args:?}: {}",
            stderr(&out)
        );
        assert!(!dir.path().join("p").join("taliq-project.json").exists());
    }
    let ok = taliq(
        &[
            "project",
            "init",
            "p",
            "--from",
            "a.json",
            "--annotators",
            "x,y",
        ],
        dir.path(),
    );
    assert!(ok.status.success(), "{}", stderr(&ok));
    let again = taliq(
        &[
            "project",
            "init",
            "p",
            "--from",
            "a.json",
            "--annotators",
            "x",
        ],
        dir.path(),
    );
    assert!(
        stderr(&again).contains("already holds a project"),
        "{}",
        stderr(&again)
    );
    let known = taliq(&["project", "add", "p", "--from", "a.json"], dir.path());
    assert!(
        stderr(&known).contains("already has a document"),
        "{}",
        stderr(&known)
    );
    assert_eq!(git_log(&dir.path().join("p")).len(), 1);
}

#[test]
fn added_documents_go_to_the_least_loaded_and_started_work_never_moves() {
    let dir = tempfile::tempdir().unwrap();
    let first = source(dir.path(), "first", 30, 3);
    let proj = dir.path().join("proj");
    let sources = Sources::read(&[first]).unwrap();
    let names = ["amal".to_owned(), "omar".to_owned(), "zaid".to_owned()];
    let (config, _) = project::init(&proj, "p", sources, &names, 2, 11).unwrap();

    // Amal starts: two documents in progress, one with a span.
    let amal = annotation_path(&proj, "amal");
    let mut corpus = load(&amal).unwrap();
    corpus.documents[0].status = Status::InProgress;
    let span = Span::new(CharRange::new(0, 3).unwrap(), "PER");
    corpus.documents[0].add_span(span).unwrap();
    corpus.documents[1].status = Status::Done;
    fs::write(&amal, write_corpus(&corpus, Form::Json)).unwrap();
    let amal_bytes = fs::read(&amal).unwrap();

    // A new annotator, then new documents.
    project::add_annotator(&proj, "layla").unwrap();
    let second = source(dir.path(), "second", 12, 4);
    let report = project::add_documents(&proj, Sources::read(&[second]).unwrap()).unwrap();
    assert_eq!(report.documents, 12);
    let after = ProjectConfig::load(&proj).unwrap();
    assert_eq!(
        after.assignment[..30],
        config.assignment[..],
        "nothing assigned moved"
    );
    assert_eq!(
        fs::read(&amal).unwrap(),
        amal_bytes,
        "annotators' files are theirs alone"
    );
    // Layla had nothing, so she is in each of the 12 new documents; the other place goes to
    // the least loaded of the others, which stay within one.
    let new = &after.assignment[30..];
    assert!(new.iter().all(|(_, who)| who.contains(&"layla".to_owned())));
    assert!(
        after
            .documents_of("layla")
            .all(|id| id.starts_with("second-"))
    );
    let loads: Vec<usize> = ["amal", "omar", "zaid"]
        .iter()
        .map(|a| after.documents_of(a).count())
        .collect();
    assert!(
        loads.iter().max().unwrap() - loads.iter().min().unwrap() <= 1,
        "{loads:?}"
    );

    // Amal's corpus as her window will open it: her work, then what she was given since.
    let hers = project::annotator_corpus(&proj, &after, "amal").unwrap();
    assert_eq!(
        hers.documents[..corpus.documents.len()],
        corpus.documents[..]
    );
    let expected: Vec<&str> = after.documents_of("amal").collect();
    let got: Vec<&str> = hers.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(got, expected);
    assert_eq!(
        git_log(&proj),
        [
            "taliq project add: 12 document(s)",
            "taliq project add: annotator layla",
            "taliq project init: 30 document(s) for amal, omar, zaid (overlap 2)"
        ]
    );
}

/// Sets the status of document `id` in `annotator`'s file and gives it `spans`.
fn work(proj: &Path, annotator: &str, id: &str, status: Status, spans: &[(usize, usize, &str)]) {
    let path = annotation_path(proj, annotator);
    let mut corpus = load(&path).unwrap();
    let doc = corpus.documents.iter_mut().find(|d| d.id == id).unwrap();
    doc.status = status;
    for &(start, end, label) in spans {
        doc.add_span(Span::new(CharRange::new(start, end).unwrap(), label))
            .unwrap();
    }
    fs::write(&path, write_corpus(&corpus, Form::Json)).unwrap();
}

/// A project in `dir/proj` of three short documents `d0`, `d1`, `d2` (the last one's text
/// given), for `annotators` with `overlap`; the sources as a corpus, and the project file.
fn small_project(
    dir: &Path,
    last: &str,
    annotators: &[&str],
    overlap: usize,
    seed: u64,
) -> (std::path::PathBuf, Corpus, ProjectConfig) {
    let mut corpus = Corpus::with_default_labels();
    for (i, text) in ["زار بوتين موسكو أمس", "قال أردوغان في أنقرة", last]
        .iter()
        .enumerate()
    {
        corpus
            .documents
            .push(taliq::model::Document::new(format!("d{i}"), *text));
    }
    fs::write(dir.join("c.json"), write_corpus(&corpus, Form::Json)).unwrap();
    let proj = dir.join("proj");
    let sources = Sources::read(&[dir.join("c.json")]).unwrap();
    let names: Vec<String> = annotators.iter().map(|a| (*a).to_owned()).collect();
    let (config, _) = project::init(&proj, "p", sources, &names, overlap, seed).unwrap();
    (proj, corpus, config)
}

#[test]
fn status_counts_progress_agreement_review_and_gold() {
    let dir = tempfile::tempdir().unwrap();
    let (proj, _, _) = small_project(dir.path(), "ثم عاد الوفد", &["a", "b"], 2, 0);
    // d0: both done; they agree on موسكو, not on بوتين. d1: a done, b begun. d2: untouched.
    work(
        &proj,
        "a",
        "d0",
        Status::Done,
        &[(4, 9, "PER"), (10, 15, "LOC")],
    );
    work(
        &proj,
        "b",
        "d0",
        Status::Done,
        &[(4, 9, "ORG"), (10, 15, "LOC")],
    );
    work(&proj, "a", "d1", Status::Done, &[]);
    work(&proj, "b", "d1", Status::InProgress, &[(4, 11, "PER")]);

    let out = taliq(&["project", "status", "proj", "--json"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let json: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["documents"], 3);
    let a = &json["annotators"][0];
    assert_eq!(
        (
            &a["name"],
            &a["assigned"],
            &a["new"],
            &a["in_progress"],
            &a["done"]
        ),
        (&"a".into(), &3.into(), &1.into(), &0.into(), &2.into())
    );
    let b = &json["annotators"][1];
    assert_eq!(
        (&b["new"], &b["in_progress"], &b["done"]),
        (&1.into(), &1.into(), &1.into())
    );
    assert_eq!(json["finished"], 1);
    assert_eq!(json["ready_for_review"], 1);
    let pair = &json["agreement"][0];
    assert_eq!(
        (&pair["documents"], &pair["matched"]),
        (&1.into(), &1.into())
    );
    assert_eq!(pair["f1"], 0.5);
    assert_eq!(json["overall_f1"], 0.5);
    assert_eq!(json["gold"]["exists"], false);
    let d1 = &json["per_document"][1];
    assert_eq!(
        d1["annotators"],
        serde_json::json!([["a", "done"], ["b", "in_progress"]])
    );

    // Gold reviewed d0: nothing is ready any more.
    let mut gold = load(proj.join("documents.json")).unwrap();
    gold.documents[0].status = Status::Reviewed;
    fs::write(proj.join("gold.json"), write_corpus(&gold, Form::Json)).unwrap();
    let status = project::status(&proj).unwrap();
    assert_eq!((status.ready_for_review, status.gold.reviewed), (0, 1));
    assert!(status.per_document[0].reviewed);
    let text = status.to_text();
    assert!(text.contains("ready for review: 0"), "{text}");
    assert!(text.contains("a / b: 0.500 on 1 documents"), "{text}");
    assert!(text.contains("gold: 3 documents, 1 reviewed"), "{text}");
}

#[test]
fn annotators_sync_through_a_bare_remote_and_a_diverged_file_keeps_both_versions() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let news = source(root, "news", 6, 5);
    let proj = root.join("curator");
    let names = ["amal".to_owned(), "omar".to_owned()];
    project::init(&proj, "p", Sources::read(&[news]).unwrap(), &names, 2, 1).unwrap();
    git(
        root,
        &["clone", "--quiet", "--bare", "curator", "remote.git"],
    );
    for clone in ["amal-laptop", "amal-desktop", "omar"] {
        git(root, &["clone", "--quiet", "remote.git", clone]);
    }
    let (laptop, desktop, omar) = (
        root.join("amal-laptop"),
        root.join("amal-desktop"),
        root.join("omar"),
    );

    // Amal finishes a document on her laptop and shares it.
    work(&laptop, "amal", "news-0000", Status::Done, &[(0, 3, "PER")]);
    let report = project::sync(&laptop, "amal", "origin").unwrap();
    assert_eq!(
        report.committed.as_deref(),
        Some("amal: 1 done, 0 in progress, 5 new; 1 spans")
    );
    assert!(report.pushed && report.kept_both.is_empty(), "{report:?}");

    // Omar works, syncs, and gets Amal's commit on the way.
    work(&omar, "omar", "news-0000", Status::Done, &[(0, 3, "PER")]);
    let report = project::sync(&omar, "omar", "origin").unwrap();
    assert_eq!((report.received, report.pushed), (1, true), "{report:?}");
    assert_eq!(
        load(annotation_path(&omar, "amal")).unwrap(),
        load(annotation_path(&laptop, "amal")).unwrap()
    );
    // A sync with nothing new commits nothing and receives what came since: Omar's commit
    // and his merge of Amal's.
    let report = project::sync(&laptop, "amal", "origin").unwrap();
    assert_eq!((report.committed.as_deref(), report.received), (None, 2));

    // A fresh clone sees everyone's work.
    git(root, &["clone", "--quiet", "remote.git", "fresh"]);
    let status = project::status(&root.join("fresh")).unwrap();
    assert_eq!(
        (status.annotators[0].done, status.annotators[1].done),
        (1, 1)
    );
    assert_eq!((status.finished, status.overall_f1), (1, Some(1.0)));

    // Amal's desktop still has the old file: she labels the same document there otherwise.
    work(
        &desktop,
        "amal",
        "news-0000",
        Status::InProgress,
        &[(4, 8, "LOC")],
    );
    let report = project::sync(&desktop, "amal", "origin").unwrap();
    assert!(report.pushed, "{report:?}");
    assert_eq!(report.kept_both.len(), 1, "{report:?}");
    let (ours, theirs) = &report.kept_both[0];
    assert_eq!(ours, Path::new("annotations/amal.json"));
    let kept = load(desktop.join(ours)).unwrap();
    assert_eq!(
        kept.documents[0].status,
        Status::InProgress,
        "the desktop's version stays"
    );
    let other = load(desktop.join(theirs)).unwrap();
    assert_eq!(
        other,
        load(annotation_path(&laptop, "amal")).unwrap(),
        "the laptop's is kept beside it"
    );
    assert!(
        report.describe().contains("changed on two machines"),
        "{}",
        report.describe()
    );
    // The laptop receives both on its next sync.
    project::sync(&laptop, "amal", "origin").unwrap();
    assert!(laptop.join(theirs).exists());
    assert_eq!(load(annotation_path(&laptop, "amal")).unwrap(), kept);

    // Changes to different documents on two machines merge into one file holding both.
    work(&laptop, "amal", "news-0002", Status::Done, &[]);
    work(
        &desktop,
        "amal",
        "news-0004",
        Status::Done,
        &[(0, 2, "ORG")],
    );
    assert!(project::sync(&laptop, "amal", "origin").unwrap().pushed);
    let report = project::sync(&desktop, "amal", "origin").unwrap();
    assert!(report.kept_both.is_empty() && report.pushed, "{report:?}");
    let merged = load(annotation_path(&desktop, "amal")).unwrap();
    let status_of = |id: &str| merged.documents.iter().find(|d| d.id == id).unwrap().status;
    assert_eq!(
        (status_of("news-0002"), status_of("news-0004")),
        (Status::Done, Status::Done)
    );
}

#[test]
fn offline_sync_keeps_the_commit_local_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let news = source(dir.path(), "news", 3, 6);
    let proj = dir.path().join("p");
    project::init(
        &proj,
        "p",
        Sources::read(&[news]).unwrap(),
        &["amal".to_owned()],
        1,
        0,
    )
    .unwrap();
    git(
        &proj,
        &["remote", "add", "origin", "/nonexistent/remote.git"],
    );
    work(&proj, "amal", "news-0002", Status::Done, &[]);
    let out = taliq(&["project", "sync", "p", "--as", "amal"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("not shared"), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("committed: amal: 1 done"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        git_log(&proj)[0],
        "amal: 1 done, 0 in progress, 2 new; 0 spans"
    );
    let state = project::sync_state(&proj, "amal", "origin").unwrap();
    assert_eq!((state.tracked, state.uncommitted), (false, false));
    assert!(
        state
            .describe(std::time::SystemTime::now())
            .contains("never synced"),
        "{state:?}"
    );
    let stranger = taliq(&["project", "sync", "p", "--as", "zaid"], dir.path());
    assert!(
        stderr(&stranger).contains("not an annotator"),
        "{}",
        stderr(&stranger)
    );
}

#[test]
fn adjudicate_accepts_what_a_documents_annotators_agree_on_into_gold() {
    let dir = tempfile::tempdir().unwrap();
    let last = "ثم عاد الوفد إلى القاهرة";
    let (proj, corpus, config) = small_project(dir.path(), last, &["a", "b", "c"], 2, 3);
    // Every document's two annotators finish it: they agree on the place, not on the person.
    for (id, who) in &config.assignment {
        let doc = &corpus.documents[id[1..].parse::<usize>().unwrap()];
        let words: Vec<(usize, usize)> = taliq::tokenize::tokenize(doc.text())
            .iter()
            .map(|t| (t.range.start(), t.range.end()))
            .collect();
        let (person, place) = (words[1], words[words.len() - 1]);
        work(
            &proj,
            &who[0],
            id,
            Status::Done,
            &[(person.0, person.1, "PER"), (place.0, place.1, "LOC")],
        );
        work(
            &proj,
            &who[1],
            id,
            Status::Done,
            &[(person.0, person.1, "ORG"), (place.0, place.1, "LOC")],
        );
    }
    let out = taliq(&["project", "adjudicate", "proj"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("3 agreed spans accepted in 3 documents; 6 candidates left to review; 3 documents in gold"),
        "{}",
        stdout(&out)
    );
    let gold = load(proj.join("gold.json")).unwrap();
    let ids: Vec<&str> = gold.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["d0", "d1", "d2"], "project order");
    for doc in &gold.documents {
        let spans: Vec<&str> = doc.spans().iter().map(|s| s.label.as_str()).collect();
        assert_eq!(spans, ["LOC"], "{}", doc.id);
        // Provenance: both of the document's annotators made it.
        let who = &config
            .assignment
            .iter()
            .find(|(id, _)| *id == doc.id)
            .unwrap()
            .1;
        let made_by = doc.spans()[0].extra["annotators"].clone();
        let mut in_project_order = who.clone();
        in_project_order.sort_by_key(|a| config.annotators.iter().position(|x| x == a));
        assert_eq!(made_by, serde_json::json!(in_project_order), "{}", doc.id);
    }
    // A second run finds the agreed spans in gold already and changes nothing.
    let again = taliq(&["project", "adjudicate", "proj"], dir.path());
    assert!(
        stdout(&again).contains("0 agreed spans accepted"),
        "{}",
        stdout(&again)
    );
    assert_eq!(load(proj.join("gold.json")).unwrap(), gold);
    let status = project::status(&proj).unwrap();
    assert_eq!((status.gold.exists, status.gold.documents), (true, 3));
}

#[test]
fn project_review_puts_finished_documents_in_gold_grouped_by_their_annotators() {
    let dir = tempfile::tempdir().unwrap();
    let (proj, _, config) = small_project(dir.path(), "ثم عاد الوفد", &["a", "b", "c"], 2, 3);
    let err = project::prepare_review(&proj).unwrap_err();
    assert!(err.to_string().contains("nothing to review yet"), "{err}");
    // The window's command says so before opening any window.
    let out = taliq(&["project", "review", "proj"], dir.path());
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("nothing to review yet: none of the 3 documents"),
        "{}",
        stderr(&out)
    );
    // d0 and d1 finished by both their annotators, d2 by one of its two.
    for (k, (id, who)) in config.assignment.iter().enumerate() {
        let finishers = if k < 2 { &who[..] } else { &who[..1] };
        for name in finishers {
            work(&proj, name, id, Status::Done, &[(0, 3, "PER")]);
        }
    }
    let prepared = project::prepare_review(&proj).unwrap();
    assert_eq!(prepared.added, 2);
    let mut expected: Vec<(Vec<String>, Vec<String>)> = Vec::new();
    for (id, who) in &config.assignment[..2] {
        // A group's annotators are in project order.
        let mut who = who.clone();
        who.sort_by_key(|a| config.annotators.iter().position(|x| x == a));
        let who = &who;
        match expected.iter_mut().find(|(w, _)| w == who) {
            Some((_, ids)) => ids.push(id.clone()),
            None => expected.push((who.clone(), vec![id.clone()])),
        }
    }
    let groups: Vec<(Vec<String>, Vec<String>)> = prepared
        .groups
        .iter()
        .map(|g| (g.annotators.clone(), g.documents.clone()))
        .collect();
    assert_eq!(groups, expected);
    let gold = load(proj.join("gold.json")).unwrap();
    let ids: Vec<&str> = gold.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["d0", "d1"]);
    assert!(gold.documents.iter().all(|d| d.spans().is_empty()));
    assert_eq!(
        project::prepare_review(&proj).unwrap().added,
        0,
        "a second preparation finds them there"
    );

    // A reviewer who annotates nothing shares the gold (here offline: the commit stays).
    let report = project::sync(&proj, "curator", "origin").unwrap();
    assert_eq!(
        report.committed.as_deref(),
        Some("gold (curator): 0 of 2 documents reviewed")
    );
    assert_eq!(
        git_log(&proj)[0],
        "gold (curator): 0 of 2 documents reviewed"
    );
}

#[test]
fn sync_state_tells_what_is_to_send_and_to_take_in() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let news = source(root, "news", 4, 5);
    let names = ["amal".to_owned(), "omar".to_owned()];
    project::init(
        &root.join("p"),
        "p",
        Sources::read(&[news]).unwrap(),
        &names,
        2,
        1,
    )
    .unwrap();
    git(root, &["clone", "--quiet", "--bare", "p", "remote.git"]);
    for clone in ["laptop", "desktop"] {
        git(root, &["clone", "--quiet", "remote.git", clone]);
    }
    let (laptop, desktop) = (root.join("laptop"), root.join("desktop"));
    work(&laptop, "amal", "news-0000", Status::Done, &[]);
    assert!(project::sync(&laptop, "amal", "origin").unwrap().pushed);
    let now = std::time::SystemTime::now();
    let state = project::sync_state(&laptop, "amal", "origin").unwrap();
    assert!(state.tracked && state.last_fetch.is_some(), "{state:?}");
    assert_eq!(
        (state.ahead, state.behind, state.uncommitted),
        (0, 0, false)
    );
    assert!(
        state
            .describe(now)
            .starts_with("up to date; last sync just now"),
        "{}",
        state.describe(now)
    );
    // Unsynced work on the desktop, which has fetched the laptop's commit but not merged it.
    work(&desktop, "amal", "news-0001", Status::InProgress, &[]);
    git(&desktop, &["fetch", "--quiet"]);
    let state = project::sync_state(&desktop, "amal", "origin").unwrap();
    assert_eq!((state.ahead, state.behind, state.uncommitted), (0, 1, true));
    assert_eq!(
        state.describe(now),
        "your work is not synced yet; 1 commit(s) to take in; last sync just now"
    );
    // Committed but not pushed: one to send.
    git(&desktop, &["commit", "--quiet", "-am", "local"]);
    let state = project::sync_state(&desktop, "amal", "origin").unwrap();
    assert_eq!(
        (state.ahead, state.behind, state.uncommitted),
        (1, 1, false)
    );
}
