//! Precision, recall and F1 of one annotator against another: the figure both the span
//! report and the relation report give.

use serde::Serialize;

/// Precision, recall and F1; `None` where the denominator is zero.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Prf {
    /// Matches over the other annotator's spans.
    pub precision: Option<f64>,
    /// Matches over the reference's spans.
    pub recall: Option<f64>,
    /// 2 · matches / (reference + other spans).
    pub f1: Option<f64>,
}

impl Prf {
    pub(crate) fn of(matched: u64, reference: u64, other: u64) -> Self {
        let ratio = |a: u64, b: u64| (b > 0).then(|| a as f64 / b as f64);
        Self {
            precision: ratio(matched, other),
            recall: ratio(matched, reference),
            f1: ratio(2 * matched, reference + other),
        }
    }

    pub(crate) fn mean(all: &[Self]) -> Self {
        Self {
            precision: mean(all.iter().map(|p| p.precision)),
            recall: mean(all.iter().map(|p| p.recall)),
            f1: mean(all.iter().map(|p| p.f1)),
        }
    }
}

/// Mean of the defined values, `None` if there are none.
pub(crate) fn mean(values: impl Iterator<Item = Option<f64>>) -> Option<f64> {
    let defined: Vec<f64> = values.flatten().collect();
    (!defined.is_empty()).then(|| defined.iter().sum::<f64>() / defined.len() as f64)
}
