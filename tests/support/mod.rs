//! Running the `taliq` binary as a user would, shared by the command-line test files.

// Each test file uses the helpers it needs; the others would be unused there.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};

/// Runs `git ARGS` in `dir` (a test's own steps: clones, history), failing the test when
/// git fails; returns what it printed.
pub fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Runs `taliq` with `args` in `dir` and waits for it.
pub fn taliq(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_taliq"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("taliq runs")
}

/// What a run printed on standard output.
pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// What a run printed on standard error.
pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A window of `width` × `height` on a review of the three annotators of the sample
/// article (`tests/fixtures/agreement_*.json`) into a new gold file in `dir`.
pub fn review_window(
    dir: &Path,
    width: f32,
    height: f32,
) -> egui_kittest::Harness<'static, taliq::app::TaliqApp> {
    let files: Vec<std::path::PathBuf> = ["a", "b", "c"]
        .iter()
        .map(|n| format!("tests/fixtures/agreement_{n}.json").into())
        .collect();
    let mut state = taliq::app::AppState::new(
        taliq::model::Corpus::default(),
        taliq::app::Source::Untitled,
    );
    state
        .open_review(&files, &dir.join("gold.json"))
        .expect("the fixtures share their texts");
    let mut harness = window(state, width, height);
    harness.run();
    harness
}

/// The window on `state`, headless (`egui_kittest`), at `width` × `height` points, with the
/// bundled Arabic font as egui's fallback as the app installs it: before the first frame,
/// which may already be Arabic (a window started in its language).
pub fn window(
    state: taliq::app::AppState,
    width: f32,
    height: f32,
) -> egui_kittest::Harness<'static, taliq::app::TaliqApp> {
    egui_kittest::Harness::builder()
        .with_size(egui::vec2(width, height))
        .with_context_setup(taliq::app::install_fallback_font)
        .build_ui_state(
            |ui, app: &mut taliq::app::TaliqApp| app.show(ui),
            taliq::app::TaliqApp::new(state, taliq::text::fonts::font_system(false)),
        )
}

/// The window on `state` at 1000×680 with the interface in Arabic (on the test's thread
/// too, so that the test's own message lookups are Arabic).
pub fn arabic_window(
    state: taliq::app::AppState,
) -> egui_kittest::Harness<'static, taliq::app::TaliqApp> {
    let mut harness = window(state, 1000.0, 680.0);
    harness
        .state_mut()
        .state
        .set_language(taliq::app::i18n::Language::Arabic);
    harness.run();
    harness
}

/// The text fields of the window `id_salt` (an engine-titled `interface::window`), each
/// with the value it shows, top to bottom.
pub fn text_fields_in(
    harness: &egui_kittest::Harness<'_, taliq::app::TaliqApp>,
    id_salt: &str,
) -> Vec<(String, egui::Rect)> {
    use egui::accesskit::Role;
    use egui_kittest::kittest::{NodeT, Queryable};
    let mut fields: Vec<(String, egui::Rect)> = harness
        .get_by_role_and_label(Role::Window, id_salt)
        .query_all(egui_kittest::kittest::by().role(Role::TextInput))
        .map(|node| {
            let value = node.accesskit_node().value().unwrap_or_default();
            (value, node.rect())
        })
        .collect();
    fields.sort_by(|a, b| a.1.min.y.total_cmp(&b.1.min.y));
    fields
}

/// Clicks once at `at` with the primary button.
pub fn click_at(harness: &mut egui_kittest::Harness<'_, taliq::app::TaliqApp>, at: egui::Pos2) {
    harness.hover_at(at);
    harness.run();
    press_and_release(harness, at);
    harness.run();
}

/// Presses and lets go of the primary button at `at`, a frame each.
fn press_and_release(
    harness: &mut egui_kittest::Harness<'_, taliq::app::TaliqApp>,
    at: egui::Pos2,
) {
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
        harness.step();
    }
}

/// Double-clicks at `at` with the primary button. egui counts clicks against the time of the
/// previous ones, so the clicks start well after time zero (as in a real session) and two of
/// them count as a double click, not a triple one.
pub fn double_click(harness: &mut egui_kittest::Harness<'_, taliq::app::TaliqApp>, at: egui::Pos2) {
    harness.hover_at(at);
    harness.run();
    let now = harness.input().time.unwrap_or(0.0);
    harness.input_mut().time = Some(now + 10.0);
    for _ in 0..2 {
        press_and_release(harness, at);
    }
    harness.run();
}

/// Drags from `from` to `to` with the primary button, as a hand would.
pub fn drag(
    harness: &mut egui_kittest::Harness<'_, taliq::app::TaliqApp>,
    from: egui::Pos2,
    to: egui::Pos2,
) {
    harness.hover_at(from);
    harness.run();
    harness.drag_at(from);
    harness.run();
    for k in 1..=5 {
        harness.hover_at(from + (to - from) * (k as f32 / 5.0));
        harness.run();
    }
    harness.drop_at(to);
    harness.run();
}

/// Whether the window in `harness` has `dialog` open.
pub fn dialog_open(
    harness: &egui_kittest::Harness<'_, taliq::app::TaliqApp>,
    dialog: taliq::app::state::dialogs::Dialog,
) -> bool {
    harness.state().state.dialogs.is_open(dialog)
}

/// Types `path` into taliq's open file chooser, over what its field held, and presses
/// Enter there (a whole path, or a name in the folder shown).
pub fn type_into_chooser(
    harness: &mut egui_kittest::Harness<'_, taliq::app::TaliqApp>,
    path: &str,
) {
    let typed = harness
        .state()
        .files
        .chooser
        .as_ref()
        .expect("taliq's file chooser is open")
        .typed
        .clone();
    taliq::app::widgets::bidi_field::focus_and_select_all(
        &harness.ctx,
        taliq::app::file_chooser::window::path_field_id(),
        &typed,
    );
    harness.run();
    harness.event(egui::Event::Text(path.to_owned()));
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
}

/// Opens `path` as a person does: File → Open (Ctrl+O), its path typed into taliq's file
/// chooser, Enter.
pub fn open_with_chooser(
    harness: &mut egui_kittest::Harness<'_, taliq::app::TaliqApp>,
    path: &Path,
) {
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    harness.run();
    type_into_chooser(harness, &path.display().to_string());
}

/// Saves as `path` as a person does: File → Save As (Ctrl+Shift+S), the path typed into
/// taliq's file chooser, Enter.
pub fn save_as_with_chooser(
    harness: &mut egui_kittest::Harness<'_, taliq::app::TaliqApp>,
    path: &Path,
) {
    harness.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::S,
    );
    harness.run();
    type_into_chooser(harness, &path.display().to_string());
}

/// eframe's storage, in memory: what a window remembers between runs, for tests.
#[derive(Default)]
pub struct Memory(std::collections::HashMap<String, String>);

impl eframe::Storage for Memory {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }

    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_owned(), value);
    }

    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }

    fn flush(&mut self) {}
}
