//! A per-thread memo of Snowball stems, shared by every document a thread analyzes.
//!
//! Stemming is a pure function of the language and the lower-cased word, and with a per-document cache
//! alone it still took about 60% of the analyzer's instructions on the dev articles. News vocabulary
//! repeats from article to article, so after a few hundred articles almost every word is found here. The memo lives per thread (no locks, the `Summarizer` stays `Send +
//! Sync`), and it only ever returns what the stemmer would, so output does not depend on what ran before.

use std::cell::RefCell;
use std::sync::Arc;

use rust_stemmers::Stemmer;
use rustc_hash::FxHashMap;

use crate::language::Language;

/// Words remembered per language and thread; past this the memo starts over, which bounds its memory
/// (a few MB) whatever the input.
const MAX_WORDS: usize = 1 << 16;

thread_local! {
    static MEMOS: RefCell<Vec<(Language, StemMemo)>> = const { RefCell::new(Vec::new()) };
}

/// Lower-cased word → stem, for one language.
#[derive(Default)]
pub(super) struct StemMemo {
    stems: FxHashMap<Box<str>, Arc<str>>,
}

impl StemMemo {
    /// The stem of `word` (lower-cased already).
    pub(super) fn stem(&mut self, stemmer: &Stemmer, word: &str) -> Arc<str> {
        if let Some(stem) = self.stems.get(word) {
            return Arc::clone(stem);
        }
        if self.stems.len() >= MAX_WORDS {
            self.stems.clear();
        }
        let stem: Arc<str> = Arc::from(stemmer.stem(word).as_ref());
        self.stems.insert(Box::from(word), Arc::clone(&stem));
        stem
    }
}

/// Runs `f` with this thread's memo for `language`.
pub(super) fn with_memo<R>(language: Language, f: impl FnOnce(&mut StemMemo) -> R) -> R {
    MEMOS.with(|memos| match memos.try_borrow_mut() {
        Ok(mut memos) => {
            let index = match memos.iter().position(|(l, _)| *l == language) {
                Some(index) => index,
                None => {
                    memos.push((language, StemMemo::default()));
                    memos.len() - 1
                }
            };
            f(&mut memos[index].1)
        }
        // Only reachable if `f` itself analyzed text on this thread: give it a memo of its own.
        Err(_) => f(&mut StemMemo::default()),
    })
}
