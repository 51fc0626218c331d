//! The cue phrases of `data/noise/<language>.txt`, and which of their lists each sentence has a phrase of.
//!
//! The phrases are found by an Aho-Corasick automaton in one pass over the text: one table look-up per
//! byte, whatever the number of phrases. The table's columns are classes of bytes (the bytes that
//! phrases have, both cases of an ASCII letter alike, and one class for all other bytes), so that it
//! stays small, and its entries carry a flag when they lead to a state where a phrase ends, so that the
//! scan needs one test to know that it has found one. Each look-up needs the one before, so the text
//! is scanned as several stretches at once, which the processor overlaps. A phrase only counts at word
//! boundaries ("ap" is not a cue inside "happen"), which is checked where one ends, and those are few.
//!
//! Building the automaton takes well under a millisecond; each language's is built once per process
//! and shared by every detector.

use std::fmt;
use std::sync::OnceLock;

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

/// How many stretches of a text are scanned at once. Four keep the processor busy while each waits for
/// its next look-up, and fit in registers.
const LANES: usize = 4;

/// In [`CuePhrases::next`]: a phrase ends in the state. Above every index, so that masking an index to
/// the table's length clears it.
const PHRASE_ENDS: u32 = 1 << 31;

/// The cue phrases of one language, and its byline words.
pub(super) struct CuePhrases {
    /// The class of each byte: 0 for the bytes that no phrase has; from 1 for the others, both cases of
    /// an ASCII letter alike.
    classes: [u8; 256],
    /// How many classes there are: the width of a row of `next`.
    width: usize,
    /// The automaton: entry `state + class` is the state that a byte of the class leads to, with
    /// [`PHRASE_ENDS`] set if a phrase ends there. A state is the index of its row's first entry, so
    /// that a step is an addition and a load. State 0 is the start, and states are numbered breadth
    /// first, so that the rows near the start, which a scan mostly reads, are together. The length is a
    /// power of two (see [`CuePhrases::run`]).
    next: Vec<u32>,
    /// For each state (by row), the range of `outputs` that lists the phrases ending there.
    output_ranges: Vec<(u32, u32)>,
    /// Phrases that end in a state: their length in bytes and their lists, as [`CueList`] bits.
    outputs: Vec<(u32, u8)>,
    /// The length in bytes of the longest phrase.
    longest: usize,
    /// The words that open a byline ("by", "written by"), which are not looked for in the automaton.
    pub(super) bylines: Vec<&'static str>,
}

impl fmt::Debug for CuePhrases {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CuePhrases")
            .field("states", &self.output_ranges.len())
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
        let mut phrases: Vec<(&'static str, u8)> = Vec::new();
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
                    phrases.push((entry, list as u8));
                    list
                }
            };
        }
        // UTF-8 text has fewer than 255 distinct bytes, so the classes fit a byte.
        let mut classes = [0u8; 256];
        let mut width: u8 = 1;
        for byte in phrases.iter().flat_map(|(phrase, _)| phrase.bytes()).map(|b| b.to_ascii_lowercase()) {
            if classes[usize::from(byte)] == 0 {
                classes[usize::from(byte)] = width;
                classes[usize::from(byte.to_ascii_uppercase())] = width;
                width = width.saturating_add(1);
            }
        }
        let width = usize::from(width);

        // The trie of the phrases, each node's children as a list: `first_child`, then `sibling` (0: no
        // node, since no edge leads back to the root).
        let mut first_child: Vec<u32> = vec![0];
        let mut sibling: Vec<u32> = vec![0];
        let mut class_of: Vec<u8> = vec![0];
        let mut depth: Vec<u32> = vec![0];
        let mut ends: Vec<u8> = vec![0];
        // At most a node per byte of the phrases.
        let most = phrases.iter().map(|(phrase, _)| phrase.len()).sum::<usize>();
        first_child.reserve(most);
        sibling.reserve(most);
        class_of.reserve(most);
        depth.reserve(most);
        ends.reserve(most);
        for &(phrase, list) in &phrases {
            let mut node = 0;
            for class in phrase.bytes().map(|b| classes[usize::from(b)]) {
                let mut child = first_child[node] as usize;
                while child != 0 && class_of[child] != class {
                    child = sibling[child] as usize;
                }
                if child == 0 {
                    child = depth.len();
                    sibling.push(first_child[node]);
                    first_child[node] = child as u32;
                    first_child.push(0);
                    class_of.push(class);
                    depth.push(depth[node] + 1);
                    ends.push(0);
                }
                node = child;
            }
            ends[node] |= list;
        }

        // The automaton, a state per trie node, numbered breadth first (in the order of `queue`). A
        // state's failure state is shallower, so its row and its phrases are complete when a state needs
        // them: a row starts as a copy of the failure state's, and the trie's edges replace entries.
        let states = ends.len();
        let mut next = vec![0u32; (states * width).next_power_of_two()];
        let mut queue = Vec::with_capacity(states);
        queue.push(0);
        let mut fail = Vec::with_capacity(states);
        fail.push(0);
        let (mut output_ranges, mut outputs) = (Vec::with_capacity(states), Vec::new());
        output_ranges.push((0, 0));
        let mut state = 0;
        while let Some(&node) = queue.get(state) {
            let row = state * width;
            if state != 0 {
                next.copy_within(fail[state] * width..fail[state] * width + width, row);
            }
            let mut child = first_child[node] as usize;
            while child != 0 {
                let class = usize::from(class_of[child]);
                let number = queue.len();
                queue.push(child);
                let child_fail = if state == 0 { 0 } else { row_of(next[fail[state] * width + class], width) };
                fail.push(child_fail);
                // The phrases that end in the child: its own, and those of its failure state.
                let from = outputs.len();
                if ends[child] != 0 {
                    outputs.push((depth[child], ends[child]));
                }
                let (fail_from, fail_to) = output_ranges[child_fail];
                outputs.extend_from_within(fail_from as usize..fail_to as usize);
                output_ranges.push((from as u32, outputs.len() as u32));
                // A few hundred phrases make a few thousand states, far from the flag.
                let entry = u32::try_from(number * width).unwrap_or(0) & !PHRASE_ENDS;
                next[row + class] = if outputs.len() > from { entry | PHRASE_ENDS } else { entry };
                child = sibling[child] as usize;
            }
            state += 1;
        }
        let longest = phrases.iter().map(|(phrase, _)| phrase.len()).max().unwrap_or(0);
        CuePhrases { classes, width, next, output_ranges, outputs, longest, bylines }
    }

    /// The lists (as [`CueList`] bits) each sentence has a phrase of, the phrase at word boundaries,
    /// ASCII-case-insensitively. A call to action that opens a sentence after at most a quote or a bullet
    /// also counts as a prompt.
    pub(super) fn masks(&self, text: &str, sentences: &[Sentence]) -> Vec<u8> {
        let bytes = text.as_bytes();
        let mut masks = vec![0u8; sentences.len()];
        for (end, state) in self.phrase_ends(bytes) {
            // Short phrases ("ap", "rss") end inside many words: rule those out before looking at them.
            if bytes.get(end).is_some_and(|&b| is_word_byte(b)) {
                continue;
            }
            let Some(&(from, to)) = self.output_ranges.get(row_of(state, self.width)) else {
                continue;
            };
            for &(length, lists) in self.outputs.get(from as usize..to as usize).unwrap_or_default() {
                let Some(start) = end.checked_sub(length as usize) else {
                    continue;
                };
                if start > 0 && is_word_byte(bytes[start - 1]) {
                    continue;
                }
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
        }
        masks
    }

    /// Where phrases end in `bytes` (the offset past the phrase), with the state the automaton is in
    /// there (flagged with [`PHRASE_ENDS`]); in no particular order, and some more than once.
    ///
    /// The text is cut into [`LANES`] stretches of the same length, scanned side by side, each from the
    /// automaton's start. Each stretch but the first starts the longest phrase's length (less one byte)
    /// before the one before it ends, so that phrases that straddle a cut are found in full.
    // Kept apart from its caller, so that the loop gets the registers it needs.
    #[inline(never)]
    fn phrase_ends(&self, bytes: &[u8]) -> Vec<(usize, u32)> {
        // Room for what an article usually has, so that the vector seldom grows.
        let mut found = Vec::with_capacity(64);
        let overlap = self.longest.saturating_sub(1);
        let stretch = (bytes.len() + (LANES - 1) * overlap).div_ceil(LANES);
        if stretch <= 2 * overlap {
            self.scan(bytes, 0, 0, &mut found);
            return found;
        }
        let starts: [usize; LANES] = std::array::from_fn(|k| k * (stretch - overlap));
        let lanes = starts.map(|start| bytes.get(start..(start + stretch).min(bytes.len())).unwrap_or_default());
        // The last lane may be a little shorter than the others.
        let common = lanes.iter().map(|lane| lane.len()).min().unwrap_or(0);
        let mut states = [0u32; LANES];
        let mut at = 0;
        while at < common {
            at = self.run(&lanes, at, common, &mut states);
            for (k, &state) in states.iter().enumerate() {
                if state & PHRASE_ENDS != 0 {
                    found.push((starts[k] + at, state));
                }
            }
        }
        for k in 0..LANES {
            let rest = lanes[k].get(common..).unwrap_or_default();
            self.scan(rest, starts[k] + common, states[k], &mut found);
        }
        found
    }

    /// Steps each lane on from its state in `states` over its bytes from `at`, up to `end` at most, and
    /// returns the offset past the byte where a phrase ended in some lane (or `end`).
    #[inline(never)]
    fn run(&self, lanes: &[&[u8]; LANES], mut at: usize, end: usize, states: &mut [u32; LANES]) -> usize {
        let classes = &self.classes;
        // The table's length is a power of two and every state plus class is less: masking drops the
        // flag and lets the compiler drop the bounds checks.
        let Some(mask) = self.next.len().checked_sub(1) else {
            return end;
        };
        let next = &self.next[..=mask];
        let step = |state: usize, byte: u8| next[(state + usize::from(classes[usize::from(byte)])) & mask] as usize;
        let [mut a, mut b, mut c, mut d] = states.map(|state| state as usize);
        let [lane_a, lane_b, lane_c, lane_d] = *lanes;
        let end = end.min(lane_a.len()).min(lane_b.len()).min(lane_c.len()).min(lane_d.len());
        while at < end {
            a = step(a, lane_a[at]);
            b = step(b, lane_b[at]);
            c = step(c, lane_c[at]);
            d = step(d, lane_d[at]);
            at += 1;
            if (a | b | c | d) & PHRASE_ENDS as usize != 0 {
                break;
            }
        }
        // The states came from the table, so they fit its entries.
        *states = [a, b, c, d].map(|state| state as u32);
        at
    }

    /// Goes on from `state` over `bytes`, which start at `offset` in the text, noting where phrases end.
    fn scan(&self, bytes: &[u8], offset: usize, mut state: u32, found: &mut Vec<(usize, u32)>) {
        let mask = self.next.len().saturating_sub(1);
        for (at, &byte) in bytes.iter().enumerate() {
            let index = (state as usize + usize::from(self.classes[usize::from(byte)])) & mask;
            state = self.next.get(index).copied().unwrap_or(0);
            if state & PHRASE_ENDS != 0 {
                found.push((offset + at + 1, state));
            }
        }
    }
}

/// The state (its row's number) that an entry of [`CuePhrases::next`] leads to.
fn row_of(entry: u32, width: usize) -> usize {
    (entry & !PHRASE_ENDS) as usize / width
}

/// A byte of a word: an ASCII letter or digit, or any byte of a non-ASCII character.
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The phrases that end where `found` says, as their end, length and lists, each once, in order.
    fn phrases(phrases: &CuePhrases, found: &[(usize, u32)]) -> Vec<(usize, u32, u8)> {
        let mut all: Vec<(usize, u32, u8)> = found
            .iter()
            .flat_map(|&(end, state)| {
                let (from, to) = phrases.output_ranges[row_of(state, phrases.width)];
                phrases.outputs[from as usize..to as usize].iter().map(move |&(length, lists)| (end, length, lists))
            })
            .collect();
        all.sort_unstable();
        all.dedup();
        all
    }

    #[test]
    fn every_language_has_a_table_that_masking_keeps_in_bounds() {
        for language in Language::ALL {
            let phrases = CuePhrases::of(language);
            assert!(phrases.next.len().is_power_of_two(), "{language}");
            assert!(phrases.next.len() <= PHRASE_ENDS as usize, "{language}");
            assert!(phrases.longest > 1, "{language}");
        }
    }

    #[test]
    fn phrases_are_found_in_any_case_and_where_they_overlap() {
        let phrases = CuePhrases::of(Language::English);
        let text = "A FILE PHOTO of the sign-up page.";
        let found = phrases.phrase_ends(text.as_bytes());
        let lists_ending_at = |end: usize| -> u8 {
            let all = self::phrases(phrases, &found);
            all.iter().filter(|&&(at, _, _)| at == end).fold(0, |mask, &(_, _, lists)| mask | lists)
        };
        // "file photo" (a prompt and a caption) and "photo" (a credit) end together; "file" (a credit)
        // ends inside the first.
        assert_eq!(lists_ending_at("A FILE".len()), CueList::Credit as u8);
        let both = lists_ending_at("A FILE PHOTO".len());
        assert_eq!(both, CueList::Prompt as u8 | CueList::Caption as u8 | CueList::Credit as u8);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        /// Scanning in lanes finds what one scan over the whole text finds, also phrases cut by a lane's
        /// end.
        #[test]
        fn lanes_find_what_one_scan_finds(
            words in proptest::collection::vec(
                proptest::string::string_regex(
                    "(continues below advertisement|in this file photo|sign up|ap|©|\\(left\\)|photo:|the|x| |\\n|é)"
                ).unwrap(),
                0..120,
            ),
        ) {
            let text = words.concat();
            for language in [Language::English, Language::German] {
                let phrases = CuePhrases::of(language);
                let mut whole = Vec::new();
                phrases.scan(text.as_bytes(), 0, 0, &mut whole);
                let in_lanes = phrases.phrase_ends(text.as_bytes());
                proptest::prop_assert_eq!(self::phrases(phrases, &in_lanes), self::phrases(phrases, &whole));
            }
        }
    }
}
