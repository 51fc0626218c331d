//! The README's `nutgraf tune` commands reproduce the shipped presets exactly: what they print on stdout
//! is the preset's `--print-config`. Minutes in a debug build, so ignored by `cargo test`; `.ci/run` runs
//! it in release (`cargo test --release --test tune_presets -- --ignored`).

#[path = "support/shared.rs"]
mod shared;

use assert_cmd::cargo::cargo_bin_cmd;
use nutgraf::{Config, Preset};
use shared::shared_path;

fn tune(data: &[&str], extra: &[&str]) -> Option<String> {
    let mut paths = Vec::new();
    for name in data {
        paths.push(shared_path(&format!("eval/{name}/dev.jsonl"))?);
    }
    let output = cargo_bin_cmd!("nutgraf")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NUTGRAF_CONFIG")
        .arg("tune")
        .args(&paths)
        .args(extra)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    eprintln!("{stderr}");
    Some(String::from_utf8(output.stdout).unwrap())
}

#[test]
#[ignore = "minutes in a debug build; .ci/run runs it in release"]
fn the_news_grid_prints_the_news_preset() {
    let args = ["--grid", "data/tune/news.toml", "--target", "40.74/18.96/37.12", "--target", "46.45/39.66/45.65"];
    let Some(best) = tune(&["cnndm_frank", "bbc_news_summary"], &args) else { return };
    assert_eq!(best, Config::preset(Preset::News).to_toml_string());
}

#[test]
#[ignore = "minutes in a debug build; .ci/run runs it in release"]
fn the_general_grid_prints_the_general_preset() {
    let args = ["--preset", "general", "--grid", "data/tune/general.toml", "--target", "59.29/54.80/58.87"];
    let Some(best) = tune(&["bbc_news_summary"], &args) else { return };
    assert_eq!(best, Config::preset(Preset::General).to_toml_string());
}
