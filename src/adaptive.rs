//! Adaptive scoring: the document's own signals choose between the news and the general preset.
//!
//! `news` wins where the lead carries the story (wire copy, highlights-style references) and `general`
//! where key sentences sit anywhere (long extracts, encyclopedic text). Neither is right everywhere, so
//! [`Preset::Adaptive`](crate::Preset::Adaptive) measures a few properties of the text itself — its
//! length and shape, whether it opens with a headline, how central its lead is, how focused its topic
//! is — and a logistic model, fitted offline by `data/scripts/fit_adaptive.py` and shipped in
//! `data/adaptive.toml`, turns them into the probability that `general` gives the better brief.
//! No signal names a source or a corpus: each describes a kind of text.
//!
//! ```
//! use nutgraf::{Preset, Summarizer};
//!
//! let summarizer = Summarizer::builder().preset(Preset::Adaptive).build()?;
//! let text = "Rates rose again on Tuesday. Stocks fell as rates rose. Lunch was served at noon.";
//! let summary = summarizer.summarize(text);
//! let choice = summary.scoring.expect("the adaptive mode says what it chose");
//! assert!(choice.preset == Preset::News || choice.preset == Preset::General);
//! assert!((0.0..=1.0).contains(&choice.general_probability));
//! # Ok::<(), nutgraf::Error>(())
//! ```

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::config::Preset;
use crate::error::{Error, Result};
use crate::score::Feature;
use crate::summarizer::{Analysis, Scoring};

/// How many leading candidates count as "the lead".
const LEAD_SENTENCES: usize = 3;

/// What the adaptive mode measured in one document. Every value is a property of the text, never of
/// where it came from.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Signals {
    /// ln(1 + number of candidate sentences): long documents favour centrality over the lead.
    pub sentences: f64,
    /// Mean words per candidate sentence.
    pub words_per_sentence: f64,
    /// ln of the mean number of candidate sentences per paragraph (0 when every sentence is its own
    /// paragraph, as in wire copy).
    pub sentences_per_paragraph: f64,
    /// 1 when the text opens with a headline line, else 0.
    pub headline: f64,
    /// Mean TextRank feature, ln(m · PageRank), of the lead sentences: above 0 when the lead is more
    /// central than an average sentence.
    pub lead_rank: f64,
    /// Mean cosine with the document's centroid of the lead sentences minus that of all candidates.
    pub lead_centroid: f64,
    /// Mean cosine of the candidates with the centroid: low when the text's topics are spread.
    pub focus: f64,
}

impl Signals {
    /// The signals' names, in [`values`](Self::values) order, as `data/adaptive.toml` names them.
    pub const NAMES: [&'static str; 7] = [
        "sentences",
        "words_per_sentence",
        "sentences_per_paragraph",
        "headline",
        "lead_rank",
        "lead_centroid",
        "focus",
    ];

    /// The values in [`NAMES`](Self::NAMES) order.
    pub fn values(&self) -> [f64; 7] {
        [
            self.sentences,
            self.words_per_sentence,
            self.sentences_per_paragraph,
            self.headline,
            self.lead_rank,
            self.lead_centroid,
            self.focus,
        ]
    }

    fn from_values(v: [f64; 7]) -> Signals {
        Signals {
            sentences: v[0],
            words_per_sentence: v[1],
            sentences_per_paragraph: v[2],
            headline: v[3],
            lead_rank: v[4],
            lead_centroid: v[5],
            focus: v[6],
        }
    }

    /// Measures one document, from its analysis and its scoring under the general preset, or under any
    /// configuration with the same candidates, TF-IDF vectors and TextRank column (the lead signal reads
    /// it): the adaptive mode passes the scoring under both presets' weights.
    pub(crate) fn measure(analysis: &Analysis, general: &Scoring) -> Signals {
        let candidates = general.candidates();
        let m = candidates.len();
        if m == 0 {
            return Signals::default();
        }
        let words: usize = candidates.iter().map(|&s| analysis.document.word_count(s)).sum();
        let mut paragraphs: Vec<u32> =
            candidates.iter().filter_map(|&s| analysis.sentences.get(s).map(|x| x.paragraph)).collect();
        paragraphs.dedup();
        let lead = m.min(LEAD_SENTENCES);
        let lead_rank = (0..lead).map(|k| general.feature(k, Feature::TextRank)).sum::<f64>() / lead as f64;
        let centroid = general.tfidf().centroid_similarity();
        let mean =
            |values: &[f64]| if values.is_empty() { 0.0 } else { values.iter().sum::<f64>() / values.len() as f64 };
        let focus = mean(centroid);
        Signals {
            sentences: (1.0 + m as f64).ln(),
            words_per_sentence: words as f64 / m as f64,
            sentences_per_paragraph: (m as f64 / paragraphs.len().max(1) as f64).ln(),
            headline: if analysis.noise.headline.is_some() { 1.0 } else { 0.0 },
            lead_rank,
            lead_centroid: mean(&centroid[..lead.min(centroid.len())]) - focus,
            focus,
        }
    }
}

/// What the adaptive mode chose for one document and why: `--format json` prints it as `"scoring"`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScoringChoice {
    /// The preset whose scoring wrote the brief.
    pub preset: Preset,
    /// The model's probability that the general preset gives the better brief; `general` is chosen
    /// from 0.5 up.
    pub general_probability: f64,
    /// The measured signals.
    pub signals: Signals,
    /// Each signal's share of the model's log-odds for `general` (positive: towards `general`); with
    /// the intercept they sum to the logit of [`general_probability`](Self::general_probability).
    pub contributions: Signals,
}

/// One signal's term of the model: `weight · (value − mean) / scale`.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Term {
    mean: f64,
    scale: f64,
    weight: f64,
}

/// Reads the model file: `intercept = x`, then per signal a `[name]` table of `mean`, `scale` and
/// `weight`, `#` comments. The small subset of TOML it needs is read by hand so that the pure library
/// (no `toml` feature) ships the same model.
fn parse_model(text: &str) -> std::result::Result<(f64, [Term; 7]), String> {
    let mut intercept = None;
    let mut terms = [Term::default(); 7];
    let mut seen = [[false; 3]; 7];
    let mut section: Option<usize> = None;
    for (number, raw) in text.lines().enumerate() {
        let line = raw.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let at = |message: String| format!("line {}: {message}", number + 1);
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            let name = name.trim();
            let index = Signals::NAMES.iter().position(|&n| n == name);
            section = Some(index.ok_or_else(|| at(format!("unknown signal [{name}]")))?);
            continue;
        }
        let (key, value) = line.split_once('=').ok_or_else(|| at(format!("expected `key = number`: {line}")))?;
        let (key, value) = (key.trim(), value.trim());
        let value: f64 = value.parse().map_err(|_| at(format!("{key}: not a number: {value}")))?;
        match section {
            None if key == "intercept" => intercept = Some(value),
            None => return Err(at(format!("unknown key {key:?}"))),
            Some(index) => {
                let slot = ["mean", "scale", "weight"]
                    .iter()
                    .position(|&k| k == key)
                    .ok_or_else(|| at(format!("unknown key {key:?} in [{}]", Signals::NAMES[index])))?;
                seen[index][slot] = true;
                let term = &mut terms[index];
                *[&mut term.mean, &mut term.scale, &mut term.weight][slot] = value;
            }
        }
    }
    let intercept = intercept.ok_or("missing intercept")?;
    if let Some(index) = seen.iter().position(|keys| keys.contains(&false)) {
        return Err(format!("[{}] needs mean, scale and weight", Signals::NAMES[index]));
    }
    Ok((intercept, terms))
}

/// The logistic model that turns [`Signals`] into a choice of preset.
///
/// ```
/// let model = nutgraf::AdaptiveModel::shipped()?;
/// let choice = model.choose(nutgraf::Signals::default());
/// assert!((0.0..=1.0).contains(&choice.general_probability));
/// # Ok::<(), nutgraf::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct AdaptiveModel {
    intercept: f64,
    terms: [Term; 7],
}

/// The model fitted on the dev sets by `data/scripts/fit_adaptive.py`.
const SHIPPED: &str = include_str!("../data/adaptive.toml");

impl AdaptiveModel {
    /// The model shipped in `data/adaptive.toml`, parsed once per process.
    pub fn shipped() -> Result<&'static AdaptiveModel> {
        static MODEL: OnceLock<std::result::Result<AdaptiveModel, String>> = OnceLock::new();
        MODEL
            .get_or_init(|| AdaptiveModel::from_toml_str(SHIPPED).map_err(|e| e.to_string()))
            .as_ref()
            .map_err(|e| Error::InvalidConfig(format!("data/adaptive.toml: {e}")))
    }

    /// Reads a model in the format of `data/adaptive.toml`.
    ///
    /// ```
    /// let text = "intercept = 1.0\n".to_string()
    ///     + &nutgraf::Signals::NAMES.map(|n| format!("[{n}]\nmean = 0.0\nscale = 1.0\nweight = 0.0\n")).concat();
    /// let model = nutgraf::AdaptiveModel::from_toml_str(&text)?;
    /// assert_eq!(model.choose(nutgraf::Signals::default()).preset, nutgraf::Preset::General);
    /// # Ok::<(), nutgraf::Error>(())
    /// ```
    pub fn from_toml_str(text: &str) -> Result<AdaptiveModel> {
        let (intercept, terms) = parse_model(text).map_err(Error::ConfigSyntax)?;
        let finite = intercept.is_finite()
            && terms.iter().all(|t| t.mean.is_finite() && t.weight.is_finite() && t.scale.is_finite() && t.scale > 0.0);
        if !finite {
            return Err(Error::InvalidConfig("adaptive model: every number must be finite, every scale > 0".into()));
        }
        Ok(AdaptiveModel { intercept, terms })
    }

    /// The choice for a document with these signals.
    pub fn choose(&self, signals: Signals) -> ScoringChoice {
        let values = signals.values();
        let mut contributions = [0.0; 7];
        for (slot, (term, value)) in contributions.iter_mut().zip(self.terms.iter().zip(values)) {
            *slot = term.weight * (value - term.mean) / term.scale;
        }
        let logit = self.intercept + contributions.iter().sum::<f64>();
        let general_probability = 1.0 / (1.0 + (-logit).exp());
        let preset = if general_probability >= 0.5 { Preset::General } else { Preset::News };
        ScoringChoice { preset, general_probability, signals, contributions: Signals::from_values(contributions) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_model_parses() {
        AdaptiveModel::shipped().unwrap();
    }

    #[test]
    fn contributions_and_intercept_give_the_probability() {
        let model = AdaptiveModel::shipped().unwrap();
        let signals = Signals::from_values([3.0, 22.0, 0.5, 1.0, 0.2, 0.05, 0.3]);
        let choice = model.choose(signals.clone());
        let logit = model.intercept + choice.contributions.values().iter().sum::<f64>();
        assert!((1.0 / (1.0 + (-logit).exp()) - choice.general_probability).abs() < 1e-12);
        assert_eq!(choice.signals, signals);
    }

    #[test]
    fn bad_models_are_rejected() {
        assert!(AdaptiveModel::from_toml_str("intercept = 1.0").is_err());
        let zero_scale = "intercept = 0.0\n".to_string()
            + &Signals::NAMES.map(|n| format!("[{n}]\nmean = 0.0\nscale = 0.0\nweight = 1.0\n")).concat();
        assert!(AdaptiveModel::from_toml_str(&zero_scale).is_err());
        let complete = "intercept = 0.0\n".to_string()
            + &Signals::NAMES.map(|n| format!("[{n}]\nmean = 0.0\nscale = 1.0\nweight = 1.0\n")).concat();
        assert!(AdaptiveModel::from_toml_str(&complete).is_ok());
        for bad in [
            complete.replace("[focus]", "[source]"),
            complete.replace("weight = 1.0\n[focus]", "wieght = 1.0\n[focus]"),
            complete.replace("intercept = 0.0", "intercept = zero"),
            complete.replace("intercept = 0.0", "bias = 0.0"),
            complete.replace("[focus]\nmean = 0.0\n", "[focus]\n"),
        ] {
            assert!(AdaptiveModel::from_toml_str(&bad).is_err(), "{bad}");
        }
    }
}
