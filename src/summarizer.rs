//! The [`Summarizer`]: composes the stages, and the [`Summary`] it returns.

use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use ndarray::Array2;
use serde::{Deserialize, Serialize};

use crate::adaptive::{AdaptiveModel, ScoringChoice, Signals};
use crate::analyze::{AnalyzedDocument, Analyzer};
use crate::chunk;
use crate::config::{Config, Preset};
use crate::detect::TextLanguage;
use crate::error::{Error, Result};
use crate::idf::CorpusIdf;
use crate::input::Document;
use crate::language::Language;
use crate::noise::{NoiseDetector, NoiseReport};
use crate::redundancy::CosineIndex;
use crate::score::{self, Feature, ScoringInput, tfidf::TfIdf};
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
    /// Whether each text's language is detected; if not, every text is in `config.language`.
    detect_language: bool,
    /// Where the configuration came from a preset, the preset: a language may adjust it (see
    /// [`Config::preset_for`]).
    preset: Option<Preset>,
    budget: Budget,
    /// One slot per supported language (in [`Language::ALL`] order), then one for the neutral analysis.
    stages: Box<[OnceLock<Stages>]>,
    explain: bool,
    idf: Option<Arc<CorpusIdf>>,
    /// With [`Preset::Adaptive`]: the model that chooses each document's scoring.
    adaptive: Option<&'static AdaptiveModel>,
}

/// The stages of one language, and the configuration its texts are scored with.
#[derive(Clone, Debug)]
struct Stages {
    config: Config,
    /// With [`Preset::Adaptive`]: the language's news and general configurations the model chooses from.
    choices: Option<Box<Choices>>,
    splitter: SentenceSplitter,
    analyzer: Analyzer,
    noise: NoiseDetector,
}

/// The two scorings the adaptive mode chooses between, as adjusted for one language.
#[derive(Clone, Debug)]
struct Choices {
    news: Config,
    general: Config,
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
    no_detection: bool,
    budget: Budget,
    explain: bool,
    idf: Option<Arc<CorpusIdf>>,
}

impl SummarizerBuilder {
    /// Starts from a preset (default: [`Preset::Adaptive`]). Ignored when [`config`](Self::config) is set.
    /// [`Preset::Adaptive`] lets each document choose between the news and general presets by its own
    /// signals, and says which it chose and why in [`Summary::scoring`].
    ///
    /// ```
    /// use nutgraf::{Preset, Summarizer};
    ///
    /// let summarizer = Summarizer::builder().preset(Preset::Adaptive).build()?;
    /// let choice = summarizer.summarize("One fact here. Another fact there.").scoring.unwrap();
    /// assert!(matches!(choice.preset, Preset::News | Preset::General));
    /// # Ok::<(), nutgraf::Error>(())
    /// ```
    pub fn preset(mut self, preset: Preset) -> Self {
        self.preset = preset;
        self
    }

    /// Uses a full configuration instead of a preset. Its `language` is used for texts whose language
    /// cannot be detected, and for all texts if detection is off ([`detect_language`](Self::detect_language)).
    pub fn config(mut self, config: Config) -> Self {
        self.config = Some(config);
        self
    }

    /// Sets the language of every text (overrides the configuration's), which turns detection off.
    pub fn language(mut self, language: Language) -> Self {
        self.language = Some(language);
        self
    }

    /// Whether each text's language is detected (the default, unless [`language`](Self::language) is
    /// set). Without detection every text is in the configuration's language.
    ///
    /// ```
    /// use nutgraf::Summarizer;
    ///
    /// let text = "Le conseil municipal a adopté lundi le budget de la ville après un long débat.";
    /// assert_eq!(Summarizer::builder().build()?.summarize(text).language, "french");
    /// assert_eq!(Summarizer::builder().detect_language(false).build()?.summarize(text).language, "english");
    /// # Ok::<(), nutgraf::Error>(())
    /// ```
    pub fn detect_language(mut self, detect: bool) -> Self {
        self.no_detection = !detect;
        self
    }

    /// Sets the length budget (default: 3 sentences).
    pub fn budget(mut self, budget: Budget) -> Self {
        self.budget = budget;
        self
    }

    /// Whether each brief carries the features of its sentences and the weights that made their scores
    /// ([`SummarySentence::features`], [`Summary::weights`]); default: no.
    ///
    /// ```
    /// use nutgraf::{Feature, Summarizer};
    ///
    /// let summary = Summarizer::builder().explain(true).build()?.summarize("Cats purr. Dogs bark loudly.");
    /// let features = summary.sentences[0].features.as_ref().unwrap();
    /// assert!(features.contains_key(&Feature::TextRank));
    /// assert_eq!(summary.weights.as_ref().unwrap()[&Feature::Position], 1.5);
    /// # Ok::<(), nutgraf::Error>(())
    /// ```
    pub fn explain(mut self, explain: bool) -> Self {
        self.explain = explain;
        self
    }

    /// Takes term weights (IDF) from a corpus instead of from each document's own sentences. The table
    /// must be for the summarizer's language (checked by [`build`](Self::build)); see [`CorpusIdf`].
    pub fn idf(mut self, idf: Arc<CorpusIdf>) -> Self {
        self.idf = Some(idf);
        self
    }

    /// Builds the summarizer, checking the configuration and the budget.
    pub fn build(self) -> Result<Summarizer> {
        let preset = self.config.is_none().then_some(self.preset);
        let mut config = self.config.unwrap_or_else(|| Config::preset(self.preset));
        if let Some(language) = self.language {
            config.language = language;
        }
        config.validate()?;
        self.budget.validate()?;
        if let Some(idf) = &self.idf
            && idf.language() != config.language
        {
            return Err(Error::LanguageMismatch { summarizer: config.language, config: idf.language() });
        }
        let adaptive = match preset {
            Some(Preset::Adaptive) => Some(AdaptiveModel::shipped()?),
            _ => None,
        };
        // Stages are built when a text first needs them: a one-file run builds one language's, not 18.
        let stages = (0..=Language::ALL.len()).map(|_| OnceLock::new()).collect();
        Ok(Summarizer {
            adaptive,
            detect_language: self.language.is_none() && !self.no_detection,
            preset,
            stages,
            budget: self.budget,
            explain: self.explain,
            idf: self.idf,
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
/// assert_eq!(serde_json::to_string(&summary).unwrap(), r#"{"sentences":[],"total_sentences":0,"language":"english"}"#);
/// # Ok::<(), nutgraf::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Summary {
    /// The chosen sentences, in the order they appear in the input.
    pub sentences: Vec<SummarySentence>,
    /// How many sentences the input had (after the cut of [`Summarizer::summarize`]'s fallback for text
    /// that has no sentence small enough for a word, character or byte budget, the pieces it made).
    pub total_sentences: usize,
    /// With [`SummarizerBuilder::explain`]: each feature's weight. A sentence's log-score is the sum of
    /// its [`features`](SummarySentence::features) times these.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weights: Option<BTreeMap<Feature, f64>>,
    /// The language the text was summarized as: a [`Language`] name (`"french"`), or the detected
    /// language's English name (`"polish"`) where it was analyzed language-neutrally; empty for a brief
    /// made by [`from_sentences`](Self::from_sentences).
    #[serde(default)]
    pub language: String,
    /// With [`Preset::Adaptive`]: which scoring the document chose and why; absent under a fixed preset
    /// and for a text without a sentence that could be chosen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scoring: Option<ScoringChoice>,
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
        let mut text = String::with_capacity(self.sentences.iter().map(|s| s.text.len() + 1).sum());
        for (k, sentence) in self.sentences.iter().enumerate() {
            if k > 0 {
                text.push('\n');
            }
            push_folded(&mut text, &sentence.text);
        }
        text
    }

    /// Number of words in the brief (UAX #29 words, as budgets count them).
    pub fn word_count(&self) -> usize {
        use unicode_segmentation::UnicodeSegmentation;
        self.sentences.iter().map(|s| s.text.unicode_words().count()).sum()
    }

    /// A brief of the sentences `chosen` (indices into `sentences`, the split of `text`), each with score
    /// 1.0: for baselines such as LEAD-N. Indices outside `sentences` are skipped.
    ///
    /// ```
    /// use nutgraf::{Language, SentenceSplitter, Summary};
    ///
    /// let text = "First things first. Then the rest. And the end.";
    /// let sentences = SentenceSplitter::new(Language::English).split(text);
    /// let lead = Summary::from_sentences(text, &sentences, [0, 1]);
    /// assert_eq!(lead.to_text(), "First things first.\nThen the rest.");
    /// assert_eq!(lead.total_sentences, 3);
    /// ```
    pub fn from_sentences(text: &str, sentences: &[Sentence], chosen: impl IntoIterator<Item = usize>) -> Summary {
        let sentences_chosen = chosen
            .into_iter()
            .filter_map(|index| {
                sentences.get(index).map(|span| SummarySentence {
                    index,
                    start: span.start,
                    end: span.end,
                    score: 1.0,
                    text: span.text(text).to_string(),
                    features: None,
                })
            })
            .collect();
        Summary {
            sentences: sentences_chosen,
            total_sentences: sentences.len(),
            weights: None,
            language: String::new(),
            scoring: None,
        }
    }

    /// Number of characters of [`to_text`](Self::to_text), as [`Budget::Chars`] counts them.
    ///
    /// ```
    /// use nutgraf::{Budget, Summarizer};
    ///
    /// let text = "Grüße aus Köln. Es regnet heute den ganzen Tag. Morgen scheint die Sonne wieder.";
    /// let summary = Summarizer::builder().budget(Budget::Chars(50)).build()?.summarize(text);
    /// assert!(!summary.sentences.is_empty() && summary.char_count() <= 50);
    /// assert!(summary.byte_count() > summary.char_count());
    /// # Ok::<(), nutgraf::Error>(())
    /// ```
    pub fn char_count(&self) -> usize {
        self.to_text().chars().count()
    }

    /// Number of bytes of [`to_text`](Self::to_text), as [`Budget::Bytes`] counts them.
    pub fn byte_count(&self) -> usize {
        self.to_text().len()
    }
}

/// Replaces every run of whitespace that contains a line break with one space.
pub(crate) fn fold_lines(text: &str) -> String {
    if !has_line_break(text) {
        return text.to_string();
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `text` has a line break: `\n`, `\r`, U+2028 or U+2029. Found by bytes (the last two are
/// E2 80 A8 and E2 80 A9 in UTF-8), asked of every sentence of every brief.
fn has_line_break(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr3_iter(b'\n', b'\r', 0xE2, bytes)
        .any(|i| bytes[i] != 0xE2 || matches!(bytes.get(i + 1..i + 3), Some([0x80, 0xA8 | 0xA9])))
}

/// Appends [`fold_lines`]`(text)` to `out` without making it first: a brief of the whole document
/// renders a hundred thousand sentences.
pub(crate) fn push_folded(out: &mut String, text: &str) {
    if !has_line_break(text) {
        out.push_str(text);
        return;
    }
    for (k, word) in text.split_whitespace().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(word);
    }
}

/// One sentence of a [`Summary`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SummarySentence {
    /// Index of the sentence among all sentences of the input (0-based).
    pub index: usize,
    /// Byte offset of the sentence in the input.
    pub start: usize,
    /// Byte offset one past its end: `text == input[start..end]`.
    pub end: usize,
    /// Relative score: 1.0 for the best candidate of the document, lower for the others (the ratio of
    /// its score to the best one's, not a probability, and not comparable across documents).
    pub score: f64,
    /// The sentence, verbatim.
    pub text: String,
    /// With [`SummarizerBuilder::explain`]: the sentence's features (logarithms of its factors; see
    /// [`Feature`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub features: Option<BTreeMap<Feature, f64>>,
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
    /// The language the text was analyzed as.
    pub language: TextLanguage,
}

/// How [`Summarizer::chosen_scoring`] scored one document: the scoring, the configuration it was made
/// in, and with [`Preset::Adaptive`] which preset the document chose and why.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct ChosenScoring<'a> {
    /// The candidates and their features, as this configuration computes them.
    pub scoring: Scoring,
    /// The configuration to select and to read scores with.
    pub config: &'a Config,
    /// With the adaptive preset and at least one candidate: what it chose and why.
    pub choice: Option<ScoringChoice>,
}

/// The candidates of one [`Analysis`] scored under one [`Config`].
#[derive(Clone, Debug)]
pub struct Scoring {
    candidates: Vec<usize>,
    tfidf: TfIdf,
    /// m × k: row r is candidate r, column c is `Feature::ALL[c]`. Private, so that the matrix type is
    /// not part of the API.
    features: Array2<f64>,
}

impl Scoring {
    /// This scoring, made under joint weights (see `score::joint_weights`), as `config` would have made it.
    fn restricted_to(mut self, analysis: &Analysis, config: &Config) -> Scoring {
        score::restrict_to(&mut self.features, &analysis.document, &self.candidates, config);
        self
    }

    /// Indices of the sentences that may be chosen, ascending.
    pub fn candidates(&self) -> &[usize] {
        &self.candidates
    }

    /// TF-IDF vectors of the candidates (row r is `candidates()[r]`).
    pub fn tfidf(&self) -> &TfIdf {
        &self.tfidf
    }

    /// Feature `feature` of candidate row `row` (0 for a row that does not exist).
    ///
    /// ```
    /// use nutgraf::{Feature, Summarizer};
    ///
    /// let summarizer = Summarizer::builder().build()?;
    /// let analysis = summarizer.analyze("Rates rose again on Tuesday. Stocks fell as rates rose.");
    /// let scoring = summarizer.score(&analysis, summarizer.config())?;
    /// assert_eq!(scoring.feature(0, Feature::Position), 0.0); // ln 1: the first candidate
    /// assert_eq!(scoring.feature(1, Feature::Position), -(2f64.ln()));
    /// # Ok::<(), nutgraf::Error>(())
    /// ```
    pub fn feature(&self, row: usize, feature: Feature) -> f64 {
        self.features.get([row, feature.column()]).copied().unwrap_or(0.0)
    }

    /// All features of candidate row `row`, in [`Feature::ALL`] order.
    pub fn features(&self, row: usize) -> BTreeMap<Feature, f64> {
        Feature::ALL.iter().map(|&f| (f, self.feature(row, f))).collect()
    }
}

impl Scoring {
    /// Every candidate's score under `config`'s weights, as `(sentence index, score)` in source order,
    /// relative as in [`SummarySentence::score`]: 1.0 for the best candidate, lower for the others.
    /// Sentences that are not candidates (the headline, boilerplate) have none.
    ///
    /// ```
    /// use nutgraf::Summarizer;
    ///
    /// let summarizer = Summarizer::builder().build()?;
    /// let text = "Rates rose again on Tuesday. Stocks fell as rates rose. Lunch was served at noon.";
    /// let analysis = summarizer.analyze(text);
    /// let scoring = summarizer.score(&analysis, summarizer.config())?;
    /// let scores = scoring.relative_scores(summarizer.config());
    /// assert_eq!(scores.len(), scoring.candidates().len());
    /// assert!(scores.iter().any(|&(_, score)| score == 1.0));
    /// assert!(scores.iter().all(|&(_, score)| (0.0..=1.0).contains(&score)));
    /// # Ok::<(), nutgraf::Error>(())
    /// ```
    pub fn relative_scores(&self, config: &Config) -> Vec<(usize, f64)> {
        let scores = score::combine(&self.features, &config.weights);
        let best = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        self.candidates.iter().zip(scores.iter()).map(|(&sentence, &score)| (sentence, relative(score, best))).collect()
    }
}

/// A score relative to the best: scores are sums of logarithms, so the ratio is the exponent of the gap.
fn relative(score: f64, best: f64) -> f64 {
    let relative = (score - best).exp();
    if relative.is_finite() { relative } else { 0.0 }
}

impl Summarizer {
    /// A builder, starting from the adaptive preset, the language of each text detected, 3 sentences.
    pub fn builder() -> SummarizerBuilder {
        SummarizerBuilder::default()
    }

    /// The configuration in use (for texts in other languages, see [`config_for`](Self::config_for)).
    /// With [`Preset::Adaptive`] it is the news preset's, and each document is scored in the
    /// configuration it chooses: [`chosen_scoring`](Self::chosen_scoring) gives that one.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Whether each text's language is detected.
    pub fn detects_language(&self) -> bool {
        self.detect_language
    }

    /// The configuration a text in `language` is scored with: the summarizer's, or where it was built
    /// from a preset, the preset as adjusted for that language ([`Config::preset_for`]). With
    /// [`Preset::Adaptive`], the news preset's, which a document may trade for general's (see
    /// [`chosen_scoring`](Self::chosen_scoring)).
    ///
    /// ```
    /// use nutgraf::{Language, Summarizer, TextLanguage};
    ///
    /// let summarizer = Summarizer::builder().build()?;
    /// assert_eq!(summarizer.config_for(TextLanguage::Supported(Language::French)).language, Language::French);
    /// # Ok::<(), nutgraf::Error>(())
    /// ```
    pub fn config_for(&self, language: TextLanguage) -> &Config {
        &self.stages(language).config
    }

    /// The language a text is summarized as: detected, or the configured one.
    pub fn language_of(&self, text: &str) -> TextLanguage {
        if self.detect_language {
            TextLanguage::detect(text).unwrap_or(TextLanguage::Supported(self.config.language))
        } else {
            TextLanguage::Supported(self.config.language)
        }
    }

    /// The stages for `language`, built on first use.
    fn stages(&self, language: TextLanguage) -> &Stages {
        let slot = match language {
            TextLanguage::Supported(language) => Language::ALL.iter().position(|&l| l == language).unwrap_or(0),
            TextLanguage::Neutral(_) => Language::ALL.len(),
        };
        self.stages[slot].get_or_init(|| self.build_stages(language))
    }

    fn build_stages(&self, language: TextLanguage) -> Stages {
        let preset_config = |preset| match language {
            TextLanguage::Supported(language) => Config::preset_for(preset, language),
            TextLanguage::Neutral(_) => Config { language: self.config.language, ..Config::preset(preset) },
        };
        let config = match (language, self.preset) {
            (TextLanguage::Supported(_), Some(preset)) => preset_config(preset),
            (TextLanguage::Supported(language), None) => Config { language, ..self.config.clone() },
            (TextLanguage::Neutral(_), _) => self.config.clone(),
        };
        let choices = self
            .adaptive
            .map(|_| Box::new(Choices { news: preset_config(Preset::News), general: preset_config(Preset::General) }));
        match language {
            TextLanguage::Supported(language) => Stages {
                splitter: SentenceSplitter::new(language),
                analyzer: Analyzer::new(language),
                noise: NoiseDetector::new(language),
                config,
                choices,
            },
            TextLanguage::Neutral(_) => Stages {
                splitter: neutral_splitter(),
                analyzer: Analyzer::language_neutral(),
                // The neutral cues (site, platform and agency names) are in every language's list; English
                // prompts are what multilingual sites most often show untranslated.
                noise: NoiseDetector::new(Language::English),
                config,
                choices,
            },
        }
    }

    /// The default budget.
    pub fn budget(&self) -> Budget {
        self.budget
    }

    /// The sentence splitter for the configured language.
    pub fn splitter(&self) -> &SentenceSplitter {
        &self.stages(TextLanguage::Supported(self.config.language)).splitter
    }

    /// Summarizes `text` within the summarizer's budget.
    ///
    /// When no sentence fits a word, character or byte budget, the ones without final punctuation (a
    /// transcript's "sentences" are pieces of up to [`MAX_SENTENCE_BYTES`](crate::MAX_SENTENCE_BYTES)) are
    /// cut into pieces that fit, at clause marks or word boundaries, and the text is summarized again:
    /// the brief is then made of those pieces. Punctuated sentences are never cut.
    ///
    /// ```
    /// use nutgraf::{Budget, Summarizer};
    ///
    /// let transcript = "so um we looked at the flood maps and the river keeps rising every spring ".repeat(40);
    /// let summary = Summarizer::builder().budget(Budget::Words(20)).build()?.summarize(&transcript);
    /// assert!(!summary.sentences.is_empty());
    /// assert!(summary.word_count() <= 20);
    /// # Ok::<(), nutgraf::Error>(())
    /// ```
    pub fn summarize(&self, text: &str) -> Summary {
        self.summarize_within(text, self.budget)
    }

    /// Summarizes `text` within `budget`, as [`summarize`](Self::summarize) does; an error for a budget
    /// that [`Budget::validate`] rejects.
    ///
    /// ```
    /// use nutgraf::{Budget, Summarizer};
    ///
    /// let text = "One fact here. Another fact there. A third fact. A fourth one.";
    /// let summarizer = Summarizer::builder().build()?;
    /// assert!(summarizer.summarize_with_budget(text, Budget::Words(6))?.word_count() <= 6);
    /// assert!(summarizer.summarize_with_budget(text, Budget::Sentences(0)).is_err());
    /// # Ok::<(), nutgraf::Error>(())
    /// ```
    pub fn summarize_with_budget(&self, text: &str, budget: Budget) -> Result<Summary> {
        budget.validate()?;
        Ok(self.summarize_within(text, budget))
    }

    /// [`summarize_with_budget`](Self::summarize_with_budget) for a budget already validated.
    fn summarize_within(&self, text: &str, budget: Budget) -> Summary {
        let analysis = self.analyze(text);
        let (summary, had_candidates) = self.score_and_select(text, &analysis, budget);
        if !summary.sentences.is_empty() || !had_candidates {
            return summary;
        }
        match chunk::fit_to_budget(text, &analysis.sentences, budget) {
            Some(pieces) => {
                let analysis = self.analyze_sentences(text, pieces, analysis.language);
                self.score_and_select(text, &analysis, budget).0
            }
            None => summary,
        }
    }

    /// Stages 4–5 for an analysis of `text`, in the configuration of its language: the brief
    /// [`summarize`](Self::summarize) would give, without the fallback for text without sentences.
    pub(crate) fn brief_of(&self, text: &str, analysis: &Analysis, budget: Budget) -> Summary {
        self.score_and_select(text, analysis, budget).0
    }

    /// Scores and selects as [`chosen_scoring`](Self::chosen_scoring) scores; also whether there was any
    /// candidate sentence.
    fn score_and_select(&self, text: &str, analysis: &Analysis, budget: Budget) -> (Summary, bool) {
        let chosen = self.chosen_scoring(analysis);
        let mut summary = self.select_unchecked(text, analysis, &chosen.scoring, chosen.config, budget);
        summary.scoring = chosen.choice;
        (summary, !chosen.scoring.candidates.is_empty())
    }

    /// Stage 4 as [`summarize`](Self::summarize) runs it: the analysis scored in the configuration of its
    /// language or, with [`Preset::Adaptive`], in the one the document's signals choose, with that
    /// configuration and the choice. [`select`](Self::select) with these gives the summarizer's brief;
    /// a view of the document (`--format html`) shows these scores.
    ///
    /// ```
    /// use nutgraf::Summarizer;
    ///
    /// let summarizer = Summarizer::builder().build()?;
    /// let text = "Council passes budget\n\nThe council passed the budget on Monday. Members said buses \
    ///             would benefit. The vote was close.";
    /// let analysis = summarizer.analyze(text);
    /// let chosen = summarizer.chosen_scoring(&analysis);
    /// let brief = summarizer.select(text, &analysis, &chosen.scoring, chosen.config, summarizer.budget())?;
    /// assert_eq!(brief.sentences, summarizer.summarize(text).sentences);
    /// assert!(chosen.choice.is_some(), "the default preset is adaptive, and says what it chose");
    /// # Ok::<(), nutgraf::Error>(())
    /// ```
    pub fn chosen_scoring(&self, analysis: &Analysis) -> ChosenScoring<'_> {
        let stages = self.stages(analysis.language);
        let (Some(model), Some(choices)) = (self.adaptive, stages.choices.as_deref()) else {
            return ChosenScoring {
                scoring: self.score_unchecked(analysis, &stages.config),
                config: &stages.config,
                choice: None,
            };
        };
        // The signals read the general scoring's candidates, TextRank and TF-IDF. The two configurations
        // share their graph in every language (a unit test checks it), so one scoring under both sets of
        // weights has those as general's would, and serves either choice.
        debug_assert!(score::shares_features(&choices.general, &choices.news));
        let mut config = choices.general.clone();
        config.weights = score::joint_weights(&choices.general.weights, &choices.news.weights);
        let joint = self.score_unchecked(analysis, &config);
        let choice = model.choose(Signals::measure(analysis, &joint));
        let chosen = if choice.preset == Preset::General { &choices.general } else { &choices.news };
        // Without a candidate sentence there was nothing to choose for.
        let choice = (!joint.candidates.is_empty()).then_some(choice);
        ChosenScoring { scoring: joint.restricted_to(analysis, chosen), config: chosen, choice }
    }

    /// Stages 1–3 (split, analyze, boilerplate) in the text's language, which do not depend on the
    /// scoring configuration.
    pub fn analyze(&self, text: &str) -> Analysis {
        let language = self.language_of(text);
        self.analyze_sentences(text, self.stages(language).splitter.split(text), language)
    }

    fn analyze_sentences(&self, text: &str, sentences: Vec<Sentence>, language: TextLanguage) -> Analysis {
        let stages = self.stages(language);
        let document = stages.analyzer.analyze(text, &sentences);
        let noise = stages.noise.detect(text, &sentences, &document);
        Analysis { sentences, document, noise, title_terms: None, language }
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
        self.summarize_document_within(document, self.budget)
    }

    /// Summarizes a [`Document`] within `budget`; an error if the budget is empty (as for
    /// [`summarize_with_budget`](Self::summarize_with_budget)).
    ///
    /// ```
    /// use nutgraf::{Budget, Document, Summarizer};
    ///
    /// let summarizer = Summarizer::builder().build()?;
    /// let document = Document::from_text("Rates rose on Tuesday. Stocks fell.").with_title("Rates rise");
    /// assert_eq!(summarizer.summarize_document_with_budget(&document, Budget::Sentences(1))?.sentences.len(), 1);
    /// assert!(summarizer.summarize_document_with_budget(&document, Budget::Words(0)).is_err());
    /// # Ok::<(), nutgraf::Error>(())
    /// ```
    pub fn summarize_document_with_budget(&self, document: &Document, budget: Budget) -> Result<Summary> {
        budget.validate()?;
        Ok(self.summarize_document_within(document, budget))
    }

    /// [`summarize_document_with_budget`](Self::summarize_document_with_budget) for a budget already
    /// validated.
    fn summarize_document_within(&self, document: &Document, budget: Budget) -> Summary {
        if document.blocks.is_empty() && document.title.is_none() {
            return self.summarize_within(&document.text, budget);
        }
        let analysis = self.analyze_document(document);
        self.score_and_select(&document.text, &analysis, budget).0
    }

    /// Stages 1–3 for a [`Document`]: [`analyze`](Self::analyze) with what the source says about its
    /// blocks and title (for a document without a title, a heading that opens it).
    pub fn analyze_document(&self, document: &Document) -> Analysis {
        if document.blocks.is_empty() && document.title.is_none() {
            return self.analyze(&document.text);
        }
        let text = document.text.as_str();
        let language = self.language_of(text);
        let stages = self.stages(language);
        let sentences = if document.blocks.is_empty() {
            stages.splitter.split(text)
        } else {
            let ranges: Vec<std::ops::Range<usize>> = document.blocks.iter().map(|b| b.start..b.end).collect();
            stages.splitter.split_within(text, &ranges)
        };
        // Without a title, a heading that opens the document is the headline.
        let opening_heading = document
            .blocks
            .first()
            .filter(|block| matches!(block.kind, crate::BlockKind::Heading { .. }))
            .map(|block| block.text(text));
        let headline = document.title.as_deref().or(opening_heading);
        let (analyzed, title_terms) = stages.analyzer.analyze_with_title(text, &sentences, headline);
        let noise = stages.noise.detect_document(document, &sentences, &analyzed);
        Analysis { sentences, document: analyzed, noise, title_terms, language }
    }

    /// Scores an analysis under `config`: chooses the candidates and computes their TF-IDF vectors and
    /// feature matrix. An error if `config` does not validate or is for another language than the
    /// analysis's (whose splitter, stop words and stemmer made it; see [`config_for`](Self::config_for)).
    ///
    /// ```
    /// use nutgraf::{Budget, Config, Preset, Summarizer};
    ///
    /// let summarizer = Summarizer::builder().build()?;
    /// let text = "Rates rose again on Tuesday. Stocks fell as rates rose. Lunch was served at noon.";
    /// let analysis = summarizer.analyze(text);
    /// for preset in Preset::ALL {
    ///     let config = Config::preset(preset);
    ///     let scoring = summarizer.score(&analysis, &config)?;
    ///     let brief = summarizer.select(text, &analysis, &scoring, &config, Budget::Sentences(1))?;
    ///     assert_eq!(brief.sentences.len(), 1);
    /// }
    /// let mut german = Config::preset(Preset::News);
    /// german.language = nutgraf::Language::German;
    /// assert!(summarizer.score(&analysis, &german).is_err());
    /// # Ok::<(), nutgraf::Error>(())
    /// ```
    pub fn score(&self, analysis: &Analysis, config: &Config) -> Result<Scoring> {
        self.check(analysis, config)?;
        Ok(self.score_unchecked(analysis, config))
    }

    /// A configuration this summarizer can score with.
    fn check(&self, analysis: &Analysis, config: &Config) -> Result<()> {
        // A language-neutral analysis has no stems or stop words that a configuration could disagree with.
        if let TextLanguage::Supported(language) = analysis.language
            && config.language != language
        {
            return Err(Error::LanguageMismatch { summarizer: language, config: config.language });
        }
        config.validate()
    }

    fn score_unchecked(&self, analysis: &Analysis, config: &Config) -> Scoring {
        let document = &analysis.document;
        let noise = &analysis.noise;
        let headline = noise.headline.filter(|_| config.detect_headline);
        let candidates = choose_candidates(noise, headline, document, config.noise.threshold);
        // A corpus table counts one language's stems: it applies to texts in that language only.
        let idf = self.idf.as_deref().filter(|idf| analysis.language == TextLanguage::Supported(idf.language()));
        let tfidf = TfIdf::with_corpus(document, &candidates, idf);
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

    /// Stage 4: combines the features with `config`'s weights and picks sentences under `budget`. An error
    /// for a budget or a configuration that [`score`](Self::score) would reject.
    pub fn select(
        &self,
        text: &str,
        analysis: &Analysis,
        scoring: &Scoring,
        config: &Config,
        budget: Budget,
    ) -> Result<Summary> {
        self.check(analysis, config)?;
        budget.validate()?;
        Ok(self.select_unchecked(text, analysis, scoring, config, budget))
    }

    fn select_unchecked(
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
                size: analysis
                    .sentences
                    .get(sentence)
                    .map_or(0, |span| budget.size_of(span.text(text), analysis.document.word_count(sentence))),
            })
            .collect();
        let mut redundancy = CosineIndex::new(&scoring.tfidf, config.redundancy);
        let chosen = select::select(&candidates, budget, analysis.sentences.len(), &mut redundancy);
        let sentences = chosen
            .into_iter()
            .map(|c| {
                let span = analysis.sentences[c.sentence];
                SummarySentence {
                    index: c.sentence,
                    start: span.start,
                    end: span.end,
                    score: relative(c.score, best),
                    text: span.text(text).to_string(),
                    features: self.explain.then(|| scoring.features(c.row)),
                }
            })
            .collect();
        let weights = self.explain.then(|| Feature::ALL.iter().map(|&f| (f, f.weight(&config.weights))).collect());
        Summary {
            sentences,
            total_sentences: analysis.sentences.len(),
            weights,
            language: analysis.language.name(),
            scoring: None,
        }
    }
}

/// The splitter for languages nutgraf has no data for: every script's terminal marks, no abbreviations.
fn neutral_splitter() -> SentenceSplitter {
    SentenceSplitter::language_neutral()
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
    fn appending_folded_text_gives_what_fold_lines_makes() {
        for text in [
            "",
            "One line.",
            "  Spaced  out\tline. ",
            "Two\nlines.",
            " Broken \r\n line\u{2028}here. ",
            "\n",
            "Para\u{2029}graph",
            "No \u{2027}\u{202f}\u{2030} break",
        ] {
            assert_eq!(has_line_break(text), text.contains(['\n', '\r', '\u{2028}', '\u{2029}']), "{text:?}");
            let mut out = String::from("> ");
            push_folded(&mut out, text);
            assert_eq!(out, format!("> {}", fold_lines(text)), "{text:?}");
        }
    }

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

    #[test]
    fn an_unpunctuated_transcript_gets_pieces_that_fit_a_size_budget() {
        let transcript = "and then the mayor said we would open the new bridge in the spring so people can cross \
                          the river again without the long detour through the old town "
            .repeat(60);
        for budget in [Budget::Words(60), Budget::Chars(280), Budget::Bytes(100)] {
            let summary = Summarizer::builder().budget(budget).build().unwrap().summarize(&transcript);
            assert!(!summary.sentences.is_empty(), "{budget}");
            let size = match budget {
                Budget::Words(_) => summary.word_count() <= 60,
                Budget::Chars(_) => summary.char_count() <= 280,
                _ => summary.byte_count() <= 100,
            };
            assert!(size, "{budget}: {summary:?}");
            for sentence in &summary.sentences {
                assert_eq!(&transcript[sentence.start..sentence.end], sentence.text);
            }
        }
    }

    #[test]
    fn the_adaptive_choice_scores_with_the_language_adjusted_preset() {
        let text = "Der Stadtrat hat am Montag nach langer Debatte den neuen Haushalt beschlossen. \
                    Die Mitglieder sagten, das Geld werde mehr Busse finanzieren. Die Abstimmung endete sieben zu zwei. \
                    Die Opposition kritisierte die Kosten des Plans. Der Bürgermeister lobte die Einigung.";
        let summarizer = Summarizer::builder().preset(Preset::Adaptive).explain(true).build().unwrap();
        let summary = summarizer.summarize(text);
        let choice = summary.scoring.as_ref().unwrap();
        let chosen = Config::preset_for(choice.preset, Language::German);
        let weights: BTreeMap<Feature, f64> = Feature::ALL.iter().map(|&f| (f, f.weight(&chosen.weights))).collect();
        assert_eq!(summary.weights.as_ref(), Some(&weights));
        let fixed = Summarizer::builder().preset(choice.preset).explain(true).build().unwrap().summarize(text);
        assert_eq!(fixed.sentences, summary.sentences);
        assert!(fixed.scoring.is_none());
    }

    #[test]
    fn one_scoring_under_both_presets_weights_restricts_to_each_presets_own() {
        let text = "Harbour rates rise\n\nThe port raised its harbour rates on Monday, the third rise this year. \
                    Shipping firms said the rates would hit exporters. Exporters asked the port to delay the rise. \
                    The port said the money would pay for new cranes and deeper berths. Lunch was served at noon.";
        let summarizer = Summarizer::builder().build().unwrap();
        let analysis = summarizer.analyze(text);
        // Every language's adjusted presets share their features, so the adaptive mode scores once in all.
        for language in Language::ALL {
            let news = Config::preset_for(Preset::News, language);
            let general = Config::preset_for(Preset::General, language);
            assert!(score::shares_features(&news, &general), "{language:?}");
            let mut both = Config { language: Language::English, ..general.clone() };
            both.weights = score::joint_weights(&news.weights, &general.weights);
            let joint = summarizer.score_unchecked(&analysis, &both);
            for config in [news, general] {
                let config = Config { language: Language::English, ..config };
                let direct = summarizer.score_unchecked(&analysis, &config);
                let restricted = joint.clone().restricted_to(&analysis, &config);
                assert_eq!(restricted.candidates, direct.candidates);
                // Bit for bit: the brief must not depend on which way the scoring was made.
                let bits = |s: &Scoring| s.features.iter().map(|v| v.to_bits()).collect::<Vec<_>>();
                assert_eq!(bits(&restricted), bits(&direct), "{language:?}");
            }
        }
    }

    #[test]
    fn a_config_for_another_language_is_rejected() {
        let summarizer = Summarizer::builder().language(Language::English).build().unwrap();
        let analysis = summarizer.analyze("Cats purr. Dogs bark.");
        let french = Config { language: Language::French, ..Config::default() };
        assert!(matches!(summarizer.score(&analysis, &french), Err(Error::LanguageMismatch { .. })));
        let scoring = summarizer.score(&analysis, summarizer.config()).unwrap();
        let select = summarizer.select("Cats purr. Dogs bark.", &analysis, &scoring, &french, Budget::default());
        assert!(matches!(select, Err(Error::LanguageMismatch { .. })));
    }
}
