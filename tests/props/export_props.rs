//! Property tests of the exports on random Arabic texts with random valid spans: token
//! formats write exactly the kept spans and report every other one; UTF-16 formats round-trip.

use proptest::prelude::*;
use taliq::interchange::conll::{Prefix, tag_document};
use taliq::interchange::{Align, Format, LossKind, OffsetUnit, Options, Scheme, export_documents};
use taliq::model::{CharRange, Corpus, Document, Span};
use unicode_segmentation::UnicodeSegmentation;

/// Words with and without proclitics, harakat, digits, emoji, punctuation and line breaks.
const PIECES: &[&str] = &[
    "زار",
    "لروسيا",
    "وأوكرانيا",
    "بالبيت",
    "فلاديمير",
    "كَتَبَ",
    "مراراً",
    "21",
    "٢٠٢٢",
    "1.5",
    "😀",
    "👩‍💻",
    "«",
    "»",
    "،",
    ".",
    "؟",
    "!",
    "/",
    " ",
    " ",
    " ",
    "\n",
    "\u{200f}",
];

/// A document from pieces and span requests; requests are snapped to grapheme boundaries,
/// and those that are empty or duplicate are skipped.
fn document(pieces: &[&str], requests: &[(usize, usize, usize)]) -> Document {
    let text: String = pieces.concat();
    let mut bounds = vec![0];
    let mut at = 0;
    for g in text.graphemes(true) {
        at += g.chars().count();
        bounds.push(at);
    }
    let mut doc = Document::new("d", text);
    for &(a, len, label) in requests {
        let start = bounds[a % bounds.len()];
        let end = bounds[(a + 1 + len) % bounds.len()];
        if let Some(range) = CharRange::new(start, end).filter(|r| !r.is_empty()) {
            let _ = doc.add_span(Span::new(range, ["PER", "LOC", "ORG"][label % 3]));
        }
    }
    doc
}

fn arb_doc() -> impl Strategy<Value = Document> {
    (
        prop::collection::vec(prop::sample::select(PIECES), 0..40),
        prop::collection::vec((0usize..200, 0usize..12, 0usize..3), 0..8),
    )
        .prop_map(|(pieces, requests)| document(&pieces, &requests))
}

proptest! {
    #[test]
    fn token_exports_write_kept_spans_exactly_and_report_the_rest(
        doc in arb_doc(),
        align in prop::sample::select(vec![Align::Split, Align::Expand, Align::Contract]),
        scheme in prop::sample::select(vec![Scheme::Iob2, Scheme::Bioes]),
    ) {
        let options = Options { align, scheme, ..Options::default() };
        let (sentences, losses) = tag_document(&doc, &options);
        // Entities as written, read back from the tags.
        let mut written: Vec<(CharRange, String)> = Vec::new();
        let mut open: Option<(usize, usize, &str)> = None;
        for token in sentences.iter().flatten() {
            match token.prefix {
                Prefix::O => {
                    prop_assert!(scheme == Scheme::Iob2 || open.is_none());
                    if let Some((a, b, l)) = open.take() { written.push((CharRange::between(a, b), l.to_owned())); }
                }
                Prefix::B | Prefix::S => {
                    prop_assert!(scheme == Scheme::Iob2 || open.is_none());
                    if let Some((a, b, l)) = open.take() { written.push((CharRange::between(a, b), l.to_owned())); }
                    open = Some((token.range.start(), token.range.end(), token.label));
                    if token.prefix == Prefix::S {
                        prop_assert_eq!(scheme, Scheme::Bioes);
                        written.push((token.range, token.label.to_owned()));
                        open = None;
                    }
                }
                Prefix::I | Prefix::E => {
                    let (a, _, l) = open.expect("I- or E- continues an entity");
                    prop_assert_eq!(l, token.label);
                    open = Some((a, token.range.end(), l));
                    if token.prefix == Prefix::E {
                        written.push((CharRange::between(a, token.range.end()), l.to_owned()));
                        open = None;
                    }
                }
            }
        }
        prop_assert!(scheme == Scheme::Iob2 || open.is_none());
        if let Some((a, b, l)) = open { written.push((CharRange::between(a, b), l.to_owned())); }

        let mut expected: Vec<(CharRange, String)> = Vec::new();
        for span in doc.spans() {
            let lost: Vec<_> = losses.iter().filter(|l| l.range == span.range && l.label == span.label).collect();
            prop_assert!(lost.len() <= 1);
            match lost.first().map(|l| &l.kind) {
                None => expected.push((span.range, span.label.clone())),
                Some(LossKind::Expanded { to }) => {
                    prop_assert!(align != Align::Contract && to.contains_range(span.range));
                    expected.push((*to, span.label.clone()));
                }
                Some(LossKind::Contracted { to }) => {
                    prop_assert!(span.range.contains_range(*to) || align != Align::Contract);
                    expected.push((*to, span.label.clone()));
                }
                Some(LossKind::Overlap { .. } | LossKind::NoToken) => {}
            }
        }
        expected.sort();
        written.sort();
        prop_assert_eq!(written, expected);
    }

    #[test]
    fn utf16_formats_round_trip_texts_with_emoji(doc in arb_doc()) {
        let mut corpus = Corpus::with_default_labels();
        corpus.documents.push(doc);
        let dir = tempfile::tempdir().expect("temp dir");
        for (format, unit) in [(Format::Jsonl, OffsetUnit::Utf16), (Format::Doccano, OffsetUnit::Codepoint)] {
            let options = Options { offset_unit: unit, ..Options::default() };
            let out = export_documents(&corpus, &corpus.documents, format, &options);
            let path = dir.path().join(format!("{format:?}.jsonl"));
            std::fs::write(&path, &out.files[0].1).expect("written");
            let back = if format == Format::Jsonl {
                taliq::interchange::jsonl::import(&[path])
            } else {
                taliq::interchange::doccano::import(&[path])
            }
            .expect("imports");
            prop_assert_eq!(back.documents[0].text(), corpus.documents[0].text());
            prop_assert_eq!(back.documents[0].spans(), corpus.documents[0].spans());
        }
    }
}
