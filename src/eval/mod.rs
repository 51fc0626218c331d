//! Evaluation: ROUGE scores of briefs against reference summaries, computed exactly as Google's
//! `rouge-score` 0.1.2 computes them with `use_stemmer=True`, so figures compare with published ones and
//! with the project's Python scorer.
//!
//! * [`RougeScorer`] scores a candidate against one reference ([`score`](RougeScorer::score)) or
//!   several ([`score_multi`](RougeScorer::score_multi)), giving [`RougeScores`]: precision, recall and
//!   F1 ([`Score`]) for each [`Metric`] (ROUGE-1, ROUGE-2, ROUGE-L, ROUGE-Lsum).
//! * [`RougeAggregate`] averages per-document scores, ×100.
//! * [`KeyphraseGold`] scores ranked keyphrases against human ones as `kw_score.py` does (stemmed exact
//!   match, P/R/F1 at k).
//! * [`PorterStemmer`] is NLTK's Porter stemmer, which ROUGE's tokenizer applies to every word longer
//!   than three characters.
//!
//! ```
//! use nutgraf::eval::{Metric, RougeAggregate, RougeScorer};
//! use nutgraf::Summarizer;
//!
//! let article = "Officials in Tokyo said on Friday that Japan and the US will sign a chip agreement. \
//!                The agreement commits both countries to joint research on advanced chips. \
//!                Critics called the deal an incremental step.";
//! let reference = "Japan and the US will sign an agreement on chip research.";
//! let brief = Summarizer::builder().build()?.summarize(article).to_text();
//!
//! let scorer = RougeScorer::new();
//! let scores = scorer.score(reference, &brief);
//! assert!(scores[Metric::Rouge1].recall > 0.8);
//!
//! let mut mean = RougeAggregate::new();
//! mean.add(&scores);
//! assert_eq!(mean.mean()[Metric::Rouge1].f1, 100.0 * scores[Metric::Rouge1].f1);
//! # Ok::<(), nutgraf::Error>(())
//! ```

mod keyphrase;
mod porter;
mod rouge;
mod tokenize;

pub use keyphrase::{KeyphraseGold, KeyphraseScore, normalize_keyphrase};
pub use porter::PorterStemmer;
pub use rouge::{LsumSplit, Metric, RougeAggregate, RougeScorer, RougeScorerBuilder, RougeScores, Score};
pub use tokenize::Tokenizer;
