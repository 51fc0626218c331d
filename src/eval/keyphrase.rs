//! Keyphrase scoring as `kw_score.py` (the pke / Boudin protocol) scores it: lower-case, words are the
//! maximal runs of letters and digits, each Porter-stemmed (NLTK), exact match of the stemmed phrase;
//! P, R and F1 at k per document, averaged over documents.

use rustc_hash::FxHashSet;

use super::porter::PorterStemmer;

/// A phrase as the scorer compares it: lower-cased, split into runs of letters and digits (anything
/// else, hyphens and apostrophes included, separates words), each word Porter-stemmed, joined by one
/// space.
///
/// ```
/// use nutgraf::eval::normalize_keyphrase;
///
/// assert_eq!(normalize_keyphrase("Tax cuts"), "tax cut");
/// assert_eq!(normalize_keyphrase("single-photon states"), "singl photon state");
/// assert_eq!(normalize_keyphrase("U.S. Supreme Court"), "u s suprem court");
/// assert_eq!(normalize_keyphrase(" -- "), "");
/// ```
pub fn normalize_keyphrase(phrase: &str) -> String {
    let mut out = String::new();
    for word in scorer_words(phrase) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&PorterStemmer.stem(&word));
    }
    out
}

/// The lower-cased words of `text` as the scorer's `[^\W_]+` finds them.
fn scorer_words(text: &str) -> Vec<String> {
    let lower = text.to_lowercase();
    lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string).collect()
}

/// Precision, recall and F1 of one document at one k (fractions, not ×100).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct KeyphraseScore {
    /// Matches / predictions kept.
    pub precision: f64,
    /// Matches / gold phrases.
    pub recall: f64,
    /// Harmonic mean of the two (0 when both are 0).
    pub f1: f64,
}

/// One document's gold phrases, normalised, ready to score any number of predictions against.
///
/// ```
/// use nutgraf::eval::KeyphraseGold;
///
/// let gold = KeyphraseGold::new("The tax cuts passed the Senate.", ["tax cuts", "senate", "deficit"]);
/// assert_eq!(gold.len(), 3);
/// assert_eq!(gold.present_len(), 2);
/// let score = gold.score(&["Tax cut", "tax cuts", "Senate vote"], 5, false);
/// assert_eq!(score.precision, 0.5); // 2 distinct predictions, 1 match
/// assert!((score.recall - 1.0 / 3.0).abs() < 1e-12);
/// ```
#[derive(Clone, Debug)]
pub struct KeyphraseGold {
    /// Each gold item: its normalised variants.
    all: Vec<Vec<String>>,
    /// Indices into `all` of the items whose words occur in the text.
    present: Vec<usize>,
}

impl KeyphraseGold {
    /// The gold set of a document: `keyphrases` (one variant each), repeats and empty ones dropped.
    pub fn new<I, S>(text: &str, keyphrases: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        Self::with_variants(text, keyphrases.into_iter().map(|k| vec![k.as_ref().to_string()]))
    }

    /// The gold set when each item has several acceptable variants (`keyphrase_variants`).
    pub fn with_variants<I>(text: &str, items: I) -> Self
    where
        I: IntoIterator<Item = Vec<String>>,
    {
        let mut all: Vec<Vec<String>> = Vec::new();
        let mut seen: FxHashSet<String> = FxHashSet::default();
        for variants in items {
            let mut keys: Vec<String> = Vec::new();
            for variant in &variants {
                let key = normalize_keyphrase(variant);
                if !key.is_empty() && !keys.contains(&key) {
                    keys.push(key);
                }
            }
            if keys.is_empty() || keys.iter().any(|k| seen.contains(k)) {
                continue;
            }
            seen.extend(keys.iter().cloned());
            all.push(keys);
        }
        let mut padded = String::from(" ");
        for word in scorer_words(text) {
            padded.push_str(&PorterStemmer.stem(&word));
            padded.push(' ');
        }
        let present = (0..all.len()).filter(|&i| all[i].iter().any(|k| padded.contains(&format!(" {k} ")))).collect();
        KeyphraseGold { all, present }
    }

    /// Number of distinct gold items.
    pub fn len(&self) -> usize {
        self.all.len()
    }

    /// Whether the document has no gold phrase.
    pub fn is_empty(&self) -> bool {
        self.all.is_empty()
    }

    /// Number of gold items that occur in the text.
    pub fn present_len(&self) -> usize {
        self.present.len()
    }

    /// Scores ranked `predictions` at `k` against all gold items, or only the present ones.
    pub fn score<S: AsRef<str>>(&self, predictions: &[S], k: usize, present_only: bool) -> KeyphraseScore {
        let mut top: Vec<String> = Vec::new();
        for prediction in predictions {
            if top.len() >= k {
                break;
            }
            let key = normalize_keyphrase(prediction.as_ref());
            if !key.is_empty() && !top.contains(&key) {
                top.push(key);
            }
        }
        let gold: Vec<&Vec<String>> =
            if present_only { self.present.iter().map(|&i| &self.all[i]).collect() } else { self.all.iter().collect() };
        if top.is_empty() || gold.is_empty() {
            return KeyphraseScore::default();
        }
        let matched = gold.iter().filter(|variants| variants.iter().any(|v| top.contains(v))).count();
        let precision = matched as f64 / top.len() as f64;
        let recall = matched as f64 / gold.len() as f64;
        let f1 = if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 };
        KeyphraseScore { precision, recall, f1 }
    }
}
