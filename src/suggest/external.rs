//! Predictions made by another tool (a team's `AraBERT`, spaCy or `CAMeL` Tools pipeline),
//! read as suggestions: Label Studio tasks' `predictions`, or JSONL lines
//! `{"id": ..., "spans": [{"start", "end", "label", "score"}]}`.
//!
//! Documents are matched by id. Every span is checked as a corpus span is (inside the
//! text, on grapheme boundaries, a label of the corpus, a score in `0..=1`, the `text` it
//! claims to cover), and every problem is listed: either the whole file is good, or nothing
//! is taken from it.

use std::collections::HashMap;
use std::fmt;
use std::path::Path;

use serde_json::Value;

use super::Prediction;
use crate::interchange::OffsetUnit;
use crate::interchange::utf16::Utf16Map;
use crate::model::{CharRange, Corpus};

/// The shape of a predictions file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum PredictionFormat {
    /// A Label Studio task list: each task's `data.id` (or `id`) and its `predictions`.
    #[default]
    Ls,
    /// One JSON object per line: `{"id": ..., "spans": [{"start", "end", "label", "score"}]}`.
    Jsonl,
}

/// One problem of a predictions file, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// 1-based line (JSONL, or a JSON syntax error).
    pub line: Option<usize>,
    /// Where in a Label Studio file: `task 3, prediction 0, result 2`.
    pub place: Option<String>,
    /// The document concerned, when known.
    pub document: Option<String>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(line) = self.line {
            write!(f, "line {line}: ")?;
        }
        if let Some(place) = &self.place {
            write!(f, "{place}: ")?;
        }
        if let Some(id) = &self.document {
            write!(f, "document {id:?}: ")?;
        }
        f.write_str(&self.message)
    }
}

/// The predictions of a file, by index of the corpus document they are for.
pub type ByDocument = HashMap<usize, Vec<Prediction>>;

/// Reads a predictions file against `corpus`.
///
/// Scores default to 1 when a file gives none (Label Studio: the result's `score`, else its
/// prediction's). With [`OffsetUnit::Utf16`] offsets count UTF-16 units and are converted.
///
/// # Errors
/// Every problem of the file, each located; nothing is returned unless all of it is good.
pub fn read(
    bytes: &[u8],
    format: PredictionFormat,
    unit: OffsetUnit,
    corpus: &Corpus,
) -> Result<ByDocument, Vec<Problem>> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        vec![Problem {
            line: Some(line),
            place: None,
            document: None,
            message: format!(
                "invalid UTF-8 at byte offset {}: predictions are UTF-8",
                e.valid_up_to()
            ),
        }]
    })?;
    let mut reader = Reader::new(corpus, unit);
    match format {
        PredictionFormat::Ls => reader.label_studio(text),
        PredictionFormat::Jsonl => reader.jsonl(text),
    }
    if reader.problems.is_empty() {
        Ok(reader.found)
    } else {
        Err(reader.problems)
    }
}

/// Where a span being read sits in its file.
#[derive(Clone, Default)]
struct At {
    line: Option<usize>,
    place: Option<String>,
    document: Option<String>,
}

struct Reader<'a> {
    corpus: &'a Corpus,
    unit: OffsetUnit,
    ids: HashMap<&'a str, usize>,
    found: ByDocument,
    problems: Vec<Problem>,
}

impl<'a> Reader<'a> {
    fn new(corpus: &'a Corpus, unit: OffsetUnit) -> Self {
        Self {
            corpus,
            unit,
            ids: corpus
                .documents
                .iter()
                .enumerate()
                .map(|(i, d)| (d.id.as_str(), i))
                .collect(),
            found: ByDocument::new(),
            problems: Vec::new(),
        }
    }

    fn report(&mut self, at: &At, message: impl Into<String>) {
        self.problems.push(Problem {
            line: at.line,
            place: at.place.clone(),
            document: at.document.clone(),
            message: message.into(),
        });
    }

    /// The corpus document an id names, reported when there is none.
    fn document(&mut self, id: Option<&Value>, at: &mut At) -> Option<usize> {
        let id = match id {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Number(n)) => n.to_string(),
            Some(other) => {
                self.report(
                    at,
                    format!("\"id\" must be a string or a number, found {other}"),
                );
                return None;
            }
            None => {
                self.report(
                    at,
                    "missing \"id\": predictions are matched to documents by id",
                );
                return None;
            }
        };
        at.document = Some(id.clone());
        let found = self.ids.get(id.as_str()).copied();
        if found.is_none() {
            self.report(at, "no document of the corpus has this id");
        }
        found
    }

    fn jsonl(&mut self, text: &str) {
        for (i, line) in text.split('\n').enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let mut at = At {
                line: Some(i + 1),
                ..At::default()
            };
            let value: Value = match serde_json::from_str(line) {
                Ok(v) => v,
                Err(e) => {
                    self.report(&at, format!("invalid JSON: {e}"));
                    continue;
                }
            };
            if !value.is_object() {
                self.report(
                    &at,
                    "a line is a JSON object {\"id\": ..., \"spans\": [...]}",
                );
                continue;
            }
            let Some(doc) = self.document(value.get("id"), &mut at) else {
                continue;
            };
            match value.get("spans") {
                Some(Value::Array(spans)) => {
                    for (k, span) in spans.iter().enumerate() {
                        let mut here = at.clone();
                        here.place = Some(format!("span {k}"));
                        self.span(doc, span, None, None, &here);
                    }
                }
                _ => self.report(&at, "\"spans\" must be an array"),
            }
        }
    }

    fn label_studio(&mut self, text: &str) {
        let value: Value = match serde_json::from_str(text) {
            Ok(v) => v,
            Err(e) => {
                let at = At {
                    line: Some(e.line()),
                    ..At::default()
                };
                self.report(&at, format!("invalid JSON: {e}"));
                return;
            }
        };
        let tasks = match value {
            Value::Array(tasks) => tasks,
            task @ Value::Object(_) => vec![task],
            _ => {
                self.report(&At::default(), "expected an array of Label Studio tasks");
                return;
            }
        };
        for (n, task) in tasks.iter().enumerate() {
            let mut at = At {
                place: Some(format!("task {n}")),
                ..At::default()
            };
            let id = task
                .get("data")
                .and_then(|d| d.get("id"))
                .or_else(|| task.get("id"));
            let Some(doc) = self.document(id, &mut at) else {
                continue;
            };
            let predictions = match task.get("predictions") {
                None => continue,
                Some(Value::Array(p)) => p,
                Some(_) => {
                    self.report(&at, "\"predictions\" must be an array");
                    continue;
                }
            };
            for (p, prediction) in predictions.iter().enumerate() {
                let overall = prediction.get("score");
                let Some(results) = prediction.get("result").and_then(Value::as_array) else {
                    let mut here = at.clone();
                    here.place = Some(format!("task {n}, prediction {p}"));
                    self.report(&here, "a prediction needs a \"result\" array");
                    continue;
                };
                for (k, result) in results.iter().enumerate() {
                    // Relations, choices and other result types carry no span.
                    if result.get("type").and_then(Value::as_str) != Some("labels") {
                        continue;
                    }
                    let mut here = at.clone();
                    here.place = Some(format!("task {n}, prediction {p}, result {k}"));
                    let Some(value) = result.get("value") else {
                        self.report(&here, "missing \"value\"");
                        continue;
                    };
                    let score = result.get("score").or(overall);
                    match value.get("labels") {
                        Some(Value::Array(labels)) if !labels.is_empty() => {
                            for label in labels {
                                self.span(doc, value, Some(label), score, &here);
                            }
                        }
                        _ => self.report(&here, "\"value.labels\" must be a non-empty array"),
                    }
                }
            }
        }
    }

    /// Checks one span (`label` and `score` given when they live outside it, as in Label
    /// Studio) and keeps it when it is good.
    fn span(
        &mut self,
        doc: usize,
        span: &Value,
        label: Option<&Value>,
        score: Option<&Value>,
        at: &At,
    ) {
        let document = &self.corpus.documents[doc];
        let offset = |key: &str| span.get(key).and_then(Value::as_u64);
        let (Some(start), Some(end)) = (offset("start"), offset("end")) else {
            self.report(at, "\"start\" and \"end\" must be non-negative integers");
            return;
        };
        let (start, end) = (
            usize::try_from(start).unwrap_or(usize::MAX),
            usize::try_from(end).unwrap_or(usize::MAX),
        );
        let Some(Value::String(label)) = label.or_else(|| span.get("label")) else {
            self.report(at, "\"label\" must be a string");
            return;
        };
        let label = label.clone();
        if self.corpus.label(&label).is_none() {
            let names: Vec<&str> = self.corpus.labels.iter().map(|l| l.name.as_str()).collect();
            self.report(
                at,
                format!(
                    "unknown label {label:?}: the corpus's labels are {}",
                    names.join(", ")
                ),
            );
            return;
        }
        let score = match score.or_else(|| span.get("score")) {
            None | Some(Value::Null) => 1.0,
            Some(Value::Number(n)) if n.as_f64().is_some_and(|s| (0.0..=1.0).contains(&s)) => {
                #[allow(clippy::cast_possible_truncation)]
                let s = n.as_f64().unwrap_or(1.0) as f32;
                s
            }
            Some(other) => {
                self.report(at, format!("score {other} is not a number from 0 to 1"));
                return;
            }
        };
        let (start, end) = match self.unit {
            OffsetUnit::Codepoint => (start, end),
            OffsetUnit::Utf16 => {
                let map = Utf16Map::new(document.text());
                if let (Some(a), Some(b)) = (map.to_codepoint(start), map.to_codepoint(end)) {
                    (a, b)
                } else {
                    {
                        self.report(
                            at,
                            format!(
                                "UTF-16 offsets [{start}, {end}) fall past the end of the text or inside a character"
                            ),
                        );
                        return;
                    }
                }
            }
        };
        let Some(range) = CharRange::new(start, end).filter(|r| !r.is_empty()) else {
            self.report(
                at,
                format!(
                    "start {start} is not before end {end}: a span covers at least one character"
                ),
            );
            return;
        };
        if let Err(e) = document.check_range(range) {
            self.report(at, e.to_string());
            return;
        }
        if let Some(claimed) = span.get("text").and_then(Value::as_str)
            && claimed != document.slice(range)
        {
            self.report(
                at,
                format!(
                    "text {claimed:?} differs from the text {:?} at {range} (offsets in another unit?)",
                    document.slice(range)
                ),
            );
            return;
        }
        self.found.entry(doc).or_default().push(Prediction {
            range,
            label,
            score,
        });
    }
}

/// The predictions of a file, read for [`super::Recommender`]: one source name for all.
#[derive(Debug, Clone)]
pub struct External {
    /// The `source` its suggestions carry (`"external"` or a model's name).
    pub source: String,
    /// Predictions by document id.
    pub by_id: HashMap<String, Vec<Prediction>>,
}

impl External {
    /// Reads a predictions file at `path` against `corpus`, naming its suggestions `source`.
    ///
    /// # Errors
    /// The file cannot be read, or every problem of it, each as `PATH: PLACE: MESSAGE`.
    pub fn load(
        path: &Path,
        format: PredictionFormat,
        unit: OffsetUnit,
        corpus: &Corpus,
        source: &str,
    ) -> Result<Self, Vec<String>> {
        let bytes = std::fs::read(path).map_err(|e| vec![format!("{}: {e}", path.display())])?;
        let found = read(&bytes, format, unit, corpus).map_err(|problems| {
            problems
                .iter()
                .map(|p| format!("{}: {p}", path.display()))
                .collect::<Vec<_>>()
        })?;
        Ok(Self {
            source: source.to_owned(),
            by_id: found
                .into_iter()
                .map(|(i, p)| (corpus.documents[i].id.clone(), p))
                .collect(),
        })
    }
}

impl super::Recommender for External {
    fn source(&self) -> &str {
        &self.source
    }

    fn predict(&self, doc: &crate::model::Document) -> Vec<Prediction> {
        self.by_id.get(&doc.id).cloned().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Document;
    use serde_json::json;

    fn corpus() -> Corpus {
        let mut c = Corpus::with_default_labels();
        c.documents
            .push(Document::new("a", "قال 😀 بوتين في موسكو"));
        c.documents.push(Document::new("b", "كَتَبَ زيد"));
        c
    }

    #[test]
    fn jsonl_with_utf16_offsets_is_converted() {
        // بوتين is 6..11 in code points, 7..12 in UTF-16 units (after the emoji).
        let line =
            json!({"id": "a", "spans": [{"start": 7, "end": 12, "label": "PER", "score": 0.8}]});
        let found = read(
            line.to_string().as_bytes(),
            PredictionFormat::Jsonl,
            OffsetUnit::Utf16,
            &corpus(),
        )
        .unwrap();
        let p = &found[&0][0];
        assert_eq!((p.range.start(), p.range.end()), (6, 11));
        assert!((p.score - 0.8).abs() < 1e-6);
    }

    #[test]
    fn every_bad_span_is_listed_with_line_and_document() {
        let text = [
            json!({"id": "a", "spans": [{"start": 6, "end": 11, "label": "PER"}]}).to_string(),
            json!({"id": "zz", "spans": []}).to_string(),
            json!({"id": "b", "spans": [{"start": 1, "end": 6, "label": "PER"},
                                        {"start": 7, "end": 99, "label": "PER"},
                                        {"start": 7, "end": 10, "label": "GPE"},
                                        {"start": 7, "end": 10, "label": "PER", "score": 2}]})
            .to_string(),
            "{not json".to_owned(),
        ]
        .join("\n");
        let problems = read(
            text.as_bytes(),
            PredictionFormat::Jsonl,
            OffsetUnit::Codepoint,
            &corpus(),
        )
        .unwrap_err();
        let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(shown.len(), 6, "{shown:#?}");
        assert!(
            shown[0].starts_with("line 2: document \"zz\": no document"),
            "{shown:#?}"
        );
        assert!(shown[1].starts_with("line 3: span 0: document \"b\": span [1, 6) has an edge at 1 inside a grapheme cluster"), "{shown:#?}");
        assert!(shown[2].contains("ends past the end"), "{shown:#?}");
        assert!(shown[3].contains("unknown label \"GPE\""), "{shown:#?}");
        assert!(shown[4].contains("score 2"), "{shown:#?}");
        assert!(shown[5].starts_with("line 4: invalid JSON"), "{shown:#?}");
    }

    #[test]
    fn label_studio_predictions_with_scores() {
        let tasks = json!([
            {"data": {"id": "a", "text": "قال 😀 بوتين في موسكو"},
             "predictions": [{"model_version": "arabert", "score": 0.7, "result": [
                {"type": "labels", "value": {"start": 6, "end": 11, "text": "بوتين", "labels": ["PER"]}},
                {"type": "labels", "score": 0.4, "value": {"start": 15, "end": 20, "labels": ["LOC"]}},
                {"type": "relation", "from_id": "x", "to_id": "y"}]}]},
            {"id": "b", "data": {"text": "كَتَبَ زيد"}, "predictions": []}
        ]);
        let found = read(
            tasks.to_string().as_bytes(),
            PredictionFormat::Ls,
            OffsetUnit::Codepoint,
            &corpus(),
        )
        .unwrap();
        let scores: Vec<(String, f32)> = found[&0]
            .iter()
            .map(|p| (p.label.clone(), p.score))
            .collect();
        assert_eq!(scores, [("PER".to_owned(), 0.7), ("LOC".to_owned(), 0.4)]);
        let wrong = json!([{"data": {"id": "a"}, "predictions": [{"result": [
            {"type": "labels", "value": {"start": 7, "end": 12, "text": "بوتين", "labels": ["PER"]}}]}]}]);
        let problems = read(
            wrong.to_string().as_bytes(),
            PredictionFormat::Ls,
            OffsetUnit::Codepoint,
            &corpus(),
        )
        .unwrap_err();
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].to_string().starts_with(
                "task 0, prediction 0, result 0: document \"a\": text \"بوتين\" differs"
            ),
            "{}",
            problems[0]
        );
    }
}
