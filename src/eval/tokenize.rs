//! `rouge-score`'s default tokenizer: lower-case, every run of characters other than `a`–`z` and `0`–`9`
//! is a separator, and (with stemming) words longer than three letters are Porter-stemmed. Or the
//! language-neutral one of `score_multilingual.py`, for text in any language. Tokens become integer ids
//! in a table shared by all the texts a scorer sees, so that scoring compares integers and every
//! distinct word is stemmed once.

use std::sync::{OnceLock, PoisonError, RwLock};

use regex::Regex;
use rustc_hash::FxHashMap;
use unicode_normalization::UnicodeNormalization;

use super::porter::PorterStemmer;

/// An interned token: equal ids mean equal (stemmed) tokens.
pub(crate) type TokenId = usize;

/// Calls `emit` with each raw token of `text`, in order: the maximal runs of `[a-z0-9]` after Unicode
/// lower-casing (Python's `str.lower`, so `İ` yields an `i` and the Kelvin sign a `k`).
pub(crate) fn for_each_raw_token(text: &str, mut emit: impl FnMut(&str)) {
    let mut token = String::new();
    let mut push = |c: char, token: &mut String| {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            token.push(c);
        } else if !token.is_empty() {
            emit(token);
            token.clear();
        }
    };
    for c in text.chars() {
        if c.is_ascii() {
            push(c.to_ascii_lowercase(), &mut token);
        } else {
            for lower in c.to_lowercase() {
                push(lower, &mut token);
            }
        }
    }
    push(' ', &mut token);
}

/// How a scorer cuts text into tokens.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tokenizer {
    /// `rouge-score`'s own: runs of `a`–`z`/`0`–`9` after lower-casing (accented and non-Latin letters
    /// are separators), Porter-stemmed if the scorer stems.
    #[default]
    RougeScore,
    /// The language-neutral tokenizer of the project's `score_multilingual.py`: NFC, lower-case, U+0307
    /// COMBINING DOT ABOVE deleted (Turkish `İ`), then maximal runs of Unicode letters, marks and
    /// digits (`[\p{L}\p{M}\p{N}]+`); never stemmed.
    Unicode,
}

/// Calls `emit` with each token of `text` under the language-neutral tokenizer.
pub(crate) fn for_each_unicode_token(text: &str, mut emit: impl FnMut(&str)) {
    static TOKEN: OnceLock<Regex> = OnceLock::new();
    // A constant pattern of Unicode classes, which the regex crate always has.
    let token = TOKEN.get_or_init(|| Regex::new(r"[\p{L}\p{M}\p{N}]+").expect("a valid constant pattern"));
    let normalized: String = text.nfc().collect::<String>().to_lowercase().replace('\u{307}', "");
    for found in token.find_iter(&normalized) {
        emit(found.as_str());
    }
}

/// The token a raw token becomes: its Porter stem if stemming and it is longer than three characters.
/// `rouge-score` then drops anything that is not `^[a-z0-9]+$`; a stem of a lower-case ASCII word
/// always is, unless it were empty.
pub(crate) fn final_token(raw: &str, stemming: bool) -> Option<String> {
    let token = if stemming && raw.len() > 3 { PorterStemmer.stem(raw) } else { raw.to_string() };
    (!token.is_empty()).then_some(token)
}

/// Maps raw tokens to token ids, remembering every word it has seen. Readers share it; a text with
/// unseen words takes the write lock once for all of them.
#[derive(Debug, Default)]
pub(crate) struct TokenTable {
    stemming: bool,
    tokenizer: Tokenizer,
    inner: RwLock<Tables>,
}

#[derive(Debug, Default)]
struct Tables {
    /// Raw token → id of its final token (`None`: dropped).
    words: FxHashMap<Box<str>, Option<TokenId>>,
    /// Final token → id.
    tokens: FxHashMap<Box<str>, TokenId>,
}

impl Tables {
    fn resolve(&mut self, raw: &str, stemming: bool) -> Option<TokenId> {
        if let Some(&id) = self.words.get(raw) {
            return id;
        }
        let id = final_token(raw, stemming).map(|token| {
            let next = self.tokens.len();
            *self.tokens.entry(token.into_boxed_str()).or_insert(next)
        });
        self.words.insert(raw.into(), id);
        id
    }
}

impl TokenTable {
    #[cfg(test)]
    pub(crate) fn new(stemming: bool) -> Self {
        Self::with_tokenizer(Tokenizer::RougeScore, stemming)
    }

    /// A table for `tokenizer`; the language-neutral one never stems.
    pub(crate) fn with_tokenizer(tokenizer: Tokenizer, stemming: bool) -> Self {
        TokenTable { stemming: stemming && tokenizer == Tokenizer::RougeScore, tokenizer, inner: RwLock::default() }
    }

    pub(crate) fn tokenizer(&self) -> Tokenizer {
        self.tokenizer
    }

    /// Calls `emit` with each raw token of `text` under this table's tokenizer.
    pub(crate) fn for_each_raw_token(&self, text: &str, emit: impl FnMut(&str)) {
        match self.tokenizer {
            Tokenizer::RougeScore => for_each_raw_token(text, emit),
            Tokenizer::Unicode => for_each_unicode_token(text, emit),
        }
    }

    pub(crate) fn stemming(&self) -> bool {
        self.stemming
    }

    /// Number of distinct raw words seen so far.
    pub(crate) fn words_seen(&self) -> usize {
        self.inner.read().unwrap_or_else(PoisonError::into_inner).words.len()
    }

    /// The token ids of `text`.
    pub(crate) fn tokenize(&self, text: &str) -> Vec<TokenId> {
        // Slots are filled from the table under the read lock; words it has not seen are resolved
        // afterwards under one write lock.
        let mut ids: Vec<Option<TokenId>> = Vec::new();
        let mut unseen: Vec<(usize, String)> = Vec::new();
        {
            let tables = self.inner.read().unwrap_or_else(PoisonError::into_inner);
            self.for_each_raw_token(text, |raw| match tables.words.get(raw) {
                Some(&id) => ids.push(id),
                None => {
                    unseen.push((ids.len(), raw.to_string()));
                    ids.push(None);
                }
            });
        }
        if !unseen.is_empty() {
            let mut tables = self.inner.write().unwrap_or_else(PoisonError::into_inner);
            for (slot, raw) in unseen {
                ids[slot] = tables.resolve(&raw, self.stemming);
            }
        }
        ids.into_iter().flatten().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw_tokens(text: &str) -> Vec<String> {
        let mut tokens = Vec::new();
        for_each_raw_token(text, |t| tokens.push(t.to_string()));
        tokens
    }

    #[test]
    fn raw_tokens_are_lowercase_ascii_alphanumeric_runs() {
        assert_eq!(
            raw_tokens("The U.S. economy grew 2.5% in Q3—“fast”!"),
            ["the", "u", "s", "economy", "grew", "2", "5", "in", "q3", "fast"]
        );
        assert_eq!(raw_tokens("café naïve"), ["caf", "na", "ve"]);
        assert_eq!(raw_tokens("İstanbul \u{212A}elvin"), ["i", "stanbul", "kelvin"]);
        assert!(raw_tokens(" \n—…").is_empty());
    }

    #[test]
    fn table_gives_equal_ids_to_equal_stems() {
        let table = TokenTable::new(true);
        let ids = table.tokenize("Running runs; RUN ran");
        assert_eq!(ids[0], ids[1]);
        assert_eq!(ids[1], ids[2]);
        assert_ne!(ids[2], ids[3]);
        assert_eq!(table.tokenize("runs ran"), [ids[1], ids[3]]);
        assert_eq!(table.words_seen(), 4);
    }

    #[test]
    fn unicode_tokens_are_letter_mark_digit_runs_in_any_script() {
        let mut tokens = Vec::new();
        for_each_unicode_token("Décès à İstanbul: ΟΔΟΣ 3,5 % — Москва e\u{301}té 東京", |t| {
            tokens.push(t.to_string())
        });
        assert_eq!(tokens, ["décès", "à", "istanbul", "οδος", "3", "5", "москва", "été", "東京"]);
        let table = TokenTable::with_tokenizer(Tokenizer::Unicode, true);
        assert!(!table.stemming());
        assert_eq!(table.tokenize("running Running"), [0, 0]);
    }

    #[test]
    fn short_words_are_not_stemmed() {
        let table = TokenTable::new(true);
        // "ties" stems to "tie"; "tie" itself is short and stays "tie"; "tied" → "tie".
        let ids = table.tokenize("ties tie tied was");
        assert_eq!(ids[0], ids[1]);
        assert_eq!(ids[1], ids[2]);
        let unstemmed = TokenTable::new(false);
        let ids = unstemmed.tokenize("ties tie");
        assert_ne!(ids[0], ids[1]);
    }
}
