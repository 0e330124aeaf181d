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

use unicode_segmentation::UnicodeSegmentation;

use crate::model::CharRange;
use crate::model::textindex::{char_to_byte, is_grapheme_boundary};

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

fn class(grapheme: &str) -> Option<TokenKind> {
    let c = grapheme.chars().next()?;
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

/// Splits `text` into tokens, in order.
pub fn tokenize(text: &str) -> Vec<Token> {
    let graphemes: Vec<&str> = text.graphemes(true).collect();
    let kinds: Vec<Option<TokenKind>> = graphemes.iter().map(|g| class(g)).collect();
    let mut tokens: Vec<Token> = Vec::new();
    let mut at = 0;
    let mut i = 0;
    while i < graphemes.len() {
        let len = graphemes[i].chars().count();
        let Some(kind) = kinds[i] else {
            at += len;
            i += 1;
            continue;
        };
        let start = at;
        at += len;
        i += 1;
        let mut kind = kind;
        if kind != TokenKind::Punct {
            loop {
                match kinds.get(i) {
                    Some(Some(TokenKind::Word | TokenKind::Number)) => {
                        if kinds[i] == Some(TokenKind::Word) {
                            kind = TokenKind::Word;
                        }
                    }
                    Some(Some(TokenKind::Punct))
                        if kinds[i - 1] == Some(TokenKind::Number)
                            && graphemes[i].chars().all(joins_digits)
                            && kinds.get(i + 1) == Some(&Some(TokenKind::Number)) => {}
                    _ => break,
                }
                at += graphemes[i].chars().count();
                i += 1;
            }
        }
        tokens.push(Token {
            range: CharRange::between(start, at),
            kind,
        });
    }
    tokens
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

/// Tokenises `text`, splitting a word token at each of `boundaries` (code points, e.g. span
/// edges) that falls inside it right after proclitics (و ف ب ل ك and the article ال):
/// `لروسيا` with an entity edge after the lam becomes `ل` + `روسيا`.
///
/// Boundaries inside words elsewhere are left alone: no rule says the word may be cut there;
/// so are boundaries inside a grapheme cluster.
pub fn tokenize_with_clitics(text: &str, boundaries: &[usize]) -> Vec<Token> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    for token in tokenize(text) {
        let mut start = token.range.start();
        if token.kind == TokenKind::Word {
            // Only cuts on grapheme boundaries: a harakah never leaves its letter.
            let mut cuts: Vec<usize> = boundaries
                .iter()
                .copied()
                .filter(|&b| b > start && b < token.range.end())
                .filter(|&b| {
                    char_to_byte(text, b).is_some_and(|byte| is_grapheme_boundary(text, byte))
                })
                .collect();
            cuts.sort_unstable();
            cuts.dedup();
            for cut in cuts {
                let prefix: String = chars[start..cut].iter().collect();
                let word_prefix: String = chars[token.range.start()..cut].iter().collect();
                if is_proclitic_prefix(&word_prefix) && !prefix.is_empty() {
                    out.push(Token {
                        range: CharRange::between(start, cut),
                        kind: TokenKind::Word,
                    });
                    start = cut;
                }
            }
        }
        out.push(Token {
            range: CharRange::between(start, token.range.end()),
            kind: token.kind,
        });
    }
    out
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
