//! Fetching a web page given as a URL (`nutgraf https://…`, `--url`), decoded to text in its own charset.
//!
//! A page is read only if it is a web page or text (`text/*`, XHTML, XML); a PDF or an image gets a
//! one-line error instead of a brief of its bytes. The fetch is bounded in every way a server could make
//! it hang or grow: connect and read timeouts, a cap on the body, a limit on redirects. The body is handed
//! on as the input text, so the page goes through the same input stage as a saved file.
//!
//! Built without the `fetch` feature, a URL argument is still recognised, and refused with a message that
//! says so; the limits and the header parsing are then unused.
#![cfg_attr(not(feature = "fetch"), allow(dead_code))]

use std::fmt;
use std::time::Duration;

/// How long to wait for a connection and for each part of the response, by default.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(20);

/// Largest body read, after decompression: far above any article page (the 50 scraped dev pages are at
/// most a few hundred KB), and small enough that a hostile server cannot exhaust memory.
pub const DEFAULT_MAX_BYTES: u64 = 16 * 1024 * 1024;

/// Redirects followed before giving up: browsers allow about 20, real pages need two or three.
pub const MAX_REDIRECTS: u32 = 10;

/// The user agent sent with every request: it names nutgraf, as a well-behaved client should.
const USER_AGENT: &str = concat!("nutgraf/", env!("CARGO_PKG_VERSION"), " (extractive summarizer)");

/// Limits of one fetch.
#[derive(Clone, Copy, Debug)]
pub struct FetchOptions {
    /// Connect timeout, and the timeout for the response head and for the body, each.
    pub timeout: Duration,
    /// Largest body read, in bytes.
    pub max_bytes: u64,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions { timeout: DEFAULT_TIMEOUT, max_bytes: DEFAULT_MAX_BYTES }
    }
}

/// Whether a command-line argument is a URL to fetch rather than a file name: `http://` or `https://`.
pub fn is_url(arg: &str) -> bool {
    let lower = arg.get(..8).unwrap_or(arg).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// Why a page could not be fetched. Each message is one line that names the URL.
#[derive(Debug)]
pub enum FetchError {
    /// The server answered with an error status.
    Status { url: String, status: u16, reason: String },
    /// More than [`MAX_REDIRECTS`] redirects, or a loop.
    TooManyRedirects(String),
    /// The connection or the response took longer than the timeout.
    Timeout { url: String, timeout: Duration },
    /// The body is larger than the cap.
    TooLarge { url: String, max_bytes: u64 },
    /// The page is no web page or text (a PDF, an image).
    NotText { url: String, content_type: String },
    /// The page names a charset nobody knows.
    UnknownCharset { url: String, charset: String },
    /// Anything else: the host is unknown, the connection was refused, the URL is malformed, TLS failed.
    Network { url: String, message: String },
    /// This nutgraf was built without the `fetch` feature.
    #[cfg_attr(feature = "fetch", allow(dead_code))]
    Disabled(String),
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FetchError::Status { url, status, reason } => write!(f, "{url}: the server answered {status} {reason}"),
            FetchError::TooManyRedirects(url) => {
                write!(f, "{url}: more than {MAX_REDIRECTS} redirects (a redirect loop?)")
            }
            FetchError::Timeout { url, timeout } => {
                write!(f, "{url}: no answer within {:.1} s (timed out)", timeout.as_secs_f64())
            }
            FetchError::TooLarge { url, max_bytes } => {
                write!(f, "{url}: the page is larger than {} MiB; nutgraf reads no more", max_bytes / (1024 * 1024))
            }
            FetchError::NotText { url, content_type } => {
                write!(f, "{url}: content type {content_type} is not a web page or text")
            }
            FetchError::UnknownCharset { url, charset } => write!(f, "{url}: unknown charset {charset:?}"),
            FetchError::Network { url, message } => write!(f, "{url}: {message}"),
            FetchError::Disabled(url) => {
                write!(f, "{url}: this nutgraf was built without the `fetch` feature; save the page and pass the file")
            }
        }
    }
}

impl std::error::Error for FetchError {}

/// Fetches `url` and returns its body as text, decoded in the charset of the response (its
/// `Content-Type`, else a `<meta charset>` near the start of an HTML page, else UTF-8; a byte-order mark
/// wins over both). Bytes invalid in that charset become U+FFFD, as in a browser.
#[cfg(feature = "fetch")]
pub fn fetch(url: &str, options: &FetchOptions) -> Result<String, FetchError> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(options.timeout.saturating_mul(3)))
        .timeout_connect(Some(options.timeout))
        .timeout_recv_response(Some(options.timeout))
        .timeout_recv_body(Some(options.timeout))
        .max_redirects(MAX_REDIRECTS)
        .user_agent(USER_AGENT)
        .http_status_as_error(false)
        .build()
        .into();
    let failed = |err: ureq::Error| describe(url, options, err);
    let mut response = agent.get(url).header("Accept", ACCEPT).call().map_err(failed)?;
    let status = response.status();
    if !status.is_success() {
        return Err(FetchError::Status {
            url: url.to_owned(),
            status: status.as_u16(),
            reason: status.canonical_reason().unwrap_or("").to_owned(),
        });
    }
    let content_type =
        response.headers().get("content-type").and_then(|value| value.to_str().ok()).unwrap_or("").trim().to_owned();
    let media_type = content_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    if !is_text_media_type(&media_type) {
        return Err(FetchError::NotText { url: url.to_owned(), content_type });
    }
    let body = response.body_mut().with_config().limit(options.max_bytes).read_to_vec().map_err(failed)?;
    let label = charset_parameter(&content_type)
        .or_else(|| (media_type.contains("html") || media_type.is_empty()).then(|| meta_charset(&body)).flatten());
    decode(url, &body, label.as_deref())
}

/// Without the `fetch` feature, a URL is an input this build cannot read.
#[cfg(not(feature = "fetch"))]
pub fn fetch(url: &str, _options: &FetchOptions) -> Result<String, FetchError> {
    Err(FetchError::Disabled(url.to_owned()))
}

/// What nutgraf can read, in the order it prefers.
#[cfg(feature = "fetch")]
const ACCEPT: &str = "text/html,application/xhtml+xml,text/plain;q=0.9,text/*;q=0.8";

#[cfg(feature = "fetch")]
fn describe(url: &str, options: &FetchOptions, err: ureq::Error) -> FetchError {
    let url = url.to_owned();
    match err {
        ureq::Error::Timeout(_) => FetchError::Timeout { url, timeout: options.timeout },
        ureq::Error::TooManyRedirects => FetchError::TooManyRedirects(url),
        ureq::Error::BodyExceedsLimit(_) => FetchError::TooLarge { url, max_bytes: options.max_bytes },
        ureq::Error::Io(io) if matches!(io.kind(), std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock) => {
            FetchError::Timeout { url, timeout: options.timeout }
        }
        ureq::Error::Io(io) => {
            let text = io.to_string();
            FetchError::Network { url, message: text.split(" (os error").next().unwrap_or(&text).to_owned() }
        }
        ureq::Error::HostNotFound => FetchError::Network { url, message: "host not found".to_owned() },
        other => FetchError::Network { url, message: other.to_string() },
    }
}

/// A media type nutgraf summarizes: any text, and the XML family that web pages are served as. A
/// response without a content type is read too, as a browser would sniff it.
fn is_text_media_type(media_type: &str) -> bool {
    media_type.is_empty()
        || media_type.starts_with("text/")
        || matches!(
            media_type,
            "application/xhtml+xml" | "application/xml" | "application/rss+xml" | "application/atom+xml"
        )
}

/// The `charset` parameter of a `Content-Type` value, unquoted.
fn charset_parameter(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|parameter| {
        let (name, value) = parameter.split_once('=')?;
        name.trim().eq_ignore_ascii_case("charset").then(|| value.trim().trim_matches(['"', '\'']).to_owned())
    })
}

/// The charset an HTML page declares in its first 1024 bytes, as the HTML standard's prescan looks for
/// it: `<meta charset="…">` or `<meta http-equiv="Content-Type" content="text/html; charset=…">`.
fn meta_charset(body: &[u8]) -> Option<String> {
    let head = &body[..body.len().min(1024)];
    let lower: Vec<u8> = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(found) = find(&lower[from..], b"<meta") {
        let start = from + found;
        let end = lower[start..].iter().position(|&b| b == b'>').map_or(lower.len(), |i| start + i);
        let tag = &lower[start..end];
        if let Some(at) = find(tag, b"charset") {
            let value = tag[at + b"charset".len()..]
                .iter()
                .skip_while(|b| b.is_ascii_whitespace())
                .skip_while(|&&b| b == b'=')
                .skip_while(|b| b.is_ascii_whitespace() || matches!(b, b'"' | b'\''))
                .take_while(|b| !(b.is_ascii_whitespace() || matches!(b, b'"' | b'\'' | b';' | b'/' | b'>')))
                .copied()
                .collect::<Vec<u8>>();
            if !value.is_empty() {
                return String::from_utf8(value).ok();
            }
        }
        from = end;
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|window| window == needle)
}

/// Decodes `body` in the charset `label` names (UTF-8 when none does); a byte-order mark wins.
#[cfg(feature = "fetch")]
fn decode(url: &str, body: &[u8], label: Option<&str>) -> Result<String, FetchError> {
    let encoding = match label {
        None => encoding_rs::UTF_8,
        Some(label) => encoding_rs::Encoding::for_label(label.as_bytes())
            .ok_or_else(|| FetchError::UnknownCharset { url: url.to_owned(), charset: label.to_owned() })?,
    };
    let (text, _, _) = encoding.decode(body);
    Ok(text.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_told_from_file_names() {
        assert!(is_url("https://example.com/story"));
        assert!(is_url("HTTP://example.com"));
        assert!(!is_url("article.txt"));
        assert!(!is_url("http:"));
        assert!(!is_url("ftp://example.com"));
        assert!(!is_url("é"));
    }

    #[test]
    fn charsets_come_from_the_header_or_the_meta_tag() {
        assert_eq!(charset_parameter("text/html; charset=\"ISO-8859-1\"").as_deref(), Some("ISO-8859-1"));
        assert_eq!(charset_parameter("text/html"), None);
        assert_eq!(meta_charset(b"<html><head><META charset='windows-1252'>").as_deref(), Some("windows-1252"));
        let http_equiv = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\">";
        assert_eq!(meta_charset(http_equiv).as_deref(), Some("koi8-r"));
        assert_eq!(meta_charset(b"<meta name=viewport content=width=device-width>"), None);
    }

    #[test]
    fn only_web_pages_and_text_are_read() {
        assert!(is_text_media_type("text/html") && is_text_media_type("application/xhtml+xml"));
        assert!(is_text_media_type("text/plain") && is_text_media_type(""));
        assert!(!is_text_media_type("application/pdf") && !is_text_media_type("image/png"));
    }
}
