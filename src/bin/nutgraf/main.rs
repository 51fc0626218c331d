//! The `nutgraf` command: a thin layer over the library that parses flags, reads input and renders.

mod batch;
mod bootstrap;
mod color;
mod dataset;
mod eval;
mod fetch;
mod files;
mod idf;
mod input;
mod keywords;
mod options;
mod startup;
mod tune;

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand};
use nutgraf::render::Format;
use nutgraf::{KeywordExtractor, Summarizer};

use color::ColorChoice;

use input::{Source, document_of, read_document, read_text};
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
    after_help = "Examples:\n  nutgraf article.txt\n  nutgraf page.html\n  curl -s URL | nutgraf -n 2 --format json\n  \
                  nutgraf extract page.html\n  \
                  nutgraf --jsonl corpus.jsonl > briefs.jsonl\n  nutgraf split article.txt\n  \
                  nutgraf eval data.jsonl --baseline lead\n  nutgraf https://example.com/story\n\nExit codes: 0 \
                  success; 1 some --jsonl records failed (each has an error record; 0 with --keep-going); 2 bad usage, unreadable \
                  input, or a URL that could not be fetched.\n\n\
                  Environment: NUTGRAF_CONFIG names a file of default flags for summarizing, one per line \
                  (`#` starts a comment); flags on the command line override them. NO_COLOR turns colour \
                  off for --color auto.",
    args_conflicts_with_subcommands = true,
    args_override_self = true
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
    /// Term weights from a corpus: `nutgraf idf build corpus.jsonl > idf.bin`, then `--idf idf.bin`.
    Idf(idf::IdfArgs),
    /// Print a shell completion script, e.g. `nutgraf completions bash > ~/.local/share/bash-completion/completions/nutgraf`.
    Completions(CompletionsArgs),
    /// Print the manual page (roff), e.g. `nutgraf man > ~/.local/share/man/man1/nutgraf.1`.
    Man,
    /// Print the text the summarizer reads from an input: an HTML page's main content, a Markdown
    /// file's text; `--format json` gives the title and the blocks (kind, span, text).
    Extract(ExtractArgs),
    /// Print the keyphrases of a text, best first: multi-word phrases as the text writes them.
    Keywords(keywords::KeywordsArgs),
    /// Extract keyphrases for a JSON Lines data set and score them against its human keyphrases.
    ///
    /// F1@k ×100 over all gold phrases and over those present in the text, averaged over documents,
    /// exactly as `kw_score.py` computes it (lower-case, Porter-stemmed exact match).
    EvalKeywords(keywords::EvalKeywordsArgs),
}

#[derive(Args, Debug)]
struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    shell: clap_complete::Shell,
}

#[derive(Args, Debug)]
struct ExtractArgs {
    /// File to read; none or `-` reads stdin.
    #[arg(value_name = "FILE")]
    file: Option<PathBuf>,
    /// Input format: `auto`, `text`, `html` or `markdown` (as for summarizing).
    #[arg(long, value_name = "FORMAT", default_value = "auto", value_parser = options::parse_input_format)]
    input: options::InputChoice,
    /// `text`: the title (if any) and the text; `json`: one object with the title, the format and the
    /// blocks.
    #[arg(long, short = 'f', default_value = "text", value_parser = parse_format)]
    format: Format,
    /// Replace invalid UTF-8 with U+FFFD instead of refusing the input.
    #[arg(long)]
    lossy: bool,
}

#[derive(Args, Debug)]
struct SummarizeArgs {
    /// Files to summarize; none or `-` reads stdin. Several files give one brief each under a header. An
    /// argument that starts with http:// or https:// is a web page to fetch.
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,
    /// A web page to fetch and summarize (repeatable); its brief comes after those of the FILEs.
    #[arg(long = "url", value_name = "URL")]
    urls: Vec<String>,
    /// Timeout in seconds for connecting to a URL's server and for each part of its answer. Hidden: it
    /// exists so that tests of a slow server run fast.
    #[arg(long, hide = true, value_name = "SECONDS", default_value_t = fetch::DEFAULT_TIMEOUT.as_secs_f64())]
    fetch_timeout: f64,
    /// Largest page body fetched from a URL, in bytes. Hidden, like --fetch-timeout.
    #[arg(long, hide = true, value_name = "BYTES", default_value_t = fetch::DEFAULT_MAX_BYTES)]
    fetch_max_bytes: u64,
    #[command(flatten)]
    options: SummaryOptions,
    /// Output format: `text`, `json` (one JSON object per line, with a "file" key, whatever the number
    /// of files), `markdown`, or `html` (a self-contained page: the document with the brief highlighted
    /// and every sentence's score).
    #[arg(long, short = 'f', default_value = "text", value_parser = parse_output)]
    format: Output,
    /// Colour the brief's sentences and the file headers: `auto` (only on a terminal, and not when
    /// NO_COLOR is set), `always` or `never`.
    #[arg(long, value_enum, value_name = "WHEN", default_value = "auto")]
    color: ColorChoice,
    /// Batch mode: each input line is {"id": ..., "text": ...}; each output line is
    /// {"id", "summary", "sentences", "language"}, in input order.
    #[arg(long)]
    jsonl: bool,
    /// Worker threads for --jsonl and for several files (default: all cores). Output is identical for
    /// every value.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,
    /// Replace invalid UTF-8 with U+FFFD (and accept NUL bytes) instead of refusing the input.
    #[arg(long)]
    lossy: bool,
    /// With --jsonl: exit 0 even when some records could not be summarized (each still gets its error
    /// record in place). For pipe stages such as Spark's `rdd.pipe(checkCode=True)`, where one bad record
    /// must not fail the task; a broken input stream or an I/O failure still exits non-zero.
    #[arg(long, requires = "jsonl")]
    keep_going: bool,
    /// Show why each sentence was chosen: its features and the weights (in JSON, `features` per sentence
    /// and `weights`; as text or Markdown, a table after the brief).
    #[arg(long)]
    explain: bool,
    /// Input format: `auto` (by the file's extension, else by its content: HTML is recognized), `text`,
    /// `html` or `markdown`. Applies to --jsonl records' text too.
    #[arg(long, value_name = "FORMAT", default_value = "auto", value_parser = options::parse_input_format)]
    input: options::InputChoice,
    /// The document's title or headline: compared with each sentence, never itself in the brief.
    /// Replaces the title an HTML or Markdown input has.
    #[arg(long, value_name = "TEXT")]
    title: Option<String>,
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

/// What summarizing prints: one of the library's formats for a [`nutgraf::Summary`], or the HTML page,
/// which shows the whole document and so needs more than the summary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Output {
    Summary(Format),
    Html,
}

fn parse_output(s: &str) -> Result<Output, String> {
    if s.trim().eq_ignore_ascii_case("html") {
        return Ok(Output::Html);
    }
    s.parse().map(Output::Summary).map_err(|e: nutgraf::Error| format!("{e}; or html"))
}

fn main() -> ExitCode {
    let args = match startup::arguments(std::env::args_os().collect()) {
        Ok(args) => args,
        Err(err) => {
            eprintln!("nutgraf: {err:#}");
            return ExitCode::from(EXIT_USAGE);
        }
    };
    let matches = Cli::command().get_matches_from(args);
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(err) => err.exit(),
    };
    let result = match cli.command {
        Some(Command::Split(args)) => run_split(args),
        Some(Command::Eval(args)) => eval::run(args),
        Some(Command::Tune(args)) => tune::run(args),
        Some(Command::Completions(args)) => print_completions(args.shell),
        Some(Command::Man) => print_man(),
        Some(Command::Idf(args)) => idf::run(args),
        Some(Command::Extract(args)) => run_extract(args),
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

fn print_completions(shell: clap_complete::Shell) -> anyhow::Result<u8> {
    let mut out = io::stdout().lock();
    clap_complete::generate(shell, &mut Cli::command(), "nutgraf", &mut out);
    out.flush()?;
    Ok(EXIT_OK)
}

fn print_man() -> anyhow::Result<u8> {
    let mut out = io::stdout().lock();
    clap_mangen::Man::new(Cli::command()).render(&mut out)?;
    out.flush()?;
    Ok(EXIT_OK)
}

fn run_summarize(args: SummarizeArgs) -> anyhow::Result<u8> {
    let config = args.options.config()?;
    if args.print_config {
        io::stdout().lock().write_all(config.to_toml_string().as_bytes())?;
        return Ok(EXIT_OK);
    }
    let summarizer = args.options.summarizer(None, args.options.budget())?.explain(args.explain).build()?;
    let mut sources: Vec<Source> = args.files.iter().map(|f| Source::from_arg(f)).collect();
    for url in &args.urls {
        if !fetch::is_url(url) {
            anyhow::bail!("--url {url}: not an http:// or https:// URL");
        }
        sources.push(Source::File(PathBuf::from(url)));
    }
    if sources.is_empty() {
        sources.push(Source::Stdin);
    }
    let fetch_options = fetch_options(args.fetch_timeout, args.fetch_max_bytes)?;
    if let Some(hint) = startup::stdin_hint(&sources, io::IsTerminal::is_terminal(&io::stdin())) {
        eprintln!("{hint}");
    }
    let format = match args.format {
        Output::Summary(format) => format,
        Output::Html if args.jsonl => anyhow::bail!("--format html shows one document; it does not go with --jsonl"),
        Output::Html => {
            return html_pages(&summarizer, &sources, args.lossy, &fetch_options, args.input.0, args.title.as_deref());
        }
    };
    let extractor = match args.keywords {
        Some(count) => {
            let builder = KeywordExtractor::builder().count(count as usize);
            Some(
                match args.options.fixed_language()? {
                    Some(language) => builder.language(language),
                    None => builder,
                }
                .build()?,
            )
        }
        None => None,
    };
    if args.jsonl {
        if let Some(url) = sources.iter().find_map(url_of) {
            anyhow::bail!("{url}: --jsonl reads records from files or stdin, not from a URL");
        }
        let threads = args.threads.map_or_else(default_threads, usize::from);
        let reading = batch::Reading { format: args.input.0, title: args.title.as_deref() };
        let job = batch::brief_job(&summarizer, extractor.as_ref());
        let code = batch::run(&job, &sources, threads, format, args.max_record_bytes, reading)?;
        return Ok(if args.keep_going && code == EXIT_RECORD_ERRORS { EXIT_OK } else { code });
    }
    let threads = if sources.len() > 1 { args.threads.map_or_else(default_threads, usize::from) } else { 1 };
    let reading = files::Reading {
        lossy: args.lossy,
        fetch_options: &fetch_options,
        format: args.input.0,
        title: args.title.as_deref(),
    };
    let printing = files::Printing { color: args.color, format };
    files::run(&summarizer, extractor.as_ref(), &sources, threads, &reading, &printing)
}

/// `--format html`: one self-contained page, the document with its brief highlighted.
fn html_pages(
    summarizer: &Summarizer,
    sources: &[Source],
    lossy: bool,
    fetch_options: &fetch::FetchOptions,
    asked: Option<nutgraf::InputFormat>,
    title: Option<&str>,
) -> anyhow::Result<u8> {
    if sources.len() > 1 {
        // Pages one after another would not be one HTML document.
        anyhow::bail!("--format html makes one page of one document; give one file at a time");
    }
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut code = EXIT_OK;
    for source in sources {
        let document = match read_input(source, lossy, fetch_options, asked, title) {
            Ok(document) => document,
            Err(err) => {
                out.flush()?;
                eprintln!("nutgraf: {err}");
                code = EXIT_USAGE;
                continue;
            }
        };
        let text = &document.text;
        let analysis = summarizer.analyze_document(&document);
        // The scores and the brief of the scoring the summarizer itself uses (with the adaptive preset,
        // the one this document chose), so that the page shows the brief the other formats print.
        let chosen = summarizer.chosen_scoring(&analysis);
        let summary = summarizer.select(text, &analysis, &chosen.scoring, chosen.config, summarizer.budget())?;
        let scores = chosen.scoring.relative_scores(chosen.config);
        let page = nutgraf::render::html::Page {
            title: &source.to_string(),
            text,
            sentences: &analysis.sentences,
            scores: &scores,
            summary: &summary,
        };
        out.write_all(page.render().as_bytes())?;
    }
    out.flush()?;
    Ok(code)
}

fn run_split(args: SplitArgs) -> anyhow::Result<u8> {
    let source = args.file.as_deref().map_or(Source::Stdin, Source::from_arg);
    let text = match read_raw(&source, args.lossy, &fetch::FetchOptions::default()) {
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
            _ => writeln!(out, "{}", fold(sentence.text(&text)))?,
        }
    }
    out.flush()?;
    Ok(EXIT_OK)
}

/// The URL an input argument names, if it is one.
fn url_of(source: &Source) -> Option<&str> {
    match source {
        Source::File(path) => path.to_str().filter(|arg| fetch::is_url(arg)),
        Source::Stdin => None,
    }
}

/// Reads one input's text: a file or stdin, or the web page a URL argument names. The error is one line
/// that names the input.
fn read_raw(source: &Source, lossy: bool, fetch_options: &fetch::FetchOptions) -> Result<String, String> {
    match url_of(source) {
        Some(url) => fetch::fetch(url, fetch_options).map_err(|err| err.to_string()),
        None => read_text(source, lossy).map_err(|err| err.to_string()),
    }
}

/// Reads one input as a document, in the format asked for or the one its name or content says (so a
/// fetched HTML page is read as HTML); `title` replaces the source's.
fn read_input(
    source: &Source,
    lossy: bool,
    fetch_options: &fetch::FetchOptions,
    asked: Option<nutgraf::InputFormat>,
    title: Option<&str>,
) -> Result<nutgraf::Document, String> {
    match url_of(source) {
        Some(_) => {
            let text = read_raw(source, lossy, fetch_options)?;
            document_of(source, text, asked, title).map_err(|err| err.to_string())
        }
        None => read_document(source, lossy, asked, title).map_err(|err| err.to_string()),
    }
}

fn fetch_options(timeout_seconds: f64, max_bytes: u64) -> anyhow::Result<fetch::FetchOptions> {
    let timeout = std::time::Duration::try_from_secs_f64(timeout_seconds)
        .ok()
        .filter(|timeout| !timeout.is_zero())
        .ok_or_else(|| anyhow::anyhow!("--fetch-timeout {timeout_seconds}: not a positive number of seconds"))?;
    Ok(fetch::FetchOptions { timeout, max_bytes })
}

fn run_extract(args: ExtractArgs) -> anyhow::Result<u8> {
    let source = args.file.as_deref().map_or(Source::Stdin, Source::from_arg);
    let document = match read_input(&source, args.lossy, &fetch::FetchOptions::default(), args.input.0, None) {
        Ok(document) => document,
        Err(err) => {
            eprintln!("nutgraf: {err}");
            return Ok(EXIT_USAGE);
        }
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match args.format {
        Format::Json => {
            let blocks: Vec<serde_json::Value> = document
                .blocks
                .iter()
                .map(|block| {
                    let mut value = serde_json::json!({
                        "kind": block.kind.name(),
                        "start": block.start,
                        "end": block.end,
                        "text": block.text(&document.text),
                    });
                    if let (nutgraf::BlockKind::Heading { level }, Some(object)) = (block.kind, value.as_object_mut()) {
                        object.insert("level".into(), level.into());
                    }
                    value
                })
                .collect();
            let value = serde_json::json!({
                "format": document.format.name(),
                "title": document.title,
                "text": document.text,
                "blocks": blocks,
            });
            writeln!(out, "{value}")?;
        }
        Format::Markdown => {
            if let Some(title) = &document.title {
                writeln!(out, "# {title}\n")?;
            }
            writeln!(out, "{}", document.text)?;
        }
        _ => writeln!(out, "{}", document.text)?,
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

/// A pool of `threads` workers, for `--jsonl`, several files, `eval`, `tune` and `keywords`.
fn worker_pool(threads: usize) -> anyhow::Result<rayon::ThreadPool> {
    use anyhow::Context;
    rayon::ThreadPoolBuilder::new().num_threads(threads).build().context("cannot start worker threads")
}
