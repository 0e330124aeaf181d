//! Writes a synthetic Arabic corpus, for measuring `taliq` on large inputs by hand:
//! `cargo run --release --example synth_corpus -- OUT.json [DOCUMENTS] [BYTES_PER_DOC] [SPANS_PER_DOC]`.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(out) = args.first() else {
        #[allow(clippy::print_stderr, reason = "usage message")]
        {
            eprintln!("usage: synth_corpus OUT.json [DOCUMENTS] [BYTES_PER_DOC] [SPANS_PER_DOC]");
        }
        return ExitCode::from(2);
    };
    let number =
        |i: usize, default: usize| args.get(i).and_then(|a| a.parse().ok()).unwrap_or(default);
    let corpus = taliq::synth::corpus(number(1, 10_000), number(2, 3_000), number(3, 20), 42);
    match taliq::format::CorpusFile::create(out, &corpus, true) {
        Ok(_) => ExitCode::SUCCESS,
        Err(e) => {
            #[allow(clippy::print_stderr, reason = "error report")]
            {
                eprintln!("{e}");
            }
            ExitCode::FAILURE
        }
    }
}
