//! The sentence-similarity graph, sparse (CSR), built from an inverted index over terms.
//!
//! Only sentence pairs that share a term are ever compared, and a term found in very many sentences
//! creates no edges, so building the graph costs about the sum of the squared posting lengths of the
//! kept terms, not n².

use crate::analyze::{AnalyzedDocument, TermId};
use crate::config::{GraphConfig, Similarity};

use super::tfidf::TfIdf;

/// Rows with at least one touched node in this many are walked in node order instead of sorted.
const DENSE_ROW_FACTOR: usize = 8;

/// Degree to reserve room for per node: a short document's graph is nearly complete, and beyond this many
/// sentences the vectors simply grow.
const EXPECTED_DEGREE: usize = 64;

/// A sentence keeps at most this many neighbours, its strongest ones. An article has far fewer candidate
/// sentences, so its graph is exactly the full similarity graph. The cap bounds memory on long documents
/// whose terms each recur in up to `max_term_sentences` sentences: a 50 MB unpunctuated dump, cut into
/// 26,000 pieces of a few hundred such terms, would otherwise keep tens of thousands of edges per node
/// (3.8 GB).
pub(crate) const MAX_NEIGHBORS: usize = 512;

/// BM25 term-frequency saturation (Robertson & Zaragoza; the value summa and gensim use).
const BM25_K1: f64 = 1.2;
/// BM25 length normalization.
const BM25_B: f64 = 0.75;
/// Negative BM25 IDFs (terms in more than half the sentences) are replaced by this share of the average
/// IDF, as Barrios et al. (2016) do.
const BM25_EPSILON: f64 = 0.25;

/// A weighted undirected graph over sentences in compressed sparse row form.
#[derive(Clone, Debug, Default)]
pub struct SimilarityGraph {
    offsets: Vec<usize>,
    neighbors: Vec<u32>,
    weights: Vec<f64>,
}

impl SimilarityGraph {
    /// Number of nodes.
    pub fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// Whether the graph has no nodes.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Number of stored (directed) edges; each undirected edge is stored twice.
    pub fn edge_count(&self) -> usize {
        self.neighbors.len()
    }

    /// The neighbors of node `i` (ascending) and the edge weights.
    pub fn edges(&self, i: usize) -> (&[u32], &[f64]) {
        match (self.offsets.get(i), self.offsets.get(i + 1)) {
            (Some(&start), Some(&end)) => (&self.neighbors[start..end], &self.weights[start..end]),
            _ => (&[], &[]),
        }
    }

    /// Builds the graph over `members` (sentence indices into `document`); node `k` is `members[k]`.
    pub fn build(
        document: &AnalyzedDocument,
        members: &[usize],
        tfidf: &TfIdf,
        similarity: Similarity,
        config: &GraphConfig,
    ) -> SimilarityGraph {
        let postings = Postings::new(document.vocabulary().len(), members.len(), tfidf, config.max_term_sentences);
        let lengths: Vec<f64> = members.iter().map(|&s| document.terms(s).len() as f64).collect();
        match similarity {
            Similarity::Cosine => build_rows(tfidf, &postings, config, &Cosine { tfidf }),
            Similarity::WordOverlap => {
                let log_lengths = lengths.iter().map(|l| l.max(1.0).ln()).collect();
                build_rows(tfidf, &postings, config, &WordOverlap { log_lengths })
            }
            Similarity::Bm25 => {
                let bm25 = Bm25::new(tfidf, &postings, &lengths);
                build_rows(tfidf, &postings, config, &bm25).symmetrized()
            }
        }
    }

    /// Averages each edge with its reverse, making a directed graph (BM25) undirected.
    fn symmetrized(&self) -> SimilarityGraph {
        let mut weights = self.weights.clone();
        for i in 0..self.len() {
            let (neighbors, forward) = self.edges(i);
            let start = self.offsets[i];
            for (k, (&j, &w)) in neighbors.iter().zip(forward).enumerate() {
                let (back_neighbors, back_weights) = self.edges(j as usize);
                let reverse = back_neighbors
                    .binary_search(&u32::try_from(i).unwrap_or(u32::MAX))
                    .map_or(0.0, |pos| back_weights[pos]);
                weights[start + k] = 0.5 * (w + reverse);
            }
        }
        SimilarityGraph { offsets: self.offsets.clone(), neighbors: self.neighbors.clone(), weights }
    }

    /// Sum of each node's edge weights to nodes after it (`forward`) and before it (`backward`).
    pub fn directed_sums(&self) -> (Vec<f64>, Vec<f64>) {
        let mut forward = vec![0.0; self.len()];
        let mut backward = vec![0.0; self.len()];
        for i in 0..self.len() {
            let (neighbors, weights) = self.edges(i);
            for (&j, &w) in neighbors.iter().zip(weights) {
                if (j as usize) > i {
                    forward[i] += w;
                } else if (j as usize) < i {
                    backward[i] += w;
                }
            }
        }
        (forward, backward)
    }
}

/// How one similarity scores a pair of sentences: the sum over their shared terms of `contribution`,
/// turned into the edge weight by `finish`. Each similarity is its own type so that the innermost loop
/// of [`build_rows`] is compiled for it, without a branch on the kind of similarity.
trait PairScore {
    /// What shared term `term` (`count_i` times in row `i`, with TF-IDF weight `weight_i` there, and
    /// `count_j` times in row `j`) adds to the pair's raw score.
    fn contribution(&self, term: TermId, weight_i: f64, count_i: u32, idf: f64, count_j: u32, j: usize) -> f64;

    /// The edge weight of rows `i` and `j` from their raw score.
    fn finish(&self, raw: f64, i: usize, j: usize) -> f64;
}

struct Cosine<'a> {
    tfidf: &'a TfIdf,
}

impl PairScore for Cosine<'_> {
    #[inline]
    fn contribution(&self, _: TermId, weight_i: f64, _: u32, idf: f64, count_j: u32, _: usize) -> f64 {
        weight_i * f64::from(count_j) * idf
    }

    #[inline]
    fn finish(&self, raw: f64, i: usize, j: usize) -> f64 {
        let denominator = self.tfidf.norm(i) * self.tfidf.norm(j);
        if denominator > 0.0 { raw / denominator } else { 0.0 }
    }
}

struct WordOverlap {
    /// ln(max(1, number of terms)) of each row.
    log_lengths: Vec<f64>,
}

impl PairScore for WordOverlap {
    #[inline]
    fn contribution(&self, _: TermId, _: f64, _: u32, _: f64, _: u32, _: usize) -> f64 {
        1.0
    }

    #[inline]
    fn finish(&self, raw: f64, i: usize, j: usize) -> f64 {
        let denominator = self.log_lengths[i] + self.log_lengths[j];
        if denominator > 0.0 { raw / denominator } else { 0.0 }
    }
}

impl PairScore for Bm25 {
    #[inline]
    fn contribution(&self, term: TermId, _: f64, count_i: u32, _: f64, count_j: u32, j: usize) -> f64 {
        f64::from(count_i) * self.term_score(term, count_j, j)
    }

    #[inline]
    fn finish(&self, raw: f64, _: usize, _: usize) -> f64 {
        raw
    }
}

/// The rows of the graph: for each row `i`, the rows that share a term with it (through the inverted
/// index, skipping over-common terms), scored by `score`. Contributions to a pair are added in the order
/// of row `i`'s terms, so each weight is the same sum whatever the rest of the document.
fn build_rows(tfidf: &TfIdf, postings: &Postings, config: &GraphConfig, score: &impl PairScore) -> SimilarityGraph {
    let n = tfidf.vectors().len();
    let mut accumulator = vec![0.0f64; n];
    // `stamp[j] == i + 1` marks `j` as already touched while row `i` is built.
    let mut stamp = vec![0usize; n];
    let mut touched: Vec<u32> = Vec::with_capacity(n);
    let mut row: Vec<(u32, f64)> = Vec::with_capacity(n.min(MAX_NEIGHBORS * 2));
    let mut offsets = Vec::with_capacity(n + 1);
    offsets.push(0);
    // Short documents are nearly complete graphs; long ones have far fewer edges per node than nodes.
    let expected_edges = n * n.min(EXPECTED_DEGREE);
    let mut neighbors: Vec<u32> = Vec::with_capacity(expected_edges);
    let mut weights: Vec<f64> = Vec::with_capacity(expected_edges);

    for i in 0..n {
        let (terms, tfidf_weights) = tfidf.vectors().row(i);
        let counts = tfidf.counts(i);
        for ((&term, &weight_i), &count_i) in terms.iter().zip(tfidf_weights).zip(counts) {
            let Some(list) = postings.list(term) else { continue };
            let idf = tfidf.idf(term);
            for &(j, count_j) in list {
                let ju = j as usize;
                if ju == i && !config.self_loops {
                    continue;
                }
                if stamp[ju] != i + 1 {
                    stamp[ju] = i + 1;
                    touched.push(j);
                }
                accumulator[ju] += score.contribution(term, weight_i, count_i, idf, count_j, ju);
            }
        }
        // The row must come out in neighbor order. When most nodes were touched (short documents), walking
        // all nodes in order is cheaper than sorting the touched ones.
        let dense = touched.len() * DENSE_ROW_FACTOR >= n;
        if dense {
            touched.clear();
            touched.extend((0..n).filter(|&j| stamp[j] == i + 1).map(|j| u32::try_from(j).unwrap_or(u32::MAX)));
        }
        for &j in &touched {
            let ju = j as usize;
            let value = score.finish(accumulator[ju], i, ju);
            accumulator[ju] = 0.0;
            if value > config.min_similarity && value.is_finite() {
                row.push((j, value));
            }
        }
        touched.clear();
        let truncated = row.len() > MAX_NEIGHBORS;
        if truncated {
            // Strongest first, ties by index: a total order, so the kept set is deterministic.
            row.select_nth_unstable_by(MAX_NEIGHBORS - 1, |a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            row.truncate(MAX_NEIGHBORS);
        }
        if !dense || truncated {
            row.sort_unstable_by_key(|&(j, _)| j);
        }
        neighbors.extend(row.iter().map(|&(j, _)| j));
        weights.extend(row.iter().map(|&(_, value)| value));
        row.clear();
        offsets.push(neighbors.len());
    }
    SimilarityGraph { offsets, neighbors, weights }
}

/// For each term, the member sentences containing it (ascending) with the term's count there.
struct Postings {
    offsets: Vec<usize>,
    entries: Vec<(u32, u32)>,
    skipped: Vec<bool>,
}

impl Postings {
    fn new(vocabulary_size: usize, members: usize, tfidf: &TfIdf, max_term_sentences: usize) -> Postings {
        let mut offsets = vec![0usize; vocabulary_size + 1];
        for k in 0..members {
            for &term in tfidf.vectors().row(k).0 {
                offsets[term as usize + 1] += 1;
            }
        }
        let skipped: Vec<bool> =
            offsets[1..].iter().map(|&df| max_term_sentences > 0 && df > max_term_sentences).collect();
        for t in 1..offsets.len() {
            offsets[t] += offsets[t - 1];
        }
        let mut fill = offsets.clone();
        let mut entries = vec![(0u32, 0u32); offsets[vocabulary_size]];
        for k in 0..members {
            let node = u32::try_from(k).unwrap_or(u32::MAX);
            for (&term, &count) in tfidf.vectors().row(k).0.iter().zip(tfidf.counts(k)) {
                let slot = &mut fill[term as usize];
                entries[*slot] = (node, count);
                *slot += 1;
            }
        }
        Postings { offsets, entries, skipped }
    }

    fn list(&self, term: TermId) -> Option<&[(u32, u32)]> {
        let t = term as usize;
        if self.skipped.get(t).copied().unwrap_or(true) {
            return None;
        }
        Some(&self.entries[self.offsets[t]..self.offsets[t + 1]])
    }
}

/// Okapi BM25 with the negative-IDF correction of Barrios et al.
struct Bm25 {
    idf: Vec<f64>,
    average_length: f64,
    lengths: Vec<f64>,
}

impl Bm25 {
    fn new(tfidf: &TfIdf, postings: &Postings, lengths: &[f64]) -> Bm25 {
        let n = lengths.len() as f64;
        let vocabulary_size = postings.offsets.len().saturating_sub(1);
        let mut idf: Vec<f64> = (0..vocabulary_size)
            .map(|t| {
                let df = f64::from(tfidf.document_frequency(t as TermId));
                if df == 0.0 { 0.0 } else { (n - df + 0.5).ln() - (df + 0.5).ln() }
            })
            .collect();
        let present: Vec<f64> = idf.iter().copied().filter(|v| *v != 0.0).collect();
        let average_idf = if present.is_empty() { 0.0 } else { present.iter().sum::<f64>() / present.len() as f64 };
        for value in &mut idf {
            if *value < 0.0 {
                *value = BM25_EPSILON * average_idf.max(0.0);
            }
        }
        let average_length = if lengths.is_empty() { 0.0 } else { lengths.iter().sum::<f64>() / n };
        Bm25 { idf, average_length, lengths: lengths.to_vec() }
    }

    fn term_score(&self, term: TermId, count_in_document: u32, document: usize) -> f64 {
        let idf = self.idf.get(term as usize).copied().unwrap_or(0.0);
        let tf = f64::from(count_in_document);
        let length_ratio = if self.average_length > 0.0 { self.lengths[document] / self.average_length } else { 1.0 };
        idf * tf * (BM25_K1 + 1.0) / (tf + BM25_K1 * (1.0 - BM25_B + BM25_B * length_ratio))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::Analyzer;
    use crate::{Language, SentenceSplitter};

    fn graph_of(text: &str) -> SimilarityGraph {
        let sentences = SentenceSplitter::new(Language::English).split(text);
        let document = Analyzer::new(Language::English).analyze(text, &sentences);
        let members: Vec<usize> = (0..document.len()).collect();
        let tfidf = TfIdf::new(&document, &members);
        let config = GraphConfig { max_term_sentences: 0, ..GraphConfig::default() };
        SimilarityGraph::build(&document, &members, &tfidf, Similarity::Cosine, &config)
    }

    /// Sentences that all share a term, with a second term that varies, so that weights differ.
    fn overlapping_sentences(n: usize) -> String {
        (0..n).map(|k| format!("Harbour cranes moved cargo{} today. ", k % 37)).collect()
    }

    #[test]
    fn a_short_document_keeps_every_edge() {
        let graph = graph_of(&overlapping_sentences(100));
        assert!((0..graph.len()).all(|i| graph.edges(i).0.len() == 99));
    }

    #[test]
    fn a_long_document_keeps_the_strongest_neighbors_in_order() {
        let graph = graph_of(&overlapping_sentences(MAX_NEIGHBORS + 300));
        for i in 0..graph.len() {
            let (neighbors, weights) = graph.edges(i);
            assert_eq!(neighbors.len(), MAX_NEIGHBORS);
            assert!(neighbors.windows(2).all(|w| w[0] < w[1]), "neighbors must stay ascending");
            // Sentences with the same varying term are the most similar: all of them are kept.
            let same = (0..graph.len()).filter(|&j| j != i && j % 37 == i % 37).count();
            assert_eq!(neighbors.iter().filter(|&&j| j as usize % 37 == i % 37).count(), same);
            assert!(weights.iter().all(|w| w.is_finite() && *w > 0.0));
        }
    }
}
