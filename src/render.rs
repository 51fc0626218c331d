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

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

pub mod html;

use crate::error::Error;
use crate::summarizer::{Summary, fold_lines};

/// An output format.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
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
pub fn render(summary: &Summary, format: Format) -> String {
    let mut out = String::new();
    match format {
        Format::Text => {
            for sentence in &summary.sentences {
                out.push_str(&fold_lines(&sentence.text));
                out.push('\n');
            }
        }
        Format::Markdown => {
            for sentence in &summary.sentences {
                out.push_str("- ");
                out.push_str(&fold_lines(&sentence.text));
                out.push('\n');
            }
        }
        Format::Json => {
            // Serializing plain structs of strings and numbers cannot fail.
            out.push_str(&serde_json::to_string(summary).unwrap_or_default());
            out.push('\n');
        }
    }
    out
}
