//! The second stage: a CRF that sees, besides the first stage's features, what the first
//! stage predicted for this token and for the same stem elsewhere in the document (its
//! group of sentences, [`super::sentences::GROUP_SENTENCES`]), so that a name found in one
//! sentence and missed in another can be found there too, with the other mentions' label.
//!
//! Trained honestly: the first-stage predictions on the training sentences come from
//! jackknife models, one per fold of the training lexicon (contiguous documents or sentence
//! blocks, [`super::folds`]), each trained without the fold it predicts, so the second stage
//! learns how far to trust predictions made on text the first stage has not seen.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};

use super::crf::{Crf, Lattice};
use super::features::{Template, WordInfo, at_offset, hash};
use super::model::{FeatureIndex, SentenceRows};
use super::sentences::{OUTSIDE, Sentence};
use super::train::{FitSpan, TrainError, TrainOptions, TrainSentence, fit};

/// Stems shorter than this many letters neither cast nor get document votes (particles,
/// single letters, punctuation).
const MIN_STEM_LETTERS: usize = 2;

/// The second stage's CRF and the feature hashes it adds to the first stage's.
#[derive(Debug, Clone)]
pub struct SecondStage {
    /// Hash of a second-stage feature → emission row (rows after the first stage's, which
    /// keep their numbers).
    pub extra: FeatureIndex,
    /// The weights over the first stage's rows and the extra ones.
    pub crf: Crf,
}

impl SecondStage {
    /// A sentence's first-stage rows with each token's second-stage rows appended.
    pub(super) fn rows(&self, first: &SentenceRows, extra: &[Vec<u64>]) -> SentenceRows {
        let mut rows = Vec::with_capacity(first.rows.len() + extra.len() * 8);
        let mut starts = Vec::with_capacity(first.starts.len());
        starts.push(0);
        for (w, hashes) in first.starts.windows(2).zip(extra) {
            rows.extend_from_slice(&first.rows[w[0]..w[1]]);
            rows.extend(hashes.iter().filter_map(|h| self.extra.get(h).copied()));
            starts.push(rows.len());
        }
        SentenceRows { rows, starts }
    }
}

/// The label a tag names (`B-PER` → `PER`; `O` → `O`).
fn label_of(tag: &str) -> &str {
    tag.split_once('-').map_or(tag, |(_, label)| label)
}

/// Second-stage feature hashes of every token of every sentence, `[sentence][token]`.
///
/// `paths[s][t]` is the first stage's tag (an index into `tags`) of token `t` of sentence
/// `s`, whose words are `words[s]`. Votes are counted per group of sentences (a document,
/// or a run of [`super::sentences::GROUP_SENTENCES`] of a long one), never across groups:
/// a token sees the labels the first stage gave the other tokens of its stem in its group.
pub fn features(
    sents: &[Sentence],
    words: &[Vec<&WordInfo>],
    paths: &[Vec<u16>],
    tags: &[String],
) -> Vec<Vec<Vec<u64>>> {
    let mut label_names: Vec<&str> = vec![OUTSIDE];
    let label_id: Vec<usize> = tags
        .iter()
        .map(|t| {
            let label = label_of(t);
            label_names
                .iter()
                .position(|l| *l == label)
                .unwrap_or_else(|| {
                    label_names.push(label);
                    label_names.len() - 1
                })
        })
        .collect();
    let votes_for = |stem: &str| stem.chars().count() >= MIN_STEM_LETTERS;
    // (group, stem) → how often the first stage gave each label to that stem's tokens.
    let mut votes: HashMap<(usize, &str), Vec<u32>> = HashMap::new();
    for ((sentence, words), path) in sents.iter().zip(words).zip(paths) {
        for (word, &tag) in words.iter().zip(path) {
            if votes_for(&word.stem) {
                votes
                    .entry((sentence.group, word.stem.as_str()))
                    .or_insert_with(|| vec![0; label_names.len()])[label_id[tag as usize]] += 1;
            }
        }
    }
    let hashes = VoteHashes::new(tags, &label_names);
    sents
        .iter()
        .zip(words)
        .zip(paths)
        .map(|((sentence, words), path)| {
            (0..path.len().min(words.len()))
                .map(|t| {
                    let own = path[t] as usize;
                    let mut out = vec![hashes.stage_one[own][1]];
                    if t > 0 {
                        out.push(hashes.stage_one[path[t - 1] as usize][0]);
                    }
                    if t + 1 < path.len() {
                        out.push(hashes.stage_one[path[t + 1] as usize][2]);
                    }
                    if let Some(counts) = votes.get(&(sentence.group, words[t].stem.as_str())) {
                        hashes.votes(counts, label_id[own], &mut out);
                    }
                    out
                })
                .collect()
        })
        .collect()
}

/// The second stage's feature hashes, computed once per tagging rather than per token.
struct VoteHashes {
    /// Per tag: its stage-one feature seen from the next token, its own, from the previous.
    stage_one: Vec<[u64; 3]>,
    /// Per label: "seen elsewhere as it".
    seen: Vec<u64>,
    /// Per label: "the majority elsewhere".
    major: Vec<u64>,
    /// Per (own label, majority label).
    own_major: Vec<Vec<u64>>,
    /// Every other mention is a name.
    always: u64,
}

impl VoteHashes {
    fn new(tags: &[String], labels: &[&str]) -> Self {
        let of = |key: &str| hash(Template::DocumentVote, key);
        Self {
            stage_one: tags
                .iter()
                .map(|t| {
                    let h = hash(Template::StageOne, t);
                    [at_offset(h, -1), h, at_offset(h, 1)]
                })
                .collect(),
            seen: labels.iter().map(|l| of(&format!("seen:{l}"))).collect(),
            major: labels.iter().map(|l| of(&format!("major:{l}"))).collect(),
            own_major: labels
                .iter()
                .map(|own| {
                    labels
                        .iter()
                        .map(|m| of(&format!("own:{own}|major:{m}")))
                        .collect()
                })
                .collect(),
            always: of("always-a-name"),
        }
    }

    /// The vote features of a token whose stem got `counts` (by label, its own label
    /// `own_label` included) in its group.
    fn votes(&self, counts: &[u32], own_label: usize, out: &mut Vec<u64>) {
        let elsewhere = |l: usize| counts[l] - u32::from(l == own_label);
        if (0..counts.len()).all(|l| elsewhere(l) == 0) {
            return;
        }
        for l in 1..counts.len() {
            if elsewhere(l) > 0 {
                out.push(self.seen[l]);
            }
        }
        // The majority label elsewhere; a tie goes to the first label (O before names).
        let major = (0..counts.len())
            .max_by_key(|&l| (elsewhere(l), std::cmp::Reverse(l)))
            .unwrap_or(0);
        out.push(self.major[major]);
        out.push(self.own_major[own_label][major]);
        if elsewhere(0) == 0 {
            out.push(self.always);
        }
    }
}

/// What training the second stage needs from the first.
pub(super) struct FirstStage<'a> {
    /// The training sentences.
    pub sents: &'a [Sentence],
    /// Their words.
    pub words: &'a [Vec<&'a WordInfo>],
    /// The non-empty sentences as emission rows of the first stage, with gold tags.
    pub data: &'a [TrainSentence],
    /// The sentence of each entry of `data`.
    pub sentence_of: &'a [usize],
    /// Each sentence's fold (the training lexicon's), `0..folds`.
    pub fold_of: &'a [usize],
    /// How many folds.
    pub folds: usize,
    /// The first stage trained on everything.
    pub crf: &'a Crf,
    /// Tag names by index.
    pub tags: &'a [String],
}

/// First-stage tags of every sentence, each predicted by a jackknife model trained on the
/// other folds only (so never by a model that saw the sentence). Sentences without words
/// get an empty path.
pub(super) fn jackknife_paths(
    first: &FirstStage<'_>,
    options: &TrainOptions,
    progress: &dyn Fn(super::Progress),
    span: (f32, f32),
    cancel: &AtomicBool,
) -> Result<Vec<Vec<u16>>, TrainError> {
    let mut paths = vec![Vec::new(); first.sents.len()];
    let width = (span.1 - span.0) / first.folds as f32;
    for fold in 0..first.folds {
        if cancel.load(Ordering::Relaxed) {
            return Err(TrainError::Cancelled);
        }
        let training: Vec<&TrainSentence> = first
            .data
            .iter()
            .zip(first.sentence_of)
            .filter(|(_, s)| first.fold_of[**s] != fold)
            .map(|(d, _)| d)
            .collect();
        let mut crf = Crf::new(first.crf.tags, first.crf.features);
        let from = span.0 + width * fold as f32;
        fit(
            &mut crf,
            &training,
            options,
            &FitSpan {
                stage: "second stage: first-stage predictions",
                from,
                to: from + width,
                max_iterations: options.jackknife_iterations,
            },
            progress,
            cancel,
        )?;
        let mut lattice = Lattice::default();
        for (d, &s) in first.data.iter().zip(first.sentence_of) {
            if first.fold_of[s] == fold {
                crf.emissions(&crf.weights, &d.tokens(), &mut lattice);
                paths[s] = crf.viterbi(&crf.weights, &lattice);
            }
        }
    }
    Ok(paths)
}

/// Trains the second stage on the first stage's honest predictions (see the module
/// documentation), starting from the first stage's weights.
///
/// # Errors
/// [`TrainError::Cancelled`] when cancelled.
pub(super) fn train(
    first: &FirstStage<'_>,
    options: &TrainOptions,
    progress: &dyn Fn(super::Progress),
    span: (f32, f32),
    cancel: &AtomicBool,
) -> Result<SecondStage, TrainError> {
    let middle = span.0 + (span.1 - span.0) * 0.8;
    let paths = jackknife_paths(first, options, progress, (span.0, middle), cancel)?;
    let extra = features(first.sents, first.words, &paths, first.tags);
    let mut counts: HashMap<u64, u32> = HashMap::new();
    for &s in first.sentence_of {
        for hashes in &extra[s] {
            for &h in hashes {
                *counts.entry(h).or_default() += 1;
            }
        }
    }
    let mut kept: Vec<u64> = counts
        .into_iter()
        .filter(|(_, n)| *n >= options.min_feature_count)
        .map(|(h, _)| h)
        .collect();
    kept.sort_unstable();
    let first_rows = first.crf.features;
    let index: FeatureIndex = kept
        .iter()
        .enumerate()
        .map(|(i, h)| (*h, (first_rows + i) as u32))
        .collect();
    let stage = SecondStage {
        extra: index,
        crf: warm_start(first.crf, kept.len()),
    };
    let data: Vec<TrainSentence> = first
        .data
        .iter()
        .zip(first.sentence_of)
        .map(|(d, &s)| {
            let rows = stage.rows(
                &SentenceRows {
                    rows: d.rows.clone(),
                    starts: d.starts.clone(),
                },
                &extra[s],
            );
            TrainSentence {
                rows: rows.rows,
                starts: rows.starts,
                gold: d.gold.clone(),
            }
        })
        .collect();
    let mut crf = stage.crf;
    let refs: Vec<&TrainSentence> = data.iter().collect();
    fit(
        &mut crf,
        &refs,
        options,
        &FitSpan {
            stage: "second stage",
            from: middle,
            to: span.1,
            max_iterations: options.second_stage_iterations,
        },
        progress,
        cancel,
    )?;
    Ok(SecondStage {
        extra: stage.extra,
        crf,
    })
}

/// A CRF with `added` more emission rows than `first`, holding `first`'s weights (the new
/// rows zero): the second stage starts where the first stopped.
fn warm_start(first: &Crf, added: usize) -> Crf {
    let mut crf = Crf::new(first.tags, first.features + added);
    let emissions = first.transitions_at();
    crf.weights[..emissions].copy_from_slice(&first.weights[..emissions]);
    let at = crf.transitions_at();
    crf.weights[at..].copy_from_slice(&first.weights[emissions..]);
    crf
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Document;
    use crate::suggest::tagger::sentences::sentences;

    use crate::suggest::tagger::features::infos_of_sentences as words_of;

    fn vote(label: &str) -> u64 {
        hash(Template::DocumentVote, &format!("seen:{label}"))
    }

    #[test]
    fn a_stem_tagged_in_one_sentence_votes_in_the_others_of_its_document_only() {
        // Two documents; the first stage tags لموسكو (stem موسكو) LOC in the first sentence
        // of document 1 only. Its other mention, in sentence 2 of the same document, hears
        // the vote; the mention in document 2 does not.
        let one = Document::new("a", "زار الرئيس لموسكو أمس.\nوصل الوفد إلى موسكو اليوم.");
        let two = Document::new("b", "تقع موسكو في الشمال.");
        let sents = sentences(&[&one, &two], None);
        assert_eq!(sents.len(), 3);
        assert_ne!(sents[1].group, sents[2].group);
        let tags: Vec<String> = ["O", "B-LOC", "I-LOC", "P-LOC"]
            .iter()
            .map(|t| (*t).to_owned())
            .collect();
        let infos = words_of(&sents);
        let words: Vec<Vec<&WordInfo>> = infos.iter().map(|w| w.iter().collect()).collect();
        let mut paths: Vec<Vec<u16>> = sents.iter().map(|s| vec![0; s.words.len()]).collect();
        let at = |s: usize, w: &str| sents[s].words.iter().position(|x| x == w).unwrap();
        paths[0][at(0, "لموسكو")] = 3;
        let extra = features(&sents, &words, &paths, &tags);
        assert!(extra[1][at(1, "موسكو")].contains(&vote("LOC")));
        assert!(!extra[2][at(2, "موسكو")].contains(&vote("LOC")));
        // Its own prediction is not a vote "elsewhere": the tagged mention hears no LOC.
        assert!(!extra[0][at(0, "لموسكو")].contains(&vote("LOC")));
        // The first-stage tag of the token itself is a feature.
        assert!(extra[0][at(0, "لموسكو")].contains(&hash(Template::StageOne, "P-LOC")));
    }

    #[test]
    fn warm_start_keeps_every_first_stage_weight_in_place() {
        let mut first = Crf::new(3, 2);
        for (i, w) in first.weights.iter_mut().enumerate() {
            *w = i as f64 + 1.0;
        }
        let second = warm_start(&first, 4);
        assert_eq!(second.features, 6);
        assert_eq!(second.weights[..6], first.weights[..6]);
        assert!(second.weights[6..18].iter().all(|w| *w == 0.0));
        assert_eq!(second.weights[18..], first.weights[6..]);
    }

    /// A one-token sentence of word row `row` with gold tag `gold`.
    fn one_word(row: u32, gold: u16) -> TrainSentence {
        TrainSentence {
            rows: vec![row],
            starts: vec![0, 1],
            gold: vec![gold],
        }
    }

    #[test]
    fn the_jackknife_never_predicts_a_sentence_with_a_model_that_saw_it() {
        // Word row 0 is a name (tag 1) in the three sentences of fold 0 and not one (tag 0)
        // in the two of fold 1. A model that saw all five calls it a name; the model that
        // predicts fold 0 saw fold 1 only, so it says O there, and the one that predicts
        // fold 1 saw fold 0 only, so it says name there: each the opposite of its own gold.
        let gold = [1, 1, 1, 0, 0];
        let fold_of = [0, 0, 0, 1, 1];
        let data: Vec<TrainSentence> = gold.iter().map(|&g| one_word(0, g)).collect();
        let sents: Vec<Sentence> = (0..gold.len())
            .map(|i| Sentence {
                doc: 0,
                group: i,
                ranges: Vec::new(),
                words: vec!["كلمة".into()],
                gold: Vec::new(),
            })
            .collect();
        let tags = vec!["O".to_owned(), "B-PER".to_owned()];
        let options = TrainOptions {
            jackknife_iterations: 30,
            threads: 1,
            ..TrainOptions::default()
        };
        let cancel = AtomicBool::new(false);
        let mut everything = Crf::new(2, 1);
        let refs: Vec<&TrainSentence> = data.iter().collect();
        let span = FitSpan {
            stage: "test",
            from: 0.0,
            to: 1.0,
            max_iterations: 30,
        };
        fit(&mut everything, &refs, &options, &span, &|_| {}, &cancel).unwrap();
        let mut lattice = Lattice::default();
        everything.emissions(&everything.weights, &data[0].tokens(), &mut lattice);
        assert_eq!(everything.viterbi(&everything.weights, &lattice), [1]);

        let first = FirstStage {
            sents: &sents,
            words: &[],
            data: &data,
            sentence_of: &[0, 1, 2, 3, 4],
            fold_of: &fold_of,
            folds: 2,
            crf: &everything,
            tags: &tags,
        };
        let paths = jackknife_paths(&first, &options, &|_| {}, (0.0, 1.0), &cancel).unwrap();
        assert_eq!(paths, [[0], [0], [0], [1], [1]]);
    }

    #[test]
    fn a_tagger_with_a_second_stage_tags_with_it() {
        let corpus = crate::synth::ner_corpus(12, 8, false, 41);
        let docs: Vec<&Document> = corpus.documents.iter().collect();
        let options = TrainOptions {
            max_iterations: 40,
            jackknife_iterations: 20,
            second_stage_iterations: 20,
            second_stage: true,
            ..TrainOptions::default()
        };
        let cancel = AtomicBool::new(false);
        let resources = super::super::Resources::default();
        let tagger = super::super::train(&docs, &resources, &options, &|_| {}, &cancel).unwrap();
        assert!(tagger.has_second_stage());
        let text = Document::new("x", "قال الرئيس إن الوفد وصل أمس.");
        let words = sentences(&[&text], None)[0].words.len();
        assert!(tagger.tag(&text).len() < words);
        // Make the second stage call every word a one-word name: tagging follows it, so it
        // is the second stage that decides.
        let mut forced = tagger.clone();
        let bias = forced.stage.index[&hash(Template::Bias, "")] as usize;
        let second = forced.second.as_mut().unwrap();
        let b_tag = forced
            .tags
            .iter()
            .position(|t| t.starts_with("B-"))
            .unwrap();
        second.crf.weights[bias * second.crf.tags + b_tag] = 1e3;
        assert_eq!(forced.tag(&text).len(), words);
        // Without it, the first stage alone tags as before.
        forced.second = None;
        assert!(forced.tag(&text).len() < words);
    }

    #[test]
    fn the_jackknife_trains_one_model_per_jackknife_fold() {
        let corpus = crate::synth::ner_corpus(12, 8, false, 43);
        let docs: Vec<&Document> = corpus.documents.iter().collect();
        let resources = super::super::Resources::default();
        let cancel = AtomicBool::new(false);
        for folds in [2, 3] {
            let options = TrainOptions {
                max_iterations: 10,
                jackknife_folds: folds,
                jackknife_iterations: 5,
                second_stage_iterations: 5,
                second_stage: true,
                ..TrainOptions::default()
            };
            let started = std::sync::Mutex::new(0);
            let count = |p: super::super::Progress| {
                if p.stage == "second stage: first-stage predictions"
                    && p.iteration.is_some_and(|(done, _)| done == 1)
                {
                    *started.lock().unwrap() += 1;
                }
            };
            let tagger = super::super::train(&docs, &resources, &options, &count, &cancel).unwrap();
            assert!(tagger.has_second_stage());
            assert_eq!(*started.lock().unwrap(), folds, "{folds} jackknife folds");
        }
    }
}
