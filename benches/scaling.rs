//! How time and memory grow with document length: documents of about 1k, 10k and 100k sentences (see
//! `common::long_document`), summarized by the library (median of `--reps`, default 3) and by the
//! release binary as a whole process under `/usr/bin/time -v` (median wall time, peak memory), with the
//! exponent k of a least-squares fit of time ~ n^k. A second table does the same for large budgets
//! (`--ratio 0.3`, `--ratio 1`, `--words` a tenth of the document's words), whose redundancy check must
//! not make them quadratic.
//!
//! `cargo bench --bench scaling`; options after `--`: `--reps N`, `--sizes 1000,10000,100000`,
//! `--keep DIR` (leave the generated documents there).

#[path = "common/mod.rs"]
mod common;

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use nutgraf::{Analyzer, Budget, Config, Language, NoiseDetector, Preset, SimilarityGraph, Summarizer};

struct Options {
    reps: usize,
    sizes: Vec<usize>,
    keep: Option<PathBuf>,
}

fn options() -> Options {
    let mut options = Options { reps: 3, sizes: vec![1_000, 10_000, 100_000], keep: None };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--reps" => options.reps = args.next().and_then(|n| n.parse().ok()).unwrap_or(options.reps).max(1),
            "--sizes" => {
                if let Some(list) = args.next() {
                    options.sizes = list.split(',').filter_map(|n| n.trim().parse().ok()).collect();
                }
            }
            "--keep" => options.keep = args.next().map(PathBuf::from),
            _ => {}
        }
    }
    options
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn time<T>(reps: usize, mut f: impl FnMut() -> T) -> f64 {
    median(
        (0..reps)
            .map(|_| {
                let start = Instant::now();
                black_box(f());
                start.elapsed().as_secs_f64()
            })
            .collect(),
    )
}

/// Wall seconds and peak resident memory (KiB) of one run of the binary, from `/usr/bin/time -v`.
fn process_run(binary: &str, preset: &str, file: &Path) -> Option<(f64, u64)> {
    process_run_with(binary, &["--preset", preset], file)
}

/// [`process_run`] with any arguments before the file.
fn process_run_with(binary: &str, args: &[&str], file: &Path) -> Option<(f64, u64)> {
    let output = Command::new("/usr/bin/time")
        .arg("-v")
        .arg(binary)
        .args(args)
        .arg(file)
        .stdout(std::process::Stdio::null())
        .output()
        .ok()?;
    let report = String::from_utf8_lossy(&output.stderr);
    let field = |name: &str| report.lines().find_map(|l| l.trim().strip_prefix(name).map(str::trim).map(String::from));
    let wall = field("Elapsed (wall clock) time (h:mm:ss or m:ss):")?;
    let seconds = wall.split(':').try_fold(0.0, |acc, part| part.parse::<f64>().ok().map(|v| acc * 60.0 + v))?;
    let memory = field("Maximum resident set size (kbytes):")?.parse().ok()?;
    Some((seconds, memory))
}

/// The exponent k of the least-squares line through (ln n, ln t).
fn exponent(points: &[(f64, f64)]) -> f64 {
    let logs: Vec<(f64, f64)> = points.iter().map(|&(n, t)| (n.ln(), t.ln())).collect();
    let count = logs.len() as f64;
    let mean_x = logs.iter().map(|p| p.0).sum::<f64>() / count;
    let mean_y = logs.iter().map(|p| p.1).sum::<f64>() / count;
    let covariance: f64 = logs.iter().map(|p| (p.0 - mean_x) * (p.1 - mean_y)).sum();
    let variance: f64 = logs.iter().map(|p| (p.0 - mean_x).powi(2)).sum();
    covariance / variance
}

fn main() {
    let options = options();
    let binary = env!("CARGO_BIN_EXE_nutgraf");
    let has_time = Path::new("/usr/bin/time").exists();
    let directory = match &options.keep {
        Some(dir) => {
            std::fs::create_dir_all(dir).expect("--keep directory can be created");
            None
        }
        None => Some(tempfile::tempdir().expect("a temporary directory")),
    };
    let dir = match (&options.keep, &directory) {
        (Some(dir), _) => dir.clone(),
        (None, Some(temporary)) => temporary.path().to_path_buf(),
        (None, None) => unreachable!("a temporary directory is made whenever --keep is absent"),
    };

    let news = Summarizer::builder().build().expect("news preset builds");
    let general = Summarizer::builder().preset(Preset::General).build().expect("general preset builds");
    let splitter = news.splitter().clone();
    let analyzer = Analyzer::new(Language::English);
    let noise = NoiseDetector::new(Language::English);
    let general_config = Config::preset(Preset::General);

    println!(
        "{:>9} {:>8} {:>9} {:>9} {:>9} {:>9} {:>9} {:>10} {:>9} {:>9} {:>10} {:>9}",
        "sentences",
        "MB",
        "split s",
        "analyze s",
        "noise s",
        "graph s",
        "edges",
        "library s",
        "general s",
        "process s",
        "peak MiB",
        "gen. MiB"
    );
    let mut library_points = Vec::new();
    let mut process_points = Vec::new();
    let mut rest_points = Vec::new();
    let mut large_budget_rows = Vec::new();
    for &size in &options.sizes {
        let text = common::long_document(size, &splitter);
        let file = dir.join(format!("long-{size}.txt"));
        std::fs::write(&file, &text).expect("document can be written");
        let sentences = splitter.split(&text);
        let n = sentences.len() as f64;
        let document = analyzer.analyze(&text, &sentences);
        let split_s = time(options.reps, || splitter.split(&text));
        let analyze_s = time(options.reps, || analyzer.analyze(&text, &sentences));
        let noise_s = time(options.reps, || noise.detect(&text, &sentences, &document));
        let analysis = general.analyze(&text);
        let scoring = general.score(&analysis, &general_config).expect("the general preset scores");
        let graph_s = time(options.reps, || {
            SimilarityGraph::build(
                &document,
                scoring.candidates(),
                scoring.tfidf(),
                general_config.similarity,
                &general_config.graph,
            )
        });
        let edges = SimilarityGraph::build(
            &document,
            scoring.candidates(),
            scoring.tfidf(),
            general_config.similarity,
            &general_config.graph,
        )
        .edge_count();
        let library_s = time(options.reps, || news.summarize(&text));
        let general_s = time(options.reps, || general.summarize(&text));
        let (process_s, peak_kib, general_peak_kib) = if has_time {
            let runs: Vec<(f64, u64)> = (0..options.reps).filter_map(|_| process_run(binary, "news", &file)).collect();
            let general_runs: Vec<(f64, u64)> =
                (0..options.reps).filter_map(|_| process_run(binary, "general", &file)).collect();
            (
                median(runs.iter().map(|r| r.0).collect()),
                runs.iter().map(|r| r.1).max().unwrap_or(0),
                general_runs.iter().map(|r| r.1).max().unwrap_or(0),
            )
        } else {
            let wall = time(options.reps, || Command::new(binary).arg(&file).output().map(|o| o.status.success()));
            (wall, 0, 0)
        };
        println!(
            "{:>9} {:>8.1} {:>9.3} {:>9.3} {:>9.3} {:>9.3} {:>9} {:>10.3} {:>9.3} {:>9.3} {:>10.1} {:>9.1}",
            sentences.len(),
            text.len() as f64 / 1e6,
            split_s,
            analyze_s,
            noise_s,
            graph_s,
            edges,
            library_s,
            general_s,
            process_s,
            peak_kib as f64 / 1024.0,
            general_peak_kib as f64 / 1024.0
        );
        let word_budget = (0..analysis.document.len()).map(|i| analysis.document.word_count(i)).sum::<usize>() / 10;
        let ratio_03_s = time(options.reps, || news.summarize_with_budget(&text, Budget::Ratio(0.3)));
        let ratio_1_s = time(options.reps, || news.summarize_with_budget(&text, Budget::Ratio(1.0)));
        let words_s = time(options.reps, || news.summarize_with_budget(&text, Budget::Words(word_budget.max(1))));
        let ratio_1_process = if has_time {
            let runs: Vec<(f64, u64)> =
                (0..options.reps).filter_map(|_| process_run_with(binary, &["--ratio", "1"], &file)).collect();
            (median(runs.iter().map(|r| r.0).collect()), runs.iter().map(|r| r.1).max().unwrap_or(0))
        } else {
            (0.0, 0)
        };
        large_budget_rows.push((sentences.len(), word_budget, ratio_03_s, ratio_1_s, words_s, ratio_1_process));
        library_points.push((n, library_s));
        process_points.push((n, process_s));
        rest_points.push((n, (library_s - split_s - noise_s).max(1e-9)));
    }
    if library_points.len() >= 2 {
        println!(
            "fitted exponent k (time ~ n^k): library {:.2}, whole process {:.2}, library without split and noise {:.2}",
            exponent(&library_points),
            exponent(&process_points),
            exponent(&rest_points)
        );
    }
    println!(
        "\n{:>9} {:>10} {:>11} {:>11} {:>10} {:>14} {:>14}",
        "sentences", "words W", "ratio .3 s", "ratio 1 s", "words W s", "ratio 1 proc s", "ratio 1 MiB"
    );
    for (sentences, word_budget, ratio_03_s, ratio_1_s, words_s, (process_s, peak_kib)) in &large_budget_rows {
        println!(
            "{:>9} {:>10} {:>11.3} {:>11.3} {:>10.3} {:>14.3} {:>14.1}",
            sentences,
            word_budget,
            ratio_03_s,
            ratio_1_s,
            words_s,
            process_s,
            *peak_kib as f64 / 1024.0
        );
    }
    if large_budget_rows.len() >= 2 {
        let points: Vec<(f64, f64)> = large_budget_rows.iter().map(|r| (r.0 as f64, r.3)).collect();
        println!("fitted exponent k of the library's --ratio 1 time: {:.2}", exponent(&points));
    }
    if !has_time {
        println!("(no /usr/bin/time: process times are wall clock, peak memory not measured)");
    }
    drop(directory);
}
