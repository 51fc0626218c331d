//! Language detection: which language a text is in, so that it is split, analyzed and cleaned with that
//! language's data rather than as English.
//!
//! `whatlang` (trigram profiles of 69 languages, compiled in, nothing to load) reads the first
//! [`SAMPLE_BYTES`] of the text. On every dev article it names the language of the record; lingua, the
//! other candidate, is as accurate on articles, better on headlines, but 25–35 times slower and adds
//! over 100 MB of models to the binary (README, "Language detection", and `tools/detect-compare/`).
//!
//! ```
//! use nutgraf::{Language, TextLanguage};
//!
//! let french = "Le gouvernement a présenté mercredi un projet de loi sur les retraites, \
//!               qui doit être examiné par les députés au printemps.";
//! assert_eq!(TextLanguage::detect(french), Some(TextLanguage::Supported(Language::French)));
//! let polish = "Rząd przedstawił w środę projekt ustawy o emeryturach, który posłowie mają rozpatrzyć wiosną.";
//! assert_eq!(TextLanguage::detect(polish).map(|l| l.name()), Some("polish".to_string()));
//! assert_eq!(TextLanguage::detect("12345 ... !!!"), None);
//! ```

use std::fmt;

use whatlang::Lang;

use crate::language::Language;

/// How much of a text the detector reads: a few paragraphs name the language as surely as a whole
/// article does, and detection costs time in proportion to what it reads.
pub const SAMPLE_BYTES: usize = 2048;

/// The language a text is summarized as.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TextLanguage {
    /// A language nutgraf has a stemmer, stop words, abbreviations and boilerplate cues for.
    Supported(Language),
    /// A language that nutgraf has no stemmer for, by its English name (`"Polish"`, `"Japanese"`):
    /// summarized with the language-neutral analyzer ([`Analyzer::language_neutral`](crate::Analyzer::language_neutral)).
    Neutral(&'static str),
}

impl TextLanguage {
    /// The language of `text`, or `None` when there is nothing to tell it by (no letters, say).
    /// Deterministic: the same text always gets the same answer.
    pub fn detect(text: &str) -> Option<TextLanguage> {
        let lang = whatlang::detect_lang(sample(text))?;
        Some(match supported(lang) {
            Some(language) => TextLanguage::Supported(language),
            None => TextLanguage::Neutral(lang.eng_name()),
        })
    }

    /// The lower-case English name: `"french"` (as `--language` takes it), `"polish"`.
    ///
    /// ```
    /// use nutgraf::{Language, TextLanguage};
    /// assert_eq!(TextLanguage::Supported(Language::German).name(), "german");
    /// assert_eq!(TextLanguage::Neutral("Japanese").name(), "japanese");
    /// ```
    pub fn name(self) -> String {
        match self {
            TextLanguage::Supported(language) => language.name().to_string(),
            TextLanguage::Neutral(name) => name.to_lowercase(),
        }
    }

    /// The supported language, if it is one.
    pub fn supported(self) -> Option<Language> {
        match self {
            TextLanguage::Supported(language) => Some(language),
            TextLanguage::Neutral(_) => None,
        }
    }
}

impl fmt::Display for TextLanguage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name())
    }
}

impl From<Language> for TextLanguage {
    fn from(language: Language) -> Self {
        TextLanguage::Supported(language)
    }
}

/// At most [`SAMPLE_BYTES`] from the start of `text`, cut at a character boundary.
fn sample(text: &str) -> &str {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// The nutgraf language whatlang's `lang` is, if nutgraf has it.
fn supported(lang: Lang) -> Option<Language> {
    Some(match lang {
        Lang::Ara => Language::Arabic,
        Lang::Dan => Language::Danish,
        Lang::Nld => Language::Dutch,
        Lang::Eng => Language::English,
        Lang::Fin => Language::Finnish,
        Lang::Fra => Language::French,
        Lang::Deu => Language::German,
        Lang::Ell => Language::Greek,
        Lang::Hun => Language::Hungarian,
        Lang::Ita => Language::Italian,
        Lang::Nob => Language::Norwegian,
        Lang::Por => Language::Portuguese,
        Lang::Ron => Language::Romanian,
        Lang::Rus => Language::Russian,
        Lang::Spa => Language::Spanish,
        Lang::Swe => Language::Swedish,
        Lang::Tam => Language::Tamil,
        Lang::Tur => Language::Turkish,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_supported_language_maps_back_from_whatlang() {
        let mapped: Vec<Language> = Lang::all().iter().filter_map(|&l| supported(l)).collect();
        for language in Language::ALL {
            assert!(mapped.contains(&language), "{language} is never detected");
        }
    }

    #[test]
    fn news_in_each_language_is_detected() {
        for (text, expected) in [
            (
                "Die Regierung hat am Mittwoch einen Gesetzentwurf zur Rente vorgelegt, über den der Bundestag im Frühjahr beraten soll.",
                "german",
            ),
            (
                "El Gobierno presentó el miércoles un proyecto de ley sobre las pensiones que el Congreso debatirá en primavera.",
                "spanish",
            ),
            ("Hükümet çarşamba günü emeklilik yasa tasarısını sundu; meclis tasarıyı ilkbaharda görüşecek.", "turkish"),
            (
                "Правительство в среду представило законопроект о пенсиях, который депутаты рассмотрят весной.",
                "russian",
            ),
            ("政府は水曜日、年金に関する法案を提出した。国会は春に審議する予定だ。", "japanese"),
        ] {
            assert_eq!(TextLanguage::detect(text).map(TextLanguage::name).as_deref(), Some(expected), "{text}");
        }
    }

    #[test]
    fn samples_cut_at_character_boundaries() {
        let text = "é".repeat(SAMPLE_BYTES);
        assert!(sample(&text).len() <= SAMPLE_BYTES);
        assert!(TextLanguage::detect("").is_none());
        assert!(TextLanguage::detect("\u{0}\u{fffd}\u{fffd} 42").is_none());
    }
}
