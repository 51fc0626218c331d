//! `nutgraf keywords`, `--keywords N` and `nutgraf eval-keywords` end to end, through the built binary,
//! with the library as the oracle; and inputs that must not break extraction.

use std::path::{Path, PathBuf};

use assert_cmd::cargo::cargo_bin_cmd;
use nutgraf::{Keyphrase, KeywordExtractor, Summarizer};
use serde_json::Value;
use tempfile::TempDir;

fn nutgraf() -> assert_cmd::Command {
    cargo_bin_cmd!("nutgraf")
}

fn sample_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/samples/japan-us-chips.txt")
}

fn sample() -> String {
    std::fs::read_to_string(sample_path()).expect("the repository's sample article")
}

/// Equal texts and spans, and scores equal up to JSON's last-digit rounding.
fn assert_same(ours: &[Keyphrase], library: &[Keyphrase]) {
    assert_eq!(ours.len(), library.len(), "{ours:?} vs {library:?}");
    for (a, b) in ours.iter().zip(library) {
        assert_eq!((&a.text, &a.spans), (&b.text, &b.spans));
        assert!((a.score - b.score).abs() < 1e-12, "{a:?} vs {b:?}");
    }
}

fn stdout(cmd: &mut assert_cmd::Command) -> String {
    let output = cmd.output().expect("run nutgraf");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "exit {:?}: {stderr}", output.status);
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

/// What the command computes: extraction over the summarizer's analysis (boilerplate left out).
fn library(text: &str, count: usize) -> Vec<Keyphrase> {
    let analysis = Summarizer::builder().build().expect("default summarizer").analyze(text);
    KeywordExtractor::builder().count(count).build().expect("valid settings").extract_from(&analysis, text)
}

#[test]
fn text_output_is_the_library_list() {
    let expected: String = library(&sample(), 10).iter().map(|k| format!("{}\n", k.text)).collect();
    assert_eq!(stdout(nutgraf().arg("keywords").arg(sample_path())), expected);
    let five: String = library(&sample(), 5).iter().map(|k| format!("{}\n", k.text)).collect();
    assert_eq!(stdout(nutgraf().args(["keywords", "-k", "5"]).write_stdin(sample())), five);
    assert_eq!(five.lines().count(), 5);
}

#[test]
fn json_output_has_scores_and_spans_that_point_at_the_text() {
    let text = sample();
    let out = stdout(nutgraf().args(["keywords", "--format", "json"]).arg(sample_path()));
    let value: Value = serde_json::from_str(&out).expect("one JSON object");
    let keyphrases: Vec<Keyphrase> = serde_json::from_value(value["keyphrases"].clone()).expect("keyphrases");
    assert_same(&keyphrases, &library(&text, 10));
    assert!(keyphrases.iter().any(|k| k.text.contains(' ')), "no multi-word keyphrase: {keyphrases:?}");
    assert!(!keyphrases.iter().any(|k| k.text.to_lowercase().contains("subscri")), "boilerplate: {keyphrases:?}");
    for keyphrase in &keyphrases {
        assert!(keyphrase.score > 0.0 && keyphrase.score <= 1.0);
        // Each span is an occurrence of the same stems (the surface may be inflected differently), and
        // one of them is the form shown.
        let folded: Vec<String> = keyphrase
            .spans
            .iter()
            .map(|&(start, end)| text[start..end].split_whitespace().collect::<Vec<_>>().join(" "))
            .collect();
        assert!(folded.contains(&keyphrase.text), "{keyphrase:?} not among {folded:?}");
        let words = keyphrase.text.split(' ').count();
        assert!(folded.iter().all(|f| f.split(' ').count() == words), "{keyphrase:?}: {folded:?}");
    }
}

#[test]
fn jsonl_batch_gives_one_record_per_line_in_order() {
    let input = format!(
        "{}\n{}\n{{\"id\": 3}}\n",
        serde_json::json!({"id": "a", "text": sample()}),
        serde_json::json!({"id": 2, "text": "Solar panels got cheaper. Solar panels now power homes."})
    );
    let output =
        cargo_bin_cmd!("nutgraf").args(["keywords", "--jsonl", "--threads", "2"]).write_stdin(input).output().unwrap();
    assert_eq!(output.status.code(), Some(1), "a record without text is an error record");
    let lines: Vec<Value> =
        String::from_utf8(output.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["id"], "a");
    let expected: Vec<String> = library(&sample(), 10).into_iter().map(|k| k.text).collect();
    assert_eq!(lines[0]["keyphrases"], serde_json::json!(expected));
    assert_eq!(lines[1]["id"], 2);
    assert_eq!(lines[1]["keyphrases"][0], "Solar panels");
    assert_eq!(lines[2]["id"], 3);
    assert!(lines[2]["error"].is_string());
}

#[test]
fn summarize_adds_keyphrases_to_the_brief_json() {
    let out = stdout(nutgraf().args(["--keywords", "4", "--format", "json"]).arg(sample_path()));
    let value: Value = serde_json::from_str(&out).expect("one JSON object");
    assert!(!value["sentences"].as_array().expect("sentences").is_empty());
    let keyphrases: Vec<Keyphrase> = serde_json::from_value(value["keyphrases"].clone()).expect("keyphrases");
    assert_same(&keyphrases, &library(&sample(), 4));
    // Without the flag the JSON is as before.
    let plain: Value = serde_json::from_str(&stdout(nutgraf().args(["--format", "json"]).arg(sample_path()))).unwrap();
    assert!(plain.get("keyphrases").is_none());
    // Batch records carry them too; text output lists them after the brief.
    let record = serde_json::json!({"id": 1, "text": sample()}).to_string();
    let line: Value =
        serde_json::from_str(stdout(nutgraf().args(["--jsonl", "--keywords", "2"]).write_stdin(record)).trim())
            .unwrap();
    assert_eq!(line["keyphrases"].as_array().map(Vec::len), Some(2));
    let text = stdout(nutgraf().args(["--keywords", "2"]).arg(sample_path()));
    assert!(text.contains("\nKeyphrases:\n"), "{text}");
}

#[test]
fn eval_keywords_scores_a_system_file_and_nutgraf() {
    let dir = TempDir::new().unwrap();
    let data = dir.path().join("data.jsonl");
    let text = "Solar panels got cheaper this year. Solar panels now power many homes in Spain.";
    std::fs::write(
        &data,
        format!(
            "{}\n{}\n",
            serde_json::json!({"id": "x", "text": text, "keyphrases": ["solar panels", "homes", "wind farms"]}),
            serde_json::json!({"id": "y", "text": "Nothing here.", "keyphrases": ["absent phrase"]})
        ),
    )
    .unwrap();
    let system = dir.path().join("sys.jsonl");
    // x: 2 distinct predictions after stemming ("Solar panel" repeats "solar panels"), 1 match of 3 gold.
    std::fs::write(&system, r#"{"id": "x", "keyphrases": ["solar panels", ["Solar panel", 0.5], "Spain"]}"#).unwrap();
    let out = stdout(nutgraf().args(["eval-keywords", "--format", "json", "--system"]).arg(&system).arg(&data));
    let report: Value = serde_json::from_str(&out).unwrap();
    // x: P = 1/2, R = 1/3, F1 = 0.4; y: missing, 0. Mean ×100 = 20.
    assert_eq!(report["f1@5"], 20.0);
    assert_eq!(report["p@5"], 25.0);
    assert_eq!(report["docs_with_present_gold"], 1);
    // Present gold of x: "solar panels" and "homes": P = 1/2, R = 1/2.
    assert_eq!(report["f1@5_present"], 50.0);
    let out =
        stdout(nutgraf().args(["eval-keywords", "--k", "5", "--output"]).arg(dir.path().join("out.jsonl")).arg(&data));
    assert!(out.contains("F1@5"), "{out}");
    let written = std::fs::read_to_string(dir.path().join("out.jsonl")).unwrap();
    assert_eq!(written.lines().count(), 2);
}

#[test]
fn bad_inputs_give_no_keyphrases_and_no_error() {
    for input in ["", "one", "Volcano", "12 34 56 !!! ??? --- 7.5%", "\n\n\n", "   "] {
        let out = stdout(nutgraf().arg("keywords").write_stdin(input));
        assert!(out.lines().count() <= 1, "{input:?}: {out}");
    }
    let out = stdout(nutgraf().args(["keywords", "--format", "json"]).write_stdin(""));
    assert_eq!(out.trim(), r#"{"keyphrases":[]}"#);
    // Invalid UTF-8 is refused with a message unless --lossy.
    nutgraf().arg("keywords").write_stdin(b"ab\xFFcd".to_vec()).assert().code(2);
    stdout(nutgraf().args(["keywords", "--lossy"]).write_stdin(b"ab\xFFcd".to_vec()));
}

/// One endless line without punctuation (5 MB here; 50 MB below, on demand).
fn unpunctuated(bytes: usize) -> String {
    let words = ["market", "rally", "lifted", "stocks", "the", "bank", "rates", "of", "tokyo", "chips"];
    let mut text = String::with_capacity(bytes + 16);
    let mut i = 0usize;
    while text.len() < bytes {
        text.push_str(words[(i * 7 + i / 10) % words.len()]);
        text.push(' ');
        i += 1;
    }
    text
}

#[test]
fn a_long_line_without_punctuation_gives_bounded_keyphrases() {
    let text = unpunctuated(5 << 20);
    let keyphrases = library(&text, 10);
    assert!(!keyphrases.is_empty() && keyphrases.len() <= 10);
    assert!(keyphrases.iter().all(|k| k.text.split(' ').count() <= 4));
}

/// `cargo test --profile fast --test keywords_cli -- --ignored`.
#[test]
#[ignore = "50 MB input: run with an optimised profile -- --ignored"]
fn fifty_megabytes_give_bounded_keyphrases() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("huge.txt");
    std::fs::write(&path, unpunctuated(50 << 20)).unwrap();
    let out = stdout(nutgraf().arg("keywords").arg(&path));
    assert!((1..=10).contains(&out.lines().count()), "{out}");
}
