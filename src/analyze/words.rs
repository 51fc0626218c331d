//! Word segmentation: exactly the words that `unicode-segmentation`'s `unicode_words` yields (UAX #29
//! word boundaries, keeping the segments that contain a letter or digit), found without its per-char
//! state machine wherever the text is ASCII.
//!
//! The text is cut into chunks at ASCII whitespace. UAX #29 always breaks between ASCII whitespace and
//! an ASCII non-space character (WB3a/b and WB999: no rule joins them; the look-ahead and look-behind
//! rules WB6/7/11/12 need letters, digits or mid-word punctuation on both sides, never a space). So an
//! all-ASCII chunk has the same words on its own as inside the text, and is segmented here by the ASCII
//! rules (so is an all-ASCII text, in one pass). Any other run, from the end of one ASCII chunk to the start of the next, whitespace around it
//! included (non-ASCII spaces join ASCII ones under WB3d, combining marks attach to a space under
//! WB4), goes to `unicode-segmentation`: both ends of such a run are certain boundaries, so it too has
//! the same words on its own.

use unicode_segmentation::UnicodeSegmentation;

/// Calls `emit` with each UAX #29 word of `text`, in order: the words `text.unicode_words()` yields.
pub(crate) fn for_each_word<'a>(text: &'a str, mut emit: impl FnMut(&'a str)) {
    if text.is_ascii() {
        // Most sentences: one pass, the whitespace being just more characters that are not words.
        ascii_words(text, &mut emit);
        return;
    }
    let bytes = text.as_bytes();
    let mut i = 0;
    // Start of the run that `unicode-segmentation` will segment, while one is open.
    let mut unicode_run: Option<usize> = None;
    while i < bytes.len() {
        let space_start = i;
        while i < bytes.len() && is_ascii_space(bytes[i]) {
            i += 1;
        }
        if i == bytes.len() {
            break;
        }
        let chunk_start = i;
        let mut ascii = true;
        while i < bytes.len() && !is_ascii_space(bytes[i]) {
            ascii &= bytes[i].is_ascii();
            i += 1;
        }
        if ascii {
            if let Some(start) = unicode_run.take() {
                text[start..chunk_start].unicode_words().for_each(&mut emit);
            }
            ascii_words(&text[chunk_start..i], &mut emit);
        } else if unicode_run.is_none() {
            unicode_run = Some(space_start);
        }
    }
    if let Some(start) = unicode_run {
        text[start..].unicode_words().for_each(&mut emit);
    }
}

/// The ASCII characters that separate chunks: UAX #29 classes WSegSpace (space), CR, LF, Newline (VT,
/// FF) and Other (tab), none of which any joining rule looks through.
fn is_ascii_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C)
}

/// Letters, digits and the connector `_`: the ASCII characters that words are made of (WB5, WB8–10,
/// WB13a/b). A table, as this is asked of every byte.
const WORD_BYTE: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 128 {
        table[byte] = (byte as u8).is_ascii_alphanumeric() || byte == b'_' as usize;
        byte += 1;
    }
    table
};

/// Punctuation that stays inside a word between two letters (`can't`, `e.g`, `a:b`; WB6/7) or two
/// digits (`1,000`, `3.14`; WB11/12).
fn joins(byte: u8, before: u8, after: u8) -> bool {
    match byte {
        b'.' | b'\'' => {
            (before.is_ascii_alphabetic() && after.is_ascii_alphabetic())
                || (before.is_ascii_digit() && after.is_ascii_digit())
        }
        b':' => before.is_ascii_alphabetic() && after.is_ascii_alphabetic(),
        b',' | b';' => before.is_ascii_digit() && after.is_ascii_digit(),
        _ => false,
    }
}

/// The words of ASCII text. Every character that is not part of a word is a segment of its own, which
/// is not a word (CR LF and runs of spaces are one segment, which is not a word either); a run of `_`
/// alone is not a word.
fn ascii_words<'a>(text: &'a str, emit: &mut impl FnMut(&'a str)) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !WORD_BYTE[usize::from(bytes[i])] {
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        loop {
            while i < bytes.len() && WORD_BYTE[usize::from(bytes[i])] {
                i += 1;
            }
            // `joins` needs a letter or digit after, which is part of the word too.
            if i + 1 < bytes.len() && joins(bytes[i], bytes[i - 1], bytes[i + 1]) {
                i += 2;
            } else {
                break;
            }
        }
        if bytes[start] != b'_' || bytes[start..i].iter().any(|&b| b != b'_') {
            emit(&text[start..i]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn words(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        for_each_word(text, |w| out.push(w));
        out
    }

    fn reference(text: &str) -> Vec<&str> {
        text.unicode_words().collect()
    }

    #[test]
    fn news_text_splits_like_unicode_segmentation() {
        for text in [
            "The U.S. economy grew 3.5% in Q1, to $1,000.50 - a record.",
            "Japan’s chips: can't stop, won't stop; e.g. 10:30 a.m.\r\n\tNext_line __ _x x_ 1_000",
            "Café déjà vu — “quoted” text… and\u{a0}non-breaking\u{2009} spaces",
            " \u{301}leading mark, \u{2009} \u{903}mark after spaces, 👍🏽 emoji, 🇯🇵🇺🇸 flags, שָׁלוֹם's",
            "",
            "   ",
            "'quoted' \"double\" a.b.c 1.2.3 a1.5 1a.b x.1 1.x ab:cd 12:30 1;2 a;b a,b 1,2,",
        ] {
            assert_eq!(words(text), reference(text), "{text:?}");
        }
    }

    /// ASCII letters, digits, whitespace and the punctuation the rules treat specially.
    fn ascii_char() -> impl Strategy<Value = char> {
        prop_oneof![
            8 => prop::char::range('a', 'z'),
            2 => prop::char::range('A', 'Z'),
            3 => prop::char::range('0', '9'),
            4 => prop::sample::select(vec![' ', ' ', '\t', '\n', '\r', '\u{b}', '\u{c}']),
            4 => prop::sample::select(vec!['.', '\'', ':', ',', ';', '_', '-', '"', '(', ')', '$', '%', '!', '?', '\0']),
        ]
    }

    /// Mostly ASCII, with a few non-ASCII characters of every kind the rules care about.
    fn ascii_heavy_char() -> impl Strategy<Value = char> {
        prop_oneof![
            10 => ascii_char(),
            1 => prop::sample::select(vec![
                '\u{2019}', '\u{2018}', '\u{e9}', '\u{a0}', '\u{2009}', '\u{3000}', '\u{301}', '\u{903}',
                '\u{ad}', '\u{200d}', '\u{1f44d}', '\u{1f1ef}', '\u{1f1f5}', '\u{5e9}', '\u{5f4}', '\u{22}',
                '\u{30a2}', '\u{4e2d}', '\u{2014}', '\u{2026}', '\u{ff0e}', '\u{feff}', '\u{85}', '\u{2028}',
            ]),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2_000))]

        #[test]
        fn same_words_as_unicode_segmentation(chars in prop::collection::vec(ascii_heavy_char(), 0..80)) {
            let text: String = chars.into_iter().collect();
            prop_assert_eq!(words(&text), reference(&text));
        }

        /// An all-ASCII text goes through `unicode-segmentation`'s own ASCII path; a non-ASCII word at
        /// the end forces its general one, which the fast path must match as well.
        #[test]
        fn ascii_text_matches_the_general_unicode_path(chars in prop::collection::vec(ascii_char(), 0..80)) {
            let text: String = chars.into_iter().chain(" \u{e9}".chars()).collect();
            prop_assert_eq!(words(&text), reference(&text));
        }
    }
}
