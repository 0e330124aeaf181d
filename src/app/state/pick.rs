//! What a label key, a relation type's key or Delete does: decided in one place from the
//! one thing picked ([`Pick`]), so the keys, the palette and the panels cannot disagree.

use super::AppState;
use crate::annotate::pick::Pick;
use crate::app::i18n::tr;

/// A key that acts on what is picked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickAction<'a> {
    /// A label's key (or palette button): label, relabel or accept as that label.
    Label(&'a str),
    /// A relation type's key: start a relation from the picked span, or retype the picked
    /// relation.
    RelationType(&'a str),
    /// Delete or Backspace: remove the picked span or relation, reject the picked
    /// candidate or suggestion.
    Remove,
}

impl AppState {
    /// Does what `action` means for the pick:
    ///
    /// | pick | label key | relation type key | Delete |
    /// |---|---|---|---|
    /// | review candidate | accept as that label (the selection's extent) | — | reject |
    /// | review relation candidate | label the selection | — | reject |
    /// | suggestion | accept as that label | — | reject |
    /// | span | relabel | start a relation from it | remove it with its relations |
    /// | relation | label the selection | retype it | remove it |
    /// | nothing | label the selection | "pick a span first" | — |
    ///
    /// A suggestion counts only while suggestions are offered (not in review).
    pub fn act_on_pick(&mut self, action: PickAction<'_>) {
        if let PickAction::Label(label) = action
            && self.corpus.label(label).is_none()
        {
            return;
        }
        let suggestion = self.pick.as_suggestion().is_some() && self.suggestions_active();
        match (self.pick.clone(), action) {
            (Pick::Candidate(_), PickAction::Label(label)) => self.replace_picked(label),
            (Pick::Candidate(_) | Pick::RelationCandidate(_), PickAction::Remove) => {
                self.reject_picked();
            }
            (Pick::Suggestion(_), PickAction::Label(label)) if suggestion => {
                self.accept_picked_suggestion(Some(label));
            }
            (Pick::Suggestion(_), PickAction::Remove) if suggestion => {
                self.reject_picked_suggestion();
            }
            (Pick::Span { .. }, PickAction::Label(label)) => self.relabel_picked_span(label),
            (Pick::Span { .. }, PickAction::Remove) => self.delete_selected_span(),
            (Pick::Relation(id), PickAction::RelationType(kind)) => {
                if self.relabel_relation(&id, kind) {
                    self.say(tr!(
                        "state-relation-retyped",
                        id = id.as_str(),
                        kind = kind.to_string()
                    ));
                }
            }
            (Pick::Relation(id), PickAction::Remove) => {
                if self.delete_relation(&id) {
                    self.pick = Pick::None;
                }
            }
            (_, PickAction::RelationType(kind)) => {
                self.start_relation(kind);
            }
            (_, PickAction::Label(label)) => self.label_selection(label),
            (_, PickAction::Remove) => {}
        }
    }
}
