//! Regions, not only lines: a two-state hidden Markov pass over the line
//! probabilities, so a run of boilerplate (a comment section, a related-story list)
//! is found whole and a lone odd line inside the article is not.
//!
//! The states are *article* and *boilerplate*; the line model's probability `p`,
//! divided by the share of boilerplate it was fitted on, is the likelihood of the
//! line under each state (a hybrid HMM), sharpened or flattened by `temperature`.
//! Forward-backward gives each line's posterior probability of boilerplate. The
//! parameters are fitted on develop sites by `scripts/train/fit_classifier.py`, which
//! implements the same recursion.

use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Smoothing {
    /// Probability that the line after a boilerplate line is boilerplate too.
    pub stay_boilerplate: f64,
    /// Probability that the line after an article line is article too.
    pub stay_article: f64,
    /// Share of boilerplate among the lines the model was fitted on.
    pub prior: f64,
    /// Exponent on the line likelihoods: below 1 trusts the neighbours more.
    pub temperature: f64,
}

const EPS: f64 = 1e-6;

impl Smoothing {
    pub fn check(&self) -> Result<(), String> {
        let open_unit = |v: f64| v > 0.0 && v < 1.0;
        let in_range = [self.stay_boilerplate, self.stay_article, self.prior]
            .into_iter()
            .all(open_unit);
        let sharpness = self.temperature > 0.0 && self.temperature.is_finite();
        if !(in_range && sharpness) {
            return Err("smoothing: stay-* and prior must lie strictly between 0 and 1, temperature above 0".into());
        }
        Ok(())
    }

    /// Posterior probability of boilerplate for each line, given the line model's
    /// probabilities in document order.
    pub fn posteriors(&self, p: &[f32]) -> Vec<f32> {
        let n = p.len();
        if n == 0 {
            return Vec::new();
        }
        // Likelihoods [article, boilerplate] per line.
        let like: Vec<[f64; 2]> = p
            .iter()
            .map(|&pi| {
                let pi = f64::from(pi).clamp(EPS, 1.0 - EPS);
                [
                    ((1.0 - pi) / (1.0 - self.prior)).powf(self.temperature),
                    (pi / self.prior).powf(self.temperature),
                ]
            })
            .collect();
        let (sa, sb) = (self.stay_article, self.stay_boilerplate);
        let trans = [[sa, 1.0 - sa], [1.0 - sb, sb]];
        let normalise = |v: [f64; 2]| {
            let s = v[0] + v[1];
            [v[0] / s, v[1] / s]
        };
        let mut alpha = vec![[0.0; 2]; n];
        alpha[0] = normalise([(1.0 - self.prior) * like[0][0], self.prior * like[0][1]]);
        for i in 1..n {
            let a = alpha[i - 1];
            alpha[i] = normalise([
                (a[0] * trans[0][0] + a[1] * trans[1][0]) * like[i][0],
                (a[0] * trans[0][1] + a[1] * trans[1][1]) * like[i][1],
            ]);
        }
        let mut beta = vec![[1.0; 2]; n];
        for i in (0..n - 1).rev() {
            let b = beta[i + 1];
            let l = like[i + 1];
            beta[i] = normalise([
                trans[0][0] * l[0] * b[0] + trans[0][1] * l[1] * b[1],
                trans[1][0] * l[0] * b[0] + trans[1][1] * l[1] * b[1],
            ]);
        }
        alpha
            .iter()
            .zip(&beta)
            .map(|(a, b)| {
                let g = normalise([a[0] * b[0], a[1] * b[1]]);
                g[1] as f32
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hmm() -> Smoothing {
        Smoothing {
            stay_boilerplate: 0.9,
            stay_article: 0.95,
            prior: 0.3,
            temperature: 1.0,
        }
    }

    #[test]
    fn a_doubtful_line_inside_a_run_joins_the_run() {
        let p = [0.02, 0.02, 0.9, 0.95, 0.4, 0.9, 0.9, 0.02];
        let post = hmm().posteriors(&p);
        assert!(post[4] > 0.5, "{post:?}");
        assert!(post[0] < 0.2 && post[7] < 0.5, "{post:?}");
    }

    #[test]
    fn a_lone_doubtful_line_inside_prose_stays_prose() {
        let p = [0.05, 0.05, 0.05, 0.6, 0.05, 0.05, 0.05];
        let post = hmm().posteriors(&p);
        assert!(post[3] < 0.5, "{post:?}");
    }

    #[test]
    fn bad_parameters_are_refused() {
        let mut h = hmm();
        h.prior = 1.0;
        assert!(h.check().is_err());
        assert!(hmm().check().is_ok());
        assert!(hmm().posteriors(&[]).is_empty());
    }
}
