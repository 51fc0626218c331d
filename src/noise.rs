//! Boilerplate detection: which sentences are page furniture rather than the article.
//!
//! Scraped pages bring navigation, paywall and newsletter prompts, photo credits, share lines and
//! teasers. None of them may reach a brief. Each sentence gets a boilerplate likelihood from general
//! signals only: layout (a line on its own without final punctuation), length, cue phrases from
//! `data/noise/`, repetition within the page, and distance from the page's main run of prose.
//!
//! ```
//! use nutgraf::{Analyzer, Language, NoiseDetector, SentenceSplitter};
//!
//! let text = "Subscribe now\nPicture: REUTERS\n\nThe central bank raised rates by half a point on \
//!             Tuesday, its third increase this year, citing stubborn inflation.\n\nSign up for our newsletter.";
//! let sentences = SentenceSplitter::new(Language::English).split(text);
//! let document = Analyzer::new(Language::English).analyze(text, &sentences);
//! let noise = NoiseDetector::new(Language::English).detect(text, &sentences, &document);
//! let kept: Vec<&str> = sentences.iter().zip(&noise.likelihood)
//!     .filter(|(_, p)| **p < 0.5)
//!     .map(|(s, _)| s.text(text))
//!     .collect();
//! assert_eq!(kept, ["The central bank raised rates by half a point on Tuesday, its third increase this year, citing stubborn inflation."]);
//! ```

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use rustc_hash::FxHashMap;

use crate::analyze::AnalyzedDocument;
use crate::language::Language;
use crate::segment::{Sentence, is_closing};

/// Prose: a sentence at least this long, with final punctuation and no cue phrase, is article text.
const PROSE_MIN_WORDS: usize = 10;
/// Paragraphs of non-prose that the main text may span (a caption or a subheading inside the article).
const MAX_REGION_GAP: usize = 3;

/// Per-sentence boilerplate likelihoods, and the headline if the text opens with one.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NoiseReport {
    /// Likelihood in [0, 1] that each sentence is boilerplate.
    pub likelihood: Vec<f64>,
    /// Whether each sentence must never be chosen whatever the threshold: a cue-phrase prompt, a
    /// repeated line, or a fragment of fewer than three words.
    pub hard: Vec<bool>,
    /// The index of the headline: a first line without final punctuation, followed by more text.
    pub headline: Option<usize>,
}

/// Scores sentences for boilerplate, for one language. Build it once; it is `Send + Sync`.
#[derive(Clone, Debug)]
pub struct NoiseDetector {
    cues: AhoCorasick,
}

impl NoiseDetector {
    /// A detector with the cue phrases of `language`.
    pub fn new(language: Language) -> Self {
        let cues: Vec<&str> = language.noise_cues().collect();
        let cues = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&cues)
            // The cue lists are compiled in and a test builds every language's automaton; the builder only
            // fails beyond size limits that a few hundred short phrases are far from.
            .expect("compiled-in cue phrases build an automaton");
        NoiseDetector { cues }
    }

    /// Scores every sentence of an analyzed text.
    pub fn detect(&self, text: &str, sentences: &[Sentence], document: &AnalyzedDocument) -> NoiseReport {
        let n = sentences.len();
        let words: Vec<usize> = (0..n).map(|i| document.word_count(i)).collect();
        let cue: Vec<bool> = sentences.iter().map(|s| self.has_cue(s.text(text))).collect();
        let repeated = repeated_sentences(text, sentences);
        let in_region = main_region(sentences, &words, &cue);
        let headline = detect_headline(text, sentences, &words);

        let mut likelihood = Vec::with_capacity(n);
        let mut hard = Vec::with_capacity(n);
        for (i, sentence) in sentences.iter().enumerate() {
            let short = words[i] < 6;
            let fragment = !sentence.terminated;
            let mut z: f64 = -2.5;
            if sentence.is_standalone_line() {
                z += 2.0;
            } else if fragment {
                z += 1.0;
            }
            if short {
                z += 1.5;
            } else if words[i] < 10 {
                z += 0.7;
            } else if words[i] >= 15 && !fragment {
                z -= 1.0;
            }
            if cue[i] {
                z += if short || fragment { 3.0 } else { 1.2 };
            }
            if repeated[i] {
                z += 2.5;
            }
            if !in_region[i] {
                z += 1.5;
            }
            likelihood.push(1.0 / (1.0 + (-z).exp()));
            hard.push(repeated[i] || (cue[i] && (short || fragment)) || (words[i] < 3 && fragment));
        }
        NoiseReport { likelihood, hard, headline }
    }

    fn has_cue(&self, sentence: &str) -> bool {
        let bytes = sentence.as_bytes();
        self.cues.find_iter(sentence).any(|m| {
            let before_ok = m.start() == 0 || !is_word_byte(bytes[m.start() - 1]);
            let after_ok = m.end() == bytes.len() || !is_word_byte(bytes[m.end()]);
            before_ok && after_ok
        })
    }
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// Sentences whose text (case- and space-insensitive) occurs more than once in the document.
fn repeated_sentences(text: &str, sentences: &[Sentence]) -> Vec<bool> {
    let keys: Vec<String> = sentences
        .iter()
        .map(|s| {
            s.text(text).split_whitespace().flat_map(|w| w.chars().flat_map(char::to_lowercase).chain([' '])).collect()
        })
        .collect();
    let mut counts: FxHashMap<&str, u32> = FxHashMap::default();
    for key in &keys {
        *counts.entry(key.as_str()).or_insert(0) += 1;
    }
    keys.iter().map(|k| counts.get(k.as_str()).copied().unwrap_or(0) > 1).collect()
}

/// Marks the sentences inside the page's main run of prose paragraphs.
///
/// A paragraph is prose when most of its words are in prose sentences. The main region is the run of
/// paragraphs, bridging gaps of up to [`MAX_REGION_GAP`] non-prose paragraphs, with the most prose words.
/// Text with no prose at all has no region to stand out from, so every sentence counts as inside.
fn main_region(sentences: &[Sentence], words: &[usize], cue: &[bool]) -> Vec<bool> {
    let n = sentences.len();
    // (paragraph number, prose words, all words), in order.
    let mut paragraphs: Vec<(u32, usize, usize)> = Vec::new();
    for i in 0..n {
        let prose = sentences[i].terminated && words[i] >= PROSE_MIN_WORDS && !cue[i];
        let prose_words = if prose { words[i] } else { 0 };
        match paragraphs.last_mut() {
            Some(last) if last.0 == sentences[i].paragraph => {
                last.1 += prose_words;
                last.2 += words[i];
            }
            _ => paragraphs.push((sentences[i].paragraph, prose_words, words[i])),
        }
    }
    let is_prose: Vec<bool> = paragraphs.iter().map(|&(_, prose, all)| prose > 0 && prose * 2 >= all).collect();
    let mut best: Option<(usize, usize, usize)> = None; // (first, last, prose words)
    let mut current: Option<(usize, usize, usize)> = None;
    let mut gap = 0;
    for (k, &prose) in is_prose.iter().enumerate() {
        if prose {
            current = Some(match current {
                Some((first, _, total)) if gap <= MAX_REGION_GAP => (first, k, total + paragraphs[k].1),
                _ => (k, k, paragraphs[k].1),
            });
            gap = 0;
            if let Some(c) = current
                && best.is_none_or(|b| c.2 > b.2)
            {
                best = Some(c);
            }
        } else {
            gap += 1;
        }
    }
    let Some((first, last, _)) = best else {
        return vec![true; n];
    };
    let (first_paragraph, last_paragraph) = (paragraphs[first].0, paragraphs[last].0);
    sentences.iter().map(|s| (first_paragraph..=last_paragraph).contains(&s.paragraph)).collect()
}

/// The first sentence is a headline when it is a whole line that does not end in `.`, `!`, `?` or `:`
/// after closing quotes and brackets (short lines ending in `?` or `!` are headlines too), and more
/// text follows.
fn detect_headline(text: &str, sentences: &[Sentence], words: &[usize]) -> Option<usize> {
    let first = sentences.first()?;
    if sentences.len() < 2 || !first.starts_line || !first.ends_line {
        return None;
    }
    let body = first.text(text).trim_end_matches(is_closing);
    let last = body.chars().next_back()?;
    let is_headline = match last {
        '.' | ':' | '\u{2026}' => false,
        '?' | '!' => words.first().is_some_and(|&w| w <= 12),
        _ => true,
    };
    is_headline.then_some(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::Analyzer;
    use crate::segment::SentenceSplitter;

    fn report(text: &str) -> (Vec<String>, NoiseReport) {
        let sentences = SentenceSplitter::new(Language::English).split(text);
        let document = Analyzer::new(Language::English).analyze(text, &sentences);
        let report = NoiseDetector::new(Language::English).detect(text, &sentences, &document);
        (sentences.iter().map(|s| s.text(text).to_string()).collect(), report)
    }

    #[test]
    fn every_language_builds_its_cue_automaton() {
        for language in Language::ALL {
            let _ = NoiseDetector::new(language);
        }
    }

    #[test]
    fn headline_is_a_first_line_without_final_punctuation() {
        let (_, r) = report("Rates rise again\n\nThe bank raised rates on Tuesday, the third rise this year.");
        assert_eq!(r.headline, Some(0));
        let (_, r) = report("The bank raised rates.\n\nIt was the third rise this year.");
        assert_eq!(r.headline, None);
    }

    #[test]
    fn repeated_lines_and_prompts_are_hard_noise() {
        let (texts, r) = report(
            "Subscribe now\n\nThe bank raised rates on Tuesday, the third rise this year, to curb inflation.\n\n\
             Subscribe now",
        );
        assert_eq!(texts.len(), 3);
        assert!(r.hard[0] && r.hard[2] && !r.hard[1]);
    }

    #[test]
    fn cue_words_in_long_article_sentences_are_not_fatal() {
        let (_, r) =
            report("The minister told Reuters on Friday that the new export rules would take effect next month.");
        assert!(!r.hard[0] && r.likelihood[0] < 0.5, "{r:?}");
    }
}
