//! Keyphrase extraction per DUC-2001 dev document, in-library, single thread, warm (criterion).
//!
//! `cargo bench --bench keywords` times `KeywordExtractor::extract` over all 90 DUC dev documents (the
//! figure is the time for the whole set; divide by 90 for the mean per document), and, for scale, the
//! sentence split alone, which extraction includes. Without `shared/` it times the bundled sample.

#[path = "common/mod.rs"]
mod common;

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use nutgraf::{KeywordExtractor, Language, SentenceSplitter};

fn duc_documents() -> Vec<String> {
    let Some(shared) = common::shared_dir() else { return vec![common::SAMPLE.to_string()] };
    let path = shared.join("eval/keywords_duc2001/dev.jsonl");
    let Ok(body) = std::fs::read_to_string(&path) else { return vec![common::SAMPLE.to_string()] };
    body.lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter_map(|value| value["text"].as_str().map(str::to_string))
        .collect()
}

fn keywords(c: &mut Criterion) {
    let documents = duc_documents();
    let extractor = KeywordExtractor::builder().build().expect("default settings are valid");
    let splitter = SentenceSplitter::new(Language::English);
    let mut group = c.benchmark_group(format!("duc2001_dev_{}_docs", documents.len()));
    group.throughput(Throughput::Elements(documents.len() as u64));
    group.bench_function("extract", |b| {
        b.iter(|| documents.iter().map(|d| black_box(extractor.extract(black_box(d))).len()).sum::<usize>())
    });
    group.bench_function("split_only", |b| {
        b.iter(|| documents.iter().map(|d| black_box(splitter.split(black_box(d))).len()).sum::<usize>())
    });
    group.finish();
}

criterion_group!(benches, keywords);
criterion_main!(benches);
