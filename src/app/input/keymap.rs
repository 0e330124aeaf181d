//! Every key the window reacts to, as data (helix's keymap, zed's bindings with a context
//! each): a row says where the binding applies, which keys, and what they do. The key
//! handling ([`super::dispatch`]), the menus' shortcut texts and the F1 overlay all read
//! this one table (the overlay's rows are made in [`super::help`]), so a key cannot drift
//! from its help line; a test fails when a key is
//! handled anywhere else.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::commands::Command;
use crate::app::i18n::msg_id;
use crate::text::hit::Side;

/// Where a binding applies. The same key may mean different things in different contexts
/// (Enter accepts a review candidate, links a relation being made, or finds the next
/// match in the find field); the dispatch order in [`super::dispatch`] decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Anywhere, even while a text field has focus (Ctrl+S, Ctrl+F, F1…).
    Anywhere,
    /// The window, while no text field has focus.
    Window,
    /// While a relation is being made: these keys, and every other document key waits.
    RelationDraft,
    /// The review mode.
    Review,
    /// While suggestions are offered (outside review).
    Suggestions,
    /// The document, while no text field has focus.
    Document,
    /// The find field has focus.
    Find,
    /// A one-line field has focus (a span's note, the annotator's name).
    Field,
    /// A question window is open (save the changes before quitting?).
    Question,
    /// taliq's own file chooser is open (it takes every key until it closes).
    FileChooser,
}

impl Context {
    /// The help overlay's name of this context's group of rows (`None` for the plain
    /// window), in the window's language.
    pub fn group_name(self) -> Option<String> {
        let id = match self {
            Self::Anywhere | Self::Window | Self::Document => return None,
            Self::RelationDraft => msg_id!("keys-group-relation-draft"),
            Self::Review => msg_id!("keys-group-review"),
            Self::Suggestions => msg_id!("keys-group-suggestions"),
            Self::Find => msg_id!("keys-group-find"),
            Self::Field => msg_id!("keys-group-field"),
            Self::Question => msg_id!("keys-group-question"),
            Self::FileChooser => msg_id!("keys-group-file-chooser"),
        };
        Some(crate::app::i18n::text(id, &[]))
    }
}

/// The keys of a binding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keys {
    /// Fixed shortcuts, the first one shown in menus.
    Fixed(&'static [KeyboardShortcut]),
    /// Each label's key, or a relation type's: typed text, so that the digit row gives
    /// 1–9 on every keyboard layout (the Arabic one too).
    LabelKey,
    /// Alt with a label's key (the physical key: with Alt held no text is typed).
    AltLabelKey,
}

/// What a key asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// A command of the menus.
    Command(Command),
    /// Close the open dialog; with none open, drop the selection and the pick and close
    /// the find bar.
    Escape,
    /// Remove the picked span or relation, reject the picked candidate or suggestion.
    Remove,
    /// Label the selection, or relabel / accept the pick, with the key's label (a relation
    /// type's key starts a relation from the picked span, or retypes the picked relation).
    Label,
    /// Move the caret one character on screen.
    Caret(Side),
    /// Extend the selection one character on screen.
    Extend(Side),
    /// Extend the selection by a word on screen.
    ExtendWord(Side),
    /// Move the caret to the logical start (`false`) or end (`true`) of its line.
    LineEdge(bool),
    /// Extend the selection to the logical start (`false`) or end (`true`) of its line.
    ExtendToLineEdge(bool),
    /// Open the next document.
    NextDocument,
    /// Open the previous document.
    PreviousDocument,
    /// Mark the document done and open the next unfinished one.
    MarkDone,
    /// Relation being made: the next span as its target.
    NextTarget,
    /// Relation being made: the previous span as its target.
    PreviousTarget,
    /// Relation being made: link it to its target.
    Link,
    /// Relation being made: give it up.
    CancelRelation,
    /// Review: pick the next pending candidate.
    NextPending,
    /// Review: pick the previous pending candidate.
    PreviousPending,
    /// Review: accept the picked candidate (as selected, to edit its extent).
    Accept,
    /// Review: accept every span all annotators agree on.
    AcceptAgreed,
    /// Review: mark the document reviewed and open the next.
    MarkReviewed,
    /// Suggestions: pick the next one.
    NextSuggestion,
    /// Suggestions: pick the previous one.
    PreviousSuggestion,
    /// Suggestions: accept the picked one.
    AcceptSuggestion,
    /// Suggestions: accept every one at or above the threshold.
    AcceptAboveThreshold,
    /// Find field: select the next match.
    NextMatch,
    /// Find field: select the previous match.
    PreviousMatch,
    /// Find field: label every match with the key's label.
    LabelAllMatches,
    /// Find field: close the find bar.
    CloseFind,
    /// Text field: take what was typed.
    Submit,
    /// Question: cancel.
    Cancel,
    /// File chooser: highlight the row above.
    ChooserUp,
    /// File chooser: highlight the row below.
    ChooserDown,
    /// File chooser: into the highlighted folder, else take the choice.
    ChooserOpen,
    /// File chooser: up to the parent folder.
    ChooserParent,
    /// File chooser: close it, choosing nothing.
    ChooserCancel,
}

/// One row of the key table.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    /// Where it applies.
    pub context: Context,
    /// Which keys.
    pub keys: Keys,
    /// What they do.
    pub action: Action,
    /// The id of the help overlay's line (`assets/i18n/*.ftl`; commands show their menu
    /// item's name instead, and have none).
    pub help: &'static str,
}

/// The help id of a command's row: the overlay names the command by its menu item.
const NO_HELP: &str = "";

const fn key(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

const CTRL: Modifiers = Modifiers::COMMAND;
const CTRL_SHIFT: Modifiers = Modifiers {
    alt: false,
    ctrl: false,
    shift: true,
    mac_cmd: false,
    command: true,
};
const NONE: Modifiers = Modifiers::NONE;
const SHIFT: Modifiers = Modifiers::SHIFT;

const fn bind(
    context: Context,
    keys: &'static [KeyboardShortcut],
    action: Action,
    help: &'static str,
) -> Binding {
    Binding {
        context,
        keys: Keys::Fixed(keys),
        action,
        help,
    }
}

const fn command(context: Context, keys: &'static [KeyboardShortcut], c: Command) -> Binding {
    bind(context, keys, Action::Command(c), NO_HELP)
}

/// Every key binding of the window.
pub const KEYMAP: &[Binding] = &[
    // Commands of the menus; these work from a text field too.
    command(Context::Anywhere, &[key(CTRL, Key::O)], Command::Open),
    command(Context::Anywhere, &[key(CTRL, Key::S)], Command::Save),
    command(
        Context::Anywhere,
        &[key(CTRL_SHIFT, Key::S)],
        Command::SaveAs,
    ),
    command(
        Context::Anywhere,
        &[key(CTRL_SHIFT, Key::Y)],
        Command::SyncProject,
    ),
    command(Context::Anywhere, &[key(CTRL, Key::Q)], Command::Quit),
    command(Context::Anywhere, &[key(CTRL, Key::F)], Command::Find),
    command(Context::Anywhere, &[key(NONE, Key::F1)], Command::Shortcuts),
    // Commands of the menus that leave a text field its own keys.
    command(Context::Window, &[key(CTRL, Key::E)], Command::Export),
    command(Context::Window, &[key(CTRL, Key::Z)], Command::Undo),
    command(
        Context::Window,
        &[key(CTRL_SHIFT, Key::Z), key(CTRL, Key::Y)],
        Command::Redo,
    ),
    command(
        Context::Window,
        &[key(CTRL, Key::Equals), key(CTRL, Key::Plus)],
        Command::ZoomIn,
    ),
    command(Context::Window, &[key(CTRL, Key::Minus)], Command::ZoomOut),
    command(Context::Window, &[key(CTRL, Key::Num0)], Command::ZoomReset),
    command(
        Context::Window,
        &[key(CTRL_SHIFT, Key::H)],
        Command::ToggleHarakat,
    ),
    command(Context::Window, &[key(NONE, Key::F2)], Command::Guidelines),
    command(
        Context::Window,
        &[key(NONE, Key::F3)],
        Command::ProjectOverview,
    ),
    bind(
        Context::Document,
        &[key(NONE, Key::Escape)],
        Action::Escape,
        msg_id!("keys-escape"),
    ),
    // A relation being made.
    bind(
        Context::RelationDraft,
        &[key(NONE, Key::Tab)],
        Action::NextTarget,
        msg_id!("keys-next-target"),
    ),
    bind(
        Context::RelationDraft,
        &[key(SHIFT, Key::Tab)],
        Action::PreviousTarget,
        msg_id!("keys-previous-target"),
    ),
    bind(
        Context::RelationDraft,
        &[key(NONE, Key::Enter)],
        Action::Link,
        msg_id!("keys-link"),
    ),
    bind(
        Context::RelationDraft,
        &[key(NONE, Key::Escape)],
        Action::CancelRelation,
        msg_id!("keys-cancel-relation"),
    ),
    // The review mode.
    bind(
        Context::Review,
        &[key(NONE, Key::ArrowDown)],
        Action::NextPending,
        msg_id!("keys-next-pending"),
    ),
    bind(
        Context::Review,
        &[key(NONE, Key::ArrowUp)],
        Action::PreviousPending,
        msg_id!("keys-previous-pending"),
    ),
    bind(
        Context::Review,
        &[key(NONE, Key::Enter)],
        Action::Accept,
        msg_id!("keys-accept"),
    ),
    bind(
        Context::Review,
        &[key(CTRL_SHIFT, Key::A)],
        Action::AcceptAgreed,
        msg_id!("keys-accept-agreed"),
    ),
    bind(
        Context::Review,
        &[key(CTRL, Key::Enter)],
        Action::MarkReviewed,
        msg_id!("keys-mark-reviewed"),
    ),
    // Suggestions.
    bind(
        Context::Suggestions,
        &[key(NONE, Key::Tab)],
        Action::NextSuggestion,
        msg_id!("keys-next-suggestion"),
    ),
    bind(
        Context::Suggestions,
        &[key(SHIFT, Key::Tab)],
        Action::PreviousSuggestion,
        msg_id!("keys-previous-suggestion"),
    ),
    bind(
        Context::Suggestions,
        &[key(NONE, Key::Enter)],
        Action::AcceptSuggestion,
        msg_id!("keys-accept-suggestion"),
    ),
    bind(
        Context::Suggestions,
        &[key(CTRL_SHIFT, Key::A)],
        Action::AcceptAboveThreshold,
        msg_id!("keys-accept-above-threshold"),
    ),
    // The document.
    Binding {
        context: Context::Document,
        keys: Keys::LabelKey,
        action: Action::Label,
        help: msg_id!("keys-label"),
    },
    bind(
        Context::Document,
        &[key(NONE, Key::Delete), key(NONE, Key::Backspace)],
        Action::Remove,
        msg_id!("keys-remove"),
    ),
    bind(
        Context::Document,
        &[key(NONE, Key::ArrowLeft)],
        Action::Caret(Side::Left),
        msg_id!("keys-caret-left"),
    ),
    bind(
        Context::Document,
        &[key(NONE, Key::ArrowRight)],
        Action::Caret(Side::Right),
        msg_id!("keys-caret-right"),
    ),
    bind(
        Context::Document,
        &[key(SHIFT, Key::ArrowLeft)],
        Action::Extend(Side::Left),
        msg_id!("keys-extend-left"),
    ),
    bind(
        Context::Document,
        &[key(SHIFT, Key::ArrowRight)],
        Action::Extend(Side::Right),
        msg_id!("keys-extend-right"),
    ),
    bind(
        Context::Document,
        &[key(CTRL_SHIFT, Key::ArrowLeft)],
        Action::ExtendWord(Side::Left),
        msg_id!("keys-extend-word-left"),
    ),
    bind(
        Context::Document,
        &[key(CTRL_SHIFT, Key::ArrowRight)],
        Action::ExtendWord(Side::Right),
        msg_id!("keys-extend-word-right"),
    ),
    bind(
        Context::Document,
        &[key(NONE, Key::Home)],
        Action::LineEdge(false),
        msg_id!("keys-line-start"),
    ),
    bind(
        Context::Document,
        &[key(NONE, Key::End)],
        Action::LineEdge(true),
        msg_id!("keys-line-end"),
    ),
    bind(
        Context::Document,
        &[key(SHIFT, Key::Home)],
        Action::ExtendToLineEdge(false),
        msg_id!("keys-extend-line-start"),
    ),
    bind(
        Context::Document,
        &[key(SHIFT, Key::End)],
        Action::ExtendToLineEdge(true),
        msg_id!("keys-extend-line-end"),
    ),
    bind(
        Context::Document,
        &[key(NONE, Key::PageDown)],
        Action::NextDocument,
        msg_id!("keys-next-document"),
    ),
    bind(
        Context::Document,
        &[key(NONE, Key::PageUp)],
        Action::PreviousDocument,
        msg_id!("keys-previous-document"),
    ),
    bind(
        Context::Document,
        &[key(CTRL, Key::Enter)],
        Action::MarkDone,
        msg_id!("keys-mark-done"),
    ),
    // Fields, answered by the field's own code through `pressed`.
    bind(
        Context::Find,
        &[key(NONE, Key::Enter)],
        Action::NextMatch,
        msg_id!("keys-next-match"),
    ),
    bind(
        Context::Find,
        &[key(SHIFT, Key::Enter)],
        Action::PreviousMatch,
        msg_id!("keys-previous-match"),
    ),
    Binding {
        context: Context::Find,
        keys: Keys::AltLabelKey,
        action: Action::LabelAllMatches,
        help: msg_id!("keys-label-all-matches"),
    },
    bind(
        Context::Find,
        &[key(NONE, Key::Escape)],
        Action::CloseFind,
        msg_id!("keys-close-find"),
    ),
    bind(
        Context::Field,
        &[key(NONE, Key::Enter)],
        Action::Submit,
        msg_id!("keys-submit"),
    ),
    bind(
        Context::Question,
        &[key(NONE, Key::Escape)],
        Action::Cancel,
        msg_id!("keys-cancel"),
    ),
    // taliq's own file chooser, answered by its window through `pressed` (the typed-path
    // field keeps Backspace and the arrows while it has focus; Enter there takes the path).
    bind(
        Context::FileChooser,
        &[key(NONE, Key::ArrowUp)],
        Action::ChooserUp,
        msg_id!("keys-chooser-up"),
    ),
    bind(
        Context::FileChooser,
        &[key(NONE, Key::ArrowDown)],
        Action::ChooserDown,
        msg_id!("keys-chooser-down"),
    ),
    bind(
        Context::FileChooser,
        &[key(NONE, Key::Enter)],
        Action::ChooserOpen,
        msg_id!("keys-chooser-open"),
    ),
    bind(
        Context::FileChooser,
        &[key(NONE, Key::Backspace)],
        Action::ChooserParent,
        msg_id!("keys-chooser-parent"),
    ),
    bind(
        Context::FileChooser,
        &[key(NONE, Key::Escape)],
        Action::ChooserCancel,
        msg_id!("keys-chooser-cancel"),
    ),
];

/// The shortcuts of `command`, the first shown in its menu.
pub fn shortcuts_of(command: Command) -> impl Iterator<Item = KeyboardShortcut> {
    KEYMAP
        .iter()
        .filter(move |b| b.action == Action::Command(command))
        .flat_map(|b| match b.keys {
            Keys::Fixed(keys) => keys.iter().copied(),
            Keys::LabelKey | Keys::AltLabelKey => [].iter().copied(),
        })
}

/// The bindings of `context`, those with more modifiers first: egui lets a plain Tab
/// match Shift+Tab, so the Shift row must take its key before the plain one sees it.
pub fn bindings_of(context: Context) -> Vec<Binding> {
    let mut rows: Vec<Binding> = KEYMAP
        .iter()
        .filter(|b| b.context == context)
        .copied()
        .collect();
    rows.sort_by_key(|b| std::cmp::Reverse(modifier_count(b)));
    rows
}

fn modifier_count(binding: &Binding) -> usize {
    match binding.keys {
        Keys::Fixed(keys) => keys
            .iter()
            .map(|s| {
                let m = s.modifiers;
                usize::from(m.alt) + usize::from(m.shift) + usize::from(m.command || m.ctrl)
            })
            .max()
            .unwrap_or(0),
        Keys::LabelKey => 0,
        Keys::AltLabelKey => 1,
    }
}

/// Whether a key of `action`'s binding was pressed this frame (for the fields and windows
/// that answer their own keys: the find field, a note, the quit question). Modifiers must
/// match exactly, so Enter is not Shift+Enter.
pub fn pressed(ui: &egui::Ui, action: Action) -> bool {
    KEYMAP
        .iter()
        .filter(|b| b.action == action)
        .any(|b| match b.keys {
            Keys::Fixed(keys) => ui.input(|i| {
                keys.iter()
                    .any(|s| i.key_pressed(s.logical_key) && i.modifiers.matches_exact(s.modifiers))
            }),
            Keys::LabelKey | Keys::AltLabelKey => false,
        })
}

/// In the find field: the label whose key was pressed with Alt, if any (the find bar
/// labels every match with it). The key's typed text may come in the same frame or the
/// next: it is kept out of the field in both (`swallow`).
pub fn alt_label_key(
    ui: &egui::Ui,
    labels: &[crate::model::Label],
    swallow: &mut Option<char>,
) -> Option<String> {
    let pending = swallow.take();
    let keys: Vec<(Key, char, String)> = labels
        .iter()
        .filter_map(|l| {
            let c = l.key?;
            Some((Key::from_name(&c.to_string())?, c, l.name.clone()))
        })
        .collect();
    let found = ui.input_mut(|i| {
        let found = keys
            .iter()
            .find(|(key, _, _)| i.consume_key(Modifiers::ALT, *key))
            .map(|(_, c, name)| (*c, name.clone()));
        let typed: Vec<char> = pending
            .into_iter()
            .chain(found.as_ref().map(|f| f.0))
            .collect();
        i.events.retain(|e| {
            !matches!(e, egui::Event::Text(t) if t.chars().count() == 1 && t.chars().all(|c| typed.contains(&c)))
        });
        found
    });
    let (c, name) = found?;
    *swallow = Some(c);
    Some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        for (i, a) in KEYMAP.iter().enumerate() {
            for b in &KEYMAP[i + 1..] {
                if a.context != b.context {
                    continue;
                }
                if let (Keys::Fixed(x), Keys::Fixed(y)) = (a.keys, b.keys) {
                    let shared = x.iter().find(|s| y.contains(s));
                    assert!(
                        shared.is_none(),
                        "{shared:?} bound to {:?} and {:?}",
                        a.action,
                        b.action
                    );
                }
            }
        }
    }

    #[test]
    fn every_command_with_a_shortcut_is_in_the_table_once() {
        for info in super::super::commands::COMMANDS {
            let rows = KEYMAP
                .iter()
                .filter(|b| b.action == Action::Command(info.command))
                .count();
            assert!(rows <= 1, "{:?} has {rows} rows", info.command);
        }
        assert_eq!(
            shortcuts_of(Command::Redo).count(),
            2,
            "Ctrl+Shift+Z and Ctrl+Y"
        );
    }

    #[test]
    fn shift_rows_come_before_plain_ones() {
        let rows = bindings_of(Context::Suggestions);
        let shift_tab = rows
            .iter()
            .position(|b| b.action == Action::PreviousSuggestion);
        let tab = rows.iter().position(|b| b.action == Action::NextSuggestion);
        assert!(shift_tab < tab, "{rows:?}");
    }
}
