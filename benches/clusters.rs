//! Learning word clusters from unlabelled text: `cargo bench --bench clusters`.
//!
//! Generated text of one million words over 100,000 word types, whose words follow hidden
//! classes (as names follow prepositions), with Zipf-like frequencies: the vocabulary and
//! neighbour counts of real news at a tenth of the 10 million words a team may give
//! `taliq train --unlabelled`. With `TALIQ_BENCH_UNLABELLED=corpus.json` (e.g. the
//! `SaudiNewsNet` corpus of `../shared/data/saudinewsnet/`, never in the repository) it also
//! measures that text.

use std::sync::atomic::AtomicBool;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use taliq::suggest::tagger::clusters::{Clusters, WordStream};
use taliq::synth::Rng;

/// Arabic-looking word `i`: letters picked from its number.
fn word(i: usize) -> String {
    const LETTERS: [char; 28] = [
        'ا', 'ب', 'ت', 'ث', 'ج', 'ح', 'خ', 'د', 'ذ', 'ر', 'ز', 'س', 'ش', 'ص', 'ض', 'ط', 'ظ', 'ع',
        'غ', 'ف', 'ق', 'ك', 'ل', 'م', 'ن', 'ه', 'و', 'ي',
    ];
    let mut n = i + 28;
    let mut out = String::new();
    while n > 0 {
        out.push(LETTERS[n % 28]);
        n /= 28;
    }
    out
}

/// About `words` words in sentences of 20, over `types` word types in 100 hidden classes.
fn generated_text(words: usize, types: usize, seed: u64) -> Vec<String> {
    let mut rng = Rng::new(seed);
    let classes = 100;
    let vocabulary: Vec<String> = (0..types).map(word).collect();
    // Each class's successor classes: a few likely ones.
    let next: Vec<[usize; 3]> = (0..classes)
        .map(|_| [rng.below(classes), rng.below(classes), rng.below(classes)])
        .collect();
    let per_class = types / classes;
    let mut texts = Vec::new();
    let mut text = String::new();
    let mut class = 0;
    for i in 0..words {
        // Zipf-like rank within the class: small ranks far more often.
        let r = rng.below(per_class) + 1;
        let rank = (per_class * per_class / (r * r)).min(per_class) - 1;
        let rank = per_class - 1 - rank.min(per_class - 1);
        text.push_str(&vocabulary[class * per_class + rank]);
        text.push(if i % 20 == 19 { '.' } else { ' ' });
        if i % 20 == 19 {
            text.push('\n');
        }
        class = next[class][rng.below(3)];
        if i % 400 == 399 {
            texts.push(std::mem::take(&mut text));
        }
    }
    texts.push(text);
    texts
}

fn bench(c: &mut Criterion) {
    let texts = generated_text(1_000_000, 100_000, 5);
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let cancel = AtomicBool::new(false);
    let mut group = c.benchmark_group("clusters");
    group.sample_size(10);
    let stream = WordStream::of_texts(&refs, 0);
    group.throughput(Throughput::Elements(stream.word_count() as u64));
    group.bench_function("tokenise 1M words", |b| {
        b.iter(|| black_box(WordStream::of_texts(&refs, 0).word_count()));
    });
    group.bench_function("learn clusters of 1M words", |b| {
        b.iter(|| black_box(Clusters::learn_stream(&stream, &|_| {}, &cancel).map(|c| c.len())));
    });
    if let Some(path) = std::env::var_os("TALIQ_BENCH_UNLABELLED") {
        let corpus = taliq::format::load(std::path::Path::new(&path)).expect("a taliq corpus");
        let refs: Vec<&str> = corpus
            .documents
            .iter()
            .map(taliq::model::Document::text)
            .collect();
        let stream = WordStream::of_texts(&refs, 0);
        group.throughput(Throughput::Elements(stream.word_count() as u64));
        group.bench_function("tokenise the given corpus", |b| {
            b.iter(|| black_box(WordStream::of_texts(&refs, 0).word_count()));
        });
        group.bench_function("learn clusters of the given corpus", |b| {
            b.iter(|| {
                black_box(Clusters::learn_stream(&stream, &|_| {}, &cancel).map(|c| c.len()))
            });
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
