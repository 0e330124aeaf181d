//! `taliq import --format txt` on folders as they come (issue #25): files in several
//! encodings in one folder, each read in its own and said on stderr; text with a control
//! character refused with its place, and nothing written; `taliq validate` refusing such a
//! text in a corpus. The legacy bytes are made by `encoding_rs`, the UTF-16 by the standard
//! library, from Arabic with harakat, Latin and digits.

use std::fs;
use std::path::Path;

use crate::support::{stderr, stdout, taliq};

/// A news sentence as a user's files hold it: harakat, shadda, Arabic comma and question
/// mark, digits, a Latin name, a CRLF.
const ARTICLE: &str = "قالَ المتحدثُ باسم الكرملين، ديمتري بيسكوف، إنّ روسيا مستعدةٌ للحوار يوم 15 \
    أيار/مايو 2025.\r\nفهل يقبل الطرف الآخر؟ (Reuters)\n";

fn utf16le(text: &str) -> Vec<u8> {
    text.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

fn cp1256(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1256.encode(text);
    assert!(!unmappable);
    bytes.into_owned()
}

/// The folder of the issue: UTF-8 with and without a mark, UTF-16LE with and without one,
/// windows-1256; each file a variant of the article so a mix-up shows.
fn mixed_folder(dir: &Path) -> Vec<(&'static str, String)> {
    let texts: Vec<(&str, String)> = (1..=5)
        .map(|i| {
            let name = ["art1.txt", "art2.txt", "art3.txt", "art4.txt", "art5.txt"][i - 1];
            (name, format!("المقال {i}: {ARTICLE}"))
        })
        .collect();
    let folder = dir.join("texts");
    fs::create_dir(&folder).expect("a folder");
    let bytes: [Vec<u8>; 5] = [
        [b"\xef\xbb\xbf".as_slice(), texts[0].1.as_bytes()].concat(),
        texts[1].1.as_bytes().to_vec(),
        cp1256(&texts[2].1),
        [b"\xff\xfe".to_vec(), utf16le(&texts[3].1)].concat(),
        utf16le(&texts[4].1),
    ];
    for ((name, _), bytes) in texts.iter().zip(bytes) {
        fs::write(folder.join(name), bytes).expect("written");
    }
    texts
}

fn texts_of(path: &Path) -> Vec<(String, String)> {
    taliq::format::load(path)
        .expect("the corpus written loads")
        .documents
        .iter()
        .map(|d| (d.id.clone(), d.text().to_owned()))
        .collect()
}

#[test]
fn a_mixed_folder_imports_in_one_run_each_file_in_its_own_encoding() {
    let dir = tempfile::tempdir().unwrap();
    let texts = mixed_folder(dir.path());
    let out = taliq(
        &["import", "--format", "txt", "texts", "--out", "c.json"],
        dir.path(),
    );
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    let told: Vec<&str> = err.lines().filter(|l| l.contains(".txt: ")).collect();
    assert_eq!(
        told,
        [
            "texts/art1.txt: UTF-8 (BOM)",
            "texts/art2.txt: UTF-8 (detected)",
            "texts/art3.txt: windows-1256 (detected)",
            "texts/art4.txt: UTF-16LE (BOM)",
            "texts/art5.txt: UTF-16LE (detected)",
        ],
        "{err}"
    );
    let expected: Vec<(String, String)> = texts
        .iter()
        .map(|(name, text)| (name.trim_end_matches(".txt").to_owned(), text.clone()))
        .collect();
    assert_eq!(texts_of(&dir.path().join("c.json")), expected);
}

#[test]
fn a_name_given_reaches_only_the_files_without_a_mark() {
    // The issue: --encoding cp1256 turned the marked files into mojibake full of U+0000.
    let dir = tempfile::tempdir().unwrap();
    let texts = mixed_folder(dir.path());
    for unmarked in ["art2.txt", "art5.txt"] {
        fs::remove_file(dir.path().join("texts").join(unmarked)).unwrap();
    }
    let out = taliq(
        &[
            "import",
            "--format",
            "txt",
            "texts",
            "--out",
            "c.json",
            "--encoding",
            "cp1256",
        ],
        dir.path(),
    );
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("texts/art1.txt: UTF-8 (BOM)")
            && err.contains("texts/art3.txt: windows-1256 (given)")
            && err.contains("texts/art4.txt: UTF-16LE (BOM)"),
        "{err}"
    );
    let read = texts_of(&dir.path().join("c.json"));
    assert_eq!(read.len(), 3);
    for ((_, text), (_, expected)) in read.iter().zip([&texts[0], &texts[2], &texts[3]]) {
        assert_eq!(text, expected);
    }
}

#[test]
fn files_a_code_page_given_does_not_fit_are_refused_and_nothing_written() {
    // UTF-16 without a mark read as named gives control characters, refused by their
    // place; UTF-8 read so would be mojibake, refused too.
    let dir = tempfile::tempdir().unwrap();
    mixed_folder(dir.path());
    let out = taliq(
        &[
            "import",
            "--format",
            "txt",
            "texts",
            "--out",
            "c.json",
            "--encoding",
            "cp1256",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("texts/art5.txt: U+0006 (ACK) at line 1, column 2, and ")
            && err.contains("(read as windows-1256, given)")
            && err.contains("texts/art2.txt: the file is UTF-8 (a character beyond ASCII at byte offset 0, line 1, column 1), and read as the windows-1256 given it would be mojibake; drop `--encoding`")
            && err.contains("2 files could not be imported; nothing written"),
        "{err}"
    );
    assert!(!dir.path().join("c.json").exists());
}

#[test]
fn a_control_character_is_refused_with_file_line_and_column_and_nothing_written() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("good.txt"), ARTICLE).unwrap();
    // Line 2, column 6: after "فهل", a space, "ي" (5 code points), an ESC.
    let bad = ARTICLE.replacen("يقبل", "ي\u{1b}قبل", 1);
    fs::write(dir.path().join("bad.txt"), &bad).unwrap();
    let nul = format!("{ARTICLE}\0");
    fs::write(dir.path().join("nul.txt"), &nul).unwrap();
    let out = taliq(
        &[
            "import", "--format", "txt", "good.txt", "bad.txt", "nul.txt", "--out", "c.json",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("good.txt: UTF-8 (detected)"), "{err}");
    assert!(
        err.contains("bad.txt: U+001B (ESC) at line 2, column 6 (read as UTF-8, detected)"),
        "{err}"
    );
    assert!(
        err.contains("nul.txt: U+0000 (NUL) at line 3, column 1 (read as UTF-8, detected)"),
        "{err}"
    );
    assert!(
        err.contains("2 files could not be imported; nothing written"),
        "{err}"
    );
    assert!(!dir.path().join("c.json").exists());
}

#[test]
fn a_form_feed_is_a_page_break_and_passes() {
    // pdftotext puts one between pages.
    let dir = tempfile::tempdir().unwrap();
    let pages = format!("{ARTICLE}\u{c}{ARTICLE}");
    fs::write(dir.path().join("pages.txt"), &pages).unwrap();
    let out = taliq(
        &["import", "--format", "txt", "pages.txt", "--out", "c.json"],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(texts_of(&dir.path().join("c.json"))[0].1, pages);
    let out = taliq(&["validate", "c.json"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
}

#[test]
fn validate_refuses_a_nul_in_a_text_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let mut corpus = taliq::model::Corpus::with_default_labels();
    corpus
        .documents
        .push(taliq::model::Document::new("clean", ARTICLE));
    // Line 2, column 4: after "فهل" on the second line; offset counts code points.
    let text = ARTICLE.replacen("فهل", "فهل\0", 1);
    let offset = text.chars().position(|c| c == '\0').unwrap();
    corpus
        .documents
        .push(taliq::model::Document::new("nul", text));
    for (name, form) in [
        ("c.json", taliq::format::Form::Json),
        ("c.jsonl", taliq::format::Form::Jsonl),
    ] {
        fs::write(
            dir.path().join(name),
            taliq::format::write_corpus(&corpus, form),
        )
        .unwrap();
    }
    let out = taliq(&["validate", "c.json"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let said = stdout(&out);
    assert!(
        said.contains(&format!(
            "c.json: document \"nul\" (#1), field documents[1].text: the text holds U+0000 (NUL) at offset {offset} (line 2, column 4); only tab, line feed, carriage return and form feed may be in a text"
        )),
        "{said}"
    );
    let out = taliq(&["validate", "--json", "c.jsonl"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let diagnostic: serde_json::Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    assert_eq!(diagnostic["code"], "control-character");
    assert_eq!(diagnostic["document"], "nul");
    assert_eq!(diagnostic["field"], "documents[1].text");
    assert_eq!(
        diagnostic["line"], 3,
        "the file's line: header, then one per document"
    );
}

#[test]
fn another_format_with_a_nul_in_its_text_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let line = serde_json::json!({"id": "a", "text": "زار\u{0}لافروف", "spans": [], "offset_unit": "codepoint"});
    fs::write(dir.path().join("in.jsonl"), format!("{line}\n")).unwrap();
    let out = taliq(
        &["import", "--format", "jsonl", "in.jsonl", "--out", "c.json"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("in.jsonl:1: document \"a\": its text holds U+0000 (NUL) at line 1, column 4"),
        "{err}"
    );
    assert!(!dir.path().join("c.json").exists());
}
