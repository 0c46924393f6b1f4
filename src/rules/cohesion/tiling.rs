//! Neighbour similarity, TextTiling style: how well a paragraph fits the paragraphs
//! around it, and how deep a dip in that fit it sits in.
//!
//! Hearst's TextTiling compares blocks on each side of a gap and scores a gap by the
//! depth of its similarity valley. Here the unit is a paragraph: its similarity is the
//! cosine with the `window` paragraphs on each side (a headline above it left out), and
//! its depth is how far that falls below the highest similarity within `reach`
//! paragraphs on each side.

use super::vectors::{SparseVec, Weights};

/// Per paragraph, the cosine with the sum of up to `window` paragraphs on each side.
pub(crate) fn neighbour_similarity(
    paragraphs: &[&SparseVec],
    weights: &Weights,
    window: usize,
) -> Vec<f64> {
    (0..paragraphs.len())
        .map(|p| {
            let lo = p.saturating_sub(window);
            let hi = (p + window + 1).min(paragraphs.len());
            let around = SparseVec::sum((lo..hi).filter(|&q| q != p).map(|q| paragraphs[q]));
            weights.cosine(paragraphs[p], &around)
        })
        .collect()
}

/// The same for dense vectors (paragraph meanings, see `semantic`): per paragraph, the
/// cosine with the sum of up to `window` paragraphs on each side. Linear: a running
/// sum over a sliding window.
pub(crate) fn dense_neighbour_similarity(paragraphs: &[&[f32]], window: usize) -> Vec<f64> {
    let Some(dims) = paragraphs.first().map(|p| p.len()) else {
        return Vec::new();
    };
    let n = paragraphs.len();
    let mut sum = vec![0.0f32; dims];
    let add = |sum: &mut [f32], v: &[f32], sign: f32| {
        sum.iter_mut().zip(v).for_each(|(s, x)| *s += sign * x);
    };
    // `sum` holds paragraphs lo..hi of the window around p.
    let (mut lo, mut hi) = (0, 0);
    (0..n)
        .map(|p| {
            let (want_lo, want_hi) = (p.saturating_sub(window), (p + window + 1).min(n));
            while hi < want_hi {
                add(&mut sum, paragraphs[hi], 1.0);
                hi += 1;
            }
            while lo < want_lo {
                add(&mut sum, paragraphs[lo], -1.0);
                lo += 1;
            }
            let around: Vec<f32> = sum.iter().zip(paragraphs[p]).map(|(s, x)| s - x).collect();
            super::semantic::cosine(paragraphs[p], &around)
        })
        .collect()
}

/// Paragraphs within `window` of `p` on each side, skipping `p` and `excluded`.
pub(crate) fn window(
    len: usize,
    p: usize,
    window: usize,
    excluded: &std::ops::Range<usize>,
) -> impl Iterator<Item = usize> + '_ {
    let before = (0..excluded.start.min(p)).rev().take(window);
    let after = (p + 1..len)
        .filter(move |q| !excluded.contains(q))
        .take(window);
    before.chain(after)
}

/// Depth of the valley at `p` when its similarity is `here`: the rise to the highest
/// similarity within `reach` paragraphs on the left plus the rise on the right (0 for
/// a side with nothing higher).
pub(crate) fn depth_at(similarity: &[f64], p: usize, here: f64, reach: usize) -> f64 {
    let left = similarity[p.saturating_sub(reach)..p]
        .iter()
        .fold(here, |m, &s| m.max(s));
    let right = similarity[(p + 1).min(similarity.len())..(p + reach + 1).min(similarity.len())]
        .iter()
        .fold(here, |m, &s| m.max(s));
    (left - here) + (right - here)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dense_similarity_matches_explicit_sums() {
        let v: Vec<Vec<f32>> = vec![
            vec![1.0, 0.0, 0.0],
            vec![0.5, 0.5, 0.0],
            vec![0.0, 0.0, 1.0],
            vec![0.2, 0.9, 0.1],
            vec![1.0, 1.0, 1.0],
        ];
        let refs: Vec<&[f32]> = v.iter().map(Vec::as_slice).collect();
        let got = dense_neighbour_similarity(&refs, 2);
        for p in 0..v.len() {
            let mut around = vec![0.0f32; 3];
            let near = |q: &usize| *q != p && q.abs_diff(p) <= 2;
            for (_, other) in v.iter().enumerate().filter(|(q, _)| near(q)) {
                around.iter_mut().zip(other).for_each(|(a, x)| *a += x);
            }
            let expected = super::super::semantic::cosine(&v[p], &around);
            assert!(
                (got[p] - expected).abs() < 1e-6,
                "{p}: {} {expected}",
                got[p]
            );
        }
    }

    #[test]
    fn an_unrelated_paragraph_sits_in_a_valley() {
        let w = Weights { idf: vec![1.0; 6] };
        let v = [
            SparseVec::from_terms([0, 1]),
            SparseVec::from_terms([0, 1, 2]),
            SparseVec::from_terms([4, 5]),
            SparseVec::from_terms([1, 2]),
            SparseVec::from_terms([0, 2]),
        ];
        let refs: Vec<&SparseVec> = v.iter().collect();
        let s = neighbour_similarity(&refs, &w, 1);
        assert_eq!(s[2], 0.0);
        assert!(depth_at(&s, 2, s[2], 2) > 0.5);
        let lowest_left = s[0].max(s[1]) - s[1];
        let lowest_right = s[2..4].iter().fold(s[1], |m, &x| m.max(x)) - s[1];
        assert!((depth_at(&s, 1, s[1], 2) - lowest_left - lowest_right).abs() < 1e-12);
    }
}
