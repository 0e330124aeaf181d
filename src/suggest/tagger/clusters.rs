//! Word clusters learned from the training text itself (no labels needed): the exchange
//! algorithm (Kneser and Ney 1993; Martin, Liermann and Ney 1998), which moves each word to
//! the class that most raises the likelihood of a class-bigram model of the text. Words that
//! share neighbours share a class, so a name never labelled may still sit with known names.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::features::{Template, WordInfo, hash};

/// Class counts of the clusterings learned, coarse to fine.
pub const SIZES: [usize; 2] = [64, 256];
/// Passes over the vocabulary.
const PASSES: usize = 6;
/// Words seen fewer times get no cluster (too little evidence).
const MIN_COUNT: u32 = 2;

/// Each clustered word (folded) and its class in every clustering of [`SIZES`].
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Clusters {
    /// Folded word → classes.
    #[serde(serialize_with = "super::file::sorted")]
    pub classes: HashMap<String, Vec<u16>>,
}

fn xlogx(x: f64) -> f64 {
    if x <= 0.0 { 0.0 } else { x * x.ln() }
}

impl Clusters {
    /// Learns clusters of every size of [`SIZES`] from sentences of folded words.
    pub fn learn<'a>(sentences: impl Iterator<Item = Vec<&'a str>>) -> Self {
        Self::learn_sizes(sentences, &SIZES)
    }

    /// Learns clusterings of the given sizes.
    fn learn_sizes<'a>(sentences: impl Iterator<Item = Vec<&'a str>>, sizes: &[usize]) -> Self {
        let mut ids: HashMap<&str, usize> = HashMap::new();
        let mut counts: Vec<u32> = Vec::new();
        let mut stream: Vec<Vec<usize>> = Vec::new();
        for sentence in sentences {
            let mut s = Vec::with_capacity(sentence.len());
            for w in sentence {
                let id = *ids.entry(w).or_insert_with(|| {
                    counts.push(0);
                    counts.len() - 1
                });
                counts[id] += 1;
                s.push(id);
            }
            stream.push(s);
        }
        // Frequent words only; the others are one "rare" symbol, which keeps its own class.
        let mut order: Vec<usize> = (0..counts.len())
            .filter(|&w| counts[w] >= MIN_COUNT)
            .collect();
        order.sort_by_key(|&w| std::cmp::Reverse(counts[w]));
        let rare = order.len();
        let mut dense = vec![rare; counts.len()];
        for (i, &w) in order.iter().enumerate() {
            dense[w] = i;
        }
        let words = rare + 1;
        let mut word_counts = vec![0.0; words];
        // Neighbours of each word: (left word, count) and (right word, count).
        let mut bigrams: HashMap<(usize, usize), u32> = HashMap::new();
        for s in &stream {
            for (i, &w) in s.iter().enumerate() {
                word_counts[dense[w]] += 1.0;
                if i > 0 {
                    *bigrams.entry((dense[s[i - 1]], dense[w])).or_default() += 1;
                }
            }
        }
        let mut left: Vec<Vec<(usize, f64)>> = vec![Vec::new(); words];
        let mut right: Vec<Vec<(usize, f64)>> = vec![Vec::new(); words];
        for (&(a, b), &n) in &bigrams {
            right[a].push((b, f64::from(n)));
            left[b].push((a, f64::from(n)));
        }
        let mut result: HashMap<String, Vec<u16>> = HashMap::new();
        let names: HashMap<usize, &str> = ids
            .iter()
            .filter(|(_, id)| dense[**id] < rare)
            .map(|(w, id)| (dense[*id], *w))
            .collect();
        for &size in sizes {
            let class = exchange(size, &word_counts, &left, &right);
            for (w, &c) in class.iter().enumerate().take(rare) {
                if let Some(name) = names.get(&w) {
                    result.entry((*name).to_owned()).or_default().push(c as u16);
                }
            }
        }
        Self { classes: result }
    }

    /// Appends each word's cluster features to its list in `out`.
    pub fn features(&self, words: &[&WordInfo], out: &mut [Vec<u64>]) {
        if self.classes.is_empty() {
            return;
        }
        for (info, slot) in words.iter().zip(out.iter_mut()) {
            match self.classes.get(&info.folded) {
                Some(classes) => {
                    for (k, c) in classes.iter().enumerate() {
                        slot.push(hash(Template::Cluster, &format!("{k}:{c}")));
                    }
                }
                None => slot.push(hash(Template::Cluster, "none")),
            }
        }
    }
}

/// Flat exchange clustering into `size` classes; returns each word's class.
fn exchange(
    size: usize,
    counts: &[f64],
    left: &[Vec<(usize, f64)>],
    right: &[Vec<(usize, f64)>],
) -> Vec<usize> {
    let words = counts.len();
    let size = size.min(words).max(1);
    // The most frequent words start in classes of their own, the rest round the classes.
    let mut class: Vec<usize> = (0..words).map(|w| w % size).collect();
    let mut class_count = vec![0.0; size];
    let mut pair = vec![0.0; size * size];
    for w in 0..words {
        class_count[class[w]] += counts[w];
        for &(r, n) in &right[w] {
            pair[class[w] * size + class[r]] += n;
        }
    }
    let mut to_left = vec![0.0; size];
    let mut to_right = vec![0.0; size];
    let mut touched_left = Vec::new();
    let mut touched_right = Vec::new();
    for _ in 0..PASSES {
        let mut moved = 0;
        for w in 0..words {
            let from = class[w];
            // Class counts of w's neighbours (its own bigrams with itself left out).
            touched_left.clear();
            touched_right.clear();
            for &(l, n) in &left[w] {
                if l != w {
                    let c = class[l];
                    if to_left[c] == 0.0 {
                        touched_left.push(c);
                    }
                    to_left[c] += n;
                }
            }
            for &(r, n) in &right[w] {
                if r != w {
                    let c = class[r];
                    if to_right[c] == 0.0 {
                        touched_right.push(c);
                    }
                    to_right[c] += n;
                }
            }
            // Take w out of its class.
            for &c in &touched_left {
                pair[c * size + from] -= to_left[c];
            }
            for &c in &touched_right {
                pair[from * size + c] -= to_right[c];
            }
            class_count[from] -= counts[w];
            let gain = |to: usize, pair: &[f64], class_count: &[f64]| -> f64 {
                let mut g = 0.0;
                for &c in &touched_left {
                    let v = pair[c * size + to];
                    g += xlogx(v + to_left[c]) - xlogx(v);
                }
                for &c in &touched_right {
                    let v = pair[to * size + c];
                    g += xlogx(v + to_right[c]) - xlogx(v);
                }
                g - 2.0 * (xlogx(class_count[to] + counts[w]) - xlogx(class_count[to]))
            };
            let mut best = (gain(from, &pair, &class_count), from);
            for to in 0..size {
                if to != from {
                    let g = gain(to, &pair, &class_count);
                    if g > best.0 + 1e-9 {
                        best = (g, to);
                    }
                }
            }
            let to = best.1;
            for &c in &touched_left {
                pair[c * size + to] += to_left[c];
            }
            for &c in &touched_right {
                pair[to * size + c] += to_right[c];
            }
            class_count[to] += counts[w];
            if to != from {
                class[w] = to;
                moved += 1;
            }
            for &c in &touched_left {
                to_left[c] = 0.0;
            }
            for &c in &touched_right {
                to_right[c] = 0.0;
            }
        }
        if moved == 0 {
            break;
        }
    }
    class
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_in_the_same_contexts_share_a_class() {
        let mut text = Vec::new();
        for city in ["موسكو", "انقره", "القاهره", "بيروت"] {
            for verb in ["زار", "دخل"] {
                text.push(vec![verb, "مدينه", city, "امس"]);
            }
        }
        for name in ["محمد", "احمد", "سامي", "خالد"] {
            for verb in ["قال", "اكد"] {
                text.push(vec![verb, "الرئيس", name, "ان"]);
            }
        }
        let clusters = Clusters::learn_sizes(text.into_iter(), &[5]);
        let fine = |w: &str| clusters.classes[w][0];
        assert_eq!(fine("موسكو"), fine("بيروت"));
        assert_eq!(fine("محمد"), fine("خالد"));
        assert_ne!(fine("موسكو"), fine("محمد"));
    }
}
