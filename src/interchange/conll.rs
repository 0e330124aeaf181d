//! `conll`: one `TOKEN TAG` per line, a blank line after each sentence, `-DOCSTART- O` before
//! each document; tags in IOB2 or BIOES.
//!
//! Tokens come from [`crate::tokenize`]. Flat tags hold one entity per token, so of
//! overlapping spans the longest (then earliest) is kept; a span whose edge falls inside a
//! token is aligned by [`Align`]. Each such case is a [`Loss`].
//!
//! Sentences end after `.`, `!`, `?` and `؟` (after the last of a run of them) and at every
//! line break between two tokens — but never inside an entity.

use std::path::{Path, PathBuf};

use super::{CorpusBuilder, ImportError, Loss, LossKind, Options};
use crate::model::{CharRange, Corpus, Document, Span};
use crate::tokenize::{Token, TokenKind, tokenize_with_clitics_located};

/// Tag scheme of token formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Scheme {
    /// `B-` begins an entity, `I-` continues it, `O` is outside.
    #[default]
    Iob2,
    /// As IOB2, plus `E-` ends an entity of several tokens and `S-` is a one-token entity.
    Bioes,
}

/// What to do with a span whose edge falls inside a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Align {
    /// Widen the entity to the whole tokens it touches.
    Expand,
    /// Narrow the entity to the tokens entirely inside it (dropped when there are none).
    Contract,
    /// Split proclitics (و ف ب ل ك ال) off the token at the span edge so the entity stays exact;
    /// edges elsewhere inside a word are widened as with `Expand`.
    #[default]
    Split,
}

/// Position of a token in its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prefix {
    /// Outside any entity.
    O,
    /// First token of an entity.
    B,
    /// Inside an entity, after its first token.
    I,
    /// Last token of an entity of several tokens (BIOES only).
    E,
    /// The only token of an entity (BIOES only).
    S,
}

impl Prefix {
    /// The letter written before the label.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::O => "O",
            Self::B => "B",
            Self::I => "I",
            Self::E => "E",
            Self::S => "S",
        }
    }
}

/// A token with its tag; `label` is empty for `O`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TaggedToken<'a> {
    /// The token's text.
    pub text: &'a str,
    /// Its code points in the document.
    pub range: CharRange,
    /// Position in its entity.
    pub prefix: Prefix,
    /// The entity's label, empty outside entities.
    pub label: &'a str,
}

impl TaggedToken<'_> {
    /// The tag as written, e.g. `B-LOC` or `O`.
    pub fn tag(&self) -> String {
        if self.prefix == Prefix::O {
            "O".to_owned()
        } else {
            format!("{}-{}", self.prefix.as_str(), self.label)
        }
    }
}

/// The spans flat tags can hold: longest first, then earliest, each kept unless it overlaps one kept before.
fn flat_spans<'a>(doc: &'a Document, losses: &mut Vec<Loss>) -> Vec<&'a Span> {
    let mut order: Vec<&Span> = doc.spans().iter().collect();
    order.sort_by_key(|s| {
        (
            std::cmp::Reverse(s.range.len()),
            s.range.start(),
            s.label.as_str(),
        )
    });
    let mut kept: Vec<&Span> = Vec::with_capacity(order.len());
    for span in order {
        if let Some(winner) = kept.iter().find(|k| k.range.overlaps(span.range)) {
            losses.push(loss(doc, span, LossKind::Overlap { kept: winner.range }));
        } else {
            kept.push(span);
        }
    }
    kept.sort_by_key(|s| s.range.start());
    kept
}

fn loss(doc: &Document, span: &Span, kind: LossKind) -> Loss {
    Loss {
        document: doc.id.clone(),
        range: span.range,
        label: span.label.clone(),
        kind,
    }
}

/// Cuts a document into sentences of tagged tokens, with the spans it could not keep exactly.
pub fn tag_document<'a>(
    doc: &'a Document,
    options: &Options,
) -> (Vec<Vec<TaggedToken<'a>>>, Vec<Loss>) {
    let mut losses = Vec::new();
    let spans = flat_spans(doc, &mut losses);
    // Without cuts the clitic tokeniser gives the plain tokens.
    let edges: Vec<usize> = if options.align == Align::Split {
        spans
            .iter()
            .flat_map(|s| [s.range.start(), s.range.end()])
            .collect()
    } else {
        Vec::new()
    };
    let located = tokenize_with_clitics_located(doc.text(), &edges);
    let tokens: Vec<Token> = located.iter().map(|(t, _)| *t).collect();
    // Which kept span owns each token, and the entity's token range.
    let mut owner: Vec<Option<usize>> = vec![None; tokens.len()];
    let mut entities: Vec<(usize, usize, &str)> = Vec::new();
    for span in spans {
        let first = tokens.partition_point(|t| t.range.end() <= span.range.start());
        let last = tokens.partition_point(|t| t.range.start() < span.range.end());
        let (mut from, mut to) = (first, last);
        if options.align == Align::Contract {
            while from < to && tokens[from].range.start() < span.range.start() {
                from += 1;
            }
            while to > from && tokens[to - 1].range.end() > span.range.end() {
                to -= 1;
            }
        }
        if from >= to {
            losses.push(loss(doc, span, LossKind::NoToken));
            continue;
        }
        let written = CharRange::between(tokens[from].range.start(), tokens[to - 1].range.end());
        if let Some(other) = (from..to).find_map(|t| owner[t]) {
            let (a, b, _) = entities[other];
            let kept = CharRange::between(tokens[a].range.start(), tokens[b - 1].range.end());
            losses.push(loss(doc, span, LossKind::Overlap { kept }));
            continue;
        }
        if written != span.range {
            let kind = if written.contains_range(span.range) {
                LossKind::Expanded { to: written }
            } else {
                LossKind::Contracted { to: written }
            };
            losses.push(loss(doc, span, kind));
        }
        for slot in &mut owner[from..to] {
            *slot = Some(entities.len());
        }
        entities.push((from, to, span.label.as_str()));
    }

    let text = doc.text();
    // Byte offset of token edge i: the start of token i / 2, or its end for odd i.
    let byte = |i: usize| {
        let bytes = &located[i / 2].1;
        if i.is_multiple_of(2) {
            bytes.start
        } else {
            bytes.end
        }
    };
    let mut sentences = Vec::new();
    let mut sentence: Vec<TaggedToken<'a>> = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        let (prefix, label) = match owner[i] {
            None => (Prefix::O, ""),
            Some(e) => {
                let (from, to, label) = entities[e];
                let bioes = options.scheme == super::Scheme::Bioes;
                let prefix = match (i == from, i + 1 == to) {
                    (true, true) if bioes => Prefix::S,
                    (true, _) => Prefix::B,
                    (false, true) if bioes => Prefix::E,
                    _ => Prefix::I,
                };
                (prefix, label)
            }
        };
        let inside_entity = matches!(prefix, Prefix::I | Prefix::E);
        if i > 0 && !inside_entity && !sentence.is_empty() {
            let gap = &text[byte(2 * i - 1)..byte(2 * i)];
            let previous = sentence.last().map_or("", |t: &TaggedToken<'_>| t.text);
            let ends = tokens[i - 1].kind == TokenKind::Punct
                && is_terminator(previous)
                && !(token.kind == TokenKind::Punct
                    && is_terminator(&text[byte(2 * i)..byte(2 * i + 1)]));
            if ends || gap.contains('\n') {
                sentences.push(std::mem::take(&mut sentence));
            }
        }
        sentence.push(TaggedToken {
            text: &text[byte(2 * i)..byte(2 * i + 1)],
            range: token.range,
            prefix,
            label,
        });
    }
    if !sentence.is_empty() {
        sentences.push(sentence);
    }
    (sentences, losses)
}

fn is_terminator(token: &str) -> bool {
    matches!(token, "." | "!" | "?" | "؟")
}

/// Writes documents in CoNLL form, returning the text and the spans not kept exactly.
pub fn export(documents: &[Document], options: &Options) -> (String, Vec<Loss>) {
    let mut out = Vec::new();
    let losses = write(&mut out, documents, *options);
    (String::from_utf8(out).unwrap_or_default(), losses)
}

/// Appends the lines of [`export`] to `out`, returning the spans not kept exactly.
pub(super) fn write(out: &mut Vec<u8>, documents: &[Document], options: Options) -> Vec<Loss> {
    let mut losses = Vec::new();
    for doc in documents {
        let (sentences, lost) = tag_document(doc, &options);
        losses.extend(lost);
        out.extend_from_slice(b"-DOCSTART- O\n\n");
        for sentence in sentences {
            for token in sentence {
                out.extend_from_slice(token.text.as_bytes());
                out.push(b' ');
                out.extend_from_slice(token.prefix.as_str().as_bytes());
                if token.prefix != Prefix::O {
                    out.push(b'-');
                    out.extend_from_slice(token.label.as_bytes());
                }
                out.push(b'\n');
            }
            out.push(b'\n');
        }
    }
    losses
}

/// A document being rebuilt from tokens: text joined with spaces, sentences with newlines.
struct Rebuilt {
    text: String,
    chars: usize,
    sentence_open: bool,
    /// Entities as (start, end, label, line of their first token).
    entities: Vec<(usize, usize, String, usize)>,
    open: Option<(usize, usize, String, usize)>,
}

impl Rebuilt {
    fn new() -> Self {
        Self {
            text: String::new(),
            chars: 0,
            sentence_open: false,
            entities: Vec::new(),
            open: None,
        }
    }

    fn close(&mut self) {
        if let Some(e) = self.open.take() {
            self.entities.push(e);
        }
    }

    fn end_sentence(&mut self) {
        self.close();
        self.sentence_open = false;
    }

    fn token(&mut self, token: &str, prefix: Prefix, label: &str, line: usize) {
        if self.sentence_open {
            self.text.push(' ');
            self.chars += 1;
        } else if !self.text.is_empty() {
            self.text.push('\n');
            self.chars += 1;
        }
        self.sentence_open = true;
        let start = self.chars;
        self.text.push_str(token);
        self.chars += token.chars().count();
        let continues = self.open.as_ref().is_some_and(|o| o.2 == label);
        match prefix {
            Prefix::O => self.close(),
            Prefix::I | Prefix::E if continues => {
                if let Some(o) = &mut self.open {
                    o.1 = self.chars;
                }
            }
            // B- and S- begin an entity; so does an I- or E- that continues nothing, as
            // conlleval reads IOB1 files.
            _ => {
                self.close();
                self.open = Some((start, self.chars, label.to_owned(), line));
            }
        }
        if matches!(prefix, Prefix::E | Prefix::S) {
            self.close();
        }
    }
}

fn parse_tag(tag: &str) -> Option<(Prefix, &str)> {
    if tag == "O" {
        return Some((Prefix::O, ""));
    }
    let (prefix, label) = tag.split_once('-')?;
    let prefix = match prefix {
        "B" => Prefix::B,
        "I" => Prefix::I,
        "E" => Prefix::E,
        "S" => Prefix::S,
        _ => return None,
    };
    (!label.is_empty()).then_some((prefix, label))
}

/// Reads CoNLL files: the first column is the token and the last the tag (so CoNLL-2003's
/// four columns and `ANERcorp`'s two both work); `-DOCSTART-` lines separate documents.
///
/// Each document's text is rebuilt from its tokens, joined by a space within a sentence and
/// by a newline between sentences. Documents are named after the file stem, numbered
/// `STEM-1`, `STEM-2`, … when a file holds several.
///
/// # Errors
/// The first line that is neither blank, `-DOCSTART-`, nor `TOKEN … TAG` with a valid tag.
pub fn import(paths: &[PathBuf]) -> Result<Corpus, ImportError> {
    super::import::import_files(paths, &["conll", "bio", "iob"], read_into)
}

/// As [`import`], on the bytes of one file that `path` names.
///
/// # Errors
/// As [`import`].
pub fn import_bytes(path: &Path, bytes: &[u8]) -> Result<Corpus, ImportError> {
    super::import::import_one(path, bytes, read_into)
}

fn read_into(builder: &mut CorpusBuilder, path: &Path, bytes: &[u8]) -> Result<(), ImportError> {
    let content = super::import::utf8_text(path, bytes)?;
    let mut documents: Vec<Rebuilt> = Vec::new();
    let mut current = Rebuilt::new();
    for (i, raw) in content.split('\n').enumerate() {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if line.trim().is_empty() {
            current.end_sentence();
            continue;
        }
        let fields: Vec<&str> = line.split_whitespace().collect();
        if fields[0] == "-DOCSTART-" {
            current.end_sentence();
            documents.push(std::mem::replace(&mut current, Rebuilt::new()));
            continue;
        }
        let err = |message: String| ImportError::Line {
            path: path.to_path_buf(),
            line: i + 1,
            message,
        };
        if fields.len() < 2 {
            return Err(err(format!("expected \"TOKEN TAG\", found {line:?}")));
        }
        let tag = fields[fields.len() - 1];
        let (prefix, label) = parse_tag(tag).ok_or_else(|| {
            err(format!(
                "invalid tag {tag:?} (expected O or B-, I-, E-, S- and a label)"
            ))
        })?;
        current.token(fields[0], prefix, label, i + 1);
    }
    current.end_sentence();
    documents.push(current);
    documents.retain(|d| !d.text.is_empty());
    let stem = super::stem(path);
    let several = documents.len() > 1;
    for (n, rebuilt) in documents.into_iter().enumerate() {
        let id = if several {
            format!("{stem}-{}", n + 1)
        } else {
            stem.clone()
        };
        let mut doc = Document::new(id, rebuilt.text);
        for (start, end, label, line) in rebuilt.entities {
            builder
                .add_span(&mut doc, start, end, &label)
                .map_err(|message| ImportError::Line {
                    path: path.to_path_buf(),
                    line,
                    message,
                })?;
        }
        builder.push(doc).map_err(|message| ImportError::Place {
            path: path.to_path_buf(),
            place: "document".into(),
            message,
        })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interchange::Scheme;

    fn doc(text: &str, spans: &[(usize, usize, &str)]) -> Document {
        let mut doc = Document::new("d", text);
        for &(a, b, l) in spans {
            doc.add_span(Span::new(CharRange::new(a, b).unwrap(), l))
                .unwrap();
        }
        doc
    }

    fn lines(doc: &Document, options: Options) -> (String, Vec<Loss>) {
        export(std::slice::from_ref(doc), &options)
    }

    #[test]
    fn proclitics_are_split_so_entities_stay_exact() {
        // روسيا after the preposition lam, أوكرانيا after the conjunction waw.
        let d = doc("زار لروسيا وأوكرانيا.", &[(5, 10, "LOC"), (12, 20, "LOC")]);
        let (text, losses) = lines(&d, Options::default());
        assert_eq!(
            text,
            "-DOCSTART- O\n\nزار O\nل O\nروسيا B-LOC\nو O\nأوكرانيا B-LOC\n. O\n\n"
        );
        assert!(losses.is_empty(), "{losses:?}");
    }

    #[test]
    fn expand_and_contract_report_what_they_changed() {
        let d = doc("زار لروسيا وبوتين", &[(5, 10, "LOC"), (11, 17, "PER")]);
        let expand = Options {
            align: Align::Expand,
            ..Options::default()
        };
        let (text, losses) = lines(&d, expand);
        assert_eq!(
            text,
            "-DOCSTART- O\n\nزار O\nلروسيا B-LOC\nوبوتين B-PER\n\n"
        );
        assert_eq!(
            losses[0].kind,
            LossKind::Expanded {
                to: CharRange::new(4, 10).unwrap()
            }
        );
        let contract = Options {
            align: Align::Contract,
            ..Options::default()
        };
        let (text, losses) = lines(&d, contract);
        assert_eq!(text, "-DOCSTART- O\n\nزار O\nلروسيا O\nوبوتين B-PER\n\n");
        assert_eq!(losses.len(), 1);
        assert_eq!(losses[0].kind, LossKind::NoToken);
    }

    #[test]
    fn edge_inside_a_word_without_proclitic_is_widened_under_split() {
        // فلاديمير cut after فلا: no proclitic rule allows it.
        let d = doc("قال فلاديمير", &[(7, 12, "PER")]);
        let (text, losses) = lines(&d, Options::default());
        assert_eq!(text, "-DOCSTART- O\n\nقال O\nفلاديمير B-PER\n\n");
        assert_eq!(
            losses[0].kind,
            LossKind::Expanded {
                to: CharRange::new(4, 12).unwrap()
            }
        );
    }

    #[test]
    fn nested_span_is_dropped_for_the_outer_one_and_reported() {
        let d = doc(
            "قالت وزارة الخارجية الروسية اليوم",
            &[(5, 27, "ORG"), (20, 27, "MISC")],
        );
        let options = Options {
            scheme: Scheme::Bioes,
            ..Options::default()
        };
        let (text, losses) = lines(&d, options);
        assert_eq!(
            text,
            "-DOCSTART- O\n\nقالت O\nوزارة B-ORG\nالخارجية I-ORG\nالروسية E-ORG\nاليوم O\n\n"
        );
        assert_eq!(losses.len(), 1);
        assert_eq!(losses[0].label, "MISC");
        assert_eq!(
            losses[0].kind,
            LossKind::Overlap {
                kept: CharRange::new(5, 27).unwrap()
            }
        );
    }

    #[test]
    fn sentences_end_at_arabic_question_mark_and_line_breaks_but_not_inside_entities() {
        let d = doc("هل زار بوتين؟ نعم\nزار موسكو", &[(7, 12, "PER")]);
        let (text, _) = lines(
            &d,
            Options {
                scheme: Scheme::Bioes,
                ..Options::default()
            },
        );
        assert_eq!(
            text,
            "-DOCSTART- O\n\nهل O\nزار O\nبوتين S-PER\n؟ O\n\nنعم O\n\nزار O\nموسكو O\n\n"
        );
        let across = doc("زار جمهورية\nمصر", &[(4, 15, "LOC")]);
        let (text, _) = lines(&across, Options::default());
        assert_eq!(text, "-DOCSTART- O\n\nزار O\nجمهورية B-LOC\nمصر I-LOC\n\n");
    }

    #[test]
    fn anercorp_file_without_sentence_breaks_imports_one_document() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ANERCorp.txt");
        std::fs::write(
            &path,
            "فرانكفورت B-LOC\n(د O\nب O\nأ) O\nأعلن O\nاتحاد B-ORG\nالصناعة I-ORG\nالألماني I-ORG\n",
        )
        .unwrap();
        let corpus = import(std::slice::from_ref(&path)).unwrap();
        let d = &corpus.documents[0];
        assert_eq!(d.id, "ANERCorp");
        assert_eq!(d.text(), "فرانكفورت (د ب أ) أعلن اتحاد الصناعة الألماني");
        let spans: Vec<_> = d
            .spans()
            .iter()
            .map(|s| (d.span_text(s), s.label.as_str()))
            .collect();
        assert_eq!(
            spans,
            [("فرانكفورت", "LOC"), ("اتحاد الصناعة الألماني", "ORG")]
        );
    }

    #[test]
    fn byte_order_mark_does_not_hide_the_first_docstart() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bom.conll");
        std::fs::write(&path, "\u{feff}-DOCSTART- O\n\nزار O\nبوتين B-PER\n").unwrap();
        let corpus = import(std::slice::from_ref(&path)).unwrap();
        assert_eq!(corpus.documents.len(), 1);
        assert_eq!(corpus.documents[0].text(), "زار بوتين");
    }

    #[test]
    fn invalid_tag_names_the_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bad.conll");
        std::fs::write(&path, "-DOCSTART- O\n\nزار O\nبوتين X-PER\n").unwrap();
        let message = import(std::slice::from_ref(&path)).unwrap_err().to_string();
        assert!(
            message.contains("bad.conll:4: invalid tag \"X-PER\""),
            "{message}"
        );
    }
}
