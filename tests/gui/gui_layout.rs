//! Layout that fits (issue #11), checked on the accessibility tree `egui_kittest` builds: at
//! 1000×680 (the default window), 1280×720 and 1920×1080, in the main window, every dialog
//! and the review mode, no two widgets overlap and every widget that is shown lies inside the
//! window (scrolled-away rows of a list excepted: they are clipped on purpose).

#![allow(
    clippy::unwrap_used,
    reason = "fixture helpers fail the test that calls them"
)]

use egui::accesskit::Role;
use egui::{Rect, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use taliq::app::{AppState, TaliqApp};

use crate::support;

const SIZES: [(f32, f32); 3] = [(1000.0, 680.0), (1280.0, 720.0), (1920.0, 1080.0)];

/// Widgets a person reads or clicks; containers and the text view are checked by their parts.
fn is_widget(role: Role) -> bool {
    matches!(
        role,
        Role::Button
            | Role::CheckBox
            | Role::RadioButton
            | Role::ComboBox
            | Role::Slider
            | Role::SpinButton
            | Role::TextInput
            | Role::Label
            | Role::Link
            | Role::MenuItem
            | Role::Tab
    )
}

/// A widget as the check sees it.
#[derive(Debug)]
struct Widget {
    what: String,
    /// Its accessible name.
    name: String,
    rect: Rect,
    /// The dialog or panel it is drawn in.
    group: Group,
}

/// Where a widget is drawn: a dialog (with its rectangle), or a panel of the main window
/// (AccessKit gives panels no rectangle; they may scroll vertically, never sideways).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Group {
    Dialog { rect: Rect, scrolls: bool },
    Panel(egui::accesskit::NodeId),
}

fn widgets(harness: &Harness<'_, TaliqApp>, dialog_scrolls: bool) -> Vec<Widget> {
    let mut found = Vec::new();
    for node in harness.root().children_recursive() {
        let access = node.accesskit_node();
        if !is_widget(access.role()) || access.bounding_box().is_none() {
            continue;
        }
        let mut group = None;
        let mut parent = node.parent();
        while let Some(p) = parent {
            let a = p.accesskit_node();
            let role = a.role();
            if role == Role::Window && a.label().is_some() && a.bounding_box().is_some() {
                group = Some(Group::Dialog {
                    rect: p.rect(),
                    scrolls: dialog_scrolls,
                });
                break;
            }
            if role == Role::Pane {
                group = Some(Group::Panel(a.locate().0));
                break;
            }
            parent = p.parent();
        }
        let Some(group) = group else {
            continue;
        };
        let label = access
            .label()
            .or_else(|| access.value())
            .unwrap_or_default();
        found.push(Widget {
            what: format!("{:?} {label:?}", access.role()),
            name: label,
            rect: node.rect(),
            group,
        });
    }
    found
}

/// Every problem of the current frame: a widget cut by its dialog or outside the window
/// (panels: sideways; their rows may scroll out of view vertically), or two widgets of one
/// dialog or panel that overlap.
fn problems(widgets: &[Widget], size: Vec2) -> Vec<String> {
    let screen = Rect::from_min_size(egui::Pos2::ZERO, size);
    let inside = |outer: Rect, inner: Rect| outer.expand(0.5).contains_rect(inner);
    let mut problems = Vec::new();
    let mut shown = Vec::new();
    for w in widgets {
        let visible = match w.group {
            Group::Dialog { rect, scrolls } => {
                let whole = inside(rect, w.rect);
                if !whole && !scrolls {
                    problems.push(format!(
                        "{} at {:?} is cut by its dialog {rect:?}",
                        w.what, w.rect
                    ));
                }
                whole
            }
            Group::Panel(_) => {
                if w.rect.min.x < -0.5 || w.rect.max.x > screen.max.x + 0.5 {
                    problems.push(format!("{} at {:?} runs off the window", w.what, w.rect));
                }
                inside(screen, w.rect)
            }
        };
        if visible && !inside(screen, w.rect) {
            problems.push(format!("{} at {:?} is outside the window", w.what, w.rect));
        }
        if visible {
            shown.push(w);
        }
    }
    for (i, a) in shown.iter().enumerate() {
        for b in &shown[i + 1..] {
            // A label naming a widget (a combo box's caption) is part of it.
            if a.group != b.group || a.name == b.name {
                continue;
            }
            let overlap = a.rect.intersect(b.rect);
            // Touching edges and sub-pixel rounding are not overlaps.
            if overlap.width() > 1.0 && overlap.height() > 1.0 {
                problems.push(format!(
                    "{} at {:?} overlaps {} at {:?}",
                    a.what, a.rect, b.what, b.rect
                ));
            }
        }
    }
    problems
}

fn window(state: AppState, (w, h): (f32, f32)) -> Harness<'static, TaliqApp> {
    let mut harness = support::window(state, w, h);
    harness.run();
    harness
}

fn assert_fits(harness: &Harness<'_, TaliqApp>, size: (f32, f32), what: &str) {
    assert_fits_scrolling(harness, size, what, false);
}

/// As [`assert_fits`]; a dialog that scrolls may cut its rows at its edges.
fn assert_fits_scrolling(
    harness: &Harness<'_, TaliqApp>,
    size: (f32, f32),
    what: &str,
    dialog_scrolls: bool,
) {
    let found = widgets(harness, dialog_scrolls);
    assert!(
        found.len() >= 10,
        "{what}: only {} widgets found to check",
        found.len()
    );
    let problems = problems(&found, Vec2::new(size.0, size.1));
    assert!(
        problems.is_empty(),
        "{what} at {}×{}:\n{}",
        size.0,
        size.1,
        problems.join("\n")
    );
}

#[test]
fn the_main_window_and_the_find_bar_fit_at_every_size() {
    for size in SIZES {
        let mut harness = window(AppState::sample().unwrap(), size);
        assert_fits(&harness, size, "main window");
        harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
        harness.run();
        assert_fits(&harness, size, "find bar");
    }
}

/// A dialog's name, how to open it, and whether its content scrolls.
type Dialog = (&'static str, fn(&mut TaliqApp), bool);

#[test]
fn every_dialog_fits_at_every_size() {
    for size in SIZES {
        // The shortcut list scrolls inside its window.
        let dialogs: [Dialog; 6] = [
            (
                "export",
                |app| {
                    app.state
                        .dialogs
                        .open(taliq::app::state::dialogs::Dialog::Export);
                },
                false,
            ),
            (
                "reading options",
                |app| {
                    app.state
                        .dialogs
                        .open(taliq::app::state::dialogs::Dialog::ReadingOptions);
                },
                false,
            ),
            ("labels", |app| app.state.edit_labels(), false),
            (
                "start a review",
                |app| {
                    app.state
                        .dialogs
                        .open(taliq::app::state::dialogs::Dialog::StartReview);
                },
                false,
            ),
            (
                "shortcuts",
                |app| {
                    app.state
                        .dialogs
                        .open(taliq::app::state::dialogs::Dialog::Shortcuts);
                },
                true,
            ),
            (
                "about",
                |app| {
                    app.state
                        .dialogs
                        .open(taliq::app::state::dialogs::Dialog::About);
                },
                false,
            ),
        ];
        for (what, open, scrolls) in dialogs {
            let mut harness = window(AppState::sample().unwrap(), size);
            open(harness.state_mut());
            harness.run();
            assert_fits_scrolling(&harness, size, what, scrolls);
        }
    }
}

#[test]
fn the_review_mode_fits_at_every_size() {
    for size in SIZES {
        let files = [
            "tests/fixtures/agreement_a.json",
            "tests/fixtures/agreement_b.json",
            "tests/fixtures/agreement_c.json",
        ]
        .map(std::path::PathBuf::from);
        let dir = tempfile::tempdir().unwrap();
        let mut state = AppState::sample().unwrap();
        state
            .open_review(&files, &dir.path().join("gold.json"))
            .unwrap();
        let mut harness = window(state, size);
        assert_fits(&harness, size, "review mode");
        harness
            .state_mut()
            .state
            .dialogs
            .open(taliq::app::state::dialogs::Dialog::Agreement);
        harness.run();
        assert_fits(&harness, size, "agreement charts");
    }
}

/// Where the document list's resize handle is (the leftmost "Resize panel" splitter): the
/// list's right edge.
fn document_list_edge(harness: &Harness<'_, TaliqApp>) -> f32 {
    harness
        .query_all_by_label("Resize panel")
        .map(|node| node.rect().center().x)
        .fold(f32::INFINITY, f32::min)
}

#[test]
fn a_resized_side_panel_keeps_its_width_in_the_next_session() {
    let size = (1280.0, 720.0);
    let mut harness = window(AppState::sample().unwrap(), size);
    harness.run();
    let edge = document_list_edge(&harness);
    // Drag the document list's edge 150 points to the right.
    let y = size.1 / 2.0;
    harness.hover_at(egui::pos2(edge, y));
    harness.run();
    harness.drag_at(egui::pos2(edge, y));
    harness.run();
    for step in 1..=6 {
        harness.hover_at(egui::pos2(edge + 25.0 * step as f32, y));
        harness.run();
    }
    harness.drop_at(egui::pos2(edge + 150.0, y));
    harness.run();
    let resized = document_list_edge(&harness);
    assert!(resized > edge + 120.0, "{edge} -> {resized}");

    // eframe saves egui's memory (as RON) when the window closes and gives it back at the
    // next start.
    let saved = harness.ctx.memory(ron::to_string).unwrap();
    let mut next = window(AppState::sample().unwrap(), size);
    next.ctx
        .memory_mut(|memory| *memory = ron::from_str(&saved).unwrap());
    next.run();
    assert!((document_list_edge(&next) - resized).abs() < 1.0);
    assert_fits(&next, size, "main window with a wide document list");
    // Without the saved memory the list has its default width.
    let mut fresh = window(AppState::sample().unwrap(), size);
    fresh.run();
    assert!((document_list_edge(&fresh) - edge).abs() < 1.0);
}

#[test]
fn the_view_menu_hides_and_shows_the_side_panels() {
    let size = (1000.0, 680.0);
    let mut harness = window(AppState::sample().unwrap(), size);
    harness.run();
    harness.get_by_label("Documents");
    harness.get_by_label("Spans");
    for item in ["Document list", "Side panel"] {
        harness.get_by_label("View").click();
        harness.run();
        harness.get_by_label_contains(item).click();
        harness.run();
    }
    assert!(harness.query_by_label("Documents").is_none());
    assert!(harness.query_by_label("Spans").is_none());
    let panels = harness.state().panels;
    assert!(!panels.documents && !panels.side);
    assert_fits(&harness, size, "main window without side panels");
    // The same menu brings a panel back.
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label_contains("Document list").click();
    harness.run();
    harness.get_by_label("Documents");
    assert!(harness.query_by_label("Spans").is_none());
}
