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

/// A long document of about `sentences` sentences, all distinct, with the vocabulary statistics of news:
/// the dev articles (else the sample) concatenated as paragraphs, again and again. The first pass is the
/// articles as they are; each later pass replaces every word by another of about the same frequency
/// (a rotation within bands of [`BAND`] words ranked by frequency, different for each pass), so that
/// sentences do not repeat (repeats would be dropped as boilerplate and make the graph trivially
/// small) while common words stay common and rare words rare.
pub fn long_document(sentences: usize, splitter: &nutgraf::SentenceSplitter) -> String {
    let articles = dev_articles();
    let texts: Vec<&str> =
        if articles.is_empty() { vec![SAMPLE] } else { articles.iter().map(|a| a.text.as_str()).collect() };
    let ranks = WordRanks::new(&texts);
    let mut document = String::new();
    let mut count = 0;
    for pass in 0.. {
        for text in &texts {
            if count >= sentences {
                return document;
            }
            let text = if pass == 0 { text.trim().to_string() } else { ranks.substitute(text.trim(), pass) };
            count += splitter.split(&text).len();
            document.push_str(&text);
            document.push_str("\n\n");
        }
    }
    document
}

/// Words are rotated within bands of this many words of neighbouring frequency rank.
pub const BAND: usize = 64;

/// The lower-case ASCII words of a corpus, ranked by frequency.
struct WordRanks {
    words: Vec<String>,
    rank: std::collections::HashMap<String, usize>,
}

impl WordRanks {
    fn new(texts: &[&str]) -> WordRanks {
        let mut counts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        for text in texts {
            for word in text.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| !w.is_empty()) {
                *counts.entry(word.to_ascii_lowercase()).or_insert(0) += 1;
            }
        }
        let mut words: Vec<(String, usize)> = counts.into_iter().collect();
        words.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let words: Vec<String> = words.into_iter().map(|(w, _)| w).collect();
        let rank = words.iter().enumerate().map(|(r, w)| (w.clone(), r)).collect();
        WordRanks { words, rank }
    }

    /// `text` with each ASCII word replaced by the word `pass` places further on in its band, its
    /// capitalization kept.
    fn substitute(&self, text: &str, pass: usize) -> String {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(start) = rest.find(|c: char| c.is_ascii_alphabetic()) {
            out.push_str(&rest[..start]);
            let word_len = rest[start..].find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(rest.len() - start);
            let word = &rest[start..start + word_len];
            let lower = word.to_ascii_lowercase();
            let replacement = match self.rank.get(&lower) {
                Some(&r) => {
                    let band_start = r - r % BAND;
                    let band_len = BAND.min(self.words.len() - band_start);
                    &self.words[band_start + (r - band_start + pass) % band_len]
                }
                None => &lower,
            };
            let upper_all = word.len() > 1 && word.bytes().all(|b| b.is_ascii_uppercase());
            let upper_first = word.as_bytes()[0].is_ascii_uppercase();
            for (i, c) in replacement.chars().enumerate() {
                out.push(if upper_all || (i == 0 && upper_first) { c.to_ascii_uppercase() } else { c });
            }
            rest = &rest[start + word_len..];
        }
        out.push_str(rest);
        out
    }
}
