//! ROUGE-1, ROUGE-2, ROUGE-L and ROUGE-Lsum, computed as Google's `rouge-score` 0.1.2 computes them.

use std::fmt;
use std::ops::{Index, IndexMut};

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::tokenize::{TokenId, TokenTable, Tokenizer, final_token};
use crate::language::Language;
use crate::segment::SentenceSplitter;

/// Precision, recall and their harmonic mean, each in [0, 1].
///
/// ```
/// let score = nutgraf::eval::Score::from_hits(2, 4, 8);
/// assert_eq!((score.precision, score.recall), (0.5, 0.25));
/// assert!((score.f1 - 1.0 / 3.0).abs() < 1e-15);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Score {
    /// Matched units over the candidate's units.
    pub precision: f64,
    /// Matched units over the reference's units.
    pub recall: f64,
    /// F-measure 2PR/(P+R), or 0 when P + R = 0.
    pub f1: f64,
}

impl Score {
    /// The score of `hits` matched units out of `candidate_units` in the candidate and `reference_units`
    /// in the reference. A side with no units has precision (or recall) 0.
    pub fn from_hits(hits: usize, candidate_units: usize, reference_units: usize) -> Score {
        Score::from_precision_recall(ratio(hits, candidate_units), ratio(hits, reference_units))
    }

    /// The score with this precision and recall, and their F-measure.
    pub fn from_precision_recall(precision: f64, recall: f64) -> Score {
        // Same operations in the same order as rouge-score, so the figures agree to the last bit.
        let f1 = if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 };
        Score { precision, recall, f1 }
    }
}

fn ratio(hits: usize, total: usize) -> f64 {
    if total == 0 { 0.0 } else { hits as f64 / total as f64 }
}

/// One ROUGE variant.
///
/// ```
/// use nutgraf::eval::Metric;
///
/// assert_eq!(Metric::RougeLsum.name(), "rougeLsum");
/// assert_eq!(Metric::ALL.map(Metric::label), ["R-1", "R-2", "R-L", "R-Lsum"]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Metric {
    /// Unigram overlap.
    Rouge1,
    /// Bigram overlap.
    Rouge2,
    /// Longest common subsequence of the whole texts.
    RougeL,
    /// Summary-level LCS: the union of each reference sentence's LCS with every candidate sentence.
    RougeLsum,
}

impl Metric {
    /// Every metric, in the order reports list them.
    pub const ALL: [Metric; 4] = [Metric::Rouge1, Metric::Rouge2, Metric::RougeL, Metric::RougeLsum];

    /// The name `rouge-score` uses (`rouge1`, `rouge2`, `rougeL`, `rougeLsum`).
    pub fn name(self) -> &'static str {
        match self {
            Metric::Rouge1 => "rouge1",
            Metric::Rouge2 => "rouge2",
            Metric::RougeL => "rougeL",
            Metric::RougeLsum => "rougeLsum",
        }
    }

    /// A short column label (`R-1`, `R-2`, `R-L`, `R-Lsum`).
    pub fn label(self) -> &'static str {
        match self {
            Metric::Rouge1 => "R-1",
            Metric::Rouge2 => "R-2",
            Metric::RougeL => "R-L",
            Metric::RougeLsum => "R-Lsum",
        }
    }
}

impl fmt::Display for Metric {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The four ROUGE scores of one candidate; serializes with `rouge-score`'s metric names.
///
/// ```
/// use nutgraf::eval::{Metric, RougeScorer};
///
/// let scores = RougeScorer::new().score("the cat sat", "the cat ran");
/// assert_eq!(scores[Metric::Rouge2].f1, 0.5);
/// assert_eq!(serde_json::to_value(scores).unwrap()["rougeL"]["recall"], 2.0 / 3.0);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RougeScores {
    /// ROUGE-1.
    pub rouge1: Score,
    /// ROUGE-2.
    pub rouge2: Score,
    /// ROUGE-L.
    #[serde(rename = "rougeL")]
    pub rouge_l: Score,
    /// ROUGE-Lsum.
    #[serde(rename = "rougeLsum")]
    pub rouge_lsum: Score,
}

impl Index<Metric> for RougeScores {
    type Output = Score;

    fn index(&self, metric: Metric) -> &Score {
        match metric {
            Metric::Rouge1 => &self.rouge1,
            Metric::Rouge2 => &self.rouge2,
            Metric::RougeL => &self.rouge_l,
            Metric::RougeLsum => &self.rouge_lsum,
        }
    }
}

impl IndexMut<Metric> for RougeScores {
    fn index_mut(&mut self, metric: Metric) -> &mut Score {
        match metric {
            Metric::Rouge1 => &mut self.rouge1,
            Metric::Rouge2 => &mut self.rouge2,
            Metric::RougeL => &mut self.rouge_l,
            Metric::RougeLsum => &mut self.rouge_lsum,
        }
    }
}

/// How ROUGE-Lsum finds the sentences of a text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LsumSplit {
    /// Every `\n` ends a sentence: what `rouge-score` itself does with the text it is given.
    Newlines,
    /// What the project's `score.py` feeds `rouge-score`: a text with a line break inside is used line
    /// by line (at every line boundary Python's `str.splitlines` knows); a text without one is split
    /// into sentences (by nutgraf's English [`SentenceSplitter`], where `score.py` uses pySBD).
    #[default]
    LinesOrSentences,
    /// What `score_multilingual.py` feeds `rouge-score` for references: every non-blank line, split
    /// into sentences (by nutgraf's splitter for the scorer's language, where the script uses NLTK's
    /// Punkt).
    SentencesOfLines,
}

/// Scores candidate summaries against references with ROUGE-1, ROUGE-2, ROUGE-L and ROUGE-Lsum,
/// matching `rouge_score.rouge_scorer.RougeScorer(..., use_stemmer=True)` to the last bit.
///
/// Text is lower-cased and cut into runs of `a`–`z`/`0`–`9`; words longer than three characters are
/// reduced with NLTK's Porter stemmer ([`PorterStemmer`](super::PorterStemmer)). The scorer remembers
/// every word it has seen, so each distinct word is stemmed once however many texts it scores; it is
/// `Send + Sync` and can be shared by threads. Its memory grows with the vocabulary it has seen.
///
/// ```
/// use nutgraf::eval::{Metric, RougeScorer};
///
/// let scorer = RougeScorer::new();
/// let scores = scorer.score("The cats were sitting on the mat.", "A cat sat on the mat.");
/// // Tokens: [the cat were sit on the mat] vs [a cat sat on the mat]: 4 shared unigrams.
/// assert_eq!(scores[Metric::Rouge1].precision, 4.0 / 6.0);
/// assert_eq!(scores[Metric::Rouge1].recall, 4.0 / 7.0);
/// assert_eq!(scores[Metric::Rouge2].recall, 2.0 / 6.0);
///
/// // With several references, each metric takes the reference that gives it the best F1.
/// let best = scorer.score_multi(&["The dog barked.", "The cats were sitting on the mat."], "A cat sat on the mat.");
/// assert_eq!(best, scores);
/// ```
#[derive(Debug)]
pub struct RougeScorer {
    table: TokenTable,
    lsum_split: LsumSplit,
    splitter: SentenceSplitter,
}

impl Default for RougeScorer {
    fn default() -> Self {
        RougeScorer::new()
    }
}

/// Configures a [`RougeScorer`].
///
/// ```
/// use nutgraf::eval::{LsumSplit, Metric, RougeScorer};
///
/// // rouge-score's own behaviour: Lsum splits on "\n" only; no stemming.
/// let scorer = RougeScorer::builder().stemming(false).lsum_split(LsumSplit::Newlines).build();
/// let scores = scorer.score("w1 w2 w3 w4 w5", "w1 w2 w6 w7 w8\nw1 w3 w8 w9 w5");
/// assert_eq!(scores[Metric::RougeLsum].recall, 0.8);
/// assert_eq!(scorer.tokens("Running dogs"), ["running", "dogs"]);
/// ```
#[derive(Clone, Copy, Debug)]
#[must_use]
pub struct RougeScorerBuilder {
    stemming: bool,
    lsum_split: LsumSplit,
    tokenizer: Tokenizer,
    language: Language,
}

impl Default for RougeScorerBuilder {
    fn default() -> Self {
        RougeScorerBuilder {
            stemming: true,
            lsum_split: LsumSplit::default(),
            tokenizer: Tokenizer::default(),
            language: Language::English,
        }
    }
}

impl RougeScorerBuilder {
    /// Whether to Porter-stem words longer than three characters (default: yes, `use_stemmer=True`).
    pub fn stemming(mut self, stemming: bool) -> Self {
        self.stemming = stemming;
        self
    }

    /// How ROUGE-Lsum splits texts into sentences (default: [`LsumSplit::LinesOrSentences`]).
    pub fn lsum_split(mut self, split: LsumSplit) -> Self {
        self.lsum_split = split;
        self
    }

    /// A scorer as `score_multilingual.py` scores: the [Unicode tokenizer](Tokenizer::Unicode), references
    /// split line by line and then into sentences of `language` for ROUGE-Lsum.
    pub fn multilingual(language: Language) -> Self {
        RougeScorerBuilder::default()
            .tokenizer(Tokenizer::Unicode)
            .lsum_split(LsumSplit::SentencesOfLines)
            .language(language)
    }

    /// How texts are cut into tokens (default: [`Tokenizer::RougeScore`]). The language-neutral
    /// [`Tokenizer::Unicode`] never stems.
    ///
    /// ```
    /// use nutgraf::eval::{RougeScorer, Tokenizer};
    ///
    /// let scorer = RougeScorer::builder().tokenizer(Tokenizer::Unicode).build();
    /// assert_eq!(scorer.tokens("Décès à Москва"), ["décès", "à", "москва"]);
    /// assert_eq!(RougeScorer::new().tokens("Décès à Москва"), ["d", "c", "s"]);
    /// ```
    pub fn tokenizer(mut self, tokenizer: Tokenizer) -> Self {
        self.tokenizer = tokenizer;
        self
    }

    /// The language whose sentence splitter ROUGE-Lsum uses (default: English).
    pub fn language(mut self, language: Language) -> Self {
        self.language = language;
        self
    }

    /// The scorer.
    pub fn build(self) -> RougeScorer {
        RougeScorer {
            table: TokenTable::with_tokenizer(self.tokenizer, self.stemming),
            lsum_split: self.lsum_split,
            splitter: SentenceSplitter::new(self.language),
        }
    }
}

/// A text as the metrics see it: all its tokens, and the tokens of each of its Lsum sentences.
struct TokenizedText {
    tokens: Vec<TokenId>,
    sentences: Vec<Vec<TokenId>>,
}

impl RougeScorer {
    /// A scorer with stemming, splitting texts for ROUGE-Lsum as `score.py` does.
    pub fn new() -> Self {
        RougeScorer::builder().build()
    }

    /// A builder, to turn stemming off or change the Lsum sentence split.
    pub fn builder() -> RougeScorerBuilder {
        RougeScorerBuilder::default()
    }

    /// Whether the scorer stems.
    pub fn stemming(&self) -> bool {
        self.table.stemming()
    }

    /// The tokenizer the scorer uses.
    pub fn tokenizer(&self) -> Tokenizer {
        self.table.tokenizer()
    }

    /// How the scorer splits texts for ROUGE-Lsum.
    pub fn lsum_split(&self) -> LsumSplit {
        self.lsum_split
    }

    /// How many distinct words the scorer has seen (and stemmed) so far.
    pub fn words_seen(&self) -> usize {
        self.table.words_seen()
    }

    /// The tokens ROUGE compares for `text`: `rouge-score`'s `tokenize` (stemmed if the scorer stems).
    ///
    /// ```
    /// let scorer = nutgraf::eval::RougeScorer::new();
    /// assert_eq!(scorer.tokens("The U.S. economy grew 2.5%, analysts said."), [
    ///     "the", "u", "s", "economi", "grew", "2", "5", "analyst", "said"
    /// ]);
    /// ```
    pub fn tokens(&self, text: &str) -> Vec<String> {
        let mut tokens = Vec::new();
        self.table.for_each_raw_token(text, |raw| {
            tokens.extend(final_token(raw, self.table.stemming()));
        });
        tokens
    }

    /// Scores `candidate` against one `reference` (`rouge-score`'s `score(target, prediction)`).
    pub fn score(&self, reference: &str, candidate: &str) -> RougeScores {
        let candidate = self.tokenize(candidate);
        self.score_tokenized(&self.tokenize(reference), &candidate)
    }

    /// Scores `candidate` against several references: for each metric, the scores against the reference
    /// with the highest F1 (the first of equals), as `rouge-score`'s `score_multi` and `score.py` do.
    /// No references score zero.
    pub fn score_multi<S: AsRef<str>>(&self, references: &[S], candidate: &str) -> RougeScores {
        let candidate = self.tokenize(candidate);
        let mut best: Option<RougeScores> = None;
        for reference in references {
            let scores = self.score_tokenized(&self.tokenize(reference.as_ref()), &candidate);
            match &mut best {
                None => best = Some(scores),
                Some(best) => {
                    for metric in Metric::ALL {
                        if scores[metric].f1 > best[metric].f1 {
                            best[metric] = scores[metric];
                        }
                    }
                }
            }
        }
        best.unwrap_or_default()
    }

    fn score_tokenized(&self, reference: &TokenizedText, candidate: &TokenizedText) -> RougeScores {
        RougeScores {
            rouge1: ngram_overlap(&reference.tokens, &candidate.tokens, 1),
            rouge2: ngram_overlap(&reference.tokens, &candidate.tokens, 2),
            rouge_l: lcs_score(&reference.tokens, &candidate.tokens),
            rouge_lsum: summary_level_lcs(&reference.sentences, &candidate.sentences),
        }
    }

    fn tokenize(&self, text: &str) -> TokenizedText {
        TokenizedText {
            tokens: self.table.tokenize(text),
            sentences: self.lsum_sentences(text).into_iter().map(|s| self.table.tokenize(s)).collect(),
        }
    }

    fn lsum_sentences<'a>(&self, text: &'a str) -> Vec<&'a str> {
        match self.lsum_split {
            LsumSplit::Newlines => text.split('\n').collect(),
            LsumSplit::LinesOrSentences => {
                let text = text.trim_matches(is_python_space);
                if text.contains('\n') {
                    text.split(is_python_line_boundary).collect()
                } else {
                    self.splitter.split(text).iter().map(|s| s.text(text)).collect()
                }
            }
            LsumSplit::SentencesOfLines => text
                .split('\n')
                .map(|line| line.trim_matches(is_python_space))
                .filter(|line| !line.is_empty())
                .flat_map(|line| self.splitter.split(line).into_iter().map(move |s| s.text(line)))
                .collect(),
        }
    }
}

/// Python's `str.isspace`: Unicode White_Space plus the information separators U+001C–U+001F.
fn is_python_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// The characters at which Python's `str.splitlines` breaks (`\r\n` yields an empty piece between its
/// two characters, which has no tokens and so does not count).
fn is_python_line_boundary(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{b}' | '\u{c}' | '\u{1c}' | '\u{1d}' | '\u{1e}' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// ROUGE-N: n-grams of the reference matched by n-grams of the candidate, each counted at most as often
/// as it occurs in the candidate.
fn ngram_overlap(reference: &[TokenId], candidate: &[TokenId], n: usize) -> Score {
    let count = |tokens: &[TokenId]| tokens.len().saturating_sub(n - 1);
    let mut candidate_counts: FxHashMap<&[TokenId], usize> = FxHashMap::default();
    for gram in candidate.windows(n) {
        *candidate_counts.entry(gram).or_default() += 1;
    }
    let mut hits = 0;
    for gram in reference.windows(n) {
        if let Some(left) = candidate_counts.get_mut(gram).filter(|left| **left > 0) {
            *left -= 1;
            hits += 1;
        }
    }
    Score::from_hits(hits, count(candidate), count(reference))
}

/// ROUGE-L: the longest common subsequence of the two texts.
fn lcs_score(reference: &[TokenId], candidate: &[TokenId]) -> Score {
    Score::from_hits(lcs_length(reference, candidate), candidate.len(), reference.len())
}

/// Length of the longest common subsequence, in space linear in the candidate's length.
fn lcs_length(reference: &[TokenId], candidate: &[TokenId]) -> usize {
    let mut row = vec![0usize; candidate.len() + 1];
    for &r in reference {
        let mut diagonal = 0;
        for (j, &c) in candidate.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = if r == c { diagonal + 1 } else { up.max(row[j]) };
            diagonal = up;
        }
    }
    row[candidate.len()]
}

/// Marks in `in_lcs` the reference positions of the one longest common subsequence `rouge-score` reads
/// out: backtracking from the end, take a match, else step left in the candidate when that keeps a
/// strictly longer prefix LCS, else step up in the reference. Which LCS is chosen changes the union,
/// so the tie rule matters. The table keeps one bit per cell (is left strictly better than up?), so
/// long sentences cost n·m/8 bytes.
fn mark_lcs(reference: &[TokenId], candidate: &[TokenId], in_lcs: &mut [bool]) {
    let (n, m) = (reference.len(), candidate.len());
    if n == 0 || m == 0 {
        return;
    }
    let mut left_is_longer = vec![0u64; (n * m).div_ceil(64)];
    let bit = |i: usize, j: usize| (i - 1) * m + (j - 1);
    let mut previous = vec![0usize; m + 1];
    let mut current = vec![0usize; m + 1];
    for i in 1..=n {
        for j in 1..=m {
            current[j] = if reference[i - 1] == candidate[j - 1] {
                previous[j - 1] + 1
            } else {
                if current[j - 1] > previous[j] {
                    let k = bit(i, j);
                    left_is_longer[k / 64] |= 1 << (k % 64);
                }
                current[j - 1].max(previous[j])
            };
        }
        std::mem::swap(&mut previous, &mut current);
    }
    let (mut i, mut j) = (n, m);
    while i > 0 && j > 0 {
        if reference[i - 1] == candidate[j - 1] {
            in_lcs[i - 1] = true;
            i -= 1;
            j -= 1;
        } else if left_is_longer[bit(i, j) / 64] & (1 << (bit(i, j) % 64)) != 0 {
            j -= 1;
        } else {
            i -= 1;
        }
    }
}

/// ROUGE-Lsum (Lin 2004, §3.2, as ROUGE-1.5.5 implements it): for each reference sentence, the union of
/// its LCS with every candidate sentence; a token of that union is a hit only while both texts still
/// have an unmatched occurrence of it, so no token is counted more often than either text has it.
fn summary_level_lcs(reference: &[Vec<TokenId>], candidate: &[Vec<TokenId>]) -> Score {
    let reference_units: usize = reference.iter().map(Vec::len).sum();
    let candidate_units: usize = candidate.iter().map(Vec::len).sum();
    if reference_units == 0 || candidate_units == 0 {
        return Score::default();
    }
    let mut reference_left = token_counts(reference);
    let mut candidate_left = token_counts(candidate);
    let mut hits = 0;
    for sentence in reference {
        let mut in_union = vec![false; sentence.len()];
        for other in candidate {
            mark_lcs(sentence, other, &mut in_union);
        }
        for (token, _) in sentence.iter().zip(&in_union).filter(|(_, in_union)| **in_union) {
            let in_reference = reference_left.entry(*token).or_default();
            let in_candidate = candidate_left.entry(*token).or_default();
            if *in_reference > 0 && *in_candidate > 0 {
                *in_reference -= 1;
                *in_candidate -= 1;
                hits += 1;
            }
        }
    }
    Score::from_hits(hits, candidate_units, reference_units)
}

fn token_counts(sentences: &[Vec<TokenId>]) -> FxHashMap<TokenId, usize> {
    let mut counts = FxHashMap::default();
    for &token in sentences.iter().flatten() {
        *counts.entry(token).or_default() += 1;
    }
    counts
}

/// Averages per-document [`RougeScores`] and reports them ×100, the scale ROUGE tables use.
///
/// ```
/// use nutgraf::eval::{Metric, RougeAggregate, RougeScorer};
///
/// let scorer = RougeScorer::new();
/// let mean: RougeAggregate =
///     [scorer.score("a b c d", "a b c d"), scorer.score("a b c d", "e f")].into_iter().collect();
/// assert_eq!(mean.docs(), 2);
/// assert_eq!(mean.mean()[Metric::Rouge1].f1, 50.0);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct RougeAggregate {
    sums: RougeScores,
    docs: usize,
}

impl RougeAggregate {
    /// An empty aggregate.
    pub fn new() -> Self {
        RougeAggregate::default()
    }

    /// Adds one document's scores.
    pub fn add(&mut self, scores: &RougeScores) {
        for metric in Metric::ALL {
            let (sum, score) = (&mut self.sums[metric], scores[metric]);
            // Scaled per document before summing, as score.py does.
            sum.precision += score.precision * 100.0;
            sum.recall += score.recall * 100.0;
            sum.f1 += score.f1 * 100.0;
        }
        self.docs += 1;
    }

    /// How many documents were added.
    pub fn docs(&self) -> usize {
        self.docs
    }

    /// The mean of each precision, recall and F1 over the documents, ×100 (all 0 with no documents).
    /// The mean F1 is the mean of per-document F1s, not the F1 of the mean precision and recall.
    pub fn mean(&self) -> RougeScores {
        let mut mean = RougeScores::default();
        if self.docs == 0 {
            return mean;
        }
        let docs = self.docs as f64;
        for metric in Metric::ALL {
            let sum = self.sums[metric];
            mean[metric] = Score { precision: sum.precision / docs, recall: sum.recall / docs, f1: sum.f1 / docs };
        }
        mean
    }
}

impl Extend<RougeScores> for RougeAggregate {
    fn extend<I: IntoIterator<Item = RougeScores>>(&mut self, iter: I) {
        for scores in iter {
            self.add(&scores);
        }
    }
}

impl FromIterator<RougeScores> for RougeAggregate {
    fn from_iter<I: IntoIterator<Item = RougeScores>>(iter: I) -> Self {
        let mut aggregate = RougeAggregate::new();
        aggregate.extend(iter);
        aggregate
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scorer() -> RougeScorer {
        RougeScorer::builder().stemming(false).lsum_split(LsumSplit::Newlines).build()
    }

    #[test]
    fn ngram_counts_are_clipped() {
        let scores = scorer().score("the the the cat", "the cat the");
        // Reference unigrams: the×3 cat×1; candidate: the×2 cat×1 → 3 hits.
        assert_eq!(scores.rouge1.precision, 1.0);
        assert_eq!(scores.rouge1.recall, 0.75);
        // Bigrams: ref (the the)×2 (the cat); cand (the cat) (cat the) → 1 hit.
        assert_eq!(scores.rouge2.precision, 0.5);
        assert_eq!(scores.rouge2.recall, 1.0 / 3.0);
    }

    #[test]
    fn empty_texts_score_zero() {
        let s = scorer();
        assert_eq!(s.score("", ""), RougeScores::default());
        assert_eq!(s.score("a b", "—"), RougeScores::default());
        assert_eq!(s.score_multi::<&str>(&[], "a b"), RougeScores::default());
    }

    #[test]
    fn lcs_length_of_known_pairs() {
        assert_eq!(lcs_length(&[1, 2, 3, 4, 5], &[1, 3, 5]), 3);
        assert_eq!(lcs_length(&[1, 2, 3], &[3, 2, 1]), 1);
        assert_eq!(lcs_length(&[], &[1]), 0);
    }

    #[test]
    fn backtracking_prefers_up_on_ties() {
        // ref [a b], cand [b a]: two LCS of length 1. At (2, 2) b ≠ a and left and up tie at 1, so the
        // read-out steps up and then matches a: reference position 0, not 1.
        let mut marks = [false; 2];
        mark_lcs(&[1, 2], &[2, 1], &mut marks);
        assert_eq!(marks, [true, false]);
    }

    #[test]
    fn union_lcs_counts_each_token_once() {
        // Lin (2004): ref w1..w5, candidates [w1 w2 w6 w7 w8] and [w1 w3 w8 w9 w5]: union {w1 w2 w3 w5}.
        let scores = scorer().score("w1 w2 w3 w4 w5", "w1 w2 w6 w7 w8\nw1 w3 w8 w9 w5");
        assert_eq!(scores.rouge_lsum.recall, 0.8);
        assert_eq!(scores.rouge_lsum.precision, 0.4);
        // The same candidate sentence repeated cannot match one reference token twice.
        let repeated = scorer().score("a b\na b", "a b");
        assert_eq!(repeated.rouge_lsum.recall, 0.5);
        assert_eq!(repeated.rouge_lsum.precision, 1.0);
    }

    #[test]
    fn lines_or_sentences_split() {
        let s = RougeScorer::builder().stemming(false).build();
        assert_eq!(s.lsum_sentences("  one two.\r\nthree\u{2028}four \n"), ["one two.", "", "three", "four"]);
        assert_eq!(
            s.lsum_sentences("One sentence here. Another one there.\n"),
            ["One sentence here.", "Another one there."]
        );
        let newline = scorer();
        assert_eq!(newline.lsum_sentences("a. b.\nc"), ["a. b.", "c"]);
    }

    #[test]
    fn multi_reference_takes_the_best_per_metric() {
        let s = scorer();
        let a = "x y z w";
        let b = "z y x";
        let best = s.score_multi(&[a, b], "x y z");
        assert_eq!(best.rouge1, s.score(b, "x y z").rouge1);
        assert_eq!(best.rouge2, s.score(a, "x y z").rouge2);
    }
}
