//! `label-studio`: the JSON task list Label Studio imports, one task per document with its
//! spans as one annotation of `labels` results, its relations as `relation` results
//! between them (`from_id`/`to_id`: the span results' ids), and each document label as a
//! `choices` result whose `from_name` is the label's name (a `<Choices name="topic">` tag
//! of the labelling config).
//!
//! Offsets are code points (Label Studio's Python side slices `text[start:end]`), and each
//! result carries `value.text` so that any disagreement is visible.

use std::path::{Path, PathBuf};

use serde_json::Value;

use super::{CorpusBuilder, ImportError};
use crate::model::{Corpus, Document};

/// The `from_name` and `to_name` of results: the `<Labels name="label">` and `<Text name="text">`
/// tags of the usual NER labelling config.
const FROM_NAME: &str = "label";
const TO_NAME: &str = "text";

/// One task as Label Studio reads it, serialised directly so no JSON tree is built per span;
/// the fields are in the order the golden files show.
#[derive(serde::Serialize)]
struct Task<'a> {
    data: TaskData<'a>,
    annotations: [Annotation<'a>; 1],
}

#[derive(serde::Serialize)]
struct TaskData<'a> {
    text: &'a str,
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    meta: Option<&'a Value>,
}

#[derive(serde::Serialize)]
struct Annotation<'a> {
    result: Vec<AnyResult<'a>>,
}

/// A result of any type Label Studio has, as it writes each.
#[derive(serde::Serialize)]
#[serde(untagged)]
enum AnyResult<'a> {
    Span(SpanResult<'a>),
    Relation(RelationResult<'a>),
    Choices(ChoicesResult<'a>),
}

#[derive(serde::Serialize)]
struct RelationResult<'a> {
    from_id: String,
    to_id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    direction: &'static str,
    labels: [&'a str; 1],
}

#[derive(serde::Serialize)]
struct ChoicesResult<'a> {
    id: String,
    from_name: &'a str,
    to_name: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
    value: Choices<'a>,
}

#[derive(serde::Serialize)]
struct Choices<'a> {
    choices: &'a [String],
}

#[derive(serde::Serialize)]
struct SpanResult<'a> {
    id: String,
    from_name: &'static str,
    to_name: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
    value: ResultValue<'a>,
}

#[derive(serde::Serialize)]
struct ResultValue<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    labels: [&'a str; 1],
}

/// Writes documents as a Label Studio task array, one task a line; the document id goes to
/// `data.id`.
pub fn export(documents: &[Document]) -> String {
    let mut out = Vec::new();
    write_tasks(&mut out, documents);
    finish(&mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// Appends each document's task to `out`, each line opened by `,\n`; the caller ends the
/// array with [`finish`]. Pieces written this way (in any split, on any thread) join into the
/// bytes of one go.
pub(super) fn write_tasks(out: &mut Vec<u8>, documents: &[Document]) {
    for doc in documents {
        let mut result: Vec<AnyResult<'_>> = doc
            .spans()
            .iter()
            .enumerate()
            .map(|(i, s)| {
                AnyResult::Span(SpanResult {
                    id: format!("t{}", i + 1),
                    from_name: FROM_NAME,
                    to_name: TO_NAME,
                    kind: "labels",
                    value: ResultValue {
                        start: s.range.start(),
                        end: s.range.end(),
                        text: doc.span_text(s),
                        labels: [s.label.as_str()],
                    },
                })
            })
            .collect();
        let result_id = |span_id: &str| doc.span_by_id(span_id).map(|i| format!("t{}", i + 1));
        for relation in doc.relations() {
            if let (Some(from_id), Some(to_id)) =
                (result_id(&relation.from), result_id(&relation.to))
            {
                result.push(AnyResult::Relation(RelationResult {
                    from_id,
                    to_id,
                    kind: "relation",
                    direction: "right",
                    labels: [relation.label.as_str()],
                }));
            }
        }
        for (k, (name, values)) in doc.labels.iter().enumerate() {
            result.push(AnyResult::Choices(ChoicesResult {
                id: format!("c{}", k + 1),
                from_name: name,
                to_name: TO_NAME,
                kind: "choices",
                value: Choices { choices: values },
            }));
        }
        let task = Task {
            data: TaskData {
                text: doc.text(),
                id: &doc.id,
                meta: doc.meta.as_ref(),
            },
            annotations: [Annotation { result }],
        };
        out.extend_from_slice(b",\n");
        // Writing to a Vec cannot fail and the tasks hold only strings, numbers and JSON values.
        let _ = serde_json::to_writer(&mut *out, &task);
    }
}

/// Turns the tasks [`write_tasks`] appended to `out` (and nothing else) into a JSON array:
/// the first task's `,` becomes `[`, and `]` closes it. Compact tasks a line each, rather than
/// pretty-printed ones: a third of the bytes, and still a file a person can page through.
pub(super) fn finish(out: &mut Vec<u8>) {
    if out.is_empty() {
        out.extend_from_slice(b"[]\n");
    } else {
        out[0] = b'[';
        out.extend_from_slice(b"\n]\n");
    }
}

/// Reads Label Studio task arrays (exported or to import): `data.text`, and the `labels`
/// results of the first annotation (or else of the first prediction).
///
/// The id is `data.id`, else the task's `id`, else `STEM-N`. `relation` results become
/// relations (their spans take the results' ids), `choices` results document labels; other
/// types are skipped. A result whose `value.text` differs from the text at its offsets is an
/// error.
///
/// # Errors
/// Invalid JSON (with its line) or the first bad task or result.
pub fn import(paths: &[PathBuf]) -> Result<Corpus, ImportError> {
    super::import::import_files(paths, &["json"], read_into)
}

/// As [`import`], on the bytes of one file that `path` names.
///
/// # Errors
/// As [`import`].
pub fn import_bytes(path: &Path, bytes: &[u8]) -> Result<Corpus, ImportError> {
    super::import::import_one(path, bytes, read_into)
}

fn read_into(builder: &mut CorpusBuilder, path: &Path, bytes: &[u8]) -> Result<(), ImportError> {
    let content = super::import::utf8_text(path, bytes)?;
    let value: Value = serde_json::from_str(content).map_err(|e| ImportError::Line {
        path: path.to_path_buf(),
        line: e.line(),
        message: format!("invalid JSON: {e}"),
    })?;
    let tasks = match value {
        Value::Array(tasks) => tasks,
        task @ Value::Object(_) => vec![task],
        _ => {
            return Err(ImportError::Place {
                path: path.to_path_buf(),
                place: "top level".into(),
                message: "expected an array of tasks".into(),
            });
        }
    };
    let stem = super::stem(path);
    for (n, task) in tasks.iter().enumerate() {
        let err = |message: String| ImportError::Place {
            path: path.to_path_buf(),
            place: format!("task {n}"),
            message,
        };
        let doc = read_task(builder, task, &stem, n).map_err(err)?;
        builder.push(doc).map_err(err)?;
    }
    Ok(())
}

fn read_task(
    builder: &mut CorpusBuilder,
    task: &Value,
    stem: &str,
    n: usize,
) -> Result<Document, String> {
    let data = task.get("data").ok_or("missing \"data\"")?;
    let text = data
        .get("text")
        .and_then(Value::as_str)
        .ok_or("missing \"data.text\" (a string)")?;
    let id = match (data.get("id"), task.get("id")) {
        (Some(Value::String(s)), _) if !s.is_empty() => s.clone(),
        (Some(Value::Number(x)), _) | (_, Some(Value::Number(x))) => x.to_string(),
        (_, Some(Value::String(s))) if !s.is_empty() => s.clone(),
        _ => format!("{stem}-{}", n + 1),
    };
    let mut doc = Document::new(id, text);
    doc.meta = super::import::meta_object(data.get("meta"), "data.meta")?;
    let first = |key: &str| {
        task.get(key)
            .and_then(Value::as_array)
            .and_then(|a| a.first())
    };
    let Some(annotation) = first("annotations").or_else(|| first("predictions")) else {
        return Ok(doc);
    };
    let results = annotation
        .get("result")
        .and_then(Value::as_array)
        .ok_or("annotation without a \"result\" array")?;
    // Span results by their ids, for the relation results that refer to them.
    let mut by_id = std::collections::HashMap::new();
    for (k, result) in results.iter().enumerate() {
        if result.get("type").and_then(Value::as_str) != Some("labels") {
            continue;
        }
        let bad = |what: &str| format!("result {k}: {what}");
        let value = result
            .get("value")
            .ok_or_else(|| bad("missing \"value\""))?;
        let offset = |key: &str| {
            value
                .get(key)
                .and_then(Value::as_u64)
                .map(|v| v as usize)
                .ok_or_else(|| bad(&format!("\"value.{key}\" must be a non-negative integer")))
        };
        let (start, end) = (offset("start")?, offset("end")?);
        let labels = value
            .get("labels")
            .and_then(Value::as_array)
            .ok_or_else(|| bad("\"value.labels\" must be an array"))?;
        for label in labels {
            let label = label
                .as_str()
                .ok_or_else(|| bad("labels must be strings"))?;
            builder
                .add_span(&mut doc, start, end, label)
                .map_err(|e| bad(&e))?;
            if let Some(id) = result.get("id").and_then(Value::as_str) {
                by_id.insert(id.to_owned(), (start, end, label.to_owned()));
            }
        }
        if let Some(expected) = value.get("text").and_then(Value::as_str) {
            let range = crate::model::CharRange::between(start, end);
            let found = doc.slice(range);
            if found != expected {
                return Err(bad(&format!(
                    "value.text {expected:?} differs from the text {found:?} at {range} (offsets in another unit?)"
                )));
            }
        }
    }
    read_links(builder, &mut doc, results, &by_id)?;
    Ok(doc)
}

/// The `relation` results (between span results, which take their ids) and the `choices`
/// results (document labels named by their `from_name`) of an annotation.
fn read_links(
    builder: &mut CorpusBuilder,
    doc: &mut Document,
    results: &[Value],
    spans: &std::collections::HashMap<String, (usize, usize, String)>,
) -> Result<(), String> {
    let mut relations = 0;
    for (k, result) in results.iter().enumerate() {
        let bad = |what: &str| format!("result {k}: {what}");
        match result.get("type").and_then(Value::as_str) {
            Some("relation") => {
                let end = |key: &str| {
                    let id = result
                        .get(key)
                        .and_then(Value::as_str)
                        .ok_or_else(|| bad(&format!("\"{key}\" must be a string")))?;
                    let (start, end, label) = spans
                        .get(id)
                        .ok_or_else(|| bad(&format!("{key} {id:?} is no labels result")))?;
                    Ok::<_, String>((id, *start, *end, label.clone()))
                };
                let (from, to) = (end("from_id")?, end("to_id")?);
                for (id, start, end, label) in [&from, &to] {
                    CorpusBuilder::name_span(doc, *start, *end, label, id).map_err(|e| bad(&e))?;
                }
                let label = result
                    .get("labels")
                    .and_then(Value::as_array)
                    .and_then(|l| l.first())
                    .and_then(Value::as_str)
                    .unwrap_or("related");
                relations += 1;
                // A relation drawn backwards (direction "left") points from to_id to from_id.
                let (a, b) = if result.get("direction").and_then(Value::as_str) == Some("left") {
                    (to.0, from.0)
                } else {
                    (from.0, to.0)
                };
                let relation = crate::model::Relation::new(&format!("R{relations}"), label, a, b);
                builder.add_relation(doc, relation).map_err(|e| bad(&e))?;
            }
            Some("choices") => {
                // Label Studio always names the choices tag; a hand-made file may not.
                let name = result
                    .get("from_name")
                    .and_then(Value::as_str)
                    .unwrap_or("choices");
                let values: Vec<String> = result
                    .pointer("/value/choices")
                    .and_then(crate::format::string_array)
                    .ok_or_else(|| bad("\"value.choices\" must be an array of strings"))?;
                builder
                    .set_document_label(doc, name, values)
                    .map_err(|e| bad(&e))?;
            }
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CharRange, Span};
    use serde_json::json;

    #[test]
    fn task_carries_offsets_text_and_labels_and_imports_back() {
        let mut doc = Document::new("d1", "وصل الوفد لأوكرانيا");
        doc.add_span(Span::new(CharRange::new(11, 19).unwrap(), "LOC"))
            .unwrap();
        let text = export(std::slice::from_ref(&doc));
        let tasks: Value = serde_json::from_str(&text).unwrap();
        let result = &tasks[0]["annotations"][0]["result"][0];
        assert_eq!(result["type"], "labels");
        assert_eq!(result["from_name"], "label");
        assert_eq!(result["to_name"], "text");
        assert_eq!(
            result["value"],
            json!({"start": 11, "end": 19, "text": "أوكرانيا", "labels": ["LOC"]})
        );
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ls.json");
        std::fs::write(&path, text).unwrap();
        assert_eq!(
            import(std::slice::from_ref(&path)).unwrap().documents,
            [doc]
        );
    }

    #[test]
    fn fuzz_meta_that_is_not_an_object_is_refused_with_its_task() {
        // Found by fuzzing the jsonl import, which shares the rule: a corpus's meta is an object.
        let tasks = json!([{"data": {"text": "زار", "meta": {"a": 1}}},
                           {"data": {"text": "لروسيا", "meta": ["x"]}}]);
        let message = import_bytes(Path::new("ls.json"), tasks.to_string().as_bytes())
            .unwrap_err()
            .to_string();
        assert_eq!(
            message,
            "ls.json: task 1: \"data.meta\" must be an object, found [\"x\"]"
        );
    }

    #[test]
    fn text_that_disagrees_with_offsets_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ls.json");
        let task = json!([{"data": {"text": "إن 😀 روسيا"}, "annotations": [{"result": [
            {"type": "labels", "value": {"start": 6, "end": 11, "text": "روسيا", "labels": ["LOC"]}}]}]}]);
        std::fs::write(&path, task.to_string()).unwrap();
        let message = import(std::slice::from_ref(&path)).unwrap_err().to_string();
        assert!(message.contains("task 0: result 0:"), "{message}");
    }
}
