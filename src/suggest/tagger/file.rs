//! The model file: one line of JSON (format name, version, labels, tags, training summary,
//! lexicon), a newline, then the CRF in little-endian binary: the feature hashes (u64, one
//! per emission row, in row order), then every weight as f32 (rows × tags, transitions,
//! start, end). A model with a second stage says so in the header (`second_stage`: its
//! added rows) and appends that stage: the added rows' hashes, then all its weights.
//! Files without it (older ones) load as one-stage models. Described in `docs/suggestions.md`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::clusters::Clusters;
use super::crf::Crf;
use super::lexicon::Lexicon;
use super::model::{FeatureIndex, Stage, Tagger, TrainingSummary};
use super::second_stage::SecondStage;

/// The `format` of a model file.
pub const FORMAT: &str = "taliq-tagger";
/// The model file version this build reads and writes.
pub const VERSION: u32 = 1;

/// Serialises a map with its keys in order, so that the same model always gives the same
/// file (a `HashMap` iterates in a random order).
pub(super) fn sorted<S: serde::Serializer, V: Serialize, H>(
    map: &HashMap<String, V, H>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    map.iter()
        .collect::<std::collections::BTreeMap<_, _>>()
        .serialize(serializer)
}

/// The fields of a model file's header that say what it is (any JSON values: a wrong type
/// is reported as a wrong format or version).
#[derive(Deserialize)]
struct Probe {
    #[serde(default)]
    format: serde_json::Value,
    #[serde(default)]
    version: serde_json::Value,
}

/// The JSON header of a model file.
#[derive(Debug, Serialize, Deserialize)]
struct Header {
    format: String,
    version: u32,
    labels: Vec<String>,
    tags: Vec<String>,
    features: usize,
    summary: TrainingSummary,
    propagate: bool,
    /// Whether tokens see their stem's other mentions' neighbours (absent from older files:
    /// they did not).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    aggregate: bool,
    #[serde(serialize_with = "sorted")]
    cuts: HashMap<String, u32>,
    lexicon: Lexicon,
    clusters: Clusters,
    /// The second stage, when there is one (absent from older files).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    second_stage: Option<SecondStageHeader>,
}

/// What the header says of the second stage.
#[derive(Debug, Serialize, Deserialize)]
struct SecondStageHeader {
    /// Emission rows it adds to the first stage's.
    features: usize,
}

/// Why a model file could not be read or written, with the file and the place.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// The file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The system's reason.
        source: std::io::Error,
    },
    /// The file is not a taliq tagger model, or its header is damaged.
    #[error("{path}: {place}: {message}")]
    Invalid {
        /// The file.
        path: PathBuf,
        /// Where in it (header field or byte offset).
        place: String,
        /// What is wrong.
        message: String,
    },
}

impl Tagger {
    /// The model as the bytes of a model file.
    pub fn to_bytes(&self) -> Vec<u8> {
        let crf = &self.stage.crf;
        let header = Header {
            format: FORMAT.to_owned(),
            version: VERSION,
            labels: self.labels.clone(),
            tags: self.tags.clone(),
            features: crf.features,
            summary: self.summary.clone(),
            propagate: self.propagate,
            aggregate: self.aggregate,
            cuts: self.cuts.clone(),
            lexicon: self.lexicon.clone(),
            clusters: self.clusters.clone(),
            second_stage: self.second.as_ref().map(|second| SecondStageHeader {
                features: second.extra.len(),
            }),
        };
        let mut out = serde_json::to_vec(&header).unwrap_or_default();
        out.push(b'\n');
        let mut hashes = vec![0u64; crf.features];
        for (&h, &row) in &self.stage.index {
            hashes[row as usize] = h;
        }
        out.reserve(hashes.len() * 8 + crf.weights.len() * 4);
        for h in hashes {
            out.extend_from_slice(&h.to_le_bytes());
        }
        for &w in &crf.weights {
            out.extend_from_slice(&(w as f32).to_le_bytes());
        }
        if let Some(second) = &self.second {
            let mut hashes = vec![0u64; second.extra.len()];
            for (&h, &row) in &second.extra {
                hashes[row as usize - crf.features] = h;
            }
            for h in hashes {
                out.extend_from_slice(&h.to_le_bytes());
            }
            for &w in &second.crf.weights {
                out.extend_from_slice(&(w as f32).to_le_bytes());
            }
        }
        out
    }

    /// Writes the model file atomically.
    ///
    /// # Errors
    /// [`ModelError::Io`] when it cannot be written.
    pub fn save(&self, path: &Path) -> Result<(), ModelError> {
        crate::format::write_atomic(path, &self.to_bytes(), false).map_err(|source| {
            ModelError::Io {
                path: path.to_path_buf(),
                source,
            }
        })
    }

    /// Reads a model file.
    ///
    /// # Errors
    /// [`ModelError::Io`] when unreadable; [`ModelError::Invalid`] naming the place when it is
    /// not a taliq tagger model of this version or is damaged.
    pub fn load(path: &Path) -> Result<Self, ModelError> {
        let bytes = std::fs::read(path).map_err(|source| ModelError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Self::from_bytes(path, &bytes)
    }

    /// Reads a model from the bytes of a model file (`path` names it in errors).
    ///
    /// # Errors
    /// As [`Self::load`].
    pub fn from_bytes(path: &Path, bytes: &[u8]) -> Result<Self, ModelError> {
        let invalid = |place: &str, message: String| ModelError::Invalid {
            path: path.to_path_buf(),
            place: place.to_owned(),
            message,
        };
        let newline = bytes.iter().position(|&b| b == b'\n').ok_or_else(|| {
            invalid(
                "line 1",
                "not a taliq tagger model (no JSON header line)".into(),
            )
        })?;
        let header = &bytes[..newline];
        // The format and version are read first, skipping the rest (a `Value` of the whole
        // header would build the clusters and lexicon maps twice), so that a file of another
        // kind or version is named as such rather than as damaged.
        let probe: Probe = serde_json::from_slice(header).map_err(|e| {
            invalid(
                "header",
                format!("not a taliq tagger model (column {}: {e})", e.column()),
            )
        })?;
        let format = probe.format.as_str().unwrap_or("");
        if format != FORMAT {
            return Err(invalid(
                "header field \"format\"",
                format!("expected {FORMAT:?}, found {format:?}: not a taliq tagger model"),
            ));
        }
        let version = probe.version.as_u64();
        if version != Some(u64::from(VERSION)) {
            return Err(invalid(
                "header field \"version\"",
                format!(
                    "model file version {} is not supported (this taliq reads version {VERSION}); retrain with `taliq train`",
                    version.map_or_else(|| "(missing)".to_owned(), |v| v.to_string())
                ),
            ));
        }
        let header: Header = serde_json::from_slice(header)
            .map_err(|e| invalid("header", format!("damaged: {e}")))?;
        let tags = header.tags.len();
        if tags == 0 || tags > usize::from(u16::MAX) || header.tags[0] != "O" {
            return Err(invalid(
                "header field \"tags\"",
                "must start with \"O\" and hold at most 65535 tags".into(),
            ));
        }
        let body = &bytes[newline + 1..];
        let first_rows = header.features;
        let added = header.second_stage.as_ref().map(|s| s.features);
        // Checked: the header's counts may be anything.
        let expected = match added {
            None => block_bytes(first_rows, first_rows, tags),
            Some(added) => block_bytes(first_rows, first_rows, tags).and_then(|first| {
                let rows = first_rows.checked_add(added)?;
                first.checked_add(block_bytes(added, rows, tags)?)
            }),
        };
        if expected != Some(body.len()) {
            return Err(invalid(
                &format!("byte {}", newline + 1),
                format!(
                    "the weights take {} bytes, expected {} for {first_rows} features{} and {tags} tags (file cut short or damaged)",
                    body.len(),
                    expected.map_or_else(|| "too many".to_owned(), |e| e.to_string()),
                    added.map_or_else(String::new, |a| format!(" and {a} second-stage features")),
                ),
            ));
        }
        let at = newline + 1;
        let first_size = block_bytes(first_rows, first_rows, tags).unwrap_or_default();
        let (first_bytes, second_bytes) = body.split_at(first_size);
        let (index, crf) = read_block(first_bytes, 0, first_rows, tags)
            .map_err(|offset| invalid(&format!("byte {}", at + offset), NOT_FINITE.into()))?;
        let second = added
            .map(|added| {
                read_block(second_bytes, first_rows, first_rows + added, tags)
                    .map(|(extra, crf)| SecondStage { extra, crf })
                    .map_err(|offset| {
                        invalid(
                            &format!("byte {}", at + first_size + offset),
                            NOT_FINITE.into(),
                        )
                    })
            })
            .transpose()?;
        Ok(Tagger {
            labels: header.labels,
            tags: header.tags,
            stage: Stage::new(index, crf),
            second,
            lexicon: header.lexicon,
            clusters: header.clusters,
            propagate: header.propagate,
            aggregate: header.aggregate,
            cuts: header.cuts,
            summary: header.summary,
        })
    }
}

const NOT_FINITE: &str = "a weight is not a finite number";

/// Bytes of a block of the file: `hashes` feature hashes (u64), then the f32 weights of a
/// CRF of `rows` emission rows and `tags` tags; `None` when that overflows.
fn block_bytes(hashes: usize, rows: usize, tags: usize) -> Option<usize> {
    rows.checked_mul(tags)?
        .checked_add(tags * tags + 2 * tags)?
        .checked_mul(4)?
        .checked_add(hashes.checked_mul(8)?)
}

/// A block of [`block_bytes`] (its length checked): the hashes, numbered as emission rows
/// from `first_row`, and the CRF of `rows` rows. `Err` with the offset in the block of the
/// weights when one is not finite.
fn read_block(
    bytes: &[u8],
    first_row: usize,
    rows: usize,
    tags: usize,
) -> Result<(FeatureIndex, Crf), usize> {
    let (hash_bytes, weight_bytes) = bytes.split_at((rows - first_row) * 8);
    let mut index = FeatureIndex::default();
    index.reserve(rows - first_row);
    for (row, chunk) in hash_bytes.chunks_exact(8).enumerate() {
        let mut b = [0u8; 8];
        b.copy_from_slice(chunk);
        index.insert(u64::from_le_bytes(b), (first_row + row) as u32);
    }
    let weights: Vec<f64> = weight_bytes
        .chunks_exact(4)
        .map(|c| f64::from(f32::from_le_bytes([c[0], c[1], c[2], c[3]])))
        .collect();
    if weights.iter().any(|w| !w.is_finite()) {
        return Err(hash_bytes.len());
    }
    Ok((
        index,
        Crf {
            tags,
            features: rows,
            weights,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Document;
    use crate::suggest::tagger::tests::{quick, train_on, train_with};
    use crate::suggest::tagger::{Resources, TrainOptions};
    use crate::synth::ner_corpus;

    #[test]
    fn the_same_training_writes_the_same_model_file() {
        // Teams keep models in git: the bytes must not depend on hash-map order or threads.
        let corpus = ner_corpus(12, 6, false, 31);
        let a = train_on(&corpus).to_bytes();
        let b = train_on(&corpus).to_bytes();
        assert!(
            a == b,
            "two trainings on the same data gave different files"
        );
    }

    #[test]
    fn the_model_file_round_trips_to_the_same_predictions() {
        let corpus = ner_corpus(20, 8, false, 5);
        let tagger = train_on(&corpus);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("model.taliq-tagger");
        tagger.save(&path).unwrap();
        let loaded = Tagger::load(&path).unwrap();
        let test = ner_corpus(5, 8, true, 6);
        let docs: Vec<&Document> = test.documents.iter().collect();
        assert_eq!(tagger.tag_many(&docs), loaded.tag_many(&docs));
        assert_eq!(loaded.labels(), tagger.labels());
        assert_eq!(loaded.summary(), tagger.summary());
    }

    #[test]
    fn a_model_of_other_labels_or_versions_is_refused_with_reasons() {
        let corpus = ner_corpus(10, 6, false, 7);
        let tagger = train_on(&corpus);
        assert_eq!(tagger.labels(), ["LOC", "ORG", "PER"]);
        assert!(tagger.check_labels(&["PER", "ORG", "LOC", "DATE"]).is_ok());
        let err = tagger.check_labels(&["PERSON", "ORG", "LOC"]).unwrap_err();
        assert_eq!(err.missing, ["PER"]);
        assert!(err.to_string().contains("PER") && err.to_string().contains("PERSON"));

        let mut bytes = tagger.to_bytes();
        let text = String::from_utf8_lossy(&bytes[..40]).into_owned();
        assert!(
            text.starts_with(r#"{"format":"taliq-tagger","version":1"#),
            "{text}"
        );
        // Each refusal's message must hold every fragment.
        let refused = |bytes: &[u8], fragments: &[&str]| {
            let err = Tagger::from_bytes(Path::new("m.bin"), bytes)
                .unwrap_err()
                .to_string();
            assert!(fragments.iter().all(|f| err.contains(f)), "{err}");
            err
        };
        let v2 = String::from_utf8_lossy(&bytes).replacen("\"version\":1", "\"version\":2", 1);
        refused(v2.as_bytes(), &["version 2", "\"version\""]);
        bytes.truncate(bytes.len() - 3);
        let err = refused(&bytes, &["cut short"]);
        assert!(err.starts_with("m.bin: byte "), "{err}");
        let other_kind = br#"{"format":"taliq-corpus","version":1}"#;
        refused(other_kind, &["not a taliq tagger model"]);
        refused(b"\xff\xfe garbage\n", &["header"]);
        // A format of the wrong type is another kind of file; a header of the right format and
        // version with a damaged field is a damaged model.
        refused(
            b"{\"version\":1,\"format\":7}\n",
            &["not a taliq tagger model"],
        );
        let damaged = String::from_utf8_lossy(&tagger.to_bytes()).replacen(
            "\"tags\":[",
            "\"tags\":7,\"x\":[",
            1,
        );
        refused(damaged.as_bytes(), &["m.bin: header: ", "damaged"]);
    }

    #[test]
    fn a_model_file_says_whether_it_aggregates_and_older_files_do_not() {
        let corpus = ner_corpus(10, 6, false, 7);
        let options = |aggregate| TrainOptions {
            aggregate,
            ..quick()
        };
        let with = train_with(&corpus, &Resources::default(), &options(true));
        let bytes = with.to_bytes();
        let header =
            String::from_utf8_lossy(&bytes[..bytes.iter().position(|&b| b == b'\n').unwrap()])
                .into_owned();
        assert!(header.contains("\"aggregate\":true"), "{header}");
        let path = std::path::Path::new("m.bin");
        assert!(Tagger::from_bytes(path, &bytes).unwrap().aggregate);
        // A file written before aggregation existed has no such field.
        let without = train_with(&corpus, &Resources::default(), &options(false));
        let bytes = without.to_bytes();
        let header_end = bytes.iter().position(|&b| b == b'\n').unwrap();
        assert!(!String::from_utf8_lossy(&bytes[..header_end]).contains("aggregate"));
        let loaded = Tagger::from_bytes(path, &bytes).unwrap();
        assert!(!loaded.aggregate);
        let test = ner_corpus(3, 6, true, 8);
        let test: Vec<&Document> = test.documents.iter().collect();
        assert_eq!(loaded.tag_many(&test), without.tag_many(&test));
    }
}
