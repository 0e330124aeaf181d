//! The tokeniser as it was before its table-driven rewrite, verbatim but for its paths: the
//! definition `taliq::tokenize` must match. It walks every extended grapheme cluster of
//! `unicode-segmentation` and asks `char::is_alphabetic` and friends about each.
//!
//! Shared by `tests/tokenize_reference.rs` (equality on any text) and `benches/tokenize.rs`
//! (the speed-up, measured in one run).

use taliq::model::CharRange;
use taliq::model::textindex::{char_to_byte, is_grapheme_boundary};
use taliq::tokenize::{Token, TokenKind, is_proclitic_prefix};
use unicode_segmentation::UnicodeSegmentation;

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

/// Tokenises `text`, splitting a word token at each of `boundaries` that falls inside it
/// right after proclitics.
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
