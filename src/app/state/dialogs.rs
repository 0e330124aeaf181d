//! Which windows are open over the document: one set, so that Escape closes them all and a
//! new dialog cannot be forgotten in a list kept by hand.

/// A window over the document that a menu opens and Escape closes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialog {
    /// Help → Shortcuts (F1): every key binding.
    Shortcuts,
    /// Help → About taliq.
    About,
    /// File → Export….
    Export,
    /// Review → Start review…: the annotators' files and the gold file.
    StartReview,
    /// View → Reading options….
    ReadingOptions,
    /// Edit → Labels…: the label set's editor, over its drafts.
    Labels,
    /// Review → Agreement charts.
    Agreement,
    /// View → Guidelines (F2) of a team project.
    Guidelines,
    /// View → Project overview (F3) of a team project.
    ProjectOverview,
    /// Review: "mark reviewed" asked while candidates are pending, which it would reject.
    MarkReviewed,
}

/// The open dialogs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Dialogs {
    open: Vec<Dialog>,
}

impl Dialogs {
    /// Whether `dialog` is open.
    pub fn is_open(&self, dialog: Dialog) -> bool {
        self.open.contains(&dialog)
    }

    /// Opens `dialog` (it stays open if it was).
    pub fn open(&mut self, dialog: Dialog) {
        if !self.is_open(dialog) {
            self.open.push(dialog);
        }
    }

    /// Closes `dialog`.
    pub fn close(&mut self, dialog: Dialog) {
        self.open.retain(|d| *d != dialog);
    }

    /// Opens `dialog` when `open`, else closes it (a window's close button).
    pub fn set(&mut self, dialog: Dialog, open: bool) {
        if open {
            self.open(dialog);
        } else {
            self.close(dialog);
        }
    }

    /// Opens `dialog` if it was closed, else closes it; whether it is open now.
    pub fn toggle(&mut self, dialog: Dialog) -> bool {
        let open = !self.is_open(dialog);
        self.set(dialog, open);
        open
    }

    /// Closes every dialog; the ones that were open.
    pub fn close_all(&mut self) -> Vec<Dialog> {
        std::mem::take(&mut self.open)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dialogs_open_close_and_toggle_independently() {
        let mut dialogs = Dialogs::default();
        dialogs.open(Dialog::Export);
        dialogs.open(Dialog::Export);
        assert!(dialogs.toggle(Dialog::Shortcuts));
        assert!(dialogs.is_open(Dialog::Export) && dialogs.is_open(Dialog::Shortcuts));
        assert!(!dialogs.toggle(Dialog::Shortcuts));
        dialogs.set(Dialog::About, true);
        assert_eq!(dialogs.close_all(), [Dialog::Export, Dialog::About]);
        assert!(!dialogs.is_open(Dialog::Export));
    }
}
