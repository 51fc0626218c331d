//! The [`Summarizer`]: composes the stages, and the [`Summary`] it returns.

use std::sync::OnceLock;

use ndarray::Array2;
use serde::{Deserialize, Serialize};

use crate::analyze::{AnalyzedDocument, Analyzer};
use crate::config::{Config, Preset};
use crate::detect::TextLanguage;
use crate::error::Result;
use crate::language::Language;
use crate::noise::{NoiseDetector, NoiseReport};
use crate::score::{self, ScoringInput, tfidf::TfIdf};
use crate::segment::{Sentence, SentenceSplitter};
use crate::select::{self, Budget, Candidate};

/// Summarizes texts. Built once with [`Summarizer::builder`], then reused for any number of documents,
/// from any number of threads (it is `Send + Sync`).
///
/// Unless a language is set, each text's language is detected ([`TextLanguage::detect`]) and the text is
/// split, analyzed and cleaned with that language's stages, which are built the first time a text needs
/// them; a text in a language without a stemmer gets the [language-neutral analyzer](Analyzer::language_neutral).
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
}

/// What one language needs: its configuration and the stages built for it.
#[derive(Clone, Debug)]
struct Stages {
    config: Config,
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
    no_detection: bool,
    budget: Budget,
}

impl SummarizerBuilder {
    /// Starts from a preset (default: [`Preset::News`]). Ignored when [`config`](Self::config) is set.
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

    /// Builds the summarizer, checking the configuration and the budget.
    pub fn build(self) -> Result<Summarizer> {
        let preset = self.config.is_none().then_some(self.preset);
        let mut config = self.config.unwrap_or_else(|| Config::preset(self.preset));
        if let Some(language) = self.language {
            config.language = language;
        }
        config.validate()?;
        self.budget.validate()?;
        // Stages are built when a text first needs them: a one-file run builds one language's, not 18.
        let stages = (0..=Language::ALL.len()).map(|_| OnceLock::new()).collect();
        Ok(Summarizer {
            detect_language: self.language.is_none() && !self.no_detection,
            preset,
            budget: self.budget,
            config,
            stages,
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
pub struct Summary {
    /// The chosen sentences, in the order they appear in the input.
    pub sentences: Vec<SummarySentence>,
    /// How many sentences the input had.
    pub total_sentences: usize,
    /// The language the text was summarized as: a [`Language`] name (`"french"`), or the detected
    /// language's English name (`"polish"`) where it was analyzed language-neutrally.
    #[serde(default)]
    pub language: String,
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
    /// The language the text was analyzed as.
    pub language: TextLanguage,
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

    /// The configuration in use (for texts in other languages, see [`config_for`](Self::config_for)).
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Whether each text's language is detected.
    pub fn detects_language(&self) -> bool {
        self.detect_language
    }

    /// The configuration a text in `language` is scored with: the summarizer's, or where it was built
    /// from a preset, the preset as adjusted for that language ([`Config::preset_for`]).
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
        let config = match (language, self.preset) {
            (TextLanguage::Supported(language), Some(preset)) => Config::preset_for(preset, language),
            (TextLanguage::Supported(language), None) => Config { language, ..self.config.clone() },
            (TextLanguage::Neutral(_), _) => self.config.clone(),
        };
        match language {
            TextLanguage::Supported(language) => Stages {
                splitter: SentenceSplitter::new(language),
                analyzer: Analyzer::new(language),
                noise: NoiseDetector::new(language),
                config,
            },
            TextLanguage::Neutral(_) => Stages {
                splitter: neutral_splitter(),
                analyzer: Analyzer::language_neutral(),
                // The neutral cues (site, platform and agency names) are in every language's list; English
                // prompts are what multilingual sites most often show untranslated.
                noise: NoiseDetector::new(Language::English),
                config,
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
        let config = self.config_for(analysis.language);
        let scoring = self.score(&analysis, config);
        self.select(text, &analysis, &scoring, config, budget)
    }

    /// Stages 1–3 (split, analyze, boilerplate) in the text's language, which do not depend on the
    /// scoring configuration.
    pub fn analyze(&self, text: &str) -> Analysis {
        let language = self.language_of(text);
        let stages = self.stages(language);
        let sentences = stages.splitter.split(text);
        let document = stages.analyzer.analyze(text, &sentences);
        let noise = stages.noise.detect(text, &sentences, &document);
        Analysis { sentences, document, noise, language }
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
                headline_terms: headline.map(|h| document.terms(h)),
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
        Summary { sentences, total_sentences: analysis.sentences.len(), language: analysis.language.name() }
    }
}

/// The splitter for languages nutgraf has no data for. The English one until the splitter has a
/// language-neutral mode: the one place to change when it does.
fn neutral_splitter() -> SentenceSplitter {
    SentenceSplitter::new(Language::English)
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
    fn each_text_is_summarized_in_its_own_language() {
        let summarizer = Summarizer::builder().build().unwrap();
        for (text, language) in [
            (
                "Die Stadt hat am Montag nach langer Debatte den neuen Haushalt beschlossen. Er finanziert mehr Busse.",
                "german",
            ),
            (
                "Rada miasta przyjęła w poniedziałek nowy budżet po długiej debacie. Sfinansuje on więcej autobusów.",
                "polish",
            ),
            ("The city council approved the new budget on Monday after a long debate. It funds more buses.", "english"),
        ] {
            let summary = summarizer.summarize(text);
            assert_eq!(summary.language, language);
            assert!(!summary.sentences.is_empty(), "{language}");
        }
        let fixed = Summarizer::builder().language(Language::German).build().unwrap();
        assert!(!fixed.detects_language());
        assert_eq!(fixed.summarize("The council approved the budget.").language, "german");
        assert_eq!(summarizer.summarize("").language, "english");
    }

    #[test]
    fn all_boilerplate_gives_no_prompt_line() {
        let text = "Subscribe now\nSign up for our newsletter\nShare on Facebook\nSubscribe now";
        let summary = Summarizer::builder().build().unwrap().summarize(text);
        assert!(summary.sentences.is_empty(), "{summary:?}");
    }
}
