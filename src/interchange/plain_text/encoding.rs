//! Decoding text files as they come: UTF-8 with or without a byte-order mark, UTF-16 with
//! one (Windows Notepad's "Unicode"), and the legacy Arabic code pages when named.
//!
//! Decoding is strict: a byte sequence that is not valid in the encoding is an error with
//! its place, never a silent U+FFFD, so a wrongly guessed encoding cannot slip into a corpus.

use std::fmt;

use encoding_rs::{DecoderResult, Encoding, ISO_8859_6, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1256};

/// The encodings taliq reads text files in, by their WHATWG names.
const SUPPORTED: [&Encoding; 5] = [UTF_8, UTF_16LE, UTF_16BE, WINDOWS_1256, ISO_8859_6];

/// The byte-order mark, as a character.
const BOM: char = '\u{feff}';

/// An encoding a text file can be read in: UTF-8, UTF-16LE/BE, windows-1256 or ISO-8859-6.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct TextEncoding(&'static Encoding);

impl TextEncoding {
    /// UTF-8, what a file without a byte-order mark is read as unless told otherwise.
    pub const UTF_8: Self = Self(UTF_8);
    /// UTF-16, little-endian.
    pub const UTF_16LE: Self = Self(UTF_16LE);
    /// UTF-16, big-endian.
    pub const UTF_16BE: Self = Self(UTF_16BE);
    /// Windows-1256, the Windows Arabic code page.
    pub const WINDOWS_1256: Self = Self(WINDOWS_1256);
    /// ISO-8859-6, the ISO Latin/Arabic code page.
    pub const ISO_8859_6: Self = Self(ISO_8859_6);

    /// The encoding a WHATWG label names (`windows-1256`, `cp1256`, `iso-8859-6`, `arabic`,
    /// `utf-8`, `utf8`, `utf-16le`, `utf-16be`, …), case and surrounding spaces ignored.
    ///
    /// # Errors
    /// A message listing the accepted names, when the label names no encoding taliq reads.
    pub fn from_label(label: &str) -> Result<Self, String> {
        Encoding::for_label(label.as_bytes())
            .filter(|found| SUPPORTED.contains(found))
            .map(Self)
            .ok_or_else(|| {
                format!(
                    "unknown encoding {label:?}: taliq reads {} (and their other WHATWG labels, such as cp1256 or arabic)",
                    Self::accepted_names()
                )
            })
    }

    /// The canonical names of the encodings taliq reads, comma-separated.
    pub fn accepted_names() -> String {
        SUPPORTED
            .iter()
            .map(|e| e.name().to_ascii_lowercase())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The encoding's WHATWG name, e.g. `UTF-8`, `windows-1256`.
    pub fn name(self) -> &'static str {
        self.0.name()
    }

    /// Whether this is a Unicode encoding, whose byte-order mark cannot be text.
    pub fn is_unicode(self) -> bool {
        self == Self::UTF_8 || self == Self::UTF_16LE || self == Self::UTF_16BE
    }

    /// The encoding a byte-order mark at the start of `bytes` announces, with the mark's length.
    pub fn sniff(bytes: &[u8]) -> Option<(Self, usize)> {
        Encoding::for_bom(bytes).map(|(encoding, len)| (Self(encoding), len))
    }
}

impl fmt::Debug for TextEncoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl fmt::Display for TextEncoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Where a file stops being valid in its encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Malformed {
    /// The encoding the file was read in.
    pub encoding: TextEncoding,
    /// Byte offset in the file of the first byte of the bad sequence.
    pub byte: usize,
    /// 1-based line of that byte.
    pub line: usize,
    /// 1-based character column of that byte (a byte-order mark is not counted).
    pub column: usize,
    /// What is wrong, when it is more than an invalid sequence.
    pub reason: MalformedReason,
}

/// Why a file is not valid in its encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MalformedReason {
    /// A byte sequence the encoding does not define (or a file cut inside a character).
    InvalidSequence,
    /// The file starts with the byte-order mark of another Unicode encoding than the one named.
    OtherMark(TextEncoding),
}

/// Decodes a text file's bytes: in `explicit` when given, else in the encoding its
/// byte-order mark announces, else as UTF-8. Leading byte-order marks are never kept.
///
/// # Errors
/// [`Malformed`] at the first byte sequence that is not valid in the encoding.
pub fn decode_text(bytes: &[u8], explicit: Option<TextEncoding>) -> Result<String, Malformed> {
    let sniffed = TextEncoding::sniff(bytes).map(|(e, _)| e);
    // In a Unicode encoding another one's mark can only be a wrong --encoding (read on, it
    // gives text byte-swapped or worse); in a code page the same bytes are letters
    // (windows-1256 FF FE is yeh barree and RLM), so there the name given wins.
    if let (Some(named), Some(marked)) = (explicit, sniffed)
        && named.is_unicode()
        && named != marked
    {
        // Checked before decoding: it is the first thing wrong in the file.
        return Err(Malformed {
            encoding: named,
            byte: 0,
            line: 1,
            column: 1,
            reason: MalformedReason::OtherMark(marked),
        });
    }
    let encoding = explicit.or(sniffed).unwrap_or(TextEncoding::UTF_8);
    let mut text = decode_strictly(bytes, encoding)?;
    // All of them: a tool that adds a mark to a file that has one leaves two, and a
    // U+FEFF at the very start of a text joins nothing, so no content is lost.
    let marks = text.len() - text.trim_start_matches(BOM).len();
    text.drain(..marks);
    Ok(text)
}

/// Decodes all of `bytes` in `encoding`, a byte-order mark included as a character.
fn decode_strictly(bytes: &[u8], encoding: TextEncoding) -> Result<String, Malformed> {
    let mut decoder = encoding.0.new_decoder_without_bom_handling();
    let mut text = String::new();
    let mut read_total = 0;
    loop {
        let rest = &bytes[read_total..];
        let room = decoder
            .max_utf8_buffer_length_without_replacement(rest.len())
            .unwrap_or(rest.len().saturating_mul(3));
        text.reserve(room);
        let (result, read) = decoder.decode_to_string_without_replacement(rest, &mut text, true);
        read_total += read;
        match result {
            DecoderResult::InputEmpty => return Ok(text),
            DecoderResult::OutputFull => {}
            DecoderResult::Malformed(bad, after) => {
                // The bad bytes may have been read by an earlier call: count back from all read.
                let byte = read_total.saturating_sub(usize::from(bad) + usize::from(after));
                let (line, column) = line_and_column_after(&text);
                return Err(Malformed {
                    encoding,
                    byte,
                    line,
                    column,
                    reason: MalformedReason::InvalidSequence,
                });
            }
        }
    }
}

/// 1-based line and character column of the character that would follow `decoded`.
fn line_and_column_after(decoded: &str) -> (usize, usize) {
    let decoded = decoded.trim_start_matches(BOM);
    let line_start = decoded.rfind('\n').map_or(0, |i| i + 1);
    let line = 1 + decoded.bytes().filter(|&b| b == b'\n').count();
    (line, 1 + decoded[line_start..].chars().count())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_the_whatwg_ones_and_unknown_names_list_the_accepted() {
        for (label, name) in [
            ("windows-1256", "windows-1256"),
            ("CP1256", "windows-1256"),
            (" x-cp1256 ", "windows-1256"),
            ("iso-8859-6", "ISO-8859-6"),
            ("arabic", "ISO-8859-6"),
            ("utf8", "UTF-8"),
            ("UTF-16LE", "UTF-16LE"),
            ("utf-16", "UTF-16LE"),
            ("utf-16be", "UTF-16BE"),
        ] {
            assert_eq!(TextEncoding::from_label(label).unwrap().name(), name);
        }
        for unknown in ["latin1", "shift_jis", "replacement", "", "klingon"] {
            let message = TextEncoding::from_label(unknown).unwrap_err();
            assert!(
                message.contains("utf-8, utf-16le, utf-16be, windows-1256, iso-8859-6"),
                "{message}"
            );
        }
    }

    #[test]
    fn every_byte_is_a_character_in_windows_1256() {
        // So no windows-1256 file is ever refused: the error path exists for the others.
        let all: Vec<u8> = (0..=255).collect();
        let text = decode_text(&all, Some(TextEncoding::WINDOWS_1256)).unwrap();
        assert_eq!(text.chars().count(), 256);
    }

    #[test]
    fn utf16_with_its_mark_is_read_without_being_named() {
        let text = "سطر\nثانٍ";
        let le: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xfe, 0xff]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode_text(&le, None).unwrap(), text);
        assert_eq!(decode_text(&be, None).unwrap(), text);
        assert_eq!(
            decode_text(&le, Some(TextEncoding::UTF_16LE)).unwrap(),
            text
        );
        let reversed = decode_text(&le, Some(TextEncoding::UTF_16BE)).unwrap_err();
        assert_eq!(
            reversed.reason,
            MalformedReason::OtherMark(TextEncoding::UTF_16LE)
        );
        let utf8_mark = "\u{feff}سطر".as_bytes();
        for named in [TextEncoding::UTF_16LE, TextEncoding::UTF_16BE] {
            let err = decode_text(utf8_mark, Some(named)).unwrap_err();
            assert_eq!(err.reason, MalformedReason::OtherMark(TextEncoding::UTF_8));
        }
        let err = decode_text(&le, Some(TextEncoding::UTF_8)).unwrap_err();
        assert_eq!(
            err.reason,
            MalformedReason::OtherMark(TextEncoding::UTF_16LE)
        );
    }

    #[test]
    fn in_a_code_page_the_bytes_of_a_mark_are_letters() {
        // windows-1256 FF = ے (yeh barree), FE = RLM; EF BB BF = ï » ؟.
        let text = decode_text(&[0xff, 0xfe, 0xc7], Some(TextEncoding::WINDOWS_1256)).unwrap();
        assert_eq!(text, "\u{6d2}\u{200f}\u{627}");
        let text = decode_text(&[0xef, 0xbb, 0xbf], Some(TextEncoding::WINDOWS_1256)).unwrap();
        assert_eq!(text, "ï»؟");
    }

    #[test]
    fn fuzz_repeated_marks_are_all_dropped() {
        // Found by tests/props/fuzz_readers.rs: of three UTF-8 marks two stayed in the text.
        let bytes = "\u{feff}\u{feff}\u{feff}سطر أول\u{feff}".as_bytes();
        assert_eq!(decode_text(bytes, None).unwrap(), "سطر أول\u{feff}");
        assert_eq!(
            decode_text(bytes, Some(TextEncoding::UTF_8)).unwrap(),
            "سطر أول\u{feff}"
        );
    }

    #[test]
    fn fuzz_reversed_mark_is_reported_before_a_later_bad_unit() {
        // Found by tests/props/fuzz_readers.rs: a big-endian mark, read as UTF-16LE, in a file
        // of odd length was reported at its last byte, not at the mark.
        let mut bytes: Vec<u8> = [0xfe, 0xff]
            .into_iter()
            .chain("سطر".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        bytes.push(0x06);
        let err = decode_text(&bytes, Some(TextEncoding::UTF_16LE)).unwrap_err();
        assert_eq!(
            err.reason,
            MalformedReason::OtherMark(TextEncoding::UTF_16BE)
        );
        assert_eq!((err.byte, err.line, err.column), (0, 1, 1));
        let err = decode_text(&bytes, None).unwrap_err();
        assert_eq!(err.reason, MalformedReason::InvalidSequence);
        assert_eq!(err.byte, 8, "the cut last unit, when the mark decides");
    }

    #[test]
    fn a_lone_surrogate_and_a_cut_last_unit_are_placed() {
        // "اب\n" then a lone high surrogate D800 then "ج", little-endian, with a mark.
        let units: Vec<u16> = vec![0xfeff, 0x0627, 0x0628, 0x000a, 0xd800, 0x062c];
        let bytes: Vec<u8> = units.iter().flat_map(|u| u.to_le_bytes()).collect();
        let err = decode_text(&bytes, None).unwrap_err();
        assert_eq!((err.byte, err.line, err.column), (8, 2, 1), "{err:?}");
        let mut cut: Vec<u8> = [0xff, 0xfe, 0x27, 0x06].to_vec();
        cut.push(0x28);
        let err = decode_text(&cut, None).unwrap_err();
        assert_eq!((err.byte, err.line, err.column), (4, 1, 2), "{err:?}");
    }
}
