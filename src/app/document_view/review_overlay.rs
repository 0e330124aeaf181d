//! The review mode's layer of the document view: every annotator's candidates on tiers.

use cosmic_text::FontSystem;
use egui::{Color32, Vec2};

use super::DocumentView;
use crate::app::i18n::{self, msg_id, tr};
use crate::model::{CharRange, Document, Label};
use crate::review::session::{Decision, ReviewSession};
use crate::text::layout::Rect;

/// What the review mode draws over the gold document: every annotator's spans on a tier of
/// their own, disagreements outlined, and the picked candidate.
pub struct ReviewOverlay<'a> {
    /// Where the candidates come from.
    pub session: &'a ReviewSession,
    /// The document's index in the gold corpus.
    pub document: usize,
}

/// One rectangle of one candidate visible in a frame.
pub(super) struct CandidateRect {
    /// Index among the document's candidates.
    pub(super) candidate: usize,
    /// Where it is, in layout coordinates.
    pub(super) rect: Rect,
    decision: Decision,
    conflict: bool,
}

impl DocumentView {
    /// Rectangles of the candidates overlapping `chars`, with what was decided about them.
    pub(super) fn candidate_rects(
        &mut self,
        fs: &mut FontSystem,
        review: &ReviewOverlay<'_>,
        gold: &Document,
        chars: CharRange,
    ) -> Vec<CandidateRect> {
        let session = review.session;
        let all = session.candidates(review.document);
        let decisions = session.decisions(review.document, gold);
        let mut rects = Vec::new();
        for group in session.groups(review.document) {
            let extent = CharRange::between(
                all[group.start].range.start(),
                all[group.clone()]
                    .iter()
                    .map(|c| c.range.end())
                    .max()
                    .unwrap_or(0),
            );
            if !extent.overlaps(chars) {
                continue;
            }
            let conflict = session.is_conflict(review.document, group.clone());
            for i in group {
                let decision = decisions[i];
                for rect in self.layout.range_rects(fs, all[i].range) {
                    rects.push(CandidateRect {
                        candidate: i,
                        rect,
                        decision,
                        conflict,
                    });
                }
            }
        }
        rects
    }

    /// Under the pointer, which annotators made which candidate and what became of it:
    /// the tiers read in words.
    pub(super) fn candidate_hover_lines(
        &self,
        response: &egui::Response,
        review: &ReviewOverlay<'_>,
        rects: &[CandidateRect],
    ) -> Vec<String> {
        let Some(p) = response.hover_pos() else {
            return Vec::new();
        };
        let at = p - self.origin;
        let all = review.session.candidates(review.document);
        let lines = rects
            .iter()
            .filter(|c| c.rect.contains(at.x, at.y))
            .map(|c| {
                let candidate = &all[c.candidate];
                let decision = match c.decision {
                    Decision::Pending if c.conflict => {
                        msg_id!("annotate-decision-pending-conflict")
                    }
                    Decision::Pending => msg_id!("annotate-decision-pending-agreed"),
                    Decision::Accepted => msg_id!("annotate-decision-accepted"),
                    Decision::Rejected => msg_id!("annotate-decision-rejected"),
                };
                tr!(
                    "annotate-candidate-hover",
                    label = &candidate.label,
                    range = i18n::localize_digits(
                        &candidate.range.to_string(),
                        i18n::catalog().digits()
                    ),
                    annotators = candidate.annotators.join(", "),
                    decision = i18n::text(decision, &[]),
                )
            });
        lines.collect()
    }

    /// Draws each annotator's candidates as a stripe in the label's colour on the annotator's
    /// tier (the first annotator lowest), faded once rejected; pending candidates of a
    /// disagreement get a red outline, the picked one a strong one.
    pub(super) fn paint_candidates(
        &self,
        ui: &egui::Ui,
        review: &ReviewOverlay<'_>,
        labels: &[Label],
        rects: &[CandidateRect],
        picked: Option<usize>,
    ) {
        let painter = ui.painter();
        let origin = self.origin;
        let all = review.session.candidates(review.document);
        let names = review.session.names();
        let conflict_stroke = egui::Stroke::new(1.5, Color32::from_rgb(0xd3, 0x2f, 0x2f));
        let picked_stroke = egui::Stroke::new(2.5, ui.visuals().strong_text_color());
        for c in rects {
            let r = egui::Rect::from_min_max(
                origin + Vec2::new(c.rect.x0, c.rect.y0),
                origin + Vec2::new(c.rect.x1, c.rect.y1),
            );
            let inset = self.span_geometry().inset;
            let candidate = &all[c.candidate];
            let [red, green, blue] = labels
                .iter()
                .find(|l| l.name == candidate.label)
                .map_or([128, 128, 128], |l| l.color.0);
            let alpha = if c.decision == Decision::Rejected {
                60
            } else {
                255
            };
            let color = Color32::from_rgba_unmultiplied(red, green, blue, alpha);
            for name in &candidate.annotators {
                let tier = names.iter().position(|n| n == name).unwrap_or(0);
                let y = r.max.y - inset - 3.0 - 4.0 * tier as f32;
                painter.rect_filled(
                    egui::Rect::from_x_y_ranges(r.x_range(), y..=y + 3.0),
                    0.0,
                    color,
                );
            }
            let body = r.shrink2(Vec2::new(0.0, inset));
            if picked == Some(c.candidate) {
                painter.rect_stroke(body, 2.0, picked_stroke, egui::StrokeKind::Outside);
            } else if c.conflict && c.decision == Decision::Pending {
                painter.rect_stroke(body, 2.0, conflict_stroke, egui::StrokeKind::Inside);
            }
        }
    }
}
