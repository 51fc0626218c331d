//! Keyphrases: TextRank's other half. A [`KeywordExtractor`] finds the phrases a document is about
//! (`"tax cuts"`, `"Supreme Court"`), each once however it is inflected, with a score and the byte spans
//! of its occurrences.
//!
//! 1. Candidates: runs of content words between stop words and punctuation, at most
//!    [`max_words`](KeywordExtractorBuilder::max_words) long (English runs are also cut at verbs and
//!    trimmed of trailing adjectives, known by their suffixes and by their usual part of speech in
//!    general English; see `candidates`).
//! 2. Word scores: PageRank over the co-occurrence graph of content words, biased towards words that
//!    come early and often (SingleRank's window with PositionRank's bias; see `rank`), times the word's
//!    inverse document frequency in general English (English only; see `lexicon`).
//! 3. A candidate scores the sum of its words' scores, discounted by how late it first appears, and a
//!    single word a little less than a phrase; candidates with the same stems are one keyphrase, shown
//!    in its most frequent surface form.
//!
//! ```
//! use nutgraf::KeywordExtractor;
//!
//! let extractor = KeywordExtractor::builder().count(3).build()?;
//! let text = "Congress passed the tax cuts on Friday. The tax cuts are popular with small businesses, \
//!             and critics of the tax cut say small businesses need more help.";
//! let keyphrases = extractor.extract(text);
//! assert_eq!(keyphrases[0].text, "tax cuts");
//! let (start, end) = keyphrases[0].spans[0];
//! assert_eq!(&text[start..end], "tax cuts");
//! assert_eq!(keyphrases[0].spans.len(), 3);
//! # Ok::<(), nutgraf::Error>(())
//! ```

mod candidates;
mod lexicon;
mod rank;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

use std::sync::OnceLock;

use crate::analyze::Analyzer;
use crate::detect::TextLanguage;
use crate::error::{Error, Result};
use crate::input::Document;
use crate::language::{Language, data_lines};
use crate::segment::{Sentence, SentenceSplitter};
use crate::summarizer::{Analysis, Summarizer, Summary};

use candidates::{Lexicon, Scan};

/// English words that are not stop words for summarizing but never belong in a keyphrase.
const ENGLISH_EXTRA_STOP_WORDS: &str = include_str!("../../data/keywords/english.txt");

/// How much later first appearances count against a candidate: its score is divided by
/// `(1 + position)^FIRST_POSITION_EXPONENT`. Tuned on the dev sets (news and abstracts alike).
const FIRST_POSITION_EXPONENT: f64 = 0.3;
/// A single word's score is multiplied by this: one word is rarely the whole subject. The three dev sets
/// disagree here (DUC and Inspec gold is mostly phrases, KPCrowd's crowd keyphrases mostly single
/// words): as it rises DUC and Inspec fall and KPCrowd gains (README, "Keywords"); 0.8 is the largest
/// value at which DUC and Inspec still pass every peer by a point or more at 5 and at 10.
const SINGLE_WORD_FACTOR: f64 = 0.8;

/// One keyphrase of a document.
///
/// Serializes to the objects that `nutgraf keywords --format json` prints.
///
/// ```
/// let extractor = nutgraf::KeywordExtractor::builder().count(1).build()?;
/// let best = &extractor.extract("The wind farm opened. The wind farm is near a town.")[0];
/// assert_eq!(best.text, "wind farm");
/// assert_eq!(best.score, 1.0);
/// assert_eq!(serde_json::to_string(best).unwrap(), r#"{"text":"wind farm","score":1.0,"spans":[[4,13],[26,35]]}"#);
/// # Ok::<(), nutgraf::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Keyphrase {
    /// The phrase as the text writes it (its most frequent form), whitespace folded to single spaces.
    pub text: String,
    /// Relative score: 1.0 for the document's best keyphrase, lower for the others.
    pub score: f64,
    /// Byte spans `(start, end)` of every occurrence, in order: `input[start..end]` is the phrase.
    pub spans: Vec<(usize, usize)>,
}

/// Extracts keyphrases. Build it once with [`KeywordExtractor::builder`] and reuse it, from any number
/// of threads (it is `Send + Sync`).
///
/// ```
/// use nutgraf::KeywordExtractor;
///
/// let extractor = KeywordExtractor::builder().build()?;
/// assert_eq!(extractor.count(), 10);
/// let keyphrases = extractor.extract("Rescue teams searched the collapsed mine. The mine collapsed after heavy rain.");
/// assert!(keyphrases.iter().any(|k| k.text == "Rescue teams"));
/// assert!(extractor.extract("").is_empty());
/// # Ok::<(), nutgraf::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct KeywordExtractor {
    /// The language of every text, if set; otherwise each text's own (detected, or the language of the
    /// summarizer's analysis).
    language: Option<Language>,
    count: usize,
    window: usize,
    max_words: usize,
    /// One slot per supported language (in [`Language::ALL`] order), then one for language-neutral
    /// text; each built the first time a text needs it.
    lexicons: Box<[OnceLock<LanguageData>]>,
}

/// What extraction needs of one language.
#[derive(Clone, Debug)]
struct LanguageData {
    english: bool,
    splitter: SentenceSplitter,
    analyzer: Analyzer,
    stop_words: FxHashSet<String>,
}

impl LanguageData {
    fn new(language: TextLanguage) -> LanguageData {
        match language {
            TextLanguage::Supported(language) => {
                let extra = match language {
                    Language::English => ENGLISH_EXTRA_STOP_WORDS,
                    _ => "",
                };
                LanguageData {
                    english: language == Language::English,
                    splitter: SentenceSplitter::new(language),
                    analyzer: Analyzer::new(language),
                    stop_words: language.stop_words().chain(data_lines(extra)).map(str::to_lowercase).collect(),
                }
            }
            // No stop words: candidates are the runs between punctuation, words are their lower case.
            TextLanguage::Neutral(_) => LanguageData {
                english: false,
                splitter: SentenceSplitter::language_neutral(),
                analyzer: Analyzer::language_neutral(),
                stop_words: FxHashSet::default(),
            },
        }
    }
}

/// Configures a [`KeywordExtractor`].
///
/// ```
/// use nutgraf::{KeywordExtractor, Language};
///
/// let extractor = KeywordExtractor::builder().language(Language::German).count(5).build()?;
/// let keyphrases = extractor.extract("Die Bundesregierung plant neue Steuern. Die neuen Steuern treffen Familien.");
/// assert!(keyphrases.len() <= 5);
/// assert!(KeywordExtractor::builder().count(0).build().is_err());
/// # Ok::<(), nutgraf::Error>(())
/// ```
#[derive(Clone, Debug)]
#[must_use]
pub struct KeywordExtractorBuilder {
    language: Option<Language>,
    count: usize,
    window: usize,
    max_words: usize,
}

impl Default for KeywordExtractorBuilder {
    fn default() -> Self {
        KeywordExtractorBuilder { language: None, count: 10, window: 10, max_words: 4 }
    }
}

impl KeywordExtractorBuilder {
    /// The language of every text: its stop words and stemmer. By default each text's own: detected in
    /// [`extract`](KeywordExtractor::extract), the analysis's in
    /// [`extract_from`](KeywordExtractor::extract_from) (a text with nothing to detect is English).
    pub fn language(mut self, language: Language) -> Self {
        self.language = Some(language);
        self
    }

    /// How many keyphrases to return at most (default 10; at least 1).
    pub fn count(mut self, count: usize) -> Self {
        self.count = count;
        self
    }

    /// Two words are linked when fewer than this many word positions apart (default 10; at least 2).
    pub fn window(mut self, window: usize) -> Self {
        self.window = window;
        self
    }

    /// The longest keyphrase, in words (default 4; at least 1).
    pub fn max_words(mut self, max_words: usize) -> Self {
        self.max_words = max_words;
        self
    }

    /// Builds the extractor, checking the settings.
    pub fn build(self) -> Result<KeywordExtractor> {
        if self.count == 0 {
            return Err(Error::InvalidConfig("keyword count must be at least 1".into()));
        }
        if self.window < 2 {
            return Err(Error::InvalidConfig("keyword window must be at least 2".into()));
        }
        if self.max_words == 0 {
            return Err(Error::InvalidConfig("keyphrase length must be at least 1 word".into()));
        }
        Ok(KeywordExtractor {
            language: self.language,
            count: self.count,
            window: self.window,
            max_words: self.max_words,
            lexicons: (0..=Language::ALL.len()).map(|_| OnceLock::new()).collect(),
        })
    }
}

impl KeywordExtractor {
    /// A builder: each text's language, 10 keyphrases, a window of 10, at most 4 words each.
    pub fn builder() -> KeywordExtractorBuilder {
        KeywordExtractorBuilder::default()
    }

    /// The language of every text, if one was set ([`KeywordExtractorBuilder::language`]).
    pub fn language(&self) -> Option<Language> {
        self.language
    }

    /// The language `text` is read in, when no analysis says.
    fn language_of(&self, text: &str) -> TextLanguage {
        match self.language {
            Some(language) => TextLanguage::Supported(language),
            None => TextLanguage::detect(text).unwrap_or(TextLanguage::Supported(Language::English)),
        }
    }

    /// The data of `language`, built on first use.
    fn data(&self, language: TextLanguage) -> &LanguageData {
        let slot = match language {
            TextLanguage::Supported(language) => Language::ALL.iter().position(|&l| l == language).unwrap_or(0),
            TextLanguage::Neutral(_) => Language::ALL.len(),
        };
        self.lexicons[slot].get_or_init(|| LanguageData::new(language))
    }

    /// How many keyphrases [`extract`](Self::extract) returns at most.
    pub fn count(&self) -> usize {
        self.count
    }

    /// The keyphrases of `text`, best first.
    pub fn extract(&self, text: &str) -> Vec<Keyphrase> {
        let data = self.data(self.language_of(text));
        let sentences = data.splitter.split(text);
        self.extract_from_sentences(data, text, &sentences, |_| false)
    }

    /// The keyphrases of a document the summarizer has already analyzed (`analysis` must come from
    /// `text`): its sentences are reused, and lines the noise detector found to be certain boilerplate
    /// are left out (not the headline: never a brief sentence, it is what the text is about).
    ///
    /// ```
    /// use nutgraf::{KeywordExtractor, Summarizer};
    ///
    /// let text = "Subscribe now\n\nThe city council approved the new budget after a long debate. \
    ///             Council members said the budget would fund more buses.";
    /// let summarizer = Summarizer::builder().build()?;
    /// let analysis = summarizer.analyze(text);
    /// let keyphrases = KeywordExtractor::builder().build()?.extract_from(&analysis, text);
    /// assert!(keyphrases.iter().any(|k| k.text == "city council"));
    /// # Ok::<(), nutgraf::Error>(())
    /// ```
    pub fn extract_from(&self, analysis: &Analysis, text: &str) -> Vec<Keyphrase> {
        let (hard, headline) = (&analysis.noise.hard, analysis.noise.headline);
        let data = self.data(self.language.map_or(analysis.language, TextLanguage::Supported));
        // The headline line is no brief sentence but says what the text is about.
        let skip = |i: usize| hard.get(i).copied().unwrap_or(false) && headline != Some(i);
        self.extract_from_sentences(data, text, &analysis.sentences, skip)
    }

    /// The brief and the keyphrases of `text` from one split and analysis.
    ///
    /// ```
    /// use nutgraf::{Budget, KeywordExtractor, Summarizer};
    ///
    /// let summarizer = Summarizer::builder().budget(Budget::Sentences(1)).build()?;
    /// let extractor = KeywordExtractor::builder().count(2).build()?;
    /// let (summary, keyphrases) =
    ///     extractor.summarize_and_extract(&summarizer, "Solar panels got cheaper. Solar panels now power homes.");
    /// assert_eq!(summary.sentences.len(), 1);
    /// assert_eq!(keyphrases[0].text, "Solar panels");
    /// # Ok::<(), nutgraf::Error>(())
    /// ```
    pub fn summarize_and_extract(&self, summarizer: &Summarizer, text: &str) -> (Summary, Vec<Keyphrase>) {
        let analysis = summarizer.analyze(text);
        let summary = summarizer.brief_of(text, &analysis, summarizer.budget());
        let keyphrases = self.extract_from(&analysis, text);
        (summary, keyphrases)
    }

    /// [`summarize_and_extract`](Self::summarize_and_extract) for a [`Document`] (an HTML page, a
    /// Markdown file): both from one analysis of it, the spans into `document.text`.
    ///
    /// ```
    /// use nutgraf::{Budget, Document, KeywordExtractor, Summarizer};
    ///
    /// let summarizer = Summarizer::builder().budget(Budget::Sentences(1)).build()?;
    /// let extractor = KeywordExtractor::builder().count(2).build()?;
    /// let document = Document::from_text("Solar panels got cheaper. Solar panels now power homes.")
    ///     .with_title("Solar power");
    /// let (summary, keyphrases) = extractor.summarize_and_extract_document(&summarizer, &document);
    /// assert_eq!(summary.sentences.len(), 1);
    /// assert_eq!(keyphrases[0].text, "Solar panels");
    /// # Ok::<(), nutgraf::Error>(())
    /// ```
    pub fn summarize_and_extract_document(
        &self,
        summarizer: &Summarizer,
        document: &Document,
    ) -> (Summary, Vec<Keyphrase>) {
        let analysis = summarizer.analyze_document(document);
        let summary = summarizer.brief_of(&document.text, &analysis, summarizer.budget());
        let keyphrases = self.extract_from(&analysis, &document.text);
        (summary, keyphrases)
    }

    fn extract_from_sentences(
        &self,
        data: &LanguageData,
        text: &str,
        sentences: &[Sentence],
        skip: impl Fn(usize) -> bool,
    ) -> Vec<Keyphrase> {
        let lexicon = Lexicon {
            analyzer: &data.analyzer,
            stop_words: &data.stop_words,
            english: data.english,
            max_words: self.max_words,
        };
        let scan = candidates::scan(text, sentences, skip, &lexicon);
        let word_scores = rank::word_scores(&scan.words, scan.stems.len(), self.window);
        rank_candidates(text, &scan, &word_scores, self.count)
    }
}

/// One distinct candidate (by stems) while ranking.
struct Candidate {
    score: f64,
    first_position: u32,
    spans: Vec<(usize, usize)>,
}

/// Groups the runs by stems, scores each group and keeps the best `count`.
fn rank_candidates(text: &str, scan: &Scan, word_scores: &[f64], count: usize) -> Vec<Keyphrase> {
    let mut by_stems: FxHashMap<Vec<u32>, usize> = FxHashMap::default();
    let mut candidates: Vec<Candidate> = Vec::new();
    for run in &scan.runs {
        let words = &scan.words[run.clone()];
        let (Some(first), Some(last)) = (words.first(), words.last()) else { continue };
        let stems: Vec<u32> = words.iter().map(|w| w.stem).collect();
        let span = (first.start, last.end);
        match by_stems.get(&stems) {
            Some(&k) => candidates[k].spans.push(span),
            None => {
                let sum: f64 = stems
                    .iter()
                    .map(|&s| {
                        word_scores.get(s as usize).copied().unwrap_or(0.0)
                            * scan.weights.get(s as usize).copied().unwrap_or(1.0)
                    })
                    .sum();
                let length_factor = if stems.len() == 1 { SINGLE_WORD_FACTOR } else { 1.0 };
                let position_factor = (1.0 + f64::from(first.position)).powf(-FIRST_POSITION_EXPONENT);
                by_stems.insert(stems, candidates.len());
                candidates.push(Candidate {
                    score: sum * length_factor * position_factor,
                    first_position: first.position,
                    spans: vec![span],
                });
            }
        }
    }
    candidates.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.first_position.cmp(&b.first_position)));
    candidates.truncate(count);
    let best = candidates.first().map_or(1.0, |c| c.score);
    candidates
        .into_iter()
        .map(|c| {
            let relative = c.score / best;
            Keyphrase {
                text: most_frequent_form(text, &c.spans),
                score: if relative.is_finite() { relative } else { 0.0 },
                spans: c.spans,
            }
        })
        .collect()
}

/// The surface form that occurs most often among `spans` (the earliest of equally frequent ones), with
/// line breaks and runs of spaces folded to one space.
fn most_frequent_form(text: &str, spans: &[(usize, usize)]) -> String {
    let mut counts: FxHashMap<&str, (usize, usize)> = FxHashMap::default();
    for (k, &(start, end)) in spans.iter().enumerate() {
        counts.entry(&text[start..end]).or_insert((0, k)).0 += 1;
    }
    let best = counts.into_iter().max_by(|a, b| a.1.0.cmp(&b.1.0).then(b.1.1.cmp(&a.1.1))).map_or("", |(form, _)| form);
    if best.contains(|c: char| c.is_whitespace() && c != ' ') || best.contains("  ") {
        best.split_whitespace().collect::<Vec<_>>().join(" ")
    } else {
        best.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn extract(text: &str) -> Vec<Keyphrase> {
        KeywordExtractor::builder().build().unwrap().extract(text)
    }

    #[test]
    fn extractor_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<KeywordExtractor>();
    }

    #[test]
    fn spans_point_at_the_surface_forms() {
        let text = "Quantum states are fragile. Orthogonal quantum states are easy to tell apart, and orthogonal\n\
                    quantum states are useful for single-photon states.";
        for keyphrase in extract(text) {
            let folded: Vec<String> = keyphrase
                .spans
                .iter()
                .map(|&(start, end)| text[start..end].split_whitespace().collect::<Vec<_>>().join(" "))
                .collect();
            assert!(folded.contains(&keyphrase.text), "{keyphrase:?}: {folded:?}");
            let stems =
                |phrase: &str| phrase.split(' ').map(|w| Analyzer::new(Language::English).stem(w)).collect::<Vec<_>>();
            assert!(folded.iter().all(|f| stems(f) == stems(&keyphrase.text)), "{keyphrase:?}: {folded:?}");
        }
        let phrases: Vec<String> = extract(text).into_iter().map(|k| k.text.to_lowercase()).collect();
        assert!(phrases.contains(&"orthogonal quantum states".to_string()), "{phrases:?}");
        assert!(phrases.contains(&"single-photon states".to_string()), "{phrases:?}");
    }

    #[test]
    fn verbs_and_trailing_adjectives_are_cut_off() {
        let phrases: Vec<String> =
            extract("The military jet crashed near the air base. The pilot was unhurt and the jet was economical.")
                .into_iter()
                .map(|k| k.text)
                .collect();
        assert!(phrases.contains(&"military jet".to_string()), "{phrases:?}");
        assert!(!phrases.iter().any(|p| p.contains("crashed") || p.contains("economical")), "{phrases:?}");
    }

    #[test]
    fn common_verbs_and_adverbs_stay_out_of_phrases() {
        let phrases: Vec<String> = extract(
            "Most Americans carry health insurance. Critics meet often, and perhaps health insurance costs rise.",
        )
        .into_iter()
        .map(|k| k.text)
        .collect();
        assert!(phrases.contains(&"health insurance".to_string()), "{phrases:?}");
        assert!(
            !phrases.iter().any(|p| p.contains("carry") || p.contains("meet") || p.contains("perhaps")),
            "{phrases:?}"
        );
    }

    #[test]
    fn words_every_text_uses_count_less() {
        // Both occur twice, in the same places of the graph; only general English tells them apart.
        let keyphrases = extract("The year of the glacier. The glacier this year.");
        let glacier = keyphrases.iter().position(|k| k.text == "glacier");
        let year = keyphrases.iter().position(|k| k.text == "year");
        assert!(glacier.is_some() && (year.is_none() || glacier < year), "{keyphrases:?}");
    }

    #[test]
    fn inflections_are_one_keyphrase() {
        let keyphrases = extract("Tax cuts were passed. The tax cut was small. More tax cuts are planned.");
        let tax: Vec<&Keyphrase> = keyphrases.iter().filter(|k| k.text.to_lowercase().starts_with("tax cut")).collect();
        assert_eq!(tax.len(), 1, "{keyphrases:?}");
        assert_eq!(tax[0].spans.len(), 3);
    }

    #[test]
    fn empty_and_letterless_inputs_have_no_keyphrases() {
        for text in ["", " \n\t ", "123 456, 789!", "...---...", "a"] {
            assert!(extract(text).is_empty(), "{text:?}");
        }
        assert_eq!(extract("Volcano").len(), 1);
    }

    #[test]
    fn every_language_finds_keyphrases() {
        for language in Language::ALL {
            let extractor = KeywordExtractor::builder().language(language).build().unwrap();
            let text = "Alpha beta gamma. Alpha beta delta. Gamma alpha beta.";
            assert!(!extractor.extract(text).is_empty(), "{language}");
        }
    }
}
