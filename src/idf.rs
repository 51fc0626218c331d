//! Inverse document frequencies from a corpus, for documents too short to estimate them from their own
//! sentences. Built once (`nutgraf idf build corpus.jsonl > idf.bin`, or [`CorpusIdfBuilder`]), read
//! with [`CorpusIdf::from_bytes`], and shared by every summarizer and thread through an `Arc`.
//!
//! The file is text: a header of three lines (`nutgraf-idf 1`, `language english`, `documents 579`),
//! then one `COUNT<TAB>STEM` line per stem, sorted by stem, so the same corpus always gives the same
//! bytes.
//!
//! ```
//! use std::sync::Arc;
//! use nutgraf::{CorpusIdf, Language, Summarizer};
//!
//! let mut builder = CorpusIdf::builder(Language::English);
//! builder.add_document("The council met on Monday. The budget passed.");
//! builder.add_document("The storm hit the coast. The council declared an emergency.");
//! let idf = builder.build();
//! assert_eq!(idf.documents(), 2);
//! assert!(idf.idf("storm") > idf.idf("council"));
//!
//! let idf = Arc::new(CorpusIdf::from_bytes(&idf.to_bytes())?);
//! let summarizer = Summarizer::builder().idf(idf).build()?;
//! assert_eq!(summarizer.summarize("Rates rose. Stocks fell.").sentences.len(), 2);
//! # Ok::<(), nutgraf::Error>(())
//! ```

use std::fmt::Write as _;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::analyze::Analyzer;
use crate::error::{Error, Result};
use crate::language::Language;
use crate::segment::SentenceSplitter;

const HEADER: &str = "nutgraf-idf 1";

/// Document frequencies of stems over a corpus. `Send + Sync`; share it with `Arc`.
#[derive(Clone, Debug, PartialEq)]
pub struct CorpusIdf {
    language: Language,
    documents: u64,
    frequency: FxHashMap<String, u64>,
}

impl CorpusIdf {
    /// A builder that counts documents of `language`.
    pub fn builder(language: Language) -> CorpusIdfBuilder {
        CorpusIdfBuilder {
            splitter: SentenceSplitter::new(language),
            analyzer: Analyzer::new(language),
            table: CorpusIdf { language, documents: 0, frequency: FxHashMap::default() },
        }
    }

    /// The language whose stems the table counts.
    pub fn language(&self) -> Language {
        self.language
    }

    /// How many documents were counted.
    pub fn documents(&self) -> u64 {
        self.documents
    }

    /// In how many documents `stem` occurs.
    pub fn document_frequency(&self, stem: &str) -> u64 {
        self.frequency.get(stem).copied().unwrap_or(0)
    }

    /// The smoothed IDF of a stem, `ln((1 + N) / (1 + df)) + 1`, as the per-document IDF is computed:
    /// a stem the corpus never saw weighs most.
    pub fn idf(&self, stem: &str) -> f64 {
        let n = self.documents as f64;
        ((1.0 + n) / (1.0 + self.document_frequency(stem) as f64)).ln() + 1.0
    }

    /// The table in its file format.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut stems: Vec<(&String, &u64)> = self.frequency.iter().collect();
        stems.sort_unstable();
        let mut out = format!("{HEADER}\nlanguage {}\ndocuments {}\n", self.language.name(), self.documents);
        for (stem, frequency) in stems {
            let _ = writeln!(out, "{frequency}\t{stem}");
        }
        out.into_bytes()
    }

    /// Reads a table written by [`to_bytes`](Self::to_bytes); an [`Error::ConfigSyntax`] naming the line
    /// for anything else.
    pub fn from_bytes(bytes: &[u8]) -> Result<CorpusIdf> {
        let bad = |line: usize, what: &str| Error::ConfigSyntax(format!("IDF table, line {line}: {what}"));
        let text = std::str::from_utf8(bytes).map_err(|_| bad(0, "not UTF-8 text"))?;
        let mut lines = text.lines();
        if lines.next() != Some(HEADER) {
            return Err(bad(1, "not a nutgraf IDF table (made by `nutgraf idf build`)"));
        }
        let language = lines
            .next()
            .and_then(|l| l.strip_prefix("language "))
            .ok_or_else(|| bad(2, "expected `language NAME`"))?
            .parse::<Language>()?;
        let documents = lines
            .next()
            .and_then(|l| l.strip_prefix("documents "))
            .and_then(|n| n.parse::<u64>().ok())
            .ok_or_else(|| bad(3, "expected `documents N`"))?;
        let mut frequency = FxHashMap::default();
        for (index, line) in lines.enumerate() {
            let (count, stem) = line.split_once('\t').ok_or_else(|| bad(index + 4, "expected `COUNT<TAB>STEM`"))?;
            let count = count.parse::<u64>().map_err(|_| bad(index + 4, "the count is not a number"))?;
            if count > documents {
                return Err(bad(index + 4, "a stem in more documents than the table counts"));
            }
            frequency.insert(stem.to_string(), count);
        }
        Ok(CorpusIdf { language, documents, frequency })
    }
}

/// Counts the stems of documents into a [`CorpusIdf`].
#[derive(Clone, Debug)]
pub struct CorpusIdfBuilder {
    splitter: SentenceSplitter,
    analyzer: Analyzer,
    table: CorpusIdf,
}

impl CorpusIdfBuilder {
    /// Counts one document: each of its content stems once.
    pub fn add_document(&mut self, text: &str) {
        let sentences = self.splitter.split(text);
        let document = self.analyzer.analyze(text, &sentences);
        let vocabulary = document.vocabulary();
        let stems: FxHashSet<&str> =
            (0..vocabulary.len()).filter_map(|id| u32::try_from(id).ok()).map(|id| vocabulary.stem(id)).collect();
        for stem in stems {
            *self.table.frequency.entry(stem.to_string()).or_insert(0) += 1;
        }
        self.table.documents += 1;
    }

    /// The table of the documents counted so far.
    pub fn build(self) -> CorpusIdf {
        self.table
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_round_trips_and_bad_files_are_refused() {
        let mut builder = CorpusIdf::builder(Language::German);
        builder.add_document("Der Rat tagte am Montag. Der Haushalt wurde beschlossen.");
        let table = builder.build();
        assert_eq!(CorpusIdf::from_bytes(&table.to_bytes()).unwrap(), table);
        assert!(CorpusIdf::from_bytes(b"").is_err());
        assert!(CorpusIdf::from_bytes(b"\xff\xfe").is_err());
        assert!(CorpusIdf::from_bytes(b"nutgraf-idf 1\nlanguage english\ndocuments 1\n5\tstem\n").is_err());
        assert!(CorpusIdf::from_bytes(b"nutgraf-idf 1\nlanguage klingon\ndocuments 1\n").is_err());
    }
}
