//! nutgraf finds the sentences that say what an article is about: an extractive summarizer that takes
//! text, often scraped from the web with its boilerplate, and returns a short brief of its most central
//! sentences, verbatim, in their original order.
//!
//! The pipeline has one stage per module, and data flows one way:
//!
//! * [`SentenceSplitter`] cuts text into [`Sentence`]s (byte spans into the input): UAX #29 boundaries
//!   corrected for abbreviations, initials, decimals, ellipses, quotes, headlines and paragraphs.
//! * [`Analyzer`] turns each sentence into term ids: words, lower-casing, stop words, Snowball stems.
//! * [`NoiseDetector`] scores each sentence for web boilerplate and finds the headline.
//! * The scorers build TF-IDF vectors and a sparse similarity graph, run TextRank and compute the other
//!   features of a [`Feature`] matrix, which the [`Config`]'s weights turn into scores.
//! * The selector picks the best sentences under a [`Budget`], skipping redundant ones.
//!
//! Each text's language is detected first ([`TextLanguage`]); texts in a language nutgraf has no
//! stemmer for are analyzed language-neutrally.
//!
//! [`Summarizer`] composes the stages; build it once and reuse it:
//!
//! ```
//! use nutgraf::{Budget, Summarizer};
//!
//! let summarizer = Summarizer::builder().budget(Budget::Sentences(2)).build()?;
//! let article = "Picture: REUTERS\n\n\
//!     Tokyo — Japan and the US will sign an agreement on chip research on Friday, officials said. \
//!     The agreement commits both countries to joint research on advanced chips. \
//!     Officials described the deal as an incremental step.\n\nSubscribe now";
//! let summary = summarizer.summarize(article);
//! assert_eq!(summary.to_text(), "Tokyo — Japan and the US will sign an agreement on chip research on Friday, officials said.\n\
//!                                The agreement commits both countries to joint research on advanced chips.");
//! # Ok::<(), nutgraf::Error>(())
//! ```
//!
//! [`render`] prints a [`Summary`] as text, JSON or Markdown; [`eval`] scores briefs against reference
//! summaries with ROUGE.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod adaptive;
mod analyze;
mod chunk;
mod config;
mod detect;
mod error;
pub mod eval;
mod idf;
mod input;
mod keywords;
mod language;
mod noise;
mod redundancy;
pub mod render;
mod score;
mod segment;
mod select;
#[cfg(test)]
mod shared_data;
mod summarizer;

pub use adaptive::{AdaptiveModel, ScoringChoice, Signals};
pub use analyze::{AnalyzedDocument, Analyzer, TermId, Vocabulary};
pub use config::{Config, GraphConfig, LengthPrior, NoiseConfig, Preset, Similarity, TextRankConfig, Weights};
pub use detect::TextLanguage;
pub use error::{Error, Result};
pub use idf::{CorpusIdf, CorpusIdfBuilder};
pub use input::{Block, BlockKind, Document, InputFormat};
pub use keywords::{Keyphrase, KeywordExtractor, KeywordExtractorBuilder};
pub use language::Language;
pub use noise::{NoiseDetector, NoiseReport};
pub use score::{Feature, graph::SimilarityGraph, textrank::pagerank, tfidf::TfIdf};
pub use segment::{MAX_SENTENCE_BYTES, Sentence, SentenceSplitter};
pub use select::Budget;
pub use summarizer::{Analysis, ChosenScoring, Scoring, Summarizer, SummarizerBuilder, Summary, SummarySentence};
