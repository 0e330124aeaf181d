//! `brat`: a folder with `ID.txt` (the text exactly) and `ID.ann` per document, and an
//! `annotation.conf` listing the labels and relation types.
//!
//! Spans are `T` lines, relations `R` lines (`R1<TAB>met Arg1:T1 Arg2:T2`), span notes
//! `AnnotatorNotes` lines (`#1<TAB>AnnotatorNotes T2<TAB>text`), as brat's standoff format
//! has them; brat has no document labels.
//!
//! brat is written in Python and counts offsets in characters of the `.txt` as Python reads
//! it, i.e. code points: taliq's offsets are written unchanged. A span over a line break is
//! written as brat writes it, one fragment per line (`START END;START END`).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use super::names::FileNames;
use super::{CorpusBuilder, ImportError};
use crate::model::textindex::chars_to_bytes_sorted;
use crate::model::{CharRange, Corpus, Document};

/// Name of brat's label configuration file.
pub const CONF_FILE: &str = "annotation.conf";

/// The files of a brat folder: `ID.txt` and `ID.ann` per document (names made safe and
/// unique), then `annotation.conf`.
pub fn export(corpus: &Corpus, documents: &[Document]) -> Vec<(PathBuf, Vec<u8>)> {
    let mut names = FileNames::new();
    let mut files = Vec::with_capacity(documents.len() * 2 + 1);
    for doc in documents {
        let stem = names.stem(&doc.id);
        let text = doc.text();
        // Every span end converted to bytes in one pass over the text, not one pass a span.
        let mut offsets: Vec<usize> = doc
            .spans()
            .iter()
            .flat_map(|s| [s.range.start(), s.range.end()])
            .collect();
        offsets.sort_unstable();
        offsets.dedup();
        let bytes = chars_to_bytes_sorted(text, &offsets);
        let byte_of = |c: usize| offsets.binary_search(&c).ok().and_then(|i| bytes[i]);
        let mut ann = String::with_capacity(doc.spans().len() * 48);
        for (i, span) in doc.spans().iter().enumerate() {
            let (start, end) = (span.range.start(), span.range.end());
            let (Some(a), Some(b)) = (byte_of(start), byte_of(end)) else {
                continue;
            };
            let fragments = fragments(&text[a..b], start);
            let _ = write!(ann, "T{}\t{} ", i + 1, span.label);
            for (k, (from, to, _)) in fragments.iter().enumerate() {
                let sep = if k == 0 { "" } else { ";" };
                let _ = write!(ann, "{sep}{from} {to}");
            }
            ann.push('\t');
            for (k, (_, _, piece)) in fragments.iter().enumerate() {
                if k > 0 {
                    ann.push(' ');
                }
                ann.push_str(piece);
            }
            ann.push('\n');
        }
        push_links(&mut ann, doc);
        files.push((
            PathBuf::from(format!("{stem}.txt")),
            doc.text().as_bytes().to_vec(),
        ));
        files.push((PathBuf::from(format!("{stem}.ann")), ann.into_bytes()));
    }
    let mut conf = String::from("[entities]\n");
    for label in &corpus.labels {
        conf.push_str(&label.name);
        conf.push('\n');
    }
    conf.push_str("\n[relations]\n");
    for kind in &corpus.relation_labels {
        let args = |labels: &[String]| {
            if labels.is_empty() {
                "<ENTITY>".to_owned()
            } else {
                labels.join("|")
            }
        };
        let _ = writeln!(
            conf,
            "{}\tArg1:{}, Arg2:{}",
            kind.name,
            args(&kind.from),
            args(&kind.to)
        );
    }
    conf.push_str("\n[events]\n\n[attributes]\n");
    files.push((PathBuf::from(CONF_FILE), conf.into_bytes()));
    files
}

/// Appends a document's relations (`R` lines between the spans' `T` numbers) and span
/// notes (`AnnotatorNotes`, line breaks made spaces) to its `.ann`.
fn push_links(ann: &mut String, doc: &Document) {
    let t_of = |id: &str| doc.span_by_id(id).map(|i| i + 1);
    for (k, relation) in doc.relations().iter().enumerate() {
        if let (Some(a), Some(b)) = (t_of(&relation.from), t_of(&relation.to)) {
            let _ = writeln!(ann, "R{}\t{} Arg1:T{a} Arg2:T{b}", k + 1, relation.label);
        }
    }
    let mut n = 0;
    for (i, span) in doc.spans().iter().enumerate() {
        if let Some(note) = &span.note {
            n += 1;
            let note: String = note
                .chars()
                .map(|c| {
                    if matches!(c, '\n' | '\r' | '\t') {
                        ' '
                    } else {
                        c
                    }
                })
                .collect();
            let _ = writeln!(ann, "#{n}\tAnnotatorNotes T{}\t{note}", i + 1);
        }
    }
}

/// Whether `path` is a file an earlier brat export wrote: `STEM.txt` with `STEM.ann` beside
/// it or the other way round, or `annotation.conf`. A re-export may replace these (documents no
/// longer in the corpus go with them); a lone `.txt` or other file is the user's and is kept.
pub fn earlier_export(path: &Path) -> bool {
    let other = match path.extension().and_then(|e| e.to_str()) {
        Some("txt") => "ann",
        Some("ann") => "txt",
        _ => return path.file_name().is_some_and(|n| n == CONF_FILE),
    };
    path.with_extension(other).is_file()
}

/// The pieces of a span's text `covered` (starting at code point `start`) between line breaks,
/// with their code-point ranges: an `.ann` line cannot hold a break.
fn fragments(covered: &str, start: usize) -> Vec<(usize, usize, &str)> {
    let mut out = Vec::with_capacity(1);
    let mut at = start;
    for piece in covered.split_inclusive(['\n', '\r']) {
        let len = piece.chars().count();
        let body = piece.trim_end_matches(['\n', '\r']);
        if !body.is_empty() {
            out.push((at, at + body.chars().count(), body));
        }
        at += len;
    }
    out
}

/// Reads brat `.ann` files (or folders of them), each with its `.txt` beside it.
///
/// Text-bound annotations (`T` lines), relations (`R` lines: the spans they link take
/// their `T` ids) and `AnnotatorNotes` are read; events, attributes and other notes are
/// skipped. A discontinuous span (`A B;C D`) becomes one span from its first start to its
/// last end. The id is the file stem.
///
/// # Errors
/// A missing `.txt`, or the first bad `T` line, or one whose text differs from the `.txt` at its offsets.
pub fn import(paths: &[PathBuf]) -> Result<Corpus, ImportError> {
    super::import::import_files(paths, &["ann"], |builder, ann_path, ann| {
        let txt_path = ann_path.with_extension("txt");
        let txt = super::import::read_bytes(&txt_path)?;
        read_pair(builder, ann_path, ann, &txt)
    })
}

/// As [`import`], on the bytes of one `.ann` file that `ann_path` names and of its `.txt`.
///
/// # Errors
/// As [`import`].
pub fn import_bytes(ann_path: &Path, ann: &[u8], txt: &[u8]) -> Result<Corpus, ImportError> {
    let mut builder = CorpusBuilder::new();
    read_pair(&mut builder, ann_path, ann, txt)?;
    Ok(builder.finish())
}

fn read_pair(
    builder: &mut CorpusBuilder,
    ann_path: &Path,
    ann: &[u8],
    txt_bytes: &[u8],
) -> Result<(), ImportError> {
    let text = super::import::utf8_text_exact(&ann_path.with_extension("txt"), txt_bytes)?;
    let ann = super::import::utf8_text(ann_path, ann)?;
    let mut doc = Document::new(super::stem(ann_path), text);
    let at_line = |line: usize| {
        move |message| ImportError::Line {
            path: ann_path.to_path_buf(),
            line: line + 1,
            message,
        }
    };
    // Spans first (by their T ids), then what refers to them.
    let mut spans = std::collections::HashMap::new();
    let mut links = Vec::new();
    for (i, line) in ann.split('\n').enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.starts_with('T') {
            let (id, span) = read_line(builder, &mut doc, line).map_err(at_line(i))?;
            spans.insert(id.to_owned(), span);
        } else if line.starts_with('R') || line.starts_with('#') {
            links.push((i, line));
        }
    }
    for (i, line) in links {
        read_link(builder, &mut doc, &spans, line).map_err(at_line(i))?;
    }
    builder.push(doc).map_err(|message| ImportError::Place {
        path: ann_path.to_path_buf(),
        place: "document".into(),
        message,
    })
}

/// A span as a `T` line gives it: start, end, label.
type BratSpan = (usize, usize, String);

/// Reads an `R` line (a relation between two `T` spans, which get those ids) or an
/// `AnnotatorNotes` line (a note on a `T` span); other `#` comments are skipped.
fn read_link(
    builder: &mut CorpusBuilder,
    doc: &mut Document,
    spans: &std::collections::HashMap<String, BratSpan>,
    line: &str,
) -> Result<(), String> {
    let mut columns = line.split('\t');
    let (Some(id), Some(middle)) = (columns.next(), columns.next()) else {
        return Err(format!("expected \"ID<TAB>…\", found {line:?}"));
    };
    let span_of = |t: &str| {
        spans
            .get(t)
            .ok_or_else(|| format!("{id} refers to {t}, which no T line of this file defines"))
    };
    if let Some(target) = middle.strip_prefix("AnnotatorNotes ") {
        let (start, end, label) = span_of(target.trim())?;
        let note = columns.next().unwrap_or("").to_owned();
        if let Some(i) = CharRange::new(*start, *end).and_then(|r| doc.find_span(r, label)) {
            doc.set_span_note(i, Some(note));
        }
        return Ok(());
    }
    if id.starts_with('#') {
        return Ok(());
    }
    let mut words = middle.split(' ');
    let label = words.next().unwrap_or("");
    let mut args = [None, None];
    for word in words {
        if let Some(t) = word.strip_prefix("Arg1:") {
            args[0] = Some(t);
        } else if let Some(t) = word.strip_prefix("Arg2:") {
            args[1] = Some(t);
        }
    }
    let [Some(from), Some(to)] = args else {
        return Err(format!(
            "expected \"ID<TAB>TYPE Arg1:T1 Arg2:T2\", found {line:?}"
        ));
    };
    for t in [from, to] {
        let (start, end, span_label) = span_of(t)?;
        CorpusBuilder::name_span(doc, *start, *end, span_label, t)?;
    }
    builder.add_relation(doc, crate::model::Relation::new(id, label, from, to))
}

fn read_line<'l>(
    builder: &mut CorpusBuilder,
    doc: &mut Document,
    line: &'l str,
) -> Result<(&'l str, BratSpan), String> {
    let mut columns = line.split('\t');
    let (Some(id), Some(middle), text) = (columns.next(), columns.next(), columns.next()) else {
        return Err(format!(
            "expected \"ID<TAB>LABEL START END<TAB>TEXT\", found {line:?}"
        ));
    };
    let (label, offsets) = middle
        .split_once(' ')
        .ok_or_else(|| format!("expected \"LABEL START END\", found {middle:?}"))?;
    let mut numbers = Vec::new();
    for fragment in offsets.split(';') {
        for n in fragment.split(' ') {
            numbers.push(
                n.parse::<usize>()
                    .map_err(|_| format!("invalid offset {n:?}"))?,
            );
        }
    }
    if numbers.len() < 2 || numbers.len() % 2 != 0 {
        return Err(format!("expected pairs of offsets, found {offsets:?}"));
    }
    let (start, end) = (numbers[0], numbers[numbers.len() - 1]);
    builder.add_span(doc, start, end, label)?;
    if let Some(expected) = text {
        let pieces: Vec<&str> = numbers
            .chunks(2)
            .map(|p| doc.slice(crate::model::CharRange::between(p[0], p[1])))
            .collect();
        if pieces.join(" ") != expected {
            return Err(format!(
                "text {expected:?} differs from {:?} at its offsets in the .txt",
                pieces.join(" ")
            ));
        }
    }
    Ok((id, (start, end, label.to_owned())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CharRange, Span};

    #[test]
    fn ann_lines_use_code_points_and_split_at_line_breaks() {
        let mut corpus = Corpus::with_default_labels();
        let mut doc = Document::new("../x", "إن 😀 روسيا\nالاتحادية");
        doc.add_span(Span::new(CharRange::new(5, 10).unwrap(), "LOC"))
            .unwrap();
        doc.add_span(Span::new(CharRange::new(5, 20).unwrap(), "ORG"))
            .unwrap();
        corpus.documents.push(doc.clone());
        let files = export(&corpus, &corpus.documents);
        assert_eq!(files[0].0, PathBuf::from("_._x.txt"));
        let ann = String::from_utf8(files[1].1.clone()).unwrap();
        assert_eq!(
            ann,
            "T1\tORG 5 10;11 20\tروسيا الاتحادية\nT2\tLOC 5 10\tروسيا\n"
        );
        let conf = String::from_utf8(files[2].1.clone()).unwrap();
        assert!(
            conf.starts_with("[entities]\nPER\nORG\nLOC\nDATE\nMISC\n"),
            "{conf}"
        );

        let dir = tempfile::tempdir().unwrap();
        super::super::write_files(dir.path(), &files, false).unwrap();
        let back = import(&[dir.path().to_path_buf()]).unwrap();
        assert_eq!(back.documents[0].text(), doc.text());
        assert_eq!(back.documents[0].spans(), doc.spans());
    }
}
