//! Sentences glued together without a space: "…in two months.It will now examine…", "bought
//! 1,000.That is a lot", the way scrapers join paragraphs.
//!
//! UAX #29 never breaks between a letter, a period and a capital (rule SB7 keeps "U.S.Government" and
//! "J.R.R.Tolkien" whole), so those places are no candidates at all: [`start_after`] adds them. Whether a
//! candidate with no space after its mark ends a sentence is then decided by [`verdict`], which breaks
//! only where the next word looks like the first word of a sentence and the word before looks like the
//! last word of one. Everything that glues a period to what follows for another reason stays whole:
//! domains and file names (`example.com`, `Node.js`: lower case after the period), decimals and versions
//! (a digit after it), initials and abbreviations (`U.S.Government`, `Mr.Smith`), code (`System.IO`,
//! `Console.WriteLine(`: no plain capitalised word followed by a space).

use super::rules::{AbbreviationKind, BoundaryRules, Verdict};

/// The offset right after the period at `period` if it sits between a letter and a capital
/// ("months.It"): a candidate UAX #29 leaves out. (After a digit, "1,000.That", and after `!` or `?`,
/// UAX #29 breaks already.) The splitter asks this of every period followed by an ASCII character other
/// than a space or a closing mark; non-ASCII capitals after a period are rare enough to leave alone.
pub(crate) fn start_after(text: &str, period: usize) -> Option<usize> {
    if !text.as_bytes().get(period + 1)?.is_ascii_uppercase() {
        return None;
    }
    let before = text.get(..period)?.chars().next_back()?;
    before.is_alphabetic().then_some(period + 1)
}

/// The verdict on a candidate right after a period with no space after it, `body` the text up to and
/// including the period (closing marks after it removed) and `after` the rest of the block.
pub(crate) fn verdict(rules: &BoundaryRules, body: &str, after: &str) -> Verdict {
    let Some((next_word, period_after)) = next_word(after) else { return Verdict::Continue };
    if is_domain_suffix(next_word) {
        // A site named in its own capitals: "PanARMENIAN.Net", "Ask.Com".
        return Verdict::Continue;
    }
    if period_after && rules.abbreviation(next_word) != Some(AbbreviationKind::Title) {
        // "Tuesday.Mr. Smith", but not "Example.Com.Au".
        return Verdict::Continue;
    }
    let Some(previous) = previous_word(body) else { return Verdict::Continue };
    let next_is_starter = rules.is_sentence_starter(next_word);
    let breaks = if let Some(kind) = rules.abbreviation(previous) {
        // "Mr.Smith", "No.5"; "Inc.The" after a general one only before a word that opens sentences.
        kind == AbbreviationKind::General && next_is_starter
    } else if previous.chars().count() == 1 {
        // "Plan B.The", but "J.Smith".
        next_is_starter
    } else {
        true
    };
    if breaks { Verdict::Break } else { Verdict::Continue }
}

/// Top-level domains that sites write capitalised in their names.
fn is_domain_suffix(word: &str) -> bool {
    matches!(word, "Com" | "Net" | "Org" | "Info" | "Biz" | "Io" | "Tv" | "Fm" | "Ai" | "Co" | "Uk" | "Gov" | "Edu")
}

/// The word at the start of `after` if it may open a sentence: a capital and then lower case only
/// ("It", "Today", "Mr"), ending at a space, a punctuation mark or a period (which only a title may
/// have), and whether a period follows it. `None` for a lower-case word, a number, a word in capitals
/// ("ASP.NET"), mixed case ("WriteLine") or a word glued on to more text ("Format(").
fn next_word(after: &str) -> Option<(&str, bool)> {
    let end = after.find(|c: char| !(c.is_alphabetic() || c == '\'' || c == '\u{2019}')).unwrap_or(after.len());
    let word = &after[..end];
    let mut chars = word.chars();
    let shaped = chars.next().is_some_and(char::is_uppercase)
        && word.len() > 1
        && chars.all(|c| c.is_lowercase() || c == '\'' || c == '\u{2019}');
    let following = after[end..].chars().next();
    let ends_right = following.is_none_or(|c| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '.' | '!' | '?'));
    (shaped && ends_right).then_some((word, following == Some('.')))
}

/// The word before the period if it may end a sentence: letters or digits only, so that a domain, a
/// path or initials ("www.example", "U.S", "e.g") never end one here.
fn previous_word(body: &str) -> Option<&str> {
    let text = body.strip_suffix('.')?;
    let start = text.rfind(char::is_whitespace).map_or(0, |i| i + text[i..].chars().next().map_or(1, char::len_utf8));
    let word = text[start..].trim_start_matches(super::rules::is_opening);
    let plain =
        !word.is_empty() && word.chars().all(|c| c.is_alphanumeric() || matches!(c, ',' | '\'' | '\u{2019}' | '%'));
    plain.then_some(word)
}

#[cfg(test)]
mod tests {
    use crate::{Language, SentenceSplitter};

    fn split(text: &str) -> Vec<&str> {
        SentenceSplitter::new(Language::English).split(text).iter().map(|s| s.text(text)).collect()
    }

    #[test]
    fn sentences_glued_without_a_space_are_split() {
        assert_eq!(
            split("Hello world.Today is Tuesday.Mr. Smith went to the store and bought 1,000.That is a lot."),
            ["Hello world.", "Today is Tuesday.", "Mr. Smith went to the store and bought 1,000.", "That is a lot."]
        );
        assert_eq!(
            split("The ministry said it was the second in two months.It will now examine the results."),
            ["The ministry said it was the second in two months.", "It will now examine the results."]
        );
    }

    #[test]
    fn abbreviations_domains_numbers_initials_and_code_stay_whole() {
        for text in [
            "I work for the U.S.Government in Virginia.",
            "The book by J.R.R.Tolkien sold well.",
            "Visit example.com for more.",
            "It runs on Node.js today.",
            "The rate was 3.5 per cent in version 1.2.3 of it.",
            "She met Mr.Smith at noon.",
            "Call System.IO.File or Console.WriteLine(x) to print.",
            "It was built on ASP.NET for years.",
            "He lives in St.Louis now.",
            "PanARMENIAN.Net reported it first.",
        ] {
            assert_eq!(split(text), [text], "{text:?}");
        }
    }

    #[test]
    fn a_single_letter_ends_a_sentence_only_before_a_sentence_starter() {
        assert_eq!(split("They chose plan B.The rest followed."), ["They chose plan B.", "The rest followed."]);
        assert_eq!(split("It was signed by J.Smith yesterday."), ["It was signed by J.Smith yesterday."]);
    }
}
