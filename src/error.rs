//! The one error type of the library.

use thiserror::Error as ThisError;

/// Everything that can go wrong when configuring nutgraf or reading an input into a
/// [`Document`](crate::Document). Summarizing itself cannot fail: any `&str` gets a brief, possibly an
/// empty one.
///
/// ```
/// let err = "xx".parse::<nutgraf::Language>().unwrap_err();
/// assert_eq!(err.to_string(), "unknown language \"xx\" (try one of: arabic, danish, dutch, english, finnish, french, german, greek, hungarian, italian, norwegian, portuguese, romanian, russian, spanish, swedish, tamil, turkish)");
/// ```
#[derive(Debug, ThisError)]
#[non_exhaustive]
pub enum Error {
    /// A language name or code that nutgraf has no stemmer and stop words for.
    #[error("unknown language {0:?} (try one of: {list})", list = crate::Language::ALL.map(|l| l.name()).join(", "))]
    UnknownLanguage(String),
    /// A configuration value outside its range; the message names the field.
    #[error("invalid configuration: {0}")]
    InvalidConfig(String),
    /// A configuration file that is not valid TOML or JSON for [`Config`](crate::Config).
    #[error("cannot parse configuration: {0}")]
    ConfigSyntax(String),
    /// An unknown preset name.
    #[error("unknown preset {0:?} (try one of: news, general, adaptive)")]
    UnknownPreset(String),
    /// A [`Config`](crate::Config) or a [`CorpusIdf`](crate::CorpusIdf) for another language than the
    /// [`Summarizer`](crate::Summarizer)'s, whose splitter, stop words and stemmer analyze the text.
    #[error("a configuration or IDF table for {config}, but the summarizer analyzes {summarizer}")]
    LanguageMismatch {
        /// The summarizer's language.
        summarizer: crate::Language,
        /// The configuration's or the table's.
        config: crate::Language,
    },
    /// An unknown input format name (see [`InputFormat`](crate::InputFormat)).
    #[error("unknown input format {0:?} (try one of: auto, text, html, markdown)")]
    UnknownInputFormat(String),
    /// An input that cannot be read within bounded time and memory; the message says what it was.
    #[error("input too complex to read: {0}")]
    InputTooComplex(String),
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
