//! The window's dialogs in Arabic (issue #23): the F1 overlay, the could-not-open window
//! (each problem by its diagnostic code, with its place), About, the welcome and taliq's
//! file chooser; the status messages of the window's state. Each is read as a person does,
//! by its Arabic text, laid out right to left and inside the window.

#![allow(
    clippy::unwrap_used,
    reason = "fixture helpers fail the test that calls them"
)]

use egui::Key;
use egui_kittest::kittest::Queryable;
use taliq::app::AppState;
use taliq::app::i18n::{Language, text};
use taliq::app::state::dialogs::Dialog;

use crate::support;

/// Message `id` in the test thread's language, without variables.
fn tr(id: &str) -> String {
    text(id, &[])
}

#[test]
fn f1_lists_every_key_in_arabic_grouped_with_the_keys_at_the_right() {
    let mut harness = support::arabic_window(AppState::sample().unwrap());
    harness.key_press(Key::F1);
    harness.run();
    assert!(support::dialog_open(&harness, Dialog::Shortcuts));
    harness.get_by_label("اختصارات لوحة المفاتيح");
    let corpus = &harness.state().state.corpus;
    let rows =
        taliq::app::input::help::help_rows(&harness.ctx, &corpus.labels, &corpus.relation_labels);
    // Every row is said in Arabic, its keys kept as they are.
    for (keys, what) in &rows {
        assert!(
            what.chars().any(taliq::text::isolates::is_right_to_left),
            "{keys}: {what} is not Arabic"
        );
    }
    assert!(rows.iter().any(|(keys, _)| keys == "Ctrl+S"));
    let review_row = format!("{}: {}", tr("keys-group-review"), tr("keys-accept-agreed"));
    let row = rows
        .iter()
        .find(|(_, what)| taliq::text::isolates::without_ordering_marks(what) == review_row)
        .expect("the review's rows are named by their group");
    // A key's name at the right of what it does, as an Arabic reader starts the line.
    let keys = harness.get_by_label("PageDown").rect();
    let what = harness.get_by_label(&tr("keys-next-document")).rect();
    assert!(keys.min.x > what.max.x, "{keys:?} is not right of {what:?}");
    assert!(harness.query_all_by_label(&row.0).next().is_some());
    crate::gui_layout::assert_fits_scrolling(&harness, (1000.0, 680.0), "F1 in Arabic", true);
    // Its close button closes it.
    harness.get_by_label(&tr("window-close")).click();
    harness.run();
    assert!(!support::dialog_open(&harness, Dialog::Shortcuts));
}

#[test]
fn a_broken_file_shows_each_problem_by_its_code_and_place_in_arabic() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("مكسور.json");
    std::fs::write(
        &broken,
        r##"{"format": "taliq-corpus", "version": 1, "labels": [{"name": "PER", "color": "#e6194b"}],
  "documents": [{"id": "خبر", "text": "قالَ بوتين 2024", "spans": [{"start": 4, "end": 99, "label": "PER"}, {"start": 0, "end": 3, "label": "LOC"}]}]}"##,
    )
    .unwrap();
    let mut harness = support::arabic_window(AppState::sample().unwrap());
    support::open_with_chooser(&mut harness, &broken);
    assert!(harness.state().state.problems.is_some());
    harness.get_by_label("تعذّر الفتح");
    harness.get_by_label(&tr("dialogs-problems-kept"));
    // Each problem said by its code, in Arabic, under its place.
    let out_of_range = harness.get_by_label("مقطع ينتهي بعد نهاية نصه.").rect();
    harness.get_by_label("مقطع يسمّي وسمًا لا يعرِّفه الملف.");
    let place = harness
        .get_by_label(
            "مكسور.json: المستند «خبر» (رقم ٠)، المقطع ٠، الحقل documents[0].spans[0].end",
        )
        .rect();
    assert!(
        place.max.y <= out_of_range.min.y + 0.5,
        "{place:?} {out_of_range:?}"
    );
    // Right to left: the description ends at the dialog's right edge, as the place does.
    assert!(
        (place.max.x - out_of_range.max.x).abs() < 2.0,
        "{place:?} {out_of_range:?}"
    );
    crate::gui_layout::assert_fits_scrolling(&harness, (1000.0, 680.0), "problems", true);
    // The title bar's close button and the window's own: either closes it.
    harness.get_all_by_label("إغلاق").next().unwrap().click();
    harness.run();
    assert!(harness.state().state.problems.is_none());
}

#[test]
fn about_and_the_quit_question_speak_arabic() {
    let mut harness = support::arabic_window(AppState::sample().unwrap());
    harness.state_mut().state.dialogs.open(Dialog::About);
    harness.run();
    harness.get_by_label("عن تعليق");
    harness.get_by_label(&tr("dialogs-about-what"));
    crate::gui_layout::assert_fits_scrolling(&harness, (1000.0, 680.0), "about", false);
    harness.get_by_label(&tr("window-close")).click();
    harness.run();
    assert!(!support::dialog_open(&harness, Dialog::About));
}

#[test]
fn the_welcome_and_the_file_chooser_speak_arabic_and_still_work() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("خبر.txt"), "قالَ الرئيسُ").unwrap();
    let state = taliq::app::start_state(&[], Some(dir.path().join("data")));
    let mut harness = support::arabic_window(state);
    harness.state_mut().files.last_folder = Some(dir.path().to_path_buf());
    harness.run();
    harness.get_by_label("مرحبًا بك في تعليق");
    harness.get_by_label("استورد ملفات نصية…").click();
    harness.run();
    harness.run();
    harness.get_by_label("استورد ملفات نصية");
    // The check box's mark at the right of its text.
    let hidden = harness.get_by_label("الملفات المخفية");
    let rect = hidden.rect();
    hidden.click();
    harness.run();
    assert!(
        harness
            .state()
            .files
            .chooser
            .as_ref()
            .unwrap()
            .shows_hidden()
    );
    // Click where the mark is: at the right end.
    support::click_at(&mut harness, egui::pos2(rect.max.x - 6.0, rect.center().y));
    assert!(
        !harness
            .state()
            .files
            .chooser
            .as_ref()
            .unwrap()
            .shows_hidden()
    );
    crate::gui_layout::assert_fits_scrolling(&harness, (1000.0, 680.0), "chooser", true);
    // The button that takes the whole folder imports it.
    harness.get_by_label("استورد كل ملفات .txt هنا").click();
    harness.run();
    let state = &harness.state().state;
    assert_eq!(state.corpus.documents.len(), 1, "{}", state.message);
}

#[test]
fn status_messages_of_the_state_speak_arabic() {
    let mut harness = support::arabic_window(AppState::sample().unwrap());
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().state.message, "لا شيء للتراجع عنه");
    harness.get_by_label("لا شيء للتراجع عنه");
}

#[test]
fn the_export_split_and_seed_read_and_show_arabic_indic_digits() {
    use taliq::app::i18n::{Digits, set_locale};
    let dir = tempfile::tempdir().unwrap();
    let mut harness = support::arabic_window(AppState::sample().unwrap());
    harness.state_mut().state.dialogs.open(Dialog::Export);
    harness.run();
    harness.run();
    // The seed shows in the digits in force (egui's own number field would draw them reversed).
    let fields = support::text_fields_in(&harness, "export-dialog");
    let seed = fields
        .iter()
        .find(|(value, _)| value == "١")
        .unwrap_or_else(|| panic!("no seed field showing ١ in {fields:?}"))
        .1;
    support::click_at(&mut harness, seed.center());
    harness.event(egui::Event::Text("٤٢".to_owned()));
    harness.run();
    assert_eq!(harness.state().export.seed, 42);
    assert!(
        support::text_fields_in(&harness, "export-dialog")
            .iter()
            .any(|(value, _)| value == "٤٢")
    );
    // A split typed in Arabic-Indic digits is read as 80/20.
    let out = dir.path().join("مقسوم");
    harness.state_mut().export.split = "٨٠/٢٠".to_owned();
    harness.state_mut().export.out = out.display().to_string();
    harness.run();
    harness.get_by_label(&tr("export-run")).click();
    for _ in 0..300 {
        harness.step();
        if !harness.state().export.is_running() && harness.state().export.result.is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let result = harness
        .state()
        .export
        .result
        .clone()
        .expect("the export ended");
    assert!(result.is_ok(), "{result:?}");
    let names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().any(|n| n.starts_with("train"))
            && names
                .iter()
                .any(|n| n.starts_with("dev") || n.starts_with("test")),
        "{names:?}"
    );
    set_locale(Language::English, Digits::Western);
}
