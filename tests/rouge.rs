//! ROUGE against Google's `rouge-score` 0.1.2: its own test suite's expectations (`google-*` records of
//! `peer-tests/rouge_cases.jsonl`) and reference values it computed on dev news text
//! (`peer-tests/rouge_score_reference_dev.jsonl`). Both files score `score(target, prediction)` on the
//! 0–1 scale with rouge-score's own Lsum split (on "\n").

#[path = "support/shared.rs"]
mod shared;

use std::path::PathBuf;

use nutgraf::eval::{LsumSplit, Metric, RougeScorer, Score};
use serde_json::Value;
use shared::shared_path;

/// `../shared/peer-tests`, found from the crate root, or None (with a notice) when not available.
fn peer_tests() -> Option<PathBuf> {
    let found = shared_path("eval/peer-tests");
    if found.is_none() {
        eprintln!("notice: ../shared/eval/peer-tests not found; skipping the rouge-score comparison");
    }
    found
}

fn read_jsonl(path: PathBuf) -> Vec<Value> {
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines().filter(|l| !l.trim().is_empty()).map(|l| serde_json::from_str(l).unwrap()).collect()
}

fn scorer(stemming: bool) -> RougeScorer {
    RougeScorer::builder().stemming(stemming).lsum_split(LsumSplit::Newlines).build()
}

fn metric(name: &str) -> Metric {
    Metric::ALL.into_iter().find(|m| m.name() == name).unwrap_or_else(|| panic!("unknown metric {name}"))
}

/// Compares each of precision, recall and F against `expected`; returns (compared, agree to 1e-6,
/// largest deviation).
fn compare(
    id: &str,
    metric: Metric,
    score: Score,
    expected: &Value,
    tolerance: f64,
    failures: &mut Vec<String>,
) -> (usize, usize, f64) {
    let mut counts = (0, 0, 0.0f64);
    for (field, value) in [("precision", score.precision), ("recall", score.recall), ("fmeasure", score.f1)] {
        let want = expected[field].as_f64().unwrap_or_else(|| panic!("{id}: no {metric}.{field}"));
        let deviation = (value - want).abs();
        counts.0 += 1;
        counts.1 += usize::from(deviation <= 1e-6);
        counts.2 = counts.2.max(deviation);
        if deviation > tolerance {
            failures.push(format!("{id} {metric}.{field}: expected {want}, got {value}"));
        }
    }
    counts
}

#[test]
fn matches_rouge_score_on_dev_news() {
    let Some(dir) = peer_tests() else { return };
    let records = read_jsonl(dir.join("rouge_score_reference_dev.jsonl"));
    assert_eq!(records.len(), 177);
    let (stemmed, plain) = (scorer(true), scorer(false));
    let (mut compared, mut exact, mut worst) = (0, 0, 0.0f64);
    let mut failures = Vec::new();
    for record in &records {
        let id = record["id"].as_str().unwrap_or("?");
        let (target, prediction) = (record["target"].as_str().unwrap(), record["prediction"].as_str().unwrap());
        for (mode, scorer) in [("stem", &stemmed), ("nostem", &plain)] {
            let scores = scorer.score(target, prediction);
            for m in Metric::ALL {
                let (c, e, w) = compare(id, m, scores[m], &record["expected"][mode][m.name()], 0.01, &mut failures);
                (compared, exact, worst) = (compared + c, exact + e, worst.max(w));
            }
        }
    }
    println!("rouge_score_reference_dev: {exact} of {compared} values agree to 1e-6; largest deviation {worst:e}");
    assert!(failures.is_empty(), "{} values differ by more than 0.01:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn matches_rouge_score_test_suite() {
    let Some(dir) = peer_tests() else { return };
    let cases: Vec<Value> = read_jsonl(dir.join("rouge_cases.jsonl"))
        .into_iter()
        .filter(|case| case["id"].as_str().is_some_and(|id| id.starts_with("google-")))
        .collect();
    assert_eq!(cases.len(), 22);
    let (mut compared, mut exact, mut worst) = (0, 0, 0.0f64);
    let mut failures = Vec::new();
    for case in &cases {
        let id = case["id"].as_str().unwrap_or("?");
        let scorer = scorer(case["use_stemmer"].as_bool().unwrap());
        let scores = scorer.score(case["target"].as_str().unwrap(), case["prediction"].as_str().unwrap());
        // The test suite's own tolerance: assertAlmostEqual(places=...).
        let places = case["places"].as_i64().unwrap_or(7) as i32;
        let tolerance = 0.5 * 10f64.powi(-places);
        for name in case["rouge_types"].as_array().unwrap() {
            let m = metric(name.as_str().unwrap());
            let (c, e, w) = compare(id, m, scores[m], &case["expected"][m.name()], tolerance.min(0.01), &mut failures);
            (compared, exact, worst) = (compared + c, exact + e, worst.max(w));
        }
    }
    println!("rouge_cases google-*: {exact} of {compared} values agree to 1e-6; largest deviation {worst:e}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

mod properties {
    use nutgraf::eval::{Metric, PorterStemmer, RougeScorer};
    use proptest::prelude::*;
    use proptest::test_runner::FileFailurePersistence;

    fn text() -> impl Strategy<Value = String> {
        // Words, numbers, punctuation, line breaks and a few non-ASCII letters, so tokens repeat.
        proptest::collection::vec(
            prop_oneof!["[a-eA-E]{1,6}(ing|ed|s|ly|ation)?", "[0-9]{1,3}", "[ .,;!?\n\r—…“”]{1,2}", "[İéßΣ]",],
            0..40,
        )
        .prop_map(|parts| parts.join(" "))
    }

    proptest! {
        #![proptest_config(ProptestConfig {
            // Integration tests have no lib.rs beside them for proptest to find: failing cases are kept here.
            failure_persistence: Some(Box::new(FileFailurePersistence::Direct(
                "tests/proptest-regressions/rouge.txt",
            ))),
            ..ProptestConfig::default()
        })]

        #[test]
        fn scores_are_bounded_and_self_scores_are_perfect(reference in text(), candidate in text()) {
            let scorer = RougeScorer::new();
            let scores = scorer.score(&reference, &candidate);
            for metric in Metric::ALL {
                let s = scores[metric];
                for value in [s.precision, s.recall, s.f1] {
                    prop_assert!((0.0..=1.0).contains(&value), "{metric}: {s:?}");
                }
                prop_assert!(s.f1 <= s.precision.max(s.recall) + 1e-12);
            }
            let has_tokens = !scorer.tokens(&reference).is_empty();
            let own = scorer.score(&reference, &reference);
            prop_assert_eq!(own.rouge1.f1, if has_tokens { 1.0 } else { 0.0 });
            prop_assert_eq!(own.rouge_l.f1, own.rouge1.f1);
        }

        #[test]
        fn stemming_never_panics_and_only_lowercases_short_words(word in "\\PC{0,12}") {
            let stem = PorterStemmer.stem(&word);
            if word.chars().count() <= 2 {
                prop_assert_eq!(stem, word.to_lowercase());
            }
        }
    }
}
