//! Any bytes through the whole summarizer. The first two bytes choose the options (budget kind and size,
//! preset, language); the rest, read lossily as UTF-8, is the text. Checks the brief's contract.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use nutgraf::{Budget, Language, Preset, Summarizer};

/// One summarizer per (preset, language), built once; the budget is given per call.
fn summarizers() -> &'static [Summarizer] {
    static SUMMARIZERS: OnceLock<Vec<Summarizer>> = OnceLock::new();
    SUMMARIZERS.get_or_init(|| {
        Preset::ALL
            .iter()
            .flat_map(|&preset| Language::ALL.iter().map(move |&language| (preset, language)))
            .map(|(preset, language)| {
                Summarizer::builder().preset(preset).language(language).build().expect("presets are valid")
            })
            .collect()
    })
}

fuzz_target!(|data: &[u8]| {
    let [budget_byte, options_byte, rest @ ..] = data else { return };
    let size = usize::from(budget_byte >> 2);
    let budget = match budget_byte & 3 {
        0 | 3 => Budget::Sentences(1 + size % 10),
        1 => Budget::Ratio((1 + size) as f64 / 64.0),
        _ => Budget::Words(1 + size * 3),
    };
    let summarizers = summarizers();
    let summarizer = &summarizers[usize::from(*options_byte) % summarizers.len()];
    let text = String::from_utf8_lossy(rest);
    let Ok(summary) = summarizer.summarize_with_budget(&text, budget) else { panic!("a valid budget was refused") };

    let limit = budget.sentence_limit(summary.total_sentences);
    assert!(summary.sentences.len() <= limit, "{} sentences over a limit of {limit}", summary.sentences.len());
    if let Budget::Words(words) = budget {
        assert!(summary.word_count() <= words, "{} words over a budget of {words}", summary.word_count());
    }
    let mut previous_end = 0;
    for sentence in &summary.sentences {
        assert!(sentence.start >= previous_end && sentence.start < sentence.end, "bad span order");
        assert_eq!(text.get(sentence.start..sentence.end), Some(sentence.text.as_str()));
        assert!(sentence.index < summary.total_sentences);
        assert!(sentence.score.is_finite());
        previous_end = sentence.end;
    }
});
