//! The slow reader: walks `serde_json::Value`s field by field and reports every field
//! that is missing or of the wrong type, with its place. Used when the fast reader gives up.

use serde_json::{Map, Value};

use super::diagnostic::{Code, Diagnostic, Place};
use super::raw::{RawDocument, RawHeader, RawLabel, RawRejected, RawSpan, RawSuggestion};
use super::{FORMAT_NAME, FORMAT_VERSION, OFFSET_UNIT};

/// The JSON type of a value, for messages.
pub(super) fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Collects diagnostics while turning values into raw structures.
#[derive(Default)]
pub(super) struct Walker {
    pub diagnostics: Vec<Diagnostic>,
}

impl Walker {
    fn report(&mut self, d: Diagnostic) {
        self.diagnostics.push(d);
    }

    /// Reads the header fields (and leaves `documents`, if any, to the caller); the label
    /// values come back unread, `None` when missing or not an array (already reported).
    ///
    /// Returns `None` when the file is not a taliq corpus of a version we read: then
    /// nothing else in it can be trusted to mean what we think.
    pub fn header(
        &mut self,
        mut map: Map<String, Value>,
        place: &Place,
    ) -> Option<(RawHeader, Option<Vec<Value>>)> {
        match map.remove("format") {
            Some(Value::String(s)) if s == FORMAT_NAME => {}
            Some(other) => {
                self.report(place.child("format").diagnostic(
                    Code::WrongFormat,
                    format!("\"format\" is {other}, expected \"{FORMAT_NAME}\": this is not a taliq corpus"),
                ));
                return None;
            }
            None => {
                self.report(place.diagnostic(
                    Code::WrongFormat,
                    format!(
                        "missing field \"format\": a taliq corpus starts with {{\"format\": \"{FORMAT_NAME}\", \"version\": {FORMAT_VERSION}, ...}}"
                    ),
                ));
                return None;
            }
        }
        match map.remove("version") {
            Some(Value::Number(n)) if n.as_u64() == Some(FORMAT_VERSION) => {}
            Some(other) => {
                self.report(place.child("version").diagnostic(
                    Code::UnsupportedVersion,
                    format!("unsupported version {other}: this taliq reads corpus format version {FORMAT_VERSION}"),
                ));
                return None;
            }
            None => {
                self.report(place.diagnostic(Code::MissingField, "missing field \"version\""));
                return None;
            }
        }
        match map.remove("offset_unit") {
            None => {}
            Some(Value::String(s)) if s == OFFSET_UNIT => {}
            Some(other) => self.report(place.child("offset_unit").diagnostic(
                Code::WrongOffsetUnit,
                format!(
                    "\"offset_unit\" is {other}; format version 1 counts offsets in Unicode code points (\"{OFFSET_UNIT}\")"
                ),
            )),
        }
        let annotator = self.optional_string(&mut map, "annotator", place);
        let label_values = match map.remove("labels") {
            None => {
                self.report(place.diagnostic(Code::MissingField, "missing field \"labels\""));
                None
            }
            Some(Value::Array(items)) => Some(items),
            Some(other) => {
                self.report(place.child("labels").diagnostic(
                    Code::WrongType,
                    format!("\"labels\" must be an array, found {}", type_name(&other)),
                ));
                None
            }
        };
        let header = RawHeader {
            annotator,
            labels: None,
            extra: map,
        };
        Some((header, label_values))
    }

    /// Reads one label; `None` when it has no usable name (already reported).
    pub fn label(&mut self, item: Value, place: &Place) -> Option<RawLabel> {
        let Value::Object(mut map) = item else {
            self.report(place.diagnostic(
                Code::WrongType,
                format!("a label is an object, found {}", type_name(&item)),
            ));
            return None;
        };
        let name = self.required_string(&mut map, "name", place);
        let color = self.required_string(&mut map, "color", place);
        let key = self.optional_string(&mut map, "key", place);
        let description = self.optional_string(&mut map, "description", place);
        Some(RawLabel {
            name: name?,
            color,
            key,
            description,
            extra: map,
        })
    }

    /// Reads one document; `None` when it lacks an id or text (already reported).
    pub fn document(&mut self, value: Value, place: &mut Place) -> Option<RawDocument> {
        let Value::Object(mut map) = value else {
            self.report(place.diagnostic(
                Code::WrongType,
                format!("a document is an object, found {}", type_name(&value)),
            ));
            return None;
        };
        let id = self.required_string(&mut map, "id", place);
        place.document.clone_from(&id);
        let text = self.required_string(&mut map, "text", place);
        let meta = match map.remove("meta") {
            None => None,
            Some(v @ Value::Object(_)) => Some(v),
            Some(other) => {
                self.report(place.child("meta").diagnostic(
                    Code::WrongType,
                    format!("\"meta\" must be an object, found {}", type_name(&other)),
                ));
                None
            }
        };
        let status = self
            .optional_string(&mut map, "status", place)
            .and_then(|s| {
                s.parse()
                    .map_err(|e: String| {
                        self.report(place.child("status").diagnostic(Code::InvalidValue, e));
                    })
                    .ok()
            });
        let spans = match map.remove("spans") {
            None => Vec::new(),
            Some(Value::Array(items)) => self.spans(items, place),
            Some(other) => {
                self.report(place.child("spans").diagnostic(
                    Code::WrongType,
                    format!("\"spans\" must be an array, found {}", type_name(&other)),
                ));
                Vec::new()
            }
        };
        let suggestions = match self.array(&mut map, "suggestions", place) {
            Some(items) => self.suggestions(items, place),
            None => Vec::new(),
        };
        let rejected = match self.array(&mut map, "rejected_suggestions", place) {
            Some(items) => self.rejected(items, place),
            None => Vec::new(),
        };
        Some(RawDocument {
            id: id?,
            text: text?,
            meta,
            status: status.unwrap_or_default(),
            spans,
            suggestions,
            rejected,
            extra: map,
        })
    }

    fn spans(&mut self, items: Vec<Value>, place: &Place) -> Vec<RawSpan> {
        let mut spans = Vec::with_capacity(items.len());
        for (index, item) in items.into_iter().enumerate() {
            let place = place.span(index);
            let Value::Object(mut map) = item else {
                self.report(place.diagnostic(
                    Code::WrongType,
                    format!("a span is an object, found {}", type_name(&item)),
                ));
                continue;
            };
            let start = self.required_offset(&mut map, "start", &place);
            let end = self.required_offset(&mut map, "end", &place);
            let label = self.required_string(&mut map, "label", &place);
            let text = self.optional_string(&mut map, "text", &place);
            let annotator = self.optional_string(&mut map, "annotator", &place);
            let source = self.optional_string(&mut map, "source", &place);
            if let (Some(start), Some(end), Some(label)) = (start, end, label) {
                spans.push(RawSpan {
                    index,
                    start,
                    end,
                    label,
                    text,
                    annotator,
                    source,
                    extra: map,
                });
            }
        }
        spans
    }

    /// An optional array field of a document; `None` when absent or not an array (reported).
    fn array(
        &mut self,
        map: &mut Map<String, Value>,
        key: &str,
        place: &Place,
    ) -> Option<Vec<Value>> {
        match map.remove(key) {
            None => None,
            Some(Value::Array(items)) => Some(items),
            Some(other) => {
                self.report(place.child(key).diagnostic(
                    Code::WrongType,
                    format!("{key:?} must be an array, found {}", type_name(&other)),
                ));
                None
            }
        }
    }

    /// An object element of a document's list `field`, or `None` (reported) when it is not one.
    fn item_object(
        &mut self,
        item: Value,
        what: &str,
        place: &Place,
    ) -> Option<Map<String, Value>> {
        match item {
            Value::Object(map) => Some(map),
            other => {
                self.report(place.diagnostic(
                    Code::WrongType,
                    format!("{what} is an object, found {}", type_name(&other)),
                ));
                None
            }
        }
    }

    fn suggestions(&mut self, items: Vec<Value>, place: &Place) -> Vec<RawSuggestion> {
        let mut out = Vec::with_capacity(items.len());
        for (index, item) in items.into_iter().enumerate() {
            let place = place.item("suggestions", index);
            let Some(mut map) = self.item_object(item, "a suggestion", &place) else {
                continue;
            };
            let start = self.required_offset(&mut map, "start", &place);
            let end = self.required_offset(&mut map, "end", &place);
            let label = self.required_string(&mut map, "label", &place);
            let text = self.optional_string(&mut map, "text", &place);
            let score = match map.remove("score") {
                Some(Value::Number(n)) => n.as_f64(),
                Some(other) => {
                    self.report(place.child("score").diagnostic(
                        Code::WrongType,
                        format!("\"score\" must be a number from 0 to 1, found {other}"),
                    ));
                    None
                }
                None => {
                    self.report(place.diagnostic(Code::MissingField, "missing field \"score\""));
                    None
                }
            };
            let source = self.required_string(&mut map, "source", &place);
            if let (Some(start), Some(end), Some(label), Some(score), Some(source)) =
                (start, end, label, score, source)
            {
                out.push(RawSuggestion {
                    index,
                    start,
                    end,
                    label,
                    text,
                    score,
                    source,
                    extra: map,
                });
            }
        }
        out
    }

    fn rejected(&mut self, items: Vec<Value>, place: &Place) -> Vec<RawRejected> {
        let mut out = Vec::with_capacity(items.len());
        for (index, item) in items.into_iter().enumerate() {
            let place = place.item("rejected_suggestions", index);
            let Some(mut map) = self.item_object(item, "a rejected suggestion", &place) else {
                continue;
            };
            let start = self.required_offset(&mut map, "start", &place);
            let end = self.required_offset(&mut map, "end", &place);
            let label = self.required_string(&mut map, "label", &place);
            let text = self.optional_string(&mut map, "text", &place);
            if let (Some(start), Some(end), Some(label)) = (start, end, label) {
                out.push(RawRejected {
                    index,
                    start,
                    end,
                    label,
                    text,
                    extra: map,
                });
            }
        }
        out
    }

    fn required_string(
        &mut self,
        map: &mut Map<String, Value>,
        key: &str,
        place: &Place,
    ) -> Option<String> {
        match map.remove(key) {
            Some(Value::String(s)) => Some(s),
            Some(other) => {
                self.report(place.child(key).diagnostic(
                    Code::WrongType,
                    format!("{key:?} must be a string, found {}", type_name(&other)),
                ));
                None
            }
            None => {
                self.report(place.diagnostic(Code::MissingField, format!("missing field {key:?}")));
                None
            }
        }
    }

    fn optional_string(
        &mut self,
        map: &mut Map<String, Value>,
        key: &str,
        place: &Place,
    ) -> Option<String> {
        match map.remove(key) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(s),
            Some(other) => {
                self.report(place.child(key).diagnostic(
                    Code::WrongType,
                    format!("{key:?} must be a string, found {}", type_name(&other)),
                ));
                None
            }
        }
    }

    fn required_offset(
        &mut self,
        map: &mut Map<String, Value>,
        key: &str,
        place: &Place,
    ) -> Option<usize> {
        match map.remove(key) {
            Some(Value::Number(n)) if n.as_u64().is_some() => {
                n.as_u64().and_then(|v| usize::try_from(v).ok())
            }
            Some(other) => {
                self.report(place.child(key).diagnostic(
                    Code::WrongType,
                    format!("{key:?} must be a non-negative integer (a code-point offset), found {other}"),
                ));
                None
            }
            None => {
                self.report(place.diagnostic(Code::MissingField, format!("missing field {key:?}")));
                None
            }
        }
    }
}
