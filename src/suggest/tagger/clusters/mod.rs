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

use std::sync::atomic::AtomicBool;

use serde::{Deserialize, Serialize};

use super::WordMap;
use super::features::{Template, WordInfo, decimal, hash, hash_parts};
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

/// Each clustered word (folded) and its class at every level of [`LEVELS`], and how often
/// each stem is written with the article.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct Clusters {
    /// Folded word → classes, coarse to fine.
    #[serde(serialize_with = "super::file::sorted")]
    pub classes: WordMap<String, Vec<u16>>,
    /// Stem (folded, proclitics stripped) → how often the text writes it with the article
    /// (ال, لل), as an [`article_bucket`]. A name rarely takes the article, a common noun
    /// often does, a verb never: what thousands of articles say of a word nobody labelled.
    /// Absent from older files and caches (none known).
    #[serde(
        default,
        skip_serializing_if = "WordMap::is_empty",
        serialize_with = "super::file::sorted"
    )]
    pub article: WordMap<String, u8>,
}

/// Stems seen fewer times than this get no article share (too little evidence).
pub const ARTICLE_MIN_COUNT: u32 = 3;

/// The share of a stem's `with` article mentions among `total`, in six buckets: never, under
/// 5 %, under 25 %, under 60 %, under 95 %, nearly always.
pub fn article_bucket(with: u32, total: u32) -> u8 {
    if with == 0 {
        return 0;
    }
    let share = f64::from(with) / f64::from(total.max(1));
    match share {
        s if s < 0.05 => 1,
        s if s < 0.25 => 2,
        s if s < 0.6 => 3,
        s if s < 0.95 => 4,
        _ => 5,
    }
}

/// Each stem's [`article_bucket`] from the stream's word counts.
fn article_shares(stream: &WordStream) -> WordMap<String, u8> {
    let mut counts: WordMap<&str, (u32, u32)> = WordMap::default();
    for (word, &n) in stream.words.iter().zip(&stream.counts) {
        let (clitics, stem) = super::features::split_clitics(word);
        if stem.chars().count() < 2 || !stem.chars().all(super::features::is_letter) {
            continue;
        }
        let entry = counts.entry(stem).or_default();
        if super::features::ends_with_article(clitics) {
            entry.0 += n;
        }
        entry.1 += n;
    }
    counts
        .into_iter()
        .filter(|(_, (_, total))| *total >= ARTICLE_MIN_COUNT)
        .map(|(stem, (with, total))| (stem.to_owned(), article_bucket(with, total)))
        .collect()
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
        let mut classes = WordMap::with_capacity_and_hasher(
            clustering.words.len(),
            foldhash::fast::RandomState::default(),
        );
        for (i, &w) in clustering.words.iter().enumerate() {
            let path = clustering.classes.iter().map(|level| level[i]).collect();
            classes.insert(stream.words[w as usize].clone(), path);
        }
        Some(Self {
            classes,
            article: article_shares(stream),
        })
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
            self.word_features(info, slot);
        }
    }

    /// Appends one word's cluster features (see [`Self::features`]) to `out`; nothing
    /// when no word has a cluster.
    pub fn word_features(&self, info: &WordInfo, out: &mut Vec<u64>) {
        if self.classes.is_empty() {
            return;
        }
        if let Some(&bucket) = self.article.get(&info.stem) {
            out.push(hash(Template::Article, decimal(bucket.into(), &mut [0; 5])));
        }
        match self.classes.get(&info.folded) {
            Some(classes) => class_features(classes, "", out),
            None => out.push(hash(Template::Cluster, "none")),
        }
        if info.stem != info.folded
            && let Some(classes) = self.classes.get(&info.stem)
        {
            class_features(classes, "s", out);
        }
    }
}

/// Appends the features of a word's classes, coarse to fine ("level:class", `prefix`
/// first: "s" for its stem's).
fn class_features(classes: &[u16], prefix: &str, out: &mut Vec<u64>) {
    let (mut level, mut class) = ([0u8; 5], [0u8; 5]);
    for (k, &c) in (0u16..).zip(classes) {
        let parts = [prefix, decimal(k, &mut level), ":", decimal(c, &mut class)];
        out.push(hash_parts(Template::Cluster, &parts));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stream_of(text: &str) -> WordStream {
        let mut stream = WordStream::default();
        stream.add_text(text);
        stream
    }

    #[test]
    fn a_stem_written_with_the_article_and_a_name_never_are_told_apart() {
        let text = "زار ترامب الرياض. الرياض مدينة. قال ترامب في الرياض إن ترامب يحب رياض \
                    الأطفال. وترامب سافر إلى الرياض وبالرياض.";
        let shares = article_shares(&stream_of(text));
        assert_eq!(shares.get("ترامب"), Some(&0), "{shares:?}");
        // رياض: 5 times with the article (الرياض ×4, بالرياض), once without.
        assert_eq!(shares.get("رياض"), Some(&4), "{shares:?}");
        // Seen once: no evidence.
        assert_eq!(shares.get("مدينه"), None);
    }

    #[test]
    fn article_buckets_cover_every_share() {
        assert_eq!(article_bucket(0, 10), 0);
        assert_eq!(article_bucket(1, 100), 1);
        assert_eq!(article_bucket(1, 10), 2);
        assert_eq!(article_bucket(1, 2), 3);
        assert_eq!(article_bucket(9, 10), 4);
        assert_eq!(article_bucket(10, 10), 5);
        assert_eq!(article_bucket(3, 0), 5);
    }

    #[test]
    fn the_tagger_sees_the_article_share_of_a_word_and_of_its_neighbours_stem() {
        let stream = stream_of(&"قال ترامب في الرياض. ".repeat(4));
        let clusters = Clusters::learn_stream(&stream, &|_| {}, &AtomicBool::new(false))
            .expect("not cancelled");
        let infos: Vec<WordInfo> = ["ترامب", "لترامب", "بالرياض"]
            .iter()
            .map(|w| WordInfo::new(w))
            .collect();
        let words: Vec<&WordInfo> = infos.iter().collect();
        let mut out = vec![Vec::new(); words.len()];
        clusters.features(&words, &mut out);
        let never = hash(Template::Article, "0");
        let always = hash(Template::Article, "5");
        assert!(out[0].contains(&never) && out[1].contains(&never));
        assert!(out[2].contains(&always));
        // Classes as "level:class", of the stem as "slevel:class" (the model files' names).
        let classes = &clusters.classes["ترامب"];
        assert!(out[0].contains(&hash(Template::Cluster, &format!("0:{}", classes[0]))));
        assert!(out[1].contains(&hash(Template::Cluster, &format!("s2:{}", classes[2]))));
    }
}
