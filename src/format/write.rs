//! Writing a corpus in a stable, diff-friendly layout.
//!
//! Keys come in a fixed order, unknown keys after the known ones in the order they were
//! read, one label and one span per line, so that `git diff` of two saves shows only
//! what changed and two saves of the same corpus are byte-identical.

use std::fmt::Write as _;

use serde_json::Value;

use super::{FORMAT_NAME, FORMAT_VERSION, Form, OFFSET_UNIT};
use crate::model::textindex::chars_to_bytes_sorted;
use crate::model::{
    CharRange, Corpus, Document, DocumentLabel, Extra, Label, RejectedSuggestion, Relation,
    RelationLabel, Span, Suggestion,
};

/// Serialises a corpus in the given form.
pub fn write_corpus(corpus: &Corpus, form: Form) -> String {
    let size: usize = corpus
        .documents
        .iter()
        .map(|d| d.text().len() + 64 * d.spans().len() + 128)
        .sum();
    let mut out = String::with_capacity(size + 1024);
    match form {
        Form::Json => write_json(corpus, &mut out),
        Form::Jsonl => write_jsonl(corpus, &mut out),
    }
    out
}

fn write_json(corpus: &Corpus, out: &mut String) {
    out.push_str("{\n");
    for (key, value) in header_fields(corpus) {
        out.push_str("  ");
        push_string(out, key);
        out.push_str(": ");
        out.push_str(&value);
        out.push_str(",\n");
    }
    out.push_str("  \"labels\": [");
    push_lines(out, &corpus.labels, "    ", push_label);
    out.push_str("],\n");
    // Before the documents, which are checked against them as they are read; only when
    // there are some, so files without them stay as they were.
    if !corpus.relation_labels.is_empty() {
        out.push_str("  \"relation_labels\": [");
        push_lines(out, &corpus.relation_labels, "    ", push_relation_label);
        out.push_str("],\n");
    }
    if !corpus.document_labels.is_empty() {
        out.push_str("  \"document_labels\": [");
        push_lines(out, &corpus.document_labels, "    ", push_document_label);
        out.push_str("],\n");
    }
    out.push_str("  \"documents\": [");
    push_lines(out, &corpus.documents, "    ", |out, doc| {
        push_document(out, doc, &BLOCK);
    });
    out.push(']');
    for (key, value) in &corpus.extra {
        out.push_str(",\n  ");
        push_string(out, key);
        out.push_str(": ");
        push_value(out, value);
    }
    out.push_str("\n}\n");
}

fn write_jsonl(corpus: &Corpus, out: &mut String) {
    out.push('{');
    for (key, value) in header_fields(corpus) {
        push_string(out, key);
        out.push_str(": ");
        out.push_str(&value);
        out.push_str(", ");
    }
    out.push_str("\"labels\": [");
    for (i, label) in corpus.labels.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        push_label(out, label);
    }
    out.push(']');
    if !corpus.relation_labels.is_empty() {
        out.push_str(", \"relation_labels\": ");
        push_inline(out, &corpus.relation_labels, push_relation_label);
    }
    if !corpus.document_labels.is_empty() {
        out.push_str(", \"document_labels\": ");
        push_inline(out, &corpus.document_labels, push_document_label);
    }
    push_extra(out, &corpus.extra);
    out.push_str("}\n");
    for doc in &corpus.documents {
        push_document(out, doc, &INLINE);
        out.push('\n');
    }
}

/// The header keys before `labels`, with their values already serialised.
fn header_fields(corpus: &Corpus) -> Vec<(&'static str, String)> {
    let mut fields = vec![
        ("format", json_string(FORMAT_NAME)),
        ("version", FORMAT_VERSION.to_string()),
        ("offset_unit", json_string(OFFSET_UNIT)),
    ];
    if let Some(annotator) = &corpus.annotator {
        fields.push(("annotator", json_string(annotator)));
    }
    fields
}

/// Writes items one per line at `indent` between an already written `[` and a `]` to come.
fn push_lines<T>(
    out: &mut String,
    items: &[T],
    indent: &str,
    mut push: impl FnMut(&mut String, &T),
) {
    if items.is_empty() {
        return;
    }
    for (i, item) in items.iter().enumerate() {
        out.push_str(if i == 0 { "\n" } else { ",\n" });
        out.push_str(indent);
        push(out, item);
    }
    out.push('\n');
    out.push_str(&indent[2..]);
}

/// The start of a label's or relation type's object: `{"name": N, "color": C` and its key.
fn push_label_head(out: &mut String, name: &str, color: crate::model::Color, key: Option<char>) {
    out.push_str("{\"name\": ");
    push_string(out, name);
    out.push_str(", \"color\": ");
    push_string(out, &color.to_string());
    if let Some(key) = key {
        out.push_str(", \"key\": ");
        push_string(out, key.encode_utf8(&mut [0; 4]));
    }
}

fn push_label(out: &mut String, label: &Label) {
    push_label_head(out, &label.name, label.color, label.key);
    if let Some(description) = &label.description {
        out.push_str(", \"description\": ");
        push_string(out, description);
    }
    push_extra(out, &label.extra);
    out.push('}');
}

/// Writes `[a, b, …]` on one line.
fn push_inline<T>(out: &mut String, items: &[T], mut push: impl FnMut(&mut String, &T)) {
    out.push('[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        push(out, item);
    }
    out.push(']');
}

fn push_strings(out: &mut String, strings: &[String]) {
    push_inline(out, strings, |out, s| push_string(out, s));
}

fn push_relation_label(out: &mut String, label: &RelationLabel) {
    push_label_head(out, &label.name, label.color, label.key);
    out.push_str(", \"from\": ");
    push_strings(out, &label.from);
    out.push_str(", \"to\": ");
    push_strings(out, &label.to);
    push_extra(out, &label.extra);
    out.push('}');
}

fn push_document_label(out: &mut String, label: &DocumentLabel) {
    out.push_str("{\"name\": ");
    push_string(out, &label.name);
    out.push_str(", \"values\": ");
    push_strings(out, &label.values);
    out.push_str(", \"multiple\": ");
    out.push_str(if label.multiple { "true" } else { "false" });
    push_extra(out, &label.extra);
    out.push('}');
}

fn push_relation(out: &mut String, relation: &Relation) {
    out.push_str("{\"id\": ");
    push_string(out, &relation.id);
    out.push_str(", \"label\": ");
    push_string(out, &relation.label);
    out.push_str(", \"from\": ");
    push_string(out, &relation.from);
    out.push_str(", \"to\": ");
    push_string(out, &relation.to);
    push_extra(out, &relation.extra);
    out.push('}');
}

/// Byte offsets of every edge of a document's spans, suggestions and rejections, found in
/// one pass over its text.
struct SpanBytes {
    edges: Vec<usize>,
    bytes: Vec<Option<usize>>,
}

impl SpanBytes {
    fn of(doc: &Document) -> Self {
        let ranges = (doc.spans().iter().map(|s| s.range))
            .chain(doc.suggestions().iter().map(|s| s.range))
            .chain(doc.rejected_suggestions().iter().map(|r| r.range));
        let mut edges: Vec<usize> = ranges.flat_map(|r| [r.start(), r.end()]).collect();
        edges.sort_unstable();
        edges.dedup();
        let bytes = chars_to_bytes_sorted(doc.text(), &edges);
        Self { edges, bytes }
    }

    fn text<'a>(&self, doc: &'a Document, range: CharRange) -> &'a str {
        let byte = |offset| {
            self.edges
                .binary_search(&offset)
                .ok()
                .and_then(|i| self.bytes[i])
                .unwrap_or(doc.text().len())
        };
        &doc.text()[byte(range.start())..byte(range.end())]
    }
}

fn push_span(out: &mut String, span: &Span, text: &str) {
    push_range_head(out, span.range, &span.label, text);
    if let Some(annotator) = &span.annotator {
        out.push_str(", \"annotator\": ");
        push_string(out, annotator);
    }
    if let Some(source) = &span.source {
        out.push_str(", \"source\": ");
        push_string(out, source);
    }
    if let Some(id) = &span.id {
        out.push_str(", \"id\": ");
        push_string(out, id);
    }
    if let Some(note) = &span.note {
        out.push_str(", \"note\": ");
        push_string(out, note);
    }
    push_extra(out, &span.extra);
    out.push('}');
}

/// The start of a labelled range's object: `{"start": S, "end": E, "label": L, "text": T`.
fn push_range_head(out: &mut String, range: CharRange, label: &str, text: &str) {
    out.push_str("{\"start\": ");
    out.push_str(&range.start().to_string());
    out.push_str(", \"end\": ");
    out.push_str(&range.end().to_string());
    out.push_str(", \"label\": ");
    push_string(out, label);
    out.push_str(", \"text\": ");
    push_string(out, text);
}

fn push_suggestion(out: &mut String, suggestion: &Suggestion, text: &str) {
    push_range_head(out, suggestion.range, &suggestion.label, text);
    out.push_str(", \"score\": ");
    // `f32`'s Display is the shortest text that reads back as the same number: stable saves.
    out.push_str(&suggestion.score.to_string());
    out.push_str(", \"source\": ");
    push_string(out, &suggestion.source);
    push_extra(out, &suggestion.extra);
    out.push('}');
}

fn push_rejected(out: &mut String, rejected: &RejectedSuggestion, text: &str) {
    push_range_head(out, rejected.range, &rejected.label, text);
    push_extra(out, &rejected.extra);
    out.push('}');
}

/// How a document object is laid out: over several lines (JSON form) or on one (JSONL).
struct DocumentStyle {
    /// Written before each field but the first.
    field: &'static str,
    /// Written before each span (`push_lines` style when `None`: one per line at this indent).
    span_indent: Option<&'static str>,
    /// Written after the last field.
    close: &'static str,
}

const BLOCK: DocumentStyle = DocumentStyle {
    field: ",\n      ",
    span_indent: Some("        "),
    close: "\n    }",
};

const INLINE: DocumentStyle = DocumentStyle {
    field: ", ",
    span_indent: None,
    close: "}",
};

fn push_document(out: &mut String, doc: &Document, style: &DocumentStyle) {
    out.push_str(if style.span_indent.is_some() {
        "{\n      \"id\": "
    } else {
        "{\"id\": "
    });
    push_string(out, &doc.id);
    let field = |out: &mut String, name: &str| {
        out.push_str(style.field);
        push_string(out, name);
        out.push_str(": ");
    };
    field(out, "status");
    push_string(out, doc.status.as_str());
    if let Some(meta) = &doc.meta {
        field(out, "meta");
        push_value(out, meta);
    }
    if !doc.labels.is_empty() {
        field(out, "labels");
        out.push('{');
        for (i, (name, values)) in doc.labels.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            push_string(out, name);
            out.push_str(": ");
            push_strings(out, values);
        }
        out.push('}');
    }
    field(out, "text");
    push_string(out, doc.text());
    field(out, "spans");
    let bytes = SpanBytes::of(doc);
    push_list(out, doc.spans(), style, |out, span| {
        push_span(out, span, bytes.text(doc, span.range));
    });
    // Written only when there are some, so files without suggestions stay as they were.
    if !doc.suggestions().is_empty() {
        field(out, "suggestions");
        push_list(out, doc.suggestions(), style, |out, s| {
            push_suggestion(out, s, bytes.text(doc, s.range));
        });
    }
    if !doc.rejected_suggestions().is_empty() {
        field(out, "rejected_suggestions");
        push_list(out, doc.rejected_suggestions(), style, |out, r| {
            push_rejected(out, r, bytes.text(doc, r.range));
        });
    }
    if !doc.relations().is_empty() {
        field(out, "relations");
        push_list(out, doc.relations(), style, push_relation);
    }
    for (key, value) in &doc.extra {
        field(out, key);
        push_value(out, value);
    }
    out.push_str(style.close);
}

/// Writes `[items]`: one per line in the block style, on one line in the inline style.
fn push_list<T>(
    out: &mut String,
    items: &[T],
    style: &DocumentStyle,
    mut push: impl FnMut(&mut String, &T),
) {
    out.push('[');
    match style.span_indent {
        Some(indent) => push_lines(out, items, indent, push),
        None => {
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                push(out, item);
            }
        }
    }
    out.push(']');
}

fn push_extra(out: &mut String, extra: &Extra) {
    for (key, value) in extra {
        out.push_str(", ");
        push_string(out, key);
        out.push_str(": ");
        push_value(out, value);
    }
}

fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    push_string(&mut out, s);
    out
}

/// Appends a JSON string literal; non-ASCII text is written as is, so Arabic stays readable.
fn push_string(out: &mut String, s: &str) {
    out.reserve(s.len() + 2);
    out.push('"');
    let mut plain_from = 0;
    for (i, byte) in s.bytes().enumerate() {
        let escape = match byte {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x00..=0x1f => "",
            _ => continue,
        };
        out.push_str(&s[plain_from..i]);
        if escape.is_empty() {
            let _ = write!(out, "\\u{byte:04x}");
        } else {
            out.push_str(escape);
        }
        plain_from = i + 1;
    }
    out.push_str(&s[plain_from..]);
    out.push('"');
}

/// Appends any JSON value on one line, with `", "` and `": "` separators.
fn push_value(out: &mut String, value: &Value) {
    match value {
        Value::String(s) => push_string(out, s),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                push_value(out, item);
            }
            out.push(']');
        }
        Value::Object(map) => {
            out.push('{');
            for (i, (key, item)) in map.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                push_string(out, key);
                out.push_str(": ");
                push_value(out, item);
            }
            out.push('}');
        }
        scalar => out.push_str(&scalar.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_escape_controls_but_keep_arabic() {
        let mut out = String::new();
        push_string(&mut out, "قال \"لا\"\n\t\\ \u{1}");
        assert_eq!(out, r#""قال \"لا\"\n\t\\ \u0001""#);
        let back: String = serde_json::from_str(&out).unwrap();
        assert_eq!(back, "قال \"لا\"\n\t\\ \u{1}");
    }
}
