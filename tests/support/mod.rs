//! Helpers shared by integration tests.

pub mod article_match;
pub mod shared;
