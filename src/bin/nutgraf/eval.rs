//! `nutgraf eval`: summarizes every record of a data set, scores the briefs against the reference
//! summaries with ROUGE (as the project's `score.py` does), and optionally scores the LEAD baseline on
//! the same records in the same run.

use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::Context;
use clap::{Args, ValueEnum};
use nutgraf::eval::{Metric, RougeAggregate, RougeScorer, RougeScores};
use nutgraf::render::Format;
use nutgraf::{Budget, Language, Summarizer, Summary, SummarySentence};
use rayon::prelude::*;
use serde::Serialize;

use crate::EXIT_OK;
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
    let summarizer = args.options.summarizer()?;
    let records = read_records(&args.data)?;
    let mut systems = vec![System::Nutgraf];
    if args.baseline == Some(Baseline::Lead) {
        systems.push(System::Lead);
    }
    let threads = args.threads.map_or_else(crate::default_threads, usize::from);
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().context("cannot start worker threads")?;

    let fixed_language = args.options.fixed_language()?;
    let scorer = args.tokenizer.scorer(fixed_language, records.first().map(|r| r.text.as_str()));
    let started = Instant::now();
    // Collected in input order, so every figure below is the same whatever the number of threads.
    let briefs: Vec<Vec<Brief>> = pool.install(|| {
        records
            .par_iter()
            .map(|record| systems.iter().map(|&system| write_brief(&summarizer, &scorer, record, system)).collect())
            .collect()
    });
    let wall_seconds = started.elapsed().as_secs_f64();

    if let Some(path) = &args.per_doc {
        write_per_doc(path, &records, &systems, &briefs)?;
    }
    let reports: Vec<SystemReport> = systems
        .iter()
        .enumerate()
        .map(|(k, &system)| SystemReport::new(system, briefs.iter().map(|doc| &doc[k])))
        .collect();
    let run = RunInfo {
        data: &args.data,
        docs: records.len(),
        options: &args.options,
        language: fixed_language.map_or("auto", Language::name),
        tokenizer: args.tokenizer,
        budget,
        threads,
        wall_seconds,
    };
    let output = match args.format {
        Format::Json => format!("{}\n", json_report(&run, &reports)?),
        Format::Markdown => markdown_report(&run, &reports),
        Format::Text => text_report(&run, &reports),
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
        System::Nutgraf => summarizer.summarize(&record.text),
        System::Lead => lead(summarizer, &record.text),
    };
    let seconds = started.elapsed().as_secs_f64();
    let text = summary.to_text();
    let scores = scorer.score_multi(&record.references, &text);
    Brief { words: text.split_whitespace().count(), text, seconds, scores }
}

/// LEAD-N: the first sentences of nutgraf's split in order, skipping a detected headline, under the
/// summarizer's budget with the selector's rules (a ratio of all the sentences; whole sentences that
/// fit a word budget, skipping any that would overflow it).
fn lead(summarizer: &Summarizer, text: &str) -> Summary {
    let analysis = summarizer.analyze(text);
    let total = analysis.sentences.len();
    let budget = summarizer.budget();
    let limit = budget.sentence_limit(total);
    let word_limit = match budget {
        Budget::Words(words) => words,
        _ => usize::MAX,
    };
    let mut words = 0usize;
    let mut sentences = Vec::new();
    for (index, span) in analysis.sentences.iter().enumerate() {
        if sentences.len() >= limit {
            break;
        }
        let sentence_words = analysis.document.word_count(index);
        if Some(index) == analysis.noise.headline || words.saturating_add(sentence_words) > word_limit {
            continue;
        }
        words += sentence_words;
        sentences.push(SummarySentence {
            index,
            start: span.start,
            end: span.end,
            score: 1.0,
            text: span.text(text).to_string(),
        });
    }
    Summary { sentences, total_sentences: total, language: analysis.language.name() }
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

/// One system's figures over the data set.
struct SystemReport {
    system: System,
    mean: RougeScores,
    mean_words: f64,
    timing: Timing,
}

impl SystemReport {
    fn new<'a>(system: System, briefs: impl Iterator<Item = &'a Brief>) -> Self {
        let mut aggregate = RougeAggregate::new();
        let mut words = 0usize;
        let mut seconds = Vec::new();
        for brief in briefs {
            aggregate.add(&brief.scores);
            words += brief.words;
            seconds.push(brief.seconds);
        }
        let docs = aggregate.docs().max(1) as f64;
        SystemReport { system, mean: aggregate.mean(), mean_words: words as f64 / docs, timing: Timing::new(seconds) }
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
    threads: usize,
    wall_seconds: f64,
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
            "F1 ×100, mean over documents ({}); ms/doc: time to write one brief, \
             mean (median). Wall time {:.2} s on {} thread(s).",
            self.tokenizer.description(),
            self.wall_seconds,
            self.threads
        )
    }
}

fn text_report(run: &RunInfo, reports: &[SystemReport]) -> String {
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
    let _ = writeln!(out, "{}", run.footer());
    out
}

fn markdown_report(run: &RunInfo, reports: &[SystemReport]) -> String {
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
    let _ = writeln!(out, "\n{}", run.footer());
    out
}

fn json_report(run: &RunInfo, reports: &[SystemReport]) -> anyhow::Result<String> {
    #[derive(Serialize)]
    struct Report<'a> {
        data: String,
        docs: usize,
        preset: &'a str,
        config: Option<String>,
        language: &'a str,
        budget: Budget,
        threads: usize,
        wall_seconds: f64,
        systems: Vec<SystemJson<'a>>,
    }
    #[derive(Serialize)]
    struct SystemJson<'a> {
        system: &'a str,
        #[serde(flatten)]
        scores: RougeScores,
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
        data: run.data.display().to_string(),
        docs: run.docs,
        preset: run.options.preset.name(),
        config: run.options.config.as_ref().map(|c| c.display().to_string()),
        language: run.language,
        budget: run.budget,
        threads: run.threads,
        wall_seconds: run.wall_seconds,
        systems: reports
            .iter()
            .map(|report| SystemJson {
                system: report.system.name(),
                scores: report.mean,
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
