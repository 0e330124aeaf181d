//! Emission scores for tagging, summed once per distinct word.
//!
//! Most of a token's features come from the ±2 window of words around it, and what a word
//! lends its window (its forms, shape, lexicon distributions, clusters) is the same wherever
//! it stands. A 1 MB article has about 90k tokens but a quarter as many distinct words, so
//! their weights are summed once per word and window position; only what depends on the
//! sentence (its edges, the entity strings that run through it, bigrams, aggregated
//! features) is looked up per token. The result equals [`super::model::rows_of`] followed by
//! [`super::crf::Crf::emissions`] up to rounding (tested); training keeps the rows, which it
//! needs for the gradient.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use super::clusters::Clusters;
use super::crf::Lattice;
use super::features::{OWN_FORMS, Template, WordInfo, at_offset, hash};
use super::lexicon::Lexicon;
use super::model::{FeatureIndex, PassThrough, Stage};
use super::parallel::in_parallel;
use super::window::{WINDOW, bigram, edge};

/// Window positions, `-WINDOW..=WINDOW`.
const POSITIONS: usize = 2 * WINDOW as usize + 1;

/// Each distinct word's summed emission weights at every window position and for its own
/// features, and the tagger's parts that score the rest.
pub(super) struct WordScores<'a> {
    /// Feature hash → emission row.
    index: &'a FeatureIndex,
    /// Tags per weight row.
    tags: usize,
    /// For entity strings and gazetteer names that run through a sentence.
    lexicon: &'a Lexicon,
    /// The emission weights in single precision ([`Stage::emission_weights`]).
    weights: &'a [f32],
    /// Per word: `POSITIONS × tags` window sums (offset −2 first), then `tags` own sums.
    table: Vec<f32>,
    /// The bias feature's weights (every token has it).
    bias: Vec<f32>,
}

impl<'a> WordScores<'a> {
    /// Sums the weights of every word of `words` (on all cores).
    pub fn of(
        words: &[WordInfo],
        stage: &'a Stage,
        lexicon: &'a Lexicon,
        clusters: &Clusters,
    ) -> Self {
        let index = &stage.index;
        let tags = stage.crf.tags;
        let mut scores = Self {
            index,
            tags,
            lexicon,
            weights: stage.emission_weights(),
            table: Vec::new(),
            bias: vec![0.0; tags],
        };
        scores.table = in_parallel(words, |part| {
            let mut table = vec![0.0; part.len() * (POSITIONS + 1) * tags];
            // A feature many words share (a shape, a cluster, a lexicon share) has the same
            // window sums for all of them: summed once, looked up once per word.
            let mut shared: HashMap<u64, Vec<f32>, BuildHasherDefault<PassThrough>> =
                HashMap::default();
            let mut known: HashMap<u64, Option<u32>, BuildHasherDefault<PassThrough>> =
                HashMap::default();
            let mut typed = Vec::new();
            for (info, sums) in part.iter().zip(table.chunks_mut((POSITIONS + 1) * tags)) {
                let (forms, rest) = info.context.split_at(OWN_FORMS.min(info.context.len()));
                typed.clear();
                typed.extend_from_slice(rest);
                lexicon.word_features(info, &mut typed);
                clusters.word_features(info, &mut typed);
                let (window, own) = sums.split_at_mut(POSITIONS * tags);
                for &f in forms {
                    scores.add_window(f, window);
                }
                for &f in &typed {
                    let sums = shared.entry(f).or_insert_with(|| {
                        let mut sums = vec![0.0; POSITIONS * tags];
                        scores.add_window(f, &mut sums);
                        sums
                    });
                    for (s, w) in window.iter_mut().zip(sums.iter()) {
                        *s += w;
                    }
                }
                for &f in &info.own {
                    // Affixes are shared by many words too: the index is asked once each.
                    let row = *known.entry(f).or_insert_with(|| index.get(&f).copied());
                    if let Some(row) = row {
                        scores.add_row(row, own);
                    }
                }
            }
            table
        });
        let mut bias = vec![0.0; tags];
        scores.add(hash(Template::Bias, ""), &mut bias);
        scores.bias = bias;
        scores
    }

    /// Adds feature `f`'s weights at every window position to `window` (`POSITIONS × tags`,
    /// offset −2 first).
    fn add_window(&self, f: u64, window: &mut [f32]) {
        // A feature the model does not know at the token itself it does not know around it
        // either: training saw a word beside a token no more often than as a token, and
        // kept the features seen often enough. Most words of a new text are unknown, and an
        // unknown feature costs a miss in the index.
        if !self.index.contains_key(&f) {
            return;
        }
        for (offset, row) in (-WINDOW..=WINDOW).zip(window.chunks_mut(self.tags)) {
            self.add(at_offset(f, offset), row);
        }
    }

    /// Adds feature `f`'s weights to `row` if the model knows it.
    fn add<T: Copy + std::ops::AddAssign + From<f32>>(&self, f: u64, row: &mut [T]) {
        if let Some(&r) = self.index.get(&f) {
            self.add_row(r, row);
        }
    }

    /// Adds emission row `r`'s weights to `row`.
    fn add_row<T: Copy + std::ops::AddAssign + From<f32>>(&self, r: u32, row: &mut [T]) {
        let tags = self.tags;
        let w = &self.weights[r as usize * tags..(r as usize + 1) * tags];
        for (s, &w) in row.iter_mut().zip(w) {
            *s += T::from(w);
        }
    }

    /// Word `id`'s sums: at window `offset`, or (`None`) for its own features.
    fn sums(&self, id: u32, offset: Option<i8>) -> &[f32] {
        let tags = self.tags;
        let slot = offset.map_or(POSITIONS, |o| usize::from((o + WINDOW).unsigned_abs()));
        let at = (id as usize * (POSITIONS + 1) + slot) * tags;
        &self.table[at..at + tags]
    }

    /// Fills `lattice` with the emission scores of one sentence: its words' `ids` in
    /// [`Self::of`]'s `words`, `infos` the same words, `extra` each token's own further
    /// features (context aggregation).
    // Window positions run before and after the sentence; tokens are far fewer than isize::MAX.
    #[allow(clippy::cast_possible_wrap, clippy::cast_sign_loss)]
    pub fn emissions(
        &self,
        ids: &[u32],
        infos: &[&WordInfo],
        extra: Option<&[Vec<u64>]>,
        lattice: &mut Lattice,
    ) {
        let tags = self.tags;
        let mut matches = vec![Vec::new(); infos.len()];
        self.lexicon.match_features(infos, &mut matches);
        let scores = lattice.reset(infos.len(), tags);
        let len = infos.len() as isize;
        for (t, row) in scores.chunks_mut(tags).enumerate() {
            for (s, &b) in row.iter_mut().zip(&self.bias) {
                *s = f64::from(b);
            }
            for offset in -WINDOW..=WINDOW {
                let at = t as isize + offset as isize;
                if at < 0 || at >= len {
                    if at == -1 || at == len {
                        self.add(at_offset(edge(at < 0), offset), row);
                    }
                    continue;
                }
                let at = at as usize;
                for (s, &w) in row.iter_mut().zip(self.sums(ids[at], Some(offset))) {
                    *s += f64::from(w);
                }
                for &f in &matches[at] {
                    self.add(at_offset(f, offset), row);
                }
            }
            for (s, &w) in row.iter_mut().zip(self.sums(ids[t], None)) {
                *s += f64::from(w);
            }
            if t > 0 {
                self.add(bigram(&infos[t - 1].folded, &infos[t].folded, "L"), row);
            }
            if t + 1 < infos.len() {
                self.add(bigram(&infos[t].folded, &infos[t + 1].folded, "R"), row);
            }
            if let Some(extra) = extra {
                for &f in &extra[t] {
                    self.add(f, row);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Document;
    use crate::suggest::tagger::features::Vocabulary;
    use crate::suggest::tagger::model::SentenceInput;
    use crate::suggest::tagger::sentences;
    use crate::suggest::tagger::tests::train_with;
    use crate::suggest::tagger::{Resources, TrainOptions};

    #[test]
    fn summed_word_scores_equal_the_emissions_of_every_tokens_rows() {
        let corpus = crate::synth::ner_corpus(24, 6, false, 3);
        // A gazetteer name, so that names running through sentences are scored too.
        let gazetteer = vec![("LOC".to_owned(), "كاتماندو".to_owned())];
        let options = TrainOptions {
            max_iterations: 40,
            // Drops many features, some of them known at other window positions.
            min_weight: 0.05,
            ..TrainOptions::default()
        };
        let tagger = train_with(&corpus, &Resources::gazetteer(&gazetteer), &options);
        assert!(tagger.aggregate && tagger.second.is_none());
        assert!(!tagger.clusters.is_empty() && tagger.lexicon.entity_strings() > 0);

        // Text like the training's, a name of the gazetteer, and hostile text: harakat,
        // Latin and digits, emoji, controls and separators, a sentence of one word.
        let mut texts: Vec<String> = crate::synth::ner_corpus(3, 5, true, 8)
            .documents
            .iter()
            .map(|d| d.text().to_owned())
            .collect();
        texts.push(
            "وصل الرَّئِيسُ إلى كاتماندو يوم 12 مايو 2022 مع وفد CIA 😀\u{200f}.\u{2029}قال.\n\u{0}\t«كاتماندو»"
                .to_owned(),
        );
        let others: Vec<Document> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Document::new(format!("t{i}"), t.as_str()))
            .collect();
        let others: Vec<&Document> = others.iter().collect();
        let sents = sentences::sentences(&others, None);
        let vocabulary = Vocabulary::of(&sents);
        let infos = vocabulary.sentences();
        let aggregated =
            crate::suggest::tagger::aggregate::features(&sents, &vocabulary, &tagger.clusters);
        let inputs: Vec<SentenceInput<'_>> = infos
            .iter()
            .zip(&aggregated)
            .map(|(words, own)| (words, Some(own.as_slice())))
            .collect();
        let rows = tagger.stage_rows(&inputs);
        let crf = &tagger.stage.crf;
        let scores = WordScores::of(
            &vocabulary.infos,
            &tagger.stage,
            &tagger.lexicon,
            &tagger.clusters,
        );
        let (mut by_rows, mut summed) = (Lattice::default(), Lattice::default());
        let mut tokens = 0;
        for s in 0..sents.len() {
            crf.emissions(&crf.weights, &rows[s].tokens(), &mut by_rows);
            scores.emissions(
                &vocabulary.ids[s],
                &infos[s],
                Some(&aggregated[s]),
                &mut summed,
            );
            assert_eq!(by_rows.len(), summed.len());
            for (a, b) in by_rows.emission.iter().zip(&summed.emission) {
                // Summed in single precision, as the model file keeps its weights.
                assert!(
                    (a - b).abs() < 1e-4 * a.abs().max(1.0),
                    "sentence {s}: {a} by rows, {b} summed"
                );
            }
            assert_eq!(
                crf.viterbi(&crf.weights, &by_rows),
                crf.viterbi(&crf.weights, &summed)
            );
            tokens += summed.len();
        }
        assert!(tokens > 100, "only {tokens} tokens compared");
        // The scores are not all alike: tokens differ, so the comparison compared something.
        let first = &summed.emission[..crf.tags];
        assert!(summed.emission.chunks(crf.tags).any(|row| row != first));
    }
}
