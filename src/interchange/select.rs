//! Which documents and spans go into an export, and how they are split into train/dev/test.

use std::str::FromStr;

use crate::model::{Corpus, Document, Status};

/// Which documents and spans to export.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Keep only documents with one of these statuses; all when empty.
    pub statuses: Vec<Status>,
    /// Keep only this annotator's spans, and only documents where they made at least one.
    pub annotator: Option<String>,
}

impl Filter {
    /// The documents of `corpus` that pass, as [`Filter::apply`] gives them, taken out of
    /// `corpus` (which keeps its labels and annotators): a filter that keeps everything then
    /// copies no text.
    pub fn take(&self, corpus: &mut Corpus) -> Vec<Document> {
        if self.statuses.is_empty() && self.annotator.is_none() {
            std::mem::take(&mut corpus.documents)
        } else {
            let documents = self.apply(corpus);
            corpus.documents.clear();
            documents
        }
    }

    /// The documents of `corpus` that pass, with only the spans that pass.
    pub fn apply(&self, corpus: &Corpus) -> Vec<Document> {
        corpus
            .documents
            .iter()
            .filter(|d| self.statuses.is_empty() || self.statuses.contains(&d.status))
            .filter_map(|d| {
                let Some(who) = &self.annotator else {
                    return Some(d.clone());
                };
                let mut doc = d.clone();
                // Remove from the back so indices stay valid.
                for i in (0..doc.spans().len()).rev() {
                    if corpus.annotator_of(&doc.spans()[i]) != Some(who.as_str()) {
                        doc.remove_span(i);
                    }
                }
                (!doc.spans().is_empty()).then_some(doc)
            })
            .collect()
    }
}

/// Percentages of a train/dev/test (or train/test) split, e.g. `80/10/10`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split {
    parts: Vec<(&'static str, u32)>,
}

impl FromStr for Split {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let numbers: Vec<u32> = s
            .split('/')
            .map(|p| p.trim().parse::<u32>())
            .collect::<Result<_, _>>()
            .map_err(|_| format!("split {s:?} is not of the form 80/10/10"))?;
        let names: &[&'static str] = match numbers.len() {
            2 => &["train", "test"],
            3 => &["train", "dev", "test"],
            _ => {
                return Err(format!(
                    "split {s:?} needs 2 or 3 parts (train/test or train/dev/test)"
                ));
            }
        };
        if numbers.iter().sum::<u32>() != 100 {
            return Err(format!("split {s:?} does not add up to 100"));
        }
        Ok(Self {
            parts: names.iter().copied().zip(numbers).collect(),
        })
    }
}

impl Split {
    /// Divides documents into the named parts: a shuffle fixed by `seed` and the document ids
    /// (not by their order in the file), then cuts at the percentages, rounding down except
    /// for the last part, which takes the rest.
    pub fn apply(
        &self,
        mut documents: Vec<Document>,
        seed: u64,
    ) -> Vec<(&'static str, Vec<Document>)> {
        documents.sort_by_cached_key(|d| (stable_hash(seed, &d.id), d.id.clone()));
        let total = documents.len();
        let mut out = Vec::with_capacity(self.parts.len());
        let mut rest = documents.into_iter();
        for (i, &(name, percent)) in self.parts.iter().enumerate() {
            let take = if i + 1 == self.parts.len() {
                usize::MAX
            } else {
                total * percent as usize / 100
            };
            out.push((name, rest.by_ref().take(take).collect()));
        }
        out
    }
}

/// FNV-1a then a splitmix64 finish: stable across Rust versions and platforms, unlike `DefaultHasher`.
fn stable_hash(seed: u64, id: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ seed;
    for b in id.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h = (h ^ (h >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h = (h ^ (h >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CharRange, Span};

    fn corpus() -> Corpus {
        let mut corpus = Corpus::with_default_labels();
        corpus.annotator = Some("amal".into());
        for i in 0..50 {
            let mut doc = Document::new(format!("مقال-{i}"), "زار بوتين موسكو");
            doc.status = Status::ALL[i % 4];
            doc.add_span(Span::new(CharRange::new(4, 9).unwrap(), "PER"))
                .unwrap();
            let mut loc = Span::new(CharRange::new(10, 15).unwrap(), "LOC");
            if i % 2 == 0 {
                loc.annotator = Some("omar".into());
            }
            doc.add_span(loc).unwrap();
            corpus.documents.push(doc);
        }
        corpus
    }

    #[test]
    fn status_and_annotator_filters_keep_only_matching_work() {
        let corpus = corpus();
        let filter = Filter {
            statuses: vec![Status::Done, Status::Reviewed],
            annotator: Some("omar".into()),
        };
        let docs = filter.apply(&corpus);
        // Done and reviewed are i % 4 in {2, 3}; omar's spans only on even i: i % 4 == 2.
        assert_eq!(docs.len(), 12);
        for d in &docs {
            assert_eq!(d.status, Status::Done);
            assert_eq!(d.spans().len(), 1);
            assert_eq!(d.span_text(&d.spans()[0]), "موسكو");
        }
    }

    #[test]
    fn taking_gives_what_applying_gives_and_keeps_the_labels() {
        let everything = Filter::default();
        let done = Filter {
            statuses: vec![Status::Done],
            annotator: Some("omar".into()),
        };
        for filter in [everything, done] {
            let mut taken_from = corpus();
            let taken = filter.take(&mut taken_from);
            assert_eq!(taken, filter.apply(&corpus()));
            assert!(taken_from.documents.is_empty());
            assert_eq!(taken_from.labels, corpus().labels);
        }
    }

    #[test]
    fn split_is_stable_for_a_seed_and_covers_every_document_once() {
        let docs = corpus().documents;
        let split: Split = "80/10/10".parse().unwrap();
        let a = split.apply(docs.clone(), 7);
        let mut reversed = docs.clone();
        reversed.reverse();
        let b = split.apply(reversed, 7);
        let ids = |parts: &[(&str, Vec<Document>)]| -> Vec<Vec<String>> {
            parts
                .iter()
                .map(|(_, d)| d.iter().map(|d| d.id.clone()).collect())
                .collect()
        };
        assert_eq!(ids(&a), ids(&b), "file order does not matter");
        assert_eq!(
            a.iter().map(|(_, d)| d.len()).collect::<Vec<_>>(),
            [40, 5, 5]
        );
        assert_eq!(
            a.iter().map(|(n, _)| *n).collect::<Vec<_>>(),
            ["train", "dev", "test"]
        );
        let mut all: Vec<String> = ids(&a).concat();
        all.sort();
        all.dedup();
        assert_eq!(all.len(), 50);
        assert_ne!(
            ids(&a),
            ids(&split.apply(docs, 8)),
            "another seed shuffles differently"
        );
    }

    #[test]
    fn bad_splits_are_refused() {
        for bad in ["80/10", "80/10/5", "a/b/c", "100"] {
            assert!(bad.parse::<Split>().is_err(), "{bad}");
        }
        assert!("90/10".parse::<Split>().is_ok());
    }
}
