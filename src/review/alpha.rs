//! Krippendorff's alpha for nominal data, from the coincidence matrix.
//!
//! `α = 1 − (n − 1) · (n − Σ_c o_cc) / (n² − Σ_c n_c²)`, where
//! `o_cc = Σ_u n_uc (n_uc − 1) / (m_u − 1)` over units with `m_u ≥ 2` values, `n_c = Σ_k o_ck`
//! and `n = Σ_c n_c`. Units may have different numbers of values (missing judgements).

/// Sums over units from which nominal alpha follows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AlphaTally {
    /// Pairable values per category (`n_c`).
    pub per_category: Vec<f64>,
    /// Diagonal of the coincidence matrix (`o_cc`).
    pub agreeing: Vec<f64>,
}

impl AlphaTally {
    /// An empty tally over `categories` categories.
    pub fn new(categories: usize) -> Self {
        Self {
            per_category: vec![0.0; categories],
            agreeing: vec![0.0; categories],
        }
    }

    /// Empties the tally, keeping its categories.
    pub fn clear(&mut self) {
        self.per_category.fill(0.0);
        self.agreeing.fill(0.0);
    }

    /// Counts one unit given how many values fell in each category.
    pub fn add_unit(&mut self, counts: &[u64]) {
        let m: u64 = counts.iter().sum();
        if m < 2 {
            return;
        }
        let weight = 1.0 / (m - 1) as f64;
        for (c, &n) in counts.iter().enumerate() {
            self.per_category[c] += n as f64;
            self.agreeing[c] += (n * n.saturating_sub(1)) as f64 * weight;
        }
    }

    /// Adds another tally of the same shape.
    pub fn merge(&mut self, o: &Self) {
        for (t, c) in self.per_category.iter_mut().zip(&o.per_category) {
            *t += c;
        }
        for (t, c) in self.agreeing.iter_mut().zip(&o.agreeing) {
            *t += c;
        }
    }

    /// Nominal alpha; `None` when all values fall in one category (expected disagreement 0).
    pub fn alpha(&self) -> Option<f64> {
        let n: f64 = self.per_category.iter().sum();
        let expected = n * n - self.per_category.iter().map(|c| c * c).sum::<f64>();
        if expected <= 0.0 {
            return None;
        }
        let observed = n - self.agreeing.iter().sum::<f64>();
        Some(1.0 - (n - 1.0) * observed / expected)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alpha_matches_a_hand_computation() {
        // Units (counts of O, ORG): [2,0] [0,2] [1,1] [1,1] [2,0] with two annotators.
        // o_OO = 2 + 2 = 4, o_ORG,ORG = 2, n_O = 6, n_ORG = 4, n = 10.
        // alpha = 1 − 9 · (10 − 6) / (100 − 36 − 16) = 1 − 36/48 = 0.25.
        let mut t = AlphaTally::new(2);
        for u in [[2, 0], [0, 2], [1, 1], [1, 1], [2, 0]] {
            t.add_unit(&u);
        }
        assert!((t.alpha().unwrap() - 0.25).abs() < 1e-12);
    }

    #[test]
    fn missing_values_and_lone_values_are_handled() {
        // Krippendorff's reliability-data example with three coders, missing values and a
        // unit with one value (not pairable): units as category counts over (1, 2, 3, 4).
        // u1: 1,1 → [2,0,0,0]; u2: 2,2,2 → [0,3,0,0]; u3: 3,3 → [0,0,2,0];
        // u4: 1,2 → [1,1,0,0]; u5: 4 alone → ignored.
        // o_11 = 2, o_22 = 3, o_33 = 2; n = (3, 4, 2, 0) → 9; Σn_c² = 29.
        // alpha = 1 − 8 · (9 − 7) / (81 − 29) = 1 − 16/52.
        let mut t = AlphaTally::new(4);
        for u in [
            [2, 0, 0, 0],
            [0, 3, 0, 0],
            [0, 0, 2, 0],
            [1, 1, 0, 0],
            [0, 0, 0, 1],
        ] {
            t.add_unit(&u);
        }
        assert!((t.alpha().unwrap() - (1.0 - 16.0 / 52.0)).abs() < 1e-12);
    }

    #[test]
    fn alpha_is_undefined_without_variation() {
        let mut t = AlphaTally::new(2);
        t.add_unit(&[3, 0]);
        assert_eq!(t.alpha(), None);
    }
}
