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
        ("windows-1256.txt", Some("windows-1256")),
        ("windows-1256.txt", Some("cp1256")),
        ("iso-8859-6.txt", Some("iso-8859-6")),
        ("iso-8859-6.txt", Some("arabic")),
    ] {
        let encoding = encoding.map(|e| TextEncoding::from_label(e).unwrap());
        let corpus = import_txt_in(&[fixture(file)], encoding).unwrap();
        let doc = &corpus.documents[0];
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
            let err = import_txt_in(&[fixture(file)], encoding).unwrap_err();
            let TxtImportError::Malformed { path, malformed } = &err else {
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
                    "{file}: invalid {} at byte offset {}",
                    explicit.name(),
                    place["byte"]
                )),
                "{message}"
            );
        }
    }
}

#[test]
fn legacy_bytes_read_as_utf8_are_refused_and_name_the_encoding_option() {
    let err = import_txt(&[fixture("windows-1256.txt")]).unwrap_err();
    let message = err.to_string();
    assert!(
        message.contains("windows-1256.txt: invalid UTF-8 at byte offset 0 (line 1, column 1)")
            && message.contains("--encoding"),
        "{message}"
    );
}

#[test]
fn a_mark_of_another_unicode_encoding_than_named_is_refused_at_byte_zero() {
    let utf16be = TextEncoding::from_label("utf-16be").unwrap();
    let message = import_txt_in(&[fixture("utf16le-bom.txt")], Some(utf16be))
        .unwrap_err()
        .to_string();
    assert!(
        message.contains(
            "utf16le-bom.txt: at byte offset 0 (line 1, column 1): the file starts with the byte-order mark of UTF-16LE, not of UTF-16BE"
        ),
        "{message}"
    );
}
