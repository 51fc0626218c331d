//! Drops what no reader of a page looks at before the page is parsed: `<script>` elements (other than
//! JSON-LD) and `<style>` elements whole, the contents of `<svg>` elements, comments, `<link>` elements
//! (stylesheets, preloads, icons), the head's `<meta>` elements other than the title's and the
//! character set's, every attribute that neither the extractor, the layout nor the parser reads
//! (titles, alt texts, `data-*`, handlers, …; see [`read_attribute`]), all of a link's address but its
//! first character (unless it is an in-page or `javascript:` link, which the extractor tells apart),
//! and the contents of navigation, footers, asides, buttons and selects when they form one balanced
//! subtree (see [`subtree_end`]). Script and style contents alone are over half the bytes of a typical
//! page (56% of the 50 scraped dev pages), and most of the rest is attributes and page furniture; the
//! HTML tokenizer walks all of it a character at a time, and the tree builder stores every element and
//! attribute, only for the extraction to remove or ignore it (Readability's first step removes scripts
//! and styles; it later cleans footers, asides and controls) and the layout to skip it or mark it as
//! furniture. Apart from `<link>`, `<meta>`, scripts and styles, the elements stay, empty, so the
//! tree's shape is the page's own. JSON-LD scripts keep their contents (the extractor reads the
//! article's title there); an image keeps whether it has an address (the extractor drops one without
//! before it scores the page); and pictures, figures, media, embeds and metadata, and everything inside
//! an `<object>`, keep all their attributes (the extractor reads lazy pictures' `data-src`, any value
//! that names an image file, and embeds' URLs).
//!
//! The scan follows the tokenizer's states only as far as deciding where tags, attribute values and
//! those elements end: raw text (`<title>`, `<textarea>`, `<noscript>`, …) is passed over untouched,
//! and a script that the tokenizer would read in its "double escaped" state (`<!-- <script>` inside a
//! script), or a tag left open at the end, ends the pruning, the rest of the page kept as it is. When
//! the scan is wrong about an odd page, the cost is text, never safety: the parser still reads
//! whatever comes out.

use std::borrow::Cow;
use std::ops::Range;

/// `html` without what the module's header lists; borrowed when there is nothing to drop.
pub(super) fn prune(html: &str) -> Cow<'_, str> {
    let mut pruner = Pruner {
        html,
        out: String::new(),
        copied: 0,
        outside: Outside::default(),
        unbalanced_until: 0,
        preformatted: 0,
        in_head: true,
        objects: 0,
    };
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
    /// What the tags read so far leave open.
    outside: Outside,
    /// How many `<pre>` (or `<listing>`) elements are open: inside them whitespace is kept.
    preformatted: usize,
    /// A container's contents were found unbalanced up to here: containers that start before it are
    /// not tried again, which keeps the scan linear on pages of nested unclosed containers.
    unbalanced_until: usize,
    /// Nothing but what the parser puts in `<head>` has been read yet.
    in_head: bool,
    /// How many `<object>` elements are open: the extractor reads an object's inner HTML, attributes
    /// and all, for a video's address, so inside one every attribute stays.
    objects: usize,
}

/// The open elements outside a container that change how the parser reads the tags inside it.
#[derive(Clone, Copy, Default)]
struct Outside {
    /// A `<form>` is open: the parser ignores a nested `<form>`, and a `</form>` inside closes the
    /// outer one.
    form: bool,
    /// An `<a>` is open: an `<a>` inside makes the parser close the outer one, restructuring the tree
    /// around the container.
    link: bool,
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
            if self.in_head && bytes[at..open].iter().any(|b| !b.is_ascii_whitespace()) {
                // Text the parser does not ignore opens the body.
                self.in_head = false;
            }
            if self.preformatted == 0 && !self.collapse_spaces(at, open) {
                return;
            }
            let rest = &bytes[open + 1..];
            if rest.starts_with(b"!--") {
                let end = comment_end(bytes, open);
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
            let name = TagName::of(&bytes[name_at..name_end]);
            let name = name.as_bytes();
            if !closing && self.in_head && !in_head(name) {
                self.in_head = false;
            }
            if !closing && (name == b"link" || name == b"meta" && self.in_head) {
                let Some(tag_end) = tag_end(bytes, name_end) else { return };
                // Stylesheets, preloads and icons, and the head's metadata other than the title's: no
                // reader of the text looks at them (the extractor reads the metadata, but of it only the
                // title changes what it extracts, and only the title is kept).
                if (name == b"link" || !title_or_charset(&bytes[name_end..tag_end])) && !self.drop_range(open, tag_end)
                {
                    return;
                }
                at = tag_end;
                continue;
            }
            if !closing && matches!(name, b"script" | b"style") {
                // Scripts and styles go whole, tags and all: the extractor removes them before it reads
                // anything else, so the tree it scores is the same, with fewer nodes to build first.
                // JSON-LD scripts stay (the extractor reads the title there).
                let Some(start_end) = tag_end(bytes, name_end) else { return };
                if !(name == b"script" && contains_ignore_case(&bytes[open..start_end], b"ld+json")) {
                    let Some((content_end, _)) = end_tag(bytes, start_end, name) else {
                        // Never closed: the rest of the page is its text, which no reader sees.
                        self.drop_range(open, bytes.len());
                        return;
                    };
                    if name == b"script" && double_escaped(&bytes[start_end..content_end]) {
                        return;
                    }
                    let Some(end) = tag_end(bytes, content_end + 2 + name.len()) else { return };
                    if !self.drop_range(open, end) {
                        return;
                    }
                    at = end;
                    continue;
                }
            }
            let keep = if closing || self.objects > 0 || reads_all_attributes(name) {
                Keep::All
            } else if name == b"img" {
                Keep::Image
            } else {
                Keep::Read
            };
            let Some(tag_end) = self.attributes(name_end, keep) else { return };
            at = tag_end;
            match name {
                b"form" => self.outside.form = !closing,
                b"a" => self.outside.link = !closing,
                b"object" if closing => self.objects = self.objects.saturating_sub(1),
                b"object" if !bytes[..tag_end].ends_with(b"/>") => self.objects += 1,
                b"pre" | b"listing" if closing => self.preformatted = self.preformatted.saturating_sub(1),
                b"pre" | b"listing" => self.preformatted += 1,
                _ => {}
            }
            if closing {
                continue;
            }
            if tag_end >= self.unbalanced_until && discarded_container(name) {
                match subtree_end(bytes, tag_end, name, self.outside) {
                    Ok(end) => {
                        if !self.drop_range(tag_end, end) {
                            return;
                        }
                        at = end;
                    }
                    Err(reached) => self.unbalanced_until = reached,
                }
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
            // Scripts and styles were dropped whole above (but JSON-LD, which stays); an SVG keeps its
            // element, which the extractor reads, without its contents.
            if raw == b"svg" && !self.drop_range(tag_end, content_end) {
                return;
            }
            if raw == b"plaintext" {
                return;
            }
            at = after;
        }
    }

    /// Leaves out all but the first of each run of whitespace in the text `html[from..to]`: outside
    /// preformatted elements the layout reads a run as one space, as a browser shows it. Returns
    /// `false` when a drop failed, which ends the pruning.
    fn collapse_spaces(&mut self, from: usize, to: usize) -> bool {
        let bytes = self.html.as_bytes();
        let mut at = from;
        while at + 1 < to {
            if !(bytes[at].is_ascii_whitespace() && bytes[at + 1].is_ascii_whitespace()) {
                at += 1;
                continue;
            }
            let end = bytes[at + 1..to].iter().position(|b| !b.is_ascii_whitespace()).map_or(to, |n| at + 1 + n);
            if !self.drop_range(at + 1, end) {
                return false;
            }
            at = end;
        }
        true
    }

    /// Reads a tag's attributes from `from` (just after its name) to its `>`, keeping what `keep` says.
    /// Returns where the tag ends, or `None` when it does not end (or a drop failed), which ends the
    /// pruning.
    fn attributes(&mut self, from: usize, keep: Keep) -> Option<usize> {
        let mut at = from;
        let mut image_source_kept = false;
        loop {
            match next_attribute(self.html.as_bytes(), at)? {
                Attribute::TagEnd(end) => return Some(end),
                Attribute::Span { start, name_end, value, end } => {
                    at = end;
                    if keep == Keep::All {
                        continue;
                    }
                    let name = &self.html.as_bytes()[start..name_end];
                    let dropped = if read_attribute(name) {
                        None
                    } else if keep == Keep::Image {
                        // The extractor drops an image with no address before it scores the page, which
                        // changes the counts it scores by: one attribute that gives an image an address
                        // to it stays, the name alone where the name says so.
                        let value = value.map_or(&b""[..], |value| &self.html.as_bytes()[value]);
                        let source_name = IMAGE_SOURCES.iter().any(|source| name.eq_ignore_ascii_case(source));
                        let source_value = IMAGE_FILES.iter().any(|file| contains(value, file));
                        match (image_source_kept, source_name, source_value) {
                            (false, true, _) => {
                                image_source_kept = true;
                                Some(name_end..end)
                            }
                            (false, false, true) => {
                                image_source_kept = true;
                                None
                            }
                            _ => Some(start..end),
                        }
                    } else if name.eq_ignore_ascii_case(b"href") {
                        value.and_then(|value| self.unread_part_of_address(value))
                    } else {
                        Some(start..end)
                    };
                    if dropped.is_some_and(|range| !self.drop_range(range.start, range.end)) {
                        return None;
                    }
                }
            }
        }
    }

    /// The part of a link's address (`html[value]`, quotes left out) that no reader looks at: all of it
    /// but its first character. The extractor tells only in-page links (`#…`, weighed lighter in link
    /// density) and `javascript:` links apart from the others, and reads nothing else of an address, so
    /// those addresses stay whole, as do ones that open with a character reference or a non-ASCII
    /// character, which may decode to either.
    fn unread_part_of_address(&self, value: Range<usize>) -> Option<Range<usize>> {
        let first = *self.html.as_bytes().get(value.start)?;
        let whole = !first.is_ascii() || matches!(first, b'#' | b'j' | b'J' | b'&');
        (!whole && value.len() > 1).then(|| value.start + 1..value.end)
    }
}

/// Which of a tag's attributes the pruning keeps.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Keep {
    /// All of them.
    All,
    /// Those some reader looks at ([`read_attribute`]), and of a link's address its first character.
    Read,
    /// An image's: those of [`Keep::Read`], and whether it has an address (the name of its first
    /// address attribute, or the first attribute whose value names an image file, as the extractor
    /// tells).
    Image,
}

/// The attributes that give an image an address, to the extractor.
const IMAGE_SOURCES: [&[u8]; 4] = [b"src", b"srcset", b"data-src", b"data-srcset"];
/// What a value that names an image file has in it, to the extractor (which compares case-sensitively).
const IMAGE_FILES: [&[u8]; 6] = [b".jpg", b".jpeg", b".png", b".webp", b".avif", b".gif"];

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    memchr::memmem::find(haystack, needle).is_some()
}

/// One step through a tag's attributes.
enum Attribute {
    /// An attribute: its name is `start..name_end`, its value (quotes left out) `value`, the whole of
    /// it `start..end`.
    Span { start: usize, name_end: usize, value: Option<Range<usize>>, end: usize },
    /// The tag's `>` is just before this offset.
    TagEnd(usize),
}

/// The attribute at or after `at`, or the end of the tag; `None` when the tag does not end.
fn next_attribute(bytes: &[u8], mut at: usize) -> Option<Attribute> {
    while bytes.get(at).is_some_and(|&b| b.is_ascii_whitespace() || b == b'/') {
        at += 1;
    }
    match bytes.get(at) {
        None => return None,
        Some(b'>') => return Some(Attribute::TagEnd(at + 1)),
        Some(_) => {}
    }
    let start = at;
    // A name runs to a space, `/`, `>` or `=`; an `=` that opens it is part of it.
    at += 1;
    while bytes.get(at).is_some_and(|&b| !(b.is_ascii_whitespace() || matches!(b, b'/' | b'>' | b'='))) {
        at += 1;
    }
    let name_end = at;
    let mut end = at;
    let mut value = None;
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
            Some(&quote @ (b'"' | b'\'')) => {
                let close = k + 1 + memchr::memchr(quote, &bytes[k + 1..])?;
                value = Some(k + 1..close);
                close + 1
            }
            Some(_) => {
                let end = bytes[k..]
                    .iter()
                    .position(|&b| b.is_ascii_whitespace() || b == b'>')
                    .map_or(bytes.len(), |n| k + n);
                value = Some(k..end);
                end
            }
            None => return None,
        };
    }
    Some(Attribute::Span { start, name_end, value, end })
}

/// Where the tag whose attributes start at `from` ends (just after its `>`).
fn tag_end(bytes: &[u8], mut at: usize) -> Option<usize> {
    loop {
        match next_attribute(bytes, at)? {
            Attribute::TagEnd(end) => return Some(end),
            Attribute::Span { end, .. } => at = end,
        }
    }
}

/// Attributes of other elements than those of [`reads_all_attributes`] that some reader looks at:
/// `dom_smoothie` (class and id names and roles in its scores; style, `hidden` and `aria-*` to find
/// hidden elements and dialogs; `rel` and `itemprop` for bylines; `dir` and `lang`; a script's type for
/// JSON-LD; a table's `summary`, `datatable` and cells' spans to tell data tables from layout), the
/// layout (roles, hidden elements) and the parser (an input's type inside a table). Everything else —
/// titles, alt texts, targets, widths, scripts' data and handlers — only a browser or a script reads.
/// The list follows what `dom_smoothie` 0.19 reads; a new version of it is checked against it (the dev
/// pages' extraction and briefs must stay the same).
fn read_attribute(name: &[u8]) -> bool {
    const READ: [&[u8]; 16] = [
        b"class",
        b"id",
        b"style",
        b"role",
        b"hidden",
        b"aria-hidden",
        b"aria-modal",
        b"rel",
        b"itemprop",
        b"dir",
        b"lang",
        b"type",
        b"summary",
        b"datatable",
        b"colspan",
        b"rowspan",
    ];
    READ.iter().any(|read| name.eq_ignore_ascii_case(read))
}

/// Elements the parser puts in `<head>` (its end tag included, metadata after it still goes there).
fn in_head(name: &[u8]) -> bool {
    matches!(
        name,
        b"html" | b"head" | b"title" | b"base" | b"link" | b"meta" | b"script" | b"style" | b"noscript" | b"template"
    )
}

/// Whether a `<meta>` tag's attributes (`attributes`, from just after its name to its `>`) may give the
/// page's title (every name and property the extractor takes a title from has "title" in it) or its
/// character set.
fn title_or_charset(attributes: &[u8]) -> bool {
    [&b"title"[..], b"charset", b"http-equiv"].iter().any(|word| contains_ignore_case(attributes, word))
}

/// A tag's name in lower case, as the functions below take it. Names longer than any the scan tells
/// apart (custom elements) are all read as one name that matches none of theirs.
struct TagName {
    lower: [u8; TagName::LONGEST],
    len: usize,
}

impl TagName {
    const LONGEST: usize = 24;

    fn of(name: &[u8]) -> Self {
        let mut lower = [0; Self::LONGEST];
        if name.len() > Self::LONGEST {
            lower[0] = b'-';
            return Self { lower, len: 1 };
        }
        lower[..name.len()].copy_from_slice(name);
        lower.make_ascii_lowercase();
        Self { lower, len: name.len() }
    }

    fn as_bytes(&self) -> &[u8] {
        &self.lower[..self.len]
    }
}

/// Elements whose every attribute may matter: to the extractor, pictures and figures (lazy-loading
/// attributes, any value naming an image file), media and embeds (their URLs), metadata and the base
/// address; to the
/// parser, `<font>` and `<annotation-xml>`, whose attributes decide where foreign content ends, and
/// `<math>` and `<svg>`, whose contents it reads as foreign content.
fn reads_all_attributes(name: &[u8]) -> bool {
    matches!(
        name,
        b"picture"
            | b"source"
            | b"figure"
            | b"video"
            | b"audio"
            | b"object"
            | b"param"
            | b"embed"
            | b"iframe"
            | b"meta"
            | b"base"
            | b"font"
            | b"annotation-xml"
            | b"math"
            | b"svg"
    )
}

/// Elements whose contents the tokenizer reads as text up to their end tag, and `<svg>`, whose
/// contents no reader wants.
fn raw_text_element(name: &[u8]) -> Option<&'static [u8]> {
    Some(match name {
        b"script" => b"script",
        b"style" => b"style",
        b"svg" => b"svg",
        b"title" => b"title",
        b"textarea" => b"textarea",
        b"noscript" => b"noscript",
        b"xmp" => b"xmp",
        b"iframe" => b"iframe",
        b"noembed" => b"noembed",
        b"noframes" => b"noframes",
        b"plaintext" => b"plaintext",
        _ => return None,
    })
}

/// Elements whose contents neither reader keeps: the extractor removes footers, asides, buttons and
/// selects from the article it finds, and the layout reads footers, asides and navigation only as
/// furniture (never in a brief) and skips buttons and selects. Their contents can still sway the
/// extractor's scores, which the dev pages measure.
fn discarded_container(name: &[u8]) -> bool {
    matches!(name, b"footer" | b"aside" | b"nav" | b"button" | b"select")
}

/// Where the contents of the container element `container` end (the offset of its `</container`) when
/// they start at `from` and the parser would read them as one subtree that closes there and leaves the
/// rest of the page as it is: every element opened inside is closed inside, or is one whose end tag
/// may be left out (`<p>`, `<li>`, …) and that an enclosing end tag closes; no end tag closes an
/// element opened outside; no table part is opened outside a table; nothing inside depends on an open
/// `<form>` or `<a>` outside. Anything else — including markup the scan does not follow (`<math>`,
/// `<plaintext>`, a double-escaped script) — gives `Err` with how far the scan read, and the contents
/// are kept. Checking this is cheaper than being wrong: a `</div>` inside a `<nav>` whose `<div>` was
/// opened before it closes the nav there, and dropping to a later `</nav>` would drop the article.
fn subtree_end(bytes: &[u8], from: usize, container: &[u8], outside: Outside) -> Result<usize, usize> {
    let mut open: Vec<TagName> = Vec::new();
    let mut at = from;
    let unbalanced = |at: usize| Err(at);
    loop {
        let Some(offset) = memchr::memchr(b'<', &bytes[at..]) else { return unbalanced(bytes.len()) };
        let lt = at + offset;
        let rest = &bytes[lt + 1..];
        if rest.starts_with(b"!--") {
            at = comment_end(bytes, lt);
            continue;
        }
        if matches!(rest.first(), Some(b'!' | b'?')) {
            // A doctype or a bogus comment, which ends at the first `>`.
            let Some(k) = memchr::memchr(b'>', rest) else { return unbalanced(bytes.len()) };
            at = lt + 1 + k + 1;
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_at = lt + 1 + usize::from(closing);
        if !bytes.get(name_at).is_some_and(u8::is_ascii_alphabetic) {
            if closing {
                // `</>` and `</ …>`: ignored, or a bogus comment, either way ending at the first `>`.
                let Some(k) = memchr::memchr(b'>', rest) else { return unbalanced(bytes.len()) };
                at = lt + 1 + k + 1;
            } else {
                at = lt + 1;
            }
            continue;
        }
        let name_end = bytes[name_at..].iter().position(|&b| ends_tag_name(b)).map_or(bytes.len(), |k| name_at + k);
        if name_end - name_at > TagName::LONGEST {
            return unbalanced(name_end);
        }
        let tag = TagName::of(&bytes[name_at..name_end]);
        let name = tag.as_bytes();
        let Some(end) = tag_end(bytes, name_end) else { return unbalanced(bytes.len()) };
        at = end;
        if name == b"form" && outside.form || name == b"a" && outside.link {
            return unbalanced(at);
        }
        if closing {
            if name == container && open.iter().all(|n| closed_implicitly(n.as_bytes())) {
                return Ok(lt);
            }
            let Some(k) = open.iter().rposition(|n| n.as_bytes() == name) else { return unbalanced(at) };
            let table = matches!(name, b"table" | b"tbody" | b"thead" | b"tfoot" | b"tr");
            if !open[k + 1..].iter().all(|n| closed_implicitly(n.as_bytes()) || table && table_part(n.as_bytes())) {
                return unbalanced(at);
            }
            open.truncate(k);
            continue;
        }
        if matches!(name, b"math" | b"plaintext")
            || table_part(name) && !open.iter().any(|n| n.as_bytes() == b"table")
            || closes(container, name)
        {
            return unbalanced(at);
        }
        if let Some(raw) = raw_text_element(name) {
            if raw == b"svg" && bytes[..at].ends_with(b"/>") {
                continue;
            }
            // Raw text runs to its end tag, which is passed over too.
            let Some((content_end, _)) = end_tag(bytes, at, raw) else { return unbalanced(bytes.len()) };
            let content = &bytes[at..content_end];
            if raw == b"script" && double_escaped(content) {
                return unbalanced(content_end);
            }
            let Some(end) = tag_end(bytes, content_end + 2 + raw.len()) else { return unbalanced(bytes.len()) };
            at = end;
            continue;
        }
        if !is_void(name) {
            open.push(tag);
        }
    }
}

/// A start tag `name` that ends an open `container` element: a button ends the button it is in, a
/// select, input or textarea the select.
fn closes(container: &[u8], name: &[u8]) -> bool {
    match container {
        b"button" => name == b"button",
        b"select" => matches!(name, b"select" | b"input" | b"keygen" | b"textarea"),
        _ => false,
    }
}

/// Elements whose end tag the parser implies when an enclosing element closes.
fn closed_implicitly(name: &[u8]) -> bool {
    matches!(name, b"p" | b"li" | b"dt" | b"dd" | b"option" | b"optgroup" | b"rb" | b"rp" | b"rt" | b"rtc")
}

/// Parts of a table, which the parser places by the table they are in, not by where they stand.
fn table_part(name: &[u8]) -> bool {
    matches!(name, b"caption" | b"col" | b"colgroup" | b"tbody" | b"thead" | b"tfoot" | b"tr" | b"td" | b"th")
}

/// Elements that never have contents or an end tag.
fn is_void(name: &[u8]) -> bool {
    matches!(
        name,
        b"area"
            | b"base"
            | b"basefont"
            | b"bgsound"
            | b"br"
            | b"col"
            | b"embed"
            | b"frame"
            | b"hr"
            | b"image"
            | b"img"
            | b"input"
            | b"keygen"
            | b"link"
            | b"meta"
            | b"param"
            | b"source"
            | b"track"
            | b"wbr"
    )
}

/// Where the comment opening at `open` ends: at the first `-->` (`<!-->` and `<!--->` are complete,
/// empty ones), or the end of the page.
fn comment_end(bytes: &[u8], open: usize) -> usize {
    let body = open + 4;
    if bytes[body..].starts_with(b">") {
        body + 1
    } else if bytes[body..].starts_with(b"->") {
        body + 2
    } else {
        memchr::memmem::find(&bytes[body..], b"-->").map_or(bytes.len(), |k| body + k + 3)
    }
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
        assert_eq!(prune(page), "<head></head><body><p>Text.</p></body>");
        // The words on either side of a script stay as the page has them: the script was never text.
        assert_eq!(prune("<p>one <script>x()</script>two<style>p{}</style> three</p>"), "<p>one two three</p>");
    }

    #[test]
    fn json_ld_raw_text_and_quoted_brackets_are_kept() {
        let page = "<script type=\"application/ld+json\">{\"headline\": \"H\"}</script>\
                    <title>a <script>b</script> c</title><textarea><!-- x --></textarea>\
                    <script id=\"a>b\">gone</script><p>kept</p>";
        assert_eq!(
            prune(page),
            "<script type=\"application/ld+json\">{\"headline\": \"H\"}</script>\
             <title>a <script>b</script> c</title><textarea><!-- x --></textarea><p>kept</p>"
        );
    }

    #[test]
    fn unread_attributes_and_svg_contents_go() {
        let page = "<div class=\"story\" data-track='{\"a\": \"b>c\"}' onclick=\"go()\" id=x>\
                    <a href=\"#top\" data-x=1 title=T>link</a><svg viewBox=\"0 0 9 9\"><path d=\"M0 0L9 9\"/></svg>\
                    <img src=a.jpg data-src=b.jpg srcset=\"a.jpg 1x\"><svg/><p>after</p></div>";
        assert_eq!(
            prune(page),
            "<div class=\"story\"   id=x><a href=\"#top\"  >link</a><svg viewBox=\"0 0 9 9\"></svg>\
             <img src  ><svg/><p>after</p></div>"
        );
        // A tag left open at the end ends the pruning.
        assert_eq!(prune("<p data-x=1>a</p><div data-y=\"2"), "<p >a</p><div data-y=\"2");
    }

    #[test]
    fn only_the_attributes_some_reader_looks_at_stay() {
        let page = "<div class=c id=i style=\"display:none\" role=main hidden aria-hidden=true title=\"A tip\" \
                    tabindex=0 itemprop=author lang=en dir=rtl><table summary=s><tr><td colspan=2 width=9>x</td>\
                    </tr></table><input type=hidden name=q value=v></div>";
        assert_eq!(
            prune(page),
            "<div class=c id=i style=\"display:none\" role=main hidden aria-hidden=true   itemprop=author lang=en \
             dir=rtl><table summary=s><tr><td colspan=2 >x</td></tr></table><input type=hidden  ></div>"
        );
        // Media, embeds and everything inside an object keep all theirs.
        let page = "<iframe src=\"//youtube.com/embed/x\" title=v></iframe><object data=x><param name=movie \
                    value=\"//youtube.com/v/x\"><span title=t>x</span></object><span title=t>y</span>";
        assert_eq!(
            prune(page),
            "<iframe src=\"//youtube.com/embed/x\" title=v></iframe><object data=x><param name=movie \
             value=\"//youtube.com/v/x\"><span title=t>x</span></object><span >y</span>"
        );
    }

    #[test]
    fn images_keep_whether_they_have_an_address() {
        let page = "<img src=\"a.jpg\" srcset=\"a.jpg 1x\" data-src=b.jpg alt=\"A cat\" class=c width=9>\
                    <img alt=x data-lazy=\"/a.png\" data-src=b><img alt=\"no address\" loading=lazy>\
                    <IMG DATA-SRCSET=\"b.jpg 2x\" style=\"display:none\">";
        assert_eq!(
            prune(page),
            "<img src    class=c ><img  data-lazy=\"/a.png\" ><img  ><IMG DATA-SRCSET style=\"display:none\">"
        );
    }

    #[test]
    fn link_addresses_keep_what_tells_them_apart() {
        let page = "<a href=\"https://example.com/a\">a</a><a href=/b/c>b</a><a href='#note'>c</a>\
                    <a href=\"javascript:void(0)\">d</a><a href=\"&#106;avascript:x\">e</a><a href=\"\">f</a>\
                    <a href=x>g</a><a href=\"é/x\">h</a>";
        assert_eq!(
            prune(page),
            "<a href=\"h\">a</a><a href=/>b</a><a href='#note'>c</a><a href=\"javascript:void(0)\">d</a>\
             <a href=\"&#106;avascript:x\">e</a><a href=\"\">f</a><a href=x>g</a><a href=\"é/x\">h</a>"
        );
    }

    #[test]
    fn the_heads_metadata_goes_but_the_title_and_charset() {
        let page = "<html><head><meta charset=utf-8><meta name=description content=\"About it\">\
                    <meta property=\"og:title\" content=T><META NAME=Twitter:Title content=T>\
                    <meta name=viewport content=width></head><body><meta itemprop=date content=d><p>x</p>";
        assert_eq!(
            prune(page),
            "<html><head><meta charset=utf-8><meta property=\"og:title\" content=T>\
             <META NAME=Twitter:Title content=T></head><body><meta itemprop=date content=d><p>x</p>"
        );
        // Text or an element of the body ends the head, and the metadata after it stays where it is.
        for page in ["<meta name=a content=b>x<meta name=c content=d>", "<div></div><meta name=c content=d>"] {
            assert!(prune(page).ends_with("<meta name=c content=d>"), "{page}");
        }
    }

    #[test]
    fn navigation_footers_asides_and_controls_are_emptied() {
        let page = "<nav class=top><ul><li><a href=/>Home</a><li>News</ul></nav><p>Story.</p>\
                    <footer><p>(c) Daily<p>Contact <img src=x></footer><aside><aside>a</aside>b</aside>\
                    <button type=button><span>Share</span></button><select><option>1<option>2</select>";
        assert_eq!(
            prune(page),
            "<nav class=top></nav><p>Story.</p><footer></footer><aside></aside><button type=button></button>\
             <select></select>"
        );
        // Raw text, comments and quoted markup inside do not end the container early.
        let page = "<nav><script>x = '</nav>';</script><textarea></nav></textarea><!-- </nav> -->\
                    <a title=\"</nav>\">x</a><svg/><b>y</b></nav><p>after</p>";
        assert_eq!(prune(page), "<nav></nav><p>after</p>");
    }

    #[test]
    fn whitespace_runs_are_collapsed_outside_preformatted_text() {
        let page = "<div>\n    <p>One  two\n\t three.</p>\n  </div><pre>a  b\n\n c</pre><p>x   y</p>\
                    <title>T  t</title><p class=\"a  b\">z</p>";
        assert_eq!(
            prune(page),
            "<div>\n<p>One two\nthree.</p>\n</div><pre>a  b\n\n c</pre><p>x y</p><title>T  t</title><p class=\"a  b\">z</p>"
        );
    }

    #[test]
    fn link_elements_go() {
        let page = "<head><link rel=stylesheet href=\"a.css\"><LINK rel=icon href='/f>.ico'></head><p>x</p>";
        assert_eq!(prune(page), "<head></head><p>x</p>");
    }

    #[test]
    fn containers_the_parser_would_close_elsewhere_are_kept() {
        for page in [
            // The `</div>` closes the nav, so the story is not in it.
            "<div><nav><a href=/>Home</a></div><p>Story.</p></nav>",
            // An element left open would be reopened after the nav.
            "<nav><b>Home</nav><p>Story.</p>",
            // The cell's end closes the footer; a row outside a table is placed by the table.
            "<table><tr><td><footer>x</td><td>Story.</td></tr></table></footer>",
            "<table><aside><tr><td>Story.</td></tr></aside></table>",
            // A form or a link open outside: the parser reads the tags inside differently.
            "<form><nav><form>Search</form></nav><p>Story.</p></form>",
            "<a href=#><nav><a href=#x>Home</a></nav></a>",
            // An input ends a select.
            "<select><option>1<input type=text>Story.</select>",
            // Never closed; foreign content the scan does not follow.
            "<footer><p>Story.",
            "<aside><math><mi/></math></aside>",
        ] {
            assert!(
                prune(page).contains("Story.") || prune(page).contains("Home") || prune(page).contains("<mi/>"),
                "{page}"
            );
            assert_eq!(prune(page), page, "{page}");
        }
        // A second button ends the first: only the second is one subtree.
        assert_eq!(
            prune("<button>Share<button>x</button>Story.</button>"),
            "<button>Share<button></button>Story.</button>"
        );
        // Deeply nested unclosed containers are tried once, not once per level.
        let page = "<nav>".repeat(100_000);
        assert_eq!(prune(&page), page.as_str());
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
        assert_eq!(prune("<p>a</p><script>var x = 1;"), "<p>a</p>");
        assert_eq!(prune("<p>a</p><!-- open"), "<p>a</p>");
        assert_eq!(prune("<!--><p>a</p><!---><p>b</p>"), "<p>a</p><p>b</p>");
    }

    #[test]
    fn quoted_markup_in_attributes_is_not_markup() {
        let page = "<a class=\"<!-- not a comment\">link</a><img alt='<script>'><p>x</p><!-- c -->";
        assert_eq!(prune(page), "<a class=\"<!-- not a comment\">link</a><img ><p>x</p>");
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
