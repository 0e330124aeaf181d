//! The relations feature's state: the picked span's note as it is edited. Nothing of the
//! window: the state hub holds it.

use crate::model::CharRange;

/// The note field's text, and the span it was filled from (so that picking another span
/// fills it again).
#[derive(Debug, Default)]
pub struct NoteField {
    /// The span the text belongs to.
    pub span: Option<(CharRange, String)>,
    /// The text being edited.
    pub text: String,
}
