//! Decoding text files as they come: a byte-order mark decides (UTF-8, UTF-16LE/BE); else
//! the encoding the caller names; else the file's own bytes: valid UTF-8, UTF-16 by its
//! pattern of zero bytes, else the legacy Arabic code page `chardetng` finds.
//!
//! Decoding is strict: a byte sequence that is not valid in the encoding is an error with
//! its place, never a silent U+FFFD, so a wrongly guessed encoding cannot slip into a corpus.

use std::fmt;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
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

/// How the encoding of a file was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EncodingChoice {
    /// Its byte-order mark announced it.
    Mark,
    /// The caller named it (`--encoding`), and the file has no mark.
    Given,
    /// Found in the file's bytes: UTF-16 by its zero bytes, valid UTF-8, or a code page.
    Detected,
}

impl EncodingChoice {
    /// How the encoding was chosen, for a sentence: `from its BOM`, `given`, `detected`.
    pub fn how(self) -> &'static str {
        match self {
            Self::Mark => "from its BOM",
            Self::Given => "given",
            Self::Detected => "detected",
        }
    }
}

impl fmt::Display for EncodingChoice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Mark => "BOM",
            Self::Given => "given",
            Self::Detected => "detected",
        })
    }
}

/// A text file's content, with the encoding it was read in and how that was chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without its byte-order marks.
    pub text: String,
    /// The encoding it was read in.
    pub encoding: TextEncoding,
    /// How that encoding was chosen.
    pub choice: EncodingChoice,
}

/// Where a file stops being valid in its encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Malformed {
    /// The encoding the file was read in.
    pub encoding: TextEncoding,
    /// How that encoding was chosen.
    pub choice: EncodingChoice,
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
    /// Not UTF-8, and its bytes look like no code page taliq reads: `closest` is what the
    /// detector found (e.g. windows-1252), so the file must be named with `--encoding`.
    Undetected {
        /// The encoding the detector thinks most likely, one taliq does not read.
        closest: &'static str,
    },
    /// Another encoding than UTF-8 was given for a file that is UTF-8 beyond ASCII, which
    /// read so would be mojibake; the place is its first character beyond ASCII.
    Utf8NotAsGiven,
}

/// Decodes a text file's bytes. A byte-order mark always decides; else `given` when there
/// is one; else the bytes do (see [`detect`]). Leading byte-order marks are never kept.
///
/// # Errors
/// [`Malformed`] at the first byte sequence that is not valid in the encoding, or when the
/// encoding cannot be told from the bytes.
pub fn decode_text(bytes: &[u8], given: Option<TextEncoding>) -> Result<Decoded, Malformed> {
    // A mark decides even over a name given for a whole folder: in a code page its bytes
    // would be letters (windows-1256 FF FE is yeh barree and RLM), but no Arabic text
    // starts so, while a folder of files from several tools often mixes marked ones in.
    let (encoding, choice) = if let Some((marked, _)) = TextEncoding::sniff(bytes) {
        (marked, EncodingChoice::Mark)
    } else if let Some(given) = given {
        // A text that is UTF-8 beyond ASCII is almost never a code page's bytes (each of
        // its letters would have to be followed by a symbol from 80–BF), and read as one
        // would silently become mojibake: refused, so the name is dropped or fixed.
        if given != TextEncoding::UTF_8
            && let Ok(text) = std::str::from_utf8(bytes)
            && let Some(at) = text.find(|c: char| !c.is_ascii())
        {
            let (line, column) = line_and_column_after(&text[..at]);
            return Err(Malformed {
                encoding: given,
                choice: EncodingChoice::Given,
                byte: at,
                line,
                column,
                reason: MalformedReason::Utf8NotAsGiven,
            });
        }
        (given, EncodingChoice::Given)
    } else {
        (detect(bytes)?, EncodingChoice::Detected)
    };
    let mut text = decode_exactly(bytes, encoding).map_err(|mut bad| {
        bad.choice = choice;
        bad
    })?;
    // All of them: a tool that adds a mark to a file that has one leaves two, and a
    // U+FEFF at the very start of a text joins nothing, so no content is lost.
    let marks = text.len() - text.trim_start_matches(BOM).len();
    text.drain(..marks);
    Ok(Decoded {
        text,
        encoding,
        choice,
    })
}

/// The encoding of a file without a byte-order mark, from its bytes: UTF-8 when they are
/// valid UTF-8 with a character beyond ASCII; UTF-16 when its zero bytes fall on one side
/// of the code units (see [`utf16_by_zero_bytes`]); UTF-8 when they are ASCII; else the
/// Arabic code page `chardetng` finds.
///
/// # Errors
/// When the bytes are not UTF-8, and either mostly are (a damaged UTF-8 file: the error is
/// at its first bad byte) or look like no code page taliq reads.
pub fn detect(bytes: &[u8]) -> Result<TextEncoding, Malformed> {
    let utf8 = std::str::from_utf8(bytes);
    // Arabic in UTF-16 is never valid UTF-8 with a multi-byte sequence (that would need
    // code units of U+8000 and above), while a UTF-8 text may hold a stray NUL: so a
    // UTF-8 text beyond ASCII is UTF-8 whatever its zero bytes.
    if utf8.is_ok_and(|text| !text.is_ascii()) {
        return Ok(TextEncoding::UTF_8);
    }
    if let Some(utf16) = utf16_by_zero_bytes(bytes) {
        return Ok(utf16);
    }
    let Err(invalid) = utf8 else {
        return Ok(TextEncoding::UTF_8);
    };
    let at_first_bad_byte = |reason| {
        let before = &bytes[..invalid.valid_up_to()];
        let (line, column) = line_and_column_after(std::str::from_utf8(before).unwrap_or_default());
        Malformed {
            encoding: TextEncoding::UTF_8,
            choice: EncodingChoice::Detected,
            byte: invalid.valid_up_to(),
            line,
            column,
            reason,
        }
    };
    if mostly_utf8(bytes) {
        return Err(at_first_bad_byte(MalformedReason::InvalidSequence));
    }
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, Utf8Detection::Deny);
    if guess == WINDOWS_1256 || guess == ISO_8859_6 {
        Ok(TextEncoding(guess))
    } else {
        Err(at_first_bad_byte(MalformedReason::Undetected {
            closest: guess.name(),
        }))
    }
}

/// UTF-16 without a mark, told by where its zero bytes are: every ASCII character (space,
/// newline, digit, Latin letter) has a zero high byte, so in UTF-16LE zeros fill the odd
/// bytes and almost never the even ones (only U+xx00 code points), and the other way round
/// in UTF-16BE. UTF-8 and the code pages have no zero byte but NUL.
fn utf16_by_zero_bytes(bytes: &[u8]) -> Option<TextEncoding> {
    let units = bytes.len() / 2;
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in bytes.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    // Arabic prose has a space every five or six letters; one unit in sixteen with a zero
    // high byte is far more than a stray NUL in a UTF-8 file, far less than real text has.
    let like = |high: usize, low: usize| high > 0 && high * 16 >= units && low * 8 <= high;
    if like(odd, even) {
        Some(TextEncoding::UTF_16LE)
    } else if like(even, odd) {
        Some(TextEncoding::UTF_16BE)
    } else {
        None
    }
}

/// Whether bytes that are not valid UTF-8 still mostly are: most of their non-ASCII bytes
/// form valid UTF-8 sequences. A damaged UTF-8 file is so; Arabic in a code page is not
/// (its letters, C1–FE, follow one another, and a lead byte needs a continuation 80–BF).
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut valid, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        valid += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    valid > 4 * invalid
}

/// Decodes all of `bytes` in `encoding`, a byte-order mark included as a character, with
/// none of [`decode_text`]'s choices or checks.
///
/// # Errors
/// [`Malformed`] at the first byte sequence that is not valid in the encoding.
pub fn decode_exactly(bytes: &[u8], encoding: TextEncoding) -> Result<String, Malformed> {
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
                    choice: EncodingChoice::Given,
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

    /// A news paragraph with harakat, the Arabic comma and question mark, digits and a
    /// Latin name, as a user's legacy file would hold it.
    const NEWS: &str = "قالَ المتحدثُ باسم الكرملين، ديمتري بيسكوف، إنّ روسيا مستعدةٌ للحوار مع \
        أوكرانيا في إسطنبول يوم 15 أيار/مايو 2025.\r\nوأضاف أنّ الوفد سيرأسه فلاديمير ميدينسكي، \
        مساعد الرئيس، فهل يقبل الطرف الآخر؟ (Reuters)\r\n";

    fn encoded(text: &str, encoding: &'static Encoding) -> Vec<u8> {
        let (bytes, _, unmappable) = encoding.encode(text);
        assert!(!unmappable, "{} can hold the text", encoding.name());
        bytes.into_owned()
    }

    fn utf16(text: &str, little_endian: bool) -> Vec<u8> {
        text.encode_utf16()
            .flat_map(|u| {
                if little_endian {
                    u.to_le_bytes()
                } else {
                    u.to_be_bytes()
                }
            })
            .collect()
    }

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
        let decoded = decode_text(&all, Some(TextEncoding::WINDOWS_1256)).unwrap();
        assert_eq!(decoded.text.chars().count(), 256);
        assert_eq!(decoded.choice, EncodingChoice::Given);
    }

    #[test]
    fn arabic_in_windows_1256_is_detected_and_decoded_exactly() {
        let bytes = encoded(NEWS, WINDOWS_1256);
        assert!(std::str::from_utf8(&bytes).is_err(), "not UTF-8 by chance");
        let decoded = decode_text(&bytes, None).unwrap();
        assert_eq!(decoded.text, NEWS);
        assert_eq!(
            (decoded.encoding, decoded.choice),
            (TextEncoding::WINDOWS_1256, EncodingChoice::Detected)
        );
        // One line, as a short file of a headline would be.
        let headline = "زار لافروف أنقرة أمس";
        let decoded = decode_text(&encoded(headline, WINDOWS_1256), None).unwrap();
        assert_eq!(decoded.text, headline);
        assert_eq!(decoded.encoding, TextEncoding::WINDOWS_1256);
    }

    #[test]
    fn arabic_in_iso_8859_6_is_told_from_windows_1256() {
        // ISO-8859-6 has no harakat-free Latin letters' accents, and no ligature slots: the
        // text without the Latin parenthesis, which it can hold.
        let text = "قالَ المتحدثُ باسم الكرملين، إنّ روسيا مستعدةٌ للحوار مع أوكرانيا؟\n";
        let decoded = decode_text(&encoded(text, ISO_8859_6), None).unwrap();
        assert_eq!(decoded.text, text);
        assert_eq!(decoded.encoding, TextEncoding::ISO_8859_6);
    }

    #[test]
    fn utf16_without_a_mark_is_told_by_its_zero_bytes() {
        for (little_endian, expected) in [
            (true, TextEncoding::UTF_16LE),
            (false, TextEncoding::UTF_16BE),
        ] {
            let decoded = decode_text(&utf16(NEWS, little_endian), None).unwrap();
            assert_eq!(decoded.text, NEWS);
            assert_eq!(
                (decoded.encoding, decoded.choice),
                (expected, EncodingChoice::Detected)
            );
            // Latin text has a zero in every unit.
            let decoded = decode_text(&utf16("Reuters, 2025", little_endian), None).unwrap();
            assert_eq!(
                (decoded.text.as_str(), decoded.encoding),
                ("Reuters, 2025", expected)
            );
        }
    }

    #[test]
    fn a_stray_nul_does_not_make_utf8_into_utf16() {
        let text = format!("{NEWS}\0{NEWS}");
        let decoded = decode_text(text.as_bytes(), None).unwrap();
        assert_eq!(decoded.encoding, TextEncoding::UTF_8);
        assert_eq!(
            decoded.text, text,
            "the NUL is for the control check to refuse"
        );
    }

    #[test]
    fn a_short_utf8_text_with_a_nul_stays_utf8() {
        // One NUL in nine units: as many zeros as UTF-16 of a short Arabic line has.
        let text = "a\0bجد هـ و";
        let decoded = decode_text(text.as_bytes(), None).unwrap();
        assert_eq!(
            (decoded.text.as_str(), decoded.encoding),
            (text, TextEncoding::UTF_8)
        );
        // A two-word line in UTF-16LE without a mark, one space: UTF-16 all the same.
        let line = utf16("مرحبا بكم", true);
        assert_eq!(decode_text(&line, None).unwrap().text, "مرحبا بكم");
    }

    #[test]
    fn damaged_utf8_is_refused_at_its_bad_byte_not_read_as_a_code_page() {
        let mut bytes = "سطر أول\nسطر".as_bytes().to_vec();
        bytes.extend([0xd8, 0x20]);
        let err = decode_text(&bytes, None).unwrap_err();
        assert_eq!(err.reason, MalformedReason::InvalidSequence);
        assert_eq!(
            (err.encoding, err.byte, err.line, err.column),
            (TextEncoding::UTF_8, 20, 2, 4)
        );
    }

    #[test]
    fn a_latin_code_page_is_refused_with_the_closest_guess() {
        let french = "L'été à Montréal, où il fait chaud; voilà la fête du quartier.\n";
        let err = decode_text(&encoded(french, encoding_rs::WINDOWS_1252), None).unwrap_err();
        assert_eq!(
            err.reason,
            MalformedReason::Undetected {
                closest: "windows-1252"
            }
        );
        assert_eq!((err.byte, err.line, err.column), (2, 1, 3), "{err:?}");
    }

    #[test]
    fn a_mark_decides_over_any_encoding_given() {
        let text = "سطر\nثانٍ";
        let le: Vec<u8> = [0xff, 0xfe].into_iter().chain(utf16(text, true)).collect();
        let be: Vec<u8> = [0xfe, 0xff].into_iter().chain(utf16(text, false)).collect();
        let utf8: Vec<u8> = [0xef, 0xbb, 0xbf].into_iter().chain(text.bytes()).collect();
        for (bytes, marked) in [
            (&le, TextEncoding::UTF_16LE),
            (&be, TextEncoding::UTF_16BE),
            (&utf8, TextEncoding::UTF_8),
        ] {
            for given in [
                None,
                Some(TextEncoding::WINDOWS_1256),
                Some(TextEncoding::UTF_16BE),
                Some(TextEncoding::UTF_8),
            ] {
                let decoded = decode_text(bytes, given).unwrap();
                assert_eq!(decoded.text, text, "{marked} given {given:?}");
                assert_eq!(
                    (decoded.encoding, decoded.choice),
                    (marked, EncodingChoice::Mark)
                );
            }
        }
    }

    #[test]
    fn utf8_beyond_ascii_is_refused_when_a_code_page_is_given() {
        let text = "Reuters:\nقال الكرملين";
        for given in [TextEncoding::WINDOWS_1256, TextEncoding::UTF_16LE] {
            let err = decode_text(text.as_bytes(), Some(given)).unwrap_err();
            assert_eq!(err.reason, MalformedReason::Utf8NotAsGiven);
            assert_eq!((err.byte, err.line, err.column), (9, 2, 1));
        }
        // ASCII reads the same in all of them but UTF-16, so it passes.
        let ascii = decode_text(b"Reuters 2025", Some(TextEncoding::WINDOWS_1256)).unwrap();
        assert_eq!(ascii.text, "Reuters 2025");
    }

    #[test]
    fn fuzz_repeated_marks_are_all_dropped() {
        // Found by tests/props/fuzz_readers.rs: of three UTF-8 marks two stayed in the text.
        let bytes = "\u{feff}\u{feff}\u{feff}سطر أول\u{feff}".as_bytes();
        assert_eq!(decode_text(bytes, None).unwrap().text, "سطر أول\u{feff}");
        assert_eq!(
            decode_text(bytes, Some(TextEncoding::UTF_8)).unwrap().text,
            "سطر أول\u{feff}"
        );
    }

    #[test]
    fn a_cut_last_unit_after_a_mark_is_placed_whatever_was_given() {
        let mut bytes: Vec<u8> = [0xfe, 0xff]
            .into_iter()
            .chain(utf16("سطر", false))
            .collect();
        bytes.push(0x06);
        for given in [None, Some(TextEncoding::UTF_16LE)] {
            let err = decode_text(&bytes, given).unwrap_err();
            assert_eq!(err.reason, MalformedReason::InvalidSequence);
            assert_eq!(
                (err.encoding, err.choice, err.byte),
                (TextEncoding::UTF_16BE, EncodingChoice::Mark, 8)
            );
        }
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
