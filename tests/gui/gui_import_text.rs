//! Importing text files in the window (issue #25): each file's encoding is said in the
//! status bar, and a file that cannot be imported is shown with its place in the
//! "Could not open" window, the open corpus kept.

use egui_kittest::kittest::Queryable;
use taliq::app::AppState;
use taliq::text::isolates::without_ordering_marks;

use crate::support;

/// Arabic with harakat, a Latin name and digits.
const NEWS: &str = "قالَ المتحدثُ باسم الكرملين، إنّ روسيا مستعدةٌ للحوار يوم 15 أيار 2025 (Reuters)";

/// A folder of three files: UTF-8 with a mark, windows-1256, UTF-16LE without a mark.
fn mixed_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a folder");
    let (cp1256, _, _) = encoding_rs::WINDOWS_1256.encode(NEWS);
    let utf16: Vec<u8> = NEWS.encode_utf16().flat_map(u16::to_le_bytes).collect();
    std::fs::write(
        dir.path().join("أ.txt"),
        [b"\xef\xbb\xbf".as_slice(), NEWS.as_bytes()].concat(),
    )
    .expect("written");
    std::fs::write(dir.path().join("ب.txt"), cp1256).expect("written");
    std::fs::write(dir.path().join("ج.txt"), utf16).expect("written");
    dir
}

fn open_typed(
    harness: &mut egui_kittest::Harness<'_, taliq::app::TaliqApp>,
    path: &std::path::Path,
) {
    // What File → Import text files… does with the files chosen (a folder of them here).
    let state = &mut harness.state_mut().state;
    if let Err(e) = state.open_paths(&[path.to_path_buf()]) {
        state.say(e);
    }
    harness.run();
}

#[test]
fn a_mixed_folder_opens_and_the_status_bar_names_each_files_encoding() {
    let folder = mixed_folder();
    let mut harness = support::window(AppState::sample().unwrap(), 1000.0, 680.0);
    harness.run();
    open_typed(&mut harness, folder.path());
    let state = &harness.state().state;
    let texts: Vec<&str> = state
        .corpus
        .documents
        .iter()
        .map(taliq::model::Document::text)
        .collect();
    assert_eq!(texts, [NEWS; 3], "{}", state.message);
    // The file names are isolated in the line, which reads as it did.
    assert_eq!(
        without_ordering_marks(&state.message),
        "imported 3 text files: أ.txt UTF-8 (BOM), ب.txt windows-1256 (detected), ج.txt UTF-16LE (detected)"
    );
}

#[test]
fn a_file_with_a_nul_is_shown_with_its_place_and_nothing_is_opened() {
    let folder = mixed_folder();
    std::fs::write(folder.path().join("د.txt"), format!("{NEWS}\n\u{0}")).unwrap();
    let mut harness = support::window(AppState::sample().unwrap(), 1000.0, 680.0);
    harness.run();
    let before = harness.state().state.corpus.documents[0].id.clone();
    open_typed(&mut harness, folder.path());
    let located = format!(
        "{}: U+0000 (NUL) at line 2, column 1 (read as UTF-8, detected): control characters other than tab, line feed, carriage return and form feed are not text; if the file is in another encoding, name it with `taliq import --encoding`",
        folder.path().join("د.txt").display()
    );
    // The window lists it, and how the other files were read; the status bar says it too.
    harness.get_by_label("Could not open");
    assert_eq!(harness.get_all_by_label(&located).count(), 2);
    harness.get_by_label(&format!(
        "read: {}: windows-1256 (detected)",
        folder.path().join("ب.txt").display()
    ));
    let state = &harness.state().state;
    assert_eq!(
        without_ordering_marks(&state.message),
        located,
        "the status bar has the first problem"
    );
    assert_eq!(
        state.corpus.documents[0].id, before,
        "the sample stays open"
    );
}

#[test]
fn text_files_and_folders_given_on_the_command_line_are_imported() {
    // `taliq a.txt b.txt` opened a.txt as a corpus and refused it ("starts with a
    // byte-order mark"); they are imported as File → Import text files does.
    let folder = mixed_folder();
    let home = tempfile::tempdir().expect("a folder");
    let files = [folder.path().join("أ.txt"), folder.path().join("ب.txt")];
    let state = taliq::app::start_state(&files, Some(home.path().to_path_buf()));
    assert!(state.problems.is_none(), "{:?}", state.problems);
    let texts: Vec<&str> = state
        .corpus
        .documents
        .iter()
        .map(taliq::model::Document::text)
        .collect();
    assert_eq!(texts, [NEWS; 2]);
    assert!(state.source.path().is_none(), "untitled until saved");
    assert!(
        state.message.starts_with("imported 2 text files"),
        "{}",
        state.message
    );
    // A folder: every .txt file in it.
    let state = taliq::app::start_state(
        &[folder.path().to_path_buf()],
        Some(home.path().to_path_buf()),
    );
    assert!(state.problems.is_none(), "{:?}", state.problems);
    assert_eq!(state.corpus.documents.len(), 3);
    // A corpus file still opens as a corpus; a .txt that cannot be read is listed.
    let broken = folder.path().join("بلا.txt");
    std::fs::write(&broken, b"\x00\x00 nul").unwrap();
    let state = taliq::app::start_state(&[broken], Some(home.path().to_path_buf()));
    assert!(state.problems.is_some(), "the window lists the problem");
}
