//! A trained tagger: its tags, feature index, CRF weights and lexicon, and tagging with it.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use super::clusters::Clusters;
use super::consistency::propagate;
use super::crf::{Crf, Lattice};
use super::features::{Vocabulary, WordInfo};
use super::lexicon::Lexicon;
use super::parallel::in_parallel;
use super::scores::WordScores;
use super::second_stage::{self, SecondStage};
use super::sentences::{self, Sentence, TaggedSpan};
use super::window::token_features;
use crate::model::Document;
use crate::suggest::Prediction;

/// A hasher for keys that are hashes already (feature hashes): passes them through.
#[derive(Debug, Default, Clone, Copy)]
pub struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(*b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// Feature hash → emission row.
pub type FeatureIndex = HashMap<u64, u32, BuildHasherDefault<PassThrough>>;

/// What a model was trained on, for the window's suggestions panel.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize, PartialEq)]
pub struct TrainingSummary {
    /// Documents given.
    pub documents: usize,
    /// Spans learned from.
    pub spans: usize,
    /// Spans no tag could hold (overlapping, or starting mid-word after no proclitic).
    pub skipped_spans: usize,
    /// Tokens trained on.
    pub tokens: usize,
    /// Distinct features kept.
    pub features: usize,
    /// Optimiser iterations.
    pub iterations: usize,
}

/// One CRF with the features it knows.
#[derive(Debug, Clone)]
pub struct Stage {
    /// Feature hash → emission row.
    pub index: FeatureIndex,
    /// The weights.
    pub crf: Crf,
    /// The emission weights in single precision, made when first asked for. Tagging reads
    /// them at random and is bound by cache misses: half the bytes, fewer misses. The model
    /// file keeps every weight as `f32`, so a loaded model loses nothing by it.
    single: OnceLock<Vec<f32>>,
}

impl Stage {
    /// A stage of `crf` whose features `index` maps to rows.
    pub fn new(index: FeatureIndex, crf: Crf) -> Self {
        Self {
            index,
            crf,
            single: OnceLock::new(),
        }
    }

    /// The emission weights (rows × tags) in single precision, for tagging. Made from
    /// [`Self::crf`]'s weights the first time: a stage is not trained further once built.
    pub fn emission_weights(&self) -> &[f32] {
        self.single.get_or_init(|| {
            let emissions = self.crf.features * self.crf.tags;
            #[allow(clippy::cast_possible_truncation)]
            self.crf.weights[..emissions]
                .iter()
                .map(|&w| w as f32)
                .collect()
        })
    }
}

/// A trained sequence tagger that suggests spans (see the module documentation).
#[derive(Debug, Clone)]
pub struct Tagger {
    /// Labels it predicts, sorted.
    pub(super) labels: Vec<String>,
    /// Tag names by index (`O` first).
    pub(super) tags: Vec<String>,
    /// The CRF (the first stage).
    pub(super) stage: Stage,
    /// The second stage, over the first stage's predictions in the document (optional:
    /// older model files and `--no-second-stage` have none).
    pub(super) second: Option<SecondStage>,
    /// The gazetteer built from all training spans (and user gazetteers).
    pub(super) lexicon: Lexicon,
    /// Word clusters learned from the training text.
    pub(super) clusters: Clusters,
    /// Whether names found once are suggested at their other mentions.
    pub(super) propagate: bool,
    /// Whether tokens see their stem's other mentions' neighbours ([`super::aggregate`]).
    pub(super) aggregate: bool,
    /// Proclitic runs seen before span starts inside words, with counts.
    pub(super) cuts: HashMap<String, u32>,
    /// What it was trained on.
    pub(super) summary: TrainingSummary,
}

/// Why a model does not fit a corpus: labels it would suggest that the corpus lacks.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "the model's labels do not match the corpus: it suggests {} that the corpus does not have (corpus labels: {})",
    missing.join(", "), corpus.join(", ")
)]
pub struct LabelMismatch {
    /// Model labels missing from the corpus.
    pub missing: Vec<String>,
    /// The corpus's labels.
    pub corpus: Vec<String>,
}

/// Features of one sentence as emission rows, ready for the CRF.
#[derive(Clone)]
pub(super) struct SentenceRows {
    /// Concatenated rows of every token.
    pub rows: Vec<u32>,
    /// Where each token's rows start in `rows` (one more entry than tokens).
    pub starts: Vec<usize>,
}

impl SentenceRows {
    /// Token slices of the rows.
    pub fn tokens(&self) -> Vec<&[u32]> {
        self.starts
            .windows(2)
            .map(|w| &self.rows[w[0]..w[1]])
            .collect()
    }
}

impl Tagger {
    /// The labels this model suggests.
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// What it was trained on.
    pub fn summary(&self) -> &TrainingSummary {
        &self.summary
    }

    /// The word clusters it knows (learned from its training text, and unlabelled text
    /// when it was given some).
    pub fn clusters(&self) -> &Clusters {
        &self.clusters
    }

    /// Refuses to tag a corpus that lacks some of the model's labels, naming them.
    ///
    /// # Errors
    /// [`LabelMismatch`] listing the model labels the corpus does not have.
    pub fn check_labels<S: AsRef<str>>(&self, corpus_labels: &[S]) -> Result<(), LabelMismatch> {
        let missing: Vec<String> = self
            .labels
            .iter()
            .filter(|l| !corpus_labels.iter().any(|c| c.as_ref() == l.as_str()))
            .cloned()
            .collect();
        if missing.is_empty() {
            Ok(())
        } else {
            Err(LabelMismatch {
                missing,
                corpus: corpus_labels
                    .iter()
                    .map(|c| c.as_ref().to_owned())
                    .collect(),
            })
        }
    }

    /// Suggestions for one document, in text order.
    pub fn tag(&self, doc: &Document) -> Vec<Prediction> {
        self.tag_many(&[doc]).pop().unwrap_or_default()
    }

    /// Suggestions for many documents (sentences tagged on all cores).
    pub fn tag_many(&self, docs: &[&Document]) -> Vec<Vec<Prediction>> {
        self.tag_documents(docs, false).0
    }

    /// Whether it has a second stage.
    pub fn has_second_stage(&self) -> bool {
        self.second.is_some()
    }

    /// How unsure the tagger is about each document: the mean over its words of one minus
    /// the probability of the word's likeliest tag (0 when it is sure of every word; a
    /// document without words gets 0). Active learning opens the most unsure one first.
    pub fn uncertainty(&self, docs: &[&Document]) -> Vec<f32> {
        self.tag_documents(docs, true).1
    }

    /// [`Self::tag_many`] and [`Self::uncertainty`] from one pass over the text: the window
    /// wants both for every unfinished document after training, and each alone reads the
    /// text, sums the words' weights and runs the lattices over again.
    pub fn tag_and_rate(&self, docs: &[&Document]) -> (Vec<Vec<Prediction>>, Vec<f32>) {
        self.tag_documents(docs, true)
    }

    /// Each document's suggestions and, when `rate`, its uncertainty (else all 0).
    fn tag_documents(&self, docs: &[&Document], rate: bool) -> (Vec<Vec<Prediction>>, Vec<f32>) {
        let sents = sentences::sentences(docs, None);
        let (per_sentence, unsure) = self.predict_rated(&sents, rate);
        let mut out = vec![Vec::new(); docs.len()];
        let mut sums = vec![(0.0f64, 0usize); docs.len()];
        for ((sentence, predictions), unsure) in sents.iter().zip(per_sentence).zip(unsure) {
            out[sentence.doc].extend(predictions);
            let (sum, count) = &mut sums[sentence.doc];
            *sum += unsure;
            *count += sentence.words.len();
        }
        let uncertainty = sums
            .into_iter()
            .map(|(sum, count)| {
                if count == 0 {
                    0.0
                } else {
                    (sum / count as f64) as f32
                }
            })
            .collect();
        (out, uncertainty)
    }

    /// Predictions for each sentence (ranges in its document).
    pub(super) fn predict(&self, sents: &[Sentence]) -> Vec<Vec<Prediction>> {
        self.predict_rated(sents, false).0
    }

    /// Predictions for each sentence and, when `rate`, the sum over its words of one minus
    /// the probability of the word's likeliest tag (else 0).
    fn predict_rated(&self, sents: &[Sentence], rate: bool) -> (Vec<Vec<Prediction>>, Vec<f64>) {
        let vocabulary = Vocabulary::of(sents);
        let infos = vocabulary.sentences();
        let inputs = self.final_inputs(sents, &vocabulary, &infos);
        let indices: Vec<usize> = (0..sents.len()).collect();
        let (mut spans, unsure): (Vec<_>, Vec<_>) =
            in_parallel(&indices, |part| self.decode_run(&inputs, part, rate))
                .into_iter()
                .unzip();
        if self.propagate {
            propagate(sents, &infos, &mut spans, &|label| {
                self.tags
                    .iter()
                    .any(|t| t.strip_prefix("P-") == Some(label))
            });
        }
        let predictions = sents
            .iter()
            .zip(spans)
            .map(|(sentence, spans)| {
                spans
                    .into_iter()
                    .map(|(span, score)| Prediction {
                        range: sentences::span_range(sentence, &span, &self.cuts),
                        label: span.label,
                        score,
                    })
                    .collect()
            })
            .collect();
        (predictions, unsure)
    }

    /// The CRF that decides (the second stage when there is one) and what makes every
    /// sentence's emission scores for it: for one stage, its words' summed weights; with a
    /// second stage, the first stage's rows and its predictions in the document.
    fn final_inputs<'a>(
        &'a self,
        sents: &[Sentence],
        vocabulary: &'a Vocabulary,
        infos: &'a [Vec<&'a WordInfo>],
    ) -> FinalInputs<'a> {
        let aggregated = self
            .aggregate
            .then(|| super::aggregate::features(sents, vocabulary, &self.clusters));
        let Some(second) = &self.second else {
            let stage = &self.stage;
            let scores = WordScores::of(&vocabulary.infos, stage, &self.lexicon, &self.clusters);
            return FinalInputs {
                crf: &stage.crf,
                emissions: Emissions::Summed {
                    scores,
                    ids: &vocabulary.ids,
                    infos,
                    aggregated,
                },
            };
        };
        let sentences: Vec<SentenceInput<'_>> = infos
            .iter()
            .enumerate()
            .map(|(s, words)| (words, aggregated.as_ref().map(|a| a[s].as_slice())))
            .collect();
        let rows = self.stage_rows(&sentences);
        let first = &self.stage.crf;
        let paths = in_parallel(&rows, |part| {
            let mut lattice = Lattice::default();
            part.iter()
                .map(|r| {
                    first.emissions(&first.weights, &r.tokens(), &mut lattice);
                    first.viterbi(&first.weights, &lattice)
                })
                .collect()
        });
        let extra = second_stage::features(sents, infos, &paths, &self.tags);
        FinalInputs {
            crf: &second.crf,
            emissions: Emissions::Stages {
                first: rows,
                second,
                extra,
            },
        }
    }

    /// The first stage's emission rows of every sentence (on all cores).
    pub(super) fn stage_rows(&self, sentences: &[SentenceInput<'_>]) -> Vec<SentenceRows> {
        in_parallel(sentences, |part| {
            let mut lex = Vec::new();
            part.iter()
                .map(|(words, own)| {
                    self.lexicon.features(words, &mut lex);
                    self.clusters.features(words, &mut lex);
                    rows_of(&self.stage.index, words, &lex, *own)
                })
                .collect()
        })
    }

    /// The spans of each sentence with their scores (the probability of the span's tags)
    /// and, when `rate`, how unsure it is of the sentence's words (summed; else 0).
    fn decode_run(
        &self,
        inputs: &FinalInputs<'_>,
        sentences: &[usize],
        rate: bool,
    ) -> Vec<(Vec<(TaggedSpan, f32)>, f64)> {
        let crf = inputs.crf;
        let exp_trans = crf.exp_transitions(&crf.weights);
        let mut lattice = Lattice::default();
        let mut out = Vec::with_capacity(sentences.len());
        for &s in sentences {
            inputs.emissions(s, &mut lattice);
            let path = crf.viterbi(&crf.weights, &lattice);
            let spans = sentences::decode(path.iter().map(|&y| self.tags[y as usize].as_str()));
            // Scores and uncertainty need the marginals; a sentence without a span needs
            // no scores.
            let marginals = !lattice.is_empty() && (rate || !spans.is_empty());
            if marginals {
                crf.forward_backward(&crf.weights, &exp_trans, &mut lattice);
            }
            let unsure = if rate && marginals {
                (0..lattice.len())
                    .map(|t| {
                        let best = (0..crf.tags)
                            .map(|y| crf.marginal(&lattice, t, y))
                            .fold(0.0, f64::max);
                        (1.0 - best).clamp(0.0, 1.0)
                    })
                    .sum()
            } else {
                0.0
            };
            let scored = spans
                .into_iter()
                .map(|span| {
                    let p = crf.path_probability(
                        &exp_trans,
                        &lattice,
                        span.first,
                        &path[span.first..=span.last],
                    );
                    (span, p.clamp(0.0, 1.0) as f32)
                })
                .collect();
            out.push((scored, unsure));
        }
        out
    }
}

/// A sentence's words and, with context aggregation, its tokens' aggregated features.
pub(super) type SentenceInput<'a> = (&'a Vec<&'a WordInfo>, Option<&'a [Vec<u64>]>);

/// What the deciding CRF needs to score every sentence.
struct FinalInputs<'a> {
    /// The CRF that decides.
    crf: &'a Crf,
    /// What its emission scores are made from.
    emissions: Emissions<'a>,
}

/// What a sentence's emission scores are made from, a sentence at a time (so that a long
/// text is not held twice).
enum Emissions<'a> {
    /// One stage: its words' summed weights and what is looked up per token.
    Summed {
        /// Every distinct word's sums.
        scores: WordScores<'a>,
        /// Each sentence's words as indices into the vocabulary.
        ids: &'a [Vec<u32>],
        /// Each sentence's words.
        infos: &'a [Vec<&'a WordInfo>],
        /// Each sentence's tokens' aggregated features (with context aggregation).
        aggregated: Option<Vec<Vec<Vec<u64>>>>,
    },
    /// Two stages: the first stage's rows and each token's second-stage feature hashes.
    Stages {
        /// Each sentence's first-stage rows.
        first: Vec<SentenceRows>,
        /// The second stage.
        second: &'a SecondStage,
        /// Each sentence's tokens' second-stage feature hashes.
        extra: Vec<Vec<Vec<u64>>>,
    },
}

impl FinalInputs<'_> {
    /// Fills `lattice` with sentence `s`'s emission scores under the deciding CRF.
    fn emissions(&self, s: usize, lattice: &mut Lattice) {
        match &self.emissions {
            Emissions::Summed {
                scores,
                ids,
                infos,
                aggregated,
            } => scores.emissions(
                &ids[s],
                &infos[s],
                aggregated.as_ref().map(|a| a[s].as_slice()),
                lattice,
            ),
            Emissions::Stages {
                first,
                second,
                extra,
            } => {
                let rows = second.rows(&first[s], &extra[s]);
                self.crf
                    .emissions(&self.crf.weights, &rows.tokens(), lattice);
            }
        }
    }
}

impl crate::suggest::Recommender for Tagger {
    fn source(&self) -> &str {
        SOURCE
    }

    fn predict(&self, doc: &Document) -> Vec<Prediction> {
        self.tag(doc)
    }

    fn predict_many(&self, docs: &[&Document]) -> Vec<Vec<Prediction>> {
        self.tag_many(docs)
    }
}

/// The `source` of the tagger's suggestions and of the spans made by accepting them.
pub const SOURCE: &str = "tagger";

/// The emission rows of a sentence's tokens: their feature hashes that `index` knows.
pub(super) fn rows_of(
    index: &FeatureIndex,
    infos: &[&WordInfo],
    lexicon: &[Vec<u64>],
    extra: Option<&[Vec<u64>]>,
) -> SentenceRows {
    let mut rows = Vec::with_capacity(infos.len() * 64);
    let mut starts = Vec::with_capacity(infos.len() + 1);
    starts.push(0);
    for t in 0..infos.len() {
        token_features(infos, lexicon, extra, t, |f| {
            if let Some(&row) = index.get(&f) {
                rows.push(row);
            }
        });
        starts.push(rows.len());
    }
    SentenceRows { rows, starts }
}
