//! TextRank: PageRank over the sentence-similarity graph (Mihalcea & Tarau 2004).

use crate::config::TextRankConfig;

use super::graph::SimilarityGraph;

/// PageRank scores of the graph's nodes, summing to 1.
///
/// Each node passes `damping` of its score to its neighbors in proportion to the edge weights and the
/// rest is spread evenly; a node without edges spreads all of its score evenly. Iterates until the L1
/// change falls below `config.tolerance` or `config.max_iterations` is reached.
pub fn pagerank(graph: &SimilarityGraph, config: &TextRankConfig) -> Vec<f64> {
    let n = graph.len();
    if n == 0 {
        return Vec::new();
    }
    let uniform = 1.0 / n as f64;
    // What a node passes on per unit of edge weight; nodes without edges ("dangling") spread evenly.
    let mut pass_on = vec![0.0; n];
    let mut dangling_nodes = Vec::new();
    for (i, slot) in pass_on.iter_mut().enumerate() {
        let out_weight: f64 = graph.edges(i).1.iter().sum();
        if out_weight > 0.0 {
            *slot = config.damping / out_weight;
        } else {
            dangling_nodes.push(i);
        }
    }
    let mut scores = vec![uniform; n];
    let mut next = vec![0.0; n];
    for _ in 0..config.max_iterations {
        let dangling: f64 = dangling_nodes.iter().map(|&i| scores[i]).sum();
        let base = (1.0 - config.damping) * uniform + config.damping * dangling * uniform;
        next.fill(base);
        for (i, (&score, &pass)) in scores.iter().zip(&pass_on).enumerate() {
            let share = score * pass;
            let (neighbors, weights) = graph.edges(i);
            for (&j, &w) in neighbors.iter().zip(weights) {
                next[j as usize] += share * w;
            }
        }
        let change: f64 = scores.iter().zip(&next).map(|(a, b)| (a - b).abs()).sum();
        std::mem::swap(&mut scores, &mut next);
        if change < config.tolerance {
            break;
        }
    }
    scores
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::Analyzer;
    use crate::config::{GraphConfig, Similarity};
    use crate::score::tfidf::TfIdf;
    use crate::{Language, SentenceSplitter};

    fn ranks(text: &str) -> Vec<f64> {
        let sentences = SentenceSplitter::new(Language::English).split(text);
        let document = Analyzer::new(Language::English).analyze(text, &sentences);
        let members: Vec<usize> = (0..document.len()).collect();
        let tfidf = TfIdf::new(&document, &members);
        let graph = SimilarityGraph::build(&document, &members, &tfidf, Similarity::Cosine, &GraphConfig::default());
        pagerank(&graph, &TextRankConfig::default())
    }

    #[test]
    fn scores_sum_to_one_and_the_hub_wins() {
        let scores =
            ranks("Rates rose and stocks fell. Rates rose again. Stocks fell again. Stocks and rates moved. Lunch.");
        assert!((scores.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        let best = scores.iter().enumerate().max_by(|a, b| a.1.total_cmp(b.1)).map(|(i, _)| i);
        assert!(matches!(best, Some(0) | Some(3)), "{scores:?}");
        assert!(scores[4] < scores[0], "an isolated sentence must rank below the hub: {scores:?}");
    }

    #[test]
    fn a_graph_without_edges_is_uniform() {
        let scores = ranks("Alpha beta. Gamma delta. Epsilon zeta.");
        assert!(scores.iter().all(|s| (s - 1.0 / 3.0).abs() < 1e-12));
    }
}
