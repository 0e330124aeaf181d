//! Matching several annotators' corpora document by document, by id.

use std::collections::HashMap;

use crate::model::{Corpus, Document};

/// Why corpora cannot be compared.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AlignError {
    /// Agreement needs at least two annotators.
    #[error("agreement needs at least two corpora, got {0}")]
    TooFew(usize),
    /// The same document id holds different texts, so offsets cannot be compared.
    #[error(
        "document {id:?} has a different text in corpus {other} than in corpus {first}: first difference at code point {offset}"
    )]
    TextDiffers {
        /// The document id.
        id: String,
        /// Index of the first corpus holding the document.
        first: usize,
        /// Index of the corpus whose text differs.
        other: usize,
        /// First code point at which the texts differ (the shorter length if one is a prefix).
        offset: usize,
    },
}

/// A document held by only some of the corpora.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PartialDocument {
    /// The document id.
    pub id: String,
    /// Indices of the corpora that hold it.
    pub present_in: Vec<usize>,
}

/// The corpora's documents lined up: the common ones with every annotator's version.
#[derive(Debug)]
pub struct Alignment<'a> {
    /// For each document held by every corpus (in the first corpus's order), one version per corpus.
    pub common: Vec<Vec<&'a Document>>,
    /// Documents missing from at least one corpus, in order of first appearance.
    pub partial: Vec<PartialDocument>,
}

/// Code-point offset of the first difference between two strings, `None` if equal.
pub(crate) fn first_difference(a: &str, b: &str) -> Option<usize> {
    let mut ca = a.chars();
    let mut cb = b.chars();
    let mut offset = 0;
    loop {
        match (ca.next(), cb.next()) {
            (None, None) => return None,
            (x, y) if x == y => offset += 1,
            _ => return Some(offset),
        }
    }
}

/// Lines up the documents of `corpora` by id.
///
/// # Errors
/// [`AlignError::TooFew`] for fewer than two corpora; [`AlignError::TextDiffers`] naming the
/// first document whose text is not the same in every corpus that holds it.
pub fn align(corpora: &[Corpus]) -> Result<Alignment<'_>, AlignError> {
    if corpora.len() < 2 {
        return Err(AlignError::TooFew(corpora.len()));
    }
    let mut order: Vec<&str> = Vec::new();
    let mut versions: HashMap<&str, Vec<Option<&Document>>> = HashMap::new();
    for (c, corpus) in corpora.iter().enumerate() {
        for doc in &corpus.documents {
            let slot = versions.entry(doc.id.as_str()).or_insert_with(|| {
                order.push(doc.id.as_str());
                vec![None; corpora.len()]
            });
            if let Some((first, earlier)) =
                slot.iter().enumerate().find_map(|(i, d)| d.map(|d| (i, d)))
                && earlier.text() != doc.text()
            {
                return Err(AlignError::TextDiffers {
                    id: doc.id.clone(),
                    first,
                    other: c,
                    offset: first_difference(earlier.text(), doc.text()).unwrap_or(0),
                });
            }
            slot[c] = Some(doc);
        }
    }
    let mut alignment = Alignment {
        common: Vec::new(),
        partial: Vec::new(),
    };
    for id in order {
        let slot = &versions[id];
        if let Some(all) = slot.iter().copied().collect::<Option<Vec<_>>>() {
            alignment.common.push(all);
        } else {
            alignment.partial.push(PartialDocument {
                id: id.to_owned(),
                present_in: (0..slot.len()).filter(|&i| slot[i].is_some()).collect(),
            });
        }
    }
    Ok(alignment)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus(docs: &[(&str, &str)]) -> Corpus {
        Corpus {
            documents: docs.iter().map(|(id, t)| Document::new(*id, *t)).collect(),
            ..Corpus::default()
        }
    }

    #[test]
    fn common_documents_are_matched_by_id_whatever_their_order() {
        let a = corpus(&[("d1", "أكد الكرملين"), ("d2", "زار موسكو"), ("d3", "نص")]);
        let b = corpus(&[("d2", "زار موسكو"), ("d1", "أكد الكرملين")]);
        let corpora = [a, b];
        let al = align(&corpora).unwrap();
        let ids: Vec<_> = al.common.iter().map(|v| (&v[0].id, &v[1].id)).collect();
        assert_eq!(
            ids,
            [
                (&"d1".to_owned(), &"d1".to_owned()),
                (&"d2".to_owned(), &"d2".to_owned())
            ]
        );
        assert_eq!(
            al.partial,
            [PartialDocument {
                id: "d3".into(),
                present_in: vec![0]
            }]
        );
    }

    #[test]
    fn differing_text_names_the_document_and_first_code_point() {
        // The second file has guillemets where the first has curly quotes, from offset 4.
        let a = corpus(&[("d1", "أكد “الكرملين”")]);
        let b = corpus(&[("d1", "أكد «الكرملين»")]);
        let err = align(&[a, b]).unwrap_err();
        assert_eq!(
            err,
            AlignError::TextDiffers {
                id: "d1".into(),
                first: 0,
                other: 1,
                offset: 4
            }
        );
        assert!(err.to_string().contains("\"d1\""));
    }

    #[test]
    fn one_corpus_is_not_enough() {
        assert_eq!(align(&[corpus(&[])]).unwrap_err(), AlignError::TooFew(1));
    }
}
