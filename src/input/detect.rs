//! Which format an input is in: by a file's extension, or by how its content opens.

use super::InputFormat;

/// How much of the input's start is looked at for tags.
const SNIFF_BYTES: usize = 1024;
/// A run of text that opens with a tag and has at least this many HTML tags in its first
/// [`SNIFF_BYTES`] is a page or a fragment of one; prose that mentions a tag has one or two.
const MIN_TAGS: usize = 4;

/// Tag names that only HTML uses, as they follow `<` or `</`.
const HTML_TAGS: [&str; 24] = [
    "html", "head", "body", "meta", "title", "link", "script", "style", "div", "span", "p", "a", "br", "img", "table",
    "tr", "td", "ul", "ol", "li", "h1", "h2", "article", "section",
];

pub(super) fn from_extension(file_name: &str) -> Option<InputFormat> {
    let (_, extension) = file_name.rsplit_once('.')?;
    let extension = extension.to_ascii_lowercase();
    match extension.as_str() {
        "html" | "htm" | "xhtml" | "shtml" => Some(InputFormat::Html),
        "md" | "markdown" | "mdown" | "mkd" | "mkdn" => Some(InputFormat::Markdown),
        "txt" | "text" => Some(InputFormat::Text),
        _ => None,
    }
}

pub(super) fn looks_like_html(text: &str) -> bool {
    let start = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let mut end = start.len().min(SNIFF_BYTES);
    while !start.is_char_boundary(end) {
        end -= 1;
    }
    let prefix = start[..end].to_ascii_lowercase();
    if prefix.starts_with("<!doctype html") || prefix.starts_with("<html") {
        return true;
    }
    if prefix.starts_with("<?xml") || prefix.starts_with("<!--") {
        return prefix.contains("<html");
    }
    prefix.starts_with('<') && tag_count(&prefix) >= MIN_TAGS
}

/// HTML tags in `prefix` (lower-cased): `<name` or `</name` followed by `>`, a space or `/`.
fn tag_count(prefix: &str) -> usize {
    let bytes = prefix.as_bytes();
    memchr::memchr_iter(b'<', bytes)
        .filter(|&at| {
            let rest = &prefix[at + 1..];
            let rest = rest.strip_prefix('/').unwrap_or(rest);
            HTML_TAGS.iter().any(|tag| {
                rest.strip_prefix(tag).is_some_and(|after| after.starts_with(['>', ' ', '/', '\n', '\t', '\r']))
            })
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_by_content() {
        for page in [
            "<!DOCTYPE html>\n<html>",
            "  \n<html lang=\"en\">",
            "\u{feff}<!doctype HTML>",
            "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">",
            "<div class=\"a\"><p>One</p><p>Two</p></div>",
        ] {
            assert!(looks_like_html(page), "{page:?}");
        }
        for text in [
            "",
            "Plain text about the <p> tag and the <div> tag.",
            "<Note> the meeting moved to Friday.",
            "Use <br> and <p> and <div> and <span> to lay out text.",
            "<3 you",
        ] {
            assert!(!looks_like_html(text), "{text:?}");
        }
    }

    #[test]
    fn format_by_extension() {
        assert_eq!(from_extension("a/b/page.html"), Some(InputFormat::Html));
        assert_eq!(from_extension("notes.Markdown"), Some(InputFormat::Markdown));
        assert_eq!(from_extension("a.txt"), Some(InputFormat::Text));
        assert_eq!(from_extension("archive.tar.gz"), None);
        assert_eq!(from_extension("README"), None);
    }
}
