//! Relations drawn over the text: an arc from each relation's span to its target, above the
//! lines, leaving from the span's logical start (its right edge in Arabic) and landing with
//! an arrowhead on the target's, its type's name on a tag at the top, which a click picks.
//! Arcs over others rise a level higher (brat's layout); the lines they leave from or land on
//! get room above them for their arcs, the others keep the reader's spacing. An arc from
//! line to line runs along the top of its source's line to the column's edge and comes
//! into the target's line from its other edge, as brat draws it. In review, the annotators'
//! relations not in gold are drawn dashed.

use egui::{Color32, Pos2, Shape, Stroke, Vec2};

use super::{DocumentView, ReviewOverlay, SpanGeometry, TextEngine, ViewState};
use crate::annotate::pick::Pick;
use crate::app::widgets::{ButtonLook, engine_button, text_line_width};
use crate::model::{CharRange, Document, RelationLabel};
use crate::review::session::{Decision, FlatKey};
use cosmic_text::FontSystem;

/// The relation types, for the view (a click on an arc's tag picks its relation).
pub struct RelationOverlay<'a> {
    /// The corpus's relation types (colours).
    pub labels: &'a [RelationLabel],
}

/// An Alt+drag from a span: where it started, and the span it was let go on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LinkDrag {
    /// Index of the span the drag started on.
    pub from: usize,
    /// Index of the span it ended on, once let go there.
    pub to: Option<usize>,
}

/// How far above its higher end an arc rises, in font sizes: its tag then sits in the
/// leading between two lines (lines with relations are spaced for it), over no glyph.
const RISE: f32 = 0.5;

/// Where an arc starts and ends on screen.
struct ArcEnds {
    from: Pos2,
    to: Pos2,
    /// How high above its ends the arc rises.
    rise: f32,
    /// When the ends are on different lines: the x where the arc leaves the first line's
    /// band (toward where the text goes on) and where it comes into the second's, so that it
    /// runs above the lines and crosses no text.
    across: Option<(f32, f32)>,
}

/// What a click on an arc's tag picks: a relation of the document, or in review an
/// annotator's relation candidate (in gold or not).
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
    /// Drawn dashed: a candidate not in gold.
    dashed: bool,
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
pub(super) fn plan_arcs(
    doc: &Document,
    review: Option<&ReviewOverlay<'_>>,
    picked_relation: Option<usize>,
) -> ArcPlan {
    let candidates = review.map_or(&[][..], |r| r.session.relation_candidates(r.document));
    let by_ends: std::collections::HashMap<FlatKey<'_>, usize> = candidates
        .iter()
        .enumerate()
        .map(|(i, c)| (c.flat(), i))
        .collect();
    let mut arcs = Vec::new();
    for (relation, ends) in doc.relations().iter().zip(doc.relation_ends()) {
        let Some((from, to)) = ends else {
            continue;
        };
        // In review, a relation of gold that is an annotator's candidate picks the candidate,
        // so that Delete rejects it as it would from the list.
        let candidate = by_ends
            .get(&(
                relation.label.as_str(),
                from.range,
                from.label.as_str(),
                to.range,
                to.label.as_str(),
            ))
            .copied();
        arcs.push(PlannedArc {
            label: relation.label.clone(),
            from: from.range,
            to: to.range,
            source: candidate.map_or_else(
                || ArcSource::Relation(relation.id.clone()),
                ArcSource::Candidate,
            ),
            dashed: false,
            level: 0,
        });
    }
    if let Some(review) = review {
        let decisions = review.session.relation_decisions(review.document, doc);
        for (i, (c, d)) in candidates.iter().zip(decisions).enumerate() {
            // Accepted ones are drawn as the relations they became; rejected ones only
            // while picked.
            let shown =
                d == Decision::Pending || (d == Decision::Rejected && picked_relation == Some(i));
            if shown {
                arcs.push(PlannedArc {
                    label: c.label.clone(),
                    from: c.from.range,
                    to: c.to.range,
                    source: ArcSource::Candidate(i),
                    dashed: true,
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
    // Placed arcs by where they start. They are placed shortest first, so one that overlaps
    // an arc of length `len` starting at `lo` starts after `lo - len`: only those are read.
    let mut placed: std::collections::BTreeMap<(usize, usize), (usize, usize)> =
        std::collections::BTreeMap::new();
    let mut levels = 0;
    for i in order {
        let (lo, hi) = extent(&arcs[i]);
        let since = lo.saturating_sub(hi - lo);
        // Over every placed arc it overlaps (arcs that only share an end have their tags
        // apart, at their own middles).
        let level = placed
            .range((since, 0)..(hi, 0))
            .filter(|(_, (h, _))| lo < *h)
            .map(|(_, (_, level))| level + 1)
            .max()
            .unwrap_or(0);
        arcs[i].level = level;
        placed.insert((lo, i), (hi, level));
        levels = levels.max(level + 1);
    }
    ArcPlan { arcs, levels }
}

/// The room each line with arcs needs above it, as (offset, points) for the text layout:
/// at both ends of every arc, enough for its tag at its level to stand clear of the line
/// above (the levels' part at most [`MAX_LEVELS_ROOM`] font sizes; past it, high arcs may
/// reach into the line above rather than spread the text thin). Lines without arcs keep
/// the reader's spacing.
pub(super) fn room_above_lines(
    plan: &ArcPlan,
    geometry: SpanGeometry,
    font_size: f32,
) -> Vec<(usize, f32)> {
    let room = |level: usize| {
        let levels = (LEVEL_STEP * level as f32).min(MAX_LEVELS_ROOM * font_size);
        // The arc's peak above the span's tag, half a tag over it, a little air; the part
        // of it inside the line's own leading (above the tag) needs no room.
        (base_rise(font_size) + levels + TAG_HEIGHT / 2.0 + 2.0 - geometry.tag_top).max(0.0)
    };
    plan.arcs
        .iter()
        .flat_map(|arc| {
            let room = room(arc.level);
            [(arc.from.start(), room), (arc.to.start(), room)]
        })
        .collect()
}

/// The most room levels of arcs over arcs add above a line, in font sizes.
const MAX_LEVELS_ROOM: f32 = 3.0;

/// How high the lowest arcs rise above their ends: [`RISE`] font sizes, and at small sizes
/// at least enough for their tags to clear the spans' own label tags they leave from.
fn base_rise(font_size: f32) -> f32 {
    (RISE * font_size).max(TAG_HEIGHT / 2.0 + 3.0)
}

/// Height of an arc's tag, in points.
const TAG_HEIGHT: f32 = 16.0;

/// A relation type's colour, grey when it is not declared.
pub fn relation_color(labels: &[RelationLabel], name: &str) -> Color32 {
    labels
        .iter()
        .find(|l| l.name == name)
        .map_or(Color32::GRAY, |l| {
            let [r, g, b] = l.color.0;
            Color32::from_rgb(r, g, b)
        })
}

impl DocumentView {
    /// The top of the span's label tag at its logical start (its right edge in Arabic),
    /// nudged into the span: where its arcs leave and land.
    fn logical_start(&mut self, fs: &mut FontSystem, range: CharRange) -> Pos2 {
        let caret = self.layout.caret(fs, range.start());
        let inward = if caret.inward < 0.0 { -1.0 } else { 1.0 };
        let top = self.span_geometry().tag_top;
        self.origin + Vec2::new(caret.x + 10.0 * inward, caret.y0 + top)
    }

    /// Where an arc from span `from` to span `to` runs: from each one's logical start, and
    /// when they are on different lines, out of the first line's band at the side where
    /// its text goes on (left in Arabic) and into the second's from the side where it came.
    fn arc_ends(
        &mut self,
        fs: &mut FontSystem,
        from: CharRange,
        to: CharRange,
        rise: f32,
    ) -> ArcEnds {
        let (a, b) = (self.logical_start(fs, from), self.logical_start(fs, to));
        let line_height = self.layout.config().line_height;
        let mut across = None;
        if (a.y - b.y).abs() > line_height / 2.0 {
            let forward = b.y > a.y;
            // Out where the first line's text ends (or starts, going up), into where the
            // other's starts (or ends): left in Arabic, a little past the glyphs.
            let leave = self.line_side(fs, from.start(), forward);
            let come = self.line_side(fs, to.start(), !forward);
            across = Some((leave, come));
        }
        ArcEnds {
            from: a,
            to: b,
            rise,
            across,
        }
    }

    /// The x just past the end (or the start) of the line holding `offset`, in reading
    /// order: its left side in a right-to-left paragraph.
    fn line_side(&mut self, fs: &mut FontSystem, offset: usize, end: bool) -> f32 {
        let (p, l) = self.layout.line_of(fs, offset);
        let width = self.layout.config().width;
        let paragraph = self.layout.paragraph(fs, p);
        let (left, right) = paragraph
            .lines
            .get(l)
            .and_then(crate::text::layout::VisualLine::extent)
            .unwrap_or((0.0, width));
        let on_left = end == paragraph.rtl;
        // Past the glyphs, but inside the column: a full line's arc ends at its edge.
        let x = if on_left {
            (left - 8.0).max(0.0)
        } else {
            (right + 8.0).min(width)
        };
        self.origin.x + x
    }

    /// Draws the planned arcs whose spans lie in the visible characters `chars`: the
    /// document's relations solid, with a clickable tag that picks one; in review the
    /// candidates not in gold dashed, their tag picking the candidate.
    pub(super) fn paint_relations(
        &mut self,
        ui: &mut egui::Ui,
        engine: &mut TextEngine,
        state: &mut ViewState<'_>,
        plan: &ArcPlan,
        chars: CharRange,
    ) {
        let doc = state.doc;
        let labels = state.relations.as_ref().map_or(&[][..], |o| o.labels);
        let drag = self.link_drag;
        let font_size = self.layout.config().font_size;
        let mut clicked = None;
        let click_at = ui
            .input(|i| {
                i.pointer
                    .primary_clicked()
                    .then(|| i.pointer.interact_pos())
            })
            .flatten()
            .filter(|p| ui.clip_rect().contains(*p));
        for arc in &plan.arcs {
            if !arc.from.overlaps(chars) && !arc.to.overlaps(chars) {
                continue;
            }
            let rise = base_rise(font_size) + LEVEL_STEP * arc.level as f32;
            let ends = self.arc_ends(&mut engine.font_system, arc.from, arc.to, rise);
            let color = relation_color(labels, &arc.label);
            let picked = match &arc.source {
                ArcSource::Relation(id) => state.pick.as_relation() == Some(id.as_str()),
                ArcSource::Candidate(i) => state.pick.as_relation_candidate() == Some(*i),
            };
            let dashed = arc.dashed;
            let top = paint_arc(ui.painter(), &ends, color, picked, dashed);
            // A click on the curve itself picks the arc as its tag does.
            if let Some(at) = click_at
                && clicked.is_none()
                && near_arc(&ends, at)
            {
                clicked = Some(arc.source.clone());
            }
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
            let size = Vec2::new(text_line_width(engine, &arc.label, 11.0) + 8.0, TAG_HEIGHT);
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
            Some(ArcSource::Relation(id)) => *state.pick = Pick::Relation(id),
            Some(ArcSource::Candidate(i)) => *state.pick = Pick::RelationCandidate(i),
            None => {}
        }
        // The relation being dragged out: a line from its span to the pointer.
        if let Some(LinkDrag { from, to: None }) = drag
            && let (Some(span), Some(pointer)) =
                (doc.spans().get(from), ui.ctx().pointer_latest_pos())
        {
            let start = self.logical_start(&mut engine.font_system, span.range);
            let stroke = Stroke::new(1.5, ui.visuals().strong_text_color());
            ui.painter().line_segment([start, pointer], stroke);
        }
    }
}

/// The cubic pieces of an arc: one over a line, or two when it goes from line to line
/// (the first leaving its line's band at the side, the second coming into the other's).
fn arc_pieces(ends: &ArcEnds) -> Vec<[Pos2; 4]> {
    let ArcEnds {
        from,
        to,
        rise,
        across,
    } = *ends;
    // Control points a third higher than the peak, so the curve's top reaches it.
    let over = |a: Pos2, b: Pos2| {
        let peak = a.y.min(b.y) - rise;
        [
            a,
            Pos2::new(a.x, peak - rise / 3.0),
            Pos2::new(b.x, peak - rise / 3.0),
            b,
        ]
    };
    match across {
        None => vec![over(from, to)],
        Some((out_x, in_x)) => {
            // Each half runs level at its own line's peak, to or from the side.
            let (peak_a, peak_b) = (from.y - rise, to.y - rise);
            let leave = [
                from,
                Pos2::new(from.x, peak_a),
                Pos2::new(from.x + (out_x - from.x) / 3.0, peak_a),
                Pos2::new(out_x, peak_a),
            ];
            let come = [
                Pos2::new(in_x, peak_b),
                Pos2::new(to.x + (in_x - to.x) / 3.0, peak_b),
                Pos2::new(to.x, peak_b),
                to,
            ];
            vec![leave, come]
        }
    }
}

/// One piece of an arc as egui's curve.
fn curve_of(points: [Pos2; 4], stroke: Stroke) -> egui::epaint::CubicBezierShape {
    egui::epaint::CubicBezierShape::from_points_stroke(points, false, Color32::TRANSPARENT, stroke)
}

/// Points along a curve, close enough together to draw it dashed or hit-test it.
fn samples(curve: &egui::epaint::CubicBezierShape) -> Vec<Pos2> {
    (0..=32).map(|k| curve.sample(k as f32 / 32.0)).collect()
}

/// How close to an arc's curve a click picks it, in points.
const CLICK_DISTANCE: f32 = 4.0;

/// Whether `at` is within [`CLICK_DISTANCE`] of the arc's curve.
fn near_arc(ends: &ArcEnds, at: Pos2) -> bool {
    arc_pieces(ends).iter().any(|points| {
        samples(&curve_of(*points, Stroke::NONE))
            .windows(2)
            .any(|w| {
                egui::emath::Rect::from_two_pos(w[0], w[1])
                    .expand(CLICK_DISTANCE)
                    .contains(at)
                    && distance_to_segment(at, w[0], w[1]) <= CLICK_DISTANCE
            })
    })
}

fn distance_to_segment(p: Pos2, a: Pos2, b: Pos2) -> f32 {
    let ab = b - a;
    let t = if ab.length_sq() > 0.0 {
        ((p - a).dot(ab) / ab.length_sq()).clamp(0.0, 1.0)
    } else {
        0.0
    };
    (a + ab * t).distance(p)
}

/// Draws one arc and its arrowhead; returns where its tag goes: the top of an arc over a
/// line, the middle of the first half of one from line to line.
fn paint_arc(
    painter: &egui::Painter,
    ends: &ArcEnds,
    color: Color32,
    picked: bool,
    dashed: bool,
) -> Pos2 {
    let width = if picked { 2.5 } else { 1.5 };
    let stroke = Stroke::new(width, color.gamma_multiply(if picked { 1.0 } else { 0.85 }));
    let pieces = arc_pieces(ends);
    for points in &pieces {
        let curve = curve_of(*points, stroke);
        if dashed {
            // A candidate not in gold yet: dashed, so it reads as a proposal.
            painter.extend(Shape::dashed_line(&samples(&curve), stroke, 6.0, 4.0));
        } else {
            painter.add(Shape::CubicBezier(curve));
        }
    }
    // The arrowhead points along the last piece's last stretch, into the target.
    let last = pieces[pieces.len() - 1];
    let (to, c2) = (last[3], last[2]);
    let direction = (to - c2).normalized();
    let normal = Vec2::new(-direction.y, direction.x);
    let head = 7.0;
    let base = to - direction * head;
    painter.add(Shape::convex_polygon(
        vec![to, base + normal * head * 0.5, base - normal * head * 0.5],
        color,
        Stroke::NONE,
    ));
    // The first piece's middle: a cubic at t = 1/2.
    let [p0, p1, p2, p3] = pieces[0];
    Pos2::new(
        (p0.x + 3.0 * p1.x + 3.0 * p2.x + p3.x) / 8.0,
        (p0.y + 3.0 * p1.y + 3.0 * p2.y + p3.y) / 8.0,
    )
}
