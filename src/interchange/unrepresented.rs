//! What a format cannot keep of whole documents — meta, relations, document labels, span
//! notes, documents without tokens — counted while documents are exported, one sentence
//! per kind for the caller to print.

use super::Format;
use crate::model::Document;

/// What a format drops of whole documents (not spans), one sentence per kind, for the caller
/// to print: document fields it has no place for, documents that vanish.
pub fn unrepresented(format: Format, documents: &[Document]) -> Vec<String> {
    let mut counts = Unrepresented::new(format);
    counts.add(documents);
    counts.notes()
}

/// Counts, document by document, what [`unrepresented`] reports.
#[derive(Debug, Clone)]
pub struct Unrepresented {
    format: Format,
    with_meta: usize,
    without_tokens: usize,
    relations: usize,
    with_labels: usize,
    notes: usize,
}

impl Unrepresented {
    /// Nothing counted yet, for an export to `format`.
    pub fn new(format: Format) -> Self {
        Self {
            format,
            with_meta: 0,
            without_tokens: 0,
            relations: 0,
            with_labels: 0,
            notes: 0,
        }
    }

    /// Counts more documents of the export.
    pub fn add(&mut self, documents: &[Document]) {
        self.with_meta += documents.iter().filter(|d| d.meta.is_some()).count();
        self.relations += documents.iter().map(|d| d.relations().len()).sum::<usize>();
        self.with_labels += documents.iter().filter(|d| !d.labels.is_empty()).count();
        self.notes += documents
            .iter()
            .flat_map(Document::spans)
            .filter(|s| s.note.is_some())
            .count();
        if matches!(self.format, Format::Conll | Format::Hf) {
            self.without_tokens += documents
                .iter()
                .filter(|d| !crate::tokenize::has_tokens(d.text()))
                .count();
        }
    }

    /// Adds what another part of the same export counted.
    pub fn merge(&mut self, other: &Self) {
        self.with_meta += other.with_meta;
        self.without_tokens += other.without_tokens;
        self.relations += other.relations;
        self.with_labels += other.with_labels;
        self.notes += other.notes;
    }

    /// One sentence per kind of loss counted.
    pub fn notes(&self) -> Vec<String> {
        let (format, with_meta, empty) = (self.format, self.with_meta, self.without_tokens);
        let mut notes = Vec::new();
        if with_meta > 0 && !matches!(format, Format::Jsonl | Format::LabelStudio) {
            notes.push(format!(
                "{with_meta} document{} with meta: this format has no place for it",
                plural(with_meta)
            ));
        }
        if empty > 0 {
            notes.push(format!(
                "{empty} document{} without tokens written as nothing but -DOCSTART- (or no row)",
                plural(empty)
            ));
        }
        // jsonl holds all three; brat relations and notes; Label Studio and doccano
        // relations and document labels; hf document labels (as columns); CoNLL none.
        let keeps_relations = matches!(
            format,
            Format::Jsonl | Format::Brat | Format::LabelStudio | Format::Doccano
        );
        let keeps_labels = matches!(
            format,
            Format::Jsonl | Format::LabelStudio | Format::Doccano | Format::Hf
        );
        let keeps_notes = matches!(format, Format::Jsonl | Format::Brat);
        if self.relations > 0 && !keeps_relations {
            notes.push(format!(
                "{} relation{} dropped: this format holds spans only",
                self.relations,
                plural(self.relations)
            ));
        }
        if self.with_labels > 0 && !keeps_labels {
            notes.push(format!(
                "document labels of {} document{} dropped: this format has no place for them",
                self.with_labels,
                plural(self.with_labels)
            ));
        }
        if self.notes > 0 && !keeps_notes {
            notes.push(format!(
                "{} span note{} dropped: this format has no place for them",
                self.notes,
                plural(self.notes)
            ));
        }
        if format == Format::Conll {
            notes.push(
                "document ids and the original spacing are not kept: CoNLL holds tokens only"
                    .to_owned(),
            );
        }
        notes
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
