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

/// Person names (first, last) of the named-entity corpus; the first half are "seen" names,
/// the second half "unseen" ones (see [`ner_corpus`]).
const FIRST_NAMES: &[&str] = &[
    "محمد",
    "أحمد",
    "سيرغي",
    "ويليام",
    "فلاديمير",
    "رجب",
    "علي",
    "خالد",
    "يوسف",
    "عمر",
    "إبراهيم",
    "حسن",
    "مُحَمَّد",
    "سامي",
    "كريم",
    "نبيل",
    "طارق",
    "ماهر",
    "جمال",
    "رامي",
];
const LAST_NAMES: &[&str] = &[
    "لافروف",
    "بيرنز",
    "بوتين",
    "أردوغان",
    "عباس",
    "حداد",
    "منصور",
    "الخطيب",
    "سليمان",
    "نصار",
    "الحسيني",
    "قاسم",
    "زيدان",
    "عيسى",
    "الشامي",
    "فرحات",
    "بركات",
    "النجار",
    "سلامة",
    "داود",
];
const PLACES: &[&str] = &[
    "موسكو",
    "أنقرة",
    "القاهرة",
    "بيروت",
    "دمشق",
    "عمّان",
    "بغداد",
    "الرياض",
    "تونس",
    "باريس",
    "لندن",
    "واشنطن",
    "طهران",
    "روسيا",
    "أوكرانيا",
    "الجزائر",
    "الدوحة",
    "مسقط",
    "صنعاء",
    "الخرطوم",
    "برلين",
    "مدريد",
    "روما",
    "أثينا",
];
const ORGANISATIONS: &[&str] = &[
    "الأمم المتحدة",
    "جامعة الدول العربية",
    "البنك الدولي",
    "حلف الناتو",
    "CIA",
    "Reuters",
    "منظمة الصحة العالمية",
    "الاتحاد الأوروبي",
    "صندوق النقد الدولي",
    "اليونسكو",
    "مجلس الأمن",
    "الصليب الأحمر",
];
/// Sentence templates: `{P}` a person, `{L}` a place, `{O}` an organisation; a slot right
/// after a proclitic (`ل{L}`) makes a span that starts inside its word.
const TEMPLATES: &[&str] = &[
    "قال الرئيس {P} في {L} إن المحادثات مستمرة .",
    "وصل {P} إلى {L} يوم 14 نوفمبر 2022 .",
    "أعلنت {O} أن الوضع في {L} خطير .",
    "وقالت مصادر في {O} إن {P} سيزور {L} قريبا .",
    "التقى الوزير {P} نظيره {P} في {L} .",
    "توجه الوفد إلى {L} ثم عاد ل{L} بعد يومين .",
    "ودعت {O} إلى وقف القتال في {L} ، بحسب {O} .",
    "وأكد المتحدث باسم {O} أن {P} لم يغادر {L} .",
    "ونقلت وكالة الأنباء عن {P} قوله إن الاجتماع « مثمر » .",
    "وَفِي تَشْرِينَ الثَّانِي زار {P} مقر {O} .",
];

/// A corpus of Arabic news-like documents whose spans follow their context (PER after
/// الرئيس/الوزير, LOC after في/إلى, ORG after أعلنت …), for testing and benchmarking taggers.
/// With `unseen_names` the names come from a second half of the lists that the first half
/// never uses, so only context tells what they are.
pub fn ner_corpus(
    documents: usize,
    sentences_per_document: usize,
    unseen_names: bool,
    seed: u64,
) -> Corpus {
    let mut rng = Rng::new(seed);
    let mut corpus = Corpus::with_default_labels();
    let half = |list: &'static [&'static str]| -> &'static [&'static str] {
        let mid = list.len() / 2;
        if unseen_names {
            &list[mid..]
        } else {
            &list[..mid]
        }
    };
    for d in 0..documents {
        let mut text = String::new();
        let mut chars = 0;
        let mut spans = Vec::new();
        for s in 0..sentences_per_document {
            if s > 0 {
                text.push('\n');
                chars += 1;
            }
            let template = TEMPLATES[rng.below(TEMPLATES.len())];
            let mut rest = template;
            while let Some(open) = rest.find('{') {
                let before = &rest[..open];
                text.push_str(before);
                chars += before.chars().count();
                let slot = &rest[open + 1..open + 2];
                let (label, name) = match slot {
                    "P" => {
                        let first = half(FIRST_NAMES);
                        let last = half(LAST_NAMES);
                        let name = format!(
                            "{} {}",
                            first[rng.below(first.len())],
                            last[rng.below(last.len())]
                        );
                        ("PER", name)
                    }
                    "L" => (
                        "LOC",
                        half(PLACES)[rng.below(half(PLACES).len())].to_owned(),
                    ),
                    _ => (
                        "ORG",
                        half(ORGANISATIONS)[rng.below(half(ORGANISATIONS).len())].to_owned(),
                    ),
                };
                let len = name.chars().count();
                spans.push(Span::new(CharRange::between(chars, chars + len), label));
                text.push_str(&name);
                chars += len;
                rest = &rest[open + 3..];
            }
            text.push_str(rest);
            chars += rest.chars().count();
        }
        let mut doc = Document::new(format!("ner-{d:04}"), text);
        for span in spans {
            let _ = doc.add_span(span);
        }
        corpus.documents.push(doc);
    }
    corpus
}

/// Sentence templates of [`own_names_corpus`]: `{P}`, `{L}` and `{O}` are a person, place and
/// organisation whose context says what they are; `{X}` is any of the document's names, in a
/// context that does not tell which kind it is.
const OWN_NAME_TEMPLATES: &[&str] = &[
    "قال الرئيس {P} إن المحادثات مستمرة .",
    "وصل الوفد إلى {L} يوم الاثنين .",
    "أعلنت {O} أن الوضع خطير .",
    "وأكد {X} أن الاجتماع كان مثمرا .",
    "ولم يعلق {X} على الأمر .",
    "وعاد الحديث عن {X} مرة أخرى .",
];

/// Letters that start and close the syllables of invented names (no proclitic among them, so
/// a name never looks like و or ل plus a word).
const NAME_CONSONANTS: &[char] = &[
    'ت', 'ج', 'د', 'ر', 'ز', 'س', 'ش', 'ق', 'م', 'ن', 'ه', 'ص', 'ط', 'ح', 'خ',
];
const NAME_VOWELS: &[char] = &['ا', 'و', 'ي'];

/// A corpus whose names repeat only inside their own document: each document invents two
/// people, two places and two organisations (one word each, never used by another document)
/// and mentions them again and again. A tagger that has seen part of a document knows its
/// names; one that has not can only read the context. For testing that cross-validation does
/// not score a tagger on names it saw in training.
pub fn own_names_corpus(documents: usize, sentences_per_document: usize, seed: u64) -> Corpus {
    let mut rng = Rng::new(seed);
    let mut corpus = Corpus::with_default_labels();
    let mut used = std::collections::HashSet::new();
    let mut invent = |rng: &mut Rng| loop {
        let mut name = String::new();
        for _ in 0..2 + rng.below(2) {
            name.push(NAME_CONSONANTS[rng.below(NAME_CONSONANTS.len())]);
            name.push(NAME_VOWELS[rng.below(NAME_VOWELS.len())]);
        }
        name.push(NAME_CONSONANTS[rng.below(NAME_CONSONANTS.len())]);
        if used.insert(name.clone()) {
            break name;
        }
    };
    for d in 0..documents {
        let names: Vec<(&str, String)> = ["PER", "PER", "LOC", "LOC", "ORG", "ORG"]
            .into_iter()
            .map(|label| (label, invent(&mut rng)))
            .collect();
        let mut text = String::new();
        let mut spans = Vec::new();
        for s in 0..sentences_per_document {
            if s > 0 {
                text.push('\n');
            }
            let template = OWN_NAME_TEMPLATES[rng.below(OWN_NAME_TEMPLATES.len())];
            let open = template.find('{').unwrap_or(template.len());
            let slot = template.get(open + 1..open + 2).unwrap_or("X");
            let candidates: Vec<&(&str, String)> = names
                .iter()
                .filter(|(label, _)| match slot {
                    "P" => *label == "PER",
                    "L" => *label == "LOC",
                    "O" => *label == "ORG",
                    _ => true,
                })
                .collect();
            let (label, name) = candidates[rng.below(candidates.len())];
            text.push_str(&template[..open]);
            let start = text.chars().count();
            text.push_str(name);
            spans.push(Span::new(
                CharRange::between(start, start + name.chars().count()),
                label,
            ));
            text.push_str(template.get(open + 3..).unwrap_or(""));
        }
        let mut doc = Document::new(format!("own-{d:04}"), text);
        for span in spans {
            let _ = doc.add_span(span);
        }
        corpus.documents.push(doc);
    }
    corpus
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

    #[test]
    fn own_names_stay_in_their_document() {
        let corpus = own_names_corpus(5, 12, 3);
        assert_eq!(corpus, own_names_corpus(5, 12, 3));
        let mut owner = std::collections::HashMap::new();
        for (d, doc) in corpus.documents.iter().enumerate() {
            assert_eq!(doc.spans().len(), 12, "one name a sentence");
            for span in doc.spans() {
                let name = doc.span_text(span);
                assert_eq!(*owner.entry(name.to_owned()).or_insert(d), d, "{name}");
            }
        }
        // Each document mentions its names again and again.
        assert!(corpus.documents.iter().all(|doc| {
            let names: std::collections::HashSet<&str> =
                doc.spans().iter().map(|s| doc.span_text(s)).collect();
            names.len() <= 6
        }));
    }
}
