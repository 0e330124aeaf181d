//! The window that starts a review: the annotators' files and the gold file.

use crate::app::state::context::PanelContext;
use crate::app::state::dialogs::Dialog;
use crate::app::state::file_request::FilePurpose;
use crate::app::widgets::bidi_field::BidiField;
use std::path::PathBuf;

/// The window that starts a review: annotators' files and the gold file.
pub fn opener(ctx: &egui::Context, cx: &mut PanelContext<'_>) {
    let mut open = true;
    let mut start = false;
    let mut asked = None;
    egui::Window::new("Start a review")
        .open(&mut open)
        .collapsible(false)
        .show(ctx, |ui| {
            let opener = &mut cx.state.review_opener;
            let engine = &mut *cx.engine;
            ui.label("Annotators' corpus files (one per annotator, same documents):");
            let mut remove = None;
            for (i, file) in opener.files.iter().enumerate() {
                ui.horizontal(|ui| {
                    ui.label(format!("{}. {}", i + 1, file.display()));
                    if ui.small_button("remove").clicked() {
                        remove = Some(i);
                    }
                });
            }
            if let Some(i) = remove {
                opener.files.remove(i);
            }
            ui.horizontal(|ui| {
                if ui.button("add files…").clicked() {
                    asked = Some(FilePurpose::ReviewFiles);
                }
                let caption = ui.label("or annotator file:");
                BidiField::new(&mut opener.typed, egui::Id::unique("taliq-review-typed"))
                    .hint("annotator.json")
                    .desired_width(220.0)
                    .show(ui, engine)
                    .labelled_by(caption.id);
                if ui.button("add").clicked() && !opener.typed.trim().is_empty() {
                    opener.files.push(PathBuf::from(opener.typed.trim()));
                    opener.typed.clear();
                }
            });
            ui.horizontal(|ui| {
                let caption = ui.label("Gold file:");
                BidiField::new(&mut opener.gold, egui::Id::unique("taliq-review-gold"))
                    .hint("gold.json (created if missing)")
                    .desired_width(260.0)
                    .show(ui, engine)
                    .labelled_by(caption.id);
                if ui.button("choose…").clicked() {
                    asked = Some(FilePurpose::ReviewGold);
                }
            });
            let ready = opener.files.len() >= 2 && !opener.gold.trim().is_empty();
            start = ui
                .add_enabled(ready, egui::Button::new("start review"))
                .clicked();
        });
    cx.state.dialogs.set(Dialog::StartReview, open);
    if let Some(purpose) = asked {
        cx.state.ask_for_file(purpose);
    }
    if start {
        let files = cx.state.review_opener.files.clone();
        let gold = PathBuf::from(cx.state.review_opener.gold.trim());
        match cx.state.open_review(&files, &gold) {
            // The gold file joins the recent files (the frame notices the new source).
            Ok(()) => cx.state.dialogs.close(Dialog::StartReview),
            Err(e) => cx.state.say(e),
        }
    }
}
