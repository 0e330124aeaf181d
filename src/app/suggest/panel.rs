//! The suggestions' sections of the side panel: on or off, accept-all with its threshold;
//! the models (matcher forms, the tagger: when trained, on what, training progress); the
//! tagger's quality (cross-validated P/R/F1 per label, a learning curve).

use egui_plot::{Line, Plot, Points};

use super::worker::MIN_SENTENCES;
use crate::app::AppState;
use crate::app::i18n::{self, Arg, tr};
use crate::app::state::file_request::FilePurpose;
use crate::app::widgets::interface;
use crate::app::widgets::{TextEngine, numbers, section_heading, text_tooltip};
use crate::suggest::tagger::Scheme;

/// Draws the panel's sections, each folding: the suggestions (on or off, what is offered,
/// accept-all), the tagger (models, training) and the tagger's quality.
pub fn show(ui: &mut egui::Ui, state: &mut AppState, engine: &mut TextEngine) {
    if section_heading(
        ui,
        engine,
        "Suggestions",
        &tr!("suggest-section-suggestions"),
    ) {
        suggestions(ui, state, engine);
    }
    ui.separator();
    if state.review.is_some() || !state.prefs.suggest.enabled {
        return;
    }
    if section_heading(ui, engine, "Tagger", &tr!("suggest-section-tagger")) {
        models(ui, state, engine);
    }
    ui.separator();
    if state.suggest.quality.is_some() || state.suggest.model.is_some() {
        if section_heading(
            ui,
            engine,
            "Tagger quality",
            &tr!("suggest-section-quality"),
        ) {
            quality(ui, state, engine);
        }
        ui.separator();
    }
}

/// The first section: on or off, what is offered and accept-all, the order of documents.
fn suggestions(ui: &mut egui::Ui, state: &mut AppState, engine: &mut TextEngine) {
    if state.review.is_some() {
        interface::label(ui, engine, &tr!("suggest-review-ignores"));
        return;
    }
    if interface::checkbox(
        ui,
        engine,
        &mut state.prefs.suggest.enabled,
        &tr!("suggest-show"),
    )
    .changed()
    {
        state.refresh_suggestions();
    }
    if !state.prefs.suggest.enabled {
        return;
    }
    decisions(ui, state, engine);
    let order = interface::checkbox(
        ui,
        engine,
        &mut state.prefs.suggest.order_by_uncertainty,
        &tr!("suggest-order-by-uncertainty"),
    );
    text_tooltip(order, engine, &tr!("suggest-order-by-uncertainty-hint"));
}

/// How many are offered, the picked one, and accept-all with its threshold.
fn decisions(ui: &mut egui::Ui, state: &mut AppState, engine: &mut TextEngine) {
    let offered = state.suggest.offered.len();
    interface::label(ui, engine, &tr!("suggest-offered", count = offered));
    if let Some(p) = state.pick.as_suggestion() {
        let line = i18n::text(
            "suggest-picked",
            &[
                ("label", Arg::from(p.label.as_str())),
                (
                    "score",
                    Arg::Decimal {
                        value: f64::from(p.score),
                        places: 2,
                    },
                ),
                ("source", Arg::from(p.source.as_str())),
            ],
        );
        interface::label(ui, engine, &line);
    }
    ui.horizontal_wrapped(|ui| {
        let name = tr!("suggest-threshold");
        let caption = interface::label(ui, engine, &name);
        let threshold = &mut state.prefs.suggest.threshold;
        numbers::slider(ui, engine, &name, threshold, (0.0..=1.0, 2)).labelled_by(caption.id);
    });
    let above = state.suggest.above_threshold(state.prefs.suggest.threshold);
    let button = interface::button_enabled(
        ui,
        engine,
        above > 0,
        &tr!("suggest-accept-above", count = above),
    );
    if text_tooltip(button, engine, &tr!("suggest-accept-above-hint")).clicked() {
        state.accept_suggestions_above_threshold();
    }
}

/// What the training is doing, in the window's language (the worker names its stages).
fn stage_text(stage: &str) -> String {
    match stage {
        "starting" => tr!("suggest-stage-starting"),
        "word clusters" => tr!("suggest-stage-word-clusters"),
        "features" => tr!("suggest-stage-features"),
        "training" => tr!("suggest-stage-training"),
        "cross-validating" => tr!("suggest-stage-cross-validating"),
        "learning curve" => tr!("suggest-stage-learning-curve"),
        "done" => tr!("suggest-stage-done"),
        other => other.to_owned(),
    }
}

/// The matcher and the tagger: what they know, when trained, training progress.
fn models(ui: &mut egui::Ui, state: &mut AppState, engine: &mut TextEngine) {
    let forms = state.suggest.matcher_forms;
    interface::label(ui, engine, &tr!("suggest-matcher", forms = forms));
    match &state.suggest.model {
        Some(model) => {
            let s = model.tagger.summary();
            let ago = model.when.elapsed().map_or(0, |d| d.as_secs());
            let ago = if ago < 60 {
                tr!("suggest-seconds-ago", seconds = ago)
            } else {
                tr!("suggest-minutes-ago", minutes = ago / 60)
            };
            let how = match (model.seconds, &model.file) {
                (Some(seconds), _) => i18n::text(
                    "suggest-trained",
                    &[
                        ("ago", Arg::from(ago)),
                        (
                            "seconds",
                            Arg::Decimal {
                                value: seconds,
                                places: 1,
                            },
                        ),
                    ],
                ),
                (None, Some(file)) => tr!(
                    "suggest-loaded-from",
                    ago = ago,
                    file = file.file_name().map_or_else(
                        || file.display().to_string(),
                        |n| n.to_string_lossy().into_owned()
                    )
                ),
                (None, None) => tr!("suggest-loaded", ago = ago),
            };
            let line = tr!(
                "suggest-tagger",
                how = how,
                spans = s.spans,
                documents = s.documents
            );
            interface::label(ui, engine, &line);
            // Learned from the text of every document, labelled or not.
            let words = model.tagger.clusters().len();
            interface::label(ui, engine, &tr!("suggest-word-clusters", words = words));
        }
        None => {
            interface::label(ui, engine, &tr!("suggest-not-trained"));
        }
    }
    files(ui, state, engine);
    let mut cancel = false;
    if let Some(training) = &state.suggest.training {
        let p = training.progress();
        ui.add(egui::ProgressBar::new(p.fraction));
        // egui's progress bar writes its text without bidi: the engine writes it below.
        let line = tr!(
            "suggest-training-progress",
            stage = stage_text(p.stage),
            percent = (p.fraction * 100.0).round()
        );
        interface::label(ui, engine, &line);
        cancel = interface::button(ui, engine, &tr!("suggest-cancel-training")).clicked();
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_millis(100));
    } else if interface::button(ui, engine, &tr!("suggest-train-now")).clicked() {
        state.train_tagger();
    }
    if cancel {
        state.suggest.training = None;
        state.say(tr!("suggest-training-cancelled"));
    }
    ui.horizontal_wrapped(|ui| {
        let name = tr!("suggest-retrain-after");
        let caption = interface::label(ui, engine, &name);
        let after = state.prefs.suggest.retrain_after as f64;
        let (field, typed) =
            numbers::number_field(ui, engine, &name, after, (1.0..=10_000.0, 0), 56.0);
        field.labelled_by(caption.id);
        if let Some(typed) = typed {
            #[expect(
                clippy::cast_sign_loss,
                clippy::cast_possible_truncation,
                reason = "the field keeps it in 1 to 10 000"
            )]
            let after = typed.round() as usize;
            state.prefs.suggest.retrain_after = after;
        }
        interface::label(ui, engine, &tr!("suggest-new-spans"));
    });
}

/// Loading and saving the model, adding gazetteers (a file dialog each).
fn files(ui: &mut egui::Ui, state: &mut AppState, engine: &mut TextEngine) {
    ui.horizontal_wrapped(|ui| {
        if interface::button(ui, engine, &tr!("suggest-load-model")).clicked() {
            state.ask_for_file(FilePurpose::LoadModel);
        }
        let has_model = state.suggest.model.is_some();
        if interface::button_enabled(ui, engine, has_model, &tr!("suggest-save-model")).clicked() {
            state.ask_for_file(FilePurpose::SaveModel);
        }
        if interface::button(ui, engine, &tr!("suggest-add-gazetteer")).clicked() {
            state.ask_for_file(FilePurpose::AddGazetteer);
        }
    });
    for g in &state.suggest.gazetteers {
        let name = g.path.file_name().map_or_else(
            || g.path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let line = tr!("suggest-gazetteer", name = name, names = g.entries.len());
        interface::label(ui, engine, &line);
    }
}

/// Cross-validated figures per label and the learning curve.
fn quality(ui: &mut egui::Ui, state: &AppState, engine: &mut TextEngine) {
    let Some(q) = &state.suggest.quality else {
        if state.suggest.model.is_some() {
            interface::label(ui, engine, &tr!("suggest-quality-measuring"));
        }
        return;
    };
    if q.folds == 0 {
        let line = tr!("suggest-quality-too-few", sentences = MIN_SENTENCES);
        interface::label(ui, engine, &line);
        return;
    }
    let scheme = match q.scheme {
        Scheme::Documents => tr!("suggest-scheme-documents"),
        Scheme::SentenceBlocks => tr!("suggest-scheme-sentence-blocks"),
    };
    let heading = interface::label(
        ui,
        engine,
        &tr!("suggest-quality", folds = q.folds, scheme = scheme),
    );
    text_tooltip(heading, engine, &tr!("suggest-quality-hint"));
    beside_the_start(ui, "suggest_quality_width", |ui| {
        quality_table(ui, engine, q);
    });
    if q.curve.is_empty() {
        return;
    }
    let unit = match q.scheme {
        Scheme::Documents => tr!("suggest-curve-documents"),
        Scheme::SentenceBlocks => tr!("suggest-curve-sentences"),
    };
    // The axes' names through the engine, above the chart (egui_plot's have no bidi); the
    // axes keep their numbers, in the digits in force.
    interface::label(ui, engine, &unit);
    Plot::new("learning_curve")
        .height(120.0)
        .include_x(0.0)
        .include_y(0.0)
        .include_y(1.0)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .x_axis_formatter(numbers::tick)
        .y_axis_formatter(numbers::tick)
        .label_formatter(numbers::point_value("F1"))
        .show(ui, |plot| {
            plot.line(Line::new("F1", q.curve.clone()));
            plot.points(Points::new("F1", q.curve.clone()).radius(3.0));
        });
}

/// Runs `add` (a grid) in a left-aligned column of its own, as wide as it was the frame
/// before (kept under `key`) and placed at the leading edge: egui's grid measures its cells
/// badly in a right-aligned layout, where the side panel grew without end in Arabic and a
/// row then panicked on its infinite width.
fn beside_the_start(ui: &mut egui::Ui, key: &str, add: impl FnOnce(&mut egui::Ui)) {
    let id = ui.make_persistent_id(key);
    let width = ui
        .data(|d| d.get_temp::<f32>(id))
        .unwrap_or_else(|| ui.available_width())
        .min(ui.available_width());
    let layout = egui::Layout::top_down(egui::Align::Min);
    let shown = ui.allocate_ui_with_layout(egui::vec2(width, 0.0), layout, add);
    ui.data_mut(|d| d.insert_temp(id, shown.response.rect.width()));
}

/// Precision, recall and F1 per label and overall (micro), the label column at the
/// leading edge (a grid does not mirror itself: its columns are reversed in Arabic).
fn quality_table(ui: &mut egui::Ui, engine: &mut TextEngine, q: &super::Quality) {
    let rtl = i18n::is_rtl();
    let ordered = |mut cells: Vec<String>| {
        if rtl {
            cells.reverse();
        }
        cells
    };
    egui::Grid::new("suggest_quality")
        .striped(true)
        .show(ui, |ui| {
            let head = ordered(vec![
                tr!("suggest-column-label"),
                "P".to_owned(),
                "R".to_owned(),
                "F1".to_owned(),
            ]);
            for cell in head {
                interface::label(ui, engine, &cell);
            }
            ui.end_row();
            let rows = q
                .scores
                .labels
                .iter()
                .map(|(label, counts)| (label.clone(), counts.prf()))
                .chain(std::iter::once((tr!("suggest-micro"), q.scores.micro())));
            for (label, prf) in rows {
                let mut cells = vec![label];
                cells.extend([prf.precision, prf.recall, prf.f1].map(|x| i18n::decimal(x, 2)));
                for cell in ordered(cells) {
                    interface::label(ui, engine, &cell);
                }
                ui.end_row();
            }
        });
}
