//! The fallback for text that a size budget cannot take whole sentences of: a transcript without
//! sentence punctuation is split into pieces of up to [`MAX_SENTENCE_BYTES`](crate::MAX_SENTENCE_BYTES),
//! and no such piece fits `--words 60`. Here every sentence larger than the budget is cut into chunks
//! that fit it, at the last clause mark (`,` `;` `:` or a dash) in the second half of the room, else at
//! the last word boundary, so the summarizer can choose among pieces that fit instead of returning an
//! empty brief.

use unicode_segmentation::UnicodeSegmentation;

use crate::segment::Sentence;
use crate::select::Budget;

/// `sentences` with every one that lacks final punctuation and is larger than `budget`'s size limit cut
/// into chunks that fit it; `None` when the budget is not a size budget or no such sentence is there.
/// Sentences that end in punctuation stay whole, as a budget promises. A single word larger than the
/// whole budget stays a chunk of its own (it cannot fit; the brief leaves it out).
pub(crate) fn fit_to_budget(text: &str, sentences: &[Sentence], budget: Budget) -> Option<Vec<Sentence>> {
    let (limit, _) = budget.size_limit()?;
    let mut cut_any = false;
    let mut out = Vec::with_capacity(sentences.len());
    for sentence in sentences {
        let sentence_text = sentence.text(text);
        let pieces =
            if sentence.terminated { vec![(0, sentence_text.len())] } else { chunks(sentence_text, budget, limit) };
        if pieces.len() > 1 {
            cut_any = true;
        }
        for (start, end) in pieces {
            out.push(Sentence {
                start: sentence.start + start,
                end: sentence.start + end,
                starts_line: sentence.starts_line && start == 0,
                ends_line: sentence.ends_line && end == sentence_text.len(),
                terminated: sentence.terminated && end == sentence_text.len(),
                ..*sentence
            });
        }
    }
    cut_any.then_some(out)
}

/// Byte ranges of `text` (trimmed, in order, covering every word) of at most `limit` in `budget`'s unit.
fn chunks(text: &str, budget: Budget, limit: usize) -> Vec<(usize, usize)> {
    let mut pieces = Vec::new();
    let mut start = skip_whitespace(text, 0);
    while start < text.len() {
        let end = chunk_end(text, start, budget, limit);
        pieces.push((start, text[..end].trim_end().len()));
        start = skip_whitespace(text, end);
    }
    pieces
}

fn skip_whitespace(text: &str, from: usize) -> usize {
    let rest = text.get(from..).unwrap_or("");
    from + (rest.len() - rest.trim_start().len())
}

/// Where the chunk that starts at `start` (not whitespace) ends: after as many words as fit, cut at the
/// last clause mark if that keeps at least half of the room, else after the last word that fits. A
/// chunk ends only before whitespace, never between a word and its mark; a first word larger than the
/// budget is a chunk of its own.
fn chunk_end(text: &str, start: usize, budget: Budget, limit: usize) -> usize {
    let counts_words = matches!(budget, Budget::Words(_));
    let mut size = 0usize;
    let mut best_end: Option<usize> = None;
    let mut best_clause_end: Option<(usize, usize)> = None;
    let mut tokens = text[start..].split_word_bound_indices().peekable();
    while let Some((relative, token)) = tokens.next() {
        let offset = start + relative;
        let is_space = token.trim().is_empty();
        // Whitespace is counted as it stands, never less than the brief prints (it folds line breaks).
        let token_size = match (is_space, counts_words) {
            (true, true) => 0,
            (false, true) => usize::from(token.unicode_words().next().is_some()),
            (_, false) => unit_size(token, budget),
        };
        if !is_space && size + token_size > limit {
            return match (best_clause_end, best_end) {
                (Some((clause, clause_size)), _) if clause_size * 2 >= limit => clause,
                (_, Some(end)) => end,
                (_, None) => text[offset..].find(char::is_whitespace).map_or(text.len(), |space| offset + space),
            };
        }
        size += token_size;
        if is_space || !tokens.peek().is_none_or(|(_, next)| next.trim().is_empty()) {
            continue;
        }
        let end = offset + token.len();
        best_end = Some(end);
        if token.chars().all(|c| matches!(c, ',' | ';' | ':' | '\u{2013}' | '\u{2014}')) {
            best_clause_end = Some((end, size));
        }
    }
    text.len()
}

fn unit_size(token: &str, budget: Budget) -> usize {
    match budget {
        Budget::Bytes(_) => token.len(),
        _ => token.chars().count(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Language, SentenceSplitter};
    use proptest::prelude::*;

    fn pieces(text: &str, budget: Budget) -> Vec<&str> {
        let (limit, _) = budget.size_limit().unwrap();
        chunks(text, budget, limit).into_iter().map(|(s, e)| &text[s..e]).collect()
    }

    #[test]
    fn a_clause_mark_in_the_second_half_is_preferred_to_the_last_word() {
        let text = "so we went down to the river, and then we all sat by the water for hours";
        assert_eq!(
            pieces(text, Budget::Words(8)),
            ["so we went down to the river,", "and then we all sat by the water", "for hours"]
        );
    }

    #[test]
    fn chunks_fit_character_and_byte_budgets() {
        let text = "über alles   und noch\n mehr worte hier";
        for piece in pieces(text, Budget::Chars(12)) {
            assert!(piece.chars().count() <= 12, "{piece:?}");
        }
        for piece in pieces(text, Budget::Bytes(7)) {
            assert!(piece.len() <= 7, "{piece:?}");
        }
    }

    #[test]
    fn sentences_that_fit_are_left_alone() {
        let text = "Short one. Another short one.";
        let sentences = SentenceSplitter::new(Language::English).split(text);
        assert!(fit_to_budget(text, &sentences, Budget::Words(60)).is_none());
        assert!(fit_to_budget(text, &sentences, Budget::Sentences(1)).is_none());
    }

    proptest! {
        #[test]
        fn every_word_is_kept_and_every_chunk_fits(
            words in prop::collection::vec("[a-zé]{1,8}[,;]?", 1..200),
            limit in 1usize..40,
            unit in 0u8..3,
        ) {
            let text = words.join(" ");
            // Room for the longest word (8 two-byte letters and a mark) in characters and bytes.
            let limit = if unit == 0 { limit } else { 17 + limit };
            let budget = match unit { 0 => Budget::Words(limit), 1 => Budget::Chars(limit), _ => Budget::Bytes(limit) };
            let sentences = SentenceSplitter::new(Language::English).split(&text);
            let fitted = fit_to_budget(&text, &sentences, budget).unwrap_or(sentences.clone());
            let mut previous_end = 0;
            for sentence in &fitted {
                prop_assert!(sentence.start >= previous_end && sentence.end > sentence.start);
                previous_end = sentence.end;
                let piece = sentence.text(&text);
                prop_assert_eq!(piece.trim(), piece);
                prop_assert!(budget.size_of(piece, piece.unicode_words().count()) <= limit, "{:?}", piece);
            }
            let original: Vec<&str> = text.split_whitespace().collect();
            let kept: Vec<&str> = fitted.iter().flat_map(|s| s.text(&text).split_whitespace()).collect();
            prop_assert_eq!(original, kept);
        }
    }
}
