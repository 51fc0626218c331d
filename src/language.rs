//! The languages nutgraf analyzes, and the per-language data compiled in from `data/`.
//!
//! Every language that `rust-stemmers` has a Snowball stemmer for is supported. Its stop words live in
//! `data/stopwords/<name>.txt` and its abbreviations (for the sentence splitter) in
//! `data/abbreviations/<name>.txt` and cue phrases of web boilerplate in `data/noise/<name>.txt`, one
//! entry per line, so adding a language is adding files and a line
//! to the table below.

use std::fmt;
use std::str::FromStr;

use rust_stemmers::Algorithm;
use serde::{Deserialize, Serialize};

use crate::error::Error;

/// A natural language: selects the stemmer, the stop words and the abbreviations.
///
/// Parses from its English name or ISO 639-1 code, case-insensitively:
///
/// ```
/// use nutgraf::Language;
///
/// assert_eq!("de".parse::<Language>().unwrap(), Language::German);
/// assert_eq!("Portuguese".parse::<Language>().unwrap(), Language::Portuguese);
/// assert_eq!(Language::default(), Language::English);
/// assert!("klingon".parse::<Language>().is_err());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[allow(missing_docs)] // the variant names are the documentation
#[non_exhaustive]
pub enum Language {
    Arabic,
    Danish,
    Dutch,
    #[default]
    English,
    Finnish,
    French,
    German,
    Greek,
    Hungarian,
    Italian,
    Norwegian,
    Portuguese,
    Romanian,
    Russian,
    Spanish,
    Swedish,
    Tamil,
    Turkish,
}

/// One row per language: the value, its name, its ISO 639-1 code, stemmer, stop words, abbreviations.
struct LanguageData {
    language: Language,
    name: &'static str,
    code: &'static str,
    stemmer: Algorithm,
    stop_words: &'static str,
    abbreviations: &'static str,
    noise_cues: &'static str,
}

macro_rules! language_table {
    ($( $variant:ident, $name:literal, $code:literal; )*) => {
        const LANGUAGES: &[LanguageData] = &[
            $(LanguageData {
                language: Language::$variant,
                name: $name,
                code: $code,
                stemmer: Algorithm::$variant,
                stop_words: include_str!(concat!("../data/stopwords/", $name, ".txt")),
                abbreviations: include_str!(concat!("../data/abbreviations/", $name, ".txt")),
                noise_cues: include_str!(concat!("../data/noise/", $name, ".txt")),
            },)*
        ];
    };
}

language_table! {
    Arabic, "arabic", "ar";
    Danish, "danish", "da";
    Dutch, "dutch", "nl";
    English, "english", "en";
    Finnish, "finnish", "fi";
    French, "french", "fr";
    German, "german", "de";
    Greek, "greek", "el";
    Hungarian, "hungarian", "hu";
    Italian, "italian", "it";
    Norwegian, "norwegian", "no";
    Portuguese, "portuguese", "pt";
    Romanian, "romanian", "ro";
    Russian, "russian", "ru";
    Spanish, "spanish", "es";
    Swedish, "swedish", "sv";
    Tamil, "tamil", "ta";
    Turkish, "turkish", "tr";
}

impl Language {
    /// Every supported language, in alphabetical order of its English name.
    ///
    /// ```
    /// assert_eq!(nutgraf::Language::ALL.len(), 18);
    /// ```
    pub const ALL: [Language; 18] = [
        Language::Arabic,
        Language::Danish,
        Language::Dutch,
        Language::English,
        Language::Finnish,
        Language::French,
        Language::German,
        Language::Greek,
        Language::Hungarian,
        Language::Italian,
        Language::Norwegian,
        Language::Portuguese,
        Language::Romanian,
        Language::Russian,
        Language::Spanish,
        Language::Swedish,
        Language::Tamil,
        Language::Turkish,
    ];

    fn data(self) -> &'static LanguageData {
        // The table is built from the same list as the enum, so every variant has its row.
        LANGUAGES.iter().find(|row| row.language == self).unwrap_or(&LANGUAGES[3])
    }

    /// The lower-case English name, as accepted by `--language`.
    ///
    /// ```
    /// assert_eq!(nutgraf::Language::Swedish.name(), "swedish");
    /// ```
    pub fn name(self) -> &'static str {
        self.data().name
    }

    /// The ISO 639-1 code.
    ///
    /// ```
    /// assert_eq!(nutgraf::Language::Greek.code(), "el");
    /// ```
    pub fn code(self) -> &'static str {
        self.data().code
    }

    /// The Snowball algorithm that stems this language.
    pub(crate) fn stemmer_algorithm(self) -> Algorithm {
        self.data().stemmer
    }

    /// The stop words, one per line, as compiled in from `data/stopwords/`.
    ///
    /// ```
    /// assert!(nutgraf::Language::English.stop_words().any(|w| w == "the"));
    /// ```
    pub fn stop_words(self) -> impl Iterator<Item = &'static str> {
        data_lines(self.data().stop_words)
    }

    /// Abbreviation entries (`word` or `word:kind`, see `data/abbreviations/english.txt`).
    pub(crate) fn abbreviations(self) -> impl Iterator<Item = &'static str> {
        data_lines(self.data().abbreviations)
    }
}

impl Language {
    /// The lines of `data/noise/<language>.txt`: cue phrases of web-page boilerplate (lower-case), each
    /// list opened by a `[section]` line naming the kind of cue (see the file's header).
    ///
    /// ```
    /// let cues: Vec<&str> = nutgraf::Language::English.noise_cues().collect();
    /// assert!(cues.contains(&"[prompt]") && cues.contains(&"subscribe now"));
    /// ```
    pub fn noise_cues(self) -> impl Iterator<Item = &'static str> {
        data_lines(self.data().noise_cues)
    }
}

/// The entries of a data file: one per line, trimmed; blank lines and `#` comments skipped.
pub(crate) fn data_lines(file: &'static str) -> impl Iterator<Item = &'static str> {
    file.lines().map(str::trim).filter(|line| !line.is_empty() && !line.starts_with('#'))
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Language {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim();
        LANGUAGES
            .iter()
            .find(|row| row.name.eq_ignore_ascii_case(wanted) || row.code.eq_ignore_ascii_case(wanted))
            .map(|row| row.language)
            .ok_or_else(|| Error::UnknownLanguage(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_its_row_and_stop_words() {
        for language in Language::ALL {
            assert_eq!(language.data().language, language);
            assert!(language.stop_words().count() > 20, "{language} has too few stop words");
            for word in language.stop_words() {
                assert_eq!(word, word.to_lowercase(), "{language}: stop words are lower-case");
            }
            assert_eq!(language.name().parse::<Language>().unwrap(), language);
            assert_eq!(language.code().parse::<Language>().unwrap(), language);
        }
    }
}
