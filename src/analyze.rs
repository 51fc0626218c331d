//! Stage 2: analysis. Turns each sentence into the terms that scoring compares.
//!
//! A word is a UAX #29 word (as `unicode-segmentation` finds them, with an ASCII fast path); it is
//! lower-cased, dropped if it is a stop word, and reduced to its Snowball stem (`rust-stemmers`). Each
//! distinct stem gets a small integer id in a per-document vocabulary, so that everything downstream
//! works on integers, never on strings. Each surface form is classified once per thread and analyzer,
//! not once per occurrence (see `word_table`).
//!
//! For a language without a stemmer ([`Analyzer::language_neutral`]) a term is the lower-cased word
//! itself, nothing is a stop word, and a run of ideographs or kana, where UAX #29 makes each character a
//! word, gives its character bigrams, the usual unit of Chinese and Japanese retrieval.
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

mod english;
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
    /// `None` for the language-neutral analyzer.
    language: Option<Language>,
    stemmer: Option<Stemmer>,
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
            stemmer: self.language.map(|language| Stemmer::create(language.stemmer_algorithm())),
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
            language: Some(language),
            stemmer: Some(Stemmer::create(language.stemmer_algorithm())),
            stop_words,
            id: NEXT_ANALYZER_ID.fetch_add(1, Ordering::Relaxed),
        }
    }

    /// An analyzer for any language, for texts in one that nutgraf has no stemmer for: no stems, no
    /// stop words; Unicode words, lower-cased; runs of ideographs and kana as character bigrams.
    ///
    /// ```
    /// use nutgraf::{Analyzer, Language, SentenceSplitter};
    ///
    /// let text = "Rząd przedstawił projekt ustawy. 東京都は新しい計画を発表した。";
    /// let sentences = SentenceSplitter::new(Language::English).split(text);
    /// let document = Analyzer::language_neutral().analyze(text, &sentences);
    /// let terms = |i| -> Vec<&str> { document.terms(i).iter().map(|&t| document.vocabulary().stem(t)).collect() };
    /// assert_eq!(terms(0), ["rząd", "przedstawił", "projekt", "ustawy"]);
    /// assert_eq!(&terms(1)[..3], ["東京", "京都", "都は"]);
    /// ```
    pub fn language_neutral() -> Self {
        Analyzer {
            language: None,
            stemmer: None,
            stop_words: FxHashSet::default(),
            id: NEXT_ANALYZER_ID.fetch_add(1, Ordering::Relaxed),
        }
    }

    /// The language this analyzer was built for; `None` for the [language-neutral](Self::language_neutral) one.
    pub fn language(&self) -> Option<Language> {
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
        let word = normalize_word(word);
        let english = self.language == Some(Language::English);
        stem_lowercased(&word, self.stemmer.as_ref(), english, &mut Vec::new()).into_owned()
    }

    /// Analyzes every sentence of `text`.
    pub fn analyze(&self, text: &str, sentences: &[Sentence]) -> AnalyzedDocument {
        self.analyze_with_title(text, sentences, None).0
    }

    /// Analyzes every sentence of `text`, and a title that stands apart from it: the title's terms share
    /// the document's vocabulary, so they compare with its sentences' terms.
    ///
    /// ```
    /// use nutgraf::{Analyzer, Language, SentenceSplitter};
    ///
    /// let text = "Rates rose again. Lunch was late.";
    /// let sentences = SentenceSplitter::new(Language::English).split(text);
    /// let analyzer = Analyzer::new(Language::English);
    /// let (document, title) = analyzer.analyze_with_title(text, &sentences, Some("Rates rise"));
    /// let title = title.unwrap_or_default();
    /// assert_eq!(title.len(), 2);
    /// assert_eq!(title[0], document.terms(0)[0]);
    /// ```
    pub fn analyze_with_title(
        &self,
        text: &str,
        sentences: &[Sentence],
        title: Option<&str>,
    ) -> (AnalyzedDocument, Option<Vec<TermId>>) {
        let lexicon = word_table::Lexicon {
            stop_words: &self.stop_words,
            stemmer: self.stemmer.as_ref(),
            english: self.language == Some(Language::English),
        };
        let neutral = self.stemmer.is_none();
        let mut bigram = String::new();
        word_table::with_table(self.id, |table| {
            table.begin_document();
            // News prose has about one term per 5 bytes and one distinct stem per 10, of about 6 bytes: sized
            // so that the arrays of an article rarely grow, and never by much.
            let mut vocabulary = Vocabulary::with_capacity(text.len() / 8, text.len() / 2);
            let mut terms = Vec::with_capacity(text.len() / 4);
            let mut term_ends = Vec::with_capacity(sentences.len());
            let mut word_counts = Vec::with_capacity(sentences.len());
            // The terms of one piece of text (a sentence, the title) appended to `out`; its word count.
            let mut terms_of = |piece: &str, out: &mut Vec<TermId>, vocabulary: &mut Vocabulary| -> u32 {
                if neutral {
                    let mut forms: Vec<&str> = Vec::new();
                    words::for_each_word(piece, |word| forms.push(word));
                    for_each_neutral_form(&forms, &mut bigram, |form| {
                        if let Some(stem) = table.stem_of(form, &lexicon) {
                            out.push(table.term(stem, vocabulary));
                        }
                    });
                    u32::try_from(forms.len()).unwrap_or(u32::MAX)
                } else {
                    let mut words: u32 = 0;
                    words::for_each_word(piece, |word| {
                        words = words.saturating_add(1);
                        if let Some(stem) = table.stem_of(word, &lexicon) {
                            out.push(table.term(stem, vocabulary));
                        }
                    });
                    words
                }
            };
            for sentence in sentences {
                let words = terms_of(sentence.text(text), &mut terms, &mut vocabulary);
                term_ends.push(terms.len());
                word_counts.push(words);
            }
            let title_terms = title.map(|title| {
                let mut title_terms = Vec::new();
                terms_of(title, &mut title_terms, &mut vocabulary);
                title_terms
            });
            table.end_document();
            (AnalyzedDocument { vocabulary, terms, term_ends, word_counts }, title_terms)
        })
    }
}

/// Calls `emit` with the term forms of a sentence's `words` for language-neutral analysis: each word,
/// except that a run of single-character ideograph or kana words that touch in the text gives the
/// bigrams of its characters (a run of one, the character).
fn for_each_neutral_form(words: &[&str], bigram: &mut String, mut emit: impl FnMut(&str)) {
    let mut i = 0;
    while i < words.len() {
        if !is_cjk_character(words[i]) {
            emit(words[i]);
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < words.len() && is_cjk_character(words[end]) && touch(words[end - 1], words[end]) {
            end += 1;
        }
        if end - i == 1 {
            emit(words[i]);
        }
        for pair in words[i..end].windows(2) {
            bigram.clear();
            bigram.push_str(pair[0]);
            bigram.push_str(pair[1]);
            emit(bigram);
        }
        i = end;
    }
}

/// Whether `word` is one ideograph or kana: the characters that UAX #29 makes words of one by one.
fn is_cjk_character(word: &str) -> bool {
    let mut chars = word.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else { return false };
    matches!(u32::from(c),
        0x3040..=0x30FF | 0x31F0..=0x31FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF)
}

/// Whether `second` starts where `first` ends: both are slices of one sentence.
fn touch(first: &str, second: &str) -> bool {
    first.as_ptr() as usize + first.len() == second.as_ptr() as usize
}

/// The stem of a word already lower-cased: English ASCII words by the byte-level rules of [`english`]
/// (`buffer` holds the stem), other words by `stemmer`, and the word itself for language-neutral
/// analysis (no stemmer). The one place that decides, so that [`Analyzer::stem`] and the word table
/// never disagree.
fn stem_lowercased<'a>(
    word: &'a str,
    stemmer: Option<&Stemmer>,
    english: bool,
    buffer: &'a mut Vec<u8>,
) -> std::borrow::Cow<'a, str> {
    if english
        && english::stem_ascii(word, buffer)
        && let Ok(stem) = std::str::from_utf8(buffer)
    {
        return std::borrow::Cow::Borrowed(stem);
    }
    match stemmer {
        Some(stemmer) => stemmer.stem(word),
        None => std::borrow::Cow::Borrowed(word),
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
    fn the_neutral_analyzer_keeps_every_word_and_pairs_ideographs() {
        let text = "The Rząd and the rząd. 北京大学。カタカナ語";
        let sentences = SentenceSplitter::new(Language::English).split(text);
        let document = Analyzer::language_neutral().analyze(text, &sentences);
        let stems =
            |i: usize| -> Vec<&str> { document.terms(i).iter().map(|&t| document.vocabulary().stem(t)).collect() };
        assert_eq!(stems(0), ["the", "rząd", "and", "the", "rząd"]);
        assert_eq!(document.terms(0)[1], document.terms(0)[4]);
        let rest: Vec<&str> = (1..document.len()).flat_map(stems).collect();
        assert_eq!(rest, ["北京", "京大", "大学", "カタカナ", "語"]);
        assert_eq!(Analyzer::language_neutral().stem("Running"), "running");
        assert_eq!(Analyzer::language_neutral().language(), None);
    }

    #[test]
    fn out_of_range_indices_are_empty() {
        let document = analyze(Language::English, "One sentence.");
        assert!(document.terms(5).is_empty());
        assert_eq!(document.word_count(5), 0);
    }
}
