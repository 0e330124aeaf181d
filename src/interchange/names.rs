//! Safe, unique file names from document ids, which come from other people's files.

use std::collections::HashSet;

/// Longest name stem written, in bytes; file systems allow 255 and an extension follows.
const MAX_STEM: usize = 150;

/// Gives each document id a file stem that stays inside the output folder and is unique.
///
/// Uniqueness ignores case, because macOS and Windows folders do.
#[derive(Debug, Default)]
pub struct FileNames {
    taken: HashSet<String>,
}

impl FileNames {
    /// A namer with no names taken yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// A stem for `id`: separators, NUL, controls and characters Windows forbids become `_`,
    /// a leading dot becomes `_` (no hidden files, no `..`), and a clash gets `-2`, `-3`, ….
    pub fn stem(&mut self, id: &str) -> String {
        let mut base: String = id
            .chars()
            .map(|c| {
                if c.is_control()
                    || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|')
                {
                    '_'
                } else {
                    c
                }
            })
            .collect();
        if base.starts_with('.') {
            base.replace_range(..1, "_");
        }
        // Windows refuses names ending in a dot or space.
        if base.ends_with(['.', ' ']) {
            base.pop();
            base.push('_');
        }
        if base.is_empty() || is_windows_device(&base) {
            base.insert(0, '_');
        }
        if base.len() > MAX_STEM {
            let mut cut = MAX_STEM;
            while !base.is_char_boundary(cut) {
                cut -= 1;
            }
            base.truncate(cut);
        }
        let mut name = base.clone();
        let mut n = 1;
        while !self.taken.insert(name.to_lowercase()) {
            n += 1;
            name = format!("{base}-{n}");
        }
        name
    }
}

fn is_windows_device(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or("").to_ascii_uppercase();
    matches!(stem.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || (stem.len() == 4
            && (stem.starts_with("COM") || stem.starts_with("LPT"))
            && stem.as_bytes()[3].is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traversal_and_separators_cannot_escape_the_folder() {
        let mut names = FileNames::new();
        for id in [
            "../../x",
            "/etc/passwd",
            "a\\..\\b",
            "..",
            ".",
            "a\0b",
            "C:x",
        ] {
            let stem = names.stem(id);
            assert!(
                !stem.contains(['/', '\\', '\0', ':']) && !stem.starts_with('.'),
                "{id:?} -> {stem:?}"
            );
            assert!(!stem.is_empty());
        }
    }

    #[test]
    fn clashing_ids_get_distinct_names_ignoring_case() {
        let mut names = FileNames::new();
        assert_eq!(names.stem("مقال/1"), "مقال_1");
        assert_eq!(names.stem("مقال_1"), "مقال_1-2");
        assert_eq!(names.stem("Doc"), "Doc");
        assert_eq!(names.stem("doc"), "doc-2");
        assert_eq!(names.stem("nul"), "_nul");
        assert_eq!(names.stem(""), "_");
    }

    #[test]
    fn long_ids_are_cut_on_a_character_boundary() {
        let mut names = FileNames::new();
        let stem = names.stem(&"ب".repeat(200));
        assert!(stem.len() <= MAX_STEM);
        assert!(stem.chars().all(|c| c == 'ب'));
    }
}
