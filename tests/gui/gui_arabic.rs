//! The window in Arabic (issue #23): the menu bar from the right edge, the document list
//! on the right and the side panel on the left, every menu item reachable and running its
//! command, plurals and Arabic-Indic digits in the status bar, the language switched at
//! run time and remembered, and the layout checks of `gui_layout` in Arabic.

#![allow(
    clippy::unwrap_used,
    reason = "fixture helpers fail the test that calls them"
)]

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use taliq::app::i18n::{self, Digits, Language};
use taliq::app::input::commands::{COMMANDS, Menu};
use taliq::app::{AppState, TaliqApp};

use crate::gui_layout::{assert_fits, window};

const SIZES: [(f32, f32); 3] = [(1000.0, 680.0), (1280.0, 720.0), (1920.0, 1080.0)];

/// The bundled sample's one document.
const SAMPLE_ID: &str = "000_f13009966aefca6f";

/// The sample in a window of `size`, in Arabic.
fn arabic_window(size: (f32, f32)) -> Harness<'static, TaliqApp> {
    let mut harness = window(AppState::sample().unwrap(), size);
    harness.state_mut().state.set_language(Language::Arabic);
    harness.run();
    harness
}

/// The screen rectangle of the one widget named `name`.
fn rect_of(harness: &Harness<'_, TaliqApp>, name: &str) -> egui::Rect {
    harness.get_by_label(name).rect()
}

#[test]
fn the_menu_bar_starts_at_the_right_edge_with_file_first() {
    let harness = arabic_window((1000.0, 680.0));
    let titles: Vec<egui::Rect> = Menu::ALL
        .iter()
        .map(|menu| rect_of(&harness, &menu.title()))
        .collect();
    assert_eq!(Menu::ALL[0].title(), "ملف");
    assert!(titles[0].max.x > 960.0, "ملف ends at {}", titles[0].max.x);
    for pair in titles.windows(2) {
        assert!(
            pair[1].max.x <= pair[0].min.x + 0.5,
            "each menu left of the one before it: {titles:?}"
        );
    }
    // In English, File is at the left edge.
    let mut english = window(AppState::sample().unwrap(), (1000.0, 680.0));
    english.run();
    assert!(rect_of(&english, "File").min.x < 40.0);
}

#[test]
fn the_document_list_is_on_the_right_and_the_side_panel_on_the_left() {
    let harness = arabic_window((1000.0, 680.0));
    let listed = rect_of(&harness, SAMPLE_ID);
    assert!(
        listed.min.x > 700.0,
        "the document list's entry at {listed:?}"
    );
    // Span texts are listed in the side panel; the document draws them in the middle.
    let in_side_panel = harness
        .query_all_by_label("موسكو")
        .map(|node| node.rect())
        .filter(|rect| rect.max.x < 300.0)
        .count();
    assert!(in_side_panel >= 1, "a span of the list at the left");
    let english = {
        let mut harness = window(AppState::sample().unwrap(), (1000.0, 680.0));
        harness.run();
        harness
    };
    assert!(rect_of(&english, SAMPLE_ID).max.x < 300.0);
}

#[test]
fn every_menu_item_in_arabic_is_reachable_and_runs_its_command() {
    let mut harness = arabic_window((1000.0, 680.0));
    for menu in Menu::ALL {
        harness.get_by_label(&menu.title()).click();
        harness.run();
        for info in COMMANDS.iter().filter(|c| c.menu == menu) {
            let name = info.name();
            assert!(
                harness.query_all_by_label(&name).count() >= 1,
                "{name} not in the {} menu",
                menu.title()
            );
            let item = harness.get_by_label(&name);
            assert!(
                item.rect().max.x <= 1000.5 && item.rect().min.x >= -0.5,
                "{name} at {:?}",
                item.rect()
            );
        }
        harness.get_by_label(&menu.title()).click();
        harness.run();
    }
    // تحرير ← بحث opens the find bar.
    harness.get_by_label("تحرير").click();
    harness.run();
    let find = harness.get_by_label("بحث");
    assert_eq!(
        find.accesskit_node().data().keyboard_shortcut(),
        Some("Ctrl+F")
    );
    find.click();
    harness.run();
    assert!(harness.state().state.search.open);
}

#[test]
fn the_menus_open_under_the_right_edge_of_their_title() {
    let mut harness = arabic_window((1000.0, 680.0));
    let title = rect_of(&harness, "ملف");
    harness.get_by_label("ملف").click();
    harness.run();
    let open = rect_of(&harness, &COMMANDS[0].name());
    assert!(
        (open.max.x - title.max.x).abs() < 16.0,
        "فتح… ends at {} under ملف ending at {}",
        open.max.x,
        title.max.x
    );
    assert!(open.min.y >= title.max.y - 1.0);
}

#[test]
fn the_status_bar_counts_with_arabic_plurals_and_digits() {
    let mut harness = arabic_window((1000.0, 680.0));
    // The sample's document has 12 spans: "١٢ مقطعًا" (the form for 11 to 99).
    let spans = harness.state().state.corpus.documents[0].spans().len();
    assert_eq!(spans, 12);
    // In the status bar and in the document list's row.
    assert_eq!(harness.query_all_by_label("١٢ مقطعًا").count(), 2);
    harness.get_by_label("المستند ١ من ١");
    // Western digits on request.
    harness.state_mut().state.prefs.digits = Digits::Western;
    harness.run();
    assert_eq!(harness.query_all_by_label("12 مقطعًا").count(), 2);
    i18n::set_locale(Language::English, Digits::Western);
}

#[test]
fn switching_the_language_in_the_view_menu_turns_the_window_around_at_once() {
    let mut harness = window(AppState::sample().unwrap(), (1000.0, 680.0));
    harness.run();
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("العربية").click();
    harness.run();
    harness.run();
    assert_eq!(harness.state().state.prefs.language, Language::Arabic);
    assert_eq!(harness.state().state.prefs.digits, Digits::ArabicIndic);
    assert!(rect_of(&harness, "ملف").max.x > 960.0);
    assert!(rect_of(&harness, SAMPLE_ID).min.x > 700.0);
    harness.get_by_label("لغة الواجهة: العربية");
    // And back.
    harness.get_by_label("عرض").click();
    harness.run();
    harness.get_by_label("English").click();
    harness.run();
    harness.run();
    assert!(rect_of(&harness, "File").min.x < 40.0);
    assert!(rect_of(&harness, SAMPLE_ID).max.x < 300.0);
}

/// A fresh app (not shown) with `storage` loaded and the language chosen from `env`.
fn started(
    storage: &crate::support::Memory,
    env: &'static [(&'static str, &'static str)],
) -> TaliqApp {
    let mut app = TaliqApp::new(
        AppState::sample().unwrap(),
        taliq::text::fonts::font_system(false),
    );
    let remembered = app.load_settings(storage);
    app.choose_language(remembered, |name| {
        env.iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| (*v).to_owned())
    });
    app
}

#[test]
fn the_language_is_remembered_and_the_first_start_follows_the_locale() {
    let empty = crate::support::Memory::default();
    assert_eq!(
        started(&empty, &[("LANG", "ar_SA.UTF-8")])
            .state
            .prefs
            .language,
        Language::Arabic
    );
    assert_eq!(
        started(&empty, &[("LANG", "en_US.UTF-8")])
            .state
            .prefs
            .language,
        Language::English
    );
    // Chosen once, it wins over the locale; TALIQ_LANG wins over both.
    let mut app = started(&empty, &[("LANG", "en_US.UTF-8")]);
    app.state.set_language(Language::Arabic);
    app.state.prefs.digits = Digits::Western;
    let mut storage = crate::support::Memory::default();
    app.save_settings(&mut storage);
    let again = started(&storage, &[("LANG", "en_US.UTF-8")]);
    assert_eq!(again.state.prefs.language, Language::Arabic);
    assert_eq!(again.state.prefs.digits, Digits::Western);
    let overridden = started(&storage, &[("TALIQ_LANG", "en"), ("LANG", "ar_EG")]);
    assert_eq!(overridden.state.prefs.language, Language::English);
    assert_eq!(overridden.state.prefs.digits, Digits::Western);
    i18n::set_locale(Language::English, Digits::Western);
}

#[test]
fn the_main_window_and_the_find_bar_fit_in_arabic_at_every_size() {
    for size in SIZES {
        let mut harness = arabic_window(size);
        assert_fits(&harness, size, "main window in Arabic");
        harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
        harness.run();
        assert_fits(&harness, size, "find bar in Arabic");
    }
}

#[test]
fn an_arabic_menu_fits_inside_the_window_at_every_size() {
    for size in SIZES {
        let mut harness = arabic_window(size);
        for menu in Menu::ALL {
            harness.get_by_label(&menu.title()).click();
            harness.run();
            for info in COMMANDS.iter().filter(|c| c.menu == menu) {
                let rect = rect_of(&harness, &info.name());
                assert!(
                    rect.min.x >= -0.5 && rect.max.x <= size.0 + 0.5 && rect.max.y <= size.1,
                    "{} at {rect:?} in {size:?}",
                    info.name()
                );
            }
            harness.get_by_label(&menu.title()).click();
            harness.run();
        }
    }
}

/// The sample with a span on each of its first 80 words: the span list scrolls.
fn many_spans() -> AppState {
    let mut state = AppState::sample().unwrap();
    let doc = &mut state.corpus.documents[0];
    let words: Vec<_> = taliq::tokenize::tokenize(doc.text())
        .into_iter()
        .filter(|t| t.kind == taliq::tokenize::TokenKind::Word)
        .collect();
    for word in words.iter().take(80) {
        let _ = doc.add_span(taliq::model::Span::new(word.range, "MISC"));
    }
    state
}

/// The vertical scroll bars on screen, left to right.
fn scroll_bars(harness: &Harness<'_, TaliqApp>) -> Vec<egui::Rect> {
    let mut bars: Vec<egui::Rect> = harness
        .query_all(egui_kittest::kittest::by().role(egui::accesskit::Role::ScrollBar))
        .map(|node| node.rect())
        .filter(|rect| rect.height() > rect.width() && rect.height() > 20.0)
        .collect();
    bars.sort_by(|a, b| a.min.x.total_cmp(&b.min.x));
    bars
}

#[test]
fn lists_have_their_scroll_bar_at_the_left_in_arabic_and_it_scrolls() {
    let mut harness = window(many_spans(), (1000.0, 680.0));
    harness.run();
    // In English the side panel (right) has its bars at its right edge.
    let english = scroll_bars(&harness);
    assert!(english.iter().any(|bar| bar.max.x > 960.0), "{english:?}");
    harness.state_mut().state.set_language(Language::Arabic);
    harness.run();
    harness.run();
    // The side panel is on the left now, its lists' bars at their left edge.
    let bars = scroll_bars(&harness);
    let left = bars.iter().find(|bar| bar.min.x < 20.0).copied();
    let Some(bar) = left else {
        panic!("no scroll bar at the left edge: {bars:?}");
    };
    // Dragging it down scrolls the list: a span row at the top moves up out of sight.
    let first_row = |harness: &Harness<'_, TaliqApp>| {
        harness
            .query_all_by_role(egui::accesskit::Role::Button)
            .filter(|node| node.rect().max.x < 300.0 && node.rect().min.y > bar.min.y)
            .map(|node| node.rect().min.y)
            .fold(f32::INFINITY, f32::min)
    };
    let before = first_row(&harness);
    crate::support::drag(
        &mut harness,
        egui::pos2(bar.center().x, bar.min.y + 5.0),
        egui::pos2(bar.center().x, bar.max.y - 5.0),
    );
    harness.run();
    harness.run();
    let after = scroll_bars(&harness)
        .into_iter()
        .find(|b| b.min.x < 20.0)
        .unwrap();
    assert_eq!(after, bar, "the bar stays where it is");
    let moved = first_row(&harness);
    assert!(
        (moved - before).abs() > 1.0 || moved.is_infinite(),
        "rows moved: {before} -> {moved}"
    );
    i18n::set_locale(Language::English, Digits::Western);
}

/// The widgets whose text egui draws itself (not the engine) and holds a letter: in Arabic
/// every string of the window goes through the engine, so these are English left over.
/// Keys' names (Ctrl+S, F1) and the corpus's label names are not translated.
fn drawn_by_egui(harness: &Harness<'_, TaliqApp>) -> Vec<String> {
    use egui::accesskit::Role;
    let mut found = Vec::new();
    for node in harness.root().children_recursive() {
        let access = node.accesskit_node();
        if !matches!(
            access.role(),
            Role::Label | Role::Button | Role::CheckBox | Role::RadioButton | Role::MenuItem
        ) || access.bounding_box().is_none()
        {
            continue;
        }
        let label = access.label().unwrap_or_default();
        if access.author_id() == Some(taliq::app::widgets::ENGINE_TEXT)
            || !label.chars().any(char::is_alphabetic)
        {
            continue;
        }
        let is_key = label.split(['+', ' ', '/']).all(|part| {
            [
                "Ctrl",
                "Shift",
                "Alt",
                "Cmd",
                "Esc",
                "Tab",
                "Enter",
                "Delete",
                "Backspace",
            ]
            .contains(&part)
                || (part.len() <= 3
                    && part
                        .chars()
                        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()))
                || part.is_empty()
        });
        if !is_key {
            found.push(format!("{:?} {label:?}", access.role()));
        }
    }
    found
}

/// What opens a window of the main window.
type Opener = fn(&mut TaliqApp);

/// How to open each window of the main window, by name.
fn windows() -> Vec<(&'static str, Opener)> {
    use taliq::app::state::dialogs::Dialog;
    vec![
        ("main window", |_| {}),
        ("export", |app| app.state.dialogs.open(Dialog::Export)),
        ("reading options", |app| {
            app.state.dialogs.open(Dialog::ReadingOptions);
        }),
        ("labels", |app| app.state.edit_labels()),
        ("start a review", |app| {
            app.state.dialogs.open(Dialog::StartReview);
        }),
        ("shortcuts", |app| app.state.dialogs.open(Dialog::Shortcuts)),
        ("about", |app| app.state.dialogs.open(Dialog::About)),
        ("find bar", |app| app.state.search.open = true),
        ("quit question", |app| app.quit.asking = true),
        ("file chooser", |app| {
            app.state
                .ask_for_file(taliq::app::state::file_request::FilePurpose::OpenCorpus);
        }),
        ("review mode", |app| in_review(app)),
        ("agreement", |app| {
            in_review(app);
            app.state.dialogs.open(Dialog::Agreement);
        }),
        ("mark reviewed question", |app| {
            in_review(app);
            app.state.dialogs.open(Dialog::MarkReviewed);
        }),
    ]
}

/// Opens the review of the three agreement fixtures.
fn in_review(app: &mut TaliqApp) {
    let files = [
        "tests/fixtures/agreement_a.json",
        "tests/fixtures/agreement_b.json",
        "tests/fixtures/agreement_c.json",
    ]
    .map(std::path::PathBuf::from);
    let gold = std::env::temp_dir().join(format!("taliq-arabic-gold-{}.json", std::process::id()));
    app.state.open_review(&files, &gold).unwrap();
}

#[test]
fn every_string_of_the_window_in_arabic_is_drawn_by_the_engine() {
    let mut left_over = Vec::new();
    for (what, open) in windows() {
        let mut harness = arabic_window((1280.0, 720.0));
        open(harness.state_mut());
        harness.run();
        harness.run();
        for found in drawn_by_egui(&harness) {
            left_over.push(format!("{what}: {found}"));
        }
    }
    // The welcome, with nothing open.
    let home = tempfile::tempdir().unwrap();
    let mut harness = window(
        taliq::app::start_state(&[], Some(home.path().to_path_buf())),
        (1280.0, 720.0),
    );
    harness.state_mut().state.set_language(Language::Arabic);
    harness.run();
    for found in drawn_by_egui(&harness) {
        left_over.push(format!("welcome: {found}"));
    }
    left_over.sort();
    left_over.dedup();
    assert!(
        left_over.is_empty(),
        "{} strings drawn by egui in Arabic:\n{}",
        left_over.len(),
        left_over.join("\n")
    );
}
