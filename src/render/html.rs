//! `--format html`: one self-contained page (inline CSS, no scripts, nothing fetched) that shows the brief
//! on top and the whole document below it, with the brief's sentences highlighted, each sentence's
//! score on hover, and a quiet heat bar in the margin. Each sentence is a line of its own, so that its
//! bar spans it; paragraphs are set apart.
//!
//! ```
//! use nutgraf::Summarizer;
//! use nutgraf::render::html::Page;
//!
//! let summarizer = Summarizer::builder().build()?;
//! let text = "Rates rose on Tuesday. Stocks fell as rates rose. Lunch <was> served.";
//! let analysis = summarizer.analyze(text);
//! let chosen = summarizer.chosen_scoring(&analysis);
//! let summary = summarizer.select(text, &analysis, &chosen.scoring, chosen.config, summarizer.budget())?;
//! let scores = chosen.scoring.relative_scores(chosen.config);
//! let page = Page { title: "rates.txt", text, sentences: &analysis.sentences, scores: &scores, summary: &summary };
//! let html = page.render();
//! assert!(html.starts_with("<!DOCTYPE html>"));
//! assert!(html.contains("Lunch &lt;was&gt; served."));
//! assert_eq!(html.matches(r#"<span class="s brief""#).count(), summary.sentences.len());
//! # Ok::<(), nutgraf::Error>(())
//! ```

use std::fmt::Write as _;

use crate::segment::Sentence;
use crate::summarizer::{Summary, fold_lines};

/// What the page shows: the document's sentences, their scores and the brief chosen from them.
#[derive(Clone, Copy, Debug)]
pub struct Page<'a> {
    /// The page's title (a file name, say).
    pub title: &'a str,
    /// The document.
    pub text: &'a str,
    /// All its sentences, as the splitter found them.
    pub sentences: &'a [Sentence],
    /// `(sentence index, relative score)` of every candidate, as
    /// [`Scoring::relative_scores`](crate::Scoring::relative_scores) gives them.
    pub scores: &'a [(usize, f64)],
    /// The brief.
    pub summary: &'a Summary,
}

/// Calm on purpose: one serif for reading, one accent for the brief, a grey for everything else.
const STYLE: &str = r#"
:root { --ink: #262420; --muted: #8a857c; --paper: #fbfaf6; --rule: #e6e1d6; --mark: #fdf0c4; --heat: 196, 120, 52; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--paper); color: var(--ink); font: 17px/1.6 Georgia, "DejaVu Serif", serif; }
main { max-width: 44rem; margin: 0 auto; padding: 2.5rem 1.5rem 4rem 3rem; }
header p { margin: 0; color: var(--muted); font: 13px/1.5 system-ui, sans-serif; letter-spacing: .02em; }
h1 { margin: .2rem 0 1.4rem; font-size: 1.25rem; font-weight: normal; word-break: break-all; }
h2 { margin: 2.2rem 0 .8rem; color: var(--muted); font: 600 12px/1 system-ui, sans-serif; letter-spacing: .12em; text-transform: uppercase; }
ol.brief { margin: 0; padding: 1rem 1.2rem 1rem 2.6rem; background: #fff; border: 1px solid var(--rule); border-radius: 6px; }
ol.brief li { margin: .35rem 0; }
ol.brief li::marker { color: var(--muted); font: 13px system-ui, sans-serif; }
.empty { color: var(--muted); font-style: italic; }
.para { margin: 0 0 1.3rem; }
.s { position: relative; display: block; margin: 0 0 .3rem; }
.s .heat { position: absolute; left: -1.4rem; top: .3em; bottom: .3em; width: 4px; border-radius: 2px; background: rgba(var(--heat), var(--score)); }
.s .t { border-radius: 3px; padding: .05em 0; }
.s.brief .t { background: var(--mark); box-shadow: 0 0 0 2px var(--mark); }
.s.none .t { color: var(--muted); }
.s .score { position: absolute; left: -4.2rem; top: .3em; width: 2.3rem; text-align: right; visibility: hidden; color: var(--muted); font: 11px/1 system-ui, sans-serif; }
.s:hover .score { visibility: visible; }
.s:hover .t { text-decoration: underline; text-decoration-color: var(--rule); text-underline-offset: .2em; }
footer { margin-top: 3rem; color: var(--muted); font: 12px/1.5 system-ui, sans-serif; }
"#;

impl Page<'_> {
    /// The page, a complete HTML document.
    pub fn render(&self) -> String {
        let mut score_of: Vec<Option<f64>> = vec![None; self.sentences.len()];
        for &(index, score) in self.scores {
            if let Some(slot) = score_of.get_mut(index) {
                *slot = Some(score);
            }
        }
        let mut in_brief = vec![false; self.sentences.len()];
        for sentence in &self.summary.sentences {
            if let Some(slot) = in_brief.get_mut(sentence.index) {
                *slot = true;
            }
        }

        let mut out = String::with_capacity(self.text.len() * 2 + 4096);
        out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        let _ = writeln!(out, "<title>{} — nutgraf</title>", escape(self.title));
        let _ = writeln!(out, "<style>{STYLE}</style>\n</head>\n<body>\n<main>");
        let _ = writeln!(
            out,
            "<header><p>nutgraf brief · {} of {} sentences</p><h1>{}</h1></header>",
            self.summary.sentences.len(),
            self.sentences.len(),
            escape(self.title)
        );

        out.push_str("<h2>Brief</h2>\n");
        if self.summary.sentences.is_empty() {
            out.push_str("<p class=\"empty\">No sentence was chosen.</p>\n");
        } else {
            out.push_str("<ol class=\"brief\">\n");
            for sentence in &self.summary.sentences {
                let _ =
                    writeln!(out, "<li data-index=\"{}\">{}</li>", sentence.index, escape(&fold_lines(&sentence.text)));
            }
            out.push_str("</ol>\n");
        }

        out.push_str("<h2>Document</h2>\n<article>\n");
        let mut paragraph = None;
        for (index, sentence) in self.sentences.iter().enumerate() {
            if paragraph != Some(sentence.paragraph) {
                if paragraph.is_some() {
                    out.push_str("</div>\n");
                }
                out.push_str("<div class=\"para\">");
                paragraph = Some(sentence.paragraph);
            }
            let text = escape(&fold_lines(sentence.text(self.text)));
            match score_of[index] {
                Some(score) => {
                    let class = if in_brief[index] { "s brief" } else { "s" };
                    let note = if in_brief[index] { " · in the brief" } else { "" };
                    let _ = write!(
                        out,
                        "<span class=\"{class}\" data-index=\"{index}\" data-score=\"{score:.3}\" \
                         title=\"score {score:.2}{note}\" style=\"--score:{heat:.3}\">\
                         <span class=\"heat\"></span><span class=\"score\">{score:.2}</span>\
                         <span class=\"t\">{text}</span></span>",
                        // The bar never vanishes entirely, so a low score still reads as a score.
                        heat = 0.12 + 0.88 * score.clamp(0.0, 1.0),
                    );
                }
                None => {
                    let _ = write!(
                        out,
                        "<span class=\"s none\" data-index=\"{index}\" title=\"not a candidate (headline or \
                         boilerplate)\"><span class=\"t\">{text}</span></span>"
                    );
                }
            }
        }
        if paragraph.is_some() {
            out.push_str("</div>\n");
        }
        out.push_str("</article>\n");
        out.push_str(
            "<footer>Scores are relative: 1.00 is the document's best sentence. Highlighted: the brief. \
             Grey: not a candidate (a headline, or boilerplate).</footer>\n",
        );
        out.push_str("</main>\n</body>\n</html>\n");
        out
    }
}

/// `text` with the characters that mean something in HTML (in text and in quoted attributes) escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Summarizer;

    #[test]
    fn markup_in_the_text_stays_text() {
        assert_eq!(
            escape(r#"<script>alert("x") & 'y'</script>"#),
            "&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;"
        );
    }

    #[test]
    fn every_sentence_is_on_the_page_once_and_the_brief_is_highlighted() {
        let text = "Council passes budget\n\nThe council passed the budget on Monday. Members said buses would \
                    benefit. The vote was close.\n\nSubscribe now";
        let summarizer = Summarizer::builder().budget(crate::Budget::Sentences(2)).build().unwrap();
        let analysis = summarizer.analyze(text);
        let chosen = summarizer.chosen_scoring(&analysis);
        let summary = summarizer.select(text, &analysis, &chosen.scoring, chosen.config, summarizer.budget()).unwrap();
        let scores = chosen.scoring.relative_scores(chosen.config);
        let page =
            Page { title: "a <b>.txt", text, sentences: &analysis.sentences, scores: &scores, summary: &summary }
                .render();
        let sentence_spans: usize = ["<span class=\"s\"", "<span class=\"s brief\"", "<span class=\"s none\""]
            .iter()
            .map(|p| page.matches(p).count())
            .sum();
        assert_eq!(sentence_spans, analysis.sentences.len());
        assert_eq!(page.matches("<span class=\"s brief\"").count(), 2);
        for sentence in &summary.sentences {
            assert!(page.contains(&format!("<li data-index=\"{}\">{}</li>", sentence.index, sentence.text)));
        }
        assert!(page.contains("a &lt;b&gt;.txt") && !page.contains("<b>"));
        assert!(!page.contains("http") && !page.contains("<script") && !page.contains("<link"));
    }

    #[test]
    fn an_empty_document_is_a_page_that_says_so() {
        let summary = Summary::default();
        let page = Page { title: "empty", text: "", sentences: &[], scores: &[], summary: &summary }.render();
        assert!(page.contains("No sentence was chosen.") && page.ends_with("</html>\n"));
    }
}
