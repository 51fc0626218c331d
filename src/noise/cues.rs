//! The cue phrases of `data/noise/<language>.txt`, and which of their lists each sentence has a phrase of.
//!
//! The phrases are found by one Aho-Corasick automaton (the `aho-corasick` crate's) in one pass over the
//! whole text, whatever the number of phrases; each language's automata are built once per process and
//! shared by every detector. A phrase only counts at word boundaries ("ap" is not a cue inside "happen").
//!
//! Two automata find the same phrases at different costs. The DFA takes one table look-up per byte, but
//! building its table costs as much as summarizing a few articles (about 11 M instructions for English,
//! three quarters of a one-article run); the contiguous NFA builds in a tenth of that and scans about
//! twenty times slower. So each language's texts are scanned by the NFA until they add up to
//! [`DFA_PAYS_OFF_AFTER`] bytes, and by the DFA from then on: one article is read at once, a batch at
//! the DFA's speed after its first few articles. Which one scans a text never changes what is found.
//!
//! The scan drives the automaton through the crate's low-level [`Automaton`] trait rather than its
//! iterator of matches, for speed: each look-up needs the one before, so the text is scanned as several
//! stretches side by side, whose look-ups the processor overlaps, and a state where phrases end is only
//! looked into where a word ends.

use std::fmt;
use std::ops::Range;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::dfa::DFA;
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Anchored, MatchKind, PatternID};

use crate::language::Language;
use crate::segment::Sentence;

/// The lists of `data/noise/<language>.txt`; a `[name]` line starts one. Each list but the bylines
/// is a bit in a sentence's cue mask (eight lists fill its `u8`).
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
    /// Headings of a comment section, which ends the article above it when it stands on its own line:
    /// "Comments", "Top rated comments", "Leave a comment".
    Comments = 128,
}

/// What may come before a call to action that opens a sentence: a quote mark or a bullet and a space.
const MAX_OPENING_BYTES: usize = 4;

/// How many stretches of a text are scanned at once. Four keep the processor busy while each waits for
/// its next look-up; six or eight were slower on the dev articles (registers run out, and the overlaps
/// between stretches grow).
const LANES: usize = 4;

/// Each byte with ASCII letters in lower case. The automaton is built on lower-cased phrases and reads
/// the text through this table rather than folding case itself: its table has a column per class of
/// bytes (runs of adjacent bytes that phrases treat alike), and folding case first leaves one class per
/// letter instead of two, which halves the table (about 420 KB instead of 830 KB for English), so that
/// more of it stays in the processor's caches.
static ASCII_LOWER: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut byte = 0;
    while byte < 256 {
        table[byte] = (byte as u8).to_ascii_lowercase();
        byte += 1;
    }
    table
};

/// Texts of one language scanned by the NFA add up to this many bytes before its DFA is built: scanning
/// them costs the NFA about a fifteenth of what building the DFA costs (0.5% of a batch of 656
/// articles), and an article (most are 2–10 KB) gets the NFA's quick start. A longer text goes to the
/// DFA at once, as every text did before there was an NFA.
const DFA_PAYS_OFF_AFTER: usize = 16 * 1024;

/// The cue phrases of one language, and its byline words.
pub(super) struct CuePhrases {
    /// All phrases but the bylines, lower-cased (see [`ASCII_LOWER`]), as they are given to the automata.
    phrases: Vec<String>,
    /// The phrases with the standard match semantics, so that a state where phrases end lists every
    /// phrase that ends there, overlapping ones too: quick to build, for the first texts.
    nfa: NFA,
    /// The same, built once the NFA has scanned [`DFA_PAYS_OFF_AFTER`] bytes: quick to scan.
    dfa: OnceLock<DFA>,
    /// How many bytes the NFA has been given to scan.
    scanned: AtomicUsize,
    /// The lists (as [`CueList`] bits) of each phrase, by pattern id.
    lists: Vec<u8>,
    /// The words that open a byline ("by", "written by"), which are not looked for in the automaton.
    pub(super) bylines: Vec<&'static str>,
}

impl fmt::Debug for CuePhrases {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CuePhrases")
            .field("phrases", &self.phrases.len())
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
        let (phrases, lists, bylines) = entries(language);
        let phrases: Vec<String> = phrases.iter().map(|phrase| phrase.to_ascii_lowercase()).collect();
        // A prefilter would not help: phrases start with most letters.
        let nfa = NFA::builder()
            .match_kind(MatchKind::Standard)
            .prefilter(false)
            .build(&phrases)
            // The lists are compiled in, and a test builds every language's automata; building only fails
            // beyond size limits that a few hundred short phrases are far from.
            .expect("compiled-in cue phrases build an automaton");
        CuePhrases { phrases, nfa, dfa: OnceLock::new(), scanned: AtomicUsize::new(0), lists, bylines }
    }

    /// The DFA of the phrases: its table, a few hundred kilobytes for a few hundred short phrases, takes
    /// one look-up per byte of text.
    fn dfa(&self) -> &DFA {
        self.dfa.get_or_init(|| {
            DFA::builder()
                .match_kind(MatchKind::Standard)
                .prefilter(false)
                .build(&self.phrases)
                .expect("compiled-in cue phrases build an automaton")
        })
    }

    /// The lists (as [`CueList`] bits) each sentence has a phrase of, the phrase at word boundaries,
    /// ASCII-case-insensitively. A call to action that opens a sentence after at most a quote or a bullet
    /// also counts as a prompt.
    pub(super) fn masks(&self, text: &str, sentences: &[Sentence]) -> Vec<u8> {
        if let Some(dfa) = self.dfa.get() {
            return self.masks_by(dfa, text, sentences);
        }
        let before = self.scanned.fetch_add(text.len(), Ordering::Relaxed);
        if before.saturating_add(text.len()) >= DFA_PAYS_OFF_AFTER {
            self.masks_by(self.dfa(), text, sentences)
        } else {
            self.masks_by(&self.nfa, text, sentences)
        }
    }

    /// [`Self::masks`], the phrases found by `automaton`.
    fn masks_by(&self, automaton: &impl Automaton, text: &str, sentences: &[Sentence]) -> Vec<u8> {
        let mut masks = vec![0u8; sentences.len()];
        phrase_ends(automaton, text.as_bytes(), |end, state| {
            // Short phrases ("ap", "rss") end inside many words: rule those out before looking at them.
            if !automaton.is_match(state) || !is_word_end(text.as_bytes(), end) {
                return;
            }
            for index in 0..automaton.match_len(state) {
                let pattern = automaton.match_pattern(state, index);
                if let Some(start) = end.checked_sub(automaton.pattern_len(pattern)) {
                    self.note(text, sentences, &mut masks, pattern, start..end);
                }
            }
        });
        masks
    }

    /// Adds the lists of `pattern`, found at `span` (which ends a word), to the mask of the sentence that
    /// holds it, if it starts a word.
    fn note(&self, text: &str, sentences: &[Sentence], masks: &mut [u8], pattern: PatternID, span: Range<usize>) {
        let (start, end) = (span.start, span.end);
        if start > 0 && text.as_bytes().get(start - 1).is_some_and(|&b| is_word_byte(b)) {
            return;
        }
        let lists = self.lists.get(pattern.as_usize()).copied().unwrap_or(0);
        let k = sentences.partition_point(|s| s.end <= start);
        let (Some(sentence), Some(mask)) = (sentences.get(k), masks.get_mut(k)) else {
            return;
        };
        if sentence.start <= start && end <= sentence.end {
            // A call opens the sentence when at most a quote or a bullet comes before it.
            let opens = lists & CueList::Call as u8 != 0
                && start - sentence.start <= MAX_OPENING_BYTES
                && text.get(sentence.start..start).is_some_and(|s| s.chars().all(|c| !c.is_alphanumeric()));
            *mask |= if opens { lists | CueList::Prompt as u8 } else { lists };
        }
    }
}

/// Calls `found` with the offset past each byte of `bytes` where the automaton enters a special state,
/// and that state; in no particular order, and some more than once. Without a prefilter, the special
/// states of the crate's DFA are the states where phrases end, and a dead state that an unanchored
/// scan never enters.
///
/// The text is cut into [`LANES`] stretches of the same length, scanned side by side, each from the
/// automaton's start. Each stretch but the first starts the longest phrase's length (less one byte)
/// before the one before it ends, so that a phrase that straddles a cut is found in full; and a scan
/// that starts at an offset finds every phrase that starts there or later.
fn phrase_ends<A: Automaton>(automaton: &A, bytes: &[u8], mut found: impl FnMut(usize, StateID)) {
    // Both automata are built for unanchored scans (the builders' default), so this does not fail.
    let Ok(start) = automaton.start_state(Anchored::No) else { return };
    let overlap = automaton.max_pattern_len().saturating_sub(1);
    let stretch = (bytes.len() + (LANES - 1) * overlap).div_ceil(LANES);
    if stretch <= 2 * overlap {
        scan(automaton, bytes, 0, start, &mut found);
        return;
    }
    let starts: [usize; LANES] = std::array::from_fn(|k| k * (stretch - overlap));
    let lanes = starts.map(|start| bytes.get(start..(start + stretch).min(bytes.len())).unwrap_or_default());
    // The last lane may be a little shorter than the others: they go on alone past its end.
    let common = lanes.iter().map(|lane| lane.len()).min().unwrap_or(0);
    let side_by_side = lanes.map(|lane| &lane[..common]);
    let mut states = [start; LANES];
    let mut at = 0;
    while at < common {
        at = run(automaton, &side_by_side, at, &mut states);
        for (&state, start) in states.iter().zip(starts) {
            if automaton.is_special(state) {
                found(start + at, state);
            }
        }
    }
    for ((lane, state), start) in lanes.iter().zip(states).zip(starts) {
        scan(automaton, &lane[common..], start + common, state, &mut found);
    }
}

/// Steps each lane on from its state in `states` over its bytes from `at`, and returns the offset past
/// the first byte where some lane enters a special state, or the lanes' length. The lanes are as long
/// as each other.
// Kept apart from its caller, so that the loop has the registers it needs.
#[inline(never)]
fn run<A: Automaton>(automaton: &A, lanes: &[&[u8]; LANES], mut at: usize, states: &mut [StateID; LANES]) -> usize {
    let end = lanes.iter().map(|lane| lane.len()).min().unwrap_or(0);
    let lanes = lanes.map(|lane| &lane[..end]);
    let mut current = *states;
    while at < end {
        let mut special = false;
        for (state, lane) in current.iter_mut().zip(&lanes) {
            *state = automaton.next_state(Anchored::No, *state, ASCII_LOWER[usize::from(lane[at])]);
            special |= automaton.is_special(*state);
        }
        at += 1;
        // Phrases end at a small share of the bytes: one test for all lanes, and seldom a stop.
        if special {
            break;
        }
    }
    *states = current;
    at
}

/// Goes on from `state` over `bytes`, which start at `offset` in the text, as [`phrase_ends`].
fn scan<A: Automaton>(
    automaton: &A,
    bytes: &[u8],
    offset: usize,
    mut state: StateID,
    found: &mut impl FnMut(usize, StateID),
) {
    for (at, &byte) in bytes.iter().enumerate() {
        state = automaton.next_state(Anchored::No, state, ASCII_LOWER[usize::from(byte)]);
        if automaton.is_special(state) {
            found(offset + at + 1, state);
        }
    }
}

/// The phrases of `language` other than bylines, with their lists (as [`CueList`] bits), and its byline
/// words, in the order of `data/noise/<language>.txt`. Each phrase comes with the variants that the
/// ASCII-only case folding of the scan would miss: with a typographic apostrophe (’) for an ASCII one,
/// and with its first letter capitalised where that letter is not ASCII (a Cyrillic, Greek or accented
/// phrase that opens a line).
fn entries(language: Language) -> (Vec<String>, Vec<u8>, Vec<&'static str>) {
    let (mut phrases, mut lists, mut bylines) = (Vec::new(), Vec::new(), Vec::new());
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
            "[comments]" => CueList::Comments,
            _ if list == CueList::Byline => {
                bylines.push(entry);
                list
            }
            _ => {
                for variant in variants(entry) {
                    phrases.push(variant);
                    lists.push(list as u8);
                }
                list
            }
        };
    }
    (phrases, lists, bylines)
}

/// `phrase`, and the forms of it that ASCII case folding does not reach (see [`entries`]).
fn variants(phrase: &str) -> Vec<String> {
    let mut forms = vec![phrase.to_string()];
    if phrase.contains('\'') {
        forms.push(phrase.replace('\'', "\u{2019}"));
    }
    let capitalised: Vec<String> = forms
        .iter()
        .filter_map(|form| {
            let first = form.chars().next().filter(|c| !c.is_ascii())?;
            let upper: String = first.to_uppercase().collect();
            (upper != first.to_string()).then(|| format!("{upper}{}", &form[first.len_utf8()..]))
        })
        .collect();
    forms.extend(capitalised);
    forms
}

/// Whether offset `end` of `bytes` is where a word ends or no word goes on: the end of the text or a byte
/// that is not [a word's](is_word_byte).
fn is_word_end(bytes: &[u8], end: usize) -> bool {
    !bytes.get(end).is_some_and(|&b| is_word_byte(b))
}

/// A byte of a word: an ASCII letter or digit, or any byte of a non-ASCII character.
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use aho_corasick::{AhoCorasick, AhoCorasickKind};

    use super::*;

    fn sentence(start: usize, end: usize) -> Sentence {
        Sentence { start, end, paragraph: 0, line: 0, starts_line: true, ends_line: true, terminated: true }
    }

    /// `text` cut into sentences after every `.`.
    fn sentences_of(text: &str) -> Vec<Sentence> {
        let mut sentences = Vec::new();
        let mut start = 0;
        for (at, _) in text.match_indices('.') {
            sentences.push(sentence(start, at + 1));
            start = at + 1;
        }
        sentences.push(sentence(start, text.len()));
        sentences
    }

    /// Every phrase that the scan finds, as its pattern id and end, each once: the same by both automata.
    fn found_by_the_scan(language: Language, text: &str) -> BTreeSet<(usize, usize)> {
        let phrases = CuePhrases::of(language);
        let by_dfa = found_by(phrases.dfa(), text);
        assert_eq!(found_by(&phrases.nfa, text), by_dfa);
        by_dfa
    }

    fn found_by(automaton: &impl Automaton, text: &str) -> BTreeSet<(usize, usize)> {
        let mut found = BTreeSet::new();
        phrase_ends(automaton, text.as_bytes(), |end, state| {
            if automaton.is_match(state) {
                for index in 0..automaton.match_len(state) {
                    found.insert((automaton.match_pattern(state, index).as_usize(), end));
                }
            }
        });
        found
    }

    /// The same found by the crate's own iterator over every overlapping match of the phrases as they are,
    /// the crate folding ASCII case; and the masks that [`CuePhrases::masks`] makes of those matches.
    struct CratesIterator {
        language: Language,
        automaton: AhoCorasick,
    }

    impl CratesIterator {
        fn new(language: Language) -> CratesIterator {
            let automaton = AhoCorasick::builder()
                .kind(Some(AhoCorasickKind::DFA))
                .match_kind(MatchKind::Standard)
                .ascii_case_insensitive(true)
                .build(entries(language).0)
                .unwrap();
            CratesIterator { language, automaton }
        }

        fn found(&self, text: &str) -> BTreeSet<(usize, usize)> {
            self.automaton.find_overlapping_iter(text).map(|found| (found.pattern().as_usize(), found.end())).collect()
        }

        fn masks(&self, text: &str, sentences: &[Sentence]) -> Vec<u8> {
            let mut masks = vec![0u8; sentences.len()];
            for found in self.automaton.find_overlapping_iter(text) {
                if is_word_end(text.as_bytes(), found.end()) {
                    CuePhrases::of(self.language).note(text, sentences, &mut masks, found.pattern(), found.range());
                }
            }
            masks
        }
    }

    #[test]
    fn phrases_match_with_typographic_apostrophes_and_capitalised_non_ascii_letters() {
        assert_eq!(variants("l'article"), ["l'article", "l\u{2019}article"]);
        assert_eq!(variants("читайте также"), ["читайте также", "Читайте также"]);
        assert_eq!(variants("à lire aussi"), ["à lire aussi", "À lire aussi"]);
        assert_eq!(variants("lire aussi"), ["lire aussi"]);
        let russian = CuePhrases::of(Language::Russian);
        let text = "Читайте также: новости дня";
        assert_ne!(russian.masks(text, &[sentence(0, text.len())])[0] & CueList::Prompt as u8, 0);
    }

    #[test]
    fn every_language_builds_its_automaton() {
        for language in Language::ALL {
            let phrases = CuePhrases::of(language);
            assert!(!phrases.lists.is_empty(), "{language}");
            assert!(phrases.nfa.max_pattern_len() > 1, "{language}");
            assert_eq!(phrases.dfa().max_pattern_len(), phrases.nfa.max_pattern_len(), "{language}");
        }
    }

    #[test]
    fn phrases_are_found_in_any_case_where_they_overlap_and_only_as_whole_words() {
        let phrases = CuePhrases::of(Language::English);
        let text = "A FILE PHOTO of the sign-up page.";
        let sentences = [sentence(0, text.len())];
        // "file photo" (a prompt and a caption), "photo" (a credit) and "file" (a credit) overlap.
        let mask = phrases.masks(text, &sentences)[0];
        assert_eq!(
            mask & (CueList::Caption as u8 | CueList::Credit as u8),
            CueList::Caption as u8 | CueList::Credit as u8
        );
        // "ap" is a credit, but not inside "happen".
        let text = "It can happen.";
        let sentences = [sentence(0, text.len())];
        assert_eq!(phrases.masks(text, &sentences)[0] & CueList::Credit as u8, 0);
    }

    #[test]
    fn the_longest_phrase_is_found_wherever_it_is_in_a_text_of_several_stretches() {
        let crates = CratesIterator::new(Language::English);
        let longest = "Continues BELOW advertisement";
        assert_eq!(CuePhrases::of(Language::English).nfa.max_pattern_len(), longest.len());
        let filler = "lorem ipsum dolor sit amet. ".repeat(20);
        // At every offset, so that it straddles each cut between two stretches in every way.
        for at in 0..=filler.len() {
            let text = format!("{}{longest}{}", &filler[..at], &filler[at..]);
            let found = found_by_the_scan(Language::English, &text);
            assert!(found.iter().any(|&(_, end)| end == at + longest.len()), "{at}");
            assert_eq!(found, crates.found(&text), "{at}");
        }
    }

    #[test]
    fn the_dev_articles_have_the_masks_that_the_crates_iterator_makes() {
        let Some(eval) = crate::shared_data::shared_path("eval") else {
            println!("skipped: shared eval data not found");
            return;
        };
        let splitter = crate::segment::SentenceSplitter::new(Language::English);
        let crates = CratesIterator::new(Language::English);
        for set in ["bbc_news_summary", "cnndm_frank", "scraped"] {
            let Ok(body) = std::fs::read_to_string(eval.join(set).join("dev.jsonl")) else {
                println!("skipped: {set} not found");
                continue;
            };
            for line in body.lines() {
                let Ok(record) = serde_json::from_str::<serde_json::Value>(line) else { continue };
                let Some(text) = record["text"].as_str() else { continue };
                let sentences = splitter.split(text);
                let phrases = CuePhrases::of(Language::English);
                let masks = phrases.masks_by(&phrases.nfa, text, &sentences);
                assert_eq!(masks, crates.masks(text, &sentences), "{}", record["id"]);
                assert_eq!(phrases.masks_by(phrases.dfa(), text, &sentences), masks, "{}", record["id"]);
            }
        }
    }

    #[test]
    fn the_dfa_is_built_once_the_nfa_has_scanned_enough() {
        let phrases = CuePhrases::build(Language::English);
        let text = "Sign up for our newsletter. The council met on Monday. ".repeat(64);
        let sentences = sentences_of(&text);
        let first = phrases.masks(&text, &sentences);
        assert!(phrases.dfa.get().is_none(), "one short text is scanned by the NFA");
        let mut texts = text.len();
        while texts < DFA_PAYS_OFF_AFTER {
            assert_eq!(phrases.masks(&text, &sentences), first);
            texts += text.len();
        }
        assert!(phrases.dfa.get().is_some(), "after {texts} bytes");
        assert_eq!(phrases.masks(&text, &sentences), first);
        assert_ne!(first[0] & CueList::Prompt as u8, 0);
        // A text as long as the threshold on its own goes to the DFA at once.
        let long = CuePhrases::build(Language::English);
        let text = text.repeat(DFA_PAYS_OFF_AFTER / text.len() + 1);
        long.masks(&text, &sentences_of(&text));
        assert!(long.dfa.get().is_some());
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        /// The scan, in stretches side by side on lower-cased text, finds what the crate's own search
        /// finds, in texts shorter and longer than one stretch.
        #[test]
        fn the_scan_finds_what_the_crates_iterator_finds(
            words in proptest::collection::vec(
                proptest::string::string_regex(
                    "(Story continues below advertisement|IN THIS FILE PHOTO|sign up|Sign-Up|ap|AP|\\
                     ©|\\(left\\)|photo:|Photo: |the|x| |\\n|\\.|é|日本|Getty Images|by)"
                ).unwrap(),
                0..300,
            ),
        ) {
            let text = words.concat();
            let sentences = sentences_of(&text);
            for language in [Language::English, Language::German] {
                let crates = CratesIterator::new(language);
                proptest::prop_assert_eq!(found_by_the_scan(language, &text), crates.found(&text));
                let masks = CuePhrases::of(language).masks(&text, &sentences);
                proptest::prop_assert_eq!(masks, crates.masks(&text, &sentences));
            }
        }
    }
}
