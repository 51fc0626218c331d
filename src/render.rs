//! Rendering a [`Summary`] for people and programs: plain text, JSON and Markdown over one data model.
//!
//! ```
//! use nutgraf::render::{Format, render};
//!
//! let summary = nutgraf::Summarizer::builder().build()?.summarize("Cats purr. Dogs bark.");
//! assert_eq!(render(&summary, Format::Text), "Cats purr.\nDogs bark.\n");
//! assert_eq!(render(&summary, Format::Markdown), "- Cats purr.\n- Dogs bark.\n");
//! assert!(render(&summary, Format::Json).starts_with(r#"{"sentences":[{"index":0,"start":0,"end":10,"#));
//! # Ok::<(), nutgraf::Error>(())
//! ```

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

pub mod html;

use crate::adaptive::{ScoringChoice, Signals};
use crate::error::Error;
use crate::score::Feature;
use crate::summarizer::{Summary, push_folded};

/// An output format.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Format {
    /// One sentence per line, line breaks inside a sentence folded to spaces.
    #[default]
    Text,
    /// One JSON object: the serialized [`Summary`].
    Json,
    /// A Markdown bullet list.
    Markdown,
}

impl Format {
    /// The format's name, as `--format` takes it.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Json => "json",
            Format::Markdown => "markdown",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        [Format::Text, Format::Json, Format::Markdown]
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| Error::InvalidConfig(format!("unknown format {s:?} (text, json, markdown)")))
    }
}

/// The summary in `format`, ending in a newline unless it is empty text or Markdown.
///
/// A summary made with [`explain`](crate::SummarizerBuilder::explain) carries its features: JSON has them
/// per sentence (`features`) and for the whole brief (`weights`); text and Markdown end with a table of
/// them, one row per sentence of the brief, in its order.
///
/// ```
/// use nutgraf::render::{Format, render};
///
/// let summarizer = nutgraf::Summarizer::builder().explain(true).build()?;
/// let text = render(&summarizer.summarize("Cats purr. Dogs bark loudly."), Format::Text);
/// assert!(text.starts_with("Cats purr.\nDogs bark loudly.\n\n"));
/// assert!(text.lines().any(|line| line.starts_with("weight ")), "{text}");
///
/// // Under the adaptive preset, the last line says which scoring the text chose and why.
/// let adaptive = nutgraf::Summarizer::builder().preset(nutgraf::Preset::Adaptive).explain(true).build()?;
/// let text = render(&adaptive.summarize("Cats purr. Dogs bark loudly."), Format::Text);
/// assert!(text.lines().last().unwrap().starts_with("scoring: "), "{text}");
/// # Ok::<(), nutgraf::Error>(())
/// ```
pub fn render(summary: &Summary, format: Format) -> String {
    let mut out = String::new();
    match format {
        Format::Text => {
            out.reserve(summary.sentences.iter().map(|s| s.text.len() + 1).sum());
            for sentence in &summary.sentences {
                push_folded(&mut out, &sentence.text);
                out.push('\n');
            }
        }
        Format::Markdown => {
            out.reserve(summary.sentences.iter().map(|s| s.text.len() + 3).sum());
            for sentence in &summary.sentences {
                out.push_str("- ");
                push_folded(&mut out, &sentence.text);
                out.push('\n');
            }
        }
        Format::Json => {
            // Serializing plain structs of strings and numbers cannot fail.
            out.push_str(&serde_json::to_string(summary).unwrap_or_default());
            out.push('\n');
        }
    }
    if let (Some(weights), Format::Text | Format::Markdown) = (&summary.weights, format) {
        out.push_str(&feature_table(summary, weights, format == Format::Markdown));
        if let Some(choice) = &summary.scoring {
            out.push_str(&choice_line(choice));
        }
    }
    out
}

/// What the adaptive mode chose, with the probability and each signal's push (positive: towards
/// `general`), largest first: the reason in one line.
fn choice_line(choice: &ScoringChoice) -> String {
    let mut pushes: Vec<(&str, f64, f64)> = Signals::NAMES
        .iter()
        .zip(choice.signals.values())
        .zip(choice.contributions.values())
        .map(|((&name, value), push)| (name, value, push))
        .collect();
    pushes.sort_by(|a, b| b.2.abs().total_cmp(&a.2.abs()));
    let reasons: Vec<String> =
        pushes.iter().map(|(name, value, push)| format!("{name} {value:.3} ({:+.2})", push + 0.0)).collect();
    format!(
        "\nscoring: {} (P(general) = {:.2}); signal value (push towards general): {}\n",
        choice.preset.name(),
        choice.general_probability,
        reasons.join(", ")
    )
}

/// The features of the brief's sentences and the weights, one column per feature, after a blank line.
fn feature_table(summary: &Summary, weights: &BTreeMap<Feature, f64>, markdown: bool) -> String {
    let mut rows: Vec<(String, Vec<f64>)> =
        vec![("weight".to_string(), Feature::ALL.iter().map(|f| weights.get(f).copied().unwrap_or(0.0)).collect())];
    for (k, sentence) in summary.sentences.iter().enumerate() {
        let values = Feature::ALL
            .iter()
            .map(|f| sentence.features.as_ref().and_then(|features| features.get(f)).copied().unwrap_or(0.0))
            .collect();
        rows.push((format!("{} (#{})", k + 1, sentence.index), values));
    }
    let names: Vec<String> = Feature::ALL.iter().map(|f| format!("{f:?}").to_lowercase()).collect();
    let label_width = rows.iter().map(|(label, _)| label.len()).max().unwrap_or(0).max("sentence".len());
    let mut table = String::from("\n");
    let line = |label: &str, cells: &[String]| {
        if markdown {
            format!("| {label} | {} |\n", cells.join(" | "))
        } else {
            let cells: Vec<String> = cells.iter().map(|c| format!("{c:>9}")).collect();
            format!("{label:<label_width$} {}\n", cells.join(" "))
        }
    };
    table.push_str(&line("sentence", &names));
    if markdown {
        table.push_str(&format!("|---|{}\n", "---:|".repeat(names.len())));
    }
    for (label, values) in rows {
        // Adding 0.0 turns -0.0 (ln 1 negated) into 0.0, which prints without a sign.
        let cells: Vec<String> = values.iter().map(|v| format!("{:.3}", v + 0.0)).collect();
        table.push_str(&line(&label, &cells));
    }
    table
}
