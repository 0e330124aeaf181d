//! The property every reader must keep on any input, shared by `tests/fuzz_readers.rs`
//! (proptest, run by CI) and the cargo-fuzz targets in `fuzz/` (which include this file):
//! no panic; an accepted input gives a corpus that satisfies the model's invariants and
//! saves as a valid corpus file; a rejected one gives an error that says where.

use std::collections::HashSet;
use std::path::Path;

use taliq::format::{Diagnostic, Form, parse_corpus, write_corpus};
use taliq::interchange::plain_text::encoding::{
    MalformedReason, TextEncoding, decode_exactly, decode_text,
};
use taliq::interchange::plain_text::{TxtImportError, txt_document};
use taliq::interchange::{ImportError, brat, conll, doccano, jsonl, label_studio};
use taliq::model::Corpus;
use taliq::model::textindex::is_grapheme_boundary;

/// Separates a brat input's `.txt` bytes from its `.ann` bytes (never valid UTF-8, so both
/// parts can hold any text); `fuzz/make_seeds.py` writes the seeds so.
pub const BRAT_SEPARATOR: &[u8] = b"\xff\xfe\xfd\xfc";

/// Every reader of files from outside.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    /// A corpus file, JSON form.
    CorpusJson,
    /// A corpus file, JSONL form.
    CorpusJsonl,
    /// `import --format jsonl`.
    Jsonl,
    /// `import --format conll`.
    Conll,
    /// `import --format brat`: input is TXT, [`BRAT_SEPARATOR`], ANN.
    Brat,
    /// `import --format label-studio`.
    LabelStudio,
    /// `import --format doccano`.
    Doccano,
    /// `import --format txt`: the first byte picks the encoding (none, then the five).
    Txt,
}

impl Reader {
    /// All readers.
    pub const ALL: [Self; 8] = [
        Self::CorpusJson,
        Self::CorpusJsonl,
        Self::Jsonl,
        Self::Conll,
        Self::Brat,
        Self::LabelStudio,
        Self::Doccano,
        Self::Txt,
    ];

    /// The name of its fuzz target and of its seed folder under fuzz/seeds/.
    pub fn target(self) -> &'static str {
        match self {
            Self::CorpusJson => "corpus_json",
            Self::CorpusJsonl => "corpus_jsonl",
            Self::Jsonl => "import_jsonl",
            Self::Conll => "import_conll",
            Self::Brat => "import_brat",
            Self::LabelStudio => "import_label_studio",
            Self::Doccano => "import_doccano",
            Self::Txt => "import_txt",
        }
    }

    /// The file name errors must carry.
    fn file_name(self) -> &'static str {
        match self {
            Self::CorpusJson | Self::LabelStudio => "in.json",
            Self::CorpusJsonl | Self::Jsonl | Self::Doccano => "in.jsonl",
            Self::Conll => "in.conll",
            Self::Brat => "in.ann",
            Self::Txt => "in.txt",
        }
    }
}

/// The encodings the first byte of a txt input picks from.
const TXT_ENCODINGS: [Option<TextEncoding>; 6] = [
    None,
    Some(TextEncoding::UTF_8),
    Some(TextEncoding::UTF_16LE),
    Some(TextEncoding::UTF_16BE),
    Some(TextEncoding::WINDOWS_1256),
    Some(TextEncoding::ISO_8859_6),
];

/// Whether the reader accepted the input (for the tests to count) or what it broke.
pub type Outcome = Result<bool, String>;

/// Runs `reader` on `input` and checks the property; `Ok(accepted)` when it holds.
///
/// # Errors
/// What the reader did wrong: an unlocated error, or an accepted corpus that breaks an invariant.
pub fn check(reader: Reader, input: &[u8]) -> Outcome {
    let path = Path::new(reader.file_name());
    match reader {
        Reader::CorpusJson | Reader::CorpusJsonl => {
            let form = if reader == Reader::CorpusJson {
                Form::Json
            } else {
                Form::Jsonl
            };
            match parse_corpus(input, form) {
                Ok(corpus) => sound(&corpus, form).map(|()| true),
                Err(diagnostics) => located_diagnostics(&diagnostics).map(|()| false),
            }
        }
        Reader::Txt => check_txt(input),
        _ => {
            let result = match reader {
                Reader::Jsonl => jsonl::import_bytes(path, input),
                Reader::Conll => conll::import_bytes(path, input),
                Reader::LabelStudio => label_studio::import_bytes(path, input),
                Reader::Doccano => doccano::import_bytes(path, input),
                _ => {
                    let (txt, ann) = split_brat(input);
                    brat::import_bytes(path, ann, txt)
                }
            };
            match result {
                Ok(corpus) => sound(&corpus, Form::Json).map(|()| true),
                Err(error) => located_import_error(&error, reader).map(|()| false),
            }
        }
    }
}

/// A brat input's `.txt` and `.ann` bytes.
pub fn split_brat(input: &[u8]) -> (&[u8], &[u8]) {
    match input
        .windows(BRAT_SEPARATOR.len())
        .position(|w| w == BRAT_SEPARATOR)
    {
        Some(at) => (&input[..at], &input[at + BRAT_SEPARATOR.len()..]),
        None => (input, &[]),
    }
}

/// The model's invariants on an accepted corpus, and that it saves as a valid corpus file
/// that reads back the same.
fn sound(corpus: &Corpus, form: Form) -> Result<(), String> {
    let labels: HashSet<&str> = corpus.labels.iter().map(|l| l.name.as_str()).collect();
    let mut ids = HashSet::new();
    for doc in &corpus.documents {
        if !ids.insert(doc.id.as_str()) || doc.id.is_empty() {
            return Err(format!("document id {:?} is empty or repeated", doc.id));
        }
        let text = doc.text();
        if doc.char_len() != text.chars().count() {
            return Err(format!("document {:?}: char_len is wrong", doc.id));
        }
        for span in doc.spans() {
            let (start, end) = (span.range.start(), span.range.end());
            if start >= end || end > doc.char_len() {
                return Err(format!(
                    "document {:?}: span {} outside its text",
                    doc.id, span.range
                ));
            }
            for edge in [start, end] {
                let byte = doc.byte_of(edge).ok_or("no byte for an edge")?;
                if !is_grapheme_boundary(text, byte) {
                    return Err(format!(
                        "document {:?}: span {} cuts a grapheme at {edge}",
                        doc.id, span.range
                    ));
                }
            }
            if !labels.contains(span.label.as_str()) {
                return Err(format!(
                    "span label {:?} is not in the label set",
                    span.label
                ));
            }
        }
    }
    let saved = write_corpus(corpus, form);
    match parse_corpus(saved.as_bytes(), form) {
        Ok(back) if back == *corpus => Ok(()),
        Ok(_) => Err("the corpus saved and read back differs".to_owned()),
        Err(d) => Err(format!(
            "the accepted corpus saves as an invalid file: {d:?}"
        )),
    }
}

/// Every diagnostic of a rejected corpus file says where (an empty file is a whole-file problem).
fn located_diagnostics(diagnostics: &[Diagnostic]) -> Result<(), String> {
    if diagnostics.is_empty() {
        return Err("rejected without a diagnostic".to_owned());
    }
    for d in diagnostics {
        let whole_file = d.code == taliq::format::Code::EmptyFile;
        if d.location().is_empty() && !whole_file {
            return Err(format!("diagnostic without a place: {d:?}"));
        }
    }
    Ok(())
}

/// An import error names the file and a line, or a place in it (task, document, top level).
fn located_import_error(error: &ImportError, reader: Reader) -> Result<(), String> {
    let message = error.to_string();
    // brat reads two files: the .ann, and the .txt beside it.
    let named = message.starts_with(reader.file_name())
        || (reader == Reader::Brat && message.starts_with("in.txt"));
    if !named {
        return Err(format!("error does not name the file: {message}"));
    }
    match error {
        ImportError::Line { line, .. } if *line >= 1 => Ok(()),
        ImportError::Place { place, .. } if !place.is_empty() => Ok(()),
        _ => Err(format!("error without a line or place: {message}")),
    }
}

/// txt: a rejected file names the first byte that is not valid in the encoding.
fn check_txt(input: &[u8]) -> Outcome {
    let Some((&selector, bytes)) = input.split_first() else {
        return Ok(false);
    };
    let encoding = TXT_ENCODINGS[usize::from(selector) % TXT_ENCODINGS.len()];
    let path = Path::new("in.txt");
    match txt_document(path, bytes, encoding) {
        Ok((doc, _)) => {
            if doc.text().starts_with('\u{feff}') {
                return Err("a byte-order mark stayed in the text".to_owned());
            }
            let mut corpus = Corpus::with_default_labels();
            corpus.documents.push(doc);
            sound(&corpus, Form::Json).map(|()| true)
        }
        Err(TxtImportError::Malformed { path: p, malformed }) => {
            if p != path || malformed.line == 0 || malformed.column == 0 {
                return Err(format!("unplaced: {malformed:?}"));
            }
            if malformed.byte >= bytes.len() {
                return Err(format!("byte offset past the file: {malformed:?}"));
            }
            // The place is the first bad byte: everything before it decodes.
            let before = &bytes[..malformed.byte];
            let prefix_ok = (malformed.reason == MalformedReason::Utf8NotAsGiven
                && before.is_ascii())
                || decode_exactly(before, malformed.encoding).is_ok()
                || decode_text(before, Some(malformed.encoding)).is_ok()
                || (encoding.is_none() && decode_text(before, None).is_ok());
            if prefix_ok {
                Ok(false)
            } else {
                Err(format!(
                    "bytes before the reported offset do not decode: {malformed:?}"
                ))
            }
        }
        Err(TxtImportError::Control {
            path: p, control, ..
        }) => {
            if p != path || control.line == 0 || control.column == 0 || control.count == 0 {
                return Err(format!("unplaced: {control:?}"));
            }
            Ok(false)
        }
        Err(other) => Err(format!("unexpected error: {other}")),
    }
}
