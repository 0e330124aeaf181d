//! Issue #24, item 5: started with no file and nothing to reopen (the applications menu, or
//! `taliq` alone on a fresh machine), the window shows a welcome with the four ways in —
//! open a corpus, import text files, open a project folder, try the sample — instead of the
//! sample silently; with a corpus worked on before, it opens that one.

#![allow(
    clippy::unwrap_used,
    reason = "fixture helpers fail the test that calls them"
)]

use std::path::Path;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use taliq::app::state::file_request::FilePurpose;
use taliq::app::welcome::{IMPORT_TEXT, OPEN_CORPUS, OPEN_PROJECT, TRY_SAMPLE};
use taliq::app::{Source, TaliqApp, start_state};

use crate::support;

/// The window as `taliq` alone starts it, its recovery folder and choosers in `dir`.
fn started_without_file(dir: &Path) -> Harness<'static, TaliqApp> {
    let state = start_state(&[], Some(dir.join("data")));
    let mut harness = support::window(state, 1000.0, 680.0);
    harness.state_mut().files.last_folder = Some(dir.to_path_buf());
    harness.run();
    harness
}

/// A way in's button name in the test thread's language, from its message id.
fn way_in(id: &str) -> String {
    taliq::app::i18n::text(id, &[])
}

/// Clicks the welcome's button `name`; the chooser that opens is for `purpose`.
fn click_way_in(harness: &mut Harness<'_, TaliqApp>, name: &str, purpose: FilePurpose) {
    harness.get_by_label(&way_in(name)).click();
    harness.run();
    harness.run();
    let chooser = harness.state().files.chooser.as_ref().map(|c| c.purpose);
    assert_eq!(chooser, Some(purpose), "{name} asked for no {purpose:?}");
}

fn welcome_shown(harness: &Harness<'_, TaliqApp>) -> bool {
    taliq::app::welcome::is_shown(&harness.state().state)
}

#[test]
fn a_window_started_without_a_file_shows_the_four_ways_in_not_the_sample() {
    let dir = tempfile::tempdir().unwrap();
    let harness = started_without_file(dir.path());
    let app = harness.state();
    assert!(matches!(app.state.source, Source::Untitled));
    assert!(app.state.corpus.documents.is_empty(), "not the sample");
    assert!(welcome_shown(&harness));
    for way in [OPEN_CORPUS, IMPORT_TEXT, OPEN_PROJECT, TRY_SAMPLE] {
        harness.get_by_label(&way_in(way));
    }
    // Not "untitled (imported text)": nothing was imported.
    harness.get_by_label("nothing open");
}

#[test]
fn open_a_corpus_from_the_welcome() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("مقالات.json");
    std::fs::copy("assets/sample/sample.json", &corpus).unwrap();
    let mut harness = started_without_file(dir.path());
    click_way_in(&mut harness, OPEN_CORPUS, FilePurpose::OpenCorpus);
    support::type_into_chooser(&mut harness, &corpus.display().to_string());
    assert_eq!(harness.state().state.source.path(), Some(corpus));
    assert!(!welcome_shown(&harness));
    assert!(
        harness.query_by_label(&way_in(TRY_SAMPLE)).is_none(),
        "the welcome is gone"
    );
}

#[test]
fn import_text_files_from_the_welcome() {
    let dir = tempfile::tempdir().unwrap();
    let texts = dir.path().join("نصوص");
    std::fs::create_dir(&texts).unwrap();
    std::fs::write(
        texts.join("خبر.txt"),
        "زار لافروف أنقرة يوم الاثنين 21 أيلول.",
    )
    .unwrap();
    let mut harness = started_without_file(dir.path());
    click_way_in(&mut harness, IMPORT_TEXT, FilePurpose::ImportText);
    support::type_into_chooser(&mut harness, &texts.join("خبر.txt").display().to_string());
    let state = &harness.state().state;
    assert_eq!(state.corpus.documents.len(), 1, "{}", state.message);
    assert_eq!(state.corpus.documents[0].id, "خبر");
    assert!(!welcome_shown(&harness));
}

#[test]
fn open_a_project_folder_from_the_welcome() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = taliq::synth::corpus(4, 200, 2, 3);
    std::fs::write(
        dir.path().join("news.json"),
        taliq::format::write_corpus(&corpus, taliq::format::Form::Json),
    )
    .unwrap();
    let proj = dir.path().join("مشروع");
    let sources = taliq::project::Sources::read(&[dir.path().join("news.json")]).unwrap();
    let names = ["amal", "omar"].map(str::to_owned);
    taliq::project::init(&proj, "news", sources, &names, 2, 0).unwrap();
    let mut harness = started_without_file(dir.path());
    click_way_in(&mut harness, OPEN_PROJECT, FilePurpose::OpenProject);
    support::type_into_chooser(&mut harness, &proj.display().to_string());
    let state = &harness.state().state;
    assert_eq!(
        state.project.as_ref().map(|mode| mode.dir.clone()),
        Some(proj),
        "{}",
        state.message
    );
    assert!(!welcome_shown(&harness));
}

#[test]
fn try_the_sample_from_the_welcome() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = started_without_file(dir.path());
    harness.get_by_label(&way_in(TRY_SAMPLE)).click();
    harness.run();
    let state = &harness.state().state;
    assert!(matches!(state.source, Source::BundledSample));
    assert_eq!(state.corpus.documents.len(), 1);
    assert!(!welcome_shown(&harness));
}

#[test]
fn the_last_corpus_is_reopened_and_a_gone_one_is_said() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("last.json");
    std::fs::copy("assets/sample/sample.json", &corpus).unwrap();
    let mut harness = started_without_file(dir.path());
    harness.state_mut().recent = vec![corpus.clone()];
    harness.state_mut().reopen_last_corpus();
    harness.run();
    assert_eq!(harness.state().state.source.path(), Some(corpus.clone()));

    let mut harness = started_without_file(dir.path());
    let gone = dir.path().join("gone.json");
    harness.state_mut().recent = vec![gone.clone()];
    harness.state_mut().reopen_last_corpus();
    harness.run();
    let state = &harness.state().state;
    assert!(welcome_shown(&harness));
    assert_eq!(
        state.message,
        format!(
            "the last corpus, {}, is no longer there",
            taliq::text::isolates::path_unit(&gone.display().to_string())
        )
    );
}
