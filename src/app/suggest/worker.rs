//! Training the tagger on a worker thread, so that a frame never waits for it: the model
//! first, then how unsure it is about each unfinished document, then its quality
//! (cross-validation and a learning curve). Each result is reported as soon as it is ready.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError, mpsc};
use std::time::Instant;

use crate::model::Document;
use crate::suggest::Prediction;
use crate::suggest::tagger::clusters::cache::cached_or_learned;
use crate::suggest::tagger::clusters::{Clusters, WordStream};
use crate::suggest::tagger::{
    self, CurvePoint, Progress, Resources, Scheme, Scores, Tagger, TrainOptions, cross_validate,
    learning_curve,
};

/// Folds of the window's cross-validation.
const FOLDS: usize = 5;
/// Labelled sentences needed before quality is measured (fewer give noise, not figures).
pub const MIN_SENTENCES: usize = 40;
/// Shares of the training data of the learning curve's points.
const CURVE: [f32; 4] = [0.25, 0.5, 0.75, 1.0];

/// How good the model is, measured on data it did not see.
#[derive(Debug, Clone, PartialEq)]
pub struct Quality {
    /// Exact-match scores of every fold pooled, per label.
    pub scores: Scores,
    /// Folds used (0 when the data was too small to fold).
    pub folds: usize,
    /// How the folds were made: contiguous documents, or sentence blocks when there are
    /// fewer documents than folds.
    pub scheme: Scheme,
    /// F1 against documents trained on (sentences when the folds are sentence blocks).
    pub curve: Vec<[f64; 2]>,
}

/// What the worker reports, in this order.
#[derive(Debug)]
pub enum Report {
    /// The model is ready; `seconds` of training.
    Trained {
        /// The model.
        tagger: Box<Tagger>,
        /// Wall time of training.
        seconds: f64,
        /// Its suggestions for every document of the corpus (corpus index), the done ones
        /// too, made here so that no frame waits for the tagger (neither the one the model
        /// arrives in, for the open document, nor opening another).
        tagged: Vec<(usize, Vec<Prediction>)>,
    },
    /// How unsure the model is about each unfinished document (corpus index, 0 to 1).
    Uncertainty(Vec<(usize, f32)>),
    /// Its measured quality.
    Quality(Quality),
    /// Training gave no model, and why (the library's error).
    Failed(crate::suggest::tagger::TrainError),
    /// Training was cancelled before it gave a model.
    Cancelled,
    /// The project's `documents.json` could not be read for word clusters (the library's
    /// error): training went on without it. The window words the message in its language
    /// (this thread has none).
    ClustersWithoutProject(crate::format::LoadError),
}

/// A training run on its worker thread; dropping it cancels the run.
#[derive(Debug)]
pub struct Training {
    /// The corpus generation it was started on (results for another are dropped).
    pub generation: u64,
    /// Spans in the corpus when it started.
    pub spans: usize,
    /// When it started.
    pub started: Instant,
    progress: Arc<Mutex<Progress>>,
    cancel: Arc<AtomicBool>,
    reports: mpsc::Receiver<Report>,
    /// Set once the worker has nothing more to report.
    finished: bool,
}

impl Training {
    /// Starts learning word clusters and training on `inputs`, then rates the unfinished
    /// documents and measures quality.
    pub fn start(inputs: Inputs, generation: u64, spans: usize) -> Self {
        let progress = Arc::new(Mutex::new(Progress {
            fraction: 0.0,
            stage: "starting",
            ..Progress::default()
        }));
        let cancel = Arc::new(AtomicBool::new(false));
        let (sender, reports) = mpsc::channel();
        let job = Job {
            inputs,
            unfinished: Vec::new(),
            progress: Arc::clone(&progress),
            cancel: Arc::clone(&cancel),
            sender,
        };
        // A failed spawn reports nothing and drops the sender: `poll` sees it finished.
        let _ = std::thread::Builder::new()
            .name("taliq-training".into())
            .spawn(move || job.run());
        Self {
            generation,
            spans,
            started: Instant::now(),
            progress,
            cancel,
            reports,
            finished: false,
        }
    }

    /// How far it is.
    pub fn progress(&self) -> Progress {
        *self.progress.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Asks the worker to stop (within one optimiser iteration).
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// Reports that arrived since the last call.
    pub fn poll(&mut self) -> Vec<Report> {
        let mut out = Vec::new();
        loop {
            match self.reports.try_recv() {
                Ok(report) => out.push(report),
                Err(mpsc::TryRecvError::Empty) => break,
                Err(mpsc::TryRecvError::Disconnected) => {
                    self.finished = true;
                    break;
                }
            }
        }
        out
    }

    /// Whether the worker is done (every report was polled).
    pub fn is_finished(&self) -> bool {
        self.finished
    }
}

impl Drop for Training {
    fn drop(&mut self) {
        self.cancel();
    }
}

/// What a training run learns from.
#[derive(Debug, Default)]
pub struct Inputs {
    /// Documents to train on, with their corpus indices.
    pub train: Vec<(usize, Document)>,
    /// Documents to tag and rate afterwards: every document not done, so that with the
    /// done ones in `train` they hold the text of the whole corpus, which the model's word
    /// clusters are learned from. Only their ids and texts, the texts shared: the frame
    /// that starts a run copies no text, and the worker makes the documents.
    pub unfinished: Vec<UnfinishedText>,
    /// User gazetteer entries as `(label, name)`.
    pub gazetteer: Vec<(String, String)>,
    /// Where the clusters are cached (keyed by the text); `None`: learned every time.
    pub clusters_cache: Option<std::path::PathBuf>,
    /// A team project's `documents.json`: its documents the corpus lacks (the other
    /// annotators' share) are unlabelled text for the clusters too.
    pub project_documents: Option<std::path::PathBuf>,
}

/// What a run reads of an unfinished document.
#[derive(Debug, Clone)]
pub struct UnfinishedText {
    /// Its index in the corpus.
    pub index: usize,
    /// Its id.
    pub id: String,
    /// Its text, shared with the corpus's document (not a copy).
    pub text: Arc<str>,
}

/// Documents tagged at a time once the model is trained. Tagging is per document, so
/// batches give the same suggestions; they keep the tagger's working memory small: the
/// window on 29,788 articles (100 MB) peaked at 6.1 GB tagging them at once, 1.5 GB in
/// batches of 256 (but 25 s slower: each batch analyses its words again), and frames on the
/// window's thread of 100 to 400 ms went with the gigabytes.
const TAG_BATCH: usize = crate::suggest::BATCH_DOCUMENTS;

/// What the worker thread owns.
struct Job {
    inputs: Inputs,
    /// The unfinished documents, made on the worker from `inputs.unfinished`.
    unfinished: Vec<(usize, Document)>,
    progress: Arc<Mutex<Progress>>,
    cancel: Arc<AtomicBool>,
    sender: mpsc::Sender<Report>,
}

impl Job {
    /// Reports a stage's progress as a share `from..from + share` of the whole run.
    fn reporter(&self, from: f32, share: f32, stage: Option<&'static str>) -> impl Fn(Progress) {
        let progress = Arc::clone(&self.progress);
        move |p: Progress| {
            *progress.lock().unwrap_or_else(PoisonError::into_inner) = Progress {
                fraction: from + share * p.fraction.clamp(0.0, 1.0),
                stage: stage.unwrap_or(p.stage),
                ..p
            };
        }
    }

    fn run(mut self) {
        // Training must never cost a frame: the window's threads come first.
        if let Err(why) = super::priority::run_in_background() {
            log::debug!("training at the window's priority: {why}");
        }
        self.unfinished = std::mem::take(&mut self.inputs.unfinished)
            .into_iter()
            .map(|u| (u.index, Document::new(u.id, u.text)))
            .collect();
        // Leave one core to the window.
        let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
        let options = TrainOptions {
            threads: cores.saturating_sub(1).max(1),
            ..TrainOptions::default()
        };
        let started = Instant::now();
        let Some(clusters) = self.word_clusters(options.threads) else {
            let _ = self.sender.send(Report::Cancelled);
            return;
        };
        let resources = Resources {
            gazetteer: &self.inputs.gazetteer,
            clusters: Some(&clusters),
            unlabelled: None,
        };
        let docs: Vec<&Document> = self.inputs.train.iter().map(|(_, d)| d).collect();
        let trained = tagger::train(
            &docs,
            &resources,
            &options,
            &self.reporter(0.1, 0.3, None),
            &self.cancel,
        );
        let tagger = match trained {
            Ok(t) => t,
            Err(e) => {
                let _ = self.sender.send(Report::Failed(e));
                return;
            }
        };
        let seconds = started.elapsed().as_secs_f64();
        // Unfinished documents are tagged and rated in one pass (batches keep memory small);
        // done ones are only tagged.
        let unfinished: Vec<&Document> = self.unfinished.iter().map(|(_, d)| d).collect();
        let mut predictions: Vec<(usize, Vec<Prediction>)> = Vec::new();
        let mut uncertainty: Vec<(usize, f32)> = Vec::new();
        let mut indices = self.unfinished.iter().map(|(i, _)| *i);
        for batch in unfinished.chunks(TAG_BATCH) {
            let (suggested, rated) = tagger.tag_and_rate(batch);
            for ((predicted, unsure), index) in suggested.into_iter().zip(rated).zip(&mut indices) {
                predictions.push((index, predicted));
                uncertainty.push((index, unsure));
            }
        }
        let (done_indices, done): (Vec<usize>, Vec<&Document>) =
            self.done_documents().map(|(i, d)| (*i, d)).unzip();
        predictions.extend(
            done_indices.into_iter().zip(
                done.chunks(TAG_BATCH)
                    .flat_map(|batch| tagger.tag_many(batch)),
            ),
        );
        let sent = self
            .sender
            .send(Report::Trained {
                tagger: Box::new(tagger),
                seconds,
                tagged: predictions,
            })
            .and_then(|()| self.sender.send(Report::Uncertainty(uncertainty)));
        if sent.is_err() {
            return;
        }
        // Quality: each fold's tagger clusters its own training text and the documents not
        // trained on, never the fold it is scored on.
        let trained_on: std::collections::HashSet<usize> =
            self.inputs.train.iter().map(|(i, _)| *i).collect();
        let unlabelled: Vec<&str> = self
            .unfinished
            .iter()
            .filter(|(i, _)| !trained_on.contains(i))
            .map(|(_, d)| d.text())
            .collect();
        let unlabelled = WordStream::of_texts(&unlabelled, options.threads);
        let resources = Resources {
            unlabelled: Some(&unlabelled),
            ..resources
        };
        if let Some(quality) = self.quality(&docs, &resources, &options) {
            let _ = self.sender.send(Report::Quality(quality));
        }
    }

    /// The project's documents the corpus lacks, read from its `documents.json` (a file
    /// that cannot be read is reported and left out).
    fn project_documents(&self) -> Option<crate::model::Corpus> {
        let path = self.inputs.project_documents.as_ref()?;
        let mut corpus = match crate::format::load(path) {
            Ok(corpus) => corpus,
            Err(e) => {
                let _ = self.sender.send(Report::ClustersWithoutProject(e));
                return None;
            }
        };
        let known: std::collections::HashSet<&str> = self
            .inputs
            .train
            .iter()
            .chain(&self.unfinished)
            .map(|(_, d)| d.id.as_str())
            .collect();
        corpus.documents.retain(|d| !known.contains(d.id.as_str()));
        Some(corpus)
    }

    /// The done documents: those trained on that are not unfinished (whole, unlike the
    /// labelled start of an unfinished one that training takes).
    fn done_documents(&self) -> impl Iterator<Item = &(usize, Document)> {
        let unfinished: std::collections::HashSet<usize> =
            self.unfinished.iter().map(|(i, _)| *i).collect();
        self.inputs
            .train
            .iter()
            .filter(move |(i, _)| !unfinished.contains(i))
    }

    /// The text of every document of the corpus, in corpus order: the unfinished ones whole,
    /// the done ones from the training documents (where they are whole).
    fn corpus_texts(&self) -> Vec<&str> {
        let mut texts: Vec<(usize, &str)> = self
            .unfinished
            .iter()
            .chain(self.done_documents())
            .map(|(i, d)| (*i, d.text()))
            .collect();
        texts.sort_by_key(|(i, _)| *i);
        texts.into_iter().map(|(_, t)| t).collect()
    }

    /// Word clusters of every document's text: from the cache when it holds this text, else
    /// learned (the first tenth of the progress bar); `None` when cancelled.
    fn word_clusters(&self, threads: usize) -> Option<Clusters> {
        let project = self.project_documents();
        let mut texts = self.corpus_texts();
        texts.extend(
            project
                .iter()
                .flat_map(|c| c.documents.iter().map(Document::text)),
        );
        let report = self.reporter(0.0, 0.1, Some("word clusters"));
        let report = |fraction: f32| {
            report(Progress {
                fraction,
                ..Progress::default()
            });
        };
        if let Some(path) = &self.inputs.clusters_cache {
            cached_or_learned(&texts, path, threads, &report, &self.cancel)
                .map(|(clusters, _)| clusters)
        } else {
            let stream = WordStream::of_texts(&texts, threads);
            Clusters::learn_stream(&stream, &report, &self.cancel)
        }
    }

    /// Cross-validation over [`FOLDS`] folds of contiguous documents (sentence blocks when
    /// there are fewer documents) and a learning curve holding out the last fold; `None`
    /// when cancelled.
    fn quality(
        &self,
        docs: &[&Document],
        resources: &Resources<'_>,
        options: &TrainOptions,
    ) -> Option<Quality> {
        if tagger::sentences::sentences(docs, None).len() < MIN_SENTENCES {
            return Some(Quality {
                scores: Scores::default(),
                folds: 0,
                scheme: Scheme::Documents,
                curve: Vec::new(),
            });
        }
        let report = self.reporter(0.4, 0.4, Some("cross-validating"));
        let cv = cross_validate(docs, resources, options, FOLDS, &report, &self.cancel).ok()?;
        let scheme = cv.folds.scheme;
        let report = self.reporter(0.8, 0.2, Some("learning curve"));
        let points = learning_curve(
            docs,
            resources,
            options,
            &CURVE,
            FOLDS,
            &report,
            &self.cancel,
        )
        .ok()?;
        let curve = points
            .iter()
            .map(|p: &CurvePoint| {
                let trained = match scheme {
                    Scheme::Documents => p.documents,
                    Scheme::SentenceBlocks => p.sentences,
                };
                [trained as f64, p.scores.micro().f1]
            })
            .collect();
        Some(Quality {
            scores: cv.pooled(),
            folds: cv.folds.count(),
            scheme,
            curve,
        })
    }
}
