//! Where the integration tests find `shared/` (the eval data sets beside the checkout): the very rule
//! the library's unit tests follow, compiled in from `src/shared_data.rs` so that there is one copy.
//!
//! A test that needs `shared/` and does not find it is skipped with a notice, and would then count as
//! passed: acceptable on a developer's machine without the data, not in CI. So under `CI` (set to
//! anything but `false`/`0`/empty, as CI services do) a missing `shared/` fails the test instead;
//! `tests/shared_rule.rs` checks both ends by running a probe test.

#[path = "../../src/shared_data.rs"]
mod rule;

pub(crate) use rule::shared_path;
