//! A fitted logistic model over line features (dense layout features plus sparse
//! hashed n-grams), with optional context: a second stage over the neighbours'
//! first-stage probabilities, and a hidden Markov pass over the document
//! ([`Smoothing`]); boilerplate comes in runs.

use serde::Deserialize;

use super::hashed::BUCKETS;
pub use super::smoothing::Smoothing;

/// One logistic layer over standardised inputs.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Layer {
    pub features: Vec<String>,
    pub mean: Vec<f32>,
    pub scale: Vec<f32>,
    pub weights: Vec<f32>,
    pub bias: f32,
}

/// Weights of the hashed n-gram buckets, as stored: the buckets whose weight is not
/// zero, in bucket order.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct SparseWeights {
    buckets: u32,
    indices: Vec<u32>,
    weights: Vec<f32>,
}

/// Weights of every hashed bucket, spread out for lookup.
#[derive(Debug, Clone, Deserialize)]
#[serde(try_from = "SparseWeights")]
pub struct HashedWeights {
    dense: Vec<f32>,
    /// One bit per bucket, set when its weight is not zero: 32 KiB that stay in the
    /// cache, where the 1 MiB of `dense` would not, for the buckets no line needs.
    weighed: Vec<u64>,
}

impl TryFrom<SparseWeights> for HashedWeights {
    type Error = String;

    fn try_from(h: SparseWeights) -> Result<Self, String> {
        if h.buckets != BUCKETS {
            return Err(format!(
                "hashed: the model has {} buckets, but this build hashes into {BUCKETS}; refit the model",
                h.buckets
            ));
        }
        if h.indices.len() != h.weights.len() {
            return Err("hashed: indices and weights must have the same length".into());
        }
        let mut dense = vec![0.0; BUCKETS as usize];
        let mut weighed = vec![0; (BUCKETS as usize).div_ceil(64)];
        for (&i, &w) in h.indices.iter().zip(&h.weights) {
            let slot = dense
                .get_mut(i as usize)
                .ok_or_else(|| format!("hashed: bucket {i} is out of range"))?;
            *slot = w;
            if w != 0.0 {
                weighed[i as usize / 64] |= 1 << (i % 64);
            }
        }
        Ok(HashedWeights { dense, weighed })
    }
}

/// The model file written by `scripts/train/fit_classifier.py`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Model {
    pub version: u32,
    pub stage1: Layer,
    /// Weights of [`super::hashed`] features, added to stage 1's logit (version 2).
    #[serde(default)]
    pub hashed: Option<HashedWeights>,
    /// Inputs: `self_logit`, `prev_p`, `next_p`, `window_p`.
    #[serde(default)]
    pub stage2: Option<Layer>,
    /// A pass over the whole document after the line probabilities.
    #[serde(default)]
    pub smoothing: Option<Smoothing>,
    /// Validation figures, for humans; not used.
    #[serde(default)]
    pub validation: serde_json::Value,
}

pub const STAGE2_FEATURES: &[&str] = &["self_logit", "prev_p", "next_p", "window_p"];

fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

impl Layer {
    fn check(&self, expected: &[&str], what: &str) -> Result<(), String> {
        let names: Vec<&str> = self.features.iter().map(String::as_str).collect();
        if names != expected {
            return Err(format!(
                "{what} lists features {names:?}, but this build computes {expected:?}; refit the model with the script that wrote it (scripts/train/)"
            ));
        }
        let n = expected.len();
        if self.mean.len() != n || self.scale.len() != n || self.weights.len() != n {
            return Err(format!(
                "{what}: mean, scale and weights must each have {n} entries"
            ));
        }
        Ok(())
    }

    /// Per-feature contributions to the logit (weight times standardised value).
    pub fn contributions(&self, x: &[f32]) -> Vec<f32> {
        x.iter()
            .zip(&self.mean)
            .zip(&self.scale)
            .zip(&self.weights)
            .map(|(((v, m), s), w)| w * (v - m) / if *s > 0.0 { *s } else { 1.0 })
            .collect()
    }

    pub fn logit(&self, x: &[f32]) -> f32 {
        self.bias + self.contributions(x).iter().sum::<f32>()
    }
}

impl Model {
    pub fn parse(text: &str, stage1_features: &[&str]) -> Result<Model, String> {
        let model: Model =
            serde_json::from_str(text).map_err(|e| format!("invalid model file: {e}"))?;
        if !(1..=2).contains(&model.version) {
            return Err(format!(
                "unsupported model version {} (this build reads 1 and 2)",
                model.version
            ));
        }
        model.stage1.check(stage1_features, "stage1")?;
        if let Some(s2) = &model.stage2 {
            s2.check(STAGE2_FEATURES, "stage2")?;
        }
        if let Some(s) = &model.smoothing {
            s.check()?;
        }
        if model.hashed.is_some() && model.version < 2 {
            return Err("hashed weights need model version 2".into());
        }
        Ok(model)
    }

    /// The weight of one hashed bucket (0 without hashed features).
    pub fn bucket_weight(&self, bucket: u32) -> f32 {
        self.hashed
            .as_ref()
            .and_then(|h| h.dense.get(bucket as usize).copied())
            .unwrap_or(0.0)
    }

    /// Whether the model gives hashed bucket `bucket` a weight (not zero).
    pub fn weighs(&self, bucket: u32) -> bool {
        self.hashed.as_ref().is_some_and(|h| {
            h.weighed
                .get(bucket as usize / 64)
                .is_some_and(|w| w & (1 << (bucket % 64)) != 0)
        })
    }

    /// The hashed features' share of a line's logit.
    pub fn hashed_logit(&self, hashed: &[(u32, f32)]) -> f32 {
        hashed.iter().map(|(b, v)| self.bucket_weight(*b) * v).sum()
    }

    /// Probabilities for a sequence of lines (in document order): `rows` are the
    /// dense features, `hashed` the hashed ones (empty when the model has none).
    pub fn predict(&self, rows: &[Vec<f32>], hashed: &[Vec<(u32, f32)>]) -> Vec<f32> {
        let logits: Vec<f32> = rows
            .iter()
            .enumerate()
            .map(|(i, x)| {
                self.stage1.logit(x) + hashed.get(i).map_or(0.0, |h| self.hashed_logit(h))
            })
            .collect();
        let p = self.stage2(&logits);
        match &self.smoothing {
            Some(s) => s.posteriors(&p),
            None => p,
        }
    }

    fn stage2(&self, logits: &[f32]) -> Vec<f32> {
        let p1: Vec<f32> = logits.iter().copied().map(sigmoid).collect();
        let Some(s2) = &self.stage2 else { return p1 };
        (0..logits.len())
            .map(|i| {
                let prev = if i > 0 { p1[i - 1] } else { 0.0 };
                let next = p1.get(i + 1).copied().unwrap_or(0.0);
                let lo = i.saturating_sub(3);
                let hi = (i + 4).min(p1.len());
                let window: f32 = (lo..hi).filter(|j| *j != i).map(|j| p1[j]).sum::<f32>()
                    / ((hi - lo).saturating_sub(1).max(1)) as f32;
                sigmoid(s2.logit(&[logits[i], prev, next, window]))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layer(names: &[&str], w: &[f32]) -> Layer {
        Layer {
            features: names.iter().map(|s| s.to_string()).collect(),
            mean: vec![0.0; names.len()],
            scale: vec![1.0; names.len()],
            weights: w.to_vec(),
            bias: 0.0,
        }
    }

    #[test]
    fn logistic_and_context() {
        let m = Model {
            version: 1,
            stage1: layer(&["a"], &[2.0]),
            hashed: None,
            stage2: Some(layer(STAGE2_FEATURES, &[1.0, 0.0, 0.0, 4.0])),
            smoothing: None,
            validation: serde_json::Value::Null,
        };
        let p = m.predict(&[vec![3.0], vec![0.0], vec![3.0]], &[]);
        // The middle line is neutral alone but surrounded by confident neighbours.
        assert!(p[1] > 0.8, "{p:?}");
    }

    #[test]
    fn hashed_weights_add_to_the_logit() {
        let text = r#"{"version":2,"stage1":{"features":["a"],"mean":[0],"scale":[1],"weights":[0],"bias":0},
            "hashed":{"buckets":262144,"indices":[7,9],"weights":[3.0,-1.0]}}"#;
        let m = Model::parse(text, &["a"]).unwrap();
        let p = m.predict(&[vec![0.0], vec![0.0]], &[vec![(7, 1.0)], vec![(9, 2.0)]]);
        assert!(p[0] > 0.95 && p[1] < 0.15, "{p:?}");
    }

    #[test]
    fn broken_hashed_weights_are_errors() {
        let base = r#"{"version":2,"stage1":{"features":["a"],"mean":[0],"scale":[1],"weights":[0],"bias":0},"hashed":"#;
        let err = |h: &str| Model::parse(&format!("{base}{h}}}"), &["a"]).unwrap_err();
        assert!(err(r#"{"buckets":16,"indices":[],"weights":[]}"#).contains("refit"));
        assert!(err(r#"{"buckets":262144,"indices":[1],"weights":[]}"#).contains("same length"));
        assert!(
            err(r#"{"buckets":262144,"indices":[262144],"weights":[1]}"#).contains("out of range")
        );
    }

    #[test]
    fn feature_drift_is_an_error() {
        let text = r#"{"version":1,"stage1":{"features":["b"],"mean":[0],"scale":[1],"weights":[1],"bias":0}}"#;
        assert!(Model::parse(text, &["a"]).unwrap_err().contains("refit"));
    }
}
