//! The document list (left): the status filter and a row per document, its title or first
//! words under it. The list keeps the open document in sight when keys open another, and
//! starts at the top in a newly opened corpus.

use std::ops::Range;

use crate::app::widgets::{
    ButtonLook, engine_button_width, engine_button_within, interface, keep_clear_of_scroll_bar,
    scrolling_list, text_line_within, text_tooltip,
};

use crate::app::TaliqApp;
use crate::app::i18n::{self, msg_id, tr};
use crate::model::{Document, Status};

/// Height of a document's two lines.
const ROW_HEIGHT: f32 = 56.0;
/// The share of a narrow list's line its id keeps when cut to leave room for its facts.
const ID_SHARE: f32 = 0.3;
/// Words of its text a document without a title shows under its id.
const PREVIEW_WORDS: usize = 12;

/// What the list showed in the frame before (egui's memory): the corpus (its generation),
/// the open document, and the rows in view (positions in the list).
#[derive(Debug, Clone, Default)]
struct Shown {
    generation: u64,
    selected: usize,
    rows: Range<usize>,
}

/// The line under a document's id: its `meta.title`, else its first words.
fn preview(doc: &Document) -> String {
    let title = doc
        .meta
        .as_ref()
        .and_then(|m| m.get("title"))
        .and_then(|t| t.as_str())
        .map(str::trim)
        .filter(|t| !t.is_empty());
    match title {
        Some(title) => title.to_owned(),
        None => doc
            .text()
            .split_whitespace()
            .take(PREVIEW_WORDS)
            .collect::<Vec<_>>()
            .join(" "),
    }
}

/// A status's name in the interface (the file format's own words stay English).
fn status_name(status: Status) -> String {
    let id = match status {
        Status::New => msg_id!("annotate-status-new"),
        Status::InProgress => msg_id!("annotate-status-in-progress"),
        Status::Done => msg_id!("annotate-status-done"),
        Status::Reviewed => msg_id!("annotate-status-reviewed"),
    };
    i18n::text(id, &[])
}

/// What a document's first line says after its id, each with its tooltip, the first
/// kept longest in a narrow list: its status, its marks (in gold, how unsure the tagger
/// is, review candidates pending), its span count.
fn row_facts(app: &TaliqApp, index: usize) -> Vec<(String, Option<String>)> {
    let state = &app.state;
    let doc = &state.corpus.documents[index];
    let mut facts = vec![(status_name(doc.status), None)];
    if state.frozen.contains(&doc.id) {
        facts.push((
            tr!("annotate-in-gold"),
            Some(tr!("annotate-in-gold-tooltip")),
        ));
    }
    if let Some(unsure) = state.suggest.uncertainty.get(&index)
        && state.prefs.suggest.order_by_uncertainty
    {
        let score = i18n::decimal(f64::from(*unsure), 2);
        facts.push((
            tr!("annotate-unsure", score = score),
            Some(tr!("annotate-unsure-tooltip")),
        ));
    }
    if let Some(review) = &state.review {
        let pending = review.session.pending(index, doc);
        if pending > 0 {
            facts.push((tr!("annotate-pending", count = pending), None));
        }
    }
    facts.push((tr!("count-spans", count = doc.spans().len()), None));
    facts
}

/// A document's first line, inside the list's width: its id (a button) and its facts. When
/// they do not all fit, the id is cut with "…" down to [`ID_SHARE`] of the line, and the facts that
/// still find no room are left out, the last first, and shown on the id's hover; whether
/// the id was clicked.
fn first_line(ui: &mut egui::Ui, app: &mut TaliqApp, index: usize) -> bool {
    let facts = row_facts(app, index);
    let engine = &mut app.engine;
    let doc = &app.state.corpus.documents[index];
    let gap = ui.spacing().item_spacing.x;
    let width = ui.available_width();
    let fact_widths: Vec<f32> = facts
        .iter()
        .map(|(text, _)| gap + interface::label_width(ui, engine, text))
        .collect();
    let id_width = engine_button_width(ui, engine, &doc.id);
    let facts_width: f32 = fact_widths.iter().sum();
    let id_room = if id_width + facts_width <= width {
        id_width
    } else {
        (width - facts_width).max(id_width.min(width * ID_SHARE))
    };
    let mut room = width - id_room;
    let shown = fact_widths
        .iter()
        .take_while(|&&w| {
            room -= w;
            room >= 0.0
        })
        .count();
    let look = ButtonLook {
        selected: app.state.selected == index,
        ..ButtonLook::default()
    };
    ui.horizontal(|ui| {
        let hidden: Vec<String> = facts[shown..].iter().map(|(t, _)| t.clone()).collect();
        let id = engine_button_within(ui, engine, &doc.id, look, id_room, &hidden);
        let clicked = id.clicked();
        for (text, tooltip) in &facts[..shown] {
            let fact = interface::label(ui, engine, text);
            if let Some(tooltip) = tooltip {
                text_tooltip(fact, engine, tooltip);
            }
        }
        clicked
    })
    .inner
}

pub(crate) fn document_list(ui: &mut egui::Ui, app: &mut TaliqApp) {
    let engine = &mut app.engine;
    interface::heading(ui, engine, &tr!("annotate-documents-heading"));
    let state = &mut app.state;
    ui.horizontal_wrapped(|ui| {
        interface::label(ui, engine, &tr!("annotate-status-caption"));
        let all = tr!("annotate-status-all");
        interface::selectable_value(ui, engine, &mut state.status_filter, None, &all);
        for status in Status::ALL {
            let name = status_name(status);
            interface::selectable_value(ui, engine, &mut state.status_filter, Some(status), &name);
        }
    });
    ui.separator();
    let visible = state.visible_documents();
    let mut open = None;
    let text_color = ui.visuals().text_color();
    let shown_id = ui.make_persistent_id("documents shown");
    let before: Option<Shown> = ui.data(|d| d.get_temp(shown_id));
    let position = visible.iter().position(|&i| i == state.selected);
    let mut list = scrolling_list("documents");
    // A corpus just opened starts at its open document (the top, mostly), not where the
    // last one was scrolled; another document opened by a key is brought into sight.
    let moved = match &before {
        None => true,
        Some(b) if b.generation != state.generation => true,
        // The last row built may be cut by the list's bottom edge: not in sight.
        Some(b) => {
            let whole = b.rows.start..b.rows.end.saturating_sub(1);
            b.selected != state.selected && position.is_some_and(|p| !whole.contains(&p))
        }
    };
    if moved {
        let row = ROW_HEIGHT + ui.spacing().item_spacing.y;
        let above = position.map_or(0, |p| p.saturating_sub(1));
        // Not past the end: an offset beyond it springs back over several frames.
        let end = (row * visible.len() as f32 - ui.available_height()).max(0.0);
        list = list.vertical_scroll_offset((row * above as f32).min(end));
    }
    let mut in_view = 0..0;
    // Two lines a document: id, status and span count, then the title through the text engine.
    list.show_rows(ui, ROW_HEIGHT, visible.len(), |ui, rows| {
        keep_clear_of_scroll_bar(ui);
        in_view = rows.clone();
        for &index in &visible[rows] {
            if first_line(ui, app, index) {
                open = Some(index);
            }
            let doc = &app.state.corpus.documents[index];
            let width = ui.available_width();
            let preview = preview(doc);
            let line = text_line_within(ui, &mut app.engine, &preview, 14.0, width, text_color);
            if line.clicked() {
                open = Some(index);
            }
        }
    });
    let shown = Shown {
        generation: app.state.generation,
        selected: app.state.selected,
        rows: in_view,
    };
    ui.data_mut(|d| d.insert_temp(shown_id, shown));
    if let Some(index) = open {
        app.state.open_document(index);
    }
}
