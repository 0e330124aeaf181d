//! Interface lines laid out once: every menu item, button and label of the window goes
//! through the text engine (egui has no bidi), so the same strings are shaped frame after
//! frame; this keeps their layouts.

use std::collections::HashMap;
use std::rc::Rc;

use crate::text::layout::{LayoutConfig, ParagraphLayout, TextLayout};

use super::TextEngine;

/// How many layouts are kept before the cache starts again (a window shows a few hundred
/// strings; lists of names and span texts scroll by).
const CAPACITY: usize = 4096;

/// What a layout depends on: the text and the configuration's numbers as bits.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Key {
    text: String,
    font_size: u32,
    line_height: u32,
    width: u32,
    family: &'static str,
}

/// Laid-out one-paragraph texts by text and configuration.
#[derive(Debug, Default)]
pub struct ShapedLines {
    layouts: HashMap<Key, Rc<ParagraphLayout>>,
}

impl ShapedLines {
    /// How many layouts are kept.
    pub fn len(&self) -> usize {
        self.layouts.len()
    }

    /// Whether none are.
    pub fn is_empty(&self) -> bool {
        self.layouts.is_empty()
    }
}

/// `text` (one paragraph: separators already made spaces) laid out with `config`, from the
/// cache when it was laid out before.
pub fn paragraph(engine: &mut TextEngine, text: &str, config: LayoutConfig) -> Rc<ParagraphLayout> {
    let key = Key {
        text: text.to_owned(),
        font_size: config.font_size.to_bits(),
        line_height: config.line_height.to_bits(),
        width: config.width.to_bits(),
        family: config.family,
    };
    if let Some(layout) = engine.shaped.layouts.get(&key) {
        return Rc::clone(layout);
    }
    let mut layout = TextLayout::new(text, config);
    let laid_out = Rc::new(layout.paragraph(&mut engine.font_system, 0).clone());
    if engine.shaped.layouts.len() >= CAPACITY {
        engine.shaped.layouts.clear();
    }
    engine.shaped.layouts.insert(key, Rc::clone(&laid_out));
    laid_out
}
