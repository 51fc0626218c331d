//! `rouge-score`'s default tokenizer: lower-case, every run of characters other than `a`–`z` and `0`–`9`
//! is a separator, and (with stemming) words longer than three letters are Porter-stemmed. Tokens become
//! integer ids in a table shared by all the texts a scorer sees, so that scoring compares integers and
//! every distinct word is stemmed once.

use std::sync::{PoisonError, RwLock};

use rustc_hash::FxHashMap;

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
    pub(crate) fn new(stemming: bool) -> Self {
        TokenTable { stemming, inner: RwLock::default() }
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
            for_each_raw_token(text, |raw| match tables.words.get(raw) {
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
