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
//! posting lists. The index also keeps each indexed weight, so the dot product over the indexed terms
//! is summed up from the posting lists, and only a chosen row whose sum plus ‖b_U‖ could exceed the
//! threshold is compared with [`TfIdf::cosine`], the very number the pairwise check computes. The sum, with
//! ‖b_U‖ added, is kept per chosen row as a bound that only grows while the candidate's lists are walked,
//! so a row is compared the first time its bound passes the threshold, and the check ends at the first
//! redundant row. Up to [`MAX_TERM_POSTINGS`] chosen rows per term the answers are bit for bit those of
//! comparing with every chosen sentence.

use smallvec::SmallVec;

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

/// The share of the threshold that a row's terms left out of the index may make up.
const PREFIX_SHARE: f64 = 0.5;

/// Slack on the accumulated upper bound of a cosine, for rounding: the sum over shared indexed terms is
/// added up from shares stored as `f32` (relative error 6e-8 each; the products sum to at most 1 by
/// Cauchy–Schwarz), in another order than [`TfIdf::cosine`] adds it, and the left-out norm is stored as
/// an `f32` too.
const ACCUMULATION_SLACK: f64 = 1e-6;

/// Chosen rows listed under one term at most. Past this many, a term that common in the brief says
/// little about redundancy (as with `graph.max_term_sentences`), and longer lists would make a large
/// budget quadratic again. Briefs of up to this many sentences are exactly those of the pairwise check.
pub(crate) const MAX_TERM_POSTINGS: usize = 100;

/// What the index knows of one chosen row while a candidate is checked.
#[derive(Clone, Copy, Default)]
struct Slot {
    /// The candidate (its number among the checks, from 1) whose sum `bound` holds; any other value
    /// means the row has not been met yet for the current candidate, so no list of rows to reset is kept.
    check: u32,
    /// For a chosen row, the norm of the part of its unit vector that the prefix filter leaves out.
    unindexed_norm: f32,
    /// The upper bound of the row's cosine with the current candidate: the left-out norm plus the dot
    /// product over the shared indexed terms met so far. Minus infinity once the exact cosine was
    /// computed and found not to exceed the threshold.
    bound: f64,
}

/// The chosen rows, indexed by their rarer terms. Cost per candidate: its terms' posting lists, which hold
/// only the chosen rows whose weight on that term matters, at most [`MAX_TERM_POSTINGS`] each.
pub(crate) struct CosineIndex<'a> {
    tfidf: &'a TfIdf,
    threshold: f64,
    /// For each term id, where its list is in `lists` ([`NO_LIST`] for a term no chosen row is indexed
    /// under): a short brief indexes a few dozen terms of a vocabulary of hundreds, and a list per term id
    /// would be a vector to make and drop for each.
    list_of_term: Vec<u32>,
    /// The chosen rows indexed under a term (by their number among the chosen) and their unit-vector
    /// weight on it. Eight bytes a posting: the walk over these lists is what a large budget spends its
    /// time on.
    lists: Vec<Postings>,
    /// Per chosen row, in the order chosen. Numbered so, the rows that fill the lists of common terms,
    /// which are the first chosen, sit together and stay in the caches while the lists are walked.
    slots: Vec<Slot>,
    /// The row of each chosen one.
    chosen_rows: Vec<u32>,
    /// The number of candidates checked so far, the stamp of [`Slot::check`].
    checks: u32,
    /// Scratch for [`RedundancyCheck::choose`]: a row's terms, by document frequency.
    by_frequency: Vec<(u32, u32, f64)>,
}

impl<'a> CosineIndex<'a> {
    /// A check of cosines above `threshold` among the rows of `tfidf`; a threshold of 1 or more turns it
    /// off, as [`Config::redundancy`](crate::Config::redundancy) documents.
    pub(crate) fn new(tfidf: &'a TfIdf, threshold: f64) -> Self {
        CosineIndex {
            tfidf,
            threshold,
            list_of_term: Vec::new(),
            lists: Vec::new(),
            slots: Vec::new(),
            chosen_rows: Vec::new(),
            checks: 0,
            by_frequency: Vec::new(),
        }
    }

    fn enabled(&self) -> bool {
        self.threshold < 1.0
    }
}

impl RedundancyCheck for CosineIndex<'_> {
    fn is_redundant(&mut self, row: usize) -> bool {
        let norm = self.tfidf.norm(row);
        if !self.enabled() || norm == 0.0 {
            return false;
        }
        self.checks = self.checks.wrapping_add(1);
        if self.checks == 0 {
            // After 2^32 checks the stamps would repeat: start the slots afresh.
            self.slots.iter_mut().for_each(|slot| slot.check = 0);
            self.checks = 1;
        }
        let check = self.checks;
        let (terms, weights) = self.tfidf.vectors().row(row);
        for (&term, &weight) in terms.iter().zip(weights) {
            let Some(chosen) = list(&self.list_of_term, &self.lists, term) else { continue };
            let share = weight / norm;
            for &(other, other_share) in chosen {
                let Some(slot) = self.slots.get_mut(other as usize) else { continue };
                if slot.check != check {
                    slot.check = check;
                    slot.bound = f64::from(slot.unindexed_norm) + ACCUMULATION_SLACK;
                }
                slot.bound += share * f64::from(other_share);
                // The bound only grows, so a row is compared exactly the first time it passes the
                // threshold, and then never again for this candidate.
                if slot.bound > self.threshold {
                    let other_row = self.chosen_rows.get(other as usize).map_or(usize::MAX, |&r| r as usize);
                    if self.tfidf.cosine(other_row, row) > self.threshold {
                        return true;
                    }
                    slot.bound = f64::NEG_INFINITY;
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
        let (Ok(row_id), Ok(id)) = (u32::try_from(row), u32::try_from(self.slots.len())) else { return };
        let (terms, weights) = self.tfidf.vectors().row(row);
        let mut by_frequency = std::mem::take(&mut self.by_frequency);
        by_frequency.clear();
        by_frequency.extend(
            terms
                .iter()
                .zip(weights)
                .map(|(&term, &weight)| (self.tfidf.document_frequency(term), term, weight / norm)),
        );
        // A row indexes most of its terms, each new in a short brief: on the first choice, room for a
        // brief of a few rows like it, so that the arrays are made once for the default three sentences.
        let rows = if self.slots.is_empty() { BRIEF_ROWS } else { 1 };
        self.lists.reserve(rows * terms.len());
        self.slots.reserve(rows);
        self.chosen_rows.reserve(rows);
        // Most common first; ties by term id, so the index does not depend on anything but the row.
        by_frequency.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        // Leaving out terms up to half the threshold, not all of it: the bound a pair must pass to be
        // compared exactly is then at least half the threshold, so few pairs are, at the cost of longer
        // posting lists (which the cap bounds).
        let allowed = (self.threshold * BOUND_MARGIN * PREFIX_SHARE).powi(2);
        let mut left_out = 0.0;
        for &(_, term, share) in &by_frequency {
            let term = term as usize;
            if left_out + share * share <= allowed {
                left_out += share * share;
                continue;
            }
            // A full list leaves the term out of the row's index and out of its bound: past the cap the
            // check is approximate, and counting the term in the bound would send every pair to the
            // exact comparison.
            if self.list_of_term.len() <= term {
                // Room for every term of the document at once, rather than growing term by term.
                let terms = self.tfidf.idf_len().max(term + 1);
                self.list_of_term.resize(terms, NO_LIST);
            }
            if self.list_of_term[term] == NO_LIST {
                let Ok(list) = u32::try_from(self.lists.len()) else { continue };
                self.list_of_term[term] = list;
                self.lists.push(Postings::default());
            }
            if let Some(list) = self.lists.get_mut(self.list_of_term[term] as usize)
                && list.len() < MAX_TERM_POSTINGS
            {
                list.push((id, share as f32));
            }
        }
        self.by_frequency = by_frequency;
        self.slots.push(Slot { check: 0, unindexed_norm: f64::sqrt(left_out) as f32, bound: 0.0 });
        self.chosen_rows.push(row_id);
    }
}

/// The list of `term` in a [`CosineIndex`], if a chosen row is indexed under it.
fn list<'a>(list_of_term: &[u32], lists: &'a [Postings], term: u32) -> Option<&'a Postings> {
    let index = *list_of_term.get(term as usize)?;
    lists.get(index as usize)
}

/// The rows a brief is first given room for: the default three sentences, and one more.
const BRIEF_ROWS: usize = 4;

/// The entry of [`CosineIndex::list_of_term`] for a term without a list.
const NO_LIST: u32 = u32::MAX;

/// One term's list of chosen rows, in the order they were chosen. The first three stay in place: a brief
/// of the default three sentences lists a term at most three times, and allocates nothing per term.
type Postings = SmallVec<[(u32, f32); 3]>;

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

    /// Past the cap a common term's list is full, but a repeat of a late sentence still meets it through
    /// its rarer terms, and a sentence that shares only the common term is still new.
    #[test]
    fn past_the_cap_a_repeat_is_found_by_its_rarer_terms() {
        let word = |i: usize| {
            let letter = |k: usize| char::from(b'a' + (k % 26) as u8);
            format!("q{}{}{}", letter(i / 676), letter(i / 26), letter(i))
        };
        let count = MAX_TERM_POSTINGS + 50;
        let mut text: String = (0..count).map(|i| format!("Council {} {}. ", word(2 * i), word(2 * i + 1))).collect();
        text.push_str(&format!("Council {} {}. Council budget vote.", word(2 * count - 2), word(2 * count - 1)));
        let model = tfidf(&text);
        assert_eq!(model.vectors().len(), count + 2);
        let mut index = CosineIndex::new(&model, 0.5);
        let mut pairwise = Pairwise::new(0.5, |a, b| model.cosine(a, b));
        for row in 0..count {
            assert!(!index.is_redundant(row), "row {row}");
            assert!(!pairwise.is_redundant(row), "row {row}");
            index.choose(row);
            pairwise.choose(row);
        }
        assert!(index.is_redundant(count));
        assert!(pairwise.is_redundant(count));
        assert!(!index.is_redundant(count + 1));
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
