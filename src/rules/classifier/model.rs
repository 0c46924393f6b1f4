//! A fitted logistic model over line features, with an optional second stage that
//! adds the first-stage probabilities of neighbouring lines (boilerplate comes in runs).

use serde::Deserialize;

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

/// The model file written by `scripts/train/fit_classifier.py`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Model {
    pub version: u32,
    pub stage1: Layer,
    /// Inputs: `self_logit`, `prev_p`, `next_p`, `window_p`.
    #[serde(default)]
    pub stage2: Option<Layer>,
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
        if model.version != 1 {
            return Err(format!("unsupported model version {}", model.version));
        }
        model.stage1.check(stage1_features, "stage1")?;
        if let Some(s2) = &model.stage2 {
            s2.check(STAGE2_FEATURES, "stage2")?;
        }
        Ok(model)
    }

    /// Probabilities for a sequence of lines (in document order).
    pub fn predict(&self, rows: &[Vec<f32>]) -> Vec<f32> {
        let logits: Vec<f32> = rows.iter().map(|x| self.stage1.logit(x)).collect();
        let p1: Vec<f32> = logits.iter().copied().map(sigmoid).collect();
        let Some(s2) = &self.stage2 else { return p1 };
        (0..rows.len())
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
            stage2: Some(layer(STAGE2_FEATURES, &[1.0, 0.0, 0.0, 4.0])),
            validation: serde_json::Value::Null,
        };
        let p = m.predict(&[vec![3.0], vec![0.0], vec![3.0]]);
        // The middle line is neutral alone but surrounded by confident neighbours.
        assert!(p[1] > 0.8, "{p:?}");
    }

    #[test]
    fn feature_drift_is_an_error() {
        let text = r#"{"version":1,"stage1":{"features":["b"],"mean":[0],"scale":[1],"weights":[1],"bias":0}}"#;
        assert!(Model::parse(text, &["a"]).unwrap_err().contains("refit"));
    }
}
