//! Document-level consistency: a name the tagger found once in a document is suggested at
//! its other mentions there too (the same stems, so لموسكو after موسكو).

use std::collections::{HashMap, HashSet};

use super::features::WordInfo;
use super::lexicon::{first_stem, string_key};
use super::sentences::{Sentence, TaggedSpan};

/// Propagated mentions score this share of the best score of the mentions they copy.
const PROPAGATED_SCORE: f32 = 0.9;
/// Entity strings longer than this many words are not propagated.
const MAX_WORDS: usize = 6;

/// Adds, within each group of sentences, the unlabelled mentions of strings labelled
/// elsewhere in the group. `spans[s]` are sentence `s`'s spans with scores; `infos[s]` its
/// words; `after_clitics(label)` says whether spans of that label start after proclitics
/// in training (`P-` tags), so a mention with proclitics starts after them.
pub fn propagate(
    sents: &[Sentence],
    infos: &[Vec<&WordInfo>],
    spans: &mut [Vec<(TaggedSpan, f32)>],
    after_clitics: &dyn Fn(&str) -> bool,
) {
    for group in super::sentences::groups(sents) {
        propagate_group(group, infos, spans, after_clitics);
    }
}

fn key(words: &[&WordInfo]) -> String {
    string_key(words.iter().map(|w| w.stem.as_str()))
}

fn propagate_group(
    range: std::ops::Range<usize>,
    infos: &[Vec<&WordInfo>],
    spans: &mut [Vec<(TaggedSpan, f32)>],
    after_clitics: &dyn Fn(&str) -> bool,
) {
    // Entity string → votes by label and the best score.
    let mut known: HashMap<String, (HashMap<String, usize>, f32)> = HashMap::new();
    for s in range.clone() {
        for (span, score) in &spans[s] {
            if span.last - span.first >= MAX_WORDS {
                continue;
            }
            let k = key(&infos[s][span.first..=span.last]);
            if k.chars().count() < 3 {
                continue;
            }
            let entry = known.entry(k).or_default();
            *entry.0.entry(span.label.clone()).or_default() += 1;
            entry.1 = entry.1.max(*score);
        }
    }
    if known.is_empty() {
        return;
    }
    let best: HashMap<&str, (&str, f32)> = known
        .iter()
        .map(|(k, (votes, score))| {
            let label = votes
                .iter()
                .max_by_key(|(l, n)| (**n, std::cmp::Reverse((*l).clone())))
                .map_or("", |(l, _)| l.as_str());
            (k.as_str(), (label, *score))
        })
        .collect();
    // A string can only start at a word whose stem starts some known string: most words
    // start none, and need no key built.
    let firsts: HashSet<&str> = best.keys().map(|k| first_stem(k)).collect();
    for s in range {
        let words = &infos[s];
        let mut covered = vec![false; words.len()];
        for (span, _) in &spans[s] {
            covered[span.first..=span.last].fill(true);
        }
        let mut added = Vec::new();
        let mut t = 0;
        while t < words.len() {
            if !firsts.contains(words[t].stem.as_str()) {
                t += 1;
                continue;
            }
            let mut matched = 0;
            for len in (1..=MAX_WORDS.min(words.len() - t)).rev() {
                if covered[t..t + len].iter().any(|c| *c) {
                    continue;
                }
                if let Some((label, score)) = best.get(key(&words[t..t + len]).as_str()) {
                    added.push((
                        TaggedSpan {
                            first: t,
                            last: t + len - 1,
                            label: (*label).to_owned(),
                            after_clitics: words[t].stem != words[t].folded && after_clitics(label),
                        },
                        score * PROPAGATED_SCORE,
                    ));
                    matched = len;
                    break;
                }
            }
            t += matched.max(1);
        }
        if !added.is_empty() {
            spans[s].extend(added);
            spans[s].sort_by_key(|(span, _)| span.first);
        }
    }
}
