//! Conversion between code-point offsets (the corpus) and UTF-16 code units (JavaScript, doccano).
//!
//! The two agree on Arabic; they differ by one per character outside the Basic Multilingual
//! Plane (an emoji) that comes before the offset.

/// Maps the offsets of one text between code points and UTF-16 units.
#[derive(Debug, Clone)]
pub struct Utf16Map {
    /// UTF-16 offset of every code point and of the end; empty when the text is all BMP,
    /// so the common Arabic case costs nothing.
    units: Vec<usize>,
    char_len: usize,
}

impl Utf16Map {
    /// Builds the map of `text`.
    pub fn new(text: &str) -> Self {
        let char_len = text.chars().count();
        if text.chars().all(|c| c.len_utf16() == 1) {
            return Self {
                units: Vec::new(),
                char_len,
            };
        }
        let mut units = Vec::with_capacity(char_len + 1);
        let mut at = 0;
        for c in text.chars() {
            units.push(at);
            at += c.len_utf16();
        }
        units.push(at);
        Self { units, char_len }
    }

    /// The UTF-16 offset of code-point offset `index`, or `None` past the end.
    pub fn to_utf16(&self, index: usize) -> Option<usize> {
        if self.units.is_empty() {
            (index <= self.char_len).then_some(index)
        } else {
            self.units.get(index).copied()
        }
    }

    /// The code-point offset of UTF-16 offset `unit`, or `None` past the end or inside a
    /// surrogate pair (such an offset names half a character).
    pub fn to_codepoint(&self, unit: usize) -> Option<usize> {
        if self.units.is_empty() {
            (unit <= self.char_len).then_some(unit)
        } else {
            self.units.binary_search(&unit).ok()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emoji_shifts_later_offsets_by_one_unit() {
        // The worked example of docs/corpus-format.md.
        let map = Utf16Map::new("قال الكرملين إن 😀 روسيا");
        assert_eq!(map.to_utf16(4), Some(4));
        assert_eq!(map.to_utf16(16), Some(16));
        assert_eq!(map.to_utf16(18), Some(19));
        assert_eq!(map.to_utf16(23), Some(24));
        assert_eq!(map.to_utf16(24), None);
        assert_eq!(map.to_codepoint(19), Some(18));
        assert_eq!(map.to_codepoint(17), None, "inside the surrogate pair");
        assert_eq!(map.to_codepoint(24), Some(23));
    }

    #[test]
    fn arabic_only_text_maps_to_itself() {
        let map = Utf16Map::new("زار لروسيا");
        assert_eq!(map.to_utf16(10), Some(10));
        assert_eq!(map.to_codepoint(5), Some(5));
        assert_eq!(map.to_codepoint(11), None);
    }
}
