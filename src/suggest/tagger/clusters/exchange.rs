//! The exchange algorithm (Kneser and Ney 1993; Martin, Liermann and Ney 1998), made
//! hierarchical so that it scales to millions of words.
//!
//! The exchange algorithm moves each word to the class that most raises the likelihood of a
//! class-bigram model of the text; words that share neighbours end up in one class. Flat, it
//! tries every class for every word: the work grows with the classes times the distinct
//! neighbours of each word, which at 1,024 classes and 10 million words of news is hours.
//! Here the first level is flat and small (128 classes), and every further level splits each
//! class of the level above into `fanout` classes, trying for each word only the classes
//! under its parent: a finer level costs less than the first, and the levels nest, so a
//! word's classes read as a path from coarse to fine, as Brown clusters' bit prefixes do.

use std::sync::atomic::{AtomicBool, Ordering};

use super::stream::{SENTENCE_END, WordStream};

/// Passes over the vocabulary at each level (most words settle in the first two).
const PASSES: usize = 6;

/// The words clustered and their classes at every level.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Clustering {
    /// Stream word ids of the words clustered (count at least the minimum), most frequent
    /// first.
    pub words: Vec<u32>,
    /// `classes[level][i]`: the class of `words[i]` at that level.
    pub classes: Vec<Vec<u16>>,
}

/// Counts of adjacent word pairs, both ways, in compressed rows.
struct Graph {
    /// Occurrences of each dense word.
    counts: Vec<u64>,
    /// Right neighbours of dense word `w`: `right[right_at[w]..right_at[w + 1]]`, with counts.
    right_at: Vec<usize>,
    right: Vec<(u32, u32)>,
    /// Left neighbours, likewise.
    left_at: Vec<usize>,
    left: Vec<(u32, u32)>,
}

impl Graph {
    /// The bigram graph of `stream` over dense ids (`dense[word]`), pairs of a word with itself
    /// left out (moving a word cannot change them in a way the gain formula sees).
    fn of(stream: &WordStream, dense: &[u32], words: usize) -> Self {
        let mut counts = vec![0_u64; words];
        let mut pairs: Vec<u64> = Vec::with_capacity(stream.tokens.len());
        let mut previous = SENTENCE_END;
        for &t in &stream.tokens {
            if t == SENTENCE_END {
                previous = SENTENCE_END;
                continue;
            }
            let w = dense[t as usize];
            counts[w as usize] += 1;
            if previous != SENTENCE_END && previous != w {
                pairs.push((u64::from(previous) << 32) | u64::from(w));
            }
            previous = w;
        }
        pairs.sort_unstable();
        let mut unique: Vec<(u32, u32, u32)> = Vec::new();
        for pair in pairs {
            let (before, after) = ((pair >> 32) as u32, pair as u32);
            match unique.last_mut() {
                Some((last_before, last_after, times))
                    if *last_before == before && *last_after == after =>
                {
                    *times += 1;
                }
                _ => unique.push((before, after, 1)),
            }
        }
        let rows = |key: fn(&(u32, u32, u32)) -> (u32, u32)| {
            let mut at = vec![0_usize; words + 1];
            for e in &unique {
                at[key(e).0 as usize + 1] += 1;
            }
            for i in 0..words {
                at[i + 1] += at[i];
            }
            let mut fill = at.clone();
            let mut out = vec![(0_u32, 0_u32); unique.len()];
            for e in &unique {
                let (row, col) = key(e);
                out[fill[row as usize]] = (col, e.2);
                fill[row as usize] += 1;
            }
            (at, out)
        };
        let (right_at, right) = rows(|&(a, b, _)| (a, b));
        let (left_at, left) = rows(|&(a, b, _)| (b, a));
        Self {
            counts,
            right_at,
            right,
            left_at,
            left,
        }
    }

    fn right(&self, w: usize) -> &[(u32, u32)] {
        &self.right[self.right_at[w]..self.right_at[w + 1]]
    }

    fn left(&self, w: usize) -> &[(u32, u32)] {
        &self.left[self.left_at[w]..self.left_at[w + 1]]
    }
}

/// `x · ln x` with a table for the small counts that make up most of the work.
struct XLogX(Vec<f64>);

impl XLogX {
    const TABLE: usize = 1 << 16;

    fn new() -> Self {
        Self(
            (0..Self::TABLE)
                .map(|x| {
                    let x = x as f64;
                    if x > 0.0 { x * x.ln() } else { 0.0 }
                })
                .collect(),
        )
    }

    fn of(&self, x: u64) -> f64 {
        if let Some(&v) = self.0.get(x as usize) {
            v
        } else {
            let x = x as f64;
            x * x.ln()
        }
    }
}

/// Learns nested clusterings of the words seen at least `min_count` times in `stream`:
/// `levels[0]` classes, then each level `levels[i - 1]` times a whole number of classes
/// (rounded down to one). Calls `progress` with the share done; `None` when `cancel` rises.
pub fn learn(
    stream: &WordStream,
    levels: &[usize],
    min_count: u32,
    progress: &dyn Fn(f32),
    cancel: &AtomicBool,
) -> Option<Clustering> {
    let mut order: Vec<u32> = (0..stream.words.len() as u32)
        .filter(|&w| stream.counts[w as usize] >= min_count)
        .collect();
    // Most frequent first; ties by the word, so the same text gives the same clusters.
    order.sort_by(|&a, &b| {
        stream.counts[b as usize]
            .cmp(&stream.counts[a as usize])
            .then_with(|| stream.words[a as usize].cmp(&stream.words[b as usize]))
    });
    // The rare words are one pseudo-word, the last dense id: it keeps their contexts in
    // the counts without a class of its own for each.
    let rare = order.len() as u32;
    let mut dense = vec![rare; stream.words.len()];
    for (i, &w) in order.iter().enumerate() {
        dense[w as usize] = i as u32;
    }
    let words = order.len() + 1;
    let graph = Graph::of(stream, &dense, words);
    let xlogx = XLogX::new();
    let mut classes: Vec<Vec<u16>> = Vec::new();
    let mut class: Vec<u32> = Vec::new();
    let mut size = 0_usize;
    let steps = (levels.len() * PASSES) as f32;
    for (level, &wanted) in levels.iter().enumerate() {
        let (fanout, new_size) = if level == 0 {
            let size = wanted.clamp(1, words);
            class = (0..words).map(|w| (w % size) as u32).collect();
            (None, size)
        } else {
            let fanout = (wanted / size.max(1)).max(1);
            // Children of each class dealt out to its words in order of frequency.
            let mut dealt = vec![0_usize; size];
            for c in &mut class {
                let parent = *c as usize;
                *c = (parent * fanout + dealt[parent] % fanout) as u32;
                dealt[parent] += 1;
            }
            (Some(fanout), size * fanout)
        };
        size = new_size;
        let mut exchange = Exchange::new(&graph, &class, size, &xlogx);
        for pass in 0..PASSES {
            if cancel.load(Ordering::Relaxed) {
                return None;
            }
            let moved = exchange.pass(&graph, &mut class, fanout);
            progress((level * PASSES + pass + 1) as f32 / steps);
            if moved * 1000 < words {
                break;
            }
        }
        classes.push(class[..order.len()].iter().map(|&c| c as u16).collect());
    }
    progress(1.0);
    Some(Clustering {
        words: order,
        classes,
    })
}

/// The class-bigram counts of one level, updated as words move.
struct Exchange<'a> {
    size: usize,
    xlogx: &'a XLogX,
    class_count: Vec<u64>,
    /// `pair[a * size + b]`: how often a word of class `a` precedes one of class `b`.
    pair: Vec<u64>,
    to_left: Vec<u64>,
    to_right: Vec<u64>,
    touched_left: Vec<usize>,
    touched_right: Vec<usize>,
}

impl<'a> Exchange<'a> {
    fn new(graph: &Graph, class: &[u32], size: usize, xlogx: &'a XLogX) -> Self {
        let mut class_count = vec![0; size];
        let mut pair = vec![0; size * size];
        for w in 0..class.len() {
            let from = class[w] as usize;
            class_count[from] += graph.counts[w];
            for &(r, n) in graph.right(w) {
                pair[from * size + class[r as usize] as usize] += u64::from(n);
            }
        }
        Self {
            size,
            xlogx,
            class_count,
            pair,
            to_left: vec![0; size],
            to_right: vec![0; size],
            touched_left: Vec::new(),
            touched_right: Vec::new(),
        }
    }

    /// Moves every word to its best class among its parent's children (`fanout`) or among
    /// all (`None`); returns how many moved.
    fn pass(&mut self, graph: &Graph, class: &mut [u32], fanout: Option<usize>) -> usize {
        let size = self.size;
        let mut moved = 0;
        for w in 0..class.len() {
            let from = class[w] as usize;
            let count = graph.counts[w];
            self.touched_left.clear();
            self.touched_right.clear();
            for &(l, n) in graph.left(w) {
                let c = class[l as usize] as usize;
                if self.to_left[c] == 0 {
                    self.touched_left.push(c);
                }
                self.to_left[c] += u64::from(n);
            }
            for &(r, n) in graph.right(w) {
                let c = class[r as usize] as usize;
                if self.to_right[c] == 0 {
                    self.touched_right.push(c);
                }
                self.to_right[c] += u64::from(n);
            }
            self.shift(from, count, false);
            let candidates = match fanout {
                Some(k) => (from / k * k)..(from / k * k + k),
                None => 0..size,
            };
            let mut best = (self.gain(from, count), from);
            for to in candidates {
                if to != from {
                    let g = self.gain(to, count);
                    if g > best.0 + 1e-9 {
                        best = (g, to);
                    }
                }
            }
            let to = best.1;
            self.shift(to, count, true);
            if to != from {
                class[w] = to as u32;
                moved += 1;
            }
            for &c in &self.touched_left {
                self.to_left[c] = 0;
            }
            for &c in &self.touched_right {
                self.to_right[c] = 0;
            }
        }
        moved
    }

    /// Takes the word whose neighbour counts are in `to_left`/`to_right` out of class `c`, or
    /// puts it in.
    fn shift(&mut self, c: usize, count: u64, add: bool) {
        let size = self.size;
        for &l in &self.touched_left {
            let cell = &mut self.pair[l * size + c];
            *cell = if add {
                *cell + self.to_left[l]
            } else {
                *cell - self.to_left[l]
            };
        }
        for &r in &self.touched_right {
            let cell = &mut self.pair[c * size + r];
            *cell = if add {
                *cell + self.to_right[r]
            } else {
                *cell - self.to_right[r]
            };
        }
        let cell = &mut self.class_count[c];
        *cell = if add { *cell + count } else { *cell - count };
    }

    /// What the likelihood gains by putting the word in class `to`.
    fn gain(&self, to: usize, count: u64) -> f64 {
        let size = self.size;
        let f = self.xlogx;
        let mut g = 0.0;
        for &l in &self.touched_left {
            let v = self.pair[l * size + to];
            g += f.of(v + self.to_left[l]) - f.of(v);
        }
        for &r in &self.touched_right {
            let v = self.pair[to * size + r];
            g += f.of(v + self.to_right[r]) - f.of(v);
        }
        let n = self.class_count[to];
        g - 2.0 * (f.of(n + count) - f.of(n))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sentences where cities and names each share their contexts.
    fn stream() -> WordStream {
        let mut s = WordStream::default();
        for city in ["موسكو", "انقره", "القاهره", "بيروت"] {
            for verb in ["زار", "دخل"] {
                s.add_sentence([verb, "مدينه", city, "امس"]);
            }
        }
        for name in ["محمد", "احمد", "سامي", "خالد"] {
            for verb in ["قال", "اكد"] {
                s.add_sentence([verb, "الرئيس", name, "ان"]);
            }
        }
        s
    }

    fn class_of(s: &WordStream, c: &Clustering, level: usize, word: &str) -> u16 {
        let id = s.words.iter().position(|w| w == word).unwrap() as u32;
        let i = c.words.iter().position(|&w| w == id).unwrap();
        c.classes[level][i]
    }

    #[test]
    fn words_in_the_same_contexts_share_a_class_and_levels_nest() {
        let s = stream();
        let c = learn(&s, &[2, 8], 2, &|_| {}, &AtomicBool::new(false)).unwrap();
        let coarse = |w| class_of(&s, &c, 0, w);
        assert_eq!(coarse("موسكو"), coarse("بيروت"));
        assert_eq!(coarse("محمد"), coarse("خالد"));
        assert_ne!(coarse("موسكو"), coarse("محمد"));
        // Every fine class lies under its word's coarse class.
        for i in 0..c.words.len() {
            assert_eq!(c.classes[1][i] / 4, c.classes[0][i]);
        }
    }

    #[test]
    fn small_vocabularies_get_coarser_levels() {
        use super::super::levels_for;
        assert_eq!(levels_for(160_000), [128, 512, 2048]);
        assert_eq!(levels_for(11_000), [128, 512, 2048]);
        assert_eq!(levels_for(3_000), [32, 128, 512]);
        assert_eq!(levels_for(300), [16, 64, 256]);
        assert_eq!(levels_for(0), [16, 64, 256]);
    }

    #[test]
    fn the_same_text_gives_the_same_clusters_and_cancel_stops() {
        let s = stream();
        let a = learn(&s, &[4, 16], 1, &|_| {}, &AtomicBool::new(false));
        let b = learn(&s, &[4, 16], 1, &|_| {}, &AtomicBool::new(false));
        assert_eq!(a, b);
        assert!(learn(&s, &[4], 1, &|_| {}, &AtomicBool::new(true)).is_none());
        // An empty stream clusters nothing and does not fail.
        let empty = learn(
            &WordStream::default(),
            &[16, 64],
            1,
            &|_| {},
            &AtomicBool::new(false),
        );
        assert_eq!(empty.unwrap().words.len(), 0);
    }
}
