//! TF-IDF sentence vectors, with IDF taken from the document's own sentences or from a corpus.

use std::sync::OnceLock;

use crate::analyze::{AnalyzedDocument, TermId};
use crate::idf::CorpusIdf;

/// Sparse rows of `(term, weight)` sorted by term, one row per sentence, stored contiguously (CSR).
#[derive(Clone, Debug, Default)]
pub struct SparseRows {
    offsets: Vec<usize>,
    terms: Vec<TermId>,
    weights: Vec<f64>,
}

impl SparseRows {
    /// Number of rows.
    pub fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// Whether there are no rows.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Row `i` as parallel slices of terms (ascending) and weights.
    pub fn row(&self, i: usize) -> (&[TermId], &[f64]) {
        match (self.offsets.get(i), self.offsets.get(i + 1)) {
            (Some(&start), Some(&end)) => (&self.terms[start..end], &self.weights[start..end]),
            _ => (&[], &[]),
        }
    }
}

/// TF-IDF vectors of a set of sentences, their norms, and the IDF of every term.
#[derive(Clone, Debug)]
pub struct TfIdf {
    vectors: SparseRows,
    /// Term counts, parallel to the entries of `vectors`.
    counts: Vec<u32>,
    norms: Vec<f64>,
    idf: Vec<f64>,
    /// How many of the sentences contain each term.
    document_frequency: Vec<u32>,
    /// Each row's cosine with the centroid, made on first use: the centroid feature and the adaptive
    /// mode's signals both read it.
    centroid_similarities: OnceLock<Vec<f64>>,
}

impl TfIdf {
    /// Vectors for the sentences `members` of `document` (IDF counts only those sentences).
    ///
    /// IDF is smoothed, `ln((1 + n) / (1 + df)) + 1`, so a term in every sentence still weighs a little
    /// and a one-sentence document has a usable vector.
    pub fn new(document: &AnalyzedDocument, members: &[usize]) -> TfIdf {
        Self::with_corpus(document, members, None)
    }

    /// [`new`](Self::new), with the IDF of each term taken from `corpus` when there is one (terms absent
    /// from these sentences still weigh 0).
    pub fn with_corpus(document: &AnalyzedDocument, members: &[usize], corpus: Option<&CorpusIdf>) -> TfIdf {
        let vocabulary_size = document.vocabulary().len();
        let mut document_frequency = vec![0u32; vocabulary_size];
        // Each row's distinct terms (ascending) and counts, written straight into the CSR arrays; the
        // weights follow once the IDF is known.
        let mut offsets = Vec::with_capacity(members.len() + 1);
        offsets.push(0);
        // Sized for the members' terms, repeats included: an upper bound, so the arrays never grow.
        let (total_terms, longest_row) = members
            .iter()
            .fold((0, 0), |(sum, longest), &s| (sum + document.terms(s).len(), longest.max(document.terms(s).len())));
        let mut terms: Vec<TermId> = Vec::with_capacity(total_terms);
        let mut term_counts: Vec<u32> = Vec::with_capacity(total_terms);
        let mut row: Vec<TermId> = Vec::with_capacity(longest_row);
        for &sentence in members {
            row.clear();
            row.extend_from_slice(document.terms(sentence));
            row.sort_unstable();
            for (k, &term) in row.iter().enumerate() {
                if k > 0 && row[k - 1] == term {
                    if let Some(count) = term_counts.last_mut() {
                        *count += 1;
                    }
                } else {
                    terms.push(term);
                    term_counts.push(1);
                    document_frequency[term as usize] += 1;
                }
            }
            offsets.push(terms.len());
        }
        let n = members.len() as f64;
        // Terms share a few small document frequencies (at most one per member): one logarithm per
        // distinct frequency, not per term.
        let mut idf_of_frequency: Vec<Option<f64>> = vec![None; members.len() + 1];
        let idf: Vec<f64> = document_frequency
            .iter()
            .enumerate()
            .map(|(term, &df)| {
                if df == 0 {
                    return 0.0;
                }
                if let Some(corpus) = corpus {
                    let term = TermId::try_from(term).unwrap_or(TermId::MAX);
                    return corpus.idf(document.vocabulary().stem(term));
                }
                let fresh = || ((1.0 + n) / (1.0 + f64::from(df))).ln() + 1.0;
                match idf_of_frequency.get_mut(df as usize) {
                    Some(cached) => *cached.get_or_insert_with(fresh),
                    None => fresh(),
                }
            })
            .collect();
        let mut weights = Vec::with_capacity(terms.len());
        let mut norms = Vec::with_capacity(members.len());
        for window in offsets.windows(2) {
            let mut norm = 0.0;
            for (&term, &count) in terms[window[0]..window[1]].iter().zip(&term_counts[window[0]..window[1]]) {
                let weight = f64::from(count) * idf[term as usize];
                weights.push(weight);
                norm += weight * weight;
            }
            norms.push(norm.sqrt());
        }
        TfIdf {
            vectors: SparseRows { offsets, terms, weights },
            counts: term_counts,
            norms,
            idf,
            document_frequency,
            centroid_similarities: OnceLock::new(),
        }
    }

    /// The vectors, one row per member sentence.
    pub fn vectors(&self) -> &SparseRows {
        &self.vectors
    }

    /// The term counts of row `i`, parallel to `vectors().row(i).0`.
    pub fn counts(&self, i: usize) -> &[u32] {
        match (self.vectors.offsets.get(i), self.vectors.offsets.get(i + 1)) {
            (Some(&start), Some(&end)) => &self.counts[start..end],
            _ => &[],
        }
    }

    /// Euclidean norm of row `i`.
    pub fn norm(&self, i: usize) -> f64 {
        self.norms.get(i).copied().unwrap_or(0.0)
    }

    /// IDF of a term (0 for a term in none of the member sentences).
    pub fn idf(&self, term: TermId) -> f64 {
        self.idf.get(term as usize).copied().unwrap_or(0.0)
    }

    /// Number of terms with an IDF: the document's vocabulary.
    pub(crate) fn idf_len(&self) -> usize {
        self.idf.len()
    }

    /// Number of member sentences containing `term`.
    pub fn document_frequency(&self, term: TermId) -> u32 {
        self.document_frequency.get(term as usize).copied().unwrap_or(0)
    }

    /// Cosine similarity of rows `i` and `j`.
    pub fn cosine(&self, i: usize, j: usize) -> f64 {
        let denominator = self.norm(i) * self.norm(j);
        if denominator == 0.0 {
            return 0.0;
        }
        let (terms_i, weights_i) = self.vectors.row(i);
        let (terms_j, weights_j) = self.vectors.row(j);
        sparse_dot(terms_i, weights_i, terms_j, weights_j) / denominator
    }

    /// Cosine similarity of row `i` with the mean of all rows (the document's centroid).
    pub fn centroid_similarities(&self) -> Vec<f64> {
        self.centroid_similarity().to_vec()
    }

    /// [`centroid_similarities`](Self::centroid_similarities), computed once per `TfIdf`.
    pub(crate) fn centroid_similarity(&self) -> &[f64] {
        self.centroid_similarities.get_or_init(|| self.compute_centroid_similarities())
    }

    fn compute_centroid_similarities(&self) -> Vec<f64> {
        let mut centroid = vec![0.0; self.idf.len()];
        for i in 0..self.vectors.len() {
            let (terms, weights) = self.vectors.row(i);
            let norm = self.norm(i);
            if norm > 0.0 {
                for (&t, &w) in terms.iter().zip(weights) {
                    centroid[t as usize] += w / norm;
                }
            }
        }
        let centroid_norm = centroid.iter().map(|w| w * w).sum::<f64>().sqrt();
        (0..self.vectors.len())
            .map(|i| {
                let (terms, weights) = self.vectors.row(i);
                let denominator = self.norm(i) * centroid_norm;
                if denominator == 0.0 {
                    return 0.0;
                }
                terms.iter().zip(weights).map(|(&t, &w)| w * centroid[t as usize]).sum::<f64>() / denominator
            })
            .collect()
    }

    /// Cosine similarity of row `i` with an outside bag of terms (e.g. the headline), weighted by this
    /// document's IDF.
    pub fn cosine_with_terms(&self, i: usize, other_terms: &[TermId]) -> f64 {
        self.cosine_with_bag(i, &self.bag_vector(other_terms))
    }

    /// An outside bag of terms as a vector weighted by this document's IDF, to be compared with many rows
    /// by [`cosine_with_bag`](Self::cosine_with_bag) without being rebuilt for each.
    pub(crate) fn bag_vector(&self, other_terms: &[TermId]) -> BagVector {
        let mut other: Vec<(TermId, f64)> = other_terms.iter().map(|&t| (t, self.idf(t))).collect();
        other.sort_unstable_by_key(|&(t, _)| t);
        other.dedup_by(|next, kept| {
            let same = next.0 == kept.0;
            if same {
                kept.1 += next.1;
            }
            same
        });
        let norm = other.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
        let (terms, weights) = other.into_iter().unzip();
        BagVector { terms, weights, norm }
    }

    /// Cosine similarity of row `i` with a vector from [`bag_vector`](Self::bag_vector).
    pub(crate) fn cosine_with_bag(&self, i: usize, bag: &BagVector) -> f64 {
        let denominator = self.norm(i) * bag.norm;
        if denominator == 0.0 {
            return 0.0;
        }
        let (terms, weights) = self.vectors.row(i);
        sparse_dot(terms, weights, &bag.terms, &bag.weights) / denominator
    }
}

/// A bag of terms outside the member sentences (e.g. the headline), weighted by a [`TfIdf`]'s IDF.
pub(crate) struct BagVector {
    terms: Vec<TermId>,
    weights: Vec<f64>,
    norm: f64,
}

/// Dot product of two sparse vectors with ascending term ids.
pub(crate) fn sparse_dot(terms_a: &[TermId], weights_a: &[f64], terms_b: &[TermId], weights_b: &[f64]) -> f64 {
    let (mut a, mut b, mut sum) = (0, 0, 0.0);
    while a < terms_a.len() && b < terms_b.len() {
        match terms_a[a].cmp(&terms_b[b]) {
            std::cmp::Ordering::Less => a += 1,
            std::cmp::Ordering::Greater => b += 1,
            std::cmp::Ordering::Equal => {
                sum += weights_a[a] * weights_b[b];
                a += 1;
                b += 1;
            }
        }
    }
    sum
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Analyzer, Language, SentenceSplitter};

    fn tfidf(text: &str) -> TfIdf {
        let sentences = SentenceSplitter::new(Language::English).split(text);
        let document = Analyzer::new(Language::English).analyze(text, &sentences);
        let members: Vec<usize> = (0..document.len()).collect();
        TfIdf::new(&document, &members)
    }

    #[test]
    fn identical_sentences_have_cosine_one_and_disjoint_ones_zero() {
        let model = tfidf("Cats chase mice. Cats chase mice. Rain falls today.");
        assert!((model.cosine(0, 1) - 1.0).abs() < 1e-12);
        assert_eq!(model.cosine(0, 2), 0.0);
    }

    #[test]
    fn rarer_terms_weigh_more() {
        let model = tfidf("Cats sleep. Cats purr. Cats hunt birds.");
        let (terms, weights) = model.vectors().row(2);
        assert_eq!(terms.len(), 3);
        let cat = weights[0];
        assert!(weights[1] > cat && weights[2] > cat, "{weights:?}");
    }

    #[test]
    fn centroid_prefers_the_typical_sentence() {
        let model = tfidf("Markets fell on rate fears. Rate fears hit markets. Lunch was tasty.");
        let sims = model.centroid_similarities();
        assert!(sims[0] > sims[2] && sims[1] > sims[2], "{sims:?}");
    }
}
