//! Stage 4: selection. The best-scoring candidates that fit the length budget, skipping any too similar
//! to one already chosen, returned in source order.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::redundancy::RedundancyCheck;

/// How long a brief may be.
///
/// ```
/// use nutgraf::Budget;
///
/// assert_eq!("3".parse::<Budget>().unwrap(), Budget::Sentences(3));
/// assert_eq!("25%".parse::<Budget>().unwrap(), Budget::Ratio(0.25));
/// assert_eq!("60w".parse::<Budget>().unwrap(), Budget::Words(60));
/// assert_eq!(Budget::Ratio(0.2).sentence_limit(24), 4);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Budget {
    /// At most this many sentences.
    Sentences(usize),
    /// At most this fraction (0–1] of the document's sentences, rounded down (as summa and gensim do),
    /// but at least one when the document has any.
    Ratio(f64),
    /// At most this many words in all; whole sentences only, never exceeded.
    Words(usize),
}

impl Default for Budget {
    fn default() -> Self {
        Budget::Sentences(3)
    }
}

impl Budget {
    /// The largest number of sentences the budget allows in a document of `total` sentences.
    pub fn sentence_limit(&self, total: usize) -> usize {
        match *self {
            Budget::Sentences(n) => n,
            Budget::Ratio(r) => {
                let limit = (r.clamp(0.0, 1.0) * total as f64 + 1e-9).floor() as usize;
                if r > 0.0 && total > 0 { limit.max(1) } else { limit }
            }
            Budget::Words(_) => usize::MAX,
        }
    }

    /// Checks the budget's number.
    pub fn validate(&self) -> Result<()> {
        match *self {
            Budget::Ratio(r) if !(r > 0.0 && r <= 1.0) => {
                Err(Error::InvalidConfig(format!("ratio must be in (0, 1], not {r}")))
            }
            _ => Ok(()),
        }
    }
}

impl fmt::Display for Budget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Budget::Sentences(n) => write!(f, "{n} sentences"),
            Budget::Ratio(r) => write!(f, "{}% of the sentences", r * 100.0),
            Budget::Words(w) => write!(f, "{w} words"),
        }
    }
}

impl FromStr for Budget {
    type Err = Error;

    /// `N` sentences, `N%` or a fraction `0.R` of the sentences, `Nw` words.
    fn from_str(s: &str) -> Result<Self> {
        let s = s.trim();
        let bad = || Error::InvalidConfig(format!("cannot read budget {s:?} (try 3, 20%, 0.2 or 60w)"));
        let budget = if let Some(percent) = s.strip_suffix('%') {
            Budget::Ratio(percent.trim().parse::<f64>().map_err(|_| bad())? / 100.0)
        } else if let Some(words) = s.strip_suffix('w') {
            Budget::Words(words.trim().parse().map_err(|_| bad())?)
        } else if s.contains('.') {
            Budget::Ratio(s.parse().map_err(|_| bad())?)
        } else {
            Budget::Sentences(s.parse().map_err(|_| bad())?)
        };
        budget.validate()?;
        Ok(budget)
    }
}

/// One candidate as the selector sees it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Candidate {
    /// Position in the candidate list (row of the scoring matrices).
    pub row: usize,
    /// Sentence index in the document.
    pub sentence: usize,
    pub score: f64,
    pub words: usize,
}

/// Picks candidates greedily by score (ties: earlier sentence first) under `budget`, skipping one that
/// `redundancy` finds too similar to an already chosen sentence; returns them in source order.
///
/// `total_sentences` is what a ratio budget is a fraction of.
pub(crate) fn select(
    candidates: &[Candidate],
    budget: Budget,
    total_sentences: usize,
    redundancy: &mut impl RedundancyCheck,
) -> Vec<Candidate> {
    let limit = budget.sentence_limit(total_sentences);
    let word_limit = match budget {
        Budget::Words(w) => w,
        _ => usize::MAX,
    };
    let mut order: Vec<&Candidate> = candidates.iter().collect();
    order.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.sentence.cmp(&b.sentence)));
    let mut chosen: Vec<Candidate> = Vec::new();
    let mut words = 0usize;
    for candidate in order {
        if chosen.len() >= limit {
            break;
        }
        if words.saturating_add(candidate.words) > word_limit {
            continue;
        }
        if redundancy.is_redundant(candidate.row) {
            continue;
        }
        redundancy.choose(candidate.row);
        words += candidate.words;
        chosen.push(*candidate);
    }
    chosen.sort_by_key(|c| c.sentence);
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::redundancy::Pairwise;

    fn unrelated() -> Pairwise<fn(usize, usize) -> f64> {
        Pairwise::new(1.0, |_, _| 0.0)
    }

    fn candidates(scores: &[f64], words: usize) -> Vec<Candidate> {
        scores.iter().enumerate().map(|(i, &score)| Candidate { row: i, sentence: i, score, words }).collect()
    }

    #[test]
    fn best_first_returned_in_source_order() {
        let chosen = select(&candidates(&[0.1, 0.9, 0.5, 0.7], 10), Budget::Sentences(2), 4, &mut unrelated());
        assert_eq!(chosen.iter().map(|c| c.sentence).collect::<Vec<_>>(), [1, 3]);
    }

    #[test]
    fn word_budget_is_never_exceeded_and_later_sentences_may_fill_it() {
        let mut list = candidates(&[0.9, 0.8, 0.7], 10);
        list[1].words = 50;
        let chosen = select(&list, Budget::Words(25), 3, &mut unrelated());
        assert_eq!(chosen.iter().map(|c| c.sentence).collect::<Vec<_>>(), [0, 2]);
    }

    #[test]
    fn redundant_candidates_are_skipped() {
        let mut similar_first_two = Pairwise::new(0.5, |a, b| if a + b == 1 { 0.95 } else { 0.0 });
        let chosen = select(&candidates(&[0.9, 0.8, 0.1], 10), Budget::Sentences(2), 3, &mut similar_first_two);
        assert_eq!(chosen.iter().map(|c| c.sentence).collect::<Vec<_>>(), [0, 2]);
    }

    #[test]
    fn bad_budgets_are_rejected() {
        assert!("2%x".parse::<Budget>().is_err());
        assert!("1.5".parse::<Budget>().is_err());
        assert!("-3".parse::<Budget>().is_err());
    }
}
