//! Stage 0: the input stage. Raw input (plain text, an HTML page, a Markdown file) becomes a
//! [`Document`]: the text the pipeline reads, the title when the source has one, and the source's blocks
//! (paragraph, heading, list item, caption, navigation, …) with their byte ranges in that text.
//!
//! Plain text becomes a document exactly as it is, with no blocks: its structure is found by the splitter
//! from its line breaks, as before there was an input stage. HTML and Markdown carry their structure
//! in their markup, and the blocks pass it on: sentences never cross a block, and a sentence of a
//! navigation bar, a footer, a caption, a code block or a table cell is never chosen for a brief.
//!
//! ```
//! use nutgraf::{BlockKind, Document, InputFormat};
//!
//! let page = "<html><head><title>Rates rise again</title></head><body><nav><a href='/'>Home</a></nav>\
//!             <article><p>The central bank raised rates on Tuesday.</p></article></body></html>";
//! let document = Document::read(page, None)?;
//! assert_eq!(document.format, InputFormat::Html);
//! assert_eq!(document.title.as_deref(), Some("Rates rise again"));
//! assert!(document.text.contains("The central bank raised rates on Tuesday."));
//!
//! let notes = Document::from_text("Meeting notes. Nothing decided.").with_title("Monday");
//! assert_eq!(notes.title.as_deref(), Some("Monday"));
//! assert!(notes.blocks.is_empty());
//! # Ok::<(), nutgraf::Error>(())
//! ```

mod detect;
#[cfg(feature = "html")]
mod html;
#[cfg(feature = "markdown")]
mod markdown;
#[cfg(feature = "html")]
mod prune;

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// What kind of input a document was read from.
///
/// ```
/// use nutgraf::InputFormat;
///
/// assert_eq!("html".parse::<InputFormat>()?, InputFormat::Html);
/// assert_eq!(InputFormat::Markdown.to_string(), "markdown");
/// # Ok::<(), nutgraf::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum InputFormat {
    /// Plain text: paragraphs between blank lines, structure from line breaks.
    Text,
    /// An HTML page: its main content is extracted, its markup gives the blocks.
    Html,
    /// Markdown (CommonMark with tables).
    Markdown,
}

impl InputFormat {
    /// Every format, in the order `--input` lists them.
    pub const ALL: [InputFormat; 3] = [InputFormat::Text, InputFormat::Html, InputFormat::Markdown];

    /// The format's name, as `--input` takes it.
    pub fn name(self) -> &'static str {
        match self {
            InputFormat::Text => "text",
            InputFormat::Html => "html",
            InputFormat::Markdown => "markdown",
        }
    }

    /// The format that a file name's extension says, if it says one.
    ///
    /// ```
    /// use nutgraf::InputFormat;
    ///
    /// assert_eq!(InputFormat::from_extension("page.HTM"), Some(InputFormat::Html));
    /// assert_eq!(InputFormat::from_extension("README.md"), Some(InputFormat::Markdown));
    /// assert_eq!(InputFormat::from_extension("notes"), None);
    /// ```
    pub fn from_extension(file_name: &str) -> Option<InputFormat> {
        detect::from_extension(file_name)
    }

    /// The format of `text` judged by its content: HTML when it opens with a doctype, an `<html>` tag or
    /// a run of HTML tags; plain text otherwise. Markdown is not guessed from content (most text would
    /// pass for it); it comes from a file's extension or from [`Document::read`]'s caller.
    ///
    /// ```
    /// use nutgraf::InputFormat;
    ///
    /// assert_eq!(InputFormat::sniff("<!DOCTYPE html><p>Hi</p>"), InputFormat::Html);
    /// assert_eq!(InputFormat::sniff("<div><p>One</p><p>Two</p></div>"), InputFormat::Html);
    /// assert_eq!(InputFormat::sniff("Use <b> for bold."), InputFormat::Text);
    /// ```
    pub fn sniff(text: &str) -> InputFormat {
        if detect::looks_like_html(text) { InputFormat::Html } else { InputFormat::Text }
    }
}

impl fmt::Display for InputFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for InputFormat {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        InputFormat::ALL
            .into_iter()
            .find(|format| {
                format.name().eq_ignore_ascii_case(s)
                    || (s.eq_ignore_ascii_case("md") && *format == InputFormat::Markdown)
            })
            .ok_or_else(|| Error::UnknownInputFormat(s.to_string()))
    }
}

/// What a block of a document is, as its source says.
///
/// ```
/// use nutgraf::BlockKind;
///
/// assert!(BlockKind::Navigation.is_furniture());
/// assert!(!BlockKind::Paragraph.is_furniture());
/// assert_eq!(BlockKind::Heading { level: 2 }.name(), "heading");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum BlockKind {
    /// Running text.
    Paragraph,
    /// A heading, level 1 (the largest) to 6.
    Heading {
        /// 1 to 6.
        level: u8,
    },
    /// One item of a list.
    ListItem,
    /// A block quotation.
    Quote,
    /// A figure's or a table's caption.
    Caption,
    /// Program code or preformatted text.
    Code,
    /// A cell of a table.
    TableCell,
    /// A site's navigation (`<nav>`, `role="navigation"`).
    Navigation,
    /// Content beside the main text (`<aside>`, `role="complementary"`).
    Aside,
    /// A page's or a section's footer.
    Footer,
    /// A page's or a section's header (a masthead, not a heading).
    Header,
    /// A form: search boxes, sign-up prompts, comment fields.
    Form,
}

impl BlockKind {
    /// The kind's name in `nutgraf extract --format json`.
    pub fn name(self) -> &'static str {
        match self {
            BlockKind::Paragraph => "paragraph",
            BlockKind::Heading { .. } => "heading",
            BlockKind::ListItem => "list_item",
            BlockKind::Quote => "quote",
            BlockKind::Caption => "caption",
            BlockKind::Code => "code",
            BlockKind::TableCell => "table_cell",
            BlockKind::Navigation => "navigation",
            BlockKind::Aside => "aside",
            BlockKind::Footer => "footer",
            BlockKind::Header => "header",
            BlockKind::Form => "form",
        }
    }

    /// Whether a sentence of such a block is page furniture that never goes into a brief, whatever its
    /// words: a heading, a caption, code, a table cell, navigation, an aside, a header or footer, a form.
    /// Paragraphs, list items and quotes are text.
    pub fn is_furniture(self) -> bool {
        !matches!(self, BlockKind::Paragraph | BlockKind::ListItem | BlockKind::Quote)
    }
}

/// One block of a [`Document`]: its kind and its byte range in [`Document::text`]. Sentences never cross
/// from one block into another.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// Byte offset of the block's first character in the document's text.
    pub start: usize,
    /// Byte offset one past its end.
    pub end: usize,
}

impl Block {
    /// The block's text in the document's `text`.
    ///
    /// ```
    /// let document = nutgraf::Document::from_markdown("# Notes\n\nFirst point.\n");
    /// let block = document.blocks[0];
    /// assert_eq!(block.text(&document.text), "First point.");
    /// ```
    pub fn text(self, text: &str) -> &str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// What the pipeline reads: the text, its title if the source has one, and the source's blocks.
///
/// The title is apart from the text: it counts for the headline similarity of each sentence and is
/// never itself a sentence of a brief.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// The text that the splitter reads. For HTML and Markdown: one block after another, a blank line
    /// between blocks (one line break between the items of a list).
    pub text: String,
    /// The title or headline, if the source has one or the caller gave one.
    pub title: Option<String>,
    /// The blocks, in order, not overlapping, each within `text`. Empty for plain text.
    pub blocks: Vec<Block>,
    /// What the document was read from.
    pub format: InputFormat,
}

impl Document {
    /// Plain text as it is, with no title and no blocks.
    pub fn from_text(text: impl Into<String>) -> Document {
        Document { text: text.into(), title: None, blocks: Vec::new(), format: InputFormat::Text }
    }

    /// Gives the document a title (replacing one the source had); a blank title removes it.
    #[must_use]
    pub fn with_title(mut self, title: impl Into<String>) -> Document {
        let title = normalize_title(&title.into());
        self.title = (!title.is_empty()).then_some(title);
        self
    }

    /// The main content of an HTML page. Fails only for a page too large or too deeply nested to be read
    /// within bounded time and memory (see [`Error::InputTooComplex`]). Navigation, footers and asides
    /// are left out before the page is parsed (when their markup is balanced), as the extraction would
    /// leave them out of the article.
    ///
    /// ```
    /// let page = "<body><h1>Storm</h1><p>The storm hit<br>the coast.</p><footer>© 2024 Example</footer></body>";
    /// let document = nutgraf::Document::from_html(page)?;
    /// assert_eq!(document.text, "Storm\n\nThe storm hit\nthe coast.");
    /// # Ok::<(), nutgraf::Error>(())
    /// ```
    #[cfg(feature = "html")]
    pub fn from_html(html: &str) -> Result<Document> {
        html::read(html)
    }

    /// A Markdown document: headings, paragraphs, list items, quotes, code and table cells become blocks;
    /// links and emphasis keep their text only. A level-1 heading that opens the document is the title.
    ///
    /// ```
    /// let document = nutgraf::Document::from_markdown("# Release notes\n\nIt is *faster* [now](https://example.com).\n\n```\nmake\n```\n");
    /// assert_eq!(document.title.as_deref(), Some("Release notes"));
    /// assert_eq!(document.text, "It is faster now.\n\nmake");
    /// assert!(document.blocks[1].kind.is_furniture());
    /// ```
    #[cfg(feature = "markdown")]
    pub fn from_markdown(markdown: &str) -> Document {
        markdown::read(markdown)
    }

    /// Reads `input` as `format`, or, when `format` is `None`, as the format its content shows
    /// ([`InputFormat::sniff`]). A format whose reader is compiled out is read as plain text.
    pub fn read(input: &str, format: Option<InputFormat>) -> Result<Document> {
        match format.unwrap_or_else(|| InputFormat::sniff(input)) {
            #[cfg(feature = "html")]
            InputFormat::Html => Document::from_html(input),
            #[cfg(feature = "markdown")]
            InputFormat::Markdown => Ok(Document::from_markdown(input)),
            _ => Ok(Document::from_text(input)),
        }
    }

    /// The kind of the block that holds byte offset `at` of the text, if a block does.
    pub fn kind_at(&self, at: usize) -> Option<BlockKind> {
        let after = self.blocks.partition_point(|block| block.start <= at);
        after.checked_sub(1).map(|k| self.blocks[k]).filter(|block| at < block.end).map(|block| block.kind)
    }
}

/// A title on one line, its runs of whitespace made single spaces.
fn normalize_title(title: &str) -> String {
    title.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Builds a document's text block by block: a blank line between blocks, one line break between
/// consecutive list items or table cells, whitespace inside a block collapsed, soft hyphens removed and
/// no-break spaces made spaces. Shared by the HTML and Markdown readers so that both lay text out alike.
#[cfg(any(feature = "html", feature = "markdown"))]
#[derive(Debug, Default)]
pub(crate) struct TextBuilder {
    text: String,
    blocks: Vec<Block>,
    /// The block being written: its kind and where it starts.
    open: Option<(BlockKind, usize)>,
    /// Whether a space is owed before the next word of the open block.
    pending_space: bool,
}

#[cfg(any(feature = "html", feature = "markdown"))]
impl TextBuilder {
    /// Appends inline text to the open block (opening one of `kind` if none is open). With `preformatted`,
    /// line breaks are kept; otherwise all whitespace collapses.
    pub(crate) fn push_text(&mut self, kind: BlockKind, fragment: &str, preformatted: bool) {
        for (k, line) in fragment.split('\n').enumerate() {
            if k > 0 {
                if preformatted {
                    self.line_break();
                } else {
                    self.pending_space = true;
                }
            }
            let mut words = line.split(is_layout_space).filter(|word| !word.is_empty()).peekable();
            if line.starts_with(is_layout_space) && words.peek().is_some() {
                self.pending_space = true;
            }
            while let Some(word) = words.next() {
                self.push_word(kind, word);
                if words.peek().is_some() {
                    self.pending_space = true;
                }
            }
            if line.ends_with(is_layout_space) {
                self.pending_space = true;
            }
        }
    }

    fn push_word(&mut self, kind: BlockKind, word: &str) {
        // A "word" of soft hyphens alone lays out as nothing: it must neither open a block (which would
        // then start with the space owed to the next word) nor take a space of its own.
        if word.chars().all(|c| c == '\u{ad}') {
            return;
        }
        if self.open.is_none() {
            self.open_block(kind);
        } else if self.pending_space && !self.text.ends_with('\n') {
            self.text.push(' ');
        }
        self.pending_space = false;
        // Soft hyphens only say where a word may break; most words have none.
        if word.contains('\u{ad}') {
            self.text.extend(word.chars().filter(|&c| c != '\u{ad}'));
        } else {
            self.text.push_str(word);
        }
    }

    fn open_block(&mut self, kind: BlockKind) {
        if let Some(previous) = self.blocks.last() {
            let same_list = previous.kind == kind && matches!(kind, BlockKind::ListItem | BlockKind::TableCell);
            self.text.push_str(if same_list { "\n" } else { "\n\n" });
        }
        self.open = Some((kind, self.text.len()));
    }

    /// A line break inside the open block (`<br>`, a hard break); nothing at the start of a block.
    pub(crate) fn line_break(&mut self) {
        if let Some((_, start)) = self.open
            && self.text.len() > start
            && !self.text.ends_with('\n')
        {
            self.text.push('\n');
        }
        self.pending_space = false;
    }

    /// Ends the open block, if any.
    pub(crate) fn end_block(&mut self) {
        if let Some((kind, start)) = self.open.take() {
            let trimmed = self.text.trim_end().len().max(start);
            self.text.truncate(trimmed);
            if trimmed > start {
                self.blocks.push(Block { kind, start, end: trimmed });
            }
        }
        self.pending_space = false;
    }

    /// Bytes of text so far.
    pub(crate) fn len(&self) -> usize {
        self.text.len()
    }

    pub(crate) fn finish(mut self, title: Option<String>, format: InputFormat) -> Document {
        self.end_block();
        let document = Document { text: self.text, title: None, blocks: self.blocks, format };
        match title {
            Some(title) => document.with_title(title),
            None => document,
        }
    }
}

/// Whitespace that only lays text out: ASCII whitespace, no-break spaces and the other Unicode spaces.
#[cfg(any(feature = "html", feature = "markdown"))]
fn is_layout_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_names_parse_back() {
        for format in InputFormat::ALL {
            assert_eq!(format.name().parse::<InputFormat>().unwrap(), format);
        }
        assert!("pdf".parse::<InputFormat>().is_err());
    }

    #[test]
    fn text_is_read_as_it_is() {
        let text = "Headline\n\nFirst paragraph.  Second sentence.\n";
        let document = Document::read(text, None).unwrap();
        assert_eq!(document, Document::from_text(text));
        assert_eq!(document.text, text);
    }

    #[test]
    fn blank_titles_are_none_and_titles_are_one_line() {
        assert_eq!(Document::from_text("x").with_title("  \n ").title, None);
        assert_eq!(Document::from_text("x").with_title(" A\n  title ").title.as_deref(), Some("A title"));
    }

    #[test]
    #[cfg(feature = "markdown")]
    fn kind_at_finds_the_block() {
        let document = Document::from_markdown("Para one.\n\n- item\n- item two\n");
        assert_eq!(document.kind_at(0), Some(BlockKind::Paragraph));
        let item = document.blocks[1];
        assert_eq!(document.kind_at(item.start), Some(BlockKind::ListItem));
        assert_eq!(document.kind_at(document.text.len()), None);
        assert_eq!(document.text, "Para one.\n\nitem\nitem two");
    }

    /// Found by the HTML fuzz target: a line holding only a soft hyphen opened the block, and the block
    /// then started with the space owed before the next word.
    #[test]
    #[cfg(any(feature = "html", feature = "markdown"))]
    fn a_word_of_soft_hyphens_alone_lays_out_as_nothing() {
        let mut builder = TextBuilder::default();
        builder.push_text(BlockKind::Paragraph, "\u{ad}\n0f", false);
        builder.end_block();
        builder.push_text(BlockKind::Paragraph, "tax \u{ad}\u{ad} cuts", false);
        builder.end_block();
        assert_eq!(builder.text, "0f\n\ntax cuts");
        assert_eq!(
            builder.blocks.iter().map(|b| &builder.text[b.start..b.end]).collect::<Vec<_>>(),
            ["0f", "tax cuts"]
        );
    }
}
