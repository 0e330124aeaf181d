//! Checking what a corpus means: labels, document ids, and spans against their text.
//!
//! Works on the raw structures of either reader, one label or document at a time, so
//! that diagnostics come out in file order.

use std::collections::{HashMap, HashSet};

use super::diagnostic::{Code, Diagnostic, Place};
use super::raw::{RawDocument, RawLabel, RawSpan};
use crate::model::textindex::{chars_to_bytes_sorted, is_grapheme_boundary};
use crate::model::{CharRange, Color, Document, Label, Span};

/// Checks labels and documents, remembering what later ones must not repeat.
#[derive(Default)]
pub(super) struct Checker {
    pub diagnostics: Vec<Diagnostic>,
    labels: Vec<Label>,
    label_names: HashSet<String>,
    /// The names in `label_names`, in file order, for messages.
    label_order: Vec<String>,
    hotkeys: HashMap<char, String>,
    /// Whether the label set could be read, so that spans can be checked against it.
    labels_known: bool,
    ids: HashMap<String, usize>,
}

impl Checker {
    fn report(&mut self, d: Diagnostic) {
        self.diagnostics.push(d);
    }

    /// Notes that the file's label set was read, so span labels are checked against it.
    pub fn labels_are_known(&mut self) {
        self.labels_known = true;
    }

    /// The labels accepted so far.
    pub fn take_labels(&mut self) -> Vec<Label> {
        std::mem::take(&mut self.labels)
    }

    /// Checks one label: non-empty unique name, `#rrggbb` colour, single-character unique hotkey.
    pub fn label(&mut self, raw: RawLabel, place: &Place) {
        let color = raw.color.and_then(|c| {
            c.parse::<Color>()
                .map_err(|e| self.report(place.child("color").diagnostic(Code::InvalidValue, e)))
                .ok()
        });
        let key = raw.key.and_then(|k| {
            let mut chars = k.chars();
            if let (Some(c), None) = (chars.next(), chars.next()) {
                Some(c)
            } else {
                self.report(place.child("key").diagnostic(
                    Code::InvalidValue,
                    format!("hotkey {k:?} must be a single character"),
                ));
                None
            }
        });
        let name = raw.name;
        if name.is_empty() {
            self.report(
                place
                    .child("name")
                    .diagnostic(Code::InvalidValue, "label name is empty"),
            );
            return;
        }
        if !self.label_names.insert(name.clone()) {
            self.report(place.child("name").diagnostic(
                Code::DuplicateLabel,
                format!("label {name:?} is defined twice"),
            ));
            return;
        }
        self.label_order.push(name.clone());
        if let Some((key, other)) =
            key.and_then(|k| Some((k, self.hotkeys.insert(k, name.clone())?)))
        {
            self.report(place.child("key").diagnostic(
                Code::DuplicateHotkey,
                format!("hotkey {key:?} of label {name:?} is already the hotkey of {other:?}"),
            ));
        }
        if let Some(color) = color {
            self.labels.push(Label {
                name,
                color,
                key,
                description: raw.description,
                extra: raw.extra,
            });
        }
    }

    /// Checks one document: unique non-empty id, known labels, every span against the text.
    pub fn document(&mut self, raw: RawDocument, mut place: Place) -> Document {
        place.document = Some(raw.id.clone());
        let index = place.document_index.unwrap_or_default();
        if raw.id.is_empty() {
            self.report(
                place
                    .child("id")
                    .diagnostic(Code::InvalidValue, "document id is empty"),
            );
        } else if let Some(&first) = self.ids.get(&raw.id) {
            self.report(place.child("id").diagnostic(
                Code::DuplicateDocument,
                format!(
                    "document id {:?} is already used by document #{first}",
                    raw.id
                ),
            ));
        } else {
            self.ids.insert(raw.id.clone(), index);
        }
        if self.labels_known {
            for span in raw
                .spans
                .iter()
                .filter(|s| !self.label_names.contains(&s.label))
            {
                let d = place.span(span.index).child("label").diagnostic(
                    Code::UnknownLabel,
                    format!(
                        "unknown label {:?}: the file's labels are {}",
                        span.label,
                        self.label_list()
                    ),
                );
                self.diagnostics.push(d);
            }
        }
        let char_len = raw.text.chars().count();
        let spans = self.spans(&raw.text, char_len, raw.spans, &place);
        let mut doc = Document::from_checked_parts(raw.id, raw.text, char_len, spans);
        doc.meta = raw.meta;
        doc.status = raw.status;
        doc.extra = raw.extra;
        doc
    }

    fn label_list(&self) -> String {
        if self.label_order.is_empty() {
            return "none".to_owned();
        }
        self.label_order.join(", ")
    }

    /// Checks spans against their text: order of edges, range, grapheme boundaries, text, duplicates.
    fn spans(
        &mut self,
        text: &str,
        char_len: usize,
        raw: Vec<RawSpan>,
        place: &Place,
    ) -> Vec<Span> {
        let mut in_range = Vec::with_capacity(raw.len());
        for span in raw {
            if span.start >= span.end {
                self.report(place.span(span.index).diagnostic(
                    Code::EmptySpan,
                    format!(
                        "start {} is not before end {}: a span covers at least one character",
                        span.start, span.end
                    ),
                ));
            } else if span.end > char_len {
                self.report(place.span(span.index).child("end").diagnostic(
                    Code::OutOfRange,
                    format!(
                        "end {} is past the end of the text ({char_len} code points)",
                        span.end
                    ),
                ));
            } else {
                in_range.push(span);
            }
        }
        let mut edges: Vec<usize> = in_range.iter().flat_map(|s| [s.start, s.end]).collect();
        edges.sort_unstable();
        edges.dedup();
        let bytes = chars_to_bytes_sorted(text, &edges);
        let byte_of = |offset: usize| {
            edges
                .binary_search(&offset)
                .ok()
                .and_then(|i| bytes[i])
                .unwrap_or(text.len())
        };
        let mut seen: HashSet<(usize, usize, &str)> = HashSet::with_capacity(in_range.len());
        // A set: a file of many copies of one span must not take quadratic time.
        let mut duplicates = HashSet::new();
        for span in &in_range {
            if !seen.insert((span.start, span.end, &span.label)) {
                duplicates.insert(span.index);
            }
        }
        let mut spans = Vec::with_capacity(in_range.len());
        for span in in_range {
            let (start_byte, end_byte) = (byte_of(span.start), byte_of(span.end));
            let mut ok = true;
            for (edge, byte, field) in [
                (span.start, start_byte, "start"),
                (span.end, end_byte, "end"),
            ] {
                if !is_grapheme_boundary(text, byte) {
                    ok = false;
                    let cut = text[byte..].chars().next().map_or(0, u32::from);
                    self.report(place.span(span.index).child(field).diagnostic(
                        Code::SplitsCluster,
                        format!(
                            "{field} {edge} falls inside a grapheme cluster: it would cut U+{cut:04X} from the character before it"
                        ),
                    ));
                }
            }
            let covered = &text[start_byte..end_byte];
            if let Some(written) = span.text.as_ref().filter(|w| *w != covered) {
                ok = false;
                self.report(place.span(span.index).child("text").diagnostic(
                    Code::TextMismatch,
                    format!(
                        "text is {:?} but text[{}:{}] is {:?} (offsets count code points)",
                        shorten(written),
                        span.start,
                        span.end,
                        shorten(covered)
                    ),
                ));
            }
            if duplicates.contains(&span.index) {
                ok = false;
                self.report(place.span(span.index).diagnostic(
                    Code::DuplicateSpan,
                    format!(
                        "the span [{}, {}) {} appears twice",
                        span.start, span.end, span.label
                    ),
                ));
            }
            if ok {
                spans.push(Span {
                    range: CharRange::new(span.start, span.end).unwrap_or_default(),
                    label: span.label,
                    annotator: span.annotator,
                    extra: span.extra,
                });
            }
        }
        spans
    }
}

/// A string cut to at most 60 characters for a message.
fn shorten(s: &str) -> String {
    const MAX: usize = 60;
    if s.chars().count() <= MAX {
        s.to_owned()
    } else {
        let mut short: String = s.chars().take(MAX).collect();
        short.push('…');
        short
    }
}
