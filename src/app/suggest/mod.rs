//! Suggestions in the window (issue #10): what the recommenders offer in the open document,
//! deciding on them by key, and the tagger trained on a worker thread.
//!
//! The matcher and the tagger propose live: their suggestions are offered, not written into
//! the corpus, until an annotator decides (accepting makes a span that records its source,
//! rejecting remembers the rejection). Suggestions stored in the file (imported, or from
//! `taliq suggest`) are offered along with them. So opening a document never changes it,
//! and undo covers exactly the decisions.

pub mod panel;
pub mod priority;
pub mod state;
pub mod worker;

#[cfg(test)]
mod tests;

pub use state::{SuggestSettings, SuggestState, TrainedModel};

use std::path::Path;

use crate::annotate::pick::Pick;
use crate::annotate::suggestions;
use crate::model::{Document, Status, Suggestion};
use crate::suggest::gazetteer::Gazetteer;
use crate::suggest::matcher::Matcher;
use crate::suggest::tagger::Tagger;
use crate::suggest::{Prediction, Recommender, suggest_document, training_documents};
pub use worker::{Inputs, Quality, Report, Training, UnfinishedText};

use crate::app::i18n::{self, Arg, Worded, tr};
use crate::text::isolates::path_unit;

/// The word clusters of the last corpus trained on, in the data folder (keyed by its text:
/// training again on the same corpus does not learn them again).
const CLUSTERS_CACHE: &str = "word-clusters.json";

use super::AppState;

/// What a recommender predicted for the open document earlier, offered again without
/// running it (the tagger's once per model, the matcher's once per edit).
struct Predicted<'a> {
    /// The recommender that made them.
    source: &'a str,
    /// Its predictions for the open document.
    predictions: &'a [Prediction],
}

impl Recommender for Predicted<'_> {
    fn source(&self) -> &str {
        self.source
    }

    fn predict(&self, _: &Document) -> Vec<Prediction> {
        self.predictions.to_vec()
    }
}

/// Spans in the whole corpus.
fn span_count(state: &AppState) -> usize {
    state.corpus.documents.iter().map(|d| d.spans().len()).sum()
}

impl AppState {
    /// Whether suggestions are offered now (on, and not in the review mode, which ignores them).
    pub fn suggestions_active(&self) -> bool {
        self.prefs.suggest.enabled && self.review.is_none()
    }

    /// Makes `offered` the suggestions of the open document, unless they are up to date:
    /// the matcher learned from every span of the corpus, the tagger's for this document,
    /// and those the document stores.
    pub fn refresh_suggestions(&mut self) {
        if !self.suggestions_active() {
            self.suggest.offered.clear();
            if self.pick.as_suggestion().is_some() {
                self.pick = Pick::None;
            }
            self.suggest.offered_for = None;
            return;
        }
        let key = (
            self.generation,
            self.selected,
            self.history.revision(),
            self.suggest.model_version,
        );
        if self.suggest.offered_for == Some(key) {
            return;
        }
        self.suggest.offered_for = Some(key);
        let Some(doc) = self.corpus.documents.get(self.selected) else {
            self.suggest.offered.clear();
            return;
        };
        let learned = (self.generation, self.history.revision());
        let matcher = match &mut self.suggest.matcher {
            Some((key, matcher)) if *key == learned => matcher,
            slot => {
                let mut matcher = Matcher::from_corpus(&self.corpus);
                for gazetteer in &self.suggest.gazetteers {
                    matcher.learn_gazetteer(gazetteer);
                }
                self.suggest.matcher_forms = matcher.len();
                // A matcher made anew (an edit, a gazetteer) predicts anew.
                self.suggest.matched = None;
                &mut slot.insert((learned, matcher)).1
            }
        };
        let matched_for = (self.generation, self.selected, self.history.revision());
        let found = match &mut self.suggest.matched {
            Some((key, predictions)) if *key == matched_for => predictions,
            slot => &mut slot.insert((matched_for, matcher.predict(doc))).1,
        };
        if let Some(model) = &self.suggest.model {
            self.suggest
                .tagged
                .entry(self.selected)
                .or_insert_with(|| model.tagger.tag(doc));
        }
        let from_matcher = Predicted {
            source: matcher.source(),
            predictions: found,
        };
        let tagged = Predicted {
            source: crate::suggest::tagger::SOURCE,
            predictions: self
                .suggest
                .tagged
                .get(&self.selected)
                .map_or(&[][..], Vec::as_slice),
        };
        let mut recommenders: Vec<&dyn Recommender> = vec![&from_matcher];
        if self.suggest.model.is_some() {
            recommenders.push(&tagged);
        }
        let labels: Vec<&str> = self.corpus.labels.iter().map(|l| l.name.as_str()).collect();
        // Stored suggestions of the same sources give way to the live ones (fresher).
        let offered = suggest_document(doc, &recommenders, &labels, 0.0);
        if let Some(picked) = self.pick.as_suggestion()
            && !offered.contains(picked)
        {
            self.pick = Pick::None;
        }
        self.suggest.offered = offered;
    }

    /// Picks the next suggestion after the picked one (or the caret), or with `forward`
    /// false the one before; wraps around. Returns it.
    pub fn pick_next_suggestion(&mut self, forward: bool) -> Option<Suggestion> {
        self.refresh_suggestions();
        let offered = &self.suggest.offered;
        if offered.is_empty() {
            self.say(tr!("suggest-none-here"));
            return None;
        }
        let here = self
            .pick
            .as_suggestion()
            .and_then(|p| offered.iter().position(|s| s == p));
        let caret = self.selection.head;
        let next = match (here, forward) {
            (Some(i), true) => (i + 1) % offered.len(),
            (Some(i), false) => (i + offered.len() - 1) % offered.len(),
            (None, true) => offered
                .iter()
                .position(|s| s.range.start() >= caret)
                .unwrap_or(0),
            (None, false) => offered
                .iter()
                .rposition(|s| s.range.start() < caret)
                .unwrap_or(offered.len() - 1),
        };
        let picked = offered[next].clone();
        self.pick = Pick::Suggestion(picked.clone());
        self.say(i18n::text(
            "suggest-picked-status",
            &[
                ("number", Arg::from(next + 1)),
                ("total", Arg::from(offered.len())),
                ("label", Arg::from(picked.label.as_str())),
                (
                    "score",
                    Arg::Decimal {
                        value: f64::from(picked.score),
                        places: 2,
                    },
                ),
                ("source", Arg::from(picked.source.as_str())),
            ],
        ));
        Some(picked)
    }

    /// Accepts the picked suggestion, as `as_label` when given; picks the next one.
    pub fn accept_picked_suggestion(&mut self, as_label: Option<&str>) {
        let Some(picked) = self.pick.as_suggestion().cloned() else {
            return;
        };
        let label = as_label.unwrap_or(&picked.label).to_owned();
        if let Some(change) = suggestions::accept(&self.corpus, self.selected, &picked, as_label)
            && self.apply(change)
        {
            self.after_decision(&picked, &tr!("suggest-accepted", label = label));
        }
    }

    /// Rejects the picked suggestion; picks the next one.
    pub fn reject_picked_suggestion(&mut self) {
        let Some(picked) = self.pick.as_suggestion().cloned() else {
            return;
        };
        if let Some(change) = suggestions::reject(&self.corpus, self.selected, &picked)
            && self.apply(change)
        {
            let message = tr!("suggest-rejected", label = picked.label.as_str());
            self.after_decision(&picked, &message);
        }
    }

    /// After deciding on `decided`: offer afresh and pick the next suggestion after it.
    fn after_decision(&mut self, decided: &Suggestion, message: &str) {
        self.refresh_suggestions();
        self.pick = self
            .suggest
            .offered
            .iter()
            .find(|s| s.range.start() >= decided.range.start())
            .cloned()
            .map_or(Pick::None, Pick::Suggestion);
        let left = self.suggest.offered.len();
        self.say(tr!(
            "suggest-after-decision",
            message = message,
            left = left
        ));
    }

    /// Accepts, as one undo step, every offered suggestion scoring at least the threshold.
    pub fn accept_suggestions_above_threshold(&mut self) -> usize {
        self.refresh_suggestions();
        let threshold = self.prefs.suggest.threshold;
        let count = self.suggest.above_threshold(threshold);
        let Some(change) = suggestions::accept_all(
            &self.corpus,
            self.selected,
            &self.suggest.offered,
            threshold,
        ) else {
            self.say(i18n::text(
                "suggest-none-above",
                &[(
                    "threshold",
                    Arg::Decimal {
                        value: f64::from(threshold),
                        places: 2,
                    },
                )],
            ));
            return 0;
        };
        if self.apply(change) {
            if self.pick.as_suggestion().is_some() {
                self.pick = Pick::None;
            }
            self.say(i18n::text(
                "suggest-accepted-above",
                &[
                    ("count", Arg::from(count)),
                    (
                        "threshold",
                        Arg::Decimal {
                            value: f64::from(threshold),
                            places: 2,
                        },
                    ),
                ],
            ));
            count
        } else {
            0
        }
    }

    /// Starts training the tagger on the labelled documents (cancelling a run going on).
    pub fn train_tagger(&mut self) {
        let inputs = self.training_inputs();
        if inputs.train.iter().all(|(_, d)| d.spans().is_empty()) {
            self.say(tr!("suggest-no-spans"));
            return;
        }
        let spans = span_count(self);
        self.suggest.spans_at_training = Some(spans);
        self.suggest.training = Some(Training::start(inputs, self.generation, spans));
        self.say(tr!("suggest-training"));
    }

    /// What a training run takes from the window, made in the frame that starts it: the
    /// done documents are clones that share their texts with the corpus, the unfinished
    /// ones only ids and shared texts (copying the documents of a corpus of 100 MB cost
    /// that frame more than half a second).
    pub(crate) fn training_inputs(&self) -> Inputs {
        let unfinished: Vec<UnfinishedText> = self
            .corpus
            .documents
            .iter()
            .enumerate()
            .filter(|(_, d)| d.status < Status::Done)
            .map(|(index, d)| UnfinishedText {
                index,
                id: d.id.clone(),
                text: d.shared_text(),
            })
            .collect();
        let gazetteer = self
            .suggest
            .gazetteers
            .iter()
            .flat_map(|g| g.entries.iter().map(|e| (e.label.clone(), e.name.clone())))
            .collect();
        Inputs {
            train: training_documents(&self.corpus),
            unfinished,
            gazetteer,
            clusters_cache: self
                .prefs
                .untitled_home
                .as_ref()
                .map(|home| home.join(CLUSTERS_CACHE)),
            project_documents: self
                .project
                .as_ref()
                .map(|p| p.dir.join(crate::project::DOCUMENTS_FILE)),
        }
    }

    /// Takes what the worker reported, and starts training again when enough spans were
    /// added since the last run. Call once a frame.
    pub fn poll_training(&mut self) {
        let spans = span_count(self);
        let since = *self.suggest.spans_at_training.get_or_insert(spans);
        if self.suggestions_active()
            && self.suggest.training.is_none()
            && spans >= since + self.prefs.suggest.retrain_after.max(1)
        {
            self.train_tagger();
        }
        let Some(training) = self.suggest.training.as_mut() else {
            return;
        };
        let generation = training.generation;
        let reports = training.poll();
        let finished = training.is_finished();
        if finished {
            self.suggest.training = None;
        }
        if generation != self.generation {
            return;
        }
        for report in reports {
            self.take_report(report);
        }
    }

    fn take_report(&mut self, report: Report) {
        match report {
            Report::Trained {
                tagger,
                seconds,
                tagged,
            } => {
                let s = tagger.summary();
                self.say(i18n::text(
                    "suggest-trained-status",
                    &[
                        ("spans", Arg::from(s.spans)),
                        ("documents", Arg::from(s.documents)),
                        (
                            "seconds",
                            Arg::Decimal {
                                value: seconds,
                                places: 1,
                            },
                        ),
                    ],
                ));
                self.use_model(TrainedModel {
                    tagger: *tagger,
                    seconds: Some(seconds),
                    when: std::time::SystemTime::now(),
                    file: None,
                });
                self.suggest.tagged.extend(tagged);
            }
            Report::Uncertainty(list) => self.suggest.uncertainty = list.into_iter().collect(),
            Report::Quality(quality) => self.suggest.quality = Some(quality),
            Report::Failed(why) => {
                self.say(tr!("suggest-training-failed", reason = why.worded()));
            }
            Report::Cancelled => self.say(tr!("suggest-training-was-cancelled")),
            Report::ClustersWithoutProject(why) => {
                self.say(tr!(
                    "suggest-clusters-without-project",
                    reason = why.worded()
                ));
            }
        }
    }

    /// Makes `model` the tagger in use: its suggestions replace the last one's.
    fn use_model(&mut self, model: TrainedModel) {
        self.suggest.model = Some(model);
        self.suggest.model_version += 1;
        self.suggest.tagged.clear();
        self.suggest.quality = None;
        self.suggest.uncertainty.clear();
    }

    /// Loads a tagger model file (from `taliq train`, or saved here) as the tagger in use.
    ///
    /// # Errors
    /// Why not: unreadable, not a model, or it suggests labels the corpus lacks (named).
    pub fn load_model(&mut self, path: &Path) -> Result<(), String> {
        let tagger = Tagger::load(path).map_err(|e| e.worded())?;
        let labels: Vec<&str> = self.corpus.labels.iter().map(|l| l.name.as_str()).collect();
        tagger.check_labels(&labels).map_err(|e| {
            tr!(
                "suggest-model-does-not-fit",
                path = path_unit(&path.display().to_string()),
                reason = e.worded()
            )
        })?;
        // A run going on would replace the loaded model when it ends.
        self.suggest.training = None;
        let spans = tagger.summary().spans;
        self.use_model(TrainedModel {
            tagger,
            seconds: None,
            when: std::time::SystemTime::now(),
            file: Some(path.to_path_buf()),
        });
        self.say(tr!(
            "suggest-model-loaded",
            path = path_unit(&path.display().to_string()),
            spans = spans
        ));
        Ok(())
    }

    /// Saves the tagger in use to a model file (atomically), for `taliq suggest --model`.
    ///
    /// # Errors
    /// No tagger yet, or the file cannot be written.
    pub fn save_model(&mut self, path: &Path) -> Result<(), String> {
        let Some(model) = self.suggest.model.as_mut() else {
            return Err(tr!("suggest-nothing-to-save"));
        };
        model.tagger.save(path).map_err(|e| e.worded())?;
        model.file = Some(path.to_path_buf());
        self.say(tr!(
            "suggest-model-saved",
            path = path_unit(&path.display().to_string())
        ));
        Ok(())
    }

    /// Adds a gazetteer file: the matcher learns its names now, the tagger at its next training.
    ///
    /// # Errors
    /// The file's first problem, located (file and line), or a label the corpus lacks.
    pub fn add_gazetteer(&mut self, path: &Path) -> Result<(), String> {
        let gazetteer = Gazetteer::load(path).map_err(|e| e.worded())?;
        let labels: Vec<&str> = self.corpus.labels.iter().map(|l| l.name.as_str()).collect();
        gazetteer.check_labels(&labels).map_err(|e| e.worded())?;
        let names = gazetteer.entries.len();
        self.suggest.gazetteers.retain(|g| g.path != gazetteer.path);
        self.suggest.gazetteers.push(gazetteer);
        // The matcher learns it at the next refresh.
        self.suggest.matcher = None;
        self.suggest.offered_for = None;
        self.say(tr!(
            "suggest-gazetteer-added",
            path = path_unit(&path.display().to_string()),
            names = names
        ));
        Ok(())
    }

    /// The next unfinished document after the open one: with active learning on, the one
    /// the tagger is least sure about; else the next in order.
    pub fn next_unfinished(&self) -> Option<usize> {
        let n = self.corpus.documents.len();
        let unfinished = (1..n)
            .map(|k| (self.selected + k) % n)
            .filter(|&i| self.corpus.documents[i].status < Status::Done);
        if self.prefs.suggest.order_by_uncertainty && !self.suggest.uncertainty.is_empty() {
            let rated = |i: &usize| self.suggest.uncertainty.get(i).copied().unwrap_or(-1.0);
            return unfinished.max_by(|a, b| rated(a).total_cmp(&rated(b)).then(b.cmp(a)));
        }
        unfinished.into_iter().next()
    }
}
