//! Reading an evaluation data set: JSON Lines with `id`, `text` and `summary` or `summaries`.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::Context;
use serde::Deserialize;
use serde_json::Value;

/// Bad records listed before the rest are only counted.
const MAX_LISTED_ERRORS: usize = 10;

/// One usable record of the data set.
pub struct Record {
    /// 1-based line number in the data file.
    pub line: usize,
    pub id: Value,
    pub text: String,
    /// The record's `"title"`, read as `--jsonl` reads it: the headline, never a brief sentence.
    pub title: Option<String>,
    pub references: Vec<String>,
}

impl Record {
    /// The document `--jsonl` would summarize for this record (its text read as what it looks like, and
    /// its title), when that is not simply the text: so that `eval` and `tune` score the briefs users
    /// get. `None` for plain text without a title.
    pub fn document(&self) -> Option<nutgraf::Document> {
        let format = nutgraf::InputFormat::sniff(&self.text);
        if format == nutgraf::InputFormat::Text && self.title.is_none() {
            return None;
        }
        // Reading a format fails only on input too large or deep to read: then the text is the document.
        let document = nutgraf::Document::read(&self.text, Some(format))
            .unwrap_or_else(|_| nutgraf::Document::from_text(self.text.as_str()));
        Some(match &self.title {
            Some(title) => document.with_title(title.as_str()),
            None => document,
        })
    }
}

#[derive(Deserialize)]
struct RawRecord {
    #[serde(default)]
    id: Value,
    #[serde(default)]
    text: Value,
    #[serde(default)]
    summary: Value,
    #[serde(default)]
    summaries: Value,
    #[serde(default)]
    title: Value,
}

/// Reads and checks every record; any bad record fails the whole run, naming its line, since scores
/// over a silently shortened data set would mislead.
pub fn read_records(path: &Path) -> anyhow::Result<Vec<Record>> {
    let data = std::fs::read_to_string(path).with_context(|| format!("{}: cannot read data", path.display()))?;
    let mut records = Vec::new();
    let mut errors = Vec::new();
    for (index, line) in data.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match parse_record(index + 1, line) {
            Ok(record) => records.push(record),
            Err(message) => errors.push(format!("{}:{}: {message}", path.display(), index + 1)),
        }
    }
    if !errors.is_empty() {
        let mut message = format!("{} bad record(s) in {}", errors.len(), path.display());
        for error in errors.iter().take(MAX_LISTED_ERRORS) {
            let _ = write!(message, "\n  {error}");
        }
        if errors.len() > MAX_LISTED_ERRORS {
            let _ = write!(message, "\n  … and {} more", errors.len() - MAX_LISTED_ERRORS);
        }
        anyhow::bail!(message);
    }
    if records.is_empty() {
        anyhow::bail!("{}: no records", path.display());
    }
    Ok(records)
}

fn parse_record(line: usize, json: &str) -> Result<Record, String> {
    let raw: RawRecord = serde_json::from_str(json).map_err(|e| format!("not a JSON object: {e}"))?;
    let text = match raw.text {
        Value::String(text) if !text.trim().is_empty() => text,
        Value::String(_) => return Err("\"text\" is empty".into()),
        Value::Null => return Err("no \"text\"".into()),
        _ => return Err("\"text\" is not a string".into()),
    };
    let references = match (raw.summaries, raw.summary) {
        (Value::Array(items), _) => items
            .into_iter()
            .map(|item| match item {
                Value::String(s) => Ok(s),
                _ => Err("\"summaries\" holds something other than strings".to_string()),
            })
            .collect::<Result<Vec<_>, _>>()?,
        (Value::Null, Value::String(summary)) => vec![summary],
        (Value::Null, Value::Null) => return Err("no \"summary\" or \"summaries\"".into()),
        (Value::Null, _) => return Err("\"summary\" is not a string".into()),
        (_, _) => return Err("\"summaries\" is not a list of strings".into()),
    };
    // score.py ignores blank references; a record left with none cannot be scored.
    let references: Vec<String> = references.into_iter().filter(|r| !r.trim().is_empty()).collect();
    if references.is_empty() {
        return Err("the reference summary is empty".into());
    }
    let title = match raw.title {
        Value::String(title) if !title.trim().is_empty() => Some(title),
        _ => None,
    };
    Ok(Record { line, id: raw.id, text, title, references })
}
