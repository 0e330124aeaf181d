//! Splitting a text into paragraphs, the unit that bidi and wrapping work on.

use std::ops::Range;

use crate::model::CharRange;

/// One paragraph of a text: what lies between line breaks, without the break itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// Byte range of the paragraph's content in the whole text.
    pub bytes: Range<usize>,
    /// Code-point range of the paragraph's content in the whole text.
    pub chars: CharRange,
}

/// Splits `text` at `\n` (a `\r` before it belongs to the break, so CRLF texts work).
///
/// There is always at least one paragraph; a text ending in a break ends with an empty one.
pub fn split_paragraphs(text: &str) -> Vec<Paragraph> {
    let mut paragraphs = Vec::new();
    let mut byte_start = 0;
    let mut char_start = 0;
    for line in text.split('\n') {
        let content = line.strip_suffix('\r').unwrap_or(line);
        let chars = content.chars().count();
        paragraphs.push(Paragraph {
            bytes: byte_start..byte_start + content.len(),
            chars: CharRange::between(char_start, char_start + chars),
        });
        byte_start += line.len() + 1;
        char_start += chars + (line.len() - content.len()) + 1;
    }
    paragraphs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_and_lf_breaks_are_outside_paragraphs() {
        let text = "قال\r\nإن\n\nروسيا";
        let paragraphs = split_paragraphs(text);
        let contents: Vec<&str> = paragraphs.iter().map(|p| &text[p.bytes.clone()]).collect();
        assert_eq!(contents, ["قال", "إن", "", "روسيا"]);
        let starts: Vec<usize> = paragraphs.iter().map(|p| p.chars.start()).collect();
        assert_eq!(starts, [0, 5, 8, 9]);
        assert_eq!(paragraphs[3].chars.end(), text.chars().count());
    }

    #[test]
    fn trailing_break_gives_an_empty_last_paragraph() {
        let paragraphs = split_paragraphs("نص\n");
        assert_eq!(paragraphs.len(), 2);
        assert!(paragraphs[1].chars.is_empty());
        assert_eq!(split_paragraphs("").len(), 1);
    }
}
