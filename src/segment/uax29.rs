//! UAX #29 sentence boundaries, found without running the UAX #29 state machine over every character.
//!
//! `unicode-segmentation` looks up the sentence-break class of every character and steps the rules of
//! UAX #29 over all of them, at about 20 ns a byte: nine tenths of the splitter's time. Yet the splitter
//! only keeps boundaries that follow a sentence terminal (SATerm: `.`, `!`, `?` and their kin elsewhere in
//! Unicode), perhaps with closing punctuation and spaces after it; those after a line break it drops (a
//! block only holds the line breaks of hard-wrapped prose). So this module looks only at the places after
//! terminals, which it finds with `memchr` and a table of the non-ASCII ones. It decides the common cases
//! itself, from the rules below, and hands every other one to `unicode-segmentation` on a window of text
//! that is provably wide enough, so the boundaries it returns are exactly that crate's.
//!
//! The rules that can apply after a terminal (UAX #29 §5.1, as `unicode-segmentation` implements them;
//! `×` no boundary, `÷` boundary, `SATerm` is ATerm or STerm, `ParaSep` is Sep, CR or LF):
//!
//! ```text
//! SB4   ParaSep ÷
//! SB5   X (Extend | Format)*  →  X            (marks and format characters are invisible to the rules)
//! SB6   ATerm × Numeric
//! SB7   (Upper | Lower) ATerm × Upper
//! SB8   ATerm Close* Sp* × ( ¬(OLetter | Upper | Lower | ParaSep | SATerm) )* Lower
//! SB8a  SATerm Close* Sp* × (SContinue | SATerm)
//! SB9   SATerm Close* × (Close | Sp | ParaSep)
//! SB10  SATerm Close* Sp* × (Sp | ParaSep)
//! SB11  SATerm Close* Sp* ParaSep? ÷
//! SB998 Any × Any
//! ```
//!
//! Take a run of terminals `T = t1…tk`, the closing marks `C` and spaces `S` after it, and the character
//! `c` after those, all of known class (none Extend or Format). Inside `T` SB8a holds (no other rule
//! before it applies to a terminal after a terminal); before each mark of `C`, SB9; before each space of
//! `S`, SB9 or SB10. Before `c`, the first rule that applies decides:
//!
//! * SB6 (×) if `c` is Numeric, `C` and `S` are empty and `tk` is ATerm;
//! * SB7 (×) if `c` is Upper, `C` and `S` are empty, `T` is a single ATerm and the character before it is
//!   Upper or Lower;
//! * SB8 (×) if `tk` is ATerm and the first character from `c` on that is OLetter, Upper, Lower, ParaSep or
//!   SATerm is Lower (none at all: SB8 fails);
//! * SB8a (×) if `c` is SContinue or SATerm, and SB9 or SB10 (×) if it is ParaSep, after which SB4 breaks
//!   after the line break: a boundary the splitter drops;
//! * otherwise SB11 (÷).
//!
//! After `c`, no rule looks back at `T` again: SB6 to SB11 all need `T C S`, followed by at most one line
//! break, right before the position. `c` extends neither `C` nor `S` (it is no space, and a closing mark
//! after a space is no part of `C`); after a line break the only boundary is SB4's, which the splitter
//! drops; and a terminal starts a run of its own. So for the usual case, `c` an ASCII letter after
//! spaces, the boundary falls before an upper-case `c`, and before a lower-case one only after `!` or `?`:
//! SB8 holds after a period only.
//!
//! Everything else (a character of unknown class, such as a mark or a format character, a non-ASCII
//! terminal, an unusual space) goes to `unicode-segmentation`, on a window that starts at the last
//! character of known class before the terminal and ends after the first character at or after the
//! terminal's end that surely stops SB8's look-ahead (a letter, a terminal or a line break). The rules
//! look back no further than the class before the terminal, which the window's first character gives
//! (being of known class, it is no mark that SB5 would hide), and SB8 looks ahead no further than that
//! stopping character; so the window's boundaries up to that character are the whole text's. If no
//! character of known class comes within a few dozen characters before the terminal, the rest of the
//! block goes to `unicode-segmentation` whole: once per block at most, so the cost stays linear.

use unicode_segmentation::UnicodeSegmentation;

/// UAX #29 breaks after every line break (ParaSep, rule SB4); the splitter starts no sentence there.
/// (Blocks never contain U+2029, which ends a paragraph.)
const LINE_BREAKS: [char; 5] = ['\n', '\r', '\u{85}', '\u{2028}', '\u{2029}'];

/// How many characters of unknown class (maybe marks that belong to the character before) may stand
/// between a terminal and the last character of known class before it before the rest of the block is
/// handed to `unicode-segmentation` whole.
const MAX_UNKNOWN_BEFORE_TERMINAL: usize = 32;

/// The UAX #29 sentence-break classes (Table 4 of the standard) that the fast path tells apart. Extend
/// and Format have none: characters of those classes are never "known".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    Upper,
    Lower,
    OLetter,
    Numeric,
    ATerm,
    STerm,
    Close,
    /// Spaces other than line breaks.
    Sp,
    /// Sep, CR and LF: the rules treat them alike except for CR LF (SB3), which the fast path never meets.
    ParaSep,
    SContinue,
    Other,
}

use Class::*;

const fn ascii_class(byte: u8) -> Class {
    match byte {
        b'\n' | b'\r' => ParaSep,
        b'\t' | 0x0B | 0x0C | b' ' => Sp,
        b'A'..=b'Z' => Upper,
        b'a'..=b'z' => Lower,
        b'0'..=b'9' => Numeric,
        b'.' => ATerm,
        b'!' | b'?' => STerm,
        b'"' | b'\'' | b'(' | b')' | b'[' | b']' | b'{' | b'}' => Close,
        b',' | b'-' | b':' | b';' => SContinue,
        _ => Other,
    }
}

const ASCII_CLASSES: [Class; 128] = {
    let mut classes = [Other; 128];
    let mut byte = 0;
    while byte < 128 {
        classes[byte] = ascii_class(byte as u8);
        byte += 1;
    }
    classes
};

/// The class of `c` if the fast path knows it. Every answer is checked against `unicode-segmentation`
/// for every character in the tests; `None` is always safe.
fn class_of(c: char) -> Option<Class> {
    if c.is_ascii() {
        return Some(ASCII_CLASSES[c as usize]);
    }
    match c {
        // ‘ ’ ‚ “ ” „ « » ‹ ›
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{AB}' | '\u{BB}'
        | '\u{2039}' | '\u{203A}' => Some(Close),
        // – —
        '\u{2013}' | '\u{2014}' => Some(SContinue),
        // No-break, fixed-width and ideographic spaces.
        '\u{A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => Some(Sp),
        '\u{85}' | '\u{2028}' | '\u{2029}' => Some(ParaSep),
        // ․ ﹒ ．
        '\u{2024}' | '\u{FE52}' | '\u{FF0E}' => Some(ATerm),
        // Symbols common in news: … £ € ¥ ¢ ° • · © ® ™ ± × ÷ § ¶ ′ ″ ‐ ‑ ‒ ― − ½ ¼ ¾ ¹ ² ³ † ‡ ‰ №
        '\u{2026}'
        | '\u{A3}'
        | '\u{20AC}'
        | '\u{A5}'
        | '\u{A2}'
        | '\u{B0}'
        | '\u{2022}'
        | '\u{B7}'
        | '\u{A9}'
        | '\u{AE}'
        | '\u{2122}'
        | '\u{B1}'
        | '\u{D7}'
        | '\u{F7}'
        | '\u{A7}'
        | '\u{B6}'
        | '\u{2032}'
        | '\u{2033}'
        | '\u{2010}'..='\u{2012}'
        | '\u{2015}'
        | '\u{2212}'
        | '\u{BC}'..='\u{BE}'
        | '\u{B9}'
        | '\u{B2}'
        | '\u{B3}'
        | '\u{2020}'
        | '\u{2021}'
        | '\u{2030}'
        | '\u{2116}' => Some(Other),
        // Arrows, miscellaneous symbols and emoji (skin-tone modifiers included; variation selectors are not).
        '\u{2190}'..='\u{21FF}'
        | '\u{2600}'..='\u{26FF}'
        | '\u{2B00}'..='\u{2BFF}'
        | '\u{1F300}'..='\u{1F64F}'
        | '\u{1F680}'..='\u{1F6FF}'
        | '\u{1F900}'..='\u{1F9FF}'
        | '\u{1FA70}'..='\u{1FAFF}' => Some(Other),
        _ => letter_class(c).or_else(|| is_terminal(c).then_some(STerm)),
    }
}

/// The class of a non-ASCII letter of a script the fast path knows: cased letters of the Latin, Greek,
/// Cyrillic and Armenian blocks, and the letters of common scripts without case.
fn letter_class(c: char) -> Option<Class> {
    // U+0345 is a combining mark (Extend) although Unicode calls it lower-case.
    let cased_block = (c < '\u{0590}' && c != '\u{0345}') || ('\u{1E00}'..='\u{1FFF}').contains(&c);
    if cased_block {
        if c.is_lowercase() {
            return Some(Lower);
        }
        if c.is_uppercase() {
            return Some(Upper);
        }
    }
    match c {
        // Hebrew, Arabic and Devanagari letters without their marks, CJK ideographs, kana, Hangul syllables.
        '\u{05D0}'..='\u{05EA}'
        | '\u{0620}'..='\u{063F}'
        | '\u{0641}'..='\u{064A}'
        | '\u{0904}'..='\u{0939}'
        | '\u{3041}'..='\u{3096}'
        | '\u{30A1}'..='\u{30FA}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{AC00}'..='\u{D7A3}' => Some(OLetter),
        _ => None,
    }
}

/// The non-ASCII sentence terminals (STerm and ATerm) of UAX #29 in `unicode-segmentation` 1.13
/// (Unicode 17), in order. The tests check every character against that crate, so a change in its tables
/// cannot go unnoticed.
#[rustfmt::skip]
const NON_ASCII_TERMINALS: [(char, char); 85] = [
    ('\u{589}', '\u{589}'), ('\u{61D}', '\u{61F}'), ('\u{6D4}', '\u{6D4}'), ('\u{700}', '\u{702}'),
    ('\u{7F9}', '\u{7F9}'), ('\u{837}', '\u{837}'), ('\u{839}', '\u{839}'), ('\u{83D}', '\u{83E}'),
    ('\u{964}', '\u{965}'), ('\u{104A}', '\u{104B}'), ('\u{1362}', '\u{1362}'), ('\u{1367}', '\u{1368}'),
    ('\u{166E}', '\u{166E}'), ('\u{1735}', '\u{1736}'), ('\u{17D4}', '\u{17D5}'), ('\u{1803}', '\u{1803}'),
    ('\u{1809}', '\u{1809}'), ('\u{1944}', '\u{1945}'), ('\u{1AA8}', '\u{1AAB}'), ('\u{1B4E}', '\u{1B4F}'),
    ('\u{1B5A}', '\u{1B5B}'), ('\u{1B5E}', '\u{1B5F}'), ('\u{1B7D}', '\u{1B7F}'), ('\u{1C3B}', '\u{1C3C}'),
    ('\u{1C7E}', '\u{1C7F}'), ('\u{2024}', '\u{2024}'), ('\u{203C}', '\u{203D}'), ('\u{2047}', '\u{2049}'),
    ('\u{2CF9}', '\u{2CFB}'), ('\u{2E2E}', '\u{2E2E}'), ('\u{2E3C}', '\u{2E3C}'), ('\u{2E53}', '\u{2E54}'),
    ('\u{3002}', '\u{3002}'), ('\u{A4FF}', '\u{A4FF}'), ('\u{A60E}', '\u{A60F}'), ('\u{A6F3}', '\u{A6F3}'),
    ('\u{A6F7}', '\u{A6F7}'), ('\u{A876}', '\u{A877}'), ('\u{A8CE}', '\u{A8CF}'), ('\u{A92F}', '\u{A92F}'),
    ('\u{A9C8}', '\u{A9C9}'), ('\u{AA5D}', '\u{AA5F}'), ('\u{AAF0}', '\u{AAF1}'), ('\u{ABEB}', '\u{ABEB}'),
    ('\u{FE12}', '\u{FE12}'), ('\u{FE15}', '\u{FE16}'), ('\u{FE52}', '\u{FE52}'), ('\u{FE56}', '\u{FE57}'),
    ('\u{FF01}', '\u{FF01}'), ('\u{FF0E}', '\u{FF0E}'), ('\u{FF1F}', '\u{FF1F}'), ('\u{FF61}', '\u{FF61}'),
    ('\u{10A56}', '\u{10A57}'), ('\u{10F55}', '\u{10F59}'), ('\u{10F86}', '\u{10F89}'), ('\u{11047}', '\u{11048}'),
    ('\u{110BE}', '\u{110C1}'), ('\u{11141}', '\u{11143}'), ('\u{111C5}', '\u{111C6}'), ('\u{111CD}', '\u{111CD}'),
    ('\u{111DE}', '\u{111DF}'), ('\u{11238}', '\u{11239}'), ('\u{1123B}', '\u{1123C}'), ('\u{112A9}', '\u{112A9}'),
    ('\u{113D4}', '\u{113D5}'), ('\u{1144B}', '\u{1144C}'), ('\u{115C2}', '\u{115C3}'), ('\u{115C9}', '\u{115D7}'),
    ('\u{11641}', '\u{11642}'), ('\u{1173C}', '\u{1173E}'), ('\u{11944}', '\u{11944}'), ('\u{11946}', '\u{11946}'),
    ('\u{11A42}', '\u{11A43}'), ('\u{11A9B}', '\u{11A9C}'), ('\u{11C41}', '\u{11C42}'), ('\u{11EF7}', '\u{11EF8}'),
    ('\u{11F43}', '\u{11F44}'), ('\u{16A6E}', '\u{16A6F}'), ('\u{16AF5}', '\u{16AF5}'), ('\u{16B37}', '\u{16B38}'),
    ('\u{16B44}', '\u{16B44}'), ('\u{16D6E}', '\u{16D6F}'), ('\u{16E98}', '\u{16E98}'), ('\u{1BC9F}', '\u{1BC9F}'),
    ('\u{1DA88}', '\u{1DA88}'),
];

/// Whether `c` is a sentence terminal, STerm or ATerm.
fn is_terminal(c: char) -> bool {
    match c {
        '.' | '!' | '?' => true,
        // ASCII, Latin, Greek and Cyrillic have no other terminals.
        '\0'..='\u{588}' => false,
        // General Punctuation, which holds the quotes and dashes of Western text, has these.
        '\u{2000}'..='\u{206F}' => matches!(c, '\u{2024}' | '\u{203C}' | '\u{203D}' | '\u{2047}'..='\u{2049}'),
        _ => is_listed_terminal(c),
    }
}

fn is_listed_terminal(c: char) -> bool {
    NON_ASCII_TERMINALS
        .binary_search_by(|&(first, last)| {
            if last < c {
                std::cmp::Ordering::Less
            } else if first > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// Whether SB8's look-ahead surely stops at a character of this class.
fn stops_look_ahead(class: Class) -> bool {
    matches!(class, Upper | Lower | OLetter | ParaSep | ATerm | STerm)
}

/// The UAX #29 sentence boundaries of `text` that the splitter keeps, in increasing order: the ends of
/// the pieces `split_sentence_bound_indices` gives, except the end of the text and the boundaries right
/// after a line break.
pub(crate) fn sentence_boundaries(text: &str) -> SentenceBoundaries<'_> {
    SentenceBoundaries { text, from: 0, next_ascii_terminal: None, from_library: Vec::new().into_iter() }
}

/// The iterator of [`sentence_boundaries`]; it allocates only for the boundaries `unicode-segmentation`
/// finds.
pub(crate) struct SentenceBoundaries<'a> {
    text: &'a str,
    /// Invariant: no sequence `SATerm Close* Sp*` that starts before `from` reaches past it (or only past a
    /// line break, whose boundary is dropped), so every boundary after `from` follows a terminal at or after
    /// `from`, and each is decided once.
    from: usize,
    /// The first ASCII terminal at or after some earlier `from` (the end of the text if there is none),
    /// kept so that text without ASCII terminals is searched once rather than once per terminal.
    next_ascii_terminal: Option<usize>,
    /// Boundaries from the last window `unicode-segmentation` was asked about, all before `from`.
    from_library: std::vec::IntoIter<usize>,
}

impl Iterator for SentenceBoundaries<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        loop {
            if let Some(boundary) = self.from_library.next() {
                return Some(boundary);
            }
            let terminal = self.next_terminal()?;
            match decide_run(self.text, terminal) {
                Some(decision) => {
                    self.from = decision.resume;
                    if decision.boundary.is_some() {
                        return decision.boundary;
                    }
                }
                None => {
                    let mut boundaries = Vec::new();
                    self.from = ask_library(self.text, terminal, &mut boundaries);
                    self.from_library = boundaries.into_iter();
                }
            }
        }
    }
}

impl SentenceBoundaries<'_> {
    /// The start of the first terminal at or after `from`.
    fn next_terminal(&mut self) -> Option<usize> {
        let (text, from) = (self.text, self.from);
        let bytes = text.as_bytes();
        let ascii_terminal = match self.next_ascii_terminal {
            Some(position) if position >= from => position,
            _ => memchr::memchr3(b'.', b'!', b'?', &bytes[from..]).map_or(bytes.len(), |i| from + i),
        };
        self.next_ascii_terminal = Some(ascii_terminal);
        let mut position = from;
        while let Some(offset) = first_non_ascii(&bytes[position..ascii_terminal]) {
            let start = position + offset;
            let c = text[start..].chars().next()?;
            if is_terminal(c) {
                return Some(start);
            }
            position = start + c.len_utf8();
        }
        (ascii_terminal < bytes.len()).then_some(ascii_terminal)
    }
}

/// The offset of the first non-ASCII byte in `bytes`, found eight bytes at a time.
fn first_non_ascii(bytes: &[u8]) -> Option<usize> {
    let (words, rest) = bytes.as_chunks::<8>();
    for (index, word) in words.iter().enumerate() {
        let high_bits = u64::from_le_bytes(*word) & 0x8080_8080_8080_8080;
        if high_bits != 0 {
            // Little-endian: the first byte is the lowest.
            return Some(index * 8 + high_bits.trailing_zeros() as usize / 8);
        }
    }
    rest.iter().position(|b| !b.is_ascii()).map(|offset| words.len() * 8 + offset)
}

/// What the fast path decided after a run of terminals: the boundary, if there is one, and where the
/// search for the next terminal goes on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Decision {
    boundary: Option<usize>,
    resume: usize,
}

/// Decides the boundary after the run of terminals at `start` by the rules in the module doc, or returns
/// `None` where a character of unknown class (or an unusual space) is involved.
fn decide_run(text: &str, start: usize) -> Option<Decision> {
    let bytes = text.as_bytes();
    let mut position = start;
    let mut run_len = 0;
    let mut ends_in_aterm = false;
    while let Some((class, width)) = terminal_at(text, position) {
        ends_in_aterm = class == ATerm;
        run_len += 1;
        position += width;
    }
    if run_len == 0 {
        return None;
    }
    let closes_at = position;
    while let Some(c) = text[position..].chars().next().filter(|&c| class_of(c) == Some(Close)) {
        position += c.len_utf8();
    }
    let closed = position > closes_at;
    let spaces_at = position;
    while position < bytes.len() && matches!(bytes[position], b' ' | b'\t') {
        position += 1;
    }
    let spaced = position > spaces_at;
    let Some(next) = text[position..].chars().next() else {
        // Only the end of the text follows, which is no boundary the splitter keeps.
        return Some(Decision { boundary: None, resume: bytes.len() });
    };
    let adjacent = !closed && !spaced;
    let breaks = match class_of(next)? {
        // No-break and other unusual spaces: rare, left to the library.
        Sp => return None,
        SContinue | ATerm | STerm | ParaSep => false,
        Numeric if adjacent && ends_in_aterm => false,
        Upper if adjacent && ends_in_aterm && run_len == 1 => !matches!(class_before(text, start)?, Upper | Lower),
        _ => !(ends_in_aterm && look_ahead_finds_lower(text, position)?),
    };
    Some(Decision { boundary: breaks.then_some(position), resume: position })
}

/// The class (ATerm or STerm) and width of the terminal at `position`, if there is one there.
fn terminal_at(text: &str, position: usize) -> Option<(Class, usize)> {
    match text.as_bytes().get(position)? {
        b'.' => Some((ATerm, 1)),
        b'!' | b'?' => Some((STerm, 1)),
        byte if byte.is_ascii() => None,
        _ => {
            let c = text[position..].chars().next()?;
            class_of(c).filter(|&class| class == ATerm || class == STerm).map(|class| (class, c.len_utf8()))
        }
    }
}

/// The class of the character before `position`, the start of the text counting as a class of its own
/// (`Other`); `None` if unknown.
fn class_before(text: &str, position: usize) -> Option<Class> {
    match text[..position].chars().next_back() {
        None => Some(Other),
        Some(c) => class_of(c),
    }
}

/// SB8's look-ahead from `position`: whether the first character that is OLetter, Upper, Lower, ParaSep or
/// SATerm is Lower. `None` if a character of unknown class comes first.
fn look_ahead_finds_lower(text: &str, position: usize) -> Option<bool> {
    for c in text[position..].chars() {
        let class = class_of(c)?;
        if stops_look_ahead(class) {
            return Some(class == Lower);
        }
    }
    Some(false)
}

/// Asks `unicode-segmentation` for the boundaries after the terminal at `terminal`, up to the
/// first character that surely stops SB8's look-ahead, and returns the position of that character (where
/// the search goes on).
fn ask_library(text: &str, terminal: usize, boundaries: &mut Vec<usize>) -> usize {
    let terminal_end = terminal + text[terminal..].chars().next().map_or(1, char::len_utf8);
    let Some(window_start) = context_start(text, terminal) else {
        return ask_library_for_the_rest(text, terminal, boundaries);
    };
    let (stop, window_end) = match first_look_ahead_stop(text, terminal_end) {
        Some((stop, c)) => (stop, stop + c.len_utf8()),
        None => (text.len(), text.len()),
    };
    for (piece_start, piece) in text[window_start..window_end].split_sentence_bound_indices() {
        let boundary = window_start + piece_start + piece.len();
        if boundary > stop {
            break;
        }
        if boundary > terminal && keeps(text, boundary) {
            boundaries.push(boundary);
        }
    }
    stop
}

/// Runs `unicode-segmentation` over the whole text and keeps the boundaries after `terminal`; returns
/// the end of the text. Used at most once per text, so the cost stays linear.
fn ask_library_for_the_rest(text: &str, terminal: usize, boundaries: &mut Vec<usize>) -> usize {
    for (piece_start, piece) in text.split_sentence_bound_indices() {
        let boundary = piece_start + piece.len();
        if boundary > terminal && keeps(text, boundary) {
            boundaries.push(boundary);
        }
    }
    text.len()
}

/// Whether the splitter keeps a boundary: not the end of the text, not right after a line break.
fn keeps(text: &str, boundary: usize) -> bool {
    boundary < text.len() && !text[..boundary].trim_end_matches([' ', '\t']).ends_with(LINE_BREAKS)
}

/// Where a window for the library starts: at the last character of known class before `terminal` (known
/// classes exclude Extend and Format, so the rules see that character as the one before the terminal,
/// with any marks after it), or at the start of the text. `None` if too many characters of unknown class
/// stand in between.
fn context_start(text: &str, terminal: usize) -> Option<usize> {
    let mut unknown = 0;
    for (position, c) in text[..terminal].char_indices().rev() {
        if class_of(c).is_some() {
            return Some(position);
        }
        unknown += 1;
        if unknown > MAX_UNKNOWN_BEFORE_TERMINAL {
            return None;
        }
    }
    Some(0)
}

/// The first character at or after `from` that surely stops SB8's look-ahead, with its position.
fn first_look_ahead_stop(text: &str, from: usize) -> Option<(usize, char)> {
    text[from..]
        .char_indices()
        .map(|(offset, c)| (from + offset, c))
        .find(|&(_, c)| class_of(c).is_some_and(stops_look_ahead))
}

#[cfg(test)]
pub(super) mod tests {
    use proptest::prelude::*;

    use super::*;

    /// The boundaries the splitter took from `unicode-segmentation` before this module: the oracle. (It
    /// did not count U+2029 as a line break, but blocks never contain one.)
    pub(in crate::segment) fn library_boundaries(text: &str) -> Vec<usize> {
        text.split_sentence_bound_indices()
            .filter_map(|(start, piece)| {
                let boundary = start + piece.len();
                let after_line_break = piece.trim_end_matches([' ', '\t']).ends_with(LINE_BREAKS);
                (boundary < text.len() && !after_line_break).then_some(boundary)
            })
            .collect()
    }

    fn assert_same_boundaries(text: &str) {
        assert_eq!(sentence_boundaries(text).collect::<Vec<_>>(), library_boundaries(text), "{text:?}");
    }

    /// Whether `unicode-segmentation` puts a boundary at byte `at` of `text`.
    fn library_breaks(text: &str, at: usize) -> bool {
        text.split_sentence_bound_indices().any(|(start, piece)| start + piece.len() == at)
    }

    /// Whether `unicode-segmentation` takes `c` for a terminal: only after SATerm Sp does SB11 break before
    /// the next letter; no other class makes a boundary there (SB4 breaks right after `c`).
    fn library_is_terminal(c: char) -> bool {
        library_breaks(&format!("a{c} B"), 2 + c.len_utf8())
    }

    /// The class `unicode-segmentation` gives `c`, told apart by how it splits a few short texts; `None`
    /// for Extend and Format. Each test runs on the classes the tests before it left.
    fn library_class(c: char) -> Option<Class> {
        let n = c.len_utf8();
        let breaks = |text: String, at: usize| library_breaks(&text, at);
        if library_is_terminal(c) {
            // SB8 holds before a lower-case letter after ATerm only.
            return Some(if breaks(format!("A{c}a"), 1 + n) { STerm } else { ATerm });
        }
        if breaks(format!("a{c}b"), 1 + n) {
            // SB4, without a terminal before.
            return Some(ParaSep);
        }
        if !breaks(format!("A{c}.B"), 2 + n) && breaks(format!("1{c}.B"), 2 + n) {
            // SB5 hides `c`, so SB7 sees "A." but not "1.": Upper and Lower hold in both texts.
            return None;
        }
        if breaks(format!("x!{c}B"), 2 + n) {
            // SB11 after "!" Close or "!" Sp; SB10 holds between spaces, SB9 not after one.
            return Some(if breaks(format!("x! {c}B"), 3) { Close } else { Sp });
        }
        if !breaks(format!("x! {c}"), 3) {
            return Some(SContinue); // SB8a
        }
        if !breaks(format!("x. {c}"), 3) {
            return Some(Lower); // SB8
        }
        Some(match (breaks(format!("A.{c}"), 2), breaks(format!("1.{c}"), 2)) {
            (false, true) => Upper,    // SB7 needs the letter before
            (false, false) => Numeric, // SB6
            // SB8's look-ahead stops at a letter, so "a" is not reached.
            _ if breaks(format!("x. {c}a"), 3) => OLetter,
            _ => Other,
        })
    }

    #[test]
    fn the_class_probes_tell_every_class_apart() {
        let expected = [
            ('A', Some(Upper)),
            ('é', Some(Lower)),
            ('中', Some(OLetter)),
            ('7', Some(Numeric)),
            ('.', Some(ATerm)),
            ('?', Some(STerm)),
            ('”', Some(Close)),
            ('\u{a0}', Some(Sp)),
            ('\n', Some(ParaSep)),
            ('\u{2028}', Some(ParaSep)),
            (',', Some(SContinue)),
            ('%', Some(Other)),
            ('\u{301}', None),
            ('\u{ad}', None),
        ];
        for (c, class) in expected {
            assert_eq!(library_class(c), class, "{c:?}");
        }
    }

    /// The proof behind `class_of` and `is_terminal`, for every character there is: each known class is
    /// the library's, and the terminals are exactly the library's.
    #[test]
    fn known_classes_and_terminals_are_the_library_ones() {
        let mut known = 0;
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_terminal(c), library_is_terminal(c), "{c:?} U+{:04X}", c as u32);
            if let Some(class) = class_of(c) {
                assert_eq!(library_class(c), Some(class), "{c:?} U+{:04X}", c as u32);
                known += 1;
            }
        }
        assert!(known > 40_000, "{known}");
        assert!(NON_ASCII_TERMINALS.windows(2).all(|pair| pair[0].1 < pair[1].0), "unsorted or overlapping");
    }

    #[test]
    fn the_first_non_ascii_byte_is_found_in_any_word_and_the_rest() {
        for length in 0..20 {
            let ascii = "a".repeat(length);
            assert_eq!(first_non_ascii(ascii.as_bytes()), None);
            for at in 0..length {
                let mut bytes = ascii.clone().into_bytes();
                bytes[at] = 0x80;
                bytes.iter_mut().skip(at + 1).for_each(|b| *b = 0xFF);
                assert_eq!(first_non_ascii(&bytes), Some(at), "{length} {at}");
            }
        }
    }

    #[test]
    fn common_cases_are_decided_without_the_library() {
        let decided = |text: &str, terminal: usize, boundary: Option<usize>, resume: usize| {
            assert_eq!(decide_run(text, terminal), Some(Decision { boundary, resume }), "{text:?}");
            assert_same_boundaries(text);
        };
        decided("Dr. Smith", 2, Some(4), 4); // SB11
        decided("U.S. on", 1, None, 2); // SB7
        decided("U.S. on", 3, None, 5); // SB8
        decided("Hi! yes", 2, Some(4), 4); // SB8 is for ATerm only
        decided("It is 3.5", 7, None, 8); // SB6
        decided("bbc.co.uk", 3, None, 4); // SB8
        decided("said.\" She", 4, Some(7), 7); // SB9, SB11
        decided("in 2003. 2004 was", 7, None, 9); // SB8 looks past the digits
        decided("in 2003. 2004 Was", 7, Some(9), 9);
        decided("end. \u{201C}We", 3, Some(5), 5); // an opening quote is Close
        decided("a.\u{2019} b", 1, None, 6);
        decided("x. \u{E9}t\u{E9}", 1, None, 3); // a non-ASCII lower-case letter
        decided("\u{4ECA}\u{3002}\u{6211}", 3, Some(6), 6); // 今。我
        decided("a\u{FF0E}b", 1, None, 4); // a full-width period is ATerm: SB8
        decided("x. \u{1F600} y", 1, None, 3); // SB8 looks past an emoji
        decided("A?\u{3002}\u{201D}B", 1, Some(8), 8);
        decided("Wait... What?! No", 4, Some(8), 8);
        decided("Wait... What?! No", 12, Some(15), 15);
        decided("x. . . y", 1, None, 3); // SB8a
        decided("x.\ny", 1, None, 2); // SB9, then SB4 after the line break
        decided("Ends here.", 9, None, 10);
    }

    #[test]
    fn rare_cases_go_to_the_library() {
        for (text, terminal) in [
            ("x.\u{A0}Y", 1),             // a no-break space
            ("x.\u{301} Y", 1),           // a combining mark
            ("x. \u{2764}\u{FE0F} y", 1), // a variation selector before SB8 finds a letter
            ("\u{301}.Y", 2),             // SB7 cannot see the class before the period
            ("x\u{3002}\u{FF1A}Y", 1),    // a full-width colon
        ] {
            assert_eq!(decide_run(text, terminal), None, "{text:?}");
            assert_same_boundaries(text);
        }
    }

    #[test]
    fn a_long_run_of_unknown_characters_before_a_terminal_hands_the_rest_to_the_library() {
        let marks = "\u{301}".repeat(MAX_UNKNOWN_BEFORE_TERMINAL + 1);
        let text = format!("A{marks}.B. C{marks}! d. E");
        assert_eq!(context_start(&text, text.find('.').unwrap_or_default()), None);
        assert_same_boundaries(&text);
        let text = format!("{}. Done. Next", "\u{FE0F}".repeat(100));
        assert_same_boundaries(&text);
    }

    /// Every combination of what may stand before a run of terminals, the run, closing marks, spaces, the
    /// next character and what follows: the fast path's whole domain, up to the length of each part.
    #[test]
    fn every_short_context_of_a_terminal_run_matches_the_library() {
        let befores = ["", "a", "A", "1", " ", "\u{E9}", "\u{301}", "\n"];
        let runs = [".", "!", "?", "..", "?!", "!.", "...", ".?"];
        let closes = ["", "\"", "'", ")", "(", "\u{2019}", "\u{201D}", "\u{BB}", "\u{201C}", ")\""];
        let spaces = ["", " ", "\t", "  ", " \t"];
        let nexts = [
            "a",
            "Z",
            "7",
            ",",
            "-",
            ";",
            ".",
            "!",
            "\"",
            "(",
            "\u{201C}",
            "%",
            "\n",
            "\r",
            "\u{B}",
            "\u{A0}",
            "\u{E9}",
            "\u{C9}",
            "\u{4E2D}",
            "\u{3002}",
            "\u{2013}",
            "\u{301}",
            "\u{1F600}",
            "",
        ];
        let afters = ["", "b", "B", " 1 b", " 1 B", "\u{2019}s", "\u{A0}x"];
        let mut checked = 0;
        for before in befores {
            for run in runs {
                for close in closes {
                    for space in spaces {
                        for next in nexts {
                            for after in afters {
                                assert_same_boundaries(&format!("{before}{run}{close}{space}{next}{after}"));
                                checked += 1;
                            }
                        }
                    }
                }
            }
        }
        assert_eq!(checked, 8 * 8 * 10 * 5 * 24 * 7);
    }

    /// Pieces rich in the classes the rules tell apart, the common ones repeated to weight them.
    const PIECES: &[&str] = &[
        "a",
        "b",
        "x",
        "the",
        "A",
        "B",
        "I",
        "The",
        "U",
        "\u{E9}",
        "\u{C9}",
        "\u{DF}",
        "\u{436}",
        "\u{416}",
        "\u{3B1}",
        "\u{4E2D}",
        "\u{3042}",
        "\u{D55C}",
        "\u{10D0}",
        "\u{5D0}",
        "\u{1C5}",
        "0",
        "1",
        "9",
        "\u{663}",
        "\u{B2}",
        ".",
        ".",
        ".",
        "!",
        "?",
        ".",
        "!",
        "?",
        ",",
        ";",
        ":",
        "-",
        "'",
        "\"",
        "(",
        ")",
        "[",
        "]",
        "{",
        "}",
        "%",
        "/",
        "@",
        "\u{2019}",
        "\u{2018}",
        "\u{201C}",
        "\u{201D}",
        "\u{AB}",
        "\u{BB}",
        "\u{2013}",
        "\u{2014}",
        "\u{A3}",
        "\u{2026}",
        " ",
        " ",
        " ",
        " ",
        "\t",
        "\u{A0}",
        "\u{2009}",
        "\u{B}",
        "\n",
        "\r",
        "\r\n",
        "\u{85}",
        "\u{2028}",
        "\u{2029}",
        "\u{3002}",
        "\u{FF01}",
        "\u{FF1F}",
        "\u{61F}",
        "\u{964}",
        "\u{2024}",
        "\u{FE12}",
        "\u{FE52}",
        "\u{FF0E}",
        "\u{203C}",
        "\u{301}",
        "\u{200D}",
        "\u{AD}",
        "\u{200B}",
        "\u{FEFF}",
        "\u{1F600}",
        "\u{FE0F}",
        "\u{2764}",
        "\u{FF1A}",
        "\u{3001}",
        "\u{FF0C}",
        "Mr.",
        "U.S.",
        "e.g.",
        "3.5",
        "...",
        ". . .",
    ];

    fn rich_text() -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|pieces| pieces.concat())
    }

    /// News-like text: words and the punctuation around sentence ends, all ASCII but quotes and dashes.
    fn news_text() -> impl Strategy<Value = String> {
        let piece = prop::sample::select(
            &[
                "word",
                "Word",
                "it",
                "It",
                "I",
                "A",
                "x",
                "2004",
                "3",
                ". ",
                ".",
                "! ",
                "? ",
                "?!",
                "...",
                ". . .",
                ", ",
                " ",
                "  ",
                "\" ",
                " \"",
                "'",
                ") ",
                " (",
                "\u{2019}",
                " \u{201C}",
                "\u{201D} ",
                " \u{2014} ",
                "\n",
                "Dr.",
                "U.S.",
                "e.g.",
                "3.5",
                "a.m.",
                "'s",
            ][..],
        );
        prop::collection::vec(piece, 0..60).prop_map(|pieces| pieces.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]

        #[test]
        fn random_text_has_the_library_boundaries(text in rich_text()) {
            prop_assert_eq!(sentence_boundaries(&text).collect::<Vec<_>>(), library_boundaries(&text), "{:?}", text);
        }

        #[test]
        fn random_news_text_has_the_library_boundaries(text in news_text()) {
            prop_assert_eq!(sentence_boundaries(&text).collect::<Vec<_>>(), library_boundaries(&text), "{:?}", text);
        }
    }
}
