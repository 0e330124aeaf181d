//! Relations drawn over the text: an arc from each relation's span to its target, above the
//! lines, leaving from the span's logical start (its right edge in Arabic) and landing with
//! an arrowhead on the target's, its type's name on a tag at the top, which a click picks.
//! Arcs over others rise a level higher (brat's layout), and the lines are spaced for the
//! highest. In review, the annotators' relations not in gold are drawn dashed.

use egui::{Color32, Pos2, Shape, Stroke, Vec2};

use super::text_line::ButtonLook;
use super::{DocumentView, ReviewOverlay, TextEngine, engine_button};
use crate::model::{CharRange, Document, RelationLabel};
use crate::review::session::Decision;
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

/// Where an arc comes from: a relation of the document, or in review an annotator's
/// relation candidate that is not in gold.
#[derive(Debug, Clone, PartialEq, Eq)]
enum ArcSource {
    /// A relation of the document, by id.
    Relation(String),
    /// A relation candidate, by index.
    Candidate(usize),
}

/// One arc to draw, with its height level.
#[derive(Debug, Clone, PartialEq, Eq)]
struct PlannedArc {
    label: String,
    from: CharRange,
    to: CharRange,
    source: ArcSource,
    /// 0 for the lowest; an arc over others is one higher than the highest of them.
    level: usize,
}

/// The arcs of a document and how many height levels they use.
#[derive(Debug, Default)]
pub(super) struct ArcPlan {
    arcs: Vec<PlannedArc>,
    /// Highest level used, plus one (0: no arcs).
    pub(super) levels: usize,
}

/// How much higher each level of arcs rises: a tag's height and a gap, in points.
pub(super) const LEVEL_STEP: f32 = 18.0;

/// The arcs of `doc` (and, in review, of the relation candidates not in gold) with levels
/// like brat's: shorter arcs lower, an arc that spans over another one level above it, so
/// that nested arcs and their tags do not lie on each other.
pub(super) fn plan_arcs(doc: &Document, review: Option<&ReviewOverlay<'_>>) -> ArcPlan {
    let mut arcs = Vec::new();
    for relation in doc.relations() {
        let (Some(from), Some(to)) = (doc.span_by_id(&relation.from), doc.span_by_id(&relation.to))
        else {
            continue;
        };
        arcs.push(PlannedArc {
            label: relation.label.clone(),
            from: doc.spans()[from].range,
            to: doc.spans()[to].range,
            source: ArcSource::Relation(relation.id.clone()),
            level: 0,
        });
    }
    if let Some(review) = review {
        let candidates = review.session.relation_candidates(review.document);
        let decisions = review.session.relation_decisions(review.document, doc);
        for (i, (c, d)) in candidates.iter().zip(decisions).enumerate() {
            // Accepted ones are drawn as the relations they became; rejected ones only
            // while picked.
            let shown = d == Decision::Pending
                || (d == Decision::Rejected && *review.picked_relation == Some(i));
            if shown {
                arcs.push(PlannedArc {
                    label: c.label.clone(),
                    from: c.from.range,
                    to: c.to.range,
                    source: ArcSource::Candidate(i),
                    level: 0,
                });
            }
        }
    }
    // What an arc spans, as code points from its leftmost to its rightmost end; at least
    // one, so that two arcs between spans starting at the same point still meet.
    let extent = |a: &PlannedArc| {
        let (x, y) = (a.from.start(), a.to.start());
        (x.min(y), x.max(y).max(x.min(y) + 1))
    };
    let mut order: Vec<usize> = (0..arcs.len()).collect();
    order.sort_by_key(|&i| {
        let (lo, hi) = extent(&arcs[i]);
        (hi - lo, lo)
    });
    let mut placed: Vec<(usize, usize, usize)> = Vec::new();
    let mut levels = 0;
    for i in order {
        let (lo, hi) = extent(&arcs[i]);
        // Over every placed arc it overlaps (arcs that only share an end have their tags
        // apart, at their own middles).
        let level = placed
            .iter()
            .filter(|(l, h, _)| *l < hi && lo < *h)
            .map(|(_, _, level)| level + 1)
            .max()
            .unwrap_or(0);
        arcs[i].level = level;
        placed.push((lo, hi, level));
        levels = levels.max(level + 1);
    }
    ArcPlan { arcs, levels }
}

/// How far above the first line's top the highest arcs' tags reach, past the view's
/// margin: the room to leave there so that they are not cut off.
pub(super) fn room_above(plan: &ArcPlan, line_height: f32) -> f32 {
    if plan.levels == 0 {
        return 0.0;
    }
    let peak = (RISE - ANCHOR) * line_height + LEVEL_STEP * (plan.levels - 1) as f32;
    // Half a tag above the peak, and a little air.
    (peak + TAG_HEIGHT / 2.0 + 2.0 - super::MARGIN).max(0.0)
}

/// Height of an arc's tag, in points.
const TAG_HEIGHT: f32 = 16.0;

/// A relation type's colour, grey when it is not declared.
fn type_color(labels: &[RelationLabel], name: &str) -> Color32 {
    labels
        .iter()
        .find(|l| l.name == name)
        .map_or(Color32::GRAY, |l| {
            let [r, g, b] = l.color.0;
            Color32::from_rgb(r, g, b)
        })
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

    /// Draws the planned arcs whose spans lie in the visible characters `chars`: the
    /// document's relations solid, with a clickable tag that picks one; in review the
    /// candidates not in gold dashed, their tag picking the candidate.
    pub(super) fn paint_relations(
        &mut self,
        ui: &mut egui::Ui,
        engine: &mut TextEngine,
        doc: &Document,
        overlays: (
            Option<&mut RelationOverlay<'_>>,
            Option<&mut ReviewOverlay<'_>>,
        ),
        plan: &ArcPlan,
        chars: CharRange,
    ) {
        let (mut overlay, mut review) = overlays;
        let labels = overlay.as_ref().map_or(&[][..], |o| o.labels);
        let line_height = self.layout.config().line_height;
        let mut clicked = None;
        for arc in &plan.arcs {
            if !arc.from.overlaps(chars) && !arc.to.overlaps(chars) {
                continue;
            }
            let fs = &mut engine.font_system;
            let ends = ArcEnds {
                from: self.logical_start(fs, arc.from),
                to: self.logical_start(fs, arc.to),
                rise: line_height * RISE + LEVEL_STEP * arc.level as f32,
            };
            let color = type_color(labels, &arc.label);
            let (picked, dashed) = match &arc.source {
                ArcSource::Relation(id) => (
                    overlay
                        .as_ref()
                        .is_some_and(|o| o.picked.as_deref() == Some(id.as_str())),
                    false,
                ),
                ArcSource::Candidate(i) => (
                    review
                        .as_ref()
                        .is_some_and(|r| *r.picked_relation == Some(*i)),
                    true,
                ),
            };
            let top = paint_arc(ui.painter(), &ends, color, picked, dashed);
            // The type's name on a tag at the arc's top, drawn by the engine (it may be
            // Arabic); a candidate's tag is outlined, a relation's filled.
            let look = if dashed {
                ButtonLook {
                    selected: picked,
                    fill: None,
                    text: Some(color),
                }
            } else {
                ButtonLook {
                    selected: picked,
                    fill: Some(color),
                    text: Some(Color32::WHITE),
                }
            };
            let size = Vec2::new(
                super::text_line_width(engine, &arc.label, 11.0) + 8.0,
                TAG_HEIGHT,
            );
            let tag = egui::Rect::from_center_size(top, size);
            let response = ui
                .scope_builder(egui::UiBuilder::new().max_rect(tag), |ui| {
                    ui.style_mut()
                        .text_styles
                        .insert(egui::TextStyle::Button, egui::FontId::proportional(11.0));
                    ui.spacing_mut().button_padding = Vec2::new(4.0, 0.0);
                    ui.spacing_mut().interact_size.y = TAG_HEIGHT;
                    engine_button(ui, engine, &arc.label, look)
                })
                .inner;
            if response.clicked() {
                clicked = Some(arc.source.clone());
            }
        }
        match clicked {
            Some(ArcSource::Relation(id)) => {
                if let Some(overlay) = overlay.as_mut() {
                    *overlay.picked = Some(id);
                }
            }
            Some(ArcSource::Candidate(i)) => {
                if let Some(review) = review.as_mut() {
                    *review.picked_relation = Some(i);
                    *review.picked = None;
                }
            }
            None => {}
        }
        // The relation being dragged out: a line from its span to the pointer.
        if let Some(overlay) = overlay
            && let Some(LinkDrag { from, to: None }) = *overlay.drag
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
fn paint_arc(
    painter: &egui::Painter,
    ends: &ArcEnds,
    color: Color32,
    picked: bool,
    dashed: bool,
) -> Pos2 {
    let ArcEnds { from, to, rise } = *ends;
    // Both control points rise above the higher end, so an arc between lines clears the
    // line it leaves from and the one it lands on.
    // Control points a third higher than the peak, so the curve's top reaches it.
    let peak = from.y.min(to.y) - rise;
    let c1 = Pos2::new(from.x, peak - rise / 3.0);
    let c2 = Pos2::new(to.x, peak - rise / 3.0);
    let width = if picked { 2.5 } else { 1.5 };
    let stroke = Stroke::new(width, color.gamma_multiply(if picked { 1.0 } else { 0.85 }));
    let curve = egui::epaint::CubicBezierShape::from_points_stroke(
        [from, c1, c2, to],
        false,
        Color32::TRANSPARENT,
        stroke,
    );
    if dashed {
        // A candidate not in gold yet: dashed, so it reads as a proposal.
        let points: Vec<Pos2> = (0..=32).map(|k| curve.sample(k as f32 / 32.0)).collect();
        painter.extend(Shape::dashed_line(&points, stroke, 6.0, 4.0));
    } else {
        painter.add(Shape::CubicBezier(curve));
    }
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
