//! Dropping the features a trained model barely weighs.
//!
//! An L2-penalised CRF keeps a weight for every feature it was given, and most of them end
//! near zero: in the news model that docs/suggestions.md measures, three quarters of its
//! 646k features weigh less than 0.01 for every tag. They change no tag, but every one
//! costs memory and, when tagging, a cache miss in a table far larger than the processor's
//! cache. Dropping them after training makes the model file smaller and its loading and
//! tagging faster; the honest cross-validation measures what it costs (nothing at 0.01).

use super::crf::Crf;
use super::features::at_offset;
use super::model::{FeatureIndex, Stage};
use super::window::WINDOW;

impl Stage {
    /// The stage without the emission rows whose weights are all below `min_weight` in
    /// magnitude; transitions, start and end weights unchanged. Rows keep their order.
    ///
    /// A feature is kept, whatever its weights, when the model keeps it at another window
    /// position: tagging asks for a feature's window positions only when the model knows
    /// it at the token itself ([`super::scores`]).
    #[must_use]
    pub fn without_weak_rows(&self, min_weight: f64) -> Stage {
        let tags = self.crf.tags;
        let strong = |row: u32| {
            let at = row as usize * tags;
            self.crf.weights[at..at + tags]
                .iter()
                .any(|w| w.abs() >= min_weight)
        };
        let mut hashes = vec![0u64; self.crf.features];
        for (&h, &row) in &self.index {
            hashes[row as usize] = h;
        }
        let keep: Vec<bool> = hashes
            .iter()
            .zip(0u32..)
            .map(|(&h, row)| {
                strong(row)
                    || (-WINDOW..=WINDOW)
                        .filter(|&o| o != 0)
                        .any(|o| self.index.get(&at_offset(h, o)).is_some_and(|&r| strong(r)))
            })
            .collect();
        let kept = keep.iter().filter(|&&k| k).count();
        let mut crf = Crf::new(tags, kept);
        let mut index = FeatureIndex::default();
        index.reserve(kept);
        let kept_rows = hashes
            .iter()
            .zip(&keep)
            .enumerate()
            .filter(|(_, (_, k))| **k);
        for (next, (row, (&h, _))) in (0u32..).zip(kept_rows) {
            let (from, to) = (row * tags, next as usize * tags);
            crf.weights[to..to + tags].copy_from_slice(&self.crf.weights[from..from + tags]);
            index.insert(h, next);
        }
        let rest = self.crf.transitions_at();
        let at = crf.transitions_at();
        crf.weights[at..].copy_from_slice(&self.crf.weights[rest..]);
        Stage::new(index, crf)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Document;
    use crate::suggest::tagger::features::{Template, hash};
    use crate::suggest::tagger::tests::train_with;
    use crate::suggest::tagger::{Resources, TrainOptions};

    #[test]
    fn a_pruned_model_is_smaller_and_tags_new_text_almost_alike() {
        let corpus = crate::synth::ner_corpus(24, 6, false, 5);
        let trained = |min_weight| {
            let options = TrainOptions {
                max_iterations: 60,
                min_weight,
                ..TrainOptions::default()
            };
            train_with(&corpus, &Resources::default(), &options)
        };
        let (all, pruned) = (trained(0.0), trained(0.01));
        assert_eq!(all.summary.features, all.stage.crf.features);
        assert_eq!(pruned.summary.features, pruned.stage.crf.features);
        assert!(
            // Small generated text weighs its few features heavily: a fifth go (on real news
            // three quarters do).
            pruned.summary.features * 5 < all.summary.features * 4,
            "{} of {} features kept",
            pruned.summary.features,
            all.summary.features
        );
        // Unseen names, and hostile text around one.
        let mut texts: Vec<String> = crate::synth::ner_corpus(4, 6, true, 9)
            .documents
            .iter()
            .map(|d| d.text().to_owned())
            .collect();
        texts.push("وصل الرَّئِيسُ إلى كاتماندو 😀\u{200f} CIA 2022.\u{2029}\u{0}\t«قال»".to_owned());
        let (mut same, mut total) = (0, 0);
        for text in &texts {
            let doc = Document::new("new", text.as_str());
            let (a, b) = (all.tag(&doc), pruned.tag(&doc));
            total += a.len().max(b.len());
            same += a
                .iter()
                .filter(|p| b.iter().any(|q| q.range == p.range && q.label == p.label))
                .count();
        }
        assert!(total > 20, "only {total} suggestions compared");
        assert!(
            same * 100 >= total * 95,
            "{same} of {total} suggestions alike"
        );
    }

    #[test]
    fn weak_rows_go_unless_another_window_position_of_theirs_stays() {
        let tags = 2;
        let strong = hash(Template::Bias, "strong");
        let weak = hash(Template::Bias, "weak");
        let weak_beside_strong = hash(Template::Bias, "beside");
        let features = [
            (strong, [0.5, -0.2]),
            (weak, [0.001, -0.004]),
            (weak_beside_strong, [0.0, 0.002]),
            (at_offset(weak_beside_strong, -2), [0.0, -0.3]),
            (at_offset(weak, 1), [0.003, 0.0]),
        ];
        let mut crf = Crf::new(tags, features.len());
        let mut index = FeatureIndex::default();
        for (row, (h, w)) in features.iter().enumerate() {
            index.insert(*h, row as u32);
            crf.weights[row * tags..(row + 1) * tags].copy_from_slice(w);
        }
        let rest = crf.transitions_at();
        for (i, w) in crf.weights[rest..].iter_mut().enumerate() {
            *w = i as f64 + 1.0;
        }
        let stage = Stage::new(index, crf);

        let pruned = stage.without_weak_rows(0.01);
        let weights_of = |h: u64| {
            pruned
                .index
                .get(&h)
                .map(|&r| pruned.crf.weights[r as usize * tags..(r as usize + 1) * tags].to_vec())
        };
        assert_eq!(pruned.crf.features, 3);
        assert_eq!(pruned.index.len(), 3);
        assert_eq!(weights_of(strong), Some(vec![0.5, -0.2]));
        assert_eq!(weights_of(weak), None);
        assert_eq!(weights_of(at_offset(weak, 1)), None);
        // Kept for its strong window position, which tagging reaches only through it.
        assert_eq!(weights_of(weak_beside_strong), Some(vec![0.0, 0.002]));
        assert_eq!(
            weights_of(at_offset(weak_beside_strong, -2)),
            Some(vec![0.0, -0.3])
        );
        // Transitions, start and end weights follow the rows unchanged.
        let at = pruned.crf.transitions_at();
        assert_eq!(pruned.crf.weights[at..], stage.crf.weights[rest..]);
        // Rows keep their order.
        assert!(pruned.index[&strong] < pruned.index[&weak_beside_strong]);

        // Nothing is below a zero threshold.
        let all = stage.without_weak_rows(0.0);
        assert_eq!(all.crf.weights, stage.crf.weights);
        assert_eq!(all.index, stage.index);
    }
}
