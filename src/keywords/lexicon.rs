//! What general English says about a word, for keyphrases: how many documents of a reference corpus
//! use it (so that a word every text uses counts less than one that marks this text's subject: IDF),
//! and its usual part of speech (so that verbs and adverbs stay out of phrases without a tagger).
//!
//! The table, `data/keywords/english_lexicon.tsv`, is derived from the Brown Corpus by
//! `data/scripts/build_keyword_lexicon.py` (counts only, no text; `data/README.md` names the source and
//! its licence). It is parsed once, on the first English text.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

const TABLE: &str = include_str!("../../data/keywords/english_lexicon.tsv");

/// A word's graph score is multiplied by its general-English IDF to this power: a word every text uses
/// (`year`, `people`) says less about this one than a rarer word as central in the graph. Tuned on the
/// three dev sets together (README, "Keywords"): 0.5 to 1 all gain on every set over none.
pub(super) const IDF_EXPONENT: f64 = 0.75;

/// Documents in the reference corpus (the Brown Corpus's 500 samples).
const DOCUMENTS: f64 = 500.0;

/// A word's usual part of speech in the reference corpus, where one dominates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum WordClass {
    Noun,
    Adjective,
    /// A base, past or third-person form (not a participle, which modifies nouns as often).
    Verb,
    Adverb,
    /// Determiners, pronouns, prepositions, conjunctions and the like.
    Closed,
    /// No part of speech dominates.
    Mixed,
}

/// One word of the table.
#[derive(Clone, Copy, Debug)]
pub(super) struct WordInfo {
    /// In how many reference documents the word occurs.
    pub documents: u16,
    pub class: WordClass,
}

impl WordInfo {
    /// A word the reference corpus does not have (or has in fewer than three documents): rare.
    pub const UNKNOWN: WordInfo = WordInfo { documents: 0, class: WordClass::Mixed };

    /// Smoothed inverse document frequency, `ln((N + 1) / (df + 1))`: about 6.2 for an unknown word,
    /// below 1 for the commonest.
    pub fn idf(self) -> f64 {
        ((DOCUMENTS + 1.0) / (f64::from(self.documents) + 1.0)).ln()
    }

    /// What a word's graph score is multiplied by: `idf^IDF_EXPONENT`.
    pub fn weight(self) -> f64 {
        self.idf().powf(IDF_EXPONENT)
    }
}

/// Lower-case word → what the table says of it.
fn table() -> &'static FxHashMap<&'static str, WordInfo> {
    static TABLE_MAP: OnceLock<FxHashMap<&'static str, WordInfo>> = OnceLock::new();
    TABLE_MAP.get_or_init(|| {
        let mut map = FxHashMap::default();
        for line in crate::language::data_lines(TABLE) {
            let mut fields = line.split('\t');
            let (Some(word), Some(documents), Some(class)) = (fields.next(), fields.next(), fields.next()) else {
                continue;
            };
            let Ok(documents) = documents.parse::<u16>() else { continue };
            let class = match class {
                "N" => WordClass::Noun,
                "J" => WordClass::Adjective,
                "V" => WordClass::Verb,
                "R" => WordClass::Adverb,
                "O" => WordClass::Closed,
                _ => WordClass::Mixed,
            };
            map.insert(word, WordInfo { documents, class });
        }
        map
    })
}

/// What the table says of the lower-case `word`.
pub(super) fn lookup(word: &str) -> WordInfo {
    table().get(word).copied().unwrap_or(WordInfo::UNKNOWN)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_words_have_low_idf_and_their_usual_class() {
        let said = lookup("said");
        assert_eq!(said.class, WordClass::Verb);
        assert!(said.idf() < 1.0, "{said:?}");
        assert_eq!(lookup("perhaps").class, WordClass::Adverb);
        assert!(lookup("xylophonist-robot").idf() > 6.0);
        assert!(table().len() > 10_000);
    }
}
