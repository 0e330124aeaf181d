//! The find bar's state: the query, its matches in the open document (or the corpus), and
//! moving between them.

use crate::annotate::selection::Selection;
use crate::app::AppState;
use crate::app::i18n::tr;

impl AppState {
    /// Finds the search query again: in the open document, and with `whole_corpus` in every
    /// document (after the query, its options or the corpus changed).
    pub fn refresh_search(&mut self) {
        let search = &mut self.search;
        if search.query.is_empty() {
            search.matches.clear();
            search.documents.clear();
            return;
        }
        let find =
            |text: &str| crate::annotate::search::find_all(text, &search.query, search.options);
        let matches = self
            .corpus
            .documents
            .get(self.selected)
            .map(|d| find(d.text()))
            .unwrap_or_default();
        let documents = if search.whole_corpus {
            self.corpus
                .documents
                .iter()
                .enumerate()
                // The open document was just searched: count its matches, do not search again.
                .map(|(i, d)| {
                    (
                        i,
                        if i == self.selected {
                            matches.len()
                        } else {
                            find(d.text()).len()
                        },
                    )
                })
                .filter(|(_, n)| *n > 0)
                .collect()
        } else {
            Vec::new()
        };
        search.matches = matches;
        search.documents = documents;
    }

    /// Finds the search query in the open document again, keeping the corpus-wide counts:
    /// another document was opened, and texts do not change in the window.
    pub(crate) fn refresh_matches_in_open_document(&mut self) {
        let search = &mut self.search;
        search.matches = match self.corpus.documents.get(self.selected) {
            Some(doc) if !search.query.is_empty() => {
                crate::annotate::search::find_all(doc.text(), &search.query, search.options)
            }
            _ => Vec::new(),
        };
    }

    /// Opens document `index` at its first match (a row of the corpus-wide results).
    pub fn open_document_at_first_match(&mut self, index: usize) {
        self.open_document(index);
        if let Some(&first) = self.search.matches.first() {
            self.selection = Selection::new(first.start(), first.end());
            self.search.reveal = Some(first.start());
            self.say(tr!(
                "annotate-match-of",
                number = 1,
                total = self.search.matches.len()
            ));
        }
    }

    /// Opens the find bar (Ctrl+F) and puts the caret in its field, its text selected.
    pub fn open_search(&mut self) {
        self.search.open = true;
        self.search.focus_field = true;
        self.refresh_search();
    }

    /// Closes the find bar and forgets its matches.
    pub fn close_search(&mut self) {
        self.search.open = false;
        self.search.matches.clear();
    }

    /// Selects the next match after the selection (or with `forward` false the one before),
    /// wrapping around, and asks the view to show it.
    pub fn select_next_match(&mut self, forward: bool) {
        let matches = &self.search.matches;
        if matches.is_empty() {
            self.say(tr!("annotate-no-matches"));
            return;
        }
        let range = self.selection.range();
        let index = if forward {
            matches
                .iter()
                .position(|m| m.start() > range.start())
                .unwrap_or(0)
        } else {
            matches
                .iter()
                .rposition(|m| m.start() < range.start())
                .unwrap_or(matches.len() - 1)
        };
        let m = matches[index];
        self.selection = Selection::new(m.start(), m.end());
        if self.pick.as_span().is_some() {
            self.pick = crate::annotate::pick::Pick::None;
        }
        self.search.reveal = Some(m.start());
        self.say(tr!(
            "annotate-match-of",
            number = index + 1,
            total = matches.len()
        ));
    }
}
