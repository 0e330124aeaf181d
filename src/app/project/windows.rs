//! The project's windows: who are you, the guidelines, the project's line in the status bar.

use super::ProjectMode;
use crate::app::i18n::tr;
use crate::app::state::context::PanelContext;
use crate::app::state::dialogs::Dialog;
use crate::app::widgets::interface::{self, mirrored};
use crate::app::widgets::{embedded, engine_label, text_block};
use crate::project::guidelines::BlockKind;

/// The "who are you" window of a project opened without a remembered annotator.
pub fn chooser(ctx: &egui::Context, cx: &mut PanelContext<'_>) {
    let Some(mode) = &cx.state.project else {
        return;
    };
    if mode.annotator.is_some() {
        return;
    }
    let names = mode.config.annotators.clone();
    let title = tr!("project-chooser-title", name = embedded(&mode.config.name));
    let mut chosen = None;
    let engine = &mut *cx.engine;
    interface::window("project-chooser")
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            // A width of its own: the window sizes itself to what it holds, and lines
            // aligned to the right need a right edge.
            ui.set_width(480.0);
            mirrored(ui, |ui| {
                // No close button: a project is entered as one of its annotators.
                interface::heading(ui, engine, &title);
                ui.separator();
                interface::label(ui, engine, &tr!("project-who-are-you"));
                ui.horizontal_wrapped(|ui| {
                    for name in &names {
                        if interface::button(ui, engine, name).clicked() {
                            chosen = Some(name.clone());
                        }
                    }
                });
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
    interface::window("guidelines")
        .pivot(egui::Align2::CENTER_TOP)
        .default_pos(top_centre)
        .default_width(520.0)
        .default_height(480.0)
        .show(ctx, |ui| {
            mirrored(ui, |ui| {
                interface::title_bar(ui, engine, &tr!("project-guidelines-title"), &mut open);
            });
            crate::app::widgets::scrolling_list("guidelines").show(ui, |ui| {
                crate::app::widgets::keep_clear_of_scroll_bar(ui);
                mirrored(ui, |ui| {
                    let width = ui.available_width();
                    let color = ui.visuals().text_color();
                    if mode.guidelines.is_empty() {
                        interface::label(ui, engine, &tr!("project-no-guidelines"));
                    }
                    for block in &mode.guidelines {
                        let (size, text, emphasis) = match block.kind {
                            BlockKind::Heading(1) => {
                                (22.0, block.text.clone(), block.emphasis.clone())
                            }
                            BlockKind::Heading(_) => {
                                (18.0, block.text.clone(), block.emphasis.clone())
                            }
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
                            BlockKind::Paragraph => {
                                (15.0, block.text.clone(), block.emphasis.clone())
                            }
                        };
                        if matches!(block.kind, BlockKind::Heading(_)) {
                            ui.add_space(6.0);
                        }
                        text_block(ui, engine, &text, &emphasis, size, width, color);
                    }
                    ui.separator();
                    interface::heading(ui, engine, &tr!("project-labels"));
                    for label in &mode.config.labels {
                        ui.horizontal(|ui| {
                            let [r, g, b] = label.color.0;
                            let color = egui::Color32::from_rgb(r, g, b);
                            interface::colored_label(ui, engine, &label.name, color);
                            if let Some(description) = &label.description {
                                engine_label(ui, engine, description);
                            }
                        });
                    }
                    declared_links(ui, engine, &mode.config);
                });
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
    let mut parts = vec![tr!(
        "project-status-name",
        name = embedded(&mode.config.name)
    )];
    if let Some(name) = &mode.annotator {
        let done = state
            .corpus
            .documents
            .iter()
            .filter(|d| d.status >= crate::model::Status::Done)
            .count();
        parts.push(tr!("project-status-you", name = embedded(name)));
        parts.push(tr!(
            "project-status-done",
            done = done,
            total = state.corpus.documents.len()
        ));
    }
    if mode.syncing() {
        parts.push(tr!("project-syncing"));
    } else if let Some(sync) = &mode.sync_state {
        parts.push(super::sync_text::state_text(
            sync,
            std::time::SystemTime::now(),
        ));
    }
    let line = parts.join(" · ");
    engine_label(ui, engine, &line);
}

/// The project's relation types ("met: PER → PER") and document labels ("topic: politics,
/// economy") under the guidelines' labels; names may be Arabic, so the engine draws them.
fn declared_links(
    ui: &mut egui::Ui,
    engine: &mut crate::app::widgets::TextEngine,
    config: &crate::project::ProjectConfig,
) {
    let any = |names: &[String]| {
        if names.is_empty() {
            tr!("project-any")
        } else {
            names
                .iter()
                .map(|n| embedded(n))
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    if !config.relation_labels.is_empty() {
        interface::heading(ui, engine, &tr!("project-relations"));
        for kind in &config.relation_labels {
            let line = tr!(
                "project-relation-kind",
                name = embedded(&kind.name),
                from = any(&kind.from),
                to = any(&kind.to)
            );
            engine_label(ui, engine, &line);
        }
    }
    if !config.document_labels.is_empty() {
        interface::heading(ui, engine, &tr!("project-document-labels"));
        for label in &config.document_labels {
            let (name, values) = (embedded(&label.name), any(&label.values));
            let line = if label.multiple {
                tr!("project-document-label-many", name = name, values = values)
            } else {
                tr!("project-document-label-one", name = name, values = values)
            };
            engine_label(ui, engine, &line);
        }
    }
}
