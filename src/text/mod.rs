//! Text: fonts, shaping, bidi layout, hit-testing and word boundaries. Knows nothing of labels.
//!
//! Offsets going in and out are code points of the whole text ([`crate::model::CharIndex`]
//! values); byte offsets stay inside this module.

pub mod fonts;
pub mod hit;
pub mod isolates;
pub mod layout;
pub mod marks;
pub mod overflow;
pub mod paragraphs;
pub mod raster;
pub mod shape;
pub mod words;
