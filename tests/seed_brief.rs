//! The default brief of the bundled seed article (a scraped Business Day page of a Reuters story)
//! keeps its lead and contains article prose only: nothing from the paywall prompt and photo credits
//! above the dateline, nothing from the wire credit, prompts and comment box below the story.

use nutgraf::Summarizer;

const ARTICLE: &str = include_str!("../data/samples/japan-us-chips.txt");

/// The byte range of the story: from the line with the dateline to the line that is only the wire
/// credit. Found from the text's layout, so that the test checks spans, not copied sentences.
fn story_span(text: &str) -> std::ops::Range<usize> {
    let mut offset = 0;
    let (mut start, mut end) = (None, None);
    for line in text.split_inclusive('\n') {
        let content = line.trim();
        if start.is_none() && content.starts_with("Tokyo \u{2014}") {
            start = Some(offset);
        } else if start.is_some() && end.is_none() && content == "Reuters" {
            end = Some(offset);
        }
        offset += line.len();
    }
    match (start, end) {
        (Some(start), Some(end)) => start..end,
        _ => panic!("the sample lost its dateline or its wire credit"),
    }
}

#[test]
fn seed_brief_keeps_the_lead_and_only_article_prose() {
    let summary = Summarizer::builder().build().unwrap().summarize(ARTICLE);
    let story = story_span(ARTICLE);
    assert_eq!(summary.sentences.len(), 3, "{summary:?}");
    let lead = &summary.sentences[0];
    assert_eq!(lead.start, story.start, "the brief must open with the lead sentence: {:?}", lead.text);
    assert!(lead.text.contains("joint statement on technology co-operation"), "{:?}", lead.text);
    for sentence in &summary.sentences {
        assert!(story.start <= sentence.start && sentence.end <= story.end, "outside the story: {:?}", sentence.text);
        assert!(sentence.text.ends_with(['.', '!', '?', '\u{201d}', '"']), "not a sentence: {:?}", sentence.text);
    }
}

#[test]
fn seed_boilerplate_is_never_a_candidate() {
    let summarizer = Summarizer::builder().build().unwrap();
    let analysis = summarizer.analyze(ARTICLE);
    let scoring = summarizer.score(&analysis, summarizer.config()).unwrap();
    let story = story_span(ARTICLE);
    for &i in scoring.candidates() {
        let sentence = analysis.sentences[i];
        assert!(
            story.start <= sentence.start && sentence.end <= story.end,
            "boilerplate is a candidate: {:?}",
            sentence.text(ARTICLE)
        );
    }
}
