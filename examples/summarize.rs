//! The README's "From Rust" program: summarizes a file (or stdin) in three sentences and prints each
//! with its byte span and relative score.
//!
//! `cargo run --example summarize -- data/samples/japan-us-chips.txt`

use nutgraf::{Budget, Summarizer};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let article = match std::env::args().nth(1) {
        Some(path) => std::fs::read_to_string(path)?,
        None => std::io::read_to_string(std::io::stdin())?,
    };
    let summarizer = Summarizer::builder().budget(Budget::Sentences(3)).build()?;
    let summary = summarizer.summarize(&article);
    for sentence in &summary.sentences {
        println!("{} [{}..{}] {:.2}", sentence.text, sentence.start, sentence.end, sentence.score);
    }
    Ok(())
}
