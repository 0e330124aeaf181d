//! Relations, notes and document labels in the window (issue #14): made by keyboard and by
//! click, listed, relabelled and deleted; document labels as toggles; a note on a span;
//! the saved file as expected.

#![allow(
    clippy::unwrap_used,
    reason = "fixture helpers fail the test that calls them"
)]

use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use taliq::app::{AppState, TaliqApp};
use taliq::format::{Form, parse_corpus};

use crate::support;

/// The window on a copy of the relations fixture in `dir`, at 1000×700.
fn window(dir: &std::path::Path) -> Harness<'static, TaliqApp> {
    let path = dir.join("news.json");
    std::fs::copy("tests/fixtures/relations.json", &path).unwrap();
    let state = AppState::open(&path).unwrap();
    let mut harness = support::window(state, 1000.0, 700.0);
    harness.run();
    harness
}

fn pick_span(harness: &mut Harness<'_, TaliqApp>, index: usize) {
    let state = &mut harness.state_mut().state;
    let span = &state.corpus.documents[0].spans()[index];
    state.pick = taliq::annotate::pick::Pick::span(span.range, &span.label);
    harness.run();
}

/// The screen rectangle of span `index` (its first line's) as the last frame drew it.
fn span_rect(harness: &mut Harness<'_, TaliqApp>, index: usize) -> egui::Rect {
    let app = harness.state_mut();
    let range = app.state.corpus.documents[0].spans()[index].range;
    app.document_view
        .as_mut()
        .unwrap()
        .screen_rects(&mut app.engine.font_system, range)[0]
}

/// Clicks the middle of span `index` in the document, as a hand would.
fn click_span(harness: &mut Harness<'_, TaliqApp>, index: usize) {
    let at = span_rect(harness, index).center();
    harness.hover_at(at);
    harness.run();
    harness.drag_at(at);
    harness.run();
    harness.drop_at(at);
    harness.run();
}

fn type_key(harness: &mut Harness<'_, TaliqApp>, c: char) {
    harness.event(Event::Text(c.to_string()));
    harness.run();
}

/// (type, from span text, to span text) of the open document's relations.
fn relations(harness: &Harness<'_, TaliqApp>) -> Vec<(String, String, String)> {
    let doc = &harness.state().state.corpus.documents[0];
    let text = |id: &str| {
        doc.span_text(&doc.spans()[doc.span_by_id(id).unwrap()])
            .to_owned()
    };
    doc.relations()
        .iter()
        .map(|r| (r.label.clone(), text(&r.from), text(&r.to)))
        .collect()
}

/// The file as saved (Ctrl+S), read back.
fn save_and_read(
    harness: &mut Harness<'_, TaliqApp>,
    dir: &std::path::Path,
) -> taliq::model::Corpus {
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    let bytes = std::fs::read(dir.join("news.json")).unwrap();
    parse_corpus(&bytes, Form::Json).unwrap()
}

#[test]
fn a_relation_by_keyboard_then_one_by_click_listed_and_saved() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = window(dir.path());
    harness.get_by_label("Relations");

    // بوتينُ picked, the met key, Tab to the next span (أردوغانَ), Enter.
    pick_span(&mut harness, 0);
    type_key(&mut harness, 'm');
    assert!(harness.state().state.pick.as_draft().is_some());
    assert!(
        harness
            .state()
            .state
            .message
            .contains("pick the target span")
    );
    harness.key_press(Key::Tab);
    harness.run();
    // The target is named (it may be off screen; the view goes to it).
    let said = harness.state().state.message.clone();
    assert!(
        said.contains("أردوغانَ") && said.contains("(PER)") && said.contains("2 of 5"),
        "{said}"
    );
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(
        relations(&harness),
        [("met".into(), "بوتينُ".into(), "أردوغانَ".into())]
    );

    // Reuters picked, the based_in key, then a click on موسكو in the span list.
    pick_span(&mut harness, 3);
    type_key(&mut harness, 'b');
    click_span(&mut harness, 4);
    assert_eq!(relations(&harness).len(), 2);
    assert_eq!(
        relations(&harness)[1],
        ("based_in".into(), "Reuters".into(), "موسكو".into())
    );
    // Listed: the type, then the two spans' texts, arrow between them in reading order.
    harness.get_by_label("بوتينُ → أردوغانَ");
    harness.get_by_label("Reuters → موسكو");

    // Escape gives a relation up; a type that does not fit is refused and said so.
    pick_span(&mut harness, 2);
    type_key(&mut harness, 'm');
    harness.key_press(Key::Tab);
    harness.key_press(Key::Enter);
    harness.run();
    assert!(
        harness
            .state()
            .state
            .message
            .contains("met does not go from LOC"),
        "{}",
        harness.state().state.message
    );
    assert_eq!(relations(&harness).len(), 2);

    let saved = save_and_read(&mut harness, dir.path());
    let doc = &saved.documents[0];
    assert_eq!(doc.relations().len(), 2);
    let ids: Vec<Option<&str>> = doc.spans().iter().map(|s| s.id.as_deref()).collect();
    assert_eq!(ids, [Some("T1"), Some("T2"), None, Some("T3"), Some("T4")]);
}

#[test]
fn a_picked_relation_is_relabelled_and_deleted_and_a_span_goes_with_its_relations() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = window(dir.path());
    pick_span(&mut harness, 0);
    type_key(&mut harness, 'm');
    harness.key_press(Key::Tab);
    harness.key_press(Key::Enter);
    harness.run();
    // Pick it in the list, make it "related", then delete it with the Delete key.
    harness.get_by_label("بوتينُ → أردوغانَ").click();
    harness.run();
    assert_eq!(harness.state().state.pick.as_relation(), Some("R1"));
    harness.get_by_label("related").click();
    harness.run();
    assert_eq!(relations(&harness)[0].0, "related");
    harness.key_press(Key::Delete);
    harness.run();
    assert!(relations(&harness).is_empty());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(relations(&harness).len(), 1);

    // Deleting أردوغانَ takes the relation; one undo brings both back.
    pick_span(&mut harness, 1);
    harness.key_press(Key::Delete);
    harness.run();
    let doc = &harness.state().state.corpus.documents[0];
    assert_eq!((doc.spans().len(), doc.relations().len()), (4, 0));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    let doc = &harness.state().state.corpus.documents[0];
    assert_eq!((doc.spans().len(), doc.relations().len()), (5, 1));
}

#[test]
fn document_labels_are_toggles_and_a_note_is_saved_with_its_span() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = window(dir.path());
    harness.get_by_label("Document labels");
    harness.get_by_label("politics").click();
    harness.run();
    harness.get_by_label("economy").click();
    harness.run();
    harness.get_by_label("TR").click();
    harness.run();
    harness.get_by_label("RU").click();
    harness.run();
    // topic takes several; country one: RU replaced TR.
    harness.get_by_label("politics").click();
    harness.run();

    pick_span(&mut harness, 1);
    harness.get_by_label("Note on the picked span");
    let field =
        harness.get_by(|node| node.placeholder() == Some("a doubt, a question to the reviewer"));
    field.click();
    harness.run();
    for c in "هل هو الرئيس؟".chars() {
        harness.event(Event::Text(c.to_string()));
    }
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();

    let saved = save_and_read(&mut harness, dir.path());
    let doc = &saved.documents[0];
    assert_eq!(
        doc.labels,
        [
            ("topic".to_owned(), vec!["economy".to_owned()]),
            ("country".to_owned(), vec!["RU".to_owned()])
        ]
    );
    assert_eq!(doc.spans()[1].note.as_deref(), Some("هل هو الرئيس؟"));
    // The span list marks the span that has a note.
    harness.get_by_label("note");
}

#[test]
fn arcs_leave_from_each_spans_logical_start_and_a_click_on_a_tag_or_curve_picks_it() {
    use egui_kittest::kittest::NodeT;
    let dir = tempfile::tempdir().unwrap();
    let mut harness = window(dir.path());
    {
        let state = &mut harness.state_mut().state;
        state.add_relation("met", 0, 1).unwrap();
        state.add_relation("based_in", 3, 4).unwrap();
        // أردوغانَ on the first line to Reuters on the second.
        state.add_relation("related", 1, 3).unwrap();
    }
    harness.run();
    let arcs: Vec<[egui::Pos2; 4]> = harness
        .output()
        .shapes
        .iter()
        .filter_map(|clipped| match &clipped.shape {
            egui::Shape::CubicBezier(c) => Some(c.points),
            _ => None,
        })
        .collect();
    // met and based_in over their lines; related in two halves, line to line.
    assert_eq!(arcs.len(), 4, "{arcs:?}");
    let (putin, erdogan, reuters) = (
        span_rect(&mut harness, 0),
        span_rect(&mut harness, 1),
        span_rect(&mut harness, 3),
    );
    // met: from بوتينُ's right edge (where an Arabic word starts) to أردوغانَ's, leftwards.
    let met = arcs[0];
    assert!(
        (met[0].x - (putin.max.x - 10.0)).abs() < 2.0,
        "{met:?} {putin:?}"
    );
    assert!(
        (met[3].x - (erdogan.max.x - 10.0)).abs() < 2.0,
        "{met:?} {erdogan:?}"
    );
    assert!(met[1].y < met[0].y, "it rises above the line");
    // related goes to the next line: it leaves أردوغانَ rising, runs above the first line
    // out to its left side (where Arabic text goes on), comes into the second line from its
    // right side (where it starts), and lands on Reuters' left edge: a Latin word starts on
    // its left. Neither half goes down into its line's text.
    let (leave, come) = (arcs[2], arcs[3]);
    assert!(
        (leave[0].x - (erdogan.max.x - 10.0)).abs() < 2.0,
        "{leave:?}"
    );
    let text_left = putin.min.x.min(erdogan.min.x).min(reuters.min.x);
    let text_right = putin.max.x.max(reuters.max.x);
    assert!(leave[3].x < text_left, "{leave:?}");
    assert!(come[0].x > text_right, "{come:?}");
    assert!(leave.iter().all(|p| p.y <= leave[0].y), "{leave:?}");
    assert!(come.iter().all(|p| p.y <= come[3].y), "{come:?}");
    assert!(come[3].y > leave[0].y + 20.0, "{come:?}");
    assert!(
        (come[3].x - (reuters.min.x + 10.0)).abs() < 2.0,
        "{come:?} {reuters:?}"
    );
    // Arrowheads: a triangle in its type's colour at each arc's end.
    let colors: Vec<egui::Color32> = harness
        .state()
        .state
        .corpus
        .relation_labels
        .iter()
        .map(|l| egui::Color32::from_rgb(l.color.0[0], l.color.0[1], l.color.0[2]))
        .collect();
    let heads: Vec<egui::Pos2> = harness
        .output()
        .shapes
        .iter()
        .filter_map(|c| match &c.shape {
            egui::Shape::Path(p) if p.closed && p.points.len() == 3 && colors.contains(&p.fill) => {
                Some(p.points[0])
            }
            _ => None,
        })
        .collect();
    let ends: Vec<egui::Pos2> = [arcs[0], arcs[1], arcs[3]].iter().map(|a| a[3]).collect();
    assert_eq!(heads, ends, "each head's tip on its arc's end");

    // The met tag over the text (not the one in the side panel's list) picks R1.
    let side = harness.get_by_label("Relations").rect().min.x;
    let tag = harness
        .get_all_by_label("met")
        .find(|n| n.rect().max.x < side)
        .unwrap();
    assert_eq!(
        tag.accesskit_node().author_id(),
        Some(taliq::app::widgets::ENGINE_TEXT)
    );
    tag.click();
    harness.run();
    assert_eq!(harness.state().state.pick.as_relation(), Some("R1"));

    // A click near a curve itself, away from its tag, picks its relation too: two points
    // below related's run out to the first line's side, near its end.
    let related = egui::epaint::CubicBezierShape::from_points_stroke(
        arcs[2],
        false,
        egui::Color32::TRANSPARENT,
        egui::Stroke::NONE,
    )
    .sample(0.9);
    support::click_at(&mut harness, related + egui::vec2(0.0, 2.0));
    assert_eq!(harness.state().state.pick.as_relation(), Some("R3"));
}

#[test]
fn an_alt_drag_from_span_to_span_links_them_by_the_first_type_that_fits() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = window(dir.path());
    let drag = |harness: &mut Harness<'_, TaliqApp>, from: egui::Pos2, to: egui::Pos2| {
        harness.event(Event::ModifiersChanged(Modifiers::ALT));
        support::drag(harness, from, to);
        harness.event(Event::ModifiersChanged(Modifiers::NONE));
        harness.run();
    };
    // Reuters (ORG) onto موسكو (LOC): based_in is the first type that goes ORG → LOC.
    let (reuters, moscow) = (
        span_rect(&mut harness, 3).center(),
        span_rect(&mut harness, 4).center(),
    );
    drag(&mut harness, reuters, moscow);
    assert_eq!(
        relations(&harness),
        [("based_in".into(), "Reuters".into(), "موسكو".into())]
    );
    assert_eq!(harness.state().state.pick.as_relation(), Some("R1"));
    // The press put the caret there, but the drag selected no text on its way.
    assert!(harness.state().state.selection.is_empty());
    // بوتينُ onto أردوغانَ: met.
    let (putin, erdogan) = (
        span_rect(&mut harness, 0).center(),
        span_rect(&mut harness, 1).center(),
    );
    drag(&mut harness, putin, erdogan);
    assert_eq!(relations(&harness)[1].0, "met");
    // Let go on no span: nothing.
    let empty = putin + egui::vec2(0.0, 200.0);
    drag(&mut harness, putin, empty);
    assert_eq!(relations(&harness).len(), 2);
    assert!(
        harness
            .state()
            .document_view
            .as_ref()
            .is_some_and(|v| v.link_drag.is_none())
    );
}

#[test]
fn the_label_editor_adds_a_relation_type_between_chosen_labels_and_a_document_label() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = window(dir.path());
    harness.get_by_label("edit labels").click();
    harness.run();
    harness.get_by_label("Relation types");
    harness.get_by_label("add relation type").click();
    harness.run();
    // The new row's "from": the second "any" from the end (related's two come first).
    let anys: Vec<egui::Rect> = harness.get_all_by_label("any").map(|n| n.rect()).collect();
    assert_eq!(anys.len(), 4, "related's from and to, and the new type's");
    let from = anys[2];
    harness
        .get_all_by_label("any")
        .find(|n| n.rect() == from)
        .unwrap()
        .click();
    harness.run();
    harness
        .get_by_role_and_label(egui::accesskit::Role::CheckBox, "ORG")
        .click();
    harness.run();
    // A click outside closes the menu (Escape would close the editor).
    harness.get_by_label("Relation types").click();
    harness.run();
    harness.get_by_label("add document label").click();
    harness.run();
    // Values typed in the new row: set through the drafts (the field is a bidi field).
    harness
        .state_mut()
        .state
        .link_drafts
        .as_mut()
        .unwrap()
        .document_labels[2]
        .values = "خبر، رأي".to_owned();
    harness.get_by_label("apply").click();
    harness.run();
    let corpus = &harness.state().state.corpus;
    assert!(
        harness.state().state.link_drafts.is_none(),
        "{}",
        harness.state().state.message
    );
    let added = &corpus.relation_labels[3];
    assert_eq!(
        (added.from.as_slice(), added.to.as_slice()),
        (&["ORG".to_owned()][..], &[][..])
    );
    // Its colour is none of the labels' (issue #25 item 12: it took MISC's purple).
    assert!(
        corpus.labels.iter().all(|l| l.color != added.color),
        "{:?}",
        added.color
    );
    assert_eq!(corpus.document_labels[2].values, ["خبر", "رأي"]);
    // The side panel offers the new document label's values.
    harness.get_by_label("خبر");
}

#[test]
fn tab_to_a_target_off_screen_scrolls_to_it_and_names_it() {
    // Issue #25: Tab jumped to spans off screen without showing them; an annotator linked
    // a span believing it was another.
    let far = "وقالت المصادر إن المحادثات ستستمر طويلا في العاصمة.\n".repeat(120);
    let text = format!("التقى بوتينُ الوفد\n{far}ثم وصل أردوغانَ أخيرا");
    let json = serde_json::json!({
        "format": "taliq-corpus", "version": 1,
        "labels": [{"name": "PER", "color": "#e6194b", "key": "1"}],
        "relation_labels": [{"name": "met", "color": "#911eb4", "key": "m",
                             "from": ["PER"], "to": ["PER"]}],
        "documents": [{"id": "d1", "text": text, "spans": [
            {"start": 6, "end": 12, "label": "PER"},
        ]}]
    });
    let mut corpus = parse_corpus(json.to_string().as_bytes(), Form::Json).unwrap();
    let doc = &mut corpus.documents[0];
    let start = doc.text().chars().count() - "أردوغانَ أخيرا".chars().count();
    let erdogan = taliq::model::CharRange::new(start, start + "أردوغانَ".chars().count()).unwrap();
    doc.add_span(taliq::model::Span::new(erdogan, "PER"))
        .unwrap();
    let state = AppState::new(corpus, taliq::app::Source::Untitled);
    let mut harness = support::window(state, 1000.0, 700.0);
    harness.run();
    let target_y = |harness: &mut Harness<'_, TaliqApp>| {
        let app = harness.state_mut();
        let view = app.document_view.as_mut().unwrap();
        view.screen_rects(&mut app.engine.font_system, erdogan)[0]
            .center()
            .y
    };
    assert!(
        target_y(&mut harness) > 700.0,
        "the target starts off screen"
    );
    pick_span(&mut harness, 0);
    type_key(&mut harness, 'm');
    harness.key_press(Key::Tab);
    // The scroll area glides there over a few frames.
    harness.run_steps(12);
    let y = target_y(&mut harness);
    assert!((0.0..700.0).contains(&y), "the target is shown: y = {y}");
    let said = harness.state().state.message.clone();
    assert!(said.contains("أردوغانَ"), "{said}");
}

#[test]
fn a_first_relation_type_added_in_the_editor_has_a_colour_no_label_has() {
    // Issue #25 item 12: the first one took MISC's purple.
    let mut harness = support::window(taliq::app::AppState::sample().unwrap(), 1000.0, 680.0);
    harness.run();
    harness.get_by_label("edit labels").click();
    harness.run();
    harness.get_by_label("add relation type").click();
    harness.run();
    let state = &harness.state().state;
    let added = &state.link_drafts.as_ref().unwrap().relations[0].1;
    assert!(
        state.corpus.labels.iter().all(|l| l.color != added.color),
        "{:?}",
        added.color
    );
}
