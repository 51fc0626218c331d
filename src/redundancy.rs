//! The selector's redundancy check: is a candidate's TF-IDF cosine with any sentence already chosen above
//! the threshold? Asked once per candidate, so comparing with every chosen sentence makes a large budget
//! (`--ratio 1`) quadratic. [`CosineIndex`] answers the same question, exactly, by comparing a candidate
//! only with the chosen sentences that could exceed the threshold.
//!
//! The pruning is the prefix filter of all-pairs similarity search (Bayardo, Ma & Srikant 2007). For
//! unit vectors a and b, the part of a · b that comes from a set U of b's terms is at most ‖b_U‖. So if b
//! is indexed under all its terms but a set U with ‖b_U‖ / ‖b‖ ≤ threshold, a candidate that shares no
//! indexed term with b cannot have a cosine above the threshold with it. The terms left out are the most
//! common ones (highest document frequency), which carry little weight and would make the longest
//! posting lists. Every pair that survives is compared with [`TfIdf::cosine`], the very number the
//! pairwise check computes, so the answers are bit for bit those of comparing with every chosen sentence.

use crate::score::tfidf::TfIdf;

/// What the selector asks of a redundancy check.
pub(crate) trait RedundancyCheck {
    /// Whether candidate row `row` is too similar to a row already chosen.
    fn is_redundant(&mut self, row: usize) -> bool;
    /// Records that `row` was chosen.
    fn choose(&mut self, row: usize);
}

/// Leaves a safety margin in the pruning bound for rounding in the norms, so that a pair whose computed
/// cosine is just above the threshold is never pruned.
const BOUND_MARGIN: f64 = 0.999;

/// The chosen rows, indexed by their rarer terms. Cost per candidate: its terms' posting lists, which hold
/// only the chosen rows whose weight on that term matters.
pub(crate) struct CosineIndex<'a> {
    tfidf: &'a TfIdf,
    threshold: f64,
    /// For each term id, the chosen rows indexed under it.
    postings: Vec<Vec<u32>>,
    /// For each row, the last query that compared it, so a row sharing several terms is compared once.
    compared_in: Vec<usize>,
    query: usize,
}

impl<'a> CosineIndex<'a> {
    /// A check of cosines above `threshold` among the rows of `tfidf`; a threshold of 1 or more turns it
    /// off, as [`Config::redundancy`](crate::Config::redundancy) documents.
    pub(crate) fn new(tfidf: &'a TfIdf, threshold: f64) -> Self {
        CosineIndex { tfidf, threshold, postings: Vec::new(), compared_in: Vec::new(), query: 0 }
    }

    fn enabled(&self) -> bool {
        self.threshold < 1.0
    }
}

impl RedundancyCheck for CosineIndex<'_> {
    fn is_redundant(&mut self, row: usize) -> bool {
        if !self.enabled() {
            return false;
        }
        self.query += 1;
        let (terms, _) = self.tfidf.vectors().row(row);
        for &term in terms {
            let Some(chosen) = self.postings.get(term as usize) else { continue };
            for &other in chosen {
                let other = other as usize;
                let Some(last) = self.compared_in.get_mut(other) else { continue };
                if *last == self.query {
                    continue;
                }
                *last = self.query;
                if self.tfidf.cosine(other, row) > self.threshold {
                    return true;
                }
            }
        }
        false
    }

    fn choose(&mut self, row: usize) {
        let norm = self.tfidf.norm(row);
        if !self.enabled() || norm == 0.0 {
            // A zero vector has cosine 0 with everything: it can make no later row redundant.
            return;
        }
        let Ok(row_id) = u32::try_from(row) else { return };
        if self.compared_in.len() <= row {
            self.compared_in.resize(row + 1, 0);
        }
        let (terms, weights) = self.tfidf.vectors().row(row);
        let mut by_frequency: Vec<(u32, u32, f64)> = terms
            .iter()
            .zip(weights)
            .map(|(&term, &weight)| (self.tfidf.document_frequency(term), term, weight / norm))
            .collect();
        // Most common first; ties by term id, so the index does not depend on anything but the row.
        by_frequency.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let allowed = (self.threshold * BOUND_MARGIN).powi(2);
        let mut left_out = 0.0;
        for (_, term, share) in by_frequency {
            if left_out + share * share <= allowed {
                left_out += share * share;
                continue;
            }
            let term = term as usize;
            if self.postings.len() <= term {
                self.postings.resize_with(term + 1, Vec::new);
            }
            self.postings[term].push(row_id);
        }
    }
}

/// Compares a candidate with every chosen row: the definition [`CosineIndex`] is checked against, and the
/// check for similarities other than a [`TfIdf`]'s cosine.
#[cfg(test)]
pub(crate) struct Pairwise<F> {
    threshold: f64,
    similarity: F,
    chosen: Vec<usize>,
}

#[cfg(test)]
impl<F: Fn(usize, usize) -> f64> Pairwise<F> {
    pub(crate) fn new(threshold: f64, similarity: F) -> Self {
        Pairwise { threshold, similarity, chosen: Vec::new() }
    }
}

#[cfg(test)]
impl<F: Fn(usize, usize) -> f64> RedundancyCheck for Pairwise<F> {
    fn is_redundant(&mut self, row: usize) -> bool {
        self.threshold < 1.0 && self.chosen.iter().any(|&c| (self.similarity)(c, row) > self.threshold)
    }

    fn choose(&mut self, row: usize) {
        self.chosen.push(row);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Analyzer, Language, SentenceSplitter};
    use proptest::prelude::*;

    fn tfidf(text: &str) -> TfIdf {
        let sentences = SentenceSplitter::new(Language::English).split(text);
        let document = Analyzer::new(Language::English).analyze(text, &sentences);
        let members: Vec<usize> = (0..document.len()).collect();
        TfIdf::new(&document, &members)
    }

    /// Sentences over a small vocabulary, so that many pairs share terms and some are near-duplicates.
    fn sentences() -> impl Strategy<Value = String> {
        let word = prop::sample::select(
            &["rates", "rose", "bank", "stocks", "fell", "council", "budget", "vote", "rain", "city", "the"][..],
        );
        let sentence = prop::collection::vec(word, 1..8).prop_map(|words| format!("{}.", words.join(" ")));
        prop::collection::vec(sentence, 0..60).prop_map(|s| s.join(" "))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn the_index_answers_as_comparing_with_every_chosen_row(
            text in sentences(),
            threshold in prop::sample::select(&[0.0, 0.1, 0.3, 0.5, 0.6, 0.9, 0.99, 1.0][..]),
        ) {
            let model = tfidf(&text);
            let mut index = CosineIndex::new(&model, threshold);
            let mut pairwise = Pairwise::new(threshold, |a, b| model.cosine(a, b));
            for row in 0..model.vectors().len() {
                let redundant = index.is_redundant(row);
                prop_assert_eq!(redundant, pairwise.is_redundant(row), "row {}", row);
                if !redundant {
                    index.choose(row);
                    pairwise.choose(row);
                }
            }
        }
    }

    #[test]
    fn a_repeated_sentence_is_redundant_and_a_new_one_is_not() {
        let model = tfidf("Cats chase mice. Rain falls today. Cats chase mice.");
        let mut index = CosineIndex::new(&model, 0.5);
        index.choose(0);
        assert!(!index.is_redundant(1));
        index.choose(1);
        assert!(index.is_redundant(2));
        assert!(!CosineIndex::new(&model, 1.0).is_redundant(2));
    }
}
