//! Word scores: PageRank over the co-occurrence graph of content words (SingleRank's weighted window),
//! biased towards words that appear early and often (PositionRank), since news and abstracts state
//! their subject first.

use super::candidates::ContentWord;

/// The damping factor of PageRank, as in TextRank and PositionRank.
const DAMPING: f64 = 0.85;
/// Iterations at most. The error shrinks by the damping factor each time, so after 15 it is below 9% of
/// the first change, and the order of the top candidates no longer moves (the dev figures of all three
/// sets are the same as after 20 or 50 iterations).
const MAX_ITERATIONS: usize = 15;
/// Stop once the scores change by less than this (L1) in one iteration.
const TOLERANCE: f64 = 1e-6;

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
    // Every co-occurrence as both stems in one integer; sorted, equal keys are one edge and their count
    // its weight (cheaper than a hash map of pairs on a document's few thousand co-occurrences).
    let mut pairs: Vec<u64> = Vec::with_capacity(words.len() * 4);
    for (k, a) in words.iter().enumerate() {
        for b in &words[k + 1..] {
            if b.position.saturating_sub(a.position) >= window {
                break;
            }
            if a.stem != b.stem {
                pairs.push((u64::from(a.stem.min(b.stem)) << 32) | u64::from(a.stem.max(b.stem)));
            }
        }
    }
    pairs.sort_unstable();
    // In a fixed order, so that sums add up the same way on every run.
    let mut edges: Vec<(u32, u32, f64)> = Vec::new();
    for group in pairs.chunk_by(|x, y| x == y) {
        let key = group[0];
        edges.push(((key >> 32) as u32, (key & u64::from(u32::MAX)) as u32, group.len() as f64));
    }
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
    // What a node passes on per unit of edge weight (0 for a node without edges).
    let share: Vec<f64> = out_weight.iter().map(|&w| if w > 0.0 { DAMPING / w } else { 0.0 }).collect();
    let mut pass = vec![0.0; stems];
    for _ in 0..MAX_ITERATIONS {
        for (slot, &b) in next.iter_mut().zip(&bias) {
            *slot = (1.0 - DAMPING) * b;
        }
        for ((p, &score), &s) in pass.iter_mut().zip(&scores).zip(&share) {
            *p = score * s;
        }
        // The edges of one lower stem are consecutive: its inflow is summed in a register rather than
        // through memory, which would make every edge wait for the previous one's store.
        for group in edges.chunk_by(|x, y| x.0 == y.0) {
            let a = group[0].0 as usize;
            let pass_a = pass[a];
            let mut inflow = 0.0;
            for &(_, b, w) in group {
                let b = b as usize;
                inflow += w * pass[b];
                next[b] += w * pass_a;
            }
            next[a] += inflow;
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
    use crate::keywords::lexicon::WordClass;

    fn word(stem: u32, position: u32) -> ContentWord {
        ContentWord { stem, position, start: 0, end: 0, proper: false, class: WordClass::Mixed }
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
