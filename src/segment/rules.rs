//! The rules that correct UAX #29 sentence boundaries: abbreviations, initials, numbers, ellipses,
//! exclamations inside names, text glued without a space, and list markers.

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

/// What the rules make of a candidate boundary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// The sentence goes on.
    Continue,
    /// The sentence ends here.
    Break,
    /// The sentence ends this many bytes before the candidate: what lies between (a spaced ellipsis)
    /// opens the next sentence.
    BreakEarlier(usize),
}

/// The rules look this far back from a candidate boundary, and this far ahead, so that the cost of a
/// decision does not grow with the length of the sentence (a 50 MB line must split in linear time).
const LOOK_BEHIND_BYTES: usize = 256;
const LOOK_AHEAD_BYTES: usize = 128;

/// Words longer than this are neither abbreviations nor function words, so lookups lower-case into a
/// stack buffer of this size instead of allocating.
const MAX_LOOKUP_BYTES: usize = 48;

/// Language data the rules consult.
#[derive(Clone, Debug)]
pub(crate) struct BoundaryRules {
    abbreviations: FxHashMap<String, AbbreviationKind>,
    /// Lower-case stop words: a capitalised stop word after an abbreviation ("Co. It closed") signals a
    /// new sentence, where a capitalised content word ("U.S. Government") signals a name.
    function_words: FxHashSet<String>,
    /// Lower-case words that open sentences and seldom appear capitalised inside one (`word:starter` in
    /// the abbreviations file): what the run-on rule looks for.
    run_on_starters: FxHashSet<String>,
    /// The language writes ordinal numbers with a period (German `am 3. Oktober`, Danish `5. gade`).
    ordinal_numbers: bool,
    /// Marks that end sentences in this language though UAX #29 never proposes a boundary after them
    /// (Greek `;`).
    extra_terminals: &'static [char],
    /// A colon after an Armenian letter ends a sentence (see [`is_armenian_full_stop`]): on in the
    /// language-neutral rules, which serve Armenian, so that the other languages do not scan for colons.
    armenian_colons: bool,
}

/// Languages that write ordinal numbers with a period after the digits ("vom 12. Juni", "den 5. maj",
/// "12. kesäkuuta", "12. kerület", "12. Cumhurbaşkanı"): a day or rank of one or two digits then reads like
/// a general abbreviation, ending the sentence only before a word that opens sentences.
fn writes_ordinal_numbers(language: Language) -> bool {
    matches!(
        language,
        Language::German
            | Language::Danish
            | Language::Norwegian
            | Language::Finnish
            | Language::Hungarian
            | Language::Turkish
    )
}

/// Greek ends questions with `;` (or U+037E GREEK QUESTION MARK, which normalises to it), a mark UAX #29
/// takes for a semicolon.
fn terminals_beyond_uax29(language: Language) -> &'static [char] {
    match language {
        Language::Greek => &[';', '\u{037E}'],
        _ => &[],
    }
}

/// Armenian writers often type the ASCII colon for the Armenian full stop `։` (U+0589), so a colon right
/// after an Armenian letter ends the sentence.
fn is_armenian_full_stop(mark: char, before: Option<char>) -> bool {
    mark == ':' && before.is_some_and(is_armenian_letter)
}

fn is_armenian_letter(c: char) -> bool {
    matches!(c, '\u{0531}'..='\u{0556}' | '\u{0561}'..='\u{0587}')
}

impl BoundaryRules {
    pub(crate) fn new(language: Language) -> Self {
        BoundaryRules {
            ordinal_numbers: writes_ordinal_numbers(language),
            extra_terminals: terminals_beyond_uax29(language),
            ..Self::from_entries(language.abbreviations(), language.stop_words())
        }
    }

    /// Rules that know no language: no abbreviations, no function words, no run-on starters. What is
    /// left is language-neutral: terminal marks (with the Armenian colon), initials, numbers, ellipses,
    /// closing marks, URLs.
    pub(crate) fn language_neutral() -> Self {
        BoundaryRules { armenian_colons: true, ..Self::from_entries(std::iter::empty(), std::iter::empty()) }
    }

    fn from_entries<'a>(
        abbreviation_entries: impl Iterator<Item = &'a str>,
        stop_words: impl Iterator<Item = &'a str>,
    ) -> Self {
        let mut abbreviations = FxHashMap::default();
        let mut run_on_starters = FxHashSet::default();
        for entry in abbreviation_entries {
            let (word, kind) = entry.split_once(':').unwrap_or((entry, ""));
            let word = word.to_lowercase();
            match kind {
                "title" => {
                    abbreviations.insert(word, AbbreviationKind::Title);
                }
                "number" => {
                    abbreviations.insert(word, AbbreviationKind::Number);
                }
                "starter" => {
                    run_on_starters.insert(word);
                }
                _ => {
                    abbreviations.insert(word, AbbreviationKind::General);
                }
            }
        }
        let function_words = stop_words.map(str::to_lowercase).collect();
        BoundaryRules {
            abbreviations,
            function_words,
            run_on_starters,
            ordinal_numbers: false,
            extra_terminals: &[],
            armenian_colons: false,
        }
    }

    /// Whether `mark`, after `before` (the character in front of it), ends a sentence though UAX #29
    /// proposes no boundary after it, so the splitter must propose one itself.
    /// Whether the language has terminals beyond UAX #29's other than the Armenian colon.
    pub(crate) fn has_terminals_beyond_colon(&self) -> bool {
        !self.extra_terminals.is_empty()
    }

    /// Whether a colon after an Armenian letter ends a sentence.
    pub(crate) fn ends_at_armenian_colons(&self) -> bool {
        self.armenian_colons
    }

    /// Whether `sentence` ends in one of the marks of [`Self::is_terminal_beyond_uax29`], possibly before
    /// closing quotes and brackets (a Greek question ends in `;`).
    pub(crate) fn ends_with_terminal_beyond_uax29(&self, sentence: &str) -> bool {
        if self.extra_terminals.is_empty() && !self.armenian_colons {
            return false;
        }
        let mut chars = sentence.trim_end().trim_end_matches(is_closing).chars();
        chars.next_back().is_some_and(|mark| self.is_terminal_beyond_uax29(mark, chars.next_back()))
    }

    pub(crate) fn is_terminal_beyond_uax29(&self, mark: char, before: Option<char>) -> bool {
        self.extra_terminals.contains(&mark) || (self.armenian_colons && is_armenian_full_stop(mark, before))
    }

    /// Decides whether a candidate boundary between `sentence` (the text since the last boundary) and
    /// `after` (the rest of the block) really ends a sentence.
    pub(crate) fn verdict(&self, sentence: &str, after: &str) -> Verdict {
        let raw_before = tail(sentence, LOOK_BEHIND_BYTES);
        let spaced = raw_before.ends_with(char::is_whitespace);
        // Bidirectional controls around a period (`د\u{202A}.\u{202C}` in Arabic text) are invisible.
        let before = raw_before.trim_end().trim_end_matches(is_format_control);
        let after = head(after, LOOK_AHEAD_BYTES).trim_start();
        if after.is_empty() || before.is_empty() {
            return Verdict::Break;
        }
        if before.len() <= super::lists::MAX_MARKER_BYTES
            && before.len() == sentence.trim().len()
            && super::lists::is_marker_only(before)
        {
            // "1." or "a)" opening a list item is not a sentence of its own.
            return Verdict::Continue;
        }
        let body = before.trim_end_matches(is_closing);
        let closed = body.len() != before.len();
        let Some(last) = body.chars().next_back() else {
            return Verdict::Break;
        };
        let next_word = first_word(after);
        let next_starts_lower = next_word.chars().next().is_some_and(char::is_lowercase);
        let next_starts_upper = next_word.chars().next().is_some_and(char::is_uppercase);

        if !spaced && matches!(last, '.' | '!' | '?') && after.chars().next().is_some_and(char::is_alphanumeric) {
            // No space after the mark: a URL ("search?q=1", "?)They"), a name ("Yahoo!Mail"), or after a
            // period two sentences glued together ("months.It will"), which `glued` tells apart.
            if last == '.' && !closed {
                return super::glued::verdict(self, body, after);
            }
            return Verdict::Continue;
        }
        if matches!(last, '!' | '?' | '\u{203C}' | '\u{2047}' | '\u{2048}' | '\u{2049}') {
            // "Yahoo! in the accounting department": an exclamation inside a name or a quote goes on in
            // lower case.
            return if next_starts_lower { Verdict::Continue } else { Verdict::Break };
        }
        if last != '.' && last != '\u{2026}' {
            return Verdict::Break;
        }
        let dots = trailing_dots(body);
        let before_dots = body[..body.len() - dots.bytes].trim_end();
        // Looked up only where it matters, since most boundaries are decided without it.
        let next_is_starter = || next_starts_upper && self.is_sentence_starter(next_word);
        if dots.count == 2 && !dots.spaced && !closed && self.abbreviation(abbreviation_word(before_dots)).is_some() {
            // "per mar. 23 Nov.. Grazie": the abbreviation's period and the sentence's.
            return if next_starts_upper { Verdict::Break } else { Verdict::Continue };
        }
        if dots.count >= 2 || last == '\u{2026}' {
            let ellipsis = Ellipsis { candidate: raw_before.len(), body_len: body.len(), dots, closed };
            return ellipsis.verdict(before_dots, next_word, next_is_starter);
        }
        if closed {
            // `great." She` or `engineer.) at`: the closing mark is part of the sentence; a lower-case
            // word after it continues.
            return if next_starts_lower { Verdict::Continue } else { Verdict::Break };
        }
        let word = abbreviation_word(before_dots);
        if word.is_empty() {
            return Verdict::Break;
        }
        let next_is_number = next_word.chars().next().is_some_and(|c| c.is_ascii_digit());
        if after.starts_with('/') {
            // "se consuela. / [...]": a slash separates lines of verse; no sentence opens with one.
            return Verdict::Continue;
        }

        let breaks = if let Some(kind) = self.abbreviation(word) {
            match kind {
                AbbreviationKind::Title => false,
                AbbreviationKind::Number => !next_is_number,
                AbbreviationKind::General => !next_starts_lower && !next_is_number && next_is_starter(),
            }
        } else if is_initials(word) {
            // "J. R. R. Tolkien", "U.S.A. last year", "А. И. Семенов" (И is also the word "and"), but
            // "you and I. Did you".
            next_is_starter() && !opens_with_initial(after)
        } else if self.ordinal_numbers && is_ordinal_number(word) {
            // "vom 12. Juni", "der 2. Weltkrieg", but "im Jahr 12. Er kam".
            !next_starts_lower && next_is_starter()
        } else {
            !next_starts_lower
        };
        if breaks { Verdict::Break } else { Verdict::Continue }
    }

    /// A word that often opens a sentence, so a capitalised one after an abbreviation or initials starts
    /// a new sentence: a function word ("It", "The") or a title ("Mr", "Dr").
    pub(crate) fn is_sentence_starter(&self, word: &str) -> bool {
        let is_starter = |word: &str| {
            with_lowercase(word, |lower| {
                self.function_words.contains(lower) || self.abbreviations.get(lower) == Some(&AbbreviationKind::Title)
            })
            .unwrap_or(false)
        };
        is_starter(word) || elided_article(word).is_some_and(is_starter)
    }

    pub(crate) fn abbreviation(&self, word: &str) -> Option<AbbreviationKind> {
        with_lowercase(word, |lower| self.abbreviations.get(lower).copied()).flatten()
    }

    /// Whether `word` (any case) is a function word of the language.
    pub(crate) fn is_function_word(&self, word: &str) -> bool {
        with_lowercase(word, |lower| self.function_words.contains(lower)).unwrap_or(false)
    }

    /// Whether `word` (any case) often opens a sentence but seldom stands capitalised inside one.
    pub(crate) fn is_run_on_starter(&self, word: &str) -> bool {
        with_lowercase(word, |lower| self.run_on_starters.contains(lower)).unwrap_or(false)
    }

    /// Whether the language has run-on starters at all (the run-on rule is off without them).
    pub(crate) fn has_run_on_starters(&self) -> bool {
        !self.run_on_starters.is_empty()
    }
}

/// A run of two or more periods or an ellipsis character at a candidate boundary.
struct Ellipsis {
    /// Length of the text up to the candidate boundary.
    candidate: usize,
    /// Length of the text up to the last dot.
    body_len: usize,
    dots: Dots,
    /// Closing quotes or brackets follow the dots.
    closed: bool,
}

impl Ellipsis {
    fn verdict(&self, before_dots: &str, next_word: &str, next_is_starter: impl FnOnce() -> bool) -> Verdict {
        let next_starts_upper = next_word.chars().next().is_some_and(char::is_uppercase);
        if !next_starts_upper || before_dots.ends_with('[') || next_word.starts_with(']') {
            return Verdict::Continue;
        }
        let dots = self.dots;
        if !dots.spaced {
            // "that.... She left", "useful ... If it is slow": an unspaced run ends the sentence before a
            // word that opens sentences, or when it has a fourth dot (the sentence's own period); before a
            // name it marks an omission ("such as... Maldives and Sri Lanka").
            return if dots.count >= 4 || next_is_starter() { Verdict::Break } else { Verdict::Continue };
        }
        if dots.attached && dots.count >= 4 && !self.closed {
            // "compounds. . . . The practice": the sentence ends with its own period and the spaced
            // ellipsis opens the next one.
            let after_first_dot = self.body_len - dots.bytes + 1;
            return Verdict::BreakEarlier(self.candidate - after_first_dot);
        }
        // A spaced ellipsis marks an omission inside a sentence ("is . . . I didn't mean it"); a fourth
        // period is the sentence's own ("with a period . . . . Next").
        if dots.count >= 4 { Verdict::Break } else { Verdict::Continue }
    }
}

/// The last at most `max` bytes of `text`, starting at a character boundary.
fn tail(text: &str, max: usize) -> &str {
    let mut start = text.len().saturating_sub(max);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..]
}

/// The first at most `max` bytes of `text`, ending at a character boundary.
fn head(text: &str, max: usize) -> &str {
    let mut end = max.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Calls `f` with `word` lower-cased in a stack buffer; `None` if the lower-cased word does not fit, in
/// which case it is no abbreviation or function word either.
fn with_lowercase<T>(word: &str, f: impl FnOnce(&str) -> T) -> Option<T> {
    if word.len() <= MAX_LOOKUP_BYTES && word.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()) {
        // Lower-case already, the most common case.
        return Some(f(word));
    }
    let mut buffer = [0u8; MAX_LOOKUP_BYTES];
    if word.is_ascii() {
        // The common case, byte by byte.
        let lower = buffer.get_mut(..word.len())?;
        for (to, from) in lower.iter_mut().zip(word.bytes()) {
            *to = from.to_ascii_lowercase();
        }
        return std::str::from_utf8(lower).ok().map(f);
    }
    let mut len = 0;
    for c in word.chars().flat_map(char::to_lowercase) {
        let width = c.len_utf8();
        if len + width > MAX_LOOKUP_BYTES {
            return None;
        }
        c.encode_utf8(&mut buffer[len..len + width]);
        len += width;
    }
    // The buffer holds whole UTF-8 encoded characters, so this cannot fail.
    std::str::from_utf8(&buffer[..len]).ok().map(f)
}

/// A run of periods at the end of a text, spaced (". . .") or not ("...."), or an ellipsis character.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Dots {
    /// Periods, an ellipsis character counting three.
    count: usize,
    /// Bytes from the first dot to the end, inner spaces included.
    bytes: usize,
    /// Spaces separate some of the dots.
    spaced: bool,
    /// The first dot is a period that follows a word directly ("compounds. . . .").
    attached: bool,
}

fn trailing_dots(text: &str) -> Dots {
    let mut dots = Dots { count: 0, bytes: 0, spaced: false, attached: false };
    let mut rest = text;
    let mut first_is_period = false;
    loop {
        let trimmed = if dots.count > 0 { rest.trim_end_matches(' ') } else { rest };
        let had_space = trimmed.len() != rest.len();
        let (stripped, count, is_period) = if let Some(stripped) = trimmed.strip_suffix('.') {
            (stripped, 1, true)
        } else if let Some(stripped) = trimmed.strip_suffix('\u{2026}') {
            (stripped, 3, false)
        } else {
            break;
        };
        dots.spaced |= had_space;
        dots.count += count;
        dots.bytes = text.len() - stripped.len();
        first_is_period = is_period;
        rest = stripped;
    }
    dots.attached = first_is_period && rest.chars().next_back().is_some_and(|c| !c.is_whitespace());
    dots
}

/// The word before a period, as abbreviations are listed: without opening marks and invisible controls.
fn abbreviation_word(before_period: &str) -> &str {
    // Trimming looks at the first and last characters only.
    last_word(before_period).trim_start_matches(is_opening).trim_matches(is_format_control)
}

/// Invisible characters that carry no letters: bidirectional marks, embeddings and isolates, zero-width
/// joiners and spaces, the byte-order mark.
fn is_format_control(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// The elided function word that opens `word` ("C" of "C'est", "L" of "L'avvocato"): the letters before an
/// apostrophe followed by a lower-case letter. Before a capital, the apostrophe is inside a name (O'Brien).
fn elided_article(word: &str) -> Option<&str> {
    let (article, rest) = word.split_once(['\'', '\u{2019}'])?;
    rest.chars().next().is_some_and(char::is_lowercase).then_some(article)
}

/// One or two digits: a day or a rank that may be written as an ordinal ("12.").
fn is_ordinal_number(word: &str) -> bool {
    matches!(word.as_bytes(), [d] | [d, _] if d.is_ascii_digit()) && word.bytes().all(|b| b.is_ascii_digit())
}

/// Whether `text` opens with one letter and a period: the next of a run of initials ("И. Семенов").
fn opens_with_initial(text: &str) -> bool {
    let mut chars = text.trim_start_matches(is_opening).chars();
    matches!((chars.next(), chars.next()), (Some(letter), Some('.')) if letter.is_alphabetic())
}

/// Single letters joined by periods: "E", "J. R. R", "U.S.A", "e.g", "i.e".
fn is_initials(word: &str) -> bool {
    // Most words are no initials from their second character on, which is then no period.
    let mut chars = word.chars();
    if chars.next().is_some() && chars.next().is_some_and(|c| c != '.') {
        return false;
    }
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

    fn breaks(before: &str, after: &str) -> bool {
        rules().verdict(before, after) == Verdict::Break
    }

    fn continues(before: &str, after: &str) -> bool {
        rules().verdict(before, after) == Verdict::Continue
    }

    #[test]
    fn titles_never_end_a_sentence() {
        assert!(continues("I can see Mt. ", "Fuji from here."));
        assert!(continues("He met Dr. ", "Smith."));
    }

    #[test]
    fn ordinal_numbers_are_one_or_two_digits() {
        assert!(is_ordinal_number("3") && is_ordinal_number("12"));
        assert!(!is_ordinal_number("123") && !is_ordinal_number("1a") && !is_ordinal_number(""));
        let german = BoundaryRules::new(Language::German);
        assert_eq!(german.verdict("vom 12. ", "Juni an."), Verdict::Continue);
        assert_eq!(german.verdict("am 12. ", "Er kam."), Verdict::Break);
        assert_eq!(german.verdict("im Jahr 1990. ", "Danach kam er."), Verdict::Break);
        assert_eq!(rules().verdict("the score was 12. ", "Smith left."), Verdict::Break);
    }

    #[test]
    fn elided_articles_and_initials() {
        assert_eq!(elided_article("C'est"), Some("C"));
        assert_eq!(elided_article("L\u{2019}avvocato"), Some("L"));
        assert_eq!(elided_article("O'Brien"), None);
        assert_eq!(elided_article("Paris"), None);
        assert!(opens_with_initial("И. Семенов") && opens_with_initial("(J. Smith"));
        assert!(!opens_with_initial("It was") && !opens_with_initial("Io."));
    }

    #[test]
    fn greek_terminals_and_the_armenian_colon() {
        let greek = BoundaryRules::new(Language::Greek);
        assert!(greek.is_terminal_beyond_uax29(';', Some('ς')) && greek.is_terminal_beyond_uax29('\u{37E}', Some('ι')));
        assert!(!rules().is_terminal_beyond_uax29(';', Some('s')));
        let neutral = BoundaryRules::language_neutral();
        assert!(neutral.is_terminal_beyond_uax29(':', Some('\u{574}')));
        assert!(!neutral.is_terminal_beyond_uax29(':', Some('e')));
        assert!(!rules().is_terminal_beyond_uax29(':', Some('\u{574}')));
    }

    #[test]
    fn general_abbreviations_end_a_sentence_before_a_sentence_starter() {
        assert!(breaks("the deal with Pitt, Briggs & Co. ", "It closed."));
        assert!(continues("I work for the U.S. ", "Government in Virginia."));
        assert!(breaks("I live in the U.S. ", "How about you?"));
        assert!(continues("We met at 5 p.m. ", "on Friday."));
    }

    #[test]
    fn a_title_after_a_general_abbreviation_starts_a_sentence() {
        assert!(breaks("He left at 6 P.M. ", "Mr. Smith stayed."));
        assert!(breaks("She joined Acme Inc. ", "Dr. Jones did not."));
    }

    #[test]
    fn number_abbreviations_hold_only_before_numbers() {
        assert!(continues("Please turn to p. ", "55."));
        assert!(continues("You can find it at N°. ", "1026.253.553."));
        assert!(breaks("He said no. ", "Then he left."));
    }

    #[test]
    fn initials_and_lower_case_continuations() {
        assert!(continues("My name is Jonas E. ", "Smith."));
        assert!(breaks("you and I. ", "Did you see"));
        assert!(continues("She works at Yahoo! ", "in the accounting department."));
    }

    #[test]
    fn closing_quotes_and_brackets_stay_with_their_sentence() {
        assert!(continues("She turned to him, \"This is great.\" ", "she said."));
        assert!(breaks("She turned to him, \"This is great.\" ", "She held the book."));
        assert!(continues("He taught (He was an engineer.) ", "at the school."));
    }

    #[test]
    fn marks_without_a_following_space_do_not_end_a_sentence() {
        assert!(continues("see example.com/find?", "Query=1 today"));
        assert!(continues("house arrest (and for how long?)", "They were"));
        assert!(breaks("Is it over? ", "Yes."));
    }

    #[test]
    fn a_list_marker_alone_is_not_a_sentence() {
        assert!(continues("1. ", "The first item"));
        assert!(continues("• 9. ", "The first item"));
        assert!(continues("b.) ", "The second item"));
        assert!(breaks("It was 1. ", "The rest is history."));
    }

    #[test]
    fn ellipses_within_and_at_the_end_of_sentences() {
        assert!(continues("the thing is . . . ", "I didn't mean it."));
        assert!(breaks("with a period . . . . ", "Next sentence."));
        assert!(breaks("I never meant that.... ", "She left the store."));
        assert!(breaks("We want it to be useful ... ", "If it is slow, people leave."));
        assert!(breaks("I waited\u{2026} ", "Then nobody came."));
        assert!(continues("Arrivals elsewhere, such as... ", "Maldives and Sri Lanka, thrived."));
        assert!(continues("I wasn't really ... ", "well, what I mean"));
        assert!(continues("Bohr [...", "] used the analogy"));
    }

    #[test]
    fn a_spaced_ellipsis_after_a_period_opens_the_next_sentence() {
        let before = "into compounds. . . . ";
        let verdict = rules().verdict(before, "The practice was not abandoned.");
        assert_eq!(verdict, Verdict::BreakEarlier(" . . . ".len()));
    }

    #[test]
    fn decisions_look_only_at_a_bounded_window() {
        let long_word = "x".repeat(10_000);
        assert!(breaks(&format!("{long_word}. "), "It goes on."));
        assert!(continues("It was Dr. ", &long_word));
    }

    #[test]
    fn every_language_file_is_well_formed() {
        for language in Language::ALL {
            for entry in language.abbreviations() {
                let (word, kind) = entry.split_once(':').unwrap_or((entry, ""));
                assert!(matches!(kind, "" | "title" | "number" | "starter"), "{language}: bad kind in {entry:?}");
                assert!(!word.is_empty() && !word.ends_with('.'), "{language}: {entry:?} must drop the final period");
                assert_eq!(word, word.to_lowercase(), "{language}: {entry:?} must be lower-case");
            }
        }
    }

    #[test]
    fn other_languages_use_their_own_abbreviations() {
        let german = BoundaryRules::new(Language::German);
        assert_eq!(german.verdict("Gestern kam Dr. ", "Müller."), Verdict::Continue);
        assert_eq!(german.verdict("Siehe Nr. ", "5."), Verdict::Continue);
        let spanish = BoundaryRules::new(Language::Spanish);
        assert_eq!(spanish.verdict("Llegó la Sra. ", "García."), Verdict::Continue);
        assert_eq!(spanish.verdict("Llegó tarde. ", "Luego se fue."), Verdict::Break);
        let russian = BoundaryRules::new(Language::Russian);
        assert_eq!(russian.verdict("Это было в 2004 г. ", "Он уехал."), Verdict::Break);
        assert_eq!(russian.verdict("Это было в 2004 г. ", "в Москве."), Verdict::Continue);
    }

    #[test]
    fn lookups_lower_case_without_allocating_and_reject_overlong_words() {
        assert_eq!(with_lowercase("ÉTÉ", str::to_owned), Some("été".to_owned()));
        assert_eq!(with_lowercase(&"A".repeat(MAX_LOOKUP_BYTES + 1), |_| ()), None);
        assert!(rules().is_function_word("The"));
        assert_eq!(rules().abbreviation("U.S"), Some(AbbreviationKind::General));
    }
}
