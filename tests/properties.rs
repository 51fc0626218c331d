//! Property tests: for arbitrary text and options, the splitter and the summarizer never panic and keep
//! their contracts (verbatim spans in order, budgets respected, deterministic output).

use nutgraf::{Budget, Language, MAX_SENTENCE_BYTES, Preset, SentenceSplitter, Summarizer, Summary};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;

/// Pieces that stress the splitter's rules and Unicode handling; texts are built by joining them.
const PIECES: &[&str] = &[
    "The",
    "council",
    "approved",
    "the",
    "budget",
    "on",
    "Monday",
    "said",
    "it",
    "would",
    "fund",
    "buses",
    ".",
    ". ",
    ". . .",
    "...",
    "....",
    "\u{2026}",
    "?!",
    "!",
    "?",
    "\u{203C}",
    "\"",
    "\u{201C}",
    "\u{201D}",
    "'",
    "\u{2019}",
    "(",
    ")",
    "[",
    "]",
    "\u{00AB}",
    "\u{00BB}",
    "Dr.",
    "U.S.",
    "Mt.",
    "p.",
    "e.g.",
    "J. R. R.",
    "1.5",
    "$3.2m",
    "No.",
    "Co.",
    "Inc.",
    "Yahoo!",
    " ",
    "  ",
    "\t",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\u{2028}",
    "\u{2029}",
    "\u{00A0}",
    "\u{200B}",
    "\u{2060}",
    "\u{FEFF}",
    "\u{0000}",
    "\u{0007}",
    "\u{001B}",
    "\u{0085}",
    "\u{0301}",
    "\u{0308}\u{0323}",
    "\u{05E9}\u{05DC}\u{05D5}\u{05DD}",
    "\u{0645}\u{0631}\u{062D}\u{0628}\u{0627}",
    "\u{061F}",
    "\u{06D4}",
    "\u{202E}",
    "\u{200F}",
    "\u{4F60}\u{597D}",
    "\u{3002}",
    "\u{FF01}",
    "\u{FF1F}",
    "\u{3053}\u{3093}\u{306B}\u{3061}\u{306F}",
    "\u{300C}",
    "\u{300D}",
    "\u{1F600}",
    "\u{1F468}\u{200D}\u{1F469}",
    "\u{1F1EF}\u{1F1F5}",
    "\u{0964}",
    "Subscribe now",
    "Share on Facebook",
    "Picture: REUTERS",
    "Straße",
    "\u{0130}stanbul",
    "\u{03A3}\u{039F}\u{03A3}",
    "\u{FFFD}",
    "-",
    "\u{2014}",
    ",",
    ";",
    ":",
    "1.",
    "2)",
    "*",
];

/// Text made of stress pieces, optionally separated by spaces.
fn pieces_text() -> impl Strategy<Value = String> {
    (prop::collection::vec(prop::sample::select(PIECES), 0..120), any::<bool>())
        .prop_map(|(pieces, spaced)| pieces.join(if spaced { " " } else { "" }))
}

/// Any text at all: arbitrary scalar values, including controls, unassigned and private-use ones.
fn arbitrary_text() -> impl Strategy<Value = String> {
    prop::collection::vec(any::<char>(), 0..400).prop_map(|chars| chars.into_iter().collect())
}

/// Very long "words" (no whitespace at all), around the sentence cap.
fn long_words() -> impl Strategy<Value = String> {
    (prop::collection::vec(("[a-zé\u{4E00}-\u{4E10}.]{1,8}", 1usize..700), 1..4), any::<bool>()).prop_map(
        |(runs, spaced)| {
            let words: Vec<String> = runs.iter().map(|(unit, count)| unit.repeat(*count)).collect();
            words.join(if spaced { " " } else { "" })
        },
    )
}

/// Thousands of line breaks (and other blank-line material) with a few words between them.
fn many_newlines() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (0usize..3_000, prop::sample::select(&["\n", "\r\n", " \n", "\u{2029}", "\r"][..]), "[A-Za-z .!?]{0,30}"),
        1..4,
    )
    .prop_map(|parts| parts.iter().map(|(count, line_break, words)| line_break.repeat(*count) + words).collect())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![4 => pieces_text(), 3 => arbitrary_text(), 1 => long_words(), 1 => many_newlines()]
}

fn budget() -> impl Strategy<Value = Budget> {
    prop_oneof![
        (1usize..=10).prop_map(Budget::Sentences),
        // (0, 1]: the upper end is included on purpose.
        (1u32..=1000).prop_map(|k| Budget::Ratio(f64::from(k) / 1000.0)),
        (1usize..=200).prop_map(Budget::Words),
        (1usize..=1500).prop_map(Budget::Chars),
        (1usize..=1500).prop_map(Budget::Bytes),
    ]
}

const LANGUAGES: [Language; 5] =
    [Language::English, Language::German, Language::French, Language::Russian, Language::Arabic];

fn options() -> impl Strategy<Value = (Budget, Preset, Language)> {
    (budget(), prop::sample::select(&Preset::ALL[..]), prop::sample::select(&LANGUAGES[..]))
}

fn summarizer(budget: Budget, preset: Preset, language: Language) -> Summarizer {
    Summarizer::builder().preset(preset).language(language).budget(budget).build().expect("valid options")
}

/// Characters the splitter may leave out of every sentence: whitespace, and the invisible characters
/// (controls, zero-width space, word joiner, byte-order mark) that it trims off lines.
fn is_droppable(c: char) -> bool {
    c.is_whitespace() || c.is_control() || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

fn check_summary(text: &str, budget: Budget, summary: &Summary) -> Result<(), TestCaseError> {
    let mut previous_end = 0;
    let mut previous_index = None;
    for sentence in &summary.sentences {
        prop_assert!(sentence.start < sentence.end, "empty span {sentence:?}");
        prop_assert!(sentence.start >= previous_end, "spans out of order or overlapping: {:?}", summary.sentences);
        prop_assert_eq!(text.get(sentence.start..sentence.end), Some(sentence.text.as_str()));
        prop_assert!(sentence.index < summary.total_sentences);
        prop_assert!(previous_index.is_none_or(|p| sentence.index > p), "indices not increasing");
        prop_assert!(sentence.score.is_finite() && sentence.score >= 0.0 && sentence.score <= 1.0, "{sentence:?}");
        previous_end = sentence.end;
        previous_index = Some(sentence.index);
    }
    let count = summary.sentences.len();
    match budget {
        Budget::Sentences(n) => prop_assert!(count <= n, "{count} sentences for a budget of {n}"),
        Budget::Ratio(_) => {
            let limit = budget.sentence_limit(summary.total_sentences);
            prop_assert!(count <= limit, "{count} sentences over the ratio's limit {limit}");
        }
        Budget::Words(w) => prop_assert!(summary.word_count() <= w, "{} words for {w}", summary.word_count()),
        Budget::Chars(c) => prop_assert!(summary.char_count() <= c, "{} characters for {c}", summary.char_count()),
        Budget::Bytes(b) => prop_assert!(summary.byte_count() <= b, "{} bytes for {b}", summary.byte_count()),
        other => prop_assert!(false, "a budget the test does not know: {other}"),
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 160,
        // Integration tests have no lib.rs beside them for proptest to find: failing cases are kept here.
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(
            "tests/proptest-regressions/properties.txt",
        ))),
        ..ProptestConfig::default()
    })]

    #[test]
    fn summaries_are_verbatim_ordered_and_within_budget(text in any_text(), (budget, preset, language) in options()) {
        let summary = summarizer(budget, preset, language).summarize(&text);
        check_summary(&text, budget, &summary)?;
    }

    #[test]
    fn summaries_are_deterministic(text in any_text(), (budget, preset, language) in options()) {
        // Two independently built summarizers, so that nothing cached or seeded per instance can differ.
        let first = serde_json::to_string(&summarizer(budget, preset, language).summarize(&text)).unwrap();
        let second = serde_json::to_string(&summarizer(budget, preset, language).summarize(&text)).unwrap();
        prop_assert_eq!(first, second);
    }

    #[test]
    fn summaries_do_not_depend_on_the_thread_or_what_it_summarized_before(
        texts in proptest::collection::vec(any_text(), 1..4),
        (budget, preset, language) in options(),
    ) {
        // Each thread keeps its own word table, filled by what it analyzed before: here the current thread
        // has seen every earlier case and each text in turn, while the scoped threads start empty, one text
        // each, all running at once.
        let summarizer = summarizer(budget, preset, language);
        let on_this_thread: Vec<String> =
            texts.iter().map(|text| serde_json::to_string(&summarizer.summarize(text)).unwrap()).collect();
        let on_fresh_threads: Vec<String> = std::thread::scope(|scope| {
            let handles: Vec<_> = texts
                .iter()
                .map(|text| scope.spawn(|| serde_json::to_string(&summarizer.summarize(text)).unwrap()))
                .collect();
            handles.into_iter().map(|handle| handle.join().unwrap()).collect()
        });
        prop_assert_eq!(on_this_thread, on_fresh_threads);
    }

    #[test]
    fn a_budget_given_per_call_matches_the_built_in_one(text in pieces_text(), (budget, preset, language) in options()) {
        let built = summarizer(budget, preset, language).summarize(&text);
        let per_call = summarizer(Budget::default(), preset, language).summarize_with_budget(&text, budget);
        prop_assert_eq!(Ok(built), per_call.map_err(|e| e.to_string()));
    }

    #[test]
    fn split_spans_are_trimmed_ordered_capped_and_cover_the_text(
        text in any_text(),
        language in prop::sample::select(&LANGUAGES[..]),
        bom in any::<bool>(),
    ) {
        let text = if bom { format!("\u{FEFF}{text}") } else { text };
        let sentences = SentenceSplitter::new(language).split(&text);
        let mut covered_to = 0;
        let mut previous: Option<nutgraf::Sentence> = None;
        for sentence in &sentences {
            prop_assert!(sentence.start < sentence.end, "empty span {sentence:?}");
            prop_assert!(sentence.start >= covered_to, "spans out of order or overlapping");
            let piece = text.get(sentence.start..sentence.end);
            prop_assert!(piece.is_some(), "span {sentence:?} is outside the text or not on char boundaries");
            let piece = piece.unwrap_or_default();
            prop_assert_eq!(piece, piece.trim(), "span not trimmed");
            prop_assert!(piece.len() <= MAX_SENTENCE_BYTES, "sentence of {} bytes", piece.len());
            // Nothing but whitespace and invisible characters is left between sentences.
            let gap = &text[covered_to..sentence.start];
            prop_assert!(gap.chars().all(is_droppable), "text dropped between sentences: {gap:?}");
            if let Some(previous) = previous {
                prop_assert!(sentence.paragraph >= previous.paragraph && sentence.line >= previous.line);
            }
            covered_to = sentence.end;
            previous = Some(*sentence);
        }
        let tail = &text[covered_to..];
        prop_assert!(tail.chars().all(is_droppable), "text dropped at the end: {tail:?}");
        prop_assert_eq!(SentenceSplitter::new(language).split(&text), sentences, "splitting is not deterministic");
    }
}

#[test]
fn the_ratio_budget_allows_at_least_one_sentence_when_there_are_any() {
    let text = "The council approved the budget on Monday. It will fund more buses. The vote was close.";
    let summary = summarizer(Budget::Ratio(0.01), Preset::News, Language::English).summarize(text);
    assert_eq!(summary.sentences.len(), 1, "{summary:?}");
}
