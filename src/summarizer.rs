//! The [`Summarizer`]: composes the stages, and the [`Summary`] it returns.

use ndarray::Array2;
use serde::{Deserialize, Serialize};

use crate::analyze::{AnalyzedDocument, Analyzer};
use crate::config::{Config, Preset};
use crate::error::Result;
use crate::input::Document;
use crate::language::Language;
use crate::noise::{NoiseDetector, NoiseReport};
use crate::score::{self, ScoringInput, tfidf::TfIdf};
use crate::segment::{Sentence, SentenceSplitter};
use crate::select::{self, Budget, Candidate};

/// Summarizes texts. Built once with [`Summarizer::builder`], then reused for any number of documents,
/// from any number of threads (it is `Send + Sync`).
///
/// ```
/// use nutgraf::{Budget, Summarizer};
///
/// let summarizer = Summarizer::builder().budget(Budget::Sentences(1)).build()?;
/// let text = "Subscribe now\n\nThe city council approved the new budget on Monday after a long debate. \
///             Council members said the budget would fund more buses. The vote was 7 to 2.";
/// let summary = summarizer.summarize(text);
/// assert_eq!(summary.sentences.len(), 1);
/// assert_eq!(summary.sentences[0].text, "The city council approved the new budget on Monday after a long debate.");
/// assert_eq!(&text[summary.sentences[0].start..summary.sentences[0].end], summary.sentences[0].text);
/// # Ok::<(), nutgraf::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Summarizer {
    config: Config,
    budget: Budget,
    splitter: SentenceSplitter,
    analyzer: Analyzer,
    noise: NoiseDetector,
}

/// Configures a [`Summarizer`].
///
/// ```
/// use nutgraf::{Budget, Language, Preset, Summarizer};
///
/// let summarizer = Summarizer::builder()
///     .preset(Preset::General)
///     .language(Language::German)
///     .budget(Budget::Words(60))
///     .build()?;
/// assert_eq!(summarizer.config().language, Language::German);
/// # Ok::<(), nutgraf::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
#[must_use]
pub struct SummarizerBuilder {
    config: Option<Config>,
    preset: Preset,
    language: Option<Language>,
    budget: Budget,
}

impl SummarizerBuilder {
    /// Starts from a preset (default: [`Preset::News`]). Ignored when [`config`](Self::config) is set.
    pub fn preset(mut self, preset: Preset) -> Self {
        self.preset = preset;
        self
    }

    /// Uses a full configuration instead of a preset.
    pub fn config(mut self, config: Config) -> Self {
        self.config = Some(config);
        self
    }

    /// Sets the language (overrides the configuration's).
    pub fn language(mut self, language: Language) -> Self {
        self.language = Some(language);
        self
    }

    /// Sets the length budget (default: 3 sentences).
    pub fn budget(mut self, budget: Budget) -> Self {
        self.budget = budget;
        self
    }

    /// Builds the summarizer, checking the configuration and the budget.
    pub fn build(self) -> Result<Summarizer> {
        let mut config = self.config.unwrap_or_else(|| Config::preset(self.preset));
        if let Some(language) = self.language {
            config.language = language;
        }
        config.validate()?;
        self.budget.validate()?;
        Ok(Summarizer {
            splitter: SentenceSplitter::new(config.language),
            analyzer: Analyzer::new(config.language),
            noise: NoiseDetector::new(config.language),
            budget: self.budget,
            config,
        })
    }
}

/// A brief: the chosen sentences in source order.
///
/// Serializes to the JSON that `nutgraf --format json` prints.
///
/// ```
/// let summary = nutgraf::Summarizer::builder().build()?.summarize("");
/// assert!(summary.sentences.is_empty());
/// assert_eq!(serde_json::to_string(&summary).unwrap(), r#"{"sentences":[],"total_sentences":0}"#);
/// # Ok::<(), nutgraf::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// The chosen sentences, in the order they appear in the input.
    pub sentences: Vec<SummarySentence>,
    /// How many sentences the input had.
    pub total_sentences: usize,
}

impl Summary {
    /// The brief as text: one sentence per line, line breaks inside a sentence folded to spaces.
    ///
    /// ```
    /// let text = "The storm hit the northern coast overnight with gusts,\nforecasters said on Monday. Power lines were down.";
    /// let summary = nutgraf::Summarizer::builder().build()?.summarize(text);
    /// assert_eq!(
    ///     summary.to_text(),
    ///     "The storm hit the northern coast overnight with gusts, forecasters said on Monday.\nPower lines were down."
    /// );
    /// # Ok::<(), nutgraf::Error>(())
    /// ```
    pub fn to_text(&self) -> String {
        self.sentences.iter().map(|s| fold_lines(&s.text)).collect::<Vec<_>>().join("\n")
    }

    /// Number of words in the brief (UAX #29 words, as budgets count them).
    pub fn word_count(&self) -> usize {
        use unicode_segmentation::UnicodeSegmentation;
        self.sentences.iter().map(|s| s.text.unicode_words().count()).sum()
    }
}

/// Replaces every run of whitespace that contains a line break with one space.
pub(crate) fn fold_lines(text: &str) -> String {
    if !text.contains(['\n', '\r', '\u{2028}', '\u{2029}']) {
        return text.to_string();
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One sentence of a [`Summary`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SummarySentence {
    /// Index of the sentence among all sentences of the input (0-based).
    pub index: usize,
    /// Byte offset of the sentence in the input.
    pub start: usize,
    /// Byte offset one past its end: `text == input[start..end]`.
    pub end: usize,
    /// Relative score: 1.0 for the best candidate of the document, lower for the others.
    pub score: f64,
    /// The sentence, verbatim.
    pub text: String,
}

/// What the configuration-independent stages found in one document: sentences, terms, boilerplate.
/// Tuning computes it once per document and scores it under many configurations.
#[derive(Clone, Debug)]
pub struct Analysis {
    /// All sentences.
    pub sentences: Vec<Sentence>,
    /// Their terms.
    pub document: AnalyzedDocument,
    /// Boilerplate likelihoods and the headline.
    pub noise: NoiseReport,
    /// The terms of the document's title, when it has one apart from its text: the headline that
    /// sentences are compared with, in place of a headline line found in the text.
    pub title_terms: Option<Vec<crate::analyze::TermId>>,
}

/// The candidates of one [`Analysis`] scored under one [`Config`].
#[derive(Clone, Debug)]
pub struct Scoring {
    /// Indices of the sentences that may be chosen, ascending.
    pub candidates: Vec<usize>,
    /// TF-IDF vectors of the candidates (row k is `candidates[k]`).
    pub tfidf: TfIdf,
    /// The m × k feature matrix of the candidates (see [`Feature`](crate::Feature)).
    pub features: Array2<f64>,
}

impl Summarizer {
    /// A builder, starting from the news preset, English, 3 sentences.
    pub fn builder() -> SummarizerBuilder {
        SummarizerBuilder::default()
    }

    /// The configuration in use.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The default budget.
    pub fn budget(&self) -> Budget {
        self.budget
    }

    /// The sentence splitter in use.
    pub fn splitter(&self) -> &SentenceSplitter {
        &self.splitter
    }

    /// Summarizes `text` within the summarizer's budget.
    pub fn summarize(&self, text: &str) -> Summary {
        self.summarize_with_budget(text, self.budget)
    }

    /// Summarizes `text` within `budget`.
    ///
    /// ```
    /// use nutgraf::{Budget, Summarizer};
    ///
    /// let text = "One fact here. Another fact there. A third fact. A fourth one.";
    /// let summary = Summarizer::builder().build()?.summarize_with_budget(text, Budget::Words(6));
    /// assert!(summary.word_count() <= 6);
    /// # Ok::<(), nutgraf::Error>(())
    /// ```
    pub fn summarize_with_budget(&self, text: &str, budget: Budget) -> Summary {
        let analysis = self.analyze(text);
        let scoring = self.score(&analysis, &self.config);
        self.select(text, &analysis, &scoring, &self.config, budget)
    }

    /// Stages 1–3 (split, analyze, boilerplate), which do not depend on the scoring configuration.
    pub fn analyze(&self, text: &str) -> Analysis {
        let sentences = self.splitter.split(text);
        let document = self.analyzer.analyze(text, &sentences);
        let noise = self.noise.detect(text, &sentences, &document);
        Analysis { sentences, document, noise, title_terms: None }
    }

    /// Summarizes a [`Document`] within the summarizer's budget: sentences never cross its blocks, its
    /// furniture blocks never reach the brief, and its title, which is never a sentence of the brief,
    /// is the headline that sentences are compared with. The spans of the brief are into
    /// `document.text`. A plain-text document without a title gets the brief [`summarize`](Self::summarize)
    /// gives its text.
    ///
    /// ```
    /// use nutgraf::{Budget, Document, Summarizer};
    ///
    /// let summarizer = Summarizer::builder().budget(Budget::Sentences(1)).build()?;
    /// let text = "The council met on Monday. Rail fares will rise by five percent in March, the council said.";
    /// let document = Document::from_text(text).with_title("Rail fares to rise");
    /// let summary = summarizer.summarize_document(&document);
    /// assert_eq!(summary.to_text(), "Rail fares will rise by five percent in March, the council said.");
    /// assert_eq!(summarizer.summarize_document(&Document::from_text(text)), summarizer.summarize(text));
    /// # Ok::<(), nutgraf::Error>(())
    /// ```
    pub fn summarize_document(&self, document: &Document) -> Summary {
        self.summarize_document_with_budget(document, self.budget)
    }

    /// Summarizes a [`Document`] within `budget`.
    pub fn summarize_document_with_budget(&self, document: &Document, budget: Budget) -> Summary {
        let analysis = self.analyze_document(document);
        let scoring = self.score(&analysis, &self.config);
        self.select(&document.text, &analysis, &scoring, &self.config, budget)
    }

    /// Stages 1–3 for a [`Document`]: [`analyze`](Self::analyze) with what the source says about its
    /// blocks and title (for a document without a title, a heading that opens it).
    pub fn analyze_document(&self, document: &Document) -> Analysis {
        if document.blocks.is_empty() && document.title.is_none() {
            return self.analyze(&document.text);
        }
        let text = document.text.as_str();
        let sentences = if document.blocks.is_empty() {
            self.splitter.split(text)
        } else {
            let ranges: Vec<std::ops::Range<usize>> = document.blocks.iter().map(|b| b.start..b.end).collect();
            self.splitter.split_within(text, &ranges)
        };
        // Without a title, a heading that opens the document is the headline.
        let opening_heading = document
            .blocks
            .first()
            .filter(|block| matches!(block.kind, crate::BlockKind::Heading { .. }))
            .map(|block| block.text(text));
        let headline = document.title.as_deref().or(opening_heading);
        let (analyzed, title_terms) = self.analyzer.analyze_with_title(text, &sentences, headline);
        let noise = self.noise.detect_document(document, &sentences, &analyzed);
        Analysis { sentences, document: analyzed, noise, title_terms }
    }

    /// Scores an analysis under `config` (which must be for the summarizer's language): chooses the
    /// candidates and computes their TF-IDF vectors and feature matrix.
    ///
    /// ```
    /// use nutgraf::{Budget, Config, Preset, Summarizer};
    ///
    /// let summarizer = Summarizer::builder().build()?;
    /// let text = "Rates rose again on Tuesday. Stocks fell as rates rose. Lunch was served at noon.";
    /// let analysis = summarizer.analyze(text);
    /// for preset in Preset::ALL {
    ///     let config = Config::preset(preset);
    ///     let scoring = summarizer.score(&analysis, &config);
    ///     let brief = summarizer.select(text, &analysis, &scoring, &config, Budget::Sentences(1));
    ///     assert_eq!(brief.sentences.len(), 1);
    /// }
    /// # Ok::<(), nutgraf::Error>(())
    /// ```
    pub fn score(&self, analysis: &Analysis, config: &Config) -> Scoring {
        let document = &analysis.document;
        let noise = &analysis.noise;
        let headline = noise.headline.filter(|_| config.detect_headline);
        let candidates = choose_candidates(noise, headline, document, config.noise.threshold);
        let tfidf = TfIdf::new(document, &candidates);
        let features = score::feature_matrix(
            &ScoringInput {
                document,
                candidates: &candidates,
                tfidf: &tfidf,
                noise: &noise.likelihood,
                headline_terms: analysis.title_terms.as_deref().or(headline.map(|h| document.terms(h))),
            },
            config,
        );
        Scoring { candidates, tfidf, features }
    }

    /// Stage 4: combines the features with `config`'s weights and picks sentences under `budget`.
    pub fn select(
        &self,
        text: &str,
        analysis: &Analysis,
        scoring: &Scoring,
        config: &Config,
        budget: Budget,
    ) -> Summary {
        let scores = score::combine(&scoring.features, &config.weights);
        let best = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let candidates: Vec<Candidate> = scoring
            .candidates
            .iter()
            .enumerate()
            .map(|(row, &sentence)| Candidate {
                row,
                sentence,
                score: scores[row],
                words: analysis.document.word_count(sentence),
            })
            .collect();
        let chosen = select::select(&candidates, budget, analysis.sentences.len(), config.redundancy, |a, b| {
            scoring.tfidf.cosine(a, b)
        });
        let sentences = chosen
            .into_iter()
            .map(|c| {
                let span = analysis.sentences[c.sentence];
                let relative = (c.score - best).exp();
                SummarySentence {
                    index: c.sentence,
                    start: span.start,
                    end: span.end,
                    score: if relative.is_finite() { relative } else { 0.0 },
                    text: span.text(text).to_string(),
                }
            })
            .collect();
        Summary { sentences, total_sentences: analysis.sentences.len() }
    }
}

/// The sentences that may be chosen: not the headline, not hard boilerplate, and below the noise
/// threshold. When nothing passes the threshold (text without any punctuation, say), the layout-based
/// part of the likelihood is not trusted and every sentence that is not hard boilerplate qualifies.
fn choose_candidates(
    noise: &NoiseReport,
    headline: Option<usize>,
    document: &AnalyzedDocument,
    threshold: f64,
) -> Vec<usize> {
    let eligible = |i: usize| Some(i) != headline && !noise.hard[i] && !document.terms(i).is_empty();
    let mut strict: Vec<usize> = Vec::with_capacity(noise.likelihood.len());
    strict.extend((0..noise.likelihood.len()).filter(|&i| eligible(i) && noise.likelihood[i] < threshold));
    if !strict.is_empty() || threshold >= 1.0 {
        return strict;
    }
    (0..noise.likelihood.len()).filter(|&i| eligible(i)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summarizer_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Summarizer>();
    }

    #[test]
    fn text_without_punctuation_still_gets_a_brief() {
        let text =
            "the quick brown fox jumps over the lazy dog\nthe lazy dog sleeps all day long in the sun\nfoxes are quick";
        let summary = Summarizer::builder().build().unwrap().summarize(text);
        assert!(!summary.sentences.is_empty());
    }

    #[test]
    fn all_boilerplate_gives_no_prompt_line() {
        let text = "Subscribe now\nSign up for our newsletter\nShare on Facebook\nSubscribe now";
        let summary = Summarizer::builder().build().unwrap().summarize(text);
        assert!(summary.sentences.is_empty(), "{summary:?}");
    }
}
