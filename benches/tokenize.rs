//! The tokeniser on 1 MB of generated Arabic news text and on 256 KB of hostile text (stacked
//! harakat, emoji ZWJ sequences, flags, bidi controls, separators), against the reference
//! implementation it replaced (`tests/text/tokenize_reference/reference.rs`), so that one run shows
//! the speed-up: `cargo bench --bench tokenize`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

#[path = "../tests/text/tokenize_reference/reference.rs"]
mod reference;

/// Pieces of text the generated news lacks, repeated to `bytes`.
fn hostile(bytes: usize) -> String {
    let pieces = [
        "بِسْمِ اللَّهِ ",
        "👨\u{200D}👩\u{200D}👧 ",
        "\u{1F1F8}\u{1F1E6} ",
        "\u{202B}عربي\u{202C} ",
        "١٬٠٠٠٫٥ ",
        "ﻻ ﷲ ﷺ\u{2029}",
        "e\u{0301}té\r\n",
        "क\u{094D}ष ",
        "«كـــتاب»، ",
    ];
    let mut text = String::new();
    while text.len() < bytes {
        for piece in pieces {
            text.push_str(piece);
        }
    }
    text
}

/// Texts with span edges every few words, as an export with many entities asks for.
type Texts = Vec<(String, Vec<usize>)>;

/// 200 generated articles of 5 KB (1 MB in all), the size of a news corpus's documents.
fn news() -> Texts {
    let mut rng = taliq::synth::Rng::new(42);
    (0..200)
        .map(|_| {
            let (text, words) = taliq::synth::article(&mut rng, 5_000);
            let edges = words
                .iter()
                .step_by(7)
                .flat_map(|w| [w.start() + 1, w.end()])
                .collect();
            (text, edges)
        })
        .collect()
}

/// 64 hostile texts of 4 KB, with an edge every 11 code points.
fn hostile_texts() -> Texts {
    (0..64)
        .map(|_| {
            let text = hostile(4_096);
            let edges = (0..text.chars().count()).step_by(11).collect();
            (text, edges)
        })
        .collect()
}

fn tokenize(c: &mut Criterion) {
    for (name, texts) in [("news_1mb", news()), ("hostile_256kb", hostile_texts())] {
        let bytes: usize = texts.iter().map(|(t, _)| t.len()).sum();
        let mut group = c.benchmark_group(format!("tokenize_{name}"));
        group.throughput(Throughput::Bytes(bytes as u64));
        group.sample_size(20);
        let texts = &texts;
        let each = |tokenize: fn(&str, &[usize]) -> Vec<taliq::tokenize::Token>| {
            move || {
                for (text, edges) in texts {
                    black_box(tokenize(black_box(text), edges));
                }
            }
        };
        group.bench_function("tokenize", |b| {
            b.iter(each(|t, _| taliq::tokenize::tokenize(t)));
        });
        group.bench_function("reference", |b| b.iter(each(|t, _| reference::tokenize(t))));
        group.bench_function("with_clitics", |b| {
            b.iter(each(taliq::tokenize::tokenize_with_clitics));
        });
        group.bench_function("with_clitics_reference", |b| {
            b.iter(each(reference::tokenize_with_clitics));
        });
        group.finish();
    }
}

criterion_group!(benches, tokenize);
criterion_main!(benches);
