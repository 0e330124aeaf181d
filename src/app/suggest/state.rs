//! Suggestions' state: the settings (a preference), what is offered in the open document,
//! the tagger and its training. Nothing of the window: the state hub holds it.

use std::collections::HashMap;
use std::path::PathBuf;

use super::worker::{Quality, Training};
use crate::model::Suggestion;
use crate::suggest::Prediction;
use crate::suggest::gazetteer::Gazetteer;
use crate::suggest::matcher::Matcher;
use crate::suggest::tagger::Tagger;

/// A tagger in use, and where it came from.
#[derive(Debug)]
pub struct TrainedModel {
    /// The model.
    pub tagger: Tagger,
    /// Seconds training took, when it was trained in this window.
    pub seconds: Option<f64>,
    /// When it was trained or loaded (wall clock), for the panel.
    pub when: std::time::SystemTime,
    /// The model file it was loaded from or last saved to.
    pub file: Option<PathBuf>,
}

/// How the user wants suggestions: a preference, kept when another corpus is opened.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SuggestSettings {
    /// Whether suggestions are shown and offered at all.
    pub enabled: bool,
    /// "Accept all" takes the suggestions scoring at least this.
    pub threshold: f32,
    /// Train again once this many spans were added since the last training.
    pub retrain_after: usize,
    /// Order unfinished documents by how unsure the tagger is (active learning).
    pub order_by_uncertainty: bool,
}

impl Default for SuggestSettings {
    fn default() -> Self {
        Self {
            enabled: true,
            threshold: 0.8,
            retrain_after: 20,
            order_by_uncertainty: false,
        }
    }
}

/// The suggestions of the open corpus: what is offered, the tagger and its training.
#[derive(Debug, Default)]
pub struct SuggestState {
    /// The suggestions offered in the open document, in text order.
    pub offered: Vec<Suggestion>,
    /// The tagger in use.
    pub model: Option<TrainedModel>,
    /// The model's measured quality, once measured.
    pub quality: Option<Quality>,
    /// How unsure the tagger is about each unfinished document (corpus index → 0 to 1).
    pub uncertainty: HashMap<usize, f32>,
    /// The training run going on, if any.
    pub training: Option<Training>,
    /// Forms the matcher knows (for the panel).
    pub matcher_forms: usize,
    /// The matcher, and the corpus it learned (generation, history revision): learning every
    /// span again costs a frame 100 ms on a large corpus, so a new model or another open
    /// document reuses it; adding a gazetteer drops it.
    pub(super) matcher: Option<((u64, u64), Matcher)>,
    /// The matcher's predictions for the open document and what they were made for
    /// (generation, document, history revision): a new model is merged with them instead
    /// of the matcher running over the document again (an 800 KB document made the frame a
    /// model arrived in about 100 ms). Dropped with the matcher.
    pub(super) matched: Option<((u64, usize, u64), Vec<Prediction>)>,
    /// Gazetteer files added: the matcher learns their names, the tagger uses them as features.
    pub gazetteers: Vec<Gazetteer>,
    /// Spans in the corpus when training last started (`None`: counted at the first frame).
    pub(super) spans_at_training: Option<usize>,
    /// What `offered` was computed for: generation, document, history revision, model.
    pub(super) offered_for: Option<(u64, usize, u64, u64)>,
    /// Bumped for each new model.
    pub(super) model_version: u64,
    /// The tagger's predictions per document, for the current model.
    pub(super) tagged: HashMap<usize, Vec<Prediction>>,
}

impl SuggestState {
    /// How many offered suggestions score at least `threshold` ("accept all" takes them).
    pub fn above_threshold(&self, threshold: f32) -> usize {
        self.offered.iter().filter(|s| s.score >= threshold).count()
    }
}
