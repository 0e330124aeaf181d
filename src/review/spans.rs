//! Span-level comparison of two annotators: exact and partial matches, label confusion.
//!
//! Exact: same range and label. Partial: a one-to-one matching of same-label spans that
//! overlap by at least one code point, of maximum size (so the count does not depend on span
//! order). Spans left over are then matched one-to-one with overlapping spans of another
//! label (the confusion); spans still unmatched are the ones the other annotator lacks.

use crate::model::Span;

/// Counts for one label between a reference and another annotator.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SpanCounts {
    /// Spans of the reference.
    pub reference: u64,
    /// Spans of the other annotator.
    pub other: u64,
    /// Spans with the same range and label in both.
    pub exact: u64,
    /// Pairs in a maximum one-to-one matching of overlapping same-label spans.
    pub partial: u64,
}

impl SpanCounts {
    /// Adds another document's counts.
    pub fn add(&mut self, o: &Self) {
        self.reference += o.reference;
        self.other += o.other;
        self.exact += o.exact;
        self.partial += o.partial;
    }
}

/// Maximum bipartite matching (Kuhn's augmenting paths): for each left node its right partner.
fn max_matching(
    left: usize,
    right: usize,
    edge: impl Fn(usize, usize) -> bool,
) -> Vec<Option<usize>> {
    /// Edges of every left node in one vector: `edges[starts[l]..starts[l + 1]]`.
    struct Adjacency {
        starts: Vec<usize>,
        edges: Vec<usize>,
    }
    fn augment(
        l: usize,
        adj: &Adjacency,
        seen: &mut [bool],
        right_of: &mut [Option<usize>],
    ) -> bool {
        for &r in &adj.edges[adj.starts[l]..adj.starts[l + 1]] {
            if !seen[r] {
                seen[r] = true;
                if right_of[r].is_none_or(|l2| augment(l2, adj, seen, right_of)) {
                    right_of[r] = Some(l);
                    return true;
                }
            }
        }
        false
    }
    let mut adj = Adjacency {
        starts: Vec::with_capacity(left + 1),
        edges: Vec::new(),
    };
    for l in 0..left {
        adj.starts.push(adj.edges.len());
        adj.edges.extend((0..right).filter(|&r| edge(l, r)));
    }
    adj.starts.push(adj.edges.len());
    let mut right_of = vec![None; right];
    let mut seen = vec![false; right];
    for l in 0..left {
        seen.fill(false);
        augment(l, &adj, &mut seen, &mut right_of);
    }
    let mut left_of = vec![None; left];
    for (r, l) in right_of.iter().enumerate() {
        if let Some(l) = l {
            left_of[*l] = Some(r);
        }
    }
    left_of
}

/// Compares the spans of reference `a` and other `b` of one document.
///
/// `label_index` maps a label name to its index in `counts` and in the rows and columns of
/// `confusion` (rows: the reference's label, columns: the other's).
pub fn compare(
    a: &[Span],
    b: &[Span],
    label_index: &impl Fn(&str) -> usize,
    counts: &mut [SpanCounts],
    confusion: &mut [Vec<u64>],
) {
    // Labels as indices once, so that the matchings compare numbers, not names.
    let la: Vec<usize> = a.iter().map(|s| label_index(&s.label)).collect();
    let lb: Vec<usize> = b.iter().map(|s| label_index(&s.label)).collect();
    for &l in &la {
        counts[l].reference += 1;
    }
    for (s, &l) in b.iter().zip(&lb) {
        counts[l].other += 1;
        // Ranges with a label are unique within a document, so a set intersection suffices.
        if a.iter()
            .zip(&la)
            .any(|(r, &k)| r.range == s.range && k == l)
        {
            counts[l].exact += 1;
        }
    }
    let same = max_matching(a.len(), b.len(), |i, j| {
        la[i] == lb[j] && a[i].range.overlaps(b[j].range)
    });
    let mut b_taken = vec![false; b.len()];
    for (i, m) in same.iter().enumerate() {
        if let Some(j) = m {
            counts[la[i]].partial += 1;
            b_taken[*j] = true;
        }
    }
    let a_free: Vec<usize> = (0..a.len()).filter(|&i| same[i].is_none()).collect();
    let b_free: Vec<usize> = (0..b.len()).filter(|&j| !b_taken[j]).collect();
    let cross = max_matching(a_free.len(), b_free.len(), |i, j| {
        a[a_free[i]].range.overlaps(b[b_free[j]].range)
    });
    for (i, m) in cross.iter().enumerate() {
        if let Some(j) = m {
            confusion[la[a_free[i]]][lb[b_free[*j]]] += 1;
        }
    }
}

/// For each annotator, the spans that overlap no span of any other annotator, counted per label.
pub fn only_one(
    versions: &[&[Span]],
    label_index: &impl Fn(&str) -> usize,
    counts: &mut [Vec<u64>],
) {
    for (i, spans) in versions.iter().enumerate() {
        for s in *spans {
            let seen_elsewhere = versions
                .iter()
                .enumerate()
                .any(|(j, other)| j != i && other.iter().any(|o| o.range.overlaps(s.range)));
            if !seen_elsewhere {
                counts[i][label_index(&s.label)] += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CharRange;

    const LABELS: [&str; 3] = ["PER", "ORG", "LOC"];

    fn index(name: &str) -> usize {
        LABELS.iter().position(|l| *l == name).expect("known label")
    }

    fn span(start: usize, end: usize, label: &str) -> Span {
        Span::new(CharRange::new(start, end).expect("ordered"), label)
    }

    fn run(a: &[Span], b: &[Span]) -> (Vec<SpanCounts>, Vec<Vec<u64>>) {
        let mut counts = vec![SpanCounts::default(); 3];
        let mut confusion = vec![vec![0; 3]; 3];
        compare(a, b, &index, &mut counts, &mut confusion);
        (counts, confusion)
    }

    // "أكد “الكرملين”، مساء الإثنين، في موسكو": الكرملين is [5, 13), with its quotes [4, 14);
    // موسكو is [32, 37).
    #[test]
    fn quoted_boundary_is_partial_not_exact() {
        let (counts, confusion) = run(&[span(5, 13, "ORG")], &[span(4, 14, "ORG")]);
        assert_eq!(
            counts[1],
            SpanCounts {
                reference: 1,
                other: 1,
                exact: 0,
                partial: 1
            }
        );
        assert!(confusion.iter().flatten().all(|&n| n == 0));
    }

    #[test]
    fn partial_matching_is_one_to_one_and_order_free() {
        // One long reference span against two short ones inside it: only one can match.
        let a = [span(0, 20, "ORG")];
        let b = [span(0, 5, "ORG"), span(10, 20, "ORG")];
        let (counts, _) = run(&a, &b);
        assert_eq!(counts[1].partial, 1);
        // A greedy match of a[0] to b[0] would leave a[1] unmatched; the maximum matches both.
        let a = [span(0, 10, "ORG"), span(8, 12, "ORG")];
        let b = [span(5, 9, "ORG"), span(0, 3, "ORG")];
        let (counts, _) = run(&a, &b);
        assert_eq!(counts[1].partial, 2);
        let (reversed, _) = run(&[a[1].clone(), a[0].clone()], &[b[1].clone(), b[0].clone()]);
        assert_eq!(reversed, counts);
    }

    #[test]
    fn nested_spans_match_their_own_counterparts() {
        // "السفارة الأميركية في موسكو" as ORG with موسكو as LOC inside it, against LOC alone.
        let a = [span(0, 26, "ORG"), span(21, 26, "LOC")];
        let b = [span(21, 26, "LOC")];
        let (counts, confusion) = run(&a, &b);
        assert_eq!(counts[2].exact, 1);
        assert_eq!(
            counts[1],
            SpanCounts {
                reference: 1,
                other: 0,
                exact: 0,
                partial: 0
            }
        );
        assert!(
            confusion.iter().flatten().all(|&n| n == 0),
            "ORG is missing, not confused"
        );
    }

    #[test]
    fn label_conflicts_fill_the_confusion_matrix() {
        let a = [span(5, 13, "ORG"), span(32, 37, "LOC")];
        let b = [span(5, 13, "LOC"), span(32, 37, "LOC")];
        let (counts, confusion) = run(&a, &b);
        assert_eq!(confusion[1][2], 1);
        assert_eq!(confusion.iter().flatten().sum::<u64>(), 1);
        assert_eq!(counts[2].exact, 1);
    }

    #[test]
    fn only_one_counts_spans_nobody_else_touched() {
        let a = [span(5, 13, "ORG"), span(32, 37, "LOC")];
        let b = [span(4, 14, "ORG")];
        let c: [Span; 0] = [];
        let mut counts = vec![vec![0; 3]; 3];
        only_one(&[&a, &b, &c], &index, &mut counts);
        assert_eq!(counts, [vec![0, 0, 1], vec![0, 0, 0], vec![0, 0, 0]]);
    }
}
