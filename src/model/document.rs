//! Documents: a text, its annotation status and its spans.

use std::fmt;
use std::str::FromStr;

use super::suggestion::key_of;
use super::textindex::{char_len, is_grapheme_boundary};
use super::{CharRange, DocumentLabels, Extra, RejectedSuggestion, Relation, Span, Suggestion};

/// Where a document stands in the annotation workflow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Status {
    /// Not yet opened by an annotator.
    #[default]
    New,
    /// Being annotated.
    InProgress,
    /// Annotated; awaiting review.
    Done,
    /// Reviewed; part of the gold corpus.
    Reviewed,
}

impl Status {
    /// Every status in workflow order.
    pub const ALL: [Self; 4] = [Self::New, Self::InProgress, Self::Done, Self::Reviewed];

    /// The name written in corpus files.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::New => "new",
            Self::InProgress => "in_progress",
            Self::Done => "done",
            Self::Reviewed => "reviewed",
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Status {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|status| status.as_str() == s)
            .ok_or_else(|| {
                format!("unknown status {s:?} (expected one of new, in_progress, done, reviewed)")
            })
    }
}

/// Why a span cannot be part of a document.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SpanError {
    /// The span covers no text.
    #[error("span {0} is empty (start must be less than end)")]
    Empty(CharRange),
    /// The span ends past the text.
    #[error("span {range} ends past the end of the text ({len} code points)")]
    OutOfRange {
        /// The offending range.
        range: CharRange,
        /// Length of the text in code points.
        len: usize,
    },
    /// A span edge falls inside a grapheme cluster, e.g. between a letter and its harakah.
    #[error(
        "span {range} has an edge at {offset} inside a grapheme cluster (it would cut a mark from its letter)"
    )]
    SplitsCluster {
        /// The offending range.
        range: CharRange,
        /// The edge that is not a cluster boundary.
        offset: usize,
    },
    /// The document already has a span with the same range and label.
    #[error("a span {range} labelled {label} already exists")]
    Duplicate {
        /// The duplicated range.
        range: CharRange,
        /// The duplicated label.
        label: String,
    },
    /// Another span of the document has the same id.
    #[error("another span already has the id {0:?}")]
    DuplicateId(String),
}

/// Why a relation cannot be part of a document.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RelationError {
    /// No span of the document has this id.
    #[error("relation {relation:?}: no span has the id {span:?}")]
    NoSpan {
        /// The relation's id.
        relation: String,
        /// The missing span id.
        span: String,
    },
    /// Another relation of the document has the same id.
    #[error("another relation already has the id {0:?}")]
    DuplicateId(String),
    /// No relation has this id.
    #[error("no relation has the id {0:?}")]
    Missing(String),
}

/// One text to annotate, with its spans kept in [`Span::order_key`] order, and the
/// suggestions recommenders made for it and the ones an annotator rejected, in the same order.
///
/// The text never changes once built and is shared: a clone (the tagger's worker takes
/// one of every document) copies no text, which for a corpus of 100 MB is most of the cost.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// Identifier, unique in the corpus (often the source file's stem).
    pub id: String,
    /// Free-form metadata (title, source, ...), preserved as read.
    pub meta: Option<serde_json::Value>,
    /// Where the document stands in the workflow.
    pub status: Status,
    /// The values of the corpus's document labels this document has.
    pub labels: DocumentLabels,
    /// Fields taliq does not know, kept as read.
    pub extra: Extra,
    text: std::sync::Arc<str>,
    char_len: usize,
    spans: Vec<Span>,
    suggestions: Vec<Suggestion>,
    rejected_suggestions: Vec<RejectedSuggestion>,
    relations: Vec<Relation>,
    index: ByteIndex,
}

/// Byte offsets of every 256th code point of a text, built on first use, so that finding
/// a code point scans at most 256 characters instead of the whole text.
#[derive(Debug, Clone, Default)]
struct ByteIndex(std::sync::OnceLock<Vec<usize>>);

const INDEX_STEP: usize = 256;

impl PartialEq for ByteIndex {
    /// A cache: two documents are equal whatever their caches hold.
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl ByteIndex {
    fn byte_of(&self, text: &str, offset: usize) -> Option<usize> {
        let checkpoints = self.0.get_or_init(|| {
            text.char_indices()
                .step_by(INDEX_STEP)
                .map(|(b, _)| b)
                .collect()
        });
        let from = *checkpoints.get(offset / INDEX_STEP)?;
        let rest = offset % INDEX_STEP;
        match text[from..].char_indices().nth(rest) {
            Some((b, _)) => Some(from + b),
            None => (text[from..].chars().count() == rest).then_some(text.len()),
        }
    }
}

impl Document {
    /// Builds a new document with no spans. The text is kept exactly as given.
    pub fn new(id: impl Into<String>, text: impl Into<std::sync::Arc<str>>) -> Self {
        let text = text.into();
        Self {
            id: id.into(),
            meta: None,
            status: Status::New,
            labels: DocumentLabels::new(),
            extra: Extra::new(),
            char_len: char_len(&text),
            text,
            spans: Vec::new(),
            suggestions: Vec::new(),
            rejected_suggestions: Vec::new(),
            relations: Vec::new(),
            index: ByteIndex::default(),
        }
    }

    /// Builds a document whose spans were already checked (by the loader), putting them in order.
    pub(crate) fn from_checked_parts(
        id: String,
        text: String,
        char_len: usize,
        spans: Vec<Span>,
    ) -> Self {
        let mut doc = Self {
            id,
            meta: None,
            status: Status::New,
            labels: DocumentLabels::new(),
            extra: Extra::new(),
            text: text.into(),
            char_len,
            spans,
            suggestions: Vec::new(),
            rejected_suggestions: Vec::new(),
            relations: Vec::new(),
            index: ByteIndex::default(),
        };
        doc.spans.sort_by(|a, b| a.order_key().cmp(&b.order_key()));
        doc
    }

    /// Gives a loaded document the suggestions and rejections the loader already checked.
    pub(crate) fn set_checked_suggestions(
        &mut self,
        mut suggestions: Vec<Suggestion>,
        mut rejected: Vec<RejectedSuggestion>,
    ) {
        suggestions.sort_by(|a, b| a.order_key().cmp(&b.order_key()));
        rejected.sort_by(|a, b| a.order_key().cmp(&b.order_key()));
        self.suggestions = suggestions;
        self.rejected_suggestions = rejected;
    }

    /// The document's text, exactly as loaded.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The text itself, shared: what a reader on another thread takes instead of a copy.
    pub fn shared_text(&self) -> std::sync::Arc<str> {
        std::sync::Arc::clone(&self.text)
    }

    /// Length of the text in code points.
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    /// The spans, ordered by start, outer before inner, then label.
    pub fn spans(&self) -> &[Span] {
        &self.spans
    }

    /// The suggestions not yet accepted or rejected, in span order.
    pub fn suggestions(&self) -> &[Suggestion] {
        &self.suggestions
    }

    /// The suggestions an annotator rejected, in span order.
    pub fn rejected_suggestions(&self) -> &[RejectedSuggestion] {
        &self.rejected_suggestions
    }

    /// The text a range covers; empty if the range lies outside the text.
    pub fn slice(&self, range: CharRange) -> &str {
        match (self.byte_of(range.start()), self.byte_of(range.end())) {
            (Some(a), Some(b)) => &self.text[a..b],
            _ => "",
        }
    }

    /// Byte offset of code point `offset` (the text's length for its end), fast on long texts.
    pub fn byte_of(&self, offset: usize) -> Option<usize> {
        if offset == self.char_len {
            return Some(self.text.len());
        }
        self.index.byte_of(&self.text, offset)
    }

    /// The text a span covers.
    pub fn span_text(&self, span: &Span) -> &str {
        self.slice(span.range)
    }

    /// Checks that a range could be a span: non-empty, inside the text, on grapheme boundaries.
    ///
    /// # Errors
    /// The first rule the range breaks.
    pub fn check_range(&self, range: CharRange) -> Result<(), SpanError> {
        if range.is_empty() {
            return Err(SpanError::Empty(range));
        }
        if range.end() > self.char_len {
            return Err(SpanError::OutOfRange {
                range,
                len: self.char_len,
            });
        }
        for offset in [range.start(), range.end()] {
            let byte = self.byte_of(offset).unwrap_or(self.text.len());
            if !is_grapheme_boundary(&self.text, byte) {
                return Err(SpanError::SplitsCluster { range, offset });
            }
        }
        Ok(())
    }

    /// Index of the span with this range and label, if the document has one.
    pub fn find_span(&self, range: CharRange, label: &str) -> Option<usize> {
        // Spans are kept in `order_key` order, which (range, label) decides alone.
        let key = (range.start(), std::cmp::Reverse(range.end()), label);
        self.spans
            .binary_search_by(|s| s.order_key().cmp(&key))
            .ok()
    }

    /// Adds a span in order and returns its index.
    ///
    /// # Errors
    /// When the range is not a valid span range, the same range and label already exist, or
    /// another span has its id.
    pub fn add_span(&mut self, span: Span) -> Result<usize, SpanError> {
        self.check_range(span.range)?;
        if self.find_span(span.range, &span.label).is_some() {
            return Err(SpanError::Duplicate {
                range: span.range,
                label: span.label,
            });
        }
        if let Some(id) = &span.id
            && self.span_by_id(id).is_some()
        {
            return Err(SpanError::DuplicateId(id.clone()));
        }
        let index = self
            .spans
            .partition_point(|s| s.order_key() < span.order_key());
        self.spans.insert(index, span);
        Ok(index)
    }

    /// The relations, in the order they were made.
    pub fn relations(&self) -> &[Relation] {
        &self.relations
    }

    /// Index of the span with this id.
    pub fn span_by_id(&self, id: &str) -> Option<usize> {
        self.spans.iter().position(|s| s.id.as_deref() == Some(id))
    }

    /// Every span id with its span's index: for looking many up at once (each
    /// [`Self::span_by_id`] reads every span).
    pub fn span_ids(&self) -> std::collections::HashMap<&str, usize> {
        self.spans
            .iter()
            .enumerate()
            .filter_map(|(i, s)| Some((s.id.as_deref()?, i)))
            .collect()
    }

    /// The spans each relation links, from then to, in relation order (`None` for one whose
    /// span is missing, which a checked document never has): ids looked up once for all.
    pub fn relation_ends(&self) -> Vec<Option<(&Span, &Span)>> {
        let ids = self.span_ids();
        let span = |id: &str| ids.get(id).map(|&i| &self.spans[i]);
        self.relations
            .iter()
            .map(|r| Some((span(&r.from)?, span(&r.to)?)))
            .collect()
    }

    /// The relations that leave from or point to the span with this id.
    pub fn relations_of<'a>(&'a self, span_id: &'a str) -> impl Iterator<Item = &'a Relation> {
        self.relations
            .iter()
            .filter(move |r| r.from == span_id || r.to == span_id)
    }

    /// The number of the next fresh id with `prefix`: one past the highest `prefix<N>` any
    /// span or relation of the document has.
    pub fn next_id_number(&self, prefix: &str) -> u64 {
        let taken = self
            .spans
            .iter()
            .filter_map(|s| s.id.as_deref())
            .chain(self.relations.iter().map(|r| r.id.as_str()));
        taken
            .filter_map(|id| id.strip_prefix(prefix)?.parse::<u64>().ok())
            .max()
            .unwrap_or(0)
            + 1
    }

    /// An id no span or relation of the document has: `prefix` and a number one past the
    /// highest such id (`T1`, `T2`, … for spans; `R1`, … for relations, as brat names them).
    pub fn fresh_id(&self, prefix: &str) -> String {
        format!("{prefix}{}", self.next_id_number(prefix))
    }

    /// Adds a relation between two spans of the document (their labels are the caller's
    /// to check against the relation type).
    ///
    /// # Errors
    /// A span id no span has, or a relation id already used.
    pub fn add_relation(&mut self, relation: Relation) -> Result<(), RelationError> {
        for span in [&relation.from, &relation.to] {
            if self.span_by_id(span).is_none() {
                return Err(RelationError::NoSpan {
                    relation: relation.id.clone(),
                    span: span.clone(),
                });
            }
        }
        if self.relations.iter().any(|r| r.id == relation.id) {
            return Err(RelationError::DuplicateId(relation.id));
        }
        self.relations.push(relation);
        Ok(())
    }

    /// Removes the relation with this id.
    ///
    /// # Errors
    /// When no relation has it.
    pub fn remove_relation(&mut self, id: &str) -> Result<Relation, RelationError> {
        let index = self
            .relations
            .iter()
            .position(|r| r.id == id)
            .ok_or_else(|| RelationError::Missing(id.to_owned()))?;
        Ok(self.relations.remove(index))
    }

    /// Sets the id of the span at `index` (the caller keeps ids unique and relations whole).
    ///
    /// # Panics
    /// When `index` is out of bounds.
    pub fn set_span_id(&mut self, index: usize, id: Option<String>) {
        self.spans[index].id = id;
    }

    /// Sets the note of the span at `index`.
    ///
    /// # Panics
    /// When `index` is out of bounds.
    pub fn set_span_note(&mut self, index: usize, note: Option<String>) {
        self.spans[index].note = note;
    }

    /// Gives a loaded document the relations the loader already checked.
    pub(crate) fn set_checked_relations(&mut self, relations: Vec<Relation>) {
        self.relations = relations;
    }

    /// The unknown fields of the span at `index`, to annotate it without moving it.
    ///
    /// # Panics
    /// When `index` is out of bounds.
    pub fn span_extra_mut(&mut self, index: usize) -> &mut Extra {
        &mut self.spans[index].extra
    }

    /// Gives every relation of type `old` the type `new`.
    pub fn rename_relation_label(&mut self, old: &str, new: &str) {
        for relation in &mut self.relations {
            if relation.label == old {
                new.clone_into(&mut relation.label);
            }
        }
    }

    /// The unknown fields of the relation at `index`, to annotate it without moving it.
    ///
    /// # Panics
    /// When `index` is out of bounds.
    pub fn relation_extra_mut(&mut self, index: usize) -> &mut Extra {
        &mut self.relations[index].extra
    }

    /// Removes and returns the span at `index`.
    ///
    /// # Panics
    /// When `index` is out of bounds.
    pub fn remove_span(&mut self, index: usize) -> Span {
        self.spans.remove(index)
    }

    /// Index of the suggestion with this range and label, if the document has one.
    pub fn find_suggestion(&self, range: CharRange, label: &str) -> Option<usize> {
        let key = key_of(range, label);
        self.suggestions
            .binary_search_by(|s| s.order_key().cmp(&key))
            .ok()
    }

    /// Adds a suggestion in order and returns its index. Whether it should be offered at all
    /// (not a span already, not rejected) is the caller's policy: see [`Self::could_suggest`].
    ///
    /// # Errors
    /// When the range is not a valid span range or the same range and label is already suggested.
    pub fn add_suggestion(&mut self, suggestion: Suggestion) -> Result<usize, SpanError> {
        self.check_range(suggestion.range)?;
        let index = self
            .suggestions
            .binary_search_by(|s| s.order_key().cmp(&suggestion.order_key()));
        match index {
            Ok(_) => Err(SpanError::Duplicate {
                range: suggestion.range,
                label: suggestion.label,
            }),
            Err(index) => {
                self.suggestions.insert(index, suggestion);
                Ok(index)
            }
        }
    }

    /// Removes and returns the suggestion at `index`.
    ///
    /// # Panics
    /// When `index` is out of bounds.
    pub fn remove_suggestion(&mut self, index: usize) -> Suggestion {
        self.suggestions.remove(index)
    }

    /// Replaces every suggestion at once and returns the ones before.
    ///
    /// # Errors
    /// The first suggestion whose range is not a valid span range, or that appears twice;
    /// the document is then unchanged.
    pub fn set_suggestions(
        &mut self,
        mut suggestions: Vec<Suggestion>,
    ) -> Result<Vec<Suggestion>, SpanError> {
        for s in &suggestions {
            self.check_range(s.range)?;
        }
        suggestions.sort_by(|a, b| a.order_key().cmp(&b.order_key()));
        if let Some(pair) = suggestions
            .windows(2)
            .find(|w| w[0].order_key() == w[1].order_key())
        {
            return Err(SpanError::Duplicate {
                range: pair[0].range,
                label: pair[0].label.clone(),
            });
        }
        Ok(std::mem::replace(&mut self.suggestions, suggestions))
    }

    /// Index of the rejection of this range and label, if the document has one.
    pub fn find_rejected(&self, range: CharRange, label: &str) -> Option<usize> {
        let key = key_of(range, label);
        self.rejected_suggestions
            .binary_search_by(|s| s.order_key().cmp(&key))
            .ok()
    }

    /// Remembers a rejection in order and returns its index.
    ///
    /// # Errors
    /// When the range is not a valid span range or the rejection is already remembered.
    pub fn add_rejected(&mut self, rejected: RejectedSuggestion) -> Result<usize, SpanError> {
        self.check_range(rejected.range)?;
        match self
            .rejected_suggestions
            .binary_search_by(|s| s.order_key().cmp(&rejected.order_key()))
        {
            Ok(_) => Err(SpanError::Duplicate {
                range: rejected.range,
                label: rejected.label,
            }),
            Err(index) => {
                self.rejected_suggestions.insert(index, rejected);
                Ok(index)
            }
        }
    }

    /// Forgets and returns the rejection at `index`.
    ///
    /// # Panics
    /// When `index` is out of bounds.
    pub fn remove_rejected(&mut self, index: usize) -> RejectedSuggestion {
        self.rejected_suggestions.remove(index)
    }

    /// Whether `label` on `range` may be suggested here: a valid range on grapheme
    /// boundaries, not inside (or equal to) a span of that label, never rejected in this
    /// document. (جوتشولك is no news inside a PER span on برند جوتشولك; موسكو as LOC inside
    /// an ORG span may be.)
    pub fn could_suggest(&self, range: CharRange, label: &str) -> bool {
        let longest = self.spans.iter().map(|s| s.range.len()).max().unwrap_or(0);
        self.could_suggest_within(range, label, longest)
    }

    /// [`Self::could_suggest`], given the length of the document's longest span.
    fn could_suggest_within(&self, range: CharRange, label: &str, longest: usize) -> bool {
        if self.check_range(range).is_err() || self.find_rejected(range, label).is_some() {
            return false;
        }
        // Spans are ordered by start: those that could hold `range` start at most `longest`
        // code points before its end and no later than its start.
        let after = self
            .spans
            .partition_point(|s| s.range.start() <= range.start());
        !self.spans[..after]
            .iter()
            .rev()
            .take_while(|s| s.range.start() + longest >= range.end())
            .any(|s| s.label == label && s.range.contains_range(range))
    }

    /// The suggestions of `candidates` this document may be offered ([`Self::could_suggest`]),
    /// in order, one per range and label: of two with the same range and label the higher score wins.
    pub fn offerable(&self, mut candidates: Vec<Suggestion>) -> Vec<Suggestion> {
        let longest = self.spans.iter().map(|s| s.range.len()).max().unwrap_or(0);
        candidates.retain(|s| {
            (0.0..=1.0).contains(&s.score) && self.could_suggest_within(s.range, &s.label, longest)
        });
        // Highest score first within a key, so that dedup keeps it.
        candidates.sort_by(|a, b| {
            a.order_key()
                .cmp(&b.order_key())
                .then(b.score.total_cmp(&a.score))
        });
        candidates.dedup_by(|a, b| a.order_key() == b.order_key());
        candidates
    }

    /// Renames a label in the suggestions and rejections (a label-set rename), keeping them ordered.
    pub fn rename_suggestion_label(&mut self, old: &str, new: &str) {
        for s in self.suggestions.iter_mut().filter(|s| s.label == old) {
            new.clone_into(&mut s.label);
        }
        for r in self
            .rejected_suggestions
            .iter_mut()
            .filter(|r| r.label == old)
        {
            new.clone_into(&mut r.label);
        }
        self.suggestions
            .sort_by(|a, b| a.order_key().cmp(&b.order_key()));
        self.suggestions
            .dedup_by(|a, b| a.order_key() == b.order_key());
        self.rejected_suggestions
            .sort_by(|a, b| a.order_key().cmp(&b.order_key()));
        self.rejected_suggestions
            .dedup_by(|a, b| a.order_key() == b.order_key());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(a: usize, b: usize) -> CharRange {
        CharRange::new(a, b).unwrap()
    }

    #[test]
    fn spans_stay_ordered_outer_first() {
        // "وزارة الخارجية الروسية": an ORG containing a LOC-like adjective.
        let mut doc = Document::new("d", "قالت وزارة الخارجية الروسية اليوم");
        doc.add_span(Span::new(range(20, 27), "MISC")).unwrap();
        doc.add_span(Span::new(range(5, 27), "ORG")).unwrap();
        doc.add_span(Span::new(range(5, 10), "ORG")).unwrap();
        let order: Vec<_> = doc
            .spans()
            .iter()
            .map(|s| (s.range.start(), s.range.end()))
            .collect();
        assert_eq!(order, [(5, 27), (5, 10), (20, 27)]);
        assert_eq!(doc.span_text(&doc.spans()[0]), "وزارة الخارجية الروسية");
    }

    #[test]
    fn find_span_tells_same_ranges_apart_by_label() {
        let mut doc = Document::new("d", "قالت وزارة الخارجية الروسية اليوم");
        for (a, b, label) in [
            (5, 27, "ORG"),
            (5, 27, "MISC"),
            (5, 10, "ORG"),
            (20, 27, "LOC"),
        ] {
            doc.add_span(Span::new(range(a, b), label)).unwrap();
        }
        for (i, span) in doc.spans().iter().enumerate() {
            assert_eq!(doc.find_span(span.range, &span.label), Some(i));
        }
        assert_eq!(doc.find_span(range(5, 27), "PER"), None);
        assert_eq!(doc.find_span(range(5, 26), "ORG"), None);
        assert_eq!(doc.find_span(range(28, 32), "ORG"), None);
    }

    #[test]
    fn add_span_rejects_bad_ranges() {
        let mut doc = Document::new("d", "بِسْمِ لأوكرانيا");
        assert_eq!(
            doc.add_span(Span::new(range(3, 3), "X")),
            Err(SpanError::Empty(range(3, 3)))
        );
        assert!(matches!(
            doc.add_span(Span::new(range(7, 17), "LOC")),
            Err(SpanError::OutOfRange { len: 16, .. })
        ));
        // Offset 1 lies between beh and its kasra.
        assert!(matches!(
            doc.add_span(Span::new(range(1, 6), "X")),
            Err(SpanError::SplitsCluster { offset: 1, .. })
        ));
        // Between lam and alef is a boundary: أوكرانيا after the proclitic lam.
        doc.add_span(Span::new(range(8, 16), "LOC")).unwrap();
        assert_eq!(doc.span_text(&doc.spans()[0]), "أوكرانيا");
        assert!(matches!(
            doc.add_span(Span::new(range(8, 16), "LOC")),
            Err(SpanError::Duplicate { .. })
        ));
        // The same range with another label is a distinct span.
        doc.add_span(Span::new(range(8, 16), "ORG")).unwrap();
        assert_eq!(doc.spans().len(), 2);
    }

    #[test]
    fn byte_offsets_from_the_index_match_a_plain_scan() {
        let text = "قال 😀 Reuters بِسْمِ اللَّهِ\r\n".repeat(40);
        let doc = Document::new("d", text.clone());
        for offset in (0..=doc.char_len()).chain([doc.char_len() + 1, doc.char_len() + 300]) {
            assert_eq!(
                doc.byte_of(offset),
                crate::model::textindex::char_to_byte(&text, offset),
                "{offset}"
            );
        }
        assert_eq!(
            doc.slice(CharRange::new(256, 260).unwrap()),
            text.chars().skip(256).take(4).collect::<String>()
        );
    }

    #[test]
    fn status_names_round_trip() {
        for status in Status::ALL {
            assert_eq!(status.as_str().parse::<Status>(), Ok(status));
        }
        assert!("finished".parse::<Status>().is_err());
    }
}
