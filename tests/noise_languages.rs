//! Boilerplate of non-English pages: scraped-page dumps written in the shape of real French and German
//! news pages (`tests/fixtures/pages/`), with the consent banners, paywall and newsletter prompts, share
//! lines, photo credits, teasers and comment prompts such pages carry. Whatever the budget, a brief holds
//! only article prose: every sentence that could be chosen is one of the article's. (The French page's
//! lead, above a photo caption and its credit, is taken for the standfirst and left out: the detector
//! starts the body below the picture.)

use std::path::Path;

use nutgraf::{Budget, Summarizer};

/// The article body of each page: its prose paragraphs, verbatim.
const PAGES: [(&str, &str, &[&str]); 2] = [
    (
        "fr-regional-budget.txt",
        "french",
        &[
            "Le conseil régional a adopté jeudi soir un budget de 2,4 milliards d'euros, dont près d'un tiers sera consacré aux trains express régionaux et aux lignes de car interurbaines.",
            "Les élus de la majorité ont défendu un effort sans précédent pour désenclaver les territoires ruraux, où de nombreux habitants dépendent encore entièrement de la voiture pour se rendre au travail.",
            "L'opposition a dénoncé une hausse de l'endettement et réclamé un calendrier précis pour la réouverture des petites lignes fermées depuis les années 1990.",
            "Le président de région a promis que les premiers trains supplémentaires circuleraient dès la rentrée de septembre, avec des fréquences doublées aux heures de pointe sur les principaux axes.",
        ],
    ),
    (
        "de-city-housing.txt",
        "german",
        &[
            "Der Stadtrat hat am Donnerstagabend mit großer Mehrheit den Bau von 1.200 neuen Wohnungen auf dem früheren Güterbahnhof beschlossen, davon ein Drittel mit Sozialbindung.",
            "Die Verwaltung rechnet damit, dass die ersten Gebäude in drei Jahren bezugsfertig sind, wenn die Ausschreibung für die Erschließung noch in diesem Sommer abgeschlossen wird.",
            "Kritik kam von Anwohnern, die mehr Grünflächen und eine bessere Anbindung an den öffentlichen Nahverkehr fordern, bevor die ersten Bagger anrücken.",
            "Die Oberbürgermeisterin versprach, die Bürger in den kommenden Monaten in mehreren Werkstätten an der Planung des neuen Quartiers zu beteiligen.",
        ],
    ),
];

fn page(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pages").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn every_candidate_of_a_non_english_page_is_article_prose() {
    let summarizer = Summarizer::builder().budget(Budget::Ratio(1.0)).build().unwrap();
    for (name, language, body) in PAGES {
        let summary = summarizer.summarize(&page(name));
        assert_eq!(summary.language, language, "{name}");
        let chosen: Vec<&str> = summary.sentences.iter().map(|s| s.text.as_str()).collect();
        for sentence in &chosen {
            assert!(body.contains(sentence), "{name}: boilerplate in the brief: {sentence:?}");
        }
        assert!(chosen.len() >= 2, "{name}: article sentences missing: {chosen:#?}");
    }
}

#[test]
fn the_pages_language_cues_keep_its_boilerplate_out() {
    // As English, the same pages lose the protection of their cue phrases.
    let english =
        Summarizer::builder().language(nutgraf::Language::English).budget(Budget::Ratio(1.0)).build().unwrap();
    let detected = Summarizer::builder().budget(Budget::Ratio(1.0)).build().unwrap();
    let boilerplate = |summarizer: &Summarizer, name: &str, body: &[&str]| {
        summarizer.summarize(&page(name)).sentences.iter().filter(|s| !body.contains(&s.text.as_str())).count()
    };
    let as_english: usize = PAGES.iter().map(|(name, _, body)| boilerplate(&english, name, body)).sum();
    let as_detected: usize = PAGES.iter().map(|(name, _, body)| boilerplate(&detected, name, body)).sum();
    assert_eq!(as_detected, 0);
    assert!(as_english > 0, "the pages have no boilerplate that only their own language's cues catch");
}
