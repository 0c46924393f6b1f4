//! The learned combiner: a logistic model over the per-paragraph measurements of
//! [`analysis`](super::analysis), fitted offline by `scripts/train/fit_offtopic.py`
//! on splices of real articles and shipped as `data/offtopic-model.json`.
//!
//! The model file has the format of the line classifier's (`classifier::model`): a
//! standardised logistic layer whose feature names must equal [`FEATURES`], so a model
//! fitted on another build's features is refused at load time.

use super::analysis::Features;
use crate::rules::classifier::model::Model;

/// The combiner's inputs, in order. Counts enter as `ln(1 + n)`.
pub(crate) const FEATURES: &[&str] = &[
    // Lexical cohesion with the rest of the document.
    "lex_cosine",
    "lex_relative",
    "lex_gap",
    "evidence",
    "evidence_per_word",
    "evidence_gap",
    "shared_share",
    "ln_content_words",
    // Entity novelty.
    "ln_names",
    "ln_novel_names",
    "ln_novel_bare",
    "novel_share",
    "no_names",
    // Neighbours (TextTiling).
    "neighbours",
    "depth",
    "bridge",
    // Shape and place.
    "quoted",
    "ln_document_words",
    "headline",
    // Semantic cohesion (static word vectors); a lexical-only model, fitted without
    // these `sem_` inputs, gives them weight 0.
    "sem_cosine",
    "sem_relative",
    "sem_gap",
    "sem_neighbours",
    "sem_depth",
    "sem_bridge",
    "sem_coverage",
    "sem_words",
    "sem_related",
];

/// Where a measured paragraph stands in its document.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Place {
    pub(crate) document_words: usize,
    /// Whether a headline-like line above it joins it.
    pub(crate) headline: bool,
    /// Median lexical and semantic cosines with the rest over the document's judged
    /// paragraphs: a paragraph is judged against its own document's level.
    pub(crate) median_lexical: f64,
    pub(crate) median_semantic: f64,
    /// The lowest lexical cosine, evidence per word and semantic cosine among the
    /// document's other judged paragraphs (its own value when it is the only one): a
    /// spliced paragraph is usually the most isolated of its document, by a margin.
    pub(crate) others_lexical: f64,
    pub(crate) others_evidence: f64,
    pub(crate) others_semantic: f64,
}

/// Evidence per content word.
pub(crate) fn evidence_per_word(f: &Features) -> f64 {
    f.evidence / f.content_words.max(1) as f64
}

/// The smallest of `values` other than the one at `skip`, in O(1) given the two
/// smallest (value, index) pairs from [`two_smallest`].
pub(crate) fn smallest_other(two: [(f64, usize); 2], skip: usize, own: f64) -> f64 {
    match two {
        [(_, i), (second, j)] if i == skip => {
            if j == usize::MAX {
                own
            } else {
                second
            }
        }
        [(first, i), _] if i != usize::MAX => first,
        _ => own,
    }
}

/// The two smallest values with their indices (index `usize::MAX` when missing).
pub(crate) fn two_smallest(values: impl IntoIterator<Item = f64>) -> [(f64, usize); 2] {
    let mut best = [(f64::INFINITY, usize::MAX); 2];
    for (i, v) in values.into_iter().enumerate() {
        if v < best[0].0 {
            best[1] = best[0];
            best[0] = (v, i);
        } else if v < best[1].0 {
            best[1] = (v, i);
        }
    }
    best
}

/// The feature vector of one paragraph, in the order of [`FEATURES`].
pub(crate) fn values(f: &Features, place: &Place) -> Vec<f32> {
    let ln1 = |n: usize| (n as f64).ln_1p();
    let content = f.content_words.max(1) as f64;
    let novel = f.novel_names.len();
    let flag = |b: bool| if b { 1.0 } else { 0.0 };
    let v: [f64; 28] = [
        f.rest.cosine,
        f.rest.cosine - place.median_lexical,
        place.others_lexical - f.rest.cosine,
        f.evidence,
        evidence_per_word(f),
        place.others_evidence - evidence_per_word(f),
        f.rest.shared as f64 / content,
        ln1(f.content_words),
        ln1(f.names),
        ln1(novel),
        ln1(f.novel_bare),
        if f.names == 0 {
            0.0
        } else {
            novel as f64 / f.names as f64
        },
        flag(f.names == 0),
        f.neighbours,
        f.depth,
        f.bridge,
        f.quoted,
        ln1(place.document_words),
        flag(place.headline),
        f.semantic,
        f.semantic - place.median_semantic,
        place.others_semantic - f.semantic,
        f.semantic_neighbours,
        f.semantic_depth,
        f.semantic_bridge,
        f.semantic_coverage,
        f.semantic_words,
        f.semantic_related,
    ];
    debug_assert_eq!(v.len(), FEATURES.len());
    v.iter().map(|&x| x as f32).collect()
}

/// The median of `values` (0 when empty).
pub(crate) fn median(mut values: Vec<f64>) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    values.sort_unstable_by(f64::total_cmp);
    let n = values.len();
    if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    }
}

/// Parses a combiner model file, checking its feature names against [`FEATURES`].
pub(crate) fn parse(text: &str) -> Result<Model, String> {
    let model = Model::parse(text, FEATURES)?;
    if model.stage2.is_some() {
        return Err("an off-topic model has one stage; `stage2` is for line models".into());
    }
    Ok(model)
}

/// The probability that the paragraph does not belong, and the features that pushed
/// it there most (name, contribution to the logit), strongest first.
pub(crate) fn judge(model: &Model, x: &[f32]) -> (f32, Vec<(&'static str, f32)>) {
    let layer = &model.stage1;
    let logit = layer.logit(x);
    let mut reasons: Vec<(&'static str, f32)> = FEATURES
        .iter()
        .copied()
        .zip(layer.contributions(x))
        .filter(|(_, c)| *c > 0.0)
        .collect();
    reasons.sort_by(|a, b| b.1.total_cmp(&a.1));
    (1.0 / (1.0 + (-logit).exp()), reasons)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smallest_of_the_others() {
        let two = two_smallest([3.0, 1.0, 2.0]);
        assert_eq!(two, [(1.0, 1), (2.0, 2)]);
        assert_eq!(smallest_other(two, 1, 1.0), 2.0);
        assert_eq!(smallest_other(two, 0, 3.0), 1.0);
        let one = two_smallest([5.0]);
        assert_eq!(smallest_other(one, 0, 5.0), 5.0);
        assert_eq!(smallest_other(two_smallest([]), 0, 4.0), 4.0);
    }

    #[test]
    fn median_of_odd_even_and_empty() {
        assert_eq!(median(vec![3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(vec![4.0, 1.0, 2.0, 3.0]), 2.5);
        assert_eq!(median(vec![]), 0.0);
    }

    /// The inputs from the word vectors; a lexical-only model gives them weight 0.
    fn semantic(feature: &str) -> bool {
        feature.starts_with("sem_")
    }

    #[test]
    fn the_shipped_models_load() {
        for name in [
            "data/offtopic-model.json",
            "data/offtopic-model-lexical.json",
        ] {
            let text = crate::rules::builtin::data_file(name).unwrap();
            let model = parse(text).unwrap();
            if name.contains("lexical") {
                for (f, w) in FEATURES.iter().zip(&model.stage1.weights) {
                    assert!(!semantic(f) || *w == 0.0, "{name}: {f} = {w}");
                }
            }
        }
    }

    #[test]
    fn a_model_for_other_features_is_refused() {
        let text = r#"{"version":1,"stage1":{"features":["lex_cosine"],"mean":[0],"scale":[1],"weights":[1],"bias":0}}"#;
        assert!(parse(text).unwrap_err().contains("refit"));
    }

    #[test]
    fn judging_ranks_the_features_that_pushed_up() {
        let n = FEATURES.len();
        let mut weights = vec![0.0f32; n];
        weights[0] = -2.0; // low lexical cosine pushes up
        let sem = FEATURES.iter().position(|f| *f == "sem_cosine").unwrap();
        weights[sem] = -1.0; // low semantic cosine pushes up, less
        let model = Model {
            version: 1,
            stage1: crate::rules::classifier::model::Layer {
                features: FEATURES.iter().map(|s| s.to_string()).collect(),
                mean: vec![0.5; n],
                scale: vec![1.0; n],
                weights,
                bias: 0.0,
            },
            hashed: None,
            stage2: None,
            smoothing: None,
            validation: serde_json::Value::Null,
        };
        let mut x = vec![0.5f32; n];
        x[0] = 0.0;
        x[sem] = 0.0;
        let (p, reasons) = judge(&model, &x);
        assert!((p - 1.0 / (1.0 + (-1.5f32).exp())).abs() < 1e-6);
        assert_eq!(reasons[0].0, "lex_cosine");
        assert_eq!(reasons[1].0, "sem_cosine");
    }
}
