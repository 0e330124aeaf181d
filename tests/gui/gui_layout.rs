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
    /// The scroll bars of the scrolling lists it is in (the nearest first), of those that
    /// scroll: each spans its list's view from top to bottom.
    scroll_bars: Vec<Rect>,
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
            scroll_bars: scroll_bars_of(node),
        });
    }
    found
}

/// The vertical scroll bars of the scrolling lists `node` is in, the nearest first: egui
/// gives a bar a node beside the list's contents, and only while the list has more than it
/// shows.
fn scroll_bars_of(node: egui_kittest::Node<'_>) -> Vec<Rect> {
    let mut bars = Vec::new();
    let mut parent = node.parent();
    while let Some(p) = parent {
        // Its list's bar: egui puts a list's bar after the list's contents among their
        // parent's children (sections under one heading may each have a list and a bar).
        let children: Vec<_> = p.children().collect();
        let holder = children.iter().position(|c| {
            let id = c.accesskit_node().id();
            std::iter::successors(Some(node), NodeT::parent).any(|a| a.accesskit_node().id() == id)
        });
        let bar = holder.and_then(|at| {
            children[at..].iter().find(|c| {
                let a = c.accesskit_node();
                a.role() == Role::ScrollBar && a.bounding_box().is_some() && {
                    let r = c.rect();
                    r.height() > r.width()
                }
            })
        });
        if let Some(bar) = bar {
            bars.push(bar.rect());
        }
        if matches!(p.accesskit_node().role(), Role::Pane | Role::Window) {
            break;
        }
        parent = p.parent();
    }
    bars
}

/// Every problem of the current frame: a widget cut by its dialog or outside the window
/// (panels: sideways; only the rows of a scrolling list whose scroll bar is in the window may
/// be out of view vertically), a widget under its list's scroll bar, or two widgets of one
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
                // A list shows what lies between its bar's ends.
                let in_view = w
                    .scroll_bars
                    .iter()
                    .all(|bar| w.rect.min.y >= bar.min.y - 0.5 && w.rect.max.y <= bar.max.y + 0.5);
                let whole = inside(screen, w.rect) && in_view;
                // A row out of view is fine when a list in the window scrolls to it.
                let reachable = w.scroll_bars.iter().any(|bar| inside(screen, *bar));
                if !whole && !reachable {
                    problems.push(format!(
                        "{} at {:?} is out of view and no scroll bar in the window reaches it",
                        w.what, w.rect
                    ));
                }
                whole
            }
        };
        if let Some(&bar) = w.scroll_bars.first() {
            let under = w.rect.intersect(bar);
            if visible && under.width() > 0.5 && under.height() > 1.0 {
                problems.push(format!(
                    "{} at {:?} is under the scroll bar {bar:?}",
                    w.what, w.rect
                ));
            }
        }
        if visible && !inside(screen, w.rect) {
            problems.push(format!("{} at {:?} is outside the window", w.what, w.rect));
        }
        if visible {
            shown.push(w);
        }
    }
    for (i, a) in shown.iter().enumerate() {
        for b in &shown[i + 1..] {
            // A label naming a widget (a combo box's caption) is part of it. Dialogs lie
            // over the panels; panels never overlap one another.
            let panels = matches!((a.group, b.group), (Group::Panel(_), Group::Panel(_)));
            if (a.group != b.group && !panels) || a.name == b.name {
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

pub(crate) fn window(state: AppState, (w, h): (f32, f32)) -> Harness<'static, TaliqApp> {
    let mut harness = support::window(state, w, h);
    harness.run();
    harness
}

pub(crate) fn assert_fits(harness: &Harness<'_, TaliqApp>, size: (f32, f32), what: &str) {
    assert_fits_scrolling(harness, size, what, false);
}

/// As [`assert_fits`]; a dialog that scrolls may cut its rows at its edges.
pub(crate) fn assert_fits_scrolling(
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
            // In English, and in Arabic with the window mirrored.
            for language in taliq::app::i18n::Language::ALL {
                let mut harness = window(AppState::sample().unwrap(), size);
                harness.state_mut().state.set_language(language);
                open(harness.state_mut());
                harness.run();
                harness.run();
                let what = format!("{what} ({language:?})");
                assert_fits_scrolling(&harness, size, &what, scrolls);
            }
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
        // At its default size, the window shows the heat map whole.
        // The window's accessible node is named by its id (its title is a heading in it).
        let window = harness
            .get_by_role_and_label(egui::accesskit::Role::Window, "agreement")
            .rect();
        let heat_map = harness.get_by_label("label confusion heat map").rect();
        let screen = Rect::from_min_size(egui::Pos2::ZERO, Vec2::new(size.0, size.1));
        assert!(
            window.contains_rect(heat_map) && screen.contains_rect(window),
            "at {size:?} the heat map at {heat_map:?} is cut by its window {window:?}"
        );
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

/// The side panel's fixture: the sample article with relation types, eight relations and
/// three document labels, opened with its first span (الكرملين) picked.
fn picked_span_with_relations_and_document_labels() -> AppState {
    let text = std::fs::read_to_string("tests/fixtures/side_panel.json").unwrap();
    let corpus = taliq::format::parse_corpus(text.as_bytes(), taliq::format::Form::Json).unwrap();
    let mut state = AppState::new(corpus, taliq::app::Source::Untitled);
    let span = state.corpus.documents[0].spans()[0].clone();
    state.pick = taliq::annotate::pick::Pick::span(span.range, &span.label);
    state
}

/// Whether the span list is in reach: its heading, and the first span's row (its text,
/// drawn by the engine) below it, whole in the window.
fn assert_span_list_in_reach(harness: &Harness<'_, TaliqApp>, size: (f32, f32), first: &str) {
    let screen = Rect::from_min_size(egui::Pos2::ZERO, Vec2::new(size.0, size.1));
    let heading = harness.get_by_label("Spans").rect();
    assert!(
        screen.contains_rect(heading),
        "the Spans heading at {heading:?} is out of the window at {size:?}"
    );
    let row = harness
        .query_all_by_label(first)
        .map(|node| node.rect())
        .find(|rect| rect.min.y > heading.max.y)
        .unwrap_or_else(|| panic!("no span row {first:?} under the heading at {size:?}"));
    assert!(
        screen.contains_rect(row),
        "the first span's row at {row:?} is out of the window at {size:?}"
    );
}

#[test]
fn a_picked_span_with_relations_and_document_labels_keeps_the_span_list_in_reach() {
    for size in SIZES {
        let harness = window(picked_span_with_relations_and_document_labels(), size);
        harness.get_by_label("Note on the picked span");
        harness.get_by_label("Document labels");
        harness.get_by_label("Relations");
        assert_fits(
            &harness,
            size,
            "picked span with relations and document labels",
        );
        assert_span_list_in_reach(&harness, size, "الكرملين");
    }
}

#[test]
fn side_panel_sections_fold_and_stay_folded_in_the_next_session() {
    let size = (1000.0, 680.0);
    let relation = "الكرملين → موسكو";
    let mut harness = window(picked_span_with_relations_and_document_labels(), size);
    harness.get_by_label(relation);
    for section in ["Document labels", "Relations"] {
        harness.get_by_label(section).click();
        harness.run();
        harness.run();
    }
    assert!(harness.query_by_label("diplomacy").is_none());
    assert!(harness.query_by_label(relation).is_none());
    assert_fits(&harness, size, "side panel with folded sections");
    assert_span_list_in_reach(&harness, size, "الكرملين");
    // Open again with egui's memory of this run, as eframe gives it back at the next start.
    let saved = harness.ctx.memory(ron::to_string).unwrap();
    let mut next = window(picked_span_with_relations_and_document_labels(), size);
    next.ctx
        .memory_mut(|memory| *memory = ron::from_str(&saved).unwrap());
    next.run();
    next.run();
    assert!(next.query_by_label("diplomacy").is_none());
    assert!(next.query_by_label(relation).is_none());
    next.get_by_label("show suggestions");
    // A click unfolds a section again.
    next.get_by_label("Relations").click();
    next.run();
    next.run();
    next.get_by_label(relation);
}

/// The sample with a trained tagger's cross-validated quality: a row per label, micro, and
/// a learning curve.
fn trained_tagger() -> AppState {
    use taliq::suggest::tagger::{Counts, Scheme, Scores};
    let mut state = AppState::sample().unwrap();
    let counts = |tp, fp, fn_| Counts {
        true_positives: tp,
        false_positives: fp,
        false_negatives: fn_,
    };
    let mut scores = Scores::default();
    for (label, c) in [
        ("DATE", counts(40, 5, 9)),
        ("LOC", counts(310, 40, 52)),
        ("MISC", counts(12, 9, 30)),
        ("ORG", counts(150, 30, 41)),
        ("PER", counts(280, 22, 35)),
    ] {
        scores.labels.insert(label.to_owned(), c);
    }
    state.suggest.quality = Some(taliq::app::suggest::worker::Quality {
        scores,
        folds: 5,
        scheme: Scheme::Documents,
        curve: vec![[4.0, 0.41], [8.0, 0.55], [12.0, 0.63], [16.0, 0.68]],
    });
    state
}

#[test]
fn a_trained_taggers_quality_table_fits_and_shows_whole_once_the_sections_above_fold() {
    for size in SIZES {
        let mut harness = window(trained_tagger(), size);
        harness.get_by_label("Tagger quality");
        assert_fits(&harness, size, "trained tagger with its quality table");
        assert_span_list_in_reach(&harness, size, "الكرملين");
        for above in ["Suggestions", "Tagger"] {
            harness.get_by_label(above).click();
            harness.run();
            harness.run();
        }
        let screen = Rect::from_min_size(egui::Pos2::ZERO, Vec2::new(size.0, size.1));
        // The table's first and last rows.
        for cell in ["label", "micro"] {
            let rect = harness.get_by_label(cell).rect();
            assert!(
                screen.contains_rect(rect),
                "{cell} at {rect:?} is out of the window at {size:?}"
            );
        }
        assert_fits(
            &harness,
            size,
            "quality table with the sections above folded",
        );
    }
}

/// The Arabic lines of a scrolling list: each must end left of the list's scroll bar
/// (right-aligned, an Arabic line starts at its right end). Returns how many were seen.
fn assert_arabic_lines_clear_of_scroll_bars(harness: &Harness<'_, TaliqApp>, what: &str) -> usize {
    let arabic = |name: &str| name.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c));
    let mut seen = 0;
    for w in widgets(harness, true) {
        let Some(&bar) = w.scroll_bars.first() else {
            continue;
        };
        if !arabic(&w.name) || w.rect.max.y < bar.min.y || w.rect.min.y > bar.max.y {
            continue;
        }
        seen += 1;
        assert!(
            w.rect.max.x <= bar.min.x + 0.5,
            "{what}: {} at {:?} reaches under the scroll bar {bar:?}",
            w.what,
            w.rect
        );
    }
    seen
}

#[test]
fn arabic_lines_of_the_span_list_and_the_review_candidates_end_before_the_scroll_bar() {
    let size = (1000.0, 680.0);
    let harness = window(AppState::sample().unwrap(), size);
    let spans = assert_arabic_lines_clear_of_scroll_bars(&harness, "span list");
    assert!(spans >= 5, "only {spans} span lines beside a scroll bar");

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
    let harness = window(state, size);
    let candidates = assert_arabic_lines_clear_of_scroll_bars(&harness, "review candidates");
    // Four rows at least are in sight under the panel's sections at this height.
    assert!(
        candidates >= 4,
        "only {candidates} candidate lines beside a scroll bar"
    );
}

#[test]
fn a_relation_too_long_for_the_side_panel_is_cut_short_and_shown_whole_on_hover() {
    // Issue #25 item 6: long relation lines were clipped at the side panel's edge.
    let size = (1000.0, 680.0);
    let text = std::fs::read_to_string("tests/fixtures/side_panel.json").unwrap();
    let mut json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let second = &mut json["documents"][0]["relations"][1];
    second["from"] = "T8".into();
    second["to"] = "T10".into();
    let corpus =
        taliq::format::parse_corpus(json.to_string().as_bytes(), taliq::format::Form::Json)
            .unwrap();
    let relation = "السفارة الأميركية في موسكو → أنطونيو غوتيريش";
    let mut harness = window(AppState::new(corpus, taliq::app::Source::Untitled), size);
    let row = harness.get_by_label(relation).rect();
    assert!(
        row.max.x <= size.0,
        "the relation's row at {row:?} stays in the window"
    );
    harness.get_by_label(relation).hover();
    harness.run();
    harness.run();
    assert_eq!(
        harness.query_all_by_label(relation).count(),
        2,
        "the whole relation in a tooltip"
    );
}

#[test]
fn the_note_field_has_a_border_in_the_light_theme() {
    // Issue #25 item 12: an idle field in the light theme had no edge at all.
    let mut harness = support::window(
        picked_span_with_relations_and_document_labels(),
        1000.0,
        680.0,
    );
    harness.ctx.set_theme(egui::Theme::Light);
    harness.run();
    harness.run();
    // The fields in view (the suggestions' value fields below the note's are scrolled away).
    let fields: Vec<Rect> = harness
        .get_all_by_role(Role::TextInput)
        .filter(|n| {
            // Inside the panel's own list: its scroll bar, the outermost, spans its view.
            let rect = n.rect();
            scroll_bars_of(*n)
                .last()
                .is_none_or(|bar| rect.min.y >= bar.min.y - 0.5 && rect.max.y <= bar.max.y + 0.5)
        })
        .map(|n| n.rect())
        .collect();
    assert!(!fields.is_empty());
    let panel = egui::Visuals::light().panel_fill;
    for field in fields {
        let framed = harness
            .output()
            .shapes
            .iter()
            .any(|clipped| match &clipped.shape {
                egui::Shape::Rect(r) => {
                    r.rect.center().distance(field.center()) < 1.0
                        && r.stroke.width > 0.0
                        && r.stroke.color.a() > 0
                        && r.stroke.color != panel
                }
                _ => false,
            });
        assert!(framed, "the field at {field:?} has no border");
    }
}
