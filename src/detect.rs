//! Language detection: which language a text is in, so that it is split, analyzed and cleaned with that
//! language's data rather than as English.
//!
//! `whatlang` (trigram profiles of 69 languages, compiled in, nothing to load) reads the first
//! [`SAMPLE_BYTES`] of the text. On every dev article it names the language of the record; lingua, the
//! other candidate, is as accurate on articles, better on headlines, but 25–35 times slower and adds
//! over 100 MB of models to the binary (README, "Language detection", and `tools/detect-compare/`).
//!
//! whatlang still costs about 0.15 ms a text, several times what summarizing a news article takes. So
//! the stop words of nutgraf's own languages answer first: where the first [`FUNCTION_WORDS_READ`] words
//! of a text hold many stop words of one language and far fewer of any other (an article in one of
//! those languages, almost always), that language is the answer, for a few microseconds; any other text
//! (short, mixed, in another script or language) goes to whatlang.
//!
//! ```
//! use nutgraf::{Language, TextLanguage};
//!
//! let french = "Le gouvernement a présenté mercredi un projet de loi sur les retraites, \
//!               qui doit être examiné par les députés au printemps.";
//! assert_eq!(TextLanguage::detect(french), Some(TextLanguage::Supported(Language::French)));
//! let polish = "Rząd przedstawił w środę projekt ustawy o emeryturach, który posłowie mają rozpatrzyć wiosną.";
//! assert_eq!(TextLanguage::detect(polish).map(|l| l.name()), Some("polish".to_string()));
//! assert_eq!(TextLanguage::detect("12345 ... !!!"), None);
//! ```

use std::fmt;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;
use whatlang::Lang;

use crate::language::Language;

/// How much of a text the detector reads: a few paragraphs name the language as surely as a whole
/// article does, and detection costs time in proportion to what it reads.
pub const SAMPLE_BYTES: usize = 2048;

/// The language a text is summarized as.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TextLanguage {
    /// A language nutgraf has a stemmer, stop words, abbreviations and boilerplate cues for.
    Supported(Language),
    /// A language that nutgraf has no stemmer for, by its English name (`"Polish"`, `"Japanese"`):
    /// summarized with the language-neutral analyzer ([`Analyzer::language_neutral`](crate::Analyzer::language_neutral)).
    Neutral(&'static str),
}

impl TextLanguage {
    /// The language of `text`, or `None` when there is nothing to tell it by (no letters, say), or when
    /// the best guess is a language nutgraf has no data for but the text is too short to be sure (a
    /// sentence or two): callers then take their configured language rather than a guess.
    /// Deterministic: the same text always gets the same answer.
    ///
    /// ```
    /// use nutgraf::{Language, TextLanguage};
    ///
    /// let french = "Le conseil municipal a adopté lundi le budget de la ville après un long débat sur les transports.";
    /// assert_eq!(TextLanguage::detect(french), Some(TextLanguage::Supported(Language::French)));
    /// assert_eq!(TextLanguage::detect("1234 5678"), None);
    /// assert_eq!(TextLanguage::detect("Solar panels got cheaper. Solar panels now power homes."), None);
    /// ```
    pub fn detect(text: &str) -> Option<TextLanguage> {
        if let Some(language) = by_function_words(text) {
            return Some(TextLanguage::Supported(language));
        }
        let info = whatlang::detect(sample(text))?;
        match supported(info.lang()) {
            Some(language) => Some(TextLanguage::Supported(language)),
            // Short English text often looks most like a language nutgraf has no data for (two
            // sentences can read as Catalan or Estonian to trigrams): only a reliable answer counts.
            None if info.is_reliable() => Some(TextLanguage::Neutral(info.lang().eng_name())),
            None => None,
        }
    }

    /// The lower-case English name: `"french"` (as `--language` takes it), `"polish"`.
    ///
    /// ```
    /// use nutgraf::{Language, TextLanguage};
    /// assert_eq!(TextLanguage::Supported(Language::German).name(), "german");
    /// assert_eq!(TextLanguage::Neutral("Japanese").name(), "japanese");
    /// ```
    pub fn name(self) -> String {
        match self {
            TextLanguage::Supported(language) => language.name().to_string(),
            TextLanguage::Neutral(name) => name.to_lowercase(),
        }
    }

    /// The supported language, if it is one.
    pub fn supported(self) -> Option<Language> {
        match self {
            TextLanguage::Supported(language) => Some(language),
            TextLanguage::Neutral(_) => None,
        }
    }
}

impl fmt::Display for TextLanguage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name())
    }
}

impl From<Language> for TextLanguage {
    fn from(language: Language) -> Self {
        TextLanguage::Supported(language)
    }
}

/// How many words the stop-word vote reads.
pub const FUNCTION_WORDS_READ: usize = 80;
/// The votes the winner needs: at least this many stop words...
const MIN_VOTES: usize = 12;
/// ...and this many times as many as any other language. Related languages share many stop words
/// (Danish and Norwegian, Spanish and Portuguese), so only a clear lead decides here.
const MIN_LEAD: usize = 2;

/// The language whose stop words clearly dominate the first words of `text`, if one does.
fn by_function_words(text: &str) -> Option<Language> {
    // The stop-word files are lower-case (a test in `language` checks it), so the compiled-in words
    // are the keys as they are: building the table allocates nothing per word, which start-up notices.
    static WORDS: OnceLock<FxHashMap<&'static str, u32>> = OnceLock::new();
    let words = WORDS.get_or_init(|| {
        let mut words: FxHashMap<&'static str, u32> = FxHashMap::default();
        words.reserve(4096);
        for (index, language) in Language::ALL.iter().enumerate() {
            for word in language.stop_words() {
                *words.entry(word).or_default() |= 1 << index;
            }
        }
        words
    });
    let mut votes = [0usize; Language::ALL.len()];
    let mut vote = |word: &str| {
        if let Some(&languages) = words.get(word) {
            // A stop word belongs to a language or a few: visit those bits only.
            let mut bits = languages;
            while bits != 0 {
                votes[bits.trailing_zeros() as usize] += 1;
                bits &= bits - 1;
            }
        }
    };
    lower_case_words(text, FUNCTION_WORDS_READ, &mut vote);
    let (best, &most) = votes.iter().enumerate().max_by_key(|&(index, votes)| (*votes, usize::MAX - index))?;
    let runner_up = votes.iter().enumerate().filter(|&(index, _)| index != best).map(|(_, &v)| v).max().unwrap_or(0);
    (most >= MIN_VOTES && most >= MIN_LEAD * runner_up.max(1)).then(|| Language::ALL[best])
}

/// Calls `f` with each of the first `limit` words of `text` (runs of letters, digits and apostrophes),
/// lower-cased character by character. ASCII is read a run of word bytes at a time: a run that is a
/// whole word already in lower case (most words) is passed as it is, without a copy.
fn lower_case_words(text: &str, limit: usize, mut f: impl FnMut(&str)) {
    let bytes = text.as_bytes();
    let mut lower = String::new();
    let mut read = 0;
    let mut i = 0;
    while i < bytes.len() {
        let byte = bytes[i];
        if ASCII_CLASS[usize::from(byte)] & WORD != 0 {
            let start = i;
            let mut classes = 0;
            while let Some(&b) = bytes.get(i) {
                let class = ASCII_CLASS[usize::from(b)];
                if class & WORD == 0 {
                    break;
                }
                classes |= class;
                i += 1;
            }
            let run = &text[start..i];
            // The word ends here unless a non-ASCII character (a letter, say) goes on with it.
            let ends = bytes.get(i).is_none_or(u8::is_ascii);
            if lower.is_empty() && ends && classes & UPPER == 0 {
                if read == limit {
                    return;
                }
                f(run);
                read += 1;
            } else {
                let from = lower.len();
                lower.push_str(run);
                lower[from..].make_ascii_lowercase();
            }
            continue;
        }
        let c = if byte.is_ascii() {
            i += 1;
            char::from(byte)
        } else {
            let Some(c) = text[i..].chars().next() else { break };
            i += c.len_utf8();
            c
        };
        if !byte.is_ascii() && (c.is_alphanumeric() || c == '\u{2019}') {
            lower.extend(c.to_lowercase());
        } else if !lower.is_empty() {
            if read == limit {
                return;
            }
            f(&lower);
            lower.clear();
            read += 1;
        }
    }
    if !lower.is_empty() && read < limit {
        f(&lower);
    }
}

/// [`ASCII_CLASS`] bits: the ASCII bytes of words (letters, digits, the apostrophe), and the upper-case
/// letters among them.
const WORD: u8 = 1;
const UPPER: u8 = 2;

/// The class of each byte, a table since it is asked of every byte the vote reads; 0 for the bytes of
/// non-ASCII characters, which are told apart as characters.
static ASCII_CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut byte = 0;
    while byte < 128 {
        let b = byte as u8;
        if b.is_ascii_alphanumeric() || b == b'\'' {
            table[byte] = WORD;
        }
        if b.is_ascii_uppercase() {
            table[byte] |= UPPER;
        }
        byte += 1;
    }
    table
};

/// At most [`SAMPLE_BYTES`] from the start of `text`, cut at a character boundary.
fn sample(text: &str) -> &str {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// The nutgraf language whatlang's `lang` is, if nutgraf has it.
fn supported(lang: Lang) -> Option<Language> {
    Some(match lang {
        Lang::Ara => Language::Arabic,
        Lang::Dan => Language::Danish,
        Lang::Nld => Language::Dutch,
        Lang::Eng => Language::English,
        Lang::Fin => Language::Finnish,
        Lang::Fra => Language::French,
        Lang::Deu => Language::German,
        Lang::Ell => Language::Greek,
        Lang::Hun => Language::Hungarian,
        Lang::Ita => Language::Italian,
        Lang::Nob => Language::Norwegian,
        Lang::Por => Language::Portuguese,
        Lang::Ron => Language::Romanian,
        Lang::Rus => Language::Russian,
        Lang::Spa => Language::Spanish,
        Lang::Swe => Language::Swedish,
        Lang::Tam => Language::Tamil,
        Lang::Tur => Language::Turkish,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_supported_language_maps_back_from_whatlang() {
        let mapped: Vec<Language> = Lang::all().iter().filter_map(|&l| supported(l)).collect();
        for language in Language::ALL {
            assert!(mapped.contains(&language), "{language} is never detected");
        }
    }

    #[test]
    fn news_in_each_language_is_detected() {
        for (text, expected) in [
            (
                "Die Regierung hat am Mittwoch einen Gesetzentwurf zur Rente vorgelegt, über den der Bundestag im Frühjahr beraten soll.",
                "german",
            ),
            (
                "El Gobierno presentó el miércoles un proyecto de ley sobre las pensiones que el Congreso debatirá en primavera.",
                "spanish",
            ),
            ("Hükümet çarşamba günü emeklilik yasa tasarısını sundu; meclis tasarıyı ilkbaharda görüşecek.", "turkish"),
            (
                "Правительство в среду представило законопроект о пенсиях, который депутаты рассмотрят весной.",
                "russian",
            ),
            ("政府は水曜日、年金に関する法案を提出した。国会は春に審議する予定だ。", "japanese"),
        ] {
            assert_eq!(TextLanguage::detect(text).map(TextLanguage::name).as_deref(), Some(expected), "{text}");
        }
    }

    #[test]
    fn the_stop_word_vote_answers_only_with_a_clear_lead() {
        let english = "The council said on Monday that the plan would go ahead, and that it had been \
                       approved by most of the members who were there when the vote was taken in the hall.";
        assert_eq!(by_function_words(english), Some(Language::English));
        assert_eq!(by_function_words("The council met."), None, "too few words to tell");
        let polish = "Rada miasta przyjęła w poniedziałek nowy budżet po długiej debacie i głosowaniu.";
        assert_eq!(by_function_words(polish), None, "not a language with stop words here");
    }

    /// On every dev article the vote answers for, its answer is the record's language; it answers for
    /// nearly every English news article, whose speed matters (many French, Portuguese and Turkish ones,
    /// whose stop words other languages share or which have few, go to whatlang).
    #[test]
    fn the_vote_agrees_with_every_dev_record_it_answers_for() {
        let Some(eval) = crate::shared_data::shared_path("eval") else {
            println!("skipped: shared eval data not found");
            return;
        };
        let (mut articles, mut answered) = (0, 0);
        let (mut news, mut news_answered) = (0, 0);
        for (set, language) in [
            ("orangesum_fr", "french"),
            ("klexikon_de", "german"),
            ("temario_pt", "portuguese"),
            ("tes_tr", "turkish"),
            ("cnndm_frank", "english"),
            ("bbc_news_summary", "english"),
            ("scraped", "english"),
        ] {
            let Ok(body) = std::fs::read_to_string(eval.join(set).join("dev.jsonl")) else { continue };
            let before = answered;
            for line in body.lines() {
                let Ok(record) = serde_json::from_str::<serde_json::Value>(line) else { continue };
                let Some(text) = record["text"].as_str() else { continue };
                articles += 1;
                if let Some(found) = by_function_words(text) {
                    answered += 1;
                    assert_eq!(found.name(), language, "{}", record["id"]);
                }
            }
            println!("{set}: the vote answered for {}", answered - before);
            if matches!(set, "cnndm_frank" | "bbc_news_summary") {
                news += body.lines().count();
                news_answered += answered - before;
            }
        }
        println!("the stop-word vote answered for {answered} of {articles} dev articles");
        assert!(news_answered * 100 >= news * 95, "{news_answered} of {news} English news articles");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2_000))]
        /// The words are those of splitting at every other character, each lower-cased by its characters.
        #[test]
        fn words_are_read_as_split_and_lower_cased(
            text in proptest::string::string_regex("(The|rise|ÉTÉ|İ|Σ|’|'|[a-zA-Z0-9]{1,4}|[ .,;!?\\n-]|日本|\u{301}){0,40}").unwrap(),
            limit in 0usize..12,
        ) {
            let mut words = Vec::new();
            lower_case_words(&text, limit, |w| words.push(w.to_string()));
            let expected: Vec<String> = text
                .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '\u{2019}')
                .filter(|w| !w.is_empty())
                .take(limit)
                .map(|w| w.chars().flat_map(char::to_lowercase).collect())
                .collect();
            proptest::prop_assert_eq!(words, expected);
        }
    }

    #[test]
    fn samples_cut_at_character_boundaries() {
        let text = "é".repeat(SAMPLE_BYTES);
        assert!(sample(&text).len() <= SAMPLE_BYTES);
        assert!(TextLanguage::detect("").is_none());
        assert!(TextLanguage::detect("\u{0}\u{fffd}\u{fffd} 42").is_none());
    }
}
