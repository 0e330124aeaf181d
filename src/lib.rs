//! taliq: annotate Arabic text with exact code-point spans.
//!
//! The crate is layered, each layer depending only on the ones before it:
//!
//! 1. [`model`]: documents, labels and spans over code-point offsets (no I/O, no GUI);
//! 2. [`format`]: the on-disk corpus format v1, loading with full diagnostics and atomic saving;
//! 3. [`interchange`]: the formats of other tools (jsonl, CoNLL, HF, brat, Label Studio,
//!    doccano), both ways, and plain text imported as a corpus;
//! 4. [`text`]: fonts and text layout (knows nothing of labels);
//!    [`review`]: comparing annotators and measuring their agreement;
//!    [`suggest`]: recommenders that pre-label text from what annotators labelled;
//!    [`project`]: a team's project folder on git (assignment, progress, agreement);
//! 5. [`app`] and [`cli`]: the thin egui window and command line on top.
//!
//! ```
//! use taliq::format::{parse_corpus, Form};
//!
//! let json = r##"{"format": "taliq-corpus", "version": 1,
//!   "labels": [{"name": "LOC", "color": "#3cb44b"}],
//!   "documents": [{"id": "d1", "text": "زار لروسيا",
//!                  "spans": [{"start": 5, "end": 10, "label": "LOC", "text": "روسيا"}]}]}"##;
//! let corpus = parse_corpus(json.as_bytes(), Form::Json).unwrap();
//! let doc = &corpus.documents[0];
//! assert_eq!(doc.span_text(&doc.spans()[0]), "روسيا");
//! ```

pub mod annotate;
pub mod app;
pub mod cli;
pub mod format;
pub mod interchange;
pub mod model;
pub mod project;
pub mod review;
pub mod suggest;
pub mod synth;
pub mod text;
pub mod tokenize;
