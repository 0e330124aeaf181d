//! Drawing a laid-out text into an RGBA image on the CPU (for `taliq render`, reference
//! images in tests, and anyone debugging without a window or GPU).

use std::io;

use cosmic_text::{FontSystem, SwashCache, SwashContent};

use super::layout::{Rect, TextLayout};

/// An RGBA image, 8 bits per channel, rows top to bottom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Canvas {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// `width * height` RGBA pixels.
    pub pixels: Vec<u8>,
}

impl Canvas {
    /// A canvas filled with one opaque colour.
    pub fn new(width: u32, height: u32, background: [u8; 3]) -> Self {
        let [r, g, b] = background;
        let pixels = [r, g, b, 255].repeat(width as usize * height as usize);
        Self {
            width,
            height,
            pixels,
        }
    }

    /// Blends `color` over the pixel at `(x, y)` with opacity `alpha` (0–255); off-canvas is ignored.
    pub fn blend(&mut self, x: i32, y: i32, color: [u8; 3], alpha: u8) {
        let (Ok(x), Ok(y)) = (u32::try_from(x), u32::try_from(y)) else {
            return;
        };
        if x >= self.width || y >= self.height || alpha == 0 {
            return;
        }
        let i = 4 * (y as usize * self.width as usize + x as usize);
        let a = u32::from(alpha);
        for (channel, &c) in self.pixels[i..i + 3].iter_mut().zip(&color) {
            *channel = ((u32::from(c) * a + u32::from(*channel) * (255 - a) + 127) / 255) as u8;
        }
    }

    /// Blends a translucent rectangle (edges rounded to whole pixels).
    pub fn fill_rect(&mut self, rect: Rect, color: [u8; 3], alpha: u8) {
        #[allow(
            clippy::cast_possible_wrap,
            reason = "canvas sizes are far below i32::MAX"
        )]
        let (x0, y0) = (rect.x0.round() as i32, rect.y0.round() as i32);
        let (x1, y1) = (rect.x1.round() as i32, rect.y1.round() as i32);
        for y in y0..y1 {
            for x in x0..x1 {
                self.blend(x, y, color, alpha);
            }
        }
    }

    /// Draws every line of `layout` with its top-left corner at `origin`, in `color`.
    ///
    /// Glyphs are rasterised by swash through `cache`, once per glyph, size and subpixel position.
    pub fn draw_text(
        &mut self,
        layout: &mut TextLayout,
        font_system: &mut FontSystem,
        cache: &mut SwashCache,
        origin: (f32, f32),
        color: [u8; 3],
    ) {
        layout.lay_out_all(font_system);
        for p in 0..layout.paragraphs().len() {
            let top = layout.paragraph_top(p);
            let Some(paragraph) = layout.laid_out(p) else {
                continue;
            };
            for line in &paragraph.lines {
                let baseline = origin.1 + top + line.top + line.baseline;
                for glyph in &line.glyphs {
                    let physical = glyph.physical((origin.0, baseline), 1.0);
                    let Some(image) = cache.get_image(font_system, physical.cache_key) else {
                        continue;
                    };
                    let place = image.placement;
                    let (left, top) = (physical.x + place.left, physical.y - place.top);
                    let width = place.width as usize;
                    for (i, chunk) in image
                        .data
                        .chunks(match image.content {
                            SwashContent::Mask => 1,
                            SwashContent::Color | SwashContent::SubpixelMask => 4,
                        })
                        .enumerate()
                    {
                        #[allow(clippy::cast_possible_wrap, reason = "glyph images are small")]
                        let (x, y) = (left + (i % width) as i32, top + (i / width) as i32);
                        match image.content {
                            SwashContent::Mask => self.blend(x, y, color, chunk[0]),
                            SwashContent::Color => {
                                self.blend(x, y, [chunk[0], chunk[1], chunk[2]], chunk[3]);
                            }
                            SwashContent::SubpixelMask => {
                                let coverage =
                                    chunk[..3].iter().map(|&c| u32::from(c)).sum::<u32>() / 3;
                                self.blend(x, y, color, coverage as u8);
                            }
                        }
                    }
                }
            }
        }
    }

    /// The canvas as an RGB PNG (the canvas is opaque, so alpha is dropped).
    ///
    /// # Errors
    /// When the encoder fails (it writes to memory, so only on absurd sizes).
    pub fn encode_png(&self) -> io::Result<Vec<u8>> {
        let mut bytes = Vec::new();
        let mut encoder = png::Encoder::new(&mut bytes, self.width, self.height);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        encoder.set_compression(png::Compression::High);
        let rgb: Vec<u8> = self
            .pixels
            .chunks(4)
            .flat_map(|p| [p[0], p[1], p[2]])
            .collect();
        let mut writer = encoder.write_header().map_err(io::Error::other)?;
        writer.write_image_data(&rgb).map_err(io::Error::other)?;
        writer.finish().map_err(io::Error::other)?;
        Ok(bytes)
    }

    /// Reads an RGBA (or RGB) PNG back into a canvas.
    ///
    /// # Errors
    /// When the bytes are not a PNG of 8-bit RGB or RGBA pixels.
    pub fn decode_png(bytes: &[u8]) -> io::Result<Self> {
        let decoder = png::Decoder::new(io::Cursor::new(bytes));
        let mut reader = decoder.read_info().map_err(io::Error::other)?;
        let size = reader
            .output_buffer_size()
            .ok_or_else(|| io::Error::other("PNG too large"))?;
        let mut buffer = vec![0; size];
        let info = reader.next_frame(&mut buffer).map_err(io::Error::other)?;
        let pixels = match info.color_type {
            png::ColorType::Rgba => buffer[..info.buffer_size()].to_vec(),
            png::ColorType::Rgb => buffer[..info.buffer_size()]
                .chunks(3)
                .flat_map(|p| [p[0], p[1], p[2], 255])
                .collect(),
            other => {
                return Err(io::Error::other(format!(
                    "unsupported PNG colour type {other:?}"
                )));
            }
        };
        Ok(Self {
            width: info.width,
            height: info.height,
            pixels,
        })
    }
}
