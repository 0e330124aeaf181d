//! Diagnostics: one problem found in a corpus file, with where it is.

use std::fmt::{self, Write as _};
use std::path::Path;

/// What kind of problem a diagnostic reports; stable names for scripts (`--json`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Code {
    /// The file holds nothing but white space.
    EmptyFile,
    /// The file is not valid UTF-8.
    InvalidUtf8,
    /// The file starts with a UTF-8 byte-order mark.
    ByteOrderMark,
    /// The file is not well-formed JSON.
    Syntax,
    /// `format` is missing or not `taliq-corpus`.
    WrongFormat,
    /// `version` is not one this taliq reads.
    UnsupportedVersion,
    /// `offset_unit` is not `codepoint`.
    WrongOffsetUnit,
    /// A required field is absent.
    MissingField,
    /// A field has the wrong JSON type.
    WrongType,
    /// A field has a value outside what it allows (colour, status, hotkey, empty id).
    InvalidValue,
    /// Two labels share a name.
    DuplicateLabel,
    /// Two labels share a hotkey.
    DuplicateHotkey,
    /// Two documents share an id.
    DuplicateDocument,
    /// A span has `start >= end`.
    EmptySpan,
    /// A span ends past the end of its text.
    OutOfRange,
    /// A span edge lies inside a grapheme cluster.
    SplitsCluster,
    /// A span's `text` differs from the text it covers.
    TextMismatch,
    /// A span names a label the file does not define.
    UnknownLabel,
    /// A document has the same (start, end, label) twice.
    DuplicateSpan,
    /// Two spans (or two relations) of a document share an id.
    DuplicateId,
    /// A relation names a span id no span of its document has.
    UnknownSpanId,
    /// A relation links spans whose labels its type does not allow.
    RelationNotAllowed,
    /// A document's text holds a control character other than tab, LF, CR and FF.
    ControlCharacter,
}

impl Code {
    /// Every code, in declaration order (what the window must be able to describe).
    pub const ALL: [Self; 23] = [
        Self::EmptyFile,
        Self::InvalidUtf8,
        Self::ByteOrderMark,
        Self::Syntax,
        Self::WrongFormat,
        Self::UnsupportedVersion,
        Self::WrongOffsetUnit,
        Self::MissingField,
        Self::WrongType,
        Self::InvalidValue,
        Self::DuplicateLabel,
        Self::DuplicateHotkey,
        Self::DuplicateDocument,
        Self::EmptySpan,
        Self::OutOfRange,
        Self::SplitsCluster,
        Self::TextMismatch,
        Self::UnknownLabel,
        Self::DuplicateSpan,
        Self::DuplicateId,
        Self::UnknownSpanId,
        Self::RelationNotAllowed,
        Self::ControlCharacter,
    ];

    /// The stable kebab-case name of the code.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::EmptyFile => "empty-file",
            Self::InvalidUtf8 => "invalid-utf8",
            Self::ByteOrderMark => "byte-order-mark",
            Self::Syntax => "syntax",
            Self::WrongFormat => "wrong-format",
            Self::UnsupportedVersion => "unsupported-version",
            Self::WrongOffsetUnit => "wrong-offset-unit",
            Self::MissingField => "missing-field",
            Self::WrongType => "wrong-type",
            Self::InvalidValue => "invalid-value",
            Self::DuplicateLabel => "duplicate-label",
            Self::DuplicateHotkey => "duplicate-hotkey",
            Self::DuplicateDocument => "duplicate-document",
            Self::EmptySpan => "empty-span",
            Self::OutOfRange => "out-of-range",
            Self::SplitsCluster => "splits-cluster",
            Self::TextMismatch => "text-mismatch",
            Self::UnknownLabel => "unknown-label",
            Self::DuplicateSpan => "duplicate-span",
            Self::DuplicateId => "duplicate-id",
            Self::UnknownSpanId => "unknown-span-id",
            Self::RelationNotAllowed => "relation-not-allowed",
            Self::ControlCharacter => "control-character",
        }
    }
}

/// One problem in a corpus file: what is wrong and every coordinate of where.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    /// Kind of problem.
    pub code: Code,
    /// What is wrong, for people.
    pub message: String,
    /// 1-based line in the file, when known (syntax errors, JSONL documents).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// 1-based column in characters, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// Id of the document concerned, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
    /// 0-based position of the document in the file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document_index: Option<usize>,
    /// 0-based position of the span in its document's `spans` as written in the file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span_index: Option<usize>,
    /// Path of the field concerned, e.g. `documents[3].spans[2].start`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

impl Diagnostic {
    /// A diagnostic with a code and message and no location yet.
    pub fn new(code: Code, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            line: None,
            column: None,
            document: None,
            document_index: None,
            span_index: None,
            field: None,
        }
    }

    /// The location part of the diagnostic, e.g. `line 4, column 7` or `document "x" (#2), span 5`.
    pub fn location(&self) -> String {
        let mut parts = Vec::new();
        if let Some(line) = self.line {
            match self.column {
                Some(column) => parts.push(format!("line {line}, column {column}")),
                None => parts.push(format!("line {line}")),
            }
        }
        match (&self.document, self.document_index) {
            (Some(id), Some(i)) => parts.push(format!("document {id:?} (#{i})")),
            (Some(id), None) => parts.push(format!("document {id:?}")),
            (None, Some(i)) => parts.push(format!("document #{i}")),
            (None, None) => {}
        }
        if let Some(span) = self.span_index {
            parts.push(format!("span {span}"));
        }
        if let Some(field) = &self.field {
            parts.push(format!("field {field}"));
        }
        parts.join(", ")
    }

    /// The diagnostic as one line naming the file: `FILE: LOCATION: MESSAGE`.
    pub fn display_in(&self, path: &Path) -> String {
        let mut out = path.display().to_string();
        let location = self.location();
        if !location.is_empty() {
            let _ = write!(out, ": {location}");
        }
        let _ = write!(out, ": {}", self.message);
        out
    }
}

/// Where in a file a reader is, so that the diagnostics it makes can say it.
#[derive(Debug, Clone, Default)]
pub(super) struct Place {
    pub line: Option<usize>,
    pub document: Option<String>,
    pub document_index: Option<usize>,
    pub span_index: Option<usize>,
    pub field: String,
}

impl Place {
    /// The place of a document, known by index and (for JSONL) line.
    pub fn document(index: usize, line: Option<usize>) -> Self {
        Self {
            line,
            document_index: Some(index),
            field: format!("documents[{index}]"),
            ..Self::default()
        }
    }

    /// The place of a named field inside this one.
    pub fn child(&self, name: &str) -> Self {
        let mut place = self.clone();
        place.field = if self.field.is_empty() {
            name.to_owned()
        } else {
            format!("{}.{name}", self.field)
        };
        place
    }

    /// The place of an array element inside this one.
    pub fn index(&self, i: usize) -> Self {
        let mut place = self.clone();
        place.field = format!("{}[{i}]", self.field);
        place
    }

    /// The place of span `i` of the document this place is in.
    pub fn span(&self, i: usize) -> Self {
        let mut place = self.child("spans").index(i);
        place.span_index = Some(i);
        place
    }

    /// The place of element `i` of the document's list `field` (`suggestions`,
    /// `rejected_suggestions`), whose index goes in the field path, not in `span_index`.
    pub fn item(&self, field: &str, i: usize) -> Self {
        self.child(field).index(i)
    }

    /// A diagnostic at this place.
    pub fn diagnostic(&self, code: Code, message: impl Into<String>) -> Diagnostic {
        let mut d = Diagnostic::new(code, message);
        d.line = self.line;
        d.document.clone_from(&self.document);
        d.document_index = self.document_index;
        d.span_index = self.span_index;
        d.field = (!self.field.is_empty()).then(|| self.field.clone());
        d
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let location = self.location();
        if location.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{location}: {}", self.message)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_lists_every_code_once() {
        // A code added to the enum must be added to `ALL` (the match below does not compile
        // without it), so that the window has a description for it.
        let position = |code: Code| match code {
            Code::EmptyFile => 0,
            Code::InvalidUtf8 => 1,
            Code::ByteOrderMark => 2,
            Code::Syntax => 3,
            Code::WrongFormat => 4,
            Code::UnsupportedVersion => 5,
            Code::WrongOffsetUnit => 6,
            Code::MissingField => 7,
            Code::WrongType => 8,
            Code::InvalidValue => 9,
            Code::DuplicateLabel => 10,
            Code::DuplicateHotkey => 11,
            Code::DuplicateDocument => 12,
            Code::EmptySpan => 13,
            Code::OutOfRange => 14,
            Code::SplitsCluster => 15,
            Code::TextMismatch => 16,
            Code::UnknownLabel => 17,
            Code::DuplicateSpan => 18,
            Code::DuplicateId => 19,
            Code::UnknownSpanId => 20,
            Code::RelationNotAllowed => 21,
            Code::ControlCharacter => 22,
        };
        for (i, code) in Code::ALL.into_iter().enumerate() {
            assert_eq!(position(code), i, "{code:?}");
        }
    }

    #[test]
    fn location_names_every_known_coordinate() {
        let mut d = Diagnostic::new(
            Code::OutOfRange,
            "end 90 is past the end of the text (80 code points)",
        );
        d.document = Some("doc-1".into());
        d.document_index = Some(2);
        d.span_index = Some(5);
        d.field = Some("documents[2].spans[5].end".into());
        assert_eq!(
            d.display_in(Path::new("c.json")),
            "c.json: document \"doc-1\" (#2), span 5, field documents[2].spans[5].end: end 90 is past the end of the text (80 code points)"
        );
        let mut s = Diagnostic::new(Code::Syntax, "expected `,`");
        s.line = Some(3);
        s.column = Some(14);
        assert_eq!(s.to_string(), "line 3, column 14: expected `,`");
    }
}
