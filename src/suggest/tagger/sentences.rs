//! From documents to tagged token sequences and back: sentences of words, BIO tags with a
//! proclitic variant, and spans decoded from tags.
//!
//! The tagger works on whole words (`crate::tokenize::tokenize`), the same at training and
//! tagging time. A span that starts after a word's proclitics (روسيا in لروسيا) is tagged
//! `P-LABEL` on that word instead of `B-LABEL`; decoding cuts the word where training spans
//! were cut most often.

use std::collections::HashMap;

use crate::annotate::search::fold_word as folded;
use crate::model::textindex::is_grapheme_boundary;
use crate::model::{CharRange, Document};
use crate::tokenize::{TokenKind, is_proclitic_prefix, tokenize_with_clitics_located};

/// Sentences of one pseudo-document are grouped by this many for document-level features
/// (name propagation) and the training lexicon's folds: long documents (a whole CoNLL file)
/// are cut into article-sized runs. Cross-validation does not use these groups: its folds
/// are contiguous documents ([`super::folds`]).
pub const GROUP_SENTENCES: usize = 20;

/// The tag "outside any span"; always tag 0.
pub const OUTSIDE: &str = "O";

/// A run of words tagged as one sequence.
#[derive(Debug, Clone)]
pub struct Sentence {
    /// Index of its document among those given.
    pub doc: usize,
    /// Its group (run of [`GROUP_SENTENCES`] sentences of one document), numbered over all.
    pub group: usize,
    /// The words' code points in the document.
    pub ranges: Vec<CharRange>,
    /// The words.
    pub words: Vec<String>,
    /// Gold tags by name (training only; empty otherwise).
    pub gold: Vec<String>,
}

/// The index ranges of `sents` that make its groups ([`Sentence::group`]), in order.
pub fn groups(sents: &[Sentence]) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let mut start = 0;
    std::iter::from_fn(move || {
        let group = sents.get(start)?.group;
        let end = sents[start..]
            .iter()
            .position(|s| s.group != group)
            .map_or(sents.len(), |n| start + n);
        let range = start..end;
        start = end;
        Some(range)
    })
}

/// What reading the training spans found: tags, cut prefixes and spans no tag can hold.
#[derive(Debug, Default)]
pub struct GoldStats {
    /// How often each (folded) proclitic run preceded a span's start inside a word.
    pub cuts: HashMap<String, u32>,
    /// Spans skipped: overlapping another, or starting inside a word after no proclitic.
    pub unrepresentable: usize,
}

/// Splits documents into sentences; with `gold`, tags each word from the document's spans.
///
/// Sentences end at line breaks and after `.`, `!`, `?`, `؟`, never inside a span.
pub fn sentences(docs: &[&Document], gold: Option<&mut GoldStats>) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut group = 0;
    let mut stats = gold;
    for (d, doc) in docs.iter().enumerate() {
        let text = doc.text();
        let tokens = tokenize_with_clitics_located(text, &[]);
        let tags = match stats.as_deref_mut() {
            Some(stats) => gold_tags(doc, &tokens, stats),
            None => Vec::new(),
        };
        let mut in_group = 0;
        let mut current = Sentence {
            doc: d,
            group,
            ranges: Vec::new(),
            words: Vec::new(),
            gold: Vec::new(),
        };
        for (i, (token, bytes)) in tokens.iter().enumerate() {
            let word = &text[bytes.clone()];
            current.ranges.push(token.range);
            current.words.push(word.to_owned());
            if let Some(tag) = tags.get(i) {
                current.gold.push(tag.clone());
            }
            let next_continues = tags
                .get(i + 1)
                .is_some_and(|t| !t.starts_with("B-") && t != OUTSIDE);
            if i + 1 == tokens.len() || (ends_sentence(text, &tokens, i) && !next_continues) {
                let next = Sentence {
                    doc: d,
                    group,
                    ranges: Vec::new(),
                    words: Vec::new(),
                    gold: Vec::new(),
                };
                out.push(std::mem::replace(&mut current, next));
                in_group += 1;
                if in_group == GROUP_SENTENCES {
                    in_group = 0;
                    group += 1;
                    current.group = group;
                }
            }
        }
        if in_group > 0 {
            group += 1;
        }
    }
    out
}

/// Whether token `i` of `text` may end a sentence: a line break follows it, or it is a full
/// stop (`.`, `!`, `?`, `؟`). The tagger and the word clusters cut text the same way.
pub fn ends_sentence(
    text: &str,
    tokens: &[(crate::tokenize::Token, std::ops::Range<usize>)],
    i: usize,
) -> bool {
    let (token, bytes) = &tokens[i];
    let line_break = tokens
        .get(i + 1)
        .is_some_and(|(_, next)| text[bytes.end..next.start].contains('\n'));
    line_break
        || (token.kind == TokenKind::Punct && matches!(&text[bytes.clone()], "." | "!" | "?" | "؟"))
}

/// Gold tags of every token of `doc`: spans in order, overlapping ones skipped.
fn gold_tags(
    doc: &Document,
    tokens: &[(crate::tokenize::Token, std::ops::Range<usize>)],
    stats: &mut GoldStats,
) -> Vec<String> {
    let mut tags = vec![OUTSIDE.to_owned(); tokens.len()];
    let mut taken_until = 0;
    let text = doc.text();
    for span in doc.spans() {
        let (start, end) = (span.range.start(), span.range.end());
        if start < taken_until {
            stats.unrepresentable += 1;
            continue;
        }
        // The token holding the span's first code point, and the one holding its last.
        let first = tokens.partition_point(|(t, _)| t.range.end() <= start);
        let last = tokens.partition_point(|(t, _)| t.range.end() < end);
        if first >= tokens.len() || last >= tokens.len() || tokens[first].0.range.start() >= end {
            stats.unrepresentable += 1;
            continue;
        }
        let (token, bytes) = &tokens[first];
        let begin = if token.range.start() >= start {
            "B"
        } else {
            let cut = start - token.range.start();
            let word = &text[bytes.clone()];
            let byte = word.char_indices().nth(cut).map_or(word.len(), |(b, _)| b);
            if !is_proclitic_prefix(&word[..byte]) {
                stats.unrepresentable += 1;
                continue;
            }
            *stats.cuts.entry(folded(&word[..byte])).or_default() += 1;
            "P"
        };
        tags[first] = format!("{begin}-{}", span.label);
        for tag in &mut tags[first + 1..=last] {
            *tag = format!("I-{}", span.label);
        }
        taken_until = tokens[last].0.range.end().max(end);
    }
    tags
}

/// Where to cut `word` (a token tagged `P-`): after the proclitic run seen most often before a
/// training span's start, else after the longest run that does not end in the article (the
/// article belongs to the name: و + الكرملين), else not at all. In code points.
#[allow(clippy::implicit_hasher)] // the model's own map type
pub fn cut_offset(word: &str, cuts: &HashMap<String, u32>) -> usize {
    let mut best: Option<(u32, usize, usize)> = None;
    for (byte, _) in word.char_indices().skip(1) {
        let prefix = &word[..byte];
        if !is_grapheme_boundary(word, byte) || !is_proclitic_prefix(prefix) {
            continue;
        }
        let seen = cuts.get(&folded(prefix)).copied().unwrap_or(0);
        let bare = folded(prefix);
        let keeps_article = !bare.ends_with("ال");
        let chars = prefix.chars().count();
        let rank = (seen, usize::from(keeps_article), chars);
        if best.is_none_or(|b| rank > b) {
            best = Some(rank);
        }
    }
    best.map_or(0, |(_, _, chars)| chars)
}

/// A span decoded from tags: words `first..=last` of a sentence, its label, and whether it
/// starts after the first word's proclitics.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaggedSpan {
    /// Index of its first word.
    pub first: usize,
    /// Index of its last word.
    pub last: usize,
    /// The label.
    pub label: String,
    /// Tagged `P-`: the span starts after the first word's proclitics.
    pub after_clitics: bool,
}

/// The spans a tag sequence spells (an `I-` that continues nothing begins a span, as
/// conlleval reads it).
pub fn decode<'a>(tags: impl IntoIterator<Item = &'a str>) -> Vec<TaggedSpan> {
    let mut spans: Vec<TaggedSpan> = Vec::new();
    let mut open = false;
    for (i, tag) in tags.into_iter().enumerate() {
        let Some((kind, label)) = tag.split_once('-') else {
            open = false;
            continue;
        };
        if kind == "I"
            && open
            && let Some(last) = spans.last_mut()
            && last.label == label
            && last.last + 1 == i
        {
            last.last = i;
            continue;
        }
        spans.push(TaggedSpan {
            first: i,
            last: i,
            label: label.to_owned(),
            after_clitics: kind == "P",
        });
        open = true;
    }
    spans
}

/// The code points of a decoded span in its sentence's document.
#[allow(clippy::implicit_hasher)] // the model's own map type
pub fn span_range(
    sentence: &Sentence,
    span: &TaggedSpan,
    cuts: &HashMap<String, u32>,
) -> CharRange {
    let first = sentence.ranges[span.first];
    let mut start = first.start();
    if span.after_clitics {
        let cut = cut_offset(&sentence.words[span.first], cuts);
        start += cut;
        if start >= first.end() {
            start = first.start();
        }
    }
    CharRange::between(start, sentence.ranges[span.last].end())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    #[test]
    fn spans_after_proclitics_are_tagged_p_and_cut_back_where_they_were() {
        let mut doc = Document::new("d", "زار لروسيا وفلاديمير بوتين.\nثم عاد");
        doc.add_span(Span::new(CharRange::between(5, 10), "LOC"))
            .unwrap();
        doc.add_span(Span::new(CharRange::between(12, 26), "PER"))
            .unwrap();
        let mut stats = GoldStats::default();
        let s = sentences(&[&doc], Some(&mut stats));
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].gold, ["O", "P-LOC", "P-PER", "I-PER", "O"]);
        assert_eq!(s[1].words, ["ثم", "عاد"]);
        assert_eq!(stats.cuts.get("ل"), Some(&1));
        let spans = decode(s[0].gold.iter().map(String::as_str));
        let ranges: Vec<_> = spans
            .iter()
            .map(|sp| span_range(&s[0], sp, &stats.cuts))
            .collect();
        assert_eq!(
            ranges,
            [CharRange::between(5, 10), CharRange::between(12, 26)]
        );
    }

    #[test]
    fn cut_defaults_keep_the_article_with_the_name() {
        let none = HashMap::new();
        assert_eq!(cut_offset("والكرملين", &none), 1);
        assert_eq!(cut_offset("وللكرملين", &none), 3);
        assert_eq!(cut_offset("لروسيا", &none), 1);
        assert_eq!(cut_offset("بريطانيا", &none), 1);
        assert_eq!(cut_offset("روسيا", &none), 0);
        let mut seen = HashMap::new();
        seen.insert("وال".to_owned(), 3);
        assert_eq!(cut_offset("والكرملين", &seen), 3);
    }

    #[test]
    fn decode_reads_i_without_b_as_a_start() {
        let spans = decode(["I-PER", "I-PER", "O", "B-LOC", "I-ORG", "P-LOC"]);
        let got: Vec<_> = spans
            .iter()
            .map(|s| (s.first, s.last, s.label.as_str()))
            .collect();
        assert_eq!(
            got,
            [(0, 1, "PER"), (3, 3, "LOC"), (4, 4, "ORG"), (5, 5, "LOC")]
        );
        assert!(spans[3].after_clitics);
    }
}
