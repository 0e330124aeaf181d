//! The panels' scrolling lists: as wide as their space, their lines clear of the scroll
//! bar, and in a right-to-left interface the bar at their left edge, where Arabic readers
//! find it (egui always draws its own at the right).

use egui::{Color32, Pos2, Rect, Sense, Vec2};

use crate::app::i18n;

/// A vertical scrolling list as wide as the space it is in. egui draws its scroll bar over
/// the right edge of the list; a list shrunk to its widest row would bring the bar over that
/// row's right end, which is where a right-to-left line starts.
///
/// In a right-to-left interface the list draws its own bar at its left edge instead, in a
/// margin kept free for it.
pub fn scrolling_list(id_salt: &str) -> ScrollingList {
    ScrollingList {
        area: egui::ScrollArea::vertical()
            .id_salt(id_salt)
            .auto_shrink([false, true]),
        id_salt: id_salt.to_owned(),
        mirrored: i18n::is_rtl(),
    }
}

/// A vertical scrolling area filling all the space it is in (the document), with its bar
/// at the left in a right-to-left interface as [`scrolling_list`]'s.
pub fn scrolling_area(id_salt: &str) -> ScrollingList {
    ScrollingList {
        area: egui::ScrollArea::vertical()
            .id_salt(id_salt)
            .auto_shrink(false),
        id_salt: id_salt.to_owned(),
        mirrored: i18n::is_rtl(),
    }
}

/// Keeps what a [`scrolling_list`]'s contents draw next clear of its scroll bar, which egui
/// draws over the contents' right edge: where right-to-left lines start. (In a
/// right-to-left interface the bar is at the left, in a margin of its own.)
pub fn keep_clear_of_scroll_bar(ui: &mut egui::Ui) {
    if i18n::is_rtl() {
        return;
    }
    let scroll = &ui.spacing().scroll;
    let bar = scroll.bar_inner_margin + scroll.bar_width + scroll.bar_outer_margin;
    ui.set_max_width((ui.available_width() - bar).max(1.0));
}

/// A [`scrolling_list`] being built: egui's scroll area, with its bar moved to the left in a
/// right-to-left interface.
#[derive(Debug)]
pub struct ScrollingList {
    area: egui::ScrollArea,
    id_salt: String,
    mirrored: bool,
}

impl ScrollingList {
    /// At most this high (a list under other sections).
    #[must_use]
    pub fn max_height(mut self, height: f32) -> Self {
        self.area = self.area.max_height(height);
        self
    }

    /// At least this high once it scrolls.
    #[must_use]
    pub fn min_scrolled_height(mut self, height: f32) -> Self {
        self.area = self.area.min_scrolled_height(height);
        self
    }

    /// Scrolled to `offset` from the top (a row brought into sight).
    #[must_use]
    pub fn vertical_scroll_offset(mut self, offset: f32) -> Self {
        self.area = self.area.vertical_scroll_offset(offset);
        self
    }

    /// Shows the list's contents.
    pub fn show<R>(
        self,
        ui: &mut egui::Ui,
        add_contents: impl FnOnce(&mut egui::Ui) -> R,
    ) -> egui::scroll_area::ScrollAreaOutput<R> {
        let (area, bar) = self.prepare(ui);
        let output = area.show(ui, add_contents);
        if let Some(bar) = bar {
            bar.show(ui, &output);
        }
        output
    }

    /// Shows the rows of the list in sight, `row_height` each, of `total_rows`.
    pub fn show_rows<R>(
        self,
        ui: &mut egui::Ui,
        row_height: f32,
        total_rows: usize,
        add_contents: impl FnOnce(&mut egui::Ui, std::ops::Range<usize>) -> R,
    ) -> egui::scroll_area::ScrollAreaOutput<R> {
        let (area, bar) = self.prepare(ui);
        let output = area.show_rows(ui, row_height, total_rows, add_contents);
        if let Some(bar) = bar {
            bar.show(ui, &output);
        }
        output
    }

    /// Shows the part of the contents in sight: `add_contents` is given the visible
    /// rectangle in the contents' coordinates.
    pub fn show_viewport<R>(
        self,
        ui: &mut egui::Ui,
        add_contents: impl FnOnce(&mut egui::Ui, Rect) -> R,
    ) -> egui::scroll_area::ScrollAreaOutput<R> {
        let (area, bar) = self.prepare(ui);
        let output = area.show_viewport(ui, add_contents);
        if let Some(bar) = bar {
            bar.show(ui, &output);
        }
        output
    }

    /// egui's area as it is shown: in a right-to-left interface with its own bar hidden, a
    /// margin at the left for ours, and the offset our bar was dragged to.
    fn prepare(self, ui: &egui::Ui) -> (egui::ScrollArea, Option<LeftBar>) {
        if !self.mirrored {
            return (self.area, None);
        }
        let bar = LeftBar {
            key: ui.make_persistent_id(("taliq_left_scroll_bar", self.id_salt)),
        };
        let mut area = self
            .area
            .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysHidden)
            .content_margin(egui::Margin {
                left: BAR_ROOM,
                ..egui::Margin::ZERO
            });
        if let Some(offset) = ui.data_mut(|d| d.remove_temp::<f32>(bar.key)) {
            area = area.vertical_scroll_offset(offset);
        }
        (area, Some(bar))
    }
}

/// The room kept at a mirrored list's left for its bar, in points.
const BAR_ROOM: i8 = 12;
/// The bar's width.
const BAR_WIDTH: f32 = 8.0;

/// The scroll bar of a list in a right-to-left interface, at its left edge; where it was
/// dragged to is applied to the list in the next frame.
struct LeftBar {
    key: egui::Id,
}

impl LeftBar {
    fn show<R>(&self, ui: &mut egui::Ui, output: &egui::scroll_area::ScrollAreaOutput<R>) {
        let inner = output.inner_rect;
        let visible = inner.height();
        let content = output.content_size.y;
        if content <= visible + 0.5 || visible <= 1.0 {
            return;
        }
        let track = Rect::from_min_size(
            Pos2::new(inner.min.x + 2.0, inner.min.y),
            Vec2::new(BAR_WIDTH, visible),
        );
        let range = content - visible;
        let offset = output.state.clamped_offset().y.clamp(0.0, range);
        let handle_height = (visible * visible / content).max(16.0).min(visible);
        let travel = (visible - handle_height).max(1.0);
        let handle_top = track.min.y + travel * offset / range;
        let handle = Rect::from_min_size(
            Pos2::new(track.min.x, handle_top),
            Vec2::new(BAR_WIDTH, handle_height),
        );
        let response = ui.interact(track, self.key.with("bar"), Sense::click_and_drag());
        response.widget_info(|| egui::WidgetInfo::new(egui::Role::ScrollBar));
        let mut wanted = None;
        if response.dragged() {
            let moved = response.drag_delta().y * range / travel;
            wanted = Some(offset + moved);
        } else if response.clicked()
            && let Some(pointer) = response.interact_pointer_pos()
        {
            // A click beside the handle moves a page towards the pointer.
            wanted = Some(if pointer.y < handle.min.y {
                offset - visible
            } else if pointer.y > handle.max.y {
                offset + visible
            } else {
                offset
            });
        }
        if let Some(wanted) = wanted.map(|w| w.clamp(0.0, range))
            && (wanted - offset).abs() > 0.5
        {
            ui.data_mut(|d| d.insert_temp(self.key, wanted));
            ui.ctx().request_repaint();
        }
        let visuals = ui.style().interact(&response);
        let painter = ui.painter();
        painter.rect_filled(track, BAR_WIDTH / 2.0, ui.visuals().extreme_bg_color);
        let fill = if response.hovered() || response.dragged() {
            visuals.fg_stroke.color
        } else {
            visuals.bg_fill.gamma_multiply(1.6)
        };
        let fill = if fill == Color32::TRANSPARENT {
            ui.visuals().weak_text_color()
        } else {
            fill
        };
        painter.rect_filled(handle, BAR_WIDTH / 2.0, fill);
    }
}
