//! HTML to brief on one thread: the 50 dev pages of `shared/eval/scraped/html/` (a small built-in page,
//! repeated, when `shared/` is absent), read into a `Document` (`read`) and read and summarized
//! (`brief`). Criterion reports bytes of HTML per second.
//!
//! `cargo bench --bench html`.

#[path = "common/mod.rs"]
mod common;

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use nutgraf::{Document, Summarizer};

/// The dev pages' HTML.
fn pages() -> Vec<String> {
    let pages: Vec<String> = common::shared_dir()
        .and_then(|shared| std::fs::read_dir(shared.join("eval/scraped/html")).ok())
        .map(|entries| {
            let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
            paths.sort();
            paths.iter().filter_map(|path| std::fs::read_to_string(path).ok()).collect()
        })
        .unwrap_or_default();
    if !pages.is_empty() {
        return pages;
    }
    eprintln!("bench: no shared/eval/scraped/html; using a built-in page");
    let body: String = common::SAMPLE.split("\n\n").map(|p| format!("<p>{p}</p>")).collect();
    vec![
        format!(
            "<html><head><title>Sample</title></head><body><nav>Home News</nav><article>{body}</article></body></html>"
        );
        50
    ]
}

fn html(c: &mut Criterion) {
    let pages = pages();
    let bytes: usize = pages.iter().map(String::len).sum();
    let summarizer = Summarizer::builder().build().expect("the default configuration is valid");
    let mut group = c.benchmark_group("html");
    group.throughput(Throughput::Bytes(bytes as u64)).sample_size(10).measurement_time(Duration::from_secs(10));
    group.bench_function("read", |b| {
        b.iter(|| {
            for page in &pages {
                black_box(Document::from_html(page).ok());
            }
        });
    });
    group.bench_function("brief", |b| {
        b.iter(|| {
            for page in &pages {
                if let Ok(document) = Document::from_html(page) {
                    black_box(summarizer.summarize_document(&document));
                }
            }
        });
    });
    group.finish();
}

criterion_group!(benches, html);
criterion_main!(benches);
