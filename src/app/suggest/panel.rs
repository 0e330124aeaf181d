//! The suggestions' sections of the side panel: on or off, accept-all with its threshold;
//! the models (matcher forms, the tagger: when trained, on what, training progress); the
//! tagger's quality (cross-validated P/R/F1 per label, a learning curve).

use egui_plot::{Line, Plot, Points};

use super::worker::MIN_SENTENCES;
use crate::app::AppState;
use crate::app::state::file_request::FilePurpose;
use crate::app::widgets::section;
use crate::suggest::tagger::Scheme;

/// Draws the panel's sections, each folding: the suggestions (on or off, what is offered,
/// accept-all), the tagger (models, training) and the tagger's quality.
pub fn show(ui: &mut egui::Ui, state: &mut AppState) {
    section(ui, "Suggestions", |ui| suggestions(ui, state));
    ui.separator();
    if state.review.is_some() || !state.prefs.suggest.enabled {
        return;
    }
    section(ui, "Tagger", |ui| models(ui, state));
    ui.separator();
    if state.suggest.quality.is_some() || state.suggest.model.is_some() {
        section(ui, "Tagger quality", |ui| quality(ui, state));
        ui.separator();
    }
}

/// The first section: on or off, what is offered and accept-all, the order of documents.
fn suggestions(ui: &mut egui::Ui, state: &mut AppState) {
    if state.review.is_some() {
        ui.label("The review mode ignores suggestions.");
        return;
    }
    if ui
        .checkbox(&mut state.prefs.suggest.enabled, "show suggestions")
        .changed()
    {
        state.refresh_suggestions();
    }
    if !state.prefs.suggest.enabled {
        return;
    }
    decisions(ui, state);
    ui.checkbox(
        &mut state.prefs.suggest.order_by_uncertainty,
        "Ctrl+Enter opens the document the tagger is least sure of",
    );
}

/// How many are offered, the picked one, and accept-all with its threshold.
fn decisions(ui: &mut egui::Ui, state: &mut AppState) {
    let offered = state.suggest.offered.len();
    ui.label(format!(
        "{offered} offered in this document (Tab / Shift+Tab go through them)"
    ));
    if let Some(p) = state.pick.as_suggestion() {
        ui.label(format!(
            "picked: {} {:.2} ({}) — Enter accepts, Delete rejects",
            p.label, p.score, p.source
        ));
    }
    ui.horizontal_wrapped(|ui| {
        let caption = ui.label("threshold");
        ui.add(egui::Slider::new(&mut state.prefs.suggest.threshold, 0.0..=1.0).fixed_decimals(2))
            .labelled_by(caption.id);
    });
    let above = state.suggest.above_threshold(state.prefs.suggest.threshold);
    if ui
        .add_enabled(
            above > 0,
            egui::Button::new(format!("accept {above} at or above it")),
        )
        .on_hover_text("one undo step (Ctrl+Shift+A)")
        .clicked()
    {
        state.accept_suggestions_above_threshold();
    }
}

/// The matcher and the tagger: what they know, when trained, training progress.
fn models(ui: &mut egui::Ui, state: &mut AppState) {
    ui.label(format!(
        "matcher: {} forms learned from spans",
        state.suggest.matcher_forms
    ));
    match &state.suggest.model {
        Some(model) => {
            let s = model.tagger.summary();
            let ago = model.when.elapsed().map_or(0, |d| d.as_secs());
            let ago = if ago < 60 {
                format!("{ago} s ago")
            } else {
                format!("{} min ago", ago / 60)
            };
            let how = match (model.seconds, &model.file) {
                (Some(seconds), _) => format!("trained {ago} in {seconds:.1} s"),
                (None, Some(file)) => format!(
                    "loaded {ago} from {}",
                    file.file_name().map_or_else(
                        || file.display().to_string(),
                        |n| n.to_string_lossy().into_owned()
                    )
                ),
                (None, None) => format!("loaded {ago}"),
            };
            ui.label(format!(
                "tagger (CRF): {how}, on {} spans of {}",
                s.spans,
                super::documents(s.documents)
            ));
            // Learned from the text of every document, labelled or not.
            ui.label(format!(
                "word clusters: {} words",
                model.tagger.clusters().len()
            ));
        }
        None => {
            ui.label("tagger: not trained yet");
        }
    }
    files(ui, state);
    let mut cancel = false;
    if let Some(training) = &state.suggest.training {
        let p = training.progress();
        ui.add(egui::ProgressBar::new(p.fraction).text(format!(
            "training: {} {:.0} %",
            p.stage,
            p.fraction * 100.0
        )));
        cancel = ui.button("cancel training").clicked();
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_millis(100));
    } else if ui.button("train now").clicked() {
        state.train_tagger();
    }
    if cancel {
        state.suggest.training = None;
        state.say("training cancelled");
    }
    ui.horizontal_wrapped(|ui| {
        let caption = ui.label("train again after");
        ui.add(egui::DragValue::new(&mut state.prefs.suggest.retrain_after).range(1..=10_000))
            .labelled_by(caption.id);
        ui.label("new spans");
    });
}

/// Loading and saving the model, adding gazetteers (a file dialog each).
fn files(ui: &mut egui::Ui, state: &mut AppState) {
    ui.horizontal_wrapped(|ui| {
        if ui.button("load model…").clicked() {
            state.ask_for_file(FilePurpose::LoadModel);
        }
        if ui
            .add_enabled(
                state.suggest.model.is_some(),
                egui::Button::new("save model…"),
            )
            .clicked()
        {
            state.ask_for_file(FilePurpose::SaveModel);
        }
        if ui.button("add gazetteer…").clicked() {
            state.ask_for_file(FilePurpose::AddGazetteer);
        }
    });
    for g in &state.suggest.gazetteers {
        let name = g.path.file_name().map_or_else(
            || g.path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        ui.label(format!("gazetteer {name}: {} names", g.entries.len()));
    }
}

/// Cross-validated figures per label and the learning curve.
fn quality(ui: &mut egui::Ui, state: &AppState) {
    let Some(q) = &state.suggest.quality else {
        if state.suggest.model.is_some() {
            ui.label("quality: being measured…");
        }
        return;
    };
    if q.folds == 0 {
        ui.label(format!(
            "quality: too few labelled sentences to cross-validate ({MIN_SENTENCES} or more)"
        ));
        return;
    }
    ui.label(format!(
        "quality: {}-fold CV, {}",
        q.folds,
        q.scheme.short()
    ))
    .on_hover_text(
        "Exact match (start, end and label). Each fold is scored by a tagger trained on \
             the others; folds are runs of whole documents in corpus order (of sentences when \
             there are fewer documents than folds), so the names an article repeats are never \
             on both sides.",
    );
    egui::Grid::new("suggest_quality")
        .striped(true)
        .show(ui, |ui| {
            for head in ["label", "P", "R", "F1"] {
                ui.strong(head);
            }
            ui.end_row();
            let rows = q
                .scores
                .labels
                .iter()
                .map(|(label, counts)| (label.clone(), counts.prf()))
                .chain(std::iter::once(("micro".to_owned(), q.scores.micro())));
            for (label, prf) in rows {
                ui.label(label);
                for x in [prf.precision, prf.recall, prf.f1] {
                    ui.label(format!("{x:.2}"));
                }
                ui.end_row();
            }
        });
    if q.curve.is_empty() {
        return;
    }
    let unit = match q.scheme {
        Scheme::Documents => "documents",
        Scheme::SentenceBlocks => "sentences",
    };
    ui.label(format!("learning curve: F1 against labelled {unit}"));
    Plot::new("learning_curve")
        .height(120.0)
        .include_x(0.0)
        .include_y(0.0)
        .include_y(1.0)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .x_axis_label(unit)
        .y_axis_label("F1")
        .show(ui, |plot| {
            plot.line(Line::new("F1", q.curve.clone()));
            plot.points(Points::new("measured", q.curve.clone()).radius(3.0));
        });
}
