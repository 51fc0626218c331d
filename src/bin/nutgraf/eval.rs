//! `nutgraf eval`: summarizes every record of a data set, scores the briefs against the reference
//! summaries with ROUGE (as the project's `score.py` does), and optionally scores the LEAD baseline on
//! the same records in the same run, with 95% bootstrap intervals for every mean and for the paired
//! difference between nutgraf and the baseline.

use std::fmt::Write as _;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::Context;
use clap::{Args, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use nutgraf::eval::{Metric, RougeAggregate, RougeScorer, RougeScores};
use nutgraf::render::Format;
use nutgraf::{Budget, Config, Language, Summarizer, Summary};
use rayon::prelude::*;
use serde::Serialize;

use crate::EXIT_OK;
use crate::bootstrap::{self, Interval};
use crate::dataset::{Record, read_records};
use crate::options::{SummaryOptions, TokenizerChoice};

#[derive(Args, Debug)]
pub struct EvalArgs {
    /// Data set, JSON Lines: {"id", "text", "summary": "..."} or {"id", "text", "summaries": [...]} per
    /// line. With several references, each metric takes the best one.
    #[arg(value_name = "DATA.jsonl")]
    data: PathBuf,
    #[command(flatten)]
    options: SummaryOptions,
    /// Also score a baseline on the same records: `lead` takes the first sentences of nutgraf's split,
    /// after a detected headline, within the same budget.
    #[arg(long, value_enum, value_name = "NAME")]
    baseline: Option<Baseline>,
    /// Write per-document scores (F1 ×100), words and briefs as JSON Lines to FILE.
    #[arg(long, value_name = "FILE")]
    per_doc: Option<PathBuf>,
    /// `text` (a table), `markdown` (a Markdown table) or `json` (one object, with precision and recall).
    #[arg(long, short = 'f', default_value = "text", value_parser = crate::parse_format)]
    format: Format,
    /// Worker threads (default: all cores). The scores are identical for every value.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,
    /// How ROUGE cuts texts into tokens: `rouge-score` (English, stemmed) or `unicode` (any language,
    /// as `score_multilingual.py`).
    #[arg(long, value_enum, default_value = "rouge-score", value_name = "NAME")]
    tokenizer: TokenizerChoice,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Baseline {
    /// The first sentences, skipping a headline.
    Lead,
}

/// A system that writes briefs: nutgraf itself, or a baseline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum System {
    Nutgraf,
    Lead,
}

impl System {
    fn name(self) -> &'static str {
        match self {
            System::Nutgraf => "nutgraf",
            System::Lead => "lead",
        }
    }
}

/// One system's brief for one document, and how it scored.
struct Brief {
    text: String,
    /// Whitespace-separated words, as `score.py` counts them.
    words: usize,
    seconds: f64,
    scores: RougeScores,
}

pub fn run(args: EvalArgs) -> anyhow::Result<u8> {
    let budget = args.options.budget();
    let summarizer = args.options.summarizer(None, budget)?.build()?;
    let records = read_records(&args.data)?;
    let mut systems = vec![System::Nutgraf];
    if args.baseline == Some(Baseline::Lead) {
        systems.push(System::Lead);
    }
    let threads = args.threads.map_or_else(crate::default_threads, usize::from);
    let pool = crate::worker_pool(threads)?;

    let fixed_language = args.options.fixed_language()?;
    let scorer = args.tokenizer.scorer(fixed_language, records.first().map(|r| r.text.as_str()));
    let progress = progress_bar(records.len());
    let started = Instant::now();
    // Collected in input order, so every figure below is the same whatever the number of threads.
    let briefs: Vec<Vec<Brief>> = pool.install(|| {
        records
            .par_iter()
            .map(|record| {
                let briefs = systems.iter().map(|&system| write_brief(&summarizer, &scorer, record, system)).collect();
                if let Some(bar) = &progress {
                    bar.inc(1);
                }
                briefs
            })
            .collect()
    });
    let wall_seconds = started.elapsed().as_secs_f64();
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }

    if let Some(path) = &args.per_doc {
        write_per_doc(path, &records, &systems, &briefs)?;
    }
    let reports: Vec<SystemReport> = systems
        .iter()
        .enumerate()
        .map(|(k, &system)| SystemReport::new(system, briefs.iter().map(|doc| &doc[k])))
        .collect();
    // nutgraf is system 0; the baseline, when there is one, system 1.
    let difference = (systems.len() > 1).then(|| Difference::new(systems[1], &briefs));
    let run = RunInfo {
        data: &args.data,
        docs: records.len(),
        options: &args.options,
        language: fixed_language.map_or("auto", Language::name),
        tokenizer: args.tokenizer,
        budget,
        config: summarizer.config(),
        threads,
        wall_seconds,
    };
    let output = match args.format {
        Format::Json => format!("{}\n", json_report(&run, &reports, difference.as_ref())?),
        Format::Markdown => markdown_report(&run, &reports, difference.as_ref()),
        _ => text_report(&run, &reports, difference.as_ref()),
    };
    let stdout = io::stdout();
    let mut out = stdout.lock();
    out.write_all(output.as_bytes())?;
    out.flush()?;
    Ok(EXIT_OK)
}

fn write_brief(summarizer: &Summarizer, scorer: &RougeScorer, record: &Record, system: System) -> Brief {
    let started = Instant::now();
    let summary = match system {
        System::Nutgraf => match record.document() {
            Some(document) => summarizer.summarize_document(&document),
            None => summarizer.summarize(&record.text),
        },
        System::Lead => lead(summarizer, &record.text),
    };
    let seconds = started.elapsed().as_secs_f64();
    let text = summary.to_text();
    let scores = scorer.score_multi(&record.references, &text);
    Brief { words: text.split_whitespace().count(), text, seconds, scores }
}

/// LEAD-N: the first sentences of nutgraf's split in order, skipping a detected headline, under the
/// summarizer's budget with the selector's rules (a ratio of all the sentences; whole sentences that
/// fit a word, character or byte budget, skipping any that would overflow it).
fn lead(summarizer: &Summarizer, text: &str) -> Summary {
    let analysis = summarizer.analyze(text);
    let total = analysis.sentences.len();
    let budget = summarizer.budget();
    let limit = budget.sentence_limit(total);
    let (size_limit, separator) = budget.size_limit().unwrap_or((usize::MAX, 0));
    let mut size = 0usize;
    let mut sentences = Vec::new();
    for (index, span) in analysis.sentences.iter().enumerate() {
        if sentences.len() >= limit {
            break;
        }
        let cost = budget.size_of(span.text(text), analysis.document.word_count(index))
            + if sentences.is_empty() { 0 } else { separator };
        if Some(index) == analysis.noise.headline || size.saturating_add(cost) > size_limit {
            continue;
        }
        size += cost;
        sentences.push(index);
    }
    let mut summary = Summary::from_sentences(text, &analysis.sentences, sentences);
    summary.language = analysis.language.name();
    summary
}

/// Per-document lines: `{"line", "id", "<system>": {"rouge1", …, "words", "brief"}, …}`, F1 ×100.
fn write_per_doc(path: &Path, records: &[Record], systems: &[System], briefs: &[Vec<Brief>]) -> anyhow::Result<()> {
    #[derive(Serialize)]
    struct DocScores<'a> {
        rouge1: f64,
        rouge2: f64,
        #[serde(rename = "rougeL")]
        rouge_l: f64,
        #[serde(rename = "rougeLsum")]
        rouge_lsum: f64,
        words: usize,
        brief: &'a str,
    }

    let context = || format!("{}: cannot write per-document scores", path.display());
    let file = std::fs::File::create(path).with_context(context)?;
    let mut out = io::BufWriter::new(file);
    for (record, doc) in records.iter().zip(briefs) {
        // Written by hand so the keys keep this order: line, id, then the systems as listed.
        write!(out, "{{\"line\":{},\"id\":{}", record.line, record.id).with_context(context)?;
        for (system, brief) in systems.iter().zip(doc) {
            let f1 = |metric: Metric| round(brief.scores[metric].f1 * 100.0, 4);
            let scores = DocScores {
                rouge1: f1(Metric::Rouge1),
                rouge2: f1(Metric::Rouge2),
                rouge_l: f1(Metric::RougeL),
                rouge_lsum: f1(Metric::RougeLsum),
                words: brief.words,
                brief: &brief.text,
            };
            write!(out, ",\"{}\":{}", system.name(), serde_json::to_string(&scores)?).with_context(context)?;
        }
        writeln!(out, "}}").with_context(context)?;
    }
    out.flush().with_context(context)
}

/// A bar over the documents on stderr when it is a terminal.
fn progress_bar(documents: usize) -> Option<ProgressBar> {
    if !io::stderr().is_terminal() {
        return None;
    }
    let style = ProgressStyle::with_template("eval {bar:40} {pos}/{len} documents, eta {eta}")
        .unwrap_or_else(|_| ProgressStyle::default_bar());
    Some(ProgressBar::new(documents as u64).with_style(style))
}

/// A document's F1 ×100 under `metric`.
fn f1(brief: &Brief, metric: Metric) -> f64 {
    brief.scores[metric].f1 * 100.0
}

/// 95% bootstrap intervals of the mean F1 ×100 of every metric, in `Metric::ALL` order.
fn intervals(values: impl Fn(Metric) -> Vec<f64>) -> [Option<(f64, Interval)>; 4] {
    Metric::ALL.map(|metric| bootstrap::mean_interval(&values(metric)))
}

/// nutgraf minus the baseline, document by document (paired): mean and 95% bootstrap interval.
struct Difference {
    against: System,
    by_metric: [Option<(f64, Interval)>; 4],
}

impl Difference {
    fn new(against: System, briefs: &[Vec<Brief>]) -> Self {
        let by_metric =
            intervals(|metric| briefs.iter().map(|doc| f1(&doc[0], metric) - f1(&doc[1], metric)).collect());
        Difference { against, by_metric }
    }
}

/// One system's figures over the data set.
struct SystemReport {
    system: System,
    mean: RougeScores,
    /// 95% bootstrap intervals of the mean F1 ×100, in `Metric::ALL` order.
    intervals: [Option<(f64, Interval)>; 4],
    mean_words: f64,
    timing: Timing,
}

impl SystemReport {
    fn new<'a>(system: System, briefs: impl Iterator<Item = &'a Brief>) -> Self {
        let briefs: Vec<&Brief> = briefs.collect();
        let mut aggregate = RougeAggregate::new();
        let mut words = 0usize;
        let mut seconds = Vec::new();
        for brief in &briefs {
            aggregate.add(&brief.scores);
            words += brief.words;
            seconds.push(brief.seconds);
        }
        let docs = aggregate.docs().max(1) as f64;
        let intervals = intervals(|metric| briefs.iter().map(|brief| f1(brief, metric)).collect());
        SystemReport {
            system,
            mean: aggregate.mean(),
            intervals,
            mean_words: words as f64 / docs,
            timing: Timing::new(seconds),
        }
    }
}

/// Time to write one brief (summarization, or the baseline's analysis), per document.
struct Timing {
    total: f64,
    mean: f64,
    median: f64,
}

impl Timing {
    fn new(mut seconds: Vec<f64>) -> Self {
        seconds.sort_by(f64::total_cmp);
        let total: f64 = seconds.iter().sum();
        let n = seconds.len();
        let median = match n {
            0 => 0.0,
            _ if n % 2 == 1 => seconds[n / 2],
            _ => (seconds[n / 2 - 1] + seconds[n / 2]) / 2.0,
        };
        Timing { total, mean: if n == 0 { 0.0 } else { total / n as f64 }, median }
    }
}

struct RunInfo<'a> {
    data: &'a Path,
    docs: usize,
    options: &'a SummaryOptions,
    language: &'static str,
    tokenizer: TokenizerChoice,
    budget: Budget,
    config: &'a Config,
    threads: usize,
    wall_seconds: f64,
}

/// `[low, high]` of an interval, or a dash when there were no documents.
fn show_interval(interval: Option<(f64, Interval)>, signed: bool) -> String {
    match (interval, signed) {
        (Some((_, i)), false) => format!("[{:.2}, {:.2}]", i.low, i.high),
        (Some((_, i)), true) => format!("[{:+.2}, {:+.2}]", i.low, i.high),
        (None, _) => "-".to_string(),
    }
}

/// The interval lines under a report's table.
fn interval_lines(reports: &[SystemReport], difference: Option<&Difference>, bullet: &str) -> String {
    let mut out = String::new();
    let names: Vec<&str> = Metric::ALL.iter().map(|m| m.label()).collect();
    for report in reports {
        let parts: Vec<String> = names
            .iter()
            .zip(report.intervals)
            .map(|(name, interval)| format!("{name} {}", show_interval(interval, false)))
            .collect();
        let _ = writeln!(out, "{bullet}95% interval, {}: {}", report.system.name(), parts.join("  "));
    }
    if let Some(difference) = difference {
        let parts: Vec<String> = names
            .iter()
            .zip(difference.by_metric)
            .map(|(name, d)| match d {
                Some((mean, _)) => format!("{name} {mean:+.2} {}", show_interval(d, true)),
                None => format!("{name} -"),
            })
            .collect();
        let _ = writeln!(
            out,
            "{bullet}nutgraf − {} (paired, per document): {}",
            difference.against.name(),
            parts.join("  ")
        );
    }
    out
}

impl RunInfo<'_> {
    fn settings(&self) -> String {
        let mut settings = format!("preset {}", self.options.preset);
        if let Some(config) = &self.options.config {
            let _ = write!(settings, ", config {}", config.display());
        }
        let _ = write!(settings, ", {}, budget {}", self.language, self.budget);
        settings
    }

    fn footer(&self) -> String {
        format!(
            "F1 ×100, mean over documents ({}); 95% intervals: percentile bootstrap over documents, {} \
             resamples; ms/doc: time to write one brief, mean (median). Wall time {:.2} s on {} thread(s).",
            self.tokenizer.description(),
            bootstrap::RESAMPLES,
            self.wall_seconds,
            self.threads
        )
    }
}

fn text_report(run: &RunInfo, reports: &[SystemReport], difference: Option<&Difference>) -> String {
    let mut out = format!("{}: {} documents, {}\n", run.data.display(), run.docs, run.settings());
    let _ = writeln!(
        out,
        "{:<8} {:>6} {:>6} {:>6} {:>6} {:>7} {:>16}",
        "system", "R-1", "R-2", "R-L", "R-Lsum", "words", "ms/doc"
    );
    for report in reports {
        let _ = write!(out, "{:<8}", report.system.name());
        for metric in Metric::ALL {
            let _ = write!(out, " {:>6.2}", report.mean[metric].f1);
        }
        let timing = format!("{:.3} ({:.3})", report.timing.mean * 1e3, report.timing.median * 1e3);
        let _ = writeln!(out, " {:>7.1} {timing:>16}", report.mean_words);
    }
    out.push_str(&interval_lines(reports, difference, ""));
    let _ = writeln!(out, "{}", run.footer());
    out
}

fn markdown_report(run: &RunInfo, reports: &[SystemReport], difference: Option<&Difference>) -> String {
    let mut out = format!("`{}`: {} documents, {}\n\n", run.data.display(), run.docs, run.settings());
    out.push_str("| system | R-1 | R-2 | R-L | R-Lsum | words | ms/doc (median) |\n");
    out.push_str("|---|---:|---:|---:|---:|---:|---:|\n");
    for report in reports {
        let _ = write!(out, "| {} |", report.system.name());
        for metric in Metric::ALL {
            let _ = write!(out, " {:.2} |", report.mean[metric].f1);
        }
        let _ = writeln!(
            out,
            " {:.1} | {:.3} ({:.3}) |",
            report.mean_words,
            report.timing.mean * 1e3,
            report.timing.median * 1e3
        );
    }
    out.push('\n');
    out.push_str(&interval_lines(reports, difference, "- "));
    let _ = writeln!(out, "\n{}", run.footer());
    out
}

fn json_report(run: &RunInfo, reports: &[SystemReport], difference: Option<&Difference>) -> anyhow::Result<String> {
    #[derive(Serialize)]
    struct Report<'a> {
        version: &'a str,
        data: String,
        docs: usize,
        preset: &'a str,
        config: Option<String>,
        language: &'a str,
        budget: Budget,
        /// Every setting in effect, as `--print-config` shows them.
        configuration: &'a Config,
        threads: usize,
        wall_seconds: f64,
        bootstrap_resamples: usize,
        systems: Vec<SystemJson<'a>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        difference: Option<DifferenceJson<'a>>,
    }
    /// A metric's mean and its 95% interval, keyed by the metric's name.
    type Intervals = serde_json::Map<String, serde_json::Value>;
    #[derive(Serialize)]
    struct DifferenceJson<'a> {
        system: &'a str,
        against: &'a str,
        #[serde(flatten)]
        metrics: Intervals,
    }
    fn intervals_json(by_metric: &[Option<(f64, Interval)>; 4]) -> Intervals {
        Metric::ALL
            .iter()
            .zip(by_metric)
            .map(|(metric, interval)| {
                let value = match interval {
                    Some((mean, i)) => serde_json::json!({ "mean": mean, "low": i.low, "high": i.high }),
                    None => serde_json::Value::Null,
                };
                (metric.name().to_string(), value)
            })
            .collect()
    }
    #[derive(Serialize)]
    struct SystemJson<'a> {
        system: &'a str,
        #[serde(flatten)]
        scores: RougeScores,
        /// 95% bootstrap intervals of the F1 means.
        intervals: Intervals,
        avg_words: f64,
        seconds: TimingJson,
    }
    #[derive(Serialize)]
    struct TimingJson {
        total: f64,
        mean: f64,
        median: f64,
    }

    let report = Report {
        version: env!("CARGO_PKG_VERSION"),
        data: run.data.display().to_string(),
        docs: run.docs,
        preset: run.options.preset.name(),
        config: run.options.config.as_ref().map(|c| c.display().to_string()),
        language: run.language,
        budget: run.budget,
        configuration: run.config,
        threads: run.threads,
        wall_seconds: run.wall_seconds,
        bootstrap_resamples: bootstrap::RESAMPLES,
        difference: difference.map(|d| DifferenceJson {
            system: System::Nutgraf.name(),
            against: d.against.name(),
            metrics: intervals_json(&d.by_metric),
        }),
        systems: reports
            .iter()
            .map(|report| SystemJson {
                system: report.system.name(),
                scores: report.mean,
                intervals: intervals_json(&report.intervals),
                avg_words: report.mean_words,
                seconds: TimingJson {
                    total: report.timing.total,
                    mean: report.timing.mean,
                    median: report.timing.median,
                },
            })
            .collect(),
    };
    Ok(serde_json::to_string(&report)?)
}

fn round(value: f64, places: i32) -> f64 {
    let scale = 10f64.powi(places);
    // Ties to even, as Python's round() in score.py resolves an exact tie such as 38.28125.
    (value * scale).round_ties_even() / scale
}
