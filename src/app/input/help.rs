//! The key table as people read it: shortcut names in the menus ("Ctrl+=") and the F1
//! overlay's rows, made from [`super::keymap::KEYMAP`] and the open corpus's own keys.

use egui::{Key, KeyboardShortcut};

use super::keymap::{Action, Binding, KEYMAP, Keys};
use crate::app::i18n::{msg_id, text, tr};

/// What the pointer does, listed in the help overlay with the keys: the ids of what is done
/// and of what it does.
pub const POINTER: &[(&str, &str)] = &[
    (
        msg_id!("keys-pointer-select"),
        msg_id!("keys-pointer-select-help"),
    ),
    (
        msg_id!("keys-pointer-pick-span"),
        msg_id!("keys-pointer-pick-span-help"),
    ),
    (
        msg_id!("keys-pointer-pick-relation"),
        msg_id!("keys-pointer-pick-relation-help"),
    ),
    (
        msg_id!("keys-pointer-link"),
        msg_id!("keys-pointer-link-help"),
    ),
];

/// How a shortcut reads in the menus and the help overlay: egui's names ("Ctrl+Z"), but
/// a punctuation key as the sign on it ("Ctrl+=", "Ctrl+-", not "Ctrl+Equals").
pub fn shortcut_name(ctx: &egui::Context, shortcut: &KeyboardShortcut) -> String {
    let sign = match shortcut.logical_key {
        Key::Minus => Some("-"),
        Key::Equals => Some("="),
        Key::Plus => Some("+"),
        Key::Comma => Some(","),
        Key::Period => Some("."),
        Key::Slash => Some("/"),
        Key::Semicolon => Some(";"),
        _ => None,
    };
    match sign {
        Some(sign) => {
            let without_key = KeyboardShortcut::new(shortcut.modifiers, Key::A);
            let named = ctx.format_shortcut(&without_key);
            // egui writes the key last: swap its name for the sign.
            format!("{}{sign}", named.strip_suffix('A').unwrap_or(&named))
        }
        None => ctx.format_shortcut(shortcut),
    }
}

/// How a binding's keys read in the help overlay ("Ctrl+Z / Ctrl+Y", "label key").
pub fn keys_text(ctx: &egui::Context, binding: &Binding) -> String {
    match binding.keys {
        Keys::Fixed(keys) => keys
            .iter()
            .map(|s| shortcut_name(ctx, s))
            .collect::<Vec<_>>()
            .join(" / "),
        Keys::LabelKey => tr!("keys-label-key"),
        Keys::AltLabelKey => tr!("keys-alt-label-key"),
    }
}

/// The help overlay's rows, in table order: the keys, then what they do (a command's menu
/// item and menu; a context's rows named by it), then the pointer's.
///
/// The label-key row is followed by the open corpus's own keys: each label's, and each
/// relation type's (which are typed like label keys, so only the corpus knows them).
pub fn help_rows(
    ctx: &egui::Context,
    labels: &[crate::model::Label],
    relation_labels: &[crate::model::RelationLabel],
) -> Vec<(String, String)> {
    let mut rows: Vec<(String, String)> = Vec::new();
    for b in KEYMAP {
        let what = match b.action {
            Action::Command(c) => {
                let info = super::commands::info(c);
                tr!(
                    "keys-command-in-menu",
                    command = info.name(),
                    menu = info.menu.title()
                )
            }
            _ => match b.context.group_name() {
                Some(group) => tr!("keys-in-group", group = group, help = text(b.help, &[])),
                None => text(b.help, &[]),
            },
        };
        rows.push((keys_text(ctx, b), what));
        if b.keys == Keys::LabelKey {
            rows.extend(label_key_rows(labels, relation_labels));
        }
    }
    rows.extend(
        POINTER
            .iter()
            .map(|(keys, what)| (text(keys, &[]), text(what, &[]))),
    );
    rows
}

/// One row per label key ("1": label PER) and relation type key ("m": relation met from
/// the picked span), as the corpus defines them.
fn label_key_rows(
    labels: &[crate::model::Label],
    relation_labels: &[crate::model::RelationLabel],
) -> Vec<(String, String)> {
    let spans = labels.iter().filter_map(|l| {
        let key = l.key?;
        Some((
            key.to_string(),
            tr!("keys-label-row", label = l.name.as_str()),
        ))
    });
    let relations = relation_labels.iter().filter_map(|r| {
        let key = r.key?;
        let ends = |names: &[String]| {
            if names.is_empty() {
                tr!("keys-relation-any")
            } else {
                names.join(&tr!("keys-relation-or"))
            }
        };
        Some((
            key.to_string(),
            tr!(
                "keys-relation-row",
                relation = r.name.as_str(),
                from = ends(&r.from),
                to = ends(&r.to)
            ),
        ))
    });
    spans.chain(relations).collect()
}

#[cfg(test)]
mod tests {
    use super::super::commands::Command;

    #[test]
    fn zoom_keys_read_as_their_signs() {
        let ctx = egui::Context::default();
        let text = |c| super::super::commands::shortcut_text(&ctx, c);
        assert_eq!(text(Command::ZoomIn), "Ctrl+=");
        assert_eq!(text(Command::ZoomOut), "Ctrl+-");
        assert_eq!(text(Command::Undo), "Ctrl+Z");
    }
}
