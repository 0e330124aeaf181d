//! Lines of a left-to-right interface that name things which may be Arabic: each name
//! is set apart as a bidi isolate (FSI … PDI), so it reads right to left inside itself
//! while the line around it keeps its order: "committed: سارة: 0 done" does not become
//! "committed: 0 :سارة done", and in "a → b" the arrow stays between a and b.

use unicode_bidi::{BidiClass, bidi_class};

/// Left-to-right mark: put first, it makes a line's base direction left to right.
pub const LRM: char = '\u{200E}';
/// First strong isolate: what follows, up to [`PDI`], takes the direction of its first
/// strong letter and is one neutral unit for the line around it.
pub const FSI: char = '\u{2068}';
/// Pop directional isolate: ends an isolate.
pub const PDI: char = '\u{2069}';

/// The invisible marks this module and the bidi algorithm use to order text; dropped from
/// accessible names.
const ORDERING_MARKS: [char; 12] = [
    LRM, '\u{200F}', '\u{061C}', '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}',
    '\u{2066}', '\u{2067}', FSI, PDI,
];

/// `name` as a bidi isolate, to be set into a line among other words.
pub fn isolate(name: &str) -> String {
    format!("{FSI}{name}{PDI}")
}

/// A file path with each of its folders and its file name isolated: "/tmp/أخبار اليوم/خبر
/// عاجل.json" keeps its folders in order, left to right, each read in its own direction,
/// and the extension at the end.
pub fn isolate_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len() + 8);
    let mut component = String::new();
    for c in path.chars() {
        if c == '/' || c == '\\' {
            push_isolated(&mut out, &component);
            component.clear();
            out.push(c);
        } else {
            component.push(c);
        }
    }
    push_isolated(&mut out, &component);
    out
}

/// A file path as one left-to-right unit that can stand in any line, Arabic or not: its
/// folders in order ([`isolate_path`]) inside a left-to-right isolate, so that an Arabic
/// sentence does not reverse "assets/sample/sample.json".
pub fn path_unit(path: &str) -> String {
    format!("\u{2066}{}{PDI}", isolate_path(path))
}

/// A folder or file name, isolated; a file's extension stays outside, after it, so that
/// "خبر عاجل.json" does not come out as "json.خبر عاجل".
fn push_isolated(out: &mut String, part: &str) {
    let (stem, extension) = match part.rsplit_once('.') {
        Some((stem, ext))
            if !stem.is_empty()
                && !ext.is_empty()
                && ext.chars().all(|c| c.is_ascii_alphanumeric()) =>
        {
            (stem, Some(ext))
        }
        _ => (part, None),
    };
    if !stem.is_empty() {
        out.push_str(&isolate(stem));
    }
    if let Some(ext) = extension {
        out.push('.');
        out.push_str(ext);
    }
}

/// `text` as one line of the left-to-right interface: the line starts with a left-to-right
/// mark, and every stretch of right-to-left words in it that is not already isolated
/// becomes an isolate of its own. A stretch is right-to-left letters with the spaces,
/// figures and Arabic commas between them; other punctuation (a colon, a comma, a slash)
/// ends it, so the items of "amal, omar, سارة, ليلى" and the folders of a path stay in
/// the line's order.
pub fn interface_line(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 16);
    out.push(LRM);
    let mut depth = 0usize;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if depth == 0 && is_right_to_left(c) {
            let end = stretch_end(&chars, i);
            out.push(FSI);
            out.extend(&chars[i..end]);
            out.push(PDI);
            i = end;
            continue;
        }
        match bidi_class(c) {
            BidiClass::FSI
            | BidiClass::LRI
            | BidiClass::RLI
            | BidiClass::LRE
            | BidiClass::RLE
            | BidiClass::LRO
            | BidiClass::RLO => depth += 1,
            BidiClass::PDI | BidiClass::PDF => depth = depth.saturating_sub(1),
            _ => {}
        }
        out.push(c);
        i += 1;
    }
    out
}

/// `text` without the invisible marks that order it: what a screen reader should read.
pub fn without_ordering_marks(text: &str) -> String {
    text.chars()
        .filter(|c| !ORDERING_MARKS.contains(c))
        .collect()
}

/// Whether `c` is a right-to-left letter (Arabic, Hebrew…): text holding one needs the engine.
pub fn is_right_to_left(c: char) -> bool {
    matches!(bidi_class(c), BidiClass::R | BidiClass::AL)
}

/// Where the right-to-left stretch starting at `start` ends: after its last right-to-left
/// letter (or a mark on it) that is reached through letters, marks, spaces, figures and
/// Arabic commas only.
fn stretch_end(chars: &[char], start: usize) -> usize {
    let mut end = start + 1;
    for (j, &c) in chars.iter().enumerate().skip(start + 1) {
        match bidi_class(c) {
            BidiClass::R | BidiClass::AL | BidiClass::NSM | BidiClass::BN => end = j + 1,
            BidiClass::WS | BidiClass::EN | BidiClass::AN => {}
            _ if c == '\u{060C}' => {}
            _ => break,
        }
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_arabic_stretch_of_a_line_is_isolated_and_punctuation_ends_it() {
        assert_eq!(
            interface_line("committed: سارة: 0 done"),
            format!("{LRM}committed: {FSI}سارة{PDI}: 0 done")
        );
        assert_eq!(
            interface_line("amal, سارة, ليلى"),
            format!("{LRM}amal, {FSI}سارة{PDI}, {FSI}ليلى{PDI}")
        );
        // Figures and spaces inside an Arabic stretch stay in it; after its end they do not.
        assert_eq!(
            interface_line("في 2022 قال 3"),
            format!("{LRM}{FSI}في 2022 قال{PDI} 3")
        );
    }

    #[test]
    fn text_already_isolated_is_left_as_it_is() {
        let line = format!("you: {} · 3", isolate("سارة 2"));
        assert_eq!(interface_line(&line), format!("{LRM}{line}"));
    }

    #[test]
    fn a_path_isolates_each_folder() {
        assert_eq!(
            isolate_path("/tmp/أخبار اليوم/خبر.json"),
            format!("/{FSI}tmp{PDI}/{FSI}أخبار اليوم{PDI}/{FSI}خبر{PDI}.json")
        );
        assert_eq!(without_ordering_marks(&isolate_path("/a/ب")), "/a/ب");
    }
}
