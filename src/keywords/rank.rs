//! Word scores: PageRank over the co-occurrence graph of content words (SingleRank's weighted window),
//! biased towards words that appear early and often (PositionRank), since news and abstracts state
//! their subject first.

use rustc_hash::FxHashMap;

use super::candidates::ContentWord;

/// The damping factor of PageRank, as in TextRank and PositionRank.
const DAMPING: f64 = 0.85;
/// Iterations at most; PositionRank converges in a few dozen on a document.
const MAX_ITERATIONS: usize = 50;
/// Stop once the scores change by less than this (L1) in one iteration.
const TOLERANCE: f64 = 1e-9;

/// The score of each stem (indexed like `Scan::stems`), summing to at most 1.
///
/// Two distinct stems are linked once for every pair of their occurrences fewer than `window` word
/// positions apart. The teleport vector gives each stem the sum of `1 / (1 + position)` over its
/// occurrences, normalised.
pub(super) fn word_scores(words: &[ContentWord], stems: usize, window: usize) -> Vec<f64> {
    if stems == 0 {
        return Vec::new();
    }
    let window = u32::try_from(window).unwrap_or(u32::MAX);
    let mut pairs: FxHashMap<(u32, u32), f64> = FxHashMap::default();
    for (k, a) in words.iter().enumerate() {
        for b in &words[k + 1..] {
            if b.position.saturating_sub(a.position) >= window {
                break;
            }
            if a.stem != b.stem {
                *pairs.entry((a.stem.min(b.stem), a.stem.max(b.stem))).or_insert(0.0) += 1.0;
            }
        }
    }
    // Adjacency lists in a fixed order, so that sums add up the same way on every run.
    let mut edges: Vec<(u32, u32, f64)> = pairs.into_iter().map(|((a, b), w)| (a, b, w)).collect();
    edges.sort_unstable_by_key(|&(a, b, _)| (a, b));
    let mut out_weight = vec![0.0; stems];
    for &(a, b, w) in &edges {
        out_weight[a as usize] += w;
        out_weight[b as usize] += w;
    }
    let mut bias = vec![0.0; stems];
    for word in words {
        bias[word.stem as usize] += 1.0 / (1.0 + f64::from(word.position));
    }
    let total: f64 = bias.iter().sum();
    if total > 0.0 {
        bias.iter_mut().for_each(|b| *b /= total);
    }
    let mut scores = vec![1.0 / stems as f64; stems];
    let mut next = vec![0.0; stems];
    for _ in 0..MAX_ITERATIONS {
        for (slot, &b) in next.iter_mut().zip(&bias) {
            *slot = (1.0 - DAMPING) * b;
        }
        for &(a, b, w) in &edges {
            let (a, b) = (a as usize, b as usize);
            next[a] += DAMPING * w / out_weight[b] * scores[b];
            next[b] += DAMPING * w / out_weight[a] * scores[a];
        }
        let change: f64 = scores.iter().zip(&next).map(|(x, y)| (x - y).abs()).sum();
        std::mem::swap(&mut scores, &mut next);
        if change < TOLERANCE {
            break;
        }
    }
    scores
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(stem: u32, position: u32) -> ContentWord {
        ContentWord { stem, position, start: 0, end: 0 }
    }

    #[test]
    fn the_hub_of_the_graph_scores_highest() {
        // Stem 0 co-occurs with 1, 2 and 3; those never meet one another.
        let words = [word(1, 0), word(0, 1), word(2, 20), word(0, 21), word(3, 40), word(0, 41)];
        let scores = word_scores(&words, 4, 3);
        assert!(scores[0] > scores[1] && scores[0] > scores[2] && scores[0] > scores[3], "{scores:?}");
    }

    #[test]
    fn no_words_no_scores() {
        assert!(word_scores(&[], 0, 10).is_empty());
        assert_eq!(word_scores(&[word(0, 0)], 1, 10).len(), 1);
    }
}
