//! Checking what links spans and labels whole documents: the relation types and document
//! labels a corpus declares, span ids and notes, and each document's relations and
//! document labels. All of it reaches the checker as fields the readers did not know
//! (`extra`), so both readers stay as they were and old taliq versions keep the fields.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use super::Checker;
use crate::format::diagnostic::{Code, Place};
use crate::model::{DocumentLabel, DocumentLabels, Extra, Relation, RelationLabel, Span};

/// What one JSON value must be, for messages.
fn type_name(value: &Value) -> &'static str {
    crate::format::walk::type_name(value)
}

impl Checker {
    /// Takes the corpus's `relation_labels` and `document_labels` out of its header's unknown
    /// fields, checks them, and remembers them for the documents.
    pub fn declarations(&mut self, extra: &mut Extra, place: &Place) {
        if let Some(value) = extra.remove("relation_labels") {
            let place = place.child("relation_labels");
            for (i, item) in self.objects(value, &place) {
                self.relation_label(item, &place.index(i));
            }
        }
        if let Some(value) = extra.remove("document_labels") {
            let place = place.child("document_labels");
            for (i, item) in self.objects(value, &place) {
                self.document_label(item, &place.index(i));
            }
        }
    }

    /// The declarations accepted, for the corpus.
    pub fn take_declarations(&mut self) -> (Vec<RelationLabel>, Vec<DocumentLabel>) {
        (self.relation_types.clone(), self.document_label_set.clone())
    }

    /// The objects of an array, with their indices; anything else reported.
    fn objects(&mut self, value: Value, place: &Place) -> Vec<(usize, Extra)> {
        let Value::Array(items) = value else {
            self.report(place.diagnostic(
                Code::WrongType,
                format!("must be an array, found {}", type_name(&value)),
            ));
            return Vec::new();
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.into_iter().enumerate() {
            match item {
                Value::Object(map) => out.push((i, map)),
                other => self.report(place.index(i).diagnostic(
                    Code::WrongType,
                    format!("must be an object, found {}", type_name(&other)),
                )),
            }
        }
        out
    }

    /// A string field taken out of `map` (`None` when absent); reported when not a string.
    fn take_string(&mut self, map: &mut Extra, key: &str, place: &Place) -> Option<String> {
        match map.remove(key)? {
            Value::String(s) => Some(s),
            Value::Null => None,
            other => {
                self.report(place.child(key).diagnostic(
                    Code::WrongType,
                    format!("{key:?} must be a string, found {}", type_name(&other)),
                ));
                None
            }
        }
    }

    /// A required non-empty string field taken out of `map`.
    fn required(&mut self, map: &mut Extra, key: &str, place: &Place) -> Option<String> {
        let value = self.take_string(map, key, place);
        match value {
            Some(s) if !s.is_empty() => Some(s),
            Some(_) => {
                self.report(
                    place
                        .child(key)
                        .diagnostic(Code::InvalidValue, format!("{key:?} is empty")),
                );
                None
            }
            None => {
                if !map.contains_key(key) {
                    self.report(
                        place.diagnostic(Code::MissingField, format!("missing field {key:?}")),
                    );
                }
                None
            }
        }
    }

    /// A list of strings taken out of `map` (empty when absent).
    fn take_strings(&mut self, map: &mut Extra, key: &str, place: &Place) -> Vec<String> {
        let Some(value) = map.remove(key) else {
            return Vec::new();
        };
        let strings = crate::format::string_array(&value);
        strings.unwrap_or_else(|| {
            self.report(place.child(key).diagnostic(
                Code::WrongType,
                format!("{key:?} must be an array of strings"),
            ));
            Vec::new()
        })
    }

    /// Checks one relation type: unique name, colour, hotkey, and span labels that exist.
    fn relation_label(&mut self, mut map: Extra, place: &Place) {
        let Some(name) = self.required(&mut map, "name", place) else {
            return;
        };
        if self.relation_types.iter().any(|r| r.name == name) {
            self.report(place.child("name").diagnostic(
                Code::DuplicateLabel,
                format!("relation label {name:?} is defined twice"),
            ));
            return;
        }
        let raw_color = self.take_string(&mut map, "color", place);
        let color = if raw_color.is_some() {
            self.color(raw_color, &[], place)
        } else {
            Some(self.relation_default_color())
        };
        let Some(color) = color else {
            return;
        };
        let raw_key = self.take_string(&mut map, "key", place);
        let key = self.hotkey(raw_key, place);
        let from = self.take_strings(&mut map, "from", place);
        let to = self.take_strings(&mut map, "to", place);
        if self.labels_known {
            for (field, labels) in [("from", &from), ("to", &to)] {
                for label in labels.iter().filter(|l| !self.label_names.contains(*l)) {
                    let d = place.child(field).diagnostic(
                        Code::UnknownLabel,
                        format!(
                            "relation label {name:?} allows span label {label:?}, which the file does not define (its labels are {})",
                            self.label_list()
                        ),
                    );
                    self.diagnostics.push(d);
                }
            }
        }
        self.relation_types.push(RelationLabel {
            name,
            color,
            key,
            from,
            to,
            extra: map,
        });
    }

    /// Checks one document label: unique name, unique non-empty values.
    fn document_label(&mut self, mut map: Extra, place: &Place) {
        let Some(name) = self.required(&mut map, "name", place) else {
            return;
        };
        if self.document_label_set.iter().any(|d| d.name == name) {
            self.report(place.child("name").diagnostic(
                Code::DuplicateLabel,
                format!("document label {name:?} is defined twice"),
            ));
            return;
        }
        let values = self.take_strings(&mut map, "values", place);
        let mut seen = HashSet::new();
        for value in &values {
            if value.is_empty() || !seen.insert(value.as_str()) {
                self.report(place.child("values").diagnostic(
                    Code::InvalidValue,
                    format!("document label {name:?}: value {value:?} is empty or given twice"),
                ));
            }
        }
        let multiple = match map.remove("multiple") {
            None | Some(Value::Null) => false,
            Some(Value::Bool(b)) => b,
            Some(other) => {
                self.report(place.child("multiple").diagnostic(
                    Code::WrongType,
                    format!(
                        "\"multiple\" must be true or false, found {}",
                        type_name(&other)
                    ),
                ));
                false
            }
        };
        self.document_label_set.push(DocumentLabel {
            name,
            values,
            multiple,
            extra: map,
        });
    }

    /// Takes a span's `id` and `note` out of its unknown fields.
    pub(super) fn span_fields(
        &mut self,
        extra: &mut Extra,
        place: &Place,
    ) -> (Option<String>, Option<String>) {
        let id = self.take_string(extra, "id", place);
        if id.as_deref() == Some("") {
            self.report(
                place
                    .child("id")
                    .diagnostic(Code::InvalidValue, "span id is empty"),
            );
            return (None, self.take_string(extra, "note", place));
        }
        (id, self.take_string(extra, "note", place))
    }

    /// Reports spans whose id another span of the document has (the later one loses its id).
    pub(super) fn span_ids(&mut self, spans: &mut [(usize, Span)], place: &Place) {
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (index, span) in spans.iter_mut() {
            let Some(id) = &span.id else {
                continue;
            };
            if let Some(first) = seen.get(id) {
                self.report(place.span(*index).child("id").diagnostic(
                    Code::DuplicateId,
                    format!("span id {id:?} is already the id of spans[{first}]"),
                ));
                span.id = None;
            } else {
                seen.insert(id.clone(), *index);
            }
        }
    }

    /// Takes a document's `relations` out of its unknown fields and checks each: fields,
    /// a unique id, a declared type, spans that exist and labels the type allows.
    pub(super) fn relations(
        &mut self,
        extra: &mut Extra,
        spans: &[Span],
        place: &Place,
    ) -> Vec<Relation> {
        let Some(value) = extra.remove("relations") else {
            return Vec::new();
        };
        let place = place.child("relations");
        let labels_of: HashMap<&str, &str> = spans
            .iter()
            .filter_map(|s| Some((s.id.as_deref()?, s.label.as_str())))
            .collect();
        let mut ids = HashSet::new();
        let mut out = Vec::new();
        for (i, mut map) in self.objects(value, &place) {
            let here = place.index(i);
            let fields = ["id", "label", "from", "to"].map(|k| self.required(&mut map, k, &here));
            let [Some(id), Some(label), Some(from), Some(to)] = fields else {
                continue;
            };
            if !ids.insert(id.clone()) {
                self.report(here.child("id").diagnostic(
                    Code::DuplicateId,
                    format!("relation id {id:?} is used twice in this document"),
                ));
                continue;
            }
            let mut good = true;
            let mut ends = [None, None];
            for (k, (field, span)) in [("from", &from), ("to", &to)].into_iter().enumerate() {
                ends[k] = labels_of.get(span.as_str()).copied();
                if ends[k].is_none() {
                    good = false;
                    self.report(here.child(field).diagnostic(
                        Code::UnknownSpanId,
                        format!("relation {id:?}: no span of this document has the id {span:?}"),
                    ));
                }
            }
            match self.relation_types.iter().find(|r| r.name == label) {
                None => {
                    good = false;
                    let declared: Vec<&str> = self
                        .relation_types
                        .iter()
                        .map(|r| r.name.as_str())
                        .collect();
                    let d = here.child("label").diagnostic(
                        Code::UnknownLabel,
                        format!(
                            "unknown relation label {label:?}: the file's relation labels are {}",
                            super::names_or_none(&declared)
                        ),
                    );
                    self.diagnostics.push(d);
                }
                Some(kind) => {
                    if let [Some(a), Some(b)] = ends
                        && !kind.allows(a, b)
                    {
                        good = false;
                        let d = here.child("label").diagnostic(
                            Code::RelationNotAllowed,
                            format!(
                                "relation {id:?} of type {label:?} goes from a {a} span to a {b} span; {label:?} allows from {} to {}",
                                list_or_any(&kind.from),
                                list_or_any(&kind.to)
                            ),
                        );
                        self.diagnostics.push(d);
                    }
                }
            }
            if good {
                out.push(Relation {
                    id,
                    label,
                    from,
                    to,
                    extra: map,
                });
            }
        }
        out
    }

    /// Takes a document's `labels` (its document labels' values) out of its unknown fields
    /// and checks them against the declared document labels.
    pub(super) fn document_labels(&mut self, extra: &mut Extra, place: &Place) -> DocumentLabels {
        let Some(value) = extra.remove("labels") else {
            return DocumentLabels::new();
        };
        let place = place.child("labels");
        let Value::Object(map) = value else {
            self.report(place.diagnostic(
                Code::WrongType,
                format!(
                    "must be an object of document labels, found {}",
                    type_name(&value)
                ),
            ));
            return DocumentLabels::new();
        };
        let mut out = DocumentLabels::new();
        for (name, values) in map {
            let here = place.child(&name);
            let Some(declared) = self.document_label_set.iter().find(|d| d.name == name) else {
                let names: Vec<&str> = self
                    .document_label_set
                    .iter()
                    .map(|d| d.name.as_str())
                    .collect();
                let d = here.diagnostic(
                    Code::UnknownLabel,
                    format!(
                        "unknown document label {name:?}: the file's document labels are {}",
                        super::names_or_none(&names)
                    ),
                );
                self.diagnostics.push(d);
                continue;
            };
            let strings = crate::format::string_array(&values);
            let Some(strings) = strings else {
                self.report(here.diagnostic(
                    Code::WrongType,
                    format!("document label {name:?} must be an array of values"),
                ));
                continue;
            };
            let unknown: Vec<&String> = strings
                .iter()
                .filter(|v| !declared.values.contains(v))
                .collect();
            if !unknown.is_empty() {
                let d = here.diagnostic(
                    Code::UnknownLabel,
                    format!(
                        "document label {name:?} has no value {:?}: its values are {}",
                        unknown[0],
                        declared.values.join(", ")
                    ),
                );
                self.diagnostics.push(d);
                continue;
            }
            if !declared.multiple && strings.len() > 1 {
                let d = here.diagnostic(
                    Code::InvalidValue,
                    format!(
                        "document label {name:?} takes one value, not {} (it is not \"multiple\")",
                        strings.len()
                    ),
                );
                self.diagnostics.push(d);
                continue;
            }
            out.push((name, strings));
        }
        out
    }
}

/// "PER, ORG", or "any label" for an empty list.
fn list_or_any(labels: &[String]) -> String {
    if labels.is_empty() {
        "any label".to_owned()
    } else {
        labels.join(", ")
    }
}
