//! Each pipeline stage through the public API, on a small article of our own
//! (`tests/fixtures/harbour.txt`: a made-up local news story with web boilerplate around it).

use nutgraf::{
    Analyzer, Budget, Config, GraphConfig, Language, NoiseDetector, Preset, SentenceSplitter, Similarity,
    SimilarityGraph, Summarizer, TextRankConfig, TfIdf, pagerank,
};

const ARTICLE: &str = include_str!("fixtures/harbour.txt");

fn sentences() -> Vec<nutgraf::Sentence> {
    SentenceSplitter::new(Language::English).split(ARTICLE)
}

fn position_of(needle: &str) -> usize {
    let sentences = sentences();
    sentences
        .iter()
        .position(|s| s.text(ARTICLE).contains(needle))
        .unwrap_or_else(|| panic!("no sentence contains {needle:?}"))
}

#[test]
fn splitter_keeps_structure_and_abbreviations() {
    let texts: Vec<&str> = sentences().iter().map(|s| s.text(ARTICLE)).collect();
    // A headline and a photo credit stand alone; "Dr." and "U.S." do not end sentences.
    assert_eq!(texts[0], "Harbour repairs to start in March");
    assert!(texts.contains(&"Photo: Harbour Authority"));
    assert!(texts.iter().any(|t| t.starts_with("Dr. Ana Ruiz, who leads the U.S. engineering firm")));
    for s in sentences() {
        assert_eq!(s.text(ARTICLE), ARTICLE[s.start..s.end].to_string());
    }
}

#[test]
fn analyzer_stems_and_drops_stop_words() {
    let sentences = sentences();
    let document = Analyzer::new(Language::English).analyze(ARTICLE, &sentences);
    assert_eq!(document.len(), sentences.len());
    let lead = position_of("The city will begin");
    let stems: Vec<&str> = document.terms(lead).iter().map(|&t| document.vocabulary().stem(t)).collect();
    assert!(stems.contains(&"repair") && stems.contains(&"harbour"), "{stems:?}");
    assert!(!stems.contains(&"the") && !stems.contains(&"will"), "{stems:?}");
}

#[test]
fn noise_detector_flags_the_furniture_and_finds_the_headline() {
    let sentences = sentences();
    let document = Analyzer::new(Language::English).analyze(ARTICLE, &sentences);
    let report = NoiseDetector::new(Language::English).detect(ARTICLE, &sentences, &document);
    assert_eq!(report.headline, Some(0));
    for furniture in ["Photo: Harbour Authority", "Sign up for our newsletter", "Share this article"] {
        let i = position_of(furniture);
        assert!(report.hard[i] || report.likelihood[i] >= 0.5, "{furniture}: {}", report.likelihood[i]);
    }
    let lead = position_of("The city will begin");
    assert!(!report.hard[lead] && report.likelihood[lead] < 0.5);
}

#[test]
fn scorers_rank_the_central_sentence_above_the_aside() {
    let sentences = sentences();
    let document = Analyzer::new(Language::English).analyze(ARTICLE, &sentences);
    let members: Vec<usize> = (0..sentences.len()).collect();
    let tfidf = TfIdf::new(&document, &members);
    for similarity in Similarity::ALL {
        let graph = SimilarityGraph::build(&document, &members, &tfidf, similarity, &GraphConfig::default());
        assert_eq!(graph.len(), members.len());
        let ranks = pagerank(&graph, &TextRankConfig::default());
        assert!((ranks.iter().sum::<f64>() - 1.0).abs() < 1e-6, "{similarity}");
        let central = position_of("repairs to the harbour wall");
        let aside = position_of("The cafe on the pier");
        assert!(ranks[central] > ranks[aside], "{similarity}: {} vs {}", ranks[central], ranks[aside]);
    }
}

#[test]
fn selector_respects_every_budget_and_source_order() {
    let summarizer = Summarizer::builder().build().unwrap();
    for budget in
        [Budget::Sentences(1), Budget::Sentences(3), Budget::Ratio(0.25), Budget::Words(40), Budget::Chars(300)]
    {
        let summary = summarizer.summarize_with_budget(ARTICLE, budget).unwrap();
        assert!(!summary.sentences.is_empty(), "{budget}");
        assert!(summary.sentences.windows(2).all(|w| w[0].end <= w[1].start), "{budget}: not in source order");
        assert!(summary.sentences.len() <= budget.sentence_limit(summary.total_sentences));
        if let Budget::Words(limit) = budget {
            assert!(summary.word_count() <= limit, "{budget}: {} words", summary.word_count());
        }
        if let Budget::Chars(limit) = budget {
            assert!(summary.char_count() <= limit, "{budget}: {} characters", summary.char_count());
        }
    }
}

#[test]
fn both_presets_brief_the_news_not_the_furniture() {
    for preset in Preset::ALL {
        let summarizer = Summarizer::builder().config(Config::preset(preset)).build().unwrap();
        let summary = summarizer.summarize(ARTICLE);
        assert_eq!(summary.sentences.len(), 3, "{preset}");
        let brief = summary.to_text();
        assert!(brief.contains("harbour"), "{preset}: {brief}");
        for furniture in ["Photo:", "newsletter", "Share this", "Harbour repairs to start in March"] {
            assert!(!brief.contains(furniture), "{preset}: {furniture:?} in {brief}");
        }
    }
}
