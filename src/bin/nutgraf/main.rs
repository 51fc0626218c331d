//! The `nutgraf` command: a thin layer over the library that parses flags, reads input and renders.

mod batch;
mod dataset;
mod eval;
mod input;
mod keywords;
mod options;
mod tune;

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use nutgraf::render::{Format, render};
use nutgraf::{KeywordExtractor, Summarizer};

use input::{Source, read_text};
use options::SummaryOptions;

/// Exit code: everything worked.
const EXIT_OK: u8 = 0;
/// Exit code: some batch records could not be summarized (each has an error record in its place).
const EXIT_RECORD_ERRORS: u8 = 1;
/// Exit code: bad usage, or an input that could not be read as text.
const EXIT_USAGE: u8 = 2;

#[derive(Parser, Debug)]
#[command(
    name = "nutgraf",
    version,
    about = "Finds the sentences that say what an article is about.",
    long_about = "Finds the sentences that say what an article is about: an extractive summarizer that \
                  prints the most central sentences of a text, verbatim and in their original order, and \
                  leaves out web boilerplate (subscription prompts, photo credits, share lines).",
    after_help = "Examples:\n  nutgraf article.txt\n  curl -s URL | html2text | nutgraf -n 2 --format json\n  \
                  nutgraf --jsonl corpus.jsonl > briefs.jsonl\n  nutgraf split article.txt\n  \
                  nutgraf eval data.jsonl --baseline lead\n\nExit codes: 0 success; 1 some --jsonl records \
                  failed (each has an error record); 2 bad usage or unreadable input.",
    args_conflicts_with_subcommands = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    summarize: SummarizeArgs,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Print the sentences the splitter finds, one per line (the tool for tuning the splitter).
    Split(SplitArgs),
    /// Summarize a JSON Lines data set and score the briefs against its references with ROUGE.
    ///
    /// ROUGE-1, -2, -L and -Lsum F1 ×100, averaged over documents, computed as Google's rouge-score
    /// 0.1.2 computes them with stemming; optionally next to the LEAD baseline on the same records.
    Eval(eval::EvalArgs),
    /// Search a grid of scoring configurations on dev data and rank them by ROUGE.
    Tune(tune::TuneArgs),
    /// Print the keyphrases of a text, best first: multi-word phrases as the text writes them.
    Keywords(keywords::KeywordsArgs),
    /// Extract keyphrases for a JSON Lines data set and score them against its human keyphrases.
    ///
    /// F1@k ×100 over all gold phrases and over those present in the text, averaged over documents,
    /// exactly as `kw_score.py` computes it (lower-case, Porter-stemmed exact match).
    EvalKeywords(keywords::EvalKeywordsArgs),
}

#[derive(Args, Debug)]
struct SummarizeArgs {
    /// Files to summarize; none or `-` reads stdin. Several files give one brief each under a header.
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,
    #[command(flatten)]
    options: SummaryOptions,
    /// Output format.
    #[arg(long, short = 'f', default_value = "text", value_parser = parse_format)]
    format: Format,
    /// Batch mode: each input line is {"id": ..., "text": ...}; each output line is
    /// {"id", "summary", "sentences"}, in input order.
    #[arg(long)]
    jsonl: bool,
    /// Worker threads for --jsonl (default: all cores). Output is identical for every value.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,
    /// Replace invalid UTF-8 with U+FFFD (and accept NUL bytes) instead of refusing the input.
    #[arg(long)]
    lossy: bool,
    /// Print the configuration in effect (TOML) and exit.
    #[arg(long)]
    print_config: bool,
    /// Also extract N keyphrases: a "keyphrases" field in JSON and --jsonl output, a list after the
    /// brief in text and Markdown.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    keywords: Option<u32>,
    /// Largest --jsonl record line, in bytes; longer lines get an error record. Hidden: it exists so that
    /// tests can exercise the limit without writing a 64 MB line.
    #[arg(long, hide = true, value_name = "BYTES", default_value_t = batch::MAX_RECORD_BYTES)]
    max_record_bytes: usize,
}

#[derive(Args, Debug)]
struct SplitArgs {
    /// File to split; none or `-` reads stdin.
    #[arg(value_name = "FILE")]
    file: Option<PathBuf>,
    /// Language of the text (abbreviations differ).
    #[arg(long, short = 'l', default_value = "english", value_parser = options::parse_language)]
    language: nutgraf::Language,
    /// `text`: one sentence per line; `json`: one object per sentence with its byte span and layout.
    #[arg(long, short = 'f', default_value = "text", value_parser = parse_format)]
    format: Format,
    /// Replace invalid UTF-8 with U+FFFD instead of refusing the input.
    #[arg(long)]
    lossy: bool,
}

fn parse_format(s: &str) -> Result<Format, String> {
    s.parse().map_err(|e: nutgraf::Error| e.to_string())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Split(args)) => run_split(args),
        Some(Command::Eval(args)) => eval::run(args),
        Some(Command::Tune(args)) => tune::run(args),
        Some(Command::Keywords(args)) => keywords::run(args),
        Some(Command::EvalKeywords(args)) => keywords::run_eval(args),
        None => run_summarize(cli.summarize),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(err) if is_broken_pipe(&err) => ExitCode::from(EXIT_OK),
        Err(err) => {
            eprintln!("nutgraf: {err:#}");
            ExitCode::from(EXIT_USAGE)
        }
    }
}

/// A closed stdout (`nutgraf big.txt | head -1`) ends the run quietly.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| cause.downcast_ref::<io::Error>().is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe))
}

fn run_summarize(args: SummarizeArgs) -> anyhow::Result<u8> {
    let config = args.options.config()?;
    if args.print_config {
        io::stdout().lock().write_all(config.to_toml_string().as_bytes())?;
        return Ok(EXIT_OK);
    }
    let language = config.language;
    let summarizer = Summarizer::builder().config(config).budget(args.options.budget()).build()?;
    let extractor = match args.keywords {
        Some(count) => Some(KeywordExtractor::builder().language(language).count(count as usize).build()?),
        None => None,
    };
    let sources: Vec<Source> = if args.files.is_empty() {
        vec![Source::Stdin]
    } else {
        args.files.iter().map(|f| Source::from_arg(f)).collect()
    };
    if args.jsonl {
        let threads = args.threads.map_or_else(default_threads, usize::from);
        let job = batch::brief_job(&summarizer, extractor.as_ref());
        return batch::run(&job, &sources, threads, args.format, args.max_record_bytes);
    }
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut code = EXIT_OK;
    let with_headers = sources.len() > 1;
    for (k, source) in sources.iter().enumerate() {
        let text = match read_text(source, args.lossy) {
            Ok(text) => text,
            Err(err) => {
                out.flush()?;
                eprintln!("nutgraf: {err}");
                code = EXIT_USAGE;
                continue;
            }
        };
        let (summary, keyphrases) = match &extractor {
            Some(extractor) => {
                let (summary, keyphrases) = extractor.summarize_and_extract(&summarizer, &text);
                (summary, Some(keyphrases))
            }
            None => (summarizer.summarize(&text), None),
        };
        match (with_headers, args.format) {
            (true, Format::Json) => {
                writeln!(out, "{}", brief_json(&summary, keyphrases.as_deref(), Some(source))?)?;
                continue;
            }
            (false, Format::Json) if keyphrases.is_some() => {
                writeln!(out, "{}", brief_json(&summary, keyphrases.as_deref(), None)?)?;
                continue;
            }
            (true, Format::Markdown) => {
                write!(out, "{}## {source}\n\n{}", if k > 0 { "\n" } else { "" }, render(&summary, args.format))?;
            }
            (true, Format::Text) => {
                write!(out, "{}==> {source} <==\n{}", if k > 0 { "\n" } else { "" }, render(&summary, args.format))?;
            }
            (false, format) => out.write_all(render(&summary, format).as_bytes())?,
        }
        if let Some(keyphrases) = &keyphrases {
            let heading = if args.format == Format::Markdown { "\n**Keyphrases**\n\n" } else { "\nKeyphrases:\n" };
            write!(out, "{heading}{}", keywords::render_list(keyphrases, args.format))?;
        }
    }
    out.flush()?;
    Ok(code)
}

/// A brief as JSON, with its keyphrases and the file it came from when there are several.
fn brief_json(
    summary: &nutgraf::Summary,
    keyphrases: Option<&[nutgraf::Keyphrase]>,
    source: Option<&Source>,
) -> anyhow::Result<serde_json::Value> {
    let mut value = serde_json::to_value(summary)?;
    if let Some(object) = value.as_object_mut() {
        if let Some(keyphrases) = keyphrases {
            object.insert("keyphrases".into(), serde_json::to_value(keyphrases)?);
        }
        if let Some(source) = source {
            object.insert("file".into(), serde_json::Value::String(source.to_string()));
        }
    }
    Ok(value)
}

fn run_split(args: SplitArgs) -> anyhow::Result<u8> {
    let source = args.file.as_deref().map_or(Source::Stdin, Source::from_arg);
    let text = match read_text(&source, args.lossy) {
        Ok(text) => text,
        Err(err) => {
            eprintln!("nutgraf: {err}");
            return Ok(EXIT_USAGE);
        }
    };
    let splitter = nutgraf::SentenceSplitter::new(args.language);
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    for (index, sentence) in splitter.split(&text).iter().enumerate() {
        match args.format {
            Format::Json => {
                let mut value = serde_json::to_value(sentence)?;
                if let Some(object) = value.as_object_mut() {
                    object.insert("index".into(), index.into());
                    object.insert("text".into(), sentence.text(&text).into());
                }
                writeln!(out, "{value}")?;
            }
            Format::Markdown => writeln!(out, "- {}", fold(sentence.text(&text)))?,
            Format::Text => writeln!(out, "{}", fold(sentence.text(&text)))?,
        }
    }
    out.flush()?;
    Ok(EXIT_OK)
}

fn fold(text: &str) -> String {
    if text.contains(['\n', '\r']) { text.split_whitespace().collect::<Vec<_>>().join(" ") } else { text.to_string() }
}

fn default_threads() -> usize {
    std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
}
