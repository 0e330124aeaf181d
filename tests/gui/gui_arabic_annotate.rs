//! The annotating parts of the window in Arabic (issue #23): the label palette, the find
//! bar, the document list, the side panel's span list and relation sections, and the label
//! editor show Arabic messages drawn by the engine, laid out right to left, still run what
//! they run, and fit the window at 1000×680.

#![allow(
    clippy::unwrap_used,
    reason = "fixture helpers fail the test that calls them"
)]

use egui::Modifiers;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use taliq::app::i18n::{Arg, Language, text};
use taliq::app::{AppState, TaliqApp};
use taliq::text::isolates::without_ordering_marks;

use crate::gui_layout::assert_fits;
use crate::support;

const SIZE: (f32, f32) = (1000.0, 680.0);

/// Message `id` as its widget's accessible name (without the isolates around its values).
fn name(id: &str, args: &[(&str, Arg)]) -> String {
    without_ordering_marks(&text(id, args))
}

/// The side panel's fixture: the sample article with relation types, relations and
/// document labels, its first span (الكرملين) picked.
fn with_relations() -> AppState {
    let json = std::fs::read_to_string("tests/fixtures/side_panel.json").unwrap();
    let corpus = taliq::format::parse_corpus(json.as_bytes(), taliq::format::Form::Json).unwrap();
    let mut state = AppState::new(corpus, taliq::app::Source::Untitled);
    let span = state.corpus.documents[0].spans()[0].clone();
    state.pick = taliq::annotate::pick::Pick::span(span.range, &span.label);
    state
}

#[test]
fn the_palette_is_arabic_runs_right_to_left_and_its_controls_still_work() {
    let mut harness = support::arabic_window(AppState::sample().unwrap());
    let snap = harness.get_by_label("التحديد بكلمات كاملة").rect();
    let edit = harness.get_by_label("تحرير الوسوم").rect();
    // The row starts at the right: the labels, then "edit labels", then the check boxes.
    assert!(
        edit.min.x > snap.max.x,
        "edit labels at {edit:?} should be right of the check box at {snap:?}"
    );
    let per = harness.get_by_label("1 PER").rect();
    assert!(
        per.min.x > edit.max.x,
        "the first label at {per:?} starts the row at the right"
    );
    harness.get_by_label("الاختصارات: F1");

    let words = harness.state().state.prefs.snap.words;
    harness.get_by_label("التحديد بكلمات كاملة").click();
    harness.run();
    assert_eq!(harness.state().state.prefs.snap.words, !words);

    harness.get_by_label("تحرير الوسوم").click();
    harness.run();
    assert!(
        harness.state().state.label_drafts.is_some(),
        "the label editor opened"
    );
}

#[test]
fn the_find_bar_is_arabic_with_arabic_digits_and_labels_every_match() {
    let mut harness = support::arabic_window(AppState::sample().unwrap());
    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::F);
    harness.run();
    harness.get_by_label("بحث:");
    harness.get_by_label("داخل الكلمات");
    {
        let state = &mut harness.state_mut().state;
        state.search.query = "روسيا".to_owned();
        state.refresh_search();
    }
    harness.run();
    assert_eq!(harness.state().state.search.matches.len(), 10);
    // Ten takes the plural, in Arabic-Indic digits.
    harness.get_by_label("١٠ نتائج");

    harness.get_by_label("كل المستندات").click();
    harness.run();
    assert!(harness.state().state.search.whole_corpus);
    harness.get_by_label("مستند واحد، ١٠ نتائج (١٠ هنا)");
    assert_fits(&harness, SIZE, "the Arabic find bar");

    let label_all = name("annotate-label-all", &[("label", Arg::from("PER"))]);
    harness.get_by_label(&label_all).click();
    harness.run();
    let message = without_ordering_marks(&harness.state().state.message);
    assert_eq!(message, "أُضيف PER إلى ١٠ نتائج");
}

#[test]
fn the_document_list_names_statuses_in_arabic_and_filters_by_them() {
    let mut harness = support::arabic_window(AppState::sample().unwrap());
    harness.get_by_label("المستندات");
    // The filter's button and the document's row.
    assert_eq!(harness.query_all_by_label("قيد التعليق").count(), 2);
    let spans = harness.state().state.corpus.documents[0].spans().len();
    assert_eq!(spans, 12);
    assert!(harness.query_all_by_label("١٢ مقطعًا").count() >= 1);

    harness.get_by_label("منجَز").click();
    harness.run();
    assert_eq!(
        harness.state().state.status_filter,
        Some(taliq::model::Status::Done)
    );
    harness.get_by_label("الكل").click();
    harness.run();
    assert_eq!(harness.state().state.status_filter, None);
}

#[test]
fn the_side_panel_sections_are_arabic_headed_fold_and_fit() {
    let mut harness = support::arabic_window(with_relations());
    for title in [
        "وسوم المستند",
        "ملاحظة على المقطع المختار",
        "العلاقات",
        "المقاطع",
    ] {
        harness.get_by_label(title);
    }
    harness.get_by_label("حفظ الملاحظة (Enter)");
    assert_fits(&harness, SIZE, "the Arabic side panel");

    // The heading is the fold's button, its place in memory the same as in English.
    harness.get_by_label("العلاقات").click();
    harness.run();
    assert!(harness.query_by_label("حذف (Del)").is_none());
    harness.get_by_label("العلاقات").click();
    harness.run();

    // A relation picked by its row's tag: its id and the delete button, which deletes it
    // (the sections above folded, so that the button is in the sections' view).
    harness.get_by_label("وسوم المستند").click();
    harness.run();
    let relations = harness.state().state.corpus.documents[0].relations().len();
    let first = harness.state().state.corpus.documents[0].relations()[0].clone();
    harness
        .get_all_by_label(&first.label)
        .next()
        .unwrap()
        .click();
    harness.run();
    let id = first.id;
    harness.get_by_label(&format!("{id}:"));
    harness.get_by_label("حذف (Del)").click();
    harness.run();
    assert_eq!(
        harness.state().state.corpus.documents[0].relations().len(),
        relations - 1
    );
    let message = without_ordering_marks(&harness.state().state.message);
    assert_eq!(message, format!("حُذفت العلاقة {id}"));
}

#[test]
fn the_label_editor_is_arabic_mirrored_and_applies() {
    let mut harness = support::arabic_window(with_relations());
    harness.state_mut().state.edit_labels();
    harness.run();
    harness.get_by_label("الوسوم");
    harness.get_by_label("أنواع العلاقات");
    harness.get_by_label("وسوم المستندات");
    // The grid's columns run right to left: the name first, at the right.
    let names = harness.get_all_by_label("الاسم").next().unwrap().rect();
    let description = harness.get_by_label("الوصف").rect();
    assert!(
        names.min.x > description.max.x,
        "the name column at {names:?} should be right of the description at {description:?}"
    );
    assert_fits(&harness, SIZE, "the Arabic label editor");

    let before = harness.state().state.label_drafts.as_ref().unwrap().len();
    harness.get_by_label("إضافة وسم").click();
    harness.run();
    assert_eq!(
        harness.state().state.label_drafts.as_ref().unwrap().len(),
        before + 1
    );
    harness.get_by_label("تطبيق").click();
    harness.run();
    assert!(
        harness.state().state.label_drafts.is_none(),
        "applied and closed"
    );
    assert_eq!(harness.state().state.corpus.labels.len(), before + 1);
    assert_eq!(harness.state().state.message, "تغيَّرت الوسوم");
}

#[test]
fn the_main_window_fits_in_arabic() {
    let harness = support::arabic_window(AppState::sample().unwrap());
    assert_fits(&harness, SIZE, "the Arabic main window");
}

/// The rectangle of the text field holding `value` (a label's name, a description).
fn field(harness: &Harness<'_, TaliqApp>, value: &str) -> egui::Rect {
    harness
        .query_all(egui_kittest::kittest::by().role(egui::accesskit::Role::TextInput))
        .find(|node| node.accesskit_node().value().as_deref() == Some(value))
        .unwrap_or_else(|| panic!("no field holds {value:?}"))
        .rect()
}

#[test]
fn the_label_editor_s_column_headings_start_where_their_column_reads_from() {
    for language in Language::ALL {
        let mut harness = support::window(with_relations(), SIZE.0, SIZE.1);
        harness.state_mut().state.set_language(language);
        harness.state_mut().state.edit_labels();
        for _ in 0..3 {
            harness.run();
        }
        let mut names: Vec<egui::Rect> = harness
            .get_all_by_label(&text("labels-column-name", &[]))
            .map(|node| node.rect())
            .collect();
        names.sort_by(|a, b| a.min.y.total_cmp(&b.min.y));
        let description = harness
            .get_by_label(&text("labels-column-description", &[]))
            .rect();
        // Each heading over its column's fields (the label PER, its description شخص, the
        // relation type met), at the column's right edge in Arabic, its left in English.
        for (heading, cell) in [
            (names[0], field(&harness, "PER")),
            (description, field(&harness, "شخص")),
            (names[1], field(&harness, "met")),
        ] {
            let (from_heading, from_cell) = if language.is_rtl() {
                (heading.max.x, cell.max.x)
            } else {
                (heading.min.x, cell.min.x)
            };
            assert!(
                heading.width() < cell.width() - 10.0 && (from_heading - from_cell).abs() < 2.0,
                "{language:?}: the heading at {heading:?} over {cell:?}"
            );
            assert!(
                heading.max.y <= cell.min.y,
                "{language:?}: above its column"
            );
        }
        // A heading about as wide as its cells (the key's) stands over them all the same.
        let key = harness
            .get_all_by_label(&text("labels-column-key", &[]))
            .filter(|node| node.accesskit_node().role() == egui::accesskit::Role::Label)
            .map(|node| node.rect())
            .min_by(|a, b| a.min.y.total_cmp(&b.min.y))
            .unwrap();
        let cell = field(&harness, "1");
        let shared = key.x_range().max.min(cell.max.x) - key.min.x.max(cell.min.x);
        assert!(
            shared > key.width().min(cell.width()) - 2.0,
            "{language:?}: the key's heading at {key:?} over {cell:?}"
        );
    }
    taliq::app::i18n::set_locale(Language::English, taliq::app::i18n::Digits::Western);
}

/// Where the engine puts the source's first letter, the arrow and the target's first
/// letter of the relation line of `from` and `to` (as the side panel draws it), left to
/// right: their x centres.
fn relation_parts_x(from: &str, to: &str) -> (f32, f32, f32) {
    use taliq::text::layout::{LayoutConfig, TextLayout};
    let line = taliq::app::widgets::relation_line(from, to);
    let mut fonts = taliq::text::fonts::font_system(false);
    let config = LayoutConfig::new(14.0, 10_000.0).with_family(taliq::text::fonts::UI_FAMILY);
    let mut layout = TextLayout::new(&line, config);
    let paragraph = layout.paragraph(&mut fonts, 0).clone();
    let chars: Vec<char> = line.chars().collect();
    let offset_of = |wanted: &dyn Fn(usize, char) -> bool| {
        chars
            .iter()
            .enumerate()
            .position(|(i, &c)| wanted(i, c))
            .unwrap()
    };
    let first = chars.iter().position(|c| from.starts_with(*c)).unwrap();
    let arrow = offset_of(&|_, c| c == '→' || c == '←');
    let target = offset_of(&|i, c| i > arrow && to.starts_with(c));
    let x_of = |offset: usize| {
        let grapheme = paragraph.lines[0]
            .graphemes
            .iter()
            .find(|g| g.chars.start() <= offset && offset < g.chars.end())
            .unwrap_or_else(|| panic!("no grapheme at {offset} of {line:?}"));
        f32::midpoint(grapheme.x0, grapheme.x1)
    };
    (x_of(first), x_of(arrow), x_of(target))
}

#[test]
fn a_relation_reads_from_its_source_to_its_target_in_the_interface_s_direction() {
    let pairs = [
        ("الكرملين", "موسكو"),
        ("Reuters", "موسكو"),
        ("Reuters", "AFP 2"),
    ];
    for language in Language::ALL {
        let mut harness = support::window(with_relations(), SIZE.0, SIZE.1);
        harness.state_mut().state.set_language(language);
        harness.run();
        harness.run();
        // The side panel's row, by its accessible name: the arrow points at the target.
        let arrow = if language.is_rtl() { "←" } else { "→" };
        harness.get_by_label(&format!("الكرملين {arrow} موسكو"));
        for (from, to) in pairs {
            let (source, arrow, target) = relation_parts_x(from, to);
            let in_order = if language.is_rtl() {
                source > arrow && arrow > target
            } else {
                source < arrow && arrow < target
            };
            assert!(
                in_order,
                "{language:?}: {from} at {source}, the arrow at {arrow}, {to} at {target}"
            );
        }
    }
    taliq::app::i18n::set_locale(Language::English, taliq::app::i18n::Digits::Western);
}
