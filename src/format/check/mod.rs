//! Checking what a corpus means: labels, document ids, and spans against their text.
//!
//! Works on the raw structures of either reader, one label or document at a time, so
//! that diagnostics come out in file order.

mod links;

use std::collections::{HashMap, HashSet};

use super::diagnostic::{Code, Diagnostic, Place};
use super::raw::{RawDocument, RawLabel, RawRejected, RawSpan, RawSuggestion};
use crate::model::controls::find_forbidden_control;
use crate::model::textindex::{chars_to_bytes_sorted, is_grapheme_boundary};
use crate::model::{CharRange, Color, Document, Label, RejectedSuggestion, Span, Suggestion};

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
    /// The relation types declared (`relation_labels`).
    relation_types: Vec<crate::model::RelationLabel>,
    /// The document labels declared (`document_labels`).
    document_label_set: Vec<crate::model::DocumentLabel>,
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

    /// Checks one label: non-empty unique name, `#rrggbb` colour (or none: one from the
    /// palette), single-character unique hotkey.
    pub fn label(&mut self, raw: RawLabel, place: &Place) {
        let taken: Vec<Color> = self.labels.iter().map(|l| l.color).collect();
        let color = self.color(raw.color, &taken, place);
        let key = self.hotkey(raw.key, place);
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

    /// A label's `#rrggbb` colour; without one, the palette's next colour not in `taken` (a
    /// hand-written label may leave it out). `None` when it is invalid (reported).
    fn color(&mut self, raw: Option<String>, taken: &[Color], place: &Place) -> Option<Color> {
        match raw {
            Some(c) => c
                .parse::<Color>()
                .map_err(|e| self.report(place.child("color").diagnostic(Code::InvalidValue, e)))
                .ok(),
            None => Some(crate::model::next_palette_color(taken)),
        }
    }

    /// A relation type's colour when it has none: one no label and no other relation
    /// type has.
    fn relation_default_color(&self) -> Color {
        let labels: Vec<Color> = self.labels.iter().map(|l| l.color).collect();
        let relations: Vec<Color> = self.relation_types.iter().map(|r| r.color).collect();
        crate::model::relation_palette_color(&labels, &relations)
    }

    /// A label's hotkey: a single character, else reported.
    fn hotkey(&mut self, raw: Option<String>, place: &Place) -> Option<char> {
        raw.and_then(|k| {
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
        })
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
        if let Some(control) = find_forbidden_control(&raw.text) {
            self.report(place.child("text").diagnostic(
                Code::ControlCharacter,
                format!(
                    "the text holds {} at offset {} ({}); only tab, line feed, carriage return and form feed may be in a text",
                    control.name(),
                    control.offset,
                    control.place()
                ),
            ));
        }
        let char_len = raw.text.chars().count();
        let spans = self.spans(&raw.text, char_len, raw.spans, &place);
        let suggestions = self.suggestions(&raw.text, char_len, raw.suggestions, &place);
        let rejected = self.rejected(&raw.text, char_len, raw.rejected, &place);
        let mut extra = raw.extra;
        let relations = self.relations(&mut extra, &spans, &place);
        let labels = self.document_labels(&mut extra, &place);
        let mut doc = Document::from_checked_parts(raw.id, raw.text, char_len, spans);
        doc.set_checked_suggestions(suggestions, rejected);
        doc.set_checked_relations(relations);
        doc.meta = raw.meta;
        doc.status = raw.status;
        doc.labels = labels;
        doc.extra = extra;
        doc
    }

    fn label_list(&self) -> String {
        names_or_none(&self.label_order)
    }

    /// Checks spans' labels against the label set and spans against their text: order of
    /// edges, range, grapheme boundaries, text, duplicates.
    fn spans(
        &mut self,
        text: &str,
        char_len: usize,
        raw: Vec<RawSpan>,
        place: &Place,
    ) -> Vec<Span> {
        let items: Vec<Ranged<'_>> = raw
            .iter()
            .map(|s| Ranged {
                index: s.index,
                start: s.start,
                end: s.end,
                label: &s.label,
                text: s.text.as_deref(),
            })
            .collect();
        self.labels_of(&items, |i| place.span(i));
        let ok = self.ranges(text, char_len, &items, "span", |i| place.span(i));
        let mut spans = Vec::with_capacity(raw.len());
        for (mut span, ok) in raw.into_iter().zip(ok) {
            let (id, note) = self.span_fields(&mut span.extra, &place.span(span.index));
            if ok {
                let checked = Span {
                    range: CharRange::new(span.start, span.end).unwrap_or_default(),
                    label: span.label,
                    annotator: span.annotator,
                    source: span.source,
                    id,
                    note,
                    extra: span.extra,
                };
                spans.push((span.index, checked));
            }
        }
        self.span_ids(&mut spans, place);
        spans.into_iter().map(|(_, span)| span).collect()
    }

    /// Checks suggestions as spans are checked, and their scores, and labels against the label set.
    fn suggestions(
        &mut self,
        text: &str,
        char_len: usize,
        raw: Vec<RawSuggestion>,
        place: &Place,
    ) -> Vec<Suggestion> {
        let items: Vec<Ranged<'_>> = raw
            .iter()
            .map(|s| Ranged {
                index: s.index,
                start: s.start,
                end: s.end,
                label: &s.label,
                text: s.text.as_deref(),
            })
            .collect();
        self.labels_of(&items, |i| place.item("suggestions", i));
        let ok = self.ranges(text, char_len, &items, "suggestion", |i| {
            place.item("suggestions", i)
        });
        let mut out = Vec::with_capacity(raw.len());
        for (s, ok) in raw.into_iter().zip(ok) {
            if !(0.0..=1.0).contains(&s.score) {
                self.report(
                    place
                        .item("suggestions", s.index)
                        .child("score")
                        .diagnostic(
                            Code::InvalidValue,
                            format!("score {} is outside 0..=1", s.score),
                        ),
                );
                continue;
            }
            if ok {
                #[allow(clippy::cast_possible_truncation)]
                let score = s.score as f32;
                out.push(Suggestion {
                    range: CharRange::new(s.start, s.end).unwrap_or_default(),
                    label: s.label,
                    score,
                    source: s.source,
                    extra: s.extra,
                });
            }
        }
        out
    }

    /// Checks rejected suggestions as spans are checked, and their labels against the label set.
    fn rejected(
        &mut self,
        text: &str,
        char_len: usize,
        raw: Vec<RawRejected>,
        place: &Place,
    ) -> Vec<RejectedSuggestion> {
        let items: Vec<Ranged<'_>> = raw
            .iter()
            .map(|s| Ranged {
                index: s.index,
                start: s.start,
                end: s.end,
                label: &s.label,
                text: s.text.as_deref(),
            })
            .collect();
        self.labels_of(&items, |i| place.item("rejected_suggestions", i));
        let ok = self.ranges(text, char_len, &items, "rejected suggestion", |i| {
            place.item("rejected_suggestions", i)
        });
        raw.into_iter()
            .zip(ok)
            .filter(|(_, ok)| *ok)
            .map(|(r, _)| RejectedSuggestion {
                range: CharRange::new(r.start, r.end).unwrap_or_default(),
                label: r.label,
                extra: r.extra,
            })
            .collect()
    }

    /// Reports the items whose label the file's label set does not have.
    fn labels_of(&mut self, items: &[Ranged<'_>], place_of: impl Fn(usize) -> Place) {
        if !self.labels_known {
            return;
        }
        for item in items.iter().filter(|s| !self.label_names.contains(s.label)) {
            let d = place_of(item.index).child("label").diagnostic(
                Code::UnknownLabel,
                format!(
                    "unknown label {:?}: the file's labels are {}",
                    item.label,
                    self.label_list()
                ),
            );
            self.diagnostics.push(d);
        }
    }

    /// Checks labelled ranges against their text: order of edges, range, grapheme
    /// boundaries, text, duplicates. Returns, item by item, whether it passed.
    fn ranges(
        &mut self,
        text: &str,
        char_len: usize,
        items: &[Ranged<'_>],
        what: &str,
        place_of: impl Fn(usize) -> Place,
    ) -> Vec<bool> {
        let mut ok = vec![false; items.len()];
        let mut in_range = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            if item.start >= item.end {
                self.report(place_of(item.index).diagnostic(
                    Code::EmptySpan,
                    format!(
                        "start {} is not before end {}: a {what} covers at least one character",
                        item.start, item.end
                    ),
                ));
            } else if item.end > char_len {
                self.report(place_of(item.index).child("end").diagnostic(
                    Code::OutOfRange,
                    format!(
                        "end {} is past the end of the text ({char_len} code points)",
                        item.end
                    ),
                ));
            } else {
                in_range.push(i);
            }
        }
        let mut edges: Vec<usize> = in_range
            .iter()
            .flat_map(|&i| [items[i].start, items[i].end])
            .collect();
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
        for &i in &in_range {
            let item = &items[i];
            if !seen.insert((item.start, item.end, item.label)) {
                duplicates.insert(item.index);
            }
        }
        for i in in_range {
            let item = &items[i];
            let (start_byte, end_byte) = (byte_of(item.start), byte_of(item.end));
            let mut good = true;
            for (edge, byte, field) in [
                (item.start, start_byte, "start"),
                (item.end, end_byte, "end"),
            ] {
                if !is_grapheme_boundary(text, byte) {
                    good = false;
                    let cut = text[byte..].chars().next().map_or(0, u32::from);
                    self.report(place_of(item.index).child(field).diagnostic(
                        Code::SplitsCluster,
                        format!(
                            "{field} {edge} falls inside a grapheme cluster: it would cut U+{cut:04X} from the character before it"
                        ),
                    ));
                }
            }
            let covered = &text[start_byte..end_byte];
            if let Some(written) = item.text.filter(|w| *w != covered) {
                good = false;
                self.report(place_of(item.index).child("text").diagnostic(
                    Code::TextMismatch,
                    format!(
                        "text is {:?} but text[{}:{}] is {:?} (offsets count code points)",
                        shorten(written),
                        item.start,
                        item.end,
                        shorten(covered)
                    ),
                ));
            }
            if duplicates.contains(&item.index) {
                good = false;
                self.report(place_of(item.index).diagnostic(
                    Code::DuplicateSpan,
                    format!(
                        "the {what} [{}, {}) {} appears twice",
                        item.start, item.end, item.label
                    ),
                ));
            }
            ok[i] = good;
        }
        ok
    }
}

/// Names for a message, "PER, ORG", or "none".
fn names_or_none<S: AsRef<str>>(names: &[S]) -> String {
    if names.is_empty() {
        return "none".to_owned();
    }
    names
        .iter()
        .map(AsRef::as_ref)
        .collect::<Vec<_>>()
        .join(", ")
}

/// A labelled range of any kind (span, suggestion, rejection) as read, for the shared checks.
struct Ranged<'a> {
    index: usize,
    start: usize,
    end: usize,
    label: &'a str,
    text: Option<&'a str>,
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
