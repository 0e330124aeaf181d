//! Export of a generated corpus of 10,000 documents × 3 KB Arabic with 20 spans each to every
//! format, in memory (writing the files is the atomic writer's cost, measured in `corpus_io`).

use criterion::{Criterion, criterion_group, criterion_main};
use taliq::interchange::{Format, Options, export_documents};

fn export(c: &mut Criterion) {
    let corpus = taliq::synth::corpus(10_000, 3_000, 20, 42);
    let mut group = c.benchmark_group("export_10k_docs");
    group.sample_size(10);
    for (name, format) in [
        ("jsonl", Format::Jsonl),
        ("conll", Format::Conll),
        ("hf", Format::Hf),
        ("brat", Format::Brat),
        ("label_studio", Format::LabelStudio),
        ("doccano", Format::Doccano),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| export_documents(&corpus, &corpus.documents, format, &Options::default()));
        });
    }
    group.finish();
}

criterion_group!(benches, export);
criterion_main!(benches);
