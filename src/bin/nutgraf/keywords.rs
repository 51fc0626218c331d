//! `nutgraf keywords` (keyphrases of files, stdin or a JSON Lines batch) and `nutgraf eval-keywords`
//! (scoring them against human keyphrases exactly as `kw_score.py` does).

use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::PathBuf;
use std::time::Instant;

use anyhow::Context;
use clap::Args;
use nutgraf::eval::KeyphraseGold;
use nutgraf::render::Format;
use nutgraf::{Document, Keyphrase, KeywordExtractor, Language, Summarizer};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use serde_json::value::RawValue;

use crate::input::Source;
use crate::options::LanguageChoice;
use crate::{EXIT_OK, EXIT_USAGE, batch, options};

#[derive(Args, Debug)]
pub struct KeywordsArgs {
    /// Files to read; none or `-` reads stdin. Several files give one list each under a header. An
    /// argument that starts with http:// or https:// is a web page to fetch; HTML and Markdown are read
    /// as documents (by extension or content), as for summarizing.
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,
    /// How many keyphrases, at most.
    #[arg(short = 'k', long = "count", value_name = "N", default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..))]
    count: u32,
    /// Language of the text (its stop words and stemmer), or `auto` [default]: detected for each text.
    #[arg(long, short = 'l', value_name = "LANG", value_parser = options::parse_language_choice)]
    language: Option<LanguageChoice>,
    /// `text`: one keyphrase per line; `json`: one object with each keyphrase's score and byte spans.
    #[arg(long, short = 'f', default_value = "text", value_parser = crate::parse_format)]
    format: Format,
    /// Batch mode: each input line is {"id": ..., "text": ...}; each output line is {"id", "keyphrases"},
    /// in input order (the keyphrases as strings, best first: what `kw_score.py` reads).
    #[arg(long)]
    jsonl: bool,
    /// Worker threads for --jsonl (default: all cores). Output is identical for every value.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,
    /// Replace invalid UTF-8 with U+FFFD (and accept NUL bytes) instead of refusing the input.
    #[arg(long)]
    lossy: bool,
}

#[derive(Serialize)]
struct KeyphraseRecord<'a> {
    id: &'a RawValue,
    keyphrases: Vec<&'a str>,
}

/// Extracts with the summarizer's analysis, so that lines of certain boilerplate (subscription
/// prompts, share lines) give no keyphrases: the command's extraction, in `keywords` and `eval-keywords`.
struct CommandExtractor {
    summarizer: Summarizer,
    extractor: KeywordExtractor,
}

impl CommandExtractor {
    /// In `language`, or in each text's own for `None`.
    fn new(language: Option<Language>, count: usize) -> anyhow::Result<Self> {
        let (summarizer, extractor) = match language {
            Some(language) => (
                Summarizer::builder().language(language).build()?,
                KeywordExtractor::builder().language(language).count(count).build()?,
            ),
            None => (Summarizer::builder().build()?, KeywordExtractor::builder().count(count).build()?),
        };
        Ok(CommandExtractor { summarizer, extractor })
    }

    fn extract(&self, document: &Document) -> Vec<Keyphrase> {
        self.extractor.extract_from(&self.summarizer.analyze_document(document), &document.text)
    }
}

pub fn run(args: KeywordsArgs) -> anyhow::Result<u8> {
    let language = match args.language {
        Some(LanguageChoice::Fixed(language)) => Some(language),
        Some(LanguageChoice::Auto) | None => None,
    };
    let extractor = CommandExtractor::new(language, args.count as usize)?;
    let sources: Vec<Source> = if args.files.is_empty() {
        vec![Source::Stdin]
    } else {
        args.files.iter().map(|f| Source::from_arg(f)).collect()
    };
    if args.jsonl {
        let threads = args.threads.map_or_else(crate::default_threads, usize::from);
        let job = |id: &RawValue, document: &Document| {
            let keyphrases = extractor.extract(document);
            serde_json::to_string(&KeyphraseRecord {
                id,
                keyphrases: keyphrases.iter().map(|k| k.text.as_str()).collect(),
            })
        };
        return batch::run(&job, &sources, threads, args.format, batch::MAX_RECORD_BYTES, batch::Reading::default());
    }
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut code = EXIT_OK;
    let with_headers = sources.len() > 1;
    for (k, source) in sources.iter().enumerate() {
        let document = match crate::read_input(source, args.lossy, &crate::fetch::FetchOptions::default(), None, None) {
            Ok(document) => document,
            Err(err) => {
                out.flush()?;
                eprintln!("nutgraf: {err}");
                code = EXIT_USAGE;
                continue;
            }
        };
        let keyphrases = extractor.extract(&document);
        match args.format {
            Format::Json => {
                let mut value = serde_json::json!({ "keyphrases": keyphrases });
                if let (true, Some(object)) = (with_headers, value.as_object_mut()) {
                    object.insert("file".into(), Value::String(source.to_string()));
                }
                writeln!(out, "{value}")?;
            }
            format => {
                if with_headers {
                    let header =
                        if format == Format::Markdown { format!("## {source}\n") } else { format!("==> {source} <==") };
                    writeln!(out, "{}{header}", if k > 0 { "\n" } else { "" })?;
                }
                out.write_all(render_list(&keyphrases, format).as_bytes())?;
            }
        }
    }
    out.flush()?;
    Ok(code)
}

/// Keyphrases as text (one a line) or a Markdown list.
pub fn render_list(keyphrases: &[Keyphrase], format: Format) -> String {
    let bullet = if format == Format::Markdown { "- " } else { "" };
    keyphrases.iter().map(|k| format!("{bullet}{}\n", k.text)).collect()
}

#[derive(Args, Debug)]
pub struct EvalKeywordsArgs {
    /// Data set, JSON Lines: {"id", "text", "keyphrases": [gold, ...]} per line (optionally
    /// "keyphrase_variants": [[variant, ...], ...]).
    #[arg(value_name = "DATA.jsonl")]
    data: PathBuf,
    /// Score this system output ({"id", "keyphrases": [ranked, ...]} per line) instead of nutgraf's.
    #[arg(long, value_name = "SYS.jsonl")]
    system: Option<PathBuf>,
    /// The cut-offs k, comma-separated.
    #[arg(long, value_name = "K,...", default_value = "5,10,15", value_delimiter = ',', value_parser = clap::value_parser!(u32).range(1..))]
    k: Vec<u32>,
    /// Language of the texts (for nutgraf's extraction).
    #[arg(long, short = 'l', value_name = "LANG", default_value = "english", value_parser = options::parse_language)]
    language: Language,
    /// Write nutgraf's keyphrases as JSON Lines ({"id", "keyphrases"}) to FILE.
    #[arg(long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// `text` (a table) or `json` (one object with every figure, as `kw_score.py` prints it).
    #[arg(long, short = 'f', default_value = "text", value_parser = crate::parse_format)]
    format: Format,
    /// Worker threads (default: all cores). The scores are identical for every value.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,
}

#[derive(Deserialize)]
struct DataRecord {
    id: Value,
    #[serde(default)]
    text: String,
    #[serde(default)]
    keyphrases: Vec<String>,
    #[serde(default)]
    keyphrase_variants: Option<Vec<Vec<String>>>,
}

#[derive(Deserialize)]
struct SystemRecord {
    id: Value,
    #[serde(default)]
    keyphrases: Option<Vec<Value>>,
}

/// One document's scores: (all, present) per k.
struct DocScores {
    present_gold: bool,
    by_k: Vec<(nutgraf::eval::KeyphraseScore, nutgraf::eval::KeyphraseScore)>,
}

pub fn run_eval(args: EvalKeywordsArgs) -> anyhow::Result<u8> {
    let data = read_jsonl::<DataRecord>(&args.data)?;
    let ks: Vec<usize> = args.k.iter().map(|&k| k as usize).collect();
    let threads = args.threads.map_or_else(crate::default_threads, usize::from);
    let pool = crate::worker_pool(threads)?;
    let started = Instant::now();
    let (predictions, seconds): (Vec<Option<Vec<String>>>, Vec<f64>) = match &args.system {
        Some(path) => {
            let system = read_jsonl::<SystemRecord>(path)?;
            let by_id: std::collections::HashMap<String, Vec<String>> = system
                .into_iter()
                .map(|r| {
                    (r.id.to_string(), r.keyphrases.unwrap_or_default().into_iter().filter_map(phrase_of).collect())
                })
                .collect();
            (data.iter().map(|r| by_id.get(&r.id.to_string()).cloned()).collect(), Vec::new())
        }
        None => {
            let extractor = CommandExtractor::new(Some(args.language), ks.iter().copied().max().unwrap_or(10))?;
            pool.install(|| {
                data.par_iter()
                    .map(|r| {
                        let start = Instant::now();
                        let keyphrases: Vec<String> = extractor
                            .extract(&Document::from_text(r.text.as_str()))
                            .into_iter()
                            .map(|k| k.text)
                            .collect();
                        (Some(keyphrases), start.elapsed().as_secs_f64())
                    })
                    .unzip()
            })
        }
    };
    let wall = started.elapsed().as_secs_f64();
    if let Some(path) = &args.output {
        let mut out = io::BufWriter::new(
            std::fs::File::create(path).with_context(|| format!("{}: cannot create", path.display()))?,
        );
        for (record, keyphrases) in data.iter().zip(&predictions) {
            writeln!(
                out,
                "{}",
                serde_json::json!({ "id": record.id, "keyphrases": keyphrases.clone().unwrap_or_default() })
            )?;
        }
        out.flush()?;
    }
    let docs: Vec<DocScores> = pool.install(|| {
        data.par_iter()
            .zip(&predictions)
            .map(|(record, predicted)| {
                let gold = match &record.keyphrase_variants {
                    Some(variants) if !variants.is_empty() => {
                        KeyphraseGold::with_variants(&record.text, variants.iter().cloned())
                    }
                    _ => KeyphraseGold::new(&record.text, &record.keyphrases),
                };
                let predicted: &[String] = predicted.as_deref().unwrap_or(&[]);
                DocScores {
                    present_gold: gold.present_len() > 0,
                    by_k: ks
                        .iter()
                        .map(|&k| (gold.score(predicted, k, false), gold.score(predicted, k, true)))
                        .collect(),
                }
            })
            .collect()
    });
    let report = Report::new(&docs, &ks, &seconds);
    let output = match args.format {
        Format::Json => format!("{}\n", report.json(&args, data.len(), wall)),
        _ => report.text(&args, data.len()),
    };
    let stdout = io::stdout();
    let mut out = stdout.lock();
    out.write_all(output.as_bytes())?;
    out.flush()?;
    Ok(EXIT_OK)
}

/// A ranked prediction: a string, or a `[phrase, score]` pair read as its phrase.
fn phrase_of(value: Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s),
        Value::Array(items) => match items.into_iter().next() {
            Some(Value::String(s)) => Some(s),
            _ => None,
        },
        _ => None,
    }
}

fn read_jsonl<T: for<'de> Deserialize<'de>>(path: &std::path::Path) -> anyhow::Result<Vec<T>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("{}: cannot read", path.display()))?;
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(n, line)| {
            serde_json::from_str(line).with_context(|| format!("{}:{}: bad record", path.display(), n + 1))
        })
        .collect()
}

/// Mean figures ×100 over documents, as `kw_score.py` averages them.
struct Report {
    /// Per k: (P, R, F1) over all gold, then over present gold.
    means: Vec<([f64; 3], [f64; 3])>,
    docs_with_present: usize,
    mean_ms: Option<f64>,
}

impl Report {
    fn new(docs: &[DocScores], ks: &[usize], seconds: &[f64]) -> Report {
        let with_present: Vec<&DocScores> = docs.iter().filter(|d| d.present_gold).collect();
        let mean = |values: &mut dyn Iterator<Item = f64>, n: usize| {
            if n == 0 { 0.0 } else { 100.0 * (values.sum::<f64>() / n as f64) }
        };
        let means = (0..ks.len())
            .map(|i| {
                let all = [0, 1, 2].map(|m| mean(&mut docs.iter().map(|d| pick(&d.by_k[i].0, m)), docs.len()));
                let present = [0, 1, 2]
                    .map(|m| mean(&mut with_present.iter().map(|d| pick(&d.by_k[i].1, m)), with_present.len()));
                (all, present)
            })
            .collect();
        let mean_ms = (!seconds.is_empty()).then(|| 1000.0 * seconds.iter().sum::<f64>() / seconds.len() as f64);
        Report { means, docs_with_present: with_present.len(), mean_ms }
    }

    fn text(&self, args: &EvalKeywordsArgs, docs: usize) -> String {
        let name = args.system.as_ref().map_or_else(|| "nutgraf".to_string(), |p| p.display().to_string());
        let mut out = format!(
            "{}: {docs} documents ({} with present gold), system {name}\n",
            args.data.display(),
            self.docs_with_present
        );
        let _ = write!(out, "{:<12}", "");
        for k in &args.k {
            let _ = write!(out, " {:>8}", format!("F1@{k}"));
        }
        for k in &args.k {
            let _ = write!(out, " {:>13}", format!("F1@{k} pres"));
        }
        out.push('\n');
        let _ = write!(out, "{:<12}", "F1 x100");
        for (all, _) in &self.means {
            let _ = write!(out, " {:>8.2}", all[2]);
        }
        for (_, present) in &self.means {
            let _ = write!(out, " {:>13.2}", present[2]);
        }
        out.push('\n');
        if let Some(ms) = self.mean_ms {
            let _ = writeln!(out, "mean {ms:.3} ms/doc (split, analysis and extraction, in-process)");
        }
        out
    }

    fn json(&self, args: &EvalKeywordsArgs, docs: usize, wall: f64) -> Value {
        let mut object = serde_json::Map::new();
        object.insert("docs".into(), docs.into());
        object.insert("docs_with_present_gold".into(), self.docs_with_present.into());
        for (k, (all, present)) in args.k.iter().zip(&self.means) {
            for (m, name) in ["p", "r", "f1"].iter().enumerate() {
                object.insert(format!("{name}@{k}"), round2(all[m]).into());
                object.insert(format!("{name}@{k}_present"), round2(present[m]).into());
            }
        }
        if let Some(ms) = self.mean_ms {
            object.insert("mean_ms".into(), ms.into());
        }
        object.insert("wall_seconds".into(), wall.into());
        Value::Object(object)
    }
}

fn pick(score: &nutgraf::eval::KeyphraseScore, metric: usize) -> f64 {
    match metric {
        0 => score.precision,
        1 => score.recall,
        _ => score.f1,
    }
}

fn round2(value: f64) -> f64 {
    (value * 100.0).round_ties_even() / 100.0
}
