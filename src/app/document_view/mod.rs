//! The document view: the text engine's layout painted into egui, only what is visible.
//!
//! Arabic is laid out by [`crate::text`] (egui has no bidi), glyphs come from the
//! [`GlyphAtlas`] texture and are drawn as one textured mesh per frame; span highlights
//! are drawn behind them.

use cosmic_text::FontSystem;
use egui::{Pos2, Sense, Vec2};

mod paint;
mod pointer;
mod relation_overlay;
mod review_overlay;
mod suggestion_overlay;

pub use crate::app::widgets::TextEngine;
use crate::app::widgets::text_line::hover_lines;
pub use relation_overlay::{LinkDrag, RelationOverlay, relation_color};
use review_overlay::CandidateRect;
pub use review_overlay::ReviewOverlay;
pub use suggestion_overlay::SuggestionOverlay;
use suggestion_overlay::SuggestionRect;

use crate::annotate::highlights::{Highlight, span_highlights};
use crate::annotate::pick::Pick;
use crate::annotate::selection::Selection;
use crate::model::{CharRange, Document, Label};
use crate::text::hit::{Side, VisualCaret};
use crate::text::layout::{LayoutConfig, TextLayout};

/// Space around the text inside the view, in points.
const MARGIN: f32 = 16.0;

/// What one frame of the view drew, for tests and the status bar.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FrameStats {
    /// Paragraphs intersecting the viewport.
    pub paragraphs: usize,
    /// Glyph quads drawn.
    pub glyphs: usize,
    /// Highlight rectangles drawn.
    pub highlights: usize,
    /// Review candidates' rectangles drawn.
    pub candidates: usize,
    /// Suggestions' rectangles drawn.
    pub suggestions: usize,
}

/// How the text is drawn, apart from its size: the reading options the View menu sets.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Look {
    /// The font family asked for first.
    pub family: &'static str,
    /// Line height as a multiple of the font size.
    pub line_spacing: f32,
    /// Whether harakat and other Arabic marks are drawn. Hidden, they keep their place in the
    /// text: offsets, clusters and selection are those of the text with them.
    pub show_harakat: bool,
}

impl Default for Look {
    fn default() -> Self {
        Self {
            family: crate::text::fonts::ARABIC_FAMILY,
            line_spacing: crate::text::layout::LINE_SPACING,
            show_harakat: true,
        }
    }
}

/// The view of one document: its layout at the current zoom and width.
#[derive(Debug)]
pub struct DocumentView {
    /// Which document of the corpus is shown.
    pub document: usize,
    /// The corpus generation (see `AppState::generation`) the document belongs to.
    pub generation: u64,
    /// Font size in points (zoom).
    pub font_size: f32,
    /// Font, line spacing, harakat.
    pub look: Look,
    layout: TextLayout,
    /// Where the next frame scrolls to (top of the viewport, in points), if somewhere new.
    scroll_request: Option<f32>,
    /// Screen position of the text's top-left corner in the last frame.
    origin: Pos2,
    /// The caret's visual slot, kept while moving left and right.
    caret: VisualCaret,
    /// The part of the text shown in the last frame (layout coordinates, margin included).
    viewport: egui::Rect,
    /// What the last frame drew.
    pub last_frame: FrameStats,
    /// The arcs' plan and what it was made from: made again only when the corpus changed
    /// (a document may have thousands of relations).
    arc_plan: Option<(ArcKey, relation_overlay::ArcPlan)>,
    /// A relation being dragged out with Alt from one span to another.
    pub link_drag: Option<LinkDrag>,
}

/// What the pointer did in a frame that the window acts on after drawing it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ViewEvents {
    /// While a relation is being made, the span a click landed on (its index): the target.
    pub clicked_span: Option<usize>,
    /// An Alt+drag let go on another span: the two spans' indices, from and to.
    pub linked: Option<(usize, usize)>,
}

/// What an arcs' plan depends on besides the document: the history's revision, and in
/// review which relation candidate is picked (a rejected one is drawn only while picked).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct ArcKey {
    revision: u64,
    review: bool,
    picked_relation: Option<usize>,
}

/// The parts of the app state the view reads and changes.
pub struct ViewState<'a> {
    /// The document shown.
    pub doc: &'a Document,
    /// The corpus's labels (colours).
    pub labels: &'a [Label],
    /// The selection, changed by mouse.
    pub selection: &'a mut Selection,
    /// What is picked, changed by clicks on spans, candidates, suggestions and arcs.
    pub pick: &'a mut Pick,
    /// Search matches to mark.
    pub matches: &'a [CharRange],
    /// In the review mode, the annotators' candidates drawn over the gold spans.
    pub review: Option<ReviewOverlay<'a>>,
    /// Outside review, with suggestions on, the suggestions offered in the document.
    pub suggestions: Option<SuggestionOverlay<'a>>,
    /// When the corpus declares relation types, the relations drawn as arcs.
    pub relations: Option<RelationOverlay<'a>>,
    /// The history's revision: what was worked out from the document at one holds until it
    /// changes.
    pub revision: u64,
}

/// What a click may hit in a frame: spans, review candidates, suggestions.
#[derive(Clone, Copy)]
struct Hits<'h> {
    highlights: &'h [Highlight],
    candidates: &'h [CandidateRect],
    suggestions: &'h [SuggestionRect],
}

impl DocumentView {
    /// A view of document `index` at `font_size`; laid out when first shown.
    pub fn new(index: usize, doc: &Document, font_size: f32) -> Self {
        Self {
            document: index,
            generation: 0,
            font_size,
            look: Look::default(),
            layout: TextLayout::new(doc.text(), LayoutConfig::new(font_size, 600.0)),
            scroll_request: None,
            origin: Pos2::ZERO,
            caret: VisualCaret::at(0),
            viewport: egui::Rect::NOTHING,
            last_frame: FrameStats::default(),
            arc_plan: None,
            link_drag: None,
        }
    }

    /// The layout (for hit-testing by callers).
    pub fn layout_mut(&mut self) -> &mut TextLayout {
        &mut self.layout
    }

    /// Scrolls so that the next frame shows the text from height `y` (points) down.
    pub fn scroll_to(&mut self, y: f32) {
        self.scroll_request = Some(y);
    }

    /// Scrolls so that code point `offset` is near the top of the view.
    pub fn scroll_to_offset(&mut self, font_system: &mut FontSystem, offset: usize) {
        let caret = self.layout.caret(font_system, offset);
        self.scroll_to((caret.y0 - 3.0 * self.layout.config().line_height).max(0.0));
    }

    /// Scrolls to code point `offset` unless the last frame showed it already.
    pub fn reveal_offset(&mut self, font_system: &mut FontSystem, offset: usize) {
        let caret = self.layout.caret(font_system, offset);
        let top = self.viewport.min.y - MARGIN;
        let bottom = self.viewport.max.y - MARGIN;
        if caret.y0 < top || caret.y1 > bottom {
            self.scroll_to_offset(font_system, offset);
        }
    }

    /// Where spans' boxes and label tags sit in their lines, as the lines are now spaced.
    pub(super) fn span_geometry(&self) -> SpanGeometry {
        SpanGeometry::new(&self.layout.config())
    }

    /// Height of the text, exact for the paragraphs laid out so far and estimated below.
    pub fn text_height(&mut self) -> f32 {
        self.layout.height()
    }

    /// Screen rectangles of a range as of the last frame (for tests driving the mouse).
    pub fn screen_rects(
        &mut self,
        font_system: &mut FontSystem,
        range: CharRange,
    ) -> Vec<egui::Rect> {
        let origin = self.origin;
        self.layout
            .range_rects(font_system, range)
            .into_iter()
            .map(|r| {
                egui::Rect::from_min_max(
                    origin + Vec2::new(r.x0, r.y0),
                    origin + Vec2::new(r.x1, r.y1),
                )
            })
            .collect()
    }

    /// Moves the caret one grapheme on screen (`extend` keeps the anchor: Shift).
    pub fn move_caret(
        &mut self,
        font_system: &mut FontSystem,
        selection: &mut Selection,
        side: Side,
        extend: bool,
    ) {
        if self.caret.offset != selection.head {
            self.caret = VisualCaret::at(selection.head);
        }
        self.caret = self.layout.move_visually(font_system, self.caret, side);
        selection.head = self.caret.offset;
        if !extend {
            selection.anchor = selection.head;
        }
    }

    /// Shows the document in a vertical scroll area filling the available space; returns
    /// what the pointer did that the window acts on (a relation's target, an Alt+drag).
    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        engine: &mut TextEngine,
        state: ViewState<'_>,
    ) -> ViewEvents {
        // In an Arabic interface its scroll bar is at the left, as the lists'.
        let mut area = crate::app::widgets::scrolling::scrolling_area("document");
        if let Some(y) = self.scroll_request.take() {
            area = area.vertical_scroll_offset(y);
        }
        let mut state = state;
        let mut events = ViewEvents::default();
        area.show_viewport(ui, |ui, viewport| {
            self.paint(ui, engine, &mut state, viewport, &mut events)
        });
        events
    }

    fn paint(
        &mut self,
        ui: &mut egui::Ui,
        engine: &mut TextEngine,
        state: &mut ViewState<'_>,
        viewport: egui::Rect,
        events: &mut ViewEvents,
    ) -> egui::Response {
        self.viewport = viewport;
        let fs = &mut engine.font_system;
        let width = (ui.available_width() - 2.0 * MARGIN).max(self.font_size * 4.0);
        // Arcs need room above the lines: a document with relations is spaced wider, and
        // more for each level of arcs over arcs.
        let key = ArcKey {
            revision: state.revision,
            review: state.review.is_some(),
            picked_relation: state.pick.as_relation_candidate(),
        };
        let arcs = match self.arc_plan.take() {
            Some((made, plan)) if made == key => plan,
            _ => relation_overlay::plan_arcs(state.doc, state.review.as_ref(), key.picked_relation),
        };
        // Lines keep the reader's spacing; only those with arcs get room above them.
        self.layout.set_config(
            LayoutConfig::new(self.font_size, width)
                .with_spacing(self.look.line_spacing)
                .with_family(self.look.family),
        );
        let room = relation_overlay::room_above_lines(&arcs, self.span_geometry(), self.font_size);
        self.layout.set_room_above(room);
        // Above the text only the margin: the first line's arcs have their room in the layout.
        let top_margin = MARGIN;
        let visible =
            self.layout
                .paragraphs_in(fs, viewport.min.y - top_margin, viewport.max.y - top_margin);
        let height = self.layout.height() + top_margin + MARGIN;
        let (rect, response) = ui.allocate_exact_size(
            Vec2::new(ui.available_width(), height),
            Sense::click_and_drag(),
        );
        let origin = rect.min + Vec2::new(MARGIN, top_margin);
        self.origin = origin;

        let paragraphs = self.layout.paragraphs();
        let chars = CharRange::between(
            paragraphs[visible.start].chars.start(),
            paragraphs[visible.end - 1].chars.end(),
        );
        let highlights =
            span_highlights(state.doc, state.labels, &mut self.layout, fs, Some(chars));
        let candidates = state.review.as_ref().map_or_else(Vec::new, |review| {
            self.candidate_rects(fs, review, state.doc, chars)
        });
        let suggestions = state.suggestions.as_ref().map_or_else(Vec::new, |overlay| {
            self.suggestion_rects(fs, overlay, chars)
        });
        let hits = Hits {
            highlights: &highlights,
            candidates: &candidates,
            suggestions: &suggestions,
        };
        self.interact(ui, &response, fs, state, &hits, events);
        let mut hovered = Vec::new();
        if let Some(review) = &state.review {
            hovered.extend(self.candidate_hover_lines(&response, review, &candidates));
        }
        if let Some(overlay) = &state.suggestions {
            hovered.extend(self.suggestion_hover_lines(&response, overlay, &suggestions));
        }

        self.paint_layers(ui, fs, state, &hits, chars, &response);

        let glyphs = self.paint_glyphs(ui, engine, visible.clone(), viewport);
        if arcs.levels > 0 {
            self.paint_relations(ui, engine, state, &arcs, chars);
        }
        self.arc_plan = Some((key, arcs));
        self.last_frame = FrameStats {
            paragraphs: visible.len(),
            glyphs,
            highlights: highlights.len(),
            candidates: candidates.len(),
            suggestions: suggestions.len(),
        };
        hover_lines(response, engine, hovered)
    }
}

/// Where spans' boxes and label tags sit in a line of a given spacing.
#[derive(Debug, Clone, Copy)]
pub(super) struct SpanGeometry {
    /// How far a span's box stays from its line's top and bottom.
    pub(super) inset: f32,
    /// Font size of a span's label tag.
    pub(super) tag_font: f32,
    /// Height of a span's label tag.
    pub(super) tag_height: f32,
    /// How far below its line's top a span's label tag starts.
    pub(super) tag_top: f32,
}

impl SpanGeometry {
    /// The box an eighth of the line from its top and bottom, the tag at the line's top; in
    /// lines spaced wide (a document with relations), the box hugs the glyphs and the tag
    /// sits on it, so that the leading between lines is left to the arcs.
    fn new(config: &LayoutConfig) -> Self {
        let (line, font) = (config.line_height, config.font_size);
        let inset = (line * 0.12).max(0.5 * line - 0.75 * font);
        let tag_font = (line * 0.24).min(0.55 * font).max(8.0);
        let tag_height = tag_font * 1.3;
        Self {
            inset,
            tag_font,
            tag_height,
            tag_top: (inset - tag_height).max(0.0),
        }
    }
}
