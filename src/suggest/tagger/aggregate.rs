//! Context aggregation (Ratinov and Roth, 2009): a token also sees the neighbours of the
//! other mentions of its stem in its group of sentences. An article names its people again
//! and again, and one mention's context says "name" (قال الرئيس … , … بن …) where another's
//! does not: the mention in a bare list still sees the title before its other mentions.
//!
//! Only text is aggregated, never labels or predictions, so the features need no jackknife
//! and cost one pass over the group; they are the token's own (not seen from its window).

use std::collections::HashMap;

use super::clusters::Clusters;
use super::features::{Template, WordInfo, hash, hash_parts};
use super::parallel::in_parallel;
use super::sentences::Sentence;

/// A stem with more mentions than this in its group is a common word, not a name: its
/// mentions get no aggregated features (they would be many and say nothing).
const MAX_MENTIONS: usize = 24;
/// A mention is lent the features of this many mentions of its stem either side of it (in
/// text order), not all of them: the nearest say most, and every feature costs tagging time.
const NEAREST: usize = 2;
/// Stems shorter than this (letters) are function words or clitics.
const MIN_STEM_LETTERS: usize = 3;

/// Each token's aggregated features, per sentence: what the neighbours of the other
/// mentions of its stem in its group are (the words right before and after them, the
/// coarse classes of the two words either side) and which proclitics those mentions carry.
pub fn features(
    sents: &[Sentence],
    infos: &[Vec<&WordInfo>],
    clusters: &Clusters,
) -> Vec<Vec<Vec<u64>>> {
    let groups: Vec<_> = super::sentences::groups(sents).collect();
    in_parallel(&groups, |part| {
        part.iter()
            .flat_map(|group| aggregate_group(group.clone(), infos, clusters))
            .collect()
    })
}

/// The features one mention lends the other mentions of its stem.
fn mention_features(words: &[&WordInfo], t: usize, clusters: &Clusters) -> Vec<u64> {
    let mut digits = [[0u8; 5]; 4];
    let [d1, d2, d3, d4] = &mut digits;
    let coarse = |at: Option<usize>, digits| coarse_class(words, at, clusters, digits);
    let word = |at: Option<usize>| -> &str {
        at.and_then(|i| words.get(i))
            .map_or("<edge>", |w| w.folded.as_str())
    };
    let before = t.checked_sub(1);
    let after = Some(t + 1);
    // The stem is the folded word's tail, so its clitics are the head.
    let clitics_len = words[t].folded.len().saturating_sub(words[t].stem.len());
    let clitics = words[t].folded.get(..clitics_len).unwrap_or("");
    let aggregate = |parts: &[&str]| hash_parts(Template::Aggregate, parts);
    vec![
        aggregate(&["p1:", word(before)]),
        aggregate(&["n1:", word(after)]),
        aggregate(&["pc1:", coarse(before, d1)]),
        aggregate(&["nc1:", coarse(after, d2)]),
        aggregate(&["pc2:", coarse(t.checked_sub(2), d3)]),
        aggregate(&["nc2:", coarse(Some(t + 2), d4)]),
        aggregate(&["cl:", clitics]),
    ]
}

/// The coarse class of the word at `at` (written into `digits`), "?" for a word without
/// one, "edge" past the sentence's ends.
fn coarse_class<'d>(
    words: &[&WordInfo],
    at: Option<usize>,
    clusters: &Clusters,
    digits: &'d mut [u8; 5],
) -> &'d str {
    match at.and_then(|i| words.get(i)) {
        Some(w) => clusters
            .classes
            .get(&w.folded)
            .and_then(|c| c.first())
            .map_or("?", |&c| decimal(c, digits)),
        None => "edge",
    }
}

/// `n` in decimal digits, written into `buf`.
fn decimal(n: u16, buf: &mut [u8; 5]) -> &str {
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

/// The aggregated features of the tokens of one group of sentences, per sentence.
fn aggregate_group(
    range: std::ops::Range<usize>,
    infos: &[Vec<&WordInfo>],
    clusters: &Clusters,
) -> Vec<Vec<Vec<u64>>> {
    let infos = &infos[range];
    let mut out: Vec<Vec<Vec<u64>>> = infos.iter().map(|w| vec![Vec::new(); w.len()]).collect();
    // Stem → its mentions in the group as (sentence in the group, token).
    let mut mentions: HashMap<&str, Vec<(usize, usize)>> = HashMap::new();
    for (s, words) in infos.iter().enumerate() {
        for (t, w) in words.iter().enumerate() {
            if w.stem.chars().count() >= MIN_STEM_LETTERS && w.stem.chars().all(char::is_alphabetic)
            {
                mentions.entry(w.stem.as_str()).or_default().push((s, t));
            }
        }
    }
    for places in mentions.values() {
        if places.len() > MAX_MENTIONS {
            continue;
        }
        if places.len() == 1 {
            let (s, t) = places[0];
            out[s][t].push(hash(Template::Aggregate, "once"));
            continue;
        }
        let lent: Vec<Vec<u64>> = places
            .iter()
            .map(|&(s, t)| mention_features(&infos[s], t, clusters))
            .collect();
        for (i, &(s, t)) in places.iter().enumerate() {
            let slot = &mut out[s][t];
            let near = i.saturating_sub(NEAREST)..(i + NEAREST + 1).min(lent.len());
            for (j, features) in lent.iter().enumerate().take(near.end).skip(near.start) {
                if i != j {
                    slot.extend_from_slice(features);
                }
            }
            slot.sort_unstable();
            slot.dedup();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_numbers_are_written_in_decimal() {
        for n in [0, 7, 10, 127, 2047, u16::MAX] {
            assert_eq!(decimal(n, &mut [0; 5]), n.to_string());
        }
    }
    use crate::model::Document;
    use crate::suggest::tagger::sentences::sentences;

    fn aggregated(text: &str) -> (Vec<Sentence>, Vec<Vec<Vec<u64>>>) {
        let doc = Document::new("d", text);
        let sents = sentences(&[&doc], None);
        let owned = super::super::features::infos_of_sentences(&sents);
        let infos: Vec<Vec<&WordInfo>> = owned.iter().map(|s| s.iter().collect()).collect();
        let out = features(&sents, &infos, &Clusters::default());
        (sents, out)
    }

    fn position(sents: &[Sentence], word: &str, nth: usize) -> (usize, usize) {
        sents
            .iter()
            .enumerate()
            .flat_map(|(s, sent)| {
                sent.words
                    .iter()
                    .enumerate()
                    .filter(|(_, w)| w.as_str() == word)
                    .map(move |(t, _)| (s, t))
            })
            .nth(nth)
            .expect("the word is in the text")
    }

    #[test]
    fn a_mention_sees_the_title_before_another_mention_of_its_stem() {
        let (sents, out) = aggregated("قال الرئيس ترامب إن موسكو مستعدة.\nوصل وترامب أمس.");
        let bare = position(&sents, "وترامب", 0);
        let title = hash(
            Template::Aggregate,
            &format!("p1:{}", crate::annotate::search::fold_word("الرئيس")),
        );
        assert!(
            out[bare.0][bare.1].contains(&title),
            "{:?}",
            out[bare.0][bare.1]
        );
        // The first mention sees the second's clitic, not its own title.
        let first = position(&sents, "ترامب", 0);
        assert!(!out[first.0][first.1].contains(&title));
        assert!(out[first.0][first.1].contains(&hash(Template::Aggregate, "cl:و")));
    }

    #[test]
    fn mentions_in_another_group_lend_nothing() {
        let mut text = String::from("قال الرئيس بوتين كلاما.\n");
        for _ in 0..super::super::sentences::GROUP_SENTENCES {
            text.push_str("جملة أخرى هنا.\n");
        }
        text.push_str("وصل بوتين أمس.\n");
        let (sents, out) = aggregated(&text);
        let last = position(&sents, "بوتين", 1);
        assert_ne!(sents[last.0].group, sents[0].group);
        assert_eq!(out[last.0][last.1], vec![hash(Template::Aggregate, "once")]);
    }

    #[test]
    fn common_words_and_short_stems_get_no_aggregate() {
        let text = "في البيت ".repeat(MAX_MENTIONS + 1);
        let (sents, out) = aggregated(&text);
        let (s, t) = position(&sents, "البيت", 3);
        assert!(out[s][t].is_empty());
        let (s, t) = position(&sents, "في", 3);
        assert!(out[s][t].is_empty());
    }

    #[test]
    fn hostile_text_gets_features_without_panicking() {
        let (sents, out) = aggregated("\u{2029}😀 ب\u{200F}\u{0000}بوتين 12 COP27 بوتين\u{2028}");
        assert_eq!(out.len(), sents.len());
        for (s, sent) in sents.iter().enumerate() {
            assert_eq!(out[s].len(), sent.words.len());
        }
    }
}
