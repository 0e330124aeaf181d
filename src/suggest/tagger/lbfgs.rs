//! Limited-memory BFGS with a backtracking (Armijo) line search, for the CRF's objective.
//!
//! Stops after `max_iterations`, when the objective improved by less than `delta` (relative)
//! over the last ten iterations (crfsuite's rule), or when told to stop.

/// Settings of the optimiser.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    /// Correction pairs kept.
    pub memory: usize,
    /// Iterations at most.
    pub max_iterations: usize,
    /// Relative improvement over ten iterations below which it stops.
    pub delta: f64,
    /// Threads for the vector work (a model has millions of weights).
    pub threads: usize,
}

/// Elements per chunk of a parallel sum. Fixed, so that sums come out the same whatever the
/// thread count (a model file does not depend on the machine that trained it).
const CHUNK: usize = 1 << 15;

/// Vector operations over the weights on several threads.
#[derive(Debug, Clone, Copy)]
pub struct Parallel {
    /// Threads to use (1: none besides the caller).
    pub threads: usize,
}

impl Parallel {
    /// `f` of each chunk of `0..n` (in chunk order).
    fn map_chunks(self, n: usize, f: impl Fn(std::ops::Range<usize>) -> f64 + Sync) -> Vec<f64> {
        let ranges: Vec<std::ops::Range<usize>> = (0..n)
            .step_by(CHUNK)
            .map(|a| a..(a + CHUNK).min(n))
            .collect();
        if self.threads <= 1 || ranges.len() <= 1 {
            return ranges.into_iter().map(&f).collect();
        }
        let mut out = vec![0.0; ranges.len()];
        let per = ranges.len().div_ceil(self.threads);
        std::thread::scope(|scope| {
            for (rs, os) in ranges.chunks(per).zip(out.chunks_mut(per)) {
                let f = &f;
                scope.spawn(move || {
                    for (r, o) in rs.iter().zip(os) {
                        *o = f(r.clone());
                    }
                });
            }
        });
        out
    }

    /// The sum of `f(range)` over the chunks of `0..n`, added in a fixed order.
    pub fn sum(self, n: usize, f: impl Fn(std::ops::Range<usize>) -> f64 + Sync) -> f64 {
        self.map_chunks(n, f).iter().sum()
    }

    /// Calls `f(offset, part)` on contiguous parts of `out`, one per thread.
    pub fn for_parts(self, out: &mut [f64], f: impl Fn(usize, &mut [f64]) + Sync) {
        let n = out.len();
        if self.threads <= 1 || n <= CHUNK {
            f(0, out);
            return;
        }
        let per = n.div_ceil(self.threads);
        std::thread::scope(|scope| {
            for (k, part) in out.chunks_mut(per).enumerate() {
                let f = &f;
                scope.spawn(move || f(k * per, part));
            }
        });
    }

    fn dot(self, a: &[f64], b: &[f64]) -> f64 {
        self.sum(a.len(), |r| {
            a[r.clone()].iter().zip(&b[r]).map(|(x, y)| x * y).sum()
        })
    }

    /// `y += a · x`.
    fn axpy(self, y: &mut [f64], a: f64, x: &[f64]) {
        self.for_parts(y, |at, part| {
            for (yi, xi) in part.iter_mut().zip(&x[at..]) {
                *yi += a * xi;
            }
        });
    }

    /// `out = a + k · b`.
    fn combine(self, out: &mut [f64], a: &[f64], k: f64, b: &[f64]) {
        self.for_parts(out, |at, part| {
            for ((o, ai), bi) in part.iter_mut().zip(&a[at..]).zip(&b[at..]) {
                *o = ai + k * bi;
            }
        });
    }
}

/// Minimises `f` from `x`, where `f(x, grad)` returns the value and writes the gradient.
/// `go_on(iteration, value)` is asked after each iteration; `false` stops at once.
/// Returns the iterations done.
// The names are those of the L-BFGS two-loop recursion (Nocedal & Wright, algorithm 7.4).
#[allow(clippy::many_single_char_names)]
pub fn minimize(
    x: &mut [f64],
    settings: Settings,
    mut f: impl FnMut(&[f64], &mut [f64]) -> f64,
    mut go_on: impl FnMut(usize, f64) -> bool,
) -> usize {
    let n = x.len();
    let mut grad = vec![0.0; n];
    let mut value = f(x, &mut grad);
    let mut s_list: Vec<Vec<f64>> = Vec::new();
    let mut y_list: Vec<Vec<f64>> = Vec::new();
    let mut rho: Vec<f64> = Vec::new();
    let mut history = vec![value];
    let mut direction = vec![0.0; n];
    let mut trial = vec![0.0; n];
    let mut trial_grad = vec![0.0; n];
    let par = Parallel {
        threads: settings.threads.max(1),
    };
    for iteration in 1..=settings.max_iterations {
        // Two-loop recursion: direction = -H grad.
        direction.copy_from_slice(&grad);
        let k = s_list.len();
        let mut alpha = vec![0.0; k];
        for i in (0..k).rev() {
            alpha[i] = rho[i] * par.dot(&s_list[i], &direction);
            par.axpy(&mut direction, -alpha[i], &y_list[i]);
        }
        let gamma = if k > 0 {
            par.dot(&s_list[k - 1], &y_list[k - 1]) / par.dot(&y_list[k - 1], &y_list[k - 1])
        } else {
            1.0
        };
        par.for_parts(&mut direction, |_, part| {
            for d in part {
                *d *= gamma;
            }
        });
        for i in 0..k {
            let beta = rho[i] * par.dot(&y_list[i], &direction);
            par.axpy(&mut direction, alpha[i] - beta, &s_list[i]);
        }
        par.for_parts(&mut direction, |_, part| {
            for d in part {
                *d = -*d;
            }
        });
        let mut slope = par.dot(&direction, &grad);
        if slope >= 0.0 {
            // Not a descent direction (numerical trouble): restart from the gradient.
            s_list.clear();
            y_list.clear();
            rho.clear();
            for (d, g) in direction.iter_mut().zip(&grad) {
                *d = -g;
            }
            slope = -par.dot(&grad, &grad);
        }
        let mut step = if k == 0 {
            1.0 / par.dot(&grad, &grad).sqrt().max(1e-12)
        } else {
            1.0
        };
        let mut accepted = false;
        for _ in 0..30 {
            par.combine(&mut trial, x, step, &direction);
            let v = f(&trial, &mut trial_grad);
            if v.is_finite() && v <= value + 1e-4 * step * slope {
                // The oldest pair's buffers are reused once memory is full: a fresh pair of
                // vectors as long as the weights each iteration costs page faults.
                let full = s_list.len() == settings.memory;
                let (mut s, mut y) = if full {
                    (s_list.remove(0), y_list.remove(0))
                } else {
                    (vec![0.0; x.len()], vec![0.0; x.len()])
                };
                par.combine(&mut s, &trial, -1.0, x);
                par.combine(&mut y, &trial_grad, -1.0, &grad);
                let sy = par.dot(&s, &y);
                if sy > 1e-12 {
                    if full {
                        rho.remove(0);
                    }
                    s_list.push(s);
                    y_list.push(y);
                    rho.push(1.0 / sy);
                } else if full {
                    // Not a usable pair: the oldest one stays (its buffers were overwritten,
                    // so it is dropped, as the memory would have dropped it next time anyway).
                    rho.remove(0);
                }
                x.copy_from_slice(&trial);
                grad.copy_from_slice(&trial_grad);
                value = v;
                accepted = true;
                break;
            }
            step *= 0.5;
        }
        if !accepted || !go_on(iteration, value) {
            return iteration;
        }
        history.push(value);
        if history.len() > 10 {
            let old = history[history.len() - 11];
            if (old - value) / value.abs().max(1e-12) < settings.delta {
                return iteration;
            }
        }
    }
    settings.max_iterations
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minimises_a_rosenbrock_valley() {
        let mut x = vec![-1.2, 1.0];
        let settings = Settings {
            memory: 6,
            max_iterations: 500,
            delta: 1e-12,
            threads: 1,
        };
        minimize(
            &mut x,
            settings,
            |x, g| {
                let (a, b) = (x[0], x[1]);
                g[0] = -2.0 * (1.0 - a) - 400.0 * a * (b - a * a);
                g[1] = 200.0 * (b - a * a);
                (1.0 - a).powi(2) + 100.0 * (b - a * a).powi(2)
            },
            |_, _| true,
        );
        assert!(
            (x[0] - 1.0).abs() < 1e-3 && (x[1] - 1.0).abs() < 1e-3,
            "{x:?}"
        );
    }

    #[test]
    fn the_result_does_not_depend_on_the_thread_count() {
        // A quadratic with as many weights as a small model, and a coupling between
        // neighbours so that the iterations matter.
        let len = 100_000;
        let target: Vec<f64> = (0..len)
            .map(|i| ((i * 7919) % 1000) as f64 / 500.0 - 1.0)
            .collect();
        let run = |threads| {
            let mut weights = vec![0.0; len];
            let settings = Settings {
                memory: 6,
                max_iterations: 15,
                delta: 0.0,
                threads,
            };
            minimize(
                &mut weights,
                settings,
                |w, grad| {
                    let mut value = 0.0;
                    for i in 0..len {
                        let off = w[i] - target[i];
                        let step = if i > 0 { w[i] - w[i - 1] } else { 0.0 };
                        value += off * off + 0.5 * step * step;
                        grad[i] = 2.0 * off + step;
                        if i > 0 {
                            grad[i - 1] -= step;
                        }
                    }
                    value
                },
                |_, _| true,
            );
            weights
        };
        let one = run(1);
        assert!(one == run(2), "two threads found another optimum");
        assert!(one == run(3));
        let err: f64 = one
            .iter()
            .zip(&target)
            .map(|(a, b)| (a - b).abs())
            .sum::<f64>()
            / len as f64;
        assert!(err < 0.2, "mean distance from the unsmoothed target {err}");
    }
}
