//! Stage 2: analysis. Turns each sentence into the terms that scoring compares.
//!
//! A word is a UAX #29 word (as `unicode-segmentation` finds them, with an ASCII fast path); it is
//! lower-cased, dropped if it is a stop word, and reduced to its Snowball stem (`rust-stemmers`). Each
//! distinct stem gets a small integer id in a per-document vocabulary, so that everything downstream
//! works on integers, never on strings. Each surface form is classified once per thread and analyzer,
//! not once per occurrence (see `word_table`).
//!
//! ```
//! use nutgraf::{Analyzer, Language, SentenceSplitter};
//!
//! let text = "Markets rallied. The market rally lifted stocks.";
//! let sentences = SentenceSplitter::new(Language::English).split(text);
//! let document = Analyzer::new(Language::English).analyze(text, &sentences);
//! // "markets"/"market" and "rallied"/"rally" share stems; "the" is a stop word.
//! assert_eq!(document.terms(0), &document.terms(1)[..2]);
//! assert_eq!(document.word_count(1), 5);
//! assert_eq!(document.vocabulary().stem(document.terms(1)[3]), "stock");
//! ```

mod word_table;
mod words;

pub(crate) use words::for_each_word;

use std::sync::atomic::{AtomicU64, Ordering};

use rust_stemmers::Stemmer;
use rustc_hash::FxHashSet;

use crate::language::Language;
use crate::segment::Sentence;

/// A term: an index into the document's [`Vocabulary`].
pub type TermId = u32;

/// Lower-cases, drops stop words and stems, for one language. Build it once; it is `Send + Sync`.
pub struct Analyzer {
    language: Language,
    stemmer: Stemmer,
    stop_words: FxHashSet<String>,
    /// Names this analyzer's per-thread word table; a clone has the same stop words, so the same table.
    id: u64,
}

/// Gives every analyzer built its own id.
static NEXT_ANALYZER_ID: AtomicU64 = AtomicU64::new(0);

impl std::fmt::Debug for Analyzer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Analyzer").field("language", &self.language).finish_non_exhaustive()
    }
}

impl Clone for Analyzer {
    fn clone(&self) -> Self {
        Analyzer {
            language: self.language,
            stemmer: Stemmer::create(self.language.stemmer_algorithm()),
            stop_words: self.stop_words.clone(),
            id: self.id,
        }
    }
}

impl Analyzer {
    /// An analyzer with the stemmer and stop words of `language`.
    pub fn new(language: Language) -> Self {
        Self::with_extra_stop_words(language, std::iter::empty::<&str>())
    }

    /// An analyzer that also treats `extra` words (any case) as stop words.
    ///
    /// ```
    /// use nutgraf::{Analyzer, Language, SentenceSplitter};
    ///
    /// let text = "Reuters reported the deal.";
    /// let sentences = SentenceSplitter::new(Language::English).split(text);
    /// let analyzer = Analyzer::with_extra_stop_words(Language::English, ["reuters"]);
    /// assert_eq!(analyzer.analyze(text, &sentences).terms(0).len(), 2);
    /// ```
    pub fn with_extra_stop_words<I, S>(language: Language, extra: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut stop_words: FxHashSet<String> = language.stop_words().map(normalize_word).collect();
        stop_words.extend(extra.into_iter().map(|w| normalize_word(w.as_ref())));
        Analyzer {
            language,
            stemmer: Stemmer::create(language.stemmer_algorithm()),
            stop_words,
            id: NEXT_ANALYZER_ID.fetch_add(1, Ordering::Relaxed),
        }
    }

    /// The language this analyzer was built for.
    pub fn language(&self) -> Language {
        self.language
    }

    /// Whether `word` (any case) is a stop word.
    ///
    /// ```
    /// let analyzer = nutgraf::Analyzer::new(nutgraf::Language::English);
    /// assert!(analyzer.is_stop_word("The") && !analyzer.is_stop_word("market"));
    /// ```
    pub fn is_stop_word(&self, word: &str) -> bool {
        self.stop_words.contains(&normalize_word(word))
    }

    /// The stem of one word (lower-cased first).
    ///
    /// ```
    /// let analyzer = nutgraf::Analyzer::new(nutgraf::Language::English);
    /// assert_eq!(analyzer.stem("Running"), "run");
    /// ```
    pub fn stem(&self, word: &str) -> String {
        self.stemmer.stem(&normalize_word(word)).into_owned()
    }

    /// Analyzes every sentence of `text`.
    pub fn analyze(&self, text: &str, sentences: &[Sentence]) -> AnalyzedDocument {
        let lexicon = word_table::Lexicon { stop_words: &self.stop_words, stemmer: &self.stemmer };
        word_table::with_table(self.id, |table| {
            table.begin_document();
            // News prose has about one term per 5 bytes and one distinct stem per 10, of about 6 bytes: sized
            // so that the arrays of an article rarely grow, and never by much.
            let mut vocabulary = Vocabulary::with_capacity(text.len() / 8, text.len() / 2);
            let mut terms = Vec::with_capacity(text.len() / 4);
            let mut term_ends = Vec::with_capacity(sentences.len());
            let mut word_counts = Vec::with_capacity(sentences.len());
            for sentence in sentences {
                let mut words: u32 = 0;
                words::for_each_word(sentence.text(text), |word| {
                    words = words.saturating_add(1);
                    if let Some(stem) = table.stem_of(word, &lexicon) {
                        terms.push(table.term(stem, &mut vocabulary));
                    }
                });
                term_ends.push(terms.len());
                word_counts.push(words);
            }
            table.end_document();
            AnalyzedDocument { vocabulary, terms, term_ends, word_counts }
        })
    }
}

/// Lower-case, with typographic apostrophes made ASCII so that "Japan’s" stems like "Japan's".
fn normalize_word(word: &str) -> String {
    let lower = word.to_lowercase();
    if lower.contains('\u{2019}') { lower.replace('\u{2019}', "'") } else { lower }
}

/// The distinct stems of one document; a [`TermId`] indexes it.
#[derive(Clone, Debug, Default)]
pub struct Vocabulary {
    /// The stems, concatenated; stem `i` ends at `ends[i]`.
    text: String,
    ends: Vec<usize>,
}

impl Vocabulary {
    /// Room for `stems` stems of `bytes` bytes in all.
    fn with_capacity(stems: usize, bytes: usize) -> Vocabulary {
        Vocabulary { text: String::with_capacity(bytes), ends: Vec::with_capacity(stems) }
    }

    /// Appends a stem (the caller knows it is new) and returns its id.
    fn push(&mut self, stem: &str) -> TermId {
        self.text.push_str(stem);
        self.ends.push(self.text.len());
        TermId::try_from(self.ends.len() - 1).unwrap_or(TermId::MAX)
    }

    /// Number of distinct terms.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether the document had no terms at all.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The stem a term stands for (`""` for an id from another document).
    pub fn stem(&self, id: TermId) -> &str {
        let id = id as usize;
        let Some(&end) = self.ends.get(id) else { return "" };
        let start = if id == 0 { 0 } else { self.ends[id - 1] };
        &self.text[start..end]
    }
}

/// The terms of each sentence of one document, in reading order, stop words removed.
#[derive(Clone, Debug)]
pub struct AnalyzedDocument {
    vocabulary: Vocabulary,
    /// All sentences' terms, concatenated; sentence `i` owns `terms[term_ends[i-1]..term_ends[i]]`.
    terms: Vec<TermId>,
    term_ends: Vec<usize>,
    word_counts: Vec<u32>,
}

impl AnalyzedDocument {
    /// Number of sentences.
    pub fn len(&self) -> usize {
        self.term_ends.len()
    }

    /// Whether the document has no sentences.
    pub fn is_empty(&self) -> bool {
        self.term_ends.is_empty()
    }

    /// The content terms of sentence `index`, in order, with repeats (empty for an index out of range).
    pub fn terms(&self, index: usize) -> &[TermId] {
        let end = self.term_ends.get(index).copied().unwrap_or(0);
        let start = if index == 0 { 0 } else { self.term_ends.get(index - 1).copied().unwrap_or(end) };
        &self.terms[start.min(end)..end]
    }

    /// Number of words in sentence `index`, stop words included.
    pub fn word_count(&self, index: usize) -> usize {
        self.word_counts.get(index).map_or(0, |&n| n as usize)
    }

    /// The document's vocabulary.
    pub fn vocabulary(&self) -> &Vocabulary {
        &self.vocabulary
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::SentenceSplitter;

    fn analyze(language: Language, text: &str) -> AnalyzedDocument {
        let sentences = SentenceSplitter::new(language).split(text);
        Analyzer::new(language).analyze(text, &sentences)
    }

    #[test]
    fn typographic_apostrophes_stem_like_ascii_ones() {
        let document = analyze(Language::English, "Japan’s chips. Japan's chips.");
        assert_eq!(document.terms(0), document.terms(1));
    }

    #[test]
    fn every_language_stems_and_drops_its_stop_words() {
        for (language, text, expected_stem) in [
            (Language::German, "Die Häuser sind groß.", "haus"),
            (Language::French, "Les maisons sont grandes.", "maison"),
            (Language::Spanish, "Las casas son grandes.", "cas"),
            (Language::Russian, "Они видели дома.", "дом"),
        ] {
            let document = analyze(language, text);
            let stems: Vec<&str> = document.terms(0).iter().map(|&t| document.vocabulary().stem(t)).collect();
            assert!(stems.contains(&expected_stem), "{language}: {stems:?}");
            assert_eq!(stems.len(), 2, "{language}: stop words kept in {stems:?}");
        }
    }

    #[test]
    fn out_of_range_indices_are_empty() {
        let document = analyze(Language::English, "One sentence.");
        assert!(document.terms(5).is_empty());
        assert_eq!(document.word_count(5), 0);
    }
}
