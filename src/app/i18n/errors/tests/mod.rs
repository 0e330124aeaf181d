//! Every variant of every error the window meets, worded in Arabic: Arabic, located, and
//! free of the English its `Display` adds; and English as the window said it before. The
//! errors of files here, those of the work on a corpus in `work.rs` (as the wording is split).

mod work;

use std::io;
use std::path::PathBuf;

use super::*;
use crate::annotate::edit::EditError;
use crate::app::i18n::{Language, set_locale};
use crate::format::{Code, Diagnostic, LoadError, SaveError};
use crate::interchange::import::ImportError;
use crate::interchange::plain_text::encoding::{
    EncodingChoice, Malformed, MalformedReason, TextEncoding,
};
use crate::interchange::plain_text::{ReadFile, TxtImportError, TxtImportFailure};
use crate::interchange::{ExportError, Loss, LossKind};
use crate::model::controls::find_forbidden_control;
use crate::model::{CharRange, SpanError};
use crate::project::ProjectError;
use crate::review::AlignError;
use crate::review::session::{OpenReviewError, ReviewError};
use crate::suggest::gazetteer::{GazetteerError, GazetteerProblem};
use crate::suggest::tagger::{LabelMismatch, ModelError, TrainError};

/// A path with Latin folders and an Arabic file name, as annotators name their files.
fn file() -> PathBuf {
    PathBuf::from("/srv/corpora/أخبار-2024/amal.json")
}

fn range(start: usize, end: usize) -> CharRange {
    CharRange::new(start, end).expect("a valid range")
}

fn lock() -> LockInfo {
    serde_json::from_value(serde_json::json!({
        "owner": "سارة",
        "pid": 9682,
        "host": "lab-3",
        "since": "2025-06-01T14:02:11Z",
        "token": "00ff"
    }))
    .expect("a lock")
}

/// The words of English (two letters or more) in `text`.
fn english_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 2)
        .map(str::to_owned)
        .collect()
}

/// `text` without the marks that isolate what was put into a message.
fn plain(text: &str) -> String {
    crate::text::isolates::without_ordering_marks(text)
        .chars()
        .filter(|c| !matches!(c, '\u{2066}'..='\u{2069}'))
        .collect()
}

/// Checks an error's Arabic: it is Arabic, keeps every part of `kept` (a path, a label, a
/// line in Arabic-Indic digits), and has none of the English words of `english` (its
/// `Display`) but those of `carried` — what the library gives only as free text, or names
/// (a file, an encoding, a host) that are Latin in any language.
fn check(arabic: &str, english: &str, kept: &[&str], carried: &[&str]) {
    let said = plain(arabic);
    assert!(
        said.chars().any(crate::text::isolates::is_right_to_left),
        "not Arabic: {said}"
    );
    for part in kept {
        assert!(said.contains(part), "{part:?} is lost in {said}");
    }
    let allowed: Vec<String> = carried.iter().flat_map(|c| english_words(c)).collect();
    let said_words = english_words(&said);
    for word in english_words(english) {
        if allowed.contains(&word) {
            continue;
        }
        assert!(
            !said_words.contains(&word),
            "the English {word:?} of {english:?} is in {said}"
        );
    }
}

/// Words `error` in Arabic with Arabic-Indic digits and checks it (see [`check`]).
fn arabic<E: Worded + std::fmt::Display>(error: &E, kept: &[&str], carried: &[&str]) {
    set_locale(Language::Arabic, Digits::ArabicIndic);
    let said = error.worded();
    check(&said, &error.to_string(), kept, carried);
}

const PATH: &str = "/srv/corpora/أخبار-2024/amal.json";

#[test]
fn io_errors_are_worded_by_their_kind_and_the_system_text_only_for_others() {
    use io::ErrorKind as Kind;
    set_locale(Language::Arabic, Digits::ArabicIndic);
    let named = [
        Kind::NotFound,
        Kind::PermissionDenied,
        Kind::AlreadyExists,
        Kind::StorageFull,
        Kind::QuotaExceeded,
        Kind::ReadOnlyFilesystem,
        Kind::IsADirectory,
        Kind::NotADirectory,
        Kind::DirectoryNotEmpty,
        Kind::InvalidData,
        Kind::UnexpectedEof,
        Kind::FileTooLarge,
        Kind::InvalidFilename,
        Kind::CrossesDevices,
        Kind::ResourceBusy,
        Kind::TimedOut,
        Kind::Interrupted,
        Kind::OutOfMemory,
        Kind::Unsupported,
        Kind::ConnectionRefused,
    ];
    for kind in named {
        let said = io_reason(&io::Error::from(kind));
        assert!(english_words(&said).is_empty(), "{kind:?}: {said}");
        assert!(!said.is_empty(), "{kind:?}");
    }
    // What the OS says (errno 13), by its kind.
    let denied = io::Error::from_raw_os_error(13);
    assert_eq!(io_reason(&denied), "لا تملك إذنًا بذلك");
    // A kind taliq does not name: the system's own text, said to be the system's.
    let other = io::Error::from_raw_os_error(24);
    let said = io_reason(&other);
    assert!(said.starts_with("يقول النظام: "), "{said}");
    assert!(said.contains(&other.to_string()), "{said}");
    set_locale(Language::English, Digits::Western);
    assert_eq!(io_reason(&denied), "permission denied");
}

#[test]
fn the_lock_holder_is_worded_from_its_fields_in_the_digits_in_force() {
    let holder = lock();
    set_locale(Language::Arabic, Digits::ArabicIndic);
    let said = plain(&holder.worded());
    assert_eq!(
        said,
        "سارة (العملية ٩٦٨٢ على الجهاز lab-3) منذ ٢٠٢٥-٠٦-٠١ الساعة ١٤:٠٢:١١ بالتوقيت العالمي"
    );
    set_locale(Language::Arabic, Digits::Western);
    assert!(plain(&holder.worded()).contains("9682"));
    set_locale(Language::English, Digits::Western);
    assert_eq!(holder.worded(), holder.describe());
    let odd = LockInfo {
        since: "yesterday".into(),
        ..holder
    };
    assert_eq!(odd.worded(), "سارة (pid 9682 on lab-3) since yesterday");
}

#[test]
fn load_and_save_errors_keep_their_path_in_arabic() {
    let denied = || io::Error::from(io::ErrorKind::PermissionDenied);
    arabic(
        &LoadError::Io {
            path: file(),
            source: denied(),
        },
        &[PATH],
        &[PATH],
    );
    arabic(
        &LoadError::Invalid {
            path: file(),
            diagnostics: vec![Diagnostic::new(Code::Syntax, "expected `,` or `}`")],
        },
        &[PATH, "مشكلة واحدة"],
        &[PATH, "expected"],
    );
    arabic(
        &SaveError::Io {
            path: file(),
            source: denied(),
        },
        &[PATH],
        &[PATH],
    );
    arabic(&SaveError::ChangedOnDisk { path: file() }, &[PATH], &[PATH]);
    arabic(
        &SaveError::Locked {
            path: file(),
            holder: Box::new(lock()),
        },
        &[PATH, "سارة", "٩٦٨٢", "lab-3"],
        &[PATH, "lab-3"],
    );
    arabic(&SaveError::Exists { path: file() }, &[PATH], &[PATH]);
}

#[test]
fn export_and_import_errors_keep_their_path_and_line_in_arabic() {
    arabic(
        &ExportError::Io {
            path: file(),
            source: io::Error::from(io::ErrorKind::StorageFull),
        },
        &[PATH, "القرص ممتلئ"],
        &[PATH],
    );
    arabic(&ExportError::Exists { path: file() }, &[PATH], &[PATH]);
    arabic(
        &ImportError::Io {
            path: file(),
            source: io::Error::from(io::ErrorKind::NotFound),
        },
        &[PATH],
        &[PATH],
    );
    let message = "label \"PER\" is not a string";
    arabic(
        &ImportError::Line {
            path: file(),
            line: 12,
            message: message.into(),
        },
        &[PATH, "السطر ١٢", message],
        &[PATH, message],
    );
    arabic(
        &ImportError::Place {
            path: file(),
            place: "task 3".into(),
            message: message.into(),
        },
        &[PATH, "task 3", message],
        &[PATH, message, "task"],
    );
}

#[test]
fn every_text_import_error_is_located_in_arabic() {
    let malformed = |reason| Malformed {
        encoding: TextEncoding::UTF_8,
        choice: EncodingChoice::Detected,
        byte: 1204,
        line: 7,
        column: 3,
        reason,
    };
    let names = TextEncoding::accepted_names();
    let carried = [
        PATH,
        "UTF-8",
        names.as_str(),
        "taliq import --encoding",
        "ASCII",
    ];
    for reason in [
        MalformedReason::InvalidSequence,
        MalformedReason::Utf8NotAsGiven,
        MalformedReason::Undetected {
            closest: "windows-1252",
        },
    ] {
        arabic(
            &TxtImportError::Malformed {
                path: file(),
                malformed: malformed(reason),
            },
            &[PATH, "١٢٠٤", "السطر ٧", "العمود ٣"],
            &[
                &carried[..],
                &["windows-1256", "ISO-8859-6", "windows-1252"],
            ]
            .concat(),
        );
    }
    let text = "سطر\nفيه \u{1b} و\u{0}";
    let control = find_forbidden_control(text).expect("a control");
    arabic(
        &TxtImportError::Control {
            path: file(),
            encoding: TextEncoding::UTF_8,
            choice: EncodingChoice::Mark,
            control,
        },
        &[PATH, "U+001B (ESC)", "السطر ٢", "العمود ٥", "محرف تحكم آخر"],
        &[&carried[..], &["U+001B (ESC)"]].concat(),
    );
    arabic(
        &TxtImportError::Io {
            path: file(),
            source: io::Error::from(io::ErrorKind::IsADirectory),
        },
        &[PATH],
        &[PATH],
    );
    arabic(
        &TxtImportError::DuplicateId {
            id: "amal".into(),
            first: PathBuf::from("a/amal.txt"),
            second: PathBuf::from("b/amal.txt"),
        },
        &["a/amal.txt", "b/amal.txt", "«amal»"],
        &["a/amal.txt", "b/amal.txt"],
    );
    arabic(
        &TxtImportError::NothingToImport { path: file() },
        &[PATH, ".txt"],
        &[PATH, ".txt"],
    );
}

#[test]
fn a_failed_text_import_and_a_summary_say_each_file_and_its_encoding_in_arabic() {
    set_locale(Language::Arabic, Digits::ArabicIndic);
    let read = |name: &str, choice| ReadFile {
        path: PathBuf::from(name),
        encoding: TextEncoding::UTF_8,
        choice,
    };
    let failure = TxtImportFailure {
        errors: vec![TxtImportError::NothingToImport {
            path: PathBuf::from("empty"),
        }],
        read: vec![read("texts/a.txt", EncodingChoice::Detected)],
    };
    let said = plain(&txt_import_failure(&failure));
    assert_eq!(said, "لا ملف .txt في empty\nقُرئ: texts/a.txt: UTF-8 (مكتشَف)");
    let files: Vec<ReadFile> = (1..=8)
        .map(|i| read(&format!("t/{i}.txt"), EncodingChoice::Detected))
        .collect();
    let said = plain(&txt_import_summary(&files));
    assert!(
        said.starts_with("استُوردت ٨ ملفات نصية: 1.txt UTF-8 (مكتشَف)"),
        "{said}"
    );
    assert!(
        said.ends_with("، وملفان آخران: ٢ بترميز UTF-8 (مكتشَف)"),
        "{said}"
    );
    set_locale(Language::English, Digits::Western);
    assert_eq!(
        plain(&txt_import_summary(&files)),
        crate::interchange::plain_text::summary(&files)
    );
}

#[test]
fn export_losses_are_worded_in_arabic_with_their_ranges() {
    for kind in [
        LossKind::Overlap { kept: range(0, 9) },
        LossKind::Expanded { to: range(2, 9) },
        LossKind::Contracted { to: range(3, 7) },
        LossKind::NoToken,
    ] {
        let loss = Loss {
            document: "خبر-1".into(),
            range: range(3, 9),
            label: "PER".into(),
            kind,
        };
        arabic(&loss, &["«خبر-1»", "PER", "[٣, ٩)"], &["PER"]);
    }
    set_locale(Language::English, Digits::Western);
    let loss = Loss {
        document: "d".into(),
        range: range(3, 9),
        label: "PER".into(),
        kind: LossKind::NoToken,
    };
    assert_eq!(loss.worded(), loss.to_string());
}

#[test]
fn english_says_what_the_library_says() {
    set_locale(Language::English, Digits::Western);
    let same = |worded: String, display: String| assert_eq!(plain(&worded), display);
    let locked = SaveError::Locked {
        path: file(),
        holder: Box::new(lock()),
    };
    same(locked.worded(), locked.to_string());
    let changed = SaveError::ChangedOnDisk { path: file() };
    same(changed.worded(), changed.to_string());
    let review = ReviewError::TextDiffers {
        id: "d".into(),
        first: "amal".into(),
        other: "zaid".into(),
        offset: 4,
    };
    same(review.worded(), review.to_string());
    let span = SpanError::OutOfRange {
        range: range(4, 90),
        len: 80,
    };
    same(span.worded(), span.to_string());
    let train = TrainError::TooFewSentences { sentences: 4 };
    same(train.worded(), train.to_string());
    // The system's reason by its kind, the path as it was.
    let io = SaveError::Io {
        path: file(),
        source: io::Error::from_raw_os_error(13),
    };
    same(
        io.worded(),
        format!("cannot write {PATH}: permission denied"),
    );
}
