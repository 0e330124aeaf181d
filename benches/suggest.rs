//! The matcher: learning a corpus's spans and suggesting for a 1 MB article (the goal: well
//! under 200 ms): `cargo bench --bench suggest`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use taliq::model::Document;
use taliq::suggest::matcher::Matcher;

fn matcher(c: &mut Criterion) {
    // 200 documents with 40 spans each teach the matcher; one 1 MB article is suggested for.
    let corpus = taliq::synth::corpus(200, 5_000, 40, 7);
    let mut rng = taliq::synth::Rng::new(9);
    let (text, _) = taliq::synth::article(&mut rng, 1_000_000);
    let article = Document::new("big", text.clone());
    let mut group = c.benchmark_group("matcher");
    group.sample_size(10);
    group.bench_function("learn 8000 spans", |b| {
        b.iter(|| Matcher::from_corpus(black_box(&corpus)));
    });
    let m = Matcher::from_corpus(&corpus);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("predict 1 MB article", |b| {
        b.iter(|| m.predict(black_box(&article)).len());
    });
    group.finish();
}

criterion_group!(benches, matcher);
criterion_main!(benches);
