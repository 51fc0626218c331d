//! `--jsonl` batch mode: one record in, one record out, in input order, streamed.
//!
//! The reader (this thread) hands numbered lines to a pool of workers over a bounded channel; a writer
//! thread puts the results back in input order and flushes whenever it has written everything that is
//! ready, so a slow producer sees each answer as soon as it exists and a fast one is not slowed by a
//! flush per line. No record is dropped: a line that cannot be summarized gets an error record.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufRead, BufReader, IsTerminal, Read, Write};
use std::sync::Mutex;
use std::sync::mpsc;

use indicatif::{ProgressBar, ProgressStyle};
use nutgraf::render::Format;
use nutgraf::{Document, Keyphrase, KeywordExtractor, ScoringChoice, Summarizer, SummarySentence};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::input::Source;
use crate::{EXIT_OK, EXIT_RECORD_ERRORS, EXIT_USAGE};

/// A record line longer than this (by default) gets an error record instead of being summarized: it
/// bounds memory per worker whatever the input holds.
pub const MAX_RECORD_BYTES: usize = 64 << 20;

/// Records travel between threads in batches, so that a thread hand-off (a lock, a wake-up) is paid per
/// batch rather than per record. A batch closes at this many records or bytes, or as soon as the input
/// has nothing more buffered, so a slow producer still gets each answer at once.
const BATCH_RECORDS: usize = 64;
const BATCH_BYTES: usize = 1 << 20;

/// Batches in flight per worker: enough to keep workers busy, few enough to bound memory.
const QUEUE_PER_WORKER: usize = 4;

/// Consecutive input lines; the first is record number `first`.
struct WorkBatch {
    first: u64,
    lines: Vec<Line>,
}

/// The output lines of one [`WorkBatch`], in order, each with whether it is a brief (not an error).
struct DoneBatch {
    first: u64,
    outputs: Vec<(String, bool)>,
}

#[derive(Deserialize)]
struct Record<'a> {
    #[serde(borrow, default)]
    id: Option<&'a RawValue>,
    #[serde(borrow, default)]
    text: Option<std::borrow::Cow<'a, str>>,
    #[serde(borrow, default)]
    title: Option<std::borrow::Cow<'a, str>>,
}

/// How records' text is read: as `format`, or detected when `None`; `title` for records without one.
#[derive(Clone, Copy, Debug, Default)]
pub struct Reading<'a> {
    pub format: Option<nutgraf::InputFormat>,
    pub title: Option<&'a str>,
}

#[derive(Serialize)]
struct Brief<'a> {
    id: &'a RawValue,
    summary: String,
    sentences: &'a [SummarySentence],
    /// The language the text was summarized as.
    language: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    keyphrases: Option<&'a [Keyphrase]>,
    /// Under the adaptive preset: what the document chose and why.
    #[serde(skip_serializing_if = "Option::is_none")]
    scoring: Option<&'a ScoringChoice>,
}

/// What batch mode does with one record: its id and document in, its output line out.
pub type Job<'a> = dyn Fn(&RawValue, &Document) -> serde_json::Result<String> + Sync + 'a;

/// The summarizing job: `{"id", "summary", "sentences", "language"}`, and `"keyphrases"` when an
/// extractor is given.
pub fn brief_job<'a>(
    summarizer: &'a Summarizer,
    keywords: Option<&'a KeywordExtractor>,
) -> impl Fn(&RawValue, &Document) -> serde_json::Result<String> + Sync + 'a {
    move |id, document| {
        let (summary, keyphrases) = match keywords {
            Some(extractor) => {
                let (summary, keyphrases) = extractor.summarize_and_extract_document(summarizer, document);
                (summary, Some(keyphrases))
            }
            None => (summarizer.summarize_document(document), None),
        };
        let summary_text = summary.to_text();
        // The brief's text is written twice (the summary, then each sentence) with its spans and scores:
        // room for that up front, rather than growing the line from serde_json's 128 bytes by copying.
        let mut line = Vec::with_capacity(2 * summary_text.len() + 96 * summary.sentences.len() + 128);
        serde_json::to_writer(
            &mut line,
            &Brief {
                id,
                summary: summary_text,
                sentences: &summary.sentences,
                language: &summary.language,
                keyphrases: keyphrases.as_deref(),
                scoring: summary.scoring.as_ref(),
            },
        )?;
        // serde_json writes UTF-8 only; the check cannot fail, and costs less than the copies it replaces.
        String::from_utf8(line).map_err(|err| serde::ser::Error::custom(err.to_string()))
    }
}

#[derive(Serialize)]
struct Failure<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a RawValue>,
    error: String,
}

/// One line of input as read: its bytes, or its length if it was too long to keep.
enum Line {
    Record(Vec<u8>),
    TooLong(usize),
}

/// Runs `job` on every record of `sources` (concatenated) with `threads` workers; writes to stdout. Lines
/// longer than `max_record_bytes` get an error record.
pub fn run(
    job: &Job<'_>,
    sources: &[Source],
    threads: usize,
    format: Format,
    max_record_bytes: usize,
    reading: Reading<'_>,
) -> anyhow::Result<u8> {
    if format != Format::Json && format != Format::Text {
        anyhow::bail!("--jsonl writes JSON lines; --format {format} does not apply");
    }
    let threads = threads.max(1);
    let pool = crate::worker_pool(threads)?;
    let progress = progress_bar(sources);

    let (work_tx, work_rx) = mpsc::sync_channel::<WorkBatch>(threads * QUEUE_PER_WORKER);
    let (done_tx, done_rx) = mpsc::sync_channel::<DoneBatch>(threads * QUEUE_PER_WORKER);
    // Shared by the workers; the first one to find the writer gone drops it, so that the reader's next
    // send fails instead of blocking forever on a full queue that nobody drains.
    let work_rx = Mutex::new(Some(work_rx));

    let mut read_error: Option<anyhow::Error> = None;
    let mut input_error = false;
    let (writer_result, failures) = std::thread::scope(|scope| {
        let writer = scope.spawn(move || write_in_order(done_rx));
        // In place: the reader below runs on this thread, so all `threads` pool threads are workers. (With
        // `scope` the reader took a pool thread: one worker fewer, and with one thread a deadlock as soon
        // as the queue filled, since the only worker could not start before the reader finished.)
        pool.in_place_scope(|workers| {
            for _ in 0..threads {
                let done_tx = done_tx.clone();
                let work_rx = &work_rx;
                workers.spawn(move |_| {
                    loop {
                        // A poisoned lock means another worker panicked; stop taking work.
                        let next = match work_rx.lock() {
                            Ok(rx) => rx.as_ref().map(mpsc::Receiver::recv),
                            Err(_) => return,
                        };
                        let Some(Ok(batch)) = next else { return };
                        let outputs = batch
                            .lines
                            .iter()
                            .map(|line| summarize_line(job, line, max_record_bytes, reading))
                            .collect();
                        if done_tx.send(DoneBatch { first: batch.first, outputs }).is_err() {
                            // The writer stopped (stdout closed): stop the reader too.
                            if let Ok(mut rx) = work_rx.lock() {
                                rx.take();
                            }
                            return;
                        }
                    }
                });
            }
            drop(done_tx);
            let mut number = 0u64;
            let mut batch = WorkBatch { first: 0, lines: Vec::with_capacity(BATCH_RECORDS) };
            let mut batch_bytes = 0usize;
            'sources: for source in sources {
                let reader: Box<dyn Read> = match source {
                    Source::Stdin => Box::new(io::stdin()),
                    Source::File(path) => match File::open(path) {
                        Ok(file) if !path.is_dir() => Box::new(file),
                        Ok(_) => {
                            eprintln!("nutgraf: {source}: is a directory, not a file");
                            input_error = true;
                            continue;
                        }
                        Err(err) => {
                            eprintln!("nutgraf: {}", crate::input::InputError::Io(source.clone(), err));
                            input_error = true;
                            continue;
                        }
                    },
                };
                let mut reader = BufReader::with_capacity(1 << 16, reader);
                loop {
                    match read_capped_line(&mut reader, max_record_bytes) {
                        Ok(None) => break,
                        Ok(Some((line, consumed))) => {
                            if let Some(bar) = &progress {
                                bar.inc(consumed as u64);
                            }
                            let blank =
                                matches!(&line, Line::Record(bytes) if bytes.iter().all(u8::is_ascii_whitespace));
                            if !blank {
                                batch_bytes += consumed;
                                batch.lines.push(line);
                                number += 1;
                            }
                            let input_idle = reader.buffer().is_empty();
                            if (batch.lines.len() >= BATCH_RECORDS || batch_bytes >= BATCH_BYTES || input_idle)
                                && !send_batch(&work_tx, &mut batch, number, &mut batch_bytes)
                            {
                                break 'sources;
                            }
                        }
                        Err(err) => {
                            read_error = Some(anyhow::Error::new(err).context(format!("{source}: read error")));
                            break 'sources;
                        }
                    }
                }
            }
            send_batch(&work_tx, &mut batch, number, &mut batch_bytes);
            drop(work_tx);
        });
        writer.join().unwrap_or_else(|_| (Err(io::Error::other("writer thread failed")), 0))
    });
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    writer_result?;
    if let Some(err) = read_error {
        return Err(err);
    }
    Ok(if input_error {
        EXIT_USAGE
    } else if failures > 0 {
        EXIT_RECORD_ERRORS
    } else {
        EXIT_OK
    })
}

/// Hands the records gathered so far to the workers and starts a new batch at record `next`; `false`
/// when the workers are gone (stdout closed).
fn send_batch(work: &mpsc::SyncSender<WorkBatch>, batch: &mut WorkBatch, next: u64, bytes: &mut usize) -> bool {
    *bytes = 0;
    if batch.lines.is_empty() {
        batch.first = next;
        return true;
    }
    let full = std::mem::replace(batch, WorkBatch { first: next, lines: Vec::with_capacity(BATCH_RECORDS) });
    work.send(full).is_ok()
}

/// Writes results in input order; returns the I/O outcome and the number of error records.
fn write_in_order(done: mpsc::Receiver<DoneBatch>) -> (io::Result<()>, u64) {
    let stdout = io::stdout();
    let mut out = io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut pending: BTreeMap<u64, Vec<(String, bool)>> = BTreeMap::new();
    let mut next = 0u64;
    let mut failures = 0u64;
    loop {
        // Block for the next batch only after flushing: while results keep arriving they are buffered,
        // and whenever the workers fall behind, everything written so far reaches the reader.
        let received = match done.try_recv() {
            Ok(result) => Some(result),
            Err(mpsc::TryRecvError::Empty) => {
                if let Err(err) = out.flush() {
                    return (Err(err), failures);
                }
                done.recv().ok()
            }
            Err(mpsc::TryRecvError::Disconnected) => None,
        };
        let Some(DoneBatch { first, outputs }) = received else { break };
        pending.insert(first, outputs);
        if let Err(err) = write_ready(&mut out, &mut pending, &mut next, &mut failures) {
            return (Err(err), failures);
        }
    }
    let result = write_ready(&mut out, &mut pending, &mut next, &mut failures).and_then(|()| out.flush());
    (result, failures)
}

/// Writes the batches that continue the output without a gap.
fn write_ready(
    out: &mut impl Write,
    pending: &mut BTreeMap<u64, Vec<(String, bool)>>,
    next: &mut u64,
    failures: &mut u64,
) -> io::Result<()> {
    while let Some(outputs) = pending.remove(next) {
        for (output, ok) in &outputs {
            if !ok {
                *failures += 1;
            }
            out.write_all(output.as_bytes())?;
            out.write_all(b"\n")?;
        }
        *next += outputs.len() as u64;
    }
    Ok(())
}

/// Summarizes one record line into one output line; `false` when it is an error record.
fn summarize_line(job: &Job<'_>, line: &Line, max_record_bytes: usize, reading: Reading<'_>) -> (String, bool) {
    let bytes = match line {
        Line::Record(bytes) => bytes,
        Line::TooLong(length) => {
            return failure(None, format!("record too large ({length} bytes; the limit is {max_record_bytes})"));
        }
    };
    let record: Record<'_> = match serde_json::from_slice(bytes) {
        Ok(record) => record,
        Err(err) => return failure_from_value(bytes, &err),
    };
    let null = RawValue::NULL;
    let id = record.id.unwrap_or(null);
    let Some(text) = record.text else {
        // `"text": null` also arrives as `None`; say which it was.
        let null_text = serde_json::from_slice::<serde_json::Value>(bytes).is_ok_and(|v| v.get("text").is_some());
        let message = if null_text { "\"text\" must be a string, not null" } else { "record has no \"text\" field" };
        return failure(record.id, message.to_string());
    };
    let format = reading.format.unwrap_or_else(|| nutgraf::InputFormat::sniff(&text));
    let title = record.title.as_deref().or(reading.title);
    // Plain text is the document as it is: the record's own string (unescaped by the parser) moves in.
    let document = if format == nutgraf::InputFormat::Text {
        nutgraf::Document::from_text(text.into_owned())
    } else {
        match nutgraf::Document::read(&text, Some(format)) {
            Ok(document) => document,
            Err(err) => return failure(record.id, err.to_string()),
        }
    };
    let document = match title {
        Some(title) => document.with_title(title),
        None => document,
    };
    match job(id, &document) {
        Ok(json) => (json, true),
        Err(err) => failure(record.id, format!("cannot write the brief: {err}")),
    }
}

/// Explains why a line did not parse as a record, keeping its id when it has one.
fn failure_from_value(bytes: &[u8], parse_error: &serde_json::Error) -> (String, bool) {
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(bytes) else {
        if std::str::from_utf8(bytes).is_err() {
            // Invalid UTF-8 inside a string: the record's id may still be readable.
            let lossy = serde_json::from_str::<serde_json::Value>(&String::from_utf8_lossy(bytes)).ok();
            let id = lossy.as_ref().and_then(|v| v.get("id")).and_then(|id| RawValue::from_string(id.to_string()).ok());
            return failure(id.as_deref(), format!("record is not valid UTF-8: {parse_error}"));
        }
        return failure(None, format!("invalid JSON: {parse_error}"));
    };
    let Some(object) = value.as_object() else {
        return failure(None, format!("record must be a JSON object, not {}", kind(&value)));
    };
    let id = object.get("id").and_then(|id| RawValue::from_string(id.to_string()).ok());
    let message = match object.get("text") {
        Some(text) if !text.is_string() => format!("\"text\" must be a string, not {}", kind(text)),
        _ => format!("invalid record: {parse_error}"),
    };
    failure(id.as_deref(), message)
}

fn kind(value: &serde_json::Value) -> &'static str {
    match value {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

fn failure(id: Option<&RawValue>, error: String) -> (String, bool) {
    let json = serde_json::to_string(&Failure { id, error })
        .unwrap_or_else(|_| r#"{"error":"cannot describe the error"}"#.to_string());
    (json, false)
}

/// Reads one line (without its `\n` / `\r\n`), keeping at most `cap` bytes; returns the line and the
/// number of bytes consumed, or `None` at the end of input.
fn read_capped_line(reader: &mut impl BufRead, cap: usize) -> io::Result<Option<(Line, usize)>> {
    let mut bytes = Vec::new();
    let mut length = 0usize;
    let mut consumed = 0usize;
    loop {
        let buffer = match reader.fill_buf() {
            Ok(buffer) => buffer,
            Err(err) if err.kind() == io::ErrorKind::Interrupted => continue,
            Err(err) => return Err(err),
        };
        if buffer.is_empty() {
            if consumed == 0 {
                return Ok(None);
            }
            break;
        }
        let (chunk, found_newline) = match memchr::memchr(b'\n', buffer) {
            Some(i) => (&buffer[..i], true),
            None => (buffer, false),
        };
        length += chunk.len();
        if length <= cap {
            bytes.extend_from_slice(chunk);
        }
        let used = chunk.len() + usize::from(found_newline);
        reader.consume(used);
        consumed += used;
        if found_newline {
            break;
        }
    }
    if length > cap {
        return Ok(Some((Line::TooLong(length), consumed)));
    }
    if bytes.last() == Some(&b'\r') {
        bytes.pop();
    }
    Ok(Some((Line::Record(bytes), consumed)))
}

/// A progress bar on stderr when it is a terminal (sized by the input files when they are files).
fn progress_bar(sources: &[Source]) -> Option<ProgressBar> {
    if !io::stderr().is_terminal() {
        return None;
    }
    let total: Option<u64> = sources
        .iter()
        .map(|s| match s {
            Source::File(path) => std::fs::metadata(path).ok().map(|m| m.len()),
            Source::Stdin => None,
        })
        .sum();
    let bar = match total {
        Some(bytes) => ProgressBar::new(bytes).with_style(
            ProgressStyle::with_template("{bar:40} {bytes}/{total_bytes} {bytes_per_sec} eta {eta}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        ),
        None => ProgressBar::new_spinner().with_style(
            ProgressStyle::with_template("{spinner} {bytes} read, {bytes_per_sec}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        ),
    };
    Some(bar)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_capped_and_crlf_stripped() {
        let mut input = io::Cursor::new(b"abc\r\nxxxxxxxxxx\nlast".to_vec());
        let mut lines = Vec::new();
        while let Some((line, _)) = read_capped_line(&mut input, 5).unwrap() {
            lines.push(match line {
                Line::Record(b) => String::from_utf8(b).unwrap(),
                Line::TooLong(n) => format!("too long {n}"),
            });
        }
        assert_eq!(lines, ["abc", "too long 10", "last"]);
    }

    #[test]
    fn error_records_keep_the_id() {
        let summarizer = Summarizer::builder().build().unwrap();
        let cases: [(&[u8], &str); 4] = [
            (br#"{"id": 7, "text": 5}"#, r#"{"id":7,"error":"\"text\" must be a string, not a number"}"#),
            (br#"{"id": "a"}"#, r#"{"id":"a","error":"record has no \"text\" field"}"#),
            (b"[1, 2]", r#"{"error":"record must be a JSON object, not an array"}"#),
            (b"{not json", "invalid JSON"),
        ];
        for (input, expected) in cases {
            let (output, ok) = summarize_line(
                &brief_job(&summarizer, None),
                &Line::Record(input.to_vec()),
                MAX_RECORD_BYTES,
                Reading::default(),
            );
            assert!(!ok);
            assert!(output.starts_with(expected) || output.contains(expected), "{output}");
        }
    }
}
