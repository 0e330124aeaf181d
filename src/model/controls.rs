//! The control characters a document's text may not hold.
//!
//! Of the C0 controls (U+0000–U+001F) only tab, line feed, carriage return and form feed
//! are text. Form feed passes because it is a page break: `pdftotext`, where much Arabic
//! text comes from, puts one between pages, Unicode counts it as white space, and the text
//! engine starts a new paragraph there. Every other one (NUL above all) is what a file read
//! in the wrong encoding (UTF-16 as a code page) or binary bytes give, and breaks the tools
//! a corpus is exported to (C strings end at NUL; XML 1.0 forbids them all).

/// Whether `c` is a control character a document's text may not hold: a C0 control other
/// than tab, line feed, carriage return and form feed.
pub fn is_forbidden_control(c: char) -> bool {
    c <= '\u{1f}' && !matches!(c, '\t' | '\n' | '\r' | '\u{c}')
}

/// The first forbidden control of a text, with its place and how many there are in all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ForbiddenControl {
    /// The character.
    pub character: char,
    /// Its code-point offset in the text.
    pub offset: usize,
    /// Its 1-based line (lines end at line feeds).
    pub line: usize,
    /// Its 1-based column in code points.
    pub column: usize,
    /// How many forbidden controls the text holds, this one included.
    pub count: usize,
}

impl ForbiddenControl {
    /// The character as `U+0000 (NUL)`.
    pub fn name(&self) -> String {
        control_name(self.character)
    }

    /// `U+0000 (NUL) at line 2, column 4, and 3 more control characters`, for messages.
    pub fn describe(&self) -> String {
        format!("{} at {}", self.name(), self.place())
    }

    /// `line 2, column 4, and 3 more control characters`: where it is, and how many follow.
    pub fn place(&self) -> String {
        let more = match self.count - 1 {
            0 => String::new(),
            1 => ", and 1 more control character".to_owned(),
            n => format!(", and {n} more control characters"),
        };
        format!("line {}, column {}{more}", self.line, self.column)
    }
}

/// `U+001B (ESC)`: the code point and the control's short name.
pub fn control_name(c: char) -> String {
    const NAMES: [&str; 32] = [
        "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF", "VT", "FF", "CR",
        "SO", "SI", "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB",
        "ESC", "FS", "GS", "RS", "US",
    ];
    let code = u32::from(c);
    match usize::try_from(code).ok().and_then(|i| NAMES.get(i)) {
        Some(name) => format!("U+{code:04X} ({name})"),
        None => format!("U+{code:04X}"),
    }
}

/// The first control character `text` may not hold, if any (see [`is_forbidden_control`]).
pub fn find_forbidden_control(text: &str) -> Option<ForbiddenControl> {
    // Most texts have none: one fast pass over the bytes before counting lines.
    if !text
        .bytes()
        .any(|b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
    {
        return None;
    }
    let mut first = None;
    let (mut line, mut column, mut count) = (1, 1, 0);
    for (offset, c) in text.chars().enumerate() {
        if is_forbidden_control(c) {
            count += 1;
            first.get_or_insert(ForbiddenControl {
                character: c,
                offset,
                line,
                column,
                count: 0,
            });
        }
        if c == '\n' {
            line += 1;
            column = 1;
        } else {
            column += 1;
        }
    }
    first.map(|found| ForbiddenControl { count, ..found })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tab_newlines_and_form_feed_are_text_the_other_c0_controls_are_not() {
        let allowed = "قال\tالكرملين\r\nأمس\u{c}ص 2\n";
        assert_eq!(find_forbidden_control(allowed), None);
        for c in (0u8..0x20).map(char::from) {
            assert_eq!(
                is_forbidden_control(c),
                !"\t\n\r\u{c}".contains(c),
                "{}",
                control_name(c)
            );
        }
        // DEL and the C1 controls are not C0: they pass (NEL is a line break).
        for c in ['\u{7f}', '\u{85}', '\u{9f}', 'ا', '\u{200f}'] {
            assert!(!is_forbidden_control(c));
        }
    }

    #[test]
    fn the_first_control_is_placed_by_code_point_line_and_column() {
        let text = "مُحمد\nقالَ \u{0}نعم\u{1b}\u{0}";
        let found = find_forbidden_control(text).unwrap();
        assert_eq!(
            found,
            ForbiddenControl {
                character: '\0',
                offset: 11,
                line: 2,
                column: 6,
                count: 3
            }
        );
        assert_eq!(
            found.describe(),
            "U+0000 (NUL) at line 2, column 6, and 2 more control characters"
        );
        assert_eq!(control_name('\u{b}'), "U+000B (VT)");
    }
}
