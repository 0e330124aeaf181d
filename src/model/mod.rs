//! The corpus model: documents, labels and spans over code-point offsets.
//!
//! Nothing here knows about files or windows; the [`crate::format`] layer reads and
//! writes it, the GUI and CLI edit it.

pub mod controls;
mod corpus;
mod document;
mod label;
mod offset;
mod relation;
mod span;
mod stats;
mod suggestion;
pub mod textindex;

pub use corpus::Corpus;
pub use document::{Document, RelationError, SpanError, Status};
pub use label::{Color, Label, PALETTE, next_palette_color, relation_palette_color};
pub use offset::{CharIndex, CharRange};
pub use relation::{DocumentLabel, DocumentLabels, Relation, RelationLabel};
pub use span::Span;
pub use stats::CorpusStats;
pub use suggestion::{RejectedSuggestion, Suggestion};

/// Fields that taliq does not know but keeps on round trip, in the order they were read.
pub type Extra = serde_json::Map<String, serde_json::Value>;
