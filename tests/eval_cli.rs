//! `nutgraf eval` through the built binary, on a tiny made-up data set.

use assert_cmd::cargo::cargo_bin_cmd;
use predicates::prelude::*;
use serde_json::{Value, json};

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/eval_tiny.jsonl");

fn eval_json(extra: &[&str]) -> Value {
    let output = cargo_bin_cmd!("nutgraf").args(["eval", DATA, "--format", "json"]).args(extra).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    // Off a terminal there is no progress bar: stderr stays empty.
    assert!(output.stderr.is_empty(), "{}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).unwrap()
}

/// The figures of a report without its timings, which vary from run to run.
fn scores(report: &Value) -> Vec<Value> {
    report["systems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|system| {
            let mut system = system.clone();
            system.as_object_mut().unwrap().remove("seconds");
            system
        })
        .collect()
}

#[test]
fn scores_nutgraf_and_lead_with_plausible_figures() {
    let report = eval_json(&["--baseline", "lead", "--threads", "2"]);
    assert_eq!(report["docs"], 3);
    let systems = report["systems"].as_array().unwrap();
    assert_eq!(systems.iter().map(|s| s["system"].as_str().unwrap()).collect::<Vec<_>>(), ["nutgraf", "lead"]);
    for system in systems {
        let f1 = |metric: &str| system[metric]["f1"].as_f64().unwrap();
        for metric in ["rouge1", "rouge2", "rougeL", "rougeLsum"] {
            assert!(f1(metric) > 20.0 && f1(metric) <= 100.0, "{system}");
            for part in ["precision", "recall"] {
                let value = system[metric][part].as_f64().unwrap();
                assert!(value > 0.0 && value <= 100.0, "{system}");
            }
        }
        assert!(f1("rouge1") > f1("rouge2"), "{system}");
        assert!(f1("rouge1") >= f1("rougeL"), "{system}");
        assert!(system["avg_words"].as_f64().unwrap() > 20.0);
    }
    // The same run on one thread gives the same figures.
    assert_eq!(scores(&eval_json(&["--baseline", "lead", "--threads", "1"])), scores(&report));
}

#[test]
fn text_report_has_a_row_per_system() {
    cargo_bin_cmd!("nutgraf")
        .args(["eval", DATA, "--baseline", "lead"])
        .assert()
        .success()
        .stdout(predicate::str::contains("3 documents"))
        .stdout(predicate::str::is_match(r"(?m)^nutgraf +\d+\.\d\d +\d+\.\d\d +\d+\.\d\d +\d+\.\d\d").unwrap())
        .stdout(predicate::str::is_match(r"(?m)^lead +\d+\.\d\d +\d+\.\d\d +\d+\.\d\d +\d+\.\d\d").unwrap());
    cargo_bin_cmd!("nutgraf")
        .args(["eval", DATA])
        .assert()
        .success()
        .stdout(predicate::str::is_match(r"(?m)^lead ").unwrap().not());
}

#[test]
fn per_doc_file_shows_lead_matching_an_extractive_reference() {
    let dir = tempfile::tempdir().unwrap();
    let per_doc = dir.path().join("per-doc.jsonl");
    cargo_bin_cmd!("nutgraf").args(["eval", DATA, "--baseline", "lead", "--per-doc"]).arg(&per_doc).assert().success();
    let lines: Vec<Value> =
        std::fs::read_to_string(&per_doc).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(Value::from_iter(lines.iter().map(|l| l["id"].clone())), json!(["harbor-bridge", "library-hours", 3]));
    assert_eq!(lines[0]["line"], 1);
    // The first record's reference is its first three sentences after the headline: LEAD-3 is exact.
    let lead = &lines[0]["lead"];
    assert!(lead["brief"].as_str().unwrap().starts_with("The Harbor Street bridge will close"));
    for metric in ["rouge1", "rouge2", "rougeL", "rougeLsum"] {
        assert_eq!(lead[metric], 100.0, "{lead}");
        let nutgraf = lines[0]["nutgraf"][metric].as_f64().unwrap();
        assert!(nutgraf > 0.0 && nutgraf <= 100.0);
    }
    assert_eq!(lead["words"], 50);
    assert!(!lead["brief"].as_str().unwrap().contains("Harbor bridge to close"), "the headline is skipped");
}

#[test]
fn bad_records_name_their_line() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("bad.jsonl");
    std::fs::write(
        &data,
        "{\"id\": 1, \"text\": \"A sentence. Another.\", \"summary\": \"A sentence.\"}\n\n\
         {\"id\": 2, \"text\": \"No reference here.\"}\n\
         {\"id\": 3, \"summary\": \"No text here.\"}\n\
         not json\n",
    )
    .unwrap();
    cargo_bin_cmd!("nutgraf")
        .arg("eval")
        .arg(&data)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("3 bad record(s)"))
        .stderr(predicate::str::contains("bad.jsonl:3: no \"summary\" or \"summaries\""))
        .stderr(predicate::str::contains("bad.jsonl:4: no \"text\""))
        .stderr(predicate::str::contains("bad.jsonl:5: not a JSON object"));
}

#[test]
fn unreadable_data_exits_2() {
    cargo_bin_cmd!("nutgraf")
        .args(["eval", "/nonexistent/data.jsonl"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("/nonexistent/data.jsonl: cannot read data"));
}

#[test]
fn json_has_the_version_the_configuration_intervals_and_the_paired_difference() {
    let report = eval_json(&["--baseline", "lead", "--preset", "general"]);
    assert_eq!(report["version"], env!("CARGO_PKG_VERSION"));
    let configuration: nutgraf::Config = serde_json::from_value(report["configuration"].clone()).unwrap();
    assert_eq!(configuration, nutgraf::Config::preset(nutgraf::Preset::General));
    let systems = report["systems"].as_array().unwrap();
    for metric in ["rouge1", "rouge2", "rougeL", "rougeLsum"] {
        for system in systems {
            let interval = &system["intervals"][metric];
            let (low, mean, high) = (
                interval["low"].as_f64().unwrap(),
                interval["mean"].as_f64().unwrap(),
                interval["high"].as_f64().unwrap(),
            );
            assert!((mean - system[metric]["f1"].as_f64().unwrap()).abs() < 1e-9, "{system}");
            assert!(low <= mean && mean <= high, "{interval}");
        }
        let difference = &report["difference"][metric];
        let expected = systems[0][metric]["f1"].as_f64().unwrap() - systems[1][metric]["f1"].as_f64().unwrap();
        assert!((difference["mean"].as_f64().unwrap() - expected).abs() < 1e-9, "{difference}");
        assert!(difference["low"].as_f64().unwrap() <= difference["high"].as_f64().unwrap());
    }
    assert_eq!(report["difference"]["against"], "lead");
    // Without a baseline there is nothing to take the difference with.
    assert!(eval_json(&[]).get("difference").is_none());
}
