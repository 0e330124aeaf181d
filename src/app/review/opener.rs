//! The window that starts a review: the annotators' files and the gold file.

use crate::app::i18n::tr;
use crate::app::state::context::PanelContext;
use crate::app::state::dialogs::Dialog;
use crate::app::state::file_request::FilePurpose;
use crate::app::widgets::bidi_field::BidiField;
use crate::app::widgets::interface::{self, mirrored};
use crate::text::isolates::path_unit;
use std::path::PathBuf;

/// The window that starts a review: annotators' files and the gold file.
pub fn opener(ctx: &egui::Context, cx: &mut PanelContext<'_>) {
    let mut open = true;
    let mut start = false;
    let mut asked = None;
    interface::window("start-review")
        .collapsible(false)
        .show(ctx, |ui| {
            let opener = &mut cx.state.review_opener;
            let engine = &mut *cx.engine;
            // A width of its own: lines aligned to the right need a right edge.
            ui.set_width(560.0);
            mirrored(ui, |ui| {
                interface::title_bar(ui, engine, &tr!("review-start-title"), &mut open);
            });
            mirrored(ui, |ui| {
                interface::label(ui, engine, &tr!("review-annotator-files"));
                let mut remove = None;
                for (i, file) in opener.files.iter().enumerate() {
                    ui.horizontal(|ui| {
                        let path = path_unit(&file.display().to_string());
                        let line = tr!("review-numbered-file", number = i + 1, path = path);
                        interface::label(ui, engine, &line);
                        if interface::button(ui, engine, &tr!("review-remove")).clicked() {
                            remove = Some(i);
                        }
                    });
                }
                if let Some(i) = remove {
                    opener.files.remove(i);
                }
                ui.horizontal(|ui| {
                    if interface::button(ui, engine, &tr!("review-add-files")).clicked() {
                        asked = Some(FilePurpose::ReviewFiles);
                    }
                    let caption = interface::label(ui, engine, &tr!("review-or-annotator-file"));
                    BidiField::new(&mut opener.typed, egui::Id::unique("taliq-review-typed"))
                        .hint("annotator.json")
                        .desired_width(220.0)
                        .show(ui, engine)
                        .labelled_by(caption.id);
                    if interface::button(ui, engine, &tr!("review-add")).clicked()
                        && !opener.typed.trim().is_empty()
                    {
                        opener.files.push(PathBuf::from(opener.typed.trim()));
                        opener.typed.clear();
                    }
                });
                ui.horizontal(|ui| {
                    let caption = interface::label(ui, engine, &tr!("review-gold-file"));
                    BidiField::new(&mut opener.gold, egui::Id::unique("taliq-review-gold"))
                        .hint(&tr!("review-gold-hint"))
                        .desired_width(260.0)
                        .show(ui, engine)
                        .labelled_by(caption.id);
                    if interface::button(ui, engine, &tr!("review-choose")).clicked() {
                        asked = Some(FilePurpose::ReviewGold);
                    }
                });
                let ready = opener.files.len() >= 2 && !opener.gold.trim().is_empty();
                start =
                    interface::button_enabled(ui, engine, ready, &tr!("review-start")).clicked();
            });
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
