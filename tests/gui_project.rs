//! The window on a team project (issue #12): who you are, your documents only, and
//! File → Sync project against a real bare git remote.

#![allow(
    clippy::unwrap_used,
    reason = "fixture helpers fail the test that calls them"
)]

use std::path::Path;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use taliq::app::project::ProjectMode;
use taliq::app::{AppState, Source, TaliqApp};
use taliq::format::{Form, write_corpus};
use taliq::model::{Corpus, Status};
use taliq::project::{self, ProjectConfig, Sources, annotation_path};

mod support;
use support::git;

/// A project of 12 generated articles for amal, omar and سارة (overlap 2) in `dir/proj`.
fn make_project(dir: &Path) -> (std::path::PathBuf, ProjectConfig) {
    let corpus = taliq::synth::corpus(12, 400, 4, 9);
    std::fs::write(dir.join("news.json"), write_corpus(&corpus, Form::Json)).unwrap();
    let proj = dir.join("proj");
    let names = ["amal", "omar", "سارة"].map(str::to_owned);
    let sources = Sources::read(&[dir.join("news.json")]).unwrap();
    let (config, _) = project::init(&proj, "news", sources, &names, 2, 4).unwrap();
    (proj, config)
}

/// The window on the project in `dir`, nobody chosen yet.
fn window_on(dir: &Path) -> Harness<'static, TaliqApp> {
    let state = AppState::new(Corpus::default(), Source::Untitled);
    let mut harness = support::window(state, 1000.0, 700.0);
    harness.state_mut().project = Some(ProjectMode::open(dir).unwrap());
    harness.run();
    harness
}

#[test]
fn choosing_who_you_are_opens_your_documents_only() {
    let dir = tempfile::tempdir().unwrap();
    let (proj, config) = make_project(dir.path());
    let mut harness = window_on(&proj);
    harness.get_by_label_contains("Who are you?");
    for name in &config.annotators {
        harness.get_by_label(name);
    }
    harness.get_by_label("سارة").click();
    harness.run();
    let app = harness.state();
    let ids: Vec<&str> = app
        .state
        .corpus
        .documents
        .iter()
        .map(|d| d.id.as_str())
        .collect();
    let mine: Vec<&str> = config.documents_of("سارة").collect();
    assert_eq!(ids, mine);
    assert!(!mine.is_empty() && mine.len() < 12);
    assert_eq!(app.state.user.as_deref(), Some("سارة"));
    assert_eq!(
        app.state.source.path(),
        Some(annotation_path(&proj, "سارة"))
    );
    assert!(
        harness.query_by_label_contains("Who are you?").is_none(),
        "asked once"
    );
}

#[test]
fn sync_from_the_file_menu_shares_your_work_through_the_remote() {
    let dir = tempfile::tempdir().unwrap();
    make_project(dir.path());
    git(
        dir.path(),
        &["clone", "--quiet", "--bare", "proj", "remote.git"],
    );
    git(dir.path(), &["clone", "--quiet", "remote.git", "amal"]);
    let clone = dir.path().join("amal");
    let mut harness = window_on(&clone);
    harness.state_mut().join_project("amal").unwrap();
    harness.state_mut().state.set_status(Status::Done);
    assert!(harness.state().state.history.is_dirty());

    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label_contains("Sync project").click();
    for _ in 0..100 {
        harness.step();
        if !harness.state().project.as_ref().unwrap().syncing() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    harness.run();
    let app = harness.state();
    assert!(!app.state.history.is_dirty(), "saved before syncing");
    assert!(
        app.state.message.contains("pushed"),
        "{}",
        app.state.message
    );
    let log = git(
        &dir.path().join("remote.git"),
        &["log", "--format=%s", "-1"],
    );
    assert!(log.starts_with("amal: 1 done"), "{log}");
}

#[test]
fn the_guidelines_window_shows_the_projects_guidelines_through_the_text_engine() {
    use egui_kittest::kittest::NodeT;
    let dir = tempfile::tempdir().unwrap();
    let (proj, _) = make_project(dir.path());
    let guidelines = "# إرشادات التوسيم\n\nنوسم **الأشخاص** والأماكن كما تُكتب في النص، دون أداة التعريف إذا سبقتها لام الجر، ونترك الألقاب خارج الاسم إلا إذا كانت جزءا منه.\n\n- PER: اسم شخص\n";
    std::fs::write(proj.join("guidelines.md"), guidelines).unwrap();
    let mut harness = window_on(&proj);
    harness.state_mut().join_project("amal").unwrap();
    harness.key_press(egui::Key::F2);
    harness.run();
    assert!(harness.state().project.as_ref().unwrap().show_guidelines);
    for text in [
        "إرشادات التوسيم",
        "نوسم الأشخاص والأماكن كما تُكتب في النص، دون أداة التعريف إذا سبقتها لام الجر، ونترك الألقاب خارج الاسم إلا إذا كانت جزءا منه.",
        "• PER: اسم شخص",
    ] {
        let node = harness.get_by_label(text);
        assert_eq!(
            node.accesskit_node().author_id(),
            Some(taliq::app::document_view::ENGINE_TEXT),
            "{text}"
        );
    }
    // The long paragraph wraps inside the window instead of running out of it.
    let paragraph = harness.get_by_label_contains("نوسم الأشخاص").rect();
    let window = harness.get_by_label("Guidelines").rect();
    assert!(
        paragraph.height() > 30.0,
        "wrapped onto several lines: {paragraph:?}"
    );
    assert!(
        paragraph.max.x <= window.max.x + 1.0,
        "{paragraph:?} in {window:?}"
    );
    // The labels' descriptions follow.
    harness.get_by_label("شخص");
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(!harness.state().project.as_ref().unwrap().show_guidelines);
}
