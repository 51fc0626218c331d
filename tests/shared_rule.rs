//! The rule for tests that read `shared/`: skipped with a notice when it is missing, failed under `CI`.
//! Checked end to end by running this test binary again with `shared/` pointed at nowhere.

#[path = "support/shared.rs"]
mod shared;

use std::process::Command;

use shared::shared_path;

/// Set in the child runs only: makes [`probe_reads_shared`] look for `shared/`.
const PROBE: &str = "NUTGRAF_SHARED_RULE_PROBE";

/// Not a check on its own: the child process that the tests below run, a test that reads `shared/`.
#[test]
fn probe_reads_shared() {
    if std::env::var_os(PROBE).is_some() {
        let _ = shared_path("eval/sbd");
    }
}

fn run_probe(ci: Option<&str>) -> std::process::Output {
    let nowhere = tempfile::TempDir::new().unwrap();
    let mut command = Command::new(std::env::current_exe().unwrap());
    command
        .args(["probe_reads_shared", "--exact", "--nocapture", "--test-threads=1"])
        .env(PROBE, "1")
        .env("NUTGRAF_SHARED", nowhere.path().join("missing"))
        .env_remove("CI");
    if let Some(ci) = ci {
        command.env("CI", ci);
    }
    command.output().unwrap()
}

#[test]
fn missing_shared_skips_with_a_notice_outside_ci() {
    for ci in [None, Some(""), Some("false"), Some("0")] {
        let output = run_probe(ci);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "{ci:?}: {stderr}");
        assert!(stderr.contains("notice: shared/eval/sbd not found"), "{ci:?}: {stderr}");
    }
}

#[test]
fn missing_shared_fails_the_run_under_ci() {
    for ci in ["true", "1", "yes"] {
        let output = run_probe(Some(ci));
        let printed = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
        assert!(!output.status.success(), "CI={ci}: the run passed");
        assert!(printed.contains("a CI run must not skip"), "CI={ci}: {printed}");
    }
}
