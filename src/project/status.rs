//! `project status`: where every annotator and every document stands, how well finished
//! documents agree, what is ready for review and what the gold already holds.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::path::Path;

use serde::Serialize;

use super::config::{ProjectConfig, ProjectError};
use super::{GOLD_FILE, annotation_path};
use crate::model::{Corpus, Status};

/// Where one annotator stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AnnotatorStatus {
    /// The annotator.
    pub name: String,
    /// Documents assigned to them.
    pub assigned: usize,
    /// Not begun (or not yet in their file).
    pub new: usize,
    /// Begun.
    pub in_progress: usize,
    /// Finished (done or reviewed).
    pub done: usize,
}

/// One annotator's state of one document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkState {
    /// Not begun, or not yet in the annotator's file.
    New,
    /// Begun.
    InProgress,
    /// Finished (done or reviewed).
    Done,
}

/// Where one document stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocumentStatus {
    /// The document's id.
    pub id: String,
    /// Its annotators and how far each is, in assignment order.
    pub annotators: Vec<(String, WorkState)>,
    /// Finished by all its annotators and not yet reviewed in gold.
    pub ready_for_review: bool,
    /// Reviewed in gold.
    pub reviewed: bool,
}

/// Exact-match agreement of one pair of annotators on the documents both finished (among
/// those finished by all their annotators).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PairAgreement {
    /// The first annotator (project order).
    pub a: String,
    /// The second.
    pub b: String,
    /// Documents compared.
    pub documents: usize,
    /// Spans both made (same start, end and label).
    pub matched: usize,
    /// Spans of `a`.
    pub spans_a: usize,
    /// Spans of `b`.
    pub spans_b: usize,
    /// F1 of the exact match (`2 × matched / (spans_a + spans_b)`); `None` without spans.
    pub f1: Option<f64>,
}

/// What the gold file holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GoldStatus {
    /// Whether `gold.json` exists.
    pub exists: bool,
    /// Documents in it.
    pub documents: usize,
    /// Of which reviewed.
    pub reviewed: usize,
}

/// The whole project's state.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProjectStatus {
    /// The project's name.
    pub name: String,
    /// Documents in the project.
    pub documents: usize,
    /// Per annotator, in project order.
    pub annotators: Vec<AnnotatorStatus>,
    /// Documents finished by all their annotators.
    pub finished: usize,
    /// Of those, not yet reviewed in gold.
    pub ready_for_review: usize,
    /// Agreement per pair of annotators who share finished documents.
    pub agreement: Vec<PairAgreement>,
    /// Exact-match F1 over every pair's spans together.
    pub overall_f1: Option<f64>,
    /// The gold file.
    pub gold: GoldStatus,
    /// Per document, in project order.
    pub per_document: Vec<DocumentStatus>,
}

/// Reads the project in `dir` and works out where it stands.
///
/// # Errors
/// An unreadable or invalid project file or corpus (a missing annotator file counts as
/// nothing begun).
pub fn status(dir: &Path) -> Result<ProjectStatus, ProjectError> {
    let config = ProjectConfig::load(dir)?;
    let corpora = load_annotations(dir, &config.annotators)?;
    let gold_path = dir.join(GOLD_FILE);
    let gold = if gold_path.exists() {
        Some(crate::format::load(&gold_path)?)
    } else {
        None
    };
    Ok(compute(&config, &corpora, gold.as_ref()))
}

/// Ids of the documents reviewed in the project's gold (none when there is no gold yet):
/// their annotators' versions are final.
///
/// # Errors
/// A gold file that cannot be read or is invalid.
pub fn reviewed_in_gold(dir: &Path) -> Result<HashSet<String>, ProjectError> {
    let path = dir.join(GOLD_FILE);
    if !path.exists() {
        return Ok(HashSet::new());
    }
    Ok(crate::format::load(&path)?
        .documents
        .into_iter()
        .filter(|d| d.status == Status::Reviewed)
        .map(|d| d.id)
        .collect())
}

/// Each annotator's corpus (`None` when their file does not exist yet), read on every core.
pub(super) fn load_annotations(
    dir: &Path,
    annotators: &[String],
) -> Result<Vec<Option<Corpus>>, ProjectError> {
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let per_thread = annotators.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let parts: Vec<_> = annotators
            .chunks(per_thread)
            .map(|names| {
                scope.spawn(move || {
                    names
                        .iter()
                        .map(|name| {
                            let path = annotation_path(dir, name);
                            if path.exists() {
                                crate::format::load(&path).map(Some)
                            } else {
                                Ok(None)
                            }
                        })
                        .collect::<Result<Vec<_>, _>>()
                })
            })
            .collect();
        let mut all = Vec::with_capacity(annotators.len());
        for part in parts {
            let part = part
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            all.extend(part?);
        }
        Ok(all)
    })
}

/// The state of a document in an annotator's file.
fn work_state(status: Status) -> WorkState {
    match status {
        Status::New => WorkState::New,
        Status::InProgress => WorkState::InProgress,
        Status::Done | Status::Reviewed => WorkState::Done,
    }
}

/// A span as exact-match agreement compares it.
type SpanKey<'a> = (usize, usize, &'a str);

/// The status of a project from its settings, its annotators' corpora (in project order)
/// and its gold.
pub fn compute(
    config: &ProjectConfig,
    corpora: &[Option<Corpus>],
    gold: Option<&Corpus>,
) -> ProjectStatus {
    let index: HashMap<&str, usize> = config
        .annotators
        .iter()
        .enumerate()
        .map(|(i, a)| (a.as_str(), i))
        .collect();
    // Each annotator's documents by id.
    let by_id: Vec<HashMap<&str, &crate::model::Document>> = corpora
        .iter()
        .map(|c| {
            c.iter()
                .flat_map(|c| &c.documents)
                .map(|d| (d.id.as_str(), d))
                .collect()
        })
        .collect();
    let reviewed: HashSet<&str> = gold
        .iter()
        .flat_map(|g| &g.documents)
        .filter(|d| d.status == Status::Reviewed)
        .map(|d| d.id.as_str())
        .collect();
    let mut annotators: Vec<AnnotatorStatus> = config
        .annotators
        .iter()
        .map(|name| AnnotatorStatus {
            name: name.clone(),
            assigned: 0,
            new: 0,
            in_progress: 0,
            done: 0,
        })
        .collect();
    let pairs = config.annotators.len() * config.annotators.len();
    let mut tallies = vec![(0usize, 0usize, 0usize, 0usize); pairs];
    let mut per_document = Vec::with_capacity(config.assignment.len());
    let (mut finished, mut ready) = (0, 0);
    for (id, who) in &config.assignment {
        let mut states = Vec::with_capacity(who.len());
        for name in who {
            let Some(&i) = index.get(name.as_str()) else {
                continue;
            };
            let state = by_id[i]
                .get(id.as_str())
                .map_or(WorkState::New, |d| work_state(d.status));
            let counts = &mut annotators[i];
            counts.assigned += 1;
            match state {
                WorkState::New => counts.new += 1,
                WorkState::InProgress => counts.in_progress += 1,
                WorkState::Done => counts.done += 1,
            }
            states.push((name.clone(), state));
        }
        let all_done = !states.is_empty() && states.iter().all(|(_, s)| *s == WorkState::Done);
        let is_reviewed = reviewed.contains(id.as_str());
        if all_done {
            finished += 1;
            tally_pairs(
                id,
                who,
                &index,
                &by_id,
                config.annotators.len(),
                &mut tallies,
            );
        }
        let ready_for_review = all_done && !is_reviewed;
        ready += usize::from(ready_for_review);
        per_document.push(DocumentStatus {
            id: id.clone(),
            annotators: states,
            ready_for_review,
            reviewed: is_reviewed,
        });
    }
    let (agreement, overall_f1) = agreement(config, &tallies);
    ProjectStatus {
        name: config.name.clone(),
        documents: config.assignment.len(),
        annotators,
        finished,
        ready_for_review: ready,
        agreement,
        overall_f1,
        gold: GoldStatus {
            exists: gold.is_some(),
            documents: gold.map_or(0, |g| g.documents.len()),
            reviewed: reviewed.len(),
        },
        per_document,
    }
}

/// Adds one finished document's spans to the tallies of every pair of its annotators:
/// (documents, matched, spans of the first, spans of the second).
fn tally_pairs(
    id: &str,
    who: &[String],
    index: &HashMap<&str, usize>,
    by_id: &[HashMap<&str, &crate::model::Document>],
    n: usize,
    tallies: &mut [(usize, usize, usize, usize)],
) {
    let mut members: Vec<usize> = who
        .iter()
        .filter_map(|w| index.get(w.as_str()).copied())
        .collect();
    members.sort_unstable();
    let spans: Vec<HashSet<SpanKey<'_>>> = members
        .iter()
        .map(|&i| {
            by_id[i].get(id).map_or_else(HashSet::new, |d| {
                d.spans()
                    .iter()
                    .map(|s| (s.range.start(), s.range.end(), s.label.as_str()))
                    .collect()
            })
        })
        .collect();
    for x in 0..members.len() {
        for y in x + 1..members.len() {
            let t = &mut tallies[members[x] * n + members[y]];
            t.0 += 1;
            t.1 += spans[x].intersection(&spans[y]).count();
            t.2 += spans[x].len();
            t.3 += spans[y].len();
        }
    }
}

fn f1(matched: usize, a: usize, b: usize) -> Option<f64> {
    (a + b > 0).then(|| 2.0 * matched as f64 / (a + b) as f64)
}

fn agreement(
    config: &ProjectConfig,
    tallies: &[(usize, usize, usize, usize)],
) -> (Vec<PairAgreement>, Option<f64>) {
    let n = config.annotators.len();
    let mut pairs = Vec::new();
    let (mut matched, mut spans) = (0, 0);
    for a in 0..n {
        for b in a + 1..n {
            let (documents, m, sa, sb) = tallies[a * n + b];
            if documents == 0 {
                continue;
            }
            matched += m;
            spans += sa + sb;
            pairs.push(PairAgreement {
                a: config.annotators[a].clone(),
                b: config.annotators[b].clone(),
                documents,
                matched: m,
                spans_a: sa,
                spans_b: sb,
                f1: f1(m, sa, sb),
            });
        }
    }
    (pairs, f1(matched, spans, 0))
}

impl ProjectStatus {
    /// The status as people read it: per annotator, then agreement, review and gold.
    pub fn to_text(&self) -> String {
        let mut out = format!("project {}: {} documents\n", self.name, self.documents);
        let width = self
            .annotators
            .iter()
            .map(|a| a.name.chars().count())
            .max()
            .unwrap_or(0)
            .max("annotator".len());
        let _ = writeln!(
            out,
            "{:<width$}  {:>8}  {:>6}  {:>11}  {:>6}",
            "annotator", "assigned", "new", "in_progress", "done"
        );
        for a in &self.annotators {
            // Pad by characters: names may be Arabic.
            let pad = width - a.name.chars().count();
            let _ = writeln!(
                out,
                "{}{}  {:>8}  {:>6}  {:>11}  {:>6}",
                a.name,
                " ".repeat(pad),
                a.assigned,
                a.new,
                a.in_progress,
                a.done
            );
        }
        let _ = writeln!(
            out,
            "finished by all their annotators: {}; ready for review: {}",
            self.finished, self.ready_for_review
        );
        match self.overall_f1 {
            Some(f1) => {
                let _ = writeln!(
                    out,
                    "agreement (exact-match F1 on finished documents): {f1:.3}"
                );
                for p in &self.agreement {
                    let figure = p.f1.map_or("-".to_owned(), |f| format!("{f:.3}"));
                    let _ = writeln!(
                        out,
                        "  {} / {}: {figure} on {} documents",
                        p.a, p.b, p.documents
                    );
                }
            }
            None => out.push_str("agreement: no finished document shared by two annotators yet\n"),
        }
        if self.gold.exists {
            let _ = writeln!(
                out,
                "gold: {} documents, {} reviewed",
                self.gold.documents, self.gold.reviewed
            );
        } else {
            out.push_str("gold: not begun\n");
        }
        out
    }
}
