//! `doccano`: sequence-labelling JSONL, `{"id", "text", "label": [[start, end, "LABEL"]]}`;
//! for a corpus with relation types or document labels, the shape of doccano's projects
//! with relations: `{"id", "text", "entities": [{"id", "label", "start_offset",
//! "end_offset"}], "relations": [{"id", "from_id", "to_id", "type"}], "cats": [...]}`.
//! doccano's categories are plain names: a corpus with one document label writes its
//! values, one with several `name:value`; the import reads `name:value` back as such and a
//! plain name as a value of the document label `category`.
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
    write(&mut out, documents, None);
    String::from_utf8(out).unwrap_or_default()
}

/// How documents of `corpus` are written: `None` for the plain sequence-labelling shape, or
/// with relations and categories, how many document labels name the categories.
pub(super) fn shape(corpus: &Corpus) -> Option<usize> {
    (!corpus.relation_labels.is_empty() || !corpus.document_labels.is_empty())
        .then_some(corpus.document_labels.len())
}

/// Appends the lines of [`export`] to `out`, in the shape [`shape`] chose.
pub(super) fn write(out: &mut Vec<u8>, documents: &[Document], linked: Option<usize>) {
    for doc in documents {
        let map = Utf16Map::new(doc.text());
        let unit = |i: usize| map.to_utf16(i).unwrap_or(i);
        if let Some(kinds) = linked {
            write_linked(out, doc, &unit, kinds);
            continue;
        }
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

/// A line of a project with relations, as doccano writes it.
#[derive(serde::Serialize)]
struct LinkedLine<'a> {
    id: &'a str,
    text: &'a str,
    entities: Vec<Entity<'a>>,
    relations: Vec<LinkedRelation<'a>>,
    cats: Vec<String>,
}

#[derive(serde::Serialize)]
struct Entity<'a> {
    id: usize,
    label: &'a str,
    start_offset: usize,
    end_offset: usize,
}

#[derive(serde::Serialize)]
struct LinkedRelation<'a> {
    id: usize,
    from_id: usize,
    to_id: usize,
    #[serde(rename = "type")]
    kind: &'a str,
}

/// Writes one document in the shape of a project with relations: entity ids are the spans'
/// positions, categories the document labels' values (`name:value` with several labels).
fn write_linked(out: &mut Vec<u8>, doc: &Document, unit: &dyn Fn(usize) -> usize, kinds: usize) {
    let entity = |span_id: &str| doc.span_by_id(span_id);
    let line = LinkedLine {
        id: &doc.id,
        text: doc.text(),
        entities: doc
            .spans()
            .iter()
            .enumerate()
            .map(|(i, s)| Entity {
                id: i,
                label: &s.label,
                start_offset: unit(s.range.start()),
                end_offset: unit(s.range.end()),
            })
            .collect(),
        relations: doc
            .relations()
            .iter()
            .enumerate()
            .filter_map(|(k, r)| {
                Some(LinkedRelation {
                    id: k,
                    from_id: entity(&r.from)?,
                    to_id: entity(&r.to)?,
                    kind: &r.label,
                })
            })
            .collect(),
        cats: doc
            .labels
            .iter()
            .flat_map(|(name, values)| {
                values.iter().map(move |v| {
                    if kinds > 1 {
                        format!("{name}:{v}")
                    } else {
                        v.clone()
                    }
                })
            })
            .collect(),
    };
    super::json_line(out, &line);
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
    if let Some(entities) = value.get("entities") {
        read_linked(builder, &mut doc, value, entities, &map)?;
        return Ok(doc);
    }
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

/// A line of a project with relations: `entities`, then `relations` between them (the
/// spans take ids `T<entity id>`), then `cats`.
fn read_linked(
    builder: &mut CorpusBuilder,
    doc: &mut Document,
    value: &Value,
    entities: &Value,
    map: &Utf16Map,
) -> Result<(), String> {
    let entities = entities.as_array().ok_or("\"entities\" must be an array")?;
    let mut spans = std::collections::HashMap::new();
    for (k, entity) in entities.iter().enumerate() {
        let bad = |what: &str| format!("entity {k}: {what}");
        let number = |key: &str| {
            entity
                .get(key)
                .and_then(Value::as_u64)
                .ok_or_else(|| bad(&format!("\"{key}\" must be a non-negative integer")))
        };
        let unit = |key: &str| -> Result<usize, String> {
            let raw = number(key)? as usize;
            map.to_codepoint(raw).ok_or_else(|| {
                bad(&format!(
                    "UTF-16 offset {raw} is past the text or inside a surrogate pair"
                ))
            })
        };
        let (start, end) = (unit("start_offset")?, unit("end_offset")?);
        let label = entity
            .get("label")
            .and_then(Value::as_str)
            .ok_or_else(|| bad("\"label\" must be a string"))?;
        builder
            .add_span(doc, start, end, label)
            .map_err(|e| bad(&e))?;
        spans.insert(
            number("id").unwrap_or(k as u64),
            (start, end, label.to_owned()),
        );
    }
    let relations = value.get("relations").and_then(Value::as_array);
    for (k, relation) in relations.into_iter().flatten().enumerate() {
        let bad = |what: &str| format!("relation {k}: {what}");
        let mut end = |key: &str| {
            let id = relation
                .get(key)
                .and_then(Value::as_u64)
                .ok_or_else(|| bad(&format!("\"{key}\" must be an entity id")))?;
            let (start, end, label) = spans
                .get(&id)
                .ok_or_else(|| bad(&format!("{key} {id} is no entity of this line")))?;
            let name = format!("T{id}");
            CorpusBuilder::name_span(doc, *start, *end, label, &name).map_err(|e| bad(&e))?;
            Ok::<_, String>(name)
        };
        let (from, to) = (end("from_id")?, end("to_id")?);
        let kind = relation
            .get("type")
            .and_then(Value::as_str)
            .ok_or_else(|| bad("\"type\" must be a string"))?;
        let relation = crate::model::Relation::new(&format!("R{}", k + 1), kind, &from, &to);
        builder.add_relation(doc, relation).map_err(|e| bad(&e))?;
    }
    let mut labels: Vec<(String, Vec<String>)> = Vec::new();
    let cats = value.get("cats").and_then(Value::as_array);
    for cat in cats.into_iter().flatten() {
        let cat = cat.as_str().ok_or("\"cats\" must be strings")?;
        let (name, value) = cat.split_once(':').unwrap_or(("category", cat));
        match labels.iter_mut().find(|(n, _)| n == name) {
            Some((_, values)) => values.push(value.to_owned()),
            None => labels.push((name.to_owned(), vec![value.to_owned()])),
        }
    }
    for (name, values) in labels {
        builder.set_document_label(doc, &name, values)?;
    }
    Ok(())
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
