//! The question "mark reviewed" asks while candidates are pending: marking the document
//! reviewed rejects them, so the reviewer confirms (Ctrl+Enter again, or the button) or
//! goes back (Escape, or the other button).

use crate::app::state::context::PanelContext;
use crate::app::state::dialogs::Dialog;

use super::describe_pending;

/// The question, with the open document's counts as they are now (a decision taken behind
/// it changes them).
pub fn mark_reviewed_question(ctx: &egui::Context, cx: &mut PanelContext<'_>) {
    let Some((pending, conflicts)) = cx.state.pending_at_mark() else {
        cx.state.dialogs.close(Dialog::MarkReviewed);
        return;
    };
    let mut open = true;
    let mut confirm = false;
    let mut back = false;
    egui::Window::new("Mark this document reviewed?")
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            ui.label(format!("{}.", describe_pending(pending, conflicts)));
            ui.label(if pending == 1 {
                "Marking the document reviewed rejects it: it stays out of the gold."
            } else {
                "Marking the document reviewed rejects them all: they stay out of the gold."
            });
            ui.horizontal(|ui| {
                confirm = ui.button("reject and mark reviewed (Ctrl+Enter)").clicked();
                back = ui.button("go back (Escape)").clicked();
            });
        });
    if confirm {
        cx.state.mark_reviewed();
    } else if back || !open {
        cx.state.dialogs.close(Dialog::MarkReviewed);
        cx.state.say(crate::app::state::gone_back_from_marking());
    }
}
