//! The options that shape a brief, shared by summarizing, `eval` and `tune`.

use std::path::PathBuf;
use std::sync::Arc;

use anyhow::Context;
use clap::Args;
use nutgraf::eval::{RougeScorer, RougeScorerBuilder};
use nutgraf::{Budget, Config, CorpusIdf, Language, Preset, Summarizer, SummarizerBuilder, TextLanguage};

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
    #[arg(long, short = 'l', value_name = "LANG", value_parser = parse_language_choice, help = language_help())]
    pub language: Option<LanguageChoice>,
    /// Scoring preset: `adaptive` (each document chooses `news` or `general` by its own signals;
    /// `--format json` and `--explain` say which and why), `news` (the lead matters) or `general` (key
    /// sentences anywhere).
    #[arg(long, short = 'p', value_name = "NAME", default_value = "adaptive", value_parser = parse_preset)]
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
        if let Some(LanguageChoice::Fixed(language)) = self.language {
            config.language = language;
        }
        Ok(config)
    }

    /// The language every text is in, if one is set: by `--language`, or by a configuration file that
    /// names one. `None`: detect each text's.
    pub fn fixed_language(&self) -> anyhow::Result<Option<Language>> {
        match self.language {
            Some(LanguageChoice::Fixed(language)) => Ok(Some(language)),
            Some(LanguageChoice::Auto) => Ok(None),
            None => match &self.config {
                Some(path) if config_names_language(path) => Ok(Some(self.config()?.language)),
                _ => Ok(None),
            },
        }
    }

    /// A builder of the summarizer these options describe, with `budget`: from `config` if given, else
    /// from the configuration file, else from the preset (adjusted per language); in the fixed language
    /// or detecting each text's; with the `--idf` table if given.
    pub fn summarizer(&self, config: Option<Config>, budget: Budget) -> anyhow::Result<SummarizerBuilder> {
        let mut builder = Summarizer::builder().budget(budget);
        builder = match (config, &self.config) {
            (Some(config), _) => builder.config(config),
            (None, Some(_)) => builder.config(self.config()?),
            (None, None) => builder.preset(self.preset),
        };
        if let Some(language) = self.fixed_language()? {
            builder = builder.language(language);
        }
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
        "Language of the text (its stemmer, stop words, abbreviations and boilerplate cues), or `auto` \
         [default]: detected for each text; a text in a language nutgraf has no stemmer for is analyzed \
         language-neutrally, and its language is named in the JSON output. One of {} (or its ISO 639-1 code)",
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

/// `--language`: a language, or detection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LanguageChoice {
    Auto,
    Fixed(Language),
}

pub fn parse_language_choice(s: &str) -> Result<LanguageChoice, String> {
    if s.trim().eq_ignore_ascii_case("auto") {
        return Ok(LanguageChoice::Auto);
    }
    parse_language(s).map(LanguageChoice::Fixed)
}

/// Whether a configuration file sets `language` (a file that cannot be read or parsed is reported
/// when the configuration is read).
fn config_names_language(path: &std::path::Path) -> bool {
    let Ok(text) = std::fs::read_to_string(path) else { return false };
    if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json")) {
        serde_json::from_str::<serde_json::Value>(&text).is_ok_and(|v| v.get("language").is_some())
    } else {
        toml::from_str::<toml::Table>(&text).is_ok_and(|t| t.contains_key("language"))
    }
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

/// `--tokenizer` of `eval` and `tune`: how ROUGE cuts texts into tokens.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum TokenizerChoice {
    /// rouge-score's own, with Porter stemming: English (it drops accented and non-Latin letters).
    #[default]
    RougeScore,
    /// Language-neutral, as `score_multilingual.py`: NFC, lower-case, Unicode letter/mark/digit runs,
    /// no stemming; ROUGE-Lsum splits the references' lines into sentences of the language.
    Unicode,
}

impl TokenizerChoice {
    /// The scorer: for the Unicode tokenizer, with the sentence splitter of `language`, or else of the
    /// language detected in `sample` (the data set's first text).
    pub fn scorer(self, language: Option<Language>, sample: Option<&str>) -> RougeScorer {
        match self {
            TokenizerChoice::RougeScore => RougeScorer::new(),
            TokenizerChoice::Unicode => {
                let detected = sample.and_then(TextLanguage::detect).and_then(TextLanguage::supported);
                RougeScorerBuilder::multilingual(language.or(detected).unwrap_or(Language::English)).build()
            }
        }
    }

    /// How the report names the scorer.
    pub fn description(self) -> &'static str {
        match self {
            TokenizerChoice::RougeScore => "rouge-score 0.1.2 with stemming",
            TokenizerChoice::Unicode => "rouge-score 0.1.2, language-neutral tokens, no stemming",
        }
    }
}
