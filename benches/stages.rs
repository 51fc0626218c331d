//! Each stage of the pipeline, and the whole call, on the bundled news article and on long documents of
//! about 1k, 10k and 100k sentences (dev articles concatenated; see `common`).
//!
//! `cargo bench --bench stages` runs them all; `cargo bench --bench stages -- sample/` only the article.
//! Stages: `split`, `analyze`, `noise`, `tfidf`, `graph` (the news preset's cosine graph), `textrank`
//! (PageRank over the general preset's word-overlap graph, with the graph build), `features` (every
//! stage up to the feature matrix, i.e. `Summarizer::analyze`), `select` (scores and selection from a
//! finished analysis) and `summarize` (the whole call, news preset).

#[path = "common/mod.rs"]
mod common;

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use nutgraf::{
    Analyzer, Budget, Config, Language, NoiseDetector, Preset, Similarity, SimilarityGraph, Summarizer, TfIdf, pagerank,
};

fn stages(c: &mut Criterion, name: &str, text: &str) {
    let news = Summarizer::builder().build().expect("the news preset builds");
    let general_config = Config::preset(Preset::General);
    let splitter = news.splitter().clone();
    let analyzer = Analyzer::new(Language::English);
    let noise = NoiseDetector::new(Language::English);

    let sentences = splitter.split(text);
    let document = analyzer.analyze(text, &sentences);
    let news_config = news.config().clone();
    let analysis = news.analyze(text);
    let scoring = news.score(&analysis, &news_config).expect("the news preset scores");
    let candidates = scoring.candidates();

    let mut group = c.benchmark_group(name);
    group.throughput(Throughput::Bytes(text.len() as u64));
    if sentences.len() >= 10_000 {
        group.sample_size(10).warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(5));
    }
    let id = |stage: &str| BenchmarkId::new(stage, format!("{} sentences", sentences.len()));
    group.bench_function(id("split"), |b| b.iter(|| splitter.split(black_box(text))));
    group.bench_function(id("analyze"), |b| b.iter(|| analyzer.analyze(black_box(text), &sentences)));
    group.bench_function(id("noise"), |b| b.iter(|| noise.detect(black_box(text), &sentences, &document)));
    group.bench_function(id("tfidf"), |b| b.iter(|| TfIdf::new(black_box(&document), candidates)));
    group.bench_function(id("graph"), |b| {
        b.iter(|| {
            SimilarityGraph::build(
                black_box(&document),
                candidates,
                scoring.tfidf(),
                news_config.similarity,
                &news_config.graph,
            )
        })
    });
    group.bench_function(id("textrank"), |b| {
        b.iter(|| {
            let graph = SimilarityGraph::build(
                black_box(&document),
                candidates,
                scoring.tfidf(),
                Similarity::WordOverlap,
                &general_config.graph,
            );
            pagerank(&graph, &general_config.textrank)
        })
    });
    group.bench_function(id("features"), |b| b.iter(|| news.score(black_box(&analysis), &news_config)));
    group.bench_function(id("select"), |b| {
        b.iter(|| news.select(text, black_box(&analysis), &scoring, &news_config, Budget::Sentences(3)))
    });
    group.bench_function(id("summarize"), |b| b.iter(|| news.summarize(black_box(text))));
    group.finish();
}

fn sample(c: &mut Criterion) {
    stages(c, "sample", common::SAMPLE);
}

fn long_documents(c: &mut Criterion) {
    let splitter = nutgraf::SentenceSplitter::new(Language::English);
    for sentences in [1_000, 10_000, 100_000] {
        let text = common::long_document(sentences, &splitter);
        stages(c, &format!("long-{}k", sentences / 1_000), &text);
    }
}

criterion_group!(benches, sample, long_documents);
criterion_main!(benches);
