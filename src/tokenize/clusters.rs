//! Extended grapheme clusters (UAX #29) with what the tokeniser needs of each, fast on the
//! scripts of news text.
//!
//! Most clusters of Arabic, Latin and digits are one code point, or a letter and its marks.
//! A table over the blocks of such text says of each code point its token class, whether a
//! cluster it starts is simply it and the marks after it, and whether it is such a mark. The
//! table is filled once by asking `unicode-segmentation` itself how each code point joins one
//! code point of every `Grapheme_Cluster_Break` class, so it cannot disagree with that crate;
//! a cluster that meets anything outside the table is handed to the crate whole.

use std::sync::LazyLock;

use unicode_segmentation::UnicodeSegmentation;

use super::{TokenKind, class, joins_digits};

/// The blocks the table covers, as `start..end` code points, ascending: Latin and Arabic up
/// to Thaana (U+0000–U+07FF), general punctuation (U+2000–U+206F) with its quotes, joiners and
/// bidi controls, and the Arabic presentation forms (U+FB50–U+FEFF).
const BLOCKS: [(u32, u32); 3] = [(0x0000, 0x0800), (0x2000, 0x2070), (0xFB50, 0xFF00)];

/// Token class in the low two bits: none, word, number, punctuation.
const CLASS: u8 = 0b11;
/// A separator that stays inside a number between digits.
const JOINS_DIGITS: u8 = 1 << 2;
/// Joins the cluster before it, whatever that cluster began with (`Extend`, `ZWJ`, `SpacingMark`).
const EXTENDS: u8 = 1 << 3;
/// A cluster it begins is it and the code points that extend it after it.
const STARTS_SIMPLE: u8 = 1 << 4;
/// A cluster it begins is it alone (controls, line feed).
const ALONE: u8 = 1 << 5;

/// One code point of each `Grapheme_Cluster_Break` value, and of the emoji and Indic conjunct
/// classes the rules name: whether a code point joins each of these tells how it joins any.
const FOLLOWERS: [char; 17] = [
    'a',         // Other
    '\u{0301}',  // Extend
    '\u{200D}',  // ZWJ
    '\u{093F}',  // SpacingMark
    '\r',        // CR
    '\n',        // LF
    '\u{0001}',  // Control
    '\u{0600}',  // Prepend
    '\u{1F1E6}', // Regional_Indicator
    '\u{1100}',  // L
    '\u{1161}',  // V
    '\u{11A8}',  // T
    '\u{AC00}',  // LV
    '\u{AC01}',  // LVT
    '\u{1F600}', // Extended_Pictographic
    '\u{0915}',  // InCB=Consonant
    '\u{094D}',  // InCB=Linker
];

/// Whether `chars` (at most four) make one extended grapheme cluster.
fn one_cluster(chars: &[char]) -> bool {
    // On the stack: the table asks this some 60,000 times when it is filled.
    let mut buffer = [0; 16];
    let mut len = 0;
    for c in chars {
        len += c.encode_utf8(&mut buffer[len..]).len();
    }
    std::str::from_utf8(&buffer[..len]).is_ok_and(|text| text.graphemes(true).nth(1).is_none())
}

/// Whether `c` joins a cluster begun by a plain letter, and keeps no emoji after it either
/// (an `Extended_Pictographic` mark would let a ZWJ join the next emoji).
fn extends(c: char) -> bool {
    one_cluster(&['a', c]) && !one_cluster(&['a', c, '\u{200D}', '\u{1F600}'])
}

/// The table entry of `c`, from the tokeniser's classes and probes of `unicode-segmentation`;
/// `joins_letter[i]` says whether `FOLLOWERS[i]` joins a plain letter.
fn entry(c: char, joins_letter: &[bool; FOLLOWERS.len()]) -> u8 {
    let mut bits = match class(c) {
        None => 0,
        Some(TokenKind::Word) => 1,
        Some(TokenKind::Number) => 2,
        Some(TokenKind::Punct) => 3,
    };
    if joins_digits(c) {
        bits |= JOINS_DIGITS;
    }
    if extends(c) {
        bits |= EXTENDS;
    }
    let joins_as_marks = FOLLOWERS
        .iter()
        .zip(joins_letter)
        .all(|(&f, &joins)| one_cluster(&[c, f]) == joins);
    // Not an emoji that a ZWJ joins to the next, nor a consonant a virama joins to the next.
    let no_sequence =
        !one_cluster(&[c, '\u{200D}', '\u{1F600}']) && !one_cluster(&[c, '\u{094D}', '\u{0915}']);
    if joins_as_marks && no_sequence {
        bits |= STARTS_SIMPLE;
    }
    if FOLLOWERS.iter().all(|&f| !one_cluster(&[c, f])) {
        bits |= ALONE;
    }
    bits
}

static TABLE: LazyLock<Vec<u8>> = LazyLock::new(|| {
    let joins_letter = FOLLOWERS.map(|f| one_cluster(&['a', f]));
    BLOCKS
        .iter()
        .flat_map(|&(start, end)| start..end)
        .map(|u| char::from_u32(u).map_or(0, |c| entry(c, &joins_letter)))
        .collect()
});

/// The table entry of `c`, or `None` outside the table's blocks.
#[inline]
fn lookup(table: &[u8], c: char) -> Option<u8> {
    let u = c as u32;
    // Latin and Arabic first: they are most of the text.
    if u < BLOCKS[0].1 {
        return table.get(u as usize).copied();
    }
    let mut offset = 0;
    for (start, end) in BLOCKS {
        if u < end {
            return (u >= start).then(|| table[offset + (u - start) as usize]);
        }
        offset += (end - start) as usize;
    }
    None
}

fn kind(bits: u8) -> Option<TokenKind> {
    match bits & CLASS {
        1 => Some(TokenKind::Word),
        2 => Some(TokenKind::Number),
        3 => Some(TokenKind::Punct),
        _ => None,
    }
}

/// Where a cluster or token lies: code points and bytes, both half-open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Place {
    /// First and past-the-end code point.
    pub chars: (usize, usize),
    /// First and past-the-end byte.
    pub bytes: (usize, usize),
}

impl Place {
    /// From the start of `self` to the end of `end`.
    pub fn to(self, end: Self) -> Self {
        Self {
            chars: (self.chars.0, end.chars.1),
            bytes: (self.bytes.0, end.bytes.1),
        }
    }
}

/// One extended grapheme cluster and what the tokeniser needs of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Cluster {
    /// Where it lies.
    pub place: Place,
    /// The class of its first code point.
    pub kind: Option<TokenKind>,
    /// Whether it is one separator that stays between digits (`.` of `1.5`).
    pub joins_digits: bool,
}

/// A cluster begun by a code point the table knows, still being read.
#[derive(Debug, Clone, Copy)]
struct Open {
    /// Its first byte and code point.
    byte: usize,
    char: usize,
    /// Code points read so far.
    chars: usize,
    /// The table entry of its first code point.
    bits: u8,
}

impl Open {
    fn finish(self, end_byte: usize) -> Cluster {
        Cluster {
            place: Place {
                chars: (self.char, self.char + self.chars),
                bytes: (self.byte, end_byte),
            },
            kind: kind(self.bits),
            joins_digits: self.chars == 1 && self.bits & JOINS_DIGITS != 0,
        }
    }
}

/// The cluster of `text` beginning at byte `byte` (code point `char`), as
/// `unicode-segmentation` cuts it.
#[cold]
#[inline(never)]
fn general(text: &str, byte: usize, char: usize) -> Cluster {
    let grapheme = text[byte..].graphemes(true).next().unwrap_or_default();
    Cluster {
        place: Place {
            chars: (char, char + grapheme.chars().count()),
            bytes: (byte, byte + grapheme.len()),
        },
        kind: grapheme.chars().next().and_then(class),
        joins_digits: grapheme.chars().all(joins_digits),
    }
}

/// Calls `each` with the clusters of `text`, in order.
///
/// One pass over the code points: a cluster begun by a code point the table calls simple
/// takes the marks after it and ends at the first code point that is not one; a cluster
/// that begins or goes on with anything else is cut by `unicode-segmentation`.
#[allow(
    clippy::inline_always,
    reason = "so that the tokeniser's per-cluster closure is inlined into the walk over code points"
)]
#[inline(always)]
pub(super) fn for_each(text: &str, mut each: impl FnMut(Cluster)) {
    let table = TABLE.as_slice();
    // `chars` walks `text[base..]`; it starts again after a cluster cut by the general rules.
    let mut base = 0;
    let mut chars = text.char_indices();
    let mut char = 0;
    let mut open: Option<Open> = None;
    while let Some((offset, c)) = chars.next() {
        let byte = base + offset;
        let bits = lookup(table, c);
        let start = match open {
            Some(mut cluster) => match bits {
                Some(b) if b & EXTENDS != 0 && cluster.bits & STARTS_SIMPLE != 0 => {
                    cluster.chars += 1;
                    open = Some(cluster);
                    char += 1;
                    continue;
                }
                // What follows is unknown to the table: it may join, so the crate decides.
                None if cluster.bits & STARTS_SIMPLE != 0 => Some((cluster.byte, cluster.char)),
                _ => {
                    each(cluster.finish(byte));
                    None
                }
            },
            None => None,
        };
        let start = match (start, bits) {
            (Some(start), _) => start,
            (None, Some(b)) if b & (STARTS_SIMPLE | ALONE) != 0 => {
                open = Some(Open {
                    byte,
                    char,
                    chars: 1,
                    bits: b,
                });
                char += 1;
                continue;
            }
            (None, _) => (byte, char),
        };
        let cluster = general(text, start.0, start.1);
        each(cluster);
        open = None;
        (base, char) = (cluster.place.bytes.1, cluster.place.chars.1);
        chars = text[base..].char_indices();
    }
    if let Some(cluster) = open {
        each(cluster.finish(text.len()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str) -> Vec<usize> {
        let mut lengths = Vec::new();
        for_each(text, |c| lengths.push(c.place.chars.1 - c.place.chars.0));
        lengths
    }

    #[test]
    fn clusters_are_those_of_unicode_segmentation() {
        let texts = [
            "بِسْمِ اللَّهِ",
            "a\r\nb\n\u{064E}",
            "e\u{0301}\u{0301}x",
            "ب\u{200D}😀 😀\u{200D}😀",
            "\u{1F1F8}\u{1F1E6}\u{1F1EA}",
            "क\u{094D}ष ﻻ ﷺ\u{0651}",
            "\u{0600}١٢ \u{06DD}٣",
        ];
        for text in texts {
            let expected: Vec<usize> = text.graphemes(true).map(|g| g.chars().count()).collect();
            assert_eq!(cut(text), expected, "{text:?}");
        }
    }

    #[test]
    fn table_knows_arabic_letters_harakat_and_line_feeds() {
        let table = TABLE.as_slice();
        let bits = |c| lookup(table, c).unwrap();
        assert_ne!(bits('ب') & STARTS_SIMPLE, 0);
        assert_eq!(kind(bits('ب')), Some(TokenKind::Word));
        assert_ne!(bits('\u{064E}') & EXTENDS, 0);
        assert_ne!(bits('\u{200D}') & EXTENDS, 0);
        assert_ne!(bits('\n') & ALONE, 0);
        assert_eq!(bits('\r') & (ALONE | STARTS_SIMPLE), 0, "CR joins a LF");
        assert_eq!(bits('©') & STARTS_SIMPLE, 0, "a ZWJ joins © to an emoji");
        assert_eq!(kind(bits('٢')), Some(TokenKind::Number));
        assert_ne!(bits('،') & JOINS_DIGITS, 0);
        assert_eq!(lookup(table, '😀'), None);
    }
}
