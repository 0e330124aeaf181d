//! `taliq-project.json`: the project's settings and its assignment, read with located
//! errors and written atomically.

use std::path::{Path, PathBuf};

use serde_json::{Map, Value, json};

use super::PROJECT_FILE;
use crate::format::{Form, parse_corpus, write_atomic, write_corpus};
use crate::model::{Corpus, DocumentLabel, Label, RelationLabel};

/// The `format` value of a project file.
pub const PROJECT_FORMAT: &str = "taliq-project";
/// The project file version this taliq writes and reads.
pub const PROJECT_VERSION: u64 = 1;

/// A project's settings and who annotates which document.
#[derive(Debug, Clone, PartialEq)]
pub struct ProjectConfig {
    /// The project's name.
    pub name: String,
    /// The label set every corpus of the project uses.
    pub labels: Vec<Label>,
    /// The relation types every corpus of the project declares (none: no relations).
    pub relation_labels: Vec<RelationLabel>,
    /// The document labels every corpus of the project declares.
    pub document_labels: Vec<DocumentLabel>,
    /// The annotators, in the order they joined.
    pub annotators: Vec<String>,
    /// How many annotators each document goes to.
    pub overlap: usize,
    /// The seed that breaks ties in the assignment.
    pub seed: u64,
    /// Whether annotators' views hide each other's files (by convention: git gives everyone
    /// every file).
    pub blind: bool,
    /// Every document id, in project order, with its annotators.
    pub assignment: Vec<(String, Vec<String>)>,
}

/// Why a project could not be read, made or changed.
#[derive(Debug, thiserror::Error)]
pub enum ProjectError {
    /// A file could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The project file is not what it should be.
    #[error("{}: {what}", path.display())]
    Invalid {
        /// The project file (with the field at fault in `what`).
        path: PathBuf,
        /// What is wrong, naming the field.
        what: String,
    },
    /// A corpus of the project (or a source file) could not be loaded.
    #[error(transparent)]
    Load(#[from] crate::format::LoadError),
    /// The request does not fit the project (a document id twice, a bad annotator name, ...).
    #[error("{0}")]
    Refused(String),
    /// Someone who is not one of the project's annotators syncs before there is a gold file.
    #[error("{name:?} is not an annotator of this project ({}); a reviewer who is not one syncs once gold.json exists", annotators.join(", "))]
    NotAnAnnotator {
        /// The name given.
        name: String,
        /// The project's annotators.
        annotators: Vec<String>,
    },
    /// Merging the remote's work failed without a conflict in a file (it was undone).
    #[error("merging {upstream} failed; the merge was undone and nothing changed")]
    MergeFailed {
        /// The branch merged.
        upstream: String,
    },
    /// No document is finished by all its annotators yet.
    #[error(
        "nothing to review yet: none of the {documents} documents is finished by all its annotators (two or more)"
    )]
    NothingToReview {
        /// The project's documents.
        documents: usize,
    },
    /// The gold file is open in a review window.
    #[error("{} is open in a review window: {}; close it first", path.display(), holder.describe())]
    ReviewOpen {
        /// The gold file.
        path: PathBuf,
        /// Who holds its lock (boxed: the error stays small on the path that succeeds).
        holder: Box<crate::format::LockInfo>,
    },
    /// The gold file could not be saved.
    #[error(transparent)]
    Save(#[from] crate::format::SaveError),
    /// The annotators' corpora cannot be reviewed together.
    #[error(transparent)]
    Review(#[from] crate::review::session::ReviewError),
    /// An edit of the gold could not be made.
    #[error(transparent)]
    Edit(#[from] crate::annotate::edit::EditError),
    /// A git command failed.
    #[error("git {command}: {message}")]
    Git {
        /// The command, as typed.
        command: String,
        /// What git said.
        message: String,
    },
}

impl ProjectConfig {
    /// The project file of the folder `dir`.
    pub fn path(dir: &Path) -> PathBuf {
        dir.join(PROJECT_FILE)
    }

    /// Reads the project file of `dir`.
    ///
    /// # Errors
    /// [`ProjectError::Io`] when it cannot be read, [`ProjectError::Invalid`] naming the
    /// field at fault otherwise.
    pub fn load(dir: &Path) -> Result<Self, ProjectError> {
        let path = Self::path(dir);
        let bytes = std::fs::read(&path).map_err(|source| ProjectError::Io {
            path: path.clone(),
            source,
        })?;
        let invalid = |what: String| ProjectError::Invalid {
            path: path.clone(),
            what,
        };
        let value: Value = serde_json::from_slice(&bytes).map_err(|e| {
            invalid(format!(
                "line {}, column {}: malformed JSON: {e}",
                e.line(),
                e.column()
            ))
        })?;
        Self::from_value(&value).map_err(invalid)
    }

    fn from_value(value: &Value) -> Result<Self, String> {
        let map = value.as_object().ok_or("a project file is a JSON object")?;
        if map.get("format").and_then(Value::as_str) != Some(PROJECT_FORMAT) {
            return Err(format!("field \"format\": must be \"{PROJECT_FORMAT}\""));
        }
        if map.get("version").and_then(Value::as_u64) != Some(PROJECT_VERSION) {
            return Err(format!(
                "field \"version\": must be {PROJECT_VERSION} (this taliq reads version {PROJECT_VERSION})"
            ));
        }
        let name = string(map, "name")?;
        let annotators = strings(map.get("annotators"), "annotators")?;
        if let Some(bad) = annotators.iter().find(|a| !super::valid_annotator_name(a)) {
            return Err(format!(
                "field \"annotators\": {bad:?} is not a valid annotator name"
            ));
        }
        let overlap = map
            .get("overlap")
            .and_then(Value::as_u64)
            .filter(|&k| k >= 1)
            .ok_or("field \"overlap\": must be a whole number of at least 1")?;
        let seed = map.get("seed").and_then(Value::as_u64).unwrap_or(0);
        let blind = map.get("blind").and_then(Value::as_bool).unwrap_or(true);
        let labels = labels_from(map.get("labels").unwrap_or(&Value::Null))
            .map_err(|e| format!("field \"labels\": {e}"))?;
        let (relation_labels, document_labels) = links_from(map)?;
        let assignment = match map.get("assignment") {
            None => Vec::new(),
            Some(Value::Object(docs)) => {
                let mut out = Vec::with_capacity(docs.len());
                for (id, who) in docs {
                    let who = strings(Some(who), &format!("assignment.{id}"))?;
                    if let Some(stranger) = who.iter().find(|w| !annotators.contains(w)) {
                        return Err(format!(
                            "field \"assignment.{id}\": {stranger:?} is not one of the annotators"
                        ));
                    }
                    out.push((id.clone(), who));
                }
                out
            }
            Some(_) => return Err("field \"assignment\": must be an object".to_owned()),
        };
        Ok(Self {
            name,
            labels,
            relation_labels,
            document_labels,
            annotators,
            overlap: usize::try_from(overlap).unwrap_or(usize::MAX),
            seed,
            blind,
            assignment,
        })
    }

    /// The project file's JSON: the settings indented, then the assignment one document a
    /// line, which keeps git's diffs of it small.
    pub fn to_json(&self) -> String {
        let settings = json!({
            "format": PROJECT_FORMAT,
            "version": PROJECT_VERSION,
            "name": self.name,
            "annotators": self.annotators,
            "overlap": self.overlap,
            "seed": self.seed,
            "blind": self.blind,
            "labels": labels_to(&self.labels),
        });
        let mut settings = settings;
        // Written only when there are some, so that older project files stay as they were.
        for (key, value) in self.links_to() {
            settings[key] = value;
        }
        let mut text = serde_json::to_string_pretty(&settings).unwrap_or_default();
        // Reopen the object to append the assignment after the settings.
        text.truncate(text.trim_end().len() - 1);
        let text = text.trim_end().to_owned();
        let mut out = String::with_capacity(text.len() + 48 * self.assignment.len());
        out.push_str(&text);
        out.push_str(",\n  \"assignment\": {");
        for (i, (id, who)) in self.assignment.iter().enumerate() {
            out.push_str(if i == 0 { "\n    " } else { ",\n    " });
            out.push_str(&Value::from(id.as_str()).to_string());
            out.push_str(": ");
            out.push_str(&json!(who).to_string());
        }
        out.push_str(if self.assignment.is_empty() {
            "}\n}\n"
        } else {
            "\n  }\n}\n"
        });
        out
    }

    /// Writes the project file of `dir` atomically.
    ///
    /// # Errors
    /// [`ProjectError::Io`] when it cannot be written.
    pub fn save(&self, dir: &Path) -> Result<(), ProjectError> {
        let path = Self::path(dir);
        write_atomic(&path, self.to_json().as_bytes(), false)
            .map_err(|source| ProjectError::Io { path, source })
    }

    /// The documents assigned to `annotator`, in project order.
    pub fn documents_of<'a>(&'a self, annotator: &'a str) -> impl Iterator<Item = &'a str> {
        self.assignment
            .iter()
            .filter(move |(_, who)| who.iter().any(|w| w == annotator))
            .map(|(id, _)| id.as_str())
    }

    /// An empty corpus with the project's labels, for `annotator` (or none).
    pub fn empty_corpus(&self, annotator: Option<&str>) -> Corpus {
        Corpus {
            annotator: annotator.map(str::to_owned),
            labels: self.labels.clone(),
            relation_labels: self.relation_labels.clone(),
            document_labels: self.document_labels.clone(),
            ..Corpus::default()
        }
    }

    /// The relation types and document labels as a corpus file writes them, each only
    /// when there are some.
    fn links_to(&self) -> Vec<(&'static str, Value)> {
        let corpus = Corpus {
            labels: self.labels.clone(),
            relation_labels: self.relation_labels.clone(),
            document_labels: self.document_labels.clone(),
            ..Corpus::default()
        };
        let Ok(Value::Object(mut written)) =
            serde_json::from_str::<Value>(&write_corpus(&corpus, Form::Json))
        else {
            return Vec::new();
        };
        ["relation_labels", "document_labels"]
            .into_iter()
            .filter_map(|key| Some((key, written.remove(key)?)))
            .collect()
    }
}

fn string(map: &Map<String, Value>, key: &str) -> Result<String, String> {
    map.get(key)
        .and_then(Value::as_str)
        .map(str::to_owned)
        .ok_or_else(|| format!("field {key:?}: must be a string"))
}

fn strings(value: Option<&Value>, key: &str) -> Result<Vec<String>, String> {
    value
        .and_then(crate::format::string_array)
        .ok_or_else(|| format!("field {key:?}: must be an array of strings"))
}

/// The labels as a corpus file writes them.
fn labels_to(labels: &[Label]) -> Value {
    let corpus = Corpus {
        labels: labels.to_vec(),
        ..Corpus::default()
    };
    serde_json::from_str::<Value>(&write_corpus(&corpus, Form::Json))
        .ok()
        .and_then(|mut v| v.get_mut("labels").map(Value::take))
        .unwrap_or(Value::Array(Vec::new()))
}

/// The relation types and document labels of a project file, read as a corpus file's are
/// (the types' span labels must be the project's labels).
fn links_from(
    map: &Map<String, Value>,
) -> Result<(Vec<RelationLabel>, Vec<DocumentLabel>), String> {
    if !map.contains_key("relation_labels") && !map.contains_key("document_labels") {
        return Ok((Vec::new(), Vec::new()));
    }
    let mut shell = json!({"format": "taliq-corpus", "version": 1, "documents": []});
    for key in ["labels", "relation_labels", "document_labels"] {
        if let Some(value) = map.get(key) {
            shell[key] = value.clone();
        }
    }
    parse_corpus(shell.to_string().as_bytes(), Form::Json)
        .map(|c| (c.relation_labels, c.document_labels))
        .map_err(|diagnostics| {
            diagnostics
                .iter()
                .map(|d| {
                    format!(
                        "field {:?}: {}",
                        d.field.as_deref().unwrap_or(""),
                        d.message
                    )
                })
                .collect::<Vec<_>>()
                .join("; ")
        })
}

/// Labels read as a corpus file's are, with the same checks (colours, keys, duplicates).
fn labels_from(labels: &Value) -> Result<Vec<Label>, String> {
    let shell = json!({"format": "taliq-corpus", "version": 1, "labels": labels, "documents": []});
    parse_corpus(shell.to_string().as_bytes(), Form::Json)
        .map(|c| c.labels)
        .map_err(|diagnostics| {
            diagnostics
                .iter()
                .map(|d| d.message.clone())
                .collect::<Vec<_>>()
                .join("; ")
        })
}
