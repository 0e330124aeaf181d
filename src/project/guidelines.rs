//! The guidelines file read as the window shows it: headings, list items and paragraphs of
//! a small Markdown subset, emphasis markers dropped (the text engine draws plain text).

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
            last.text.push(' ');
            last.text.push_str(&plain(line));
        } else {
            out.push(block(BlockKind::Paragraph, line));
            open_paragraph = true;
        }
    }
    out
}

fn block(kind: BlockKind, text: &str) -> Block {
    Block {
        kind,
        text: plain(text.trim()),
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

/// `text` without emphasis and code markers (`**`, `__`, `*`, `_` at word edges, backquotes).
fn plain(text: &str) -> String {
    let text = text.replace("**", "").replace("__", "").replace('`', "");
    // A single `*` or `_` is emphasis only at a word's edge; inside a word (snake_case) it stays.
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        if matches!(c, '*' | '_') {
            let before = i.checked_sub(1).map(|j| chars[j]);
            let after = chars.get(i + 1).copied();
            let inside = before.is_some_and(char::is_alphanumeric)
                && after.is_some_and(char::is_alphanumeric);
            if !inside {
                continue;
            }
        }
        out.push(c);
    }
    out
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
        let got: Vec<(BlockKind, &str)> = got.iter().map(|b| (b.kind, b.text.as_str())).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn empty_guidelines_have_no_blocks() {
        assert!(blocks("").is_empty());
        assert!(blocks("\n  \n").is_empty());
    }
}
