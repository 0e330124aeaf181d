//! Cohen's kappa (two annotators) and Fleiss' kappa (any number) on categorical units.
//!
//! Both return `None` when chance agreement is 1 (every judgement in one category), where
//! kappa is 0/0.

/// Cohen's kappa from a square confusion matrix of two annotators' categories.
pub fn cohen(confusion: &[Vec<u64>]) -> Option<f64> {
    let total: u64 = confusion.iter().flatten().sum();
    if total == 0 {
        return None;
    }
    let n = total as f64;
    let observed = (0..confusion.len()).map(|c| confusion[c][c]).sum::<u64>() as f64 / n;
    let expected: f64 = (0..confusion.len())
        .map(|c| {
            let row: u64 = confusion[c].iter().sum();
            let col: u64 = confusion.iter().map(|r| r[c]).sum();
            (row as f64 / n) * (col as f64 / n)
        })
        .sum();
    (expected < 1.0).then(|| (observed - expected) / (1.0 - expected))
}

/// Collapses a confusion matrix to category `c` against all others (2×2), for per-label kappa.
pub fn one_vs_rest(confusion: &[Vec<u64>], c: usize) -> Vec<Vec<u64>> {
    let mut m = vec![vec![0; 2]; 2];
    for (i, row) in confusion.iter().enumerate() {
        for (j, &v) in row.iter().enumerate() {
            m[usize::from(i != c)][usize::from(j != c)] += v;
        }
    }
    m
}

/// Sums over units from which Fleiss' kappa follows; every unit has the same number of raters.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FleissTally {
    /// Units counted.
    pub units: u64,
    /// Raters per unit.
    pub raters: u64,
    /// Judgements per category, over all units.
    pub per_category: Vec<u64>,
    /// Sum over units and categories of the squared count of raters in the category.
    pub squares: u64,
}

impl FleissTally {
    /// An empty tally for `categories` categories and `raters` raters per unit.
    pub fn new(categories: usize, raters: usize) -> Self {
        Self {
            units: 0,
            raters: raters as u64,
            per_category: vec![0; categories],
            squares: 0,
        }
    }

    /// Empties the tally, keeping its categories and raters.
    pub fn clear(&mut self) {
        self.units = 0;
        self.squares = 0;
        self.per_category.fill(0);
    }

    /// Counts one unit given how many raters chose each category.
    pub fn add_unit(&mut self, counts: &[u64]) {
        debug_assert_eq!(counts.iter().sum::<u64>(), self.raters);
        self.units += 1;
        for (t, &c) in self.per_category.iter_mut().zip(counts) {
            *t += c;
            self.squares += c * c;
        }
    }

    /// Adds another tally of the same shape.
    pub fn merge(&mut self, o: &Self) {
        self.units += o.units;
        self.squares += o.squares;
        for (t, c) in self.per_category.iter_mut().zip(&o.per_category) {
            *t += c;
        }
    }

    /// Fleiss' kappa: (P̄ − P̄ₑ) / (1 − P̄ₑ).
    pub fn kappa(&self) -> Option<f64> {
        let (n, m) = (self.units as f64, self.raters as f64);
        if self.units == 0 || self.raters < 2 {
            return None;
        }
        let p_bar = (self.squares as f64 - n * m) / (n * m * (m - 1.0));
        let p_e: f64 = self
            .per_category
            .iter()
            .map(|&c| (c as f64 / (n * m)).powi(2))
            .sum();
        (p_e < 1.0).then(|| (p_bar - p_e) / (1.0 - p_e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cohen_matches_a_hand_computation() {
        // 10 tokens; rows annotator A (O, PER, LOC), columns annotator B.
        // p_o = 7/10; marginals A = (5, 3, 2), B = (6, 2, 2);
        // p_e = (30 + 6 + 4)/100 = 0.4; kappa = (0.7 − 0.4)/0.6 = 0.5.
        let m = vec![vec![4, 0, 1], vec![1, 2, 0], vec![1, 0, 1]];
        assert!((cohen(&m).unwrap() - 0.5).abs() < 1e-12);
        // Per label PER: [[2, 1], [0, 7]]: p_o = 0.9, p_e = 0.3·0.2 + 0.7·0.8 = 0.62.
        let per = one_vs_rest(&m, 1);
        assert_eq!(per, [vec![2, 1], vec![0, 7]]);
        assert!((cohen(&per).unwrap() - 0.28 / 0.38).abs() < 1e-12);
    }

    #[test]
    fn kappa_is_undefined_when_everyone_says_o() {
        assert_eq!(cohen(&[vec![9, 0], vec![0, 0]]), None);
        let mut t = FleissTally::new(2, 3);
        t.add_unit(&[3, 0]);
        assert_eq!(t.kappa(), None);
    }

    #[test]
    fn fleiss_matches_a_hand_computation() {
        // 4 units, 3 raters, categories (O, ORG):
        // [3,0] [0,3] [2,1] [1,2]: P_i = 1, 1, 1/3, 1/3 → P̄ = 2/3;
        // p = (6/12, 6/12) → P_e = 1/2; kappa = (2/3 − 1/2)/(1/2) = 1/3.
        let mut t = FleissTally::new(2, 3);
        for u in [[3, 0], [0, 3], [2, 1], [1, 2]] {
            t.add_unit(&u);
        }
        assert!((t.kappa().unwrap() - 1.0 / 3.0).abs() < 1e-12);
        let mut halves = FleissTally::new(2, 3);
        let mut second = FleissTally::new(2, 3);
        halves.add_unit(&[3, 0]);
        halves.add_unit(&[0, 3]);
        second.add_unit(&[2, 1]);
        second.add_unit(&[1, 2]);
        halves.merge(&second);
        assert_eq!(halves, t);
    }
}
