//! Enumerations written inline: "1. Preheat the oven 2. Mix the flour", "a) red b) green", "• 9. one • 10. two".
//!
//! UAX #29 breaks after the marker's period ("1." becomes a sentence) and never before a marker that
//! follows a word. A marker is recognised as a list item only as part of a run: it must follow the
//! previous marker of the same style in sequence (1 → 2, a → b), with words in between, and the run must
//! begin where a sentence can begin. A lone "in 2003." or the initials "A. B. Smith" never qualify.

/// A list-item marker: an optional bullet, a number of one or two digits or a single ASCII letter, then
/// `.`, `)` or `.)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Marker {
    /// Byte range of the marker, bullet included.
    start: usize,
    end: usize,
    value: Value,
    style: Style,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Value {
    Number(u8),
    Letter(u8),
}

impl Value {
    fn is_successor_of(self, previous: Value) -> bool {
        match (previous, self) {
            (Value::Number(a), Value::Number(b)) => b == a.wrapping_add(1),
            // Lower and upper case are different styles of list: a → b, A → B.
            (Value::Letter(a), Value::Letter(b)) => {
                b == a.wrapping_add(1) && a.is_ascii_lowercase() == b.is_ascii_lowercase()
            }
            _ => false,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Style {
    bulleted: bool,
    terminator: Terminator,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Terminator {
    Period,
    Parenthesis,
    PeriodParenthesis,
}

/// Bullets that may precede a marker ("• 9.", "⁃10.").
fn is_bullet(c: char) -> bool {
    matches!(c, '•' | '⁃' | '‣' | '◦' | '▪' | '·' | '*' | '-' | '–')
}

/// No marker is longer: a bullet of up to three bytes, a few spaces, two digits and ".)".
pub(crate) const MAX_MARKER_BYTES: usize = 12;

/// Whether `text` is nothing but a list marker: "1.", "a)", "1.)", "• 9.".
pub(crate) fn is_marker_only(text: &str) -> bool {
    text.len() <= MAX_MARKER_BYTES && parse_marker_ending_at(text, text.len()).is_some_and(|marker| marker.start == 0)
}

/// Byte offsets in `block` where a list item other than the first of its run begins: the sentence splitter
/// cuts there. Linear in the length of `block`; allocates only when a list is found.
pub(crate) fn item_starts(block: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    // The last marker seen of the current run, and whether the run has at least two items.
    let mut run: Option<Marker> = None;
    for terminator_at in memchr::memchr2_iter(b'.', b')', block.as_bytes()) {
        let Some(marker) = marker_at(block, terminator_at) else { continue };
        if let Some(previous) = run {
            // Cheap tests first: the text between is scanned only for a real successor, after which the run
            // moves on, so no text is scanned twice.
            if marker.style == previous.style
                && marker.value.is_successor_of(previous.value)
                && block[previous.end..marker.start].chars().any(|c| !c.is_whitespace())
            {
                starts.push(marker.start);
                run = Some(marker);
                continue;
            }
        }
        if can_open_run(block, marker.start) {
            run = Some(marker);
        }
    }
    starts
}

/// The marker whose terminator contains the byte at `terminator_at` (a `.` or `)`), if it is one: it
/// must end the marker and be followed by whitespace.
fn marker_at(block: &str, terminator_at: usize) -> Option<Marker> {
    let bytes = block.as_bytes();
    // In "1.)" the marker ends at the ')', which is examined on its own.
    if bytes[terminator_at] == b'.' && bytes.get(terminator_at + 1) == Some(&b')') {
        return None;
    }
    let end = terminator_at + 1;
    if !block[end..].chars().next().is_some_and(char::is_whitespace) {
        return None;
    }
    let marker = parse_marker_ending_at(block, end)?;
    Some(marker)
}

/// Parses a marker that ends exactly at `end` and starts at the beginning of `text` or after whitespace.
fn parse_marker_ending_at(text: &str, end: usize) -> Option<Marker> {
    let head = text.get(..end)?;
    let (body, terminator) = if let Some(body) = head.strip_suffix(".)") {
        (body, Terminator::PeriodParenthesis)
    } else if let Some(body) = head.strip_suffix(')') {
        (body, Terminator::Parenthesis)
    } else if let Some(body) = head.strip_suffix('.') {
        (body, Terminator::Period)
    } else {
        return None;
    };
    // A value has at most two characters: count no further than three.
    let value_bytes = body.bytes().rev().take(3).take_while(u8::is_ascii_alphanumeric).count();
    let value_text = &body[body.len() - value_bytes..];
    let value = match value_text.as_bytes() {
        [letter] if letter.is_ascii_alphabetic() => Value::Letter(*letter),
        digits if !digits.is_empty() && digits.len() <= 2 && digits.iter().all(u8::is_ascii_digit) => {
            Value::Number(digits.iter().fold(0u8, |n, d| n * 10 + (d - b'0')))
        }
        _ => return None,
    };
    let before_value = &body[..body.len() - value_bytes];
    // An optional bullet, possibly followed by spaces, then the start of the text or whitespace.
    let without_spaces = before_value.trim_end_matches([' ', '\t', '\u{a0}']);
    let (start, bulleted) = match without_spaces.chars().next_back() {
        Some(c) if is_bullet(c) => {
            let bullet_start = without_spaces.len() - c.len_utf8();
            let bullet_stands_alone =
                without_spaces[..bullet_start].chars().next_back().is_none_or(char::is_whitespace);
            if !bullet_stands_alone {
                return None;
            }
            (bullet_start, true)
        }
        _ if before_value.chars().next_back().is_none_or(char::is_whitespace) => (before_value.len(), false),
        _ => return None,
    };
    Some(Marker { start, end, value, style: Style { bulleted, terminator } })
}

/// A run of list items can begin at the start of a block, or after a sentence or a colon.
fn can_open_run(block: &str, marker_start: usize) -> bool {
    let before = block[..marker_start].trim_end();
    let before = before.trim_end_matches(super::rules::is_closing);
    match before.chars().next_back() {
        None => true,
        Some(c) => c == ':' || super::rules::is_terminal(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(text: &str) -> Vec<&str> {
        let starts = item_starts(text);
        let mut pieces = Vec::new();
        let mut from = 0;
        for start in starts {
            pieces.push(text[from..start].trim());
            from = start;
        }
        pieces.push(text[from..].trim());
        pieces
    }

    #[test]
    fn numbered_lettered_and_bulleted_runs_are_cut_before_each_later_item() {
        assert_eq!(items("1) eggs and milk 2) flour 3) sugar"), ["1) eggs and milk", "2) flour", "3) sugar"]);
        assert_eq!(items("Steps: a. mix it b. bake it"), ["Steps: a. mix it", "b. bake it"]);
        assert_eq!(items("• 9. red • 10. green"), ["• 9. red", "• 10. green"]);
        assert_eq!(items("⁃1.) up ⁃2.) down"), ["⁃1.) up", "⁃2.) down"]);
    }

    #[test]
    fn numbers_initials_and_broken_sequences_are_not_lists() {
        assert_eq!(items("He won in 2003. 2004 was worse.").len(), 1);
        assert_eq!(items("A. B. Smith wrote it.").len(), 1);
        assert_eq!(items("Plan 1) fails and plan 2) works").len(), 1, "the run must open a sentence");
        assert_eq!(items("1. one 3. three").len(), 1);
        assert_eq!(items("1. one a) two").len(), 1, "styles must match");
    }

    #[test]
    fn marker_only_texts() {
        for marker in ["1.", "a)", "1.)", "• 9.", "⁃10.", "B."] {
            assert!(is_marker_only(marker), "{marker}");
        }
        for text in ["2003.", "Hi.", "x 1.", "abc)", ""] {
            assert!(!is_marker_only(text), "{text}");
        }
    }
}
