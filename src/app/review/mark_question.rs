//! The question "mark reviewed" asks while candidates are pending: marking the document
//! reviewed rejects them, so the reviewer confirms (Ctrl+Enter again, or the button) or
//! goes back (Escape, or the other button).

use crate::app::i18n::tr;
use crate::app::state::context::PanelContext;
use crate::app::state::dialogs::Dialog;
use crate::app::widgets::interface::{self, mirrored};

use super::describe_pending;

/// The question's width.
const WIDTH: f32 = 540.0;

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
    let engine = &mut *cx.engine;
    interface::window("mark-reviewed")
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            // A width of its own: the window sizes itself to what it holds, and lines
            // aligned to the right need a right edge.
            ui.set_width(WIDTH);
            mirrored(ui, |ui| {
                interface::title_bar(ui, engine, &tr!("review-mark-question-title"), &mut open);
            });
            mirrored(ui, |ui| {
                let pending_line = format!("{}.", describe_pending(pending, conflicts));
                interface::label(ui, engine, &pending_line);
                interface::label(
                    ui,
                    engine,
                    &tr!("review-marking-rejects", pending = pending),
                );
                ui.horizontal(|ui| {
                    confirm =
                        interface::button(ui, engine, &tr!("review-reject-and-mark")).clicked();
                    back = interface::button(ui, engine, &tr!("review-go-back")).clicked();
                });
            });
        });
    if confirm {
        cx.state.mark_reviewed();
    } else if back || !open {
        cx.state.dialogs.close(Dialog::MarkReviewed);
        cx.state.say(crate::app::state::gone_back_from_marking());
    }
}
