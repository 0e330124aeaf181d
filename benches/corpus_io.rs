//! Load and save of a generated corpus of 10,000 documents × 3 KB Arabic with 20 spans each (~50 MB).

use criterion::{Criterion, criterion_group, criterion_main};
use taliq::format::{CorpusFile, Form, parse_corpus, write_corpus};

fn corpus_io(c: &mut Criterion) {
    let corpus = taliq::synth::corpus(10_000, 3_000, 20, 42);
    let json = write_corpus(&corpus, Form::Json);
    let dir = std::env::temp_dir().join(format!("taliq-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("corpus.json");
    std::fs::write(&path, &json).expect("write corpus");
    #[allow(clippy::print_stderr, reason = "the size belongs next to the timings")]
    {
        eprintln!("corpus: {} bytes", json.len());
    }

    let mut group = c.benchmark_group("corpus_10k_docs");
    group.sample_size(10);
    group.bench_function("parse", |b| {
        b.iter(|| parse_corpus(json.as_bytes(), Form::Json).expect("valid"));
    });
    group.bench_function("serialise", |b| {
        b.iter(|| write_corpus(&corpus, Form::Json));
    });
    group.bench_function("load_file", |b| {
        b.iter(|| CorpusFile::open(&path).expect("valid"));
    });
    let (mut file, _) = CorpusFile::open(&path).expect("valid");
    group.bench_function("save_file", |b| {
        b.iter(|| file.save(&corpus).expect("saved"));
    });
    group.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(benches, corpus_io);
criterion_main!(benches);
