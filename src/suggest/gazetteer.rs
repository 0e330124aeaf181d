//! Gazetteers: lists of names the matcher learns besides the corpus's spans.
//!
//! A gazetteer is a UTF-8 text file, one `LABEL<TAB>name` per line; blank lines and lines
//! starting with `#` are skipped. A bad line is reported with its file and line number.

use std::path::{Path, PathBuf};

/// One name of a gazetteer, with its label and the line it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The label the name gets.
    pub label: String,
    /// The name as written (trimmed of surrounding white space).
    pub name: String,
    /// 1-based line of the file.
    pub line: usize,
}

/// The names of one gazetteer file, in file order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Gazetteer {
    /// Where it was read from (empty for one parsed from memory).
    pub path: PathBuf,
    /// Its names.
    pub entries: Vec<Entry>,
}

/// Why a gazetteer could not be read, with its place.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}{}: {problem}", path.display(), line.map(|l| format!(":{l}")).unwrap_or_default())]
pub struct GazetteerError {
    /// The file.
    pub path: PathBuf,
    /// The 1-based line, when the problem is on one.
    pub line: Option<usize>,
    /// What is wrong.
    pub problem: GazetteerProblem,
}

/// What is wrong with a gazetteer file or one of its lines (each a kind, so that the window
/// can say it in its own language).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GazetteerProblem {
    /// The file could not be read.
    #[error("{reason}")]
    Unreadable {
        /// The system's kind of error.
        kind: std::io::ErrorKind,
        /// The system's words.
        reason: String,
    },
    /// The bytes are not UTF-8 from this offset on.
    #[error("invalid UTF-8 at byte offset {byte}: a gazetteer is UTF-8")]
    NotUtf8 {
        /// The offset of the first bad byte.
        byte: usize,
    },
    /// A line has no tab between its label and its name.
    #[error("expected LABEL<TAB>name, found no tab in {line:?}")]
    NoTab {
        /// The line.
        line: String,
    },
    /// The label before the tab is empty or more than one word.
    #[error("the label {label:?} before the tab must be one word (e.g. PER)")]
    BadLabel {
        /// The label as written.
        label: String,
    },
    /// The name after the tab has no letters or digits.
    #[error("the name after the tab is empty or has no letters or digits: {name:?}")]
    EmptyName {
        /// The name as written.
        name: String,
    },
    /// The label is not one of the corpus's.
    #[error("unknown label {label:?}: the corpus's labels are {}", labels.join(", "))]
    UnknownLabel {
        /// The label as written.
        label: String,
        /// The corpus's labels.
        labels: Vec<String>,
    },
}

impl Gazetteer {
    /// Reads a gazetteer file.
    ///
    /// # Errors
    /// The file cannot be read, is not UTF-8 (the line is given), or has bad lines (the first one).
    pub fn load(path: &Path) -> Result<Self, GazetteerError> {
        let error = |line, problem| GazetteerError {
            path: path.to_owned(),
            line,
            problem,
        };
        let bytes = std::fs::read(path).map_err(|e| {
            error(
                None,
                GazetteerProblem::Unreadable {
                    kind: e.kind(),
                    reason: e.to_string(),
                },
            )
        })?;
        let text = std::str::from_utf8(&bytes).map_err(|e| {
            let line = bytes[..e.valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1;
            error(
                Some(line),
                GazetteerProblem::NotUtf8 {
                    byte: e.valid_up_to(),
                },
            )
        })?;
        Self::parse(path, text)
    }

    /// Parses a gazetteer's text; `path` only names it in errors.
    ///
    /// # Errors
    /// The first line that is not blank, a `#` comment or `LABEL<TAB>name`.
    pub fn parse(path: &Path, text: &str) -> Result<Self, GazetteerError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut entries = Vec::new();
        for (i, raw) in text.split('\n').enumerate() {
            let line = raw.strip_suffix('\r').unwrap_or(raw);
            let error = |problem| GazetteerError {
                path: path.to_owned(),
                line: Some(i + 1),
                problem,
            };
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let Some((label, name)) = line.split_once('\t') else {
                return Err(error(GazetteerProblem::NoTab {
                    line: line.to_owned(),
                }));
            };
            let (label, name) = (label.trim(), name.trim());
            if label.is_empty() || label.chars().any(char::is_whitespace) {
                return Err(error(GazetteerProblem::BadLabel {
                    label: label.to_owned(),
                }));
            }
            if !crate::tokenize::has_tokens(name) {
                return Err(error(GazetteerProblem::EmptyName {
                    name: name.to_owned(),
                }));
            }
            entries.push(Entry {
                label: label.to_owned(),
                name: name.to_owned(),
                line: i + 1,
            });
        }
        Ok(Self {
            path: path.to_owned(),
            entries,
        })
    }

    /// The first entry whose label is not one of `labels`, as an error naming its line.
    ///
    /// # Errors
    /// When an entry's label is not in `labels`.
    pub fn check_labels(&self, labels: &[&str]) -> Result<(), GazetteerError> {
        match self
            .entries
            .iter()
            .find(|e| !labels.contains(&e.label.as_str()))
        {
            None => Ok(()),
            Some(e) => Err(GazetteerError {
                path: self.path.clone(),
                line: Some(e.line),
                problem: GazetteerProblem::UnknownLabel {
                    label: e.label.clone(),
                    labels: labels.iter().map(|l| (*l).to_owned()).collect(),
                },
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_comments_blanks_and_crlf() {
        let g = Gazetteer::parse(
            Path::new("g.tsv"),
            "# أسماء\nPER\tفلاديمير بوتين\r\n\n  \nLOC\t  أوكرانيا \nORG\tCIA\n",
        )
        .unwrap();
        let names: Vec<(&str, &str, usize)> = g
            .entries
            .iter()
            .map(|e| (e.label.as_str(), e.name.as_str(), e.line))
            .collect();
        assert_eq!(
            names,
            [
                ("PER", "فلاديمير بوتين", 2),
                ("LOC", "أوكرانيا", 5),
                ("ORG", "CIA", 6)
            ]
        );
    }

    #[test]
    fn bad_lines_are_located() {
        let err = |text: &str| Gazetteer::parse(Path::new("g.tsv"), text).unwrap_err();
        let e = err("PER\tبوتين\nLOC أوكرانيا\n");
        assert_eq!(e.line, Some(2));
        assert!(
            e.to_string()
                .starts_with("g.tsv:2: expected LABEL<TAB>name"),
            "{e}"
        );
        assert_eq!(err("PER\tبوتين\n\n\t«»\n").line, Some(3));
        assert_eq!(err("LA BEL\tبوتين").line, Some(1));
        let g = Gazetteer::parse(Path::new("g.tsv"), "PER\tبوتين\nGPE\tلندن").unwrap();
        let e = g.check_labels(&["PER", "LOC"]).unwrap_err();
        assert_eq!(e.line, Some(2));
        assert!(
            e.to_string()
                .contains("\"GPE\": the corpus's labels are PER, LOC")
        );
    }

    #[test]
    fn invalid_utf8_names_its_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("g.tsv");
        let mut bytes = "PER\tبوتين\nLOC\t".as_bytes().to_vec();
        bytes.extend([0xff, b'\n']);
        std::fs::write(&path, bytes).unwrap();
        let e = Gazetteer::load(&path).unwrap_err();
        assert_eq!(e.line, Some(2));
        assert_eq!(e.problem, GazetteerProblem::NotUtf8 { byte: 19 });
        assert!(
            e.to_string().contains("invalid UTF-8 at byte offset 19"),
            "{e}"
        );
    }
}
