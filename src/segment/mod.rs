//! Stage 1: sentence segmentation.
//!
//! UAX #29 sentence boundaries (from `unicode-segmentation`) are the base. On top of them the splitter
//! applies what UAX #29 cannot know: the structure of the text (a blank line ends a paragraph; a line
//! without final punctuation, such as a headline or a photo credit, stands alone) and the rules of the
//! language (abbreviations, initials, ellipses, list items). Every [`Sentence`] keeps its byte span into
//! the input, so all later stages, and every output, can point back into the source.
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

mod lines;
mod rules;

use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

use crate::language::Language;
use lines::Block;
use rules::BoundaryRules;

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

    /// The sentences of `text` in order, with non-overlapping, increasing spans that never include
    /// surrounding whitespace. A leading byte-order mark is skipped.
    pub fn split(&self, text: &str) -> Vec<Sentence> {
        let offset = if text.starts_with('\u{FEFF}') { '\u{FEFF}'.len_utf8() } else { 0 };
        let mut sentences = Vec::new();
        for block in lines::blocks(&text[offset..], offset) {
            self.split_block(text, block, &mut sentences);
        }
        sentences
    }

    fn split_block(&self, text: &str, block: Block, out: &mut Vec<Sentence>) {
        let block_text = &text[block.start..block.end];
        let mut sentence_start = 0;
        for (piece_start, piece) in block_text.split_sentence_bound_indices() {
            let boundary = piece_start + piece.len();
            if boundary >= block_text.len() {
                break;
            }
            // UAX #29 always breaks after a line break, but a block only contains the line breaks of
            // hard-wrapped prose, which continue the sentence.
            if piece.trim_end_matches([' ', '\t']).ends_with(['\n', '\r', '\u{85}', '\u{2028}']) {
                continue;
            }
            if self.rules.confirms_boundary(&block_text[sentence_start..boundary], &block_text[boundary..]) {
                push_capped(text, block, block.start + sentence_start, block.start + boundary, out);
                sentence_start = boundary;
            }
        }
        push_capped(text, block, block.start + sentence_start, block.end, out);
    }
}

/// Pushes `text[start..end]` trimmed, cut into pieces of at most [`MAX_SENTENCE_BYTES`].
fn push_capped(text: &str, block: Block, start: usize, end: usize, out: &mut Vec<Sentence>) {
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
            terminated: lines::ends_with_terminal(sentence_text),
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
