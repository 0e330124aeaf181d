//! A linear-chain CRF: emission weights per (feature, tag), tag-to-tag transitions, start and
//! end weights; Viterbi decoding and scaled forward-backward for marginals.
//!
//! Weights live in one flat vector (the optimiser's view): `features × tags` emission rows,
//! then `tags × tags` transitions, then `tags` start and `tags` end weights.

// Tag indices address several arrays at once (scores, transitions, marginals): index
// loops read as the recurrences are written.
#![allow(clippy::needless_range_loop)]

/// A token's active features: indices of emission rows.
pub type Features<'a> = &'a [u32];

/// The CRF's shape and weights.
#[derive(Debug, Clone)]
pub struct Crf {
    /// Number of tags.
    pub tags: usize,
    /// Number of features (emission rows).
    pub features: usize,
    /// All weights, laid out as the module says.
    pub weights: Vec<f64>,
}

/// A sentence's scores and, after [`Crf::forward_backward`], its scaled lattice.
#[derive(Debug, Default)]
pub struct Lattice {
    /// `len × tags` emission scores.
    pub emission: Vec<f64>,
    /// `len × tags` exp(emission − row max).
    psi: Vec<f64>,
    /// Row maxima of the emission scores.
    row_max: Vec<f64>,
    /// Scaled forward probabilities.
    alpha: Vec<f64>,
    /// Scaled backward probabilities.
    beta: Vec<f64>,
    /// Scaling factors of the forward pass.
    scale: Vec<f64>,
    /// log Z.
    pub log_z: f64,
    len: usize,
}

impl Lattice {
    /// Tokens of the sentence it holds.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether it holds no token.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Makes it hold a sentence of `len` tokens with zero emission scores, and returns
    /// them (`len × tags`) for the caller to fill.
    pub fn reset(&mut self, len: usize, tags: usize) -> &mut [f64] {
        self.len = len;
        self.emission.clear();
        self.emission.resize(len * tags, 0.0);
        &mut self.emission
    }
}

impl Crf {
    /// A CRF of zero weights.
    pub fn new(tags: usize, features: usize) -> Self {
        Self {
            tags,
            features,
            weights: vec![0.0; Self::size(tags, features)],
        }
    }

    /// Number of weights of a CRF with these counts.
    pub fn size(tags: usize, features: usize) -> usize {
        features * tags + tags * tags + 2 * tags
    }

    /// Offset of the transition block.
    pub fn transitions_at(&self) -> usize {
        self.features * self.tags
    }

    /// exp of the transition block of `weights`, as forward-backward takes it.
    pub fn exp_transitions(&self, weights: &[f64]) -> Vec<f64> {
        let tr = self.transitions_at();
        weights[tr..tr + self.tags * self.tags]
            .iter()
            .map(|w| w.exp())
            .collect()
    }

    /// Fills `lattice.emission` with the scores of a sentence's tokens under `weights`.
    pub fn emissions(&self, weights: &[f64], tokens: &[Features<'_>], lattice: &mut Lattice) {
        let tags = self.tags;
        let emission = lattice.reset(tokens.len(), tags);
        for (t, feats) in tokens.iter().enumerate() {
            let row = &mut emission[t * tags..(t + 1) * tags];
            for &f in *feats {
                let w = &weights[f as usize * tags..(f as usize + 1) * tags];
                for (r, w) in row.iter_mut().zip(w) {
                    *r += w;
                }
            }
        }
    }

    /// The best tag sequence of the lattice's emissions (under `weights`).
    pub fn viterbi(&self, weights: &[f64], lattice: &Lattice) -> Vec<u16> {
        let (tags, len) = (self.tags, lattice.len);
        if len == 0 {
            return Vec::new();
        }
        let trans = &weights[self.transitions_at()..self.transitions_at() + tags * tags];
        let start = &weights[self.transitions_at() + tags * tags..][..tags];
        let end = &weights[self.transitions_at() + tags * tags + tags..][..tags];
        let mut score: Vec<f64> = (0..tags).map(|y| start[y] + lattice.emission[y]).collect();
        let mut back = vec![0u16; len * tags];
        let mut next = vec![0.0; tags];
        for t in 1..len {
            for j in 0..tags {
                let mut best = (f64::NEG_INFINITY, 0);
                for i in 0..tags {
                    let s = score[i] + trans[i * tags + j];
                    if s > best.0 {
                        best = (s, i);
                    }
                }
                next[j] = best.0 + lattice.emission[t * tags + j];
                back[t * tags + j] = best.1 as u16;
            }
            std::mem::swap(&mut score, &mut next);
        }
        let mut last = 0;
        let mut best = f64::NEG_INFINITY;
        for y in 0..tags {
            if score[y] + end[y] > best {
                best = score[y] + end[y];
                last = y;
            }
        }
        let mut path = vec![0u16; len];
        path[len - 1] = last as u16;
        for t in (1..len).rev() {
            path[t - 1] = back[t * tags + path[t] as usize];
        }
        path
    }

    /// Runs scaled forward-backward over the lattice's emissions; sets `log_z`.
    /// `exp_trans` is exp of the transition block.
    pub fn forward_backward(&self, weights: &[f64], exp_trans: &[f64], lattice: &mut Lattice) {
        let (tags, len) = (self.tags, lattice.len);
        if len == 0 {
            lattice.log_z = 0.0;
            return;
        }
        let start = &weights[self.transitions_at() + tags * tags..][..tags];
        let end = &weights[self.transitions_at() + tags * tags + tags..][..tags];
        lattice.psi.clear();
        lattice.psi.resize(len * tags, 0.0);
        lattice.row_max.clear();
        for t in 0..len {
            let row = &lattice.emission[t * tags..(t + 1) * tags];
            let max = row.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            lattice.row_max.push(max);
            for y in 0..tags {
                lattice.psi[t * tags + y] = (row[y] - max).exp();
            }
        }
        lattice.alpha.clear();
        lattice.alpha.resize(len * tags, 0.0);
        lattice.scale.clear();
        let mut sum = 0.0;
        for y in 0..tags {
            let a = start[y].exp() * lattice.psi[y];
            lattice.alpha[y] = a;
            sum += a;
        }
        for a in &mut lattice.alpha[..tags] {
            *a /= sum;
        }
        lattice.scale.push(sum);
        for t in 1..len {
            let (before, now) = lattice.alpha.split_at_mut(t * tags);
            let prev = &before[(t - 1) * tags..];
            let now = &mut now[..tags];
            let mut sum = 0.0;
            for j in 0..tags {
                let mut a = 0.0;
                for i in 0..tags {
                    a += prev[i] * exp_trans[i * tags + j];
                }
                a *= lattice.psi[t * tags + j];
                now[j] = a;
                sum += a;
            }
            for a in now.iter_mut() {
                *a /= sum;
            }
            lattice.scale.push(sum);
        }
        let exp_end: Vec<f64> = end.iter().map(|e| e.exp()).collect();
        let last = &lattice.alpha[(len - 1) * tags..];
        let end_sum: f64 = last.iter().zip(&exp_end).map(|(a, e)| a * e).sum();
        lattice.log_z = lattice
            .scale
            .iter()
            .zip(&lattice.row_max)
            .map(|(c, m)| c.ln() + m)
            .sum::<f64>()
            + end_sum.ln();
        lattice.beta.clear();
        lattice.beta.resize(len * tags, 0.0);
        for y in 0..tags {
            lattice.beta[(len - 1) * tags + y] = exp_end[y] / end_sum;
        }
        for t in (0..len - 1).rev() {
            let (now, after) = lattice.beta.split_at_mut((t + 1) * tags);
            let now = &mut now[t * tags..];
            let next = &after[..tags];
            let c = lattice.scale[t + 1];
            for i in 0..tags {
                let mut b = 0.0;
                for j in 0..tags {
                    b += exp_trans[i * tags + j] * lattice.psi[(t + 1) * tags + j] * next[j];
                }
                now[i] = b / c;
            }
        }
    }

    /// P(tag `y` at token `t`) after [`Self::forward_backward`].
    pub fn marginal(&self, lattice: &Lattice, t: usize, y: usize) -> f64 {
        lattice.alpha[t * self.tags + y] * lattice.beta[t * self.tags + y]
    }

    /// P(tokens `first..=last` carry exactly `path`) after [`Self::forward_backward`].
    pub fn path_probability(
        &self,
        exp_trans: &[f64],
        lattice: &Lattice,
        first: usize,
        path: &[u16],
    ) -> f64 {
        let tags = self.tags;
        let mut p = lattice.alpha[first * tags + path[0] as usize];
        for k in 1..path.len() {
            let t = first + k;
            let (i, j) = (path[k - 1] as usize, path[k] as usize);
            p *= exp_trans[i * tags + j] * lattice.psi[t * tags + j] / lattice.scale[t];
        }
        let last = first + path.len() - 1;
        p * lattice.beta[last * tags + *path.last().unwrap_or(&0) as usize]
    }

    /// Adds the expected-minus-observed feature counts of one sentence to `grad` and returns
    /// its negative log-likelihood. Needs [`Self::forward_backward`] done on `lattice`.
    pub fn accumulate_gradient(
        &self,
        weights: &[f64],
        exp_trans: &[f64],
        tokens: &[Features<'_>],
        gold: &[u16],
        lattice: &Lattice,
        grad: &mut [f64],
    ) -> f64 {
        let tags = self.tags;
        let len = lattice.len;
        let tr = self.transitions_at();
        let mut gold_score = 0.0;
        let mut marginals = vec![0.0; tags];
        for t in 0..len {
            for (y, m) in marginals.iter_mut().enumerate() {
                *m = lattice.alpha[t * tags + y] * lattice.beta[t * tags + y];
            }
            let g = gold[t] as usize;
            gold_score += lattice.emission[t * tags + g];
            marginals[g] -= 1.0;
            for &f in tokens[t] {
                let row = &mut grad[f as usize * tags..(f as usize + 1) * tags];
                for (r, m) in row.iter_mut().zip(&marginals) {
                    *r += m;
                }
            }
            if t > 0 {
                let prev = gold[t - 1] as usize;
                gold_score += weights[tr + prev * tags + g];
                grad[tr + prev * tags + g] -= 1.0;
                let c = lattice.scale[t];
                for i in 0..tags {
                    let a = lattice.alpha[(t - 1) * tags + i] / c;
                    for j in 0..tags {
                        grad[tr + i * tags + j] += a
                            * exp_trans[i * tags + j]
                            * lattice.psi[t * tags + j]
                            * lattice.beta[t * tags + j];
                    }
                }
            }
        }
        let start = tr + tags * tags;
        let end = start + tags;
        gold_score += weights[start + gold[0] as usize] + weights[end + gold[len - 1] as usize];
        grad[start + gold[0] as usize] -= 1.0;
        grad[end + gold[len - 1] as usize] -= 1.0;
        for y in 0..tags {
            grad[start + y] += self.marginal(lattice, 0, y);
            grad[end + y] += self.marginal(lattice, len - 1, y);
        }
        lattice.log_z - gold_score
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Brute-force log Z and marginals of a tiny CRF agree with forward-backward.
    #[test]
    fn forward_backward_matches_enumeration() {
        let tags = 3;
        let mut crf = Crf::new(tags, 4);
        for (i, w) in crf.weights.iter_mut().enumerate() {
            *w = ((i * 37 % 11) as f64 - 5.0) / 3.0;
        }
        let feats: Vec<Vec<u32>> = vec![vec![0, 1], vec![2], vec![3, 0]];
        let tokens: Vec<&[u32]> = feats.iter().map(Vec::as_slice).collect();
        let mut lattice = Lattice::default();
        let w = crf.weights.clone();
        crf.emissions(&w, &tokens, &mut lattice);
        let tr = crf.transitions_at();
        let exp_trans: Vec<f64> = w[tr..tr + tags * tags].iter().map(|x| x.exp()).collect();
        crf.forward_backward(&w, &exp_trans, &mut lattice);
        let score = |p: &[usize]| {
            let mut s = w[tr + 9 + p[0]] + w[tr + 12 + p[2]];
            for t in 0..3 {
                s += lattice.emission[t * tags + p[t]];
                if t > 0 {
                    s += w[tr + p[t - 1] * tags + p[t]];
                }
            }
            s
        };
        let mut z = 0.0;
        let mut m1 = [0.0; 3];
        let mut best = (f64::NEG_INFINITY, vec![]);
        for a in 0..3 {
            for b in 0..3 {
                for c in 0..3 {
                    let s = score(&[a, b, c]);
                    z += s.exp();
                    m1[b] += s.exp();
                    if s > best.0 {
                        best = (s, vec![a as u16, b as u16, c as u16]);
                    }
                }
            }
        }
        assert!((lattice.log_z - z.ln()).abs() < 1e-9);
        for y in 0..3 {
            assert!((crf.marginal(&lattice, 1, y) - m1[y] / z).abs() < 1e-9);
        }
        assert_eq!(crf.viterbi(&w, &lattice), best.1);
        let p = crf.path_probability(&exp_trans, &lattice, 0, &best.1);
        assert!((p - (best.0.exp() / z)).abs() < 1e-9);
    }
}
