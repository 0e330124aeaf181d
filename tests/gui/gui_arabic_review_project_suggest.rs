//! The review, project, suggestion, export and reading-options windows in Arabic (issue
//! #23): their texts are the Arabic messages, drawn by the engine, mirrored (captions and
//! marks on the right), still running what they run, inside the window; and the digits
//! choice of the reading options.

#![allow(
    clippy::unwrap_used,
    reason = "fixture helpers fail the test that calls them"
)]

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use taliq::app::i18n::{Arg, Digits, Language, text};
use taliq::app::state::dialogs::Dialog;
use taliq::app::{AppState, Source, TaliqApp};
use taliq::model::{CharRange, Corpus, Document, Span};
use taliq::text::isolates::without_ordering_marks;

use crate::support;

/// Message `id` in the test thread's language, without variables.
fn ar(id: &str) -> String {
    text(id, &[])
}

/// Switches the window to Arabic (and the test thread with it) and draws a frame.
fn in_arabic(harness: &mut Harness<'_, TaliqApp>) {
    harness.state_mut().state.set_language(Language::Arabic);
    harness.run();
}

/// One document with three spans: the status bar counts them.
fn three_spans() -> AppState {
    let mut corpus = Corpus::with_default_labels();
    let mut doc = Document::new("d", "زار محمد القاهرة ثم عاد إلى بيروت مع سارة.");
    for (start, end, label) in [(4, 8, "PER"), (9, 16, "LOC"), (28, 33, "LOC")] {
        doc.add_span(Span::new(CharRange::new(start, end).unwrap(), label))
            .unwrap();
    }
    corpus.documents.push(doc);
    AppState::new(corpus, Source::Untitled)
}

/// Every widget of the window `id_salt` is inside it and on the screen, and no two of them
/// overlap. (The whole window's check, `gui_layout::assert_fits`, also looks at the side
/// panel's lists, whose scroll bar covers Arabic lines: see the report of issue #23.)
fn assert_window_fits(harness: &Harness<'_, TaliqApp>, id_salt: &str, what: &str) {
    let window = window_rect(harness, id_salt);
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1000.0, 680.0));
    assert!(
        screen.contains_rect(window),
        "{what}: {window:?} off the screen"
    );
    let window_node = harness.get_by_role_and_label(Role::Window, id_salt);
    let widgets: Vec<(String, egui::Rect)> = window_node
        .query_all(egui_kittest::kittest::by())
        .filter(|node| {
            matches!(
                node.accesskit_node().role(),
                Role::Button | Role::CheckBox | Role::RadioButton | Role::Label | Role::ComboBox
            )
        })
        // A field's inner text has no rectangle of its own.
        .filter(|node| node.accesskit_node().bounding_box().is_some())
        .map(|node| {
            let node_ref = node.accesskit_node();
            let name = node_ref
                .label()
                .or_else(|| node_ref.value())
                .unwrap_or_default();
            (name, node.rect())
        })
        .collect();
    assert!(widgets.len() >= 3, "{what}: only {} widgets", widgets.len());
    for (i, (name, rect)) in widgets.iter().enumerate() {
        assert!(
            window.expand(1.0).contains_rect(*rect),
            "{what}: {name} at {rect:?} outside its window {window:?}"
        );
        for (other, other_rect) in &widgets[i + 1..] {
            let overlap = rect.intersect(*other_rect);
            assert!(
                overlap.width() < 1.0 || overlap.height() < 1.0,
                "{what}: {name} {rect:?} overlaps {other} {other_rect:?}"
            );
        }
    }
}

/// The rectangle of the window `id_salt` (`interface::window`) as egui placed it.
fn window_rect(harness: &Harness<'_, TaliqApp>, id_salt: &str) -> egui::Rect {
    harness.get_by_role_and_label(Role::Window, id_salt).rect()
}

#[test]
fn western_digits_chosen_in_arabic_make_the_status_bar_count_read_3() {
    let mut harness = support::window(three_spans(), 1000.0, 680.0);
    harness.run();
    in_arabic(&mut harness);
    // The accessible name keeps no isolating marks.
    let arabic_indic = without_ordering_marks(&text("count-spans", &[("count", Arg::from(3))]));
    assert!(arabic_indic.contains('٣'), "{arabic_indic}");
    // In the status bar and in the document list's row.
    assert_eq!(harness.query_all_by_label(&arabic_indic).count(), 2);
    harness
        .state_mut()
        .state
        .dialogs
        .open(Dialog::ReadingOptions);
    harness.run();
    harness.get_by_label(&ar("reading-title"));
    harness.get_by_label(&ar("reading-digits-western")).click();
    harness.run();
    harness.run();
    assert_eq!(harness.state().state.prefs.digits, Digits::Western);
    let western = without_ordering_marks(&text("count-spans", &[("count", Arg::from(3))]));
    assert!(western.contains('3') && !western.contains('٣'), "{western}");
    assert_eq!(harness.query_all_by_label(&western).count(), 2);
    assert!(harness.query_by_label(&arabic_indic).is_none());
    // And back.
    harness
        .get_by_label(&ar("reading-digits-arabic-indic"))
        .click();
    harness.run();
    harness.run();
    assert_eq!(harness.state().state.prefs.digits, Digits::ArabicIndic);
}

#[test]
fn the_reading_options_in_arabic_put_captions_and_first_choices_on_the_right() {
    let mut harness = support::window(three_spans(), 1000.0, 680.0);
    harness.run();
    in_arabic(&mut harness);
    harness
        .state_mut()
        .state
        .dialogs
        .open(Dialog::ReadingOptions);
    harness.run();
    harness.run();
    assert_window_fits(&harness, "reading-options", "reading options in Arabic");
    // Each caption right of its control.
    let caption = harness.get_by_label(&ar("reading-harakat")).rect();
    let checkbox = harness
        .get_by_role_and_label(Role::CheckBox, &ar("reading-show-harakat"))
        .rect();
    assert!(caption.min.x >= checkbox.max.x, "{caption:?} {checkbox:?}");
    // The check box's mark at its right, its text left of it.
    let marks: Vec<egui::Rect> = harness
        .output()
        .shapes
        .iter()
        .filter_map(|clipped| match &clipped.shape {
            egui::Shape::Rect(r) if checkbox.expand(1.0).contains_rect(r.rect) => Some(r.rect),
            _ => None,
        })
        .collect();
    assert!(
        marks.iter().any(|m| m.center().x > checkbox.center().x),
        "the box at the right: {marks:?} in {checkbox:?}"
    );
    // The first choice (Arabic-Indic digits) at the right.
    let indic = harness
        .get_by_label(&ar("reading-digits-arabic-indic"))
        .rect();
    let western = harness.get_by_label(&ar("reading-digits-western")).rect();
    assert!(indic.min.x > western.max.x, "{indic:?} {western:?}");
    // The harakat check box still hides them.
    harness
        .get_by_role_and_label(Role::CheckBox, &ar("reading-show-harakat"))
        .click();
    harness.run();
    assert!(!harness.state().reading.show_harakat);
}

#[test]
fn the_review_panel_and_agreement_window_speak_arabic_and_still_decide() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = support::review_window(dir.path(), 1000.0, 680.0);
    in_arabic(&mut harness);
    harness.get_by_label(&ar("review-heading"));
    harness.get_by_label(&ar("review-span-candidates"));
    harness.get_by_label(&ar("review-tiers"));
    let (reviewed, total) =
        taliq::review::session::ReviewSession::progress(&harness.state().state.corpus);
    assert_eq!((reviewed, total), (0, 1));
    harness.get_by_label("رُوجع ٠ من ١ مستندات");
    // Accept all agreed: the status line says so in Arabic.
    harness
        .get_by_label(&ar("review-accept-all-agreed"))
        .click();
    harness.run();
    let message = harness.state().state.message.clone();
    assert!(message.starts_with("قُبل"), "{message}");
    assert!(
        !harness.state().state.corpus.documents[0].spans().is_empty(),
        "agreed spans in gold"
    );
    // The agreement window, titled and labelled in Arabic, its heat map inside it.
    harness.get_by_label(&ar("review-agreement-charts")).click();
    harness.run();
    harness.run();
    assert!(support::dialog_open(&harness, Dialog::Agreement));
    harness.get_by_label(&ar("review-agreement-title"));
    harness.get_by_label(&ar("review-per-label"));
    harness.get_by_label(&ar("review-measure-cohen-kappa"));
    let window = window_rect(&harness, "agreement");
    let heat_map = harness.get_by_label(&ar("review-heat-map-name")).rect();
    // The heat map starts inside the window (the window scrolls to the rest).
    assert!(
        window.contains(heat_map.left_top()),
        "{heat_map:?} in {window:?}"
    );
    assert_window_fits(&harness, "agreement", "agreement window in Arabic");
    // Its close button closes it.
    harness.get_by_label(&ar("window-close")).click();
    harness.run();
    assert!(!support::dialog_open(&harness, Dialog::Agreement));
}

#[test]
fn the_mark_reviewed_question_asks_in_arabic_with_arabic_indic_counts() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = support::review_window(dir.path(), 1000.0, 680.0);
    in_arabic(&mut harness);
    harness.get_by_label(&ar("review-mark-reviewed")).click();
    harness.run();
    assert!(support::dialog_open(&harness, Dialog::MarkReviewed));
    harness.get_by_label(&ar("review-mark-question-title"));
    let (pending, conflicts) = harness.state().state.pending_at_mark().unwrap();
    assert_eq!(pending, 16);
    let question = taliq::app::review::describe_pending(pending, conflicts);
    assert!(
        without_ordering_marks(&question).contains("١٦ مرشَّحًا معلَّقًا"),
        "{question}"
    );
    harness.get_by_label(&format!("{}.", without_ordering_marks(&question)));
    assert_window_fits(
        &harness,
        "mark-reviewed",
        "mark-reviewed question in Arabic",
    );
    harness.get_by_label(&ar("review-go-back")).click();
    harness.run();
    assert!(!support::dialog_open(&harness, Dialog::MarkReviewed));
    assert_eq!(
        harness.state().state.message,
        ar("state-gone-back-from-marking")
    );
}

#[test]
fn the_suggestions_panel_in_arabic_trains_from_its_arabic_button() {
    let mut harness = support::window(three_spans(), 1000.0, 680.0);
    harness.state_mut().state.prefs.suggest.enabled = true;
    harness.run();
    in_arabic(&mut harness);
    harness.get_by_label(&ar("suggest-section-suggestions"));
    harness.get_by_label(&ar("suggest-section-tagger"));
    harness.get_by_label(&ar("suggest-not-trained"));
    // The check box's text at the right of the panel's line, its box right of the text.
    let show = harness
        .get_by_role_and_label(Role::CheckBox, &ar("suggest-show"))
        .rect();
    let panel_side = harness.get_by_label(&ar("suggest-section-tagger")).rect();
    assert!(
        (show.max.x - panel_side.max.x).abs() < 2.0,
        "both start at the panel's right edge: {show:?} {panel_side:?}"
    );
    harness.get_by_label(&ar("suggest-train-now")).click();
    harness.run();
    assert!(harness.state().state.suggest.training.is_some());
    assert_eq!(harness.state().state.message, ar("suggest-training"));
    let cancel_text = ar("suggest-cancel-training");
    let cancel = harness.get_by_label(&cancel_text);
    // By AccessKit: the progress line above it changes each frame and may move it.
    cancel.click_accesskit();
    harness.run();
    assert!(harness.state().state.suggest.training.is_none());
}

#[test]
fn the_export_dialog_in_arabic_mirrors_its_grid_and_refuses_in_arabic() {
    let mut harness = support::window(three_spans(), 1000.0, 680.0);
    harness.run();
    in_arabic(&mut harness);
    harness.state_mut().state.dialogs.open(Dialog::Export);
    harness.run();
    harness.run();
    harness.get_by_label(&ar("export-title"));
    assert_window_fits(&harness, "export-dialog", "export dialog in Arabic");
    // The caption (its column of radio buttons is named by it too, with no rectangle).
    let caption = harness
        .query_all(egui_kittest::kittest::by())
        .find(|node| {
            let node = node.accesskit_node();
            node.role() == Role::Label && node.value().as_deref() == Some(&ar("export-format"))
        })
        .unwrap()
        .rect();
    let jsonl = harness
        .get_by_role_and_label(Role::RadioButton, &ar("export-format-jsonl"))
        .rect();
    assert!(caption.min.x >= jsonl.max.x, "{caption:?} {jsonl:?}");
    harness.get_by_label(&ar("export-format-conll")).click();
    harness.run();
    harness.get_by_label(&ar("export-align-split"));
    harness.get_by_label(&ar("export-run")).click();
    harness.run();
    harness.get_by_label(&ar("export-choose-where"));
}

/// The texts egui painted itself (not the engine) inside `area`: a chart's ticks, a
/// value on hover, a heat map's counts.
fn painted_by_egui(harness: &Harness<'_, TaliqApp>, area: egui::Rect) -> Vec<String> {
    fn collect(shape: &egui::Shape, area: egui::Rect, out: &mut Vec<String>) {
        match shape {
            egui::Shape::Text(text) if area.contains(text.pos) => {
                out.push(text.galley.text().to_owned());
            }
            egui::Shape::Vec(shapes) => {
                for shape in shapes {
                    collect(shape, area, out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    for clipped in &harness.output().shapes {
        collect(&clipped.shape, area, &mut out);
    }
    out.retain(|text| !text.trim().is_empty());
    out
}

/// Whether `texts` hold Arabic-Indic digits and no Western ones.
fn in_arabic_indic_digits(texts: &[String]) -> bool {
    let all: String = texts.concat();
    all.chars().any(|c| ('\u{0660}'..='\u{0669}').contains(&c))
        && !all.chars().any(|c| c.is_ascii_digit())
}

#[test]
fn the_charts_write_their_numbers_in_the_digits_in_force() {
    // The agreement window: the bars' scale and the heat map's counts.
    let dir = tempfile::tempdir().unwrap();
    let mut harness = support::review_window(dir.path(), 1000.0, 680.0);
    in_arabic(&mut harness);
    harness.state_mut().state.dialogs.open(Dialog::Agreement);
    harness.run();
    harness.run();
    let texts = painted_by_egui(&harness, window_rect(&harness, "agreement"));
    assert!(in_arabic_indic_digits(&texts), "{texts:?}");
    // Western digits chosen: the same numbers in them.
    harness.state_mut().state.prefs.digits = Digits::Western;
    harness.run();
    harness.run();
    let texts = painted_by_egui(&harness, window_rect(&harness, "agreement"));
    let all = texts.concat();
    assert!(
        all.chars().any(|c| c.is_ascii_digit())
            && !all.chars().any(|c| ('\u{0660}'..='\u{0669}').contains(&c)),
        "{texts:?}"
    );

    // The tagger's learning curve (F1 against documents trained on), and the panel's own
    // values (the threshold, retraining), in a window tall enough to show them.
    let mut harness = support::window(three_spans(), 1000.0, 1000.0);
    harness.state_mut().state.prefs.suggest.enabled = true;
    harness.state_mut().state.suggest.quality = Some(taliq::app::suggest::Quality {
        scores: taliq::suggest::tagger::metrics::Scores::default(),
        folds: 5,
        scheme: taliq::suggest::tagger::Scheme::Documents,
        curve: vec![[4.0, 0.41], [8.0, 0.58], [12.0, 0.66], [16.0, 0.71]],
    });
    harness.run();
    in_arabic(&mut harness);
    harness.run();
    let caption = harness.get_by_label(&ar("suggest-curve-documents")).rect();
    let chart = egui::Rect::from_min_max(
        egui::pos2(0.0, caption.max.y),
        egui::pos2(1000.0, caption.max.y + 140.0),
    );
    let texts = painted_by_egui(&harness, chart);
    assert!(
        in_arabic_indic_digits(&texts),
        "{texts:?} under {caption:?}"
    );
    let everywhere = painted_by_egui(&harness, egui::Rect::EVERYTHING);
    assert!(in_arabic_indic_digits(&everywhere), "{everywhere:?}");
}
