//! The matching rule of `shared/peers/noise_check.py`, re-implemented: does a brief sentence occur in a
//! page's ground-truth article body?
//!
//! Three steps, each more lenient, the first that matches counts: (1) the whitespace-normalised sentence
//! is a substring of the whitespace-normalised article at word boundaries; (2) the same after mapping
//! quotes, primes, dashes and the ellipsis to ASCII; (3) for sentences of 20+ non-space characters, the
//! quote-normalised texts with all spaces removed.

/// Sentences shorter than this (non-space characters) never match by the space-free rule.
const MIN_NOSPACE_CHARS: usize = 20;

/// Python's `\s` (Unicode whitespace, including the information separators U+001C..U+001F) plus the
/// zero-width characters that the checker's pattern lists explicitly.
fn is_space(c: char) -> bool {
    c.is_whitespace()
        || matches!(c, '\u{1c}'..='\u{1f}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}')
}

/// Runs of whitespace become one space; the ends are trimmed.
pub fn normalize_space(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        if is_space(c) {
            pending_space = true;
        } else {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push(c);
        }
    }
    out
}

/// Curly and low quotes and primes to `'` / `"`, dash variants to `-`, `…` to `...`.
pub fn normalize_quotes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' | '\u{b4}' | '`' => out.push('\''),
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' | '\u{ab}' | '\u{bb}' => out.push('"'),
            '\u{2010}'..='\u{2015}' | '\u{2212}' => out.push('-'),
            '\u{2026}' => out.push_str("..."),
            _ => out.push(c),
        }
    }
    out
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// `needle` occurs in `hay` without continuing a word on either side (a side is only checked when the
/// needle's own character there is a word character).
pub fn contains_at_boundary(hay: &str, needle: &str) -> bool {
    let (Some(first), Some(last)) = (needle.chars().next(), needle.chars().next_back()) else {
        return false;
    };
    let (check_left, check_right) = (is_word_char(first), is_word_char(last));
    // Matches may overlap (the checker resumes its search one character after each hit).
    let mut from = 0;
    while let Some(offset) = hay[from..].find(needle) {
        let start = from + offset;
        let end = start + needle.len();
        let left_ok = !check_left || hay[..start].chars().next_back().is_none_or(|c| !is_word_char(c));
        let right_ok = !check_right || hay[end..].chars().next().is_none_or(|c| !is_word_char(c));
        if left_ok && right_ok {
            return true;
        }
        from = start + first.len_utf8();
    }
    false
}

/// A ground-truth article body, normalised once for matching many sentences.
pub struct ArticleBody {
    spaced: String,
    quoted: String,
    spaceless: String,
}

impl ArticleBody {
    /// Normalises `article`.
    pub fn new(article: &str) -> Self {
        let spaced = normalize_space(article);
        let quoted = normalize_quotes(&spaced);
        let spaceless = quoted.replace(' ', "");
        ArticleBody { spaced, quoted, spaceless }
    }

    /// Whether `sentence` occurs in the body by any of the three rules.
    pub fn contains(&self, sentence: &str) -> bool {
        let spaced = normalize_space(sentence);
        if contains_at_boundary(&self.spaced, &spaced) {
            return true;
        }
        let quoted = normalize_quotes(&spaced);
        if contains_at_boundary(&self.quoted, &quoted) {
            return true;
        }
        let spaceless = quoted.replace(' ', "");
        spaceless.chars().count() >= MIN_NOSPACE_CHARS && self.spaceless.contains(&spaceless)
    }
}
