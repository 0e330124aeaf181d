//! `doccano`: sequence-labelling JSONL, `{"id", "text", "label": [[start, end, "LABEL"]]}`.
//!
//! doccano runs in the browser and counts offsets in UTF-16 code units (JavaScript string
//! indices). They equal code points on Arabic and differ after an emoji, so the export
//! converts and the import converts back.

use std::path::{Path, PathBuf};

use serde_json::Value;

use super::utf16::Utf16Map;
use super::{CorpusBuilder, ImportError};
use crate::model::{Corpus, Document};

/// Writes documents as doccano JSONL with UTF-16 offsets.
pub fn export(documents: &[Document]) -> String {
    let mut out = Vec::new();
    write(&mut out, documents);
    String::from_utf8(out).unwrap_or_default()
}

/// Appends the lines of [`export`] to `out`.
pub(super) fn write(out: &mut Vec<u8>, documents: &[Document]) {
    for doc in documents {
        let map = Utf16Map::new(doc.text());
        let unit = |i: usize| map.to_utf16(i).unwrap_or(i);
        let line = Line {
            id: &doc.id,
            text: doc.text(),
            label: doc
                .spans()
                .iter()
                .map(|s| (unit(s.range.start()), unit(s.range.end()), s.label.as_str()))
                .collect(),
        };
        super::json_line(out, &line);
    }
}

/// One line of the export, serialised directly so no JSON tree is built per span.
#[derive(serde::Serialize)]
struct Line<'a> {
    id: &'a str,
    text: &'a str,
    label: Vec<(usize, usize, &'a str)>,
}

/// Reads doccano JSONL (`label` or `labels` as `[start, end, label]` triples in UTF-16 units).
///
/// A missing `id` names the document `STEM-LINE`.
///
/// # Errors
/// The first bad line: file, line number and problem.
pub fn import(paths: &[PathBuf]) -> Result<Corpus, ImportError> {
    super::import::import_files(paths, &["jsonl"], read_into)
}

/// As [`import`], on the bytes of one file that `path` names.
///
/// # Errors
/// As [`import`].
pub fn import_bytes(path: &Path, bytes: &[u8]) -> Result<Corpus, ImportError> {
    super::import::import_one(path, bytes, read_into)
}

fn read_into(builder: &mut CorpusBuilder, path: &Path, bytes: &[u8]) -> Result<(), ImportError> {
    super::import::read_json_lines(builder, path, bytes, read_line)
}

fn read_line(
    builder: &mut CorpusBuilder,
    value: &Value,
    stem: &str,
    line: usize,
) -> Result<Document, String> {
    let text = value
        .get("text")
        .and_then(Value::as_str)
        .ok_or("missing \"text\" (a string)")?;
    let id = match value.get("id") {
        None | Some(Value::Null) => format!("{stem}-{line}"),
        Some(Value::String(s)) if !s.is_empty() => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        Some(_) => return Err("\"id\" must be a non-empty string or a number".into()),
    };
    let mut doc = Document::new(id, text);
    let map = Utf16Map::new(text);
    let labels = match value.get("label").or_else(|| value.get("labels")) {
        None | Some(Value::Null) => &Vec::new(),
        Some(Value::Array(a)) => a,
        Some(_) => return Err("\"label\" must be an array of [start, end, label]".into()),
    };
    for (k, triple) in labels.iter().enumerate() {
        let bad = || format!("label {k}: expected [start, end, \"LABEL\"], found {triple}");
        let items = triple.as_array().filter(|a| a.len() == 3).ok_or_else(bad)?;
        let unit = |v: &Value| -> Result<usize, String> {
            let raw = v.as_u64().ok_or_else(bad)? as usize;
            map.to_codepoint(raw).ok_or_else(|| {
                format!(
                    "label {k}: UTF-16 offset {raw} is past the text or inside a surrogate pair"
                )
            })
        };
        let (start, end) = (unit(&items[0])?, unit(&items[1])?);
        let label = items[2].as_str().ok_or_else(bad)?;
        builder
            .add_span(&mut doc, start, end, label)
            .map_err(|e| format!("label {k}: {e}"))?;
    }
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CharRange, Span};
    use serde_json::json;

    #[test]
    fn offsets_after_an_emoji_are_utf16_and_come_back_as_code_points() {
        let mut doc = Document::new("d1", "قال الكرملين إن 😀 روسيا");
        doc.add_span(Span::new(CharRange::new(4, 12).unwrap(), "ORG"))
            .unwrap();
        doc.add_span(Span::new(CharRange::new(18, 23).unwrap(), "LOC"))
            .unwrap();
        let line = export(std::slice::from_ref(&doc));
        let value: Value = serde_json::from_str(line.trim_end()).unwrap();
        assert_eq!(value["label"], json!([[4, 12, "ORG"], [19, 24, "LOC"]]));
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.jsonl");
        std::fs::write(&path, line).unwrap();
        assert_eq!(
            import(std::slice::from_ref(&path)).unwrap().documents,
            [doc]
        );
    }

    #[test]
    fn offset_inside_a_surrogate_pair_is_an_error_naming_the_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.jsonl");
        std::fs::write(
            &path,
            "{\"text\": \"إن 😀 روسيا\", \"label\": [[4, 5, \"X\"]]}\n",
        )
        .unwrap();
        let message = import(std::slice::from_ref(&path)).unwrap_err().to_string();
        assert!(
            message.contains("d.jsonl:1: label 0: UTF-16 offset 4"),
            "{message}"
        );
    }
}
