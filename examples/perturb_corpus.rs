//! Writes a copy of a corpus as another annotator might have made it, for measuring
//! `taliq agree` by hand (see `benches/compare_exports.sh`):
//! `cargo run --release --example perturb_corpus -- IN.json OUT.json [EVERY] [SEED]`
//! drops, relabels or reshapes about one span in EVERY (default 5).

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(input), Some(out)) = (args.first(), args.get(1)) else {
        #[allow(clippy::print_stderr, reason = "usage message")]
        {
            eprintln!("usage: perturb_corpus IN.json OUT.json [EVERY] [SEED]");
        }
        return ExitCode::from(2);
    };
    let number =
        |i: usize, default: u64| args.get(i).and_then(|a| a.parse().ok()).unwrap_or(default);
    let result = taliq::format::load(input)
        .map_err(|e| e.to_string())
        .and_then(|corpus| {
            let every = usize::try_from(number(2, 5)).unwrap_or(5).max(1);
            let copy = taliq::synth::perturbed(&corpus, every, number(3, 11));
            taliq::format::CorpusFile::create(out, &copy, true)
                .map(|_| ())
                .map_err(|e| e.to_string())
        });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            #[allow(clippy::print_stderr, reason = "error report")]
            {
                eprintln!("{e}");
            }
            ExitCode::FAILURE
        }
    }
}
