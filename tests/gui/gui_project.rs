//! The window on a team project (issue #12): who you are, your documents only, and
//! File → Sync project against a real bare git remote.

#![allow(
    clippy::unwrap_used,
    reason = "fixture helpers fail the test that calls them"
)]

use std::path::Path;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use taliq::app::project::ProjectMode;
use taliq::app::project::overview::{state_color, state_name};
use taliq::app::{AppState, Source, TaliqApp};
use taliq::format::{Form, write_corpus};
use taliq::model::{Corpus, Status};
use taliq::project::status::WorkState;
use taliq::project::{self, ProjectConfig, Sources, annotation_path};

use crate::support;
use support::git;
use taliq::app::state::dialogs::Dialog;

/// A project of 12 generated articles for amal, omar and سارة (overlap 2) in `dir/proj`.
fn make_project(dir: &Path) -> (std::path::PathBuf, ProjectConfig) {
    let corpus = taliq::synth::corpus(12, 400, 4, 9);
    std::fs::write(dir.join("news.json"), write_corpus(&corpus, Form::Json)).unwrap();
    let proj = dir.join("proj");
    let names = ["amal", "omar", "سارة"].map(str::to_owned);
    let sources = Sources::read(&[dir.join("news.json")]).unwrap();
    let (config, _) = project::init(&proj, "news", sources, &names, 2, 4).unwrap();
    (proj, config)
}

/// The ids of the open corpus's documents, in order.
fn corpus_ids(app: &TaliqApp) -> Vec<&str> {
    app.state
        .corpus
        .documents
        .iter()
        .map(|d| d.id.as_str())
        .collect()
}

/// The window on the project in `dir`, nobody chosen yet.
fn window_on(dir: &Path) -> Harness<'static, TaliqApp> {
    let state = AppState::new(Corpus::default(), Source::Untitled);
    let mut harness = support::window(state, 1000.0, 700.0);
    harness.state_mut().state.project = Some(ProjectMode::open(dir).unwrap());
    harness.run();
    harness
}

#[test]
fn joining_a_project_keeps_the_windows_preferences() {
    // Issue #22: joining replaced the whole state, dropping the recovery home, the
    // snapping and suggestion settings, and restarting the corpus generation.
    let dir = tempfile::tempdir().unwrap();
    let (proj, _) = make_project(dir.path());
    let mut state = AppState::new(Corpus::default(), Source::Untitled);
    state.prefs.untitled_home = Some(dir.path().to_path_buf());
    state.prefs.snap.trim = false;
    state.prefs.suggest.retrain_after = 7;
    let mut expected = state.prefs.clone();
    let mut harness = support::window(state, 1000.0, 700.0);
    harness.state_mut().state.project = Some(ProjectMode::open(&proj).unwrap());
    harness.run();
    harness.get_by_label("omar").click();
    harness.run();
    expected.user = Some("omar".to_owned());
    expected
        .project_annotators
        .insert(proj.display().to_string(), "omar".to_owned());
    let app = harness.state();
    assert_eq!(app.state.prefs, expected);
    assert!(
        app.state.generation > 0,
        "views of the empty corpus are dropped"
    );
}

#[test]
fn choosing_who_you_are_opens_your_documents_only() {
    let dir = tempfile::tempdir().unwrap();
    let (proj, config) = make_project(dir.path());
    let mut harness = window_on(&proj);
    harness.get_by_label_contains("Who are you?");
    for name in &config.annotators {
        harness.get_by_label(name);
    }
    harness.get_by_label("سارة").click();
    harness.run();
    let app = harness.state();
    let ids = corpus_ids(app);
    let mine: Vec<&str> = config.documents_of("سارة").collect();
    assert_eq!(ids, mine);
    assert!(!mine.is_empty() && mine.len() < 12);
    assert_eq!(app.state.prefs.user.as_deref(), Some("سارة"));
    assert_eq!(
        app.state.source.path(),
        Some(annotation_path(&proj, "سارة"))
    );
    assert!(
        harness.query_by_label_contains("Who are you?").is_none(),
        "asked once"
    );
}

#[test]
fn sync_from_the_file_menu_shares_your_work_through_the_remote() {
    let dir = tempfile::tempdir().unwrap();
    make_project(dir.path());
    git(
        dir.path(),
        &["clone", "--quiet", "--bare", "proj", "remote.git"],
    );
    git(dir.path(), &["clone", "--quiet", "remote.git", "amal"]);
    let clone = dir.path().join("amal");
    let mut harness = window_on(&clone);
    harness.state_mut().state.join_project("amal").unwrap();
    harness.state_mut().state.set_status(Status::Done);
    assert!(harness.state().state.history.is_dirty());

    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label_contains("Sync project").click();
    for _ in 0..100 {
        harness.step();
        if !harness.state().state.project.as_ref().unwrap().syncing() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    harness.run();
    let app = harness.state();
    assert!(!app.state.history.is_dirty(), "saved before syncing");
    assert!(
        app.state.message.contains("pushed"),
        "{}",
        app.state.message
    );
    let log = git(
        &dir.path().join("remote.git"),
        &["log", "--format=%s", "-1"],
    );
    assert!(log.starts_with("amal: 1 done"), "{log}");
}

#[test]
fn the_guidelines_window_shows_the_projects_guidelines_through_the_text_engine() {
    use egui_kittest::kittest::NodeT;
    let dir = tempfile::tempdir().unwrap();
    let (proj, _) = make_project(dir.path());
    let guidelines = "# إرشادات التوسيم\n\nنوسم **الأشخاص** والأماكن كما تُكتب في النص، دون أداة التعريف إذا سبقتها لام الجر، ونترك الألقاب خارج الاسم إلا إذا كانت جزءا منه.\n\n- PER: اسم شخص\n";
    std::fs::write(proj.join("guidelines.md"), guidelines).unwrap();
    let mut harness = window_on(&proj);
    harness.state_mut().state.join_project("amal").unwrap();
    harness.key_press(egui::Key::F2);
    harness.run();
    assert!(support::dialog_open(&harness, Dialog::Guidelines));
    for text in [
        "إرشادات التوسيم",
        "نوسم الأشخاص والأماكن كما تُكتب في النص، دون أداة التعريف إذا سبقتها لام الجر، ونترك الألقاب خارج الاسم إلا إذا كانت جزءا منه.",
        "• PER: اسم شخص",
    ] {
        let node = harness.get_by_label(text);
        assert_eq!(
            node.accesskit_node().author_id(),
            Some(taliq::app::widgets::ENGINE_TEXT),
            "{text}"
        );
    }
    // The long paragraph wraps inside the window instead of running out of it.
    let paragraph = harness.get_by_label_contains("نوسم الأشخاص").rect();
    // The window's accessible node is named by its id (its title is a heading in it).
    let window = harness
        .get_by_role_and_label(egui::accesskit::Role::Window, "guidelines")
        .rect();
    assert!(
        paragraph.height() > 30.0,
        "wrapped onto several lines: {paragraph:?}"
    );
    assert!(
        paragraph.max.x <= window.max.x + 1.0,
        "{paragraph:?} in {window:?}"
    );
    // **الأشخاص** is drawn stronger: in the theme's strong colour, inside the paragraph;
    // the rest of it in the ordinary text colour.
    let (strong, plain) = {
        let style = harness.ctx.global_style();
        (
            style.visuals.strong_text_color(),
            style.visuals.text_color(),
        )
    };
    // The engine's lines inside `rect` (the document behind the window has meshes too).
    let colours_in = |rect: egui::Rect| -> (usize, usize) {
        let mut counts = (0, 0);
        for clipped in &harness.output().shapes {
            if let egui::Shape::Mesh(mesh) = &clipped.shape
                && rect.expand(4.0).contains_rect(mesh.calc_bounds())
            {
                for v in &mesh.vertices {
                    counts.0 += usize::from(v.color == strong);
                    counts.1 += usize::from(v.color == plain);
                }
            }
        }
        counts
    };
    let (strong_vertices, plain_vertices) = colours_in(paragraph);
    assert!(
        strong_vertices >= 2 * 4 * 7 && plain_vertices > strong_vertices,
        "الأشخاص's glyphs twice in the strong colour: {strong_vertices} strong, {plain_vertices} plain"
    );
    // The heading has no emphasis.
    let heading = harness.get_by_label("إرشادات التوسيم").rect();
    let (strong_in_heading, plain_in_heading) = colours_in(heading);
    assert!(
        strong_in_heading == 0 && plain_in_heading > 0,
        "{strong_in_heading} {plain_in_heading}"
    );
    // The labels' descriptions follow.
    harness.get_by_label("شخص");
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(!support::dialog_open(&harness, Dialog::Guidelines));
}

/// Marks `id` in `annotator`'s file with `status` and `spans` (code points, labels).
fn work(proj: &Path, annotator: &str, id: &str, status: Status, spans: &[(usize, usize, &str)]) {
    use taliq::model::{CharRange, Span};
    let path = annotation_path(proj, annotator);
    let mut corpus = taliq::format::load(&path).unwrap();
    let doc = corpus.documents.iter_mut().find(|d| d.id == id).unwrap();
    doc.status = status;
    for &(start, end, label) in spans {
        doc.add_span(Span::new(CharRange::new(start, end).unwrap(), label))
            .unwrap();
    }
    std::fs::write(&path, write_corpus(&corpus, Form::Json)).unwrap();
}

/// Every document's annotators finish it: both mark its first word PER; the first also
/// its second word LOC. Returns the first word's range in each document, by id.
fn finish_everything(
    proj: &Path,
    config: &ProjectConfig,
) -> std::collections::HashMap<String, (usize, usize)> {
    let sources = taliq::format::load(proj.join("documents.json")).unwrap();
    let mut first_words = std::collections::HashMap::new();
    for (id, who) in &config.assignment {
        let doc = sources.documents.iter().find(|d| d.id == *id).unwrap();
        let words: Vec<(usize, usize)> = taliq::tokenize::tokenize(doc.text())
            .iter()
            .map(|t| (t.range.start(), t.range.end()))
            .collect();
        let (a, b) = (words[0], words[1]);
        work(
            proj,
            &who[0],
            id,
            Status::Done,
            &[(a.0, a.1, "PER"), (b.0, b.1, "LOC")],
        );
        work(proj, &who[1], id, Status::Done, &[(a.0, a.1, "PER")]);
        first_words.insert(id.clone(), a);
    }
    first_words
}

/// The ids of the documents the window's list shows.
fn listed(harness: &Harness<'_, TaliqApp>) -> Vec<String> {
    let state = &harness.state().state;
    state
        .visible_documents()
        .into_iter()
        .map(|i| state.corpus.documents[i].id.clone())
        .collect()
}

#[test]
fn project_review_goes_group_by_group_into_the_projects_gold() {
    use egui::{Key, Modifiers};
    let dir = tempfile::tempdir().unwrap();
    let (proj, config) = make_project(dir.path());
    let first_words = finish_everything(&proj, &config);
    let mut harness = window_on(&proj);
    harness.state_mut().state.join_project("amal").unwrap();
    harness.get_by_label("Review").click();
    harness.run();
    harness.get_by_label_contains("Review project").click();
    harness.run();

    let groups = harness
        .state()
        .state
        .review
        .as_ref()
        .unwrap()
        .project
        .as_ref()
        .unwrap()
        .groups
        .clone();
    assert_eq!(groups.len(), 3, "amal + omar, amal + سارة, omar + سارة");
    assert_eq!(
        listed(&harness),
        groups[0].documents,
        "the first group's documents only"
    );
    let first = groups[0].documents[0].clone();
    assert_eq!(
        harness.state().state.corpus.documents[harness.state().state.selected].id,
        first
    );

    // Accept what both agree on and mark the document reviewed, by keyboard.
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::A);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    harness.run();
    // What they disagree on is left pending: Ctrl+Enter asked; again, it goes ahead.
    assert!(support::dialog_open(&harness, Dialog::MarkReviewed));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    harness.run();
    // The next document opened is the group's next, not another group's.
    let state = &harness.state().state;
    let next = &state.corpus.documents[state.selected].id;
    assert!(
        groups[0].documents.contains(next) && *next != first,
        "{next} in {:?}",
        groups[0].documents
    );

    // The second group, from its row in the review panel (سارة drawn by the engine).
    let second = format!(
        "{}: 0 of {} reviewed",
        groups[1].annotators.join(" + "),
        groups[1].documents.len()
    );
    harness.get_by_label(&second).click();
    harness.run();
    assert_eq!(listed(&harness), groups[1].documents);
    assert!(
        harness.state().state.message.contains("group 2 of 3"),
        "{}",
        harness.state().state.message
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();

    let gold = taliq::format::load(proj.join("gold.json")).unwrap();
    let ids: Vec<&str> = gold.documents.iter().map(|d| d.id.as_str()).collect();
    let all: Vec<&str> = config
        .assignment
        .iter()
        .map(|(id, _)| id.as_str())
        .collect();
    assert_eq!(ids, all, "every finished document, in project order");
    let reviewed = gold.documents.iter().find(|d| d.id == first).unwrap();
    assert_eq!(reviewed.status, Status::Reviewed);
    let spans: Vec<(usize, usize, &str)> = reviewed
        .spans()
        .iter()
        .map(|s| (s.range.start(), s.range.end(), s.label.as_str()))
        .collect();
    let (start, end) = first_words[&first];
    assert_eq!(
        spans,
        [(start, end, "PER")],
        "the agreed span; the LOC only one made was rejected"
    );
    assert_eq!(
        reviewed.spans()[0].extra["annotators"],
        serde_json::json!(groups[0].annotators)
    );
    assert_eq!(
        gold.documents
            .iter()
            .filter(|d| d.status == Status::Reviewed)
            .count(),
        1
    );
}

#[test]
fn documents_reviewed_in_gold_are_read_only_for_their_annotators() {
    let dir = tempfile::tempdir().unwrap();
    let (proj, config) = make_project(dir.path());
    let first_words = finish_everything(&proj, &config);
    // A reviewer settles the first of amal's documents in gold.
    let mine: Vec<String> = config.documents_of("amal").map(str::to_owned).collect();
    let mut reviewer = AppState::new(Corpus::default(), Source::Untitled);
    reviewer.open_project_review(&proj).unwrap();
    let index = reviewer
        .corpus
        .documents
        .iter()
        .position(|d| d.id == mine[0])
        .unwrap();
    reviewer.open_document(index);
    reviewer.set_status(Status::Reviewed);
    reviewer.save().unwrap();
    drop(reviewer);

    let mut harness = window_on(&proj);
    harness.get_by_label("amal").click();
    harness.run();
    assert!(harness.state().state.frozen.contains(&mine[0]));
    harness.get_by_label("in gold");
    let before = harness.state().state.corpus.documents[0].clone();
    assert_eq!(before.id, mine[0]);
    // Labelling, deleting and changing the status are all refused, and said why.
    let app = harness.state_mut();
    let (start, end) = first_words[&mine[0]];
    app.state.selection = taliq::annotate::selection::Selection::new(start, end);
    app.state.apply_label("ORG");
    app.state.set_status(Status::InProgress);
    assert_eq!(app.state.corpus.documents[0], before);
    assert!(
        app.state.message.contains("read-only"),
        "{}",
        app.state.message
    );
    // The next document is not in gold: it stays editable.
    app.state.open_document(1);
    app.state.set_status(Status::InProgress);
    assert_eq!(app.state.corpus.documents[1].status, Status::InProgress);
}

#[test]
fn the_overview_colours_each_annotators_documents_by_their_state() {
    use egui_kittest::kittest::NodeT;
    let dir = tempfile::tempdir().unwrap();
    let (proj, config) = make_project(dir.path());
    let (first, who) = &config.assignment[0];
    let (second, who2) = &config.assignment[1];
    work(&proj, &who[0], first, Status::Done, &[]);
    work(&proj, &who[1], first, Status::InProgress, &[]);
    let mut harness = window_on(&proj);
    harness.state_mut().state.join_project("amal").unwrap();
    harness.key_press(egui::Key::F3);
    harness.run();
    assert!(support::dialog_open(&harness, Dialog::ProjectOverview));
    let expected = [
        (first.as_str(), who[0].as_str(), WorkState::Done),
        (first.as_str(), who[1].as_str(), WorkState::InProgress),
        (second.as_str(), who2[0].as_str(), WorkState::New),
    ];
    let shapes = &harness.output().shapes;
    for (id, name, state) in expected {
        let label = format!("{id}, {name}: {}", state_name(state));
        let cell = harness.get_by_label(&label).rect();
        let painted = shapes.iter().any(|clipped| match &clipped.shape {
            egui::Shape::Rect(r) => {
                r.rect.center().distance(cell.center()) < 0.5 && r.fill == state_color(state)
            }
            _ => false,
        });
        assert!(
            painted,
            "{label}: no cell of {:?} at {cell:?}",
            state_color(state)
        );
    }
    // A document is not assigned to its third annotator: an empty cell.
    let third = config.annotators.iter().find(|a| !who.contains(a)).unwrap();
    harness.get_by_label(&format!("{first}, {third}: not assigned"));
    // The bars' names under the plot, سارة drawn by the engine.
    let bar_name = harness.get_by_label_contains(". سارة (");
    assert_eq!(
        bar_name.accesskit_node().author_id(),
        Some(taliq::app::widgets::ENGINE_TEXT)
    );
    // The status line names the project and who you are.
    harness.get_by_label_contains("project news · you: amal");
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(!support::dialog_open(&harness, Dialog::ProjectOverview));
}

#[test]
fn open_project_joins_as_the_annotator_chosen_there_before() {
    let dir = tempfile::tempdir().unwrap();
    let (proj, config) = make_project(dir.path());
    let state = AppState::new(Corpus::default(), Source::Untitled);
    let mut harness = support::window(state, 1000.0, 700.0);
    let app = harness.state_mut();
    let err = app.state.open_project(dir.path()).unwrap_err();
    assert!(err.contains("is not a taliq project"), "{err}");
    app.state
        .prefs
        .project_annotators
        .insert(proj.display().to_string(), "سارة".to_owned());
    app.state.open_project(&proj).unwrap();
    let ids = corpus_ids(app);
    let mine: Vec<&str> = config.documents_of("سارة").collect();
    assert_eq!(ids, mine);
    harness.run();
    assert!(harness.query_by_label_contains("Who are you?").is_none());
}

#[test]
fn the_guidelines_window_lists_the_projects_relation_types_and_document_labels() {
    let dir = tempfile::tempdir().unwrap();
    let proj = dir.path().join("proj");
    let sources = Sources::read(&["tests/fixtures/relations.json".into()]).unwrap();
    project::init(&proj, "news", sources, &["amal".to_owned()], 1, 0).unwrap();
    let mut harness = window_on(&proj);
    harness.state_mut().state.join_project("amal").unwrap();
    harness.key_press(egui::Key::F2);
    harness.run();
    harness.get_by_label("met: PER → PER");
    harness.get_by_label("based_in: ORG → LOC");
    harness.get_by_label("related: any → any");
    harness.get_by_label("topic: one or more of politics, economy");
    harness.get_by_label("country: one of RU, TR");
}

#[test]
fn behind_the_project_chooser_there_is_no_name_field_nor_an_untitled_corpus() {
    // Issue #25 item 12: the "your name:" row and "untitled (imported text)" showed behind
    // the chooser, though the project names its annotators and nothing was imported.
    let dir = tempfile::tempdir().unwrap();
    let (proj, _) = make_project(dir.path());
    let mut harness = window_on(&proj);
    harness.run();
    assert!(harness.query_by_label("your name:").is_none());
    assert!(harness.query_by_label("untitled (imported text)").is_none());
    harness.state_mut().state.join_project("amal").unwrap();
    harness.run();
    assert!(harness.query_by_label("your name:").is_none());
}

#[test]
fn the_taggers_word_clusters_learn_from_the_projects_other_documents_too() {
    let dir = tempfile::tempdir().unwrap();
    let (proj, _) = make_project(dir.path());
    // A document of the project nobody's share holds here, naming a city twice.
    let documents = proj.join(taliq::project::DOCUMENTS_FILE);
    let mut all = taliq::format::load(&documents).unwrap();
    all.documents.push(taliq::model::Document::new(
        "extra",
        "زار الوفد زنجبار أمس.\nوصل الوزير إلى زنجبار.",
    ));
    std::fs::write(&documents, write_corpus(&all, Form::Json)).unwrap();
    let mut harness = window_on(&proj);
    harness.get_by_label("سارة").click();
    harness.run();
    let state = &mut harness.state_mut().state;
    assert!(state.corpus.documents.iter().all(|d| d.id != "extra"));
    let doc = &mut state.corpus.documents[0];
    let word = doc.text().split(' ').next().unwrap().chars().count();
    doc.add_span(taliq::model::Span::new(
        taliq::model::CharRange::between(0, word),
        "PER",
    ))
    .unwrap();
    state.train_tagger();
    let started = std::time::Instant::now();
    while harness.state().state.suggest.model.is_none() {
        harness.run();
        std::thread::sleep(std::time::Duration::from_millis(20));
        let state = &harness.state().state;
        assert!(
            started.elapsed().as_secs() < 300,
            "no model: {}",
            state.message
        );
    }
    let model = harness.state().state.suggest.model.as_ref().unwrap();
    assert!(model.tagger.clusters().classes.contains_key("زنجبار"));
}

#[test]
fn reviewing_a_project_with_nothing_finished_says_so_in_arabic() {
    use taliq::app::i18n::{Digits, Language, set_locale};
    let dir = tempfile::tempdir().unwrap();
    let (proj, _) = make_project(dir.path());
    let mut harness = window_on(&proj);
    harness.state_mut().state.join_project("amal").unwrap();
    harness.state_mut().state.set_language(Language::Arabic);
    harness.run();
    let refused = harness
        .state_mut()
        .state
        .open_project_review(&proj)
        .unwrap_err();
    let said: String = taliq::text::isolates::without_ordering_marks(&refused)
        .chars()
        .filter(|c| !matches!(c, '\u{2066}'..='\u{2069}'))
        .collect();
    assert!(said.contains("لا شيء للمراجعة بعد"), "{said}");
    assert!(
        said.chars().any(|c| ('\u{0660}'..='\u{0669}').contains(&c)),
        "{said}"
    );
    assert!(!said.contains("nothing to review"), "{said}");
    set_locale(Language::English, Digits::Western);
}
