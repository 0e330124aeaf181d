//! `agree` over three annotators' corpora of 10,000 documents × 3 KB Arabic with 20 spans each.
//!
//! The three corpora share their texts (agreement needs the same documents); the second and
//! third are perturbed copies of the first: spans dropped, relabelled or with an edge moved.

use criterion::{Criterion, criterion_group, criterion_main};
use taliq::model::{CharRange, Corpus, Span};
use taliq::synth::Rng;

/// A copy of `corpus` where about one span in `every` is dropped, relabelled or reshaped.
fn perturbed(corpus: &Corpus, every: usize, seed: u64) -> Corpus {
    let mut rng = Rng::new(seed);
    let mut out = corpus.clone();
    let labels: Vec<String> = out.labels.iter().map(|l| l.name.clone()).collect();
    for doc in &mut out.documents {
        let spans: Vec<Span> = doc.spans().to_vec();
        for span in spans.iter().rev() {
            if rng.below(every) != 0 {
                continue;
            }
            let index = doc
                .find_span(span.range, &span.label)
                .expect("span is there");
            doc.remove_span(index);
            let replacement = match rng.below(3) {
                0 => continue,
                1 => Span::new(span.range, &labels[rng.below(labels.len())]),
                _ => {
                    let end = (span.range.end() + 1 + rng.below(3)).min(doc.char_len());
                    Span::new(CharRange::between(span.range.start(), end), &span.label)
                }
            };
            // A replacement that would split a cluster or duplicate a span is dropped instead.
            let _ = doc.add_span(replacement);
        }
    }
    out
}

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
