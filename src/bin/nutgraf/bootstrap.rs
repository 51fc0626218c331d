//! Bootstrap confidence intervals for `nutgraf eval`: how far the mean over a data set's documents
//! could move with another draw of documents like them.
//!
//! Documents are resampled with replacement; every call with the same number of documents draws the
//! same resamples (a fixed seed), so the intervals are reproducible and the paired difference of two
//! systems resamples the same documents for both.

use serde::Serialize;

/// Resamples per interval: enough for the 2.5th and 97.5th percentiles to settle to ~0.1 ROUGE point.
pub const RESAMPLES: usize = 1000;
const SEED: u64 = 0x6e75_7467_7261_6621;

/// A 95% percentile interval of a mean.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Interval {
    pub low: f64,
    pub high: f64,
}

/// The mean of `values` and its 95% bootstrap interval; `None` for no values.
pub fn mean_interval(values: &[f64]) -> Option<(f64, Interval)> {
    let n = values.len();
    if n == 0 {
        return None;
    }
    let mean = values.iter().sum::<f64>() / n as f64;
    let mut rng = fastrand::Rng::with_seed(SEED);
    let mut means: Vec<f64> =
        (0..RESAMPLES).map(|_| (0..n).map(|_| values[rng.usize(..n)]).sum::<f64>() / n as f64).collect();
    means.sort_by(f64::total_cmp);
    let at = |q: f64| means[((q * (RESAMPLES - 1) as f64).round() as usize).min(RESAMPLES - 1)];
    Some((mean, Interval { low: at(0.025), high: at(0.975) }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_interval_holds_the_mean_and_narrows_with_more_documents() {
        let few: Vec<f64> = (0..20).map(|i| f64::from(i % 7) * 10.0).collect();
        let many: Vec<f64> = few.iter().cycle().take(2000).copied().collect();
        let (mean, wide) = mean_interval(&few).unwrap();
        let (_, narrow) = mean_interval(&many).unwrap();
        assert!(wide.low < mean && mean < wide.high, "{wide:?} {mean}");
        assert!(narrow.high - narrow.low < (wide.high - wide.low) / 5.0, "{narrow:?} {wide:?}");
        // The same input gives the same interval: the seed is fixed.
        assert_eq!(mean_interval(&few), mean_interval(&few));
    }

    #[test]
    fn constant_values_have_a_point_interval_and_none_have_none() {
        assert_eq!(mean_interval(&[3.0; 10]), Some((3.0, Interval { low: 3.0, high: 3.0 })));
        assert_eq!(mean_interval(&[]), None);
    }
}
