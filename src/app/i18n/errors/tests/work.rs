//! The work on a corpus's errors (projects, reviews, the tagger, gazetteers, edits) worded in
//! Arabic.

use super::*;

#[test]
fn project_errors_are_worded_in_arabic() {
    arabic(
        &ProjectError::Io {
            path: file(),
            source: io::Error::from(io::ErrorKind::NotFound),
        },
        &[PATH],
        &[PATH],
    );
    let what = "field \"overlap\": must be a whole number of at least 1";
    arabic(
        &ProjectError::Invalid {
            path: file(),
            what: what.into(),
        },
        &[PATH, what],
        &[PATH, what],
    );
    arabic(
        &ProjectError::Load(LoadError::Io {
            path: file(),
            source: io::Error::from(io::ErrorKind::NotFound),
        }),
        &[PATH],
        &[PATH],
    );
    let refused = "no annotator named \"zaid\"";
    arabic(
        &ProjectError::Refused(refused.into()),
        &[refused],
        &[refused],
    );
    arabic(
        &ProjectError::NotAnAnnotator {
            name: "zaid".into(),
            annotators: vec!["amal".into(), "عمر".into()],
        },
        &["zaid", "amal، عمر", "gold.json", "ليس من معلّقي"],
        &["zaid", "amal", "gold.json"],
    );
    arabic(
        &ProjectError::MergeFailed {
            upstream: "origin/main".into(),
        },
        &["origin/main", "أُلغي الدمج"],
        &["origin/main"],
    );
    arabic(
        &ProjectError::NothingToReview { documents: 12 },
        &["١٢", "لا شيء للمراجعة"],
        &[],
    );
    arabic(
        &ProjectError::ReviewOpen {
            path: file(),
            holder: Box::new(lock()),
        },
        &[PATH, "سارة", "٩٦٨٢", "lab-3", "نافذة مراجعة"],
        &[PATH, "lab-3"],
    );
    arabic(
        &ProjectError::Save(SaveError::ChangedOnDisk { path: file() }),
        &[PATH],
        &[PATH],
    );
    arabic(&ProjectError::Review(ReviewError::TooFew(1)), &["١"], &[]);
    let git = "fatal: 'origin' does not appear to be a git repository";
    arabic(
        &ProjectError::Git {
            command: "pull --rebase origin".into(),
            message: git.into(),
        },
        &["git pull --rebase origin", git],
        &["git pull --rebase origin", git],
    );
}

#[test]
fn review_errors_are_worded_in_arabic() {
    arabic(&ReviewError::TooFew(1), &["١"], &[]);
    arabic(
        &ReviewError::TextDiffers {
            id: "خبر-1".into(),
            first: "amal".into(),
            other: "zaid".into(),
            offset: 42,
        },
        &["«خبر-1»", "amal", "zaid", "٤٢"],
        &["amal", "zaid"],
    );
    arabic(
        &ReviewError::GoldTextDiffers {
            id: "خبر-1".into(),
            offset: 42,
        },
        &["«خبر-1»", "٤٢"],
        &[],
    );
    arabic(&ReviewError::NothingInCommon, &[], &[]);
    arabic(
        &OpenReviewError::GoldIsAnnotators { gold: file() },
        &[PATH],
        &[PATH],
    );
    arabic(
        &OpenReviewError::Load(LoadError::Io {
            path: file(),
            source: io::Error::from(io::ErrorKind::NotFound),
        }),
        &[PATH],
        &[PATH],
    );
    arabic(
        &OpenReviewError::TextDiffers {
            id: "خبر-1".into(),
            first: "amal".into(),
            first_file: PathBuf::from("a/amal.json").into_boxed_path(),
            other: "zaid".into(),
            other_file: PathBuf::from("a/zaid.json").into_boxed_path(),
            offset: 7,
        },
        &["a/amal.json", "a/zaid.json", "amal", "zaid", "٧"],
        &["a/amal.json", "a/zaid.json"],
    );
    arabic(
        &OpenReviewError::Review(ReviewError::NothingInCommon),
        &[],
        &[],
    );
    arabic(&AlignError::TooFew(1), &["١"], &[]);
    arabic(
        &AlignError::TextDiffers {
            id: "خبر-1".into(),
            first: 0,
            other: 2,
            offset: 5,
        },
        &["«خبر-1»", "٢", "٥"],
        &[],
    );
}

#[test]
fn tagger_errors_are_worded_in_arabic() {
    arabic(
        &ModelError::Io {
            path: file(),
            source: io::Error::from(io::ErrorKind::NotFound),
        },
        &[PATH],
        &[PATH],
    );
    arabic(
        &ModelError::Invalid {
            path: file(),
            place: "header".into(),
            message: "not a taliq tagger model".into(),
        },
        &[PATH, "header: not a taliq tagger model"],
        &[PATH, "header: not a taliq tagger model"],
    );
    arabic(&TrainError::Cancelled, &[], &[]);
    arabic(&TrainError::NoSpans, &[], &[]);
    arabic(&TrainError::TooFewSentences { sentences: 4 }, &["٤"], &[]);
    arabic(
        &LabelMismatch {
            missing: vec!["GPE".into()],
            corpus: vec!["PER".into(), "LOC".into()],
        },
        &["GPE", "PER، LOC"],
        &["GPE", "PER", "LOC"],
    );
    let gazetteer = |line, problem| GazetteerError {
        path: file(),
        line,
        problem,
    };
    arabic(
        &gazetteer(
            Some(3),
            GazetteerProblem::NoTab {
                line: "PER بوتين".into(),
            },
        ),
        &[PATH, "السطر ٣", "PER بوتين", "علامة جدولة"],
        &[PATH, "PER"],
    );
    arabic(
        &gazetteer(Some(2), GazetteerProblem::NotUtf8 { byte: 19 }),
        &[PATH, "السطر ٢", "١٩", "UTF-8"],
        &[PATH, "UTF-8"],
    );
    arabic(
        &gazetteer(
            Some(4),
            GazetteerProblem::BadLabel {
                label: "LA BEL".into(),
            },
        ),
        &[PATH, "السطر ٤", "LA BEL", "كلمة واحدة"],
        &[PATH, "LA BEL", "PER"],
    );
    arabic(
        &gazetteer(
            Some(5),
            GazetteerProblem::EmptyName {
                name: "«»".into()
            },
        ),
        &[PATH, "السطر ٥", "«»"],
        &[PATH],
    );
    arabic(
        &gazetteer(
            Some(6),
            GazetteerProblem::UnknownLabel {
                label: "GPE".into(),
                labels: vec!["PER".into(), "LOC".into()],
            },
        ),
        &[PATH, "السطر ٦", "GPE", "PER، LOC"],
        &[PATH, "GPE", "PER", "LOC"],
    );
    arabic(
        &gazetteer(
            None,
            GazetteerProblem::Unreadable {
                kind: io::ErrorKind::NotFound,
                reason: "No such file or directory (os error 2)".into(),
            },
        ),
        &[PATH, "لا يوجد ملف"],
        &[PATH],
    );
}

#[test]
fn every_edit_error_is_worded_in_arabic() {
    let spans = [
        SpanError::Empty(CharRange::new(4, 4).expect("empty is a range")),
        SpanError::OutOfRange {
            range: range(4, 90),
            len: 80,
        },
        SpanError::SplitsCluster {
            range: range(4, 9),
            offset: 5,
        },
        SpanError::Duplicate {
            range: range(4, 9),
            label: "PER".into(),
        },
        SpanError::DuplicateId("s1".into()),
    ];
    for span in spans {
        arabic(&span, &[], &["PER", "s1"]);
        arabic(&EditError::Span(span), &[], &["PER", "s1"]);
    }
    let detail = "two labels are named PER";
    for error in [
        EditError::NoDocument(3),
        EditError::Labels(detail.into()),
        EditError::NoSpan {
            range: range(4, 9),
            label: "PER".into(),
        },
        EditError::Relation(detail.into()),
        EditError::DocumentLabel(detail.into()),
        EditError::NoSuggestion {
            range: range(4, 9),
            label: "PER".into(),
        },
    ] {
        arabic(&error, &[], &["PER", detail]);
    }
}
