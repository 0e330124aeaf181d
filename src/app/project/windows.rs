//! The project's windows: who are you, the guidelines, the project's line in the status bar.

use super::ProjectMode;
use crate::app::state::context::PanelContext;
use crate::app::state::dialogs::Dialog;
use crate::app::widgets::{engine_label, text_block};
use crate::project::guidelines::BlockKind;
use std::fmt::Write as _;

/// The "who are you" window of a project opened without a remembered annotator.
pub fn chooser(ctx: &egui::Context, cx: &mut PanelContext<'_>) {
    let Some(mode) = &cx.state.project else {
        return;
    };
    if mode.annotator.is_some() {
        return;
    }
    let names = mode.config.annotators.clone();
    let title = format!("Project {}", mode.config.name);
    let mut chosen = None;
    egui::Window::new(title)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            ui.label("Who are you? Your documents open; your choice is remembered.");
            ui.horizontal_wrapped(|ui| {
                for name in &names {
                    if ui.button(name).clicked() {
                        chosen = Some(name.clone());
                    }
                }
            });
        });
    if let Some(name) = chosen
        && let Err(e) = cx.state.join_project(&name)
    {
        cx.state.say(e);
    }
}

/// View → Guidelines: the project's guidelines and each label's description, drawn by the
/// text engine (Arabic paragraphs right to left, emphasis stronger).
pub fn guidelines_window(ctx: &egui::Context, cx: &mut PanelContext<'_>) {
    if !cx.state.dialogs.is_open(Dialog::Guidelines) {
        return;
    }
    let Some(mode) = cx.state.project.as_mut() else {
        return;
    };
    let mut open = true;
    let engine = &mut *cx.engine;
    // Below the menu and tool rows, centred, rather than over them at the top left.
    let top_centre = egui::pos2(ctx.content_rect().center().x, 90.0);
    egui::Window::new("Guidelines")
        .open(&mut open)
        .pivot(egui::Align2::CENTER_TOP)
        .default_pos(top_centre)
        .default_width(520.0)
        .default_height(480.0)
        .show(ctx, |ui| {
            crate::app::widgets::scrolling_list("guidelines").show(ui, |ui| {
                crate::app::widgets::keep_clear_of_scroll_bar(ui);
                let width = ui.available_width();
                let color = ui.visuals().text_color();
                if mode.guidelines.is_empty() {
                    ui.label("This project has no guidelines.md yet.");
                }
                for block in &mode.guidelines {
                    let (size, text, emphasis) = match block.kind {
                        BlockKind::Heading(1) => (22.0, block.text.clone(), block.emphasis.clone()),
                        BlockKind::Heading(_) => (18.0, block.text.clone(), block.emphasis.clone()),
                        // The bullet and its space come first: the stretches move by two.
                        BlockKind::Item => (
                            15.0,
                            format!("• {}", block.text),
                            block
                                .emphasis
                                .iter()
                                .map(|r| r.start + 2..r.end + 2)
                                .collect(),
                        ),
                        BlockKind::Paragraph => (15.0, block.text.clone(), block.emphasis.clone()),
                    };
                    if matches!(block.kind, BlockKind::Heading(_)) {
                        ui.add_space(6.0);
                    }
                    text_block(ui, engine, &text, &emphasis, size, width, color);
                }
                ui.separator();
                ui.strong("Labels");
                for label in &mode.config.labels {
                    ui.horizontal(|ui| {
                        let [r, g, b] = label.color.0;
                        ui.colored_label(egui::Color32::from_rgb(r, g, b), &label.name);
                        if let Some(description) = &label.description {
                            engine_label(ui, engine, description);
                        }
                    });
                }
                declared_links(ui, engine, &mode.config);
            });
        });
    cx.state.dialogs.set(Dialog::Guidelines, open);
}

/// The status bar's project line: the project, who you are, your progress (as in the
/// window) and where the clone stands against its remote.
pub fn status_line(
    ui: &mut egui::Ui,
    mode: &ProjectMode,
    state: &crate::app::AppState,
    engine: &mut crate::app::widgets::TextEngine,
) {
    let mut line = format!("project {}", mode.config.name);
    if let Some(name) = &mode.annotator {
        let done = state
            .corpus
            .documents
            .iter()
            .filter(|d| d.status >= crate::model::Status::Done)
            .count();
        let _ = write!(
            line,
            " · you: {} · {done} of {} done",
            crate::app::widgets::embedded(name),
            state.corpus.documents.len()
        );
    }
    if mode.syncing() {
        line.push_str(" · syncing…");
    } else if let Some(sync) = &mode.sync_state {
        line.push_str(" · ");
        line.push_str(&sync.describe(std::time::SystemTime::now()));
    }
    engine_label(ui, engine, &line);
}

/// The project's relation types ("met: PER → PER") and document labels ("topic: politics,
/// economy") under the guidelines' labels; names may be Arabic, so the engine draws them.
fn declared_links(
    ui: &mut egui::Ui,
    engine: &mut crate::app::widgets::TextEngine,
    config: &crate::project::ProjectConfig,
) {
    use crate::app::widgets::embedded;
    let any = |names: &[String]| {
        if names.is_empty() {
            "any".to_owned()
        } else {
            names
                .iter()
                .map(|n| embedded(n))
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    if !config.relation_labels.is_empty() {
        ui.strong("Relations");
        for kind in &config.relation_labels {
            let line = format!(
                "{}: {} → {}",
                embedded(&kind.name),
                any(&kind.from),
                any(&kind.to)
            );
            engine_label(ui, engine, &line);
        }
    }
    if !config.document_labels.is_empty() {
        ui.strong("Document labels");
        for label in &config.document_labels {
            let how = if label.multiple {
                "one or more of"
            } else {
                "one of"
            };
            let line = format!("{}: {how} {}", embedded(&label.name), any(&label.values));
            engine_label(ui, engine, &line);
        }
    }
}
