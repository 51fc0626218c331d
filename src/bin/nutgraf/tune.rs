//! `nutgraf tune`: searches a grid of configurations on dev data and ranks them by ROUGE.
//!
//! Each document is split, analyzed and checked for boilerplate once; every configuration then only
//! re-scores and re-selects it, and a brief already scored for a document (many configurations pick the
//! same sentences) is not scored again. A few hundred configurations over the dev sets take seconds.
//!
//! Ties are common (different settings often pick the same sentences everywhere), so the ranking breaks
//! them deterministically: among equal objectives, the configuration that differs from the base one
//! (`--preset` / `--config`) in the fewest searched settings comes first, then the earlier in grid order.
//! The shipped presets are therefore reproduced by their own grids whenever they are among the best.
//!
//! The ranked table goes to stderr and the best configuration, as TOML, alone to stdout, so that
//! `nutgraf tune … > best.toml` gives a file for `--config`.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use anyhow::{Context, bail};
use clap::{Args, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use nutgraf::eval::{Metric, RougeAggregate, RougeScorer, RougeScores};
use nutgraf::render::Format;
use nutgraf::{Analysis, Budget, Config, Summarizer};
use rayon::prelude::*;
use serde_json::Value;

use crate::EXIT_OK;
use crate::dataset::{Record, read_records};
use crate::options::SummaryOptions;

/// The grid searched when no `--grid` file is given: the factors that matter most for news.
const DEFAULT_GRID: &str = r#"
similarity = ["cosine", "word-overlap"]
[weights]
position = [0.0, 0.5, 1.0, 1.5, 2.0]
forward = [0.0, 0.5, 1.0]
textrank = [0.0, 0.5, 1.0]
headline = [0.0, 1.0]
"#;

#[derive(Args, Debug)]
pub struct TuneArgs {
    /// Dev data sets (JSON Lines with `text` and `summary`/`summaries`); the objective averages over them.
    #[arg(value_name = "DATA.jsonl", required = true)]
    data: Vec<PathBuf>,
    #[command(flatten)]
    options: SummaryOptions,
    /// Grid (TOML): each setting that holds a list is searched over its values, e.g.
    /// `similarity = ["cosine", "bm25"]` or `[weights] position = [0.5, 1.0]`; plain values are fixed.
    /// Unset settings come from --preset / --config.
    #[arg(long, value_name = "FILE")]
    grid: Option<PathBuf>,
    /// What to maximize: one metric's F1 or the `mean` of R-1, R-2 and R-Lsum, averaged over the data
    /// sets; with --target, the smallest margin over the targets instead.
    #[arg(long, value_enum, default_value = "mean")]
    objective: Objective,
    /// Scores to beat, `R1/R2/RLsum`, one per data set in the same order: the ranking then maximizes the
    /// smallest margin (score − target) over every data set and metric, so the best configuration is
    /// the one that clears every target by the most.
    #[arg(long, value_name = "R1/R2/RLSUM", value_parser = parse_target)]
    target: Vec<[f64; 3]>,
    /// How many configurations to list.
    #[arg(long, default_value_t = 10, value_name = "K")]
    top: usize,
    /// `text`: a ranked table on stderr and the best configuration alone, as TOML, on stdout (so that
    /// `> best.toml` gives a file for --config); `json`: every configuration's figures, in ranked order.
    #[arg(long, short = 'f', default_value = "text", value_parser = crate::parse_format)]
    format: Format,
    /// Worker threads (default: all cores). The ranking is identical for every value.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,
    /// How ROUGE cuts texts into tokens: `rouge-score` (English, stemmed) or `unicode` (any language).
    #[arg(long, value_enum, default_value = "rouge-score", value_name = "NAME")]
    tokenizer: crate::options::TokenizerChoice,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Objective {
    Rouge1,
    Rouge2,
    RougeL,
    RougeLsum,
    /// The mean of R-1, R-2 and R-Lsum F1.
    Mean,
}

impl Objective {
    fn of(self, scores: &RougeScores) -> f64 {
        match self {
            Objective::Rouge1 => scores[Metric::Rouge1].f1,
            Objective::Rouge2 => scores[Metric::Rouge2].f1,
            Objective::RougeL => scores[Metric::RougeL].f1,
            Objective::RougeLsum => scores[Metric::RougeLsum].f1,
            Objective::Mean => {
                (scores[Metric::Rouge1].f1 + scores[Metric::Rouge2].f1 + scores[Metric::RougeLsum].f1) / 3.0
            }
        }
    }
}

/// A fixed setting of the grid: a config path and its value.
type Override = (Vec<String>, Value);

/// One configuration of the grid, with the searched settings that made it.
struct GridPoint {
    settings: Vec<(String, Value)>,
    config: Config,
}

/// One grid dimension: a config path and its values.
struct Dimension {
    path: Vec<String>,
    values: Vec<Value>,
}

/// One data set, analyzed once.
struct Prepared {
    name: String,
    records: Vec<Record>,
    /// Each record's document where it is not its plain text (a title, HTML): what `--jsonl` reads.
    documents: Vec<Option<nutgraf::Document>>,
    analyses: Vec<Analysis>,
    /// Scores of briefs already seen, per document, keyed by the chosen sentence indices.
    seen: Vec<Mutex<HashMap<Vec<usize>, RougeScores>>>,
}

/// One configuration's result.
struct Trial {
    /// Position in grid order.
    order: usize,
    /// How many searched settings differ from the base configuration's value.
    distance: usize,
    settings: Vec<(String, Value)>,
    config: Config,
    /// Mean scores per data set, ×100.
    means: Vec<RougeScores>,
    objective: f64,
}

pub fn run(args: TuneArgs) -> anyhow::Result<u8> {
    let base = args.options.config()?;
    let budget = args.options.budget();
    let fixed_language = args.options.fixed_language()?;
    let summarizer = args.options.summarizer(Some(base.clone()), budget)?.build()?;
    let grid_text = match &args.grid {
        Some(path) => {
            std::fs::read_to_string(path).with_context(|| format!("{}: cannot read the grid", path.display()))?
        }
        None => DEFAULT_GRID.to_string(),
    };
    let (fixed, dimensions) = parse_grid(&grid_text).with_context(|| match &args.grid {
        Some(path) => format!("{}: bad grid", path.display()),
        None => "built-in grid".to_string(),
    })?;
    let configs = expand(&base, &fixed, &dimensions)?;
    let base_value = serde_json::to_value(&base)?;
    if let Some(point) = configs.iter().find(|point| point.config.language != base.language) {
        bail!("the grid sets language = {}; pass --language {} instead", point.config.language, point.config.language);
    }
    let threads = args.threads.map_or_else(crate::default_threads, usize::from);
    let pool = crate::worker_pool(threads)?;
    let sample = args.data.first().and_then(|path| std::fs::read_to_string(path).ok());
    let sample = sample.as_deref().and_then(|text| text.lines().next()).and_then(|line| {
        serde_json::from_str::<serde_json::Value>(line).ok()?.get("text")?.as_str().map(str::to_string)
    });
    let scorer = args.tokenizer.scorer(fixed_language, sample.as_deref());
    if !args.target.is_empty() && args.target.len() != args.data.len() {
        bail!("give one --target per data set ({} data sets, {} targets)", args.data.len(), args.target.len());
    }

    let sets: Vec<Prepared> =
        args.data.iter().map(|path| prepare(path, &summarizer, &pool)).collect::<anyhow::Result<_>>()?;
    let progress = progress_bar(configs.len());
    let mut trials: Vec<Trial> = configs
        .into_iter()
        .enumerate()
        .map(|(order, GridPoint { settings, config })| {
            let means: Vec<RougeScores> =
                sets.iter().map(|set| evaluate(set, &summarizer, &scorer, &config, budget, &pool)).collect();
            let objective = if args.target.is_empty() {
                means.iter().map(|m| args.objective.of(m)).sum::<f64>() / means.len() as f64
            } else {
                smallest_margin(&means, &args.target)
            };
            if let Some(bar) = &progress {
                bar.inc(1);
            }
            let distance = distance_from(&base_value, &settings);
            Trial { order, distance, settings, config, means, objective }
        })
        .collect();
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    trials.sort_by(rank);

    let output = match args.format {
        Format::Json => json_report(&sets, &trials)?,
        _ => {
            let objective = if args.target.is_empty() {
                format!("{:?} F1, mean over data sets", args.objective)
            } else {
                "smallest margin over the targets".to_string()
            };
            let table = text_report(&sets, &trials, args.top, &objective);
            io::stderr().lock().write_all(table.as_bytes())?;
            trials.first().map(|best| best.config.to_toml_string()).unwrap_or_default()
        }
    };
    let stdout = io::stdout();
    let mut out = stdout.lock();
    out.write_all(output.as_bytes())?;
    out.flush()?;
    Ok(EXIT_OK)
}

/// The ranking: higher objective first; among equal objectives, the fewest settings changed from the
/// base configuration, then grid order. Total and independent of timing and thread count.
fn rank(a: &Trial, b: &Trial) -> std::cmp::Ordering {
    b.objective.total_cmp(&a.objective).then(a.distance.cmp(&b.distance)).then(a.order.cmp(&b.order))
}

/// How many of `settings` differ from their value in `base` (numbers compared as numbers, so `15` in a
/// grid equals `15.0` in a configuration).
fn distance_from(base: &Value, settings: &[(String, Value)]) -> usize {
    settings
        .iter()
        .filter(|(path, value)| {
            let current = path.split('.').try_fold(base, |node, key| node.get(key));
            !current.is_some_and(|current| same_setting(current, value))
        })
        .count()
}

fn same_setting(a: &Value, b: &Value) -> bool {
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}

/// A bar over the configurations on stderr when it is a terminal.
fn progress_bar(configurations: usize) -> Option<ProgressBar> {
    if !io::stderr().is_terminal() {
        return None;
    }
    let style = ProgressStyle::with_template("tuning {bar:40} {pos}/{len} configurations, eta {eta}")
        .unwrap_or_else(|_| ProgressStyle::default_bar());
    Some(ProgressBar::new(configurations as u64).with_style(style))
}

/// The smallest of score − target over every data set and metric (R-1, R-2, R-Lsum).
fn smallest_margin(means: &[RougeScores], targets: &[[f64; 3]]) -> f64 {
    means
        .iter()
        .zip(targets)
        .flat_map(|(mean, target)| {
            [Metric::Rouge1, Metric::Rouge2, Metric::RougeLsum].into_iter().zip(target).map(|(m, t)| mean[m].f1 - t)
        })
        .fold(f64::INFINITY, f64::min)
}

fn parse_target(s: &str) -> Result<[f64; 3], String> {
    let numbers: Vec<f64> =
        s.split('/').map(|x| x.trim().parse::<f64>()).collect::<Result<_, _>>().map_err(|e| format!("{s:?}: {e}"))?;
    <[f64; 3]>::try_from(numbers).map_err(|_| format!("{s:?}: expected R1/R2/RLsum, e.g. 40.74/18.96/37.12"))
}

/// Splits the grid into fixed settings and searched dimensions (lists), both as config paths.
fn parse_grid(text: &str) -> anyhow::Result<(Vec<Override>, Vec<Dimension>)> {
    let table: toml::Table = toml::from_str(text)?;
    let value = serde_json::to_value(table)?;
    let mut fixed = Vec::new();
    let mut dimensions = Vec::new();
    flatten(&value, &mut Vec::new(), &mut fixed, &mut dimensions)?;
    Ok((fixed, dimensions))
}

fn flatten(
    value: &Value,
    path: &mut Vec<String>,
    fixed: &mut Vec<Override>,
    dimensions: &mut Vec<Dimension>,
) -> anyhow::Result<()> {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                // Dotted keys ("weights.position") and nested tables mean the same.
                let depth = path.len();
                path.extend(key.split('.').map(str::to_string));
                flatten(child, path, fixed, dimensions)?;
                path.truncate(depth);
            }
        }
        Value::Array(values) if values.is_empty() => bail!("{} has no values", path.join(".")),
        Value::Array(values) => dimensions.push(Dimension { path: path.clone(), values: values.clone() }),
        other => fixed.push((path.clone(), other.clone())),
    }
    Ok(())
}

/// Every combination of the dimensions, applied over the base config and the fixed settings.
fn expand(base: &Config, fixed: &[Override], dimensions: &[Dimension]) -> anyhow::Result<Vec<GridPoint>> {
    let mut base_value = serde_json::to_value(base)?;
    for (path, value) in fixed {
        set_path(&mut base_value, path, value.clone())?;
    }
    let total: usize = dimensions.iter().map(|d| d.values.len()).product();
    if total > 100_000 {
        bail!("the grid has {total} combinations; keep it under 100000");
    }
    let mut out = Vec::with_capacity(total);
    for mut combination in 0..total {
        let mut value = base_value.clone();
        let mut settings = Vec::with_capacity(dimensions.len());
        for dimension in dimensions.iter().rev() {
            let choice = &dimension.values[combination % dimension.values.len()];
            combination /= dimension.values.len();
            set_path(&mut value, &dimension.path, choice.clone())?;
            settings.push((dimension.path.join("."), choice.clone()));
        }
        settings.reverse();
        let config: Config = serde_json::from_value(value).with_context(|| describe(&settings))?;
        config.validate().with_context(|| describe(&settings))?;
        out.push(GridPoint { settings, config });
    }
    Ok(out)
}

fn describe(settings: &[(String, Value)]) -> String {
    let parts: Vec<String> = settings.iter().map(|(k, v)| format!("{k}={v}")).collect();
    format!("invalid configuration {}", parts.join(" "))
}

fn set_path(value: &mut Value, path: &[String], new: Value) -> anyhow::Result<()> {
    let mut slot = value;
    for (depth, key) in path.iter().enumerate() {
        slot = match slot.as_object_mut().and_then(|map| map.get_mut(key)) {
            Some(child) => child,
            None => bail!("unknown setting {}", path[..=depth].join(".")),
        };
    }
    *slot = new;
    Ok(())
}

fn prepare(path: &Path, summarizer: &Summarizer, pool: &rayon::ThreadPool) -> anyhow::Result<Prepared> {
    let records = read_records(path)?;
    let documents: Vec<Option<nutgraf::Document>> = pool.install(|| records.par_iter().map(Record::document).collect());
    let analyses: Vec<Analysis> = pool.install(|| {
        records
            .par_iter()
            .zip(&documents)
            .map(|(record, document)| match document {
                Some(document) => summarizer.analyze_document(document),
                None => summarizer.analyze(&record.text),
            })
            .collect()
    });
    let seen = records.iter().map(|_| Mutex::new(HashMap::new())).collect();
    let name = path.file_stem().map_or_else(|| path.display().to_string(), |s| s.to_string_lossy().into_owned());
    let name = match path.parent().and_then(Path::file_name) {
        Some(parent) => format!("{}/{name}", parent.to_string_lossy()),
        None => name,
    };
    Ok(Prepared { name, records, documents, analyses, seen })
}

/// Mean ROUGE (×100) of one configuration over one data set.
fn evaluate(
    set: &Prepared,
    summarizer: &Summarizer,
    scorer: &RougeScorer,
    config: &Config,
    budget: Budget,
    pool: &rayon::ThreadPool,
) -> RougeScores {
    let per_doc: Vec<RougeScores> = pool.install(|| {
        (0..set.records.len())
            .into_par_iter()
            .map(|i| {
                let (record, analysis) = (&set.records[i], &set.analyses[i]);
                let text = set.documents[i].as_ref().map_or(record.text.as_str(), |document| document.text.as_str());
                // With detection, a text is analyzed in its own language: the grid's settings apply in it.
                let detected = analysis.language.supported().filter(|&language| language != config.language);
                let adjusted = detected.map(|language| {
                    let mut adjusted = config.clone();
                    adjusted.language = language;
                    adjusted
                });
                let config = adjusted.as_ref().unwrap_or(config);
                // The grid's configurations were validated when it was read, the language is the
                // analysis's, and the budget was checked by the command line: neither call fails.
                let summary = summarizer
                    .score(analysis, config)
                    .and_then(|scoring| summarizer.select(text, analysis, &scoring, config, budget))
                    .unwrap_or_default();
                let key: Vec<usize> = summary.sentences.iter().map(|s| s.index).collect();
                // Each document's cache is only ever used by the thread scoring that document.
                let mut seen = set.seen[i].lock().unwrap_or_else(std::sync::PoisonError::into_inner);
                *seen.entry(key).or_insert_with(|| scorer.score_multi(&record.references, &summary.to_text()))
            })
            .collect()
    });
    per_doc.into_iter().collect::<RougeAggregate>().mean()
}

fn text_report(sets: &[Prepared], trials: &[Trial], top: usize, objective: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} configurations on {}; objective: {objective}",
        trials.len(),
        sets.iter().map(|s| format!("{} ({} docs)", s.name, s.records.len())).collect::<Vec<_>>().join(", "),
    );
    for (rank, trial) in trials.iter().take(top).enumerate() {
        let settings: Vec<String> = trial.settings.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let _ = writeln!(out, "#{:<3} objective {:.3}  {}", rank + 1, trial.objective, settings.join(" "));
        for (set, mean) in sets.iter().zip(&trial.means) {
            let _ = writeln!(
                out,
                "       {:<28} R-1 {:6.2}  R-2 {:6.2}  R-L {:6.2}  R-Lsum {:6.2}",
                set.name,
                mean[Metric::Rouge1].f1,
                mean[Metric::Rouge2].f1,
                mean[Metric::RougeL].f1,
                mean[Metric::RougeLsum].f1
            );
        }
    }
    if let Some(best) = trials.first() {
        let ties = trials.iter().filter(|t| t.objective == best.objective).count();
        let settings: Vec<String> = best.settings.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let _ = writeln!(
            out,
            "\nbest: {} ({} configuration(s) tie at the top; ties go to the fewest settings changed from the \
             base configuration, then grid order); its TOML is on stdout",
            settings.join(" "),
            ties
        );
    }
    out
}

fn json_report(sets: &[Prepared], trials: &[Trial]) -> anyhow::Result<String> {
    let rows: Vec<Value> = trials
        .iter()
        .map(|trial| {
            let data: serde_json::Map<String, Value> = sets
                .iter()
                .zip(&trial.means)
                .map(|(set, mean)| {
                    let metrics: serde_json::Map<String, Value> =
                        Metric::ALL.iter().map(|&m| (m.name().to_string(), Value::from(mean[m].f1))).collect();
                    (set.name.clone(), Value::Object(metrics))
                })
                .collect();
            let settings: serde_json::Map<String, Value> = trial.settings.iter().cloned().collect();
            serde_json::json!({ "objective": trial.objective, "settings": settings, "scores": data })
        })
        .collect();
    Ok(format!("{}\n", serde_json::to_string(&rows)?))
}
