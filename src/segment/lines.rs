//! Text structure: lines, blank lines and paragraphs, before any sentence rule runs.
//!
//! Scraped text carries structure in its line breaks: a headline, a caption or "Picture: REUTERS" is a
//! line of its own, and a blank line ends a paragraph. This pass turns the input into *blocks*: runs of
//! text that no sentence may cross. Sentence rules then only look inside one block.

/// A run of text that sentences never cross: one line, or several lines joined because the text is
/// hard-wrapped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Block {
    /// Byte range in the input, without the line terminator and without surrounding whitespace.
    pub start: usize,
    pub end: usize,
    /// Paragraph number: blocks separated by a blank line (or U+2029) have different numbers.
    pub paragraph: u32,
    /// Line number (0-based) of the block's first line.
    pub line: u32,
}

/// A physical line: content range without its terminator.
#[derive(Clone, Copy, Debug)]
struct Line {
    start: usize,
    end: usize,
    /// The line is followed by a paragraph separator (U+2029) rather than a line break.
    ends_paragraph: bool,
}

/// Lines shorter than this are taken for wrapped prose only when they end inside a clause and the next
/// line finishes the sentence: a short line is a title, a caption or a list item, and standing alone is
/// what makes it one.
const MIN_WRAPPED_LINE_CHARS: usize = 40;

/// A short line joins the next one as the first part of a sentence only if it has this many words
/// ("It was a cold" | "night in the city."), so that a list of short items ("contact manager") stays one
/// item a line.
const MIN_FRAGMENT_WORDS: usize = 3;

/// Widest wrap width, in bytes, of a hard-wrapped paragraph (e-mail and RFCs wrap at 72, licences at 80,
/// READMEs at 100 to 120): a paragraph with a longer line is written one paragraph a line, and its
/// line breaks are meant.
const MAX_WRAP_WIDTH: usize = 132;

/// The wrap width of the current paragraph (the lines between blank lines): its widest line, from the
/// start of the line to the end of its content. Found only when a line break needs it, which is seldom,
/// and then once per paragraph, so splitting stays one pass over the text in the common case and linear
/// in every case.
#[derive(Clone, Copy, Debug)]
struct ParagraphWidth {
    /// Byte offset in the text where the paragraph's first line starts.
    start: usize,
    widest: Option<usize>,
}

impl ParagraphWidth {
    fn starting_at(start: usize) -> Self {
        ParagraphWidth { start, widest: None }
    }

    fn get(&mut self, text: &str) -> usize {
        *self.widest.get_or_insert_with(|| {
            let mut widest = 0;
            for line in physical_lines(&text[self.start..]) {
                let width = line_width(&text[self.start + line.start..self.start + line.end]);
                if width == 0 {
                    break;
                }
                widest = widest.max(width);
                if line.ends_paragraph {
                    break;
                }
            }
            widest
        })
    }
}

/// Bytes from the start of a line to the end of its content: indentation counts, trailing spaces do not.
fn line_width(line: &str) -> usize {
    line.trim_end_matches(is_layout_space).len()
}

/// Splits `text` into blocks. `offset` is where `text` starts in the input (after a BOM).
pub(crate) fn blocks(text: &str, offset: usize) -> Vec<Block> {
    let mut out = Vec::new();
    let mut paragraph: u32 = 0;
    let mut pending: Option<Block> = None;
    let mut previous_line: Option<Line> = None;
    let mut paragraph_width = ParagraphWidth::starting_at(0);

    for (line_number, line) in physical_lines(text).enumerate() {
        let line_number = u32::try_from(line_number).unwrap_or(u32::MAX);
        let (start, end) = trim_range(text, line.start, line.end);
        if start == end {
            // A blank line ends the paragraph.
            if let Some(block) = pending.take() {
                out.push(block);
            }
            if previous_line.is_some() {
                paragraph = paragraph.saturating_add(1);
            }
            previous_line = None;
            continue;
        }
        if previous_line.is_none() {
            paragraph_width = ParagraphWidth::starting_at(line.start);
        }
        let content = &text[start..end];
        let joins_previous = match (&pending, previous_line) {
            (Some(_), Some(prev)) => {
                let previous = &text[prev.start..prev.end];
                continues_wrapped_line(previous, content, || paragraph_width.get(text))
            }
            _ => false,
        };
        if joins_previous {
            if let Some(block) = pending.as_mut() {
                block.end = end + offset;
            }
        } else {
            if let Some(block) = pending.take() {
                out.push(block);
            }
            pending = Some(Block { start: start + offset, end: end + offset, paragraph, line: line_number });
        }
        previous_line = Some(line);
        if line.ends_paragraph {
            if let Some(block) = pending.take() {
                out.push(block);
            }
            paragraph = paragraph.saturating_add(1);
            previous_line = None;
        }
    }
    if let Some(block) = pending.take() {
        out.push(block);
    }
    out
}

/// Hard-wrapped prose: the previous line is long and ends inside a sentence, or after a period that may
/// be an abbreviation ("etc.") or a dash, and the next line carries on in lower case; or the previous line
/// ends in a comma or semicolon, which no sentence ends on; or it fills its paragraph's wrap width, so
/// that the next line's first word did not fit on it (whatever that word starts with: "whether in Source
/// or" | "Object form"). A short line joins only as the first words of a sentence the next line finishes.
/// The sentence rules then judge the joined text. A line that stands alone (a headline, a caption, a
/// byline) never passes this test.
fn continues_wrapped_line(previous_line: &str, next: &str, paragraph_width: impl FnOnce() -> usize) -> bool {
    let previous = previous_line.trim_end();
    let Some(last) = previous.chars().next_back() else { return false };
    let next_starts_lower = next.chars().next().is_some_and(char::is_lowercase);
    if previous.chars().count() < MIN_WRAPPED_LINE_CHARS {
        return next_starts_lower && opens_sentence_finished_by(previous, next);
    }
    let ends_mid_clause = matches!(last, ',' | ';');
    let may_continue = last.is_alphanumeric() || matches!(last, '.' | '-' | '\u{2013}' | '\u{2014}' | '(');
    ends_mid_clause || (next_starts_lower && may_continue) || fills_wrap_width(previous_line, next, paragraph_width)
}

/// "It was a cold" | "night in the city.": a short line of a few words that ends on a lower-case word, and
/// a next line that ends the sentence. A short line that is a headline or a list item fails it.
fn opens_sentence_finished_by(previous: &str, next: &str) -> bool {
    previous.chars().next_back().is_some_and(char::is_lowercase)
        && previous.split_whitespace().nth(MIN_FRAGMENT_WORDS - 1).is_some()
        && !looks_like_headline(previous)
        && ends_with_terminal(next)
}

/// The previous line of a paragraph wrapped at no more than [`MAX_WRAP_WIDTH`] ends inside a sentence
/// and is full: the next line's first word would not have fitted on it, give or take a tenth of the
/// width. The next line is long too, or finishes the sentence, so a headline above a caption is left
/// alone, and it opens no list item, heading, quote or table row. (A list item may wrap onto the next
/// line; a heading or a table row may not.) The cheap tests come first: the paragraph's width is looked
/// for only when they pass.
fn fills_wrap_width(previous_line: &str, next: &str, paragraph_width: impl FnOnce() -> usize) -> bool {
    let previous = previous_line.trim();
    let width = line_width(previous_line);
    if width > MAX_WRAP_WIDTH || ends_with_terminal(previous) || previous.ends_with(':') {
        return false;
    }
    let next_is_long = next.chars().nth(MIN_WRAPPED_LINE_CHARS - 1).is_some();
    if !(next_is_long || ends_with_terminal(next))
        || opens_block(next)
        || previous.starts_with(['#', '|'])
        || is_aligned(previous)
        || is_aligned(next)
        || looks_like_headline(previous)
    {
        return false;
    }
    let paragraph_width = paragraph_width();
    let first_word_len = next.find(char::is_whitespace).unwrap_or(next.len());
    // Text wrapped by hand, not by a tool, leaves a little room at the end of a full line.
    let slack = paragraph_width / 10;
    paragraph_width <= MAX_WRAP_WIDTH && width + 1 + first_word_len + slack > paragraph_width
}

/// A line that opens a list item, a heading, a quote or a table row of plain-text markup: `- `, `* `,
/// `• `, `1. `, `a) `, `#`, `>`, `|`.
fn opens_block(line: &str) -> bool {
    let mut words = line.split_whitespace();
    let Some(first) = words.next() else { return false };
    let bullet = matches!(first, "-" | "*" | "+" | "\u{2022}" | "\u{2013}" | "\u{2014}");
    let marker = first.len() <= 4
        && first.ends_with(['.', ')'])
        && first[..first.len() - 1].chars().all(|c| c.is_ascii_digit())
        && first.len() > 1;
    bullet || marker || first.starts_with(['#', '>', '|'])
}

/// A run of three spaces inside the line: columns aligned by hand, as in code, a table or a command with
/// its comment, which is no prose.
fn is_aligned(line: &str) -> bool {
    line.trim().contains("   ")
}

/// Most words capitalised, as in a headline or a title ("Volkswagen Unveils Its First Electric Car").
fn looks_like_headline(line: &str) -> bool {
    let (mut words, mut capitalised) = (0, 0);
    for word in line.split_whitespace() {
        let Some(first) = word.trim_start_matches(super::rules::is_opening).chars().next() else { continue };
        if first.is_alphabetic() {
            words += 1;
            capitalised += usize::from(first.is_uppercase());
        }
    }
    words >= 3 && capitalised * 10 >= words * 6
}

/// Whether a line ends a sentence: its last character, after closing quotes and brackets (`great."`, or
/// `year. "` with the quote set apart), is terminal punctuation.
pub(crate) fn ends_with_terminal(line: &str) -> bool {
    // Most lines end in a period, or in a letter or digit (a headline): neither is trimmed below.
    match line.as_bytes().last() {
        Some(b'.' | b'!' | b'?') => return true,
        Some(byte) if byte.is_ascii_alphanumeric() => return false,
        _ => {}
    }
    line.trim_end()
        .trim_end_matches(super::rules::is_closing)
        .trim_end()
        .chars()
        .next_back()
        .is_some_and(super::rules::is_terminal)
}

/// Trims Unicode whitespace (and stray control characters) off both ends of `text[start..end]`.
fn trim_range(text: &str, start: usize, end: usize) -> (usize, usize) {
    let slice = &text[start..end];
    let trimmed_start = slice.trim_start_matches(is_layout_space);
    let new_start = start + (slice.len() - trimmed_start.len());
    let trimmed = trimmed_start.trim_end_matches(is_layout_space);
    (new_start, new_start + trimmed.len())
}

/// Whitespace, and the invisible characters that scrapers leave around lines.
pub(crate) fn is_layout_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}') || c.is_control()
}

/// Lines split at `\n`, `\r\n`, a lone `\r`, U+2028 (line separator) and U+2029 (paragraph separator).
fn physical_lines(text: &str) -> impl Iterator<Item = Line> + '_ {
    let bytes = text.as_bytes();
    let mut position = 0;
    std::iter::from_fn(move || {
        if position > bytes.len() || (position == bytes.len() && !bytes.is_empty()) {
            return None;
        }
        let start = position;
        let mut i = start;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => {
                    position = i + 1;
                    return Some(Line { start, end: i, ends_paragraph: false });
                }
                b'\r' => {
                    position = if bytes.get(i + 1) == Some(&b'\n') { i + 2 } else { i + 1 };
                    return Some(Line { start, end: i, ends_paragraph: false });
                }
                // U+2028 is E2 80 A8, U+2029 is E2 80 A9.
                0xE2 if bytes.get(i + 1) == Some(&0x80) && matches!(bytes.get(i + 2), Some(0xA8 | 0xA9)) => {
                    position = i + 3;
                    let ends_paragraph = bytes[i + 2] == 0xA9;
                    return Some(Line { start, end: i, ends_paragraph });
                }
                _ => i += memchr::memchr3(b'\n', b'\r', 0xE2, &bytes[i + 1..]).map_or(bytes.len() - i, |n| n + 1),
            }
        }
        position = bytes.len() + 1;
        Some(Line { start, end: bytes.len(), ends_paragraph: false })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block_texts(text: &str) -> Vec<(&str, u32)> {
        blocks(text, 0).iter().map(|b| (&text[b.start..b.end], b.paragraph)).collect()
    }

    #[test]
    fn standalone_lines_are_blocks_and_blank_lines_end_paragraphs() {
        let text = "Headline here\nPicture: REUTERS\n\nFirst sentence. Second one.\r\nThird line\n";
        assert_eq!(
            block_texts(text),
            vec![("Headline here", 0), ("Picture: REUTERS", 0), ("First sentence. Second one.", 1), ("Third line", 1)]
        );
    }

    #[test]
    fn hard_wrapped_prose_is_joined() {
        let text = "The committee said on Tuesday that the new rules would\ntake effect next year, officials said.";
        assert_eq!(block_texts(text).len(), 1);
    }

    #[test]
    fn a_lower_case_line_after_a_period_is_joined_for_the_rules_to_judge() {
        let text = "They sell pens, paper, ink, glue, tape, staples, folders etc.\nand they deliver on Sundays.";
        assert_eq!(block_texts(text).len(), 1);
        assert_eq!(block_texts("They sell pens, paper, ink, glue, tape and more!\nand they deliver.").len(), 2);
    }

    #[test]
    fn a_long_line_ending_in_a_comma_is_joined_whatever_follows() {
        let text = "The minister, who spoke to reporters in London on Tuesday,\nSir John Smith, said it was over.";
        assert_eq!(block_texts(text).len(), 1);
        assert_eq!(block_texts("Home, News, Sport,\nWeather").len(), 2, "short lines stand alone");
    }

    #[test]
    fn a_full_line_of_a_wrapped_paragraph_joins_whatever_the_next_line_starts_with() {
        let text = "      \"Work\" shall mean the program and every file that came with it, whether in\n      \
                    Source or Object form, made available under the Licence, as indicated by a\n      \
                    `NOTICE` file that is included in or attached to the work (see the end of this\n      \
                    [Appendix]).";
        assert_eq!(block_texts(text).len(), 1);
    }

    #[test]
    fn a_line_that_ends_short_of_the_wrap_width_stays_apart() {
        // A headline over a caption, both shorter than the widest line of the paragraph.
        let text = "Flood water fills the main street of Harbour Town\n\
                    The river burst its banks on Sunday night after three days of rain in the hills above it.";
        assert_eq!(block_texts(text).len(), 2);
        // Wrapped, but a headline in title case, and columns aligned by hand.
        let text = "Flood Water Fills The Main Street Of Harbour Town After Storms\n\
                    The river burst its banks on Sunday night after rain in the hills.";
        assert_eq!(block_texts(text).len(), 2);
        let text = "Name                Role in the project these days\n\
                    Alice Smith         Maintainer of the sentence splitter";
        assert_eq!(block_texts(text).len(), 2);
    }

    #[test]
    fn a_short_line_joins_only_as_the_start_of_a_sentence_the_next_line_ends() {
        assert_eq!(block_texts("This is a sentence\ncut off in the middle because pdf.").len(), 1);
        assert_eq!(block_texts("It was a cold \nnight in the city.").len(), 1);
        assert_eq!(block_texts("features\ncontact manager\nevents, activities\n").len(), 3);
        assert_eq!(block_texts("Subscribe to our newsletter\nto read more").len(), 2);
    }

    #[test]
    fn stray_closing_quotes_after_the_mark_still_end_a_line() {
        assert!(ends_with_terminal("a great year. \""));
        assert!(ends_with_terminal("(He said so.)"));
        assert!(!ends_with_terminal("Picture: REUTERS"));
    }

    #[test]
    fn short_lines_are_not_joined_even_before_lower_case() {
        assert_eq!(block_texts("Subscribe now\nto read more").len(), 2);
    }

    #[test]
    fn separators_and_lone_carriage_returns_split_lines() {
        assert_eq!(block_texts("a\rb\u{2028}c\u{2029}d"), vec![("a", 0), ("b", 0), ("c", 0), ("d", 1)]);
    }

    #[test]
    fn empty_and_blank_inputs_have_no_blocks() {
        assert!(blocks("", 0).is_empty());
        assert!(blocks("\n\n \t\r\n", 0).is_empty());
    }
}
