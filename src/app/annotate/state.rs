//! The find bar's state. Nothing of the window: the state hub holds it.

use crate::model::CharRange;

/// The search bar's state.
#[derive(Debug, Clone, Default)]
pub struct Search {
    /// Whether the bar is shown.
    pub open: bool,
    /// What is searched for.
    pub query: String,
    /// Matching rules.
    pub options: crate::annotate::search::SearchOptions,
    /// Matches of the query in the open document.
    pub matches: Vec<CharRange>,
    /// Search every document, not only the open one.
    pub whole_corpus: bool,
    /// With `whole_corpus`: documents holding matches (corpus index, how many), in corpus
    /// order.
    pub documents: Vec<(usize, usize)>,
    /// Set by Ctrl+F: the next frame focuses the field with its text selected.
    pub focus_field: bool,
    /// A match the view should scroll to (its first code point), set by Enter in the field.
    pub reveal: Option<usize>,
    /// The key of an Alt+label just pressed, whose typed text must not reach the field.
    pub swallow: Option<char>,
}
