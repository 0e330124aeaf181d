//! Making a project and growing it: `project init`, `project add`.
//!
//! The curator writes the project file, `documents.json` and, at the start, every
//! annotator's file; from then on an annotator's file is written only by that annotator
//! (documents added later reach it when its owner opens or syncs the project, see
//! [`annotator_corpus`]), so that no two people ever change one file.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use super::assign::assign;
use super::config::{ProjectConfig, ProjectError};
use super::git;
use super::{ANNOTATIONS_DIR, DOCUMENTS_FILE, GUIDELINES_FILE, annotation_path};
use crate::format::{CorpusFile, Form, write_atomic, write_corpus};
use crate::model::{Corpus, Document, Status};

/// Documents read from the files given to `init` or `add`, with the labels of the first
/// corpus among them.
#[derive(Debug)]
pub struct Sources {
    /// The documents, without spans, in the order of the files and within each file.
    pub documents: Vec<Document>,
    /// The labels of the first corpus file given, if any was one.
    pub labels: Option<Vec<crate::model::Label>>,
    /// The relation types of the first corpus file given.
    pub relation_labels: Vec<crate::model::RelationLabel>,
    /// The document labels of the first corpus file given.
    pub document_labels: Vec<crate::model::DocumentLabel>,
}

impl Sources {
    /// Reads corpora (`.json`, `.jsonl`) and plain text (`.txt` files, folders of them).
    ///
    /// # Errors
    /// A file that cannot be read or is not valid (with its problems), or a document id
    /// found twice (naming both files).
    pub fn read(paths: &[PathBuf]) -> Result<Self, ProjectError> {
        let mut documents = Vec::new();
        let mut labels = None;
        let mut links = None;
        let mut seen: HashMap<String, PathBuf> = HashMap::new();
        for path in paths {
            let is_text = path.is_dir()
                || path
                    .extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("txt"));
            let corpus = if is_text {
                crate::interchange::plain_text::import_txt(std::slice::from_ref(path))
                    .map_err(|e| ProjectError::Refused(e.to_string()))?
                    .corpus
            } else {
                let corpus = crate::format::load(path)?;
                labels.get_or_insert_with(|| corpus.labels.clone());
                links.get_or_insert_with(|| {
                    (
                        corpus.relation_labels.clone(),
                        corpus.document_labels.clone(),
                    )
                });
                corpus
            };
            for doc in corpus.documents {
                if let Some(first) = seen.insert(doc.id.clone(), path.clone()) {
                    return Err(ProjectError::Refused(format!(
                        "document id {:?} is in {} and again in {}; ids must be unique",
                        doc.id,
                        first.display(),
                        path.display()
                    )));
                }
                documents.push(fresh(&doc));
            }
        }
        let (relation_labels, document_labels) = links.unwrap_or_default();
        Ok(Self {
            documents,
            labels,
            relation_labels,
            document_labels,
        })
    }
}

/// The document as a project hands it out: its id, text and meta, no spans, status new.
fn fresh(doc: &Document) -> Document {
    let mut out = Document::new(doc.id.clone(), doc.text().to_owned());
    out.meta.clone_from(&doc.meta);
    out.extra.clone_from(&doc.extra);
    out
}

/// What `init` or `add` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddReport {
    /// Documents added.
    pub documents: usize,
    /// Documents each annotator received, in the project's annotator order.
    pub per_annotator: Vec<(String, usize)>,
}

/// Makes a new project in `dir`: the documents of `sources` assigned to `annotators`,
/// each to `overlap` of them, ties broken by `seed`; writes the project's files, makes the
/// folder a git repository and commits them.
///
/// # Errors
/// When `dir` already holds a project, an annotator name is not valid or given twice,
/// there are no documents, or a file cannot be written; git's error when it fails.
pub fn init(
    dir: &Path,
    name: &str,
    sources: Sources,
    annotators: &[String],
    overlap: usize,
    seed: u64,
) -> Result<(ProjectConfig, AddReport), ProjectError> {
    if ProjectConfig::path(dir).exists() {
        return Err(ProjectError::Refused(format!(
            "{} already holds a project; use `taliq project add` to add documents or annotators",
            dir.display()
        )));
    }
    check_new_annotators(annotators, &[])?;
    if overlap == 0 {
        return Err(ProjectError::Refused(
            "--overlap must be at least 1".to_owned(),
        ));
    }
    if sources.documents.is_empty() {
        return Err(ProjectError::Refused(
            "no documents in the files given; nothing written".to_owned(),
        ));
    }
    let mut config = ProjectConfig {
        name: name.to_owned(),
        labels: sources
            .labels
            .unwrap_or_else(|| Corpus::with_default_labels().labels),
        relation_labels: sources.relation_labels,
        document_labels: sources.document_labels,
        annotators: annotators.to_vec(),
        overlap,
        seed,
        blind: true,
        assignment: Vec::new(),
    };
    let report = assign_new(&mut config, &sources.documents);
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| ProjectError::Io { path, source }
    };
    let annotations = dir.join(ANNOTATIONS_DIR);
    std::fs::create_dir_all(&annotations).map_err(io(&annotations))?;
    let mut documents = config.empty_corpus(None);
    documents.documents = sources.documents;
    write_file(
        &dir.join(DOCUMENTS_FILE),
        &write_corpus(&documents, Form::Json),
    )?;
    for annotator in &config.annotators {
        let corpus = annotator_corpus_from(&config, &documents, annotator, None);
        write_file(
            &annotation_path(dir, annotator),
            &write_corpus(&corpus, Form::Json),
        )?;
    }
    write_file(&dir.join(GUIDELINES_FILE), &guidelines_template(&config))?;
    write_file(&dir.join(".gitignore"), GITIGNORE)?;
    config.save(dir)?;
    git::init_and_commit(
        dir,
        &format!(
            "taliq project init: {} document(s) for {} (overlap {})",
            report.documents,
            config.annotators.join(", "),
            config.overlap
        ),
    )?;
    Ok((config, report))
}

/// Files git should not see: taliq's locks, backups, recovery copies and temporary files.
const GITIGNORE: &str = "\
# taliq's own working files, never shared
.*.taliq-lock
*.bak
*.recovery.json
.*.tmp
";

/// Adds the documents of `sources` to the project in `dir`, assigned like the first ones
/// (the least loaded annotators first), and commits. Documents already assigned are never
/// moved; annotators receive the new ones when they next open or sync the project.
///
/// # Errors
/// A document id the project already has, an unreadable or invalid project; git's error.
pub fn add_documents(dir: &Path, sources: Sources) -> Result<AddReport, ProjectError> {
    let mut config = ProjectConfig::load(dir)?;
    let known: HashSet<&str> = config
        .assignment
        .iter()
        .map(|(id, _)| id.as_str())
        .collect();
    if let Some(doc) = sources
        .documents
        .iter()
        .find(|d| known.contains(d.id.as_str()))
    {
        return Err(ProjectError::Refused(format!(
            "the project already has a document {:?}; nothing added",
            doc.id
        )));
    }
    if sources.documents.is_empty() {
        return Err(ProjectError::Refused(
            "no documents in the files given; nothing added".to_owned(),
        ));
    }
    let path = dir.join(DOCUMENTS_FILE);
    let (mut file, mut documents) = CorpusFile::open(&path)?;
    let report = assign_new(&mut config, &sources.documents);
    documents.documents.extend(sources.documents);
    file.save(&documents)
        .map_err(|e| ProjectError::Refused(e.to_string()))?;
    config.save(dir)?;
    git::commit_all(
        dir,
        &format!("taliq project add: {} document(s)", report.documents),
    )?;
    Ok(report)
}

/// Adds `annotator` to the project in `dir` (with an empty file) and commits; the new
/// annotator receives only documents added from now on.
///
/// # Errors
/// A name that is not valid or already in the project; git's error.
pub fn add_annotator(dir: &Path, annotator: &str) -> Result<ProjectConfig, ProjectError> {
    let mut config = ProjectConfig::load(dir)?;
    check_new_annotators(&[annotator.to_owned()], &config.annotators)?;
    config.annotators.push(annotator.to_owned());
    let corpus = config.empty_corpus(Some(annotator));
    write_file(
        &annotation_path(dir, annotator),
        &write_corpus(&corpus, Form::Json),
    )?;
    config.save(dir)?;
    git::commit_all(dir, &format!("taliq project add: annotator {annotator}"))?;
    Ok(config)
}

/// `annotator`'s corpus: their file as it is, followed by the documents assigned to them
/// that it lacks (added to the project since), fresh from `documents.json`, in project order.
///
/// # Errors
/// An unreadable or invalid file.
pub fn annotator_corpus(
    dir: &Path,
    config: &ProjectConfig,
    annotator: &str,
) -> Result<Corpus, ProjectError> {
    completed(dir, config, annotator).map(|(corpus, _)| corpus)
}

/// Appends to `annotator`'s file the documents assigned to them that it lacks (creating
/// the file when it is missing); returns how many were added. Only the annotator's own
/// taliq calls this: they are the file's one writer.
///
/// # Errors
/// An unreadable or invalid file, or one that cannot be written.
pub fn complete_own_file(
    dir: &Path,
    config: &ProjectConfig,
    annotator: &str,
) -> Result<usize, ProjectError> {
    let (corpus, before) = completed(dir, config, annotator)?;
    let added = corpus.documents.len() - before.unwrap_or(0);
    if added > 0 || before.is_none() {
        write_file(
            &annotation_path(dir, annotator),
            &write_corpus(&corpus, Form::Json),
        )?;
    }
    Ok(added)
}

/// [`annotator_corpus`], with how many documents the file held (`None`: no file yet).
fn completed(
    dir: &Path,
    config: &ProjectConfig,
    annotator: &str,
) -> Result<(Corpus, Option<usize>), ProjectError> {
    let documents = crate::format::load(dir.join(DOCUMENTS_FILE))?;
    let path = annotation_path(dir, annotator);
    let own = if path.exists() {
        Some(crate::format::load(&path)?)
    } else {
        None
    };
    let before = own.as_ref().map(|c| c.documents.len());
    Ok((
        annotator_corpus_from(config, &documents, annotator, own),
        before,
    ))
}

fn annotator_corpus_from(
    config: &ProjectConfig,
    documents: &Corpus,
    annotator: &str,
    own: Option<Corpus>,
) -> Corpus {
    let mut corpus = own.unwrap_or_else(|| config.empty_corpus(Some(annotator)));
    let have: HashSet<String> = corpus.documents.iter().map(|d| d.id.clone()).collect();
    let by_id: HashMap<&str, &Document> = documents
        .documents
        .iter()
        .map(|d| (d.id.as_str(), d))
        .collect();
    for id in config.documents_of(annotator) {
        if !have.contains(id)
            && let Some(doc) = by_id.get(id)
        {
            let mut doc = fresh(doc);
            doc.status = Status::New;
            corpus.documents.push(doc);
        }
    }
    corpus
}

/// Assigns `documents` (new to the project) and records them in `config`.
fn assign_new(config: &mut ProjectConfig, documents: &[Document]) -> AddReport {
    let mut loads: BTreeMap<String, usize> =
        config.annotators.iter().map(|a| (a.clone(), 0)).collect();
    for (_, who) in &config.assignment {
        for name in who {
            *loads.entry(name.clone()).or_default() += 1;
        }
    }
    let ids: Vec<&str> = documents.iter().map(|d| d.id.as_str()).collect();
    let chosen = assign(
        &ids,
        &mut loads,
        &config.annotators,
        config.overlap,
        config.seed,
    );
    let mut received: BTreeMap<&str, usize> = BTreeMap::new();
    for who in &chosen {
        for name in who {
            *received.entry(name.as_str()).or_default() += 1;
        }
    }
    let per_annotator = config
        .annotators
        .iter()
        .map(|a| (a.clone(), received.get(a.as_str()).copied().unwrap_or(0)))
        .collect();
    config
        .assignment
        .extend(ids.iter().map(|id| (*id).to_owned()).zip(chosen));
    AddReport {
        documents: documents.len(),
        per_annotator,
    }
}

fn check_new_annotators(new: &[String], existing: &[String]) -> Result<(), ProjectError> {
    if new.is_empty() {
        return Err(ProjectError::Refused(
            "a project needs at least one annotator".to_owned(),
        ));
    }
    let mut seen: HashSet<&str> = existing.iter().map(String::as_str).collect();
    for name in new {
        if !super::valid_annotator_name(name) {
            return Err(ProjectError::Refused(format!(
                "{name:?} cannot name an annotator: letters, digits, '-', '_' and '.' only (it names their file)"
            )));
        }
        if !seen.insert(name) {
            return Err(ProjectError::Refused(format!(
                "the annotator {name:?} is given twice or already in the project"
            )));
        }
    }
    Ok(())
}

fn write_file(path: &Path, text: &str) -> Result<(), ProjectError> {
    write_atomic(path, text.as_bytes(), false).map_err(|source| ProjectError::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// A first `guidelines.md`: the labels with their descriptions, for the curator to extend.
fn guidelines_template(config: &ProjectConfig) -> String {
    let mut text = format!("# {} — annotation guidelines\n\n## Labels\n\n", config.name);
    for label in &config.labels {
        let description = label.description.as_deref().unwrap_or("(to describe)");
        let _ = writeln!(text, "- **{}**: {description}", label.name);
    }
    text.push_str("\n## Rules\n\nWrite here what to mark, what not to mark, and hard cases.\n");
    text
}
