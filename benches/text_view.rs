//! The text engine: laying out the sample article and a 1 MB article, and painting
//! frames of the document view (first paint, a steady frame, scrolling), also in review mode.

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use taliq::app::{AppState, Review, Source, TaliqApp};
use taliq::model::{Corpus, Document};
use taliq::review::session::ReviewSession;
use taliq::text::fonts;
use taliq::text::layout::{LayoutConfig, TextLayout};

fn sample_text() -> String {
    let corpus = taliq::format::load("assets/sample/sample.json").expect("sample loads");
    corpus.documents[0].text().to_owned()
}

/// A corpus with one article of about 1 MB and a span on every 50th word.
fn megabyte_corpus() -> Corpus {
    let mut rng = taliq::synth::Rng::new(7);
    let (text, words) = taliq::synth::article(&mut rng, 1 << 20);
    let mut doc = Document::new("big", text);
    for (i, word) in words.iter().enumerate().step_by(50) {
        let label = ["PER", "ORG", "LOC", "DATE", "MISC"][i % 5];
        let _ = doc.add_span(taliq::model::Span::new(*word, label));
    }
    let mut corpus = Corpus::with_default_labels();
    corpus.documents.push(doc);
    corpus
}

fn raw_input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 800.0),
        )),
        ..Default::default()
    }
}

fn new_app(corpus: &Corpus) -> TaliqApp {
    TaliqApp::new(
        AppState::new(corpus.clone(), Source::BundledSample),
        fonts::font_system(false),
    )
}

fn layout(c: &mut Criterion) {
    let sample = sample_text();
    let big = megabyte_corpus().documents[0].text().to_owned();
    let mut fs = fonts::font_system(false);
    let mut group = c.benchmark_group("layout");
    group.sample_size(10);
    group.bench_function("sample_article_full", |b| {
        b.iter(|| {
            let mut layout = TextLayout::new(&sample, LayoutConfig::new(22.0, 800.0));
            layout.lay_out_all(&mut fs);
            layout.height()
        });
    });
    group.bench_function("1mb_first_screen", |b| {
        b.iter(|| {
            let mut layout = TextLayout::new(&big, LayoutConfig::new(22.0, 800.0));
            layout.paragraphs_in(&mut fs, 0.0, 800.0)
        });
    });
    group.bench_function("1mb_full", |b| {
        b.iter(|| {
            let mut layout = TextLayout::new(&big, LayoutConfig::new(22.0, 800.0));
            layout.lay_out_all(&mut fs);
            layout.height()
        });
    });
    group.finish();
}

fn frames(c: &mut Criterion) {
    let corpus = megabyte_corpus();
    let mut group = c.benchmark_group("view_1mb");
    group.sample_size(20);
    group.bench_function("first_paint", |b| {
        b.iter_batched(
            || (egui::Context::default(), new_app(&corpus)),
            |(ctx, mut app)| ctx.run_ui(raw_input(), |ui| app.show(ui)),
            BatchSize::PerIteration,
        );
    });
    let (ctx, mut app, middle) = shown_at_the_middle(&corpus, None);
    steady_and_scrolling(&mut group, &ctx, &mut app, middle);
    group.finish();
}

/// An app on `corpus` (its interface in `language`, else English) shown a first time,
/// scrolled to the middle of its document and shown three more times: the frames measured
/// next are steady ones. Returns the context, the app and where the middle is.
fn shown_at_the_middle(
    corpus: &Corpus,
    language: Option<taliq::app::i18n::Language>,
) -> (egui::Context, TaliqApp, f32) {
    let ctx = egui::Context::default();
    let mut app = new_app(corpus);
    if let Some(language) = language {
        app.state.set_language(language);
    }
    let _ = ctx.run_ui(raw_input(), |ui| app.show(ui));
    let middle = app.document_view.as_mut().expect("view").text_height() / 2.0;
    app.document_view.as_mut().expect("view").scroll_to(middle);
    for _ in 0..3 {
        let _ = ctx.run_ui(raw_input(), |ui| app.show(ui));
    }
    (ctx, app, middle)
}

/// The same frames with the interface in Arabic: every menu title, panel line and status
/// line drawn by the text engine (from its cache of laid-out lines once drawn).
fn arabic_frames(c: &mut Criterion) {
    let corpus = megabyte_corpus();
    let mut group = c.benchmark_group("view_1mb_arabic");
    group.sample_size(20);
    let (ctx, mut app, middle) =
        shown_at_the_middle(&corpus, Some(taliq::app::i18n::Language::Arabic));
    steady_and_scrolling(&mut group, &ctx, &mut app, middle);
    group.finish();
}

/// The 1 MB article with every span given an id and linked to the next by a relation (about
/// 2,000 of each): the arcs' plan covers the whole document every frame.
fn megabyte_corpus_with_relations() -> Corpus {
    let mut corpus = megabyte_corpus();
    corpus.relation_labels = vec![taliq::model::RelationLabel::new(
        "related",
        taliq::model::Color([0x80, 0x80, 0x80]),
    )];
    let doc = &mut corpus.documents[0];
    for i in 0..doc.spans().len() {
        doc.set_span_id(i, Some(format!("T{i}")));
    }
    for i in 1..doc.spans().len() {
        let relation = taliq::model::Relation::new(
            &format!("R{i}"),
            "related",
            &format!("T{}", i - 1),
            &format!("T{i}"),
        );
        doc.add_relation(relation).expect("both spans have ids");
    }
    corpus
}

fn relation_frames(c: &mut Criterion) {
    let corpus = megabyte_corpus_with_relations();
    let mut group = c.benchmark_group("view_1mb_relations");
    group.sample_size(20);
    let (ctx, mut app, middle) = shown_at_the_middle(&corpus, None);
    steady_and_scrolling(&mut group, &ctx, &mut app, middle);
    group.finish();
}

/// A steady frame, then frames scrolling down 40 points each from `y`.
fn steady_and_scrolling(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    ctx: &egui::Context,
    app: &mut TaliqApp,
    mut y: f32,
) {
    group.bench_function("steady_frame_middle", |b| {
        b.iter(|| ctx.run_ui(raw_input(), |ui| app.show(ui)));
    });
    group.bench_function("scrolling_frame", |b| {
        b.iter(|| {
            y += 40.0;
            app.document_view.as_mut().expect("view").scroll_to(y);
            ctx.run_ui(raw_input(), |ui| app.show(ui))
        });
    });
}

/// The sample article with 200 spans on its words (nested ones included).
fn sample_with_200_spans() -> Corpus {
    let mut corpus = taliq::format::load("assets/sample/sample.json").expect("sample loads");
    let doc = &mut corpus.documents[0];
    let words: Vec<_> = taliq::tokenize::tokenize(doc.text())
        .into_iter()
        .filter(|t| t.kind == taliq::tokenize::TokenKind::Word)
        .collect();
    let labels = ["PER", "ORG", "LOC", "DATE", "MISC"];
    let mut i = 0;
    while doc.spans().len() < 200 && i < words.len() {
        let _ = doc.add_span(taliq::model::Span::new(words[i].range, labels[i % 5]));
        if i + 1 < words.len() && i % 7 == 0 {
            let two =
                taliq::model::CharRange::between(words[i].range.start(), words[i + 1].range.end());
            let _ = doc.add_span(taliq::model::Span::new(two, "ORG"));
        }
        i += 2;
    }
    assert!(doc.spans().len() >= 200, "{} spans", doc.spans().len());
    corpus
}

fn sample_frames(c: &mut Criterion) {
    let corpus = sample_with_200_spans();
    let mut group = c.benchmark_group("view_sample_200_spans");
    group.sample_size(30);
    let ctx = egui::Context::default();
    let mut app = new_app(&corpus);
    for _ in 0..3 {
        let _ = ctx.run_ui(raw_input(), |ui| app.show(ui));
    }
    group.bench_function("steady_frame", |b| {
        b.iter(|| ctx.run_ui(raw_input(), |ui| app.show(ui)));
    });
    let mut y = 0.0;
    group.bench_function("scrolling_frame", |b| {
        b.iter(|| {
            y = (y + 40.0) % 3000.0;
            app.document_view.as_mut().expect("view").scroll_to(y);
            ctx.run_ui(raw_input(), |ui| app.show(ui))
        });
    });
    group.finish();
}

/// Three annotators' versions of the 1 MB article: a span on every 10th word, the second
/// and third annotators relabelling or moving some of them (every 7th and 5th).
fn megabyte_annotators() -> Vec<(String, Corpus)> {
    let mut rng = taliq::synth::Rng::new(7);
    let (text, words) = taliq::synth::article(&mut rng, 1 << 20);
    let labels = ["PER", "ORG", "LOC", "DATE", "MISC"];
    let version = |every: usize| {
        let mut doc = Document::new("big", text.clone());
        for (i, word) in words.iter().enumerate().step_by(10) {
            let label = if every > 0 && (i / 10) % every == 0 {
                labels[(i + 1) % 5]
            } else {
                labels[i % 5]
            };
            let _ = doc.add_span(taliq::model::Span::new(*word, label));
        }
        let mut corpus = Corpus::with_default_labels();
        corpus.documents.push(doc);
        corpus
    };
    vec![
        ("a".to_owned(), version(0)),
        ("b".to_owned(), version(7)),
        ("c".to_owned(), version(5)),
    ]
}

/// The review mode on the 1 MB article: starting (agreement, candidates), and frames with
/// every annotator's spans drawn and the candidate panel shown.
fn review_frames(c: &mut Criterion) {
    review_group(c, "review_1mb", &megabyte_annotators(), false);
}

/// The three annotators' versions with relations: each links every span to the next one
/// (about 10,000), every 7th (b) or 5th (c) of them by another type, so that the review has
/// relation candidates agreed and in conflict.
fn megabyte_annotators_with_relations() -> Vec<(String, Corpus)> {
    let mut annotators = megabyte_annotators();
    for (k, (_, corpus)) in annotators.iter_mut().enumerate() {
        corpus.relation_labels = ["related", "met"]
            .iter()
            .map(|name| taliq::model::RelationLabel::new(name, taliq::model::Color([9, 9, 9])))
            .collect();
        let doc = &mut corpus.documents[0];
        for i in 0..doc.spans().len() {
            doc.set_span_id(i, Some(format!("T{i}")));
        }
        let every = [0, 7, 5][k];
        for i in 1..doc.spans().len() {
            let kind = if every > 0 && i % every == 0 {
                "met"
            } else {
                "related"
            };
            let relation = taliq::model::Relation::new(
                &format!("R{i}"),
                kind,
                &format!("T{}", i - 1),
                &format!("T{i}"),
            );
            doc.add_relation(relation).expect("both spans have ids");
        }
    }
    annotators
}

fn review_relation_frames(c: &mut Criterion) {
    review_group(
        c,
        "review_1mb_relations",
        &megabyte_annotators_with_relations(),
        true,
    );
}

/// Starting a review of `annotators` and its frames (steady, scrolling), as group `name`;
/// with `accept_agreed`, once what they agree on is in gold.
fn review_group(
    c: &mut Criterion,
    name: &str,
    annotators: &[(String, Corpus)],
    accept_agreed: bool,
) {
    let start = || {
        let mut session = ReviewSession::new(annotators.to_vec()).expect("same text");
        let mut gold = session.blank_gold();
        session.attach_gold(&mut gold).expect("same text");
        let _ = session.candidates(0).len();
        (session, gold)
    };
    let mut group = c.benchmark_group(name);
    group.sample_size(10);
    group.bench_function("start", |b| b.iter(start));
    let (session, mut gold) = start();
    if accept_agreed {
        let agreed = session.accept_all_agreed(0, &gold.documents[0]);
        let change = taliq::annotate::history::Change {
            document: 0,
            edits: agreed.edits,
        };
        change.apply(&mut gold).expect("agreed edits fit");
    }
    let mut state = AppState::new(gold, Source::Untitled);
    state.review = Some(Review {
        session,
        files: Vec::new(),
        listed_pick: None,
        list_rows: 0..0,
        heat_map_pair: None,
        project: None,
    });
    let mut app = TaliqApp::new(state, fonts::font_system(false));
    let ctx = egui::Context::default();
    let _ = ctx.run_ui(raw_input(), |ui| app.show(ui));
    let middle = app.document_view.as_mut().expect("view").text_height() / 2.0;
    app.document_view.as_mut().expect("view").scroll_to(middle);
    for _ in 0..3 {
        let _ = ctx.run_ui(raw_input(), |ui| app.show(ui));
    }
    assert!(
        app.document_view
            .as_ref()
            .expect("view")
            .last_frame
            .candidates
            > 0
    );
    steady_and_scrolling(&mut group, &ctx, &mut app, middle);
    group.finish();
}

criterion_group!(
    benches,
    layout,
    frames,
    arabic_frames,
    sample_frames,
    review_frames,
    relation_frames,
    review_relation_frames
);
criterion_main!(benches);
