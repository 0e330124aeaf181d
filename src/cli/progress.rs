//! Progress of `taliq train` on stderr: a bar when stderr is a terminal, plain lines
//! otherwise (a log or a pipe gets a line at each new stage or fold and each tenth of the way,
//! never a carriage-return animation).

use std::fmt::Write as _;
use std::io::IsTerminal as _;
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};

use crate::suggest::tagger::Progress;

/// Positions of the bar: fractions are shown to a thousandth.
const STEPS: u64 = 1000;

/// What a plain line was last written for: stage, fold and tenth of the way.
type Mark = (&'static str, Option<(usize, usize)>, u32);

/// Reports the tagger's [`Progress`] for one long job; clears its bar when dropped.
pub(super) struct Reporter {
    what: &'static str,
    bar: Option<ProgressBar>,
    last: Mutex<Option<Mark>>,
}

impl Reporter {
    /// A reporter for a job named `what` ("training", "cross-validating"): a bar when stderr
    /// is a terminal, plain lines otherwise.
    pub(super) fn new(what: &'static str) -> Self {
        let bar = std::io::stderr().is_terminal().then(|| {
            let style = ProgressStyle::with_template(
                "{spinner} {prefix} [{bar:30}] {percent:>3}% {msg} ({elapsed}, about {eta} left)",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> ");
            let bar = ProgressBar::new(STEPS).with_style(style).with_prefix(what);
            // Building features reports nothing for seconds: keep the clock moving.
            bar.enable_steady_tick(Duration::from_millis(250));
            bar
        });
        Self {
            what,
            bar,
            last: Mutex::new(None),
        }
    }

    /// Shows where the job is.
    pub(super) fn report(&self, p: Progress) {
        let fraction = p.fraction.clamp(0.0, 1.0);
        #[allow(
            clippy::cast_sign_loss,
            clippy::cast_possible_truncation,
            reason = "a fraction in 0..=1, scaled"
        )]
        let (position, tenth) = (
            (f64::from(fraction) * STEPS as f64) as u64,
            (fraction * 10.0).floor() as u32,
        );
        if let Some(line) = fold_scored(p) {
            match &self.bar {
                Some(bar) => bar.println(line),
                None => eprintln!("{line}"),
            }
            return;
        }
        if let Some(bar) = &self.bar {
            bar.set_position(position);
            bar.set_message(describe(p));
            return;
        }
        let mark = (p.stage, p.fold, tenth);
        let mut last = self.last.lock().unwrap_or_else(PoisonError::into_inner);
        if *last != Some(mark) {
            *last = Some(mark);
            eprintln!(
                "taliq: {} {:>3.0} %: {}",
                self.what,
                fraction * 100.0,
                describe(p)
            );
        }
    }
}

impl Drop for Reporter {
    fn drop(&mut self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// "taliq: fold 2/5 scored: micro F1 0.7712" when a fold has just been scored: each fold's
/// score as soon as it is known, so that a long cross-validation stopped early still says
/// something.
fn fold_scored(p: Progress) -> Option<String> {
    let f1 = p.fold_f1?;
    let fold = p
        .fold
        .map_or_else(String::new, |(fold, folds)| format!("fold {fold}/{folds} "));
    Some(format!("taliq: {fold}scored: micro F1 {f1:.4}"))
}

/// "fold 2/5: training, iteration 40/150".
fn describe(p: Progress) -> String {
    let mut out = String::new();
    if let Some((fold, folds)) = p.fold {
        let _ = write!(out, "fold {fold}/{folds}: ");
    }
    out.push_str(p.stage);
    if let Some((done, most)) = p.iteration {
        let _ = write!(out, ", iteration {done}/{most}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_names_fold_stage_and_iteration() {
        let p = Progress {
            fraction: 0.5,
            stage: "training",
            iteration: Some((40, 150)),
            fold: Some((2, 5)),
            fold_f1: None,
        };
        assert_eq!(describe(p), "fold 2/5: training, iteration 40/150");
        let features = Progress {
            stage: "features",
            ..Progress::default()
        };
        assert_eq!(describe(features), "features");
        assert_eq!(fold_scored(p), None);
        let scored = Progress {
            fold: Some((2, 5)),
            fold_f1: Some(0.771_24),
            ..Progress::default()
        };
        assert_eq!(
            fold_scored(scored).as_deref(),
            Some("taliq: fold 2/5 scored: micro F1 0.7712")
        );
    }
}
