//! The notices above the document that ask the user to decide: a file changed on disk, unsaved
//! work found from an earlier session, a file another window holds.

use crate::app::AppState;

/// Shows every notice that applies, each in a panel across the top of the window.
pub fn show(ui: &mut egui::Ui, state: &mut AppState) {
    if state.is_read_only() {
        egui::Panel::top("read-only").show(ui, |ui| lock_banner(ui, state));
    }
    if state.save_conflict {
        egui::Panel::top("conflict").show(ui, |ui| conflict_banner(ui, state));
    }
    if state.recovery.is_some() {
        egui::Panel::top("recovery").show(ui, |ui| recovery_banner(ui, state));
    }
}

/// The file is open read-only: who holds it since when, and the ways out.
fn lock_banner(ui: &mut egui::Ui, state: &mut AppState) {
    let Some(holder) = state.lock_holder() else {
        return;
    };
    let mut notice = format!(
        "Read-only: this file is open in another window, by {}. Edits and Ctrl+S are refused here.",
        holder.describe()
    );
    if holder.is_old() {
        notice.push_str(" The lock is old: its holder has probably gone.");
    }
    let warning = ui.visuals().warn_fg_color;
    ui.horizontal_wrapped(|ui| {
        ui.colored_label(warning, notice);
        if ui
            .button("take over (their unsaved changes may be lost)")
            .clicked()
        {
            state.take_over_file();
        }
        ui.label("or type a new path above and save as");
    });
}

fn conflict_banner(ui: &mut egui::Ui, state: &mut AppState) {
    ui.horizontal(|ui| {
        ui.label("The file was changed on disk since you opened it. Nothing was overwritten.");
        if ui.button("reload theirs (drop my changes)").clicked()
            && let Err(e) = state.reload_theirs()
        {
            state.say(e);
        }
        if ui.button("overwrite with mine (theirs to .bak)").clicked()
            && let Err(e) = state.overwrite_theirs()
        {
            state.say(e.to_string());
        }
        ui.label("or type a new path above and save as");
    });
}

fn recovery_banner(ui: &mut egui::Ui, state: &mut AppState) {
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
    let notice = format!(
        "Unsaved work from {age} min ago was found ({spans} spans in {}).",
        recovery.path.display()
    );
    ui.horizontal(|ui| {
        ui.label(notice);
        if ui.button("Restore it").clicked() {
            state.restore_recovery();
        } else if ui.button("Discard it").clicked() {
            state.discard_recovery();
        }
    });
}
