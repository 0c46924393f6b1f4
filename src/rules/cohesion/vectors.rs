//! Sparse term vectors and the cosines cohesion is built on.
//!
//! A paragraph is a sparse vector of term counts (sorted by term id). Weights are
//! `(1 + ln tf) * idf`, applied when two vectors are compared, so sums of counts stay
//! exact: the rest of a document is the document's total minus the paragraph, and its
//! cosine with the paragraph costs `O(paragraph terms)` given the total's norm.

/// Term counts of one text, sorted by term id, no zero entries.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct SparseVec {
    entries: Vec<(u32, f32)>,
}

impl SparseVec {
    /// Counts of the term ids in `terms` (any order, repeats counted).
    pub(crate) fn from_terms(terms: impl IntoIterator<Item = u32>) -> SparseVec {
        let mut ids: Vec<u32> = terms.into_iter().collect();
        ids.sort_unstable();
        let mut entries: Vec<(u32, f32)> = Vec::new();
        for id in ids {
            match entries.last_mut() {
                Some((last, n)) if *last == id => *n += 1.0,
                _ => entries.push((id, 1.0)),
            }
        }
        SparseVec { entries }
    }

    pub(crate) fn entries(&self) -> &[(u32, f32)] {
        &self.entries
    }

    /// Distinct terms.
    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }

    /// The count of `id`, 0 when absent.
    pub(crate) fn get(&self, id: u32) -> f32 {
        self.entries
            .binary_search_by_key(&id, |e| e.0)
            .map_or(0.0, |i| self.entries[i].1)
    }

    /// The sum of several vectors (a merge of sorted lists).
    pub(crate) fn sum<'a>(parts: impl IntoIterator<Item = &'a SparseVec>) -> SparseVec {
        let mut all: Vec<(u32, f32)> = parts
            .into_iter()
            .flat_map(|v| v.entries.iter().copied())
            .collect();
        all.sort_unstable_by_key(|e| e.0);
        let mut entries: Vec<(u32, f32)> = Vec::with_capacity(all.len());
        for (id, n) in all {
            match entries.last_mut() {
                Some((last, m)) if *last == id => *m += n,
                _ => entries.push((id, n)),
            }
        }
        SparseVec { entries }
    }
}

/// Per-term inverse document frequencies, indexed by term id.
#[derive(Debug, Clone, Default)]
pub(crate) struct Weights {
    pub(crate) idf: Vec<f32>,
}

impl Weights {
    /// The weight of a term occurring `count` times: `(1 + ln count) * idf`.
    pub(crate) fn weight(&self, id: u32, count: f32) -> f64 {
        if count <= 0.0 {
            return 0.0;
        }
        (1.0 + f64::from(count).ln()) * f64::from(self.idf[id as usize])
    }

    pub(crate) fn norm(&self, v: &SparseVec) -> f64 {
        v.entries
            .iter()
            .map(|&(id, n)| self.weight(id, n).powi(2))
            .sum::<f64>()
            .sqrt()
    }

    /// Cosine of two weighted vectors; 0 when either is empty.
    pub(crate) fn cosine(&self, a: &SparseVec, b: &SparseVec) -> f64 {
        let (mut i, mut j, mut dot) = (0, 0, 0.0);
        let (x, y) = (&a.entries, &b.entries);
        while i < x.len() && j < y.len() {
            match x[i].0.cmp(&y[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    dot += self.weight(x[i].0, x[i].1) * self.weight(y[j].0, y[j].1);
                    i += 1;
                    j += 1;
                }
            }
        }
        ratio(dot, self.norm(a) * self.norm(b))
    }
}

fn ratio(dot: f64, norms: f64) -> f64 {
    if norms > 0.0 { dot / norms } else { 0.0 }
}

/// The whole document's term counts, dense over the document's term ids, with the
/// squared norm of its weighted form: the centroid parts are subtracted from.
#[derive(Debug, Clone)]
pub(crate) struct Total {
    counts: Vec<f32>,
    norm2: f64,
}

/// How a paragraph relates to the rest of its document.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub(crate) struct RestOverlap {
    pub(crate) cosine: f64,
    /// Distinct terms of the paragraph that occur in the rest.
    pub(crate) shared: usize,
}

impl Total {
    pub(crate) fn new<'a>(
        parts: impl IntoIterator<Item = &'a SparseVec>,
        weights: &Weights,
    ) -> Total {
        let mut counts = vec![0.0f32; weights.idf.len()];
        for v in parts {
            for &(id, n) in &v.entries {
                counts[id as usize] += n;
            }
        }
        let norm2 = counts
            .iter()
            .enumerate()
            .map(|(id, &n)| weights.weight(id as u32, n).powi(2))
            .sum();
        Total { counts, norm2 }
    }

    /// The document's count of term `id`.
    pub(crate) fn count(&self, id: u32) -> f32 {
        self.counts[id as usize]
    }

    /// Compares `v` with the document minus `excluded` (which should include `v`
    /// itself), in `O(|excluded|)`.
    pub(crate) fn rest_overlap(
        &self,
        v: &SparseVec,
        excluded: &SparseVec,
        weights: &Weights,
    ) -> RestOverlap {
        let mut rest_norm2 = self.norm2;
        for &(id, n) in &excluded.entries {
            let total = self.counts[id as usize];
            let left = (total - n).max(0.0);
            rest_norm2 -= weights.weight(id, total).powi(2) - weights.weight(id, left).powi(2);
        }
        let (mut dot, mut shared) = (0.0, 0);
        for &(id, n) in &v.entries {
            let left = (self.counts[id as usize] - excluded.get(id)).max(0.0);
            if left > 0.0 {
                dot += weights.weight(id, n) * weights.weight(id, left);
                shared += 1;
            }
        }
        RestOverlap {
            cosine: ratio(dot, weights.norm(v) * rest_norm2.max(0.0).sqrt()),
            shared,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn weights(idf: &[f32]) -> Weights {
        Weights { idf: idf.to_vec() }
    }

    #[test]
    fn counts_merge_and_lookup() {
        let v = SparseVec::from_terms([3, 1, 3, 3]);
        assert_eq!(v.entries(), &[(1, 1.0), (3, 3.0)]);
        assert_eq!(v.get(3), 3.0);
        assert_eq!(v.get(2), 0.0);
        let s = SparseVec::sum([&v, &SparseVec::from_terms([2, 3])]);
        assert_eq!(s.entries(), &[(1, 1.0), (2, 1.0), (3, 4.0)]);
    }

    #[test]
    fn cosine_of_identical_orthogonal_and_empty() {
        let w = weights(&[1.0, 2.0, 3.0]);
        let a = SparseVec::from_terms([0, 1]);
        let b = SparseVec::from_terms([2]);
        assert!((w.cosine(&a, &a) - 1.0).abs() < 1e-12);
        assert_eq!(w.cosine(&a, &b), 0.0);
        assert_eq!(w.cosine(&a, &SparseVec::default()), 0.0);
    }

    #[test]
    fn cosine_uses_sublinear_tf_and_idf() {
        let w = weights(&[1.0, 2.0]);
        let a = SparseVec::from_terms([0, 0, 1]);
        let b = SparseVec::from_terms([0]);
        let wa0 = (1.0 + 2f64.ln()) * 1.0;
        let expected = wa0 / (wa0.powi(2) + 4.0).sqrt();
        assert!((w.cosine(&a, &b) - expected).abs() < 1e-12);
    }

    #[test]
    fn rest_overlap_equals_explicit_subtraction() {
        let w = weights(&[0.5, 1.0, 2.0, 3.0, 1.5]);
        let parts = vec![
            SparseVec::from_terms([0, 1, 1, 2]),
            SparseVec::from_terms([2, 3, 4]),
            SparseVec::from_terms([1, 3, 3, 0]),
        ];
        let total = Total::new(&parts, &w);
        for (i, p) in parts.iter().enumerate() {
            let rest = SparseVec::sum(
                parts
                    .iter()
                    .enumerate()
                    .filter(|(j, _)| *j != i)
                    .map(|(_, v)| v),
            );
            let got = total.rest_overlap(p, p, &w);
            assert!(
                (got.cosine - w.cosine(p, &rest)).abs() < 1e-9,
                "paragraph {i}"
            );
            let shared = p
                .entries()
                .iter()
                .filter(|(id, _)| rest.get(*id) > 0.0)
                .count();
            assert_eq!(got.shared, shared);
        }
    }

    #[test]
    fn excluding_a_second_paragraph_removes_its_terms() {
        let w = weights(&[1.0, 1.0, 1.0]);
        let parts = vec![
            SparseVec::from_terms([0, 1]),
            SparseVec::from_terms([0, 1]),
            SparseVec::from_terms([2]),
        ];
        let total = Total::new(&parts, &w);
        let excluded = SparseVec::sum([&parts[0], &parts[1]]);
        let got = total.rest_overlap(&parts[0], &excluded, &w);
        assert_eq!(got.shared, 0);
        assert_eq!(got.cosine, 0.0);
    }
}
