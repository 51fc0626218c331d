//! The cue phrases of `data/noise/<language>.txt`, and which of their lists each sentence has a phrase of.
//!
//! The phrases are found by one Aho-Corasick automaton (the `aho-corasick` crate, as a DFA) in one
//! pass over the whole text, whatever the number of phrases; each language's automaton is built once
//! per process and shared by every detector. A phrase only counts at word boundaries ("ap" is not a
//! cue inside "happen").

use std::fmt;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use crate::language::Language;
use crate::segment::Sentence;

/// The lists of `data/noise/<language>.txt`; a `[name]` line starts one. Each list but the bylines
/// is a bit in a sentence's cue mask.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum CueList {
    /// Phrases that address the reader or speak for the site: "sign up", "we use cookies".
    Prompt = 1,
    /// Names that furniture uses and prose uses too: "Facebook", "Reuters", "privacy policy".
    Mention = 2,
    /// Words of photo credits: "photo", "courtesy", "AP".
    Credit = 4,
    /// Phrases of captions: "file photo", "(left)".
    Caption = 8,
    /// Labels of what interrupts an article's text: "Advertisement", "Story continues below".
    Interruption = 16,
    /// Calls to action, a prompt when they open a sentence: "Sign up (it's free)", "Subscribe to …".
    Call = 32,
    /// Words that open a byline: "by", "written by".
    Byline = 64,
}

/// What may come before a call to action that opens a sentence: a quote mark or a bullet and a space.
const MAX_OPENING_BYTES: usize = 4;

/// The cue phrases of one language, and its byline words.
pub(super) struct CuePhrases {
    /// All phrases but the bylines, ASCII-case-insensitively, every overlapping match reported.
    automaton: AhoCorasick,
    /// The lists (as [`CueList`] bits) of each phrase, by pattern id.
    lists: Vec<u8>,
    /// The words that open a byline ("by", "written by"), which are not looked for in the automaton.
    pub(super) bylines: Vec<&'static str>,
}

impl fmt::Debug for CuePhrases {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CuePhrases")
            .field("phrases", &self.lists.len())
            .field("bylines", &self.bylines)
            .finish_non_exhaustive()
    }
}

impl CuePhrases {
    /// The phrases of `language`, built on first use and then shared for the rest of the process.
    pub(super) fn of(language: Language) -> &'static CuePhrases {
        static BUILT: [OnceLock<CuePhrases>; Language::ALL.len()] = [const { OnceLock::new() }; Language::ALL.len()];
        let slot = Language::ALL.iter().position(|&l| l == language).unwrap_or(0);
        BUILT[slot].get_or_init(|| CuePhrases::build(language))
    }

    fn build(language: Language) -> CuePhrases {
        let mut phrases: Vec<&'static str> = Vec::new();
        let mut lists: Vec<u8> = Vec::new();
        let mut bylines = Vec::new();
        let mut list = CueList::Prompt;
        for entry in language.noise_cues() {
            list = match entry {
                "[prompt]" => CueList::Prompt,
                "[mention]" => CueList::Mention,
                "[credit]" => CueList::Credit,
                "[caption]" => CueList::Caption,
                "[interruption]" => CueList::Interruption,
                "[call]" => CueList::Call,
                "[byline]" => CueList::Byline,
                _ if list == CueList::Byline => {
                    bylines.push(entry);
                    list
                }
                _ => {
                    phrases.push(entry);
                    lists.push(list as u8);
                    list
                }
            };
        }
        // A DFA: the cue lists are a few hundred short phrases, so its table stays small, and it takes one
        // look-up per byte of text. Overlapping matches need the standard match semantics.
        let automaton = AhoCorasick::builder()
            .kind(Some(AhoCorasickKind::DFA))
            .match_kind(MatchKind::Standard)
            .ascii_case_insensitive(true)
            .prefilter(false)
            .build(&phrases)
            // The lists are compiled in, and a test builds every language's automaton; building only fails
            // beyond size limits that a few hundred short phrases are far from.
            .expect("compiled-in cue phrases build an automaton");
        CuePhrases { automaton, lists, bylines }
    }

    /// The lists (as [`CueList`] bits) each sentence has a phrase of, the phrase at word boundaries,
    /// ASCII-case-insensitively. A call to action that opens a sentence after at most a quote or a bullet
    /// also counts as a prompt.
    pub(super) fn masks(&self, text: &str, sentences: &[Sentence]) -> Vec<u8> {
        let bytes = text.as_bytes();
        let mut masks = vec![0u8; sentences.len()];
        for found in self.automaton.find_overlapping_iter(text) {
            let (start, end) = (found.start(), found.end());
            // Short phrases ("ap", "rss") occur inside many words: only whole words count.
            if bytes.get(end).is_some_and(|&b| is_word_byte(b)) || (start > 0 && is_word_byte(bytes[start - 1])) {
                continue;
            }
            let lists = self.lists.get(found.pattern().as_usize()).copied().unwrap_or(0);
            let k = sentences.partition_point(|s| s.end <= start);
            let Some(sentence) = sentences.get(k) else {
                continue;
            };
            if sentence.start <= start && end <= sentence.end {
                // A call opens the sentence when at most a quote or a bullet comes before it.
                let opens = lists & CueList::Call as u8 != 0
                    && start - sentence.start <= MAX_OPENING_BYTES
                    && text.get(sentence.start..start).is_some_and(|s| s.chars().all(|c| !c.is_alphanumeric()));
                masks[k] |= if opens { lists | CueList::Prompt as u8 } else { lists };
            }
        }
        masks
    }
}

/// A byte of a word: an ASCII letter or digit, or any byte of a non-ASCII character.
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_builds_its_automaton() {
        for language in Language::ALL {
            let phrases = CuePhrases::of(language);
            assert!(!phrases.lists.is_empty(), "{language}");
        }
    }

    #[test]
    fn phrases_are_found_in_any_case_where_they_overlap_and_only_as_whole_words() {
        let phrases = CuePhrases::of(Language::English);
        let text = "A FILE PHOTO of the sign-up page.";
        let sentences = [Sentence {
            start: 0,
            end: text.len(),
            paragraph: 0,
            line: 0,
            starts_line: true,
            ends_line: true,
            terminated: true,
        }];
        // "file photo" (a prompt and a caption), "photo" (a credit) and "file" (a credit) overlap.
        let mask = phrases.masks(text, &sentences)[0];
        assert_eq!(
            mask & (CueList::Caption as u8 | CueList::Credit as u8),
            CueList::Caption as u8 | CueList::Credit as u8
        );
        // "ap" is a credit, but not inside "happen".
        let text = "It can happen.";
        let sentences = [Sentence { end: text.len(), ..sentences[0] }];
        assert_eq!(phrases.masks(text, &sentences)[0] & CueList::Credit as u8, 0);
    }
}
