//! Batch throughput of `nutgraf --jsonl` as a whole process, on the dev articles written out as JSON
//! lines (the bundled sample, repeated, when `shared/` is absent), with one worker thread and with every
//! core. Criterion reports documents per second (`batch-docs`) and bytes per second (`batch-bytes`) for
//! the same runs; the output goes to a null sink.
//!
//! `cargo bench --bench batch`. `benches/scripts/throughput.sh` gives the same figures with hyperfine.

#[path = "common/mod.rs"]
mod common;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

/// Runs the built binary over the corpus once, as a user would.
fn summarize_corpus(corpus: &Path, threads: usize) {
    let status = Command::new(env!("CARGO_BIN_EXE_nutgraf"))
        .args(["--jsonl", "--threads", &threads.to_string()])
        .arg(corpus)
        .stdout(Stdio::null())
        .status()
        .expect("the nutgraf binary runs");
    assert!(status.success(), "nutgraf --jsonl failed on the corpus: {status}");
}

fn batch(c: &mut Criterion) {
    let mut articles = common::dev_articles();
    if articles.is_empty() {
        articles =
            (0..100).map(|i| common::Article { id: format!("sample-{i}"), text: common::SAMPLE.to_string() }).collect();
    }
    let mut corpus = tempfile::NamedTempFile::new().expect("a temporary corpus file");
    for article in &articles {
        let line = serde_json::json!({"id": article.id, "text": article.text});
        writeln!(corpus, "{line}").expect("the corpus is written");
    }
    corpus.flush().expect("the corpus is written");
    let bytes = std::fs::metadata(corpus.path()).map(|m| m.len()).unwrap_or(0);
    let cores = std::thread::available_parallelism().map(usize::from).unwrap_or(1);
    let mut thread_counts = vec![1];
    if cores > 1 {
        thread_counts.push(cores);
    }

    for (name, throughput) in
        [("batch-docs", Throughput::Elements(articles.len() as u64)), ("batch-bytes", Throughput::Bytes(bytes))]
    {
        let mut group = c.benchmark_group(name);
        group.throughput(throughput).sample_size(20).measurement_time(Duration::from_secs(5));
        for &threads in &thread_counts {
            group.bench_with_input(BenchmarkId::new("threads", threads), &threads, |b, &threads| {
                b.iter(|| summarize_corpus(corpus.path(), threads));
            });
        }
        group.finish();
    }
}

criterion_group!(benches, batch);
criterion_main!(benches);
