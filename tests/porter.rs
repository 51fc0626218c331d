//! NLTK's Porter stemmer, checked word for word against NLTK 3.10.4 on a fixture of words chosen to
//! exercise every rule path (see `fixtures/make_porter_fixture.py`).

use nutgraf::eval::PorterStemmer;

#[test]
fn stems_match_nltk() {
    let fixture = include_str!("fixtures/porter_nltk.tsv");
    let mut checked = 0;
    let mut mismatches = Vec::new();
    for line in fixture.lines().filter(|line| !line.starts_with('#') && !line.is_empty()) {
        let (word, expected) = line.split_once('\t').unwrap_or_else(|| panic!("bad fixture line {line:?}"));
        let stem = PorterStemmer.stem(word);
        if stem != expected {
            mismatches.push(format!("{word}: NLTK {expected}, ours {stem}"));
        }
        checked += 1;
    }
    assert!(checked > 1500, "fixture too small: {checked} words");
    assert!(mismatches.is_empty(), "{} of {checked} words differ:\n{}", mismatches.len(), mismatches.join("\n"));
}
