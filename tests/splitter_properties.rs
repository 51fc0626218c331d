//! Properties every split must keep, on generated text: no panic, and spans that are exact, trimmed,
//! increasing, non-overlapping, capped, and that cover every non-space character of the input.

use nutgraf::{Language, MAX_SENTENCE_BYTES, SentenceSplitter};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;

/// Pieces that exercise the rules: terminal marks, quotes, brackets, list markers, abbreviations,
/// ellipses, line breaks, a byte-order mark and multi-byte characters.
fn piece() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "word",
        "The",
        "It",
        "Mr.",
        "U.S.",
        "e.g.",
        "etc.",
        "p.",
        "1.",
        "2.",
        "a)",
        "b)",
        "1.)",
        "•",
        "⁃9.",
        "2004",
        "$1.5m",
        "5.5%",
        ".",
        "..",
        "...",
        ". . .",
        "…",
        "!",
        "?",
        "?!",
        "\"",
        "'",
        "”",
        ")",
        "(",
        "[...]",
        " ",
        " ",
        "  ",
        "\n",
        "\n\n",
        "\r\n",
        "\r",
        "\u{2029}",
        "\u{a0}",
        "\u{FEFF}",
        "é",
        "日本。",
        "Yahoo!",
        "www.x.com/a?q=1",
        "J.",
        "R.",
        "I.",
        ",",
        ";",
        "-",
        "\u{37E}",
        "\u{57E}:",
        "12.",
        "Juni",
        "C'est",
        "...en",
        "/",
        "\u{202A}.\u{202C}",
    ])
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..60).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig {
        // Integration tests have no lib.rs beside them for proptest to find: failing cases are kept here.
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(
            "tests/proptest-regressions/splitter_properties.txt",
        ))),
        ..ProptestConfig::default()
    })]

    #[test]
    fn spans_are_exact_trimmed_ordered_and_cover_the_text(text in text()) {
        let splitters = [Language::English, Language::German, Language::Russian, Language::Greek]
            .map(SentenceSplitter::new)
            .into_iter()
            .chain([SentenceSplitter::language_neutral()]);
        for splitter in splitters {
            let sentences = splitter.split(&text);
            let mut previous_end = 0;
            for sentence in &sentences {
                prop_assert!(sentence.start >= previous_end && sentence.start < sentence.end);
                let piece = text.get(sentence.start..sentence.end);
                prop_assert!(piece.is_some(), "span off a character boundary");
                let piece = piece.unwrap_or_default();
                prop_assert_eq!(piece, piece.trim());
                prop_assert!(piece.len() <= MAX_SENTENCE_BYTES);
                // Between sentences there is only layout: whitespace and invisible characters.
                let gap = &text[previous_end..sentence.start];
                prop_assert!(gap.chars().all(|c| c.is_whitespace() || c == '\u{FEFF}' || c.is_control()), "{:?}", gap);
                previous_end = sentence.end;
            }
            let rest = &text[previous_end..];
            prop_assert!(rest.chars().all(|c| c.is_whitespace() || c == '\u{FEFF}' || c.is_control()), "{:?}", rest);
        }
    }

    #[test]
    fn splitting_is_deterministic(text in text()) {
        let splitter = SentenceSplitter::new(Language::English);
        prop_assert_eq!(splitter.split(&text), splitter.split(&text));
    }
}

#[test]
fn a_long_line_without_punctuation_is_cut_into_capped_sentences() {
    let text = "word ".repeat(100_000);
    let sentences = SentenceSplitter::new(Language::English).split(&text);
    assert!(sentences.len() >= text.len() / MAX_SENTENCE_BYTES);
    assert!(sentences.iter().all(|s| s.end - s.start <= MAX_SENTENCE_BYTES));
}

#[test]
fn question_marks_without_spaces_split_without_rescanning() {
    // Every "?" here is a UAX #29 boundary that the rules reject; the decisions look at bounded windows, so
    // this finishes quickly even in a debug build.
    let text = "a?b".repeat(200_000);
    let sentences = SentenceSplitter::new(Language::English).split(&text);
    assert_eq!(sentences.iter().map(|s| s.end - s.start).sum::<usize>(), text.len());
}
