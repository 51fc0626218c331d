//! Drops what no reader of a page looks at before the page is parsed: the contents of `<script>`,
//! `<style>` and `<svg>` elements, comments, and attributes that only scripts and image loaders read
//! (`data-*`, `on*`, `srcset`, `sizes`). Script and style contents alone are over half the bytes of a
//! typical page (56% of the 50 scraped dev pages), and most of the rest is attributes; the HTML
//! tokenizer walks all of it a character at a time, only for the extraction to remove it
//! (Readability's first step) and the layout to skip it. The elements stay, empty, so the tree's shape
//! is the page's own. JSON-LD scripts keep their contents (the extractor reads the article's metadata
//! there), and image, media, embed and metadata elements keep all their attributes (the extractor
//! reads lazy images' `data-src` and embeds' URLs).
//!
//! The scan follows the tokenizer's states only as far as deciding where tags, attribute values and
//! those elements end: raw text (`<title>`, `<textarea>`, `<noscript>`, …) is passed over untouched,
//! and a script that the tokenizer would read in its "double escaped" state (`<!-- <script>` inside a
//! script), or a tag left open at the end, ends the pruning, the rest of the page kept as it is. When
//! the scan is wrong about an odd page, the cost is text, never safety: the parser still reads
//! whatever comes out.

use std::borrow::Cow;

/// `html` without what the module's header lists; borrowed when there is nothing to drop.
pub(super) fn prune(html: &str) -> Cow<'_, str> {
    let mut pruner = Pruner { html, out: String::new(), copied: 0 };
    pruner.run();
    if pruner.copied == 0 {
        return Cow::Borrowed(html);
    }
    let Pruner { mut out, copied, .. } = pruner;
    out.push_str(html.get(copied..).unwrap_or_default());
    Cow::Owned(out)
}

struct Pruner<'a> {
    html: &'a str,
    out: String,
    /// `html[copied..]` is not yet in `out` (0: nothing dropped yet).
    copied: usize,
}

impl Pruner<'_> {
    /// Leaves `html[start..end]` out. The offsets lie next to ASCII bytes of markup, so on char
    /// boundaries; a pair that does not ends the pruning (`false`) rather than panicking.
    fn drop_range(&mut self, start: usize, end: usize) -> bool {
        if start >= end {
            return true;
        }
        let Some(kept) = self.html.get(self.copied..start) else { return false };
        if !self.html.is_char_boundary(end) {
            return false;
        }
        if self.out.capacity() == 0 {
            self.out.reserve(self.html.len() / 2);
        }
        self.out.push_str(kept);
        self.copied = end;
        true
    }

    fn run(&mut self) {
        let bytes = self.html.as_bytes();
        let mut at = 0;
        while let Some(offset) = memchr::memchr(b'<', &bytes[at..]) {
            let open = at + offset;
            let rest = &bytes[open + 1..];
            if rest.starts_with(b"!--") {
                // A comment ends at the first `-->`; `<!-->` and `<!--->` are complete, empty ones.
                let body = open + 4;
                let end = if bytes[body..].starts_with(b">") {
                    body + 1
                } else if bytes[body..].starts_with(b"->") {
                    body + 2
                } else {
                    memchr::memmem::find(&bytes[body..], b"-->").map_or(bytes.len(), |k| body + k + 3)
                };
                if !self.drop_range(open, end) {
                    return;
                }
                at = end;
                continue;
            }
            let closing = rest.first() == Some(&b'/');
            let name_at = open + 1 + usize::from(closing);
            if !bytes.get(name_at).is_some_and(u8::is_ascii_alphabetic) {
                // Not a tag: text, a doctype or a bogus comment, which the parser reads as it is.
                at = open + 1;
                continue;
            }
            let name_end = bytes[name_at..].iter().position(|&b| ends_tag_name(b)).map_or(bytes.len(), |k| name_at + k);
            let name = &bytes[name_at..name_end];
            let keep_attributes = closing || reads_all_attributes(name);
            let Some(tag_end) = self.attributes(name_end, keep_attributes) else { return };
            at = tag_end;
            if closing {
                continue;
            }
            let Some(raw) = raw_text_element(name) else { continue };
            if raw == b"svg" && bytes[..tag_end].ends_with(b"/>") {
                continue;
            }
            let (content_end, after) = end_tag(bytes, tag_end, raw).unwrap_or((bytes.len(), bytes.len()));
            let content = &bytes[tag_end..content_end];
            if raw == b"script" && double_escaped(content) {
                return;
            }
            let droppable = match raw {
                b"script" => !contains_ignore_case(&bytes[open..tag_end], b"ld+json"),
                b"style" | b"svg" => true,
                _ => false,
            };
            if droppable && !self.drop_range(tag_end, content_end) {
                return;
            }
            if raw == b"plaintext" {
                return;
            }
            at = after;
        }
    }

    /// Reads a tag's attributes from `from` (just after its name) to its `>`, dropping those no reader
    /// needs unless `keep` is set. Returns where the tag ends, or `None` when it does not end (or a drop
    /// failed), which ends the pruning.
    fn attributes(&mut self, from: usize, keep: bool) -> Option<usize> {
        let bytes = self.html.as_bytes();
        let mut at = from;
        loop {
            while bytes.get(at).is_some_and(|&b| b.is_ascii_whitespace() || b == b'/') {
                at += 1;
            }
            match bytes.get(at) {
                None => return None,
                Some(b'>') => return Some(at + 1),
                Some(_) => {}
            }
            let start = at;
            // A name runs to a space, `/`, `>` or `=`; an `=` that opens it is part of it.
            at += 1;
            while bytes.get(at).is_some_and(|&b| !(b.is_ascii_whitespace() || matches!(b, b'/' | b'>' | b'='))) {
                at += 1;
            }
            let name = &bytes[start..at];
            let mut end = at;
            let mut k = at;
            while bytes.get(k).is_some_and(u8::is_ascii_whitespace) {
                k += 1;
            }
            if bytes.get(k) == Some(&b'=') {
                k += 1;
                while bytes.get(k).is_some_and(u8::is_ascii_whitespace) {
                    k += 1;
                }
                end = match bytes.get(k) {
                    Some(&quote @ (b'"' | b'\'')) => k + 1 + memchr::memchr(quote, &bytes[k + 1..])? + 1,
                    Some(_) => bytes[k..]
                        .iter()
                        .position(|&b| b.is_ascii_whitespace() || b == b'>')
                        .map_or(bytes.len(), |n| k + n),
                    None => return None,
                };
            }
            if !keep && unread_attribute(name) && !self.drop_range(start, end) {
                return None;
            }
            at = end;
        }
    }
}

/// Attributes that only scripts and image loaders read.
fn unread_attribute(name: &[u8]) -> bool {
    let starts = |prefix: &[u8]| name.len() > prefix.len() && name[..prefix.len()].eq_ignore_ascii_case(prefix);
    starts(b"data-") || starts(b"on") || name.eq_ignore_ascii_case(b"srcset") || name.eq_ignore_ascii_case(b"sizes")
}

/// Elements whose every attribute may matter to the extractor: images (lazy-loading attributes), media
/// and embeds (their URLs), and metadata.
fn reads_all_attributes(name: &[u8]) -> bool {
    const NAMES: [&[u8]; 11] = [
        b"img", b"picture", b"source", b"figure", b"video", b"audio", b"object", b"embed", b"iframe", b"meta", b"link",
    ];
    NAMES.iter().any(|n| name.eq_ignore_ascii_case(n))
}

/// Elements whose contents the tokenizer reads as text up to their end tag, and `<svg>`, whose
/// contents no reader wants.
fn raw_text_element(name: &[u8]) -> Option<&'static [u8]> {
    const NAMES: [&[u8]; 11] = [
        b"script",
        b"style",
        b"svg",
        b"title",
        b"textarea",
        b"noscript",
        b"xmp",
        b"iframe",
        b"noembed",
        b"noframes",
        b"plaintext",
    ];
    NAMES.into_iter().find(|n| name.eq_ignore_ascii_case(n))
}

fn ends_tag_name(byte: u8) -> bool {
    byte.is_ascii_whitespace() || matches!(byte, b'/' | b'>')
}

/// The first `</name` followed by a byte that ends a tag name, from `from`: where the contents end, and
/// where scanning resumes (the end tag itself is left for the parser).
fn end_tag(bytes: &[u8], from: usize, name: &[u8]) -> Option<(usize, usize)> {
    let mut at = from;
    while let Some(k) = memchr::memmem::find(&bytes[at..], b"</") {
        let start = at + k;
        let after = &bytes[start + 2..];
        if after.len() > name.len()
            && after[..name.len()].eq_ignore_ascii_case(name)
            && ends_tag_name(after[name.len()])
        {
            return Some((start, start));
        }
        at = start + 2;
    }
    None
}

/// A script whose contents open a comment and then a `<script` tag: the tokenizer's "script data
/// double escaped" state, where the first `</script>` does not end the element.
fn double_escaped(content: &[u8]) -> bool {
    memchr::memmem::find(content, b"<!--").is_some_and(|k| contains_ignore_case(&content[k..], b"<script"))
}

fn contains_ignore_case(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|window| window.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_and_style_contents_and_comments_go() {
        let page = "<head><style>p { color: red }</style><script src=a.js></script>\
                    <script type=\"text/javascript\">if (a < b && c > d) { x = '</p>'; }</script></head>\
                    <body><!-- a comment --><p>Text.</p><SCRIPT>var s = \"</scripts>\";</SCRIPT ></body>";
        assert_eq!(
            prune(page),
            "<head><style></style><script src=a.js></script><script type=\"text/javascript\"></script></head>\
             <body><p>Text.</p><SCRIPT></SCRIPT ></body>"
        );
    }

    #[test]
    fn json_ld_raw_text_and_quoted_brackets_are_kept() {
        let page = "<script type=\"application/ld+json\">{\"headline\": \"H\"}</script>\
                    <title>a <script>b</script> c</title><textarea><!-- x --></textarea>\
                    <script id=\"a>b\">gone</script><p>kept</p>";
        assert_eq!(
            prune(page),
            "<script type=\"application/ld+json\">{\"headline\": \"H\"}</script>\
             <title>a <script>b</script> c</title><textarea><!-- x --></textarea>\
             <script id=\"a>b\"></script><p>kept</p>"
        );
    }

    #[test]
    fn unread_attributes_and_svg_contents_go() {
        let page = "<div class=\"story\" data-track='{\"a\": \"b>c\"}' onclick=\"go()\" id=x>\
                    <a href=\"#top\" data-x=1 title=T>link</a><svg viewBox=\"0 0 9 9\"><path d=\"M0 0L9 9\"/></svg>\
                    <img src=a.jpg data-src=b.jpg srcset=\"a.jpg 1x\"><svg/><p>after</p></div>";
        assert_eq!(
            prune(page),
            "<div class=\"story\"   id=x><a href=\"#top\"  title=T>link</a><svg viewBox=\"0 0 9 9\"></svg>\
             <img src=a.jpg data-src=b.jpg srcset=\"a.jpg 1x\"><svg/><p>after</p></div>"
        );
        // A tag left open at the end ends the pruning.
        assert_eq!(prune("<p data-x=1>a</p><div data-y=\"2"), "<p >a</p><div data-y=\"2");
    }

    #[test]
    fn odd_pages_are_left_as_they_are() {
        for page in ["<p>No scripts here.</p>", "<script", "<scriptx>text</scriptx>", "a < b", "<"] {
            assert!(matches!(prune(page), Cow::Borrowed(_)), "{page}");
        }
        // The double-escaped state: the rest of the page is kept whole.
        let page = "<script><!-- <script> x </script> y --></script><p>after</p>";
        assert_eq!(prune(page), page);
        // An unclosed script runs to the end of the page, an unclosed comment too.
        assert_eq!(prune("<p>a</p><script>var x = 1;"), "<p>a</p><script>");
        assert_eq!(prune("<p>a</p><!-- open"), "<p>a</p>");
        assert_eq!(prune("<!--><p>a</p><!---><p>b</p>"), "<p>a</p><p>b</p>");
    }

    #[test]
    fn quoted_markup_in_attributes_is_not_markup() {
        let page = "<a title=\"<!-- not a comment\">link</a><img alt='<script>'><p>x</p><!-- c -->";
        assert_eq!(prune(page), "<a title=\"<!-- not a comment\">link</a><img alt='<script>'><p>x</p>");
    }

    #[test]
    fn the_pruned_page_reads_as_the_page_does() {
        let paragraph = "The council approved the budget after a debate that lasted most of the night, and the \
                         mayor said the vote would let the city hire more teachers next year.";
        let page = format!(
            "<html><head><title>Budget | Daily</title><style>body{{}}</style><script type=\"application/ld+json\">\
             {{\"@type\": \"NewsArticle\", \"headline\": \"Budget passes\"}}</script></head><body><nav>Home</nav>\
             <script>document.write('<p>no</p>')</script><article><p>{paragraph} <!-- c --></p><p>{paragraph}</p>\
             </article><noscript><p>Enable scripts</p></noscript><footer>(c) Daily</footer></body></html>"
        );
        let pruned = super::super::html::read(&page).ok().map(|d| (d.text, d.title));
        let unpruned = super::super::html::extract(&page).ok().map(|d| (d.text, d.title));
        assert!(pruned.as_ref().is_some_and(|(text, _)| text.contains(paragraph)));
        assert_eq!(pruned, unpruned);
        let short = "<body><p>One <!-- c --> two.</p><script>var a = '<p>x</p>';</script></body>";
        assert_eq!(
            super::super::html::read(short).ok().map(|d| d.text),
            super::super::html::extract(short).ok().map(|d| d.text)
        );
    }
}
