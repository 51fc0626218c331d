//! The Markdown reader (`pulldown-cmark`): blocks from the Markdown structure, inline markup reduced to
//! its text.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::{BlockKind, Document, InputFormat, TextBuilder};

pub(super) fn read(markdown: &str) -> Document {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES;
    let mut out = TextBuilder::default();
    // The kinds of the open containers; the innermost decides, furniture (code, a table) winning.
    let mut kinds: Vec<BlockKind> = Vec::new();
    let mut title: Option<String> = None;
    // Collecting the opening level-1 heading, which is the title rather than text.
    let mut in_title = false;
    let mut seen_content = false;
    // Inside an image: its alt text is not text of the document.
    let mut image_depth = 0usize;
    let current = |kinds: &[BlockKind]| kinds.last().copied().unwrap_or(BlockKind::Paragraph);
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Start(tag) => {
                let kind = match tag {
                    Tag::Heading { level, .. } => {
                        if level == HeadingLevel::H1 && !seen_content && title.is_none() {
                            in_title = true;
                        }
                        Some(BlockKind::Heading { level: level as u8 })
                    }
                    Tag::Paragraph => Some(BlockKind::Paragraph),
                    Tag::Item | Tag::DefinitionListTitle | Tag::DefinitionListDefinition => Some(BlockKind::ListItem),
                    Tag::BlockQuote(_) => Some(BlockKind::Quote),
                    Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::MetadataBlock(_) => Some(BlockKind::Code),
                    Tag::TableCell => Some(BlockKind::TableCell),
                    Tag::FootnoteDefinition(_) => Some(BlockKind::Aside),
                    Tag::Image { .. } => {
                        image_depth += 1;
                        None
                    }
                    _ => None,
                };
                if let Some(kind) = kind {
                    let parent = current(&kinds);
                    // Inside code or a table cell, everything stays what it is; a paragraph inside a
                    // list item or a quote is that item's or quote's text.
                    let inner = match (parent, kind) {
                        (BlockKind::Code | BlockKind::TableCell | BlockKind::Aside, _) => parent,
                        (BlockKind::ListItem | BlockKind::Quote, BlockKind::Paragraph) => parent,
                        _ => kind,
                    };
                    out.end_block();
                    kinds.push(inner);
                }
            }
            Event::End(tag) => match tag {
                TagEnd::Image => image_depth = image_depth.saturating_sub(1),
                TagEnd::Heading(_)
                | TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::DefinitionListTitle
                | TagEnd::DefinitionListDefinition
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock
                | TagEnd::HtmlBlock
                | TagEnd::MetadataBlock(_)
                | TagEnd::TableCell
                | TagEnd::FootnoteDefinition => {
                    if in_title && matches!(tag, TagEnd::Heading(_)) {
                        in_title = false;
                        if title.as_deref().is_none_or(|t| t.trim().is_empty()) {
                            title = None;
                        }
                    }
                    out.end_block();
                    kinds.pop();
                }
                _ => {}
            },
            Event::Text(text) | Event::Code(text) | Event::InlineMath(text) | Event::DisplayMath(text) => {
                if image_depth > 0 {
                    continue;
                }
                if in_title {
                    title.get_or_insert_with(String::new).push_str(&text);
                    continue;
                }
                seen_content = true;
                let kind = current(&kinds);
                out.push_text(kind, &text, kind == BlockKind::Code);
            }
            Event::Html(html) => {
                // A raw HTML block is markup, not prose: kept as code so that it never reaches a brief.
                seen_content = true;
                out.push_text(BlockKind::Code, &html, true);
            }
            Event::SoftBreak => {
                if in_title {
                    title.get_or_insert_with(String::new).push(' ');
                } else {
                    out.push_text(current(&kinds), "\n", false);
                }
            }
            Event::HardBreak => out.line_break(),
            Event::Rule => out.end_block(),
            Event::InlineHtml(_) | Event::FootnoteReference(_) | Event::TaskListMarker(_) => {}
        }
    }
    out.finish(title, InputFormat::Markdown)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(document: &Document) -> Vec<(BlockKind, &str)> {
        document.blocks.iter().map(|b| (b.kind, b.text(&document.text))).collect()
    }

    #[test]
    fn structure_becomes_blocks() {
        let markdown = "# Title here\n\nIntro with a [link](http://x) and **bold**\nwrapped line.\n\n## Usage\n\n\
                        - one\n- two\n\n> quoted\n\n```sh\ncargo run\n```\n\n    indented code\n\n\
                        | a | b |\n|---|---|\n| 1 | 2 |\n\n![alt text](img.png)\n";
        let document = read(markdown);
        assert_eq!(document.title.as_deref(), Some("Title here"));
        assert_eq!(
            kinds(&document),
            [
                (BlockKind::Paragraph, "Intro with a link and bold wrapped line."),
                (BlockKind::Heading { level: 2 }, "Usage"),
                (BlockKind::ListItem, "one"),
                (BlockKind::ListItem, "two"),
                (BlockKind::Quote, "quoted"),
                (BlockKind::Code, "cargo run"),
                (BlockKind::Code, "indented code"),
                (BlockKind::TableCell, "a"),
                (BlockKind::TableCell, "b"),
                (BlockKind::TableCell, "1"),
                (BlockKind::TableCell, "2"),
            ]
        );
    }

    #[test]
    fn a_heading_after_text_is_not_the_title() {
        let document = read("Some text first.\n\n# Heading\n");
        assert_eq!(document.title, None);
        assert_eq!(document.blocks[1].kind, BlockKind::Heading { level: 1 });
    }
}
