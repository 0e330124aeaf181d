//! Issue #25: where no system file dialog answers (no portal, a minimal window manager,
//! Xvfb), File → Open, Save As and the others did nothing and said nothing. taliq's own
//! chooser comes instead, handles Arabic names, and Ctrl+S on a corpus without a file asks
//! for one. (Windows built by tests use taliq's chooser, as `TALIQ_FILE_DIALOG=builtin`.)

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use taliq::app::file_chooser::FileDialogs;
use taliq::app::state::file_request::FilePurpose;
use taliq::app::{AppState, Source, TaliqApp};

use crate::support;

/// The window on the bundled sample, its choosers starting in `folder`.
fn window_in(folder: &std::path::Path) -> Harness<'static, TaliqApp> {
    let mut harness = support::window(
        AppState::sample().expect("the bundled sample"),
        1000.0,
        680.0,
    );
    harness.state_mut().files.last_folder = Some(folder.to_path_buf());
    harness.run();
    harness
}

fn chooser_purpose(harness: &Harness<'_, TaliqApp>) -> Option<FilePurpose> {
    harness.state().files.chooser.as_ref().map(|c| c.purpose)
}

fn press(harness: &mut Harness<'_, TaliqApp>, modifiers: Modifiers, key: Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run();
}

#[test]
fn ctrl_o_opens_the_chooser_into_an_arabic_folder_where_a_picked_file_opens() {
    let dir = tempfile::tempdir().unwrap();
    let news = dir.path().join("أخبار اليوم");
    std::fs::create_dir(&news).unwrap();
    std::fs::write(news.join("ملاحظات.md"), "not listed").unwrap();
    std::fs::copy("assets/sample/sample.json", news.join("خبر عاجل.json")).unwrap();
    let mut harness = window_in(dir.path());
    press(&mut harness, Modifiers::COMMAND, Key::O);
    assert_eq!(chooser_purpose(&harness), Some(FilePurpose::OpenCorpus));
    harness.get_by_label("Open a corpus or text files");
    // Into the folder by a double click on its name (drawn by the text engine).
    let at = harness.get_by_label("أخبار اليوم").rect().center();
    support::double_click(&mut harness, at);
    let chooser = harness.state().files.chooser.as_ref().unwrap();
    assert_eq!(chooser.folder(), news);
    assert_eq!(chooser.visible().len(), 1, "the filter leaves the .md out");
    harness.get_by_label("خبر عاجل.json");
    // The file by the keys: Down highlights it, Enter opens it.
    press(&mut harness, Modifiers::NONE, Key::ArrowDown);
    press(&mut harness, Modifiers::NONE, Key::Enter);
    let app = harness.state();
    assert!(app.files.chooser.is_none(), "{}", app.state.message);
    assert_eq!(app.state.source.path(), Some(news.join("خبر عاجل.json")));
    assert_eq!(app.title, "خبر عاجل.json — taliq");
    // Save As starts where the file is, offering its name.
    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    let chooser = harness.state().files.chooser.as_ref().unwrap();
    assert_eq!(
        (chooser.folder(), chooser.typed.as_str()),
        (news.as_path(), "خبر عاجل.json")
    );
}

#[test]
fn backspace_goes_up_and_escape_closes_the_chooser_without_touching_the_document() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("مجلد")).unwrap();
    let mut harness = window_in(&dir.path().join("مجلد"));
    let before = harness.state().state.corpus.clone();
    press(&mut harness, Modifiers::COMMAND, Key::O);
    press(&mut harness, Modifiers::NONE, Key::Backspace);
    assert_eq!(
        harness.state().files.chooser.as_ref().unwrap().folder(),
        dir.path()
    );
    press(&mut harness, Modifiers::NONE, Key::Escape);
    let app = harness.state();
    assert!(app.files.chooser.is_none());
    assert_eq!(app.state.corpus, before, "Backspace removed nothing");
}

#[test]
fn ctrl_s_on_the_sample_opens_save_as_and_writes_where_chosen() {
    // Issue #25: Ctrl+S on the bundled sample refused ("save it under a name").
    let dir = tempfile::tempdir().unwrap();
    let mut harness = window_in(dir.path());
    harness.state_mut().state.selection = taliq::annotate::selection::Selection::new(0, 3);
    harness.state_mut().state.apply_label("PER");
    harness.run();
    assert_eq!(harness.state().title, "*bundled sample — taliq");
    press(&mut harness, Modifiers::COMMAND, Key::S);
    assert_eq!(chooser_purpose(&harness), Some(FilePurpose::SaveCorpusAs));
    assert_eq!(
        harness.state().files.chooser.as_ref().unwrap().typed,
        "corpus.json",
        "a name is offered"
    );
    support::type_into_chooser(&mut harness, "عملي");
    let out = dir.path().join("عملي.json");
    let saved = taliq::format::load(&out).expect("Save As wrote the corpus where chosen");
    let app = harness.state();
    assert_eq!(saved, app.state.corpus);
    assert!(matches!(app.state.source, Source::File(_)));
    assert!(!app.state.history.is_dirty());
    assert_eq!(app.title, "عملي.json — taliq");
}

#[test]
fn save_as_on_imported_text_asks_before_replacing_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let txt = dir.path().join("مقال.txt");
    std::fs::write(&txt, "قال الكرملين إن المحادثات جرت في أنقرة").unwrap();
    let existing = dir.path().join("قديم.json");
    std::fs::write(&existing, "kept until replaced").unwrap();
    let mut harness = window_in(dir.path());
    support::open_with_chooser(&mut harness, &txt);
    assert!(matches!(harness.state().state.source, Source::Untitled));
    assert_eq!(harness.state().title, "untitled — taliq");
    press(&mut harness, Modifiers::COMMAND, Key::S);
    support::type_into_chooser(&mut harness, "قديم.json");
    harness.get_by_label("replace");
    assert_eq!(
        std::fs::read_to_string(&existing).unwrap(),
        "kept until replaced"
    );
    harness.get_by_label("replace").click();
    harness.run();
    let saved = taliq::format::load(&existing).expect("replaced by the corpus");
    assert_eq!(saved.documents[0].id, "مقال");
}

#[test]
fn cancelling_writes_nothing_and_says_nothing_went_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = window_in(dir.path());
    let message = harness.state().state.message.clone();
    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    assert!(harness.state().files.chooser.is_some());
    harness.get_by_label("cancel").click();
    harness.run();
    press(&mut harness, Modifiers::COMMAND, Key::S);
    press(&mut harness, Modifiers::NONE, Key::Escape);
    let app = harness.state();
    assert!(app.files.chooser.is_none());
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "nothing written"
    );
    assert!(matches!(app.state.source, Source::BundledSample));
    assert_eq!(
        app.state.message, message,
        "a cancel is no failure to report"
    );
    assert!(app.state.problems.is_none());
}

#[test]
fn a_folder_that_cannot_be_read_shows_its_error_in_the_chooser() {
    let dir = tempfile::tempdir().unwrap();
    let gone = dir.path().join("محذوف");
    std::fs::create_dir(&gone).unwrap();
    let mut harness = window_in(dir.path());
    press(&mut harness, Modifiers::COMMAND, Key::O);
    // Removed after it was listed: going into it cannot read it.
    std::fs::remove_dir(&gone).unwrap();
    let at = harness.get_by_label("محذوف").rect().center();
    support::double_click(&mut harness, at);
    let error = harness
        .state()
        .files
        .chooser
        .as_ref()
        .unwrap()
        .folder_error
        .clone()
        .expect("the folder's error");
    assert!(error.contains("محذوف"), "{error}");
    harness.get_by_label(&taliq::text::isolates::without_ordering_marks(&error));
}

#[test]
fn an_empty_open_says_what_is_missing_and_a_typed_path_opens() {
    // Issue #25: an "open" with nothing chosen did nothing silently.
    let dir = tempfile::tempdir().unwrap();
    let txt = dir.path().join("خبر عاجل.txt");
    std::fs::write(&txt, "قال الكرملين إن المحادثات جرت في أنقرة").unwrap();
    let mut harness = window_in(std::path::Path::new("/"));
    press(&mut harness, Modifiers::COMMAND, Key::O);
    harness.get_by_label("open").click();
    harness.run();
    harness.get_by_label("pick a file, or type its path");
    support::type_into_chooser(&mut harness, &txt.display().to_string());
    let state = &harness.state().state;
    assert_eq!(
        state.corpus.documents[0].id, "خبر عاجل",
        "{}",
        state.message
    );
}

#[test]
fn a_system_dialog_that_cannot_open_is_said_and_taliqs_chooser_comes() {
    // Where neither a desktop portal nor zenity answers, rfd returns what a cancel
    // returns; its logged errors tell the two apart. Skipped where a dialog could really
    // open (a desktop session), as it would wait for a person there.
    let session = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some()
        || std::env::var_os("PATH").is_some_and(|path| {
            std::env::split_paths(&path).any(|dir| dir.join("zenity").is_file())
        });
    if session {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut harness = window_in(dir.path());
    harness.state_mut().files.dialogs = FileDialogs::System;
    press(&mut harness, Modifiers::COMMAND, Key::O);
    let app = harness.state();
    assert_eq!(chooser_purpose(&harness), Some(FilePurpose::OpenCorpus));
    assert!(
        app.state.message.contains("could not open"),
        "{}",
        app.state.message
    );
    assert!(matches!(app.files.dialogs, FileDialogs::Builtin));
}

#[test]
fn save_and_quit_on_the_sample_asks_where_to_save_then_quits_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = window_in(dir.path());
    harness.state_mut().state.selection = taliq::annotate::selection::Selection::new(0, 3);
    harness.state_mut().state.apply_label("PER");
    press(&mut harness, Modifiers::COMMAND, Key::Q);
    harness.get_by_label("save and quit").click();
    harness.run();
    assert!(!harness.state().quit.confirmed, "not before it is saved");
    assert_eq!(chooser_purpose(&harness), Some(FilePurpose::SaveCorpusAs));
    support::type_into_chooser(&mut harness, "أمل.json");
    assert!(taliq::format::load(dir.path().join("أمل.json")).is_ok());
    press(&mut harness, Modifiers::COMMAND, Key::Q);
    assert!(harness.state().quit.confirmed, "saved: quits at once");
}

#[test]
fn the_chooser_fits_the_window_with_a_long_folder() {
    // Two hundred entries: the list scrolls, the buttons stay inside the window.
    let dir = tempfile::tempdir().unwrap();
    for i in 0..200 {
        std::fs::write(dir.path().join(format!("مقال رقم {i}.txt")), "نص").unwrap();
    }
    for (w, h) in [(1000.0, 680.0), (1920.0, 1080.0), (800.0, 560.0)] {
        let mut harness = support::window(AppState::sample().expect("the sample"), w, h);
        harness.state_mut().files.last_folder = Some(dir.path().to_path_buf());
        harness.run();
        press(&mut harness, Modifiers::COMMAND, Key::O);
        let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(w, h));
        let names = [
            "up",
            "home",
            "reload",
            "show:",
            "hidden files",
            "path:",
            "cancel",
            "open",
        ];
        let rects: Vec<egui::Rect> = names
            .iter()
            .map(|name| harness.get_by_label(name).rect())
            .collect();
        for (name, rect) in names.iter().zip(&rects) {
            assert!(screen.contains_rect(*rect), "{name} at {rect:?} in {w}×{h}");
        }
        for (i, a) in rects.iter().enumerate() {
            for (j, b) in rects.iter().enumerate().skip(i + 1) {
                assert!(
                    a.intersect(*b).area() <= 0.0,
                    "{} and {} overlap at {w}×{h}",
                    names[i],
                    names[j]
                );
            }
        }
        // The highlight follows the arrows out of sight and the list scrolls to it.
        for _ in 0..60 {
            harness.key_press(Key::ArrowDown);
        }
        harness.run();
        let chooser = harness.state().files.chooser.as_ref().unwrap();
        assert_eq!(chooser.cursor(), Some(59));
        let name = chooser.visible()[59].name.clone();
        let row = harness.get_by_label(&name).rect();
        assert!(screen.contains_rect(row), "{name} at {row:?} in {w}×{h}");
    }
}

#[test]
fn import_text_files_takes_the_whole_folder_shown() {
    // The path row that took a folder was removed; the chooser picks files only, so a
    // folder of text files could not be imported in one go any more.
    let dir = tempfile::tempdir().unwrap();
    let news = dir.path().join("أخبار اليوم");
    std::fs::create_dir(&news).unwrap();
    std::fs::write(news.join("أ.txt"), "قال الكرملين إن المحادثات جرت").unwrap();
    std::fs::write(news.join("ب.txt"), "وقالت Reuters في موسكو 2022").unwrap();
    std::fs::write(news.join("ملاحظات.md"), "not imported").unwrap();
    let mut harness = window_in(&news);
    harness
        .state_mut()
        .state
        .ask_for_file(FilePurpose::ImportText);
    harness.run();
    harness.run();
    assert_eq!(chooser_purpose(&harness), Some(FilePurpose::ImportText));
    harness.get_by_label("import all .txt files here").click();
    harness.run();
    let app = harness.state();
    assert!(app.files.chooser.is_none(), "{}", app.state.message);
    let ids: Vec<&str> = app
        .state
        .corpus
        .documents
        .iter()
        .map(|d| d.id.as_str())
        .collect();
    assert_eq!(ids, ["أ", "ب"], "{}", app.state.message);
}
