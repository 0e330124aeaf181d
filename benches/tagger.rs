//! The suggestion tagger: training on a generated corpus of about 125k tokens (the size of
//! `ANERcorp`'s train split) and tagging a 1 MB article: `cargo bench --bench tagger`.
//!
//! Generated text has a small vocabulary, which flatters tagging (its words repeat). With
//! `TALIQ_BENCH_MODEL=model.json TALIQ_BENCH_CORPUS=corpus.json` it also tags the first
//! document of a real corpus with a real model (neither is in the repository: the figures in
//! docs/suggestions.md come from `ANERcorp` and `SaudiNewsNet`).

use std::sync::atomic::AtomicBool;

// What the `taliq` binary allocates with (src/main.rs): tagging allocates on two threads at
// once, where glibc's allocator costs a third more time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use taliq::model::Document;
use taliq::suggest::tagger::{Resources, Tagger, TrainOptions, train};

fn bench(c: &mut Criterion) {
    // 500 documents of 20 sentences of about 12 words: ~125k tokens.
    let corpus = taliq::synth::ner_corpus(500, 20, false, 42);
    let docs: Vec<&Document> = corpus.documents.iter().collect();
    let options = TrainOptions::default();
    let cancel = AtomicBool::new(false);
    let mut group = c.benchmark_group("tagger");
    group.sample_size(10);
    group.bench_function("train 125k tokens", |b| {
        b.iter(|| black_box(train(&docs, &Resources::default(), &options, &|_| {}, &cancel).ok()));
    });
    let tagger = train(&docs, &Resources::default(), &options, &|_| {}, &cancel)
        .expect("spans to learn from");

    // One 1 MB article of the same news sentences, names never seen in training.
    let unseen = taliq::synth::ner_corpus(1, 9_000, true, 7);
    let mut text = unseen.documents[0].text().to_owned();
    text.truncate(text.floor_char_boundary(1 << 20));
    let article = Document::new("article", text);
    group.throughput(Throughput::Bytes(article.text().len() as u64));
    group.bench_function("tag a 1 MB article", |b| {
        b.iter(|| black_box(tagger.tag(&article)));
    });
    // With `--second-stage` (off by default), for what the second stage costs.
    let two_stages = TrainOptions {
        second_stage: true,
        ..options
    };
    let tagger = train(&docs, &Resources::default(), &two_stages, &|_| {}, &cancel)
        .expect("spans to learn from");
    group.bench_function("tag a 1 MB article, with the second stage", |b| {
        b.iter(|| black_box(tagger.tag(&article)));
    });
    group.finish();
}

/// Tags the first document of `TALIQ_BENCH_CORPUS` with `TALIQ_BENCH_MODEL`, when both are
/// given.
fn bench_given(c: &mut Criterion) {
    let (Ok(model), Ok(corpus)) = (
        std::env::var("TALIQ_BENCH_MODEL"),
        std::env::var("TALIQ_BENCH_CORPUS"),
    ) else {
        return;
    };
    let tagger = Tagger::load(model.as_ref()).expect("TALIQ_BENCH_MODEL: a model file");
    let corpus = taliq::format::load(&corpus).expect("TALIQ_BENCH_CORPUS: a corpus");
    let document = &corpus.documents[0];
    let mut group = c.benchmark_group("tagger");
    group.sample_size(20);
    group.throughput(Throughput::Bytes(document.text().len() as u64));
    group.bench_function("tag the given document with the given model", |b| {
        b.iter(|| black_box(tagger.tag(document)));
    });
    group.finish();
}

criterion_group!(benches, bench_given, bench);
criterion_main!(benches);
