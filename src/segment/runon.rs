//! Run-on text: sentences glued together with no punctuation between them.
//!
//! News text scraped or converted carelessly loses its structure: a photo caption runs into the next
//! sentence ("...could hit 14.8 per cent That number could rise..."), paragraphs are joined by a space
//! after a caption without a full stop. UAX #29 sees one sentence there. The rule here cuts such runs
//! where the evidence is strong: inside a very long "sentence" only, between a lower-case word or a
//! number (which does not end in punctuation and is not a function word, so the first part can be
//! complete) and a capitalised word that commonly opens sentences and seldom stands capitalised inside
//! one (`word:starter` in the abbreviations file), itself followed by a lower-case word or a number (so
//! "the film The Aviator" or "In New York" is left alone).

use super::rules::BoundaryRules;

/// Only a "sentence" at least this long is searched for run-ons: 180 bytes is about 30 words of English
/// news. About one BBC sentence in nine is that long, and glued caption-plus-sentence pairs nearly always
/// are. On the dev data, this finds a sixth more CNN/DailyMail run-ons than 40 words, and every extra cut
/// on BBC text was at a missing full stop. Bytes rather than words, because the length is known for free.
const MIN_RUN_ON_BYTES: usize = 180;

/// Neither side of a cut may be shorter than this many words: a caption or a sentence has at least that.
const MIN_PIECE_WORDS: usize = 5;

/// Calls `cut` with the byte offset of each word in `sentence` that begins a new sentence. Looks closer
/// only at capitalised words after a space, so the cost is a scan of the bytes plus a few word lookups per
/// capital; allocation-free.
pub(crate) fn cuts(sentence: &str, rules: &BoundaryRules, mut cut: impl FnMut(usize)) {
    if !rules.has_run_on_starters() || sentence.len() < MIN_RUN_ON_BYTES {
        return;
    }
    let bytes = sentence.as_bytes();
    let mut last_cut = 0;
    let mut search_from = 0;
    while let Some(space) = next_space_before_capital(bytes, search_from) {
        search_from = space + 1;
        let position = space + 1;
        let starter_end = skip(sentence, position, false);
        let starter = &sentence[position..starter_end];
        if !opens_sentence(starter) {
            continue;
        }
        let Some((_, next)) = words(&sentence[starter_end..]).next() else { break };
        let before = last_word(&sentence[last_cut..position]);
        if continues_sentence(next)
            && can_end_sentence(before)
            && is_run_on(before, starter, next, rules)
            && words(&sentence[last_cut..position]).nth(MIN_PIECE_WORDS - 1).is_some()
            && words(&sentence[position..]).nth(MIN_PIECE_WORDS - 1).is_some()
        {
            cut(position);
            last_cut = position;
        }
    }
}

/// The first space at or after `from` followed by an ASCII capital or the lead byte of a non-ASCII
/// character: the cheap first test for a starter. Spaces are too frequent for a `memchr` call on each to
/// pay, but capitals are rare enough that most eight-byte words hold no candidate, so the bytes are
/// tested eight at a time first.
fn next_space_before_capital(bytes: &[u8], from: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    // The high bit of every zero byte of `x` is set (and perhaps that of a byte 0x01 above a zero byte,
    // which the exact test below weeds out); no zero byte is missed.
    let zero_bytes = |x: u64| x.wrapping_sub(ONES) & !x & HIGH_BITS;
    let is_candidate = |at: usize| {
        bytes[at] == b' ' && bytes.get(at + 1).is_some_and(|&next| next.is_ascii_uppercase() || next >= 0xC0)
    };
    let mut position = from;
    while let (Some(here), Some(next)) = (
        bytes.get(position..).and_then(<[u8]>::first_chunk::<8>),
        bytes.get(position + 1..).and_then(<[u8]>::first_chunk::<8>),
    ) {
        let here = u64::from_le_bytes(*here);
        let next = u64::from_le_bytes(*next);
        let spaces = zero_bytes(here ^ (ONES * u64::from(b' ')));
        // 0x40 to 0x5F, which holds the capitals, or any byte from 0x80 on.
        let capitals = zero_bytes((next & (ONES * 0xE0)) ^ (ONES * 0x40)) | (next & HIGH_BITS);
        if spaces & capitals != 0
            && let Some(at) = (position..position + 8).find(|&at| is_candidate(at))
        {
            return Some(at);
        }
        position += 8;
    }
    (position..bytes.len()).find(|&at| is_candidate(at))
}

/// The last word of `text`: from after its last whitespace to the end, trailing whitespace removed.
fn last_word(text: &str) -> &str {
    let text = text.trim_end();
    let start = text.char_indices().rev().find(|(_, c)| c.is_whitespace()).map_or(0, |(i, c)| i + c.len_utf8());
    &text[start..]
}

/// The words of `text` (separated by any Unicode whitespace) with their byte offsets. Scans bytes and
/// decodes only non-ASCII characters.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = text.as_bytes();
    let mut position = 0;
    std::iter::from_fn(move || {
        let start = skip(text, position, true);
        if start >= bytes.len() {
            position = start;
            return None;
        }
        let end = skip(text, start, false);
        position = end;
        Some((start, &text[start..end]))
    })
}

/// Skips whitespace (`whitespace == true`) or non-whitespace from `from`; returns where that run ends.
fn skip(text: &str, from: usize, whitespace: bool) -> usize {
    let bytes = text.as_bytes();
    let mut position = from;
    while position < bytes.len() {
        let byte = bytes[position];
        let (is_space, width) = if byte.is_ascii() {
            // `is_ascii_whitespace` leaves out the vertical tab, which `char::is_whitespace` counts.
            (byte.is_ascii_whitespace() || byte == 0x0B, 1)
        } else {
            match text[position..].chars().next() {
                Some(c) => (c.is_whitespace(), c.len_utf8()),
                None => return bytes.len(),
            }
        };
        if is_space != whitespace {
            return position;
        }
        position += width;
    }
    bytes.len()
}

/// A word a sentence can end on although no period follows: lower-case or a number, with no punctuation
/// after it. (It must not be a function word either, which `is_run_on` checks.)
fn can_end_sentence(word: &str) -> bool {
    let starts_right = word.chars().next().is_some_and(|c| c.is_lowercase() || c.is_ascii_digit() || is_currency(c));
    let ends_right = word.chars().next_back().is_some_and(|c| c.is_lowercase() || c.is_ascii_digit() || c == '%');
    starts_right && ends_right
}

/// A capitalised word, not in capitals throughout as a headline would be.
fn opens_sentence(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.all(|c| c.is_lowercase() || c == '\'' || c == '\u{2019}')
}

/// The word after the starter: lower-case or a number, as in "That number", "In 1990", not a name or a
/// title ("The Aviator").
fn continues_sentence(word: &str) -> bool {
    let word = word.trim_start_matches(['"', '\'', '\u{2018}', '\u{201C}', '(']);
    word.chars().next().is_some_and(|c| c.is_lowercase() || c.is_ascii_digit() || is_currency(c))
}

/// The checks that need the language's word lists, made last because they cost a lookup each: the word
/// before is not a function word ("the", "of"), which needs more words after it; the starter opens
/// sentences often; and after a one-letter starter the next word is not a function word ("images A and
/// B" is a label).
fn is_run_on(before: &str, starter: &str, next: &str, rules: &BoundaryRules) -> bool {
    !rules.is_function_word(before)
        && rules.is_run_on_starter(starter)
        && (starter.chars().nth(1).is_some() || !rules.is_function_word(next))
}

fn is_currency(c: char) -> bool {
    matches!(c, '$' | '£' | '€' | '¥')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::Language;

    fn pieces(text: &str) -> Vec<&str> {
        let rules = BoundaryRules::new(Language::English);
        let mut starts = Vec::new();
        cuts(text, &rules, |offset| starts.push(offset));
        let mut out = Vec::new();
        let mut from = 0;
        for start in starts {
            out.push(text[from..start].trim());
            from = start;
        }
        out.push(text[from..].trim());
        out
    }

    const CAPTION: &str = "The old mill stood by the river for two hundred years before the floods came and took \
                           it away in a single night of rain that nobody in the valley will forget in their lives";

    #[test]
    fn a_caption_glued_to_a_sentence_is_cut() {
        let text = format!("{CAPTION} The flood was the worst in a century, officials said on Monday.");
        assert_eq!(pieces(&text), [CAPTION, "The flood was the worst in a century, officials said on Monday."]);
        let text = format!("{CAPTION} In 1990 the river rose by four metres in a day.");
        assert_eq!(pieces(&text).len(), 2);
    }

    #[test]
    fn titles_names_function_words_and_short_texts_are_left_alone() {
        let title = format!("{CAPTION} The Aviator was showing at the old cinema in the town.");
        assert_eq!(pieces(&title).len(), 1, "a capitalised word after the starter makes it a title");
        let function_word = CAPTION.replace("the river for", "the The river for");
        assert_eq!(pieces(&function_word).len(), 1, "a sentence does not end on a function word");
        let pronoun = format!("{CAPTION} I think it was a terrible night for everyone there.");
        assert_eq!(pieces(&pronoun).len(), 1, "\"I\" is capitalised everywhere, so it proves nothing");
        assert_eq!(pieces("Prices could hit 14.8 per cent That number could rise").len(), 1, "too short");
        let label = format!("{CAPTION} A and B show the two halves of the old mill.");
        assert_eq!(pieces(&label).len(), 1, "a letter before a function word is a label");
    }

    #[test]
    fn spaces_before_capitals_are_found_at_any_offset() {
        let naive = |bytes: &[u8], from: usize| {
            (from..bytes.len().saturating_sub(1))
                .find(|&at| bytes[at] == b' ' && (bytes[at + 1].is_ascii_uppercase() || bytes[at + 1] >= 0xC0))
        };
        // Every byte that matters next to every other, at every alignment, with near misses around.
        let alphabet = [b' ', b'A', b'Z', b'@', b'[', b'a', 0x01, 0x00, 0x80, 0xBF, 0xC0, 0xFF, b'!'];
        for length in 0..20 {
            for first in alphabet {
                for second in alphabet {
                    for at in 0..length.max(1) {
                        let mut bytes = vec![b'x'; length];
                        if let Some(byte) = bytes.get_mut(at) {
                            *byte = first;
                        }
                        if let Some(byte) = bytes.get_mut(at + 1) {
                            *byte = second;
                        }
                        for from in 0..=length {
                            assert_eq!(
                                next_space_before_capital(&bytes, from),
                                naive(&bytes, from),
                                "{bytes:?} {from}"
                            );
                        }
                    }
                }
            }
        }
        // And strings of those bytes in any order.
        let mut state: u32 = 0x9E37_79B9;
        for _ in 0..5_000 {
            let bytes: Vec<u8> = (0..state % 40)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 17;
                    state ^= state << 5;
                    alphabet[state as usize % alphabet.len()]
                })
                .collect();
            for from in 0..=bytes.len() {
                assert_eq!(next_space_before_capital(&bytes, from), naive(&bytes, from), "{bytes:?} {from}");
            }
        }
    }

    #[test]
    fn words_split_at_any_unicode_whitespace() {
        let found: Vec<(usize, &str)> = words(" a\u{a0}bé\tc\u{2009}d ").collect();
        assert_eq!(found, [(1, "a"), (4, "bé"), (8, "c"), (12, "d")]);
        assert_eq!(words("").count(), 0);
    }

    #[test]
    fn pieces_keep_a_minimum_length() {
        assert_eq!(pieces(&format!("{CAPTION} The flood was bad")).len(), 1, "four words are too few");
        assert_eq!(pieces(&format!("{CAPTION} The flood was very bad")).len(), 2, "five are enough");
    }
}
