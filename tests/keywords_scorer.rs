//! The keyphrase scorer against `kw_score.py`: every per-document P, R and F1 at 5, 10 and 15, over all
//! gold phrases and over present ones, on all 371 dev records of the three keyphrase sets, for a
//! synthetic ranked list built from each record (see `fixtures/keywords/make_scorer_fixture.py`, which
//! made the expected values with the script).

#[path = "support/shared.rs"]
mod shared;

use nutgraf::eval::KeyphraseGold;
use serde_json::Value;
use shared::shared_path;

/// Python's `str.title()` closely enough for this test: the scorer lower-cases everything anyway.
fn title(text: &str) -> String {
    let mut out = String::new();
    let mut previous_cased = false;
    for c in text.chars() {
        if previous_cased {
            out.extend(c.to_lowercase());
        } else {
            out.extend(c.to_uppercase());
        }
        previous_cased = c.is_alphabetic();
    }
    out
}

/// The list `make_scorer_fixture.py` builds for a record.
fn predictions(text: &str, gold: &[String]) -> Vec<String> {
    let mut predictions: Vec<String> = gold.iter().skip(1).step_by(2).cloned().collect();
    if gold.len() > 1 {
        predictions.push(gold[1].to_uppercase());
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    for i in (0..24).step_by(2).filter(|&i| i < words.len()) {
        predictions.push(words[i..(i + 2).min(words.len())].join(" "));
    }
    if predictions.len() > 3 {
        predictions[3] = title(&predictions[3]);
    }
    predictions
}

#[test]
fn per_document_scores_match_kw_score_py() {
    let expected: Vec<Value> = include_str!("fixtures/keywords/scorer_expected.jsonl")
        .lines()
        .map(|line| serde_json::from_str(line).expect("fixture line is JSON"))
        .collect();
    let expected_by_id: std::collections::HashMap<&str, &Value> =
        expected.iter().map(|row| (row["id"].as_str().expect("fixture id"), row)).collect();
    let mut checked = 0;
    for set in ["duc2001", "inspec", "kpcrowd"] {
        let Some(path) = shared_path(&format!("eval/keywords_{set}/dev.jsonl")) else {
            eprintln!("skipped: no shared/eval/keywords_{set}");
            continue;
        };
        let data = std::fs::read_to_string(path).expect("dev set is readable");
        for line in data.lines().filter(|l| !l.trim().is_empty()) {
            let record: Value = serde_json::from_str(line).expect("dev record is JSON");
            let id = record["id"].as_str().expect("dev record id");
            let text = record["text"].as_str().unwrap_or("");
            let gold_phrases: Vec<String> = record["keyphrases"]
                .as_array()
                .expect("gold list")
                .iter()
                .filter_map(|g| g.as_str().map(str::to_string))
                .collect();
            let row = expected_by_id.get(id).unwrap_or_else(|| panic!("{id} missing from the fixture"));
            let gold = KeyphraseGold::new(text, &gold_phrases);
            assert_eq!(gold.len() as u64, row["n_gold"].as_u64().unwrap_or(0), "{id}: gold size");
            assert_eq!(gold.present_len() as u64, row["n_present"].as_u64().unwrap_or(0), "{id}: present");
            let predicted = predictions(text, &gold_phrases);
            for k in [5, 10, 15] {
                for present in [false, true] {
                    let suffix = if present { "_present" } else { "" };
                    if present && gold.present_len() == 0 {
                        assert!(row.get(format!("f1@{k}_present")).is_none());
                        continue;
                    }
                    let score = gold.score(&predicted, k, present);
                    for (name, ours) in [("p", score.precision), ("r", score.recall), ("f1", score.f1)] {
                        let theirs = row[format!("{name}@{k}{suffix}")].as_f64().expect("fixture number");
                        assert!((ours - theirs).abs() < 1e-12, "{id} {name}@{k}{suffix}: ours {ours}, script {theirs}");
                    }
                }
            }
            checked += 1;
        }
    }
    assert!(checked == 0 || checked == expected.len(), "checked {checked} of {} records", expected.len());
}
