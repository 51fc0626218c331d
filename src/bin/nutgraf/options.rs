//! The options that shape a brief, shared by summarizing, `eval` and `tune`.

use std::path::PathBuf;

use anyhow::Context;
use clap::Args;
use nutgraf::{Budget, Config, Language, Preset};

#[derive(Args, Debug, Clone)]
#[group(id = "summary-options")]
pub struct SummaryOptions {
    /// Length of the brief in sentences [default: 3].
    #[arg(long, short = 'n', value_name = "N", value_parser = clap::value_parser!(u32).range(1..), group = "budget")]
    pub sentences: Option<u32>,
    /// Length of the brief as a fraction of the text's sentences, in (0, 1].
    #[arg(long, short = 'r', value_name = "R", value_parser = parse_ratio, group = "budget")]
    pub ratio: Option<f64>,
    /// Length of the brief in words: whole sentences only, never more than W words.
    #[arg(long, short = 'w', value_name = "W", value_parser = clap::value_parser!(u32).range(1..), group = "budget")]
    pub words: Option<u32>,
    /// Language of the text: its stemmer, stop words and abbreviations.
    #[arg(long, short = 'l', value_name = "LANG", value_parser = parse_language)]
    pub language: Option<Language>,
    /// Scoring preset: `news` (the lead matters) or `general` (key sentences anywhere).
    #[arg(long, short = 'p', value_name = "NAME", default_value = "news", value_parser = parse_preset)]
    pub preset: Preset,
    /// Configuration file (TOML, or JSON if it ends in .json); unset fields come from the preset.
    #[arg(long, short = 'c', value_name = "FILE")]
    pub config: Option<PathBuf>,
}

impl SummaryOptions {
    /// The configuration these options select.
    pub fn config(&self) -> anyhow::Result<Config> {
        let mut config = match &self.config {
            None => Config::preset(self.preset),
            Some(path) => {
                let text = std::fs::read_to_string(path)
                    .with_context(|| format!("{}: cannot read configuration", path.display()))?;
                let parsed = if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json")) {
                    Config::from_json_str(&text, self.preset)
                } else {
                    Config::from_toml_str(&text, self.preset)
                };
                parsed.with_context(|| format!("{}", path.display()))?
            }
        };
        if let Some(language) = self.language {
            config.language = language;
        }
        Ok(config)
    }

    /// The length budget these options select.
    pub fn budget(&self) -> Budget {
        match (self.sentences, self.ratio, self.words) {
            (_, Some(ratio), _) => Budget::Ratio(ratio),
            (_, _, Some(words)) => Budget::Words(words as usize),
            (Some(n), _, _) => Budget::Sentences(n as usize),
            (None, None, None) => Budget::default(),
        }
    }
}

/// `--input`: a format, or `None` for `auto` (by the file's extension, else by its content).
#[derive(Clone, Copy, Debug, Default)]
pub struct InputChoice(pub Option<nutgraf::InputFormat>);

pub fn parse_input_format(s: &str) -> Result<InputChoice, String> {
    if s.eq_ignore_ascii_case("auto") {
        return Ok(InputChoice(None));
    }
    s.parse().map(|format| InputChoice(Some(format))).map_err(|e: nutgraf::Error| e.to_string())
}

pub fn parse_language(s: &str) -> Result<Language, String> {
    s.parse().map_err(|e: nutgraf::Error| e.to_string())
}

fn parse_preset(s: &str) -> Result<Preset, String> {
    s.parse().map_err(|e: nutgraf::Error| e.to_string())
}

fn parse_ratio(s: &str) -> Result<f64, String> {
    let ratio: f64 = s.parse().map_err(|_| format!("{s:?} is not a number"))?;
    if ratio > 0.0 && ratio <= 1.0 { Ok(ratio) } else { Err(format!("{ratio} is not in (0, 1]")) }
}
