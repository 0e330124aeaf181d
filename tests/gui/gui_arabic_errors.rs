//! What goes wrong, said in Arabic (issue #23): a save the system refuses, a text file that
//! cannot be imported, a file another window holds. The library's English (`cannot
//! write`, `os error`, `pid … since`) stays the command line's; the window words each in
//! its language, with the path, line and holder intact.

#![allow(
    clippy::unwrap_used,
    reason = "fixture helpers fail the test that calls them"
)]

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use taliq::app::i18n::Language;
use taliq::app::{AppState, TaliqApp};
use taliq::text::isolates::without_ordering_marks;

use crate::support;

/// The status line as it reads, without the marks that order it.
fn status(harness: &Harness<'_, TaliqApp>) -> String {
    without_ordering_marks(&harness.state().state.message)
}

/// Words the library's `Display` puts in that an Arabic reader must not meet.
const ENGLISH: [&str; 6] = [
    "cannot write",
    "cannot read",
    "os error",
    "Not a directory",
    "pid",
    "since",
];

fn assert_no_english(said: &str) {
    for english in ENGLISH {
        assert!(!said.contains(english), "{english:?} in {said}");
    }
}

/// A corpus file in a folder of its own, `dir/أخبار/amal.json`, a copy of the sample.
fn corpus_in_folder(dir: &std::path::Path) -> std::path::PathBuf {
    let folder = dir.join("أخبار");
    std::fs::create_dir(&folder).unwrap();
    let path = folder.join("amal.json");
    std::fs::copy("assets/sample/sample.json", &path).unwrap();
    path
}

#[test]
fn a_save_the_system_refuses_says_why_in_arabic_with_the_path_intact() {
    let dir = tempfile::tempdir().unwrap();
    let path = corpus_in_folder(dir.path());
    let mut harness = support::arabic_window(AppState::open(&path).unwrap());
    // The folder goes, and a file takes its name: the file's path now runs through a file
    // (what a read-only folder does for a user who is not root, as the tests are).
    std::fs::remove_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path.parent().unwrap(), "not a folder").unwrap();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    let said = status(&harness);
    assert_eq!(
        said,
        format!(
            "تعذّرت الكتابة في {}: جزء من المسار ملفٌّ لا مجلد",
            path.display()
        )
    );
    assert_no_english(&said);
    // The status bar shows it.
    harness.get_by_label(&said);
    // English says the same in English, the path as it was.
    harness.state_mut().state.set_language(Language::English);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert_eq!(
        status(&harness),
        format!(
            "cannot write {}: a part of the path is a file, not a folder",
            path.display()
        )
    );
}

#[test]
fn a_text_file_that_cannot_be_imported_is_located_in_arabic() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("أ.txt"), "قالَ الرئيسُ في 2025").unwrap();
    std::fs::write(dir.path().join("ب.txt"), "سطر أول\nفيه \u{0} وبعده \u{1b}").unwrap();
    let mut harness = support::arabic_window(AppState::sample().unwrap());
    let before = harness.state().state.corpus.documents[0].id.clone();
    // What File → Import text files… does with the folder chosen.
    {
        let state = &mut harness.state_mut().state;
        if let Err(e) = state.open_paths(&[dir.path().to_path_buf()]) {
            state.say(e);
        }
    }
    harness.run();
    let bad = dir.path().join("ب.txt");
    let located = format!(
        "{}: U+0000 (NUL) في السطر ٢، العمود ٥، ومعه محرف تحكم آخر (قُرئ بترميز UTF-8، مكتشَف): محارف التحكم ليست نصًّا، عدا الجدولة وسطر جديد وعودة العربة وصفحة جديدة؛ إن كان الملف بترميز آخر فسمِّه بالأمر taliq import --encoding",
        bad.display()
    );
    assert_eq!(status(&harness), located);
    assert_no_english(&status(&harness));
    // The could-not-open window lists it, then how the other file was read, in Arabic.
    harness.get_by_label("تعذّر الفتح");
    // In the window and in the status bar.
    assert_eq!(harness.get_all_by_label(&located).count(), 2);
    harness.get_by_label(&format!(
        "قُرئ: {}: UTF-8 (مكتشَف)",
        dir.path().join("أ.txt").display()
    ));
    assert_eq!(harness.state().state.corpus.documents[0].id, before);
    // A folder that imports says how each file was read, in Arabic.
    std::fs::remove_file(&bad).unwrap();
    harness.state_mut().state.problems = None;
    {
        let state = &mut harness.state_mut().state;
        if let Err(e) = state.open_paths(&[dir.path().to_path_buf()]) {
            state.say(e);
        }
    }
    harness.run();
    assert_eq!(status(&harness), "استُورد ملف نصي واحد: أ.txt UTF-8 (مكتشَف)");
}

#[test]
fn a_file_another_window_holds_names_its_holder_in_arabic() {
    let dir = tempfile::tempdir().unwrap();
    let path = corpus_in_folder(dir.path());
    let _first = AppState::open(&path).unwrap();
    let holder = taliq::format::read_lock(&path).unwrap().unwrap();
    let mut harness = support::arabic_window(AppState::open(&path).unwrap());
    // The holder from the lock's fields: their name, the process and the time in the
    // window's digits.
    let digits =
        |n: &str| taliq::app::i18n::localize_digits(n, taliq::app::i18n::Digits::ArabicIndic);
    let (date, time) = holder.since.trim_end_matches('Z').split_once('T').unwrap();
    let described = format!(
        "{} (العملية {} على الجهاز {}) منذ {} الساعة {} بالتوقيت العالمي",
        holder.owner,
        digits(&holder.pid.to_string()),
        holder.host,
        digits(date),
        digits(time)
    );
    let banner = format!(
        "للقراءة فقط: هذا الملف مفتوح في نافذة أخرى، فتحه {described}. التعديلات وCtrl+S مرفوضة هنا."
    );
    harness.get_by_label(&banner);
    // Ctrl+S is refused, saying who has the file.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    let said = status(&harness);
    assert!(said.contains(&described), "{said}");
    assert_no_english(&said);
}
