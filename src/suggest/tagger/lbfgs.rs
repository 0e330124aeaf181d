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
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
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
    for iteration in 1..=settings.max_iterations {
        // Two-loop recursion: direction = -H grad.
        direction.copy_from_slice(&grad);
        let k = s_list.len();
        let mut alpha = vec![0.0; k];
        for i in (0..k).rev() {
            alpha[i] = rho[i] * dot(&s_list[i], &direction);
            for (d, y) in direction.iter_mut().zip(&y_list[i]) {
                *d -= alpha[i] * y;
            }
        }
        if k > 0 {
            let gamma = dot(&s_list[k - 1], &y_list[k - 1]) / dot(&y_list[k - 1], &y_list[k - 1]);
            for d in &mut direction {
                *d *= gamma;
            }
        }
        for i in 0..k {
            let beta = rho[i] * dot(&y_list[i], &direction);
            for (d, s) in direction.iter_mut().zip(&s_list[i]) {
                *d += s * (alpha[i] - beta);
            }
        }
        for d in &mut direction {
            *d = -*d;
        }
        let mut slope = dot(&direction, &grad);
        if slope >= 0.0 {
            // Not a descent direction (numerical trouble): restart from the gradient.
            s_list.clear();
            y_list.clear();
            rho.clear();
            for (d, g) in direction.iter_mut().zip(&grad) {
                *d = -g;
            }
            slope = -dot(&grad, &grad);
        }
        let mut step = if k == 0 {
            1.0 / dot(&grad, &grad).sqrt().max(1e-12)
        } else {
            1.0
        };
        let mut accepted = false;
        for _ in 0..30 {
            for ((t, xi), d) in trial.iter_mut().zip(x.iter()).zip(&direction) {
                *t = xi + step * d;
            }
            let v = f(&trial, &mut trial_grad);
            if v.is_finite() && v <= value + 1e-4 * step * slope {
                let s: Vec<f64> = trial.iter().zip(x.iter()).map(|(a, b)| a - b).collect();
                let y: Vec<f64> = trial_grad.iter().zip(&grad).map(|(a, b)| a - b).collect();
                let sy = dot(&s, &y);
                if sy > 1e-12 {
                    if s_list.len() == settings.memory {
                        s_list.remove(0);
                        y_list.remove(0);
                        rho.remove(0);
                    }
                    s_list.push(s);
                    y_list.push(y);
                    rho.push(1.0 / sy);
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
}
