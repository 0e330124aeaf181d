//! Relations drawn over the text: an arc from each relation's span to its target, above the
//! lines, leaving from the span's logical start (its right edge in Arabic) and landing with
//! an arrowhead on the target's, its type's name on a tag at the top, which a click picks.

use egui::{Color32, Pos2, Shape, Stroke, Vec2};

use super::text_line::ButtonLook;
use super::{DocumentView, TextEngine, engine_button};
use crate::model::{CharRange, Document, RelationLabel};
use cosmic_text::FontSystem;

/// The relation types and which relation is picked, for the view.
pub struct RelationOverlay<'a> {
    /// The corpus's relation types (colours).
    pub labels: &'a [RelationLabel],
    /// The picked relation's id; a click on an arc's tag sets it.
    pub picked: &'a mut Option<String>,
    /// A relation being dragged out with Alt from one span to another.
    pub drag: &'a mut Option<LinkDrag>,
}

/// An Alt+drag from a span: where it started, and the span it was let go on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LinkDrag {
    /// Index of the span the drag started on.
    pub from: usize,
    /// Index of the span it ended on, once let go there.
    pub to: Option<usize>,
}

/// How far below its line's top an arc starts, as a share of the line's height: the top
/// of the glyphs, in the leading above them.
const ANCHOR: f32 = 0.12;
/// How far above its higher end an arc rises, as a share of the line's height: its tag
/// then sits in the leading between two lines, over no glyph.
const RISE: f32 = 0.3;

/// Where an arc starts and ends on screen.
struct ArcEnds {
    from: Pos2,
    to: Pos2,
    /// How high above its ends the arc rises.
    rise: f32,
}

impl DocumentView {
    /// The top of the span's highlight at its logical start (its right edge in Arabic),
    /// nudged into the span.
    fn logical_start(&mut self, fs: &mut FontSystem, range: CharRange) -> Pos2 {
        let caret = self.layout.caret(fs, range.start());
        let inward = if caret.inward < 0.0 { -1.0 } else { 1.0 };
        let line = caret.y1 - caret.y0;
        self.origin + Vec2::new(caret.x + 10.0 * inward, caret.y0 + ANCHOR * line)
    }

    /// Draws every relation of `doc` whose spans lie in the visible characters `chars`.
    pub(super) fn paint_relations(
        &mut self,
        ui: &mut egui::Ui,
        engine: &mut TextEngine,
        doc: &Document,
        overlay: &mut RelationOverlay<'_>,
        chars: CharRange,
    ) {
        let line_height = self.layout.config().line_height;
        let mut clicked = None;
        for relation in doc.relations() {
            let (Some(from), Some(to)) =
                (doc.span_by_id(&relation.from), doc.span_by_id(&relation.to))
            else {
                continue;
            };
            let (a, b) = (doc.spans()[from].range, doc.spans()[to].range);
            if !a.overlaps(chars) && !b.overlaps(chars) {
                continue;
            }
            let fs = &mut engine.font_system;
            let ends = ArcEnds {
                from: self.logical_start(fs, a),
                to: self.logical_start(fs, b),
                rise: line_height * RISE,
            };
            let color = overlay
                .labels
                .iter()
                .find(|l| l.name == relation.label)
                .map_or(Color32::GRAY, |l| {
                    let [r, g, b] = l.color.0;
                    Color32::from_rgb(r, g, b)
                });
            let picked = overlay.picked.as_deref() == Some(relation.id.as_str());
            let top = paint_arc(ui.painter(), &ends, color, picked);
            // The type's name on a tag at the arc's top, drawn by the engine (it may be Arabic).
            let look = ButtonLook {
                selected: picked,
                fill: Some(color),
                text: Some(Color32::WHITE),
            };
            let size = Vec2::new(
                super::text_line_width(engine, &relation.label, 11.0) + 8.0,
                16.0,
            );
            let tag = egui::Rect::from_center_size(top, size);
            let response = ui
                .scope_builder(egui::UiBuilder::new().max_rect(tag), |ui| {
                    ui.style_mut()
                        .text_styles
                        .insert(egui::TextStyle::Button, egui::FontId::proportional(11.0));
                    ui.spacing_mut().button_padding = Vec2::new(4.0, 0.0);
                    ui.spacing_mut().interact_size.y = 16.0;
                    engine_button(ui, engine, &relation.label, look)
                })
                .inner;
            if response.clicked() {
                clicked = Some(relation.id.clone());
            }
        }
        if clicked.is_some() {
            *overlay.picked = clicked;
        }
        // The relation being dragged out: a line from its span to the pointer.
        if let Some(LinkDrag { from, to: None }) = *overlay.drag
            && let (Some(span), Some(pointer)) =
                (doc.spans().get(from), ui.ctx().pointer_latest_pos())
        {
            let start = self.logical_start(&mut engine.font_system, span.range);
            let stroke = Stroke::new(1.5, ui.visuals().strong_text_color());
            ui.painter().line_segment([start, pointer], stroke);
        }
    }
}

/// Draws one arc and its arrowhead; returns the arc's highest point (for its tag).
fn paint_arc(painter: &egui::Painter, ends: &ArcEnds, color: Color32, picked: bool) -> Pos2 {
    let ArcEnds { from, to, rise } = *ends;
    // Both control points rise above the higher end, so an arc between lines clears the
    // line it leaves from and the one it lands on.
    // Control points a third higher than the peak, so the curve's top reaches it.
    let peak = from.y.min(to.y) - rise;
    let c1 = Pos2::new(from.x, peak - rise / 3.0);
    let c2 = Pos2::new(to.x, peak - rise / 3.0);
    let width = if picked { 2.5 } else { 1.5 };
    let stroke = Stroke::new(width, color.gamma_multiply(if picked { 1.0 } else { 0.85 }));
    painter.add(Shape::CubicBezier(
        egui::epaint::CubicBezierShape::from_points_stroke(
            [from, c1, c2, to],
            false,
            Color32::TRANSPARENT,
            stroke,
        ),
    ));
    // The arrowhead points along the curve's last stretch, into the target.
    let direction = (to - c2).normalized();
    let normal = Vec2::new(-direction.y, direction.x);
    let head = 7.0;
    let base = to - direction * head;
    painter.add(Shape::convex_polygon(
        vec![to, base + normal * head * 0.5, base - normal * head * 0.5],
        color,
        Stroke::NONE,
    ));
    // The curve's middle: a cubic at t = 1/2.
    Pos2::new(
        (from.x + 3.0 * c1.x + 3.0 * c2.x + to.x) / 8.0,
        (from.y + 3.0 * c1.y + 3.0 * c2.y + to.y) / 8.0,
    )
}
