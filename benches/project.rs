//! `project status` on 20 annotators × 10,000 documents (3 KB Arabic, 20 spans each, overlap
//! 2): every annotator has finished half their documents, with a perturbed copy of the
//! generated spans, so agreement is computed on half the project. The goal is under 1 s.
//!
//! The project is made once (with git) in a temporary folder; only `status` is timed, from
//! reading the files to the figures.

use criterion::{Criterion, criterion_group, criterion_main};
use taliq::format::{Form, write_corpus};
use taliq::model::Status;
use taliq::project::{self, ProjectConfig, Sources, annotation_path};

/// A project of `documents` generated articles for `annotators` people, half of each one's
/// documents done with spans.
fn make_project(dir: &std::path::Path, documents: usize, annotators: usize) {
    let source = taliq::synth::corpus(documents, 3_000, 20, 7);
    let names: Vec<String> = (0..annotators)
        .map(|i| format!("annotator{i:02}"))
        .collect();
    let sources = Sources {
        documents: source
            .documents
            .iter()
            .map(|d| taliq::model::Document::new(d.id.clone(), d.text()))
            .collect(),
        labels: Some(source.labels.clone()),
        relation_labels: Vec::new(),
        document_labels: Vec::new(),
    };
    project::init(dir, "bench", sources, &names, 2, 1).expect("project made");
    let config = ProjectConfig::load(dir).expect("project file");
    for (k, name) in names.iter().enumerate() {
        let path = annotation_path(dir, name);
        let mut corpus = taliq::format::load(&path).expect("annotator file");
        let finished = corpus.documents.len() / 2;
        let worked = taliq::synth::perturbed(&source, 6, k as u64);
        for doc in &mut corpus.documents[..finished] {
            let Some(spans) = worked.documents.iter().find(|d| d.id == doc.id) else {
                continue;
            };
            for span in spans.spans() {
                let _ = doc.add_span(span.clone());
            }
            doc.status = Status::Done;
        }
        std::fs::write(&path, write_corpus(&corpus, Form::Json)).expect("written");
    }
    assert_eq!(config.assignment.len(), documents);
}

fn status(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temporary folder");
    make_project(dir.path(), 10_000, 20);
    let mut group = c.benchmark_group("project_status");
    group.sample_size(10);
    group.bench_function("20_annotators_10k_documents", |bench| {
        bench.iter(|| project::status(dir.path()).expect("status"));
    });
    group.finish();
}

criterion_group!(benches, status);
criterion_main!(benches);
