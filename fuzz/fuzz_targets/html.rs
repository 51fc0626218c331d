//! Any bytes through the HTML path: read as a page into a `Document`, then summarized. Byte 0 picks the
//! budget (1–8 sentences); the rest, read lossily as UTF-8, is the page. Checks the document's and the
//! brief's contracts.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use nutgraf::{Budget, Document, Summarizer};

fn summarizer() -> &'static Summarizer {
    static SUMMARIZER: OnceLock<Summarizer> = OnceLock::new();
    SUMMARIZER.get_or_init(|| Summarizer::builder().build().expect("the default configuration is valid"))
}

fuzz_target!(|data: &[u8]| {
    let [budget_byte, rest @ ..] = data else { return };
    let html = String::from_utf8_lossy(rest);
    let Ok(document) = Document::from_html(&html) else { return };
    let text = &document.text;
    let mut previous_end = 0;
    for block in &document.blocks {
        assert!(block.start >= previous_end && block.start < block.end, "blocks out of order or empty");
        let block_text = text.get(block.start..block.end).expect("a block is a char range of the text");
        assert_eq!(block_text.trim(), block_text, "a block is trimmed");
        previous_end = block.end;
    }
    assert!(previous_end <= text.len());
    if let Some(title) = &document.title {
        assert!(!title.trim().is_empty() && !title.contains('\n'), "a title is one non-blank line");
    }
    let budget = Budget::Sentences(1 + usize::from(budget_byte % 8));
    let summary = summarizer()
        .summarize_document_with_budget(&document, budget)
        .expect("a budget of 1 to 8 sentences is valid for every document");
    assert!(summary.sentences.len() <= 1 + usize::from(budget_byte % 8));
    let mut previous_end = 0;
    for sentence in &summary.sentences {
        assert!(sentence.start >= previous_end && sentence.start < sentence.end, "bad span order");
        assert_eq!(text.get(sentence.start..sentence.end), Some(sentence.text.as_str()));
        let kind = document.kind_at(sentence.start).expect("a brief sentence lies in a block");
        assert!(!kind.is_furniture(), "a {} sentence in the brief", kind.name());
        assert!(document.kind_at(sentence.end - 1) == Some(kind), "a sentence crosses blocks");
        previous_end = sentence.end;
    }
});
