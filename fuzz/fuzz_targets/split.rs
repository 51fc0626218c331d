//! Any bytes, read as text (lossily), through the sentence splitter of a language chosen by the first
//! byte. Besides "no panic", checks the splitter's documented contract on every input.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use nutgraf::{Language, MAX_SENTENCE_BYTES, SentenceSplitter};

/// One splitter per language, built once: building one per input would dominate the run time.
fn splitters() -> &'static [SentenceSplitter] {
    static SPLITTERS: OnceLock<Vec<SentenceSplitter>> = OnceLock::new();
    SPLITTERS.get_or_init(|| Language::ALL.iter().map(|&language| SentenceSplitter::new(language)).collect())
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else { return };
    let splitters = splitters();
    let splitter = &splitters[usize::from(selector) % splitters.len()];
    let text = String::from_utf8_lossy(rest);
    let sentences = splitter.split(&text);
    let mut previous_end = 0;
    for sentence in &sentences {
        assert!(sentence.start < sentence.end, "empty span {sentence:?}");
        assert!(sentence.start >= previous_end, "overlapping or unordered span {sentence:?}");
        assert!(sentence.end <= text.len());
        let piece = text.get(sentence.start..sentence.end).expect("span on char boundaries");
        assert_eq!(piece, piece.trim(), "span not trimmed: {piece:?}");
        assert!(piece.len() <= MAX_SENTENCE_BYTES, "sentence of {} bytes", piece.len());
        previous_end = sentence.end;
    }
});
