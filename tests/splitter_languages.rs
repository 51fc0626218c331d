//! The splitter in languages other than English, on sentences written for these tests: what the
//! per-language data and rules must get right without the shared eval data (`golden_rules_languages.rs`
//! counts pySBD's cases), and `nutgraf split --language` for every language.

use assert_cmd::cargo::cargo_bin_cmd;
use nutgraf::{Language, SentenceSplitter};

fn split(splitter: &SentenceSplitter, text: &str) -> Vec<String> {
    splitter.split(text).iter().map(|s| s.text(text).to_string()).collect()
}

fn assert_splits(language: Language, text: &str, expected: &[&str]) {
    assert_eq!(split(&SentenceSplitter::new(language), text), expected, "{language}: {text:?}");
}

fn assert_neutral_splits(text: &str, expected: &[&str]) {
    assert_eq!(split(&SentenceSplitter::language_neutral(), text), expected, "{text:?}");
}

#[test]
fn ordinal_dates_do_not_end_sentences_in_german_and_danish() {
    assert_splits(
        Language::German,
        "Die Wahl findet am 3. Oktober statt. Der Termin vom 12. Juni ist abgesagt. Er kam am 12. Er blieb.",
        &[
            "Die Wahl findet am 3. Oktober statt.",
            "Der Termin vom 12. Juni ist abgesagt.",
            "Er kam am 12.",
            "Er blieb.",
        ],
    );
    assert_splits(Language::German, "Die Firma verlor 3 Mrd. Euro.", &["Die Firma verlor 3 Mrd. Euro."]);
    assert_splits(
        Language::Danish,
        "Vi holdt Skt. Hans den 23. Juni. Bagefter gik vi hjem.",
        &["Vi holdt Skt. Hans den 23. Juni.", "Bagefter gik vi hjem."],
    );
    // English has no ordinal periods: a number ends the sentence before a capital.
    assert_splits(Language::English, "The score was 12. Smith left.", &["The score was 12.", "Smith left."]);
}

#[test]
fn greek_question_marks_end_sentences() {
    assert_splits(
        Language::Greek,
        "Πού είναι το σπίτι; Είναι εκεί. Τι ώρα είναι\u{37E} Είναι δέκα.",
        &["Πού είναι το σπίτι;", "Είναι εκεί.", "Τι ώρα είναι\u{37E}", "Είναι δέκα."],
    );
    let text = "Πού είναι το σπίτι;\nΕίναι εκεί.";
    assert!(SentenceSplitter::new(Language::Greek).split(text).iter().all(|s| s.terminated), "{text:?}");
    assert!(!SentenceSplitter::new(Language::English).split("Where is it;").iter().all(|s| s.terminated));
    // Not in other languages, nor without a space after it.
    assert_splits(Language::French, "Il pleut; nous restons.", &["Il pleut; nous restons."]);
    assert_splits(Language::Greek, "Τι&amp;Πού είναι.", &["Τι&amp;Πού είναι."]);
}

#[test]
fn abbreviations_of_spanish_italian_and_russian() {
    assert_splits(
        Language::Spanish,
        "Viajó a los EE. UU. en marzo. El corredor No. 103 llegó cuarto.",
        &["Viajó a los EE. UU. en marzo.", "El corredor No. 103 llegó cuarto."],
    );
    assert_splits(
        Language::Italian,
        "Ha parlato l'Avv. Rossi. Poi è arrivato il Dott. Bianchi.",
        &["Ha parlato l'Avv. Rossi.", "Poi è arrivato il Dott. Bianchi."],
    );
    assert_splits(
        Language::Russian,
        "Мы едем в пгт. Никольское. Там живёт А. И. Петров.",
        &["Мы едем в пгт. Никольское.", "Там живёт А. И. Петров."],
    );
}

#[test]
fn arabic_question_marks_and_initials() {
    assert_splits(
        Language::Arabic,
        "هل وصل الوفد؟ نعم، وصل صباح اليوم. وقال د\u{202A}.\u{202C} أحمد إن الاجتماع ناجح.",
        &["هل وصل الوفد؟", "نعم، وصل صباح اليوم.", "وقال د\u{202A}.\u{202C} أحمد إن الاجتماع ناجح."],
    );
}

#[test]
fn marks_of_scripts_without_spaces_end_sentences() {
    assert_neutral_splits("今日は晴れです。明日は雨です！", &["今日は晴れです。", "明日は雨です！"]);
    assert_neutral_splits("我们走吧？好的。", &["我们走吧？", "好的。"]);
    assert_neutral_splits("मैं घर जा रहा हूँ।वह स्कूल गया।", &["मैं घर जा रहा हूँ।", "वह स्कूल गया।"]);
    assert_neutral_splits("Ես տուն եմ գնում։Նա դպրոց գնաց։", &["Ես տուն եմ գնում։", "Նա դպրոց գնաց։"]);
    assert_neutral_splits("Ես տուն եմ գնում: Նա դպրոց գնաց:", &["Ես տուն եմ գնում:", "Նա դպրոց գնաց:"]);
    assert_neutral_splits("ወደ ቤት እሄዳለሁ።እሱ ትምህርት ቤት ሄደ።", &["ወደ ቤት እሄዳለሁ።", "እሱ ትምህርት ቤት ሄደ።"]);
    assert_neutral_splits("ကျွန်တော် အိမ်ပြန်မယ်။သူ ကျောင်းသွားတယ်။", &["ကျွန်တော် အိမ်ပြန်မယ်။", "သူ ကျောင်းသွားတယ်။"]);
    assert_neutral_splits("میں گھر جا رہا ہوں۔کیا تم آؤ گے؟ہاں۔", &["میں گھر جا رہا ہوں۔", "کیا تم آؤ گے؟", "ہاں۔"]);
    // A colon after Latin letters is no full stop.
    assert_neutral_splits("Note: the vote passed.", &["Note: the vote passed."]);
}

#[test]
fn a_sentence_may_open_with_an_ellipsis() {
    assert_splits(
        Language::Dutch,
        "De schoten waren raak. ...en toen barste de hel los.",
        &["De schoten waren raak.", "...en toen barste de hel los."],
    );
}

#[test]
fn split_works_for_every_language() {
    let text = "Erste Zeile. Zweite Zeile.";
    for language in Language::ALL {
        let output = cargo_bin_cmd!("nutgraf")
            .args(["split", "--language", language.name()])
            .write_stdin(text)
            .output()
            .expect("run nutgraf split");
        assert!(output.status.success(), "{language}: {}", String::from_utf8_lossy(&output.stderr));
        let expected: String = split(&SentenceSplitter::new(language), text).iter().map(|s| format!("{s}\n")).collect();
        assert_eq!(String::from_utf8_lossy(&output.stdout), expected, "{language}");
    }
}

#[test]
fn an_elided_article_opens_a_sentence_after_an_abbreviation() {
    // "vol" is an abbreviation (volume) and a word (theft); "C'est" opens a sentence as "Ce" does.
    assert_splits(
        Language::French,
        "Ils sont connus pour des faits de vol. C'est une forme de délinquance. Voir vol. 3 du rapport.",
        &["Ils sont connus pour des faits de vol.", "C'est une forme de délinquance.", "Voir vol. 3 du rapport."],
    );
}
