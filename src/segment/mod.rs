//! Stage 1: sentence segmentation.
//!
//! Three passes, each correcting what the one before cannot know:
//!
//! 1. Structure (`lines`): a blank line ends a paragraph, and a line without final punctuation, such as a
//!    headline, a caption or "Picture: REUTERS", stands alone unless the text is hard-wrapped prose.
//! 2. UAX #29 sentence boundaries inside each block (exactly those of `unicode-segmentation`, found by
//!    `uax29` without running its state machine over every character), plus the places UAX #29 misses: a
//!    sentence that opens with a number ("in 2003. 2004 was"), sentences glued on without a space
//!    ("months.It will", `glued`) and inline list items ("1) eggs 2) flour", `lists`).
//! 3. Rules of the language (`rules`) judge each candidate: abbreviations and titles (from
//!    `data/abbreviations/`), initials, ellipses, `?!` runs, closing quotes and brackets, marks with no
//!    space after them (URLs, e-mail addresses). Then very long "sentences" are cut where a caption or a
//!    paragraph was glued on without punctuation (`runon`), and anything still over
//!    [`MAX_SENTENCE_BYTES`] is cut at a space.
//!
//! Every [`Sentence`] keeps its byte span into the input, so all later stages, and every output, can point
//! back into the source. Splitting is linear in the length of the input: every rule looks at a bounded
//! window around its candidate boundary.
//!
//! ```
//! use nutgraf::{Language, SentenceSplitter};
//!
//! let text = "Picture: REUTERS\nDr. Smith paid $1.5m for it. It was Jan. 5 in the U.S. Government's view.";
//! let splitter = SentenceSplitter::new(Language::English);
//! let sentences: Vec<&str> = splitter.split(text).iter().map(|s| s.text(text)).collect();
//! assert_eq!(
//!     sentences,
//!     ["Picture: REUTERS", "Dr. Smith paid $1.5m for it.", "It was Jan. 5 in the U.S. Government's view."]
//! );
//! ```

mod glued;
mod lines;
mod lists;
#[cfg(test)]
mod real_text_tests;
mod rules;
mod runon;
mod uax29;

use serde::{Deserialize, Serialize};

use crate::language::Language;
use lines::Block;
use rules::{BoundaryRules, Verdict};

pub(crate) use rules::is_closing;

/// Sentences longer than this many bytes are cut at a space, so that text without punctuation (a log
/// line, a 50 MB dump) still yields sentences of bounded size.
pub const MAX_SENTENCE_BYTES: usize = 2_000;

/// One sentence: a byte span into the input plus where it sits in the text's layout.
///
/// ```
/// use nutgraf::{Language, SentenceSplitter};
///
/// let text = "Breaking news\n\nThe vote passed. Lawmakers cheered.";
/// let sentences = SentenceSplitter::new(Language::English).split(text);
/// assert_eq!(sentences[0].text(text), "Breaking news");
/// assert!(sentences[0].is_standalone_line() && !sentences[0].terminated);
/// assert_eq!((sentences[1].start, sentences[1].end), (15, 31));
/// assert_eq!(sentences[2].paragraph, 1);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// Byte offset of the first character in the input.
    pub start: usize,
    /// Byte offset one past the last character in the input.
    pub end: usize,
    /// Paragraph number (0-based); paragraphs are separated by blank lines.
    pub paragraph: u32,
    /// Line number (0-based) of the line the sentence starts on.
    pub line: u32,
    /// The sentence begins its line.
    pub starts_line: bool,
    /// The sentence ends its line.
    pub ends_line: bool,
    /// The sentence ends in terminal punctuation (`.`, `!`, `?`, …), possibly before closing quotes.
    pub terminated: bool,
}

impl Sentence {
    /// The sentence's text: `input[start..end]`.
    ///
    /// Returns `""` if the span does not fit `input` (a sentence from another text).
    pub fn text<'a>(&self, input: &'a str) -> &'a str {
        input.get(self.start..self.end).unwrap_or("")
    }

    /// A whole line on its own with no final punctuation: a headline, a caption, a byline, a menu item.
    pub fn is_standalone_line(&self) -> bool {
        self.starts_line && self.ends_line && !self.terminated
    }
}

/// Splits text into [`Sentence`]s for one language. Cheap to clone and `Send + Sync`; build it once.
///
/// ```
/// use nutgraf::{Language, SentenceSplitter};
///
/// let splitter = SentenceSplitter::new(Language::English);
/// let text = "I live in the U.S. How about you?";
/// assert_eq!(splitter.split(text).len(), 2);
///
/// // A caption glued to the next sentence with no full stop, as in scraped news, is cut off.
/// let text = "Flood water filled the main street of the town on Sunday after three days of heavy rain in the \
///             hills The council said that repairs to the homes and shops along the river would take months.";
/// let sentences: Vec<&str> = splitter.split(text).iter().map(|s| s.text(text)).collect();
/// assert_eq!(sentences.len(), 2);
/// assert!(sentences[1].starts_with("The council said"));
/// ```
#[derive(Clone, Debug)]
pub struct SentenceSplitter {
    rules: BoundaryRules,
}

impl SentenceSplitter {
    /// A splitter with the abbreviations and sentence starters of `language`.
    pub fn new(language: Language) -> Self {
        SentenceSplitter { rules: BoundaryRules::new(language) }
    }

    /// A splitter for text in a language without a [`Language`] variant (or not known): no
    /// abbreviations and no sentence starters, only what holds in every language: the terminal marks
    /// of every script (`.`, `?`, `!`, `。`, `।`, `։`, `።`, `။`, `؟`, `۔`, …), initials, numbers,
    /// ellipses, closing quotes and brackets.
    ///
    /// ```
    /// use nutgraf::SentenceSplitter;
    ///
    /// let text = "Mój kot śpi. Pies szczeka! 今日は晴れです。明日は雨です。";
    /// let splitter = SentenceSplitter::language_neutral();
    /// let sentences: Vec<&str> = splitter.split(text).iter().map(|s| s.text(text)).collect();
    /// assert_eq!(sentences, ["Mój kot śpi.", "Pies szczeka!", "今日は晴れです。", "明日は雨です。"]);
    /// ```
    pub fn language_neutral() -> Self {
        SentenceSplitter { rules: BoundaryRules::language_neutral() }
    }

    /// The sentences of `text` in order, with non-overlapping, increasing spans that never include
    /// surrounding whitespace. A leading byte-order mark is skipped.
    pub fn split(&self, text: &str) -> Vec<Sentence> {
        let offset = if text.starts_with('\u{FEFF}') { '\u{FEFF}'.len_utf8() } else { 0 };
        let mut sentences = Vec::with_capacity(expected_sentences(text));
        for block in lines::blocks(&text[offset..], offset) {
            self.split_block(text, block, candidates(&text[block.start..block.end], &self.rules), &mut sentences);
        }
        sentences
    }

    /// The sentences of `text` with no sentence crossing from one of `ranges` into another, nor into
    /// text outside them: for a [`Document`](crate::Document) whose source marked its blocks. Line and
    /// paragraph structure is found as by [`split`](Self::split); `ranges` must be in increasing order
    /// and not overlap.
    ///
    /// ```
    /// use nutgraf::{Language, SentenceSplitter};
    ///
    /// let text = "Home News Sport The vote passed. It was close.";
    /// let splitter = SentenceSplitter::new(Language::English);
    /// assert_eq!(splitter.split(text)[0].text(text), "Home News Sport The vote passed.");
    /// let by_block: Vec<&str> = splitter.split_within(text, &[0..15, 16..text.len()]).iter().map(|s| s.text(text)).collect();
    /// assert_eq!(by_block, ["Home News Sport", "The vote passed.", "It was close."]);
    /// ```
    pub fn split_within(&self, text: &str, ranges: &[std::ops::Range<usize>]) -> Vec<Sentence> {
        let offset = if text.starts_with('\u{FEFF}') { '\u{FEFF}'.len_utf8() } else { 0 };
        let mut sentences = Vec::with_capacity(expected_sentences(text));
        let mut next_range = 0;
        for block in lines::blocks(&text[offset..], offset) {
            // The pieces of this block that lie in one range each.
            while next_range < ranges.len() && ranges[next_range].end <= block.start {
                next_range += 1;
            }
            let mut k = next_range;
            while k < ranges.len() && ranges[k].start < block.end {
                let (start, end) = (ranges[k].start.max(block.start), ranges[k].end.min(block.end));
                if let (Some(piece), true) = (text.get(start..end), start < end) {
                    let trimmed_start = start + (piece.len() - piece.trim_start().len());
                    let trimmed_end = start + piece.trim_end().len();
                    if trimmed_start < trimmed_end {
                        let piece = Block { start: trimmed_start, end: trimmed_end, ..block };
                        self.split_block(
                            text,
                            piece,
                            candidates(&text[piece.start..piece.end], &self.rules),
                            &mut sentences,
                        );
                    }
                }
                k += 1;
            }
        }
        sentences
    }

    fn split_block(
        &self,
        text: &str,
        block: Block,
        candidates: impl Iterator<Item = Candidate>,
        out: &mut Vec<Sentence>,
    ) {
        let block_text = &text[block.start..block.end];
        let mut sentence_start = 0;
        for candidate in candidates {
            if candidate.offset <= sentence_start {
                continue;
            }
            let end = match candidate.kind {
                CandidateKind::ListItem => candidate.offset,
                CandidateKind::Rules => {
                    match self
                        .rules
                        .verdict(&block_text[sentence_start..candidate.offset], &block_text[candidate.offset..])
                    {
                        Verdict::Continue => continue,
                        Verdict::Break => with_stray_closing_mark(block_text, candidate.offset),
                        Verdict::BreakEarlier(bytes) => candidate.offset - bytes,
                    }
                }
            };
            if end <= sentence_start || end >= block_text.len() {
                continue;
            }
            self.push_sentence(text, block, block.start + sentence_start, block.start + end, out);
            sentence_start = end;
        }
        self.push_sentence(text, block, block.start + sentence_start, block.end, out);
    }

    /// Pushes `text[start..end]`, cut where run-on sentences were glued together and to the length cap.
    fn push_sentence(&self, text: &str, block: Block, start: usize, end: usize, out: &mut Vec<Sentence>) {
        let mut piece_start = start;
        runon::cuts(&text[start..end], &self.rules, |offset| {
            push_capped(text, block, piece_start, start + offset, &self.rules, out);
            piece_start = start + offset;
        });
        push_capped(text, block, piece_start, end, &self.rules, out);
    }
}

/// Room to reserve for the sentences of `text`: news sentences average about 120 bytes, so an article's
/// vector is made once rather than grown four or five times.
fn expected_sentences(text: &str) -> usize {
    text.len() / 128 + 4
}

/// Where a sentence may end: a UAX #29 boundary or a place UAX #29 misses, for the rules to judge, or the
/// start of a list item, which always is one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Candidate {
    offset: usize,
    kind: CandidateKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CandidateKind {
    Rules,
    ListItem,
}

/// The candidate boundaries of a block in increasing order of offset.
///
/// UAX #29 always breaks after a line break, but a block only contains the line breaks of hard-wrapped
/// prose, which continue the sentence, so `uax29` leaves those boundaries out. A number start can only
/// coincide with a UAX #29 boundary (when the break falls right before the number or its opening
/// bracket), never lie past one: only closing marks and spaces stand between its period and it (and a
/// glued start, which `number_starts` finds too, lies right after its period). So the number starts of
/// the whole block, less those that are boundaries, are those of each UAX #29 piece.
///
/// Marks that end sentences in the language but are no terminals to UAX #29 (Greek `;`) add their own.
fn candidates<'a>(block_text: &'a str, rules: &'a BoundaryRules) -> impl Iterator<Item = Candidate> + 'a {
    let mut boundaries = uax29::sentence_boundaries(block_text).peekable();
    let mut number_starts = number_starts(block_text).peekable();
    let rule_candidates = std::iter::from_fn(move || match (boundaries.peek(), number_starts.peek()) {
        (Some(&boundary), Some(&number)) if number < boundary => number_starts.next(),
        (Some(&boundary), Some(&number)) if number == boundary => {
            number_starts.next();
            boundaries.next()
        }
        (Some(_), _) => boundaries.next(),
        (None, _) => number_starts.next(),
    });
    let rule_candidates = merge_offsets(rule_candidates, ends_after_terminals_beyond_uax29(block_text, rules));
    let list_items = lists::item_starts(block_text);
    merge_sorted(
        rule_candidates.map(|offset| Candidate { offset, kind: CandidateKind::Rules }),
        list_items.into_iter().map(|offset| Candidate { offset, kind: CandidateKind::ListItem }),
    )
}

/// Where the marks of [`ends_after_terminals_beyond_uax29`] may be: where the language has them (Greek),
/// every colon, semicolon and 0xCD byte (U+037E is 0xCD 0xBE in UTF-8); for the Armenian colon, every
/// colon; else nowhere, so that most languages scan for nothing.
enum MarkPositions<'a> {
    Nowhere,
    Colons(memchr::Memchr<'a>),
    ColonsAndMore(memchr::Memchr3<'a>),
}

impl<'a> MarkPositions<'a> {
    fn new(bytes: &'a [u8], more: bool, colons: bool) -> Self {
        if more {
            MarkPositions::ColonsAndMore(memchr::memchr3_iter(b':', b';', 0xCD, bytes))
        } else if colons {
            MarkPositions::Colons(memchr::memchr_iter(b':', bytes))
        } else {
            MarkPositions::Nowhere
        }
    }
}

impl Iterator for MarkPositions<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        match self {
            MarkPositions::Nowhere => None,
            MarkPositions::Colons(positions) => positions.next(),
            MarkPositions::ColonsAndMore(positions) => positions.next(),
        }
    }
}

/// The union of two increasing sequences of offsets, increasing, each offset once.
fn merge_offsets(a: impl Iterator<Item = usize>, b: impl Iterator<Item = usize>) -> impl Iterator<Item = usize> {
    let mut a = a.peekable();
    let mut b = b.peekable();
    std::iter::from_fn(move || match (a.peek().copied(), b.peek().copied()) {
        (Some(x), Some(y)) if x == y => {
            b.next();
            a.next()
        }
        (Some(x), Some(y)) if y < x => b.next(),
        (Some(_), _) => a.next(),
        (None, _) => b.next(),
    })
}

/// Where a sentence would start after a mark that ends sentences for `rules` but not for UAX #29 (Greek
/// `;`, an Armenian colon): past closing marks and the spaces that must follow (without a space the mark
/// is part of something else, `&amp;` or `a;b`).
fn ends_after_terminals_beyond_uax29<'a>(text: &'a str, rules: &'a BoundaryRules) -> impl Iterator<Item = usize> + 'a {
    let more = rules.has_terminals_beyond_colon();
    let bytes = text.as_bytes();
    MarkPositions::new(bytes, more, rules.ends_at_armenian_colons()).filter_map(move |position| {
        // Most colons follow no Armenian letter, whose UTF-8 starts with 0xD4 to 0xD6: told by one byte.
        let after_armenian_lead_byte = position >= 2 && matches!(bytes[position - 2], 0xD4..=0xD6);
        if !more && !after_armenian_lead_byte {
            return None;
        }
        let mark = text.get(position..)?.chars().next()?;
        let before = text[..position].chars().next_back();
        if !rules.is_terminal_beyond_uax29(mark, before) {
            return None;
        }
        let after_mark = &text[position + mark.len_utf8()..];
        let after_closing = after_mark.trim_start_matches(is_closing);
        let after_space = after_closing.trim_start();
        (after_space.len() < after_closing.len() && !after_space.is_empty()).then(|| text.len() - after_space.len())
    })
}

/// Merges two iterators sorted by offset; at equal offsets the list item comes first.
fn merge_sorted(
    rules: impl Iterator<Item = Candidate>,
    items: impl Iterator<Item = Candidate>,
) -> impl Iterator<Item = Candidate> {
    let mut rules = rules.peekable();
    let mut items = items.peekable();
    std::iter::from_fn(move || match (rules.peek(), items.peek()) {
        (Some(rule), Some(item)) if rule.offset < item.offset => rules.next(),
        (_, Some(_)) => items.next(),
        (Some(_), None) => rules.next(),
        (None, None) => None,
    })
}

/// Offsets in `text` where a sentence might start after a period although UAX #29 does not break there:
/// with a number ("in 2003. 2004 was"; rule SB8 holds, because a lower-case letter follows before any
/// capital), with an ellipsis after a full stop ("was raak. ...en toen"; SB8a, a terminal follows), or with
/// a capital glued on to a word ("months.It will", rule SB7; see `glued`). One pass over the periods finds
/// all three. An ellipsis counts only as three dots or `…` right before a letter, after spaces after a
/// period that follows a letter or digit, so spaced ellipses (". . .") and stray dots ("Sentence. .. Next")
/// are left to the ellipsis rules.
fn number_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b'.', bytes).filter_map(move |period| {
        // Most periods have an ASCII character after them that is neither a space nor a closing mark, or
        // a space and a letter: no number starts there, though a glued sentence may.
        match bytes.get(period + 1..period + 3) {
            Some([next, _]) if next.is_ascii() && !matches!(next, b' ' | b'\t' | b'"' | b'\'' | b')' | b']' | b'}') => {
                return glued::start_after(text, period);
            }
            Some([b' ', letter]) if letter.is_ascii_alphabetic() => return None,
            _ => {}
        }
        let rest = &text[period + 1..];
        let after_closing = rest.trim_start_matches(is_closing);
        let after_space = after_closing.trim_start_matches([' ', '\t', '\u{a0}']);
        if after_space.len() == after_closing.len() {
            return None;
        }
        let opens_with_digit =
            after_space.trim_start_matches(rules::is_opening).as_bytes().first().is_some_and(u8::is_ascii_digit);
        let opens_with_ellipsis = || {
            after_closing.len() == rest.len()
                && text[..period].chars().next_back().is_some_and(char::is_alphanumeric)
                && after_space
                    .strip_prefix("...")
                    .filter(|rest| !rest.starts_with('.'))
                    .or_else(|| after_space.strip_prefix('\u{2026}'))
                    .is_some_and(|rest| rest.chars().next().is_some_and(char::is_alphabetic))
        };
        (opens_with_digit || opens_with_ellipsis()).then(|| text.len() - after_space.len())
    })
}

/// A quote or bracket standing alone after a sentence (`year. " Hayes said`) closes that sentence: an
/// opening one would be attached to the next word. Returns the boundary moved past it.
fn with_stray_closing_mark(block_text: &str, boundary: usize) -> usize {
    let rest = &block_text[boundary..];
    let mut chars = rest.chars();
    match (chars.next(), chars.next()) {
        (Some(mark), next) if is_closing(mark) && next.is_none_or(char::is_whitespace) => boundary + mark.len_utf8(),
        _ => boundary,
    }
}

/// Pushes `text[start..end]` trimmed, cut into pieces of at most [`MAX_SENTENCE_BYTES`].
fn push_capped(text: &str, block: Block, start: usize, end: usize, rules: &BoundaryRules, out: &mut Vec<Sentence>) {
    let mut start = start;
    loop {
        let piece = &text[start..end];
        let trimmed_start = start + (piece.len() - piece.trim_start().len());
        let trimmed_end = start + piece.trim_end().len();
        if trimmed_start >= trimmed_end {
            return;
        }
        let cut = if trimmed_end - trimmed_start > MAX_SENTENCE_BYTES {
            cut_point(text, trimmed_start, trimmed_start + MAX_SENTENCE_BYTES)
        } else {
            trimmed_end
        };
        let sentence_text = text[trimmed_start..cut].trim_end();
        let sentence_end = trimmed_start + sentence_text.len();
        out.push(Sentence {
            start: trimmed_start,
            end: sentence_end,
            paragraph: block.paragraph,
            line: block.line,
            starts_line: trimmed_start == block.start,
            ends_line: sentence_end == block.end,
            terminated: lines::ends_with_terminal(sentence_text)
                || rules.ends_with_terminal_beyond_uax29(sentence_text),
        });
        if cut >= trimmed_end {
            return;
        }
        start = cut;
    }
}

/// Where to cut an over-long sentence: the last whitespace before `limit`, else the last char boundary.
fn cut_point(text: &str, start: usize, limit: usize) -> usize {
    let mut limit = limit.min(text.len());
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    match text[start..limit].rfind(char::is_whitespace) {
        Some(space) if space > 0 => start + space,
        _ if limit > start => limit,
        // A single character longer than the limit cannot happen (chars are at most 4 bytes).
        _ => text[start..].chars().next().map_or(text.len(), |c| start + c.len_utf8()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_segmentation::UnicodeSegmentation;

    /// The candidates as they were found before `uax29`, from every piece `unicode-segmentation` gives:
    /// the oracle the fast path is checked against.
    pub(super) fn library_candidates<'a>(
        block_text: &'a str,
        rules: &'a BoundaryRules,
    ) -> impl Iterator<Item = Candidate> + 'a {
        let rule_candidates = block_text.split_sentence_bound_indices().flat_map(move |(piece_start, piece)| {
            let boundary = piece_start + piece.len();
            let after_line_break = piece.trim_end_matches([' ', '\t']).ends_with(['\n', '\r', '\u{85}', '\u{2028}']);
            let piece_end = (boundary < block_text.len() && !after_line_break).then_some(boundary);
            // A start may need to see past its piece: an ellipsis that opens a sentence (`It. ...It`)
            // ends a UAX #29 piece, and the word it opens is in the next one.
            number_starts(&block_text[piece_start..])
                .take_while(move |&offset| offset < piece.len())
                .map(move |offset| piece_start + offset)
                .chain(piece_end)
        });
        let rule_candidates = merge_offsets(rule_candidates, ends_after_terminals_beyond_uax29(block_text, rules));
        let list_items = lists::item_starts(block_text);
        merge_sorted(
            rule_candidates.map(|offset| Candidate { offset, kind: CandidateKind::Rules }),
            list_items.into_iter().map(|offset| Candidate { offset, kind: CandidateKind::ListItem }),
        )
    }

    /// `split` with the candidates of [`library_candidates`].
    pub(super) fn split_by_library(splitter: &SentenceSplitter, text: &str) -> Vec<Sentence> {
        let offset = if text.starts_with('\u{FEFF}') { '\u{FEFF}'.len_utf8() } else { 0 };
        let mut sentences = Vec::with_capacity(expected_sentences(text));
        for block in lines::blocks(&text[offset..], offset) {
            let block_text = &text[block.start..block.end];
            splitter.split_block(text, block, library_candidates(block_text, &splitter.rules), &mut sentences);
        }
        sentences
    }

    /// Text rich in what the candidates are made of: numbers after periods, list markers, quotes and
    /// brackets, spaces of several kinds and line breaks.
    fn candidate_text() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let piece = prop::sample::select(
            &[
                "in",
                "It",
                "we",
                "Dr.",
                "U.S.",
                "months.It",
                ".Today",
                "2003",
                "2004",
                "1)",
                "2)",
                "a.",
                "b.",
                "1.",
                "2.",
                "(",
                ")",
                "\"",
                "'",
                "\u{2019}",
                "\u{201C}",
                "\u{201D}",
                " ",
                " ",
                " ",
                "\u{A0}",
                "\t",
                ".",
                ". ",
                "! ",
                "?",
                ":",
                "\n",
                "\r\n",
                "\u{E9}",
                "\u{301}",
                "\u{2022}",
                "\u{2026}",
                "\u{3002}",
            ][..],
        );
        prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(4_000))]

        #[test]
        fn candidates_and_sentences_are_those_of_the_library_pieces(text in candidate_text()) {
            let splitter = SentenceSplitter::new(Language::English);
            proptest::prop_assert!(
                candidates(&text, &splitter.rules).eq(library_candidates(&text, &splitter.rules)),
                "{:?}",
                text
            );
            proptest::prop_assert_eq!(splitter.split(&text), split_by_library(&splitter, &text), "{:?}", text);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(1_000))]

        #[test]
        fn split_within_one_range_is_split_and_no_sentence_crosses_a_cut(text in candidate_text(), cut in 0usize..200) {
            let splitter = SentenceSplitter::new(Language::English);
            proptest::prop_assert_eq!(splitter.split_within(&text, std::slice::from_ref(&(0..text.len()))), splitter.split(&text));
            let mut cut = cut.min(text.len());
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            for sentence in splitter.split_within(&text, &[0..cut, cut..text.len()]) {
                proptest::prop_assert!(sentence.end <= cut || sentence.start >= cut, "{:?} at {}", text, cut);
            }
        }
    }

    fn split(text: &str) -> Vec<&str> {
        SentenceSplitter::new(Language::English).split(text).iter().map(|s| s.text(text)).collect()
    }

    #[test]
    fn byte_order_mark_and_crlf() {
        let text = "\u{FEFF}One.\r\nTwo.";
        assert_eq!(split(text), ["One.", "Two."]);
    }

    #[test]
    fn long_text_without_punctuation_is_capped() {
        let text = "word ".repeat(10_000);
        let sentences = SentenceSplitter::new(Language::English).split(&text);
        assert!(sentences.len() >= 20);
        assert!(sentences.iter().all(|s| s.end - s.start <= MAX_SENTENCE_BYTES));
    }

    #[test]
    fn long_text_without_spaces_is_capped_at_char_boundaries() {
        let text = "é".repeat(5_000);
        let sentences = SentenceSplitter::new(Language::English).split(&text);
        assert!(sentences.iter().all(|s| s.end - s.start <= MAX_SENTENCE_BYTES));
        assert_eq!(sentences.iter().map(|s| s.end - s.start).sum::<usize>(), text.len());
    }
}
