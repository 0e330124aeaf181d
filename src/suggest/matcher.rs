//! The string matcher: proposes every other mention of a name the annotators labelled.
//!
//! It learns surface forms (the tokens of labelled spans, and gazetteer names) with the
//! label votes each got, and finds them again with the search's Arabic folding
//! ([`fold_word`]: harakat, tatweel, alef forms, ى/ي, ة/ه) and after one-letter proclitics
//! (و ف ب ل ك and pairs such as وب, ول): a learned روسيا finds لروسيا, the span starting
//! after the ل. Matches are whole tokens; the longest wins; the score is the share of the
//! proposed label among the form's votes.
//!
//! Lookup is by token: a map from a form's folded first token to the forms that start with
//! it, so a document costs one pass over its tokens whatever the number of forms.

use std::collections::{BTreeMap, HashMap};

use super::gazetteer::Gazetteer;
use super::{Prediction, Recommender};
use crate::annotate::search::fold_word;
use crate::model::textindex::is_grapheme_boundary;
use crate::model::{CharRange, Corpus, Document};
use crate::tokenize::{is_proclitic_prefix, tokenize_with_clitics_located};

/// The name suggestions from the matcher carry as their `source`.
pub const SOURCE: &str = "matcher";

/// Proclitics are at most a conjunction and a preposition: two letters (with their marks).
const MAX_PROCLITIC_LETTERS: usize = 2;

/// A learned form: its folded tokens and how often each label was given to it.
#[derive(Debug, Clone, Default)]
struct Form {
    tokens: Vec<String>,
    votes: BTreeMap<String, u32>,
}

impl Form {
    /// The label most votes gave (the first by name on a tie) and its share of the votes.
    fn best(&self) -> Option<(&str, f32)> {
        let total: u32 = self.votes.values().sum();
        let (label, &count) = self
            .votes
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))?;
        #[allow(clippy::cast_precision_loss)]
        let share = count as f32 / total.max(1) as f32;
        Some((label.as_str(), share))
    }
}

/// Surface forms learned from labelled spans and gazetteers, looked up by folded first token.
#[derive(Debug, Clone, Default)]
pub struct Matcher {
    forms: Vec<Form>,
    /// A form's folded tokens, joined by a space, to its index in `forms`.
    by_tokens: HashMap<String, usize>,
    /// Folded first token to the forms starting with it, most tokens first.
    by_first: HashMap<String, Vec<usize>>,
}

/// The folded tokens of a name, as the matcher compares them.
fn folded_tokens(text: &str) -> Vec<String> {
    tokenize_with_clitics_located(text, &[])
        .into_iter()
        .map(|(_, bytes)| fold_word(&text[bytes]))
        .filter(|t| !t.is_empty())
        .collect()
}

/// Whether the start of a token may be cut off as proclitics: one or two of و ف ب ل ك, in
/// the order Arabic puts them (a conjunction, then a preposition). The article is not cut:
/// annotated names keep it (الكرملين), and cutting it would turn العمر into the name عمر.
fn strippable(prefix: &str) -> bool {
    let letters = prefix
        .chars()
        .filter(|c| !matches!(*c, '\u{064B}'..='\u{065F}' | '\u{0670}'))
        .count();
    letters <= MAX_PROCLITIC_LETTERS && !prefix.contains("ال") && is_proclitic_prefix(prefix)
}

impl Matcher {
    /// A matcher that learned every span of the corpus (never its suggestions: only what an
    /// annotator made or accepted teaches it).
    pub fn from_corpus(corpus: &Corpus) -> Self {
        let mut matcher = Self::default();
        matcher.learn_corpus(corpus);
        matcher
    }

    /// Learns every span of every document of the corpus.
    pub fn learn_corpus(&mut self, corpus: &Corpus) {
        for doc in &corpus.documents {
            for span in doc.spans() {
                self.learn(doc.span_text(span), &span.label);
            }
        }
    }

    /// Learns every name of a gazetteer, one vote each.
    pub fn learn_gazetteer(&mut self, gazetteer: &Gazetteer) {
        for entry in &gazetteer.entries {
            self.learn(&entry.name, &entry.label);
        }
    }

    /// Learns that `surface` is a `label` (one vote). Text with no token teaches nothing.
    pub fn learn(&mut self, surface: &str, label: &str) {
        let tokens = folded_tokens(surface);
        let Some(first) = tokens.first().cloned() else {
            return;
        };
        let key = tokens.join(" ");
        let index = if let Some(&i) = self.by_tokens.get(&key) {
            i
        } else {
            {
                let i = self.forms.len();
                self.forms.push(Form {
                    tokens,
                    votes: BTreeMap::new(),
                });
                self.by_tokens.insert(key, i);
                let list = self.by_first.entry(first).or_default();
                list.push(i);
                let forms = &self.forms;
                list.sort_by_key(|&f| std::cmp::Reverse(forms[f].tokens.len()));
                i
            }
        };
        *self.forms[index].votes.entry(label.to_owned()).or_default() += 1;
    }

    /// How many distinct forms the matcher knows.
    pub fn len(&self) -> usize {
        self.forms.len()
    }

    /// Whether the matcher knows no form.
    pub fn is_empty(&self) -> bool {
        self.forms.is_empty()
    }

    /// Every mention of a learned form in the text, as predictions on grapheme boundaries,
    /// in text order. A match equal to a span the document already has proposes nothing and
    /// does not hide the names nested in it (a labelled السفارة الأميركية في موسكو still lets
    /// its موسكو be proposed).
    pub fn predict(&self, doc: &Document) -> Vec<Prediction> {
        if self.forms.is_empty() {
            return Vec::new();
        }
        let text = doc.text();
        let tokens = tokenize_with_clitics_located(text, &[]);
        let folded: Vec<String> = tokens
            .iter()
            .map(|(_, bytes)| fold_word(&text[bytes.clone()]))
            .collect();
        let mut out = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            match self.longest_at(text, &tokens, &folded, i) {
                Some((range, form, n)) => {
                    let Some((label, score)) = self.forms[form].best() else {
                        i += 1;
                        continue;
                    };
                    if doc.find_span(range, label).is_some() {
                        i += 1;
                    } else {
                        out.push(Prediction {
                            range,
                            label: label.to_owned(),
                            score,
                        });
                        i += n;
                    }
                }
                None => i += 1,
            }
        }
        out
    }

    /// The longest form matching from token `i` (whole, or after proclitics): its range, its
    /// index and how many tokens it covers.
    fn longest_at(
        &self,
        text: &str,
        tokens: &[(crate::tokenize::Token, std::ops::Range<usize>)],
        folded: &[String],
        i: usize,
    ) -> Option<(CharRange, usize, usize)> {
        let (token, bytes) = &tokens[i];
        let word = &text[bytes.clone()];
        let mut best: Option<(CharRange, usize, usize)> = None;
        // The whole token first, then with one or two letters cut off.
        let mut cuts = vec![(0usize, 0usize, folded[i].clone())];
        for (chars, (b, _)) in word.char_indices().enumerate().skip(1).take(4) {
            if strippable(&word[..b]) && is_grapheme_boundary(text, bytes.start + b) {
                cuts.push((chars, b, fold_word(&word[b..])));
            }
        }
        for (chars, _, first) in cuts {
            let Some(candidates) = self.by_first.get(&first) else {
                continue;
            };
            for &f in candidates {
                let form = &self.forms[f];
                let n = form.tokens.len();
                if i + n > tokens.len()
                    || form.tokens[1..]
                        .iter()
                        .zip(&folded[i + 1..i + n])
                        .any(|(a, b)| a != b)
                {
                    continue;
                }
                let range = CharRange::between(
                    token.range.start() + chars,
                    tokens[i + n - 1].0.range.end(),
                );
                if best.is_none_or(|(r, _, m)| n > m || (n == m && range.len() > r.len())) {
                    best = Some((range, f, n));
                }
                // Candidates come longest first: the first that fits is this cut's longest.
                break;
            }
        }
        best
    }
}

impl Recommender for Matcher {
    fn source(&self) -> &str {
        SOURCE
    }

    fn predict(&self, doc: &Document) -> Vec<Prediction> {
        Self::predict(self, doc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Span, Suggestion};

    fn texts(doc: &Document, predictions: &[Prediction]) -> Vec<(String, String)> {
        predictions
            .iter()
            .map(|p| (doc.slice(p.range).to_owned(), p.label.clone()))
            .collect()
    }

    fn matcher(names: &[(&str, &str)]) -> Matcher {
        let mut m = Matcher::default();
        for (name, label) in names {
            m.learn(name, label);
        }
        m
    }

    #[test]
    fn folding_ignores_harakat_tatweel_and_letter_variants() {
        let m = matcher(&[
            ("أوكرانيا", "LOC"),
            ("مدرسة الرياض", "ORG"),
            ("مصطفى", "PER"),
        ]);
        let doc = Document::new(
            "d",
            "زار اوكرانيا ثم إوكرانيـا، وزار مَدْرَسَه الرياض مع مصطفي و Reuters",
        );
        assert_eq!(
            texts(&doc, &m.predict(&doc)),
            [
                ("اوكرانيا".to_owned(), "LOC".to_owned()),
                ("إوكرانيـا".to_owned(), "LOC".to_owned()),
                ("مَدْرَسَه الرياض".to_owned(), "ORG".to_owned()),
                ("مصطفي".to_owned(), "PER".to_owned()),
            ]
        );
    }

    #[test]
    fn proclitics_are_cut_off_and_only_whole_tokens_match() {
        let m = matcher(&[("روسيا", "LOC"), ("عمر", "PER"), ("الكرملين", "ORG")]);
        let doc = Document::new(
            "d",
            "لروسيا وبروسيا فروسيا روسياتنا العمر عمرو لعمر والكرملين وللكرملين كروسيا",
        );
        let found = texts(&doc, &m.predict(&doc));
        let names: Vec<&str> = found.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            names,
            ["روسيا", "روسيا", "روسيا", "عمر", "الكرملين", "روسيا"],
            "not inside روسياتنا, عمرو or العمر; the article is not a proclitic to cut"
        );
        let first = &m.predict(&doc)[0];
        assert_eq!(
            (first.range.start(), first.range.end()),
            (1, 6),
            "after the lam"
        );
    }

    #[test]
    fn the_longest_match_wins_and_labelled_outer_spans_do_not_hide_nested_names() {
        let m = matcher(&[
            ("بوتين", "PER"),
            ("فلاديمير بوتين", "PER"),
            ("موسكو", "LOC"),
            ("السفارة الأميركية في موسكو", "ORG"),
        ]);
        let mut doc = Document::new(
            "d",
            "قال فلاديمير بوتين إن بوتين زار السفارة الأميركية في موسكو وموسكو",
        );
        let found = texts(&doc, &m.predict(&doc));
        let names: Vec<&str> = found.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            names,
            [
                "فلاديمير بوتين",
                "بوتين",
                "السفارة الأميركية في موسكو",
                "موسكو"
            ]
        );
        // Once the embassy is a span, its موسكو is proposed.
        doc.add_span(Span::new(CharRange::new(32, 58).unwrap(), "ORG"))
            .unwrap();
        let found = texts(&doc, &m.predict(&doc));
        let names: Vec<&str> = found.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(names, ["فلاديمير بوتين", "بوتين", "موسكو", "موسكو"]);
    }

    #[test]
    fn the_score_is_the_share_of_the_winning_label() {
        let m = matcher(&[
            ("واشنطن", "LOC"),
            ("واشنطن", "LOC"),
            ("واشنطن", "ORG"),
            ("واشنطن", "LOC"),
        ]);
        let doc = Document::new("d", "قالت واشنطن");
        let p = m.predict(&doc);
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].label, "LOC");
        assert!((p[0].score - 0.75).abs() < 1e-6);
    }

    #[test]
    fn it_learns_from_spans_never_from_unaccepted_suggestions() {
        let mut corpus = Corpus::with_default_labels();
        let mut doc = Document::new("d", "زار بوتين أنقرة ثم بوتين أنقرة");
        doc.add_span(Span::new(CharRange::new(4, 9).unwrap(), "PER"))
            .unwrap();
        doc.add_suggestion(Suggestion::new(
            CharRange::new(10, 15).unwrap(),
            "LOC",
            0.9,
            "tagger",
        ))
        .unwrap();
        corpus.documents.push(doc);
        let m = Matcher::from_corpus(&corpus);
        assert_eq!(m.len(), 1);
        let p = m.predict(&corpus.documents[0]);
        let names = texts(&corpus.documents[0], &p);
        assert_eq!(names, [("بوتين".to_owned(), "PER".to_owned())]);
        assert_eq!(
            p[0].range.start(),
            19,
            "the labelled one is not proposed again"
        );
    }
}
