//! What the benches share: the articles they run on.
//!
//! The dev sets in `shared/eval/` are read at bench time (they are not part of the crate); without them
//! the benches fall back to the bundled sample article, so `cargo bench` runs anywhere.

#![allow(dead_code)] // each bench target uses a different part of this module

use std::path::PathBuf;

/// The bundled news article.
pub const SAMPLE: &str = include_str!("../../data/samples/japan-us-chips.txt");

/// The dev sets the per-article figures are quoted on, in this order.
pub const DEV_SETS: [&str; 2] = ["bbc_news_summary", "cnndm_frank"];

/// One article of a dev set.
pub struct Article {
    pub id: String,
    pub text: String,
}

/// The `shared/` directory: `$NUTGRAF_SHARED`, the crate's sibling `../shared`, or `/work/shared`.
pub fn shared_dir() -> Option<PathBuf> {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    std::env::var_os("NUTGRAF_SHARED")
        .map(PathBuf::from)
        .into_iter()
        .chain([manifest.join("../shared"), PathBuf::from("/work/shared")])
        .find(|dir| dir.join("eval").is_dir())
}

/// The articles of the dev sets (`DEV_SETS`), or none when `shared/` is absent.
pub fn dev_articles() -> Vec<Article> {
    let Some(shared) = shared_dir() else {
        eprintln!("bench: no shared/eval directory found; using the bundled sample only");
        return Vec::new();
    };
    let mut articles = Vec::new();
    for set in DEV_SETS {
        let path = shared.join("eval").join(set).join("dev.jsonl");
        let Ok(body) = std::fs::read_to_string(&path) else {
            eprintln!("bench: cannot read {}; skipping it", path.display());
            continue;
        };
        for line in body.lines().filter(|l| !l.trim().is_empty()) {
            let Ok(value) = serde_json::from_str::<serde_json::Value>(line) else { continue };
            if let (Some(id), Some(text)) = (value["id"].as_str(), value["text"].as_str()) {
                articles.push(Article { id: id.to_string(), text: text.to_string() });
            }
        }
    }
    articles
}

/// A long document of about `sentences` sentences: dev articles (else the sample) concatenated, as
/// paragraphs, and repeated as often as needed.
pub fn long_document(sentences: usize, splitter: &nutgraf::SentenceSplitter) -> String {
    let articles = dev_articles();
    let texts: Vec<&str> =
        if articles.is_empty() { vec![SAMPLE] } else { articles.iter().map(|a| a.text.as_str()).collect() };
    let mut document = String::new();
    let mut count = 0;
    for text in texts.iter().cycle() {
        if count >= sentences {
            break;
        }
        count += splitter.split(text).len();
        document.push_str(text.trim());
        document.push_str("\n\n");
    }
    document
}
