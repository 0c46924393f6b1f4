//! Background document frequencies and the recurrence evidence built on them.
//!
//! A stem's chance to appear in an article is estimated from its background
//! probability (how often it occurs in running English text) and, when several files
//! are checked, from the run's own document frequency. The evidence that a paragraph
//! belongs to its document is a log-likelihood ratio over its content words: each word
//! that recurs in the rest of the document counts for belonging, more so the rarer it
//! is; each that does not counts against.

/// The length, in words, of the article the background document frequency imagines.
pub(crate) const BACKGROUND_ARTICLE_WORDS: f64 = 500.0;

/// `idf = ln((N + m) / (df + m q))`: the run's document frequency `df` out of `N`
/// documents, smoothed towards `q`, the chance that an article of
/// [`BACKGROUND_ARTICLE_WORDS`] words contains a stem of background probability `p`
/// (`q = 1 - exp(-500 p)`), with the weight of `m` documents. With no run statistics
/// (`N = 0`) this is `-ln q`.
pub(crate) fn idf(probability: f64, df: u32, documents: u32, prior: f64) -> f32 {
    let q = (-(-BACKGROUND_ARTICLE_WORDS * probability).exp_m1()).clamp(1e-9, 1.0);
    let n = f64::from(documents);
    let df = if documents == 0 { 0.0 } else { f64::from(df) };
    ((n + prior) / (df + prior * q)).ln().max(0.0) as f32
}

/// Chance that a text of `words` words contains a stem found in an article with
/// probability `exp(-idf)`.
pub(crate) fn chance_in(idf: f32, words: f64) -> f64 {
    let in_article = (-f64::from(idf)).exp();
    let q = 1.0 - (1.0 - in_article).powf(words / BACKGROUND_ARTICLE_WORDS);
    q.clamp(1e-9, 1.0 - 1e-9)
}

/// The recurrence of a story's words in a rest of `words` words: `recurrence` scaled
/// by `1 - exp(-words / scale)`, as a short text leaves its words little room to recur
/// (no scaling when `scale` is 0).
pub(crate) fn recurrence_in(recurrence: f64, scale: f64, words: f64) -> f64 {
    if scale <= 0.0 {
        recurrence
    } else {
        (recurrence * -(-words / scale).exp_m1()).max(1e-6)
    }
}

/// Evidence, in nats, from one content word of a paragraph: `recurs` says whether it
/// occurs in the rest of the document, `chance` how likely that is for a paragraph from
/// anywhere ([`chance_in`]). A paragraph of the story makes a word recur with
/// probability `recurrence + (1 - recurrence) * chance`.
pub(crate) fn word_evidence(recurs: bool, chance: f64, recurrence: f64) -> f64 {
    if recurs {
        ((recurrence + (1.0 - recurrence) * chance) / chance).ln()
    } else {
        (1.0 - recurrence).ln()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn idf_without_a_run_is_background_only() {
        let q = |p: f64| 1.0 - (-500.0 * p).exp();
        assert!((f64::from(idf(1e-3, 0, 0, 20.0)) + q(1e-3).ln()).abs() < 1e-5);
        assert!(idf(1e-7, 0, 0, 20.0) > idf(1e-3, 0, 0, 20.0));
        // Without a run, a df passed in is ignored.
        assert_eq!(idf(1e-5, 7, 0, 20.0), idf(1e-5, 0, 0, 20.0));
    }

    #[test]
    fn run_document_frequency_lowers_idf_of_terms_every_file_uses() {
        let alone = idf(1e-6, 0, 0, 20.0);
        let everywhere = idf(1e-6, 200, 200, 20.0);
        let once = idf(1e-6, 1, 200, 20.0);
        assert!(everywhere < 0.2, "{everywhere}");
        assert!(once > everywhere && alone > everywhere);
    }

    #[test]
    fn chance_grows_with_length_and_commonness() {
        assert!(chance_in(5.0, 1000.0) > chance_in(5.0, 100.0));
        assert!(chance_in(1.0, 500.0) > chance_in(5.0, 500.0));
        assert!((chance_in(2.0, 500.0) - (-2.0f64).exp()).abs() < 1e-6);
    }

    #[test]
    fn short_rests_lower_the_recurrence() {
        assert_eq!(recurrence_in(0.3, 0.0, 10.0), 0.3);
        let short = recurrence_in(0.3, 250.0, 100.0);
        let long = recurrence_in(0.3, 250.0, 1000.0);
        assert!(short < long && long < 0.3 && long > 0.29);
    }

    #[test]
    fn rare_shared_words_weigh_more_and_missing_words_count_against() {
        let rare = word_evidence(true, 0.001, 0.3);
        let common = word_evidence(true, 0.5, 0.3);
        assert!(rare > common && common > 0.0);
        assert!(word_evidence(false, 0.001, 0.3) < 0.0);
        assert_eq!(
            word_evidence(false, 0.5, 0.3),
            word_evidence(false, 0.001, 0.3)
        );
    }
}
