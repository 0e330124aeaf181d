//! `agree` over three annotators' corpora of 10,000 documents × 3 KB Arabic with 20 spans each.
//!
//! The three corpora share their texts (agreement needs the same documents); the second and
//! third are perturbed copies of the first: spans dropped, relabelled or with an edge moved.

use criterion::{Criterion, criterion_group, criterion_main};
use taliq::synth::perturbed;

fn agree(c: &mut Criterion) {
    let a = taliq::synth::corpus(10_000, 3_000, 20, 7);
    let b = perturbed(&a, 5, 11);
    let c3 = perturbed(&a, 4, 13);
    let corpora = [a, b, c3];
    let names: Vec<String> = ["a", "b", "c"].iter().map(|s| (*s).to_owned()).collect();
    let mut group = c.benchmark_group("agree_10k_docs");
    group.sample_size(10);
    group.bench_function("three_annotators", |bench| {
        bench.iter(|| taliq::review::agree(&corpora, &names).expect("same texts"));
    });
    group.finish();
}

criterion_group!(benches, agree);
criterion_main!(benches);
