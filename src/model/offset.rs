//! Code-point offsets and half-open ranges of them.

use std::fmt;

/// An offset counted in Unicode code points (Python's `str` index), never bytes or UTF-16 units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct CharIndex(pub usize);

impl fmt::Display for CharIndex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// A half-open range `[start, end)` of code points with `start <= end` guaranteed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct CharRange {
    start: CharIndex,
    end: CharIndex,
}

impl CharRange {
    /// Builds a range from two code-point offsets, or `None` when `start > end`.
    pub fn new(start: usize, end: usize) -> Option<Self> {
        (start <= end).then_some(Self {
            start: CharIndex(start),
            end: CharIndex(end),
        })
    }

    /// Builds the range between two offsets in whichever order they come (anchor and head).
    pub fn between(a: usize, b: usize) -> Self {
        Self {
            start: CharIndex(a.min(b)),
            end: CharIndex(a.max(b)),
        }
    }

    /// First code point of the range.
    pub fn start(self) -> usize {
        self.start.0
    }

    /// One past the last code point of the range.
    pub fn end(self) -> usize {
        self.end.0
    }

    /// Number of code points covered.
    pub fn len(self) -> usize {
        self.end.0 - self.start.0
    }

    /// Whether the range covers nothing.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// Whether the two ranges share at least one code point.
    pub fn overlaps(self, other: Self) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Whether `other` lies entirely inside this range.
    pub fn contains_range(self, other: Self) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

impl fmt::Display for CharRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[{}, {})", self.start, self.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_refuses_reversed_range() {
        assert!(CharRange::new(5, 4).is_none());
        assert!(CharRange::new(4, 4).is_some_and(CharRange::is_empty));
    }

    #[test]
    fn between_orders_anchor_and_head() {
        assert_eq!(CharRange::between(9, 3), CharRange::new(3, 9).unwrap());
    }

    #[test]
    fn overlap_is_half_open() {
        let a = CharRange::new(0, 5).unwrap();
        let b = CharRange::new(5, 8).unwrap();
        assert!(!a.overlaps(b));
        assert!(a.overlaps(CharRange::new(4, 6).unwrap()));
        assert!(CharRange::new(0, 8).unwrap().contains_range(b));
    }
}
