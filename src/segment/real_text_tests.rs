//! The splitter on the real texts of the shared dev data, read at run time: the fast boundary finder
//! against `unicode-segmentation` on every block, and a timing run for release builds.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use super::*;

/// The dev sets whose texts the splitter is checked and timed on, and whether the timing run includes
/// them (it measures news articles only, as the speed target is stated for them).
const DEV_SETS: [(&str, bool); 3] = [("bbc_news_summary", true), ("cnndm_frank", true), ("scraped", false)];

/// `shared/eval/<name>/dev.jsonl`, or `None` (with a notice) when the data is not there.
fn dev_file(name: &str) -> Option<PathBuf> {
    let found = crate::shared_data::shared_path(&format!("eval/{name}/dev.jsonl"));
    if found.is_none() {
        println!("skipped: shared eval data ({name}) not found");
    }
    found
}

/// The `text` field of every record of a dev set; empty if the data is absent.
fn dev_texts(name: &str) -> Vec<String> {
    let Some(path) = dev_file(name) else { return Vec::new() };
    let content = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    content
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let record: serde_json::Value =
                serde_json::from_str(line).unwrap_or_else(|e| panic!("parsing {}: {e}", path.display()));
            record["text"].as_str().unwrap_or_else(|| panic!("{}: record without text", path.display())).to_owned()
        })
        .collect()
}

/// On every block of every dev text, the fast boundaries are `unicode-segmentation`'s, the candidates
/// are those found from its pieces, and `split` gives the same sentences as with those candidates.
#[test]
fn dev_texts_split_as_with_the_library_boundaries() {
    let splitter = SentenceSplitter::new(Language::English);
    let mut texts = 0;
    let mut blocks = 0;
    let mut boundaries = 0;
    for (name, _) in DEV_SETS {
        for (index, text) in dev_texts(name).iter().enumerate() {
            for block in lines::blocks(text, 0) {
                let block_text = &text[block.start..block.end];
                let fast: Vec<usize> = uax29::sentence_boundaries(block_text).collect();
                assert_eq!(fast, uax29::tests::library_boundaries(block_text), "{name} #{index}: {block_text:?}");
                assert!(
                    candidates(block_text, &splitter.rules).eq(tests::library_candidates(block_text, &splitter.rules)),
                    "{name} #{index}: {block_text:?}"
                );
                blocks += 1;
                boundaries += fast.len();
            }
            assert_eq!(splitter.split(text), tests::split_by_library(&splitter, text), "{name} #{index}");
            texts += 1;
        }
    }
    println!("{texts} texts, {blocks} blocks, {boundaries} UAX #29 boundaries: all as before");
}

/// Prints the time `split` takes per article over the BBC and CNN/DailyMail dev sets. Timings belong to
/// release builds on a quiet machine, so this is not part of the default run:
/// `cargo test --release --lib split_timing -- --ignored --nocapture`.
#[test]
#[ignore]
fn split_timing() {
    const REPETITIONS: usize = 31;
    let texts: Vec<String> =
        DEV_SETS.iter().filter(|(_, timed)| *timed).flat_map(|(name, _)| dev_texts(name)).collect();
    if texts.is_empty() {
        return;
    }
    let splitter = SentenceSplitter::new(Language::English);
    let mut per_article: Vec<(Duration, usize)> = texts
        .iter()
        .map(|text| {
            let mut runs: Vec<Duration> = (0..REPETITIONS)
                .map(|_| {
                    let start = Instant::now();
                    std::hint::black_box(splitter.split(std::hint::black_box(text)));
                    start.elapsed()
                })
                .collect();
            runs.sort_unstable();
            (runs[REPETITIONS / 2], text.len())
        })
        .collect();
    let total_time: Duration = per_article.iter().map(|(time, _)| *time).sum();
    let total_bytes: usize = per_article.iter().map(|(_, bytes)| bytes).sum();
    per_article.sort_unstable();
    let micros = |time: Duration| time.as_secs_f64() * 1e6;
    println!(
        "split over {} articles ({} KB), median of {REPETITIONS} runs each: median {:.1} µs, max {:.1} µs, \
         {:.2} µs/KB overall",
        per_article.len(),
        total_bytes / 1000,
        micros(per_article[per_article.len() / 2].0),
        micros(per_article[per_article.len() - 1].0),
        micros(total_time) / (total_bytes as f64 / 1000.0),
    );
}
