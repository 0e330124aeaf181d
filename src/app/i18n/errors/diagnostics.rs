//! A corpus file's located problems (diagnostics), each described by its code in the
//! window's language and placed by file, line, document, span and field.

use crate::app::i18n::{self, msg_id, tr};
use crate::format::{Code, Diagnostic};

/// What a problem of `code` is, in the window's language.
pub fn describe(code: Code) -> String {
    i18n::text(diagnostic_message_id(code), &[])
}

/// The message id of a diagnostic code's description: `diagnostics-<code>`.
pub fn diagnostic_message_id(code: Code) -> &'static str {
    match code {
        Code::EmptyFile => msg_id!("diagnostics-empty-file"),
        Code::InvalidUtf8 => msg_id!("diagnostics-invalid-utf8"),
        Code::ByteOrderMark => msg_id!("diagnostics-byte-order-mark"),
        Code::Syntax => msg_id!("diagnostics-syntax"),
        Code::WrongFormat => msg_id!("diagnostics-wrong-format"),
        Code::UnsupportedVersion => msg_id!("diagnostics-unsupported-version"),
        Code::WrongOffsetUnit => msg_id!("diagnostics-wrong-offset-unit"),
        Code::MissingField => msg_id!("diagnostics-missing-field"),
        Code::WrongType => msg_id!("diagnostics-wrong-type"),
        Code::InvalidValue => msg_id!("diagnostics-invalid-value"),
        Code::DuplicateLabel => msg_id!("diagnostics-duplicate-label"),
        Code::DuplicateHotkey => msg_id!("diagnostics-duplicate-hotkey"),
        Code::DuplicateDocument => msg_id!("diagnostics-duplicate-document"),
        Code::EmptySpan => msg_id!("diagnostics-empty-span"),
        Code::OutOfRange => msg_id!("diagnostics-out-of-range"),
        Code::SplitsCluster => msg_id!("diagnostics-splits-cluster"),
        Code::TextMismatch => msg_id!("diagnostics-text-mismatch"),
        Code::UnknownLabel => msg_id!("diagnostics-unknown-label"),
        Code::DuplicateSpan => msg_id!("diagnostics-duplicate-span"),
        Code::DuplicateId => msg_id!("diagnostics-duplicate-id"),
        Code::UnknownSpanId => msg_id!("diagnostics-unknown-span-id"),
        Code::RelationNotAllowed => msg_id!("diagnostics-relation-not-allowed"),
        Code::ControlCharacter => msg_id!("diagnostics-control-character"),
    }
}

/// Where a problem is, in the window's language: the file, then every coordinate known
/// (line and column, document, span, field).
pub fn place(file: &str, diagnostic: &Diagnostic) -> String {
    let mut parts = Vec::new();
    if let Some(line) = diagnostic.line {
        parts.push(match diagnostic.column {
            Some(column) => tr!(
                "diagnostics-place-line-column",
                line = line,
                column = column
            ),
            None => tr!("diagnostics-place-line", line = line),
        });
    }
    match (&diagnostic.document, diagnostic.document_index) {
        (Some(id), Some(index)) => parts.push(tr!(
            "diagnostics-place-document",
            document = id.as_str(),
            index = index
        )),
        (Some(id), None) => {
            parts.push(tr!("diagnostics-place-document-id", document = id.as_str()));
        }
        (None, Some(index)) => parts.push(tr!("diagnostics-place-document-index", index = index)),
        (None, None) => {}
    }
    if let Some(span) = diagnostic.span_index {
        parts.push(tr!("diagnostics-place-span", span = span));
    }
    if let Some(field) = &diagnostic.field {
        // A field path is code ("documents[2].spans[5].end"): one left-to-right unit.
        let field = crate::text::isolates::path_unit(field);
        parts.push(tr!("diagnostics-place-field", field = field));
    }
    let file = crate::text::isolates::path_unit(file);
    if parts.is_empty() {
        return tr!("diagnostics-place-file", file = file);
    }
    let place = parts.join(&tr!("diagnostics-place-separator"));
    tr!("diagnostics-place", file = file, place = place)
}

/// One problem on one line: its place, then what it is (the could-not-open window shows
/// them apart).
pub fn problem_line(file: &str, diagnostic: &Diagnostic) -> String {
    tr!(
        "errors-problem",
        place = place(file, diagnostic),
        problem = describe(diagnostic.code)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::i18n::{Catalog, Digits, Language};

    #[test]
    fn every_diagnostic_code_has_a_description_in_every_language() {
        let english = Catalog::new(Language::English, Digits::Western);
        let arabic = Catalog::new(Language::Arabic, Digits::ArabicIndic);
        for code in Code::ALL {
            let id = diagnostic_message_id(code);
            assert_eq!(id, format!("diagnostics-{}", code.as_str()), "{code:?}");
            assert!(english.has(id) && arabic.has(id), "{id} is missing");
            let said = arabic.text(id, &[]);
            assert!(
                said.chars().any(crate::text::isolates::is_right_to_left),
                "{id} is not Arabic: {said}"
            );
            assert_ne!(said, english.text(id, &[]), "{id}");
        }
    }

    #[test]
    fn a_problem_is_placed_by_file_line_document_span_and_field_in_either_language() {
        let mut problem = Diagnostic::new(Code::OutOfRange, "end 90 is past the end (80)");
        problem.document = Some("خبر-1".into());
        problem.document_index = Some(2);
        problem.span_index = Some(5);
        problem.field = Some("documents[2].spans[5].end".into());
        i18n::set_locale(Language::English, Digits::Western);
        let plain = |t: String| crate::text::isolates::without_ordering_marks(&t);
        assert_eq!(
            plain(place("c.json", &problem)),
            "c.json: document \"خبر-1\" (#2), span 5, field documents[2].spans[5].end"
        );
        assert_eq!(
            describe(Code::OutOfRange),
            "A span ends past the end of its text."
        );
        i18n::set_locale(Language::Arabic, Digits::ArabicIndic);
        assert_eq!(
            plain(place("c.json", &problem)),
            "c.json: المستند «خبر-1» (رقم ٢)، المقطع ٥، الحقل documents[2].spans[5].end"
        );
        assert_eq!(describe(Code::OutOfRange), "مقطع ينتهي بعد نهاية نصه.");
        i18n::set_locale(Language::English, Digits::Western);
    }
}
