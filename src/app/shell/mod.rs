//! The window's frame around the features: where each panel, bar and window goes, and the
//! parts that belong to no feature (menu bar, file row, status bar, document list, banners,
//! dialogs, reading options, export).

pub mod banners;
pub mod dialogs;
pub mod document;
pub mod document_list;
pub mod export_dialog;
pub mod file_row;
pub mod menu_bar;
pub mod reading;
pub mod side_panel;
pub mod status_bar;
pub mod window;

use crate::app::i18n;
use crate::app::input::commands::Command;
use crate::app::state::dialogs::Dialog;
use crate::app::widgets::interface::mirrored;
use crate::app::{TaliqApp, annotate, labels, project, review, welcome};
use document::{document, view_for};

/// Draws the whole window: the bars and panels around the document, the document, and the
/// windows over it. Returns the command chosen in the menus, which the frame runs.
pub fn show(ui: &mut egui::Ui, app: &mut TaliqApp) -> Option<Command> {
    let chosen = bars(ui, app);
    side_panels(ui, app);
    if let (Some(offset), Some(view)) = (
        app.state.search.reveal.take(),
        view_for(&mut app.document_view, &app.state, &app.reading),
    ) {
        view.reveal_offset(&mut app.engine.font_system, offset);
    }
    egui::CentralPanel::default().show(ui, |ui| {
        if welcome::is_shown(&app.state) {
            welcome::show(ui, &mut app.panel_context());
        } else {
            document(ui, app);
        }
    });
    let ctx = ui.ctx().clone();
    windows(&ctx, app);
    chosen
}

/// The bars above and below the document: menus, banners, the name row, the label
/// palette, the find bar, the status bar. Returns the command chosen in the menus.
fn bars(ui: &mut egui::Ui, app: &mut TaliqApp) -> Option<Command> {
    let chosen = egui::Panel::top("menu")
        .show(ui, |ui| menu_bar::menu_bar(ui, app))
        .inner;
    banners::show(ui, &mut app.state, &mut app.engine);
    if file_row::needs_name(&app.state) {
        // Every file action lives in the File menu; the row only asks who is annotating.
        egui::Panel::top("file").show(ui, |ui| {
            mirrored(ui, |ui| {
                file_row::name_row(ui, &mut app.state, &mut app.name_field, &mut app.engine);
            });
        });
    }
    // The bars take the height of what they hold (egui's panels are resizable by default,
    // and a resizable bar keeps its first height when its contents grow).
    egui::Panel::top("labels").resizable(false).show(ui, |ui| {
        mirrored(ui, |ui| {
            annotate::palette::label_palette(ui, &mut app.state, &mut app.engine);
        });
    });
    if app.state.search.open {
        egui::Panel::top("search").resizable(false).show(ui, |ui| {
            mirrored(ui, |ui| {
                annotate::search_bar::show(ui, &mut app.state, &mut app.engine);
            });
        });
    }
    egui::Panel::bottom("status_bar")
        .resizable(false)
        .show(ui, |ui| {
            mirrored(ui, |ui| {
                if let Some(mode) = &app.state.project {
                    project::status_line(ui, mode, &app.state, &mut app.engine);
                }
                status_bar::status_bar(ui, &app.state, &mut app.engine);
            });
        });
    chosen
}

/// The document list (left; right in a right-to-left interface) and the side panel (right;
/// left in a right-to-left interface): the review's in the review mode.
fn side_panels(ui: &mut egui::Ui, app: &mut TaliqApp) {
    let rtl = i18n::is_rtl();
    // The panels' ids name their side, so that egui does not carry a width or a position
    // across when the interface turns around.
    let start = |id: &'static str| {
        if rtl {
            egui::Panel::right(id)
        } else {
            egui::Panel::left(id)
        }
    };
    let end = |id: &'static str| {
        if rtl {
            egui::Panel::left(id)
        } else {
            egui::Panel::right(id)
        }
    };
    if app.panels.documents {
        start(if rtl { "documents_rtl" } else { "documents" })
            .resizable(true)
            .default_size(240.0)
            .show(ui, |ui| {
                mirrored(ui, |ui| document_list::document_list(ui, app));
            });
    }
    if app.panels.side && app.state.review.is_some() {
        end(if rtl { "review_rtl" } else { "review" })
            .resizable(true)
            .default_size(340.0)
            .show(ui, |ui| {
                mirrored(ui, |ui| review::panel::panel(ui, &mut app.panel_context()));
            });
    } else if app.panels.side {
        end(if rtl { "spans_rtl" } else { "spans" })
            .resizable(true)
            .default_size(260.0)
            .show(ui, |ui| mirrored(ui, |ui| side_panel::show(ui, app)));
    }
}

/// The windows over the document, each while it is open.
fn windows(ctx: &egui::Context, app: &mut TaliqApp) {
    if app.state.dialogs.is_open(Dialog::Shortcuts) {
        let corpus = &app.state.corpus;
        dialogs::help_overlay(
            ctx,
            &mut app.state.dialogs,
            &corpus.labels,
            &corpus.relation_labels,
            &mut app.engine,
        );
    }
    if app.state.dialogs.is_open(Dialog::Export) {
        let open = app.export.show(ctx, &app.state.corpus, &mut app.engine);
        app.state.dialogs.set(Dialog::Export, open);
    }
    if app.state.dialogs.is_open(Dialog::StartReview) {
        review::opener::opener(ctx, &mut app.panel_context());
    }
    if app.state.review.is_some() && app.state.dialogs.is_open(Dialog::Agreement) {
        review::agreement::agreement_window(ctx, &mut app.panel_context());
    }
    if app.state.dialogs.is_open(Dialog::MarkReviewed) {
        review::mark_question::mark_reviewed_question(ctx, &mut app.panel_context());
    }
    if app.state.dialogs.is_open(Dialog::About) {
        dialogs::about_window(ctx, &mut app.state.dialogs, &mut app.engine);
    }
    if let Some(mode) = &app.state.project {
        if mode.syncing() {
            // The worker's answer arrives without an input event to wake the window.
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        app.state.poll_sync();
        project::chooser(ctx, &mut app.panel_context());
        project::guidelines_window(ctx, &mut app.panel_context());
        project::overview::overview_window(ctx, &mut app.panel_context());
    }
    if app.state.problems.is_some() {
        dialogs::problems_window(ctx, &mut app.state, &mut app.engine);
    }
    if app.state.dialogs.is_open(Dialog::Labels) && app.state.label_drafts.is_some() {
        labels::editor::show(ctx, &mut app.state, &mut app.engine);
    }
    if app.state.dialogs.is_open(Dialog::ReadingOptions) {
        reading::show(ctx, app);
    }
}
