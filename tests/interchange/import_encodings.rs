//! Importing text files as they come: with a byte-order mark, in
//! UTF-16, in the legacy Arabic code pages. The fixture bytes are made by Python's codecs
//! (`tests/fixtures/make_encoding_fixtures.py`), not by taliq. The command line's
//! side is in `tests/cli.rs`.

use std::fs;
use std::path::{Path, PathBuf};

use taliq::app::{AppState, Source};
use taliq::interchange::plain_text::encoding::TextEncoding;
use taliq::interchange::plain_text::{TxtImportError, import_txt, import_txt_in};
use taliq::model::Corpus;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/encodings")
        .join(name)
}

/// The sentence every fixture holds, as Python wrote it in UTF-8 without a mark.
fn sentence() -> String {
    fs::read_to_string(fixture("sentence.txt")).expect("the sentence fixture")
}

#[test]
fn the_sentence_fixture_is_arabic_with_harakat_and_a_crlf() {
    let text = sentence();
    assert!(text.starts_with("هَلْ ذَهَبَ"), "{text:?}");
    assert!(text.contains('\u{0651}'), "shadda");
    assert!(text.contains("؟\r\n"), "{text:?}");
}

#[test]
fn every_encoding_decodes_to_the_same_text_and_title_without_a_mark() {
    let expected = sentence();
    let title = expected.split("\r\n").next().unwrap();
    for (file, encoding) in [
        ("utf8-bom.txt", None),
        ("utf8-bom.txt", Some("utf-8")),
        ("utf16le-bom.txt", None),
        ("utf16be-bom.txt", None),
        ("utf16le-bom.txt", Some("utf-16le")),
        ("utf16le.txt", Some("utf-16le")),
        ("utf16be.txt", Some("UTF-16BE")),
        ("utf16le.txt", None),
        ("utf16be.txt", None),
        ("windows-1256.txt", Some("windows-1256")),
        ("windows-1256.txt", Some("cp1256")),
        ("windows-1256.txt", None),
        ("iso-8859-6.txt", Some("iso-8859-6")),
        ("iso-8859-6.txt", Some("arabic")),
        ("iso-8859-6.txt", None),
    ] {
        let encoding = encoding.map(|e| TextEncoding::from_label(e).unwrap());
        let import = import_txt_in(&[fixture(file)], encoding).unwrap();
        let doc = &import.corpus.documents[0];
        assert_eq!(doc.text(), expected, "{file} as {encoding:?}");
        let meta = doc.meta.as_ref().unwrap();
        assert_eq!(meta["title"], title, "{file} as {encoding:?}");
        assert!(!doc.text().contains('\u{feff}'), "{file}");
    }
}

#[test]
fn the_window_import_drops_the_mark_and_reads_utf16_too() {
    // File → Import and a dropped .txt go through AppState::open_paths.
    let mut state = AppState::new(Corpus::with_default_labels(), Source::Untitled);
    state
        .open_paths(&[fixture("utf8-bom.txt"), fixture("utf16be-bom.txt")])
        .unwrap();
    let title = sentence().split("\r\n").next().unwrap().to_owned();
    assert_eq!(state.corpus.documents.len(), 2);
    for doc in &state.corpus.documents {
        assert_eq!(doc.text(), sentence(), "{}", doc.id);
        assert_eq!(doc.meta.as_ref().unwrap()["title"], title.as_str());
    }
    let err = state.open_paths(&[fixture("bad-utf8.txt")]).unwrap_err();
    // The window isolates the path in its line, which reads as before.
    let err = taliq::text::isolates::without_ordering_marks(&err);
    assert!(
        err.contains("bad-utf8.txt: invalid UTF-8 at byte offset 86"),
        "{err}"
    );
    assert_eq!(state.corpus.documents.len(), 2, "the open corpus is kept");
}

#[test]
fn an_invalid_byte_is_refused_with_its_place_in_each_encoding() {
    let manifest: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(fixture("bad.json")).unwrap()).unwrap();
    for (file, place) in manifest.as_object().unwrap() {
        let label = place["encoding"].as_str().unwrap();
        let explicit = TextEncoding::from_label(label).unwrap();
        // UTF-16 files carry a mark, so sniffing finds the same encoding as naming it.
        let sniffed = (!label.starts_with("iso")).then_some(None);
        for encoding in [Some(Some(explicit)), sniffed].into_iter().flatten() {
            let failure = import_txt_in(&[fixture(file)], encoding).unwrap_err();
            let [err] = &failure.errors[..] else {
                panic!("{file}: {failure}");
            };
            let TxtImportError::Malformed { path, malformed } = err else {
                panic!("{file}: {err}");
            };
            assert!(path.ends_with(file));
            assert_eq!(malformed.encoding, explicit, "{file}");
            assert_eq!(
                (malformed.byte, malformed.line, malformed.column),
                (
                    place["byte"].as_u64().unwrap() as usize,
                    place["line"].as_u64().unwrap() as usize,
                    place["column"].as_u64().unwrap() as usize
                ),
                "{file}: {err}"
            );
            let message = err.to_string();
            assert!(
                message.contains(&format!(
                    "{file}: invalid {} at byte offset {} (line 2, column 3; encoding {})",
                    explicit.name(),
                    place["byte"],
                    if label.starts_with("utf-16") {
                        "from its BOM"
                    } else if encoding.is_some() {
                        "given"
                    } else {
                        "detected"
                    },
                )),
                "{message}"
            );
        }
    }
}

#[test]
fn each_file_is_read_in_its_own_encoding_and_says_which() {
    let files = [
        "utf8-bom.txt",
        "utf16le-bom.txt",
        "utf16le.txt",
        "windows-1256.txt",
        "iso-8859-6.txt",
        "sentence.txt",
    ];
    let paths: Vec<PathBuf> = files.iter().map(|f| fixture(f)).collect();
    let import = import_txt(&paths).unwrap();
    assert!(
        import
            .corpus
            .documents
            .iter()
            .all(|d| d.text() == sentence())
    );
    let told: Vec<String> = import
        .files
        .iter()
        .map(|f| format!("{} ({})", f.encoding, f.choice))
        .collect();
    assert_eq!(
        told,
        [
            "UTF-8 (BOM)",
            "UTF-16LE (BOM)",
            "UTF-16LE (detected)",
            "windows-1256 (detected)",
            "ISO-8859-6 (detected)",
            "UTF-8 (detected)"
        ]
    );
    // A name given reaches only the files without a mark.
    let cp1256 = TextEncoding::from_label("cp1256").unwrap();
    let import = import_txt_in(
        &[fixture("utf16le-bom.txt"), fixture("windows-1256.txt")],
        Some(cp1256),
    )
    .unwrap();
    assert!(
        import
            .corpus
            .documents
            .iter()
            .all(|d| d.text() == sentence())
    );
    assert_eq!(
        import.files[0].to_string(),
        format!("{}: UTF-16LE (BOM)", fixture("utf16le-bom.txt").display())
    );
    assert_eq!(
        import.files[1].to_string(),
        format!(
            "{}: windows-1256 (given)",
            fixture("windows-1256.txt").display()
        )
    );
}

#[test]
fn utf16_without_a_mark_read_as_a_code_page_is_refused_at_its_first_control() {
    // Named wrongly, a file without a mark is read as told: the high byte of "ه" (U+0647),
    // 06, is ACK there, and refuses it.
    let cp1256 = TextEncoding::from_label("cp1256").unwrap();
    let failure = import_txt_in(&[fixture("utf16le.txt")], Some(cp1256)).unwrap_err();
    let message = failure.to_string();
    assert!(
        message.contains("utf16le.txt: U+0006 (ACK) at line 1, column 2, and ")
            && message.contains("(read as windows-1256, given)")
            && message.contains("--encoding"),
        "{message}"
    );
}
