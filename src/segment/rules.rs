//! The rules that correct UAX #29 sentence boundaries: abbreviations, initials, numbers, ellipses,
//! exclamations inside names, and boundaries UAX #29 cannot see (list items).

use rustc_hash::{FxHashMap, FxHashSet};

use crate::language::Language;

/// How an abbreviation behaves before the next word (see `data/abbreviations/english.txt`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AbbreviationKind {
    /// Comes before a name: never ends a sentence.
    Title,
    /// Comes before a number: ends a sentence unless a number follows.
    Number,
    /// May end a sentence: does so before a capitalised common word.
    General,
}

/// Language data the rules consult.
#[derive(Clone, Debug)]
pub(crate) struct BoundaryRules {
    abbreviations: FxHashMap<String, AbbreviationKind>,
    /// Lower-case stop words: a capitalised stop word after an abbreviation ("Co. It closed") signals a
    /// new sentence, where a capitalised content word ("U.S. Government") signals a name.
    sentence_starters: FxHashSet<String>,
}

impl BoundaryRules {
    pub(crate) fn new(language: Language) -> Self {
        let abbreviations = language
            .abbreviations()
            .map(|entry| match entry.split_once(':') {
                Some((word, "title")) => (word.to_lowercase(), AbbreviationKind::Title),
                Some((word, "number")) => (word.to_lowercase(), AbbreviationKind::Number),
                Some((word, _)) => (word.to_lowercase(), AbbreviationKind::General),
                None => (entry.to_lowercase(), AbbreviationKind::General),
            })
            .collect();
        let sentence_starters = language.stop_words().map(str::to_lowercase).collect();
        BoundaryRules { abbreviations, sentence_starters }
    }

    /// Decides whether a UAX #29 boundary between `before` and `after` (both within one block) really
    /// ends a sentence.
    pub(crate) fn confirms_boundary(&self, before: &str, after: &str) -> bool {
        let before = before.trim_end();
        let after = after.trim_start();
        if after.is_empty() || before.is_empty() {
            return true;
        }
        let body = before.trim_end_matches(is_closing);
        let closed = body.len() != before.len();
        let Some(last) = body.chars().next_back() else {
            return true;
        };
        let next_word = first_word(after);
        let next_starts_lower = next_word.chars().next().is_some_and(char::is_lowercase);

        if matches!(last, '!' | '?' | '\u{203C}' | '\u{2047}' | '\u{2048}' | '\u{2049}') {
            // "Yahoo! in the accounting department": an exclamation inside a name or a quote goes on in
            // lower case.
            return !next_starts_lower;
        }
        if last != '.' && last != '\u{2026}' {
            return true;
        }
        let dots = trailing_dots(body);
        let before_dots = body[..body.len() - dots.bytes].trim_end();
        if dots.count >= 2 || last == '\u{2026}' {
            return self.confirms_ellipsis(before_dots, dots, next_word, next_starts_lower);
        }
        if closed {
            // `great." She` or `engineer.) at`: the closing mark is part of the sentence; a lower-case
            // word after it continues.
            return !next_starts_lower;
        }
        let word = last_word(before_dots);
        if word.is_empty() {
            return true;
        }
        let key = word.trim_start_matches(is_opening).to_lowercase();
        let next_is_number = next_word.chars().next().is_some_and(|c| c.is_ascii_digit());
        let next_is_starter = self.is_sentence_starter(next_word);

        if let Some(kind) = self.abbreviations.get(key.as_str()) {
            return match kind {
                AbbreviationKind::Title => false,
                AbbreviationKind::Number => !next_is_number,
                AbbreviationKind::General => !next_starts_lower && !next_is_number && next_is_starter,
            };
        }
        if is_initials(word.trim_start_matches(is_opening)) {
            // "J. R. R. Tolkien", "U.S.A. last year", but "you and I. Did you".
            return next_is_starter;
        }
        if next_starts_lower {
            return false;
        }
        true
    }

    fn confirms_ellipsis(&self, before: &str, dots: Dots, next_word: &str, next_starts_lower: bool) -> bool {
        if next_starts_lower || before.ends_with('[') || next_word.starts_with(']') {
            return false;
        }
        // Three dots mark an omission inside a sentence ("is . . . I didn't mean it"); a fourth is the
        // sentence's own period ("that.... She left").
        dots.count >= 4 || next_word.starts_with('.')
    }

    fn is_sentence_starter(&self, word: &str) -> bool {
        let starts_upper = word.chars().next().is_some_and(char::is_uppercase);
        starts_upper && self.sentence_starters.contains(word.to_lowercase().as_str())
    }
}

/// A run of periods at the end of a text, spaced (". . .") or not ("...."), or an ellipsis character.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Dots {
    count: usize,
    bytes: usize,
}

fn trailing_dots(text: &str) -> Dots {
    let mut count = 0;
    let mut bytes = 0;
    let mut rest = text;
    loop {
        let trimmed = if count > 0 { rest.trim_end_matches(' ') } else { rest };
        if let Some(stripped) = trimmed.strip_suffix('.') {
            count += 1;
            bytes = text.len() - stripped.len();
            rest = stripped;
        } else if let Some(stripped) = trimmed.strip_suffix('\u{2026}') {
            count += 3;
            bytes = text.len() - stripped.len();
            rest = stripped;
        } else {
            break;
        }
    }
    Dots { count, bytes }
}

/// Single letters joined by periods: "E", "J. R. R", "U.S.A", "e.g", "i.e".
fn is_initials(word: &str) -> bool {
    let mut letters = 0;
    for part in word.split('.') {
        let mut chars = part.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if c.is_alphabetic() => letters += 1,
            _ => return false,
        }
    }
    letters > 0
}

/// The whitespace-delimited word at the end of `text`.
fn last_word(text: &str) -> &str {
    let start = text.rfind(char::is_whitespace).map_or(0, |i| i + text[i..].chars().next().map_or(1, char::len_utf8));
    &text[start..]
}

/// The first word of `text`, without opening quotes and brackets.
fn first_word(text: &str) -> &str {
    let text = text.trim_start_matches(is_opening);
    let end = text.find(|c: char| c.is_whitespace()).unwrap_or(text.len());
    let word = &text[..end];
    let word_end = word.find(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}')).unwrap_or(word.len());
    if word_end == 0 { word } else { &word[..word_end] }
}

/// Sentence-terminal punctuation (UAX #29 STerm and ATerm, the common ones).
pub(crate) fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '.' | '!'
            | '?'
            | '\u{2026}' // …
            | '\u{203C}' // ‼
            | '\u{2047}'
            | '\u{2048}'
            | '\u{2049}'
            | '\u{3002}' // 。
            | '\u{FF01}' // ！
            | '\u{FF1F}' // ？
            | '\u{FF0E}'
            | '\u{061F}' // ؟
            | '\u{06D4}' // ۔
            | '\u{0964}' // ।
            | '\u{0965}' // ॥
            | '\u{037E}' // Greek question mark
    )
}

/// Closing quotes and brackets that may follow terminal punctuation inside the same sentence.
pub(crate) fn is_closing(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | ')'
            | ']'
            | '}'
            | '\u{2019}' // ’
            | '\u{201D}' // ”
            | '\u{00BB}' // »
            | '\u{203A}' // ›
            | '\u{300D}' // 」
            | '\u{300F}' // 』
            | '\u{FF09}' // ）
    )
}

/// Opening quotes and brackets that may precede the first word of a sentence.
pub(crate) fn is_opening(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '('
            | '['
            | '{'
            | '\u{2018}' // ‘
            | '\u{201C}' // “
            | '\u{201E}' // „
            | '\u{00AB}' // «
            | '\u{2039}' // ‹
            | '\u{300C}' // 「
            | '\u{300E}' // 『
            | '\u{FF08}' // （
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> BoundaryRules {
        BoundaryRules::new(Language::English)
    }

    #[test]
    fn titles_never_end_a_sentence() {
        assert!(!rules().confirms_boundary("I can see Mt.", " Fuji from here."));
        assert!(!rules().confirms_boundary("He met Dr.", " Smith."));
    }

    #[test]
    fn general_abbreviations_end_a_sentence_before_a_sentence_starter() {
        assert!(rules().confirms_boundary("the deal with Pitt, Briggs & Co.", " It closed."));
        assert!(!rules().confirms_boundary("I work for the U.S.", " Government in Virginia."));
        assert!(rules().confirms_boundary("I live in the U.S.", " How about you?"));
    }

    #[test]
    fn number_abbreviations_hold_only_before_numbers() {
        assert!(!rules().confirms_boundary("Please turn to p.", " 55."));
        assert!(rules().confirms_boundary("He said no.", " Then he left."));
    }

    #[test]
    fn initials_and_lower_case_continuations() {
        assert!(!rules().confirms_boundary("My name is Jonas E.", " Smith."));
        assert!(rules().confirms_boundary("you and I.", " Did you see"));
        assert!(!rules().confirms_boundary("She works at Yahoo!", " in the accounting department."));
    }

    #[test]
    fn ellipses_within_and_at_the_end_of_sentences() {
        assert!(!rules().confirms_boundary("the thing is . . .", " I didn't mean it."));
        assert!(rules().confirms_boundary("I never meant that....", " She left the store."));
    }
}
