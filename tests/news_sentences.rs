//! Real news through the splitter, read from the shared eval data at run time.
//!
//! * BBC: every reference summary sentence is a real sentence of its article (the summaries are
//!   extractive), so each should come out as exactly one of our sentences. A reference sentence cut in two
//!   is a false boundary; one found inside a longer sentence of ours is a missed boundary.
//! * CNN/DailyMail: the texts have photo captions glued to the next sentence and paragraphs joined by
//!   spaces. There is no sentence-level reference, so the test checks the spans and reports how many
//!   sentences end without punctuation in mid-line: the cuts the run-on rules make.

#[path = "support/shared.rs"]
mod shared;

use std::path::PathBuf;

use nutgraf::{Language, MAX_SENTENCE_BYTES, Sentence, SentenceSplitter};
use serde::Deserialize;
use shared::shared_path;

#[derive(Deserialize)]
struct BbcArticle {
    id: String,
    text: String,
    summary_sentences: Vec<String>,
}

#[derive(Deserialize)]
struct CnnDmArticle {
    id: String,
    text: String,
}

/// `shared/eval/<name>`, or `None` (with a notice) when the data is not there.
fn eval_file(name: &str) -> Option<PathBuf> {
    let found = shared_path(&format!("eval/{name}"));
    if found.is_none() {
        println!("skipped: shared eval data ({name}) not found");
    }
    found
}

fn read_jsonl<T: for<'de> Deserialize<'de>>(path: &PathBuf) -> Vec<T> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    text.lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("parsing {}: {e}", path.display())))
        .collect()
}

/// The invariants every split must keep: exact, trimmed, increasing, non-overlapping, capped spans.
fn assert_spans_are_exact(text: &str, sentences: &[Sentence], id: &str) {
    let mut previous_end = 0;
    for sentence in sentences {
        assert!(sentence.start >= previous_end && sentence.start < sentence.end, "{id}: bad span {sentence:?}");
        let piece = text.get(sentence.start..sentence.end).unwrap_or_else(|| panic!("{id}: span off a char boundary"));
        assert_eq!(piece, piece.trim(), "{id}: untrimmed sentence");
        assert!(piece.len() <= MAX_SENTENCE_BYTES, "{id}: sentence over the cap");
        previous_end = sentence.end;
    }
}

/// How one reference sentence fared.
enum Outcome {
    Exact,
    /// Inside one of our sentences, which is longer: we missed a boundary.
    Merged,
    /// Across several of our sentences: we made a false boundary.
    Cut,
    /// Spans a line break in the text: BBC text is not hard-wrapped, so its lines are paragraphs, headings
    /// and list items, which the reference splitter sometimes joined and ours never does.
    CrossesLineBreak,
    /// Not found in the text even with whitespace normalised (a data quirk).
    NotInText,
}

/// Where `reference` occurs in `text` when any run of whitespace matches any other: the summaries were
/// re-joined with single spaces where the article has line breaks.
fn find_normalised(text: &str, reference: &str) -> Option<(usize, usize)> {
    if let Some(at) = text.find(reference) {
        return Some((at, at + reference.len()));
    }
    let words: Vec<&str> = reference.split_whitespace().collect();
    let first = words.first()?;
    for (at, _) in text.match_indices(first) {
        let mut position = at;
        let mut matched = true;
        for (index, word) in words.iter().enumerate() {
            if index > 0 {
                let rest = &text[position..];
                let trimmed = rest.trim_start();
                if trimmed.len() == rest.len() {
                    matched = false;
                    break;
                }
                position += rest.len() - trimmed.len();
            }
            if !text[position..].starts_with(word) {
                matched = false;
                break;
            }
            position += word.len();
        }
        if matched {
            return Some((at, position));
        }
    }
    None
}

fn outcome(text: &str, sentences: &[Sentence], reference: &str) -> Outcome {
    let Some((start, end)) = find_normalised(text, reference.trim()) else { return Outcome::NotInText };
    if sentences.iter().any(|s| s.start == start && s.end == end) {
        return Outcome::Exact;
    }
    let span = &text[start..end];
    if span.contains('\n') {
        return Outcome::CrossesLineBreak;
    }
    if sentences.iter().any(|s| s.start <= start && end <= s.end) { Outcome::Merged } else { Outcome::Cut }
}

/// Cuts our splitter made with no punctuation and no line break: the run-on rules (or the length cap).
/// Returns the byte offset of each cut with a short excerpt around it.
fn unpunctuated_cuts(text: &str, sentences: &[Sentence]) -> Vec<(usize, String)> {
    sentences
        .iter()
        .zip(sentences.iter().skip(1))
        .filter(|(sentence, _)| !sentence.terminated && !sentence.ends_line)
        .map(|(sentence, next)| {
            let tail = sentence.text(text);
            let tail = &tail[tail.char_indices().rev().nth(40).map_or(0, |(i, _)| i)..];
            let head: String = next.text(text).chars().take(40).collect();
            (next.start, format!("…{tail} | {head}…"))
        })
        .collect()
}

#[test]
fn bbc_reference_sentences_are_our_sentences() {
    let Some(path) = eval_file("bbc_news_summary/dev.jsonl") else { return };
    let articles: Vec<BbcArticle> = read_jsonl(&path);
    let splitter = SentenceSplitter::new(Language::English);
    let (mut exact, mut merged, mut cut, mut line_break, mut absent) = (0usize, 0usize, 0usize, 0usize, 0usize);
    let (mut run_on_cuts, mut run_on_cuts_inside_references) = (0usize, 0usize);
    let mut report = String::new();
    for article in &articles {
        let text = &article.text;
        let sentences = splitter.split(text);
        assert_spans_are_exact(text, &sentences, &article.id);
        let ours: Vec<&str> = sentences.iter().map(|s| s.text(text)).collect();
        for reference in &article.summary_sentences {
            match outcome(text, &sentences, reference) {
                Outcome::Exact => exact += 1,
                Outcome::CrossesLineBreak => line_break += 1,
                Outcome::NotInText => absent += 1,
                Outcome::Merged => {
                    merged += 1;
                    report.push_str(&format!("MERGED {}: {reference:?}\n", article.id));
                }
                Outcome::Cut => {
                    cut += 1;
                    let pieces: Vec<&&str> = ours.iter().filter(|s| reference.contains(**s)).collect();
                    report.push_str(&format!("CUT    {}: {reference:?}\n       into {pieces:?}\n", article.id));
                }
            }
        }
        for (offset, excerpt) in unpunctuated_cuts(text, &sentences) {
            run_on_cuts += 1;
            let inside = article
                .summary_sentences
                .iter()
                .filter_map(|r| find_normalised(text, r.trim()))
                .any(|(start, end)| start < offset && offset < end && !text[start..end].contains('\n'));
            run_on_cuts_inside_references += usize::from(inside);
            let verdict = if inside { "inside a reference sentence" } else { "not inside a reference" };
            report.push_str(&format!("RUN-ON CUT {} ({verdict}): {excerpt}\n", article.id));
        }
    }
    let judged = exact + merged + cut;
    let rate = exact as f64 / judged.max(1) as f64;
    let all = judged + line_break + absent;
    println!(
        "{report}BBC: {exact}/{judged} reference sentences within a line are exactly one of ours ({:.2}%); \
         {merged} inside a longer sentence, {cut} cut; not judged: {line_break} span a line break, \
         {absent} not in the text; {exact}/{all} of all reference sentences ({:.2}%)\n\
         BBC: {run_on_cuts} cuts without punctuation in mid-line, {run_on_cuts_inside_references} of them inside \
         a reference sentence",
        100.0 * rate,
        100.0 * exact as f64 / all.max(1) as f64,
    );
    assert!(judged > 4_000, "expected the whole BBC dev set, judged {judged}");
    assert!(rate >= 0.99, "BBC reference sentence match rate {rate:.4} below 0.99");
    // Every run-on cut measured on BBC was at a full stop missing from the source, but two fall inside
    // reference sentences (the reference splitter kept them whole); more would mean false cuts.
    assert!(run_on_cuts_inside_references <= 3, "{run_on_cuts_inside_references} run-on cuts inside references");
}

#[test]
fn cnndm_spans_are_exact_and_run_on_cuts_are_counted() {
    let Some(path) = eval_file("cnndm_frank/dev.jsonl") else { return };
    let articles: Vec<CnnDmArticle> = read_jsonl(&path);
    let splitter = SentenceSplitter::new(Language::English);
    let (mut total, mut run_on_cuts, mut long) = (0usize, 0usize, 0usize);
    let mut report = String::new();
    for article in &articles {
        let sentences = splitter.split(&article.text);
        assert_spans_are_exact(&article.text, &sentences, &article.id);
        total += sentences.len();
        for (_, excerpt) in unpunctuated_cuts(&article.text, &sentences) {
            run_on_cuts += 1;
            report.push_str(&format!("RUN-ON CUT {}: {excerpt}\n", article.id));
        }
        long += sentences.iter().filter(|s| s.text(&article.text).split_whitespace().count() > 60).count();
    }
    println!(
        "{report}CNN/DM: {} articles, {total} sentences, {run_on_cuts} cut without punctuation in mid-line, \
         {long} still over 60 words",
        articles.len()
    );
    assert!(total > articles.len() * 10, "CNN/DM articles should yield many sentences each");
    // 72 measured, every one at a caption or paragraph glued on without punctuation (checked by eye).
    assert!(run_on_cuts >= 60, "only {run_on_cuts} run-on cuts on CNN/DM");
}
