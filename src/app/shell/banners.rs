//! The notices above the document that ask the user to decide: a file changed on disk, unsaved
//! work found from an earlier session, a file another window holds.

use crate::app::AppState;
use crate::app::i18n::tr;
use crate::app::widgets::TextEngine;
use crate::app::widgets::interface::{self, mirrored};

/// Shows every notice that applies, each in a panel across the top of the window.
pub fn show(ui: &mut egui::Ui, state: &mut AppState, engine: &mut TextEngine) {
    if state.is_read_only() {
        egui::Panel::top("read-only")
            .show(ui, |ui| mirrored(ui, |ui| lock_banner(ui, state, engine)));
    }
    if state.save_conflict {
        egui::Panel::top("conflict").show(ui, |ui| {
            mirrored(ui, |ui| conflict_banner(ui, state, engine));
        });
    }
    if state.recovery.is_some() {
        egui::Panel::top("recovery").show(ui, |ui| {
            mirrored(ui, |ui| recovery_banner(ui, state, engine));
        });
    }
}

/// The file is open read-only: who holds it since when, and the ways out.
fn lock_banner(ui: &mut egui::Ui, state: &mut AppState, engine: &mut TextEngine) {
    let Some(holder) = state.lock_holder() else {
        return;
    };
    let holder_said = crate::app::i18n::errors::lock_holder(holder);
    let mut notice = tr!("banner-read-only", holder = holder_said);
    if holder.is_old() {
        notice.push(' ');
        notice.push_str(&tr!("banner-read-only-old-lock"));
    }
    let warning = ui.visuals().warn_fg_color;
    interface::colored_label(ui, engine, &notice, warning);
    ui.horizontal_wrapped(|ui| {
        if interface::button(ui, engine, &tr!("banner-take-over")).clicked() {
            state.take_over_file();
        }
        interface::label(ui, engine, &tr!("banner-or-save-as"));
    });
}

fn conflict_banner(ui: &mut egui::Ui, state: &mut AppState, engine: &mut TextEngine) {
    interface::label(ui, engine, &tr!("banner-changed-on-disk"));
    ui.horizontal_wrapped(|ui| {
        if interface::button(ui, engine, &tr!("banner-reload-theirs")).clicked()
            && let Err(e) = state.reload_theirs()
        {
            state.say(e);
        }
        if interface::button(ui, engine, &tr!("banner-overwrite-theirs")).clicked()
            && let Err(e) = state.overwrite_theirs()
        {
            state.say(crate::app::i18n::Worded::worded(&e));
        }
        interface::label(ui, engine, &tr!("banner-or-save-as"));
    });
}

fn recovery_banner(ui: &mut egui::Ui, state: &mut AppState, engine: &mut TextEngine) {
    let Some(recovery) = &state.recovery else {
        return;
    };
    let age = recovery.modified.elapsed().map_or(0, |d| d.as_secs() / 60);
    let spans: usize = recovery
        .corpus
        .documents
        .iter()
        .map(|d| d.spans().len())
        .sum();
    let notice = tr!(
        "banner-recovery-found",
        minutes = age,
        spans = spans,
        path = crate::text::isolates::isolate_path(&recovery.path.display().to_string()),
    );
    interface::label(ui, engine, &notice);
    ui.horizontal(|ui| {
        if interface::button(ui, engine, &tr!("banner-restore")).clicked() {
            state.restore_recovery();
        } else if interface::button(ui, engine, &tr!("banner-discard")).clicked() {
            state.discard_recovery();
        }
    });
}
