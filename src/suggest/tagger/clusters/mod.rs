//! Word clusters learned from text alone (no labels needed): words that share neighbours
//! share a class, so a name never labelled may still sit with known names. The more text,
//! the better the classes: a team's unlabelled articles (`taliq train --unlabelled`, every
//! document of the window's corpus) teach what the few labelled ones cannot.
//!
//! - [`stream`]: texts to sentences of folded words;
//! - [`exchange`]: the hierarchical exchange algorithm that learns the classes;
//! - [`cache`]: clusters kept on disk, keyed by the text they were learned from.

pub mod cache;
pub mod exchange;
pub mod stream;

use std::collections::HashMap;
use std::sync::atomic::AtomicBool;

use serde::{Deserialize, Serialize};

use super::features::{Template, WordInfo, hash};
pub use stream::WordStream;

/// Class counts of the nested clusterings learned, coarse to fine.
pub const LEVELS: [usize; 3] = [128, 512, 2048];
/// The nested levels for `words` clustered words: [`LEVELS`], or for a small vocabulary (a
/// team's first articles) levels as many times coarser as keep 64 words or more in a coarse
/// class on average (16 classes at least): 128 classes over 300 words would make nearly
/// every word a class of its own, and a class of one word says nothing about another.
pub fn levels_for(words: usize) -> [usize; 3] {
    let mut top = LEVELS[0];
    while top > 16 && words / top < 64 {
        top /= 2;
    }
    let scale = LEVELS[0] / top;
    LEVELS.map(|level| level / scale)
}

/// Words seen fewer times get no cluster (too little evidence).
pub const MIN_COUNT: u32 = 2;

/// Each clustered word (folded) and its class at every level of [`LEVELS`].
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct Clusters {
    /// Folded word → classes, coarse to fine.
    #[serde(serialize_with = "super::file::sorted")]
    pub classes: HashMap<String, Vec<u16>>,
}

impl Clusters {
    /// Learns clusters from a word stream; `None` when `cancel` rises.
    pub fn learn_stream(
        stream: &WordStream,
        progress: &dyn Fn(f32),
        cancel: &AtomicBool,
    ) -> Option<Self> {
        let words = stream.counts.iter().filter(|&&n| n >= MIN_COUNT).count();
        let clustering = exchange::learn(stream, &levels_for(words), MIN_COUNT, progress, cancel)?;
        let mut classes = HashMap::with_capacity(clustering.words.len());
        for (i, &w) in clustering.words.iter().enumerate() {
            let path = clustering.classes.iter().map(|level| level[i]).collect();
            classes.insert(stream.words[w as usize].clone(), path);
        }
        Some(Self { classes })
    }

    /// How many words have a cluster.
    pub fn len(&self) -> usize {
        self.classes.len()
    }

    /// Whether no word has a cluster.
    pub fn is_empty(&self) -> bool {
        self.classes.is_empty()
    }

    /// Appends each word's cluster features to its list in `out`: the word's classes at
    /// every level, and its stem's when the stem differs (روسيا's classes for لروسيا).
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
            if info.stem != info.folded
                && let Some(classes) = self.classes.get(&info.stem)
            {
                for (k, c) in classes.iter().enumerate() {
                    slot.push(hash(Template::Cluster, &format!("s{k}:{c}")));
                }
            }
        }
    }
}
