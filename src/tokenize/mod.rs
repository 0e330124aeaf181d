//! An Arabic-aware tokeniser for news text, with code-point offsets.
//!
//! Exports (CoNLL, token-classification datasets) and agreement measures work on these
//! tokens. Tokens never split a grapheme cluster: a letter keeps its harakat.
//!
//! - white space separates tokens and is not one;
//! - punctuation is a token of its own: ، ؛ ؟ « » “ ” ( ) and the Latin set;
//! - a number keeps its inner separators: `21`, `1.5`, `24/2`, `10:30`, `1,000`, `٢٠٢٢`;
//! - a word is a run of letters (with their marks, tatweel, ZWNJ/ZWJ) and digits;
//!   a slash between words splits them (`أيلول/سبتمبر` is three tokens).
//!
//! A token's kind follows the first code point of each of its grapheme clusters. The
//! tokeniser walks the text once, code point by code point, and looks up what it needs from
//! [`clusters`]: a table over the blocks of news text, filled from the same Unicode data as
//! `unicode-segmentation`, so that clusters are only handed to that crate where something
//! outside those blocks (an emoji, a flag, a Devanagari conjunct) follows.

mod clusters;

use crate::model::CharRange;
use crate::model::textindex::is_grapheme_boundary;
use clusters::Place;
use unicode_segmentation::UnicodeSegmentation;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (and digits mixed with them, as in `COP27`).
    Word,
    /// Digits with their inner separators.
    Number,
    /// One punctuation mark or symbol.
    Punct,
}

/// One token: its code points in the text and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Code points of the token.
    pub range: CharRange,
    /// What it is.
    pub kind: TokenKind,
}

/// Separators that stay inside a number when digits stand on both sides.
fn joins_digits(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | '/' | ':' | '\u{066B}' | '\u{066C}' | '\u{060C}'
    )
}

/// The kind of a token whose cluster starts with `c`; `None` for what separates tokens.
fn class(c: char) -> Option<TokenKind> {
    if c.is_whitespace() {
        None
    } else if c.is_numeric() {
        Some(TokenKind::Number)
    } else if c.is_alphabetic() || c == '\u{0640}' || c == '\u{200C}' || c == '\u{200D}' {
        Some(TokenKind::Word)
    } else if c.is_control() || matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{FEFF}') {
        // Direction marks and other invisible controls separate nothing and are no token.
        None
    } else {
        Some(TokenKind::Punct)
    }
}

/// A word or number token being read.
#[derive(Debug, Clone, Copy)]
struct Open {
    place: Place,
    kind: TokenKind,
    /// Whether its last cluster is digits, which a separator may follow.
    number_last: bool,
    /// A separator after its digits (`1.`), kept only if digits follow (`1.5`).
    separator: Option<Place>,
}

/// Calls `emit` with every token of `text` and its byte range, in order.
///
/// One pass over the clusters, each seen once: a token ends where a cluster cannot continue
/// it, and only a separator after digits waits for the cluster after it.
fn scan(text: &str, mut emit: impl FnMut(Token, std::ops::Range<usize>)) {
    fn close(open: Open, emit: &mut impl FnMut(Place, TokenKind)) {
        emit(open.place, open.kind);
        if let Some(separator) = open.separator {
            emit(separator, TokenKind::Punct);
        }
    }
    let mut emit = |place: Place, kind| {
        let token = Token {
            range: CharRange::between(place.chars.0, place.chars.1),
            kind,
        };
        emit(token, place.bytes.0..place.bytes.1);
    };
    let mut word: Option<Open> = None;
    clusters::for_each(text, |cluster| {
        let place = cluster.place;
        if let Some(open) = &mut word {
            match cluster.kind {
                Some(kind @ (TokenKind::Word | TokenKind::Number))
                    if open.separator.is_none() || kind == TokenKind::Number =>
                {
                    open.place = open.place.to(place);
                    if kind == TokenKind::Word {
                        open.kind = TokenKind::Word;
                    }
                    open.number_last = kind == TokenKind::Number;
                    open.separator = None;
                    return;
                }
                Some(TokenKind::Punct)
                    if open.separator.is_none() && open.number_last && cluster.joins_digits =>
                {
                    open.separator = Some(place);
                    return;
                }
                _ => {
                    close(*open, &mut emit);
                    word = None;
                }
            }
        }
        match cluster.kind {
            None => {}
            Some(TokenKind::Punct) => emit(place, TokenKind::Punct),
            Some(kind) => {
                word = Some(Open {
                    place,
                    kind,
                    number_last: kind == TokenKind::Number,
                    separator: None,
                });
            }
        }
    });
    if let Some(open) = word {
        close(open, &mut emit);
    }
}

/// Splits `text` into tokens, in order.
pub fn tokenize(text: &str) -> Vec<Token> {
    // About one token for every six bytes of Arabic news text, enough to rarely grow.
    let mut tokens = Vec::with_capacity(text.len() / 6 + 8);
    scan(text, |token, _| tokens.push(token));
    tokens
}

/// Whether `text` holds any token (the same as `!tokenize(text).is_empty()`, without the tokens).
pub fn has_tokens(text: &str) -> bool {
    // Stops at the first cluster that is not white space or a control, usually the first.
    text.graphemes(true)
        .any(|g| g.chars().next().and_then(class).is_some())
}

/// Tokenises `text`, splitting a word token at each of `boundaries` (code points, e.g. span
/// edges) that falls inside it right after proclitics (و ف ب ل ك and the article ال):
/// `لروسيا` with an entity edge after the lam becomes `ل` + `روسيا`.
///
/// Boundaries inside words elsewhere are left alone: no rule says the word may be cut there;
/// so are boundaries inside a grapheme cluster.
pub fn tokenize_with_clitics(text: &str, boundaries: &[usize]) -> Vec<Token> {
    let mut out = Vec::new();
    scan_with_clitics(text, boundaries, |token, _| out.push(token));
    out
}

/// As [`tokenize_with_clitics`], each token with the bytes of `text` it covers, for writers
/// that copy the tokens' text.
pub fn tokenize_with_clitics_located(
    text: &str,
    boundaries: &[usize],
) -> Vec<(Token, std::ops::Range<usize>)> {
    // About one token for every six bytes of Arabic news text, enough to rarely grow.
    let mut out = Vec::with_capacity(text.len() / 6 + 8);
    scan_with_clitics(text, boundaries, |token, bytes| out.push((token, bytes)));
    out
}

/// Calls `emit` with every token of [`tokenize_with_clitics`] and its byte range, in order.
fn scan_with_clitics(
    text: &str,
    boundaries: &[usize],
    mut emit: impl FnMut(Token, std::ops::Range<usize>),
) {
    let mut cuts = boundaries.to_vec();
    cuts.sort_unstable();
    cuts.dedup();
    // Tokens come in order, so the cuts before a token are passed over once for all.
    let mut next_cut = 0;
    scan(text, |token, bytes| {
        let (word_start, end) = (token.range.start(), token.range.end());
        let mut start = (word_start, bytes.start);
        while next_cut < cuts.len() && cuts[next_cut] <= word_start {
            next_cut += 1;
        }
        if token.kind == TokenKind::Word {
            let inside = &cuts[next_cut..];
            let inside = &inside[..inside.partition_point(|&b| b < end)];
            // Byte offsets of the word's second code point on; cuts are ascending, so the
            // walk to each cut's byte goes on from the last one.
            let mut offsets = text[bytes.clone()].char_indices().skip(1).map(|(b, _)| b);
            let mut offset_at = word_start;
            let mut byte = bytes.start;
            for &cut in inside {
                while offset_at < cut {
                    offset_at += 1;
                    byte = bytes.start + offsets.next().unwrap_or(bytes.len());
                }
                // Only cuts on grapheme boundaries: a harakah never leaves its letter.
                if is_grapheme_boundary(text, byte) && is_proclitic_prefix(&text[bytes.start..byte])
                {
                    let token = Token {
                        range: CharRange::between(start.0, cut),
                        kind: TokenKind::Word,
                    };
                    emit(token, start.1..byte);
                    start = (cut, byte);
                }
            }
        }
        let token = Token {
            range: CharRange::between(start.0, end),
            kind: token.kind,
        };
        emit(token, start.1..bytes.end);
    });
}

/// Whether `prefix` is a run of proclitics: a conjunction (و ف), then a preposition
/// (ب ل ك), then the article (ال, or the lam left of it after ل), each optional, marks allowed.
pub fn is_proclitic_prefix(prefix: &str) -> bool {
    // Marks on the proclitics (وَ, بِ, لِ) do not change what they are.
    let bare: String = prefix
        .chars()
        .filter(|c| !matches!(*c, '\u{064B}'..='\u{065F}' | '\u{0670}'))
        .collect();
    let mut rest = bare.as_str();
    for options in [&["و", "ف"][..], &["ب", "ل", "ك"][..], &["ال", "ل"][..]] {
        if let Some(o) = options.iter().find(|o| rest.starts_with(**o)) {
            rest = &rest[o.len()..];
        }
    }
    rest.is_empty() && !bare.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        tokenize(text)
            .iter()
            .map(|t| crate::model::textindex::char_slice(text, t.range).to_owned())
            .collect()
    }

    #[test]
    fn arabic_punctuation_is_split_off() {
        assert_eq!(
            words("قال «الكرملين»، إنّ “روسيا” مستعدة؟ (نعم)؛"),
            [
                "قال",
                "«",
                "الكرملين",
                "»",
                "،",
                "إنّ",
                "“",
                "روسيا",
                "”",
                "مستعدة",
                "؟",
                "(",
                "نعم",
                ")",
                "؛"
            ]
        );
    }

    #[test]
    fn numbers_keep_their_separators_and_dates_split_at_the_slash() {
        assert_eq!(
            words("في 21 أيلول/سبتمبر 2022"),
            ["في", "21", "أيلول", "/", "سبتمبر", "2022"]
        );
        assert_eq!(
            words("هدف الـ1.5 درجة، 24/2 و10:30 و٢٠٢٢ و1,000."),
            [
                "هدف",
                "الـ1.5",
                "درجة",
                "،",
                "24/2",
                "و10:30",
                "و٢٠٢٢",
                "و1,000",
                "."
            ]
        );
        assert_eq!(words("قال: 21، ثم"), ["قال", ":", "21", "،", "ثم"]);
    }

    #[test]
    fn harakat_tatweel_and_zwnj_stay_in_their_word() {
        assert_eq!(
            words("بِسْمِ اللَّهِ كـــتاب می\u{200c}خواهم"),
            ["بِسْمِ", "اللَّهِ", "كـــتاب", "می\u{200c}خواهم"]
        );
    }

    #[test]
    fn offsets_are_code_points() {
        let text = "😀 قال CIA";
        let tokens = tokenize(text);
        assert_eq!(tokens.len(), 3);
        assert_eq!((tokens[1].range.start(), tokens[1].range.end()), (2, 5));
        assert_eq!(tokens[2].kind, TokenKind::Word);
        assert_eq!(tokens[0].kind, TokenKind::Punct);
    }

    #[test]
    fn proclitics_split_only_where_a_boundary_asks() {
        let text = "زار لروسيا وأوكرانيا وللكرملين ثم فلاديمير";
        let split = |b: &[usize]| -> Vec<String> {
            tokenize_with_clitics(text, b)
                .iter()
                .map(|t| crate::model::textindex::char_slice(text, t.range).to_owned())
                .collect()
        };
        // Entities روسيا (5..10), أوكرانيا (12..20), كرملين (24..30) after و + ل + the article's
        // lam, and a cut inside فلاديمير after فلا, which no proclitic rule allows.
        assert_eq!(
            split(&[5, 10, 12, 20, 24, 30, 37]),
            [
                "زار",
                "ل",
                "روسيا",
                "و",
                "أوكرانيا",
                "ولل",
                "كرملين",
                "ثم",
                "فلاديمير"
            ]
        );
        assert_eq!(
            split(&[]),
            ["زار", "لروسيا", "وأوكرانيا", "وللكرملين", "ثم", "فلاديمير"]
        );
    }

    proptest::proptest! {
        #[test]
        fn tokens_are_ordered_disjoint_and_on_cluster_boundaries(
            pieces in proptest::collection::vec(proptest::sample::select(&[
                "ب", "ل", "ا", "أ", "\u{064E}", "\u{0651}", "ـ", "a", "1", "٢", ".", "/", ",", ":", "،", "«", "»",
                " ", "\n", "\u{200c}", "\u{200f}", "😀", "e\u{0301}",
            ][..]), 0..60),
            cuts in proptest::collection::vec(0usize..80, 0..6),
        ) {
            let text = pieces.concat();
            let bounds: Vec<usize> = {
                let mut at = 0;
                let mut b = vec![0];
                for g in text.graphemes(true) {
                    at += g.chars().count();
                    b.push(at);
                }
                b
            };
            for tokens in [tokenize(&text), tokenize_with_clitics(&text, &cuts)] {
                let mut last_end = 0;
                for t in &tokens {
                    proptest::prop_assert!(!t.range.is_empty());
                    proptest::prop_assert!(t.range.start() >= last_end);
                    proptest::prop_assert!(bounds.binary_search(&t.range.start()).is_ok());
                    proptest::prop_assert!(bounds.binary_search(&t.range.end()).is_ok());
                    last_end = t.range.end();
                }
            }
        }
    }
}
