//! Glyphs rasterised once per (font, glyph, size, subpixel offset) into one egui texture.

use std::collections::HashMap;

use cosmic_text::{CacheKey, FontSystem, SwashCache, SwashContent};
use egui::{Color32, ColorImage, TextureHandle, TextureOptions};

/// Side of the square atlas texture in pixels.
const ATLAS_SIZE: usize = 2048;

/// Where one glyph image sits in the atlas and how it is placed around its pen position.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AtlasGlyph {
    /// Texture coordinates (0–1) of the glyph image.
    pub uv: egui::Rect,
    /// Offset of the image's left edge from the pen position, in pixels.
    pub left: i32,
    /// Offset of the image's top edge above the baseline, in pixels.
    pub top: i32,
    /// Image width in pixels.
    pub width: u32,
    /// Image height in pixels.
    pub height: u32,
    /// Whether the image has its own colours (emoji) rather than being a coverage mask.
    pub is_color: bool,
}

/// A shelf-packed texture of rasterised glyphs, filled on demand.
pub struct GlyphAtlas {
    texture: Option<TextureHandle>,
    swash: SwashCache,
    entries: HashMap<CacheKey, Option<AtlasGlyph>>,
    shelf_x: usize,
    shelf_y: usize,
    shelf_height: usize,
}

impl Default for GlyphAtlas {
    fn default() -> Self {
        Self {
            texture: None,
            swash: SwashCache::new(),
            entries: HashMap::new(),
            shelf_x: 0,
            shelf_y: 0,
            shelf_height: 0,
        }
    }
}

impl std::fmt::Debug for GlyphAtlas {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GlyphAtlas")
            .field("glyphs", &self.entries.len())
            .finish_non_exhaustive()
    }
}

impl GlyphAtlas {
    /// The atlas texture, created on first use.
    pub fn texture_id(&mut self, ctx: &egui::Context) -> egui::TextureId {
        self.texture(ctx).id()
    }

    fn texture(&mut self, ctx: &egui::Context) -> &mut TextureHandle {
        self.texture.get_or_insert_with(|| {
            let blank = ColorImage::filled([ATLAS_SIZE, ATLAS_SIZE], Color32::TRANSPARENT);
            ctx.load_texture("taliq-glyphs", blank, TextureOptions::LINEAR)
        })
    }

    /// Number of glyph images held.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether no glyph was rasterised yet.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The glyph for `key`, rasterising and uploading it the first time; `None` for blank glyphs.
    pub fn glyph(
        &mut self,
        ctx: &egui::Context,
        font_system: &mut FontSystem,
        key: CacheKey,
    ) -> Option<AtlasGlyph> {
        if let Some(entry) = self.entries.get(&key) {
            return *entry;
        }
        let entry = self.rasterise(ctx, font_system, key);
        self.entries.insert(key, entry);
        entry
    }

    fn rasterise(
        &mut self,
        ctx: &egui::Context,
        font_system: &mut FontSystem,
        key: CacheKey,
    ) -> Option<AtlasGlyph> {
        let image = self.swash.get_image_uncached(font_system, key)?;
        let (width, height) = (
            image.placement.width as usize,
            image.placement.height as usize,
        );
        if width == 0 || height == 0 || width > ATLAS_SIZE || height > ATLAS_SIZE {
            return None;
        }
        if self.shelf_x + width > ATLAS_SIZE {
            self.shelf_x = 0;
            self.shelf_y += self.shelf_height + 1;
            self.shelf_height = 0;
        }
        if self.shelf_y + height > ATLAS_SIZE {
            // Full: start over. Glyphs are re-rasterised as they are drawn again.
            self.entries.clear();
            self.shelf_x = 0;
            self.shelf_y = 0;
            self.shelf_height = 0;
        }
        let (x, y) = (self.shelf_x, self.shelf_y);
        self.shelf_x += width + 1;
        self.shelf_height = self.shelf_height.max(height);
        let is_color = matches!(image.content, SwashContent::Color);
        let pixels: Vec<Color32> = match image.content {
            SwashContent::Mask => image
                .data
                .iter()
                .map(|&a| Color32::from_white_alpha(a))
                .collect(),
            SwashContent::Color => image
                .data
                .chunks(4)
                .map(|p| Color32::from_rgba_unmultiplied(p[0], p[1], p[2], p[3]))
                .collect(),
            SwashContent::SubpixelMask => image
                .data
                .chunks(4)
                .map(|p| {
                    Color32::from_white_alpha(
                        ((u16::from(p[0]) + u16::from(p[1]) + u16::from(p[2])) / 3) as u8,
                    )
                })
                .collect(),
        };
        self.texture(ctx).set_partial(
            [x, y],
            ColorImage::new([width, height], pixels),
            TextureOptions::LINEAR,
        );
        let size = ATLAS_SIZE as f32;
        Some(AtlasGlyph {
            uv: egui::Rect::from_min_max(
                egui::pos2(x as f32 / size, y as f32 / size),
                egui::pos2((x + width) as f32 / size, (y + height) as f32 / size),
            ),
            left: image.placement.left,
            top: image.placement.top,
            width: image.placement.width,
            height: image.placement.height,
            is_color,
        })
    }
}
