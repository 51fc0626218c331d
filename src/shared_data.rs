//! Where the unit tests that read real text find `shared/` (the eval data sets beside the checkout).
//!
//! The integration tests compile this file in too (`tests/support/shared.rs`), so both follow one rule:
//! a missing `shared/` skips the test with a notice, except under `CI` (anything but `false`/`0`/empty),
//! where it fails the test.

use std::path::PathBuf;

/// `relative` under `shared/`: under `$NUTGRAF_SHARED` when that is set (and only there: an explicit
/// choice that is wrong must not fall back silently), else the crate's sibling `../shared` (CI's layout)
/// or `/work/shared`; `None` when it is not found, and the test that needs it is skipped.
///
/// Panics when it is missing and `CI` says this is a CI run.
pub(crate) fn shared_path(relative: &str) -> Option<PathBuf> {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let roots = match std::env::var_os("NUTGRAF_SHARED") {
        Some(chosen) => vec![PathBuf::from(chosen)],
        None => vec![manifest.join("../shared"), PathBuf::from("/work/shared")],
    };
    let found = roots.into_iter().map(|shared| shared.join(relative)).find(|path| path.exists());
    if found.is_none()
        && let Err(message) = missing_shared(relative, std::env::var("CI").ok().as_deref())
    {
        panic!("{message}");
    }
    found
}

/// What to do when `shared/<relative>` is missing, given the value of `CI`: skip with a notice (`Ok`)
/// or fail (`Err`, the message to fail with).
fn missing_shared(relative: &str, ci: Option<&str>) -> Result<(), String> {
    if is_ci(ci) {
        return Err(format!(
            "shared/{relative} not found and CI is set: a CI run must not skip the tests that read shared/ \
             (put it beside the checkout as ../shared or point $NUTGRAF_SHARED at it)"
        ));
    }
    eprintln!("notice: shared/{relative} not found; the test that reads it is skipped (under CI=true it fails)");
    Ok(())
}

fn is_ci(ci: Option<&str>) -> bool {
    ci.is_some_and(|value| {
        let value = value.trim();
        !(value.is_empty() || value == "0" || value.eq_ignore_ascii_case("false"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_shared_skips_outside_ci_and_fails_under_ci() {
        for ci in [None, Some(""), Some("false"), Some("FALSE"), Some("0")] {
            assert_eq!(missing_shared("eval/x", ci), Ok(()), "{ci:?}");
        }
        for ci in [Some("true"), Some("1"), Some("yes")] {
            let message = missing_shared("eval/x", ci).unwrap_err();
            assert!(message.contains("shared/eval/x") && message.contains("CI"), "{message}");
        }
    }
}
