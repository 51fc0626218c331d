//! Stage 3: scoring. Each candidate sentence gets a row of features, and its score is the row's product
//! with the weight vector of the [`Config`](crate::Config).
//!
//! Features are logarithms of positive factors (TextRank, forward and backward centrality, similarity to
//! the centroid and to the headline, position and length priors, non-boilerplate likelihood), so the
//! weighted sum in log space is a product of factors raised to the weights: a weight of 0 ignores a
//! factor, 1 multiplies by it, 1.5 sharpens it.

pub mod graph;
pub mod textrank;
pub mod tfidf;

use std::sync::OnceLock;

use ndarray::{Array1, Array2};
use serde::{Deserialize, Serialize};

use crate::analyze::{AnalyzedDocument, TermId};
use crate::config::{Config, LengthPrior, Weights};

use graph::SimilarityGraph;
use tfidf::TfIdf;

/// Keeps the logarithm of a similarity-based factor finite when the similarity is 0.
const LOG_FLOOR: f64 = 0.05;

/// One column of the feature matrix.
///
/// Ordered as [`Feature::ALL`], the matrix's column order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Feature {
    /// ln(m · PageRank): 0 for an average sentence.
    TextRank,
    /// ln(floor + forward centrality / the maximum).
    Forward,
    /// ln(floor + backward centrality / the maximum).
    Backward,
    /// ln(floor + cosine with the TF-IDF centroid).
    Centroid,
    /// -ln(1 + i) for the i-th candidate sentence.
    Position,
    /// ln(min(1, words / min_words)).
    Short,
    /// ln(min(1, max_words / words)).
    Long,
    /// ln(floor + cosine with the headline).
    Headline,
    /// ln(1 - boilerplate likelihood).
    Noise,
}

impl Feature {
    /// The columns, in matrix order.
    pub const ALL: [Feature; 9] = [
        Feature::TextRank,
        Feature::Forward,
        Feature::Backward,
        Feature::Centroid,
        Feature::Position,
        Feature::Short,
        Feature::Long,
        Feature::Headline,
        Feature::Noise,
    ];

    /// The feature's column in the feature matrix: its place in [`Feature::ALL`].
    pub(crate) fn column(self) -> usize {
        Feature::ALL.iter().position(|&f| f == self).unwrap_or(0)
    }

    /// Whether [`feature_matrix`] computes this feature under `weights`: the weighted features only where
    /// their weight is not zero (forward and backward centrality together, from one pass over the graph),
    /// the priors and the noise feature always.
    fn computed_under(self, weights: &Weights) -> bool {
        match self {
            Feature::TextRank => weights.textrank != 0.0,
            Feature::Forward | Feature::Backward => weights.forward != 0.0 || weights.backward != 0.0,
            Feature::Centroid => weights.centroid != 0.0,
            Feature::Headline => weights.headline != 0.0,
            Feature::Position | Feature::Short | Feature::Long | Feature::Noise => true,
        }
    }

    /// The feature's weight in `weights`.
    pub fn weight(self, weights: &Weights) -> f64 {
        match self {
            Feature::TextRank => weights.textrank,
            Feature::Forward => weights.forward,
            Feature::Backward => weights.backward,
            Feature::Centroid => weights.centroid,
            Feature::Position => weights.position,
            Feature::Short => weights.short,
            Feature::Long => weights.long,
            Feature::Headline => weights.headline,
            Feature::Noise => weights.noise,
        }
    }
}

/// The weight vector, in [`Feature::ALL`] order.
pub fn weight_vector(weights: &Weights) -> Array1<f64> {
    Feature::ALL.iter().map(|f| f.weight(weights)).collect()
}

/// What the scorers need to know about one document's candidate sentences.
pub struct ScoringInput<'a> {
    /// The analyzed document.
    pub document: &'a AnalyzedDocument,
    /// Candidate sentence indices, ascending.
    pub candidates: &'a [usize],
    /// TF-IDF vectors over the candidates (row k is `candidates[k]`).
    pub tfidf: &'a TfIdf,
    /// Boilerplate likelihood of every sentence of the document.
    pub noise: &'a [f64],
    /// The headline's terms, if there is a headline.
    pub headline_terms: Option<&'a [TermId]>,
}

/// The m × k feature matrix of the candidates (k = [`Feature::ALL`].len()).
///
/// Graph features are computed only when their weight is non-zero, so a configuration pays for what it
/// uses; their column is 0 otherwise.
pub fn feature_matrix(input: &ScoringInput<'_>, config: &Config) -> Array2<f64> {
    let m = input.candidates.len();
    let mut features = Array2::<f64>::zeros((m, Feature::ALL.len()));
    if m == 0 {
        return features;
    }
    let weights = &config.weights;
    let column = Feature::column;
    let computed = |f: Feature| f.computed_under(weights);

    if computed(Feature::TextRank) || computed(Feature::Forward) {
        let graph =
            SimilarityGraph::build(input.document, input.candidates, input.tfidf, config.similarity, &config.graph);
        if computed(Feature::TextRank) {
            let ranks = textrank::pagerank(&graph, &config.textrank);
            for (k, rank) in ranks.iter().enumerate() {
                features[[k, column(Feature::TextRank)]] = (rank * m as f64).max(f64::MIN_POSITIVE).ln();
            }
        }
        if computed(Feature::Forward) {
            let (forward, backward) = graph.directed_sums();
            fill_relative_log(&mut features, column(Feature::Forward), &forward);
            fill_relative_log(&mut features, column(Feature::Backward), &backward);
        }
    }
    if computed(Feature::Centroid) {
        let sims = input.tfidf.centroid_similarity();
        for (k, sim) in sims.iter().enumerate() {
            features[[k, column(Feature::Centroid)]] = (LOG_FLOOR + sim).ln();
        }
    }
    if let (true, Some(headline)) = (computed(Feature::Headline), input.headline_terms) {
        let bag = input.tfidf.bag_vector(headline);
        // Most candidates share no term with the headline: their feature is one constant.
        let no_overlap = (LOG_FLOOR + 0.0).ln();
        for k in 0..m {
            let cosine = input.tfidf.cosine_with_bag(k, &bag);
            features[[k, column(Feature::Headline)]] =
                if cosine == 0.0 { no_overlap } else { (LOG_FLOOR + cosine).ln() };
        }
    }
    let log_counts = log_counts();
    for (k, &sentence) in input.candidates.iter().enumerate() {
        let words = words_of(input.document, sentence);
        features[[k, column(Feature::Position)]] = match log_counts.get(k + 1) {
            Some(&log) => -log,
            None => -((1 + k) as f64).ln(),
        };
        // The matrix starts at 0.0, which is ln(1.0): a factor of exactly 1 (long enough, short enough, no
        // boilerplate at all, the common case) needs no logarithm.
        write_log(&mut features[[k, column(Feature::Short)]], short_factor(words, &config.length));
        write_log(&mut features[[k, column(Feature::Long)]], long_factor(words, &config.length));
        let noise = input.noise.get(sentence).copied().unwrap_or(0.0).clamp(0.0, 1.0);
        write_log(&mut features[[k, column(Feature::Noise)]], (1.0 - noise).max(1e-6));
    }
    features
}

/// Whether two configurations give each candidate the same value of every feature that both compute:
/// the same candidates, TF-IDF vectors, graph and TextRank. Then one matrix, made under [`joint_weights`],
/// serves both through [`restrict_to`], and a document that two configurations score (the adaptive
/// mode's news and general) pays for its graph once.
pub(crate) fn shares_features(a: &Config, b: &Config) -> bool {
    a.language == b.language
        && a.similarity == b.similarity
        && a.graph == b.graph
        && a.textrank == b.textrank
        && a.noise == b.noise
        && a.detect_headline == b.detect_headline
}

/// Weights that are non-zero wherever `a`'s or `b`'s are: [`feature_matrix`] reads the weights only to
/// know which features to compute, so under these it computes every feature either needs.
pub(crate) fn joint_weights(a: &Weights, b: &Weights) -> Weights {
    let either = |x: f64, y: f64| if x != 0.0 { x } else { y };
    Weights {
        textrank: either(a.textrank, b.textrank),
        forward: either(a.forward, b.forward),
        backward: either(a.backward, b.backward),
        centroid: either(a.centroid, b.centroid),
        position: either(a.position, b.position),
        short: either(a.short, b.short),
        long: either(a.long, b.long),
        headline: either(a.headline, b.headline),
        noise: either(a.noise, b.noise),
    }
}

/// Turns the matrix that [`feature_matrix`] made under [`joint_weights`] of `config` and a configuration
/// that [shares its features](shares_features) into the very matrix `config` gets: the weighted features
/// it would not compute are 0 again, and the length priors are its own. `candidates` are the rows'.
pub(crate) fn restrict_to(
    features: &mut Array2<f64>,
    document: &AnalyzedDocument,
    candidates: &[usize],
    config: &Config,
) {
    for feature in Feature::ALL.into_iter().filter(|f| !f.computed_under(&config.weights)) {
        features.column_mut(feature.column()).fill(0.0);
    }
    for (k, &sentence) in candidates.iter().enumerate() {
        let words = words_of(document, sentence);
        for (feature, factor) in
            [(Feature::Short, short_factor(words, &config.length)), (Feature::Long, long_factor(words, &config.length))]
        {
            let cell = &mut features[[k, feature.column()]];
            *cell = 0.0;
            write_log(cell, factor);
        }
    }
}

/// A sentence's length as the length priors read it: its word count, at least 1.
fn words_of(document: &AnalyzedDocument, sentence: usize) -> f64 {
    document.word_count(sentence).max(1) as f64
}

/// The short-sentence prior's factor: min(1, words / min_words).
fn short_factor(words: f64, length: &LengthPrior) -> f64 {
    (words / length.min_words.max(1.0)).min(1.0)
}

/// The long-sentence prior's factor: min(1, max_words / words).
fn long_factor(words: f64, length: &LengthPrior) -> f64 {
    (length.max_words.max(1.0) / words).min(1.0)
}

/// Stores ln(factor) into a cell that holds 0.0, skipping the logarithm when the factor is exactly 1.
#[inline]
fn write_log(cell: &mut f64, factor: f64) {
    if factor != 1.0 {
        *cell = factor.ln();
    }
}

/// Candidates whose position logarithm comes from a table rather than a fresh `ln` call.
const LOG_COUNT_TABLE_LEN: usize = 1024;

/// ln(i) for i below [`LOG_COUNT_TABLE_LEN`] (entry 0 unused), computed once per process with the same
/// `ln` as the direct computation, so the values are bit for bit the same.
fn log_counts() -> &'static [f64] {
    static TABLE: OnceLock<Vec<f64>> = OnceLock::new();
    TABLE.get_or_init(|| (0..LOG_COUNT_TABLE_LEN).map(|i| (i as f64).ln()).collect())
}

/// Writes ln(floor + value / max) into one column.
fn fill_relative_log(features: &mut Array2<f64>, column: usize, values: &[f64]) {
    let max = values.iter().copied().fold(0.0, f64::max);
    for (k, &value) in values.iter().enumerate() {
        let relative = if max > 0.0 { value / max } else { 0.0 };
        features[[k, column]] = (LOG_FLOOR + relative).ln();
    }
}

/// The candidates' scores: the feature matrix times the weight vector.
pub fn combine(features: &Array2<f64>, weights: &Weights) -> Array1<f64> {
    features.dot(&weight_vector(weights))
}
