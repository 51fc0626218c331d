//! `nutgraf --jsonl --keep-going` as a pipe stage (Spark's `rdd.pipe`, `xargs`, GNU parallel): a corpus
//! cut into chunks, each chunk piped through its own process, one process killed midway and its chunk
//! run again, must join into exactly the output of one plain run — order kept, nothing lost, nothing
//! doubled — and a bad record must not fail its chunk while a killed process does.

#[path = "support/shared.rs"]
mod shared;

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

/// The corpus: the dev sets when they are there (656 articles), else the bundled fixture repeated with
/// distinct ids; one malformed record and one without text in the middle either way.
fn corpus() -> Vec<String> {
    let mut lines: Vec<String> = ["eval/bbc_news_summary/dev.jsonl", "eval/cnndm_frank/dev.jsonl"]
        .iter()
        .filter_map(|relative| shared::shared_path(relative))
        .filter_map(|path| std::fs::read_to_string(path).ok())
        .flat_map(|text| text.lines().map(str::to_string).collect::<Vec<_>>())
        .filter(|line| !line.trim().is_empty())
        .collect();
    if lines.is_empty() {
        let fixture = include_str!("fixtures/eval_tiny.jsonl");
        for copy in 0..40 {
            for line in fixture.lines().filter(|l| !l.trim().is_empty()) {
                let mut value: serde_json::Value = serde_json::from_str(line).expect("fixture record");
                value["id"] = format!("copy{copy}-{}", value["id"]).into();
                lines.push(value.to_string());
            }
        }
    }
    let middle = lines.len() / 2;
    lines.insert(middle, r#"{"id": "broken", "text": "unterminated"#.to_string());
    lines.insert(middle + 1, r#"{"id": "no-text"}"#.to_string());
    lines
}

/// Pipes `lines` through one process; returns its stdout and whether it exited 0.
fn pipe(lines: &[String], extra: &[&str]) -> (Vec<u8>, bool) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_nutgraf"))
        .args(["--jsonl", "--threads", "2"])
        .args(extra)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start nutgraf");
    let mut stdin = child.stdin.take().expect("stdin");
    let input: String = lines.iter().map(|l| format!("{l}\n")).collect();
    // Written from a thread, as Spark's writer thread does, so a full stdout pipe cannot deadlock us.
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let output = child.wait_with_output().expect("wait for nutgraf");
    writer.join().expect("writer thread").expect("write stdin");
    (output.stdout, output.status.success())
}

/// Feeds half of `lines`, waits for the first output line, then kills the process: a worker lost
/// midway. Returns what it had written and whether it exited 0.
fn pipe_and_kill(lines: &[String]) -> (Vec<u8>, bool) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_nutgraf"))
        .args(["--jsonl", "--threads", "2", "--keep-going"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start nutgraf");
    let mut stdin = child.stdin.take().expect("stdin");
    let half: String = lines[..lines.len() / 2].iter().map(|l| format!("{l}\n")).collect();
    // From a thread, so that a full stdout pipe cannot block our write; stdin stays open (the input
    // is not over) until the process is killed, and the write then may fail: that is expected.
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(half.as_bytes()).and_then(|()| stdin.flush());
        stdin
    });
    let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
    let mut seen = Vec::new();
    stdout.read_until(b'\n', &mut seen).expect("read the first brief");
    child.kill().expect("kill nutgraf");
    let status = child.wait().expect("wait for nutgraf");
    drop(writer.join().expect("writer thread"));
    (seen, status.success())
}

#[test]
fn chunks_piped_separately_with_one_killed_and_rerun_join_into_one_plain_run() {
    let lines = corpus();
    let (plain, _) = pipe(&lines, &[]);
    assert_eq!(plain.iter().filter(|&&b| b == b'\n').count(), lines.len(), "one output line per record");

    let chunk_size = lines.len().div_ceil(7);
    let chunks: Vec<&[String]> = lines.chunks(chunk_size).collect();
    let victim = chunks.len() / 2;
    assert!(chunks[victim].iter().any(|l| l.contains("\"broken\"")), "the killed chunk is the one with the bad record");

    let (partial, killed_ok) = pipe_and_kill(chunks[victim]);
    assert!(!killed_ok, "a killed process must fail its task, so that the task is retried");
    assert!(!partial.is_empty());

    let mut joined = Vec::new();
    for (k, chunk) in chunks.iter().enumerate() {
        let (output, ok) = pipe(chunk, &["--keep-going"]);
        assert!(ok, "--keep-going: a chunk with bad records still exits 0");
        assert_eq!(output.iter().filter(|&&b| b == b'\n').count(), chunk.len());
        if k == victim {
            assert!(output.starts_with(&partial), "the killed run wrote a prefix of the rerun's output");
        }
        joined.extend_from_slice(&output);
    }
    assert!(joined == plain, "the joined chunks differ from one plain run");

    let text = String::from_utf8(joined).expect("UTF-8 output");
    assert!(text.contains(r#"{"id":"broken","error":"#) || text.contains(r#""error":"invalid JSON"#));
    assert!(text.contains(r#"{"id":"no-text","error":"record has no \"text\" field"}"#));
}

#[test]
fn without_keep_going_a_bad_record_exits_one_and_with_it_zero() {
    let lines = vec![r#"{"id": 1, "text": "The council met on Monday. It voted."}"#.to_string(), "{oops".to_string()];
    let (plain, ok) = pipe(&lines, &[]);
    assert!(!ok);
    let (kept, ok) = pipe(&lines, &["--keep-going"]);
    assert!(ok);
    assert_eq!(plain, kept, "--keep-going changes the exit code only");
}

#[test]
fn keep_going_still_fails_on_a_missing_input_file() {
    let status = Command::new(env!("CARGO_BIN_EXE_nutgraf"))
        .args(["--jsonl", "--keep-going", "/nonexistent/corpus.jsonl"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("run nutgraf");
    assert_eq!(status.code(), Some(2));
}
