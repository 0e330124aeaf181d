//! The tagger's own gazetteer: how each word, each stem and each entity string was labelled
//! in the training spans, plus the names of user gazetteers.
//!
//! For training features it is built cross-fold (from the other folds only): a lexicon that
//! holds a sentence's own labels tells the tagger the answer, and it learns to trust the
//! lexicon far more than it deserves on unseen text.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::features::{Template, WordInfo, decimal, hash, hash_parts};
use super::sentences::{OUTSIDE, Sentence};
use super::{WordMap, WordSet};
use crate::annotate::search::fold_word as folded;
use crate::tokenize::tokenize;

/// Entity strings longer than this many words are not matched.
const MAX_MATCH_WORDS: usize = 6;

/// Counts of how a form was tagged: `O`, or inside a span of a label.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct TagCounts {
    /// Times outside any span.
    pub outside: u32,
    /// Times inside a span, by label.
    pub inside: Vec<(String, u32)>,
}

impl TagCounts {
    fn add(&mut self, label: Option<&str>) {
        match label {
            None => self.outside += 1,
            Some(label) => match self.inside.iter_mut().find(|(l, _)| l == label) {
                Some((_, n)) => *n += 1,
                None => self.inside.push((label.to_owned(), 1)),
            },
        }
    }

    fn total(&self) -> u32 {
        self.outside + self.inside.iter().map(|(_, n)| n).sum::<u32>()
    }
}

/// Label distributions of words, stems and entity strings.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Lexicon {
    /// By folded word.
    #[serde(serialize_with = "super::file::sorted")]
    pub words: WordMap<String, TagCounts>,
    /// By stem.
    #[serde(serialize_with = "super::file::sorted")]
    pub stems: WordMap<String, TagCounts>,
    /// Entity strings ([`string_key`]) with their labels' counts. Private, as
    /// [`Self::gazetteer`] is: [`Self::firsts`] is made from both.
    #[serde(serialize_with = "super::file::sorted")]
    spans: WordMap<String, Vec<(String, u32)>>,
    /// User gazetteer names ([`string_key`]) with their labels.
    #[serde(serialize_with = "super::file::sorted")]
    gazetteer: WordMap<String, Vec<String>>,
    /// The first stems of [`Self::spans`] and [`Self::gazetteer`], made on first use (a word
    /// that starts none starts no match, and most words start none).
    #[serde(skip)]
    firsts: OnceLock<WordSet<String>>,
}

/// The key of a string of words: their stems joined by spaces, as the lexicon keeps entity
/// strings and gazetteer names.
pub fn string_key<'a>(stems: impl IntoIterator<Item = &'a str>) -> String {
    let mut key = String::new();
    write_string_key(stems, &mut key);
    key
}

/// [`string_key`] written into `key` (its old content replaced), for a caller that tries
/// many keys with one buffer.
pub fn write_string_key<'a>(stems: impl IntoIterator<Item = &'a str>, key: &mut String) {
    key.clear();
    for (k, stem) in stems.into_iter().enumerate() {
        if k > 0 {
            key.push(' ');
        }
        key.push_str(stem);
    }
}

/// The first stem of a [`string_key`]: a string can start only at a word with this stem.
pub fn first_stem(key: &str) -> &str {
    key.split(' ').next().unwrap_or(key)
}

/// The label of a gold tag (`B-PER` → `PER`), `None` for `O`.
fn label_of(tag: &str) -> Option<&str> {
    (tag != OUTSIDE).then(|| tag.split_once('-').map_or(tag, |(_, l)| l))
}

impl Lexicon {
    /// Counts the gold tags of `sentences` whose index passes `keep`.
    pub fn from_sentences(
        sentences: &[Sentence],
        infos: &[Vec<u32>],
        words: &[WordInfo],
        keep: impl Fn(usize) -> bool,
    ) -> Self {
        let mut lexicon = Self::default();
        for (s, sentence) in sentences.iter().enumerate() {
            if !keep(s) {
                continue;
            }
            let ids = &infos[s];
            for (t, tag) in sentence.gold.iter().enumerate() {
                let info = &words[ids[t] as usize];
                let label = label_of(tag);
                lexicon
                    .words
                    .entry(info.folded.clone())
                    .or_default()
                    .add(label);
                lexicon
                    .stems
                    .entry(info.stem.clone())
                    .or_default()
                    .add(label);
            }
            for span in super::sentences::decode(sentence.gold.iter().map(String::as_str)) {
                if span.last - span.first >= MAX_MATCH_WORDS {
                    continue;
                }
                let key = string_key(
                    (span.first..=span.last).map(|t| words[ids[t] as usize].stem.as_str()),
                );
                let labels = lexicon.spans.entry(key).or_default();
                match labels.iter_mut().find(|(l, _)| *l == span.label) {
                    Some((_, n)) => *n += 1,
                    None => labels.push((span.label.clone(), 1)),
                }
            }
        }
        lexicon
    }

    /// How many entity strings it learned from training spans.
    pub fn entity_strings(&self) -> usize {
        self.spans.len()
    }

    /// The user gazetteer's names ([`string_key`]) with their labels.
    pub fn gazetteer(&self) -> impl Iterator<Item = (&str, &[String])> {
        self.gazetteer
            .iter()
            .map(|(k, l)| (k.as_str(), l.as_slice()))
    }

    /// Adds user gazetteer entries (label, name).
    pub fn add_gazetteer(&mut self, entries: &[(String, String)]) {
        self.firsts = OnceLock::new();
        for (label, name) in entries {
            let stems: Vec<String> = tokenize(name)
                .iter()
                .map(|t| {
                    let word: String = name
                        .chars()
                        .skip(t.range.start())
                        .take(t.range.len())
                        .collect();
                    let f = folded(&word);
                    super::features::split_clitics(&f).1.to_owned()
                })
                .collect();
            if stems.is_empty() || stems.len() > MAX_MATCH_WORDS {
                continue;
            }
            let key = string_key(stems.iter().map(String::as_str));
            let labels = self.gazetteer.entry(key).or_default();
            if !labels.contains(label) {
                labels.push(label.clone());
            }
        }
    }

    /// Lexicon features of every word of a sentence (its words' infos given), into `out`
    /// (one list per word).
    pub fn features(&self, words: &[&WordInfo], out: &mut Vec<Vec<u64>>) {
        out.clear();
        out.resize_with(words.len(), Vec::new);
        for (info, slot) in words.iter().zip(out.iter_mut()) {
            self.word_features(info, slot);
        }
        self.match_features(words, out);
    }

    /// The features that depend on the word alone (its and its stem's label
    /// distributions), appended to `out`.
    pub fn word_features(&self, info: &WordInfo, out: &mut Vec<u64>) {
        distribution(Template::WordLexicon, self.words.get(&info.folded), out);
        distribution(Template::StemLexicon, self.stems.get(&info.stem), out);
    }

    /// The features of known entity strings and gazetteer names that run through a
    /// sentence (B/I of their labels), appended to each word's list in `out`.
    pub fn match_features(&self, words: &[&WordInfo], out: &mut [Vec<u64>]) {
        let firsts = self.firsts.get_or_init(|| {
            self.spans
                .keys()
                .chain(self.gazetteer.keys())
                .map(|k| first_stem(k).to_owned())
                .collect()
        });
        let starts = |t: usize| firsts.contains(words[t].stem.as_str());
        Self::match_strings(words, out, Template::SpanMatch, &starts, |key| {
            self.spans.get(key).and_then(|labels| {
                labels
                    .iter()
                    .max_by_key(|(l, n)| (*n, std::cmp::Reverse(l.clone())))
                    .map(|(l, _)| vec![l.clone()])
            })
        });
        if !self.gazetteer.is_empty() {
            Self::match_strings(words, out, Template::Gazetteer, &starts, |key| {
                self.gazetteer.get(key).cloned()
            });
        }
    }

    /// Marks the longest known strings, left to right, with B/I features of their labels;
    /// `starts(t)` says whether any known string could start at word `t`.
    fn match_strings(
        words: &[&WordInfo],
        out: &mut [Vec<u64>],
        template: Template,
        starts: &dyn Fn(usize) -> bool,
        lookup: impl Fn(&str) -> Option<Vec<String>>,
    ) {
        let mut t = 0;
        let mut key = String::new();
        while t < words.len() {
            if !starts(t) {
                t += 1;
                continue;
            }
            let mut found = None;
            for len in (1..=MAX_MATCH_WORDS.min(words.len() - t)).rev() {
                write_string_key(words[t..t + len].iter().map(|w| w.stem.as_str()), &mut key);
                if let Some(labels) = lookup(&key) {
                    found = Some((len, labels));
                    break;
                }
            }
            match found {
                Some((len, labels)) => {
                    for label in &labels {
                        out[t].push(hash(template, &format!("B-{label}")));
                        for slot in &mut out[t + 1..t + len] {
                            slot.push(hash(template, &format!("I-{label}")));
                        }
                    }
                    t += len;
                }
                None => t += 1,
            }
        }
    }
}

/// Features of a form's label distribution: each label it took at least a tenth of the time,
/// with its share in fifths; "unseen" when the form never occurred.
fn distribution(template: Template, counts: Option<&TagCounts>, out: &mut Vec<u64>) {
    let Some(counts) = counts else {
        out.push(hash(template, "unseen"));
        return;
    };
    let total = f64::from(counts.total().max(1));
    let share = |n: u32| f64::from(n) / total;
    if share(counts.outside) >= 0.9 {
        out.push(hash(template, "O"));
    }
    for (label, n) in &counts.inside {
        let s = share(*n);
        if s >= 0.1 {
            #[allow(clippy::cast_sign_loss)] // s is at least 0.1 here
            let fifth = (s * 5.0).floor().min(4.0) as u8;
            out.push(hash(template, label));
            out.push(hash_parts(
                template,
                &[label, ":", decimal(fifth.into(), &mut [0; 5])],
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_string_key_joins_stems_and_its_first_stem_starts_it() {
        let key = string_key(["بن", "لادن"]);
        assert_eq!(key, "بن لادن");
        assert_eq!(first_stem(&key), "بن");
        let mut key = String::from("left over");
        write_string_key(["كاتماندو"], &mut key);
        assert_eq!((key.as_str(), first_stem(&key)), ("كاتماندو", "كاتماندو"));
        write_string_key([], &mut key);
        assert_eq!((key.as_str(), first_stem(&key)), ("", ""));
    }

    #[test]
    fn a_gazetteer_name_matches_after_the_lexicon_was_used_without_it() {
        let words: Vec<WordInfo> = ["زار", "كاتماندو", "أمس"].map(WordInfo::new).into();
        let refs: Vec<&WordInfo> = words.iter().collect();
        let mut lexicon = Lexicon::default();
        let mut out = vec![Vec::new(); refs.len()];
        lexicon.match_features(&refs, &mut out);
        assert!(out.iter().all(Vec::is_empty));
        // The first stems were made on that first use; the gazetteer's must join them.
        lexicon.add_gazetteer(&[("LOC".to_owned(), "كاتماندو".to_owned())]);
        lexicon.match_features(&refs, &mut out);
        assert_eq!(out[1], [hash(Template::Gazetteer, "B-LOC")]);
        assert!(out[0].is_empty() && out[2].is_empty());
    }
}
