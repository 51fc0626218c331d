//! `nutgraf idf build`: counts the document frequency of every stem over a JSON Lines corpus and writes
//! the table that `--idf` reads.

use std::io::{self, Write};
use std::path::PathBuf;

use anyhow::Context;
use clap::{Args, Subcommand};
use nutgraf::{CorpusIdf, Language};

use crate::options::parse_language;

#[derive(Args, Debug)]
pub struct IdfArgs {
    #[command(subcommand)]
    action: IdfAction,
}

#[derive(Subcommand, Debug)]
enum IdfAction {
    /// Count every stem's document frequency over JSON Lines corpora ({"text": ...} per line) and
    /// write the table to stdout: `nutgraf idf build corpus.jsonl > idf.bin`, then `--idf idf.bin`.
    Build {
        /// Corpus files, one {"text": ...} object per line (other keys are ignored).
        #[arg(value_name = "FILE", required = true)]
        files: Vec<PathBuf>,
        /// Language of the texts: its stop words and stemmer.
        #[arg(long, short = 'l', default_value = "english", value_parser = parse_language)]
        language: Language,
    },
}

pub fn run(args: IdfArgs) -> anyhow::Result<u8> {
    let IdfAction::Build { files, language } = args.action;
    let mut builder = CorpusIdf::builder(language);
    for path in &files {
        let data = std::fs::read_to_string(path).with_context(|| format!("{}: cannot read corpus", path.display()))?;
        for (index, line) in data.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let record: serde_json::Value = serde_json::from_str(line)
                .with_context(|| format!("{}:{}: not a JSON object", path.display(), index + 1))?;
            let text = record
                .get("text")
                .and_then(serde_json::Value::as_str)
                .with_context(|| format!("{}:{}: no \"text\" string", path.display(), index + 1))?;
            builder.add_document(text);
        }
    }
    let table = builder.build();
    let stdout = io::stdout();
    let mut out = stdout.lock();
    out.write_all(&table.to_bytes())?;
    out.flush()?;
    eprintln!("nutgraf: counted {} documents", table.documents());
    Ok(crate::EXIT_OK)
}
