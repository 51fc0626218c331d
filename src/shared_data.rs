//! Where the unit tests that read real text find `shared/` (the eval data sets beside the checkout).

use std::path::PathBuf;

/// `relative` under `shared/`: `$NUTGRAF_SHARED`, then the crate's sibling `../shared` (CI's layout), then
/// `/work/shared`; `None` when it is in none of them, and the test that needs it is skipped.
pub(crate) fn shared_path(relative: &str) -> Option<PathBuf> {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    std::env::var_os("NUTGRAF_SHARED")
        .map(PathBuf::from)
        .into_iter()
        .chain([manifest.join("../shared"), PathBuf::from("/work/shared")])
        .map(|shared| shared.join(relative))
        .find(|path| path.exists())
}
