//! The label set: the editor of labels, relation types and document labels, whose drafts
//! become one undoable change of the corpus's declarations.

pub mod drafts;
pub mod editor;
