//! Synthetic Arabic corpora of any size, for benchmarks and stress tests.
//!
//! Deterministic for a given seed, so that measurements compare like with like.

use crate::model::{CharRange, Corpus, Document, Span, Status};

/// Words of Arabic news text: plain, vocalised, with proclitics, plus digits and Latin.
const WORDS: &[&str] = &[
    "قال",
    "الكرملين",
    "إن",
    "المحادثات",
    "بين",
    "روسيا",
    "والولايات",
    "المتحدة",
    "في",
    "أنقرة",
    "لأوكرانيا",
    "وأوكرانيا",
    "لروسيا",
    "بموسكو",
    "الخارجية",
    "الأمريكية",
    "سيرغي",
    "لافروف",
    "مُحَمَّد",
    "الرَّحِيمِ",
    "تشرين",
    "الثاني",
    "نوفمبر",
    "2022",
    "14",
    "الأمن",
    "القومي",
    "مدير",
    "وكالة",
    "المخابرات",
    "CIA",
    "Reuters",
    "ويليام",
    "بيرنز",
    "سيرغي",
    "ناريشكين",
    "«",
    "»",
    "،",
    "؛",
    "؟",
    "“",
    "”",
    "(",
    ")",
    "النووية",
    "اجتماع",
    "تركيا",
    "الرئيس",
    "رجب",
    "طيب",
    "أردوغان",
    "ـــ",
];

/// A small deterministic generator (xorshift64*), enough for test data.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed (0 is replaced by a fixed non-zero seed).
    pub fn new(seed: u64) -> Self {
        Self(if seed == 0 {
            0x9E37_79B9_7F4A_7C15
        } else {
            seed
        })
    }

    /// The next pseudo-random number.
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
}

/// An Arabic article of about `target_bytes` UTF-8 bytes, in paragraphs, with the char offset of every word.
pub fn article(rng: &mut Rng, target_bytes: usize) -> (String, Vec<CharRange>) {
    let mut text = String::with_capacity(target_bytes + 64);
    let mut words = Vec::new();
    let mut chars = 0;
    while text.len() < target_bytes {
        let word = WORDS[rng.below(WORDS.len())];
        let len = word.chars().count();
        words.push(CharRange::between(chars, chars + len));
        text.push_str(word);
        chars += len;
        let sep = if rng.below(40) == 0 { '\n' } else { ' ' };
        text.push(sep);
        chars += 1;
    }
    (text, words)
}

/// A corpus of `documents` articles of about `bytes_per_document` bytes with `spans_per_document` spans each.
pub fn corpus(
    documents: usize,
    bytes_per_document: usize,
    spans_per_document: usize,
    seed: u64,
) -> Corpus {
    let mut rng = Rng::new(seed);
    let mut corpus = Corpus::with_default_labels();
    corpus.annotator = Some("synth".to_owned());
    let labels: Vec<String> = corpus.labels.iter().map(|l| l.name.clone()).collect();
    for i in 0..documents {
        let (text, words) = article(&mut rng, bytes_per_document);
        let mut doc = Document::new(format!("doc-{i:05}"), text);
        doc.status = Status::ALL[rng.below(Status::ALL.len())];
        let mut meta = serde_json::Map::new();
        meta.insert("title".into(), format!("مقال رقم {i}").into());
        doc.meta = Some(meta.into());
        let mut attempts = 0;
        while doc.spans().len() < spans_per_document && attempts < spans_per_document * 10 {
            attempts += 1;
            let first = rng.below(words.len());
            let last = (first + rng.below(3)).min(words.len() - 1);
            let range = CharRange::between(words[first].start(), words[last].end());
            let label = &labels[rng.below(labels.len())];
            let _ = doc.add_span(Span::new(range, label));
        }
        corpus.documents.push(doc);
    }
    corpus
}

/// A copy of `corpus` as another annotator might have made it: about one span in `every` is
/// dropped, relabelled or has its end moved by one to three code points (a move that would
/// split a cluster or duplicate a span drops the span instead).
pub fn perturbed(corpus: &Corpus, every: usize, seed: u64) -> Corpus {
    let mut rng = Rng::new(seed);
    let mut out = corpus.clone();
    let labels: Vec<String> = out.labels.iter().map(|l| l.name.clone()).collect();
    for doc in &mut out.documents {
        let spans: Vec<Span> = doc.spans().to_vec();
        for span in spans.iter().rev() {
            if rng.below(every) != 0 {
                continue;
            }
            let Some(index) = doc.find_span(span.range, &span.label) else {
                continue;
            };
            doc.remove_span(index);
            let replacement = match rng.below(3) {
                0 => continue,
                1 => Span::new(span.range, &labels[rng.below(labels.len())]),
                _ => {
                    let end = (span.range.end() + 1 + rng.below(3)).min(doc.char_len());
                    Span::new(CharRange::between(span.range.start(), end), &span.label)
                }
            };
            let _ = doc.add_span(replacement);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_corpus_is_valid_and_deterministic() {
        let a = corpus(20, 3000, 20, 7);
        assert_eq!(a, corpus(20, 3000, 20, 7));
        assert!(
            a.documents
                .iter()
                .all(|d| d.spans().len() == 20 && d.text().len() >= 3000)
        );
        let json = crate::format::write_corpus(&a, crate::format::Form::Json);
        assert_eq!(
            crate::format::parse_corpus(json.as_bytes(), crate::format::Form::Json).unwrap(),
            a
        );
    }
}
