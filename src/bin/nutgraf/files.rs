//! Briefs of the files and URLs named on the command line: read and summarized on all cores, a window of
//! them at a time, and printed in the order given, so that the output is the same for every thread count
//! and memory holds one window's briefs. (`--jsonl` records go through `batch` instead.)

use std::io::{self, Write};

use nutgraf::render::{Format, render};
use nutgraf::{Budget, Keyphrase, KeywordExtractor, Summarizer, Summary};
use rayon::prelude::*;

use crate::color::{ColorChoice, Painter};
use crate::input::Source;
use crate::{EXIT_OK, EXIT_USAGE, fetch, keywords};

/// Files given to each worker thread at a time: enough that a long file does not leave the other
/// threads idle for long, few enough that the first briefs print soon.
const FILES_PER_THREAD_IN_A_WINDOW: usize = 8;

/// How each input is read.
pub struct Reading<'a> {
    /// Replace invalid UTF-8 instead of refusing the input.
    pub lossy: bool,
    /// Timeouts, size cap and redirects for URLs.
    pub fetch_options: &'a fetch::FetchOptions,
    /// `--input`: the format asked for, or `None` to detect it.
    pub format: Option<nutgraf::InputFormat>,
    /// `--title`, which replaces the source's own.
    pub title: Option<&'a str>,
}

/// How the briefs are printed.
pub struct Printing {
    /// `--color`.
    pub color: ColorChoice,
    /// `--format` (other than `html`, which makes one page of one document elsewhere).
    pub format: Format,
}

/// One input's brief, made on a worker thread and printed in the order the inputs were given.
struct Brief {
    summary: Summary,
    keyphrases: Option<Vec<Keyphrase>>,
}

/// Summarizes `sources` on `threads` worker threads (1: on this one) and prints the briefs in order.
/// An input that cannot be read gets a one-line error on stderr and exit code [`EXIT_USAGE`]; the
/// others are still summarized.
pub fn run(
    summarizer: &Summarizer,
    extractor: Option<&KeywordExtractor>,
    sources: &[Source],
    threads: usize,
    reading: &Reading<'_>,
    printing: &Printing,
) -> anyhow::Result<u8> {
    let pool = match threads {
        1 => None,
        threads => Some(crate::worker_pool(threads)?),
    };
    let brief_of = |source: &Source| -> Result<Brief, String> {
        let document = crate::read_input(source, reading.lossy, reading.fetch_options, reading.format, reading.title)?;
        Ok(match extractor {
            Some(extractor) => {
                let (summary, keyphrases) = extractor.summarize_and_extract_document(summarizer, &document);
                Brief { summary, keyphrases: Some(keyphrases) }
            }
            None => Brief { summary: summarizer.summarize_document(&document), keyphrases: None },
        })
    };
    let stdout = io::stdout();
    let paint = Painter::new(printing.color, &stdout);
    let mut out = io::BufWriter::new(stdout.lock());
    let mut code = EXIT_OK;
    let with_headers = sources.len() > 1;
    let window = threads * FILES_PER_THREAD_IN_A_WINDOW;
    for (w, files) in sources.chunks(window).enumerate() {
        let briefs: Vec<Result<Brief, String>> = match &pool {
            Some(pool) => pool.install(|| files.par_iter().map(brief_of).collect()),
            None => files.iter().map(brief_of).collect(),
        };
        for (j, (source, brief)) in files.iter().zip(briefs).enumerate() {
            let brief = match brief {
                Ok(brief) => brief,
                Err(err) => {
                    out.flush()?;
                    eprintln!("nutgraf: {err}");
                    code = EXIT_USAGE;
                    continue;
                }
            };
            if brief.summary.sentences.is_empty() && brief.summary.total_sentences > 0 {
                out.flush()?;
                eprintln!("nutgraf: {source}: empty brief: {}", why_empty(summarizer.budget()));
            }
            let first = w == 0 && j == 0;
            write_brief(&mut out, &paint, printing.format, with_headers, first, source, &brief)?;
        }
    }
    out.flush()?;
    Ok(code)
}

/// What an empty brief of a text with sentences means under `budget`.
fn why_empty(budget: Budget) -> String {
    match budget {
        Budget::Sentences(_) | Budget::Ratio(_) => "every sentence reads as boilerplate".to_string(),
        budget => format!("no sentence fits {budget}, or every one reads as boilerplate"),
    }
}

/// Prints one brief: a JSON line (one record shape for one input or many), or the rendered sentences,
/// under a header naming the input when there are several, then the keyphrases if asked for.
fn write_brief(
    out: &mut impl Write,
    paint: &Painter,
    format: Format,
    with_headers: bool,
    first: bool,
    source: &Source,
    brief: &Brief,
) -> anyhow::Result<()> {
    let Brief { summary, keyphrases } = brief;
    let gap = if first { "" } else { "\n" };
    match (with_headers, format) {
        (_, Format::Json) => {
            writeln!(out, "{}", brief_json(summary, keyphrases.as_deref(), source)?)?;
            return Ok(());
        }
        (true, Format::Markdown) => {
            let header = paint.header(&format!("## {source}"));
            write!(out, "{gap}{header}\n\n{}", paint.sentences(&render(summary, format), "- "))?;
        }
        (true, _) => {
            let header = paint.header(&format!("==> {source} <=="));
            write!(out, "{gap}{header}\n{}", paint.sentences(&render(summary, format), ""))?;
        }
        (false, Format::Markdown) => out.write_all(paint.sentences(&render(summary, format), "- ").as_bytes())?,
        (false, format) => out.write_all(paint.sentences(&render(summary, format), "").as_bytes())?,
    }
    if let Some(keyphrases) = keyphrases {
        let heading = if format == Format::Markdown { "\n**Keyphrases**\n\n" } else { "\nKeyphrases:\n" };
        write!(out, "{heading}{}", keywords::render_list(keyphrases, format))?;
    }
    Ok(())
}

/// A brief as JSON, with its keyphrases (if asked for) and the input it came from.
fn brief_json(
    summary: &Summary,
    keyphrases: Option<&[Keyphrase]>,
    source: &Source,
) -> anyhow::Result<serde_json::Value> {
    let mut value = serde_json::to_value(summary)?;
    if let Some(object) = value.as_object_mut() {
        if let Some(keyphrases) = keyphrases {
            object.insert("keyphrases".into(), serde_json::to_value(keyphrases)?);
        }
        object.insert("file".into(), serde_json::Value::String(source.to_string()));
    }
    Ok(value)
}
