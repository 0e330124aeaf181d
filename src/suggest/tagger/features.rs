//! What the tagger sees of a word: folded form, clitic-stripped stem, affixes, shape.
//!
//! Features are 64-bit hashes of a template and a string, so that no feature string is
//! ever built at tagging time; the model maps the hashes it knows to weight rows.

use super::parallel::in_parallel;
use super::sentences::Sentence;
use crate::annotate::search::fold_word;

/// A feature template: the kind of fact a feature states (part of its hash).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Template {
    /// Always on: the tag's prior.
    Bias = 1,
    /// The word as written.
    Word,
    /// The folded word (no harakat/tatweel, alef/ya/ta-marbuta forms folded).
    Folded,
    /// The folded word without its proclitics.
    Stem,
    /// The proclitics stripped from the word (empty: none).
    Clitics,
    /// A leading n-gram (1–4 letters) of the folded word.
    Prefix,
    /// A trailing n-gram (1–4 letters) of the folded word.
    Suffix,
    /// A leading n-gram (2–3 letters) of the stem.
    StemPrefix,
    /// The word's shape (letter classes, runs collapsed).
    Shape,
    /// Coarse facts: length bucket, has harakat, Latin capital.
    Flags,
    /// Folded forms of two neighbouring words.
    Bigram,
    /// The label distribution of the word in the training spans (the tagger's own gazetteer).
    WordLexicon,
    /// The label distribution of the stem in the training spans.
    StemLexicon,
    /// Inside a known entity string of the training spans (B/I and label).
    SpanMatch,
    /// Inside a name of a user gazetteer (B/I and label).
    Gazetteer,
    /// The word's cluster (learned from the corpus's own text), at a bit-prefix length.
    Cluster,
    /// What stage one predicted for the same stem elsewhere in the document.
    DocumentVote,
    /// Stage one's prediction for this token.
    StageOne,
    /// First or last token of the sentence.
    Edge,
    /// The neighbours of the other mentions of the word's stem in its group of sentences.
    Aggregate,
    /// How often the unlabelled text writes the word's stem with the article.
    Article,
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// Finishes a hash so that near keys spread (splitmix64's finaliser).
fn mix(mut h: u64) -> u64 {
    h ^= h >> 30;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 27;
    h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

/// The hash of feature `template` with value `value`.
pub fn hash(template: Template, value: &str) -> u64 {
    hash_parts(template, &[value])
}

/// The hash of feature `template` with the value `parts` concatenated (as [`hash`] of the
/// joined string, without building it).
pub fn hash_parts(template: Template, parts: &[&str]) -> u64 {
    let mut h = FNV_OFFSET ^ (template as u64);
    h = h.wrapping_mul(FNV_PRIME);
    for b in parts.iter().flat_map(|p| p.bytes()) {
        h ^= u64::from(b);
        h = h.wrapping_mul(FNV_PRIME);
    }
    mix(h)
}

/// `n` in decimal digits, written into `buf`.
pub fn decimal(n: u16, buf: &mut [u8; 5]) -> &str {
    let mut at = buf.len();
    let mut n = n;
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    std::str::from_utf8(&buf[at..]).unwrap_or("?")
}

/// The same feature seen at window position `offset` (-2..=2) from the token tagged.
pub fn at_offset(feature: u64, offset: i8) -> u64 {
    if offset == 0 {
        feature
    } else {
        mix(feature
            ^ (0x9e37_79b9_7f4a_7c15_u64.wrapping_mul((i64::from(offset) + 3).unsigned_abs())))
    }
}

/// Proclitic runs, longest first: conjunction, preposition, article (folded spelling).
const CLITIC_RUNS: &[&str] = &[
    "وبال", "وكال", "فبال", "فكال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "وب", "ول",
    "وك", "فب", "فل", "فك", "ال", "و", "ف", "ب", "ل", "ك",
];

/// Splits a folded word into its proclitics and stem, keeping at least three letters of stem
/// (so that بريطانيا is not read as ب + ريطانيا too often) and two after the article.
pub fn split_clitics(folded_word: &str) -> (&str, &str) {
    let letters = folded_word.chars().count();
    for run in CLITIC_RUNS {
        if let Some(stem) = folded_word.strip_prefix(run) {
            let stem_letters = letters - run.chars().count();
            let with_article = ends_with_article(run);
            let needed = if with_article { 2 } else { 3 };
            if stem_letters >= needed && stem.chars().all(is_letter) {
                return (run, stem);
            }
        }
    }
    ("", folded_word)
}

/// Whether a run of proclitics ends with the article (ال, or لل after ل).
pub fn ends_with_article(clitics: &str) -> bool {
    clitics.ends_with("ال") || clitics.ends_with("لل")
}

/// Each sentence's words as their infos (for tests that build features by hand).
#[cfg(test)]
pub(super) fn infos_of_sentences(sents: &[super::sentences::Sentence]) -> Vec<Vec<WordInfo>> {
    sents
        .iter()
        .map(|s| s.words.iter().map(|w| WordInfo::new(w)).collect())
        .collect()
}

/// Distinct words of some sentences and each sentence's words as indices into them.
pub struct Vocabulary {
    /// One entry per distinct word.
    pub infos: Vec<WordInfo>,
    /// Per sentence, its words' indices.
    pub ids: Vec<Vec<u32>>,
}

impl Vocabulary {
    /// The distinct words of `sents` and each sentence's words as their indices.
    pub fn of(sents: &[Sentence]) -> Self {
        let mut index: super::WordMap<&str, u32> = super::WordMap::default();
        let mut distinct = Vec::new();
        let ids = sents
            .iter()
            .map(|s| {
                s.words
                    .iter()
                    .map(|w| {
                        *index.entry(w.as_str()).or_insert_with(|| {
                            distinct.push(w.as_str());
                            (distinct.len() - 1) as u32
                        })
                    })
                    .collect()
            })
            .collect();
        let infos = in_parallel(&distinct, |part| {
            part.iter().map(|w| WordInfo::new(w)).collect()
        });
        Self { infos, ids }
    }

    /// Sentence `s`'s words.
    pub fn words(&self, s: usize) -> Vec<&WordInfo> {
        self.ids[s]
            .iter()
            .map(|&i| &self.infos[i as usize])
            .collect()
    }

    /// Every sentence's words.
    pub fn sentences(&self) -> Vec<Vec<&WordInfo>> {
        (0..self.ids.len()).map(|s| self.words(s)).collect()
    }
}

/// Whether `c` is an Arabic letter (not a mark, digit or punctuation).
fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0620}'..='\u{064A}' | '\u{066E}'..='\u{06D3}' | '\u{06FA}'..='\u{06FF}')
}

/// Whether `c` is alphabetic, Arabic letters told by their range before Unicode's tables
/// are searched: most characters the tagger asks about are Arabic letters, and the table
/// search for them was a measurable part of tagging.
pub fn is_letter(c: char) -> bool {
    matches!(c, '\u{0620}'..='\u{064A}' | '\u{066E}'..='\u{06D3}' | '\u{06FA}'..='\u{06FC}' | '\u{06FF}')
        || c.is_alphabetic()
}

/// The word's shape: `a` Arabic letter, `X`/`x` Latin capital/small, `9` digit, other
/// characters as themselves, runs collapsed (`مُحَمَّد` → `a`, `COP27` → `X9`).
pub fn shape(word: &str) -> String {
    let mut out = String::new();
    let mut last = None;
    for c in word.chars() {
        let class = if matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}') {
            continue;
        } else if is_arabic_letter(c) {
            'a'
        } else if c.is_numeric() {
            '9'
        } else if c.is_uppercase() {
            'X'
        } else if c.is_alphabetic() {
            'x'
        } else {
            c
        };
        if last != Some(class) {
            out.push(class);
            last = Some(class);
        }
    }
    out
}

/// How many of [`WordInfo::context`]'s first features name the word itself (the word as
/// written, folded, its stem): few other words share them, unlike the rest (clitics, shape,
/// flags).
pub const OWN_FORMS: usize = 3;

/// The first `n` characters of `text` (all of it when shorter).
fn first_letters(text: &str, n: usize) -> &str {
    text.char_indices().nth(n).map_or(text, |(i, _)| &text[..i])
}

/// The last `n` characters of `text` (all of it when shorter).
fn last_letters(text: &str, n: usize) -> &str {
    n.checked_sub(1)
        .and_then(|k| text.char_indices().rev().nth(k))
        .map_or(if n == 0 { "" } else { text }, |(i, _)| &text[i..])
}

/// Everything the tagger derives from one word type, once per distinct word.
#[derive(Debug, Clone)]
pub struct WordInfo {
    /// The folded word.
    pub folded: String,
    /// Its stem (folded, proclitics stripped).
    pub stem: String,
    /// Features of the word seen from any window position: the [`OWN_FORMS`] forms of the
    /// word first.
    pub context: Vec<u64>,
    /// Features used only for the token being tagged (affixes, flags).
    pub own: Vec<u64>,
}

impl WordInfo {
    /// Derives the features of `word`.
    pub fn new(word: &str) -> Self {
        let folded = fold_word(word);
        let (clitics, stem) = split_clitics(&folded);
        let stem = stem.to_owned();
        let shape = shape(word);
        let mut context = vec![
            hash(Template::Word, word),
            hash(Template::Folded, &folded),
            hash(Template::Stem, &stem),
            hash(Template::Clitics, clitics),
            hash(Template::Shape, &shape),
        ];
        let mut own = Vec::with_capacity(16);
        // Affixes are slices of the folded word and stem, never new strings.
        let letters = folded.chars().count();
        for n in 1..=4.min(letters) {
            own.push(hash(Template::Prefix, first_letters(&folded, n)));
            own.push(hash(Template::Suffix, last_letters(&folded, n)));
        }
        for n in 2..=3.min(stem.chars().count()) {
            own.push(hash(Template::StemPrefix, first_letters(&stem, n)));
        }
        let length = match letters {
            0..=2 => "len<=2",
            3..=4 => "len3-4",
            5..=7 => "len5-7",
            _ => "len8+",
        };
        own.push(hash(Template::Flags, length));
        if word
            .chars()
            .any(|c| matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}'))
        {
            own.push(hash(Template::Flags, "harakat"));
        }
        if !clitics.is_empty() {
            // Which clitics precede, in the window too: a preposition before a name.
            context.push(hash(Template::Flags, "has-clitic"));
        }
        if word.chars().next().is_some_and(char::is_uppercase) {
            context.push(hash(Template::Flags, "capital"));
        }
        Self {
            folded,
            stem,
            context,
            own,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clitics_are_stripped_from_folded_words_but_short_stems_kept() {
        assert_eq!(split_clitics(&fold_word("وَلِلْكَرْمِلِين")), ("ولل", "كرملين"));
        assert_eq!(split_clitics(&fold_word("بالقاهرة")), ("بال", "قاهره"));
        assert_eq!(split_clitics(&fold_word("لأوكرانيا")), ("ل", "اوكرانيا"));
        assert_eq!(split_clitics(&fold_word("والمغرب")), ("وال", "مغرب"));
        // A stem of fewer than three letters after a bare preposition is no stem: بل, وفد.
        assert_eq!(split_clitics("بل"), ("", "بل"));
        assert_eq!(split_clitics("وفد"), ("", "وفد"));
        assert_eq!(split_clitics("Reuters"), ("", "Reuters"));
    }

    #[test]
    fn folding_drops_harakat_and_tatweel_and_unifies_letters() {
        assert_eq!(fold_word("مُحَمَّدٌ"), "محمد");
        assert_eq!(fold_word("مـحـمـد"), "محمد");
        assert_eq!(fold_word("إسلام آباد"), "اسلام اباد");
        assert_eq!(fold_word("مدرسة على"), "مدرسه علي");
        assert_eq!(fold_word("CIA"), "cia");
    }

    #[test]
    fn affixes_are_the_first_and_last_letters_of_the_folded_word_and_stem() {
        let info = WordInfo::new("وَلِلْكَرْمِلِين");
        let expected = [
            hash(Template::Prefix, "و"),
            hash(Template::Suffix, "ن"),
            hash(Template::Prefix, "ول"),
            hash(Template::Suffix, "ين"),
            hash(Template::Prefix, "ولل"),
            hash(Template::Suffix, "لين"),
            hash(Template::Prefix, "وللك"),
            hash(Template::Suffix, "ملين"),
            hash(Template::StemPrefix, "كر"),
            hash(Template::StemPrefix, "كرم"),
        ];
        assert_eq!(info.own[..expected.len()], expected);
        // A word of two letters has affixes of one and two letters, the whole word last.
        let short = WordInfo::new("في");
        assert_eq!(
            short.own[..4],
            [
                hash(Template::Prefix, "ف"),
                hash(Template::Suffix, "ي"),
                hash(Template::Prefix, "في"),
                hash(Template::Suffix, "في"),
            ]
        );
        assert_eq!(first_letters("ab", 5), "ab");
        assert_eq!(last_letters("ab", 5), "ab");
        assert_eq!(last_letters("ab", 0), "");
        assert_eq!(first_letters("ab", 0), "");
    }

    #[test]
    fn letters_are_told_as_unicode_tells_them() {
        for c in ('\u{0}'..='\u{2FFF}').chain(['😀', '\u{10FFFF}', '\u{FEFB}', 'ﷲ']) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?} U+{:04X}", c as u32);
        }
    }

    #[test]
    fn shapes_collapse_runs_and_ignore_harakat() {
        assert_eq!(shape("مُحَمَّدٌ"), "a");
        assert_eq!(shape("COP27"), "X9");
        assert_eq!(shape("Reuters"), "Xx");
        assert_eq!(shape("٢٠٢٢"), "9");
        assert_eq!(shape("1,000"), "9,9");
        assert_eq!(shape("«"), "«");
        assert_eq!(shape("الـCIA"), "aX");
    }

    #[test]
    fn word_info_features_agree_across_spellings_of_one_word() {
        let plain = WordInfo::new("محمد");
        let vocal = WordInfo::new("مُحَمَّد");
        assert_eq!(plain.folded, vocal.folded);
        assert_ne!(
            plain.context[0], vocal.context[0],
            "the written word differs"
        );
        assert_eq!(plain.context[1], vocal.context[1], "the folded form agrees");
        assert!(vocal.own.contains(&hash(Template::Flags, "harakat")));
        assert!(!plain.own.contains(&hash(Template::Flags, "harakat")));
        let with_clitic = WordInfo::new("وبمحمد");
        assert_eq!(with_clitic.stem, "محمد");
        assert_eq!(
            with_clitic.context[2], plain.context[2],
            "same stem feature"
        );
    }

    #[test]
    fn a_hash_of_parts_is_the_hash_of_their_concatenation() {
        assert_eq!(
            hash_parts(Template::Bigram, &["L", "قال", "|", "بوتين"]),
            hash(Template::Bigram, "Lقال|بوتين")
        );
        assert_eq!(hash_parts(Template::Bias, &[]), hash(Template::Bias, ""));
    }

    #[test]
    fn window_offsets_make_distinct_features() {
        let f = hash(Template::Folded, "روسيا");
        let all: Vec<u64> = (-2..=2).map(|o| at_offset(f, o)).collect();
        for (i, a) in all.iter().enumerate() {
            for b in &all[i + 1..] {
                assert_ne!(a, b);
            }
        }
        assert_ne!(hash(Template::Folded, "ab"), hash(Template::Stem, "ab"));
    }
}
