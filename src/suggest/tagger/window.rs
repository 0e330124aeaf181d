//! A token's features in its sentence: the ±2 window of word and lexicon features, the
//! token's own affixes, bigrams of folded forms, and sentence edges.

use super::features::{Template, WordInfo, at_offset, hash, hash_parts};

/// Window half-width.
pub const WINDOW: i8 = 2;

/// Calls `emit` with every feature hash of token `t` of a sentence whose words are `words`,
/// with `lexicon[t]` its lexicon features and `extra[t]` (if any) its stage-two features.
// Window positions run before and after the sentence; tokens are far fewer than isize::MAX.
#[allow(clippy::cast_possible_wrap, clippy::cast_sign_loss)]
pub fn token_features(
    words: &[&WordInfo],
    lexicon: &[Vec<u64>],
    extra: Option<&[Vec<u64>]>,
    t: usize,
    mut emit: impl FnMut(u64),
) {
    emit(hash(Template::Bias, ""));
    let len = words.len() as isize;
    for offset in -WINDOW..=WINDOW {
        let at = t as isize + offset as isize;
        if at < 0 || at >= len {
            if at == -1 || at == len {
                emit(at_offset(edge(at < 0), offset));
            }
            continue;
        }
        let at = at as usize;
        for &f in &words[at].context {
            emit(at_offset(f, offset));
        }
        for &f in &lexicon[at] {
            emit(at_offset(f, offset));
        }
    }
    for &f in &words[t].own {
        emit(f);
    }
    if t > 0 {
        emit(bigram(&words[t - 1].folded, &words[t].folded, "L"));
    }
    if t + 1 < words.len() {
        emit(bigram(&words[t].folded, &words[t + 1].folded, "R"));
    }
    if let Some(extra) = extra {
        for &f in &extra[t] {
            emit(f);
        }
    }
}

/// The feature of the sentence's start (`before`) or end, seen from a token near it.
pub fn edge(before: bool) -> u64 {
    hash(Template::Edge, if before { "BOS" } else { "EOS" })
}

/// The feature of two neighbouring folded words, `side` "L" (the word before) or "R".
pub fn bigram(a: &str, b: &str, side: &str) -> u64 {
    hash_parts(Template::Bigram, &[side, a, "|", b])
}
