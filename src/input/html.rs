//! The HTML reader: the page's main content by `dom_smoothie` (Mozilla Readability's algorithm), laid
//! out block by block from its DOM; the whole page when extraction fails or finds very little.

use dom_query::{Document as Dom, NodeRef};
use dom_smoothie::{Config, Readability, TextMode};

use super::{BlockKind, Document, InputFormat, TextBuilder};
use crate::error::{Error, Result};

/// More tags than this and the page is refused: a DOM costs about a hundred bytes a node, and no real
/// page comes near (a long news page has ten to thirty thousand).
const MAX_TAGS: usize = 2_000_000;
/// Extraction scores every element; above this many the whole page is read instead, which is linear.
const MAX_ELEMENTS_TO_EXTRACT: usize = 100_000;
/// Extracted text shorter than this (in bytes) is a failed extraction (a cookie wall, a gallery, a
/// page that is all list): the whole page is read instead, and the noise detector finds the text.
const MIN_EXTRACTED_BYTES: usize = 300;
/// Deeper than this, elements stop opening frames of their own: their text goes to the enclosing
/// block. Bounds the walk's stack for pages nested a hundred thousand levels deep.
const MAX_DEPTH: usize = 512;

pub(super) fn read(html: &str) -> Result<Document> {
    extract(&super::prune::prune(html))
}

/// [`read`] without the pruning of scripts, styles and comments that comes first.
pub(super) fn extract(html: &str) -> Result<Document> {
    let tags = memchr::memchr_iter(b'<', html.as_bytes()).count();
    if tags > MAX_TAGS {
        return Err(Error::InputTooComplex(format!("an HTML page with {tags} tags (the limit is {MAX_TAGS})")));
    }
    let depth = nesting_depth(html);
    if depth > MAX_NESTING {
        return Err(Error::InputTooComplex(format!(
            "an HTML page nested {depth} elements deep (the limit is {MAX_NESTING})"
        )));
    }
    if depth > MAX_EXTRACTION_NESTING {
        return Ok(whole_page(html));
    }
    // The layout reads the extracted DOM itself; the article's own text is not used, so it is made the
    // cheap way (`Formatted` walks the tree again to lay it out).
    let config =
        Config { text_mode: TextMode::Raw, max_elements_to_parse: MAX_ELEMENTS_TO_EXTRACT, ..Config::default() };
    let mut readability = Readability::with_document(Dom::from(html), None, Some(config))
        .map_err(|err| Error::InputTooComplex(err.to_string()))?;
    if let Ok(article) = readability.parse() {
        let root = readability.doc.select_single("#readability-page-1");
        if let Some(root) = root.nodes().first() {
            let extracted = lay_out(root);
            if extracted.len() >= MIN_EXTRACTED_BYTES {
                return Ok(extracted.finish(non_empty(&article.title), InputFormat::Html));
            }
        }
    }
    // Extraction changed the DOM: read the page afresh.
    Ok(whole_page(html))
}

/// The whole page, block by block, when extraction failed or was not tried: the noise detector then
/// finds the article among the page's furniture, as it does in a text dump.
fn whole_page(html: &str) -> Document {
    let (title, dom) = match Readability::with_document(Dom::from(html), None, None) {
        Ok(page) => (non_empty(&page.get_article_title()), page.doc),
        Err(_) => (None, Dom::from(html)),
    };
    let root = dom.body().unwrap_or_else(|| dom.root());
    lay_out(&root).finish(title, InputFormat::Html)
}

/// How deep the elements of `html` nest, as its tags say: every start tag of an element that needs an
/// end tag opens a level, every end tag closes one. Parsing and extraction slow down with depth (the
/// parser's scope checks walk the stack of open elements, a hundred thousand levels make them
/// quadratic), so a page nested deeper than [`MAX_NESTING`] is refused before it is parsed. Elements
/// whose end tag may be left out (`<p>`, `<li>`, `<td>`, …) and void elements (`<br>`, `<img>`, …) do
/// not count, so unclosed paragraphs do not look deep.
fn nesting_depth(html: &str) -> usize {
    let bytes = html.as_bytes();
    let (mut depth, mut deepest) = (0usize, 0usize);
    for at in memchr::memchr_iter(b'<', bytes) {
        let rest = &bytes[at + 1..];
        let (closing, rest) = match rest.first() {
            Some(b'/') => (true, &rest[1..]),
            _ => (false, rest),
        };
        let name_length = rest.iter().take(16).take_while(|b| b.is_ascii_alphanumeric()).count();
        if name_length == 0 || !rest[0].is_ascii_alphabetic() {
            continue;
        }
        // Names are at most 16 bytes here: lower-cased on the stack, not in an allocation per tag.
        let mut lower = [0u8; 16];
        lower[..name_length].copy_from_slice(&rest[..name_length]);
        lower.make_ascii_lowercase();
        if may_stay_open(&lower[..name_length]) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else {
            let self_closing = rest[name_length..].iter().take_while(|&&b| b != b'>').last() == Some(&b'/');
            if !self_closing {
                depth += 1;
                deepest = deepest.max(depth);
            }
        }
    }
    deepest
}

/// Deeper than this (by [`nesting_depth`]) and a page is refused: real pages nest a few dozen levels
/// (the 50 dev pages at most 290, counted before their scripts were pruned).
const MAX_NESTING: usize = 10_000;
/// Extraction slows down with depth (quadratically: 2,400 levels take 4 s): deeper than this, the whole
/// page is read without it.
const MAX_EXTRACTION_NESTING: usize = 1_000;

/// Void elements, and elements whose end tag HTML lets a page leave out.
fn may_stay_open(name: &[u8]) -> bool {
    matches!(
        name,
        b"area"
            | b"base"
            | b"br"
            | b"col"
            | b"embed"
            | b"hr"
            | b"img"
            | b"input"
            | b"link"
            | b"meta"
            | b"source"
            | b"track"
            | b"wbr"
            | b"param"
            | b"keygen"
            | b"p"
            | b"li"
            | b"dt"
            | b"dd"
            | b"tr"
            | b"td"
            | b"th"
            | b"option"
            | b"optgroup"
            | b"thead"
            | b"tbody"
            | b"tfoot"
            | b"colgroup"
            | b"caption"
            | b"rb"
            | b"rt"
            | b"rp"
            | b"rtc"
            | b"html"
            | b"head"
            | b"body"
            | b"image"
    )
}

fn non_empty(title: &str) -> Option<String> {
    let title = title.trim();
    (!title.is_empty()).then(|| title.to_string())
}

/// What an open element means for the blocks inside it.
#[derive(Clone, Copy, Debug)]
struct Frame {
    /// The kind its text takes: the innermost container kind that marks furniture (navigation, a
    /// caption, code, …) wins over the innermost structural kind (a heading, a list item).
    kind: BlockKind,
    /// Inside `<pre>`: keep line breaks.
    preformatted: bool,
    /// It is a block element: it starts and ends a block.
    block: bool,
}

enum Step<'a> {
    Open(NodeRef<'a>, usize),
    Close(bool),
}

/// Lays out the text under `root` block by block, without recursion (pages nest deeply).
fn lay_out(root: &NodeRef<'_>) -> TextBuilder {
    let mut out = TextBuilder::default();
    let base = Frame { kind: BlockKind::Paragraph, preformatted: false, block: true };
    let mut frames: Vec<Frame> = vec![base];
    let mut steps: Vec<Step<'_>> = children(root).rev().map(|child| Step::Open(child, 1)).collect();
    while let Some(step) = steps.pop() {
        let (node, depth) = match step {
            Step::Close(block) => {
                if block {
                    out.end_block();
                }
                frames.pop();
                continue;
            }
            Step::Open(node, depth) => (node, depth),
        };
        let frame = frames.last().copied().unwrap_or(base);
        if node.is_text() {
            out.push_text(frame.kind, &node.text(), frame.preformatted);
            continue;
        }
        if !node.is_element() {
            continue;
        }
        let Some(name) = node.node_name() else { continue };
        let name: &str = &name;
        match name {
            "br" => {
                out.line_break();
                continue;
            }
            "hr" => {
                out.end_block();
                continue;
            }
            _ if is_skipped(name)
                || node.has_attr("hidden")
                || node.attr("aria-hidden").is_some_and(|v| &*v == "true") =>
            {
                continue;
            }
            _ => {}
        }
        if depth > MAX_DEPTH {
            // Too deep to track: the text joins the enclosing block, in document order.
            steps.extend(children(&node).rev().map(|child| Step::Open(child, depth)));
            continue;
        }
        let role = node.attr("role");
        let inner = element_frame(name, role.as_deref(), frame);
        if inner.block {
            out.end_block();
        }
        frames.push(inner);
        steps.push(Step::Close(inner.block));
        steps.extend(children(&node).rev().map(|child| Step::Open(child, depth + 1)));
    }
    out.end_block();
    out
}

fn children<'a>(node: &NodeRef<'a>) -> impl DoubleEndedIterator<Item = NodeRef<'a>> + use<'a> {
    node.children().into_iter()
}

/// Elements whose content is never text to read.
fn is_skipped(name: &str) -> bool {
    matches!(
        name,
        "head"
            | "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "math"
            | "iframe"
            | "object"
            | "embed"
            | "canvas"
            | "video"
            | "audio"
            | "img"
            | "picture"
            | "button"
            | "select"
            | "option"
            | "textarea"
            | "input"
            | "dialog"
    )
}

/// The frame an element opens inside `parent`.
fn element_frame(name: &str, role: Option<&str>, parent: Frame) -> Frame {
    let furniture = match (name, role) {
        (_, Some("navigation" | "menu" | "menubar")) | ("nav", _) => Some(BlockKind::Navigation),
        (_, Some("complementary")) | ("aside", _) => Some(BlockKind::Aside),
        (_, Some("contentinfo")) | ("footer", _) => Some(BlockKind::Footer),
        (_, Some("banner")) | ("header", _) => Some(BlockKind::Header),
        (_, Some("form" | "search")) | ("form", _) => Some(BlockKind::Form),
        ("figcaption" | "caption", _) => Some(BlockKind::Caption),
        ("pre", _) => Some(BlockKind::Code),
        ("td" | "th", _) => Some(BlockKind::TableCell),
        _ => None,
    };
    let structural = match name {
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
            Some(BlockKind::Heading { level: name.as_bytes()[1].saturating_sub(b'0') })
        }
        "li" | "dt" | "dd" => Some(BlockKind::ListItem),
        "blockquote" => Some(BlockKind::Quote),
        "p" => Some(BlockKind::Paragraph),
        _ => None,
    };
    let kind = if parent.kind.is_furniture() && !matches!(parent.kind, BlockKind::Heading { .. }) {
        // Furniture stays furniture: a paragraph in a footer is the footer's.
        match furniture {
            Some(inner) => inner,
            None => parent.kind,
        }
    } else {
        furniture.or(structural).unwrap_or(parent.kind)
    };
    Frame { kind, preformatted: parent.preformatted || name == "pre", block: is_block(name) }
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "article"
            | "section"
            | "main"
            | "blockquote"
            | "pre"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "li"
            | "table"
            | "thead"
            | "tbody"
            | "tfoot"
            | "tr"
            | "td"
            | "th"
            | "caption"
            | "figure"
            | "figcaption"
            | "nav"
            | "aside"
            | "footer"
            | "header"
            | "form"
            | "fieldset"
            | "address"
            | "details"
            | "summary"
            | "center"
            | "body"
            | "html"
            | "hgroup"
            | "menu"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(body: &str) -> Document {
        read(&format!("<html><head><title>The title</title></head><body>{body}</body></html>")).unwrap()
    }

    fn kinds(document: &Document) -> Vec<(BlockKind, &str)> {
        document.blocks.iter().map(|b| (b.kind, b.text(&document.text))).collect()
    }

    #[test]
    fn layout_follows_the_issue() {
        let document = page(
            "<h2>Sub\u{ad}head</h2><p>One&nbsp;line<br>next line.</p><ul><li>first</li><li>second</li></ul>\
             <figure><img src=x><figcaption>A caption</figcaption></figure><p>Tail   text\n here.</p>",
        );
        assert_eq!(document.title.as_deref(), Some("The title"));
        assert_eq!(document.text, "Subhead\n\nOne line\nnext line.\n\nfirst\nsecond\n\nA caption\n\nTail text here.");
        assert_eq!(
            kinds(&document),
            [
                (BlockKind::Heading { level: 2 }, "Subhead"),
                (BlockKind::Paragraph, "One line\nnext line."),
                (BlockKind::ListItem, "first"),
                (BlockKind::ListItem, "second"),
                (BlockKind::Caption, "A caption"),
                (BlockKind::Paragraph, "Tail text here."),
            ]
        );
    }

    #[test]
    fn furniture_kinds_hold_for_everything_inside() {
        let body = "<nav><ul><li>Home</li></ul></nav><header><p>Masthead</p></header><aside><p>More</p></aside>\
                    <form><p>Search</p></form><footer><p>Footer</p></footer><div role=\"navigation\">Menu</div>\
                    <table><tr><td>cell</td></tr></table><pre>let x = 1;\nlet y = 2;</pre>";
        // The pruning empties navigation, asides and footers first; the layout still marks them where it
        // meets them (a container the pruning keeps because its markup is unbalanced).
        let pruned = page(body);
        assert!(["Home", "More", "Footer"].iter().all(|text| !pruned.text.contains(text)));
        assert!(pruned.text.contains("Masthead") && pruned.text.contains("Menu"));
        let document =
            extract(&format!("<html><head><title>The title</title></head><body>{body}</body></html>")).unwrap();
        assert_eq!(
            kinds(&document),
            [
                (BlockKind::Navigation, "Home"),
                (BlockKind::Header, "Masthead"),
                (BlockKind::Aside, "More"),
                (BlockKind::Form, "Search"),
                (BlockKind::Footer, "Footer"),
                (BlockKind::Navigation, "Menu"),
                (BlockKind::TableCell, "cell"),
                (BlockKind::Code, "let x = 1;\nlet y = 2;"),
            ]
        );
    }

    #[test]
    fn scripts_styles_and_hidden_text_are_not_read() {
        let document = page("<script>var a = 1;</script><style>p{}</style><p hidden>secret</p><p>Shown.</p>");
        assert_eq!(document.text, "Shown.");
    }

    #[test]
    fn nesting_depth_counts_elements_that_need_closing() {
        assert_eq!(nesting_depth("<div><div><br><img src=x/><p>a<p>b</div></div><div/>"), 2);
        assert_eq!(nesting_depth(&"<span>".repeat(10)), 10);
        assert_eq!(nesting_depth("a < b and <3 </ >"), 0);
        assert!(matches!(read(&"<div>".repeat(MAX_NESTING + 1)), Err(Error::InputTooComplex(_))));
        assert!(read(&"<p>Unclosed paragraph.".repeat(MAX_NESTING + 1)).is_ok());
    }

    #[test]
    fn an_article_is_extracted_from_its_page() {
        let paragraph = "The council approved the budget for the next year after a debate that lasted most of \
                         the night, and the mayor said the vote would let the city hire more teachers.";
        let html = format!(
            "<html><head><title>Budget passes | The Daily</title></head><body><nav><a href=/>Home</a> \
             <a href=/news>News</a></nav><article><h1>Budget passes</h1><p>{paragraph}</p><p>{paragraph}</p>\
             <p>{paragraph}</p></article><footer>Copyright 2024 The Daily</footer></body></html>"
        );
        let document = read(&html).unwrap();
        assert!(document.text.contains(paragraph));
        assert!(!document.text.contains("Copyright"));
        assert!(!document.text.contains("Home"));
        assert!(document.title.as_deref().is_some_and(|title| title.starts_with("Budget passes")));
    }
}
