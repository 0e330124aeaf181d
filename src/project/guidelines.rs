//! The guidelines file read as the window shows it: headings, list items and paragraphs of
//! a small Markdown subset, with the emphasised stretches (`**strong**`, `*em*`, `_em_`,
//! `` `code` ``) kept as ranges for the text engine to draw stronger.

/// What a block of the guidelines is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// `#` … `######`: a heading of that level.
    Heading(u8),
    /// `- ` or `* ` or `1. `: a list item.
    Item,
    /// Lines of text up to a blank line or another block.
    Paragraph,
}

/// One block of the guidelines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// Heading, item or paragraph.
    pub kind: BlockKind,
    /// Its text, lines joined by spaces, without `**`, `__`, `*`, `_` or backquote markers.
    pub text: String,
    /// The emphasised stretches of `text`, as code-point ranges, in order.
    pub emphasis: Vec<std::ops::Range<usize>>,
}

/// The blocks of `markdown`, in order.
pub fn blocks(markdown: &str) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut open_paragraph = false;
    for raw in markdown.lines() {
        let line = raw.trim();
        if line.is_empty() {
            open_paragraph = false;
            continue;
        }
        let hashes = line.chars().take_while(|&c| c == '#').count();
        if (1..=6).contains(&hashes) && line[hashes..].starts_with(' ') {
            out.push(block(BlockKind::Heading(hashes as u8), &line[hashes..]));
            open_paragraph = false;
        } else if let Some(item) = list_item(line) {
            out.push(block(BlockKind::Item, item));
            open_paragraph = false;
        } else if open_paragraph && let Some(last) = out.last_mut() {
            let (text, emphasis) = plain(line);
            let shift = last.text.chars().count() + 1;
            last.text.push(' ');
            last.text.push_str(&text);
            last.emphasis
                .extend(emphasis.into_iter().map(|r| r.start + shift..r.end + shift));
        } else {
            out.push(block(BlockKind::Paragraph, line));
            open_paragraph = true;
        }
    }
    out
}

fn block(kind: BlockKind, text: &str) -> Block {
    let (text, emphasis) = plain(text.trim());
    Block {
        kind,
        text,
        emphasis,
    }
}

/// The text after a list marker (`- `, `* `, `+ `, `1. `), if `line` is an item.
fn list_item(line: &str) -> Option<&str> {
    for marker in ["- ", "* ", "+ "] {
        if let Some(rest) = line.strip_prefix(marker) {
            return Some(rest);
        }
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    (digits > 0).then(|| line[digits..].strip_prefix(". "))?
}

/// `text` without emphasis and code markers (`**`, `__`, `*`, `_` at word edges,
/// backquotes), and the code-point ranges they marked. A marker never closed is kept as
/// text.
fn plain(text: &str) -> (String, Vec<std::ops::Range<usize>>) {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut count = 0;
    let mut emphasis = Vec::new();
    // The marker that opened the stretch under way, and where it began in the output (code
    // points, bytes).
    let mut open: Option<(&str, usize, usize)> = None;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let double = matches!(c, '*' | '_') && chars.get(i + 1) == Some(&c);
        let marker = match c {
            '`' => Some("`"),
            '*' if double => Some("**"),
            '_' if double => Some("__"),
            '*' | '_' => {
                // As in CommonMark, `*` may emphasise inside a word (و*مكان*, the
                // conjunction joined to its word) but `_` only at a word's edge
                // (snake_case stays).
                let before = i.checked_sub(1).map(|j| chars[j]);
                let after = chars.get(i + 1).copied();
                let inside = before.is_some_and(char::is_alphanumeric)
                    && after.is_some_and(char::is_alphanumeric);
                (c == '*' || !inside).then_some(if c == '*' { "*" } else { "_" })
            }
            _ => None,
        };
        let Some(marker) = marker else {
            out.push(c);
            count += 1;
            i += 1;
            continue;
        };
        match open {
            Some((opened, start, _)) if opened == marker => {
                if count > start {
                    emphasis.push(start..count);
                }
                open = None;
            }
            None => open = Some((marker, count, out.len())),
            // Another marker inside a stretch: dropped, the stretch goes on.
            Some(_) => {}
        }
        i += marker.chars().count();
    }
    if let Some((marker, _, byte)) = open {
        // Never closed: it was no marker but text.
        out.insert_str(byte, marker);
    }
    (out, emphasis)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_items_and_paragraphs_in_arabic_and_latin() {
        let md = "# إرشادات التوسيم\n\nنوسم **الأشخاص** والأماكن.\nسطر ثان من الفقرة.\n\n## Labels\n\n- **PER**: شخص\n* LOC: _مكان_\n2. snake_case stays\n\n####### not a heading\n#nospace\n";
        let got = blocks(md);
        let want = [
            (BlockKind::Heading(1), "إرشادات التوسيم"),
            (
                BlockKind::Paragraph,
                "نوسم الأشخاص والأماكن. سطر ثان من الفقرة.",
            ),
            (BlockKind::Heading(2), "Labels"),
            (BlockKind::Item, "PER: شخص"),
            (BlockKind::Item, "LOC: مكان"),
            (BlockKind::Item, "snake_case stays"),
            (BlockKind::Paragraph, "####### not a heading #nospace"),
        ];
        let texts: Vec<(BlockKind, &str)> = got.iter().map(|b| (b.kind, b.text.as_str())).collect();
        assert_eq!(texts, want);
        // What was emphasised, as the engine will draw it stronger.
        let marked = |b: &Block| -> Vec<String> {
            b.emphasis
                .iter()
                .map(|r| b.text.chars().skip(r.start).take(r.len()).collect())
                .collect()
        };
        assert_eq!(marked(&got[1]), ["الأشخاص"]);
        assert_eq!(marked(&got[3]), ["PER"]);
        assert_eq!(marked(&got[4]), ["مكان"]);
        assert!(got[5].emphasis.is_empty(), "snake_case is no emphasis");
    }

    #[test]
    fn emphasis_in_a_paragraphs_second_line_and_code_and_unclosed_markers() {
        let got = blocks("سطر أول\nثم `PER` و*مكان* هنا\n\nنص **بلا إغلاق\n");
        assert_eq!(got[0].text, "سطر أول ثم PER ومكان هنا");
        let marked: Vec<String> = got[0]
            .emphasis
            .iter()
            .map(|r| got[0].text.chars().skip(r.start).take(r.len()).collect())
            .collect();
        assert_eq!(marked, ["PER", "مكان"]);
        assert_eq!(got[1].text, "نص **بلا إغلاق", "a marker never closed is text");
        assert!(got[1].emphasis.is_empty());
    }

    #[test]
    fn empty_guidelines_have_no_blocks() {
        assert!(blocks("").is_empty());
        assert!(blocks("\n  \n").is_empty());
    }
}
