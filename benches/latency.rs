//! Per-article latency of the library call, single thread, warm, over every dev article.
//!
//! `cargo bench --bench latency` prints the median, p90 and maximum per article of
//! `Summarizer::summarize`, and the same for each stage (split, analyze, noise) with its share of the
//! total. Each article is summarized `--reps` times in a row (default 21) and its median is its figure,
//! so one preemption on a shared machine does not make an article look slow: the "hot" regime, with
//! the article's data in the CPU caches. The "stream" line is the regime of a batch: every article
//! once per pass over all of them, `--reps` passes, each article's median over the passes.
//!
//! Options (after `--`): `--reps N`; `--per-doc FILE` writes `{"id", "seconds"}` lines (the article's
//! median) for `benches/peers/`; `--input FILE.jsonl` times those records instead of the dev sets;
//! `--profile` only summarizes every article `--reps` times and prints nothing, for
//! `valgrind --tool=callgrind` or `perf record`.

#[path = "common/mod.rs"]
mod common;

use std::hint::black_box;
use std::io::Write;
use std::time::{Duration, Instant};

use nutgraf::{Analyzer, Language, NoiseDetector, Summarizer};

struct Options {
    reps: usize,
    per_doc: Option<String>,
    input: Option<String>,
    profile: bool,
}

fn options() -> Options {
    let mut options = Options { reps: 21, per_doc: None, input: None, profile: false };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--reps" => options.reps = args.next().and_then(|n| n.parse().ok()).unwrap_or(options.reps).max(1),
            "--per-doc" => options.per_doc = args.next(),
            "--input" => options.input = args.next(),
            "--profile" => options.profile = true,
            _ => {} // cargo passes `--bench`; criterion-style filters do not apply here
        }
    }
    options
}

/// The median of `reps` timings of `f`.
fn median_time(reps: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..reps)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort_unstable();
    times[times.len() / 2]
}

/// Median, p90 and maximum of per-article times, in microseconds.
fn distribution(times: &[Duration]) -> (f64, f64, f64) {
    let mut sorted = times.to_vec();
    sorted.sort_unstable();
    let at = |q: f64| sorted[((sorted.len() - 1) as f64 * q).round() as usize].as_secs_f64() * 1e6;
    (at(0.5), at(0.9), at(1.0))
}

fn load(options: &Options) -> Vec<common::Article> {
    if let Some(path) = &options.input {
        let body = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
        return body
            .lines()
            .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
            .filter_map(|v| Some(common::Article { id: v["id"].as_str()?.into(), text: v["text"].as_str()?.into() }))
            .collect();
    }
    let articles = common::dev_articles();
    if articles.is_empty() {
        return vec![common::Article { id: "sample".into(), text: common::SAMPLE.into() }];
    }
    articles
}

fn main() {
    let options = options();
    let articles = load(&options);
    let summarizer = Summarizer::builder().build().expect("the default summarizer builds");
    if options.profile {
        for _ in 0..options.reps {
            for article in &articles {
                black_box(summarizer.summarize(black_box(&article.text)));
            }
        }
        return;
    }
    let splitter = summarizer.splitter().clone();
    let analyzer = Analyzer::new(Language::English);
    let noise = NoiseDetector::new(Language::English);

    // Warm-up: every article once, so caches, the allocator and the branch predictors have seen the data.
    for article in &articles {
        black_box(summarizer.summarize(&article.text));
    }

    let mut total = Vec::with_capacity(articles.len());
    let mut split = Vec::with_capacity(articles.len());
    let mut analyze = Vec::with_capacity(articles.len());
    let mut detect = Vec::with_capacity(articles.len());
    for article in &articles {
        let text = article.text.as_str();
        total.push(median_time(options.reps, || {
            black_box(summarizer.summarize(black_box(text)));
        }));
        split.push(median_time(options.reps, || {
            black_box(splitter.split(black_box(text)));
        }));
        let sentences = splitter.split(text);
        analyze.push(median_time(options.reps, || {
            black_box(analyzer.analyze(black_box(text), &sentences));
        }));
        let document = analyzer.analyze(text, &sentences);
        detect.push(median_time(options.reps, || {
            black_box(noise.detect(black_box(text), &sentences, &document));
        }));
    }
    let mut passes: Vec<Vec<Duration>> = vec![Vec::with_capacity(options.reps); articles.len()];
    for _ in 0..options.reps {
        for (article, times) in articles.iter().zip(&mut passes) {
            let start = Instant::now();
            black_box(summarizer.summarize(black_box(&article.text)));
            times.push(start.elapsed());
        }
    }
    let stream: Vec<Duration> = passes
        .iter_mut()
        .map(|times| {
            times.sort_unstable();
            times[times.len() / 2]
        })
        .collect();
    // Scoring and selection: what the whole call costs beyond the first three stages.
    let rest: Vec<Duration> =
        (0..articles.len()).map(|i| total[i].saturating_sub(split[i] + analyze[i] + detect[i])).collect();

    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    println!(
        "per-article latency, library call, single thread, warm: {} articles, {:.1} KB mean, median of {} runs each",
        articles.len(),
        bytes as f64 / articles.len() as f64 / 1e3,
        options.reps
    );
    println!("{:<34} {:>10} {:>10} {:>10} {:>12}", "stage", "median µs", "p90 µs", "max µs", "share of sum");
    let sum_total: f64 = total.iter().map(Duration::as_secs_f64).sum();
    for (name, times) in [
        ("summarize (whole call), hot", &total),
        ("  split (segment)", &split),
        ("  analyze (words, stems)", &analyze),
        ("  noise", &detect),
        ("  tf-idf, graph, features, select", &rest),
    ] {
        let (median, p90, max) = distribution(times);
        let share = times.iter().map(Duration::as_secs_f64).sum::<f64>() / sum_total * 100.0;
        println!("{name:<34} {median:>10.1} {p90:>10.1} {max:>10.1} {share:>11.1}%");
    }
    let (median, p90, max) = distribution(&stream);
    println!("{:<34} {median:>10.1} {p90:>10.1} {max:>10.1}", "summarize (whole call), stream");
    let without_split: Vec<Duration> = (0..articles.len()).map(|i| total[i].saturating_sub(split[i])).collect();
    let (median, p90, max) = distribution(&without_split);
    println!("{:<34} {median:>10.1} {p90:>10.1} {max:>10.1}", "summarize minus split");
    let slowest = (0..articles.len()).max_by_key(|&i| total[i]).unwrap_or(0);
    println!("slowest article: {} ({} bytes)", articles[slowest].id, articles[slowest].text.len());

    if let Some(path) = &options.per_doc {
        let mut out = std::io::BufWriter::new(std::fs::File::create(path).expect("per-doc file can be created"));
        for (article, time) in articles.iter().zip(&total) {
            let line = serde_json::json!({"id": article.id, "seconds": time.as_secs_f64()});
            writeln!(out, "{line}").expect("per-doc file can be written");
        }
    }
}
