//! The language-neutral ROUGE of `nutgraf eval --tokenizer unicode` against `score_multilingual.py`:
//! `tests/fixtures/multilingual_rouge.jsonl` holds what the script's tokenizer and rouge-score 0.1.2
//! give for a few pairs in six languages (made by `tests/fixtures/make_multilingual_rouge_fixture.py`).

use nutgraf::Language;
use nutgraf::eval::{Metric, RougeScorerBuilder};

#[test]
fn unicode_rouge_equals_the_multilingual_scorer() {
    let fixture = include_str!("fixtures/multilingual_rouge.jsonl");
    let mut pairs = 0;
    for line in fixture.lines() {
        let case: serde_json::Value = serde_json::from_str(line).unwrap();
        let language: Language = case["language"].as_str().unwrap().parse().unwrap();
        let references: Vec<&str> =
            case["references"].as_array().unwrap().iter().map(|r| r.as_str().unwrap()).collect();
        let candidate = case["candidate"].as_str().unwrap();
        let scores = RougeScorerBuilder::multilingual(language).build().score_multi(&references, candidate);
        for metric in Metric::ALL {
            let expected: Vec<f64> =
                case[metric.name()].as_array().unwrap().iter().map(|v| v.as_f64().unwrap()).collect();
            let got = scores[metric];
            for (name, want, have) in [
                ("precision", expected[0], got.precision),
                ("recall", expected[1], got.recall),
                ("f1", expected[2], got.f1),
            ] {
                assert!((want - have).abs() < 1e-6, "{language} {metric} {name}: python {want}, nutgraf {have}");
            }
        }
        pairs += 1;
    }
    assert_eq!(pairs, 6);
}
