//! The options that shape a brief, shared by summarizing, `eval` and `tune`.

use std::path::PathBuf;
use std::sync::Arc;

use anyhow::Context;
use clap::Args;
use nutgraf::{Budget, Config, CorpusIdf, Language, Preset, Summarizer, SummarizerBuilder};

#[derive(Args, Debug, Clone)]
#[group(id = "summary-options")]
pub struct SummaryOptions {
    // The budgets override one another (the last one given wins), as ripgrep's flags do, so that a
    // budget on the command line replaces one from NUTGRAF_CONFIG.
    /// Length of the brief in sentences [default: 3].
    #[arg(long, short = 'n', value_name = "N", value_parser = clap::value_parser!(u32).range(1..),
          overrides_with_all = ["ratio", "words", "chars", "bytes"])]
    pub sentences: Option<u32>,
    /// Length of the brief as a fraction of the text's sentences, in (0, 1].
    #[arg(long, short = 'r', value_name = "R", value_parser = parse_ratio, overrides_with_all = ["sentences", "words", "chars", "bytes"])]
    pub ratio: Option<f64>,
    /// Length of the brief in words: whole sentences only, never more than W words.
    #[arg(long, short = 'w', value_name = "W", value_parser = clap::value_parser!(u32).range(1..),
          overrides_with_all = ["sentences", "ratio", "chars", "bytes"])]
    pub words: Option<u32>,
    /// Length of the brief in characters as printed (one line break between sentences): whole sentences
    /// only, never more than C characters.
    #[arg(long, value_name = "C", value_parser = clap::value_parser!(u32).range(1..),
          overrides_with_all = ["sentences", "ratio", "words", "bytes"])]
    pub chars: Option<u32>,
    /// Length of the brief in bytes as printed (one line break between sentences): whole sentences only,
    /// never more than B bytes.
    #[arg(long, value_name = "B", value_parser = clap::value_parser!(u32).range(1..),
          overrides_with_all = ["sentences", "ratio", "words", "chars"])]
    pub bytes: Option<u32>,
    #[arg(long, short = 'l', value_name = "LANG", value_parser = parse_language, help = language_help())]
    pub language: Option<Language>,
    /// Scoring preset: `news` (the lead matters) or `general` (key sentences anywhere).
    #[arg(long, short = 'p', value_name = "NAME", default_value = "news", value_parser = parse_preset)]
    pub preset: Preset,
    /// Configuration file (TOML, or JSON if it ends in .json); unset fields come from the preset.
    #[arg(long, short = 'c', value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Term weights (IDF) from a corpus table made by `nutgraf idf build`, instead of from each text's
    /// own sentences.
    #[arg(long, value_name = "FILE")]
    pub idf: Option<PathBuf>,
}

impl SummaryOptions {
    /// The configuration these options select.
    pub fn config(&self) -> anyhow::Result<Config> {
        let mut config = match &self.config {
            None => Config::preset(self.preset),
            Some(path) => {
                let text = std::fs::read_to_string(path)
                    .with_context(|| format!("{}: cannot read configuration", path.display()))?;
                let json = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json"));
                let parsed = if json {
                    Config::from_json_str(&text, self.preset)
                } else {
                    Config::from_toml_str(&text, self.preset)
                };
                match parsed {
                    Ok(config) => config,
                    Err(_) if !json && is_tuning_grid(&text) => anyhow::bail!(
                        "{}: this is a tuning grid (settings with lists of values), not a configuration: \
                         give it to `nutgraf tune --grid`, and the TOML that tune prints to --config",
                        path.display()
                    ),
                    Err(err) => return Err(err).with_context(|| format!("{}", path.display())),
                }
            }
        };
        if let Some(language) = self.language {
            config.language = language;
        }
        Ok(config)
    }

    /// A builder of the summarizer these options describe, with `budget` (and `--idf`, if given).
    pub fn summarizer(&self, config: Config, budget: Budget) -> anyhow::Result<SummarizerBuilder> {
        let mut builder = Summarizer::builder().config(config).budget(budget);
        if let Some(path) = &self.idf {
            let bytes =
                std::fs::read(path).with_context(|| format!("{}: cannot read the IDF table", path.display()))?;
            let table = CorpusIdf::from_bytes(&bytes).with_context(|| format!("{}", path.display()))?;
            builder = builder.idf(Arc::new(table));
        }
        Ok(builder)
    }

    /// The length budget these options select.
    pub fn budget(&self) -> Budget {
        if let Some(chars) = self.chars {
            return Budget::Chars(chars as usize);
        }
        if let Some(bytes) = self.bytes {
            return Budget::Bytes(bytes as usize);
        }
        match (self.sentences, self.ratio, self.words) {
            (_, Some(ratio), _) => Budget::Ratio(ratio),
            (_, _, Some(words)) => Budget::Words(words as usize),
            (Some(n), _, _) => Budget::Sentences(n as usize),
            (None, None, None) => Budget::default(),
        }
    }
}

/// Whether TOML text is a `nutgraf tune` grid: a configuration holds no lists, a grid's searched
/// settings are lists. Only asked once the text has failed to read as a configuration.
fn is_tuning_grid(text: &str) -> bool {
    fn has_list(value: &toml::Value) -> bool {
        match value {
            toml::Value::Array(_) => true,
            toml::Value::Table(table) => table.values().any(has_list),
            _ => false,
        }
    }
    toml::from_str::<toml::Table>(text).is_ok_and(|table| table.values().any(has_list))
}

/// The help of `--language`, listing the languages.
pub fn language_help() -> String {
    let names: Vec<&str> = Language::ALL.iter().map(|l| l.name()).collect();
    format!(
        "Language of the text: its stemmer, stop words and abbreviations. One of {} (or its ISO 639-1 code) \
         [default: english]",
        names.join(", ")
    )
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
