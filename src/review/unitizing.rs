//! Krippendorff's unitizing alpha (`α_U`, 1995) on the code-point continuum, per label.
//!
//! Each annotator cuts the continuum `[0, L)` into sections: units (spans of the label) and
//! the gaps between them. For sections `g` of annotator i and `h` of annotator j:
//!
//! - both units and overlapping: `δ² = (b_g − b_h)² + (e_g − e_h)²` (partial credit by edge distance);
//! - a unit inside a gap of the other: `δ² = l²` of the unit;
//! - otherwise 0.
//!
//! `D_o = 2 Σ_{i<j} Σ_{g,h} δ² / (m (m − 1) L²)` and
//! `D_e = (2/L) Σ_units [(N − 1)(2l³ − 3l² + l)/3 + l² Σ_{gaps k, l_k ≥ l} (l_k − l + 1)]
//!        / (mL (mL − 1) − Σ_units l (l − 1))`,
//! with N the number of units of the label over all annotators; `α_U = 1 − D_o / D_e`.
//! The definition needs one annotator's units of a label to be disjoint, so overlapping
//! same-label spans of one annotator are merged into their union first.

/// Observed and expected disagreement of one label; α over several labels is `1 − ΣD_o / ΣD_e`.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Disagreement {
    /// `D_o`.
    pub observed: f64,
    /// `D_e`.
    pub expected: f64,
}

impl Disagreement {
    /// `1 − D_o / D_e`, `None` when no disagreement is expected (no unit, or units everywhere).
    pub fn alpha(self) -> Option<f64> {
        (self.expected > 0.0).then(|| 1.0 - self.observed / self.expected)
    }
}

/// Sorted, disjoint units: overlapping ranges merged into their union.
pub fn disjoint(mut ranges: Vec<(u64, u64)>) -> Vec<(u64, u64)> {
    ranges.sort_unstable();
    let mut out: Vec<(u64, u64)> = Vec::with_capacity(ranges.len());
    for (s, e) in ranges {
        match out.last_mut() {
            Some(last) if s < last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

/// Units and the non-empty gaps around them, in order: `(start, end, is_unit)`.
fn sections(units: &[(u64, u64)], len: u64) -> Vec<(u64, u64, bool)> {
    let mut out = Vec::with_capacity(2 * units.len() + 1);
    let mut at = 0;
    for &(s, e) in units {
        if s > at {
            out.push((at, s, false));
        }
        out.push((s, e, true));
        at = e;
    }
    if at < len {
        out.push((at, len, false));
    }
    out
}

fn delta2(g: (u64, u64, bool), h: (u64, u64, bool)) -> f64 {
    let sq = |a: u64, b: u64| {
        let d = a.abs_diff(b) as f64;
        d * d
    };
    let len = |s: (u64, u64, bool)| (s.1 - s.0) as f64;
    match (g.2, h.2) {
        (true, true) if g.0 < h.1 && h.0 < g.1 => sq(g.0, h.0) + sq(g.1, h.1),
        (true, false) if h.0 <= g.0 && g.1 <= h.1 => len(g) * len(g),
        (false, true) if g.0 <= h.0 && h.1 <= g.1 => len(h) * len(h),
        _ => 0.0,
    }
}

/// Sum of δ² over every overlapping pair of sections of two annotators (a merge sweep).
fn pair_sum(a: &[(u64, u64, bool)], b: &[(u64, u64, bool)]) -> f64 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        sum += delta2(a[i], b[j]);
        let (ea, eb) = (a[i].1, b[j].1);
        if ea <= eb {
            i += 1;
        }
        if eb <= ea {
            j += 1;
        }
    }
    sum
}

/// `D_o` and `D_e` of one label on a continuum of `len` code points; `units[i]` are annotator i's
/// units of the label, already [`disjoint`].
pub fn disagreement(len: u64, units: &[Vec<(u64, u64)>]) -> Disagreement {
    let m = units.len() as f64;
    let l_total = len as f64;
    if len == 0 || units.len() < 2 {
        return Disagreement::default();
    }
    let secs: Vec<Vec<(u64, u64, bool)>> = units.iter().map(|u| sections(u, len)).collect();
    let mut observed = 0.0;
    for a in 0..secs.len() {
        for b in a + 1..secs.len() {
            observed += pair_sum(&secs[a], &secs[b]);
        }
    }
    let observed = 2.0 * observed / (m * (m - 1.0) * l_total * l_total);

    let mut gaps: Vec<u64> = secs
        .iter()
        .flatten()
        .filter(|s| !s.2)
        .map(|s| s.1 - s.0)
        .collect();
    gaps.sort_unstable();
    // suffix[k] = Σ_{k' ≥ k} (gap + 1), to sum (l_k − l + 1) over gaps at least l long.
    let mut suffix = vec![0.0; gaps.len() + 1];
    for k in (0..gaps.len()).rev() {
        suffix[k] = suffix[k + 1] + gaps[k] as f64 + 1.0;
    }
    let n = units.iter().map(Vec::len).sum::<usize>() as f64;
    let (mut numerator, mut same) = (0.0, 0.0);
    for &(s, e) in units.iter().flatten() {
        let l = (e - s) as f64;
        let first = gaps.partition_point(|&g| g < e - s);
        let fitting = (gaps.len() - first) as f64;
        numerator += (n - 1.0) * (2.0 * l * l * l - 3.0 * l * l + l) / 3.0
            + l * l * (suffix[first] - fitting * l);
        same += l * (l - 1.0);
    }
    let denominator = m * l_total * (m * l_total - 1.0) - same;
    let expected = if denominator > 0.0 {
        2.0 / l_total * numerator / denominator
    } else {
        0.0
    };
    Disagreement { observed, expected }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) {
        assert!((a - b).abs() < 1e-12, "{a} != {b}");
    }

    #[test]
    fn two_annotators_by_hand() {
        // L = 10; annotator 1: unit [2, 6), annotator 2: unit [3, 6).
        // Observed: only the two units overlap: (2 − 3)² + (6 − 6)² = 1 → D_o = 2·1/(2·1·100).
        // Expected: N = 2; gaps 2, 4 and 3, 4.
        //   l = 4: (2·64 − 48 + 4)/3 = 28, gaps ≥ 4: (1 + 1)·16 = 32 → 60;
        //   l = 3: (54 − 27 + 3)/3 = 10, gaps ≥ 3: (2 + 1 + 2)·9 = 45 → 55;
        //   D_e = (2/10)·115 / (20·19 − 12 − 6) = 23/362.
        let d = disagreement(10, &[vec![(2, 6)], vec![(3, 6)]]);
        close(d.observed, 0.01);
        close(d.expected, 23.0 / 362.0);
        close(d.alpha().unwrap(), 1.0 - 0.01 * 362.0 / 23.0);
    }

    #[test]
    fn quoted_kremlin_gets_partial_credit() {
        // "أكد “الكرملين” ذلك" (18 code points): الكرملين [5, 13) against “الكرملين” [4, 14).
        // D_o = 2·((5 − 4)² + (13 − 14)²)/(2·1·18²) = 4/648.
        // D_e: l = 8: 840/3 = 280, l = 10: 1710/3 = 570, no gap (5, 5, 4, 4) is that long;
        //      (2/18)·850 / (36·35 − 56 − 90).
        let quoted = disagreement(18, &[vec![(5, 13)], vec![(4, 14)]]);
        close(quoted.observed, 4.0 / 648.0);
        close(quoted.expected, 2.0 / 18.0 * 850.0 / 1114.0);
        let alpha = quoted.alpha().unwrap();
        assert!(alpha > 0.9, "{alpha}");
        // Two unrelated spans (الكرملين against ذلك) score far lower.
        let unrelated = disagreement(18, &[vec![(5, 13)], vec![(15, 18)]])
            .alpha()
            .unwrap();
        assert!(unrelated < 0.0, "{unrelated}");
    }

    #[test]
    fn identical_units_agree_perfectly_and_order_does_not_matter() {
        let units = vec![
            vec![(0, 3), (7, 9)],
            vec![(0, 3), (7, 9)],
            vec![(0, 3), (7, 9)],
        ];
        close(disagreement(12, &units).alpha().unwrap(), 1.0);
        let a = disjoint(vec![(7, 9), (0, 3), (1, 2)]);
        assert_eq!(a, [(0, 3), (7, 9)]);
    }

    #[test]
    fn no_units_means_alpha_is_undefined() {
        assert_eq!(disagreement(10, &[vec![], vec![]]).alpha(), None);
    }
}
