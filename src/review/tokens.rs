//! Token-level labels: each token of [`crate::tokenize::tokenize`] gets one label per annotator.
//!
//! A token takes the label of the innermost span that overlaps it (shares a code point):
//! the shortest, ties broken by earlier start, then label name. A token no span overlaps gets
//! category 0, `O`. Innermost keeps the specific label: موسكو inside "السفارة الأميركية في
//! موسكو" is LOC, not ORG.

use crate::model::Span;
use crate::tokenize::Token;

/// The category of each token: 0 for `O`, else 1 + the label's index.
pub fn token_labels(
    tokens: &[Token],
    spans: &[Span],
    label_index: &impl Fn(&str) -> usize,
) -> Vec<usize> {
    let mut best: Vec<Option<(usize, usize, &str)>> = vec![None; tokens.len()];
    for s in spans {
        let key = (s.range.len(), s.range.start(), s.label.as_str());
        let first = tokens.partition_point(|t| t.range.end() <= s.range.start());
        for slot in best[first..]
            .iter_mut()
            .zip(&tokens[first..])
            .take_while(|(_, t)| t.range.start() < s.range.end())
            .map(|(b, _)| b)
        {
            if slot.is_none_or(|k| key < k) {
                *slot = Some(key);
            }
        }
    }
    best.iter()
        .map(|k| k.map_or(0, |(_, _, label)| 1 + label_index(label)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CharRange;
    use crate::tokenize::tokenize;

    fn index(name: &str) -> usize {
        ["PER", "ORG", "LOC"]
            .iter()
            .position(|l| *l == name)
            .expect("known label")
    }

    fn span(start: usize, end: usize, label: &str) -> Span {
        Span::new(CharRange::new(start, end).expect("ordered"), label)
    }

    #[test]
    fn nested_span_gives_its_label_to_its_tokens() {
        let text = "قالت السفارة الأميركية في موسكو اليوم";
        let tokens = tokenize(text);
        assert_eq!(tokens.len(), 6);
        let spans = [span(5, 31, "ORG"), span(26, 31, "LOC")];
        assert_eq!(token_labels(&tokens, &spans, &index), [0, 2, 2, 2, 3, 0]);
        // Span order does not matter.
        let reversed = [spans[1].clone(), spans[0].clone()];
        assert_eq!(token_labels(&tokens, &reversed, &index), [0, 2, 2, 2, 3, 0]);
    }

    #[test]
    fn quotes_are_tokens_of_their_own() {
        // الكرملين with and without its quotes: the word token is ORG either way,
        // the quote tokens only when the span covers them.
        let text = "أكد “الكرملين” ذلك";
        let tokens = tokenize(text);
        assert_eq!(tokens.len(), 5);
        assert_eq!(
            token_labels(&tokens, &[span(5, 13, "ORG")], &index),
            [0, 0, 2, 0, 0]
        );
        assert_eq!(
            token_labels(&tokens, &[span(4, 14, "ORG")], &index),
            [0, 2, 2, 2, 0]
        );
    }

    #[test]
    fn a_span_inside_a_word_labels_the_whole_token() {
        // لروسيا with the span on روسيا only: the token overlaps the span.
        let text = "زار لروسيا";
        let tokens = tokenize(text);
        assert_eq!(token_labels(&tokens, &[span(5, 10, "LOC")], &index), [0, 3]);
    }
}
