//! Context aggregation (Ratinov and Roth, 2009): a token also sees the neighbours of the
//! other mentions of its stem in its group of sentences. An article names its people again
//! and again, and one mention's context says "name" (قال الرئيس … , … بن …) where another's
//! does not: the mention in a bare list still sees the title before its other mentions.
//!
//! Only text is aggregated, never labels or predictions, so the features need no jackknife
//! and cost one pass over the group; they are the token's own (not seen from its window).

use super::WordMap;

use super::clusters::Clusters;
use super::features::{Template, Vocabulary, WordInfo, decimal, hash, hash_parts};
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
    vocabulary: &Vocabulary,
    clusters: &Clusters,
) -> Vec<Vec<Vec<u64>>> {
    let lends = Lends::of(&vocabulary.infos, clusters);
    let groups: Vec<_> = super::sentences::groups(sents).collect();
    in_parallel(&groups, |part| {
        part.iter()
            .flat_map(|group| aggregate_group(&vocabulary.ids[group.clone()], &lends))
            .collect()
    })
}

/// Which of [`Lends`]'s hashes: the word before the mention, after it, the coarse classes
/// of the words one before, one after, two before and two after, the mention's proclitics.
const P1: usize = 0;
const N1: usize = 1;
const PC1: usize = 2;
const NC1: usize = 3;
const PC2: usize = 4;
const NC2: usize = 5;
const CL: usize = 6;

/// What each distinct word lends the mentions it stands beside (and, as a mention, its
/// proclitics), hashed once per word: a text has far fewer words than tokens.
struct Lends {
    /// Per word, its hashes in each role ([`P1`] … [`CL`]).
    hashes: Vec<[u64; 7]>,
    /// The hashes of a position past the sentence's ends.
    edge: [u64; 7],
    /// Per word, its stem's number when the stem can be a name's (letters only, at least
    /// [`MIN_STEM_LETTERS`] of them).
    stems: Vec<Option<u32>>,
}

impl Lends {
    fn of(words: &[WordInfo], clusters: &Clusters) -> Self {
        let hashes = in_parallel(words, |part| {
            let mut digits = [0u8; 5];
            part.iter()
                .map(|w| {
                    let coarse = clusters
                        .classes
                        .get(&w.folded)
                        .and_then(|c| c.first())
                        .map_or("?", |&c| decimal(c, &mut digits));
                    // The stem is the folded word's tail, so its clitics are the head.
                    let clitics_len = w.folded.len().saturating_sub(w.stem.len());
                    let clitics = w.folded.get(..clitics_len).unwrap_or("");
                    let lend =
                        |role: &str, value: &str| hash_parts(Template::Aggregate, &[role, value]);
                    [
                        lend("p1:", &w.folded),
                        lend("n1:", &w.folded),
                        lend("pc1:", coarse),
                        lend("nc1:", coarse),
                        lend("pc2:", coarse),
                        lend("nc2:", coarse),
                        lend("cl:", clitics),
                    ]
                })
                .collect()
        });
        let edge = |role: &str, value: &str| hash_parts(Template::Aggregate, &[role, value]);
        let mut numbers: WordMap<&str, u32> = WordMap::default();
        let stems = words
            .iter()
            .map(|w| {
                let letters = w.stem.chars().count();
                (letters >= MIN_STEM_LETTERS && w.stem.chars().all(super::features::is_letter))
                    .then(|| {
                        let next = numbers.len() as u32;
                        *numbers.entry(w.stem.as_str()).or_insert(next)
                    })
            })
            .collect();
        Self {
            hashes,
            edge: [
                edge("p1:", "<edge>"),
                edge("n1:", "<edge>"),
                edge("pc1:", "edge"),
                edge("nc1:", "edge"),
                edge("pc2:", "edge"),
                edge("nc2:", "edge"),
                edge("cl:", ""),
            ],
            stems,
        }
    }

    /// The features the mention at token `t` of a sentence (its words' numbers `ids`) lends
    /// the other mentions of its stem.
    fn mention(&self, ids: &[u32], t: usize) -> [u64; 7] {
        let at = |i: Option<usize>, role: usize| {
            i.and_then(|i| ids.get(i))
                .map_or(self.edge[role], |&w| self.hashes[w as usize][role])
        };
        [
            at(t.checked_sub(1), P1),
            at(Some(t + 1), N1),
            at(t.checked_sub(1), PC1),
            at(Some(t + 1), NC1),
            at(t.checked_sub(2), PC2),
            at(Some(t + 2), NC2),
            at(Some(t), CL),
        ]
    }
}

/// The aggregated features of the tokens of one group of sentences (its sentences' words'
/// numbers `ids`), per sentence.
fn aggregate_group(ids: &[Vec<u32>], lends: &Lends) -> Vec<Vec<Vec<u64>>> {
    let mut out: Vec<Vec<Vec<u64>>> = ids.iter().map(|w| vec![Vec::new(); w.len()]).collect();
    // Every mention as (stem, sentence in the group, token): sorted, each stem's mentions
    // are together and in text order.
    let mut mentions: Vec<(u32, usize, usize)> = ids
        .iter()
        .enumerate()
        .flat_map(|(s, words)| {
            words
                .iter()
                .enumerate()
                .filter_map(move |(t, &w)| lends.stems[w as usize].map(|stem| (stem, s, t)))
        })
        .collect();
    mentions.sort_unstable();
    for places in mentions.chunk_by(|a, b| a.0 == b.0) {
        if places.len() > MAX_MENTIONS {
            continue;
        }
        if let [(_, s, t)] = places {
            out[*s][*t].push(hash(Template::Aggregate, "once"));
            continue;
        }
        let lent: Vec<[u64; 7]> = places
            .iter()
            .map(|&(_, s, t)| lends.mention(&ids[s], t))
            .collect();
        for (i, &(_, s, t)) in places.iter().enumerate() {
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
        let out = features(&sents, &Vocabulary::of(&sents), &Clusters::default());
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
