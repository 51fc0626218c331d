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
/// assert_eq!("280c".parse::<Budget>().unwrap(), Budget::Chars(280));
/// assert_eq!("4096b".parse::<Budget>().unwrap(), Budget::Bytes(4096));
/// assert_eq!(Budget::Ratio(0.2).sentence_limit(24), 4);
/// assert!(Budget::Sentences(0).validate().is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Budget {
    /// At most this many sentences.
    Sentences(usize),
    /// At most this fraction (0–1] of the document's sentences, rounded down (as summa and gensim do),
    /// but at least one when the document has any.
    Ratio(f64),
    /// At most this many words in all; whole sentences only, never exceeded.
    Words(usize),
    /// At most this many characters (Unicode scalar values) of [`Summary::to_text`](crate::Summary::to_text):
    /// the sentences with their line breaks folded, one line break between two. Whole sentences only,
    /// never exceeded: for snippets and character-counted fields.
    Chars(usize),
    /// At most this many bytes of [`Summary::to_text`](crate::Summary::to_text), counted as for
    /// [`Chars`](Budget::Chars): for byte-limited fields and context windows.
    Bytes(usize),
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
            Budget::Words(_) | Budget::Chars(_) | Budget::Bytes(_) => usize::MAX,
        }
    }

    /// Checks the budget's number: a ratio in (0, 1], any other budget at least 1.
    pub fn validate(&self) -> Result<()> {
        match *self {
            Budget::Ratio(r) if !(r > 0.0 && r <= 1.0) => {
                Err(Error::InvalidConfig(format!("ratio must be in (0, 1], not {r}")))
            }
            Budget::Sentences(0) | Budget::Words(0) | Budget::Chars(0) | Budget::Bytes(0) => {
                Err(Error::InvalidConfig(format!("a budget of {self} leaves nothing to say; it must be at least 1")))
            }
            _ => Ok(()),
        }
    }

    /// The size limit of a budget counted in words, characters or bytes, with what the line break between
    /// two sentences costs in its unit; `None` for budgets counted in sentences.
    ///
    /// ```
    /// use nutgraf::Budget;
    ///
    /// assert_eq!(Budget::Words(60).size_limit(), Some((60, 0)));
    /// assert_eq!(Budget::Chars(280).size_limit(), Some((280, 1)));
    /// assert_eq!(Budget::Sentences(3).size_limit(), None);
    /// ```
    pub fn size_limit(&self) -> Option<(usize, usize)> {
        match *self {
            Budget::Words(w) => Some((w, 0)),
            Budget::Chars(n) | Budget::Bytes(n) => Some((n, 1)),
            Budget::Sentences(_) | Budget::Ratio(_) => None,
        }
    }

    /// The size of one sentence in the budget's unit: `words` (its word count, as
    /// [`AnalyzedDocument::word_count`](crate::AnalyzedDocument::word_count) gives it) for a word budget,
    /// the characters or bytes of `text` as the brief prints it (line breaks folded) for the others, 0
    /// for budgets counted in sentences.
    ///
    /// ```
    /// use nutgraf::Budget;
    ///
    /// assert_eq!(Budget::Chars(280).size_of("Grüße aus\n Köln.", 3), 15);
    /// assert_eq!(Budget::Bytes(280).size_of("Grüße aus\n Köln.", 3), 18);
    /// assert_eq!(Budget::Words(60).size_of("Grüße aus\n Köln.", 3), 3);
    /// ```
    pub fn size_of(&self, text: &str, words: usize) -> usize {
        match *self {
            Budget::Words(_) => words,
            Budget::Chars(_) => crate::summarizer::fold_lines(text).chars().count(),
            Budget::Bytes(_) => crate::summarizer::fold_lines(text).len(),
            Budget::Sentences(_) | Budget::Ratio(_) => 0,
        }
    }
}

impl fmt::Display for Budget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Budget::Sentences(n) => write!(f, "{n} sentences"),
            Budget::Ratio(r) => write!(f, "{}% of the sentences", r * 100.0),
            Budget::Words(w) => write!(f, "{w} words"),
            Budget::Chars(c) => write!(f, "{c} characters"),
            Budget::Bytes(b) => write!(f, "{b} bytes"),
        }
    }
}

impl FromStr for Budget {
    type Err = Error;

    /// `N` sentences, `N%` or a fraction `0.R` of the sentences, `Nw` words, `Nc` characters, `Nb` bytes.
    fn from_str(s: &str) -> Result<Self> {
        let s = s.trim();
        let bad = || Error::InvalidConfig(format!("cannot read budget {s:?} (try 3, 20%, 0.2, 60w, 280c or 4096b)"));
        let budget = if let Some(percent) = s.strip_suffix('%') {
            Budget::Ratio(percent.trim().parse::<f64>().map_err(|_| bad())? / 100.0)
        } else if let Some(words) = s.strip_suffix('w') {
            Budget::Words(words.trim().parse().map_err(|_| bad())?)
        } else if let Some(chars) = s.strip_suffix('c') {
            Budget::Chars(chars.trim().parse().map_err(|_| bad())?)
        } else if let Some(bytes) = s.strip_suffix('b') {
            Budget::Bytes(bytes.trim().parse().map_err(|_| bad())?)
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
    /// Size in the unit of the budget ([`Budget::size_of`]).
    pub size: usize,
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
    let (size_limit, separator) = budget.size_limit().unwrap_or((usize::MAX, 0));
    let mut order: Vec<&Candidate> = candidates.iter().collect();
    order.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.sentence.cmp(&b.sentence)));
    let mut chosen: Vec<Candidate> = Vec::new();
    let mut size = 0usize;
    for candidate in order {
        if chosen.len() >= limit {
            break;
        }
        let cost = candidate.size.saturating_add(if chosen.is_empty() { 0 } else { separator });
        if size.saturating_add(cost) > size_limit {
            continue;
        }
        if redundancy.is_redundant(candidate.row) {
            continue;
        }
        redundancy.choose(candidate.row);
        size += cost;
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

    fn candidates(scores: &[f64], size: usize) -> Vec<Candidate> {
        scores.iter().enumerate().map(|(i, &score)| Candidate { row: i, sentence: i, score, size }).collect()
    }

    #[test]
    fn best_first_returned_in_source_order() {
        let chosen = select(&candidates(&[0.1, 0.9, 0.5, 0.7], 10), Budget::Sentences(2), 4, &mut unrelated());
        assert_eq!(chosen.iter().map(|c| c.sentence).collect::<Vec<_>>(), [1, 3]);
    }

    #[test]
    fn word_budget_is_never_exceeded_and_later_sentences_may_fill_it() {
        let mut list = candidates(&[0.9, 0.8, 0.7], 10);
        list[1].size = 50;
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
    fn character_budgets_count_a_line_break_between_sentences() {
        let chosen = select(&candidates(&[0.9, 0.8, 0.7], 10), Budget::Chars(21), 3, &mut unrelated());
        assert_eq!(chosen.iter().map(|c| c.sentence).collect::<Vec<_>>(), [0, 1]);
        let chosen = select(&candidates(&[0.9, 0.8, 0.7], 10), Budget::Bytes(20), 3, &mut unrelated());
        assert_eq!(chosen.iter().map(|c| c.sentence).collect::<Vec<_>>(), [0]);
    }

    #[test]
    fn characters_are_counted_as_the_brief_prints_them() {
        assert_eq!(Budget::Chars(1).size_of("Grüße aus\n  Köln.", 3), "Grüße aus Köln.".chars().count());
        assert_eq!(Budget::Bytes(1).size_of("Grüße aus\n  Köln.", 3), "Grüße aus Köln.".len());
    }

    #[test]
    fn bad_budgets_are_rejected() {
        for zero in ["0", "0w", "0c", "0b"] {
            assert!(zero.parse::<Budget>().is_err(), "{zero}");
        }
        assert!("2%x".parse::<Budget>().is_err());
        assert!("1.5".parse::<Budget>().is_err());
        assert!("-3".parse::<Budget>().is_err());
    }
}
